/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-pack-store.h"
#include "pb-pack.h"
#include "pb-report-edit.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-search.h"
#include "pb-test-util.h"

/* The demo's sample documents are real PDFs that import like any other, with
 * the structure an inspection report has. */
static void
test_demo_samples_import (void)
{
  static const char * const titles[] = {
    "Focused visit to Harrowdale local authority children’s services",
    "Inspection of Harrowdale local authority children’s services",
    "Corporate Parenting Panel minutes, 21 January 2025",
    "Inspection of Harrowdale local authority children’s services",
  };
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 inspection_id = 0;

  paths = pb_demo_write_samples (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, G_N_ELEMENTS (titles));

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(PbReport) report = NULL;
      gint64 id = 0;

      g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
      g_assert_no_error (error);
      report = pb_library_get_report (library, id, NULL);
      g_assert_cmpstr (pb_report_get_title (report), ==, titles[i]);
      g_assert_true (pb_report_get_has_text_layer (report));
      g_assert_true (pb_report_get_is_tagged (report));
      g_assert_nonnull (pb_report_get_created (report));
      if (i == 1)
        inspection_id = id;
    }

  /* The inspection report has its judgement table and numbered paragraphs. */
  {
    g_autofree char *first = pb_library_dup_page_text (library, inspection_id, 1, NULL);

    g_assert_nonnull (strstr (first, "Judgement Grade"));
    g_assert_nonnull (strstr (first, "Overall effectiveness Good"));
    g_assert_nonnull (strstr (first, "What needs to improve?"));
  }

  hits = pb_library_search (library, "\"pathway plans\"", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 3);

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

/* The demo library comes with findings, every quote found in its report. */
static void
test_demo_populate (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  PbFindingFilter exempt = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) exempt_findings = NULL;

  g_assert_true (pb_demo_populate (library, dir, &error));
  g_assert_no_error (error);

  reports = pb_library_list_reports (library, NULL);
  g_assert_cmpuint (reports->len, ==, 4);

  findings = pb_library_list_findings (library, NULL, NULL);
  g_assert_cmpuint (findings->len, >=, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpuint (pb_finding_get_anchors (finding)->len, >=, 1);
      g_assert_nonnull (pb_finding_get_cohorts (finding)[0]);
    }

  exempt.exempt = 1;
  exempt_findings = pb_library_list_findings (library, &exempt, NULL);
  g_assert_cmpuint (exempt_findings->len, ==, 1);

  /* The demo pack: public, so every finding but the exempt one. */
  {
    gint64 pack_id = pb_demo_add_pack (library, &error);
    g_autoptr(PbPack) pack = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (pack_id, >, 0);
    pack = pb_library_get_pack (library, pack_id, &error);
    g_assert_false (pb_pack_get_exempt (pack));
    g_assert_cmpuint (pb_pack_get_n_findings (pack), ==, findings->len - 1);
  }

  /* Findings in the numbered inspection report cite their paragraph; the
   * minutes have none. Each of the three is there to check, once. */
  {
    guint n_checked = 0;

    for (guint i = 0; i < findings->len; i++)
      {
        PbFinding *finding = g_ptr_array_index (findings, i);
        const char *quote = pb_finding_get_quote (finding);

        if (g_str_equal (quote, "Out of hours, the response to children at risk is less consistent."))
          g_assert_cmpuint (pb_finding_get_paragraph (finding), ==, 2);
        else if (g_str_equal (quote, "Most children live in stable homes with carers who know them well."))
          g_assert_cmpuint (pb_finding_get_paragraph (finding), ==, 7);
        else if (g_str_has_prefix (quote, "78%"))
          g_assert_cmpuint (pb_finding_get_paragraph (finding), ==, 0);
        else
          continue;
        n_checked++;
      }
    g_assert_cmpuint (n_checked, ==, 3);
  }

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

/* The one date an officer corrects is the one the document is known by:
 * an inspection report's publication (never after today), a visit's
 * letter's or minutes' own date (the minutes may be of a meeting to come). */
static PbReport *
report_of_type (PbLibrary      *library,
                PbDocumentType  type)
{
  g_autoptr(GPtrArray) reports = pb_library_list_reports (library, NULL);

  for (guint i = 0; i < reports->len; i++)
    if (pb_report_get_document_type (g_ptr_array_index (reports, i)) == type)
      return g_object_ref (g_ptr_array_index (reports, i));
  g_assert_not_reached ();
}

static PbReport *
reread (PbLibrary *library,
        PbReport  *report)
{
  return pb_library_get_report (library, pb_report_get_id (report), NULL);
}

static void
test_demo_corrected_dates (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PbReport) inspection = NULL;
  g_autoptr(PbReport) minutes = NULL;
  g_autoptr(PbReport) visit = NULL;
  GDate published, future;

  g_assert_true (pb_demo_populate (library, dir, &error));
  inspection = report_of_type (library, PB_DOCUMENT_ILACS_INSPECTION);
  minutes = report_of_type (library, PB_DOCUMENT_OTHER);
  visit = report_of_type (library, PB_DOCUMENT_FOCUSED_VISIT);
  g_date_clear (&future, 1);
  g_date_set_dmy (&future, (GDateDay)g_date_time_get_day_of_month (now), (GDateMonth)g_date_time_get_month (now),
                  (GDateYear)g_date_time_get_year (now));
  g_date_add_days (&future, 30);

  /* The inspection: its publication date, shown with it. */
  g_date_clear (&published, 1);
  g_date_set_dmy (&published, 10, G_DATE_NOVEMBER, 2024);
  g_assert_true (pb_library_set_report_date (library, pb_report_get_id (inspection), &published, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PbReport) again = reread (library, inspection);
    g_autofree char *dates = pb_report_dup_dates_description (again);

    g_assert_cmpint (g_date_compare (&pb_report_get_dates (again)->published, &published), ==, 0);
    g_assert_nonnull (strstr (dates, "published 10 Nov 2024"));
  }
  g_assert_false (pb_library_set_report_date (library, pb_report_get_id (inspection), &future, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "after today"));
  g_clear_error (&error);
  {
    g_autoptr(PbReport) again = reread (library, inspection);

    g_assert_cmpint (g_date_compare (&pb_report_get_dates (again)->published, &published), ==, 0);
  }

  /* Minutes of a meeting to come, and a visit's letter: their own dates. */
  g_assert_true (pb_library_set_report_date (library, pb_report_get_id (minutes), &future, &error));
  g_assert_true (pb_library_set_report_date (library, pb_report_get_id (visit), &published, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PbReport) again = reread (library, minutes);
    g_autoptr(PbReport) letter = reread (library, visit);
    g_autofree char *dates = pb_report_dup_dates_description (letter);

    g_assert_cmpint (g_date_compare (&pb_report_get_dates (again)->stated, &future), ==, 0);
    g_assert_cmpint (g_date_compare (&pb_report_get_dates (letter)->stated, &published), ==, 0);
    g_assert_nonnull (strstr (dates, "dated 10 Nov 2024"));
  }

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/samples-import", test_demo_samples_import);
  g_test_add_func ("/demo/populate", test_demo_populate);
  g_test_add_func ("/demo/corrected-dates", test_demo_corrected_dates);
  return g_test_run ();
}
