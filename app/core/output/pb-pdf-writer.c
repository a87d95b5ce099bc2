/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-export-file.h"
#include "pb-pdf-catalog.h"
#include "pb-pdf-writer-private.h"

/* Writes a flowing document to an A4 PDF: headings, paragraphs (optionally
 * numbered in the margin, as inspection reports are), bullets, quoted
 * passages, tables, a contents list with page numbers, and a running header
 * and footer ("Page 3 of 12").
 *
 * Nothing is drawn as it comes.  Each block is laid out by pango once and
 * kept; pb_pdf_writer_finish() then breaks the blocks into pages as a
 * council paper would (pb-pdf-layout.c): no forced blank pages, no heading
 * at the foot of a page, no widowed or orphaned line, no table row split,
 * a quoted passage never parted from the line that cites it.  Knowing where
 * everything falls before drawing is what lets the contents give page
 * numbers and the footer say "of 12".
 *
 * The output is tagged for screen readers, and completed with libqpdf
 * (pb-pdf-catalog.c) as PDF/UA asks: running headers and footers, rules
 * and tints become artifacts, table headers say what they head, and the
 * file says it is PDF/UA in its XMP metadata.  It is saved whole, as a
 * private file renamed into place (pb-export-file.c), so no half-written
 * PDF is ever on disk. */

#define TEXT_COLOR  0x1a1a1a

G_DEFINE_FINAL_TYPE (PbPdfWriter, pb_pdf_writer, G_TYPE_OBJECT)

/* Sets @rgb (0xRRGGBB) as cairo's source. */
void
_pb_pdf_set_color (cairo_t *cr,
                   guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

PangoLayout *
_pb_pdf_writer_make_layout (PbPdfWriter *self,
                            const char  *font,
                            double       width,
                            const char  *text,
                            gboolean     markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int)(3 * PANGO_SCALE));
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Where pango breaks a line at a space, it keeps the space but draws no
 * glyph for it, and cairo writes such text as ActualText in a marked
 * content sequence of its own, inside the element's.  Poppler (22.12)
 * stops reading an element's text at that sequence, so a heading over two
 * lines was read as its first line only; and without it the words either
 * side of the break run together.  Giving the space its glyph back (it
 * draws nothing and takes no room) makes it ordinary text.
 *
 * A character no installed font has (an emoji, with no emoji font) pango
 * draws as a box of its code's hex digits, which cairo writes as text:
 * the text layer read "01F 9D2" in place of the character.  Such a glyph
 * becomes the font's white square instead; its cluster is still the
 * character, so cairo maps it to the character (in the font's ToUnicode,
 * or as ActualText) and the text layer holds the real one. */
static PangoGlyph
shape_one (PangoGlyphItem *run,
           const char     *character)
{
  PangoGlyphString *shaped = pango_glyph_string_new ();
  PangoGlyph glyph = PANGO_GLYPH_EMPTY;
  int length = (int)strlen (character);

  pango_shape_with_flags (character, length, character, length, &run->item->analysis, shaped, PANGO_SHAPE_NONE);
  if (shaped->num_glyphs == 1 && (shaped->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
    glyph = shaped->glyphs[0].glyph;
  pango_glyph_string_free (shaped);
  return glyph;
}

void
_pb_pdf_restore_glyphs (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r != NULL; r = r->next)
      {
        PangoGlyphItem *run = r->data;
        PangoGlyphString *glyphs = run->glyphs;

        for (int i = 0; i < glyphs->num_glyphs; i++)
          {
            const char *cluster = text + run->item->offset + glyphs->log_clusters[i];
            PangoGlyph glyph = glyphs->glyphs[i].glyph;
            PangoGlyph replacement = PANGO_GLYPH_EMPTY;

            if (glyph == PANGO_GLYPH_EMPTY && *cluster == ' ')
              replacement = shape_one (run, " ");
            else if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 && glyph != PANGO_GLYPH_INVALID_INPUT &&
                     g_unichar_isgraph (glyph & ~PANGO_GLYPH_UNKNOWN_FLAG))
              replacement = shape_one (run, "\u25A1");
            if (replacement != PANGO_GLYPH_EMPTY)
              glyphs->glyphs[i].glyph = replacement;
          }
      }
}

double
_pb_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

void
_pb_pdf_block_free (Block *block)
{
  g_free (block->dest);
  g_free (block->outline_text);
  g_clear_object (&block->layout);
  g_clear_object (&block->label);
  g_clear_object (&block->number);
  g_clear_pointer (&block->lines, g_array_unref);
  g_clear_pointer (&block->table, pb_pdf_table_free);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block->alt);
  g_free (block->link);
  g_free (block);
}

Block *
_pb_pdf_writer_add_block (PbPdfWriter *self,
                          BlockKind    kind,
                          const char  *tag)
{
  Block *block = g_new0 (Block, 1);

  g_assert (!self->finished);

  block->kind = kind;
  block->tag = tag;
  block->color = TEXT_COLOR;
  block->space_before = self->pending_space;
  block->glued = self->attach_next;
  self->pending_space = 0;
  self->attach_next = FALSE;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
pb_pdf_writer_finalize (GObject *object)
{
  PbPdfWriter *self = (PbPdfWriter *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->dest_pages, g_hash_table_unref);
  g_clear_pointer (&self->tag_counts, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->link_texts, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->data, g_byte_array_unref);
  g_free (self->path);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->footer);
  g_free (self->banner);
  g_free (self->header_left);
  g_free (self->header_right);

  G_OBJECT_CLASS (pb_pdf_writer_parent_class)->finalize (object);
}

static void
pb_pdf_writer_class_init (PbPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_pdf_writer_finalize;
}

static void
pb_pdf_writer_init (PbPdfWriter *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)_pb_pdf_block_free);
  self->dest_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tag_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_pdf_tag_note_free);
  self->link_texts = g_ptr_array_new_with_free_func (g_free);
  self->open_groups = g_ptr_array_new ();
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * pb_pdf_writer_new:
 * @path: (nullable): where pb_pdf_writer_finish() saves the PDF, or %NULL
 *   for a writer that is only paginated (pb_pdf_writer_paginate())
 * @title: (nullable): the document's title, shown by viewers in place of
 *   the file name
 * @author: (nullable): its author
 *
 * Returns: (transfer full): a writer with an empty document
 */
PbPdfWriter *
pb_pdf_writer_new (const char *path,
                   const char *title,
                   const char *author)
{
  PbPdfWriter *self;

  self = g_object_new (PB_TYPE_PDF_WRITER, NULL);
  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->author = g_strdup (author);
  self->data = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self->data, PB_PDF_PAGE_WIDTH, PB_PDF_PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);
  self->context = pango_cairo_create_context (self->cr);
  /* Font sizes in points, as a page is measured. */
  pango_cairo_context_set_resolution (self->context, 72);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  return self;
}

/**
 * pb_pdf_writer_set_subject:
 * @subject: (nullable): what the document is about, for its properties
 */
void
pb_pdf_writer_set_subject (PbPdfWriter *self,
                           const char  *subject)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
  if (subject != NULL && *subject != '\0')
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
}

/**
 * pb_pdf_writer_set_footer:
 * @footer: (nullable): the left of every page's foot; the right says
 *   "Page 3 of 12"
 */
void
pb_pdf_writer_set_footer (PbPdfWriter *self,
                          const char  *footer)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->footer);
  self->footer = g_strdup (footer);
}

/**
 * pb_pdf_writer_set_running_header:
 * @banner: (nullable): red lines across the top of every page, the first
 *   in bold, such as "NOT FOR PUBLICATION" and why
 * @left: (nullable): the left of the header under it, e.g. the title
 * @right: (nullable): its right, e.g. the council's name
 */
void
pb_pdf_writer_set_running_header (PbPdfWriter *self,
                                  const char  *banner,
                                  const char  *left,
                                  const char  *right)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->banner);
  g_free (self->header_left);
  g_free (self->header_right);
  self->banner = banner && *banner ? g_strdup (banner) : NULL;
  self->header_left = left && *left ? g_strdup (left) : NULL;
  self->header_right = right && *right ? g_strdup (right) : NULL;
}

/**
 * pb_pdf_writer_set_header:
 * @header: (nullable): a banner for the top of every page
 *
 * pb_pdf_writer_set_running_header() with the banner alone.
 */
void
pb_pdf_writer_set_header (PbPdfWriter *self,
                          const char  *header)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->banner);
  self->banner = header && *header ? g_strdup (header) : NULL;
}

/**
 * pb_pdf_writer_set_created:
 * @created: when the document was made, for its properties
 */
void
pb_pdf_writer_set_created (PbPdfWriter *self,
                           GDateTime   *created)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (created != NULL);

  text = g_date_time_format_iso8601 (created);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATE_DATE, text);
}

/**
 * pb_pdf_writer_set_outline:
 * @outline: whether headings of levels 1 to 3 become bookmarks
 */
void
pb_pdf_writer_set_outline (PbPdfWriter *self,
                           gboolean     outline)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));
  self->outline = outline;
}

/**
 * pb_pdf_writer_begin_group:
 * @tag: a structure type from PDF's standard set ("Sect", "TOC", "Div")
 *
 * Puts the blocks that follow, up to pb_pdf_writer_end_group(), in one
 * element of the structure tree.
 */
void
pb_pdf_writer_begin_group (PbPdfWriter *self,
                           const char  *tag)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (tag != NULL);

  block = _pb_pdf_writer_add_block (self, BLOCK_GROUP_BEGIN, g_intern_string (tag));
  /* The space and gluing belong to the first block inside. */
  self->pending_space = block->space_before;
  self->attach_next = block->glued;
  block->space_before = 0;
  block->glued = FALSE;
  self->depth++;
}

/**
 * pb_pdf_writer_end_group:
 *
 * Ends the group begun last.
 */
void
pb_pdf_writer_end_group (PbPdfWriter *self)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (self->depth > 0);

  _pb_pdf_writer_add_block (self, BLOCK_GROUP_END, NULL);
  self->depth--;
}

/**
 * pb_pdf_writer_space:
 * @points: room to leave before the next block; none at the top of a page
 */
void
pb_pdf_writer_space (PbPdfWriter *self,
                     double       points)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));
  self->pending_space += points;
}

/**
 * pb_pdf_writer_get_n_pages:
 *
 * Returns: how many pages the finished document has; 0 before
 *   pb_pdf_writer_finish()
 */
guint
pb_pdf_writer_get_n_pages (PbPdfWriter *self)
{
  g_return_val_if_fail (PB_IS_PDF_WRITER (self), 0);
  return self->n_pages;
}

/**
 * pb_pdf_writer_paginate:
 * @self: a writer that has been given the whole document
 *
 * Breaks the document into pages as pb_pdf_writer_finish() would, without
 * drawing or saving anything: for another format that wants the pages
 * where this layout starts its parts (a Word document's contents).  The
 * writer can then only be dropped or finished.
 *
 * Returns: (transfer full) (element-type utf8 guint): each
 *   destination given to pb_pdf_writer_heading_with_dest() → the page
 *   number, from 1, where its heading stands (GUINT_TO_POINTER)
 */
GHashTable *
pb_pdf_writer_paginate (PbPdfWriter *self)
{
  g_return_val_if_fail (PB_IS_PDF_WRITER (self), NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  _pb_pdf_writer_paginate (self);
  return g_hash_table_ref (self->dest_pages);
}

/**
 * pb_pdf_writer_finish:
 * @self: a writer
 * @error: a #GError, or %NULL
 *
 * Breaks the document into pages, draws them and saves the PDF, tagged and
 * completed for PDF/UA, at the path given to pb_pdf_writer_new(): private
 * (mode 0600), replacing any file there only once it is complete.  Nothing
 * more can be written.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR, leaving no
 *   file behind
 */
gboolean
pb_pdf_writer_finish (PbPdfWriter  *self,
                      GError      **error)
{
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) completed = NULL;
  PbPdfCompletion completion = { NULL };
  cairo_status_t status;

  g_return_val_if_fail (PB_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  self->finished = TRUE;
  if (!_pb_pdf_writer_render (self, error))
    return FALSE;
  cairo_surface_finish (self->surface);

  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  completion.language = PB_EXPORT_LANGUAGE;
  completion.title = self->title;
  completion.notes = self->notes;
  completion.links = self->link_texts;
  written = g_byte_array_free_to_bytes (g_steal_pointer (&self->data));
  if (!(completed = pb_pdf_complete_bytes (written, &completion, error)))
    return FALSE;
  return pb_export_write_contents (self->path, g_bytes_get_data (completed, NULL), g_bytes_get_size (completed), error);
}
