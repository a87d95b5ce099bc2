/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pb-annotated-export.h"
#include "pb-backup.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library-check.h"
#include "pb-library.h"
#include "pb-pack-export.h"
#include "pb-pack-store.h"
#include "pb-report-store.h"
#include "pb-restore.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* The library in a folder that turns against it: one that cannot be
 * written, a full disk, a file name that is not UTF-8, an export aimed
 * inside the library, a report's file gone. Nothing is lost, and the user
 * is told in words what happened. */

typedef PbSafetyFixture Fixture;

/* A library that cannot be written (here: opened by a user who may only
 * read it) opens read-only, lists its reports and refuses changes in words. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  pid_t pid;
  int status;

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
    pb_safety_import (library, pdf);
  }

  /* Readable by all, writable by none but its owner. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->library_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->reports_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->db_path, 0644), ==, 0);

  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PbLibrary) library = NULL;
      g_autoptr(GPtrArray) reports = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (pdf);

      /* As root, become someone else; otherwise make the files the
       * caller's own read-only. */
      if (geteuid () == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (10);
        }
      else if (g_chmod (f->library_dir, 0555) != 0 || g_chmod (f->db_path, 0444) != 0)
        {
          _exit (11);
        }

      if (!(library = pb_library_open (f->library_dir, &error)))
        {
          g_printerr ("%s\n", error->message);
          _exit (12);
        }
      if (!pb_library_is_read_only (library) ||
          !g_error_matches (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY))
        _exit (13);
      /* Said as what it is: a library that can only be read, not a folder
       * that could not be made. */
      if (strstr (pb_library_get_problem (library)->message, "can only be read") == NULL ||
          strstr (pb_library_get_problem (library)->message, "create") != NULL)
        _exit (16);
      if (!(reports = pb_library_list_reports (library, &error)) || reports->len != 1)
        _exit (14);
      if (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error) ||
          !g_error_matches (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY) ||
          strstr (error->message, "cannot be written") == NULL)
        _exit (15);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_chmod (f->library_dir, 0700);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* A library on a disk that can only be read (a read-only mount) is said to
 * be one that can only be read, not a folder that could not be made, and
 * its reports are listed. */
static void
test_read_only_disk (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (f->dir, "read-only-disk", NULL);
  g_autofree char *library_dir = g_build_filename (disk, "library", NULL);
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  const GError *problem;

  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  if (mount ("tmpfs", disk, "tmpfs", 0, "size=4m,mode=0700") != 0)
    {
      g_test_skip ("This machine cannot mount a file system (it needs root).");
      return;
    }
  {
    g_autoptr(PbLibrary) writable = pb_library_open (library_dir, NULL);
    pb_safety_import (writable, pdf);
  }
  g_assert_cmpint (mount (NULL, disk, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  library = pb_library_open (library_dir, &error);
  g_assert_no_error (error);
  problem = pb_library_get_problem (library);
  g_assert_error ((GError *)problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (problem->message, "can only be read"));
  g_assert_null (strstr (problem->message, "create"));
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);

  g_clear_object (&library);
  umount2 (disk, MNT_DETACH);
}

/* A folder on a small file system, for the full-disk test; %NULL when this
 * machine cannot make one. */
static char *
mount_small_disk (Fixture *f)
{
  g_autofree char *mount_point = g_build_filename (f->dir, "small-disk", NULL);

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (mount ("tmpfs", mount_point, "tmpfs", 0, "size=1200k,mode=0700") != 0)
    return NULL;
  return g_steal_pointer (&mount_point);
}

/* Fills the disk with a file that is then removed, leaving it full. */
static void
fill_disk (const char *folder)
{
  g_autofree char *filler = g_build_filename (folder, "filler", NULL);
  char block[4096] = { 0 };
  int fd = g_open (filler, O_CREAT | O_WRONLY, 0600);

  while (write (fd, block, sizeof block) > 0)
    ;
  g_close (fd, NULL);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *disk = mount_small_disk (f);
  g_autofree char *library_dir = NULL;
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *bigger = NULL;
  g_autofree char *export = NULL;
  g_autofree char *old_export = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pack_id;

  if (disk == NULL)
    {
      g_test_skip ("This machine cannot mount a small file system for the full-disk test "
                   "(it needs root or user namespaces).");
      return;
    }

  library_dir = g_build_filename (disk, "library", NULL);
  export = g_build_filename (disk, "pack.csv", NULL);
  {
    g_autoptr(PbLibrary) library = pb_library_open (library_dir, &error);
    g_autoptr(GString) text = g_string_new (NULL);
    const char *pages[] = { NULL, NULL };

    g_assert_no_error (error);
    pb_safety_import (library, pdf);
    pack_id = pb_library_create_pack (library, "Panel", FALSE, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_CSV, export, &error));
    g_assert_no_error (error);
    old_export = pb_test_read_file (export, NULL);

    /* A backup kept elsewhere, to restore onto the full disk below. */
    {
      g_autofree char *made = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
      outside = g_build_filename (f->dir, "library-20260101T000000.000Z.db", NULL);
      g_assert_true (g_file_set_contents (outside, contents, length, NULL));
    }

    fill_disk (disk);

    /* An import that does not fit says so plainly and leaves nothing. */
    for (guint i = 0; i < 400; i++)
      g_string_append (text, "A long page of text so that the report does not fit. ");
    pages[0] = text->str;
    bigger = pb_test_write_pdf (f->dir, "bigger.pdf", pages, NULL);
    {
      g_autoptr(GFile) file = g_file_new_for_path (bigger);

      g_assert_false (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "disk"));
      g_clear_error (&error);
    }

    /* An export onto the full disk fails in words and leaves the old file. */
    g_assert_false (pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_PDF, export, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "disk is full"));
    g_clear_error (&error);
    {
      g_autofree char *now = pb_test_read_file (export, NULL);
      g_assert_cmpstr (now, ==, old_export);
    }
  }

  /* The full library still opens and lists its report, and says plainly
   * why it cannot be changed. */
  {
    g_autoptr(PbLibrary) library = pb_library_open (library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;
    const GError *problem;

    g_assert_no_error (error);
    problem = pb_library_get_problem (library);
    if (problem != NULL)
      {
        g_assert_error ((GError *)problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DISK_FULL);
        g_assert_nonnull (strstr (problem->message, "The disk is full"));
        g_assert_null (strstr (problem->message, "I/O"));
      }
    reports = pb_library_list_reports (library, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reports->len, ==, 1);
  }

  /* A restore that does not fit says so, and leaves the library as it was. */
  g_assert_false (pb_library_restore (library_dir, outside, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_null (strstr (error->message, "splicing"));
  g_clear_error (&error);
  {
    g_autoptr(PbLibrary) library = pb_library_open (library_dir, &error);
    g_autoptr(GPtrArray) reports = NULL;

    g_assert_no_error (error);
    reports = pb_library_list_reports (library, &error);
    g_assert_cmpuint (reports->len, ==, 1);
  }

  umount2 (disk, MNT_DETACH);
}

/* A library on a disk with not one byte free still opens and lists its
 * reports, and says that the disk is full, not that SQLite had an I/O
 * error. */
static void
test_full_disk_reads (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *disk = mount_small_disk (f);
  g_autofree char *library_dir = NULL;
  g_autofree char *crumbs = NULL;
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  const GError *problem;
  int fd;

  if (disk == NULL)
    {
      g_test_skip ("This machine cannot mount a small file system for the full-disk test "
                   "(it needs root or user namespaces).");
      return;
    }
  library_dir = g_build_filename (disk, "library", NULL);
  {
    g_autoptr(PbLibrary) writable = pb_library_open (library_dir, NULL);
    pb_safety_import (writable, pdf);
  }

  /* Full to the last byte. */
  fill_disk (disk);
  crumbs = g_build_filename (disk, "crumbs", NULL);
  fd = g_open (crumbs, O_CREAT | O_WRONLY, 0600);
  while (fd >= 0 && write (fd, "x", 1) == 1)
    ;
  if (fd >= 0)
    g_close (fd, NULL);

  library = pb_library_open (library_dir, &error);
  g_assert_no_error (error);
  problem = pb_library_get_problem (library);
  g_assert_nonnull (problem);
  g_assert_error ((GError *)problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (problem->message, "The disk is full"));
  g_assert_null (strstr (problem->message, "I/O"));
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);

  g_clear_object (&library);
  umount2 (disk, MNT_DETACH);
}

/* An annotated copy that does not fit on the disk (poppler writes part of
 * it and does not say so) fails in words, leaves the good file of that name
 * as it was, and leaves nothing beside it. */
static void
test_annotated_full_disk (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *disk = mount_small_disk (f);
  g_autofree char *export = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *old_export = NULL;
  g_autofree char *now = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(GError) error = NULL;
  const char *pages[21] = { NULL };
  g_autofree char *small = pb_safety_write_report (f, "small.pdf", "Care leavers have a generous local offer.");
  g_autofree char *big = NULL;
  gint64 small_id, big_id;
  gsize old_length, now_length;
  GStatBuf info;

  if (disk == NULL)
    {
      g_test_skip ("This machine cannot mount a small file system for the full-disk test "
                   "(it needs root or user namespaces).");
      return;
    }

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Paragraph %u of a long report that will not fit on the disk. ", i);
  for (guint i = 0; i < G_N_ELEMENTS (pages) - 1; i++)
    pages[i] = text->str;
  big = pb_test_write_pdf (f->dir, "big.pdf", pages, NULL);
  small_id = pb_safety_import (library, small);
  big_id = pb_safety_import (library, big);

  export = g_build_filename (disk, "annotated.pdf", NULL);
  g_assert_true (pb_library_export_annotated (library, small_id, export, TRUE, &error));
  g_assert_no_error (error);
  old_export = pb_test_read_file (export, &old_length);
  expected = pb_safety_list_tree (disk);

  /* Full, but for a little less room than the big copy needs. */
  fill_disk (disk);
  filler = g_build_filename (disk, "filler", NULL);
  g_assert_cmpint (g_stat (filler, &info), ==, 0);
  g_assert_cmpint (truncate (filler, info.st_size - 3 * 4096), ==, 0);
  g_assert_cmpint (g_stat (big, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 4 * 4096);

  g_assert_false (pb_library_export_annotated (library, big_id, export, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_nonnull (strstr (error->message, "any file of that name is as it was"));

  now = pb_test_read_file (export, &now_length);
  g_assert_cmpmem (now, now_length, old_export, old_length);
  g_unlink (filler);
  listing = pb_safety_list_tree (disk);
  g_assert_cmpstr (listing, ==, expected);

  umount2 (disk, MNT_DETACH);
}

/* A file name that is not UTF-8 is stored (and so printed) as UTF-8. */
static void
test_file_name_not_utf8 (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *odd = g_build_filename (f->dir, "r\xe9port \xff.pdf", NULL);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(PbReport) report = NULL;

  g_assert_cmpint (g_rename (pdf, odd), ==, 0);
  report = pb_library_get_report (library, pb_safety_import (library, odd), NULL);
  g_assert_true (g_utf8_validate (pb_report_get_file_name (report), -1, NULL));
  g_assert_true (g_utf8_validate (pb_report_get_title (report), -1, NULL));
  g_assert_nonnull (strstr (pb_report_get_file_name (report), "port"));
}

/* Exports are refused inside the library folder, where they could replace
 * library.db or a stored report. */
static void
test_export_inside_library (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(PbReport) report = pb_library_get_report (library, pb_safety_import (library, pdf), NULL);
  g_autofree char *stored = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
  g_autofree char *db_before = NULL;
  g_autofree char *pdf_before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pack_id = pb_library_create_pack (library, "Panel", FALSE, NULL, NULL);
  gsize db_len, pdf_len;

  db_before = pb_test_read_file (f->db_path, &db_len);
  pdf_before = pb_test_read_file (stored, &pdf_len);

  g_assert_false (pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_PDF, f->db_path, &error));
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OUTPUT_INSIDE);
  g_clear_error (&error);
  g_assert_false (pb_library_export_annotated (library, pb_report_get_id (report), stored, TRUE, &error));
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OUTPUT_INSIDE);
  g_clear_error (&error);

  {
    g_autofree char *pdf_after = pb_test_read_file (stored, NULL);
    g_assert_cmpmem (pdf_before, pdf_len, pdf_after, pdf_len);
  }
  g_assert_true (pb_library_check_output_path (library, "/tmp/pack.pdf", NULL));
}

/* A report's file gone from reports/: said in words, naming the report. */
static void
test_missing_report_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *out = g_build_filename (f->dir, "annotated.pdf", NULL);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(PbReport) report = pb_library_get_report (library, pb_safety_import (library, pdf), NULL);
  g_autofree char *stored = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
  g_autoptr(PbCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (stored), ==, 0);

  g_assert_false (pb_library_export_annotated (library, pb_report_get_id (report), out, TRUE, &error));
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_MISSING_FILE);
  g_assert_cmpstr (error->message, ==, "The file for “a” is missing from the library. Run Check Library.");
  g_clear_error (&error);

  result = pb_library_check (library, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpint (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->kind, ==,
                   PB_CHECK_MISSING_FILE);
  /* The report and its row stay: nothing the user saved goes. */
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add ("/safety/" name, Fixture, NULL, pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("read-only", test_read_only);
  ADD ("read-only-disk", test_read_only_disk);
  ADD ("full-disk", test_full_disk);
  ADD ("full-disk-reads", test_full_disk_reads);
  ADD ("annotated-full-disk", test_annotated_full_disk);
  ADD ("file-name-not-utf8", test_file_name_not_utf8);
  ADD ("export-inside-library", test_export_inside_library);
  ADD ("missing-report-file", test_missing_report_file);
#undef ADD

  return g_test_run ();
}
