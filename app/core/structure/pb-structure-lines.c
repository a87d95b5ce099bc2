/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"
#include "pb-text-fold.h"

/* The report's text as lines, each knowing its page and place, with the
 * running headers and footers that repeat on the pages marked. */

/* The words as the rest of Panel Brief reads them (pb-text-fold.c), with
 * plain punctuation for the patterns here. */
char *
_pb_plain_text (const char *text)
{
  return pb_text_to_plain (text);
}

static void
line_clear (Line *line)
{
  g_free (line->text);
}

GArray *
_pb_structure_split_lines (const char * const *pages)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));

  g_array_set_clear_func (lines, (GDestroyNotify)line_clear);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      const char *start = pages[i];

      while (*start)
        {
          const char *end = strchr (start, '\n');
          gsize len = end ? (gsize)(end - start) : strlen (start);
          g_autofree char *raw = g_strndup (start, len);
          Line line = { NULL, 0, 0, FALSE };

          g_strstrip (raw);
          if (*raw != '\0')
            {
              line.text = _pb_plain_text (raw);
              line.page = i + 1;
              line.offset = start - pages[i];
              g_array_append_val (lines, line);
            }

          start += len;
          if (*start == '\n')
            start++;
        }
    }

  return lines;
}

/* The line with its numbers taken out: "… - page 3" and "… - page 4" are
 * the same running footer. */
static char *
without_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Marks the headers and footers that repeat at the top or bottom of most
 * pages, so that text running over a page break reads on without them. */
void
_pb_structure_mark_running_lines (GArray *lines)
{
  g_autoptr(GHashTable) pages_with = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pages = lines->len > 0 ? g_array_index (lines, Line, lines->len - 1).page : 0;
  guint threshold = MAX (2, (n_pages + 1) / 2);
  guint first = 0;

  if (n_pages < 2)
    return;

  /* Count each page once for each of its first two and last two lines. */
  for (int pass = 0; pass < 2; pass++)
    {
      first = 0;
      while (first < lines->len)
        {
          guint page = g_array_index (lines, Line, first).page;
          guint end = first;
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

          while (end < lines->len && g_array_index (lines, Line, end).page == page)
            end++;

          for (guint i = first; i < end; i++)
            {
              Line *line = &g_array_index (lines, Line, i);
              char *key;

              if (i >= first + 2 && i + 2 < end)
                continue;

              key = without_digits (line->text);
              if (pass == 0 && !g_hash_table_contains (seen, key))
                {
                  g_hash_table_add (seen, g_strdup (key));
                  g_hash_table_insert (pages_with, g_strdup (key),
                                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pages_with, key)) + 1));
                }
              else if (pass == 1)
                line->running = *key != '\0' &&
                                GPOINTER_TO_UINT (g_hash_table_lookup (pages_with, key)) >= threshold;
              g_free (key);
            }

          first = end;
        }
    }
}

/* Whether @line starts with a list's bullet (as the page text gives the
 * published bullets: "◼", "▪", "•", "■", "●", or a dash). */
gboolean
_pb_structure_is_bullet (const char *line)
{
  static const char * const bullets[] = { "\u25FC", "\u25AA", "\u2022", "\u25A0", "\u25CF", "- ", "\u2013 " };

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return TRUE;
  return FALSE;
}

const char *
_pb_structure_line_at (GArray *lines,
                       guint   i)
{
  return i < lines->len ? g_array_index (lines, Line, i).text : "";
}

/* Lines @from to @from + @n - 1, joined by spaces, as one run of text in
 * which a phrase wrapped over lines reads whole. */
char *
_pb_structure_join_lines (GArray *lines,
                          guint   from,
                          guint   n)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < lines->len && i - from < n; i++)
    _pb_structure_append_line (out, _pb_structure_line_at (lines, i));

  return g_string_free (out, FALSE);
}

/* Appends a line to @out, the text before it, as one run of text: after a
 * space, or after nothing where a line ends in a word's hyphen, so that a
 * compound broken at the line's end reads whole ("pre-" / "proceedings" is
 * "pre-proceedings", "well-" / "being" "well-being"). */
void
_pb_structure_append_line (GString    *out,
                           const char *text)
{
  if (out->len > 0 &&
      !(out->len >= 2 && out->str[out->len - 1] == '-' &&
        g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len - 1)))))
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* The first lines of the first page, joined: the document's title block. */
char *
_pb_structure_title_block (GArray *lines,
                           guint   n)
{
  guint on_first_page = 0;

  while (on_first_page < lines->len && on_first_page < n &&
         g_array_index (lines, Line, on_first_page).page == 1)
    on_first_page++;

  return _pb_structure_join_lines (lines, 0, on_first_page);
}

/* Compiles @pattern once into *@cache, for all threads: import reads
 * reports on worker threads, and a GRegex may be shared once made. */
GRegex *
_pb_structure_regex (GRegex             **cache,
                     const char          *pattern,
                     GRegexCompileFlags   flags)
{
  if (g_once_init_enter (cache))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &error);

      /* The patterns are the program's own: one that does not compile is a
       * bug, not input. */
      if (regex == NULL)
        g_error ("%s: %s", pattern, error->message);
      g_once_init_leave (cache, regex);
    }

  return *cache;
}

char *
_pb_structure_match_group (GRegex     *regex,
                           const char *text,
                           int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, group);
}

guint
_pb_structure_find_line (GArray     *lines,
                         guint       from,
                         const char *prefix,
                         guint       limit)
{
  for (guint i = from; i < lines->len && i < limit; i++)
    if (g_str_has_prefix (_pb_structure_line_at (lines, i), prefix))
      return i;
  return G_MAXUINT;
}

/* Notes what the reading rested on, for `inspect --json`. */
void
_pb_structure_add_reason (PbStructure *structure,
                          const char  *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (structure->reasons, g_strdup_vprintf (format, args));
  va_end (args);
}
