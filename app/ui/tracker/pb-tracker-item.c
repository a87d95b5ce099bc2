/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-item"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-status-badge.h"
#include "pb-toast.h"
#include "pb-tracker-item-private.h"
#include "pb-tracker-view-private.h"

/* One tracked recommendation on a page of its own: its words, where it
 * stands (a badge that says it) and since when; where it comes from (and
 * Open, to read it in its report), its cohorts, owner and due date; a form
 * to record an update (a status with a date, a note and the findings that
 * evidence it); and its history, newest first, each piece of evidence a
 * button that opens it at its passage. A recommendation Ofsted made again
 * says so first. Setting a status is one action (Set Status), and every
 * change can be undone from its toast. */


G_DEFINE_FINAL_TYPE (PbTrackerItem, pb_tracker_item, GTK_TYPE_WIDGET)

guint _pb_tracker_item_signals [N_SIGNALS];

void
_pb_tracker_item_show_error (PbTrackerItem *self,
                             const GError  *error)
{
  pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Undo */

static void
undo_clicked_cb (AdwToast      *toast,
                 PbTrackerItem *self)
{
  PbRecommendationUndo *undo = g_object_get_data (G_OBJECT (toast), "undo");

  /* Only the latest change's toast may undo: an older one would undo
   * something changed since. */
  if (undo == NULL || undo != self->last_undo)
    return;
  pb_tracker_item_undo (self);
}

static void
show_undo_toast (PbTrackerItem        *self,
                 const char           *message,
                 PbRecommendationUndo *undo)
{
  AdwToast *toast = adw_toast_new (message);

  g_clear_pointer (&self->last_undo, pb_recommendation_undo_free);
  self->last_undo = undo;
  g_object_set_data (G_OBJECT (toast), "undo", undo);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  pb_show_toast (GTK_WIDGET (self), toast);
}

/**
 * pb_tracker_item_undo:
 *
 * Takes back the latest change made on this page, as its toast's Undo
 * does.
 *
 * Returns: whether there was one and it was taken back
 */
gboolean
pb_tracker_item_undo (PbTrackerItem *self)
{
  g_autoptr(PbRecommendationUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_TRACKER_ITEM (self), FALSE);

  if (!(undo = g_steal_pointer (&self->last_undo)))
    return FALSE;
  if (!pb_library_undo_recommendation_update (self->library, undo, &error))
    {
      _pb_tracker_item_show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
undo_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return pb_tracker_item_undo (PB_TRACKER_ITEM (widget));
}

/* Applies @update with an Undo toast; an error is shown as a toast, or
 * passed on in @error_out when given. */
static gboolean
apply_update_full (PbTrackerItem                 *self,
                   const PbRecommendationUpdate  *update,
                   const char                    *message,
                   GError                       **error_out)
{
  PbRecommendationUndo *undo = NULL;
  g_autoptr(GError) error = NULL;

  if (self->item == NULL)
    return FALSE;
  if (!pb_library_update_recommendation (self->library, pb_recommendation_item_get_id (self->item), update,
                                         &undo, &error))
    {
      if (error_out != NULL)
        g_propagate_error (error_out, g_steal_pointer (&error));
      else
        _pb_tracker_item_show_error (self, error);
      return FALSE;
    }
  show_undo_toast (self, message, undo);
  return TRUE;
}

static gboolean
apply_update (PbTrackerItem                *self,
              const PbRecommendationUpdate *update,
              const char                   *message)
{
  return apply_update_full (self, update, message, NULL);
}

/* A refused status date is said under the form, by the field, where the
 * eye is when Record is pressed (a toast would be gone before it is
 * read), and the date row turns red; cleared by the next good update. */
static void
show_update_error (PbTrackerItem *self,
                   const GError  *error)
{
  gboolean date = error != NULL && g_error_matches (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE);

  gtk_label_set_label (self->update_error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->update_error_label), error != NULL);
  if (date)
    gtk_widget_add_css_class (GTK_WIDGET (self->update_date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->update_date_row), "error");
  if (date)
    gtk_widget_grab_focus (GTK_WIDGET (self->update_date_row));
}

static char *
long_date (const char *iso)
{
  return _pb_tracker_short_date (iso);
}

/* Sets an entry row's text without showing its Apply button, which is for
 * what the user types. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
cohort_toggled_cb (GtkCheckButton *check,
                   PbTrackerItem  *self)
{
  const char *slug = g_object_get_data (G_OBJECT (check), "slug");

  if (self->filling_cohorts)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "item.toggle-cohort", "s", slug);
}

/* One check button a cohort of the library, ticked for those the item
 * concerns; built again only when the library's cohorts change, so that
 * the popover keeps its focus while the user ticks. */
static void
fill_cohorts (PbTrackerItem *self)
{
  GtkWidget *child;
  guint n = 0;

  self->filling_cohorts = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cohorts_box)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  if (self->cohorts == NULL || n != self->cohorts->len)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cohorts_box))))
        gtk_box_remove (self->cohorts_box, child);
      for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
        {
          PbCohort *cohort = g_ptr_array_index (self->cohorts, i);
          GtkWidget *check = gtk_check_button_new_with_label (pb_cohort_get_name (cohort));

          g_object_set_data_full (G_OBJECT (check), "slug", g_strdup (pb_cohort_get_slug (cohort)), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (cohort_toggled_cb), self);
          gtk_box_append (self->cohorts_box, check);
        }
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cohorts_box)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                 pb_recommendation_item_has_cohort (self->item,
                                                                    g_object_get_data (G_OBJECT (child), "slug")));
  self->filling_cohorts = FALSE;
}

static void
fill (PbTrackerItem *self)
{
  PbRecommendationItem *item = self->item;
  g_autofree char *source = pb_recommendation_item_dup_source_name (item);
  g_autofree char *location = pb_recommendation_item_dup_location (item);
  g_autofree char *where = location ? g_strdup_printf ("%s · %s", source, location) : g_strdup (source);
  g_autofree char *cohorts = pb_cohort_join_names (self->cohorts, pb_recommendation_item_get_cohorts (item), ", ");
  g_autofree char *since = NULL;
  const char *date = pb_recommendation_item_get_status_date (item);

  gtk_label_set_label (self->title_label, source);
  gtk_label_set_label (self->text_label, pb_recommendation_item_get_text (item));
  pb_status_badge_set_status (self->badge, pb_recommendation_item_get_status (item));
  if (date != NULL)
    {
      g_autofree char *day = long_date (date);
      /* Translators: since when a recommendation has stood as it does: a date */
      since = g_strdup_printf (_("since %s"), day);
    }
  gtk_label_set_label (self->status_date_label, since ? since : _("no update recorded yet"));
  gtk_widget_set_visible (self->overdue_label, pb_recommendation_item_get_overdue (item));

  adw_action_row_set_subtitle (self->source_row, where);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.open-source",
                                 pb_recommendation_item_get_report_id (item) > 0);
  adw_action_row_set_subtitle (self->cohorts_row, *cohorts ? cohorts : _("None"));
  fill_cohorts (self);
  set_entry_text (self->owner_row, pb_recommendation_item_get_owner (item));
  set_entry_text (self->due_row, pb_recommendation_item_get_due (item) ? pb_recommendation_item_get_due (item) : "");
  adw_action_row_set_subtitle (self->classification_row,
                               pb_recommendation_item_get_exempt (item)
                               ? _("Exempt: kept out of public packs") : _("Public"));
  adw_combo_row_set_selected (self->update_status_row, pb_recommendation_item_get_status (item));

  _pb_tracker_item_fill_repeated (self);
  _pb_tracker_item_fill_history (self);
}

static void
recommendation_changed_cb (PbTrackerItem *self,
                           gint64         id)
{
  g_autoptr(PbRecommendationItem) item = NULL;

  if (self->item == NULL)
    return;
  /* Links change the other item's history too: read it again whatever
   * changed. */
  if (!(item = pb_library_get_recommendation (self->library, pb_recommendation_item_get_id (self->item), NULL)))
    {
      g_signal_emit (self, _pb_tracker_item_signals [BACK_REQUESTED], 0);
      return;
    }
  g_set_object (&self->item, item);
  fill (self);
}

/* Evidence */

static void
update_evidence_row (PbTrackerItem *self)
{
  g_autofree char *text = NULL;

  if (self->evidence->len == 0)
    text = g_strdup (_("None chosen"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding chosen", "%u findings chosen",
                                         self->evidence->len), self->evidence->len);
  adw_action_row_set_subtitle (self->evidence_row, text);
}

static gboolean
evidence_chosen (PbTrackerItem *self,
                 gint64         id)
{
  for (guint i = 0; i < self->evidence->len; i++)
    if (g_array_index (self->evidence, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
evidence_toggled_cb (GtkCheckButton *check,
                     PbTrackerItem  *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (check), "finding-id");

  if (gtk_check_button_get_active (check) && !evidence_chosen (self, id))
    g_array_append_val (self->evidence, id);
  else if (!gtk_check_button_get_active (check))
    for (guint i = 0; i < self->evidence->len; i++)
      if (g_array_index (self->evidence, gint64, i) == id)
        g_array_remove_index (self->evidence, i--);
  update_evidence_row (self);
}

/* The findings matching the search, a check button each: at most a
 * hundred, most recent reports' first as the store lists them. */
static void
evidence_search_cb (PbTrackerItem *self)
{
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->evidence_search));
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))))
    gtk_list_box_remove (self->evidence_list, child);
  if (self->library == NULL)
    return;

  filter.text = text && *text ? text : NULL;
  if (!(findings = pb_library_list_findings (self->library, &filter, NULL)))
    return;
  for (guint i = 0; i < findings->len && i < 100; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *place = _pb_tracker_item_finding_place (finding);
      g_autofree char *label = g_strdup_printf ("“%s” (%s)", pb_finding_get_quote (finding), place);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gint64 id = pb_finding_get_id (finding);
      GtkWidget *text_label = gtk_widget_get_last_child (check);

      if (GTK_IS_LABEL (text_label))
        {
          gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
          gtk_label_set_lines (GTK_LABEL (text_label), 3);
          gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (text_label), 50);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), evidence_chosen (self, id));
      g_object_set_data_full (G_OBJECT (check), "finding-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (evidence_toggled_cb), self, 0);
      gtk_list_box_append (self->evidence_list, check);
    }
}

/**
 * pb_tracker_item_choose_evidence:
 * @finding_ids: (array length=n_findings): findings
 *
 * Chooses the findings as the evidence for the next update, as ticking
 * them in Evidence does.
 */
void
pb_tracker_item_choose_evidence (PbTrackerItem *self,
                                 const gint64  *finding_ids,
                                 guint          n_findings)
{
  g_return_if_fail (PB_IS_TRACKER_ITEM (self));

  g_array_set_size (self->evidence, 0);
  g_array_append_vals (self->evidence, finding_ids, n_findings);
  update_evidence_row (self);
  evidence_search_cb (self);
}

/* Actions */

/* The cohorts the structure reader guessed from the words are often wrong
 * or missing, and an item with none drops out of every cohort's view and
 * pack section: the user puts them right here. */
static void
toggle_cohort_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbTrackerItem *self = PB_TRACKER_ITEM (widget);
  const char *slug = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);
  const char * const *cohorts;
  gboolean had;
  g_autoptr(GError) error = NULL;

  if (self->item == NULL)
    return;
  cohorts = pb_recommendation_item_get_cohorts (self->item);
  had = pb_recommendation_item_has_cohort (self->item, slug);
  for (guint i = 0; cohorts != NULL && cohorts[i] != NULL; i++)
    if (!g_str_equal (cohorts[i], slug))
      g_ptr_array_add (slugs, g_strdup (cohorts[i]));
  if (!had)
    g_ptr_array_add (slugs, g_strdup (slug));
  g_ptr_array_add (slugs, NULL);
  if (!pb_library_set_recommendation_cohorts (self->library, pb_recommendation_item_get_id (self->item),
                                              (const char * const *)slugs->pdata, &error))
    {
      _pb_tracker_item_show_error (self, error);
      fill_cohorts (self);
    }
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PbTrackerItem *self = PB_TRACKER_ITEM (widget);
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  PbRecommendationStatus status;
  g_autofree char *message = NULL;

  if (!pb_recommendation_status_from_slug (g_variant_get_string (parameter, NULL), &status))
    return;
  update.status = (int)status;
  /* Translators: a toast after a recommendation's status is set; %s is the status */
  message = g_strdup_printf (_("Status set to “%s”"), pb_recommendation_status_get_label (status));
  apply_update (self, &update, message);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbTrackerItem *self = PB_TRACKER_ITEM (widget);
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->update_date_row));
  guint status = adw_combo_row_get_selected (self->update_status_row);
  g_autoptr(GError) error = NULL;

  if (status >= PB_N_RECOMMENDATION_STATUSES)
    return;
  update.status = (int)status;
  update.date = *date != '\0' ? date : NULL;
  update.note = gtk_editable_get_text (GTK_EDITABLE (self->update_note_row));
  update.evidence = (const gint64 *)(gpointer)self->evidence->data;
  update.n_evidence = self->evidence->len;
  if (!apply_update_full (self, &update, _("Update recorded"), &error))
    {
      show_update_error (self, error);
      return;
    }
  show_update_error (self, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->update_note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->update_date_row), "");
  g_array_set_size (self->evidence, 0);
  update_evidence_row (self);
  evidence_search_cb (self);
}

static void
owner_apply_cb (PbTrackerItem *self)
{
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;

  update.owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_row));
  apply_update (self, &update, _("Owner changed"));
}

static void
due_apply_cb (PbTrackerItem *self)
{
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;

  update.due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  apply_update (self, &update, *update.due ? _("Due date changed") : _("Due date cleared"));
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbTrackerItem *self = PB_TRACKER_ITEM (widget);

  if (self->item == NULL || pb_recommendation_item_get_report_id (self->item) <= 0)
    return;
  g_signal_emit (self, _pb_tracker_item_signals [OPEN_PAGE], 0, pb_recommendation_item_get_report_id (self->item),
                 MAX (pb_recommendation_item_get_page (self->item), 1));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, _pb_tracker_item_signals [BACK_REQUESTED], 0);
}

/* GObject */

static void
pb_tracker_item_dispose (GObject *object)
{
  PbTrackerItem *self = (PbTrackerItem *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_TRACKER_ITEM);
  g_clear_object (&self->item);
  g_clear_object (&self->library);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->last_undo, pb_recommendation_undo_free);

  G_OBJECT_CLASS (pb_tracker_item_parent_class)->dispose (object);
}

static void
pb_tracker_item_finalize (GObject *object)
{
  PbTrackerItem *self = (PbTrackerItem *)object;

  g_clear_pointer (&self->evidence, g_array_unref);

  G_OBJECT_CLASS (pb_tracker_item_parent_class)->finalize (object);
}

static void
pb_tracker_item_class_init (PbTrackerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_tracker_item_dispose;
  object_class->finalize = pb_tracker_item_finalize;

  /**
   * PbTrackerItem::back-requested:
   *
   * Asks to go back to the tracker's table.
   */
  _pb_tracker_item_signals [BACK_REQUESTED] =
    g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PbTrackerItem::item-activated:
   * @id: another tracked recommendation
   *
   * Asks to open the recommendation this one is linked to.
   */
  _pb_tracker_item_signals [ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbTrackerItem::finding-activated:
   * @finding: a piece of evidence
   *
   * Asks to show the finding at its passage in its report.
   */
  _pb_tracker_item_signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbTrackerItem::open-page:
   * @report_id: the report the recommendation was made in
   * @page: its page number, from 1
   *
   * Asks to open the report where the recommendation was made.
   */
  _pb_tracker_item_signals [OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  g_type_ensure (PB_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-tracker-item.ui");
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, box);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, status_button);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, repeated_box);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, repeated_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, text_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, badge);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, status_date_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, source_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, cohorts_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, owner_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, due_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, classification_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, update_status_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, update_statuses);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, update_date_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, update_error_label);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, update_note_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, evidence_search);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, history_list);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, cohorts_button);
  gtk_widget_class_bind_template_child (widget_class, PbTrackerItem, cohorts_box);
  gtk_widget_class_bind_template_callback (widget_class, owner_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_search_cb);

  gtk_widget_class_install_action (widget_class, "item.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "item.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "item.toggle-cohort", "s", toggle_cohort_action);
  gtk_widget_class_install_action (widget_class, "item.open-source", NULL, open_source_action);
  gtk_widget_class_install_action (widget_class, "item.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "item.back", NULL);
  /* The toast's Undo is at the end of the focus chain and goes away:
   * Ctrl+Z reaches it from anywhere on the page (an entry's own Ctrl+Z,
   * for its text, comes first). */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_binding, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trackeritem");
}

static void
pb_tracker_item_init (PbTrackerItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evidence = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < PB_N_RECOMMENDATION_STATUSES; i++)
    gtk_string_list_append (self->update_statuses, pb_recommendation_status_get_label (i));
  update_evidence_row (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.set-status", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.record", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.open-source", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.toggle-cohort", FALSE);
}

GtkWidget *
pb_tracker_item_new (void)
{
  return g_object_new (PB_TYPE_TRACKER_ITEM, NULL);
}

/**
 * pb_tracker_item_set_library:
 * @library: the library the recommendations are in
 */
void
pb_tracker_item_set_library (PbTrackerItem *self,
                             PbLibrary     *library)
{
  g_return_if_fail (PB_IS_TRACKER_ITEM (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;
  g_signal_connect_object (library, "recommendation-changed", G_CALLBACK (recommendation_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pb_tracker_item_set_item_id:
 * @id: a tracked recommendation
 *
 * Shows the recommendation from the top of the page; the evidence chosen
 * for an update is cleared.
 *
 * Returns: %FALSE, showing what it showed, when there is no such item
 */
gboolean
pb_tracker_item_set_item_id (PbTrackerItem *self,
                             gint64         id)
{
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_TRACKER_ITEM (self), FALSE);

  if (self->library == NULL)
    return FALSE;
  if (!(item = pb_library_get_recommendation (self->library, id, &error)))
    {
      _pb_tracker_item_show_error (self, error);
      return FALSE;
    }

  g_set_object (&self->item, item);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = pb_library_list_cohorts (self->library, NULL);
  g_array_set_size (self->evidence, 0);
  update_evidence_row (self);
  gtk_editable_set_text (GTK_EDITABLE (self->update_note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->update_date_row), "");
  show_update_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_search), "");
  evidence_search_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.set-status", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.record", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.toggle-cohort", TRUE);
  fill (self);
  /* The page is one widget for every item: left where the last item was
   * scrolled to, the new one's text and source would be off screen, and
   * its history could pass for the last one's. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

gint64
pb_tracker_item_get_item_id (PbTrackerItem *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_ITEM (self), 0);
  return self->item ? pb_recommendation_item_get_id (self->item) : 0;
}

/**
 * pb_tracker_item_focus:
 *
 * Puts the keyboard on Set Status, the page's main action.
 */
void
pb_tracker_item_focus (PbTrackerItem *self)
{
  g_return_if_fail (PB_IS_TRACKER_ITEM (self));
  gtk_widget_grab_focus (self->status_button);
}

/**
 * pb_tracker_item_get_history:
 *
 * Returns: (transfer none): the history's rows, newest first
 */
GtkListBox *
pb_tracker_item_get_history (PbTrackerItem *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_ITEM (self), NULL);
  return self->history_list;
}
