/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"
#include "pb-recommendation-store.h"

G_BEGIN_DECLS

#define PB_TYPE_RECOMMENDATION_LIST (pb_recommendation_list_get_type ())

G_DECLARE_FINAL_TYPE (PbRecommendationList, pb_recommendation_list, PB, RECOMMENDATION_LIST, GObject)

PbRecommendationList *pb_recommendation_list_new        (PbLibrary                    *library);
void                  pb_recommendation_list_set_filter (PbRecommendationList         *self,
                                                         const PbRecommendationFilter *filter);
gboolean              pb_recommendation_list_reload     (PbRecommendationList         *self,
                                                         GError                      **error);
gint                  pb_recommendation_list_find       (PbRecommendationList         *self,
                                                         gint64                        id);

G_END_DECLS
