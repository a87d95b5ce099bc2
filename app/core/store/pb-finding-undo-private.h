/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PbFindingSnapshot PbFindingSnapshot;

PbFindingSnapshot *_pb_finding_snapshot_save    (sqlite3            *db,
                                                 gint64              id,
                                                 GError            **error);
gboolean           _pb_finding_snapshot_restore (sqlite3            *db,
                                                 PbFindingSnapshot  *snapshot,
                                                 GError            **error);
void               _pb_finding_snapshot_free    (PbFindingSnapshot  *snapshot);
GArray            *_pb_finding_packs            (sqlite3            *db,
                                                 const gint64       *ids,
                                                 guint               n_ids,
                                                 GError            **error);

G_END_DECLS
