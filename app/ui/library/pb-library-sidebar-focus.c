/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-sidebar"

#include "config.h"

#include "pb-library-sidebar-private.h"
#include "pb-report-tree.h"

/* The keyboard's way into the library when it is shown (F8): to the row of
 * the report chosen, which a screen reader then speaks, or to the search
 * entry while the library shows a search's hits; and from row to row. */

/* How many frames to wait for the list view to build the chosen row: it
 * does so when it is laid out, a frame or two after it is shown. */
#define FOCUS_TRIES 10

static gboolean
focus_now (PbLibrarySidebar *self)
{
  GtkTreeListRow *row;

  if (_pb_library_sidebar_searching (self))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return gtk_widget_child_focus (GTK_WIDGET (self->report_view), GTK_DIR_TAB_FORWARD);
  return pb_report_tree_focus_row (self->report_view, row);
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (widget);

  if (focus_now (self) || ++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * pb_library_sidebar_focus_report:
 *
 * Gives the keyboard focus to the row of the report chosen (the first row
 * if none is), scrolling to it; while the library shows a search's hits,
 * to the search entry. A library just shown builds its rows when it is
 * laid out: the focus then moves within the next few frames.
 */
void
pb_library_sidebar_focus_report (PbLibrarySidebar *self)
{
  guint position;

  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->report_view), "list.scroll-to-item", "u", position);

  if (self->focus_tick != 0 || focus_now (self))
    return;
  self->focus_tries = 0;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
}

/* A row far from the focus (Home, End, a page away) is built only when the
 * list is laid out after scrolling to it: focused then, within a few frames. */
static gboolean
move_tick_cb (GtkWidget     *view,
              GdkFrameClock *clock,
              gpointer       data)
{
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (gtk_widget_get_ancestor (view, PB_TYPE_LIBRARY_SIDEBAR));

  if (self == NULL || pb_report_tree_focus_row (GTK_LIST_VIEW (view), data) ||
      ++self->move_tries >= FOCUS_TRIES)
    {
      if (self != NULL)
        self->move_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Up and Down move the keyboard from report to report without opening
 * each on the way (a list view chooses the row its focus moves to, and
 * choosing a report opens it): a screen-reader user hears each title and
 * opens the one wanted with Enter. Asked before the list's own keys. The
 * row the focus is on knows its place through its expander (as in
 * pb_report_tree_focus_row()): GTK 4.8 cannot say which row has the focus. */
static gboolean
move_focus_cb (GtkWidget *view,
               GVariant  *args,
               gpointer   user_data)
{
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (gtk_widget_get_ancestor (view, PB_TYPE_LIBRARY_SIDEBAR));
  int step = GPOINTER_TO_INT (user_data);
  GListModel *rows = G_LIST_MODEL (self->selection);
  g_autoptr(GtkTreeListRow) next = NULL;
  GtkTreeListRow *row;
  GtkWidget *item;
  guint position;

  for (item = gtk_root_get_focus (gtk_widget_get_root (view));
       item != NULL && gtk_widget_get_parent (item) != view;
       item = gtk_widget_get_parent (item))
    ;
  if (item == NULL || !GTK_IS_TREE_EXPANDER (gtk_widget_get_first_child (item)))
    return FALSE;
  row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (gtk_widget_get_first_child (item)));
  if (row == NULL)
    return FALSE;

  position = gtk_tree_list_row_get_position (row);
  /* At either end, the focus stays where it is. */
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= g_list_model_get_n_items (rows)))
    return TRUE;
  /* Home and End go to the ends, Page Up and Down a page of rows at most. */
  if (step < 0)
    position -= MIN ((guint)-step, position);
  else
    position = MIN (position + (guint)step, g_list_model_get_n_items (rows) - 1);
  gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
  next = g_list_model_get_item (rows, position);

  if (self->move_tick != 0)
    {
      gtk_widget_remove_tick_callback (view, self->move_tick);
      self->move_tick = 0;
    }
  if (!pb_report_tree_focus_row (GTK_LIST_VIEW (view), next))
    {
      self->move_tries = 0;
      self->move_tick = gtk_widget_add_tick_callback (view, move_tick_cb, g_object_ref (next),
                                                      g_object_unref);
    }
  return TRUE;
}

void
_pb_library_sidebar_init_keys (PbLibrarySidebar *self)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  /* Rows a page moves by: about a screenful of the library's list. */
  enum { PAGE = 10 };
  static const struct { guint keyval; int step; } keys[] = {
    { GDK_KEY_Up, -1 },
    { GDK_KEY_KP_Up, -1 },
    { GDK_KEY_Down, 1 },
    { GDK_KEY_KP_Down, 1 },
    { GDK_KEY_Page_Up, -PAGE },
    { GDK_KEY_KP_Page_Up, -PAGE },
    { GDK_KEY_Page_Down, PAGE },
    { GDK_KEY_KP_Page_Down, PAGE },
    { GDK_KEY_Home, G_MININT + 1 },
    { GDK_KEY_KP_Home, G_MININT + 1 },
    { GDK_KEY_End, G_MAXINT },
    { GDK_KEY_KP_End, G_MAXINT },
  };

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_callback_action_new (move_focus_cb,
                                                                                     GINT_TO_POINTER (keys[i].step),
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->report_view), GTK_EVENT_CONTROLLER (controller));
}
