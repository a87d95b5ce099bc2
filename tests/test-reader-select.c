/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* Text selection on the page, as in a document viewer: the pointer's drag,
 * double and triple click and Shift+click, copying with Ctrl+C and with the
 * context menu, a finding's quote grown to whole words, Ctrl+Enter however
 * the words were chosen, and the popover beside the words, not over them.
 *
 * Each page of the fixture's report reads, from y = 100 points, one line
 * every 18 points from x = 72:
 *   Page N: care leavers and the local offer.
 *   Personal advisers keep in touch with care
 *   leavers until they are 25. */

#define LINE_1 96.0
#define LINE_2 114.0
#define LINE_3 132.0

static gboolean
has_selection (Fixture *f)
{
  gboolean selected;

  g_object_get (pb_reader_view_of (f), "has-selection", &selected, NULL);
  return selected;
}

static gboolean
has_no_selection (Fixture *f)
{
  return !has_selection (f);
}

static GtkWidget *
child_of_type (GtkWidget *widget,
               GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

/* The reader's popovers hang from it: the context menu is a GtkPopoverMenu,
 * the selection's a plain GtkPopover. */
static GtkWidget *
selection_popover (Fixture *f)
{
  PbReader *reader = pb_window_get_reader (f->window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (reader)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && !GTK_IS_POPOVER_MENU (child))
      return child;
  g_assert_not_reached ();
}

/* Drives the view's gestures as a press, a drag and a release would,
 * between two points on page 1 given in PDF points. */
static void
drag_between (Fixture *f,
              int      n_press,
              double   x1_pt,
              double   y1_pt,
              double   x2_pt,
              double   y2_pt)
{
  PbDocumentView *view = pb_reader_view_of (f);
  GtkGesture *click = pb_reader_view_gesture (f, GTK_TYPE_GESTURE_CLICK);
  GtkGesture *drag = pb_reader_view_gesture (f, GTK_TYPE_GESTURE_DRAG);
  double x1, y1, x2, y2;

  g_assert_true (pb_document_view_page_to_widget (view, 0, x1_pt, y1_pt, &x1, &y1));
  g_assert_true (pb_document_view_page_to_widget (view, 0, x2_pt, y2_pt, &x2, &y2));

  g_signal_emit_by_name (click, "pressed", n_press, x1, y1);
  g_signal_emit_by_name (drag, "drag-begin", x1, y1);
  g_signal_emit_by_name (drag, "drag-update", x2 - x1, y2 - y1);
  g_signal_emit_by_name (drag, "drag-end", x2 - x1, y2 - y1);
  g_signal_emit_by_name (click, "released", n_press, x2, y2);
}

static char *
selected_text (Fixture *f)
{
  return pb_document_view_dup_selected_text (pb_reader_view_of (f));
}

/* Copy works from the keyboard, the context menu and the popover, and only
 * with something selected. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GtkWidget *menu = child_of_type (GTK_WIDGET (reader), GTK_TYPE_POPOVER_MENU);
  g_autofree char *copied = NULL;
  g_autofree char *menu_copied = NULL;

  g_assert_nonnull (menu);

  /* Nothing selected: Ctrl+C is no one's business here. */
  gtk_widget_grab_focus (GTK_WIDGET (pb_reader_view_of (f)));
  g_assert_null (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_c, GDK_CONTROL_MASK));

  drag_between (f, 1, 73, LINE_1, 72 + 124, LINE_2);
  pb_reader_iterate_until (has_selection, f);

  /* The keyboard stays with the page while the popover is up. */
  g_assert_true (gtk_widget_get_visible (selection_popover (f)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (pb_reader_view_of (f)));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_c, GDK_CONTROL_MASK) ==
                 GTK_WIDGET (pb_reader_view_of (f)));
  copied = pb_reader_read_clipboard (GTK_WIDGET (f->window));
  g_assert_true (g_str_has_prefix (copied, "Page 1: care leavers and the local offer.\nPersonal advisers"));

  /* The context menu's Copy: from the menu, which hangs from the reader. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "something else");
  g_assert_true (gtk_widget_activate_action (menu, "reader.copy", NULL));
  menu_copied = pb_reader_read_clipboard (GTK_WIDGET (f->window));
  g_assert_cmpstr (menu_copied, ==, copied);

  /* Escape lets go of the selection, and the popover goes with it. */
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Escape, 0));
  pb_reader_iterate_until (has_no_selection, f);
  g_assert_false (gtk_widget_get_visible (selection_popover (f)));
  g_assert_null (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_c, GDK_CONTROL_MASK));
}

/* A double click selects a word, a triple click its line; Shift+click moves
 * the end of the selection. */
static void
test_click_units (Fixture       *f,
                  gconstpointer  data)
{
  PbDocumentView *view = pb_reader_view_of (f);
  GtkGesture *click = pb_reader_view_gesture (f, GTK_TYPE_GESTURE_CLICK);
  g_autofree char *word = NULL;
  g_autofree char *line = NULL;
  g_autofree char *longer = NULL;
  double x, y;

  /* In the middle of "advisers", on line 2. */
  g_assert_true (pb_document_view_page_to_widget (view, 0, 72 + 78, LINE_2, &x, &y));
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "pressed", 2, x, y);
  pb_reader_iterate_until (has_selection, f);
  word = selected_text (f);
  g_assert_cmpstr (word, ==, "advisers");

  g_signal_emit_by_name (click, "pressed", 3, x, y);
  line = selected_text (f);
  g_assert_cmpstr (line, ==, "Personal advisers keep in touch with care");

  /* A single click lets go; Shift+click then reaches from the word to a
   * point on the next line. */
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_assert_false (has_selection (f));
  pb_document_view_select_at (view, x, y, PB_SELECT_WORDS);
  g_assert_true (pb_document_view_page_to_widget (view, 0, 72 + 40, LINE_3, &x, &y));
  pb_document_view_extend_selection (view, x, y);
  longer = selected_text (f);
  g_assert_cmpstr (longer, ==, "advisers keep in touch with care\nleavers");
}

/* A finding's quote is whole words, however the drag began and ended. */
static void
test_quote_whole_words (Fixture       *f,
                        gconstpointer  data)
{
  PbFindingEditor *editor;
  g_autofree char *dragged = NULL;

  /* From inside "Personal" to inside "touch". */
  drag_between (f, 1, 72 + 20, LINE_2, 72 + 160, LINE_2);
  pb_reader_iterate_until (has_selection, f);
  dragged = selected_text (f);
  g_assert_false (g_str_has_prefix (dragged, "Personal"));    /* the drag itself is by letters */

  g_assert_nonnull (pb_reader_add_finding (pb_window_get_reader (f->window)));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (g_str_has_prefix (pb_finding_get_quote (pb_finding_editor_get_finding (editor)),
                                   "Personal advisers keep in"));
  g_assert_true (g_str_has_suffix (pb_finding_get_quote (pb_finding_editor_get_finding (editor)), "touch"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Ctrl+Enter adds a finding from a pointer selection, with the popover up,
 * and from wherever the focus has gone in the window. */
static void
test_ctrl_enter (Fixture       *f,
                 gconstpointer  data)
{
  PbFindingEditor *editor;

  drag_between (f, 1, 73, LINE_2, 72 + 124, LINE_3);
  pb_reader_iterate_until (has_selection, f);
  g_assert_true (gtk_widget_get_visible (selection_popover (f)));

  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Return, GDK_CONTROL_MASK));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (g_str_has_prefix (pb_finding_get_quote (pb_finding_editor_get_finding (editor)), "Personal advisers"));
  g_assert_false (gtk_widget_get_visible (selection_popover (f)));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Again, the focus now in the sidebar. */
  drag_between (f, 1, 73, LINE_2, 72 + 124, LINE_3);
  pb_reader_iterate_until (has_selection, f);
  gtk_widget_grab_focus (pb_window_get_sidebar (f->window));
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The popover points at every selected line in sight: GTK puts it beside
 * that, never over the words. */
static void
test_popover_beside_words (Fixture       *f,
                           gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  PbDocumentView *view = pb_reader_view_of (f);
  g_autoptr(GPtrArray) spans = NULL;
  GdkRectangle pointing;

  drag_between (f, 1, 73, LINE_1, 72 + 124, LINE_3);
  pb_reader_iterate_until (has_selection, f);
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (selection_popover (f)), &pointing));

  spans = pb_document_view_get_selection (view);
  g_assert_cmpuint (spans->len, ==, 1);
  for (guint r = 0; r < ((PbSelectionSpan *)g_ptr_array_index (spans, 0))->rects->len; r++)
    {
      const PbRect *line = &g_array_index (((PbSelectionSpan *)g_ptr_array_index (spans, 0))->rects, PbRect, r);
      graphene_point_t top_left, bottom_right;
      double x1, y1, x2, y2;

      g_assert_true (pb_document_view_page_to_widget (view, 0, line->x1, line->y1, &x1, &y1));
      g_assert_true (pb_document_view_page_to_widget (view, 0, line->x2, line->y2, &x2, &y2));
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (reader),
                                               &GRAPHENE_POINT_INIT (x1, y1), &top_left));
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (reader),
                                               &GRAPHENE_POINT_INIT (x2, y2), &bottom_right));
      g_assert_cmpint (pointing.x, <=, (int)top_left.x + 1);
      g_assert_cmpint (pointing.y, <=, (int)top_left.y + 1);
      g_assert_cmpint (pointing.x + pointing.width, >=, (int)bottom_right.x - 1);
      g_assert_cmpint (pointing.y + pointing.height, >=, (int)bottom_right.y - 1);
    }
  g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (selection_popover (f))), ==, GTK_POS_BOTTOM);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/reader-select/copy", Fixture, NULL, pb_reader_fixture_setup, test_copy, pb_reader_fixture_teardown);
  g_test_add ("/reader-select/click-units", Fixture, NULL, pb_reader_fixture_setup, test_click_units, pb_reader_fixture_teardown);
  g_test_add ("/reader-select/quote-whole-words", Fixture, NULL, pb_reader_fixture_setup, test_quote_whole_words, pb_reader_fixture_teardown);
  g_test_add ("/reader-select/ctrl-enter", Fixture, NULL, pb_reader_fixture_setup, test_ctrl_enter, pb_reader_fixture_teardown);
  g_test_add ("/reader-select/popover-beside-words", Fixture, NULL, pb_reader_fixture_setup, test_popover_beside_words, pb_reader_fixture_teardown);

  return g_test_run ();
}
