/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-entry-row.h"
#include "pb-cohort-dot.h"
#include "pb-cohort.h"

/* One line of a pack opened from a bundle, read-only: a section's title, a
 * finding (its quote, where it comes from, its cohorts and the officer's
 * note) or an officer's heading or paragraph; and under a section or a
 * finding, the member's own notes on it, with the buttons to add one, edit
 * one (through the view's "bundle.edit-note"), and open the finding in its
 * report.  The row only asks: the pack's
 * view does what is asked. */

struct _PbBundleEntryRow
{
  GtkListBoxRow  parent_instance;

  PbBundleEntry *entry;
  GPtrArray     *notes;        /* PbMemberNote on this entry */

  GtkWidget     *dots;
  GtkLabel      *title_label;
  GtkLabel      *quote_label;
  GtkLabel      *about_label;
  GtkLabel      *cohorts_label;
  GtkLabel      *officer_note_label;
  GtkLabel      *text_label;
  GtkWidget     *notes_box;
  GtkWidget     *buttons;
  GtkWidget     *open_button;
  GtkWidget     *add_note_button;
};

G_DEFINE_FINAL_TYPE (PbBundleEntryRow, pb_bundle_entry_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  OPEN_FINDING,
  ADD_NOTE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static gboolean
is_finding (PbBundleEntryRow *self)
{
  return pb_bundle_entry_get_kind (self->entry) == PB_BUNDLE_ENTRY_FINDING;
}

/* Whether the finding's report is in the library to open. */
static gboolean
can_open (PbBundleEntryRow *self)
{
  PbFinding *finding = pb_bundle_entry_get_finding (self->entry);

  return finding != NULL && pb_finding_get_report_id (finding) > 0;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbBundleEntryRow *self = PB_BUNDLE_ENTRY_ROW (widget);

  if (can_open (self))
    g_signal_emit (self, signals [OPEN_FINDING], 0);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PbBundleEntryRow *self = PB_BUNDLE_ENTRY_ROW (widget);

  if (pb_bundle_entry_get_key (self->entry) != NULL)
    g_signal_emit (self, signals [ADD_NOTE], 0);
}

/**
 * pb_bundle_note_card_new:
 * @note: a member's note
 *
 * The note as shown under what it is on, with its Edit button (which
 * activates "bundle.edit-note" with the note's id).
 *
 * Returns: (transfer floating): the card
 */
GtkWidget *
pb_bundle_note_card_new (PbMemberNote *note)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (pb_member_note_get_text (note));
  GtkWidget *edit = gtk_button_new_with_label (_("Edit"));
  g_autofree char *edit_name = NULL;

  gtk_widget_add_css_class (card, "member-note");
  gtk_widget_set_hexpand (column, TRUE);
  if (pb_member_note_get_question (note))
    {
      GtkWidget *tag = gtk_label_new (_("Question for the meeting"));

      gtk_widget_add_css_class (tag, "question-tag");
      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (column), tag);
      gtk_widget_add_css_class (card, "question");
    }

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_box_append (GTK_BOX (column), text);
  gtk_box_append (GTK_BOX (card), column);

  /* Translators: what a screen reader says for a note's Edit button */
  edit_name = g_strdup_printf (pb_member_note_get_question (note) ? _("Edit your question: %s")
                                                                  : _("Edit your note: %s"),
                               pb_member_note_get_text (note));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_add_css_class (edit, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "bundle.edit-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", pb_member_note_get_id (note));
  gtk_box_append (GTK_BOX (card), edit);
  return card;
}

static char *
cohort_names (PbFinding  *finding,
              GHashTable *cohorts,
              GtkWidget  *dots)
{
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      PbCohort *cohort = cohorts ? g_hash_table_lookup (cohorts, slugs[i]) : NULL;

      g_ptr_array_add (names, (gpointer)(cohort ? pb_cohort_get_name (cohort) : slugs[i]));
      gtk_box_append (GTK_BOX (dots), pb_cohort_dot_new (cohort ? pb_cohort_get_color (cohort) : NULL));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **)names->pdata);
}

static void
fill (PbBundleEntryRow *self,
      GHashTable       *cohorts)
{
  PbBundleEntry *entry = self->entry;
  PbFinding *finding = pb_bundle_entry_get_finding (entry);

  gtk_widget_set_visible (self->add_note_button, pb_bundle_entry_get_key (entry) != NULL);
  gtk_widget_set_visible (self->open_button, is_finding (self));
  gtk_widget_set_visible (self->buttons, pb_bundle_entry_get_key (entry) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.open", can_open (self));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), can_open (self));

  switch (pb_bundle_entry_get_kind (entry))
    {
    case PB_BUNDLE_ENTRY_SECTION:
      {
        PbCohort *cohort = cohorts && pb_bundle_entry_get_cohort (entry)
                           ? g_hash_table_lookup (cohorts, pb_bundle_entry_get_cohort (entry)) : NULL;

        gtk_widget_add_css_class (GTK_WIDGET (self), "bundle-section");
        gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
        set_text (self->title_label, pb_bundle_entry_get_text (entry));
        if (cohort != NULL)
          gtk_box_append (GTK_BOX (self->dots), pb_cohort_dot_new (pb_cohort_get_color (cohort)));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_note_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Add a note on this section"), -1);
        break;
      }

    case PB_BUNDLE_ENTRY_FINDING:
      {
        g_autofree char *quoted = g_strdup_printf (_("“%s”"), pb_bundle_entry_get_text (entry));
        g_autofree char *names = finding ? cohort_names (finding, cohorts, self->dots) : NULL;
        g_autofree char *note = NULL;

        gtk_widget_add_css_class (GTK_WIDGET (self), "bundle-finding");
        set_text (self->quote_label, quoted);
        set_text (self->about_label, pb_bundle_entry_get_about (entry));
        set_text (self->cohorts_label, names);
        if (finding != NULL && *pb_finding_get_note (finding) != '\0')
          note = g_strdup_printf (_("Officer’s note: %s"), pb_finding_get_note (finding));
        set_text (self->officer_note_label, note);
        if (!can_open (self))
          gtk_widget_set_tooltip_text (self->open_button, _("The report is no longer in your library"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_note_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Add a note on this finding"), -1);
        break;
      }

    case PB_BUNDLE_ENTRY_HEADING:
      gtk_widget_add_css_class (GTK_WIDGET (self), "bundle-text");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
      set_text (self->title_label, pb_bundle_entry_get_text (entry));
      break;

    case PB_BUNDLE_ENTRY_NOTE:
    default:
      gtk_widget_add_css_class (GTK_WIDGET (self), "bundle-text");
      set_text (self->text_label, pb_bundle_entry_get_text (entry));
      break;
    }

  gtk_widget_set_visible (self->dots, gtk_widget_get_first_child (self->dots) != NULL);
}

static void
pb_bundle_entry_row_dispose (GObject *object)
{
  PbBundleEntryRow *self = (PbBundleEntryRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_BUNDLE_ENTRY_ROW);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_bundle_entry_row_parent_class)->dispose (object);
}

static void
pb_bundle_entry_row_class_init (PbBundleEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_bundle_entry_row_dispose;

  /**
   * PbBundleEntryRow::open-finding:
   *
   * The finding is to be shown in its report.
   */
  signals [OPEN_FINDING] =
    g_signal_new ("open-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PbBundleEntryRow::add-note:
   *
   * The member wants to write a note on the section or finding.
   */
  signals [ADD_NOTE] =
    g_signal_new ("add-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-bundle-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, dots);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, about_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, cohorts_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, officer_note_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, notes_box);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, PbBundleEntryRow, add_note_button);

  gtk_widget_class_install_action (widget_class, "entry.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "entry.add-note", NULL, add_note_action);
  /* Ctrl+N from anywhere in the row: a note on what the row holds. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "entry.add-note", NULL);
}

static void
pb_bundle_entry_row_init (PbBundleEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pb_bundle_entry_row_new:
 * @entry: what the row shows
 * @cohorts: (nullable) (element-type utf8 PbCohort): the pack's cohorts by
 *   slug, for their names and colours
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
pb_bundle_entry_row_new (PbBundleEntry *entry,
                         GHashTable    *cohorts)
{
  PbBundleEntryRow *self;

  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY (entry), NULL);

  self = g_object_new (PB_TYPE_BUNDLE_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);
  fill (self, cohorts);
  return GTK_WIDGET (self);
}

PbBundleEntry *
pb_bundle_entry_row_get_entry (PbBundleEntryRow *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY_ROW (self), NULL);
  return self->entry;
}

/**
 * pb_bundle_entry_row_set_notes:
 * @notes: (nullable) (element-type PbMemberNote): the member's notes on
 *   the entry, in the order to show them
 */
void
pb_bundle_entry_row_set_notes (PbBundleEntryRow *self,
                               GPtrArray        *notes)
{
  GtkWidget *child;

  g_return_if_fail (PB_IS_BUNDLE_ENTRY_ROW (self));

  g_clear_pointer (&self->notes, g_ptr_array_unref);
  if (notes != NULL)
    self->notes = g_ptr_array_ref (notes);

  while ((child = gtk_widget_get_first_child (self->notes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->notes_box), child);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    gtk_box_append (GTK_BOX (self->notes_box), pb_bundle_note_card_new (g_ptr_array_index (notes, i)));
  gtk_widget_set_visible (self->notes_box, notes != NULL && notes->len > 0);
}

guint
pb_bundle_entry_row_get_n_notes (PbBundleEntryRow *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY_ROW (self), 0);
  return self->notes ? self->notes->len : 0;
}

/**
 * pb_bundle_entry_row_get_note:
 * @index: from 0
 *
 * Returns: (transfer none) (nullable): the member's note shown at @index
 */
PbMemberNote *
pb_bundle_entry_row_get_note (PbBundleEntryRow *self,
                              guint             index)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY_ROW (self), NULL);
  return self->notes && index < self->notes->len ? g_ptr_array_index (self->notes, index) : NULL;
}

/**
 * pb_bundle_entry_row_dup_about:
 *
 * Returns: (transfer full): a line saying what a note on the row is on,
 *   for the note editor: the finding's quote or the section's title
 */
char *
pb_bundle_entry_row_dup_about (PbBundleEntryRow *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_ENTRY_ROW (self), NULL);

  if (is_finding (self))
    return g_strdup_printf (_("“%s”"), pb_bundle_entry_get_text (self->entry));
  return g_strdup (pb_bundle_entry_get_text (self->entry));
}
