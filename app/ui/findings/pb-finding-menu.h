/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-finding.h"

G_BEGIN_DECLS

/**
 * PbFindingMenuFlags:
 * @PB_FINDING_MENU_SHOW: offer Show on Page (where the finding is not on
 *   show already)
 * @PB_FINDING_MENU_PACKS: offer Add to Pack
 */
typedef enum
{
  PB_FINDING_MENU_DEFAULT = 0,
  PB_FINDING_MENU_SHOW    = 1 << 0,
  PB_FINDING_MENU_PACKS   = 1 << 1,
} PbFindingMenuFlags;

GMenuModel *pb_finding_menu_new (PbFinding          *finding,
                                 GPtrArray          *cohorts,
                                 GPtrArray          *packs,
                                 const char         *prefix,
                                 PbFindingMenuFlags  flags);

G_END_DECLS
