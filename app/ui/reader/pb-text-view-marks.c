/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-view"

#include "config.h"

#include <string.h>

#include "pb-text-fold.h"
#include "pb-text-view-marks.h"

/* Where the Text view's headings, paragraph numbers and findings fall in
 * the pages' text, as character indexes of each page's text (the indexes
 * a page's PbPageText counts, so that a range maps straight back to the
 * page view's selection). Pure text work: it runs on a worker thread. */

void
pb_text_heading_clear (gpointer data)
{
  PbTextHeading *heading = data;

  g_clear_pointer (&heading->text, g_free);
}

void
pb_text_finding_info_clear (gpointer data)
{
  PbTextFindingInfo *info = data;

  g_clear_pointer (&info->quote, g_free);
  g_clear_pointer (&info->label, g_free);
  g_clear_pointer (&info->color, g_free);
}

/**
 * pb_text_mark_free:
 * @mark: (nullable): a mark from pb_text_marks_compute ()
 */
void
pb_text_mark_free (PbTextMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->label);
  g_free (mark->color);
  g_free (mark);
}

static PbTextMark *
mark_new (PbTextMarkKind  kind,
          guint           page,
          guint           start,
          guint           end)
{
  PbTextMark *mark = g_new0 (PbTextMark, 1);

  mark->kind = kind;
  mark->page = page;
  mark->start = start;
  mark->end = end;
  return mark;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const PbTextMark *x = *(PbTextMark **)a;
  const PbTextMark *y = *(PbTextMark **)b;

  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int)x->kind - (int)y->kind;
}

static gsize
line_end (const char *text,
          gsize       from)
{
  const char *newline = strchr (text + from, '\n');

  return newline ? (gsize)(newline - text) : strlen (text);
}

/* A numbered paragraph's start ("12. "), or a bullet's. */
static gboolean
starts_item (const char *line)
{
  const char *p = line;
  gunichar c;

  while (g_ascii_isdigit (*p))
    p++;
  if (p > line && *p == '.' && (p[1] == ' ' || p[1] == '\t'))
    return TRUE;

  c = g_utf8_get_char (line);
  return c == 0x2022 || c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0x2013 || c == '-' || c == '*';
}

/* A few words alone on a line, not a paragraph's start: the end of a
 * heading wrapped on the page ("good"). */
static gboolean
next_line_is_tail (const char *line)
{
  gsize length = strcspn (line, "\n");

  return length > 0 && length <= 32 && !starts_item (line);
}

static void
add_headings (GPtrArray          *marks,
              const char * const *pages,
              guint               n_pages,
              GArray             *headings)
{
  for (guint i = 0; headings && i < headings->len; i++)
    {
      PbTextHeading *heading = &g_array_index (headings, PbTextHeading, i);
      const char *text;
      gsize start, end;

      if (heading->page >= n_pages || heading->text == NULL || *heading->text == '\0')
        continue;

      text = pages[heading->page];
      if (!pb_text_find (text, heading->text, PB_TEXT_FIND_WHOLE_WORDS, &start, &end))
        continue;

      /* The structure's heading may leave out the grade that ends its
       * line, or sits alone on the next ("…to be" / "good"): the heading
       * is read to there. */
      end = line_end (text, end);
      if (text[end] == '\n' && next_line_is_tail (text + end + 1))
        end = line_end (text, end + 1);

      g_ptr_array_add (marks, mark_new (PB_TEXT_MARK_HEADING, heading->page,
                                        (guint)g_utf8_pointer_to_offset (text, text + start),
                                        (guint)g_utf8_pointer_to_offset (text, text + end)));
    }
}

/* The number a numbered paragraph starts with, and its full stop: at the
 * start of a line of its page ("12. "). */
static void
add_paragraphs (GPtrArray          *marks,
                const char * const *pages,
                guint               n_pages,
                GArray             *paragraphs)
{
  for (guint i = 0; paragraphs && i < paragraphs->len; i++)
    {
      PbTextParagraphInfo *paragraph = &g_array_index (paragraphs, PbTextParagraphInfo, i);
      g_autofree char *number = g_strdup_printf ("%u.", paragraph->number);
      gsize length = strlen (number);
      const char *text, *line;

      if (paragraph->page >= n_pages)
        continue;

      text = pages[paragraph->page];
      for (line = text; line != NULL; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
        if (strncmp (line, number, length) == 0 && (line[length] == ' ' || line[length] == '\t'))
          break;
      if (line == NULL)
        continue;

      g_ptr_array_add (marks, mark_new (PB_TEXT_MARK_PARAGRAPH, paragraph->page,
                                        (guint)g_utf8_pointer_to_offset (text, line),
                                        (guint)g_utf8_pointer_to_offset (text, line + length)));
    }
}

/* A finding's quote, found in the text of the pages its anchors are on
 * (joined by a line break, as a quote over a page's foot is read), then
 * split back into one mark per page. */
static void
add_findings (GPtrArray          *marks,
              const char * const *pages,
              guint               n_pages,
              GArray             *findings)
{
  for (guint i = 0; findings && i < findings->len; i++)
    {
      PbTextFindingInfo *info = &g_array_index (findings, PbTextFindingInfo, i);
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autofree gsize *starts = NULL;
      guint last = MIN (info->last_page, n_pages - 1);
      gsize start, end;
      gboolean first = TRUE;

      if (info->first_page >= n_pages || info->quote == NULL || last < info->first_page)
        continue;

      starts = g_new (gsize, last - info->first_page + 2);
      for (guint page = info->first_page; page <= last; page++)
        {
          if (page > info->first_page)
            g_string_append_c (joined, '\n');
          starts[page - info->first_page] = joined->len;
          g_string_append (joined, pages[page]);
        }
      starts[last - info->first_page + 1] = joined->len + 1;

      if (!pb_text_find (joined->str, info->quote, 0, &start, &end))
        continue;

      for (guint page = info->first_page; page <= last; page++)
        {
          gsize from = starts[page - info->first_page];
          gsize to = from + strlen (pages[page]);
          gsize s = MAX (start, from), e = MIN (end, to);
          PbTextMark *mark;

          if (e <= s)
            continue;

          mark = mark_new (PB_TEXT_MARK_FINDING, page,
                           (guint)g_utf8_pointer_to_offset (pages[page], pages[page] + (s - from)),
                           (guint)g_utf8_pointer_to_offset (pages[page], pages[page] + (e - from)));
          mark->color = g_strdup (info->color);
          if (first)
            mark->label = g_strdup (info->label);
          first = FALSE;
          g_ptr_array_add (marks, mark);
        }
    }
}

/**
 * pb_text_marks_compute:
 * @pages: (array zero-terminated=1): each page's text, in page order, as
 *   import stored it
 * @headings: (nullable) (element-type PbTextHeading): the report's headings
 * @paragraphs: (nullable) (element-type PbTextParagraphInfo): its numbered
 *   paragraphs
 * @findings: (nullable) (element-type PbTextFindingInfo): its findings
 *
 * Headings and findings whose words cannot be found in their pages' text
 * are left out.
 *
 * Returns: (transfer container) (element-type PbTextMark): the marks, in
 *   page order and, on a page, by where they start
 */
GPtrArray *
pb_text_marks_compute (const char * const *pages,
                       GArray             *headings,
                       GArray             *paragraphs,
                       GArray             *findings)
{
  GPtrArray *marks = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_text_mark_free);
  guint n_pages = pages ? g_strv_length ((char **)pages) : 0;

  if (n_pages == 0)
    return marks;

  add_headings (marks, pages, n_pages, headings);
  add_paragraphs (marks, pages, n_pages, paragraphs);
  add_findings (marks, pages, n_pages, findings);
  g_ptr_array_sort (marks, compare_marks);
  return marks;
}

/**
 * pb_text_marks_soften_lines:
 * @text: a page's text, as import stored it: a line break after every
 *   line as the page sets it
 * @marks: (element-type PbTextMark): the marks, from
 *   pb_text_marks_compute ()
 * @page: the page index @text is of
 *
 * The page's text to show reflowed: a line break inside a paragraph
 * becomes a space (after a hyphen, a zero-width space), so that the text
 * wraps to the window; the breaks between paragraphs, before a numbered
 * paragraph or a bullet and around headings stay. Every character stays
 * one character, so that indexes into it are indexes into @text.
 *
 * Returns: (transfer full): the text to show
 */
char *
pb_text_marks_soften_lines (const char *text,
                            GPtrArray  *marks,
                            guint       page)
{
  GString *shown = g_string_sized_new (strlen (text) + 16);
  g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (guint));
  guint longest = 0, length = 0;
  guint index = 0;

  /* Headings keep the breaks before and after them. */
  for (guint i = 0; marks && i < marks->len; i++)
    {
      PbTextMark *mark = g_ptr_array_index (marks, i);

      if (mark->page != page || mark->kind != PB_TEXT_MARK_HEADING)
        continue;
      if (mark->start > 0)
        {
          guint before = mark->start - 1;
          g_array_append_val (keep, before);
        }
      g_array_append_val (keep, mark->end);
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          longest = MAX (longest, length);
          length = 0;
        }
      else
        length++;
    }
  longest = MAX (longest, length);

  length = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), index++)
    {
      gunichar before = 0;
      gboolean kept = FALSE;
      gboolean softened = FALSE;

      if (*p != '\n')
        {
          g_string_append_unichar (shown, g_utf8_get_char (p));
          length++;
          continue;
        }

      for (guint k = 0; k < keep->len && !kept; k++)
        kept = g_array_index (keep, guint, k) == index;

      if (p > text)
        before = g_utf8_get_char (g_utf8_prev_char (p));

      /* Inside a heading: one line, however the page set it. */
      for (guint m = 0; marks && m < marks->len; m++)
        {
          PbTextMark *mark = g_ptr_array_index (marks, m);

          if (mark->page == page && mark->kind == PB_TEXT_MARK_HEADING &&
              mark->start < index && index < mark->end)
            softened = TRUE;
        }

      /* A paragraph's last line: short, and ending a sentence. */
      if (length > 0 && length * 4 < longest * 3 && before != 0 && before < 128 && strchr (".:?!;)", (int)before))
        kept = TRUE;

      if (softened)
        g_string_append_c (shown, ' ');
      else if (kept || length == 0 || p[1] == '\n' || p[1] == '\0' || starts_item (p + 1))
        g_string_append_c (shown, '\n');
      else if (before == '-' || before == 0x2010)
        g_string_append_unichar (shown, 0x200B);
      else
        g_string_append_c (shown, ' ');

      length = 0;
    }

  return g_string_free (shown, FALSE);
}
