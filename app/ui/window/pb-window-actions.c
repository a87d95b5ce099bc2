/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-preferences-window.h"
#include "pb-report-store.h"
#include "pb-save-annotated.h"
#include "pb-window-private.h"

static void
import_response_cb (PbWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));

      pb_window_import_files (self, (GFile **)list->pdata, list->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  /* The newer file dialog API needs GTK 4.10; the native chooser also uses the desktop
   * portal where there is one. */
  chooser = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (pdf_filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf_filter, "application/pdf");
  gtk_file_filter_add_suffix (pdf_filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf_filter);

  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Imports the files named by URI: the route for drag and drop from other
 * programs, and for tests. */
static void
import_uris_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **uris = g_variant_get_strv (parameter, NULL);

  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));

  pb_window_import_files (self, (GFile **)files->pdata, files->len);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  pb_import_queue_cancel (self->imports);
}

/* Which report the dialog asks about, for when it is answered. */
typedef struct
{
  GWeakRef window;
  gint64   report_id;
} RemoveRequest;

static void
remove_request_free (gpointer  data,
                     GClosure *closure)
{
  RemoveRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RemoveRequest    *request)
{
  g_autoptr(PbWindow) self = g_weak_ref_get (&request->window);
  g_autoptr(GError) error = NULL;

  if (self == NULL || g_strcmp0 (response, "remove") != 0)
    return;

  if (!pb_library_remove_report (self->library, request->report_id, &error))
    _pb_window_toast (self, error->message);
  else
    _pb_window_toast (self, _("Report removed from the library"));
}

static void
remove_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  PbReport *report = pb_window_get_selected_report (self);
  RemoveRequest *request;
  GtkWidget *dialog;

  if (report == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Report?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the library, with any findings "
                                    "marked in it. The original file you imported is not "
                                    "touched."),
                                  pb_report_get_display_title (report));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new0 (RemoveRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->report_id = pb_report_get_id (report);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb),
                         request, remove_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_library_folder_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  g_autofree char *uri = g_filename_to_uri (pb_library_get_path (self->library), NULL, NULL);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* The Open of a toast about a file just written: the target is its URI. */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Back: from a pack to the packs, on a narrow window; else to the library. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->mode == PB_WINDOW_MODE_PACKS && pb_packs_view_go_back (self->packs_view))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Reading */

static PbDocumentView *
current_view (PbWindow *self)
{
  PbDocumentView *view = pb_reader_get_view (self->reader);

  return pb_document_view_get_document (view) != NULL ? view : NULL;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbDocumentView *view = current_view (PB_WINDOW (widget));

  if (view == NULL)
    return;

  if (g_str_equal (action_name, "win.zoom-in"))
    pb_document_view_zoom_in (view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    pb_document_view_zoom_out (view);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    pb_document_view_set_zoom (view, 1.0);
  else if (g_str_equal (action_name, "win.fit-width"))
    pb_document_view_set_sizing (view, PB_SIZING_FIT_WIDTH);
  else if (g_str_equal (action_name, "win.fit-page"))
    pb_document_view_set_sizing (view, PB_SIZING_FIT_PAGE);
}

static void search_library_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

/* Finds in the report being read; with none open, searches the library. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (current_view (self) == NULL)
    {
      search_library_action (widget, action_name, parameter);
      return;
    }
  /* Another view covers the reader (Grades over time, say): its find bar
   * would take the focus out of sight, so the search is of every report,
   * in the library's entry, which is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->reader)))
    {
      search_library_action (widget, action_name, parameter);
      return;
    }

  _pb_window_set_show_details (self, FALSE);
  pb_reader_show_find (self->reader);
}

/* The report read as pages or as text, from anywhere in the window: the
 * reader's own Ctrl+T reaches only as far as the focus inside it. */
static void
text_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (current_view (self) == NULL || self->mode != PB_WINDOW_MODE_LIBRARY)
    return;
  _pb_window_set_show_details (self, FALSE);
  pb_reader_set_text_mode (self->reader, !pb_reader_get_text_mode (self->reader));
}

/* Goes to a page, counted from 1 as the user counts them. */
static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PbDocumentView *view = current_view (PB_WINDOW (widget));
  guint page = g_variant_get_uint32 (parameter);

  if (view != NULL && page >= 1)
    pb_document_view_set_page (view, page - 1);
}

static void
step_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PbDocumentView *view = current_view (PB_WINDOW (widget));
  guint page, n;

  if (view == NULL)
    return;

  page = pb_document_view_get_page (view);
  n = pb_document_get_n_pages (pb_document_view_get_document (view));

  if (g_str_equal (action_name, "win.next-page"))
    page = MIN (page + 1, n - 1);
  else if (g_str_equal (action_name, "win.previous-page"))
    page = page > 0 ? page - 1 : 0;
  else if (g_str_equal (action_name, "win.first-page"))
    page = 0;
  else
    page = n - 1;

  pb_document_view_set_page (view, page);
}

/* Ctrl+Enter from anywhere in the window: a finding of the words selected
 * in the report being read. */
static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (current_view (self) != NULL && !self->show_details && self->mode == PB_WINDOW_MODE_LIBRARY)
    pb_reader_add_finding (self->reader);
}

static void
focus_page_entry_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (current_view (self) == NULL)
    return;

  _pb_window_set_show_details (self, FALSE);
  pb_page_controls_focus (self->page_controls);
}

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  /* A hidden library's entry would take the keyboard out of sight. */
  if (!self->show_library)
    {
      self->library_aside = FALSE;
      _pb_window_set_show_library (self, TRUE);
    }
  pb_library_sidebar_focus_search (self->sidebar);
}

static void
save_annotated_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  PbReport *report = pb_window_get_selected_report (self);

  if (report != NULL)
    pb_save_annotated (widget, self->library, report);
}

static void
export_findings_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->mode == PB_WINDOW_MODE_FINDINGS)
    pb_findings_view_export (self->findings_view);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  PbPreferencesWindow *preferences;

  preferences = pb_preferences_window_new (GTK_WINDOW (self), self->settings, self->library);
  gtk_window_present (GTK_WINDOW (preferences));
}

void
_pb_window_update_actions (PbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean reading = self->reader != NULL && current_view (self) != NULL;
  static const char * const reading_actions[] = {
    "win.zoom-in", "win.zoom-out", "win.zoom-reset", "win.fit-width", "win.fit-page",
    "win.go-to-page", "win.next-page", "win.previous-page", "win.first-page",
    "win.last-page", "win.focus-page-entry", "win.add-finding",
  };

  gtk_widget_action_set_enabled (widget, "win.remove-report",
                                 pb_window_get_selected_report (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", pb_window_get_importing (self));

  for (guint i = 0; i < G_N_ELEMENTS (reading_actions); i++)
    gtk_widget_action_set_enabled (widget, reading_actions[i], reading);
}

/* A popover (Group findings, say) keeps the keys to itself while it is
 * open: Ctrl+T there closes it and switches the view, as it does from
 * everywhere else in the window. */
static gboolean
popover_text_view_cb (GtkWidget *popover,
                      GVariant  *args,
                      gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (popover);

  if (!PB_IS_WINDOW (root))
    return FALSE;
  gtk_popover_popdown (GTK_POPOVER (popover));
  return gtk_widget_activate_action (GTK_WIDGET (root), "win.text-view", NULL);
}

static gboolean
popover_map_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  GtkWidget *popover = g_value_get_object (&values[0]);
  GtkEventController *controller;

  if (!GTK_IS_POPOVER (popover) || !PB_IS_WINDOW (gtk_widget_get_root (popover)) ||
      g_object_get_data (G_OBJECT (popover), "pb-text-view-key") != NULL)
    return TRUE;

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (popover_text_view_cb, NULL, NULL)));
  gtk_widget_add_controller (popover, controller);
  g_object_set_data (G_OBJECT (popover), "pb-text-view-key", controller);
  return TRUE;
}

/* Alt+Enter: Report Properties of the report being read, from anywhere in
 * the window (as its button's tooltip says). Elsewhere (the findings
 * table, the packs) the key is left to what has the focus. */
static gboolean
properties_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   data)
{
  PbWindow *self = PB_WINDOW (widget);

  if (self->mode != PB_WINDOW_MODE_LIBRARY || pb_window_get_selected_report (self) == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.show-details", NULL);
}

void
_pb_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-uris", "as", import_uris_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.remove-report", NULL, remove_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-library-folder", NULL,
                                   open_library_folder_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.text-view", NULL, text_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.text-view", NULL);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, popover_map_hook, NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.go-to-page", "u", go_to_page_action);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "win.previous-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "win.first-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "win.last-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "win.focus-page-entry", NULL, focus_page_entry_action);
  gtk_widget_class_install_action (widget_class, "win.add-finding", NULL, add_finding_action);
  /* Of an action's keys, a menu shows the one bound last: the main
   * keyboard's, after the keypad's and other alternatives. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "win.add-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.add-finding", NULL);
  gtk_widget_class_install_action (widget_class, "win.search-library", NULL, search_library_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.export-findings", NULL, export_findings_action);
  gtk_widget_class_install_action (widget_class, "win.save-annotated", NULL, save_annotated_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-details", "show-details");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, properties_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_ALT_MASK, properties_shortcut_cb, NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-findings", "show-findings");
  gtk_widget_class_install_property_action (widget_class, "win.show-library", "show-library");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.show-library", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-all-findings", "show-all-findings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-all-findings", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-overview", "show-overview");
  gtk_widget_class_install_property_action (widget_class, "win.show-packs", "show-packs");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-packs", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.group-by", "grouping");
  gtk_widget_class_install_property_action (widget_class, "win.sort-by", "sorting");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-findings", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.focus-page-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.remove-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}
