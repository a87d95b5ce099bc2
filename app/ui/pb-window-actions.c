/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

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

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
remove_response_cb (PbWindow         *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  gint64 report_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "report-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!pb_library_remove_report (self->library, report_id, &error))
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
  GtkWidget *dialog;

  if (report == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Report?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the library, with any findings "
                                    "marked in it. The original file you imported is not "
                                    "touched."),
                                  pb_report_get_title (report));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "report-id",
                     GSIZE_TO_POINTER ((gsize)pb_report_get_id (report)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb),
                           self, G_CONNECT_SWAPPED);
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

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_pb_window_update_actions (PbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.remove-report",
                                 pb_window_get_selected_report (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->running_job != NULL);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.remove-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}
