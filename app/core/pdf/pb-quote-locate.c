/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-quote-locate"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "pb-finding.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-text-fold.h"
#include "pb-text-pages.h"

/* Where a quoted passage is on the pages of a PDF, as rectangles to draw a
 * finding's highlight with.
 *
 * The quote is matched against the page-text builder's text (the text search
 * indexed) by the key rule of pb-text-fold.c: letters and digits only, so a
 * quote typed with straight quotes, hyphens, spaces or line breaks of its own
 * matches the page's typography, ligatures and broken words. Whole words are
 * preferred; a quote cut mid-word (a selection can start anywhere) is found
 * too. A passage that runs from the foot of one page onto the next, past the
 * running footer and header between, is found as one, with rectangles on
 * both pages (and on the pages after, where it runs over a whole page). */

typedef struct
{
  PopplerDocument *document;
  GHashTable      *texts;     /* page index → PbPageText */
  int              n_pages;
  GString         *printed;   /* the passage matched, as printed */
  gboolean         broken;    /* its last word broken by a hyphen */
} Pages;

static PbPageText *
pages_get (Pages *pages,
           int    index)
{
  PbPageText *text;

  if (index < 0 || index >= pages->n_pages)
    return NULL;

  if ((text = g_hash_table_lookup (pages->texts, GINT_TO_POINTER (index))))
    return text;

  text = pb_pdf_document_read_page_text (pages->document, (guint)index);

  g_hash_table_insert (pages->texts, GINT_TO_POINTER (index), text);
  return text;
}

/* Adds characters @start to @end (exclusive) of a page to the passage as
 * printed: lines joined as search joins them, and a word broken by a hyphen
 * at the foot of the page before made whole again. */
static void
append_printed (Pages            *pages,
                const PbPageText *text,
                guint             start,
                guint             end)
{
  const char *s = pb_page_text_get_text (text);
  gsize from = pb_page_text_get_offset (text, start);
  gsize to = pb_page_text_get_offset (text, end);
  g_autofree char *joined = NULL;
  gboolean broken = pages->broken;

  if (start >= end)
    return;

  joined = pb_text_join_lines (s + from, (gssize)(to - from));
  if (pages->printed->len > 0 && *joined != '\0' && !(broken && g_unichar_islower (g_utf8_get_char (joined))))
    g_string_append_c (pages->printed, ' ');
  g_string_append (pages->printed, joined);

  /* A hyphen just after, ending its line: the word goes on where the
   * passage goes on. */
  pages->broken = FALSE;
  if (end < pb_page_text_get_n_chars (text))
    {
      const char *hyphen = s + to;
      const char *after = g_utf8_next_char (hyphen);

      pages->broken = pb_text_is_hyphen (g_utf8_get_char (hyphen)) &&
                      g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (hyphen))) &&
                      (*after == '\0' || g_ascii_isspace (*after));
    }
}

/* Characters @start to @end (exclusive) of a page, with the punctuation that
 * clings to the first and last word ("“we", "advisers.") when the match is of
 * whole words, so that the highlight covers the printed words. */
static void
add_anchors (Pages            *pages,
             GArray           *anchors,
             const PbPageText *text,
             guint             start,
             guint             end,
             gboolean          whole_words)
{
  const char *s = pb_page_text_get_text (text);
  g_autoptr(GArray) rects = NULL;

  append_printed (pages, text, start, end);

  if (whole_words)
    {
      while (start > 0)
        {
          gunichar c = g_utf8_get_char (s + pb_page_text_get_offset (text, start - 1));
          GUnicodeType type = g_unichar_type (c);

          if (type != G_UNICODE_OPEN_PUNCTUATION && type != G_UNICODE_INITIAL_PUNCTUATION &&
              c != '"' && c != '\'')
            break;
          start--;
        }

      while (end < pb_page_text_get_n_chars (text))
        {
          gunichar c = g_utf8_get_char (s + pb_page_text_get_offset (text, end));
          GUnicodeType type = g_unichar_type (c);

          if (type != G_UNICODE_CLOSE_PUNCTUATION && type != G_UNICODE_FINAL_PUNCTUATION &&
              type != G_UNICODE_OTHER_PUNCTUATION)
            break;
          end++;
        }
    }

  rects = pb_page_text_get_range_rects (text, start, end);
  for (guint i = 0; i < rects->len; i++)
    {
      PbAnchor anchor = { pb_page_text_get_page (text) + 1, g_array_index (rects, PbRect, i) };
      g_array_append_val (anchors, anchor);
    }
}

static GArray *
locate_on_page (Pages            *pages,
                const PbPageText *text,
                const PbTextKey  *needle,
                PbTextFindFlags   flags)
{
  g_autoptr(PbTextKey) haystack = pb_text_key_new (pb_page_text_get_text (text), -1);
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  guint start, end;

  if (!pb_text_key_find (haystack, needle, 0, flags, &start, &end))
    return NULL;

  g_string_truncate (pages->printed, 0);
  pages->broken = FALSE;
  add_anchors (pages, anchors, text, pb_text_key_get_origin (haystack, start),
               pb_text_key_get_origin (haystack, end - 1) + 1,
               (flags & PB_TEXT_FIND_WHOLE_WORDS) != 0);

  return anchors->len > 0 ? g_steal_pointer (&anchors) : NULL;
}

/* The key of a page's body, and the index of the body's first character. */
static PbTextKey *
body_key (const PbPageText *text,
          PbTextSpan        body,
          guint            *first_char)
{
  const char *s = pb_page_text_get_text (text);

  *first_char = (guint)g_utf8_pointer_to_offset (s, s + body.start);
  return pb_text_key_new (s + body.start, (gssize)(body.end - body.start));
}

/* The body of page @index (see pb_text_find_page_bodies ()), told from the
 * pages around it; %NULL past the last page. */
static PbTextKey *
page_body_key (Pages       *pages,
               int          index,
               PbPageText **text,
               guint       *first_char)
{
  const char *texts[4];
  g_autofree PbTextSpan *bodies = NULL;
  guint n = 0, at = 0;

  if ((*text = pages_get (pages, index)) == NULL)
    return NULL;

  for (int i = index - 1; i <= index + 2; i++)
    {
      PbPageText *t = pages_get (pages, i);

      if (t == NULL)
        continue;
      if (i == index)
        at = n;
      texts[n] = pb_page_text_get_text (t);
      n++;
    }

  bodies = pb_text_find_page_bodies (texts, n);
  /* window[at] is *text, the page asked for. */
  return body_key (*text, bodies[at], first_char);
}

/* The rest of a quote, from @from, at the start of page @index's body
 * (@body, its first character @first): ending there, or running over the
 * whole body onto the next page, and on, as a long passage does over a page
 * of a few lines. Adds its rectangles to @anchors. */
static gboolean
locate_rest (Pages           *pages,
             int              index,
             PbPageText      *text,
             const PbTextKey *body,
             guint            first,
             const PbTextKey *needle,
             guint            from,
             GArray          *anchors)
{
  guint len = pb_text_key_get_length (needle);
  guint body_len = pb_text_key_get_length (body);
  g_autoptr(PbTextKey) next_body = NULL;
  PbPageText *next = NULL;
  guint next_first = 0;

  if (len - from <= body_len)
    {
      if (!pb_text_key_has_at (body, 0, needle, from, len))
        return FALSE;
      add_anchors (pages, anchors, text, first, first + pb_text_key_get_origin (body, len - from - 1) + 1, TRUE);
      return TRUE;
    }

  if (body_len == 0 || !pb_text_key_has_at (body, 0, needle, from, from + body_len) ||
      !(next_body = page_body_key (pages, index + 1, &next, &next_first)))
    return FALSE;

  add_anchors (pages, anchors, text, first, first + pb_text_key_get_origin (body, body_len - 1) + 1, TRUE);
  return locate_rest (pages, index + 1, next, next_body, next_first, needle, from + body_len, anchors);
}

/* A quote that starts at the end of page @index's body and goes on at the
 * start of the next page's (see pb_text_find_page_bodies ()). */
static GArray *
locate_across_break (Pages           *pages,
                     int              index,
                     const PbTextKey *needle)
{
  PbPageText *window[4] = { NULL, NULL, NULL, NULL };
  const char *texts[4];
  g_autofree PbTextSpan *bodies = NULL;
  g_autoptr(PbTextKey) before = NULL;
  g_autoptr(PbTextKey) after = NULL;
  g_autoptr(GArray) anchors = NULL;
  guint n = 0, first_before, first_after;
  guint at = 0;
  guint len = pb_text_key_get_length (needle);

  if (index + 1 >= pages->n_pages || len < 2)
    return NULL;

  /* The pages around the break, to tell running headers and footers by. */
  for (int i = index - 1; i <= index + 2; i++)
    {
      PbPageText *text = pages_get (pages, i);

      if (text == NULL)
        continue;
      if (i == index)
        at = n;
      window[n] = text;
      texts[n] = pb_page_text_get_text (text);
      n++;
    }

  if (at + 1 >= n)
    return NULL;

  bodies = pb_text_find_page_bodies (texts, n);
  before = body_key (window[at], bodies[at], &first_before);
  after = body_key (window[at + 1], bodies[at + 1], &first_after);

  /* The longest start of the quote that ends page @index. */
  for (guint k = MIN (len - 1, pb_text_key_get_length (before)); k >= 1; k--)
    {
      guint tail = pb_text_key_get_length (before) - k;

      if (!pb_text_key_is_word_start (before, tail) ||
          !pb_text_key_has_at (before, tail, needle, 0, k))
        continue;

      anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
      g_string_truncate (pages->printed, 0);
      pages->broken = FALSE;
      add_anchors (pages, anchors, window[at], first_before + pb_text_key_get_origin (before, tail),
                   first_before + pb_text_key_get_origin (before, pb_text_key_get_length (before) - 1) + 1,
                   TRUE);
      if (locate_rest (pages, index + 1, window[at + 1], after, first_after, needle, k, anchors))
        return g_steal_pointer (&anchors);
      g_clear_pointer (&anchors, g_array_unref);
    }

  return NULL;
}

static gboolean
page_has_text (Pages *pages,
               int    index)
{
  PbPageText *text = pages_get (pages, index);

  return text != NULL && pb_page_text_get_n_chars (text) > 0;
}

/* Why a quote was not found, in words that say what to do: a page that is
 * only an image (a scan) has no text to quote, whatever is typed. */
static void
set_not_found (Pages   *pages,
               int      named,
               GError **error)
{
  gboolean any_text = FALSE;

  for (int i = 0; i < pages->n_pages && !any_text; i++)
    any_text = page_has_text (pages, i);

  if (!any_text)
    g_set_error_literal (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
                         _("The report has no text to quote: its pages are images, as in a scan. "
                           "Describe the passage in the finding’s note instead."));
  else if (named >= 0 && named < pages->n_pages && !page_has_text (pages, named))
    g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
                 _("Page %d has no text to quote: it is an image, as in a scan, and the quoted "
                   "text is not on the report’s other pages either."), named + 1);
  else
    g_set_error_literal (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
                         _("The quoted text was not found in the report."));
}

/**
 * pb_pdf_locate_quote_in_document:
 * @document: an open PDF; poppler is not thread-safe per document, so call
 *   this from the one thread that uses it
 * @page_number: the page to look on first, from 1; then the passage across
 *   its break with the next page; then every other page
 * @quote: the passage, typed or pasted any way
 *
 * Finds where @quote is in @document.
 *
 * Returns: (transfer full) (element-type PbAnchor): one rectangle per line it
 *   covers, in reading order, each with its page; or %NULL with
 *   %PB_FINDINGS_ERROR_QUOTE_NOT_FOUND
 */
GArray *
pb_pdf_locate_quote_in_document (PopplerDocument  *document,
                                 guint             page_number,
                                 const char       *quote,
                                 GError          **error)
{
  return pb_pdf_locate_quote_in_document_full (document, page_number, quote, NULL, error);
}

/**
 * pb_pdf_locate_quote_in_document_full:
 * @printed: (out) (optional) (transfer full): where to put the passage as the
 *   page prints it (its typography, its lines joined as search joins them),
 *   for a finding to keep in place of the quote as typed
 *
 * Like pb_pdf_locate_quote_in_document ().
 *
 * Returns: (transfer full) (element-type PbAnchor): one rectangle per line it
 *   covers, or %NULL with %PB_FINDINGS_ERROR_QUOTE_NOT_FOUND
 */
GArray *
pb_pdf_locate_quote_in_document_full (PopplerDocument  *document,
                                      guint             page_number,
                                      const char       *quote,
                                      char            **printed,
                                      GError          **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(PbTextKey) needle = NULL;
  g_autoptr(GHashTable) texts = NULL;
  Pages pages;
  GArray *anchors = NULL;
  int named = (int)page_number - 1;
  static const PbTextFindFlags passes[] = { PB_TEXT_FIND_WHOLE_WORDS, PB_TEXT_FIND_DEFAULT };

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)pb_page_text_unref);
  pages = (Pages) { document, texts, poppler_document_get_n_pages (document), found, FALSE };
  needle = pb_text_key_new (quote, -1);

  for (guint pass = 0; pass < G_N_ELEMENTS (passes) && anchors == NULL; pass++)
    {
      PbPageText *text;

      if (pb_text_key_get_length (needle) == 0)
        break;

      if ((text = pages_get (&pages, named)))
        anchors = locate_on_page (&pages, text, needle, passes[pass]);

      if (anchors == NULL && pass == 0)
        anchors = locate_across_break (&pages, named, needle);

      for (int i = 0; i < pages.n_pages && anchors == NULL; i++)
        if (i != named && (text = pages_get (&pages, i)))
          anchors = locate_on_page (&pages, text, needle, passes[pass]);

      for (int i = 0; i < pages.n_pages && anchors == NULL && pass == 0; i++)
        if (i != named)
          anchors = locate_across_break (&pages, i, needle);
    }

  if (anchors == NULL)
    set_not_found (&pages, named, error);
  else if (printed != NULL)
    *printed = g_strdup (found->str);

  return anchors;
}

/**
 * pb_pdf_locate_quote:
 * @pdf_path: the PDF
 * @password: (nullable): its password; %NULL for none or the one given
 *   earlier in the session
 * @page_number: the page to look on first, from 1; then every page is tried
 *
 * Finds where @quote is in a PDF; see pb_pdf_locate_quote_in_document ().
 *
 * Returns: (transfer full) (element-type PbAnchor): its rectangles, or %NULL
 *   with %PB_FINDINGS_ERROR_QUOTE_NOT_FOUND, or an error of pb_pdf_open ()
 */
GArray *
pb_pdf_locate_quote (const char  *pdf_path,
                     const char  *password,
                     guint        page_number,
                     const char  *quote,
                     GError     **error)
{
  return pb_pdf_locate_quote_full (pdf_path, password, page_number, quote, NULL, error);
}

/**
 * pb_pdf_locate_quote_full:
 * @printed: (out) (optional) (transfer full): the passage as printed; see
 *   pb_pdf_locate_quote_in_document_full ()
 *
 * Like pb_pdf_locate_quote ().
 *
 * Returns: (transfer full) (element-type PbAnchor): its rectangles, or %NULL
 *   with an error as pb_pdf_locate_quote () gives
 */
GArray *
pb_pdf_locate_quote_full (const char  *pdf_path,
                          const char  *password,
                          guint        page_number,
                          const char  *quote,
                          char       **printed,
                          GError     **error)
{
  g_autoptr(GObject) document = NULL;

  g_return_val_if_fail (pdf_path != NULL, NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  if (!(document = G_OBJECT (pb_pdf_open (pdf_path, password, error))))
    return NULL;

  return pb_pdf_locate_quote_in_document_full (POPPLER_DOCUMENT (document), page_number, quote, printed, error);
}
