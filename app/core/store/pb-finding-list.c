/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-list"

#include "config.h"

#include "pb-finding-list.h"

/* The findings that pass a filter, as a list model that follows the library:
 * a finding added, edited or deleted anywhere changes the list by exactly one
 * items-changed (or one out and one in, when an edit moves it). */

struct _PbFindingList
{
  GObject          parent_instance;

  PbLibrary       *library;
  GPtrArray       *findings;
  PbFindingFilter  filter;
  char            *cohort;
  char            *text;
  /* Read from the library at least once since made or cleared: until then
   * it stays empty, whatever the library says. */
  gboolean         loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PbFindingList, pb_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PB_TYPE_FINDING;
}

static guint
get_n_items (GListModel *model)
{
  return PB_FINDING_LIST (model)->findings->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PbFindingList *self = PB_FINDING_LIST (model);

  if (position >= self->findings->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->findings, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gint
index_in (GPtrArray *findings,
          gint64     id)
{
  for (guint i = 0; i < findings->len; i++)
    if (pb_finding_get_id (g_ptr_array_index (findings, i)) == id)
      return (gint)i;
  return -1;
}

/* Whether two readings list the same findings in the same order, leaving
 * out the one with @id. */
static gboolean
same_but_one (GPtrArray *before,
              GPtrArray *after,
              gint64     id)
{
  guint i = 0, j = 0;

  for (;;)
    {
      while (i < before->len && pb_finding_get_id (g_ptr_array_index (before, i)) == id)
        i++;
      while (j < after->len && pb_finding_get_id (g_ptr_array_index (after, j)) == id)
        j++;
      if (i == before->len || j == after->len)
        return i == before->len && j == after->len;
      if (pb_finding_get_id (g_ptr_array_index (before, i)) != pb_finding_get_id (g_ptr_array_index (after, j)))
        return FALSE;
      i++, j++;
    }
}

/* Re-reads the list and reports the one finding that changed.  A list
 * never read stays empty; one that no longer matches the library but for
 * that finding (its filter changed and not reloaded, a change it was not
 * told of) says all of it changed: telling a list view of one row added
 * when several were made it abort (GTK 4.8's list item manager). */
static void
refresh_one (PbFindingList *self,
             gint64         id)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint old_pos, new_pos;

  if (!self->loaded)
    return;

  if (!(fresh = pb_library_list_findings (self->library, &self->filter, &error)))
    {
      /* The filter cannot be run (a search the index refuses): the list
       * stays as it is, empty, until the filter changes. */
      g_debug ("Could not read the findings: %s", error->message);
      return;
    }

  old_pos = index_in (self->findings, id);
  new_pos = index_in (fresh, id);

  if (!same_but_one (self->findings, fresh, id))
    {
      guint removed = self->findings->len;

      g_ptr_array_unref (self->findings);
      self->findings = g_steal_pointer (&fresh);
      if (removed > 0 || self->findings->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->findings->len);
      return;
    }

  g_ptr_array_unref (self->findings);
  self->findings = g_steal_pointer (&fresh);

  if (old_pos >= 0 && new_pos == old_pos)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
  else
    {
      if (old_pos >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      if (new_pos >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

static void
finding_changed_cb (PbFindingList *self,
                    gint64         id,
                    PbLibrary     *library)
{
  refresh_one (self, id);
}

static void
pb_finding_list_dispose (GObject *object)
{
  PbFindingList *self = (PbFindingList *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (pb_finding_list_parent_class)->dispose (object);
}

static void
pb_finding_list_finalize (GObject *object)
{
  PbFindingList *self = (PbFindingList *)object;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (pb_finding_list_parent_class)->finalize (object);
}

static void
pb_finding_list_class_init (PbFindingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_finding_list_dispose;
  object_class->finalize = pb_finding_list_finalize;
}

static void
pb_finding_list_init (PbFindingList *self)
{
  static const PbFindingFilter all = PB_FINDING_FILTER_INIT;

  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = all;
}

/**
 * pb_finding_list_new:
 *
 * An empty list of all findings; set a filter and reload to fill it.
 */
PbFindingList *
pb_finding_list_new (PbLibrary *library)
{
  PbFindingList *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_FINDING_LIST, NULL);
  self->library = g_object_ref (library);

  g_signal_connect_object (library, "finding-added", G_CALLBACK (finding_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "finding-changed", G_CALLBACK (finding_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "finding-removed", G_CALLBACK (finding_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * pb_finding_list_set_filter:
 * @self: a list of findings
 * @filter: (nullable): which findings to list (copied); %NULL for all
 *
 * Takes effect at the next pb_finding_list_reload().
 */
void
pb_finding_list_set_filter (PbFindingList         *self,
                            const PbFindingFilter *filter)
{
  static const PbFindingFilter all = PB_FINDING_FILTER_INIT;

  g_return_if_fail (PB_IS_FINDING_LIST (self));

  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->text, g_free);
  self->filter = filter ? *filter : all;
  self->cohort = g_strdup (self->filter.cohort);
  self->text = g_strdup (self->filter.text);
  self->filter.cohort = self->cohort;
  self->filter.text = self->text;
}

/**
 * pb_finding_list_reload:
 * @self: a list of findings
 * @error: a #GError, or %NULL
 *
 * Reads the findings that pass the filter again, in one items-changed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR), the list then
 *   unchanged
 */
gboolean
pb_finding_list_reload (PbFindingList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint removed;

  g_return_val_if_fail (PB_IS_FINDING_LIST (self), FALSE);

  if (!(fresh = pb_library_list_findings (self->library, &self->filter, error)))
    return FALSE;

  removed = self->findings->len;
  g_ptr_array_unref (self->findings);
  self->findings = g_steal_pointer (&fresh);
  self->loaded = TRUE;

  if (removed > 0 || self->findings->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->findings->len);

  return TRUE;
}

/**
 * pb_finding_list_find:
 * @self: a list of findings
 * @id: a finding's id
 *
 * Returns: the finding's position in the list, from 0; -1 when it is not
 *   listed
 */
gint
pb_finding_list_find (PbFindingList *self,
                      gint64         id)
{
  g_return_val_if_fail (PB_IS_FINDING_LIST (self), -1);
  return index_in (self->findings, id);
}

/**
 * pb_finding_list_clear:
 * @self: a list of findings
 *
 * Empties the list, until the next reload.
 */
void
pb_finding_list_clear (PbFindingList *self)
{
  guint removed;

  g_return_if_fail (PB_IS_FINDING_LIST (self));

  removed = self->findings->len;
  g_ptr_array_set_size (self->findings, 0);
  self->loaded = FALSE;
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}
