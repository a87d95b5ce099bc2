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

static void
reverse_glyphs (PbGlyph *g,
                guint    start,
                guint    end)
{
  for (guint a = start, b = end; a + 1 < b; a++, b--)
    {
      PbGlyph t = g[a];

      g[a] = g[b - 1];
      g[b - 1] = t;
    }
}

/* Poppler marks right-to-left text run by run, and lists the runs of a line
 * in the order of their places, left to right: a run for each letter on some
 * pages, for each word on others ("ةياعرلا", "مرحبا بكم" read backwards).
 * Runs that follow one another, spaces between, are read right to left: they
 * are turned round here into one run, each run's letters kept in their
 * order, and numbered as one, which the page-text builder places as one. */
static void
join_rtl_runs (GArray *glyphs)
{
  PbGlyph *g = (PbGlyph *)(gpointer)glyphs->data;
  guint n = glyphs->len;

  for (guint i = 0; i < n; )
    {
      guint end = i, n_runs = 0;

      if (g[i].group == 0)
        {
          i++;
          continue;
        }

      for (guint j = i; j < n && (g[j].group != 0 || g[j].c == ' '); j++)
        if (g[j].group != 0)
          {
            if (j == i || g[j].group != g[j - 1].group)
              n_runs++;
            end = j + 1;
          }

      if (n_runs > 1)
        {
          guint group = g[i].group;

          /* The whole span backwards, then each run forwards again. */
          reverse_glyphs (g, i, end);
          for (guint k = i; k < end; )
            {
              guint m = k + 1;

              while (m < end && g[k].group != 0 && g[m].group == g[k].group)
                m++;
              reverse_glyphs (g, k, m);
              k = m;
            }
          for (guint k = i; k < end; k++)
            g[k].group = group;
        }

      i = end;
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
  join_rtl_runs (glyphs);
  find_directions (glyphs);

  ordered = _pb_pdf_glyphs_order (glyphs);
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
