/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pb-document.h"
#include "pb-page-kinds.h"
#include "pb-test-util.h"
#include "pb-text-selection.h"

/* Text copied from a selection reads as search and quotes read the page. */

static void
changed_cb (PbTextSelection *selection,
            gboolean        *changed)
{
  *changed = TRUE;
}

/* The text of a selection over the whole of page 1 of @pdf. */
static char *
copy_first_page (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbDocument) document = pb_document_new_from_file (pdf, NULL, &error);
  g_autoptr(PbTextSelection) selection = pb_text_selection_new ();
  gboolean changed = FALSE;

  g_assert_no_error (error);
  g_signal_connect (selection, "changed", G_CALLBACK (changed_cb), &changed);
  pb_text_selection_set_document (selection, document);
  pb_text_selection_select (selection, 0, 0, 0, 0, 595, 842);

  /* The page's text is read on the document's worker. */
  while (TRUE)
    {
      g_autoptr(GPtrArray) spans = pb_text_selection_get_spans (selection);

      if (spans->len == 1)
        break;
      changed = FALSE;
      while (!changed)
        g_main_context_iteration (NULL, TRUE);
    }

  return pb_text_selection_dup_text (selection);
}

/* Round 2, item 7: a word broken by a hard hyphen at a line end is copied
 * whole, as a soft hyphen's is and as search and quotes read it; the other
 * line breaks stay. */
static void
test_copy_joins_broken_words (void)
{
  static const char * const lines[] = {
    "The authority's sufficiency strat-",
    "egy is not yet effective.",
    "Placement stability has im\xc2\xad",
    "proved this year.",
    NULL
  };
  PbTestPage pages[] = { { lines, NULL, NULL, 0, 0 } };
  g_autofree char *dir = g_dir_make_tmp ("pb-selection-XXXXXX", NULL);
  g_autofree char *pdf = pb_test_kinds_write_pdf (dir, "hyphens.pdf", pages, 1, NULL);
  g_autofree char *copied = copy_first_page (pdf);

  g_assert_cmpstr (copied, ==, "The authority's sufficiency strategy is not yet effective.\n"
                               "Placement stability has improved this year.");

  g_unlink (pdf);
  g_rmdir (dir);
}

/* The printed line a caret is on, as Up, Down, Home and End move it: a
 * place before a line break is on the line the break ends; a word joined
 * over a line end (its letters on two printed lines) is split between
 * them. */
static void
test_line_bounds (void)
{
  /* "advisers" joined from "advi-" and "sers", its "sers" on line 2. */
  static const char text[] = "Personal advisers keep\nin touch.";
  PbRect boxes[sizeof text - 1] = { { 0 } };
  guint lines[sizeof text - 1];
  g_autoptr(PbPageText) page = NULL;
  guint start, end;

  for (guint i = 0; i < sizeof text - 1; i++)
    lines[i] = i < 13 ? 0 : (i < 23 ? 1 : 2);
  page = pb_page_text_new_with_lines (0, text, boxes, lines, sizeof text - 1);

  pb_page_text_get_line_bounds (page, 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 13);
  pb_page_text_get_line_bounds (page, 13, &start, &end);
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpuint (end, ==, 22);
  /* Before the line break: the end of line 2. */
  pb_page_text_get_line_bounds (page, 22, &start, &end);
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpuint (end, ==, 22);
  pb_page_text_get_line_bounds (page, 23, &start, &end);
  g_assert_cmpuint (start, ==, 23);
  g_assert_cmpuint (end, ==, 32);
  pb_page_text_get_line_bounds (page, 32, &start, &end);
  g_assert_cmpuint (start, ==, 23);
  g_assert_cmpuint (end, ==, 32);
}

/* A paragraph's number ("12. " at a line's start) is skipped; a number
 * elsewhere in a line, or a year, is the passage's own. */
static void
test_paragraph_number (void)
{
  static const char text[] = "Heading\n12. Children and\nyoung people in 2024. Then\n2024. Leaders\n7.\nAlone";
  g_autoptr(PbPageText) page = pb_page_text_new (0, text, NULL, 0);
  guint number = strlen ("Heading\n");
  guint young = strlen ("Heading\n12. Children and\n");
  guint year = young + strlen ("young people in 2024. Then\n");
  guint alone = year + strlen ("2024. Leaders\n");

  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, number), ==, number + 4);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, number + 2), ==, number + 4);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, number + 4), ==, number + 4);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, number + 5), ==, number + 5);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, 0), ==, 0);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, young + 16), ==, young + 16);
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, year), ==, year);
  /* A number alone on its line: its paragraph goes on on the next. */
  g_assert_cmpuint (pb_page_text_skip_paragraph_number (page, alone), ==, alone + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-selection/copy-joins-broken-words", test_copy_joins_broken_words);
  g_test_add_func ("/text-selection/line-bounds", test_line_bounds);
  g_test_add_func ("/text-selection/paragraph-number", test_paragraph_number);

  return g_test_run ();
}
