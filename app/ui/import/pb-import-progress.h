/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-import-job.h"
#include "pb-import-queue.h"

G_BEGIN_DECLS

#define PB_TYPE_IMPORT_PROGRESS (pb_import_progress_get_type ())

G_DECLARE_FINAL_TYPE (PbImportProgress, pb_import_progress, PB, IMPORT_PROGRESS, GtkWidget)

GtkWidget   *pb_import_progress_new       (void);
void         pb_import_progress_set_queue (PbImportProgress *self,
                                           PbImportQueue    *queue);
void         pb_import_progress_set_job   (PbImportProgress *self,
                                           PbImportJob      *job,
                                           GCancellable     *cancellable);
PbImportJob *pb_import_progress_get_job   (PbImportProgress *self);
const char  *pb_import_progress_get_text  (PbImportProgress *self);
const char  *pb_import_progress_get_time_left (PbImportProgress *self);

G_END_DECLS
