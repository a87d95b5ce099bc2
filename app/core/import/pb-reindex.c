/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reindex"

#include "config.h"

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-reindex.h"
#include "pb-report-store.h"
#include "pb-structure-reader.h"
#include "pb-structure-store-private.h"

/* Reading again what import read once: a report's structure from its stored
 * page text, for reports imported before Panel Brief read structure. */

/**
 * pb_library_read_structure:
 *
 * Reads the structure of a report imported before Panel Brief read
 * structure, from its stored page text, and stores it.
 */
gboolean
pb_library_read_structure (PbLibrary  *library,
                           gint64      report_id,
                           GError    **error)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_auto(GStrv) pages = NULL;
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(pages = pb_library_dup_page_texts (library, pb_report_get_sha256 (report), error)))
    return FALSE;

  structure = pb_structure_read_text ((const char * const *)pages);

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!_pb_structure_store (db, report_id, pb_report_get_sha256 (report), structure, error) ||
      !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}
