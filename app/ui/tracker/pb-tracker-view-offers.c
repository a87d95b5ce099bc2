/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-recommendation-dialog.h"
#include "pb-recommendation-links.h"
#include "pb-report-recs-dialog.h"
#include "pb-tracker-view-private.h"

/* Ways into the tracker: a recommendation added by hand (from the
 * council's action plan), a report's recommendations tracked, and the
 * offer, above the table, to review a report just imported whose
 * recommendations may repeat tracked ones. */

static void
add_by_hand_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbTrackerView *self = PB_TRACKER_VIEW (widget);
  GtkWidget *dialog;

  if (self->library == NULL)
    return;
  dialog = pb_recommendation_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->library,
                                         pb_tracker_view_get_authority (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_from_report_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  pb_tracker_view_review_report (PB_TRACKER_VIEW (widget), 0);
}

static void
review_offer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PbTrackerView *self = PB_TRACKER_VIEW (widget);

  gtk_revealer_set_reveal_child (self->offer_revealer, FALSE);
  pb_tracker_view_review_report (self, self->offer_report_id);
}

/* The view's actions that add recommendations. */
void
_pb_tracker_view_install_offer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tracker.add-by-hand", NULL, add_by_hand_action);
  gtk_widget_class_install_action (widget_class, "tracker.add-from-report", NULL, add_from_report_action);
  gtk_widget_class_install_action (widget_class, "tracker.review-offer", NULL, review_offer_action);
}

/**
 * pb_tracker_view_offer_links:
 * @report_id: a report just imported
 *
 * Offers, above the table, to review the report's recommendations that may
 * repeat tracked ones ("repeated from the 2019 inspection"); nothing is
 * linked until the user confirms it.
 *
 * Returns: how many of its recommendations may repeat a tracked one
 */
guint
pb_tracker_view_offer_links (PbTrackerView *self,
                             gint64         report_id)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), 0);

  if (self->library == NULL || !(suggestions = pb_library_suggest_recommendation_links (self->library, report_id, NULL)))
    return 0;
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->candidates->len > 0 && !((PbLinkCandidate *)g_ptr_array_index (suggestion->candidates, 0))->linked)
        n++;
    }

  self->offer_report_id = report_id;
  if (n > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A recommendation of the report just imported may repeat one already "
                                           "tracked. Ofsted repeating a recommendation is worth the panel’s notice.",
                                           "%u recommendations of the report just imported may repeat ones already "
                                           "tracked. Ofsted repeating a recommendation is worth the panel’s notice.",
                                           n), n);
      gtk_label_set_label (self->offer_label, text);
    }
  gtk_revealer_set_reveal_child (self->offer_revealer, n > 0);
  return n;
}

/**
 * pb_tracker_view_review_report:
 * @report_id: a report, or 0 to choose one of the authority's
 *
 * Opens a report's recommendations to track them, all at once or one by
 * one, and to confirm the earlier ones they repeat.
 */
void
pb_tracker_view_review_report (PbTrackerView *self,
                               gint64         report_id)
{
  GtkWidget *dialog;

  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  if (self->library == NULL)
    return;
  dialog = pb_report_recs_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library,
                                      pb_tracker_view_get_authority (self), report_id);
  gtk_window_present (GTK_WINDOW (dialog));
}
