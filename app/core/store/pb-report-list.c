/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-list"

#include "config.h"

#include "pb-report-list.h"
#include "pb-report-store.h"
#include "pb-report.h"

/* The library's reports as a list model, newest first, kept up to date from the
 * library's signals with one items-changed per change. */

struct _PbReportList
{
  GObject    parent_instance;
  PbLibrary *library;
  GPtrArray *reports;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PbReportList, pb_report_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
pb_report_list_get_item_type (GListModel *model)
{
  return PB_TYPE_REPORT;
}

static guint
pb_report_list_get_n_items (GListModel *model)
{
  return PB_REPORT_LIST (model)->reports->len;
}

static gpointer
pb_report_list_get_item (GListModel *model,
                         guint       position)
{
  PbReportList *self = PB_REPORT_LIST (model);

  if (position >= self->reports->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->reports, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pb_report_list_get_item_type;
  iface->get_n_items = pb_report_list_get_n_items;
  iface->get_item = pb_report_list_get_item;
}

static void
report_added_cb (PbReportList *self,
                 PbReport     *report,
                 PbLibrary    *library)
{
  guint position = 0;

  /* Already listed (a reload raced the signal): nothing changes. */
  if (pb_report_list_find (self, pb_report_get_id (report)) >= 0)
    return;

  while (position < self->reports->len &&
         pb_report_compare_newest_first (g_ptr_array_index (self->reports, position), report) < 0)
    position++;

  g_ptr_array_insert (self->reports, position, g_object_ref (report));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
report_removed_cb (PbReportList *self,
                   gint64        report_id,
                   PbLibrary    *library)
{
  gint position = pb_report_list_find (self, report_id);

  if (position < 0)
    return;

  g_ptr_array_remove_index (self->reports, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* A report corrected or read again: its new snapshot, in the same place. */
static void
report_changed_cb (PbReportList *self,
                   gint64        report_id,
                   PbLibrary    *library)
{
  gint position = pb_report_list_find (self, report_id);
  g_autoptr(PbReport) report = NULL;
  PbReport *old;

  if (position < 0 || !(report = pb_library_get_report (self->library, report_id, NULL)))
    return;

  old = g_ptr_array_index (self->reports, position);
  g_ptr_array_index (self->reports, position) = g_steal_pointer (&report);
  g_object_unref (old);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
pb_report_list_dispose (GObject *object)
{
  PbReportList *self = (PbReportList *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (pb_report_list_parent_class)->dispose (object);
}

static void
pb_report_list_finalize (GObject *object)
{
  PbReportList *self = (PbReportList *)object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_report_list_parent_class)->finalize (object);
}

static void
pb_report_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PbReportList *self = PB_REPORT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->reports->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_list_class_init (PbReportListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_report_list_dispose;
  object_class->finalize = pb_report_list_finalize;
  object_class->get_property = pb_report_list_get_property;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_report_list_init (PbReportList *self)
{
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pb_report_list_new:
 *
 * Creates an empty list that follows @library; call pb_report_list_reload ()
 * to fill it.
 */
PbReportList *
pb_report_list_new (PbLibrary *library)
{
  PbReportList *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_REPORT_LIST, NULL);
  self->library = g_object_ref (library);

  g_signal_connect_object (library, "report-added", G_CALLBACK (report_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "report-changed", G_CALLBACK (report_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "report-removed", G_CALLBACK (report_removed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * pb_report_list_reload:
 * @self: the library's reports as a list
 * @error: a #GError, or %NULL
 *
 * Reads every report again (the last imported first), in one
 * items-changed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR), the list then
 *   unchanged
 */
gboolean
pb_report_list_reload (PbReportList  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  guint removed;

  g_return_val_if_fail (PB_IS_REPORT_LIST (self), FALSE);

  if (!(reports = pb_library_list_reports (self->library, error)))
    return FALSE;

  removed = self->reports->len;
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = g_steal_pointer (&reports);

  if (removed > 0 || self->reports->len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->reports->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }

  return TRUE;
}

/**
 * pb_report_list_find:
 * @self: the library's reports as a list
 * @report_id: a report's id
 *
 * Returns: the report's position in the list, from 0; -1 when it is not
 *   listed
 */
gint
pb_report_list_find (PbReportList *self,
                     gint64        report_id)
{
  g_return_val_if_fail (PB_IS_REPORT_LIST (self), -1);

  for (guint i = 0; i < self->reports->len; i++)
    if (pb_report_get_id (g_ptr_array_index (self->reports, i)) == report_id)
      return (gint)i;

  return -1;
}
