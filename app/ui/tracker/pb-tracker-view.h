/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-compare-view.h"
#include "pb-library.h"
#include "pb-tracker-item.h"

G_BEGIN_DECLS

#define PB_TYPE_TRACKER_VIEW (pb_tracker_view_get_type ())

G_DECLARE_FINAL_TYPE (PbTrackerView, pb_tracker_view, PB, TRACKER_VIEW, GtkWidget)

GtkWidget     *pb_tracker_view_new              (void);
void           pb_tracker_view_set_library      (PbTrackerView *self,
                                                 PbLibrary     *library);
void           pb_tracker_view_refresh          (PbTrackerView *self);
GListModel    *pb_tracker_view_get_model        (PbTrackerView *self);
guint          pb_tracker_view_get_n_items      (PbTrackerView *self);
const char    *pb_tracker_view_get_authority    (PbTrackerView *self);
void           pb_tracker_view_set_authority    (PbTrackerView *self,
                                                 const char    *authority);
void           pb_tracker_view_show_item        (PbTrackerView *self,
                                                 gint64         id);
gint64         pb_tracker_view_get_shown_item   (PbTrackerView *self);
void           pb_tracker_view_show_list        (PbTrackerView *self);
void           pb_tracker_view_show_comparison  (PbTrackerView *self,
                                                 gint64         before_id,
                                                 gint64         after_id);
guint          pb_tracker_view_offer_links      (PbTrackerView *self,
                                                 gint64         report_id);
void           pb_tracker_view_review_report    (PbTrackerView *self,
                                                 gint64         report_id);
gboolean       pb_tracker_view_get_narrow       (PbTrackerView *self);
PbTrackerItem *pb_tracker_view_get_item_page    (PbTrackerView *self);
PbCompareView *pb_tracker_view_get_compare_view (PbTrackerView *self);

G_END_DECLS
