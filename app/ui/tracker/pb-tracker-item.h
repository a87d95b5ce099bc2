/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_TRACKER_ITEM (pb_tracker_item_get_type ())

G_DECLARE_FINAL_TYPE (PbTrackerItem, pb_tracker_item, PB, TRACKER_ITEM, GtkWidget)

GtkWidget  *pb_tracker_item_new           (void);
void        pb_tracker_item_set_library   (PbTrackerItem *self,
                                           PbLibrary     *library);
gboolean    pb_tracker_item_set_item_id   (PbTrackerItem *self,
                                           gint64         id);
gint64      pb_tracker_item_get_item_id   (PbTrackerItem *self);
void        pb_tracker_item_focus         (PbTrackerItem *self);
GtkListBox *pb_tracker_item_get_history   (PbTrackerItem *self);
void        pb_tracker_item_choose_evidence (PbTrackerItem *self,
                                             const gint64  *finding_ids,
                                             guint          n_findings);
gboolean    pb_tracker_item_undo          (PbTrackerItem *self);

G_END_DECLS
