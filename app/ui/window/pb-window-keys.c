/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include "pb-find-bar.h"
#include "pb-window-private.h"

/* The window's view keys, wherever the keyboard is. A text field or the
 * Text view would otherwise take some of them first: GtkText and
 * GtkTextView bind Ctrl+Shift+A ("select none"), a search entry Ctrl+Shift+G
 * ("previous match"). The window's own bindings are asked last, after the
 * focused widget's, so these are asked first instead, as a key is on its
 * way down to the focused widget (the capture phase). Typing is untouched:
 * every key here holds Ctrl. */

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} ViewKey;

static const ViewKey view_keys[] = {
  { GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-all-findings" },
  { GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-packs" },
  { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-overview" },
  { GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-tracker" },
  { GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-bundles" },
  { GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-bundle" },
  { GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search-library" },
  { GDK_KEY_t, GDK_CONTROL_MASK, "win.text-view" },
};

static gboolean
view_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  const ViewKey *key = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  /* In the find bar, Ctrl+Shift+G goes to the previous match, as Ctrl+G
   * goes to the next (the search entry's own keys). */
  if (key->keyval == GDK_KEY_g && focus != NULL &&
      gtk_widget_get_ancestor (focus, PB_TYPE_FIND_BAR) != NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, key->action, NULL);
}

/*
 * _pb_window_init_view_keys:
 *
 * Asks the window's view keys (Ctrl+Shift+A and the like, Ctrl+T) before
 * the focused widget's own keys.
 */
void
_pb_window_init_view_keys (PbWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "pb-view-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (view_keys[i].keyval,
                                                                                    view_keys[i].modifiers),
                                                            gtk_callback_action_new (view_key_cb,
                                                                                     (gpointer)&view_keys[i],
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
