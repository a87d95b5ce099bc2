/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-cli.h"
#include "pb-test-util.h"

/* An import on the command line that does not finish: the process killed
 * part-way, or a file it cannot write past a size limit. Either way the
 * library is left as it was, with nothing half-made in it. */

typedef PbTestCliFixture Fixture;

static char *
write_numbered_pdf (const char *dir,
                    const char *name,
                    guint       number,
                    guint       n_pages)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Report %u, page %u. Children in care and care leavers.\n"
                                             "Leaders know their services well.", number, i + 1));
  g_ptr_array_add (pages, NULL);

  return pb_test_write_pdf (dir, name, (const char **)pages->pdata, NULL);
}

static char *
write_long_pdf (const char *dir,
                guint       n_pages)
{
  return write_numbered_pdf (dir, "long.pdf", 0, n_pages);
}

static void
assert_library_consistent (const char *library_dir,
                           guint       expected_pages)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *reports_dir = g_build_filename (library_dir, "reports", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Opening the library recovers whatever a killed writer left in the WAL. */
  library = pb_library_open (library_dir, &error);
  g_assert_no_error (error);
  pb_import_clean_leftovers (library);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* All or nothing: no report, or the whole report with its file. */
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, <=, 1);
  if (reports->len == 1)
    {
      PbReport *report = g_ptr_array_index (reports, 0);
      g_autofree char *stored = pb_library_dup_report_path (library, pb_report_get_sha256 (report));

      g_assert_cmpuint (pb_report_get_page_count (report), ==, expected_pages);
      g_assert_cmpint (pb_test_count_rows (library_dir, "report_pages"), ==, expected_pages);
      g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (pb_test_count_files (reports_dir), ==, 1);
    }
  else
    {
      g_assert_cmpint (pb_test_count_rows (library_dir, "report_pages"), ==, 0);
      g_assert_cmpuint (pb_test_count_files (reports_dir), ==, 0);
    }
}

static gboolean
import_timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the import to start");
  return G_SOURCE_REMOVE;
}

static void
import_started_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   gboolean          *started)
{
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_CREATED && g_str_has_prefix (name, ".import-"))
    *started = TRUE;
}

/* Runs "panel-brief import" on @pdf into @library_dir (made first, so that
 * only the import is left to do) and returns once the import has begun: its
 * partial copy has appeared in the reports folder. */
static GPid
start_import (const char *library_dir,
              const char *pdf)
{
  const char *argv[] = { g_getenv ("PB_BINARY"), "import", "--library", library_dir, pdf, NULL };
  g_autofree char *reports_dir = g_build_filename (library_dir, "reports", NULL);
  g_autoptr(GFile) reports = g_file_new_for_path (reports_dir);
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;
  guint timeout;
  GPid pid;

  g_clear_object (&(PbLibrary *) { pb_library_open (library_dir, NULL) });
  monitor = g_file_monitor_directory (reports, G_FILE_MONITOR_NONE, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (monitor, "changed", G_CALLBACK (import_started_cb), &started);

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (60, import_timeout_cb, NULL);
  while (!started)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  return pid;
}

/* An import killed at any moment leaves a consistent library. The moment is
 * random but always after the import has begun, so no kill is spent on the
 * process starting up. */
static void
test_killed_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = write_long_pdf (f->dir, 120);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_complete = 0;
  gint64 import_us;

  /* How long an import takes here once it has begun, so the kills land
   * inside one. */
  {
    g_autofree char *library_dir = g_strdup_printf ("%s/timed", f->dir);
    GPid pid = start_import (library_dir, pdf);
    gint64 start = g_get_monotonic_time ();
    int wait_status;

    g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
    import_us = MAX (g_get_monotonic_time () - start, 1);
    g_spawn_close_pid (pid);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  }

  for (guint run = 0; run < 12; run++)
    {
      g_autofree char *library_dir = g_strdup_printf ("%s/killed-%u", f->dir, run);
      GPid pid = start_import (library_dir, pdf);
      int wait_status;

      /* Any moment of the import: a random moment, not a wait for something. */
      g_usleep (g_rand_int_range (rand, 0, (gint32)MIN (import_us, G_MAXINT32)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);

      if (WIFEXITED (wait_status))
        n_complete++;

      assert_library_consistent (library_dir, 120);
    }

  g_test_message ("%u of 12 imports finished before the kill (an import once begun: %.0f ms)",
                  n_complete, import_us / 1000.0);
  g_rand_free (rand);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  /* Writing past the limit then fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A write that fails part-way (here: a file-size limit, as a full disk would)
 * is reported in plain words and leaves nothing behind. */
static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = write_long_pdf (f->dir, 200);
  const char *argv[] = { g_getenv ("PB_BINARY"), "import", "--library", f->library_dir, pdf, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;
  GStatBuf st;

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 64 * 1024);
  g_clear_object (&(PbLibrary *) { pb_library_open (f->library_dir, NULL) });

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_true (g_str_has_prefix (err, "panel-brief: "));
  g_assert_nonnull (strstr (err, "long.pdf"));
  g_assert_nonnull (strstr (err, "could not be stored in the library"));

  assert_library_consistent (f->library_dir, 200);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
}

/* Ctrl+C (data: the signal, SIGINT or SIGHUP) stops a bulk import as Stop
 * does in the window: the reports imported before it stay, whole; the file
 * under way and those not begun are left out, with nothing half-made; the
 * command says so and exits 130. */
static void
test_stopped_import (Fixture       *f,
                     gconstpointer  data)
{
  int signal_number = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *reports_dir = g_build_filename (f->library_dir, "reports", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  guint n_files = 12, n_imported = 0;
  char *line;

  g_ptr_array_add (argv, g_strdup (g_getenv ("PB_BINARY")));
  g_ptr_array_add (argv, g_strdup ("import"));
  g_ptr_array_add (argv, g_strdup ("--library"));
  g_ptr_array_add (argv, g_strdup (f->library_dir));
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.pdf", i);

      g_ptr_array_add (argv, write_numbered_pdf (f->dir, name, i + 1, 150));
    }
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Stopped once the first report is in. */
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Imported "));
  n_imported++;
  g_free (line);
  g_subprocess_send_signal (process, signal_number);

  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
    {
      g_assert_true (g_str_has_prefix (line, "Imported "));
      n_imported++;
      g_free (line);
    }
  g_assert_no_error (error);

  {
    g_autoptr(GDataInputStream) err_stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));

    err = g_data_input_stream_read_upto (err_stream, "", 0, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);
  g_assert_cmpuint (n_imported, <, n_files);

  /* It says what stays and what was left out, once, not a line a file. */
  expected = g_strdup_printf (n_imported == 1 ? "Import stopped: %u report was imported and stays in the library, "
                                                "and %u files were left out"
                                              : "Import stopped: %u reports were imported and stay in the library, "
                                                "and %u files were left out",
                              n_imported, n_files - n_imported);
  g_assert_nonnull (strstr (err, expected));
  g_assert_null (strstr (err, "report-"));

  /* Every report it named is in the library, whole, and nothing else is:
   * no partial copy, no journal, no stray file. */
  g_assert_cmpuint (pb_test_count_files (reports_dir), ==, n_imported);
  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, n_imported);
  for (guint i = 0; i < reports->len; i++)
    g_assert_cmpuint (pb_report_get_page_count (g_ptr_array_index (reports, i)), ==, 150);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, 150 * n_imported);

  {
    g_auto(PbTestRun) check = { 0 };

    pb_test_run_cli (&check, "check", "--library", f->library_dir, NULL);
    g_assert_cmpint (check.status, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/killed-import", Fixture, NULL,
              pb_test_cli_fixture_setup, test_killed_import, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/stopped-import", Fixture, GINT_TO_POINTER (SIGINT),
              pb_test_cli_fixture_setup, test_stopped_import, pb_test_cli_fixture_teardown);
  /* The terminal closed (or an ssh session dropped) stops it the same way. */
  g_test_add ("/cli/stopped-import-hangup", Fixture, GINT_TO_POINTER (SIGHUP),
              pb_test_cli_fixture_setup, test_stopped_import, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/write-failure", Fixture, NULL,
              pb_test_cli_fixture_setup, test_write_failure, pb_test_cli_fixture_teardown);

  return g_test_run ();
}
