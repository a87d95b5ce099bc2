/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-test-util.h"

/* Pack export benchmark: a 200-finding pack written as PDF, DOCX, CSV and HTML,
 * reported beside pdftotext reading the PDF back in the same run (the
 * issue's figure for PDF is "under 1 s on this hardware"). */

#define RUNS 5
#define N_FINDINGS 200

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_export (PbLibrary   *library,
             gint64       pack_id,
             const char  *path,
             gboolean   (*export) (PbLibrary *, gint64, const char *, GError **))
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), elapsed;

      if (!export (library, pack_id, path, &error))
        g_error ("export failed: %s", error->message);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }
  return pb_test_median (times);
}

static double
time_pdftotext (const char *pdf)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      const char *argv[] = { "pdftotext", pdf, "/dev/null", NULL };
      g_autoptr(GError) error = NULL;
      double start = now_ms (), elapsed;
      int status;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error))
        g_error ("pdftotext could not run: %s", error->message);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }
  return pb_test_median (times);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const cohorts[][2] = {
    { "help_and_protection", NULL }, { "children_in_care", NULL }, { "care_leavers", NULL }, { "leadership", NULL },
  };
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *docx = g_build_filename (dir, "pack.docx", NULL);
  g_autofree char *csv = g_build_filename (dir, "pack.csv", NULL);
  g_autofree char *html = g_build_filename (dir, "pack.html", NULL);
  g_autoptr(GError) error = NULL;
  PbFinding *model;
  double pdf_ms, docx_ms, csv_ms, html_ms, reference;
  gint64 pack_id;

  if (!pb_demo_populate (library, dir, &error))
    g_error ("no demo library: %s", error->message);
  demo = pb_library_list_findings (library, NULL, NULL);
  model = g_ptr_array_index (demo, 0);

  /* 200 findings with passages and notes of a realistic length. */
  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autoptr(PbFinding) finding = pb_finding_copy (model);
      g_autofree char *quote = g_strdup_printf ("Finding %u: managers do not consistently record the rationale for "
                                                "decisions, and plans for some children drift when their "
                                                "circumstances change, so that help is slower to arrive.", i + 1);
      g_autofree char *note = g_strdup_printf ("Ask the service for the audit of case %u at the next panel.", i + 1);
      gint64 id;

      pb_finding_set_quote (finding, quote);
      pb_finding_set_note (finding, note);
      pb_finding_set_cohorts (finding, cohorts[i % G_N_ELEMENTS (cohorts)]);
      pb_finding_set_exempt (finding, FALSE);
      if (!(id = pb_library_add_finding (library, finding, &error)))
        g_error ("could not add a finding: %s", error->message);
      g_array_append_val (ids, id);
    }

  pack_id = pb_library_create_pack (library, "Corporate parenting panel", FALSE, "2026-03-12", &error);
  if (pack_id == 0 || !pb_library_add_to_pack (library, pack_id, (gint64 *)(gpointer)ids->data, ids->len, &error))
    g_error ("could not fill the pack: %s", error->message);

  pdf_ms = time_export (library, pack_id, pdf, pb_library_export_pack_pdf);
  docx_ms = time_export (library, pack_id, docx, pb_library_export_pack_docx);
  csv_ms = time_export (library, pack_id, csv, pb_library_export_pack_csv);
  html_ms = time_export (library, pack_id, html, pb_library_export_pack_html);
  reference = time_pdftotext (pdf);

  printf ("pack export: %u findings, median of %d runs: PDF %.0f ms (target: under 1 s), "
          "DOCX %.1f ms (target: under 0.5 s), CSV %.1f ms, HTML %.1f ms\n",
          N_FINDINGS, RUNS, pdf_ms, docx_ms, csv_ms, html_ms);
  printf ("pack export: pdftotext reads the same PDF in %.0f ms; PDF export ratio %.2f\n",
          reference, pdf_ms / reference);

  /* PB_BENCH_KEEP=FILE keeps a copy of the PDF to look at. */
  if (g_getenv ("PB_BENCH_KEEP") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (pdf, &contents, &length, NULL))
        g_file_set_contents (g_getenv ("PB_BENCH_KEEP"), contents, (gssize)length, NULL);
    }

  g_clear_object (&library);
  pb_test_remove_dir (dir);
  return 0;
}
