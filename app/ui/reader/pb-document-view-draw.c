/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include "pb-document-view-private.h"

/* The page view's pictures: asking the document's worker for the pages in
 * sight and those next to them, keeping what comes back in the page cache,
 * and drawing pages with findings, find matches and the selection on top.
 *
 * Pages are rendered at the zoom times the screen's scale factor, so they
 * are sharp on HiDPI screens. A page not rendered yet is drawn as a blank
 * page of the right size, or as an older rendering stretched, never as a
 * jump. */

#define NEAR_PAGES 2

static double
render_scale (PbDocumentView *self)
{
  return pb_page_layout_get_scale (self->layout) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static GObject *
texture_from_surface (cairo_surface_t *surface,
                      gpointer         user_data)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* Made on the worker: the texture shares the surface's pixels, no copy.
   * Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return G_OBJECT (gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride));
}

static void
page_rendered_cb (PbDocumentView *self,
                  guint           page,
                  double          scale,
                  GObject        *image,
                  guint64         n_bytes,
                  PbDocument     *document)
{
  pb_page_cache_insert (self->cache, page, scale, image, (gsize)n_bytes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pages rendered for @document come back as textures, into the cache. */
void
_pb_document_view_attach_renderer (PbDocumentView *self,
                                   PbDocument     *document)
{
  pb_document_set_image_func (document, texture_from_surface, NULL, NULL);
  g_signal_connect_object (document, "page-rendered", G_CALLBACK (page_rendered_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_pb_document_view_update_renders (PbDocumentView *self)
{
  g_autoptr(GArray) requests = NULL;
  guint n = pb_page_layout_get_n_pages (self->layout);
  double scale;
  guint first, last, from, to;

  if (self->document == NULL || n == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  scale = render_scale (self);
  pb_page_layout_get_visible_pages (self->layout, gtk_adjustment_get_value (self->vadjustment), &first, &last);
  from = first > NEAR_PAGES ? first - NEAR_PAGES : 0;
  to = MIN (last + NEAR_PAGES, n - 1);

  pb_page_cache_pin_range (self->cache, from, to);

  requests = g_array_new (FALSE, FALSE, sizeof (PbRenderRequest));
  for (guint page = first; page <= last; page++)
    if (pb_page_cache_lookup (self->cache, page, scale) == NULL)
      g_array_append_val (requests, ((PbRenderRequest) { page, scale, PB_RENDER_PRIORITY_VISIBLE }));

  /* Then outwards from the screen: next page first, as reading goes down. */
  for (guint d = 1; d <= NEAR_PAGES; d++)
    {
      if (last + d <= to && pb_page_cache_lookup (self->cache, last + d, scale) == NULL)
        g_array_append_val (requests, ((PbRenderRequest) { last + d, scale, PB_RENDER_PRIORITY_NEAR }));
      if (first >= from + d && pb_page_cache_lookup (self->cache, first - d, scale) == NULL)
        g_array_append_val (requests, ((PbRenderRequest) { first - d, scale, PB_RENDER_PRIORITY_NEAR }));
    }

  pb_document_request_renders (self->document, (PbRenderRequest *)(gpointer)requests->data, requests->len);
}

static void
append_rects (PbDocumentView  *self,
              GtkSnapshot     *snapshot,
              guint            page,
              GArray          *rects,
              const GdkRGBA   *color)
{
  graphene_rect_t area = _pb_document_view_page_rect (self, page);
  double k = pb_page_layout_get_scale (self->layout);

  for (guint i = 0; i < rects->len; i++)
    {
      const PbRect *r = &g_array_index (rects, PbRect, i);

      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT ((float)(area.origin.x + r->x1 * k - 1),
                                                      (float)(area.origin.y + r->y1 * k - 1),
                                                      (float)((r->x2 - r->x1) * k + 2),
                                                      (float)((r->y2 - r->y1) * k + 2)));
    }
}

static void
append_exempt_mark (GtkSnapshot *snapshot,
                    double       x,
                    double       y,
                    double       w,
                    double       h)
{
  static const GdkRGBA exempt_red = { 0.65, 0.11, 0.18, 0.9 };
  const GdkRGBA colors[4] = { exempt_red, exempt_red, exempt_red, exempt_red };
  const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT ((float)x, (float)y, (float)w, (float)h), 1);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);

  /* Dashes down the left edge, outside the band. */
  for (double d = y; d < y + h; d += 5)
    gtk_snapshot_append_color (snapshot, &exempt_red,
                               &GRAPHENE_RECT_INIT ((float)(x - 4), (float)d, 2.5f, (float)MIN (3, y + h - d)));
}

static GdkRGBA
cohort_color (PbDocumentView *self,
              const char     *slug)
{
  GdkRGBA *color = self->cohort_colors ? g_hash_table_lookup (self->cohort_colors, slug) : NULL;
  GdkRGBA fallback = { 0.6, 0.6, 0.6, 1 };

  return color ? *color : fallback;
}

/* Each finding as a translucent band over its lines, coloured by cohort: with
 * several cohorts, the band is striped, one stripe a cohort, so every colour
 * shows. An exempt finding (not for publication) is also ruled round in
 * dark red, dashed down its left, so that it never passes for a public one
 * on the page, whatever its colours. */
static void
append_findings (PbDocumentView *self,
                 GtkSnapshot    *snapshot,
                 guint           page)
{
  graphene_rect_t area;
  double k;
  guint n;

  if (self->findings == NULL)
    return;

  area = _pb_document_view_page_rect (self, page);
  k = pb_page_layout_get_scale (self->layout);
  n = g_list_model_get_n_items (self->findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);
      const char * const *cohorts = pb_finding_get_cohorts (finding);
      guint n_cohorts = cohorts ? g_strv_length ((char **)cohorts) : 0;

      for (guint a = 0; a < anchors->len; a++)
        {
          const PbAnchor *anchor = &g_array_index (anchors, PbAnchor, a);
          double x = area.origin.x + anchor->rect.x1 * k - 1;
          double y = area.origin.y + anchor->rect.y1 * k - 1;
          double w = (anchor->rect.x2 - anchor->rect.x1) * k + 2;
          double h = (anchor->rect.y2 - anchor->rect.y1) * k + 2;

          if (anchor->page != page + 1)
            continue;

          for (guint c = 0; c < MAX (n_cohorts, 1); c++)
            {
              GdkRGBA color = cohort_color (self, n_cohorts ? cohorts[c] : "");
              double stripe = h / MAX (n_cohorts, 1);

              color.alpha = 0.38;
              gtk_snapshot_append_color (snapshot, &color,
                                         &GRAPHENE_RECT_INIT ((float)x, (float)(y + c * stripe),
                                                              (float)w, (float)stripe));
            }

          if (pb_finding_get_exempt (finding))
            append_exempt_mark (snapshot, x, y, w, h);
        }
    }
}

/* Caret browsing's caret: a thin bar before its character (or after the
 * last one), so that the keyboard's place on the page can be seen. */
static void
append_caret (PbDocumentView *self,
              GtkSnapshot    *snapshot,
              guint           page)
{
  static const GdkRGBA caret_color = { 0.1, 0.1, 0.1, 0.9 };
  guint caret_page, index, n_chars;
  graphene_rect_t area;
  const PbRect *box;
  PbPageText *text;
  double k, x;

  if (!pb_document_view_get_caret (self, &caret_page, &index) || caret_page != page ||
      !(text = pb_text_selection_get_page_text (self->selection, page)) ||
      (n_chars = pb_page_text_get_n_chars (text)) == 0)
    return;

  box = pb_page_text_get_box (text, MIN (index, n_chars - 1));
  x = index < n_chars ? box->x1 : box->x2;
  /* A space or line break has no height: the caret before one (at a
   * line's end, where End puts it) stands after the letter before. */
  if (index > 0 && index < n_chars && box->y2 <= box->y1)
    {
      box = pb_page_text_get_box (text, index - 1);
      x = box->x2;
    }
  area = _pb_document_view_page_rect (self, page);
  k = pb_page_layout_get_scale (self->layout);
  gtk_snapshot_append_color (snapshot, &caret_color,
                             &GRAPHENE_RECT_INIT ((float)(area.origin.x + x * k) - 0.75f,
                                                  (float)(area.origin.y + box->y1 * k),
                                                  1.5f,
                                                  (float)MAX ((box->y2 - box->y1) * k, 8)));
}

void
_pb_document_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.22 };
  static const GdkRGBA match_color = { 0.96, 0.83, 0.18, 0.45 };
  static const GdkRGBA current_color = { 1.0, 0.47, 0.0, 0.55 };
  GdkRGBA selection_color = { 0.21, 0.52, 0.89, 0.35 };
  g_autoptr(GPtrArray) selection = NULL;
  double scale;
  guint first, last;

  if (self->document == NULL ||
      !pb_page_layout_get_visible_pages (self->layout, gtk_adjustment_get_value (self->vadjustment),
                                         &first, &last))
    return;

  scale = render_scale (self);
  selection = pb_text_selection_get_spans (self->selection);

  for (guint page = first; page <= last; page++)
    {
      graphene_rect_t area = _pb_document_view_page_rect (self, page);
      GskRoundedRect outline;
      GdkTexture *texture;
      double cached_scale;

      gsk_rounded_rect_init_from_rect (&outline, &area, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 4);
      gtk_snapshot_append_color (snapshot, &white, &area);

      texture = (GdkTexture *)pb_page_cache_lookup (self->cache, page, scale);
      if (texture == NULL)
        texture = (GdkTexture *)pb_page_cache_lookup_any (self->cache, page, &cached_scale);
      if (texture != NULL)
        gtk_snapshot_append_texture (snapshot, texture, &area);

      append_findings (self, snapshot, page);

      if (self->matches != NULL)
        for (guint i = 0; i < self->matches->len; i++)
          {
            PbFindMatch *match = g_ptr_array_index (self->matches, i);

            if (match->page == page)
              append_rects (self, snapshot, page, match->rects,
                            (int)i == self->current_match ? &current_color : &match_color);
          }

      for (guint i = 0; i < selection->len; i++)
        {
          PbSelectionSpan *span = g_ptr_array_index (selection, i);

          if (span->page == page)
            append_rects (self, snapshot, page, span->rects, &selection_color);
        }

      append_caret (self, snapshot, page);
    }
}
