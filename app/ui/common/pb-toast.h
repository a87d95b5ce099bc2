/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void pb_show_toast      (GtkWidget  *widget,
                         AdwToast   *toast);
void pb_show_undo_toast (GtkWidget  *widget,
                         AdwToast   *toast);
void pb_show_file_toast (GtkWidget  *widget,
                         const char *message,
                         GFile      *file);

G_END_DECLS
