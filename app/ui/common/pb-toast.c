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

/**
 * pb_show_toast:
 * @widget: the widget asking, in the main window or a dialog over it
 * @toast: (transfer full): the toast
 *
 * Toasts belong to the main window, also when asked for from a dialog on it;
 * with no window to show it, the toast is dropped.
 */
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

/**
 * pb_show_file_toast:
 * @widget: the widget asking, in the main window or a dialog over it
 * @message: what happened: "Exported …"
 * @file: the file just written
 *
 * Shows @message with Open for @file: the toast's button activates the
 * window's "win.open-uri" action with the file's URI as its target.
 */
void
pb_show_file_toast (GtkWidget  *widget,
                    const char *message,
                    GFile      *file)
{
  AdwToast *toast = adw_toast_new (message);
  g_autofree char *uri = g_file_get_uri (file);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target (toast, "s", uri);
  pb_show_toast (widget, toast);
}
