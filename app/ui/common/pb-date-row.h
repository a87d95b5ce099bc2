/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *pb_date_row_new_calendar_button (GtkEditable *editable);
void       pb_date_row_setup               (AdwEntryRow *row);
void       pb_date_row_set_date            (GtkEditable *row,
                                            const GDate *date);
gboolean   pb_date_row_get_date            (GtkEditable *row,
                                            GDate       *date);

G_END_DECLS
