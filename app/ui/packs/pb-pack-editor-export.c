/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-export-file.h"
#include "pb-identity.h"
#include "pb-pack-editor-private.h"
#include "pb-preview-window.h"
#include "pb-print.h"
#include "pb-toast.h"

/* The pack going out: exported through a file chooser, or to a private
 * temporary file for the preview window or a print run.  Every export runs
 * off the main thread, shows how far it has got and can be cancelled. */

void
_pb_pack_editor_set_busy (PbPackEditor *self,
                          const char   *message)
{
  self->busy = message != NULL;
  gtk_widget_set_visible (self->busy_box, self->busy);
  gtk_progress_bar_set_fraction (self->busy_progress, 0);
  gtk_label_set_label (self->busy_label, message ? message : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.cancel-export", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.export", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.preview", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.print", !self->busy);
}

typedef enum
{
  AFTER_EXPORT_TELL,
  AFTER_EXPORT_PREVIEW,
  AFTER_EXPORT_PRINT,
} AfterExport;

typedef struct
{
  PbPackEditor *self;
  AfterExport   then;
  char         *path;
  char         *title;
} ExportRun;

static void
export_progress_cb (double   fraction,
                    gpointer data)
{
  ExportRun *run = data;

  gtk_progress_bar_set_fraction (run->self->busy_progress, fraction);
}

static void
export_run_free (ExportRun *run)
{
  g_object_unref (run->self);
  g_free (run->path);
  g_free (run->title);
  g_free (run);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               char                    *path)
{
  g_unlink (path);
}

static void
print_file (PbPackEditor *self,
            const char   *path,
            const char   *title)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(operation = pb_print_operation_new_for_pdf (path, title, &error)))
    {
      g_unlink (path);
      _pb_pack_editor_show_error (self, error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* The temporary file goes once printing is done with it. */
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), g_strdup (path),
                         (GClosureNotify)(void (*) (void))g_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _pb_pack_editor_show_error (self, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  ExportRun *run = data;
  PbPackEditor *self = run->self;
  g_autoptr(GError) error = NULL;

  _pb_pack_editor_set_busy (self, NULL);

  if (!pb_library_export_pack_finish (PB_LIBRARY (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The pack could not be exported: %s"), error->message);
          _pb_pack_editor_show_toast (self, adw_toast_new (message));
        }
      else if (run->then == AFTER_EXPORT_TELL && !g_cancellable_is_cancelled (self->cancellable))
        _pb_pack_editor_show_toast (self, adw_toast_new (_("Export cancelled; no file was written")));
      if (run->then != AFTER_EXPORT_TELL)
        g_unlink (run->path);
    }
  else if (run->then == AFTER_EXPORT_PREVIEW && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      GtkWidget *window = pb_preview_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 run->path, run->title, TRUE);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (run->then == AFTER_EXPORT_PRINT)
    print_file (self, run->path, run->title);
  else if (run->then == AFTER_EXPORT_TELL)
    {
      g_autofree char *name = g_path_get_basename (run->path);
      PbPack *pack = _pb_pack_editor_current_pack (self);
      /* Council papers say which paragraph makes them exempt: the cover
       * says it has not been recorded, and so does the toast. */
      g_autofree char *message = pack != NULL && pb_pack_get_paragraph_missing (pack)
        ? g_strdup_printf (_("Exported “%s”, but no Schedule 12A paragraph is recorded: choose one under Exempt Under"), name)
        : g_strdup_printf (_("Exported “%s”"), name);
      g_autoptr(GFile) file = g_file_new_for_path (run->path);

      pb_show_file_toast (GTK_WIDGET (self), message, file);
    }
  else
    g_unlink (run->path);

  export_run_free (run);
}

static void
start_export (PbPackEditor *self,
              PbPackFormat  format,
              const char   *path,
              AfterExport   then)
{
  ExportRun *run = g_new0 (ExportRun, 1);
  PbPack *pack = _pb_pack_editor_current_pack (self);
  g_autofree char *council = pb_identity_dup_council_name (NULL);
  g_autofree char *author = pb_identity_dup_default_author (NULL);
  g_autoptr(GFile) logo = pb_identity_dup_council_logo (NULL);
  g_autofree char *logo_path = logo ? g_file_get_path (logo) : NULL;
  /* Who the pack is from, as Preferences say: on its cover and in its
   * running header (the export copies these). */
  PbPackExportOptions options = { council, logo_path, author };

  _pb_pack_editor_save_introduction (self);

  run->self = g_object_ref (self);
  run->then = then;
  run->path = g_strdup (path);
  run->title = g_strdup (pack ? pb_pack_get_title (pack) : "");

  _pb_pack_editor_set_busy (self, then == AFTER_EXPORT_TELL ? _("Exporting…") : _("Preparing…"));
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  pb_library_export_pack_with_options_async (self->library, pb_pack_editor_get_pack_id (self), format,
                                             path, &options, self->export_cancellable,
                                             export_progress_cb, run, export_done_cb, run);
}

/* A private file for a preview or a print run, in a private folder rather
 * than the shared temporary one: the pack may be exempt. */
static char *
temporary_pdf (PbPackEditor *self)
{
  g_autoptr(GError) error = NULL;
  char *path = pb_export_new_private_file ("preview-XXXXXX.pdf", &error);

  if (path == NULL)
    _pb_pack_editor_show_error (self, error);
  return path;
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  g_autofree char *path = NULL;

  if (self->contents == NULL || self->busy || !(path = temporary_pdf (self)))
    return;
  start_export (self, PB_PACK_FORMAT_PDF, path,
                g_str_equal (action_name, "pack.print") ? AFTER_EXPORT_PRINT : AFTER_EXPORT_PREVIEW);
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
    start_export (self, self->chooser_format, path, AFTER_EXPORT_TELL);

  g_clear_object (&self->chooser);
}

/* "Panel, 12 March 2026" → "Panel, 12 March 2026.pdf", without characters
 * that file systems refuse. */
static char *
suggested_name (PbPack       *pack,
                PbPackFormat  format)
{
  g_autofree char *title = g_strdup (pack ? pb_pack_get_title (pack) : _("Briefing pack"));

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (title, ".", pb_pack_format_get_extension (format), NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  static const char * const filter_names[] = {
    N_("PDF documents"), N_("Word documents"), N_("Spreadsheets (CSV)"), N_("Web pages"),
  };
  static const char * const mime_types[] = {
    "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/csv", "text/html",
  };
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  PbPackFormat format;

  if (self->contents == NULL || self->busy ||
      !pb_pack_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;

  self->chooser_format = format;
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Pack"),
                                                                  GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  name = suggested_name (_pb_pack_editor_current_pack (self), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _pb_pack_editor_cancel_export (PB_PACK_EDITOR (widget));
}

/* Stops an export under way; it ends without a file. */
void
_pb_pack_editor_cancel_export (PbPackEditor *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

void
_pb_pack_editor_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pack.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "pack.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "pack.print", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "pack.cancel-export", NULL, cancel_export_action);
}
