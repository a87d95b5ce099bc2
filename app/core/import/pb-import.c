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
#include "pb-library-private.h"
#include "pb-pdf-content.h"
#include "pb-pdf-open.h"
#include "pb-report-insert.h"
#include "pb-structure-pdf.h"

/* Importing one PDF:
 *
 *   1. copy it into reports/ under a temporary name, hashing as it goes, and
 *      check that it is a PDF at all;
 *   2. if the library already has that SHA-256, stop: it is a duplicate;
 *   3. open the copy with poppler and read metadata, each page's text and the
 *      report's structure (pb-pdf-content.c, pb-structure-pdf.c);
 *      if the library has a report with the same words on the same pages (the
 *      same report saved again, with new dates and identifiers), stop unless
 *      asked to import it anyway;
 *   4. in one transaction, insert the report and its pages
 *      (pb-report-insert.c), move the copy to reports/<sha256>.pdf and commit.
 *
 * Any failure or cancellation rolls back and deletes the copy, so a failed
 * import leaves neither rows nor files behind. The source file is only read.
 *
 * A process killed part-way leaves one of two things, each with its own mark:
 * a partial copy named .import-XXXXXX.part, or, if it died between moving the
 * copy into place and committing, a journal .import-<sha256>.journal beside
 * reports/<sha256>.pdf. Only these marks make a file a leftover. A stored PDF
 * that no report row points at is never deleted for that alone: the database
 * may have been replaced by an older copy, and the file may be all that is left
 * of a report (see pb_import_list_orphans ()). */

G_DEFINE_QUARK (pb-import-error-quark, pb_import_error)

static void
import_state_clear (PbImportState *state)
{
  /* The structure's thread may still be using the document. */
  _pb_import_join_structure (state);

  if (state->temp_path != NULL)
    g_unlink (state->temp_path);
  if (state->temp_fd >= 0)
    g_close (state->temp_fd, NULL);

  g_clear_pointer (&state->display_name, g_free);
  g_clear_pointer (&state->temp_path, g_free);
  g_clear_pointer (&state->sha256, g_free);
  g_clear_object (&state->document);
  g_clear_pointer (&state->content, pb_report_content_free);
  g_clear_pointer (&state->structure, pb_structure_free);
  g_clear_pointer (&state->page_extras, g_ptr_array_unref);
  g_clear_pointer (&state->title, g_free);
  g_clear_pointer (&state->notice, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PbImportState, import_state_clear)

void
_pb_import_report_progress (PbImportState *state,
                 double       fraction)
{
  if (state->progress != NULL)
    state->progress (CLAMP (fraction, 0.0, 1.0), state->progress_data);
}

/**
 * pb_import_status_to_string:
 * @status: an import's outcome
 *
 * Returns: "imported", "duplicate" or "error": the outcome as the command
 *   line prints it, never translated
 */
const char *
pb_import_status_to_string (PbImportStatus status)
{
  switch (status)
    {
    case PB_IMPORT_STATUS_IMPORTED:
      return "imported";

    case PB_IMPORT_STATUS_DUPLICATE:
      return "duplicate";

    case PB_IMPORT_STATUS_FAILED:
    default:
      return "error";
    }
}

void
_pb_import_set_storage_error (PbImportState  *state,
                   int           saved_errno,
                   GError      **error)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("There is not enough free disk space to import “%s”."),
                 state->display_name);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("“%s” could not be stored in the library: %s."),
                 state->display_name, g_strerror (saved_errno));
}

/* Rewords a database error so that the user learns which file it was about. */
static void
set_database_error (PbImportState  *state,
                    GError       *db_error,
                    GError      **error)
{
  if (g_error_matches (db_error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL))
    _pb_import_set_storage_error (state, ENOSPC, error);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("“%s” could not be added to the library. %s"),
                 state->display_name, db_error->message);
}

static gboolean
open_document (PbImportState  *state,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean needs_none;

  /* Straight from poppler: the password given for this file, not one kept for
   * a file that was at this temporary path before. */
  state->document = pb_pdf_open_poppler_for_text (state->temp_path, state->password, &needs_none, &local_error);
  if (state->document != NULL && needs_none)
    {
      /* An owner password only: the file opens without one, and the one
       * given is neither kept nor asked for later. */
      state->password = NULL;
    }
  if (state->document != NULL)
    {
      /* For reading pages turned by /Rotate from an upright copy of the file,
       * which opens with the same password; forgotten after reading. */
      pb_pdf_document_set_path (state->document, state->temp_path);
      if (state->password != NULL)
        pb_pdf_remember_password (state->temp_path, state->password);
    }

  if (state->document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (state->password != NULL && *state->password != '\0')
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD,
                         _("The password for “%s” is not right."), state->display_name);
          else
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED,
                         _("“%s” is protected by a password."), state->display_name);
        }
      else
        {
          g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be read as a PDF."),
                       state->display_name);
        }
      return FALSE;
    }

  if (poppler_document_get_n_pages (state->document) < 1)
    {
      g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no pages."), state->display_name);
      return FALSE;
    }

  return TRUE;
}

/* Creates the journal that marks reports/<sha256>.pdf as placed by this import
 * and not yet committed, locked for as long as the import runs, and on disk
 * before the file it marks. Called with the write lock held, so that
 * pb_import_clean_leftovers (), which takes the write lock too, never sees a
 * journal between its creation and its lock. */
static gboolean
journal_open (PbImportState  *state,
              int          *out_fd,
              GError      **error)
{
  int fd = _pb_import_journal_open (_pb_library_get_reports_dir (state->library), state->sha256);

  if (fd < 0)
    {
      _pb_import_set_storage_error (state, errno, error);
      return FALSE;
    }

  *out_fd = fd;
  return TRUE;
}

static void
journal_close (PbImportState *state,
               int          fd)
{
  g_autofree char *path = NULL;

  if (fd < 0)
    return;

  path = _pb_import_journal_path (state->library, state->sha256);
  g_unlink (path);
  g_close (fd, NULL);
}

static void
pages_read_cb (double   fraction,
               gpointer user_data)
{
  _pb_import_report_progress (user_data, PB_IMPORT_COPY_SHARE + PB_IMPORT_PAGES_SHARE * fraction);
}

/* Moves the copy into place and commits. Returns the report id, 0 if another
 * import of the same file got there first, or -1 on error. */
static gint64
store (PbImportState  *state,
       GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *final_path = NULL;
  gboolean file_was_there;
  int journal_fd = -1;
  sqlite3 *db;
  gint64 report_id = -1;
  gint64 existing;

  if (!(db = _pb_library_open_connection (state->library, &db_error)))
    {
      set_database_error (state, db_error, error);
      return -1;
    }

  final_path = pb_library_dup_report_path (state->library, state->sha256);
  file_was_there = g_file_test (final_path, G_FILE_TEST_EXISTS);

  if (!pb_db_begin (db, &db_error))
    goto failed;

  /* Checked again under the write lock: another process may have imported the
   * same file since the first look. */
  if ((existing = _pb_library_lookup_report (db, state->sha256, &db_error)) != 0)
    {
      pb_db_rollback (db);
      pb_db_close (db);
      if (existing < 0)
        set_database_error (state, db_error, error);
      return existing < 0 ? -1 : 0;
    }

  if ((report_id = _pb_library_insert_report_pages (db, state->sha256, state->display_name,
                                                     state->byte_size, state->title, state->content,
                                                     &db_error)) < 0)
    goto failed;

  /* The structure, read meanwhile (_pb_import_start_structure ()). */
  _pb_import_join_structure (state);
  if (!_pb_library_insert_report_rest (db, report_id, state->sha256, state->content,
                                       state->page_extras, state->structure, &db_error))
    goto failed;

  if (g_cancellable_set_error_if_cancelled (state->cancellable, error))
    {
      pb_db_rollback (db);
      pb_db_close (db);
      return -1;
    }

  /* A file this import puts into reports/ is marked by a journal until the
   * commit, so that if the process dies in between, the file is known for a
   * leftover of this import and not for an orphan that some database needs.
   * A file that was there already is someone else's and needs no mark. */
  if ((!file_was_there && !journal_open (state, &journal_fd, error)) ||
      !_pb_import_sync_copy (state, error))
    {
      pb_db_rollback (db);
      pb_db_close (db);
      journal_close (state, journal_fd);
      return -1;
    }

  if (g_rename (state->temp_path, final_path) != 0)
    {
      int saved_errno = errno;
      pb_db_rollback (db);
      pb_db_close (db);
      journal_close (state, journal_fd);
      _pb_import_set_storage_error (state, saved_errno, error);
      return -1;
    }
  g_clear_pointer (&state->temp_path, g_free);

  if (!pb_db_commit (db, &db_error))
    {
      /* The row is gone, so the file this import placed goes too. */
      if (!file_was_there)
        g_unlink (final_path);
      journal_close (state, journal_fd);
      goto failed;
    }

  journal_close (state, journal_fd);
  pb_db_close (db);
  return report_id;

failed:
  pb_db_rollback (db);
  pb_db_close (db);
  set_database_error (state, db_error, error);
  return -1;
}

/* The title a report is listed under, for a sentence about it. */
static char *
lookup_title (PbLibrary *library,
              gint64     report_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;
  sqlite3 *db = _pb_library_open_connection (library, NULL);

  if (db != NULL && (stmt = pb_db_prepare (db, "SELECT title FROM reports WHERE id = ?1", NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, report_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        title = g_strdup (pb_db_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  pb_db_close (db);
  return g_steal_pointer (&title);
}

/* A name beside @path that no file has: "<path>.<label>-<UTC time>". */
char *
_pb_import_aside_path (const char *path,
                       const char *label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  char *aside = g_strdup_printf ("%s.%s-%s", path, label, stamp);

  for (guint i = 1; g_file_test (aside, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.%s-%s-%u", path, label, stamp, i);
    }
  return aside;
}

/* A duplicate whose stored copy is missing, or is no longer the file that
 * was imported (its content does not hash to its name), gets it back from
 * this import, which is that file. A changed copy is kept aside under a new
 * name, never deleted: it may be all there is of someone's edits. Returns
 * what was done, in a sentence for the user, or NULL when the stored copy
 * was sound (or could not be mended: Check Library still says so). */
static char *
mend_stored_copy (PbImportState *state,
                  gint64         report_id)
{
  g_autofree char *final_path = pb_library_dup_report_path (state->library, state->sha256);
  g_autofree char *actual = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *title = NULL;

  if (!_pb_import_sync_copy (state, NULL))
    return NULL;

  if (!g_file_test (final_path, G_FILE_TEST_EXISTS))
    {
      if (g_rename (state->temp_path, final_path) != 0)
        return NULL;
      g_clear_pointer (&state->temp_path, g_free);
      title = lookup_title (state->library, report_id);
      return g_strdup_printf (_("The library’s copy of “%s” was missing: “%s” has taken its place."),
                              title ? title : state->display_name, state->display_name);
    }

  actual = _pb_import_hash_file (final_path, state->cancellable, NULL);
  if (actual == NULL || g_str_equal (actual, state->sha256))
    return NULL;

  aside = _pb_import_aside_path (final_path, "damaged");
  if (g_rename (final_path, aside) != 0)
    return NULL;
  if (g_rename (state->temp_path, final_path) != 0)
    {
      g_rename (aside, final_path);
      return NULL;
    }
  g_clear_pointer (&state->temp_path, g_free);

  title = lookup_title (state->library, report_id);
  aside_name = g_path_get_basename (aside);
  return g_strdup_printf (_("The library’s copy of “%s” had changed since it was imported: “%s” "
                            "has taken its place, and the changed copy is kept as reports/%s."),
                          title ? title : state->display_name, state->display_name, aside_name);
}

/**
 * pb_import_file:
 *
 * pb_import_file_full () with no flags.
 */
gboolean
pb_import_file (PbLibrary             *library,
                GFile                 *file,
                const char            *password,
                GCancellable          *cancellable,
                PbImportProgressFunc   progress,
                gpointer               progress_data,
                PbImportStatus        *out_status,
                gint64                *out_report_id,
                GError               **error)
{
  return pb_import_file_full (library, file, password, PB_IMPORT_DEFAULT, cancellable,
                              progress, progress_data, out_status, out_report_id, error);
}

/**
 * pb_import_file_full:
 *
 * pb_import_file_with_notice () without a notice.
 */
gboolean
pb_import_file_full (PbLibrary             *library,
                     GFile                 *file,
                     const char            *password,
                     PbImportFlags          flags,
                     GCancellable          *cancellable,
                     PbImportProgressFunc   progress,
                     gpointer               progress_data,
                     PbImportStatus        *out_status,
                     gint64                *out_report_id,
                     GError               **error)
{
  return pb_import_file_with_notice (library, file, password, flags, cancellable, progress,
                                     progress_data, out_status, out_report_id, NULL, error);
}

/* The report the library already has with this file's checksum: its id,
 * 0 for none, or -1 with @error set. */
static gint64
lookup_existing (PbImportState  *state,
                 GError        **error)
{
  g_autoptr(GError) db_error = NULL;
  sqlite3 *db = _pb_library_open_connection (state->library, &db_error);
  gint64 existing = db != NULL ? _pb_library_lookup_report (db, state->sha256, &db_error) : -1;

  pb_db_close (db);
  if (existing < 0)
    set_database_error (state, db_error, error);
  return existing;
}

/* The file is report @existing already: mends its stored copy if need be,
 * and says so. */
static gboolean
found_duplicate (PbImportState   *state,
                 gint64           existing,
                 PbImportStatus  *out_status,
                 gint64          *out_report_id,
                 char           **out_notice)
{
  state->notice = mend_stored_copy (state, existing);

  /* A password given again opens the stored copy for the session, if it is
   * the right one. */
  if (state->password != NULL && *state->password != '\0')
    {
      g_autofree char *stored = pb_library_dup_report_path (state->library, state->sha256);
      PopplerDocument *document = pb_pdf_open (stored, state->password, NULL);

      g_clear_object (&document);
    }

  if (out_status != NULL)
    *out_status = PB_IMPORT_STATUS_DUPLICATE;
  if (out_report_id != NULL)
    *out_report_id = existing;
  if (out_notice != NULL)
    *out_notice = g_steal_pointer (&state->notice);
  _pb_import_report_progress (state, 1.0);
  return TRUE;
}

/* The import itself: see pb_import_file_with_notice () and
 * _pb_import_file_in_turn (). */
static gboolean
import_file (PbLibrary             *library,
             GFile                 *file,
             const char            *password,
             PbImportFlags          flags,
             GCancellable          *cancellable,
             PbImportProgressFunc   progress,
             gpointer               progress_data,
             PbImportTurnFunc       wait_turn,
             gpointer               turn_data,
             PbImportStatus        *out_status,
             gint64                *out_report_id,
             char                 **out_notice,
             GError               **error)
{
  g_auto(PbImportState) state = { .temp_fd = -1 };
  g_autoptr(GError) db_error = NULL;
  gint64 report_id;
  gint64 existing;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state.library = library;
  state.file = file;
  state.password = password;
  state.flags = flags;
  state.cancellable = cancellable;
  state.progress = progress;
  state.progress_data = progress_data;
  /* The name as the user sees it, valid UTF-8 whatever bytes the file system
   * holds: it is stored, shown and written into JSON. The GFile keeps the
   * bytes for reading the file. */
  {
    g_autofree char *basename = g_file_get_basename (file);

    state.display_name = g_filename_display_name (basename);
  }

  if (out_status != NULL)
    *out_status = PB_IMPORT_STATUS_FAILED;
  if (out_report_id != NULL)
    *out_report_id = 0;
  if (out_notice != NULL)
    *out_notice = NULL;

  if (!pb_library_check_writable (library, error))
    return FALSE;

  if (!_pb_import_copy_and_hash (&state, error))
    return FALSE;

  /* A read-only look first, so a duplicate never waits for the write lock. */
  if ((existing = lookup_existing (&state, error)) < 0)
    return FALSE;
  if (existing > 0)
    return found_duplicate (&state, existing, out_status, out_report_id, out_notice);

  if (!open_document (&state, error))
    return FALSE;

  state.content = pb_pdf_read_content_with_threads (state.document, (flags & PB_IMPORT_ONE_THREAD) ? 1 : 0,
                                                    cancellable, pages_read_cb, &state, error);
  if (state.content != NULL)
    pb_pdf_read_raw_markups (state.content, state.document, state.temp_path);
  pb_pdf_remember_password (state.temp_path, NULL);
  if (state.content == NULL)
    return FALSE;

  /* Read before the write transaction, so that no other import waits on it,
   * and before this import's turn, so that it overlaps the others'; when
   * this import has the cores to itself, on a thread beside the storing of
   * the pages. From here to the join in store (), this thread leaves the
   * document alone. */
  _pb_import_start_structure (&state, !(flags & PB_IMPORT_ONE_THREAD) &&
                                      g_get_num_processors () > 1);

  /* In a batch, the checks against the library and the commit come in the
   * files' order, so that a batch read in parallel ends as one imported
   * file after another would: the same report ids, the same copies found. */
  if (wait_turn != NULL)
    {
      wait_turn (turn_data);

      /* An earlier file of the batch may have been this very file. */
      if ((existing = lookup_existing (&state, error)) < 0)
        return FALSE;
      if (existing > 0)
        return found_duplicate (&state, existing, out_status, out_report_id, out_notice);
    }

  if (!(flags & PB_IMPORT_ANYWAY) && state.content->fingerprint != NULL)
    {
      g_autofree char *title = NULL;
      sqlite3 *db = _pb_library_open_connection (library, &db_error);
      gint64 same = db != NULL ? _pb_library_lookup_fingerprint (db, state.content->fingerprint,
                                                                 &title, &db_error) : -1;

      pb_db_close (db);
      if (same < 0)
        {
          set_database_error (&state, db_error, error);
          return FALSE;
        }
      if (same > 0)
        {
          if (out_report_id != NULL)
            *out_report_id = same;
          g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT,
                       _("“%s” is already in the library as “%s”: the same pages, saved again."),
                       state.display_name, title);
          return FALSE;
        }
    }

  if (state.content->title != NULL)
    {
      state.title = g_strdup (state.content->title);
    }
  else if (pb_import_is_report_file_name (state.display_name))
    {
      /* An orphan re-attached from reports/: its name is its checksum,
       * which says nothing to a reader. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%-d %B %Y");

      state.title = g_strdup_printf (_("Report re-attached on %s"), date);
    }
  else
    {
      g_autofree char *base = g_strdup (state.display_name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".pdf") == 0)
        *dot = '\0';
      state.title = g_strdup (base);
    }

  if ((report_id = store (&state, error)) < 0)
    return FALSE;

  /* The password opens the stored copy for the rest of the session (none is
   * kept where the file needed none). */
  if (state.password != NULL && *state.password != '\0')
    {
      g_autofree char *stored = pb_library_dup_report_path (library, state.sha256);
      pb_pdf_remember_password (stored, password);
    }

  if (report_id == 0)
    {
      /* Lost a race with another import of the same file: it is a duplicate. */
      g_autoptr(GError) lookup_error = NULL;
      sqlite3 *db = _pb_library_open_connection (library, &lookup_error);

      report_id = db != NULL ? _pb_library_lookup_report (db, state.sha256, &lookup_error) : -1;
      pb_db_close (db);
      if (out_status != NULL)
        *out_status = PB_IMPORT_STATUS_DUPLICATE;
    }
  else if (out_status != NULL)
    {
      *out_status = PB_IMPORT_STATUS_IMPORTED;
    }

  if (out_report_id != NULL)
    *out_report_id = report_id;

  _pb_import_report_progress (&state, 1.0);

  return TRUE;
}

/**
 * pb_import_file_with_notice:
 * @library: the library to import into
 * @file: the PDF to import; it is only read
 * @password: (nullable): the password, for an encrypted PDF; kept in memory
 *   for the session once it opens the file (see pb_pdf_remember_password ())
 * @flags: %PB_IMPORT_ANYWAY to import a copy of a report saved again
 * @progress: (nullable): called as the import advances, from this thread
 * @out_status: (out): imported or duplicate (the same file)
 * @out_report_id: (out): the id of the new or existing report; and on
 *   %PB_IMPORT_ERROR_SAME_CONTENT, of the report with the same pages
 * @out_notice: (out) (optional) (transfer full) (nullable): something the
 *   import set right that the user should hear about, in a sentence: a
 *   duplicate whose stored copy was missing or changed (it no longer
 *   hashed to its name) has been given this file in its place, the changed
 *   copy kept beside it as reports/<sha256>.pdf.damaged-<UTC time>; %NULL
 *   when there was nothing
 *
 * Imports one PDF. Safe to call from any thread. On failure nothing is left
 * behind in the library and @error says why, in a sentence meant for the
 * user: %PB_IMPORT_ERROR_SAME_CONTENT when the library has the same report,
 * saved again, and @flags do not say to import it anyway.
 */
gboolean
pb_import_file_with_notice (PbLibrary             *library,
                            GFile                 *file,
                            const char            *password,
                            PbImportFlags          flags,
                            GCancellable          *cancellable,
                            PbImportProgressFunc   progress,
                            gpointer               progress_data,
                            PbImportStatus        *out_status,
                            gint64                *out_report_id,
                            char                 **out_notice,
                            GError               **error)
{
  return import_file (library, file, password, flags, cancellable, progress, progress_data,
                      NULL, NULL, out_status, out_report_id, out_notice, error);
}

/* pb_import_file_with_notice (), calling @wait_turn (on this thread) once
 * the file is read, before the library is looked at for a copy with the
 * same pages and before the commit: for a batch that commits in order. */
gboolean
_pb_import_file_in_turn (PbLibrary             *library,
                         GFile                 *file,
                         const char            *password,
                         PbImportFlags          flags,
                         GCancellable          *cancellable,
                         PbImportProgressFunc   progress,
                         gpointer               progress_data,
                         PbImportTurnFunc       wait_turn,
                         gpointer               turn_data,
                         PbImportStatus        *out_status,
                         gint64                *out_report_id,
                         char                 **out_notice,
                         GError               **error)
{
  return import_file (library, file, password, flags, cancellable, progress, progress_data,
                      wait_turn, turn_data, out_status, out_report_id, out_notice, error);
}
