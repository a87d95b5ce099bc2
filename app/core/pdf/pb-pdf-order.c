/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-order"

#include "config.h"

#include "pb-pdf-glyphs-private.h"

/* The order of a page's printed lines, from their places.
 *
 * Poppler's order of lines is good on upright prose: it follows columns, as
 * pdftotext does. It is not good where cells of a table are placed one by
 * one, with no rules between them: it reads such a table column by column
 * ("Placement type / Foster care / Residential / 2022 / 312 …"), and where
 * the page's matrix is a hair off square (cos 90° worked out in floating
 * point is 6e-17, not 0) it puts the cells of a row right to left. Nor is it
 * good on turned text, where it lists a column of paragraph numbers apart
 * from their paragraphs, last first.
 *
 * So the order is worked out again from the boxes, in each line's upright
 * frame, as pdftotext -layout reads a page:
 *
 *  - upright lines keep poppler's order, but for the lines that share a row
 *    of the page: lines poppler gives one after another on one row go left
 *    to right; and rows of short cells side by side, two rows or more, are
 *    a table, read row by row (each row one line) where its first cell was.
 *    Prose in two columns shares rows too, but its lines are long, and
 *    poppler gives a column's lines one after another, so it is left as it
 *    is;
 *  - turned lines are put in place order: top to bottom in their upright
 *    frame, and side by side when they share a row.
 *
 * Nothing here compares a coordinate with an exact value: rows are found
 * from the overlap of boxes, so that text set with a matrix a hair off
 * square reads as text set square does. */

/* The most words a table's cell has; a line with more is prose. */
#define MAX_CELL_WORDS 6

/* How much of the lower of two boxes' heights they share to be on one row. */
#define SAME_ROW_SHARE 0.7

/* The most space between two rows of one table, in line heights. */
#define MAX_ROW_GAP 2.5

#define NO_BOX { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }

/* One printed line of poppler's: a line, or a part of one that poppler ran
 * on from another line, or one cell of a table's row. */
typedef struct
{
  guint    start;     /* its glyphs, without a line break */
  guint    end;
  PbRect   up;        /* their boxes, upright */
  gboolean boxed;
  gboolean turned;    /* on a line that does not run left to right */
  guint    words;     /* how many runs of letters it has */
  guint    row;       /* which row of the page it is in, from the top */
  int      table;     /* the table whose row it is in, or -1 */
} Unit;

static int
compare_units_by_top (gconstpointer a,
                      gconstpointer b)
{
  const Unit *x = a, *y = b;

  return (x->up.y1 > y->up.y1) - (x->up.y1 < y->up.y1);
}

static int
compare_units_by_left (gconstpointer a,
                       gconstpointer b)
{
  const Unit *x = a, *y = b;

  return (x->up.x1 > y->up.x1) - (x->up.x1 < y->up.x1);
}

static void
append_line_break (GArray *out)
{
  PbGlyph brk = { '\n', { 0, 0, 0, 0 }, PB_TEXT_DIR_RIGHT, FALSE, 0 };

  if (out->len > 0 && g_array_index (out, PbGlyph, out->len - 1).c != '\n')
    g_array_append_val (out, brk);
}

/* Whether @g starts another printed line than @prev's: below or above it,
 * or back to its left. */
static gboolean
starts_line (const PbGlyph *prev,
             const PbGlyph *g)
{
  PbRect up = _pb_glyph_up (g);
  PbRect prev_up = _pb_glyph_up (prev);
  double height = MAX (up.y2 - up.y1, prev_up.y2 - prev_up.y1);
  double mid = (prev_up.y1 + prev_up.y2) / 2;

  return mid < up.y1 || mid > up.y2 || up.x1 - prev_up.x2 < -MAX (height, 1);
}

/* Splits poppler's line from @start to @end (exclusive) into the printed
 * lines it runs over, added to @units. */
static void
add_printed_lines (GArray *glyphs,
                   guint   start,
                   guint   end,
                   GArray *units)
{
  Unit unit = { start, start, NO_BOX, FALSE, TRUE, 0, 0, -1 };
  const PbGlyph *prev = NULL;

  for (guint k = start; k <= end; k++)
    {
      const PbGlyph *g = k < end ? &g_array_index (glyphs, PbGlyph, k) : NULL;
      gboolean inside_run = g && prev && g->group != 0 && g->group == prev->group;

      if (g != NULL && (!g->boxed || g->c == ' ' || inside_run || prev == NULL || !starts_line (prev, g)))
        {
          if (g->boxed && g->c != ' ')
            {
              PbRect up = _pb_glyph_up (g);

              unit.up.x1 = MIN (unit.up.x1, up.x1);
              unit.up.y1 = MIN (unit.up.y1, up.y1);
              unit.up.x2 = MAX (unit.up.x2, up.x2);
              unit.up.y2 = MAX (unit.up.y2, up.y2);
              unit.boxed = TRUE;
              prev = g;
            }
          continue;
        }

      unit.end = k;
      if (unit.end > unit.start)
        {
          /* A line without boxes goes with the line before. */
          if (!unit.boxed && units->len > 0 && g_array_index (units, Unit, units->len - 1).end == unit.start)
            g_array_index (units, Unit, units->len - 1).end = unit.end;
          else if (unit.boxed)
            g_array_append_val (units, unit);
        }

      unit = (Unit) { k, k, NO_BOX, FALSE, TRUE, 0, 0, -1 };
      prev = NULL;
      if (g != NULL)
        k--;    /* this glyph starts the next line */
    }
}

/* Writes poppler's lines @units (of one direction) to @out in the order of
 * their places: in rows, top to bottom, each row's lines left to right. */
static void
write_in_place_order (GArray *glyphs,
                      GArray *units,
                      GArray *out)
{
  g_autoptr(GArray) row = g_array_new (FALSE, FALSE, sizeof (Unit));
  PbRect span = { 0, 0, 0, 0 };

  g_array_sort (units, compare_units_by_top);

  for (guint i = 0; i <= units->len; i++)
    {
      const Unit *u = i < units->len ? &g_array_index (units, Unit, i) : NULL;
      double mid = u ? (u->up.y1 + u->up.y2) / 2 : 0;

      /* A line whose middle is within the row's height is in the row. */
      if (u != NULL && row->len > 0 && mid >= span.y1 && mid <= span.y2)
        {
          span.y1 = MIN (span.y1, u->up.y1);
          span.y2 = MAX (span.y2, u->up.y2);
          g_array_append_val (row, *u);
          continue;
        }

      g_array_sort (row, compare_units_by_left);
      for (guint k = 0; k < row->len; k++)
        {
          const Unit *w = &g_array_index (row, Unit, k);

          g_array_append_vals (out, &g_array_index (glyphs, PbGlyph, w->start), w->end - w->start);
        }
      if (row->len > 0)
        append_line_break (out);

      g_array_set_size (row, 0);
      if (u != NULL)
        {
          span = u->up;
          g_array_append_val (row, *u);
        }
    }
}

/* Puts turned lines in place order (see above); upright lines stay as they
 * are. Each direction's lines go where its first line was. */
static GArray *
order_turned_lines (GArray *glyphs)
{
  GArray *out;
  GArray *turned[4] = { NULL, NULL, NULL, NULL };
  gboolean any = FALSE;
  guint start = 0;

  for (guint i = 0; i < glyphs->len && !any; i++)
    any = g_array_index (glyphs, PbGlyph, i).dir != PB_TEXT_DIR_RIGHT;
  if (!any)
    return g_array_ref (glyphs);

  out = g_array_sized_new (FALSE, FALSE, sizeof (PbGlyph), glyphs->len + 16);

  /* Gather the turned lines by direction, marking where each group goes with
   * a placeholder line break. */
  for (guint d = 1; d < 4; d++)
    turned[d] = g_array_new (FALSE, FALSE, sizeof (Unit));

  for (guint i = 0; i <= glyphs->len; i++)
    {
      PbTextDir dir;

      if (i < glyphs->len && g_array_index (glyphs, PbGlyph, i).c != '\n')
        continue;

      dir = start < glyphs->len ? g_array_index (glyphs, PbGlyph, start).dir : PB_TEXT_DIR_RIGHT;
      if (dir == PB_TEXT_DIR_RIGHT)
        {
          g_array_append_vals (out, &g_array_index (glyphs, PbGlyph, start), i - start);
          append_line_break (out);
        }
      else
        {
          if (turned[dir]->len == 0)
            {
              /* Where the group goes: a line break with the group's number. */
              PbGlyph mark = { '\n', { 0, 0, 0, 0 }, dir, FALSE, G_MAXUINT };

              append_line_break (out);
              g_array_append_val (out, mark);
            }
          add_printed_lines (glyphs, start, i, turned[dir]);
        }

      start = i + 1;
    }

  /* Replace each placeholder with its group, in place order. */
  {
    GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (PbGlyph), out->len + 16);

    for (guint i = 0; i < out->len; i++)
      {
        const PbGlyph *g = &g_array_index (out, PbGlyph, i);

        if (g->c == '\n' && g->group == G_MAXUINT)
          write_in_place_order (glyphs, turned[g->dir], result);
        else
          g_array_append_val (result, *g);
      }

    g_array_unref (out);
    out = result;
  }

  for (guint d = 1; d < 4; d++)
    g_array_unref (turned[d]);

  return out;
}

/* --- Upright lines ------------------------------------------------------ */

static void
unit_add_box (Unit          *unit,
              const PbGlyph *g)
{
  unit->up.x1 = MIN (unit->up.x1, g->box.x1);
  unit->up.y1 = MIN (unit->up.y1, g->box.y1);
  unit->up.x2 = MAX (unit->up.x2, g->box.x2);
  unit->up.y2 = MAX (unit->up.y2, g->box.y2);
  unit->boxed = TRUE;
}

/* Splits an upright line of poppler's, from @start to @end (exclusive), into
 * the printed lines it runs over, added to @units. Unlike the turned lines'
 * split, every glyph stays in a unit: one without a box goes with the unit
 * it is in, so that nothing of the line is lost. */
static void
add_upright_units (GArray *glyphs,
                   guint   start,
                   guint   end,
                   GArray *units)
{
  Unit unit = { start, start, NO_BOX, FALSE, FALSE, 0, 0, -1 };
  const PbGlyph *prev = NULL;
  gboolean in_word = FALSE;

  for (guint k = start; k < end; k++)
    {
      const PbGlyph *g = &g_array_index (glyphs, PbGlyph, k);

      if (g->c == ' ' || !g->boxed)
        {
          in_word = in_word && g->c != ' ';
          continue;
        }

      /* A right-to-left run goes leftwards, but is one printed line. */
      if (prev != NULL && !(g->group != 0 && g->group == prev->group) && starts_line (prev, g))
        {
          unit.end = k;
          g_array_append_val (units, unit);
          unit = (Unit) { k, k, NO_BOX, FALSE, FALSE, 0, 0, -1 };
          in_word = FALSE;
        }

      if (!in_word)
        unit.words++;
      in_word = TRUE;
      unit_add_box (&unit, g);
      prev = g;
    }

  unit.end = end;
  if (unit.end > unit.start)
    g_array_append_val (units, unit);
}

typedef struct
{
  guint    first;     /* its units, in the array sorted by row */
  guint    n;
  PbRect   span;      /* where they are */
  gboolean cells;     /* two or more short lines side by side, apart */
} Row;

static int
compare_by_middle (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const Unit *units = data;
  const Unit *x = &units[*(const guint *)a];
  const Unit *y = &units[*(const guint *)b];
  double mx = x->up.y1 + x->up.y2;
  double my = y->up.y1 + y->up.y2;

  return (mx > my) - (mx < my);
}

static int
compare_by_left (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Unit *units = data;
  const Unit *x = &units[*(const guint *)a];
  const Unit *y = &units[*(const guint *)b];

  return (x->up.x1 > y->up.x1) - (x->up.x1 < y->up.x1);
}

/* Whether two boxes are on one row: each one's middle within the other's
 * height, and most of the lower one's height shared, as cells set on one
 * baseline share it; a cell's two lines set beside a one-line cell, centred,
 * are not on its row. */
static gboolean
same_row (const PbRect *a,
          const PbRect *b)
{
  double ma = (a->y1 + a->y2) / 2;
  double mb = (b->y1 + b->y2) / 2;
  double shared = MIN (a->y2, b->y2) - MAX (a->y1, b->y1);

  return ma >= b->y1 && ma <= b->y2 && mb >= a->y1 && mb <= a->y2 &&
         shared >= SAME_ROW_SHARE * MIN (a->y2 - a->y1, b->y2 - b->y1);
}

/* Groups the upright units into rows, top to bottom, writing each unit's
 * row; @order gets the units' indexes by row, each row's left to right. */
static GArray *
find_rows (GArray *units,
           GArray *order)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Unit *u = (Unit *)(gpointer)units->data;

  for (guint i = 0; i < units->len; i++)
    if (!u[i].turned && u[i].boxed)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_middle, u);

  for (guint k = 0; k < order->len; k++)
    {
      Unit *unit = &u[g_array_index (order, guint, k)];
      Row *row = rows->len > 0 ? &g_array_index (rows, Row, rows->len - 1) : NULL;

      /* Against the row's first unit, so that a row cannot creep down the
       * page unit by unit. */
      if (row == NULL || !same_row (&u[g_array_index (order, guint, row->first)].up, &unit->up))
        {
          Row next = { k, 0, unit->up, FALSE };

          g_array_append_val (rows, next);
          row = &g_array_index (rows, Row, rows->len - 1);
        }

      row->n++;
      row->span.x1 = MIN (row->span.x1, unit->up.x1);
      row->span.y1 = MIN (row->span.y1, unit->up.y1);
      row->span.x2 = MAX (row->span.x2, unit->up.x2);
      row->span.y2 = MAX (row->span.y2, unit->up.y2);
      unit->row = rows->len - 1;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      guint *idx = &g_array_index (order, guint, row->first);

      g_qsort_with_data (idx, (int)row->n, sizeof (guint), compare_by_left, u);

      /* Cells: short, and apart from each other. */
      row->cells = row->n >= 2;
      for (guint k = 0; k < row->n && row->cells; k++)
        row->cells = u[idx[k]].words <= MAX_CELL_WORDS &&
                     (k == 0 || u[idx[k]].up.x1 >= u[idx[k - 1]].up.x2);
    }

  return rows;
}

/* Whether @unit starts with a small letter: text running on from the line
 * above, as the second line of a cell does ("permanence"), where a table's
 * row starts afresh ("Foster care", "2022"). */
static gboolean
starts_lower (GArray     *glyphs,
              const Unit *unit)
{
  for (guint k = unit->start; k < unit->end; k++)
    {
      gunichar c = g_array_index (glyphs, PbGlyph, k).c;

      if (g_unichar_isalnum (c))
        return g_unichar_islower (c);
    }
  return FALSE;
}

/* Marks the tables among @rows: two rows of cells or more, close one under
 * the other. A table whose cells run onto second lines (a row of one line
 * between, or a row starting with a small letter) is left in poppler's
 * order, which keeps each cell's lines together. Returns how many there
 * are. */
static int
find_tables (GArray *glyphs,
             GArray *units,
             GArray *order,
             GArray *rows)
{
  Unit *u = (Unit *)(gpointer)units->data;
  int n_tables = 0;

  for (guint r = 0; r < rows->len; )
    {
      guint last = r;
      gboolean runs_on = FALSE;

      if (!g_array_index (rows, Row, r).cells)
        {
          r++;
          continue;
        }

      for (guint k = r + 1; k < rows->len; k++)
        {
          const Row *row = &g_array_index (rows, Row, k);
          const Row *above = &g_array_index (rows, Row, k - 1);
          double height = MAX (above->span.y2 - above->span.y1, row->span.y2 - row->span.y1);

          if (!row->cells || row->span.y1 - above->span.y2 > MAX_ROW_GAP * height)
            break;
          last = k;
          for (guint i = 0; i < row->n && !runs_on; i++)
            runs_on = starts_lower (glyphs, &u[g_array_index (order, guint, row->first + i)]);
        }

      /* A row of one line just under, in the table's width: a cell runs on. */
      if (last + 1 < rows->len)
        {
          const Row *below = &g_array_index (rows, Row, last + 1);
          const Row *above = &g_array_index (rows, Row, last);
          double height = above->span.y2 - above->span.y1;

          runs_on = runs_on || (below->n == 1 && below->span.y1 - above->span.y2 <= MAX_ROW_GAP * height &&
                                below->span.x1 >= g_array_index (rows, Row, r).span.x1 - height &&
                                starts_lower (glyphs, &u[g_array_index (order, guint, below->first)]));
        }

      if (last > r && !runs_on)
        {
          for (guint k = r; k <= last; k++)
            {
              const Row *row = &g_array_index (rows, Row, k);

              for (guint i = 0; i < row->n; i++)
                u[g_array_index (order, guint, row->first + i)].table = n_tables;
            }
          n_tables++;
        }

      r = last + 1;
    }

  return n_tables;
}

static void
append_unit (GArray     *out,
             GArray     *glyphs,
             const Unit *unit)
{
  g_array_append_vals (out, &g_array_index (glyphs, PbGlyph, unit->start), unit->end - unit->start);
}

/* Writes table @table's rows, top to bottom, each one line. */
static void
append_table (GArray *out,
              GArray *glyphs,
              GArray *units,
              GArray *order,
              GArray *rows,
              int     table)
{
  Unit *u = (Unit *)(gpointer)units->data;

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      gboolean any = FALSE;

      for (guint i = 0; i < row->n; i++)
        {
          const Unit *unit = &u[g_array_index (order, guint, row->first + i)];

          if (unit->table != table)
            continue;
          append_unit (out, glyphs, unit);
          any = TRUE;
        }
      if (any)
        append_line_break (out);
    }
}

/* How many units from @i on are in the row of unit @i, one after another, in
 * no table. */
static guint
run_on_row (GArray *units,
            guint   i)
{
  const Unit *u = (const Unit *)(gconstpointer)units->data;
  guint j = i + 1;

  if (u[i].turned || !u[i].boxed || u[i].table >= 0)
    return 1;
  while (j < units->len && !u[j].turned && u[j].boxed && u[j].table < 0 && u[j].row == u[i].row)
    j++;
  return j - i;
}

/* Puts upright lines that share a row in order (see above). */
static GArray *
order_upright_lines (GArray *glyphs)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rows = NULL;
  g_autofree gboolean *written = NULL;
  gboolean changed = FALSE;
  GArray *out;
  guint start = 0;
  int n_tables;

  for (guint i = 0; i <= glyphs->len; i++)
    {
      if (i < glyphs->len && g_array_index (glyphs, PbGlyph, i).c != '\n')
        continue;

      if (i > start && g_array_index (glyphs, PbGlyph, start).dir == PB_TEXT_DIR_RIGHT)
        add_upright_units (glyphs, start, i, units);
      else if (i > start)
        {
          Unit line = { start, i, NO_BOX, FALSE, TRUE, 0, 0, -1 };
          g_array_append_val (units, line);
        }
      start = i + 1;
    }

  rows = find_rows (units, order);
  if (rows->len == order->len)
    return g_array_ref (glyphs);    /* a line to a row, as on most pages */

  n_tables = find_tables (glyphs, units, order, rows);
  changed = n_tables > 0;
  for (guint i = 0; i < units->len && !changed; i++)
    changed = run_on_row (units, i) > 1 &&
              g_array_index (units, Unit, i + 1).up.x1 < g_array_index (units, Unit, i).up.x1;
  if (!changed)
    return g_array_ref (glyphs);

  out = g_array_sized_new (FALSE, FALSE, sizeof (PbGlyph), glyphs->len + 64);
  written = g_new0 (gboolean, MAX (n_tables, 1));

  for (guint i = 0; i < units->len; )
    {
      const Unit *unit = &g_array_index (units, Unit, i);
      guint n = run_on_row (units, i);

      if (unit->table >= 0)
        {
          if (!written[unit->table])
            append_table (out, glyphs, units, order, rows, unit->table);
          written[unit->table] = TRUE;
        }
      else if (n > 1)
        {
          /* Lines one after another on one row: left to right. */
          g_autoptr(GArray) run = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

          for (guint k = i; k < i + n; k++)
            g_array_append_val (run, k);
          g_array_sort_with_data (run, compare_by_left, units->data);
          for (guint k = 0; k < run->len; k++)
            {
              append_unit (out, glyphs, &g_array_index (units, Unit, g_array_index (run, guint, k)));
              append_line_break (out);
            }
        }
      else
        {
          append_unit (out, glyphs, unit);
          append_line_break (out);
        }

      i += n;
    }

  g_clear_pointer (&written, g_free);
  return out;
}

/**
 * _pb_pdf_glyphs_order:
 * @glyphs: (element-type PbGlyph): a page's glyphs in poppler's order, each
 *   line's direction found
 *
 * Returns: (transfer full) (element-type PbGlyph): the glyphs in reading
 *   order (see above); @glyphs itself, with a reference added, when
 *   poppler's order stands
 */
GArray *
_pb_pdf_glyphs_order (GArray *glyphs)
{
  g_autoptr(GArray) upright = order_upright_lines (glyphs);

  return order_turned_lines (upright);
}
