/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pb_date_format     (const GDate *date);
char *pb_date_format_iso (const char  *iso);

G_END_DECLS
