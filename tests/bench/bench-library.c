/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>
#include <stdio.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-pdf-text.h"
#include "pb-pdf-writer.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"
#include "pb-test-util.h"

/* Import and search benchmarks. Figures are reported as ratios to a reference
 * measured in the same run on the same machine (pdftotext on the same file),
 * never as bare times to compare against a constant.
 *
 *   import: stress-300p.pdf into a fresh library, against pdftotext;
 *   structure: reading the same file's structure from its text, as a share
 *     of the rest of the import; and reading the published reports' of the
 *     corpus whole (with their tagged tables and headings), as a share of
 *     their import;
 *   search: the median of 100 queries over a library of 200+ reports. */

#define RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_pdftotext (const char *pdf)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      const char *argv[] = { "pdftotext", pdf, "/dev/null", NULL };
      g_autoptr(GError) error = NULL;
      int status;
      double start = now_ms (), elapsed;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      elapsed = now_ms () - start;
      if (error != NULL)
        g_error ("pdftotext could not run: %s", error->message);
      g_array_append_val (times, elapsed);
    }

  return pb_test_median (times);
}

static double
time_import (const char *pdf)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (pdf);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *dir = pb_test_make_dir ();
      g_autoptr(PbLibrary) library = pb_library_open (dir, NULL);
      g_autoptr(GError) error = NULL;
      double start = now_ms (), elapsed;

      if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("import failed: %s", error->message);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);

      g_clear_object (&library);
      pb_test_remove_dir (dir);
    }

  return pb_test_median (times);
}

static const char * const vocabulary[] = {
  "children", "care", "leavers", "protection", "help", "leaders", "managers", "social",
  "workers", "foster", "carers", "placements", "stability", "education", "health",
  "assessment", "plans", "permanence", "adoption", "exploitation", "missing", "return",
  "interviews", "supervision", "caseloads", "quality", "assurance", "audits", "partners",
  "police", "schools", "independent", "reviewing", "officers", "advocacy", "voice",
  "participation", "council", "corporate", "parenting", "panel", "sufficiency", "residential",
  "homes", "apprenticeships", "employment", "training", "accommodation", "pathway",
  "personal", "advisers", "thresholds", "front", "door", "strategy", "meetings", "timely",
  "consistent", "effective", "inadequate", "improvement", "strengths", "weaknesses",
  "disabled", "unaccompanied", "asylum", "seeking", "private", "fostering", "kinship",
};

/* A report of @n_pages pages of plausible sentences, different for each seed. */
static void
write_report (const char *path,
              guint       seed,
              guint       n_pages)
{
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autofree char *title = g_strdup_printf ("Benchmark authority %u inspection", seed);
  GRand *rand = g_rand_new_with_seed (seed);
  guint number = 1;

  writer = pb_pdf_writer_new (path, title, NULL);
  pb_pdf_writer_heading (writer, 1, title);

  for (guint page = 0; page < n_pages; page++)
    {
      for (guint para = 0; para < 5; para++)
        {
          GString *text = g_string_new (NULL);

          for (guint w = 0; w < 60; w++)
            {
              const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
              g_string_append (text, word);
              g_string_append (text, w % 12 == 11 ? ". " : " ");
            }
          pb_pdf_writer_numbered (writer, number++, text->str);
          g_string_free (text, TRUE);
        }
      pb_pdf_writer_page_break (writer);
    }

  if (!pb_pdf_writer_finish (writer, NULL))
    g_error ("could not write %s", path);
  g_rand_free (rand);
}

/* The median time to read the structure from the file's page texts, which
 * import has already extracted by then. */
static double
time_structure (const char *pdf)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (document);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), i));
      g_ptr_array_add (pages, pb_pdf_page_get_reading_text (POPPLER_PAGE (page)));
    }
  g_ptr_array_add (pages, NULL);

  for (int run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      g_autoptr(PbStructure) structure = pb_structure_read_text ((const char * const *)pages->pdata);
      double elapsed = now_ms () - start;

      g_assert_nonnull (structure);
      g_array_append_val (times, elapsed);
    }

  return pb_test_median (times);
}

/* The median time to read a published report's structure whole, as import
 * does: from its page texts, asking the PDF for its tagged table. */
static double
time_structure_whole (const char *pdf)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (document);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), i));
      g_ptr_array_add (pages, pb_pdf_page_get_reading_text (POPPLER_PAGE (page)));
    }
  g_ptr_array_add (pages, NULL);

  for (int run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      g_autoptr(PbStructure) structure = pb_structure_read_document (POPPLER_DOCUMENT (document),
                                                                     (const char * const *)pages->pdata);
      double elapsed = now_ms () - start;

      g_assert_nonnull (structure);
      g_array_append_val (times, elapsed);
    }

  return pb_test_median (times);
}

/* Structure read whole, against import, over the corpus's published
 * reports. */
static void
bench_structure_corpus (void)
{
  static const char * const folders[] = { "ilacs", "variants", "seeds" };
  double structure = 0, import = 0;
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = pb_test_corpus_path (folders[f]);
      g_autoptr(GDir) dir = path ? g_dir_open (path, 0, NULL) : NULL;
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *pdf = g_build_filename (path, name, NULL);

          if (!g_str_has_suffix (name, ".pdf"))
            continue;
          structure += time_structure_whole (pdf);
          import += time_import (pdf);
          n++;
        }
    }

  if (n == 0)
    return;
  printf ("structure: %u published reports and papers read whole, median of %d runs each: %.0f ms of %.0f ms "
          "import, adding %.1f %% to the rest of import (target: at most 20 %%)\n",
          n, RUNS, structure, import, 100 * structure / (import - structure));
}

static void
bench_search (guint n_reports)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(PbLibrary) library = pb_library_open (library_dir, NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (42);
  guint n_pages = 0;
  double import_start = now_ms (), import_ms;
  double slowest = 0;

  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%03u.pdf", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      guint pages = 4 + i % 9;

      write_report (path, i + 1, pages);
      if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("import failed: %s", error->message);
      n_pages += pages;
    }
  import_ms = now_ms () - import_start;

  /* A mix of what users type: single words, two words, phrases, prefixes. */
  for (guint i = 0; i < 100; i++)
    {
      const char *a = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
      const char *b = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];

      switch (i % 4)
        {
        case 0: g_ptr_array_add (queries, g_strdup (a)); break;
        case 1: g_ptr_array_add (queries, g_strdup_printf ("%s %s", a, b)); break;
        case 2: g_ptr_array_add (queries, g_strdup_printf ("\"%s %s\"", a, b)); break;
        default: g_ptr_array_add (queries, g_strdup_printf ("%.4s*", a)); break;
        }
    }

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      double start = now_ms (), elapsed;

      hits = pb_library_search (library, g_ptr_array_index (queries, i), 50, &error);
      elapsed = now_ms () - start;
      if (hits == NULL)
        g_error ("search for %s failed: %s", (char *)g_ptr_array_index (queries, i), error->message);
      g_array_append_val (times, elapsed);
    }

  printf ("search: %u reports, %u pages (generated and imported in %.1f s)\n",
          n_reports, n_pages, import_ms / 1000);
  for (guint i = 0; i < times->len; i++)
    slowest = MAX (slowest, g_array_index (times, double, i));
  printf ("search: median of %u queries %.2f ms, slowest %.2f ms (target: median under 20 ms)\n",
          times->len, pb_test_median (times), slowest);

  g_rand_free (rand);
  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *stress = pb_test_corpus_path ("synthetic/stress-300p.pdf");

  if (stress != NULL)
    {
      double reference = time_pdftotext (stress);
      double ours = time_import (stress);

      printf ("import: stress-300p.pdf, median of %d runs: pdftotext %.0f ms, import %.0f ms\n",
              RUNS, reference, ours);
      printf ("import: ratio to pdftotext %.2f (target: at most 1.5)\n", ours / reference);

      {
        double structure = time_structure (stress);

        printf ("structure: stress-300p.pdf, median of %d runs %.1f ms, adding %.1f %% to the rest of import "
                "(target: at most 20 %%)\n", RUNS, structure, 100 * structure / (ours - structure));
      }
      bench_structure_corpus ();
    }
  else
    {
      printf ("import: skipped, the shared corpus is not here (set PB_CORPUS_DIR)\n");
    }

  bench_search (argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 200);

  return 0;
}
