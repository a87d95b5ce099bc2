/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_LIBRARY_DIR_MODE  0700
#define PB_LIBRARY_FILE_MODE 0600

/* A write-ahead log's header, before its first frame (SQLite's file
 * format, section 4.1): a -wal no longer than this holds no page. */
#define PB_LIBRARY_WAL_HEADER_SIZE 32

sqlite3    *_pb_library_get_db              (PbLibrary   *self);
sqlite3    *_pb_library_open_connection     (PbLibrary   *self,
                                             GError     **error);
sqlite3    *_pb_library_open_reader         (PbLibrary   *self,
                                             GError     **error);
const char *_pb_library_get_backups_dir     (PbLibrary   *self);
gboolean    _pb_library_is_read_only        (PbLibrary   *self);
const char *_pb_library_get_uuid            (PbLibrary   *self);
const char *_pb_library_get_db_path         (PbLibrary   *self);
void        _pb_library_note_damage         (PbLibrary   *self);
const char *_pb_library_get_reports_dir     (PbLibrary   *self);

/* pb-library-db.c */
gboolean    _pb_library_ensure_private_dir  (const char  *path,
                                             GError     **error);
gboolean    _pb_library_ensure_private_file (const char  *path,
                                             GError     **error);
gint        _pb_library_peek_schema_version (const char  *db_path,
                                             GError     **error);
gboolean    _pb_library_open_read_only      (const char  *db_path,
                                             gboolean     prefer_immutable,
                                             sqlite3    **out_db,
                                             GError     **error);
gboolean    _pb_library_integrity_check     (sqlite3     *db,
                                             GError     **error);
char       *_pb_library_read_uuid           (sqlite3     *db);
char       *_pb_library_read_identity       (const char  *db_path);
char       *_pb_library_read_file_identity  (const char  *db_path);
char       *_pb_library_read_recorded_identity (const char *db_path);
gboolean    _pb_library_check_identity      (const char  *db_path,
                                             GError     **error);
gboolean    _pb_library_check_missing_database (const char  *db_path,
                                                const char  *reports_dir,
                                                const char  *backups_dir,
                                                char       **out_notice,
                                                GError     **error);
void        _pb_library_make_side_files_private (const char *db_path);

/* pb-library-damage.c */
void        _pb_library_register            (PbLibrary   *self);
void        _pb_library_unregister          (PbLibrary   *self);
void        _pb_library_hear_of_damage      (void);
gboolean    _pb_library_is_open_to_read_here (const char *db_path);
gboolean    _pb_library_check_is_due        (const char  *db_path);
void        _pb_library_record_check        (const char  *db_path);

/* pb-library-quiet.c */
gboolean    _pb_library_open_quietly        (const char  *path,
                                             const char  *db_path,
                                             const char  *reports_dir,
                                             sqlite3    **out_db,
                                             int         *out_lock_fd,
                                             char       **out_uuid);

/* pb-library-session.c */
char       *_pb_library_lock_path           (const char  *db_path);
int         _pb_library_session_enter       (const char  *db_path,
                                             char       **out_notice);
void        _pb_library_session_begin       (int          fd,
                                             sqlite3     *db,
                                             const char  *db_path);
void        _pb_library_session_leave       (int          fd);
void        _pb_library_session_watch       (sqlite3     *db);

/* pb-backup.c */
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
void        _pb_library_emit_recommendation_changed (PbLibrary *self,
                                                     gint64     id);

G_END_DECLS
