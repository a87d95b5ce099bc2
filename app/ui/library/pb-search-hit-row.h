/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-search.h"

G_BEGIN_DECLS

#define PB_TYPE_SEARCH_HIT_ROW (pb_search_hit_row_get_type ())

G_DECLARE_FINAL_TYPE (PbSearchHitRow, pb_search_hit_row, PB, SEARCH_HIT_ROW, GtkWidget)

GtkWidget   *pb_search_hit_row_new     (void);
PbSearchHit *pb_search_hit_row_get_hit (PbSearchHitRow *self);
void         pb_search_hit_row_set_heading (PbSearchHitRow *self,
                                            const char     *heading);
void         pb_search_hit_row_set_hit (PbSearchHitRow *self,
                                        PbSearchHit    *hit);

G_END_DECLS
