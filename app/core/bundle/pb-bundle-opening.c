/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include "pb-bundle-private.h"
#include "pb-db.h"
#include "pb-import.h"
#include "pb-library-private.h"
#include "pb-report-store.h"

/* A bundle opens whole or not at all.
 *
 * Its reports are imported one by one, each in its own transaction (as any
 * PDF is), before the pack is written; a failure, a cancel or a kill in
 * between would leave reports the member never chose, looking like their
 * own imports.  So each report new to the library is listed in
 * bundle_opening before it is imported; once the pack is in place its
 * reports are listed in bundle_reports, and the list is cleared.  Whatever
 * is still listed and belongs to no pack (a failed opening, or one killed
 * part-way: then swept when the next bundle is opened) is removed with
 * its "from pack" mark, and so are the partial copies a killed import
 * leaves in reports/. */

/* Lists @sha256 as being brought in by an opening bundle. */
gboolean
_pb_bundle_opening_add (PbLibrary   *library,
                        const char  *sha256,
                        GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db, "INSERT OR IGNORE INTO bundle_opening (report_sha256) VALUES (?1)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  return pb_db_step_done (stmt, error);
}

/* Removes what openings left unfinished: each listed report no pack
 * cites, with its origin, and the list; then the partial copies of killed
 * imports.  Returns how many reports were removed. */
guint
_pb_bundle_opening_sweep (PbLibrary *library)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint removed = 0;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT o.report_sha256 FROM bundle_opening o WHERE NOT EXISTS"
                                  "  (SELECT 1 FROM bundle_reports r WHERE r.report_sha256 = o.report_sha256)",
                              &error)))
    {
      g_warning ("Could not read unfinished bundle openings: %s", error->message);
      return 0;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (orphans, g_strdup (pb_db_column_text (stmt, 0)));
  /* Those read so far are still swept; the rest wait for the next open. */
  if (rc != SQLITE_DONE)
    g_warning ("Could not read all unfinished bundle openings: %s", sqlite3_errstr (rc));

  for (guint i = 0; i < orphans->len; i++)
    {
      const char *sha = g_ptr_array_index (orphans, i);
      g_autoptr(PbReport) report = pb_library_find_report (library, sha, NULL);
      g_autoptr(sqlite3_stmt) origin = NULL;

      if (report != NULL)
        {
          if (!pb_library_remove_report (library, pb_report_get_id (report), &error))
            {
              g_warning ("Could not remove a report a bundle left half-opened: %s", error->message);
              g_clear_error (&error);
              continue;
            }
          removed++;
        }
      if ((origin = pb_db_prepare (db, "DELETE FROM report_origins WHERE report_sha256 = ?1", NULL)))
        {
          sqlite3_bind_text (origin, 1, sha, -1, SQLITE_STATIC);
          pb_db_step_done (origin, NULL);
        }
    }
  if (!pb_db_exec (db, "DELETE FROM bundle_opening", &error))
    g_warning ("Could not clear unfinished bundle openings: %s", error->message);

  pb_import_clean_leftovers (library);
  return removed;
}
