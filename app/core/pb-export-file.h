/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *pb_export_partial_path (const char  *path);
gboolean  pb_export_move_into_place (const char  *partial,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
