/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-store.h"

G_BEGIN_DECLS

gboolean    pb_library_add_to_pack     (PbLibrary   *library,
                                        gint64       pack_id,
                                        const gint64 *finding_ids,
                                        guint        n_findings,
                                        GError     **error);
gboolean    pb_library_add_to_pack_counted (PbLibrary    *library,
                                            gint64        pack_id,
                                            const gint64 *finding_ids,
                                            guint         n_findings,
                                            guint        *n_added,
                                            GError      **error);

/* Editing what a pack holds: its sections and the items in them.  Each call
 * is one transaction and announces itself with PbLibrary::pack-changed. */

gint64    pb_library_add_pack_section    (PbLibrary     *library,
                                          gint64         pack_id,
                                          const char    *title,
                                          GError       **error);
gboolean  pb_library_rename_pack_section (PbLibrary     *library,
                                          gint64         section_id,
                                          const char    *title,
                                          GError       **error);
gboolean  pb_library_move_pack_section   (PbLibrary     *library,
                                          gint64         section_id,
                                          guint          position,
                                          GError       **error);

gint64    pb_library_add_pack_text       (PbLibrary     *library,
                                          gint64         section_id,
                                          PbPackItemKind kind,
                                          const char    *text,
                                          int            position,
                                          GError       **error);
gboolean  pb_library_set_pack_item_text  (PbLibrary     *library,
                                          gint64         item_id,
                                          const char    *text,
                                          GError       **error);
gboolean  pb_library_move_pack_item      (PbLibrary     *library,
                                          gint64         item_id,
                                          gint64         section_id,
                                          guint          position,
                                          GError       **error);

/* What a removal took out, so that Undo can put it back. */
typedef struct _PbPackRemoval PbPackRemoval;

PbPackRemoval *pb_library_remove_from_pack (PbLibrary     *library,
                                            gint64         pack_id,
                                            const gint64  *section_ids,
                                            guint          n_sections,
                                            const gint64  *item_ids,
                                            guint          n_items,
                                            GError       **error);
gboolean  pb_library_restore_to_pack     (PbLibrary     *library,
                                          PbPackRemoval *removal,
                                          GError       **error);
guint     pb_pack_removal_get_n_sections (PbPackRemoval *removal);
guint     pb_pack_removal_get_n_items    (PbPackRemoval *removal);
void      pb_pack_removal_free           (PbPackRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackRemoval, pb_pack_removal_free)

G_END_DECLS
