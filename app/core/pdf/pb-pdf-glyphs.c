/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-glyphs"

#include "config.h"

#include <math.h>

#include "pb-pdf-glyphs-private.h"

/* Pairing the characters of poppler_page_get_text () with the boxes of
 * poppler_page_get_text_layout (), and finding which way each line runs.
 *
 * Poppler documents one box per character, but the two are made by different
 * code and disagree on real pages:
 *
 *  - around each right-to-left run (a word of Urdu, Arabic or Hebrew) the text
 *    has bidirectional marks (U+202B … U+202C) that have no box, and the run's
 *    letters come in reading order while their boxes come left to right;
 *  - the box of each line break is empty, which is how a line's boxes are
 *    told from the next line's when the counts drift apart.
 *
 * So the pairing never assumes one box per character: it skips the marks,
 * turns right-to-left runs round, and at each line break finds the break's
 * box again, so that a disagreement stays on its line and the lines after it
 * are read right.
 *
 * Boxes come in the displayed page's space. On a page turned with /Rotate, or
 * a table set sideways, lines run down or up the display; each line's
 * direction is found from the way its boxes advance, and each box is also
 * given in its line's upright frame, where reading order is worked out.
 *
 * Poppler's order of lines is good on upright text (it follows columns, as
 * pdftotext does) but not on turned text, where it lists a column of
 * paragraph numbers apart from their paragraphs, last first. Turned lines are
 * put in the order their places give, as pdftotext -layout does: top to
 * bottom in their upright frame, and side by side when they share a line. */

static gboolean
is_line_break_box (const PopplerRectangle *r)
{
  /* Poppler gives a line break an empty box at the end of its line; a glyph
   * or a space always has a height. */
  return r->x1 == r->x2 && r->y1 == r->y2;
}

static gboolean
is_bidi_mark (gunichar c)
{
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

static void
append_glyph (GArray                 *glyphs,
              gunichar                c,
              const PopplerRectangle *rect,
              guint                   group)
{
  PbGlyph glyph = { c, { 0, 0, 0, 0 }, PB_TEXT_DIR_RIGHT, rect != NULL, group };

  if (rect != NULL)
    glyph.box = (PbRect) { MIN (rect->x1, rect->x2), MIN (rect->y1, rect->y2),
                           MAX (rect->x1, rect->x2), MAX (rect->y1, rect->y2) };
  g_array_append_val (glyphs, glyph);
}

/* The characters of a right-to-left run, from just after its opening mark at
 * @p; returns where the run ends (its closing mark, a line break, or the end). */
static const char *
run_end (const char *p,
         guint      *n_letters)
{
  *n_letters = 0;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202C || c == '\n')
        break;
      if (!is_bidi_mark (c))
        (*n_letters)++;
    }

  return p;
}

static void
pair (GArray                 *glyphs,
      const char             *text,
      const PopplerRectangle *rects,
      guint                   n_rects)
{
  guint r = 0;
  guint n_groups = 0;

  for (const char *p = text; *p; )
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202B || c == 0x202E)
        {
          /* A right-to-left run: its letters take the next boxes in reverse,
           * if they all have one on this line. */
          guint n;
          const char *end = run_end (g_utf8_next_char (p), &n);
          gboolean boxed = r + n <= n_rects;
          guint m = 0;

          for (guint k = r; boxed && k < r + n; k++)
            boxed = !is_line_break_box (&rects[k]);

          n_groups++;
          for (const char *q = g_utf8_next_char (p); q < end; q = g_utf8_next_char (q))
            {
              gunichar letter = g_utf8_get_char (q);

              if (is_bidi_mark (letter))
                continue;
              append_glyph (glyphs, letter, boxed ? &rects[r + n - 1 - m] : NULL, n_groups);
              m++;
            }
          if (boxed)
            r += n;

          p = *end != '\0' && g_utf8_get_char (end) == 0x202C ? g_utf8_next_char (end) : end;
          continue;
        }

      if (is_bidi_mark (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '\n')
        {
          guint k = r;

          /* Find the line break's box; the boxes skipped had no character. */
          while (k < n_rects && !is_line_break_box (&rects[k]))
            k++;
          if (k < n_rects)
            r = k + 1;
          else if (r < n_rects)
            r++;
          append_glyph (glyphs, c, NULL, 0);
        }
      else if (r < n_rects && !is_line_break_box (&rects[r]))
        {
          append_glyph (glyphs, c, &rects[r], 0);
          r++;
        }
      else
        {
          /* More characters on this line than boxes. */
          append_glyph (glyphs, c, NULL, 0);
        }

      p = g_utf8_next_char (p);
    }
}

typedef struct
{
  guint start;
  guint end;     /* its line break, or the end */
  int   dir;     /* a PbTextDir, or -1 when its boxes do not say */
} LineDir;

/* Each line's direction: the way most steps from one box to the next go; a
 * line of one letter runs the way most of the page does. Glyphs start out
 * upright, and only the other lines are written to. */
static void
find_directions (GArray *glyphs)
{
  g_autoptr(GArray) turned = g_array_new (FALSE, FALSE, sizeof (LineDir));
  guint votes[4] = { 0, 0, 0, 0 };
  guint line_votes[4] = { 0, 0, 0, 0 };
  const PbGlyph *prev = NULL;
  PbTextDir page_dir = PB_TEXT_DIR_RIGHT;
  guint line_start = 0;

  for (guint i = 0; i <= glyphs->len; i++)
    {
      const PbGlyph *g = i < glyphs->len ? &g_array_index (glyphs, PbGlyph, i) : NULL;
      guint best = 0;

      if (g != NULL && g->c != '\n')
        {
          if (!g->boxed || g->c == ' ')
            continue;
          if (prev != NULL && !(g->group != 0 && g->group == prev->group))
            {
              double dx = (g->box.x1 + g->box.x2 - prev->box.x1 - prev->box.x2) / 2;
              double dy = (g->box.y1 + g->box.y2 - prev->box.y1 - prev->box.y2) / 2;

              if (fabs (dx) >= fabs (dy) && dx != 0)
                line_votes[dx > 0 ? PB_TEXT_DIR_RIGHT : PB_TEXT_DIR_LEFT]++;
              else if (dy != 0)
                line_votes[dy > 0 ? PB_TEXT_DIR_DOWN : PB_TEXT_DIR_UP]++;
            }
          prev = g;
          continue;
        }

      for (guint d = 1; d < 4; d++)
        if (line_votes[d] > line_votes[best])
          best = d;

      if (best != PB_TEXT_DIR_RIGHT || line_votes[best] == 0)
        {
          LineDir line = { line_start, i, line_votes[best] > 0 ? (int)best : -1 };
          g_array_append_val (turned, line);
        }

      for (guint d = 0; d < 4; d++)
        {
          votes[d] += line_votes[d];
          line_votes[d] = 0;
        }
      prev = NULL;
      line_start = i + 1;
    }

  for (guint d = 1; d < 4; d++)
    if (votes[d] > votes[page_dir])
      page_dir = d;

  for (guint l = 0; l < turned->len; l++)
    {
      const LineDir *line = &g_array_index (turned, LineDir, l);
      PbTextDir dir = line->dir >= 0 ? (PbTextDir)line->dir : page_dir;

      for (guint k = line->start; dir != PB_TEXT_DIR_RIGHT && k <= line->end && k < glyphs->len; k++)
        g_array_index (glyphs, PbGlyph, k).dir = dir;
    }
}

typedef struct
{
  guint  start;     /* the line's glyphs, without its line break */
  guint  end;
  PbRect up;        /* their boxes, upright */
  gboolean boxed;
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
  Unit unit = { start, start, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }, FALSE };
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

      unit = (Unit) { k, k, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }, FALSE };
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

/* Puts turned lines in place order (see above); upright lines stay as poppler
 * has them. Each direction's lines go where its first line was. */
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

/* A box of the page set upright (a /Rotate 0 copy, @width by @height) where
 * it is on the page as displayed, turned @rotation degrees clockwise. */
static PbRect
to_display (const PbRect *b,
            int           rotation,
            double        width,
            double        height)
{
  switch (rotation)
    {
    case 90:
      return (PbRect) { height - b->y2, b->x1, height - b->y1, b->x2 };
    case 180:
      return (PbRect) { width - b->x2, height - b->y2, width - b->x1, height - b->y1 };
    case 270:
      return (PbRect) { b->y1, width - b->x2, b->y2, width - b->x1 };
    default:
      return *b;
    }
}

/**
 * _pb_pdf_glyphs_align:
 * @glyphs: (element-type PbGlyph): where to put them; emptied first
 * @text: a page's text, as poppler_page_get_text () gives it
 * @rects: (array length=n_rects) (nullable): the boxes that
 *   poppler_page_get_text_layout () gives for it, top-left origin
 * @rotation: 0; or, when @text and @rects were read from the page set
 *   upright (/Rotate 0), how the page is turned: 90, 180 or 270 degrees
 * @width: the upright page's width, with a @rotation
 * @height: its height
 *
 * Fills @glyphs with each character of @text but bidirectional marks, with
 * its box on the displayed page when one was found for it, turned lines in the
 * order of their places.
 */
void
_pb_pdf_glyphs_align (GArray                 *glyphs,
                      const char             *text,
                      const PopplerRectangle *rects,
                      guint                   n_rects,
                      int                     rotation,
                      double                  width,
                      double                  height)
{
  g_autoptr(GArray) ordered = NULL;

  g_array_set_size (glyphs, 0);
  pair (glyphs, text, rects, rects != NULL ? n_rects : 0);
  find_directions (glyphs);

  ordered = order_turned_lines (glyphs);
  if (ordered != glyphs)
    {
      g_array_set_size (glyphs, 0);
      g_array_append_vals (glyphs, ordered->data, ordered->len);
    }

  /* Read upright, laid out upright, shown turned. */
  if (rotation != 0)
    for (guint i = 0; i < glyphs->len; i++)
      {
        PbGlyph *g = &g_array_index (glyphs, PbGlyph, i);

        g->box = to_display (&g->box, rotation, width, height);
        g->dir = (PbTextDir)((g->dir + rotation / 90) % 4);
      }
}

/* Whether any line of @glyphs runs other than left to right. */
gboolean
_pb_pdf_glyphs_any_turned (GArray *glyphs)
{
  for (guint i = 0; i < glyphs->len; i++)
    {
      const PbGlyph *g = &g_array_index (glyphs, PbGlyph, i);

      if (g->boxed && g->dir != PB_TEXT_DIR_RIGHT)
        return TRUE;
    }

  return FALSE;
}
