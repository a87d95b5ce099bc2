/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"
#include "pb-report.h"
#include "pb-structure.h"

G_BEGIN_DECLS

#define PB_TYPE_REPORT_DETAILS (pb_report_details_get_type ())

G_DECLARE_FINAL_TYPE (PbReportDetails, pb_report_details, PB, REPORT_DETAILS, GtkWidget)

GtkWidget *pb_report_details_new        (void);
void       pb_report_details_set_library (PbReportDetails *self,
                                          PbLibrary       *library);
PbReport  *pb_report_details_get_report (PbReportDetails *self);
void       pb_report_details_set_report (PbReportDetails *self,
                                         PbReport        *report);
void       pb_report_details_set_structure (PbReportDetails *self,
                                            PbStructure     *structure);
void       pb_report_details_focus_start (PbReportDetails *self);
GtkWidget *pb_grade_badge_new           (PbGrade          grade);

G_END_DECLS
