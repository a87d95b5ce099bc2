/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-recs-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-sections.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-recs-dialog.h"
#include "pb-report-store.h"
#include "pb-toast.h"

/* A report's recommendations, to track: all at once (Track All) or one by
 * one; and, for each, the tracked recommendations of earlier reports it
 * may repeat ("Repeated from the 2019 inspection"), offered by the matcher
 * for the user to confirm. Nothing is linked until confirmed. */

struct _PbReportRecsDialog
{
  AdwWindow      parent_instance;

  PbLibrary     *library;
  GPtrArray     *reports;     /* PbAuthorityReport, as in the report row */
  gint64         report_id;
  gboolean       filling;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwComboRow   *report_row;
  GtkStringList *report_names;
  GtkLabel      *intro_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (PbReportRecsDialog, pb_report_recs_dialog, ADW_TYPE_WINDOW)

static void fill_list (PbReportRecsDialog *self);

static void
show_error (PbReportRecsDialog *self,
            const GError       *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
track_clicked_cb (GtkButton          *button,
                  PbReportRecsDialog *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  g_autoptr(GError) error = NULL;

  if (!pb_library_add_report_recommendation (self->library, self->report_id, position, &error))
    show_error (self, error);
  fill_list (self);
}

static void
confirm_clicked_cb (GtkButton          *button,
                    PbReportRecsDialog *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  gint64 earlier = *(gint64 *)g_object_get_data (G_OBJECT (button), "earlier");
  g_autoptr(GError) error = NULL;

  if (!pb_library_confirm_recommendation_link (self->library, self->report_id, position, earlier, &error))
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Linked: the history of each now shows the other")));
  fill_list (self);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
button_new (const char *label,
            const char *description)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return button;
}

/* A candidate: "Repeated from the 2019 inspection (68% alike)", its words,
 * and Confirm (or "Linked"). */
static GtkWidget *
candidate_new (PbReportRecsDialog *self,
               guint               position,
               PbLinkCandidate    *candidate)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* Translators: a possible earlier self of a recommendation: how it is linked, and how alike the words are */
  g_autofree char *title = g_strdup_printf (_("%s? (%.0f%% alike)"), candidate->summary, candidate->score * 100);
  GtkWidget *button;

  gtk_box_append (GTK_BOX (line), label_new (candidate->linked ? candidate->summary : title, "heading"));
  if (candidate->linked)
    gtk_box_append (GTK_BOX (line), label_new (_("Linked"), "dim-label"));
  else
    {
      /* Translators: a button that confirms a recommendation repeats an earlier one; %s is "Repeated from …" */
      g_autofree char *description = g_strdup_printf (_("Confirm: %s"), candidate->summary);

      button = button_new (_("_Confirm"), description);
      g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
      g_object_set_data_full (G_OBJECT (button), "earlier", g_memdup2 (&candidate->item_id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (confirm_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (line), button);
    }
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), label_new (candidate->text, "dim-label"));
  gtk_widget_add_css_class (box, "repeated-card");
  return box;
}

static GtkWidget *
row_new (PbReportRecsDialog     *self,
         PbReportRecommendation *rec,
         PbLinkSuggestion       *suggestion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *where = rec->paragraph > 0 ? g_strdup_printf (_("¶%u, page %u"), rec->paragraph, rec->page)
                                              : g_strdup_printf (_("page %u"), rec->page);

  gtk_box_append (GTK_BOX (box), label_new (rec->text, NULL));
  gtk_box_append (GTK_BOX (line), label_new (where, "dim-label"));
  if (rec->item_id != 0)
    {
      /* Tracked: a mark, where the Track button would be. */
      GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tracked"), -1);
      gtk_box_append (GTK_BOX (mark), icon);
      gtk_box_append (GTK_BOX (mark), gtk_label_new (_("Tracked")));
      gtk_widget_add_css_class (mark, "success");
      gtk_widget_add_css_class (mark, "tracked");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (line), mark);
    }
  else
    {
      GtkWidget *button = button_new (_("_Track"), _("Track this recommendation"));

      g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (rec->position));
      g_signal_connect_object (button, "clicked", G_CALLBACK (track_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (line), button);
    }
  gtk_box_append (GTK_BOX (box), line);

  for (guint i = 0; suggestion != NULL && i < suggestion->candidates->len; i++)
    gtk_box_append (GTK_BOX (box), candidate_new (self, rec->position, g_ptr_array_index (suggestion->candidates, i)));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, rec->text, -1);
  return row;
}

static void
fill_list (PbReportRecsDialog *self)
{
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_tracked = 0, n_offered = 0;
  g_autofree char *intro = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.track-all", FALSE);

  if (self->report_id == 0)
    {
      gtk_label_set_label (self->intro_label, _("Choose a report."));
      return;
    }
  if (!(recs = pb_library_list_report_recommendations (self->library, self->report_id, &error)))
    {
      gtk_label_set_label (self->intro_label, error->message);
      return;
    }
  suggestions = pb_library_suggest_recommendation_links (self->library, self->report_id, NULL);

  for (guint i = 0; i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);
      PbLinkSuggestion *suggestion = NULL;

      for (guint k = 0; suggestions != NULL && k < suggestions->len; k++)
        if (((PbLinkSuggestion *)g_ptr_array_index (suggestions, k))->position == rec->position)
          suggestion = g_ptr_array_index (suggestions, k);
      n_tracked += rec->item_id != 0;
      n_offered += suggestion != NULL && suggestion->candidates->len > 0;
      gtk_list_box_append (self->list, row_new (self, rec, suggestion));
    }

  if (recs->len == 0)
    intro = g_strdup (_("The library found no recommendations in this report. Add them by hand from the tracker."));
  else
    /* Translators: above a report's recommendations; the numbers count them */
    intro = g_strdup_printf (_("%u recommendations, %u tracked. %u may repeat a recommendation already tracked: "
                               "confirm those that do."), recs->len, n_tracked, n_offered);
  gtk_label_set_label (self->intro_label, intro);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.track-all", n_tracked < recs->len);
}

static void
report_changed_cb (PbReportRecsDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->report_row);

  if (self->filling)
    return;
  self->report_id = self->reports != NULL && selected < self->reports->len
                    ? ((PbAuthorityReport *)g_ptr_array_index (self->reports, selected))->id : 0;
  fill_list (self);
}

static void
track_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PbReportRecsDialog *self = PB_REPORT_RECS_DIALOG (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(ids = pb_library_add_report_recommendations (self->library, self->report_id, &error)))
    {
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation is tracked",
                                          "%u recommendations are tracked", ids->len), ids->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  fill_list (self);
}

static void
pb_report_recs_dialog_dispose (GObject *object)
{
  PbReportRecsDialog *self = (PbReportRecsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_REPORT_RECS_DIALOG);
  g_clear_object (&self->library);
  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_report_recs_dialog_parent_class)->dispose (object);
}

static void
pb_report_recs_dialog_class_init (PbReportRecsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_report_recs_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-report-recs-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReportRecsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PbReportRecsDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportRecsDialog, report_names);
  gtk_widget_class_bind_template_child (widget_class, PbReportRecsDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PbReportRecsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, report_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.track-all", NULL, track_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_report_recs_dialog_init (PbReportRecsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pb_report_recs_dialog_new:
 * @parent: (nullable): the window it is over
 * @authority: (nullable): whose reports to offer
 * @report_id: the report to open on, or 0 for the authority's latest
 *
 * Returns: (transfer none): a dialog over a report's recommendations
 */
GtkWidget *
pb_report_recs_dialog_new (GtkWindow  *parent,
                           PbLibrary  *library,
                           const char *authority,
                           gint64      report_id)
{
  PbReportRecsDialog *self;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint chosen = 0;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_REPORT_RECS_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);

  if (report_id > 0 && (report = pb_library_get_report (library, report_id, NULL)) != NULL &&
      pb_report_get_local_authority (report) != NULL)
    authority = pb_report_get_local_authority (report);
  self->reports = authority ? pb_library_list_authority_reports (library, authority, NULL) : NULL;
  if (self->reports == NULL)
    self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_authority_report_free);

  /* A report of no authority the structure reader knows stands alone. */
  if (report != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < self->reports->len; i++)
        listed |= ((PbAuthorityReport *)g_ptr_array_index (self->reports, i))->id == report_id;
      if (!listed)
        {
          PbAuthorityReport *alone = g_new0 (PbAuthorityReport, 1);

          alone->id = report_id;
          alone->name = g_strdup (pb_report_get_title (report));
          g_ptr_array_add (self->reports, alone);
        }
    }

  for (guint i = 0; i < self->reports->len; i++)
    {
      PbAuthorityReport *each = g_ptr_array_index (self->reports, i);

      g_strv_builder_add (names, each->name);
      if (each->id == report_id || (report_id == 0 && each->date != NULL))
        chosen = i;
    }
  strv = g_strv_builder_end (names);

  self->filling = TRUE;
  gtk_string_list_splice (self->report_names, 0, 0, (const char * const *)strv);
  adw_combo_row_set_selected (self->report_row, self->reports->len > 0 ? chosen : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  report_changed_cb (self);
  return GTK_WIDGET (self);
}

/**
 * pb_report_recs_dialog_get_report:
 *
 * Returns: the report whose recommendations are shown, or 0
 */
gint64
pb_report_recs_dialog_get_report (PbReportRecsDialog *self)
{
  g_return_val_if_fail (PB_IS_REPORT_RECS_DIALOG (self), 0);
  return self->report_id;
}

/**
 * pb_report_recs_dialog_get_list:
 *
 * Returns: (transfer none): a row for each recommendation
 */
GtkListBox *
pb_report_recs_dialog_get_list (PbReportRecsDialog *self)
{
  g_return_val_if_fail (PB_IS_REPORT_RECS_DIALOG (self), NULL);
  return self->list;
}
