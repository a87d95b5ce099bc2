/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-passphrase-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle.h"
#include "pb-passphrase-dialog.h"

/* The passphrase of an exempt pack's bundle: asked for once to open one
 * (again, with the reason, when it was not right), or chosen twice to write
 * one.  It is handed on once through ::passphrase-entered and the entries
 * are emptied; nothing keeps it. */

struct _PbPassphraseDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          choosing;

  GtkEditable      *entry;
  GtkEditable      *again_entry;
  GtkLabel         *problem_label;
  GtkLabel         *hint_label;
};

G_DEFINE_FINAL_TYPE (PbPassphraseDialog, pb_passphrase_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PASSPHRASE_ENTERED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_problem (PbPassphraseDialog *self,
              const char         *problem)
{
  gtk_label_set_label (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* Whether what is typed can be used; when choosing, says what is wrong
 * once the second entry is as long as the first. */
static gboolean
check (PbPassphraseDialog *self)
{
  const char *text = gtk_editable_get_text (self->entry);
  const char *again = gtk_editable_get_text (self->again_entry);

  if (!self->choosing)
    return *text != '\0';

  if (g_utf8_strlen (text, -1) < PB_BUNDLE_MIN_PASSPHRASE)
    {
      show_problem (self, NULL);
      return FALSE;
    }
  if (g_strcmp0 (text, again) != 0)
    {
      show_problem (self, g_utf8_strlen (again, -1) >= g_utf8_strlen (text, -1)
                            ? _("The two passphrases are not the same.") : NULL);
      return FALSE;
    }
  show_problem (self, NULL);
  return pb_bundle_check_passphrase (text, NULL);
}

static void
entry_changed_cb (PbPassphraseDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", check (self));
}

/* Enter answers the dialog as its button does, once what is typed will
 * do; from the first of two entries, it goes on to the second.  With
 * libadwaita 1.2, adw_message_dialog_response() leaves the dialog open
 * (only a button closes it), so it goes here too. */
static void
entry_activate_cb (PbPassphraseDialog *self,
                   GtkEditable        *entry)
{
  if (self->choosing && entry == self->entry && !check (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->again_entry));
      return;
    }
  if (!check (self))
    return;

  g_object_ref (self);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "ok");
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
pb_passphrase_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  PbPassphraseDialog *self = PB_PASSPHRASE_DIALOG (dialog);

  if (g_strcmp0 (response, "ok") == 0 && check (self))
    g_signal_emit (self, signals [PASSPHRASE_ENTERED], 0, gtk_editable_get_text (self->entry));
  else
    g_signal_emit (self, signals [PASSPHRASE_ENTERED], 0, NULL);

  gtk_editable_set_text (self->entry, "");
  gtk_editable_set_text (self->again_entry, "");

  if (ADW_MESSAGE_DIALOG_CLASS (pb_passphrase_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pb_passphrase_dialog_parent_class)->response (dialog, response);
}

static void
pb_passphrase_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_PASSPHRASE_DIALOG);

  G_OBJECT_CLASS (pb_passphrase_dialog_parent_class)->dispose (object);
}

static void
pb_passphrase_dialog_class_init (PbPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pb_passphrase_dialog_dispose;
  dialog_class->response = pb_passphrase_dialog_response;

  /**
   * PbPassphraseDialog::passphrase-entered:
   * @passphrase: (nullable): the passphrase, or %NULL if the user cancelled;
   *   valid only during the emission
   */
  signals [PASSPHRASE_ENTERED] =
    g_signal_new ("passphrase-entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-passphrase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPassphraseDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, PbPassphraseDialog, again_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPassphraseDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PbPassphraseDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
pb_passphrase_dialog_init (PbPassphraseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", FALSE);
}

/**
 * pb_passphrase_dialog_new_ask:
 * @parent: (nullable): the window it belongs to
 * @file_name: the bundle's name, as the user knows it
 * @problem: (nullable): why it asks again: the last passphrase was wrong
 *
 * Asks for the passphrase that opens an encrypted bundle.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
PbPassphraseDialog *
pb_passphrase_dialog_new_ask (GtkWindow  *parent,
                              const char *file_name,
                              const char *problem)
{
  PbPassphraseDialog *self;

  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (PB_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Passphrase Needed"),
                       NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("“%s” is an exempt pack, so it is encrypted. Enter the passphrase "
                                    "the officer gave you. It is not stored."),
                                  file_name);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok", _("_Open"));
  gtk_widget_set_visible (GTK_WIDGET (self->again_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  show_problem (self, problem);
  return self;
}

/**
 * pb_passphrase_dialog_new_choose:
 * @parent: (nullable): the window it belongs to
 * @pack_title: the exempt pack whose bundle is to be written
 *
 * Asks for a new passphrase, twice, of at least %PB_BUNDLE_MIN_PASSPHRASE
 * characters.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
PbPassphraseDialog *
pb_passphrase_dialog_new_choose (GtkWindow  *parent,
                                 const char *pack_title)
{
  PbPassphraseDialog *self;
  g_autofree char *hint = NULL;

  g_return_val_if_fail (pack_title != NULL, NULL);

  self = g_object_new (PB_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Choose a Passphrase"),
                       NULL);
  self->choosing = TRUE;
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("“%s” is exempt, so its bundle is encrypted. Members need this "
                                    "passphrase to open it. It is not stored anywhere."),
                                  pack_title);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok", _("_Export"));
  hint = g_strdup_printf (_("At least %d characters. Tell members the passphrase another way than "
                            "the file: by telephone, say."), PB_BUNDLE_MIN_PASSPHRASE);
  gtk_label_set_label (self->hint_label, hint);
  show_problem (self, NULL);
  return self;
}

/**
 * pb_passphrase_dialog_get_choosing:
 *
 * Returns: whether it asks for a new passphrase (twice), not for one that
 *   opens a bundle
 */
gboolean
pb_passphrase_dialog_get_choosing (PbPassphraseDialog *self)
{
  g_return_val_if_fail (PB_IS_PASSPHRASE_DIALOG (self), FALSE);
  return self->choosing;
}

/**
 * pb_passphrase_dialog_get_problem:
 *
 * Returns: (nullable): what the dialog says is wrong, if anything
 */
const char *
pb_passphrase_dialog_get_problem (PbPassphraseDialog *self)
{
  g_return_val_if_fail (PB_IS_PASSPHRASE_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ? gtk_label_get_label (self->problem_label)
                                                                   : NULL;
}

/**
 * pb_passphrase_dialog_type:
 * @passphrase: what to put in the entry
 * @again: (nullable): what to put in the second entry, when choosing
 *
 * Fills the entries as typing would.
 */
void
pb_passphrase_dialog_type (PbPassphraseDialog *self,
                           const char         *passphrase,
                           const char         *again)
{
  g_return_if_fail (PB_IS_PASSPHRASE_DIALOG (self));
  g_return_if_fail (passphrase != NULL);

  gtk_editable_set_text (self->entry, passphrase);
  gtk_editable_set_text (self->again_entry, again ? again : "");
}
