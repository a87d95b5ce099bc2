/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-private.h"
#include "pb-pack-section.h"

/* Briefing packs: what the panel receives.  A pack has sections, by default
 * one for each cohort in the Ofsted order, holding findings, notes and
 * headings in order.  A PbPack is a read-only snapshot of a pack's details;
 * the store makes them (see pb-pack-store.h). */

G_DEFINE_QUARK (pb-packs-error-quark, pb_packs_error)

G_DEFINE_FINAL_TYPE (PbPack, pb_pack, G_TYPE_OBJECT)

/**
 * pb_pack_item_clear:
 * @item: an item whose text to free
 */
void
pb_pack_item_clear (PbPackItem *item)
{
  g_free (item->text);
}

/**
 * pb_pack_section_free:
 * @section: (nullable) (transfer full): a section, with its items
 */
void
pb_pack_section_free (PbPackSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->cohort);
  g_clear_pointer (&section->items, g_array_unref);
  pb_pack_section_spec_clear (&section->spec);
  g_free (section);
}

/**
 * pb_pack_get_id:
 * @self: a briefing pack
 *
 * Returns: its id in the library
 */
gint64
pb_pack_get_id (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->id;
}

/**
 * pb_pack_get_title:
 * @self: a briefing pack
 *
 * Returns: its title, as on its cover
 */
const char *
pb_pack_get_title (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->title;
}

/**
 * pb_pack_get_committee:
 * @self: a briefing pack
 *
 * Returns: the committee or panel it is for; "" when not given
 */
const char *
pb_pack_get_committee (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->committee;
}

/**
 * pb_pack_get_meeting_date:
 * @self: a briefing pack
 *
 * Returns: (nullable): the date of the meeting it is for, "YYYY-MM-DD";
 *   %NULL when not given
 */
const char *
pb_pack_get_meeting_date (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->meeting_date;
}

/**
 * pb_pack_get_author:
 * @self: a briefing pack
 *
 * Returns: the officer who wrote it, as on its cover; "" when not given
 */
const char *
pb_pack_get_author (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->author;
}

/**
 * pb_pack_get_exempt:
 * @self: a briefing pack
 *
 * Returns: whether it is exempt: not for publication, because it holds
 *   exempt information (Schedule 12A to the Local Government Act 1972).
 *   Only an exempt pack may hold exempt findings.
 */
gboolean
pb_pack_get_exempt (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), FALSE);
  return self->exempt;
}

/**
 * pb_pack_get_introduction:
 * @self: a briefing pack
 *
 * Returns: the officer's introduction, printed before the first section;
 *   "" for none
 */
const char *
pb_pack_get_introduction (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->introduction;
}

/**
 * pb_pack_get_n_findings:
 * @self: a briefing pack
 *
 * Returns: how many findings its sections hold, when it was read from the
 *   library
 */
guint
pb_pack_get_n_findings (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->n_findings;
}

/**
 * pb_pack_get_agenda_item:
 *
 * Returns: the item's number or label on the meeting's agenda ("7",
 *   "5b"), or "" when not given
 */
const char *
pb_pack_get_agenda_item (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->agenda_item;
}

/**
 * pb_pack_get_contact:
 *
 * Returns: how to reach the pack's author (a telephone number, an email
 *   address), as the officer wrote it, or ""
 */
const char *
pb_pack_get_contact (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->contact;
}

/**
 * pb_pack_get_exempt_paragraph:
 *
 * Returns: the paragraph of Schedule 12A that makes an exempt pack exempt,
 *   from 1 to %PB_EXEMPT_PARAGRAPH_LAST; 0 when none is recorded.  Only an
 *   exempt pack prints it.
 */
guint
pb_pack_get_exempt_paragraph (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->exempt_paragraph;
}

/**
 * pb_pack_get_paragraph_missing:
 *
 * Whether the pack is exempt but records no paragraph of Schedule 12A:
 * council papers say which applies, so an export warns of it (the cover
 * then says the paragraph has not been recorded).
 *
 * Returns: %TRUE for an exempt pack with no paragraph recorded
 */
gboolean
pb_pack_get_paragraph_missing (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), FALSE);
  return self->exempt && self->exempt_paragraph == 0;
}

/**
 * pb_exempt_paragraph_get_description:
 * @paragraph: from 1 to %PB_EXEMPT_PARAGRAPH_LAST
 *
 * The descriptions of exempt information in Part 1 of Schedule 12A to the
 * Local Government Act 1972 (England), as substituted by the Local
 * Government (Access to Information) (Variation) Order 2006 (SI 2006/88),
 * article 2 and Schedule 1; https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A.
 * Paragraphs 1 to 5 and 7 are quoted whole; paragraph 6, which has two
 * limbs, is given in one sentence.
 *
 * Returns: the paragraph's description, in words a council paper prints
 */
const char *
pb_exempt_paragraph_get_description (guint paragraph)
{
  static const char * const descriptions[] = {
    N_("Information relating to any individual."),
    N_("Information which is likely to reveal the identity of an individual."),
    N_("Information relating to the financial or business affairs of any particular person "
       "(including the authority holding that information)."),
    N_("Information relating to any consultations or negotiations, or contemplated consultations "
       "or negotiations, in connection with any labour relations matter arising between the "
       "authority or a Minister of the Crown and employees of, or office holders under, the authority."),
    N_("Information in respect of which a claim to legal professional privilege could be "
       "maintained in legal proceedings."),
    N_("Information which reveals that the authority proposes to give under any enactment a notice "
       "under or by virtue of which requirements are imposed on a person, or to make an order or "
       "direction under any enactment."),
    N_("Information relating to any action taken or to be taken in connection with the "
       "prevention, investigation or prosecution of crime."),
  };

  g_return_val_if_fail (paragraph >= 1 && paragraph <= PB_EXEMPT_PARAGRAPH_LAST, "");
  return _(descriptions[paragraph - 1]);
}

static void
pb_pack_finalize (GObject *object)
{
  PbPack *self = (PbPack *)object;

  g_free (self->title);
  g_free (self->committee);
  g_free (self->meeting_date);
  g_free (self->author);
  g_free (self->introduction);
  g_free (self->agenda_item);
  g_free (self->contact);

  G_OBJECT_CLASS (pb_pack_parent_class)->finalize (object);
}

static void
pb_pack_class_init (PbPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_pack_finalize;
}

static void
pb_pack_init (PbPack *self)
{
}

/* The error for a pack id that names no pack. */
void
_pb_pack_set_not_found (GError **error,
                        gint64   pack_id)
{
  g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND, _("There is no pack %" G_GINT64_FORMAT), pack_id);
}

/* For the store, which fills in the fields of the row it read. */
PbPack *
_pb_pack_new (void)
{
  return g_object_new (PB_TYPE_PACK, NULL);
}
