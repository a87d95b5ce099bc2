/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-library-sidebar.h"
#include "pb-packs-view.h"
#include "pb-reader-fixture.h"
#include "pb-report-list.h"
#include "pb-text-view.h"
#include "pb-test-util.h"

/* The window at the sizes it is used at, as the GNOME HIG has it on
 * libadwaita 1.2: down to 360 px wide every view is reachable, the header
 * collapses, panels overlay the page; at the default 1100 × 760 the findings
 * panel opens beside a page still large enough to read, the library
 * stepping aside for it. */


static gboolean
library_still (Fixture *f)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (pb_window_get_sidebar (f->window), GTK_TYPE_REVEALER));

  return gtk_revealer_get_reveal_child (revealer) == gtk_revealer_get_child_revealed (revealer);
}

/* Frames until the layout is done: the library's slide over too. */
static void
settle (Fixture *f)
{
  pb_reader_iterate_until (library_still, f);
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static AdwLeaflet *
window_leaflet (Fixture *f)
{
  return ADW_LEAFLET (gtk_widget_get_ancestor (pb_window_get_sidebar (f->window), ADW_TYPE_LEAFLET));
}

static AdwFlap *
reader_flap (Fixture *f)
{
  return ADW_FLAP (pb_reader_find_widget (GTK_WIDGET (pb_window_get_reader (f->window)), ADW_TYPE_FLAP));
}

static gboolean
content_shown (Fixture *f)
{
  return !gtk_widget_is_ancestor (pb_window_get_sidebar (f->window),
                                  adw_leaflet_get_visible_child (window_leaflet (f)));
}

/* Whether the library is beside the content (or, narrow, its own page). */
static gboolean
library_shown (Fixture *f)
{
  return gtk_widget_get_mapped (pb_window_get_sidebar (f->window));
}

/* Nothing in the window is wider than 360 px needs, whatever it shows,
 * counting the frame GTK draws inside the window without a compositor
 * (as under Xvfb), which the tester's 377 px minimum included. */
static void
assert_fits (Fixture    *f,
             const char *what)
{
  int minimum, natural;

  settle (f);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (minimum > 360)
    g_error ("%s: the window needs %d px", what, minimum);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
}

/* The list of packs: the list box styled as a sidebar. */
static GtkWidget *
find_pack_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_pack_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* At 360 px: the library, then the report chosen in its place, with a way
 * back; the packs, the findings, the overview and the properties; the
 * findings panel over the page. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  PbPacksView *packs = pb_window_get_packs_view (f->window);
  GtkWidget *pack_list;
  GtkListBoxRow *row;
  gint64 pack_id;

  settle (f);
  g_assert_true (adw_leaflet_get_folded (window_leaflet (f)));
  g_assert_true (content_shown (f));            /* the report chosen when the window opened */
  assert_fits (f, "the reader");

  /* The findings panel overlays the page, and the window stays narrow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  assert_fits (f, "the reader with its findings");
  g_assert_true (adw_flap_get_folded (reader_flap (f)));
  g_assert_true (adw_flap_get_reveal_flap (reader_flap (f)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  assert_fits (f, "the report's properties");
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));

  /* Back to the library, and from it to each view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  settle (f);
  g_assert_false (content_shown (f));
  assert_fits (f, "the library");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  settle (f);
  g_assert_true (content_shown (f));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "findings");
  assert_fits (f, "the findings");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "overview");
  assert_fits (f, "grades over time");

  pack_id = pb_packs_view_new_pack (packs);
  g_assert_cmpint (pack_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-packs", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "packs");
  assert_fits (f, "the packs");

  /* A pack opened takes the list's place; Back goes to the list, then to
   * the library. */
  pack_list = find_pack_list (GTK_WIDGET (packs));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (pack_list), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (pack_list, "row-activated", row);
  settle (f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pb_packs_view_get_editor (packs))));
  assert_fits (f, "a pack");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  settle (f);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pb_packs_view_get_editor (packs))));
  g_assert_true (gtk_widget_get_mapped (pack_list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  settle (f);
  g_assert_false (content_shown (f));
}

/* Clicking the report already chosen goes to it: out of the packs, and on
 * a narrow window from the library to its page. */
static void
test_reclick_chosen (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *list = pb_reader_find_widget (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-packs", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  settle (f);
  g_assert_false (content_shown (f));
  g_assert_nonnull (pb_window_get_selected_report (f->window));

  /* The row's click activates it, as the list's own activation does. */
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  settle (f);
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_true (content_shown (f));
}

/* At 1100 × 760, the findings panel beside the page: the library steps
 * aside, the page keeps a readable zoom, and everything is back as it was
 * when the panel closes. */
static void
test_panel_at_default_size (Fixture       *f,
                            gconstpointer  data)
{
  PbDocumentView *view = pb_reader_view_of (f);
  double alone;
  gboolean library;

  settle (f);
  alone = pb_document_view_get_zoom (view);
  g_assert_true (library_shown (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  settle (f);
  g_object_get (f->window, "show-library", &library, NULL);
  g_assert_false (library);
  g_assert_false (library_shown (f));
  g_assert_false (adw_flap_get_folded (reader_flap (f)));
  g_assert_cmpfloat (pb_document_view_get_zoom (view), >=, 0.8);
  g_assert_cmpfloat (pb_document_view_get_zoom (view), >=, alone * 0.9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  settle (f);
  g_assert_true (library_shown (f));

  /* Made wide enough for the three, the library comes back beside the
   * panel; narrower again, it steps aside. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  settle (f);
  g_assert_false (library_shown (f));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  settle (f);
  /* (xvfb-run's screen is 1280 px wide unless told otherwise) */
  if (gtk_widget_get_width (GTK_WIDGET (f->window)) >= 1300)
    g_assert_true (library_shown (f));
  else
    g_test_message ("The screen is too narrow for a window of 1400 px");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  settle (f);
  g_assert_false (library_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  settle (f);
  g_assert_true (library_shown (f));

  /* Brought back by the user, the library stays, beside the panel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_true (library_shown (f));
}

/* Report Properties is for the report it was opened on: another report is
 * read; F9 from Properties goes to the pages with the panel. */
static void
test_properties_per_report (Fixture       *f,
                            gconstpointer  data)
{
  gint64 other = pb_reader_fixture_import (f, "other.pdf", "Other paper", 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");

  g_assert_true (pb_window_select_report (f->window, other));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_true (adw_flap_get_reveal_flap (reader_flap (f)));
}

static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, prefix))
      return TRUE;
  return FALSE;
}

/* A menu names an action's key as the keyboard does: Ctrl++, not the
 * keypad's Ctrl+KP +. */
static void
test_menu_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *zoom = find_tooltip (GTK_WIDGET (f->window), "Zoom");
  GtkPopover *popover;

  settle (f);
  g_assert_true (GTK_IS_MENU_BUTTON (zoom));
  gtk_menu_button_popup (GTK_MENU_BUTTON (zoom));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (zoom));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (has_label (GTK_WIDGET (popover), "Ctrl++"));
  g_assert_true (has_label (GTK_WIDGET (popover), "Ctrl+-"));
  g_assert_false (has_label (GTK_WIDGET (popover), "Ctrl+KP"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (zoom));
}

static void
count_more_buttons (GtkWidget *widget,
                    guint     *n_mapped,
                    GtkWidget **mapped)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "view-more-symbolic") == 0)
    {
      (*n_mapped)++;
      *mapped = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_more_buttons (child, n_mapped, mapped);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The reader's header shows one "more" menu, never two alike side by
 * side, at every width and with the panel open or shut; folded or not, it
 * holds the report's own items (its recommendations). */
static void
test_one_report_menu (Fixture       *f,
                      gconstpointer  data)
{
  const int widths[] = { 1400, 1100, 800, 360 };

  for (guint panel = 0; panel < 2; panel++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
        {
          GtkWidget *shown = NULL;
          guint n_shown = 0;

          gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 720);
          settle (f);
          count_more_buttons (GTK_WIDGET (f->window), &n_shown, &shown);
          g_test_message ("%d px, panel %s: %u \"more\" menus", widths[i], panel ? "open" : "shut", n_shown);
          g_assert_cmpuint (n_shown, ==, 1);
          g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (shown)),
                                          "win.track-recommendations"));
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
    }
}

/* The report whose row in the library has the keyboard focus, if any. */
static gint64
focused_report (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *expander = NULL;
  g_autoptr(GObject) item = NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, pb_window_get_sidebar (f->window)))
    return -1;
  expander = GTK_IS_TREE_EXPANDER (gtk_widget_get_first_child (focus))
             ? gtk_widget_get_first_child (focus)
             : gtk_widget_get_ancestor (focus, GTK_TYPE_TREE_EXPANDER);
  if (expander == NULL || gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) == NULL)
    return -1;
  item = gtk_tree_list_row_get_item (gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)));
  return PB_IS_REPORT (item) ? pb_report_get_id (PB_REPORT (item)) : -1;
}

static gboolean
reader_has_focus (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus == GTK_WIDGET (pb_reader_view_of (f));
}

/* F8 takes the keyboard with the library: shown, into the row of the
 * report being read (which a screen reader then speaks), hidden, back to
 * the page; the same in the Text view. */
static void
test_library_focus (Fixture       *f,
                    gconstpointer  data)
{
  gint64 other = pb_reader_fixture_import (f, "other.pdf", "Other paper", 3);
  g_autoptr(GError) error = NULL;
  GtkWidget *text;

  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_true (pb_window_select_report (f->window, other));
  settle (f);
  g_assert_true (library_shown (f));
  gtk_widget_grab_focus (GTK_WIDGET (pb_reader_view_of (f)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_false (library_shown (f));
  g_assert_true (reader_has_focus (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_true (library_shown (f));
  g_assert_cmpint (focused_report (f), ==, other);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_true (reader_has_focus (f));

  /* In the Text view, the focus goes back to the text. */
  pb_reader_set_text_mode (pb_window_get_reader (f->window), TRUE);
  text = GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (pb_window_get_reader (f->window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_cmpint (focused_report (f), ==, other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL));
  settle (f);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == text);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                /* GNOME's own: a close button alone. */
                "gtk-decoration-layout", ":close",
                NULL);

  g_test_add ("/window-layout/narrow", Fixture, PB_READER_SIZE (360, 720),
              pb_reader_fixture_setup, test_narrow, pb_reader_fixture_teardown);
  g_test_add ("/window-layout/reclick-chosen", Fixture, PB_READER_SIZE (360, 720),
              pb_reader_fixture_setup, test_reclick_chosen, pb_reader_fixture_teardown);
  g_test_add ("/window-layout/panel-at-default-size", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_panel_at_default_size, pb_reader_fixture_teardown);
  g_test_add ("/window-layout/properties-per-report", Fixture, NULL,
              pb_reader_fixture_setup, test_properties_per_report, pb_reader_fixture_teardown);
  g_test_add ("/window-layout/menu-keys", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_menu_keys, pb_reader_fixture_teardown);

  g_test_add ("/window-layout/one-report-menu", Fixture, PB_READER_SIZE (1400, 900),
              pb_reader_fixture_setup, test_one_report_menu, pb_reader_fixture_teardown);

  g_test_add ("/window-layout/library-focus", Fixture, PB_READER_SIZE (1400, 900),
              pb_reader_fixture_setup, test_library_focus, pb_reader_fixture_teardown);

  return g_test_run ();
}
