/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How long a connection waits for another's write lock, in milliseconds:
 * the length of one import's transaction, with room to spare. */
#define PB_DB_BUSY_TIMEOUT_MS 10000

#define PB_DB_ERROR (pb_db_error_quark ())

typedef enum
{
  PB_DB_ERROR_FAILED,
  PB_DB_ERROR_DISK_FULL,
  PB_DB_ERROR_BUSY,
  PB_DB_ERROR_CORRUPT,
  PB_DB_ERROR_READ_ONLY,
} PbDbError;

/**
 * PbDbCorruptFunc:
 * @filename: (type filename): the damaged database file
 *
 * See pb_db_set_corrupt_func ().
 */
typedef void (*PbDbCorruptFunc) (const char *filename);

GQuark        pb_db_error_quark    (void);
void          pb_db_set_corrupt_func (PbDbCorruptFunc func);
void          pb_db_report_damage  (sqlite3       *db);
sqlite3      *pb_db_open           (const char    *path,
                                    gboolean       read_only,
                                    GError       **error);
void          pb_db_close          (sqlite3       *db);
gboolean      pb_db_exec           (sqlite3       *db,
                                    const char    *sql,
                                    GError       **error);
sqlite3_stmt *pb_db_prepare        (sqlite3       *db,
                                    const char    *sql,
                                    GError       **error);
gboolean      pb_db_step_done      (sqlite3_stmt  *stmt,
                                    GError       **error);
gboolean      pb_db_begin          (sqlite3       *db,
                                    GError       **error);
gboolean      pb_db_commit         (sqlite3       *db,
                                    GError       **error);
void          pb_db_rollback       (sqlite3       *db);
void          pb_db_set_error      (sqlite3       *db,
                                    int            rc,
                                    GError       **error);
gint64        pb_db_query_int      (sqlite3       *db,
                                    const char    *sql,
                                    GError       **error);
GArray       *pb_db_query_ids      (sqlite3       *db,
                                    const char    *sql,
                                    gint64         id,
                                    GError       **error);
char         *pb_db_now            (void);
const char   *pb_db_column_text    (sqlite3_stmt  *stmt,
                                    int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
