/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-cohort.h"
#include "pb-library.h"

G_BEGIN_DECLS

GPtrArray  *pb_library_list_cohorts           (PbLibrary              *library,
                                               GError                **error);
GHashTable *pb_library_get_cohort_colors      (PbLibrary              *library);
PbCohort   *pb_library_add_cohort             (PbLibrary              *library,
                                               const char             *name,
                                               const char             *color,
                                               GError                **error);
gboolean    pb_library_update_cohort          (PbLibrary              *library,
                                               const char             *slug,
                                               const char             *name,
                                               const char             *color,
                                               GError                **error);
guint       pb_library_count_cohort_findings  (PbLibrary              *library,
                                               const char             *slug);
gboolean    pb_library_remove_cohort         (PbLibrary              *library,
                                               const char             *slug,
                                               gboolean                even_if_used,
                                               GError                **error);

G_END_DECLS
