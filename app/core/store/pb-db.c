/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-db"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"
#include "pb-library-private.h"

/* Thin helpers over SQLite so that every caller reports errors the same way and
 * every connection gets the same durability settings. */

G_DEFINE_QUARK (pb-db-error-quark, pb_db_error)

static PbDbCorruptFunc corrupt_func;

/**
 * pb_db_set_corrupt_func:
 * @func: (nullable): called with a database's file name whenever SQLite
 *   reports it damaged (SQLITE_CORRUPT, SQLITE_NOTADB) through
 *   pb_db_set_error (), on whichever thread met the damage
 *
 * Lets the library hear of damage met in the middle of work, from any
 * connection, and stop writing. Set once, at start.
 */
void
pb_db_set_corrupt_func (PbDbCorruptFunc func)
{
  corrupt_func = func;
}

/**
 * pb_db_report_damage:
 * @db: (nullable): a connection whose database was found damaged (by
 *   SQLite, or by an integrity_check that did not say "ok")
 *
 * Passes the database's file name to the function set with
 * pb_db_set_corrupt_func (), if any.
 */
void
pb_db_report_damage (sqlite3 *db)
{
  const char *filename = db != NULL ? sqlite3_db_filename (db, "main") : NULL;

  if (corrupt_func != NULL && filename != NULL && *filename != '\0')
    corrupt_func (filename);
}

/**
 * pb_db_set_error:
 * @db: (nullable): the connection that failed, for SQLite's message
 * @rc: the (extended) result code SQLite gave
 * @error: a #GError to set, or %NULL
 *
 * Sets @error in %PB_DB_ERROR from a SQLite result code, in words for
 * users: %PB_DB_ERROR_DISK_FULL (SQLITE_FULL), %PB_DB_ERROR_BUSY
 * (SQLITE_BUSY, SQLITE_LOCKED), %PB_DB_ERROR_CORRUPT (SQLITE_CORRUPT,
 * SQLITE_NOTADB), %PB_DB_ERROR_READ_ONLY (SQLITE_READONLY, SQLITE_PERM,
 * SQLITE_CANTOPEN) or %PB_DB_ERROR_FAILED. Only the primary code (the low
 * 8 bits, https://www.sqlite.org/rescode.html) decides.
 */
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
      /* SQLite's own words ("database disk image is malformed") say nothing
       * a reader can act on; they go to the log. */
      g_debug ("SQLite reports damage: %s", detail);
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("The library database is damaged. Nothing more will be saved to it: "
                     "restore the newest good backup (Restore from Backup…, or "
                     "“panel-brief restore --latest”)."));
      pb_db_report_damage (db);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_debug ("SQLite cannot write: %s", detail);
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_READ_ONLY,
                   _("The library database cannot be written. Check that the library "
                     "folder and its library.db are yours and can be written."));
      break;

    default:
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_FAILED,
                   _("The library database reported an error: %s."), detail);
      break;
    }
}

/**
 * pb_db_open:
 * @path: (type filename): the database file
 * @read_only: open it for reading only; otherwise it is created if missing
 * @error: a #GError, or %NULL
 *
 * Opens a connection that may pass between threads (SQLITE_OPEN_FULLMUTEX),
 * waits up to 10 seconds for another process's write lock, and reports
 * extended result codes. A connection that writes is put in WAL mode with
 * synchronous=FULL, foreign keys on and secure_delete on, so that a commit
 * survives a power cut and deleted text leaves no trace in the file.
 *
 * Returns: (transfer full): the connection, to close with pb_db_close();
 *   or %NULL with @error set (%PB_DB_ERROR, as pb_db_set_error())
 */
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
  sqlite3_busy_timeout (db, PB_DB_BUSY_TIMEOUT_MS);
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

  /* A library's journal keeps saying whose it is (pb-library-session.c). */
  if (!read_only)
    _pb_library_session_watch (db);

  return db;
}

/**
 * pb_db_close:
 * @db: (nullable) (transfer full): a connection
 *
 * Closes @db; statements not yet finalised keep it open until they are
 * (sqlite3_close_v2()).
 */
void
pb_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

/**
 * pb_db_exec:
 * @db: a connection
 * @sql: one or more SQL statements, none returning rows that matter
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR) at the first
 *   statement that fails
 */
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

/**
 * pb_db_prepare:
 * @db: a connection
 * @sql: one SQL statement
 *
 * Returns: (transfer full): the prepared statement, to finalise (it has a
 *   g_autoptr() cleanup); or %NULL with @error set (%PB_DB_ERROR)
 */
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

/**
 * pb_db_step_done:
 * @stmt: a statement, its parameters bound
 * @error: a #GError, or %NULL
 *
 * Steps a statement run for its effect (an INSERT, UPDATE or DELETE); a row
 * it returns is ignored.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR)
 */
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

/**
 * pb_db_begin:
 * @db: a connection
 * @error: a #GError, or %NULL
 *
 * Begins a transaction that takes the write lock at once (BEGIN IMMEDIATE),
 * so that a busy library is reported at the start of an action and not
 * half-way through it.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR_BUSY when another
 *   process kept the lock longer than the busy timeout)
 */
gboolean
pb_db_begin (sqlite3  *db,
             GError  **error)
{
  /* IMMEDIATE takes the write lock up front, so a busy library is reported at the
   * start of an action and not half-way through it. */
  return pb_db_exec (db, "BEGIN IMMEDIATE", error);
}

/**
 * pb_db_commit:
 * @db: a connection in a transaction
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR); the transaction
 *   is then still open, for pb_db_rollback()
 */
gboolean
pb_db_commit (sqlite3  *db,
              GError  **error)
{
  return pb_db_exec (db, "COMMIT", error);
}

/**
 * pb_db_rollback:
 * @db: a connection
 *
 * Rolls back the open transaction, if there is one; safe to call when
 * there is none.
 */
void
pb_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * pb_db_query_int:
 * @db: a connection
 * @sql: a query whose first row's first column is an integer
 *
 * Returns: that integer; or -1 with @error set (%PB_DB_ERROR, and
 *   %PB_DB_ERROR_FAILED when there is no row)
 */
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

/**
 * pb_db_query_ids:
 * @db: a connection
 * @sql: a query with one parameter, ?1
 * @id: the value bound to ?1
 * @error: a #GError, or %NULL
 *
 * The first column of every row @sql gives: the ids of what belongs to
 * something, in the query's order.
 *
 * Returns: (transfer full) (element-type gint64): the ids; or %NULL with
 *   @error set (%PB_DB_ERROR)
 */
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

/**
 * pb_db_column_text:
 * @stmt: a statement on a row
 * @column: the column, from 0
 *
 * The column's text, always valid UTF-8. Everything Panel Brief writes is,
 * but a library damaged, edited by hand or carried in from elsewhere may
 * hold other bytes, and every reader of text (GTK, JSON, the text matching
 * of pb-text-fold.c) needs UTF-8: such text comes back with each bad byte
 * replaced by U+FFFD.
 *
 * Returns: (nullable): the column's text, valid until the statement steps
 *   again or is finalised (a mended copy lives as long as the process);
 *   %NULL for SQL NULL
 */
const char *
pb_db_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);
  g_autofree char *mended = NULL;

  if (text == NULL || g_utf8_validate_len (text, length, NULL))
    return text;

  /* Rare (only ever in a damaged library) and the same text again and
   * again: interned, a mended copy costs one allocation per distinct text
   * and needs no owner. */
  g_debug ("Column %d holds text that is not UTF-8; mending it for reading", column);
  mended = g_utf8_make_valid (text, length);
  return g_intern_string (mended);
}

/**
 * pb_db_now:
 *
 * Returns: (transfer full): the time now, as every created_at and
 *   updated_at column holds it: UTC, ISO 8601
 */
char *
pb_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}
