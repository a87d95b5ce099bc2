/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_REPORT_RECS_DIALOG (pb_report_recs_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PbReportRecsDialog, pb_report_recs_dialog, PB, REPORT_RECS_DIALOG, AdwWindow)

GtkWidget  *pb_report_recs_dialog_new        (GtkWindow          *parent,
                                              PbLibrary          *library,
                                              const char         *authority,
                                              gint64              report_id);
gint64      pb_report_recs_dialog_get_report (PbReportRecsDialog *self);
GtkListBox *pb_report_recs_dialog_get_list   (PbReportRecsDialog *self);

G_END_DECLS
