/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pb-db.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-schema.h"
#include "pb-test-util.h"
#include "pb-view-state-store.h"
#include "pb-view-state.h"

typedef struct
{
  char *dir;
  char *library_dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "nested", "library", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_remove_dir (f->library_dir);
  pb_test_remove_dir (f->dir);
  g_free (f->library_dir);
  g_free (f->dir);
}

static gint
read_user_version (const char *library_dir)
{
  g_autofree char *path = g_build_filename (library_dir, "library.db", NULL);
  sqlite3 *db = pb_db_open (path, TRUE, NULL);
  gint version;

  g_assert_nonnull (db);
  version = pb_schema_get_version (db, NULL);
  pb_db_close (db);

  return version;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autofree char *reports = g_build_filename (f->library_dir, "reports", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);

  g_assert_cmpstr (pb_library_get_path (library), ==, f->library_dir);
  g_assert_cmpuint (pb_test_file_mode (f->library_dir), ==, 0700);
  g_assert_cmpuint (pb_test_file_mode (reports), ==, 0700);
  g_assert_cmpuint (pb_test_file_mode (db_path), ==, 0600);
  /* The WAL file inherits the database's mode. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pb_test_file_mode (wal), ==, 0600);

  g_assert_cmpint (read_user_version (f->library_dir), ==, (gint)pb_schema_latest_version ());
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  sqlite3 *db = pb_db_open (db_path, FALSE, NULL);
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "PRAGMA journal_mode", NULL);

  g_assert_nonnull (library);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  g_assert_cmpint (pb_db_query_int (db, "PRAGMA synchronous", NULL), ==, 2);   /* FULL */
  g_assert_cmpint (pb_db_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  pb_db_close (db);
}

static void
test_cohorts_seeded (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  static const char *expected[] = { "help_and_protection", "children_in_care", "care_leavers", "leadership" };
  sqlite3 *db = pb_db_open (db_path, TRUE, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    pb_db_prepare (db, "SELECT slug FROM cohorts WHERE built_in = 1 ORDER BY position", NULL);
  guint i = 0;

  g_assert_nonnull (library);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, expected[i]);
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  g_clear_pointer (&stmt, sqlite3_finalize);
  pb_db_close (db);
}

static void
test_tightens_permissions (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->library_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->library_dir, 0755), ==, 0);

  library = pb_library_open (f->library_dir, NULL);
  g_assert_nonnull (library);
  g_assert_cmpuint (pb_test_file_mode (f->library_dir), ==, 0700);
}

/* A library at schema version 1, made as an older Panel Brief made it, with
 * one report in it. */
static void
make_version_one_library (const char *library_dir)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (library_dir, 0700), ==, 0);
  db = pb_db_open (db_path, FALSE, &error);
  g_assert_no_error (error);
  pb_schema_migrate (db, 1, &error);
  g_assert_no_error (error);
  pb_db_exec (db,
              "INSERT INTO reports (sha256, title, file_name, byte_size, page_count, imported_at)"
              " VALUES ('" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
              "', 'Old report', 'old.pdf', 10, 1, '2020-01-01T00:00:00Z')",
              &error);
  g_assert_no_error (error);
  pb_db_close (db);
}

static void
test_migrates_forward (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);

  make_version_one_library (f->library_dir);
  g_assert_cmpint (read_user_version (f->library_dir), ==, 1);

  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  g_assert_cmpint (read_user_version (f->library_dir), ==, (gint)pb_schema_latest_version ());
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (pb_report_get_title (g_ptr_array_index (reports, 0)), ==, "Old report");

  /* The tables of version 2 exist. */
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 0);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "packs"), ==, 0);

  /* The library was backed up before it changed. */
  g_assert_cmpuint (pb_test_count_files (backups), ==, 1);
}

static void
test_refuses_newer_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  guint n_files;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
    g_assert_nonnull (library);
  }

  {
    sqlite3 *db = pb_db_open (db_path, FALSE, NULL);
    pb_db_exec (db, "PRAGMA user_version = 99", &error);
    g_assert_no_error (error);
    pb_db_close (db);
  }

  g_assert_true (g_file_get_contents (db_path, &before, &before_len, NULL));
  n_files = pb_test_count_files (f->library_dir);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_null (library);
    g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NEWER_SCHEMA);
    g_assert_nonnull (strstr (error->message, "newer version of Panel Brief"));
  }

  g_assert_true (g_file_get_contents (db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (pb_test_count_files (f->library_dir), ==, n_files);
}

static void
test_not_a_library (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *garbage = "This is not an SQLite database, but it is long enough to look like one at first glance. ";

  g_assert_cmpint (g_mkdir_with_parents (f->library_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db_path, garbage, -1, NULL));

  library = pb_library_open (f->library_dir, &error);
  g_assert_null (library);
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_A_LIBRARY);
  /* One plain sentence that says what to do once, and does not contradict
   * itself. */
  g_assert_nonnull (strstr (error->message, "is damaged or is not a Panel Brief library"));
  g_assert_nonnull (strstr (error->message, "restore --latest"));
  g_assert_null (strstr (strstr (error->message, "restore --latest") + 1, "restore --latest"));
  g_assert_null (strstr (error->message, "If it is your library"));
  g_assert_null (strstr (error->message, ". "));
  g_assert_null (strchr (error->message, '\n'));

  g_assert_true (g_file_get_contents (db_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

static void
test_resolve_path (void)
{
  g_autofree char *explicit_path = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected_fallback = g_build_filename (g_get_user_data_dir (), "panel-brief", NULL);

  g_setenv ("PANEL_BRIEF_LIBRARY", "/tmp/from-env", TRUE);
  explicit_path = pb_library_resolve_path ("/tmp/explicit");
  from_env = pb_library_resolve_path (NULL);
  g_unsetenv ("PANEL_BRIEF_LIBRARY");
  fallback = pb_library_resolve_path (NULL);

  g_assert_cmpstr (explicit_path, ==, "/tmp/explicit");
  g_assert_cmpstr (from_env, ==, "/tmp/from-env");
  g_assert_cmpstr (fallback, ==, expected_fallback);
}

static void
test_find_report (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) by_id = NULL;
  g_autoptr(PbReport) by_prefix = NULL;
  g_autoptr(PbReport) missing = NULL;
  g_autoptr(PbReport) short_prefix = NULL;
  g_autoptr(GError) error = NULL;

  make_version_one_library (f->library_dir);
  library = pb_library_open (f->library_dir, NULL);

  by_id = pb_library_find_report (library, "1", &error);
  g_assert_no_error (error);
  by_prefix = pb_library_find_report (library, "0123456789AB", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_report_get_id (by_id), ==, pb_report_get_id (by_prefix));

  /* A checksum that starts with digits only is still found by them. */
  {
    g_autoptr(PbReport) by_digits = pb_library_find_report (library, "0123456789", &error);

    g_assert_no_error (error);
    g_assert_cmpint (pb_report_get_id (by_digits), ==, pb_report_get_id (by_id));
  }

  missing = pb_library_find_report (library, "42", &error);
  g_assert_null (missing);
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not hex: never reaches the query, so no LIKE wildcard can slip in. */
  short_prefix = pb_library_find_report (library, "01234%", &error);
  g_assert_null (short_prefix);
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND);
}

static void
test_view_state (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  PbViewState state = { 0 };
  PbViewState saved = { .page_index = 7, .zoom = 1.5, .sizing = PB_SIZING_FREE };

  make_version_one_library (f->library_dir);
  library = pb_library_open (f->library_dir, NULL);

  g_assert_cmpint (pb_library_get_last_read_report (library), ==, 0);
  g_assert_false (pb_library_get_view_state (library, 1, &state));

  g_assert_true (pb_library_save_view_state (library, 1, &saved, &error));
  g_assert_no_error (error);
  g_assert_true (pb_library_get_view_state (library, 1, &state));
  g_assert_cmpuint (state.page_index, ==, 7);
  g_assert_cmpfloat (state.zoom, ==, 1.5);
  g_assert_cmpint (state.sizing, ==, PB_SIZING_FREE);
  g_assert_cmpint (pb_library_get_last_read_report (library), ==, 1);

  /* Saving again updates the one row; a state for no report is refused. */
  saved.page_index = 2;
  g_assert_true (pb_library_save_view_state (library, 1, &saved, NULL));
  g_assert_true (pb_library_get_view_state (library, 1, &state));
  g_assert_cmpuint (state.page_index, ==, 2);
  g_assert_false (pb_library_save_view_state (library, 99, &saved, &error));
  g_assert_nonnull (error);

  /* Removing the report removes where it was left. */
  g_assert_true (pb_library_remove_report (library, 1, NULL));
  g_assert_cmpint (pb_library_get_last_read_report (library), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/library/pragmas", Fixture, NULL, fixture_setup, test_pragmas, fixture_teardown);
  g_test_add ("/library/cohorts-seeded", Fixture, NULL, fixture_setup, test_cohorts_seeded, fixture_teardown);
  g_test_add ("/library/tightens-permissions", Fixture, NULL, fixture_setup, test_tightens_permissions, fixture_teardown);
  g_test_add ("/library/migrates-forward", Fixture, NULL, fixture_setup, test_migrates_forward, fixture_teardown);
  g_test_add ("/library/refuses-newer-schema", Fixture, NULL, fixture_setup, test_refuses_newer_schema, fixture_teardown);
  g_test_add ("/library/not-a-library", Fixture, NULL, fixture_setup, test_not_a_library, fixture_teardown);
  g_test_add ("/library/find-report", Fixture, NULL, fixture_setup, test_find_report, fixture_teardown);
  g_test_add ("/library/view-state", Fixture, NULL, fixture_setup, test_view_state, fixture_teardown);
  g_test_add_func ("/library/resolve-path", test_resolve_path);

  return g_test_run ();
}
