/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-test-tracker-ui.h"
#include "pb-test-util.h"

const char * const pb_test_tracker_recs_2019[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "The sufficiency of local homes for children in care, so that fewer live a long way from Fernvale.",
  NULL
};

const char * const pb_test_tracker_recs_2023[] = {
  "Ensure that pathway plans for care leavers are of consistently good quality and are written with young people.",
  "The identification and response to children who live in private fostering arrangements.",
  NULL
};

void
pb_test_tracker_setup (PbTrackerUiFixture *f,
                       gconstpointer       data)
{
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  pb_rec_fixture_setup (&f->rec, NULL);
  f->first = pb_test_rec_import (&f->rec, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", pb_test_tracker_recs_2019);
  f->second = pb_test_rec_import (&f->rec, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", pb_test_tracker_recs_2023);
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

void
pb_test_tracker_teardown (PbTrackerUiFixture *f,
                          gconstpointer       data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Every widget let go of the library: nothing leaks it. */
  pb_test_wait_for_finalize (f->rec.library);
  pb_test_remove_dir (f->rec.dir);
  g_free (f->rec.dir);
}

gint
pb_test_tracker_position_of (GListModel *model,
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

GtkWidget *
pb_test_find_descendant (GtkWidget *widget,
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
      if ((found = pb_test_find_descendant (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The first button, below @widget, whose label is @label. */
GtkWidget *
pb_test_find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = pb_test_find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

GtkDropDown *
pb_test_tracker_dropdown (PbTrackerUiFixture *f,
                          const char         *tooltip)
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

/* Every control a user can reach says what it is: by its words, or for
 * screen readers by an accessible label. */
void
pb_test_check_labelled (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child))
        {
          gboolean worded = GTK_IS_MENU_BUTTON (child)
                            ? gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL
                            : (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL) ||
                              pb_test_find_descendant (child, GTK_TYPE_LABEL, NULL) != NULL;
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
      pb_test_check_labelled (child);
    }
}
