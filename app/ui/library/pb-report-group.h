/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-report.h"

G_BEGIN_DECLS

/* How the library's sidebar groups reports. */
typedef enum
{
  PB_GROUPING_NONE,
  PB_GROUPING_AUTHORITY,
  PB_GROUPING_TYPE,
} PbGrouping;

PbGrouping  pb_grouping_from_string (const char *text);
const char *pb_grouping_to_string   (PbGrouping  grouping);

#define PB_TYPE_REPORT_GROUP (pb_report_group_get_type ())

G_DECLARE_FINAL_TYPE (PbReportGroup, pb_report_group, PB, REPORT_GROUP, GObject)

GListStore *pb_report_groups_new        (GListModel    *reports,
                                         PbGrouping     grouping);
const char *pb_report_group_get_title   (PbReportGroup *self);
GListModel *pb_report_group_get_reports (PbReportGroup *self);
gboolean    pb_report_group_contains    (PbReportGroup *self,
                                         PbReport      *report);

G_END_DECLS
