/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include "pb-findings-view-private.h"

/* The findings table is one Tab stop: the arrow keys move from row to row
 * within it, and Tab or Shift+Tab on a row leave it for the next control
 * or the one before, however many findings there are. GTK 4.8's list
 * views have no setting for that (a row is a Tab stop each), so the table
 * takes Tab itself and moves the focus on as if it were not there. */

static gboolean
leave_table_cb (GtkWidget *table,
                GVariant  *args,
                gpointer   user_data)
{
  GtkDirectionType direction = GPOINTER_TO_INT (user_data);
  GtkRoot *root = gtk_widget_get_root (table);

  if (root == NULL)
    return FALSE;

  /* Unfocusable for the moment, the table and its rows are passed over:
   * the window moves on from where the focus is to the next control out
   * of it, and round to the first (or last) at the end, as Tab does. */
  gtk_widget_set_can_focus (table, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (table, TRUE);
  return TRUE;
}

static void
add_tab (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         GtkDirectionType       direction)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (leave_table_cb,
                                                                                   GINT_TO_POINTER (direction),
                                                                                   NULL)));
}

void
_pb_findings_view_init_keys (PbFindingsView *self)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  add_tab (controller, GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab (controller, GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab (controller, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab (controller, GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab (controller, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (controller));
}

/**
 * pb_findings_view_focus_table:
 *
 * Gives the keyboard to the table, on its focused or first row, so that
 * a screen reader says where the user is as the view opens; to the search
 * above it while there are no findings to be on.
 *
 * Returns: whether the table or the search took the focus
 */
gboolean
pb_findings_view_focus_table (PbFindingsView *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_VIEW (self), FALSE);

  if (self->sorted != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0 &&
      gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
