/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* How a pack's tracker table shares out a page's width. */
typedef struct
{
  double   width;        /* the table's width, in points */
  double   font_size;    /* the cells' type size, in points */
  double   padding;      /* a cell's left and right padding together, in points */
  double   status_bar;   /* the coloured rule down the status cell, in points */
  gboolean bold_status;  /* whether the status is set bold */
} PbTrackerFitSpec;

void _pb_tracker_fit_widths (const PbPackTracker     *tracker,
                             const PbTrackerFitSpec  *spec,
                             double                  *widths);

G_END_DECLS
