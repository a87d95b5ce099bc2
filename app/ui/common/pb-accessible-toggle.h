/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pb_accessible_toggle_follow (GtkToggleButton *toggle);

G_END_DECLS
