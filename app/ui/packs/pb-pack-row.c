/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-pack-row.h"

/* One row of a pack's contents: a section's heading, a finding as its
 * quoted passage with where it comes from, a note or a heading.  Rows only
 * show; the editor decides what they do. */

struct _PbPackRow
{
  GtkListBoxRow  parent_instance;

  PbPackEntry   *entry;
};

G_DEFINE_FINAL_TYPE (PbPackRow, pb_pack_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The start of what a row shows, for its Remove button's name: a few
 * words, cut at a word, "…" after them if there is more. */
static char *
opening_words (const char *text)
{
  const guint most = 40;
  const char *end;
  const char *cut = NULL;
  g_autofree char *start = NULL;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");
  for (end = text; *end != '\0' && n < most; end = g_utf8_next_char (end), n++)
    if (g_unichar_isspace (g_utf8_get_char (end)))
      cut = end;
  if (*end == '\0')
    return g_strstrip (g_strdup (text));
  start = g_strndup (text, (gsize)((cut != NULL ? cut : end) - text));
  return g_strconcat (g_strstrip (start), "…", NULL);
}

/* Named by what it removes ("Remove “Children in care are…” from the
 * Pack"): a row of Remove buttons all alike says nothing of which is which.
 * GTK 4.8 also has an icon button labelled by its icon, whose only name is
 * its type ("GtkImage"), so that relation goes. */
static GtkWidget *
remove_button (PbPackRow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *text = pb_pack_entry_get_text (self->entry);
  g_autofree char *words = opening_words (text);
  g_autofree char *name = NULL;

  if (*words != '\0')
    /* Translators: a button's name for screen readers; %s is the start of a finding, note, heading or section title */
    name = g_strdup_printf (_("Remove “%s” from the Pack"), words);
  else
    name = g_strdup (_("Remove from the Pack"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from the Pack (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "row.remove");
  return button;
}

static GtkWidget *
build_section (PbPackRow  *self,
               const char *color)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *title = wrapped_label (pb_pack_entry_get_text (self->entry), "heading");
  const char *detail = pb_pack_entry_get_detail (self->entry);
  guint n = pb_pack_entry_get_n_items (self->entry);
  g_autofree char *count = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n)
                             : g_strdup (_("Empty"));
  GtkWidget *count_label = gtk_label_new (count);

  /* The tracker or a comparison prints itself: no count of its own. */
  gtk_widget_set_visible (count_label, n > 0 || pb_pack_entry_get_detail (self->entry) == NULL);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "caption");
  if (pb_pack_entry_get_cohort (self->entry) != NULL)
    gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (color));
  if (detail != NULL)
    {
      /* The tracker or a comparison: what it shows, under its title. */
      GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *what = wrapped_label (detail, "caption");

      gtk_widget_add_css_class (what, "dim-label");
      gtk_widget_set_hexpand (titles, TRUE);
      gtk_box_append (GTK_BOX (titles), title);
      gtk_box_append (GTK_BOX (titles), what);
      title = titles;
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_box_append (GTK_BOX (box), remove_button (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "pack-section");
  return box;
}

static GtkWidget *
build_finding (PbPackRow *self)
{
  PbFinding *finding = pb_pack_entry_get_finding (self->entry);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *quote;
  g_autoptr(GString) meta = g_string_new (NULL);

  if (finding == NULL)
    {
      gtk_box_append (GTK_BOX (box), wrapped_label (_("This finding is no longer in the library"), "dim-label"));
      return box;
    }

  quote = wrapped_label (pb_finding_get_quote (finding), "pack-quote");
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), quote);

  g_string_append (meta, pb_finding_kind_get_label (pb_finding_get_kind (finding)));
  if (pb_finding_get_status (finding) != PB_FINDING_STATUS_NONE)
    g_string_append_printf (meta, " · %s", pb_finding_status_get_label (pb_finding_get_status (finding)));
  g_string_append_printf (meta, " · %s", pb_pack_entry_get_citation (self->entry));
  gtk_box_append (GTK_BOX (text), wrapped_label (meta->str, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");

  if (*pb_finding_get_note (finding) != '\0')
    gtk_box_append (GTK_BOX (text), wrapped_label (pb_finding_get_note (finding), NULL));

  if (pb_finding_get_exempt (finding))
    {
      GtkWidget *tag = gtk_label_new (_("Not for publication"));

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "exempt-tag");
      gtk_box_append (GTK_BOX (text), tag);
    }

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), remove_button (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "pack-item");
  return box;
}

static GtkWidget *
build_text (PbPackRow *self)
{
  gboolean note = pb_pack_entry_get_kind (self->entry) == PB_PACK_ENTRY_NOTE;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (note ? "document-edit-symbolic" : "format-text-bold-symbolic");
  GtkWidget *text = wrapped_label (pb_pack_entry_get_text (self->entry), note ? NULL : "heading");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_tooltip_text (icon, note ? _("Note") : _("Heading"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), remove_button (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "pack-item");
  return box;
}

/* What a screen reader says for the row: its kind, then its words. */
static char *
describe (PbPackEntry *entry)
{
  switch (pb_pack_entry_get_kind (entry))
    {
    case PB_PACK_ENTRY_SECTION:
      if (pb_pack_entry_get_detail (entry) != NULL)
        /* Translators: a pack's section for screen readers: its title, then what it shows */
        return g_strdup_printf (_("Section: %s. %s"), pb_pack_entry_get_text (entry), pb_pack_entry_get_detail (entry));
      return g_strdup_printf (_("Section: %s"), pb_pack_entry_get_text (entry));
    case PB_PACK_ENTRY_FINDING:
      return g_strdup_printf (_("Finding: %s"), pb_pack_entry_get_text (entry) ? pb_pack_entry_get_text (entry) : "");
    case PB_PACK_ENTRY_NOTE:
      return g_strdup_printf (_("Note: %s"), pb_pack_entry_get_text (entry));
    case PB_PACK_ENTRY_HEADING:
    default:
      return g_strdup_printf (_("Heading: %s"), pb_pack_entry_get_text (entry));
    }
}

GtkWidget *
pb_pack_row_new (PbPackEntry *entry,
                 const char  *cohort_color)
{
  PbPackRow *self;
  GtkWidget *child;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PB_IS_PACK_ENTRY (entry), NULL);

  self = g_object_new (PB_TYPE_PACK_ROW, NULL);
  self->entry = g_object_ref (entry);

  switch (pb_pack_entry_get_kind (entry))
    {
    case PB_PACK_ENTRY_SECTION:
      child = build_section (self, cohort_color);
      break;
    case PB_PACK_ENTRY_FINDING:
      child = build_finding (self);
      break;
    case PB_PACK_ENTRY_NOTE:
    case PB_PACK_ENTRY_HEADING:
    default:
      child = build_text (self);
      break;
    }

  gtk_widget_add_css_class (child, "pack-row-content");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), child);
  label = describe (entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_WIDGET (self);
}

PbPackEntry *
pb_pack_row_get_entry (PbPackRow *self)
{
  g_return_val_if_fail (PB_IS_PACK_ROW (self), NULL);
  return self->entry;
}

static void
pb_pack_row_finalize (GObject *object)
{
  PbPackRow *self = (PbPackRow *)object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (pb_pack_row_parent_class)->finalize (object);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackRow *self = PB_PACK_ROW (widget);

  g_signal_emit (self, signals [REMOVE_REQUESTED], 0);   /* the row only asks */
}

static void
pb_pack_row_class_init (PbPackRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = pb_pack_row_finalize;

  /**
   * PbPackRow::remove-requested:
   *
   * The row's remove button was pressed.
   */
  signals [REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
}

static void
pb_pack_row_init (PbPackRow *self)
{
}
