/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_RECOMMENDATION_DIALOG (pb_recommendation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PbRecommendationDialog, pb_recommendation_dialog, PB, RECOMMENDATION_DIALOG, AdwWindow)

GtkWidget *pb_recommendation_dialog_new     (GtkWindow              *parent,
                                             PbLibrary              *library,
                                             const char             *authority);
gint64     pb_recommendation_dialog_get_added (PbRecommendationDialog *self);

G_END_DECLS
