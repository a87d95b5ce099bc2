/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-recommendation-store-private.h"
#include "pb-report-store.h"

/* Tracked recommendations: adding one by hand, reading them back (one, or
 * an authority's tracker filtered), their cohorts, and deleting. Where items
 * come from reports is pb-recommendation-sources.c; their history and Undo,
 * pb-recommendation-history.c. */

/* An item's columns, with its current status: that of the entry with the
 * latest date (the latest recorded among entries of one date). A report
 * removed from the library leaves its title, type and date in the item. */
#define ITEM_SELECT \
  "SELECT r.id, r.authority, r.text, rep.sha256, rep.id, coalesce (rep.title, r.source_label)," \
  "  coalesce (rep.doc_type, r.source_type)," \
  "  coalesce (rep.inspection_end, rep.published, r.source_date), r.source_label," \
  "  r.paragraph, r.page_number, r.owner, r.due," \
  "  r.classification = 'exempt' OR coalesce (rep.classification = 'exempt', 0)," \
  "  r.created_at, r.updated_at," \
  "  (SELECT group_concat (slug, ' ') FROM (SELECT c.slug FROM recommendation_cohorts AS rc" \
  "     JOIN cohorts AS c ON c.id = rc.cohort_id WHERE rc.recommendation_id = r.id ORDER BY c.position))," \
  "  coalesce (e.status, 'not_started'), e.date, e.note," \
  "  (SELECT count (DISTINCT ev.finding_id) FROM recommendation_entries AS x" \
  "     JOIN recommendation_evidence AS ev ON ev.entry_id = x.id WHERE x.recommendation_id = r.id)," \
  "  (SELECT count (*) FROM recommendation_links AS l WHERE l.earlier_id = r.id)" \
  "   + (SELECT count (*) FROM recommendation_links AS l WHERE l.later_id = r.id)," \
  "  r.due IS NOT NULL AND r.due < ?6 AND coalesce (e.status, 'not_started') <> 'met'" \
  " FROM recommendations AS r" \
  " LEFT JOIN reports AS rep ON rep.sha256 = r.report_sha256" \
  " LEFT JOIN recommendation_entries AS e ON e.id = (SELECT y.id FROM recommendation_entries AS y" \
  "   WHERE y.recommendation_id = r.id ORDER BY y.date DESC, y.id DESC LIMIT 1)"

static char *
dup_or_null (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup (pb_db_column_text (stmt, column));
}

static PbRecommendationItem *
item_from_stmt (sqlite3_stmt *stmt)
{
  PbRecommendationItem *item = _pb_recommendation_item_new ();
  const char *cohorts = pb_db_column_text (stmt, 16);
  PbRecommendationStatus status = PB_RECOMMENDATION_STATUS_NOT_STARTED;

  item->id = sqlite3_column_int64 (stmt, 0);
  item->authority = dup_or_null (stmt, 1);
  item->text = dup_or_null (stmt, 2);
  item->report_sha256 = dup_or_null (stmt, 3);
  item->report_id = sqlite3_column_int64 (stmt, 4);
  item->report_title = item->report_sha256 ? dup_or_null (stmt, 5) : NULL;
  item->document_type = pb_document_type_from_slug (pb_db_column_text (stmt, 6));
  item->source_date = dup_or_null (stmt, 7);
  g_free (item->source_label);
  item->source_label = g_strdup (pb_db_column_text (stmt, 8) ? pb_db_column_text (stmt, 8) : "");
  item->paragraph = (guint)MAX (sqlite3_column_int (stmt, 9), 0);
  item->page = (guint)MAX (sqlite3_column_int (stmt, 10), 0);
  g_free (item->owner);
  item->owner = g_strdup (pb_db_column_text (stmt, 11) ? pb_db_column_text (stmt, 11) : "");
  item->due = dup_or_null (stmt, 12);
  item->exempt = sqlite3_column_int (stmt, 13) != 0;
  item->created = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 14), NULL);
  item->updated = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 15), NULL);
  if (cohorts != NULL && *cohorts != '\0')
    {
      g_strfreev (item->cohorts);
      item->cohorts = g_strsplit (cohorts, " ", -1);
    }
  pb_recommendation_status_from_slug (pb_db_column_text (stmt, 17), &status);
  item->status = status;
  item->status_date = dup_or_null (stmt, 18);
  item->status_note = dup_or_null (stmt, 19);
  item->evidence_count = (guint)sqlite3_column_int (stmt, 20);
  item->link_count = (guint)sqlite3_column_int (stmt, 21);
  item->overdue = sqlite3_column_int (stmt, 22) != 0;

  return item;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/**
 * _pb_recommendation_query:
 * @filter: (nullable): which items; %NULL for all
 * @only_id: one item's id, or 0
 *
 * Returns: (transfer container) (element-type PbRecommendationItem): the
 *   items, by the date of their source, then as they were added
 */
GPtrArray *
_pb_recommendation_query (PbLibrary                    *library,
                          const PbRecommendationFilter *filter,
                          gint64                        only_id,
                          GError                      **error)
{
  static const PbRecommendationFilter all = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  if (filter == NULL)
    filter = &all;

  if (filter->status >= PB_N_RECOMMENDATION_STATUSES ||
      (filter->today != NULL && !_pb_recommendation_valid_date (filter->today)))
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("The filter asks for a status or a date that does not exist."));
      return NULL;
    }

  if (!(stmt = pb_db_prepare (db, ITEM_SELECT
                              " WHERE (?1 IS NULL OR r.authority = ?1)"
                              "  AND (?2 IS NULL"
                              "       OR (?2 = '' AND NOT EXISTS (SELECT 1 FROM recommendation_cohorts AS rc"
                              "             WHERE rc.recommendation_id = r.id))"
                              "       OR EXISTS (SELECT 1 FROM recommendation_cohorts AS rc"
                              "    JOIN cohorts AS c ON c.id = rc.cohort_id"
                              "    WHERE rc.recommendation_id = r.id AND c.slug = ?2))"
                              "  AND (?3 IS NULL OR coalesce (e.status, 'not_started') = ?3)"
                              "  AND (?4 = 0 OR (r.due IS NOT NULL AND r.due < ?6"
                              "                  AND coalesce (e.status, 'not_started') <> 'met'))"
                              "  AND (?5 = 0 OR coalesce (e.status, 'not_started') <> 'met')"
                              "  AND (?7 IS NULL OR r.report_sha256 = ?7)"
                              "  AND (?8 = 0 OR r.id = ?8)"
                              " ORDER BY coalesce (rep.inspection_end, rep.published, r.source_date), r.id",
                              error)))
    return NULL;

  today = filter->today ? g_strdup (filter->today) : _pb_recommendation_today ();
  bind_text_or_null (stmt, 1, filter->authority);
  bind_text_or_null (stmt, 2, filter->cohort);
  bind_text_or_null (stmt, 3, filter->status >= 0 ? pb_recommendation_status_to_slug (filter->status) : NULL);
  sqlite3_bind_int (stmt, 4, filter->overdue);
  sqlite3_bind_int (stmt, 5, filter->open);
  bind_text_or_null (stmt, 6, today);
  bind_text_or_null (stmt, 7, filter->report_sha256);
  sqlite3_bind_int64 (stmt, 8, only_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Whether @text is a real date written "YYYY-MM-DD". */
gboolean
_pb_recommendation_valid_date (const char *text)
{
  int y, m, d, end = 0;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &end) == 3 && end == 10 &&
         g_date_valid_dmy (d, m, y);
}

/* The field a date message names, capitalised to open a sentence. */
static const char *
date_field_name (PbRecommendationDateField field)
{
  switch (field)
    {
    case PB_RECOMMENDATION_DATE_STATUS: return _("The status date");
    case PB_RECOMMENDATION_DATE_DUE: return _("The due date");
    case PB_RECOMMENDATION_DATE_SOURCE: return _("The date it was made");
    default: g_assert_not_reached ();
    }
}

/**
 * pb_recommendation_check_date:
 * @field: which of an item's dates @text is, for the message
 * @text: (nullable): a date as the user typed it
 * @error: %PB_RECOMMENDATIONS_ERROR_DATE naming the field and what is
 *   wrong: the way it is written, or that the day does not exist
 *   ("2024-02-30"), which a user who wrote YYYY-MM-DD would not learn from
 *   "write YYYY-MM-DD" alone
 *
 * Returns: whether @text is a real day written YYYY-MM-DD
 */
gboolean
pb_recommendation_check_date (PbRecommendationDateField   field,
                              const char                 *text,
                              GError                    **error)
{
  int y, m, d, end = 0;

  if (_pb_recommendation_valid_date (text))
    return TRUE;
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &end) != 3 || end != 10)
    /* Translators: the first %s is "The status date" or "The due date", the second what was typed */
    g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE,
                 _("%s “%s” is not written YYYY-MM-DD, such as 2025-03-31."),
                 date_field_name (field), text ? text : "");
  else if (!g_date_valid_month (m) || !g_date_valid_year (y))
    /* Translators: the first %s is "The status date" or "The due date", the second what was typed */
    g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE,
                 _("%s “%s” does not exist: a month is numbered 01 to 12."),
                 date_field_name (field), text);
  else
    /* Translators: the first %s is "The status date" or "The due date", the second what was typed; %u counts days */
    g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE,
                 _("%s “%s” does not exist: that month has %u days."),
                 date_field_name (field), text, (guint)g_date_get_days_in_month (m, y));
  return FALSE;
}

/* Today where the user is, "YYYY-MM-DD". */
char *
_pb_recommendation_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
_pb_recommendation_exists (sqlite3  *db,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT 1 FROM recommendations WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    pb_db_set_error (db, rc, error);
  else
    g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                 _("There is no tracked recommendation %" G_GINT64_FORMAT "."), id);
  return FALSE;
}

/* Ends the transaction a change began: commits and announces it when @ok,
 * otherwise rolls it back. @id is the item changed, or 0 for several. */
gboolean
_pb_recommendation_finish (PbLibrary  *library,
                           gboolean    ok,
                           gint64      id,
                           GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);

  if (ok && pb_db_commit (db, error))
    {
      _pb_library_emit_recommendation_changed (library, id);
      return TRUE;
    }
  pb_db_rollback (db);
  return FALSE;
}

static gboolean
write_cohorts (sqlite3             *db,
               gint64               id,
               const char * const  *cohorts,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;

  if (!(clear = pb_db_prepare (db, "DELETE FROM recommendation_cohorts WHERE recommendation_id = ?1", error)) ||
      !(add = pb_db_prepare (db, "INSERT OR IGNORE INTO recommendation_cohorts (recommendation_id, cohort_id)"
                                 " SELECT ?1, id FROM cohorts WHERE slug = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, id);
  if (!pb_db_step_done (clear, error))
    return FALSE;

  for (guint i = 0; cohorts != NULL && cohorts[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) known = pb_db_prepare (db, "SELECT 1 FROM cohorts WHERE slug = ?1", error);

      if (known == NULL)
        return FALSE;
      sqlite3_bind_text (known, 1, cohorts[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (known) != SQLITE_ROW)
        {
          g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                       _("There is no cohort “%s”."), cohorts[i]);
          return FALSE;
        }

      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, id);
      sqlite3_bind_text (add, 2, cohorts[i], -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (add, error))
        return FALSE;
    }
  return TRUE;
}

/* Checks a draft against the library: its words, dates, report and page. */
static gboolean
validate (sqlite3                      *db,
          const PbRecommendationDraft  *draft,
          GError                      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (draft->text ? draft->text : ""));
  g_autofree char *authority = g_strstrip (g_strdup (draft->authority ? draft->authority : ""));

  if (*text == '\0')
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("A tracked recommendation needs its words."));
      return FALSE;
    }
  if (*authority == '\0')
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("Say which local authority the recommendation is for."));
      return FALSE;
    }
  if ((draft->due != NULL && *draft->due != '\0' &&
       !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_DUE, draft->due, error)) ||
      (draft->source_date != NULL &&
       !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_SOURCE, draft->source_date, error)))
    return FALSE;

  if (draft->report_sha256 != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT page_count FROM reports WHERE sha256 = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, draft->report_sha256, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                       _("The recommendation’s report is not in the library."));
          return FALSE;
        }
      if (draft->page > (guint)sqlite3_column_int (stmt, 0))
        {
          g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                       _("The report has no page %u."), draft->page);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * _pb_recommendation_insert:
 * @source_type: the document type's slug, for an item without a report
 *
 * Inserts an item inside the caller's transaction. An item from a report
 * takes the report's date and classification as its own.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
_pb_recommendation_insert (sqlite3                      *db,
                           const PbRecommendationDraft  *draft,
                           const char                   *source_type,
                           GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pb_db_now ();
  g_autofree char *today = _pb_recommendation_today ();
  g_autofree char *text = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *owner = NULL;
  gint64 id;

  if (!validate (db, draft, error))
    return 0;

  text = g_strstrip (g_strdup (draft->text));
  authority = g_strstrip (g_strdup (draft->authority));
  owner = g_strstrip (g_strdup (draft->owner ? draft->owner : ""));

  if (!(stmt = pb_db_prepare (db,
                              "INSERT INTO recommendations (authority, text, report_sha256, paragraph,"
                              "  page_number, source_label, source_type, source_date, owner, due,"
                              "  classification, created_at, updated_at)"
                              " SELECT ?1, ?2, ?3, ?4, ?5, ?6,"
                              "  coalesce ((SELECT doc_type FROM reports WHERE sha256 = ?3), ?7),"
                              "  coalesce (?8, (SELECT coalesce (inspection_end, published,"
                              "                                  substr (imported_at, 1, 10))"
                              "                 FROM reports WHERE sha256 = ?3), ?9),"
                              "  ?10, ?11,"
                              "  CASE WHEN ?12 OR coalesce ((SELECT classification = 'exempt' FROM reports"
                              "                              WHERE sha256 = ?3), 0)"
                              "   THEN 'exempt' ELSE 'public' END,"
                              "  ?13, ?13", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, authority, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, draft->report_sha256);
  if (draft->paragraph > 0)
    sqlite3_bind_int (stmt, 4, (int)draft->paragraph);
  if (draft->page > 0 && draft->report_sha256 != NULL)
    sqlite3_bind_int (stmt, 5, (int)draft->page);
  sqlite3_bind_text (stmt, 6, draft->source_label ? draft->source_label : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, source_type ? source_type : "other", -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 8, draft->source_date);
  sqlite3_bind_text (stmt, 9, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, owner, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 11, draft->due != NULL && *draft->due != '\0' ? draft->due : NULL);
  sqlite3_bind_int (stmt, 12, draft->exempt);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_TRANSIENT);

  if (!pb_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  if (!write_cohorts (db, id, draft->cohorts, error))
    return 0;
  return id;
}

/**
 * pb_library_add_recommendation:
 * @draft: the item: its words and authority at least
 * @error: %PB_RECOMMENDATIONS_ERROR_INVALID for missing words or authority,
 *   a date not written YYYY-MM-DD, an unknown cohort or a page the report
 *   does not have; %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for a report not in
 *   the library; or a %PB_DB_ERROR
 *
 * Adds an item by hand: from a council action plan (with @draft's
 * source_label and source_date), or from a report's passage.
 *
 * Returns: the new item's id, or 0 on error
 */
gint64
pb_library_add_recommendation (PbLibrary                    *library,
                               const PbRecommendationDraft  *draft,
                               GError                      **error)
{
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);
  g_return_val_if_fail (draft != NULL, 0);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return 0;
  id = _pb_recommendation_insert (db, draft, "other", error);
  return _pb_recommendation_finish (library, id > 0, id, error) ? id : 0;
}

/**
 * pb_library_get_recommendation:
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND when there is no item @id
 *
 * Returns: (transfer full): the item as it now stands, or %NULL
 */
PbRecommendationItem *
pb_library_get_recommendation (PbLibrary  *library,
                               gint64      id,
                               GError    **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(items = _pb_recommendation_query (library, NULL, id, error)))
    return NULL;
  if (id <= 0 || items->len == 0)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                   _("There is no tracked recommendation %" G_GINT64_FORMAT "."), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * pb_library_list_recommendations:
 * @filter: (nullable): which items; %NULL for every one
 *
 * Returns: (transfer container) (element-type PbRecommendationItem): the
 *   items that pass @filter, oldest source first, or %NULL with @error set
 *   (%PB_RECOMMENDATIONS_ERROR_INVALID for a status or "today" that is not
 *   one)
 */
GPtrArray *
pb_library_list_recommendations (PbLibrary                    *library,
                                 const PbRecommendationFilter *filter,
                                 GError                      **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  return _pb_recommendation_query (library, filter, 0, error);
}

/**
 * pb_library_list_tracked_authorities:
 *
 * Returns: (transfer full): the authorities with tracked items, by name
 */
GStrv
pb_library_list_tracked_authorities (PbLibrary  *library,
                                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "SELECT authority FROM recommendations GROUP BY authority"
                                  " ORDER BY authority", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, pb_db_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (names);
}

static gboolean
touch (sqlite3  *db,
       gint64    id,
       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "UPDATE recommendations SET updated_at = ?2 WHERE id = ?1", error);
  g_autofree char *now = pb_db_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return pb_db_step_done (stmt, error);
}

/**
 * pb_library_set_recommendation_cohorts:
 * @cohorts: (nullable): cohort slugs; %NULL or empty for none
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND, or _INVALID for a cohort
 *   that does not exist
 *
 * Replaces the cohorts an item concerns.
 */
gboolean
pb_library_set_recommendation_cohorts (PbLibrary           *library,
                                       gint64               id,
                                       const char * const  *cohorts,
                                       GError             **error)
{
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  return _pb_recommendation_finish (library,
                                    _pb_recommendation_exists (db, id, error) &&
                                    write_cohorts (db, id, cohorts, error) &&
                                    touch (db, id, error),
                                    id, error);
}

/**
 * pb_library_delete_recommendation:
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND when there is no item @id
 *
 * Deletes an item with its history and links. The findings that evidenced
 * it stay.
 */
gboolean
pb_library_delete_recommendation (PbLibrary  *library,
                                  gint64      id,
                                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  if (!_pb_recommendation_exists (db, id, error) ||
      !(stmt = pb_db_prepare (db, "DELETE FROM recommendations WHERE id = ?1", error)))
    return _pb_recommendation_finish (library, FALSE, id, error);
  sqlite3_bind_int64 (stmt, 1, id);
  return _pb_recommendation_finish (library, pb_db_step_done (stmt, error), id, error);
}
