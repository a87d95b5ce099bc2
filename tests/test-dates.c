/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-dates.h"
#include "pb-structure-reader.h"

/* One model of a document's dates, with no display: the date it is known
 * by, the phrase that labels each of its dates, British input, and the date
 * a meeting's paper or a letter gives itself. */

static void
set (GDate *date,
     int    d,
     int    m,
     int    y)
{
  g_date_set_dmy (date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static void
test_inspection (void)
{
  PbDocumentDates dates;
  g_autofree char *both = NULL;
  g_autofree char *inspected = NULL;
  g_autofree char *known = NULL;
  GDate date;

  pb_document_dates_init (&dates);
  dates.type = PB_DOCUMENT_ILACS_INSPECTION;
  set (&dates.start, 9, 9, 2024);
  set (&dates.end, 20, 9, 2024);
  set (&dates.imported, 1, 5, 2026);
  inspected = pb_document_dates_describe (&dates);
  g_assert_cmpstr (inspected, ==, "inspected 9–20 Sep 2024");
  g_assert_true (pb_document_dates_get_date (&dates, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 20);

  set (&dates.published, 4, 11, 2024);
  both = pb_document_dates_describe (&dates);
  g_assert_cmpstr (both, ==, "inspected 9–20 Sep 2024, published 4 Nov 2024");
  /* Known by its last day, as it is cited; by its publication only when
   * the last day is not known, or is not believable (no earlier than the
   * publication: a publication date misread). */
  known = pb_document_dates_format_date (&dates);
  g_assert_cmpstr (known, ==, "20 Sep 2024");
  g_assert_false (pb_document_dates_is_published_date (&dates));
  g_clear_pointer (&known, g_free);
  set (&dates.end, 4, 11, 2024);
  known = pb_document_dates_format_date (&dates);
  g_assert_cmpstr (known, ==, "4 Nov 2024");
  g_assert_true (pb_document_dates_is_published_date (&dates));
  g_clear_pointer (&both, g_free);
  both = pb_document_dates_describe (&dates);
  g_assert_cmpstr (both, ==, "published 4 Nov 2024");
}

static void
test_visit_and_other (void)
{
  PbDocumentDates dates;
  g_autofree char *visit = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *known = NULL;

  pb_document_dates_init (&dates);
  dates.type = PB_DOCUMENT_FOCUSED_VISIT;
  set (&dates.start, 30, 9, 2023);
  set (&dates.end, 4, 10, 2023);
  set (&dates.stated, 1, 11, 2023);
  visit = pb_document_dates_describe (&dates);
  g_assert_cmpstr (visit, ==, "visited 30 Sep–4 Oct 2023, dated 1 Nov 2023");

  /* Another document: the date it states, else its import, labelled. */
  pb_document_dates_init (&dates);
  set (&dates.stated, 14, 1, 2027);
  set (&dates.imported, 3, 5, 2025);
  meeting = pb_document_dates_describe (&dates);
  g_assert_cmpstr (meeting, ==, "dated 14 Jan 2027");
  known = pb_document_dates_format_date (&dates);
  g_assert_cmpstr (known, ==, "14 Jan 2027");

  g_date_clear (&dates.stated, 1);
  imported = pb_document_dates_describe (&dates);
  g_assert_cmpstr (imported, ==, "imported 3 May 2025");
}

static void
test_spans (void)
{
  GDate a, b;
  g_autofree char *months = NULL;
  g_autofree char *years = NULL;
  g_autofree char *one = NULL;

  set (&a, 30, 9, 2019);
  set (&b, 4, 10, 2019);
  months = pb_date_format_span (&a, &b);
  g_assert_cmpstr (months, ==, "30 Sep–4 Oct 2019");
  set (&a, 28, 12, 2019);
  set (&b, 3, 1, 2020);
  years = pb_date_format_span (&a, &b);
  g_assert_cmpstr (years, ==, "28 Dec 2019–3 Jan 2020");
  one = pb_date_format_span (&b, &b);
  g_assert_cmpstr (one, ==, "3 Jan 2020");
}

static void
assert_parses (const char *text,
               int         d,
               int         m,
               int         y)
{
  GDate date;

  g_assert_true (pb_date_parse (text, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, d);
  g_assert_cmpint (g_date_get_month (&date), ==, m);
  g_assert_cmpint (g_date_get_year (&date), ==, y);
}

/* Day first, always: as it is typed in Britain. */
static void
test_parse (void)
{
  GDate date;

  assert_parses ("14/01/2027", 14, 1, 2027);
  assert_parses (" 4/5/27 ", 4, 5, 2027);
  assert_parses ("14.01.2027", 14, 1, 2027);
  assert_parses ("14-01-2027", 14, 1, 2027);
  assert_parses ("14 January 2027", 14, 1, 2027);
  assert_parses ("14th Jan 2027", 14, 1, 2027);
  assert_parses ("Thursday 14 January 2027", 14, 1, 2027);
  assert_parses ("2027-01-14", 14, 1, 2027);

  g_assert_false (pb_date_parse ("01/14/2027", &date));    /* no 14th month */
  g_assert_false (pb_date_parse ("31/02/2027", &date));
  g_assert_false (pb_date_parse ("next Tuesday", &date));
  g_assert_false (pb_date_parse ("14 January 2027 at 10am", &date));
  g_assert_false (pb_date_parse ("", &date));
  g_assert_false (g_date_valid (&date));
}

/* What a paper says its date is on its first page. */
static void
test_stated (void)
{
  static const char * const cabinet[] = {
    "Report to Cabinet\nDate of Meeting\t14th June 2023\nOfsted focused visit on care leavers\n", NULL
  };
  static const char * const minutes[] = {
    "Corporate Parenting Panel\nMinutes\nDate: 14/01/2027\nPresent: Councillors\n", NULL
  };
  static const char * const letter[] = {
    "Ms A Director\nDirector of Children's Services\n13 December 2022\nDear Ms Director\n", NULL
  };
  static const char * const titled[] = {
    "Corporate Parenting Panel minutes, 21\nJanuary 2025\nPresent: Councillor A. Okafor (Chair)\n", NULL
  };
  static const char * const none[] = { "A press release\nIt says nothing of when.\n", NULL };
  g_autoptr(PbStructure) a = pb_structure_read_text (cabinet);
  g_autoptr(PbStructure) b = pb_structure_read_text (minutes);
  g_autoptr(PbStructure) c = pb_structure_read_text (letter);
  g_autoptr(PbStructure) d = pb_structure_read_text (none);
  g_autoptr(PbStructure) e = pb_structure_read_text (titled);

  g_assert_true (g_date_valid (&a->stated));
  g_assert_cmpint (g_date_get_day (&a->stated), ==, 14);
  g_assert_cmpint (g_date_get_month (&a->stated), ==, 6);
  g_assert_true (g_date_valid (&b->stated));
  g_assert_cmpint (g_date_get_year (&b->stated), ==, 2027);
  g_assert_true (g_date_valid (&c->stated));
  g_assert_cmpint (g_date_get_month (&c->stated), ==, 12);
  g_assert_false (g_date_valid (&d->stated));
  /* Minutes headed by a title that ends in their date, wrapped. */
  g_assert_true (g_date_valid (&e->stated));
  g_assert_cmpint (g_date_get_day (&e->stated), ==, 21);
  g_assert_cmpint (g_date_get_month (&e->stated), ==, 1);
  g_assert_cmpint (g_date_get_year (&e->stated), ==, 2025);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/inspection", test_inspection);
  g_test_add_func ("/dates/visit-and-other", test_visit_and_other);
  g_test_add_func ("/dates/spans", test_spans);
  g_test_add_func ("/dates/parse", test_parse);
  g_test_add_func ("/dates/stated", test_stated);

  return g_test_run ();
}
