/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbMergeSummary:
 * @reports_added: reports brought in
 * @reports_present: reports this library had already (by checksum)
 * @findings_added: findings brought in
 * @findings_present: findings this library had already
 * @packs_added: packs brought in, with their sections and items
 * @packs_present: packs this library had already (same title and creation)
 * @cohorts_added: cohorts of the user's own brought in (by slug)
 *
 * What merging another library did.
 */
typedef struct
{
  guint reports_added;
  guint reports_present;
  guint findings_added;
  guint findings_present;
  guint packs_added;
  guint packs_present;
  guint cohorts_added;
} PbMergeSummary;

gboolean pb_library_merge_database (PbLibrary       *library,
                                    const char      *other_db,
                                    PbMergeSummary  *summary,
                                    GError         **error);

G_END_DECLS
