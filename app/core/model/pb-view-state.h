/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PbSizing:
 * @PB_SIZING_FREE: the zoom is the user's own
 * @PB_SIZING_FIT_WIDTH: pages fill the view's width
 * @PB_SIZING_FIT_PAGE: a whole page fits in the view
 *
 * How the reader sizes pages.
 */
typedef enum
{
  PB_SIZING_FREE,
  PB_SIZING_FIT_WIDTH,
  PB_SIZING_FIT_PAGE,
} PbSizing;

/**
 * PbViewState:
 * @page_index: the page at the top of the view, from 0
 * @zoom: the scale, 1.0 for 72 pixels per inch (one pixel per PDF point)
 * @sizing: how pages are sized; @zoom counts only for %PB_SIZING_FREE
 *
 * Where a report was left in the reader, as the library keeps it.
 */
typedef struct
{
  guint    page_index;
  double   zoom;
  PbSizing sizing;
} PbViewState;

const char *pb_sizing_to_slug   (PbSizing           sizing);
gboolean    pb_sizing_from_slug (const char        *slug,
                                 PbSizing          *sizing);
gboolean    pb_view_state_equal (const PbViewState *a,
                                 const PbViewState *b);

G_END_DECLS
