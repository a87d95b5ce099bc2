/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cohort-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-row.h"

/* One cohort in the preferences: its name to edit, its colour to choose, a
 * button to remove it. The row carries the cohort; it asks, with
 * "color-chosen" and the "prefs.remove-cohort" action (its slug the target),
 * and the preferences window does. */

struct _PbCohortRow
{
  AdwEntryRow  parent_instance;

  PbCohort    *cohort;
};

G_DEFINE_FINAL_TYPE (PbCohortRow, pb_cohort_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_COHORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  COLOR_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
color_set_cb (PbCohortRow    *self,
              GtkColorButton *button)
{
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int)(rgba.red * 255 + 0.5),
                         (int)(rgba.green * 255 + 0.5), (int)(rgba.blue * 255 + 0.5));
  g_signal_emit (self, signals [COLOR_CHOSEN], 0, hex);
}

static void
build (PbCohortRow *self)
{
  GtkWidget *color;
  GtkWidget *remove;
  GdkRGBA rgba;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self), pb_cohort_get_name (self->cohort));

  if (!gdk_rgba_parse (&rgba, pb_cohort_get_color (self->cohort)))
    rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1 };
  color = gtk_color_button_new_with_rgba (&rgba);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, _("Colour"));
  g_signal_connect_object (color, "color-set", G_CALLBACK (color_set_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self), color);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Cohort"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "prefs.remove-cohort");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", pb_cohort_get_slug (self->cohort));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), remove);
}

static void
pb_cohort_row_dispose (GObject *object)
{
  PbCohortRow *self = (PbCohortRow *)object;

  g_clear_object (&self->cohort);

  G_OBJECT_CLASS (pb_cohort_row_parent_class)->dispose (object);
}

static void
pb_cohort_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PbCohortRow *self = PB_COHORT_ROW (object);

  switch (prop_id)
    {
    case PROP_COHORT:
      g_value_set_object (value, self->cohort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_cohort_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PbCohortRow *self = PB_COHORT_ROW (object);

  switch (prop_id)
    {
    case PROP_COHORT:
      self->cohort = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_cohort_row_class_init (PbCohortRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_cohort_row_dispose;
  object_class->get_property = pb_cohort_row_get_property;
  object_class->set_property = pb_cohort_row_set_property;

  /**
   * PbCohortRow:cohort:
   *
   * The cohort the row edits.
   */
  properties [PROP_COHORT] =
    g_param_spec_object ("cohort", NULL, NULL, PB_TYPE_COHORT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbCohortRow::color-chosen:
   * @color: the colour the user chose, as "#rrggbb"
   */
  signals [COLOR_CHOSEN] =
    g_signal_new ("color-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pb_cohort_row_init (PbCohortRow *self)
{
}

/**
 * pb_cohort_row_new:
 * @cohort: the cohort to edit
 *
 * Returns: (transfer floating): a row for a preferences group
 */
GtkWidget *
pb_cohort_row_new (PbCohort *cohort)
{
  PbCohortRow *self;

  g_return_val_if_fail (PB_IS_COHORT (cohort), NULL);

  self = g_object_new (PB_TYPE_COHORT_ROW, "cohort", cohort, NULL);
  build (self);
  return GTK_WIDGET (self);
}

/**
 * pb_cohort_row_get_cohort:
 *
 * Returns: (transfer none): the cohort the row edits
 */
PbCohort *
pb_cohort_row_get_cohort (PbCohortRow *self)
{
  g_return_val_if_fail (PB_IS_COHORT_ROW (self), NULL);
  return self->cohort;
}
