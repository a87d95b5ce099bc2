/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-item"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-finding.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-links.h"
#include "pb-toast.h"
#include "pb-tracker-item-private.h"
#include "pb-tracker-view-private.h"

/* A tracked recommendation's history on its page: each dated status with
 * its badge, note and evidence (a button that opens the finding at its
 * passage, tagged when it is not for publication), each confirmed link
 * with buttons to open the other recommendation or take the link back
 * (with Undo), and the card at the top that says it was made again. */

static void
evidence_clicked_cb (GtkButton     *button,
                     PbTrackerItem *self)
{
  PbFinding *finding = g_object_get_data (G_OBJECT (button), "finding");

  g_signal_emit (self, _pb_tracker_item_signals [FINDING_ACTIVATED], 0, finding);
}

/* Where a finding is, for its button and the evidence picker. */
char *
_pb_tracker_item_finding_place (PbFinding *finding)
{
  if (pb_finding_get_paragraph (finding) > 0)
    /* Translators: where a finding is: a report's title, a page and a paragraph */
    return g_strdup_printf (_("%s, page %u, ¶%u"), pb_finding_get_report_title (finding),
                            pb_finding_get_page (finding), pb_finding_get_paragraph (finding));
  /* Translators: where a finding is: a report's title and a page */
  return g_strdup_printf (_("%s, page %u"), pb_finding_get_report_title (finding), pb_finding_get_page (finding));
}

static GtkWidget *
evidence_button_new (PbTrackerItem *self,
                     PbFinding     *finding)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = gtk_label_new (pb_finding_get_quote (finding));
  g_autofree char *place = _pb_tracker_item_finding_place (finding);
  GtkWidget *where = gtk_label_new (place);
  g_autofree char *description = NULL;

  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_widget_add_css_class (quote, "finding-quote");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), where);
  if (pb_finding_get_exempt (finding))
    {
      /* Kept out of public packs: say so where it is used. */
      GtkWidget *tag = gtk_label_new (_("Not for publication"));

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "exempt-tag");
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "evidence-button");

  /* Translators: a button that opens a piece of evidence; %s says where it is */
  description = g_strdup_printf (_("Read the evidence in %s"), place);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pb_finding_get_quote (finding), -1);
  g_object_set_data_full (G_OBJECT (button), "finding", g_object_ref (finding), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (evidence_clicked_cb), self, 0);
  return button;
}

static void
linked_open_cb (GtkButton     *button,
                PbTrackerItem *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  g_signal_emit (self, _pb_tracker_item_signals [ITEM_ACTIVATED], 0, *id);
}

static void
relink_cb (AdwToast      *toast,
           PbTrackerItem *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (toast), "ids");
  g_autoptr(GError) error = NULL;

  if (!pb_library_link_recommendations (self->library, ids[0], ids[1], &error))
    _pb_tracker_item_show_error (self, error);
}

static void
unlink_clicked_cb (GtkButton     *button,
                   PbTrackerItem *self)
{
  gint64 *other = g_object_get_data (G_OBJECT (button), "item-id");
  g_autoptr(GError) error = NULL;
  gint64 *ids;
  AdwToast *toast;

  if (self->item == NULL)
    return;
  ids = g_new (gint64, 2);
  ids[0] = pb_recommendation_item_get_id (self->item);
  ids[1] = *other;
  if (!pb_library_unlink_recommendations (self->library, ids[0], ids[1], &error))
    {
      g_free (ids);
      _pb_tracker_item_show_error (self, error);
      return;
    }
  toast = adw_toast_new (_("The two recommendations are no longer linked"));
  g_object_set_data_full (G_OBJECT (toast), "ids", ids, g_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (relink_cb), self, 0);
  pb_show_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
small_button_new (const char *label,
                  const char *description,
                  gint64      item_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&item_id, sizeof item_id), g_free);
  return button;
}

/* A confirmed link: "Repeated from the 2019 inspection", the other's
 * words, and buttons to open it or take the link back. */
static GtkWidget *
link_row_new (PbTrackerItem         *self,
              PbRecommendationEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (pb_recommendation_entry_get_summary (entry));
  GtkWidget *text = gtk_label_new (pb_recommendation_entry_get_linked_text (entry));
  g_autofree char *date = _pb_tracker_short_date (pb_recommendation_entry_get_date (entry));
  GtkWidget *when = gtk_label_new (date);
  gint64 other = pb_recommendation_entry_get_linked_item_id (entry);
  GtkWidget *open = small_button_new (_("Op_en"), _("Open the other recommendation"), other);
  GtkWidget *unlink = small_button_new (_("_Unlink"), _("Take back the link between the two"), other);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), when);
  gtk_box_append (GTK_BOX (box), line);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), text);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (line, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (line), open);
  gtk_box_append (GTK_BOX (line), unlink);
  gtk_box_append (GTK_BOX (box), line);
  g_signal_connect_object (open, "clicked", G_CALLBACK (linked_open_cb), self, 0);
  g_signal_connect_object (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self, 0);

  gtk_widget_add_css_class (box, "repeated-card");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pb_recommendation_entry_get_summary (entry), -1);
  return row;
}

/* A dated status: badge, date, note, and each finding that evidences it. */
static GtkWidget *
status_row_new (PbTrackerItem         *self,
                PbRecommendationEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = pb_status_badge_new ();
  g_autofree char *date = _pb_tracker_short_date (pb_recommendation_entry_get_date (entry));
  GtkWidget *when = gtk_label_new (date);
  GPtrArray *evidence = pb_recommendation_entry_get_evidence (entry);
  const char *note = pb_recommendation_entry_get_note (entry);
  g_autofree char *label = NULL;

  pb_status_badge_set_status (PB_STATUS_BADGE (badge), pb_recommendation_entry_get_status (entry));
  gtk_widget_add_css_class (when, "dim-label");
  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), when);
  gtk_box_append (GTK_BOX (box), line);

  if (note != NULL && *note != '\0')
    {
      GtkWidget *text = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), text);
    }
  for (guint i = 0; i < evidence->len; i++)
    gtk_box_append (GTK_BOX (box), evidence_button_new (self, g_ptr_array_index (evidence, i)));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* Translators: a line of a recommendation's history, for screen readers: a status and its date */
  label = g_strdup_printf (_("%s on %s"), pb_recommendation_status_get_label (pb_recommendation_entry_get_status (entry)),
                           date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

/* Newest first, each status with its evidence and each confirmed link
 * with its other recommendation. */
void
_pb_tracker_item_fill_history (PbTrackerItem *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))))
    gtk_list_box_remove (self->history_list, child);

  if (!(history = pb_library_list_recommendation_history (self->library, pb_recommendation_item_get_id (self->item),
                                                          &error)))
    {
      g_warning ("Could not read a recommendation's history: %s", error->message);
      return;
    }

  /* Newest first: where it stands now is what the panel asks. */
  for (guint i = history->len; i > 0; i--)
    {
      PbRecommendationEntry *entry = g_ptr_array_index (history, i - 1);

      gtk_list_box_append (self->history_list,
                           pb_recommendation_entry_get_kind (entry) == PB_RECOMMENDATION_ENTRY_STATUS
                           ? status_row_new (self, entry) : link_row_new (self, entry));
    }

  if (history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

/* The links' summaries, for the card at the top. */
void
_pb_tracker_item_fill_repeated (PbTrackerItem *self)
{
  g_autoptr(GPtrArray) history = pb_library_list_recommendation_history (self->library,
                                                                         pb_recommendation_item_get_id (self->item),
                                                                         NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PbRecommendationEntry *entry = g_ptr_array_index (history, i);

      if (pb_recommendation_entry_get_kind (entry) == PB_RECOMMENDATION_ENTRY_STATUS)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, pb_recommendation_entry_get_summary (entry));
    }
  gtk_label_set_label (self->repeated_label, text->str);
  gtk_widget_set_visible (self->repeated_box, text->len > 0);
}

