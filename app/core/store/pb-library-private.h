/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_LIBRARY_DIR_MODE  0700
#define PB_LIBRARY_FILE_MODE 0600

sqlite3    *_pb_library_get_db              (PbLibrary   *self);
sqlite3    *_pb_library_open_connection     (PbLibrary   *self,
                                             GError     **error);
sqlite3    *_pb_library_open_reader         (PbLibrary   *self,
                                             GError     **error);
const char *_pb_library_get_backups_dir     (PbLibrary   *self);
gboolean    _pb_library_is_read_only        (PbLibrary   *self);

/* pb-library-session.c */
int         _pb_library_session_enter       (const char  *db_path,
                                             char       **out_notice);
void        _pb_library_session_record      (int          fd,
                                             const char  *db_path);
void        _pb_library_session_leave       (int          fd,
                                             const char  *db_path);
const char *_pb_library_get_reports_dir     (PbLibrary   *self);
gboolean    _pb_library_backups_may_list    (PbLibrary   *self,
                                             const char  *sha256);
void        _pb_library_emit_report_added   (PbLibrary   *self,
                                             gint64       id);
void        _pb_library_emit_report_changed (PbLibrary   *self,
                                             gint64       id);
void        _pb_library_emit_report_removed (PbLibrary   *self,
                                             gint64       id);

void        _pb_library_emit_finding_added   (PbLibrary   *self,
                                              gint64       id);
void        _pb_library_emit_finding_changed (PbLibrary   *self,
                                              gint64       id);
void        _pb_library_emit_finding_removed (PbLibrary   *self,
                                              gint64       id);

void        _pb_library_emit_cohorts_changed (PbLibrary   *self);
void        _pb_library_emit_pack_changed    (PbLibrary   *self,
                                              gint64       id);

G_END_DECLS
