/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-accessible"

#include "config.h"

#include "pb-accessible-toggle.h"

/* GTK 4.8 has no toggle-button role: a GtkToggleButton is a push button
 * whose pressed state Orca never speaks, so a filter or a sort order made
 * of one cannot be heard. Given the check box role (in its .ui file:
 * accessible-role is set only as it is made), it is spoken "check box,
 * checked" or "not checked", once its checked state follows it. */

static void
active_cb (GtkToggleButton *toggle)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (toggle), -1);
}

/**
 * pb_accessible_toggle_follow:
 * @toggle: a toggle button made with the %GTK_ACCESSIBLE_ROLE_CHECKBOX role
 *
 * Keeps the toggle's accessible checked state the same as whether it is
 * pressed, now and whenever that changes.
 */
void
pb_accessible_toggle_follow (GtkToggleButton *toggle)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));
  g_return_if_fail (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (toggle)) == GTK_ACCESSIBLE_ROLE_CHECKBOX);

  active_cb (toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (active_cb), NULL);
}
