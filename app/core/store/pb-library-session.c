/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-session"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-db.h"
#include "pb-library-private.h"

/* Whether a library.db-wal beside library.db belongs to it.
 *
 * SQLite replays whatever valid write-ahead log it finds beside a database,
 * whichever database wrote it: a -wal left from another library would
 * silently show another library's rows, or none. So each library carries an
 * identity (a random uuid in its library_meta table), and each session that
 * writes begins by writing a token of its own into library_meta, which puts
 * the token, and the uuid on the same page, into the -wal. The token is then
 * recorded in library.db-session, replaced whole (never half-written), with
 * the uuid, which names the library's backups even when library.db is lost.
 *
 * Every process that has the library open holds a shared lock on
 * library.db-lock. The first process to open it (the one that gets the lock
 * alone) looks at any -wal it finds:
 *
 *   - holding the recorded token: the journal of this library's last session,
 *     which was killed; SQLite replays it;
 *   - holding this library's uuid but not the token (the folder was copied,
 *     or a second crash came before the record): it is this library's, and is
 *     replayed if the library then passes integrity_check, read-only, without
 *     a write; otherwise, like
 *   - anything else (another library's, or one from no library): set aside
 *     under a new name, unread and kept, with a sentence for the user.
 *
 * A library from before the identity existed falls back on the files' device
 * and inode numbers, which an older record held.
 *
 * SQLite starts the -wal over from its beginning once a checkpoint has copied
 * it all into library.db, writing over the page with the token: after that, a
 * killed session's -wal held neither token nor uuid and was set aside, with
 * every report committed since (all of a bulk import past 4 MB). So every
 * connection that writes watches its commits (_pb_library_session_watch ()),
 * and writes the token's page again whenever the -wal has been started over:
 * right after the checkpoint that allows it, which starts it over with the
 * token, and after any commit that finds it started over by someone else. */

#define LOCK_SUFFIX    "-lock"
#define WAL_SUFFIX     "-wal"
#define RECORD_SUFFIX  "-session"
#define TOKEN_PREFIX   "pb-session-"

/* What library.db-session holds: the last session's token, or in the older
 * form, the device and inode numbers of the files it used. */
typedef struct
{
  char        token[64];
  gboolean    has_inodes;
  dev_t       db_dev;
  ino_t       db_ino;
  dev_t       wal_dev;
  ino_t       wal_ino;
} Record;

static gboolean
read_record (const char *db_path,
             Record     *record)
{
  g_autofree char *path = g_strconcat (db_path, RECORD_SUFFIX, NULL);
  g_autofree char *text = NULL;
  unsigned long long db_dev, db_ino, wal_dev, wal_ino;

  memset (record, 0, sizeof *record);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;

  if (sscanf (text, "token %63s", record->token) == 1)
    return TRUE;
  if (sscanf (text, "db %llu %llu\nwal %llu %llu\n", &db_dev, &db_ino, &wal_dev, &wal_ino) == 4)
    {
      record->has_inodes = TRUE;
      record->db_dev = (dev_t)db_dev;
      record->db_ino = (ino_t)db_ino;
      record->wal_dev = (dev_t)wal_dev;
      record->wal_ino = (ino_t)wal_ino;
      return TRUE;
    }
  return FALSE;
}

static gboolean
contains (GBytes     *haystack,
          const char *needle)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (haystack, &length);
  gsize needle_length = strlen (needle);

  for (gsize i = 0; needle_length > 0 && i + needle_length <= length; i++)
    if (data[i] == (guint8)needle[0] && memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Opens the library read-only in place, so that SQLite reads the -wal into
 * its index without writing a page, and runs integrity_check over what it
 * sees. */
static gboolean
sound_with_journal (const char *db_path)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean sound;

  sound = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
          sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sound;
}

static void
set_aside (const char  *wal_path,
           char       **out_notice)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.set-aside-%s", wal_path, stamp);
  g_autofree char *shm_path = g_strndup (wal_path, strlen (wal_path) - strlen ("-wal"));
  g_autofree char *shm = g_strconcat (shm_path, "-shm", NULL);
  g_autofree char *name = NULL;

  if (g_rename (wal_path, aside) != 0)
    {
      g_warning ("Could not set aside %s: %s", wal_path, g_strerror (errno));
      return;
    }
  /* The shared-memory index describes the -wal set aside; SQLite builds a new
   * one from the database alone. */
  g_unlink (shm);

  g_debug ("Set aside %s: it is not this library's journal", wal_path);
  name = g_path_get_basename (aside);
  if (out_notice != NULL)
    *out_notice = g_strdup_printf (_("A journal file beside the library was not this library’s, "
                                     "so it was set aside, unread, as “%s” rather than mixed "
                                     "into the library."), name);
}

/* Whether the -wal at @wal_path is this library's, as the file comment says. */
static gboolean
journal_is_ours (const char *db_path,
                 const char *wal_path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (wal_path, FALSE, NULL);
  g_autoptr(GBytes) wal = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
  g_autofree char *uuid = NULL;
  Record record;

  if (wal == NULL)
    return FALSE;

  if (read_record (db_path, &record))
    {
      if (record.token[0] != '\0')
        {
          g_autofree char *token = g_strconcat (TOKEN_PREFIX, record.token, NULL);

          if (contains (wal, token))
            return TRUE;
        }
      else if (record.has_inodes)
        {
          GStatBuf db_st, wal_st;

          if (g_stat (db_path, &db_st) == 0 && g_stat (wal_path, &wal_st) == 0 &&
              record.db_dev == db_st.st_dev && record.db_ino == db_st.st_ino &&
              record.wal_dev == wal_st.st_dev && record.wal_ino == wal_st.st_ino)
            return TRUE;
        }
    }

  uuid = _pb_library_read_identity (db_path);
  return uuid != NULL && contains (wal, uuid) && sound_with_journal (db_path);
}

/**
 * _pb_library_lock_path:
 * @db_path: the library's library.db
 *
 * Returns: (transfer full): the file every process that has the library open
 *   holds a lock on: library.db-lock
 */
char *
_pb_library_lock_path (const char *db_path)
{
  return g_strconcat (db_path, LOCK_SUFFIX, NULL);
}

/**
 * _pb_library_session_enter:
 * @db_path: the library's library.db
 * @out_notice: (out) (transfer full) (optional): a sentence for the user when
 *   a -wal was set aside, else %NULL
 *
 * Takes the library's lock, setting aside a -wal that is not this library's
 * when this process is the first to open the library (see the file comment).
 *
 * Returns: the lock file's descriptor, held exclusively when this process is
 *   alone (until _pb_library_session_begin ()) and shared otherwise; -1 when
 *   it cannot be made (a read-only folder), which leaves SQLite's own
 *   behaviour
 */
int
_pb_library_session_enter (const char  *db_path,
                           char       **out_notice)
{
  g_autofree char *lock_path = _pb_library_lock_path (db_path);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  GStatBuf wal_st;
  int fd;

  if (out_notice != NULL)
    *out_notice = NULL;

  if ((fd = g_open (lock_path, O_CREAT | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return -1;

  /* Alone: nobody else has the library open, so a -wal is either what a
   * killed session left or not ours. Not alone: the -wal is live. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      flock (fd, LOCK_SH);
      return fd;
    }

  /* A -wal of its header alone holds no page to replay, whoever wrote it:
   * a session killed between SQLite's writing the header and the first
   * page leaves one (1 kill in 6 at 30 to 50 ms), and setting it aside
   * said, wrongly and alarmingly, that it was another library's. */
  if (g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > PB_LIBRARY_WAL_HEADER_SIZE && !journal_is_ours (db_path, wal_path))
    set_aside (wal_path, out_notice);

  return fd;
}

/* Replaces library.db-session whole: it is never seen half-written. */
static void
write_record (const char *db_path,
              const char *token,
              const char *uuid)
{
  g_autofree char *path = g_strconcat (db_path, RECORD_SUFFIX, NULL);
  g_autofree char *partial = g_strconcat (db_path, RECORD_SUFFIX ".XXXXXX", NULL);
  g_autofree char *text = g_strdup_printf ("token %s\nuuid %s\n", token, uuid ? uuid : "");
  g_autofree char *folder = g_path_get_dirname (db_path);
  int fd, dir_fd;

  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return;
  if (write (fd, text, strlen (text)) != (ssize_t)strlen (text) || fsync (fd) != 0 ||
      g_rename (partial, path) != 0)
    {
      g_close (fd, NULL);
      g_unlink (partial);
      return;
    }
  g_close (fd, NULL);

  if ((dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      fsync (dir_fd);
      g_close (dir_fd, NULL);
    }
}

/**
 * _pb_library_session_begin:
 * @fd: from _pb_library_session_enter ()
 * @db: the library's connection, open for writing and brought up to date
 * @db_path: the library's library.db
 *
 * When this process opened the library first: writes a new session token
 * into the library (and so into its -wal), then records it, then lets other
 * processes in. A library without library_meta (too old) is left as it is.
 */
void
_pb_library_session_begin (int         fd,
                           sqlite3    *db,
                           const char *db_path)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *token = NULL;
  g_autofree char *value = NULL;
  guint8 bytes[16];

  if (fd < 0)
    return;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = (guint8)g_random_int_range (0, 256);
      token = g_compute_checksum_for_data (G_CHECKSUM_MD5, bytes, sizeof bytes);
      value = g_strconcat (TOKEN_PREFIX, token, NULL);

      /* The token in the journal first, then in the record: a crash between
       * leaves an older token in the record, and the uuid to go by. */
      if ((stmt = pb_db_prepare (db, "INSERT OR REPLACE INTO library_meta (key, value) VALUES ('session', ?1)",
                                 NULL)) != NULL)
        {
          sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
          if (pb_db_step_done (stmt, NULL))
            {
              g_autofree char *uuid = _pb_library_read_uuid (db);

              write_record (db_path, token, uuid);
            }
        }
    }

  flock (fd, LOCK_SH);
}

/* SQLite's own automatic checkpoint, which a hook of our own replaces
 * (sqlite3_wal_hook () takes the place of sqlite3_wal_autocheckpoint ()):
 * when a commit leaves the -wal this many pages long, its default. */
#define CHECKPOINT_PAGES 1000

/* Which start of each -wal the token was last written into, by the -wal's
 * salt (see read_wal_start ()); for the whole process, as every connection
 * to a library shares its -wal. */
G_LOCK_DEFINE_STATIC (stamped);
static GHashTable *stamped;   /* path of the -wal → salt, as a pointer */

/* Set while a thread writes the token, so that its own commit does not
 * write it again. */
static GPrivate stamping;

/* The -wal's first salt (bytes 16 to 19 of its header, big-endian), which
 * SQLite changes each time it starts the -wal over
 * (https://www.sqlite.org/fileformat2.html#walformat). */
static gboolean
read_wal_start (const char *wal_path,
                guint32    *out_salt)
{
  guint8 header[20];
  ssize_t n;
  int fd;

  if ((fd = g_open (wal_path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  n = pread (fd, header, sizeof header, 0);
  g_close (fd, NULL);
  if (n != (ssize_t)sizeof header)
    return FALSE;

  *out_salt = ((guint32)header[16] << 24) | ((guint32)header[17] << 16) |
              ((guint32)header[18] << 8) | (guint32)header[19];
  return TRUE;
}

/* Writes the page with the session token (and the library's uuid) again,
 * so that it is in the -wal; remembers which start of the -wal it is in. */
static void
stamp_token (sqlite3    *db,
             const char *wal_path)
{
  sqlite3_stmt *stmt = NULL;
  guint32 salt;
  int rc;

  /* Not worth waiting for: whoever holds the lock commits next, and its
   * commit (or ours after it) finds the -wal to stamp. */
  g_private_set (&stamping, GINT_TO_POINTER (TRUE));
  sqlite3_busy_timeout (db, 0);
  /* A row beside the token's, changed: SQLite writes no page for a row
   * written again the same, and library_meta's few rows share one page. */
  if ((rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO library_meta (key, value)"
                                    " VALUES ('journal-started', ?1)", -1, &stmt, NULL)) == SQLITE_OK)
    {
      g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());

      sqlite3_bind_text (stmt, 1, when, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (db, PB_DB_BUSY_TIMEOUT_MS);
  g_private_set (&stamping, NULL);

  if (rc != SQLITE_OK || !read_wal_start (wal_path, &salt))
    return;

  G_LOCK (stamped);
  if (stamped == NULL)
    stamped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (stamped, g_strdup (wal_path), GUINT_TO_POINTER (salt));
  G_UNLOCK (stamped);
}

static int
wal_hook_cb (gpointer    user_data,
             sqlite3    *db,
             const char *schema,
             int         n_pages)
{
  const char *db_path = sqlite3_db_filename (db, schema);
  g_autofree char *wal_path = NULL;
  gboolean started_over = FALSE;
  guint32 salt;

  if (g_private_get (&stamping) != NULL || db_path == NULL || *db_path == '\0')
    return SQLITE_OK;
  wal_path = g_strconcat (db_path, WAL_SUFFIX, NULL);

  if (n_pages >= CHECKPOINT_PAGES)
    {
      int n_log = -1, n_copied = -1;

      /* All of it copied: the next commit starts the -wal over. */
      if (sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_copied) == SQLITE_OK &&
          n_log > 0 && n_log == n_copied)
        started_over = TRUE;
    }

  if (!started_over && read_wal_start (wal_path, &salt))
    {
      G_LOCK (stamped);
      started_over = stamped == NULL || !g_hash_table_contains (stamped, wal_path) ||
                     GPOINTER_TO_UINT (g_hash_table_lookup (stamped, wal_path)) != salt;
      G_UNLOCK (stamped);
    }

  if (started_over)
    stamp_token (db, wal_path);

  return SQLITE_OK;
}

/**
 * _pb_library_session_watch:
 * @db: a connection to a library that writes
 *
 * Takes over SQLite's automatic checkpoint on @db (at the same length of
 * -wal), and keeps the session token in the -wal whenever it is started
 * over (see the file comment).
 */
void
_pb_library_session_watch (sqlite3 *db)
{
  sqlite3_wal_hook (db, wal_hook_cb, NULL);
}

/**
 * _pb_library_session_leave:
 * @fd: from _pb_library_session_enter ()
 *
 * Lets go of the library's lock. The record stays: it says which session a
 * -wal left behind belongs to.
 */
void
_pb_library_session_leave (int fd)
{
  if (fd >= 0)
    g_close (fd, NULL);
}
