/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-accessible-toggle.h"
#include "pb-findings-view-private.h"

/* Sorting the findings table from the keyboard. GTK 4.8's column headers
 * take no focus, so a "Sort by" dropdown (Alt+S goes there) and a
 * "Reverse order" toggle (Ctrl+Shift+S turns it over) in the table's
 * toolbar sort it as a click on a header does; a click on a header sets
 * them in turn.
 *
 * GTK 4.8 cannot say which column a table is sorted by, nor which way. So
 * each column's sorter is wrapped in one that, while the table probes,
 * records that it was asked first and answers "smaller": the table's
 * sorter asks its first column first and stops at an answer that is not
 * "equal", turning it round if that column is reversed. */

typedef struct
{
  PbFindingsView *view;   /* not owned: the table owns its columns */
  GtkSorter      *sorter;
  guint           index;  /* in all_columns */
} Probe;

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_object_unref (probe->sorter);
  g_free (probe);
}

static int
compare_probe (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Probe *probe = data;

  if (probe->view->sort_probing)
    {
      if (probe->view->sort_probed < 0)
        probe->view->sort_probed = (int)probe->index;
      return -1;
    }
  return gtk_ordering_from_cmpfunc (gtk_sorter_compare (probe->sorter, (gpointer)a, (gpointer)b));
}

/*
 * _pb_findings_view_wrap_sorter:
 * @sorter: (transfer full): a column's sorter
 * @index: the column's place in all_columns, from 0
 *
 * Returns: (transfer full): the sorter to give the column
 */
GtkSorter *
_pb_findings_view_wrap_sorter (PbFindingsView *self,
                               GtkSorter      *sorter,
                               guint           index)
{
  Probe *probe = g_new0 (Probe, 1);

  probe->view = self;
  probe->sorter = sorter;
  probe->index = index;
  return GTK_SORTER (gtk_custom_sorter_new (compare_probe, probe, probe_free));
}

/* The column the table is sorted by (NULL for none), and whether reversed. */
static GtkColumnViewColumn *
sorted_column (PbFindingsView *self,
               gboolean       *reversed)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  /* Any two objects will do, the probes never look at them; but not one
   * object twice, which GTK finds equal without asking. */
  self->sort_probing = TRUE;
  self->sort_probed = -1;
  order = gtk_sorter_compare (sorter, self, self->column_view);
  self->sort_probing = FALSE;

  *reversed = order == GTK_ORDERING_LARGER;
  if (self->sort_probed < 0 || (guint)self->sort_probed >= self->all_columns->len)
    return NULL;
  return g_ptr_array_index (self->all_columns, self->sort_probed);
}

static gboolean
same_names (GListModel *a,
            GListModel *b)
{
  if (a == NULL || g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

/**
 * _pb_findings_view_sync_sort:
 *
 * Lists the columns shown in the "Sort by" dropdown, and sets it and the
 * "Reverse order" toggle to how the table is sorted. Call when the
 * columns shown change; the table's sorter calls it when sorted.
 */
void
_pb_findings_view_sync_sort (PbFindingsView *self)
{
  g_autoptr(GtkStringList) names = NULL;
  GtkColumnViewColumn *sorted;
  GListModel *columns;
  gboolean reversed = FALSE;
  gboolean was_syncing;
  guint selected = 0;

  /* Its columns go as the table is taken apart. */
  if (self->column_view == NULL || self->sort_dropdown == NULL)
    return;

  columns = gtk_column_view_get_columns (self->column_view);
  names = gtk_string_list_new (NULL);

  sorted = sorted_column (self, &reversed);
  gtk_string_list_append (names, _("Unsorted"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_string_list_append (names, gtk_column_view_column_get_title (column));
      if (column == sorted)
        selected = i + 1;
    }

  /* Setting them calls back here through the table's sorter. */
  was_syncing = self->sort_syncing;
  self->sort_syncing = TRUE;
  if (!same_names (gtk_drop_down_get_model (self->sort_dropdown), G_LIST_MODEL (names)))
    gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (names));
  if (gtk_drop_down_get_selected (self->sort_dropdown) != selected)
    gtk_drop_down_set_selected (self->sort_dropdown, selected);
  if (gtk_toggle_button_get_active (self->sort_reverse) != (selected > 0 && reversed))
    gtk_toggle_button_set_active (self->sort_reverse, selected > 0 && reversed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_reverse), selected > 0);
  self->sort_syncing = was_syncing;
}

/* The dropdown or the toggle changed by the user: sort as they say. */
static void
sort_chosen_cb (PbFindingsView *self)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GListModel *columns;
  guint selected;

  if (self->sort_syncing || self->column_view == NULL)
    return;

  selected = gtk_drop_down_get_selected (self->sort_dropdown);
  columns = gtk_column_view_get_columns (self->column_view);

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    column = g_list_model_get_item (columns, selected - 1);
  gtk_column_view_sort_by_column (self->column_view, column,
                                  gtk_toggle_button_get_active (self->sort_reverse)
                                    ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  /* Unsorted, or sorted by a column the table no longer shows. */
  _pb_findings_view_sync_sort (self);
}

/* Ctrl+Shift+S: the other way round, wherever the focus is in the view.
 * The focus goes to the toggle, so that a screen reader says what it now
 * is ("checked"): GTK 4.8 cannot have it announce a change elsewhere.
 * Unsorted, to the "Sort by" dropdown, which the arrow keys change, as
 * there is nothing to turn round yet. */
static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->sort_reverse)))
    {
      gtk_toggle_button_set_active (self->sort_reverse, !gtk_toggle_button_get_active (self->sort_reverse));
      gtk_widget_grab_focus (GTK_WIDGET (self->sort_reverse));
      return;
    }
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->sort_dropdown)))
    gtk_widget_child_focus (GTK_WIDGET (self->sort_dropdown), GTK_DIR_TAB_FORWARD);
}

void
_pb_findings_view_class_init_sort (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsView, sort_reverse);
  gtk_widget_class_install_action (widget_class, "findings.sort", NULL, sort_action);
}

void
_pb_findings_view_init_sort (PbFindingsView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Wherever the focus is in the window while the table shows: the
   * toolbar's buttons above it are the window's, not the table's. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("findings.sort")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  pb_accessible_toggle_follow (self->sort_reverse);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (_pb_findings_view_sync_sort), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (sort_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_reverse, "toggled",
                           G_CALLBACK (sort_chosen_cb), self, G_CONNECT_SWAPPED);
  _pb_findings_view_sync_sort (self);
}
