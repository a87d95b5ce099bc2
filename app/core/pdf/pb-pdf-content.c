/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-content"

#include "config.h"

#include "pb-pdf-content.h"
#include "pb-pdf-text.h"

/* Everything import keeps of a PDF, read in one pass over its pages: each
 * page's size and text in reading order, the highlights it arrived with, and
 * its document information. */

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text ? text : "", 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);

  return g_strdup (g_strstrip (joined));
}

static void
read_markups (PbReportContent *content,
              PopplerPage     *page,
              guint            page_number,
              double           height)
{
  GList *mapping = poppler_page_get_annot_mapping (page);

  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      PopplerAnnotType type = poppler_annot_get_annot_type (m->annot);
      g_autoptr(GArray) quads = NULL;
      g_autoptr(GString) text = NULL;
      PbMarkup *markup;

      if (type != POPPLER_ANNOT_HIGHLIGHT && type != POPPLER_ANNOT_UNDERLINE)
        continue;

      quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (m->annot));
      if (quads == NULL || quads->len == 0)
        continue;

      markup = g_new0 (PbMarkup, 1);
      markup->page = page_number;
      markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
      text = g_string_new (NULL);

      for (guint q = 0; q < quads->len; q++)
        {
          PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
          double xs[] = { quad->p1.x, quad->p2.x, quad->p3.x, quad->p4.x };
          double ys[] = { quad->p1.y, quad->p2.y, quad->p3.y, quad->p4.y };
          PbAnchor anchor = { page_number, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };
          PopplerRectangle area;
          g_autofree char *words = NULL;

          /* Quadrilaterals use the PDF's bottom-left origin. */
          for (guint k = 0; k < 4; k++)
            {
              anchor.rect.x1 = MIN (anchor.rect.x1, xs[k]);
              anchor.rect.x2 = MAX (anchor.rect.x2, xs[k]);
              anchor.rect.y1 = MIN (anchor.rect.y1, height - ys[k]);
              anchor.rect.y2 = MAX (anchor.rect.y2, height - ys[k]);
            }
          g_array_append_val (markup->anchors, anchor);

          area = (PopplerRectangle) { anchor.rect.x1, anchor.rect.y1, anchor.rect.x2, anchor.rect.y2 };
          words = poppler_page_get_text_for_area (page, &area);
          g_string_append_printf (text, "%s ", words ? words : "");
        }

      markup->quote = collapse_spaces (text->str);
      {
        g_autofree char *contents = poppler_annot_get_contents (m->annot);
        markup->note = collapse_spaces (contents);
      }

      if (*markup->quote == '\0')
        pb_markup_free (markup);
      else
        g_ptr_array_add (content->markups, markup);
    }

  poppler_page_free_annot_mapping (mapping);
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
          poppler_page_get_size (page, &data.width, &data.height);
          data.text = pb_pdf_page_get_reading_text (page);

          if (i == 0 && content->title == NULL)
            content->title = pb_pdf_page_guess_heading (page);

          read_markups (content, page, (guint)i + 1, data.height);

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

  return g_steal_pointer (&content);
}
