/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libglib-testing/signal-logger.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-list.h"
#include "pb-findings-csv.h"
#include "pb-import.h"
#include "pb-quote-locate.h"
#include "pb-reanchor.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

typedef struct
{
  char      *dir;
  char      *pdf;
  PbLibrary *library;
  PbReport  *report;
} Fixture;

static const char * const pages[] = {
  "Children in care live in stable homes.\nThe virtual school is effective.",
  "Pathway plans for care leavers are not\nconsistently updated when things change.",
  "Leaders know their services well.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  gint64 id = 0;

  f->dir = pb_test_make_dir ();
  f->pdf = pb_test_write_pdf (f->dir, "r.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "Report" });
  f->library = pb_test_open_library (f->dir);
  file = g_file_new_for_path (f->pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  f->report = pb_library_get_report (f->library, id, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->report);
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

static PbFinding *
make_finding (Fixture            *f,
              guint               page,
              const char         *quote,
              const char * const *cohorts,
              PbFindingKind       kind,
              const char         *note)
{
  PbFinding *finding = pb_finding_new ();
  PbAnchor anchor = { page, { 72, 90, 300, 104 } };

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (f->report));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, cohorts);
  pb_finding_set_kind (finding, kind);
  pb_finding_set_note (finding, note);
  return finding;
}

static const char * const cic[] = { "children_in_care", NULL };
static const char * const leavers_and_leaders[] = { "care_leavers", "leadership", NULL };

static void
test_add_get_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PbFinding) finding = make_finding (f, 2, "Pathway plans for care leavers are not consistently updated",
                                               leavers_and_leaders, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT,
                                               "Raise at panel");
  g_autoptr(PbFinding) read = NULL;
  g_autoptr(PbFinding) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  pb_finding_set_exempt (finding, TRUE);
  pb_finding_set_status (finding, PB_FINDING_STATUS_IN_PROGRESS);
  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (pb_finding_get_id (finding), ==, id);

  read = pb_library_get_finding (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_finding_get_quote (read), ==, pb_finding_get_quote (finding));
  g_assert_cmpstr (pb_finding_get_note (read), ==, "Raise at panel");
  g_assert_cmpuint (pb_finding_get_page (read), ==, 2);
  g_assert_cmpint (pb_finding_get_report_id (read), ==, pb_report_get_id (f->report));
  g_assert_cmpstr (pb_finding_get_report_title (read), ==, "Report");
  g_assert_true (pb_finding_get_exempt (read));
  g_assert_cmpint (pb_finding_get_status (read), ==, PB_FINDING_STATUS_IN_PROGRESS);
  g_assert_cmpint (pb_finding_get_kind (read), ==, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
  g_assert_cmpstrv (pb_finding_get_cohorts (read), leavers_and_leaders);
  g_assert_cmpuint (pb_finding_get_anchors (read)->len, ==, 1);
  g_assert_cmpfloat (g_array_index (pb_finding_get_anchors (read), PbAnchor, 0).rect.x2, ==, 300);
  g_assert_nonnull (pb_finding_get_created (read));

  /* Every field can change; the cohorts are replaced, not added to. */
  pb_finding_set_cohorts (read, cic);
  pb_finding_set_kind (read, PB_FINDING_KIND_STRENGTH);
  pb_finding_set_note (read, "Now better");
  pb_finding_set_exempt (read, FALSE);
  g_assert_true (pb_library_update_finding (f->library, read, &error));
  g_assert_no_error (error);

  edited = pb_library_get_finding (f->library, id, NULL);
  g_assert_cmpstrv (pb_finding_get_cohorts (edited), cic);
  g_assert_cmpint (pb_finding_get_kind (edited), ==, PB_FINDING_KIND_STRENGTH);
  g_assert_cmpstr (pb_finding_get_note (edited), ==, "Now better");
  g_assert_false (pb_finding_get_exempt (edited));
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "findings"), ==, 1);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "finding_cohorts"), ==, 1);
}

static void
test_invalid_refused (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const none[] = { NULL };
  static const char * const unknown[] = { "martians", NULL };
  g_autoptr(PbFinding) no_cohort = make_finding (f, 1, "stable homes", none, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) bad_cohort = make_finding (f, 1, "stable homes", unknown, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) bad_page = make_finding (f, 9, "stable homes", cic, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pb_library_add_finding (f->library, no_cohort, &error), ==, 0);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);
  g_clear_error (&error);

  /* An unknown cohort rolls the whole finding back. */
  g_assert_cmpint (pb_library_add_finding (f->library, bad_cohort, &error), ==, 0);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (pb_library_add_finding (f->library, bad_page, &error), ==, 0);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);

  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "findings"), ==, 0);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "finding_cohorts"), ==, 0);
}

static void
test_filters_and_text (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PbFinding) a = make_finding (f, 1, "Children in care live in stable homes", cic,
                                         PB_FINDING_KIND_STRENGTH, "Good placement stability");
  g_autoptr(PbFinding) b = make_finding (f, 2, "Pathway plans for care leavers", leavers_and_leaders,
                                         PB_FINDING_KIND_AREA_FOR_IMPROVEMENT, "Ask about audits");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) leavers = NULL;
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) exempt = NULL;
  g_autoptr(GPtrArray) by_note = NULL;
  g_autoptr(GPtrArray) by_quote = NULL;
  g_autoptr(GPtrArray) open = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;

  pb_finding_set_exempt (b, TRUE);
  pb_finding_set_status (b, PB_FINDING_STATUS_OPEN);
  g_assert_cmpint (pb_library_add_finding (f->library, a, NULL), >, 0);
  g_assert_cmpint (pb_library_add_finding (f->library, b, NULL), >, 0);

  all = pb_library_list_findings (f->library, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (all, 0)), ==, pb_finding_get_id (a));

  filter.cohort = "care_leavers";
  leavers = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (leavers->len, ==, 1);
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (leavers, 0)), ==, pb_finding_get_id (b));

  filter = (PbFindingFilter) PB_FINDING_FILTER_INIT;
  filter.kind = PB_FINDING_KIND_STRENGTH;
  strengths = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (strengths->len, ==, 1);

  filter = (PbFindingFilter) PB_FINDING_FILTER_INIT;
  filter.exempt = 1;
  exempt = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (exempt->len, ==, 1);
  g_assert_true (pb_finding_get_exempt (g_ptr_array_index (exempt, 0)));

  filter = (PbFindingFilter) PB_FINDING_FILTER_INIT;
  filter.status = PB_FINDING_STATUS_OPEN;
  open = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (open->len, ==, 1);

  /* Full text over the note and over the quote, stemmed. */
  filter = (PbFindingFilter) PB_FINDING_FILTER_INIT;
  filter.text = "audit";
  by_note = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (by_note->len, ==, 1);
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (by_note, 0)), ==, pb_finding_get_id (b));

  filter.text = "\"stable homes\"";
  by_quote = pb_library_list_findings (f->library, &filter, NULL);
  g_assert_cmpuint (by_quote->len, ==, 1);
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (by_quote, 0)), ==, pb_finding_get_id (a));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PbFinding) finding = make_finding (f, 2, "Pathway plans", leavers_and_leaders,
                                               PB_FINDING_KIND_RECOMMENDATION, "A note");
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(PbFinding) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  pb_finding_set_exempt (finding, TRUE);
  id = pb_library_add_finding (f->library, finding, NULL);

  deleted = pb_library_delete_findings (f->library, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_null (pb_library_get_finding (f->library, id, NULL));
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "finding_cohorts"), ==, 0);

  /* Undo: the same finding, same id, same cohorts, same flags. */
  g_assert_true (pb_library_restore_findings (f->library, deleted, &error));
  g_assert_no_error (error);
  back = pb_library_get_finding (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (pb_finding_get_cohorts (back), leavers_and_leaders);
  g_assert_cmpstr (pb_finding_get_note (back), ==, "A note");
  g_assert_true (pb_finding_get_exempt (back));
  g_assert_cmpint (pb_finding_get_kind (back), ==, PB_FINDING_KIND_RECOMMENDATION);
  g_assert_true (g_date_time_equal (pb_finding_get_created (back), pb_finding_get_created (g_ptr_array_index (deleted, 0))));

  /* Still found by text after coming back. */
  {
    PbFindingFilter filter = PB_FINDING_FILTER_INIT;
    g_autoptr(GPtrArray) hits = NULL;

    filter.text = "note";
    hits = pb_library_list_findings (f->library, &filter, NULL);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

static void
test_reanchor (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PbFinding) finding = make_finding (f, 1, "care leavers are not consistently updated",
                                               leavers_and_leaders, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT, "");
  g_autoptr(PbFinding) moved = NULL;
  g_autoptr(GError) error = NULL;
  GArray *anchors;
  gint64 id;

  /* The stored rectangles are wrong (page 1): the quote is on page 2, over
   * two lines. */
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_true (pb_library_reanchor_finding (f->library, id, &error));
  g_assert_no_error (error);

  moved = pb_library_get_finding (f->library, id, NULL);
  anchors = pb_finding_get_anchors (moved);
  g_assert_cmpuint (pb_finding_get_page (moved), ==, 2);
  g_assert_cmpuint (anchors->len, ==, 2);
  g_assert_cmpuint (g_array_index (anchors, PbAnchor, 0).page, ==, 2);
  g_assert_cmpfloat (g_array_index (anchors, PbAnchor, 0).rect.y1, <,
                     g_array_index (anchors, PbAnchor, 1).rect.y1);

  /* A quote that is not in the report is an error, and nothing changes. */
  pb_finding_set_quote (moved, "nowhere in this report");
  g_assert_true (pb_library_update_finding (f->library, moved, NULL));
  g_assert_false (pb_library_reanchor_finding (f->library, id, &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND);
}

static void
test_cohorts (Fixture       *f,
              gconstpointer  data)
{
  static const char * const disabled[] = { "disabled_children", NULL };
  g_autoptr(PbCohort) added = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(PbFinding) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  added = pb_library_add_cohort (f->library, "  Disabled children ", "#c061cb", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_cohort_get_slug (added), ==, "disabled_children");
  g_assert_cmpstr (pb_cohort_get_name (added), ==, "Disabled children");

  g_assert_null (pb_library_add_cohort (f->library, "Disabled Children", "#c061cb", &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pb_library_add_cohort (f->library, "Private fostering", "red", &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);
  g_clear_error (&error);

  cohorts = pb_library_list_cohorts (f->library, NULL);
  g_assert_cmpuint (cohorts->len, ==, 5);
  g_assert_cmpstr (pb_cohort_get_slug (g_ptr_array_index (cohorts, 4)), ==, "disabled_children");

  g_assert_true (pb_library_update_cohort (f->library, "disabled_children", "Disabled children and young people", "#813d9c", &error));
  g_assert_no_error (error);

  finding = make_finding (f, 1, "stable homes", disabled, PB_FINDING_KIND_CONTEXT, "");
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpuint (pb_library_count_cohort_findings (f->library, "disabled_children"), ==, 1);

  /* In use: refused, so the user can be asked; then removed on request. */
  g_assert_false (pb_library_remove_cohort (f->library, "disabled_children", FALSE, &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_COHORT_IN_USE);
  g_assert_true (pb_library_remove_cohort (f->library, "disabled_children", TRUE, NULL));

  after = pb_library_get_finding (f->library, id, NULL);
  g_assert_cmpuint (g_strv_length ((char **)pb_finding_get_cohorts (after)), ==, 0);
}

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PbFindingList) list = pb_finding_list_new (f->library);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbFinding) a = make_finding (f, 1, "stable homes", cic, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) b = make_finding (f, 2, "Pathway plans", leavers_and_leaders, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(GPtrArray) deleted = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  guint position = 0, removed = 0, added = 0;
  gint64 id_b;

  filter.cohort = "care_leavers";
  pb_finding_list_set_filter (list, &filter);
  g_assert_true (pb_finding_list_reload (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  gt_signal_logger_connect (logger, list, "items-changed");

  /* Outside the filter: no change at all. */
  pb_library_add_finding (f->library, a, NULL);
  gt_signal_logger_assert_no_emissions (logger);

  id_b = pb_library_add_finding (f->library, b, NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* An edit that keeps it in the list: one change in place. */
  pb_finding_set_note (b, "edited");
  pb_library_update_finding (f->library, b, NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* An edit that takes it out of the filter removes it. */
  pb_finding_set_cohorts (b, cic);
  pb_library_update_finding (f->library, b, NULL);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  gt_signal_logger_assert_no_emissions (logger);

  /* Deleting something not listed changes nothing. */
  deleted = pb_library_delete_findings (f->library, &id_b, 1, NULL);
  g_assert_cmpuint (deleted->len, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* A list never read stays empty as findings come; one whose filter
 * changed without a reload, told of a finding, says all of it changed:
 * never one row added when the count grew by more (list views abort). */
static void
test_list_model_counts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PbFindingList) list = pb_finding_list_new (f->library);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbFinding) a = make_finding (f, 1, "stable homes", cic, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) b = make_finding (f, 2, "Pathway plans", leavers_and_leaders, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) c = make_finding (f, 3, "Personal advisers", leavers_and_leaders, PB_FINDING_KIND_STRENGTH, "");
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  guint position = 0, removed = 0, added = 0;

  g_assert_cmpint (pb_library_add_finding (f->library, a, NULL), >, 0);
  gt_signal_logger_connect (logger, list, "items-changed");

  /* Not read yet: nothing changes, though the library holds two now. */
  g_assert_cmpint (pb_library_add_finding (f->library, b, NULL), >, 0);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_true (pb_finding_list_reload (list, NULL));
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 2);

  /* Only care leavers from now on, not read yet: a third finding changes
   * every row, and says so in counts that add up. */
  filter.cohort = "care_leavers";
  pb_finding_list_set_filter (list, &filter);
  g_assert_cmpint (pb_library_add_finding (f->library, c, NULL), >, 0);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (added, ==, 2);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* Cleared, it is not read again until asked. */
  pb_finding_list_clear (list);
  gt_signal_logger_assert_emission_pop (logger, list, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (removed, ==, 2);
  pb_finding_set_note (c, "edited");
  g_assert_true (pb_library_update_finding (f->library, c, NULL));
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_retag (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PbFinding) a = make_finding (f, 1, "stable homes", cic, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) b = make_finding (f, 2, "Pathway plans", leavers_and_leaders, PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) a2 = NULL;
  g_autoptr(PbFinding) b2 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  ids[0] = pb_library_add_finding (f->library, a, NULL);
  ids[1] = pb_library_add_finding (f->library, b, NULL);

  g_assert_true (pb_library_retag_findings (f->library, ids, 2, "leadership", TRUE, &error));
  g_assert_no_error (error);
  a2 = pb_library_get_finding (f->library, ids[0], NULL);
  g_assert_true (pb_finding_has_cohort (a2, "leadership"));
  g_assert_true (pb_finding_has_cohort (a2, "children_in_care"));

  /* Taking away a cohort: gone from the finding that had it, leaving its others. */
  g_assert_true (pb_library_retag_findings (f->library, ids, 2, "children_in_care", FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&a2);
  a2 = pb_library_get_finding (f->library, ids[0], NULL);
  g_assert_cmpstrv (pb_finding_get_cohorts (a2), ((const char * const[]) { "leadership", NULL }));

  /* Taking away the last cohort of one finding refuses the whole change. */
  g_assert_false (pb_library_retag_findings (f->library, ids, 2, "leadership", FALSE, &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID);
  b2 = pb_library_get_finding (f->library, ids[1], NULL);
  g_assert_true (pb_finding_has_cohort (b2, "leadership"));
  g_clear_object (&a2);
  a2 = pb_library_get_finding (f->library, ids[0], NULL);
  g_assert_true (pb_finding_has_cohort (a2, "leadership"));
}

static void
test_pdf_highlights_offered (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *marked = pb_test_add_highlight (f->pdf, 1, "Pathway plans for care leavers",
                                                   "Raise this at panel");
  g_autoptr(GFile) file = g_file_new_for_path (marked);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  PbFinding *draft;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);

  suggestions = pb_library_list_suggestions (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);

  draft = pb_suggestion_get_draft (g_ptr_array_index (suggestions, 0));
  g_assert_cmpstr (pb_finding_get_quote (draft), ==, "Pathway plans for care leavers");
  g_assert_cmpstr (pb_finding_get_note (draft), ==, "Raise this at panel");
  g_assert_cmpuint (pb_finding_get_page (draft), ==, 2);
  g_assert_cmpuint (pb_finding_get_anchors (draft)->len, ==, 1);
  g_assert_cmpfloat (g_array_index (pb_finding_get_anchors (draft), PbAnchor, 0).rect.y1, <, 200);

  /* Accepted: it becomes a finding once it has a cohort, and is not offered again. */
  {
    g_autoptr(PbFinding) finding = pb_finding_copy (draft);
    static const char * const cohorts[] = { "care_leavers", NULL };

    pb_finding_set_cohorts (finding, cohorts);
    g_assert_cmpint (pb_library_add_finding (f->library, finding, &error), >, 0);
    g_assert_true (pb_library_close_suggestion (f->library,
                                                pb_suggestion_get_id (g_ptr_array_index (suggestions, 0)),
                                                TRUE, &error));
  }
  after = pb_library_list_suggestions (f->library, id, NULL);
  g_assert_cmpuint (after->len, ==, 0);

  /* A PDF without annotations offers nothing. */
  {
    g_autoptr(GPtrArray) none = pb_library_list_suggestions (f->library, pb_report_get_id (f->report), NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* A filtered set written as CSV: a row each, in the order given, with
 * quotes doubled inside quoted fields; to a folder that is not there, an
 * error and no file. */
static void
test_write_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PbFinding) first = make_finding (f, 1, "Children in care live in stable homes.", cic,
                                             PB_FINDING_KIND_STRENGTH, "Say \"well done\"");
  g_autoptr(PbFinding) second = make_finding (f, 2, "Pathway plans for care leavers are not", leavers_and_leaders,
                                              PB_FINDING_KIND_AREA_FOR_IMPROVEMENT, "");
  g_autoptr(PbFinding) third = make_finding (f, 3, "Leaders know their services well.", leavers_and_leaders,
                                             PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autofree char *path = g_build_filename (f->dir, "findings.csv", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "findings.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;

  pb_finding_set_exempt (third, TRUE);
  g_assert_cmpint (pb_library_add_finding (f->library, first, &error), >, 0);
  g_assert_cmpint (pb_library_add_finding (f->library, second, &error), >, 0);
  g_assert_cmpint (pb_library_add_finding (f->library, third, &error), >, 0);
  g_assert_no_error (error);

  filter.cohort = "care_leavers";
  chosen = pb_library_list_findings (f->library, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, 2);
  /* Any set, in any order: here the two care leavers' findings, then one more. */
  g_ptr_array_add (chosen, pb_library_get_finding (f->library, pb_finding_get_id (first), &error));
  g_assert_no_error (error);

  g_assert_true (pb_findings_write_csv (chosen, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 1);   /* header, rows, and "" after the last */
  /* Labels in the header, words in the cells, the day recorded in ISO form. */
  g_assert_cmpstr (lines[0], ==, "\"ID\",\"Report\",\"Page\",\"Paragraph\",\"Quote\",\"Cohorts\","
                                 "\"Kind\",\"Status\",\"Classification\",\"Note\",\"Recorded\"");
  for (guint i = 0; i < chosen->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (chosen, i);
      g_autofree char *start = g_strdup_printf ("\"%" G_GINT64_FORMAT "\",\"Report\",", pb_finding_get_id (finding));

      g_assert_true (g_str_has_prefix (lines[i + 1], start));
      g_assert_nonnull (strstr (lines[i + 1], pb_finding_get_quote (finding)));
      g_assert_cmpint (strstr (lines[i + 1], "\"Exempt\"") != NULL, ==, pb_finding_get_exempt (finding));
      g_assert_null (strstr (lines[i + 1], "care_leavers"));
      g_assert_null (strstr (lines[i + 1], "area_for_improvement"));
    }
  g_assert_nonnull (strstr (csv, "\"Care leavers; Leadership\",\"Area for improvement\""));
  {
    g_autoptr(GDateTime) created = g_date_time_to_local (pb_finding_get_created (g_ptr_array_index (chosen, 2)));
    g_autofree char *day = g_date_time_format (created, "%Y-%m-%d");
    g_autofree char *end = g_strdup_printf ("\"Strength\",\"\",\"Public\",\"Say \"\"well done\"\"\",\"%s\"", day);

    g_assert_true (g_str_has_suffix (lines[3], end));
  }

  g_assert_false (pb_findings_write_csv (chosen, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* Given the titles the app shows, each report goes by its own. */
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) reports = pb_library_list_reports (f->library, &error);
    g_autoptr(GHashTable) titles = NULL;
    g_autoptr(GString) text = NULL;
    gint64 id = pb_finding_get_report_id (g_ptr_array_index (chosen, 0));

    g_assert_no_error (error);
    titles = pb_findings_csv_report_titles (reports);
    g_assert_cmpuint (g_hash_table_size (titles), ==, reports->len);
    g_assert_cmpstr (g_hash_table_lookup (titles, &id), ==,
                     pb_report_get_display_title (g_ptr_array_index (reports, 0)));
    g_hash_table_insert (titles, g_memdup2 (&id, sizeof id), g_strdup ("Harrowdale — ILACS inspection, May 2026"));

    text = pb_findings_csv_text (chosen, NULL, titles);
    g_strfreev (lines);
    lines = g_strsplit (text->str, "\r\n", -1);
    for (guint i = 0; i < chosen->len; i++)
      {
        g_autofree char *start = g_strdup_printf ("\"%" G_GINT64_FORMAT "\",\"Harrowdale — ILACS inspection, May 2026\",",
                                                  pb_finding_get_id (g_ptr_array_index (chosen, i)));

        g_assert_true (g_str_has_prefix (lines[i + 1], start));
      }
  }
}

/* A quote refused on a page that is only an image says so, and what to do,
 * rather than that the words are missing; a report of images says it too. */
static void
test_quote_on_scanned_page (Fixture       *f,
                            gconstpointer  data)
{
  static const PbTestText texts[] = {
    { 0, 72, 100, "Care leavers have a generous local offer.", -1, 0 },
    { 2, 72, 100, "Leaders know their services well.", -1, 0 },
  };
  static const char * const scan_pages[] = { "", NULL };
  static const PbTestPdfOptions scan = { NULL, NULL, TRUE };
  g_autofree char *mixed = pb_test_write_layout_pdf (f->dir, "mixed.pdf", texts, G_N_ELEMENTS (texts), FALSE);
  g_autofree char *scanned = pb_test_write_pdf (f->dir, "scanned.pdf", scan_pages, &scan);
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GError) error = NULL;

  anchors = pb_pdf_locate_quote (mixed, NULL, 2, "the panel agreed", &error);
  g_assert_null (anchors);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Page 2 has no text"));
  g_clear_error (&error);

  /* On a page with text, the words are simply not there. */
  anchors = pb_pdf_locate_quote (mixed, NULL, 1, "the panel agreed", &error);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "was not found"));
  g_clear_error (&error);

  anchors = pb_pdf_locate_quote (scanned, NULL, 1, "the panel agreed", &error);
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no text to quote"));
  g_assert_nonnull (strstr (error->message, "scan"));
}

/* Tags are shown in words, in the order they were given; a cohort deleted
 * since still shows as its slug rather than vanishing from the list. */
static void
test_cohort_join_names (void)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *slugs[] = { "care_leavers", "gone_cohort", "in_care", NULL };
  const char *none[] = { NULL };
  g_autofree char *cell = NULL;
  g_autofree char *field = NULL;
  g_autofree char *empty = NULL;

  g_ptr_array_add (cohorts, pb_cohort_new (1, "in_care", "Children in care", "#1c71d8", TRUE));
  g_ptr_array_add (cohorts, pb_cohort_new (2, "care_leavers", "Care leavers, 18 to 25", "#26a269", TRUE));

  cell = pb_cohort_join_names (cohorts, slugs, ", ");
  g_assert_cmpstr (cell, ==, "Care leavers, 18 to 25, gone_cohort, Children in care");
  field = pb_cohort_join_names (cohorts, slugs, "; ");
  g_assert_cmpstr (field, ==, "Care leavers, 18 to 25; gone_cohort; Children in care");
  empty = pb_cohort_join_names (cohorts, none, "; ");
  g_assert_cmpstr (empty, ==, "");
}

/* A cohort named twice tags the finding once, on adding and on saving. */
static void
test_repeated_cohort (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const twice[] = { "care_leavers", "leadership", "care_leavers", NULL };
  g_autoptr(PbFinding) finding = make_finding (f, 2, "Pathway plans", twice,
                                               PB_FINDING_KIND_STRENGTH, "");
  g_autoptr(PbFinding) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  back = pb_library_get_finding (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (pb_finding_get_cohorts (back), leavers_and_leaders);

  g_assert_true (pb_library_update_finding (f->library, finding, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "finding_cohorts"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/findings/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("repeated-cohort", test_repeated_cohort);
  ADD ("add-get-edit", test_add_get_edit);
  ADD ("invalid-refused", test_invalid_refused);
  ADD ("filters-and-text", test_filters_and_text);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("reanchor", test_reanchor);
  ADD ("cohorts", test_cohorts);
  ADD ("list-model", test_list_model);
  ADD ("list-model-counts", test_list_model_counts);
  ADD ("retag", test_retag);
  ADD ("pdf-highlights-offered", test_pdf_highlights_offered);
  ADD ("write-csv", test_write_csv);
  ADD ("quote-on-scanned-page", test_quote_on_scanned_page);
#undef ADD
  g_test_add_func ("/findings/cohort-join-names", test_cohort_join_names);

  return g_test_run ();
}
