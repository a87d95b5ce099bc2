/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-accessible-toggle.h"
#include "pb-finding.h"
#include "pb-recommendation-item.h"
#include "pb-status-badge.h"
#include "pb-tracker-view-private.h"

/* Following Ofsted's recommendations from inspection to action: per
 * authority, every tracked recommendation with where it comes from, its
 * cohorts, owner, due date, status (a coloured badge that says it), last
 * update and evidence; filtered by cohort, status or what is overdue. A
 * recommendation opens on a page of its own with its history. Where the
 * window is narrow the table gives way to a list of rows. The second page
 * compares two reports of one authority (pb-compare-view.c). The view
 * follows the library: it never reads the database itself. Its filters
 * are in pb-tracker-view-filters.c, the ways to add recommendations in
 * pb-tracker-view-offers.c, the table's columns in pb-tracker-columns.c. */

G_DEFINE_FINAL_TYPE (PbTrackerView, pb_tracker_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  OPEN_PAGE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Pages */

static void
activated_cb (PbTrackerView *self,
              guint          position)
{
  g_autoptr(PbRecommendationItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    pb_tracker_view_show_item (self, pb_recommendation_item_get_id (item));
}

static void
item_back_cb (PbTrackerView *self)
{
  pb_tracker_view_show_list (self);
}

static void
item_activated_cb (PbTrackerView *self,
                   gint64         id)
{
  pb_tracker_view_show_item (self, id);
}

static void
finding_activated_cb (PbTrackerView *self,
                      PbFinding     *finding)
{
  g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
open_page_cb (PbTrackerView *self,
              gint64         report_id,
              guint          page)
{
  g_signal_emit (self, signals [OPEN_PAGE], 0, report_id, page);
}

static void
recommendation_changed_cb (PbTrackerView *self,
                           gint64         id)
{
  g_autoptr(PbRecommendationItem) item = NULL;
  const char *authority;
  gboolean known = FALSE;

  /* Not read yet: it will be, when shown. */
  if (self->stale)
    return;
  /* A new authority's first item shows in the dropdown; a change to many
   * items at once may bring one too. */
  if (id == 0)
    {
      _pb_tracker_view_fill_filters (self);
      return;
    }
  item = pb_library_get_recommendation (self->library, id, NULL);
  authority = item ? pb_recommendation_item_get_authority (item) : NULL;
  for (guint i = 0; authority != NULL && self->authority_list[i] != NULL; i++)
    known |= g_ascii_strcasecmp (self->authority_list[i], authority) == 0;
  if (authority != NULL && !known)
    _pb_tracker_view_fill_filters (self);
  else
    _pb_tracker_view_update_state (self);
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbTrackerView *self = PB_TRACKER_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "item") == 0)
    pb_tracker_view_show_list (self);
}

/* GObject */

/* GTK 4.8's list views keep up to 200 rows bound whatever their height, and
 * a view given its model builds them at once: the table of an authority
 * with 200 recommendations took ten times the 100 ms the tracker has to
 * open, and the narrow list as much again. So each view gets the model only
 * when it is first shown, and the model is a slice of the list that starts
 * with the rows a window shows and grows by as many each frame after the
 * first, until it holds them all. */
#define ROWS_PER_FRAME 25

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  PbTrackerView *self = PB_TRACKER_VIEW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint size = gtk_slice_list_model_get_size (self->slice);

  /* Not before the first frame is drawn. */
  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  if (size < n)
    gtk_slice_list_model_set_size (self->slice, MIN (size + ROWS_PER_FRAME, n));
  if (gtk_slice_list_model_get_size (self->slice) < n)
    return G_SOURCE_CONTINUE;
  self->growing = 0;
  return G_SOURCE_REMOVE;
}

static void
list_changed_cb (PbTrackerView *self)
{
  if (self->growing == 0 && self->slice != NULL &&
      gtk_slice_list_model_get_size (self->slice) < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    self->growing = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_cb, NULL, NULL);
}

static void
attach_models (PbTrackerView *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);

  if (model == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)) && gtk_column_view_get_model (self->column_view) != model)
    gtk_column_view_set_model (self->column_view, model);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) && gtk_list_view_get_model (self->list_view) != model)
    gtk_list_view_set_model (self->list_view, model);
}

static void
pb_tracker_view_dispose (GObject *object)
{
  PbTrackerView *self = (PbTrackerView *)object;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_handle_id (&self->relayout, g_source_remove);
  if (self->growing != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->growing);
  self->growing = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_TRACKER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  g_clear_object (&self->library);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_tracker_view_parent_class)->dispose (object);
}

static void
pb_tracker_view_finalize (GObject *object)
{
  PbTrackerView *self = (PbTrackerView *)object;

  g_strfreev (self->authority_list);

  G_OBJECT_CLASS (pb_tracker_view_parent_class)->finalize (object);
}

static gboolean
undo_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return pb_tracker_item_undo (PB_TRACKER_VIEW (widget)->item_page);
}

static void
pb_tracker_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pb_tracker_view_parent_class)->map (widget);
  _pb_tracker_view_ensure_read (PB_TRACKER_VIEW (widget));
}

static void
pb_tracker_view_class_init (PbTrackerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_tracker_view_dispose;
  object_class->finalize = pb_tracker_view_finalize;
  widget_class->map = pb_tracker_view_map;

  /**
   * PbTrackerView::finding-activated:
   * @finding: a finding given as evidence
   *
   * Asks for the finding to be shown at its passage in its report.
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbTrackerView::open-page:
   * @report_id: a report
   * @page: a page number, from 1
   *
   * Asks for the report to be opened at the page: where a recommendation
   * was made, or a paragraph compared.
   */
  signals [OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  g_type_ensure (PB_TYPE_TRACKER_ITEM);
  g_type_ensure (PB_TYPE_COMPARE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-tracker-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, box);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, pages);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, authorities);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, cohort_names);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, status_names);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, add_button);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, offer_revealer);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, offer_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, squeezer);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, item_page);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerView, compare_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "filters_changed_cb",
                                                G_CALLBACK (_pb_tracker_view_filters_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "squeezed_cb", G_CALLBACK (_pb_tracker_view_squeezed));
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_page_cb);

  _pb_tracker_view_install_offer_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "tracker.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "tracker.back", NULL);
  /* Back in the table, the status just set can still be taken back. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_binding, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trackerview");
}

/* GTK 4.8 names a menu button for screen readers, but not the button
 * inside it that takes the focus: name that too. */
static void
name_menu_button (GtkWidget  *menu_button,
                  const char *name)
{
  GtkWidget *inner = gtk_widget_get_first_child (menu_button);

  if (inner != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
pb_tracker_view_init (PbTrackerView *self)
{
  pb_tracker_load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  _pb_tracker_view_init_filters (self);
  pb_accessible_toggle_follow (self->overdue_button);

  _pb_tracker_view_add_columns (self);
  g_signal_connect_object (self->column_view, "map", G_CALLBACK (attach_models), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (attach_models), self, G_CONNECT_SWAPPED);
  name_menu_button (self->add_button, _("Add recommendations"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.add-by-hand", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.add-from-report", FALSE);
  _pb_tracker_view_update_state (self);
}

GtkWidget *
pb_tracker_view_new (void)
{
  return g_object_new (PB_TYPE_TRACKER_VIEW, NULL);
}

/**
 * pb_tracker_view_set_library:
 * @library: the library whose recommendations to follow
 *
 * Hidden, the view reads the library when first shown (or asked for its
 * rows, its authority or their number), not before the window's first
 * frame.
 */
void
pb_tracker_view_set_library (PbTrackerView *self,
                             PbLibrary     *library)
{
  g_return_if_fail (PB_IS_TRACKER_VIEW (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->slice);
  if (self->growing != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->growing);
  self->growing = 0;
  self->list = pb_recommendation_list_new (library);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, ROWS_PER_FRAME);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  attach_models (self);
  g_signal_connect_object (library, "recommendation-changed", G_CALLBACK (recommendation_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  pb_tracker_item_set_library (self->item_page, library);
  pb_compare_view_set_library (self->compare_view, library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.add-by-hand", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.add-from-report", TRUE);
  /* Hidden (as at start-up), it reads the library when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _pb_tracker_view_fill_filters (self);
  else
    self->stale = TRUE;
}

/**
 * pb_tracker_view_refresh:
 *
 * Reads the authorities and cohorts again (reports imported, cohorts
 * added), then the tracker.
 */
void
pb_tracker_view_refresh (PbTrackerView *self)
{
  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  if (self->library == NULL)
    return;
  _pb_tracker_view_fill_filters (self);
  pb_compare_view_refresh (self->compare_view);
}

/**
 * pb_tracker_view_get_model:
 *
 * Returns: (transfer none): the rows of the table, each a
 *   #PbRecommendationItem, in its order, as a #GtkSingleSelection: after
 *   the first 25 the table adds them a frame at a time, so this may hold
 *   fewer than pb_tracker_view_get_n_items() for a few frames
 */
GListModel *
pb_tracker_view_get_model (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), NULL);

  _pb_tracker_view_ensure_read (self);
  return G_LIST_MODEL (self->selection);
}

/**
 * pb_tracker_view_get_n_items:
 *
 * Returns: how many recommendations the filters let through, whether or
 *   not the table has added all their rows yet
 */
guint
pb_tracker_view_get_n_items (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), 0);

  _pb_tracker_view_ensure_read (self);
  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

/**
 * pb_tracker_view_show_item:
 * @id: a tracked recommendation
 *
 * Opens the recommendation on its page, with its history.
 */
void
pb_tracker_view_show_item (PbTrackerView *self,
                           gint64         id)
{
  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  if (!pb_tracker_item_set_item_id (self->item_page, id))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "tracker");
  gtk_stack_set_visible_child_name (self->pages, "item");
  pb_tracker_item_focus (self->item_page);
}

/**
 * pb_tracker_view_get_shown_item:
 *
 * Returns: the recommendation open on its page, or 0 when the table shows
 */
gint64
pb_tracker_view_get_shown_item (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "item") != 0)
    return 0;
  return pb_tracker_item_get_item_id (self->item_page);
}

/**
 * pb_tracker_view_show_list:
 *
 * Goes back from a recommendation's page to the table, with the
 * recommendation chosen in it.
 */
void
pb_tracker_view_show_list (PbTrackerView *self)
{
  gint64 id;
  gint position;

  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  _pb_tracker_view_ensure_read (self);
  id = pb_tracker_item_get_item_id (self->item_page);
  adw_view_stack_set_visible_child_name (self->view_stack, "tracker");
  gtk_stack_set_visible_child_name (self->pages, "list");
  position = self->list && id > 0 ? pb_recommendation_list_find (self->list, id) : -1;
  if (position >= 0)
    {
      if ((guint)position >= gtk_slice_list_model_get_size (self->slice))
        gtk_slice_list_model_set_size (self->slice, (guint)position + 1);
      gtk_single_selection_set_selected (self->selection, (guint)position);
      gtk_widget_grab_focus (pb_tracker_view_get_narrow (self) ? GTK_WIDGET (self->list_view)
                                                               : GTK_WIDGET (self->column_view));
    }
}

/**
 * pb_tracker_view_show_comparison:
 * @before_id: a report
 * @after_id: another report of the same authority
 *
 * Shows the two reports compared, cohort by cohort.
 */
void
pb_tracker_view_show_comparison (PbTrackerView *self,
                                 gint64         before_id,
                                 gint64         after_id)
{
  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
  pb_compare_view_compare (self->compare_view, before_id, after_id);
}

/**
 * pb_tracker_view_get_item_page:
 *
 * Returns: (transfer none): the page a recommendation opens on
 */
PbTrackerItem *
pb_tracker_view_get_item_page (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), NULL);
  return self->item_page;
}

/**
 * pb_tracker_view_get_compare_view:
 *
 * Returns: (transfer none): two reports compared
 */
PbCompareView *
pb_tracker_view_get_compare_view (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), NULL);
  return self->compare_view;
}
