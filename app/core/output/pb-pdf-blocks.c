/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-writer"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pb-pdf-writer-private.h"

/* The kinds of block the writer takes (pb-pdf-writer.c): headings,
 * paragraphs in a few styles, quoted passages, lines of a contents list,
 * a masthead with a logo, numbered paragraphs and bullets.  Each is laid
 * out by pango here, once, and measured line by line for the page breaks
 * (pb-pdf-layout.c); each says how it may break and what it keeps with. */

#define BODY_FONT   "Sans 11"
#define TEXT_COLOR  0x1a1a1a
#define QUIET_COLOR 0x4d4d4d   /* 8.5:1 on white */

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The image in @png, or NULL with @error set (%G_IO_ERROR_INVALID_DATA). */
cairo_surface_t *
_pb_pdf_image_from_png (GBytes  *png,
                        GError **error)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *image;

  reader.data = g_bytes_get_data (png, &reader.length);
  image = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           cairo_status_to_string (cairo_surface_status (image)));
      cairo_surface_destroy (image);
      return NULL;
    }
  return image;
}

static void
line_clear (Line *line)
{
  pango_layout_line_unref (line->line);
}

/* The lines of @block's layout, measured, for breaking into pages. */
static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter;

  _pb_pdf_restore_glyphs (block->layout);
  iter = pango_layout_get_iter (block->layout);
  block->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (block->lines, (GDestroyNotify)line_clear);
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
      line.top = (double)logical.y / PANGO_SCALE;
      line.height = (double)logical.height / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line.top;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* The space pango puts between lines belongs above each line but the
   * first: the last line's height stops at its descent. */
  for (guint i = 1; i < block->lines->len; i++)
    {
      Line *line = &g_array_index (block->lines, Line, i);
      Line *before = &g_array_index (block->lines, Line, i - 1);

      before->height = line->top - before->top;
    }
}

static Block *
add_text_width (PbPdfWriter *self,
                const char  *tag,
                const char  *font,
                double       x,
                double       width,
                const char  *text,
                gboolean     markup)
{
  Block *block = _pb_pdf_writer_add_block (self, BLOCK_TEXT, tag);

  block->x = x;
  block->layout = _pb_pdf_writer_make_layout (self, font, width, text, markup);
  measure_lines (block);
  return block;
}

/* A paragraph from @x to the right margin. */
static Block *
add_text (PbPdfWriter *self,
          const char  *tag,
          const char  *font,
          double       x,
          const char  *text,
          gboolean     markup)
{
  return add_text_width (self, tag, font, x, PB_PDF_BODY_WIDTH - (x - PB_PDF_MARGIN_LEFT), text, markup);
}

/* How many lines @text takes across the page in @font. */
static guint
lines_at (PbPdfWriter *self,
          const char  *font,
          const char  *text)
{
  g_autoptr(PangoLayout) layout = _pb_pdf_writer_make_layout (self, font, PB_PDF_BODY_WIDTH, text, FALSE);

  return (guint)pango_layout_get_line_count (layout);
}

/**
 * pb_pdf_writer_heading_with_dest:
 * @level: from 1; headings must not skip a level
 * @dest: (nullable): a name for links and the contents to point at
 *
 * A heading, kept on the page with at least the first three lines of what
 * follows it; one too long to stand in four lines at its level's size is
 * set smaller.
 */
void
pb_pdf_writer_heading_with_dest (PbPdfWriter *self,
                                 guint        level,
                                 const char  *text,
                                 const char  *dest)
{
  static const char * const fonts[] = { "Sans Bold 21", "Sans Bold 15.5", "Sans Bold 12.5" };
  static const char * const tags[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
  static const double space[] = { 6, 18, 12 };
  Block *block;
  guint index, size;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (level >= 1);

  index = MIN (level, G_N_ELEMENTS (fonts)) - 1;
  self->pending_space += space[index];
  /* A heading of a paragraph's length (a 700-character title) is set a
   * size smaller, as many times as it takes to stand in a few lines, so
   * that it stays on the page with what it heads (the cover's details)
   * rather than leaving the page before it blank; one that still will
   * not may break across pages. */
  size = index;
  while (size + 1 < G_N_ELEMENTS (fonts) && g_utf8_strlen (text, -1) > 80 && lines_at (self, fonts[size], text) > 4)
    size++;
  block = add_text (self, tags[MIN (level, G_N_ELEMENTS (tags)) - 1], fonts[size], PB_PDF_MARGIN_LEFT, text, FALSE);
  block->color = 0x14213d;
  block->keep_together = block->lines->len <= 8;
  block->keep_with_next = TRUE;
  block->dest = g_strdup (dest);
  if (self->outline && level <= 3)
    {
      block->outline_level = level;
      block->outline_text = g_strdup (text);
    }
  self->pending_space = level == 1 ? 10 : 6;
}

/* A cover's title is set as large as it stands in a few lines, down to
 * the floor; one longer than even the floor sets in its lines ends in an
 * ellipsis, so that the cover stays one page.  Its whole text stays in the
 * document's title and its bookmark. */
#define TITLE_FLOOR_LINES 8

/**
 * pb_pdf_writer_cover_title:
 * @text: the document's title
 *
 * The title on a cover: a first-level heading, set a size smaller as many
 * times as it takes to stand in four lines; at the smallest (12.5 points)
 * it takes at most eight lines, the last ending in "…" when the words run
 * on.  The bookmark holds the whole title.
 */
void
pb_pdf_writer_cover_title (PbPdfWriter *self,
                           const char  *text)
{
  static const char * const fonts[] = { "Sans Bold 21", "Sans Bold 18", "Sans Bold 15.5", "Sans Bold 14",
                                        "Sans Bold 12.5" };
  Block *block;
  guint size = 0;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (text != NULL);

  self->pending_space += 6;
  while (size + 1 < G_N_ELEMENTS (fonts) && lines_at (self, fonts[size], text) > 4)
    size++;

  block = _pb_pdf_writer_add_block (self, BLOCK_TEXT, "H1");
  block->x = PB_PDF_MARGIN_LEFT;
  block->layout = _pb_pdf_writer_make_layout (self, fonts[size], PB_PDF_BODY_WIDTH, text, FALSE);
  if (pango_layout_get_line_count (block->layout) > TITLE_FLOOR_LINES)
    {
      /* Whole words, then "…" at the end of the last line. */
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD);
      pango_layout_set_ellipsize (block->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (block->layout, -TITLE_FLOOR_LINES);
    }
  measure_lines (block);
  block->color = 0x14213d;
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
  if (self->outline)
    {
      block->outline_level = 1;
      block->outline_text = g_strdup (text);
    }
  self->pending_space = 10;
}

/**
 * pb_pdf_writer_heading:
 *
 * pb_pdf_writer_heading_with_dest() with no destination.
 */
void
pb_pdf_writer_heading (PbPdfWriter *self,
                       guint        level,
                       const char  *text)
{
  pb_pdf_writer_heading_with_dest (self, level, text, NULL);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/**
 * pb_pdf_writer_text:
 * @style: how to set it
 * @text: plain text; new lines are kept
 *
 * A paragraph.
 */
void
pb_pdf_writer_text (PbPdfWriter    *self,
                    PbPdfTextStyle  style,
                    const char     *text)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (text != NULL);

  switch (style)
    {
    case PB_PDF_TEXT_SMALL:
      self->pending_space += 2;
      block = add_text (self, "P", "Sans 9", PB_PDF_MARGIN_LEFT + 16, text, FALSE);
      block->color = QUIET_COLOR;
      self->pending_space = 4;
      break;

    case PB_PDF_TEXT_NOTE:
      self->pending_space += 1;
      add_text (self, "P", "Sans 10", PB_PDF_MARGIN_LEFT + 16, text, FALSE);
      self->pending_space = 4;
      break;

    case PB_PDF_TEXT_KEY:
      self->pending_space += 2;
      block = add_text (self, "P", "Sans 8.5", PB_PDF_MARGIN_LEFT, text, FALSE);
      block->color = QUIET_COLOR;
      self->pending_space = 2;
      break;

    case PB_PDF_TEXT_CAPTION:
      /* Over a table, set apart from the one before it. */
      self->pending_space += 8;
      block = add_text (self, "P", "Sans Bold 9.5", PB_PDF_MARGIN_LEFT, text, FALSE);
      block->color = 0x14213d;
      block->keep_with_next = TRUE;
      self->pending_space = 0;
      break;

    case PB_PDF_TEXT_TITLE:
      self->pending_space += 10;
      block = add_text (self, "P", "Sans Bold 14", PB_PDF_MARGIN_LEFT, text, FALSE);
      block->color = 0x14213d;
      self->pending_space = 6;
      break;

    case PB_PDF_TEXT_WARNING:
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", 2);
        g_autofree char *first = escape (lines[0]);
        g_autofree char *rest = lines[0] && lines[1] ? escape (lines[1]) : NULL;
        g_autofree char *markup = rest ? g_strdup_printf ("<b>%s</b>\n%s", first, rest) : g_strdup_printf ("<b>%s</b>", first);

        self->pending_space += 10;
        block = add_text_width (self, "P", BODY_FONT, PB_PDF_MARGIN_LEFT + 12, PB_PDF_BODY_WIDTH - 24, markup, TRUE);
        block->color = 0x7a1010;
        block->decoration = DECORATION_BOX;
        block->keep_together = TRUE;
        self->pending_space = 16;
      }
      break;

    case PB_PDF_TEXT_BODY:
    default:
      add_text (self, "P", BODY_FONT, PB_PDF_MARGIN_LEFT, text, FALSE);
      self->pending_space = 8;
      break;
    }
}

/**
 * pb_pdf_writer_paragraph:
 *
 * pb_pdf_writer_text() in the body style.
 */
void
pb_pdf_writer_paragraph (PbPdfWriter *self,
                         const char  *text)
{
  pb_pdf_writer_text (self, PB_PDF_TEXT_BODY, text);
}

/**
 * pb_pdf_writer_attach:
 *
 * The next block stays on the page of the one before it (with that one's
 * last two lines, at least): a citation under its quotation, say.
 */
void
pb_pdf_writer_attach (PbPdfWriter *self)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));
  self->attach_next = TRUE;
}

/**
 * pb_pdf_writer_contents_entry:
 * @text: the part's title
 * @dest: the destination its heading names
 *
 * A line of the contents: the title, linked to its part, with the page it
 * starts on.
 */
void
pb_pdf_writer_contents_entry (PbPdfWriter *self,
                              const char  *text,
                              const char  *dest)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (dest != NULL);

  self->pending_space += 3;
  /* The contents stay together, unless they are longer than a page. */
  if (self->blocks->len > 0 && ((Block *)g_ptr_array_index (self->blocks, self->blocks->len - 1))->kind == BLOCK_CONTENTS)
    self->attach_next = TRUE;
  block = _pb_pdf_writer_add_block (self, BLOCK_CONTENTS, "TOCI");
  block->x = PB_PDF_MARGIN_LEFT;
  block->layout = _pb_pdf_writer_make_layout (self, BODY_FONT, PB_PDF_BODY_WIDTH - 48, text, FALSE);
  block->number = _pb_pdf_writer_make_layout (self, BODY_FONT, 40, "", FALSE);
  pango_layout_set_alignment (block->number, PANGO_ALIGN_RIGHT);
  block->link = g_strdup (dest);
  measure_lines (block);
  block->keep_together = TRUE;
  self->pending_space = 3;
}

/**
 * pb_pdf_writer_quote:
 *
 * A quoted passage: set in, with a rule beside it.
 */
void
pb_pdf_writer_quote (PbPdfWriter *self,
                     const char  *text)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  self->pending_space += 4;
  block = add_text (self, "BlockQuote", "Serif Italic 11.5", PB_PDF_MARGIN_LEFT + 16, text, FALSE);
  block->decoration = DECORATION_BAR;
  self->pending_space = 2;
}

/* The most dots to the inch a logo is embedded at: as fine as any
 * printer a council uses shows it. */
#define LOGO_DPI 300.0

/* A logo scanned far larger than it is printed (12000 pixels across) would
 * be embedded whole, taking seconds and hundreds of megabytes to write:
 * scale it down once, to LOGO_DPI at its printed size, before drawing. */
static void
shrink_to_print (Block *block)
{
  int width = cairo_image_surface_get_width (block->image);
  int height = cairo_image_surface_get_height (block->image);
  int to_width = (int)ceil (block->image_width / 72.0 * LOGO_DPI);
  int to_height = (int)ceil (block->image_height / 72.0 * LOGO_DPI);
  cairo_surface_t *small;
  cairo_t *cr;

  if (to_width >= width || to_height >= height)
    return;
  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, to_width, to_height);
  cr = cairo_create (small);
  cairo_scale (cr, (double)to_width / width, (double)to_height / height);
  cairo_set_source_surface (cr, block->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (block->image);
  block->image = small;
}

/* Gives @block's logo, @width × @height pixels (or none when 0), its
 * printed size, at most 56 points high and 200 wide, and sets @name
 * beside it. */
static void
lay_out_masthead (PbPdfWriter *self,
                  Block       *block,
                  double       width,
                  double       height,
                  const char  *name)
{
  if (width > 0 && height > 0)
    {
      double scale = MIN (56.0 / height, 200.0 / width);

      block->image_width = width * scale;
      block->image_height = height * scale;
    }
  block->x = PB_PDF_MARGIN_LEFT + (block->image_width > 0 ? block->image_width + 16 : 0);
  if (name != NULL && *name != '\0')
    {
      block->layout = _pb_pdf_writer_make_layout (self, "Sans Bold 18", PB_PDF_MARGIN_LEFT + PB_PDF_BODY_WIDTH - block->x,
                                                  name, FALSE);
      measure_lines (block);
    }
  self->pending_space = 12;
}

/**
 * pb_pdf_writer_masthead:
 * @png: (nullable): a logo, as a PNG file
 * @description: the logo in words, for those who cannot see it
 * @name: (nullable): a name to set beside the logo, large
 * @error: a #GError, or %NULL
 *
 * The top of a cover: a council's logo and name.
 *
 * Returns: %TRUE, or %FALSE with @error set to %G_IO_ERROR_INVALID_DATA
 *   when @png cannot be read as a PNG
 */
gboolean
pb_pdf_writer_masthead (PbPdfWriter  *self,
                        GBytes       *png,
                        const char   *description,
                        const char   *name,
                        GError      **error)
{
  Block *block;

  g_return_val_if_fail (PB_IS_PDF_WRITER (self), FALSE);

  if (png == NULL && (name == NULL || *name == '\0'))
    return TRUE;

  block = _pb_pdf_writer_add_block (self, BLOCK_IMAGE, "Figure");
  block->keep_together = TRUE;
  if (png != NULL)
    {
      block->image = _pb_pdf_image_from_png (png, error);
      if (block->image == NULL)
        {
          g_prefix_error (error, _("The logo could not be read: "));
          return FALSE;
        }
      block->alt = g_strdup (description);
      lay_out_masthead (self, block, cairo_image_surface_get_width (block->image),
                        cairo_image_surface_get_height (block->image), name);
      shrink_to_print (block);
    }
  else
    lay_out_masthead (self, block, 0, 0, name);
  return TRUE;
}

/**
 * pb_pdf_writer_masthead_space:
 * @logo_width: the logo's width in pixels, or 0 for no logo
 * @logo_height: its height in pixels, or 0
 * @name: (nullable): a name to set beside the logo, large
 *
 * Takes the room pb_pdf_writer_masthead() would for a logo of that size,
 * without reading or drawing one: for a writer that is only paginated
 * (pb_pdf_writer_paginate()), where decoding a large logo would be time
 * spent for nothing.
 */
void
pb_pdf_writer_masthead_space (PbPdfWriter *self,
                              guint        logo_width,
                              guint        logo_height,
                              const char  *name)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  if ((logo_width == 0 || logo_height == 0) && (name == NULL || *name == '\0'))
    return;
  block = _pb_pdf_writer_add_block (self, BLOCK_IMAGE, "Figure");
  block->keep_together = TRUE;
  lay_out_masthead (self, block, logo_width, logo_height, name);
}

/**
 * pb_pdf_writer_numbered:
 * @number: the paragraph's number, set in the margin ("7.")
 *
 * A numbered paragraph, as inspection reports number theirs.
 */
void
pb_pdf_writer_numbered (PbPdfWriter *self,
                        guint        number,
                        const char  *text)
{
  g_autofree char *label = g_strdup_printf ("%u.", number);
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  block = add_text (self, "P", BODY_FONT, PB_PDF_MARGIN_LEFT + 30, text, FALSE);
  block->label = _pb_pdf_writer_make_layout (self, BODY_FONT, 30, label, FALSE);
  block->label_x = PB_PDF_MARGIN_LEFT;
  self->pending_space = 8;
}

/**
 * pb_pdf_writer_bullet:
 *
 * A bulleted item, tagged as a list of its own.
 */
void
pb_pdf_writer_bullet (PbPdfWriter *self,
                      const char  *text)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  pb_pdf_writer_begin_group (self, "L");
  pb_pdf_writer_begin_group (self, "LI");
  block = add_text (self, "LBody", BODY_FONT, PB_PDF_MARGIN_LEFT + 18, text, FALSE);
  block->label = _pb_pdf_writer_make_layout (self, BODY_FONT, 18, "•", FALSE);
  block->label_x = PB_PDF_MARGIN_LEFT + 4;
  block->label_tag = "Lbl";
  pb_pdf_writer_end_group (self);
  pb_pdf_writer_end_group (self);
  self->pending_space = 5;
}

/**
 * pb_pdf_writer_page_break:
 *
 * What follows starts a new page, unless the page is still empty.
 */
void
pb_pdf_writer_page_break (PbPdfWriter *self)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  _pb_pdf_writer_add_block (self, BLOCK_BREAK, NULL);
}

