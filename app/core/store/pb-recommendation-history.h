/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-status.h"

G_BEGIN_DECLS

/* One update of a tracked item: a new dated status (with a note and the
 * findings that evidence it), a new owner or due date, or several of these
 * at once. Fields left at their initial values change nothing. */
typedef struct
{
  int            status;       /* a PbRecommendationStatus, or -1 for no new entry */
  const char    *date;         /* YYYY-MM-DD the status was judged; NULL for today */
  const char    *note;         /* with the status, or NULL */
  const gint64  *evidence;     /* finding ids, with the status */
  guint          n_evidence;
  const char    *owner;        /* NULL leaves it; "" names nobody */
  const char    *due;          /* YYYY-MM-DD; NULL leaves it; "" clears it */
} PbRecommendationUpdate;

#define PB_RECOMMENDATION_UPDATE_INIT { -1, NULL, NULL, NULL, 0, NULL, NULL }

typedef struct _PbRecommendationUndo PbRecommendationUndo;

gboolean   pb_library_update_recommendation       (PbLibrary                     *library,
                                                   gint64                         id,
                                                   const PbRecommendationUpdate  *update,
                                                   PbRecommendationUndo         **undo,
                                                   GError                       **error);
gboolean   pb_library_undo_recommendation_update  (PbLibrary                     *library,
                                                   PbRecommendationUndo          *undo,
                                                   GError                       **error);
gint64     pb_recommendation_undo_get_id          (PbRecommendationUndo          *undo);
gint64     pb_recommendation_undo_get_entry_id    (PbRecommendationUndo          *undo);
void       pb_recommendation_undo_free            (PbRecommendationUndo          *undo);
GPtrArray *pb_library_list_recommendation_history (PbLibrary                     *library,
                                                   gint64                         id,
                                                   GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbRecommendationUndo, pb_recommendation_undo_free)

G_END_DECLS
