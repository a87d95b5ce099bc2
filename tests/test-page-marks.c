/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-test-util.h"

/* Footnote marks, set smaller and raised straight after their word
 * ("leavers¹²"): a word of their own, so that the word is found. */

typedef PbKindsFixture Fixture;

/* Shows @word at the current point and then @mark after it, 7 pt and 4 pt
 * up, with no space between, and goes on after the mark. */
static void
show_marked (cairo_t    *cr,
             const char *word,
             const char *mark,
             const char *rest)
{
  double x, y;

  cairo_set_font_size (cr, 12);
  cairo_show_text (cr, word);
  cairo_get_current_point (cr, &x, &y);
  cairo_set_font_size (cr, 7);
  cairo_move_to (cr, x, y - 4);
  cairo_show_text (cr, mark);
  cairo_get_current_point (cr, &x, &y);
  cairo_set_font_size (cr, 12);
  cairo_move_to (cr, x, y + 4);
  cairo_show_text (cr, rest);
}

static char *
write_marks_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "marks.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to (cr, 72, 100);
  show_marked (cr, "Care leavers", "12", " are supported well by the staying put scheme.");
  cairo_move_to (cr, 72, 118);
  show_marked (cr, "Most foster carers", "3", ", and kinship carers, are trained.");
  /* A footnote itself: the same size as its mark, not raised above it. */
  cairo_set_font_size (cr, 7);
  cairo_move_to (cr, 72, 800);
  cairo_show_text (cr, "12 Staying put figures for 2024.");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

/* Round 2, item 5: the mark is stored as a word of its own, after its word;
 * search finds the word, and a quote of the words before the mark matches. */
static void
test_footnote_mark_split (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = write_marks_pdf (f->dir);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  g_autofree char *text = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GArray) carers = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  document = pb_pdf_open (pdf, NULL, &error);
  g_assert_no_error (error);
  text = pb_pdf_document_get_reading_text (document, 0);
  g_object_unref (document);
  g_test_message ("page text: %s", text);
  g_assert_nonnull (strstr (text, "Care leavers 12 are supported"));
  g_assert_nonnull (strstr (text, "foster carers 3, and kinship"));
  g_assert_nonnull (strstr (text, "12 Staying put figures"));

  pb_import_file_full (f->library, file, NULL, PB_IMPORT_DEFAULT, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (pb_test_kinds_count_hits (f->library, "leavers", id, 1), ==, 1);
  g_assert_cmpuint (pb_test_kinds_count_hits (f->library, "\"Most foster carers\"", id, 1), ==, 1);

  anchors = pb_pdf_locate_quote (pdf, NULL, 1, "Care leavers", &error);
  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  carers = pb_pdf_locate_quote (pdf, NULL, 1, "most foster carers", &error);
  g_assert_no_error (error);
  g_assert_nonnull (carers);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-marks/footnote-mark-split", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_footnote_mark_split, pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
