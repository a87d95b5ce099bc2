/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-structure.h"

G_BEGIN_DECLS

/* For import and re-reading, inside the transaction they hold on @db. */
gboolean     _pb_structure_store          (sqlite3      *db,
                                           gint64        report_id,
                                           const char   *sha256,
                                           PbStructure  *structure,
                                           GError      **error);

G_END_DECLS
