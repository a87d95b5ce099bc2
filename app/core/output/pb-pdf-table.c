/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-writer"

#include "config.h"

#include "pb-pdf-writer-private.h"

/* Tables for the PDF writer: rows of cells, each cell a header of its
 * column or row or a plain cell, optionally tinted and with a coloured rule
 * down its left edge, optionally covering the rows below it.  Rows are
 * never split across pages; the header rows are drawn again at the top of
 * every page a table continues on (pb-pdf-layout.c). */

#define CELL_PAD_X      6.0
#define CELL_PAD_Y      5.0
#define CELL_BAR        PB_PDF_TABLE_BAR
#define CELL_SPACING    3.0
#define COMPACT_PAD_X   PB_PDF_TABLE_COMPACT_PAD_X
#define COMPACT_PAD_Y   PB_PDF_TABLE_COMPACT_PAD_Y
#define COMPACT_SPACING PB_PDF_TABLE_COMPACT_SPACING
#define HEADER_FILL     0xe4e9f0
#define TEXT_COLOR      0x1a1a1a
#define RULE_COLOR      0x9a9ea6

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
  g_free (cell->note);
  g_clear_object (&cell->layout);
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->cells, g_array_unref);
}

/**
 * pb_pdf_table_new:
 * @n_columns: how many columns, at least 1
 * @widths: (nullable) (array length=n_columns): each column's share of the
 *   page's width, adding up to 1; %NULL for equal columns
 *
 * Returns: (transfer full): an empty table, to fill row by row and give to
 *   pb_pdf_writer_add_table()
 */
PbPdfTable *
pb_pdf_table_new (guint         n_columns,
                  const double *widths)
{
  PbPdfTable *table;

  g_return_val_if_fail (n_columns >= 1, NULL);

  table = g_new0 (PbPdfTable, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  table->rule_before = g_new0 (gboolean, n_columns);
  table->borders = TRUE;
  table->font_size = 10;
  table->pad_x = CELL_PAD_X;
  table->pad_y = CELL_PAD_Y;
  table->spacing = CELL_SPACING;
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, (GDestroyNotify)row_clear);
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = widths != NULL ? widths[i] : 1.0 / n_columns;
  return table;
}

/**
 * pb_pdf_table_free:
 * @table: (nullable): a table not given to a writer
 */
void
pb_pdf_table_free (PbPdfTable *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->rule_before);
  g_array_unref (table->rows);
  g_free (table);
}

/**
 * pb_pdf_table_add_row:
 * @header: whether the row heads the table; header rows come first and
 *   are repeated on every page the table continues on
 */
void
pb_pdf_table_add_row (PbPdfTable *table,
                      gboolean    header)
{
  Row row = { NULL, header, 0 };

  g_return_if_fail (table != NULL);
  g_return_if_fail (!header || table->rows->len == table->n_header_rows);

  row.cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (row.cells, (GDestroyNotify)cell_clear);
  g_array_append_val (table->rows, row);
  if (header)
    table->n_header_rows++;
}

/**
 * pb_pdf_table_add_cell:
 * @kind: what the cell is to its row and column
 * @text: its text
 * @note: (nullable): a smaller line under it
 * @rows: how many rows it covers, from its own down; the rows below leave
 *   out the cell of this column
 * @fill: its tint as 0xRRGGBB, or 0 for none
 * @bar: the colour of a rule down its left edge, or 0 for none
 *
 * Adds a cell to the last row, in the next column free of a cell from
 * above.
 */
void
pb_pdf_table_add_cell (PbPdfTable    *table,
                       PbPdfCellKind  kind,
                       const char    *text,
                       const char    *note,
                       guint          rows,
                       guint32        fill,
                       guint32        bar)
{
  Row *row;
  Cell cell = { kind, g_strdup (text ? text : ""), g_strdup (note), MAX (rows, 1), fill, bar, NULL };
  Cell covered = { PB_PDF_CELL_DATA, NULL, NULL, 0, 0, 0, NULL };

  g_return_if_fail (table != NULL && table->rows->len > 0);

  row = &g_array_index (table->rows, Row, table->rows->len - 1);

  /* Cells of earlier rows reaching down into this one take their columns. */
  for (;;)
    {
      guint column = row->cells->len;
      gboolean taken = FALSE;

      if (column >= table->n_columns)
        break;
      for (guint r = 0; r + 1 < table->rows->len && !taken; r++)
        {
          Row *above = &g_array_index (table->rows, Row, r);

          taken = column < above->cells->len &&
                  g_array_index (above->cells, Cell, column).rows > table->rows->len - 1 - r;
        }
      if (!taken)
        break;
      g_array_append_val (row->cells, covered);
    }

  g_return_if_fail (row->cells->len < table->n_columns);
  g_array_append_val (row->cells, cell);
}

/**
 * pb_pdf_table_set_rule_before:
 * @column: from 1
 *
 * Draws a thick rule down the left of @column, to set it apart from the
 * columns before.
 */
void
pb_pdf_table_set_rule_before (PbPdfTable *table,
                              guint       column)
{
  g_return_if_fail (table != NULL && column < table->n_columns);
  table->rule_before[column] = TRUE;
}

/**
 * pb_pdf_table_set_borders:
 * @borders: whether to rule the cells; a table without is set as a list
 *   of pairs, such as a cover's details
 */
void
pb_pdf_table_set_borders (PbPdfTable *table,
                          gboolean    borders)
{
  g_return_if_fail (table != NULL);
  table->borders = borders;
}

/**
 * pb_pdf_table_set_font_size:
 * @points: the cells' type size; notes under their words are set smaller
 */
void
pb_pdf_table_set_font_size (PbPdfTable *table,
                            double      points)
{
  g_return_if_fail (table != NULL && points > 0);
  table->font_size = points;
}

/**
 * pb_pdf_table_set_whole_words:
 * @whole_words: whether the cells' lines break between words only, never
 *   inside one: for a table whose columns were made wide enough for its
 *   widest word
 */
void
pb_pdf_table_set_whole_words (PbPdfTable *table,
                              gboolean    whole_words)
{
  g_return_if_fail (table != NULL);
  table->whole_words = whole_words;
}

/**
 * pb_pdf_table_set_plain_row_headers:
 * @plain: whether row headers are set in the body's weight, not bold: for
 *   a row header of many lines (a recommendation's words), which bold
 *   makes heavy and long; it stays a header in the structure tree
 */
void
pb_pdf_table_set_plain_row_headers (PbPdfTable *table,
                                    gboolean    plain)
{
  g_return_if_fail (table != NULL);
  table->plain_row_headers = plain;
}

/**
 * pb_pdf_table_set_compact:
 * @compact: whether the cells are padded less and their lines set closer
 *   (PB_PDF_TABLE_COMPACT_PAD_X, _PAD_Y, _SPACING rather than the usual):
 *   for a matrix of many narrow columns
 */
void
pb_pdf_table_set_compact (PbPdfTable *table,
                          gboolean    compact)
{
  g_return_if_fail (table != NULL);
  table->pad_x = compact ? COMPACT_PAD_X : CELL_PAD_X;
  table->pad_y = compact ? COMPACT_PAD_Y : CELL_PAD_Y;
  table->spacing = compact ? COMPACT_SPACING : CELL_SPACING;
}

/* The font a cell of @kind is set in ("Sans Bold 9.5"). */
static char *
cell_font (PbPdfTable    *table,
           PbPdfCellKind  kind)
{
  gboolean bold = kind == PB_PDF_CELL_COLUMN_HEADER ||
                  (kind == PB_PDF_CELL_ROW_HEADER && !table->plain_row_headers);

  return g_strdup_printf ("Sans%s %g", bold ? " Bold" : "", table->font_size);
}

static PangoLayout *
cell_layout (PbPdfWriter *self,
             PbPdfTable  *table,
             Cell        *cell,
             double       width)
{
  g_autofree char *font = cell_font (table, cell->kind);
  g_autofree char *text = g_markup_escape_text (cell->text, -1);
  g_autofree char *markup = NULL;

  if (cell->note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (cell->note, -1);
      markup = g_strdup_printf ("%s\n<span size='smaller' style='italic'>%s</span>", text, note);
    }
  PangoLayout *layout = _pb_pdf_writer_make_layout (self, font, width, markup ? markup : text, TRUE);

  pango_layout_set_spacing (layout, (int)(table->spacing * PANGO_SCALE));
  if (table->whole_words)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  _pb_pdf_restore_glyphs (layout);
  return layout;
}

/**
 * pb_pdf_writer_add_table:
 * @table: (transfer full): a table
 *
 * Lays out the table across the page's width, rows one under another.
 */
void
pb_pdf_writer_add_table (PbPdfWriter *self,
                         PbPdfTable  *table)
{
  Block *block;

  g_return_if_fail (PB_IS_PDF_WRITER (self));
  g_return_if_fail (table != NULL && table->rows->len > 0);

  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] *= PB_PDF_BODY_WIDTH;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      /* pb_pdf_table_add_cell() refuses a cell past the last column. */
      g_assert (row->cells->len <= table->n_columns);
      for (guint c = 0; c < row->cells->len; c++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, c);
          double inset = 2 * table->pad_x + (cell->bar ? CELL_BAR : 0);

          if (cell->rows == 0)
            continue;
          if (row->header && cell->fill == 0)
            cell->fill = HEADER_FILL;
          cell->layout = cell_layout (self, table, cell, table->widths[c] - inset);
          if (cell->rows == 1)
            row->height = MAX (row->height, _pb_pdf_layout_height (cell->layout) + 2 * table->pad_y);
        }
    }

  /* A cell over several rows makes its last row taller if it needs to. */
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      for (guint c = 0; c < row->cells->len; c++)
        {
          Cell *cell = &g_array_index (row->cells, Cell, c);
          guint last = MIN (r + cell->rows, table->rows->len) - 1;
          double height = 0;

          if (cell->rows <= 1)
            continue;
          for (guint k = r; k <= last; k++)
            height += g_array_index (table->rows, Row, k).height;
          height = _pb_pdf_layout_height (cell->layout) + 2 * table->pad_y - height;
          if (height > 0)
            g_array_index (table->rows, Row, last).height += height;
        }
    }

  self->pending_space += 6;
  block = _pb_pdf_writer_add_block (self, BLOCK_TABLE, "Table");
  block->table = table;
  self->pending_space = 10;
}

/**
 * pb_pdf_writer_table:
 * @header_left: the first column's heading
 * @header_right: the second's
 * @left: (array length=n_rows): the first column, each a row's heading
 * @right: (array length=n_rows): the second
 *
 * A two-column table, the first column twice as wide.
 */
void
pb_pdf_writer_table (PbPdfWriter  *self,
                     const char   *header_left,
                     const char   *header_right,
                     const char  **left,
                     const char  **right,
                     guint         n_rows)
{
  static const double widths[] = { 0.66, 0.34 };
  PbPdfTable *table = pb_pdf_table_new (2, widths);

  pb_pdf_table_add_row (table, TRUE);
  pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, header_left, NULL, 1, 0, 0);
  pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, header_right, NULL, 1, 0, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      pb_pdf_table_add_row (table, FALSE);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_ROW_HEADER, left[i], NULL, 1, 0, 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, right[i], NULL, 1, 0, 0);
    }
  pb_pdf_writer_add_table (self, table);
}

/* --- Drawing ----------------------------------------------------------- */

/* A row of a table: tints and rules first, untagged, then its cells. */
static void
draw_row (PbPdfWriter *self,
          PbPdfTable  *table,
          guint        index,
          double       y,
          gboolean     tagged)
{
  Row *row = &g_array_index (table->rows, Row, index);
  /* A table without rules lines its text up with the text around it. */
  double left = PB_PDF_MARGIN_LEFT - (table->borders ? 0 : table->pad_x);
  double x = left;

  for (guint c = 0; c < row->cells->len; x += table->widths[c], c++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, c);
      double height = 0;

      for (guint k = 0; k < cell->rows && index + k < table->rows->len; k++)
        height += g_array_index (table->rows, Row, index + k).height;
      if (cell->rows == 0)
        continue;
      if (cell->fill != 0)
        {
          _pb_pdf_set_color (self->cr, cell->fill);
          cairo_rectangle (self->cr, x, y, table->widths[c], height);
          cairo_fill (self->cr);
        }
      if (cell->bar != 0)
        {
          _pb_pdf_set_color (self->cr, cell->bar);
          cairo_rectangle (self->cr, x, y, CELL_BAR, height);
          cairo_fill (self->cr);
        }
      if (table->borders)
        {
          _pb_pdf_set_color (self->cr, RULE_COLOR);
          cairo_set_line_width (self->cr, 0.6);
          cairo_rectangle (self->cr, x, y, table->widths[c], height);
          cairo_stroke (self->cr);
        }
    }

  /* Thick rules between columns judged under different frameworks. */
  x = left;
  for (guint c = 0; c < table->n_columns; x += table->widths[c], c++)
    if (table->rule_before[c])
      {
        _pb_pdf_set_color (self->cr, 0x14213d);
        cairo_rectangle (self->cr, x - 1.25, y, 2.5, row->height);
        cairo_fill (self->cr);
      }

  if (tagged)
    _pb_pdf_tag_begin (self, "TR", NULL);
  x = left;
  for (guint c = 0; c < row->cells->len; x += table->widths[c], c++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, c);
      const char *tag = cell->kind == PB_PDF_CELL_DATA ? "TD" : "TH";

      if (cell->rows == 0)
        continue;
      if (tagged)
        {
          guint ordinal = _pb_pdf_tag_begin (self, tag, NULL);

          if (cell->kind != PB_PDF_CELL_DATA || cell->rows > 1)
            {
              PbPdfTagNote *note = _pb_pdf_add_note (self, tag, ordinal);

              note->scope = cell->kind == PB_PDF_CELL_COLUMN_HEADER ? PB_PDF_SCOPE_COLUMN
                            : cell->kind == PB_PDF_CELL_ROW_HEADER ? PB_PDF_SCOPE_ROW : PB_PDF_SCOPE_NONE;
              note->row_span = cell->rows;
            }
        }
      _pb_pdf_show_at (self, cell->layout, x + table->pad_x + (cell->bar ? CELL_BAR : 0), y + table->pad_y, TEXT_COLOR);
      if (tagged)
        _pb_pdf_tag_end (self, tag);
    }
  if (tagged)
    _pb_pdf_tag_end (self, "TR");
}

void
_pb_pdf_draw_table_unit (PbPdfWriter *self,
                 Unit        *unit)
{
  PbPdfTable *table = unit->block->table;
  guint headers = table->n_header_rows;

  if (unit->index == 0)
    {
      _pb_pdf_tag_begin (self, "Table", NULL);
      _pb_pdf_tag_begin (self, headers > 0 ? "THead" : "TBody", NULL);
    }
  if (headers > 0 && unit->index == headers)
    {
      _pb_pdf_tag_end (self, "THead");
      _pb_pdf_tag_begin (self, "TBody", NULL);
    }

  draw_row (self, table, unit->index, unit->y, TRUE);

  if (unit->index + 1 == unit->block->n_units)
    {
      _pb_pdf_tag_end (self, headers > 0 && unit->index < headers ? "THead" : "TBody");
      _pb_pdf_tag_end (self, "Table");
    }
}

/* The header rows again, untagged, above a table continued on this page. */
void
_pb_pdf_draw_repeated_header (PbPdfWriter *self,
                      const Unit  *unit)
{
  PbPdfTable *table = unit->block->table;
  double y = unit->y - _pb_pdf_repeated_header (unit);

  for (guint r = 0; r < table->n_header_rows; r++)
    {
      draw_row (self, table, r, y, FALSE);
      y += g_array_index (table->rows, Row, r).height;
    }
}
