/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pb_key_labels_tidy  (GtkWidget *widget);
void pb_key_labels_watch (GtkWindow *shortcuts_window);

G_END_DECLS
