/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-finding.h"
#include "pb-library.h"
#include "pb-pack-items.h"
#include "pb-pack.h"

G_BEGIN_DECLS

/* A pack's contents as one flat list: each section's heading row followed
 * by its items, for an editor to show and rearrange.  It follows the
 * library, so a change made anywhere shows up here as the rows it touched. */

typedef enum
{
  PB_PACK_ENTRY_SECTION,
  PB_PACK_ENTRY_FINDING,
  PB_PACK_ENTRY_NOTE,
  PB_PACK_ENTRY_HEADING,
} PbPackEntryKind;

#define PB_TYPE_PACK_ENTRY (pb_pack_entry_get_type ())

G_DECLARE_FINAL_TYPE (PbPackEntry, pb_pack_entry, PB, PACK_ENTRY, GObject)

PbPackEntryKind  pb_pack_entry_get_kind        (PbPackEntry *self);
gint64           pb_pack_entry_get_id          (PbPackEntry *self);
gint64           pb_pack_entry_get_section_id  (PbPackEntry *self);
const char      *pb_pack_entry_get_text        (PbPackEntry *self);
const char      *pb_pack_entry_get_cohort      (PbPackEntry *self);
PbFinding       *pb_pack_entry_get_finding     (PbPackEntry *self);
const char      *pb_pack_entry_get_citation    (PbPackEntry *self);
guint            pb_pack_entry_get_n_items     (PbPackEntry *self);
PbPackSectionKind pb_pack_entry_get_section_kind (PbPackEntry *self);
const char      *pb_pack_entry_get_detail      (PbPackEntry *self);

#define PB_TYPE_PACK_CONTENTS (pb_pack_contents_get_type ())

G_DECLARE_FINAL_TYPE (PbPackContents, pb_pack_contents, PB, PACK_CONTENTS, GObject)

PbPackContents *pb_pack_contents_new         (PbLibrary       *library,
                                              gint64           pack_id);
PbPack         *pb_pack_contents_get_pack    (PbPackContents  *self);
gboolean        pb_pack_contents_reload      (PbPackContents  *self,
                                              GError         **error);
guint           pb_pack_contents_find        (PbPackContents  *self,
                                              PbPackEntryKind  kind,
                                              gint64           id);
gint64          pb_pack_contents_section_at  (PbPackContents  *self,
                                              guint            position);
gboolean        pb_pack_contents_move        (PbPackContents  *self,
                                              guint            position,
                                              int              direction,
                                              GError         **error);
gboolean        pb_pack_contents_move_before (PbPackContents  *self,
                                              guint            from,
                                              guint            to,
                                              GError         **error);
PbPackRemoval  *pb_pack_contents_remove      (PbPackContents  *self,
                                              const guint     *positions,
                                              guint            n_positions,
                                              GError         **error);
GPtrArray      *pb_pack_contents_get_summary (PbPackContents  *self);

G_END_DECLS
