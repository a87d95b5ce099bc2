/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-import.h"
#include "pb-library.h"
#include "pb-pdf-text.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

/* Lays out @text as glyphs 7 points wide on lines 14 points high. In
 * @positions, each character is the column (in glyphs) where that character
 * starts, so gaps and line changes can be placed where a real page has them:
 * '|' moves the next glyph 20 columns right, '^' moves it to the next line's
 * start without a newline in the text. */
static void
layout (const char        *text,
        const char        *moves,
        GArray            *rects)
{
  double x = 72;
  double y = 100;

  for (const char *p = text, *m = moves; *p; p = g_utf8_next_char (p), m++)
    {
      PopplerRectangle r;

      if (*m == '|')
        x += 20 * 7;
      else if (*m == '^')
        {
          x = 72;
          y += 14;
        }

      r.x1 = x;
      r.y1 = y;
      r.x2 = x + 7;
      r.y2 = y + 12;
      g_array_append_val (rects, r);

      if (*p == '\n')
        {
          x = 72;
          y += 14;
        }
      else
        {
          x += 7;
        }
    }
}

static char *
rebuild (const char *text,
         const char *moves)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));

  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, strlen (moves));
  layout (text, moves, rects);
  return pb_pdf_text_from_layout (text, (PopplerRectangle *)rects->data, rects->len);
}

static void
test_glued_cells (void)
{
  /* "Judgement" and "Grade" sit in two table columns with nothing between. */
  g_autofree char *out = rebuild ("JudgementGrade", ".........|....");

  g_assert_cmpstr (out, ==, "Judgement Grade");
}

static void
test_list_number (void)
{
  g_autofree char *out = rebuild ("1.Not all plans", "..|............");

  g_assert_cmpstr (out, ==, "1. Not all plans");
}

static void
test_run_on_line (void)
{
  /* A grade printed on the line under its label, with no newline between. */
  g_autofree char *out = rebuild ("careOutstanding", "....^..........");

  g_assert_cmpstr (out, ==, "care\nOutstanding");
}

static void
test_spaces_and_symbols (void)
{
  /* Runs of spaces collapse; private-use symbols (bullets from symbol fonts)
   * and trailing spaces go. */
  g_autofree char *out = rebuild ("a  b \xee\x80\x80 c \nd  ", ".............");

  g_assert_cmpstr (out, ==, "a b c\nd");
}

static void
test_plain_text_kept (void)
{
  g_autofree char *out = rebuild ("Care leavers\nare well supported.", "................................");

  g_assert_cmpstr (out, ==, "Care leavers\nare well supported.");
}

static void
test_fewer_boxes_than_characters (void)
{
  /* Boxes missing for the tail: the text is kept as it is. */
  g_autofree char *out = pb_pdf_text_from_layout ("Good\nAnd more", NULL, 0);

  g_assert_cmpstr (out, ==, "Good\nAnd more");
}

static void
test_clean_title (void)
{
  g_autofree char *a = pb_pdf_clean_title ("Microsoft Word - Inspection of  Fernleigh\n");
  g_autofree char *b = pb_pdf_clean_title ("Barnwick - Draft Report");
  g_autofree char *c = pb_pdf_clean_title ("report.docx");
  g_autofree char *d = pb_pdf_clean_title ("  ");
  g_autofree char *e = pb_pdf_clean_title ("Untitled");

  g_assert_cmpstr (a, ==, "Inspection of Fernleigh");
  g_assert_null (b);
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (e);
}

/* On a real published report, the judgement table reads as words. */
static void
test_real_judgement_table (void)
{
  g_autofree char *path = pb_test_corpus_path ("ilacs/norfolk-2026-may.pdf");
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PbReport) report = NULL;
  gint64 id = 0;

  if (path == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }

  dir = pb_test_make_dir ();
  library = pb_test_open_library (dir);
  file = g_file_new_for_path (path);
  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));

  text = pb_library_dup_page_text (library, id, 1, NULL);
  g_assert_nonnull (strstr (text, "Judgement Grade"));
  g_assert_null (strstr (text, "JudgementGrade"));
  g_assert_null (strstr (text, "familiesOutstanding"));
  g_assert_nonnull (strstr (text, "Overall effectiveness Outstanding"));

  /* No title in its metadata: the first heading is used. */
  report = pb_library_get_report (library, id, NULL);
  g_assert_cmpstr (pb_report_get_title (report), ==,
                   "Inspection of Norfolk local authority children’s services");

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-text/glued-cells", test_glued_cells);
  g_test_add_func ("/pdf-text/list-number", test_list_number);
  g_test_add_func ("/pdf-text/run-on-line", test_run_on_line);
  g_test_add_func ("/pdf-text/spaces-and-symbols", test_spaces_and_symbols);
  g_test_add_func ("/pdf-text/plain-text-kept", test_plain_text_kept);
  g_test_add_func ("/pdf-text/fewer-boxes", test_fewer_boxes_than_characters);
  g_test_add_func ("/pdf-text/clean-title", test_clean_title);
  g_test_add_func ("/pdf-text/real-judgement-table", test_real_judgement_table);

  return g_test_run ();
}
