/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-finding.h"
#include "pb-library.h"

G_BEGIN_DECLS

/* The packs a member has opened from bundles: read-only snapshots, kept
 * apart from the member's own packs. */

#define PB_TYPE_BUNDLE_PACK (pb_bundle_pack_get_type ())

G_DECLARE_FINAL_TYPE (PbBundlePack, pb_bundle_pack, PB, BUNDLE_PACK, GObject)

gint64      pb_bundle_pack_get_id           (PbBundlePack *self);
const char *pb_bundle_pack_get_uuid         (PbBundlePack *self);
const char *pb_bundle_pack_get_title        (PbBundlePack *self);
const char *pb_bundle_pack_get_committee    (PbBundlePack *self);
const char *pb_bundle_pack_get_meeting_date (PbBundlePack *self);
const char *pb_bundle_pack_get_author       (PbBundlePack *self);
const char *pb_bundle_pack_get_introduction (PbBundlePack *self);
gboolean    pb_bundle_pack_get_exempt       (PbBundlePack *self);
GDateTime  *pb_bundle_pack_get_exported     (PbBundlePack *self);
GDateTime  *pb_bundle_pack_get_opened       (PbBundlePack *self);
GDateTime  *pb_bundle_pack_get_updated      (PbBundlePack *self);
guint       pb_bundle_pack_get_n_findings   (PbBundlePack *self);
guint       pb_bundle_pack_get_n_questions  (PbBundlePack *self);
GPtrArray  *pb_bundle_pack_get_cohorts      (PbBundlePack *self);

/**
 * PbBundleEntryKind:
 * @PB_BUNDLE_ENTRY_SECTION: a section begins: its title
 * @PB_BUNDLE_ENTRY_FINDING: a finding in the section
 * @PB_BUNDLE_ENTRY_NOTE: an officer's paragraph in the section
 * @PB_BUNDLE_ENTRY_HEADING: an officer's heading in the section
 */
typedef enum
{
  PB_BUNDLE_ENTRY_SECTION,
  PB_BUNDLE_ENTRY_FINDING,
  PB_BUNDLE_ENTRY_NOTE,
  PB_BUNDLE_ENTRY_HEADING,
} PbBundleEntryKind;

#define PB_TYPE_BUNDLE_ENTRY (pb_bundle_entry_get_type ())

G_DECLARE_FINAL_TYPE (PbBundleEntry, pb_bundle_entry, PB, BUNDLE_ENTRY, GObject)

PbBundleEntryKind  pb_bundle_entry_get_kind         (PbBundleEntry *self);
const char        *pb_bundle_entry_get_key          (PbBundleEntry *self);
const char        *pb_bundle_entry_get_section_key  (PbBundleEntry *self);
const char        *pb_bundle_entry_get_text         (PbBundleEntry *self);
const char        *pb_bundle_entry_get_cohort       (PbBundleEntry *self);
PbFinding         *pb_bundle_entry_get_finding      (PbBundleEntry *self);
const char        *pb_bundle_entry_get_citation     (PbBundleEntry *self);
const char        *pb_bundle_entry_get_about        (PbBundleEntry *self);
guint              pb_bundle_entry_get_n_notes      (PbBundleEntry *self);
gboolean           pb_bundle_entry_get_has_question (PbBundleEntry *self);

GPtrArray    *pb_library_list_bundle_packs    (PbLibrary    *library,
                                               GError      **error);
PbBundlePack *pb_library_get_bundle_pack      (PbLibrary    *library,
                                               gint64        bundle_id,
                                               GError      **error);
GPtrArray    *pb_library_list_bundle_entries  (PbLibrary    *library,
                                               gint64        bundle_id,
                                               GError      **error);
GPtrArray    *pb_library_list_bundle_findings (PbLibrary    *library,
                                               gint64        bundle_id,
                                               const char   *report_sha256,
                                               GError      **error);
GPtrArray    *pb_library_list_bundle_reports  (PbLibrary    *library,
                                               gint64        bundle_id,
                                               GError      **error);
char         *pb_library_dup_report_origin    (PbLibrary    *library,
                                               const char   *sha256);
gboolean      pb_library_remove_bundle_pack   (PbLibrary    *library,
                                               gint64        bundle_id,
                                               GError      **error);

G_END_DECLS
