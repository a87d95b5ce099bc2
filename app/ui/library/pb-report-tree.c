/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-tree"

#include "config.h"

#include "pb-bundle-pack.h"
#include "pb-report-group.h"
#include "pb-report-row.h"
#include "pb-report-tree.h"

/* The sidebar's reports as a tree: at the top, either the reports
 * themselves or their groups, each group opening onto its reports; and the
 * rows that show them, a group as its heading and count, a report as a
 * #PbReportRow. */

static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  if (PB_IS_REPORT_GROUP (item))
    return g_object_ref (pb_report_group_get_reports (PB_REPORT_GROUP (item)));
  return NULL;
}

/* A click on a row activates it, as Enter does: a report's row goes to the
 * report even when it is the one chosen already (the list only activates on
 * a double click). */
static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (n_press == 1 && gtk_list_item_get_selectable (list_item))
    gtk_widget_activate_action (row, "list.activate-item", "u", gtk_list_item_get_position (list_item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), list_item, 0);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, expander);
}

static GtkWidget *
group_heading_new (PbReportGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (pb_report_group_get_title (group));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  g_object_bind_property (group, "n-reports", count, "label", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  GtkWidget *child = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);

  if (PB_IS_REPORT_GROUP (item))
    {
      /* A heading opens and closes; only reports are chosen. */
      gtk_tree_expander_set_child (expander, group_heading_new (PB_REPORT_GROUP (item)));
      gtk_tree_expander_set_indent_for_icon (expander, TRUE);
      gtk_list_item_set_selectable (list_item, FALSE);
      return;
    }

  if (!PB_IS_REPORT_ROW (child))
    gtk_tree_expander_set_child (expander, child = pb_report_row_new (NULL));
  pb_report_row_set_report (PB_REPORT_ROW (child), PB_REPORT (item));

  /* A report a pack brought says so, apart from the user's own. */
  {
    PbLibrary *library = g_object_get_data (G_OBJECT (factory), "pb-library");
    g_autofree char *origin = library ? pb_library_dup_report_origin (library, pb_report_get_sha256 (PB_REPORT (item)))
                                      : NULL;

    pb_report_row_set_origin (PB_REPORT_ROW (child), origin);
  }
  gtk_tree_expander_set_indent_for_icon (expander, FALSE);
  gtk_list_item_set_selectable (list_item, TRUE);
}

/**
 * pb_report_tree_new:
 * @roots: (transfer full): a list of lists: the one shown at the top, either
 *   a list of #PbReport or a list of #PbReportGroup
 *
 * Returns: (transfer full): the rows, each a #GtkTreeListRow of a group
 *   (which opens onto its reports) or a report
 */
GtkTreeListModel *
pb_report_tree_new (GListModel *roots)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);

  return gtk_tree_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (roots)),
                                  FALSE, TRUE, create_children_cb, NULL, NULL);
}

/**
 * pb_report_tree_factory_new:
 *
 * Returns: (transfer full): a factory for a list view of pb_report_tree_new()
 *   rows: headings open and close, only reports can be chosen
 */
GtkListItemFactory *
pb_report_tree_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}

/**
 * pb_report_tree_factory_set_library:
 * @factory: a factory from pb_report_tree_factory_new()
 * @library: the library the rows' reports are in, to say which came with
 *   a pack
 */
void
pb_report_tree_factory_set_library (GtkListItemFactory *factory,
                                    PbLibrary          *library)
{
  g_return_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory));
  g_return_if_fail (PB_IS_LIBRARY (library));

  g_object_set_data_full (G_OBJECT (factory), "pb-library", g_object_ref (library), g_object_unref);
}

/**
 * pb_report_tree_focus_row:
 * @view: a list view made with pb_report_tree_factory_new()
 * @row: one of its rows
 *
 * Gives the keyboard focus to the row showing @row, so that a screen
 * reader speaks it; the list view's own focus follows.
 *
 * Returns: %FALSE if the view shows no such row yet (it builds its rows
 *   as it is laid out)
 */
gboolean
pb_report_tree_focus_row (GtkListView    *view,
                          GtkTreeListRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), FALSE);
  g_return_val_if_fail (GTK_IS_TREE_LIST_ROW (row), FALSE);

  /* GTK 4.8 has no way to focus an item by its position: each row widget
   * holds the expander this file's factory made, which knows its row. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *expander = gtk_widget_get_first_child (item);

      if (!GTK_IS_TREE_EXPANDER (expander) || !gtk_widget_get_child_visible (item))
        continue;
      if (gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) == row)
        return gtk_widget_grab_focus (item);
    }
  return FALSE;
}
