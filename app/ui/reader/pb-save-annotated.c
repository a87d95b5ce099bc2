/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-save-annotated"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-annotated-export.h"
#include "pb-document.h"
#include "pb-password-dialog.h"
#include "pb-pdf-open.h"
#include "pb-save-annotated.h"
#include "pb-toast.h"

/* "Save a Copy with Findings…": the report as a new PDF with its findings
 * as highlights any PDF reader shows, for a councillor who reads elsewhere.
 * Findings not for publication stay out unless the officer ticks them in,
 * in the save dialog itself. */

typedef struct
{
  GtkWidget *widget;    /* for the toast */
  GFile     *file;
  PbLibrary *library;
  PbReport  *report;
  gboolean   include_exempt;
} SaveRun;

static void
save_run_free (SaveRun *run)
{
  g_object_unref (run->widget);
  g_object_unref (run->file);
  g_object_unref (run->library);
  g_object_unref (run->report);
  g_free (run);
}

/* A protected report whose password has not been given in this session:
 * asked for, kept for the session (in memory only), and the copy saved
 * again. */
static void
password_entered_cb (PbPasswordDialog *dialog,
                     const char       *password,
                     SaveRun          *run)
{
  g_autofree char *source = NULL;

  if (password == NULL)
    return;

  source = pb_library_dup_report_path (run->library, pb_report_get_sha256 (run->report));
  pb_pdf_remember_password (source, password);
  pb_save_annotated_to (run->widget, run->library, run->report, run->file, run->include_exempt);
}

static void
ask_password (SaveRun  *run,
              gboolean  retry)
{
  GtkRoot *root = gtk_widget_get_root (run->widget);
  g_autofree char *path = pb_library_dup_report_path (run->library, pb_report_get_sha256 (run->report));
  g_autoptr(GFile) source = g_file_new_for_path (path);
  PbPasswordDialog *dialog = pb_password_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     source, retry);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is protected by a password. Enter it to save a copy "
                                    "with its findings; it is kept until Panel Brief closes."),
                                  pb_report_get_title (run->report));
  g_signal_connect_data (dialog, "password-entered", G_CALLBACK (password_entered_cb), run,
                         (GClosureNotify)(void (*) (void))save_run_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  SaveRun *run = data;
  g_autoptr(GError) error = NULL;

  if (!pb_library_export_annotated_finish (PB_LIBRARY (object), result, &error) &&
      (g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
       g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD)))
    {
      ask_password (run, g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD));
      return;
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The copy could not be saved: %s"), error->message);
      pb_show_toast (run->widget, adw_toast_new (message));
    }
  else
    {
      g_autofree char *name = g_file_get_basename (run->file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s” with its findings"), name);

      pb_show_file_toast (run->widget, message, run->file);
    }

  save_run_free (run);
}

/**
 * pb_save_annotated_to:
 * @widget: where to say how it went
 *
 * Saves the copy at @file off the main thread.
 */
void
pb_save_annotated_to (GtkWidget *widget,
                      PbLibrary *library,
                      PbReport  *report,
                      GFile     *file,
                      gboolean   include_exempt)
{
  g_autofree char *path = g_file_get_path (file);
  SaveRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (PB_IS_REPORT (report));

  if (path == NULL)
    {
      pb_show_toast (widget, adw_toast_new (_("The copy can only be saved to a folder on this computer")));
      return;
    }

  run = g_new0 (SaveRun, 1);
  run->widget = g_object_ref (widget);
  run->file = g_object_ref (file);
  run->library = g_object_ref (library);
  run->report = g_object_ref (report);
  run->include_exempt = include_exempt;
  pb_library_export_annotated_async (library, pb_report_get_id (report), path, include_exempt, NULL, saved_cb, run);
}

typedef struct
{
  GtkWidget *widget;
  PbLibrary *library;
  PbReport  *report;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_object_unref (data->widget);
  g_object_unref (data->library);
  g_object_unref (data->report);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserData     *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    pb_save_annotated_to (data->widget, data->library, data->report, file,
                          g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "exempt"), "true") == 0);

  chooser_data_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * pb_save_annotated:
 *
 * Asks where to save a copy of @report with its findings written in.
 */
void
pb_save_annotated (GtkWidget *widget,
                   PbLibrary *library,
                   PbReport  *report)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  ChooserData *data;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (PB_IS_REPORT (report));

  chooser = gtk_file_chooser_native_new (_("Save a Copy with Findings"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* Translators: the suggested name of a report saved with its findings; %s is its title */
  name = g_strdup_printf (_("%s (with findings).pdf"), pb_report_get_title (report));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "exempt",
                               _("Include findings not for publication"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "exempt", "false");

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  data = g_new0 (ChooserData, 1);
  data->widget = g_object_ref (widget);
  data->library = g_object_ref (library);
  data->report = g_object_ref (report);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
