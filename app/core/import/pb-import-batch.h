/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-import.h"
#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbImportBatchEvent:
 * @PB_IMPORT_BATCH_STARTED: a file's import has begun
 * @PB_IMPORT_BATCH_PROGRESS: a file's import has moved on
 * @PB_IMPORT_BATCH_FINISHED: a file is imported, a duplicate, or failed
 *
 * What a #PbImportBatchUpdate is about.
 */
typedef enum
{
  PB_IMPORT_BATCH_STARTED,
  PB_IMPORT_BATCH_PROGRESS,
  PB_IMPORT_BATCH_FINISHED,
} PbImportBatchEvent;

/**
 * PbImportBatchUpdate:
 * @event: what happened
 * @index: the file it happened to, as an index into the batch's files
 * @file: that file
 * @fraction: how much of the whole batch is done, from 0 to 1, every file
 *   counting alike
 * @n_done: how many files have finished
 * @seconds_left: an estimate of the time the batch still needs, in
 *   seconds; -1 until there is enough to go on
 * @status: for %PB_IMPORT_BATCH_FINISHED, the outcome
 * @report_id: for %PB_IMPORT_BATCH_FINISHED, as pb_import_file_with_notice ()
 *   gives it
 * @notice: (nullable): for %PB_IMPORT_BATCH_FINISHED, what was set right
 * @error: (nullable): for a failed file, why
 *
 * One step of a batch, as its callback hears it.
 */
typedef struct
{
  PbImportBatchEvent  event;
  guint               index;
  GFile              *file;
  double              fraction;
  guint               n_done;
  gint64              seconds_left;
  PbImportStatus      status;
  gint64              report_id;
  const char         *notice;
  const GError       *error;
} PbImportBatchUpdate;

/**
 * PbImportBatchFunc:
 * @update: what happened; valid during the call only
 * @user_data: the data given with the function
 *
 * Called from the threads that import, one call at a time (the batch holds
 * a lock around it): keep it short.
 */
typedef void (*PbImportBatchFunc) (const PbImportBatchUpdate *update,
                                   gpointer                   user_data);

guint    pb_import_batch_default_workers (guint               n_files);
gboolean pb_import_files             (PbLibrary          *library,
                                      GFile             **files,
                                      guint               n_files,
                                      const char         *password,
                                      PbImportFlags       flags,
                                      guint               n_workers,
                                      GCancellable       *cancellable,
                                      PbImportBatchFunc   func,
                                      gpointer            user_data,
                                      GError            **error);

G_END_DECLS
