/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pb_demo_write_report (const char  *path,
                               GError     **error);

G_END_DECLS
