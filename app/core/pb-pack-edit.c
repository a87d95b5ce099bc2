/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"
#include "pb-pack-edit.h"

/* Sections and items keep their order in a position column, renumbered
 * 0, 1, 2… whenever something moves: the order is decided here in C over a
 * handful of ids, which is easier to get right than shifting ranges in SQL. */

typedef struct
{
  gint64  old_id;
  guint   position;
  char   *title;
  gint64  cohort_id;       /* 0 for a free section */
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

static const char * const item_kinds[] = { "finding", "note", "heading" };


static gboolean
is_iso_date (const char *text)
{
  GDate date;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date);
}

/* One int64 from a one-row query, or FALSE with @missing as the error. */
static gboolean
query_id (sqlite3     *db,
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

static gboolean
pack_of_section (sqlite3 *db, gint64 section_id, gint64 *pack_id, GError **error)
{
  return query_id (db, "SELECT pack_id FROM pack_sections WHERE id = ?1", section_id, pack_id,
                   _("That section is no longer in the pack"), error);
}

static gboolean
section_of_item (sqlite3 *db, gint64 item_id, gint64 *section_id, GError **error)
{
  return query_id (db, "SELECT section_id FROM pack_items WHERE id = ?1", item_id, section_id,
                   _("That item is no longer in the pack"), error);
}

static GArray *
section_order (sqlite3 *db, gint64 pack_id, GError **error)
{
  return pb_db_query_ids (db, "SELECT id FROM pack_sections WHERE pack_id = ?1 ORDER BY position, id",
                          pack_id, error);
}

static GArray *
item_order (sqlite3 *db, gint64 section_id, GError **error)
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

static gboolean
write_section_order (sqlite3 *db, GArray *ids, gint64 pack_id, GError **error)
{
  return write_order (db, "UPDATE pack_sections SET position = ?2, pack_id = ?3 WHERE id = ?1",
                      ids, pack_id, error);
}

static gboolean
write_item_order (sqlite3 *db, GArray *ids, gint64 section_id, GError **error)
{
  return write_order (db, "UPDATE pack_items SET position = ?2, section_id = ?3 WHERE id = ?1",
                      ids, section_id, error);
}

/* Puts @id at @position of @ids (at the end when past it). */
static void
place_id (GArray *ids,
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
static gboolean
finish (PbLibrary *library,
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

static char *
clean_text (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

gboolean
pb_library_set_pack_field (PbLibrary    *library,
                           gint64        pack_id,
                           PbPackField   field,
                           const char   *value,
                           GError      **error)
{
  static const char * const columns[] = { "title", "committee", "meeting_date", "author", "introduction" };
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (field <= PB_PACK_FIELD_INTRODUCTION, FALSE);

  db = _pb_library_get_db (library);
  /* An introduction keeps its own layout; one-line fields lose stray spaces. */
  clean = field == PB_PACK_FIELD_INTRODUCTION ? g_strdup (value ? value : "") : clean_text (value);

  if (field == PB_PACK_FIELD_TITLE && *clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A pack needs a title"));
      return FALSE;
    }
  if (field == PB_PACK_FIELD_MEETING_DATE && *clean != '\0' && !is_iso_date (clean))
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("“%s” is not a date; write the meeting date as YYYY-MM-DD"), clean);
      return FALSE;
    }

  /* The column name comes from the table above, never from the caller. */
  sql = g_strdup_printf ("UPDATE packs SET %s = ?2 WHERE id = ?1", columns[field]);
  if (!(stmt = pb_db_prepare (db, sql, error)) || !pb_db_begin (db, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pack_id);
  if (field == PB_PACK_FIELD_MEETING_DATE && *clean == '\0')
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);

  return finish (library, pb_db_step_done (stmt, error), pack_id, error);
}

gboolean
pb_library_delete_pack (PbLibrary  *library,
                        gint64      pack_id,
                        GError    **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "DELETE FROM packs WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pack_id);
  if (!pb_db_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      _pb_pack_set_not_found (error, pack_id);
      return FALSE;
    }
  _pb_library_emit_pack_changed (library, pack_id);
  return TRUE;
}

static gint64
insert_section (sqlite3     *db,
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
  if (!(order = section_order (db, pack_id, error)))
    return 0;
  place_id (order, id, position);
  return write_section_order (db, order, pack_id, error) ? id : 0;
}

gint64
pb_library_add_pack_section (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *title,
                             GError     **error)
{
  sqlite3 *db;
  g_autofree char *clean = clean_text (title);
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
  id = insert_section (db, pack_id, clean, 0, G_MAXUINT, error);
  return finish (library, id > 0, pack_id, error) ? id : 0;
}

gboolean
pb_library_rename_pack_section (PbLibrary   *library,
                                gint64       section_id,
                                const char  *title,
                                GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = clean_text (title);
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
  /* Known before finish() is called: its arguments have no order. */
  ok = pack_of_section (db, section_id, &pack_id, error) && pb_db_step_done (stmt, error);
  return finish (library, ok, pack_id, error);
}

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
  ok = pack_of_section (db, section_id, &pack_id, error) &&
       (order = section_order (db, pack_id, error)) != NULL;
  if (ok)
    {
      place_id (order, section_id, position);
      ok = write_section_order (db, order, pack_id, error);
    }
  return finish (library, ok, pack_id, error);
}

static gint64
insert_item (sqlite3         *db,
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
  sqlite3_bind_text (stmt, 2, item_kinds[kind], -1, SQLITE_STATIC);
  if (kind == PB_PACK_ITEM_FINDING)
    sqlite3_bind_int64 (stmt, 3, finding_id);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  if (!(order = item_order (db, section_id, error)))
    return 0;
  place_id (order, id, position);
  return write_item_order (db, order, section_id, error) ? id : 0;
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
  g_autofree char *clean = clean_text (text);
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
  if (pack_of_section (db, section_id, &pack_id, error))
    id = insert_item (db, section_id, kind, 0, clean, position < 0 ? G_MAXUINT : (guint)position, error);
  return finish (library, id > 0, pack_id, error) ? id : 0;
}

gboolean
pb_library_set_pack_item_text (PbLibrary   *library,
                               gint64       item_id,
                               const char  *text,
                               GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = clean_text (text);
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
  ok = section_of_item (db, item_id, &section_id, error) &&
       pack_of_section (db, section_id, &pack_id, error) &&
       pb_db_step_done (stmt, error);
  return finish (library, ok, pack_id, error);
}

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

  ok = section_of_item (db, item_id, &old_section, error) &&
       pack_of_section (db, old_section, &pack_id, error) &&
       pack_of_section (db, section_id, &target_pack, error);
  if (ok && target_pack != pack_id)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("Items move only within their own pack"));
      ok = FALSE;
    }

  if (ok && (target = item_order (db, section_id, error)) != NULL)
    {
      place_id (target, item_id, position);
      ok = write_item_order (db, target, section_id, error);
    }
  else
    ok = FALSE;

  /* Close the gap it left behind. */
  if (ok && old_section != section_id)
    ok = (source = item_order (db, old_section, error)) != NULL &&
         write_item_order (db, source, old_section, error);

  return finish (library, ok, pack_id, error);
}

static void
removed_section_clear (RemovedSection *section)
{
  g_free (section->title);
}

static void
removed_item_clear (RemovedItem *item)
{
  g_free (item->text);
}

void
pb_pack_removal_free (PbPackRemoval *removal)
{
  if (removal == NULL)
    return;
  g_array_unref (removal->sections);
  g_array_unref (removal->items);
  g_free (removal);
}

guint
pb_pack_removal_get_n_sections (PbPackRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);
  return removal->sections->len;
}

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

  if (!(sections = section_order (db, removal->pack_id, error)))
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
          RemovedSection section = { section_id, s, NULL, 0 };

          if (!(stmt = pb_db_prepare (db, "SELECT title, coalesce (cohort_id, 0) FROM pack_sections WHERE id = ?1", error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, section_id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            continue;
          section.title = g_strdup (pb_db_column_text (stmt, 0));
          section.cohort_id = sqlite3_column_int64 (stmt, 1);
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
      g_autoptr(GArray) order = item_order (db, section_id, error);

      if (order == NULL || !write_item_order (db, order, section_id, error))
        return FALSE;
    }
  if (removal->sections->len > 0)
    {
      g_autoptr(GArray) order = section_order (db, removal->pack_id, error);

      if (order == NULL || !write_section_order (db, order, removal->pack_id, error))
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
  g_autoptr(PbPackRemoval) removal = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (section_ids != NULL || n_sections == 0, NULL);
  g_return_val_if_fail (item_ids != NULL || n_items == 0, NULL);

  removal = g_new0 (PbPackRemoval, 1);
  removal->pack_id = pack_id;
  removal->sections = g_array_new (FALSE, TRUE, sizeof (RemovedSection));
  removal->items = g_array_new (FALSE, TRUE, sizeof (RemovedItem));
  g_array_set_clear_func (removal->sections, (GDestroyNotify)removed_section_clear);
  g_array_set_clear_func (removal->items, (GDestroyNotify)removed_item_clear);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return NULL;
  if (!finish (library,
               remove_in_transaction (db, removal, section_ids, n_sections, item_ids, n_items, error),
               pack_id, error))
    return NULL;
  return g_steal_pointer (&removal);
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
      gint64 id = insert_section (db, pack_id, section->title, section->cohort_id, section->position, error);

      if (id == 0)
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
      if (renamed == NULL && !query_id (db, "SELECT pack_id FROM pack_sections WHERE id = ?1",
                                        section_id, &owner, "", NULL))
        {
          g_autoptr(GArray) sections = section_order (db, pack_id, error);

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
      if (may && insert_item (db, section_id, item->kind, item->finding_id, item->text,
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
  return finish (library, restore_in_transaction (db, removal, error), removal->pack_id, error);
}
