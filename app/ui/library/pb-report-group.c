/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-group"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "pb-report-group.h"

/* A heading in the library's sidebar — an authority, or a kind of document —
 * and the reports under it.  The reports are a live filter of the library's
 * list, so a report imported into an existing group simply appears. */

struct _PbReportGroup
{
  GObject     parent_instance;

  PbGrouping  grouping;
  char       *key;
  char       *title;
  GListModel *reports;     /* GtkFilterListModel */
};

G_DEFINE_FINAL_TYPE (PbReportGroup, pb_report_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_N_REPORTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const grouping_names[] = { "none", "authority", "type" };

PbGrouping
pb_grouping_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (grouping_names); i++)
    if (g_strcmp0 (text, grouping_names[i]) == 0)
      return (PbGrouping)i;
  return PB_GROUPING_NONE;
}

const char *
pb_grouping_to_string (PbGrouping grouping)
{
  g_return_val_if_fail (grouping < G_N_ELEMENTS (grouping_names), "none");
  return grouping_names[grouping];
}

/* Which group a report belongs to.  By authority, documents about no
 * authority (papers, minutes) share the empty key; by type, the key orders
 * the groups as the document types are listed. */
static char *
group_key (PbReport   *report,
           PbGrouping  grouping)
{
  if (grouping == PB_GROUPING_AUTHORITY)
    return g_strdup (pb_report_get_local_authority (report) ? pb_report_get_local_authority (report) : "");

  /* Other documents last. */
  return g_strdup_printf ("%d", pb_report_get_document_type (report) == PB_DOCUMENT_OTHER
                                ? 99 : (int)pb_report_get_document_type (report));
}

static const char *
type_group_title (PbDocumentType type)
{
  switch (type)
    {
    case PB_DOCUMENT_SIF_INSPECTION:
      return _("SIF Inspections");
    case PB_DOCUMENT_ILACS_INSPECTION:
      return _("ILACS Inspections");
    case PB_DOCUMENT_FOCUSED_VISIT:
      return _("Focused Visits");
    case PB_DOCUMENT_MONITORING_VISIT:
      return _("Monitoring Visits");
    case PB_DOCUMENT_JTAI:
      return _("Joint Targeted Area Inspections");
    case PB_DOCUMENT_ASSURANCE_VISIT:
      return _("Assurance Visits");
    case PB_DOCUMENT_OTHER:
    default:
      return _("Other Documents");
    }
}

static gboolean
report_in_group (gpointer item,
                 gpointer data)
{
  PbReportGroup *self = data;
  g_autofree char *key = group_key (item, self->grouping);

  return g_str_equal (key, self->key);
}

gboolean
pb_report_group_contains (PbReportGroup *self,
                          PbReport      *report)
{
  g_return_val_if_fail (PB_IS_REPORT_GROUP (self), FALSE);
  g_return_val_if_fail (PB_IS_REPORT (report), FALSE);

  return report_in_group (report, self);
}

static void
reports_changed_cb (PbReportGroup *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REPORTS]);
}

static PbReportGroup *
pb_report_group_new (GListModel *reports,
                     PbGrouping  grouping,
                     const char *key,
                     PbReport   *example)
{
  PbReportGroup *self = g_object_new (PB_TYPE_REPORT_GROUP, NULL);
  GtkCustomFilter *filter;

  self->grouping = grouping;
  self->key = g_strdup (key);
  if (grouping == PB_GROUPING_AUTHORITY)
    self->title = g_strdup (*key != '\0' ? key : _("Other Documents"));
  else
    self->title = g_strdup (type_group_title (pb_report_get_document_type (example)));

  /* The filter holds the group weakly: the group owns the filter. */
  filter = gtk_custom_filter_new (report_in_group, self, NULL);
  self->reports = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (reports), GTK_FILTER (filter)));
  g_signal_connect_object (self->reports, "items-changed", G_CALLBACK (reports_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const char *key_a = *(const char * const *)a;
  const char *key_b = *(const char * const *)b;
  PbGrouping grouping = GPOINTER_TO_INT (data);

  if (grouping == PB_GROUPING_TYPE)
    return atoi (key_a) - atoi (key_b);

  /* Documents about no authority after the authorities. */
  if (*key_a == '\0' || *key_b == '\0')
    return (*key_a == '\0') - (*key_b == '\0');
  return g_utf8_collate (key_a, key_b);
}

/**
 * pb_report_groups_new:
 *
 * Returns: (transfer full): a list of #PbReportGroup, one for each group
 *   @reports fall into now, in the order they are shown
 */
GListStore *
pb_report_groups_new (GListModel *reports,
                      PbGrouping  grouping)
{
  g_autoptr(GHashTable) examples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autofree gpointer *keys = NULL;
  GListStore *groups = g_list_store_new (PB_TYPE_REPORT_GROUP);
  guint n_keys;

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), NULL);
  g_return_val_if_fail (grouping != PB_GROUPING_NONE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PbReport) report = g_list_model_get_item (reports, i);
      char *key = group_key (report, grouping);

      if (!g_hash_table_contains (examples, key))
        g_hash_table_insert (examples, key, g_object_ref (report));
      else
        g_free (key);
    }

  keys = g_hash_table_get_keys_as_array (examples, &n_keys);
  g_qsort_with_data (keys, (gint)n_keys, sizeof (gpointer), compare_keys, GINT_TO_POINTER (grouping));

  for (guint i = 0; i < n_keys; i++)
    {
      g_autoptr(PbReportGroup) group = pb_report_group_new (reports, grouping, keys[i],
                                                            g_hash_table_lookup (examples, keys[i]));
      g_list_store_append (groups, group);
    }

  return groups;
}

const char *
pb_report_group_get_title (PbReportGroup *self)
{
  g_return_val_if_fail (PB_IS_REPORT_GROUP (self), NULL);
  return self->title;
}

/**
 * pb_report_group_get_reports:
 *
 * Returns: (transfer none): the reports in the group, as the library lists them
 */
GListModel *
pb_report_group_get_reports (PbReportGroup *self)
{
  g_return_val_if_fail (PB_IS_REPORT_GROUP (self), NULL);
  return self->reports;
}

static void
pb_report_group_finalize (GObject *object)
{
  PbReportGroup *self = (PbReportGroup *)object;

  g_clear_object (&self->reports);
  g_free (self->key);
  g_free (self->title);

  G_OBJECT_CLASS (pb_report_group_parent_class)->finalize (object);
}

static void
pb_report_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PbReportGroup *self = PB_REPORT_GROUP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_REPORTS:
      g_value_set_uint (value, self->reports ? g_list_model_get_n_items (self->reports) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_group_class_init (PbReportGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_report_group_finalize;
  object_class->get_property = pb_report_group_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_REPORTS] =
    g_param_spec_uint ("n-reports", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_report_group_init (PbReportGroup *self)
{
}
