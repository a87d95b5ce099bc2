/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import-job"

#include "config.h"

#include <string.h>

#include "pb-import-batch.h"
#include "pb-import-job.h"
#include "pb-library-private.h"
#include "pb-post.h"

/* Imports a batch of files on a worker thread, one after another, and reports
 * on the main thread: progress as properties, each file's outcome as a signal,
 * and each new report through the library's "report-added". */

struct _PbImportResult
{
  GObject         parent_instance;
  GFile          *file;
  PbImportStatus  status;
  gint64          report_id;
  GError         *error;
  char           *notice;
};

G_DEFINE_FINAL_TYPE (PbImportResult, pb_import_result, G_TYPE_OBJECT)

static void
pb_import_result_finalize (GObject *object)
{
  PbImportResult *self = (PbImportResult *)object;

  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (pb_import_result_parent_class)->finalize (object);
}

static void
pb_import_result_class_init (PbImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_import_result_finalize;
}

static void
pb_import_result_init (PbImportResult *self)
{
}

/**
 * pb_import_result_get_file:
 * @self: one file's outcome
 *
 * Returns: (transfer none): the file
 */
GFile *
pb_import_result_get_file (PbImportResult *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_RESULT (self), NULL);
  return self->file;
}

/**
 * pb_import_result_get_status:
 * @self: one file's outcome
 *
 * Returns: whether it was imported, was already in the library (the same
 *   file), or failed
 */
PbImportStatus
pb_import_result_get_status (PbImportResult *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_RESULT (self), PB_IMPORT_STATUS_FAILED);
  return self->status;
}

/**
 * pb_import_result_get_report_id:
 * @self: one file's outcome
 *
 * Returns: the id of the new or existing report; on
 *   %PB_IMPORT_ERROR_SAME_CONTENT, of the report with the same pages; 0
 *   otherwise
 */
gint64
pb_import_result_get_report_id (PbImportResult *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_RESULT (self), 0);
  return self->report_id;
}

/**
 * pb_import_result_get_error:
 * @self: one file's outcome
 *
 * Returns: (nullable): why it failed, in a sentence for the user
 *   (%PB_IMPORT_ERROR, %PB_DOCUMENT_ERROR, %PB_DB_ERROR, %G_IO_ERROR as
 *   pb_import_file_full() sets it, %G_IO_ERROR_CANCELLED for a file not
 *   begun); %NULL unless the status is %PB_IMPORT_STATUS_FAILED
 */
const GError *
pb_import_result_get_error (PbImportResult *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_RESULT (self), NULL);
  return self->error;
}

/**
 * pb_import_result_get_notice:
 * @self: one file's outcome
 *
 * Returns: (nullable): something the import set right, in a sentence for
 *   the user (a report's stored copy that was missing or changed, replaced
 *   by this file; see pb_import_file_with_notice ()); %NULL when there was
 *   nothing
 */
const char *
pb_import_result_get_notice (PbImportResult *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_RESULT (self), NULL);
  return self->notice;
}

struct _PbImportJob
{
  GObject       parent_instance;

  PbLibrary    *library;
  GPtrArray    *files;
  char         *password;
  PbImportFlags flags;

  guint         n_workers;

  /* Main-thread view of the progress. */
  guint         n_done;
  double        fraction;
  gint64        seconds_left;
  char         *current_name;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (PbImportJob, pb_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_FILES,
  PROP_N_DONE,
  PROP_FRACTION,
  PROP_CURRENT_NAME,
  PROP_SECONDS_LEFT,
  N_PROPS
};

enum {
  FILE_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Messages from the workers to the main thread. */
typedef struct
{
  PbImportJob    *job;
  guint           n_done;
  double          fraction;
  gint64          seconds_left;
  char           *name;       /* NULL to leave the current name */
  PbImportResult *result;     /* NULL for a progress update */
} Update;

typedef struct
{
  PbImportJob  *job;
  GMainContext *context;
  GPtrArray    *results;      /* PbImportResult, by file */
} WorkerState;

static void
update_free (Update *update)
{
  g_clear_object (&update->job);
  g_clear_pointer (&update->name, g_free);
  g_clear_object (&update->result);
  g_free (update);
}

static gboolean
apply_update (gpointer data)
{
  Update *update = data;
  PbImportJob *self = update->job;

  g_object_freeze_notify (G_OBJECT (self));

  if (update->name != NULL && g_strcmp0 (self->current_name, update->name) != 0)
    {
      g_free (self->current_name);
      self->current_name = g_strdup (update->name);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_NAME]);
    }

  /* Updates come from several workers and may cross on the way: the job
   * only ever moves forward. */
  if (update->fraction > self->fraction)
    {
      self->fraction = update->fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
    }

  if (self->seconds_left != update->seconds_left)
    {
      self->seconds_left = update->seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECONDS_LEFT]);
    }

  if (update->result != NULL)
    {
      self->n_done = MAX (self->n_done, update->n_done);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);

      if (update->result->status == PB_IMPORT_STATUS_IMPORTED)
        _pb_library_emit_report_added (self->library, update->result->report_id);

      g_signal_emit (self, signals [FILE_FINISHED], 0, update->result);
    }

  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

/* Called by the batch, one call at a time, from the importing threads. */
static void
batch_update_cb (const PbImportBatchUpdate *batch_update,
                 gpointer                   user_data)
{
  WorkerState *worker = user_data;
  Update *update = g_new0 (Update, 1);

  update->job = g_object_ref (worker->job);
  update->n_done = batch_update->n_done;
  update->fraction = batch_update->fraction;
  update->seconds_left = batch_update->seconds_left;

  /* The current file is the one begun last. */
  if (batch_update->event == PB_IMPORT_BATCH_STARTED)
    update->name = g_file_get_basename (batch_update->file);

  if (batch_update->event == PB_IMPORT_BATCH_FINISHED)
    {
      PbImportResult *result = g_object_new (PB_TYPE_IMPORT_RESULT, NULL);

      result->file = g_object_ref (batch_update->file);
      result->status = batch_update->status;
      result->report_id = batch_update->report_id;
      result->notice = g_strdup (batch_update->notice);
      if (batch_update->error != NULL)
        {
          result->error = g_error_copy (batch_update->error);
          result->status = PB_IMPORT_STATUS_FAILED;
        }

      g_ptr_array_index (worker->results, batch_update->index) = g_object_ref (result);
      update->result = result;
    }

  pb_post (worker->context, apply_update, update, (GDestroyNotify)update_free);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PbImportJob *self = source_object;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  WorkerState worker = { 0 };

  worker.job = self;
  worker.context = g_task_get_context (task);
  worker.results = results;
  g_ptr_array_set_size (results, self->files->len);

  pb_import_files (self->library, (GFile **)self->files->pdata, self->files->len, self->password,
                   self->flags, self->n_workers, cancellable, batch_update_cb, &worker, NULL);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify)g_ptr_array_unref);
}

static void
pb_import_job_finalize (GObject *object)
{
  PbImportJob *self = (PbImportJob *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->current_name, g_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (pb_import_job_parent_class)->finalize (object);
}

static void
pb_import_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PbImportJob *self = PB_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_N_FILES:
      g_value_set_uint (value, self->files->len);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_CURRENT_NAME:
      g_value_set_string (value, self->current_name);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_int64 (value, self->seconds_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_import_job_class_init (PbImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_import_job_finalize;
  object_class->get_property = pb_import_job_get_property;

  properties [PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CURRENT_NAME] =
    g_param_spec_string ("current-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SECONDS_LEFT] =
    g_param_spec_int64 ("seconds-left", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbImportJob::file-finished:
   * @result: the outcome for one file
   *
   * Emitted on the main thread as each file is imported, found to be a
   * duplicate, or fails: in the order they finish, which is the files'
   * order only when they are imported one after another (see
   * pb_import_job_set_n_workers ()).
   */
  signals [FILE_FINISHED] =
    g_signal_new ("file-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_IMPORT_RESULT);
}

static void
pb_import_job_init (PbImportJob *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->seconds_left = -1;
}

/**
 * pb_import_job_new:
 * @library: the library to import into
 * @files: (array length=n_files): the PDFs, in the order to import them
 * @n_files: how many
 *
 * Returns: (transfer full): a job, not yet running
 */
PbImportJob *
pb_import_job_new (PbLibrary  *library,
                   GFile     **files,
                   guint       n_files)
{
  PbImportJob *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (PB_TYPE_IMPORT_JOB, NULL);
  self->library = g_object_ref (library);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));

  return self;
}

/**
 * pb_import_job_set_flags:
 * @flags: for each file, as pb_import_file_full () takes them:
 *   %PB_IMPORT_ANYWAY imports reports the library has saved again
 *
 * Call before running the job.
 */
void
pb_import_job_set_flags (PbImportJob   *self,
                         PbImportFlags  flags)
{
  g_return_if_fail (PB_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->flags = flags;
}

/**
 * pb_import_job_set_n_workers:
 * @self: a job not yet running
 * @n_workers: how many files to import at once: 0 (the default) for one per
 *   core, 1 for one after another (see pb_import_files ())
 */
void
pb_import_job_set_n_workers (PbImportJob *self,
                             guint        n_workers)
{
  g_return_if_fail (PB_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->n_workers = n_workers;
}

/**
 * pb_import_job_get_seconds_left:
 * @self: a job
 *
 * Returns: an estimate of how long the job still needs, in seconds, from
 *   how fast it has gone so far; -1 until there is enough to go on
 */
gint64
pb_import_job_get_seconds_left (PbImportJob *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), -1);
  return self->seconds_left;
}

/**
 * pb_import_job_set_password:
 * @self: a job not yet running
 * @password: (nullable): the password to try on every encrypted file
 */
void
pb_import_job_set_password (PbImportJob *self,
                            const char  *password)
{
  g_return_if_fail (PB_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  g_free (self->password);
  self->password = g_strdup (password);
}

/**
 * pb_import_job_get_n_files:
 * @self: a job
 *
 * Returns: how many files it imports
 */
guint
pb_import_job_get_n_files (PbImportJob *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), 0);
  return self->files->len;
}

/**
 * pb_import_job_get_n_done:
 * @self: a job
 *
 * Returns: how many files have finished (imported, duplicate or failed), as
 *   the main thread has been told
 */
guint
pb_import_job_get_n_done (PbImportJob *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), 0);
  return self->n_done;
}

/**
 * pb_import_job_get_fraction:
 * @self: a job
 *
 * Returns: how much of the whole job is done, from 0 to 1, every file
 *   counting alike; it only moves forward
 */
double
pb_import_job_get_fraction (PbImportJob *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), 0);
  return self->fraction;
}

/**
 * pb_import_job_get_current_name:
 * @self: a job
 *
 * Returns: (nullable): the name (without its folder) of the file begun
 *   last (several are imported at once), or of the last one; %NULL before
 *   the first begins
 */
const char *
pb_import_job_get_current_name (PbImportJob *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), NULL);
  return self->current_name;
}

/**
 * pb_import_job_run_async:
 * @self: a job not yet running
 * @cancellable: (nullable): stops the job between files and inside a file's
 *   import; what was imported before stays
 * @callback: called on the calling thread's main context when all is done
 * @user_data: for @callback
 *
 * Imports the files on worker threads, several at once (see
 * pb_import_job_set_n_workers ()). On the thread's main context meanwhile, the #PbImportJob properties report progress,
 * #PbImportJob::file-finished each file's outcome, and the library's
 * report-added each new report. A job runs once.
 */
void
pb_import_job_run_async (PbImportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PB_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_import_job_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, import_worker);
}

/**
 * pb_import_job_run_finish:
 *
 * Returns: (transfer container): one #PbImportResult per file, in order, or
 *   %NULL with %G_IO_ERROR_CANCELLED if the job was cancelled (the files done
 *   before then stay imported, and were reported by #PbImportJob::file-finished).
 */
GPtrArray *
pb_import_job_run_finish (PbImportJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (PB_IS_IMPORT_JOB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  self->running = FALSE;

  return g_task_propagate_pointer (G_TASK (result), error);
}
