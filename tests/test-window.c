/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-import-outcome.h"
#include "pb-import-queue.h"
#include "pb-library-sidebar.h"
#include "pb-password-dialog.h"
#include "pb-report-group.h"
#include "pb-report-list.h"
#include "pb-report-details.h"
#include "pb-test-util.h"
#include "pb-window.h"

typedef struct
{
  char      *dir;
  PbLibrary *library;
  PbWindow  *window;
} Fixture;

static const char * const pages[] = {
  "Inspection of Fernleigh children's services",
  "Care leavers receive a generous local offer.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);

  f->window = g_object_ref (pb_window_new (NULL, f->library));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_wait_for_finalize (f->window);
  /* A report still opening holds the library until its open is cancelled. */
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the window");
  return G_SOURCE_REMOVE;
}

static void
wait_until_idle (Fixture *f)
{
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);

  while (pb_window_get_importing (f->window))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_source_remove (timeout);
}

static void
import_uri (Fixture    *f,
            const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char *uris[] = { uri, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-uris", "^as", uris));
  g_assert_true (pb_window_get_importing (f->window));
  wait_until_idle (f);
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_window_empty (Fixture       *f,
                   gconstpointer  data)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_reports (f->window)), ==, 0);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "empty");
  g_assert_null (pb_window_get_selected_report (f->window));
}

static void
test_window_import_adds_row (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *pdf = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages,
                                            &(PbTestPdfOptions) { .title = "Fernleigh inspection" });
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *reports = pb_window_get_reports (f->window);
  guint position = 0, removed = 0, added = 0;

  gt_signal_logger_connect (logger, reports, "items-changed");

  import_uri (f, pdf);

  gt_signal_logger_assert_emission_pop (logger, reports, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* The new report is selected and its details are shown. */
  g_assert_nonnull (pb_window_get_selected_report (f->window));
  g_assert_cmpstr (pb_report_get_title (pb_window_get_selected_report (f->window)), ==,
                   "Fernleigh inspection");
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_null (find_dialog (f));

  /* The same file again adds nothing. */
  import_uri (f, pdf);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);
}

static void
test_window_import_failure_explained (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *html = pb_test_write_file (f->dir, "inspection.pdf",
                                              "<!DOCTYPE html><html><body>Not found</body></html>", -1);
  AdwMessageDialog *dialog;

  import_uri (f, html);

  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "inspection.pdf"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "web page"));
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_reports (f->window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_window_remove_report (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pdf = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages, NULL);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *reports = pb_window_get_reports (f->window);
  AdwMessageDialog *dialog;
  guint position = 0, removed = 0, added = 0;

  import_uri (f, pdf);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);

  gt_signal_logger_connect (logger, reports, "items-changed");

  /* Cancelling the question keeps the report. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-report", NULL));
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-report", NULL));
  dialog = find_dialog (f);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gt_signal_logger_assert_emission_pop (logger, reports, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "empty");
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
answer_password (Fixture    *f,
                 const char *password)
{
  AdwMessageDialog *dialog = find_dialog (f);
  GtkWidget *entry;

  g_assert_true (PB_IS_PASSWORD_DIALOG (dialog));
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  adw_message_dialog_response (dialog, "unlock");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (pb_window_get_importing (f->window));
  wait_until_idle (f);
}

/* An encrypted PDF asks for its password, says so when it is wrong, and
 * imports once it is right. */
static void
test_window_import_encrypted (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *plain = pb_test_write_pdf (f->dir, "exempt-report.pdf", (const char **)pages, NULL);
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");
  GListModel *reports = pb_window_get_reports (f->window);

  if (locked == NULL)
    return;

  import_uri (f, locked);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 0);

  answer_password (f, "wrong");
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 0);
  g_assert_nonnull (find_dialog (f));     /* asked again */

  answer_password (f, "panel");
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);
  g_assert_null (find_dialog (f));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
}

static guint
count_dialogs (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        n++;
    }
  return n;
}

/* Enter in the password dialog answers it and closes it: a wrong password
 * asks again in one dialog saying so, the right one leaves none. */
static void
test_window_password_enter (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *plain = pb_test_write_pdf (f->dir, "exempt-report.pdf", (const char **)pages, NULL);
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");
  GListModel *reports = pb_window_get_reports (f->window);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (locked == NULL)
    return;

  import_uri (f, locked);
  g_assert_cmpuint (count_dialogs (f), ==, 1);
  dialog = find_dialog (f);
  g_assert_false (pb_password_dialog_get_retry (PB_PASSWORD_DIALOG (dialog)));

  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (f);
  g_assert_cmpuint (count_dialogs (f), ==, 1);
  dialog = find_dialog (f);
  g_assert_true (pb_password_dialog_get_retry (PB_PASSWORD_DIALOG (dialog)));

  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "panel");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (f);
  g_assert_cmpuint (count_dialogs (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);
}

/* Several files locked by one password are asked for one at a time, and
 * the password given for the first opens the rest; a prompt cancelled
 * moves on to the next file. */
static void
test_window_passwords_one_at_a_time (Fixture       *f,
                                     gconstpointer  data)
{
  GListModel *reports = pb_window_get_reports (f->window);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("exempt-%u.pdf", i);
      g_autofree char *first = g_strdup_printf ("Exempt report %u of Fernleigh children's services", i);
      const char *texts[] = { first, pages[1], NULL };
      g_autofree char *plain = pb_test_write_pdf (f->dir, name, texts, NULL);
      g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");

      if (locked == NULL)
        return;
      g_ptr_array_add (uris, g_filename_to_uri (locked, NULL, NULL));
    }
  g_ptr_array_add (uris, NULL);

  /* Cancelled, the first prompt gives way to the second, one at a time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-uris", "^as", uris->pdata));
  wait_until_idle (f);
  g_assert_cmpuint (count_dialogs (f), ==, 1);
  adw_message_dialog_response (find_dialog (f), "cancel");
  gtk_window_destroy (GTK_WINDOW (find_dialog (f)));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_dialogs (f), ==, 1);
  g_assert_nonnull (strstr (g_file_peek_path (pb_password_dialog_get_file (PB_PASSWORD_DIALOG (find_dialog (f)))),
                            "exempt-1"));

  /* The password for the second opens the third too: no more prompts. */
  answer_password (f, "panel");
  g_assert_cmpuint (count_dialogs (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 2);
}

/* "Harrowdale (3)" for a group heading, the title for a report. */
static char *
describe_rows (Fixture *f)
{
  GListModel *rows = pb_window_get_sidebar_rows (f->window);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (PB_IS_REPORT_GROUP (item))
        g_string_append_printf (text, "%s (%u)", pb_report_group_get_title (PB_REPORT_GROUP (item)),
                                g_list_model_get_n_items (pb_report_group_get_reports (PB_REPORT_GROUP (item))));
      else
        g_string_append_printf (text, "%s %u", pb_report_get_file_name (PB_REPORT (item)),
                                gtk_tree_list_row_get_depth (row));
    }

  return g_string_free (text, FALSE);
}

static gint64
find_report_id (Fixture    *f,
                const char *file_name)
{
  GListModel *reports = pb_window_get_reports (f->window);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PbReport) report = g_list_model_get_item (reports, i);

      if (g_str_equal (pb_report_get_file_name (report), file_name))
        return pb_report_get_id (report);
    }

  g_assert_not_reached ();
}

/* The sidebar groups reports by authority or by kind, keeps the report being
 * read chosen while it regroups, and follows imports into the groups. */
static void
test_window_grouping (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *papers = NULL;
  gint64 minutes_id;

  g_assert_true (pb_demo_populate (f->library, f->dir, &error));
  g_assert_no_error (error);
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);
  minutes_id = find_report_id (f, "corporate-parenting-panel-2025-01.pdf");

  /* Latest imported first, as one list. */
  text = describe_rows (f);
  g_assert_cmpstr (text, ==, "harrowdale-ilacs-2019.pdf 0; corporate-parenting-panel-2025-01.pdf 0; "
                             "harrowdale-ilacs-2024.pdf 0; harrowdale-focused-visit-2022.pdf 0");
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.group-by", "s", "authority"));
  text = describe_rows (f);
  g_assert_cmpstr (text, ==, "Harrowdale (3); harrowdale-ilacs-2019.pdf 1; harrowdale-ilacs-2024.pdf 1; "
                             "harrowdale-focused-visit-2022.pdf 1; Other Documents (1); corporate-parenting-panel-2025-01.pdf 1");
  g_clear_pointer (&text, g_free);

  /* Choosing a report in a closed group opens the group. */
  {
    g_autoptr(GtkTreeListRow) other = g_list_model_get_item (pb_window_get_sidebar_rows (f->window), 4);

    gtk_tree_list_row_set_expanded (other, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_sidebar_rows (f->window)), ==, 5);
    g_assert_true (pb_window_select_report (f->window, minutes_id));
    g_assert_true (gtk_tree_list_row_get_expanded (other));
    g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, minutes_id);
  }

  /* Regrouping keeps the report being read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.group-by", "s", "type"));
  text = describe_rows (f);
  g_assert_cmpstr (text, ==, "ILACS Inspections (2); harrowdale-ilacs-2019.pdf 1; harrowdale-ilacs-2024.pdf 1; "
                             "Focused Visits (1); harrowdale-focused-visit-2022.pdf 1; "
                             "Other Documents (1); corporate-parenting-panel-2025-01.pdf 1");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (pb_window_get_selected_report (f->window));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, minutes_id);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");

  /* An import joins its group. */
  papers = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages,
                              &(PbTestPdfOptions) { .title = "Fernleigh paper" });
  import_uri (f, papers);
  text = describe_rows (f);
  g_assert_nonnull (strstr (text, "Other Documents (2); fernleigh.pdf 1; corporate-parenting-panel-2025-01.pdf 1"));
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.group-by", "s", "none"));
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_sidebar_rows (f->window)), ==, 5);
}

/* The window's mode is one value: each header toggle shows its mode, and
 * turning it off (or choosing a report) goes back to the library. */
static void
test_window_mode (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = pb_test_write_pdf (f->dir, "first.pdf", (const char **)pages, NULL);
  g_autofree char *second = pb_test_write_pdf (f->dir, "second.pdf", (const char **)pages + 1, NULL);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbWindowMode mode;
  gboolean packs, findings;
  gint64 first_id;

  import_uri (f, first);
  first_id = pb_report_get_id (pb_window_get_selected_report (f->window));
  import_uri (f, second);
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");

  gt_signal_logger_connect (logger, f->window, "notify::mode");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-packs", NULL));
  g_object_get (f->window, "mode", &mode, "show-packs", &packs, NULL);
  g_assert_cmpint (mode, ==, PB_WINDOW_MODE_PACKS);
  g_assert_true (packs);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "packs");
  gt_signal_logger_assert_notify_emission_pop (logger, f->window, "mode");

  /* Another toggle takes over: one mode at a time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  g_object_get (f->window, "show-packs", &packs, "show-all-findings", &findings, NULL);
  g_assert_false (packs);
  g_assert_true (findings);
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_FINDINGS);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "findings");
  gt_signal_logger_assert_notify_emission_pop (logger, f->window, "mode");

  /* Off again: back to the report being read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  gt_signal_logger_assert_notify_emission_pop (logger, f->window, "mode");

  g_object_set (f->window, "mode", PB_WINDOW_MODE_OVERVIEW, NULL);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "overview");
  gt_signal_logger_assert_notify_emission_pop (logger, f->window, "mode");
  pb_window_set_mode (f->window, PB_WINDOW_MODE_OVERVIEW);   /* no change, no notification */
  gt_signal_logger_assert_no_emissions (logger);

  /* Choosing another report goes to it. */
  g_assert_true (pb_window_select_report (f->window, first_id));
  g_assert_cmpint (pb_window_get_mode (f->window), ==, PB_WINDOW_MODE_LIBRARY);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  gt_signal_logger_assert_notify_emission_pop (logger, f->window, "mode");
  gt_signal_logger_assert_no_emissions (logger);
}

static gboolean
reader_found (PbReader *reader)
{
  return pb_reader_get_loaded (reader) && !pb_reader_get_finding (reader) && pb_reader_get_n_matches (reader) > 0;
}

/* Searching the library from the sidebar lists the pages that match;
 * opening one reads its report with the words found. */
static void
test_window_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages,
                                            &(PbTestPdfOptions) { .title = "Fernleigh inspection" });
  PbLibrarySidebar *sidebar = PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (f->window));
  PbReader *reader = pb_window_get_reader (f->window);
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);
  GtkWidget *entry;

  import_uri (f, pdf);

  pb_library_sidebar_search (sidebar, "generous");
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_search_hits (f->window)), ==, 1);
  pb_library_sidebar_search (sidebar, "nowhere-to-be-found");
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_search_hits (f->window)), ==, 0);

  /* Enter in the search opens the best hit, at its page, finding its word. */
  pb_library_sidebar_search (sidebar, "generous offer");
  entry = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pb_report_get_title (pb_window_get_selected_report (f->window)), ==, "Fernleigh inspection");
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  while (!reader_found (reader))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pb_reader_get_n_matches (reader), ==, 1);
  g_assert_cmpuint (pb_document_view_get_page (pb_reader_get_view (reader)), ==, 1);

  /* Cleared, the list is back. */
  pb_library_sidebar_search (sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_search_hits (f->window)), ==, 0);
  g_source_remove (timeout);
}

/* A finding added while the sidebar lists search hits, in a window opened
 * on a library that already holds findings (its Findings table not yet
 * shown, so not yet read): every list redraws without upsetting GTK's list
 * item manager, which aborted when a list of findings said one was added
 * while it had read them all. */
static PbFinding *
finding_in (PbReport   *report,
            const char *quote)
{
  static const char * const cohorts[] = { "care_leavers", NULL };
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
  PbFinding *finding = pb_finding_new ();

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, cohorts);
  return finding;
}

static void
test_window_search_then_add_finding (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *pdf = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages,
                                            &(PbTestPdfOptions) { .title = "Fernleigh inspection" });
  g_autoptr(PbFinding) earlier = NULL;
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbReport) report = NULL;
  PbLibrarySidebar *sidebar;
  PbWindow *window;
  GListModel *hits;
  gint64 id;

  import_uri (f, pdf);
  report = g_object_ref (pb_window_get_selected_report (f->window));
  earlier = finding_in (report, "Inspection of Fernleigh children's services");
  g_assert_cmpint (pb_library_add_finding (f->library, earlier, &error), >, 0);
  g_assert_no_error (error);

  /* The next session's window, grouped and sorted as an officer may leave it. */
  window = g_object_ref (pb_window_new (NULL, f->library));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window));
  pb_library_sidebar_set_sorting (sidebar, PB_SORTING_DATE);
  pb_library_sidebar_set_grouping (sidebar, PB_GROUPING_AUTHORITY);
  g_assert_true (pb_window_select_report (window, pb_report_get_id (report)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  pb_library_sidebar_search (sidebar, "generous");
  hits = pb_window_get_search_hits (window);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  finding = finding_in (report, "Care leavers receive a generous local offer.");
  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  wait_until_idle (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The hits still list the report; the report is still chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_nonnull (pb_window_get_selected_report (window));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (window)), ==, pb_report_get_id (report));

  /* The Findings table, shown, lists both. */
  pb_window_set_mode (window, PB_WINDOW_MODE_FINDINGS);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_until_idle (f);

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

typedef struct
{
  guint  n_finished;
  guint  imported[2];
  gint64 last[2];
  char  *stopped[2];   /* what a Stop would have said, at each finish */
} Batches;

static void
batch_finished_cb (PbImportQueue *queue,
                   gboolean       cancelled,
                   Batches       *batches)
{
  g_assert_false (cancelled);
  g_assert_true (pb_import_queue_get_importing (queue));
  g_assert_cmpuint (batches->n_finished, <, 2);
  batches->imported[batches->n_finished] = pb_import_queue_get_n_imported (queue);
  batches->last[batches->n_finished] = pb_import_queue_get_last_report_id (queue);
  batches->stopped[batches->n_finished] = pb_import_outcome_stopped_message (queue);
  batches->n_finished++;
}

/* The import queue runs one batch at a time, counts each on its own, and is
 * importing from the first start to the last finish. */
static void
test_import_queue (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *one = pb_test_write_pdf (f->dir, "one.pdf", (const char **)pages, NULL);
  g_autofree char *two = pb_test_write_pdf (f->dir, "two.pdf", (const char **)pages + 1, NULL);
  g_autoptr(GFile) file_one = g_file_new_for_path (one);
  g_autoptr(GFile) file_two = g_file_new_for_path (two);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbImportQueue *queue = pb_import_queue_new (f->library);
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);
  Batches batches = { 0 };

  g_signal_connect (queue, "finished", G_CALLBACK (batch_finished_cb), &batches);
  gt_signal_logger_connect (logger, queue, "notify::importing");

  pb_import_queue_add (queue, &file_one, 1, NULL);
  pb_import_queue_add (queue, &file_two, 1, NULL);
  g_assert_true (pb_import_queue_get_importing (queue));
  g_assert_nonnull (pb_import_queue_get_job (queue));
  gt_signal_logger_assert_notify_emission_pop (logger, queue, "importing");

  while (pb_import_queue_get_importing (queue))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (batches.n_finished, ==, 2);
  g_assert_cmpuint (batches.imported[0], ==, 1);
  g_assert_cmpuint (batches.imported[1], ==, 1);
  g_assert_cmpint (batches.last[0], >, 0);
  g_assert_cmpint (batches.last[1], >, batches.last[0]);
  /* Stopped, each batch would have said what it kept: its own count. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (batches.stopped[i], ==, "Import stopped. 1 report was imported and stays in the library.");
      g_free (batches.stopped[i]);
    }
  g_assert_null (pb_import_queue_get_job (queue));
  gt_signal_logger_assert_notify_emission_pop (logger, queue, "importing");
  gt_signal_logger_assert_no_emissions (logger);

  g_source_remove (timeout);
  gt_signal_logger_free (g_steal_pointer (&logger));
  g_assert_finalize_object (queue);
}

/* The files a batch could not import are told in the order they were
 * given, though the files read side by side finish in another: here the
 * first, a long report saved again, fails last, after the missing files
 * the other worker gets through at once. */
static void
test_import_failures_in_order (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  PbTestPdfOptions again_options = { "Saved again", NULL, FALSE };
  g_autofree char *original = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GFile) original_file = NULL;
  g_autoptr(GError) error = NULL;
  PbImportQueue *queue = pb_import_queue_new (f->library);
  guint timeout = g_timeout_add_seconds (60, timeout_cb, NULL);
  GPtrArray *failures;

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (texts, g_strdup_printf ("Page %u. Care leavers receive a generous local offer.", i + 1));
  g_ptr_array_add (texts, NULL);
  original = pb_test_write_pdf (f->dir, "original.pdf", (const char **)texts->pdata, NULL);
  again = pb_test_write_pdf (f->dir, "again.pdf", (const char **)texts->pdata, &again_options);
  original_file = g_file_new_for_path (original);
  g_assert_true (pb_import_file (f->library, original_file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_ptr_array_add (files, g_file_new_for_path (again));
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/missing-%u.pdf", f->dir, i);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  pb_import_queue_add (queue, (GFile **)files->pdata, files->len, NULL);
  while (pb_import_queue_get_importing (queue))
    g_main_context_iteration (NULL, TRUE);

  failures = pb_import_queue_get_failures (queue);
  g_assert_cmpuint (failures->len, ==, files->len);
  for (guint i = 0; i < failures->len; i++)
    g_assert_true (g_file_equal (pb_import_result_get_file (g_ptr_array_index (failures, i)),
                                 g_ptr_array_index (files, i)));
  g_assert_error (pb_import_result_get_error (g_ptr_array_index (failures, 0)),
                  PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);

  g_source_remove (timeout);
  g_assert_finalize_object (queue);
}

typedef struct
{
  PbImportQueue *queue;
  Fixture       *f;
  gboolean       finished;
  guint          n_failed;
} StopRun;

/* Stop as soon as the missing file and the locked one are told failed. */
static void
stop_after_failure_cb (PbImportJob    *job,
                       PbImportResult *result,
                       StopRun        *run)
{
  if (pb_import_result_get_status (result) == PB_IMPORT_STATUS_FAILED &&
      !g_error_matches (pb_import_result_get_error (result), G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      ++run->n_failed == 2)
    pb_import_queue_cancel (run->queue);
}

static void
stopped_batch_finished_cb (PbImportQueue *queue,
                           gboolean       cancelled,
                           StopRun       *run)
{
  g_assert_true (cancelled);
  pb_import_outcome_announce (queue, run->f->library, GTK_WINDOW (run->f->window), cancelled);
  run->finished = TRUE;
}

/* Stopped, a batch still tells the files that had failed before the Stop,
 * those that wanted a password among them, and says how many it left out
 * besides what it kept. */
static void
test_import_stopped_tells_failures (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autofree char *stopped = NULL;
  StopRun run = { pb_import_queue_new (f->library), f, FALSE };
  guint timeout = g_timeout_add_seconds (60, timeout_cb, NULL);
  AdwMessageDialog *dialog;
  guint n_left;

  for (guint i = 0; i < 150; i++)
    g_ptr_array_add (texts, g_strdup_printf ("Page %u. Care leavers receive a generous local offer.", i + 1));
  g_ptr_array_add (texts, NULL);
  g_ptr_array_add (files, g_file_new_for_path (missing));
  {
    const char *texts_locked[] = { "Exempt report of Fernleigh children's services", NULL };
    g_autofree char *plain = pb_test_write_pdf (f->dir, "exempt.pdf", texts_locked, NULL);
    g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");

    if (locked == NULL)
      {
        g_test_skip ("qpdf is needed to make an encrypted PDF (apt-get install qpdf)");
        g_source_remove (timeout);
        g_object_unref (run.queue);
        return;
      }
    g_ptr_array_add (files, g_file_new_for_path (locked));
  }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("long-%u.pdf", i);
      g_autofree char *path = NULL;

      g_free (texts->pdata[0]);
      texts->pdata[0] = g_strdup_printf ("Report %u. Inspection of Fernleigh children's services.", i);
      path = pb_test_write_pdf (f->dir, name, (const char **)texts->pdata, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  g_signal_connect (run.queue, "finished", G_CALLBACK (stopped_batch_finished_cb), &run);
  pb_import_queue_add (run.queue, (GFile **)files->pdata, files->len, NULL);
  g_signal_connect (pb_import_queue_get_job (run.queue), "file-finished", G_CALLBACK (stop_after_failure_cb), &run);
  while (!run.finished)
    g_main_context_iteration (NULL, TRUE);

  /* The missing file is told, as it would have been without the Stop, and
   * the locked one with it: no password is asked for after a Stop. */
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_false (PB_IS_PASSWORD_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "2 Files Were Not Imported");

  /* Long reports not yet imported were left out; the toast counts them. */
  /* Every long report was imported or left out, and the toast says how
   * many of each (how many were done by the Stop depends on the machine). */
  n_left = pb_import_queue_get_n_stopped (run.queue);
  g_assert_cmpuint (n_left + pb_import_queue_get_n_imported (run.queue), ==, 5);
  stopped = pb_import_outcome_stopped_message (run.queue);
  g_test_message ("%s", stopped);
  if (n_left > 0)
    {
      g_autofree char *left = g_strdup_printf (n_left == 1 ? "; %u file was left out." : "; %u files were left out.",
                                               n_left);

      g_assert_true (g_str_has_suffix (stopped, left));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Stopped before any file is done: every one is counted as left out. */
  run.finished = FALSE;
  run.n_failed = 0;
  pb_import_queue_add (run.queue, (GFile **)files->pdata + 2, 3, NULL);
  pb_import_queue_cancel (run.queue);
  while (!run.finished)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&stopped, g_free);
  stopped = pb_import_outcome_stopped_message (run.queue);
  g_test_message ("%s", stopped);
  /* (A file begun before the Stop is found in the library already.) */
  g_assert_cmpuint (pb_import_queue_get_n_imported (run.queue), ==, 0);
  g_assert_cmpuint (pb_import_queue_get_n_stopped (run.queue) + pb_import_queue_get_n_duplicates (run.queue), ==, 3);
  {
    guint n = pb_import_queue_get_n_stopped (run.queue);
    g_autofree char *expected = g_strdup_printf (n == 1 ? "Import stopped. Nothing was added to the library; "
                                                          "%u file was left out."
                                                        : "Import stopped. Nothing was added to the library; "
                                                          "%u files were left out.", n);

    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpstr (stopped, ==, expected);
  }

  while (pb_import_queue_get_importing (run.queue))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_finalize_object (run.queue);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Layout settles at once: nothing is measured half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/window/empty", Fixture, NULL, fixture_setup, test_window_empty, fixture_teardown);
  g_test_add ("/window/import-adds-row", Fixture, NULL, fixture_setup, test_window_import_adds_row, fixture_teardown);
  g_test_add ("/window/import-failure-explained", Fixture, NULL, fixture_setup, test_window_import_failure_explained, fixture_teardown);
  g_test_add ("/window/import-encrypted", Fixture, NULL, fixture_setup, test_window_import_encrypted, fixture_teardown);
  g_test_add ("/window/password-enter", Fixture, NULL, fixture_setup, test_window_password_enter, fixture_teardown);
  g_test_add ("/window/passwords-one-at-a-time", Fixture, NULL, fixture_setup, test_window_passwords_one_at_a_time,
              fixture_teardown);
  g_test_add ("/window/grouping", Fixture, NULL, fixture_setup, test_window_grouping, fixture_teardown);
  g_test_add ("/window/remove-report", Fixture, NULL, fixture_setup, test_window_remove_report, fixture_teardown);
  g_test_add ("/window/mode", Fixture, NULL, fixture_setup, test_window_mode, fixture_teardown);
  g_test_add ("/window/search", Fixture, NULL, fixture_setup, test_window_search, fixture_teardown);
  g_test_add ("/window/search-then-add-finding", Fixture, NULL, fixture_setup, test_window_search_then_add_finding, fixture_teardown);
  g_test_add ("/window/import-queue", Fixture, NULL, fixture_setup, test_import_queue, fixture_teardown);
  g_test_add ("/window/import-failures-in-order", Fixture, NULL, fixture_setup, test_import_failures_in_order,
              fixture_teardown);
  g_test_add ("/window/import-stopped-tells-failures", Fixture, NULL, fixture_setup,
              test_import_stopped_tells_failures, fixture_teardown);

  return g_test_run ();
}
