/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-dates.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-report-edit.h"
#include "pb-report-store.h"

/* What the officer corrects about a report in its properties: the title to
 * list it under, its local authority, and the date it is known by when the
 * document does not say. Each is kept beside what the file and its
 * structure say, which stay as they are: the file's own title is kept, and
 * reading the structure again does not undo the officer's authority. Each
 * change is one transaction, told by PbLibrary::report-changed. */

static gboolean
update (PbLibrary   *self,
        gint64       report_id,
        const char  *sql,
        const char  *value,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = _pb_library_get_db (self);

  if (!(stmt = pb_db_prepare (db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report_id);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);

  if (!pb_db_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                   _("No report %" G_GINT64_FORMAT " in the library."), report_id);
      return FALSE;
    }

  _pb_library_emit_report_changed (self, report_id);
  return TRUE;
}

/* Trimmed, and %NULL for nothing at all. */
static char *
clean (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/**
 * pb_library_set_report_title:
 * @title: (nullable): the title to list the report under; %NULL or blank to
 *   go back to the one made from its structure or its file
 *
 * Returns: %FALSE with @error set (%PB_LIBRARY_ERROR_NOT_FOUND, or the
 *   database's) if it could not be saved
 */
gboolean
pb_library_set_report_title (PbLibrary   *self,
                             gint64       report_id,
                             const char  *title,
                             GError     **error)
{
  g_autofree char *value = clean (title);

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  return update (self, report_id, "UPDATE reports SET user_title = ?2 WHERE id = ?1", value, error);
}

/**
 * pb_library_set_report_authority:
 * @authority: the local authority the report is about
 *
 * Files the report under another authority (in the library's groups, in
 * grades over time, in its title); the structure read again keeps it.
 *
 * Returns: %FALSE with @error set if @authority is blank
 *   (%G_IO_ERROR_INVALID_ARGUMENT) or it could not be saved
 */
gboolean
pb_library_set_report_authority (PbLibrary   *self,
                                 gint64       report_id,
                                 const char  *authority,
                                 GError     **error)
{
  g_autofree char *value = clean (authority);

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (value == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Give the authority’s name."));
      return FALSE;
    }

  return update (self, report_id,
                 "UPDATE reports SET user_authority = ?2, local_authority = ?2 WHERE id = ?1", value, error);
}

/**
 * pb_library_set_report_date:
 * @date: (nullable): the date the document is known by, when it does not
 *   say or says it wrongly: for an inspection's report the day Ofsted
 *   published it, for a letter or another paper its own date (see
 *   pb_document_type_dated_by_publication ()); %NULL or invalid to go back
 *   to what it says
 *
 * Returns: %FALSE with @error set if it could not be saved: the library's
 *   error, or %G_IO_ERROR_INVALID_ARGUMENT for a publication date after
 *   today
 */
gboolean
pb_library_set_report_date (PbLibrary    *self,
                            gint64        report_id,
                            const GDate  *date,
                            GError      **error)
{
  g_autofree char *value = date != NULL && g_date_valid (date) ? pb_date_to_iso (date) : NULL;
  g_autoptr(PbReport) report = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (value != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      if ((report = pb_library_get_report (self, report_id, error)) == NULL)
        return FALSE;
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay)g_date_time_get_day_of_month (now),
                      (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
      /* A letter or a meeting's papers may carry a date to come; a report
       * Ofsted has published cannot. */
      if (pb_document_type_dated_by_publication (pb_report_get_document_type (report)) &&
          g_date_compare (date, &today) > 0)
        {
          g_autofree char *day = pb_date_format_short (date);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s is after today: an inspection report is dated by the day Ofsted published it."), day);
          return FALSE;
        }
    }

  return update (self, report_id, "UPDATE reports SET user_date = ?2 WHERE id = ?1", value, error);
}
