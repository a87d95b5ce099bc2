/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-entry"

#include "config.h"

#include "pb-finding.h"
#include "pb-recommendation-entry-private.h"

/* One line of a tracked recommendation's history: a status as it stood on a
 * date, with a note and the findings that show it (from any report: a
 * monitoring visit's letter, the council's action plan, minutes); or a
 * confirmed link to the same recommendation made earlier or later. */

G_DEFINE_FINAL_TYPE (PbRecommendationEntry, pb_recommendation_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pb_recommendation_entry_finalize (GObject *object)
{
  PbRecommendationEntry *self = (PbRecommendationEntry *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->linked_text, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (pb_recommendation_entry_parent_class)->finalize (object);
}

static void
pb_recommendation_entry_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PbRecommendationEntry *self = PB_RECOMMENDATION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_recommendation_entry_class_init (PbRecommendationEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pb_recommendation_entry_finalize;
  object_class->get_property = pb_recommendation_entry_get_property;

  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties [PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties [PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_recommendation_entry_init (PbRecommendationEntry *self)
{
  self->note = g_strdup ("");
  self->evidence = g_ptr_array_new_with_free_func (g_object_unref);
}

PbRecommendationEntry *
_pb_recommendation_entry_new (PbRecommendationEntryKind kind)
{
  PbRecommendationEntry *self = g_object_new (PB_TYPE_RECOMMENDATION_ENTRY, NULL);

  self->kind = kind;
  return self;
}

/**
 * pb_recommendation_entry_get_kind:
 * @self: an entry of a recommendation's history
 *
 * Returns: whether it records a status or a link to an earlier or later
 *   item
 */
PbRecommendationEntryKind
pb_recommendation_entry_get_kind (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), PB_RECOMMENDATION_ENTRY_STATUS);
  return self->kind;
}

/**
 * pb_recommendation_entry_get_id:
 * @self: an entry of a recommendation's history
 *
 * Returns: the entry's id in the library, for a status entry; 0 for a link
 */
gint64
pb_recommendation_entry_get_id (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), 0);
  return self->id;
}

/**
 * pb_recommendation_entry_get_item_id:
 * @self: an entry of a recommendation's history
 *
 * Returns: the id of the item whose history it is part of
 */
gint64
pb_recommendation_entry_get_item_id (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), 0);
  return self->item_id;
}

/**
 * pb_recommendation_entry_get_date:
 *
 * Returns: "YYYY-MM-DD": the day the status was judged; for a link, the
 *   date of the later recommendation's source
 */
const char *
pb_recommendation_entry_get_date (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->date;
}

/**
 * pb_recommendation_entry_get_status:
 * @self: an entry of a recommendation's history
 *
 * Returns: the status a status entry records; not started for a link
 */
PbRecommendationStatus
pb_recommendation_entry_get_status (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), PB_RECOMMENDATION_STATUS_NOT_STARTED);
  return self->status;
}

/**
 * pb_recommendation_entry_get_note:
 * @self: an entry of a recommendation's history
 *
 * Returns: (nullable): the note recorded with a status; "" for a link
 */
const char *
pb_recommendation_entry_get_note (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->note;
}

/**
 * pb_recommendation_entry_get_evidence:
 *
 * Returns: (transfer none) (element-type PbFinding): the findings that
 *   evidence the status, by id; each knows its report, page and anchors,
 *   to be opened in the reader
 */
GPtrArray *
pb_recommendation_entry_get_evidence (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->evidence;
}

/**
 * pb_recommendation_entry_get_linked_item_id:
 * @self: an entry of a recommendation's history
 *
 * Returns: for a link, the id of the other item; 0 for a status entry
 */
gint64
pb_recommendation_entry_get_linked_item_id (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), 0);
  return self->linked_item_id;
}

/**
 * pb_recommendation_entry_get_linked_text:
 * @self: an entry of a recommendation's history
 *
 * Returns: (nullable): for a link, the other item's words; %NULL for a
 *   status entry
 */
const char *
pb_recommendation_entry_get_linked_text (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->linked_text;
}

/**
 * pb_recommendation_entry_get_summary:
 *
 * Returns: the entry in a few words for people: the status's label ("In
 *   progress"), or "Repeated from the 2019 inspection", "Raised again by
 *   the March 2025 monitoring visit"
 */
const char *
pb_recommendation_entry_get_summary (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->summary;
}

/**
 * pb_recommendation_entry_get_created:
 * @self: an entry of a recommendation's history
 *
 * Returns: (transfer none) (nullable): when the status was recorded (UTC);
 *   for a link, when the link was confirmed
 */
GDateTime *
pb_recommendation_entry_get_created (PbRecommendationEntry *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ENTRY (self), NULL);
  return self->created;
}
