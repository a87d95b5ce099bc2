/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-pdf-text.h"

/* Page text in reading order, with the word breaks a reader sees.
 *
 * poppler_page_get_text () orders the text well but glues together words that
 * sit apart on the page with no space character between them: table cells
 * ("JudgementGrade"), list numbers ("1.Not"), columns. Each character's box from
 * poppler_page_get_text_layout () tells where those gaps are, so a space or line
 * break goes back wherever the boxes say there is one. */

/* A gap wider than this fraction of the line height separates two words. */
#define WORD_GAP_RATIO 0.18

typedef struct
{
  GString *out;
  const PopplerRectangle *prev;   /* box of the last character written */
} TextBuilder;

static gboolean
ends_with_space (GString *out)
{
  return out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n';
}

static void
trim_trailing_spaces (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

static void
builder_newline (TextBuilder *b)
{
  trim_trailing_spaces (b->out);
  if (b->out->len > 0 && b->out->str[b->out->len - 1] != '\n')
    g_string_append_c (b->out, '\n');
  b->prev = NULL;
}

static void
builder_glyph (TextBuilder            *b,
               gunichar                c,
               const PopplerRectangle *rect)
{
  if (b->prev != NULL && rect != NULL && !ends_with_space (b->out))
    {
      double height = MAX (fabs (rect->y2 - rect->y1), fabs (b->prev->y2 - b->prev->y1));
      double prev_mid = (b->prev->y1 + b->prev->y2) / 2;
      double gap = rect->x1 - b->prev->x2;

      if (height <= 0)
        height = 1;

      /* Below or above the previous glyph's line, or back to its left: a new line
       * that poppler ran on without a break. */
      if (prev_mid < MIN (rect->y1, rect->y2) || prev_mid > MAX (rect->y1, rect->y2) ||
          gap < -height)
        builder_newline (b);
      else if (gap > height * WORD_GAP_RATIO)
        g_string_append_c (b->out, ' ');
    }

  /* Private-use and control characters come from symbol fonts (bullets, ticks);
   * they would only pollute search. */
  if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_PRIVATE_USE)
    c = ' ';

  if (c == ' ' || c == 0xA0 || c == '\t')
    {
      if (!ends_with_space (b->out))
        g_string_append_c (b->out, ' ');
      return;
    }

  g_string_append_unichar (b->out, c);
  b->prev = rect;
}

/**
 * pb_pdf_text_from_layout:
 * @text: a page's text as poppler_page_get_text () gives it
 * @rects: the box of each character of @text, as poppler_page_get_text_layout ()
 *   gives them (top-left origin)
 *
 * The pure half of pb_pdf_page_get_reading_text (): puts back the spaces and
 * line breaks that the boxes show.
 */
char *
pb_pdf_text_from_layout (const char             *text,
                         const PopplerRectangle *rects,
                         guint                   n_rects)
{
  TextBuilder b;
  guint i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  b.out = g_string_sized_new (strlen (text) + 64);
  b.prev = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *rect = i < n_rects ? &rects[i] : NULL;

      if (c == '\n' || c == '\r')
        builder_newline (&b);
      else
        builder_glyph (&b, c, rect);
    }

  trim_trailing_spaces (b.out);

  return g_string_free (b.out, FALSE);
}

char *
pb_pdf_page_get_reading_text (PopplerPage *page)
{
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  text = poppler_page_get_text (page);
  if (text == NULL)
    return g_strdup ("");

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  return pb_pdf_text_from_layout (text, rects, n_rects);
}

/* The text of the first run of the largest type on the page: the document's
 * heading, when it has one that stands out from the body text. */
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

/* Collapses white space and drops what word processors put in titles on their
 * own ("Microsoft Word - draft.docx"). Published reports often keep the title
 * of the draft they started as ("Barnsley - Draft Report"); a councillor must
 * not be shown a final report as a draft, so such titles are not used.
 * Returns NULL when nothing useful is left. */
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
