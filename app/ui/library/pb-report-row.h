/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-report.h"

G_BEGIN_DECLS

#define PB_TYPE_REPORT_ROW (pb_report_row_get_type ())

G_DECLARE_FINAL_TYPE (PbReportRow, pb_report_row, PB, REPORT_ROW, GtkWidget)

GtkWidget *pb_report_row_new        (PbReport    *report);
PbReport  *pb_report_row_get_report (PbReportRow *self);
void       pb_report_row_set_report (PbReportRow *self,
                                     PbReport    *report);
void       pb_report_row_set_origin (PbReportRow *self,
                                     const char  *pack_title);
const char *pb_report_row_get_origin (PbReportRow *self);
char      *pb_format_report_summary (PbReport    *report);
char      *pb_format_capitalised    (const char  *text);

G_END_DECLS
