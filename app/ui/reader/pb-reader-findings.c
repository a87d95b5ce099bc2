/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-highlights.h"
#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-editor.h"
#include "pb-quote-locate.h"
#include "pb-reader-private.h"
#include "pb-recommendation-store.h"
#include "pb-suggestion.h"

/* The findings of the report being read: drawn on its pages, listed in the
 * panel beside them, added from a selection, opened from their highlight,
 * deleted with Undo; and the passages the report's structure suggests,
 * accepted into the editor, tracked as recommendations or dismissed. */

void
_pb_reader_toast (PbReader *self,
                  AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
load_suggestions (PbReader *self)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  if (self->library != NULL && self->report != NULL)
    suggestions = pb_library_list_suggestions (self->library, pb_report_get_id (self->report), NULL);

  pb_findings_panel_set_suggestions (self->findings_panel, suggestions);
}

void
_pb_reader_load_findings (PbReader *self)
{
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)gdk_rgba_free);
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GListModel) pack_findings = NULL;
  g_autoptr(GListModel) drawn = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);

  if (self->library == NULL || self->report == NULL)
    {
      pb_document_view_set_findings (self->view, NULL);
      pb_findings_panel_set_model (self->findings_panel, NULL, NULL);
      return;
    }

  self->cohorts = pb_library_list_cohorts (self->library, NULL);
  for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
    {
      PbCohort *cohort = g_ptr_array_index (self->cohorts, i);
      GdkRGBA rgba;

      if (gdk_rgba_parse (&rgba, pb_cohort_get_color (cohort)))
        g_hash_table_insert (colors, g_strdup (pb_cohort_get_slug (cohort)), gdk_rgba_copy (&rgba));
    }

  g_signal_handlers_disconnect_by_func (self->library, _pb_reader_load_findings, self);
  g_signal_connect_object (self->library, "cohorts-changed", G_CALLBACK (_pb_reader_load_findings),
                           self, G_CONNECT_SWAPPED);

  self->findings = pb_finding_list_new (self->library);
  filter.report_id = pb_report_get_id (self->report);
  pb_finding_list_set_filter (self->findings, &filter);
  if (!pb_finding_list_reload (self->findings, &error))
    g_warning ("Could not read the report’s findings: %s", error->message);

  /* A report that came with a pack shows the officer's findings too,
   * drawn only: the panel lists the member's own. */
  pack_findings = pb_bundle_highlights_new (self->library, pb_report_get_sha256 (self->report), colors);
  if (pack_findings != NULL)
    {
      GListStore *both = g_list_store_new (G_TYPE_LIST_MODEL);

      g_list_store_append (both, self->findings);
      g_list_store_append (both, pack_findings);
      drawn = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (both)));
    }

  pb_document_view_set_cohort_colors (self->view, colors);
  pb_document_view_set_findings (self->view, drawn ? drawn : G_LIST_MODEL (self->findings));
  pb_findings_panel_set_model (self->findings_panel, G_LIST_MODEL (self->findings), self->cohorts);
  load_suggestions (self);
}

void
_pb_reader_clear_findings (PbReader *self)
{
  if (self->view != NULL)
    pb_document_view_set_findings (self->view, NULL);
  if (self->findings_panel != NULL)
    pb_findings_panel_set_model (self->findings_panel, NULL, NULL);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  g_clear_object (&self->pending_show);
}

/* Once the report is open: say that the panel has passages to look at, if
 * it has nothing else yet. */
void
_pb_reader_offer_suggestions (PbReader *self)
{
  guint n = pb_findings_panel_get_n_suggestions (self->findings_panel);
  g_autofree char *message = NULL;

  if (n == 0 || pb_findings_panel_get_n_shown (self->findings_panel) > 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u suggested finding, in the findings panel",
                                          "%u suggested findings, in the findings panel", n),
                             n);
  _pb_reader_toast (self, adw_toast_new (message));
}

/**
 * pb_reader_undo_last_delete:
 *
 * Puts back the findings deleted last, as the toast's Undo does.
 *
 * Returns: whether there was something to put back and it went back
 */
gboolean
pb_reader_undo_last_delete (PbReader *self)
{
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_READER (self), FALSE);

  if (self->library == NULL || self->last_deleted == NULL)
    return FALSE;

  deleted = g_steal_pointer (&self->last_deleted);
  if (!pb_library_restore_findings (self->library, deleted, &error))
    {
      _pb_reader_toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  return TRUE;
}

static void
undo_clicked_cb (AdwToast *toast,
                 PbReader *self)
{
  pb_reader_undo_last_delete (self);
}

static void
delete_requested_cb (PbReader        *self,
                     PbFinding       *finding,
                     PbFindingEditor *editor)
{
  gint64 id = pb_finding_get_id (finding);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *notice;

  if (!(deleted = pb_library_delete_findings (self->library, &id, 1, &error)))
    {
      _pb_reader_toast (self, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  self->last_deleted = g_ptr_array_ref (deleted);

  notice = adw_toast_new (_("Finding deleted"));
  adw_toast_set_button_label (notice, _("_Undo"));
  adw_toast_set_priority (notice, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (notice, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  _pb_reader_toast (self, notice);
}

static PbFindingEditor *
open_editor (PbReader  *self,
             PbFinding *finding)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PbFindingEditor *editor;

  editor = pb_finding_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library, finding);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* One space between words: a quote keeps the words, not the line breaks. */
static char *
normalize_quote (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);

  return g_strdup (g_strstrip (joined));
}

/**
 * pb_reader_add_finding:
 *
 * Opens the editor for a new finding on the selected passage.
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL with no selection
 */
PbFindingEditor *
pb_reader_add_finding (PbReader *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(GString) quote = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (PB_IS_READER (self), NULL);

  if (self->document == NULL)
    return NULL;

  spans = pb_document_view_get_selection (self->view);
  if (spans->len == 0)
    return NULL;

  anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  quote = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      PbSelectionSpan *span = g_ptr_array_index (spans, i);

      for (guint r = 0; r < span->rects->len; r++)
        {
          PbAnchor anchor = { span->page + 1, g_array_index (span->rects, PbRect, r) };
          g_array_append_val (anchors, anchor);
        }
      g_string_append_printf (quote, "%s ", span->text);
    }

  clean = normalize_quote (quote->str);
  if (*clean == '\0' || anchors->len == 0)
    return NULL;

  finding = pb_finding_new ();
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (self->report));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, clean);

  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  pb_document_view_clear_selection (self->view);

  return open_editor (self, finding);
}

static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pb_reader_add_finding (PB_READER (widget));
}

static void
selection_finished_cb (PbReader *self)
{
  GdkRectangle area;
  graphene_point_t point;

  if (!pb_document_view_get_selection_area (self->view, &area))
    return;

  /* The popover hangs from the reader; translate from the view. */
  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (area.x, area.y), &point))
    return;

  area.x = (int)point.x;
  area.y = (int)point.y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->selection_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

static void
context_menu_cb (PbReader *self,
                 double    x,
                 double    y)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float)x, (float)y), &point))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int)point.x, (int)point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

/* A finding made from a suggestion: the suggestion is settled. */
static void
suggestion_added_cb (PbReader        *self,
                     PbFinding       *finding,
                     PbFindingEditor *editor)
{
  pb_library_close_suggestion (self->library, pb_finding_editor_get_suggestion_id (editor), TRUE, NULL);
  load_suggestions (self);
}

static void
suggestion_accepted_cb (PbReader     *self,
                        PbSuggestion *suggestion)
{
  g_autoptr(PbFinding) draft = pb_finding_copy (pb_suggestion_get_draft (suggestion));
  PbFindingEditor *editor;

  /* Read from the structure, it has words but no place yet: find them. */
  if (pb_finding_get_anchors (draft)->len == 0)
    {
      g_autofree char *path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));
      g_autoptr(GArray) anchors = pb_pdf_locate_quote (path, self->password, pb_finding_get_page (draft),
                                                       pb_finding_get_quote (draft), NULL);

      if (anchors != NULL)
        pb_finding_set_anchors (draft, (PbAnchor *)(gpointer)anchors->data, anchors->len);
    }

  editor = open_editor (self, draft);
  pb_finding_editor_set_suggestion_id (editor, pb_suggestion_get_id (suggestion));
  g_signal_connect_object (editor, "added", G_CALLBACK (suggestion_added_cb), self, G_CONNECT_SWAPPED);
}

static void
suggestion_dismissed_cb (PbReader     *self,
                         PbSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_close_suggestion (self->library, pb_suggestion_get_id (suggestion), FALSE, &error))
    _pb_reader_toast (self, adw_toast_new (error->message));
  load_suggestions (self);
}

/* Tracked from the suggestion alone: the item keeps the report's page and
 * the section's cohort, and the toast leads to it. */
static void
track_suggestion_cb (PbReader     *self,
                     PbSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  AdwToast *toast;
  gint64 id;

  if (!(id = pb_library_add_recommendation_from_suggestion (self->library, pb_suggestion_get_id (suggestion),
                                                            &error)))
    {
      _pb_reader_toast (self, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (_("Recommendation tracked"));
  action = g_strdup_printf ("win.show-recommendation(int64 %" G_GINT64_FORMAT ")", id);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_detailed_action_name (toast, action);
  _pb_reader_toast (self, toast);
}

static void
view_finding_activated_cb (PbReader  *self,
                           PbFinding *finding)
{
  /* An officer's finding from a pack is there to read, not to edit. */
  if (pb_bundle_finding_is_from_pack (finding))
    return;
  open_editor (self, finding);
}

static void
panel_finding_activated_cb (PbReader  *self,
                            PbFinding *finding)
{
  pb_document_view_show_finding (self->view, finding);
}

/**
 * pb_reader_get_findings:
 *
 * Returns: (transfer none) (nullable): the findings of the report being read
 */
GListModel *
pb_reader_get_findings (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->findings ? G_LIST_MODEL (self->findings) : NULL;
}

/**
 * pb_reader_get_findings_panel:
 *
 * Returns: (transfer none): the panel listing the report's findings
 */
GtkWidget *
pb_reader_get_findings_panel (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return GTK_WIDGET (self->findings_panel);
}

void
_pb_reader_class_init_findings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, selection_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.add-finding", NULL, add_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
}

void
_pb_reader_init_findings (PbReader *self)
{
  g_signal_connect_object (self->findings_panel, "suggestion-accepted",
                           G_CALLBACK (suggestion_accepted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "suggestion-dismissed",
                           G_CALLBACK (suggestion_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "track-suggestion",
                           G_CALLBACK (track_suggestion_cb), self, G_CONNECT_SWAPPED);
}
