/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-findings-view-private.h"
#include "pb-report.h"

/* The findings table's columns: what each cell says, and how each column
 * sorts. A column's text and its table travel with its factory and sorter as
 * a Column, given to them as their own data. */

typedef char *(*CellTextFunc) (PbFindingsView *self,
                               PbFinding      *finding);

typedef struct
{
  PbFindingsView *view;    /* not owned: the table owns its columns */
  CellTextFunc    text;
} Column;

static Column *
column_new (PbFindingsView *view,
            CellTextFunc    text)
{
  Column *column = g_new0 (Column, 1);

  column->view = view;
  column->text = text;
  return column;
}

static void
column_free (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

/* Cells */

static char *
report_text (PbFindingsView *self,
             PbFinding      *finding)
{
  return g_strdup (pb_finding_get_report_title (finding));
}

static GDateTime *
report_date (PbFindingsView *self,
             PbFinding      *finding)
{
  return g_hash_table_lookup (self->report_dates, GSIZE_TO_POINTER ((gsize)pb_finding_get_report_id (finding)));
}

static char *
date_text (PbFindingsView *self,
           PbFinding      *finding)
{
  GDateTime *date = report_date (self, finding);

  /* Translators: a report's date in the findings table; see strftime(3) */
  return date ? g_date_time_format (date, _("%-d %b %Y")) : g_strdup ("");
}

static char *
where_text (PbFindingsView *self,
            PbFinding      *finding)
{
  if (pb_finding_get_paragraph (finding) > 0)
    return g_strdup_printf (_("¶%u"), pb_finding_get_paragraph (finding));
  /* Translators: a page reference, "p. 4" */
  return g_strdup_printf (_("p. %u"), pb_finding_get_page (finding));
}

static PbCohort *
cohort_by_slug (PbFindingsView *self,
                const char     *slug)
{
  for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
    if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (self->cohorts, i)), slug))
      return g_ptr_array_index (self->cohorts, i);
  return NULL;
}

static char *
cohorts_text (PbFindingsView *self,
              PbFinding      *finding)
{
  const char * const *slugs = pb_finding_get_cohorts (finding);
  GString *text = g_string_new (NULL);

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      PbCohort *cohort = cohort_by_slug (self, slugs[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, cohort ? pb_cohort_get_name (cohort) : slugs[i]);
    }

  return g_string_free (text, FALSE);
}

static char *
kind_text (PbFindingsView *self,
           PbFinding      *finding)
{
  return g_strdup (pb_finding_kind_get_label (pb_finding_get_kind (finding)));
}

static char *
status_text (PbFindingsView *self,
             PbFinding      *finding)
{
  return pb_finding_get_status (finding) == PB_FINDING_STATUS_NONE
    ? g_strdup ("")
    : g_strdup (pb_finding_status_get_label (pb_finding_get_status (finding)));
}

static char *
classification_text (PbFindingsView *self,
                     PbFinding      *finding)
{
  return g_strdup (pb_finding_get_exempt (finding) ? _("Exempt") : _("Public"));
}

static char *
quote_text (PbFindingsView *self,
            PbFinding      *finding)
{
  return g_strdup (pb_finding_get_quote (finding));
}

/* Sorting */

static int
compare_text (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  Column *column = data;
  g_autofree char *ta = column->text (column->view, (PbFinding *)a);
  g_autofree char *tb = column->text (column->view, (PbFinding *)b);

  return g_utf8_collate (ta, tb);
}

static int
compare_date (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  PbFindingsView *self = data;
  GDateTime *da = report_date (self, (PbFinding *)a);
  GDateTime *db = report_date (self, (PbFinding *)b);

  if (da == NULL || db == NULL)
    return (da != NULL) - (db != NULL);
  return g_date_time_compare (da, db);
}

static int
compare_where (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  PbFinding *fa = (PbFinding *)a;
  PbFinding *fb = (PbFinding *)b;
  int by_report = (pb_finding_get_report_id (fa) > pb_finding_get_report_id (fb)) -
                  (pb_finding_get_report_id (fa) < pb_finding_get_report_id (fb));

  if (by_report != 0)
    return by_report;
  return (int)pb_finding_get_page (fa) - (int)pb_finding_get_page (fb);
}

/* Columns */

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PbFindingsView           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* The quote, the point of a finding, gets two lines. */
static void
quote_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PbFindingsView           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  gtk_list_item_set_child (item, label);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  g_autofree char *text = column->text (column->view, gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
cohorts_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PbFindingsView           *self)
{
  gtk_list_item_set_child (item, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
}

static void
cohorts_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PbFindingsView           *self)
{
  PbFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autofree char *names = cohorts_text (self, finding);
  GtkWidget *child;
  GtkWidget *label;

  while ((child = gtk_widget_get_first_child (box)))
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      PbCohort *cohort = cohort_by_slug (self, slugs[i]);
      gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (cohort ? pb_cohort_get_color (cohort) : NULL));
    }

  label = gtk_label_new (names);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, names);
}

static void
add_column (PbFindingsView *self,
            const char     *title,
            CellTextFunc    text,
            GtkSorter      *sorter,
            gboolean        expand,
            int             width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  if (text == cohorts_text)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (cohorts_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cohorts_bind_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup",
                        text == quote_text ? G_CALLBACK (quote_setup_cb) : G_CALLBACK (text_setup_cb), self);
      g_signal_connect_data (factory, "bind", G_CALLBACK (text_bind_cb), column_new (self, text), column_free, 0);
    }

  if (sorter == NULL)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_text, column_new (self, text), g_free));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  g_object_unref (sorter);
}

void
_pb_findings_view_add_columns (PbFindingsView *self)
{
  add_column (self, _("Quote"), quote_text, NULL, TRUE, -1);
  add_column (self, _("Report"), report_text, NULL, FALSE, 170);
  add_column (self, _("Date"), date_text,
              GTK_SORTER (gtk_custom_sorter_new (compare_date, self, NULL)), FALSE, 90);
  add_column (self, _("Where"), where_text,
              GTK_SORTER (gtk_custom_sorter_new (compare_where, NULL, NULL)), FALSE, 56);
  add_column (self, _("Cohorts"), cohorts_text, NULL, FALSE, 150);
  add_column (self, _("Kind"), kind_text, NULL, FALSE, 130);
  add_column (self, _("Status"), status_text, NULL, FALSE, 84);
  add_column (self, _("Classification"), classification_text, NULL, FALSE, 96);

}
