/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-recommendation-status.h"

G_BEGIN_DECLS

#define PB_TYPE_STATUS_BADGE (pb_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (PbStatusBadge, pb_status_badge, PB, STATUS_BADGE, GtkWidget)

GtkWidget              *pb_status_badge_new        (void);
PbRecommendationStatus  pb_status_badge_get_status (PbStatusBadge          *self);
void                    pb_status_badge_set_status (PbStatusBadge          *self,
                                                    PbRecommendationStatus  status);
const char             *pb_status_badge_get_text   (PbStatusBadge          *self);
void                    pb_tracker_load_css        (void);

G_END_DECLS
