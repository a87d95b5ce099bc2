/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-application-library"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-application-private.h"
#include "pb-backup.h"
#include "pb-check-window.h"
#include "pb-library-archive.h"
#include "pb-restore-window.h"
#include "pb-restore.h"
#include "pb-window.h"

/* Looking after the library from the app: the day's backup (in the
 * background once the window is up), Back Up Now, Check Library, Restore from
 * Backup…, Export Library… and Open Library Archive….
 *
 * Restoring and opening an archive replace the library's database, which no
 * open connection may hold: the window is closed (saving where the reader
 * was), the library let go, the work done in a worker thread while a small
 * window says so, and the library opened again in a new window that says
 * what happened. */

typedef enum
{
  REPLACE_RESTORE,
  REPLACE_ARCHIVE,
} ReplaceKind;

typedef struct
{
  ReplaceKind      kind;
  char            *library_path;
  char            *source;        /* the backup or the archive */
  char            *message;       /* what to tell the user after */
  PbArchiveImport  archive;
  PbApplication   *application;
  GObject         *library;       /* weak: until it is finalized */
  guint            fallback;
} Replace;

static void
replace_free (Replace *replace)
{
  g_free (replace->library_path);
  g_free (replace->source);
  g_free (replace->message);
  pb_archive_import_clear (&replace->archive);
  g_free (replace);
}

static GtkWindow *
active_window (PbApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
toast (PbApplication *self,
       const char    *message)
{
  GtkWindow *window = active_window (self);

  if (PB_IS_WINDOW (window))
    pb_window_add_toast (PB_WINDOW (window), message);
}

static void
show_error (PbApplication *self,
            const char    *heading,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (active_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The day's backup */

static void
daily_backup_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean made = FALSE;

  if (!pb_library_backup_if_due (source_object, &made, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, made);
}

static void
daily_backup_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Today’s backup could not be made: %s"),
                                                  error->message);
      toast (self, message);
    }
}

static void
second_folder_changed_cb (PbApplication *self)
{
  g_autofree char *folder = NULL;

  if (self->library == NULL || self->settings == NULL)
    return;
  folder = g_settings_get_string (self->settings, "second-backup-folder");
  pb_library_set_second_backup_folder (self->library, folder);
}

/* Called each time the library has been opened. */
void
_pb_application_library_opened (PbApplication *self)
{
  g_autoptr(GTask) task = NULL;

  second_folder_changed_cb (self);

  /* In the background: a large library takes a moment to copy and check. */
  if (pb_library_is_read_only (self->library))
    return;
  task = g_task_new (self->library, NULL, daily_backup_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _pb_application_library_opened);
  g_task_run_in_thread (task, daily_backup_worker);
}

/* Restore and archive: the library closed meanwhile */

static void
replace_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Replace *replace = task_data;
  g_autofree char *safety = NULL;
  GError *error = NULL;

  if (replace->kind == REPLACE_RESTORE)
    {
      if (!pb_library_restore (replace->library_path, replace->source, &safety, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      replace->message = g_strdup (_("The library was restored. Check Library finds any reports "
                                     "imported since that backup."));
    }
  else
    {
      if (!pb_library_import_archive (replace->library_path, replace->source, &replace->archive,
                                      cancellable, NULL, NULL, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (replace->archive.new_library)
        replace->message = g_strdup (_("The library was made from the archive."));
      else
        replace->message = g_strdup_printf (_("Added %u reports, %u findings and %u packs from the "
                                              "archive; %u reports were here already."),
                                            replace->archive.merge.reports_added,
                                            replace->archive.merge.findings_added,
                                            replace->archive.merge.packs_added,
                                            replace->archive.merge.reports_present);
    }

  g_task_return_boolean (task, TRUE);
}

static void
replace_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  Replace *replace = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->busy_window != NULL)
    gtk_window_destroy (g_steal_pointer (&self->busy_window));

  /* Open again whatever happened: a failed restore leaves the library as it
   * was. */
  if (_pb_application_open_library (self))
    _pb_application_present (self);

  if (!ok)
    show_error (self, replace->kind == REPLACE_RESTORE ? _("The Backup Could Not Be Restored")
                                                       : _("The Archive Could Not Be Opened"),
                error->message);
  else
    toast (self, replace->message);

  g_application_release (G_APPLICATION (self));
}

static void
show_busy (PbApplication *self,
           const char    *message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (message);
  GtkWidget *window = adw_window_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 36);
  gtk_widget_set_margin_end (box, 36);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), message);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  self->busy_window = GTK_WINDOW (window);
}

static void
start_replace (Replace *replace)
{
  PbApplication *self = replace->application;
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&replace->fallback, g_source_remove);
  task = g_task_new (self, NULL, replace_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_replace);
  g_task_set_task_data (task, replace, (GDestroyNotify)replace_free);
  g_task_run_in_thread (task, replace_worker);
}

/* The library is gone once its last holder (a window closing, a document
 * still opening) lets go: only then may its database be replaced. */
static gboolean
start_replace_idle_cb (gpointer data)
{
  start_replace (data);
  return G_SOURCE_REMOVE;
}

static void
library_finalized_cb (gpointer  data,
                      GObject  *where_it_was)
{
  Replace *replace = data;

  /* Weak references are told while the library is being disposed, before
   * it has closed its files: start once that has finished. */
  replace->library = NULL;
  g_clear_handle_id (&replace->fallback, g_source_remove);
  g_idle_add (start_replace_idle_cb, replace);
}

/* Something still holds the library after a while: go on, and let the
 * restore say plainly that the library is in use. */
static gboolean
fallback_cb (gpointer data)
{
  Replace *replace = data;

  replace->fallback = 0;
  if (replace->library != NULL)
    {
      g_object_weak_unref (replace->library, library_finalized_cb, replace);
      replace->library = NULL;
    }
  start_replace (replace);
  return G_SOURCE_REMOVE;
}

static void
replace_library (PbApplication *self,
                 ReplaceKind    kind,
                 const char    *source)
{
  g_autoptr(GList) windows = NULL;
  Replace *replace = g_new0 (Replace, 1);

  replace->kind = kind;
  replace->source = g_strdup (source);
  replace->library_path = g_strdup (self->library_path);
  replace->application = self;

  /* Kept running while no window is open. */
  g_application_hold (G_APPLICATION (self));
  show_busy (self, kind == REPLACE_RESTORE ? _("Restoring the library…")
                                           : _("Opening the library archive…"));

  /* Closing each window saves its state and lets go of the library. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    if (l->data != self->busy_window)
      gtk_window_destroy (l->data);

  if (self->library == NULL)
    {
      start_replace (replace);
      return;
    }

  replace->library = G_OBJECT (self->library);
  g_object_weak_ref (replace->library, library_finalized_cb, replace);
  replace->fallback = g_timeout_add_seconds (10, fallback_cb, replace);
  g_clear_object (&self->library);
}

/**
 * pb_application_restore_backup:
 * @self: the application
 * @backup_path: (type filename): a backup of the library
 *
 * Closes the library, restores @backup_path in its place (backing up the
 * current state first), and opens it again, saying what happened.
 */
void
pb_application_restore_backup (PbApplication *self,
                               const char    *backup_path)
{
  g_return_if_fail (PB_IS_APPLICATION (self));
  g_return_if_fail (backup_path != NULL);
  g_return_if_fail (self->library_path != NULL);

  replace_library (self, REPLACE_RESTORE, backup_path);
}

/**
 * pb_application_open_library_archive:
 * @self: the application
 * @archive_path: (type filename): a library archive
 *
 * Closes the library, merges the archive into it (or makes the library from
 * it when it is empty), and opens it again, saying what was added.
 */
void
pb_application_open_library_archive (PbApplication *self,
                                     const char    *archive_path)
{
  g_return_if_fail (PB_IS_APPLICATION (self));
  g_return_if_fail (archive_path != NULL);
  g_return_if_fail (self->library_path != NULL);

  replace_library (self, REPLACE_ARCHIVE, archive_path);
}

typedef struct
{
  PbApplication *application;
  char          *path;
} Chosen;

static void
chosen_free (Chosen *chosen)
{
  g_object_unref (chosen->application);
  g_free (chosen->path);
  g_free (chosen);
}

static gboolean
restore_chosen_idle_cb (gpointer data)
{
  Chosen *chosen = data;

  pb_application_restore_backup (chosen->application, chosen->path);
  return G_SOURCE_REMOVE;
}

/* The choice arrives while the confirmation (transient for the restore
 * window) is still answering: the windows close only once it has finished,
 * or it would be left pointing at a window already gone. */
static void
restore_chosen_cb (PbApplication   *self,
                   const char      *path,
                   PbRestoreWindow *window)
{
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->application = g_object_ref (self);
  chosen->path = g_strdup (path);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_chosen_idle_cb, chosen, (GDestroyNotify)chosen_free);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PbApplication *self = user_data;
  PbRestoreWindow *window;

  if (self->library_path == NULL)
    return;
  window = pb_restore_window_new (active_window (self), self->library_path);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  g_signal_connect_object (window, "restore", G_CALLBACK (restore_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Opening failed */

static void
failed_response_cb (PbApplication    *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "restore") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "restore-backup", NULL);
}

/* The library could not be opened at all: say why, and offer its backups. */
void
_pb_application_library_failed (PbApplication *self,
                                const GError  *error)
{
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("The Library Could Not Be Opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (self->library_path != NULL)
    backups = pb_library_folder_list_backups (self->library_path);
  if (backups != NULL && backups->len > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore",
                                       _("_Restore from Backup…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (failed_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Back Up Now and Check Library */

static void
backup_now_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (path == NULL)
    show_error (self, _("The Library Could Not Be Backed Up"), error->message);
  else
    toast (self, _("The library was backed up."));
}

static void
backup_now_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  char *path = pb_library_backup (source_object, PB_BACKUP_BY_HAND, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
backup_now_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PbApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->library == NULL)
    return;
  task = g_task_new (self->library, NULL, backup_now_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, backup_now_action);
  g_task_run_in_thread (task, backup_now_worker);
}

static void
check_library_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PbApplication *self = user_data;
  PbCheckWindow *window;

  if (self->library == NULL)
    return;
  window = pb_check_window_new (active_window (self), self->library);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

/* Export Library… and Open Library Archive… */

static void
add_archive_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Panel Brief library archives"));
  gtk_file_filter_add_suffix (filter, "panel-brief-library");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!pb_library_export_archive (source_object, task_data, NULL, cancellable, NULL, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, _("The Library Could Not Be Exported"), error->message);
  else
    toast (self, _("The whole library was saved in one file. Keep it somewhere safe: it holds "
                   "everything in the library."));
}

static void
export_response_cb (PbApplication        *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->library != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autoptr(GTask) task = g_task_new (self->library, NULL, export_done_cb, g_object_ref (self));

      g_task_set_source_tag (task, export_response_cb);
      g_task_set_task_data (task, g_file_get_path (file), g_free);
      g_task_run_in_thread (task, export_worker);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
export_library_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PbApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "Panel Brief library %Y-%m-%d.panel-brief-library");

  chooser = gtk_file_chooser_native_new (_("Export Library"), active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_archive_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_archive_confirm_cb (PbApplication    *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  g_autofree char *path = g_steal_pointer (&self->pending_archive);

  if (g_strcmp0 (response, "open") == 0 && path != NULL)
    pb_application_open_library_archive (self, path);
}

static void
open_archive_response_cb (PbApplication        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("The reports, findings and packs in “%s” that are "
                                                 "not in this library yet are added to it. The "
                                                 "library is backed up first."), name);
      GtkWidget *dialog = adw_message_dialog_new (active_window (self), _("Open Library Archive?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "open", _("_Open"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_free (self->pending_archive);
      self->pending_archive = g_file_get_path (file);
      g_signal_connect_object (dialog, "response", G_CALLBACK (open_archive_confirm_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
open_library_archive_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  PbApplication *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Library Archive"), active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_archive_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_archive_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry library_actions[] = {
  { "backup-now", backup_now_action },
  { "check-library", check_library_action },
  { "restore-backup", restore_backup_action },
  { "export-library", export_library_action },
  { "open-library-archive", open_library_archive_action },
};

void
_pb_application_add_library_actions (PbApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), library_actions,
                                   G_N_ELEMENTS (library_actions), self);
}

/**
 * pb_application_watch_second_backup_folder:
 * @self: the application
 *
 * Keeps the library's second backup folder as Preferences sets it.
 */
void
pb_application_watch_second_backup_folder (PbApplication *self)
{
  g_return_if_fail (PB_IS_APPLICATION (self));

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::second-backup-folder",
                             G_CALLBACK (second_folder_changed_cb), self, G_CONNECT_SWAPPED);
}
