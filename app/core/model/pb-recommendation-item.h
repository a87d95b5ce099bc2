/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-recommendation-status.h"
#include "pb-structure.h"

G_BEGIN_DECLS

#define PB_RECOMMENDATIONS_ERROR (pb_recommendations_error_quark ())

typedef enum
{
  PB_RECOMMENDATIONS_ERROR_INVALID,
  PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
  PB_RECOMMENDATIONS_ERROR_DATE,   /* a date not written YYYY-MM-DD, no real day,
                                    * or out of range (a status after today, or
                                    * before the report that made the item) */
} PbRecommendationsError;

GQuark pb_recommendations_error_quark (void);

#define PB_TYPE_RECOMMENDATION_ITEM (pb_recommendation_item_get_type ())

G_DECLARE_FINAL_TYPE (PbRecommendationItem, pb_recommendation_item, PB, RECOMMENDATION_ITEM, GObject)

gint64                 pb_recommendation_item_get_id             (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_authority      (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_text           (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_report_sha256  (PbRecommendationItem *self);
gint64                 pb_recommendation_item_get_report_id      (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_report_title   (PbRecommendationItem *self);
PbDocumentType         pb_recommendation_item_get_document_type  (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_source_date    (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_source_label   (PbRecommendationItem *self);
guint                  pb_recommendation_item_get_paragraph      (PbRecommendationItem *self);
guint                  pb_recommendation_item_get_page           (PbRecommendationItem *self);
const char * const    *pb_recommendation_item_get_cohorts        (PbRecommendationItem *self);
gboolean               pb_recommendation_item_has_cohort         (PbRecommendationItem *self,
                                                                  const char           *slug);
const char            *pb_recommendation_item_get_owner          (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_due            (PbRecommendationItem *self);
gboolean               pb_recommendation_item_get_overdue        (PbRecommendationItem *self);
gboolean               pb_recommendation_item_get_exempt         (PbRecommendationItem *self);
PbRecommendationStatus pb_recommendation_item_get_status         (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_status_date    (PbRecommendationItem *self);
const char            *pb_recommendation_item_get_status_note    (PbRecommendationItem *self);
guint                  pb_recommendation_item_get_evidence_count (PbRecommendationItem *self);
guint                  pb_recommendation_item_get_link_count     (PbRecommendationItem *self);
GDateTime             *pb_recommendation_item_get_created        (PbRecommendationItem *self);
GDateTime             *pb_recommendation_item_get_updated        (PbRecommendationItem *self);

char                  *pb_recommendation_item_dup_source_name    (PbRecommendationItem *self);
char                  *pb_recommendation_item_dup_source_phrase  (PbRecommendationItem *self);
char                  *pb_recommendation_item_dup_location       (PbRecommendationItem *self);

G_END_DECLS
