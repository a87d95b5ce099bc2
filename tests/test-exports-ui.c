/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <poppler.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-demo.h"
#include "pb-finding-picker.h"
#include "pb-finding-store.h"
#include "pb-finding-tile.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-packs-view.h"
#include "pb-preview-window.h"
#include "pb-print.h"
#include "pb-report-store.h"
#include "pb-save-annotated.h"
#include "pb-packs-ui-fixture.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Exports asked for from the window: the findings table as CSV, and a
 * report as a PDF with its findings as highlights. */

/* The Findings table saves what it shows, as filtered and sorted, as CSV,
 * from its Export button in the header bar. */
static void
test_findings_export_csv (Fixture       *f,
                          gconstpointer  data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbFindingsView *view = pb_window_get_findings_view (window);
  GListModel *shown = pb_findings_view_get_model (view);
  g_autofree char *path = g_build_filename (f->dir, "shown.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_all;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-findings", NULL));
  n_all = g_list_model_get_n_items (shown);
  pb_findings_view_set_search (view, "pathway");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_all);

  /* With exempt findings when asked for, and without them when not; in
   * the order shown either way. */
  for (int include = 1; include >= 0; include--)
    {
      g_autofree char *csv = NULL;
      g_auto(GStrv) lines = NULL;
      guint row = 1, n_exempt = 0;

      g_unlink (path);
      pb_findings_view_export_to (view, file, include);
      while (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);

      g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
      lines = g_strsplit (csv, "\r\n", -1);
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(PbFinding) finding = g_list_model_get_item (shown, i);
          g_autofree char *start = g_strdup_printf ("\"%" G_GINT64_FORMAT "\",", pb_finding_get_id (finding));

          n_exempt += pb_finding_get_exempt (finding);
          if (!include && pb_finding_get_exempt (finding))
            continue;
          g_assert_nonnull (lines[row]);
          g_assert_true (g_str_has_prefix (lines[row], start));
          /* The report by the title the table shows, not its PDF's own. */
          {
            g_autoptr(PbReport) report = pb_library_get_report (f->library, pb_finding_get_report_id (finding), NULL);
            g_autofree char *cell = g_strdup_printf ("%s\"%s\",", start, pb_report_get_display_title (report));

            g_assert_nonnull (report);
            g_test_message ("report cell: %s (the PDF's own title: %s)", pb_report_get_display_title (report),
                            pb_report_get_title (report));
            g_assert_true (g_str_has_prefix (lines[row], cell));
          }
          row++;
        }
      g_assert_cmpuint (n_exempt, >=, 1);
      g_assert_cmpstr (lines[row], ==, "");
      g_assert_null (lines[row + 1]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static guint
count_highlights (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *mappings = poppler_page_get_annot_mapping (page);

      for (GList *l = mappings; l != NULL; l = l->next)
        n += poppler_annot_get_annot_type (((PopplerAnnotMapping *)l->data)->annot) == POPPLER_ANNOT_HIGHLIGHT;
      poppler_page_free_annot_mapping (mappings);
      g_object_unref (page);
    }
  g_object_unref (document);
  return n;
}

/* Save a Copy with Findings: a highlight for each of the report's findings,
 * off the main thread; exempt ones only when asked for. */
static void
test_save_annotated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, &error);
  PbFinding *exempt = NULL;
  g_autoptr(PbReport) report = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) in_report = NULL;
  int refs = g_atomic_int_get (&G_OBJECT (f->library)->ref_count);

  for (guint i = 0; i < findings->len && exempt == NULL; i++)
    if (pb_finding_get_exempt (g_ptr_array_index (findings, i)))
      exempt = g_ptr_array_index (findings, i);
  g_assert_nonnull (exempt);
  report = pb_library_get_report (f->library, pb_finding_get_report_id (exempt), &error);
  g_assert_no_error (error);
  filter.report_id = pb_report_get_id (report);
  in_report = pb_library_list_findings (f->library, &filter, &error);
  g_assert_no_error (error);

  for (int include = 0; include <= 1; include++)
    {
      g_autofree char *path = g_strdup_printf ("%s/copy-%d.pdf", f->dir, include);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint expected = 0;

      for (guint i = 0; i < in_report->len; i++)
        expected += include || !pb_finding_get_exempt (g_ptr_array_index (in_report, i));

      pb_save_annotated_to (GTK_WIDGET (f->editor), f->library, report, file, include);
      while (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (count_highlights (path), ==, expected);
    }

  /* Each save's task lets go of the library once its answer is in. */
  while (g_atomic_int_get (&G_OBJECT (f->library)->ref_count) > refs)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/packs-ui/findings-export-csv", Fixture, NULL, pb_packs_fixture_setup, test_findings_export_csv, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/save-annotated", Fixture, NULL, pb_packs_fixture_setup, test_save_annotated, pb_packs_fixture_teardown);

  return g_test_run ();
}
