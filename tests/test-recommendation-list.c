/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-library-private.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-list.h"
#include "pb-recommendation-store.h"
#include "pb-recommendation-tracker.h"
#include "pb-report-store.h"
#include "pb-test-recommendations.h"
#include "pb-test-util.h"

/* Tracked recommendations as the app and a pack show them: the list model
 * and its filters, items whose report has left the library, and the
 * tracker a pack prints, which must never carry exempt material into a
 * public pack. */

typedef PbRecFixture Fixture;

/* ---- The list model and the filters ---- */

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  PbRecommendationFilter open = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(PbRecommendationList) list = pb_recommendation_list_new (f->library);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbRecommendationUpdate met = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0, removed = 0, added = 0;
  gint64 report_id, first;

  open.authority = "FERNVALE";   /* as the library compares names */
  open.open = TRUE;
  pb_recommendation_list_set_filter (list, &open);
  g_assert_true (pb_recommendation_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gt_signal_logger_connect (logger, list, "items-changed");

  /* One item: one insertion. */
  first = pb_test_rec_add_by_hand (f, "Recruit foster carers.", NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* A report's pb_test_three_recs at once: one reload. Its 2023 items come before the
   * 2024 action plan's. */
  report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 4);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpint (pb_recommendation_list_find (list, first), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (pb_recommendation_item_get_id (item), ==, g_array_index (ids, gint64, 0));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PB_TYPE_RECOMMENDATION_ITEM);

  /* A status that keeps it in: changed in place. */
  met.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  g_assert_true (pb_library_update_recommendation (f->library, g_array_index (ids, gint64, 1), &met, NULL, NULL));
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);

  /* Met: out of an open-only list. */
  met.status = PB_RECOMMENDATION_STATUS_MET;
  g_assert_true (pb_library_update_recommendation (f->library, g_array_index (ids, gint64, 1), &met, NULL, NULL));
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Another authority's: no change here. */
  {
    PbRecommendationDraft other = PB_RECOMMENDATION_DRAFT_INIT;

    other.authority = "Eastmoor";
    other.text = "Recruit foster carers.";
    g_assert_cmpint (pb_library_add_recommendation (f->library, &other, NULL), >, 0);
    gt_signal_logger_assert_no_emissions (logger);
  }

  g_assert_true (pb_library_delete_recommendation (f->library, first, NULL));
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 2);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  gt_signal_logger_assert_no_emissions (logger);

  g_clear_object (&item);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static guint
count (Fixture                      *f,
       const PbRecommendationFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pb_library_list_recommendations (f->library, filter, &error);

  g_assert_no_error (error);
  return items->len;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gint64 late = pb_test_rec_add_by_hand (f, "Recruit foster carers.", "2025-03-31");
  gint64 met_late = pb_test_rec_add_by_hand (f, "Open two children’s homes.", "2025-01-31");
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_auto(GStrv) authorities = NULL;
  g_autoptr(GError) error = NULL;

  update.status = PB_RECOMMENDATION_STATUS_MET;
  g_assert_true (pb_library_update_recommendation (f->library, met_late, &update, NULL, NULL));
  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  g_assert_true (pb_library_update_recommendation (f->library, late, &update, NULL, NULL));

  g_assert_cmpuint (count (f, NULL), ==, 5);
  filter.today = "2025-04-01";
  filter.overdue = TRUE;
  g_assert_cmpuint (count (f, &filter), ==, 1);   /* the met one is not overdue */
  filter.today = "2025-03-31";
  g_assert_cmpuint (count (f, &filter), ==, 0);   /* due today is not late */
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  g_assert_cmpuint (count (f, &filter), ==, 1);
  filter.status = PB_RECOMMENDATION_STATUS_NOT_STARTED;
  g_assert_cmpuint (count (f, &filter), ==, 3);
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.open = TRUE;
  g_assert_cmpuint (count (f, &filter), ==, 4);
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.cohort = "care_leavers";
  g_assert_cmpuint (count (f, &filter), ==, 1);
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.report_sha256 = pb_report_get_sha256 (report);
  g_assert_cmpuint (count (f, &filter), ==, 3);
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.authority = "Eastmoor";
  g_assert_cmpuint (count (f, &filter), ==, 0);

  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.today = "next week";
  g_assert_null (pb_library_list_recommendations (f->library, &filter, &error));
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);

  authorities = pb_library_list_tracked_authorities (f->library, NULL);
  g_assert_cmpstrv (authorities, ((const char * const[]) { "Fernvale", NULL }));

  /* Cohorts replaced. */
  g_assert_true (pb_library_set_recommendation_cohorts (f->library, late,
                                                        (const char * const[]) { "care_leavers", NULL }, NULL));
  filter = (PbRecommendationFilter) PB_RECOMMENDATION_FILTER_INIT;
  filter.cohort = "care_leavers";
  g_assert_cmpuint (count (f, &filter), ==, 2);
  (void)ids;
}

/* Items that concern no cohort can be listed, to give them one: else they
 * drop out of every cohort's view unseen. */
static void
test_filter_no_cohort (Fixture       *f,
                       gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gint64 first = g_array_index (ids, gint64, 0);
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(GPtrArray) items = NULL;
  guint none = 0, listed;
  gboolean first_listed = FALSE;

  items = pb_library_list_recommendations (f->library, NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    none += pb_recommendation_item_get_cohorts (g_ptr_array_index (items, i))[0] == NULL;
  g_clear_pointer (&items, g_ptr_array_unref);
  /* The first names care leavers; those listed are those with none. */
  filter.cohort = PB_RECOMMENDATION_NO_COHORT;
  g_assert_cmpuint (count (f, &filter), ==, none);
  g_assert_cmpuint (none, <, 3);
  g_assert_true (pb_library_set_recommendation_cohorts (f->library, first, NULL, NULL));
  items = pb_library_list_recommendations (f->library, &filter, NULL);
  g_assert_cmpuint (items->len, ==, none + 1);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_null (pb_recommendation_item_get_cohorts (g_ptr_array_index (items, i))[0]);
      first_listed |= pb_recommendation_item_get_id (g_ptr_array_index (items, i)) == first;
    }
  g_assert_true (first_listed);
  g_assert_cmpuint (count (f, NULL), ==, 3);

  g_assert_true (pb_library_set_recommendation_cohorts (f->library, first,
                                                        (const char * const[]) { "children_in_care", NULL }, NULL));
  listed = count (f, &filter);
  g_assert_cmpuint (listed, ==, none);
  filter.cohort = "children_in_care";
  g_assert_cmpuint (count (f, &filter), >=, 1);
}

/* A report removed from the library: its items stay, named as before. */
static void
test_report_removed (Fixture       *f,
                     gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_FOCUSED_VISIT, "1 and 2 May 2024", pb_test_three_recs);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (pb_library_remove_report (f->library, report_id, &error));
  g_assert_no_error (error);
  item = pb_library_get_recommendation (f->library, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  name = pb_recommendation_item_dup_source_name (item);
  g_assert_cmpstr (name, ==, "May 2024 focused visit");
  g_assert_null (pb_recommendation_item_get_report_sha256 (item));
  g_assert_cmpint (pb_recommendation_item_get_report_id (item), ==, 0);
}

/* ---- The tracker a pack prints ---- */

static PbTrackerRow *
row_for (GPtrArray *rows,
         gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((PbTrackerRow *)g_ptr_array_index (rows, i))->id == id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static gboolean
has_evidence (PbTrackerRow *row,
              gint64        finding_id)
{
  for (guint i = 0; i < row->evidence->len; i++)
    if (((PbTrackerEvidence *)g_ptr_array_index (row->evidence, i))->finding_id == finding_id)
      return TRUE;
  return FALSE;
}

/* Exempt evidence never reaches a public pack's tracker: neither a finding
 * not for publication, nor one from an exempt report, nor the note that
 * gives it, nor an exempt item, nor a link naming one. */
static void
test_tracker_exempt (Fixture       *f,
                     gconstpointer  data)
{
  gint64 report_id = pb_test_rec_import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_three_recs);
  gint64 minutes_id = pb_test_rec_import (f, "m.pdf", PB_TEST_ERA_FOCUSED_VISIT, "1 and 2 May 2024", NULL);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gint64 item = g_array_index (ids, gint64, 0);
  gint64 other = g_array_index (ids, gint64, 1);
  gint64 public_finding = pb_test_rec_add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  gint64 exempt_finding = pb_test_rec_add_finding (f, report_id, 1, "What needs to improve?", TRUE);
  gint64 exempt_report_finding = pb_test_rec_add_finding (f, minutes_id, 1, "Personal advisers know young people well", FALSE);
  PbRecommendationDraft part_b = PB_RECOMMENDATION_DRAFT_INIT;
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) public_rows = NULL;
  g_autoptr(GPtrArray) exempt_rows = NULL;
  g_autoptr(GError) error = NULL;
  PbTrackerRow *row;
  gint64 exempt_item;

  /* The focused visit's report is made exempt ("Part B"). */
  stmt = pb_db_prepare (_pb_library_get_db (f->library), "UPDATE reports SET classification = 'exempt' WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, minutes_id);
  g_assert_true (pb_db_step_done (stmt, NULL));

  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = "2024-01-10";
  update.note = "Public progress note";
  update.evidence = &public_finding;
  update.n_evidence = 1;
  g_assert_true (pb_library_update_recommendation (f->library, item, &update, NULL, NULL));
  update.status = PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT;
  update.date = "2024-06-10";
  update.note = "Confidential: as the exempt report says";
  update.evidence = (gint64[]) { exempt_finding, exempt_report_finding };
  update.n_evidence = 2;
  g_assert_true (pb_library_update_recommendation (f->library, item, &update, NULL, NULL));

  part_b.authority = "Fernvale";
  part_b.text = "Part B action: the named provider's contract.";
  part_b.source_label = "Exempt cabinet report";
  part_b.exempt = TRUE;
  exempt_item = pb_library_add_recommendation (f->library, &part_b, NULL);
  g_assert_true (pb_library_link_recommendations (f->library, other, exempt_item, NULL));

  filter.authority = "Fernvale";
  public_rows = pb_library_get_tracker (f->library, &filter, FALSE, &error);
  g_assert_no_error (error);
  exempt_rows = pb_library_get_tracker (f->library, &filter, TRUE, &error);
  g_assert_no_error (error);

  /* Allowed: everything. */
  g_assert_cmpuint (exempt_rows->len, ==, 4);
  row = row_for (exempt_rows, item);
  g_assert_true (has_evidence (row, public_finding));
  g_assert_true (has_evidence (row, exempt_finding));
  g_assert_true (has_evidence (row, exempt_report_finding));
  g_assert_cmpstr (row->note, ==, "Confidential: as the exempt report says");
  g_assert_cmpuint (g_strv_length (row_for (exempt_rows, other)->links), ==, 1);

  /* A public pack: none of it. The status itself stays. */
  g_assert_cmpuint (public_rows->len, ==, 3);
  g_assert_null (row_for (public_rows, exempt_item));
  row = row_for (public_rows, item);
  g_assert_true (has_evidence (row, public_finding));
  g_assert_false (has_evidence (row, exempt_finding));
  g_assert_false (has_evidence (row, exempt_report_finding));
  g_assert_cmpuint (row->evidence->len, ==, 1);
  g_assert_null (row->note);
  g_assert_cmpstr (row->status, ==, "evidence_of_impact");
  g_assert_cmpstr (row->status_label, ==, "Evidence of impact");
  g_assert_cmpstr (row->rag, ==, "green");
  g_assert_cmpstr (row->rag_label, ==, "Green");
  g_assert_cmpstr (row->last_update, ==, "2024-06-10");
  g_assert_cmpstr (row->source, ==, "2023 inspection");
  g_assert_cmpuint (g_strv_length (row_for (public_rows, other)->links), ==, 0);

  /* The tracker filtered: only overdue, only a cohort. */
  filter.overdue = TRUE;
  g_clear_pointer (&public_rows, g_ptr_array_unref);
  public_rows = pb_library_get_tracker (f->library, &filter, FALSE, NULL);
  g_assert_cmpuint (public_rows->len, ==, 0);
  filter.overdue = FALSE;
  filter.cohort = "care_leavers";
  g_clear_pointer (&public_rows, g_ptr_array_unref);
  public_rows = pb_library_get_tracker (f->library, &filter, FALSE, NULL);
  g_assert_cmpuint (public_rows->len, ==, 1);
  g_assert_cmpint (((PbTrackerRow *)g_ptr_array_index (public_rows, 0))->id, ==, item);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recommendations/list-model", Fixture, NULL,
              pb_rec_fixture_setup, test_list_model, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/filters", Fixture, NULL,
              pb_rec_fixture_setup, test_filters, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/filters/no-cohort", Fixture, NULL,
              pb_rec_fixture_setup, test_filter_no_cohort, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/report-removed", Fixture, NULL,
              pb_rec_fixture_setup, test_report_removed, pb_rec_fixture_teardown);
  g_test_add ("/recommendations/tracker/exempt", Fixture, NULL,
              pb_rec_fixture_setup, test_tracker_exempt, pb_rec_fixture_teardown);

  return g_test_run ();
}
