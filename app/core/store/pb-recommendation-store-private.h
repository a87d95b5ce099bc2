/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-recommendation-item-private.h"
#include "pb-recommendation-store.h"

G_BEGIN_DECLS

/* Shared by the recommendation store's files. */

gboolean    _pb_recommendation_valid_date (const char    *text);
char       *_pb_recommendation_today      (void);

gboolean    _pb_recommendation_exists     (sqlite3       *db,
                                           gint64         id,
                                           GError       **error);
gboolean    _pb_recommendation_finish     (PbLibrary     *library,
                                           gboolean       ok,
                                           gint64         id,
                                           GError       **error);
GPtrArray  *_pb_recommendation_query      (PbLibrary                    *library,
                                           const PbRecommendationFilter *filter,
                                           gint64                        only_id,
                                           GError                      **error);
gint64      _pb_recommendation_insert     (sqlite3                      *db,
                                           const PbRecommendationDraft  *draft,
                                           const char                   *source_type,
                                           GError                      **error);

/* pb-recommendation-history.c */
GPtrArray  *_pb_recommendation_history    (PbLibrary                    *library,
                                           gint64                        id,
                                           GHashTable                   *findings,
                                           GError                      **error);

G_END_DECLS
