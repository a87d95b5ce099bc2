/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "pb-compare-view.h"
#include "pb-finding-store.h"
#include "pb-pack-sections.h"
#include "pb-pack-store.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-report-store.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-status-badge.h"
#include "pb-test-recommendations.h"
#include "pb-test-tracker-ui.h"
#include "pb-test-util.h"
#include "pb-tracker-item.h"
#include "pb-tracker-view.h"

/* The recommendation tracker's views: the table and its filters, a
 * recommendation's page (Set Status with Undo, its history and evidence),
 * the narrow list and the comparison of two reports. Any GTK warning fails
 * the test. The dialogs and the window's ways in are in
 * test-tracker-flows.c. */

static void
test_table_filters (PbTrackerUiFixture *f,
                    gconstpointer       data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *model = pb_tracker_view_get_model (f->view);
  GtkDropDown *status = pb_test_tracker_dropdown (f, "Status");
  GtkDropDown *cohort = pb_test_tracker_dropdown (f, "Cohort");
  guint position = 0, removed = 0, added = 0;

  g_assert_cmpstr (pb_tracker_view_get_authority (f->view), ==, "Fernvale");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_false (pb_tracker_view_get_narrow (f->view));

  gt_signal_logger_connect (logger, model, "items-changed");
  gtk_drop_down_set_selected (status, 1 + PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (removed, ==, 4);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpint (pb_test_tracker_position_of (model, f->repeated), ==, 0);

  gtk_drop_down_set_selected (status, 0);
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (added, ==, 4);

  /* Only the overdue: the one due in January 2020. */
  {
    GtkWidget *overdue = pb_test_find_button (GTK_WIDGET (f->view), "_Overdue");

    g_assert_nonnull (overdue);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpint (pb_test_tracker_position_of (model, f->fresh), ==, 0);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
  }

  /* A cohort: those the structure reader tagged for care leavers. */
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (cohort)); i++)
    if (g_str_equal (gtk_string_object_get_string (g_list_model_get_item (gtk_drop_down_get_model (cohort), i)),
                     "Care leavers"))
      gtk_drop_down_set_selected (cohort, i);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (pb_test_tracker_position_of (model, f->earlier), >=, 0);
  g_assert_cmpint (pb_test_tracker_position_of (model, f->repeated), >=, 0);
  gt_signal_logger_free (g_steal_pointer (&logger));
}

static PbTrackerItem *
open_item (PbTrackerUiFixture *f,
           gint64              id)
{
  GListModel *model = pb_tracker_view_get_model (f->view);

  /* As a row activated with Enter or a click. */
  g_signal_emit_by_name (pb_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL), "activate",
                         (guint)pb_test_tracker_position_of (model, id));
  g_assert_cmpint (pb_tracker_view_get_shown_item (f->view), ==, id);
  return pb_tracker_view_get_item_page (f->view);
}

/* Set Status is one action: the library records it, the table changes
 * that one row once, the page and its history say it; Undo takes it back;
 * Escape goes back to the table with the row chosen. */
static void
test_status_undo (PbTrackerUiFixture *f,
                  gconstpointer       data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *model = pb_tracker_view_get_model (f->view);
  g_autoptr(PbRecommendationItem) after = NULL;
  g_autoptr(PbRecommendationItem) undone = NULL;
  PbTrackerItem *page = open_item (f, f->repeated);
  GtkWidget *badge = pb_test_find_descendant (GTK_WIDGET (page), PB_TYPE_STATUS_BADGE, NULL);
  GtkListBoxRow *newest;
  guint position = 0, removed = 0, added = 0;
  gint row = pb_test_tracker_position_of (model, f->repeated);

  g_assert_cmpstr (pb_status_badge_get_text (PB_STATUS_BADGE (badge)), ==, "In progress");
  /* The page opened with the keyboard on Set Status. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (page)));

  gt_signal_logger_connect (logger, model, "items-changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.set-status", "s", "met"));
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (position, ==, (guint)row);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);

  after = pb_library_get_recommendation (f->rec.library, f->repeated, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (after), ==, PB_RECOMMENDATION_STATUS_MET);
  g_assert_cmpstr (pb_status_badge_get_text (PB_STATUS_BADGE (badge)), ==, "Met");
  newest = gtk_list_box_get_row_at_index (pb_tracker_item_get_history (page), 0);
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (newest), PB_TYPE_STATUS_BADGE, NULL));
  g_assert_cmpstr (pb_status_badge_get_text (PB_STATUS_BADGE (pb_test_find_descendant (GTK_WIDGET (newest), PB_TYPE_STATUS_BADGE,
                                                                                NULL))), ==, "Met");

  g_assert_true (pb_tracker_item_undo (page));
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  undone = pb_library_get_recommendation (f->rec.library, f->repeated, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (undone), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  g_assert_cmpstr (pb_status_badge_get_text (PB_STATUS_BADGE (badge)), ==, "In progress");
  g_assert_false (pb_tracker_item_undo (page));   /* once only */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.back", NULL));
  g_assert_cmpint (pb_tracker_view_get_shown_item (f->view), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, (guint)row);
  gt_signal_logger_free (g_steal_pointer (&logger));
}

/* Runs the shortcut @widget's class binds to Ctrl+Z, as the key would. */
static gboolean
press_ctrl_z (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkShortcutTrigger *ctrl_z = gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK);
  gboolean found = FALSE, done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_z))
            {
              found = TRUE;
              done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                   gtk_shortcut_get_arguments (shortcut));
            }
        }
    }
  g_object_unref (ctrl_z);
  g_assert_true (found);
  return done;
}

/* Ctrl+Z takes back the status just set, on the item's page and back in
 * the table: the toast's Undo is hard to reach with the keyboard. */
static void
test_status_ctrl_z (PbTrackerUiFixture *f,
                    gconstpointer       data)
{
  PbTrackerItem *page = open_item (f, f->repeated);
  g_autoptr(PbRecommendationItem) item = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.set-status", "s", "met"));
  item = pb_library_get_recommendation (f->rec.library, f->repeated, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_MET);
  g_assert_true (press_ctrl_z (GTK_WIDGET (page)));
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->rec.library, f->repeated, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
  g_assert_false (press_ctrl_z (GTK_WIDGET (page)));   /* nothing more to take back */

  /* Set, then back to the table: Ctrl+Z there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.set-status", "s", "not_met"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.back", NULL));
  g_assert_true (press_ctrl_z (GTK_WIDGET (f->view)));
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->rec.library, f->repeated, NULL);
  g_assert_cmpint (pb_recommendation_item_get_status (item), ==, PB_RECOMMENDATION_STATUS_IN_PROGRESS);
}

static void
count_finding_cb (PbTrackerView *view,
                  PbFinding     *finding,
                  gint64        *activated)
{
  *activated = pb_finding_get_id (finding);
}

static void
count_page_cb (PbTrackerView *view,
               gint64         report_id,
               guint          page,
               gint64        *opened)
{
  opened[0] = report_id;
  opened[1] = page;
}

/* The history: the link to the earlier recommendation, shown first on the
 * page too, and each piece of evidence a button that asks the reader to
 * open it; Open shows where the recommendation was made. A recorded update
 * with chosen evidence joins the history. */
static void
test_history_evidence (PbTrackerUiFixture *f,
                       gconstpointer       data)
{
  PbTrackerItem *page = open_item (f, f->repeated);
  GtkListBox *history = pb_tracker_item_get_history (page);
  gint64 activated = 0, opened[2] = { 0, 0 };
  GtkWidget *evidence = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 second_finding;

  g_signal_connect (f->view, "finding-activated", G_CALLBACK (count_finding_cb), &activated);
  g_signal_connect (f->view, "open-page", G_CALLBACK (count_page_cb), opened);

  /* Newest first: the status of February 2024, then the link. */
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "Repeated from the 2019 inspection"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 1));
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 1)), GTK_TYPE_LABEL,
                                     "Repeated from the 2019 inspection"));
  evidence = pb_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (evidence);
  g_signal_emit_by_name (evidence, "clicked");
  g_assert_cmpint (activated, ==, f->evidence);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.open-source", NULL));
  g_assert_cmpint (opened[0], ==, f->second);
  g_assert_cmpuint (opened[1], >=, 1);

  /* Record an update with a second piece of evidence, exempt from
   * publication: its button says so, the earlier one's does not. */
  second_finding = pb_test_rec_add_finding (&f->rec, f->second, 1, "A care leavers’ forum now reviews plans.", TRUE);
  pb_tracker_item_choose_evidence (page, &second_finding, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.record", NULL));
  entries = pb_library_list_recommendation_history (f->rec.library, f->repeated, NULL);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpuint (pb_recommendation_entry_get_evidence (g_ptr_array_index (entries, 2))->len, ==, 1);
  g_assert_cmpint (pb_finding_get_id (g_ptr_array_index (pb_recommendation_entry_get_evidence (g_ptr_array_index (entries, 2)), 0)),
                   ==, second_finding);
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_LABEL,
                                     "A care leavers’ forum"));
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_LABEL,
                                     "Not for publication"));
  g_assert_null (pb_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 1)), GTK_TYPE_LABEL,
                                  "Not for publication"));
}

/* The entry row of @widget titled @title. */
static GtkEditable *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (ADW_IS_ENTRY_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return GTK_EDITABLE (child);
      if ((found = find_entry_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* A status date before the report (2013 typed for 2023), or no real day,
 * is refused by the form: the sentence under it names the date, the row
 * turns red, nothing is recorded; a good date records and clears both. */
static void
test_record_date_refused (PbTrackerUiFixture *f,
                          gconstpointer       data)
{
  PbTrackerItem *page = open_item (f, f->repeated);
  GtkEditable *date = find_entry_row (GTK_WIDGET (page), "Judged on (YYYY-MM-DD)");
  g_autoptr(GPtrArray) before = pb_library_list_recommendation_history (f->rec.library, f->repeated, NULL);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *message;

  g_assert_nonnull (date);
  g_assert_nonnull (before);
  g_assert_null (pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "before the recommendation"));

  gtk_editable_set_text (date, "2013-03-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.record", NULL));
  message = pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                     "The status date 2013-03-20 is before the recommendation was made (2023-03-17)");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2013-03-20");   /* kept to correct */
  after = pb_library_list_recommendation_history (f->rec.library, f->repeated, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  gtk_editable_set_text (date, "2024-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.record", NULL));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==,
                   "The status date “2024-02-30” does not exist: that month has 29 days.");

  gtk_editable_set_text (date, "2023-03-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.record", NULL));
  after = pb_library_list_recommendation_history (f->rec.library, f->repeated, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
}

/* The page is one widget for every item: each opens at its top, with its
 * text and source in view, wherever the last one was scrolled to. */
static void
test_item_opens_at_top (PbTrackerUiFixture *f,
                        gconstpointer       data)
{
  PbTrackerItem *page = open_item (f, f->repeated);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (pb_tracker_item_get_history (page)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  /* The page's own scroller, around its text and history. */
  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_is_ancestor (pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "Details"),
                                         scroller));
  g_assert_null (gtk_widget_get_ancestor (scroller, GTK_TYPE_POPOVER));
  /* Short enough that the page scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 300);
  gtk_test_widget_wait_for_draw (f->window);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    g_main_context_iteration (NULL, TRUE);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.back", NULL));
  g_assert_true (open_item (f, f->fresh) == page);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* The cohorts are put right on the item's page, a check button each; an
 * item left with none is found with the No cohort filter. */
static void
test_item_cohorts (PbTrackerUiFixture *f,
                   gconstpointer       data)
{
  PbTrackerItem *page = open_item (f, f->fresh);
  GListModel *model = pb_tracker_view_get_model (f->view);
  GtkDropDown *cohort = pb_test_tracker_dropdown (f, "Cohort");
  GListModel *names = gtk_drop_down_get_model (cohort);
  g_autoptr(PbRecommendationItem) item = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
  g_auto(GStrv) had = g_strdupv ((char **)pb_recommendation_item_get_cohorts (item));
  g_autoptr(GtkStringObject) last = NULL;
  GtkWidget *check;
  guint n_checks = 0, n_ticked = 0;

  for (check = pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, NULL); check;
       check = gtk_widget_get_next_sibling (check))
    {
      n_checks++;
      n_ticked += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
    }
  g_assert_cmpuint (n_checks, >=, 3);
  g_assert_cmpuint (n_ticked, ==, g_strv_length (had));

  /* Ticked and unticked, by the action the check buttons use. */
  for (guint i = 0; had[i] != NULL; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.toggle-cohort", "s", had[i]));
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
  g_assert_null (pb_recommendation_item_get_cohorts (item)[0]);
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "None"));

  /* By a click on a check button. */
  check = pb_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
  g_assert_cmpuint (g_strv_length ((char **)pb_recommendation_item_get_cohorts (item)), ==, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_clear_object (&item);
  item = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
  g_assert_null (pb_recommendation_item_get_cohorts (item)[0]);

  /* No cohort: the last choice of the Cohort filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "item.back", NULL));
  last = g_list_model_get_item (names, g_list_model_get_n_items (names) - 1);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "No cohort");
  gtk_drop_down_set_selected (cohort, g_list_model_get_n_items (names) - 1);
  g_assert_cmpint (pb_test_tracker_position_of (model, f->fresh), >=, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PbRecommendationItem) each = g_list_model_get_item (model, i);

      g_assert_null (pb_recommendation_item_get_cohorts (each)[0]);
    }
  gtk_drop_down_set_selected (cohort, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

/* At 360 pixels the table gives way to a list of rows, the filters to two
 * lines; at 1100 the table comes back. */
static void
test_narrow (PbTrackerUiFixture *f,
             gconstpointer       data)
{
  GtkWidget *column_view = pb_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *squeezer = gtk_widget_get_parent (gtk_widget_get_parent (column_view));
  /* The squeezer's other child scrolls the narrow list. */
  GtkWidget *list_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_widget_get_next_sibling (
                                                          gtk_widget_get_parent (column_view))));
  int min;

  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);

  g_assert_true (gtk_widget_get_mapped (column_view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 760);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (pb_tracker_view_get_narrow (f->view));
  while (g_main_context_iteration (NULL, FALSE));
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (ADW_IS_SQUEEZER (squeezer));
  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  g_assert_true (gtk_widget_get_mapped (list_view));
  g_assert_false (gtk_widget_get_mapped (column_view));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_false (pb_tracker_view_get_narrow (f->view));
}

static void
test_accessible (PbTrackerUiFixture *f,
                 gconstpointer       data)
{
  pb_test_check_labelled (GTK_WIDGET (f->view));
  open_item (f, f->repeated);
  pb_test_check_labelled (GTK_WIDGET (pb_tracker_view_get_item_page (f->view)));
  pb_tracker_view_show_comparison (f->view, f->first, f->second);
  pb_test_check_labelled (GTK_WIDGET (pb_tracker_view_get_compare_view (f->view)));
}

/* Two reports compared: the summary of recommendations made again, new and
 * no longer made; every paragraph and recommendation a button that opens
 * its report at its page. */
static void
test_compare (PbTrackerUiFixture *f,
              gconstpointer       data)
{
  PbCompareView *compare = pb_tracker_view_get_compare_view (f->view);
  gint64 opened[2] = { 0, 0 };
  GtkWidget *button;
  gint64 report_id;
  guint page;

  g_signal_connect (f->view, "open-page", G_CALLBACK (count_page_cb), opened);
  pb_tracker_view_show_comparison (f->view, f->second, f->first);   /* any order */
  g_assert_cmpint (pb_compare_view_get_before (compare), ==, f->first);
  g_assert_cmpint (pb_compare_view_get_after (compare), ==, f->second);
  g_assert_cmpstr (pb_compare_view_get_summary (compare), ==,
                   "Recommendations made again: 1. New: 1. No longer made: 1.");
  g_assert_nonnull (pb_test_find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_LABEL, "Made again (1)"));
  g_assert_nonnull (pb_test_find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_LABEL, pb_test_tracker_recs_2023[1]));

  button = pb_test_find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  report_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "report-id");
  page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "page"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (opened[0], ==, report_id);
  g_assert_cmpuint (opened[1], ==, MAX (page, 1));
  g_assert_true (report_id == f->first || report_id == f->second);

  /* Narrow: the paragraphs one above the other. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 760);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (pb_compare_view_get_narrow (compare));
}

/* The Due column holds its widest date whole: "28 May 2025" was cut to
 * "28 May 20…" where "15 Jun 2025" fitted. */
static void
test_due_whole (PbTrackerUiFixture *f,
                gconstpointer       data)
{
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  draft.authority = "Fernvale";
  draft.text = "Recruit more foster carers.";
  draft.due = "2025-05-28";
  g_assert_cmpint (pb_library_add_recommendation (f->rec.library, &draft, &error), >, 0);
  g_assert_no_error (error);
  pb_tracker_view_refresh (f->view);
  while (pb_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_LABEL, "28 May 2025") == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (f->window);

  label = pb_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_LABEL, "28 May 2025");
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
}

/* Many recommendations: the table starts with the rows a window shows and
 * adds the rest a frame at a time, so that opening it does not wait for GTK
 * to build 200 rows; the count is known at once, and every row comes. */
static void
test_many (PbTrackerUiFixture *f,
           gconstpointer       data)
{
  g_autoptr(PbReport) report = pb_library_get_report (f->rec.library, f->second, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *model = pb_tracker_view_get_model (f->view);
  guint before = pb_tracker_view_get_n_items (f->view);

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *text = g_strdup_printf ("Recommendation %u: the timeliness of plans.", i + 1);
      PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;

      draft.authority = "Fernvale";
      draft.text = text;
      draft.report_sha256 = pb_report_get_sha256 (report);
      draft.page = 1;
      g_assert_cmpint (pb_library_add_recommendation (f->rec.library, &draft, &error), >, 0);
      g_assert_no_error (error);
    }
  pb_tracker_view_refresh (f->view);
  g_assert_cmpuint (pb_tracker_view_get_n_items (f->view), ==, before + 80);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, before + 80);
  while (g_list_model_get_n_items (model) < before + 80)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 80);
}

/* Each test gets Fernvale's library and the view afresh. */
#define add_test(path, test) \
  g_test_add (path, PbTrackerUiFixture, NULL, pb_test_tracker_setup, test, pb_test_tracker_teardown)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  add_test ("/tracker-ui/table-filters", test_table_filters);
  add_test ("/tracker-ui/status-undo", test_status_undo);
  add_test ("/tracker-ui/status-ctrl-z", test_status_ctrl_z);
  add_test ("/tracker-ui/history-evidence", test_history_evidence);
  add_test ("/tracker-ui/item-opens-at-top", test_item_opens_at_top);
  add_test ("/tracker-ui/record-date-refused", test_record_date_refused);
  add_test ("/tracker-ui/item-cohorts", test_item_cohorts);
  add_test ("/tracker-ui/narrow", test_narrow);
  add_test ("/tracker-ui/accessible", test_accessible);
  add_test ("/tracker-ui/compare", test_compare);
  add_test ("/tracker-ui/many", test_many);
  add_test ("/tracker-ui/due-whole", test_due_whole);

  return g_test_run ();
}
