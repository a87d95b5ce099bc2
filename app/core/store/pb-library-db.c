/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-schema.h"

/* library.db and its folder on disk, as opening a library needs them: made
 * private to the user, the schema version read without writing anything,
 * opened read-only when the library must not be written, and checked with
 * SQLite's integrity_check when the file has changed since its last good
 * check. */

gboolean
_pb_library_ensure_private_dir (const char  *path,
                                GError     **error)
{
  if (g_mkdir_with_parents (path, PB_LIBRARY_DIR_MODE) != 0 ||
      g_chmod (path, PB_LIBRARY_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_autofree char *display = g_filename_display_name (path);

      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create the library folder “%s”: you may not write there. "
                       "Choose a folder of your own for the library."), display);
      else if (saved_errno == EROFS)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create the library folder “%s”: the disk it is on can "
                       "only be read."), display);
      else if (saved_errno == ENOSPC)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create the library folder “%s”: the disk is full."), display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create the library folder “%s”: %s."),
                     display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* SQLite creates missing files with the process umask (often 0644), and gives the
 * -wal and -shm files the mode of the main file; so the main file is created by
 * hand first, private from the start. */
gboolean
_pb_library_ensure_private_file (const char  *path,
                                 GError     **error)
{
  int fd = g_open (path, O_CREAT | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE);

  if (fd < 0 || fchmod (fd, PB_LIBRARY_FILE_MODE) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the library database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

/* Reads the schema version without writing anything, so that a library made by
 * a newer Panel Brief is refused before it is touched: not even the -wal and
 * -shm files an ordinary connection makes. Opened "immutable", SQLite reads the
 * main file alone; that is exact unless a WAL with unsaved pages is there, and
 * then an ordinary read-only connection reads it (its files exist already). */
gint
_pb_library_peek_schema_version (const char  *db_path,
                                 GError     **error)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  sqlite3 *db = NULL;
  gint version;
  int rc;

  if (g_stat (wal_path, &st) == 0 && st.st_size > 0)
    {
      db = pb_db_open (db_path, TRUE, error);
    }
  else
    {
      file_uri = g_filename_to_uri (db_path, NULL, NULL);
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          pb_db_set_error (db, rc, error);
          g_clear_pointer (&db, sqlite3_close);
        }
    }

  if (db == NULL)
    return -1;

  version = pb_schema_get_version (db, error);
  pb_db_close (db);

  if (version < 0 && error != NULL && *error != NULL)
    {
      g_autoptr(GError) local_error = g_steal_pointer (error);
      g_autofree char *display = g_filename_display_name (db_path);

      /* One sentence: what is wrong, that nothing is lost, what to do.
       * SQLite cannot tell a damaged library from a file that never was
       * one, so both are named. */
      if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
        g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_A_LIBRARY,
                     _("The library database “%s” is damaged or is not a Panel Brief library, "
                       "and is kept as it is: restore the newest good backup (Restore from "
                       "Backup…, or “panel-brief restore --latest”)."),
                     display);
      else
        g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_A_LIBRARY,
                     _("The library database “%s” could not be read: %s"),
                     display, local_error->message);
    }

  return version;
}

/* Opens library.db for reading only, for a library that must not (or cannot)
 * be written. A read-only connection to a WAL database still makes -wal and
 * -shm files beside it when it can; for a library that is itself read-only
 * (@prefer_immutable), and whose -wal holds no unsaved pages, the main file
 * alone is the whole library and is read as immutable, so that looking at it
 * writes nothing into its folder. Otherwise, and on read-only media where
 * SQLite cannot make a -shm, the same fallback applies.
 *
 * Returns %TRUE with the connection in @out_db, or %FALSE with @error set
 * (%PB_DB_ERROR). */
gboolean
_pb_library_open_read_only (const char  *db_path,
                            gboolean     prefer_immutable,
                            sqlite3    **out_db,
                            GError     **error)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gboolean has_journal;
  GStatBuf st;

  has_journal = g_stat (wal_path, &st) == 0 && st.st_size > 0;

  if (!prefer_immutable || has_journal)
    {
      if ((db = pb_db_open (db_path, TRUE, &local_error)) != NULL &&
          pb_db_query_int (db, "SELECT count(*) FROM sqlite_schema", &local_error) >= 0)
        {
          *out_db = db;
          return TRUE;
        }
      g_clear_pointer (&db, pb_db_close);

      if (has_journal)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  file_uri = g_filename_to_uri (db_path, NULL, NULL);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      pb_db_set_error (db, sqlite3_errcode (db), error);
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

/* SQLite's integrity_check: the b-trees and their pages, and every index
 * against its table, so that a damaged index is found at open and not when
 * a search or a write trips over it. It runs only when the file changed
 * since the last good check (see below). */
gboolean
_pb_library_integrity_check (sqlite3  *db,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "PRAGMA integrity_check", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 (pb_db_column_text (stmt, 0), "ok") == 0)
    return TRUE;
  if (rc == SQLITE_ROW)
    {
      g_debug ("integrity_check: %s", pb_db_column_text (stmt, 0));
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("The library database is damaged."));
      pb_db_report_damage (db);
    }
  else
    pb_db_set_error (db, rc, error);
  return FALSE;
}

/* library.db-checked records the main file as it was at its last good
 * integrity_check. In WAL mode the main file changes only when pages are copied
 * back into it (a checkpoint, which every session that wrote ends with), so a
 * file unchanged since a good check needs no new one: opening a large library
 * to read it stays quick. The day's backup checks the whole file anyway. */
static char *
stamp_of (const char *db_path)
{
  GStatBuf st;

  if (g_stat (db_path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%llu %llu %lld %ld.%09ld\n",
                          (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                          (long long)st.st_size, (long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

gboolean
_pb_library_check_is_due (const char *db_path)
{
  g_autofree char *checked_path = g_strconcat (db_path, "-checked", NULL);
  g_autofree char *recorded = NULL;
  g_autofree char *now = stamp_of (db_path);

  return !g_file_get_contents (checked_path, &recorded, NULL, NULL) ||
         g_strcmp0 (recorded, now) != 0;
}

void
_pb_library_record_check (const char *db_path)
{
  g_autofree char *checked_path = g_strconcat (db_path, "-checked", NULL);
  g_autofree char *now = stamp_of (db_path);
  int fd;

  if (now == NULL)
    return;
  if ((fd = g_open (checked_path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return;
  if (write (fd, now, strlen (now)) < 0)
    g_debug ("Could not record the check of %s", db_path);
  g_close (fd, NULL);
}

/* The library's identity (its library_meta uuid) from an open connection;
 * NULL for a library from before identities, or one that cannot be read. */
char *
_pb_library_read_uuid (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  if (db != NULL &&
      sqlite3_prepare_v2 (db, "SELECT value FROM library_meta WHERE key = 'uuid'", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return uuid;
}

/* The identity the database file @db_path holds, read as it is without any
 * -wal and without writing; NULL when it holds none or cannot be read. */
char *
_pb_library_read_file_identity (const char *db_path)
{
  g_autofree char *file_uri = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
  sqlite3 *db = NULL;
  char *uuid = NULL;

  if (uri != NULL && g_file_test (db_path, G_FILE_TEST_IS_REGULAR) &&
      sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    uuid = _pb_library_read_uuid (db);
  sqlite3_close (db);
  return uuid;
}

/* The identity library.db-session recorded: the library whose sessions
 * used this folder. NULL when there is no record, or one from before
 * identities. */
char *
_pb_library_read_recorded_identity (const char *db_path)
{
  g_autofree char *record_path = g_strconcat (db_path, "-session", NULL);
  g_autofree char *record = NULL;
  const char *line;

  if (g_file_get_contents (record_path, &record, NULL, NULL) &&
      (line = strstr (record, "uuid ")) != NULL && (line == record || line[-1] == '\n'))
    {
      const char *start = line + strlen ("uuid ");
      const char *end = start;

      while (g_ascii_isxdigit (*end))
        end++;
      if (end > start)
        return g_strndup (start, end - start);
    }
  return NULL;
}

/* The identity of the library whose folder holds @db_path: the one its
 * sessions recorded in library.db-session, which names the folder's own
 * backups even when library.db is lost, or is another library's dropped in
 * (see _pb_library_check_identity ()); else the one the main file holds.
 * NULL when neither says. */
char *
_pb_library_read_identity (const char *db_path)
{
  char *uuid = _pb_library_read_recorded_identity (db_path);

  return uuid != NULL ? uuid : _pb_library_read_file_identity (db_path);
}

/* A few words on a database file for the user: how many reports it holds
 * and when it last had one imported. */
static char *
describe_database (const char *db_path)
{
  g_autofree char *file_uri = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
  g_autoptr(GDateTime) last = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 n = -1;
  char *words = NULL;

  if (uri != NULL &&
      sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*), max(imported_at) FROM reports", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_text (stmt, 1) != NULL)
        last = g_date_time_new_from_iso8601 ((const char *)sqlite3_column_text (stmt, 1), NULL);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (n >= 0 && last != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (last);
      g_autofree char *date = g_date_time_format (local, "%-d %B %Y");

      words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "it holds %u report, the last imported on %s",
                                            "it holds %u reports, the last imported on %s",
                                            (gulong)n), (guint)n, date);
    }
  else if (n >= 0)
    words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "it holds %u report",
                                          "it holds %u reports", (gulong)n), (guint)n);
  return words;
}

/**
 * _pb_library_check_identity:
 * @db_path: the library's library.db
 * @error: a #GError, or %NULL
 *
 * Refuses a library.db that is another library's: one whose identity is
 * not the one this folder's sessions recorded in library.db-session (a
 * database copied in from another library's folder). Opening it would
 * adopt it silently, and this folder's own backups would then look like
 * another library's. Nothing is changed: both the file and the backups
 * are left as they are.
 *
 * Returns: %TRUE when the database is this folder's library's (or either
 *   identity is unknown); otherwise %FALSE with @error set
 *   (%PB_LIBRARY_ERROR_OTHER_LIBRARY)
 */
gboolean
_pb_library_check_identity (const char  *db_path,
                            GError     **error)
{
  g_autofree char *recorded = _pb_library_read_recorded_identity (db_path);
  g_autofree char *in_file = NULL;
  g_autofree char *display = NULL;
  g_autofree char *words = NULL;

  if (recorded == NULL || (in_file = _pb_library_read_file_identity (db_path)) == NULL ||
      g_ascii_strcasecmp (recorded, in_file) == 0)
    return TRUE;

  display = g_filename_display_name (db_path);
  words = describe_database (db_path);
  g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OTHER_LIBRARY,
               _("“%s” is the database of another library (%s), not of the library this "
                 "folder holds. Panel Brief has not opened it, and has left it and this "
                 "folder’s backups as they are. To get this library back, restore its newest "
                 "backup (Restore from Backup…, or “panel-brief restore --latest”); to work "
                 "with the other library, open its own folder."),
               display, words != NULL ? words : _("its reports cannot be read"));
  return FALSE;
}

/* How many report PDFs reports/ holds, and whether backups/ holds a backup
 * of this library (or of a library with no identity): what a missing
 * library.db would be started over. */
static guint
count_reports_on_disk (const char *reports_dir)
{
  g_autoptr(GDir) dir = g_dir_open (reports_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (pb_library_is_report_file_name (name))
      n++;
  return n;
}

/* library.db is missing or empty. Starting a new, empty library over a
 * folder that still holds backups would hide them behind an empty library
 * and let rotation begin on them; so that is refused, and the user is sent
 * to restore. Without backups, a new database is started and the report
 * files are left for Check Library to put back. */
gboolean
_pb_library_check_missing_database (const char  *db_path,
                                    const char  *reports_dir,
                                    const char  *backups_dir,
                                    char       **out_notice,
                                    GError     **error)
{
  g_autofree char *identity = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n_reports;
  GStatBuf st;

  if (g_stat (db_path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (db_path);

      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is a folder, not the library database. Panel Brief has left it as "
                     "it is: move it aside and open the library again, or restore a backup "
                     "(“panel-brief restore --latest”)."), display);
      return FALSE;
    }
  if (g_stat (db_path, &st) == 0 && st.st_size > 0)
    return TRUE;

  identity = _pb_library_read_identity (db_path);
  backups = pb_backups_list_for (backups_dir, identity);
  n_reports = count_reports_on_disk (reports_dir);

  if (backups->len > 0)
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_MISSING_DATABASE,
                   g_file_test (db_path, G_FILE_TEST_EXISTS)
                     ? g_dngettext (GETTEXT_PACKAGE,
                                    "The library database is empty, but the library folder holds %u "
                                    "backup of it. Panel Brief has not started a new, empty library "
                                    "over it. Restore the backup (Restore from Backup…, or "
                                    "“panel-brief restore --latest”).",
                                    "The library database is empty, but the library folder holds %u "
                                    "backups of it. Panel Brief has not started a new, empty library "
                                    "over them. Restore the newest backup (Restore from Backup…, or "
                                    "“panel-brief restore --latest”).", backups->len)
                     : g_dngettext (GETTEXT_PACKAGE,
                                    "The library database is missing, but the library folder holds %u "
                                    "backup of it. Panel Brief has not started a new, empty library "
                                    "over it. Restore the backup (Restore from Backup…, or "
                                    "“panel-brief restore --latest”).",
                                    "The library database is missing, but the library folder holds %u "
                                    "backups of it. Panel Brief has not started a new, empty library "
                                    "over them. Restore the newest backup (Restore from Backup…, or "
                                    "“panel-brief restore --latest”).", backups->len),
                   backups->len);
      return FALSE;
    }

  if (n_reports > 0)
    *out_notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The library database was missing, so a new "
                                                 "one was started. The folder still holds %u "
                                                 "report from before: Check Library "
                                                 "(“panel-brief check --repair”) puts it back.",
                                                 "The library database was missing, so a new "
                                                 "one was started. The folder still holds %u "
                                                 "reports from before: Check Library "
                                                 "(“panel-brief check --repair”) puts them back.",
                                                 n_reports), n_reports);
  return TRUE;
}

/* SQLite gives a new -wal and -shm the main file's mode, but ones left from
 * before the main file was made private keep theirs. */
void
_pb_library_make_side_files_private (const char *db_path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && (st.st_mode & 0777) != PB_LIBRARY_FILE_MODE &&
          st.st_uid == getuid ())
        g_chmod (path, PB_LIBRARY_FILE_MODE);
    }
}
