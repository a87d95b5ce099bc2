/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-view-model"

#include "config.h"

#include "pb-page-layout.h"
#include "pb-view-model.h"

/* Where a reader is in a report: the page, the zoom and how pages are sized.
 * The page view, the reader and the window's page and zoom controls all
 * follow and change this one object, so none of them has to tell the others;
 * the reader saves it in the library and restores it. */

struct _PbViewModel
{
  GObject   parent_instance;

  guint     page;
  guint     n_pages;
  double    zoom;
  PbSizing  sizing;
};

G_DEFINE_FINAL_TYPE (PbViewModel, pb_view_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PbSizing, pb_sizing,
                    G_DEFINE_ENUM_VALUE (PB_SIZING_FREE, "free"),
                    G_DEFINE_ENUM_VALUE (PB_SIZING_FIT_WIDTH, "fit-width"),
                    G_DEFINE_ENUM_VALUE (PB_SIZING_FIT_PAGE, "fit-page"))

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_SIZING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pb_view_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PbViewModel *self = PB_VIEW_MODEL (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SIZING:
      g_value_set_enum (value, self->sizing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_view_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PbViewModel *self = PB_VIEW_MODEL (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      pb_view_model_set_page (self, g_value_get_uint (value));
      break;

    case PROP_N_PAGES:
      pb_view_model_set_n_pages (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      pb_view_model_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SIZING:
      pb_view_model_set_sizing (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_view_model_class_init (PbViewModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pb_view_model_get_property;
  object_class->set_property = pb_view_model_set_property;

  /**
   * PbViewModel:page:
   *
   * The page being read, from 0; always less than #PbViewModel:n-pages
   * (0 when there are none).
   */
  properties [PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbViewModel:n-pages:
   *
   * How many pages the report has; 0 while none is shown.
   */
  properties [PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbViewModel:zoom:
   *
   * The scale: 1 shows a page as big as printed on a 96 dpi screen. With a
   * fitting #PbViewModel:sizing, the view sets it to fit.
   */
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, PB_ZOOM_MIN, PB_ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbViewModel:sizing:
   *
   * How pages are sized: to fit, or at the user's own zoom.
   */
  properties [PROP_SIZING] =
    g_param_spec_enum ("sizing", NULL, NULL, PB_TYPE_SIZING, PB_SIZING_FIT_WIDTH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_view_model_init (PbViewModel *self)
{
  self->zoom = 1.0;
  self->sizing = PB_SIZING_FIT_WIDTH;
}

/**
 * pb_view_model_new:
 *
 * Returns: (transfer full): a model at page 0 of no pages, fitting the width
 */
PbViewModel *
pb_view_model_new (void)
{
  return g_object_new (PB_TYPE_VIEW_MODEL, NULL);
}

/**
 * pb_view_model_get_page:
 *
 * Returns: the page being read, from 0
 */
guint
pb_view_model_get_page (PbViewModel *self)
{
  g_return_val_if_fail (PB_IS_VIEW_MODEL (self), 0);
  return self->page;
}

/**
 * pb_view_model_set_page:
 * @page_index: from 0
 *
 * Goes to @page_index; a page the report does not have is ignored.
 */
void
pb_view_model_set_page (PbViewModel *self,
                        guint        page_index)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));

  if (page_index == self->page || page_index >= MAX (self->n_pages, 1))
    return;

  self->page = page_index;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

/**
 * pb_view_model_get_n_pages:
 * @self: a reader's place
 *
 * Returns: how many pages the report shown has; 0 for none
 */
guint
pb_view_model_get_n_pages (PbViewModel *self)
{
  g_return_val_if_fail (PB_IS_VIEW_MODEL (self), 0);
  return self->n_pages;
}

/**
 * pb_view_model_set_n_pages:
 * @n_pages: how many pages the report shown has, 0 for none
 *
 * A page beyond the new count becomes the last page.
 */
void
pb_view_model_set_n_pages (PbViewModel *self,
                           guint        n_pages)
{
  gboolean moved;

  g_return_if_fail (PB_IS_VIEW_MODEL (self));

  if (n_pages == self->n_pages)
    return;

  /* Both change before either is told, the count first. */
  moved = self->page >= MAX (n_pages, 1);
  self->n_pages = n_pages;
  if (moved)
    self->page = n_pages > 0 ? n_pages - 1 : 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PAGES]);
  if (moved)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

/**
 * pb_view_model_get_zoom:
 * @self: a reader's place
 *
 * Returns: the scale pages are shown at, between %PB_ZOOM_MIN and
 *   %PB_ZOOM_MAX; 1 shows them as big as printed on a 96 dpi screen
 */
double
pb_view_model_get_zoom (PbViewModel *self)
{
  g_return_val_if_fail (PB_IS_VIEW_MODEL (self), 1.0);
  return self->zoom;
}

/**
 * pb_view_model_set_zoom:
 * @zoom: the scale, kept between %PB_ZOOM_MIN and %PB_ZOOM_MAX
 *
 * Sets the zoom and nothing else: with a fitting sizing the view will fit
 * again. For the user's own zoom, see pb_view_model_zoom_to().
 */
void
pb_view_model_set_zoom (PbViewModel *self,
                        double       zoom)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));

  zoom = CLAMP (zoom, PB_ZOOM_MIN, PB_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/**
 * pb_view_model_get_sizing:
 * @self: a reader's place
 *
 * Returns: how pages are sized: at the zoom as it is, or fitting the view's
 *   width or the whole page
 */
PbSizing
pb_view_model_get_sizing (PbViewModel *self)
{
  g_return_val_if_fail (PB_IS_VIEW_MODEL (self), PB_SIZING_FREE);
  return self->sizing;
}

/**
 * pb_view_model_set_sizing:
 * @self: a reader's place
 * @sizing: how pages are to be sized
 *
 * Sets the sizing and nothing else: the view fits the pages again and sets
 * the zoom it finds (pb_page_layout_fit_zoom()).
 */
void
pb_view_model_set_sizing (PbViewModel *self,
                          PbSizing     sizing)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));
  g_return_if_fail (sizing <= PB_SIZING_FIT_PAGE);

  if (sizing == self->sizing)
    return;

  self->sizing = sizing;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
}

/**
 * pb_view_model_zoom_to:
 * @zoom: the scale the user chose
 *
 * The user's own zoom: pages stop fitting the view (sizing becomes
 * %PB_SIZING_FREE) and are shown at @zoom.
 */
void
pb_view_model_zoom_to (PbViewModel *self,
                       double       zoom)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));

  /* Sizing first: whoever follows the zoom then knows it is the user's. */
  pb_view_model_set_sizing (self, PB_SIZING_FREE);
  pb_view_model_set_zoom (self, zoom);
}

/**
 * pb_view_model_zoom_in:
 *
 * Zooms in one step (%PB_ZOOM_STEP), as the user's own zoom.
 */
void
pb_view_model_zoom_in (PbViewModel *self)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));
  pb_view_model_zoom_to (self, self->zoom * PB_ZOOM_STEP);
}

/**
 * pb_view_model_zoom_out:
 *
 * Zooms out one step (%PB_ZOOM_STEP), as the user's own zoom.
 */
void
pb_view_model_zoom_out (PbViewModel *self)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));
  pb_view_model_zoom_to (self, self->zoom / PB_ZOOM_STEP);
}

/**
 * pb_view_model_get_state:
 * @state: (out caller-allocates): where to put the page, zoom and sizing
 *
 * Fills @state as the library keeps it (pb_library_save_view_state()).
 */
void
pb_view_model_get_state (PbViewModel *self,
                         PbViewState *state)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));
  g_return_if_fail (state != NULL);

  state->page_index = self->page;
  state->zoom = self->zoom;
  state->sizing = self->sizing;
}

/**
 * pb_view_model_set_state:
 * @state: a state from the library (pb_library_get_view_state())
 *
 * Goes back to @state: its sizing, its zoom when that is the user's own,
 * and its page if the report has it. Set #PbViewModel:n-pages first.
 */
void
pb_view_model_set_state (PbViewModel       *self,
                         const PbViewState *state)
{
  g_return_if_fail (PB_IS_VIEW_MODEL (self));
  g_return_if_fail (state != NULL);

  /* In this order, told as it happens: the page is found at the new zoom. */
  if (state->sizing == PB_SIZING_FREE)
    pb_view_model_zoom_to (self, state->zoom);
  else
    pb_view_model_set_sizing (self, state->sizing);
  pb_view_model_set_page (self, state->page_index);
}
