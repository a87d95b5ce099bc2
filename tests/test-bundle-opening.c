/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pb-bundle.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-test-bundle.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Tester's defect 3: a bundle opens whole or not at all.  An opening that
 * fails part-way (here: stopped after its first report is in) keeps none
 * of its reports; one killed part-way leaves what the next opening sweeps
 * away, the partial copy of a report included. */

typedef PbBundleFixture Fixture;

static guint
n_reports (PbLibrary *library)
{
  g_autoptr(GPtrArray) reports = pb_library_list_reports (library, NULL);

  g_assert_nonnull (reports);
  return reports->len;
}

static char *
export_board_pack (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *path = pb_bundle_fixture_out_path (f, "board.panelpack");
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 12, FALSE);

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  PbLibrary    *library;
  GCancellable *cancellable;
} Stopper;

/* Stops the opening once a report is in the library: as a failure after
 * the first report would. */
static void
stop_after_first_cb (double   fraction,
                     gpointer data)
{
  Stopper *stopper = data;

  if (n_reports (stopper->library) > 0)
    g_cancellable_cancel (stopper->cancellable);
}

static void
test_failed_keeps_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_board_pack (f);
  g_autofree char *reports_dir = g_build_filename (pb_library_get_path (f->member), "reports", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Stopper stopper = { f->member, cancellable };
  PbBundleOpenResult result = { 0 };

  g_assert_false (pb_library_open_bundle (f->member, path, NULL, NULL, cancellable, stop_after_first_cb, &stopper,
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (n_reports (f->member), ==, 0);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 0);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->member), "report_origins"), ==, 0);
  if (g_file_test (reports_dir, G_FILE_TEST_IS_DIR))
    g_assert_cmpuint (pb_test_count_leftovers (reports_dir), ==, 0);

  /* And it opens whole the next time. */
  g_assert_true (pb_library_open_bundle (f->member, path, NULL, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_reports (f->member), ==, result.n_reports);
  g_assert_cmpuint (result.reports_added, ==, result.n_reports);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->member), "bundle_opening"), ==, 0);
  pb_bundle_open_result_clear (&result);
}

/* What a kill leaves: a report imported and listed as an opening's, and a
 * partial copy in reports/.  The next opening removes both, and keeps the
 * member's own report. */
static void
test_killed_swept (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_board_pack (f);
  g_autofree char *reports_dir = g_build_filename (pb_library_get_path (f->member), "reports", NULL);
  g_autofree char *db_path = g_build_filename (pb_library_get_path (f->member), "library.db", NULL);
  static const char * const left[] = { "A report a killed opening left behind, half-opened.\nNothing else.", NULL };
  static const char * const own[] = { "The member's own report, imported by hand.\nKept.", NULL };
  g_autofree char *left_pdf = pb_test_write_pdf (f->member_dir, "left.pdf", left, NULL);
  g_autofree char *own_pdf = pb_test_write_pdf (f->member_dir, "own.pdf", own, NULL);
  g_autoptr(GFile) left_file = g_file_new_for_path (left_pdf);
  g_autoptr(GFile) own_file = g_file_new_for_path (own_pdf);
  g_autoptr(PbReport) report = NULL;
  g_autofree char *part = NULL;
  PbBundleOpenResult result = { 0 };
  PbImportStatus status;
  gint64 left_id = 0, own_id = 0;
  sqlite3 *db = NULL;

  g_assert_true (pb_import_file (f->member, left_file, NULL, NULL, NULL, NULL, &status, &left_id, &error));
  g_assert_true (pb_import_file (f->member, own_file, NULL, NULL, NULL, NULL, &status, &own_id, &error));
  g_assert_no_error (error);
  report = pb_library_get_report (f->member, left_id, &error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO bundle_opening (report_sha256) VALUES ('%s')",
                                            pb_report_get_sha256 (report));

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  part = g_build_filename (reports_dir, ".import-Ab12Cd.part", NULL);
  g_assert_true (g_file_set_contents (part, "%PDF-1.5 half a copy", -1, NULL));
  g_assert_cmpuint (n_reports (f->member), ==, 2);

  g_assert_true (pb_library_open_bundle (f->member, path, NULL, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_reports (f->member), ==, result.n_reports + 1);
  g_clear_object (&report);
  report = pb_library_get_report (f->member, left_id, &error);
  g_assert_null (report);
  g_clear_error (&error);
  report = pb_library_get_report (f->member, own_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pb_test_count_leftovers (reports_dir), ==, 0);
  pb_bundle_open_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-opening/failed-keeps-nothing", Fixture, NULL,
              pb_bundle_fixture_setup, test_failed_keeps_nothing, pb_bundle_fixture_teardown);
  g_test_add ("/bundle-opening/killed-swept", Fixture, NULL,
              pb_bundle_fixture_setup, test_killed_swept, pb_bundle_fixture_teardown);

  return g_test_run ();
}
