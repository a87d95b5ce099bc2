/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a tracked recommendation stands, as a panel's action plan records
 * it; each is shown with a RAG (red, amber, green) colour and, for those
 * who cannot tell the colours apart, its words. */
typedef enum
{
  PB_RECOMMENDATION_STATUS_NOT_STARTED,
  PB_RECOMMENDATION_STATUS_IN_PROGRESS,
  PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT,
  PB_RECOMMENDATION_STATUS_MET,
  PB_RECOMMENDATION_STATUS_NOT_MET,
  PB_N_RECOMMENDATION_STATUSES
} PbRecommendationStatus;

typedef enum
{
  PB_RAG_RED,
  PB_RAG_AMBER,
  PB_RAG_GREEN,
} PbRag;

const char *pb_recommendation_status_to_slug   (PbRecommendationStatus  status);
gboolean    pb_recommendation_status_from_slug (const char             *slug,
                                                PbRecommendationStatus *status);
const char *pb_recommendation_status_get_label (PbRecommendationStatus  status);
PbRag       pb_recommendation_status_get_rag   (PbRecommendationStatus  status);
gboolean    pb_recommendation_status_is_open   (PbRecommendationStatus  status);
char       *pb_recommendation_status_list_slugs (void);

const char *pb_rag_to_slug                     (PbRag                   rag);
const char *pb_rag_get_label                   (PbRag                   rag);
const char *pb_rag_get_color                   (PbRag                   rag);

G_END_DECLS
