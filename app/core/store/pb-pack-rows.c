/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"
#include "pb-pack-store-private.h"

/* What the pack store's files share: looking up and renumbering the rows of
 * sections and items, and ending a pack's transaction.
 *
 * Sections and items keep their order in a position column, renumbered
 * 0, 1, 2… whenever something moves: the order is decided here in C over a
 * handful of ids, which is easier to get right than shifting ranges in SQL. */

const char * const _pb_pack_item_kinds[] = { "finding", "note", "heading" };

/* "2026-03-12", and a real day. */
gboolean
_pb_pack_valid_date (const char *text)
{
  unsigned year, month, day;
  char end;

  return sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/* The pack's classification, or FALSE with an error when there is no pack. */
gboolean
_pb_pack_is_exempt (sqlite3  *db,
                    gint64    pack_id,
                    gboolean *exempt,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT classification FROM packs WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pack_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *exempt = g_strcmp0 (pb_db_column_text (stmt, 0), "exempt") == 0;
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    _pb_pack_set_not_found (error, pack_id);
  else
    pb_db_set_error (db, rc, error);
  return FALSE;
}

/* One int64 from a one-row query, or FALSE with @missing as the error. */
gboolean
_pb_pack_query_id (sqlite3     *db,
                   const char  *sql,
                   gint64       key,
                   gint64      *out,
                   const char  *missing,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND, missing);
  else
    pb_db_set_error (db, rc, error);
  return FALSE;
}

gboolean
_pb_pack_section_pack (sqlite3 *db, gint64 section_id, gint64 *pack_id, GError **error)
{
  return _pb_pack_query_id (db, "SELECT pack_id FROM pack_sections WHERE id = ?1", section_id, pack_id,
                   _("That section is no longer in the pack"), error);
}

gboolean
_pb_pack_item_section (sqlite3 *db, gint64 item_id, gint64 *section_id, GError **error)
{
  return _pb_pack_query_id (db, "SELECT section_id FROM pack_items WHERE id = ?1", item_id, section_id,
                   _("That item is no longer in the pack"), error);
}

GArray *
_pb_pack_section_order (sqlite3 *db, gint64 pack_id, GError **error)
{
  return pb_db_query_ids (db, "SELECT id FROM pack_sections WHERE pack_id = ?1 ORDER BY position, id",
                          pack_id, error);
}

GArray *
_pb_pack_item_order (sqlite3 *db, gint64 section_id, GError **error)
{
  return pb_db_query_ids (db, "SELECT id FROM pack_items WHERE section_id = ?1 ORDER BY position, id",
                          section_id, error);
}

/* Writes 0, 1, 2… as the positions of @ids, and @parent_id as their parent. */
static gboolean
write_order (sqlite3     *db,
             const char  *sql,
             GArray      *ids,
             gint64       parent_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_int64 (stmt, 3, parent_id);
      if (!pb_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_pb_pack_write_section_order (sqlite3 *db, GArray *ids, gint64 pack_id, GError **error)
{
  return write_order (db, "UPDATE pack_sections SET position = ?2, pack_id = ?3 WHERE id = ?1",
                      ids, pack_id, error);
}

gboolean
_pb_pack_write_item_order (sqlite3 *db, GArray *ids, gint64 section_id, GError **error)
{
  return write_order (db, "UPDATE pack_items SET position = ?2, section_id = ?3 WHERE id = ?1",
                      ids, section_id, error);
}

/* Puts @id at @position of @ids (at the end when past it). */
void
_pb_pack_place_id (GArray *ids,
                   gint64  id,
                   guint   position)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        break;
      }
  g_array_insert_val (ids, MIN (position, ids->len), id);
}

static gboolean
touch_pack (sqlite3 *db, gint64 pack_id, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "UPDATE packs SET updated_at = ?2 WHERE id = ?1", error);
  g_autofree char *now = pb_db_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pack_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      _pb_pack_set_not_found (error, pack_id);
      return FALSE;
    }
  return TRUE;
}

/* Ends a transaction begun by the caller: committed and announced, or rolled back. */
gboolean
_pb_pack_finish (PbLibrary *library,
                 gboolean   ok,
                 gint64     pack_id,
                 GError   **error)
{
  sqlite3 *db = _pb_library_get_db (library);

  if (ok && touch_pack (db, pack_id, error) && pb_db_commit (db, error))
    {
      _pb_library_emit_pack_changed (library, pack_id);
      return TRUE;
    }
  pb_db_rollback (db);
  return FALSE;
}

char *
_pb_pack_clean_text (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}
