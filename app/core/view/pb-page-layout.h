/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-rect.h"
#include "pb-view-state.h"

G_BEGIN_DECLS

/* Zoom 1 shows a page as big as printed, on a 96 dpi screen. */
#define PB_PX_PER_PT  (96.0 / 72.0)
#define PB_ZOOM_MIN   0.25
#define PB_ZOOM_MAX   6.0
#define PB_ZOOM_STEP  1.2

/**
 * PbPageSize:
 * @width: in PDF points, as displayed (after any /Rotate)
 * @height: in PDF points, likewise
 */
typedef struct
{
  double width;
  double height;
} PbPageSize;

#define PB_TYPE_PAGE_LAYOUT (pb_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (PbPageLayout, pb_page_layout, PB, PAGE_LAYOUT, GObject)

PbPageLayout *pb_page_layout_new                 (void);
void          pb_page_layout_set_pages           (PbPageLayout     *self,
                                                  const PbPageSize *sizes,
                                                  guint             n_pages);
guint         pb_page_layout_get_n_pages         (PbPageLayout     *self);
void          pb_page_layout_set_viewport        (PbPageLayout     *self,
                                                  double            width,
                                                  double            height);
double        pb_page_layout_get_zoom            (PbPageLayout     *self);
void          pb_page_layout_set_zoom            (PbPageLayout     *self,
                                                  double            zoom);
double        pb_page_layout_set_zoom_keeping    (PbPageLayout     *self,
                                                  double            zoom,
                                                  guint             page_index,
                                                  double            offset);
void          pb_page_layout_set_zoom_around     (PbPageLayout     *self,
                                                  double            zoom,
                                                  double            x_offset,
                                                  double            y_offset,
                                                  double            x,
                                                  double            y,
                                                  double           *new_x_offset,
                                                  double           *new_y_offset);
double        pb_page_layout_get_scale           (PbPageLayout     *self);
double        pb_page_layout_get_content_width   (PbPageLayout     *self);
double        pb_page_layout_get_content_height  (PbPageLayout     *self);
gboolean      pb_page_layout_get_page_rect       (PbPageLayout     *self,
                                                  guint             page_index,
                                                  PbRect           *rect);
double        pb_page_layout_get_page_offset     (PbPageLayout     *self,
                                                  guint             page_index);
double        pb_page_layout_clamp_offset        (PbPageLayout     *self,
                                                  double            offset);
guint         pb_page_layout_page_at_y           (PbPageLayout     *self,
                                                  double            y);
gboolean      pb_page_layout_get_visible_pages   (PbPageLayout     *self,
                                                  double            offset,
                                                  guint            *first,
                                                  guint            *last);
guint         pb_page_layout_get_current_page    (PbPageLayout     *self,
                                                  double            offset);
double        pb_page_layout_fit_zoom            (PbPageLayout     *self,
                                                  PbSizing          sizing,
                                                  guint             page_index);
void          pb_page_layout_measure             (PbPageLayout     *self,
                                                  PbSizing          sizing,
                                                  guint             page_index,
                                                  double            viewport_width,
                                                  double            viewport_height,
                                                  int              *width,
                                                  int              *height);
int           pb_page_layout_round_size          (double            size);
gboolean      pb_page_layout_point_to_page       (PbPageLayout     *self,
                                                  double            x,
                                                  double            y,
                                                  guint            *page_index,
                                                  double           *x_pt,
                                                  double           *y_pt);
gboolean      pb_page_layout_page_to_point       (PbPageLayout     *self,
                                                  guint             page_index,
                                                  double            x_pt,
                                                  double            y_pt,
                                                  double           *x,
                                                  double           *y);

G_END_DECLS
