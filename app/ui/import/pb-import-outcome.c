/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import-outcome"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-import-outcome.h"
#include "pb-password-dialog.h"
#include "pb-report-store.h"
#include "pb-toast.h"

/* Telling the user how a batch of imports went: a toast for what came in,
 * a dialog for what could not, and a password dialog for each file that
 * needs one (whose answer goes back into the queue). */

static void
show_failures (PbImportQueue *queue,
               GtkWindow     *window)
{
  GPtrArray *failures = pb_import_queue_get_failures (queue);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (failures->len == 0)
    return;

  if (failures->len == 1)
    {
      PbImportResult *result = g_ptr_array_index (failures, 0);
      g_autofree char *name = g_file_get_basename (pb_import_result_get_file (result));

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
      g_string_append (body, pb_import_result_get_error (result)->message);
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u File Was Not Imported",
                                              "%u Files Were Not Imported",
                                              failures->len),
                                 failures->len);
      for (guint i = 0; i < failures->len; i++)
        {
          PbImportResult *result = g_ptr_array_index (failures, i);

          if (i > 0)
            g_string_append (body, "\n\n");
          g_string_append (body, pb_import_result_get_error (result)->message);
        }
    }

  g_string_append (body, "\n\n");
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "Nothing was added to the library for this file.",
                                      "Nothing was added to the library for these files.",
                                      failures->len));

  dialog = adw_message_dialog_new (window, heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
password_entered_cb (PbPasswordDialog *dialog,
                     const char       *password,
                     PbImportQueue    *queue)
{
  GFile *file = pb_password_dialog_get_file (dialog);

  if (password != NULL)
    pb_import_queue_add (queue, &file, 1, password);
}

static void
ask_for_passwords (PbImportQueue *queue,
                   GtkWindow     *window)
{
  GPtrArray *locked = pb_import_queue_get_locked (queue);

  for (guint i = 0; i < locked->len; i++)
    {
      PbImportResult *result = g_ptr_array_index (locked, i);
      const GError *error = pb_import_result_get_error (result);
      gboolean retry = g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD);
      PbPasswordDialog *dialog;

      dialog = pb_password_dialog_new (window, pb_import_result_get_file (result), retry);
      g_signal_connect_object (dialog, "password-entered", G_CALLBACK (password_entered_cb), queue, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static char *
outcome_message (PbImportQueue *queue,
                 PbLibrary     *library)
{
  guint n_imported = pb_import_queue_get_n_imported (queue);
  guint n_duplicates = pb_import_queue_get_n_duplicates (queue);

  if (n_imported == 1 && n_duplicates == 0)
    {
      g_autoptr(PbReport) report = pb_library_get_report (library, pb_import_queue_get_last_report_id (queue), NULL);

      return report ? g_strdup_printf (_("Imported “%s”"), pb_report_get_title (report)) : NULL;
    }
  if (n_imported > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u report",
                                         "Imported %u reports", n_imported),
                            n_imported);
  if (n_duplicates == 1)
    return g_strdup (_("That report is already in the library"));
  if (n_duplicates > 1)
    return g_strdup (_("Those reports are already in the library"));
  return NULL;
}

/**
 * pb_import_outcome_announce:
 * @queue: a queue that has just emitted #PbImportQueue::finished
 * @library: the library the queue imports into
 * @window: the window to tell, and to put dialogs over
 * @cancelled: as the signal said
 *
 * Tells the user how the batch went: what was imported, what was not and
 * why, and asks for the passwords of files that need one.
 */
void
pb_import_outcome_announce (PbImportQueue *queue,
                            PbLibrary     *library,
                            GtkWindow     *window,
                            gboolean       cancelled)
{
  g_autofree char *message = NULL;

  g_return_if_fail (PB_IS_IMPORT_QUEUE (queue));
  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (cancelled)
    {
      pb_show_toast (GTK_WIDGET (window), adw_toast_new (_("Import cancelled. Reports already imported were kept.")));
      return;
    }

  if ((message = outcome_message (queue, library)) != NULL)
    pb_show_toast (GTK_WIDGET (window), adw_toast_new (message));

  show_failures (queue, window);
  ask_for_passwords (queue, window);
}
