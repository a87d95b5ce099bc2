/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pb_temp_file_lock               (int          fd);
gboolean pb_temp_file_is_unlocked        (const char  *path);
gboolean pb_temp_file_remove_if_unlocked (const char  *path);
gboolean pb_temp_name_matches            (const char  *name,
                                          const char  *prefix,
                                          const char  *suffix);
guint    pb_temp_files_sweep             (const char  *folder,
                                          const char  *prefix,
                                          const char  *suffix);

G_END_DECLS
