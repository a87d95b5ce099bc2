/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library-archive.h"
#include "pb-library-check.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-restore.h"
#include "pb-search.h"
#include "pb-test-child.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* The library never loses what the user saved, whatever happens to its
 * files: a damaged or replaced database, a stray journal, a killed process,
 * two processes at once. Each test checks that nothing is lost and that the
 * user is told what happened. (A read-only folder, a full disk and a
 * missing file are in test-library-storage.c.) */

typedef PbSafetyFixture Fixture;

/* A flipped byte in a b-tree page: the library opens read-only, says so, and
 * nothing is written to it; restoring the newest backup keeps the damaged
 * file aside. */
static void
test_damaged_opens_read_only (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *later = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_add_finding (library, pb_safety_import (library, pdf));
    backup = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
    g_assert_no_error (error);
  }

  /* Page 2 of library.db, its cell pointer area. */
  {
    int fd = g_open (f->db_path, O_RDWR, 0);
    guint8 byte;

    g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
    byte ^= 0xff;
    g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
    g_close (fd, NULL);
  }
  before = pb_test_read_file (f->db_path, &before_len);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GFile) file = g_file_new_for_path (later);
    g_autoptr(PbCheckResult) result = NULL;
    const GError *problem;

    g_assert_no_error (error);
    g_assert_true (pb_library_is_read_only (library));
    problem = pb_library_get_problem (library);
    g_assert_error (problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);
    g_assert_nonnull (strstr (problem->message, "damaged"));
    g_assert_nonnull (strstr (problem->message, "backup"));

    /* Refused, with the reason, before anything is written. */
    g_assert_false (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);
    g_clear_error (&error);
    g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 1);

    result = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->problems->len, >=, 1);
    g_assert_cmpint (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->kind, ==,
                     PB_CHECK_DATABASE);
  }

  after = pb_test_read_file (f->db_path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  /* Restored, the damaged file is kept beside the library, not deleted. */
  g_assert_true (pb_library_restore (f->library_dir, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (safety, "library.db.damaged-"));
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_false (pb_library_is_read_only (library));
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);
  }
}

/* A flipped cell pointer in the reports table: SQLite then reads a row of
 * NULLs with id 0 in place of a real report. Such a row is damage, never a
 * report: it is not listed, looking it up says the library is damaged,
 * the library turns read-only, and check says so in one plain sentence,
 * without SQLite's own words or a report called "(null)" (and without a
 * critical, which would end this test). */
static void
test_damaged_row_not_a_report (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *first = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *second = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autoptr(PbCheckResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(PbReport) phantom = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  guint n_database = 0;

  {
    g_autoptr(PbLibrary) making = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_import (making, first);
    pb_safety_add_finding (making, pb_safety_import (making, second));
  }
  g_assert_true (pb_test_flip_cell_pointer (f->library_dir, "reports"));

  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);

      g_assert_cmpint (pb_report_get_id (report), >, 0);
      g_assert_cmpuint (strlen (pb_report_get_sha256 (report)), ==, 64);
      g_assert_nonnull (pb_report_get_title (report));
    }

  phantom = pb_library_get_report (library, 0, &error);
  g_assert_null (phantom);
  g_assert_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT);
  g_clear_error (&error);

  /* The damage reaches the library on the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (pb_library_is_read_only (library));
  g_assert_error (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);

  result = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < result->problems->len; i++)
    {
      PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

      g_assert_null (strstr (problem->message, "(null)"));
      g_assert_null (strstr (problem->message, "page"));
      g_assert_null (strstr (problem->message, "Offset"));
      g_assert_cmpint (problem->kind, !=, PB_CHECK_MISSING_FILE);
      if (problem->kind == PB_CHECK_DATABASE)
        {
          n_database++;
          g_assert_nonnull (strstr (problem->message, "damaged"));
          g_assert_nonnull (strstr (problem->message, "restore --latest"));
        }
    }
  g_assert_cmpuint (n_database, ==, 1);
  /* One sentence and the one remedy: what the damage did to other rows is
   * not listed as a problem of its own. */
  g_assert_cmpuint (result->problems->len, ==, 1);
}

/* The issue's own scenario: restore an older backup, import a new PDF; every
 * report file is still on disk, check lists the newer ones as orphans, and
 * repair re-attaches them. */
static void
test_restore_older_then_import (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *first = pb_safety_write_report (f, "first.pdf", "The first report, from before the backup.");
  g_autofree char *second = pb_safety_write_report (f, "second.pdf", "The second report, about fostering households.");
  g_autofree char *third = pb_safety_write_report (f, "third.pdf", "The third report, imported after the restore.");
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    pb_safety_import (library, first);
    backup = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
    g_assert_no_error (error);
    pb_safety_import (library, second);
  }

  g_assert_true (pb_library_restore (f->library_dir, backup, &safety, &error));
  g_assert_no_error (error);
  /* The state before the restore was backed up first. */
  g_assert_nonnull (strstr (safety, "backups"));
  {
    g_autoptr(PbBackup) kept = pb_backup_read (safety, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pb_backup_get_n_reports (kept), ==, 2);
  }

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(PbCheckResult) result = NULL;
    g_autoptr(PbCheckResult) after = NULL;
    g_autoptr(GPtrArray) repairs = NULL;
    g_autoptr(GPtrArray) hits = NULL;
    PbCheckProblem *problem;

    g_assert_no_error (error);
    pb_safety_import (library, third);
    pb_import_clean_leftovers (library);

    /* Every report's file is still on disk. */
    g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 3);
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 2);

    result = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->problems->len, ==, 1);
    problem = g_ptr_array_index (result->problems, 0);
    g_assert_cmpint (problem->kind, ==, PB_CHECK_ORPHAN);
    g_assert_true (problem->repairable);

    repairs = pb_library_repair (library, result, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (repairs->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (repairs, 0), "Re-attached"));

    after = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->problems->len, ==, 0);
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 3);

    /* Re-attached, its text is read again and found. */
    hits = pb_library_search (library, "fostering", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* A -wal written by another library, left beside this one while it was
 * closed: set aside, unread, with a message; this library's rows intact. */
static void
test_foreign_wal_set_aside (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autofree char *other_db = g_build_filename (other_dir, "library.db", NULL);
  g_autofree char *other_wal = g_strconcat (other_db, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *wal_bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize wal_len;
  sqlite3 *db;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    pb_safety_import (library, pdf);
  }
  {
    PbLibrary *other = pb_library_open (other_dir, &error);
    g_assert_no_error (error);
    g_object_unref (other);
  }

  /* The other library with unsaved pages in its journal. */
  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint=0;"
                                     "DELETE FROM cohorts;"
                                     "INSERT INTO reports (sha256, title, file_name, byte_size,"
                                     " page_count, imported_at) VALUES ('"
                                     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                                     "', 'Another library', 'x.pdf', 1, 1, '2020-01-01');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  wal_bytes = pb_test_read_file (other_wal, &wal_len);
  g_assert_cmpuint (wal_len, >, 0);
  sqlite3_close (db);

  g_assert_true (g_file_set_contents (wal, wal_bytes, wal_len, NULL));

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;
    guint set_aside = 0;

    g_assert_no_error (error);
    g_assert_nonnull (pb_library_get_notice (library));
    g_assert_nonnull (strstr (pb_library_get_notice (library), "set aside"));

    reports = pb_library_list_reports (library, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reports->len, ==, 1);
    g_assert_cmpstr (pb_report_get_title (g_ptr_array_index (reports, 0)), ==, "a");
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "cohorts"), ==, 4);

    dir = g_dir_open (f->library_dir, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      if (g_str_has_prefix (name, "library.db-wal.set-aside-"))
        set_aside++;
    g_assert_cmpuint (set_aside, ==, 1);
  }
}

/* A -wal of its header alone (a session killed as SQLite began it) holds
 * nothing to replay: left quietly, not called another library's. */
static void
test_header_only_wal_quiet (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  /* A WAL header: magic, version 3007000, page size 4096, sequence 0,
   * salts and checksums that no frame follows. */
  static const guint8 header[32] = {
    0x37, 0x7f, 0x06, 0x82, 0x00, 0x2d, 0xe2, 0x18, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
  };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    pb_safety_import (library, pdf);
  }
  g_assert_true (g_file_set_contents (wal, (const char *)header, sizeof header, NULL));

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_assert_no_error (error);
    g_assert_true (pb_library_get_notice (library) == NULL ||
                   strstr (pb_library_get_notice (library), "set aside") == NULL);
    reports = pb_library_list_reports (library, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reports->len, ==, 1);
    dir = g_dir_open (f->library_dir, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      g_assert_false (g_str_has_prefix (name, "library.db-wal.set-aside-"));
  }
}

/* A process killed with findings still in the journal: the next start
 * replays them (it is this library's own journal). */
/* How the library is found after its process was killed: where it was; as
 * a copy of its folder (new inode numbers, as on a new laptop); or with its
 * session record lost (a second crash before the record was written). */
typedef enum
{
  AFTER_KILL_IN_PLACE,
  AFTER_KILL_FOLDER_COPIED,
  AFTER_KILL_RECORD_LOST,
} AfterKill;

static void
test_killed_session_replayed (Fixture       *f,
                              gconstpointer  data)
{
  AfterKill after = GPOINTER_TO_INT (data);
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *copy_dir = g_build_filename (f->dir, "copied", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *line = NULL;
  const char *open_at = f->library_dir;
  gint64 id;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
    g_autoptr(PbReport) report = pb_library_get_report (library, pb_safety_import (library, pdf), NULL);

    sha = g_strdup (pb_report_get_sha256 (report));
  }

  {
    const char *args[] = { "finding", f->library_dir, sha, NULL };
    g_autoptr(PbTestChild) child = pb_test_child_spawn (args);

    line = pb_test_child_read_line (child);
    g_assert_true (g_str_has_prefix (line, "done "));
    id = g_ascii_strtoll (line + 5, NULL, 10);
    g_assert_cmpint (pb_test_child_wait (child), ==, 0);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  if (after == AFTER_KILL_FOLDER_COPIED)
    {
      const char *argv[] = { "cp", "-a", f->library_dir, copy_dir, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      open_at = copy_dir;
    }
  else if (after == AFTER_KILL_RECORD_LOST)
    {
      g_autofree char *record = g_strconcat (f->db_path, "-session", NULL);

      g_assert_cmpint (g_unlink (record), ==, 0);
    }

  {
    g_autoptr(PbLibrary) library = pb_library_open (open_at, &error);
    g_autoptr(PbFinding) finding = NULL;

    g_assert_no_error (error);
    g_assert_null (pb_library_get_notice (library));
    finding = pb_library_get_finding (library, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pb_finding_get_quote (finding), ==, "A finding made just before the end");
  }
}

/* A killed session whose journal went past SQLite's checkpoint, so that it
 * was started over from its beginning, writing over the page that said
 * whose it is: what was committed since is replayed, not set aside. */
#define PAGES_AFTER_CHECKPOINT 100

static void
test_killed_after_checkpoint (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autoptr(PbTestChild) child = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;

  /* Reports whose full-text index takes the journal past 1,000 pages
   * (SQLite's checkpoint) part-way through, with more imported after it. */
  for (guint r = 0; r < 12; r++)
    {
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *name = g_strdup_printf ("long-%u.pdf", r);

      for (guint p = 0; p < PAGES_AFTER_CHECKPOINT; p++)
        {
          GString *text = g_string_new (NULL);

          for (guint l = 0; l < 40; l++)
            g_string_append_printf (text, "Report %u page %u line %u word%u%u%u care leavers\n",
                                    r, p, l, r, p, l);
          g_ptr_array_add (pages, g_string_free (text, FALSE));
        }
      g_ptr_array_add (pages, NULL);
      g_ptr_array_add (pdfs, pb_test_write_pdf (f->dir, name, (const char * const *)pages->pdata, NULL));
    }

  g_ptr_array_add (args, g_strdup ("import-then-die"));
  g_ptr_array_add (args, g_strdup (f->library_dir));
  for (guint i = 0; i < pdfs->len; i++)
    g_ptr_array_add (args, g_strdup (g_ptr_array_index (pdfs, i)));
  g_ptr_array_add (args, NULL);

  child = pb_test_child_spawn ((const char * const *)args->pdata);
  while (n_done < pdfs->len)
    {
      g_autofree char *line = pb_test_child_read_line (child);

      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "done "))
        n_done++;
      else
        g_assert_true (g_str_has_prefix (line, "page "));
    }
  g_assert_cmpint (pb_test_child_wait (child), ==, 0);

  /* The journal went past SQLite's checkpoint (1,000 pages of 4 KiB). */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 1000 * 4096);
  }

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_null (pb_library_get_notice (library));
  }
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, n_done);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, n_done * PAGES_AFTER_CHECKPOINT);
}

/* Two first-ever imports into a new library at once, and two upgrades of an
 * old library at once: every process succeeds, every time. */
static void
test_two_processes_at_once (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *a = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *b = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *library = g_strdup_printf ("%s/new-%u", f->dir, round);
      const char *first_args[] = { "import", library, a, NULL };
      const char *second_args[] = { "import", library, b, NULL };
      g_autoptr(PbTestChild) first = pb_test_child_spawn (first_args);
      g_autoptr(PbTestChild) second = pb_test_child_spawn (second_args);

      g_assert_cmpint (pb_test_child_wait (first), ==, 0);
      g_assert_cmpint (pb_test_child_wait (second), ==, 0);
      g_assert_cmpint (pb_test_count_rows (library, "reports"), ==, 2);
    }

  /* An old library opened by two processes at once: one upgrade, two backups
   * at most, each under its own name. */
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *library = g_strdup_printf ("%s/old-%u", f->dir, round);
      g_autofree char *backups = g_build_filename (library, "backups", NULL);
      g_autofree char *db_path = g_build_filename (library, "library.db", NULL);
      const char *args[] = { "hold", library, NULL };
      g_autoptr(PbTestChild) first = NULL;
      g_autoptr(PbTestChild) second = NULL;
      g_autofree char *first_line = NULL;
      g_autofree char *second_line = NULL;
      sqlite3 *db;

      g_assert_cmpint (g_mkdir_with_parents (library, 0700), ==, 0);
      g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE reports (id INTEGER PRIMARY KEY, sha256 TEXT"
                                         " NOT NULL UNIQUE, title TEXT NOT NULL, file_name TEXT NOT NULL,"
                                         " byte_size INTEGER NOT NULL, page_count INTEGER NOT NULL,"
                                         " pdf_title TEXT, pdf_author TEXT, pdf_subject TEXT,"
                                         " pdf_keywords TEXT, pdf_creator TEXT, pdf_producer TEXT,"
                                         " pdf_created TEXT, pdf_modified TEXT, is_tagged INTEGER NOT NULL"
                                         " DEFAULT 0, has_text_layer INTEGER NOT NULL DEFAULT 1,"
                                         " classification TEXT NOT NULL DEFAULT 'public', imported_at"
                                         " TEXT NOT NULL); PRAGMA user_version = 1;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      first = pb_test_child_spawn (args);
      second = pb_test_child_spawn (args);
      first_line = pb_test_child_read_line (first);
      second_line = pb_test_child_read_line (second);
      g_assert_cmpstr (first_line, ==, "open");
      g_assert_cmpstr (second_line, ==, "open");
      g_assert_cmpint (pb_test_child_wait (first), ==, 0);
      g_assert_cmpint (pb_test_child_wait (second), ==, 0);
      g_assert_cmpuint (pb_test_count_files (backups), >=, 1);
      g_assert_cmpuint (pb_test_count_files (backups), <=, 2);
    }
}

/* A library whose every operation is killed at a random point, waiting on
 * what the process says it has done, never on time: after each kill the
 * library opens, and once leftovers are cleared, Check Library finds nothing
 * that repairing cannot mend without loss, and after repairing, nothing. */
static void
test_killed_at_random (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *archive = g_build_filename (f->dir, "other.panel-brief-library", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  guint kills = 0;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      const char *pages[] = { NULL, NULL, NULL, NULL };

      g_string_printf (text, "Report %u. Care leavers have a generous local offer.", i);
      pages[0] = pages[1] = pages[2] = text->str;
      g_ptr_array_add (pdfs, pb_test_write_pdf (f->dir, name, pages, NULL));
    }

  /* Something to restore, and another library to open an archive of. */
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    pb_safety_import (library, g_ptr_array_index (pdfs, 0));
    pb_safety_add_finding (library, 1);
    g_ptr_array_add (backups, pb_library_backup (library, PB_BACKUP_BY_HAND, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(PbLibrary) other = pb_library_open (other_dir, &error);

    for (guint i = 4; i < 8; i++)
      pb_safety_import (other, g_ptr_array_index (pdfs, i));
    g_assert_true (pb_library_export_archive (other, archive, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  for (guint round = 0; round < 16; round++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(PbTestChild) child = NULL;
      guint operation = round % 4;
      guint lines = (guint)g_rand_int_range (rand, 0, 4);
      gboolean ended = FALSE;

      switch (operation)
        {
        case 0:
          g_ptr_array_add (args, (gpointer)"import");
          g_ptr_array_add (args, f->library_dir);
          for (guint i = 1; i < 4; i++)
            g_ptr_array_add (args, g_ptr_array_index (pdfs, (i + round) % 4));
          break;

        case 1:
          g_ptr_array_add (args, (gpointer)"backup");
          g_ptr_array_add (args, f->library_dir);
          g_ptr_array_add (args, (gpointer)"3");
          break;

        case 2:
          g_ptr_array_add (args, (gpointer)"restore");
          g_ptr_array_add (args, f->library_dir);
          g_ptr_array_add (args, g_ptr_array_index (backups, 0));
          g_ptr_array_add (args, g_ptr_array_index (backups, 0));
          break;

        default:
          g_ptr_array_add (args, (gpointer)"archive");
          g_ptr_array_add (args, f->library_dir);
          g_ptr_array_add (args, archive);
          break;
        }
      g_ptr_array_add (args, NULL);

      child = pb_test_child_spawn ((const char * const *)args->pdata);
      for (guint i = 0; i < lines && !ended; i++)
        {
          g_autofree char *line = pb_test_child_read_line (child);

          ended = line == NULL;
        }
      pb_test_child_kill (child);
      if (pb_test_child_wait (child) < 0)
        kills++;

      {
        g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);
        g_autoptr(PbCheckResult) result = NULL;
        g_autoptr(PbCheckResult) after = NULL;
        g_autoptr(GPtrArray) repairs = NULL;

        g_assert_no_error (error);
        g_assert_false (pb_library_is_read_only (library));
        pb_import_clean_leftovers (library);

        result = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < result->problems->len; i++)
          {
            PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

            if (!problem->repairable)
              g_error ("Round %u (operation %u, %u lines): %s", round, operation, lines, problem->message);
          }

        repairs = pb_library_repair (library, result, NULL, &error);
        g_assert_no_error (error);
        after = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (after->problems->len, ==, 0);

        /* What was there before the rounds is there still. */
        g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), >=, 1);
      }
    }

  g_test_message ("16 rounds, %u killed part-way", kills);
  g_assert_cmpuint (kills, >, 0);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add ("/safety/" name, Fixture, NULL, pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("damaged-opens-read-only", test_damaged_opens_read_only);
  ADD ("damaged-row-not-a-report", test_damaged_row_not_a_report);
  ADD ("restore-older-then-import", test_restore_older_then_import);
  ADD ("foreign-wal-set-aside", test_foreign_wal_set_aside);
  ADD ("killed-after-checkpoint", test_killed_after_checkpoint);
  ADD ("header-only-wal-quiet", test_header_only_wal_quiet);
#define ADD_AFTER(name, after) \
  g_test_add ("/safety/killed-session-replayed/" name, Fixture, GINT_TO_POINTER (after), \
              pb_safety_fixture_setup, test_killed_session_replayed, pb_safety_fixture_teardown)
  ADD_AFTER ("in-place", AFTER_KILL_IN_PLACE);
  ADD_AFTER ("folder-copied", AFTER_KILL_FOLDER_COPIED);
  ADD_AFTER ("record-lost", AFTER_KILL_RECORD_LOST);
#undef ADD_AFTER
  ADD ("two-processes-at-once", test_two_processes_at_once);
  ADD ("killed-at-random", test_killed_at_random);
#undef ADD

  return g_test_run ();
}
