/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-links"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store-private.h"
#include "pb-report-store.h"

/* A recommendation Ofsted makes again is the strongest signal a panel can
 * get, so each recommendation of a new report is compared with the same
 * authority's open items (by the words they share, pb-text-similarity.c)
 * and the likely matches are offered: "Repeated from the 2019 inspection".
 * Nothing is linked until the user confirms it; a confirmed link joins the
 * earlier item to the later one and shows in both histories. */

#define MAX_CANDIDATES 3

static void
candidate_free (PbLinkCandidate *candidate)
{
  g_free (candidate->text);
  g_free (candidate->summary);
  g_free (candidate);
}

/**
 * pb_link_suggestion_free:
 * @suggestion: (nullable) (transfer full): a recommendation and its
 *   candidates
 */
void
pb_link_suggestion_free (PbLinkSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->text);
  g_clear_pointer (&suggestion->candidates, g_ptr_array_unref);
  g_free (suggestion);
}

/**
 * pb_library_new_recommendation_index:
 *
 * Returns: (transfer full): an index of every tracked item's words, to
 *   weigh similarity by (add the texts being compared to it too)
 */
PbTextIndex *
pb_library_new_recommendation_index (PbLibrary  *library,
                                     GError    **error)
{
  g_autoptr(PbTextIndex) index = pb_text_index_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "SELECT text FROM recommendations", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    pb_text_index_add (index, pb_db_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&index);
}

static gboolean
is_linked (sqlite3 *db,
           gint64   earlier_id,
           gint64   later_id)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT 1 FROM recommendation_links"
                                                    " WHERE earlier_id = ?1 AND later_id = ?2", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, earlier_id);
  sqlite3_bind_int64 (stmt, 2, later_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const PbLinkCandidate *x = *(PbLinkCandidate **)a;
  const PbLinkCandidate *y = *(PbLinkCandidate **)b;

  if (x->linked != y->linked)
    return x->linked ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->item_id < y->item_id ? -1 : x->item_id > y->item_id;
}

/* Whether @item may be what a recommendation of @sha256, dated @date,
 * repeats: from another source, and not later. */
static gboolean
may_precede (PbRecommendationItem *item,
             const char           *sha256,
             const char           *date)
{
  const char *item_date = pb_recommendation_item_get_source_date (item);

  if (g_strcmp0 (pb_recommendation_item_get_report_sha256 (item), sha256) == 0)
    return FALSE;
  return date == NULL || item_date == NULL || g_strcmp0 (item_date, date) <= 0;
}

static char *
report_date (sqlite3    *db,
             gint64      report_id)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT coalesce (inspection_end, published,"
                                                    " substr (imported_at, 1, 10)) FROM reports WHERE id = ?1",
                                                NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (pb_db_column_text (stmt, 0)) : NULL;
}

/**
 * pb_library_suggest_recommendation_links:
 * @report_id: a report in the library, usually one just imported
 * @error: %PB_LIBRARY_ERROR_NOT_FOUND for no such report, or a %PB_DB_ERROR
 *
 * Compares each of the report's recommendations with the open items of the
 * authority it is about that come from earlier sources, and offers those
 * at least %PB_RECOMMENDATION_MATCH_THRESHOLD alike (three at most, the
 * most alike first); links confirmed already come first, whatever the
 * item's status. Nothing is changed. A report that names no authority has
 * no suggestions.
 *
 * Returns: (transfer container) (element-type PbLinkSuggestion): one per
 *   recommendation of the report, in its order
 */
GPtrArray *
pb_library_suggest_recommendation_links (PbLibrary  *library,
                                         gint64      report_id,
                                         GError    **error)
{
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_link_suggestion_free);
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PbTextIndex) index = NULL;
  g_autofree char *date = NULL;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  db = _pb_library_get_db (library);
  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(recs = pb_library_list_report_recommendations (library, report_id, error)) ||
      !(index = pb_library_new_recommendation_index (library, error)))
    return NULL;

  if (pb_report_get_local_authority (report) == NULL)
    return g_steal_pointer (&suggestions);

  filter.authority = pb_report_get_local_authority (report);
  if (!(items = pb_library_list_recommendations (library, &filter, error)))
    return NULL;
  date = report_date (db, report_id);

  /* The report's own words count in the weights too, once each: an item
   * tracking one of them is in the index already. */
  for (guint i = 0; i < recs->len; i++)
    if (((PbReportRecommendation *)g_ptr_array_index (recs, i))->item_id == 0)
      pb_text_index_add (index, ((PbReportRecommendation *)g_ptr_array_index (recs, i))->text);

  for (guint i = 0; i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);
      PbLinkSuggestion *suggestion = g_new0 (PbLinkSuggestion, 1);

      suggestion->position = rec->position;
      suggestion->text = g_strdup (rec->text);
      suggestion->page = rec->page;
      suggestion->paragraph = rec->paragraph;
      suggestion->cohort = rec->cohort;
      suggestion->item_id = rec->item_id;
      suggestion->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)candidate_free);
      g_ptr_array_add (suggestions, suggestion);

      for (guint k = 0; k < items->len; k++)
        {
          PbRecommendationItem *item = g_ptr_array_index (items, k);
          gboolean linked = rec->item_id > 0 && is_linked (db, pb_recommendation_item_get_id (item), rec->item_id);
          double score;
          PbLinkCandidate *candidate;
          g_autofree char *phrase = NULL;

          if (!linked && (!may_precede (item, pb_report_get_sha256 (report), date) ||
                          !pb_recommendation_status_is_open (pb_recommendation_item_get_status (item))))
            continue;
          score = pb_text_index_similarity (index, rec->text, pb_recommendation_item_get_text (item));
          if (!linked && score < PB_RECOMMENDATION_MATCH_THRESHOLD)
            continue;

          phrase = pb_recommendation_item_dup_source_phrase (item);
          candidate = g_new0 (PbLinkCandidate, 1);
          candidate->item_id = pb_recommendation_item_get_id (item);
          candidate->score = score;
          candidate->text = g_strdup (pb_recommendation_item_get_text (item));
          /* Translators: %s is "the 2019 inspection", "the March 2025 monitoring visit" or a title */
          candidate->summary = g_strdup_printf (_("Repeated from %s"), phrase);
          candidate->linked = linked;
          g_ptr_array_add (suggestion->candidates, candidate);
        }

      g_ptr_array_sort (suggestion->candidates, compare_candidates);
      while (suggestion->candidates->len > MAX_CANDIDATES &&
             !((PbLinkCandidate *)g_ptr_array_index (suggestion->candidates, MAX_CANDIDATES))->linked)
        g_ptr_array_remove_index (suggestion->candidates, suggestion->candidates->len - 1);
    }

  return g_steal_pointer (&suggestions);
}

/* The two items in time order, checked: both exist, are not one, and
 * concern the same authority. The earlier is the one whose source is older;
 * of two of one date, the one added first. */
static gboolean
order_pair (PbLibrary  *library,
            gint64      id,
            gint64      other_id,
            gint64     *earlier,
            gint64     *later,
            double     *score,
            GError    **error)
{
  g_autoptr(PbRecommendationItem) a = NULL;
  g_autoptr(PbRecommendationItem) b = NULL;
  const char *date_a, *date_b;
  gboolean a_first;

  if (id == other_id)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("An item cannot repeat itself."));
      return FALSE;
    }
  if (!(a = pb_library_get_recommendation (library, id, error)) ||
      !(b = pb_library_get_recommendation (library, other_id, error)))
    return FALSE;
  /* As the library compares them (COLLATE NOCASE). */
  if (g_ascii_strcasecmp (pb_recommendation_item_get_authority (a), pb_recommendation_item_get_authority (b)) != 0)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("Items %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " concern different local "
                     "authorities (%s and %s)."), id, other_id,
                   pb_recommendation_item_get_authority (a), pb_recommendation_item_get_authority (b));
      return FALSE;
    }

  date_a = pb_recommendation_item_get_source_date (a);
  date_b = pb_recommendation_item_get_source_date (b);
  a_first = date_a != NULL && date_b != NULL && g_strcmp0 (date_a, date_b) != 0
    ? g_strcmp0 (date_a, date_b) < 0 : id < other_id;

  *earlier = a_first ? id : other_id;
  *later = a_first ? other_id : id;
  *score = pb_text_similarity (pb_recommendation_item_get_text (a), pb_recommendation_item_get_text (b));
  return TRUE;
}

static gboolean
insert_link (sqlite3  *db,
             gint64    earlier,
             gint64    later,
             double    score,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pb_db_now ();

  if (!(stmt = pb_db_prepare (db, "INSERT OR IGNORE INTO recommendation_links (earlier_id, later_id, score,"
                                  " linked_at) VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, earlier);
  sqlite3_bind_int64 (stmt, 2, later);
  sqlite3_bind_double (stmt, 3, score);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return pb_db_step_done (stmt, error);
}

/* Commits and announces both items, or rolls back. */
static gboolean
finish_pair (PbLibrary  *library,
             gboolean    ok,
             gint64      earlier,
             gint64      later,
             GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);

  if (!ok || !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }
  _pb_library_emit_recommendation_changed (library, earlier);
  _pb_library_emit_recommendation_changed (library, later);
  return TRUE;
}

/**
 * pb_library_link_recommendations:
 * @id: an item
 * @other_id: another item of the same authority
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for no such item;
 *   %PB_RECOMMENDATIONS_ERROR_INVALID for one item twice, or items of
 *   different authorities
 *
 * Confirms that one item repeats the other: whichever comes from the older
 * source is the earlier. Linking twice changes nothing.
 */
gboolean
pb_library_link_recommendations (PbLibrary  *library,
                                 gint64      id,
                                 gint64      other_id,
                                 GError    **error)
{
  gint64 earlier, later;
  double score;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!order_pair (library, id, other_id, &earlier, &later, &score, error))
    return FALSE;

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  /* The other way round, it would be a loop: replaced by this one. */
  {
    g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "DELETE FROM recommendation_links"
                                                      " WHERE earlier_id = ?2 AND later_id = ?1", error);

    if (stmt == NULL)
      return finish_pair (library, FALSE, earlier, later, error);
    sqlite3_bind_int64 (stmt, 1, earlier);
    sqlite3_bind_int64 (stmt, 2, later);
    if (!pb_db_step_done (stmt, error))
      return finish_pair (library, FALSE, earlier, later, error);
  }
  return finish_pair (library, insert_link (db, earlier, later, score, error), earlier, later, error);
}

/**
 * pb_library_unlink_recommendations:
 *
 * Takes back a confirmed link, whichever way round the two ids are given.
 * Returns %TRUE when there was none.
 */
gboolean
pb_library_unlink_recommendations (PbLibrary  *library,
                                   gint64      id,
                                   gint64      other_id,
                                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  if (!(stmt = pb_db_prepare (db, "DELETE FROM recommendation_links WHERE (earlier_id = ?1 AND later_id = ?2)"
                                  " OR (earlier_id = ?2 AND later_id = ?1)", error)))
    return finish_pair (library, FALSE, id, other_id, error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  return finish_pair (library, pb_db_step_done (stmt, error), id, other_id, error);
}

/**
 * pb_library_count_likely_repeats:
 * @report_id: a report in the library
 * @item_id: the item tracking one of its recommendations, or 0 for all of
 *   them
 * @error: as pb_library_suggest_recommendation_links() gives
 *
 * Counts the report's recommendations (or the one @item_id tracks) whose
 * likeliest earlier item is not linked to them yet: what a newly imported
 * or tracked report should offer to review, since Ofsted repeating a
 * recommendation is the strongest signal a panel can get.
 *
 * Returns: how many may repeat an earlier one; 0 on error too
 */
guint
pb_library_count_likely_repeats (PbLibrary  *library,
                                 gint64      report_id,
                                 gint64      item_id,
                                 GError    **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  guint n = 0;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(suggestions = pb_library_suggest_recommendation_links (library, report_id, error)))
    return 0;
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (item_id > 0 && suggestion->item_id != item_id)
        continue;
      if (suggestion->candidates->len > 0 &&
          !((PbLinkCandidate *)g_ptr_array_index (suggestion->candidates, 0))->linked)
        n++;
    }
  return n;
}

/**
 * pb_library_confirm_recommendation_link:
 * @report_id: the report whose recommendation repeats an earlier item
 * @position: which of its recommendations, from 0
 * @earlier_id: the item it repeats
 * @error: as for pb_library_add_report_recommendation() and
 *   pb_library_link_recommendations()
 *
 * Confirms a suggestion of pb_library_suggest_recommendation_links(): the
 * recommendation becomes an item (unless it is one already) linked to
 * @earlier_id, in one transaction.
 *
 * Returns: the id of the recommendation's item, or 0 on error
 */
gint64
pb_library_confirm_recommendation_link (PbLibrary  *library,
                                        gint64      report_id,
                                        guint       position,
                                        gint64      earlier_id,
                                        GError    **error)
{
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbRecommendationItem) earlier = NULL;
  PbReportRecommendation *rec;
  sqlite3 *db;
  gint64 later_id;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(recs = pb_library_list_report_recommendations (library, report_id, error)) ||
      !(earlier = pb_library_get_recommendation (library, earlier_id, error)))
    return 0;
  if (position >= recs->len)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE, "The report has %u recommendation.",
                                "The report has %u recommendations.", recs->len), recs->len);
      return 0;
    }
  rec = g_ptr_array_index (recs, position);
  if (g_strcmp0 (pb_recommendation_item_get_report_sha256 (earlier), pb_report_get_sha256 (report)) == 0 ||
      pb_report_get_local_authority (report) == NULL ||
      g_ascii_strcasecmp (pb_report_get_local_authority (report), pb_recommendation_item_get_authority (earlier)) != 0)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("Item %" G_GINT64_FORMAT " is not an earlier recommendation for %s."), earlier_id,
                   pb_report_get_local_authority (report) ? pb_report_get_local_authority (report)
                                                          : pb_report_get_title (report));
      return 0;
    }

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return 0;

  later_id = rec->item_id;
  if (later_id == 0)
    {
      PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
      const char *cohorts[] = { rec->cohort, NULL };

      draft.authority = pb_report_get_local_authority (report);
      draft.text = rec->text;
      draft.report_sha256 = pb_report_get_sha256 (report);
      draft.page = rec->page;
      draft.paragraph = rec->paragraph;
      draft.cohorts = cohorts;
      later_id = _pb_recommendation_insert (db, &draft, NULL, error);
    }

  ok = later_id > 0 &&
       insert_link (db, earlier_id, later_id,
                    pb_text_similarity (rec->text, pb_recommendation_item_get_text (earlier)), error);
  return finish_pair (library, ok, earlier_id, later_id, error) ? later_id : 0;
}
