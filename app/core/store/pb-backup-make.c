/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pb-backup-private.h"
#include "pb-file-copy.h"
#include "pb-temp-file.h"
#include "pb-library-private.h"

/* Taking backups of library.db into backups/ (and a second folder).
 *
 * A backup is made with SQLite's online backup API from a read transaction,
 * so it is one consistent moment of the library even while another process
 * writes. It is written under a temporary name, opened again and checked
 * (integrity_check, and the same number of reports, findings and packs as
 * the moment it copies) before it takes its name, and only a checked backup
 * lets older ones be rotated away. */

/* The backups in @folder named as this file names them, with their times. */
static GPtrArray *
list_named (const char  *folder,
            GHashTable **out_paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  const char *name;

  *out_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      GDateTime *time = NULL;

      if (!pb_backup_parse_file_name (name, &time))
        continue;
      g_ptr_array_add (times, time);
      g_hash_table_insert (*out_paths, time, g_build_filename (folder, name, NULL));
    }
  return times;
}

/* How long a backup that holds more than the newest one is kept past its
 * turn: a library emptied by mistake must not rotate its last full copies
 * away within a day of backups of the empty library. */
#define KEEP_LARGER_DAYS 90

static gint64
backup_total (PbBackup *backup)
{
  return pb_backup_get_n_reports (backup) + pb_backup_get_n_findings (backup) +
         pb_backup_get_n_packs (backup);
}

/* Rotates away the backups of library @uuid in @folder that the rule of
 * pb_backup_select_expired () lets go, except those that hold more than the
 * newest backup does, for KEEP_LARGER_DAYS. Only this library's own backups
 * are ever removed: not another library's, not one without an identity, not
 * one that cannot be read, and nothing at all when @uuid is not known. */
static void
rotate (const char *folder,
        const char *uuid)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) times = g_ptr_array_new ();
  g_autoptr(GHashTable) by_time = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) expired = NULL;
  gint64 newest_total = -1;

  if (uuid == NULL)
    return;

  backups = pb_backups_list_folder (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      PbBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (pb_backup_get_path (backup));

      if (g_strcmp0 (pb_backup_get_library_uuid (backup), uuid) != 0 ||
          !pb_backup_parse_file_name (name, NULL))
        continue;
      /* Listed newest first. */
      if (newest_total < 0)
        newest_total = backup_total (backup);
      g_ptr_array_add (times, pb_backup_get_created (backup));
      g_hash_table_insert (by_time, pb_backup_get_created (backup), backup);
    }

  expired = pb_backup_select_expired (times, now);
  for (guint i = 0; i < expired->len; i++)
    {
      PbBackup *backup = g_hash_table_lookup (by_time, g_ptr_array_index (expired, i));
      const char *path = pb_backup_get_path (backup);

      if (backup_total (backup) > newest_total &&
          g_date_time_difference (now, pb_backup_get_created (backup)) < KEEP_LARGER_DAYS * G_TIME_SPAN_DAY)
        {
          g_debug ("Keeping %s: it holds more than the newest backup", path);
          continue;
        }

      g_debug ("Rotating away the backup %s", path);
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/* Reports removed from the library whose files were kept because a backup
 * listed them: once no backup does, the file goes. */
static void
purge_removed_reports (PbLibrary *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = _pb_library_get_db (self);

  if (_pb_library_is_read_only (self) ||
      !(stmt = pb_db_prepare (db, "SELECT sha256 FROM removed_reports", NULL)))
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = pb_db_column_text (stmt, 0);

      if (!_pb_library_backups_may_list (self, sha256))
        g_ptr_array_add (gone, g_strdup (sha256));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < gone->len; i++)
    {
      const char *sha256 = g_ptr_array_index (gone, i);
      g_autoptr(sqlite3_stmt) forget = NULL;
      g_autofree char *path = pb_library_dup_report_path (self, sha256);

      /* The row first: a crash between leaves an orphan, never a row whose
       * file has gone. */
      if (!(forget = pb_db_prepare (db, "DELETE FROM removed_reports WHERE sha256 = ?1", NULL)))
        return;
      sqlite3_bind_text (forget, 1, sha256, -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (forget, NULL))
        return;
      if (g_unlink (path) == 0)
        g_debug ("Removed %s: no backup lists it any more", path);
    }
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               saved_errno == ENOSPC ? _("The disk is full: the backup could not be written.")
                                     : _("The backup could not be written: %s."),
               g_strerror (saved_errno));
  return FALSE;
}

/* Gives @partial its final name in @folder without ever replacing a file. */
static char *
place (const char  *partial,
       const char  *folder,
       const char  *name,
       GError     **error)
{
  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *candidate_name = NULL;
      g_autofree char *candidate = NULL;

      if (n == 0)
        candidate_name = g_strdup (name);
      else
        candidate_name = g_strdup_printf ("%.*s-%u" PB_BACKUP_SUFFIX,
                                          (int)(strlen (name) - strlen (PB_BACKUP_SUFFIX)), name, n);
      candidate = g_build_filename (folder, candidate_name, NULL);

      /* link () fails rather than replace: two processes backing up in the
       * same millisecond both keep their backups. */
      if (link (partial, candidate) == 0)
        {
          g_unlink (partial);
          return g_steal_pointer (&candidate);
        }
      if (errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The backup could not be written: %s."), g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The backup could not be named."));
  return NULL;
}

/* Copies a checked backup into the second backup folder, under its own
 * name, in a folder of this library's own there ("Panel Brief library
 * 1a2b3c4d"): one stick may hold the backups of several libraries, and each
 * library's rotation keeps to its own. */
static char *
copy_to_folder (const char  *backup,
                const char  *second_folder,
                const char  *uuid,
                GError     **error)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *own = uuid ? g_strdup_printf ("Panel Brief library %.8s", uuid) : NULL;
  g_autofree char *folder = own ? g_build_filename (second_folder, own, NULL) : g_strdup (second_folder);
  g_autofree char *display = g_filename_display_name (second_folder);
  g_autofree char *partial = NULL;
  g_autofree char *placed = NULL;
  g_autoptr(GError) copy_error = NULL;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      (fd = g_mkstemp_full ((partial = g_build_filename (folder, ".library-XXXXXX.part", NULL)),
                            O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      if (own != NULL)
        g_rmdir (folder);

      if (saved_errno == ENOSPC)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The backup was made, but the second backup folder “%s” is full."), display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("The backup was made, but the second backup folder “%s” cannot be used: %s."),
                     display, g_strerror (saved_errno));
      return NULL;
    }

  /* Locked while it is written, so that a check running meanwhile leaves it
   * be (see pb-temp-file.c). */
  pb_temp_file_lock (fd);
  if (!pb_file_copy_into (backup, fd, &copy_error))
    {
      if (g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The backup was made, but there is not enough room in “%s” for its "
                       "second copy."), display);
      else
        g_set_error (error, copy_error->domain, copy_error->code,
                     _("The backup was made, but it could not be copied to “%s”: %s"),
                     display, copy_error->message);
    }
  else
    placed = place (partial, folder, name, error);

  if (placed == NULL)
    g_unlink (partial);
  g_close (fd, NULL);
  if (placed == NULL)
    {
      /* This library's folder there, if the failed copy was to be its
       * first: removed only when empty. */
      if (own != NULL)
        g_rmdir (folder);
      return NULL;
    }

  fsync_path (folder, TRUE, NULL);
  rotate (folder, uuid);
  return g_steal_pointer (&placed);
}

/* Copies the library's database into @dest (an existing, private, empty
 * file) with the online backup API, then checks the copy: integrity_check and
 * the same numbers of reports, findings, packs and cohorts, and schema. */
static gboolean
backup_copy (PbLibrary   *self,
             const char  *dest_path,
             GError     **error)
{
  g_autoptr(PbBackup) written = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *copy;
  PbBackupCounts counts = { 0 };
  int rc;

  if (!(source = _pb_library_open_reader (self, error)))
    goto failed;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (dest, rc, error);
      goto failed;
    }

  /* One read transaction for the counts and the copy: both see one moment. */
  if (!pb_db_exec (source, "BEGIN", error) || !_pb_backup_read_counts (source, &counts, error))
    goto failed;

  if (!(copy = sqlite3_backup_init (dest, "main", source, "main")))
    {
      pb_db_set_error (dest, sqlite3_errcode (dest), error);
      goto failed;
    }
  rc = sqlite3_backup_step (copy, -1);
  sqlite3_backup_finish (copy);
  pb_db_exec (source, "COMMIT", NULL);
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (dest, rc, error);
      goto failed;
    }

  /* The copy carries the library's WAL mode in its header; a backup is one
   * self-contained file. */
  if (!pb_db_exec (dest, "PRAGMA journal_mode=DELETE", error))
    goto failed;

  g_clear_pointer (&source, pb_db_close);
  g_clear_pointer (&dest, sqlite3_close);

  if (!fsync_path (dest_path, FALSE, error))
    goto failed;

  /* Checked before it counts as a backup. */
  if (!(written = pb_backup_read (dest_path, error)) || !pb_backup_verify (written, error))
    goto failed;
  if (pb_backup_get_n_reports (written) != counts.reports ||
      pb_backup_get_n_findings (written) != counts.findings ||
      pb_backup_get_n_packs (written) != counts.packs ||
      pb_backup_get_version (written) != counts.version)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("The backup did not hold what the library holds, and was not kept."));
      goto failed;
    }

  return TRUE;

failed:
  g_clear_pointer (&source, pb_db_close);
  g_clear_pointer (&dest, sqlite3_close);
  return FALSE;
}

/* SQLite writes a rollback journal beside a database it copies into. */
static void
unlink_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/**
 * pb_library_snapshot:
 * @self: a library
 * @dest: (type filename): a file to write; it is replaced, and private
 *   (0600) from creation
 * @error: a #GError, or %NULL
 *
 * Writes one consistent moment of library.db to @dest as a self-contained,
 * checked file, as a backup is, but without naming or rotating anything:
 * for a library archive. @dest is locked while it is written (see
 * pb-temp-file.c).
 *
 * Returns: %TRUE, or %FALSE with @error set as by pb_library_backup () and
 *   @dest (and any journal SQLite left beside it) removed
 */
gboolean
pb_library_snapshot (PbLibrary   *self,
                     const char  *dest,
                     GError     **error)
{
  gboolean ok;
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  unlink_with_journal (dest);
  if ((fd = g_open (dest, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   saved_errno == ENOSPC ? _("The disk is full: the library could not be copied.")
                                         : _("The library could not be copied: %s."),
                   g_strerror (saved_errno));
      return FALSE;
    }
  pb_temp_file_lock (fd);

  if (!(ok = backup_copy (self, dest, error)))
    unlink_with_journal (dest);
  g_close (fd, NULL);
  return ok;
}

/* The copy did not check out: find out whether the library itself is
 * damaged (which then makes it read-only, see pb_db_report_damage ()), and
 * say so rather than blame the backup. */
static void
explain_failure (PbLibrary  *self,
                 GError    **error)
{
  if (g_error_matches (*error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
    {
      sqlite3 *source = _pb_library_open_reader (self, NULL);

      if (source != NULL && !_pb_library_integrity_check (source, NULL))
        {
          g_clear_error (error);
          g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                       _("The library database is damaged, so no good backup could be "
                         "made of it. Older backups are all kept: restore the newest good "
                         "one (Restore from Backup…, or “panel-brief restore --latest”)."));
        }
      g_clear_pointer (&source, pb_db_close);
    }
  if (g_error_matches (*error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full: the backup could not be written."));
    }
}

/**
 * pb_library_backup_full:
 * @self: a library
 * @reason: why the backup is taken
 * @out_second_copy: (out) (optional) (transfer full) (type filename): where
 *   the copy in the second backup folder was written, or %NULL when none was
 * @out_second_error: (out) (optional): why the second copy was not made, when
 *   a second folder is set and the copy failed
 * @error: a #GError, or %NULL
 *
 * Takes a backup of library.db into backups/, checks it, and only then
 * rotates older backups away (see pb_backup_select_expired ()) and forgets
 * the files of removed reports that no backup lists any more. When a second
 * backup folder is set (pb_library_set_second_backup_folder ()), the backup
 * is copied into this library's own folder there ("Panel Brief library
 * <first 8 of its identity>"); a folder that cannot be written (a USB stick
 * not plugged in, a full one) does not fail the backup, and is told in
 * @out_second_error (G_IO_ERROR; G_IO_ERROR_NO_SPACE when full). Temporary
 * files are locked while written (see pb-temp-file.c).
 *
 * Returns: (transfer full): the new backup's path; or %NULL with @error set:
 *   PB_DB_ERROR (the library could not be read), G_IO_ERROR (the file could
 *   not be written; G_IO_ERROR_NO_SPACE for a full disk), or
 *   PB_DB_ERROR_CORRUPT when the copy did not check out (older backups are
 *   then all kept; when the library itself is damaged it becomes read-only)
 */
char *
pb_library_backup_full (PbLibrary       *self,
                        PbBackupReason   reason,
                        char           **out_second_copy,
                        GError         **out_second_error,
                        GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = pb_backup_file_name_for (now);
  g_autofree char *partial = NULL;
  g_autofree char *placed = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *folder;
  const char *second;
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (out_second_copy != NULL)
    *out_second_copy = NULL;

  folder = _pb_library_get_backups_dir (self);
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The backups folder cannot be written: %s."), g_strerror (saved_errno));
      return NULL;
    }

  /* Private from creation: a backup holds everything the library does. And
   * locked while written, so that a check running meanwhile leaves it be. */
  partial = g_build_filename (folder, ".library-XXXXXX.part", NULL);
  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   saved_errno == ENOSPC ? _("The disk is full: the backup could not be written.")
                                         : _("The backup could not be written: %s."),
                   g_strerror (saved_errno));
      return NULL;
    }
  pb_temp_file_lock (fd);

  if (!backup_copy (self, partial, &local_error) ||
      !(placed = place (partial, folder, name, &local_error)))
    {
      unlink_with_journal (partial);
      g_close (fd, NULL);
      explain_failure (self, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_close (fd, NULL);
  fsync_path (folder, TRUE, NULL);

  g_debug ("Backed up the library to %s (reason %d)", placed, reason);

  rotate (folder, _pb_library_get_uuid (self));
  purge_removed_reports (self);

  if ((second = pb_library_get_second_backup_folder (self)) != NULL)
    {
      g_autoptr(GError) copy_error = NULL;
      g_autofree char *copy = copy_to_folder (placed, second, _pb_library_get_uuid (self), &copy_error);

      if (copy == NULL)
        g_propagate_error (out_second_error, g_steal_pointer (&copy_error));
      else if (out_second_copy != NULL)
        *out_second_copy = g_steal_pointer (&copy);
    }

  return g_steal_pointer (&placed);
}

/**
 * pb_library_backup:
 * @self: a library
 * @reason: why the backup is taken
 * @error: a #GError, or %NULL
 *
 * pb_library_backup_full () for callers that only log a second copy that
 * could not be made (with g_warning ()).
 *
 * Returns: (transfer full): the new backup's path; or %NULL with @error set
 *   as by pb_library_backup_full ()
 */
char *
pb_library_backup (PbLibrary       *self,
                   PbBackupReason   reason,
                   GError         **error)
{
  g_autoptr(GError) second_error = NULL;
  char *placed = pb_library_backup_full (self, reason, NULL, &second_error, error);

  if (second_error != NULL)
    g_warning ("%s", second_error->message);
  return placed;
}

/**
 * pb_library_backup_if_due:
 * @self: a library
 * @out_made: (out) (optional): whether a backup was made
 * @error: a #GError, or %NULL
 *
 * Takes the day's backup unless backups/ already has one from today (local
 * time). Meant for the first start of each day.
 *
 * Returns: %FALSE with @error set as by pb_library_backup () when a backup was
 *   due and could not be made
 */
gboolean
pb_library_backup_if_due (PbLibrary  *self,
                          gboolean   *out_made,
                          GError    **error)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) times = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *made = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (out_made != NULL)
    *out_made = FALSE;

  times = list_named (_pb_library_get_backups_dir (self), &paths);
  for (guint i = 0; i < times->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (g_ptr_array_index (times, i));
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

      if (g_strcmp0 (day, today) == 0)
        return TRUE;
    }

  /* A library that holds nothing yet needs no copy of its nothing. */
  if (pb_db_query_int (_pb_library_get_db (self),
                       "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM findings)"
                       " + (SELECT count(*) FROM packs)", NULL) == 0)
    return TRUE;

  made = pb_library_backup (self, PB_BACKUP_DAILY, error);
  if (made == NULL)
    return FALSE;
  if (out_made != NULL)
    *out_made = TRUE;
  return TRUE;
}

