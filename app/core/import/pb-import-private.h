/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-import.h"
#include "pb-report-content.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* Shared by the files of import: the marks of an import in progress, and the
 * state of one import. */

#define PB_IMPORT_TEMP_PREFIX    ".import-"
#define PB_IMPORT_TEMP_SUFFIX    ".part"
#define PB_IMPORT_JOURNAL_SUFFIX ".journal"

/* Where the work goes, for progress: copying is quick, reading the pages is
 * most of it, the commit (with its fsync) is the rest. */
#define PB_IMPORT_COPY_SHARE   0.10
#define PB_IMPORT_PAGES_SHARE  0.85

typedef struct
{
  PbLibrary            *library;
  GFile                *file;
  const char           *password;
  PbImportFlags         flags;
  GCancellable         *cancellable;
  PbImportProgressFunc  progress;
  gpointer              progress_data;

  char                 *display_name;
  char                 *temp_path;
  int                   temp_fd;      /* held open and locked while importing */
  char                 *sha256;
  gint64                byte_size;

  PopplerDocument      *document;
  PbReportContent      *content;
  PbStructure          *structure;
  GPtrArray            *page_extras;  /* pb_text_page_extras () of the pages */
  GThread              *structure_thread; /* reading the two above */
  char                 *title;
  char                 *notice;       /* what was set right, for the user */
} PbImportState;

typedef void (*PbImportTurnFunc) (gpointer turn_data);

gboolean _pb_import_file_in_turn       (PbLibrary             *library,
                                        GFile                 *file,
                                        const char            *password,
                                        PbImportFlags          flags,
                                        GCancellable          *cancellable,
                                        PbImportProgressFunc   progress,
                                        gpointer               progress_data,
                                        PbImportTurnFunc       wait_turn,
                                        gpointer               turn_data,
                                        PbImportStatus        *out_status,
                                        gint64                *out_report_id,
                                        char                 **out_notice,
                                        GError               **error);
void     _pb_import_report_progress    (PbImportState  *state,
                                        double          fraction);
void     _pb_import_set_storage_error  (PbImportState  *state,
                                        int             saved_errno,
                                        GError        **error);
gboolean _pb_import_copy_and_hash      (PbImportState  *state,
                                        GError        **error);
gboolean _pb_import_sync_copy          (PbImportState  *state,
                                        GError        **error);
void     _pb_import_start_structure    (PbImportState  *state,
                                        gboolean        own_thread);
void     _pb_import_join_structure     (PbImportState  *state);
char    *_pb_import_journal_path       (PbLibrary      *library,
                                        const char     *sha256);
char    *_pb_import_hash_file          (const char     *path,
                                        GCancellable   *cancellable,
                                        GError        **error);
char    *_pb_import_aside_path         (const char     *path,
                                        const char     *label);
int      _pb_import_journal_open       (const char     *reports_dir,
                                        const char     *sha256);

G_END_DECLS
