/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void pb_csv_append_field  (GString    *out,
                           const char *text,
                           gboolean    last);
void pb_csv_append_number (GString    *out,
                           gint64      number,
                           gboolean    last);

G_END_DECLS
