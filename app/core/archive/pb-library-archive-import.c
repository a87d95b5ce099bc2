/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-import.h"
#include "pb-library-archive-private.h"
#include "pb-library-private.h"
#include "pb-restore.h"
#include "pb-temp-file.h"

/* Opening a library archive: a new library made from it, or the archive
 * merged into an existing one.
 *
 * An import that is refused leaves nothing behind. So everything that can
 * refuse it is checked before the first file is placed: the manifest, the
 * name and checksum of every entry, the library's lock and whether it can
 * be written. Only then are files placed, each report file under a journal
 * (pb_import_journal_begin ()) until the rows that list it are committed, so
 * that a process killed part-way leaves files the next import removes, not
 * orphans. If it fails after all, the files it placed go again (unless a row
 * that another process committed meanwhile lists them), and of a new library
 * the folders it made go too. */

/* What this import made, to be undone if it fails. */
typedef struct
{
  char       *library_path;
  char       *reports_dir;
  gboolean    made_library_dir;
  gboolean    made_reports_dir;
  GPtrArray  *placed;         /* SHA-256s placed in reports/ */
  GArray     *journals;       /* their journals' descriptors, in the same order */
  char       *extracted;      /* the archive's database, taken out */
  int         extracted_fd;   /* held, and locked, while it is in use */
} Placement;

static void
placement_init (Placement  *placement,
                const char *library_path)
{
  placement->library_path = g_strdup (library_path);
  placement->reports_dir = g_build_filename (library_path, "reports", NULL);
  placement->placed = g_ptr_array_new_with_free_func (g_free);
  placement->journals = g_array_new (FALSE, FALSE, sizeof (int));
  placement->extracted_fd = -1;
}

/* Lets go of the journals: the files they marked are now listed by rows. */
static void
placement_commit (Placement *placement)
{
  for (guint i = 0; i < placement->placed->len; i++)
    pb_import_journal_end (placement->reports_dir, g_ptr_array_index (placement->placed, i),
                           g_array_index (placement->journals, int, i));
  g_ptr_array_set_size (placement->placed, 0);
  g_array_set_size (placement->journals, 0);
}

/* Whether a row in the library now lists @sha256, asked under the write
 * lock so that no import is between placing it and committing; when that
 * cannot be known, it counts as listed and the file is kept. */
static gboolean
is_listed (sqlite3    *db,
           const char *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db, "SELECT 1 FROM reports WHERE sha256 = ?1", NULL)))
    return TRUE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) != SQLITE_DONE;
}

/* Undoes what this import placed and made. */
static void
placement_undo (Placement *placement)
{
  g_autofree char *db_path = g_build_filename (placement->library_path, "library.db", NULL);
  gboolean has_db = g_file_test (db_path, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;

  if (placement->placed->len > 0 && has_db &&
      (db = pb_db_open (db_path, FALSE, NULL)) != NULL && !pb_db_begin (db, NULL))
    g_clear_pointer (&db, pb_db_close);

  for (guint i = 0; i < placement->placed->len; i++)
    {
      const char *sha256 = g_ptr_array_index (placement->placed, i);
      g_autofree char *name = g_strconcat (sha256, ".pdf", NULL);
      g_autofree char *path = g_build_filename (placement->reports_dir, name, NULL);
      int journal = g_array_index (placement->journals, int, i);

      if (has_db && db == NULL)
        {
          /* Not known whether another process has listed it since: the
           * journal stays, for the next import to settle. */
          g_close (journal, NULL);
          continue;
        }
      /* Another process may have imported the same report since, and found
       * the file in place: then it is that report's. */
      if (!has_db || !is_listed (db, sha256))
        g_unlink (path);
      pb_import_journal_end (placement->reports_dir, sha256, journal);
    }
  g_ptr_array_set_size (placement->placed, 0);
  g_array_set_size (placement->journals, 0);

  if (db != NULL)
    {
      pb_db_rollback (db);
      pb_db_close (db);
    }

  /* Folders this import made go if nothing else came into them. */
  if (placement->made_reports_dir)
    g_rmdir (placement->reports_dir);
  if (placement->made_library_dir)
    {
      g_autofree char *session = g_strconcat (db_path, "-session", NULL);

      if (pb_temp_file_is_unlocked (session))
        g_unlink (session);
      g_rmdir (placement->library_path);
    }
}

static void
placement_clear (Placement *placement)
{
  if (placement->extracted != NULL)
    {
      static const char * const sides[] = { "", "-journal", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
        {
          g_autofree char *path = g_strconcat (placement->extracted, sides[i], NULL);

          g_unlink (path);
        }
    }
  if (placement->extracted_fd >= 0)
    g_close (placement->extracted_fd, NULL);
  g_clear_pointer (&placement->extracted, g_free);
  g_clear_pointer (&placement->placed, g_ptr_array_unref);
  g_clear_pointer (&placement->journals, g_array_unref);
  g_clear_pointer (&placement->reports_dir, g_free);
  g_clear_pointer (&placement->library_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Placement, placement_clear)

/* Every entry of the manifest is the library's database or a report file
 * named by its own checksum, and is in the archive as the manifest says:
 * read through once, before anything is written. */
static gboolean
check_entries (zip_t            *zip,
               GHashTable       *entries,
               ArchiveProgress  *progress,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  const char *name, *sha;
  guint done = 0, total = g_hash_table_size (entries);

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&sha))
    {
      if (!g_str_equal (name, DATABASE_NAME))
        {
          g_autofree char *expected = g_strconcat ("reports/", sha, ".pdf", NULL);

          /* No path of its own: the name must be the checksum's. */
          if (!g_str_equal (name, expected) || !pb_import_is_report_file_name (expected + strlen ("reports/")))
            {
              g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                           _("The archive is damaged: “%s” is not a file a library archive holds. "
                             "Nothing was changed."), name);
              return FALSE;
            }
        }
      if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
        return FALSE;
      if (!_pb_archive_extract (zip, name, sha, -1, NULL, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s Nothing was changed."), local_error->message);
          return FALSE;
        }
      _pb_archive_report (progress, (double)++done / total);
    }
  return TRUE;
}

/* Places each report file of the archive that reports/ lacks, through a
 * locked partial file, under a journal until the caller commits. */
static gboolean
place_reports (zip_t            *zip,
               GHashTable       *entries,
               Placement        *placement,
               ArchiveProgress  *progress,
               guint            *files_added,
               GError          **error)
{
  GHashTableIter iter;
  const char *name, *sha;
  guint done = 0, total = g_hash_table_size (entries);

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&sha))
    {
      g_autofree char *final_name = NULL;
      g_autofree char *final_path = NULL;
      g_autofree char *partial = NULL;
      int fd, journal;

      done++;
      if (!g_str_has_prefix (name, "reports/"))
        continue;
      final_name = g_strconcat (sha, ".pdf", NULL);
      final_path = g_build_filename (placement->reports_dir, final_name, NULL);
      if (g_file_test (final_path, G_FILE_TEST_EXISTS))
        continue;

      if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
        return FALSE;

      partial = g_build_filename (placement->reports_dir, ".import-XXXXXX.part", NULL);
      if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600)) < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       saved_errno == ENOSPC ? _("The disk is full: the archive could not be opened. "
                                                 "Free some space and try again.")
                                             : _("The report files could not be stored: %s."),
                       g_strerror (saved_errno));
          return FALSE;
        }
      pb_temp_file_lock (fd);
      if (!_pb_archive_extract (zip, name, sha, fd, partial, error) ||
          (journal = pb_import_journal_begin (placement->reports_dir, sha, error)) < 0)
        {
          g_close (fd, NULL);
          g_unlink (partial);
          return FALSE;
        }
      if (g_rename (partial, final_path) != 0)
        {
          int saved_errno = errno;

          pb_import_journal_end (placement->reports_dir, sha, journal);
          g_close (fd, NULL);
          g_unlink (partial);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The report files could not be stored: %s."), g_strerror (saved_errno));
          return FALSE;
        }
      g_ptr_array_add (placement->placed, g_strdup (sha));
      g_array_append_val (placement->journals, journal);
      g_close (fd, NULL);
      (*files_added)++;
      _pb_archive_report (progress, (double)done / total);
    }

  return TRUE;
}

static gboolean
library_is_empty (const char *library_path)
{
  g_autofree char *db_path = g_build_filename (library_path, "library.db", NULL);
  g_autoptr(PbBackup) current = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  current = pb_backup_read (db_path, NULL);
  return current != NULL && pb_backup_get_n_reports (current) == 0 &&
         pb_backup_get_n_findings (current) == 0 && pb_backup_get_n_packs (current) == 0;
}

/* A new library is made by putting the archive's database in place, which
 * nobody else may have open: asked before anything is placed (restoring asks
 * again, and this import undoes what it placed if someone came meanwhile).
 * Every process that has a library open holds a lock on library.db-lock. */
static gboolean
check_not_in_use (const char  *library_path,
                  GError     **error)
{
  g_autofree char *db_path = g_build_filename (library_path, "library.db", NULL);
  g_autofree char *lock_path = _pb_library_lock_path (db_path);
  gboolean free_to_use = TRUE;
  int fd;

  if ((fd = g_open (lock_path, O_RDONLY | O_CLOEXEC, 0)) >= 0)
    {
      free_to_use = flock (fd, LOCK_EX | LOCK_NB) == 0;
      g_close (fd, NULL);
    }
  if (!free_to_use)
    g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_IN_USE,
                 _("The library is open in another window or program. Close it and try again; "
                   "nothing was changed."));
  return free_to_use;
}

/* Whether another program is writing to the library now (an import, say):
 * asked before anything is placed, without waiting, since once files are
 * placed a busy library could not be asked whether they are still wanted,
 * and they would be left for Check Library. */
static gboolean
check_not_busy (const char  *library_path,
                GError     **error)
{
  g_autofree char *db_path = g_build_filename (library_path, "library.db", NULL);
  sqlite3 *db;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!(db = pb_db_open (db_path, FALSE, error)))
    return FALSE;
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  pb_db_close (db);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_BUSY,
                   _("The library is busy in another program. Try again in a moment; "
                     "nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_dir (const char  *path,
          gboolean    *out_made,
          GError     **error)
{
  g_autofree char *display = NULL;
  int saved_errno;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_mkdir_with_parents (path, 0700) == 0)
    {
      *out_made = TRUE;
      return TRUE;
    }
  saved_errno = errno;
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The library folder “%s” could not be made: %s."), display, g_strerror (saved_errno));
  return FALSE;
}

/* Takes the archive's database out into the library folder, private and
 * locked while in use (a leftover Check Library lists if this is killed). */
static gboolean
extract_database (zip_t        *zip,
                  const char   *db_sha,
                  Placement    *placement,
                  GError      **error)
{
  placement->extracted = g_build_filename (placement->library_path,
                                           ARCHIVE_DB_PREFIX "XXXXXX" ARCHIVE_DB_SUFFIX, NULL);
  if ((placement->extracted_fd = g_mkstemp_full (placement->extracted, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (placement->library_path);

      g_clear_pointer (&placement->extracted, g_free);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The library folder “%s” cannot be written: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  pb_temp_file_lock (placement->extracted_fd);
  return _pb_archive_extract (zip, DATABASE_NAME, db_sha, placement->extracted_fd,
                              placement->extracted, error);
}

static gboolean
open_archive (const char  *archive_path,
              zip_t      **out_zip,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (archive_path);
  int zip_code = 0;

  if (g_file_test (archive_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("“%s” is a folder, not a library archive."), display);
      return FALSE;
    }
  if (!(*out_zip = zip_open (archive_path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_code)))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   zip_code == ZIP_ER_NOENT ? _("“%s” does not exist.")
                                            : _("“%s” is not a Panel Brief library archive."),
                   display);
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_archive_is_library_archive:
 * @path: (type filename): a file
 *
 * Returns: whether @path is a library archive (a zip holding a manifest of
 *   this format), whatever its name: to tell a user who gives one where a
 *   backup is wanted what to do with it
 */
gboolean
pb_archive_is_library_archive (const char *path)
{
  g_autoptr(GHashTable) entries = NULL;
  zip_t *zip;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || !(zip = zip_open (path, ZIP_RDONLY, NULL)))
    return FALSE;
  entries = _pb_archive_read_manifest (zip, NULL, NULL);
  zip_discard (zip);
  return entries != NULL;
}

/**
 * pb_archive_import_clear:
 * @result: a result filled in by pb_library_import_archive ()
 */
void
pb_archive_import_clear (PbArchiveImport *result)
{
  g_clear_pointer (&result->settings, json_object_unref);
}

/**
 * pb_library_import_archive:
 * @library_path: (type filename): the library folder: new or empty (a new
 *   library is made from the archive), or an existing library (the archive
 *   is merged into it). No PbLibrary may be open on it in this process.
 * @archive_path: (type filename): an archive made by
 *   pb_library_export_archive ()
 * @out_result: (out caller-allocates) (optional): what was done (for a new
 *   library, @merge counts what it holds); clear it with
 *   pb_archive_import_clear ()
 * @cancellable: (nullable): to stop; nothing is left behind
 * @progress_func: (nullable): called with the share done, 0 to 1
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Opens a library archive. Before anything is placed, every entry is
 * checked against the archive's manifest (its name and its checksum), and
 * the library is checked to be free (for a new library) and writable (for
 * a merge). A merge takes a backup of the library before it changes it,
 * and adds nothing twice. An import that fails or is refused leaves the
 * library as it was: the report files it placed are removed again, and of
 * a new library, the folders it made.
 *
 * Returns: %TRUE, or %FALSE with @error set to one sentence for the user:
 *   PB_ARCHIVE_ERROR (not an archive, damaged, newer),
 *   PB_RESTORE_ERROR_IN_USE, PB_LIBRARY_ERROR (a library that can only be
 *   read: its problem), G_IO_ERROR (G_IO_ERROR_NO_SPACE,
 *   G_IO_ERROR_CANCELLED)
 */
gboolean
pb_library_import_archive (const char             *library_path,
                           const char             *archive_path,
                           PbArchiveImport        *out_result,
                           GCancellable           *cancellable,
                           PbArchiveProgressFunc   progress_func,
                           gpointer                progress_data,
                           GError                **error)
{
  g_autofree char *library_abs = NULL;
  g_autofree char *archive_abs = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_auto(Placement) placement = { 0 };
  PbArchiveImport result = { 0 };
  ArchiveProgress progress = { progress_func, progress_data, 0, 0.3, cancellable };
  const char *db_sha;
  zip_t *zip = NULL;
  gboolean new_library;
  gboolean ok = FALSE;

  g_return_val_if_fail (library_path != NULL, FALSE);
  g_return_val_if_fail (archive_path != NULL, FALSE);

  library_abs = g_canonicalize_filename (library_path, NULL);
  archive_abs = g_canonicalize_filename (archive_path, NULL);
  placement_init (&placement, library_abs);

  /* Everything that can refuse the import, before anything is written. */
  if (!open_archive (archive_abs, &zip, error))
    return FALSE;
  if (!(entries = _pb_archive_read_manifest (zip, &result.settings, error)))
    goto out;
  if (!(db_sha = g_hash_table_lookup (entries, DATABASE_NAME)))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                   _("The archive is damaged: it holds no library. Nothing was changed."));
      goto out;
    }
  if (!check_entries (zip, entries, &progress, error))
    goto out;

  new_library = library_is_empty (library_abs);
  if (new_library)
    {
      if (!check_not_in_use (library_abs, error))
        goto out;
    }
  else if (!(library = pb_library_open (library_abs, error)) ||
           !pb_library_check_writable (library, error))
    {
      goto out;
    }
  if (!check_not_busy (library_abs, error))
    goto out;

  /* Then the files, each checked again as it is taken out. */
  if (!make_dir (library_abs, &placement.made_library_dir, error) ||
      !make_dir (placement.reports_dir, &placement.made_reports_dir, error))
    goto out;
  if (placement.made_library_dir)
    g_chmod (library_abs, 0700);

  progress.start = 0.3;
  progress.share = 0.05;
  if (!extract_database (zip, db_sha, &placement, error))
    goto out;
  _pb_archive_report (&progress, 1);

  /* The merge changes many rows: keep the library as it was first. */
  if (!new_library)
    {
      g_autofree char *backup = pb_library_backup (library, PB_BACKUP_BEFORE_CHANGE, error);

      if (backup == NULL)
        goto out;
    }

  progress.start = 0.35;
  progress.share = 0.5;
  if (!place_reports (zip, entries, &placement, &progress, &result.files_added, error))
    goto out;

  progress.start = 0.85;
  progress.share = 0.15;
  result.new_library = new_library;
  if (new_library)
    {
      /* The archive's database becomes this one's: what it holds is what
       * was brought. */
      g_autoptr(PbBackup) brought = pb_backup_read (placement.extracted, error);

      if (brought == NULL)
        goto out;
      result.merge.reports_added = pb_backup_get_n_reports (brought);
      result.merge.findings_added = pb_backup_get_n_findings (brought);
      result.merge.packs_added = pb_backup_get_n_packs (brought);
      if (!pb_library_restore (library_abs, placement.extracted, NULL, error))
        goto out;
    }
  else if (!pb_library_merge_database (library, placement.extracted, &result.merge, error))
    {
      goto out;
    }
  placement_commit (&placement);
  _pb_archive_report (&progress, 1);
  ok = TRUE;

out:
  if (!ok)
    {
      g_clear_object (&library);
      placement_undo (&placement);
    }
  zip_discard (zip);
  if (ok && out_result != NULL)
    *out_result = result;
  else
    pb_archive_import_clear (&result);
  return ok;
}
