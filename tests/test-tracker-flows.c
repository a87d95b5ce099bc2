/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pb-compare-view.h"
#include "pb-finding-store.h"
#include "pb-findings-panel.h"
#include "pb-library-sidebar-private.h"
#include "pb-reader.h"
#include "pb-suggestion.h"
#include "pb-pack-section-dialog.h"
#include "pb-pack-sections.h"
#include "pb-pack-store.h"
#include "pb-recommendation-dialog.h"
#include "pb-recommendation-history.h"
#include "pb-report-store.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-recs-dialog.h"
#include "pb-test-recommendations.h"
#include "pb-test-tracker-ui.h"
#include "pb-test-util.h"
#include "pb-tracker-item.h"
#include "pb-tracker-view.h"
#include "pb-window.h"

/* How recommendations reach the tracker and packs, in the widgets: the
 * dialogs that add recommendations and confirm links, the window's ways
 * in (report menu, Track on a suggested finding) and the pack section
 * dialog. Every template is built here or in test-tracker-ui.c, and any
 * GTK warning fails the test. */

/* A recommendation by hand: the store's sentence when it lacks words; once
 * added, it is in the table. */
static void
test_dialog_by_hand (PbTrackerUiFixture *f,
                     gconstpointer       data)
{
  PbRecommendationDialog *dialog = PB_RECOMMENDATION_DIALOG (pb_recommendation_dialog_new (GTK_WINDOW (f->window),
                                                                                           f->rec.library, "Fernvale"));
  GtkTextView *text = GTK_TEXT_VIEW (pb_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL));
  GListModel *model = pb_tracker_view_get_model (f->view);

  gtk_window_present (GTK_WINDOW (dialog));
  pb_test_check_labelled (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  g_assert_cmpint (pb_recommendation_dialog_get_added (dialog), ==, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Publish the sufficiency strategy.", -1);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  g_assert_cmpint (pb_recommendation_dialog_get_added (dialog), >, 0);
  g_assert_cmpint (pb_test_tracker_position_of (model, pb_recommendation_dialog_get_added (dialog)), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_object_unref (dialog);
}

/* A report's recommendations: one row each; the one Ofsted made again
 * offers its earlier self (confirmed already here), the other nothing;
 * Track All tracks the report's untracked recommendations. */
static void
test_dialog_report (PbTrackerUiFixture *f,
                    gconstpointer       data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  PbReportRecsDialog *dialog;
  GtkListBox *list;
  gint64 third;

  /* A third inspection repeats 2023's private fostering recommendation. */
  third = pb_test_rec_import (&f->rec, "2026.pdf", PB_TEST_ERA_ILACS_2026, "2 to 13 February 2026",
                              (const char * const[]) {
                                "The identification of children living in private fostering arrangements, and the "
                                "response to them.",
                                NULL });
  dialog = PB_REPORT_RECS_DIALOG (pb_report_recs_dialog_new (GTK_WINDOW (f->window), f->rec.library, NULL, third));
  gtk_window_present (GTK_WINDOW (dialog));
  list = pb_report_recs_dialog_get_list (dialog);
  pb_test_check_labelled (GTK_WIDGET (dialog));

  g_assert_cmpint (pb_report_recs_dialog_get_report (dialog), ==, third);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (list), GTK_TYPE_LABEL, "Repeated from the 2023 inspection"));

  /* Confirm: the new recommendation is tracked, linked to 2023's. */
  {
    GtkWidget *confirm = pb_test_find_button (GTK_WIDGET (list), "_Confirm");
    g_autoptr(PbRecommendationItem) fresh = NULL;

    g_assert_nonnull (confirm);
    g_signal_emit_by_name (confirm, "clicked");
    fresh = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
    g_assert_cmpuint (pb_recommendation_item_get_link_count (fresh), ==, 1);
  }
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (list), GTK_TYPE_LABEL, "Linked"));
  g_assert_null (pb_test_find_button (GTK_WIDGET (list), "_Confirm"));
  ids = pb_library_add_report_recommendations (f->rec.library, third, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);   /* Confirm tracked it already */
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A visit's letter, none of it tracked: Track All tracks both. */
  third = pb_test_rec_import (&f->rec, "visit.pdf", PB_TEST_ERA_MONITORING_VISIT, "3 and 4 June 2025",
                              (const char * const[]) { "The timeliness of return home interviews.",
                                                       "The recording of management decisions.", NULL });
  dialog = PB_REPORT_RECS_DIALOG (pb_report_recs_dialog_new (GTK_WINDOW (f->window), f->rec.library, "Fernvale",
                                                              third));
  g_assert_nonnull (pb_test_find_button (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), "_Track"));
  g_assert_null (pb_test_find_descendant (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), GTK_TYPE_LABEL,
                                          "Tracked"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.track-all", NULL));
  g_assert_null (pb_test_find_button (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), "_Track"));
  /* Each row now says it is tracked, where its Track button was. */
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), GTK_TYPE_LABEL,
                                             "Tracked"));
  g_clear_pointer (&ids, g_array_unref);
  ids = pb_library_add_report_recommendations (f->rec.library, third, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pb_tracker_view_get_model (f->view)), ==, 4 + 1 + 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The window: Ctrl+Shift+R's action shows the tracker; a report's Compare
 * shows the comparison; Track Its Recommendations tracks a report's all at
 * once; the tracker's evidence opens the reader. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The menu button whose menu offers the action. */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL &&
          menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)), action))
        return child;
      if ((found = find_menu_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_window (PbTrackerUiFixture *f,
             gconstpointer       data)
{
  gint64 third = pb_test_rec_import (&f->rec, "visit.pdf", PB_TEST_ERA_MONITORING_VISIT, "3 and 4 June 2025",
                                     (const char * const[]) { "The timeliness of return home interviews.", NULL });
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
  PbTrackerView *view = pb_window_get_tracker_view (window);
  PbCompareView *compare = pb_tracker_view_get_compare_view (view);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tracker", NULL));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "tracker");
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_TRACKER);
  g_assert_cmpuint (g_list_model_get_n_items (pb_tracker_view_get_model (view)), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-reports", "(xx)", f->first, f->second));
  g_assert_cmpint (pb_compare_view_get_after (compare), ==, f->second);

  /* A report chosen: its menu offers Compare with the Report Before and
   * Track Its Recommendations. */
  g_assert_true (pb_window_select_report (window, third));
  pb_window_set_mode (window, PB_WINDOW_MODE_LIBRARY);
  {
    GtkWidget *menu_button = find_menu_button (GTK_WIDGET (window), "win.compare-report");

    g_assert_nonnull (menu_button);
    g_assert_true (menu_button == find_menu_button (GTK_WIDGET (window), "win.track-recommendations"));
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu_button)),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
    g_assert_true (gtk_widget_get_visible (menu_button));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-report", NULL));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "tracker");
  g_assert_cmpint (pb_compare_view_get_before (compare), ==, f->second);
  g_assert_cmpint (pb_compare_view_get_after (compare), ==, third);

  g_assert_true (pb_window_select_report (window, third));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.track-recommendations", NULL));
  {
    g_autoptr(GPtrArray) recs = pb_library_list_report_recommendations (f->rec.library, third, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (recs->len, ==, 1);
    g_assert_cmpint (((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id, >, 0);
  }

  /* Evidence opens the reader at its report. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tracker", NULL));
  pb_tracker_view_show_item (view, f->repeated);
  {
    g_autoptr(PbFinding) finding = pb_library_get_finding (f->rec.library, f->evidence, NULL);
    GtkWidget *button = pb_test_find_descendant (GTK_WIDGET (pb_tracker_item_get_history (pb_tracker_view_get_item_page (view))),
                                         GTK_TYPE_BUTTON, NULL);

    /* The evidence button of the newest status. */
    g_assert_nonnull (button);
    g_assert_true (g_object_get_data (G_OBJECT (button), "finding") != NULL);
    g_assert_cmpint (pb_finding_get_id (g_object_get_data (G_OBJECT (button), "finding")), ==, pb_finding_get_id (finding));
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (window)), ==, f->second);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The window's first frame reads nothing for the tracker, hidden; shown,
 * it lists the authorities and their tracked recommendations. */
static void
test_window_tracker_when_shown (PbTrackerUiFixture *f,
                                gconstpointer       data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
  PbTrackerView *view = pb_window_get_tracker_view (window);
  GtkWidget *authority = pb_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL);
  GListModel *authorities;

  g_assert_nonnull (authority);
  authorities = gtk_drop_down_get_model (GTK_DROP_DOWN (authority));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (authorities), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tracker", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (authorities), >, 0);
  g_assert_cmpstr (pb_tracker_view_get_authority (view), ==, "Fernvale");
  g_assert_cmpuint (g_list_model_get_n_items (pb_tracker_view_get_model (view)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static gboolean
row_has_button (GtkWidget  *widget,
                const char *action,
                gint64      target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0 &&
          gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)) != NULL &&
          g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child))) == target)
        return TRUE;
      if (row_has_button (child, action, target))
        return TRUE;
    }
  return FALSE;
}

/* One by one from the suggested findings: a recommendation offered by the
 * report's structure has a Track button, a strength has not; Track follows
 * it, and the toast's Show opens its page in the tracker. */
static void
test_track_suggestion (PbTrackerUiFixture *f,
                       gconstpointer       data)
{
  gint64 third = pb_test_rec_import (&f->rec, "2026.pdf", PB_TEST_ERA_ILACS_2026, "1 to 12 June 2026",
                                     (const char * const[]) { "The timeliness of return home interviews.", NULL });
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
  PbReader *reader = pb_window_get_reader (window);
  PbFindingsPanel *panel = PB_FINDINGS_PANEL (pb_reader_get_findings_panel (reader));
  PbTrackerView *view = pb_window_get_tracker_view (window);
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (f->rec.library, third, NULL);
  g_autoptr(GPtrArray) recs = NULL;
  PbSuggestion *offered = NULL;
  guint n_before, n_other = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  n_before = g_list_model_get_n_items (pb_tracker_view_get_model (view));
  g_assert_true (pb_window_select_report (window, third));
  while (!pb_reader_get_loaded (reader))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel), ==, suggestions->len);

  for (guint i = 0; i < suggestions->len; i++)
    {
      PbSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      PbFindingKind kind = pb_finding_get_kind (pb_suggestion_get_draft (suggestion));
      gboolean trackable = kind == PB_FINDING_KIND_RECOMMENDATION || kind == PB_FINDING_KIND_AREA_FOR_IMPROVEMENT;

      g_assert_true (row_has_button (GTK_WIDGET (panel), "panel.accept-suggestion", pb_suggestion_get_id (suggestion)));
      g_assert_cmpint (row_has_button (GTK_WIDGET (panel), "panel.track-suggestion", pb_suggestion_get_id (suggestion)),
                       ==, trackable);
      if (trackable && offered == NULL)
        offered = suggestion;
      n_other += !trackable;
    }
  g_assert_nonnull (offered);
  g_assert_cmpuint (n_other, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.track-suggestion", "x",
                                             pb_suggestion_get_id (offered)));
  recs = pb_library_list_report_recommendations (f->rec.library, third, NULL);
  g_assert_cmpuint (recs->len, ==, 1);
  g_assert_cmpint (((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pb_tracker_view_get_model (view)), ==, n_before + 1);
  /* Still offered as a finding, and now says it is tracked, with a way
   * to it, in place of Track. */
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel), ==, suggestions->len);
  g_assert_false (row_has_button (GTK_WIDGET (panel), "panel.track-suggestion", pb_suggestion_get_id (offered)));
  g_assert_true (row_has_button (GTK_WIDGET (panel), "win.show-recommendation",
                                 ((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id));
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (panel), GTK_TYPE_LABEL, "Tracked"));
  /* The keyboard is on it, not lost as the panel was built again. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_has_css_class (focus, "tracked") ||
                   gtk_widget_has_css_class (gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON), "tracked"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-recommendation", "x",
                                             ((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_TRACKER);
  g_assert_cmpint (pb_tracker_view_get_shown_item (view), ==,
                   ((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static GtkWidget *
find_report_recs_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) each = g_list_model_get_item (toplevels, i);

      if (PB_IS_REPORT_RECS_DIALOG (each) && gtk_widget_get_visible (each))
        return each;
    }
  return NULL;
}

/* A suggestion tracked some other way (Track All, the command line, an
 * earlier session) says so too: when it happens, and when the report is
 * opened afresh in a new window. */
static void
test_suggestion_tracked_elsewhere (PbTrackerUiFixture *f,
                                   gconstpointer       data)
{
  gint64 third = pb_test_rec_import (&f->rec, "2026.pdf", PB_TEST_ERA_ILACS_2026, "1 to 12 June 2026",
                                     (const char * const[]) { "The timeliness of return home interviews.",
                                                              "The recording of management decisions.", NULL });
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (f->rec.library, third, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_trackable = 0;

  for (guint pass = 0; pass < 2; pass++)
    {
      PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
      PbReader *reader = pb_window_get_reader (window);
      PbFindingsPanel *panel = PB_FINDINGS_PANEL (pb_reader_get_findings_panel (reader));

      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_true (pb_window_select_report (window, third));
      while (!pb_reader_get_loaded (reader))
        g_main_context_iteration (NULL, TRUE);

      if (pass == 0)
        {
          for (guint i = 0; i < suggestions->len; i++)
            {
              PbSuggestion *each = g_ptr_array_index (suggestions, i);

              g_assert_cmpint (pb_suggestion_get_tracked_item (each), ==, 0);
              n_trackable += row_has_button (GTK_WIDGET (panel), "panel.track-suggestion", pb_suggestion_get_id (each));
            }
          g_assert_cmpuint (n_trackable, ==, 2);
          g_assert_null (pb_test_find_descendant (GTK_WIDGET (panel), GTK_TYPE_LABEL, "Tracked"));
          ids = pb_library_add_report_recommendations (f->rec.library, third, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (ids->len, ==, 2);
        }

      /* Both passes: every recommendation's suggestion says Tracked. */
      after = pb_library_list_suggestions (f->rec.library, third, NULL);
      for (guint i = 0; i < after->len; i++)
        {
          PbSuggestion *each = g_ptr_array_index (after, i);
          gint64 item = pb_suggestion_get_tracked_item (each);

          g_assert_false (row_has_button (GTK_WIDGET (panel), "panel.track-suggestion", pb_suggestion_get_id (each)));
          if (item != 0)
            g_assert_true (row_has_button (GTK_WIDGET (panel), "win.show-recommendation", item));
        }
      g_assert_true (row_has_button (GTK_WIDGET (panel), "win.show-recommendation", g_array_index (ids, gint64, 0)));
      g_assert_true (row_has_button (GTK_WIDGET (panel), "win.show-recommendation", g_array_index (ids, gint64, 1)));
      g_clear_pointer (&after, g_ptr_array_unref);

      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (window);
    }
}

/* The middle of @row in @view's coordinates. */
static void
middle_of (GtkWidget *row,
           GtkWidget *view,
           double    *x,
           double    *y)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (row, view,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &point));
  *x = point.x;
  *y = point.y;
}

/* Compare with the Report Before on the oldest report says it compared
 * with the next; and a click on the report already chosen in the
 * library, while the tracker is shown, goes back to the report (a click
 * on another row is left to the list, which chooses it). */
static void
test_window_report_again (PbTrackerUiFixture *f,
                          gconstpointer       data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
  PbLibrarySidebar *sidebar = PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window));
  PbCompareView *compare = pb_tracker_view_get_compare_view (pb_window_get_tracker_view (window));
  GtkWidget *list, *selected = NULL, *other = NULL;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (pb_window_select_report (window, f->first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-report", NULL));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_TRACKER);
  g_assert_cmpint (pb_compare_view_get_before (compare), ==, f->first);
  g_assert_cmpint (pb_compare_view_get_after (compare), ==, f->second);
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "No report of this authority is older: compared with the next"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The sidebar's list of reports, its chosen row and another. */
  list = pb_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (gtk_widget_get_height (row) <= 0)
        continue;
      if (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED)
        selected = row;
      else if (other == NULL)
        other = row;
    }
  g_assert_nonnull (selected);
  g_assert_nonnull (other);

  middle_of (other, list, &x, &y);
  g_assert_false (_pb_library_sidebar_press_at (sidebar, x, y));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_TRACKER);
  middle_of (selected, list, &x, &y);
  g_assert_true (_pb_library_sidebar_press_at (sidebar, x, y));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (window)), ==, f->first);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Tracked from a suggestion, a recommendation Ofsted made before is said
 * to be one, and the toast's Review opens the review of the report's
 * repeats; one made for the first time just says it is tracked. */
static void
test_track_offers_repeats (PbTrackerUiFixture *f,
                           gconstpointer       data)
{
  static const char * const recs[] = {
    "The identification of children living in private fostering arrangements, and the response to them.",
    "The timeliness of return home interviews.",
    NULL };
  gint64 third = pb_test_rec_import (&f->rec, "2026.pdf", PB_TEST_ERA_ILACS_2026, "2 to 13 February 2026", recs);
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->rec.library));
  PbReader *reader = pb_window_get_reader (window);
  PbFindingsPanel *panel = PB_FINDINGS_PANEL (pb_reader_get_findings_panel (reader));
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (f->rec.library, third, NULL);
  PbSuggestion *repeat = NULL, *fresh = NULL;
  GtkWidget *review, *dialog;

  g_assert_cmpuint (pb_library_count_likely_repeats (f->rec.library, third, 0, NULL), ==, 1);
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbSuggestion *each = g_ptr_array_index (suggestions, i);
      const char *quote = pb_finding_get_quote (pb_suggestion_get_draft (each));

      if (g_str_has_prefix (quote, "The identification of children"))
        repeat = each;
      else if (g_str_has_prefix (quote, "The timeliness of return home"))
        fresh = each;
    }
  g_assert_nonnull (repeat);
  g_assert_nonnull (fresh);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (pb_window_select_report (window, third));
  while (!pb_reader_get_loaded (reader))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.track-suggestion", "x",
                                             pb_suggestion_get_id (fresh)));
  g_assert_null (pb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL, "it may repeat"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.track-suggestion", "x",
                                             pb_suggestion_get_id (repeat)));
  g_assert_nonnull (pb_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "Recommendation tracked: it may repeat an earlier one"));
  review = pb_test_find_button (GTK_WIDGET (window), "_Review");
  g_assert_nonnull (review);
  g_assert_null (find_report_recs_dialog ());
  g_signal_emit_by_name (review, "clicked");
  dialog = find_report_recs_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (pb_report_recs_dialog_get_report (PB_REPORT_RECS_DIALOG (dialog)), ==, third);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static PbPackSection *
section_of (GPtrArray *sections,
            gint64     id)
{
  for (guint i = 0; i < sections->len; i++)
    if (((PbPackSection *)g_ptr_array_index (sections, i))->id == id)
      return g_ptr_array_index (sections, i);
  return NULL;
}

/* The pack editor's dialog for a Recommendations section and a comparison:
 * what is chosen is what the section keeps, and opening it again shows
 * it. */
static void
test_pack_section_dialog (PbTrackerUiFixture *f,
                          gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  gint64 pack = pb_library_create_pack (f->rec.library, "Panel", FALSE, NULL, &error);
  PbPackSectionDialog *dialog;
  AdwComboRow *authority;
  GtkSwitch *overdue;
  PbPackSection *section;
  gint64 tracker_id, comparison_id;

  g_assert_no_error (error);
  dialog = PB_PACK_SECTION_DIALOG (pb_pack_section_dialog_new (GTK_WINDOW (f->window), f->rec.library, pack,
                                                                PB_PACK_SECTION_RECOMMENDATIONS, 0));
  gtk_window_present (GTK_WINDOW (dialog));
  pb_test_check_labelled (GTK_WIDGET (dialog));
  authority = ADW_COMBO_ROW (pb_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (authority)), ==, 2);   /* every one, Fernvale */
  adw_combo_row_set_selected (authority, 1);
  overdue = GTK_SWITCH (pb_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  gtk_switch_set_active (overdue, TRUE);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "section.save", NULL));
  tracker_id = pb_pack_section_dialog_get_section (dialog);
  g_assert_cmpint (tracker_id, >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));   /* saved, it closed */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  dialog = PB_PACK_SECTION_DIALOG (pb_pack_section_dialog_new (GTK_WINDOW (f->window), f->rec.library, pack,
                                                                PB_PACK_SECTION_COMPARISON, 0));
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "section.save", NULL));
  comparison_id = pb_pack_section_dialog_get_section (dialog);
  g_assert_cmpint (comparison_id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  sections = pb_library_get_pack_sections (f->rec.library, pack, &error);
  section = section_of (sections, tracker_id);
  g_assert_cmpint (section->kind, ==, PB_PACK_SECTION_RECOMMENDATIONS);
  g_assert_cmpstr (section->title, ==, "Recommendations");
  g_assert_cmpstr (section->spec.authority, ==, "Fernvale");
  g_assert_true (section->spec.overdue);
  section = section_of (sections, comparison_id);
  g_assert_cmpint (section->kind, ==, PB_PACK_SECTION_COMPARISON);
  g_assert_cmpstr (section->spec.authority, ==, "Fernvale");
  g_assert_null (section->spec.after_sha256);

  /* Open again: what it shows. */
  dialog = PB_PACK_SECTION_DIALOG (pb_pack_section_dialog_new (GTK_WINDOW (f->window), f->rec.library, pack,
                                                                PB_PACK_SECTION_RECOMMENDATIONS, tracker_id));
  authority = ADW_COMBO_ROW (pb_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  overdue = GTK_SWITCH (pb_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (authority), ==, 1);
  g_assert_true (gtk_switch_get_active (overdue));
  gtk_window_destroy (GTK_WINDOW (dialog));
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

  add_test ("/tracker-ui/dialog-by-hand", test_dialog_by_hand);
  add_test ("/tracker-ui/dialog-report", test_dialog_report);
  add_test ("/tracker-ui/window", test_window);
  add_test ("/tracker-ui/window-tracker-when-shown", test_window_tracker_when_shown);
  add_test ("/tracker-ui/window-report-again", test_window_report_again);
  add_test ("/tracker-ui/track-suggestion", test_track_suggestion);
  add_test ("/tracker-ui/track-offers-repeats", test_track_offers_repeats);
  add_test ("/tracker-ui/suggestion-tracked-elsewhere", test_suggestion_tracked_elsewhere);
  add_test ("/tracker-ui/pack-section-dialog", test_pack_section_dialog);

  return g_test_run ();
}
