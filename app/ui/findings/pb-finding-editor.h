/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding.h"
#include "pb-library.h"
#include <adwaita.h>


G_BEGIN_DECLS

#define PB_TYPE_FINDING_EDITOR (pb_finding_editor_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingEditor, pb_finding_editor, PB, FINDING_EDITOR, AdwWindow)

PbFindingEditor *pb_finding_editor_new         (GtkWindow       *parent,
                                                PbLibrary       *library,
                                                PbFinding       *finding);
PbFinding       *pb_finding_editor_get_finding (PbFindingEditor *self);
void             pb_finding_editor_set_cohort  (PbFindingEditor *self,
                                                const char      *slug,
                                                gboolean         active);
gboolean         pb_finding_editor_commit      (PbFindingEditor *self);
gboolean         pb_finding_editor_get_reanchoring (PbFindingEditor *self);
gint64           pb_finding_editor_get_suggestion_id (PbFindingEditor *self);
void             pb_finding_editor_set_suggestion_id (PbFindingEditor *self,
                                                      gint64           suggestion_id);

G_END_DECLS
