/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <unistd.h>
#include <zip.h>

#include "pb-db.h"
#include "pb-library-archive.h"
#include "pb-library-check.h"
#include "pb-restore.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* A library archive that is refused leaves nothing behind, and writing one
 * leaves nothing but the archive: a damaged entry, an entry whose name
 * leads out of reports/, a library in use or one that can only be read are
 * all refused before the first file is placed; an export takes a relative
 * name, refuses a folder, and cleans up after itself and after exports that
 * were killed. */

typedef PbSafetyFixture Fixture;

/* A library of two reports with a finding. */
static void
make_library (Fixture *f)
{
  g_autofree char *a = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *b = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);

  pb_safety_add_finding (library, pb_safety_import (library, a));
  pb_safety_import (library, b);
}

/* That library, and its archive. */
static char *
make_archive (Fixture *f)
{
  g_autofree char *archive = g_build_filename (f->dir, "officer.panel-brief-library", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  library = pb_library_open (f->library_dir, NULL);
  g_assert_true (pb_library_export_archive (library, archive, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&archive);
}

/* Another library, with a report of its own. */
static char *
make_other_library (Fixture *f)
{
  g_autofree char *c = pb_safety_write_report (f, "c.pdf", "Leaders know their services well.");
  g_autofree char *other = g_build_filename (f->dir, "colleague", NULL);
  g_autoptr(PbLibrary) library = pb_library_open (other, NULL);

  pb_safety_import (library, c);
  return g_steal_pointer (&other);
}

/* Changes a byte of the last report stored in the archive. */
static void
damage_last_report (const char *archive)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *stream = NULL;

  g_assert_true (g_file_get_contents (archive, &contents, &length, NULL));
  for (gsize i = 0; i + 6 <= length; i++)
    if (memcmp (contents + i, "stream", 6) == 0)
      stream = contents + i;
  g_assert_nonnull (stream);
  stream[12] ^= 0x20;
  g_assert_true (g_file_set_contents (archive, contents, length, NULL));
}

/* Refused, and @library_dir is as it was (or still not there). */
static void
assert_refused (const char   *library_dir,
                const char   *archive,
                GQuark        domain,
                int           code,
                const char   *words)
{
  g_autofree char *before = pb_safety_list_tree (library_dir);
  g_autofree char *after = NULL;
  gboolean existed = g_file_test (library_dir, G_FILE_TEST_EXISTS);
  g_autoptr(GError) error = NULL;

  g_assert_false (pb_library_import_archive (library_dir, archive, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_null (strchr (error->message, '\n'));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));

  after = pb_safety_list_tree (library_dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_file_test (library_dir, G_FILE_TEST_EXISTS), ==, existed);
}

static void
test_damaged_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *archive = make_archive (f);
  g_autofree char *other = make_other_library (f);
  g_autofree char *laptop = g_build_filename (f->dir, "laptop", NULL);

  damage_last_report (archive);

  /* Merged: not one of its report files comes in. */
  assert_refused (other, archive, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED, "Nothing was changed");
  {
    g_autoptr(PbLibrary) library = pb_library_open (other, NULL);
    g_autoptr(PbCheckResult) result = pb_library_check (library, TRUE, NULL, NULL, NULL, NULL);

    g_assert_cmpuint (result->problems->len, ==, 0);
  }

  /* A new library: no half-made folder. */
  assert_refused (laptop, archive, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED, "damaged");
  g_assert_false (g_file_test (laptop, G_FILE_TEST_EXISTS));
}

/* An archive with an entry named reports/../<sha>: its content and checksum
 * are right, so only its name gives it away. */
static void
add_escaping_entry (const char *archive)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *escaping = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *entry;
  JsonArray *files;
  zip_stat_t st;
  zip_file_t *file;
  zip_t *zip;
  const char *sha;

  g_assert_nonnull ((zip = zip_open (archive, 0, NULL)));
  zip_stat_init (&st);
  g_assert_cmpint (zip_stat (zip, "manifest.json", 0, &st), ==, 0);
  manifest = g_malloc0 (st.size + 1);
  g_assert_nonnull ((file = zip_fopen (zip, "manifest.json", 0)));
  g_assert_cmpint (zip_fread (file, manifest, st.size), ==, (zip_int64_t)st.size);
  zip_fclose (file);

  g_assert_true (json_parser_load_from_data (parser, manifest, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (root, "files");
  entry = json_array_get_object_element (files, json_array_get_length (files) - 1);
  sha = json_object_get_string_member (entry, "sha256");

  /* The same report's bytes, under a name that leads out. */
  zip_stat_init (&st);
  g_assert_cmpint (zip_stat (zip, json_object_get_string_member (entry, "name"), 0, &st), ==, 0);
  payload = g_malloc (st.size);
  g_assert_nonnull ((file = zip_fopen (zip, json_object_get_string_member (entry, "name"), 0)));
  g_assert_cmpint (zip_fread (file, payload, st.size), ==, (zip_int64_t)st.size);
  zip_fclose (file);
  escaping = g_strdup_printf ("reports/../%s.pdf", sha);
  g_assert_cmpint (zip_file_add (zip, escaping, zip_source_buffer (zip, g_steal_pointer (&payload), st.size, 1),
                                 ZIP_FL_ENC_UTF_8), >=, 0);

  {
    JsonObject *added = json_object_new ();

    json_object_set_string_member (added, "name", escaping);
    json_object_set_string_member (added, "sha256", sha);
    json_object_set_int_member (added, "size", st.size);
    json_array_add_object_element (files, added);
  }
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_assert_cmpint (zip_file_add (zip, "manifest.json", zip_source_buffer (zip, text, strlen (text), 0),
                                 ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
}

static void
test_escaping_entry (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *archive = make_archive (f);
  g_autofree char *other = make_other_library (f);
  g_autofree char *laptop = g_build_filename (f->dir, "laptop", NULL);
  g_autofree char *dir_before = NULL;
  g_autofree char *dir_after = NULL;

  add_escaping_entry (archive);
  dir_before = pb_safety_list_tree (f->dir);

  assert_refused (other, archive, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED, "Nothing was changed");
  assert_refused (laptop, archive, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED, "reports/../");

  /* Nothing appeared beside reports/ either. */
  dir_after = pb_safety_list_tree (f->dir);
  g_assert_cmpstr (dir_after, ==, dir_before);
}

/* A library another process has open (here: holding the session lock as
 * every process that opens one does) cannot be made anew: refused before
 * any report file is placed. */
static void
test_in_use (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *archive = make_archive (f);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh", NULL);
  /* The lock every process that has the library open holds. */
  g_autofree char *session = g_build_filename (fresh, "library.db-lock", NULL);
  int fd;

  /* An empty library, as the first import into a new folder makes. */
  g_clear_object (&(PbLibrary *) { pb_library_open (fresh, NULL) });
  g_assert_cmpint ((fd = g_open (session, O_RDWR, 0)), >=, 0);
  g_assert_cmpint (flock (fd, LOCK_SH), ==, 0);

  assert_refused (fresh, archive, PB_RESTORE_ERROR, PB_RESTORE_ERROR_IN_USE, "another window");

  /* Once it is free, the same archive makes it. */
  g_close (fd, NULL);
  {
    PbArchiveImport result = { 0 };
    g_autoptr(GError) error = NULL;

    g_assert_true (pb_library_import_archive (fresh, archive, &result, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (result.new_library);
    /* It says what it brought. */
    g_assert_cmpuint (result.merge.reports_added, ==, 2);
    g_assert_cmpuint (result.merge.findings_added, ==, 1);
    pb_archive_import_clear (&result);
  }
  g_assert_cmpint (pb_test_count_rows (fresh, "reports"), ==, 2);
}

/* A library another program is writing to (an import holding its write
 * lock) is refused as busy before any report file or journal is placed,
 * both when it would be made anew and when the archive would be merged. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *archive = make_archive (f);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh", NULL);
  g_autofree char *other = make_other_library (f);
  const char *libraries[] = { fresh, other };

  g_clear_object (&(PbLibrary *) { pb_library_open (fresh, NULL) });
  for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
    {
      g_autofree char *db_path = g_build_filename (libraries[i], "library.db", NULL);
      sqlite3 *writer = NULL;

      g_assert_cmpint (sqlite3_open (db_path, &writer), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

      assert_refused (libraries[i], archive, PB_DB_ERROR, PB_DB_ERROR_BUSY, "busy");

      sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (writer);
    }

  /* Once the other program is done, the same archive comes in. */
  g_assert_true (pb_library_import_archive (fresh, archive, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpint (pb_test_count_rows (fresh, "reports"), ==, 2);
}

/* A library that can only be read (its database damaged) is refused with
 * its own reason, before anything is placed. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *archive = make_archive (f);
  g_autofree char *other = make_other_library (f);
  g_autofree char *db = g_build_filename (other, "library.db", NULL);
  int fd;
  guint8 byte;

  g_assert_cmpint ((fd = g_open (db, O_RDWR, 0)), >=, 0);
  g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
  byte ^= 0xff;
  g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
  g_close (fd, NULL);
  /* Opened once, as the user would have: it knows it is damaged. */
  g_clear_object (&(PbLibrary *) { pb_library_open (other, NULL) });

  assert_refused (other, archive, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED, "damaged");
}

/* A relative name is written where the user is; a folder is refused in
 * words, and nothing is made in it. */
static void
test_export_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *written = g_build_filename (out, "moved.lib", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  library = pb_library_open (f->library_dir, NULL);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_cmpint (g_chdir (out), ==, 0);

  g_assert_true (pb_library_export_archive (library, "moved.lib", NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pb_test_file_mode (written), ==, 0600);

  before = pb_safety_list_tree (f->dir);
  g_assert_false (pb_library_export_archive (library, ".", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);
  g_assert_false (pb_library_export_archive (library, "missing/x.lib", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  after = pb_safety_list_tree (f->dir);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* What a killed export left is removed by the next export to that folder,
 * unless it is still in use; a cancelled export leaves nothing. */
static void
test_export_leftovers (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *dead = g_build_filename (out, ".panel-brief-archive-Ab12Cd", NULL);
  g_autofree char *dead_db = g_build_filename (dead, "library.db", NULL);
  g_autofree char *old_journal = g_build_filename (out, ".panel-brief-archive-Zz99Yy.part.db-journal", NULL);
  g_autofree char *busy = g_build_filename (out, ".panel-brief-archive-Qw34Er", NULL);
  g_autofree char *target = g_build_filename (out, "library.lib", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  int busy_fd;

  make_library (f);
  library = pb_library_open (f->library_dir, NULL);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dead, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dead_db, "a killed export's snapshot", -1, NULL));
  g_assert_true (g_file_set_contents (old_journal, "a killed export's journal", -1, NULL));
  g_assert_cmpint (g_mkdir (busy, 0700), ==, 0);
  g_assert_cmpint ((busy_fd = g_open (busy, O_RDONLY | O_DIRECTORY, 0)), >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (pb_library_export_archive (library, target, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  listing = pb_safety_list_tree (out);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_IS_DIR));
  g_close (busy_fd, NULL);
  g_rmdir (busy);

  /* Cancelled: the old archive stays as it was, and nothing beside it. */
  g_clear_pointer (&listing, g_free);
  expected = pb_safety_list_tree (out);
  g_cancellable_cancel (cancellable);
  g_assert_false (pb_library_export_archive (library, target, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = pb_safety_list_tree (out);
  g_assert_cmpstr (listing, ==, expected);
}

/* On a full disk the export fails in words and leaves neither the archive
 * nor its snapshot nor SQLite's journal beside it. */
static void
test_export_full_disk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *target = g_build_filename (disk, "library.lib", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  make_library (f);
  library = pb_library_open (f->library_dir, NULL);

  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  if (mount ("tmpfs", disk, "tmpfs", 0, "size=64k,mode=0700") != 0)
    {
      g_test_skip ("This machine cannot mount a small file system (it needs root).");
      return;
    }

  g_assert_false (pb_library_export_archive (library, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  listing = pb_safety_list_tree (disk);
  g_assert_cmpstr (listing, ==, "");

  umount2 (disk, MNT_DETACH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/archive-safety/" name, Fixture, NULL, \
                                  pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("damaged-entry", test_damaged_entry);
  ADD ("escaping-entry", test_escaping_entry);
  ADD ("in-use", test_in_use);
  ADD ("busy", test_busy);
  ADD ("read-only", test_read_only);
  ADD ("export-names", test_export_names);
  ADD ("export-leftovers", test_export_leftovers);
  ADD ("export-full-disk", test_export_full_disk);
#undef ADD

  return g_test_run ();
}
