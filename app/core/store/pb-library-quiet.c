/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-schema.h"

/* Opening a library only to read it, writing nothing into its folder: for
 * the command line's list, search and show, which a full open made pay for a
 * session token (a write and two fsyncs), a -wal and -shm made and removed,
 * a checkpoint and a new check stamp, every time; and whose runs changed
 * library.db's mtime, so that the next open found a check due.
 *
 * It is taken only when the full open (pb_library_initialize ()) would do
 * nothing but read: the folder and file exist, are private and writable,
 * on a disk with room; nobody else has the library open; no -wal with a
 * page in it, nor a -journal, is left to replay or set aside (an empty -wal
 * and its -shm, as a reader leaves them, are left alone and unread);
 * library.db is unchanged since its last good integrity_check; its schema
 * is this build's; and it is the library this folder's sessions recorded.
 * Anything else, and the caller opens the library in full, which deals with
 * it as it always has. */

static gboolean
is_private (const char *path,
            mode_t      type,
            mode_t      mode)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & S_IFMT) == type &&
         (st.st_mode & 07777) == mode && st.st_uid == getuid () && access (path, W_OK) == 0;
}

static gboolean
exists (const char *db_path,
        const char *suffix)
{
  g_autofree char *path = g_strconcat (db_path, suffix, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A -wal with a page in it: one of no page (or of its header alone) is
 * what a reader such as the sqlite3 shell leaves, with a -shm, when it
 * closes; library.db is then the whole library. */
static gboolean
journal_holds_pages (const char *db_path)
{
  g_autofree char *path = g_strconcat (db_path, "-wal", NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > PB_LIBRARY_WAL_HEADER_SIZE);
}

/* library.db alone, as it is on disk: without a -wal (there is none) and
 * without SQLite's locks, which would make a -shm; the caller's lock keeps
 * every other session out while it reads. */
static sqlite3 *
open_immutable (const char *db_path)
{
  g_autofree char *file_uri = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *uri = file_uri ? g_strconcat (file_uri, "?immutable=1", NULL) : NULL;
  sqlite3 *db = NULL;

  if (uri == NULL ||
      sqlite3_open_v2 (uri, &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE,
                       NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  return db;
}

/**
 * _pb_library_open_quietly:
 * @path: the library folder, absolute
 * @db_path: its library.db
 * @reports_dir: its reports/
 * @out_db: (out): the connection, which only reads
 * @out_lock_fd: (out): library.db-lock, held exclusively until closed
 * @out_uuid: (out) (nullable): the library's identity
 *
 * Opens the library to read it without writing a byte into its folder,
 * when the full open would only have read it (see the file comment). The
 * lock is held exclusively while the library is open, so that any other
 * process that opens it waits (in _pb_library_session_enter ()) until this
 * one closes it: the main file it reads cannot change meanwhile.
 *
 * Returns: %TRUE when opened so; %FALSE when the library needs the full open
 *   (nothing is then held, and nothing was written)
 */
gboolean
_pb_library_open_quietly (const char  *path,
                          const char  *db_path,
                          const char  *reports_dir,
                          sqlite3    **out_db,
                          int         *out_lock_fd,
                          char       **out_uuid)
{
  g_autofree char *lock_path = _pb_library_lock_path (db_path);
  g_autofree char *recorded = NULL;
  g_autofree char *uuid = NULL;
  struct statvfs fs;
  sqlite3 *db = NULL;
  int fd;

  /* What the full open would make private, make, or find unwritable. */
  if (!is_private (path, S_IFDIR, PB_LIBRARY_DIR_MODE) ||
      !is_private (reports_dir, S_IFDIR, PB_LIBRARY_DIR_MODE) ||
      !is_private (db_path, S_IFREG, PB_LIBRARY_FILE_MODE) ||
      statvfs (path, &fs) != 0 || (fs.f_flag & ST_RDONLY) != 0 || fs.f_bavail == 0)
    return FALSE;

  /* Alone, or the full open: another session's -wal is live. */
  if ((fd = g_open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    goto full;

  /* A journal left by a session that did not end is replayed, or set
   * aside, by the full open; a file changed since its last good check is
   * checked there. */
  if (journal_holds_pages (db_path) || exists (db_path, "-journal") ||
      _pb_library_check_is_due (db_path))
    goto full;

  if ((db = open_immutable (db_path)) == NULL ||
      pb_schema_get_version (db, NULL) != (gint)pb_schema_latest_version ())
    goto full;

  /* Another library's database dropped into the folder is refused by the
   * full open, in words. */
  uuid = _pb_library_read_uuid (db);
  recorded = _pb_library_read_recorded_identity (db_path);
  if (uuid != NULL && recorded != NULL && g_ascii_strcasecmp (uuid, recorded) != 0)
    goto full;

  *out_db = db;
  *out_lock_fd = fd;
  *out_uuid = g_steal_pointer (&uuid);
  return TRUE;

full:
  g_clear_pointer (&db, sqlite3_close);
  g_close (fd, NULL);
  return FALSE;
}
