/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-recommendation-dialog.h"
#include "pb-recommendation-store.h"
#include "pb-toast.h"

/* A recommendation entered by hand: from the council's own action plan, a
 * cabinet report, or a report whose list the structure reader missed. The
 * store checks what is entered; its sentence is shown above the form,
 * scrolled into view, and a date it refuses turns its row red. */

struct _PbRecommendationDialog
{
  AdwWindow      parent_instance;

  PbLibrary     *library;
  GPtrArray     *cohorts;    /* PbCohort, a check button each */
  GPtrArray     *checks;     /* GtkCheckButton, by cohort */
  gint64         added;

  /* Template children */
  GtkScrolledWindow *scroller;
  GtkLabel      *error_label;
  GtkTextView   *text_view;
  AdwEntryRow   *authority_row;
  AdwEntryRow   *source_row;
  AdwEntryRow   *source_date_row;
  AdwPreferencesGroup *cohorts_group;
  AdwEntryRow   *owner_row;
  AdwEntryRow   *due_row;
  GtkSwitch     *exempt_switch;
};

G_DEFINE_FINAL_TYPE (PbRecommendationDialog, pb_recommendation_dialog, ADW_TYPE_WINDOW)

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PbRecommendationDialog *self = PB_RECOMMENDATION_DIALOG (widget);
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (slugs, (gpointer)pb_cohort_get_slug (g_ptr_array_index (self->cohorts, i)));
  g_ptr_array_add (slugs, NULL);

  draft.authority = entry_text (self->authority_row);
  draft.text = text;
  draft.cohorts = (const char * const *)slugs->pdata;
  draft.owner = entry_text (self->owner_row);
  draft.due = entry_text (self->due_row);
  draft.source_label = entry_text (self->source_row);
  draft.source_date = entry_text (self->source_date_row);
  draft.exempt = gtk_switch_get_active (self->exempt_switch);

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->source_date_row), "error");
  if (!(self->added = pb_library_add_recommendation (self->library, &draft, &error)))
    {
      /* The store names the field in its sentence; the row says it too. */
      if (draft.due != NULL && !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_DUE, draft.due, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      if (draft.source_date != NULL &&
          !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_SOURCE, draft.source_date, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->source_date_row), "error");
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* The sentence is above the form, often scrolled away by the time
       * Add is pressed. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      return;
    }
  pb_show_toast (widget, adw_toast_new (_("Recommendation added to the tracker")));
  gtk_window_close (GTK_WINDOW (self));
}

static void
pb_recommendation_dialog_dispose (GObject *object)
{
  PbRecommendationDialog *self = (PbRecommendationDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_RECOMMENDATION_DIALOG);
  g_clear_object (&self->library);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_recommendation_dialog_parent_class)->dispose (object);
}

static void
pb_recommendation_dialog_class_init (PbRecommendationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_recommendation_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-recommendation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, source_date_row);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, cohorts_group);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, PbRecommendationDialog, exempt_switch);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.add", NULL);
}

static void
pb_recommendation_dialog_init (PbRecommendationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

/**
 * pb_recommendation_dialog_new:
 * @parent: (nullable): the window it is over
 * @authority: (nullable): the authority to suggest
 *
 * Returns: (transfer none): a dialog to enter a recommendation by hand
 */
GtkWidget *
pb_recommendation_dialog_new (GtkWindow  *parent,
                              PbLibrary  *library,
                              const char *authority)
{
  PbRecommendationDialog *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_RECOMMENDATION_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  gtk_editable_set_text (GTK_EDITABLE (self->authority_row), authority ? authority : "");

  self->cohorts = pb_library_list_cohorts (library, NULL);
  for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pb_cohort_get_name (g_ptr_array_index (self->cohorts, i)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pb_cohort_get_name (g_ptr_array_index (self->cohorts, i)), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->cohorts_group, row);
      g_ptr_array_add (self->checks, check);
    }
  return GTK_WIDGET (self);
}

/**
 * pb_recommendation_dialog_get_added:
 *
 * Returns: the recommendation added, or 0 until one is
 */
gint64
pb_recommendation_dialog_get_added (PbRecommendationDialog *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_DIALOG (self), 0);
  return self->added;
}
