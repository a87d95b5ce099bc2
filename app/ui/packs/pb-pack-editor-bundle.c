/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle.h"
#include "pb-document.h"
#include "pb-pack-editor-private.h"
#include "pb-pack-questions.h"
#include "pb-passphrase-dialog.h"
#include "pb-password-dialog.h"
#include "pb-report-store.h"
#include "pb-toast.h"

/* The pack for panel members: Export ▸ Member Bundle… writes one
 * .panelpack file (for an exempt pack, encrypted under a passphrase chosen
 * twice and kept nowhere) on a worker thread, with its progress in the
 * editor's bar as the other exports have it; and the questions members
 * send back, imported and shown beside the pack. */

typedef struct
{
  PbPackEditor *self;
  char         *path;
  gboolean      exempt;
} BundleRun;

static void
bundle_run_free (BundleRun *run)
{
  g_object_unref (run->self);
  g_free (run->path);
  g_free (run);
}

static void
bundle_progress_cb (double   fraction,
                    gpointer data)
{
  BundleRun *run = data;

  gtk_progress_bar_set_fraction (run->self->busy_progress, fraction);
}

static void
bundle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  BundleRun *run = data;
  PbPackEditor *self = run->self;
  g_autoptr(GError) error = NULL;

  _pb_pack_editor_set_busy (self, NULL);

  if (!pb_library_export_bundle_finish (PB_LIBRARY (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The member bundle could not be written: %s"),
                                                      error->message);
          _pb_pack_editor_show_toast (self, adw_toast_new (message));
        }
      else if (!g_cancellable_is_cancelled (self->cancellable))
        _pb_pack_editor_show_toast (self, adw_toast_new (_("Export cancelled; no file was written")));
    }
  else
    {
      g_autofree char *name = g_path_get_basename (run->path);
      g_autofree char *folder = g_path_get_dirname (run->path);
      g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);
      g_autofree char *message = run->exempt
        ? g_strdup_printf (_("Exported “%s”, encrypted. Tell members the passphrase another way than the file."), name)
        : g_strdup_printf (_("Exported “%s” for panel members"), name);
      AdwToast *toast = adw_toast_new (message);

      if (uri != NULL)
        {
          adw_toast_set_button_label (toast, _("Open _Folder"));
          adw_toast_set_action_name (toast, "win.open-uri");
          adw_toast_set_action_target (toast, "s", uri);
        }
      _pb_pack_editor_show_toast (self, toast);
    }

  bundle_run_free (run);
}

static void
start_bundle (PbPackEditor *self,
              const char   *path,
              const char   *passphrase)
{
  BundleRun *run = g_new0 (BundleRun, 1);
  PbPack *pack = _pb_pack_editor_current_pack (self);

  _pb_pack_editor_save_introduction (self);
  run->self = g_object_ref (self);
  run->path = g_strdup (path);
  run->exempt = pack != NULL && pb_pack_get_exempt (pack);

  _pb_pack_editor_set_busy (self, _("Writing the member bundle…"));
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  /* The job keeps its own copy of the passphrase and wipes it when done. */
  pb_library_export_bundle_async (self->library, pb_pack_editor_get_pack_id (self), path, passphrase,
                                  self->export_cancellable, bundle_progress_cb, run, bundle_done_cb, run);
}

static void
passphrase_entered_cb (PbPassphraseDialog *dialog,
                       const char         *passphrase,
                       PbPackEditor       *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "pb-path");

  if (passphrase != NULL && path != NULL && !self->busy)
    start_bundle (self, path, passphrase);
}

static GtkWidget *ask_report_password (PbPackEditor *self,
                                       const char   *path,
                                       PbReport     *report,
                                       gboolean      retry);

/* A report's password given: kept for the session, and the export goes
 * on (to the next report that needs one, or the passphrase); a wrong one
 * asks again. */
static void
report_password_cb (PbPasswordDialog *dialog,
                    const char       *password,
                    PbPackEditor     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "pb-path");
  PbReport *report = g_object_get_data (G_OBJECT (dialog), "pb-report");
  g_autoptr(GError) error = NULL;

  if (password == NULL || path == NULL || report == NULL || self->busy)
    return;
  if (!pb_library_unlock_report (self->library, pb_report_get_sha256 (report), password, &error))
    {
      if (g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD))
        ask_report_password (self, path, report, TRUE);
      else
        _pb_pack_editor_show_toast (self, adw_toast_new (error->message));
      return;
    }
  pb_pack_editor_export_bundle (self, path);
}

static GtkWidget *
ask_report_password (PbPackEditor *self,
                     const char   *path,
                     PbReport     *report,
                     gboolean      retry)
{
  g_autofree char *file_path = pb_library_locate_report_file (self->library, pb_report_get_sha256 (report), NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path ? file_path : pb_report_get_title (report));
  PbPasswordDialog *dialog = pb_password_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), file, retry);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a report's title */
                                  _("“%s” is protected by a password. Enter it to put the report in the member "
                                    "bundle, encrypted with the pack; members will not need it, and the "
                                    "password is not stored."),
                                  pb_report_get_title (report));
  g_object_set_data_full (G_OBJECT (dialog), "pb-path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "pb-report", g_object_ref (report), g_object_unref);
  g_signal_connect_object (dialog, "password-entered", G_CALLBACK (report_password_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/**
 * pb_pack_editor_export_bundle:
 * @path: (type filename): where to write the bundle
 *
 * Writes the member bundle to @path: at once for a public pack, once the
 * passphrase is chosen for an exempt one.  An exempt pack citing a report
 * protected by a password not given in this session asks for it first
 * (a #PbPasswordDialog), for the bundle to carry the report unlocked.
 *
 * Returns: (transfer none) (nullable): the dialog asking for a report's
 *   password or for the passphrase, for an exempt pack
 */
GtkWidget *
pb_pack_editor_export_bundle (PbPackEditor *self,
                              const char   *path)
{
  PbPack *pack;
  PbPassphraseDialog *dialog;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  pack = _pb_pack_editor_current_pack (self);
  if (pack == NULL || self->busy)
    return NULL;

  if (!pb_pack_get_exempt (pack))
    {
      start_bundle (self, path, NULL);
      return NULL;
    }

  {
    g_autoptr(GPtrArray) locked = pb_library_list_locked_pack_reports (self->library,
                                                                       pb_pack_editor_get_pack_id (self), NULL);

    if (locked != NULL && locked->len > 0)
      return ask_report_password (self, path, g_ptr_array_index (locked, 0), FALSE);
  }

  dialog = pb_passphrase_dialog_new_choose (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            pb_pack_get_title (pack));
  g_object_set_data_full (G_OBJECT (dialog), "pb-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "passphrase-entered", G_CALLBACK (passphrase_entered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
chooser_response_cb (PbPackEditor    *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, "." PB_BUNDLE_EXTENSION))
        {
          char *named = g_strconcat (path, "." PB_BUNDLE_EXTENSION, NULL);

          g_free (path);
          path = named;
        }
      pb_pack_editor_export_bundle (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
export_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  PbPack *pack = _pb_pack_editor_current_pack (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (pack == NULL || self->busy)
    return;

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Member Bundle"),
                                                                  GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  name = g_strconcat (pb_pack_get_title (pack), "." PB_BUNDLE_EXTENSION, NULL);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Panel Brief packs"));
  gtk_file_filter_add_mime_type (filter, PB_BUNDLE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, PB_BUNDLE_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* Members' questions, in a window of their own beside the pack. */

/**
 * pb_pack_editor_show_questions:
 *
 * Returns: (transfer none) (nullable): the window listing members'
 *   questions on the pack (a #PbPackQuestions)
 */
GtkWidget *
pb_pack_editor_show_questions (PbPackEditor *self)
{
  GtkRoot *root;
  PbPackQuestions *window;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (_pb_pack_editor_current_pack (self) == NULL)
    return NULL;

  window = pb_pack_questions_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library,
                                  pb_pack_editor_get_pack_id (self));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WIDGET (window);
}

static void
questions_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkWidget *window = pb_pack_editor_show_questions (PB_PACK_EDITOR (widget));

  if (window != NULL && g_str_equal (action_name, "pack.import-questions"))
    gtk_widget_activate_action (window, "questions.import", NULL);
}

void
_pb_pack_editor_class_init_bundle (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pack.export-bundle", NULL, export_bundle_action);
  gtk_widget_class_install_action (widget_class, "pack.show-questions", NULL, questions_action);
  gtk_widget_class_install_action (widget_class, "pack.import-questions", NULL, questions_action);
}
