/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-import-job.h"
#include "pb-import.h"
#include "pb-library-check.h"
#include "pb-report-list.h"
#include "pb-report-store.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* What Check Library says can be mended is mended, and nothing is lost on
 * the way: a report file that changed is put back by importing the original
 * (the changed one kept aside); an orphan is hashed before it is
 * re-attached, so a misnamed copy is re-attached under its real checksum or
 * moved aside, and never listed for ever; an orphan that needs a password
 * says so, and is re-attached when given it; temporary files of restores,
 * backups and library imports that were killed are listed and removed, and
 * ones in use are not. */

typedef PbSafetyFixture Fixture;

static char *
sha256_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* Files in reports/ whose name starts with @prefix and has more after it. */
static GPtrArray *
files_starting (const char *folder,
                const char *prefix)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, prefix) && !g_str_equal (name, prefix))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  return g_steal_pointer (&found);
}

static PbCheckResult *
check (PbLibrary          *library,
       const char * const *passwords)
{
  g_autoptr(GError) error = NULL;
  PbCheckResult *result = pb_library_check_full (library, TRUE, passwords, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < result->problems->len; i++)
    {
      PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

      /* Every message is one sentence of words, on one line. */
      g_assert_null (strchr (problem->message, '\n'));
      g_assert_null (strstr (problem->message, "***"));
    }
  return result;
}

/* A stored copy that changed (or went) is put back by importing the
 * original, as Check Library advises; the changed copy is kept aside. */
static void
test_import_mends_changed_copy (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *sha = sha256_of (pdf);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *stored = pb_library_dup_report_path (library, sha);
  g_autofree char *stored_name = g_strconcat (sha, ".pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aside = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *kept = NULL;
  PbImportStatus status;
  gint64 id = pb_safety_import (library, pdf);

  pb_safety_add_finding (library, id);

  /* Changed in place: check says so, and how to mend it. */
  g_assert_true (g_file_set_contents (stored, "edited by hand", -1, NULL));
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);

    g_assert_cmpuint (result->problems->len, ==, 1);
    g_assert_cmpint (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->kind, ==,
                     PB_CHECK_WRONG_CHECKSUM);
    g_assert_nonnull (strstr (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->message,
                              "Import the report again"));
  }

  g_assert_true (pb_import_file_with_notice (library, file, NULL, PB_IMPORT_DEFAULT, NULL, NULL, NULL,
                                             &status, NULL, &notice, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_DUPLICATE);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "had changed"));
  g_assert_null (strchr (notice, '\n'));

  /* The good copy is back, the changed one kept, the finding still there. */
  {
    g_autofree char *now = sha256_of (stored);
    g_autoptr(PbCheckResult) result = check (library, NULL);

    g_assert_cmpstr (now, ==, sha);
    g_assert_cmpuint (result->problems->len, ==, 0);
  }
  aside = files_starting (f->reports_dir, stored_name);
  g_assert_cmpuint (aside->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (aside, 0), ".pdf.damaged-"));
  g_assert_nonnull (strstr (notice, strrchr (g_ptr_array_index (aside, 0), '/') + 1));
  kept = pb_test_read_file (g_ptr_array_index (aside, 0), NULL);
  g_assert_cmpstr (kept, ==, "edited by hand");
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);

  /* A sound copy is left alone: nothing to tell. */
  g_clear_pointer (&notice, g_free);
  g_assert_true (pb_import_file_with_notice (library, file, NULL, PB_IMPORT_DEFAULT, NULL, NULL, NULL,
                                             &status, NULL, &notice, &error));
  g_assert_null (notice);

  /* Missing: put back, and said so. */
  g_assert_cmpint (g_unlink (stored), ==, 0);
  g_assert_true (pb_import_file_with_notice (library, file, NULL, PB_IMPORT_DEFAULT, NULL, NULL, NULL,
                                             &status, NULL, &notice, &error));
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "was missing"));
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
}

/* The import job carries the same notice to the window. */
static void
run_job_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **out = user_data;

  *out = pb_import_job_run_finish (PB_IMPORT_JOB (source), result, NULL);
}

static void
test_import_job_notice (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *sha = sha256_of (pdf);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *stored = pb_library_dup_report_path (library, sha);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(PbImportJob) job = NULL;
  g_autoptr(GPtrArray) results = NULL;

  pb_safety_import (library, pdf);
  g_assert_true (g_file_set_contents (stored, "", 0, NULL));

  job = pb_import_job_new (library, &file, 1);
  pb_import_job_run_async (job, NULL, run_job_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->len, ==, 1);
  g_assert_nonnull (strstr (pb_import_result_get_notice (g_ptr_array_index (results, 0)), "had changed"));
}

/* A copy of a report under another report's name: hashed first, so a copy
 * of a listed report is moved aside, and one of a report the library lost
 * is re-attached under its own name; either way check stops listing it. */
static void
test_misnamed_orphans (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *b = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autofree char *b_sha = sha256_of (b);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *a_stored = NULL;
  g_autofree char *copy_of_a = g_build_filename (f->reports_dir, "1111111111111111111111111111111111111111111111111111111111111111.pdf", NULL);
  g_autofree char *copy_of_b = g_build_filename (f->reports_dir, "2222222222222222222222222222222222222222222222222222222222222222.pdf", NULL);
  g_autofree char *a_bytes = NULL;
  g_autofree char *b_bytes = NULL;
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GPtrArray) aside = NULL;
  g_autoptr(GError) error = NULL;
  gsize a_len, b_len;
  gint64 a_id = pb_safety_import (library, a);

  {
    g_autoptr(PbReport) report = pb_library_get_report (library, a_id, NULL);
    a_stored = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
  }
  a_bytes = pb_test_read_file (a_stored, &a_len);
  b_bytes = pb_test_read_file (b, &b_len);
  g_assert_true (g_file_set_contents (copy_of_a, a_bytes, a_len, NULL));
  g_assert_true (g_file_set_contents (copy_of_b, b_bytes, b_len, NULL));

  {
    g_autoptr(PbCheckResult) result = check (library, NULL);
    g_autofree char *messages = NULL;
    GString *all = g_string_new (NULL);

    g_assert_cmpuint (result->problems->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

        g_assert_cmpint (problem->kind, ==, PB_CHECK_ORPHAN);
        g_assert_true (problem->repairable);
        /* Named by what they are, not by 64 hex digits. */
        g_assert_null (strstr (problem->message, "1111111111111111"));
        g_assert_null (strstr (problem->message, "2222222222222222"));
        g_string_append (all, problem->message);
      }
    messages = g_string_free (all, FALSE);
    g_assert_nonnull (strstr (messages, "second copy"));
    g_assert_nonnull (strstr (messages, "not its own"));

    repairs = pb_library_repair_full (library, result, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (repairs->len, ==, 2);
  }

  /* b is a report again, under its own name; both misnamed files are kept. */
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);
    g_autofree char *b_stored = pb_library_dup_report_path (library, b_sha);

    g_assert_cmpuint (result->problems->len, ==, 0);
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 2);
    g_assert_true (g_file_test (b_stored, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_false (g_file_test (copy_of_a, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy_of_b, G_FILE_TEST_EXISTS));
  aside = files_starting (f->reports_dir, "1111111111111111111111111111111111111111111111111111111111111111.pdf.misnamed-");
  g_assert_cmpuint (aside->len, ==, 1);
  g_clear_pointer (&aside, g_ptr_array_unref);
  aside = files_starting (f->reports_dir, "2222222222222222222222222222222222222222222222222222222222222222.pdf.misnamed-");
  g_assert_cmpuint (aside->len, ==, 1);
  {
    g_autofree char *kept = pb_test_read_file (g_ptr_array_index (aside, 0), NULL);
    g_assert_cmpmem (kept, b_len, b_bytes, b_len);
  }
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PbCheckResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pb_library_check_finish (PB_LIBRARY (object), result, NULL, &error);
  g_assert_no_error (error);
}

/* Repair in the background (as Check Library runs it in the window)
 * announces each report it re-attaches, so the window's report list shows
 * it without being reloaded. */
static void
test_repair_announces_reports (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *a = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autofree char *b = pb_safety_write_report (f, "b.pdf", "Children in care live in stable homes.");
  g_autofree char *b_sha = sha256_of (b);
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(PbReportList) list = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *bytes = NULL;
  PbCheckResult *result = NULL;
  gsize length;

  pb_safety_import (library, a);
  orphan = pb_library_dup_report_path (library, b_sha);
  bytes = pb_test_read_file (b, &length);
  g_assert_true (g_file_set_contents (orphan, bytes, length, NULL));

  list = pb_report_list_new (library);
  g_assert_true (pb_report_list_reload (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  pb_library_check_async (library, TRUE, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (result->problems->len, ==, 0);
  pb_check_result_free (result);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(PbReport) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(PbReport) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_true (g_str_equal (pb_report_get_sha256 (first), b_sha) ||
                   g_str_equal (pb_report_get_sha256 (second), b_sha));
  }
}

/* An orphan that needs a password says so, is not called repairable, and
 * is re-attached when the password is given. A file that is no report is
 * moved aside. */
static void
test_locked_and_unreadable_orphans (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *plain = pb_safety_write_report (f, "locked.pdf", "Leaders know their services well.");
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "corporate-parent");
  g_autofree char *locked_sha = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *junk = g_build_filename (f->reports_dir, "3333333333333333333333333333333333333333333333333333333333333333.pdf", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const passwords[] = { "wrong", "corporate-parent", NULL };

  if (locked == NULL)
    return;
  library = pb_library_open (f->library_dir, NULL);
  locked_sha = sha256_of (locked);
  orphan = pb_library_dup_report_path (library, locked_sha);
  {
    g_autofree char *bytes = NULL;
    gsize length;

    bytes = pb_test_read_file (locked, &length);
    g_assert_true (g_file_set_contents (orphan, bytes, length, NULL));
  }
  g_assert_true (g_file_set_contents (junk, "not a PDF at all", -1, NULL));

  {
    g_autoptr(PbCheckResult) result = check (library, NULL);
    PbCheckProblem *needs = NULL;

    g_assert_cmpuint (result->problems->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

        if (g_str_equal (problem->subject, locked_sha))
          needs = problem;
      }
    g_assert_nonnull (needs);
    g_assert_false (needs->repairable);
    g_assert_nonnull (strstr (needs->message, "password"));
    g_assert_null (strstr (needs->message, "Repair re-attaches it."));

    /* Without the password it stays, and says why. */
    repairs = pb_library_repair_full (library, result, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);

    g_assert_cmpuint (result->problems->len, ==, 1);
    g_assert_cmpstr (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->subject, ==, locked_sha);
  }
  g_assert_false (g_file_test (junk, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) aside = files_starting (f->reports_dir, "3333333333333333333333333333333333333333333333333333333333333333.pdf.unreadable-");
    g_assert_cmpuint (aside->len, ==, 1);
  }

  /* With it, it is named and re-attached. */
  {
    g_autoptr(PbCheckResult) result = check (library, passwords);

    g_assert_cmpuint (result->problems->len, ==, 1);
    g_assert_true (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->repairable);
    g_clear_pointer (&repairs, g_ptr_array_unref);
    repairs = pb_library_repair_full (library, result, passwords, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (g_ptr_array_index (repairs, 0), "Re-attached"));
  }
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);

    g_assert_cmpuint (result->problems->len, ==, 0);
    g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 1);
  }
  /* Its title says what it is, not its checksum. */
  {
    g_autoptr(GPtrArray) reports = pb_library_list_reports (library, NULL);
    const char *title = pb_report_get_title (g_ptr_array_index (reports, 0));

    g_assert_null (strstr (title, locked_sha));
    g_assert_true (g_str_has_prefix (title, "Report re-attached on ") || g_str_equal (title, "locked"));
  }
}

/* Temporary files of a restore, a backup and a library import that were
 * killed are leftovers; one in use is not, and SQLite's journal goes with
 * its database. */
static void
test_temporary_leftovers (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);
  const char *left[] = {
    ".restore-Ab12Cd.part", "backups/.library-Ef34Gh.part", "backups/.library-Ef34Gh.part-journal",
    ".archive-Ij56Kl.db", ".archive-Ij56Kl.db-journal", NULL,
  };
  const char *kept[] = {
    ".archive-Mn78Op.db", ".archive-Mn78Op.db-journal", ".restore-notmine.part", "backups/library-notes.txt", NULL,
  };
  g_autofree char *busy = g_build_filename (f->library_dir, ".archive-Mn78Op.db", NULL);
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) error = NULL;
  int busy_fd;

  pb_safety_import (library, pdf);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  for (guint i = 0; left[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->library_dir, left[i], NULL);
      g_assert_true (g_file_set_contents (path, "a full copy of the database", -1, NULL));
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->library_dir, kept[i], NULL);
      g_assert_true (g_file_set_contents (path, "in use, or not ours", -1, NULL));
    }
  /* A library import running now holds its database. */
  g_assert_cmpint ((busy_fd = g_open (busy, O_RDONLY, 0)), >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  {
    g_autoptr(PbCheckResult) result = check (library, NULL);

    g_assert_cmpuint (result->problems->len, ==, g_strv_length ((char **)left));
    for (guint i = 0; i < result->problems->len; i++)
      {
        PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

        g_assert_cmpint (problem->kind, ==, PB_CHECK_LEFTOVER);
        g_assert_true (problem->repairable);
        g_assert_nonnull (strstr (problem->message, "did not finish"));
      }
    repairs = pb_library_repair_full (library, result, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; left[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->library_dir, left[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->library_dir, kept[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);
    g_assert_cmpuint (result->problems->len, ==, 0);
  }

  /* Once its import is gone, it is a leftover too. */
  g_close (busy_fd, NULL);
  {
    g_autoptr(PbCheckResult) result = check (library, NULL);
    g_assert_cmpuint (result->problems->len, ==, 2);
  }
}

/* A damaged database is said in one plain line, without SQLite's heading
 * or its findings ("Page 2: btreeInitPage() returns error code 11"), which
 * say nothing a reader can act on. */
static void
test_damaged_database_line (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pdf = pb_safety_write_report (f, "a.pdf", "Care leavers have a generous local offer.");

  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
    pb_safety_add_finding (library, pb_safety_import (library, pdf));
  }
  {
    int fd = g_open (f->db_path, O_RDWR, 0);
    guint8 byte;

    g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
    byte ^= 0xff;
    g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
    g_close (fd, NULL);
  }
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
    g_autoptr(PbCheckResult) result = check (library, NULL);
    PbCheckProblem *problem = g_ptr_array_index (result->problems, 0);

    g_assert_cmpint (problem->kind, ==, PB_CHECK_DATABASE);
    g_assert_nonnull (strstr (problem->message, "The library database is damaged: "));
    g_assert_null (strstr (problem->message, "Page 2"));
    g_assert_null (strstr (problem->message, "***"));
    g_assert_null (strchr (problem->message, '\n'));
    g_assert_nonnull (strstr (problem->message, "restore --latest"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/repair/" name, Fixture, NULL, \
                                  pb_safety_fixture_setup, fn, pb_safety_fixture_teardown)
  ADD ("import-mends-changed-copy", test_import_mends_changed_copy);
  ADD ("import-job-notice", test_import_job_notice);
  ADD ("misnamed-orphans", test_misnamed_orphans);
  ADD ("repair-announces-reports", test_repair_announces_reports);
  ADD ("locked-and-unreadable-orphans", test_locked_and_unreadable_orphans);
  ADD ("temporary-leftovers", test_temporary_leftovers);
  ADD ("damaged-database-line", test_damaged_database_line);
#undef ADD

  return g_test_run ();
}
