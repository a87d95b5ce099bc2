/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-task.h"
#include "pb-bundle-view-private.h"
#include "pb-member-note-editor.h"
#include "pb-toast.h"

/* The member's side of a pack from a bundle: notes on its findings and
 * sections, added, changed and deleted (with Undo), those on things a
 * newer copy of the pack no longer holds kept at the end; the questions
 * among them written out for the officer; and the pack taken out of the
 * library. */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* Puts each of the member's notes under what it is on. */
void
_pb_bundle_view_refresh_notes (PbBundleView *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GError) error = NULL;
  guint n_orphans = 0;

  g_clear_pointer (&self->notes, g_ptr_array_unref);
  clear_box (self->orphans_list);

  if (self->pack != NULL &&
      !(self->notes = pb_library_list_member_notes (self->library, pb_bundle_pack_get_id (self->pack), FALSE, &error)))
    pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));

  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      PbMemberNote *note = g_ptr_array_index (self->notes, i);
      const char *key = pb_member_note_get_target_key (note);
      GPtrArray *group;

      if (!pb_member_note_get_target_present (note))
        {
          gtk_box_append (GTK_BOX (self->orphans_list), pb_bundle_note_card_new (note));
          n_orphans++;
          continue;
        }
      if (!(group = g_hash_table_lookup (by_key, key)))
        g_hash_table_insert (by_key, (gpointer)key, group = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (group, g_object_ref (note));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (PB_IS_BUNDLE_ENTRY_ROW (child))
      {
        const char *key = pb_bundle_entry_get_key (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child)));
        GPtrArray *group = key ? g_hash_table_lookup (by_key, key) : NULL;

        pb_bundle_entry_row_set_notes (PB_BUNDLE_ENTRY_ROW (child), group);
        /* A finding listed twice shows its notes once. */
        if (group != NULL)
          g_hash_table_remove (by_key, key);
      }

  gtk_widget_set_visible (self->orphans_box, n_orphans > 0);
  _pb_bundle_view_update_counts (self);
}

static PbMemberNote *
find_note (PbBundleView *self,
           gint64        id)
{
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    if (pb_member_note_get_id (g_ptr_array_index (self->notes, i)) == id)
      return g_ptr_array_index (self->notes, i);
  return NULL;
}

/* After a note changes, focus goes back to what it is on. */
static void
refocus (PbBundleView *self,
         const char   *key)
{
  PbBundleEntryRow *row = key ? pb_bundle_view_find_row (self, key) : NULL;

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
note_saved_cb (PbBundleView       *self,
               gint64              note_id,
               PbMemberNoteEditor *editor)
{
  PbMemberNote *note;

  _pb_bundle_view_refresh_notes (self);
  if ((note = find_note (self, note_id)) != NULL)
    refocus (self, pb_member_note_get_target_key (note));
}

typedef struct
{
  PbBundleView *view;
  gint64        bundle_id;
  PbMemberNote *note;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->view);
  g_object_unref (undo->note);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast *toast,
                Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (pb_library_add_member_note (undo->view->library, undo->bundle_id, pb_member_note_get_target (undo->note),
                                  pb_member_note_get_target_key (undo->note), pb_member_note_get_text (undo->note),
                                  pb_member_note_get_question (undo->note), &error) <= 0)
    pb_show_toast (GTK_WIDGET (undo->view), adw_toast_new (error->message));
  if (pb_bundle_view_get_pack_id (undo->view) == undo->bundle_id)
    {
      _pb_bundle_view_refresh_notes (undo->view);
      refocus (undo->view, pb_member_note_get_target_key (undo->note));
    }
}

static void
note_deleted_cb (PbBundleView       *self,
                 PbMemberNote       *note,
                 PbMemberNoteEditor *editor)
{
  AdwToast *toast = adw_toast_new (pb_member_note_get_question (note) ? _("Question deleted") : _("Note deleted"));
  Undo *undo = g_new0 (Undo, 1);

  undo->view = g_object_ref (self);
  undo->bundle_id = pb_bundle_view_get_pack_id (self);
  undo->note = g_object_ref (note);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_free, 0);

  _pb_bundle_view_refresh_notes (self);
  refocus (self, pb_member_note_get_target_key (note));
  pb_show_toast (GTK_WIDGET (self), toast);
}

/**
 * pb_bundle_view_add_note:
 * @row: (nullable): the section or finding the note is on; %NULL to edit
 *   a note on something the pack no longer holds
 * @note: (nullable): the note to change, or %NULL for a new one on @row
 *
 * Opens the note editor.
 *
 * Returns: (transfer none) (nullable): the editor (a #PbMemberNoteEditor)
 */
GtkWidget *
pb_bundle_view_add_note (PbBundleView     *self,
                         PbBundleEntryRow *row,
                         PbMemberNote     *note)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PbBundleEntry *entry = row ? pb_bundle_entry_row_get_entry (row) : NULL;
  g_autofree char *about = NULL;
  PbMemberNoteEditor *editor;
  PbNoteTarget target;
  const char *key;

  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), NULL);
  g_return_val_if_fail (row != NULL || note != NULL, NULL);

  if (self->pack == NULL || (entry != NULL && pb_bundle_entry_get_key (entry) == NULL))
    return NULL;

  if (entry != NULL)
    {
      target = pb_bundle_entry_get_kind (entry) == PB_BUNDLE_ENTRY_SECTION ? PB_NOTE_ON_SECTION : PB_NOTE_ON_FINDING;
      key = pb_bundle_entry_get_key (entry);
      about = pb_bundle_entry_row_dup_about (row);
    }
  else
    {
      target = pb_member_note_get_target (note);
      key = pb_member_note_get_target_key (note);
      about = g_strdup (pb_member_note_get_about (note));
    }

  editor = pb_member_note_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library,
                                      pb_bundle_pack_get_id (self->pack), target, key, about, note);
  g_signal_connect_object (editor, "saved", G_CALLBACK (note_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (note_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PbBundleView *self = PB_BUNDLE_VIEW (widget);
  PbMemberNote *note = find_note (self, g_variant_get_int64 (parameter));

  if (note != NULL)
    pb_bundle_view_add_note (self,
                             pb_member_note_get_target_present (note)
                               ? pb_bundle_view_find_row (self, pb_member_note_get_target_key (note)) : NULL,
                             note);
}

/* Export Questions… */

typedef struct
{
  gint64             bundle_id;
  PbQuestionsFormat  format;
  char              *asked_by;
  char              *path;
} Export;

static void
export_free (Export *export)
{
  g_free (export->asked_by);
  g_free (export->path);
  g_free (export);
}

static gboolean
export_work (PbLibrary  *library,
             gpointer    data,
             GError    **error)
{
  Export *export = data;

  return pb_library_export_questions (library, export->bundle_id, export->format, export->asked_by,
                                      export->path, error);
}

/* Where the member's name is kept: the app's settings, when their schema
 * is installed (run from the build tree without it, the name is asked for
 * each time the window is open). */
static GSettings *
member_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new (APP_ID);
}

/* The name the officer sees the questions are from: the one the member
 * gave, never the computer's account name (which may well be "root"). */
static char *
dup_asker (PbBundleView *self)
{
  g_autoptr(GSettings) settings = member_settings ();
  g_autofree char *name = settings ? g_settings_get_string (settings, "member-name") : NULL;

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);
  return self->member_name && *self->member_name ? g_strdup (self->member_name) : NULL;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PbBundleView *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!pb_bundle_task_finish (PB_LIBRARY (object), result, &error))
    {
      pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_task_get_task_data (task));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Your questions were saved in “%s”"), name);

      pb_show_file_toast (GTK_WIDGET (self), message, file);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * pb_bundle_view_export_questions_async:
 * @path: (type filename): where to write
 * @format: Word or plain text
 * @callback: called when the file is written, or not
 * @user_data: for @callback
 *
 * Writes the member's questions on the pack shown, each with its
 * citation, on a worker thread, and says how it went in a toast.
 */
void
pb_bundle_view_export_questions_async (PbBundleView        *self,
                                       const char          *path,
                                       PbQuestionsFormat    format,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (PB_IS_BUNDLE_VIEW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, pb_bundle_view_export_questions_async);
  if (self->pack == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No pack is shown."));
      return;
    }

  export = g_new0 (Export, 1);
  export->bundle_id = pb_bundle_pack_get_id (self->pack);
  export->format = format;
  export->asked_by = dup_asker (self);
  export->path = g_strdup (path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  pb_bundle_task_run (self->library, export_work, export, (GDestroyNotify)export_free, NULL,
                      export_done_cb, g_steal_pointer (&task));
}

/**
 * pb_bundle_view_export_questions_finish:
 *
 * Returns: %TRUE when the file was written; else %FALSE with @error set as
 *   for pb_library_export_questions()
 */
gboolean
pb_bundle_view_export_questions_finish (PbBundleView  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_chooser_response_cb (PbBundleView    *self,
                            int              response,
                            GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* Word unless the name asks for plain text. */
      PbQuestionsFormat format = g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".TXT")
                                 ? PB_QUESTIONS_FORMAT_TEXT : PB_QUESTIONS_FORMAT_DOCX;

      if (format == PB_QUESTIONS_FORMAT_DOCX && !g_str_has_suffix (path, ".docx"))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *chosen = filter ? g_object_get_data (G_OBJECT (filter), "pb-format") : NULL;

          if (g_strcmp0 (chosen, "text") == 0)
            format = PB_QUESTIONS_FORMAT_TEXT;
        }
      pb_bundle_view_export_questions_async (self, path, format, NULL, NULL);
    }

  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix,
            const char     *format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data (G_OBJECT (filter), "pb-format", (gpointer)format);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void export_questions_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "continue", *name != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PbBundleView     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GSettings) settings = NULL;

  if (g_strcmp0 (response, "continue") != 0 || *name == '\0')
    return;
  if ((settings = member_settings ()))
    g_settings_set_string (settings, "member-name", name);
  g_free (self->member_name);
  self->member_name = g_steal_pointer (&name);
  export_questions_action (GTK_WIDGET (self), "bundle.export-questions", NULL);
}

static void
name_activate_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "continue"))
    {
      adw_message_dialog_response (dialog, "continue");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* The first time: who the questions are from, asked once and kept. */
static void
ask_member_name (PbBundleView *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Your Name"),
                                              _("The officer sees your questions under this name. It is "
                                                "asked once and kept on this computer."));

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example, Cllr Sam Ahmed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
export_questions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PbBundleView *self = PB_BUNDLE_VIEW (widget);
  g_autofree char *name = NULL;
  g_autofree char *asker = NULL;

  if (self->pack == NULL)
    return;
  /* Said before a file is chosen, not after. */
  {
    g_autoptr(GPtrArray) questions = pb_library_list_member_notes (self->library, pb_bundle_pack_get_id (self->pack),
                                                                   TRUE, NULL);

    if (questions != NULL && questions->len == 0)
      {
        pb_show_toast (GTK_WIDGET (self),
                       adw_toast_new (_("There are no questions to export: tick “A question for the meeting” "
                                        "on a note first")));
        return;
      }
  }
  if (!(asker = dup_asker (self)))
    {
      ask_member_name (self);
      return;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Questions"),
                                                                  GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  /* Translators: the file name offered for a member's questions; %s is the pack's title */
  name = g_strdup_printf (_("Questions on %s.docx"), pb_bundle_pack_get_title (self->pack));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Word documents"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "docx");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Plain text"), "text/plain", "txt", "text");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* Remove Pack… */

static gboolean
remove_work (PbLibrary  *library,
             gpointer    data,
             GError    **error)
{
  return pb_library_remove_bundle_pack (library, *(gint64 *)data, error);
}

static void
remove_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PbBundleView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pb_bundle_task_finish (PB_LIBRARY (object), result, &error))
    pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  else
    pb_show_toast (GTK_WIDGET (self), adw_toast_new (_("The pack and your notes on it were removed. Its reports "
                                                       "stay in your library.")));
  pb_bundle_view_reload (self);
}

static void
remove_response_cb (PbBundleView     *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  gint64 *id;

  if (g_strcmp0 (response, "remove") != 0 || self->pack == NULL)
    return;

  id = g_new (gint64, 1);
  *id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pb-bundle-id"));
  pb_bundle_task_run (self->library, remove_work, id, g_free, NULL, remove_done_cb, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbBundleView *self = PB_BUNDLE_VIEW (widget);
  GtkWidget *dialog;

  if (self->pack == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Remove Pack?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from your library, with your notes and questions "
                                    "on it. Its reports stay. The library is backed up first."),
                                  pb_bundle_pack_get_title (self->pack));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pb-bundle-id", GSIZE_TO_POINTER ((gsize)pb_bundle_pack_get_id (self->pack)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pb_bundle_view_class_init_notes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "bundle.edit-note", "x", edit_note_action);
  gtk_widget_class_install_action (widget_class, "bundle.export-questions", NULL, export_questions_action);
  gtk_widget_class_install_action (widget_class, "bundle.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "bundle.export-questions", NULL);
}
