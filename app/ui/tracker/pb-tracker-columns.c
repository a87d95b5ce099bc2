/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-accessible-names.h"
#include "pb-cohort.h"
#include "pb-recommendation-item.h"
#include "pb-status-badge.h"
#include "pb-tracker-view-private.h"

/* The tracker's table, a column for each of what the panel asks about a
 * recommendation; and, where the window is too narrow for the table, the
 * same as a list of rows, each saying it all in a few lines. */

/**
 * _pb_tracker_short_date:
 * @iso: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full): "1 Feb 2024", or "" for none
 */
char *
_pb_tracker_short_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !(date = g_date_time_new_local (year, month, day, 0, 0, 0)))
    return g_strdup (iso ? iso : "");
  /* Translators: a date in the tracker; see strftime(3) */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static PbRecommendationItem *
item_of (GtkListItem *list_item)
{
  return PB_RECOMMENDATION_ITEM (gtk_list_item_get_item (list_item));
}

static char *
source_text (PbRecommendationItem *item)
{
  g_autofree char *source = pb_recommendation_item_dup_source_name (item);
  g_autofree char *location = pb_recommendation_item_dup_location (item);

  return location ? g_strdup_printf ("%s · %s", source, location) : g_steal_pointer (&source);
}

static GtkWidget *
label_new (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Made again": Ofsted repeated it, or it repeats an earlier one. */
static GtkWidget *
repeated_tag_new (void)
{
  GtkWidget *tag = gtk_label_new (_("Made again"));

  gtk_widget_add_css_class (tag, "repeated-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (tag, _("Ofsted made this recommendation more than once: see its history"));
  return tag;
}

/* Recommendation: its words, then "Made again" and where it comes from. */

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PbTrackerView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = label_new (NULL, TRUE);

  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 90);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (line), repeated_tag_new ());
  gtk_box_append (GTK_BOX (line), label_new ("dim-label", FALSE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (line), "caption");
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PbTrackerView            *self)
{
  PbRecommendationItem *item = item_of (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_last_child (box);
  g_autofree char *source = source_text (item);

  gtk_label_set_label (GTK_LABEL (text), pb_recommendation_item_get_text (item));
  gtk_widget_set_tooltip_text (text, pb_recommendation_item_get_text (item));
  gtk_widget_set_visible (gtk_widget_get_first_child (line), pb_recommendation_item_get_link_count (item) > 0);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (line)), source);
}

/* Plain text cells */

typedef char *(*CellTextFunc) (PbTrackerView        *self,
                               PbRecommendationItem *item);

static char *
cohorts_text (PbTrackerView        *self,
              PbRecommendationItem *item)
{
  return pb_cohort_join_names (self->cohorts, pb_recommendation_item_get_cohorts (item), ", ");
}

static char *
owner_text (PbTrackerView        *self,
            PbRecommendationItem *item)
{
  const char *owner = pb_recommendation_item_get_owner (item);

  return g_strdup (*owner != '\0' ? owner : _("Not assigned"));
}

static char *
updated_text (PbTrackerView        *self,
              PbRecommendationItem *item)
{
  const char *date = pb_recommendation_item_get_status_date (item);

  return date ? _pb_tracker_short_date (date) : g_strdup (_("Not yet"));
}

static char *
evidence_text (PbTrackerView        *self,
               PbRecommendationItem *item)
{
  guint n = pb_recommendation_item_get_evidence_count (item);

  /* Translators: how many findings evidence a recommendation, in the tracker */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
}

static void
plain_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PbTrackerView            *self)
{
  gtk_list_item_set_child (list_item, label_new (NULL, FALSE));
}

static void
plain_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  CellTextFunc func = (CellTextFunc)g_object_get_data (G_OBJECT (factory), "cell-text");
  PbTrackerView *self = data;
  g_autofree char *text = func (self, item_of (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

/* Due: the date, and "Overdue" under it in red, in words. */

static void
due_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PbTrackerView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *overdue = label_new ("overdue-label", FALSE);

  gtk_label_set_label (GTK_LABEL (overdue), _("Overdue"));
  gtk_widget_add_css_class (overdue, "caption");
  gtk_box_append (GTK_BOX (box), label_new (NULL, FALSE));
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, box);
}

static void
due_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PbTrackerView            *self)
{
  PbRecommendationItem *item = item_of (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *due = pb_recommendation_item_get_due (item);
  g_autofree char *text = due ? _pb_tracker_short_date (due) : g_strdup (_("None set"));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  gtk_widget_set_visible (gtk_widget_get_last_child (box), pb_recommendation_item_get_overdue (item));
}

/* Status: a badge in its colour, saying it. */

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PbTrackerView            *self)
{
  gtk_list_item_set_child (list_item, pb_status_badge_new ());
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PbTrackerView            *self)
{
  pb_status_badge_set_status (PB_STATUS_BADGE (gtk_list_item_get_child (list_item)),
                              pb_recommendation_item_get_status (item_of (list_item)));
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A row is spoken cell by cell after the column titles, as the findings
 * table's are ("Owner: Head of Service"), not as bare values. */
static void
heading_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  data)
{
  GtkWidget *label = first_label (gtk_list_item_get_child (list_item));

  if (label != NULL)
    pb_accessible_names_set_heading (label, g_object_get_data (G_OBJECT (factory), "heading"));
}

static void
add_column (PbTrackerView *self,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            CellTextFunc   text,
            gboolean       expand,
            int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "cell-text", (gpointer)text);
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_object_set_data_full (G_OBJECT (factory), "heading", g_strdup (title), g_free);
  g_signal_connect_after (factory, "setup", G_CALLBACK (heading_setup_cb), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* The narrow list's row: the words; a line of badge, "Made again" and
 * "Overdue"; the due date and evidence; where it comes from, its cohorts
 * and owner. */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PbTrackerView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = label_new (NULL, TRUE);
  GtkWidget *overdue = label_new ("overdue-label", FALSE);

  gtk_label_set_lines (GTK_LABEL (text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);

  gtk_box_append (GTK_BOX (line), pb_status_badge_new ());
  gtk_box_append (GTK_BOX (line), repeated_tag_new ());
  gtk_label_set_label (GTK_LABEL (overdue), _("Overdue"));
  gtk_box_append (GTK_BOX (line), overdue);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), label_new (NULL, TRUE));

  gtk_box_append (GTK_BOX (box), label_new ("dim-label", TRUE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PbTrackerView            *self)
{
  PbRecommendationItem *item = item_of (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_next_sibling (text);
  GtkWidget *badge = gtk_widget_get_first_child (line);
  GtkWidget *tag = gtk_widget_get_next_sibling (badge);
  GtkWidget *overdue = gtk_widget_get_next_sibling (tag);
  GtkWidget *updated = gtk_widget_get_next_sibling (line);
  g_autofree char *source = source_text (item);
  g_autofree char *cohorts = cohorts_text (self, item);
  g_autofree char *owner = owner_text (self, item);
  g_autofree char *due = _pb_tracker_short_date (pb_recommendation_item_get_due (item));
  g_autofree char *evidence = evidence_text (self, item);
  g_autofree char *details = NULL;
  g_autofree char *dates = NULL;

  gtk_label_set_label (GTK_LABEL (text), pb_recommendation_item_get_text (item));
  pb_status_badge_set_status (PB_STATUS_BADGE (badge), pb_recommendation_item_get_status (item));
  gtk_widget_set_visible (tag, pb_recommendation_item_get_link_count (item) > 0);
  gtk_widget_set_visible (overdue, pb_recommendation_item_get_overdue (item));

  /* Translators: in the tracker's narrow list: a due date, then how many findings evidence it */
  dates = *due ? g_strdup_printf (_("Due %s · %s"), due, evidence) : g_strdup (evidence);
  gtk_label_set_label (GTK_LABEL (updated), dates);

  /* Translators: in the tracker's narrow list: source · cohorts · owner */
  details = *cohorts ? g_strdup_printf (_("%s · %s · %s"), source, cohorts, owner)
                     : g_strdup_printf ("%s · %s", source, owner);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), details);
}

/* The width a date column needs for its widest date in the view's font
 * ("28 May 2025" is wider than "15 Jun 2025"; a fixed width cut it off),
 * with the cell's padding, and never less than @least. */
static int
date_column_width (PbTrackerView *self,
                   int            least)
{
  int widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *iso = g_strdup_printf ("2088-%02d-28", month);
      g_autofree char *text = _pb_tracker_short_date (iso);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int width = 0;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* The cell's margins and the column's separators, and room for a
   * renderer that measures a little wider. */
  return MAX (least, widest + 32);
}

void
_pb_tracker_view_add_columns (PbTrackerView *self)
{
  GtkListItemFactory *rows = gtk_signal_list_item_factory_new ();
  int date_width = date_column_width (self, 96);

  add_column (self, _("Recommendation"), G_CALLBACK (text_setup_cb), G_CALLBACK (text_bind_cb), NULL, TRUE, -1);
  add_column (self, _("Cohorts"), G_CALLBACK (plain_setup_cb), G_CALLBACK (plain_bind_cb), cohorts_text, FALSE, 130);
  add_column (self, _("Owner"), G_CALLBACK (plain_setup_cb), G_CALLBACK (plain_bind_cb), owner_text, FALSE, 120);
  add_column (self, _("Due"), G_CALLBACK (due_setup_cb), G_CALLBACK (due_bind_cb), NULL, FALSE, date_width);
  add_column (self, _("Status"), G_CALLBACK (status_setup_cb), G_CALLBACK (status_bind_cb), NULL, FALSE, 150);
  add_column (self, _("Updated"), G_CALLBACK (plain_setup_cb), G_CALLBACK (plain_bind_cb), updated_text, FALSE,
              date_width);
  add_column (self, _("Evidence"), G_CALLBACK (plain_setup_cb), G_CALLBACK (plain_bind_cb), evidence_text, FALSE, 90);

  g_signal_connect (rows, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (rows, "bind", G_CALLBACK (row_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, rows);
  g_object_unref (rows);
}
