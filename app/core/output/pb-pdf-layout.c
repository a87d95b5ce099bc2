/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pb-pdf-writer-private.h"

/* The writer's second half: the blocks broken into pages, then drawn.
 *
 * Each block becomes units, a line of text or a row of a table, with the
 * room above it and whether a page may end just before it.  That is where
 * the rules of a council paper live: a heading keeps its first three lines
 * of text with it (so a section starts a new page only when less than that
 * would fit), a paragraph leaves no line alone at the foot or head of a
 * page, a quoted passage keeps its last two lines with the line citing it,
 * a table row never splits and a table's header row never ends a page.
 * Pages are filled greedily; when a unit does not fit, the page ends at
 * the last place a page may end.
 *
 * Drawing is tagged with cairo_tag_begin().  Cairo 1.16 marks content only
 * in elements with no element inside them, and content drawn inside no
 * such element is marked as nothing, which the catalogue's completion
 * (pb-pdf-catalog.c) makes an artifact: tints, rules and leaders are drawn
 * that way.  The running header and footer are drawn in "Private"
 * elements, which the completion turns into pagination artifacts; a block
 * still open across a page break has its lines put in one Span for each
 * page, so that the header and footer drawn between them stay out of it. */

#define TEXT_COLOR   0x1a1a1a
#define QUIET_COLOR  0x4d4d4d
#define BANNER_COLOR 0xa51d2d

static const Block *
next_content (PbPdfWriter *self,
              guint        after)
{
  for (guint i = after + 1; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      if (block->kind != BLOCK_GROUP_BEGIN && block->kind != BLOCK_GROUP_END)
        return block;
    }
  return NULL;
}

static void
add_unit (PbPdfWriter *self,
          Block       *block,
          guint        index,
          double       height)
{
  Unit unit = { block, index, height, index == 0 ? block->space_before : 0, TRUE, FALSE, 0, 0 };

  if (index == 0)
    block->first_unit = self->units->len;
  block->n_units++;
  g_array_append_val (self->units, unit);
}

static Unit *
unit_at (PbPdfWriter *self,
         guint        index)
{
  return &g_array_index (self->units, Unit, index);
}

/* Rows a cell from above reaches into, where no page may begin. */
static gboolean *
covered_rows (PbPdfTable *table)
{
  gboolean *covered = g_new0 (gboolean, table->rows->len);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *cells = g_array_index (table->rows, Row, r).cells;

      for (guint c = 0; c < cells->len; c++)
        for (guint k = 1; k < g_array_index (cells, Cell, c).rows && r + k < table->rows->len; k++)
          covered[r + k] = TRUE;
    }
  return covered;
}

static double
table_height (PbPdfTable *table)
{
  double height = 0;

  for (guint r = 0; r < table->rows->len; r++)
    height += g_array_index (table->rows, Row, r).height;
  return height;
}

static void
make_units (PbPdfWriter *self)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      switch (block->kind)
        {
        case BLOCK_TEXT:
          for (guint i = 0; i < block->lines->len; i++)
            add_unit (self, block, i, g_array_index (block->lines, Line, i).height);
          break;

        case BLOCK_CONTENTS:
          add_unit (self, block, 0, MAX (_pb_pdf_layout_height (block->layout), _pb_pdf_layout_height (block->number)));
          break;

        case BLOCK_TABLE:
          for (guint r = 0; r < block->table->rows->len; r++)
            add_unit (self, block, r, g_array_index (block->table->rows, Row, r).height);
          break;

        case BLOCK_IMAGE:
          add_unit (self, block, 0, MAX (block->image_height, block->layout ? _pb_pdf_layout_height (block->layout) : 0));
          break;

        case BLOCK_BREAK:
          add_unit (self, block, 0, 0);
          unit_at (self, block->first_unit)->force_break = TRUE;
          break;

        case BLOCK_GROUP_BEGIN:
        case BLOCK_GROUP_END:
        default:
          add_unit (self, block, 0, 0);
          break;
        }
    }
}

/* Where a page may end: see the comment at the top. */
static void
set_breaks (PbPdfWriter *self)
{
  guint keep = 0;   /* lines still to keep with the heading before them */

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      Unit *units = unit_at (self, block->first_unit);
      guint n = block->n_units;

      /* A heading keeps lines of its own part, not of the next. */
      if (block->kind == BLOCK_GROUP_END)
        keep = 0;
      if (block->kind == BLOCK_GROUP_BEGIN || block->kind == BLOCK_GROUP_END)
        continue;

      units[0].can_break = !block->glued;
      if (block->kind == BLOCK_TEXT)
        for (guint k = 1; k < n; k++)
          units[k].can_break = !block->keep_together && k >= 2 && n - k >= 2;
      else if (block->kind == BLOCK_TABLE)
        {
          gboolean *covered = covered_rows (block->table);
          /* A table that fits on a page is kept whole, moved to the next
           * page when it does not fit at the foot of this one. */
          gboolean whole = table_height (block->table) <= PB_PDF_BODY_BOTTOM - PB_PDF_BODY_TOP;

          for (guint k = 1; k < n; k++)
            units[k].can_break = !whole && k > block->table->n_header_rows && !covered[k];
          g_free (covered);
        }

      /* After a heading, at least three lines (or rows), whichever blocks
       * they are in. */
      for (guint k = 0; k < n && keep > 0; k++, keep--)
        units[k].can_break = FALSE;
      if (block->keep_with_next && next_content (self, b) != NULL)
        keep = 3;
    }

  /* A page may end before a group begins rather than just inside it; and
   * never just before one ends. */
  for (guint i = self->units->len; i-- > 0; )
    {
      Unit *unit = unit_at (self, i);

      if (unit->block->kind == BLOCK_GROUP_BEGIN && i + 1 < self->units->len)
        {
          unit->can_break = unit_at (self, i + 1)->can_break;
          unit_at (self, i + 1)->can_break = FALSE;
        }
      else if (unit->block->kind == BLOCK_GROUP_END)
        unit->can_break = FALSE;
    }
}

/* The header rows a table repeats above @unit when it opens a page. */
double
_pb_pdf_repeated_header (const Unit *unit)
{
  PbPdfTable *table = unit->block->table;
  double height = 0;

  if (unit->block->kind != BLOCK_TABLE || table->n_header_rows == 0 || unit->index < table->n_header_rows)
    return 0;
  for (guint r = 0; r < table->n_header_rows; r++)
    height += g_array_index (table->rows, Row, r).height;
  return height;
}

static void
paginate (PbPdfWriter *self)
{
  guint page = 1, start = 0, i = 0;
  double y = PB_PDF_BODY_TOP;

  while (i < self->units->len)
    {
      Unit *unit = unit_at (self, i);
      double space = i == start ? 0 : unit->space;
      guint j;

      if (unit->force_break && i > start)
        j = i;
      else if (i == start || y + space + unit->height <= PB_PDF_BODY_BOTTOM)
        {
          if (i == start)
            y = PB_PDF_BODY_TOP + _pb_pdf_repeated_header (unit);
          unit->page = page;
          unit->y = y + space;
          y = unit->y + unit->height;
          i++;
          continue;
        }
      else
        {
          /* The last place on this page where it may end. */
          for (j = i; j > start && !unit_at (self, j)->can_break; j--)
            ;
          if (j == start)
            j = i;
        }

      page++;
      start = i = j;
      y = PB_PDF_BODY_TOP;
    }
  self->n_pages = page;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      block->first_page = unit_at (self, block->first_unit)->page;
      block->last_page = unit_at (self, block->first_unit + block->n_units - 1)->page;
      if (block->dest != NULL)
        g_hash_table_insert (self->dest_pages, g_strdup (block->dest), GUINT_TO_POINTER (block->first_page));
    }
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      g_autofree char *number = NULL;

      if (block->kind != BLOCK_CONTENTS)
        continue;
      number = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (self->dest_pages, block->link)));
      pango_layout_set_text (block->number, number, -1);
    }
}

/**
 * _pb_pdf_writer_paginate:
 *
 * Breaks the blocks into pages (once; later calls do nothing), giving
 * each block its first and last page and each destination its page, and
 * the contents their numbers.  Nothing is drawn.
 */
void
_pb_pdf_writer_paginate (PbPdfWriter *self)
{
  if (self->units != NULL)
    return;
  self->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  make_units (self);
  set_breaks (self);
  paginate (self);
}

/* --- Tags -------------------------------------------------------------- */

/* Begins an element of the structure tree; returns which of its type it
 * is, from 0, for a note on it. */
guint
_pb_pdf_tag_begin (PbPdfWriter *self,
           const char  *tag,
           const char  *attributes)
{
  const char *type = g_intern_string (tag);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, type));

  g_hash_table_insert (self->tag_counts, (gpointer)type, GUINT_TO_POINTER (n + 1));
  cairo_tag_begin (self->cr, tag, attributes);
  return n;
}

void
_pb_pdf_tag_end (PbPdfWriter *self,
         const char  *tag)
{
  cairo_tag_end (self->cr, tag);
}

PbPdfTagNote *
_pb_pdf_add_note (PbPdfWriter *self,
          const char  *type,
          guint        ordinal)
{
  PbPdfTagNote *note = pb_pdf_tag_note_new (type, ordinal);

  g_ptr_array_add (self->notes, note);
  return note;
}

/* --- Header and footer ------------------------------------------------- */

void
_pb_pdf_show_at (PbPdfWriter *self,
         PangoLayout *layout,
         double       x,
         double       y,
         guint32      color)
{
  _pb_pdf_restore_glyphs (layout);
  _pb_pdf_set_color (self->cr, color);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

static PangoLayout *
line_layout (PbPdfWriter    *self,
             const char     *font,
             double          width,
             const char     *text,
             PangoAlignment  alignment)
{
  PangoLayout *layout = _pb_pdf_writer_make_layout (self, font, width, text, FALSE);

  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
draw_rule (PbPdfWriter *self,
           double       y)
{
  _pb_pdf_set_color (self->cr, 0xb8bcc4);
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, PB_PDF_MARGIN_LEFT, y);
  cairo_line_to (self->cr, PB_PDF_MARGIN_LEFT + PB_PDF_BODY_WIDTH, y);
  cairo_stroke (self->cr);
}

static void
draw_header (PbPdfWriter *self)
{
  PbPdfTagNote *note;
  double y = 26;

  if (self->banner == NULL && self->header_left == NULL && self->header_right == NULL)
    return;

  note = _pb_pdf_add_note (self, "Private", _pb_pdf_tag_begin (self, "Private", NULL));
  note->artifact = PB_PDF_ARTIFACT_HEADER;

  if (self->banner != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (self->banner, "\n", 2);
      g_autofree char *first = g_markup_escape_text (lines[0], -1);
      g_autofree char *rest = lines[1] != NULL ? g_markup_escape_text (lines[1], -1) : NULL;
      g_autofree char *markup = rest ? g_strdup_printf ("<b>%s</b>\n<span size='small'>%s</span>", first, rest)
                                     : g_strdup_printf ("<b>%s</b>", first);
      g_autoptr(PangoLayout) banner = _pb_pdf_writer_make_layout (self, "Sans 9", PB_PDF_BODY_WIDTH, markup, TRUE);

      pango_layout_set_alignment (banner, PANGO_ALIGN_CENTER);
      pango_layout_set_spacing (banner, PANGO_SCALE);
      _pb_pdf_show_at (self, banner, PB_PDF_MARGIN_LEFT, 14, BANNER_COLOR);
      y = 14 + _pb_pdf_layout_height (banner) + 4;
    }
  if (self->header_left != NULL || self->header_right != NULL)
    {
      g_autoptr(PangoLayout) left = line_layout (self, "Sans 8.5", PB_PDF_BODY_WIDTH * 0.62, self->header_left ? self->header_left : "",
                                                 PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) right = line_layout (self, "Sans 8.5", PB_PDF_BODY_WIDTH * 0.36, self->header_right ? self->header_right : "",
                                                  PANGO_ALIGN_RIGHT);

      y = MAX (y, 38);
      _pb_pdf_show_at (self, left, PB_PDF_MARGIN_LEFT, y, QUIET_COLOR);
      _pb_pdf_show_at (self, right, PB_PDF_MARGIN_LEFT + PB_PDF_BODY_WIDTH * 0.64, y, QUIET_COLOR);
      y += _pb_pdf_layout_height (left) + 4;
    }
  draw_rule (self, MIN (y, PB_PDF_BODY_TOP - 8));

  _pb_pdf_tag_end (self, "Private");
}

static void
draw_footer (PbPdfWriter *self,
             guint        page)
{
  g_autofree char *count = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  PbPdfTagNote *note;
  double y = PB_PDF_PAGE_HEIGHT - 48;

  note = _pb_pdf_add_note (self, "Private", _pb_pdf_tag_begin (self, "Private", NULL));
  note->artifact = PB_PDF_ARTIFACT_FOOTER;

  /* Translators: at the foot of every page of an exported document */
  count = g_strdup_printf (_("Page %u of %u"), page, self->n_pages);
  left = line_layout (self, "Sans 8.5", PB_PDF_BODY_WIDTH * 0.74, self->footer ? self->footer : "", PANGO_ALIGN_LEFT);
  right = line_layout (self, "Sans 8.5", PB_PDF_BODY_WIDTH * 0.24, count, PANGO_ALIGN_RIGHT);
  draw_rule (self, y - 6);
  _pb_pdf_show_at (self, left, PB_PDF_MARGIN_LEFT, y, QUIET_COLOR);
  _pb_pdf_show_at (self, right, PB_PDF_MARGIN_LEFT + PB_PDF_BODY_WIDTH * 0.76, y, QUIET_COLOR);

  _pb_pdf_tag_end (self, "Private");
}

/* --- Blocks ------------------------------------------------------------ */

static void
draw_line (PbPdfWriter *self,
           const Block *block,
           const Unit  *unit)
{
  const Line *line = &g_array_index (block->lines, Line, unit->index);

  _pb_pdf_set_color (self->cr, block->color);
  cairo_move_to (self->cr, block->x, unit->y + line->baseline);
  pango_cairo_show_layout_line (self->cr, line->line);
}

/* How far down the page @block's lines on this page reach, from @first. */
static double
portion_bottom (PbPdfWriter *self,
                const Unit  *first)
{
  guint end = first->block->first_unit + first->block->n_units;
  const Unit *last = first;

  for (guint i = (guint)(first - unit_at (self, 0)) + 1; i < end && unit_at (self, i)->page == first->page; i++)
    last = unit_at (self, i);
  return last->y + last->height;
}

static void
draw_decoration (PbPdfWriter *self,
                 const Block *block,
                 const Unit  *unit)
{
  double bottom = portion_bottom (self, unit);

  if (block->decoration == DECORATION_BAR)
    {
      _pb_pdf_set_color (self->cr, 0xa9b0bb);
      cairo_rectangle (self->cr, PB_PDF_MARGIN_LEFT + 2, unit->y + 1, 3, bottom - unit->y - 2);
      cairo_fill (self->cr);
    }
  else if (block->decoration == DECORATION_BOX)
    {
      cairo_rectangle (self->cr, PB_PDF_MARGIN_LEFT, unit->y - 8, PB_PDF_BODY_WIDTH, bottom - unit->y + 14);
      _pb_pdf_set_color (self->cr, 0xfbeaea);
      cairo_fill_preserve (self->cr);
      _pb_pdf_set_color (self->cr, BANNER_COLOR);
      cairo_set_line_width (self->cr, 1.5);
      cairo_stroke (self->cr);
    }
}

static void
add_outline (PbPdfWriter *self,
             const Block *block,
             const Unit  *unit)
{
  g_autofree char *target = g_strdup_printf ("page=%u pos=[%g %g]", unit->page, block->x, unit->y);
  guint level = MIN (block->outline_level, G_N_ELEMENTS (self->outline_ids) - 1);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint l = level - 1; l >= 1; l--)
    if (self->outline_ids[l] != 0)
      {
        parent = self->outline_ids[l];
        break;
      }
  self->outline_ids[level] = cairo_pdf_surface_add_outline (self->surface, parent, block->outline_text, target,
                                                            level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  for (guint l = level + 1; l < G_N_ELEMENTS (self->outline_ids); l++)
    self->outline_ids[l] = 0;
}

static void
draw_text_unit (PbPdfWriter *self,
                Unit        *unit)
{
  Block *block = unit->block;
  gboolean split = block->first_page != block->last_page;
  gboolean first = unit->index == 0;

  if (first)
    {
      if (block->dest != NULL)
        {
          g_autofree char *attributes = g_strdup_printf ("name='%s'", block->dest);
          cairo_tag_begin (self->cr, CAIRO_TAG_DEST, attributes);
        }
      if (block->outline_level > 0)
        add_outline (self, block, unit);
    }
  if (block->decoration != DECORATION_NONE && (first || unit_at (self, (guint)(unit - unit_at (self, 0)) - 1)->page != unit->page))
    draw_decoration (self, block, unit);
  if (first)
    {
      if (block->label != NULL && block->label_tag != NULL)
        {
          _pb_pdf_tag_begin (self, block->label_tag, NULL);
          _pb_pdf_show_at (self, block->label, block->label_x, unit->y, block->color);
          _pb_pdf_tag_end (self, block->label_tag);
        }
      _pb_pdf_tag_begin (self, block->tag, NULL);
    }
  if (split && !self->span_open)
    {
      _pb_pdf_tag_begin (self, "Span", NULL);
      self->span_open = TRUE;
    }
  if (first && block->label != NULL && block->label_tag == NULL)
    _pb_pdf_show_at (self, block->label, block->label_x, unit->y, block->color);

  draw_line (self, block, unit);

  if (unit->index + 1 == block->n_units)
    {
      if (self->span_open)
        _pb_pdf_tag_end (self, "Span");
      self->span_open = FALSE;
      _pb_pdf_tag_end (self, block->tag);
      if (block->dest != NULL)
        cairo_tag_end (self->cr, CAIRO_TAG_DEST);
    }
}

static void
draw_contents_unit (PbPdfWriter *self,
                    Unit        *unit)
{
  Block *block = unit->block;
  const Line *last = &g_array_index (block->lines, Line, block->lines->len - 1);
  double number_x = PB_PDF_MARGIN_LEFT + PB_PDF_BODY_WIDTH - 40;
  g_autofree char *attributes = NULL;
  PangoRectangle extents;
  double from, to, y;

  attributes = g_strdup_printf ("dest='%s' rect=[%g %g %g %g]", block->link, PB_PDF_MARGIN_LEFT, unit->y,
                                PB_PDF_BODY_WIDTH, unit->height);
  /* Translators: how a screen reader describes a line of the contents; %s is its title, %s its page */
  g_ptr_array_add (self->link_texts, g_strdup_printf (_("%s, page %s"), pango_layout_get_text (block->layout),
                                                      pango_layout_get_text (block->number)));

  _pb_pdf_tag_begin (self, block->tag, NULL);
  _pb_pdf_tag_begin (self, CAIRO_TAG_LINK, attributes);
  _pb_pdf_show_at (self, block->layout, block->x, unit->y, 0x1a4d8c);
  _pb_pdf_tag_end (self, CAIRO_TAG_LINK);

  /* Leaders, drawn as dots rather than written, so they are not read out. */
  pango_layout_line_get_pixel_extents (last->line, NULL, &extents);
  from = block->x + extents.x + extents.width + 6;
  pango_layout_get_pixel_extents (block->number, NULL, &extents);
  to = number_x + extents.x - 6;
  y = unit->y + last->top + last->baseline - 1;
  _pb_pdf_set_color (self->cr, 0x8a8f98);
  for (double x = ceil (from / 4) * 4; x < to; x += 4)
    {
      cairo_new_sub_path (self->cr);
      cairo_arc (self->cr, x, y, 0.6, 0, 2 * G_PI);
    }
  cairo_fill (self->cr);

  _pb_pdf_tag_begin (self, "Span", NULL);
  _pb_pdf_show_at (self, block->number, number_x, unit->y + last->top, TEXT_COLOR);
  _pb_pdf_tag_end (self, "Span");
  _pb_pdf_tag_end (self, block->tag);
}

static void
draw_image_unit (PbPdfWriter *self,
                 Unit        *unit)
{
  Block *block = unit->block;

  if (block->image != NULL)
    {
      PbPdfTagNote *note = _pb_pdf_add_note (self, block->tag, _pb_pdf_tag_begin (self, block->tag, NULL));
      double scale = block->image_width / cairo_image_surface_get_width (block->image);

      note->alt = g_strdup (block->alt);
      cairo_save (self->cr);
      cairo_translate (self->cr, PB_PDF_MARGIN_LEFT, unit->y);
      cairo_scale (self->cr, scale, scale);
      cairo_set_source_surface (self->cr, block->image, 0, 0);
      cairo_paint (self->cr);
      cairo_restore (self->cr);
      _pb_pdf_tag_end (self, block->tag);
    }
  if (block->layout != NULL)
    {
      double top = unit->y + (unit->height - _pb_pdf_layout_height (block->layout)) / 2;

      _pb_pdf_tag_begin (self, "P", NULL);
      _pb_pdf_show_at (self, block->layout, block->x, top, 0x14213d);
      _pb_pdf_tag_end (self, "P");
    }
}

static void
draw_unit (PbPdfWriter *self,
           Unit        *unit)
{
  switch (unit->block->kind)
    {
    case BLOCK_TEXT:
      draw_text_unit (self, unit);
      break;
    case BLOCK_CONTENTS:
      draw_contents_unit (self, unit);
      break;
    case BLOCK_TABLE:
      _pb_pdf_draw_table_unit (self, unit);
      break;
    case BLOCK_IMAGE:
      draw_image_unit (self, unit);
      break;
    case BLOCK_GROUP_BEGIN:
      _pb_pdf_tag_begin (self, unit->block->tag, NULL);
      g_ptr_array_add (self->open_groups, (gpointer)unit->block->tag);
      break;
    case BLOCK_GROUP_END:
      _pb_pdf_tag_end (self, g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1));
      break;
    case BLOCK_BREAK:
    default:
      break;
    }
}

/* Ends a page: its footer, then the page itself.  A block open across the
 * break closes its Span first, so the footer and the next header stay out
 * of it. */
static void
end_page (PbPdfWriter *self,
          guint        page)
{
  if (self->span_open)
    {
      _pb_pdf_tag_end (self, "Span");
      self->span_open = FALSE;
    }
  draw_footer (self, page);
  cairo_show_page (self->cr);
}

/**
 * _pb_pdf_writer_render:
 *
 * Breaks the blocks into pages and draws them, with a header and footer
 * on every page.
 *
 * Returns: %TRUE, or %FALSE with @error set when cairo failed
 */
gboolean
_pb_pdf_writer_render (PbPdfWriter  *self,
                       GError      **error)
{
  guint page = 1;

  _pb_pdf_writer_paginate (self);

  draw_header (self);
  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = unit_at (self, i);

      if (unit->page != page)
        {
          end_page (self, page);
          page = unit->page;
          draw_header (self);
          if (_pb_pdf_repeated_header (unit) > 0)
            _pb_pdf_draw_repeated_header (self, unit);
        }
      draw_unit (self, unit);
    }
  end_page (self, page);

  if (cairo_status (self->cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s."),
                   cairo_status_to_string (cairo_status (self->cr)));
      return FALSE;
    }
  return TRUE;
}
