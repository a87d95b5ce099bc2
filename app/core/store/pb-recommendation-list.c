/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-list"

#include "config.h"

#include "pb-recommendation-item.h"
#include "pb-recommendation-list.h"

/* An authority's tracker as a list model (of PbRecommendationItem) that
 * follows the library: an item added, updated, linked or deleted anywhere
 * changes the list by exactly one items-changed (over the rows between its
 * old place and its new when a change moves it); a change to several
 * items at once reloads it with one items-changed. */

struct _PbRecommendationList
{
  GObject                 parent_instance;

  PbLibrary              *library;
  GPtrArray              *items;
  PbRecommendationFilter  filter;
  char                   *authority;
  char                   *cohort;
  char                   *report_sha256;
  char                   *today;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PbRecommendationList, pb_recommendation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PB_TYPE_RECOMMENDATION_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PB_RECOMMENDATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PbRecommendationList *self = PB_RECOMMENDATION_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gint
index_in (GPtrArray *items,
          gint64     id)
{
  for (guint i = 0; i < items->len; i++)
    if (pb_recommendation_item_get_id (g_ptr_array_index (items, i)) == id)
      return (gint)i;
  return -1;
}

/* Re-reads the list, and reports the one item that changed. */
static void
refresh_one (PbRecommendationList *self,
             gint64                id)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint old_pos, new_pos;
  guint old_len;

  if (!(fresh = pb_library_list_recommendations (self->library, &self->filter, &error)))
    {
      g_debug ("Could not read the tracker: %s", error->message);
      return;
    }

  old_pos = index_in (self->items, id);
  new_pos = index_in (fresh, id);
  old_len = self->items->len;

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);

  /* One change may touch other items too (a link is made between two, the
   * later one new): when the list did more than this item's change,
   * everything is said changed, so that those listening never see a length
   * the list does not have. Each emission leaves the list as it says. */
  if (self->items->len != old_len - (old_pos >= 0) + (new_pos >= 0))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  else if (old_pos >= 0 && new_pos >= 0)
    {
      guint first = MIN (old_pos, new_pos);
      guint n = (guint)ABS (old_pos - new_pos) + 1;

      /* Changed in place, or moved: the rows between change with it. */
      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }
  else if (old_pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
  else if (new_pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
}

static void
recommendation_changed_cb (PbRecommendationList *self,
                           gint64                id,
                           PbLibrary            *library)
{
  g_autoptr(GError) error = NULL;

  if (id != 0)
    refresh_one (self, id);
  else if (!pb_recommendation_list_reload (self, &error))
    g_debug ("Could not read the tracker: %s", error->message);
}

static void
pb_recommendation_list_dispose (GObject *object)
{
  PbRecommendationList *self = (PbRecommendationList *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (pb_recommendation_list_parent_class)->dispose (object);
}

static void
pb_recommendation_list_finalize (GObject *object)
{
  PbRecommendationList *self = (PbRecommendationList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->report_sha256, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (pb_recommendation_list_parent_class)->finalize (object);
}

static void
pb_recommendation_list_class_init (PbRecommendationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_recommendation_list_dispose;
  object_class->finalize = pb_recommendation_list_finalize;
}

static void
pb_recommendation_list_init (PbRecommendationList *self)
{
  static const PbRecommendationFilter all = PB_RECOMMENDATION_FILTER_INIT;

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = all;
}

/**
 * pb_recommendation_list_new:
 *
 * Returns: (transfer full): an empty list of every tracked item, following
 *   @library; set a filter (an authority, say) and reload to fill it
 */
PbRecommendationList *
pb_recommendation_list_new (PbLibrary *library)
{
  PbRecommendationList *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_RECOMMENDATION_LIST, NULL);
  self->library = g_object_ref (library);

  g_signal_connect_object (library, "recommendation-changed", G_CALLBACK (recommendation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * pb_recommendation_list_set_filter:
 * @filter: (nullable): which items; %NULL for all. Copied.
 *
 * Takes effect at the next reload.
 */
void
pb_recommendation_list_set_filter (PbRecommendationList         *self,
                                   const PbRecommendationFilter *filter)
{
  static const PbRecommendationFilter all = PB_RECOMMENDATION_FILTER_INIT;

  g_return_if_fail (PB_IS_RECOMMENDATION_LIST (self));

  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->report_sha256, g_free);
  g_clear_pointer (&self->today, g_free);
  self->filter = filter ? *filter : all;
  self->filter.authority = self->authority = g_strdup (self->filter.authority);
  self->filter.cohort = self->cohort = g_strdup (self->filter.cohort);
  self->filter.report_sha256 = self->report_sha256 = g_strdup (self->filter.report_sha256);
  self->filter.today = self->today = g_strdup (self->filter.today);
}

/**
 * pb_recommendation_list_reload:
 * @error: as for pb_library_list_recommendations()
 *
 * Reads the list again, with one items-changed for the whole of it.
 */
gboolean
pb_recommendation_list_reload (PbRecommendationList  *self,
                               GError               **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint removed;

  g_return_val_if_fail (PB_IS_RECOMMENDATION_LIST (self), FALSE);

  if (!(fresh = pb_library_list_recommendations (self->library, &self->filter, error)))
    return FALSE;

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  return TRUE;
}

/**
 * pb_recommendation_list_find:
 * @self: a list of tracked recommendations
 * @id: an item's id
 *
 * Returns: the item's position in the list, from 0; -1 when it is not
 *   listed
 */
gint
pb_recommendation_list_find (PbRecommendationList *self,
                             gint64                id)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_LIST (self), -1);
  return index_in (self->items, id);
}
