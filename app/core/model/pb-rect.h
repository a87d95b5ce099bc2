/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PbRect:
 * @x1: left edge
 * @y1: top edge
 * @x2: right edge
 * @y2: bottom edge
 *
 * A rectangle in PDF points (1/72 inch), with the origin at the page's top
 * left and y growing downwards, as displayed (after any /Rotate). Poppler's
 * search results use a bottom-left origin and are turned round on the way in.
 */
typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} PbRect;

G_END_DECLS
