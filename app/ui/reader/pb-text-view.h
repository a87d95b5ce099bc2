/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"
#include "pb-report.h"

G_BEGIN_DECLS

#define PB_TYPE_TEXT_VIEW (pb_text_view_get_type ())

G_DECLARE_FINAL_TYPE (PbTextView, pb_text_view, PB, TEXT_VIEW, GtkWidget)

GtkWidget   *pb_text_view_new            (void);
void         pb_text_view_set_source     (PbTextView  *self,
                                          PbLibrary   *library,
                                          PbReport    *report,
                                          GListModel  *findings,
                                          GPtrArray   *cohorts);
void         pb_text_view_load           (PbTextView  *self);
gboolean     pb_text_view_get_loaded     (PbTextView  *self);
GtkTextView *pb_text_view_get_text_view  (PbTextView  *self);
void         pb_text_view_show_page      (PbTextView  *self,
                                          guint        page);
guint        pb_text_view_get_caret_page (PbTextView  *self);
gboolean     pb_text_view_get_selection  (PbTextView  *self,
                                          guint       *start_page,
                                          guint       *start_index,
                                          guint       *end_page,
                                          guint       *end_index);
gboolean     pb_text_view_iter_at        (PbTextView  *self,
                                          guint        page,
                                          guint        index,
                                          GtkTextIter *iter);

G_END_DECLS
