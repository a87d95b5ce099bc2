/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import-queue"

#include "config.h"

#include <string.h>

#include "pb-import-queue.h"

/* Imports asked for while another runs wait their turn: one batch of files
 * (one PbImportJob) at a time, off the main thread. The queue counts how each
 * batch went, and says so with "finished"; what to tell the user is the
 * window's business. No widget in here. */

typedef struct
{
  PbImportJob *job;
  char        *password;    /* given to open these files, or NULL */
} Batch;

struct _PbImportQueue
{
  GObject       parent_instance;

  PbLibrary    *library;
  GQueue        waiting;        /* Batch */
  Batch        *running;
  GCancellable *cancellable;
  gboolean      importing;      /* from the first batch's start to the last one's end */

  /* How the last batch went, or the running one so far. */
  GPtrArray    *failures;       /* PbImportResult */
  GPtrArray    *locked;         /* PbImportResult: encrypted, or the password was wrong */
  guint         n_imported;
  guint         n_stopped;      /* files left out by a Stop: not begun, or rolled back */
  guint         n_duplicates;
  gint64        last_report_id;
};

G_DEFINE_FINAL_TYPE (PbImportQueue, pb_import_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IMPORTING,
  PROP_JOB,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  UNLOCKED,
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void start_next (PbImportQueue *self);

static void
batch_free (Batch *batch)
{
  if (batch == NULL)
    return;

  g_clear_object (&batch->job);
  if (batch->password != NULL)
    {
      memset (batch->password, 0, strlen (batch->password));
      g_free (batch->password);
    }
  g_free (batch);
}

static void
file_finished_cb (PbImportQueue  *self,
                  PbImportResult *result,
                  PbImportJob    *job)
{
  const GError *error = pb_import_result_get_error (result);

  switch (pb_import_result_get_status (result))
    {
    case PB_IMPORT_STATUS_IMPORTED:
    case PB_IMPORT_STATUS_DUPLICATE:
      if (pb_import_result_get_status (result) == PB_IMPORT_STATUS_IMPORTED)
        self->n_imported++;
      else
        self->n_duplicates++;
      self->last_report_id = pb_import_result_get_report_id (result);

      /* A password typed to import a report also opens it for reading. */
      if (self->running->password != NULL)
        g_signal_emit (self, signals [UNLOCKED], 0, self->last_report_id, self->running->password);
      break;

    case PB_IMPORT_STATUS_FAILED:
    default:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->n_stopped++;
          break;
        }
      if (g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED) ||
          g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD))
        g_ptr_array_add (self->locked, g_object_ref (result));
      else
        g_ptr_array_add (self->failures, g_object_ref (result));
      break;
    }
}

/* Puts @found (some of @results) in the order of @results. */
static void
sort_by_results (GPtrArray *found,
                 GPtrArray *results)
{
  g_autoptr(GPtrArray) sorted = NULL;

  if (found->len < 2)
    return;

  sorted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < results->len; i++)
    if (g_ptr_array_find (found, g_ptr_array_index (results, i), NULL))
      g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (results, i)));

  /* Every one found was among the results; if not, the order stays. */
  if (sorted->len != found->len)
    return;
  g_ptr_array_set_size (found, 0);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (found, g_object_ref (g_ptr_array_index (sorted, i)));
}

static void
job_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PbImportQueue) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  results = pb_import_job_run_finish (PB_IMPORT_JOB (object), result, &error);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Told in the order the files were given, not the order in which the
   * files read side by side happened to finish. */
  if (results != NULL)
    {
      sort_by_results (self->failures, results);
      sort_by_results (self->locked, results);
    }

  g_signal_handlers_disconnect_by_data (object, self);

  /* Told while the batch is still the queue's, then the next one starts. */
  g_signal_emit (self, signals [FINISHED], 0, cancelled);

  g_clear_pointer (&self->running, batch_free);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOB]);
  start_next (self);
}

static void
set_importing (PbImportQueue *self,
               gboolean       importing)
{
  if (self->importing == importing)
    return;

  self->importing = importing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
}

static void
start_next (PbImportQueue *self)
{
  if (self->running != NULL)
    return;

  if (!(self->running = g_queue_pop_head (&self->waiting)))
    {
      set_importing (self, FALSE);
      return;
    }

  g_ptr_array_set_size (self->failures, 0);
  g_ptr_array_set_size (self->locked, 0);
  self->n_imported = 0;
  self->n_stopped = 0;
  self->n_duplicates = 0;
  self->last_report_id = 0;
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->running->job, "file-finished",
                           G_CALLBACK (file_finished_cb), self, G_CONNECT_SWAPPED);
  pb_import_job_run_async (self->running->job, self->cancellable, job_finished_cb, g_object_ref (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOB]);
  set_importing (self, TRUE);
}

static void
pb_import_queue_dispose (GObject *object)
{
  PbImportQueue *self = (PbImportQueue *)object;

  g_queue_clear_full (&self->waiting, (GDestroyNotify)batch_free);

  G_OBJECT_CLASS (pb_import_queue_parent_class)->dispose (object);
}

static void
pb_import_queue_finalize (GObject *object)
{
  PbImportQueue *self = (PbImportQueue *)object;

  g_clear_pointer (&self->running, batch_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->locked, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_import_queue_parent_class)->finalize (object);
}

static void
pb_import_queue_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PbImportQueue *self = PB_IMPORT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, pb_import_queue_get_importing (self));
      break;

    case PROP_JOB:
      g_value_set_object (value, pb_import_queue_get_job (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_import_queue_class_init (PbImportQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_import_queue_dispose;
  object_class->finalize = pb_import_queue_finalize;
  object_class->get_property = pb_import_queue_get_property;

  /**
   * PbImportQueue:importing:
   *
   * Whether a batch is being imported; told when the queue starts and when
   * it has emptied.
   */
  properties [PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * PbImportQueue:job:
   *
   * The batch being imported, for showing its progress; %NULL between
   * batches.
   */
  properties [PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, PB_TYPE_IMPORT_JOB,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbImportQueue::unlocked:
   * @report_id: a report imported, or found already there, with a password
   * @password: the password that opens it
   *
   * Tells whoever opens reports the password the user gave, so that they
   * need not ask again this session. It is never stored.
   */
  signals [UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * PbImportQueue::finished:
   * @cancelled: whether the batch was stopped (reports already imported
   *   stay)
   *
   * A batch is done; the queue's counts and lists say how it went until the
   * next one starts, which is after this signal.
   */
  signals [FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
pb_import_queue_init (PbImportQueue *self)
{
  g_queue_init (&self->waiting);
  self->failures = g_ptr_array_new_with_free_func (g_object_unref);
  self->locked = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pb_import_queue_new:
 * @library: where the files go
 *
 * Returns: (transfer full): an empty queue
 */
PbImportQueue *
pb_import_queue_new (PbLibrary *library)
{
  PbImportQueue *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_IMPORT_QUEUE, NULL);
  self->library = g_object_ref (library);
  return self;
}

/**
 * pb_import_queue_add:
 * @files: (array length=n_files): the files to import, as one batch
 * @password: (nullable): the password that opens them, if the user gave one
 *
 * Imports @files now, or after the batches before them.
 */
void
pb_import_queue_add (PbImportQueue  *self,
                     GFile         **files,
                     guint           n_files,
                     const char     *password)
{
  Batch *batch;

  g_return_if_fail (PB_IS_IMPORT_QUEUE (self));

  if (n_files == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->job = pb_import_job_new (self->library, files, n_files);
  if (password != NULL)
    {
      pb_import_job_set_password (batch->job, password);
      batch->password = g_strdup (password);
    }

  g_queue_push_tail (&self->waiting, batch);
  start_next (self);
}

/**
 * pb_import_queue_cancel:
 *
 * Stops the batch being imported; reports it has finished stay in the
 * library, and anything half done is rolled back. Batches waiting still run.
 */
void
pb_import_queue_cancel (PbImportQueue *self)
{
  g_return_if_fail (PB_IS_IMPORT_QUEUE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * pb_import_queue_cancel_all:
 *
 * Stops the batch being imported, as pb_import_queue_cancel() does, and
 * drops the batches waiting: for when no one is left to import for.
 */
void
pb_import_queue_cancel_all (PbImportQueue *self)
{
  g_return_if_fail (PB_IS_IMPORT_QUEUE (self));

  g_queue_clear_full (&self->waiting, (GDestroyNotify)batch_free);
  pb_import_queue_cancel (self);
}

/**
 * pb_import_queue_get_importing:
 *
 * Returns: whether a batch is being imported, or is about to be: %TRUE from
 *   the first batch's start until the last one has finished
 */
gboolean
pb_import_queue_get_importing (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), FALSE);
  return self->importing;
}

/**
 * pb_import_queue_get_job:
 *
 * Returns: (transfer none) (nullable): the batch being imported
 */
PbImportJob *
pb_import_queue_get_job (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), NULL);
  return self->running ? self->running->job : NULL;
}

/**
 * pb_import_queue_get_cancellable:
 *
 * Returns: (transfer none) (nullable): what stops the batch being imported
 */
GCancellable *
pb_import_queue_get_cancellable (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), NULL);
  return self->cancellable;
}

/**
 * pb_import_queue_get_n_imported:
 *
 * Returns: how many reports the last batch added to the library
 */
guint
pb_import_queue_get_n_imported (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), 0);
  return self->n_imported;
}

/**
 * pb_import_queue_get_n_stopped:
 *
 * Returns: how many files of the last batch a Stop left out: not begun,
 *   or rolled back part-way
 */
guint
pb_import_queue_get_n_stopped (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), 0);
  return self->n_stopped;
}

/**
 * pb_import_queue_get_n_duplicates:
 *
 * Returns: how many files of the last batch were in the library already
 */
guint
pb_import_queue_get_n_duplicates (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), 0);
  return self->n_duplicates;
}

/**
 * pb_import_queue_get_last_report_id:
 *
 * Returns: the report the last batch imported (or found) last, or 0
 */
gint64
pb_import_queue_get_last_report_id (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), 0);
  return self->last_report_id;
}

/**
 * pb_import_queue_get_failures:
 *
 * Returns: (transfer none) (element-type PbImportResult): the files of the
 *   last batch that could not be imported, for a reason other than a
 *   password
 */
GPtrArray *
pb_import_queue_get_failures (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), NULL);
  return self->failures;
}

/**
 * pb_import_queue_get_locked:
 *
 * Returns: (transfer none) (element-type PbImportResult): the files of the
 *   last batch that need a password, or were given a wrong one
 */
GPtrArray *
pb_import_queue_get_locked (PbImportQueue *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (self), NULL);
  return self->locked;
}
