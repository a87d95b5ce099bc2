/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pb-backup.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* Backups: checked before they count, named to the millisecond without ever
 * replacing one another, rotated by a rule that keeps days and weeks, copied
 * to a second folder, and the files of removed reports kept exactly as long
 * as a backup lists them. */

typedef struct
{
  char      *dir;
  char      *library_dir;
  char      *backups_dir;
  PbLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->backups_dir);
  g_free (f->library_dir);
  g_free (f->dir);
}

static gint64
import (Fixture    *f,
        const char *name,
        const char *text)
{
  const char *pages[] = { text, NULL };
  g_autofree char *path = pb_test_write_pdf (f->dir, name, pages, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_verified_and_named (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbBackup) backup = NULL;
  g_autoptr(GDateTime) taken = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  import (f, "b.pdf", "Children in care live in stable homes.");

  path = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  after = g_date_time_new_now_utc ();

  /* library-<UTC to the millisecond>.db, private, in backups/. */
  name = g_path_get_basename (path);
  g_assert_true (pb_backup_parse_file_name (name, &taken));
  g_assert_cmpint (g_date_time_difference (taken, before), >=, -1000);
  g_assert_cmpint (g_date_time_difference (after, taken), >=, 0);
  g_assert_true (g_str_has_prefix (path, f->backups_dir));
  g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (pb_test_file_mode (f->backups_dir), ==, 0700);

  /* A self-contained file that holds what the library holds. */
  backup = pb_backup_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_backup_get_n_reports (backup), ==, 2);
  g_assert_true (pb_backup_verify (backup, &error));
  g_assert_no_error (error);

  /* Reading it made no journal beside it. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* Nothing is left of the copy under its temporary name. */
  g_assert_cmpuint (pb_test_count_files (f->backups_dir), ==, 1);
}

/* Backups in quick succession each keep their own file. */
static void
test_never_replaced (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  import (f, "a.pdf", "Care leavers have a generous local offer.");

  for (guint i = 0; i < 8; i++)
    {
      char *path = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);

      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (paths, path));
      g_hash_table_add (paths, path);
    }

  listed = pb_library_list_backups (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 8);
  for (guint i = 0; i < listed->len; i++)
    g_assert_true (g_hash_table_contains (paths, pb_backup_get_path (g_ptr_array_index (listed, i))));

  /* Newest first. */
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpint (g_date_time_compare (pb_backup_get_created (g_ptr_array_index (listed, i - 1)),
                                          pb_backup_get_created (g_ptr_array_index (listed, i))), >=, 0);
}

static void
test_file_names (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 3, 12, 9, 5, 7.25);
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *name = pb_backup_file_name_for (time);

  g_assert_cmpstr (name, ==, "library-20260312T090507.250Z.db");
  g_assert_true (pb_backup_parse_file_name (name, &parsed));
  g_assert_cmpint (g_date_time_difference (parsed, time), ==, 0);
  g_assert_true (pb_backup_parse_file_name ("library-20260312T090507.250Z-3.db", NULL));

  g_assert_false (pb_backup_parse_file_name ("library.db", NULL));
  g_assert_false (pb_backup_parse_file_name ("library-v5-20260312-090507.db", NULL));
  g_assert_false (pb_backup_parse_file_name ("library-20260312T090507.250Z.db-wal", NULL));
  g_assert_false (pb_backup_parse_file_name ("library-20260312T090507.250Z-x.db", NULL));
}

static gboolean
contains_time (GPtrArray *times,
               GDateTime *time)
{
  for (guint i = 0; i < times->len; i++)
    if (g_date_time_equal (g_ptr_array_index (times, i), time))
      return TRUE;
  return FALSE;
}

/* Two backups a day for 60 days, then a burst of twelve in the last hours. */
static void
test_rotation_rule (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 30, 18, 0, 0);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GHashTable) kept_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kept_weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kept_recent = 0;

  for (int day = 60; day >= 1; day--)
    {
      g_ptr_array_add (times, g_date_time_add_hours (now, -24 * day - 9));
      g_ptr_array_add (times, g_date_time_add_hours (now, -24 * day - 2));
    }
  for (int i = 0; i < 12; i++)
    g_ptr_array_add (times, g_date_time_add_minutes (now, -20 * (i + 1)));

  expired = pb_backup_select_expired (times, now);

  for (guint i = 0; i < times->len; i++)
    {
      GDateTime *time = g_ptr_array_index (times, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (time);

      if (contains_time (expired, time))
        continue;
      if (g_date_time_difference (now, time) < G_TIME_SPAN_DAY)
        kept_recent++;
      g_hash_table_add (kept_days, g_date_time_format (local, "%Y-%m-%d"));
      g_hash_table_add (kept_weeks, g_date_time_format (local, "%G-%V"));
    }

  /* Ten of the last day's twelve; each of the 7 newest days; 4 weeks. */
  g_assert_cmpuint (kept_recent, ==, 10);
  g_assert_cmpuint (times->len - expired->len, <=, 10 + 7 + 4);
  g_assert_cmpuint (g_hash_table_size (kept_weeks), >=, 4);
  g_assert_cmpuint (g_hash_table_size (kept_days), >=, 7);

  /* The newest backup is never expired; the oldest, two months old, is. */
  g_assert_false (contains_time (expired, g_ptr_array_index (times, times->len - 1 - 11)));
  g_assert_true (contains_time (expired, g_ptr_array_index (times, 0)));

  /* Of one day's two backups, the newer is the one kept. */
  {
    GDateTime *older = g_ptr_array_index (times, 2 * 59);
    GDateTime *newer = g_ptr_array_index (times, 2 * 59 + 1);

    g_assert_true (contains_time (expired, older));
    g_assert_false (contains_time (expired, newer));
  }
}

static void
test_daily_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  /* An empty library has nothing worth a copy. */
  g_assert_true (pb_library_backup_if_due (f->library, &made, &error));
  g_assert_no_error (error);
  g_assert_false (made);

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  g_assert_true (pb_library_backup_if_due (f->library, &made, &error));
  g_assert_true (made);
  g_assert_true (pb_library_backup_if_due (f->library, &made, &error));
  g_assert_false (made);
  g_assert_cmpuint (pb_test_count_files (f->backups_dir), ==, 1);
}

static void
test_second_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *usb = g_build_filename (f->dir, "usb-stick", "panel-brief", NULL);
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PbBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  pb_library_set_second_backup_folder (f->library, usb);

  path = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  name = g_path_get_basename (path);
  {
    g_autoptr(PbBackup) own = pb_backup_read (path, &error);
    g_autofree char *subfolder = NULL;

    /* In a folder of this library's own: one stick may hold several
     * libraries' backups. */
    g_assert_no_error (error);
    g_assert_nonnull (pb_backup_get_library_uuid (own));
    subfolder = g_strdup_printf ("Panel Brief library %.8s", pb_backup_get_library_uuid (own));
    copy = g_build_filename (usb, subfolder, name, NULL);
    g_assert_cmpuint (pb_test_count_files (usb), ==, 1);
  }

  backup = pb_backup_read (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_backup_get_n_reports (backup), ==, 1);
  g_assert_cmpuint (pb_test_file_mode (copy), ==, 0600);

  /* A folder that cannot be used (the stick was unplugged; here, a file
   * where the folder should be) does not stop the backup. */
  {
    g_autofree char *not_a_folder = pb_test_write_file (f->dir, "unplugged", "x", -1);
    g_autofree char *second = NULL;

    pb_library_set_second_backup_folder (f->library, not_a_folder);
    g_test_expect_message ("pb-backup", G_LOG_LEVEL_WARNING, "*cannot be used*");
    second = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
    g_assert_nonnull (second);
  }
}

/* A removed report's file stays while a backup lists it, and goes with the
 * last backup that does. */
static void
test_removed_report_files (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 id;

  id = import (f, "a.pdf", "Care leavers have a generous local offer.");
  import (f, "b.pdf", "Children in care live in stable homes.");
  report = pb_library_get_report (f->library, id, NULL);
  file = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));

  first = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);

  g_assert_true (pb_library_remove_report (f->library, id, &error));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "removed_reports"), ==, 1);

  /* A new backup does not list it, but the first still does. */
  second = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Once the first has gone (rotated away), the next backup lets it go. */
  g_assert_cmpint (g_unlink (first), ==, 0);
  g_clear_pointer (&second, g_free);
  second = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "removed_reports"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/backup/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("verified-and-named", test_verified_and_named);
  ADD ("never-replaced", test_never_replaced);
  ADD ("daily-once", test_daily_once);
  ADD ("second-folder", test_second_folder);
  ADD ("removed-report-files", test_removed_report_files);
#undef ADD
  g_test_add_func ("/backup/file-names", test_file_names);
  g_test_add_func ("/backup/rotation-rule", test_rotation_rule);

  return g_test_run ();
}
