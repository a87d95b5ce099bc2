/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-annotate"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pb-pdf-annotate.h"
#include "pb-pdf-file.h"
#include "pb-pdf-open.h"

/* Writing highlight annotations into a copy of a PDF, so that any PDF reader
 * shows them. The source file is only read.
 *
 * Poppler writes the copy as the source plus an incremental update. Two kinds
 * of source need a first step (pb-pdf-file.c) before poppler sees them:
 *
 *  - pages that share one /Annots array: poppler would add a highlight to the
 *    shared array, and so to every page that shares it; each page to be
 *    highlighted is given its own array first;
 *  - a damaged file whose cross-reference table poppler repaired when it
 *    opened it: its update would point back at the broken table, and other
 *    PDF tools could not open the copy; a whole new table is written first.
 *
 * That first step is written beside the destination and deleted after. */

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
  /* An anchor past the document's last page (a finding moved to a shorter
   * report) has nowhere to go: poppler would complain of the index. */
  g_autoptr(GObject) page = page_number >= 1 && page_number <= (guint)poppler_document_get_n_pages (document)
                            ? G_OBJECT (poppler_document_get_page (document, (int)page_number - 1)) : NULL;
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

/* Poppler does not say when writing a copy fails part way (as on a full
 * disk: it ignores what write() reports), so a copy counts as written only
 * when it ends with the end-of-file marker poppler writes last. */
static gboolean
check_complete (const char  *dest,
                GError     **error)
{
  char tail[64];
  struct stat st;
  gssize n = -1;
  gboolean complete = FALSE;
  int fd = g_open (dest, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0 && fstat (fd, &st) == 0)
    {
      off_t from = st.st_size > (off_t)sizeof tail ? st.st_size - (off_t)sizeof tail : 0;

      n = pread (fd, tail, sizeof tail, from);
    }
  if (n > 0)
    {
      while (n > 0 && g_ascii_isspace (tail[n - 1]))
        n--;
      complete = n >= 5 && memcmp (tail + n - 5, "%%EOF", 5) == 0;
    }
  if (!complete)
    {
      struct statvfs fs;
      gboolean full = fd >= 0 && fstatvfs (fd, &fs) == 0 && fs.f_bavail == 0;

      if (full)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The disk is full: the copy with highlights was not written."));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The copy with highlights could not be written completely."));
    }
  if (fd >= 0)
    close (fd);
  return complete;
}

/**
 * pb_pdf_write_highlights:
 * @source: the PDF to copy; it is only read
 * @password: (nullable): its password, when it is encrypted; %NULL for the
 *   one given earlier in the session, if any
 * @highlights: (element-type PbHighlight): the highlights to write
 * @dest: where to write the copy; an existing file there is replaced
 * @error: a #GError, or %NULL
 *
 * Writes a copy of @source with one highlight annotation for each highlight
 * on each page its anchors cover.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set: an error of
 *   pb_pdf_open () (%PB_DOCUMENT_ERROR_NEEDS_PASSWORD when no password is
 *   known), or from poppler (%POPPLER_ERROR) or the file system
 *   (%G_FILE_ERROR/%G_IO_ERROR: %G_IO_ERROR_NO_SPACE when the disk filled
 *   up while the copy was written), and @dest may hold part of a file,
 *   for the caller to delete
 */
gboolean
pb_pdf_write_highlights (const char  *source,
                         const char  *password,
                         GPtrArray   *highlights,
                         const char  *dest,
                         GError     **error)
{
  g_autofree char *dest_uri = NULL;
  g_autofree char *sound = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(PbPdfFile) file = NULL;
  gboolean saved;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (highlights != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!(dest_uri = g_filename_to_uri (dest, NULL, error)))
    return FALSE;

  /* The pages that get a highlight, from 0. */
  for (guint i = 0; i < highlights->len; i++)
    {
      const PbHighlight *highlight = g_ptr_array_index (highlights, i);

      for (guint a = 0; a < highlight->anchors->len; a++)
        {
          guint index = g_array_index (highlight->anchors, PbAnchor, a).page - 1;
          gboolean listed = FALSE;

          for (guint k = 0; k < pages->len && !listed; k++)
            listed = g_array_index (pages, guint, k) == index;
          if (!listed)
            g_array_append_val (pages, index);
        }
    }

  if (!(file = pb_pdf_file_new (source, error)))
    return FALSE;

  {
    gboolean shared = FALSE;

    for (guint k = 0; k < pages->len && !shared; k++)
      shared = g_array_index (pages, guint, k) < pb_pdf_file_get_n_pages (file) &&
               pb_pdf_file_page_shares_annots (file, g_array_index (pages, guint, k));

    if (shared || !pb_pdf_file_xref_is_sound (file))
      {
        sound = g_strconcat (dest, ".source", NULL);
        if (!pb_pdf_file_write_sound_copy (file, (const guint *)(gpointer)pages->data, pages->len,
                                           sound, error))
          return FALSE;
      }
  }

  /* The copy opens with the source's password. */
  if (sound != NULL && password == NULL)
    password = remembered = pb_pdf_dup_password (source);
  document = G_OBJECT (pb_pdf_open (sound ? sound : source, password, error));
  if (remembered != NULL)
    memset (remembered, 0, strlen (remembered));
  if (document == NULL)
    {
      if (sound != NULL)
        g_unlink (sound);
      return FALSE;
    }

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

  saved = poppler_document_save (POPPLER_DOCUMENT (document), dest_uri, error);
  g_clear_object (&document);
  if (sound != NULL)
    g_unlink (sound);

  return saved && check_complete (dest, error);
}
