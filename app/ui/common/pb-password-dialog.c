/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-password-dialog.h"

/* Asks for the password of an encrypted PDF being imported. The password is
 * handed on once and not kept. */

struct _PbPasswordDialog
{
  AdwMessageDialog  parent_instance;

  GFile            *file;

  GtkEditable      *entry;
  GtkLabel         *retry_label;
};

G_DEFINE_FINAL_TYPE (PbPasswordDialog, pb_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PASSWORD_ENTERED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
entry_changed_cb (PbPasswordDialog *self)
{
  const char *text = gtk_editable_get_text (self->entry);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "unlock",
                                           text != NULL && *text != '\0');
}

/* Enter unlocks as the Unlock button does: once, and the dialog closes (a
 * response alone leaves it open, for Enter to unlock again); a wrong
 * password asks again in a new dialog, never over this one. */
static void
entry_activate_cb (PbPasswordDialog *self)
{
  const char *text = gtk_editable_get_text (self->entry);

  if (text == NULL || *text == '\0')
    return;

  g_object_ref (self);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "unlock");
  /* Not gtk_window_close (): that would answer "cancel" as well. */
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
pb_password_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  PbPasswordDialog *self = PB_PASSWORD_DIALOG (dialog);

  if (g_strcmp0 (response, "unlock") == 0)
    g_signal_emit (self, signals [PASSWORD_ENTERED], 0, gtk_editable_get_text (self->entry));
  else
    g_signal_emit (self, signals [PASSWORD_ENTERED], 0, NULL);

  gtk_editable_set_text (self->entry, "");

  if (ADW_MESSAGE_DIALOG_CLASS (pb_password_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pb_password_dialog_parent_class)->response (dialog, response);
}

static void
pb_password_dialog_dispose (GObject *object)
{
  PbPasswordDialog *self = (PbPasswordDialog *)object;

  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (pb_password_dialog_parent_class)->dispose (object);
}

static void
pb_password_dialog_class_init (PbPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pb_password_dialog_dispose;
  dialog_class->response = pb_password_dialog_response;

  /**
   * PbPasswordDialog::password-entered:
   * @password: (nullable): the password, or %NULL if the user cancelled
   */
  signals [PASSWORD_ENTERED] =
    g_signal_new ("password-entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPasswordDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, PbPasswordDialog, retry_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
pb_password_dialog_init (PbPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "unlock", FALSE);
}

PbPasswordDialog *
pb_password_dialog_new (GtkWindow *parent,
                        GFile     *file,
                        gboolean   retry)
{
  PbPasswordDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PB_TYPE_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("“%s” is protected by a password. Enter it to import the "
                                    "report; the password is not stored."),
                                  name);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_label), retry);

  return self;
}

/**
 * pb_password_dialog_set_retry:
 * @retry: whether the password given last was wrong
 *
 * Says so under the entry, in a dialog already asking.
 */
void
pb_password_dialog_set_retry (PbPasswordDialog *self,
                              gboolean          retry)
{
  g_return_if_fail (PB_IS_PASSWORD_DIALOG (self));
  gtk_widget_set_visible (GTK_WIDGET (self->retry_label), retry);
}

/**
 * pb_password_dialog_get_retry:
 *
 * Returns: whether the dialog says the password given last was wrong
 */
gboolean
pb_password_dialog_get_retry (PbPasswordDialog *self)
{
  g_return_val_if_fail (PB_IS_PASSWORD_DIALOG (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->retry_label));
}

GFile *
pb_password_dialog_get_file (PbPasswordDialog *self)
{
  g_return_val_if_fail (PB_IS_PASSWORD_DIALOG (self), NULL);
  return self->file;
}
