/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-annotate"

#include "config.h"

#include <string.h>

#include "pb-pdf-annotate.h"

/* Writing highlight annotations into a copy of a PDF, so that any PDF reader
 * shows them. The source file is only read. */

static void
parse_color (const char   *hex,
             PopplerColor *color)
{
  guint value = 0xf6d32d;   /* a highlighter yellow when the cohort has none */

  if (hex != NULL && hex[0] == '#' && strlen (hex) == 7)
    value = (guint)g_ascii_strtoull (hex + 1, NULL, 16);
  color->red = (guint16)(((value >> 16) & 0xff) * 257);
  color->green = (guint16)(((value >> 8) & 0xff) * 257);
  color->blue = (guint16)((value & 0xff) * 257);
}

/* One highlight on @page_number for the finding's anchors there. */
static void
add_highlight (PopplerDocument   *document,
               const PbHighlight *highlight,
               guint              page_number)
{
  GArray *anchors = highlight->anchors;
  g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (document, (int)page_number - 1));
  g_autoptr(GArray) quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));
  PopplerRectangle bounds = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  g_autoptr(GObject) annot = NULL;
  PopplerColor color;
  double height;

  if (page == NULL)
    return;
  poppler_page_get_size (POPPLER_PAGE (page), NULL, &height);

  for (guint i = 0; i < anchors->len; i++)
    {
      PbAnchor *anchor = &g_array_index (anchors, PbAnchor, i);
      /* Anchors are measured from the top of the page; PDF from the bottom. */
      double top = height - anchor->rect.y1, bottom = height - anchor->rect.y2;
      PopplerQuadrilateral quad = {
        { anchor->rect.x1, top }, { anchor->rect.x2, top },
        { anchor->rect.x1, bottom }, { anchor->rect.x2, bottom },
      };

      if (anchor->page != page_number)
        continue;
      g_array_append_val (quads, quad);
      bounds.x1 = MIN (bounds.x1, anchor->rect.x1);
      bounds.x2 = MAX (bounds.x2, anchor->rect.x2);
      bounds.y1 = MIN (bounds.y1, bottom);
      bounds.y2 = MAX (bounds.y2, top);
    }
  if (quads->len == 0)
    return;

  annot = G_OBJECT (poppler_annot_text_markup_new_highlight (document, &bounds, quads));
  parse_color (highlight->color, &color);
  poppler_annot_set_color (POPPLER_ANNOT (annot), &color);
  poppler_annot_set_contents (POPPLER_ANNOT (annot), highlight->contents);
  poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), PACKAGE_NAME);
  poppler_page_add_annot (POPPLER_PAGE (page), POPPLER_ANNOT (annot));
}

/**
 * pb_highlight_free:
 * @highlight: (transfer full) (nullable): a highlight
 */
void
pb_highlight_free (PbHighlight *highlight)
{
  if (highlight == NULL)
    return;
  g_clear_pointer (&highlight->anchors, g_array_unref);
  g_free (highlight->contents);
  g_free (highlight->color);
  g_free (highlight);
}

/**
 * pb_pdf_write_highlights:
 * @source: the PDF to copy; it is only read
 * @password: (nullable): its password, when it is encrypted
 * @highlights: (element-type PbHighlight): the highlights to write
 * @dest: where to write the copy; an existing file there is replaced
 * @error: a #GError, or %NULL
 *
 * Writes a copy of @source with one highlight annotation for each highlight
 * on each page its anchors cover.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set by poppler
 *   (%POPPLER_ERROR or %G_FILE_ERROR/%G_IO_ERROR), and @dest may hold part of a
 *   file, for the caller to delete
 */
gboolean
pb_pdf_write_highlights (const char  *source,
                         const char  *password,
                         GPtrArray   *highlights,
                         const char  *dest,
                         GError     **error)
{
  g_autofree char *source_uri = NULL;
  g_autofree char *dest_uri = NULL;
  g_autoptr(GObject) document = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (highlights != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!(source_uri = g_filename_to_uri (source, NULL, error)) ||
      !(dest_uri = g_filename_to_uri (dest, NULL, error)) ||
      !(document = G_OBJECT (poppler_document_new_from_file (source_uri, password, error))))
    return FALSE;

  for (guint i = 0; i < highlights->len; i++)
    {
      const PbHighlight *highlight = g_ptr_array_index (highlights, i);
      guint last_page = 0;

      /* One highlight on each page the passage runs over. */
      for (guint a = 0; a < highlight->anchors->len; a++)
        {
          guint page_number = g_array_index (highlight->anchors, PbAnchor, a).page;

          if (page_number == last_page)
            continue;
          add_highlight (POPPLER_DOCUMENT (document), highlight, page_number);
          last_page = page_number;
        }
    }

  return poppler_document_save (POPPLER_DOCUMENT (document), dest_uri, error);
}
