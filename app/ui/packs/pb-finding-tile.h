/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-finding.h"

G_BEGIN_DECLS

/* Where a finding stands with the pack it might be added to. */
typedef enum
{
  PB_FINDING_TILE_ADDABLE,
  PB_FINDING_TILE_IN_PACK,
  PB_FINDING_TILE_REFUSED,   /* exempt, and the pack is public */
} PbFindingTileState;

#define PB_TYPE_FINDING_TILE (pb_finding_tile_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingTile, pb_finding_tile, PB, FINDING_TILE, GtkWidget)

GtkWidget          *pb_finding_tile_new         (void);
PbFinding          *pb_finding_tile_get_finding (PbFindingTile      *self);
void                pb_finding_tile_set_finding (PbFindingTile      *self,
                                                 PbFinding          *finding,
                                                 GHashTable         *cohort_colors);
PbFindingTileState  pb_finding_tile_get_state   (PbFindingTile      *self);
void                pb_finding_tile_set_state   (PbFindingTile      *self,
                                                 PbFindingTileState  state);

G_END_DECLS
