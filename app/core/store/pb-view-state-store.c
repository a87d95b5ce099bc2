/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-view-state-store"

#include "config.h"

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-view-state-store.h"

/* Where each report was left in the reader, and which was read last. */

/**
 * pb_library_get_view_state:
 *
 * Returns: %TRUE and fills @state if the report was read before
 */
gboolean
pb_library_get_view_state (PbLibrary   *self,
                           gint64       report_id,
                           PbViewState *state)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self),
                              "SELECT page, zoom, sizing FROM report_view_state"
                              " WHERE report_id = ?1", NULL)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  state->page_index = (guint)MAX (sqlite3_column_int (stmt, 0), 0);
  state->zoom = sqlite3_column_double (stmt, 1);
  state->sizing = PB_SIZING_FIT_WIDTH;
  pb_sizing_from_slug (pb_db_column_text (stmt, 2), &state->sizing);

  return TRUE;
}

/**
 * pb_library_save_view_state:
 * @self: a library
 * @report_id: a report
 * @state: where the reader was: its page index (from 0), zoom and sizing
 * @error: a #GError, or %NULL
 *
 * Keeps the reader's place in the report, and marks it the report read most
 * recently (see pb_library_get_last_read_report()). A report removed since
 * is refused (a foreign key constraint).
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR)
 */
gboolean
pb_library_save_view_state (PbLibrary         *self,
                            gint64             report_id,
                            const PbViewState *state,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (self),
                              "INSERT INTO report_view_state (report_id, page, zoom, sizing, opened_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (report_id) DO UPDATE SET page = excluded.page,"
                              "  zoom = excluded.zoom, sizing = excluded.sizing,"
                              "  opened_at = excluded.opened_at",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int (stmt, 2, (int)state->page_index);
  sqlite3_bind_double (stmt, 3, state->zoom);
  sqlite3_bind_text (stmt, 4, pb_sizing_to_slug (state->sizing), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now_text, -1, SQLITE_TRANSIENT);

  return pb_db_step_done (stmt, error);
}

/**
 * pb_library_get_last_read_report:
 *
 * Returns: the id of the report read most recently, or 0
 */
gint64
pb_library_get_last_read_report (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), 0);

  return MAX (pb_db_query_int (_pb_library_get_db (self),
                               "SELECT report_id FROM report_view_state"
                               " ORDER BY opened_at DESC LIMIT 1", NULL), 0);
}
