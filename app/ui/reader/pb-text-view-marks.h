/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the Text view marks in a report's pages' text, worked out on a
 * worker thread from plain values (no widget, no database). */

typedef enum
{
  PB_TEXT_MARK_HEADING,
  PB_TEXT_MARK_PARAGRAPH,    /* a numbered paragraph's number */
  PB_TEXT_MARK_FINDING,
} PbTextMarkKind;

/**
 * PbTextMark:
 * @kind: what is marked
 * @page: page index, from 0
 * @start: the first character marked, a character index of the page's text
 * @end: the character after the last
 * @label: (nullable): for a finding's first part, the words said before it
 *   ("[Finding: children in care]")
 * @color: (nullable): for a finding, the slug of the cohort it is coloured by
 */
typedef struct
{
  PbTextMarkKind  kind;
  guint           page;
  guint           start;
  guint           end;
  char           *label;
  char           *color;
} PbTextMark;

/* Input: a heading the structure found (its page index from 0, its words). */
typedef struct
{
  guint  page;
  char  *text;
} PbTextHeading;

/* Input: a finding, by its quote and the page indexes its anchors cover. */
typedef struct
{
  guint  first_page;
  guint  last_page;
  char  *quote;
  char  *label;
  char  *color;
} PbTextFindingInfo;

/* Input: a numbered paragraph: its page index and its number. */
typedef struct
{
  guint  page;
  guint  number;
} PbTextParagraphInfo;

void       pb_text_heading_clear       (gpointer            heading);
void       pb_text_finding_info_clear  (gpointer            info);
void       pb_text_mark_free           (PbTextMark         *mark);
GPtrArray *pb_text_marks_compute       (const char * const *pages,
                                        GArray             *headings,
                                        GArray             *paragraphs,
                                        GArray             *findings);
char      *pb_text_marks_soften_lines  (const char         *text,
                                        GPtrArray          *marks,
                                        guint               page);

G_END_DECLS
