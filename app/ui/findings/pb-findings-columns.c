/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-accessible-names.h"
#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-findings-view-private.h"
#include "pb-report.h"
#include "pb-report-row.h"

/* The findings table's columns: what each cell says, how each column sorts,
 * and which are shown at the table's width. Every cell's words are shown in
 * full, wrapping to a second line rather than cut short ("…"); a table too
 * narrow for every column shows fewer, the quote, kind and date longest. A
 * right click on a cell opens the selection's menu for its row. A column's
 * text and its table travel with its factory and sorter as a Column, given
 * to them as their own data. */

typedef char *(*CellTextFunc) (PbFindingsView *self,
                               PbFinding      *finding);

typedef struct
{
  PbFindingsView *view;    /* not owned: the table owns its columns */
  CellTextFunc    text;
  const char     *title;   /* translated, static */
} Column;

static Column *
column_new (PbFindingsView *view,
            CellTextFunc    text,
            const char     *title)
{
  Column *column = g_new0 (Column, 1);

  column->view = view;
  column->text = text;
  column->title = title;
  return column;
}

static void
column_free (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

/* Cells */

static PbReport *
report_of (PbFindingsView *self,
           PbFinding      *finding)
{
  return g_hash_table_lookup (self->report_by_id, GSIZE_TO_POINTER ((gsize)pb_finding_get_report_id (finding)));
}

/* As the library lists the report. */
static char *
report_text (PbFindingsView *self,
             PbFinding      *finding)
{
  PbReport *report = report_of (self, finding);

  return g_strdup (report ? pb_report_get_display_title (report) : pb_finding_get_report_title (finding));
}

static GDateTime *
report_date (PbFindingsView *self,
             PbFinding      *finding)
{
  PbReport *report = report_of (self, finding);

  return report ? pb_report_get_display_date (report) : NULL;
}

/* The report's dates as the library lists them, each labelled with what
 * it is ("Inspected 17–28 Jun 2019", "Imported 30 Nov 2026"); sorted by the
 * date the report is known by. */
static char *
date_text (PbFindingsView *self,
           PbFinding      *finding)
{
  PbReport *report = report_of (self, finding);
  g_autofree char *described = report ? pb_report_dup_dates_description (report) : NULL;
  char *text = pb_format_capitalised (described);

  return text ? text : g_strdup ("");
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

static char *
note_text (PbFindingsView *self,
           PbFinding      *finding)
{
  return g_strdup (pb_finding_get_note (finding));
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

/* A right click on a cell: the menu, for its row (chosen first if need be). */
static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *view = gtk_widget_get_ancestor (cell, PB_TYPE_FINDINGS_VIEW);
  PbFindingsView *self = PB_FINDINGS_VIEW (view);
  graphene_point_t point;

  if (!gtk_widget_compute_point (cell, GTK_WIDGET (self->column_view), &GRAPHENE_POINT_INIT ((float)x, (float)y),
                                 &point))
    point = GRAPHENE_POINT_INIT ((float)x, (float)y);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _pb_findings_view_popup_menu (self, gtk_list_item_get_position (item), point.x, point.y);
}

static void
set_cell (GtkListItem *item,
          GtkWidget   *child)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (cell_pressed_cb), item, 0);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (child, "query-tooltip", G_CALLBACK (_pb_findings_view_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, child);
}

/* A label that wraps to @lines lines, whole words first, and never
 * reports itself narrower than @chars characters. */
static GtkWidget *
wrapping_label (int lines,
                int chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), chars);
  return label;
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PbFindingsView           *self)
{
  set_cell (item, wrapping_label (3, 6));
}

static void
note_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PbFindingsView           *self)
{
  set_cell (item, wrapping_label (4, 8));
}

/* The quote, the point of a finding, and the officer's note get four lines;
 * the rest, three. */
static void
quote_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PbFindingsView           *self)
{
  set_cell (item, wrapping_label (4, 12));
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  g_autofree char *text = column->text (column->view, gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  /* A screen reader hears the row as "Quote: …, Kind: …". */
  pb_accessible_names_set_heading (label, column->title);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text ? text : NULL);
}

static void
cohorts_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PbFindingsView           *self)
{
  set_cell (item, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
}

/* A dot for each cohort, in the cohorts' own colours; their names in the
 * tooltip and for screen readers. */
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

  while ((child = gtk_widget_get_first_child (box)))
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      PbCohort *cohort = cohort_by_slug (self, slugs[i]);
      gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (cohort ? pb_cohort_get_color (cohort) : NULL));
    }

  pb_accessible_names_set_heading (box, _("Cohorts"));
  gtk_widget_set_tooltip_text (box, names);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, names, -1);
}

/* Which columns the table shows, by the least width it needs for each:
 * the quote always; then kind, date, report, cohorts, note, status, where
 * and classification as the width allows. */
typedef struct
{
  CellTextFunc text;
  int          min_table_width;
} Shown;

static const Shown shown_from[] = {
  { kind_text, 0 },
  { date_text, 420 },
  { report_text, 520 },
  { cohorts_text, 600 },
  { note_text, 720 },
  { status_text, 760 },
  { where_text, 880 },
  { classification_text, 940 },
};

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
                        text == quote_text ? G_CALLBACK (quote_setup_cb) :
                        text == note_text ? G_CALLBACK (note_setup_cb) : G_CALLBACK (text_setup_cb), self);
      g_signal_connect_data (factory, "bind", G_CALLBACK (text_bind_cb), column_new (self, text, title),
                             column_free, 0);
    }

  if (sorter == NULL)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_text, column_new (self, text, title), g_free));
  sorter = _pb_findings_view_wrap_sorter (self, sorter, self->all_columns->len);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->all_columns, column);   /* the array takes the reference */
  g_object_unref (sorter);
}

void
_pb_findings_view_add_columns (PbFindingsView *self)
{
  add_column (self, _("Quote"), quote_text, NULL, TRUE, -1);
  add_column (self, _("Note"), note_text, NULL, TRUE, -1);
  add_column (self, _("Report"), report_text, NULL, FALSE, 152);
  add_column (self, _("Date"), date_text,
              GTK_SORTER (gtk_custom_sorter_new (compare_date, self, NULL)), FALSE, 112);
  add_column (self, _("Where"), where_text,
              GTK_SORTER (gtk_custom_sorter_new (compare_where, NULL, NULL)), FALSE, 64);
  add_column (self, _("Cohorts"), cohorts_text, NULL, FALSE, 68);
  add_column (self, _("Kind"), kind_text, NULL, FALSE, 128);
  add_column (self, _("Status"), status_text, NULL, FALSE, 96);
  add_column (self, _("Classification"), classification_text, NULL, FALSE, 104);
}

static void choose_columns (PbFindingsView *self,
                            int             width);

/* Until the table has a width: as many columns as a window of the default
 * size has room for. */
void
_pb_findings_view_choose_default_columns (PbFindingsView *self)
{
  choose_columns (self, 780);
}

static CellTextFunc column_texts[] = {
  quote_text, note_text, report_text, date_text, where_text, cohorts_text, kind_text, status_text,
  classification_text,
};

static gboolean
fits (CellTextFunc text,
      int          width)
{
  for (guint k = 0; k < G_N_ELEMENTS (shown_from); k++)
    if (shown_from[k].text == text)
      return width >= shown_from[k].min_table_width;
  return TRUE;
}

/* Shows the columns that fit @width, as shown_from[] has them, in their
 * order. Those that do not fit are taken out of the table, not hidden: GTK
 * 4.8 leaves a hidden column's cells their width in every row. */
static void
choose_columns (PbFindingsView *self,
                int             width)
{
  GListModel *shown = gtk_column_view_get_columns (self->column_view);
  guint position = 0;

  for (guint i = 0; i < self->all_columns->len && i < G_N_ELEMENTS (column_texts); i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->all_columns, i);
      gboolean in_table = gtk_column_view_column_get_column_view (column) == self->column_view;

      if (fits (column_texts[i], width))
        {
          if (!in_table)
            gtk_column_view_insert_column (self->column_view, position, column);
          position++;
        }
      else if (in_table)
        gtk_column_view_remove_column (self->column_view, column);
    }

  g_assert (g_list_model_get_n_items (shown) == position);
  self->columns_width = width;
  if (self->sort_dropdown != NULL)
    _pb_findings_view_sync_sort (self);
}

static void
columns_idle_cb (gpointer data)
{
  PbFindingsView *self = data;

  self->columns_idle = 0;
  choose_columns (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* The first allocation chooses at once (nothing is shown yet); a new width
 * chooses once this allocation is over, as columns shown or hidden in the
 * middle of it would be laid out too late and drawn unallocated. */
void
_pb_findings_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  gboolean changes = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (shown_from); k++)
    if ((width >= shown_from[k].min_table_width) != (self->columns_width >= shown_from[k].min_table_width))
      changes = TRUE;

  if (changes && self->columns_idle == 0)
    self->columns_idle = g_idle_add_once (columns_idle_cb, self);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

/**
 * pb_findings_view_get_column_view:
 *
 * Returns: (transfer none): the table itself, its columns shown or hidden
 *   as its width allows
 */
GtkColumnView *
pb_findings_view_get_column_view (PbFindingsView *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_VIEW (self), NULL);
  return self->column_view;
}
