/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "pb-compare-view.h"
#include "pb-finding-store.h"
#include "pb-findings-panel.h"
#include "pb-reader.h"
#include "pb-suggestion.h"
#include "pb-pack-section-dialog.h"
#include "pb-pack-sections.h"
#include "pb-pack-store.h"
#include "pb-recommendation-dialog.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-report-store.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-recs-dialog.h"
#include "pb-status-badge.h"
#include "pb-test-recommendations.h"
#include "pb-test-util.h"
#include "pb-tracker-item.h"
#include "pb-tracker-view.h"
#include "pb-window.h"

/* The recommendation tracker's widgets: the table and its filters, a
 * recommendation's page (Set Status with Undo, its history and evidence),
 * the narrow list, the comparison of two reports, the dialogs that add
 * recommendations and confirm links, and the window's ways in. Every
 * template is built here, and any GTK warning fails the test. */

typedef struct
{
  PbRecFixture  rec;
  gint64        first;       /* Fernvale's 2019 inspection */
  gint64        second;      /* and 2023's */
  gint64        earlier;     /* the 2019 pathway plans item */
  gint64        repeated;    /* its 2023 repetition, linked */
  gint64        fresh;       /* 2023's new one: overdue */
  gint64        evidence;    /* a finding evidencing the repetition */
  GtkWidget    *window;
  PbTrackerView *view;
} Fixture;

static const char * const recs_2019[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "The sufficiency of local homes for children in care, so that fewer live a long way from Fernvale.",
  NULL
};

static const char * const recs_2023[] = {
  "Ensure that pathway plans for care leavers are of consistently good quality and are written with young people.",
  "The identification and response to children who live in private fostering arrangements.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  pb_rec_fixture_setup (&f->rec, NULL);
  f->first = pb_test_rec_import (&f->rec, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", recs_2019);
  f->second = pb_test_rec_import (&f->rec, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", recs_2023);
  ids = pb_library_add_report_recommendations (f->rec.library, f->first, &error);
  g_assert_no_error (error);
  f->earlier = g_array_index (ids, gint64, 0);
  f->repeated = pb_library_confirm_recommendation_link (f->rec.library, f->second, 0, f->earlier, &error);
  g_assert_no_error (error);
  f->fresh = pb_library_add_report_recommendation (f->rec.library, f->second, 1, &error);
  g_assert_no_error (error);

  f->evidence = pb_test_rec_add_finding (&f->rec, f->second, 2, "Pathway plans are now reviewed every month.", FALSE);
  update.status = PB_RECOMMENDATION_STATUS_IN_PROGRESS;
  update.date = "2024-02-01";
  update.note = "Audit under way";
  update.evidence = &f->evidence;
  update.n_evidence = 1;
  g_assert_true (pb_library_update_recommendation (f->rec.library, f->repeated, &update, NULL, &error));
  update = (PbRecommendationUpdate) PB_RECOMMENDATION_UPDATE_INIT;
  update.due = "2020-01-31";
  g_assert_true (pb_library_update_recommendation (f->rec.library, f->fresh, &update, NULL, &error));
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  f->view = PB_TRACKER_VIEW (pb_tracker_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  pb_tracker_view_set_library (f->view, f->rec.library);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Every widget let go of the library: nothing leaks it. */
  pb_test_wait_for_finalize (f->rec.library);
  pb_test_remove_dir (f->rec.dir);
  g_free (f->rec.dir);
}

static gint
position_of (GListModel *model,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PbRecommendationItem) item = g_list_model_get_item (model, i);

      if (pb_recommendation_item_get_id (item) == id)
        return (gint)i;
    }
  return -1;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* Exactly: a GtkColumnView holds a GtkListView of its own kind. */
      if (G_OBJECT_TYPE (child) == type &&
          (label == NULL || (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), label))))
        return child;
      if ((found = find_descendant (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The first button, below @widget, whose label is @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkDropDown *
dropdown (Fixture    *f,
          const char *tooltip)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *each = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_DROP_DOWN (each) && g_strcmp0 (gtk_widget_get_tooltip_text (each), tooltip) == 0)
        return GTK_DROP_DOWN (each);
      for (GtkWidget *child = gtk_widget_get_first_child (each); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_not_reached ();
}

/* Fernvale's four recommendations, in the tracker's order; each filter
 * narrows the table with one change of the list. */
static void
test_table_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *model = pb_tracker_view_get_model (f->view);
  GtkDropDown *status = dropdown (f, "Status");
  GtkDropDown *cohort = dropdown (f, "Cohort");
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
  g_assert_cmpint (position_of (model, f->repeated), ==, 0);

  gtk_drop_down_set_selected (status, 0);
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (added, ==, 4);

  /* Only the overdue: the one due in January 2020. */
  {
    GtkWidget *overdue = find_button (GTK_WIDGET (f->view), "_Overdue");

    g_assert_nonnull (overdue);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpint (position_of (model, f->fresh), ==, 0);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
  }

  /* A cohort: those the structure reader tagged for care leavers. */
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (cohort)); i++)
    if (g_str_equal (gtk_string_object_get_string (g_list_model_get_item (gtk_drop_down_get_model (cohort), i)),
                     "Care leavers"))
      gtk_drop_down_set_selected (cohort, i);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (position_of (model, f->earlier), >=, 0);
  g_assert_cmpint (position_of (model, f->repeated), >=, 0);
  gt_signal_logger_free (g_steal_pointer (&logger));
}

static PbTrackerItem *
open_item (Fixture *f,
           gint64   id)
{
  GListModel *model = pb_tracker_view_get_model (f->view);

  /* As a row activated with Enter or a click. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL), "activate",
                         (guint)position_of (model, id));
  g_assert_cmpint (pb_tracker_view_get_shown_item (f->view), ==, id);
  return pb_tracker_view_get_item_page (f->view);
}

/* Set Status is one action: the library records it, the table changes
 * that one row once, the page and its history say it; Undo takes it back;
 * Escape goes back to the table with the row chosen. */
static void
test_status_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *model = pb_tracker_view_get_model (f->view);
  g_autoptr(PbRecommendationItem) after = NULL;
  g_autoptr(PbRecommendationItem) undone = NULL;
  PbTrackerItem *page = open_item (f, f->repeated);
  GtkWidget *badge = find_descendant (GTK_WIDGET (page), PB_TYPE_STATUS_BADGE, NULL);
  GtkListBoxRow *newest;
  guint position = 0, removed = 0, added = 0;
  gint row = position_of (model, f->repeated);

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
  g_assert_nonnull (find_descendant (GTK_WIDGET (newest), PB_TYPE_STATUS_BADGE, NULL));
  g_assert_cmpstr (pb_status_badge_get_text (PB_STATUS_BADGE (find_descendant (GTK_WIDGET (newest), PB_TYPE_STATUS_BADGE,
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
test_history_evidence (Fixture       *f,
                       gconstpointer  data)
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
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "Repeated from the 2019 inspection"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 1));
  g_assert_nonnull (find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 1)), GTK_TYPE_LABEL,
                                     "Repeated from the 2019 inspection"));
  evidence = find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_BUTTON, NULL);
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
  g_assert_nonnull (find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_LABEL,
                                     "A care leavers’ forum"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), GTK_TYPE_LABEL,
                                     "Not for publication"));
  g_assert_null (find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 1)), GTK_TYPE_LABEL,
                                  "Not for publication"));
}

/* At 360 pixels the table gives way to a list of rows, the filters to two
 * lines; at 1100 the table comes back. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *column_view = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL);
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

/* Every control a user can reach says what it is: by its words, or for
 * screen readers by an accessible label. */
static void
check_labelled (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child))
        {
          gboolean worded = GTK_IS_MENU_BUTTON (child)
                            ? gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL
                            : (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL) ||
                              find_descendant (child, GTK_TYPE_LABEL, NULL) != NULL;
          gboolean labelled = gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);

          if (!worded && !labelled && gtk_widget_get_visible (child))
            g_error ("%s in %s in %s (%s) has no words and no accessible label", G_OBJECT_TYPE_NAME (child),
                     G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                     gtk_widget_get_tooltip_text (child));
          /* GTK 4.8 gives a menu button's own button no name of its own. */
          if (GTK_IS_MENU_BUTTON (child) && !worded)
            {
              GtkWidget *inner = gtk_widget_get_first_child (child);

              g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL));
            }
          if (GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child))
            continue;
        }
      check_labelled (child);
    }
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  check_labelled (GTK_WIDGET (f->view));
  open_item (f, f->repeated);
  check_labelled (GTK_WIDGET (pb_tracker_view_get_item_page (f->view)));
  pb_tracker_view_show_comparison (f->view, f->first, f->second);
  check_labelled (GTK_WIDGET (pb_tracker_view_get_compare_view (f->view)));
}

/* Two reports compared: the summary of recommendations made again, new and
 * no longer made; every paragraph and recommendation a button that opens
 * its report at its page. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
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
  g_assert_nonnull (find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_LABEL, "Made again (1)"));
  g_assert_nonnull (find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_LABEL, recs_2023[1]));

  button = find_descendant (pb_compare_view_get_content (compare), GTK_TYPE_BUTTON, NULL);
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

/* A recommendation by hand: the store's sentence when it lacks words; once
 * added, it is in the table. */
static void
test_dialog_by_hand (Fixture       *f,
                     gconstpointer  data)
{
  PbRecommendationDialog *dialog = PB_RECOMMENDATION_DIALOG (pb_recommendation_dialog_new (GTK_WINDOW (f->window),
                                                                                           f->rec.library, "Fernvale"));
  GtkTextView *text = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL));
  GListModel *model = pb_tracker_view_get_model (f->view);

  gtk_window_present (GTK_WINDOW (dialog));
  check_labelled (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  g_assert_cmpint (pb_recommendation_dialog_get_added (dialog), ==, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Publish the sufficiency strategy.", -1);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  g_assert_cmpint (pb_recommendation_dialog_get_added (dialog), >, 0);
  g_assert_cmpint (position_of (model, pb_recommendation_dialog_get_added (dialog)), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_object_unref (dialog);
}

/* A report's recommendations: one row each; the one Ofsted made again
 * offers its earlier self (confirmed already here), the other nothing;
 * Track All tracks the report's untracked recommendations. */
static void
test_dialog_report (Fixture       *f,
                    gconstpointer  data)
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
  check_labelled (GTK_WIDGET (dialog));

  g_assert_cmpint (pb_report_recs_dialog_get_report (dialog), ==, third);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (find_descendant (GTK_WIDGET (list), GTK_TYPE_LABEL, "Repeated from the 2023 inspection"));

  /* Confirm: the new recommendation is tracked, linked to 2023's. */
  {
    GtkWidget *confirm = find_button (GTK_WIDGET (list), "_Confirm");
    g_autoptr(PbRecommendationItem) fresh = NULL;

    g_assert_nonnull (confirm);
    g_signal_emit_by_name (confirm, "clicked");
    fresh = pb_library_get_recommendation (f->rec.library, f->fresh, NULL);
    g_assert_cmpuint (pb_recommendation_item_get_link_count (fresh), ==, 1);
  }
  g_assert_nonnull (find_descendant (GTK_WIDGET (list), GTK_TYPE_LABEL, "Linked"));
  g_assert_null (find_button (GTK_WIDGET (list), "_Confirm"));
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
  g_assert_nonnull (find_button (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), "_Track"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.track-all", NULL));
  g_assert_null (find_button (GTK_WIDGET (pb_report_recs_dialog_get_list (dialog)), "_Track"));
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
test_window (Fixture       *f,
             gconstpointer  data)
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
    GtkWidget *button = find_descendant (GTK_WIDGET (pb_tracker_item_get_history (pb_tracker_view_get_item_page (view))),
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

/* Many recommendations: the table starts with the rows a window shows and
 * adds the rest a frame at a time, so that opening it does not wait for GTK
 * to build 200 rows; the count is known at once, and every row comes. */
static void
test_many (Fixture       *f,
           gconstpointer  data)
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
test_track_suggestion (Fixture       *f,
                       gconstpointer  data)
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
  /* Still offered as a finding. */
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel), ==, suggestions->len);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-recommendation", "x",
                                             ((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_TRACKER);
  g_assert_cmpint (pb_tracker_view_get_shown_item (view), ==,
                   ((PbReportRecommendation *)g_ptr_array_index (recs, 0))->item_id);

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
test_pack_section_dialog (Fixture       *f,
                          gconstpointer  data)
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
  check_labelled (GTK_WIDGET (dialog));
  authority = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (authority)), ==, 2);   /* every one, Fernvale */
  adw_combo_row_set_selected (authority, 1);
  overdue = GTK_SWITCH (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
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
  authority = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  overdue = GTK_SWITCH (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (authority), ==, 1);
  g_assert_true (gtk_switch_get_active (overdue));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/tracker-ui/table-filters", Fixture, NULL, fixture_setup, test_table_filters, fixture_teardown);
  g_test_add ("/tracker-ui/status-undo", Fixture, NULL, fixture_setup, test_status_undo, fixture_teardown);
  g_test_add ("/tracker-ui/history-evidence", Fixture, NULL, fixture_setup, test_history_evidence, fixture_teardown);
  g_test_add ("/tracker-ui/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/tracker-ui/accessible", Fixture, NULL, fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/tracker-ui/compare", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/tracker-ui/dialog-by-hand", Fixture, NULL, fixture_setup, test_dialog_by_hand, fixture_teardown);
  g_test_add ("/tracker-ui/dialog-report", Fixture, NULL, fixture_setup, test_dialog_report, fixture_teardown);
  g_test_add ("/tracker-ui/window", Fixture, NULL, fixture_setup, test_window, fixture_teardown);
  g_test_add ("/tracker-ui/many", Fixture, NULL, fixture_setup, test_many, fixture_teardown);
  g_test_add ("/tracker-ui/track-suggestion", Fixture, NULL, fixture_setup, test_track_suggestion, fixture_teardown);
  g_test_add ("/tracker-ui/pack-section-dialog", Fixture, NULL, fixture_setup, test_pack_section_dialog,
              fixture_teardown);

  return g_test_run ();
}
