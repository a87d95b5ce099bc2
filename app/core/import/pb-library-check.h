/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-import.h"
#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbCheckKind:
 * @PB_CHECK_DATABASE: library.db fails integrity_check
 * @PB_CHECK_FOREIGN_KEY: a row points at a row that is not there
 * @PB_CHECK_MISSING_FILE: a report's PDF is not in reports/
 * @PB_CHECK_WRONG_CHECKSUM: a report's PDF is not the file that was imported
 * @PB_CHECK_ORPHAN: a PDF in reports/ that the database does not list (a
 *   report, a misnamed copy, or a file that is no report)
 * @PB_CHECK_LEFTOVER: what an import, restore, backup or library import
 *   that was killed left behind
 *
 * The kinds of problem Check Library finds.
 */
typedef enum
{
  PB_CHECK_DATABASE,
  PB_CHECK_FOREIGN_KEY,
  PB_CHECK_MISSING_FILE,
  PB_CHECK_WRONG_CHECKSUM,
  PB_CHECK_ORPHAN,
  PB_CHECK_LEFTOVER,
} PbCheckKind;

/**
 * PbCheckProblem:
 * @kind: what is wrong
 * @subject: what it is about: a report's SHA-256, a file's path, or
 *   "library.db"
 * @report_id: the report concerned, or 0
 * @message: one sentence for the user saying what is wrong and what to do
 * @repairable: whether pb_library_repair () mends it without losing anything
 */
typedef struct
{
  PbCheckKind  kind;
  char        *subject;
  gint64       report_id;
  char        *message;
  gboolean     repairable;
} PbCheckProblem;

/**
 * PbCheckResult:
 * @problems: (element-type PbCheckProblem): what was found, in the order of
 *   #PbCheckKind
 * @n_reports: how many reports were looked at
 * @n_files_hashed: how many report files had their checksum verified
 */
typedef struct
{
  GPtrArray *problems;
  guint      n_reports;
  guint      n_files_hashed;
} PbCheckResult;

const char    *pb_check_kind_to_string  (PbCheckKind     kind);
void           pb_check_result_free     (PbCheckResult  *result);
PbCheckResult *pb_library_check         (PbLibrary            *library,
                                         gboolean              verify_checksums,
                                         GCancellable         *cancellable,
                                         PbImportProgressFunc  progress,
                                         gpointer              progress_data,
                                         GError              **error);
GPtrArray     *pb_library_repair        (PbLibrary            *library,
                                         PbCheckResult        *result,
                                         GCancellable         *cancellable,
                                         GError              **error);
PbCheckResult *pb_library_check_full    (PbLibrary            *library,
                                         gboolean              verify_checksums,
                                         const char * const   *passwords,
                                         GCancellable         *cancellable,
                                         PbImportProgressFunc  progress,
                                         gpointer              progress_data,
                                         GError              **error);
GPtrArray     *pb_library_repair_full   (PbLibrary            *library,
                                         PbCheckResult        *result,
                                         const char * const   *passwords,
                                         GCancellable         *cancellable,
                                         GError              **error);

void           pb_library_check_async   (PbLibrary            *library,
                                         gboolean              repair,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
PbCheckResult *pb_library_check_finish  (PbLibrary            *library,
                                         GAsyncResult         *result,
                                         GPtrArray           **out_repairs,
                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbCheckResult, pb_check_result_free)

G_END_DECLS
