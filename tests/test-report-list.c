/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "pb-import-job.h"
#include "pb-import.h"
#include "pb-report-list.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

static const char * const pages[] = { "A page about care leavers.", NULL };

static void
import_sync (PbLibrary  *library,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GPtrArray) results = pb_import_job_run_finish (PB_IMPORT_JOB (object), result, NULL);

  g_assert_nonnull (results);
  g_main_loop_quit (user_data);
}

static void
test_report_list_follows_library (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *first = pb_test_write_pdf (dir, "first.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "First" });
  g_autofree char *second = pb_test_write_pdf (dir, "second.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "Second" });
  g_autofree char *third = pb_test_write_pdf (dir, "third.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "Third" });
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(PbReportList) list = pb_report_list_new (library);
  g_autoptr(PbReport) newest = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GFile) third_file = g_file_new_for_path (third);
  g_autoptr(PbImportJob) job = NULL;
  guint position = 0, removed = 0, added = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PB_TYPE_REPORT);

  import_sync (library, first);
  import_sync (library, second);

  gt_signal_logger_connect (logger, list, "items-changed");

  /* Loading: one change for the whole list. */
  g_assert_true (pb_report_list_reload (list, NULL));
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 2);
  gt_signal_logger_assert_no_emissions (logger);

  /* An import through a job adds one row, at the top: newest first. */
  job = pb_import_job_new (library, &third_file, 1);
  pb_import_job_run_async (job, NULL, job_done_cb, loop);
  g_main_loop_run (loop);

  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (pb_report_get_title (newest), ==, "Third");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Removing the middle report removes its row only. */
  {
    g_autoptr(PbReport) middle = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_true (pb_library_remove_report (library, pb_report_get_id (middle), NULL));
  }
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  g_clear_pointer (&logger, gt_signal_logger_free);
  pb_test_wait_for_finalize (g_steal_pointer (&job));
  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&library));
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-list/follows-library", test_report_list_follows_library);
  return g_test_run ();
}
