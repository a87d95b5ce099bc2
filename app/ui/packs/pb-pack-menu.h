/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"
#include "pb-pack.h"

G_BEGIN_DECLS

GMenuModel *pb_pack_menu_new          (PbLibrary    *library,
                                       const char   *action_name);
gint64      pb_pack_menu_create_pack  (PbLibrary    *library,
                                       GError      **error);
char       *pb_pack_menu_add_findings (PbLibrary    *library,
                                       gint64        pack_id,
                                       const gint64 *finding_ids,
                                       guint         n_findings,
                                       GError      **error);

G_END_DECLS
