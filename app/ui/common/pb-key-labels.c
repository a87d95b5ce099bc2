/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-key-labels"

#include "config.h"

#include <string.h>

#include "pb-key-labels.h"

/* The keyboard shortcuts window names keys as GTK's translations do, and
 * without one (English) as X does: "Page_Down", "KP_Add".  These read them
 * as a keyboard's own labels do: "Page Down". */

static gboolean
is_key_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL) != NULL;
}

/**
 * pb_key_labels_tidy:
 *
 * Rewrites the key names under @widget's shortcut labels: an underscore
 * between words becomes a space.
 */
void
pb_key_labels_tidy (GtkWidget *widget)
{
  if (is_key_label (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (strlen (text) > 1 && strchr (text, '_') != NULL)
        {
          g_autofree char *tidy = g_strdelimit (g_strdup (text), "_", ' ');

          gtk_label_set_label (GTK_LABEL (widget), tidy);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    pb_key_labels_tidy (child);
}

/**
 * pb_key_labels_watch:
 *
 * Tidies the shortcuts window's key names each time it is shown (its search
 * builds new ones).
 */
void
pb_key_labels_watch (GtkWindow *shortcuts_window)
{
  g_return_if_fail (GTK_IS_WINDOW (shortcuts_window));

  g_signal_connect (shortcuts_window, "map", G_CALLBACK (pb_key_labels_tidy), NULL);
  pb_key_labels_tidy (GTK_WIDGET (shortcuts_window));
}
