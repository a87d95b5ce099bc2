/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-compare.h"
#include "pb-report-store.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"

/* Linking a recommendation to its earlier self in a library: the links
 * offered when a later report makes it again (and not for an unrelated
 * one), confirmed, shown in both items' histories, made and undone by
 * hand; and two reports of one authority compared. The matcher itself is
 * measured in test-matcher.c. */

typedef struct
{
  char      *dir;
  PbLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static const char * const fernvale_2019[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "The sufficiency of local homes for children in care, so that fewer live a long way from Fernvale.",
  "The timeliness of initial health assessments for children entering care.",
  NULL
};

/* Made again in other words (the first two), and new (the last). */
static const char * const fernvale_2023[] = {
  "Ensure that pathway plans for care leavers are of consistently good quality and are written with young people.",
  "The availability of homes close to Fernvale for children in care, so that fewer children live far away.",
  "The identification and response to children who live in private fostering arrangements.",
  NULL
};

static gint64
import_inspection (Fixture            *f,
                   const char         *name,
                   PbTestEra           era,
                   const char         *dates,
                   const char * const *recs)
{
  PbTestInspection inspection = { era, "Fernvale", dates, recs, { NULL }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (f->dir, name, &inspection);

  return pb_test_import_pdf (f->library, pdf);
}

static PbRecommendationEntry *
only_link (PbLibrary *library,
           gint64     id)
{
  g_autoptr(GPtrArray) history = pb_library_list_recommendation_history (library, id, NULL);
  PbRecommendationEntry *found = NULL;

  g_assert_nonnull (history);
  for (guint i = 0; i < history->len; i++)
    if (pb_recommendation_entry_get_kind (g_ptr_array_index (history, i)) != PB_RECOMMENDATION_ENTRY_STATUS)
      {
        g_assert_null (found);
        found = g_object_ref (g_ptr_array_index (history, i));
      }
  g_assert_nonnull (found);
  return found;
}

/* A recommendation the next inspection makes again is offered as a match
 * for its earlier item, an unrelated one is not; confirming the match links
 * the two, and each item's history says so. */
static void
test_links_offered (Fixture       *f,
                    gconstpointer  data)
{
  gint64 first = import_inspection (f, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", fernvale_2019);
  gint64 second = import_inspection (f, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", fernvale_2023);
  g_autoptr(GArray) earlier = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(PbRecommendationEntry) raised = NULL;
  g_autoptr(PbRecommendationEntry) repeated = NULL;
  g_autoptr(PbRecommendationItem) later_item = NULL;
  g_autoptr(GError) error = NULL;
  PbLinkSuggestion *suggestion;
  PbLinkCandidate *candidate;
  gint64 later_id;

  earlier = pb_library_add_report_recommendations (f->library, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 3);

  suggestions = pb_library_suggest_recommendation_links (f->library, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 3);

  for (guint i = 0; i < 2; i++)
    {
      suggestion = g_ptr_array_index (suggestions, i);
      g_assert_cmpuint (suggestion->position, ==, i);
      g_assert_cmpint (suggestion->item_id, ==, 0);
      g_assert_cmpuint (suggestion->candidates->len, ==, 1);
      candidate = g_ptr_array_index (suggestion->candidates, 0);
      g_assert_cmpint (candidate->item_id, ==, g_array_index (earlier, gint64, i));
      g_assert_cmpstr (candidate->summary, ==, "Repeated from the 2019 inspection");
      g_assert_false (candidate->linked);
      g_assert_cmpfloat (candidate->score, >=, PB_RECOMMENDATION_MATCH_THRESHOLD);
    }
  /* Private fostering was never asked for before. */
  suggestion = g_ptr_array_index (suggestions, 2);
  g_assert_cmpuint (suggestion->candidates->len, ==, 0);

  later_id = pb_library_confirm_recommendation_link (f->library, second, 0, g_array_index (earlier, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (later_id, >, 0);

  later_item = pb_library_get_recommendation (f->library, later_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_recommendation_item_get_text (later_item), ==, fernvale_2023[0]);
  g_assert_cmpuint (pb_recommendation_item_get_link_count (later_item), ==, 1);

  raised = only_link (f->library, g_array_index (earlier, gint64, 0));
  g_assert_cmpint (pb_recommendation_entry_get_kind (raised), ==, PB_RECOMMENDATION_ENTRY_RAISED_AGAIN);
  g_assert_cmpstr (pb_recommendation_entry_get_summary (raised), ==, "Raised again by the 2023 inspection");
  g_assert_cmpstr (pb_recommendation_entry_get_date (raised), ==, "2023-03-17");
  g_assert_cmpint (pb_recommendation_entry_get_linked_item_id (raised), ==, later_id);

  repeated = only_link (f->library, later_id);
  g_assert_cmpint (pb_recommendation_entry_get_kind (repeated), ==, PB_RECOMMENDATION_ENTRY_REPEATED_FROM);
  g_assert_cmpstr (pb_recommendation_entry_get_summary (repeated), ==, "Repeated from the 2019 inspection");

  /* Offered again, the confirmed link comes first, marked. */
  again = pb_library_suggest_recommendation_links (f->library, second, &error);
  g_assert_no_error (error);
  suggestion = g_ptr_array_index (again, 0);
  g_assert_cmpint (suggestion->item_id, ==, later_id);
  candidate = g_ptr_array_index (suggestion->candidates, 0);
  g_assert_true (candidate->linked);
  g_assert_cmpint (candidate->item_id, ==, g_array_index (earlier, gint64, 0));
}

/* A monitoring visit's letter raises an inspection's recommendation again;
 * an item met is no longer offered. */
static void
test_links_monitoring_visit (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const visit[] = {
    "Care leavers’ pathway plans, which are not written with young people and are of poor quality.",
    NULL
  };
  gint64 first = import_inspection (f, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", fernvale_2019);
  gint64 letter = import_inspection (f, "visit.pdf", PB_TEST_ERA_MONITORING_VISIT, "4 and 5 March 2025", visit);
  PbRecommendationUpdate met = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) earlier = pb_library_add_report_recommendations (f->library, first, NULL);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after_met = NULL;
  g_autoptr(PbRecommendationEntry) raised = NULL;
  g_autoptr(GError) error = NULL;
  gint64 later_id;

  suggestions = pb_library_suggest_recommendation_links (f->library, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpuint (((PbLinkSuggestion *)g_ptr_array_index (suggestions, 0))->candidates->len, ==, 1);

  later_id = pb_library_confirm_recommendation_link (f->library, letter, 0, g_array_index (earlier, gint64, 0), &error);
  g_assert_no_error (error);
  raised = only_link (f->library, g_array_index (earlier, gint64, 0));
  g_assert_cmpstr (pb_recommendation_entry_get_summary (raised), ==,
                   "Raised again by the March 2025 monitoring visit");
  g_assert_cmpint (pb_recommendation_entry_get_linked_item_id (raised), ==, later_id);

  /* Unlinked, then the earlier item met: nothing is offered. */
  g_assert_true (pb_library_unlink_recommendations (f->library, later_id, g_array_index (earlier, gint64, 0), &error));
  g_assert_no_error (error);
  met.status = PB_RECOMMENDATION_STATUS_MET;
  g_assert_true (pb_library_update_recommendation (f->library, g_array_index (earlier, gint64, 0), &met, NULL, &error));
  g_assert_no_error (error);
  after_met = pb_library_suggest_recommendation_links (f->library, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((PbLinkSuggestion *)g_ptr_array_index (after_met, 0))->candidates->len, ==, 0);
}

/* Linking by hand: the older source is the earlier whichever way round the
 * ids come; one item, or two authorities, are refused. */
static void
test_links_by_hand (Fixture       *f,
                    gconstpointer  data)
{
  PbRecommendationDraft plan = PB_RECOMMENDATION_DRAFT_INIT;
  PbRecommendationDraft other = PB_RECOMMENDATION_DRAFT_INIT;
  PbRecommendationDraft older = PB_RECOMMENDATION_DRAFT_INIT;
  g_autoptr(PbRecommendationEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id, other_id, older_id;

  plan.authority = "Fernvale";
  plan.text = "Recruit more foster carers in the north of the county.";
  plan.source_label = "Improvement plan 2024";
  plan.source_date = "2024-05-01";
  older.authority = "fernvale";
  older.text = "Recruit foster carers.";
  older.source_label = "Sufficiency strategy";
  older.source_date = "2021-01-31";
  other.authority = "Eastmoor";
  other.text = "Recruit foster carers.";
  plan_id = pb_library_add_recommendation (f->library, &plan, &error);
  g_assert_no_error (error);
  older_id = pb_library_add_recommendation (f->library, &older, &error);
  g_assert_no_error (error);
  other_id = pb_library_add_recommendation (f->library, &other, &error);
  g_assert_no_error (error);

  g_assert_true (pb_library_link_recommendations (f->library, plan_id, older_id, &error));
  g_assert_no_error (error);
  entry = only_link (f->library, plan_id);
  g_assert_cmpint (pb_recommendation_entry_get_kind (entry), ==, PB_RECOMMENDATION_ENTRY_REPEATED_FROM);
  g_assert_cmpstr (pb_recommendation_entry_get_summary (entry), ==, "Repeated from “Sufficiency strategy”");
  g_assert_cmpstr (pb_recommendation_entry_get_date (entry), ==, "2024-05-01");

  g_assert_false (pb_library_link_recommendations (f->library, plan_id, plan_id, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pb_library_link_recommendations (f->library, plan_id, other_id, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pb_library_link_recommendations (f->library, plan_id, 999, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
}

/* ---- Two reports compared ---- */

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  PbTestInspection earlier = { PB_TEST_ERA_ILACS_COMBINED, "Fernvale", "14 to 25 October 2019", fernvale_2019,
                               { "Requires improvement to be good", "Inadequate", NULL, "Good" }, "thresholds" };
  PbTestInspection later = { PB_TEST_ERA_ILACS, "Fernvale", "6 to 17 March 2023", fernvale_2023,
                             { "Good", "Requires improvement to be good", "Good", "Good" }, "sufficiency" };
  g_autofree char *earlier_pdf = pb_test_write_inspection (f->dir, "2019.pdf", &earlier);
  g_autofree char *later_pdf = pb_test_write_inspection (f->dir, "2023.pdf", &later);
  gint64 first = pb_test_import_pdf (f->library, earlier_pdf);
  gint64 second = pb_test_import_pdf (f->library, later_pdf);
  g_autoptr(PbReportComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  PbCompareCohort *help, *in_care, *leavers;
  PbCompareParagraph *paragraph;

  /* Given later first, compared earlier first. */
  c = pb_library_compare_reports (f->library, second, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->before_id, ==, first);
  g_assert_cmpint (c->after_id, ==, second);
  g_assert_cmpstr (c->before_name, ==, "2019 inspection");
  g_assert_cmpstr (c->after_date, ==, "2023-03-17");
  g_assert_cmpstr (c->authority, ==, "Fernvale");
  g_assert_true (c->before_combined);
  g_assert_false (c->after_combined);
  g_assert_false (c->before_exempt);
  g_assert_false (c->after_exempt);

  help = g_ptr_array_index (c->cohorts, 0);
  in_care = g_ptr_array_index (c->cohorts, 1);
  leavers = g_ptr_array_index (c->cohorts, 2);
  g_assert_cmpstr (help->cohort, ==, "help_and_protection");
  g_assert_cmpint (help->before, ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (help->after, ==, PB_GRADE_GOOD);
  g_assert_cmpint (help->change, ==, PB_GRADE_CHANGE_BETTER);
  g_assert_cmpint (in_care->change, ==, PB_GRADE_CHANGE_BETTER);
  g_assert_cmpint (leavers->before, ==, PB_GRADE_INADEQUATE);   /* judged with children in care */
  g_assert_cmpint (leavers->change, ==, PB_GRADE_CHANGE_BETTER);
  g_assert_cmpstr (pb_grade_change_get_label (help->change), ==, "Improved");

  /* Paragraphs side by side: numbers, pages and the report's words. */
  g_assert_cmpuint (help->before_paragraphs->len, ==, 3);
  g_assert_cmpuint (help->after_paragraphs->len, ==, 3);
  paragraph = &g_array_index (help->before_paragraphs, PbCompareParagraph, 0);
  g_assert_cmpuint (paragraph->number, ==, 1);
  g_assert_cmpuint (paragraph->page, >=, 1);
  g_assert_true (g_str_has_prefix (paragraph->text, "In Fernvale, paragraph 1 about children who need help"));
  g_assert_nonnull (strstr (paragraph->text, "thresholds"));
  g_assert_null (strstr (paragraph->text, "paragraph 2"));
  g_assert_nonnull (strstr (g_array_index (help->after_paragraphs, PbCompareParagraph, 2).text, "sufficiency"));
  /* 2019 judged children in care and care leavers in one section. */
  g_assert_cmpuint (in_care->before_paragraphs->len, ==, 3);
  g_assert_cmpuint (leavers->before_paragraphs->len, ==, 0);
  g_assert_cmpuint (leavers->after_paragraphs->len, ==, 3);

  /* Made again: pathway plans and homes; new: private fostering; no longer
   * made: health assessments. */
  g_assert_cmpuint (c->repeated->len, ==, 2);
  g_assert_cmpuint (g_array_index (c->repeated, PbCompareRepeat, 0).before, ==, 0);
  g_assert_cmpuint (g_array_index (c->repeated, PbCompareRepeat, 0).after, ==, 0);
  g_assert_cmpuint (g_array_index (c->repeated, PbCompareRepeat, 1).before, ==, 1);
  g_assert_cmpuint (g_array_index (c->repeated, PbCompareRepeat, 1).after, ==, 1);
  g_assert_cmpuint (c->new_recommendations->len, ==, 1);
  g_assert_cmpuint (g_array_index (c->new_recommendations, guint, 0), ==, 2);
  g_assert_cmpuint (c->dropped->len, ==, 1);
  g_assert_cmpuint (g_array_index (c->dropped, guint, 0), ==, 2);

  g_clear_pointer (&c, pb_report_comparison_free);
  c = pb_library_compare_reports (f->library, first, first, &error);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_assert_null (c);
}

/* A link confirmed by the user counts as made again whatever the words. */
static void
test_compare_confirmed (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const before[] = { "The quality of supervision.", NULL };
  static const char * const after[] = { "Leaders’ oversight of frontline practice.", NULL };
  gint64 first = import_inspection (f, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", before);
  gint64 second = import_inspection (f, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", after);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, first, NULL);
  g_autoptr(PbReportComparison) unlinked = pb_library_compare_reports (f->library, first, second, NULL);
  g_autoptr(PbReportComparison) linked = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (unlinked->repeated->len, ==, 0);
  g_assert_cmpint (pb_library_confirm_recommendation_link (f->library, second, 0, g_array_index (ids, gint64, 0),
                                                           &error), >, 0);
  g_assert_no_error (error);
  linked = pb_library_compare_reports (f->library, first, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->repeated->len, ==, 1);
  g_assert_true (g_array_index (linked->repeated, PbCompareRepeat, 0).confirmed);
  g_assert_cmpuint (linked->new_recommendations->len, ==, 0);
  g_assert_cmpuint (linked->dropped->len, ==, 0);
}

/* Barnsley in 2014 and 2023, read from the corpus. */
static void
test_compare_corpus (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *earlier_pdf = pb_test_corpus_path ("ilacs/barnsley-2014-aug.pdf");
  g_autofree char *later_pdf = pb_test_corpus_path ("seeds/ilacs-2023-inspection.pdf");
  g_autoptr(PbReportComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  if (earlier_pdf == NULL || later_pdf == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }
  first = pb_test_import_pdf (f->library, earlier_pdf);
  second = pb_test_import_pdf (f->library, later_pdf);
  c = pb_library_compare_reports (f->library, second, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->before_id, ==, first);

  for (guint i = 0; i < c->cohorts->len; i++)
    {
      PbCompareCohort *row = g_ptr_array_index (c->cohorts, i);

      g_test_message ("%s: %s -> %s (%s), %u and %u paragraphs", pb_judgement_to_slug (row->judgement),
                      pb_grade_to_slug (row->before), pb_grade_to_slug (row->after),
                      pb_grade_change_to_slug (row->change), row->before_paragraphs->len, row->after_paragraphs->len);
      /* expected.csv and the 2023 report's table */
      if (row->judgement == PB_JUDGEMENT_LEADERS)
        g_assert_cmpint (row->change, ==, PB_GRADE_CHANGE_BETTER);
      if (row->judgement == PB_JUDGEMENT_HELP_AND_PROTECTION)
        g_assert_cmpint (row->change, ==, PB_GRADE_CHANGE_SAME);
      if (row->judgement == PB_JUDGEMENT_CHILDREN_IN_CARE)
        g_assert_cmpint (row->change, ==, PB_GRADE_CHANGE_BETTER);
      if (row->judgement == PB_JUDGEMENT_CARE_LEAVERS)
        g_assert_cmpint (row->change, ==, PB_GRADE_CHANGE_SAME);
      if (row->judgement == PB_JUDGEMENT_ADOPTION)
        g_assert_cmpint (row->change, ==, PB_GRADE_CHANGE_NONE);
    }
  /* The 2014 report's "Areas for improvement" are read as its recommendations:
   * the 2023 one on personal education plans repeats one of them, and the
   * other three are new. */
  g_assert_cmpuint (c->before_recommendations->len, >, 0);
  g_assert_cmpuint (c->after_recommendations->len, ==, 4);
  g_assert_cmpuint (c->repeated->len, ==, 1);
  {
    PbCompareRepeat *repeat = &g_array_index (c->repeated, PbCompareRepeat, 0);
    PbReportRecommendation *later = g_ptr_array_index (c->after_recommendations, repeat->after);
    PbReportRecommendation *earlier = g_ptr_array_index (c->before_recommendations, repeat->before);
    g_autofree char *later_text = g_utf8_strdown (later->text, -1);
    g_autofree char *earlier_text = g_utf8_strdown (earlier->text, -1);

    g_assert_nonnull (strstr (later_text, "personal education plan"));
    g_assert_nonnull (strstr (earlier_text, "personal education plan"));
  }
  g_assert_cmpuint (c->new_recommendations->len, ==, 3);
}

/* A SIF re-inspection (Somerset, 2017) is named as one beside the
 * inspection after it. */
static void
test_compare_reinspection (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *earlier_pdf = pb_test_corpus_path ("variants/somerset-2018-jan.pdf");
  PbTestInspection later = { PB_TEST_ERA_ILACS, "Somerset", "6 to 17 March 2023", fernvale_2023,
                             { "Good", "Requires improvement to be good", "Good", "Good" }, "sufficiency" };
  g_autofree char *later_pdf = NULL;
  g_autoptr(PbReportComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  if (earlier_pdf == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }
  later_pdf = pb_test_write_inspection (f->dir, "2023.pdf", &later);
  first = pb_test_import_pdf (f->library, earlier_pdf);
  second = pb_test_import_pdf (f->library, later_pdf);
  c = pb_library_compare_reports (f->library, second, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->before_id, ==, first);
  g_assert_cmpstr (c->before_name, ==, "2017 re-inspection");
  g_assert_cmpstr (c->after_name, ==, "2023 inspection");
}

/* Minutes are no inspection: compared, they would be dated by their file
 * and show every recommendation as no longer made. */
static void
test_compare_not_inspection (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const recs[] = { "The quality of supervision.", NULL };
  static const char * const pages[] = {
    "Corporate Parenting Panel\nMinutes of the meeting held on 12 March 2018\n"
    "1. Members discussed the Ofsted self-evaluation and the quality of supervision.\n", NULL };
  gint64 inspection = import_inspection (f, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", recs);
  g_autofree char *minutes_pdf = pb_test_write_pdf (f->dir, "minutes.pdf", pages, NULL);
  gint64 minutes = pb_test_import_pdf (f->library, minutes_pdf);
  g_autoptr(PbReportComparison) c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (minutes, >, 0);
  c = pb_library_compare_reports (f->library, inspection, minutes, &error);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be compared"));
  g_assert_null (c);
  g_clear_error (&error);
  c = pb_library_compare_reports (f->library, minutes, inspection, &error);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_assert_null (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/links/offered", Fixture, NULL, fixture_setup, test_links_offered, fixture_teardown);
  g_test_add ("/links/monitoring-visit", Fixture, NULL, fixture_setup, test_links_monitoring_visit, fixture_teardown);
  g_test_add ("/links/by-hand", Fixture, NULL, fixture_setup, test_links_by_hand, fixture_teardown);
  g_test_add ("/compare/generated", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/compare/confirmed", Fixture, NULL, fixture_setup, test_compare_confirmed, fixture_teardown);
  g_test_add ("/compare/not-inspection", Fixture, NULL, fixture_setup, test_compare_not_inspection,
              fixture_teardown);
  g_test_add ("/compare/corpus", Fixture, NULL, fixture_setup, test_compare_corpus, fixture_teardown);
  g_test_add ("/compare/reinspection", Fixture, NULL, fixture_setup, test_compare_reinspection, fixture_teardown);

  return g_test_run ();
}
