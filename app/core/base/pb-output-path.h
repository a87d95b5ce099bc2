/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *pb_output_path_resolve (const char  *path,
                              GError     **error);

G_END_DECLS
