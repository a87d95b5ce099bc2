/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

/* Highlights a PDF arrives with, drawn bigger or smaller than their words
 * (as reviewers' tools draw them): the suggested quote is whole words, from
 * the line the highlight covers most. */

typedef PbKindsFixture Fixture;

static const char * const lines[] = {
  "Managers have started to audit plans, but the improvement is recent.",
  "Pathway plans are not consistently updated when circumstances change.",
  "Children in care do not always see their social worker.",
  NULL
};

/* The quote suggested for the one highlight of @pdf. */
static char *
suggested (Fixture    *f,
           const char *pdf)
{
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  pb_import_file_full (f->library, file, NULL, PB_IMPORT_ANYWAY, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  suggestions = pb_library_list_suggestions (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  return g_strdup (pb_finding_get_quote (pb_suggestion_get_draft (g_ptr_array_index (suggestions, 0))));
}

/* Tester's item 8. */
static void
test_off_highlights (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *text;
    double      left, top, right, bottom;
    const char *quote;
  } cases[] = {
    /* Starting inside "started", most of it covered. */
    { "started to audit plans", -8, 1, 0, 1, "started to audit plans" },
    /* Only the end of "started" covered: not taken. */
    { "started to audit plans", -28, 1, 0, 1, "to audit plans" },
    /* Stopping inside "circumstances", little of it covered. */
    { "not consistently updated when circumstances", 0, 1, -50, 1, "not consistently updated when" },
    /* Half a line low: reaching into the next line, which is not taken. */
    { "not consistently updated", 0, -7, 0, 7, "not consistently updated" },
    /* Taller than the line on both sides. */
    { "have started to", 0, 6, 0, 6, "have started to" },
  };
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "marked.pdf", &page, 1, "Highlights");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *marked = pb_test_kinds_add_highlight_off (pdf, 1, cases[i].text, cases[i].left, cases[i].top,
                                                                 cases[i].right, cases[i].bottom);
      g_autofree char *quote = suggested (f, marked);

      g_test_message ("%s %g %g %g %g", cases[i].text, cases[i].left, cases[i].top, cases[i].right,
                      cases[i].bottom);
      g_assert_cmpstr (quote, ==, cases[i].quote);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-highlights/off-highlights", Fixture, NULL, pb_test_kinds_fixture_setup, test_off_highlights,
              pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
