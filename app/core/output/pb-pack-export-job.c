/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-export.h"
#include "pb-pack-export-private.h"
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
  PbExportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  GTask                *task;          /* not owned: the job lives as long */
  int                   percent;       /* last sent, touched by the worker only */
} ExportJob;

static const char * const format_names[] = { "pdf", "docx", "csv", "html" };

const char *
pb_pack_format_get_extension (PbPackFormat format)
{
  g_return_val_if_fail (format <= PB_PACK_FORMAT_HTML, NULL);
  return format_names[format];
}

gboolean
pb_pack_format_from_name (const char   *name,
                          PbPackFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = (PbPackFormat)i;
        return TRUE;
      }
  return FALSE;
}

gboolean
pb_library_export_pack (PbLibrary     *library,
                        gint64         pack_id,
                        PbPackFormat   format,
                        const char    *path,
                        GError       **error)
{
  return pb_library_export_pack_full (library, pack_id, format, path, NULL, NULL, NULL, error);
}

/**
 * pb_library_export_pack_full:
 * @cancellable: (nullable): stops the export, leaving no file
 * @progress: (nullable): told how far the export has got
 *
 * Writes the pack at @path in @format, replacing any file there only once
 * the new one is complete.
 */
gboolean
pb_library_export_pack_full (PbLibrary            *library,
                             gint64                pack_id,
                             PbPackFormat          format,
                             const char           *path,
                             GCancellable         *cancellable,
                             PbExportProgressFunc  progress,
                             gpointer              progress_data,
                             GError              **error)
{
  g_auto(Export) export = { library, NULL, NULL, NULL, NULL, NULL };
  gboolean done;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= PB_PACK_FORMAT_HTML, FALSE);

  export.cancellable = cancellable;
  export.progress = progress;
  export.progress_data = progress_data;

  _pb_pack_export_report (&export, 0);
  if (!_pb_pack_export_load (&export, pack_id, error) || _pb_pack_export_cancelled (&export, error))
    return FALSE;
  _pb_pack_export_report (&export, 0.1);

  switch (format)
    {
    case PB_PACK_FORMAT_PDF:
      done = _pb_pack_write_pdf (&export, path, error);
      break;
    case PB_PACK_FORMAT_DOCX:
      done = _pb_pack_write_docx (&export, path, error);
      break;
    case PB_PACK_FORMAT_CSV:
      done = _pb_pack_write_csv (&export, path, error);
      break;
    case PB_PACK_FORMAT_HTML:
    default:
      done = _pb_pack_write_html (&export, path, error);
      break;
    }

  if (done)
    _pb_pack_export_report (&export, 1);
  return done;
}

static void
export_job_free (ExportJob *job)
{
  g_free (job->library_path);
  g_free (job->path);
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
      !pb_library_export_pack_full (library, job->pack_id, job->format, job->path, cancellable,
                                    job->progress ? worker_progress_cb : NULL, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

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
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->percent = -1;

  task = g_task_new (library, cancellable, callback, user_data);
  job->task = task;
  g_task_set_source_tag (task, pb_library_export_pack_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
pb_library_export_pack_finish (PbLibrary     *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
