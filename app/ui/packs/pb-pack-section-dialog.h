/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"
#include "pb-pack.h"

G_BEGIN_DECLS

#define PB_TYPE_PACK_SECTION_DIALOG (pb_pack_section_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PbPackSectionDialog, pb_pack_section_dialog, PB, PACK_SECTION_DIALOG, AdwWindow)

GtkWidget *pb_pack_section_dialog_new         (GtkWindow           *parent,
                                               PbLibrary           *library,
                                               gint64               pack_id,
                                               PbPackSectionKind    kind,
                                               gint64               section_id);
gint64     pb_pack_section_dialog_get_section (PbPackSectionDialog *self);

G_END_DECLS
