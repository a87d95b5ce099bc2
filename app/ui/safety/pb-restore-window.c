/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-restore-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-backup.h"
#include "pb-restore-window.h"

/* Restore from Backup…: the library's backups, newest first, each with what
 * it holds, and a confirmation before one is restored. The window only asks;
 * the application closes the library and restores (see
 * pb_application_restore_backup ()), which works even when the library
 * itself could not be opened. */

struct _PbRestoreWindow
{
  AdwWindow   parent_instance;

  char       *library_path;
  GHashTable *backups;        /* path → PbBackup */
  char       *pending;        /* the backup being confirmed */

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PbRestoreWindow, pb_restore_window, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* "Monday 30 November 2026 at 09:12:05", in local time: to the second, as
 * two backups (before a change and by hand) may be taken in one minute. */
static char *
describe_time (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);

  /* Translators: when a backup was taken; see g_date_time_format () */
  return g_date_time_format (local, _("%A %-d %B %Y at %H:%M:%S"));
}

/* "1 report · 3 findings · 1 pack" */
static char *
describe_contents (PbBackup *backup)
{
  guint n_reports = (guint)pb_backup_get_n_reports (backup);
  guint n_findings = (guint)pb_backup_get_n_findings (backup);
  guint n_packs = (guint)pb_backup_get_n_packs (backup);
  g_autofree char *reports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports",
                                                           n_reports), n_reports);
  g_autofree char *findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                                            n_findings), n_findings);
  g_autofree char *packs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pack", "%u packs",
                                                         n_packs), n_packs);

  /* Translators: what a backup holds: "1 report · 3 findings · 1 pack" */
  return g_strdup_printf (_("%s · %s · %s"), reports, findings, packs);
}

static void
confirm_response_cb (PbRestoreWindow  *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  g_autofree char *path = g_steal_pointer (&self->pending);

  if (g_strcmp0 (response, "restore") == 0 && path != NULL)
    g_signal_emit (self, signals [RESTORE], 0, path);
}

static void
ask_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PbRestoreWindow *self = PB_RESTORE_WINDOW (widget);
  PbBackup *backup = g_hash_table_lookup (self->backups, g_variant_get_string (parameter, NULL));
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (backup == NULL)
    return;
  when = describe_time (pb_backup_get_created (backup));
  body = g_strdup_printf (_("The library will be as it was on %s. The library as it is now is "
                            "backed up first, so this can be undone by restoring that backup."),
                          when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_free (self->pending);
  self->pending = g_strdup (pb_backup_get_path (backup));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_row (PbRestoreWindow *self,
          PbBackup        *backup)
{
  g_autofree char *when = describe_time (pb_backup_get_created (backup));
  g_autofree char *holds = NULL;
  g_autofree char *button_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  holds = describe_contents (backup);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), holds);

  /* Read out as what it does, not only "Restore…". */
  button_name = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "restore.ask");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", pb_backup_get_path (backup));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload (PbRestoreWindow *self)
{
  g_autoptr(GPtrArray) backups = pb_library_folder_list_backups (self->library_path);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->backups);

  for (guint i = 0; i < backups->len; i++)
    {
      PbBackup *backup = g_ptr_array_index (backups, i);

      g_hash_table_insert (self->backups, g_strdup (pb_backup_get_path (backup)), g_object_ref (backup));
      gtk_list_box_append (self->list, make_row (self, backup));
    }

  gtk_stack_set_visible_child_name (self->stack, backups->len > 0 ? "list" : "empty");
}

static void
pb_restore_window_finalize (GObject *object)
{
  PbRestoreWindow *self = (PbRestoreWindow *)object;

  g_free (self->library_path);
  g_free (self->pending);
  g_clear_pointer (&self->backups, g_hash_table_unref);

  G_OBJECT_CLASS (pb_restore_window_parent_class)->finalize (object);
}

static void
pb_restore_window_class_init (PbRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pb_restore_window_finalize;

  /**
   * PbRestoreWindow::restore:
   * @path: the backup the user chose and confirmed
   *
   * Emitted when the user has confirmed restoring a backup.
   */
  signals [RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbRestoreWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PbRestoreWindow, list);

  gtk_widget_class_install_action (widget_class, "restore.ask", "s", ask_action);
}

static void
pb_restore_window_init (PbRestoreWindow *self)
{
  self->backups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pb_restore_window_new:
 * @parent: (nullable): the window it belongs to
 * @library_path: the library folder, whose backups/ it lists
 *
 * Returns: (transfer floating): a new window listing the backups
 */
PbRestoreWindow *
pb_restore_window_new (GtkWindow  *parent,
                       const char *library_path)
{
  PbRestoreWindow *self;

  g_return_val_if_fail (library_path != NULL, NULL);

  self = g_object_new (PB_TYPE_RESTORE_WINDOW, "transient-for", parent, NULL);
  self->library_path = g_strdup (library_path);
  reload (self);
  return self;
}

/**
 * pb_restore_window_get_n_backups:
 * @self: a restore window
 *
 * Returns: how many backups it lists
 */
guint
pb_restore_window_get_n_backups (PbRestoreWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (PB_IS_RESTORE_WINDOW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
