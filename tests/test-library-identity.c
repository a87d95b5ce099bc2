/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <sqlite3.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-restore.h"
#include "pb-search.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* A library knows itself: its backups from another library's, its own
 * database from none at all, damage found at open and while it is open, and
 * text in its database that is not UTF-8. */

typedef PbSafetyFixture Fixture;

static void
run_sql (const char *db_path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Copies the backup @from into @folder under the name a backup taken @days
 * ago would have. */
static char *
age_backup (const char *from,
            const char *folder,
            gint        days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autofree char *name = pb_backup_file_name_for (then);
  g_autofree char *to = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&to);
}

/* A second library beside the fixture's, with one report and a backup;
 * returns the backup. */
static char *
other_library_backup (Fixture *f)
{
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autofree char *pdf = pb_safety_write_report (f, "other.pdf", "Another council entirely.");
  g_autoptr(PbLibrary) other = pb_library_open (other_dir, NULL);
  g_autoptr(GError) error = NULL;
  char *backup;

  pb_safety_import (other, pdf);
  backup = pb_library_backup (other, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  return backup;
}

static gboolean
listed (GPtrArray  *backups,
        const char *path)
{
  for (guint i = 0; i < backups->len; i++)
    if (g_strcmp0 (pb_backup_get_path (g_ptr_array_index (backups, i)), path) == 0)
      return TRUE;
  return FALSE;
}

/* Another library's backup in backups/ (a folder copied over, a file put
 * there by hand) is neither listed, nor restored by --latest though it is
 * the newest, nor rotated away; this library's own old backups are. */
static void
test_backups_of_another_library (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  g_autofree char *foreign = other_library_backup (f);
  g_autofree char *foreign_old = NULL;
  g_autofree char *foreign_new = NULL;
  g_autofree char *own = NULL;
  g_autofree char *own_old = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

  g_assert_no_error (error);
  pb_safety_import (library, pdf);
  own = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);

  /* A backup a week for ten weeks, two months back: more days and weeks
   * than rotation keeps one of. */
  for (gint days = 60; days < 123; days += 7)
    g_free (age_backup (own, backups_dir, days));
  own_old = age_backup (own, backups_dir, 123);
  foreign_old = age_backup (foreign, backups_dir, 61);
  foreign_new = age_backup (foreign, backups_dir, -1);

  backups = pb_library_list_backups (library, &error);
  g_assert_true (listed (backups, own));
  g_assert_true (listed (backups, own_old));
  g_assert_false (listed (backups, foreign_old));
  g_assert_false (listed (backups, foreign_new));

  latest = pb_library_find_latest_good_backup (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest, ==, own);

  /* The next backup rotates: this library's oldest goes, the other
   * library's stay. */
  g_free (pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (own_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign_new, G_FILE_TEST_EXISTS));
}

/* A backup that holds more than the newest one outlives its turn: the
 * library emptied by mistake keeps its last full copies for 90 days. */
static void
test_rotation_keeps_larger (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  g_autofree char *full = NULL;
  g_autofree char *full_40 = NULL;
  g_autofree char *full_100 = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
  gint64 id;

  g_assert_no_error (error);
  id = pb_safety_import (library, pdf);
  pb_safety_add_finding (library, id);
  full = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  full_40 = age_backup (full, backups_dir, 40);
  full_100 = age_backup (full, backups_dir, 100);

  /* Emptied, and backed up every day since, and every week before: enough
   * newer backups that rotation lets both full ones go by its own rule. */
  g_assert_true (pb_library_remove_report (library, id, &error));
  g_assert_no_error (error);
  empty = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  for (gint days = 1; days <= 29; days += days < 7 ? 1 : 7)
    g_free (age_backup (empty, backups_dir, days));
  g_free (pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (full_40, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (full_100, G_FILE_TEST_EXISTS));
}

static void
remove_database (Fixture *f)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-checked" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* library.db gone or emptied while backups/ holds backups of it: no new,
 * empty library is started over them; the newest backup restores it. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  gboolean emptied = GPOINTER_TO_INT (data);
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_add_finding (library, pb_safety_import (library, pdf));
    g_free (pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
    g_assert_no_error (error);
  }

  remove_database (f);
  if (emptied)
    g_assert_true (g_file_set_contents_full (f->db_path, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_null (library);
    g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_MISSING_DATABASE);
    g_assert_nonnull (strstr (error->message, emptied ? "empty" : "missing"));
    g_assert_nonnull (strstr (error->message, "restore --latest"));
    g_clear_error (&error);
  }
  /* Refusing wrote nothing. */
  g_assert_cmpint (g_file_test (f->db_path, G_FILE_TEST_EXISTS), ==, emptied);

  latest = pb_library_find_latest_good_backup (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_restore (f->library_dir, latest, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;

    g_assert_no_error (error);
    reports = pb_library_list_reports (library, &error);
    g_assert_cmpuint (reports->len, ==, 1);
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);
  }
}

/* With no backups to restore, a new database is started, and the user is
 * told that the reports from before are there to put back. */
static void
test_missing_database_no_backups (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_import (library, pdf);
  }
  remove_database (f);
  pb_test_remove_dir (backups_dir);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_false (pb_library_is_read_only (library));
    g_assert_nonnull (pb_library_get_notice (library));
    g_assert_nonnull (strstr (pb_library_get_notice (library), "1 report"));
    g_assert_nonnull (strstr (pb_library_get_notice (library), "check --repair"));
  }
}

/* -wal and -shm files left with another mode become private; a library
 * opened read-only writes no new files beside its database. */
static void
test_side_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(GError) error = NULL;

  g_clear_object (&(PbLibrary *){ pb_library_open (f->library_dir, &error) });
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents_full (wal, "", 0, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_true (g_file_set_contents_full (shm, "", 0, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_import (library, pdf);
    g_assert_cmpuint (pb_test_file_mode (wal), ==, 0600);
    g_assert_cmpuint (pb_test_file_mode (shm), ==, 0600);
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Damaged: opened read-only, and looked at without a file made. */
  {
    int fd = g_open (f->db_path, O_RDWR, 0);
    guint8 junk[64];

    memset (junk, 0xa5, sizeof junk);
    /* Page 3's header: a b-tree page no reader can walk. */
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, 2 * 4096), ==, sizeof junk);
    g_close (fd, NULL);
  }
  g_unlink (wal);
  g_unlink (shm);
  {
    g_autofree char *checked = g_strconcat (f->db_path, "-checked", NULL);
    g_autoptr(PbLibrary) library = NULL;

    g_unlink (checked);
    library = pb_library_open (f->library_dir, &error);
    g_assert_no_error (error);
    g_assert_true (pb_library_is_read_only (library));
    g_clear_pointer (&(GPtrArray *){ pb_library_list_reports (library, NULL) }, g_ptr_array_unref);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

/* Swapping two indexes' pages keeps every b-tree sound (quick_check passes)
 * while the indexes no longer match their tables: the full integrity_check
 * at open finds it. */
static void
test_index_damage_found_at_open (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *pdf2 = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_add_finding (library, pb_safety_import (library, pdf));
    pb_safety_add_finding (library, pb_safety_import (library, pdf2));
  }

  {
    g_autofree char *swap = NULL;
    gint64 a, b;

    g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT (SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_reports_1'),"
                            " (SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_report_pages_1')",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    a = sqlite3_column_int64 (stmt, 0);
    b = sqlite3_column_int64 (stmt, 1);
    g_assert_cmpint (a, >, 0);
    g_assert_cmpint (b, >, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    swap = g_strdup_printf ("PRAGMA writable_schema = ON;"
                            "UPDATE sqlite_schema SET rootpage = %" G_GINT64_FORMAT
                            " WHERE name = 'sqlite_autoindex_reports_1';"
                            "UPDATE sqlite_schema SET rootpage = %" G_GINT64_FORMAT
                            " WHERE name = 'sqlite_autoindex_report_pages_1';", b, a);
    run_sql (f->db_path, swap);
  }

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_true (pb_library_is_read_only (library));
    g_assert_error (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);
  }
}

/* Damage met while the library is open (here by the day's backup, which
 * reads every page) makes it read-only there and then, and tells whoever
 * shows it (notify::problem), in words without SQLite's. */
static void
test_damage_while_open (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *pdf2 = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  pb_safety_add_finding (library, pb_safety_import (library, pdf));
  pb_test_damage_table (f->library_dir, "findings");

  gt_signal_logger_connect (logger, library, "notify::problem");
  g_test_expect_message ("pb-library", G_LOG_LEVEL_WARNING, "*Damage found*");
  backup = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
  g_assert_null (backup);
  g_assert_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT);
  g_assert_null (strstr (error->message, "malformed"));
  g_assert_nonnull (strstr (error->message, "restore --latest"));
  g_clear_error (&error);

  while (gt_signal_logger_get_n_emissions (logger) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();
  gt_signal_logger_assert_notify_emission_pop (logger, library, "problem");

  g_assert_true (pb_library_is_read_only (library));
  g_assert_error (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);
  {
    g_autoptr(GFile) file = g_file_new_for_path (pdf2);

    g_assert_false (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
  }
}

/* Text that is not UTF-8 in the database (a library edited by hand, or
 * damaged) reaches readers mended, never as raw bytes. */
static void
test_text_not_utf8 (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(GError) error = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  {
    g_autoptr(PbLibrary) first = pb_library_open (f->library_dir, &error);

    id = pb_safety_import (first, pdf);
  }
  /* A stray \xff, a lead byte before a space, and one at the very end. */
  run_sql (f->db_path,
           "UPDATE report_pages SET text = 'Leavers ' || CAST (X'ff20c320' AS TEXT) || text || CAST (X'e2' AS TEXT);"
           "UPDATE reports SET title = CAST (X'426172ff' AS TEXT);");

  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  report = pb_library_get_report (library, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (pb_report_get_title (report), -1, NULL));
  g_assert_cmpstr (pb_report_get_title (report), ==, "Bar\xef\xbf\xbd");

  text = pb_library_dup_page_text (library, id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "\xef\xbf\xbd"));

  hits = pb_library_search (library, "leavers", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *snippet = pb_search_hit_dup_snippet (g_ptr_array_index (hits, i));

      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      g_assert_nonnull (strstr (snippet, "\xef\xbf\xbd"));
    }
}

/* Another library's library.db dropped into this folder is not adopted:
 * opening refuses it with a sentence saying whose it is and what to do,
 * and changes nothing; --latest still finds this folder's own backups,
 * and restoring one keeps the other library's file aside. */
static void
test_other_library_database (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autofree char *other_db = g_build_filename (other_dir, "library.db", NULL);
  g_autofree char *record = g_strconcat (f->db_path, "-session", NULL);
  g_autofree char *foreign = other_library_backup (f);
  g_autofree char *own = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *record_before = NULL;
  g_autofree char *record_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_add_finding (library, pb_safety_import (library, pdf));
    own = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
    g_assert_no_error (error);
  }
  /* The other library, closed (so its file holds all it has), copied over
   * this one's database. */
  g_clear_pointer (&foreign, g_free);
  before = pb_test_read_file (other_db, &before_len);
  g_assert_true (g_file_set_contents_full (f->db_path, before, before_len, G_FILE_SET_CONTENTS_NONE,
                                           0600, &error));
  record_before = pb_test_read_file (record, NULL);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_null (library);
    g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OTHER_LIBRARY);
    g_assert_nonnull (strstr (error->message, "another library"));
    g_assert_nonnull (strstr (error->message, "1 report"));
    g_assert_nonnull (strstr (error->message, "restore --latest"));
    g_assert_nonnull (strstr (error->message, "its own folder"));
    g_clear_error (&error);
  }
  /* Refusing changed nothing: neither the file nor the folder's record. */
  after = pb_test_read_file (f->db_path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  record_after = pb_test_read_file (record, NULL);
  g_assert_cmpstr (record_before, ==, record_after);

  latest = pb_library_find_latest_good_backup (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest, ==, own);
  g_assert_true (pb_library_restore (f->library_dir, latest, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (safety, "library.db.other-library-"));
  g_free (after);
  after = pb_test_read_file (safety, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;

    g_assert_no_error (error);
    reports = pb_library_list_reports (library, &error);
    g_assert_cmpuint (reports->len, ==, 1);
    g_assert_cmpstr (pb_report_get_file_name (g_ptr_array_index (reports, 0)), ==, "a.pdf");
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);
  }
}

/* Another library's backup named to restore is refused, the library as it
 * was; asked for by name (--anyway) it is restored, this library kept as a
 * backup, and the folder is then the other library's. Over a library that
 * holds nothing (a new library made from an archive) it is restored. */
static void
test_other_library_backup_restore (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *foreign = other_library_backup (f);
  g_autofree char *empty_dir = g_build_filename (f->dir, "empty", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_import (library, pdf);
    g_free (pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
    g_assert_no_error (error);
  }
  before = pb_test_read_file (f->db_path, &before_len);

  g_assert_false (pb_library_restore (f->library_dir, foreign, &safety, &error));
  g_assert_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_OTHER_LIBRARY);
  g_assert_nonnull (strstr (error->message, "another library"));
  g_assert_nonnull (strstr (error->message, "--anyway"));
  g_clear_error (&error);
  g_assert_null (safety);
  after = pb_test_read_file (f->db_path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  g_assert_true (pb_library_restore_full (f->library_dir, foreign, PB_RESTORE_ANY_LIBRARY, &safety, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;

    g_assert_no_error (error);
    reports = pb_library_list_reports (library, &error);
    g_assert_cmpuint (reports->len, ==, 1);
    g_assert_cmpstr (pb_report_get_file_name (g_ptr_array_index (reports, 0)), ==, "other.pdf");
  }
  /* This library's backups are now another library's: --latest says so,
   * and names the way to them. */
  g_assert_null (pb_library_find_latest_good_backup (f->library_dir, &error));
  g_assert_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_NO_BACKUP);
  g_assert_nonnull (strstr (error->message, "--anyway"));
  g_clear_error (&error);

  /* A library that holds nothing, with its own (empty) backup. */
  {
    g_autoptr(PbLibrary) library = pb_library_open (empty_dir, &error);

    g_assert_no_error (error);
    g_free (pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pb_library_restore (empty_dir, foreign, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PbLibrary) library = pb_library_open (empty_dir, &error);

    g_assert_no_error (error);
    g_assert_nonnull (library);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn, data) \
  g_test_add ("/library-identity/" name, Fixture, data, pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("backups-of-another-library", test_backups_of_another_library, NULL);
  ADD ("other-library-database", test_other_library_database, NULL);
  ADD ("other-library-backup-restore", test_other_library_backup_restore, NULL);
  ADD ("rotation-keeps-larger", test_rotation_keeps_larger, NULL);
  ADD ("missing-database/removed", test_missing_database, GINT_TO_POINTER (FALSE));
  ADD ("missing-database/emptied", test_missing_database, GINT_TO_POINTER (TRUE));
  ADD ("missing-database/no-backups", test_missing_database_no_backups, NULL);
  ADD ("side-files", test_side_files, NULL);
  ADD ("index-damage-found-at-open", test_index_damage_found_at_open, NULL);
  ADD ("damage-while-open", test_damage_while_open, NULL);
  ADD ("text-not-utf8", test_text_not_utf8, NULL);
#undef ADD

  return g_test_run ();
}
