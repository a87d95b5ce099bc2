/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-member-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-member-note-editor.h"

/* A member's note on a finding or a section of a pack: written, changed or
 * deleted here, and saved in the member's library as it closes.  Saving
 * writes one row (quick), so it is done here on the spot, as the finding
 * editor saves a finding. */

struct _PbMemberNoteEditor
{
  AdwWindow       parent_instance;

  PbLibrary      *library;
  gint64          bundle_id;
  PbNoteTarget    target;
  char           *target_key;
  PbMemberNote   *note;            /* when editing one */

  AdwWindowTitle *window_title;
  GtkLabel       *about_label;
  GtkTextView    *text_view;
  GtkCheckButton *question_check;
  GtkLabel       *problem_label;
  GtkWidget      *delete_button;

  char           *original;        /* the text it opened with, stripped */
  gboolean        discard;         /* closing without asking: saved, or chosen */
};

G_DEFINE_FINAL_TYPE (PbMemberNoteEditor, pb_member_note_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_text (PbMemberNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
text_changed_cb (PbMemberNoteEditor *self)
{
  g_autofree char *text = dup_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.save", *text != '\0');
}

static void
show_problem (PbMemberNoteEditor *self,
              const GError       *error)
{
  gtk_label_set_label (self->problem_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbMemberNoteEditor *self = PB_MEMBER_NOTE_EDITOR (widget);
  g_autofree char *text = dup_text (self);
  gboolean question = gtk_check_button_get_active (self->question_check);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (*text == '\0')
    return;

  if (self->note != NULL)
    {
      id = pb_member_note_get_id (self->note);
      if (!pb_library_update_member_note (self->library, id, text, question, &error))
        id = 0;
    }
  else
    id = pb_library_add_member_note (self->library, self->bundle_id, self->target, self->target_key,
                                     text, question, &error);

  if (id <= 0)
    {
      show_problem (self, error);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, id);
  self->discard = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbMemberNoteEditor *self = PB_MEMBER_NOTE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->note == NULL)
    return;

  if (!pb_library_delete_member_note (self->library, pb_member_note_get_id (self->note), &error))
    {
      show_problem (self, error);
      return;
    }

  g_signal_emit (self, signals [DELETED], 0, self->note);
  self->discard = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl+Enter saves from anywhere in the editor, the text box included,
 * which would otherwise take Enter for a new line: so it is caught before
 * the text box sees it. */
static gboolean
key_pressed_cb (PbMemberNoteEditor *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state,
                GtkEventController *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "note.save", NULL);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_changed (PbMemberNoteEditor *self)
{
  g_autofree char *text = dup_text (self);

  return g_strcmp0 (text, self->original ? self->original : "") != 0;
}

static void
discard_response_cb (PbMemberNoteEditor *self,
                     const char         *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->discard = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Escape, Cancel or the window's close: a note typed or changed is not
 * thrown away without asking. */
static gboolean
close_request_cb (PbMemberNoteEditor *self)
{
  GtkWidget *dialog;

  if (self->discard || !is_changed (self))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Note?"),
                                   self->note ? _("Your changes to the note will be lost.")
                                              : _("What you have typed will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Writing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
pb_member_note_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_MEMBER_NOTE_EDITOR);

  G_OBJECT_CLASS (pb_member_note_editor_parent_class)->dispose (object);
}

static void
pb_member_note_editor_finalize (GObject *object)
{
  PbMemberNoteEditor *self = (PbMemberNoteEditor *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->note);
  g_free (self->target_key);
  g_free (self->original);

  G_OBJECT_CLASS (pb_member_note_editor_parent_class)->finalize (object);
}

static void
pb_member_note_editor_class_init (PbMemberNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_member_note_editor_dispose;
  object_class->finalize = pb_member_note_editor_finalize;

  /**
   * PbMemberNoteEditor::saved:
   * @note_id: the note written, new or changed
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbMemberNoteEditor::deleted:
   * @note: the note as it was, to put back
   */
  signals [DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_MEMBER_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-member-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, about_label);
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, question_check);
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PbMemberNoteEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "note.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "note.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "note.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_member_note_editor_init (PbMemberNoteEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  text_changed_cb (self);
}

/**
 * pb_member_note_editor_new:
 * @parent: (nullable): the window it belongs to
 * @library: the member's library
 * @bundle_id: the pack the note is on
 * @target: whether the note is on a finding or a section
 * @target_key: that finding's or section's key (pb_bundle_entry_get_key())
 * @about: a line saying what the note is on: the quote, the section
 * @note: (nullable): the note to change, or %NULL for a new one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
PbMemberNoteEditor *
pb_member_note_editor_new (GtkWindow    *parent,
                           PbLibrary    *library,
                           gint64        bundle_id,
                           PbNoteTarget  target,
                           const char   *target_key,
                           const char   *about,
                           PbMemberNote *note)
{
  PbMemberNoteEditor *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (target_key != NULL, NULL);
  g_return_val_if_fail (!note || PB_IS_MEMBER_NOTE (note), NULL);

  self = g_object_new (PB_TYPE_MEMBER_NOTE_EDITOR, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->bundle_id = bundle_id;
  self->target = target;
  self->target_key = g_strdup (target_key);
  self->note = note ? g_object_ref (note) : NULL;

  gtk_label_set_label (self->about_label, about ? about : "");
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), about != NULL && *about != '\0');
  gtk_widget_set_visible (self->delete_button, note != NULL);
  adw_window_title_set_title (self->window_title, note ? _("Edit Note") : _("Add Note"));
  adw_window_title_set_subtitle (self->window_title, target == PB_NOTE_ON_SECTION ? _("On a section")
                                                                                 : _("On a finding"));
  if (note != NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), pb_member_note_get_text (note), -1);
      gtk_check_button_set_active (self->question_check, pb_member_note_get_question (note));
    }
  self->original = dup_text (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

/**
 * pb_member_note_editor_get_note:
 *
 * Returns: (transfer none) (nullable): the note being changed; %NULL for a
 *   new one
 */
PbMemberNote *
pb_member_note_editor_get_note (PbMemberNoteEditor *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE_EDITOR (self), NULL);
  return self->note;
}

/**
 * pb_member_note_editor_set_text:
 * @text: the note, as typed
 */
void
pb_member_note_editor_set_text (PbMemberNoteEditor *self,
                                const char         *text)
{
  g_return_if_fail (PB_IS_MEMBER_NOTE_EDITOR (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/**
 * pb_member_note_editor_set_question:
 * @question: whether the note is a question for the meeting
 */
void
pb_member_note_editor_set_question (PbMemberNoteEditor *self,
                                    gboolean            question)
{
  g_return_if_fail (PB_IS_MEMBER_NOTE_EDITOR (self));
  gtk_check_button_set_active (self->question_check, question);
}
