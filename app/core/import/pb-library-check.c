/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-check"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-db.h"
#include "pb-import-private.h"
#include "pb-library-check-private.h"
#include "pb-library-private.h"
#include "pb-report-store.h"

/* Check Library: is everything the library lists there, sound and the same as
 * when it was imported, and is everything in its folder listed? Repair mends
 * only what it can without losing anything: it re-attaches orphaned reports
 * (reading them again from their own files) and removes what killed imports
 * left. A damaged database, a missing or changed report file are reported,
 * with what to do, and left as they are. */

static void
problem_free (PbCheckProblem *problem)
{
  g_free (problem->subject);
  g_free (problem->message);
  g_free (problem);
}

void
_pb_check_add_problem (PbCheckResult *result,
                       PbCheckKind    kind,
                       const char    *subject,
                       gint64         report_id,
                       gboolean       repairable,
                       char          *message)
{
  PbCheckProblem *problem = g_new0 (PbCheckProblem, 1);

  problem->kind = kind;
  problem->subject = g_strdup (subject);
  problem->report_id = report_id;
  problem->repairable = repairable;
  problem->message = message;
  g_ptr_array_add (result->problems, problem);
}

/**
 * pb_check_kind_to_string:
 * @kind: a kind of problem
 *
 * Returns: its name in `check --json`: "database", "foreign-key",
 *   "missing-file", "wrong-checksum", "orphan" or "leftover"
 */
const char *
pb_check_kind_to_string (PbCheckKind kind)
{
  static const char * const names[] = {
    "database", "foreign-key", "missing-file", "wrong-checksum", "orphan", "leftover",
  };

  g_return_val_if_fail (kind <= PB_CHECK_LEFTOVER, "");
  return names[kind];
}

/**
 * pb_check_result_free:
 * @result: (transfer full) (nullable): a result
 */
void
pb_check_result_free (PbCheckResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
check_database (PbLibrary     *library,
                PbCheckResult *result,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) keys = NULL;
  gboolean damaged = FALSE;
  sqlite3 *db;

  if (!(db = _pb_library_open_reader (library, error)))
    return;

  if ((integrity = pb_db_prepare (db, "PRAGMA integrity_check", NULL)) != NULL &&
      sqlite3_step (integrity) == SQLITE_ROW &&
      g_strcmp0 (pb_db_column_text (integrity, 0), "ok") != 0)
    {
      /* SQLite's findings ("On tree page 2 cell 0: Offset … out of range")
       * say nothing a reader can act on: they go to the log, and the user
       * gets one sentence and the one thing to do. */
      g_debug ("integrity_check: %s", pb_db_column_text (integrity, 0));
      damaged = TRUE;
      _pb_check_add_problem (result, PB_CHECK_DATABASE, "library.db", 0, FALSE,
                             g_strdup (_("The library database is damaged: some of what it holds "
                                         "cannot be read. Restore the newest good backup "
                                         "(Restore from Backup…, or “panel-brief restore "
                                         "--latest”); the damaged file is kept.")));
    }

  /* Rows that lost what they refer to are what the damage did, and the
   * remedy is the same restore: one sentence says it all. */
  if (!damaged && (keys = pb_db_prepare (db, "PRAGMA foreign_key_check", NULL)) != NULL)
    {
      guint n = 0;
      g_autofree char *table = NULL;

      while (sqlite3_step (keys) == SQLITE_ROW)
        if (n++ == 0)
          table = g_strdup (pb_db_column_text (keys, 0));
      if (n > 0)
        _pb_check_add_problem (result, PB_CHECK_FOREIGN_KEY, table, 0, FALSE,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u row of the library refers to something that "
                                                   "is no longer there (in “%s”). Restore the newest "
                                                   "good backup if anything is missing.",
                                                   "%u rows of the library refer to something that "
                                                   "is no longer there (first in “%s”). Restore the "
                                                   "newest good backup if anything is missing.", n),
                                      n, table));
    }

  g_clear_pointer (&integrity, sqlite3_finalize);
  g_clear_pointer (&keys, sqlite3_finalize);
  pb_db_close (db);
}

/* pb_library_check()'s work, into @result. */
static gboolean
check_library (PbLibrary             *library,
               gboolean               verify_checksums,
               const char * const    *passwords,
               GCancellable          *cancellable,
               PbImportProgressFunc   progress,
               gpointer               progress_data,
               PbCheckResult         *result,
               GError               **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;
  g_autoptr(GError) local_error = NULL;

  check_database (library, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(reports = pb_library_list_reports (library, error)))
    return FALSE;

  result->n_reports = reports->len;
  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);
      const char *sha256 = pb_report_get_sha256 (report);
      g_autofree char *path = pb_library_dup_report_path (library, sha256);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          _pb_check_add_problem (result, PB_CHECK_MISSING_FILE, sha256, pb_report_get_id (report), FALSE,
                       g_strdup_printf (_("The file for “%s” is missing from the library. "
                                          "Import the report again to bring it back; its "
                                          "findings are kept."),
                                        pb_report_get_title (report)));
        }
      else if (verify_checksums)
        {
          g_autoptr(GError) hash_error = NULL;
          g_autofree char *actual = _pb_import_hash_file (path, cancellable, &hash_error);

          if (g_error_matches (hash_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&hash_error));
              return FALSE;
            }
          result->n_files_hashed++;
          if (g_strcmp0 (actual, sha256) != 0)
            _pb_check_add_problem (result, PB_CHECK_WRONG_CHECKSUM, sha256, pb_report_get_id (report), FALSE,
                         g_strdup_printf (_("The file for “%s” has changed since it was imported "
                                            "and may be damaged. Import the report again from "
                                            "the original to mend it."),
                                          pb_report_get_title (report)));
        }

      if (progress != NULL)
        progress ((double)(i + 1) / reports->len, progress_data);
    }

  if (!_pb_check_orphans (library, verify_checksums, passwords, cancellable, result, error))
    return FALSE;

  leftovers = pb_import_list_leftovers (library);
  for (guint i = 0; i < leftovers->len; i++)
    {
      const char *path = g_ptr_array_index (leftovers, i);
      g_autofree char *name = g_path_get_basename (path);

      _pb_check_add_problem (result, PB_CHECK_LEFTOVER, path, 0, TRUE,
                   g_strdup_printf (_("“%s” was left by an import that did not finish. Repair "
                                      "removes it."), name));
    }
  _pb_check_temporaries (library, result);

  return TRUE;
}

/**
 * pb_library_check:
 *
 * pb_library_check_full () with no passwords.
 */
PbCheckResult *
pb_library_check (PbLibrary             *library,
                  gboolean               verify_checksums,
                  GCancellable          *cancellable,
                  PbImportProgressFunc   progress,
                  gpointer               progress_data,
                  GError               **error)
{
  return pb_library_check_full (library, verify_checksums, NULL, cancellable, progress,
                                progress_data, error);
}

/**
 * pb_library_check_full:
 * @library: a library
 * @verify_checksums: whether to read every report file (and every orphan)
 *   and compare its SHA-256 with the one it is named by (slower: it reads
 *   every byte)
 * @passwords: (nullable) (array zero-terminated=1): passwords to try on
 *   orphans that are protected by one, so that they can be named and
 *   re-attached
 * @cancellable: (nullable): to stop
 * @progress: (nullable): called with the share of reports looked at, 0 to 1
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Checks the library: integrity_check and foreign_key_check on the
 * database, every report's file present (and its checksum), orphans in
 * reports/ (each hashed and opened, to say what it is and what Repair will
 * do), leftovers of imports in reports/, and the temporary files of
 * restores, backups and library imports that did not finish in the library
 * folder and backups/. Changes nothing. Safe to call from a worker thread:
 * it reads through connections of its own.
 *
 * Returns: (transfer full): what was found (no problems when all is well);
 *   or %NULL with @error set when the library could not be read at all
 *   (PB_DB_ERROR) or the check was cancelled (G_IO_ERROR_CANCELLED)
 */
PbCheckResult *
pb_library_check_full (PbLibrary             *library,
                       gboolean               verify_checksums,
                       const char * const    *passwords,
                       GCancellable          *cancellable,
                       PbImportProgressFunc   progress,
                       gpointer               progress_data,
                       GError               **error)
{
  PbCheckResult *result;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  result = g_new0 (PbCheckResult, 1);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  if (!check_library (library, verify_checksums, passwords, cancellable, progress, progress_data,
                      result, error))
    {
      pb_check_result_free (result);
      return NULL;
    }
  return result;
}

static void       emit_added (PbLibrary           *library,
                              GArray              *added);
static GPtrArray *repair     (PbLibrary           *library,
                              PbCheckResult       *result,
                              const char * const  *passwords,
                              GCancellable        *cancellable,
                              GArray              *added,
                              GError             **error);

/**
 * pb_library_repair:
 *
 * pb_library_repair_full () with no passwords.
 */
GPtrArray *
pb_library_repair (PbLibrary      *library,
                   PbCheckResult  *result,
                   GCancellable   *cancellable,
                   GError        **error)
{
  return pb_library_repair_full (library, result, NULL, cancellable, error);
}

/**
 * pb_library_repair_full:
 * @library: a library that can be written
 * @result: what pb_library_check_full () found
 * @passwords: (nullable) (array zero-terminated=1): passwords to try on
 *   orphans that are protected by one
 * @cancellable: (nullable): to stop between repairs
 * @error: a #GError, or %NULL
 *
 * Mends the repairable problems of @result, losing nothing: each orphan is
 * hashed and re-imported from its own file (its text and structure are
 * read again) under its real checksum, a misnamed or unreadable file is
 * moved aside (renamed, never deleted), leftovers of killed imports are
 * settled and unused temporary files of restores, backups and library
 * imports are removed. Nothing else is touched.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per thing done
 *   or not done; or %NULL with @error set when the library cannot be written
 *   (a copy of pb_library_get_problem ()) or on cancellation
 */
GPtrArray *
pb_library_repair_full (PbLibrary           *library,
                        PbCheckResult       *result,
                        const char * const  *passwords,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *done = repair (library, result, passwords, cancellable, added, error);

  emit_added (library, added);
  return done;
}

/* Tells the library's watchers (the window's report list) of each report
 * a repair re-attached: on the caller's thread, as signals must be. */
static void
emit_added (PbLibrary *library,
            GArray    *added)
{
  for (guint i = 0; added != NULL && i < added->len; i++)
    _pb_library_emit_report_added (library, g_array_index (added, gint64, i));
}

static GPtrArray *
repair (PbLibrary           *library,
        PbCheckResult       *result,
        const char * const  *passwords,
        GCancellable        *cancellable,
        GArray              *added,
        GError             **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_free);
  gboolean leftovers = FALSE;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  if (!pb_library_check_writable (library, error))
    return NULL;

  for (guint i = 0; i < result->problems->len; i++)
    {
      PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (problem->kind == PB_CHECK_ORPHAN)
        g_ptr_array_add (done, _pb_repair_orphan (library, problem->subject, passwords, cancellable, added));
      else if (problem->kind == PB_CHECK_LEFTOVER)
        leftovers = TRUE;
    }

  if (leftovers)
    {
      g_autoptr(GPtrArray) before = pb_import_list_leftovers (library);
      g_autoptr(GPtrArray) after = NULL;
      char *temporaries;

      pb_import_clean_leftovers (library);
      after = pb_import_list_leftovers (library);
      if (before->len > after->len)
        g_ptr_array_add (done, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Removed %u file left by an import "
                                                             "that did not finish.",
                                                             "Removed %u files left by imports "
                                                             "that did not finish.",
                                                             before->len - after->len),
                                                before->len - after->len));
      if ((temporaries = _pb_repair_temporaries (library)) != NULL)
        g_ptr_array_add (done, temporaries);
    }

  return g_steal_pointer (&done);
}

typedef struct
{
  gboolean       repair;
  PbCheckResult *result;
  GPtrArray     *repairs;
  GArray        *added;     /* ids of the reports re-attached */
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_clear_pointer (&job->added, g_array_unref);
  g_clear_pointer (&job->result, pb_check_result_free);
  g_clear_pointer (&job->repairs, g_ptr_array_unref);
  g_free (job);
}

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PbLibrary *library = source_object;
  CheckJob *job = task_data;
  GError *error = NULL;

  if (!(job->result = pb_library_check (library, TRUE, cancellable, NULL, NULL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->repair)
    {
      g_autoptr(PbCheckResult) again = NULL;

      if (!(job->repairs = repair (library, job->result, NULL, cancellable, job->added, &error)) ||
          !(again = pb_library_check (library, TRUE, cancellable, NULL, NULL, &error)))
        {
          g_task_return_error (task, error);
          return;
        }
      /* What is left after repairing is what the user needs to hear about. */
      pb_check_result_free (job->result);
      job->result = g_steal_pointer (&again);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * pb_library_check_async:
 * @library: a library
 * @repair: whether to repair what can be repaired, then check again
 * @cancellable: (nullable): to stop
 * @callback: called on the caller's thread when done
 * @user_data: for @callback
 *
 * Runs pb_library_check () (with checksums) and, if asked, pb_library_repair
 * () in a worker thread.
 */
void
pb_library_check_async (PbLibrary           *library,
                        gboolean             repair,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job = g_new0 (CheckJob, 1);

  g_return_if_fail (PB_IS_LIBRARY (library));

  job->repair = repair;
  job->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_library_check_async);
  g_task_set_task_data (task, job, (GDestroyNotify)check_job_free);
  g_task_run_in_thread (task, check_worker);
}

/**
 * pb_library_check_finish:
 * @library: the library
 * @result: the result given to the callback
 * @out_repairs: (out) (optional) (transfer full) (element-type utf8): what
 *   repairing did, when it was asked for
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): what the check found (after repairing, what is
 *   left); or %NULL with @error set as by pb_library_check ()
 */
PbCheckResult *
pb_library_check_finish (PbLibrary     *library,
                         GAsyncResult  *result,
                         GPtrArray    **out_repairs,
                         GError       **error)
{
  CheckJob *job;

  g_return_val_if_fail (g_task_is_valid (result, library), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  /* The repair ran in a worker: its new reports are announced here. */
  emit_added (library, job->added);
  g_array_set_size (job->added, 0);
  if (out_repairs != NULL)
    *out_repairs = job->repairs ? g_ptr_array_ref (job->repairs) : NULL;
  return g_steal_pointer (&job->result);
}
