/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-page-layout"

#include "config.h"

#include <math.h>

#include "pb-page-layout.h"

/* Where the pages of a document sit in a continuous scroll, and what a
 * viewport onto them shows: the arithmetic of the reader's page view, with no
 * widget in it, so that tests can check it without a display.
 *
 * Layout coordinates are logical pixels from the top left of the whole
 * column of pages: a widget showing the layout subtracts its scroll offsets.
 * Pages are stacked top to bottom with a gap between them and a margin all
 * round, and each is centred across the wider of the viewport and the widest
 * page. */

#define PAGE_GAP 14.0
#define MARGIN   18.0

struct _PbPageLayout
{
  GObject  parent_instance;

  GArray  *sizes;            /* PbPageSize, PDF points */
  double  *tops;             /* layout y of each page's top */
  double   max_width_pt;
  double   content_height;
  double   zoom;
  double   viewport_width;
  double   viewport_height;
};

G_DEFINE_FINAL_TYPE (PbPageLayout, pb_page_layout, G_TYPE_OBJECT)

static void
relayout (PbPageLayout *self)
{
  double scale = pb_page_layout_get_scale (self);
  double y = MARGIN;

  g_clear_pointer (&self->tops, g_free);
  self->max_width_pt = 0;
  self->content_height = 0;

  if (self->sizes->len == 0)
    return;

  self->tops = g_new (double, self->sizes->len);
  for (guint i = 0; i < self->sizes->len; i++)
    {
      const PbPageSize *size = &g_array_index (self->sizes, PbPageSize, i);

      self->max_width_pt = MAX (self->max_width_pt, size->width);
      self->tops[i] = y;
      y += size->height * scale + PAGE_GAP;
    }

  self->content_height = y - PAGE_GAP + MARGIN;
}

static void
pb_page_layout_finalize (GObject *object)
{
  PbPageLayout *self = (PbPageLayout *)object;

  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->tops, g_free);

  G_OBJECT_CLASS (pb_page_layout_parent_class)->finalize (object);
}

static void
pb_page_layout_class_init (PbPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_page_layout_finalize;
}

static void
pb_page_layout_init (PbPageLayout *self)
{
  self->sizes = g_array_new (FALSE, FALSE, sizeof (PbPageSize));
  self->zoom = 1.0;
}

/**
 * pb_page_layout_new:
 *
 * Returns: (transfer full): a layout with no pages, at zoom 1
 */
PbPageLayout *
pb_page_layout_new (void)
{
  return g_object_new (PB_TYPE_PAGE_LAYOUT, NULL);
}

/**
 * pb_page_layout_set_pages:
 * @sizes: (array length=n_pages) (nullable): each page's size, in PDF points
 * @n_pages: how many pages; 0 for none
 *
 * Lays out a document's pages, replacing any laid out before.
 */
void
pb_page_layout_set_pages (PbPageLayout     *self,
                          const PbPageSize *sizes,
                          guint             n_pages)
{
  g_return_if_fail (PB_IS_PAGE_LAYOUT (self));
  g_return_if_fail (sizes != NULL || n_pages == 0);

  g_array_set_size (self->sizes, 0);
  if (n_pages > 0)
    g_array_append_vals (self->sizes, sizes, n_pages);
  relayout (self);
}

/**
 * pb_page_layout_get_n_pages:
 * @self: a layout
 *
 * Returns: how many pages it lays out
 */
guint
pb_page_layout_get_n_pages (PbPageLayout *self)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);
  return self->sizes->len;
}

/**
 * pb_page_layout_set_viewport:
 * @width: the width of what shows the pages, in logical pixels
 * @height: its height, in logical pixels
 *
 * Says how much of the layout is seen at once: pages are centred across the
 * viewport's width, and fitting and visibility are worked out for it.
 */
void
pb_page_layout_set_viewport (PbPageLayout *self,
                             double        width,
                             double        height)
{
  g_return_if_fail (PB_IS_PAGE_LAYOUT (self));

  self->viewport_width = MAX (width, 0);
  self->viewport_height = MAX (height, 0);
}

/**
 * pb_page_layout_get_zoom:
 * @self: a layout
 *
 * Returns: the scale pages are laid out at; 1 shows pages as big as printed
 *   on a 96 dpi screen
 */
double
pb_page_layout_get_zoom (PbPageLayout *self)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 1.0);
  return self->zoom;
}

/**
 * pb_page_layout_set_zoom:
 * @zoom: the scale; 1 shows pages as big as printed on a 96 dpi screen
 *
 * Sets the zoom, kept between %PB_ZOOM_MIN and %PB_ZOOM_MAX, and lays the
 * pages out again at it.
 */
void
pb_page_layout_set_zoom (PbPageLayout *self,
                         double        zoom)
{
  g_return_if_fail (PB_IS_PAGE_LAYOUT (self));

  self->zoom = CLAMP (zoom, PB_ZOOM_MIN, PB_ZOOM_MAX);
  relayout (self);
}

/**
 * pb_page_layout_set_zoom_keeping:
 * @zoom: the new zoom, as for pb_page_layout_set_zoom()
 * @page_index: the page to keep in place, from 0
 * @offset: the vertical scroll offset now, in layout pixels
 *
 * Changes the zoom so that the point of @page_index at the top of the viewport
 * stays there.
 *
 * Returns: the vertical scroll offset that keeps it there, in layout pixels
 *   at the new zoom, within the scrollable range
 */
double
pb_page_layout_set_zoom_keeping (PbPageLayout *self,
                                 double        zoom,
                                 guint         page_index,
                                 double        offset)
{
  double from_top_pt;

  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);

  if (page_index >= self->sizes->len)
    {
      pb_page_layout_set_zoom (self, zoom);
      return pb_page_layout_clamp_offset (self, offset);
    }

  from_top_pt = (offset - self->tops[page_index]) / pb_page_layout_get_scale (self);
  pb_page_layout_set_zoom (self, zoom);
  return pb_page_layout_clamp_offset (self, self->tops[page_index] + from_top_pt * pb_page_layout_get_scale (self));
}

/**
 * pb_page_layout_set_zoom_around:
 * @zoom: the new zoom, as for pb_page_layout_set_zoom()
 * @x_offset: the horizontal scroll offset now, in layout pixels
 * @y_offset: the vertical one
 * @x: the point to keep still, in the viewport, in logical pixels from its
 *   left edge: its centre, or where the pointer is
 * @y: likewise, from its top edge
 * @new_x_offset: (out): the horizontal scroll offset that keeps it still
 * @new_y_offset: (out): the vertical one
 *
 * Changes the zoom so that the point of the page under (@x, @y) stays under
 * it, as a document viewer zooms about the middle of the window or about
 * the pointer. The offsets are within the scrollable range: near the ends
 * of the document the point moves as little as it can.
 */
void
pb_page_layout_set_zoom_around (PbPageLayout *self,
                                double        zoom,
                                double        x_offset,
                                double        y_offset,
                                double        x,
                                double        y,
                                double       *new_x_offset,
                                double       *new_y_offset)
{
  double x_pt = 0, y_pt = 0, to_x, to_y;
  guint page = 0;
  gboolean on_page;

  g_return_if_fail (PB_IS_PAGE_LAYOUT (self));
  g_return_if_fail (new_x_offset != NULL && new_y_offset != NULL);

  on_page = pb_page_layout_point_to_page (self, x_offset + x, y_offset + y, &page, &x_pt, &y_pt);
  pb_page_layout_set_zoom (self, zoom);

  if (!on_page || !pb_page_layout_page_to_point (self, page, x_pt, y_pt, &to_x, &to_y))
    {
      *new_x_offset = 0;
      *new_y_offset = pb_page_layout_clamp_offset (self, y_offset);
      return;
    }

  *new_x_offset = CLAMP (to_x - x, 0, MAX (0, pb_page_layout_get_content_width (self) - self->viewport_width));
  *new_y_offset = pb_page_layout_clamp_offset (self, to_y - y);
}

/**
 * pb_page_layout_get_scale:
 *
 * Returns: logical pixels per PDF point at the current zoom
 */
double
pb_page_layout_get_scale (PbPageLayout *self)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), PB_PX_PER_PT);
  return self->zoom * PB_PX_PER_PT;
}

/**
 * pb_page_layout_get_content_width:
 *
 * Returns: the widest page and the margins either side, in logical pixels;
 *   0 with no pages
 */
double
pb_page_layout_get_content_width (PbPageLayout *self)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);

  if (self->sizes->len == 0)
    return 0;
  return self->max_width_pt * pb_page_layout_get_scale (self) + 2 * MARGIN;
}

/**
 * pb_page_layout_get_content_height:
 *
 * Returns: every page, the gaps between them and the margins above and
 *   below, in logical pixels; 0 with no pages
 */
double
pb_page_layout_get_content_height (PbPageLayout *self)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);
  return self->content_height;
}

/**
 * pb_page_layout_get_page_rect:
 * @page_index: from 0
 * @rect: (out): where the page is, in layout pixels (not PDF points)
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
pb_page_layout_get_page_rect (PbPageLayout *self,
                              guint         page_index,
                              PbRect       *rect)
{
  const PbPageSize *size;
  double scale, width, x;

  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (page_index >= self->sizes->len)
    return FALSE;

  size = &g_array_index (self->sizes, PbPageSize, page_index);
  scale = pb_page_layout_get_scale (self);
  width = size->width * scale;
  x = (MAX (self->viewport_width, pb_page_layout_get_content_width (self)) - width) / 2;

  *rect = (PbRect) { x, self->tops[page_index], x + width, self->tops[page_index] + size->height * scale };
  return TRUE;
}

/**
 * pb_page_layout_get_page_offset:
 * @page_index: from 0
 *
 * Returns: the vertical scroll offset that puts @page_index at the top of the
 *   viewport, its margin above it, in layout pixels; 0 if there is no such
 *   page
 */
double
pb_page_layout_get_page_offset (PbPageLayout *self,
                                guint         page_index)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);

  if (page_index >= self->sizes->len)
    return 0;
  return self->tops[page_index] - MARGIN;
}

/**
 * pb_page_layout_clamp_offset:
 * @offset: a vertical scroll offset, in layout pixels
 *
 * Returns: @offset within the range a viewport of its height can scroll
 */
double
pb_page_layout_clamp_offset (PbPageLayout *self,
                             double        offset)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);
  return CLAMP (offset, 0, MAX (0, self->content_height - self->viewport_height));
}

/**
 * pb_page_layout_page_at_y:
 * @y: a height in the layout, in layout pixels
 *
 * Returns: the page from 0 at @y; the gap under a page counts as that page's,
 *   and anything above the first page as the first's
 */
guint
pb_page_layout_page_at_y (PbPageLayout *self,
                          double        y)
{
  guint lo = 0, hi;

  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);

  hi = self->sizes->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->tops[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/**
 * pb_page_layout_get_visible_pages:
 * @offset: the vertical scroll offset, in layout pixels
 * @first: (out): the first page at least partly in the viewport, from 0
 * @last: (out): the last, from 0
 *
 * Returns: %FALSE, with both set to 0, when there are no pages
 */
gboolean
pb_page_layout_get_visible_pages (PbPageLayout *self,
                                  double        offset,
                                  guint        *first,
                                  guint        *last)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  if (self->sizes->len == 0)
    {
      *first = *last = 0;
      return FALSE;
    }

  *first = pb_page_layout_page_at_y (self, offset);
  *last = pb_page_layout_page_at_y (self, offset + self->viewport_height);
  return TRUE;
}

/**
 * pb_page_layout_get_current_page:
 * @offset: the vertical scroll offset, in layout pixels
 *
 * Returns: the page being read, from 0: the first when scrolled to the top,
 *   otherwise the page a third of the way down the viewport
 */
guint
pb_page_layout_get_current_page (PbPageLayout *self,
                                 double        offset)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 0);

  if (offset <= 0)
    return 0;
  return pb_page_layout_page_at_y (self, offset + self->viewport_height / 3.0);
}

/* The zoom at which the pages fit a viewport of @width × @height, as
 * pb_page_layout_fit_zoom () says. */
static double
fit_zoom_for (PbPageLayout *self,
              PbSizing      sizing,
              guint         page_index,
              double        viewport_width,
              double        viewport_height)
{
  double width = viewport_width - 2 * MARGIN;
  double height = viewport_height - 2 * MARGIN;
  double zoom;

  if (sizing == PB_SIZING_FREE || self->sizes->len == 0 || width <= 0)
    return self->zoom;

  zoom = width / (self->max_width_pt * PB_PX_PER_PT);
  if (sizing == PB_SIZING_FIT_PAGE && height > 0)
    {
      const PbPageSize *size = &g_array_index (self->sizes, PbPageSize, MIN (page_index, self->sizes->len - 1));

      zoom = MIN (zoom, height / (size->height * PB_PX_PER_PT));
    }

  return CLAMP (zoom, PB_ZOOM_MIN, PB_ZOOM_MAX);
}

/**
 * pb_page_layout_fit_zoom:
 * @sizing: how to size the pages
 * @page_index: for %PB_SIZING_FIT_PAGE, the page that must fit, from 0
 *
 * Returns: the zoom at which the widest page fills the viewport's width
 *   (%PB_SIZING_FIT_WIDTH), or at which @page_index also fits its height
 *   (%PB_SIZING_FIT_PAGE), margins included and within the zoom limits; the
 *   current zoom for %PB_SIZING_FREE, with no pages or with no viewport
 */
double
pb_page_layout_fit_zoom (PbPageLayout *self,
                         PbSizing      sizing,
                         guint         page_index)
{
  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), 1.0);

  if (self->viewport_height - 2 * MARGIN <= 0)
    return self->zoom;
  return fit_zoom_for (self, sizing, page_index, self->viewport_width, self->viewport_height);
}

/**
 * pb_page_layout_measure:
 * @sizing: how the pages will be sized
 * @page_index: for %PB_SIZING_FIT_PAGE, the page that must fit, from 0
 * @viewport_width: the width the pages will be shown in, in logical pixels;
 *   -1 for the least width they can take
 * @viewport_height: the height, likewise; -1 for the viewport's height now
 * @width: (out): the width of the pages and their margins at that size, in
 *   whole logical pixels
 * @height: (out): their height, likewise
 *
 * What the pages would take if laid out in a viewport of that size, without
 * laying them out: what a scrolling container must know before it gives the
 * view its size, to decide on its scrollbars as the view will.
 * pb_page_layout_get_content_width () and _height () come to the same
 * numbers, rounded as here, once the layout is at that zoom.
 */
void
pb_page_layout_measure (PbPageLayout *self,
                        PbSizing      sizing,
                        guint         page_index,
                        double        viewport_width,
                        double        viewport_height,
                        int          *width,
                        int          *height)
{
  double zoom, scale, pages_pt = 0;

  g_return_if_fail (PB_IS_PAGE_LAYOUT (self));
  g_return_if_fail (width != NULL && height != NULL);

  *width = *height = 0;
  if (self->sizes->len == 0)
    return;

  if (viewport_height < 0)
    viewport_height = self->viewport_height;

  if (sizing == PB_SIZING_FREE)
    zoom = self->zoom;
  else if (viewport_width < 0)
    zoom = PB_ZOOM_MIN;
  else
    zoom = fit_zoom_for (self, sizing, page_index, viewport_width, viewport_height);

  scale = zoom * PB_PX_PER_PT;
  for (guint i = 0; i < self->sizes->len; i++)
    pages_pt += g_array_index (self->sizes, PbPageSize, i).height;

  *width = pb_page_layout_round_size (self->max_width_pt * scale + 2 * MARGIN);
  *height = pb_page_layout_round_size (pages_pt * scale + (self->sizes->len - 1) * PAGE_GAP + 2 * MARGIN);
}

/**
 * pb_page_layout_round_size:
 * @size: a length in logical pixels
 *
 * Returns: @size in whole pixels, up, but not for a rounding error: pages
 *   that fit a viewport exactly must not be a hair too wide for it
 */
int
pb_page_layout_round_size (double size)
{
  return (int)ceil (size - 0.01);
}

/**
 * pb_page_layout_point_to_page:
 * @x: a point in the layout, in layout pixels
 * @y: likewise
 * @page_index: (out): the page at @y, from 0, as pb_page_layout_page_at_y()
 * @x_pt: (out): @x on that page, in PDF points from its left edge
 * @y_pt: (out): @y on that page, in PDF points from its top edge
 *
 * Returns: %FALSE when there are no pages
 */
gboolean
pb_page_layout_point_to_page (PbPageLayout *self,
                              double        x,
                              double        y,
                              guint        *page_index,
                              double       *x_pt,
                              double       *y_pt)
{
  PbRect rect;
  double scale;

  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), FALSE);

  *page_index = pb_page_layout_page_at_y (self, y);
  if (!pb_page_layout_get_page_rect (self, *page_index, &rect))
    return FALSE;   /* no pages */
  scale = pb_page_layout_get_scale (self);
  *x_pt = (x - rect.x1) / scale;
  *y_pt = (y - rect.y1) / scale;
  return TRUE;
}

/**
 * pb_page_layout_page_to_point:
 * @page_index: from 0
 * @x_pt: a point on the page, in PDF points from its left edge
 * @y_pt: likewise, from its top edge
 * @x: (out): where that is in the layout, in layout pixels
 * @y: (out): likewise
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
pb_page_layout_page_to_point (PbPageLayout *self,
                              guint         page_index,
                              double        x_pt,
                              double        y_pt,
                              double       *x,
                              double       *y)
{
  PbRect rect;
  double scale;

  g_return_val_if_fail (PB_IS_PAGE_LAYOUT (self), FALSE);

  if (!pb_page_layout_get_page_rect (self, page_index, &rect))
    return FALSE;

  scale = pb_page_layout_get_scale (self);
  *x = rect.x1 + x_pt * scale;
  *y = rect.y1 + y_pt * scale;
  return TRUE;
}
