/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"
#include "pb-structure.h"

G_BEGIN_DECLS

#define PB_TYPE_COHORT_OVERVIEW (pb_cohort_overview_get_type ())

G_DECLARE_FINAL_TYPE (PbCohortOverview, pb_cohort_overview, PB, COHORT_OVERVIEW, GtkWidget)

GtkWidget  *pb_cohort_overview_new           (void);
void        pb_cohort_overview_set_library   (PbCohortOverview *self,
                                              PbLibrary        *library);
void        pb_cohort_overview_refresh       (PbCohortOverview *self);
const char *pb_cohort_overview_get_authority (PbCohortOverview *self);
void        pb_cohort_overview_set_authority (PbCohortOverview *self,
                                              const char       *authority);
guint       pb_cohort_overview_get_n_inspections (PbCohortOverview *self);
GtkWidget  *pb_cohort_overview_get_cell      (PbCohortOverview *self,
                                              guint             inspection,
                                              PbJudgement       judgement);

G_END_DECLS
