/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"
#include "pb-structure-reader.h"
#include "pb-text-fold.h"

/* Reads what an inspection report says about itself: its type, authority,
 * dates, lead inspector, judgements, cohort sections, numbered paragraphs and
 * "What needs to improve?" items. These are pure functions over each page's
 * text in reading order (as import stores it), so any PDF, or none, gives an
 * answer: a document that is not an Ofsted report is "other", with nothing
 * else claimed.
 *
 * The judgement table is read from the reading-order lines, in which each row
 * is its label followed by its grade; labels are matched by the words Ofsted
 * has used for each judgement across the SIF (2013-2017) and ILACS (2018 on)
 * frameworks. */

/**
 * pb_structure_read_text:
 * @pages: (array zero-terminated=1): each page's text in reading order
 *
 * Returns: (transfer full): what the text says about the document
 */
PbStructure *
pb_structure_read_text (const char * const *pages)
{
  PbStructure *structure = pb_structure_new ();
  g_autoptr(GArray) lines = NULL;
  guint body = 0;

  g_return_val_if_fail (pages != NULL, NULL);

  lines = _pb_structure_split_lines (pages);
  _pb_structure_mark_running_lines (lines);
  structure->type = _pb_structure_detect_type (lines);

  if (structure->type == PB_DOCUMENT_OTHER)
    return structure;

  structure->local_authority = _pb_structure_detect_authority (lines, structure->type);
  _pb_structure_detect_dates (lines, structure);
  structure->lead_inspector = _pb_structure_detect_lead_inspector (lines);

  if (structure->type == PB_DOCUMENT_ILACS_INSPECTION)
    {
      guint table = _pb_structure_find_line (lines, 0, "Judgement", 40);

      if (table != G_MAXUINT)
        body = _pb_structure_read_table (lines, table + 1, structure);
    }
  else if (structure->type == PB_DOCUMENT_SIF_INSPECTION)
    {
      guint table = _pb_structure_find_line (lines, 0, "1. Children who need help and protection", 60);

      _pb_structure_read_sif_overall (lines, structure);
      if (table != G_MAXUINT)
        body = _pb_structure_read_table (lines, table, structure);
    }

  _pb_structure_read_recommendations (lines, 0, structure);
  _pb_structure_read_body (lines, body, structure);

  return structure;
}

/**
 * pb_structure_paragraph_for_quote:
 *
 * Returns: the number of the numbered paragraph that @quote on @page (from 1)
 *   is in, or 0 when the report's paragraphs are not numbered or the quote is
 *   not after one
 */
guint
pb_structure_paragraph_for_quote (const char * const *pages,
                                  guint               page,
                                  const char         *quote)
{
  g_autoptr(PbStructure) structure = pb_structure_read_text (pages);
  g_autofree char *needle = NULL;
  const char *page_text;
  gsize position;
  guint paragraph = 0;

  for (guint n = 0; n < page; n++)
    if (pages[n] == NULL)
      return 0;

  /* Where the quote starts on its page, matched as quotes are everywhere
   * (pb-text-fold.c); its first words are enough. */
  page_text = pages[page - 1];
  needle = g_utf8_substring (quote, 0, MIN (g_utf8_strlen (quote, -1), 24));
  if (!pb_text_find (page_text, needle, PB_TEXT_FIND_DEFAULT, &position, NULL))
    return 0;

  /* The last numbered paragraph that starts before it. */
  for (guint i = 0; i < structure->paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (structure->paragraphs, PbParagraph, i);

      if (p->page > page || (p->page == page && p->offset > position))
        break;
      paragraph = p->number;
    }

  return paragraph;
}
