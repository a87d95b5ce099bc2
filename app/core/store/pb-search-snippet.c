/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-search"

#include "config.h"

#include <string.h>

#include "pb-search-snippet-private.h"
#include "pb-search.h"
#include "pb-text-fold.h"

/* A search hit's snippet, made from the text it was found in with every
 * match marked (FTS5's highlight ()), not by FTS5's snippet (): that runs on
 * over line ends into whatever the next line holds (the next column, or the
 * next of the passages indexed besides a page, see pb_text_page_extras ()),
 * and shows a word broken at a line end as its two halves ("strat- egy").
 *
 * So the snippet is taken from the line holding the first match (and the
 * lines the match runs on to), with a word broken by a hyphen at either end
 * of it taken whole from the line before or after, the hyphen and the break
 * taken out as search and quotes do (pb_text_join_lines ()). */

/* The most words shown, and of those before the first match. */
#define SNIPPET_WORDS 16
#define WORDS_BEFORE 6

static gboolean
is_marker (char c)
{
  return c == PB_SEARCH_MATCH_START[0] || c == PB_SEARCH_MATCH_END[0];
}

/* The last character before @p that is not a marker, or 0. */
static gunichar
letter_before (const char *text,
               const char *p)
{
  while (p > text)
    {
      p = g_utf8_prev_char (p);
      if (!is_marker (*p))
        return g_utf8_get_char (p);
    }
  return 0;
}

/* The first character from @p that is not a marker, and where it is. */
static const char *
skip_markers (const char *p)
{
  while (is_marker (*p))
    p++;
  return p;
}

/* Whether the line ending at @nl ends with a hyphen that splits a word: a
 * hyphen between two lower-case letters, the next line's first. */
static gboolean
breaks_word (const char *text,
             const char *nl)
{
  const char *hyphen = nl;

  while (hyphen > text && is_marker (hyphen[-1]))
    hyphen--;
  if (hyphen == text)
    return FALSE;
  hyphen = g_utf8_prev_char (hyphen);

  return pb_text_is_hyphen (g_utf8_get_char (hyphen)) &&
         g_unichar_islower (letter_before (text, hyphen)) &&
         g_unichar_islower (g_utf8_get_char (skip_markers (nl + 1)));
}

/* @from to @to as one line: words broken at a line end joined, soft hyphens
 * out, white space as single spaces; the markers kept. */
static GString *
join_passage (const char *text,
              const char *from,
              const char *to)
{
  GString *out = g_string_new (NULL);

  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* ASCII but the hyphen, most of a passage, without decoding it:
       * white space as g_unichar_isspace () has it in ASCII. */
      if ((guchar)*p < 0x80 && *p != '-')
        {
          if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
          else
            g_string_append_c (out, *p);
          continue;
        }

      c = g_utf8_get_char (p);
      if (pb_text_is_hyphen (c))
        {
          const char *nl = p + 1;

          while (nl < to && is_marker (*nl))
            nl++;
          if (nl < to && *nl == '\n' && breaks_word (text, nl))
            {
              /* The hyphen and the break go; markers between stay. */
              g_string_append_len (out, p + 1, nl - (p + 1));
              p = nl;
              continue;
            }
        }
      if (c == 0x00AD)
        continue;
      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return out;
}

/* Whether @text, markers aside, ends with a full stop, a question or
 * exclamation mark, or an ellipsis of its own. */
static gboolean
ends_sentence (const char *text)
{
  const char *end = text + strlen (text);
  gunichar last = letter_before (text, end);

  return last == '.' || last == '?' || last == '!' || last == 0x2026;
}

static const char *
line_start (const char *text,
            const char *p)
{
  while (p > text && p[-1] != '\n')
    p--;
  return p;
}

static const char *
line_end (const char *p)
{
  const char *nl = strchr (p, '\n');

  return nl ? nl : p + strlen (p);
}

/**
 * _pb_search_snippet_from_highlight:
 * @highlighted: the text a hit was found in, each match between
 *   %PB_SEARCH_MATCH_START and %PB_SEARCH_MATCH_END, lines separated by "\n"
 *
 * The snippet for the hit: up to 16 words of the line holding the first
 * match, as described above, "…" where the line or the text is cut.
 *
 * Returns: (transfer full): the snippet, one line, with the markers
 */
char *
_pb_search_snippet_from_highlight (const char *highlighted)
{
  const char *match;
  const char *match_end;
  const char *from, *to;
  g_autoptr(GString) passage = NULL;
  g_auto(GStrv) words = NULL;
  GString *out;
  guint n_words, first = 0, at = 0;
  gboolean open = FALSE;

  if (highlighted == NULL)
    highlighted = "";
  match = strchr (highlighted, PB_SEARCH_MATCH_START[0]);
  if (match == NULL)
    match = highlighted;
  match_end = strchr (match, PB_SEARCH_MATCH_END[0]);
  if (match_end == NULL)
    match_end = match;

  from = line_start (highlighted, match);
  to = line_end (match_end);

  /* A word broken at either end of the passage, whole. */
  while (from > highlighted && breaks_word (highlighted, from - 1))
    from = line_start (highlighted, from - 1);
  while (*to == '\n' && breaks_word (highlighted, to))
    to = line_end (to + 1);

  passage = join_passage (highlighted, from, to);
  words = g_strsplit (passage->str, " ", -1);
  n_words = g_strv_length (words);

  /* The word holding the first match, a few words before it shown too. */
  for (guint i = 0; i < n_words; i++)
    if (strchr (words[i], PB_SEARCH_MATCH_START[0]) != NULL)
      {
        at = i;
        break;
      }
  if (n_words > SNIPPET_WORDS)
    first = MIN (at > WORDS_BEFORE ? at - WORDS_BEFORE : 0, n_words - SNIPPET_WORDS);

  out = g_string_new (NULL);
  if (first > 0 || from > highlighted)
    g_string_append (out, "…");
  for (guint i = first; i < n_words && i < first + SNIPPET_WORDS; i++)
    {
      if (i > first)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  /* A match the window cuts is closed with it. */
  for (const char *p = out->str; *p; p++)
    if (*p == PB_SEARCH_MATCH_START[0])
      open = TRUE;
    else if (*p == PB_SEARCH_MATCH_END[0])
      open = FALSE;
  if (open)
    g_string_append (out, PB_SEARCH_MATCH_END);
  /* A snippet cut at a sentence's end ("… disruption meetings.") needs
   * no "…" after it: the full stop and the ellipsis read as "....". */
  if ((first + SNIPPET_WORDS < n_words || *to != '\0') && !ends_sentence (out->str))
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}
