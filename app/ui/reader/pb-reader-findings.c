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
#include "pb-finding-menu.h"
#include "pb-finding-store.h"
#include "pb-pack-menu.h"
#include "pb-pack-store.h"
#include "pb-toast.h"

/* The findings of the report being read: drawn on its pages, listed in the
 * panel beside them, added from a selection, opened, re-tagged, packed and
 * deleted (with Undo) from their highlight or their row. The passages the
 * report suggests are pb-reader-suggestions.c's. */

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

/* A pack made, renamed or removed: the findings' Add to Pack menus follow. */
static void
packs_changed_cb (PbReader *self)
{
  g_autoptr(GPtrArray) packs = NULL;

  if (self->library == NULL || self->findings == NULL)
    return;

  packs = pb_library_list_packs (self->library, NULL);
  if (packs != NULL && self->packs != NULL && packs->len == self->packs->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < packs->len; i++)
        same = pb_pack_get_id (g_ptr_array_index (packs, i)) == pb_pack_get_id (g_ptr_array_index (self->packs, i)) &&
               g_strcmp0 (pb_pack_get_title (g_ptr_array_index (packs, i)),
                          pb_pack_get_title (g_ptr_array_index (self->packs, i))) == 0;
      if (same)
        return;
    }

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  self->packs = g_steal_pointer (&packs);
  pb_findings_panel_set_model (self->findings_panel, G_LIST_MODEL (self->findings), self->cohorts, self->packs);
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
      pb_findings_panel_set_model (self->findings_panel, NULL, NULL, NULL);
      pb_text_view_set_source (self->text_view, NULL, NULL, NULL, NULL);
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
  g_signal_handlers_disconnect_by_func (self->library, packs_changed_cb, self);
  g_signal_connect_object (self->library, "cohorts-changed", G_CALLBACK (_pb_reader_load_findings),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "pack-changed", G_CALLBACK (packs_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* A recommendation tracked (or no longer) from anywhere: each
   * suggestion says whether it is. */
  g_signal_handlers_disconnect_by_func (self->library, _pb_reader_load_suggestions, self);
  g_signal_connect_object (self->library, "recommendation-changed", G_CALLBACK (_pb_reader_load_suggestions),
                           self, G_CONNECT_SWAPPED);

  self->findings = pb_finding_list_new (self->library);
  filter.report_id = pb_report_get_id (self->report);
  pb_finding_list_set_filter (self->findings, &filter);
  if (!pb_finding_list_reload (self->findings, &error))
    g_warning ("Could not read the report’s findings: %s", error->message);

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  self->packs = pb_library_list_packs (self->library, NULL);

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
  pb_findings_panel_set_model (self->findings_panel, G_LIST_MODEL (self->findings), self->cohorts, self->packs);
  pb_text_view_set_source (self->text_view, self->library, self->report,
                           drawn ? drawn : G_LIST_MODEL (self->findings), self->cohorts);
  _pb_reader_load_suggestions (self);
}

void
_pb_reader_clear_findings (PbReader *self)
{
  if (self->view != NULL)
    pb_document_view_set_findings (self->view, NULL);
  if (self->findings_panel != NULL)
    pb_findings_panel_set_model (self->findings_panel, NULL, NULL, NULL);
  if (self->text_view != NULL)
    pb_text_view_set_source (self->text_view, NULL, NULL, NULL, NULL);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  g_clear_object (&self->pending_show);
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

/* From the editor, the panel or the page's menu: deleted, with Undo. */
static void
delete_requested_cb (PbReader  *self,
                     PbFinding *finding,
                     gpointer   asker)
{
  gint64 id = pb_finding_get_id (finding);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *notice;
  int n_packs;

  /* Counted first: after the delete no pack holds it. */
  n_packs = pb_library_count_packs_holding (self->library, &id, 1, NULL);
  if (!(deleted = pb_library_delete_findings (self->library, &id, 1, &error)))
    {
      _pb_reader_toast (self, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  self->last_deleted = g_ptr_array_ref (deleted);

  if (n_packs > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Finding deleted; it was in %d pack",
                                            "Finding deleted; it was in %d packs", n_packs), n_packs);
  notice = adw_toast_new (message != NULL ? message : _("Finding deleted"));
  adw_toast_set_button_label (notice, _("_Undo"));
  adw_toast_set_priority (notice, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (notice, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  /* Ctrl+Z undoes it too, from the page, the panel or the toast. */
  pb_show_undo_toast (GTK_WIDGET (self), notice);

  /* Deleted from the panel, the row that had the keyboard is gone: it
   * goes back to the page, not to the toast, which would then never time
   * out.  (The editor, if it asked, gives it back as it closes.) */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
    GtkWidget *view = pb_reader_get_text_mode (self) ? GTK_WIDGET (pb_text_view_get_text_view (self->text_view))
                                                     : GTK_WIDGET (self->view);

    if ((focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))) && gtk_widget_get_mapped (view))
      gtk_widget_grab_focus (view);
  }
}

/* When the editor closes, added or cancelled, the work goes on in the view
 * it was opened from (the Text view at its caret, or the pages), not
 * wherever the window's focus chain starts (Import Reports). */
static void
editor_destroy_cb (PbReader *self)
{
  GtkWidget *view = pb_reader_get_text_mode (self)
                      ? GTK_WIDGET (pb_text_view_get_text_view (self->text_view))
                      : GTK_WIDGET (self->view);

  if (gtk_widget_get_mapped (view))
    gtk_widget_grab_focus (view);
}

PbFindingEditor *
_pb_reader_open_editor (PbReader  *self,
                        PbFinding *finding)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PbFindingEditor *editor;

  editor = pb_finding_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library, finding);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroy_cb), self, G_CONNECT_SWAPPED);
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

/* Add Finding with nothing selected: said in a toast, with how to select
 * from the keyboard in the view being read. */
static void
tell_nothing_selected (PbReader *self)
{
  AdwToast *toast;

  /* Short: a toast's words are cut to the window's width. */
  toast = adw_toast_new (pb_reader_get_text_mode (self)
                         ? _("Select words first: Shift+arrows")
                         : _("Select words first: F7, then Shift+arrows"));
  adw_toast_set_timeout (toast, 5);
  _pb_reader_toast (self, toast);
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
  if (!_pb_reader_take_text_selection (self))
    {
      /* Waiting for the pages' text is not a refusal; nothing selected is,
       * and a keyboard user must hear why nothing opened. */
      if (!self->text_finding_pending)
        tell_nothing_selected (self);
      return NULL;
    }

  /* A quote never starts or ends in the middle of a word, nor with the
   * number of the paragraph it starts (which is the report's numbering,
   * not its words): from either view alike, the same quote and anchors. */
  pb_document_view_skip_paragraph_number (self->view);
  spans = pb_document_view_get_selection_by (self->view, PB_SELECT_WORDS);
  if (spans->len == 0)
    {
      tell_nothing_selected (self);
      return NULL;
    }

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

  self->popover_wanted = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  pb_document_view_clear_selection (self->view);
  if (pb_reader_get_text_mode (self))
    {
      /* As on the page: the passage taken, the caret goes on after it, so a
       * second Ctrl+Enter does not offer the same finding again. */
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (pb_text_view_get_text_view (self->text_view));
      GtkTextIter start, end;

      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        gtk_text_buffer_place_cursor (buffer, &end);
    }

  return _pb_reader_open_editor (self, finding);
}

static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pb_reader_add_finding (PB_READER (widget));
}

/* Points the selection's popover at everything selected in sight, so that
 * GTK puts it below (or, short of room, above) and never over the words;
 * with nothing selected in sight, it goes. */
static gboolean
place_selection_popover (PbReader *self)
{
  GdkRectangle area;
  graphene_point_t point;

  if (!pb_document_view_get_selection_area (self->view, &area) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (area.x, area.y), &point))
    {
      gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
      return FALSE;
    }

  /* The popover hangs from the reader; translate from the view. */
  area.x = (int)point.x;
  area.y = (int)point.y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->selection_popover), &area);
  return TRUE;
}

/* Once the pointer has chosen words: the popover, as soon as the words'
 * text has come from the worker. */
static void
selection_finished_cb (PbReader *self)
{
  self->popover_wanted = TRUE;
  if (place_selection_popover (self))
    gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

/* The page scrolled under the popover: it follows the words. */
static void
scrolled_cb (PbReader *self)
{
  if (gtk_widget_get_visible (self->selection_popover))
    place_selection_popover (self);
}

static void
has_selection_cb (PbReader *self)
{
  gboolean selected;

  g_object_get (self->view, "has-selection", &selected, NULL);
  if (self->text_finding_pending)
    {
      _pb_reader_retry_text_finding (self);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.copy", selected);
  if (!selected)
    {
      self->popover_wanted = FALSE;
      gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
    }
  else if (gtk_widget_get_visible (self->selection_popover))
    place_selection_popover (self);
  else if (self->popover_wanted && place_selection_popover (self))
    gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbReader *self = PB_READER (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->view), "view.copy", NULL);
}

/* The page's menu: Add Finding and Copy, and over a highlight, what can be
 * done to its finding. */
static void
context_menu_cb (PbReader *self,
                 double    x,
                 double    y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  graphene_point_t point;
  PbFinding *finding;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float)x, (float)y), &point))
    return;

  g_menu_append_section (menu, NULL, self->base_menu);
  /* An officer's finding from a pack is there to read: no menu of its own. */
  if ((finding = pb_document_view_finding_at (self->view, x, y)) &&
      !pb_bundle_finding_is_from_pack (finding))
    {
      g_autoptr(GMenuModel) finding_menu = pb_finding_menu_new (finding, self->cohorts, self->packs, "reader",
                                                                PB_FINDING_MENU_PACKS);

      g_menu_append_section (menu, _("Finding"), finding_menu);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int)point.x, (int)point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

/* One finding, from its menu on the page or in the panel */

static PbFinding *
finding_by_id (PbReader *self,
               gint64    id)
{
  int position = self->findings ? pb_finding_list_find (self->findings, id) : -1;

  return position < 0 ? NULL : g_list_model_get_item (G_LIST_MODEL (self->findings), (guint)position);
}

static void
retag_finding (PbReader   *self,
               PbFinding  *finding,
               const char *slug,
               gboolean    add)
{
  gint64 id = pb_finding_get_id (finding);
  g_autoptr(GError) error = NULL;

  if (!pb_library_retag_findings (self->library, &id, 1, slug, add, &error))
    _pb_reader_toast (self, adw_toast_new (error->message));
}

static void
pack_finding (PbReader  *self,
              PbFinding *finding,
              gint64     pack_id)
{
  gint64 id = pb_finding_get_id (finding);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = pb_pack_menu_add_findings (self->library, pack_id, &id, 1, &error);

  _pb_reader_toast (self, adw_toast_new (message ? message : error->message));
}

static void
edit_requested_cb (PbReader  *self,
                   PbFinding *finding)
{
  _pb_reader_open_editor (self, finding);
}

static void
retag_requested_cb (PbReader   *self,
                    PbFinding  *finding,
                    const char *slug,
                    gboolean    add)
{
  retag_finding (self, finding, slug, add);
}

static void
pack_requested_cb (PbReader  *self,
                   PbFinding *finding,
                   gint64     pack_id)
{
  pack_finding (self, finding, pack_id);
}

/* The page's menu names its finding by id, as the panel's do. */
static void
finding_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbReader *self = PB_READER (widget);
  g_autoptr(PbFinding) finding = NULL;
  gint64 id, pack_id;
  const char *slug;
  gboolean add;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    id = g_variant_get_int64 (parameter);
  else
    g_variant_get_child (parameter, 0, "x", &id);

  if (!(finding = finding_by_id (self, id)))
    return;

  if (g_str_equal (action_name, "reader.show-finding"))
    pb_document_view_show_finding (self->view, finding);
  else if (g_str_equal (action_name, "reader.edit-finding"))
    _pb_reader_open_editor (self, finding);
  else if (g_str_equal (action_name, "reader.delete-finding"))
    delete_requested_cb (self, finding, NULL);
  else if (g_str_equal (action_name, "reader.retag-finding"))
    {
      g_variant_get (parameter, "(x&sb)", &id, &slug, &add);
      retag_finding (self, finding, slug, add);
    }
  else if (g_str_equal (action_name, "reader.pack-finding"))
    {
      g_variant_get (parameter, "(xx)", &id, &pack_id);
      pack_finding (self, finding, pack_id);
    }
}

static void
view_finding_activated_cb (PbReader  *self,
                           PbFinding *finding)
{
  /* An officer's finding from a pack is there to read, not to edit. */
  if (pb_bundle_finding_is_from_pack (finding))
    return;
  _pb_reader_open_editor (self, finding);
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
  gtk_widget_class_bind_template_callback (widget_class, has_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.add-finding", NULL, add_finding_action);
  gtk_widget_class_install_action (widget_class, "reader.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "reader.show-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "reader.edit-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "reader.delete-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "reader.retag-finding", "(xsb)", finding_action);
  gtk_widget_class_install_action (widget_class, "reader.pack-finding", "(xx)", finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
}

void
_pb_reader_init_findings (PbReader *self)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.copy", FALSE);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  self->base_menu = g_object_ref (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->context_popover)));
  g_signal_connect_object (self->findings_panel, "edit-requested",
                           G_CALLBACK (edit_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "delete-requested",
                           G_CALLBACK (delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "retag-requested",
                           G_CALLBACK (retag_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "pack-requested",
                           G_CALLBACK (pack_requested_cb), self, G_CONNECT_SWAPPED);
  _pb_reader_init_suggestions (self);
}
