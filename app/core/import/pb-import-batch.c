/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import-batch"

#include "config.h"

#include "pb-import-batch.h"
#include "pb-import-private.h"

/* Importing many files at once, on every core.
 *
 * A long report's pages can be read on several threads (see
 * pb-pdf-page-workers.c), but a report's import also has parts that one
 * thread does: copying and hashing it, reading its structure, inserting its
 * rows and waiting for the disk at the commit. With a folder of reports,
 * importing one file per core keeps every core reading all the time, and
 * one file's commit overlaps another's reading. Each file's import is the
 * same as alone (pb_import_file_with_notice ()): one transaction, so a
 * file is either all in the library or not at all, whatever is stopped or
 * fails. Each file is read as soon as a worker is free, but is checked
 * against the library and committed only after every file before it has
 * finished: a batch ends exactly as importing the files one after another
 * would (the same report ids, the same duplicates found), while the
 * reading, the longest part, overlaps. The files are taken in order; near
 * the end, when there are fewer
 * files left than workers, the last ones read their pages on every core
 * again, so no core waits for a long report read on one. */

typedef struct
{
  PbLibrary          *library;
  GFile             **files;
  guint               n_files;
  const char         *password;
  PbImportFlags       flags;
  guint               n_workers;
  GCancellable       *cancellable;
  PbImportBatchFunc   func;
  gpointer            user_data;

  gint                next;          /* atomic: the next file nobody has taken */

  GMutex              mutex;         /* around the rest, and every call of func */
  GCond               turn_cond;     /* signalled as files finish */
  double             *fractions;     /* each file's own progress */
  gboolean           *taken;
  gboolean           *finished;
  guint               first_unfinished;
  double              fraction;      /* their mean */
  guint               n_done;
  gint64              start_time;
} Batch;

typedef struct
{
  Batch  *batch;
  guint   index;
  double  last_posted;
} FileRun;

/* A file's turn to go to the library comes when every file before it has
 * finished. Those were all taken before it, by workers that never wait for
 * a later file, so the first unfinished one always moves on. */
static void
wait_turn_cb (gpointer data)
{
  FileRun *run = data;
  Batch *batch = run->batch;

  g_mutex_lock (&batch->mutex);
  while (batch->first_unfinished < run->index)
    g_cond_wait (&batch->turn_cond, &batch->mutex);
  g_mutex_unlock (&batch->mutex);
}

static void
finish_file_locked (Batch *batch,
                    guint  index)
{
  batch->finished[index] = TRUE;
  while (batch->first_unfinished < batch->n_files && batch->finished[batch->first_unfinished])
    batch->first_unfinished++;
  g_cond_broadcast (&batch->turn_cond);
}

static gint64
estimate_seconds_left (Batch *batch)
{
  double elapsed = (g_get_monotonic_time () - batch->start_time) / (double)G_USEC_PER_SEC;

  /* Too early to say: the first files set the pace. */
  if (batch->fraction < 0.02 || elapsed < 1.0)
    return -1;
  return (gint64)(elapsed * (1.0 - batch->fraction) / batch->fraction + 0.5);
}

/* Sends one update, with the batch's totals, under the lock. */
static void
notify_locked (Batch               *batch,
               PbImportBatchUpdate *update)
{
  update->fraction = batch->fraction;
  update->n_done = batch->n_done;
  update->seconds_left = estimate_seconds_left (batch);
  update->file = batch->files[update->index];

  if (batch->func != NULL)
    batch->func (update, batch->user_data);
}

static void
set_file_fraction_locked (Batch  *batch,
                          guint   index,
                          double  fraction)
{
  double sum = 0;

  /* Summed afresh, so that all files done is exactly 1. */
  batch->fractions[index] = fraction;
  for (guint i = 0; i < batch->n_files; i++)
    sum += batch->fractions[i];
  batch->fraction = CLAMP (sum / batch->n_files, 0.0, 1.0);
}

static void
file_progress_cb (double   fraction,
                  gpointer user_data)
{
  FileRun *run = user_data;
  Batch *batch = run->batch;
  PbImportBatchUpdate update = { PB_IMPORT_BATCH_PROGRESS, run->index };

  /* Every percent of a file is plenty, and keeps the callers calm during a
   * 300-page import. */
  if (fraction - run->last_posted < 0.01 && fraction < 1.0)
    return;
  run->last_posted = fraction;

  g_mutex_lock (&batch->mutex);
  set_file_fraction_locked (batch, run->index, fraction);
  notify_locked (batch, &update);
  g_mutex_unlock (&batch->mutex);
}

static void
import_one (Batch *batch,
            guint  index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  PbImportBatchUpdate update = { PB_IMPORT_BATCH_STARTED, index };
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  PbImportFlags flags = batch->flags;
  FileRun run = { batch, index, -1 };
  gint64 report_id = 0;
  gint left;

  /* While there are files enough for the other workers, this one reads its
   * pages on its own thread; the last ones spread over every core. */
  left = (gint)batch->n_files - g_atomic_int_get (&batch->next);
  if (batch->n_workers > 1 && left >= (gint)batch->n_workers - 1)
    flags |= PB_IMPORT_ONE_THREAD;

  g_mutex_lock (&batch->mutex);
  batch->taken[index] = TRUE;
  notify_locked (batch, &update);
  g_mutex_unlock (&batch->mutex);

  if (!_pb_import_file_in_turn (batch->library, batch->files[index], batch->password, flags,
                                batch->cancellable, file_progress_cb, &run, wait_turn_cb, &run,
                                &status, &report_id, &notice, &error))
    status = PB_IMPORT_STATUS_FAILED;

  g_mutex_lock (&batch->mutex);
  finish_file_locked (batch, index);
  set_file_fraction_locked (batch, index, 1.0);
  batch->n_done++;
  update = (PbImportBatchUpdate) { PB_IMPORT_BATCH_FINISHED, index };
  update.status = status;
  update.report_id = report_id;
  update.notice = notice;
  update.error = error;
  notify_locked (batch, &update);
  g_mutex_unlock (&batch->mutex);
}

static gpointer
worker_thread (gpointer data)
{
  Batch *batch = data;
  gint index;

  while (!g_cancellable_is_cancelled (batch->cancellable) &&
         (index = g_atomic_int_add (&batch->next, 1)) < (gint)batch->n_files)
    import_one (batch, (guint)index);

  return NULL;
}

/**
 * pb_import_batch_default_workers:
 * @n_files: how many files there are to import
 *
 * Returns: how many files are best imported at once on this machine: one
 *   per core (measured in tests/bench/bench-import.c: on two cores, two
 *   files at once, each read on one thread, beat one file at a time read on
 *   both); at least 1
 */
guint
pb_import_batch_default_workers (guint n_files)
{
  guint n = MIN ((guint)g_get_num_processors (), 8);

  return MAX (MIN (n, n_files), 1);
}

/**
 * pb_import_files:
 * @library: the library to import into
 * @files: (array length=n_files): the PDFs, in the order to begin them
 * @n_files: how many
 * @password: (nullable): the password to try on every encrypted file
 * @flags: for each file, as pb_import_file_full () takes them
 * @n_workers: how many files to import at once: 0 for
 *   pb_import_batch_default_workers (), 1 for one after another (each
 *   file's pages still read on every core, unless @flags say
 *   %PB_IMPORT_ONE_THREAD)
 * @cancellable: (nullable): stops the batch: no file is begun after it, and
 *   the files under way stop and leave nothing behind (each file is one
 *   transaction); the files finished before stay imported
 * @func: (nullable): hears each file begin, move on and finish, from the
 *   importing threads, one call at a time
 * @user_data: for @func
 * @error: a #GError, or %NULL
 *
 * Imports @files, several at once. Every file gets exactly one
 * %PB_IMPORT_BATCH_FINISHED, those never begun because of a cancel with
 * %G_IO_ERROR_CANCELLED as their error. Blocks until all are done: call it
 * from a worker thread in an app.
 *
 * Returns: %TRUE when the batch ran to its end (files may have failed, as
 *   their updates say); %FALSE with %G_IO_ERROR_CANCELLED when it was
 *   stopped
 */
gboolean
pb_import_files (PbLibrary          *library,
                 GFile             **files,
                 guint               n_files,
                 const char         *password,
                 PbImportFlags       flags,
                 guint               n_workers,
                 GCancellable       *cancellable,
                 PbImportBatchFunc   func,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Batch batch = { 0 };

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  batch.library = library;
  batch.files = files;
  batch.n_files = n_files;
  batch.password = password;
  batch.flags = flags;
  batch.n_workers = n_workers == 0 ? pb_import_batch_default_workers (n_files) : MIN (n_workers, MAX (n_files, 1));
  batch.cancellable = cancellable;
  batch.func = func;
  batch.user_data = user_data;
  batch.fractions = g_new0 (double, MAX (n_files, 1));
  batch.taken = g_new0 (gboolean, MAX (n_files, 1));
  batch.finished = g_new0 (gboolean, MAX (n_files, 1));
  batch.start_time = g_get_monotonic_time ();
  g_mutex_init (&batch.mutex);
  g_cond_init (&batch.turn_cond);

  for (guint i = 1; i < batch.n_workers; i++)
    {
      GThread *thread = g_thread_try_new ("pb-import", worker_thread, &batch, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  worker_thread (&batch);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  /* The files a cancel kept from beginning. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) cancelled = NULL;
      PbImportBatchUpdate update = { PB_IMPORT_BATCH_FINISHED, i };

      if (batch.taken[i])
        continue;

      g_cancellable_set_error_if_cancelled (cancellable, &cancelled);
      update.status = PB_IMPORT_STATUS_FAILED;
      update.error = cancelled;
      g_mutex_lock (&batch.mutex);
      batch.n_done++;
      notify_locked (&batch, &update);
      g_mutex_unlock (&batch.mutex);
    }

  g_mutex_clear (&batch.mutex);
  g_cond_clear (&batch.turn_cond);
  g_free (batch.fractions);
  g_free (batch.taken);
  g_free (batch.finished);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
