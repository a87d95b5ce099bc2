/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_TYPE_COHORT (pb_cohort_get_type ())

G_DECLARE_FINAL_TYPE (PbCohort, pb_cohort, PB, COHORT, GObject)

PbCohort   *pb_cohort_new             (gint64      id,
                                       const char *slug,
                                       const char *name,
                                       const char *color,
                                       gboolean    built_in);
gint64      pb_cohort_get_id          (PbCohort   *self);
const char *pb_cohort_get_slug        (PbCohort   *self);
const char *pb_cohort_get_name        (PbCohort   *self);
const char *pb_cohort_get_color       (PbCohort   *self);
gboolean    pb_cohort_get_built_in    (PbCohort   *self);

char       *pb_cohort_join_names      (GPtrArray          *cohorts,
                                       const char * const *slugs,
                                       const char         *separator);

G_END_DECLS
