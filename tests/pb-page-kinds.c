/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "pb-page-kinds.h"
#include "pb-test-util.h"
#include "pb-text-fold.h"

/* How far a highlight may fall short of a word's box, in points: poppler's
 * character boxes and pdftotext's word boxes are measured by the same code,
 * but rounded differently. */
#define COVER_TOLERANCE 0.6

static void
show_line (cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           gboolean          rtl)
{
  if (rtl)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 12");

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x, y - pango_layout_get_baseline (layout) / (double)PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/**
 * pb_test_kinds_write_pdf:
 * @pages: (array length=n_pages): the pages
 *
 * Returns: (transfer full): the path of a new PDF in @dir
 */
char *
pb_test_kinds_write_pdf (const char       *dir,
                         const char       *name,
                         const PbTestPage *pages,
                         guint             n_pages,
                         const char       *title)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr;

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  for (guint p = 0; p < n_pages; p++)
    {
      const PbTestPage *page = &pages[p];

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);

      if (page->header != NULL)
        {
          cairo_set_font_size (cr, 9);
          show_line (cr, page->header, 72, 50, FALSE);
        }

      cairo_save (cr);
      if (page->turn != 0)
        {
          /* About a point inside the page, so that the lines stay on it. */
          cairo_translate (cr, 500, 72);
          cairo_rotate (cr, page->turn * G_PI / 180);
          cairo_translate (cr, -72, -100);
        }
      cairo_set_font_size (cr, 12);
      for (guint i = 0; page->lines[i] != NULL; i++)
        {
          /* "\t" goes on at a hanging indent (after a paragraph number),
           * "\v" in a second column (a table's). */
          g_auto(GStrv) cells = g_strsplit_set (page->lines[i], "\t\v", -1);
          const char *rest = page->lines[i];
          double x = 72;

          for (guint c = 0; cells[c] != NULL; c++)
            {
              if (*cells[c] != '\0')
                show_line (cr, cells[c], x, 100 + 18 * i, page->rtl_line == i + 1);
              rest += strlen (cells[c]);
              if (*rest == '\t')
                x = 108;
              else if (*rest == '\v')
                x = 380;
              if (*rest != '\0')
                rest++;
            }
        }
      cairo_restore (cr);

      if (page->footer != NULL)
        {
          cairo_set_font_size (cr, 9);
          show_line (cr, page->footer, 280, 800, FALSE);
        }

      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/**
 * pb_test_kinds_qpdf:
 * @suffix: added to @source's name for the result's
 * @...: qpdf's options, then %NULL
 *
 * Returns: (transfer full): the path of what qpdf made of @source
 */
char *
pb_test_kinds_qpdf (const char *source,
                    const char *suffix,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = g_strconcat (source, suffix, NULL);
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)"qpdf");
  va_start (args, suffix);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, (char *)source);
  g_ptr_array_add (argv, out);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  /* 3: done, with warnings. */
  g_assert_true (WIFEXITED (status) && (WEXITSTATUS (status) == 0 || WEXITSTATUS (status) == 3));

  return out;
}

static void
word_free (PbTestWord *word)
{
  g_free (word->text);
  g_free (word);
}

static char *
unescape (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "&lt;", "<", 0);
  g_string_replace (out, "&gt;", ">", 0);
  g_string_replace (out, "&quot;", "\"", 0);
  g_string_replace (out, "&apos;", "'", 0);
  g_string_replace (out, "&amp;", "&", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pb_test_kinds_words:
 *
 * Returns: (transfer full) (element-type PbTestWord): every word of @pdf
 *   with its box, as pdftotext -bbox gives them: the reference a highlight is
 *   checked against
 */
GPtrArray *
pb_test_kinds_words (const char *pdf,
                     const char *password)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify)word_free);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                           "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv_plain[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  const char *argv_locked[] = { "pdftotext", "-upw", password, "-bbox", pdf, "-", NULL };
  guint page = 0;
  int status = 0;

  g_spawn_sync (NULL, (char **)(password ? argv_locked : argv_plain), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (strstr (lines[i], "<page ") != NULL)
        page++;
      else if (g_regex_match (word_re, lines[i], 0, &match))
        {
          PbTestWord *word = g_new0 (PbTestWord, 1);
          g_autofree char *x1 = g_match_info_fetch (match, 1);
          g_autofree char *y1 = g_match_info_fetch (match, 2);
          g_autofree char *x2 = g_match_info_fetch (match, 3);
          g_autofree char *y2 = g_match_info_fetch (match, 4);
          g_autofree char *text = g_match_info_fetch (match, 5);

          word->page = page;
          word->box = (PbRect) { g_ascii_strtod (x1, NULL), g_ascii_strtod (y1, NULL),
                                 g_ascii_strtod (x2, NULL), g_ascii_strtod (y2, NULL) };
          word->text = unescape (text);
          g_ptr_array_add (words, word);
        }
    }

  return words;
}

/**
 * pb_test_kinds_words_of:
 *
 * Returns: (transfer container) (element-type PbTestWord): the run of words
 *   of @page (from 1) that prints @quote; fails the test when there is none
 */
GPtrArray *
pb_test_kinds_words_of (GPtrArray  *words,
                        guint       page,
                        const char *quote)
{
  GPtrArray *run = g_ptr_array_new ();
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) on_page = g_ptr_array_new ();
  gsize start, end;

  for (guint i = 0; i < words->len; i++)
    {
      PbTestWord *word = g_ptr_array_index (words, i);

      if (word->page != page)
        continue;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_array_append_val (starts, line->len);
      g_ptr_array_add (on_page, word);
      g_string_append (line, word->text);
    }

  if (!pb_text_find (line->str, quote, PB_TEXT_FIND_WHOLE_WORDS, &start, &end))
    g_error ("pdftotext has no “%s” on page %u: %s", quote, page, line->str);

  for (guint i = 0; i < on_page->len; i++)
    {
      gsize a = g_array_index (starts, gsize, i);
      gsize b = a + strlen (((PbTestWord *)g_ptr_array_index (on_page, i))->text);

      if (b > start && a < end)
        g_ptr_array_add (run, g_ptr_array_index (on_page, i));
    }

  return run;
}

/**
 * pb_test_kinds_assert_covered:
 * @anchors: (element-type PbAnchor): a highlight's rectangles
 * @words: (element-type PbTestWord): words it must cover
 */
void
pb_test_kinds_assert_covered (GArray    *anchors,
                              GPtrArray *words)
{
  g_assert_nonnull (anchors);
  g_assert_cmpuint (words->len, >, 0);

  for (guint w = 0; w < words->len; w++)
    {
      PbTestWord *word = g_ptr_array_index (words, w);
      gboolean covered = FALSE;

      for (guint a = 0; a < anchors->len && !covered; a++)
        {
          const PbAnchor *anchor = &g_array_index (anchors, PbAnchor, a);

          covered = anchor->page == word->page &&
                    anchor->rect.x1 <= word->box.x1 + COVER_TOLERANCE &&
                    anchor->rect.y1 <= word->box.y1 + COVER_TOLERANCE &&
                    anchor->rect.x2 >= word->box.x2 - COVER_TOLERANCE &&
                    anchor->rect.y2 >= word->box.y2 - COVER_TOLERANCE;
        }

      if (!covered)
        {
          g_autoptr(GString) have = g_string_new (NULL);

          for (guint a = 0; a < anchors->len; a++)
            {
              const PbAnchor *anchor = &g_array_index (anchors, PbAnchor, a);
              g_string_append_printf (have, " p%u [%.1f %.1f %.1f %.1f]", anchor->page,
                                      anchor->rect.x1, anchor->rect.y1, anchor->rect.x2, anchor->rect.y2);
            }
          g_error ("“%s” on page %u [%.1f %.1f %.1f %.1f] is not covered by:%s", word->text, word->page,
                   word->box.x1, word->box.y1, word->box.x2, word->box.y2, have->str);
        }
    }
}

/* Where a point of a page's own (unturned, bottom-left origin) space is on
 * the page as displayed (top-left origin), for a page turned @rotation
 * degrees clockwise whose unturned size is @w by @h. Written out case by case
 * from the PDF reference, apart from the code under test. */
static void
displayed (double  x,
           double  y,
           int     rotation,
           double  w,
           double  h,
           double *dx,
           double *dy)
{
  switch (rotation)
    {
    case 90:  *dx = y;     *dy = x;     break;
    case 180: *dx = w - x; *dy = y;     break;
    case 270: *dx = h - y; *dy = w - x; break;
    default:  *dx = x;     *dy = h - y; break;
    }
}

/**
 * pb_test_kinds_highlights:
 * @page: from 1
 * @rotation: how the page is turned, as the test made it
 *
 * Returns: (transfer full) (element-type PbAnchor): the quadrilaterals of
 *   every highlight on the page, as rectangles on the displayed page
 */
GArray *
pb_test_kinds_highlights (const char *pdf,
                          const char *password,
                          guint       page,
                          int         rotation)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, password, &error));
  g_autoptr(GObject) p = NULL;
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  GList *mapping;
  double w, h;

  g_assert_no_error (error);
  p = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), (int)page - 1));
  poppler_page_get_size (POPPLER_PAGE (p), &w, &h);
  if (rotation == 90 || rotation == 270)
    {
      double t = w;
      w = h;
      h = t;
    }

  mapping = poppler_page_get_annot_mapping (POPPLER_PAGE (p));
  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      g_autoptr(GArray) quads = NULL;

      if (poppler_annot_get_annot_type (m->annot) != POPPLER_ANNOT_HIGHLIGHT)
        continue;

      quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (m->annot));
      for (guint q = 0; q < quads->len; q++)
        {
          PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
          PopplerPoint points[] = { quad->p1, quad->p2, quad->p3, quad->p4 };
          PbAnchor anchor = { page, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };

          for (guint k = 0; k < 4; k++)
            {
              double x, y;

              displayed (points[k].x, points[k].y, rotation, w, h, &x, &y);
              anchor.rect.x1 = MIN (anchor.rect.x1, x);
              anchor.rect.y1 = MIN (anchor.rect.y1, y);
              anchor.rect.x2 = MAX (anchor.rect.x2, x);
              anchor.rect.y2 = MAX (anchor.rect.y2, y);
            }
          g_array_append_val (anchors, anchor);
        }
    }
  poppler_page_free_annot_mapping (mapping);

  return anchors;
}

/* Whether qpdf finds nothing wrong with @pdf, and no repair was needed. */
gboolean
pb_test_kinds_qpdf_is_clean (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, NULL);
  return g_spawn_check_wait_status (status, NULL) && strstr (out, "WARNING") == NULL &&
         strstr (err, "WARNING") == NULL && strstr (err, "damaged") == NULL;
}

static char *
write_objects (const char         *dir,
               const char         *name,
               const char * const *objects)
{
  g_autoptr(GString) out = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = g_strv_length ((char **)objects);

  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (offsets, out->len);
      g_string_append_printf (out, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }

  xref = out->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (out, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n + 1, xref);

  return pb_test_write_file (dir, name, out->str, (gssize)out->len);
}

/* Two pages whose /Annots is one array object (holding a link), as some
 * tools write them. */
char *
pb_test_kinds_shared_annots_pdf (const char *dir)
{
  static const char page1[] = "BT /F1 11 Tf 72 700 Td (Care leavers are well supported on page one.) Tj ET";
  static const char page2[] = "BT /F1 11 Tf 72 700 Td (Children in care are seen on page two.) Tj ET";
  g_autofree char *stream1 = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (page1), page1);
  g_autofree char *stream2 = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (page2), page2);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
    " /Contents 6 0 R /Annots 8 0 R >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
    " /Contents 7 0 R /Annots 8 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    stream1,
    stream2,
    "[9 0 R]",
    "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Border [0 0 0] >>",
    NULL
  };

  return write_objects (dir, "shared-annots.pdf", objects);
}

/* A page with three lines close together, highlighted as reviewers' tools
 * do: one highlight with quadrilaterals a little taller than its line, and
 * one with a /Rect only (no /QuadPoints). */
char *
pb_test_kinds_bare_highlight_pdf (const char *dir)
{
  static const char text[] =
    "BT /F1 11 Tf 72 700 Td (Care leavers are well supported by personal advisers.) Tj ET\n"
    "BT /F1 11 Tf 72 687 Td (Pathway plans are not consistently updated.) Tj ET\n"
    "BT /F1 11 Tf 72 674 Td (Children in care do not always see their social worker.) Tj ET";
  g_autofree char *stream = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (text), text);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
    " /Contents 5 0 R /Annots [6 0 R 7 0 R] >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    stream,
    "<< /Type /Annot /Subtype /Highlight /Rect [70 684 330 699] /QuadPoints [70 699 330 699 70 684 330 684]"
    " /C [1 1 0] /Contents (Plans) >>",
    "<< /Type /Annot /Subtype /Highlight /Rect [70 671.5 370 683.5] /C [1 1 0] /Contents (Visits) >>",
    NULL
  };

  return write_objects (dir, "bare-highlight.pdf", objects);
}

/* The last @needle in @len bytes that may hold nuls. */
static const char *
find_last (const char *haystack,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack + len - n; len >= n && p >= haystack; p--)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* A copy of @pdf without its cross-reference table, as a damaged download
 * has; readers must repair it to open it. */
char *
pb_test_kinds_without_xref (const char *pdf)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_strconcat (pdf, ".damaged.pdf", NULL);
  const char *xref, *trailer;
  gsize len;

  g_file_get_contents (pdf, &contents, &len, &error);
  g_assert_no_error (error);
  xref = find_last (contents, len, "\nxref");
  trailer = find_last (contents, len, "trailer");
  g_assert_true (xref != NULL && trailer != NULL && xref < trailer);

  out = g_string_new_len (contents, xref + 1 - contents);
  g_string_append_len (out, trailer, contents + len - trailer);
  g_file_set_contents (path, out->str, (gssize)out->len, &error);
  g_assert_no_error (error);

  return path;
}
