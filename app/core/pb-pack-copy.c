/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"
#include "pb-pack-copy.h"

/* A pack as the start of the next one: the panel meets every few months and
 * much of a briefing carries over.  The copy keeps the sections, notes,
 * headings and findings in their order, the classification and the
 * introduction; it has no meeting date yet, and its title says it is a
 * copy until the officer renames it. */

static gboolean
copy_items (sqlite3  *db,
            gint64    from_section,
            gint64    to_section,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db, "INSERT INTO pack_items (section_id, position, kind, finding_id, text)"
                                  " SELECT ?2, position, kind, finding_id, text FROM pack_items"
                                  " WHERE section_id = ?1 ORDER BY position, id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_section);
  sqlite3_bind_int64 (stmt, 2, to_section);
  return pb_db_step_done (stmt, error);
}

static gboolean
copy_sections (sqlite3  *db,
               gint64    from_pack,
               gint64    to_pack,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) sections = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (!(sections = pb_db_prepare (db, "SELECT id, position, title, cohort_id FROM pack_sections"
                                      " WHERE pack_id = ?1 ORDER BY position, id", error)) ||
      !(insert = pb_db_prepare (db, "INSERT INTO pack_sections (pack_id, position, title, cohort_id)"
                                    " VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;

  sqlite3_bind_int64 (sections, 1, from_pack);
  while ((rc = sqlite3_step (sections)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, to_pack);
      sqlite3_bind_int64 (insert, 2, sqlite3_column_int64 (sections, 1));
      sqlite3_bind_text (insert, 3, pb_db_column_text (sections, 2), -1, SQLITE_TRANSIENT);
      if (sqlite3_column_type (sections, 3) == SQLITE_NULL)
        sqlite3_bind_null (insert, 4);
      else
        sqlite3_bind_int64 (insert, 4, sqlite3_column_int64 (sections, 3));
      if (!pb_db_step_done (insert, error) ||
          !copy_items (db, sqlite3_column_int64 (sections, 0), sqlite3_last_insert_rowid (db), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_duplicate_pack:
 *
 * Copies a pack, in one transaction.
 *
 * Returns: the new pack's id, or 0
 */
gint64
pb_library_duplicate_pack (PbLibrary  *library,
                           gint64      pack_id,
                           GError    **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = pb_db_now ();
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  db = _pb_library_get_db (library);
  if (!(insert = pb_db_prepare (db, "INSERT INTO packs (title, committee, meeting_date, author, classification,"
                                    " introduction, created_at, updated_at)"
                                    " SELECT printf (?2, title), committee, NULL, author, classification,"
                                    " introduction, ?3, ?3 FROM packs WHERE id = ?1", error)))
    return 0;
  sqlite3_bind_int64 (insert, 1, pack_id);
  /* Translators: the title of a copied pack; %s is the original's */
  sqlite3_bind_text (insert, 2, _("%s (copy)"), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, now, -1, SQLITE_TRANSIENT);

  if (!pb_db_begin (db, error))
    return 0;
  if (!pb_db_step_done (insert, error))
    goto fail;
  if (sqlite3_changes (db) == 0)
    {
      _pb_pack_set_not_found (error, pack_id);
      goto fail;
    }

  id = sqlite3_last_insert_rowid (db);
  if (!copy_sections (db, pack_id, id, error) || !pb_db_commit (db, error))
    goto fail;

  _pb_library_emit_pack_changed (library, id);
  return id;

fail:
  pb_db_rollback (db);
  return 0;
}
