/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-contents.h"

G_BEGIN_DECLS

/* The fields of a row of a pack's contents, for pb-pack-contents.c that
 * builds the rows. Everything else sees a row through its getters only. */

struct _PbPackEntry
{
  GObject          parent_instance;

  PbPackEntryKind  kind;
  gint64           id;
  gint64           section_id;
  char            *text;
  char            *cohort;
  PbFinding       *finding;
  char            *citation;
  guint            n_items;
  char            *signature;   /* equal for rows that look the same */
  PbPackSectionKind section_kind;  /* a section's row: what it prints */
  char            *detail;      /* a section's row of another kind: what it shows, in words */
};

void _pb_pack_entry_sign (PbPackEntry *self);

G_END_DECLS
