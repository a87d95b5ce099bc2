/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-editor.h"
#include "pb-finding-list.h"
#include "pb-findings-panel.h"
#include "pb-password-dialog.h"
#include "pb-quote-locate.h"
#include "pb-reader.h"
#include "pb-report.h"
#include "pb-view-state-store.h"
#include "pb-view-state.h"

/* A report open for reading: the page view, its find bar, and what happens
 * while the PDF opens or when it cannot (a password, a damaged file). Where
 * each report was left is saved in the library and restored on opening. */

#define SAVE_DELAY_MS 800

struct _PbReader
{
  GtkWidget       parent_instance;

  PbLibrary      *library;
  PbReport       *report;
  PbDocument     *document;
  GCancellable   *open_cancellable;
  GCancellable   *find_cancellable;
  char           *password;
  char           *pending_find;
  int             pending_find_page;
  GPtrArray      *matches;
  int             current_match;
  guint           save_source;
  gboolean        finding;
  PbFindingList  *findings;
  GPtrArray      *cohorts;
  GPtrArray      *last_deleted;     /* for Undo */
  PbFinding      *pending_show;     /* to show once the report is open */
  guint           pending_page;     /* likewise, from 1; 0 for none */

  GtkWidget      *box;
  AdwFlap        *flap;
  PbFindingsPanel *findings_panel;
  GtkWidget      *selection_popover;
  GtkWidget      *context_popover;
  GtkSearchBar   *search_bar;
  GtkEditable    *find_entry;
  GtkLabel       *find_count;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkWidget      *scroller;
  PbDocumentView *view;
  AdwStatusPage  *error_page;
  GtkWidget      *password_button;
};

G_DEFINE_FINAL_TYPE (PbReader, pb_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LOADED,
  PROP_FINDING,
  PROP_SHOW_FINDINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void open_document (PbReader *self);

void
pb_reader_save_state (PbReader *self)
{
  PbViewState state = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PB_IS_READER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->library == NULL || self->report == NULL || self->document == NULL)
    return;

  state.page_index = pb_document_view_get_page (self->view);
  state.zoom = pb_document_view_get_zoom (self->view);
  state.sizing = pb_document_view_get_sizing (self->view);

  if (!pb_library_save_view_state (self->library, pb_report_get_id (self->report), &state, &error))
    g_debug ("Could not remember the reading position: %s", error->message);
}

static void
save_soon_cb (gpointer data)
{
  PbReader *self = data;

  self->save_source = 0;
  pb_reader_save_state (self);
}

static void
view_moved_cb (PbReader *self)
{
  if (self->document == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_once (SAVE_DELAY_MS, save_soon_cb, self);
}

/* Find */

static void
update_find_count (PbReader *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (self->find_entry);
  int current = pb_reader_get_current_match (self);

  if (self->finding)
    text = g_strdup (_("Finding…"));
  else if (query == NULL || *query == '\0' || self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: "3 of 12" find matches */
    text = g_strdup_printf (_("%d of %u"), current + 1, self->matches->len);

  gtk_label_set_label (self->find_count, text);
}

static void
set_current_match (PbReader *self,
                   int       index)
{
  self->current_match = index;
  pb_document_view_set_current_match (self->view, index);
  update_find_count (self);
}

int
pb_reader_get_current_match (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), -1);
  return self->current_match;
}

static void
find_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PbReader) self = user_data;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  int first = -1;
  guint near_page;

  matches = pb_document_find_finish (PB_DOCUMENT (object), result, &error);
  if (matches == NULL)
    return;   /* cancelled by a newer find, or the report was closed */

  near_page = self->pending_find_page >= 0 ? (guint)self->pending_find_page
                                           : pb_document_view_get_page (self->view);
  self->pending_find_page = -1;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_ptr_array_ref (matches);
  self->finding = FALSE;

  /* Start from the first match on or after the page being read. */
  for (guint i = 0; i < matches->len && first < 0; i++)
    if (((PbFindMatch *)g_ptr_array_index (matches, i))->page >= near_page)
      first = (int)i;
  if (first < 0 && matches->len > 0)
    first = 0;

  pb_document_view_set_matches (self->view, matches);
  set_current_match (self, first);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

static void
find_changed_cb (PbReader *self)
{
  const char *text = gtk_editable_get_text (self->find_entry);

  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  pb_document_view_set_matches (self->view, NULL);
  set_current_match (self, -1);

  if (self->document == NULL || text == NULL || *text == '\0')
    {
      self->finding = FALSE;
      update_find_count (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
      return;
    }

  self->finding = TRUE;
  self->find_cancellable = g_cancellable_new ();
  pb_document_find_async (self->document, text, self->find_cancellable, find_done_cb,
                          g_object_ref (self));
  update_find_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

void
pb_reader_find_next (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));

  if (self->matches != NULL && self->matches->len > 0)
    set_current_match (self, (pb_reader_get_current_match (self) + 1) % (int)self->matches->len);
}

void
pb_reader_find_previous (PbReader *self)
{
  int n;

  g_return_if_fail (PB_IS_READER (self));

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n = (int)self->matches->len;
  set_current_match (self, (pb_reader_get_current_match (self) - 1 + n) % n);
}

static void
find_next_cb (PbReader *self)
{
  pb_reader_find_next (self);
}

static void
find_previous_cb (PbReader *self)
{
  pb_reader_find_previous (self);
}

static void
find_stop_cb (PbReader *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
find_key_pressed_cb (PbReader              *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      pb_reader_find_previous (self);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_changed_cb (PbReader *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (self->find_entry, "");
}

/* Findings */

static void
load_suggestions (PbReader *self)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  if (self->library != NULL && self->report != NULL)
    suggestions = pb_library_list_suggestions (self->library, pb_report_get_id (self->report), NULL);

  pb_findings_panel_set_suggestions (self->findings_panel, suggestions);
}

static void
load_findings (PbReader *self)
{
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)gdk_rgba_free);
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
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

  g_signal_handlers_disconnect_by_func (self->library, load_findings, self);
  g_signal_connect_object (self->library, "cohorts-changed", G_CALLBACK (load_findings),
                           self, G_CONNECT_SWAPPED);

  self->findings = pb_finding_list_new (self->library);
  filter.report_id = pb_report_get_id (self->report);
  pb_finding_list_set_filter (self->findings, &filter);
  if (!pb_finding_list_reload (self->findings, &error))
    g_warning ("Could not read the report’s findings: %s", error->message);

  pb_document_view_set_cohort_colors (self->view, colors);
  pb_document_view_set_findings (self->view, G_LIST_MODEL (self->findings));
  pb_findings_panel_set_model (self->findings_panel, G_LIST_MODEL (self->findings), self->cohorts);
  load_suggestions (self);
}

static void
toast (PbReader   *self,
       AdwToast   *toast_)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast_);
  else
    g_object_unref (g_object_ref_sink (toast_));
}

/**
 * pb_reader_undo_last_delete:
 *
 * Puts back the findings deleted last, as the toast's Undo does.
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
      toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  return TRUE;
}

static void
undo_clicked_cb (AdwToast *toast_,
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
      toast (self, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  self->last_deleted = g_ptr_array_ref (deleted);

  notice = adw_toast_new (_("Finding deleted"));
  adw_toast_set_button_label (notice, _("_Undo"));
  adw_toast_set_priority (notice, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (notice, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  toast (self, notice);
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

static void
suggestion_added_cb (PbReader        *self,
                     PbFinding       *finding,
                     PbFindingEditor *editor)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "pb-suggestion-id"));

  pb_library_close_suggestion (self->library, id, TRUE, NULL);
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

  g_object_set_data (G_OBJECT (editor), "pb-suggestion-id",
                     GSIZE_TO_POINTER ((gsize)pb_suggestion_get_id (suggestion)));
  g_signal_connect_object (editor, "added", G_CALLBACK (suggestion_added_cb), self, G_CONNECT_SWAPPED);
}

static void
suggestion_dismissed_cb (PbReader     *self,
                         PbSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_close_suggestion (self->library, pb_suggestion_get_id (suggestion), FALSE, &error))
    toast (self, adw_toast_new (error->message));
  load_suggestions (self);
}

static void
view_finding_activated_cb (PbReader  *self,
                           PbFinding *finding)
{
  open_editor (self, finding);
}

static void
panel_finding_activated_cb (PbReader  *self,
                            PbFinding *finding)
{
  pb_document_view_show_finding (self->view, finding);
}

/* Opening */

static void
password_entered_cb (PbReader         *self,
                     const char       *password,
                     PbPasswordDialog *dialog)
{
  if (password == NULL)
    return;

  g_free (self->password);
  self->password = g_strdup (password);
  open_document (self);
}

static void
ask_password_cb (PbReader *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PbPasswordDialog *dialog;

  if (self->report == NULL)
    return;

  path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));
  file = g_file_new_for_path (path);
  dialog = pb_password_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file,
                                   self->password != NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is protected by a password. Enter it to read the "
                                    "report; the password is not stored."),
                                  pb_report_get_title (self->report));
  g_signal_connect_object (dialog, "password-entered", G_CALLBACK (password_entered_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (PbReader     *self,
            const GError *error)
{
  gboolean locked = g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
                    g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);

  gtk_spinner_stop (self->spinner);
  adw_status_page_set_icon_name (self->error_page, locked ? "dialog-password-symbolic"
                                                          : "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, locked ? _("Password Required")
                                                      : _("The Report Cannot Be Shown"));
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->password_button, locked);
  gtk_stack_set_visible_child_name (self->stack, "error");

  if (locked)
    ask_password_cb (self);
}

static void
document_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbReader) self = user_data;
  g_autoptr(PbDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PbViewState state;

  document = pb_document_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->password, g_free);
  g_set_object (&self->document, document);
  pb_document_view_set_document (self->view, document);

  if (pb_library_get_view_state (self->library, pb_report_get_id (self->report), &state))
    {
      if (state.sizing == PB_SIZING_FREE)
        pb_document_view_set_zoom (self->view, state.zoom);
      else
        pb_document_view_set_sizing (self->view, state.sizing);
      pb_document_view_set_page (self->view, state.page_index);
    }
  else
    {
      pb_document_view_set_sizing (self->view, PB_SIZING_FIT_WIDTH);
    }

  load_findings (self);

  if (self->pending_show != NULL)
    {
      g_autoptr(PbFinding) finding = g_steal_pointer (&self->pending_show);
      pb_document_view_show_finding (self->view, finding);
    }

  if (self->pending_page > 0)
    {
      pb_document_view_set_page (self->view, self->pending_page - 1);
      self->pending_page = 0;
    }

  if (pb_findings_panel_get_n_suggestions (self->findings_panel) > 0 &&
      pb_findings_panel_get_n_shown (self->findings_panel) == 0)
    {
      guint n = pb_findings_panel_get_n_suggestions (self->findings_panel);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u suggested finding, in the findings panel",
                                      "%u suggested findings, in the findings panel", n),
                         n);

      toast (self, adw_toast_new (message));
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  pb_reader_save_state (self);

  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);
      pb_reader_find (self, text, self->pending_find_page);
    }
}

static void
open_document (PbReader *self)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (self->report == NULL)
    return;

  self->open_cancellable = g_cancellable_new ();
  path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  pb_document_open_async (path, self->password, self->open_cancellable, document_opened_cb,
                          g_object_ref (self));
}

static void
close_document (PbReader *self)
{
  pb_reader_save_state (self);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->pending_find, g_free);
  g_clear_pointer (&self->password, g_free);

  /* The document goes first: the view reports its page as it lets go of it,
   * and that must not schedule another save. */
  g_clear_object (&self->document);
  if (self->view != NULL)
    {
      pb_document_view_set_document (self->view, NULL);
      pb_document_view_set_findings (self->view, NULL);
    }
  if (self->findings_panel != NULL)
    pb_findings_panel_set_model (self->findings_panel, NULL, NULL);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  g_clear_object (&self->pending_show);
  self->pending_page = 0;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->finding = FALSE;

  if (self->find_entry != NULL)
    gtk_editable_set_text (self->find_entry, "");
}

static void
pb_reader_dispose (GObject *object)
{
  PbReader *self = (PbReader *)object;

  close_document (self);
  g_clear_object (&self->report);
  g_clear_object (&self->library);

  g_clear_pointer (&self->selection_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_READER);

  G_OBJECT_CLASS (pb_reader_parent_class)->dispose (object);
}

static void
pb_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbReader *self = PB_READER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, pb_reader_get_loaded (self));
      break;

    case PROP_FINDING:
      g_value_set_boolean (value, self->finding);
      break;

    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flap_revealed_cb (PbReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_FINDINGS]);
}

static void
pb_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PbReader *self = PB_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_FINDINGS:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The reader lays out its one child, and presents its popovers, which a
 * layout manager would not do. */
static void
pb_reader_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  gtk_widget_measure (PB_READER (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
pb_reader_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  PbReader *self = PB_READER (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->selection_popover));
  gtk_popover_present (GTK_POPOVER (self->context_popover));
}

static void
pb_reader_class_init (PbReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_reader_dispose;
  object_class->get_property = pb_reader_get_property;
  object_class->set_property = pb_reader_set_property;

  widget_class->measure = pb_reader_measure;
  widget_class->size_allocate = pb_reader_size_allocate;

  properties [PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINDING] =
    g_param_spec_boolean ("finding", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_DOCUMENT_VIEW);
  g_type_ensure (PB_TYPE_FINDINGS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReader, box);
  gtk_widget_class_bind_template_child (widget_class, PbReader, flap);
  gtk_widget_class_bind_template_child (widget_class, PbReader, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, PbReader, selection_popover);
  gtk_widget_class_bind_template_child (widget_class, PbReader, context_popover);
  gtk_widget_class_bind_template_child (widget_class, PbReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PbReader, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PbReader, find_count);
  gtk_widget_class_bind_template_child (widget_class, PbReader, stack);
  gtk_widget_class_bind_template_child (widget_class, PbReader, spinner);
  gtk_widget_class_bind_template_child (widget_class, PbReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbReader, view);
  gtk_widget_class_bind_template_child (widget_class, PbReader, error_page);
  gtk_widget_class_bind_template_child (widget_class, PbReader, password_button);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, ask_password_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.add-finding", NULL, add_finding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "reader.add-finding", NULL);
  gtk_widget_class_install_property_action (widget_class, "reader.show-findings", "show-findings");

  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
pb_reader_init (PbReader *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Template objects outside the widget tree: popovers hang from the reader. */
  gtk_widget_set_parent (self->selection_popover, GTK_WIDGET (self));
  gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "suggestion-accepted",
                           G_CALLBACK (suggestion_accepted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "suggestion-dismissed",
                           G_CALLBACK (suggestion_dismissed_cb), self, G_CONNECT_SWAPPED);

  self->pending_find_page = -1;
  self->current_match = -1;

  gtk_search_bar_connect_entry (self->search_bar, self->find_entry);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->view));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (find_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  g_signal_connect_object (pb_document_view_get_model (self->view), "notify::page", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pb_document_view_get_model (self->view), "notify::zoom", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pb_document_view_get_model (self->view), "notify::sizing", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
pb_reader_new (void)
{
  return g_object_new (PB_TYPE_READER, NULL);
}

/**
 * pb_reader_open:
 * @report: (nullable): the report to read, or %NULL to close
 * @password: (nullable): its password, if it has one and the user gave it
 *   earlier in this session
 */
void
pb_reader_open (PbReader   *self,
                PbLibrary  *library,
                PbReport   *report,
                const char *password)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (!report || PB_IS_LIBRARY (library));

  if (self->report != NULL && report != NULL &&
      pb_report_get_id (self->report) == pb_report_get_id (report))
    return;

  close_document (self);
  g_set_object (&self->library, library);
  g_set_object (&self->report, report);
  self->password = g_strdup (password);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  open_document (self);
}

PbReport *
pb_reader_get_report (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->report;
}

gboolean
pb_reader_get_loaded (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->document != NULL;
}

PbDocumentView *
pb_reader_get_view (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->view;
}

void
pb_reader_show_find (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

/**
 * pb_reader_find:
 * @near_page: start from the first match on or after this page, or -1 for
 *   the page being read
 *
 * Finds @text, now or as soon as the report has opened.
 */
void
pb_reader_find (PbReader   *self,
                const char *text,
                int         near_page)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (text != NULL);

  self->pending_find_page = near_page;

  if (self->document == NULL)
    {
      g_free (self->pending_find);
      self->pending_find = g_strdup (text);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (self->find_entry), text) == 0)
    find_changed_cb (self);
  else
    gtk_editable_set_text (self->find_entry, text);

  /* GtkSearchEntry waits a moment before "search-changed"; start at once. */
  if (!self->finding)
    find_changed_cb (self);
}

gboolean
pb_reader_get_finding (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->finding;
}

guint
pb_reader_get_n_matches (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), 0);
  return self->matches ? self->matches->len : 0;
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

GtkWidget *
pb_reader_get_findings_panel (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return GTK_WIDGET (self->findings_panel);
}

/* Shows @finding on its page, now or as soon as the report has opened. */
void
pb_reader_show_finding (PbReader  *self,
                        PbFinding *finding)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (PB_IS_FINDING (finding));

  if (self->document == NULL)
    g_set_object (&self->pending_show, finding);
  else
    pb_document_view_show_finding (self->view, finding);
}

/**
 * pb_reader_show_page:
 * @page: from 0
 *
 * Shows the page, now or once the report being opened is ready.
 */
void
pb_reader_show_page (PbReader *self,
                     guint     page)
{
  g_return_if_fail (PB_IS_READER (self));

  if (self->document == NULL)
    self->pending_page = page + 1;
  else
    pb_document_view_set_page (self->view, page);
}
