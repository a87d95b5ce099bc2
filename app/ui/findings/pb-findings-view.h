/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include <gtk/gtk.h>


G_BEGIN_DECLS

#define PB_TYPE_FINDINGS_VIEW (pb_findings_view_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingsView, pb_findings_view, PB, FINDINGS_VIEW, GtkWidget)

GtkWidget         *pb_findings_view_new            (void);
void               pb_findings_view_set_library    (PbFindingsView *self,
                                                    PbLibrary      *library);
GListModel        *pb_findings_view_get_model      (PbFindingsView *self);
GtkSelectionModel *pb_findings_view_get_selection  (PbFindingsView *self);
void               pb_findings_view_set_search     (PbFindingsView *self,
                                                    const char     *text);
void               pb_findings_view_refresh        (PbFindingsView *self);
gboolean           pb_findings_view_undo_delete    (PbFindingsView *self);
GtkColumnView     *pb_findings_view_get_column_view (PbFindingsView *self);
void               pb_findings_view_export         (PbFindingsView *self);
gboolean           pb_findings_view_focus_table    (PbFindingsView *self);
void               pb_findings_view_export_to      (PbFindingsView *self,
                                                    GFile          *file,
                                                    gboolean        include_exempt);

G_END_DECLS
