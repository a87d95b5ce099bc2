/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-sources"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-library-private.h"
#include "pb-recommendation-store-private.h"
#include "pb-report-store.h"
#include "pb-structure-reader.h"

/* Where tracked items come from: a report's recommendations ("What needs to
 * improve?", a letter's areas for (priority) action, a SIF report's numbered
 * recommendations), all at once or one by one; a suggested finding; a
 * finding. The recommendations are read again from the report's stored page
 * text, which gives the list import read and, with it, the numbered
 * paragraphs that say where each one is. */

/**
 * pb_report_recommendation_free:
 * @rec: (nullable) (transfer full): a recommendation read from a report
 */
void
pb_report_recommendation_free (PbReportRecommendation *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->text);
  g_free (rec);
}

/* A character as the structure reader writes it: plain quotes, dashes and
 * spaces. */
static gunichar
plain_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: return '\'';
    case 0x201C: case 0x201D: return '"';
    case 0x2013: case 0x2014: return '-';
    case 0xA0: return ' ';
    default: return c;
    }
}

/* Where @needle starts in @haystack, as the structure reader would read
 * the haystack: any run of spaces matches any other (it joins an item's
 * wrapped lines with one space), and curly quotes match plain ones. */
static const char *
find_loosely (const char *haystack,
              const char *needle)
{
  for (const char *start = haystack; *start; start = g_utf8_next_char (start))
    {
      const char *h = start, *n = needle;

      while (*n && *h)
        {
          gunichar hc = plain_char (g_utf8_get_char (h));
          gunichar nc = plain_char (g_utf8_get_char (n));

          if (g_unichar_isspace (hc) && g_unichar_isspace (nc))
            {
              while (*h && g_unichar_isspace (plain_char (g_utf8_get_char (h))))
                h = g_utf8_next_char (h);
              while (*n && g_unichar_isspace (plain_char (g_utf8_get_char (n))))
                n = g_utf8_next_char (n);
            }
          else if (hc == nc)
            {
              h = g_utf8_next_char (h);
              n = g_utf8_next_char (n);
            }
          else
            break;
        }
      if (*n == '\0')
        return start;
    }
  return NULL;
}

/* The number of the last paragraph that starts before @text on @page: the
 * paragraph a SIF report's numbered recommendation is; 0 for a list before
 * the first paragraph, as an ILACS report's "What needs to improve?" is. */
static guint
paragraph_of (PbStructure         *structure,
              const char * const  *pages,
              guint                page,
              const char          *text)
{
  glong length = g_utf8_strlen (text, -1);
  const char *found = NULL;
  gsize offset;
  guint number = 0;

  if (page == 0 || page > g_strv_length ((char **)pages))
    return 0;
  /* As much of the text as the page holds: recommendations of one report
   * often start alike ("Improve the quality and timeliness of …"), so its
   * first words alone can find the one before. The whole text is missing
   * from the page when it runs on to the next; then shorter starts. */
  for (glong n = length; found == NULL; n = MAX (n / 2, MIN (length, 32)))
    {
      g_autofree char *start = g_utf8_substring (text, 0, n);

      found = find_loosely (pages[page - 1], start);
      if (n <= 32)
        break;
    }
  if (found == NULL)
    return 0;
  offset = found - pages[page - 1];

  for (guint i = 0; i < structure->paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (structure->paragraphs, PbParagraph, i);

      if (p->page > page || (p->page == page && p->offset > offset))
        break;
      number = p->number;
    }
  return number;
}

static gint64
tracking_item (sqlite3    *db,
               const char *sha256,
               const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT id FROM recommendations"
                                                    " WHERE report_sha256 = ?1 AND text = ?2"
                                                    " ORDER BY id LIMIT 1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * pb_library_list_report_recommendations:
 * @report_id: a report in the library
 * @error: %PB_LIBRARY_ERROR_NOT_FOUND for no such report, or a %PB_DB_ERROR
 *
 * Reads the report's recommendations from its stored text, with where each
 * is (page, paragraph) and the item that tracks it, if any.
 *
 * Returns: (transfer container) (element-type PbReportRecommendation): in
 *   the report's order; empty when it has none
 */
GPtrArray *
pb_library_list_report_recommendations (PbLibrary  *library,
                                        gint64      report_id,
                                        GError    **error)
{
  g_autoptr(GPtrArray) recs = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_report_recommendation_free);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_auto(GStrv) pages = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(pages = pb_library_dup_page_texts (library, pb_report_get_sha256 (report), error)))
    return NULL;

  structure = pb_structure_read_text ((const char * const *)pages);
  for (guint i = 0; i < structure->recommendations->len; i++)
    {
      PbRecommendation *source = &g_array_index (structure->recommendations, PbRecommendation, i);
      PbReportRecommendation *rec = g_new0 (PbReportRecommendation, 1);

      rec->position = i;
      rec->text = g_strdup (source->text);
      rec->page = MAX (source->page, 1);
      rec->paragraph = paragraph_of (structure, (const char * const *)pages, source->page, source->text);
      rec->cohort = source->cohort;
      rec->item_id = tracking_item (_pb_library_get_db (library), pb_report_get_sha256 (report), source->text);
      g_ptr_array_add (recs, rec);
    }
  return g_steal_pointer (&recs);
}

static gboolean
check_authority (PbReport  *report,
                 GError   **error)
{
  if (pb_report_get_local_authority (report) != NULL)
    return TRUE;
  g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
               _("“%s” does not say which local authority it is about: add its "
                 "recommendations by hand, naming the authority."),
               pb_report_get_title (report));
  return FALSE;
}

/* Adds the recommendations of @report_id at @positions (all when NULL) that
 * no item tracks yet, in one transaction. */
static GArray *
add_from_report (PbLibrary     *library,
                 gint64         report_id,
                 const guint   *position,
                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(PbReport) report = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  gint64 last_added = 0;
  guint n_added = 0;
  gboolean ok = TRUE;

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !check_authority (report, error) ||
      !(recs = pb_library_list_report_recommendations (library, report_id, error)))
    return NULL;

  if (position != NULL && *position >= recs->len)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE, "The report has %u recommendation.",
                                "The report has %u recommendations.", recs->len), recs->len);
      return NULL;
    }

  if (!pb_db_begin (db, error))
    return NULL;

  for (guint i = 0; ok && i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);
      PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
      const char *cohorts[] = { rec->cohort, NULL };
      gint64 id;

      if (position != NULL && i != *position)
        continue;
      if (rec->item_id > 0)
        {
          if (position != NULL)
            g_array_append_val (ids, rec->item_id);
          continue;
        }

      draft.authority = pb_report_get_local_authority (report);
      draft.text = rec->text;
      draft.report_sha256 = pb_report_get_sha256 (report);
      draft.page = rec->page;
      draft.paragraph = rec->paragraph;
      draft.cohorts = cohorts;
      if ((id = _pb_recommendation_insert (db, &draft, NULL, error)) == 0)
        ok = FALSE;
      else
        {
          g_array_append_val (ids, id);
          last_added = id;
          n_added++;
        }
    }

  /* Nothing new: nothing to announce. */
  if (ok && n_added == 0)
    {
      pb_db_rollback (db);
      return g_steal_pointer (&ids);
    }
  if (!_pb_recommendation_finish (library, ok, n_added == 1 ? last_added : 0, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/**
 * pb_library_add_report_recommendations:
 * @report_id: a report in the library that names its local authority
 * @error: %PB_RECOMMENDATIONS_ERROR_INVALID when the report names no
 *   authority; %PB_LIBRARY_ERROR_NOT_FOUND for no such report
 *
 * Tracks every recommendation of a report at once (those already tracked
 * are left as they are), each with its page, paragraph and, where its words
 * say, its cohort. One transaction; PbLibrary::recommendation-changed says
 * 0 when more than one item was added.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the items
 *   added, in the report's order; empty when all were tracked already
 */
GArray *
pb_library_add_report_recommendations (PbLibrary  *library,
                                       gint64      report_id,
                                       GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  return add_from_report (library, report_id, NULL, error);
}

/**
 * pb_library_add_report_recommendation:
 * @position: which of the report's recommendations, from 0, as
 *   pb_library_list_report_recommendations() lists them
 *
 * Tracks one recommendation of a report; one already tracked is returned as
 * it is.
 *
 * Returns: the item's id, or 0 with @error set (as for
 *   pb_library_add_report_recommendations(), and
 *   %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for a position past the list)
 */
gint64
pb_library_add_report_recommendation (PbLibrary  *library,
                                      gint64      report_id,
                                      guint       position,
                                      GError    **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(ids = add_from_report (library, report_id, &position, error)))
    return 0;
  return g_array_index (ids, gint64, 0);
}

/* Adds one item from a passage of a report: the paragraph is found from the
 * report's text; an item with the same words from the same report is
 * returned as it is. */
static gint64
add_passage (PbLibrary           *library,
             PbReport            *report,
             const char          *text,
             guint                page,
             guint                paragraph,
             const char * const  *cohorts,
             gboolean             exempt,
             GError             **error)
{
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  sqlite3 *db = _pb_library_get_db (library);
  gint64 id;

  if (!check_authority (report, error))
    return 0;
  if ((id = tracking_item (db, pb_report_get_sha256 (report), text)) > 0)
    return id;

  if (paragraph == 0)
    {
      g_auto(GStrv) pages = pb_library_dup_page_texts (library, pb_report_get_sha256 (report), NULL);

      if (pages != NULL)
        {
          g_autoptr(PbStructure) structure = pb_structure_read_text ((const char * const *)pages);

          paragraph = paragraph_of (structure, (const char * const *)pages, page, text);
        }
    }

  draft.authority = pb_report_get_local_authority (report);
  draft.text = text;
  draft.report_sha256 = pb_report_get_sha256 (report);
  draft.page = page;
  draft.paragraph = paragraph;
  draft.cohorts = cohorts;
  draft.exempt = exempt;

  if (!pb_db_begin (db, error))
    return 0;
  id = _pb_recommendation_insert (db, &draft, NULL, error);
  return _pb_recommendation_finish (library, id > 0, id, error) ? id : 0;
}

/**
 * pb_library_add_recommendation_from_suggestion:
 * @suggestion_id: a suggested finding read from a report's structure: a
 *   recommendation, or a section's area for improvement
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for no such suggestion;
 *   _INVALID for a suggestion of another kind, or from a report that names
 *   no authority
 *
 * Tracks the recommendation a suggestion offers. The suggestion stays
 * offered as a finding.
 *
 * Returns: the item's id (an existing one when its words are tracked
 *   already), or 0 on error
 */
gint64
pb_library_add_recommendation_from_suggestion (PbLibrary  *library,
                                               gint64      suggestion_id,
                                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *cohort = NULL;
  guint page;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "SELECT r.id, s.page_number, s.quote, s.cohort,"
                              "  s.kind IN ('recommendation', 'area_for_improvement')"
                              " FROM suggestions AS s JOIN reports AS r ON r.sha256 = s.report_sha256"
                              " WHERE s.id = ?1", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        pb_db_set_error (_pb_library_get_db (library), rc, error);
      else
        g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                     _("There is no suggested finding %" G_GINT64_FORMAT "."), suggestion_id);
      return 0;
    }
  if (!sqlite3_column_int (stmt, 4))
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("Only a recommendation or an area for improvement can be tracked."));
      return 0;
    }

  page = (guint)MAX (sqlite3_column_int (stmt, 1), 1);
  quote = g_strdup (pb_db_column_text (stmt, 2));
  cohort = g_strdup (pb_db_column_text (stmt, 3));
  if (!(report = pb_library_get_report (library, sqlite3_column_int64 (stmt, 0), error)))
    return 0;

  return add_passage (library, report, quote, page, 0, (const char * const[]) { cohort, NULL },
                      FALSE, error);
}

/**
 * pb_library_add_recommendation_from_finding:
 * @finding_id: a finding (usually of the recommendation kind)
 * @error: %PB_FINDINGS_ERROR_NOT_FOUND for no such finding;
 *   %PB_RECOMMENDATIONS_ERROR_INVALID when its report names no authority
 *
 * Tracks the passage a finding quotes, with its page, paragraph and
 * cohorts; an exempt finding makes an exempt item.
 *
 * Returns: the item's id (an existing one when its words are tracked
 *   already), or 0 on error
 */
gint64
pb_library_add_recommendation_from_finding (PbLibrary  *library,
                                            gint64      finding_id,
                                            GError    **error)
{
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(PbReport) report = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(finding = pb_library_get_finding (library, finding_id, error)) ||
      !(report = pb_library_get_report (library, pb_finding_get_report_id (finding), error)))
    return 0;

  return add_passage (library, report, pb_finding_get_quote (finding), pb_finding_get_page (finding),
                      pb_finding_get_paragraph (finding), pb_finding_get_cohorts (finding),
                      pb_finding_get_exempt (finding), error);
}
