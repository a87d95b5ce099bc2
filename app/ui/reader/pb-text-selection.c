/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-selection"

#include "config.h"

#include <math.h>

#include "pb-text-pages.h"
#include "pb-text-selection.h"

/* The text chosen between two points of a document, as a drag chooses it:
 * from the point where it started to where it is now, through every page
 * between, in reading order; by characters, or grown out to whole words or
 * lines (a double or triple click, and a finding's quote, which never ends
 * mid-word). Pages' text is read on the document's worker
 * as the selection reaches them; until a page's text arrives the page is
 * left out, and "changed" says when it comes. No widget in here: the page
 * view turns pointer positions into points on pages. */

typedef struct
{
  guint    page;
  double   x;      /* PDF points */
  double   y;
  gboolean set;
  int      index;  /* a character of the page's text (the keyboard and the
                    * Text view choose these), or -1 for the point */
} PagePoint;

struct _PbTextSelection
{
  GObject       parent_instance;

  PbDocument   *document;
  GCancellable *cancellable;
  GHashTable   *page_texts;      /* page -> PbPageText */
  GHashTable   *requested;       /* pages whose text is on its way */
  GHashTable   *page_chars;      /* page -> GArray of gunichar, for word edges */
  PagePoint     anchor;
  PagePoint     focus;
  PbSelectUnit  unit;
};

G_DEFINE_FINAL_TYPE (PbTextSelection, pb_text_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * pb_selection_span_free:
 * @span: (nullable): a span from pb_text_selection_get_spans()
 */
void
pb_selection_span_free (PbSelectionSpan *span)
{
  if (span == NULL)
    return;
  g_clear_pointer (&span->rects, g_array_unref);
  g_free (span->text);
  g_free (span);
}

static void
page_text_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbTextSelection) self = user_data;
  g_autoptr(GError) error = NULL;
  PbPageText *text;

  text = pb_document_get_page_text_finish (PB_DOCUMENT (object), result, &error);
  if (text == NULL)
    return;

  if (PB_DOCUMENT (object) != self->document)
    {
      pb_page_text_unref (text);
      return;
    }

  g_hash_table_insert (self->page_texts, GUINT_TO_POINTER (pb_page_text_get_page (text)), text);
  g_hash_table_remove (self->page_chars, GUINT_TO_POINTER (pb_page_text_get_page (text)));
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
ensure_page_text (PbTextSelection *self,
                  guint            page)
{
  if (g_hash_table_contains (self->page_texts, GUINT_TO_POINTER (page)) ||
      g_hash_table_contains (self->requested, GUINT_TO_POINTER (page)))
    return;

  g_hash_table_add (self->requested, GUINT_TO_POINTER (page));
  pb_document_get_page_text_async (self->document, page, self->cancellable,
                                   page_text_ready_cb, g_object_ref (self));
}

static PbSelectionSpan *
make_span (PbPageText *text,
           guint       start,
           guint       end)
{
  PbSelectionSpan *span;

  if (end <= start)
    return NULL;

  span = g_new0 (PbSelectionSpan, 1);
  span->page = pb_page_text_get_page (text);
  span->rects = pb_page_text_get_range_rects (text, start, end);
  span->text = pb_page_text_dup_range (text, start, end);
  return span;
}

/* The page's characters, one gunichar each, indexed as its text's are. */
static GArray *
page_chars (PbTextSelection *self,
            PbPageText      *text)
{
  guint page = pb_page_text_get_page (text);
  GArray *chars = g_hash_table_lookup (self->page_chars, GUINT_TO_POINTER (page));
  g_autofree char *all = NULL;

  if (chars != NULL)
    return chars;

  all = pb_page_text_dup_range (text, 0, pb_page_text_get_n_chars (text));
  chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), pb_page_text_get_n_chars (text));
  for (const char *p = all; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_array_append_val (chars, c);
    }
  g_hash_table_insert (self->page_chars, GUINT_TO_POINTER (page), chars);
  return chars;
}

/* A letter or digit, or an apostrophe or hyphen inside a word ("children's",
 * "well-being"). */
static gboolean
in_word (GArray *chars,
         guint   i)
{
  gunichar c;

  if (i >= chars->len)
    return FALSE;
  c = g_array_index (chars, gunichar, i);
  if (g_unichar_isalnum (c))
    return TRUE;
  if (c == '\'' || c == 0x2019 || c == '-' || c == 0x2010)
    return i > 0 && i + 1 < chars->len &&
           g_unichar_isalnum (g_array_index (chars, gunichar, i - 1)) &&
           g_unichar_isalnum (g_array_index (chars, gunichar, i + 1));
  return FALSE;
}

static gboolean
at_line_break (GArray *chars,
               guint   i)
{
  return i >= chars->len || g_array_index (chars, gunichar, i) == '\n';
}

/* Moves a start index back to the start of the word or line it is in; a
 * start between words stays where it is. */
static guint
grow_back (GArray       *chars,
           guint         i,
           PbSelectUnit  unit)
{
  i = MIN (i, chars->len);
  if (unit == PB_SELECT_WORDS && in_word (chars, i))
    while (i > 0 && in_word (chars, i - 1))
      i--;
  else if (unit == PB_SELECT_LINES)
    while (i > 0 && !at_line_break (chars, i - 1))
      i--;
  return i;
}

/* Moves an end index on to the end of the word or line it is in; an end
 * between words stays where it is. */
static guint
grow_forward (GArray       *chars,
              guint         i,
              PbSelectUnit  unit)
{
  i = MIN (i, chars->len);
  if (unit == PB_SELECT_WORDS && i > 0 && in_word (chars, i - 1))
    while (i < chars->len && in_word (chars, i))
      i++;
  else if (unit == PB_SELECT_LINES)
    while (i < chars->len && !at_line_break (chars, i))
      i++;
  return i;
}

/* A click, not a drag: the word under it (or just before it, clicked on
 * its right-hand edge), or its line. */
static void
grow_point (GArray       *chars,
            guint        *from,
            guint        *to,
            PbSelectUnit  unit)
{
  guint i = MIN (*from, chars->len);

  if (unit == PB_SELECT_WORDS && !in_word (chars, i) && i > 0 && in_word (chars, i - 1))
    i--;
  if (unit == PB_SELECT_WORDS && !in_word (chars, i))
    {
      /* On a space or a stop: that character alone. */
      *from = i;
      *to = MIN (i + 1, chars->len);
      return;
    }

  *from = grow_back (chars, i, unit);
  *to = grow_forward (chars, MIN (i + 1, chars->len), unit);
}

/* The character a selection's end is at: the one chosen, or the one at
 * its point. */
static int
point_index (PbPageText      *text,
             const PagePoint *point)
{
  if (point->index >= 0)
    return MIN (point->index, (int)pb_page_text_get_n_chars (text));
  return MAX (pb_page_text_index_at_point (text, point->x, point->y), 0);
}

/* The selection's ends in reading order: a point a little above another
 * on the same page, or on the same line and to its left, comes first; a
 * character chosen by the keyboard is where its index puts it. FALSE with
 * nothing selected. */
static gboolean
ordered_ends (PbTextSelection *self,
              PagePoint       *start,
              PagePoint       *end)
{
  if (!self->anchor.set || !self->focus.set || self->document == NULL)
    return FALSE;

  *start = self->anchor;
  *end = self->focus;
  if (start->page == end->page && (start->index >= 0 || end->index >= 0))
    {
      PbPageText *text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (start->page));

      if (text != NULL && point_index (text, end) < point_index (text, start))
        {
          *start = self->focus;
          *end = self->anchor;
        }
    }
  else if (end->page < start->page ||
           (end->page == start->page && (end->y < start->y - 4 ||
                                         (fabs (end->y - start->y) <= 4 && end->x < start->x))))
    {
      *start = self->focus;
      *end = self->anchor;
    }
  return TRUE;
}

/* The characters of @text's page the selection from @start to @end (in
 * reading order) takes, its ends grown to @unit. */
static void
page_bounds (PbTextSelection *self,
             PbPageText      *text,
             const PagePoint *start,
             const PagePoint *end,
             PbSelectUnit     unit,
             int             *from,
             int             *to)
{
  guint page = pb_page_text_get_page (text);

  *from = 0;
  *to = (int)pb_page_text_get_n_chars (text);
  if (page == start->page)
    *from = point_index (text, start);
  if (page == end->page)
    *to = point_index (text, end);

  if (page == start->page && page == end->page && *to < *from)
    {
      int t = *to;
      *to = *from;
      *from = t;
    }

  if (unit != PB_SELECT_CHARS)
    {
      GArray *chars = page_chars (self, text);

      if (start->page == end->page && *from == *to)
        {
          guint f = (guint)*from, t = (guint)*to;

          grow_point (chars, &f, &t, unit);
          *from = (int)f;
          *to = (int)t;
        }
      else
        {
          if (page == start->page)
            *from = (int)grow_back (chars, (guint)*from, unit);
          if (page == end->page)
            *to = (int)grow_forward (chars, (guint)*to, unit);
        }
    }
}

static void
pb_text_selection_dispose (GObject *object)
{
  PbTextSelection *self = (PbTextSelection *)object;

  pb_text_selection_set_document (self, NULL);

  G_OBJECT_CLASS (pb_text_selection_parent_class)->dispose (object);
}

static void
pb_text_selection_finalize (GObject *object)
{
  PbTextSelection *self = (PbTextSelection *)object;

  g_clear_pointer (&self->page_texts, g_hash_table_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_pointer (&self->page_chars, g_hash_table_unref);

  G_OBJECT_CLASS (pb_text_selection_parent_class)->finalize (object);
}

static void
pb_text_selection_class_init (PbTextSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_text_selection_dispose;
  object_class->finalize = pb_text_selection_finalize;

  /**
   * PbTextSelection::changed:
   *
   * Emitted when the selection moves or is cleared, and when the text of a
   * page it covers arrives.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pb_text_selection_init (PbTextSelection *self)
{
  self->page_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)pb_page_text_unref);
  self->requested = g_hash_table_new (NULL, NULL);
  self->page_chars = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
}

/**
 * pb_text_selection_new:
 *
 * Returns: (transfer full): an empty selection, of no document
 */
PbTextSelection *
pb_text_selection_new (void)
{
  return g_object_new (PB_TYPE_TEXT_SELECTION, NULL);
}

/**
 * pb_text_selection_set_document:
 * @document: (nullable): the document to select in
 *
 * Starts again on @document: nothing selected, no page's text read yet.
 * Text still being read for the previous document is not waited for.
 */
void
pb_text_selection_set_document (PbTextSelection *self,
                                PbDocument      *document)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));
  g_return_if_fail (!document || PB_IS_DOCUMENT (document));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->page_texts);
  g_hash_table_remove_all (self->requested);
  g_hash_table_remove_all (self->page_chars);
  self->anchor.set = self->focus.set = FALSE;
  self->unit = PB_SELECT_CHARS;

  if (document != NULL)
    self->cancellable = g_cancellable_new ();
}

/**
 * pb_text_selection_select:
 * @anchor_page: where the selection starts, page from 0
 * @anchor_x: and on that page, in PDF points from its left edge
 * @anchor_y: likewise, from its top edge
 * @focus_page: where it ends, page from 0
 * @focus_x: in PDF points from that page's left edge
 * @focus_y: likewise, from its top edge
 *
 * Selects the text between two points, as a drag from one to the other
 * would; either may come first in the document.
 */
void
pb_text_selection_select (PbTextSelection *self,
                          guint            anchor_page,
                          double           anchor_x,
                          double           anchor_y,
                          guint            focus_page,
                          double           focus_x,
                          double           focus_y)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));

  if (self->document == NULL)
    return;

  self->anchor = (PagePoint) { anchor_page, anchor_x, anchor_y, TRUE, -1 };
  self->focus = (PagePoint) { focus_page, focus_x, focus_y, TRUE, -1 };

  for (guint page = MIN (anchor_page, focus_page); page <= MAX (anchor_page, focus_page); page++)
    ensure_page_text (self, page);

  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * pb_text_selection_extend:
 * @focus_page: the new end, page from 0
 * @focus_x: in PDF points from that page's left edge
 * @focus_y: likewise, from its top edge
 *
 * Moves the end of the selection, keeping where it started, as Shift+click
 * does; with nothing selected, selects from that point to itself.
 */
void
pb_text_selection_extend (PbTextSelection *self,
                          guint            focus_page,
                          double           focus_x,
                          double           focus_y)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));

  if (!self->anchor.set)
    {
      pb_text_selection_select (self, focus_page, focus_x, focus_y, focus_page, focus_x, focus_y);
      return;
    }

  if (self->anchor.index >= 0)
    {
      PagePoint anchor = self->anchor;

      pb_text_selection_select (self, anchor.page, 0, 0, focus_page, focus_x, focus_y);
      self->anchor = anchor;
      g_signal_emit (self, signals [CHANGED], 0);
      return;
    }

  pb_text_selection_select (self, self->anchor.page, self->anchor.x, self->anchor.y,
                            focus_page, focus_x, focus_y);
}

/**
 * pb_text_selection_set_unit:
 * @unit: what the selection grows by from now on
 *
 * A double click selects words, and a drag that follows it goes on by
 * words; a triple click, lines. Starting again (a single click) goes back
 * to characters.
 */
void
pb_text_selection_set_unit (PbTextSelection *self,
                            PbSelectUnit     unit)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));
  g_return_if_fail (unit <= PB_SELECT_LINES);

  if (self->unit == unit)
    return;

  self->unit = unit;
  if (self->anchor.set)
    g_signal_emit (self, signals [CHANGED], 0);
}

PbSelectUnit
pb_text_selection_get_unit (PbTextSelection *self)
{
  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), PB_SELECT_CHARS);
  return self->unit;
}

/**
 * pb_text_selection_clear:
 *
 * Selects nothing; says so only if something was selected.
 */
void
pb_text_selection_clear (PbTextSelection *self)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));

  if (!self->anchor.set)
    return;

  self->anchor.set = FALSE;
  self->focus.set = FALSE;
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * pb_text_selection_is_active:
 *
 * Returns: whether a selection has been made, even before any of its text
 *   has arrived
 */
gboolean
pb_text_selection_is_active (PbTextSelection *self)
{
  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), FALSE);
  return self->anchor.set;
}

/**
 * pb_text_selection_get_spans:
 *
 * Returns: (transfer container) (element-type PbSelectionSpan): the
 *   selection, one span per page, in reading order; pages whose text is
 *   still loading are left out until it arrives
 */
GPtrArray *
pb_text_selection_get_spans (PbTextSelection *self)
{
  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), NULL);
  return pb_text_selection_get_spans_by (self, self->unit);
}

/**
 * pb_text_selection_get_spans_by:
 * @unit: the least the ends are grown to: %PB_SELECT_WORDS for a finding's
 *   quote, which must not start or end in the middle of a word
 *
 * Returns: (transfer container) (element-type PbSelectionSpan): the
 *   selection as pb_text_selection_get_spans () gives it, its ends grown out
 *   to whole @unit (or to the selection's own unit, if larger)
 */
GPtrArray *
pb_text_selection_get_spans_by (PbTextSelection *self,
                                PbSelectUnit     unit)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_selection_span_free);
  PagePoint start, end;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), spans);

  if (!ordered_ends (self, &start, &end))
    return spans;

  unit = MAX (unit, self->unit);
  for (guint page = start.page; page <= end.page; page++)
    {
      PbPageText *text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page));
      PbSelectionSpan *span;
      int from, to;

      if (text == NULL)
        continue;

      page_bounds (self, text, &start, &end, unit, &from, &to);
      if ((span = make_span (text, (guint)from, (guint)to)))
        g_ptr_array_add (spans, span);
    }

  return spans;
}

/**
 * pb_text_selection_skip_paragraph_number:
 * @unit: the least the ends are grown to, as for
 *   pb_text_selection_get_spans_by ()
 *
 * A selection that starts in a numbered paragraph's number ("12. " at a
 * line's start, as the structure reader numbers paragraphs) is made to
 * start after it, its ends grown to @unit: the number is the report's
 * numbering, not the passage's words, so a finding's quote and anchors
 * leave it out. A selection of the number alone is left as it is.
 *
 * Returns: whether the selection changed ("changed" is emitted)
 */
gboolean
pb_text_selection_skip_paragraph_number (PbTextSelection *self,
                                         PbSelectUnit     unit)
{
  PbPageText *first, *last;
  PagePoint start, end;
  int from, to, unused;
  guint after;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), FALSE);

  if (!ordered_ends (self, &start, &end) ||
      !(first = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (start.page))) ||
      !(last = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (end.page))))
    return FALSE;

  unit = MAX (unit, self->unit);
  page_bounds (self, first, &start, &end, unit, &from, &unused);
  page_bounds (self, last, &start, &end, unit, &unused, &to);
  after = pb_page_text_skip_paragraph_number (first, (guint)from);
  if (after == (guint)from || (start.page == end.page && (guint)to <= after))
    return FALSE;

  /* The ends as grown: by characters from here on, or a selection by
   * lines would grow back over the number again. */
  self->anchor = (PagePoint) { start.page, 0, 0, TRUE, (int)after };
  self->focus = (PagePoint) { end.page, 0, 0, TRUE, to };
  self->unit = PB_SELECT_CHARS;
  g_signal_emit (self, signals [CHANGED], 0);
  return TRUE;
}

/**
 * pb_text_selection_dup_text:
 *
 * Returns: (transfer full): the words selected, a page's words on a new
 *   line after the previous page's, a word broken by a hyphen at a line end
 *   joined (pb_text_join_broken_words ()); "" for none
 */
char *
pb_text_selection_dup_text (PbTextSelection *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  GString *text;
  char *joined;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), g_strdup (""));

  text = g_string_new (NULL);

  spans = pb_text_selection_get_spans (self);
  for (guint i = 0; i < spans->len; i++)
    {
      PbSelectionSpan *span = g_ptr_array_index (spans, i);

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, span->text);
    }

  /* Read as search and quotes read it: a word broken at a line end (or at
   * the foot of a page) whole, as a soft hyphen's already is. */
  joined = pb_text_join_broken_words (text->str);
  g_string_free (text, TRUE);
  return joined;
}

/**
 * pb_text_selection_select_range:
 * @anchor_page: where the selection starts, page index from 0
 * @anchor_index: and on that page, a character index of its text (as
 *   pb_page_text_get_n_chars () counts them); past the end means the end
 * @focus_page: where it ends, page index from 0
 * @focus_index: a character index of that page's text
 *
 * Selects the characters between two places in the pages' text, as the
 * keyboard and the Text view choose them: the selection's end is before
 * @focus_index, or after it when the focus comes first. Pages' text not
 * read yet is asked for; "changed" says when it arrives.
 */
void
pb_text_selection_select_range (PbTextSelection *self,
                                guint            anchor_page,
                                guint            anchor_index,
                                guint            focus_page,
                                guint            focus_index)
{
  g_return_if_fail (PB_IS_TEXT_SELECTION (self));

  if (self->document == NULL)
    return;

  self->anchor = (PagePoint) { anchor_page, 0, 0, TRUE, (int)MIN (anchor_index, G_MAXINT) };
  self->focus = (PagePoint) { focus_page, 0, 0, TRUE, (int)MIN (focus_index, G_MAXINT) };

  for (guint page = MIN (anchor_page, focus_page); page <= MAX (anchor_page, focus_page); page++)
    ensure_page_text (self, page);

  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * pb_text_selection_get_page_text:
 * @page: a page index, from 0
 *
 * The page's text if it has been read; if not, it is asked for, and
 * "changed" is emitted when it arrives.
 *
 * Returns: (transfer none) (nullable): the page's text, or %NULL for now
 */
PbPageText *
pb_text_selection_get_page_text (PbTextSelection *self,
                                 guint            page)
{
  PbPageText *text;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), NULL);

  if (self->document == NULL || page >= pb_document_get_n_pages (self->document))
    return NULL;

  if (!(text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page))))
    ensure_page_text (self, page);
  return text;
}

/**
 * pb_text_selection_get_ends:
 * @anchor_page: (out) (optional): the page index the selection starts on
 * @anchor_index: (out) (optional): the character index it starts at there
 * @focus_page: (out) (optional): the page index of its moving end
 * @focus_index: (out) (optional): the character index of that end
 *
 * Where the selection's two ends are in the pages' text, for the keyboard
 * to move its end on by characters or words.
 *
 * Returns: %FALSE with nothing selected, or before the text of an end's
 *   page has arrived
 */
gboolean
pb_text_selection_get_ends (PbTextSelection *self,
                            guint           *anchor_page,
                            guint           *anchor_index,
                            guint           *focus_page,
                            guint           *focus_index)
{
  PbPageText *anchor_text, *focus_text;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), FALSE);

  if (!self->anchor.set || !self->focus.set)
    return FALSE;

  anchor_text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (self->anchor.page));
  focus_text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (self->focus.page));
  if (anchor_text == NULL || focus_text == NULL)
    return FALSE;

  if (anchor_page != NULL)
    *anchor_page = self->anchor.page;
  if (anchor_index != NULL)
    *anchor_index = (guint)point_index (anchor_text, &self->anchor);
  if (focus_page != NULL)
    *focus_page = self->focus.page;
  if (focus_index != NULL)
    *focus_index = (guint)point_index (focus_text, &self->focus);
  return TRUE;
}

/**
 * pb_text_selection_word_edge:
 * @text: a page's text
 * @index: a character index of it
 * @forward: %TRUE for the end of the word at or after @index, %FALSE for
 *   the start of the word before it
 *
 * Where Ctrl+Right (or Ctrl+Left) takes a caret: words as a double click
 * takes them ("children's" and "well-being" one word each).
 *
 * Returns: a character index of @text
 */
guint
pb_text_selection_word_edge (PbTextSelection *self,
                             PbPageText      *text,
                             guint            index,
                             gboolean         forward)
{
  GArray *chars;

  g_return_val_if_fail (PB_IS_TEXT_SELECTION (self), index);
  g_return_val_if_fail (text != NULL, index);

  chars = page_chars (self, text);
  index = MIN (index, chars->len);
  if (forward)
    {
      while (index < chars->len && !in_word (chars, index))
        index++;
      while (index < chars->len && in_word (chars, index))
        index++;
    }
  else
    {
      while (index > 0 && !in_word (chars, index - 1))
        index--;
      while (index > 0 && in_word (chars, index - 1))
        index--;
    }
  return index;
}
