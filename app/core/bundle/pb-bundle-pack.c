/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include "pb-bundle-pack-private.h"

/* A member's view of the packs opened from bundles: each pack's details,
 * and its contents as one flat list (each section's row followed by its
 * items, as PbPackContents has an officer's pack) for a list view to show.
 * A finding here is a PbFinding built from the bundle's row: it has no id
 * of its own (0: it is not one of the member's findings and no finding
 * store call takes it), and its report id is the member's copy of the
 * report, or 0 when that copy has been removed.
 *
 * This file holds the two value types; pb-bundle-pack-read.c reads them
 * from the library. */

G_DEFINE_FINAL_TYPE (PbBundlePack, pb_bundle_pack, G_TYPE_OBJECT)

G_DEFINE_FINAL_TYPE (PbBundleEntry, pb_bundle_entry, G_TYPE_OBJECT)

static void
pb_bundle_pack_finalize (GObject *object)
{
  PbBundlePack *self = (PbBundlePack *)object;

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->committee);
  g_free (self->meeting_date);
  g_free (self->author);
  g_free (self->introduction);
  g_clear_pointer (&self->exported, g_date_time_unref);
  g_clear_pointer (&self->opened, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_bundle_pack_parent_class)->finalize (object);
}

static void
pb_bundle_pack_class_init (PbBundlePackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_bundle_pack_finalize;
}

static void
pb_bundle_pack_init (PbBundlePack *self)
{
}

static void
pb_bundle_entry_finalize (GObject *object)
{
  PbBundleEntry *self = (PbBundleEntry *)object;

  g_free (self->key);
  g_free (self->section_key);
  g_free (self->text);
  g_free (self->cohort);
  g_clear_object (&self->finding);
  g_free (self->citation);
  g_free (self->about);

  G_OBJECT_CLASS (pb_bundle_entry_parent_class)->finalize (object);
}

static void
pb_bundle_entry_class_init (PbBundleEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_bundle_entry_finalize;
}

static void
pb_bundle_entry_init (PbBundleEntry *self)
{
}

/**
 * pb_bundle_pack_get_id:
 *
 * Returns: the bundle pack's id in this library: not the officer's pack id,
 *   and not a pack id (pb_library_get_bundle_pack() takes it)
 */
gint64
pb_bundle_pack_get_id (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), 0);
  return self->id;
}

/**
 * pb_bundle_pack_get_uuid:
 *
 * Returns: the pack's identity, the same in every bundle of it
 */
const char *
pb_bundle_pack_get_uuid (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->uuid;
}

/**
 * pb_bundle_pack_get_title:
 *
 * Returns: the pack's title, as the bundle last opened gave it
 */
const char *
pb_bundle_pack_get_title (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->title;
}

/**
 * pb_bundle_pack_get_committee:
 *
 * Returns: the committee the pack is for; empty when the officer gave none
 */
const char *
pb_bundle_pack_get_committee (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->committee;
}

/**
 * pb_bundle_pack_get_meeting_date:
 *
 * Returns: (nullable): the meeting's date, YYYY-MM-DD
 */
const char *
pb_bundle_pack_get_meeting_date (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->meeting_date;
}

/**
 * pb_bundle_pack_get_author:
 *
 * Returns: who prepared the pack; empty when the officer gave no one
 */
const char *
pb_bundle_pack_get_author (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->author;
}

/**
 * pb_bundle_pack_get_introduction:
 *
 * Returns: the officer's introduction; empty for none
 */
const char *
pb_bundle_pack_get_introduction (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->introduction;
}

/**
 * pb_bundle_pack_get_exempt:
 *
 * Returns: whether the pack is exempt (not for publication)
 */
gboolean
pb_bundle_pack_get_exempt (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), FALSE);
  return self->exempt;
}

/**
 * pb_bundle_pack_get_exported:
 *
 * Returns: (transfer none) (nullable): when the officer made the bundle
 *   the library has, in UTC
 */
GDateTime *
pb_bundle_pack_get_exported (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->exported;
}

/**
 * pb_bundle_pack_get_opened:
 *
 * Returns: (transfer none) (nullable): when the member first opened a
 *   bundle of the pack
 */
GDateTime *
pb_bundle_pack_get_opened (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->opened;
}

/**
 * pb_bundle_pack_get_updated:
 *
 * Returns: (transfer none) (nullable): when a bundle of it was last opened
 */
GDateTime *
pb_bundle_pack_get_updated (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->updated;
}

/**
 * pb_bundle_pack_get_n_findings:
 *
 * Returns: how many findings the pack holds
 */
guint
pb_bundle_pack_get_n_findings (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), 0);
  return self->n_findings;
}

/**
 * pb_bundle_pack_get_n_questions:
 *
 * Returns: how many of the member's notes on the pack are questions for
 *   the meeting
 */
guint
pb_bundle_pack_get_n_questions (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), 0);
  return self->n_questions;
}

/**
 * pb_bundle_pack_get_cohorts:
 *
 * The cohorts the pack's findings and sections name, as the officer's
 * library has them: their names and colours, for cohorts the member's
 * library may not have.
 *
 * Returns: (transfer none) (element-type PbCohort): the cohorts, each
 *   with id 0
 */
GPtrArray *
pb_bundle_pack_get_cohorts (PbBundlePack *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_PACK (self), NULL);
  return self->cohorts;
}

/**
 * pb_bundle_entry_get_kind:
 *
 * Returns: what the entry is: a section's row, or an item in a section
 */
PbBundleEntryKind
pb_bundle_entry_get_kind (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), 0);
  return self->kind;
}

/**
 * pb_bundle_entry_get_key:
 *
 * Returns: (nullable): a section's or finding's identity, what a member's
 *   note on it is attached to; %NULL for an officer's note or heading
 */
const char *
pb_bundle_entry_get_key (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->key;
}

/**
 * pb_bundle_entry_get_section_key:
 *
 * Returns: the identity of the section the entry is in (or is)
 */
const char *
pb_bundle_entry_get_section_key (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->section_key;
}

/**
 * pb_bundle_entry_get_text:
 *
 * Returns: a section's title, a finding's quote, an officer's note's or
 *   heading's text
 */
const char *
pb_bundle_entry_get_text (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->text;
}

/**
 * pb_bundle_entry_get_cohort:
 *
 * Returns: (nullable): a section's cohort's slug
 */
const char *
pb_bundle_entry_get_cohort (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->cohort;
}

/**
 * pb_bundle_entry_get_finding:
 *
 * Returns: (transfer none) (nullable): a finding entry's finding: page
 *   (from 1), anchors in PDF points from the page's top left, quote,
 *   kind, cohorts, the officer's note; its report id is the member's copy
 *   of the report (0 when it has been removed), its own id 0
 */
PbFinding *
pb_bundle_entry_get_finding (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->finding;
}

/**
 * pb_bundle_entry_get_citation:
 *
 * Returns: (nullable): a finding's citation, as the officer's library gave
 *   it (pb_citation_format())
 */
const char *
pb_bundle_entry_get_citation (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->citation;
}

/**
 * pb_bundle_entry_get_about:
 *
 * Returns: (nullable): the line under a finding's quote: citation, kind
 *   and status (pb_citation_format_about())
 */
const char *
pb_bundle_entry_get_about (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), NULL);
  return self->about;
}

/**
 * pb_bundle_entry_get_n_notes:
 *
 * Returns: how many notes of the member's are on this section or finding
 */
guint
pb_bundle_entry_get_n_notes (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), 0);
  return self->n_notes;
}

/**
 * pb_bundle_entry_get_has_question:
 *
 * Returns: whether one of them is a question for the meeting
 */
gboolean
pb_bundle_entry_get_has_question (PbBundleEntry *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (self), FALSE);
  return self->has_question;
}
