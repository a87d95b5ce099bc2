/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort.h"
#include "pb-text-view-layout.h"
#include "pb-text-view-marks.h"

/* Filling the Text view's buffer: each page after a line "Page N", a
 * finding's cohorts in words before it, a heading on a line of its own;
 * then headings, paragraph numbers and findings tagged. It is filled a
 * few pages at a time, between the window's frames, into a buffer of its
 * own that the view takes when it is full, so that a long report never
 * holds the window up and a reload never empties the text being read. */

struct _PbTextLayout
{
  GtkTextBuffer *buffer;
  GtkTextTag    *extra;
  GPtrArray     *page_marks;      /* GtkTextMark: where each page's text starts */
  GArray        *label_offsets;   /* guint: where each page's "Page N" starts */
  GArray        *page_lengths;    /* guint: each page's text, in characters */

  GStrv          pages;           /* as import stored them */
  GStrv          shown;           /* reflowed, one character for one */
  GPtrArray     *marks;           /* PbTextMark, by page */
  GPtrArray     *cohorts;         /* PbCohort, for the colours */
  guint          next_page;       /* the next page to put in */
  guint          next_mark;       /* the next mark to say in words */
  guint          next_tagged;     /* the next mark to tag */
};

/**
 * pb_text_layout_new:
 * @tags: the view's tags ("extra", "page-label", "heading",
 *   "paragraph-number", "finding-label"); finding colours are added to it
 * @pages: (transfer full): the pages' text
 * @shown: (transfer full): the same reflowed, one character for one
 * @marks: (transfer container): from pb_text_marks_compute ()
 * @cohorts: (nullable) (element-type PbCohort): for the findings' colours
 *
 * Returns: (transfer full): an empty layout, to fill with
 *   pb_text_layout_fill_some ()
 */
PbTextLayout *
pb_text_layout_new (GtkTextTagTable *tags,
                    GStrv            pages,
                    GStrv            shown,
                    GPtrArray       *marks,
                    GPtrArray       *cohorts)
{
  PbTextLayout *layout = g_new0 (PbTextLayout, 1);

  layout->buffer = gtk_text_buffer_new (tags);
  layout->extra = gtk_text_tag_table_lookup (tags, "extra");
  layout->page_marks = g_ptr_array_new ();
  layout->label_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  layout->page_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  layout->pages = pages;
  layout->shown = shown;
  layout->marks = marks;
  layout->cohorts = cohorts ? g_ptr_array_ref (cohorts) : NULL;
  return layout;
}

void
pb_text_layout_free (PbTextLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_object (&layout->buffer);
  g_clear_pointer (&layout->page_marks, g_ptr_array_unref);
  g_clear_pointer (&layout->label_offsets, g_array_unref);
  g_clear_pointer (&layout->page_lengths, g_array_unref);
  g_clear_pointer (&layout->pages, g_strfreev);
  g_clear_pointer (&layout->shown, g_strfreev);
  g_clear_pointer (&layout->marks, g_ptr_array_unref);
  g_clear_pointer (&layout->cohorts, g_ptr_array_unref);
  g_free (layout);
}

GtkTextBuffer *
pb_text_layout_get_buffer (PbTextLayout *layout)
{
  return layout->buffer;
}

/**
 * pb_text_layout_get_n_pages:
 *
 * Returns: the pages put in so far
 */
guint
pb_text_layout_get_n_pages (PbTextLayout *layout)
{
  return layout->label_offsets->len;
}

/**
 * pb_text_layout_get_page_length:
 * @page: a page index put in, from 0
 *
 * Returns: the page's text's length, in characters
 */
guint
pb_text_layout_get_page_length (PbTextLayout *layout,
                                guint         page)
{
  g_return_val_if_fail (page < layout->page_lengths->len, 0);
  return g_array_index (layout->page_lengths, guint, page);
}

/**
 * pb_text_layout_label_at:
 * @page: a page index, from 0
 * @iter: (out): the start of its "Page N" line
 *
 * Returns: %FALSE for a page not put in
 */
gboolean
pb_text_layout_label_at (PbTextLayout *layout,
                         guint         page,
                         GtkTextIter  *iter)
{
  if (page >= layout->label_offsets->len)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (layout->buffer, iter, (int)g_array_index (layout->label_offsets, guint, page));
  return TRUE;
}

/**
 * pb_text_layout_iter_at:
 * @page: a page index, from 0
 * @index: a character index of that page's text
 * @iter: (out): where that character is in the buffer: before anything
 *   the view says before it
 *
 * Returns: %FALSE for a page not put in
 */
gboolean
pb_text_layout_iter_at (PbTextLayout *layout,
                        guint         page,
                        guint         index,
                        GtkTextIter  *iter)
{
  if (page >= layout->page_marks->len)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (layout->buffer, iter, g_ptr_array_index (layout->page_marks, page));
  while (index > 0 && !gtk_text_iter_is_end (iter))
    {
      GtkTextIter end = *iter;
      guint length;

      if (gtk_text_iter_has_tag (iter, layout->extra))
        {
          gtk_text_iter_forward_to_tag_toggle (iter, layout->extra);
          continue;
        }

      gtk_text_iter_forward_to_tag_toggle (&end, layout->extra);
      length = (guint)(gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (iter));
      if (index <= length)
        {
          gtk_text_iter_forward_chars (iter, (int)index);
          return TRUE;
        }
      index -= length;
      *iter = end;
    }
  return TRUE;
}

/**
 * pb_text_layout_place_of:
 * @iter: a place in the buffer
 * @page: (out): the page index it is on (its "Page N" line counts)
 * @index: (out): the character index of that page's text it is before;
 *   a place in words the view added counts as the next page character
 *
 * Returns: %FALSE with no page put in
 */
gboolean
pb_text_layout_place_of (PbTextLayout      *layout,
                         const GtkTextIter *iter,
                         guint             *page,
                         guint             *index)
{
  int offset = gtk_text_iter_get_offset (iter);
  GtkTextIter at;
  guint lo = 0, hi, count = 0;

  if (layout->label_offsets->len == 0)
    return FALSE;

  hi = layout->label_offsets->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if ((int)g_array_index (layout->label_offsets, guint, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  gtk_text_buffer_get_iter_at_mark (layout->buffer, &at, g_ptr_array_index (layout->page_marks, lo));
  while (gtk_text_iter_get_offset (&at) < offset)
    {
      GtkTextIter end = at;

      gtk_text_iter_forward_to_tag_toggle (&end, layout->extra);
      if (gtk_text_iter_get_offset (&end) > offset)
        end = *iter;
      if (!gtk_text_iter_has_tag (&at, layout->extra))
        count += (guint)(gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&at));
      if (gtk_text_iter_equal (&at, &end))
        break;
      at = end;
    }

  *page = lo;
  *index = MIN (count, g_array_index (layout->page_lengths, guint, lo));
  return TRUE;
}

static void
insert_extra (PbTextLayout *layout,
              GtkTextIter  *end,
              const char   *text,
              const char   *style)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (layout->buffer);

  gtk_text_buffer_insert_with_tags (layout->buffer, end, text, -1, layout->extra,
                                    style ? gtk_text_tag_table_lookup (tags, style) : NULL,
                                    NULL);
}

/* One page: "Page N", then its text, with a finding's words said before
 * it and a heading put on a line of its own. */
static void
insert_page (PbTextLayout *layout,
             guint         page)
{
  const char *shown = layout->shown[page];
  g_autofree char *label = g_strdup_printf (_("Page %u"), page + 1);
  guint length = (guint)g_utf8_strlen (layout->pages[page], -1);
  GtkTextIter end;
  guint done = 0;
  guint offset;

  gtk_text_buffer_get_end_iter (layout->buffer, &end);
  offset = (guint)gtk_text_iter_get_offset (&end);
  g_array_append_val (layout->label_offsets, offset);
  g_array_append_val (layout->page_lengths, length);
  insert_extra (layout, &end, label, "page-label");
  insert_extra (layout, &end, "\n", NULL);
  g_ptr_array_add (layout->page_marks, gtk_text_buffer_create_mark (layout->buffer, NULL, &end, TRUE));

  for (; layout->next_mark < layout->marks->len; layout->next_mark++)
    {
      PbTextMark *mark = g_ptr_array_index (layout->marks, layout->next_mark);
      const char *from, *to;

      if (mark->page > page)
        break;
      if (mark->page < page || mark->kind == PB_TEXT_MARK_PARAGRAPH ||
          (mark->kind == PB_TEXT_MARK_FINDING && mark->label == NULL))
        continue;

      from = g_utf8_offset_to_pointer (shown, done);
      to = g_utf8_offset_to_pointer (shown, MAX (mark->start, done));
      gtk_text_buffer_insert (layout->buffer, &end, from, (int)(to - from));
      done = MAX (mark->start, done);

      if (mark->kind == PB_TEXT_MARK_FINDING)
        {
          g_autofree char *said = g_strconcat (mark->label, " ", NULL);

          insert_extra (layout, &end, said, "finding-label");
        }
      else if (mark->start > 0 && *g_utf8_offset_to_pointer (shown, mark->start - 1) != '\n')
        insert_extra (layout, &end, "\n", NULL);
    }

  gtk_text_buffer_insert (layout->buffer, &end, g_utf8_offset_to_pointer (shown, done), -1);
  insert_extra (layout, &end, "\n\n", NULL);
}

/* A cohort's shade, one tag per cohort, kept in the view's tags. */
static GtkTextTag *
color_tag (PbTextLayout *layout,
           const char   *slug)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (layout->buffer);
  g_autofree char *name = g_strdup_printf ("finding-%s", slug ? slug : "");
  GtkTextTag *tag = gtk_text_tag_table_lookup (tags, name);
  GdkRGBA rgba = { 1.0, 0.86, 0.3, 0.45 };

  if (tag != NULL)
    return tag;

  for (guint c = 0; slug && layout->cohorts && c < layout->cohorts->len; c++)
    if (g_strcmp0 (pb_cohort_get_slug (g_ptr_array_index (layout->cohorts, c)), slug) == 0 &&
        gdk_rgba_parse (&rgba, pb_cohort_get_color (g_ptr_array_index (layout->cohorts, c))))
      rgba.alpha = 0.35;

  return gtk_text_buffer_create_tag (layout->buffer, name, "background-rgba", &rgba, NULL);
}

static void
apply_mark (PbTextLayout *layout,
            PbTextMark   *mark)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (layout->buffer);
  GtkTextIter start, end;
  GtkTextTag *tag;

  if (!pb_text_layout_iter_at (layout, mark->page, mark->start, &start) ||
      !pb_text_layout_iter_at (layout, mark->page, mark->end, &end))
    return;
  /* Past the words said before a finding, onto its own. */
  while (gtk_text_iter_has_tag (&start, layout->extra) && gtk_text_iter_compare (&start, &end) < 0)
    gtk_text_iter_forward_to_tag_toggle (&start, layout->extra);

  if (mark->kind == PB_TEXT_MARK_HEADING)
    tag = gtk_text_tag_table_lookup (tags, "heading");
  else if (mark->kind == PB_TEXT_MARK_PARAGRAPH)
    tag = gtk_text_tag_table_lookup (tags, "paragraph-number");
  else
    tag = color_tag (layout, mark->color);
  gtk_text_buffer_apply_tag (layout->buffer, tag, &start, &end);
}

/**
 * pb_text_layout_fill_some:
 * @budget_us: about how long to go on for, in microseconds
 *
 * Puts in the next pages, at least one, and tags their marks.
 *
 * Returns: %TRUE once every page is in
 */
gboolean
pb_text_layout_fill_some (PbTextLayout *layout,
                          gint64        budget_us)
{
  gint64 start = g_get_monotonic_time ();
  guint n_pages = g_strv_length (layout->pages);

  do
    {
      if (layout->next_page < n_pages)
        insert_page (layout, layout->next_page++);

      for (; layout->next_tagged < layout->marks->len; layout->next_tagged++)
        {
          PbTextMark *mark = g_ptr_array_index (layout->marks, layout->next_tagged);

          if (mark->page >= layout->next_page)
            break;
          apply_mark (layout, mark);
        }
    }
  while (layout->next_page < n_pages && g_get_monotonic_time () - start < budget_us);

  return layout->next_page >= n_pages;
}
