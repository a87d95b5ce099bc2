/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"
#include "pb-pack-store-private.h"
#include "pb-pack-store.h"

/* Packs in the library: creating, listing, reading, changing their details
 * and classification, copying and deleting.  A public pack never holds an
 * exempt finding: a pack made public must first let go of its own. */

#define PACK_COLUMNS \
  "p.id, p.title, p.committee, p.meeting_date, p.author, p.classification, p.introduction," \
  " (SELECT count(*) FROM pack_items AS i JOIN pack_sections AS s ON s.id = i.section_id" \
  "   WHERE s.pack_id = p.id AND i.kind = 'finding')," \
  " p.agenda_item, p.contact, p.exempt_paragraph"

static PbPack *
pack_from_row (sqlite3_stmt *stmt)
{
  PbPack *self = _pb_pack_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = g_strdup (pb_db_column_text (stmt, 1));
  self->committee = g_strdup (pb_db_column_text (stmt, 2));
  self->meeting_date = g_strdup (pb_db_column_text (stmt, 3));
  self->author = g_strdup (pb_db_column_text (stmt, 4));
  self->exempt = g_strcmp0 (pb_db_column_text (stmt, 5), "exempt") == 0;
  self->introduction = g_strdup (pb_db_column_text (stmt, 6));
  self->n_findings = (guint)sqlite3_column_int (stmt, 7);
  self->agenda_item = g_strdup (pb_db_column_text (stmt, 8));
  self->contact = g_strdup (pb_db_column_text (stmt, 9));
  self->exempt_paragraph = (guint)sqlite3_column_int (stmt, 10);
  return self;
}

/**
 * pb_library_create_pack:
 * @library: a library
 * @title: the pack's title; spaces around it are dropped
 * @exempt: whether it is exempt (Schedule 12A to the Local Government Act
 *   1972), and so may hold exempt findings
 * @meeting_date: (nullable): the meeting's date, "YYYY-MM-DD"; %NULL for
 *   none yet
 * @error: a #GError, or %NULL
 *
 * Creates a pack with one section for each cohort, in the cohorts' order
 * (Ofsted's for the built-in ones), in one transaction, and emits
 * PbLibrary::pack-changed.
 *
 * Returns: the new pack's id; or 0 with @error set (%PB_PACKS_ERROR_INVALID
 *   for a blank title or a date not written YYYY-MM-DD, %PB_DB_ERROR)
 */
gint64
pb_library_create_pack (PbLibrary   *library,
                        const char  *title,
                        gboolean     exempt,
                        const char  *meeting_date,
                        GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) sections = NULL;
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));
  g_autofree char *now = pb_db_now ();
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (*clean_title == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A pack needs a title"));
      return 0;
    }
  if (meeting_date != NULL && !_pb_pack_valid_date (meeting_date))
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("“%s” is not a date; write the meeting date as YYYY-MM-DD"), meeting_date);
      return 0;
    }

  if (!(insert = pb_db_prepare (db, "INSERT INTO packs (title, meeting_date, classification, created_at, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?4)", error)) ||
      !(sections = pb_db_prepare (db, "INSERT INTO pack_sections (pack_id, position, title, cohort_id)"
                                      " SELECT ?1, position, name, id FROM cohorts ORDER BY position, id", error)))
    return 0;

  sqlite3_bind_text (insert, 1, clean_title, -1, SQLITE_TRANSIENT);
  if (meeting_date != NULL)
    sqlite3_bind_text (insert, 2, meeting_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, exempt ? "exempt" : "public", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, now, -1, SQLITE_TRANSIENT);

  if (!pb_db_begin (db, error))
    return 0;

  if (!pb_db_step_done (insert, error))
    goto fail;

  /* One section for each cohort, in the cohorts' order (Ofsted's for the
   * built-in ones). */
  id = sqlite3_last_insert_rowid (db);
  sqlite3_bind_int64 (sections, 1, id);
  if (!pb_db_step_done (sections, error) || !pb_db_commit (db, error))
    goto fail;

  _pb_library_emit_pack_changed (library, id);
  return id;

fail:
  pb_db_rollback (db);
  return 0;
}

/**
 * pb_library_list_packs:
 * @library: a library
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type PbPack): every pack, the latest
 *   meeting first (a pack with no meeting date by when it was created);
 *   or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_packs (PbLibrary  *library,
                       GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " PACK_COLUMNS " FROM packs AS p"
                                  " ORDER BY coalesce (p.meeting_date, p.created_at) DESC, p.id DESC", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (packs, pack_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&packs);
}

/**
 * pb_library_get_pack:
 * @library: a library
 * @id: a pack's id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the pack as it is now; or %NULL with @error set
 *   (%PB_PACKS_ERROR_NOT_FOUND, %PB_DB_ERROR)
 */
PbPack *
pb_library_get_pack (PbLibrary  *library,
                     gint64      id,
                     GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " PACK_COLUMNS " FROM packs AS p WHERE p.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return pack_from_row (stmt);

  if (rc == SQLITE_DONE)
    _pb_pack_set_not_found (error, id);
  else
    pb_db_set_error (db, rc, error);
  return NULL;
}

/**
 * pb_library_get_pack_sections:
 *
 * Returns: (transfer full) (element-type PbPackSection): the pack's
 *   sections in order, each with its items in order
 */
GPtrArray *
pb_library_get_pack_sections (PbLibrary  *library,
                              gint64      pack_id,
                              GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_pack_section_free);
  int rc;

  /* Sections with their items, one row per item (or one for an empty
   * section), in order. */
  if (!(stmt = pb_db_prepare (db, "SELECT s.id, s.title, c.slug, i.id, i.kind, i.finding_id, i.text,"
                                  " s.kind, s.options"
                                  " FROM pack_sections AS s"
                                  " LEFT JOIN cohorts AS c ON c.id = s.cohort_id"
                                  " LEFT JOIN pack_items AS i ON i.section_id = s.id"
                                  " WHERE s.pack_id = ?1 ORDER BY s.position, s.id, i.position, i.id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pack_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbPackSection *section = sections->len > 0 ? g_ptr_array_index (sections, sections->len - 1) : NULL;

      if (section == NULL || section->id != sqlite3_column_int64 (stmt, 0))
        {
          section = g_new0 (PbPackSection, 1);
          section->id = sqlite3_column_int64 (stmt, 0);
          section->title = g_strdup (pb_db_column_text (stmt, 1));
          section->cohort = g_strdup (pb_db_column_text (stmt, 2));
          section->items = g_array_new (FALSE, TRUE, sizeof (PbPackItem));
          g_array_set_clear_func (section->items, (GDestroyNotify)pb_pack_item_clear);
          _pb_pack_read_section_kind (section, pb_db_column_text (stmt, 7), pb_db_column_text (stmt, 8));
          g_ptr_array_add (sections, section);
        }

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          const char *kind = pb_db_column_text (stmt, 4);
          PbPackItem item = {
            sqlite3_column_int64 (stmt, 3),
            g_str_equal (kind, "finding") ? PB_PACK_ITEM_FINDING
              : g_str_equal (kind, "note") ? PB_PACK_ITEM_NOTE : PB_PACK_ITEM_HEADING,
            sqlite3_column_int64 (stmt, 5),
            g_strdup (pb_db_column_text (stmt, 6)),
          };
          g_array_append_val (section->items, item);
        }
    }

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&sections);
}

/**
 * pb_library_list_pack_exempt_findings:
 *
 * Returns: (transfer full) (element-type gint64): the exempt findings in
 *   the pack, in the pack's order
 */
GArray *
pb_library_list_pack_exempt_findings (PbLibrary  *library,
                                      gint64      pack_id,
                                      GError    **error)
{
  return pb_db_query_ids (_pb_library_get_db (library),
                          "SELECT f.id FROM pack_items AS i"
                          " JOIN pack_sections AS s ON s.id = i.section_id"
                          " JOIN findings AS f ON f.id = i.finding_id"
                          " WHERE s.pack_id = ?1 AND f.classification = 'exempt'"
                          " ORDER BY s.position, i.position",
                          pack_id, error);
}

/**
 * pb_library_set_pack_exempt:
 * @remove_exempt_findings: when making the pack public, take its exempt
 *   findings out of it (the caller has asked the user); otherwise a pack
 *   holding any stays as it is and the call fails
 */
gboolean
pb_library_set_pack_exempt (PbLibrary  *library,
                            gint64      pack_id,
                            gboolean    exempt,
                            gboolean    remove_exempt_findings,
                            GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(GArray) held = NULL;
  g_autofree char *now = pb_db_now ();
  gboolean was_exempt;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  /* A public pack has no paragraph of Schedule 12A: it goes with the
   * classification, and is chosen again if the pack is made exempt. */
  if (!(update = pb_db_prepare (db, "UPDATE packs SET classification = ?2, updated_at = ?3,"
                                    " exempt_paragraph = CASE WHEN ?2 = 'exempt' THEN exempt_paragraph END"
                                    " WHERE id = ?1", error)) ||
      !(remove = pb_db_prepare (db, "DELETE FROM pack_items WHERE id IN (SELECT i.id FROM pack_items AS i"
                                    " JOIN pack_sections AS s ON s.id = i.section_id"
                                    " JOIN findings AS f ON f.id = i.finding_id"
                                    " WHERE s.pack_id = ?1 AND f.classification = 'exempt')", error)))
    return FALSE;

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!_pb_pack_is_exempt (db, pack_id, &was_exempt, error))
    goto fail;

  if (!exempt && !(held = pb_library_list_pack_exempt_findings (library, pack_id, error)))
    goto fail;

  if (held != NULL && held->len > 0)
    {
      if (!remove_exempt_findings)
        {
          g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_HOLDS_EXEMPT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The pack holds %u finding that is not for publication",
                                    "The pack holds %u findings that are not for publication", held->len),
                       held->len);
          goto fail;
        }
      sqlite3_bind_int64 (remove, 1, pack_id);
      if (!pb_db_step_done (remove, error))
        goto fail;
    }

  sqlite3_bind_int64 (update, 1, pack_id);
  sqlite3_bind_text (update, 2, exempt ? "exempt" : "public", -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (update, error) || !pb_db_commit (db, error))
    goto fail;
  _pb_library_emit_pack_changed (library, pack_id);
  return TRUE;

fail:
  pb_db_rollback (db);
  return FALSE;
}

/* The paragraph of Schedule 12A as the column keeps it: 1 to 7, or 0 for
 * none (an empty value); FALSE for anything else. */
static gboolean
parse_exempt_paragraph (const char *text,
                        guint      *paragraph)
{
  guint64 value;

  if (*text == '\0')
    {
      *paragraph = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, PB_EXEMPT_PARAGRAPH_LAST, &value, NULL))
    return FALSE;
  *paragraph = (guint)value;
  return TRUE;
}

/**
 * pb_library_set_pack_field:
 * @value: (nullable): the new value; an empty one clears a field that may
 *   be empty
 *
 * Changes one of a pack's details, in one transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set: %PB_PACKS_ERROR_INVALID for an
 *   empty title, a meeting date that is not a day, an exempt paragraph
 *   other than 1 to 7, or one for a public pack; %PB_PACKS_ERROR_NOT_FOUND
 *   for no such pack
 */
gboolean
pb_library_set_pack_field (PbLibrary    *library,
                           gint64        pack_id,
                           PbPackField   field,
                           const char   *value,
                           GError      **error)
{
  static const char * const columns[] = {
    "title", "committee", "meeting_date", "author", "introduction", "agenda_item", "contact", "exempt_paragraph",
  };
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *clean = NULL;
  guint paragraph = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == PB_PACK_FIELD_EXEMPT_PARAGRAPH + 1);
  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (field <= PB_PACK_FIELD_EXEMPT_PARAGRAPH, FALSE);

  db = _pb_library_get_db (library);
  /* An introduction keeps its own layout; one-line fields lose stray spaces. */
  clean = field == PB_PACK_FIELD_INTRODUCTION ? g_strdup (value ? value : "") : _pb_pack_clean_text (value);

  if (field == PB_PACK_FIELD_TITLE && *clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A pack needs a title"));
      return FALSE;
    }
  if (field == PB_PACK_FIELD_MEETING_DATE && *clean != '\0' && !_pb_pack_valid_date (clean))
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("“%s” is not a date; write the meeting date as YYYY-MM-DD"), clean);
      return FALSE;
    }
  if (field == PB_PACK_FIELD_EXEMPT_PARAGRAPH && !parse_exempt_paragraph (clean, &paragraph))
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("“%s” is not a paragraph of Schedule 12A; give a number from 1 to 7"), clean);
      return FALSE;
    }

  /* Only an exempt pack says which paragraph of Schedule 12A makes it so;
   * a public one that did would print a reason for withholding it. */
  if (field == PB_PACK_FIELD_EXEMPT_PARAGRAPH && paragraph > 0)
    {
      gboolean exempt;

      if (!_pb_pack_is_exempt (db, pack_id, &exempt, error))
        return FALSE;
      if (!exempt)
        {
          g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                       _("A public pack has no exempt paragraph; make the pack exempt first"));
          return FALSE;
        }
    }

  /* The column name comes from the table above, never from the caller. */
  sql = g_strdup_printf ("UPDATE packs SET %s = ?2 WHERE id = ?1", columns[field]);
  if (!(stmt = pb_db_prepare (db, sql, error)) || !pb_db_begin (db, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pack_id);
  if ((field == PB_PACK_FIELD_MEETING_DATE || field == PB_PACK_FIELD_EXEMPT_PARAGRAPH) && *clean == '\0')
    sqlite3_bind_null (stmt, 2);
  else if (field == PB_PACK_FIELD_EXEMPT_PARAGRAPH)
    sqlite3_bind_int (stmt, 2, (int)paragraph);
  else
    sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);

  return _pb_pack_finish (library, pb_db_step_done (stmt, error), pack_id, error);
}

/**
 * pb_library_delete_pack:
 * @library: a library
 * @pack_id: a pack
 * @error: a #GError, or %NULL
 *
 * Deletes the pack with its sections and items (the findings stay), and
 * emits PbLibrary::pack-changed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_NOT_FOUND,
 *   %PB_DB_ERROR)
 */
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

  if (!(sections = pb_db_prepare (db, "SELECT id, position, title, cohort_id, kind, options FROM pack_sections"
                                      " WHERE pack_id = ?1 ORDER BY position, id", error)) ||
      !(insert = pb_db_prepare (db, "INSERT INTO pack_sections (pack_id, position, title, cohort_id, kind, options)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
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
      sqlite3_bind_text (insert, 5, pb_db_column_text (sections, 4), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 6, pb_db_column_text (sections, 5), -1, SQLITE_TRANSIENT);
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
  /* The agenda item is the next meeting's to give; who to contact and
   * why the pack is exempt carry over with the classification. */
  if (!(insert = pb_db_prepare (db, "INSERT INTO packs (title, committee, meeting_date, author, classification,"
                                    " introduction, contact, exempt_paragraph, created_at, updated_at)"
                                    " SELECT printf (?2, title), committee, NULL, author, classification,"
                                    " introduction, contact, exempt_paragraph, ?3, ?3 FROM packs WHERE id = ?1",
                                error)))
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
