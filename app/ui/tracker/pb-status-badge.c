/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-status-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-status-badge.h"

/* Where a tracked recommendation stands, as a badge in its RAG colour that
 * also says the status in words, for those who cannot tell the colours
 * apart; screen readers hear the status and its colour. */

struct _PbStatusBadge
{
  GtkWidget               parent_instance;

  PbRecommendationStatus  status;
  GtkWidget              *label;
};

G_DEFINE_FINAL_TYPE (PbStatusBadge, pb_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * pb_tracker_load_css:
 *
 * Loads the tracker's styles (the badges' colours) for the default
 * display, once; they sit with the tracker rather than in the app's
 * style sheet.
 */
void
pb_tracker_load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/pb-tracker.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
update (PbStatusBadge *self)
{
  static const char * const rags[] = { "rag-red", "rag-amber", "rag-green" };
  PbRag rag = pb_recommendation_status_get_rag (self->status);
  g_autofree char *description = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rags); i++)
    if (i == rag)
      gtk_widget_add_css_class (GTK_WIDGET (self), rags[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self), rags[i]);

  gtk_label_set_label (GTK_LABEL (self->label), pb_recommendation_status_get_label (self->status));
  /* Translators: a status badge for screen readers: "Status: In progress (amber)" */
  description = g_strdup_printf (_("Status: %s (%s)"), pb_recommendation_status_get_label (self->status),
                                 pb_rag_get_label (rag));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
pb_status_badge_dispose (GObject *object)
{
  PbStatusBadge *self = (PbStatusBadge *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (pb_status_badge_parent_class)->dispose (object);
}

static void
pb_status_badge_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PbStatusBadge *self = PB_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_status_badge_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PbStatusBadge *self = PB_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      pb_status_badge_set_status (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_status_badge_class_init (PbStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_status_badge_dispose;
  object_class->get_property = pb_status_badge_get_property;
  object_class->set_property = pb_status_badge_set_property;

  properties [PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, PB_N_RECOMMENDATION_STATUSES - 1, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
pb_status_badge_init (PbStatusBadge *self)
{
  pb_tracker_load_css ();
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  update (self);
}

GtkWidget *
pb_status_badge_new (void)
{
  return g_object_new (PB_TYPE_STATUS_BADGE, NULL);
}

PbRecommendationStatus
pb_status_badge_get_status (PbStatusBadge *self)
{
  g_return_val_if_fail (PB_IS_STATUS_BADGE (self), PB_RECOMMENDATION_STATUS_NOT_STARTED);
  return self->status;
}

/**
 * pb_status_badge_set_status:
 * @status: where the recommendation stands
 *
 * Colours the badge and says the status in words.
 */
void
pb_status_badge_set_status (PbStatusBadge          *self,
                            PbRecommendationStatus  status)
{
  g_return_if_fail (PB_IS_STATUS_BADGE (self));
  g_return_if_fail (status < PB_N_RECOMMENDATION_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

/**
 * pb_status_badge_get_text:
 *
 * Returns: the words the badge shows
 */
const char *
pb_status_badge_get_text (PbStatusBadge *self)
{
  g_return_val_if_fail (PB_IS_STATUS_BADGE (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->label));
}
