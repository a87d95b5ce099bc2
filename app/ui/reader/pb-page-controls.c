/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-page-controls"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-page-controls.h"

/* The page number of the report being read, "of 12" after it, and the entry
 * to type another into, as the header bar shows them. The numbers follow a
 * view model; the page typed is offered with "page-chosen", for whoever shows
 * the pages to go there. */

struct _PbPageControls
{
  GtkWidget    parent_instance;

  PbViewModel *model;
  guint        update_idle;

  GtkWidget   *box;
  GtkEditable *entry;
  GtkLabel    *total;
};

G_DEFINE_FINAL_TYPE (PbPageControls, pb_page_controls, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  PAGE_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update (PbPageControls *self)
{
  g_autofree char *page = NULL;
  g_autofree char *total = NULL;

  if (self->model == NULL)
    return;

  page = g_strdup_printf ("%u", pb_view_model_get_page (self->model) + 1);
  /* Translators: after the page number entry: "of 12" */
  total = g_strdup_printf (_("of %u"), pb_view_model_get_n_pages (self->model));

  /* Never under the user's fingers. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->entry)) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->entry)) == NULL)
    gtk_editable_set_text (self->entry, page);
  gtk_label_set_label (self->total, total);
}

static void
update_idle_cb (gpointer data)
{
  PbPageControls *self = data;

  self->update_idle = 0;
  update (self);
}

/* The view tells its page while it lays pages out: the header bar changes
 * once that frame is done. */
static void
model_changed_cb (PbPageControls *self)
{
  if (self->update_idle == 0)
    self->update_idle = g_idle_add_once (update_idle_cb, self);
}

static void
entry_activate_cb (PbPageControls *self)
{
  guint64 page;

  if (g_ascii_string_to_unsigned (gtk_editable_get_text (self->entry), 10, 1, G_MAXUINT, &page, NULL))
    g_signal_emit (self, signals [PAGE_CHOSEN], 0, (guint)page - 1);

  update (self);
}

static void
pb_page_controls_dispose (GObject *object)
{
  PbPageControls *self = (PbPageControls *)object;

  g_clear_handle_id (&self->update_idle, g_source_remove);
  pb_page_controls_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PAGE_CONTROLS);

  G_OBJECT_CLASS (pb_page_controls_parent_class)->dispose (object);
}

static void
pb_page_controls_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PbPageControls *self = PB_PAGE_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_page_controls_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PbPageControls *self = PB_PAGE_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      pb_page_controls_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_page_controls_class_init (PbPageControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_page_controls_dispose;
  object_class->get_property = pb_page_controls_get_property;
  object_class->set_property = pb_page_controls_set_property;

  /**
   * PbPageControls:model:
   *
   * The view state whose page and page count are shown.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, PB_TYPE_VIEW_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbPageControls::page-chosen:
   * @page: the page typed, from 0; it may be beyond the report's last
   *
   * Emitted when the user types a page number and presses Enter.
   */
  signals [PAGE_CHOSEN] =
    g_signal_new ("page-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-page-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPageControls, box);
  gtk_widget_class_bind_template_child (widget_class, PbPageControls, entry);
  gtk_widget_class_bind_template_child (widget_class, PbPageControls, total);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pagecontrols");
}

static void
pb_page_controls_init (PbPageControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pb_page_controls_new (void)
{
  return g_object_new (PB_TYPE_PAGE_CONTROLS, NULL);
}

/**
 * pb_page_controls_get_model:
 *
 * Returns: (transfer none) (nullable): the view state shown
 */
PbViewModel *
pb_page_controls_get_model (PbPageControls *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CONTROLS (self), NULL);
  return self->model;
}

/**
 * pb_page_controls_set_model:
 * @model: (nullable): the view state to show
 */
void
pb_page_controls_set_model (PbPageControls *self,
                            PbViewModel    *model)
{
  g_return_if_fail (PB_IS_PAGE_CONTROLS (self));
  g_return_if_fail (!model || PB_IS_VIEW_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::page", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::n-pages", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * pb_page_controls_focus:
 *
 * Puts the keyboard in the page entry, its number selected to type over.
 */
void
pb_page_controls_focus (PbPageControls *self)
{
  g_return_if_fail (PB_IS_PAGE_CONTROLS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (self->entry, 0, -1);
}

/**
 * pb_page_controls_get_text:
 *
 * Returns: the page number shown, from 1
 */
const char *
pb_page_controls_get_text (PbPageControls *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CONTROLS (self), NULL);
  return gtk_editable_get_text (self->entry);
}

/**
 * pb_page_controls_get_total:
 *
 * Returns: what follows the number: "of 12"
 */
const char *
pb_page_controls_get_total (PbPageControls *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CONTROLS (self), NULL);
  return gtk_label_get_label (self->total);
}
