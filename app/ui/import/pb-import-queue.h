/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-import-job.h"

G_BEGIN_DECLS

#define PB_TYPE_IMPORT_QUEUE (pb_import_queue_get_type ())

G_DECLARE_FINAL_TYPE (PbImportQueue, pb_import_queue, PB, IMPORT_QUEUE, GObject)

PbImportQueue *pb_import_queue_new                (PbLibrary      *library);
void           pb_import_queue_add                (PbImportQueue  *self,
                                                   GFile         **files,
                                                   guint           n_files,
                                                   const char     *password);
void           pb_import_queue_cancel             (PbImportQueue  *self);
void           pb_import_queue_cancel_all         (PbImportQueue  *self);
gboolean       pb_import_queue_get_importing      (PbImportQueue  *self);
PbImportJob   *pb_import_queue_get_job            (PbImportQueue  *self);
GCancellable  *pb_import_queue_get_cancellable    (PbImportQueue  *self);
guint          pb_import_queue_get_n_imported     (PbImportQueue  *self);
guint          pb_import_queue_get_n_duplicates   (PbImportQueue  *self);
guint          pb_import_queue_get_n_stopped      (PbImportQueue  *self);
gint64         pb_import_queue_get_last_report_id (PbImportQueue  *self);
GPtrArray     *pb_import_queue_get_failures       (PbImportQueue  *self);
GPtrArray     *pb_import_queue_get_locked         (PbImportQueue  *self);

G_END_DECLS
