/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include "pb-pack-entry-private.h"

/* A row of a pack's contents as PbPackContents lists them: a section's
 * heading row, or a finding, note or heading in a section. A value: a row
 * that changes is a new object, and rows that look the same have the same
 * signature, so that a reload can keep the rows that did not change. */

G_DEFINE_FINAL_TYPE (PbPackEntry, pb_pack_entry, G_TYPE_OBJECT)

static void
pb_pack_entry_finalize (GObject *object)
{
  PbPackEntry *self = (PbPackEntry *)object;

  g_free (self->text);
  g_free (self->cohort);
  g_clear_object (&self->finding);
  g_free (self->citation);
  g_free (self->signature);
  g_free (self->detail);

  G_OBJECT_CLASS (pb_pack_entry_parent_class)->finalize (object);
}

static void
pb_pack_entry_class_init (PbPackEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_pack_entry_finalize;
}

static void
pb_pack_entry_init (PbPackEntry *self)
{
}

/* Sets the signature that tells whether two rows look the same, once the
 * row's values are all set. */
void
_pb_pack_entry_sign (PbPackEntry *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%u|%s|%s",
                          self->kind, self->id, self->section_id, self->n_items,
                          self->text ? self->text : "", self->cohort ? self->cohort : "");
  g_string_append_printf (text, "|%d|%s", self->section_kind, self->detail ? self->detail : "");
  if (self->finding != NULL)
    {
      g_autofree char *cohorts = g_strjoinv (",", (char **)pb_finding_get_cohorts (self->finding));

      g_string_append_printf (text, "|%s|%s|%d|%d|%d|%s|%s", pb_finding_get_note (self->finding),
                              self->citation, pb_finding_get_kind (self->finding),
                              pb_finding_get_status (self->finding), pb_finding_get_exempt (self->finding),
                              cohorts, pb_finding_get_quote (self->finding));
    }
  self->signature = g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pb_pack_entry_get_kind:
 * @self: a row of a pack's contents
 *
 * Returns: whether it is a section's heading row, or a finding, note or
 *   heading in a section
 */
PbPackEntryKind
pb_pack_entry_get_kind (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), 0);
  return self->kind;
}

/**
 * pb_pack_entry_get_id:
 *
 * Returns: the section's id for a section row, else the item's
 */
gint64
pb_pack_entry_get_id (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), 0);
  return self->id;
}

/**
 * pb_pack_entry_get_section_id:
 * @self: a row of a pack's contents
 *
 * Returns: the id of the section it is in (its own, for a section row)
 */
gint64
pb_pack_entry_get_section_id (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), 0);
  return self->section_id;
}

/**
 * pb_pack_entry_get_text:
 *
 * Returns: a section's title, a note's or heading's text, a finding's quote
 */
const char *
pb_pack_entry_get_text (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), NULL);
  return self->text;
}

/**
 * pb_pack_entry_get_cohort:
 * @self: a row of a pack's contents
 *
 * Returns: (nullable): for a section row, the slug of the cohort the
 *   section is about; %NULL for a free section and for other rows
 */
const char *
pb_pack_entry_get_cohort (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), NULL);
  return self->cohort;
}

/**
 * pb_pack_entry_get_finding:
 * @self: a row of a pack's contents
 *
 * Returns: (transfer none) (nullable): for a finding row, the finding; %NULL
 *   for other rows, and for a finding that could not be read
 */
PbFinding *
pb_pack_entry_get_finding (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), NULL);
  return self->finding;
}

/**
 * pb_pack_entry_get_citation:
 * @self: a row of a pack's contents
 *
 * Returns: (nullable): for a finding row, the citation line a pack prints
 *   under it (pb_citation_format()); %NULL for other rows
 */
const char *
pb_pack_entry_get_citation (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), NULL);
  return self->citation;
}

/**
 * pb_pack_entry_get_n_items:
 * @self: a row of a pack's contents
 *
 * Returns: for a section row, how many items the section holds; 0 for other
 *   rows
 */
guint
pb_pack_entry_get_n_items (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), 0);
  return self->n_items;
}

/**
 * pb_pack_entry_get_section_kind:
 * @self: a row of a pack's contents
 *
 * Returns: for a section's heading row, what the section prints;
 *   %PB_PACK_SECTION_FINDINGS for any other row
 */
PbPackSectionKind
pb_pack_entry_get_section_kind (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), PB_PACK_SECTION_FINDINGS);
  return self->section_kind;
}

/**
 * pb_pack_entry_get_detail:
 * @self: a row of a pack's contents
 *
 * Returns: (nullable): for the heading row of a section of another kind
 *   than findings, what it shows, in words
 *   (pb_library_describe_pack_section()); %NULL otherwise
 */
const char *
pb_pack_entry_get_detail (PbPackEntry *self)
{
  g_return_val_if_fail (PB_IS_PACK_ENTRY (self), NULL);
  return self->detail;
}
