/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-preferences-window"

#include "config.h"

#include "pb-preferences-window.h"

/* The few things worth choosing: how much memory the reader may keep, and
 * where the library is (shown, not changed: --library chooses another). */

struct _PbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *cache_spin;
  AdwActionRow         *library_row;
};

G_DEFINE_FINAL_TYPE (PbPreferencesWindow, pb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
pb_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (pb_preferences_window_parent_class)->dispose (object);
}

static void
pb_preferences_window_class_init (PbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, cache_spin);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, library_row);
}

static void
pb_preferences_window_init (PbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pb_preferences_window_new:
 * @settings: (nullable): the app's settings; without them (the schema is not
 *   installed) the memory setting is shown but not kept
 */
PbPreferencesWindow *
pb_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           const char *library_path)
{
  PbPreferencesWindow *self;

  self = g_object_new (PB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  if (settings != NULL)
    g_settings_bind (settings, "page-cache-size",
                     gtk_spin_button_get_adjustment (self->cache_spin), "value",
                     G_SETTINGS_BIND_DEFAULT);
  else
    gtk_spin_button_set_value (self->cache_spin, 160);

  adw_action_row_set_subtitle (self->library_row, library_path);

  return self;
}
