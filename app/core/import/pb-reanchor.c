/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reanchor"

#include "config.h"

#include "pb-finding-store.h"
#include "pb-library-private.h"
#include "pb-quote-locate.h"
#include "pb-reanchor.h"
#include "pb-report-store.h"

/* A finding whose highlight no longer sits on its words (the report's text
 * was read again, or the finding was made without rectangles) is placed again
 * by finding its quote in the report. That reads every page's text with
 * poppler (most of a second on a 300-page report), so the asynchronous
 * version does it on a worker thread, on its own connection to the library. */

/**
 * pb_library_reanchor_finding:
 * @id: a finding in @library
 *
 * Finds the finding's quote in its report again, near its page, and moves
 * the finding's rectangles there. Blocks while poppler reads the pages: from
 * a window, use pb_library_reanchor_finding_async().
 *
 * Returns: %FALSE with @error set if there is no such finding
 *   (%PB_LIBRARY_ERROR_NOT_FOUND), its quote is not in the report
 *   (%PB_FINDINGS_ERROR_QUOTE_NOT_FOUND) or the report cannot be read
 */
gboolean
pb_library_reanchor_finding (PbLibrary  *library,
                             gint64      id,
                             GError    **error)
{
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(finding = pb_library_get_finding (library, id, error)))
    return FALSE;

  if (!(path = pb_library_locate_report_file (library, pb_finding_get_report_sha256 (finding), error)))
    return FALSE;
  if (!(anchors = pb_pdf_locate_quote (path, NULL, pb_finding_get_page (finding),
                                       pb_finding_get_quote (finding), error)))
    return FALSE;

  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  return pb_library_update_finding (library, finding, error);
}

typedef struct
{
  char   *library_path;
  gint64  id;
} ReanchorJob;

static void
reanchor_job_free (ReanchorJob *job)
{
  g_free (job->library_path);
  g_free (job);
}

/* On its own connection: SQLite connections stay with their thread. */
static void
reanchor_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ReanchorJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((library = pb_library_open (job->library_path, &error)) != NULL &&
      pb_library_reanchor_finding (library, job->id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the caller's thread: the caller's library tells everyone who
 * follows the finding that it moved, as a change made on it would. */
static void
reanchored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReanchorJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _pb_library_emit_finding_changed (PB_LIBRARY (object), job->id);
  g_task_return_boolean (task, TRUE);
}

/**
 * pb_library_reanchor_finding_async:
 * @id: a finding in @library
 * @cancellable: (nullable): stops the work; the finding then stays where it was
 * @callback: called on the caller's thread when done
 *
 * Like pb_library_reanchor_finding(), off the caller's thread. When it is
 * done, @library emits #PbLibrary::finding-changed for the finding before
 * @callback runs.
 */
void
pb_library_reanchor_finding_async (PbLibrary           *library,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  ReanchorJob *job;

  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReanchorJob, 1);
  job->library_path = g_strdup (pb_library_get_path (library));
  job->id = id;

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_library_reanchor_finding_async);
  g_task_set_task_data (task, job, (GDestroyNotify)reanchor_job_free);

  worker = g_task_new (library, cancellable, reanchored_cb, task);
  g_task_set_task_data (worker, job, NULL);   /* the outer task owns it */
  g_task_run_in_thread (worker, reanchor_worker);
}

/**
 * pb_library_reanchor_finding_finish:
 *
 * Returns: %TRUE if the finding was placed again; otherwise %FALSE with
 *   @error set as by pb_library_reanchor_finding(), or to
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
pb_library_reanchor_finding_finish (PbLibrary     *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pb_library_reanchor_finding_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
