/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-rect.h"

G_BEGIN_DECLS

#define PB_TYPE_PAGE_TEXT (pb_page_text_get_type ())

typedef struct _PbPageText PbPageText;

GType        pb_page_text_get_type       (void) G_GNUC_CONST;
PbPageText  *pb_page_text_new            (guint              page_index,
                                          const char        *text,
                                          const PbRect      *boxes,
                                          guint              n_boxes);
PbPageText  *pb_page_text_new_with_lines (guint              page_index,
                                          const char        *text,
                                          const PbRect      *boxes,
                                          const guint       *lines,
                                          guint              n_boxes);
PbPageText  *pb_page_text_ref            (PbPageText        *self);
void         pb_page_text_unref          (PbPageText        *self);
guint        pb_page_text_get_page       (const PbPageText  *self);
guint        pb_page_text_get_n_chars    (const PbPageText  *self);
const char  *pb_page_text_get_text       (const PbPageText  *self);
const PbRect *pb_page_text_get_box       (const PbPageText  *self,
                                          guint              index);
gsize        pb_page_text_get_offset     (const PbPageText  *self,
                                          guint              index);
void         pb_page_text_get_line_bounds (const PbPageText *self,
                                          guint              index,
                                          guint             *start,
                                          guint             *end);
guint        pb_page_text_skip_paragraph_number (const PbPageText *self,
                                                 guint             index);
int          pb_page_text_index_at_point (const PbPageText  *self,
                                          double             x,
                                          double             y);
char        *pb_page_text_dup_range      (const PbPageText  *self,
                                          guint              start,
                                          guint              end);
GArray      *pb_page_text_get_range_rects (const PbPageText *self,
                                          guint              start,
                                          guint              end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPageText, pb_page_text_unref)

G_END_DECLS
