/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pb_list_box_set_tab_stops (GtkListBox *list,
                                gboolean    each_row);

G_END_DECLS
