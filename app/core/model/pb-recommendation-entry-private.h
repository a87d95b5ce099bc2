/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-recommendation-entry.h"

G_BEGIN_DECLS

struct _PbRecommendationEntry
{
  GObject                    parent_instance;

  PbRecommendationEntryKind  kind;
  gint64                     id;              /* the entry's; 0 for a link */
  gint64                     item_id;
  char                      *date;            /* YYYY-MM-DD */
  PbRecommendationStatus     status;
  char                      *note;            /* "" when none */
  GPtrArray                 *evidence;        /* PbFinding, never NULL */
  gint64                     linked_item_id;  /* for a link: the other item */
  char                      *linked_text;
  char                      *summary;         /* the line for people */
  GDateTime                 *created;
};

PbRecommendationEntry *_pb_recommendation_entry_new (PbRecommendationEntryKind kind);

G_END_DECLS
