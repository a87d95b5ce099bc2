/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include "pb-reader.h"
#include "pb-text-view.h"
#include "pb-window-private.h"

/* Where the library goes when the findings panel needs the room: aside on a
 * window too narrow for the library, the page and the panel, back when the
 * panel closes or the window is widened, and always there when the window
 * is narrow enough to show one thing at a time. */

/* Below this width, the findings panel beside a page leaves too little for
 * the page (at 1100 px, 51 %): the library steps aside for it, as Zotero's
 * reader gives the window to the document and its annotations. */
#define LIBRARY_ASIDE_BELOW 1300

void
_pb_window_set_show_library (PbWindow *self,
                             gboolean  show)
{
  show = !!show;

  /* Narrow, the library is a page of its own to go back to: never hidden. */
  if (!show && adw_leaflet_get_folded (self->leaflet))
    show = TRUE;

  gtk_revealer_set_reveal_child (self->library_revealer, show);
  gtk_widget_set_visible (self->library_button, !show);

  if (self->show_library == show)
    return;
  self->show_library = show;
  g_object_notify (G_OBJECT (self), "show-library");
}

/* Where the keyboard goes when the library is hidden: the report's page
 * or text when the reader is shown, the content shown otherwise. */
static void
focus_content (PbWindow *self)
{
  GtkWidget *content = gtk_stack_get_visible_child (self->content_stack);

  if (content == GTK_WIDGET (self->reader))
    {
      if (pb_reader_get_text_mode (self->reader))
        content = GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (self->reader)));
      else
        content = GTK_WIDGET (pb_reader_get_view (self->reader));
      gtk_widget_grab_focus (content);
    }
  else if (content != NULL)
    gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

/* Orca passes over a focus given to a row still sliding in (it has no
 * size yet): the focus goes in once the library is all there. */
static void
library_revealed_cb (PbWindow *self)
{
  if (!g_object_get_data (G_OBJECT (self), "pb-focus-library") ||
      !gtk_revealer_get_child_revealed (self->library_revealer))
    return;
  g_object_set_data (G_OBJECT (self), "pb-focus-library", NULL);
  if (self->show_library)
    pb_library_sidebar_focus_report (self->sidebar);
}

/* F8 or the Show the Library button: the library stays as the user put
 * it, and the focus goes with it, into the list at the report chosen (so
 * that a screen reader speaks it) or back to what the library covered. */
void
_pb_window_show_library_by_user (PbWindow *self,
                                 gboolean  show)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_library = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar));

  self->library_aside = FALSE;
  _pb_window_set_show_library (self, show);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->show_library && gtk_revealer_get_child_revealed (self->library_revealer))
    pb_library_sidebar_focus_report (self->sidebar);
  else if (self->show_library)
    {
      if (g_object_get_data (G_OBJECT (self->library_revealer), "pb-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (self->library_revealer), "pb-watched", self);
          g_signal_connect_object (self->library_revealer, "notify::child-revealed",
                                   G_CALLBACK (library_revealed_cb), self, G_CONNECT_SWAPPED);
        }
      g_object_set_data (G_OBJECT (self), "pb-focus-library", GINT_TO_POINTER (TRUE));
    }
  /* Only a focus the library took with it moves: one elsewhere stays. */
  else if (in_library || focus == NULL || !gtk_widget_get_mapped (focus))
    focus_content (self);
}

/* The findings panel opened or closed, or the window changed what it shows:
 * the library steps aside for the panel on a window too narrow for both,
 * and comes back when the panel goes (unless the user brought it back or
 * sent it away themselves, which stands). */
void
_pb_window_update_library_aside (PbWindow *self)
{
  gboolean reading = self->mode == PB_WINDOW_MODE_LIBRARY && !self->show_details;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height;
  gboolean crowded;

  if (self->sidebar == NULL)
    return;

  /* Not yet shown: the size it will open at. */
  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  crowded = width < LIBRARY_ASIDE_BELOW;

  if (self->show_findings && reading && crowded && self->show_library && !self->library_aside)
    {
      self->library_aside = TRUE;
      _pb_window_set_show_library (self, FALSE);
    }
  else if ((!self->show_findings || !reading || !crowded) && self->library_aside)
    {
      self->library_aside = FALSE;
      _pb_window_set_show_library (self, TRUE);
    }
}

static void
resized_idle_cb (gpointer data)
{
  PbWindow *self = data;

  self->resized_idle = 0;
  _pb_window_update_library_aside (self);
}

/* Made wider or narrower: the library comes back or steps aside once the
 * window is laid out at its new size, not in the middle of it. */
void
_pb_window_queue_library_aside (PbWindow *self)
{
  if (self->resized_idle == 0)
    self->resized_idle = g_idle_add_once (resized_idle_cb, self);
}

static void
folded_idle_cb (gpointer data)
{
  PbWindow *self = data;

  self->folded_idle = 0;
  if (adw_leaflet_get_folded (self->leaflet) && !self->show_library)
    {
      self->library_aside = FALSE;
      _pb_window_set_show_library (self, TRUE);
    }
}

/* The leaflet folds while it is laid out: the library comes back once that
 * is over, not in the middle of it (a widget shown then is never laid out). */
void
_pb_window_folded_cb (PbWindow *self)
{
  if (self->folded_idle == 0 && adw_leaflet_get_folded (self->leaflet) && !self->show_library)
    self->folded_idle = g_idle_add_once (folded_idle_cb, self);
}
