/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"
#include "pb-pack-contents.h"

G_BEGIN_DECLS

#define PB_TYPE_FINDING_PICKER (pb_finding_picker_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingPicker, pb_finding_picker, PB, FINDING_PICKER, GtkWidget)

GtkWidget  *pb_finding_picker_new          (void);
void        pb_finding_picker_set_library  (PbFindingPicker *self,
                                            PbLibrary       *library);
void        pb_finding_picker_set_contents (PbFindingPicker *self,
                                            PbPackContents  *contents);
GListModel *pb_finding_picker_get_findings (PbFindingPicker *self);
void        pb_finding_picker_focus_search (PbFindingPicker *self);

G_END_DECLS
