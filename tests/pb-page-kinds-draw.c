/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-pdf-open.h"
#include "pb-quote-locate.h"
#include "pb-search.h"
#include "pb-test-util.h"

#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0

void
pb_test_kinds_fixture_setup (PbKindsFixture *f,
                             gconstpointer   data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  pb_pdf_forget_passwords ();
}

void
pb_test_kinds_fixture_teardown (PbKindsFixture *f,
                                gconstpointer   data)
{
  g_clear_object (&f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
  pb_pdf_forget_passwords ();
}

/**
 * pb_test_kinds_count_hits:
 * @page: from 1; 0 for any page
 *
 * Returns: how many of the search's hits are in report @report_id, on
 *   @page (fails the test if the search fails)
 */
guint
pb_test_kinds_count_hits (PbLibrary  *library,
                          const char *query,
                          gint64      report_id,
                          guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pb_library_search (library, query, 50, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);

      if (pb_search_hit_get_report_id (hit) == report_id &&
          (page == 0 || pb_search_hit_get_page (hit) == page))
        n++;
    }
  return n;
}

/**
 * pb_test_kinds_assert_quote_covers:
 * @page: from 1
 * @quote: as a user types it
 * @printed: (nullable): the words as pdftotext prints them, where they are
 *   not @quote's
 *
 * The quote matches on @page, and its rectangles cover the words'
 * boxes as pdftotext -bbox gives them.
 */
void
pb_test_kinds_assert_quote_covers (const char *pdf,
                                   const char *password,
                                   guint       page,
                                   const char *quote,
                                   const char *printed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = pb_pdf_locate_quote (pdf, password, page, quote, &error);
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, password);
  g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, page, printed ? printed : quote);

  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  pb_test_kinds_assert_covered (anchors, run);
}

static int
compare_by_row (gconstpointer a,
                gconstpointer b)
{
  const PbTestWord *x = *(PbTestWord * const *)a;
  const PbTestWord *y = *(PbTestWord * const *)b;
  double mx = (x->box.y1 + x->box.y2) / 2;
  double my = (y->box.y1 + y->box.y2) / 2;

  /* On one row when each one's middle is within the other's height. */
  if (!(mx >= y->box.y1 && mx <= y->box.y2 && my >= x->box.y1 && my <= x->box.y2))
    return (mx > my) - (mx < my);
  return (x->box.x1 > y->box.x1) - (x->box.x1 < y->box.x1);
}

/**
 * pb_test_kinds_words_of_rows:
 *
 * Like pb_test_kinds_words_of(), but with @page's words read row by row, left
 * to right, as pdftotext -layout prints a table (pdftotext -bbox lists them
 * as poppler finds them, column by column).
 *
 * Returns: (transfer container) (element-type PbTestWord): the run of words
 *   that prints @quote; fails the test when there is none
 */
GPtrArray *
pb_test_kinds_words_of_rows (GPtrArray  *words,
                             guint       page,
                             const char *quote)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; i < words->len; i++)
    if (((PbTestWord *)g_ptr_array_index (words, i))->page == page)
      g_ptr_array_add (rows, g_ptr_array_index (words, i));
  g_ptr_array_sort (rows, compare_by_row);

  return pb_test_kinds_words_of (rows, page, quote);
}

/* The matrix that turns a frame @turn degrees clockwise onto the portrait
 * page, each term that is 0 when the turn is square set to @skew instead, as
 * a tool that works out cos 90° in floating point leaves it. */
static void
turned_matrix (cairo_matrix_t *m,
               int             turn,
               double          skew)
{
  switch (turn)
    {
    case 90:
      cairo_matrix_init (m, skew, 1, -1, skew, PAGE_WIDTH, 0);
      break;
    case 180:
      cairo_matrix_init (m, -1, skew, skew, -1, PAGE_WIDTH, PAGE_HEIGHT);
      break;
    case 270:
      cairo_matrix_init (m, skew, -1, 1, skew, 0, PAGE_HEIGHT);
      break;
    default:
      cairo_matrix_init (m, 1, skew, skew, 1, 0, 0);
      break;
    }
}

/**
 * pb_test_kinds_write_placed:
 * @items: (array length=n_items): the runs of text, each placed on its own
 * @turn: how far to turn the frame they are placed in, clockwise: 0, 90,
 *   180 or 270 (a turned frame is landscape)
 * @skew: what the turning matrix has where a square one has 0
 * @set_upright: whether to give the page a /Rotate that shows the frame
 *   upright again, as council papers set landscape tables
 *
 * Returns: (transfer full): the path of a new one-page PDF in @dir
 */
char *
pb_test_kinds_write_placed (const char         *dir,
                            const char         *name,
                            const PbTestPlaced *items,
                            guint               n_items,
                            int                 turn,
                            double              skew,
                            gboolean            set_upright)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 11");
  cairo_matrix_t m;

  turned_matrix (&m, turn, skew);
  cairo_set_matrix (cr, &m);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, items[i].text, -1);
      cairo_move_to (cr, items[i].x, items[i].y - pango_layout_get_baseline (layout) / (double)PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
    }

  pango_font_description_free (font);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (set_upright && turn % 360 != 0)
    {
      g_autofree char *option = g_strdup_printf ("--rotate=+%d", 360 - turn % 360);
      g_autofree char *turned = pb_test_kinds_qpdf (path, ".upright.pdf", option, NULL);

      g_assert_true (g_rename (turned, path) == 0);
    }

  return path;
}

/**
 * pb_test_kinds_add_highlight_off:
 * @page: from 1, on an upright page
 * @text: words on one line of it
 * @left: how far the highlight's quadrilateral goes past the words' left
 *   edge, in points (less than 0: how far short it stops)
 * @top: past their top edge
 * @right: past their right edge
 * @bottom: past their bottom edge
 *
 * A copy of @pdf with a highlight over @text that is bigger or smaller than
 * the words, as reviewers' tools draw them.
 *
 * Returns: (transfer full): the copy's path
 */
char *
pb_test_kinds_add_highlight_off (const char *pdf,
                                 guint       page,
                                 const char *text,
                                 double      left,
                                 double      top,
                                 double      right,
                                 double      bottom)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  char *out = g_strdup_printf ("%s.%g-%g-%g-%g.pdf", pdf, left, top, right, bottom);
  g_autofree char *out_uri = g_filename_to_uri (out, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_autoptr(GObject) p = NULL;
  g_autoptr(GArray) quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));
  g_autoptr(GObject) annot = NULL;
  PopplerColor yellow = { 65535, 65535, 0 };
  PopplerQuadrilateral quad;
  PopplerRectangle r;
  GList *found;

  g_assert_no_error (error);
  p = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), (int)page - 1));
  found = poppler_page_find_text (POPPLER_PAGE (p), text);
  g_assert_nonnull (found);

  /* Find results and quadrilaterals share the bottom-left origin. */
  r = *(PopplerRectangle *)found->data;
  r.x1 -= left;
  r.x2 += right;
  r.y1 -= bottom;
  r.y2 += top;
  g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);

  quad.p1 = (PopplerPoint) { r.x1, r.y2 };
  quad.p2 = (PopplerPoint) { r.x2, r.y2 };
  quad.p3 = (PopplerPoint) { r.x1, r.y1 };
  quad.p4 = (PopplerPoint) { r.x2, r.y1 };
  g_array_append_val (quads, quad);

  annot = G_OBJECT (poppler_annot_text_markup_new_highlight (POPPLER_DOCUMENT (document), &r, quads));
  poppler_annot_set_contents (POPPLER_ANNOT (annot), text);
  poppler_annot_set_color (POPPLER_ANNOT (annot), &yellow);
  poppler_page_add_annot (POPPLER_PAGE (p), POPPLER_ANNOT (annot));
  g_assert_true (poppler_document_save (POPPLER_DOCUMENT (document), out_uri, &error));
  g_assert_no_error (error);

  return out;
}
