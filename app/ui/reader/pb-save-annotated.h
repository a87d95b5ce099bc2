/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"
#include "pb-report.h"

G_BEGIN_DECLS

void pb_save_annotated    (GtkWidget *widget,
                           PbLibrary *library,
                           PbReport  *report);
void pb_save_annotated_to (GtkWidget *widget,
                           PbLibrary *library,
                           PbReport  *report,
                           GFile     *file,
                           gboolean   include_exempt);

G_END_DECLS
