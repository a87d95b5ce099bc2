/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-restore"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-file-copy.h"
#include "pb-library-private.h"
#include "pb-temp-file.h"
#include "pb-restore.h"
#include "pb-schema.h"

/* Putting a backup back in place of library.db.
 *
 * Nothing is lost on the way: the current state is backed up first (or, when
 * it is too damaged to copy, the file itself is moved aside under a new
 * name), the backup is copied in under a temporary name and only renamed over
 * library.db once it is on disk, and the backup itself stays where it was.
 * Reports imported after the backup was taken keep their files in reports/:
 * the restored database does not list them, so Check Library offers them as
 * orphans to re-attach. */

G_DEFINE_QUARK (pb-restore-error-quark, pb_restore_error)

static gboolean
fail_errno (GError     **error,
            int          saved_errno,
            const char  *what)
{
  if (saved_errno == ENOSPC)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full, so %s. Free some space and try again; the library "
                   "is as it was."), what);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The restore stopped, and the library is as it was: %s (%s)."),
                 what, g_strerror (saved_errno));
  return FALSE;
}

static char *
aside_name (const char *path,
            const char *label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%s-%s.%03d", path, label, stamp,
                          g_date_time_get_microsecond (now) / 1000);
}

/* Copies @from to a private temporary file in @folder and syncs it; the
 * file stays locked (see pb-temp-file.c) through @out_fd until the caller
 * has renamed or removed it and closes the descriptor. */
static char *
copy_in (const char  *from,
         const char  *folder,
         int         *out_fd,
         GError     **error)
{
  g_autofree char *partial = g_build_filename (folder, ".restore-XXXXXX.part", NULL);
  g_autoptr(GError) local_error = NULL;
  int fd;

  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      fail_errno (error, errno, _("the backup could not be copied into the library"));
      return NULL;
    }
  pb_temp_file_lock (fd);

  if (!pb_file_copy_into (from, fd, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        fail_errno (error, ENOSPC, _("the backup could not be copied into the library"));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The restore stopped, and the library is as it was: %s"),
                     local_error->message);
      g_unlink (partial);
      g_close (fd, NULL);
      return NULL;
    }

  *out_fd = fd;
  return g_steal_pointer (&partial);
}

/* Whether @backup may go in place of the library whose database is
 * @db_path: a backup of this library (or one without an identity) may;
 * another library's only when this library holds nothing, in its database
 * or its backups (the empty library a first start makes, before an archive
 * is brought in), so that nothing of it is hidden behind another's. */
static gboolean
check_same_library (const char  *db_path,
                    const char  *backups_dir,
                    PbBackup    *backup,
                    const char  *backup_path,
                    GError     **error)
{
  g_autofree char *ours = _pb_library_read_identity (db_path);
  const char *theirs = pb_backup_get_library_uuid (backup);
  g_autoptr(PbBackup) current = NULL;
  g_autoptr(GPtrArray) own_backups = NULL;
  g_autofree char *display = NULL;
  gboolean holds_nothing;

  if (ours == NULL || theirs == NULL || g_ascii_strcasecmp (ours, theirs) == 0)
    return TRUE;

  holds_nothing = (current = pb_backup_read (db_path, NULL)) != NULL &&
                  pb_backup_get_n_reports (current) == 0 && pb_backup_get_n_findings (current) == 0 &&
                  pb_backup_get_n_packs (current) == 0;
  own_backups = pb_backups_list_for (backups_dir, ours);
  for (guint i = 0; holds_nothing && i < own_backups->len; i++)
    {
      PbBackup *own = g_ptr_array_index (own_backups, i);

      holds_nothing = pb_backup_get_n_reports (own) == 0 && pb_backup_get_n_findings (own) == 0 &&
                      pb_backup_get_n_packs (own) == 0;
    }
  if (holds_nothing)
    return TRUE;

  display = g_filename_display_name (backup_path);
  g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_OTHER_LIBRARY,
               _("“%s” is a backup of another library, not of this one, so it was not restored "
                 "and this library is as it was. To work with that library, open its own "
                 "folder; to put it in place of this library all the same, use “panel-brief "
                 "restore --anyway” (this library is kept as a backup)."), display);
  return FALSE;
}

/**
 * pb_library_restore:
 * @library_path: the library folder, with no PbLibrary open on it in this
 *   process (close it first)
 * @backup_path: the backup to restore (a library.db file)
 * @out_safety_copy: (out) (optional) (transfer full): as for
 *   pb_library_restore_full ()
 * @error: a #GError, or %NULL
 *
 * pb_library_restore_full () with %PB_RESTORE_NONE: another library's
 * backup is refused.
 *
 * Returns: as pb_library_restore_full ()
 */
gboolean
pb_library_restore (const char  *library_path,
                    const char  *backup_path,
                    char       **out_safety_copy,
                    GError     **error)
{
  return pb_library_restore_full (library_path, backup_path, PB_RESTORE_NONE, out_safety_copy, error);
}

/**
 * pb_library_restore_full:
 * @library_path: the library folder, with no PbLibrary open on it in this
 *   process (close it first)
 * @backup_path: the backup to restore (a library.db file)
 * @flags: whether another library's backup may be restored
 * @out_safety_copy: (out) (optional) (transfer full): where the state before
 *   the restore was kept: a backup in backups/, or the damaged library.db
 *   moved aside; %NULL when there was no library.db
 * @error: a #GError, or %NULL
 *
 * Puts @backup_path in place of the library's database, after checking it
 * with integrity_check and keeping the current state.
 *
 * Returns: %TRUE on success. Otherwise %FALSE with @error set, and the
 *   library as it was: PB_RESTORE_ERROR_DAMAGED_BACKUP (the backup does not
 *   check out), PB_RESTORE_ERROR_NEWER (made by a newer Panel Brief),
 *   PB_RESTORE_ERROR_IN_USE (another program has the library open),
 *   PB_RESTORE_ERROR_OTHER_LIBRARY (another library's backup, without
 *   %PB_RESTORE_ANY_LIBRARY), or a G_IO_ERROR (G_IO_ERROR_NO_SPACE for a
 *   full disk)
 */
gboolean
pb_library_restore_full (const char      *library_path,
                         const char      *backup_path,
                         PbRestoreFlags   flags,
                         char           **out_safety_copy,
                         GError         **error)
{
  g_autofree char *db_path = g_build_filename (library_path, "library.db", NULL);
  g_autofree char *session_path = _pb_library_lock_path (db_path);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *checked_path = g_strconcat (db_path, "-checked", NULL);
  g_autofree char *record_path = g_strconcat (db_path, "-session", NULL);
  g_autofree char *backups_dir = g_build_filename (library_path, "backups", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(PbBackup) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *label = "damaged";
  int session_fd;
  int partial_fd = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (library_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  if (!(backup = pb_backup_read (backup_path, &local_error)) ||
      !pb_backup_verify (backup, &local_error))
    {
      g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_DAMAGED_BACKUP,
                   _("“%s” cannot be restored: %s Choose another backup."),
                   backup_path, local_error->message);
      return FALSE;
    }

  if (pb_backup_get_version (backup) > (gint)pb_schema_latest_version ())
    {
      g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_NEWER,
                   _("“%s” was made by a newer version of Panel Brief. Update Panel Brief "
                     "to restore it."), backup_path);
      return FALSE;
    }

  if (!(flags & PB_RESTORE_ANY_LIBRARY) &&
      !check_same_library (db_path, backups_dir, backup, backup_path, error))
    return FALSE;
  ours = _pb_library_read_identity (db_path);

  if (g_mkdir_with_parents (library_path, 0700) != 0)
    return fail_errno (error, errno, _("the library folder could not be made"));

  /* Nobody else may have the library open while its database is replaced. */
  if ((session_fd = g_open (session_path, O_CREAT | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return fail_errno (error, errno, _("the library could not be locked"));
  if (flock (session_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (session_fd, NULL);
      g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_IN_USE,
                   _("The library is open in another window or program. Close it and "
                     "try again."));
      return FALSE;
    }

  if (!(partial = copy_in (backup_path, library_path, &partial_fd, error)))
    goto out;

  /* Keep the state being replaced: a checked backup when it can be read,
   * otherwise the file itself (with its journal) under a new name. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(PbLibrary) current = NULL;
      g_autoptr(GError) open_error = NULL;

      /* Opening it takes the session lock itself: let go of it meanwhile,
       * and take it back after (failing if someone came in between). */
      flock (session_fd, LOCK_UN);
      current = pb_library_open (library_path, &open_error);
      /* Another library's database dropped in is kept under a name that
       * says so, beside this library's backups. */
      if (g_error_matches (open_error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OTHER_LIBRARY))
        label = "other-library";
      if (current != NULL &&
          !pb_library_is_read_only (current))
        {
          g_autoptr(GError) backup_error = NULL;

          /* A sound library whose backup fails (a full disk) is not
           * replaced: nothing would be left of it but the file itself. */
          if (!(safety = pb_library_backup (current, PB_BACKUP_BEFORE_CHANGE, &backup_error)))
            {
              if (g_error_matches (backup_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
                fail_errno (error, ENOSPC, _("the library as it is could not be backed up first"));
              else
                g_set_error (error, backup_error->domain, backup_error->code,
                             _("The restore stopped, and the library is as it was: the library "
                               "as it is could not be backed up first. %s"), backup_error->message);
              goto out;
            }
        }
      else if (current != NULL)
        label = g_error_matches (pb_library_get_problem (current), PB_LIBRARY_ERROR,
                                 PB_LIBRARY_ERROR_DAMAGED) ? "damaged" : "before-restore";
      g_clear_object (&current);

      if (flock (session_fd, LOCK_EX | LOCK_NB) != 0)
        {
          g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_IN_USE,
                       _("The library is open in another window or program. Close it and "
                         "try again."));
          goto out;
        }

      if (safety == NULL)
        {
          g_autofree char *aside = aside_name (db_path, label);

          if (g_rename (db_path, aside) != 0)
            {
              fail_errno (error, errno, _("the library as it was could not be kept aside"));
              goto out;
            }
          safety = g_steal_pointer (&aside);
        }
    }

  /* A journal beside the old file belongs to it, never to the backup. An
   * empty one holds nothing and simply goes. */
  {
    GStatBuf st;

    if (g_stat (wal_path, &st) == 0 && st.st_size == 0)
      g_unlink (wal_path);
  }
  if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside = aside_name (wal_path, "set-aside");

      if (g_rename (wal_path, aside) != 0)
        {
          fail_errno (error, errno, _("the old journal file could not be kept aside"));
          goto out;
        }
    }
  g_unlink (shm_path);
  g_unlink (checked_path);

  if (g_rename (partial, db_path) != 0)
    {
      fail_errno (error, errno, _("the backup could not be put in place"));
      goto out;
    }
  g_clear_pointer (&partial, g_free);

  /* The folder now holds another library (asked for by name, or over an
   * empty one): its record of this library's sessions no longer says whose
   * the folder is, and would make the next open refuse the database. */
  {
    const char *theirs = pb_backup_get_library_uuid (backup);

    if (ours != NULL && theirs != NULL && g_ascii_strcasecmp (ours, theirs) != 0)
      g_unlink (record_path);
  }

  {
    int dir_fd = g_open (library_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        g_close (dir_fd, NULL);
      }
  }


  g_debug ("Restored %s from %s; the state before is kept at %s",
             db_path, backup_path, safety ? safety : "(none)");
  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);
  ok = TRUE;

out:
  if (partial != NULL)
    g_unlink (partial);
  if (partial_fd >= 0)
    g_close (partial_fd, NULL);
  g_close (session_fd, NULL);
  return ok;
}

/**
 * pb_library_find_latest_good_backup:
 * @library_path: the library folder
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the path of the newest backup in backups/ that
 *   passes integrity_check and is a backup of this library (see
 *   pb_library_folder_list_backups ()); or %NULL with
 *   PB_RESTORE_ERROR_NO_BACKUP
 */
char *
pb_library_find_latest_good_backup (const char  *library_path,
                                    GError     **error)
{
  g_autofree char *folder = g_build_filename (library_path, "backups", NULL);
  g_autoptr(GPtrArray) backups = pb_library_folder_list_backups (library_path);

  for (guint i = 0; i < backups->len; i++)
    {
      PbBackup *backup = g_ptr_array_index (backups, i);

      if (pb_backup_verify (backup, NULL))
        return g_strdup (pb_backup_get_path (backup));
    }

  /* Backups of another library (the one this folder held before a restore
   * with --anyway, say) are never taken for this one's, but are named. */
  {
    g_autoptr(GPtrArray) all = pb_backups_list_for (folder, NULL);

    if (all->len > 0)
      {
        g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_NO_BACKUP,
                     _("There is no good backup of this library in “%s”: the backups there are "
                       "of another library. “panel-brief backup --list” lists them; to restore "
                       "one in place of this library, name it with “panel-brief restore "
                       "--anyway”."), folder);
        return NULL;
      }
  }
  g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_NO_BACKUP,
               _("There is no good backup of this library in “%s”."), folder);
  return NULL;
}
