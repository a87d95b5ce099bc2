/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     pb_date_row_setup    (AdwEntryRow *row);
void     pb_date_row_set_date (AdwEntryRow *row,
                               const GDate *date);
gboolean pb_date_row_get_date (AdwEntryRow *row,
                               GDate       *date);

G_END_DECLS
