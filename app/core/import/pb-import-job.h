/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-import.h"
#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_IMPORT_RESULT (pb_import_result_get_type ())

G_DECLARE_FINAL_TYPE (PbImportResult, pb_import_result, PB, IMPORT_RESULT, GObject)

GFile          *pb_import_result_get_file      (PbImportResult *self);
PbImportStatus  pb_import_result_get_status    (PbImportResult *self);
gint64          pb_import_result_get_report_id (PbImportResult *self);
const GError   *pb_import_result_get_error     (PbImportResult *self);
const char     *pb_import_result_get_notice    (PbImportResult *self);

#define PB_TYPE_IMPORT_JOB (pb_import_job_get_type ())

G_DECLARE_FINAL_TYPE (PbImportJob, pb_import_job, PB, IMPORT_JOB, GObject)

PbImportJob *pb_import_job_new            (PbLibrary            *library,
                                           GFile               **files,
                                           guint                 n_files);
void         pb_import_job_set_password   (PbImportJob          *self,
                                           const char           *password);
void         pb_import_job_set_flags      (PbImportJob          *self,
                                           PbImportFlags         flags);
void         pb_import_job_set_n_workers  (PbImportJob          *self,
                                           guint                 n_workers);
guint        pb_import_job_get_n_files    (PbImportJob          *self);
gint64       pb_import_job_get_seconds_left (PbImportJob        *self);
guint        pb_import_job_get_n_done     (PbImportJob          *self);
double       pb_import_job_get_fraction   (PbImportJob          *self);
const char  *pb_import_job_get_current_name (PbImportJob        *self);
void         pb_import_job_run_async      (PbImportJob          *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray   *pb_import_job_run_finish     (PbImportJob          *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
