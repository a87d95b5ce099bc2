/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-session"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-library-private.h"

/* Whether a library.db-wal beside library.db belongs to it.
 *
 * SQLite replays whatever valid write-ahead log it finds beside a database,
 * whichever database wrote it: a -wal left from another library, or from
 * before library.db was replaced by an older copy, would silently show
 * another library's rows, or none. So every process that has the library open
 * holds a shared lock on library.db-session, and the file records which
 * library.db and which -wal (device and inode) the current session uses.
 * SQLite removes the -wal when the last connection closes cleanly, and the
 * last process to leave empties the record.
 *
 * The first process to open the library (the one that gets the lock alone)
 * looks at any -wal it finds: with no record (the last session ended
 * cleanly), or with a record of other files, the -wal is not this library's
 * and is set aside under a new name, not replayed and not deleted. A -wal the
 * record names is what a session that was killed left: SQLite replays it. */

#define SESSION_SUFFIX "-session"

typedef struct
{
  dev_t db_dev;
  ino_t db_ino;
  dev_t wal_dev;
  ino_t wal_ino;
} Record;

static gboolean
read_record (int     fd,
             Record *record)
{
  char text[256];
  unsigned long long db_dev, db_ino, wal_dev, wal_ino;
  ssize_t n = pread (fd, text, sizeof text - 1, 0);

  if (n <= 0)
    return FALSE;
  text[n] = '\0';
  if (sscanf (text, "db %llu %llu\nwal %llu %llu\n", &db_dev, &db_ino, &wal_dev, &wal_ino) != 4)
    return FALSE;
  record->db_dev = (dev_t)db_dev;
  record->db_ino = (ino_t)db_ino;
  record->wal_dev = (dev_t)wal_dev;
  record->wal_ino = (ino_t)wal_ino;
  return TRUE;
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

  if (g_rename (wal_path, aside) != 0)
    {
      g_warning ("Could not set aside %s: %s", wal_path, g_strerror (errno));
      return;
    }
  /* The shared-memory index describes the -wal set aside; SQLite builds a new
   * one from the database alone. */
  g_unlink (shm);

  g_message ("Set aside %s: it did not belong to this library", wal_path);
  if (out_notice != NULL)
    *out_notice = g_strdup_printf (_("A journal file beside the library did not belong to it "
                                     "and was set aside, unread, as “%s”. Nothing in the "
                                     "library was changed."), aside);
}

/**
 * _pb_library_session_enter:
 * @db_path: the library's library.db
 * @out_notice: (out) (transfer full) (optional): a sentence for the user when
 *   a -wal was set aside, else %NULL
 *
 * Takes the session lock, setting aside a -wal that is not this library's
 * when this process is the first to open the library.
 *
 * Returns: the session file's descriptor, to pass to the other session
 *   functions; -1 when it cannot be made (a read-only folder), which leaves
 *   SQLite's own behaviour
 */
int
_pb_library_session_enter (const char  *db_path,
                           char       **out_notice)
{
  g_autofree char *session_path = g_strconcat (db_path, SESSION_SUFFIX, NULL);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  GStatBuf wal_st, db_st;
  Record record;
  int fd;

  if (out_notice != NULL)
    *out_notice = NULL;

  if ((fd = g_open (session_path, O_CREAT | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return -1;

  /* Alone: nobody else has the library open, so a -wal is either what a
   * killed session left or not ours. Not alone: the -wal is live. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      flock (fd, LOCK_SH);
      return fd;
    }

  if (g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0)
    {
      gboolean ours = read_record (fd, &record) &&
                      g_stat (db_path, &db_st) == 0 &&
                      record.db_dev == db_st.st_dev && record.db_ino == db_st.st_ino &&
                      record.wal_dev == wal_st.st_dev && record.wal_ino == wal_st.st_ino;

      if (!ours)
        set_aside (wal_path, out_notice);
    }

  /* Held exclusively until the library is open and recorded. */
  return fd;
}

/**
 * _pb_library_session_record:
 * @fd: from _pb_library_session_enter ()
 * @db_path: the library's library.db, open now (so its -wal exists)
 *
 * Records the files of this session, then lets other processes in.
 */
void
_pb_library_session_record (int         fd,
                            const char *db_path)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *text = NULL;
  GStatBuf db_st, wal_st;

  if (fd < 0)
    return;

  /* Only the process that opened the library first writes the record; the
   * others found it written. */
  if (flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      g_stat (db_path, &db_st) == 0 && g_stat (wal_path, &wal_st) == 0)
    {
      text = g_strdup_printf ("db %llu %llu\nwal %llu %llu\n",
                              (unsigned long long)db_st.st_dev, (unsigned long long)db_st.st_ino,
                              (unsigned long long)wal_st.st_dev, (unsigned long long)wal_st.st_ino);
      if (ftruncate (fd, 0) == 0 && pwrite (fd, text, strlen (text), 0) == (ssize_t)strlen (text))
        fsync (fd);
    }

  flock (fd, LOCK_SH);
}

/**
 * _pb_library_session_leave:
 * @fd: from _pb_library_session_enter ()
 * @db_path: the library's library.db, closed now by this process
 *
 * The last process to leave, once SQLite has removed the -wal, empties the
 * record: the session ended cleanly.
 */
void
_pb_library_session_leave (int         fd,
                           const char *db_path)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);

  if (fd < 0)
    return;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0 && !g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      if (ftruncate (fd, 0) == 0)
        fsync (fd);
    }

  g_close (fd, NULL);
}
