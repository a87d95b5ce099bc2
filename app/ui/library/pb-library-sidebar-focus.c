/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-sidebar"

#include "config.h"

#include "pb-library-sidebar-private.h"
#include "pb-report-tree.h"

/* The keyboard's way into the library when it is shown (F8): to the row of
 * the report chosen, which a screen reader then speaks, or to the search
 * entry while the library shows a search's hits. */

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
