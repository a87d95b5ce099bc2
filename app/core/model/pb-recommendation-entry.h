/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-recommendation-status.h"

G_BEGIN_DECLS

/* What one line of an item's history records. */
typedef enum
{
  PB_RECOMMENDATION_ENTRY_STATUS,        /* a dated status, with a note and evidence */
  PB_RECOMMENDATION_ENTRY_REPEATED_FROM, /* this item repeats an earlier one */
  PB_RECOMMENDATION_ENTRY_RAISED_AGAIN,  /* a later item repeats this one */
} PbRecommendationEntryKind;

#define PB_TYPE_RECOMMENDATION_ENTRY (pb_recommendation_entry_get_type ())

G_DECLARE_FINAL_TYPE (PbRecommendationEntry, pb_recommendation_entry, PB, RECOMMENDATION_ENTRY, GObject)

PbRecommendationEntryKind pb_recommendation_entry_get_kind           (PbRecommendationEntry *self);
gint64                    pb_recommendation_entry_get_id             (PbRecommendationEntry *self);
gint64                    pb_recommendation_entry_get_item_id        (PbRecommendationEntry *self);
const char               *pb_recommendation_entry_get_date           (PbRecommendationEntry *self);
PbRecommendationStatus    pb_recommendation_entry_get_status         (PbRecommendationEntry *self);
const char               *pb_recommendation_entry_get_note           (PbRecommendationEntry *self);
GPtrArray                *pb_recommendation_entry_get_evidence       (PbRecommendationEntry *self);
gint64                    pb_recommendation_entry_get_linked_item_id (PbRecommendationEntry *self);
const char               *pb_recommendation_entry_get_linked_text    (PbRecommendationEntry *self);
const char               *pb_recommendation_entry_get_summary        (PbRecommendationEntry *self);
GDateTime                *pb_recommendation_entry_get_created        (PbRecommendationEntry *self);

G_END_DECLS
