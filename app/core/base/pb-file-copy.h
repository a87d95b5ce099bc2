/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean pb_file_copy_into (const char  *from,
                            int          fd,
                            GError     **error);

G_END_DECLS
