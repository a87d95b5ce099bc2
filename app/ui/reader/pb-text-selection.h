/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-document.h"

G_BEGIN_DECLS

/**
 * PbSelectionSpan:
 * @page: the page, from 0
 * @rects: (element-type PbRect): one per line selected, in PDF points
 * @text: the words selected on the page
 *
 * One page's part of a text selection.
 */
typedef struct
{
  guint   page;
  GArray *rects;
  char   *text;
} PbSelectionSpan;

void pb_selection_span_free (PbSelectionSpan *span);

/**
 * PbSelectUnit:
 * @PB_SELECT_CHARS: from character to character, as a drag selects
 * @PB_SELECT_WORDS: whole words, as a double click selects
 * @PB_SELECT_LINES: whole lines, as a triple click selects
 *
 * What a selection grows by: its ends are moved out to the edges of these.
 */
typedef enum
{
  PB_SELECT_CHARS,
  PB_SELECT_WORDS,
  PB_SELECT_LINES,
} PbSelectUnit;

#define PB_TYPE_TEXT_SELECTION (pb_text_selection_get_type ())

G_DECLARE_FINAL_TYPE (PbTextSelection, pb_text_selection, PB, TEXT_SELECTION, GObject)

PbTextSelection *pb_text_selection_new          (void);
void             pb_text_selection_set_document (PbTextSelection *self,
                                                 PbDocument      *document);
void             pb_text_selection_select       (PbTextSelection *self,
                                                 guint            anchor_page,
                                                 double           anchor_x,
                                                 double           anchor_y,
                                                 guint            focus_page,
                                                 double           focus_x,
                                                 double           focus_y);
void             pb_text_selection_extend       (PbTextSelection *self,
                                                 guint            focus_page,
                                                 double           focus_x,
                                                 double           focus_y);
void             pb_text_selection_set_unit     (PbTextSelection *self,
                                                 PbSelectUnit     unit);
PbSelectUnit     pb_text_selection_get_unit     (PbTextSelection *self);
void             pb_text_selection_clear        (PbTextSelection *self);
gboolean         pb_text_selection_is_active    (PbTextSelection *self);
GPtrArray       *pb_text_selection_get_spans    (PbTextSelection *self);
GPtrArray       *pb_text_selection_get_spans_by (PbTextSelection *self,
                                                 PbSelectUnit     unit);
gboolean         pb_text_selection_skip_paragraph_number (PbTextSelection *self,
                                                          PbSelectUnit     unit);
char            *pb_text_selection_dup_text     (PbTextSelection *self);
void             pb_text_selection_select_range (PbTextSelection *self,
                                                 guint            anchor_page,
                                                 guint            anchor_index,
                                                 guint            focus_page,
                                                 guint            focus_index);
PbPageText      *pb_text_selection_get_page_text (PbTextSelection *self,
                                                 guint            page);
gboolean         pb_text_selection_get_ends     (PbTextSelection *self,
                                                 guint           *anchor_page,
                                                 guint           *anchor_index,
                                                 guint           *focus_page,
                                                 guint           *focus_index);
guint            pb_text_selection_word_edge    (PbTextSelection *self,
                                                 PbPageText      *text,
                                                 guint            index,
                                                 gboolean         forward);

G_END_DECLS
