/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-list.h"
#include "pb-findings-view-private.h"
#include "pb-report-store.h"
#include "pb-report.h"

/* Every finding in the library, in a table: filter by cohort, kind, status,
 * classification and report, search quotes and notes, sort by any column
 * (from the keyboard too, pb-findings-sort.c),
 * open one at its passage, and export those shown as CSV. What is done to
 * the findings selected (edit, cohorts, pack, delete) is in
 * pb-findings-actions.c, the columns in pb-findings-columns.c. */

G_DEFINE_FINAL_TYPE (PbFindingsView, pb_findings_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Filters */

static void
update_state (PbFindingsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  const char *text = gtk_editable_get_text (self->search_entry);
  gboolean filtered = (text && *text) ||
                      gtk_drop_down_get_selected (self->cohort_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->classification_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->report_dropdown) > 0;

  if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, filtered ? _("No Findings Match") : _("No Findings Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try fewer filters or other words.")
                                                : _("Open a report, select a passage that matters and "
                                                    "choose Add Finding."));
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
filters_changed_cb (PbFindingsView *self)
{
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  guint cohort = gtk_drop_down_get_selected (self->cohort_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint classification = gtk_drop_down_get_selected (self->classification_dropdown);
  guint report = gtk_drop_down_get_selected (self->report_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;

  if (cohort > 0 && cohort != GTK_INVALID_LIST_POSITION && self->cohorts && cohort - 1 < self->cohorts->len)
    filter.cohort = pb_cohort_get_slug (g_ptr_array_index (self->cohorts, cohort - 1));
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    filter.kind = (int)kind - 1;
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    filter.status = (int)status - 1;
  if (classification > 0 && classification != GTK_INVALID_LIST_POSITION)
    filter.exempt = classification == 2;
  if (report > 0 && report != GTK_INVALID_LIST_POSITION && self->reports && report - 1 < self->reports->len)
    filter.report_id = pb_report_get_id (g_ptr_array_index (self->reports, report - 1));
  filter.text = gtk_editable_get_text (self->search_entry);

  pb_finding_list_set_filter (self->list, &filter);
  if (!pb_finding_list_reload (self->list, &error))
    {
      /* A search the index cannot take ("c*"): show nothing, and say why. */
      pb_finding_list_clear (self->list);
      update_state (self);
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }

  update_state (self);
}

static void
row_activated_cb (PbFindingsView *self,
                  guint           position,
                  GtkColumnView  *view)
{
  g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (finding != NULL)
    _pb_findings_view_open (self, finding);
}

void
_pb_findings_view_open (PbFindingsView *self,
                        PbFinding      *finding)
{
  g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
fill_dropdowns (PbFindingsView *self)
{
  g_autoptr(GtkStringList) cohorts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reports = gtk_string_list_new (NULL);

  gtk_string_list_append (cohorts, _("All cohorts"));
  for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
    gtk_string_list_append (cohorts, pb_cohort_get_name (g_ptr_array_index (self->cohorts, i)));

  gtk_string_list_append (kinds, _("All kinds"));
  for (PbFindingKind k = PB_FINDING_KIND_STRENGTH; k <= PB_FINDING_KIND_CONTEXT; k++)
    gtk_string_list_append (kinds, pb_finding_kind_get_label (k));

  gtk_string_list_append (statuses, _("Any status"));
  for (PbFindingStatus st = PB_FINDING_STATUS_NONE; st <= PB_FINDING_STATUS_NOT_MET; st++)
    gtk_string_list_append (statuses, pb_finding_status_get_label (st));

  gtk_string_list_append (classes, _("Public and exempt"));
  gtk_string_list_append (classes, _("Public"));
  gtk_string_list_append (classes, _("Exempt"));

  gtk_string_list_append (reports, _("All reports"));
  for (guint i = 0; self->reports && i < self->reports->len; i++)
    gtk_string_list_append (reports, pb_report_get_display_title (g_ptr_array_index (self->reports, i)));

  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (cohorts));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->classification_dropdown, G_LIST_MODEL (classes));
  gtk_drop_down_set_model (self->report_dropdown, G_LIST_MODEL (reports));
}

/* As its one child; allocated in pb-findings-columns.c, which chooses the
 * columns for the width. */
static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  gtk_widget_measure (PB_FINDINGS_VIEW (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
pb_findings_view_dispose (GObject *object)
{
  PbFindingsView *self = (PbFindingsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->list);
  g_clear_object (&self->library);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->report_by_id, g_hash_table_unref);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->kept_ids, g_hash_table_unref);
  g_clear_pointer (&self->all_columns, g_ptr_array_unref);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FINDINGS_VIEW);

  G_OBJECT_CLASS (pb_findings_view_parent_class)->dispose (object);
}

static void
pb_findings_view_map (GtkWidget *widget)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);

  GTK_WIDGET_CLASS (pb_findings_view_parent_class)->map (widget);
  if (self->stale)
    pb_findings_view_refresh (self);
}

static void
pb_findings_view_class_init (PbFindingsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_findings_view_dispose;

  /**
   * PbFindingsView::finding-activated:
   * @finding: the finding to open at its passage
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, classification_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, tag_box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, pack_button);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, pack_icon_button);
  gtk_widget_class_bind_template_child_full (widget_class, "row_menu_cohorts", FALSE,
                                             G_STRUCT_OFFSET (PbFindingsView, compact_cohorts));
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  _pb_findings_view_class_init_actions (widget_class);
  _pb_findings_view_class_init_sort (widget_class);
  widget_class->measure = measure;
  widget_class->size_allocate = _pb_findings_view_size_allocate;
  widget_class->map = pb_findings_view_map;

  gtk_widget_class_set_css_name (widget_class, "findingsview");
}

static void
pb_findings_view_init (PbFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _pb_findings_view_init_actions (self);

  self->report_by_id = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->cancellable = g_cancellable_new ();

  self->all_columns = g_ptr_array_new_with_free_func (g_object_unref);
  _pb_findings_view_add_columns (self);
  _pb_findings_view_choose_default_columns (self);
  _pb_findings_view_init_sort (self);
  _pb_findings_view_init_keys (self);
  fill_dropdowns (self);
}

GtkWidget *
pb_findings_view_new (void)
{
  return g_object_new (PB_TYPE_FINDINGS_VIEW, NULL);
}

/* Reads the cohorts and reports again, and the findings with the filters. */
void
pb_findings_view_refresh (PbFindingsView *self)
{
  g_return_if_fail (PB_IS_FINDINGS_VIEW (self));

  if (self->library == NULL)
    return;

  self->stale = FALSE;
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_hash_table_remove_all (self->report_by_id);

  self->cohorts = pb_library_list_cohorts (self->library, NULL);
  self->reports = pb_library_list_reports (self->library, NULL);
  for (guint i = 0; self->reports && i < self->reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (self->reports, i);

      g_hash_table_insert (self->report_by_id, GSIZE_TO_POINTER ((gsize)pb_report_get_id (report)),
                           g_object_ref (report));
    }

  fill_dropdowns (self);
  _pb_findings_view_rebuild_menus (self);
  filters_changed_cb (self);
}

/* A report retitled or redated: the rows that name it say so. */
static void
report_changed_cb (PbFindingsView *self,
                   gint64          report_id)
{
  g_autoptr(PbReport) report = pb_library_get_report (self->library, report_id, NULL);

  if (report == NULL)
    return;

  g_hash_table_insert (self->report_by_id, GSIZE_TO_POINTER ((gsize)report_id), g_object_ref (report));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_findings_view_refresh (self);
}

void
pb_findings_view_set_library (PbFindingsView *self,
                              PbLibrary      *library)
{
  g_return_if_fail (PB_IS_FINDINGS_VIEW (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  g_signal_connect_object (library, "cohorts-changed", G_CALLBACK (pb_findings_view_refresh),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "report-changed", G_CALLBACK (report_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "pack-changed", G_CALLBACK (_pb_findings_view_rebuild_menus),
                           self, G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->list);

  self->list = pb_finding_list_new (library);
  /* Before the sorted list and the selection hear of a change, and after:
   * the findings chosen stay chosen as they are edited. */
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (_pb_findings_view_list_changing),
                           self, G_CONNECT_SWAPPED);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->list)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (_pb_findings_view_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (_pb_findings_view_list_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Hidden (as at start-up), it reads the library when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_findings_view_refresh (self);
  else
    self->stale = TRUE;
}

/**
 * pb_findings_view_get_model:
 *
 * Returns: (transfer none): the findings shown, in the order shown
 */
GListModel *
pb_findings_view_get_model (PbFindingsView *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkSelectionModel *
pb_findings_view_get_selection (PbFindingsView *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

void
pb_findings_view_set_search (PbFindingsView *self,
                             const char     *text)
{
  g_return_if_fail (PB_IS_FINDINGS_VIEW (self));

  gtk_editable_set_text (self->search_entry, text ? text : "");
  filters_changed_cb (self);   /* at once, not after the entry's pause */
}
