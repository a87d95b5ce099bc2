/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-report-private.h"
#include "pb-report-store.h"
#include "pb-report-columns.h"

/* Reports in the library: listing, looking up, their page texts, removal. */

/* Builds a report snapshot from a row whose columns are PB_REPORT_COLUMNS,
 * or NULL when a column the schema requires is missing: only damage makes
 * such a row (a damaged page yields rows of NULLs, id 0), and it must never
 * reach the user as a report called "(null)" or a path made from no
 * checksum. The caller reports the damage. */
PbReport *
_pb_report_new_from_stmt (sqlite3_stmt *stmt)
{
  PbReport *report;

  if (sqlite3_column_type (stmt, 1) != SQLITE_TEXT ||
      sqlite3_column_bytes (stmt, 1) != 64 ||
      sqlite3_column_type (stmt, 2) != SQLITE_TEXT ||
      sqlite3_column_type (stmt, 3) != SQLITE_TEXT)
    return NULL;

  report = _pb_report_new ();

  report->id = sqlite3_column_int64 (stmt, 0);
  report->sha256 = g_strdup (pb_db_column_text (stmt, 1));
  report->title = g_strdup (pb_db_column_text (stmt, 2));
  report->file_name = g_strdup (pb_db_column_text (stmt, 3));
  report->byte_size = sqlite3_column_int64 (stmt, 4);
  report->page_count = (guint)sqlite3_column_int (stmt, 5);
  report->author = g_strdup (pb_db_column_text (stmt, 6));
  report->subject = g_strdup (pb_db_column_text (stmt, 7));
  report->producer = g_strdup (pb_db_column_text (stmt, 8));
  report->created = _pb_report_parse_time (pb_db_column_text (stmt, 9));
  report->imported_at = _pb_report_parse_time (pb_db_column_text (stmt, 10));
  report->has_text_layer = sqlite3_column_int (stmt, 11) != 0;
  report->is_tagged = sqlite3_column_int (stmt, 12) != 0;
  report->is_exempt = g_strcmp0 (pb_db_column_text (stmt, 13), "exempt") == 0;
  report->local_authority = g_strdup (pb_db_column_text (stmt, 14));
  report->document_type = pb_document_type_from_slug (pb_db_column_text (stmt, 15));
  pb_date_set_iso (&report->dates.start, pb_db_column_text (stmt, 16));
  pb_date_set_iso (&report->dates.end, pb_db_column_text (stmt, 17));
  pb_date_set_iso (&report->dates.published, pb_db_column_text (stmt, 18));
  pb_date_set_iso (&report->dates.stated, pb_db_column_text (stmt, 19));
  report->user_title = g_strdup (pb_db_column_text (stmt, 20));
  report->user_date = g_strdup (pb_db_column_text (stmt, 21));
  _pb_report_finish (report);

  return report;
}

/**
 * pb_library_list_reports:
 * @self: a library
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type PbReport): every report, the last
 *   imported first; or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_reports (PbLibrary  *self,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self),
                              "SELECT " PB_REPORT_COLUMNS " FROM reports "
                              "ORDER BY imported_at DESC, id DESC",
                              error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbReport *report = _pb_report_new_from_stmt (stmt);

      /* A row damage made is left out, and the damage is reported, so that
       * the library turns read-only and says so; the rows that can be read
       * are still shown. */
      if (report != NULL)
        g_ptr_array_add (reports, report);
      else
        pb_db_report_damage (_pb_library_get_db (self));
    }

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&reports);
}

static PbReport *
lookup_report (PbLibrary   *self,
               const char  *sql,
               const char  *text_key,
               gint64       int_key,
               const char  *what,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PbReport *report = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self), sql, error)))
    return NULL;

  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, int_key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* A row damage made is damage, not a report (and reports it). */
      if (!(report = _pb_report_new_from_stmt (stmt)))
        {
          pb_db_set_error (_pb_library_get_db (self), SQLITE_CORRUPT, error);
          return NULL;
        }
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                 _("No report “%s” in the library."), what);
  else
    pb_db_set_error (_pb_library_get_db (self), rc, error);

  if (report != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_clear_object (&report);
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” matches more than one report; give more of its checksum."), what);
    }

  return report;
}

/**
 * pb_library_get_report:
 * @self: a library
 * @id: a report's id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the report as it is now; or %NULL with @error
 *   set (%PB_LIBRARY_ERROR_NOT_FOUND, %PB_DB_ERROR)
 */
PbReport *
pb_library_get_report (PbLibrary  *self,
                       gint64      id,
                       GError    **error)
{
  g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  return lookup_report (self, "SELECT " PB_REPORT_COLUMNS " FROM reports WHERE id = ?1",
                        NULL, id, what, error);
}

/**
 * pb_library_find_report:
 * @id_or_sha256: a report id, or at least six leading characters of its SHA-256
 *
 * Finds a report the way a user names it on the command line.
 */
PbReport *
pb_library_find_report (PbLibrary   *self,
                        const char  *id_or_sha256,
                        GError     **error)
{
  g_autofree char *prefix = NULL;
  guint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id_or_sha256 != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_sha256, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      PbReport *report = pb_library_get_report (self, (gint64)id, &local_error);

      /* A checksum may start with digits only: "4018263517" is an id if
       * there is such a report, else the start of a checksum. */
      if (report != NULL || strlen (id_or_sha256) < 6 ||
          !g_error_matches (local_error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return report;
        }
    }

  if (strlen (id_or_sha256) < 6 || strspn (id_or_sha256, "0123456789abcdefABCDEF") != strlen (id_or_sha256))
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” is neither a report id nor the start of a report checksum."),
                   id_or_sha256);
      return NULL;
    }

  /* Hex digits only, so no LIKE wildcards can be in the prefix. */
  prefix = g_strconcat (id_or_sha256, "%", NULL);
  for (char *p = prefix; *p; p++)
    *p = g_ascii_tolower (*p);

  return lookup_report (self,
                        "SELECT " PB_REPORT_COLUMNS " FROM reports WHERE sha256 LIKE ?1",
                        prefix, 0, id_or_sha256, error);
}

/**
 * pb_library_dup_page_text:
 * @self: a library
 * @report_id: a report
 * @page_number: a page of it, from 1
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the page's text as import stored it (reading
 *   order, as search and quotes see it); or %NULL with @error set
 *   (%PB_LIBRARY_ERROR_NOT_FOUND for no such report or page, %PB_DB_ERROR)
 */
char *
pb_library_dup_page_text (PbLibrary  *self,
                          gint64      report_id,
                          guint       page_number,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self),
                              "SELECT text FROM report_pages "
                              "WHERE report_id = ?1 AND page_number = ?2",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int (stmt, 2, (int)page_number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (pb_db_column_text (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                 _("The report has no page %u."), page_number);
  else
    pb_db_set_error (_pb_library_get_db (self), rc, error);

  return NULL;
}

/**
 * pb_library_remove_report:
 * @self: a library
 * @id: a report
 * @error: a #GError, or %NULL
 *
 * Removes the report with its pages, structure and findings in one
 * transaction, then emits PbLibrary::report-removed. The row goes first: a
 * crash after it leaves the file as an orphan that the library check lists
 * and nothing deletes. The file itself is deleted only when no backup lists
 * the report (a backup that cannot be read counts as listing it), for
 * restoring that backup would need it; the report is then remembered as
 * removed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_LIBRARY_ERROR_NOT_FOUND,
 *   %PB_DB_ERROR), nothing then removed
 */
gboolean
pb_library_remove_report (PbLibrary  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) kept = NULL;
  g_autofree char *file_path = NULL;
  const char *sha256;
  gboolean keep_file;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (!(report = pb_library_get_report (self, id, error)))
    return FALSE;

  sha256 = pb_report_get_sha256 (report);
  keep_file = _pb_library_backups_may_list (self, sha256);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self), "DELETE FROM reports WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (keep_file &&
      !(kept = pb_db_prepare (_pb_library_get_db (self),
                              "INSERT OR REPLACE INTO removed_reports (sha256, title, removed_at)"
                              " VALUES (?1, ?2, ?3)",
                              error)))
    return FALSE;

  if (!pb_db_begin (_pb_library_get_db (self), error))
    return FALSE;

  if (kept != NULL)
    {
      g_autofree char *now = pb_db_now ();

      sqlite3_bind_text (kept, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kept, 2, pb_report_get_title (report), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kept, 3, now, -1, SQLITE_TRANSIENT);
    }

  if (!pb_db_step_done (stmt, error) ||
      (kept != NULL && !pb_db_step_done (kept, error)) ||
      !pb_db_commit (_pb_library_get_db (self), error))
    {
      pb_db_rollback (_pb_library_get_db (self));
      return FALSE;
    }

  /* The row goes first: a crash here leaves the file with no row, an orphan
   * that Check Library lists and nothing deletes. The file itself goes only
   * when no backup lists the report: restoring that backup would need it. */
  file_path = pb_library_dup_report_path (self, sha256);
  if (!keep_file && g_unlink (file_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", file_path, g_strerror (errno));

  _pb_library_emit_report_removed (self, id);

  return TRUE;
}

/**
 * pb_library_dup_page_texts:
 *
 * Returns: (transfer full): every page's text of the report, in order
 */
GStrv
pb_library_dup_page_texts (PbLibrary   *self,
                           const char  *sha256,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self),
                              "SELECT p.text FROM report_pages AS p JOIN reports AS r ON r.id = p.report_id"
                              " WHERE r.sha256 = ?1 ORDER BY p.page_number", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (pages, pb_db_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (self), rc, error);
      return NULL;
    }

  return g_strv_builder_end (pages);
}

/**
 * pb_library_locate_report_file:
 * @self: a library
 * @sha256: a report's checksum, 64 lowercase hex digits
 * @error: a #GError, or %NULL
 *
 * The stored PDF of a report, for reading: like pb_library_dup_report_path (),
 * but making sure it is there.
 *
 * Returns: (transfer full) (type filename): the path of reports/<sha256>.pdf;
 *   or %NULL with PB_LIBRARY_ERROR_MISSING_FILE ("The file for “Title” is
 *   missing from the library. Run Check Library.")
 */
char *
pb_library_locate_report_file (PbLibrary   *self,
                               const char  *sha256,
                               GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(PbReport) report = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  path = pb_library_dup_report_path (self, sha256);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  report = pb_library_find_report (self, sha256, NULL);
  g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_MISSING_FILE,
               _("The file for “%s” is missing from the library. Run Check Library."),
               report != NULL ? pb_report_get_title (report) : sha256);
  return NULL;
}
