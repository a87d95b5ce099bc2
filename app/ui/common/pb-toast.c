/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pb-toast.h"

/* Telling the user how something went, at the bottom of the main window. */

/* The toast overlay that is @window's content, if it is one. */
static GtkWidget *
window_overlay (GtkWindow *window)
{
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (window)
                       ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                       : gtk_window_get_child (window);

  return ADW_IS_TOAST_OVERLAY (content) ? content : NULL;
}

/* Toasts belong to the main window, also when asked for from a dialog on it. */
void
pb_show_toast (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* From the window itself, or a dialog over it: the window's overlay. */
  if (overlay == NULL && GTK_IS_WINDOW (root))
    overlay = window_overlay (GTK_WINDOW (root));
  if (overlay == NULL && GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    overlay = window_overlay (gtk_window_get_transient_for (GTK_WINDOW (root)));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
open_file_cb (AdwToast  *toast,
              GtkWidget *widget)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/* "Exported …", with Open for the file just written. */
void
pb_show_file_toast (GtkWidget  *widget,
                    const char *message,
                    GFile      *file)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), widget, 0);
  pb_show_toast (widget, toast);
}
