/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-accessible-names.h"
#include "pb-finding-store.h"
#include "pb-findings-view.h"
#include "pb-library-sidebar.h"
#include "pb-password-dialog.h"
#include "pb-reader-fixture.h"
#include "pb-report-list.h"
#include "pb-test-util.h"
#include "pb-text-view.h"
#include "pb-tracker-view.h"

/* The window's keys for a keyboard and screen-reader user, pressed where
 * such a user's focus is: in the Text view and in text fields, whose own
 * keys (Ctrl+Shift+A: select none) come first unless the window asks
 * first; the findings table one Tab stop, reversed with Ctrl+Shift+S by a
 * toggle that says whether it is on. Run with GTK's test backend for
 * assistive technologies, which keeps what a screen reader is told. */

static void
add_findings (Fixture *f)
{
  pb_reader_fixture_add_finding (f, 1, "Personal advisers keep in touch.", NULL, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
  pb_reader_fixture_add_finding (f, 2, "Care leavers and the local offer.", NULL, PB_FINDING_KIND_RECOMMENDATION);
  pb_reader_fixture_add_finding (f, 3, "Page 3: the local offer.", NULL, PB_FINDING_KIND_STRENGTH);
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_within (Fixture   *f,
              GtkWidget *widget)
{
  GtkWidget *focus = focus_of (f);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
text_loaded (Fixture *f)
{
  PbTextView *text = pb_reader_get_text_view (pb_window_get_reader (f->window));

  return pb_text_view_get_loaded (text) && gtk_widget_get_mapped (GTK_WIDGET (text));
}

static gboolean
showing_findings (PbWindow *window)
{
  gboolean shown;

  g_object_get (window, "show-all-findings", &shown, NULL);
  return shown;
}

/* The first mapped widget of @type under @widget, or NULL. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
table_of (Fixture *f)
{
  return GTK_WIDGET (pb_findings_view_get_column_view (pb_window_get_findings_view (f->window)));
}

/* Ctrl+Shift+A from the Text view and from a search field: the table,
 * with the keyboard on its first row (not on the header's Export). */
static void
test_views_from_text (Fixture       *f,
                      gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GtkWidget *text = GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (reader)));
  GtkWidget *search;

  add_findings (f);
  pb_reader_set_text_mode (reader, TRUE);
  pb_reader_iterate_until (text_loaded, f);
  gtk_widget_grab_focus (text);
  g_assert_true (focus_of (f) == text);

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ==
                 GTK_WIDGET (f->window));
  g_assert_true (showing_findings (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (focus_within (f, table_of (f)));
  g_assert_true (focus_of (f) != table_of (f));   /* on a row */

  /* Back to the report, into a search field (the findings' filter). */
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ==
                 GTK_WIDGET (f->window));
  g_assert_false (showing_findings (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  search = find_mapped (pb_window_get_sidebar (f->window), GTK_TYPE_SEARCH_ENTRY);
  if (search == NULL)
    search = find_mapped (GTK_WIDGET (reader), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_grab_focus (search));
  g_assert_true (GTK_IS_TEXT (focus_of (f)));

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ==
                 GTK_WIDGET (f->window));
  g_assert_true (showing_findings (f->window));

  /* The other views likewise from the table's own search field. */
  g_assert_true (gtk_widget_grab_focus (find_mapped (GTK_WIDGET (pb_window_get_findings_view (f->window)),
                                                     GTK_TYPE_SEARCH_ENTRY)));
  g_assert_true (GTK_IS_TEXT (focus_of (f)));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ==
                 GTK_WIDGET (f->window));
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_TRACKER);
}

/* The table's rows are made as it is laid out: until they are, there is
 * no row to focus. */
static gboolean
table_focused (Fixture *f)
{
  PbFindingsView *view = pb_window_get_findings_view (f->window);

  return pb_findings_view_focus_table (view) && focus_within (f, table_of (f));
}

/* The table is one Tab stop: Tab and Shift+Tab on a row leave it. */
static void
test_table_one_tab_stop (Fixture       *f,
                         gconstpointer  data)
{
  PbFindingsView *view;
  GtkWidget *table;
  GtkWidget *sort;

  add_findings (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = pb_window_get_findings_view (f->window);
  table = table_of (f);
  g_assert_cmpuint (g_list_model_get_n_items (pb_findings_view_get_model (view)), ==, 3);

  pb_reader_iterate_until (table_focused, f);
  g_assert_true (focus_within (f, table));
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Tab, 0));
  g_assert_nonnull (focus_of (f));
  g_assert_false (focus_within (f, table));

  /* Back: Shift+Tab from a row goes to the control before the table,
   * the "Sort by" list (its Reverse toggle is off while unsorted). */
  pb_reader_iterate_until (table_focused, f);
  g_assert_true (focus_within (f, table));
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  sort = gtk_widget_get_ancestor (focus_of (f), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (sort);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sort), ==, "Sort by");
  g_assert_true (gtk_widget_get_can_focus (table));
}

/* Return on a row: the keyboard goes on in the view the report is read
 * in, the Text view or the pages. */
static void
test_row_opens_in_text_view (Fixture       *f,
                             gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GtkWidget *text = GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (reader)));

  add_findings (f);
  pb_reader_set_text_mode (reader, TRUE);
  pb_reader_iterate_until (text_loaded, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (pb_findings_view_focus_table (pb_window_get_findings_view (f->window)));
  g_assert_true (focus_within (f, table_of (f)));
  g_signal_emit_by_name (table_of (f), "activate", 1);
  g_assert_false (showing_findings (f->window));
  pb_reader_iterate_until (text_loaded, f);
  g_assert_true (focus_of (f) == text);

  /* Reading the pages, the pages. */
  pb_reader_set_text_mode (reader, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (pb_findings_view_focus_table (pb_window_get_findings_view (f->window)));
  g_signal_emit_by_name (table_of (f), "activate", 0);
  g_assert_false (showing_findings (f->window));
  g_assert_true (focus_of (f) == GTK_WIDGET (pb_reader_view_of (f)));
}

static GtkToggleButton *
toggle_labelled (GtkWidget  *widget,
                 const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
       g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0))
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = toggle_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_spoken_checked (GtkToggleButton *toggle,
                       gboolean         checked)
{
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_ROLE_CHECKBOX));
  g_assert_cmpint (gtk_toggle_button_get_active (toggle), ==, checked);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED,
                                    checked ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
}

/* Ctrl+Shift+S from the search field reverses the order and goes to the
 * Reverse toggle, spoken as a check box, checked or not. */
static void
test_reverse_from_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  PbFindingsView *view;
  GtkToggleButton *reverse;
  GtkDropDown *sort;
  GListModel *rows;
  g_autoptr(PbFinding) first = NULL;
  g_autoptr(PbFinding) last = NULL;

  add_findings (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = pb_window_get_findings_view (f->window);
  rows = pb_findings_view_get_model (view);
  reverse = toggle_labelled (GTK_WIDGET (view), "Reverse Order");
  g_assert_nonnull (reverse);
  sort = GTK_DROP_DOWN (gtk_widget_get_ancestor (gtk_widget_get_prev_sibling (GTK_WIDGET (reverse)), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (sort);
  assert_spoken_checked (reverse, FALSE);

  gtk_drop_down_set_selected (sort, 1);   /* the first column: Quote */
  first = g_list_model_get_item (rows, 0);
  g_assert_true (gtk_widget_grab_focus (find_mapped (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY)));
  g_assert_true (GTK_IS_TEXT (focus_of (f)));
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  assert_spoken_checked (reverse, TRUE);
  last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
  g_assert_true (first == last);
  /* The focus on the toggle: a screen reader says it is now checked. */
  g_assert_true (focus_of (f) == GTK_WIDGET (reverse));

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  assert_spoken_checked (reverse, FALSE);
}

/* The tracker's Overdue filter likewise says whether it is on. */
static void
test_overdue_spoken (Fixture       *f,
                     gconstpointer  data)
{
  GtkToggleButton *overdue;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-tracker", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  overdue = toggle_labelled (GTK_WIDGET (pb_window_get_tracker_view (f->window)), "_Overdue");
  g_assert_nonnull (overdue);
  assert_spoken_checked (overdue, FALSE);
  gtk_toggle_button_set_active (overdue, TRUE);
  assert_spoken_checked (overdue, TRUE);
  gtk_toggle_button_set_active (overdue, FALSE);
  assert_spoken_checked (overdue, FALSE);
}

static gboolean
library_has_focus (Fixture *f)
{
  GtkWidget *list = find_mapped (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW);

  return list != NULL && focus_within (f, list) && focus_of (f) != list;
}

/* The library's list: Up and Down move the keyboard from report to report
 * without opening any (each used to open as the arrows passed); Enter
 * opens the one the keyboard is on. */
static void
test_library_arrows (Fixture       *f,
                     gconstpointer  data)
{
  PbReport *reading;
  GtkWidget *first;
  GtkWidget *next;

  pb_reader_fixture_import (f, "second.pdf", "Second report", 2);
  pb_reader_fixture_import (f, "third.pdf", "Third report", 2);
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), NULL));
  g_object_set (f->window, "show-library", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (find_mapped (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW));
  pb_library_sidebar_focus_report (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (f->window)));
  pb_reader_iterate_until (library_has_focus, f);
  reading = pb_window_get_selected_report (f->window);
  g_assert_nonnull (reading);
  first = focus_of (f);

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Down, 0));
  next = focus_of (f);
  if (next == first)   /* the last row: the one before, then */
    {
      g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Up, 0));
      next = focus_of (f);
    }
  g_assert_true (next != first);
  g_assert_true (library_has_focus (f));
  g_assert_true (pb_window_get_selected_report (f->window) == reading);

  /* Home and End go to the first and last rows, opening neither; each is
   * where the other is not (three reports). */
  {
    GtkWidget *top, *bottom;

    g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Home, 0));
    top = focus_of (f);
    g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_End, 0));
    bottom = focus_of (f);
    g_assert_true (library_has_focus (f));
    g_assert_true (top != bottom);
    g_assert_true (pb_window_get_selected_report (f->window) == reading);
    /* Up from the top stays there. */
    g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Home, 0));
    g_assert_true (focus_of (f) == top);
    g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Up, 0));
    g_assert_true (focus_of (f) == top);
    g_assert_true (pb_window_get_selected_report (f->window) == reading);
  }

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Return, 0));
  g_assert_true (pb_window_get_selected_report (f->window) != reading);
}

/* The item of the library row that has the keyboard focus, or NULL. */
static gpointer
focused_item (Fixture *f)
{
  for (GtkWidget *w = focus_of (f); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (GTK_IS_TREE_EXPANDER (child))
        return gtk_tree_expander_get_item (GTK_TREE_EXPANDER (child));
    }
  return NULL;
}

static gpointer library_target;

static gboolean
focus_on_target (Fixture *f)
{
  g_autoptr(GObject) item = focused_item (f);

  return item != NULL && item == library_target;
}

/* The item on the library list's row @position. */
static gpointer
library_item (Fixture *f,
              guint    position)
{
  GtkListView *list = GTK_LIST_VIEW (find_mapped (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);

  return gtk_tree_list_row_get_item (row);
}

/* Home and End in a library longer than the window: the far row is built
 * only once the list has scrolled to it, and the focus goes there all the
 * same, opening nothing; Enter then opens the report the focus is on. */
static void
test_library_home_end (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) last = NULL;
  GtkListView *list;
  PbReport *reading;
  guint n_rows;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.pdf", i);
      g_autofree char *title = g_strdup_printf ("Report number %02u", i);

      pb_reader_fixture_import (f, name, title, 1);
    }
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), NULL));
  g_object_set (f->window, "show-library", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pb_library_sidebar_focus_report (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (f->window)));
  pb_reader_iterate_until (library_has_focus, f);
  reading = pb_window_get_selected_report (f->window);

  list = GTK_LIST_VIEW (find_mapped (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
  g_assert_cmpuint (n_rows, >=, 30);
  first = library_item (f, 0);
  last = library_item (f, n_rows - 1);

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_End, 0));
  library_target = last;
  pb_reader_iterate_until (focus_on_target, f);
  g_assert_true (pb_window_get_selected_report (f->window) == reading);

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Home, 0));
  library_target = first;
  pb_reader_iterate_until (focus_on_target, f);
  g_assert_true (pb_window_get_selected_report (f->window) == reading);

  /* Enter opens the row the focus went to, when it holds a report. */
  if (PB_IS_REPORT (first))
    {
      g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Return, 0));
      g_assert_true (pb_window_get_selected_report (f->window) == PB_REPORT (first));
    }
  library_target = NULL;
}

/* The password field is spoken by its name, not as "GtkEntry": its
 * placeholder is no label. */
static void
test_password_named (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/secret.pdf");
  PbPasswordDialog *dialog = g_object_ref (pb_password_dialog_new (NULL, file, FALSE));
  GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *entry = gtk_widget_get_first_child (box);

  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Password");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  pb_accessible_names_install ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/window-keys/views-from-text", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_views_from_text, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/table-one-tab-stop", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_table_one_tab_stop, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/row-opens-in-text-view", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_row_opens_in_text_view, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/reverse-from-keyboard", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_reverse_from_keyboard, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/overdue-spoken", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_overdue_spoken, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/library-arrows", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_library_arrows, pb_reader_fixture_teardown);
  g_test_add ("/window-keys/library-home-end", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_library_home_end, pb_reader_fixture_teardown);
  g_test_add_func ("/window-keys/password-named", test_password_named);
  return g_test_run ();
}
