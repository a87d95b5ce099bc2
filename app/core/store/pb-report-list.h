/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_REPORT_LIST (pb_report_list_get_type ())

G_DECLARE_FINAL_TYPE (PbReportList, pb_report_list, PB, REPORT_LIST, GObject)

PbReportList *pb_report_list_new      (PbLibrary     *library);
gboolean      pb_report_list_reload   (PbReportList  *self,
                                       GError       **error);
gint          pb_report_list_find     (PbReportList  *self,
                                       gint64         report_id);

G_END_DECLS
