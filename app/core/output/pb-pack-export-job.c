/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-export.h"
#include "pb-post.h"

/* Exports off the caller's thread.  The worker opens the library again on
 * its own connection: SQLite connections are not to be shared between
 * threads that each run their own statements.  Progress goes back to the
 * caller's main context, a percent at a time. */

typedef struct
{
  char                 *library_path;
  gint64                pack_id;
  PbPackFormat          format;
  char                 *path;
  PbPackExportOptions  *options;
  PbExportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  GTask                *task;          /* not owned: the job lives as long */
  int                   percent;       /* last sent, touched by the worker only */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->library_path);
  g_free (job->path);
  g_clear_pointer (&job->options, pb_pack_export_options_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;
  ExportJob *job = g_task_get_task_data (update->task);

  /* Nothing arrives after the export has been reported finished. */
  if (!g_task_get_completed (update->task))
    job->progress (update->fraction, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->task);
  g_free (update);
}

static void
worker_progress_cb (double   fraction,
                    gpointer data)
{
  ExportJob *job = data;
  int percent = (int)(fraction * 100);
  ProgressUpdate *update;

  if (percent <= job->percent)
    return;
  job->percent = percent;

  update = g_new (ProgressUpdate, 1);
  update->task = g_object_ref (job->task);
  update->fraction = fraction;
  /* Not g_main_context_invoke (), which runs it here, on the worker, whenever
   * no thread holds the caller's context at that moment. */
  pb_post (job->context, deliver_progress, update, (GDestroyNotify)progress_update_free);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(library = pb_library_open (job->library_path, &error)) ||
      !pb_library_export_pack_with_options (library, job->pack_id, job->format, job->path, job->options,
                                            cancellable, job->progress ? worker_progress_cb : NULL, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * pb_library_export_pack_with_options_async:
 * @library: the library holding the pack
 * @pack_id: the pack
 * @format: the file's format
 * @path: where to write, as for pb_library_export_pack_with_options()
 * @options: (nullable): as for pb_library_export_pack_with_options();
 *   copied
 * @cancellable: (nullable): stops the export, leaving no file
 * @progress: (nullable): told how far the export has got, from 0 to 1, on
 *   the caller's thread, a percent at a time and never after @callback
 * @progress_data: for @progress
 * @callback: called on the caller's thread when the export is over
 * @user_data: for @callback
 *
 * Runs pb_library_export_pack_with_options() on another thread, on a
 * connection of its own to the library.
 */
void
pb_library_export_pack_with_options_async (PbLibrary                 *library,
                                           gint64                     pack_id,
                                           PbPackFormat               format,
                                           const char                *path,
                                           const PbPackExportOptions *options,
                                           GCancellable              *cancellable,
                                           PbExportProgressFunc       progress,
                                           gpointer                   progress_data,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (format <= PB_PACK_FORMAT_HTML);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->library_path = g_strdup (pb_library_get_path (library));
  job->pack_id = pack_id;
  job->format = format;
  job->path = g_strdup (path);
  job->options = pb_pack_export_options_copy (options);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->percent = -1;

  task = g_task_new (library, cancellable, callback, user_data);
  job->task = task;
  g_task_set_source_tag (task, pb_library_export_pack_with_options_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_worker);
}

/**
 * pb_library_export_pack_async:
 *
 * pb_library_export_pack_with_options_async() without options.
 */
void
pb_library_export_pack_async (PbLibrary           *library,
                              gint64               pack_id,
                              PbPackFormat         format,
                              const char          *path,
                              GCancellable        *cancellable,
                              PbExportProgressFunc progress,
                              gpointer             progress_data,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pb_library_export_pack_with_options_async (library, pack_id, format, path, NULL, cancellable,
                                             progress, progress_data, callback, user_data);
}

/**
 * pb_library_export_pack_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_export_pack_with_options()
 */
gboolean
pb_library_export_pack_finish (PbLibrary     *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
