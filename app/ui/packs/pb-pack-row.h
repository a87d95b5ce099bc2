/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-pack-contents.h"

G_BEGIN_DECLS

#define PB_TYPE_PACK_ROW (pb_pack_row_get_type ())

G_DECLARE_FINAL_TYPE (PbPackRow, pb_pack_row, PB, PACK_ROW, GtkListBoxRow)

GtkWidget   *pb_pack_row_new       (PbPackEntry *entry,
                                    const char  *cohort_color);
PbPackEntry *pb_pack_row_get_entry (PbPackRow   *self);

G_END_DECLS
