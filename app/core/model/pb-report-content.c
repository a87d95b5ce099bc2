/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-content"

#include "config.h"

#include "pb-report-content.h"

static void
page_content_clear (PbPageContent *page)
{
  g_free (page->text);
}

/**
 * pb_markup_free:
 * @markup: (transfer full) (nullable): a markup
 */
void
pb_markup_free (PbMarkup *markup)
{
  if (markup == NULL)
    return;
  g_clear_pointer (&markup->anchors, g_array_unref);
  g_free (markup->quote);
  g_free (markup->note);
  g_free (markup);
}

/**
 * pb_report_content_new:
 *
 * Returns: (transfer full): content with no pages, no markups and no metadata
 */
PbReportContent *
pb_report_content_new (void)
{
  PbReportContent *content = g_new0 (PbReportContent, 1);

  content->pages = g_array_new (FALSE, TRUE, sizeof (PbPageContent));
  g_array_set_clear_func (content->pages, (GDestroyNotify)page_content_clear);
  content->markups = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_markup_free);
  return content;
}

/**
 * pb_report_content_free:
 * @content: (transfer full) (nullable): content to free
 */
void
pb_report_content_free (PbReportContent *content)
{
  if (content == NULL)
    return;
  g_clear_pointer (&content->pages, g_array_unref);
  g_clear_pointer (&content->markups, g_ptr_array_unref);
  g_free (content->title);
  g_free (content->pdf_title);
  g_free (content->author);
  g_free (content->subject);
  g_free (content->keywords);
  g_free (content->creator);
  g_free (content->producer);
  g_clear_pointer (&content->created, g_date_time_unref);
  g_clear_pointer (&content->modified, g_date_time_unref);
  g_free (content->fingerprint);
  g_free (content);
}

/**
 * pb_report_content_get_texts:
 * @content: content read from a PDF
 *
 * Returns: (transfer container) (element-type utf8): each page's text, in
 *   page order and followed by %NULL, so that ->pdata is the
 *   `const char * const *` the structure reader takes; the strings belong to
 *   @content
 */
GPtrArray *
pb_report_content_get_texts (PbReportContent *content)
{
  GPtrArray *texts;

  g_return_val_if_fail (content != NULL, NULL);

  texts = g_ptr_array_sized_new (content->pages->len + 1);
  for (guint i = 0; i < content->pages->len; i++)
    g_ptr_array_add (texts, g_array_index (content->pages, PbPageContent, i).text);
  g_ptr_array_add (texts, NULL);
  return texts;
}
