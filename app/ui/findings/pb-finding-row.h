/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-finding.h"

G_BEGIN_DECLS

#define PB_TYPE_FINDING_ROW (pb_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingRow, pb_finding_row, PB, FINDING_ROW, GtkListBoxRow)

GtkWidget *pb_finding_row_new             (PbFinding    *finding,
                                           GPtrArray    *cohorts,
                                           GMenuModel   *menu);
GtkWidget *pb_finding_row_get_menu_button (PbFindingRow *self);
PbFinding *pb_finding_row_get_finding     (PbFindingRow *self);
char      *pb_finding_row_format_citation (PbFinding    *finding);

G_END_DECLS
