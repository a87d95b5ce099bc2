/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_IMPORT_ERROR (pb_import_error_quark ())

typedef enum
{
  PB_IMPORT_ERROR_UNREADABLE,
  PB_IMPORT_ERROR_EMPTY,
  PB_IMPORT_ERROR_NOT_PDF,
  PB_IMPORT_ERROR_DAMAGED,
  PB_IMPORT_ERROR_ENCRYPTED,
  PB_IMPORT_ERROR_WRONG_PASSWORD,
  PB_IMPORT_ERROR_STORAGE,
  PB_IMPORT_ERROR_SAME_CONTENT,
} PbImportError;

/**
 * PbImportFlags:
 * @PB_IMPORT_ANYWAY: import a file even when the library has a report with
 *   the same words on the same pages (a copy saved again); without it such a
 *   file fails with %PB_IMPORT_ERROR_SAME_CONTENT
 * @PB_IMPORT_ONE_THREAD: read the pages on the calling thread alone, as
 *   when several files are imported at once and each has its core; without
 *   it a long report's pages are read on every core
 */
typedef enum
{
  PB_IMPORT_DEFAULT    = 0,
  PB_IMPORT_ANYWAY     = 1 << 0,
  PB_IMPORT_ONE_THREAD = 1 << 1,
} PbImportFlags;

typedef enum
{
  PB_IMPORT_STATUS_IMPORTED,
  PB_IMPORT_STATUS_DUPLICATE,
  PB_IMPORT_STATUS_FAILED,
} PbImportStatus;

/**
 * PbImportProgressFunc:
 * @fraction: how much of this file is done, from 0 to 1
 *
 * Called from the thread that runs the import.
 */
typedef void (*PbImportProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark      pb_import_error_quark   (void);
const char *pb_import_status_to_string (PbImportStatus status);
gboolean    pb_import_file          (PbLibrary             *library,
                                     GFile                 *file,
                                     const char            *password,
                                     GCancellable          *cancellable,
                                     PbImportProgressFunc   progress,
                                     gpointer               progress_data,
                                     PbImportStatus        *out_status,
                                     gint64                *out_report_id,
                                     GError               **error);
gboolean    pb_import_file_full     (PbLibrary             *library,
                                     GFile                 *file,
                                     const char            *password,
                                     PbImportFlags          flags,
                                     GCancellable          *cancellable,
                                     PbImportProgressFunc   progress,
                                     gpointer               progress_data,
                                     PbImportStatus        *out_status,
                                     gint64                *out_report_id,
                                     GError               **error);
gboolean    pb_import_file_with_notice (PbLibrary          *library,
                                        GFile              *file,
                                        const char         *password,
                                        PbImportFlags       flags,
                                        GCancellable       *cancellable,
                                        PbImportProgressFunc progress,
                                        gpointer            progress_data,
                                        PbImportStatus     *out_status,
                                        gint64             *out_report_id,
                                        char              **out_notice,
                                        GError            **error);
void        pb_import_clean_leftovers (PbLibrary           *library);
GPtrArray  *pb_import_list_orphans  (PbLibrary             *library,
                                     GError               **error);
GPtrArray  *pb_import_list_leftovers (PbLibrary            *library);
gboolean    pb_import_is_report_file_name (const char      *name);
int         pb_import_journal_begin (const char            *reports_dir,
                                     const char            *sha256,
                                     GError               **error);
void        pb_import_journal_end   (const char            *reports_dir,
                                     const char            *sha256,
                                     int                    fd);

G_END_DECLS
