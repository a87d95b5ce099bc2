/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-db"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"

/* Thin helpers over SQLite so that every caller reports errors the same way and
 * every connection gets the same durability settings. */

G_DEFINE_QUARK (pb-db-error-quark, pb_db_error)

void
pb_db_set_error (sqlite3  *db,
                 int       rc,
                 GError  **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL,
                   _("The disk is full. Free some space and try again."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_BUSY,
                   _("The library is busy in another program. Try again in a moment."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("The library database is damaged (%s)."), detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_READ_ONLY,
                   _("The library database cannot be written (%s)."), detail);
      break;

    default:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_FAILED,
                   _("The library database reported an error: %s."), detail);
      break;
    }
}

sqlite3 *
pb_db_open (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  sqlite3 *db = NULL;
  int flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* FULLMUTEX: a connection may be handed between the main thread and a worker. */
  flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  flags |= read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* Another process (the command line, a second window) may hold the write lock
   * for the length of one import transaction; wait for it rather than failing. */
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  if (!read_only &&
      !pb_db_exec (db,
                   "PRAGMA journal_mode=WAL;"
                   "PRAGMA synchronous=FULL;"
                   "PRAGMA foreign_keys=ON;"
                   "PRAGMA secure_delete=ON;",
                   error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

void
pb_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

gboolean
pb_db_exec (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
pb_db_prepare (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Steps a statement that returns no rows. */
gboolean
pb_db_step_done (sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      pb_db_set_error (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
pb_db_begin (sqlite3  *db,
             GError  **error)
{
  /* IMMEDIATE takes the write lock up front, so a busy library is reported at the
   * start of an action and not half-way through it. */
  return pb_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
pb_db_commit (sqlite3  *db,
              GError  **error)
{
  return pb_db_exec (db, "COMMIT", error);
}

void
pb_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
pb_db_query_int (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, sql, error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_DONE)
    pb_db_set_error (db, rc, error);
  else
    g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_FAILED, "no row for: %s", sql);

  return -1;
}

/* The first column of every row @sql gives, with ?1 bound to @id: the ids
 * of what belongs to something, in the query's order. */
GArray *
pb_db_query_ids (sqlite3     *db,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

const char *
pb_db_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* The time now, as every created_at and updated_at column holds it: UTC,
 * ISO 8601. */
char *
pb_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}
