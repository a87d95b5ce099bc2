/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-reader-fixture.h"
#include "pb-report-details.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* Report Properties: a field typed and applied with Enter is saved and
 * leaves its row as it was before editing (no apply button left showing);
 * a date it cannot take is refused in the row. */

/* The row's apply button, if it shows. */
static gboolean
apply_showing (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
          GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))) &&
          g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (child)))),
                     "adw-entry-apply-symbolic") == 0)
        return TRUE;
      if (apply_showing (child))
        return TRUE;
    }
  return FALSE;
}

static void
settle (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *wanted_title;
static char *wanted_date;

static gboolean
title_saved (Fixture *f)
{
  g_autoptr(PbReport) report = pb_library_get_report (f->library, f->report_id, NULL);

  return g_strcmp0 (pb_report_get_display_title (report), wanted_title) == 0;
}

/* The save runs off the main thread: wait for it rather than for frames. */
static gboolean
date_saved (Fixture *f)
{
  g_autoptr(PbReport) report = pb_library_get_report (f->library, f->report_id, NULL);

  return g_strcmp0 (pb_report_get_user_date (report), wanted_date) == 0;
}

/* Typed into a row, as the user does (the row in edit mode). */
static void
type_text (AdwEntryRow *row,
           const char  *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  gtk_widget_grab_focus (delegate);
  /* The row counts as being edited only while its text has the focus-within
   * state, which GTK gives only in the active window; the suites share one
   * X server, so another test's window may hold the input focus. Give the
   * state as the active window would. */
  if (!gtk_window_is_active (GTK_WINDOW (gtk_widget_get_root (delegate))))
    gtk_widget_set_state_flags (delegate, GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_WITHIN, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Enter in a row: what GtkText does on Enter, for AdwEntryRow to apply. */
static void
press_enter (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_widget_grab_focus (GTK_WIDGET (text));
  g_signal_emit_by_name (text, "activate");
}

static void
test_title_applied (Fixture       *f,
                    gconstpointer  data)
{
  AdwEntryRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  settle (f);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");
  row = pb_reader_find_entry_row (pb_reader_find_widget (GTK_WIDGET (f->window), PB_TYPE_REPORT_DETAILS), "Title");
  g_assert_nonnull (row);
  g_assert_false (apply_showing (GTK_WIDGET (row)));

  type_text (row, "Local offer, revised");
  settle (f);
  g_assert_true (apply_showing (GTK_WIDGET (row)));
  wanted_title = "Local offer, revised";
  press_enter (row);
  pb_reader_iterate_until (title_saved, f);
  settle (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Local offer, revised");
  g_assert_false (apply_showing (GTK_WIDGET (row)));
}

/* A paper's own date, typed in British form, saved; something that is not
 * a date marks the row and saves nothing. */
static void
test_date_applied (Fixture       *f,
                   gconstpointer  data)
{
  AdwEntryRow *row;
  g_autoptr(PbReport) before = pb_library_get_report (f->library, f->report_id, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  settle (f);
  /* The fixture's paper is not an inspection: dated by itself. */
  row = pb_reader_find_entry_row (pb_reader_find_widget (GTK_WIDGET (f->window), PB_TYPE_REPORT_DETAILS), "Date of the Document");
  g_assert_nonnull (row);

  type_text (row, "31/02/2025");
  settle (f);
  g_assert_true (apply_showing (GTK_WIDGET (row)));
  press_enter (row);
  settle (f);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  {
    g_autoptr(PbReport) after = pb_library_get_report (f->library, f->report_id, NULL);

    g_assert_cmpstr (pb_report_get_user_date (after), ==, pb_report_get_user_date (before));
  }

  type_text (row, "14/01/2025");
  settle (f);
  g_assert_true (apply_showing (GTK_WIDGET (row)));
  wanted_date = "2025-01-14";
  press_enter (row);
  pb_reader_iterate_until (date_saved, f);
  settle (f);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "14/01/2025");
  g_assert_false (apply_showing (GTK_WIDGET (row)));
}

static gboolean
focus_within (Fixture   *f,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Alt+Enter, as the button's tooltip says, from the page view: Report
 * Properties opens with the focus in it (a screen reader hears it open),
 * and again closes it with the focus back in the report. The keypad's
 * Enter does the same. */
static void
test_alt_enter (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *details = pb_reader_find_widget (GTK_WIDGET (f->window), PB_TYPE_REPORT_DETAILS);
  GtkWidget *view = GTK_WIDGET (pb_reader_view_of (f));

  settle (f);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_true (gtk_widget_grab_focus (view));

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Return, GDK_ALT_MASK) == GTK_WIDGET (f->window));
  settle (f);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");
  g_assert_true (focus_within (f, details));

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Return, GDK_ALT_MASK) == GTK_WIDGET (f->window));
  settle (f);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_false (focus_within (f, details));
  g_assert_true (focus_within (f, pb_reader_find_widget (GTK_WIDGET (f->window), PB_TYPE_READER)));

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_KP_Enter, GDK_ALT_MASK) == GTK_WIDGET (f->window));
  settle (f);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/report-details/title-applied", Fixture, NULL,
              pb_reader_fixture_setup, test_title_applied, pb_reader_fixture_teardown);
  g_test_add ("/report-details/date-applied", Fixture, NULL,
              pb_reader_fixture_setup, test_date_applied, pb_reader_fixture_teardown);
  g_test_add ("/report-details/alt-enter", Fixture, NULL,
              pb_reader_fixture_setup, test_alt_enter, pb_reader_fixture_teardown);

  return g_test_run ();
}
