/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-recommendation-item-private.h"
#include "pb-recommendation-links.h"
#include "pb-report-compare.h"
#include "pb-report-store.h"
#include "pb-structure-reader.h"
#include "pb-structure-store.h"

/* Two reports of one authority compared, judgement by judgement: the grade
 * then and now, and each cohort section's numbered paragraphs (number, page
 * and words from the stored page text) side by side; and the
 * recommendations that are new, made again, and no longer made. A
 * recommendation counts as made again when its items are linked, or when
 * the words are alike enough (pb_text_match_lists()). */

/* The judgements in the order a panel reads them: the cohorts, then
 * leaders, then the overall line and adoption, where a report has them. */
static const struct
{
  PbJudgement  judgement;
  const char  *cohort;
} judged[] = {
  { PB_JUDGEMENT_HELP_AND_PROTECTION, "help_and_protection" },
  { PB_JUDGEMENT_CHILDREN_IN_CARE, "children_in_care" },
  { PB_JUDGEMENT_CARE_LEAVERS, "care_leavers" },
  { PB_JUDGEMENT_LEADERS, "leadership" },
  { PB_JUDGEMENT_OVERALL, NULL },
  { PB_JUDGEMENT_ADOPTION, NULL },
};

/* Lines that open a new part of a report: a paragraph read up to the next
 * one stops before them. */
static const char * const headings[] = {
  "The experiences and progress of", "The impact of leaders on social work",
  "What needs to improve", "Overall effectiveness", "Areas for priority action",
};

/**
 * pb_grade_change_to_slug:
 *
 * Returns: "none", "same", "better" or "worse"
 */
const char *
pb_grade_change_to_slug (PbGradeChange change)
{
  static const char * const slugs[] = { "none", "same", "better", "worse" };

  g_return_val_if_fail (change < G_N_ELEMENTS (slugs), NULL);
  return slugs[change];
}

/**
 * pb_grade_change_get_label:
 *
 * Returns: the change in words for people, translated: "Improved",
 *   "Declined", "No change", or "" when there is nothing to compare
 */
const char *
pb_grade_change_get_label (PbGradeChange change)
{
  static const char * const labels[] = { "", N_("No change"), N_("Improved"), N_("Declined") };

  g_return_val_if_fail (change < G_N_ELEMENTS (labels), NULL);
  return change == PB_GRADE_CHANGE_NONE ? "" : _(labels[change]);
}

static void
compare_paragraph_clear (PbCompareParagraph *paragraph)
{
  g_free (paragraph->text);
}

static void
compare_cohort_free (PbCompareCohort *cohort)
{
  g_clear_pointer (&cohort->before_paragraphs, g_array_unref);
  g_clear_pointer (&cohort->after_paragraphs, g_array_unref);
  g_free (cohort);
}

/**
 * pb_report_comparison_free:
 * @comparison: (nullable) (transfer full): a comparison of two reports
 */
void
pb_report_comparison_free (PbReportComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->before_name);
  g_free (comparison->after_name);
  g_free (comparison->before_date);
  g_free (comparison->after_date);
  g_free (comparison->authority);
  g_clear_pointer (&comparison->cohorts, g_ptr_array_unref);
  g_clear_pointer (&comparison->before_recommendations, g_ptr_array_unref);
  g_clear_pointer (&comparison->after_recommendations, g_ptr_array_unref);
  g_clear_pointer (&comparison->repeated, g_array_unref);
  g_clear_pointer (&comparison->new_recommendations, g_array_unref);
  g_clear_pointer (&comparison->dropped, g_array_unref);
  g_free (comparison);
}

/* One report as the comparison needs it. */
typedef struct
{
  PbReport     *report;
  PbStructure  *stored;     /* grades and sections as import read them */
  PbStructure  *text;       /* read again from the text: paragraphs with offsets */
  GStrv         pages;
  GHashTable   *running;    /* lines (digits taken out) on most pages */
  char         *date;
} Side;

static void
side_clear (Side *side)
{
  g_clear_object (&side->report);
  g_clear_pointer (&side->stored, pb_structure_free);
  g_clear_pointer (&side->text, pb_structure_free);
  g_clear_pointer (&side->pages, g_strfreev);
  g_clear_pointer (&side->running, g_hash_table_unref);
  g_clear_pointer (&side->date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Side, side_clear)

static char *
without_digits (const char *line)
{
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p; p++)
    if (!g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_strstrip (g_string_free (out, FALSE));
}

/* The running headers and footers: lines, numbers aside, on at least half
 * the pages of a report of three pages or more. */
static GHashTable *
find_running_lines (const char * const *pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pages = g_strv_length ((char **)pages);
  GHashTableIter iter;
  gpointer key, value;

  if (n_pages < 3)
    return running;

  for (guint i = 0; i < n_pages; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);
      g_autoptr(GHashTable) on_page = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint k = 0; lines[k] != NULL; k++)
        {
          char *bare = without_digits (lines[k]);

          if (*bare == '\0')
            {
              g_free (bare);
              continue;
            }
          /* Counted once per page; the table owns @bare either way. */
          if (g_hash_table_add (on_page, bare))
            g_hash_table_insert (counts, g_strdup (bare),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, bare)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) * 2 >= n_pages)
      g_hash_table_add (running, g_strdup (key));
  return running;
}

static gboolean
opens_part (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_str_has_prefix (line, headings[i]))
      return TRUE;
  return FALSE;
}

/* The words of paragraph @i, from its number to the next paragraph (or the
 * next part of the report, or the end of the page after its own), without
 * page numbers and running lines, its lines joined. */
static char *
paragraph_text (Side  *side,
                guint  i)
{
  GArray *paragraphs = side->text->paragraphs;
  const PbParagraph *p = &g_array_index (paragraphs, PbParagraph, i);
  const PbParagraph *next = i + 1 < paragraphs->len ? &g_array_index (paragraphs, PbParagraph, i + 1) : NULL;
  guint n_pages = g_strv_length (side->pages);
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  const char *page;

  if (p->page == 0 || p->page > n_pages)
    return g_strdup ("");
  page = side->pages[p->page - 1];

  if (next != NULL && next->page == p->page && next->offset >= p->offset)
    g_string_append_len (raw, page + MIN (p->offset, strlen (page)), next->offset - p->offset);
  else
    {
      g_string_append (raw, page + MIN (p->offset, strlen (page)));
      if (next != NULL && next->page == p->page + 1 && next->page <= n_pages)
        {
          g_string_append_c (raw, '\n');
          g_string_append_len (raw, side->pages[next->page - 1],
                               MIN (next->offset, strlen (side->pages[next->page - 1])));
        }
    }

  lines = g_strsplit (raw->str, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_autofree char *bare = without_digits (lines[k]);
      char *line = g_strstrip (lines[k]);

      if (*line == '\0' || *bare == '\0' || g_hash_table_contains (side->running, bare))
        continue;
      if (k > 0 && opens_part (line))
        break;
      /* "12." or "12. Text": the number is given apart. */
      if (k == 0 && g_ascii_isdigit (*line))
        {
          const char *rest = line + strspn (line, "0123456789");

          if (*rest == '.')
            line = g_strstrip ((char *)rest + 1);
          if (*line == '\0')
            continue;
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GArray *
cohort_paragraphs (Side       *side,
                   const char *cohort)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PbCompareParagraph));

  g_array_set_clear_func (out, (GDestroyNotify)compare_paragraph_clear);
  for (guint i = 0; cohort != NULL && i < side->text->paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (side->text->paragraphs, PbParagraph, i);
      PbCompareParagraph paragraph;

      if (g_strcmp0 (p->cohort, cohort) != 0)
        continue;
      paragraph.number = p->number;
      paragraph.page = p->page;
      paragraph.text = paragraph_text (side, i);
      g_array_append_val (out, paragraph);
    }
  return out;
}

static gboolean
load_side (PbLibrary  *library,
           gint64      report_id,
           Side       *side,
           GError    **error)
{
  char text[16];

  if (!(side->report = pb_library_get_report (library, report_id, error)) ||
      !(side->pages = pb_library_dup_page_texts (library, pb_report_get_sha256 (side->report), error)))
    return FALSE;

  side->stored = pb_library_get_structure (library, report_id, NULL);
  side->text = pb_structure_read_text ((const char * const *)side->pages);
  if (side->stored == NULL)
    side->stored = pb_structure_read_text ((const char * const *)side->pages);
  side->running = find_running_lines ((const char * const *)side->pages);

  if (g_date_valid (&side->stored->inspection_end))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &side->stored->inspection_end);
  else if (g_date_valid (&side->stored->published))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &side->stored->published);
  else
    {
      GDateTime *when = pb_report_get_display_date (side->report);

      g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_time_get_year (when),
                  g_date_time_get_month (when), g_date_time_get_day_of_month (when));
    }
  side->date = g_strdup (text);
  return TRUE;
}

static gboolean
linked (sqlite3 *db,
        gint64   earlier,
        gint64   later)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT 1 FROM recommendation_links"
                                                    " WHERE earlier_id = ?1 AND later_id = ?2", NULL);

  if (stmt == NULL || earlier == 0 || later == 0)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, earlier);
  sqlite3_bind_int64 (stmt, 2, later);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static int
compare_repeats (gconstpointer a,
                 gconstpointer b)
{
  const PbCompareRepeat *x = a, *y = b;

  return x->after < y->after ? -1 : x->after > y->after;
}

/* Which recommendations are made again, new, or no longer made. */
static gboolean
match_recommendations (PbLibrary           *library,
                       PbReportComparison  *c,
                       GError             **error)
{
  g_autoptr(PbTextIndex) index = NULL;
  g_autoptr(GPtrArray) rest_before = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest_after = g_ptr_array_new ();
  g_autoptr(GArray) before_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) after_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) pairs = NULL;
  gboolean *before_done;
  gboolean *after_done;
  sqlite3 *db = _pb_library_get_db (library);

  if (!(index = pb_library_new_recommendation_index (library, error)))
    return FALSE;

  before_done = g_new0 (gboolean, c->before_recommendations->len + 1);
  after_done = g_new0 (gboolean, c->after_recommendations->len + 1);

  /* Links the user confirmed come first. */
  for (guint j = 0; j < c->after_recommendations->len; j++)
    for (guint i = 0; i < c->before_recommendations->len; i++)
      {
        PbReportRecommendation *a = g_ptr_array_index (c->before_recommendations, i);
        PbReportRecommendation *b = g_ptr_array_index (c->after_recommendations, j);
        PbCompareRepeat repeat = { i, j, 0, TRUE };

        if (before_done[i] || after_done[j] || !linked (db, a->item_id, b->item_id))
          continue;
        repeat.score = pb_text_index_similarity (index, a->text, b->text);
        g_array_append_val (c->repeated, repeat);
        before_done[i] = after_done[j] = TRUE;
      }

  for (guint i = 0; i < c->before_recommendations->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (c->before_recommendations, i);

      if (rec->item_id == 0)
        pb_text_index_add (index, rec->text);
      if (!before_done[i])
        {
          g_ptr_array_add (rest_before, rec->text);
          g_array_append_val (before_of, i);
        }
    }
  for (guint j = 0; j < c->after_recommendations->len; j++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (c->after_recommendations, j);

      if (rec->item_id == 0)
        pb_text_index_add (index, rec->text);
      if (!after_done[j])
        {
          g_ptr_array_add (rest_after, rec->text);
          g_array_append_val (after_of, j);
        }
    }
  g_ptr_array_add (rest_before, NULL);
  g_ptr_array_add (rest_after, NULL);

  pairs = pb_text_match_lists (index, (const char * const *)rest_before->pdata,
                               (const char * const *)rest_after->pdata, PB_RECOMMENDATION_MATCH_THRESHOLD);
  for (guint k = 0; k < pairs->len; k++)
    {
      PbTextMatch *match = &g_array_index (pairs, PbTextMatch, k);
      PbCompareRepeat repeat = { g_array_index (before_of, guint, match->a),
                                 g_array_index (after_of, guint, match->b), match->score, FALSE };

      g_array_append_val (c->repeated, repeat);
      before_done[repeat.before] = after_done[repeat.after] = TRUE;
    }
  g_array_sort (c->repeated, compare_repeats);

  for (guint j = 0; j < c->after_recommendations->len; j++)
    if (!after_done[j])
      g_array_append_val (c->new_recommendations, j);
  for (guint i = 0; i < c->before_recommendations->len; i++)
    if (!before_done[i])
      g_array_append_val (c->dropped, i);

  g_free (before_done);
  g_free (after_done);
  return TRUE;
}

static PbGradeChange
change_of (PbGrade before,
           PbGrade after)
{
  if (before == PB_GRADE_NONE || after == PB_GRADE_NONE)
    return PB_GRADE_CHANGE_NONE;
  if (before == after)
    return PB_GRADE_CHANGE_SAME;
  /* Outstanding is the lowest value. */
  return after < before ? PB_GRADE_CHANGE_BETTER : PB_GRADE_CHANGE_WORSE;
}

static char *
name_of (Side *side)
{
  /* A SIF re-inspection is named as one: "2017 re-inspection". */
  if (side->stored->reinspection && side->date != NULL && strlen (side->date) >= 4)
    /* Translators: %.4s is a year */
    return g_strdup_printf (_("%.4s re-inspection"), side->date);
  return _pb_recommendation_phrase (side->stored->type, side->date, pb_report_get_title (side->report), FALSE);
}

/* Only an inspection or visit of a named authority has grades and
 * recommendations to set against another's: minutes or a plan would be
 * dated by their file and show every recommendation as "no longer made". */
static gboolean
check_comparable (Side    *side,
                  GError **error)
{
  if (side->stored->type == PB_DOCUMENT_OTHER)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("“%s” is not an Ofsted inspection or visit, so it cannot be compared."),
                   pb_report_get_title (side->report));
      return FALSE;
    }
  if (side->stored->local_authority == NULL && pb_report_get_local_authority (side->report) == NULL)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("“%s” does not say which local authority it is about, so it cannot be compared."),
                   pb_report_get_title (side->report));
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_compare_reports:
 * @report_id: a report
 * @other_id: another report of the same authority, before or after it
 * @error: %PB_LIBRARY_ERROR_NOT_FOUND for a report not in the library;
 *   %PB_RECOMMENDATIONS_ERROR_INVALID for one report twice, reports that
 *   name different authorities, or a paper that is not an inspection or
 *   visit of a named authority (minutes, a plan)
 *
 * Compares two reports, the earlier (by the inspection's last day, else
 * publication, else the file's date) as "before", whichever order they are
 * given in. Judgements that neither report grades and whose cohort neither
 * has paragraphs for are left out.
 *
 * Returns: (transfer full): the comparison, or %NULL
 */
PbReportComparison *
pb_library_compare_reports (PbLibrary  *library,
                            gint64      report_id,
                            gint64      other_id,
                            GError    **error)
{
  g_auto(Side) first = { 0 };
  g_auto(Side) second = { 0 };
  g_autoptr(PbReportComparison) c = NULL;
  Side *before, *after;
  const char *authority_a, *authority_b;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (report_id == other_id)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("Choose two different reports to compare."));
      return NULL;
    }
  if (!load_side (library, report_id, &first, error) || !load_side (library, other_id, &second, error))
    return NULL;

  if (!check_comparable (&first, error) || !check_comparable (&second, error))
    return NULL;

  authority_a = first.stored->local_authority;
  authority_b = second.stored->local_authority;
  if (authority_a != NULL && authority_b != NULL && g_ascii_strcasecmp (authority_a, authority_b) != 0)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID,
                   _("The reports are about different local authorities (%s and %s)."),
                   authority_a, authority_b);
      return NULL;
    }

  /* Earlier first; of one date, the one imported first. */
  if (g_strcmp0 (first.date, second.date) < 0 ||
      (g_strcmp0 (first.date, second.date) == 0 && report_id < other_id))
    before = &first, after = &second;
  else
    before = &second, after = &first;

  c = g_new0 (PbReportComparison, 1);
  c->before_id = pb_report_get_id (before->report);
  c->after_id = pb_report_get_id (after->report);
  c->before_name = name_of (before);
  c->after_name = name_of (after);
  c->before_date = g_strdup (before->date);
  c->after_date = g_strdup (after->date);
  c->authority = g_strdup (authority_a ? authority_a : authority_b);
  c->before_combined = before->stored->cic_and_care_leavers_combined;
  c->after_combined = after->stored->cic_and_care_leavers_combined;
  c->before_exempt = pb_report_get_is_exempt (before->report);
  c->after_exempt = pb_report_get_is_exempt (after->report);
  c->cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify)compare_cohort_free);
  c->repeated = g_array_new (FALSE, FALSE, sizeof (PbCompareRepeat));
  c->new_recommendations = g_array_new (FALSE, FALSE, sizeof (guint));
  c->dropped = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    {
      PbCompareCohort *row = g_new0 (PbCompareCohort, 1);

      row->judgement = judged[i].judgement;
      row->cohort = judged[i].cohort;
      row->before = before->stored->judgements[row->judgement];
      row->after = after->stored->judgements[row->judgement];
      row->change = change_of (row->before, row->after);
      row->before_paragraphs = cohort_paragraphs (before, row->cohort);
      row->after_paragraphs = cohort_paragraphs (after, row->cohort);

      if (row->before == PB_GRADE_NONE && row->after == PB_GRADE_NONE &&
          row->before_paragraphs->len == 0 && row->after_paragraphs->len == 0)
        compare_cohort_free (row);
      else
        g_ptr_array_add (c->cohorts, row);
    }

  if (!(c->before_recommendations = pb_library_list_report_recommendations (library, c->before_id, error)) ||
      !(c->after_recommendations = pb_library_list_report_recommendations (library, c->after_id, error)) ||
      !match_recommendations (library, c, error))
    return NULL;

  return g_steal_pointer (&c);
}
