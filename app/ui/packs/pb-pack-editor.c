/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-pack-editor-private.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-pack-row.h"
#include "pb-report-details.h"
#include "pb-structure-store.h"
#include "pb-toast.h"

/* One briefing pack being put together: its details, the latest grades of
 * what it cites, and its contents in order.  Rows move by drag and drop or
 * Alt+Up/Down, leave with Undo, and the pack goes out as PDF, Word, a web
 * page or a spreadsheet, previewed and printed, all written off the main
 * thread (see pb-pack-editor-export.c). */

G_DEFINE_FINAL_TYPE (PbPackEditor, pb_pack_editor, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void
_pb_pack_editor_show_toast (PbPackEditor *self,
                            AdwToast     *toast)
{
  pb_show_toast (GTK_WIDGET (self), toast);
}

void
_pb_pack_editor_show_error (PbPackEditor *self,
                            const GError *error)
{
  _pb_pack_editor_show_toast (self, adw_toast_new (error->message));
}

PbPack *
_pb_pack_editor_current_pack (PbPackEditor *self)
{
  return self->contents ? pb_pack_contents_get_pack (self->contents) : NULL;
}

/* Details */

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  /* Never under the user's fingers. */
  if (gtk_widget_has_focus (GTK_WIDGET (row)) || gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
fill_header (PbPackEditor *self)
{
  PbPack *pack = _pb_pack_editor_current_pack (self);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n;

  if (pack == NULL)
    return;

  gtk_label_set_label (self->title_label, pb_pack_get_title (pack));
  if (*pb_pack_get_committee (pack) != '\0')
    g_string_append (subtitle, pb_pack_get_committee (pack));
  if (pb_pack_get_meeting_date (pack) != NULL)
    {
      GDate date;
      char text[64];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, pb_pack_get_meeting_date (pack));
      /* Translators: a meeting date; see strftime(3) */
      if (g_date_valid (&date) && g_date_strftime (text, sizeof text, _("%-d %B %Y"), &date) > 0)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", text);
    }
  n = pb_pack_get_n_findings (pack);
  g_string_append_printf (subtitle, "%s", subtitle->len ? " · " : "");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  gtk_label_set_label (self->classification_badge, pb_pack_get_exempt (pack) ? _("Exempt") : _("Public"));
  if (pb_pack_get_exempt (pack))
    gtk_widget_add_css_class (GTK_WIDGET (self->classification_badge), "exempt");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->classification_badge), "exempt");
}

static void
fill_details (PbPackEditor *self)
{
  PbPack *pack = _pb_pack_editor_current_pack (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->introduction_view);

  if (pack == NULL)
    return;

  self->filling = TRUE;
  set_row_text (self->title_row, pb_pack_get_title (pack));
  set_row_text (self->committee_row, pb_pack_get_committee (pack));
  set_row_text (self->date_row, pb_pack_get_meeting_date (pack));
  set_row_text (self->author_row, pb_pack_get_author (pack));
  adw_combo_row_set_selected (self->classification_row, pb_pack_get_exempt (pack) ? 1 : 0);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->introduction_view)) && self->intro_save == 0)
    gtk_text_buffer_set_text (buffer, pb_pack_get_introduction (pack), -1);
  self->filling = FALSE;

  fill_header (self);
}

static void
field_apply_cb (PbPackEditor *self,
                AdwEntryRow  *row)
{
  g_autoptr(GError) error = NULL;
  PbPackField field;

  if (self->contents == NULL)
    return;

  if (row == self->title_row)
    field = PB_PACK_FIELD_TITLE;
  else if (row == self->committee_row)
    field = PB_PACK_FIELD_COMMITTEE;
  else if (row == self->date_row)
    field = PB_PACK_FIELD_MEETING_DATE;
  else
    field = PB_PACK_FIELD_AUTHOR;

  if (!pb_library_set_pack_field (self->library, pb_pack_editor_get_pack_id (self), field,
                                  gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      _pb_pack_editor_show_error (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
_pb_pack_editor_save_introduction (PbPackEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->introduction_view);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->intro_save, g_source_remove);
  if (self->contents == NULL || _pb_pack_editor_current_pack (self) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, pb_pack_get_introduction (_pb_pack_editor_current_pack (self))) != 0 &&
      !pb_library_set_pack_field (self->library, pb_pack_editor_get_pack_id (self),
                                  PB_PACK_FIELD_INTRODUCTION, text, &error))
    _pb_pack_editor_show_error (self, error);
}

static gboolean
introduction_save_cb (gpointer data)
{
  PbPackEditor *self = data;

  self->intro_save = 0;
  _pb_pack_editor_save_introduction (self);
  return G_SOURCE_REMOVE;
}

/* Typing is saved a moment after it stops, as every other edit is at once. */
static void
introduction_changed_cb (PbPackEditor  *self,
                         GtkTextBuffer *buffer)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->intro_save, g_source_remove);
  self->intro_save = g_timeout_add (700, introduction_save_cb, self);
}

static void
make_public_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         PbPackEditor     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "remove") &&
      pb_library_set_pack_exempt (self->library, pb_pack_editor_get_pack_id (self), FALSE, TRUE, &error))
    return;

  if (error != NULL)
    _pb_pack_editor_show_error (self, error);
  /* Kept exempt: the choice goes back to what it is. */
  fill_details (self);
}

/* Going public while holding exempt findings: say which, and ask. */
static void
ask_make_public (PbPackEditor *self,
                 GArray       *held)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "This finding is not for publication and will be taken out of the pack:",
                                      "These findings are not for publication and will be taken out of the pack:",
                                      held->len));
  for (guint i = 0; i < held->len && i < 8; i++)
    {
      g_autoptr(PbFinding) finding = pb_library_get_finding (self->library, g_array_index (held, gint64, i), NULL);
      g_autofree char *words = NULL;

      if (finding == NULL)
        continue;
      words = g_utf8_strlen (pb_finding_get_quote (finding), -1) > 90
                ? g_strconcat (g_utf8_substring (pb_finding_get_quote (finding), 0, 87), "…", NULL)
                : g_strdup (pb_finding_get_quote (finding));
      g_string_append_printf (body, "\n\n• “%s”", words);
    }
  if (held->len > 8)
    g_string_append_printf (body, "\n\n%s", _("…and more."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Make the Pack Public?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Exempt"),
                                    "remove", _("_Remove and Make Public"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (make_public_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
classification_selected_cb (PbPackEditor *self)
{
  gboolean exempt = adw_combo_row_get_selected (self->classification_row) == 1;
  g_autoptr(GArray) held = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || _pb_pack_editor_current_pack (self) == NULL || exempt == pb_pack_get_exempt (_pb_pack_editor_current_pack (self)))
    return;

  if (!exempt)
    {
      if (!(held = pb_library_list_pack_exempt_findings (self->library, pb_pack_editor_get_pack_id (self), &error)))
        {
          _pb_pack_editor_show_error (self, error);
          fill_details (self);
          return;
        }
      if (held->len > 0)
        {
          ask_make_public (self, held);
          return;
        }
    }

  if (!pb_library_set_pack_exempt (self->library, pb_pack_editor_get_pack_id (self), exempt, FALSE, &error))
    {
      _pb_pack_editor_show_error (self, error);
      fill_details (self);
    }
}

/* Summary of grades */

static GtkWidget *
summary_row (PbInspection *inspection)
{
  PbStructure *structure = inspection->structure;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grades = gtk_flow_box_new ();
  GtkWidget *title = gtk_label_new (NULL);
  g_autofree char *dates = pb_format_inspection_dates (structure);
  g_autofree char *heading = g_strdup_printf ("%s · %s%s%s", structure->local_authority,
                                              pb_document_type_get_label (structure->type),
                                              dates ? " · " : "", dates ? dates : "");

  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (grades), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (grades), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (grades), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (grades), 6);
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    {
      GtkWidget *pair;
      GtkWidget *label;

      if (structure->judgements[j] == PB_GRADE_NONE)
        continue;
      /* The combined era gives one grade to care leavers and children in care. */
      if (j == PB_JUDGEMENT_CARE_LEAVERS && structure->cic_and_care_leavers_combined)
        continue;

      pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      label = gtk_label_new (j == PB_JUDGEMENT_CHILDREN_IN_CARE && structure->cic_and_care_leavers_combined
                               ? _("Children in care and care leavers") : pb_judgement_get_label (j));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (pair), label);
      gtk_box_append (GTK_BOX (pair), pb_grade_badge_new (structure->judgements[j]));
      gtk_flow_box_append (GTK_FLOW_BOX (grades), pair);
    }
  gtk_box_append (GTK_BOX (box), grades);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
fill_summary (PbPackEditor *self)
{
  GPtrArray *summary = self->contents ? pb_pack_contents_get_summary (self->contents) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  if (summary == NULL || summary->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("The grades appear here once the pack cites an inspection report."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->summary_list, row);
      return;
    }

  for (guint i = 0; i < summary->len; i++)
    gtk_list_box_append (self->summary_list, summary_row (g_ptr_array_index (summary, i)));
}

/* Contents */

static PbPackEntry *
row_entry (GtkListBoxRow *row)
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

static void
focus_entry (PbPackEditor    *self,
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
  focus_entry (self, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));
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
  focus_entry (edit->self, edit->kind, edit->id);
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
  PbPackEntry *entry = row_entry (row);

  if (entry == NULL)
    return;
  if (pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_FINDING)
    {
      if (pb_pack_entry_get_finding (entry) != NULL)
        g_signal_emit (self, signals [FINDING_ACTIVATED], 0, pb_pack_entry_get_finding (entry));
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

  focus_entry (self, kind, id);
  row = gtk_list_box_get_row_at_index (self->contents_list, (int)pb_pack_contents_find (self->contents, kind, id));
  if (row != NULL)
    edit_text (self, GTK_WIDGET (row), row_entry (row));
}

/* Drag and drop: rows within the list, and findings from elsewhere. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 PbPackRow     *row)
{
  return gdk_content_provider_new_typed (PB_TYPE_PACK_ENTRY, pb_pack_row_get_entry (row));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               PbPackRow     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 24, 16);
}

/* Where a drop at @y lands: before which row. */
static guint
drop_target_row (PbPackEditor *self,
                 double        y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->contents_list, (int)y);
  PbPackEntry *entry;
  graphene_rect_t bounds;
  guint index;

  if (row == NULL)
    return y < 0 ? 1 : g_list_model_get_n_items (G_LIST_MODEL (self->contents));

  index = (guint)gtk_list_box_row_get_index (row);
  entry = row_entry (row);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->contents_list), &bounds))
    return index;

  /* On a section's heading: the start of that section. */
  if (entry != NULL && pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_SECTION)
    return index + 1;
  return y > bounds.origin.y + bounds.size.height / 2 ? index + 1 : index;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                PbPackEditor  *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->contents_list, (int)y);

  if (row != NULL)
    gtk_list_box_drag_highlight_row (self->contents_list, row);
  else
    gtk_list_box_drag_unhighlight_row (self->contents_list);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               PbPackEditor  *self)
{
  gtk_list_box_drag_unhighlight_row (self->contents_list);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PbPackEditor  *self)
{
  g_autoptr(GError) error = NULL;
  guint to;

  gtk_list_box_drag_unhighlight_row (self->contents_list);
  if (self->contents == NULL)
    return FALSE;

  to = drop_target_row (self, y);

  if (G_VALUE_HOLDS (value, PB_TYPE_FINDING))
    return pb_pack_editor_drop_finding (self, g_value_get_object (value), to);

  if (G_VALUE_HOLDS (value, PB_TYPE_PACK_ENTRY))
    {
      PbPackEntry *entry = g_value_get_object (value);
      guint from = pb_pack_contents_find (self->contents, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));

      if (from == G_MAXUINT)
        return FALSE;   /* from another pack's editor */
      if (!pb_pack_contents_move_before (self->contents, from, to, &error))
        {
          if (error != NULL)
            _pb_pack_editor_show_error (self, error);
          return FALSE;
        }
      focus_entry (self, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));
      return TRUE;
    }
  return FALSE;
}

/* The row holding @finding_id, or G_MAXUINT. */
static guint
finding_position (PbPackEditor *self,
                  gint64        finding_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->contents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->contents), i);
      PbFinding *held = pb_pack_entry_get_finding (entry);

      if (held != NULL && pb_finding_get_id (held) == finding_id)
        return i;
    }
  return G_MAXUINT;
}

/* Scrolls @row into sight and selects it, leaving the keyboard where it is
 * (adding from the list of findings goes on from there). */
static void
reveal_row (PbPackEditor  *self,
            GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t bounds;

  gtk_list_box_unselect_all (self->contents_list);
  gtk_list_box_select_row (self->contents_list, row);
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/**
 * pb_pack_editor_add_finding:
 *
 * Adds a finding to the section for its cohort (all of the exempt rule
 * applies) and shows where it went.
 */
gboolean
pb_pack_editor_add_finding (PbPackEditor *self,
                            PbFinding    *finding)
{
  g_autoptr(GError) error = NULL;
  gint64 finding_id;
  guint position;
  GtkListBoxRow *row;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), FALSE);
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);

  if (self->contents == NULL)
    return FALSE;

  finding_id = pb_finding_get_id (finding);
  if (!pb_library_add_to_pack (self->library, pb_pack_editor_get_pack_id (self), &finding_id, 1, &error))
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }

  position = finding_position (self, finding_id);
  if (position != G_MAXUINT && (row = gtk_list_box_get_row_at_index (self->contents_list, (int)position)) != NULL)
    reveal_row (self, row);
  return position != G_MAXUINT;
}

/**
 * pb_pack_editor_drop_finding:
 * @before_row: the row it should end up before
 *
 * Adds a finding to the pack where it was dropped (all of the exempt rule
 * applies), or moves it there when the pack already holds it.
 */
gboolean
pb_pack_editor_drop_finding (PbPackEditor *self,
                             PbFinding    *finding,
                             guint         before_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPackEntry) anchor = NULL;
  gint64 finding_id;
  guint n, from = G_MAXUINT, to;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), FALSE);
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);

  if (self->contents == NULL)
    return FALSE;

  /* The row to land before, found again after the list has changed. */
  anchor = g_list_model_get_item (G_LIST_MODEL (self->contents), before_row);
  finding_id = pb_finding_get_id (finding);
  if (!pb_library_add_to_pack (self->library, pb_pack_editor_get_pack_id (self), &finding_id, 1, &error))
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contents));
  if ((from = finding_position (self, finding_id)) == G_MAXUINT)
    return FALSE;

  to = anchor ? pb_pack_contents_find (self->contents, pb_pack_entry_get_kind (anchor), pb_pack_entry_get_id (anchor))
              : n;
  if (to != from && to != from + 1 && !pb_pack_contents_move_before (self->contents, from, to, &error) && error)
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
drop_anywhere_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  PbPackEditor  *self)
{
  return pb_pack_editor_add_finding (self, g_value_get_object (value));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  PbPackEditor *self = data;
  PbPackEntry *entry = item;
  const char *cohort = pb_pack_entry_get_cohort (entry);
  GtkWidget *row = pb_pack_row_new (entry, cohort ? g_hash_table_lookup (self->cohort_colors, cohort) : NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), row, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (row_remove_requested_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
contents_changed_cb (PbPackEditor *self)
{
  fill_header (self);
  fill_summary (self);
}


static void
load_cohort_colors (PbPackEditor *self)
{
  g_hash_table_unref (self->cohort_colors);
  self->cohort_colors = pb_library_get_cohort_colors (self->library);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PbPackEditor     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !pb_library_delete_pack (self->library, pb_pack_editor_get_pack_id (self), &error))
    _pb_pack_editor_show_error (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (_pb_pack_editor_current_pack (self) == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), pb_pack_get_title (_pb_pack_editor_current_pack (self)));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Its sections, notes and order are lost. The findings stay in the library, "
                                     "and files already exported are not touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

void
pb_pack_editor_set_pack (PbPackEditor *self,
                         PbLibrary    *library,
                         gint64        pack_id)
{
  g_return_if_fail (PB_IS_PACK_EDITOR (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  if (self->contents != NULL && self->library == library && pb_pack_editor_get_pack_id (self) == pack_id)
    return;

  _pb_pack_editor_save_introduction (self);
  g_clear_pointer (&self->last_removal, pb_pack_removal_free);

  if (self->library != library)
    {
      if (self->library != NULL)
        g_signal_handlers_disconnect_by_data (self->library, self);
      g_set_object (&self->library, library);
      g_signal_connect_object (library, "cohorts-changed", G_CALLBACK (load_cohort_colors), self, G_CONNECT_SWAPPED);
      load_cohort_colors (self);
    }

  if (self->contents != NULL)
    g_signal_handlers_disconnect_by_data (self->contents, self);
  g_clear_object (&self->contents);
  self->contents = pb_pack_contents_new (library, pack_id);
  g_signal_connect_object (self->contents, "items-changed", G_CALLBACK (contents_changed_cb), self, G_CONNECT_SWAPPED);
  /* The details follow the pack as the contents read it, never ahead of it. */
  g_signal_connect_object (self->contents, "notify::pack", G_CALLBACK (fill_details), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->contents_list, G_LIST_MODEL (self->contents), create_row_cb, self, NULL);

  /* A different pack: its own introduction, not what was being typed. */
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->introduction_view), "", -1);
  self->filling = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
  fill_details (self);
  fill_summary (self);
}

gint64
pb_pack_editor_get_pack_id (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), 0);
  return _pb_pack_editor_current_pack (self) ? pb_pack_get_id (_pb_pack_editor_current_pack (self)) : 0;
}

/**
 * pb_pack_editor_get_contents:
 *
 * Returns: (transfer none) (nullable): the rows the editor shows
 */
PbPackContents *
pb_pack_editor_get_contents (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);
  return self->contents;
}

GtkListBox *
pb_pack_editor_get_list (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);
  return self->contents_list;
}

void
pb_pack_editor_focus_title (PbPackEditor *self)
{
  g_return_if_fail (PB_IS_PACK_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

GtkWidget *
pb_pack_editor_new (void)
{
  return g_object_new (PB_TYPE_PACK_EDITOR, NULL);
}

static void
pb_pack_editor_dispose (GObject *object)
{
  PbPackEditor *self = (PbPackEditor *)object;

  _pb_pack_editor_save_introduction (self);
  g_cancellable_cancel (self->cancellable);
  _pb_pack_editor_cancel_export (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->contents_list != NULL)
    gtk_list_box_bind_model (self->contents_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->contents);
  g_clear_pointer (&self->last_removal, pb_pack_removal_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PACK_EDITOR);

  G_OBJECT_CLASS (pb_pack_editor_parent_class)->dispose (object);
}

static void
pb_pack_editor_finalize (GObject *object)
{
  PbPackEditor *self = (PbPackEditor *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_hash_table_unref (self->cohort_colors);

  G_OBJECT_CLASS (pb_pack_editor_parent_class)->finalize (object);
}

static void
pb_pack_editor_class_init (PbPackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_pack_editor_dispose;
  object_class->finalize = pb_pack_editor_finalize;

  /**
   * PbPackEditor::finding-activated:
   * @finding: the finding chosen in the contents
   *
   * Asks for the finding to be shown in its report.
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/panelbrief/PanelBrief/pb-pack-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "packeditor");

  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_box);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, export_button);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, classification_badge);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, committee_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, classification_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, introduction_view);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, summary_list);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, contents_list);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, scroller);
  gtk_widget_class_bind_template_callback (widget_class, field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, classification_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contents_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "pack.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "pack.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "pack.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "pack.add-note", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "pack.add-heading", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "pack.add-section", NULL, add_text_action);
  _pb_pack_editor_class_init_export (widget_class);
  gtk_widget_class_install_action (widget_class, "pack.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "pack.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "pack.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pack.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pack.preview", NULL);
}

static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PbPackEditor          *self)
{
  /* Delete removes rows only from the list: in a text field it deletes text. */
  if (keyval == GDK_KEY_Delete && (state & GDK_MODIFIER_MASK) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "pack.remove", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
pb_pack_editor_init (PbPackEditor *self)
{
  GtkDropTarget *target;
  GtkEventController *keys;
  GType types[] = { PB_TYPE_PACK_ENTRY, PB_TYPE_FINDING };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cohort_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (gtk_text_view_get_buffer (self->introduction_view), "changed",
                           G_CALLBACK (introduction_changed_cb), self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->contents_list), GTK_EVENT_CONTROLLER (target));

  /* A finding dropped anywhere else in the editor goes to its cohort's section. */
  target = gtk_drop_target_new (PB_TYPE_FINDING, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_anywhere_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (target));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->contents_list), keys);

  _pb_pack_editor_set_busy (self, NULL);
}
