/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-suggestion.h"

G_BEGIN_DECLS

#define PB_TYPE_FINDINGS_PANEL (pb_findings_panel_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingsPanel, pb_findings_panel, PB, FINDINGS_PANEL, GtkWidget)

GtkWidget *pb_findings_panel_new            (void);
void       pb_findings_panel_set_model      (PbFindingsPanel *self,
                                             GListModel      *findings,
                                             GPtrArray       *cohorts,
                                             GPtrArray       *packs);
guint      pb_findings_panel_get_n_shown    (PbFindingsPanel *self);
void       pb_findings_panel_set_suggestions (PbFindingsPanel *self,
                                              GPtrArray       *suggestions);
guint      pb_findings_panel_get_n_suggestions (PbFindingsPanel *self);
gboolean   pb_findings_panel_focus_tracked  (PbFindingsPanel *self,
                                             gint64           suggestion_id);

G_END_DECLS
