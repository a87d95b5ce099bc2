/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

/* A process adding findings is killed with SIGKILL at random moments. After
 * each kill the library must pass SQLite's integrity check, and every finding
 * the process said was saved must be there with both its cohorts.
 *
 * The moment is chosen by the child's own progress, not by a clock: it
 * prints a line for each finding it has saved, and the parent kills it once
 * it has read a random number of them. So every kill lands while the child
 * is adding findings, however slowly it runs (under a sanitizer, say). */

#define RUNS 24
#define MAX_LINES_BEFORE_KILL 25

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* Appends what @fd gives to @out until @out holds @n_lines lines or the
 * other end is closed; returns whether it got that many. */
static gboolean
read_lines (int      fd,
            GString *out,
            guint    n_lines)
{
  char buffer[4096];
  gssize n;

  while (n_lines == G_MAXUINT || count_lines (out->str) < n_lines)
    {
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (out, buffer, n);
    }

  return TRUE;
}

static void
test_killed_while_adding (void)
{
  const char *child = g_getenv ("PB_CRASH_CHILD");
  static const char * const pages[] = { "Children in care live in stable homes.", NULL };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = pb_test_write_pdf (dir, "r.pdf", (const char **)pages, NULL);
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *sha = NULL;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint total_reported = 0;

  g_assert_nonnull (child);

  {
    g_autoptr(PbLibrary) library = pb_library_open (library_dir, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autoptr(PbReport) report = NULL;
    gint64 id = 0;

    g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
    report = pb_library_get_report (library, id, NULL);
    sha = g_strdup (pb_report_get_sha256 (report));
  }

  for (guint run = 0; run < RUNS; run++)
    {
      const char *argv[] = { child, library_dir, sha, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(PbLibrary) library = NULL;
      g_autoptr(GString) output = g_string_new (NULL);
      g_auto(GStrv) ids = NULL;
      guint wait_for_lines = g_rand_int_range (rand, 1, MAX_LINES_BEFORE_KILL + 1);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      GPid pid;
      int out_fd, status;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      if (!read_lines (out_fd, output, wait_for_lines))
        g_error ("the child stopped after %u of %u findings", count_lines (output->str), wait_for_lines);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* And whatever it said after, before it died. */
      read_lines (out_fd, output, G_MAXUINT);
      close (out_fd);
      ids = g_strsplit (output->str, "\n", -1);

      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      library = pb_library_open (library_dir, &error);
      g_assert_no_error (error);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autoptr(PbFinding) finding = NULL;
          gint64 id;

          if (*ids[i] == '\0')
            continue;

          id = g_ascii_strtoll (ids[i], NULL, 10);
          finding = pb_library_get_finding (library, id, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (g_strv_length ((char **)pb_finding_get_cohorts (finding)), ==, 2);
          total_reported++;
        }

      /* And no finding is left half-saved, without its cohorts. */
      g_assert_cmpint (pb_test_count_rows (library_dir, "finding_cohorts"), ==,
                       2 * pb_test_count_rows (library_dir, "findings"));
    }

  g_test_message ("%u runs; %u findings reported saved, all present; %" G_GINT64_FORMAT " in the library",
                  RUNS, total_reported, pb_test_count_rows (library_dir, "findings"));

  g_rand_free (rand);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/killed-while-adding", test_killed_while_adding);
  return g_test_run ();
}
