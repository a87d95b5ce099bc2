/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-document-view.h"

G_BEGIN_DECLS

#define PB_TYPE_FIND_BAR (pb_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (PbFindBar, pb_find_bar, PB, FIND_BAR, GtkWidget)

GtkWidget *pb_find_bar_new               (void);
void       pb_find_bar_set_view          (PbFindBar      *self,
                                          PbDocumentView *view);
void       pb_find_bar_reveal            (PbFindBar      *self);
void       pb_find_bar_find              (PbFindBar      *self,
                                          const char     *text,
                                          int             near_page);
void       pb_find_bar_clear             (PbFindBar      *self);
void       pb_find_bar_find_next         (PbFindBar      *self);
void       pb_find_bar_find_previous     (PbFindBar      *self);
gboolean   pb_find_bar_get_finding       (PbFindBar      *self);
guint      pb_find_bar_get_n_matches     (PbFindBar      *self);
int        pb_find_bar_get_current_match (PbFindBar      *self);

G_END_DECLS
