/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-editor-private.h"
#include "pb-pack-row.h"
#include "pb-pack-section-dialog.h"

/* The pack's contents, row by row: moving rows with Alt+Up and Alt+Down,
 * removing them (with Undo), adding notes, headings and sections (the
 * tracker and a comparison among them, in their dialog), and editing their
 * words in a popover on the row. A finding's row opens the
 * finding in its report. */

PbPackEntry *
_pb_pack_editor_row_entry (GtkListBoxRow *row)
{
  return PB_IS_PACK_ROW (row) ? pb_pack_row_get_entry (PB_PACK_ROW (row)) : NULL;
}

/* The row the keyboard is on: the focused one, else the first selected. */
static int
current_row (PbPackEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkListBoxRow *selected;

  if (row != NULL && gtk_widget_get_parent (row) == GTK_WIDGET (self->contents_list))
    return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if ((selected = gtk_list_box_get_selected_row (self->contents_list)) != NULL)
    return gtk_list_box_row_get_index (selected);
  return -1;
}

void
_pb_pack_editor_focus_entry (PbPackEditor    *self,
                             PbPackEntryKind  kind,
                             gint64           id)
{
  guint position = pb_pack_contents_find (self->contents, kind, id);
  GtkListBoxRow *row;

  if (position == G_MAXUINT || !(row = gtk_list_box_get_row_at_index (self->contents_list, (int)position)))
    return;
  gtk_list_box_unselect_all (self->contents_list);
  gtk_list_box_select_row (self->contents_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  int direction = g_str_equal (action_name, "pack.move-up") ? -1 : 1;
  int position = current_row (self);
  g_autoptr(PbPackEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->contents == NULL || position < 0)
    return;

  entry = g_list_model_get_item (G_LIST_MODEL (self->contents), (guint)position);
  if (!pb_pack_contents_move (self->contents, (guint)position, direction, &error))
    {
      if (error != NULL)
        _pb_pack_editor_show_error (self, error);
      else
        gtk_widget_error_bell (widget);
      return;
    }
  _pb_pack_editor_focus_entry (self, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));
}

/**
 * pb_pack_editor_undo_remove:
 *
 * Puts back what was last removed, as the toast's Undo does.
 *
 * Returns: whether there was something to put back and it went back
 */
gboolean
pb_pack_editor_undo_remove (PbPackEditor *self)
{
  g_autoptr(PbPackRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), FALSE);

  if (!(removal = g_steal_pointer (&self->last_removal)))
    return FALSE;
  if (!pb_library_restore_to_pack (self->library, removal, &error))
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
undo_removal_cb (AdwToast     *toast,
                 PbPackEditor *self)
{
  pb_pack_editor_undo_remove (self);
}

static void
remove_rows (PbPackEditor *self,
             GArray       *positions)
{
  g_autoptr(PbPackRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_sections, n_items;
  AdwToast *toast;

  if (positions->len == 0)
    return;

  if (!(removal = pb_pack_contents_remove (self->contents, (guint *)(gpointer)positions->data, positions->len, &error)))
    {
      _pb_pack_editor_show_error (self, error);
      return;
    }

  n_sections = pb_pack_removal_get_n_sections (removal);
  n_items = pb_pack_removal_get_n_items (removal);
  if (n_sections > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Section removed", "%u sections removed", n_sections),
                               n_sections);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed from the pack", "%u items removed from the pack",
                                            n_items), n_items);

  pb_pack_removal_free (self->last_removal);
  self->last_removal = g_steal_pointer (&removal);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_removal_cb), self, 0);
  _pb_pack_editor_show_toast (self, toast);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GList *selected = gtk_list_box_get_selected_rows (self->contents_list);
  int current = current_row (self);

  if (self->contents == NULL)
    return;

  for (GList *l = selected; l; l = l->next)
    {
      guint index = (guint)gtk_list_box_row_get_index (l->data);
      g_array_append_val (positions, index);
    }
  g_list_free (selected);
  if (positions->len == 0 && current >= 0)
    {
      guint index = (guint)current;
      g_array_append_val (positions, index);
    }
  remove_rows (self, positions);
}

static void
row_remove_requested_cb (PbPackEditor *self,
                         PbPackRow    *row)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index = (guint)gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_array_append_val (positions, index);
  remove_rows (self, positions);
}

/* Editing a note, heading or section title, in a popover on its row. */

typedef struct
{
  PbPackEditor    *self;
  PbPackEntryKind  kind;
  gint64           id;
  GtkWidget       *popover;
  GtkWidget       *editor;     /* GtkEntry, or GtkTextView for a note */
} TextEdit;

static char *
text_edit_get_text (TextEdit *edit)
{
  if (GTK_IS_TEXT_VIEW (edit->editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (edit->editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (edit->editor)));
}

static void
text_edit_save_cb (GtkWidget *button,
                   TextEdit  *edit)
{
  g_autofree char *text = text_edit_get_text (edit);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (edit->kind == PB_PACK_ENTRY_SECTION)
    saved = pb_library_rename_pack_section (edit->self->library, edit->id, text, &error);
  else
    saved = pb_library_set_pack_item_text (edit->self->library, edit->id, text, &error);

  if (!saved)
    {
      _pb_pack_editor_show_error (edit->self, error);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (edit->popover));
  _pb_pack_editor_focus_entry (edit->self, edit->kind, edit->id);
}

static void
edit_text (PbPackEditor *self,
           GtkWidget    *row,
           PbPackEntry  *entry)
{
  TextEdit *edit = g_new0 (TextEdit, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  PbPackEntryKind kind = pb_pack_entry_get_kind (entry);

  edit->self = self;
  edit->kind = kind;
  edit->id = pb_pack_entry_get_id (entry);
  edit->popover = gtk_popover_new ();

  if (kind == PB_PACK_ENTRY_NOTE)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      edit->editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (edit->editor), GTK_WRAP_WORD_CHAR);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (edit->editor)), pb_pack_entry_get_text (entry), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), edit->editor);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_size_request (scroller, 420, 140);
      gtk_widget_add_css_class (scroller, "card");
      gtk_box_append (GTK_BOX (box), scroller);
    }
  else
    {
      edit->editor = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (edit->editor), pb_pack_entry_get_text (entry));
      gtk_editable_set_width_chars (GTK_EDITABLE (edit->editor), 40);
      gtk_entry_set_activates_default (GTK_ENTRY (edit->editor), TRUE);
      gtk_box_append (GTK_BOX (box), edit->editor);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == PB_PACK_ENTRY_NOTE ? _("Note")
                                  : kind == PB_PACK_ENTRY_HEADING ? _("Heading") : _("Section title"), -1);

  gtk_widget_set_halign (save, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (box), save);
  g_signal_connect_data (save, "clicked", G_CALLBACK (text_edit_save_cb), edit, (GClosureNotify)(void (*) (void))g_free, 0);

  gtk_popover_set_child (GTK_POPOVER (edit->popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (edit->popover), save);
  gtk_widget_set_parent (edit->popover, row);
  g_signal_connect (edit->popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (edit->popover));
  gtk_widget_grab_focus (edit->editor);
}

static void
contents_row_activated_cb (PbPackEditor  *self,
                           GtkListBoxRow *row)
{
  PbPackEntry *entry = _pb_pack_editor_row_entry (row);

  if (entry == NULL)
    return;
  if (pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_FINDING)
    {
      if (pb_pack_entry_get_finding (entry) != NULL)
        g_signal_emit_by_name (self, "finding-activated", pb_pack_entry_get_finding (entry));
      return;
    }
  /* The tracker or a comparison: what it shows, in its dialog. */
  if (pb_pack_entry_get_section_kind (entry) != PB_PACK_SECTION_FINDINGS)
    {
      gtk_window_present (GTK_WINDOW (pb_pack_section_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                  self->library, pb_pack_editor_get_pack_id (self),
                                                                  pb_pack_entry_get_section_kind (entry),
                                                                  pb_pack_entry_get_id (entry))));
      return;
    }
  edit_text (self, GTK_WIDGET (row), entry);
}

static void
add_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  int position = current_row (self);
  guint n = self->contents ? g_list_model_get_n_items (G_LIST_MODEL (self->contents)) : 0;
  g_autoptr(GError) error = NULL;
  PbPackEntryKind kind;
  gint64 id, section_id;
  int within = -1;
  GtkListBoxRow *row;

  if (self->contents == NULL || n == 0)
    return;

  if (g_str_equal (action_name, "pack.add-section"))
    {
      kind = PB_PACK_ENTRY_SECTION;
      id = pb_library_add_pack_section (self->library, pb_pack_editor_get_pack_id (self), _("New section"), &error);
    }
  else
    {
      kind = g_str_equal (action_name, "pack.add-note") ? PB_PACK_ENTRY_NOTE : PB_PACK_ENTRY_HEADING;

      /* Just after the row the keyboard is on, else at the end. */
      section_id = pb_pack_contents_section_at (self->contents, position >= 0 ? (guint)position : n);
      if (position >= 0)
        {
          guint heading = pb_pack_contents_find (self->contents, PB_PACK_ENTRY_SECTION, section_id);
          within = position - (int)heading;
        }
      id = pb_library_add_pack_text (self->library, section_id,
                                     kind == PB_PACK_ENTRY_NOTE ? PB_PACK_ITEM_NOTE : PB_PACK_ITEM_HEADING,
                                     kind == PB_PACK_ENTRY_NOTE ? _("New note") : _("New heading"),
                                     within, &error);
    }

  if (id == 0)
    {
      _pb_pack_editor_show_error (self, error);
      return;
    }

  _pb_pack_editor_focus_entry (self, kind, id);
  row = gtk_list_box_get_row_at_index (self->contents_list, (int)pb_pack_contents_find (self->contents, kind, id));
  if (row != NULL)
    edit_text (self, GTK_WIDGET (row), _pb_pack_editor_row_entry (row));
}

static void
add_special_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  PbPackSectionKind kind = g_str_equal (action_name, "pack.add-tracker-section")
                           ? PB_PACK_SECTION_RECOMMENDATIONS : PB_PACK_SECTION_COMPARISON;

  if (self->contents == NULL)
    return;
  gtk_window_present (GTK_WINDOW (pb_pack_section_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->library,
                                                              pb_pack_editor_get_pack_id (self), kind, 0)));
}

GtkWidget *
_pb_pack_editor_create_row (gpointer item,
                            gpointer data)
{
  PbPackEditor *self = data;
  PbPackEntry *entry = item;
  const char *cohort = pb_pack_entry_get_cohort (entry);
  GtkWidget *row = pb_pack_row_new (entry, cohort ? g_hash_table_lookup (self->cohort_colors, cohort) : NULL);

  _pb_pack_editor_add_drag_source (self, row);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (row_remove_requested_cb), self, G_CONNECT_SWAPPED);
  return row;
}

void
_pb_pack_editor_class_init_contents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, contents_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "pack.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "pack.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "pack.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "pack.add-note", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "pack.add-heading", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "pack.add-section", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "pack.add-tracker-section", NULL, add_special_action);
  gtk_widget_class_install_action (widget_class, "pack.add-comparison-section", NULL, add_special_action);
}
