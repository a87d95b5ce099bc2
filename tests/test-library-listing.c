/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library-sidebar.h"
#include "pb-reader-fixture.h"
#include "pb-report-details.h"
#include "pb-report-list.h"
#include "pb-search-hit-row.h"
#include "pb-test-util.h"

/* How the library lists its reports: a tidy title made from the structure
 * (the file's own kept), one date model the same everywhere, the officer's
 * corrections in Report Properties, the orders it can be sorted in, and a
 * search's hits grouped by report. */

static gint64
import_corpus (Fixture    *f,
               const char *relative)
{
  g_autofree char *path = pb_test_corpus_path (relative);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (path == NULL)
    return 0;
  file = g_file_new_for_path (path);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);
  return id;
}

static PbReport *
listed (Fixture *f,
        gint64   id)
{
  GListModel *reports = pb_window_get_reports (f->window);
  int position = pb_report_list_find (PB_REPORT_LIST (reports), id);

  g_assert_cmpint (position, >=, 0);
  return g_list_model_get_item (reports, (guint)position);
}

/* The header's title label showing @title; its subtitle is the label
 * after it. */
static GtkWidget *
find_window_title (GtkWidget  *widget,
                   const char *title)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_window_title (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An inspection is listed by who, what and when, and dated the same way in
 * the sidebar, the header and the findings table. */
static void
test_titles_and_dates (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = import_corpus (f, "ilacs/worcestershire-2019-jul.pdf");
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbReport) offer = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *offer_dates = NULL;
  g_autofree char *known = NULL;
  GtkWidget *header;

  if (id == 0)
    {
      g_test_skip ("the corpus is not here");
      return;
    }

  report = listed (f, id);
  g_assert_cmpstr (pb_report_get_display_title (report), ==, "Worcestershire — ILACS inspection, June 2019");
  g_assert_cmpstr (pb_report_get_title (report), !=, pb_report_get_display_title (report));   /* the file's own, kept */
  dates = pb_report_dup_dates_description (report);
  g_assert_cmpstr (dates, ==, "inspected 17–28 Jun 2019");
  known = pb_document_dates_format_date (pb_report_get_dates (report));
  g_assert_cmpstr (known, ==, "28 Jun 2019");

  /* Not the PDF's creation date, wherever it is shown. */
  g_assert_nonnull (pb_report_get_display_date (report));
  g_assert_cmpint (g_date_time_get_year (pb_report_get_display_date (report)), ==, 2019);
  g_assert_cmpint (g_date_time_get_month (pb_report_get_display_date (report)), ==, 6);

  g_assert_true (pb_window_select_report (f->window, id));
  header = find_window_title (GTK_WIDGET (f->window), "Worcestershire — ILACS inspection, June 2019");
  g_assert_nonnull (header);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (header))), ==, "Inspected 17–28 Jun 2019");

  /* A paper that says nothing of itself: its file's title, dated by its
   * import, and said to be so. */
  offer = listed (f, f->report_id);
  g_assert_cmpstr (pb_report_get_display_title (offer), ==, "Local offer");
  offer_dates = pb_report_dup_dates_description (offer);
  g_assert_true (g_str_has_prefix (offer_dates, "imported "));
}

static gboolean
details_shown (Fixture *f)
{
  return g_strcmp0 (pb_window_get_content_page (f->window), "details") == 0;
}

/* Report Properties corrects the title, the authority and the date; the
 * report stays chosen and shown, and is listed anew. */
static void
test_properties_edit (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *details;
  AdwEntryRow *title, *authority, *date;
  g_autoptr(PbReport) report = NULL;
  g_autofree char *dates = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL));
  pb_reader_iterate_until (details_shown, f);
  details = pb_reader_find_widget (GTK_WIDGET (f->window), PB_TYPE_REPORT_DETAILS);
  title = pb_reader_find_entry_row (details, "Title");
  authority = pb_reader_find_entry_row (details, "Local Authority");
  date = pb_reader_find_entry_row (details, "Date");
  g_assert_nonnull (title);
  g_assert_nonnull (authority);
  g_assert_nonnull (date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Local offer");

  gtk_editable_set_text (GTK_EDITABLE (title), "Fernleigh — local offer for care leavers");
  g_signal_emit_by_name (title, "apply");
  gtk_editable_set_text (GTK_EDITABLE (authority), "Fernleigh");
  g_signal_emit_by_name (authority, "apply");
  gtk_editable_set_text (GTK_EDITABLE (date), "14/01/2027");
  g_signal_emit_by_name (date, "apply");

  report = listed (f, f->report_id);
  g_assert_cmpstr (pb_report_get_display_title (report), ==, "Fernleigh — local offer for care leavers");
  g_assert_cmpstr (pb_report_get_title (report), ==, "Local offer");
  g_assert_cmpstr (pb_report_get_local_authority (report), ==, "Fernleigh");
  dates = pb_report_dup_dates_description (report);
  g_assert_cmpstr (dates, ==, "dated 14 Jan 2027");

  /* Still chosen, still described. */
  g_assert_nonnull (pb_window_get_selected_report (f->window));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, f->report_id);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "details");
  g_assert_nonnull (find_window_title (GTK_WIDGET (f->window), "Fernleigh — local offer for care leavers"));

  /* Not a date: refused, nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (date), "next week");
  g_signal_emit_by_name (date, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_clear_object (&report);
  report = listed (f, f->report_id);
  g_assert_cmpstr (pb_report_get_user_date (report), ==, "2027-01-14");

  /* Cleared, the title goes back to the file's own. */
  gtk_editable_set_text (GTK_EDITABLE (pb_reader_find_entry_row (details, "Title")), "");
  g_signal_emit_by_name (pb_reader_find_entry_row (details, "Title"), "apply");
  g_clear_object (&report);
  report = listed (f, f->report_id);
  g_assert_cmpstr (pb_report_get_display_title (report), ==, "Local offer");
}

static char *
first_titles (Fixture *f,
              guint    n)
{
  GListModel *rows = pb_window_get_sidebar_rows (f->window);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, g_list_model_get_n_items (rows)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, PB_IS_REPORT (item) ? pb_report_get_display_title (PB_REPORT (item)) : "(group)");
    }
  return g_string_free (text, FALSE);
}

/* Sorted by title, by date or by authority; the report chosen stays. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  gint64 older = pb_reader_fixture_import (f, "annual.pdf", "Annual report", 2);
  gint64 newer = pb_reader_fixture_import (f, "budget.pdf", "Budget paper", 2);
  g_autofree char *by_title = NULL;
  g_autofree char *imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_true (pb_window_select_report (f->window, older));

  imported = first_titles (f, 3);
  g_assert_cmpstr (imported, ==, "Budget paper; Annual report; Local offer");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort-by", "s", "title"));
  by_title = first_titles (f, 3);
  g_assert_cmpstr (by_title, ==, "Annual report; Budget paper; Local offer");
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, older);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort-by", "s", "imported"));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, older);
  g_assert_cmpint (newer, >, older);
}

/* A search's hits, under their report: the report named once, its pages
 * in order under it. */
static void
test_search_grouped (Fixture       *f,
                     gconstpointer  data)
{
  PbLibrarySidebar *sidebar = PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (f->window));
  GListModel *hits = pb_window_get_search_hits (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gint64 last = 0;
  guint last_page = 0;

  pb_reader_fixture_import (f, "second.pdf", "Second offer", 5);
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));

  pb_library_sidebar_search (sidebar, "advisers");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 13);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(PbSearchHit) hit = g_list_model_get_item (hits, i);
      gint64 report = pb_search_hit_get_report_id (hit);

      if (report != last)
        {
          g_assert_false (g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize)report)));
          g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize)report));
          last_page = 0;
        }
      g_assert_cmpuint (pb_search_hit_get_page (hit), >, last_page);
      last = report;
      last_page = pb_search_hit_get_page (hit);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Delete on a report clicked in the library asks to remove that report. */
static void
test_delete_clicked (Fixture       *f,
                     gconstpointer  data)
{
  gint64 other = pb_reader_fixture_import (f, "other.pdf", "Other paper", 3);
  GtkWidget *list = pb_reader_find_widget (pb_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW);
  GListModel *reports = pb_window_get_reports (f->window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  int position;

  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (reports), &error));
  position = pb_report_list_find (PB_REPORT_LIST (reports), other);
  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", (guint)position));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, other);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_grab_focus (list));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Delete, 0) == GTK_WIDGET (f->window));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Report?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Other paper"));
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (pb_report_list_find (PB_REPORT_LIST (reports), other), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/library-listing/titles-and-dates", Fixture, NULL, pb_reader_fixture_setup,
              test_titles_and_dates, pb_reader_fixture_teardown);
  g_test_add ("/library-listing/properties-edit", Fixture, NULL, pb_reader_fixture_setup,
              test_properties_edit, pb_reader_fixture_teardown);
  g_test_add ("/library-listing/sort", Fixture, NULL, pb_reader_fixture_setup,
              test_sort, pb_reader_fixture_teardown);
  g_test_add ("/library-listing/search-grouped", Fixture, NULL, pb_reader_fixture_setup,
              test_search_grouped, pb_reader_fixture_teardown);
  g_test_add ("/library-listing/delete-clicked", Fixture, NULL, pb_reader_fixture_setup,
              test_delete_clicked, pb_reader_fixture_teardown);

  return g_test_run ();
}
