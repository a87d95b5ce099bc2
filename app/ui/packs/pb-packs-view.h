/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-pack-editor.h"

G_BEGIN_DECLS

#define PB_TYPE_PACKS_VIEW (pb_packs_view_get_type ())

G_DECLARE_FINAL_TYPE (PbPacksView, pb_packs_view, PB, PACKS_VIEW, GtkWidget)

void          pb_packs_view_set_library (PbPacksView *self,
                                         PbLibrary   *library);
gboolean      pb_packs_view_select_pack (PbPacksView *self,
                                         gint64       pack_id);
gint64        pb_packs_view_new_pack    (PbPacksView *self);
PbPackEditor *pb_packs_view_get_editor  (PbPacksView *self);
gboolean      pb_packs_view_go_back     (PbPacksView *self);
GtkWidget    *pb_packs_view_get_picker  (PbPacksView *self);
GListModel   *pb_packs_view_get_packs   (PbPacksView *self);

G_END_DECLS
