/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-pages"

#include "config.h"

#include <string.h>

#include "pb-text-fold.h"
#include "pb-text-pages.h"

/* Where a page's own text is, between the running headers and footers that
 * repeat on the pages of a report, and the text around each page break, so
 * that a passage running on from one page to the next can be found (by search
 * and by a quote) as one.
 *
 * A line is running when it is among the first or last lines of its page and
 * the same line, numbers aside, is there on half the pages or more ("Page 3 of
 * 20", "Inspection of Fernleigh children's services 4"); a line that is only a
 * page number is running wherever it is among them. */

/* How many lines at each end of a page may be running. */
#define EDGE_LINES 2

/* How much of the text on each side of a page break is indexed as one
 * passage: enough for any phrase someone types. */
#define JOIN_BYTES 120

/* And on each side of a word broken by a hyphen at a line end. */
#define HYPHEN_CONTEXT_BYTES 60

typedef struct
{
  gsize start;
  gsize end;
} Line;

static GArray *
page_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;

  while (*p)
    {
      const char *end = strchr (p, '\n');
      const char *stop = end ? end : p + strlen (p);
      const char *a = p, *b = stop;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;
      if (a < b)
        {
          Line line = { a - text, b - text };
          g_array_append_val (lines, line);
        }

      p = end ? end + 1 : stop;
    }

  return lines;
}

/**
 * pb_text_line_is_page_number:
 * @line: one line of text
 * @length: its length in bytes, or -1
 *
 * Whether @line says nothing but which page it is on: "7", "Page 7",
 * "7 of 20", "- 7 -".
 */
gboolean
pb_text_line_is_page_number (const char *line,
                             gssize      length)
{
  static GRegex *regex;
  g_autofree char *copy = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[\\s\\-–—]*(page\\s*)?[0-9]{1,4}(\\s*(of|/)\\s*[0-9]{1,4})?[\\s\\-–—]*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  copy = g_strndup (line, length < 0 ? strlen (line) : (gsize)length);
  return g_regex_match (regex, copy, 0, NULL);
}

/* The line's letters, folded, without its digits: the same running footer on
 * every page, whatever its page number. */
static char *
running_key (const char *text,
             const Line *line)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text + line->start; p < text + line->end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_edge (guint i,
         guint n_lines)
{
  return i < EDGE_LINES || i + EDGE_LINES >= n_lines;
}

/* Whether @line ends with a hyphen after a lower-case letter: the first
 * half of a broken word. */
static gboolean
line_ends_broken (const char *text,
                  const Line *line)
{
  const char *end = text + line->end;
  const char *hyphen;

  if (line->end - line->start < 2)
    return FALSE;
  hyphen = g_utf8_prev_char (end);
  return pb_text_is_hyphen (g_utf8_get_char (hyphen)) &&
         hyphen > text + line->start &&
         g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (hyphen)));
}

static gboolean
line_starts_lower (const char *text,
                   const Line *line)
{
  return g_unichar_islower (g_utf8_get_char (text + line->start));
}

/* The index of the line of @page that starts at @offset, or -1. */
static int
line_at (GArray *page,
         gsize   offset)
{
  for (guint l = 0; l < page->len; l++)
    if (g_array_index (page, Line, l).start == offset)
      return (int)l;
  return -1;
}

/* The index of the line of @page that ends at @offset, or -1. */
static int
line_ending_at (GArray *page,
                gsize   offset)
{
  for (guint l = page->len; l > 0; l--)
    if (g_array_index (page, Line, l - 1).end == offset)
      return (int)l - 1;
  return -1;
}

/* A word broken by a hyphen over a page break whose header or footer is
 * not on enough pages to be told as running (a footer only on the first
 * page, a header only from the second): when the one side of the break
 * holds the broken word's half and the other does not, a line or two at
 * that other page's edge that do hold its half show what is between to
 * be a header or footer, and the body is taken to start or end there. */
static void
rejoin_broken_word (const char *before,
                    GArray     *before_lines,
                    PbTextSpan *before_body,
                    const char *after,
                    GArray     *after_lines,
                    PbTextSpan *after_body)
{
  int last = line_ending_at (before_lines, before_body->end);
  int first = line_at (after_lines, after_body->start);

  if (last < 0 || first < 0 || before_body->start == before_body->end ||
      after_body->start == after_body->end)
    return;

  if (line_ends_broken (before, &g_array_index (before_lines, Line, last)) &&
      !line_starts_lower (after, &g_array_index (after_lines, Line, first)))
    {
      for (guint l = (guint)first + 1; l < after_lines->len && l <= (guint)first + EDGE_LINES; l++)
        {
          const Line *line = &g_array_index (after_lines, Line, l);

          if (line->start >= after_body->end)
            break;
          if (line_starts_lower (after, line))
            {
              after_body->start = line->start;
              return;
            }
        }
      return;
    }

  if (line_starts_lower (after, &g_array_index (after_lines, Line, first)) &&
      !line_ends_broken (before, &g_array_index (before_lines, Line, last)))
    {
      for (int l = last - 1; l >= 0 && l >= last - EDGE_LINES; l--)
        {
          const Line *line = &g_array_index (before_lines, Line, l);

          if (line->end <= before_body->start)
            break;
          if (line_ends_broken (before, line))
            {
              before_body->end = line->end;
              return;
            }
        }
    }
}

/**
 * pb_text_find_page_bodies:
 * @pages: (array length=n_pages): each page's text, in page order
 *
 * Finds each page's body: its text without the running headers and footers.
 *
 * Returns: (transfer full) (array length=n_pages): one span per page
 */
PbTextSpan *
pb_text_find_page_bodies (const char * const *pages,
                          guint               n_pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  PbTextSpan *bodies = g_new0 (PbTextSpan, MAX (n_pages, 1));
  guint threshold = MAX (2, (n_pages + 1) / 2);

  /* Count the pages each edge line is on, once per page. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GArray *page = page_lines (pages[i] ? pages[i] : "");

      g_ptr_array_add (lines, page);
      for (guint l = 0; l < page->len; l++)
        {
          char *key;

          if (!is_edge (l, page->len))
            continue;

          key = running_key (pages[i], &g_array_index (page, Line, l));
          if (*key == '\0' || g_hash_table_contains (seen, key))
            {
              g_free (key);
              continue;
            }

          g_hash_table_add (seen, g_strdup (key));
          g_hash_table_insert (counts, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }
    }

  for (guint i = 0; i < n_pages; i++)
    {
      const char *text = pages[i] ? pages[i] : "";
      GArray *page = g_ptr_array_index (lines, i);
      guint top = 0;
      guint bottom = page->len;

      bodies[i].start = 0;
      bodies[i].end = strlen (text);

      /* From the top down, then from the bottom up, while lines are running. */
      for (int pass = 0; pass < 2; pass++)
        for (guint k = 0; k < EDGE_LINES && top < bottom; k++)
          {
            guint l = pass == 0 ? top : bottom - 1;
            const Line *line = &g_array_index (page, Line, l);
            g_autofree char *key = running_key (text, line);
            gboolean running = pb_text_line_is_page_number (text + line->start, line->end - line->start) ||
                               (*key != '\0' && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= threshold);

            if (!running)
              break;
            if (pass == 0)
              top++;
            else
              bottom--;
          }

      if (top >= bottom)
        {
          /* Nothing but headers and footers: no body. */
          bodies[i].start = bodies[i].end;
          continue;
        }

      bodies[i].start = g_array_index (page, Line, top).start;
      bodies[i].end = g_array_index (page, Line, bottom - 1).end;
    }

  for (guint i = 0; i + 1 < n_pages; i++)
    rejoin_broken_word (pages[i] ? pages[i] : "", g_ptr_array_index (lines, i), &bodies[i],
                        pages[i + 1] ? pages[i + 1] : "", g_ptr_array_index (lines, i + 1), &bodies[i + 1]);

  return bodies;
}

/**
 * pb_text_page_break_join:
 * @before: the text of the page before a break
 * @before_body: its body
 * @after: the text of the page after it
 * @after_body: its body
 *
 * The text on both sides of a page break, without the headers and footers
 * between: the end of @before's body and the start of @after's, whole words
 * only.
 *
 * Returns: (transfer full): the joined text, lines separated by "\n"
 */
char *
pb_text_page_break_join (const char *before,
                         PbTextSpan  before_body,
                         const char *after,
                         PbTextSpan  after_body)
{
  GString *out = g_string_new (NULL);
  gsize from = before_body.start;
  gsize to = after_body.end;

  /* Whole words: from just after a white space, to just before one. */
  if (before_body.end - before_body.start > JOIN_BYTES)
    {
      from = before_body.end - JOIN_BYTES;
      while (from < before_body.end && !g_ascii_isspace (before[from]))
        from++;
    }
  if (after_body.end - after_body.start > JOIN_BYTES)
    {
      to = after_body.start + JOIN_BYTES;
      while (to > after_body.start && !g_ascii_isspace (after[to]))
        to--;
    }

  while (from < before_body.end && g_ascii_isspace (before[from]))
    from++;
  g_string_append_len (out, before + from, before_body.end - from);
  if (out->len > 0 && to > after_body.start)
    g_string_append_c (out, '\n');
  g_string_append_len (out, after + after_body.start, to - after_body.start);

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * pb_text_page_break_joins:
 * @pages: (array length=n_pages): a report's page texts, in page order
 *
 * Returns: (transfer full) (element-type utf8): for each page but the last,
 *   the text across the break after it (see pb_text_page_break_join())
 */
GPtrArray *
pb_text_page_break_joins (const char * const *pages,
                          guint               n_pages)
{
  GPtrArray *joins = g_ptr_array_new_with_free_func (g_free);
  PbTextSpan *bodies = pb_text_find_page_bodies (pages, n_pages);

  for (guint i = 0; i + 1 < n_pages; i++)
    g_ptr_array_add (joins, pb_text_page_break_join (pages[i] ? pages[i] : "", bodies[i],
                                                     pages[i + 1] ? pages[i + 1] : "", bodies[i + 1]));

  g_free (bodies);
  return joins;
}

static gunichar
char_before (const char *text,
             const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

/* Whether the line break at @nl follows a hyphen that splits a word: a
 * hyphen between two lower-case letters. */
static gboolean
breaks_word (const char *text,
             const char *nl)
{
  const char *hyphen = nl > text ? g_utf8_prev_char (nl) : NULL;

  return hyphen != NULL && pb_text_is_hyphen (g_utf8_get_char (hyphen)) &&
         g_unichar_islower (char_before (text, hyphen)) &&
         g_unichar_islower (g_utf8_get_char (nl + 1));
}

/* Appends @text from @from to @to with each hyphen that splits a word at a
 * line end taken out with its line break. Other line breaks stay, so that a
 * search snippet taken from the passage shows no words of another line. */
static void
append_joined (GString    *out,
               const char *text,
               const char *from,
               const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if (next < to && *next == '\n' && breaks_word (text, next))
        {
          p = next;   /* the hyphen and the break go */
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/**
 * pb_text_join_broken_words:
 * @text: text, lines separated by "\n"
 *
 * @text with each hyphen that splits a word at a line end taken out with its
 * line break, as search indexes the word and quotes match it ("strat-\negy"
 * gives "strategy"), other line breaks kept: text copied from a page, which
 * so reads as search and quotes read it.
 *
 * Returns: (transfer full): the text
 */
char *
pb_text_join_broken_words (const char *text)
{
  GString *out = g_string_new (NULL);

  append_joined (out, text, text, text + strlen (text));
  return g_string_free (out, FALSE);
}

/**
 * pb_text_join_lines:
 * @text: text of a page, lines separated by "\n"
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * @text as one run: each hyphen that splits a word at a line end taken out
 * with its line break (as search indexes it, see pb_text_hyphen_joins ()),
 * soft hyphens taken out, other line breaks and runs of white space as one
 * space.
 *
 * Returns: (transfer full): the joined text
 */
char *
pb_text_join_lines (const char *text,
                    gssize      length)
{
  g_autofree char *copy = g_strndup (text, length < 0 ? strlen (text) : (gsize)length);
  GString *joined = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  append_joined (joined, copy, copy, copy + strlen (copy));
  for (const char *p = joined->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

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
  g_string_free (joined, TRUE);

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/**
 * pb_text_hyphen_joins:
 * @page: a page's reading text
 *
 * Each place where a hyphen between two lower-case letters ends a line, as a
 * passage with the hyphen and the line break taken out ("the sufficiency
 * strat-\negy is" gives "the sufficiency strategy is"), a few words each side.
 * The page's text keeps such hyphens, since most are a compound's own
 * ("long-\nterm"); these passages let search find the words they may split.
 *
 * Returns: (transfer full): the passages, each from a new line (the lines
 *   of a passage that no hyphen breaks kept apart)
 */
char *
pb_text_hyphen_joins (const char *page)
{
  GString *out = g_string_new (NULL);
  const char *joined_to = page;

  for (const char *nl = strchr (page, '\n'); nl != NULL; nl = strchr (nl + 1, '\n'))
    {
      const char *hyphen;
      const char *from, *to;

      /* A break joined already in the passage before starts none. */
      if (nl < joined_to || !breaks_word (page, nl))
        continue;
      hyphen = g_utf8_prev_char (nl);

      /* Back to a word start, on to a word end. */
      from = hyphen - MIN ((gsize)(hyphen - page), HYPHEN_CONTEXT_BYTES);
      while (from > page && !g_ascii_isspace (from[-1]))
        from--;
      while (from < hyphen && g_ascii_isspace (*from))
        from++;
      to = nl + 1;
      while (*to && (gsize)(to - nl) < HYPHEN_CONTEXT_BYTES)
        to++;
      while (*to && !g_ascii_isspace (*to))
        to++;

      /* Every such break in the passage is joined, not only this one, so
       * that a phrase over two broken lines running ("The inde- / pendent
       * reviewing officers chal- / lenge drift") is found whole. */
      append_joined (out, page, from, to);
      g_string_append_c (out, '\n');

      joined_to = to;
    }

  if (out->len > 0)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * pb_text_page_extras:
 * @pages: (array length=n_pages): a report's page texts, in page order
 *
 * What search indexes for each page besides its text, so that it finds a
 * passage however the page breaks it: the text across the page break after it
 * (pb_text_page_break_joins ()) and its words broken by a hyphen at a line end
 * (pb_text_hyphen_joins ()), on the page or across the break.
 *
 * Returns: (transfer full) (element-type utf8): one text per page, maybe ""
 */
GPtrArray *
pb_text_page_extras (const char * const *pages,
                     guint               n_pages)
{
  g_autoptr(GPtrArray) joins = pb_text_page_break_joins (pages, n_pages);
  GPtrArray *extras = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *hyphens = pb_text_hyphen_joins (pages[i] ? pages[i] : "");
      const char *join = i < joins->len ? g_ptr_array_index (joins, i) : "";
      /* A word broken across the page break itself ("im-" at the foot,
       * "provement" at the head of the next). */
      g_autofree char *join_hyphens = pb_text_hyphen_joins (join);
      const char *parts[] = { hyphens, join_hyphens };
      GString *extra = g_string_new (join);

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (*parts[k] != '\0')
          {
            if (extra->len > 0)
              g_string_append_c (extra, '\n');
            g_string_append (extra, parts[k]);
          }
      g_ptr_array_add (extras, g_string_free (extra, FALSE));
    }

  return extras;
}
