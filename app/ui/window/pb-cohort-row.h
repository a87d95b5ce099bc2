/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-cohort.h"

G_BEGIN_DECLS

#define PB_TYPE_COHORT_ROW (pb_cohort_row_get_type ())

G_DECLARE_FINAL_TYPE (PbCohortRow, pb_cohort_row, PB, COHORT_ROW, AdwEntryRow)

GtkWidget *pb_cohort_row_new        (PbCohort    *cohort);
PbCohort  *pb_cohort_row_get_cohort (PbCohortRow *self);

G_END_DECLS
