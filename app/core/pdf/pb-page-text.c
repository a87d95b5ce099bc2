/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-page-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-page-text-private.h"

/* A page's characters in reading order, each with its box: what text selection
 * works on. Selecting is a range of character indexes; these functions turn
 * points into indexes, and ranges into text and into one rectangle per line. */

struct _PbPageText
{
  gatomicrefcount  ref_count;
  guint            page;
  char            *text;
  guint           *offsets;    /* byte offset of each character in text */
  PbRect          *boxes;
  guint           *lines;      /* the line each character is on, or NULL */
  guint            n_chars;
};

G_DEFINE_BOXED_TYPE (PbPageText, pb_page_text, pb_page_text_ref, pb_page_text_unref)

/**
 * pb_page_text_new:
 * @page_index: the page, from 0
 * @text: the page's text; character i has box i
 * @boxes: one box per character of @text (extra boxes are ignored; a
 *   character without one gets an empty box at the previous one's end)
 */
PbPageText *
pb_page_text_new (guint         page_index,
                  const char   *text,
                  const PbRect *boxes,
                  guint         n_boxes)
{
  PbPageText *self = g_new0 (PbPageText, 1);
  guint i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->page = page_index;
  self->text = g_strdup (text);
  self->n_chars = (guint)g_utf8_strlen (text, -1);
  self->offsets = g_new (guint, self->n_chars + 1);
  self->boxes = g_new0 (PbRect, MAX (self->n_chars, 1));

  for (const char *p = self->text; *p; p = g_utf8_next_char (p), i++)
    {
      self->offsets[i] = p - self->text;
      if (i < n_boxes)
        self->boxes[i] = boxes[i];
      else if (i > 0)
        self->boxes[i] = (PbRect) { self->boxes[i - 1].x2, self->boxes[i - 1].y1,
                                    self->boxes[i - 1].x2, self->boxes[i - 1].y2 };
    }
  self->offsets[self->n_chars] = strlen (self->text);

  return self;
}

/**
 * _pb_page_text_new_take:
 * @text: (transfer full): the page's text
 * @boxes: (transfer full): one box per character of @text
 * @lines: (transfer full): the printed line of each
 * @n_chars: how many characters @text has
 *
 * pb_page_text_new_with_lines (), taking the arrays the page-text builder
 * made rather than copying them.
 */
PbPageText *
_pb_page_text_new_take (guint   page,
                        char   *text,
                        PbRect *boxes,
                        guint  *lines,
                        guint   n_chars)
{
  PbPageText *self = g_new0 (PbPageText, 1);
  guint i = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->page = page;
  self->text = text;
  self->n_chars = n_chars;
  self->boxes = n_chars > 0 ? boxes : g_renew (PbRect, boxes, 1);
  self->lines = n_chars > 0 ? lines : g_renew (guint, lines, 1);
  self->offsets = g_new (guint, n_chars + 1);

  for (const char *p = text; *p && i < n_chars; p = g_utf8_next_char (p), i++)
    self->offsets[i] = p - text;
  g_assert (i == n_chars);
  self->offsets[n_chars] = strlen (text);

  return self;
}

/**
 * pb_page_text_new_with_lines:
 * @page_index: the page, from 0
 * @text: the page's text; character i has box i
 * @boxes: (array length=n_boxes): one box per character of @text
 * @lines: (array length=n_boxes): the printed line each character is on: a
 *   word broken at a line end and joined in @text is on two lines
 *
 * Like pb_page_text_new(), for a text that knows its lines, so that a range
 * gets one rectangle per printed line whatever way the lines run (on a turned
 * page they run down or up).
 */
PbPageText *
pb_page_text_new_with_lines (guint         page_index,
                             const char   *text,
                             const PbRect *boxes,
                             const guint  *lines,
                             guint         n_boxes)
{
  PbPageText *self = pb_page_text_new (page_index, text, boxes, n_boxes);

  g_return_val_if_fail (lines != NULL || n_boxes == 0, self);

  self->lines = g_new0 (guint, MAX (self->n_chars, 1));
  for (guint i = 0; i < self->n_chars; i++)
    self->lines[i] = i < n_boxes ? lines[i] : (i > 0 ? self->lines[i - 1] : 0);

  return self;
}

/**
 * pb_page_text_ref:
 * @self: a page's text
 *
 * Returns: (transfer full): @self, with one more reference; it may be
 *   shared between threads
 */
PbPageText *
pb_page_text_ref (PbPageText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pb_page_text_unref:
 * @self: (transfer full): a page's text
 *
 * Drops a reference; the last frees the text.
 */
void
pb_page_text_unref (PbPageText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->offsets);
      g_free (self->boxes);
      g_free (self->lines);
      g_free (self);
    }
}

/**
 * pb_page_text_get_page:
 * @self: a page's text
 *
 * Returns: the index of its page, from 0
 */
guint
pb_page_text_get_page (const PbPageText *self)
{
  return self->page;
}

/**
 * pb_page_text_get_n_chars:
 * @self: a page's text
 *
 * Returns: how many characters (Unicode code points) the text has: the
 *   indexes the other functions take run from 0 to this
 */
guint
pb_page_text_get_n_chars (const PbPageText *self)
{
  return self->n_chars;
}

/**
 * pb_page_text_get_text:
 *
 * Returns: (transfer none): the whole text, nul-terminated, lines separated
 *   by "\n"
 */
const char *
pb_page_text_get_text (const PbPageText *self)
{
  return self->text;
}

/**
 * pb_page_text_get_box:
 * @index: a character index, below pb_page_text_get_n_chars()
 *
 * Returns: the character's box, in PDF points from the displayed page's top
 *   left; an empty one for a space or line break the page does not print
 */
const PbRect *
pb_page_text_get_box (const PbPageText *self,
                      guint             index)
{
  g_return_val_if_fail (index < self->n_chars, NULL);
  return &self->boxes[index];
}

/**
 * pb_page_text_get_offset:
 * @index: a character index, up to pb_page_text_get_n_chars ()
 *
 * Returns: the byte offset in the text of character @index (of the text's
 *   end, for pb_page_text_get_n_chars ())
 */
gsize
pb_page_text_get_offset (const PbPageText *self,
                         guint             index)
{
  return self->offsets[MIN (index, self->n_chars)];
}

static gboolean
is_line_break (const PbPageText *self,
               guint             i)
{
  return self->text[self->offsets[i]] == '\n';
}

/* Characters @a and @a + 1 are on one printed line: as the text says where
 * it knows its lines (a word joined over a line end is on two), else as
 * its line breaks do. */
static gboolean
same_line (const PbPageText *self,
           guint             a)
{
  if (is_line_break (self, a) || is_line_break (self, a + 1))
    return FALSE;
  return self->lines == NULL || self->lines[a] == self->lines[a + 1];
}

/**
 * pb_page_text_get_line_bounds:
 * @index: a caret place, before character @index: from 0 to
 *   pb_page_text_get_n_chars () (the text's end)
 * @start: (out): the index of the first character of the printed line the
 *   place is on
 * @end: (out): the index just after its last character (where its line
 *   break is, or the text's end)
 *
 * The printed line a caret is on, for moving it a line up or down or to
 * the line's start or end. A place before a line break (or at the text's
 * end) is on the line that break ends; on an empty line, @start and @end
 * are both @index.
 */
void
pb_page_text_get_line_bounds (const PbPageText *self,
                              guint             index,
                              guint            *start,
                              guint            *end)
{
  guint i, s, e;

  g_return_if_fail (self != NULL && start != NULL && end != NULL);

  index = MIN (index, self->n_chars);
  i = index;
  if (i == self->n_chars || is_line_break (self, i))
    {
      if (i == 0 || is_line_break (self, i - 1))
        {
          *start = *end = index;
          return;
        }
      i--;
    }

  for (s = i; s > 0 && same_line (self, s - 1); s--)
    ;
  for (e = i + 1; e < self->n_chars && same_line (self, e - 1); e++)
    ;
  *start = s;
  *end = e;
}

/**
 * pb_page_text_skip_paragraph_number:
 * @index: a character index, up to pb_page_text_get_n_chars ()
 *
 * Where a passage starting at @index starts without a numbered
 * paragraph's number: a line that starts with one to three digits, a full
 * stop and a space (or its end), as the structure reader numbers
 * paragraphs ("12. Children…").
 *
 * Returns: with @index in such a number or the spaces after it, the index
 *   of the first character after them; else @index
 */
guint
pb_page_text_skip_paragraph_number (const PbPageText *self,
                                    guint             index)
{
  guint line = MIN (index, self->n_chars);
  guint i, digits = 0;

  g_return_val_if_fail (self != NULL, index);

  while (line > 0 && !is_line_break (self, line - 1))
    line--;

  for (i = line; i < self->n_chars && g_ascii_isdigit (self->text[self->offsets[i]]); i++)
    digits++;
  if (digits == 0 || digits > 3 || i >= self->n_chars || self->text[self->offsets[i]] != '.')
    return index;
  i++;
  if (i < self->n_chars && self->text[self->offsets[i]] != ' ' && !is_line_break (self, i))
    return index;
  while (i < self->n_chars && (self->text[self->offsets[i]] == ' ' || is_line_break (self, i)))
    i++;

  return index < i ? i : index;
}

/**
 * pb_page_text_index_at_point:
 *
 * Returns: the index of the character at (@x, @y) in PDF points; off any
 *   character, the nearest one on the nearest line; -1 on a page with no text
 */
int
pb_page_text_index_at_point (const PbPageText *self,
                             double            x,
                             double            y)
{
  double best_line = G_MAXDOUBLE;
  double best_x = G_MAXDOUBLE;
  int best = -1;

  for (guint i = 0; i < self->n_chars; i++)
    {
      const PbRect *b = &self->boxes[i];
      double dy, dx;

      if (is_line_break (self, i))
        continue;

      if (x >= b->x1 && x <= b->x2 && y >= b->y1 && y <= b->y2)
        {
          /* In the right half of a character, the selection ends after it. */
          return (x > (b->x1 + b->x2) / 2) ? (int)i + 1 : (int)i;
        }

      dy = y < b->y1 ? b->y1 - y : (y > b->y2 ? y - b->y2 : 0);
      dx = x < b->x1 ? b->x1 - x : (x > b->x2 ? x - b->x2 : 0);

      if (dy < best_line - 0.5 || (fabs (dy - best_line) <= 0.5 && dx < best_x))
        {
          best_line = dy;
          best_x = dx;
          best = (x > b->x2) ? (int)i + 1 : (int)i;
        }
    }

  return best;
}

/**
 * pb_page_text_dup_range:
 * @self: a page's text
 * @start: the first character's index
 * @end: the index just after the last; a range past the text is cut to it
 *
 * Returns: (transfer full): the text of characters @start to @end
 *   (exclusive), lines separated by "\n"; "" for an empty range
 */
char *
pb_page_text_dup_range (const PbPageText *self,
                        guint             start,
                        guint             end)
{
  start = MIN (start, self->n_chars);
  end = MIN (MAX (end, start), self->n_chars);

  return g_strndup (self->text + self->offsets[start],
                    self->offsets[end] - self->offsets[start]);
}

/**
 * pb_page_text_get_range_rects:
 *
 * Returns: (transfer full) (element-type PbRect): one rectangle per line
 *   covered by characters @start to @end (exclusive)
 */
GArray *
pb_page_text_get_range_rects (const PbPageText *self,
                              guint             start,
                              guint             end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (PbRect));
  PbRect line = { 0 };
  guint line_id = 0;
  gboolean open = FALSE;

  start = MIN (start, self->n_chars);
  end = MIN (end, self->n_chars);

  for (guint i = start; i < end; i++)
    {
      const PbRect *b = &self->boxes[i];
      double mid = (b->y1 + b->y2) / 2;
      gboolean same_line;

      if (is_line_break (self, i) || b->x2 <= b->x1 || b->y2 <= b->y1)
        continue;

      /* Same line: as the text says where it knows; else vertically
       * overlapping and moving right. */
      if (self->lines != NULL)
        same_line = open && self->lines[i] == line_id;
      else
        same_line = open && mid >= line.y1 && mid <= line.y2 && b->x1 >= line.x1 - 1;

      if (same_line)
        {
          line.x1 = MIN (line.x1, b->x1);
          line.x2 = MAX (line.x2, b->x2);
          line.y1 = MIN (line.y1, b->y1);
          line.y2 = MAX (line.y2, b->y2);
          continue;
        }

      if (open)
        g_array_append_val (rects, line);
      line = *b;
      line_id = self->lines != NULL ? self->lines[i] : 0;
      open = TRUE;
    }

  if (open)
    g_array_append_val (rects, line);

  return rects;
}
