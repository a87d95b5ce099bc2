/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-document-view-private.h"

/* All pages of a document in one continuous column, as a GtkScrollable.
 *
 * Where the pages go is a PbPageLayout's arithmetic; which page is read, at
 * what zoom and how pages are sized is the PbViewModel's, which the reader
 * and the window's controls share. The view follows the model (a new page
 * scrolls there, a new zoom relays the pages out) and tells it what only the
 * view knows: the page scrolled to, and the zoom that fits. Drawing is in
 * pb-document-view-draw.c, the pointer and keys in pb-document-view-input.c. */

#define DEFAULT_CACHE (160 * 1024 * 1024)

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
  PROP_MODEL,
  PROP_HAS_SELECTION,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

static void
pb_document_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static guint
n_pages (PbDocumentView *self)
{
  return pb_page_layout_get_n_pages (self->layout);
}

/* The page's rectangle in widget coordinates. */
graphene_rect_t
_pb_document_view_page_rect (PbDocumentView *self,
                             guint           page)
{
  PbRect rect = { 0 };

  pb_page_layout_get_page_rect (self->layout, page, &rect);
  return GRAPHENE_RECT_INIT ((float)(rect.x1 - gtk_adjustment_get_value (self->hadjustment)),
                             (float)(rect.y1 - gtk_adjustment_get_value (self->vadjustment)),
                             (float)(rect.x2 - rect.x1), (float)(rect.y2 - rect.y1));
}

/* Widget coordinates to a page and a point on it, in PDF points. */
gboolean
_pb_document_view_point_at (PbDocumentView *self,
                            double          x,
                            double          y,
                            guint          *page,
                            double         *x_pt,
                            double         *y_pt)
{
  return pb_page_layout_point_to_page (self->layout,
                                       x + gtk_adjustment_get_value (self->hadjustment),
                                       y + gtk_adjustment_get_value (self->vadjustment),
                                       page, x_pt, y_pt);
}

/* The page changed because of the view (scrolling, a new document): the
 * model is told, and must not send the view back to that page's top. */
static void
report_page (PbDocumentView *self,
             guint           page)
{
  self->reporting_page = TRUE;
  pb_view_model_set_page (self->model, page);
  self->reporting_page = FALSE;
}

/* The page being read is the one the reader was taken to (a find's match),
 * not the one a third of the way down the view. */
void
_pb_document_view_report_page (PbDocumentView *self,
                               guint           page)
{
  self->pinned_page = (int)page;
  self->pinned_value = gtk_adjustment_get_value (self->vadjustment);
  report_page (self, page);
}

static void
update_current_page (PbDocumentView *self)
{
  if (n_pages (self) == 0)
    return;

  /* Until the reader scrolls on, the page they were taken to stays theirs
   * (the find bar opening and the like resize the view meanwhile). */
  if (self->pinned_page >= 0 && fabs (gtk_adjustment_get_value (self->vadjustment) - self->pinned_value) < 1)
    return;
  self->pinned_page = -1;

  report_page (self, pb_page_layout_get_current_page (self->layout,
                                                      gtk_adjustment_get_value (self->vadjustment)));
}

/* The size the pages take now, in whole pixels as measure () says it: the
 * scrolled window shows its scrollbars from what the view measures, and the
 * adjustments must agree with it, or it changes its mind while the view is
 * being laid out and loses its allocation (a blank page). */
static void
get_content_size (PbDocumentView *self,
                  double         *width,
                  double         *height)
{
  *width = pb_page_layout_round_size (pb_page_layout_get_content_width (self->layout));
  *height = pb_page_layout_round_size (pb_page_layout_get_content_height (self->layout));
}

static void
configure_adjustments (PbDocumentView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width, content_height, value, x_value;

  if (n_pages (self) == 0)
    {
      gtk_adjustment_configure (self->vadjustment, 0, 0, height, height * 0.1, height * 0.9, height);
      gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
      return;
    }

  get_content_size (self, &content_width, &content_height);
  value = gtk_adjustment_get_value (self->vadjustment);
  x_value = gtk_adjustment_get_value (self->hadjustment);

  /* A zoom made while laying out: where it keeps the point it zoomed about. */
  if (self->zoomed_while_laying_out)
    {
      value = self->zoomed_y;
      x_value = self->zoomed_x;
      self->zoomed_while_laying_out = FALSE;
    }

  if (self->pending_page >= 0 && height > 1)
    {
      value = pb_page_layout_get_page_offset (self->layout, (guint)self->pending_page);
      self->pending_page = -1;
    }

  /* A finding asked for before the pages were laid out: its first line a
   * third of the way down, as pb_document_view_show_finding() puts it. */
  if (self->pending_anchor_page >= 0 && height > 1)
    {
      double x, y;

      if (pb_page_layout_page_to_point (self->layout, (guint)self->pending_anchor_page,
                                        self->pending_anchor_x, self->pending_anchor_y, &x, &y))
        value = y - height / 3.0;
      self->pending_anchor_page = -1;
    }
  if (height > 1)
    self->laid_out = TRUE;

  gtk_adjustment_configure (self->vadjustment, pb_page_layout_clamp_offset (self->layout, value),
                            0, MAX (content_height, height), 40, height * 0.9, height);
  gtk_adjustment_configure (self->hadjustment, CLAMP (x_value, 0, MAX (0, content_width - width)),
                            0, MAX (content_width, width), 40, width * 0.9, width);
}

/* Scrolls so that @page (from 0) starts at the top. */
static void
scroll_to_page (PbDocumentView *self,
                guint           page)
{
  if (self->document == NULL || page >= n_pages (self))
    return;

  if (gtk_widget_get_height (GTK_WIDGET (self)) <= 1 || !self->laid_out)
    {
      /* Not laid out yet: go there once it is. */
      self->pending_page = (int)page;
      return;
    }

  gtk_adjustment_set_value (self->vadjustment, pb_page_layout_get_page_offset (self->layout, page));

  /* Scrolled as far as it goes, a later page may be a third of the way
   * down; the page asked for is the one being read. */
  report_page (self, page);
}

/* Changes the zoom about a point of the viewport: where the pointer is for
 * Ctrl+scroll and pinching, otherwise the middle, as document viewers do. */
static void
apply_zoom (PbDocumentView *self,
            double          zoom)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x_offset, y_offset;

  if (G_APPROX_VALUE (zoom, pb_page_layout_get_zoom (self->layout), 1e-4))
    return;

  pb_page_layout_set_zoom_around (self->layout, zoom,
                                  gtk_adjustment_get_value (self->hadjustment),
                                  gtk_adjustment_get_value (self->vadjustment),
                                  self->zoom_at_pointer ? self->pointer_x : width / 2,
                                  self->zoom_at_pointer ? self->pointer_y : height / 2,
                                  &x_offset, &y_offset);

  /* Being laid out, the view configures its adjustments once it has its
   * size: configured now, at the old one, the scrolled window would change
   * its scrollbars' minds halfway through its own layout. */
  if (self->laying_out)
    {
      self->zoomed_while_laying_out = TRUE;
      self->zoomed_x = x_offset;
      self->zoomed_y = y_offset;
      return;
    }

  if (n_pages (self) > 0)
    {
      double content_width, content_height;

      get_content_size (self, &content_width, &content_height);
      gtk_adjustment_configure (self->vadjustment, y_offset, 0, MAX (content_height, height),
                                40, height * 0.9, height);
      gtk_adjustment_configure (self->hadjustment, x_offset, 0, MAX (content_width, width),
                                40, width * 0.9, width);
    }

  /* The scrolled window measures the pages again, for its scrollbars. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
model_page_changed_cb (PbDocumentView *self)
{
  if (!self->reporting_page)
    scroll_to_page (self, pb_view_model_get_page (self->model));
}

static void
model_zoom_changed_cb (PbDocumentView *self)
{
  apply_zoom (self, pb_view_model_get_zoom (self->model));
}

static void
adjustment_changed_cb (PbDocumentView *self)
{
  update_current_page (self);
  _pb_document_view_update_renders (self);
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

static void
selection_changed_cb (PbDocumentView *self)
{
  gboolean active = pb_text_selection_is_active (self->selection);

  /* Without a selection, Ctrl+C and Escape are left to others. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.copy", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-selection", active);
  _pb_document_view_caret_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
pb_document_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* As big as the pages at the zoom they will have: the scrolled window
 * decides on its scrollbars from this, before the view lays them out. Fitted
 * to the width, the pages can be as narrow as the least zoom; their height
 * then follows the width they are given. */
static void
pb_document_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  PbSizing sizing = self->document ? pb_view_model_get_sizing (self->model) : PB_SIZING_FREE;
  int width, height;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    for_size = gtk_widget_get_width (widget);
  pb_page_layout_measure (self->layout, sizing, pb_view_model_get_page (self->model),
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1, -1,
                          &width, &height);
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static void
pb_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  PbSizing sizing = pb_view_model_get_sizing (self->model);

  self->laying_out = TRUE;
  pb_page_layout_set_viewport (self->layout, width, height);

  /* The model is told the zoom that fits; the view follows it like any other. */
  if (sizing != PB_SIZING_FREE && self->document != NULL)
    pb_view_model_set_zoom (self->model,
                            pb_page_layout_fit_zoom (self->layout, sizing, pb_view_model_get_page (self->model)));

  configure_adjustments (self);
  update_current_page (self);
  self->laying_out = FALSE;

  _pb_document_view_update_renders (self);
}

static void
pb_document_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pb_document_view_parent_class)->map (widget);
  _pb_document_view_update_renders (PB_DOCUMENT_VIEW (widget));
}

static void
pb_document_view_dispose (GObject *object)
{
  PbDocumentView *self = (PbDocumentView *)object;

  pb_document_view_set_document (self, NULL);
  pb_document_view_set_findings (self, NULL);
  pb_document_view_set_model (self, NULL);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (pb_document_view_parent_class)->dispose (object);
}

static void
pb_document_view_finalize (GObject *object)
{
  PbDocumentView *self = (PbDocumentView *)object;

  g_clear_object (&self->cache);
  g_clear_object (&self->layout);
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

    case PROP_MODEL:
      g_value_set_object (value, self->model);
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

    case PROP_MODEL:
      pb_document_view_set_model (self, g_value_get_object (value));
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

  widget_class->snapshot = _pb_document_view_snapshot;
  widget_class->get_request_mode = pb_document_view_get_request_mode;
  widget_class->measure = pb_document_view_measure;
  widget_class->size_allocate = pb_document_view_size_allocate;
  widget_class->map = pb_document_view_map;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PB_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbDocumentView:model:
   *
   * The page, zoom and sizing the view shows, shared with whoever else
   * follows or changes them. The view has its own until given one.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, PB_TYPE_VIEW_MODEL,
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

  _pb_document_view_class_init_input (widget_class);
  _pb_document_view_class_init_caret (widget_class);

  gtk_widget_class_set_css_name (widget_class, "documentview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
pb_document_view_init (PbDocumentView *self)
{
  g_autoptr(PbViewModel) model = pb_view_model_new ();

  /* GTK 4.8 cannot give a screen reader a custom widget's text: say what
   * it is and where the text is, not the widget's type. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages of the report (Ctrl+T reads them as text)"), -1);
  self->pending_page = -1;
  self->pinned_page = -1;
  self->pending_anchor_page = -1;
  self->current_match = -1;
  self->cache = pb_page_cache_new (DEFAULT_CACHE);
  self->layout = pb_page_layout_new ();
  self->selection = pb_text_selection_new ();
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  pb_document_view_set_model (self, model);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-selection", FALSE);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  /* Pages scrolled partly out of view are drawn whole; clip them to the view. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  _pb_document_view_init_input (self);
  _pb_document_view_init_caret (self);
}

GtkWidget *
pb_document_view_new (void)
{
  return g_object_new (PB_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * pb_document_view_get_model:
 *
 * Returns: (transfer none): the page, zoom and sizing the view shows
 */
PbViewModel *
pb_document_view_get_model (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return self->model;
}

/**
 * pb_document_view_set_model:
 * @model: (nullable): the model to show and tell; %NULL only while the view
 *   is being destroyed
 *
 * Shares @model with the view: the view takes its zoom and sizing, tells it
 * how many pages the document has, and goes to its page.
 */
void
pb_document_view_set_model (PbDocumentView *self,
                            PbViewModel    *model)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (!model || PB_IS_VIEW_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::page", G_CALLBACK (model_page_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::zoom", G_CALLBACK (model_zoom_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::sizing", G_CALLBACK (gtk_widget_queue_resize),
                               self, G_CONNECT_SWAPPED);
      pb_view_model_set_n_pages (model, n_pages (self));
      apply_zoom (self, pb_view_model_get_zoom (model));
      scroll_to_page (self, pb_view_model_get_page (model));
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * pb_document_view_set_document:
 * @document: (nullable): the document to show, from its first page
 */
void
pb_document_view_set_document (PbDocumentView *self,
                               PbDocument     *document)
{
  g_autoptr(GArray) sizes = NULL;
  guint n;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (!document || PB_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      pb_document_request_renders (self->document, NULL, 0);
    }

  g_set_object (&self->document, document);

  pb_page_cache_clear (self->cache);
  pb_text_selection_set_document (self->selection, document);
  self->caret_set = FALSE;
  selection_changed_cb (self);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->current_match = -1;
  self->pending_page = -1;
  self->pinned_page = -1;
  self->pending_anchor_page = -1;
  self->laid_out = FALSE;

  n = document ? pb_document_get_n_pages (document) : 0;
  sizes = g_array_sized_new (FALSE, FALSE, sizeof (PbPageSize), n);
  for (guint i = 0; i < n; i++)
    {
      PbPageSize size;

      pb_document_get_page_size (document, i, &size.width, &size.height);
      g_array_append_val (sizes, size);
    }
  pb_page_layout_set_pages (self->layout, (PbPageSize *)(gpointer)sizes->data, n);

  if (document != NULL)
    _pb_document_view_attach_renderer (self, document);

  gtk_adjustment_set_value (self->vadjustment, 0);
  if (self->model != NULL)
    {
      self->reporting_page = TRUE;
      pb_view_model_set_n_pages (self->model, n);
      pb_view_model_set_page (self->model, 0);
      self->reporting_page = FALSE;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

PbDocument *
pb_document_view_get_document (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return self->document;
}

/**
 * pb_document_view_get_laying_out:
 *
 * Whether the view is laying its pages out: changes it makes to its model
 * meanwhile (the zoom that fits a new size, the page a third of the way down
 * at that size) follow the layout, not anyone's wish to move.
 *
 * Returns: %TRUE during the view's size allocation
 */
gboolean
pb_document_view_get_laying_out (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);
  return self->laying_out;
}

/**
 * pb_document_view_get_page:
 *
 * Returns: the page being read, from 0, as the model has it
 */
guint
pb_document_view_get_page (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);
  return pb_view_model_get_page (self->model);
}

/**
 * pb_document_view_set_page:
 * @page: from 0
 *
 * Scrolls so that @page starts at the top, now or once the view is laid out.
 */
void
pb_document_view_set_page (PbDocumentView *self,
                           guint           page)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->document == NULL || page >= n_pages (self))
    return;

  if (page == pb_view_model_get_page (self->model))
    scroll_to_page (self, page);   /* the model has it: no notification to follow */
  else
    pb_view_model_set_page (self->model, page);
}
