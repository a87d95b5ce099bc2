/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include <math.h>

#include "pb-document-view.h"
#include "pb-page-cache.h"

/* All pages of a document in one continuous column, as a GtkScrollable.
 *
 * Layout is in logical pixels: at zoom 1 a page is as big as it would be
 * printed, seen on a 96 dpi screen. Pages are rendered by the document's
 * worker at the zoom times the screen's scale factor, so they are sharp on
 * HiDPI screens. A page not rendered yet is drawn as a blank page of the right
 * size, or as an older rendering stretched, never as a jump. */

#define PX_PER_PT     (96.0 / 72.0)
#define PAGE_GAP      14.0
#define MARGIN        18.0
#define MIN_ZOOM      0.25
#define MAX_ZOOM      6.0
#define ZOOM_STEP     1.2
#define NEAR_PAGES    2
#define DEFAULT_CACHE (160 * 1024 * 1024)

void
pb_selection_span_free (PbSelectionSpan *span)
{
  if (span == NULL)
    return;
  g_clear_pointer (&span->rects, g_array_unref);
  g_free (span->text);
  g_free (span);
}

typedef struct
{
  guint  page;
  double x;      /* PDF points */
  double y;
  gboolean set;
} PagePoint;

struct _PbDocumentView
{
  GtkWidget       parent_instance;

  PbDocument     *document;
  PbPageCache    *cache;
  GCancellable   *cancellable;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;

  double          zoom;
  PbSizing        sizing;
  double         *tops;          /* layout y of each page's top */
  double          max_page_width_pt;
  double          content_height;
  guint           current_page;
  int             pending_page;  /* scroll there once laid out, or -1 */

  GPtrArray      *matches;       /* PbFindMatch */
  int             current_match;

  GListModel     *findings;      /* PbFinding, drawn as highlights */
  GHashTable     *cohort_colors; /* slug -> GdkRGBA */
  GHashTable     *page_texts;    /* page -> PbPageText */
  GHashTable     *page_texts_requested;
  PagePoint       anchor;
  PagePoint       focus;
  double          drag_x;
  double          drag_y;
  double          zoom_gesture_start;
};

static void pb_document_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PbDocumentView, pb_document_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, pb_document_view_scrollable_init))

enum {
  SELECTION_FINISHED,
  FINDING_ACTIVATED,
  CONTEXT_MENU,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_SIZING,
  PROP_HAS_SELECTION,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

static void update_renders (PbDocumentView *self);

static void
pb_document_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static double
px_per_pt (PbDocumentView *self)
{
  return self->zoom * PX_PER_PT;
}

static double
render_scale (PbDocumentView *self)
{
  return px_per_pt (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static guint
n_pages (PbDocumentView *self)
{
  return self->document ? pb_document_get_n_pages (self->document) : 0;
}

static void
page_size_px (PbDocumentView *self,
              guint           page,
              double         *w,
              double         *h)
{
  double wp, hp;

  pb_document_get_page_size (self->document, page, &wp, &hp);
  *w = wp * px_per_pt (self);
  *h = hp * px_per_pt (self);
}

static double
content_width (PbDocumentView *self)
{
  return self->max_page_width_pt * px_per_pt (self) + 2 * MARGIN;
}

/* The page's rectangle in widget coordinates. */
static graphene_rect_t
page_rect (PbDocumentView *self,
           guint           page)
{
  double w, h;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double x;

  page_size_px (self, page, &w, &h);
  x = (MAX (view_width, content_width (self)) - w) / 2;

  return GRAPHENE_RECT_INIT ((float)(x - gtk_adjustment_get_value (self->hadjustment)),
                             (float)(self->tops[page] - gtk_adjustment_get_value (self->vadjustment)),
                             (float)w, (float)h);
}

static void
relayout (PbDocumentView *self)
{
  double y = MARGIN;
  guint n = n_pages (self);

  g_clear_pointer (&self->tops, g_free);
  self->max_page_width_pt = 0;
  self->content_height = 0;

  if (n == 0)
    return;

  self->tops = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      double wp, hp;

      pb_document_get_page_size (self->document, i, &wp, &hp);
      self->max_page_width_pt = MAX (self->max_page_width_pt, wp);
      self->tops[i] = y;
      y += hp * px_per_pt (self) + PAGE_GAP;
    }

  self->content_height = y - PAGE_GAP + MARGIN;
}

/* The page under layout position @y. */
static guint
page_at_y (PbDocumentView *self,
           double          y)
{
  guint lo = 0, hi = n_pages (self);

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

static void
visible_range (PbDocumentView *self,
               guint          *first,
               guint          *last)
{
  double top = gtk_adjustment_get_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  *first = page_at_y (self, top);
  *last = page_at_y (self, bottom);
}

static void
set_current_page (PbDocumentView *self,
                  guint           page)
{
  if (self->current_page == page)
    return;

  self->current_page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

static void
update_current_page (PbDocumentView *self)
{
  double top = gtk_adjustment_get_value (self->vadjustment);
  double third = top + gtk_widget_get_height (GTK_WIDGET (self)) / 3.0;

  if (n_pages (self) == 0)
    return;

  /* At the very top, page 1; otherwise the page a third of the way down. */
  set_current_page (self, top <= 0 ? 0 : page_at_y (self, third));
}

static void
configure_adjustments (PbDocumentView *self,
                       double          keep_page_fraction,
                       guint           keep_page)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double value;

  if (self->tops == NULL)
    {
      gtk_adjustment_configure (self->vadjustment, 0, 0, height, height * 0.1, height * 0.9, height);
      gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
      return;
    }

  value = keep_page_fraction >= 0
    ? self->tops[keep_page] + keep_page_fraction * (self->content_height / MAX (n_pages (self), 1))
    : gtk_adjustment_get_value (self->vadjustment);

  if (self->pending_page >= 0 && height > 1)
    {
      value = self->tops[self->pending_page] - MARGIN;
      self->pending_page = -1;
    }

  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (value, 0, MAX (0, self->content_height - height)),
                            0, MAX (self->content_height, height), 40, height * 0.9, height);
  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                   MAX (0, content_width (self) - width)),
                            0, MAX (content_width (self), width), 40, width * 0.9, width);
}

static double
fitting_zoom (PbDocumentView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;
  double wp, hp, zoom;

  if (self->document == NULL || n_pages (self) == 0 || width <= 0 || height <= 0)
    return self->zoom;

  pb_document_get_page_size (self->document, self->current_page, &wp, &hp);
  zoom = width / (self->max_page_width_pt * PX_PER_PT);
  if (self->sizing == PB_SIZING_FIT_PAGE)
    zoom = MIN (zoom, height / (hp * PX_PER_PT));

  return CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
}

/* Changes the zoom while keeping the current page where it was on screen. */
static void
apply_zoom (PbDocumentView *self,
            double          zoom)
{
  guint page = self->current_page;
  double offset = 0;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-4)
    return;

  if (self->tops != NULL)
    offset = (gtk_adjustment_get_value (self->vadjustment) - self->tops[page]) / px_per_pt (self);

  self->zoom = zoom;
  relayout (self);

  if (self->tops != NULL)
    {
      double height = gtk_widget_get_height (GTK_WIDGET (self));
      double value = self->tops[page] + offset * px_per_pt (self);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (value, 0, MAX (0, self->content_height - height)),
                                0, MAX (self->content_height, height), 40, height * 0.9, height);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
adjustment_changed_cb (PbDocumentView *self)
{
  update_current_page (self);
  update_renders (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PbDocumentView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Rendering */

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

static void
update_renders (PbDocumentView *self)
{
  g_autoptr(GArray) requests = NULL;
  double scale;
  guint first, last, from, to;

  if (self->document == NULL || self->tops == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  scale = render_scale (self);
  visible_range (self, &first, &last);
  from = first > NEAR_PAGES ? first - NEAR_PAGES : 0;
  to = MIN (last + NEAR_PAGES, n_pages (self) - 1);

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

/* Drawing */

static void
append_rects (PbDocumentView  *self,
              GtkSnapshot     *snapshot,
              guint            page,
              GArray          *rects,
              const GdkRGBA   *color)
{
  graphene_rect_t area = page_rect (self, page);
  double k = px_per_pt (self);

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
 * shows. */
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

  area = page_rect (self, page);
  k = px_per_pt (self);
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
        }
    }
}

static void
pb_document_view_snapshot (GtkWidget   *widget,
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

  if (self->document == NULL || self->tops == NULL)
    return;

  scale = render_scale (self);
  visible_range (self, &first, &last);
  selection = pb_document_view_get_selection (self);

  for (guint page = first; page <= last; page++)
    {
      graphene_rect_t area = page_rect (self, page);
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
    }
}

static void
pb_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);

  if (self->sizing != PB_SIZING_FREE && self->document != NULL)
    apply_zoom (self, fitting_zoom (self));

  configure_adjustments (self, -1, 0);
  update_current_page (self);
  update_renders (self);
}

static void
pb_document_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pb_document_view_parent_class)->map (widget);
  update_renders (PB_DOCUMENT_VIEW (widget));
}

/* Selection */

static void
page_text_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbDocumentView) self = user_data;
  g_autoptr(GError) error = NULL;
  PbPageText *text;

  text = pb_document_get_page_text_finish (PB_DOCUMENT (object), result, &error);
  if (text == NULL)
    return;

  if (PB_DOCUMENT (object) != self->document)
    {
      pb_page_text_unref (text);
      return;
    }

  g_hash_table_insert (self->page_texts, GUINT_TO_POINTER (pb_page_text_get_page (text)), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PbPageText *
ensure_page_text (PbDocumentView *self,
                  guint           page)
{
  PbPageText *text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page));

  if (text == NULL && !g_hash_table_contains (self->page_texts_requested, GUINT_TO_POINTER (page)))
    {
      g_hash_table_add (self->page_texts_requested, GUINT_TO_POINTER (page));
      pb_document_get_page_text_async (self->document, page, self->cancellable,
                                       page_text_ready_cb, g_object_ref (self));
    }

  return text;
}

/* Widget coordinates to a page and a point on it, in PDF points. */
static PagePoint
point_at (PbDocumentView *self,
          double          x,
          double          y)
{
  double layout_y = y + gtk_adjustment_get_value (self->vadjustment);
  PagePoint point = { 0 };
  graphene_rect_t area;
  guint page;

  if (self->tops == NULL)
    return point;

  page = page_at_y (self, layout_y);
  area = page_rect (self, page);
  point.page = page;
  point.x = (x - area.origin.x) / px_per_pt (self);
  point.y = (y - area.origin.y) / px_per_pt (self);
  point.set = TRUE;

  return point;
}

static void
notify_selection (PbDocumentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pb_document_view_clear_selection (PbDocumentView *self)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (!self->anchor.set)
    return;

  self->anchor.set = FALSE;
  self->focus.set = FALSE;
  notify_selection (self);
}

/**
 * pb_document_view_select_between:
 *
 * Selects the text from (@x1, @y1) to (@x2, @y2), in widget coordinates, as a
 * drag between those points would.
 */
void
pb_document_view_select_between (PbDocumentView *self,
                                 double          x1,
                                 double          y1,
                                 double          x2,
                                 double          y2)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->document == NULL)
    return;

  self->anchor = point_at (self, x1, y1);
  self->focus = point_at (self, x2, y2);

  for (guint page = MIN (self->anchor.page, self->focus.page);
       page <= MAX (self->anchor.page, self->focus.page); page++)
    ensure_page_text (self, page);

  notify_selection (self);
}

static PbSelectionSpan *
make_span (PbPageText *text,
           guint       start,
           guint       end)
{
  PbSelectionSpan *span;

  if (end <= start)
    return NULL;

  span = g_new0 (PbSelectionSpan, 1);
  span->page = pb_page_text_get_page (text);
  span->rects = pb_page_text_get_range_rects (text, start, end);
  span->text = pb_page_text_dup_range (text, start, end);
  return span;
}

/**
 * pb_document_view_get_selection:
 *
 * Returns: (transfer container) (element-type PbSelectionSpan): the selection,
 *   one span per page, in reading order; pages whose text is still loading
 *   are left out until it arrives
 */
GPtrArray *
pb_document_view_get_selection (PbDocumentView *self)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_selection_span_free);
  PagePoint start, end;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), spans);

  if (!self->anchor.set || !self->focus.set || self->document == NULL)
    return spans;

  start = self->anchor;
  end = self->focus;
  if (end.page < start.page || (end.page == start.page && (end.y < start.y - 4 ||
                                                            (fabs (end.y - start.y) <= 4 && end.x < start.x))))
    {
      start = self->focus;
      end = self->anchor;
    }

  for (guint page = start.page; page <= end.page; page++)
    {
      PbPageText *text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page));
      guint n;
      int from = 0, to;
      PbSelectionSpan *span;

      if (text == NULL)
        continue;

      n = pb_page_text_get_n_chars (text);
      to = (int)n;
      if (page == start.page)
        from = MAX (pb_page_text_index_at_point (text, start.x, start.y), 0);
      if (page == end.page)
        to = MAX (pb_page_text_index_at_point (text, end.x, end.y), 0);

      if (page == start.page && page == end.page && to < from)
        {
          int t = to;
          to = from;
          from = t;
        }

      if ((span = make_span (text, (guint)from, (guint)to)))
        g_ptr_array_add (spans, span);
    }

  return spans;
}

char *
pb_document_view_dup_selected_text (PbDocumentView *self)
{
  g_autoptr(GPtrArray) spans = pb_document_view_get_selection (self);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      PbSelectionSpan *span = g_ptr_array_index (spans, i);

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, span->text);
    }

  return g_string_free (text, FALSE);
}

static void
drag_begin_cb (PbDocumentView *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_x = x;
  self->drag_y = y;
  pb_document_view_clear_selection (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (PbDocumentView *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (fabs (dx) + fabs (dy) < 3)
    return;

  pb_document_view_select_between (self, self->drag_x, self->drag_y,
                                   self->drag_x + dx, self->drag_y + dy);
}

static void
drag_end_cb (PbDocumentView *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  if (fabs (dx) + fabs (dy) >= 3 && self->anchor.set)
    g_signal_emit (self, signals [SELECTION_FINISHED], 0);
}

static void
click_released_cb (PbDocumentView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  PbFinding *finding;

  if (button == GDK_BUTTON_SECONDARY)
    {
      g_signal_emit (self, signals [CONTEXT_MENU], 0, x, y);
      return;
    }

  if (n_press == 1 && self->anchor.set == FALSE &&
      (finding = pb_document_view_finding_at (self, x, y)))
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static gboolean
query_tooltip_cb (PbDocumentView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  PbFinding *finding = keyboard ? NULL : pb_document_view_finding_at (self, x, y);
  g_autofree char *text = NULL;

  if (finding == NULL)
    return FALSE;

  if (*pb_finding_get_note (finding) != '\0')
    text = g_strdup_printf ("%s\n%s", pb_finding_kind_get_label (pb_finding_get_kind (finding)),
                            pb_finding_get_note (finding));
  else
    text = g_strdup (pb_finding_kind_get_label (pb_finding_get_kind (finding)));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Zooming */

static gboolean
scroll_cb (PbDocumentView           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->document == NULL)
    return FALSE;

  self->sizing = PB_SIZING_FREE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
  apply_zoom (self, self->zoom * pow (ZOOM_STEP, -dy));
  return TRUE;
}

static void
zoom_begin_cb (PbDocumentView *self,
               GdkEventSequence *sequence,
               GtkGesture *gesture)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (PbDocumentView *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  self->sizing = PB_SIZING_FREE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
  apply_zoom (self, self->zoom_gesture_start * scale);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *text = pb_document_view_dup_selected_text (PB_DOCUMENT_VIEW (widget));

  if (text != NULL && *text != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
pb_document_view_dispose (GObject *object)
{
  PbDocumentView *self = (PbDocumentView *)object;

  pb_document_view_set_document (self, NULL);
  pb_document_view_set_findings (self, NULL);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (pb_document_view_parent_class)->dispose (object);
}

static void
pb_document_view_finalize (GObject *object)
{
  PbDocumentView *self = (PbDocumentView *)object;

  g_clear_object (&self->cache);
  g_clear_pointer (&self->tops, g_free);
  g_clear_pointer (&self->page_texts, g_hash_table_unref);
  g_clear_pointer (&self->page_texts_requested, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_colors, g_hash_table_unref);

  G_OBJECT_CLASS (pb_document_view_parent_class)->finalize (object);
}

static void
pb_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->current_page);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SIZING:
      g_value_set_int (value, self->sizing);
      break;

    case PROP_HAS_SELECTION:
      {
        g_autoptr(GPtrArray) spans = pb_document_view_get_selection (self);
        g_value_set_boolean (value, spans->len > 0);
      }
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pb_document_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      pb_document_view_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      pb_document_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SIZING:
      pb_document_view_set_sizing (self, g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_document_view_class_init (PbDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_document_view_dispose;
  object_class->finalize = pb_document_view_finalize;
  object_class->get_property = pb_document_view_get_property;
  object_class->set_property = pb_document_view_set_property;

  widget_class->snapshot = pb_document_view_snapshot;
  widget_class->size_allocate = pb_document_view_size_allocate;
  widget_class->map = pb_document_view_map;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PB_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SIZING] =
    g_param_spec_int ("sizing", NULL, NULL, PB_SIZING_FREE, PB_SIZING_FIT_PAGE, PB_SIZING_FIT_WIDTH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbDocumentView::selection-finished:
   *
   * Emitted when a drag has selected text.
   */
  signals [SELECTION_FINISHED] =
    g_signal_new ("selection-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PbDocumentView::finding-activated:
   * @finding: the finding whose highlight was clicked
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbDocumentView::context-menu:
   * @x: where, in widget coordinates
   * @y: where, in widget coordinates
   */
  signals [CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "view.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "view.copy", NULL);

  gtk_widget_class_set_css_name (widget_class, "documentview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
pb_document_view_init (PbDocumentView *self)
{
  GtkGesture *drag;
  GtkGesture *click;
  GtkGesture *zoom;
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->sizing = PB_SIZING_FIT_WIDTH;
  self->pending_page = -1;
  self->current_match = -1;
  self->cache = pb_page_cache_new (DEFAULT_CACHE);
  self->page_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)pb_page_text_unref);
  self->page_texts_requested = g_hash_table_new (NULL, NULL);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  /* Pages scrolled partly out of view are drawn whole; clip them to the view. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
pb_document_view_new (void)
{
  return g_object_new (PB_TYPE_DOCUMENT_VIEW, NULL);
}

void
pb_document_view_set_document (PbDocumentView *self,
                               PbDocument     *document)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (!document || PB_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      pb_document_request_renders (self->document, NULL, 0);
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->document, document);

  pb_page_cache_clear (self->cache);
  g_hash_table_remove_all (self->page_texts);
  g_hash_table_remove_all (self->page_texts_requested);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->current_match = -1;
  self->anchor.set = self->focus.set = FALSE;
  self->current_page = 0;
  self->pending_page = -1;

  if (document != NULL)
    {
      self->cancellable = g_cancellable_new ();
      pb_document_set_image_func (document, texture_from_surface, NULL, NULL);
      g_signal_connect_object (document, "page-rendered", G_CALLBACK (page_rendered_cb),
                               self, G_CONNECT_SWAPPED);
    }

  relayout (self);
  gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

PbDocument *
pb_document_view_get_document (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return self->document;
}

guint
pb_document_view_get_page (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);
  return self->current_page;
}

/* Scrolls so that @page (from 0) starts at the top. */
void
pb_document_view_set_page (PbDocumentView *self,
                           guint           page)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->document == NULL || page >= n_pages (self))
    return;

  if (gtk_widget_get_height (GTK_WIDGET (self)) <= 1)
    {
      /* Not laid out yet: go there once it is. */
      self->pending_page = (int)page;
      set_current_page (self, page);
      return;
    }

  gtk_adjustment_set_value (self->vadjustment, self->tops[page] - MARGIN);
  set_current_page (self, page);
}

double
pb_document_view_get_zoom (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 1.0);
  return self->zoom;
}

void
pb_document_view_set_zoom (PbDocumentView *self,
                           double          zoom)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->sizing != PB_SIZING_FREE)
    {
      self->sizing = PB_SIZING_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
    }
  apply_zoom (self, zoom);
}

PbSizing
pb_document_view_get_sizing (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), PB_SIZING_FREE);
  return self->sizing;
}

void
pb_document_view_set_sizing (PbDocumentView *self,
                             PbSizing        sizing)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->sizing == sizing)
    return;

  self->sizing = sizing;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
}

void
pb_document_view_zoom_in (PbDocumentView *self)
{
  pb_document_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
pb_document_view_zoom_out (PbDocumentView *self)
{
  pb_document_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

void
pb_document_view_set_cache_budget (PbDocumentView *self,
                                   gsize           bytes)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_page_cache_set_budget (self->cache, bytes);
}

gsize
pb_document_view_get_cache_size (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);
  return pb_page_cache_get_size (self->cache);
}

void
pb_document_view_get_visible_pages (PbDocumentView *self,
                                    guint          *first,
                                    guint          *last)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->tops == NULL)
    {
      *first = *last = 0;
      return;
    }

  visible_range (self, first, last);
}

/**
 * pb_document_view_set_matches:
 * @matches: (nullable) (element-type PbFindMatch): find results to highlight
 */
void
pb_document_view_set_matches (PbDocumentView *self,
                              GPtrArray      *matches)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (matches != NULL)
    self->matches = g_ptr_array_ref (matches);
  self->current_match = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Makes match @index the current one and scrolls it into view. */
void
pb_document_view_set_current_match (PbDocumentView *self,
                                    int             index)
{
  PbFindMatch *match;
  const PbRect *rect;
  double top, height, y;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->matches == NULL || index < 0 || (guint)index >= self->matches->len || self->tops == NULL)
    return;

  self->current_match = index;
  match = g_ptr_array_index (self->matches, index);
  rect = &g_array_index (match->rects, PbRect, 0);

  top = gtk_adjustment_get_value (self->vadjustment);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  y = self->tops[match->page] + rect->y1 * px_per_pt (self);

  if (y < top + 40 || y > top + height - 80)
    gtk_adjustment_set_value (self->vadjustment, y - height / 3);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where a point on a page (PDF points) is in the widget; FALSE if unknown. */
gboolean
pb_document_view_page_to_widget (PbDocumentView *self,
                                 guint           page,
                                 double          x_pt,
                                 double          y_pt,
                                 double         *x,
                                 double         *y)
{
  graphene_rect_t area;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->tops == NULL || page >= n_pages (self))
    return FALSE;

  area = page_rect (self, page);
  *x = area.origin.x + x_pt * px_per_pt (self);
  *y = area.origin.y + y_pt * px_per_pt (self);
  return TRUE;
}

/**
 * pb_document_view_set_findings:
 * @findings: (nullable): a list of #PbFinding to draw; it is followed as it
 *   changes
 */
void
pb_document_view_set_findings (PbDocumentView *self,
                               GListModel     *findings)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_object (findings, "items-changed", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pb_document_view_set_cohort_colors:
 * @colors: (element-type utf8 GdkRGBA): each cohort's colour, by slug
 */
void
pb_document_view_set_cohort_colors (PbDocumentView *self,
                                    GHashTable     *colors)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  g_clear_pointer (&self->cohort_colors, g_hash_table_unref);
  if (colors != NULL)
    self->cohort_colors = g_hash_table_ref (colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How many findings are drawn on @page (from 0). */
guint
pb_document_view_count_highlights (PbDocumentView *self,
                                   guint           page)
{
  guint count = 0;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);

  if (self->findings == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);

      for (guint a = 0; a < anchors->len; a++)
        if (g_array_index (anchors, PbAnchor, a).page == page + 1)
          {
            count++;
            break;
          }
    }

  return count;
}

/**
 * pb_document_view_finding_at:
 *
 * Returns: (transfer none) (nullable): the finding highlighted at (@x, @y)
 */
PbFinding *
pb_document_view_finding_at (PbDocumentView *self,
                             double          x,
                             double          y)
{
  PagePoint point;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);

  if (self->findings == NULL || self->tops == NULL)
    return NULL;

  point = point_at (self, x, y);

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);

      for (guint a = 0; a < anchors->len; a++)
        {
          const PbAnchor *anchor = &g_array_index (anchors, PbAnchor, a);

          if (anchor->page == point.page + 1 &&
              point.x >= anchor->rect.x1 - 1 && point.x <= anchor->rect.x2 + 1 &&
              point.y >= anchor->rect.y1 - 1 && point.y <= anchor->rect.y2 + 1)
            return finding;   /* the list model keeps its own reference */
        }
    }

  return NULL;
}

/* Scrolls so that the finding's first line is a third of the way down. */
void
pb_document_view_show_finding (PbDocumentView *self,
                               PbFinding      *finding)
{
  GArray *anchors;
  const PbAnchor *first;
  double y;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (PB_IS_FINDING (finding));

  anchors = pb_finding_get_anchors (finding);
  if (self->tops == NULL || anchors->len == 0)
    {
      pb_document_view_set_page (self, pb_finding_get_page (finding) - 1);
      return;
    }

  first = &g_array_index (anchors, PbAnchor, 0);
  if (first->page < 1 || first->page > n_pages (self))
    return;

  y = self->tops[first->page - 1] + first->rect.y1 * px_per_pt (self);
  gtk_adjustment_set_value (self->vadjustment, y - gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
}

/* The selection's last line, in widget coordinates: where to point a popover. */
gboolean
pb_document_view_get_selection_area (PbDocumentView *self,
                                     GdkRectangle   *area)
{
  g_autoptr(GPtrArray) spans = NULL;
  PbSelectionSpan *last;
  const PbRect *rect;
  graphene_rect_t page;
  double k;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);

  spans = pb_document_view_get_selection (self);
  if (spans->len == 0)
    return FALSE;

  last = g_ptr_array_index (spans, spans->len - 1);
  if (last->rects->len == 0)
    return FALSE;

  rect = &g_array_index (last->rects, PbRect, last->rects->len - 1);
  page = page_rect (self, last->page);
  k = px_per_pt (self);

  area->x = (int)(page.origin.x + rect->x1 * k);
  area->y = (int)(page.origin.y + rect->y1 * k);
  area->width = (int)MAX ((rect->x2 - rect->x1) * k, 1);
  area->height = (int)MAX ((rect->y2 - rect->y1) * k, 1);
  return TRUE;
}
