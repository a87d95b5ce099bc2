/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-library.h"
#include "pb-pack-private.h"

G_BEGIN_DECLS

/* Shared by the pack store's files (pb-pack-rows.c). */

/* The kinds of item as the pack_items table spells them, by PbPackItemKind. */
extern const char * const _pb_pack_item_kinds[];

gboolean _pb_pack_valid_date          (const char  *text);
gboolean _pb_pack_is_exempt           (sqlite3     *db,
                                       gint64       pack_id,
                                       gboolean    *exempt,
                                       GError     **error);
gboolean _pb_pack_query_id            (sqlite3     *db,
                                       const char  *sql,
                                       gint64       key,
                                       gint64      *out,
                                       const char  *missing,
                                       GError     **error);
gboolean _pb_pack_section_pack        (sqlite3     *db,
                                       gint64       section_id,
                                       gint64      *pack_id,
                                       GError     **error);
gboolean _pb_pack_item_section        (sqlite3     *db,
                                       gint64       item_id,
                                       gint64      *section_id,
                                       GError     **error);
GArray  *_pb_pack_section_order       (sqlite3     *db,
                                       gint64       pack_id,
                                       GError     **error);
GArray  *_pb_pack_item_order          (sqlite3     *db,
                                       gint64       section_id,
                                       GError     **error);
gboolean _pb_pack_write_section_order (sqlite3     *db,
                                       GArray      *ids,
                                       gint64       pack_id,
                                       GError     **error);
gboolean _pb_pack_write_item_order    (sqlite3     *db,
                                       GArray      *ids,
                                       gint64       section_id,
                                       GError     **error);
void     _pb_pack_place_id            (GArray      *ids,
                                       gint64       id,
                                       guint        position);
gboolean _pb_pack_finish              (PbLibrary   *library,
                                       gboolean     ok,
                                       gint64       pack_id,
                                       GError     **error);
char    *_pb_pack_clean_text          (const char  *text);

/* In pb-pack-sections.c: a section's kind and what it shows, as stored. */
void     _pb_pack_read_section_kind   (PbPackSection *section,
                                       const char    *kind,
                                       const char    *options);

/* In pb-pack-items.c: a new row at @position, others renumbered. */
gint64   _pb_pack_insert_section      (sqlite3         *db,
                                       gint64           pack_id,
                                       const char      *title,
                                       gint64           cohort_id,
                                       guint            position,
                                       GError         **error);
gint64   _pb_pack_insert_item         (sqlite3         *db,
                                       gint64           section_id,
                                       PbPackItemKind   kind,
                                       gint64           finding_id,
                                       const char      *text,
                                       guint            position,
                                       GError         **error);

G_END_DECLS
