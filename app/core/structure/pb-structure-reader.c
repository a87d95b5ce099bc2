/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"
#include "pb-structure-reader.h"
#include "pb-text-fold.h"

/* Reads what an inspection report or letter says about itself: its type,
 * authority, dates, lead inspector, judgements, cohort sections, numbered
 * paragraphs and the items to improve. These are pure functions over each
 * page's text in reading order (as import stores it), so any PDF, or none,
 * gives an answer: a document that is not an Ofsted report is "other", with
 * nothing else claimed. The type is decided by what the text contains
 * (pb-structure-type.c); the PDF adapter may add the tagged judgement table
 * through @tagged. */

PbStructure *
_pb_structure_read (const char * const *pages,
                    PbTaggedTableFunc   tagged,
                    gpointer            data)
{
  PbStructure *structure = pb_structure_new ();
  g_autoptr(GArray) lines = NULL;
  guint body = 0;
  guint title;

  lines = _pb_structure_split_lines (pages);
  _pb_structure_mark_running_lines (lines);

  /* A scan without a text layer (or a document of blank pages) has nothing
   * to read: said so, as that is why it is "other". */
  if (lines->len == 0)
    _pb_structure_add_reason (structure, "no text: the pages have no words to read (a scan without a text layer?)");

  title = _pb_structure_decide_type (lines, tagged, data, structure, &body);
  _pb_structure_detect_stated_date (lines, structure);

  switch (structure->type)
    {
    case PB_DOCUMENT_OTHER:
      return structure;

    case PB_DOCUMENT_SIF_INSPECTION:
      _pb_structure_read_sif_overall (lines, structure);
      G_GNUC_FALLTHROUGH;
    case PB_DOCUMENT_ILACS_INSPECTION:
      _pb_structure_detect_dates (lines, structure);
      structure->lead_inspector = _pb_structure_detect_lead_inspector (lines);
      break;

    case PB_DOCUMENT_FOCUSED_VISIT:
    case PB_DOCUMENT_MONITORING_VISIT:
    case PB_DOCUMENT_JTAI:
    case PB_DOCUMENT_ASSURANCE_VISIT:
    default:
      _pb_structure_read_letter (lines, title, structure);
      break;
    }

  _pb_structure_read_recommendations (lines, 0, structure);
  _pb_structure_read_body (lines, body, structure);

  return structure;
}

/**
 * pb_structure_read_text:
 * @pages: (array zero-terminated=1): each page's text in reading order
 *
 * Returns: (transfer full): what the text says about the document
 */
PbStructure *
pb_structure_read_text (const char * const *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);

  return _pb_structure_read (pages, NULL, NULL);
}

/**
 * pb_structure_paragraph_for_quote:
 *
 * Returns: the number of the numbered paragraph that @quote on page
 *   @page_number (from 1) is in, or 0 when the report's paragraphs are not
 *   numbered or the quote is not after one
 */
guint
pb_structure_paragraph_for_quote (const char * const *pages,
                                  guint               page_number,
                                  const char         *quote)
{
  g_autoptr(PbStructure) structure = pb_structure_read_text (pages);
  g_autofree char *needle = NULL;
  const char *page_text;
  gsize position;
  guint paragraph = 0;

  for (guint n = 0; n < page_number; n++)
    if (pages[n] == NULL)
      return 0;

  /* Where the quote starts on its page, matched as quotes are everywhere
   * (pb-text-fold.c); its first words are enough. */
  page_text = pages[page_number - 1];
  needle = g_utf8_substring (quote, 0, MIN (g_utf8_strlen (quote, -1), 24));
  if (!pb_text_find (page_text, needle, PB_TEXT_FIND_DEFAULT, &position, NULL))
    return 0;

  /* The last numbered paragraph that starts before it. */
  for (guint i = 0; i < structure->paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (structure->paragraphs, PbParagraph, i);

      if (p->page > page_number || (p->page == page_number && p->offset > position))
        break;
      paragraph = p->number;
    }

  return paragraph;
}
