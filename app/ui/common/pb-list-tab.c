/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-list-tab.h"

/* Tab through a list box as through any other control. GTK 4.8 moves Tab
 * from row to row (a pack of forty findings is eighty Tab stops), and a
 * row that holds a flow box or is not in the active window can keep the
 * focus on every further Tab. Here Tab enters the list on one row, goes
 * on to that row's own controls (a Remove button), then leaves the list;
 * Shift+Tab comes back the same way. The arrow keys move between rows, as
 * GTK has them do. */

#define EACH_ROW_KEY "pb-list-tab-each-row"

/* The row of @list that holds @focus, or NULL: none, or the focus is in a
 * popover on a row (an editor of its own, with its own Tab order). */
static GtkWidget *
row_of (GtkWidget *list,
        GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_NATIVE (w))
        return NULL;
      if (GTK_IS_LIST_BOX_ROW (w) && gtk_widget_get_parent (w) == list)
        return w;
    }
  return NULL;
}

static gboolean
can_take_focus (GtkWidget *row)
{
  return gtk_widget_get_visible (row) && gtk_widget_is_sensitive (row) && gtk_widget_get_focusable (row);
}

/* The row after (or before) @row that can take the focus, or NULL. */
static GtkWidget *
neighbour (GtkWidget        *row,
           GtkDirectionType  direction)
{
  GtkWidget *next = row;

  do
    next = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next);
  while (next != NULL && !(GTK_IS_LIST_BOX_ROW (next) && can_take_focus (next)));
  return next;
}

/* On past the list, as Tab from its last control would go: the list is
 * left out of the search for the next control for as long as it runs. */
static void
leave (GtkWidget        *list,
       GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (list);

  gtk_widget_set_can_focus (list, FALSE);
  g_signal_emit_by_name (root, "move-focus", direction);
  gtk_widget_set_can_focus (list, TRUE);
}

static gboolean
tab_cb (GtkWidget *list,
        GVariant  *args,
        gpointer   data)
{
  GtkDirectionType direction = GPOINTER_TO_INT (data);
  gboolean each_row = g_object_get_data (G_OBJECT (list), EACH_ROW_KEY) != NULL;
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? row_of (list, focus) : NULL;
  GtkWidget *content;
  GtkWidget *next;

  if (row == NULL)
    return FALSE;
  content = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      /* From the row to its controls, and from one to the next. */
      if (content != NULL && gtk_widget_child_focus (content, direction))
        return TRUE;
    }
  else if (focus != row)
    {
      /* From a control back to the one before it, then to its row. */
      if (content != NULL && gtk_widget_child_focus (content, direction))
        return TRUE;
      if (can_take_focus (row))
        {
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }

  /* Rows that are controls themselves (a combo row) are a stop each. */
  if (each_row && (next = neighbour (row, direction)) != NULL)
    {
      gtk_widget_grab_focus (next);
      return TRUE;
    }

  leave (list, direction);
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
                                                          gtk_callback_action_new (tab_cb, GINT_TO_POINTER (direction),
                                                                                   NULL)));
}

/**
 * pb_list_box_set_tab_stops:
 * @list: a list box
 * @each_row: %TRUE if each row is a control of its own (a combo row, a
 *   switch row) and so a Tab stop; %FALSE if the list is one stop, its rows
 *   reached with the arrow keys
 *
 * Makes Tab and Shift+Tab go through @list as a keyboard user expects (see
 * the top of this file): into the list on one row, through that row's own
 * controls, and out; with @each_row, on from row to row first.
 */
void
pb_list_box_set_tab_stops (GtkListBox *list,
                           gboolean    each_row)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  g_object_set_data (G_OBJECT (list), EACH_ROW_KEY, GINT_TO_POINTER (each_row));
  controller = gtk_shortcut_controller_new ();
  add_tab (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (list), controller);
}
