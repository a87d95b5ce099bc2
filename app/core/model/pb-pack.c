/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-private.h"

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

void
pb_pack_section_free (PbPackSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->cohort);
  g_clear_pointer (&section->items, g_array_unref);
  g_free (section);
}

gint64
pb_pack_get_id (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->id;
}

const char *
pb_pack_get_title (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->title;
}

const char *
pb_pack_get_committee (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->committee;
}

const char *
pb_pack_get_meeting_date (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->meeting_date;
}

const char *
pb_pack_get_author (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->author;
}

gboolean
pb_pack_get_exempt (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), FALSE);
  return self->exempt;
}

const char *
pb_pack_get_introduction (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), NULL);
  return self->introduction;
}

guint
pb_pack_get_n_findings (PbPack *self)
{
  g_return_val_if_fail (PB_IS_PACK (self), 0);
  return self->n_findings;
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
