/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pb-export-file.h"
#include "pb-pdf-catalog.h"
#include "pb-pdf-writer.h"

/* Writes a simple flowing document to an A4 PDF: headings, paragraphs
 * (optionally numbered in the margin, as inspection reports are), bullets and
 * two-column tables, breaking pages as it goes. The output is tagged, so that
 * screen readers and structure-aware readers see headings, lists and tables.
 *
 * Cairo writes into memory; the finished file has its catalogue completed
 * (pb-pdf-catalog.c) and is then saved whole, as a private file renamed into
 * place (pb-export-file.c), so no half-written PDF is ever on disk. */

#define PAGE_WIDTH    595.276   /* A4 in points */
#define PAGE_HEIGHT   841.890
#define MARGIN_LEFT   72.0
#define MARGIN_RIGHT  62.0
#define MARGIN_TOP    68.0
#define MARGIN_BOTTOM 72.0
#define NUMBER_INDENT 30.0
#define BODY_WIDTH    (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

struct _PbPdfWriter
{
  GObject          parent_instance;

  cairo_surface_t *surface;
  cairo_t         *cr;
  GByteArray      *data;            /* what cairo has written so far */
  char            *path;
  char            *title;
  char            *footer;
  char            *header;          /* on every page, e.g. NOT FOR PUBLICATION */
  gboolean         outline;         /* headings become bookmarks */
  int              outline_parent;  /* the last level-1 bookmark */
  double           y;
  guint            page;
  gboolean         page_has_content;
};

G_DEFINE_FINAL_TYPE (PbPdfWriter, pb_pdf_writer, G_TYPE_OBJECT)

static PangoLayout *
make_layout (PbPdfWriter *self,
             const char  *font,
             double       width,
             const char  *text)
{
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int)(2.5 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
draw_footer (PbPdfWriter *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;

  /* Translators: page footer; %s is the document's short title, %u the page */
  text = g_strdup_printf (_("%s — page %u"), self->footer ? self->footer : "", self->page);

  /* cairo 1.16 has no "Artifact" tag, so the footer is left untagged: it stays
   * out of the structure tree, which is what readers of the tree want. */
  layout = make_layout (self, "Sans 8", BODY_WIDTH, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (self->cr, 0.35, 0.35, 0.35);
  cairo_move_to (self->cr, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_BOTTOM + 28);
  pango_cairo_show_layout (self->cr, layout);
}

static void
draw_header (PbPdfWriter *self)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->header == NULL)
    return;

  layout = make_layout (self, "Sans Bold 10", BODY_WIDTH, self->header);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (self->cr, 0.65, 0.07, 0.09);
  cairo_move_to (self->cr, MARGIN_LEFT, MARGIN_TOP - 40);
  pango_cairo_show_layout (self->cr, layout);
}

static void
start_new_page (PbPdfWriter *self)
{
  draw_header (self);
  draw_footer (self);
  cairo_show_page (self->cr);
  self->page++;
  self->y = MARGIN_TOP;
  self->page_has_content = FALSE;
}

/* Moves to a new page unless @height fits in what is left of this one. */
static void
reserve (PbPdfWriter *self,
         double       height)
{
  if (self->page_has_content && self->y + height > PAGE_HEIGHT - MARGIN_BOTTOM)
    start_new_page (self);
  self->page_has_content = TRUE;
}

static void
show_layout_at (PbPdfWriter *self,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

/* Lays out a block of text, splitting it across pages line by line when it
 * does not fit. */
static void
flow_layout (PbPdfWriter *self,
             PangoLayout *layout,
             double       x,
             double       space_after)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double block_top;
  double offset = 0;

  reserve (self, MIN (layout_height (layout), 40));
  block_top = self->y;

  do
    {
      PangoRectangle logical;
      double line_top;
      double line_bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double)logical.y / PANGO_SCALE;
      line_bottom = line_top + (double)logical.height / PANGO_SCALE;

      if (block_top + line_bottom - offset > PAGE_HEIGHT - MARGIN_BOTTOM)
        {
          start_new_page (self);
          self->page_has_content = TRUE;
          block_top = self->y;
          offset = line_top;
        }

      cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
      cairo_move_to (self->cr, x,
                     block_top - offset + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (self->cr, pango_layout_iter_get_line_readonly (iter));
      self->y = block_top + line_bottom - offset;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  self->y += space_after;
}

static void
pb_pdf_writer_finalize (GObject *object)
{
  PbPdfWriter *self = (PbPdfWriter *)object;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->data, g_byte_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->header, g_free);

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
  self->page = 1;
  self->y = MARGIN_TOP;
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
 * @path: where pb_pdf_writer_finish() saves the PDF
 * @title: (nullable): the document's title, shown by viewers in place of
 *   the file name
 * @author: (nullable): its author
 *
 * Returns: (transfer full): a writer at the top of an empty first page
 */
PbPdfWriter *
pb_pdf_writer_new (const char *path,
                   const char *title,
                   const char *author)
{
  PbPdfWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PB_TYPE_PDF_WRITER, NULL);
  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->data = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self->data, PAGE_WIDTH, PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  return self;
}

void
pb_pdf_writer_set_footer (PbPdfWriter *self,
                          const char  *footer)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->footer);
  self->footer = g_strdup (footer);
}

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

void
pb_pdf_writer_heading_with_dest (PbPdfWriter *self,
                                 guint        level,
                                 const char  *text,
                                 const char  *dest)
{
  static const char * const fonts[] = { "Sans Bold 20", "Sans Bold 14", "Sans Bold 11.5" };
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *tag = NULL;
  guint index;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (level >= 1);

  index = MIN (level, G_N_ELEMENTS (fonts)) - 1;
  tag = g_strdup_printf ("H%u", MIN (level, 6u));

  if (self->page_has_content)
    self->y += level == 1 ? 6 : 10;

  layout = make_layout (self, fonts[index], BODY_WIDTH, text);

  /* Keep a heading with at least three lines of what follows it. */
  reserve (self, layout_height (layout) + 48);

  if (dest != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("name='%s'", dest);
      cairo_tag_begin (self->cr, CAIRO_TAG_DEST, attributes);
    }
  cairo_tag_begin (self->cr, tag, NULL);
  show_layout_at (self, layout, MARGIN_LEFT, self->y);
  cairo_tag_end (self->cr, tag);
  if (dest != NULL)
    cairo_tag_end (self->cr, CAIRO_TAG_DEST);

  if (self->outline && level <= 2)
    {
      g_autofree char *target = g_strdup_printf ("page=%u pos=[%g %g]", self->page, MARGIN_LEFT, self->y);
      int id = cairo_pdf_surface_add_outline (self->surface,
                                              level == 1 ? CAIRO_PDF_OUTLINE_ROOT : self->outline_parent,
                                              text, target, 0);
      if (level == 1)
        self->outline_parent = id;
    }

  self->y += layout_height (layout) + (level == 1 ? 14 : 8);
}

void
pb_pdf_writer_heading (PbPdfWriter *self,
                       guint        level,
                       const char  *text)
{
  pb_pdf_writer_heading_with_dest (self, level, text, NULL);
}

/* A line that links to a heading's destination, as in a contents list. */
void
pb_pdf_writer_link (PbPdfWriter *self,
                    const char  *text,
                    const char  *dest)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *attributes = g_strdup_printf ("dest='%s'", dest);

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  layout = make_layout (self, "Sans 10.5", BODY_WIDTH, text);
  reserve (self, layout_height (layout));

  cairo_tag_begin (self->cr, "P", NULL);
  cairo_tag_begin (self->cr, CAIRO_TAG_LINK, attributes);
  cairo_set_source_rgb (self->cr, 0.1, 0.3, 0.65);
  cairo_move_to (self->cr, MARGIN_LEFT, self->y);
  pango_cairo_show_layout (self->cr, layout);
  cairo_tag_end (self->cr, CAIRO_TAG_LINK);
  cairo_tag_end (self->cr, "P");

  self->y += layout_height (layout) + 6;
}

/* A quoted passage: set in, in italics, with a rule beside it. */
void
pb_pdf_writer_quote (PbPdfWriter *self,
                     const char  *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  guint page;
  double top;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  layout = make_layout (self, "Serif Italic 11", BODY_WIDTH - 24, text);
  reserve (self, MIN (layout_height (layout), 40));
  top = self->y;
  page = self->page;

  cairo_tag_begin (self->cr, "BlockQuote", NULL);
  flow_layout (self, layout, MARGIN_LEFT + 16, 6);
  cairo_tag_end (self->cr, "BlockQuote");

  /* The rule beside a passage that stayed on one page. */
  if (self->page == page && self->y > top)
    {
      cairo_set_source_rgb (self->cr, 0.7, 0.72, 0.76);
      cairo_rectangle (self->cr, MARGIN_LEFT + 2, top, 3, self->y - top - 6);
      cairo_fill (self->cr);
    }
}

void
pb_pdf_writer_set_header (PbPdfWriter *self,
                          const char  *header)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  g_free (self->header);
  self->header = g_strdup (header);
}

void
pb_pdf_writer_set_outline (PbPdfWriter *self,
                           gboolean     outline)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));
  self->outline = outline;
}

void
pb_pdf_writer_paragraph (PbPdfWriter *self,
                         const char  *text)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  layout = make_layout (self, "Sans 10.5", BODY_WIDTH, text);

  cairo_tag_begin (self->cr, "P", NULL);
  flow_layout (self, layout, MARGIN_LEFT, 9);
  cairo_tag_end (self->cr, "P");
}

/* Room between blocks that belong apart, such as two findings; none at the
 * top of a page. */
void
pb_pdf_writer_space (PbPdfWriter *self,
                     double       points)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  if (self->page_has_content)
    self->y += points;
}

void
pb_pdf_writer_numbered (PbPdfWriter *self,
                        guint        number,
                        const char  *text)
{
  g_autoptr(PangoLayout) number_layout = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = g_strdup_printf ("%u.", number);

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  layout = make_layout (self, "Sans 10.5", BODY_WIDTH - NUMBER_INDENT, text);
  number_layout = make_layout (self, "Sans 10.5", NUMBER_INDENT, label);

  reserve (self, MIN (layout_height (layout), 40));

  cairo_tag_begin (self->cr, "P", NULL);
  show_layout_at (self, number_layout, MARGIN_LEFT, self->y);
  flow_layout (self, layout, MARGIN_LEFT + NUMBER_INDENT, 9);
  cairo_tag_end (self->cr, "P");
}

void
pb_pdf_writer_bullet (PbPdfWriter *self,
                      const char  *text)
{
  g_autoptr(PangoLayout) bullet = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (PB_IS_PDF_WRITER (self));

  layout = make_layout (self, "Sans 10.5", BODY_WIDTH - 18, text);
  bullet = make_layout (self, "Sans 10.5", 18, "•");

  reserve (self, MIN (layout_height (layout), 40));

  cairo_tag_begin (self->cr, "L", NULL);
  cairo_tag_begin (self->cr, "LI", NULL);
  cairo_tag_begin (self->cr, "Lbl", NULL);
  show_layout_at (self, bullet, MARGIN_LEFT + 4, self->y);
  cairo_tag_end (self->cr, "Lbl");
  cairo_tag_begin (self->cr, "LBody", NULL);
  flow_layout (self, layout, MARGIN_LEFT + 18, 6);
  cairo_tag_end (self->cr, "LBody");
  cairo_tag_end (self->cr, "LI");
  cairo_tag_end (self->cr, "L");
}

static double
table_row (PbPdfWriter *self,
           const char  *left,
           const char  *right,
           gboolean     header)
{
  const char *font = header ? "Sans Bold 10" : "Sans 10";
  const char *cell_tag = header ? "TH" : "TD";
  double left_width = BODY_WIDTH * 0.66;
  g_autoptr(PangoLayout) l = make_layout (self, font, left_width - 16, left);
  g_autoptr(PangoLayout) r = make_layout (self, font, BODY_WIDTH - left_width - 16, right);
  double height = MAX (layout_height (l), layout_height (r)) + 12;

  reserve (self, height);

  if (header)
    {
      cairo_set_source_rgb (self->cr, 0.90, 0.92, 0.95);
      cairo_rectangle (self->cr, MARGIN_LEFT, self->y, BODY_WIDTH, height);
      cairo_fill (self->cr);
    }

  cairo_tag_begin (self->cr, "TR", NULL);
  cairo_tag_begin (self->cr, cell_tag, NULL);
  show_layout_at (self, l, MARGIN_LEFT + 8, self->y + 6);
  cairo_tag_end (self->cr, cell_tag);
  cairo_tag_begin (self->cr, cell_tag, NULL);
  show_layout_at (self, r, MARGIN_LEFT + left_width + 8, self->y + 6);
  cairo_tag_end (self->cr, cell_tag);
  cairo_tag_end (self->cr, "TR");

  cairo_set_source_rgb (self->cr, 0.6, 0.62, 0.66);
  cairo_set_line_width (self->cr, 0.6);
  cairo_rectangle (self->cr, MARGIN_LEFT, self->y, BODY_WIDTH, height);
  cairo_move_to (self->cr, MARGIN_LEFT + left_width, self->y);
  cairo_line_to (self->cr, MARGIN_LEFT + left_width, self->y + height);
  cairo_stroke (self->cr);

  self->y += height;
  return height;
}

void
pb_pdf_writer_table (PbPdfWriter  *self,
                     const char   *header_left,
                     const char   *header_right,
                     const char  **left,
                     const char  **right,
                     guint         n_rows)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  cairo_tag_begin (self->cr, "Table", NULL);
  table_row (self, header_left, header_right, TRUE);
  for (guint i = 0; i < n_rows; i++)
    table_row (self, left[i], right[i], FALSE);
  cairo_tag_end (self->cr, "Table");

  self->y += 14;
}

void
pb_pdf_writer_page_break (PbPdfWriter *self)
{
  g_return_if_fail (PB_IS_PDF_WRITER (self));

  if (self->page_has_content)
    start_new_page (self);
}

/**
 * pb_pdf_writer_finish:
 * @self: a writer
 * @error: a #GError, or %NULL
 *
 * Ends the last page and saves the PDF, tagged and marked accessible, at
 * the path given to pb_pdf_writer_new(): private (mode 0600), replacing
 * any file there only once it is complete.  Nothing more can be written.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR, leaving no
 *   file behind
 */
gboolean
pb_pdf_writer_finish (PbPdfWriter  *self,
                      GError      **error)
{
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) marked = NULL;
  cairo_status_t status;

  g_return_val_if_fail (PB_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (self->data != NULL, FALSE);

  draw_header (self);
  draw_footer (self);
  cairo_show_page (self->cr);
  cairo_surface_finish (self->surface);

  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  written = g_byte_array_free_to_bytes (g_steal_pointer (&self->data));
  if (!(marked = pb_pdf_mark_accessible_bytes (written, PB_EXPORT_LANGUAGE, self->title, error)))
    return FALSE;
  return pb_export_write_contents (self->path, g_bytes_get_data (marked, NULL), g_bytes_get_size (marked), error);
}
