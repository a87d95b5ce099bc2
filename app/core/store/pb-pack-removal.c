/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-removal"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-items.h"
#include "pb-pack-store-private.h"

/* Taking sections and items out of a pack, keeping what was taken so that
 * Undo can put it back exactly where it was. */

typedef struct
{
  gint64  old_id;
  guint   position;
  char   *title;
  gint64  cohort_id;       /* 0 for a free section */
  char   *kind;            /* as pack_sections keeps it, with */
  char   *options;         /*   what a section of another kind shows */
} RemovedSection;

typedef struct
{
  gint64          old_id;
  gint64          old_section_id;
  guint           position;
  PbPackItemKind  kind;
  gint64          finding_id;
  char           *text;
} RemovedItem;

struct _PbPackRemoval
{
  gint64  pack_id;
  GArray *sections;   /* RemovedSection, by position */
  GArray *items;      /* RemovedItem, by section then position */
};

static void
removed_section_clear (RemovedSection *section)
{
  g_free (section->title);
  g_free (section->kind);
  g_free (section->options);
}

static void
removed_item_clear (RemovedItem *item)
{
  g_free (item->text);
}

/**
 * pb_pack_removal_free:
 * @removal: (nullable) (transfer full): what a removal took out
 */
void
pb_pack_removal_free (PbPackRemoval *removal)
{
  if (removal == NULL)
    return;
  g_array_unref (removal->sections);
  g_array_unref (removal->items);
  g_free (removal);
}

/**
 * pb_pack_removal_get_n_sections:
 * @removal: what a removal took out
 *
 * Returns: how many sections it took out
 */
guint
pb_pack_removal_get_n_sections (PbPackRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->sections->len;
}

/**
 * pb_pack_removal_get_n_items:
 * @removal: what a removal took out
 *
 * Returns: how many items it took out, those of the sections it took out
 *   included
 */
guint
pb_pack_removal_get_n_items (PbPackRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->items->len;
}

/* Records the items of @section_id chosen by @wanted (all when NULL). */
static gboolean
record_items (sqlite3        *db,
              PbPackRemoval  *removal,
              gint64          section_id,
              GHashTable     *wanted,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint position = 0;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id, kind, finding_id, text FROM pack_items"
                                  " WHERE section_id = ?1 ORDER BY position, id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = pb_db_column_text (stmt, 1);

      if (wanted == NULL || g_hash_table_contains (wanted, &id))
        {
          RemovedItem item = {
            id, section_id, position,
            g_str_equal (kind, "finding") ? PB_PACK_ITEM_FINDING
              : g_str_equal (kind, "note") ? PB_PACK_ITEM_NOTE : PB_PACK_ITEM_HEADING,
            sqlite3_column_int64 (stmt, 2),
            g_strdup (pb_db_column_text (stmt, 3)),
          };
          g_array_append_val (removal->items, item);
        }
      position++;
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_by_id (sqlite3     *db,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return pb_db_step_done (stmt, error);
}

static gboolean
remove_in_transaction (sqlite3        *db,
                       PbPackRemoval  *removal,
                       const gint64   *section_ids,
                       guint           n_sections,
                       const gint64   *item_ids,
                       guint           n_items,
                       GError        **error)
{
  g_autoptr(GHashTable) removed_sections = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) wanted_items = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) sections = NULL;
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(sections = _pb_pack_section_order (db, removal->pack_id, error)))
    return FALSE;

  for (guint i = 0; i < n_sections; i++)
    g_hash_table_add (removed_sections, (gpointer)&section_ids[i]);
  for (guint i = 0; i < n_items; i++)
    g_hash_table_add (wanted_items, (gpointer)&item_ids[i]);

  /* Walk the pack in order so that what is recorded comes back in order. */
  for (guint s = 0; s < sections->len; s++)
    {
      gint64 section_id = g_array_index (sections, gint64, s);

      if (g_hash_table_contains (removed_sections, &section_id))
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;
          RemovedSection section = { section_id, s, NULL, 0, NULL, NULL };

          if (!(stmt = pb_db_prepare (db, "SELECT title, coalesce (cohort_id, 0), kind, options"
                                          " FROM pack_sections WHERE id = ?1", error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, section_id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            continue;
          section.title = g_strdup (pb_db_column_text (stmt, 0));
          section.cohort_id = sqlite3_column_int64 (stmt, 1);
          section.kind = g_strdup (pb_db_column_text (stmt, 2));
          section.options = g_strdup (pb_db_column_text (stmt, 3));
          g_array_append_val (removal->sections, section);
          if (!record_items (db, removal, section_id, NULL, error))
            return FALSE;
        }
      else if (n_items > 0)
        {
          guint before = removal->items->len;

          if (!record_items (db, removal, section_id, wanted_items, error))
            return FALSE;
          if (removal->items->len > before)
            g_array_append_val (touched, section_id);
        }
    }

  for (guint i = 0; i < removal->items->len; i++)
    g_hash_table_remove (wanted_items, &g_array_index (removal->items, RemovedItem, i).old_id);
  if (removal->sections->len < n_sections || g_hash_table_size (wanted_items) > 0)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND,
                   _("Some of what was chosen is no longer in the pack"));
      return FALSE;
    }

  for (guint i = 0; i < removal->sections->len; i++)
    if (!delete_by_id (db, "DELETE FROM pack_sections WHERE id = ?1",
                       g_array_index (removal->sections, RemovedSection, i).old_id, error))
      return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (!delete_by_id (db, "DELETE FROM pack_items WHERE id = ?1", item_ids[i], error))
      return FALSE;

  /* Renumber what is left. */
  for (guint i = 0; i < touched->len; i++)
    {
      gint64 section_id = g_array_index (touched, gint64, i);
      g_autoptr(GArray) order = _pb_pack_item_order (db, section_id, error);

      if (order == NULL || !_pb_pack_write_item_order (db, order, section_id, error))
        return FALSE;
    }
  if (removal->sections->len > 0)
    {
      g_autoptr(GArray) order = _pb_pack_section_order (db, removal->pack_id, error);

      if (order == NULL || !_pb_pack_write_section_order (db, order, removal->pack_id, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_remove_from_pack:
 * @section_ids: sections to remove with everything in them
 * @item_ids: items to remove (outside those sections)
 *
 * Returns: (transfer full): what was removed, for pb_library_restore_to_pack()
 */
PbPackRemoval *
pb_library_remove_from_pack (PbLibrary     *library,
                             gint64         pack_id,
                             const gint64  *section_ids,
                             guint          n_sections,
                             const gint64  *item_ids,
                             guint          n_items,
                             GError       **error)
{
  sqlite3 *db;
  PbPackRemoval *removal;
  gboolean removed;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (section_ids != NULL || n_sections == 0, NULL);
  g_return_val_if_fail (item_ids != NULL || n_items == 0, NULL);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return NULL;

  removal = g_new0 (PbPackRemoval, 1);
  removal->pack_id = pack_id;
  removal->sections = g_array_new (FALSE, TRUE, sizeof (RemovedSection));
  removal->items = g_array_new (FALSE, TRUE, sizeof (RemovedItem));
  g_array_set_clear_func (removal->sections, (GDestroyNotify)removed_section_clear);
  g_array_set_clear_func (removal->items, (GDestroyNotify)removed_item_clear);

  removed = remove_in_transaction (db, removal, section_ids, n_sections, item_ids, n_items, error);
  if (!_pb_pack_finish (library, removed, pack_id, error))
    {
      /* Freed by hand rather than by g_autoptr, whose free at the end of
       * the scope clang 14's analyser does not see: it would report a leak
       * on this path. */
      pb_pack_removal_free (removal);
      return NULL;
    }
  return removal;
}

/* Whether a finding may come back: it still exists, is not already in the
 * pack, and the pack's classification allows it. */
static gboolean
finding_may_return (sqlite3   *db,
                    gint64     pack_id,
                    gint64     finding_id,
                    gboolean  *may,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT f.classification = 'exempt' AND p.classification = 'public',"
                                  " EXISTS (SELECT 1 FROM pack_items AS i JOIN pack_sections AS s ON s.id = i.section_id"
                                  "         WHERE s.pack_id = p.id AND i.finding_id = f.id)"
                                  " FROM findings AS f, packs AS p WHERE f.id = ?1 AND p.id = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  sqlite3_bind_int64 (stmt, 2, pack_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      *may = FALSE;   /* deleted from the library since */
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0))
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_EXEMPT,
                   _("A finding that is not for publication cannot go back into a public pack"));
      return FALSE;
    }
  *may = !sqlite3_column_int (stmt, 1);
  return TRUE;
}

static gboolean
restore_in_transaction (sqlite3        *db,
                        PbPackRemoval  *removal,
                        GError        **error)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 pack_id = removal->pack_id;

  for (guint i = 0; i < removal->sections->len; i++)
    {
      RemovedSection *section = &g_array_index (removal->sections, RemovedSection, i);
      gint64 id = _pb_pack_insert_section (db, pack_id, section->title, section->cohort_id, section->position, error);
      g_autoptr(sqlite3_stmt) kind = NULL;

      if (id == 0)
        return FALSE;
      if (!(kind = pb_db_prepare (db, "UPDATE pack_sections SET kind = ?2, options = ?3 WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (kind, 1, id);
      sqlite3_bind_text (kind, 2, section->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kind, 3, section->options, -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (kind, error))
        return FALSE;
      g_hash_table_insert (new_ids, g_memdup2 (&section->old_id, sizeof (gint64)),
                           g_memdup2 (&id, sizeof (gint64)));
    }

  for (guint i = 0; i < removal->items->len; i++)
    {
      RemovedItem *item = &g_array_index (removal->items, RemovedItem, i);
      gint64 *renamed = g_hash_table_lookup (new_ids, &item->old_section_id);
      gint64 section_id = renamed ? *renamed : item->old_section_id;
      gint64 owner = 0;
      gboolean may = TRUE;

      /* A section removed since goes back to the pack's first section. */
      if (renamed == NULL && !_pb_pack_query_id (db, "SELECT pack_id FROM pack_sections WHERE id = ?1",
                                        section_id, &owner, "", NULL))
        {
          g_autoptr(GArray) sections = _pb_pack_section_order (db, pack_id, error);

          if (sections == NULL)
            return FALSE;
          if (sections->len == 0)
            {
              g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("The pack has no sections"));
              return FALSE;
            }
          section_id = g_array_index (sections, gint64, 0);
        }

      if (item->kind == PB_PACK_ITEM_FINDING &&
          !finding_may_return (db, pack_id, item->finding_id, &may, error))
        return FALSE;
      if (may && _pb_pack_insert_item (db, section_id, item->kind, item->finding_id, item->text,
                              item->position, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_restore_to_pack:
 *
 * Puts back what pb_library_remove_from_pack() took out, where it was.
 * Findings deleted from the library since stay out; an exempt finding
 * no longer fits a pack made public since, and the whole restore fails.
 */
gboolean
pb_library_restore_to_pack (PbLibrary      *library,
                            PbPackRemoval  *removal,
                            GError        **error)
{
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (removal != NULL, FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  return _pb_pack_finish (library, restore_in_transaction (db, removal, error), removal->pack_id, error);
}
