/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_COMPARE_VIEW (pb_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (PbCompareView, pb_compare_view, PB, COMPARE_VIEW, GtkWidget)

GtkWidget  *pb_compare_view_new          (void);
void        pb_compare_view_set_library  (PbCompareView *self,
                                          PbLibrary     *library);
void        pb_compare_view_refresh      (PbCompareView *self);
gboolean    pb_compare_view_compare      (PbCompareView *self,
                                          gint64         before_id,
                                          gint64         after_id);
gint64      pb_compare_view_get_before   (PbCompareView *self);
gint64      pb_compare_view_get_after    (PbCompareView *self);
const char *pb_compare_view_get_summary  (PbCompareView *self);
GtkWidget  *pb_compare_view_get_content  (PbCompareView *self);
gboolean    pb_compare_view_get_narrow   (PbCompareView *self);

G_END_DECLS
