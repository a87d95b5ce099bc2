/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* What a recommendations section and a comparison section print, built
 * from the library as the walk reaches them (pb-pack-tracker.c). Each
 * holds every string it gives out. */

typedef struct _PbPackTrackerContent PbPackTrackerContent;

PbPackTrackerContent   *_pb_pack_tracker_content_new        (PbLibrary            *library,
                                                              const PbPackSection  *section,
                                                              gboolean              exempt_allowed,
                                                              GHashTable           *cohort_names,
                                                              GError              **error);
const PbPackTracker    *_pb_pack_tracker_content_get_tracker (PbPackTrackerContent *self);
PbPackTrackerContent   *_pb_pack_comparison_content_new     (PbLibrary            *library,
                                                              const PbPackSection  *section,
                                                              gboolean              exempt_allowed,
                                                              GError              **error);
const PbPackComparison *_pb_pack_tracker_content_get_comparison (PbPackTrackerContent *self);
void                    _pb_pack_tracker_content_free       (PbPackTrackerContent *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackTrackerContent, _pb_pack_tracker_content_free)

G_END_DECLS
