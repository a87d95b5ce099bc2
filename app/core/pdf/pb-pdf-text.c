/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-page-text-private.h"
#include "pb-pdf-glyphs-private.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-text-fold.h"

/* Page text in reading order, with the word breaks a reader sees: the one
 * page-text builder, whose text import stores (and so search indexes and the
 * structure reader reads), and whose characters and boxes selection, quote
 * matching and highlights use.
 *
 * poppler_page_get_text () orders the text well but glues together words that
 * sit apart on the page with no space character between them: table cells
 * ("JudgementGrade"), list numbers ("1.Not"), columns. Each character's box
 * (paired with it in pb-pdf-glyphs.c, turned upright where the page is not)
 * tells where those gaps are, so a space or line break goes back wherever the
 * boxes say there is one.
 *
 * Every character goes through pb_text_normalize_char (): ligature glyphs
 * become their letters (each with its share of the glyph's box), soft hyphens
 * and bidirectional marks go. A word broken at a line end by a soft hyphen is
 * joined again, the hyphen's box kept with the word's first half so that a
 * highlight covers it. A hard hyphen at a line end stays, with its line break:
 * in the reports this reads, it is nearly always a compound's own ("long-term",
 * "multi-agency"), which joining would spoil. Search finds the word it may
 * split from the passages pb_text_page_extras () makes, and quote matching
 * never sees hyphens or line breaks at all. */

/* A gap wider than this fraction of the line height separates two words. */
#define WORD_GAP_RATIO 0.18

/* A footnote mark: glyphs less than this share of the height of the letter
 * before, their foot raised above its foot by more than this share of it. */
#define RAISED_SIZE_RATIO 0.8
#define RAISED_LIFT_RATIO 0.2

typedef struct
{
  GString  *text;
  GArray   *boxes;          /* PbRect, one per character of text; NULL for text only */
  GArray   *lines;          /* guint, the printed line of each */
  guint     line;
  gboolean  have_prev;      /* prev_up and prev_box hold the last glyph written */
  PbRect    prev_up;
  PbRect    prev_box;
  guint     prev_group;
  gboolean  soft_hyphen;    /* a soft hyphen ends what is written so far */
  gunichar  last;           /* the last character written, or 0 */
} TextBuilder;

static gunichar
last_char (TextBuilder *b)
{
  return b->last;
}

static gboolean
ends_with_space (TextBuilder *b)
{
  gunichar c = b->last;

  return c == 0 || c == ' ' || c == '\n';
}

static void
emit (TextBuilder  *b,
      gunichar      c,
      const PbRect *box)
{
  if (c < 0x80)
    g_string_append_c (b->text, (char)c);
  else
    g_string_append_unichar (b->text, c);
  if (b->boxes != NULL)
    {
      g_array_append_val (b->boxes, *box);
      g_array_append_val (b->lines, b->line);
    }
  b->last = c;
}

/* Takes back the last character written. */
static void
unemit (TextBuilder *b)
{
  const char *last = g_utf8_prev_char (b->text->str + b->text->len);

  g_string_truncate (b->text, last - b->text->str);
  if (b->boxes != NULL)
    {
      g_array_set_size (b->boxes, b->boxes->len - 1);
      g_array_set_size (b->lines, b->lines->len - 1);
    }
  b->last = b->text->len > 0 ? g_utf8_get_char (g_utf8_prev_char (b->text->str + b->text->len)) : 0;
}

static PbRect *
last_box (TextBuilder *b)
{
  return &g_array_index (b->boxes, PbRect, b->boxes->len - 1);
}

/* An empty box where the last glyph ends, for a space or line break. */
static PbRect
empty_box (TextBuilder *b)
{
  if (b->boxes == NULL || b->boxes->len == 0)
    return (PbRect) { 0, 0, 0, 0 };
  return (PbRect) { last_box (b)->x2, last_box (b)->y1, last_box (b)->x2, last_box (b)->y1 };
}

static void
merge_box (PbRect       *into,
           const PbRect *box)
{
  into->x1 = MIN (into->x1, box->x1);
  into->y1 = MIN (into->y1, box->y1);
  into->x2 = MAX (into->x2, box->x2);
  into->y2 = MAX (into->y2, box->y2);
}

static void
trim_trailing_spaces (TextBuilder *b)
{
  while (last_char (b) == ' ')
    unemit (b);
}

static void
builder_space (TextBuilder *b)
{
  PbRect box;

  if (ends_with_space (b))
    return;
  box = empty_box (b);
  emit (b, ' ', &box);
}

static void
builder_newline (TextBuilder *b)
{
  PbRect box;

  b->have_prev = FALSE;
  trim_trailing_spaces (b);

  if (b->text->len == 0 || last_char (b) == '\n')
    return;

  b->line++;

  /* A soft hyphen says the word goes on on the next line. */
  if (b->soft_hyphen)
    {
      b->soft_hyphen = FALSE;
      return;
    }

  box = empty_box (b);
  emit (b, '\n', &box);
}

/* Splits @box into @n equal parts along its line: the letters of a ligature. */
static PbRect
part_of_box (const PbGlyph *g,
             guint          i,
             guint          n)
{
  PbRect r = g->box;
  gboolean reversed = g->dir == PB_TEXT_DIR_LEFT || g->dir == PB_TEXT_DIR_UP;
  guint k = reversed ? n - 1 - i : i;

  if (n <= 1)
    return r;

  if (g->dir == PB_TEXT_DIR_RIGHT || g->dir == PB_TEXT_DIR_LEFT)
    {
      double w = (g->box.x2 - g->box.x1) / n;
      r.x1 = g->box.x1 + w * k;
      r.x2 = r.x1 + w;
    }
  else
    {
      double h = (g->box.y2 - g->box.y1) / n;
      r.y1 = g->box.y1 + h * k;
      r.y2 = r.y1 + h;
    }

  return r;
}

/* Puts back the space or line break that the glyph's place says comes before
 * it. */
static void
builder_gap (TextBuilder   *b,
             const PbGlyph *g,
             const PbRect  *up)
{
  double height = MAX (up->y2 - up->y1, b->prev_up.y2 - b->prev_up.y1);
  double prev_mid = (b->prev_up.y1 + b->prev_up.y2) / 2;
  double gap = up->x1 - b->prev_up.x2;

  if (height <= 0)
    height = 1;

  /* Below or above the previous glyph's line, or back to its left: a new line
   * that poppler ran on without a break. */
  if (prev_mid < up->y1 || prev_mid > up->y2 || gap < -height)
    builder_newline (b);
  else if (gap > height * WORD_GAP_RATIO)
    builder_space (b);
}

/* Whether @small is set smaller than @big and raised above its line. */
static gboolean
is_raised (const PbRect *small,
           const PbRect *big)
{
  double hs = small->y2 - small->y1;
  double hb = big->y2 - big->y1;

  return hs > 0 && hb > 0 && hs < hb * RAISED_SIZE_RATIO &&
         small->y2 < big->y2 - hb * RAISED_LIFT_RATIO;
}

static gboolean
is_mark_char (gunichar c)
{
  return g_unichar_isdigit (c) || c == '*' || c == 0x2020 || c == 0x2021;
}

/* Whether a word break goes between the glyph before and @c (upright box
 * @up), with no gap between them: a footnote mark set smaller and raised
 * straight after its word ("leavers¹²"), or a word straight after one. The
 * mark is a word of its own, so that the word it follows is found. */
static gboolean
at_raised_mark (TextBuilder  *b,
                const PbRect *up,
                gunichar      c)
{
  gunichar before = last_char (b);

  return (g_unichar_isalpha (before) && is_mark_char (c) && is_raised (up, &b->prev_up)) ||
         (is_mark_char (before) && g_unichar_isalpha (c) && is_raised (&b->prev_up, up));
}

static void
builder_glyph (TextBuilder   *b,
               const PbGlyph *g,
               const PbRect  *group_up)
{
  gunichar chars[PB_TEXT_MAX_EXPANSION];
  PbRect up;
  guint n;

  if (g->c == '\n' || g->c == '\r')
    {
      builder_newline (b);
      return;
    }

  if (g->c == 0x00AD)
    {
      /* A soft hyphen is printed only at a line end, where it joins the word
       * to the next line; its box goes with the word. */
      if (g->boxed && b->boxes != NULL && b->boxes->len > 0 && !ends_with_space (b))
        merge_box (last_box (b), &g->box);
      b->soft_hyphen = TRUE;
      return;
    }

  n = pb_text_normalize_char (g->c, chars);
  if (n == 0)
    return;

  /* Poppler's own spaces have boxes that can span the word before. */
  if (n == 1 && chars[0] == ' ')
    {
      builder_space (b);
      return;
    }

  /* Within a right-to-left run the boxes go the other way: the run is placed
   * as a whole, by its first letter. */
  up = g->group != 0 && group_up != NULL ? *group_up : _pb_glyph_up (g);
  if (g->boxed && b->have_prev && !ends_with_space (b) &&
      !(g->group != 0 && g->group == b->prev_group))
    {
      builder_gap (b, g, &up);
      if (!ends_with_space (b) && at_raised_mark (b, &up, chars[0]))
        builder_space (b);
    }

  b->soft_hyphen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      PbRect box = b->boxes == NULL ? (PbRect) { 0, 0, 0, 0 }
                   : g->boxed ? part_of_box (g, i, n) : empty_box (b);
      emit (b, chars[i], &box);
    }

  if (g->boxed)
    {
      b->have_prev = TRUE;
      b->prev_up = up;
      b->prev_box = g->box;
      b->prev_group = g->group;
    }
}

/* The box of each right-to-left run, upright, indexed by run number. */
static GArray *
group_boxes (GArray *glyphs)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (PbRect));

  for (guint i = 0; i < glyphs->len; i++)
    {
      const PbGlyph *g = &g_array_index (glyphs, PbGlyph, i);
      PbRect *r;
      PbRect up;

      if (g->group == 0 || !g->boxed)
        continue;

      if (g->group >= groups->len)
        {
          PbRect empty = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

          while (groups->len <= g->group)
            g_array_append_val (groups, empty);
        }

      r = &g_array_index (groups, PbRect, g->group);
      up = _pb_glyph_up (g);
      merge_box (r, &up);
    }

  return groups;
}

/* The glyphs of the page being read: one array per thread, kept between
 * pages, since making and touching a new one for every page costs more than
 * the rest of the builder. */
static GArray *
scratch_glyphs (void)
{
  static GPrivate key = G_PRIVATE_INIT ((GDestroyNotify)g_array_unref);
  GArray *glyphs = g_private_get (&key);

  if (glyphs == NULL)
    {
      glyphs = g_array_sized_new (FALSE, FALSE, sizeof (PbGlyph), 4096);
      g_private_set (&key, glyphs);
    }

  return glyphs;
}

/* Writes @glyphs out; with @boxes, also each character's box and line. */
static char *
build (GArray  *glyphs,
       GArray  *boxes,
       GArray  *lines)
{
  g_autoptr(GArray) groups = group_boxes (glyphs);
  TextBuilder b = { 0 };

  b.text = g_string_sized_new (glyphs->len + 64);
  b.boxes = boxes;
  b.lines = lines;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const PbGlyph *g = &g_array_index (glyphs, PbGlyph, i);

      builder_glyph (&b, g, g->group != 0 && g->group < groups->len
                              ? &g_array_index (groups, PbRect, g->group) : NULL);
    }

  trim_trailing_spaces (&b);
  if (last_char (&b) == '\n')
    unemit (&b);

  return g_string_free (b.text, FALSE);
}

static PbPageText *
build_from_glyphs (guint   page,
                   GArray *glyphs)
{
  GArray *boxes = g_array_sized_new (FALSE, FALSE, sizeof (PbRect), glyphs->len + 64);
  GArray *lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), glyphs->len + 64);
  char *text = build (glyphs, boxes, lines);
  guint n = boxes->len;

  return _pb_page_text_new_take (page, text, (PbRect *)(gpointer)g_array_free (boxes, FALSE),
                                 (guint *)(gpointer)g_array_free (lines, FALSE), n);
}

/**
 * pb_pdf_text_build:
 * @page_index: the page index, from 0, for the result
 * @text: a page's text as poppler_page_get_text () gives it
 * @rects: (array length=n_rects) (nullable): the boxes
 *   poppler_page_get_text_layout () gives for it (top-left origin); they
 *   need not be one per character
 *
 * The pure half of pb_pdf_document_read_page_text ().
 *
 * Returns: (transfer full): the page's reading text with one box per
 *   character, and the printed line of each
 */
PbPageText *
pb_pdf_text_build (guint                   page_index,
                   const char             *text,
                   const PopplerRectangle *rects,
                   guint                   n_rects)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (text != NULL, NULL);

  _pb_pdf_glyphs_align (glyphs, text, rects, n_rects, 0, 0, 0);
  return build_from_glyphs (page_index, glyphs);
}

/**
 * pb_pdf_text_from_layout:
 * @text: a page's text as poppler_page_get_text () gives it
 * @rects: (array length=n_rects) (nullable): the box of each character of
 *   @text, as poppler_page_get_text_layout () gives them (top-left origin)
 *
 * The text of pb_pdf_text_build ().
 *
 * Returns: (transfer full): the reading text
 */
char *
pb_pdf_text_from_layout (const char             *text,
                         const PopplerRectangle *rects,
                         guint                   n_rects)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (text != NULL, NULL);

  _pb_pdf_glyphs_align (glyphs, text, rects, n_rects, 0, 0, 0);
  return build (glyphs, NULL, NULL);
}

/* The page's characters and boxes, from poppler, into @glyphs. */
static void
read_glyphs (GArray      *glyphs,
             PopplerPage *page,
             int          rotation)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width = 0, height = 0;

  if (text == NULL)
    {
      g_array_set_size (glyphs, 0);
      return;
    }

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  poppler_page_get_size (page, &width, &height);

  _pb_pdf_glyphs_align (glyphs, text, rects, n_rects, rotation, width, height);
}

/**
 * pb_pdf_page_read_text:
 * @page: a page
 * @index: its index, from 0
 *
 * Reads a page with the page-text builder, without its document: a page
 * turned by /Rotate is read in the order of its places, not upright; prefer
 * pb_pdf_document_read_page_text (). Poppler is not thread-safe per
 * document: call this from the one thread that uses @page's document.
 *
 * Returns: (transfer full): its reading text, each character with its box in
 *   PDF points on the displayed page (top-left origin)
 */
PbPageText *
pb_pdf_page_read_text (PopplerPage *page,
                       guint        index)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  read_glyphs (glyphs, page, 0);
  return build_from_glyphs (index, glyphs);
}

/* A page's glyphs, from the upright copy of the document where the page is
 * turned by /Rotate (see pb_pdf_document_get_upright ()). */
static void
read_document_glyphs (GArray          *glyphs,
                      PopplerDocument *document,
                      guint            index)
{
  g_autoptr(GObject) page = NULL;
  PopplerDocument *upright;
  int rotation = 0;

  if (!(page = G_OBJECT (poppler_document_get_page (document, (int)index))))
    {
      g_array_set_size (glyphs, 0);
      return;
    }

  read_glyphs (glyphs, POPPLER_PAGE (page), 0);

  /* Turned lines on a page turned by /Rotate: read it upright instead. */
  if (_pb_pdf_glyphs_any_turned (glyphs) &&
      (upright = pb_pdf_document_get_upright (document, index, &rotation)))
    {
      g_autoptr(GObject) upright_page = G_OBJECT (poppler_document_get_page (upright, (int)index));

      if (upright_page != NULL)
        read_glyphs (glyphs, POPPLER_PAGE (upright_page), rotation);
    }
}

/**
 * pb_pdf_document_read_page_text:
 * @document: a document opened with pb_pdf_open () (or given its path with
 *   pb_pdf_document_set_path ())
 * @index: a page index, from 0
 *
 * Reads a page with the page-text builder: what import stores, search
 * indexes, selection selects and quotes are matched against. A page turned by
 * /Rotate is read upright, as upright pages are, and its boxes are given where
 * they are displayed. Poppler is not thread-safe per document: call this from
 * the one thread that uses @document.
 *
 * Returns: (transfer full): its reading text, each character with its box in
 *   PDF points on the displayed page (top-left origin); an empty text for a
 *   page that cannot be read
 */
PbPageText *
pb_pdf_document_read_page_text (PopplerDocument *document,
                                guint            index)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  read_document_glyphs (glyphs, document, index);
  return build_from_glyphs (index, glyphs);
}

/**
 * pb_pdf_page_get_reading_text:
 * @page: a page
 *
 * The text of pb_pdf_page_read_text ().
 *
 * Returns: (transfer full): the page's reading text
 */
char *
pb_pdf_page_get_reading_text (PopplerPage *page)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  read_glyphs (glyphs, page, 0);
  return build (glyphs, NULL, NULL);
}

/**
 * pb_pdf_document_get_reading_text:
 * @document: a document, as pb_pdf_document_read_page_text () takes it
 * @index: a page index, from 0
 *
 * The text of pb_pdf_document_read_page_text (), without the boxes: what
 * import stores.
 *
 * Returns: (transfer full): the page's reading text, lines separated by "\n"
 */
char *
pb_pdf_document_get_reading_text (PopplerDocument *document,
                                  guint            index)
{
  GArray *glyphs = scratch_glyphs ();

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  read_document_glyphs (glyphs, document, index);
  return build (glyphs, NULL, NULL);
}

/**
 * pb_pdf_page_guess_heading:
 * @page: a page, usually a document's first
 *
 * The text of the first run of the largest type on the page (type at least
 * nine tenths of the largest size, which is more than 15% over the size
 * most characters are set in): the document's heading, when it has one that
 * stands out from the body text. It is cleaned as pb_pdf_clean_title()
 * cleans a title.
 *
 * Returns: (transfer full) (nullable): the heading; %NULL when the page has
 *   no text, nothing stands out, or nothing useful is left
 */
char *
pb_pdf_page_guess_heading (PopplerPage *page)
{
  g_autofree char *text = NULL;
  GList *attributes;
  double largest = 0;
  double body = 0;
  glong body_chars = 0;
  glong text_len;
  GString *heading;
  gboolean started = FALSE;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  text = poppler_page_get_text (page);
  if (text == NULL || *text == '\0')
    return NULL;

  text_len = g_utf8_strlen (text, -1);
  attributes = poppler_page_get_text_attributes (page);

  /* The body size is the one most characters are set in. */
  for (GList *l = attributes; l; l = l->next)
    {
      PopplerTextAttributes *attr = l->data;
      glong chars = attr->end_index - attr->start_index + 1;

      largest = MAX (largest, attr->font_size);
      if (chars > body_chars)
        {
          body_chars = chars;
          body = attr->font_size;
        }
    }

  heading = g_string_new (NULL);

  if (largest > body * 1.15)
    {
      for (GList *l = attributes; l; l = l->next)
        {
          PopplerTextAttributes *attr = l->data;
          gboolean large = attr->font_size >= largest * 0.9;
          const char *start;
          const char *end;

          if (!large)
            {
              if (started)
                break;
              continue;
            }

          if (attr->start_index < 0 || attr->start_index >= text_len)
            continue;

          start = g_utf8_offset_to_pointer (text, attr->start_index);
          end = g_utf8_offset_to_pointer (text, MIN (attr->end_index + 1, text_len));
          g_string_append_len (heading, start, end - start);
          started = TRUE;

          if (heading->len > 300)
            break;
        }
    }

  poppler_page_free_text_attributes (attributes);

  {
    g_autofree char *raw = g_string_free (heading, FALSE);
    return pb_pdf_clean_title (raw);
  }
}

/**
 * pb_pdf_clean_title:
 * @title: (nullable): a title from a PDF's document information or page
 *
 * Collapses white space, drops what word processors put in titles on their
 * own ("Microsoft Word - draft.docx"), and cuts a title of over 200
 * characters to 199 and "…". Published reports often keep the title of the
 * draft they started as ("Barnsley - Draft Report"); a councillor must not
 * be shown a final report as a draft, so a title with the word "draft" or
 * "template" in it is not used, nor one of under three bytes, "Untitled"
 * or a Word file's name.
 *
 * Returns: (transfer full) (nullable): the title, or %NULL when nothing
 *   useful is left
 */
char *
pb_pdf_clean_title (const char *title)
{
  static const char * const tool_prefixes[] = { "Microsoft Word - ", "Microsoft PowerPoint - " };
  g_autoptr(GString) clean = NULL;
  gboolean space = FALSE;

  if (title == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tool_prefixes); i++)
    if (g_str_has_prefix (title, tool_prefixes[i]))
      title += strlen (tool_prefixes[i]);

  clean = g_string_new (NULL);

  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = clean->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (clean, ' ');
      space = FALSE;
      g_string_append_unichar (clean, c);
    }

  {
    g_autofree char *folded = g_utf8_casefold (clean->str, -1);
    g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", folded, 0, 0);

    for (guint i = 0; words[i] != NULL; i++)
      if (g_str_equal (words[i], "draft") || g_str_equal (words[i], "template"))
        return NULL;
  }

  if (clean->len < 3 ||
      g_ascii_strcasecmp (clean->str, "untitled") == 0 ||
      g_str_has_suffix (clean->str, ".docx") ||
      g_str_has_suffix (clean->str, ".doc"))
    return NULL;

  if (g_utf8_strlen (clean->str, -1) > 200)
    {
      char *cut = g_utf8_offset_to_pointer (clean->str, 199);
      g_string_truncate (clean, cut - clean->str);
      g_string_append (clean, "…");
    }

  return g_string_free (g_steal_pointer (&clean), FALSE);
}
