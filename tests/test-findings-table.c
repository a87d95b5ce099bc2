/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-finding-store.h"
#include "pb-pack-store.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* The Findings table: everything done to one finding as to many (edit,
 * cohorts, pack, delete), from the action bar and from a row's context
 * menu; its columns in full at the default window size, fewer as it
 * narrows, the search never squeezed. */

static PbFindingsView *
show_table (Fixture *f)
{
  PbFindingsView *table = pb_window_get_findings_view (f->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "findings");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return table;
}

static void
fill (Fixture *f)
{
  pb_reader_fixture_add_finding (f, 1, "Personal advisers keep in touch with care leavers until they are 25.",
               "Ask how many are in touch at 21", PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
  pb_reader_fixture_add_finding (f, 2, "Care leavers and the local offer.", "", PB_FINDING_KIND_RECOMMENDATION);
  pb_reader_fixture_add_finding (f, 3, "Page 3: care leavers and the local offer.", "Good", PB_FINDING_KIND_STRENGTH);
}

static gboolean
action_enabled (GtkWidget  *widget,
                const char *name)
{
  /* Whether the widget's action can be used, asked through a button, as the
   * action bar's ask; with a target of the action's type. */
  g_autoptr(GtkWidget) button = g_object_ref_sink (gtk_button_new ());
  gboolean enabled;

  if (g_str_equal (name, "findings.retag"))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sb)", "care_leavers", TRUE);
  else if (g_str_equal (name, "findings.add-to-pack"))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64)0);
  gtk_widget_set_parent (button, widget);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  return enabled;
}

static GtkWidget *find_label (GtkWidget  *widget,
                              const char *text);

/* The editor's buttons for a saved finding are always in sight: in a bar
 * below its scrolling content, not at the end of it. */
static void
assert_never_below_fold (PbFindingEditor *editor)
{
  static const char * const labels[] = { "_Delete", "_Find Again", "Add to _Pack" };

  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = find_label (GTK_WIDGET (editor), labels[i]);
      graphene_rect_t bounds;

      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_null (gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW));
      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (editor), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (editor)));
    }
}

/* One row selected is enough for every action, Edit included. */
static void
test_single_row_actions (Fixture       *f,
                         gconstpointer  data)
{
  PbFindingsView *table;
  GtkSelectionModel *selection;
  GListModel *rows;
  PbFindingEditor *editor;
  g_autoptr(PbFinding) first = NULL;
  g_autoptr(PbFinding) read = NULL;
  GtkWidget *bar;

  fill (f);
  table = show_table (f);
  selection = pb_findings_view_get_selection (table);
  rows = pb_findings_view_get_model (table);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  bar = pb_reader_find_widget (GTK_WIDGET (table), GTK_TYPE_ACTION_BAR);
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  g_assert_false (action_enabled (GTK_WIDGET (table), "findings.edit"));

  gtk_selection_model_select_item (selection, 0, TRUE);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  g_assert_true (action_enabled (GTK_WIDGET (table), "findings.edit"));
  g_assert_true (action_enabled (GTK_WIDGET (table), "findings.delete-selected"));
  g_assert_true (action_enabled (GTK_WIDGET (table), "findings.retag"));
  g_assert_true (action_enabled (GTK_WIDGET (table), "findings.add-to-pack"));

  /* Edit: the finding's editor, saving as it goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "findings.edit", NULL));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (pb_finding_get_id (pb_finding_editor_get_finding (editor)), ==, pb_finding_get_id (first));
  assert_never_below_fold (editor);
  pb_finding_editor_set_cohort (editor, "leadership", TRUE);
  read = pb_library_get_finding (f->library, pb_finding_get_id (first), NULL);
  g_assert_true (pb_finding_has_cohort (read, "leadership"));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Cohorts and Delete, on the one row. */
  gtk_selection_model_select_item (selection, 1, TRUE);
  {
    g_autoptr(PbFinding) second = g_list_model_get_item (rows, 1);
    g_autoptr(PbFinding) retagged = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "findings.retag", "(sb)", "children_in_care", TRUE));
    retagged = pb_library_get_finding (f->library, pb_finding_get_id (second), NULL);
    g_assert_true (pb_finding_has_cohort (retagged, "children_in_care"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "findings.delete-selected", NULL));
    g_assert_null (pb_library_get_finding (f->library, pb_finding_get_id (second), NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
    g_assert_true (pb_findings_view_undo_delete (table));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  }
}

/* The toast's button, or NULL when no toast shows one. */
static GtkWidget *
toast_button (GtkWidget  *widget,
              const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = toast_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Deleted from the table with the keyboard: the keyboard stays in the
 * table (on the toast, the toast would never time out), and Ctrl+Z puts
 * the finding back and takes the toast away, once; from the toast's
 * button too. */
static void
test_delete_ctrl_z (Fixture       *f,
                    gconstpointer  data)
{
  PbFindingsView *table;
  GtkSelectionModel *selection;
  GListModel *rows;
  g_autoptr(PbFinding) second = NULL;
  g_autoptr(PbFinding) back = NULL;
  GtkRoot *root = GTK_ROOT (f->window);
  GtkWidget *columns;
  GtkWidget *focus;
  GtkWidget *undo;

  fill (f);
  table = show_table (f);
  selection = pb_findings_view_get_selection (table);
  rows = pb_findings_view_get_model (table);
  columns = pb_reader_find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW);
  gtk_selection_model_select_item (selection, 1, TRUE);
  second = g_list_model_get_item (rows, 1);
  g_assert_true (gtk_widget_grab_focus (columns));
  g_assert_nonnull (pb_reader_press_keys (root, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  undo = toast_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (focus == columns || gtk_widget_is_ancestor (focus, columns));

  g_assert_nonnull (pb_reader_press_keys (root, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  back = pb_library_get_finding (f->library, pb_finding_get_id (second), NULL);
  g_assert_nonnull (back);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_null (toast_button (GTK_WIDGET (f->window), "_Undo"));
  /* Nothing left to undo: Ctrl+Z is not taken. */
  g_assert_null (pb_reader_press_keys (root, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  /* With the keyboard on the toast's Undo, as Tab takes it there. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_widget_grab_focus (columns));
  g_assert_nonnull (pb_reader_press_keys (root, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  undo = toast_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_grab_focus (undo));
  g_assert_nonnull (pb_reader_press_keys (root, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkGesture *
right_click_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* Whether @widget would show its tooltip now, as GTK asks it on hover. */
static gboolean
offers_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  return shown;
}

/* A right click on a row chooses it and opens the selection's menu; no
 * tooltip covers the menu while it is open. */
static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  PbFindingsView *table;
  GtkSelectionModel *selection;
  GtkWidget *cell;
  GtkWidget *menu;
  GtkGesture *click;
  g_autoptr(GtkBitset) chosen = NULL;

  fill (f);
  table = show_table (f);
  selection = pb_findings_view_get_selection (table);

  cell = find_label (GTK_WIDGET (table), "Care leavers and the local offer.");
  g_assert_nonnull (cell);
  click = right_click_of (cell);
  g_assert_nonnull (click);
  g_assert_true (offers_tooltip (cell));
  g_signal_emit_by_name (click, "pressed", 1, 4.0, 4.0);

  chosen = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (chosen), ==, 1);
  {
    g_autoptr(PbFinding) row = g_list_model_get_item (pb_findings_view_get_model (table), gtk_bitset_get_nth (chosen, 0));

    g_assert_cmpstr (pb_finding_get_quote (row), ==, "Care leavers and the local offer.");
  }

  menu = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (table)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_false (offers_tooltip (cell));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (offers_tooltip (cell));
  gtk_popover_popup (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (menu, "findings.edit", NULL));
  g_assert_nonnull (pb_reader_find_editor ());
  gtk_window_destroy (GTK_WINDOW (pb_reader_find_editor ()));
}

static gboolean
column_shown (PbFindingsView *table,
              const char     *title)
{
  GListModel *columns = gtk_column_view_get_columns (pb_findings_view_get_column_view (table));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return gtk_column_view_column_get_visible (column);
    }
  return FALSE;
}

/* The rows are as wide as the table: no column left unshown takes room. */
static void
assert_rows_fit (PbFindingsView *table)
{
  GtkWidget *view = GTK_WIDGET (pb_findings_view_get_column_view (table));

  for (GtkWidget *part = gtk_widget_get_first_child (view); part; part = gtk_widget_get_next_sibling (part))
    {
      g_assert_cmpint (gtk_widget_get_width (part), <=, gtk_widget_get_width (view));
      for (GtkWidget *row = gtk_widget_get_first_child (part); row; row = gtk_widget_get_next_sibling (row))
        g_assert_cmpint (gtk_widget_get_width (row), <=, gtk_widget_get_width (view));
    }
}

/* Every column in the table is on screen, none past the table's right
 * edge behind a scrollbar that only shows on hover. */
static void
assert_columns_on_screen (PbFindingsView *table)
{
  GtkWidget *view = GTK_WIDGET (pb_findings_view_get_column_view (table));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  int minimum = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, gtk_widget_get_width (scroller));
  g_assert_cmpint (gtk_widget_get_width (view), <=, gtk_widget_get_width (scroller));
}

static gboolean
has_label_starting (GtkWidget  *widget,
                    const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_starting (child, prefix))
      return TRUE;
  return FALSE;
}

/* The filters' drop-downs sit on one line, whatever the width. */
static void
assert_filters_one_line (GtkWidget *widget,
                         GtkWidget *table,
                         double    *line)
{
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget))
    {
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (widget, table, &GRAPHENE_POINT_INIT (0, 0), &point));
      if (*line < 0)
        *line = point.y;
      g_assert_cmpfloat (point.y, ==, *line);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_filters_one_line (child, table, line);
}

/* Every label showing @text in the table shows it whole. */
static void
assert_not_cut (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_not_cut (child, text);
}

static gboolean
waited_columns (Fixture *f)
{
  return TRUE;
}

static void
settle (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
  pb_reader_iterate_until (waited_columns, f);
}

/* At the default window size the note, report, date and kind are shown in
 * full; narrower, the table keeps the quote, kind and date and the search
 * keeps its width. */
static const char * const all_titles[] = {
  "Quote", "Note", "Report", "Date", "Where", "Cohorts", "Kind", "Status", "Classification",
};

static void
test_columns_fit (Fixture       *f,
                  gconstpointer  data)
{
  PbFindingsView *table;
  GtkWidget *search;

  fill (f);
  table = show_table (f);
  settle (f);

  g_assert_true (column_shown (table, "Quote"));
  g_assert_true (column_shown (table, "Note"));
  g_assert_true (column_shown (table, "Report"));
  g_assert_true (column_shown (table, "Date"));
  g_assert_true (column_shown (table, "Kind"));
  assert_not_cut (GTK_WIDGET (table), "Area for improvement");
  assert_not_cut (GTK_WIDGET (table), "Recommendation");
  assert_not_cut (GTK_WIDGET (table), "Ask how many are in touch at 21");
  assert_rows_fit (table);
  g_assert_true (column_shown (table, "Status"));
  assert_columns_on_screen (table);
  /* Dates as the library gives them, labelled: a report with no date of its
   * own says when it came in. */
  g_assert_true (has_label_starting (GTK_WIDGET (table), "Imported ") ||
                 has_label_starting (GTK_WIDGET (table), "Inspected "));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  settle (f);
  for (guint i = 0; i < G_N_ELEMENTS (all_titles); i++)
    g_assert_true (column_shown (table, all_titles[i]));
  assert_columns_on_screen (table);
  assert_rows_fit (table);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  settle (f);
  assert_columns_on_screen (table);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 700);
  settle (f);
  search = pb_reader_find_widget (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpint (gtk_widget_get_width (search), >=, 150);
  g_assert_true (column_shown (table, "Quote"));
  g_assert_true (column_shown (table, "Kind"));
  g_assert_true (column_shown (table, "Date"));
  assert_not_cut (GTK_WIDGET (table), "Area for improvement");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 420, 700);
  settle (f);
  {
    double line = -1;

    assert_filters_one_line (GTK_WIDGET (table), GTK_WIDGET (table), &line);
    g_assert_cmpfloat (line, >=, 0);
  }
  g_assert_true (column_shown (table, "Quote"));
  g_assert_false (column_shown (table, "Note"));
  search = pb_reader_find_widget (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpint (gtk_widget_get_width (search), >=, 150);
}

static gboolean
already_said (Fixture *f)
{
  return find_label (GTK_WIDGET (f->window), "Already in “New briefing pack”") != NULL;
}

/* Add to Pack twice: the second time says the pack has it already; a new
 * pack is prepared by the default author of Preferences. */
static void
test_add_to_pack_again (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(PbPack) pack = NULL;
  PbFindingsView *table;

  g_settings_set_string (settings, "default-author", "A. Officer");
  fill (f);
  table = show_table (f);
  gtk_selection_model_select_item (pb_findings_view_get_selection (table), 0, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "findings.add-to-pack", "x", (gint64)0));
  packs = pb_library_list_packs (f->library, NULL);
  g_assert_cmpuint (packs->len, ==, 1);
  pack = g_object_ref (g_ptr_array_index (packs, 0));
  g_assert_cmpstr (pb_pack_get_author (pack), ==, "A. Officer");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Added to “New briefing pack”"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "findings.add-to-pack", "x", pb_pack_get_id (pack)));
  pb_reader_iterate_until (already_said, f);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Already in “New briefing pack”"));
  g_settings_reset (settings, "default-author");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/findings-table/single-row-actions", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_single_row_actions, pb_reader_fixture_teardown);
  g_test_add ("/findings-table/delete-ctrl-z", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_delete_ctrl_z, pb_reader_fixture_teardown);
  g_test_add ("/findings-table/context-menu", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_context_menu, pb_reader_fixture_teardown);
  g_test_add ("/findings-table/columns-fit", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_columns_fit, pb_reader_fixture_teardown);
  g_test_add ("/findings-table/add-to-pack-again", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_add_to_pack_again, pb_reader_fixture_teardown);

  return g_test_run ();
}
