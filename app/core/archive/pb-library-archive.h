/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pb-library-merge.h"
#include "pb-library.h"

G_BEGIN_DECLS

#define PB_ARCHIVE_ERROR (pb_archive_error_quark ())

/**
 * PbArchiveError:
 * @PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE: the file is not a Panel Brief library archive
 * @PB_ARCHIVE_ERROR_DAMAGED: a file in it does not match its checksum, or is missing
 * @PB_ARCHIVE_ERROR_NEWER: it was made by a newer Panel Brief
 */
typedef enum
{
  PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
  PB_ARCHIVE_ERROR_DAMAGED,
  PB_ARCHIVE_ERROR_NEWER,
} PbArchiveError;

/**
 * PbArchiveProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called from the thread doing the work.
 */
typedef void (*PbArchiveProgressFunc) (double   fraction,
                                       gpointer user_data);

/**
 * PbArchiveImport:
 * @new_library: whether the archive made a new library (else it was merged)
 * @merge: for a merge, what was added and what was there already
 * @files_added: report files placed in reports/
 * @settings: (nullable): the settings the archive carried, for the app to apply
 */
typedef struct
{
  gboolean        new_library;
  PbMergeSummary  merge;
  guint           files_added;
  JsonObject     *settings;
} PbArchiveImport;

GQuark   pb_archive_error_quark       (void);
gboolean pb_library_export_archive    (PbLibrary              *library,
                                       const char             *path,
                                       JsonObject             *settings,
                                       GCancellable           *cancellable,
                                       PbArchiveProgressFunc   progress,
                                       gpointer                progress_data,
                                       GError                **error);
gboolean pb_library_import_archive    (const char             *library_path,
                                       const char             *archive_path,
                                       PbArchiveImport        *out_result,
                                       GCancellable           *cancellable,
                                       PbArchiveProgressFunc   progress,
                                       gpointer                progress_data,
                                       GError                **error);
void     pb_archive_import_clear      (PbArchiveImport        *result);
gboolean pb_archive_is_library_archive (const char            *path);

G_END_DECLS
