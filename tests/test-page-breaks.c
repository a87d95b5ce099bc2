/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-finding.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-quote-locate.h"
#include "pb-search.h"
#include "pb-test-util.h"
#include "pb-text-pages.h"

/* Words and passages broken by line ends and page breaks: search finds them
 * whole, a quote matches them, and a finding keeps the passage as printed. */

typedef PbKindsFixture Fixture;

static gint64
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  pb_import_file_full (f->library, file, NULL, PB_IMPORT_DEFAULT, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  return id;
}

static void
assert_found (Fixture    *f,
              const char *query,
              gint64      report_id)
{
  if (pb_test_kinds_count_hits (f->library, query, report_id, 0) == 0)
    g_error ("search for %s does not find report %" G_GINT64_FORMAT, query, report_id);
}

/* Three pages with a running header and footer; a passage runs from the
 * foot of page 1 over all of page 2 onto page 3, and a word is broken by a
 * hyphen at the foot of page 3 ("im-" / "provement"). */
static char *
write_breaks_pdf (Fixture *f)
{
  static const char * const page1[] = {
    "12. Personal advisers keep in touch with almost all care leavers.",
    "13. Pathway plans for care leavers are not consistently",
    NULL
  };
  static const char * const page2[] = {
    "updated when their circumstances change.",
    NULL
  };
  static const char * const page3[] = {
    "Managers have started to audit plans, but the im-",
    NULL
  };
  static const char * const page4[] = {
    "provement is recent and not yet embedded.",
    "The inde-",
    "pendent reviewing officers chal-",
    "lenge drift well.",
    NULL
  };
  PbTestPage pages[] = {
    { page1, "Page 1", "Inspection of Fernleigh", 0, 0 },
    { page2, "Page 2", "Inspection of Fernleigh", 0, 0 },
    { page3, "Page 3", "Inspection of Fernleigh", 0, 0 },
    { page4, "Page 4", "Inspection of Fernleigh", 0, 0 },
  };

  return pb_test_kinds_write_pdf (f->dir, "breaks.pdf", pages, G_N_ELEMENTS (pages), NULL);
}

/* Tester's items 5 and 6: a word hyphenated across a page break, and a
 * phrase over two hyphen-broken lines running, are found whole, by search as
 * by a quote. */
static void
test_broken_words_found (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = write_breaks_pdf (f);
  gint64 id = import (f, pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = NULL;

  assert_found (f, "\"improvement is recent\"", id);
  assert_found (f, "\"but the improvement\"", id);
  assert_found (f, "\"independent reviewing officers challenge\"", id);
  assert_found (f, "\"officers challenge drift\"", id);

  anchors = pb_pdf_locate_quote (pdf, NULL, 3, "but the improvement is recent", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (anchors, PbAnchor, 0).page, ==, 3);
  g_assert_cmpuint (g_array_index (anchors, PbAnchor, anchors->len - 1).page, ==, 4);
  pb_test_kinds_assert_quote_covers (pdf, NULL, 4, "independent reviewing officers challenge drift",
                                     "inde- pendent reviewing officers chal- lenge drift");
}

/* Round 2, item 4: a word broken by a hyphen over a page break is joined
 * when the header or footer between is on one page only (a footer on the
 * first page, a header from the second; a footer on one page alone). */
static void
test_broken_word_lone_header (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const page1[] = {
    "Leaders have improved the oversight",
    "of unregistered accommo-",
    NULL
  };
  static const char * const page2[] = {
    "dation and no child lives there now.",
    "The independent reviewing offi-",
    NULL
  };
  static const char * const page3[] = {
    "cers meet every child before a review.",
    NULL
  };
  PbTestPage pages[] = {
    { page1, "Page 1", NULL, 0, 0 },
    { page2, "Draft for the panel", "Harrowdale report", 0, 0 },
    { page3, NULL, NULL, 0, 0 },
  };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "lone-header.pdf", pages, G_N_ELEMENTS (pages), NULL);
  gint64 id = import (f, pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GArray) officers = NULL;

  assert_found (f, "accommodation", id);
  assert_found (f, "\"unregistered accommodation and no child\"", id);
  assert_found (f, "\"reviewing officers meet\"", id);

  anchors = pb_pdf_locate_quote (pdf, NULL, 1, "the oversight of unregistered accommodation", &error);
  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  g_assert_cmpuint (g_array_index (anchors, PbAnchor, anchors->len - 1).page, ==, 2);

  officers = pb_pdf_locate_quote (pdf, NULL, 2, "independent reviewing officers meet every child", &error);
  g_assert_no_error (error);
  g_assert_nonnull (officers);
  g_assert_cmpuint (g_array_index (officers, PbAnchor, officers->len - 1).page, ==, 3);
}

/* The plain snippet of the first hit of @query in report @id. */
static char *
first_snippet (Fixture    *f,
               const char *query,
               gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pb_library_search (f->library, query, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpint (pb_search_hit_get_report_id (g_ptr_array_index (hits, 0)), ==, id);
  return pb_search_hit_dup_snippet (g_ptr_array_index (hits, 0));
}

static void
assert_snippet (const char         *snippet,
                const char         *holds,
                const char * const *not_held)
{
  if (strstr (snippet, holds) == NULL)
    g_error ("snippet \"%s\" does not hold \"%s\"", snippet, holds);
  for (guint i = 0; not_held[i] != NULL; i++)
    if (strstr (snippet, not_held[i]) != NULL)
      g_error ("snippet \"%s\" holds \"%s\"", snippet, not_held[i]);
}

/* Tester's item 10: a search snippet shows the line the match is on, a
 * word broken at a line end joined, and no words of the lines around. */
static void
test_snippets_keep_to_the_line (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const lines[] = {
    "Between 2019 and 2020 visits were late.",
    "The authority's sufficiency strat-",
    "egy is not yet effective.",
    "Their emotional well-",
    "being is improving.",
    "Independent reviewing officers challenge drift.",
    NULL
  };
  static const char * const not_strategy[] = { "strat-", "2020", "Between", "Their", "emotional", NULL };
  static const char * const not_wellbeing[] = { "well-", "effective", "reviewing", "Independent", NULL };
  PbTestPage pages[] = { { lines, NULL, NULL, 0, 0 } };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "snippets.pdf", pages, 1, NULL);
  gint64 id = import (f, pdf);
  g_autofree char *strategy = first_snippet (f, "strategy", id);
  g_autofree char *sufficiency = first_snippet (f, "sufficiency", id);
  g_autofree char *wellbeing = first_snippet (f, "wellbeing", id);
  g_autofree char *emotional = first_snippet (f, "emotional", id);

  assert_snippet (strategy, "sufficiency strategy is not yet effective.", not_strategy);
  assert_snippet (sufficiency, "sufficiency strategy is not yet effective.", not_strategy);
  assert_snippet (wellbeing, "Their emotional wellbeing is improving.", not_wellbeing);
  assert_snippet (emotional, "Their emotional wellbeing is improving.", not_wellbeing);
}

/* The search index's passages for hyphen-broken lines join each break in
 * them, not only the first. */
static void
test_hyphen_joins_chained (void)
{
  g_autofree char *joins = pb_text_hyphen_joins ("The inde-\npendent reviewing officers chal-\nlenge drift.");
  g_autofree char *joined = pb_text_join_lines ("The inde-\npendent  officers\n\xc2\xad" "chal-\nlenge drift.", -1);

  g_assert_nonnull (strstr (joins, "The independent reviewing officers challenge drift."));
  g_assert_cmpstr (joined, ==, "The independent officers challenge drift.");
}

/* Tester's item 12: a quote from the foot of page 1, over the whole of page
 * 2, onto page 3, matches, with rectangles on each page. */
static void
test_quote_over_three_pages (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *pdf = write_breaks_pdf (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, NULL);
  g_autoptr(GPtrArray) on1 = pb_test_kinds_words_of (words, 1, "Pathway plans for care leavers are not consistently");
  g_autoptr(GPtrArray) on2 = pb_test_kinds_words_of (words, 2, "updated when their circumstances change.");
  g_autoptr(GPtrArray) on3 = pb_test_kinds_words_of (words, 3, "Managers have started");
  g_autoptr(GArray) anchors =
    pb_pdf_locate_quote (pdf, NULL, 1, "Pathway plans for care leavers are not consistently updated when their "
                         "circumstances change. Managers have started", &error);
  gboolean seen[4] = { FALSE, FALSE, FALSE, FALSE };

  g_assert_no_error (error);
  for (guint i = 0; i < anchors->len; i++)
    {
      guint page = g_array_index (anchors, PbAnchor, i).page;

      g_assert_cmpuint (page, >=, 1);
      g_assert_cmpuint (page, <=, 3);
      seen[page] = TRUE;
      /* Nothing over a running header or footer. */
      g_assert_cmpfloat (g_array_index (anchors, PbAnchor, i).rect.y2, <, 780);
      g_assert_cmpfloat (g_array_index (anchors, PbAnchor, i).rect.y1, >, 60);
    }
  g_assert_true (seen[1] && seen[2] && seen[3]);
  pb_test_kinds_assert_covered (anchors, on1);
  pb_test_kinds_assert_covered (anchors, on2);
  pb_test_kinds_assert_covered (anchors, on3);
}

/* Tester's item 11: the passage as printed comes back with the match, for a
 * finding to keep in place of the quote as typed. */
static void
test_printed_passage (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = write_breaks_pdf (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *across = NULL;
  g_autoptr(GArray) anchors = pb_pdf_locate_quote_full (pdf, NULL, 1, "  pathway PLANS for\ncare   leavers ",
                                                        &printed, &error);
  g_autoptr(GArray) broken = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  g_assert_cmpstr (printed, ==, "Pathway plans for care leavers");

  broken = pb_pdf_locate_quote_full (pdf, NULL, 3, "but the improvement is RECENT", &across, &error);
  g_assert_no_error (error);
  g_assert_nonnull (broken);
  g_assert_cmpstr (across, ==, "but the improvement is recent");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-breaks/broken-words-found", Fixture, NULL, pb_test_kinds_fixture_setup, test_broken_words_found,
              pb_test_kinds_fixture_teardown);
  g_test_add_func ("/page-breaks/hyphen-joins-chained", test_hyphen_joins_chained);
  g_test_add ("/page-breaks/broken-word-lone-header", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_broken_word_lone_header, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-breaks/snippets-keep-to-the-line", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_snippets_keep_to_the_line, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-breaks/quote-over-three-pages", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_quote_over_three_pages, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-breaks/printed-passage", Fixture, NULL, pb_test_kinds_fixture_setup, test_printed_passage,
              pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
