/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-quote-locate"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "pb-finding.h"
#include "pb-quote-locate.h"

/* Where a quoted passage is on the pages of a PDF, as rectangles to draw a
 * finding's highlight with. */

static GArray *
locate_on_page (PopplerPage *page,
                guint        page_number,
                const char  *quote)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  double width, height;
  GList *found;
  gboolean done = FALSE;

  poppler_page_get_size (page, &width, &height);
  found = poppler_page_find_text_with_options (page, quote, POPPLER_FIND_MULTILINE);

  /* The first match, over all the lines it runs across. */
  for (GList *l = found; l && !done; l = l->next)
    {
      PopplerRectangle *r = l->data;
      PbAnchor anchor = { page_number, { r->x1, height - r->y2, r->x2, height - r->y1 } };

      g_array_append_val (anchors, anchor);
      done = !poppler_rectangle_find_get_match_continued (r);
    }

  g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);

  return anchors->len > 0 ? g_steal_pointer (&anchors) : NULL;
}

/**
 * pb_pdf_locate_quote:
 * @page: the page to look on first, from 1; then every page is tried
 *
 * Finds where @quote is in a PDF.
 *
 * Returns: (transfer full) (element-type PbAnchor): its rectangles, or %NULL
 *   with %PB_FINDINGS_ERROR_QUOTE_NOT_FOUND
 */
GArray *
pb_pdf_locate_quote (const char  *pdf_path,
                     const char  *password,
                     guint        page,
                     const char  *quote,
                     GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, error);
  g_autofree char *needle = NULL;
  PopplerDocument *document;
  GArray *anchors = NULL;
  int n_pages;

  if (uri == NULL)
    return NULL;

  if (!(document = poppler_document_new_from_file (uri, password, error)))
    return NULL;

  /* Line breaks and runs of spaces in a pasted quote match any white space. */
  {
    g_auto(GStrv) words = g_regex_split_simple ("\\s+", quote, 0, 0);
    needle = g_strjoinv (" ", words);
    g_strstrip (needle);
  }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = -1; i < n_pages && anchors == NULL && *needle != '\0'; i++)
    {
      int index = i < 0 ? (int)page - 1 : i;
      PopplerPage *p;

      if (index < 0 || index >= n_pages || (i >= 0 && index == (int)page - 1))
        continue;

      if ((p = poppler_document_get_page (document, index)))
        {
          anchors = locate_on_page (p, (guint)index + 1, needle);
          g_object_unref (p);
        }
    }

  g_object_unref (document);

  if (anchors == NULL)
    g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
                 _("The quoted text was not found in the report."));

  return anchors;
}
