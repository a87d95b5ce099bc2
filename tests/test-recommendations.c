/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libglib-testing/signal-logger.h>

#include "pb-finding-store.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"
#include "pb-structure-pdf.h"
#include "pb-suggestion.h"
#include "pb-test-recommendations.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"

/* Tracked recommendations in the library: made from each era's reports, by
 * hand, from a suggestion or a finding; their dated history, evidence and
 * Undo. (The list model, the filters and the tracker a pack prints are in
 * test-recommendation-list.c.) */

typedef PbRecFixture Fixture;

/* ---- The statuses ---- */

static void
test_statuses (void)
{
  static const char * const rags[] = { "red", "amber", "green", "green", "red" };
  g_autofree char *slugs = pb_recommendation_status_list_slugs ();
  PbRecommendationStatus status = PB_RECOMMENDATION_STATUS_MET;

  for (PbRecommendationStatus s = 0; s < PB_N_RECOMMENDATION_STATUSES; s++)
    {
      PbRecommendationStatus back;

      g_assert_true (pb_recommendation_status_from_slug (pb_recommendation_status_to_slug (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_cmpstr (pb_rag_to_slug (pb_recommendation_status_get_rag (s)), ==, rags[s]);
      g_assert_true (g_str_has_prefix (pb_rag_get_color (pb_recommendation_status_get_rag (s)), "#"));
      g_assert_cmpint (pb_recommendation_status_is_open (s), ==, s != PB_RECOMMENDATION_STATUS_MET);
    }
  g_assert_cmpstr (pb_recommendation_status_get_label (PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT), ==,
                   "Evidence of impact");
  g_assert_cmpstr (pb_rag_get_label (PB_RAG_AMBER), ==, "Amber");
  g_assert_false (pb_recommendation_status_from_slug ("open", &status));
  g_assert_false (pb_recommendation_status_from_slug (NULL, &status));
  g_assert_cmpint (status, ==, PB_RECOMMENDATION_STATUS_MET);
  g_assert_cmpstr (slugs, ==, "not_started, in_progress, evidence_of_impact, met, not_met");
}

/* ---- Items from reports ---- */

/* Each era's report, generated: all its recommendations become items, with
 * their page, paragraph (a SIF report's are numbered paragraphs), cohort
 * where the words say, and the source named as people name it. */
static void
test_items_from_each_era (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    PbTestEra   era;
    const char *dates;
    const char *source;
    gboolean    numbered;
  } eras[] = {
    { PB_TEST_ERA_SIF, "3 March 2015 - 26 March 2015", "2015 inspection", TRUE },
    { PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", "2019 inspection", FALSE },
    { PB_TEST_ERA_ILACS, "6 to 17 March 2023", "2023 inspection", FALSE },
    { PB_TEST_ERA_ILACS_2026, "8 to 19 June 2026", "2026 inspection", FALSE },
    { PB_TEST_ERA_FOCUSED_VISIT, "1 and 2 May 2024", "May 2024 focused visit", FALSE },
    { PB_TEST_ERA_MONITORING_VISIT, "4 and 5 March 2025", "March 2025 monitoring visit", FALSE },
  };

  for (guint e = 0; e < G_N_ELEMENTS (eras); e++)
    {
      g_autofree char *name = g_strdup_printf ("era-%u.pdf", e);
      gint64 report_id = pb_test_rec_import (f, name, eras[e].era, eras[e].dates, pb_test_three_recs);
      g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) again = NULL;
      g_autoptr(GPtrArray) recs = NULL;
      g_autoptr(GError) error = NULL;

      recs = pb_library_list_report_recommendations (f->library, report_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (recs->len, ==, 3);

      ids = pb_library_add_report_recommendations (f->library, report_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, 3);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(PbRecommendationItem) item = pb_library_get_recommendation (f->library, g_array_index (ids, gint64, i), &error);
          g_autofree char *source = NULL;

          g_assert_no_error (error);
          source = pb_recommendation_item_dup_source_name (item);
          g_test_message ("era %u, item %u: %s, page %u, paragraph %u", e, i, source,
                          pb_recommendation_item_get_page (item), pb_recommendation_item_get_paragraph (item));
          g_assert_cmpstr (pb_recommendation_item_get_text (item), ==, pb_test_three_recs[i]);
          g_assert_cmpstr (pb_recommendation_item_get_authority (item), ==, "Fernvale");
          g_assert_cmpstr (pb_recommendation_item_get_report_sha256 (item), ==, pb_report_get_sha256 (report));
          g_assert_cmpuint (pb_recommendation_item_get_page (item), ==, 1);
          g_assert_cmpuint (pb_recommendation_item_get_paragraph (item), ==, eras[e].numbered ? i + 1 : 0);
          g_assert_cmpstr (source, ==, eras[e].source);
          g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_NOT_STARTED);
          g_assert_null (pb_recommendation_item_get_status_date (item));
        }

      /* The words say which cohort: care leavers; children in care. */
      {
        g_autoptr(PbRecommendationItem) first = pb_library_get_recommendation (f->library, g_array_index (ids, gint64, 0), NULL);
        g_autoptr(PbRecommendationItem) last = pb_library_get_recommendation (f->library, g_array_index (ids, gint64, 2), NULL);

        g_assert_true (pb_recommendation_item_has_cohort (first, "care_leavers"));
        g_assert_true (pb_recommendation_item_has_cohort (last, "children_in_care"));
      }

      /* All at once again: nothing new. */
      again = pb_library_add_report_recommendations (f->library, report_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, 0);
      g_clear_pointer (&recs, g_ptr_array_unref);
      recs = pb_library_list_report_recommendations (f->library, report_id, NULL);
      g_assert_cmpint (((PbReportRecommendation *)g_ptr_array_index (recs, 1))->item_id, ==, g_array_index (ids, gint64, 1));
    }
}

/* A SIF report's recommendations often start alike: each is cited as its
 * own paragraph, not the first that starts with the same words
 * (Birmingham 2016's ¶7 and ¶8 both start "Improve the quality and
 * timeliness of"). */
static void
test_items_alike_paragraphs (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const alike[] = {
    "Improve the quality and timeliness of services to children who go missing from care.",
    "Improve the quality and timeliness of core group meetings for children in need of protection.",
    "Improve the quality and timeliness of pathway plans for care leavers.",
    NULL };
  gint64 report_id = pb_test_rec_import (f, "sif.pdf", PB_TEST_ERA_SIF, "3 March 2015 - 26 March 2015", alike);
  g_autoptr(GPtrArray) recs = pb_library_list_report_recommendations (f->library, report_id, NULL);
  g_autofree char *birmingham = pb_test_corpus_path ("variants/birmingham-2016-nov.pdf");

  g_assert_cmpuint (recs->len, ==, 3);
  for (guint i = 0; i < recs->len; i++)
    g_assert_cmpuint (((PbReportRecommendation *)g_ptr_array_index (recs, i))->paragraph, ==, i + 1);

  if (birmingham == NULL)
    {
      g_test_message ("the shared corpus is not here: Birmingham 2016 not checked");
      return;
    }
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = pb_library_list_report_recommendations (f->library, pb_test_import_pdf (f->library, birmingham), NULL);
  g_assert_cmpuint (recs->len, >=, 8);
  for (guint i = 0; i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);

      g_test_message ("Birmingham 2016 #%u: paragraph %u, page %u", i + 1, rec->paragraph, rec->page);
      g_assert_cmpuint (rec->paragraph, ==, i + 1);
    }
}

/* The corpus's real reports, one per era, where it is here. */
static void
test_items_from_corpus (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *file;
    guint       paragraph_of_first;   /* a SIF report's recommendations are ¶1… */
  } reports[] = {
    { "ilacs/walsall-2017-sep.pdf", 1 },
    { "ilacs/wirral-2019-jul.pdf", 0 },
    { "ilacs/north-somerset-2023-may.pdf", 0 },
    { "ilacs/middlesbrough-2026-jul.pdf", 0 },
  };

  if (pb_test_corpus_path ("ilacs") == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }

  for (guint r = 0; r < G_N_ELEMENTS (reports); r++)
    {
      g_autofree char *pdf = pb_test_corpus_path (reports[r].file);
      g_autoptr(PbStructure) structure = pb_structure_read_pdf (pdf, NULL, NULL);
      gint64 report_id = pb_test_import_pdf (f->library, pdf);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(PbRecommendationItem) first = NULL;
      g_autoptr(GError) error = NULL;

      ids = pb_library_add_report_recommendations (f->library, report_id, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u items", reports[r].file, ids->len);
      g_assert_cmpuint (ids->len, ==, structure->recommendations->len);
      g_assert_cmpuint (ids->len, >, 0);

      first = pb_library_get_recommendation (f->library, g_array_index (ids, gint64, 0), NULL);
      g_assert_cmpstr (pb_recommendation_item_get_text (first), ==,
                       g_array_index (structure->recommendations, PbRecommendation, 0).text);
      g_assert_cmpstr (pb_recommendation_item_get_authority (first), ==, structure->local_authority);
      g_assert_cmpuint (pb_recommendation_item_get_paragraph (first), ==, reports[r].paragraph_of_first);
      g_assert_cmpuint (pb_recommendation_item_get_page (first), ==,
                        g_array_index (structure->recommendations, PbRecommendation, 0).page);
    }
}

static void
test_items_by_hand (Fixture       *f,
                    gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  /* Refused, and nothing added. */
  draft.text = "Recruit foster carers.";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  draft.authority = "Fernvale";
  draft.text = "   ";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  draft.text = "Recruit foster carers.";
  draft.due = "31/03/2025";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "due date"));
  g_assert_nonnull (strstr (error->message, "not written YYYY-MM-DD"));
  g_clear_error (&error);
  /* Written the right way, but no such day: the message must say so,
   * not ask again for the way it is already written. */
  draft.due = "2025-02-30";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "does not exist: that month has 28 days"));
  g_assert_null (strstr (error->message, "written"));
  g_clear_error (&error);
  draft.due = "2025-13-01";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "01 to 12"));
  g_clear_error (&error);
  draft.due = "2025-03-31";
  draft.cohorts = (const char * const[]) { "children_in_care", "no_such_cohort", NULL };
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  draft.cohorts = (const char * const[]) { "children_in_care", NULL };
  draft.report_sha256 = pb_report_get_sha256 (report);
  draft.page = 40;
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendations"), ==, 0);

  /* From a council action plan. */
  draft.report_sha256 = NULL;
  draft.page = 0;
  draft.owner = "  Fostering service ";
  draft.source_label = "Improvement plan 2024";
  draft.source_date = "2024-05-01";
  draft.exempt = TRUE;
  id = pb_library_add_recommendation (f->library, &draft, &error);
  g_assert_no_error (error);
  item = pb_library_get_recommendation (f->library, id, &error);
  g_assert_no_error (error);
  name = pb_recommendation_item_dup_source_name (item);
  g_assert_cmpstr (name, ==, "Improvement plan 2024");
  g_assert_cmpstr (pb_recommendation_item_get_owner (item), ==, "Fostering service");
  g_assert_cmpstr (pb_recommendation_item_get_due (item), ==, "2025-03-31");
  g_assert_cmpstr (pb_recommendation_item_get_source_date (item), ==, "2024-05-01");
  g_assert_true (pb_recommendation_item_get_exempt (item));
  g_assert_null (pb_recommendation_item_get_report_sha256 (item));
  g_assert_null (pb_recommendation_item_dup_location (item));
  g_assert_true (pb_recommendation_item_has_cohort (item, "children_in_care"));

  g_assert_null (pb_library_get_recommendation (f->library, id + 1, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
}

/* One from a suggested finding (as offered in the reader), one from a
 * finding; the same words from the same report are tracked once. */
static void
test_items_from_suggestion_and_finding (Fixture       *f,
                                        gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (f->library, report_id, NULL);
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GError) error = NULL;
  PbSuggestion *offered = NULL;
  gint64 id, again, finding_id, from_finding;

  for (guint i = 0; i < suggestions->len; i++)
    if (pb_finding_get_kind (pb_suggestion_get_draft (g_ptr_array_index (suggestions, i))) == PB_FINDING_KIND_RECOMMENDATION &&
        offered == NULL)
      offered = g_ptr_array_index (suggestions, i);
  g_assert_nonnull (offered);

  id = pb_library_add_recommendation_from_suggestion (f->library, pb_suggestion_get_id (offered), &error);
  g_assert_no_error (error);
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpstr (pb_recommendation_item_get_text (item), ==, pb_finding_get_quote (pb_suggestion_get_draft (offered)));
  g_assert_cmpuint (pb_recommendation_item_get_page (item), ==, 1);

  again = pb_library_add_recommendation_from_suggestion (f->library, pb_suggestion_get_id (offered), &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (pb_library_add_recommendation_from_suggestion (f->library, 999, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  finding_id = pb_test_rec_add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  from_finding = pb_library_add_recommendation_from_finding (f->library, finding_id, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->library, from_finding, NULL);
  g_assert_cmpstr (pb_recommendation_item_get_text (item), ==, "Leaders know their services well");
  g_assert_true (pb_recommendation_item_has_cohort (item, "care_leavers"));
}

/* A cohort section's grade is offered as context, never as something to
 * track: tracked, its heading would pass for a recommendation in the
 * tracker and in every pack. */
static void
test_grades_not_tracked (Fixture       *f,
                         gconstpointer  data)
{
  PbTestInspection inspection = { PB_TEST_ERA_ILACS, "Fernvale", "6 to 17 March 2023", pb_test_three_recs,
                                  { "Requires improvement to be good", "Inadequate", "Good", "Good" }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (f->dir, "graded.pdf", &inspection);
  gint64 report_id = pb_test_import_pdf (f->library, pdf);
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (f->library, report_id, NULL);
  guint n_grades = 0, n_recs = 0;

  for (guint i = 0; i < suggestions->len; i++)
    {
      PbSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      PbFinding *draft = pb_suggestion_get_draft (suggestion);
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (g_str_has_prefix (pb_finding_get_note (draft), "Judged "))
        {
          n_grades++;
          g_assert_cmpint (pb_finding_get_kind (draft), ==, PB_FINDING_KIND_CONTEXT);
          id = pb_library_add_recommendation_from_suggestion (f->library, pb_suggestion_get_id (suggestion), &error);
          g_assert_cmpint (id, ==, 0);
          g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
        }
      else if (pb_finding_get_kind (draft) == PB_FINDING_KIND_RECOMMENDATION)
        n_recs++;
    }
  g_assert_cmpuint (n_grades, >=, 3);
  g_assert_cmpuint (n_recs, ==, 3);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendations"), ==, 0);
}

/* ---- History and Undo ---- */

static GPtrArray *
history_of (Fixture *f,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *history = pb_library_list_recommendation_history (f->library, id, &error);

  g_assert_no_error (error);
  return history;
}

static void
test_history_order (Fixture       *f,
                    gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  gint64 id = pb_test_rec_add_by_hand (f, "Recruit foster carers.", NULL);
  gint64 evidence = pb_test_rec_add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  PbRecommendationEntry *entry;

  /* Recorded out of order: the history is by date. */
  update.status = PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT;
  update.date = "2025-06-01";
  update.note = "Twelve new carers approved";
  update.evidence = (gint64[]) { evidence, evidence };
  update.n_evidence = 2;
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);

  update = (PbRecommendationUpdate) PB_RECOMMENDATION_UPDATE_INIT;
  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = "2024-09-01";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);

  /* Recorded last but dated first: not the current status. */
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT);
  g_clear_object (&item);

  update.status = PB_RECOMMENDATION_STATUS_NOT_MET;
  update.date = "2025-06-01";     /* the same day, recorded later */
  update.note = "Panel not assured";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);

  history = history_of (f, id);
  g_assert_cmpuint (history->len, ==, 3);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (pb_recommendation_entry_get_date (entry), ==, "2024-09-01");
  g_assert_cmpint (pb_recommendation_entry_get_status (entry), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (pb_recommendation_entry_get_status (entry), ==, PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT);
  g_assert_cmpstr (pb_recommendation_entry_get_note (entry), ==, "Twelve new carers approved");
  g_assert_cmpuint (pb_recommendation_entry_get_evidence (entry)->len, ==, 1);   /* given twice, kept once */
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (pb_recommendation_entry_get_evidence (entry), 0)), ==, evidence);
  entry = g_ptr_array_index (history, 2);
  g_assert_cmpint (pb_recommendation_entry_get_status (entry), ==, PB_RECOMMENDATION_STATUS_NOT_MET);
  g_assert_cmpstr (pb_recommendation_entry_get_summary (entry), ==, "Not met");

  /* The current status is the latest entry's. */
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_NOT_MET);
  g_assert_cmpstr (pb_recommendation_item_get_status_date (item), ==, "2025-06-01");
  g_assert_cmpstr (pb_recommendation_item_get_status_note (item), ==, "Panel not assured");
  g_assert_cmpuint (pb_recommendation_item_get_evidence_count (item), ==, 1);

  /* Today when no date is given. */
  update = (PbRecommendationUpdate) PB_RECOMMENDATION_UPDATE_INIT;
  update.status = PB_RECOMMENDATION_STATUS_MET;
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->library, id, NULL);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (pb_recommendation_item_get_status_date (item), ==, today);
  }
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_MET);
}

static void
test_history_undo (Fixture       *f,
                   gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  gint64 id = pb_test_rec_add_by_hand (f, "Recruit foster carers.", "2025-03-31");
  gint64 evidence = pb_test_rec_add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(PbRecommendationUndo) first = NULL;
  g_autoptr(PbRecommendationUndo) second = NULL;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changed = 0;

  gt_signal_logger_connect (logger, f->library, "recommendation-changed");

  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = "2024-09-01";
  update.note = "Started";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, &first, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, f->library, "recommendation-changed", &changed);
  g_assert_cmpint (changed, ==, id);

  update.status = PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT;
  update.date = "2025-01-10";
  update.note = "Carers approved";
  update.evidence = &evidence;
  update.n_evidence = 1;
  update.owner = "Head of fostering";
  update.due = "";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, &second, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, f->library, "recommendation-changed", &changed);
  g_assert_cmpint (pb_recommendation_undo_get_id (second), ==, id);
  g_assert_cmpint (pb_recommendation_undo_get_entry_id (second), >, pb_recommendation_undo_get_entry_id (first));

  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT);
  g_assert_cmpstr (pb_recommendation_item_get_owner (item), ==, "Head of fostering");
  g_assert_null (pb_recommendation_item_get_due (item));
  g_assert_cmpuint (pb_recommendation_item_get_evidence_count (item), ==, 1);

  /* Undo: the entry and its evidence go, owner and due come back. */
  g_assert_true (pb_library_undo_recommendation_update (f->library, second, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, f->library, "recommendation-changed", &changed);
  g_assert_cmpint (changed, ==, id);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  g_assert_cmpstr (pb_recommendation_item_get_owner (item), ==, "");
  g_assert_cmpstr (pb_recommendation_item_get_due (item), ==, "2025-03-31");
  g_assert_cmpuint (pb_recommendation_item_get_evidence_count (item), ==, 0);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendation_evidence"), ==, 0);
  history = history_of (f, id);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (pb_recommendation_entry_get_note (g_ptr_array_index (history, 0)), ==, "Started");

  /* Refused: nothing to change; a note with no status; a finding that does
   * not exist (and nothing of that update is kept). */
  update = (PbRecommendationUpdate) PB_RECOMMENDATION_UPDATE_INIT;
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  update.note = "Just a note";
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  update.status = PB_RECOMMENDATION_STATUS_MET;
  update.evidence = (gint64[]) { 4242 };
  update.n_evidence = 1;
  update.owner = "Someone else";
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pb_library_update_recommendation (f->library, id + 100, &(PbRecommendationUpdate) { .status = 0 },
                                                    NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gt_signal_logger_assert_no_emissions (logger);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  g_assert_cmpstr (pb_recommendation_item_get_owner (item), ==, "");

  /* Undoing an update to an item deleted since fails, saying so. */
  g_assert_true (pb_library_delete_recommendation (f->library, id, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, f->library, "recommendation-changed", &changed);
  g_assert_false (pb_library_undo_recommendation_update (f->library, first, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendation_entries"), ==, 0);
  gt_signal_logger_assert_no_emissions (logger);
}

/* A status dated after today would outrank every real update after it
 * (the current status is the latest by date): it is refused, and a
 * status recorded later on the same day as another wins. */
static void
test_history_future_date (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = pb_test_rec_add_by_hand (f, "Recruit foster carers.", NULL);
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = tomorrow;
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "after today"));
  g_clear_error (&error);
  update.date = "2030-01-01";
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_clear_error (&error);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendation_entries"), ==, 0);

  /* Today is allowed; a second status today, recorded later, is current. */
  update.date = today;
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);
  update = (PbRecommendationUpdate) PB_RECOMMENDATION_UPDATE_INIT;
  update.status = PB_RECOMMENDATION_STATUS_MET;
  update.note = "closed today";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);
  item = pb_library_get_recommendation (f->library, id, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_MET);
  g_assert_cmpstr (pb_recommendation_item_get_status_note (item), ==, "closed today");
}

/* A status dated before the report that made the recommendation is
 * refused with its own code, naming both dates; the report's day itself
 * and any day after are taken. An item by hand counts from the date it
 * was made. */
static void
test_history_before_source (Fixture       *f,
                            gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023",
                                         pb_test_three_recs);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GError) error = NULL;
  gint64 id, by_hand;

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, >, 0);
  id = g_array_index (ids, gint64, 0);

  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = "2013-03-16";
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "2013-03-16"));
  g_assert_nonnull (strstr (error->message, "before the recommendation was made (2023-03-17)"));
  g_clear_error (&error);
  update.date = "2023-03-16";
  g_assert_false (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_clear_error (&error);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "recommendation_entries"), ==, 0);

  /* The inspection's last day, before publication, is taken. */
  update.date = "2023-03-17";
  g_assert_true (pb_library_update_recommendation (f->library, id, &update, NULL, &error));
  g_assert_no_error (error);

  draft.authority = "Fernvale";
  draft.text = "Recruit more foster carers.";
  draft.source_label = "Improvement plan 2024";
  draft.source_date = "2024-01-10";
  by_hand = pb_library_add_recommendation (f->library, &draft, &error);
  g_assert_no_error (error);
  update.date = "2024-01-09";
  g_assert_false (pb_library_update_recommendation (f->library, by_hand, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_clear_error (&error);
  update.date = "2024-01-10";
  g_assert_true (pb_library_update_recommendation (f->library, by_hand, &update, NULL, &error));
  g_assert_no_error (error);

  /* A status date that is no day at all says so, and names the field. */
  update.date = "2024-02-30";
  g_assert_false (pb_library_update_recommendation (f->library, by_hand, &update, NULL, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "status date “2024-02-30” does not exist: that month has 29 days"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recommendations/statuses", test_statuses);
  g_test_add ("/recommendations/items/each-era", Fixture, NULL,
              pb_rec_fixture_setup, test_items_from_each_era, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/items/corpus", Fixture, NULL,
              pb_rec_fixture_setup, test_items_from_corpus, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/items/alike-paragraphs", Fixture, NULL,
              pb_rec_fixture_setup, test_items_alike_paragraphs, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/items/by-hand", Fixture, NULL,
              pb_rec_fixture_setup, test_items_by_hand, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/items/suggestion-and-finding", Fixture, NULL,
              pb_rec_fixture_setup, test_items_from_suggestion_and_finding, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/items/grades-not-tracked", Fixture, NULL,
              pb_rec_fixture_setup, test_grades_not_tracked, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/history/order", Fixture, NULL,
              pb_rec_fixture_setup, test_history_order, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/history/undo", Fixture, NULL,
              pb_rec_fixture_setup, test_history_undo, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/history/future-date", Fixture, NULL,
              pb_rec_fixture_setup, test_history_future_date, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/history/before-source", Fixture, NULL,
              pb_rec_fixture_setup, test_history_before_source, pb_rec_fixture_teardown);

  return g_test_run ();
}
