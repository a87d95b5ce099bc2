/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-task"

#include "config.h"

#include "pb-bundle-task.h"

/* Work for packs from bundles that must not hold up the window: writing
 * questions as a Word file, reading them back, removing a pack after a
 * backup.  As the core's bundle jobs do, the worker opens the library
 * again on its own connection; no PbLibrary signal reaches the window for
 * what it did, so the caller reloads what it shows once it is over. */

typedef struct
{
  char           *library_path;
  PbBundleWork    work;
  gpointer        data;
  GDestroyNotify  data_free;
} Task;

static void
task_free (Task *task)
{
  if (task->data_free != NULL)
    task->data_free (task->data);
  g_free (task->library_path);
  g_free (task);
}

static void
worker (GTask        *gtask,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  Task *task = task_data;
  g_autoptr(PbLibrary) library = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (gtask))
    return;
  if (!(library = pb_library_open (task->library_path, &error)) ||
      !task->work (library, task->data, &error))
    g_task_return_error (gtask, error);
  else
    g_task_return_boolean (gtask, TRUE);
}

/**
 * pb_bundle_task_run:
 * @library: the library to work on
 * @work: what to do, on a worker thread, with the library opened there
 * @data: for @work; it may hold what @work finds, for the callback
 *   (pb_bundle_task_get_data())
 * @data_free: (nullable): frees @data once the task is gone
 * @cancellable: (nullable): stops the work before it starts
 * @callback: called on this thread's main context when it is over
 * @user_data: for @callback
 */
void
pb_bundle_task_run (PbLibrary           *library,
                    PbBundleWork         work,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) gtask = NULL;
  Task *task;

  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (work != NULL);

  task = g_new0 (Task, 1);
  task->library_path = g_strdup (pb_library_get_path (library));
  task->work = work;
  task->data = data;
  task->data_free = data_free;

  gtask = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (gtask, pb_bundle_task_run);
  g_task_set_task_data (gtask, task, (GDestroyNotify)task_free);
  g_task_run_in_thread (gtask, worker);
}

/**
 * pb_bundle_task_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set by the work, by opening the
 *   library, or %G_IO_ERROR_CANCELLED
 */
gboolean
pb_bundle_task_finish (PbLibrary     *library,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pb_bundle_task_get_data:
 *
 * Returns: (transfer none): the data the work was given
 */
gpointer
pb_bundle_task_get_data (GAsyncResult *result)
{
  Task *task;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  task = g_task_get_task_data (G_TASK (result));
  return task->data;
}
