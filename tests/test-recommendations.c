/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

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
#include "pb-structure-pdf.h"
#include "pb-suggestion.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"

/* Tracked recommendations in the library: made from each era's reports, by
 * hand, from a suggestion or a finding; their dated history, evidence and
 * Undo; the list model; the filters; and the tracker a pack prints, which
 * must never carry exempt material into a public pack. */

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

static const char * const three[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "Management oversight of assessments, so that plans for children are progressed without delay.",
  "The sufficiency of local homes for children in care.",
  NULL
};

static gint64
import (Fixture            *f,
        const char         *name,
        PbTestEra           era,
        const char         *dates,
        const char * const *recs)
{
  PbTestInspection inspection = { era, "Fernvale", dates, recs, { NULL }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (f->dir, name, &inspection);

  return pb_test_import_pdf (f->library, pdf);
}

static gint64
add_by_hand (Fixture    *f,
             const char *text,
             const char *due)
{
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft.authority = "Fernvale";
  draft.text = text;
  draft.due = due;
  draft.source_label = "Improvement plan 2024";
  draft.source_date = "2024-05-01";
  id = pb_library_add_recommendation (f->library, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_finding (Fixture    *f,
             gint64      report_id,
             guint       page,
             const char *quote,
             gboolean    exempt)
{
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_page (finding, page);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, (const char * const[]) { "care_leavers", NULL });
  pb_finding_set_kind (finding, PB_FINDING_KIND_COMMITMENT);
  pb_finding_set_exempt (finding, exempt);
  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  return id;
}

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
      gint64 report_id = import (f, name, eras[e].era, eras[e].dates, three);
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
          g_assert_cmpstr (pb_recommendation_item_get_text (item), ==, three[i]);
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
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
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
  g_clear_error (&error);
  draft.due = "2025-02-30";
  g_assert_cmpint (pb_library_add_recommendation (f->library, &draft, &error), ==, 0);
  g_assert_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID);
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
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

  finding_id = add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  from_finding = pb_library_add_recommendation_from_finding (f->library, finding_id, &error);
  g_assert_no_error (error);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->library, from_finding, NULL);
  g_assert_cmpstr (pb_recommendation_item_get_text (item), ==, "Leaders know their services well");
  g_assert_true (pb_recommendation_item_has_cohort (item, "care_leavers"));
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
  gint64 id = add_by_hand (f, "Recruit foster carers.", NULL);
  gint64 evidence = add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
  gint64 id = add_by_hand (f, "Recruit foster carers.", "2025-03-31");
  gint64 evidence = add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
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
  first = add_by_hand (f, "Recruit foster carers.", NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* A report's three at once: one reload. Its 2023 items come before the
   * 2024 action plan's. */
  report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gint64 late = add_by_hand (f, "Recruit foster carers.", "2025-03-31");
  gint64 met_late = add_by_hand (f, "Open two children’s homes.", "2025-01-31");
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

/* A report removed from the library: its items stay, named as before. */
static void
test_report_removed (Fixture       *f,
                     gconstpointer  data)
{
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_FOCUSED_VISIT, "1 and 2 May 2024", three);
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
  gint64 report_id = import (f, "r.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", three);
  gint64 minutes_id = import (f, "m.pdf", PB_TEST_ERA_FOCUSED_VISIT, "1 and 2 May 2024", NULL);
  g_autoptr(GArray) ids = pb_library_add_report_recommendations (f->library, report_id, NULL);
  gint64 item = g_array_index (ids, gint64, 0);
  gint64 other = g_array_index (ids, gint64, 1);
  gint64 public_finding = add_finding (f, report_id, 1, "Leaders know their services well", FALSE);
  gint64 exempt_finding = add_finding (f, report_id, 1, "What needs to improve?", TRUE);
  gint64 exempt_report_finding = add_finding (f, minutes_id, 1, "Personal advisers know young people well", FALSE);
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

  g_test_add_func ("/recommendations/statuses", test_statuses);
  g_test_add ("/recommendations/items/each-era", Fixture, NULL, fixture_setup, test_items_from_each_era, fixture_teardown);
  g_test_add ("/recommendations/items/corpus", Fixture, NULL, fixture_setup, test_items_from_corpus, fixture_teardown);
  g_test_add ("/recommendations/items/by-hand", Fixture, NULL, fixture_setup, test_items_by_hand, fixture_teardown);
  g_test_add ("/recommendations/items/suggestion-and-finding", Fixture, NULL, fixture_setup,
              test_items_from_suggestion_and_finding, fixture_teardown);
  g_test_add ("/recommendations/history/order", Fixture, NULL, fixture_setup, test_history_order, fixture_teardown);
  g_test_add ("/recommendations/history/undo", Fixture, NULL, fixture_setup, test_history_undo, fixture_teardown);
  g_test_add ("/recommendations/list-model", Fixture, NULL, fixture_setup, test_list_model, fixture_teardown);
  g_test_add ("/recommendations/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/recommendations/report-removed", Fixture, NULL, fixture_setup, test_report_removed, fixture_teardown);
  g_test_add ("/recommendations/tracker/exempt", Fixture, NULL, fixture_setup, test_tracker_exempt, fixture_teardown);

  return g_test_run ();
}
