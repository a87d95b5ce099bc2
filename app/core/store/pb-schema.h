/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

guint    pb_schema_latest_version (void);
gint     pb_schema_get_version    (sqlite3     *db,
                                   GError     **error);
gboolean pb_schema_migrate        (sqlite3     *db,
                                   guint        target_version,
                                   GError     **error);

G_END_DECLS
