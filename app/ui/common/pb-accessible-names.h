/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pb_accessible_names_install     (void);
void pb_accessible_names_set_heading (GtkWidget  *widget,
                                      const char *heading);
void pb_accessible_names_set_label   (GtkWidget  *widget,
                                      const char *label);

G_END_DECLS
