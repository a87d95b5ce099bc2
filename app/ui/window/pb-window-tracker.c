/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-sections.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"
#include "pb-window-private.h"

/* The window's ways into the recommendation tracker (pb-tracker-view.c):
 * its mode (Ctrl+Shift+R), tracking the chosen report's recommendations
 * all at once, reviewing a report's recommendations and the earlier ones
 * they may repeat (offered after an import), and comparing two reports
 * from a report's details or the grades over time. */

/**
 * pb_window_get_tracker_view:
 *
 * Returns: (transfer none): the recommendation tracker
 */
PbTrackerView *
pb_window_get_tracker_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->tracker_view;
}

static void
show_tracker (PbWindow *self)
{
  pb_window_set_mode (self, PB_WINDOW_MODE_TRACKER);
}

/* Tracks every recommendation of the report chosen; the toast offers to
 * confirm the earlier ones they may repeat, else to show them. */
static void
track_recommendations_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  PbReport *report = pb_window_get_selected_report (self);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint offered;

  if (report == NULL)
    return;
  if (!(ids = pb_library_add_report_recommendations (self->library, pb_report_get_id (report), &error)))
    {
      _pb_window_toast (self, error->message);
      return;
    }
  if (ids->len == 0)
    {
      _pb_window_toast (self, _("The library found no recommendations in this report to track"));
      return;
    }

  pb_tracker_view_refresh (self->tracker_view);
  if (pb_report_get_local_authority (report) != NULL)
    pb_tracker_view_set_authority (self->tracker_view, pb_report_get_local_authority (report));
  offered = pb_tracker_view_offer_links (self->tracker_view, pb_report_get_id (report));
  if (offered > 0)
    {
      g_autofree char *tracked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation is tracked",
                                                               "%u recommendations are tracked", ids->len), ids->len);
      /* Translators: the first %s is "N recommendations are tracked" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u may repeat an earlier one",
                                              "%s; %u may repeat earlier ones", offered), tracked, offered);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation is tracked",
                                            "%u recommendations are tracked", ids->len), ids->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, offered > 0 ? _("_Review Repeats") : _("_Show"));
  if (offered > 0)
    adw_toast_set_detailed_action_name (toast, "win.review-recommendations(int64 0)");
  else
    adw_toast_set_action_name (toast, "win.show-tracker-now");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_tracker_now_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_tracker (PB_WINDOW (widget));
}

/* One recommendation's page, as a toast elsewhere offers it. */
static void
show_recommendation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  show_tracker (self);
  pb_tracker_view_show_item (self->tracker_view, g_variant_get_int64 (parameter));
}

/* A report's recommendations and the earlier ones they may repeat: the
 * report given, or with 0 the one chosen. */
static void
review_recommendations_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  gint64 report_id = g_variant_get_int64 (parameter);
  PbReport *report = pb_window_get_selected_report (self);

  if (report_id == 0 && report != NULL)
    report_id = pb_report_get_id (report);
  show_tracker (self);
  pb_tracker_view_review_report (self->tracker_view, report_id);
}

static void
compare_reports_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  gint64 before, after;

  g_variant_get (parameter, "(xx)", &before, &after);
  show_tracker (self);
  pb_tracker_view_show_comparison (self->tracker_view, before, after);
}

/* The report chosen against the inspection before it; for the first of an
 * authority's reports, against its latest. */
static void
compare_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  PbReport *report = pb_window_get_selected_report (self);
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  gint64 before = 0, after = 0;
  gboolean compared_with_next = FALSE;

  if (report == NULL)
    return;
  spec.authority = (char *)pb_report_get_local_authority (report);
  if (spec.authority == NULL)
    {
      _pb_window_toast (self, _("The library does not know which authority this report is about"));
      return;
    }
  spec.after_sha256 = (char *)pb_report_get_sha256 (report);
  if (!pb_library_resolve_comparison (self->library, &spec, &before, &after, NULL))
    {
      spec.after_sha256 = NULL;
      spec.before_sha256 = (char *)pb_report_get_sha256 (report);
      if (!pb_library_resolve_comparison (self->library, &spec, &before, &after, NULL) || before == after)
        {
          _pb_window_toast (self, _("The library holds no other report of this authority to compare with"));
          return;
        }
      /* The oldest report has none before it: compared with the next
       * instead, which the user must be told, not left to find out. */
      compared_with_next = TRUE;
    }
  show_tracker (self);
  pb_tracker_view_show_comparison (self->tracker_view, before, after);
  if (compared_with_next)
    {
      g_autoptr(PbReport) next = pb_library_get_report (self->library, after, NULL);
      g_autofree char *message = NULL;

      /* Translators: %s is a report's title */
      message = g_strdup_printf (_("No report of this authority is older: compared with the next, “%s”"),
                                 next ? pb_report_get_title (next) : "");
      _pb_window_toast (self, message);
    }
}

/* A new report may make again what an earlier one asked for: say so, and
 * offer to review it. */
static void
import_finished_cb (PbWindow      *self,
                    gboolean       cancelled,
                    PbImportQueue *queue)
{
  gint64 report_id = pb_import_queue_get_last_report_id (queue);
  g_autofree char *message = NULL;
  g_autofree char *action = NULL;
  AdwToast *toast;
  guint offered;

  if (cancelled || report_id <= 0 || self->tracker_view == NULL)
    return;
  if ((offered = pb_tracker_view_offer_links (self->tracker_view, report_id)) == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation may repeat an earlier one",
                                          "%u recommendations may repeat earlier ones", offered),
                             offered);
  toast = adw_toast_new (message);
  /* Before the reader's own toasts about the report (suggested findings),
   * which would otherwise hold it back until it is missed. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  action = g_strdup_printf ("win.review-recommendations(int64 %" G_GINT64_FORMAT ")", report_id);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_detailed_action_name (toast, action);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pb_window_init_tracker (PbWindow *self)
{
  GtkMenuButton *compact = GTK_MENU_BUTTON (self->compact_button);
  GtkWidget *buttons[] = { self->report_menu_button, self->compact_button };
  GMenuModel *report_menu;

  /* GTK 4.8 names the report's menu buttons for screen readers, but not
   * the buttons inside them that take the focus. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *inner = gtk_widget_get_first_child (buttons[i]);

      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report Menu"), -1);
      if (inner != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report Menu"), -1);
    }

  /* On a narrow header the reading controls fold into one menu: the
   * report's own menu folds into it too, so the header never shows two
   * alike "more" buttons side by side. */
  report_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (self->report_menu_button));
  for (int i = 0; i < g_menu_model_get_n_items (report_menu); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (report_menu, i);

      g_menu_append_item (G_MENU (gtk_menu_button_get_menu_model (compact)), item);
    }
  pb_tracker_view_set_library (self->tracker_view, self->library);
  g_signal_connect_object (self->imports, "finished", G_CALLBACK (import_finished_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
_pb_window_class_init_tracker (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.show-tracker", "show-tracker");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-tracker", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-tracker-now", NULL, show_tracker_now_action);
  gtk_widget_class_install_action (widget_class, "win.track-recommendations", NULL, track_recommendations_action);
  gtk_widget_class_install_action (widget_class, "win.show-recommendation", "x", show_recommendation_action);
  gtk_widget_class_install_action (widget_class, "win.review-recommendations", "x", review_recommendations_action);
  gtk_widget_class_install_action (widget_class, "win.compare-reports", "(xx)", compare_reports_action);
  gtk_widget_class_install_action (widget_class, "win.compare-report", NULL, compare_report_action);
}
