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

/* One row of the failures list: the file's name, then why it was not
 * imported, both selectable so that they can be copied into an email. */
static GtkWidget *
failure_row_new (PbImportResult *result)
{
  g_autofree char *name = g_file_get_basename (pb_import_result_get_file (result));
  const char *reason = pb_import_result_get_error (result)->message;
  g_autofree char *spoken = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *reason_label = gtk_label_new (reason);
  GtkWidget *labels[] = { name_label, reason_label };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = labels[i];

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* A file name may have no spaces: it still wraps, not widens, and
       * without the hyphens Pango would add where it breaks a word, which
       * are no part of the name. */
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      {
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
        gtk_label_set_attributes (GTK_LABEL (label), attrs);
        pango_attr_list_unref (attrs);
      }
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      /* Selectable for copying with the mouse, but no Tab stop: the row is
       * one, and two stops a file made the list a trap for the keyboard.
       * Not focusable is not enough: a selectable label takes Tab for
       * itself even then, and would hold the focus on its row. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_focusable (label, FALSE);
      gtk_widget_set_can_focus (label, FALSE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (name_label, "heading");
  gtk_widget_add_css_class (reason_label, "dim-label");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* A screen reader says the row as one: the file, then the reason. */
  /* Translators: %s is a file name, then why it was not imported */
  spoken = g_strdup_printf (_("%s: %s"), name, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return row;
}

/* The list of failed files, which scrolls inside the dialog once it is
 * taller than a few rows: a dialog one paragraph per file tall put its
 * Close button off the screen. */
static GtkWidget *
failure_list_new (GPtrArray *failures)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Files not imported"), -1);
  for (guint i = 0; i < failures->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), failure_row_new (g_ptr_array_index (failures, i)));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* Room for about four rows; with the heading and the button the dialog
   * fits a 760 px-high screen. */
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), PB_IMPORT_FAILURES_LIST_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  return scrolled;
}

/**
 * pb_import_failures_dialog_new:
 * @window: the window to put the dialog over
 * @failures: (element-type PbImportResult): the files that were not
 *   imported, at least one, each with an error
 *
 * A dialog that tells the user which files were not imported and why. One
 * file is told in the body; several are listed, file name and reason per
 * row, in a list that scrolls once it is taller than
 * %PB_IMPORT_FAILURES_LIST_MAX_HEIGHT pixels, so Close always shows. Close
 * is the default response and Escape closes.
 *
 * Returns: (transfer floating): an #AdwMessageDialog, not yet presented
 */
GtkWidget *
pb_import_failures_dialog_new (GtkWindow *window,
                               GPtrArray *failures)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (!window || GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (failures != NULL && failures->len > 0, NULL);

  if (failures->len == 1)
    {
      PbImportResult *result = g_ptr_array_index (failures, 0);
      g_autofree char *name = g_file_get_basename (pb_import_result_get_file (result));

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
      body = g_strdup_printf ("%s\n\n%s", pb_import_result_get_error (result)->message,
                              _("Nothing was added to the library for this file."));
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u File Was Not Imported",
                                              "%u Files Were Not Imported",
                                              failures->len),
                                 failures->len);
      body = g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                    "Nothing was added to the library for this file.",
                                    "Nothing was added to the library for these files.",
                                    failures->len));
    }

  dialog = adw_message_dialog_new (window, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (failures->len > 1)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), failure_list_new (failures));

  return dialog;
}

/* With @with_locked, the files that wanted a password are told among the
 * failures (after a Stop, when no password is asked for).
 * Returns: (nullable): the dialog shown, if any files failed */
static GtkWidget *
show_failures (PbImportQueue *queue,
               GtkWindow     *window,
               gboolean       with_locked)
{
  GPtrArray *failures = pb_import_queue_get_failures (queue);
  GPtrArray *locked = pb_import_queue_get_locked (queue);
  g_autoptr(GPtrArray) told = g_ptr_array_new ();
  GtkWidget *dialog;

  for (guint i = 0; i < failures->len; i++)
    g_ptr_array_add (told, g_ptr_array_index (failures, i));
  for (guint i = 0; with_locked && i < locked->len; i++)
    g_ptr_array_add (told, g_ptr_array_index (locked, i));
  if (told->len == 0)
    return NULL;

  dialog = pb_import_failures_dialog_new (window, told);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The files a batch could not open without a password, asked for one at a
 * time (five prompts at once, each over the last, asked five times for
 * what is often one password). A password given for one file is tried on
 * the files not yet asked for too: reports sent by one council often share
 * one. Those it does not open come back from that batch, and are asked for
 * again, saying the password was not right. */
typedef struct
{
  PbImportQueue *queue;
  GtkWindow     *window;
  GPtrArray     *locked;     /* PbImportResult */
  guint          next;       /* the next to ask for */
} PasswordRound;

static void
password_round_free (PasswordRound *round)
{
  g_object_unref (round->queue);
  g_object_unref (round->window);
  g_ptr_array_unref (round->locked);
  g_free (round);
}

static void ask_next_password (PasswordRound *round);

static void
round_password_cb (PbPasswordDialog *dialog,
                   const char       *password,
                   PasswordRound    *round)
{
  g_autoptr(GPtrArray) files = NULL;

  /* Cancelled: on to the next file. */
  if (password == NULL)
    {
      ask_next_password (round);
      return;
    }

  /* This file and those not asked for yet, with this password. */
  files = g_ptr_array_new ();
  for (guint i = round->next - 1; i < round->locked->len; i++)
    g_ptr_array_add (files, pb_import_result_get_file (g_ptr_array_index (round->locked, i)));
  pb_import_queue_add (round->queue, (GFile **)files->pdata, files->len, password);
  password_round_free (round);
}

static void
ask_next_password (PasswordRound *round)
{
  PbImportResult *result;
  PbPasswordDialog *dialog;
  gboolean retry;

  if (round->next >= round->locked->len)
    {
      password_round_free (round);
      return;
    }

  result = g_ptr_array_index (round->locked, round->next++);
  retry = g_error_matches (pb_import_result_get_error (result), PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD);
  dialog = pb_password_dialog_new (round->window, pb_import_result_get_file (result), retry);
  g_signal_connect (dialog, "password-entered", G_CALLBACK (round_password_cb), round);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the failed-files dialog, if one is shown. */
static void
ask_for_passwords (PbImportQueue *queue,
                   GtkWindow     *window,
                   GtkWidget     *failures_dialog)
{
  GPtrArray *locked = pb_import_queue_get_locked (queue);
  PasswordRound *round;

  if (locked->len == 0)
    return;

  round = g_new0 (PasswordRound, 1);
  round->queue = g_object_ref (queue);
  round->window = g_object_ref (window);
  round->locked = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < locked->len; i++)
    g_ptr_array_add (round->locked, g_object_ref (g_ptr_array_index (locked, i)));

  if (failures_dialog != NULL)
    g_signal_connect_swapped (failures_dialog, "response", G_CALLBACK (ask_next_password), round);
  else
    ask_next_password (round);
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

      return report ? g_strdup_printf (_("Imported “%s”"), pb_report_get_display_title (report)) : NULL;
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
 * pb_import_outcome_stopped_message:
 * @queue: the import queue whose batch was stopped, as its "finished"
 *   signal is emitted
 *
 * Returns: (transfer full): what the user is told when they stop a batch:
 *   how many reports it had imported, which stay in the library, and how
 *   many files it left out
 */
char *
pb_import_outcome_stopped_message (PbImportQueue *queue)
{
  g_autofree char *kept = NULL;
  guint n_imported, n_stopped;

  g_return_val_if_fail (PB_IS_IMPORT_QUEUE (queue), NULL);

  n_imported = pb_import_queue_get_n_imported (queue);
  n_stopped = pb_import_queue_get_n_stopped (queue);
  if (n_imported == 0)
    kept = g_strdup (_("Import stopped. Nothing was added to the library"));
  else
    kept = g_strdup_printf (ngettext ("Import stopped. %u report was imported and stays in the library",
                                      "Import stopped. %u reports were imported and stay in the library",
                                      n_imported),
                            n_imported);
  if (n_stopped == 0)
    return g_strconcat (kept, ".", NULL);

  /* Translators: %s is what a stopped import kept, "Import stopped. 3
   * reports were imported and stay in the library" */
  return g_strdup_printf (ngettext ("%s; %u file was left out.", "%s; %u files were left out.", n_stopped),
                          kept, n_stopped);
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

  /* Stopped: what stays and what was left out, and the files that had
   * failed before the Stop all the same, those that wanted a password
   * among them: no password is asked for after a Stop. */
  if (cancelled)
    {
      g_autofree char *stopped = pb_import_outcome_stopped_message (queue);

      pb_show_toast (GTK_WIDGET (window), adw_toast_new (stopped));
      show_failures (queue, window, TRUE);
      return;
    }

  if ((message = outcome_message (queue, library)) != NULL)
    pb_show_toast (GTK_WIDGET (window), adw_toast_new (message));

  ask_for_passwords (queue, window, show_failures (queue, window, FALSE));
}
