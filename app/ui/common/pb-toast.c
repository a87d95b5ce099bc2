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
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* From the window itself, or a dialog over it: the window's overlay. */
  if (overlay == NULL && GTK_IS_WINDOW (root))
    overlay = window_overlay (GTK_WINDOW (root));
  if (overlay == NULL && GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    overlay = window_overlay (gtk_window_get_transient_for (GTK_WINDOW (root)));
  return overlay;
}

void
pb_show_toast (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = find_overlay (widget);

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

/* The toast whose button Ctrl+Z presses, on its window, while it shows. */
#define UNDO_TOAST "pb-undo-toast"
#define UNDO_SHORTCUT "pb-undo-shortcut"

static gboolean
undo_shortcut_cb (GtkWidget *host,
                  GVariant  *args,
                  gpointer   user_data)
{
  AdwToast *shown = g_object_get_data (G_OBJECT (host), UNDO_TOAST);
  g_autoptr(AdwToast) toast = NULL;

  /* Nothing to undo: Ctrl+Z goes on to whatever else wants it. */
  if (shown == NULL)
    return FALSE;

  toast = g_object_ref (shown);
  g_object_set_data (G_OBJECT (host), UNDO_TOAST, NULL);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  return TRUE;
}

static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         GtkWidget *host)
{
  if (g_object_get_data (G_OBJECT (host), UNDO_TOAST) == toast)
    g_object_set_data (G_OBJECT (host), UNDO_TOAST, NULL);
}

/**
 * pb_show_undo_toast:
 * @widget: the widget asking, in the main window or a dialog over it
 * @toast: (transfer full): a toast whose button undoes what was just done
 *
 * Shows @toast as pb_show_toast() does.  Until it is dismissed (it times
 * out as any toast does), Ctrl+Z anywhere in the window does what its
 * button does and dismisses it, wherever the keyboard is: in the view
 * where the thing was done, or on the toast itself.  A text field that
 * has typing of its own to undo takes Ctrl+Z first, as it sees the key
 * first.
 */
void
pb_show_undo_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay = find_overlay (widget);
  GtkWidget *host;

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  /* The window, which has the key whatever has the focus, even nothing;
   * bubbling: after the focused widget and its parents have had it. */
  host = GTK_IS_WINDOW (gtk_widget_get_root (overlay)) ? GTK_WIDGET (gtk_widget_get_root (overlay)) : overlay;
  if (g_object_get_data (G_OBJECT (host), UNDO_SHORTCUT) == NULL)
    {
      GtkEventController *controller = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                              gtk_callback_action_new (undo_shortcut_cb, NULL, NULL)));
      gtk_widget_add_controller (host, controller);
      g_object_set_data (G_OBJECT (host), UNDO_SHORTCUT, controller);
    }

  g_object_set_data_full (G_OBJECT (host), UNDO_TOAST, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), host, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
