/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <string.h>

#include "pb-bundle.h"

/* Writing and opening bundles off the caller's thread, as pack exports are
 * run (pb-pack-export-job.c): the worker opens the library again on its
 * own connection, and progress goes back to the caller's main context, a
 * percent at a time, never after the callback.  The passphrase is copied
 * for the worker and wiped when the job is over.
 *
 * The worker's PbLibrary is not the caller's, so no PbLibrary signal
 * reaches the caller for what it did: on finishing, the app reloads what
 * shows bundle packs and reports. */

typedef struct
{
  char                  *library_path;
  gint64                 pack_id;        /* to export, else 0 */
  char                  *path;
  char                  *passphrase;
  PbBundleOpenFlags      flags;          /* to open */
  PbBundleProgressFunc   progress;
  gpointer               progress_data;
  GMainContext          *context;
  GTask                 *task;           /* not owned: the job lives as long */
  int                    percent;        /* last sent, touched by the worker only */
} BundleJob;

static void
bundle_job_free (BundleJob *job)
{
  if (job->passphrase != NULL)
    {
      explicit_bzero (job->passphrase, strlen (job->passphrase));
      g_free (job->passphrase);
    }
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
  BundleJob *job = g_task_get_task_data (update->task);

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
  BundleJob *job = data;
  int percent = (int)(fraction * 100);
  ProgressUpdate *update;

  if (percent <= job->percent)
    return;
  job->percent = percent;

  update = g_new (ProgressUpdate, 1);
  update->task = g_object_ref (job->task);
  update->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              (GDestroyNotify)progress_update_free);
}

static void
open_result_free (PbBundleOpenResult *result)
{
  pb_bundle_open_result_clear (result);
  g_free (result);
}

static void
bundle_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BundleJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  PbBundleProgressFunc progress = job->progress ? worker_progress_cb : NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(library = pb_library_open (job->library_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->pack_id > 0)
    {
      if (pb_library_export_bundle (library, job->pack_id, job->path, job->passphrase, cancellable,
                                    progress, job, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      PbBundleOpenResult *result = g_new0 (PbBundleOpenResult, 1);

      if (pb_library_open_bundle_full (library, job->path, job->passphrase, job->flags, result, cancellable, progress,
                                       job, &error))
        g_task_return_pointer (task, result, (GDestroyNotify)open_result_free);
      else
        {
          g_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
        }
    }
}

static void
run_job (PbLibrary            *library,
         gint64                pack_id,
         const char           *path,
         const char           *passphrase,
         PbBundleOpenFlags     flags,
         GCancellable         *cancellable,
         PbBundleProgressFunc  progress,
         gpointer              progress_data,
         GAsyncReadyCallback   callback,
         gpointer              user_data,
         gpointer              source_tag)
{
  g_autoptr(GTask) task = NULL;
  BundleJob *job = g_new0 (BundleJob, 1);

  job->library_path = g_strdup (pb_library_get_path (library));
  job->pack_id = pack_id;
  job->path = g_strdup (path);
  job->passphrase = g_strdup (passphrase);
  job->flags = flags;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->percent = -1;

  task = g_task_new (library, cancellable, callback, user_data);
  job->task = task;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)bundle_job_free);
  g_task_run_in_thread (task, bundle_worker);
}

/**
 * pb_library_export_bundle_async:
 * @library: an officer's library
 * @pack_id: the pack
 * @path: where to write, as for pb_library_export_bundle()
 * @passphrase: (nullable): for an exempt pack
 * @cancellable: (nullable): stops the export, leaving no file
 * @progress: (nullable): told how far it has got, from 0 to 1, on the
 *   caller's thread
 * @progress_data: for @progress
 * @callback: called on the caller's thread when it is over
 * @user_data: for @callback
 *
 * Runs pb_library_export_bundle() on another thread.
 */
void
pb_library_export_bundle_async (PbLibrary            *library,
                                gint64                pack_id,
                                const char           *path,
                                const char           *passphrase,
                                GCancellable         *cancellable,
                                PbBundleProgressFunc  progress,
                                gpointer              progress_data,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (pack_id > 0);
  g_return_if_fail (path != NULL);

  run_job (library, pack_id, path, passphrase, PB_BUNDLE_OPEN_DEFAULT, cancellable, progress, progress_data, callback, user_data,
           pb_library_export_bundle_async);
}

/**
 * pb_library_export_bundle_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_export_bundle()
 */
gboolean
pb_library_export_bundle_finish (PbLibrary     *library,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pb_library_open_bundle_async:
 * @library: a member's library
 * @path: a bundle
 * @passphrase: (nullable): for an encrypted bundle
 * @cancellable: (nullable): to stop
 * @progress: (nullable): told how far it has got, from 0 to 1, on the
 *   caller's thread
 * @progress_data: for @progress
 * @callback: called on the caller's thread when it is over
 * @user_data: for @callback
 *
 * Runs pb_library_open_bundle() on another thread.
 */
void
pb_library_open_bundle_async (PbLibrary            *library,
                              const char           *path,
                              const char           *passphrase,
                              GCancellable         *cancellable,
                              PbBundleProgressFunc  progress,
                              gpointer              progress_data,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  run_job (library, 0, path, passphrase, PB_BUNDLE_OPEN_DEFAULT, cancellable, progress, progress_data, callback,
           user_data, pb_library_open_bundle_async);
}

/**
 * pb_library_open_bundle_full_async:
 * @flags: as for pb_library_open_bundle_full()
 *
 * As pb_library_open_bundle_async(), with @flags; finish it with
 * pb_library_open_bundle_finish().
 */
void
pb_library_open_bundle_full_async (PbLibrary            *library,
                                   const char           *path,
                                   const char           *passphrase,
                                   PbBundleOpenFlags     flags,
                                   GCancellable         *cancellable,
                                   PbBundleProgressFunc  progress,
                                   gpointer              progress_data,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  run_job (library, 0, path, passphrase, flags, cancellable, progress, progress_data, callback, user_data,
           pb_library_open_bundle_async);
}

/**
 * pb_library_open_bundle_finish:
 * @out_result: (out caller-allocates) (optional): what was opened; clear
 *   it with pb_bundle_open_result_clear()
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_open_bundle()
 */
gboolean
pb_library_open_bundle_finish (PbLibrary           *library,
                               GAsyncResult        *result,
                               PbBundleOpenResult  *out_result,
                               GError             **error)
{
  PbBundleOpenResult *opened;

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);

  if (!(opened = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (out_result != NULL)
    {
      *out_result = *opened;
      opened->title = NULL;
    }
  open_result_free (opened);
  return TRUE;
}
