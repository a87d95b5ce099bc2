/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-content"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-pdf-content.h"
#include "pb-pdf-file.h"
#include "pb-pdf-text.h"
#include "pb-text-fold.h"

/* Everything import keeps of a PDF, read in one pass over its pages: each
 * page's size and text in reading order (pb-pdf-text.c), the highlights it
 * arrived with, and its document information. */

/* Where an annotation's points, in the page's own unturned space less the
 * crop box's corner (as poppler gives quadrilaterals), are on the displayed
 * page (bottom-left origin) when the page is turned by @rotation degrees
 * clockwise. @width and @height are the displayed page's. */
static void
to_display (double  x,
            double  y,
            int     rotation,
            double  width,
            double  height,
            double *out_x,
            double *out_y)
{
  switch (rotation)
    {
    case 90:
      *out_x = y;
      *out_y = height - x;
      break;
    case 180:
      *out_x = width - x;
      *out_y = height - y;
      break;
    case 270:
      *out_x = width - y;
      *out_y = x;
      break;
    default:
      *out_x = x;
      *out_y = y;
      break;
    }
}

static PopplerRectangle
rect_to_display (const PopplerRectangle *r,
                 int                     rotation,
                 double                  width,
                 double                  height)
{
  double x1, y1, x2, y2;

  to_display (r->x1, r->y1, rotation, width, height, &x1, &y1);
  to_display (r->x2, r->y2, rotation, width, height, &x2, &y2);
  return (PopplerRectangle) { MIN (x1, x2), MIN (y1, y2), MAX (x1, x2), MAX (y1, y2) };
}

/* Poppler-glib does not say how a page is turned (/Rotate), and gives a
 * markup's quadrilaterals unturned but its place on the page (the mapping's
 * area) turned: the turn is the one that takes the annotation's rectangle to
 * that area. */
static int
guess_rotation (PopplerAnnotMapping *mapping,
                double               width,
                double               height)
{
  PopplerRectangle rect;
  double best = G_MAXDOUBLE;
  int rotation = 0;

  poppler_annot_get_rectangle (mapping->annot, &rect);

  for (int r = 0; r < 360; r += 90)
    {
      PopplerRectangle d = rect_to_display (&rect, r, width, height);
      double distance = fabs (d.x1 - mapping->area.x1) + fabs (d.y1 - mapping->area.y1) +
                        fabs (d.x2 - mapping->area.x2) + fabs (d.y2 - mapping->area.y2);

      if (distance < best - 0.01)
        {
          best = distance;
          rotation = r;
        }
    }

  return rotation;
}

/* How much of @box is inside @area, from 0 to 1. */
static double
share_inside (const PbRect *box,
              const PbRect *area)
{
  double w = MIN (box->x2, area->x2) - MAX (box->x1, area->x1);
  double h = MIN (box->y2, area->y2) - MAX (box->y1, area->y1);
  double size = (box->x2 - box->x1) * (box->y2 - box->y1);

  if (w <= 0 || h <= 0 || size <= 0)
    return 0;
  return (w * h) / size;
}

/* Exactly the words under a markup's rectangles: the characters mostly inside
 * one, in reading order, a space wherever others come between. */
static char *
words_under (const PbPageText *text,
             GArray           *anchors)
{
  GString *out = g_string_new (NULL);
  const char *s = pb_page_text_get_text (text);
  gboolean gap = FALSE;

  for (guint i = 0; i < pb_page_text_get_n_chars (text); i++)
    {
      const PbRect *box = pb_page_text_get_box (text, i);
      gunichar c = g_utf8_get_char (s + pb_page_text_get_offset (text, i));
      gboolean inside = FALSE;

      for (guint a = 0; a < anchors->len && !inside && c != '\n'; a++)
        inside = share_inside (box, &g_array_index (anchors, PbAnchor, a).rect) >= 0.5;

      if (!inside)
        {
          gap = out->len > 0;
          continue;
        }

      if ((gap || c == ' ') && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      if (c != ' ')
        g_string_append_unichar (out, c);
      gap = FALSE;
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text ? text : "", 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);

  return g_strdup (g_strstrip (joined));
}

static gboolean
has_markups (GList *mapping)
{
  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotType type = poppler_annot_get_annot_type (((PopplerAnnotMapping *)l->data)->annot);

      if (type == POPPLER_ANNOT_HIGHLIGHT || type == POPPLER_ANNOT_UNDERLINE)
        return TRUE;
    }

  return FALSE;
}

static void
read_markups (PbReportContent  *content,
              GList            *mapping,
              const PbPageText *text,
              guint             page_number,
              double            width,
              double            height)
{
  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      PopplerAnnotType type = poppler_annot_get_annot_type (m->annot);
      g_autoptr(GArray) quads = NULL;
      PbMarkup *markup;
      int rotation;

      if (type != POPPLER_ANNOT_HIGHLIGHT && type != POPPLER_ANNOT_UNDERLINE)
        continue;

      quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (m->annot));
      rotation = guess_rotation (m, width, height);

      markup = g_new0 (PbMarkup, 1);
      markup->page = page_number;
      markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));

      for (guint q = 0; quads != NULL && q < quads->len; q++)
        {
          PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
          PopplerPoint points[] = { quad->p1, quad->p2, quad->p3, quad->p4 };
          PbAnchor anchor = { page_number, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };

          /* Quadrilaterals use the PDF's bottom-left origin, unturned. */
          for (guint k = 0; k < 4; k++)
            {
              double x, y;

              to_display (points[k].x, points[k].y, rotation, width, height, &x, &y);
              anchor.rect.x1 = MIN (anchor.rect.x1, x);
              anchor.rect.x2 = MAX (anchor.rect.x2, x);
              anchor.rect.y1 = MIN (anchor.rect.y1, height - y);
              anchor.rect.y2 = MAX (anchor.rect.y2, height - y);
            }
          g_array_append_val (markup->anchors, anchor);
        }

      /* A markup without quadrilaterals covers its rectangle. */
      if (markup->anchors->len == 0)
        {
          PbAnchor anchor = { page_number, { m->area.x1, height - m->area.y2,
                                             m->area.x2, height - m->area.y1 } };
          g_array_append_val (markup->anchors, anchor);
        }

      markup->quote = words_under (text, markup->anchors);
      {
        g_autofree char *contents = poppler_annot_get_contents (m->annot);
        markup->note = collapse_spaces (contents);
      }

      if (*markup->quote == '\0')
        pb_markup_free (markup);
      else
        g_ptr_array_add (content->markups, markup);
    }
}

/* The words of the pages, their sizes and the highlights on them: a copy
 * saved again has the same; a copy someone has marked up has not, and is
 * imported for its highlights; nor has the same text set on other pages. */
static void
update_fingerprint (PbReportContent *content)
{
  g_autoptr(GPtrArray) texts = pb_report_content_get_texts (content);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sizes = g_string_new (NULL);
  guint n_pages = content->pages->len;

  g_ptr_array_set_size (texts, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      const PbPageContent *page = &g_array_index (content->pages, PbPageContent, i);
      g_string_append_printf (sizes, "%.0fx%.0f ", page->width, page->height);
    }
  g_ptr_array_add (texts, sizes->str);

  for (guint i = 0; i < content->markups->len; i++)
    {
      PbMarkup *markup = g_ptr_array_index (content->markups, i);
      char *mark = g_strdup_printf ("%u %s %s", markup->page, markup->quote, markup->note);

      g_ptr_array_add (marks, mark);
      g_ptr_array_add (texts, mark);
    }

  g_clear_pointer (&content->fingerprint, g_free);
  content->fingerprint = pb_text_fingerprint ((const char * const *)texts->pdata, texts->len);
}

/**
 * pb_pdf_read_content:
 * @document: an open PDF
 * @cancellable: (nullable): to stop between pages
 * @progress: (nullable): called after each page with the share of pages read
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Reads every page of @document. Poppler is not thread-safe per document:
 * call this from the one thread that uses @document.
 *
 * Returns: (transfer full): the content; or %NULL with %G_IO_ERROR_CANCELLED
 *   when @cancellable was cancelled
 */
PbReportContent *
pb_pdf_read_content (PopplerDocument       *document,
                     GCancellable          *cancellable,
                     PbPdfProgressFunc      progress,
                     gpointer               progress_data,
                     GError               **error)
{
  g_autoptr(PbReportContent) content = pb_report_content_new ();
  int n_pages;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  n_pages = poppler_document_get_n_pages (document);
  g_array_set_size (content->pages, 0);

  {
    PopplerStructureElementIter *structure = poppler_structure_element_iter_new (document);

    content->is_tagged = structure != NULL;
    g_clear_pointer (&structure, poppler_structure_element_iter_free);
  }

  content->pdf_title = poppler_document_get_title (document);
  content->title = pb_pdf_clean_title (content->pdf_title);
  content->author = poppler_document_get_author (document);
  content->subject = poppler_document_get_subject (document);
  content->keywords = poppler_document_get_keywords (document);
  content->creator = poppler_document_get_creator (document);
  content->producer = poppler_document_get_producer (document);
  content->created = poppler_document_get_creation_date_time (document);
  content->modified = poppler_document_get_modification_date_time (document);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      PbPageContent data = { 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if ((page = poppler_document_get_page (document, i)) != NULL)
        {
          GList *mapping = poppler_page_get_annot_mapping (page);

          poppler_page_get_size (page, &data.width, &data.height);

          /* Characters' boxes are only wanted for the words under markups. */
          if (has_markups (mapping))
            {
              g_autoptr(PbPageText) text = pb_pdf_document_read_page_text (document, (guint)i);

              data.text = g_strdup (pb_page_text_get_text (text));
              read_markups (content, mapping, text, (guint)i + 1, data.width, data.height);
            }
          else
            {
              data.text = pb_pdf_document_get_reading_text (document, (guint)i);
            }
          poppler_page_free_annot_mapping (mapping);

          if (i == 0 && content->title == NULL)
            content->title = pb_pdf_page_guess_heading (page);

          g_object_unref (page);
        }
      else
        {
          data.text = g_strdup ("");
        }

      for (const char *p = data.text; *p && !content->has_text_layer; p++)
        content->has_text_layer = !g_ascii_isspace (*p);

      g_array_append_val (content->pages, data);
      if (progress != NULL)
        progress ((double)(i + 1) / n_pages, progress_data);
    }

  content->text_version = PB_PAGE_TEXT_VERSION;
  update_fingerprint (content);

  return g_steal_pointer (&content);
}

static gboolean
mentions_markups (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize len;

  if (mapped == NULL)
    return FALSE;

  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);

  for (const char *p = data; p != NULL && p < data + len; p++)
    {
      if (!(p = memchr (p, '/', data + len - p)))
        break;
      if ((gsize)(data + len - p) >= 10 &&
          (memcmp (p, "/Highlight", 10) == 0 || memcmp (p, "/Underline", 10) == 0))
        return TRUE;
    }

  return FALSE;
}

static int
compare_markups (gconstpointer a,
                 gconstpointer b)
{
  const PbMarkup *x = *(PbMarkup * const *)a;
  const PbMarkup *y = *(PbMarkup * const *)b;

  return (x->page > y->page) - (x->page < y->page);
}

/**
 * pb_pdf_read_raw_markups:
 * @content: what pb_pdf_read_content () read from @document
 * @document: the open PDF
 * @path: its file
 *
 * Adds to @content the highlights and underlines that poppler cannot read
 * because they lack /QuadPoints (PDF readers still show them, over their
 * rectangle), each with exactly the words under it.
 */
void
pb_pdf_read_raw_markups (PbReportContent *content,
                         PopplerDocument *document,
                         const char      *path)
{
  g_autoptr(PbPdfFile) file = NULL;
  gboolean added = FALSE;

  g_return_if_fail (content != NULL);
  g_return_if_fail (POPPLER_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  /* Most reports carry no markup at all: a glance at the bytes first. */
  if (!mentions_markups (path) || !(file = pb_pdf_file_new (path, NULL)))
    return;

  for (guint i = 0; i < pb_pdf_file_get_n_pages (file) && i < content->pages->len; i++)
    {
      g_autoptr(GPtrArray) raw = pb_pdf_file_get_raw_markups (file, i);
      const PbPageContent *data = &g_array_index (content->pages, PbPageContent, i);
      int rotation = pb_pdf_file_get_page_rotation (file, i);
      g_autoptr(PbPageText) text = NULL;
      g_autoptr(GObject) page = NULL;

      if (raw->len == 0 || !(page = G_OBJECT (poppler_document_get_page (document, (int)i))))
        continue;
      text = pb_pdf_document_read_page_text (document, i);

      for (guint k = 0; k < raw->len; k++)
        {
          PbPdfRawMarkup *r = g_ptr_array_index (raw, k);
          PopplerRectangle user = { r->rect[0], r->rect[1], r->rect[2], r->rect[3] };
          PopplerRectangle crop;
          PopplerRectangle d;
          PbMarkup *markup = g_new0 (PbMarkup, 1);
          PbAnchor anchor;

          /* Like poppler's quadrilaterals: less the crop box's corner. */
          poppler_page_get_crop_box (POPPLER_PAGE (page), &crop);
          user.x1 -= MIN (crop.x1, crop.x2);
          user.x2 -= MIN (crop.x1, crop.x2);
          user.y1 -= MIN (crop.y1, crop.y2);
          user.y2 -= MIN (crop.y1, crop.y2);
          d = rect_to_display (&user, rotation, data->width, data->height);

          anchor = (PbAnchor) { i + 1, { d.x1, data->height - d.y2, d.x2, data->height - d.y1 } };
          markup->page = i + 1;
          markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
          g_array_append_val (markup->anchors, anchor);
          markup->quote = words_under (text, markup->anchors);
          markup->note = collapse_spaces (r->contents);

          if (*markup->quote == '\0')
            pb_markup_free (markup);
          else
            {
              g_ptr_array_add (content->markups, markup);
              added = TRUE;
            }
        }
    }

  if (added)
    {
      g_ptr_array_sort (content->markups, compare_markups);
      update_fingerprint (content);
    }
}
