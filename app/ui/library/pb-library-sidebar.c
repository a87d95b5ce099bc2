/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-import-progress.h"
#include "pb-library-sidebar-private.h"
#include "pb-report-list.h"
#include "pb-report-sort.h"
#include "pb-report-tree.h"
#include "pb-search-hit-row.h"
#include "pb-search.h"

/* The library's side of the window: its reports, as one list or in groups
 * (by authority or by type), the search of every report's text, and the
 * progress of imports. Choosing a report is told through
 * #PbLibrarySidebar:selected-report; what to show for it is the window's
 * business. */


G_DEFINE_FINAL_TYPE (PbLibrarySidebar, pb_library_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_REPORT,
  PROP_GROUPING,
  PROP_SORTING,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  REPORT_ACTIVATED,
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

gboolean
_pb_library_sidebar_searching (PbLibrarySidebar *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

void
_pb_library_sidebar_update_state (PbLibrarySidebar *self)
{
  guint n_reports = self->reports ? g_list_model_get_n_items (G_LIST_MODEL (self->reports)) : 0;
  g_autofree char *subtitle = NULL;

  if (n_reports > 0)
    /* Translators: the number of reports in the library, under its title */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_reports),
                                n_reports);
  adw_window_title_set_subtitle (self->title, subtitle);

  if (_pb_library_sidebar_searching (self))
    return;   /* the search results stay until the search is cleared */

  gtk_stack_set_visible_child_name (self->stack, n_reports > 0 ? "list" : "empty");
}

/* The reports, as one list or in groups */

static gboolean
same_groups (GListModel *a,
             GListModel *b)
{
  if (g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PbReportGroup) group_a = g_list_model_get_item (a, i);
      g_autoptr(PbReportGroup) group_b = g_list_model_get_item (b, i);

      if (g_strcmp0 (pb_report_group_get_title (group_a), pb_report_group_get_title (group_b)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Shows the reports as one list or under their groups.  Groups come and go
 * with the reports in them; the report chosen stays chosen throughout. */
static void
update_groups (PbLibrarySidebar *self,
               gboolean          force)
{
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GListModel) wanted = NULL;
  g_autoptr(PbReport) keep = self->selected_report ? g_object_ref (self->selected_report) : NULL;

  if (self->reports == NULL)
    return;

  shown = g_list_model_get_item (G_LIST_MODEL (self->root_models), 0);
  if (self->grouping == PB_GROUPING_NONE)
    wanted = g_object_ref (G_LIST_MODEL (self->sorted));
  else
    wanted = G_LIST_MODEL (pb_report_groups_new (G_LIST_MODEL (self->sorted), self->grouping));

  /* Reports moving within the same groups need nothing: each group's list
   * follows the library by itself, as the one list does. */
  if (!force && shown != NULL &&
      (shown == wanted || (shown != G_LIST_MODEL (self->sorted) && wanted != G_LIST_MODEL (self->sorted) &&
                           same_groups (shown, wanted))))
    return;

  self->regrouping = TRUE;
  g_list_store_splice (self->root_models, 0, shown ? 1 : 0, (gpointer *)&wanted, 1);
  if (keep != NULL)
    pb_library_sidebar_select_report (self, pb_report_get_id (keep));
  self->regrouping = FALSE;
}

static void
regroup_idle_cb (gpointer data)
{
  PbLibrarySidebar *self = data;

  self->regroup_idle = 0;
  update_groups (self, FALSE);
}

static void
reports_changed_cb (PbLibrarySidebar *self)
{
  /* Groups change once the list has finished changing, not in the middle
   * of telling everyone about it. */
  if (self->grouping != PB_GROUPING_NONE && self->regroup_idle == 0)
    self->regroup_idle = g_idle_add_once (regroup_idle_cb, self);
  _pb_library_sidebar_update_state (self);
}

static void
selection_changed_cb (PbLibrarySidebar *self)
{
  PbReport *report = pb_library_sidebar_get_selected_report (self);

  if (self->regrouping)
    return;

  /* Reports added or removed around the one chosen move it in the list
   * without changing what the user chose. */
  if (report == self->selected_report)
    return;

  /* The one chosen was corrected (a new snapshot in its place): still
   * chosen, as the new snapshot. */
  if (report == NULL && self->selected_report != NULL && self->reports != NULL &&
      pb_report_list_find (self->reports, pb_report_get_id (self->selected_report)) >= 0 &&
      pb_library_sidebar_select_report (self, pb_report_get_id (self->selected_report)))
    return;

  g_set_object (&self->selected_report, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_REPORT]);
}

static void
report_activated_cb (PbLibrarySidebar *self,
                     guint             position,
                     GtkListView      *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  /* A group's heading opens or closes the group. */
  if (PB_IS_REPORT_GROUP (item))
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  if (PB_IS_REPORT (item))
    g_signal_emit (self, signals [REPORT_ACTIVATED], 0, item);
}

/**
 * _pb_library_sidebar_press_at:
 * @x: (in report_view's coordinates): where the primary button went down
 * @y: likewise
 *
 * A press on the report already chosen goes to it again, out of the
 * tracker, the findings table or the overview: it changes no selection,
 * and a single click does not activate a row here (a list view that
 * activates on one click selects on hover).
 *
 * Returns: whether it was on the chosen report's row
 */
gboolean
_pb_library_sidebar_press_at (PbLibrarySidebar *self,
                              double            x,
                              double            y)
{
  GtkWidget *view = GTK_WIDGET (self->report_view);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) report = NULL;

  if (item == NULL)
    return FALSE;
  report = GTK_IS_TREE_LIST_ROW (item) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item)) : g_object_ref (item);
  if (!PB_IS_REPORT (report))
    return FALSE;

  for (GtkWidget *w = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT); w != NULL && w != view;
       w = gtk_widget_get_parent (w))
    if (gtk_widget_get_state_flags (w) & GTK_STATE_FLAG_SELECTED)
      {
        g_signal_emit (self, signals [REPORT_ACTIVATED], 0, report);
        return TRUE;
      }
  return FALSE;
}

/* Before the row takes the press: whether it was chosen already. */
static void
report_pressed_cb (PbLibrarySidebar *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  if (n_press == 1)
    _pb_library_sidebar_press_at (self, x, y);
}

static void
pb_library_sidebar_dispose (GObject *object)
{
  PbLibrarySidebar *self = (PbLibrarySidebar *)object;

  g_clear_handle_id (&self->regroup_idle, g_source_remove);
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->report_view), self->grow_tick);
  self->grow_tick = 0;
  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_data (self->reports, self);
  g_clear_object (&self->selected_report);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_LIBRARY_SIDEBAR);

  G_OBJECT_CLASS (pb_library_sidebar_parent_class)->dispose (object);
}

static void
pb_library_sidebar_finalize (GObject *object)
{
  PbLibrarySidebar *self = (PbLibrarySidebar *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->tree);
  g_clear_object (&self->root_models);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->reports);
  g_clear_object (&self->hits);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pb_library_sidebar_parent_class)->finalize (object);
}

static void
pb_library_sidebar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_REPORT:
      g_value_set_object (value, self->selected_report);
      break;

    case PROP_GROUPING:
      g_value_set_string (value, pb_grouping_to_string (self->grouping));
      break;

    case PROP_SORTING:
      g_value_set_string (value, pb_sorting_to_string (self->sorting));
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_library_sidebar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_GROUPING:
      pb_library_sidebar_set_grouping (self, pb_grouping_from_string (g_value_get_string (value)));
      break;

    case PROP_SORTING:
      pb_library_sidebar_set_sorting (self, pb_sorting_from_string (g_value_get_string (value)));
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* As narrow as it may be beside the content, however long its titles: the
 * window's width goes to the report being read, and the titles wrap. */
static void
pb_library_sidebar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (PB_LIBRARY_SIDEBAR (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
pb_library_sidebar_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  gtk_widget_allocate (PB_LIBRARY_SIDEBAR (widget)->box, width, height, baseline, NULL);
}

static void
pb_library_sidebar_class_init (PbLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_library_sidebar_dispose;
  object_class->finalize = pb_library_sidebar_finalize;
  object_class->get_property = pb_library_sidebar_get_property;
  object_class->set_property = pb_library_sidebar_set_property;

  /**
   * PbLibrarySidebar:selected-report:
   *
   * The report the user chose, or %NULL; told when the choice changes, not
   * when the list moves around it.
   */
  properties [PROP_SELECTED_REPORT] =
    g_param_spec_object ("selected-report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * PbLibrarySidebar:grouping:
   *
   * "none", "authority" or "type".
   */
  properties [PROP_GROUPING] =
    g_param_spec_string ("grouping", NULL, NULL, "none",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbLibrarySidebar:sorting:
   *
   * "imported", "date", "authority", "kind" or "title".
   */
  properties [PROP_SORTING] =
    g_param_spec_string ("sorting", NULL, NULL, "imported",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbLibrarySidebar:folded:
   *
   * Whether the window shows the sidebar alone, so it carries the window's
   * buttons.
   */
  properties [PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbLibrarySidebar::report-activated:
   * @report: the report whose row was activated, now chosen
   */
  signals [REPORT_ACTIVATED] =
    g_signal_new ("report-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_REPORT);

  /**
   * PbLibrarySidebar::hit-activated:
   * @hit: the search result to open
   * @find_text: what to find on its page: the phrase searched for, or its
   *   first word; may be empty
   */
  signals [HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PB_TYPE_SEARCH_HIT, G_TYPE_STRING);

  g_type_ensure (PB_TYPE_IMPORT_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-library-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, box);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, title);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, report_view);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, hit_view);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, no_hits_label);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, import_progress);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, packs_button);
  gtk_widget_class_bind_template_child (widget_class, PbLibrarySidebar, packs_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_pb_library_sidebar_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_activate_cb",
                                                G_CALLBACK (_pb_library_sidebar_search_activate));

  widget_class->measure = pb_library_sidebar_measure;
  widget_class->size_allocate = pb_library_sidebar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "librarysidebar");
}

static void
pb_library_sidebar_init (PbLibrarySidebar *self)
{
  g_autoptr(GtkListItemFactory) rows = pb_report_tree_factory_new ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = pb_report_sorter_new (&self->sorting);
  self->root_models = g_list_store_new (G_TYPE_LIST_MODEL);
  self->tree = pb_report_tree_new (g_object_ref (G_LIST_MODEL (self->root_models)));
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->tree)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_factory (self->report_view, rows);
  gtk_list_view_set_model (self->report_view, GTK_SELECTION_MODEL (self->selection));
  _pb_library_sidebar_init_keys (self);
  g_signal_connect_object (self->report_view, "activate",
                           G_CALLBACK (report_activated_cb), self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (report_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->report_view), GTK_EVENT_CONTROLLER (click));

  _pb_library_sidebar_init_search (self);
  _pb_library_sidebar_update_state (self);
}

GtkWidget *
pb_library_sidebar_new (void)
{
  return g_object_new (PB_TYPE_LIBRARY_SIDEBAR, NULL);
}

/* GTK 4.8's list view makes and measures a row for up to 200 items as soon
 * as its model holds them, whether they are on screen or not: with a large
 * library, the first frame waited for all of them. The list is given the
 * first screenful at once (a report's row is about 56 px high, so 16 fill
 * a 900 px window's sidebar) and the rest 40 rows a frame after, starting
 * once the first frame is drawn. */
#define FIRST_ROWS 16
#define MORE_ROWS  40

static void
show_all_rows (PbLibrarySidebar *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->report_view), self->grow_tick);
  self->grow_tick = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static gboolean
grow_rows_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  PbLibrarySidebar *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->shown);

  /* The first tick comes in the first frame, before its layout: growing
   * there would put the next screenful into the frame it was kept from. */
  if (!self->grow_started)
    {
      self->grow_started = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (size + MORE_ROWS < g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
    {
      gtk_slice_list_model_set_size (self->shown, size + MORE_ROWS);
      return G_SOURCE_CONTINUE;
    }

  self->grow_tick = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/**
 * pb_library_sidebar_set_library:
 * @library: the library to show; set once
 *
 * Lists @library's reports, and follows them as they come and go.
 *
 * Returns: %FALSE, with @error set, if the reports could not be read; the
 *   list then starts empty and still follows the library
 */
gboolean
pb_library_sidebar_set_library (PbLibrarySidebar  *self,
                                PbLibrary         *library,
                                GError           **error)
{
  gboolean read;

  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), FALSE);
  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (self->library == NULL, FALSE);

  self->library = g_object_ref (library);
  pb_report_tree_factory_set_library (gtk_list_view_get_factory (self->report_view), library);
  self->reports = pb_report_list_new (library);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->reports)),
                                          g_object_ref (self->sorter));
  update_groups (self, TRUE);
  g_signal_connect_object (self->reports, "items-changed",
                           G_CALLBACK (reports_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_slice_list_model_set_size (self->shown, FIRST_ROWS);
  self->grow_started = FALSE;
  self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->report_view), grow_rows_cb, self, NULL);
  read = pb_report_list_reload (self->reports, error);
  _pb_library_sidebar_update_state (self);
  return read;
}

/**
 * pb_library_sidebar_set_import_queue:
 * @queue: (nullable): the imports whose progress to show
 */
void
pb_library_sidebar_set_import_queue (PbLibrarySidebar *self,
                                     PbImportQueue    *queue)
{
  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));
  pb_import_progress_set_queue (self->import_progress, queue);
}

/**
 * pb_library_sidebar_get_reports:
 *
 * Returns: (transfer none): the library's reports (a #PbReportList), in the
 *   order listed
 */
GListModel *
pb_library_sidebar_get_reports (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->reports);
}

/**
 * pb_library_sidebar_get_rows:
 *
 * Returns: (transfer none): the rows as shown, each a #GtkTreeListRow of a
 *   #PbReportGroup heading or a #PbReport
 */
GListModel *
pb_library_sidebar_get_rows (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->tree);
}

/**
 * pb_library_sidebar_get_search_hits:
 *
 * Returns: (transfer none): the library search's results (#PbSearchHit),
 *   best first
 */
GListModel *
pb_library_sidebar_get_search_hits (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->hits);
}

/**
 * pb_library_sidebar_get_selected_report:
 *
 * Returns: (transfer none) (nullable): the report chosen, if any
 */
PbReport *
pb_library_sidebar_get_selected_report (PbLibrarySidebar *self)
{
  GtkTreeListRow *row;
  gpointer item;

  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), NULL);

  /* A group's heading is never a report. */
  row = gtk_single_selection_get_selected_item (self->selection);
  item = row ? gtk_tree_list_row_get_item (row) : NULL;   /* transfer full */
  if (item != NULL)
    g_object_unref (item);   /* the row holds it */
  return PB_IS_REPORT (item) ? item : NULL;
}

/**
 * pb_library_sidebar_select_report:
 * @report_id: a report in the library
 *
 * Chooses the report, opening its group if it was closed.
 *
 * Returns: %FALSE if the library has no such report
 */
gboolean
pb_library_sidebar_select_report (PbLibrarySidebar *self,
                                  gint64            report_id)
{
  GListModel *rows;
  g_autoptr(PbReport) report = NULL;
  int position;

  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), FALSE);

  if (self->reports == NULL || (position = pb_report_list_find (self->reports, report_id)) < 0)
    return FALSE;

  rows = G_LIST_MODEL (self->tree);
  report = g_list_model_get_item (G_LIST_MODEL (self->reports), (guint)position);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PB_IS_REPORT_GROUP (item) && !gtk_tree_list_row_get_expanded (row))
        {
          if (pb_report_group_contains (PB_REPORT_GROUP (item), report))
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
      else if (PB_IS_REPORT (item) && pb_report_get_id (PB_REPORT (item)) == report_id)
        {
          show_all_rows (self);
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

PbGrouping
pb_library_sidebar_get_grouping (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), PB_GROUPING_NONE);
  return self->grouping;
}

/**
 * pb_library_sidebar_set_grouping:
 * @grouping: how to group the reports
 *
 * Regroups the reports; the report chosen stays chosen.
 */
void
pb_library_sidebar_set_grouping (PbLibrarySidebar *self,
                                 PbGrouping        grouping)
{
  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  update_groups (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUPING]);
}

PbSorting
pb_library_sidebar_get_sorting (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), PB_SORTING_IMPORTED);
  return self->sorting;
}

/**
 * pb_library_sidebar_set_sorting:
 * @sorting: the order to list the reports in, within their groups
 *
 * Orders the reports again; the report chosen stays chosen.
 */
void
pb_library_sidebar_set_sorting (PbLibrarySidebar *self,
                                PbSorting         sorting)
{
  g_autoptr(PbReport) keep = NULL;

  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));

  if (self->sorting == sorting)
    return;

  keep = self->selected_report ? g_object_ref (self->selected_report) : NULL;
  self->sorting = sorting;
  self->regrouping = TRUE;
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (keep != NULL)
    pb_library_sidebar_select_report (self, pb_report_get_id (keep));
  self->regrouping = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORTING]);
}

/**
 * pb_library_sidebar_search:
 * @text: what to search every report's text for, as typed in the search
 *   entry; "" to show the reports again
 *
 * Searches at once, without the entry's pause.
 */
void
pb_library_sidebar_search (PbLibrarySidebar *self,
                           const char       *text)
{
  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  _pb_library_sidebar_search_changed (self);
}

void
pb_library_sidebar_focus_search (PbLibrarySidebar *self)
{
  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * pb_library_sidebar_set_n_packs:
 * @n_packs: how many packs officers sent the library holds (opened from
 *   bundles)
 *
 * Shows, above the reports, the way to those packs when there are any
 * (win.show-bundles); a library without any shows nothing more.
 */
void
pb_library_sidebar_set_n_packs (PbLibrarySidebar *self,
                                guint             n_packs)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PB_IS_LIBRARY_SIDEBAR (self));

  /* Translators: the sidebar's way to the packs a member opened from
   * bundles, and how many there are: the name of a place, so plural even
   * for one */
  text = g_strdup_printf (_("Packs from Officers (%u)"), n_packs);
  gtk_label_set_label (self->packs_label, text);
  gtk_widget_set_visible (self->packs_button, n_packs > 0);
}

gboolean
pb_library_sidebar_get_packs_shown (PbLibrarySidebar *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY_SIDEBAR (self), FALSE);
  return gtk_widget_get_visible (self->packs_button);
}
