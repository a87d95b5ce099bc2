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
#include "pb-pack-menu.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-toast.h"

/* Every finding in the library, in a table: filter by cohort, kind, status,
 * classification and report, search quotes and notes, sort by any column,
 * select several to change a cohort on them or delete them (with Undo),
 * open one at its passage, and export those shown as CSV. */

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

/* Selection and bulk actions */

static GArray *
selected_ids (PbFindingsView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
        gint64 id = pb_finding_get_id (finding);

        g_array_append_val (ids, id);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  return ids;
}

static void
selection_changed_cb (PbFindingsView *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autofree char *text = NULL;

  /* Translators: how many findings are selected */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding selected",
                                       "%u findings selected", ids->len), ids->len);
  gtk_label_set_label (self->selection_label, text);
  gtk_action_bar_set_revealed (self->action_bar, ids->len > 1);
}

void
_pb_findings_view_show_toast (PbFindingsView *self,
                              AdwToast       *toast)
{
  pb_show_toast (GTK_WIDGET (self), toast);
}

/* Adds a cohort to the selected findings, or takes it off: the target is
 * the cohort's slug and whether to add it. */
static void
retag_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  const char *slug;
  gboolean add;

  g_variant_get (parameter, "(&sb)", &slug, &add);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (self->tag_box), GTK_TYPE_POPOVER)));

  if (!pb_library_retag_findings (self->library, (gint64 *)(gpointer)ids->data, ids->len, slug, add, &error))
    _pb_findings_view_show_toast (self, adw_toast_new (error->message));
}

static void
rebuild_tag_menu (PbFindingsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))))
    gtk_box_remove (self->tag_box, child);

  /* "Add" for every cohort, then "Remove" for every cohort. */
  for (int add = 1; add >= 0; add--)
    for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
      {
        PbCohort *cohort = g_ptr_array_index (self->cohorts, i);
        GtkWidget *button = gtk_button_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_autofree char *label = g_strdup_printf (add ? _("Add “%s”") : _("Remove “%s”"),
                                                  pb_cohort_get_name (cohort));

        gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (pb_cohort_get_color (cohort)));
        gtk_box_append (GTK_BOX (box), gtk_label_new (label));
        gtk_button_set_child (GTK_BUTTON (button), box);
        gtk_widget_add_css_class (button, "flat");
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.retag");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sb)", pb_cohort_get_slug (cohort), (gboolean)add);
        gtk_box_append (self->tag_box, button);
      }
}

static void
undo_clicked_cb (AdwToast       *toast,
                 PbFindingsView *self)
{
  g_autoptr(GPtrArray) deleted = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  if (deleted != NULL && !pb_library_restore_findings (self->library, deleted, &error))
    _pb_findings_view_show_toast (self, adw_toast_new (error->message));
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (ids->len == 0)
    return;

  if (!(deleted = pb_library_delete_findings (self->library, (gint64 *)(gpointer)ids->data, ids->len, &error)))
    {
      _pb_findings_view_show_toast (self, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  self->last_deleted = g_ptr_array_ref (deleted);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding deleted",
                                          "%u findings deleted", ids->len), ids->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  _pb_findings_view_show_toast (self, toast);
}

/* Add to Pack: the selection, all or none as the exempt rule allows. */
static void
add_to_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  message = pb_pack_menu_add_findings (self->library, g_variant_get_int64 (parameter),
                                       (gint64 *)(gpointer)ids->data, ids->len, &error);
  _pb_findings_view_show_toast (self, adw_toast_new (message ? message : error->message));
}

static void
rebuild_pack_menu (PbFindingsView *self)
{
  g_autoptr(GMenuModel) menu = pb_pack_menu_new (self->library, "findings.add-to-pack");

  gtk_menu_button_set_menu_model (self->pack_button, menu);
}

static void
row_activated_cb (PbFindingsView *self,
                  guint           position,
                  GtkColumnView  *view)
{
  g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (finding != NULL)
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
    gtk_string_list_append (reports, pb_report_get_title (g_ptr_array_index (self->reports, i)));

  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (cohorts));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->classification_dropdown, G_LIST_MODEL (classes));
  gtk_drop_down_set_model (self->report_dropdown, G_LIST_MODEL (reports));
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
  g_clear_pointer (&self->report_dates, g_hash_table_unref);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FINDINGS_VIEW);

  G_OBJECT_CLASS (pb_findings_view_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "findings.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "findings.add-to-pack", "x", add_to_pack_action);
  gtk_widget_class_install_action (widget_class, "findings.retag", "(sb)", retag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "findings.delete-selected", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingsview");
}

static void
pb_findings_view_init (PbFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->report_dates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_date_time_unref);
  self->cancellable = g_cancellable_new ();

  _pb_findings_view_add_columns (self);

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

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_hash_table_remove_all (self->report_dates);

  self->cohorts = pb_library_list_cohorts (self->library, NULL);
  self->reports = pb_library_list_reports (self->library, NULL);
  for (guint i = 0; self->reports && i < self->reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (self->reports, i);

      if (pb_report_get_display_date (report) != NULL)
        g_hash_table_insert (self->report_dates, GSIZE_TO_POINTER ((gsize)pb_report_get_id (report)),
                             g_date_time_ref (pb_report_get_display_date (report)));
    }

  fill_dropdowns (self);
  rebuild_tag_menu (self);
  filters_changed_cb (self);
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
  g_signal_connect_object (library, "pack-changed", G_CALLBACK (rebuild_pack_menu),
                           self, G_CONNECT_SWAPPED);
  rebuild_pack_menu (self);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->list);

  self->list = pb_finding_list_new (library);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->list)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  pb_findings_view_refresh (self);
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
