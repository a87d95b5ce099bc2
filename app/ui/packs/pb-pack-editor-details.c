/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include "pb-date-row.h"
#include "pb-dates.h"

#include <glib/gi18n.h>

#include "pb-finding-store.h"
#include "pb-pack-editor-private.h"
#include "pb-report-details.h"
#include "pb-structure-store.h"

/* The pack's details: its title, committee, meeting date, author,
 * classification and introduction, each saved as it is changed (a field on
 * Enter or on leaving it, the introduction a moment after typing stops); making an exempt pack public
 * asks first, naming the findings that must leave it; and the latest grades
 * of the inspections it cites. */

static void
set_row_text (GtkEntry   *row,
              const char *text)
{
  /* Never under the user's fingers. */
  if (gtk_widget_has_focus (GTK_WIDGET (row)) || gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
_pb_pack_editor_fill_header (PbPackEditor *self)
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

/* "Paragraph 2: Information which is likely to reveal the identity of an
 * individual.", what a screen reader says of a paragraph; "Not recorded"
 * for position 0. */
static char *
describe_paragraph (guint paragraph)
{
  if (paragraph == 0 || paragraph > PB_EXEMPT_PARAGRAPH_LAST)
    /* Translators: the paragraph of Schedule 12A an exempt pack falls under, not yet chosen */
    return g_strdup (_("Not recorded"));
  /* Translators: a paragraph of Schedule 12A and its description, "Paragraph 2: Information which…" */
  return g_strdup_printf (_("Paragraph %u: %s"), paragraph, pb_exempt_paragraph_get_description (paragraph));
}

static void
setup_paragraph_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The chosen paragraph on the row: "Paragraph 2" and no more, which stays
 * whole in a narrow window; its description is the row's subtitle. */
static void
bind_paragraph_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
setup_paragraph_choice_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  /* Narrow enough for the popover to fit a small window beside the row. */
  gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
  gtk_label_set_width_chars (GTK_LABEL (description), 24);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

/* In the list: each paragraph with its description, so that the one that
 * applies is found by reading rather than by trying each in turn. */
static void
bind_paragraph_choice_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_last_child (box);
  guint paragraph = gtk_list_item_get_position (item);
  g_autofree char *spoken = describe_paragraph (paragraph);

  gtk_label_set_label (GTK_LABEL (title), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_label (GTK_LABEL (description),
                       paragraph > 0 && paragraph <= PB_EXEMPT_PARAGRAPH_LAST
                       ? pb_exempt_paragraph_get_description (paragraph) : "");
  gtk_widget_set_visible (description, paragraph > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static GtkListItemFactory *
paragraph_factory (GCallback setup,
                   GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  return factory;
}

/* Which paragraph of Schedule 12A makes an exempt pack exempt ("Not
 * recorded", then 1 to 7), its description under it; only for an exempt
 * pack, as the cover prints it. */
static void
fill_paragraph (PbPackEditor *self,
                PbPack       *pack)
{
  guint paragraph = pb_pack_get_exempt_paragraph (pack);
  g_autofree char *spoken = NULL;
  g_autofree char *row_label = NULL;

  if (adw_combo_row_get_model (self->paragraph_row) == NULL)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      g_autoptr(GtkListItemFactory) chosen = paragraph_factory (G_CALLBACK (setup_paragraph_cb),
                                                                G_CALLBACK (bind_paragraph_cb));
      g_autoptr(GtkListItemFactory) choices = paragraph_factory (G_CALLBACK (setup_paragraph_choice_cb),
                                                                 G_CALLBACK (bind_paragraph_choice_cb));

      adw_combo_row_set_factory (self->paragraph_row, chosen);
      adw_combo_row_set_list_factory (self->paragraph_row, choices);

      /* Translators: the paragraph of Schedule 12A an exempt pack falls under, not yet chosen */
      gtk_string_list_append (model, _("Not recorded"));
      for (guint p = 1; p <= PB_EXEMPT_PARAGRAPH_LAST; p++)
        {
          /* Translators: a paragraph of Schedule 12A to the Local Government Act 1972 */
          g_autofree char *label = g_strdup_printf (_("Paragraph %u"), p);

          gtk_string_list_append (model, label);
        }
      adw_combo_row_set_model (self->paragraph_row, G_LIST_MODEL (model));
    }
  adw_combo_row_set_selected (self->paragraph_row, MIN (paragraph, PB_EXEMPT_PARAGRAPH_LAST));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->paragraph_row),
                               paragraph > 0 ? pb_exempt_paragraph_get_description (paragraph)
                                             : _("The paragraph of Schedule 12A to the Local Government Act 1972 "
                                                 "that applies, printed on the cover and every page"));
  /* A screen reader hears the paragraph and what it covers, not "Paragraph 2" alone. */
  spoken = describe_paragraph (paragraph);
  /* Translators: the Exempt Under row for screen readers; %s is "Paragraph 2: Information which…" */
  row_label = g_strdup_printf (_("Exempt under: %s"), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paragraph_row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_label, -1);
  /* Not labelled by its title alone, which Orca would say instead. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->paragraph_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_set_visible (GTK_WIDGET (self->paragraph_row), pb_pack_get_exempt (pack));
}

void
_pb_pack_editor_fill_details (PbPackEditor *self)
{
  PbPack *pack = _pb_pack_editor_current_pack (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->introduction_view);

  if (pack == NULL)
    return;

  self->filling = TRUE;
  set_row_text (self->title_entry, pb_pack_get_title (pack));
  set_row_text (self->committee_entry, pb_pack_get_committee (pack));
  {
    GDate meeting;

    pb_date_set_iso (&meeting, pb_pack_get_meeting_date (pack));
    pb_date_row_set_date (GTK_EDITABLE (self->date_entry), &meeting);
  }
  set_row_text (self->author_entry, pb_pack_get_author (pack));
  set_row_text (self->agenda_entry, pb_pack_get_agenda_item (pack));
  set_row_text (self->contact_entry, pb_pack_get_contact (pack));
  adw_combo_row_set_selected (self->classification_row, pb_pack_get_exempt (pack) ? 1 : 0);
  fill_paragraph (self, pack);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->introduction_view)) && self->intro_save == 0)
    gtk_text_buffer_set_text (buffer, pb_pack_get_introduction (pack), -1);
  self->filling = FALSE;

  _pb_pack_editor_fill_header (self);
}

static PbPackField
field_of (PbPackEditor *self,
          GtkEntry     *row)
{
  if (row == self->title_entry)
    return PB_PACK_FIELD_TITLE;
  if (row == self->committee_entry)
    return PB_PACK_FIELD_COMMITTEE;
  if (row == self->date_entry)
    return PB_PACK_FIELD_MEETING_DATE;
  if (row == self->agenda_entry)
    return PB_PACK_FIELD_AGENDA_ITEM;
  if (row == self->contact_entry)
    return PB_PACK_FIELD_CONTACT;
  return PB_PACK_FIELD_AUTHOR;
}

/* Enter in a field, or a day picked from the calendar: saved. */
static void
field_apply_cb (PbPackEditor *self,
                GtkEntry     *row)
{
  g_autoptr(GError) error = NULL;
  PbPackField field;

  if (self->contents == NULL)
    return;

  field = field_of (self, row);

  /* The meeting's date as typed in Britain (or picked), kept as ISO. */
  if (field == PB_PACK_FIELD_MEETING_DATE)
    {
      g_autofree char *iso = NULL;
      GDate date;

      if (!pb_date_row_get_date (GTK_EDITABLE (row), &date))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a date: write it as 14/01/2027, or pick it from the calendar"),
                       gtk_editable_get_text (GTK_EDITABLE (row)));
          _pb_pack_editor_show_error (self, error);
          return;
        }
      iso = pb_date_to_iso (&date);
      if (!pb_library_set_pack_field (self->library, pb_pack_editor_get_pack_id (self), field, iso ? iso : "", &error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          _pb_pack_editor_show_error (self, error);
        }
      return;
    }

  if (!pb_library_set_pack_field (self->library, pb_pack_editor_get_pack_id (self), field,
                                  gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      _pb_pack_editor_show_error (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static const char *
stored_value (PbPack      *pack,
              PbPackField  field)
{
  switch ((int)field)
    {
    case PB_PACK_FIELD_TITLE:
      return pb_pack_get_title (pack);
    case PB_PACK_FIELD_COMMITTEE:
      return pb_pack_get_committee (pack);
    case PB_PACK_FIELD_MEETING_DATE:
      return pb_pack_get_meeting_date (pack);
    case PB_PACK_FIELD_AGENDA_ITEM:
      return pb_pack_get_agenda_item (pack);
    case PB_PACK_FIELD_CONTACT:
      return pb_pack_get_contact (pack);
    default:
      return pb_pack_get_author (pack);
    }
}

/* Leaving a field changed saves it, as Enter does; a date that is not a
 * date stays marked, to be put right. */
static void
field_leave_cb (GtkEventControllerFocus *focus,
                PbPackEditor            *self)
{
  GtkEntry *row = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  PbPack *pack = _pb_pack_editor_current_pack (self);
  PbPackField field = field_of (self, row);
  const char *stored;
  g_autofree char *typed = NULL;

  if (pack == NULL || self->filling)
    return;

  stored = stored_value (pack, field);
  if (field == PB_PACK_FIELD_MEETING_DATE)
    {
      GDate date;

      if (!pb_date_row_get_date (GTK_EDITABLE (row), &date))
        return;
      typed = pb_date_to_iso (&date);
    }
  else
    typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (g_strcmp0 (typed ? typed : "", stored ? stored : "") != 0)
    field_apply_cb (self, row);
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
  _pb_pack_editor_fill_details (self);
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
          _pb_pack_editor_fill_details (self);
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
      _pb_pack_editor_fill_details (self);
    }
}

static void
paragraph_selected_cb (PbPackEditor *self)
{
  guint paragraph = adw_combo_row_get_selected (self->paragraph_row);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || _pb_pack_editor_current_pack (self) == NULL ||
      paragraph == pb_pack_get_exempt_paragraph (_pb_pack_editor_current_pack (self)))
    return;

  value = paragraph > 0 && paragraph <= PB_EXEMPT_PARAGRAPH_LAST ? g_strdup_printf ("%u", paragraph) : g_strdup ("");
  if (!pb_library_set_pack_field (self->library, pb_pack_editor_get_pack_id (self), PB_PACK_FIELD_EXEMPT_PARAGRAPH,
                                  value, &error))
    {
      _pb_pack_editor_show_error (self, error);
      _pb_pack_editor_fill_details (self);
    }
}

/* libadwaita 1.2 has a combo row labelled by its title alone, so Orca
 * says "Classification combo box" and never "Public" (a dropdown says its
 * value): the row is named by both, kept so as the choice changes. */
static void
name_combo_row (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *name = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a choice as a screen reader says it, "Classification: Public" */
    name = g_strdup_printf (_("%s: %s"), title, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    name = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (grades), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Grades"), -1);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (grades), GTK_SELECTION_NONE);
  /* Only shown: a flow box that can take the focus claims Tab for its
   * children, which cannot, and the focus stays on the row for good. */
  gtk_widget_set_can_focus (grades, FALSE);
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
      /* Read, not used: no Tab stop for each grade. The row says them all,
       * the grades in words ("Overall effectiveness, Good"). */
      gtk_widget_set_focusable (gtk_widget_get_parent (pair), FALSE);
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

void
_pb_pack_editor_fill_summary (PbPackEditor *self)
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

void
_pb_pack_editor_class_init_details (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, classification_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, paragraph_selected_cb);
}

void
_pb_pack_editor_init_details (PbPackEditor *self)
{
  GtkEntry *fields[] = {
    self->title_entry, self->committee_entry, self->date_entry,
    self->author_entry, self->agenda_entry, self->contact_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (field_leave_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (fields[i]), focus);
    }

  /* (Exempt Under is named with its paragraph's description: fill_paragraph ().) */
  g_signal_connect (self->classification_row, "notify::selected-item", G_CALLBACK (name_combo_row), NULL);
  name_combo_row (self->classification_row);

  g_signal_connect_object (gtk_text_view_get_buffer (self->introduction_view), "changed",
                           G_CALLBACK (introduction_changed_cb), self, G_CONNECT_SWAPPED);
}
