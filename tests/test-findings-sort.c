/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-accessible-names.h"
#include "pb-finding-store.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* The Findings table for a keyboard and screen-reader user: sorted from
 * its "Sort by" dropdown (reached with Ctrl+Shift+S) as by a click on a
 * column header, the dropdown following the headers; each row spoken with
 * its column titles. Run with GTK's test backend for assistive
 * technologies, which keeps what a screen reader would be told. */

static PbFindingsView *
show_table (Fixture *f)
{
  pb_reader_fixture_add_finding (f, 1, "Personal advisers keep in touch with care leavers until they are 25.",
               "Ask how many are in touch at 21", PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
  pb_reader_fixture_add_finding (f, 2, "Care leavers and the local offer.", "", PB_FINDING_KIND_RECOMMENDATION);
  pb_reader_fixture_add_finding (f, 3, "Page 3: care leavers and the local offer.", "Good", PB_FINDING_KIND_STRENGTH);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return pb_window_get_findings_view (f->window);
}

static char *
quotes (PbFindingsView *table)
{
  GListModel *rows = pb_findings_view_get_model (table);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (rows, i);

      g_string_append_printf (text, "%s%.4s", i ? "|" : "", pb_finding_get_quote (finding));
    }
  return g_string_free (text, FALSE);
}

static void
assert_order (PbFindingsView *table,
              const char     *expected)
{
  g_autofree char *order = quotes (table);

  g_assert_cmpstr (order, ==, expected);
}

static GtkDropDown *
sort_dropdown (PbFindingsView *table)
{
  GtkWidget *filters = pb_reader_find_widget (GTK_WIDGET (table), GTK_TYPE_DROP_DOWN);

  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (filters)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Sort by") == 0)
      return GTK_DROP_DOWN (w);
  g_assert_not_reached ();
}

static GtkToggleButton *
reverse_toggle (PbFindingsView *table)
{
  GtkWidget *dropdown = GTK_WIDGET (sort_dropdown (table));

  for (GtkWidget *w = gtk_widget_get_next_sibling (dropdown); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TOGGLE_BUTTON (w))
      return GTK_TOGGLE_BUTTON (w);
  g_assert_not_reached ();
}

/* The dropdown's entry called @title, or fails. */
static guint
position_of (GtkDropDown *dropdown,
             const char  *title)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title))
      return i;
  g_error ("no “%s” to sort by", title);
}

static GtkColumnViewColumn *
column_titled (PbFindingsView *table,
               const char     *title)
{
  GListModel *columns = gtk_column_view_get_columns (pb_findings_view_get_column_view (table));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_error ("no column “%s”", title);
}

static void
test_sort_from_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  PbFindingsView *table = show_table (f);
  GtkDropDown *dropdown = sort_dropdown (table);
  GtkToggleButton *reverse = reverse_toggle (table);
  g_autofree char *unsorted = quotes (table);
  GtkWidget *focus;

  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (reverse)));

  /* Ctrl+Shift+S from the table: the focus is on the dropdown. */
  gtk_widget_grab_focus (GTK_WIDGET (pb_findings_view_get_column_view (table)));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ==
                 GTK_WIDGET (table));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (dropdown) || gtk_widget_is_ancestor (focus, GTK_WIDGET (dropdown)));

  /* What the arrow keys choose in it sorts the table. */
  gtk_drop_down_set_selected (dropdown, position_of (dropdown, "Quote"));
  assert_order (table, "Care|Page|Pers");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (reverse)));
  gtk_toggle_button_set_active (reverse, TRUE);
  assert_order (table, "Pers|Page|Care");
  gtk_drop_down_set_selected (dropdown, position_of (dropdown, "Kind"));
  /* Strength, Recommendation, Area for improvement: reversed still. */
  assert_order (table, "Page|Care|Pers");

  /* A click on a header: the dropdown and the toggle follow. */
  gtk_column_view_sort_by_column (pb_findings_view_get_column_view (table), column_titled (table, "Note"),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, position_of (dropdown, "Note"));
  g_assert_false (gtk_toggle_button_get_active (reverse));
  assert_order (table, "Care|Pers|Page");
  gtk_column_view_sort_by_column (pb_findings_view_get_column_view (table), column_titled (table, "Quote"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, position_of (dropdown, "Quote"));
  g_assert_true (gtk_toggle_button_get_active (reverse));

  gtk_drop_down_set_selected (dropdown, 0);
  assert_order (table, unsorted);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (reverse)));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") &&
      gtk_widget_get_mapped (widget) && gtk_widget_get_first_child (widget) != NULL &&
      g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_first_child (widget)), "GtkColumnViewCell"))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* What a row shows, each cell after its column's title, as the table's
 * columns are in order: what a screen reader should be told. */
static char *
row_as_spoken (PbFindingsView *table,
               GtkWidget      *row)
{
  GListModel *columns = gtk_column_view_get_columns (pb_findings_view_get_column_view (table));
  GString *text = g_string_new (NULL);
  guint i = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell; cell = gtk_widget_get_next_sibling (cell), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *shown = gtk_widget_get_first_child (cell);
      const char *words = GTK_IS_LABEL (shown) ? gtk_label_get_text (GTK_LABEL (shown))
                                               : gtk_widget_get_tooltip_text (shown);

      g_assert_nonnull (column);
      if (words != NULL && *words != '\0')
        g_string_append_printf (text, "%s%s: %s", text->len ? ", " : "",
                                gtk_column_view_column_get_title (column), words);
    }
  g_assert_cmpuint (i, ==, g_list_model_get_n_items (columns));
  return g_string_free (text, FALSE);
}

static void
assert_rows_spoken (Fixture        *f,
                    PbFindingsView *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean quote_seen = FALSE;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  collect_rows (GTK_WIDGET (pb_findings_view_get_column_view (table)), rows);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *spoken = row_as_spoken (table, g_ptr_array_index (rows, i));
      g_autofree char *wrong = gtk_test_accessible_check_property (g_ptr_array_index (rows, i),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

      if (wrong != NULL)
        g_error ("row spoken as “%s”, not “%s”", wrong, spoken);
      g_assert_true (g_str_has_prefix (spoken, "Quote: "));
      g_assert_nonnull (strstr (spoken, ", Kind: "));
      g_assert_nonnull (strstr (spoken, ", Cohorts: Care leavers"));
      quote_seen |= g_str_has_prefix (spoken, "Quote: Personal advisers keep in touch with care leavers until "
                                              "they are 25., Note: Ask how many are in touch at 21, ");
    }
  g_assert_true (quote_seen);
}

static void
test_rows_spoken_with_headers (Fixture       *f,
                               gconstpointer  data)
{
  PbFindingsView *table = show_table (f);

  assert_rows_spoken (f, table);
  /* Rows bound to other findings say so: sorted, the rows are reused. */
  gtk_drop_down_set_selected (sort_dropdown (table), position_of (sort_dropdown (table), "Kind"));
  assert_rows_spoken (f, table);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  pb_accessible_names_install ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/findings-sort/from-keyboard", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_sort_from_keyboard, pb_reader_fixture_teardown);
  g_test_add ("/findings-sort/rows-spoken-with-headers", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_rows_spoken_with_headers, pb_reader_fixture_teardown);

  return g_test_run ();
}
