/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-db.h"
#include "pb-import-private.h"
#include "pb-library-check-private.h"
#include "pb-library-private.h"

/* What imports that were killed leave in reports/, and what must never be
 * taken for it.
 *
 * A process killed part-way leaves one of two things, each with its own mark:
 * a partial copy named .import-XXXXXX.part, or, if it died between moving the
 * copy into place and committing, a journal .import-<sha256>.journal beside
 * reports/<sha256>.pdf. Only these marks make a file a leftover. A stored PDF
 * that no report row points at is never deleted for that alone: the database
 * may have been replaced by an older copy, and the file may be all that is left
 * of a report. It is an orphan, listed by pb_import_list_orphans (). */

static char *
journal_path_in (const char *reports_dir,
                 const char *sha256)
{
  g_autofree char *name = g_strconcat (PB_IMPORT_TEMP_PREFIX, sha256, PB_IMPORT_JOURNAL_SUFFIX, NULL);

  return g_build_filename (reports_dir, name, NULL);
}

char *
_pb_import_journal_path (PbLibrary  *library,
                         const char *sha256)
{
  return journal_path_in (_pb_library_get_reports_dir (library), sha256);
}

/* Creates and locks the journal of reports/<sha256>.pdf, on disk before the
 * file it marks; -1 with errno set on failure, leaving no journal. */
int
_pb_import_journal_open (const char *reports_dir,
                         const char *sha256)
{
  g_autofree char *path = journal_path_in (reports_dir, sha256);
  int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, PB_LIBRARY_FILE_MODE);

  if (fd < 0 || flock (fd, LOCK_EX) != 0 ||
      write (fd, sha256, strlen (sha256)) < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          g_unlink (path);
          g_close (fd, NULL);
        }
      errno = saved_errno;
      return -1;
    }
  return fd;
}

/**
 * pb_import_journal_begin:
 * @reports_dir: (type filename): a library's reports/ folder
 * @sha256: the SHA-256 of a report file about to be placed there as
 *   reports/<sha256>.pdf, before the row that lists it is committed
 * @error: a #GError, or %NULL
 *
 * Marks the file as placed and not yet committed: a journal
 * .import-<sha256>.journal, on disk before the file and locked for as long
 * as the returned descriptor is open. If the process dies before
 * pb_import_journal_end (), pb_import_clean_leftovers () removes the file
 * unless a report row or a backup lists it; it is never left as an orphan
 * for Check Library to re-attach.
 *
 * Returns: the journal's descriptor for pb_import_journal_end (); or -1 with
 *   @error set in %G_IO_ERROR (%G_IO_ERROR_NO_SPACE on a full disk)
 */
int
pb_import_journal_begin (const char  *reports_dir,
                         const char  *sha256,
                         GError     **error)
{
  int fd;

  g_return_val_if_fail (reports_dir != NULL, -1);
  g_return_val_if_fail (sha256 != NULL, -1);

  if ((fd = _pb_import_journal_open (reports_dir, sha256)) < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The disk is full: the report files could not be stored. Free some space "
                       "and try again."));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("The report files could not be stored: %s."), g_strerror (saved_errno));
    }
  return fd;
}

/**
 * pb_import_journal_end:
 * @reports_dir: (type filename): the reports/ folder given to
 *   pb_import_journal_begin ()
 * @sha256: the file's SHA-256
 * @fd: what pb_import_journal_begin () returned, or -1 (nothing is done)
 *
 * Removes the journal, once the row that lists the file is committed (the
 * file is the report's), or once the file is gone again.
 */
void
pb_import_journal_end (const char *reports_dir,
                       const char *sha256,
                       int         fd)
{
  g_autofree char *path = NULL;

  g_return_if_fail (reports_dir != NULL);
  g_return_if_fail (sha256 != NULL);

  if (fd < 0)
    return;
  path = journal_path_in (reports_dir, sha256);
  g_unlink (path);
  g_close (fd, NULL);
}

/**
 * pb_import_is_report_file_name:
 * @name: a file name, without its folder
 *
 * Returns: whether @name is that of a stored report: 64 lowercase hex digits
 *   (a SHA-256) and ".pdf".
 */
gboolean
pb_import_is_report_file_name (const char *name)
{
  return pb_library_is_report_file_name (name);
}

static int
compare_strings (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Unlinks @path when no other process holds a lock on it: a lock means an
 * import that is still running, here or in another process. */
static gboolean
remove_if_unlocked (const char *path)
{
  gboolean removed = FALSE;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    removed = g_unlink (path) == 0;

  g_close (fd, NULL);
  return removed;
}

/* A journal whose import is dead: the import placed reports/<sha256>.pdf and
 * did not live to commit. If the row is there after all (it died between the
 * commit and removing the journal), the file is the report's; otherwise the
 * file is this import's leftover and goes, unless a backup lists the report,
 * in which case it is kept for the backup's sake. */
static void
settle_journal (PbLibrary    *library,
                sqlite3_stmt *has_row,
                const char   *reports_dir,
                const char   *name)
{
  g_autofree char *journal = g_build_filename (reports_dir, name, NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *pdf_path = NULL;
  gsize prefix_len = strlen (PB_IMPORT_TEMP_PREFIX);
  gsize name_len = strlen (name);
  int fd;

  if (name_len != prefix_len + 64 + strlen (PB_IMPORT_JOURNAL_SUFFIX))
    return;

  sha256 = g_strndup (name + prefix_len, 64);
  if (strspn (sha256, "0123456789abcdef") != 64)
    return;

  if ((fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (fd, NULL);
      return;
    }

  sqlite3_reset (has_row);
  sqlite3_bind_text (has_row, 1, sha256, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (has_row))
    {
    case SQLITE_ROW:
      break;

    case SQLITE_DONE:
      pdf_name = g_strconcat (sha256, ".pdf", NULL);
      pdf_path = g_build_filename (reports_dir, pdf_name, NULL);
      if (_pb_library_backups_may_list (library, sha256))
        {
          g_debug ("Keeping %s, left by an import that did not finish: a backup lists it",
                   pdf_name);
        }
      else
        {
          g_debug ("Removing %s, left by an import that did not finish", pdf_name);
          g_unlink (pdf_path);
        }
      break;

    default:
      /* Not known either way: keep both, and look again next time. */
      g_close (fd, NULL);
      return;
    }

  g_unlink (journal);
  g_close (fd, NULL);
}

/**
 * pb_import_clean_leftovers:
 * @library: the library to tidy
 *
 * Deletes what imports that were killed left in reports/, recognised by their
 * own marks and nothing else: partial copies (.import-XXXXXX.part) and copies
 * moved into place whose commit never came (marked by .import-<sha256>.journal).
 * A mark still locked belongs to an import running now, perhaps in another
 * process, and is left alone. A stored PDF with no report row and no journal
 * is an orphan and is kept (see pb_import_list_orphans ()). The partial
 * files of a backup, restore or library import that was killed go too,
 * as `check --repair` removes them (none that a running process holds).
 *
 * Errors are not reported: anything that cannot be looked at is left as it is.
 */
void
pb_import_clean_leftovers (PbLibrary *library)
{
  g_autoptr(sqlite3_stmt) has_row = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *reports_dir;
  const char *name;
  sqlite3 *db;

  g_return_if_fail (PB_IS_LIBRARY (library));

  g_free (_pb_repair_temporaries (library));

  reports_dir = _pb_library_get_reports_dir (library);
  if (!(dir = g_dir_open (reports_dir, 0, NULL)))
    return;

  /* The write lock, so that no import in another process is between creating
   * its journal and locking it (it creates journals under the write lock). */
  if (!(db = _pb_library_open_connection (library, NULL)))
    return;
  if (!pb_db_begin (db, NULL) ||
      !(has_row = pb_db_prepare (db, "SELECT 1 FROM reports WHERE sha256 = ?1", NULL)))
    goto out;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, PB_IMPORT_TEMP_PREFIX))
        continue;

      if (g_str_has_suffix (name, PB_IMPORT_TEMP_SUFFIX))
        {
          path = g_build_filename (reports_dir, name, NULL);
          if (remove_if_unlocked (path))
            g_debug ("Removed %s, left by an import that did not finish", name);
        }
      else if (g_str_has_suffix (name, PB_IMPORT_JOURNAL_SUFFIX))
        {
          settle_journal (library, has_row, reports_dir, name);
        }
    }

out:
  g_clear_pointer (&has_row, sqlite3_finalize);
  pb_db_rollback (db);
  pb_db_close (db);
}

static gboolean
is_unlocked (const char *path)
{
  gboolean unlocked;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  unlocked = flock (fd, LOCK_SH | LOCK_NB) == 0;
  g_close (fd, NULL);
  return unlocked;
}

/**
 * pb_import_list_leftovers:
 * @library: the library to look in
 *
 * Lists the marks of imports that were killed: partial copies and journals
 * in reports/ that no running import holds. pb_import_clean_leftovers ()
 * settles them.
 *
 * Returns: (transfer full) (element-type filename): their paths, sorted
 */
GPtrArray *
pb_import_list_leftovers (PbLibrary *library)
{
  g_autoptr(GPtrArray) leftovers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(dir = g_dir_open (_pb_library_get_reports_dir (library), 0, NULL)))
    return g_steal_pointer (&leftovers);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, PB_IMPORT_TEMP_PREFIX) ||
          (!g_str_has_suffix (name, PB_IMPORT_TEMP_SUFFIX) &&
           !g_str_has_suffix (name, PB_IMPORT_JOURNAL_SUFFIX)))
        continue;

      path = g_build_filename (_pb_library_get_reports_dir (library), name, NULL);
      if (is_unlocked (path))
        g_ptr_array_add (leftovers, g_steal_pointer (&path));
    }

  g_ptr_array_sort (leftovers, (GCompareFunc)compare_strings);
  return g_steal_pointer (&leftovers);
}

/**
 * pb_import_list_orphans:
 * @library: the library to look in
 * @error: a #GError, or %NULL
 *
 * Lists the stored PDFs in reports/ that no report row points at and that no
 * import is placing: what a database replaced by an older copy, or emptied,
 * has lost track of. They are never deleted; re-importing one from its own
 * file (pb_library_dup_report_path ()) reads its text and structure again.
 * Files kept only because a backup lists a report that was removed since are
 * not orphans and are not listed.
 *
 * Returns: (transfer full) (element-type utf8): the SHA-256 checksums (64
 *   lowercase hex digits), sorted; or %NULL with @error set from the
 *   database (PB_DB_ERROR) if the library could not be read.
 */
GPtrArray *
pb_import_list_orphans (PbLibrary  *library,
                        GError    **error)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) has_row = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *reports_dir;
  const char *name;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  reports_dir = _pb_library_get_reports_dir (library);
  if (!(dir = g_dir_open (reports_dir, 0, NULL)))
    return g_steal_pointer (&orphans);

  db = _pb_library_get_db (library);
  if (!(has_row = pb_db_prepare (db,
                                 "SELECT 1 FROM reports WHERE sha256 = ?1"
                                 " UNION ALL SELECT 1 FROM removed_reports WHERE sha256 = ?1",
                                 error)))
    return NULL;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *sha256 = NULL;
      g_autofree char *journal = NULL;
      int rc;

      if (!pb_import_is_report_file_name (name))
        continue;

      sha256 = g_strndup (name, 64);
      journal = _pb_import_journal_path (library, sha256);
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        continue;

      sqlite3_reset (has_row);
      sqlite3_bind_text (has_row, 1, sha256, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (has_row);
      if (rc == SQLITE_DONE)
        g_ptr_array_add (orphans, g_steal_pointer (&sha256));
      else if (rc != SQLITE_ROW)
        {
          pb_db_set_error (db, rc, error);
          return NULL;
        }
    }

  g_ptr_array_sort (orphans, (GCompareFunc)compare_strings);
  return g_steal_pointer (&orphans);
}
