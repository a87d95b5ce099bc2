/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding-store.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"
#include "pb-test-recommendations.h"
#include "pb-test-util.h"

const char * const pb_test_three_recs[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "Management oversight of assessments, so that plans for children are progressed without delay.",
  "The sufficiency of local homes for children in care.",
  NULL
};

void
pb_rec_fixture_setup (PbRecFixture  *f,
                      gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
}

void
pb_rec_fixture_teardown (PbRecFixture  *f,
                         gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* An inspection of Fernvale of @era, with @recs, imported as @name. */
gint64
pb_test_rec_import (PbRecFixture       *f,
                    const char         *name,
                    PbTestEra           era,
                    const char         *dates,
                    const char * const *recs)
{
  PbTestInspection inspection = { era, "Fernvale", dates, recs, { NULL }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (f->dir, name, &inspection);

  return pb_test_import_pdf (f->library, pdf);
}

/* An item of Fernvale's improvement plan, entered by hand. */
gint64
pb_test_rec_add_by_hand (PbRecFixture *f,
                         const char   *text,
                         const char   *due)
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

/* A commitment about care leavers on @page_number of the report. */
gint64
pb_test_rec_add_finding (PbRecFixture *f,
                         gint64        report_id,
                         guint         page_number,
                         const char   *quote,
                         gboolean      exempt)
{
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_page (finding, page_number);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, (const char * const[]) { "care_leavers", NULL });
  pb_finding_set_kind (finding, PB_FINDING_KIND_COMMITMENT);
  pb_finding_set_exempt (finding, exempt);
  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  return id;
}
