/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"
#include "pb-pack.h"

/* Briefing packs: what the panel receives.  A pack has sections, by default
 * one for each cohort in the Ofsted order, holding findings, notes and
 * headings in order.  A public pack never holds an exempt finding: adding
 * one is refused, and a pack made public must first let go of its own. */

G_DEFINE_QUARK (pb-packs-error-quark, pb_packs_error)

struct _PbPack
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *committee;
  char     *meeting_date;
  char     *author;
  gboolean  exempt;
  char     *introduction;
  guint     n_findings;
};

G_DEFINE_FINAL_TYPE (PbPack, pb_pack, G_TYPE_OBJECT)

#define PACK_COLUMNS \
  "p.id, p.title, p.committee, p.meeting_date, p.author, p.classification, p.introduction," \
  " (SELECT count(*) FROM pack_items AS i JOIN pack_sections AS s ON s.id = i.section_id" \
  "   WHERE s.pack_id = p.id AND i.kind = 'finding')"

static PbPack *
pack_from_row (sqlite3_stmt *stmt)
{
  PbPack *self = g_object_new (PB_TYPE_PACK, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = g_strdup (pb_db_column_text (stmt, 1));
  self->committee = g_strdup (pb_db_column_text (stmt, 2));
  self->meeting_date = g_strdup (pb_db_column_text (stmt, 3));
  self->author = g_strdup (pb_db_column_text (stmt, 4));
  self->exempt = g_strcmp0 (pb_db_column_text (stmt, 5), "exempt") == 0;
  self->introduction = g_strdup (pb_db_column_text (stmt, 6));
  self->n_findings = (guint)sqlite3_column_int (stmt, 7);
  return self;
}


/* "2026-03-12", and a real day. */
static gboolean
valid_iso_date (const char *text)
{
  unsigned year, month, day;
  char end;

  return sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

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
  if (meeting_date != NULL && !valid_iso_date (meeting_date))
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

static void
item_clear (PbPackItem *item)
{
  g_free (item->text);
}

void
pb_pack_section_free (PbPackSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->cohort);
  g_clear_pointer (&section->items, g_array_unref);
  g_free (section);
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
  if (!(stmt = pb_db_prepare (db, "SELECT s.id, s.title, c.slug, i.id, i.kind, i.finding_id, i.text"
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
          g_array_set_clear_func (section->items, (GDestroyNotify)item_clear);
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

/* The pack's classification, or FALSE with an error when there is no pack. */
static gboolean
pack_is_exempt (sqlite3  *db,
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
  return pb_db_step_done (insert, error);
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

  if (!pack_is_exempt (db, pack_id, &exempt, error))
    goto fail;

  for (guint i = 0; i < n_findings; i++)
    if (!add_one (db, pack_id, exempt, finding_ids[i], error))
      goto fail;

  if (!pb_db_step_done (touch, error) || !pb_db_commit (db, error))
    goto fail;
  _pb_library_emit_pack_changed (library, pack_id);
  return TRUE;

fail:
  pb_db_rollback (db);
  return FALSE;
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

  if (!(update = pb_db_prepare (db, "UPDATE packs SET classification = ?2, updated_at = ?3 WHERE id = ?1", error)) ||
      !(remove = pb_db_prepare (db, "DELETE FROM pack_items WHERE id IN (SELECT i.id FROM pack_items AS i"
                                    " JOIN pack_sections AS s ON s.id = i.section_id"
                                    " JOIN findings AS f ON f.id = i.finding_id"
                                    " WHERE s.pack_id = ?1 AND f.classification = 'exempt')", error)))
    return FALSE;

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!pack_is_exempt (db, pack_id, &was_exempt, error))
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

gint64
pb_pack_get_id (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->id;
}

const char *
pb_pack_get_title (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->title;
}

const char *
pb_pack_get_committee (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->committee;
}

const char *
pb_pack_get_meeting_date (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->meeting_date;
}

const char *
pb_pack_get_author (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->author;
}

gboolean
pb_pack_get_exempt (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), FALSE);
  return self->exempt;
}

const char *
pb_pack_get_introduction (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->introduction;
}

guint
pb_pack_get_n_findings (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->n_findings;
}

static void
pb_pack_finalize (GObject *object)
{
  PbPack *self = (PbPack *)object;

  g_free (self->title);
  g_free (self->committee);
  g_free (self->meeting_date);
  g_free (self->author);
  g_free (self->introduction);

  G_OBJECT_CLASS (pb_pack_parent_class)->finalize (object);
}

static void
pb_pack_class_init (PbPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_pack_finalize;
}

static void
pb_pack_init (PbPack *self)
{
}

/* The error for a pack id that names no pack. */
void
_pb_pack_set_not_found (GError **error,
                        gint64   pack_id)
{
  g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND, _("There is no pack %" G_GINT64_FORMAT), pack_id);
}
