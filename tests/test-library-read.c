/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-report-store.h"
#include "pb-schema.h"
#include "pb-search.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* pb_library_open_to_read (): a sound library, up to date and open nowhere
 * else, is read without a byte written into its folder; a library that
 * needs anything done (a schema to bring up to date, a journal to replay,
 * a check due, another session open) gets the full open, which does it. */

typedef PbSafetyFixture Fixture;

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Every file and folder under @dir, the folder itself included, with its
 * mode, size and mtime to the nanosecond: two listings are equal when
 * nothing in the folder was made, removed or written. */
static void
list_into (GString    *out,
           const char *path,
           const char *relative)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_string_append_printf (out, "%s %o %lld %ld.%09ld\n", relative, (guint)st.st_mode,
                          (long long)st.st_size, (long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
          g_autofree char *child_relative = g_build_filename (relative, g_ptr_array_index (names, i), NULL);

          list_into (out, child, child_relative);
        }
    }
}

static char *
snapshot (const char *dir)
{
  GString *out = g_string_new (NULL);

  list_into (out, dir, ".");
  return g_string_free (out, FALSE);
}

static gboolean
exists (const char *db_path,
        const char *suffix)
{
  g_autofree char *path = g_strconcat (db_path, suffix, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A library with one report, opened and closed as the app leaves it. */
static void
make_library (Fixture *f)
{
  g_autofree char *pdf = pb_safety_write_report (f, "halton.pdf", "Children in care in Halton are safe.");
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);

  pb_safety_import (library, pdf);
}

static gint
read_user_version (const char *db_path)
{
  g_autofree char *uri_file = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *uri = g_strconcat (uri_file, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  gint version;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  version = pb_schema_get_version (db, NULL);
  sqlite3_close (db);
  return version;
}

static guint
count_reports (PbLibrary *library)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  return reports->len;
}

/* Read, searched and closed: the folder is as it was, to the nanosecond;
 * and the same done with the full open changes it, so the listing sees
 * what an open writes. */
static void
test_writes_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_full = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  before = snapshot (f->library_dir);

  {
    g_autoptr(PbLibrary) library = pb_library_open_to_read (f->library_dir, &error);
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_no_error (error);
    /* Opened only to read: read-only, with nothing wrong to tell. */
    g_assert_true (pb_library_is_read_only (library));
    g_assert_null (pb_library_get_problem (library));
    g_assert_false (pb_library_check_writable (library, &error));
    g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY);
    g_clear_error (&error);

    g_assert_cmpuint (count_reports (library), ==, 1);
    hits = pb_library_search (library, "Halton", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);

    /* No SQLite side file while it is open either. */
    g_assert_false (exists (f->db_path, "-wal"));
    g_assert_false (exists (f->db_path, "-shm"));
  }

  after = snapshot (f->library_dir);
  g_assert_cmpstr (after, ==, before);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_reports (library), ==, 1);
  }
  after_full = snapshot (f->library_dir);
  g_assert_cmpstr (after_full, !=, before);
}

/* A library at an older schema, otherwise as the quiet open takes it (see
 * the control): opened in full, backed up and brought up to date. */
static void
make_library_at (Fixture *f,
                 guint    version)
{
  g_autofree char *lock_path = _pb_library_lock_path (f->db_path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (f->reports_dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (f->library_dir, 0700), ==, 0);
  db = pb_db_open (f->db_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (pb_schema_migrate (db, version, &error));
  g_assert_no_error (error);
  pb_db_close (db);
  g_assert_cmpint (g_chmod (f->db_path, 0600), ==, 0);
  fd = g_open (lock_path, O_CREAT | O_RDWR, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
  /* Unchanged since a good check, as a closed library is. */
  _pb_library_record_check (f->db_path);
  g_assert_false (exists (f->db_path, "-wal"));
}

static void
test_old_schema_migrates (Fixture       *f,
                          gconstpointer  data)
{
  guint latest = pb_schema_latest_version ();
  g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  /* The control: made the same way at the latest version, it is read
   * quietly, so the version alone decides below. */
  make_library_at (f, latest);
  library = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_is_read_only (library));
  g_assert_null (pb_library_get_problem (library));
  g_clear_object (&library);
  pb_test_remove_dir (f->library_dir);

  make_library_at (f, latest - 1);
  g_assert_cmpint (read_user_version (f->db_path), ==, (gint)latest - 1);

  library = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_false (pb_library_is_read_only (library));
  g_assert_cmpuint (count_reports (library), ==, 0);
  g_clear_object (&library);

  g_assert_cmpint (read_user_version (f->db_path), ==, (gint)latest);
  /* The full open's backup before the upgrade. */
  g_assert_cmpuint (pb_test_count_files (backups), ==, 1);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

/* A session killed with a report in its -wal alone (its files copied while
 * it was open): the full open replays the journal, so the report is
 * there; read as the main file alone, it would be missing. */
static void
test_journal_opens_in_full (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
  g_autofree char *copy_db = g_build_filename (copy_dir, "library.db", NULL);
  g_autofree char *copy_reports = g_build_filename (copy_dir, "reports", NULL);
  g_autofree char *pdf = pb_safety_write_report (f, "second.pdf", "A second report, in the journal alone.");
  const char *suffixes[] = { "", "-wal", "-session", "-lock" };
  g_autoptr(PbLibrary) copy = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  g_assert_cmpint (g_mkdir_with_parents (copy_reports, 0700), ==, 0);
  g_assert_cmpint (g_chmod (copy_dir, 0700), ==, 0);

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, &error);

    g_assert_no_error (error);
    pb_safety_import (library, pdf);
    g_assert_true (exists (f->db_path, "-wal"));
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *from = g_strconcat (f->db_path, suffixes[i], NULL);
        g_autofree char *to = g_strconcat (copy_db, suffixes[i], NULL);

        copy_file (from, to);
      }
  }
  /* Unchanged since a good check: only the journal calls for the full open. */
  _pb_library_record_check (copy_db);

  copy = pb_library_open_to_read (copy_dir, &error);
  g_assert_no_error (error);
  g_assert_false (pb_library_is_read_only (copy));
  g_assert_cmpuint (count_reports (copy), ==, 2);
}

/* What a reader such as the sqlite3 shell leaves when it closes, an empty
 * -wal and a -shm, holds no page: the library is still read quietly, and
 * those files are left as they are. */
static void
test_empty_journal_read_quietly (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  g_assert_true (g_file_set_contents_full (wal, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_true (g_file_set_contents_full (shm, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  before = snapshot (f->library_dir);

  {
    g_autoptr(PbLibrary) library = pb_library_open_to_read (f->library_dir, &error);

    g_assert_no_error (error);
    g_assert_true (pb_library_is_read_only (library));
    g_assert_null (pb_library_get_problem (library));
    g_assert_cmpuint (count_reports (library), ==, 1);
  }

  after = snapshot (f->library_dir);
  g_assert_cmpstr (after, ==, before);
}

/* Another session has the library open: its -wal is live, so this one
 * opens in full beside it, and sees what it wrote. */
static void
test_open_elsewhere_opens_in_full (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "second.pdf", "A second report, not yet checkpointed.");
  g_autoptr(PbLibrary) holder = NULL;
  g_autoptr(PbLibrary) reader = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  holder = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  pb_safety_import (holder, pdf);

  reader = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_false (pb_library_is_read_only (reader));
  g_assert_cmpuint (count_reports (reader), ==, 2);
}

/* Changed since its last good check (here, damaged): the full open checks
 * it, and says it is damaged. */
static void
test_damage_opens_in_full (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int fd;
  guint8 byte;

  make_library (f);
  fd = g_open (f->db_path, O_RDWR, 0);
  g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
  byte ^= 0xff;
  g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
  g_close (fd, NULL);

  library = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_is_read_only (library));
  g_assert_error (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED);
}

/* Opened to read, the library's lock is held: opened again in this process
 * it is refused at once, rather than waiting for itself for ever; closed,
 * it opens. */
static void
test_open_again_here (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PbLibrary) reader = NULL;
  g_autoptr(PbLibrary) again = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  reader = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_is_read_only (reader));

  again = pb_library_open (f->library_dir, &error);
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_BUSY);
  g_assert_null (again);
  g_clear_error (&error);

  g_clear_object (&reader);
  again = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_false (pb_library_is_read_only (again));
}

/* No library yet: the full open makes it. */
static void
test_new_library (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = pb_library_open_to_read (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_false (pb_library_is_read_only (library));
  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&library);
  g_assert_cmpint (read_user_version (f->db_path), ==, (gint)pb_schema_latest_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/library-read/" name, Fixture, NULL, \
                                  pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("writes-nothing", test_writes_nothing);
  ADD ("old-schema-migrates", test_old_schema_migrates);
  ADD ("journal-opens-in-full", test_journal_opens_in_full);
  ADD ("empty-journal-read-quietly", test_empty_journal_read_quietly);
  ADD ("open-elsewhere-opens-in-full", test_open_elsewhere_opens_in_full);
  ADD ("damage-opens-in-full", test_damage_opens_in_full);
  ADD ("open-again-here", test_open_again_here);
  ADD ("new-library", test_new_library);
#undef ADD

  return g_test_run ();
}
