/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "pb-bundle.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-import.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

/* Pack bundle benchmark: a 200-finding pack citing 10 reports (real ILACS
 * reports from the corpus when it is there, else generated ones), written
 * as a bundle (public, then exempt and encrypted) and opened into a fresh
 * library, beside two references measured in the same run: copying the 10
 * report files, and importing them into a fresh library (what opening a
 * bundle must do at the least).  Each figure is the median wall time, with
 * this process's CPU time beside it: on a shared, busy machine the wall
 * time is mostly waiting (for the processor, and for the fsyncs a library
 * makes). */

#define RUNS 3
#define N_REPORTS 10
#define N_FINDINGS 200
#define PASSPHRASE "benchmark passphrase"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The CPU time of the run whose wall time was the median. */
static double cpu_of_median;

static double
median_of (GArray *wall,
           GArray *cpu)
{
  double median = pb_test_median (wall);

  for (guint i = 0; i < wall->len; i++)
    if (g_array_index (wall, double, i) == median)
      cpu_of_median = g_array_index (cpu, double, i);
  return median;
}

/* Ten report files: the corpus's ILACS reports, or generated ones. */
static GPtrArray *
report_files (const char *dir)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *corpus = pb_test_corpus_path ("ilacs");
  g_autoptr(GDir) listing = corpus ? g_dir_open (corpus, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < names->len && files->len < N_REPORTS; i++)
    g_ptr_array_add (files, g_build_filename (corpus, (char *)g_ptr_array_index (names, i), NULL));

  for (guint r = files->len; r < N_REPORTS; r++)
    {
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *file = g_strdup_printf ("report-%u.pdf", r + 1);

      for (guint p = 0; p < 20; p++)
        g_ptr_array_add (pages, g_strdup_printf ("Report %u, page %u.\nChildren in care live in stable homes.\n"
                                                 "Leaders know their services well, and plans are reviewed.", r + 1, p + 1));
      g_ptr_array_add (pages, NULL);
      g_ptr_array_add (files, pb_test_write_pdf (dir, file, (const char **)pages->pdata, NULL));
    }
  return g_steal_pointer (&files);
}

static gint64
make_pack (PbLibrary *library,
           GPtrArray *files,
           gboolean   exempt)
{
  static const char * const cohorts[][2] = {
    { "help_and_protection", NULL }, { "children_in_care", NULL }, { "care_leavers", NULL }, { "leadership", NULL },
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 pack_id;

  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i % files->len));
      g_autoptr(PbReport) report = NULL;
      g_autoptr(PbFinding) finding = pb_finding_new ();
      g_autofree char *quote = NULL;
      gint64 report_id = 0, id;
      guint page;
      PbAnchor anchors[2];

      if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &report_id, &error) ||
          !(report = pb_library_get_report (library, report_id, &error)))
        g_error ("could not import: %s", error->message);
      page = 1 + (i / files->len) % pb_report_get_page_count (report);
      /* Two lines of a passage, where a passage would be. */
      anchors[0] = (PbAnchor) { page, { 72, 100 + (i % 20) * 30, 520, 112 + (i % 20) * 30 } };
      anchors[1] = (PbAnchor) { page, { 72, 114 + (i % 20) * 30, 300, 126 + (i % 20) * 30 } };
      quote = g_strdup_printf ("Finding %u: managers do not consistently record the rationale for decisions, "
                               "and plans for some children drift when their circumstances change.", i + 1);
      pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
      pb_finding_set_page (finding, page);
      pb_finding_set_anchors (finding, anchors, 2);
      pb_finding_set_quote (finding, quote);
      pb_finding_set_note (finding, "Ask the service for its audit at the next panel.");
      pb_finding_set_cohorts (finding, cohorts[i % G_N_ELEMENTS (cohorts)]);
      pb_finding_set_kind (finding, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
      pb_finding_set_paragraph (finding, i + 1);
      if (!(id = pb_library_add_finding (library, finding, &error)))
        g_error ("could not add a finding: %s", error->message);
      g_array_append_val (ids, id);
    }

  pack_id = pb_library_create_pack (library, exempt ? "Part B" : "Corporate parenting panel", exempt, "2026-03-12",
                                    &error);
  if (pack_id == 0 || !pb_library_add_to_pack (library, pack_id, (gint64 *)(gpointer)ids->data, ids->len, &error))
    g_error ("could not fill the pack: %s", error->message);
  return pack_id;
}

static double
time_export (PbLibrary  *library,
             gint64      pack_id,
             const char *path,
             const char *passphrase)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), start_cpu = cpu_ms (), elapsed, used;

      if (!pb_library_export_bundle (library, pack_id, path, passphrase, NULL, NULL, NULL, &error))
        g_error ("export failed: %s", error->message);
      elapsed = now_ms () - start;
      used = cpu_ms () - start_cpu;
      g_array_append_val (cpu, used);
      g_array_append_val (times, elapsed);
    }
  return median_of (times, cpu);
}

static double
time_open (const char *path,
           const char *passphrase)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *dir = pb_test_make_dir ();
      g_autoptr(PbLibrary) member = pb_test_open_library (dir);
      g_autoptr(GError) error = NULL;
      PbBundleOpenResult result = { 0 };
      double start = now_ms (), start_cpu = cpu_ms (), elapsed, used;

      if (!pb_library_open_bundle (member, path, passphrase, &result, NULL, NULL, NULL, &error))
        g_error ("open failed: %s", error->message);
      elapsed = now_ms () - start;
      used = cpu_ms () - start_cpu;
      g_array_append_val (cpu, used);
      g_assert_cmpuint (result.n_findings, ==, N_FINDINGS);
      g_array_append_val (times, elapsed);
      pb_bundle_open_result_clear (&result);
      g_clear_object (&member);
      pb_test_remove_dir (dir);
    }
  return median_of (times, cpu);
}

static double
time_copy (GPtrArray *files)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *dir = pb_test_make_dir ();
      double start = now_ms (), start_cpu = cpu_ms (), elapsed, used;

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GFile) from = g_file_new_for_path (g_ptr_array_index (files, i));
          g_autofree char *name = g_strdup_printf ("%u.pdf", i);
          g_autofree char *to_path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) to = g_file_new_for_path (to_path);
          g_autoptr(GError) error = NULL;

          if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
            g_error ("copy failed: %s", error->message);
        }
      elapsed = now_ms () - start;
      used = cpu_ms () - start_cpu;
      g_array_append_val (cpu, used);
      g_array_append_val (times, elapsed);
      pb_test_remove_dir (dir);
    }
  return median_of (times, cpu);
}

static double
time_import (GPtrArray *files)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *dir = pb_test_make_dir ();
      g_autoptr(PbLibrary) library = pb_test_open_library (dir);
      double start = now_ms (), start_cpu = cpu_ms (), elapsed, used;

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
          g_autoptr(GError) error = NULL;

          if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error))
            g_error ("import failed: %s", error->message);
        }
      elapsed = now_ms () - start;
      used = cpu_ms () - start_cpu;
      g_array_append_val (cpu, used);
      g_array_append_val (times, elapsed);
      g_clear_object (&library);
      pb_test_remove_dir (dir);
    }
  return median_of (times, cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) files = report_files (dir);
  g_autofree char *public_path = g_build_filename (dir, "public.panelpack", NULL);
  g_autofree char *exempt_path = g_build_filename (dir, "exempt.panelpack", NULL);
  gint64 public_pack = make_pack (library, files, FALSE);
  gint64 exempt_pack = make_pack (library, files, TRUE);
  gint64 bytes = 0, bundle_bytes = 0;
  double export_ms, export_exempt_ms, open_ms, open_exempt_ms, copy_ms, import_ms;
  double export_cpu, export_exempt_cpu, open_cpu, open_exempt_cpu, copy_cpu, import_cpu;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

      bytes += info ? g_file_info_get_size (info) : 0;
    }

  export_ms = time_export (library, public_pack, public_path, NULL);
  export_cpu = cpu_of_median;
  export_exempt_ms = time_export (library, exempt_pack, exempt_path, PASSPHRASE);
  export_exempt_cpu = cpu_of_median;
  open_ms = time_open (public_path, NULL);
  open_cpu = cpu_of_median;
  open_exempt_ms = time_open (exempt_path, PASSPHRASE);
  open_exempt_cpu = cpu_of_median;
  copy_ms = time_copy (files);
  copy_cpu = cpu_of_median;
  import_ms = time_import (files);
  import_cpu = cpu_of_median;
  {
    g_autoptr(GFile) file = g_file_new_for_path (public_path);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

    bundle_bytes = info ? g_file_info_get_size (info) : 0;
  }

  printf ("bundle: %u findings citing %u reports (%.1f MB of PDF; bundle %.1f MB), median of %d runs\n",
          N_FINDINGS, files->len, bytes / 1e6, bundle_bytes / 1e6, RUNS);
  printf ("bundle: export %.0f ms (CPU %.0f), exempt (AES-256) %.0f ms (CPU %.0f)\n",
          export_ms, export_cpu, export_exempt_ms, export_exempt_cpu);
  printf ("bundle: open into a fresh library %.0f ms (CPU %.0f), exempt %.0f ms (CPU %.0f)\n",
          open_ms, open_cpu, open_exempt_ms, open_exempt_cpu);
  printf ("bundle: references in the same run: copying the %u PDFs %.1f ms (CPU %.1f); "
          "importing them into a fresh library %.0f ms (CPU %.0f)\n",
          files->len, copy_ms, copy_cpu, import_ms, import_cpu);
  printf ("bundle: open / import of the same reports %.2f (CPU %.2f); export / copy %.0f\n",
          open_ms / import_ms, open_cpu / import_cpu, export_ms / copy_ms);

  g_clear_object (&library);
  pb_test_remove_dir (dir);
  return 0;
}
