/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"
#include "pb-document-view-private.h"

/* The page view's zoom, its memory for rendered pages and where its pages
 * are, as the rest of the reader asks for them. */

double
pb_document_view_get_zoom (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 1.0);
  return pb_view_model_get_zoom (self->model);
}

/**
 * pb_document_view_set_zoom:
 * @zoom: the user's own zoom: pages stop fitting the view
 */
void
pb_document_view_set_zoom (PbDocumentView *self,
                           double          zoom)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_view_model_zoom_to (self->model, zoom);
}

PbSizing
pb_document_view_get_sizing (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), PB_SIZING_FREE);
  return pb_view_model_get_sizing (self->model);
}

void
pb_document_view_set_sizing (PbDocumentView *self,
                             PbSizing        sizing)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_view_model_set_sizing (self->model, sizing);
}

void
pb_document_view_zoom_in (PbDocumentView *self)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_view_model_zoom_in (self->model);
}

void
pb_document_view_zoom_out (PbDocumentView *self)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_view_model_zoom_out (self->model);
}

/**
 * pb_document_view_set_cache_budget:
 * @bytes: how much memory rendered pages may take
 */
void
pb_document_view_set_cache_budget (PbDocumentView *self,
                                   gsize           bytes)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_page_cache_set_budget (self->cache, bytes);
}

/**
 * pb_document_view_get_cache_size:
 *
 * Returns: how much memory rendered pages take now, in bytes
 */
gsize
pb_document_view_get_cache_size (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);
  return pb_page_cache_get_size (self->cache);
}

/**
 * pb_document_view_get_visible_pages:
 * @first: (out): the first page in sight, from 0
 * @last: (out): the last, from 0
 *
 * Both are 0 with no document.
 */
void
pb_document_view_get_visible_pages (PbDocumentView *self,
                                    guint          *first,
                                    guint          *last)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  pb_page_layout_get_visible_pages (self->layout, gtk_adjustment_get_value (self->vadjustment), first, last);
}

/**
 * pb_document_view_page_to_widget:
 * @page: from 0
 * @x_pt: a point on the page, in PDF points from its left edge
 * @y_pt: likewise, from its top edge
 * @x: (out): where that is in the widget
 * @y: (out): likewise
 *
 * Returns: %FALSE if the view has no such page
 */
gboolean
pb_document_view_page_to_widget (PbDocumentView *self,
                                 guint           page,
                                 double          x_pt,
                                 double          y_pt,
                                 double         *x,
                                 double         *y)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);

  if (!pb_page_layout_page_to_point (self->layout, page, x_pt, y_pt, x, y))
    return FALSE;

  *x -= gtk_adjustment_get_value (self->hadjustment);
  *y -= gtk_adjustment_get_value (self->vadjustment);
  return TRUE;
}
