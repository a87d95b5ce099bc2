/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-items"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-items.h"
#include "pb-pack-store-private.h"

/* What a pack holds: sections, and in them findings, notes and headings, in
 * order.  A public pack refuses an exempt finding. */

/* A finding's opening words, to name it in a message. */
static char *
describe_quote (const char *quote)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (quote, -1) <= 60)
    return g_strdup (quote);
  start = g_utf8_substring (quote, 0, 57);
  return g_strconcat (start, "…", NULL);
}

static gboolean
add_one (sqlite3   *db,
         gint64     pack_id,
         gboolean   pack_exempt,
         gint64     finding_id,
         guint     *n_added,
         GError   **error)
{
  g_autoptr(sqlite3_stmt) finding = NULL;
  g_autoptr(sqlite3_stmt) present = NULL;
  g_autoptr(sqlite3_stmt) section = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 section_id;
  int rc;

  if (!(finding = pb_db_prepare (db, "SELECT classification, quote FROM findings WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (finding, 1, finding_id);
  if ((rc = sqlite3_step (finding)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND,
                     _("There is no finding %" G_GINT64_FORMAT), finding_id);
      else
        pb_db_set_error (db, rc, error);
      return FALSE;
    }

  if (!pack_exempt && g_strcmp0 (pb_db_column_text (finding, 0), "exempt") == 0)
    {
      g_autofree char *words = describe_quote (pb_db_column_text (finding, 1));

      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_EXEMPT,
                   _("“%s” is not for publication, so it cannot go in a public pack"), words);
      return FALSE;
    }

  /* Once in a pack is enough. */
  if (!(present = pb_db_prepare (db, "SELECT 1 FROM pack_items AS i JOIN pack_sections AS s ON s.id = i.section_id"
                                     " WHERE s.pack_id = ?1 AND i.finding_id = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (present, 1, pack_id);
  sqlite3_bind_int64 (present, 2, finding_id);
  if (sqlite3_step (present) == SQLITE_ROW)
    return TRUE;

  /* The section of the finding's first cohort, else the first section. */
  if (!(section = pb_db_prepare (db, "SELECT s.id FROM pack_sections AS s"
                                     " LEFT JOIN finding_cohorts AS fc ON fc.cohort_id = s.cohort_id AND fc.finding_id = ?2"
                                     " WHERE s.pack_id = ?1"
                                     " ORDER BY fc.finding_id IS NULL, s.position, s.id LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_int64 (section, 1, pack_id);
  sqlite3_bind_int64 (section, 2, finding_id);
  if ((rc = sqlite3_step (section)) == SQLITE_ROW)
    section_id = sqlite3_column_int64 (section, 0);
  else if (rc == SQLITE_DONE)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("The pack has no sections"));
      return FALSE;
    }
  else
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }

  if (!(insert = pb_db_prepare (db, "INSERT INTO pack_items (section_id, position, kind, finding_id)"
                                    " SELECT ?1, coalesce (max (position) + 1, 0), 'finding', ?2"
                                    " FROM pack_items WHERE section_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (insert, 1, section_id);
  sqlite3_bind_int64 (insert, 2, finding_id);
  if (!pb_db_step_done (insert, error))
    return FALSE;
  (*n_added)++;
  return TRUE;
}

/**
 * pb_library_add_to_pack:
 *
 * Adds findings to the pack, each at the end of its first cohort's section.
 * All are added or none: an exempt finding for a public pack refuses the lot.
 */
gboolean
pb_library_add_to_pack (PbLibrary     *library,
                        gint64         pack_id,
                        const gint64  *finding_ids,
                        guint          n_findings,
                        GError       **error)
{
  return pb_library_add_to_pack_counted (library, pack_id, finding_ids, n_findings, NULL, error);
}

/**
 * pb_library_add_to_pack_counted:
 * @n_added: (out) (optional): how many were not in the pack already
 *
 * As pb_library_add_to_pack(), saying how many findings it added: those the
 * pack already held stay where they are.
 */
gboolean
pb_library_add_to_pack_counted (PbLibrary     *library,
                                gint64         pack_id,
                                const gint64  *finding_ids,
                                guint          n_findings,
                                guint         *n_added,
                                GError       **error)
{
  guint added = 0;
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) touch = NULL;
  g_autofree char *now = pb_db_now ();
  gboolean exempt = FALSE;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (finding_ids != NULL || n_findings == 0, FALSE);

  if (!(touch = pb_db_prepare (db, "UPDATE packs SET updated_at = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (touch, 1, pack_id);
  sqlite3_bind_text (touch, 2, now, -1, SQLITE_TRANSIENT);

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!_pb_pack_is_exempt (db, pack_id, &exempt, error))
    goto fail;

  for (guint i = 0; i < n_findings; i++)
    if (!add_one (db, pack_id, exempt, finding_ids[i], &added, error))
      goto fail;

  if (!pb_db_step_done (touch, error) || !pb_db_commit (db, error))
    goto fail;
  _pb_library_emit_pack_changed (library, pack_id);
  if (n_added != NULL)
    *n_added = added;
  return TRUE;

fail:
  pb_db_rollback (db);
  return FALSE;
}

gint64
_pb_pack_insert_section (sqlite3     *db,
                         gint64       pack_id,
                         const char  *title,
                         gint64       cohort_id,
                         guint        position,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 id;

  if (!(stmt = pb_db_prepare (db, "INSERT INTO pack_sections (pack_id, position, title, cohort_id)"
                                  " VALUES (?1, -1, ?2, ?3)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, pack_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  if (cohort_id > 0)
    sqlite3_bind_int64 (stmt, 3, cohort_id);
  if (!pb_db_step_done (stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  if (!(order = _pb_pack_section_order (db, pack_id, error)))
    return 0;
  _pb_pack_place_id (order, id, position);
  return _pb_pack_write_section_order (db, order, pack_id, error) ? id : 0;
}

/**
 * pb_library_add_pack_section:
 * @library: a library
 * @pack_id: a pack
 * @title: the section's title; spaces around it are dropped
 * @error: a #GError, or %NULL
 *
 * Adds a free section (about no cohort) at the end of the pack.
 *
 * Returns: the new section's id; or 0 with @error set
 *   (%PB_PACKS_ERROR_INVALID for a blank title, %PB_PACKS_ERROR_NOT_FOUND
 *   or %PB_DB_ERROR when there is no such pack, %PB_DB_ERROR)
 */
gint64
pb_library_add_pack_section (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *title,
                             GError     **error)
{
  sqlite3 *db;
  g_autofree char *clean = _pb_pack_clean_text (title);
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (*clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A section needs a title"));
      return 0;
    }

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return 0;
  id = _pb_pack_insert_section (db, pack_id, clean, 0, G_MAXUINT, error);
  return _pb_pack_finish (library, id > 0, pack_id, error) ? id : 0;
}

/**
 * pb_library_rename_pack_section:
 * @library: a library
 * @section_id: a section
 * @title: its new title; spaces around it are dropped
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_INVALID for a
 *   blank title, %PB_PACKS_ERROR_NOT_FOUND when the section is no longer
 *   there, %PB_DB_ERROR)
 */
gboolean
pb_library_rename_pack_section (PbLibrary   *library,
                                gint64       section_id,
                                const char  *title,
                                GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = _pb_pack_clean_text (title);
  gint64 pack_id = 0;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (*clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A section needs a title"));
      return FALSE;
    }

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "UPDATE pack_sections SET title = ?2 WHERE id = ?1", error)) ||
      !pb_db_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  /* Known before _pb_pack_finish() is called: its arguments have no order. */
  ok = _pb_pack_section_pack (db, section_id, &pack_id, error) && pb_db_step_done (stmt, error);
  return _pb_pack_finish (library, ok, pack_id, error);
}

/**
 * pb_library_move_pack_section:
 * @library: a library
 * @section_id: a section
 * @position: its new place among the pack's sections, from 0; past the last
 *   puts it last
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_NOT_FOUND when
 *   the section is no longer there, %PB_DB_ERROR)
 */
gboolean
pb_library_move_pack_section (PbLibrary  *library,
                              gint64      section_id,
                              guint       position,
                              GError    **error)
{
  sqlite3 *db;
  g_autoptr(GArray) order = NULL;
  gint64 pack_id = 0;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  ok = _pb_pack_section_pack (db, section_id, &pack_id, error) &&
       (order = _pb_pack_section_order (db, pack_id, error)) != NULL;
  if (ok)
    {
      _pb_pack_place_id (order, section_id, position);
      ok = _pb_pack_write_section_order (db, order, pack_id, error);
    }
  return _pb_pack_finish (library, ok, pack_id, error);
}

gint64
_pb_pack_insert_item (sqlite3         *db,
                      gint64           section_id,
                      PbPackItemKind   kind,
                      gint64           finding_id,
                      const char      *text,
                      guint            position,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 id;

  if (!(stmt = pb_db_prepare (db, "INSERT INTO pack_items (section_id, position, kind, finding_id, text)"
                                  " VALUES (?1, -1, ?2, ?3, ?4)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_text (stmt, 2, _pb_pack_item_kinds[kind], -1, SQLITE_STATIC);
  if (kind == PB_PACK_ITEM_FINDING)
    sqlite3_bind_int64 (stmt, 3, finding_id);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  if (!(order = _pb_pack_item_order (db, section_id, error)))
    return 0;
  _pb_pack_place_id (order, id, position);
  return _pb_pack_write_item_order (db, order, section_id, error) ? id : 0;
}

/**
 * pb_library_add_pack_text:
 * @kind: %PB_PACK_ITEM_NOTE or %PB_PACK_ITEM_HEADING
 * @position: where in the section, or -1 for the end
 *
 * Returns: the new item's id, or 0 with @error set
 */
gint64
pb_library_add_pack_text (PbLibrary       *library,
                          gint64           section_id,
                          PbPackItemKind   kind,
                          const char      *text,
                          int              position,
                          GError         **error)
{
  sqlite3 *db;
  g_autofree char *clean = _pb_pack_clean_text (text);
  gint64 pack_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);
  g_return_val_if_fail (kind == PB_PACK_ITEM_NOTE || kind == PB_PACK_ITEM_HEADING, 0);

  if (*clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   kind == PB_PACK_ITEM_NOTE ? _("A note needs some text") : _("A heading needs some text"));
      return 0;
    }

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return 0;
  if (_pb_pack_section_pack (db, section_id, &pack_id, error))
    id = _pb_pack_insert_item (db, section_id, kind, 0, clean, position < 0 ? G_MAXUINT : (guint)position, error);
  return _pb_pack_finish (library, id > 0, pack_id, error) ? id : 0;
}

/**
 * pb_library_set_pack_item_text:
 * @library: a library
 * @item_id: a note or heading in a pack (a finding's text is the finding's)
 * @text: its new text; spaces around it are dropped
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_INVALID for
 *   blank text, %PB_PACKS_ERROR_NOT_FOUND when the item is no longer there,
 *   %PB_DB_ERROR)
 */
gboolean
pb_library_set_pack_item_text (PbLibrary   *library,
                               gint64       item_id,
                               const char  *text,
                               GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = _pb_pack_clean_text (text);
  gint64 section_id = 0, pack_id = 0;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (*clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("Write some text, or remove the item"));
      return FALSE;
    }

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "UPDATE pack_items SET text = ?2 WHERE id = ?1 AND kind != 'finding'", error)) ||
      !pb_db_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  ok = _pb_pack_item_section (db, item_id, &section_id, error) &&
       _pb_pack_section_pack (db, section_id, &pack_id, error) &&
       pb_db_step_done (stmt, error);
  return _pb_pack_finish (library, ok, pack_id, error);
}

/**
 * pb_library_move_pack_item:
 * @library: a library
 * @item_id: an item of a pack
 * @section_id: the section to move it to: its own, or another of the same
 *   pack
 * @position: its new place among that section's items, from 0; past the
 *   last puts it last
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_INVALID for a
 *   section of another pack, %PB_PACKS_ERROR_NOT_FOUND when the item or
 *   section is no longer there, %PB_DB_ERROR)
 */
gboolean
pb_library_move_pack_item (PbLibrary  *library,
                           gint64      item_id,
                           gint64      section_id,
                           guint       position,
                           GError    **error)
{
  sqlite3 *db;
  g_autoptr(GArray) source = NULL;
  g_autoptr(GArray) target = NULL;
  gint64 old_section = 0, pack_id = 0, target_pack = 0;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;

  ok = _pb_pack_item_section (db, item_id, &old_section, error) &&
       _pb_pack_section_pack (db, old_section, &pack_id, error) &&
       _pb_pack_section_pack (db, section_id, &target_pack, error);
  if (ok && target_pack != pack_id)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("Items move only within their own pack"));
      ok = FALSE;
    }

  if (ok && (target = _pb_pack_item_order (db, section_id, error)) != NULL)
    {
      _pb_pack_place_id (target, item_id, position);
      ok = _pb_pack_write_item_order (db, target, section_id, error);
    }
  else
    ok = FALSE;

  /* Close the gap it left behind. */
  if (ok && old_section != section_id)
    ok = (source = _pb_pack_item_order (db, old_section, error)) != NULL &&
         _pb_pack_write_item_order (db, source, old_section, error);

  return _pb_pack_finish (library, ok, pack_id, error);
}
