/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-finding-store.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* The New Finding dialog from the keyboard: where the keyboard starts in
 * it, what its controls tell a screen reader, and where the keyboard goes
 * when it closes, added or cancelled, from the Text view, from the page
 * view after F7 or Ctrl+A, and from words chosen with the mouse. GTK's
 * test backend for assistive technologies (GTK_A11Y=test, as meson runs
 * this) keeps what screen readers are told. */

typedef enum {
  FROM_TEXT,        /* Ctrl+T, Shift+Down, Ctrl+Enter */
  FROM_CARET,       /* F7, Shift+Right, Ctrl+Enter */
  FROM_WHOLE_PAGE,  /* F7, Ctrl+A, Ctrl+Enter */
  FROM_MOUSE,       /* words dragged over, the popover's Add Finding */
} Origin;

typedef enum {
  CANCEL,           /* Escape */
  ADD,              /* a cohort, then Ctrl+Enter */
} Ending;

static PbReader *
reader_of (Fixture *f)
{
  return pb_window_get_reader (f->window);
}

static GtkWidget *
text_widget_of (Fixture *f)
{
  return GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (reader_of (f))));
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
text_loaded (Fixture *f)
{
  return pb_text_view_get_loaded (pb_reader_get_text_view (reader_of (f))) &&
         gtk_widget_get_mapped (text_widget_of (f));
}

static gboolean
editor_open (Fixture *f)
{
  return pb_reader_find_editor () != NULL;
}

static gboolean
editor_gone (Fixture *f)
{
  return pb_reader_find_editor () == NULL;
}

static gboolean
window_active (Fixture *f)
{
  return gtk_window_is_active (GTK_WINDOW (f->window));
}

static gboolean
caret_placed (Fixture *f)
{
  return pb_document_view_get_caret (pb_reader_view_of (f), NULL, NULL);
}

static gboolean
has_selection (Fixture *f)
{
  gboolean selected;

  g_object_get (pb_reader_view_of (f), "has-selection", &selected, NULL);
  return selected;
}

static void
press (GtkRoot         *root,
       guint            keyval,
       GdkModifierType  modifiers,
       guint            times)
{
  for (guint i = 0; i < times; i++)
    g_assert_nonnull (pb_reader_press_keys (root, keyval, modifiers));
}

static guint n_findings;

static gboolean
finding_added (Fixture *f)
{
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, NULL);

  return findings != NULL && findings->len > n_findings;
}

/* Opens the editor on a passage chosen as ORIGIN says; returns the widget
 * the work continues in. */
static GtkWidget *
open_editor (Fixture *f,
             Origin   origin)
{
  GtkRoot *root = GTK_ROOT (f->window);
  PbDocumentView *view = pb_reader_view_of (f);

  switch (origin)
    {
    case FROM_TEXT:
      gtk_widget_grab_focus (GTK_WIDGET (view));
      press (root, GDK_KEY_t, GDK_CONTROL_MASK, 1);
      pb_reader_iterate_until (text_loaded, f);
      press (root, GDK_KEY_Down, 0, 2);
      press (root, GDK_KEY_Down, GDK_SHIFT_MASK, 2);
      break;

    case FROM_CARET:
    case FROM_WHOLE_PAGE:
      gtk_widget_grab_focus (GTK_WIDGET (view));
      press (root, GDK_KEY_F7, 0, 1);
      pb_reader_iterate_until (caret_placed, f);
      if (origin == FROM_CARET)
        press (root, GDK_KEY_Right, GDK_SHIFT_MASK, 6);
      else
        press (root, GDK_KEY_a, GDK_CONTROL_MASK, 1);
      pb_reader_iterate_until (has_selection, f);
      break;

    case FROM_MOUSE:
    default:
      pb_reader_select_words (f, 0, 72, 86, 300, 100);
      break;
    }

  if (origin == FROM_MOUSE)
    /* What the selection's popover's Add Finding button does. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader_of (f)), "reader.add-finding", NULL));
  else
    press (root, GDK_KEY_Return, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (editor_open, f);

  return origin == FROM_TEXT ? text_widget_of (f) : GTK_WIDGET (view);
}

static void
close_editor (Fixture *f,
              Ending   ending)
{
  PbFindingEditor *editor = pb_reader_find_editor ();
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, NULL);

  n_findings = findings != NULL ? findings->len : 0;
  if (ending == ADD)
    {
      pb_finding_editor_set_cohort (editor, "care_leavers", TRUE);
      press (GTK_ROOT (editor), GDK_KEY_Return, GDK_CONTROL_MASK, 1);
    }
  else
    press (GTK_ROOT (editor), GDK_KEY_Escape, 0, 1);
  pb_reader_iterate_until (editor_gone, f);
  if (ending == ADD)
    pb_reader_iterate_until (finding_added, f);
}

typedef struct
{
  Origin origin;
  Ending ending;
} Case;

/* The keyboard comes back to the view the dialog was opened from, however
 * it closes: in the Text view at the words chosen, so that a screen reader
 * says where the user is and Tab goes on from there. */
static void
test_focus_returns (Fixture       *f,
                    gconstpointer  data)
{
  const Case *c = data;
  GtkWidget *from;
  GtkTextBuffer *buffer;
  GtkTextIter caret;
  guint caret_page = 0;

  from = open_editor (f, c->origin);
  if (c->origin == FROM_TEXT)
    caret_page = pb_text_view_get_caret_page (pb_reader_get_text_view (reader_of (f)));
  close_editor (f, c->ending);

  /* The window has the keyboard back (with no window manager here, only
   * if the app gives it back), and in it the view. Again once the
   * report's findings have been read again, if one was added. */
  pb_reader_iterate_until (window_active, f);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (focus_of (f) == from);
      g_assert_true (gtk_widget_has_focus (from));
      g_assert_true (gtk_widget_get_mapped (from));
      g_assert_true (gtk_widget_is_focus (from));
      for (guint j = 0; j < 50; j++)
        g_main_context_iteration (NULL, FALSE);
    }

  if (c->origin == FROM_TEXT)
    {
      /* The caret is still among the words chosen (page 2 of the text). */
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (from));
      gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
      g_assert_cmpuint (pb_text_view_get_caret_page (pb_reader_get_text_view (reader_of (f))), ==, caret_page);
      g_assert_cmpint (gtk_text_iter_get_line (&caret), >, 0);
    }
}

static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *accessible_label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type, accessible_label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *toggle;
static gboolean toggle_was;

static gboolean
toggle_flipped (Fixture *f)
{
  gboolean now = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));

  if (now == toggle_was)
    return FALSE;
  toggle_was = now;
  return TRUE;
}

/* The dialog is a dialog called New Finding; the keyboard starts on the
 * first cohort, not on Cancel; the cohorts say, as check boxes, whether
 * they are chosen, and say it again when Space changes it; Kind says its
 * value; Tab leaves the note. */
static void
test_dialog_speaks (Fixture       *f,
                    gconstpointer  data)
{
  PbFindingEditor *editor;
  GtkWidget *first, *note, *kind, *exempt;

  open_editor (f, FROM_CARET);
  editor = pb_reader_find_editor ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Finding");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (editor)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);

  first = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (first);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (first));
  g_assert_true (gtk_widget_has_css_class (first, "cohort-toggle"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (first)), ==, GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_state (first, GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
  /* Space, as GtkButton binds it: pressed, and let go a moment later. */
  toggle = first;
  press (GTK_ROOT (editor), GDK_KEY_space, 0, 1);
  pb_reader_iterate_until (toggle_flipped, f);
  gtk_test_accessible_assert_state (first, GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  press (GTK_ROOT (editor), GDK_KEY_space, 0, 1);
  pb_reader_iterate_until (toggle_flipped, f);
  gtk_test_accessible_assert_state (first, GTK_ACCESSIBLE_STATE_CHECKED, FALSE);

  /* Kind says its value, and not through its title label alone (which a
   * screen reader would speak instead). */
  kind = find_child (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (kind);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), PB_FINDING_KIND_STRENGTH);
  gtk_test_accessible_assert_property (kind, GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind, Strength");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), PB_FINDING_KIND_RECOMMENDATION);
  gtk_test_accessible_assert_property (kind, GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind, Recommendation");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* Exempt is one Tab stop, the switch itself, which says its state. */
  exempt = find_child (GTK_WIDGET (editor), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (exempt);
  g_assert_true (gtk_widget_get_focusable (exempt));
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_ancestor (exempt, GTK_TYPE_LIST_BOX_ROW)));

  /* Tab in the note goes on to the next control; it types no tab. */
  note = find_child (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL);
  gtk_widget_grab_focus (note);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_focus (note));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (note)));

  gtk_window_destroy (GTK_WINDOW (editor));
  pb_reader_iterate_until (editor_gone, f);
}

/* Words chosen with the mouse on the page (its popover up), then the Text
 * view, a passage chosen there and Ctrl+Enter at once, then drawn: no
 * widget is drawn before it has been given its place (GTK warns, and
 * warnings fail these tests). */
static void
test_quick_text_finding (Fixture       *f,
                         gconstpointer  data)
{
  GtkRoot *root = GTK_ROOT (f->window);

  pb_reader_select_words (f, 0, 72, 86, 300, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader_of (f)), "reader.add-finding", NULL));
  pb_reader_iterate_until (editor_open, f);
  close_editor (f, CANCEL);
  pb_reader_select_words (f, 1, 72, 86, 300, 100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  press (root, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (text_loaded, f);
  press (root, GDK_KEY_Down, GDK_SHIFT_MASK, 2);
  press (root, GDK_KEY_Return, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (editor_open, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (pb_reader_find_editor ()));
  close_editor (f, ADD);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (focus_of (f) == text_widget_of (f));
}

/* The reader's fixture takes its data as a window size: each case is the
 * test's data instead, and the window is the usual size. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  pb_reader_fixture_setup (f, NULL);
}

#define CASE(o, e) (&(const Case) { o, e })

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/finding-dialog/focus/text/cancel", Fixture, CASE (FROM_TEXT, CANCEL),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/text/add", Fixture, CASE (FROM_TEXT, ADD),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/caret/cancel", Fixture, CASE (FROM_CARET, CANCEL),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/caret/add", Fixture, CASE (FROM_CARET, ADD),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/whole-page/cancel", Fixture, CASE (FROM_WHOLE_PAGE, CANCEL),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/whole-page/add", Fixture, CASE (FROM_WHOLE_PAGE, ADD),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/mouse/cancel", Fixture, CASE (FROM_MOUSE, CANCEL),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/focus/mouse/add", Fixture, CASE (FROM_MOUSE, ADD),
              setup, test_focus_returns, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/quick-text-finding", Fixture, NULL,
              setup, test_quick_text_finding, pb_reader_fixture_teardown);
  g_test_add ("/finding-dialog/speaks", Fixture, NULL,
              setup, test_dialog_speaks, pb_reader_fixture_teardown);

  return g_test_run ();
}
