/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pb-cohort-overview.h"
#include "pb-cohort-row.h"
#include "pb-cohort-store.h"
#include "pb-find-bar.h"
#include "pb-finding-editor.h"
#include "pb-identity.h"
#include "pb-findings-panel.h"
#include "pb-import-job.h"
#include "pb-import-outcome.h"
#include "pb-import-progress.h"
#include "pb-import.h"
#include "pb-key-labels.h"
#include "pb-library-sidebar.h"
#include "pb-page-controls.h"
#include "pb-password-dialog.h"
#include "pb-preferences-window.h"
#include "pb-report-details.h"
#include "pb-report-row.h"
#include "pb-report-store.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Every .ui file is instantiated here, so a widget the platform lacks, a
 * typo in a property or a leaked child fails a test and not a user's session. */

typedef struct
{
  char      *dir;
  PbLibrary *library;
  PbReport  *report;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char * const pages[] = { "Children in care.", NULL };
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id;

  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  pdf = pb_test_write_pdf (f->dir, "r.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "Row title" });
  file = g_file_new_for_path (pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  f->report = pb_library_get_report (f->library, id, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->report);
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  return window;
}

static void
test_report_row (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (pb_report_row_new (NULL));
  GtkWidget *window;

  pb_report_row_set_report (PB_REPORT_ROW (row), f->report);
  g_assert_true (pb_report_row_get_report (PB_REPORT_ROW (row)) == f->report);

  window = show_in_window (row);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (row);
}

/* The subtitle of the row titled @title under @widget, or NULL. */
static const char *
row_subtitle (GtkWidget  *widget,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_subtitle (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_report_details (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *details = g_object_ref_sink (pb_report_details_new ());
  g_autoptr(PbStructure) visit = pb_structure_new ();
  GtkWidget *window;

  pb_report_details_set_report (PB_REPORT_DETAILS (details), f->report);
  window = show_in_window (details);

  /* A focused visit's theme is shown in full. */
  visit->type = PB_DOCUMENT_FOCUSED_VISIT;
  visit->local_authority = g_strdup ("Northmoor");
  visit->theme = g_strdup ("the experiences and progress of care leavers, including those who are homeless");
  pb_report_details_set_structure (PB_REPORT_DETAILS (details), visit);
  g_assert_cmpstr (row_subtitle (details, "Theme"), ==, visit->theme);
  pb_report_details_set_structure (PB_REPORT_DETAILS (details), NULL);
  g_assert_null (row_subtitle (details, "Theme"));

  pb_report_details_set_report (PB_REPORT_DETAILS (details), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (details);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  GPtrArray *results = pb_import_job_run_finish (PB_IMPORT_JOB (source), result, NULL);

  /* Only the strip's text is under test: the outcome is dropped. */
  g_clear_pointer (&results, g_ptr_array_unref);
  *done = TRUE;
}

static GtkWidget *find_label_text (GtkWidget  *widget,
                                   const char *text);

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs a batch of @n_files files that do not exist to its end. Returns
 * the results, all failures. */
static GPtrArray *
run_missing_files (PbLibrary        *library,
                   guint             n_files,
                   const char       *long_name,
                   PbImportProgress *progress)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PbImportJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *results;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = i + 1 == n_files && long_name != NULL
                              ? g_build_filename ("/nonexistent", long_name, NULL)
                              : g_strdup_printf ("/nonexistent/report-%03u.pdf", i);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  job = pb_import_job_new (library, (GFile **)files->pdata, files->len);
  pb_import_job_set_n_workers (job, 1);
  if (progress != NULL)
    pb_import_progress_set_job (progress, job, cancellable);
  pb_import_job_run_async (job, cancellable, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = pb_import_job_run_finish (job, result, NULL);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, n_files);
  return results;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             char            **out)
{
  g_free (*out);
  *out = g_strdup (response);
}

/* Two hundred failed files: the list scrolls inside a dialog that fits a
 * 760 px-high screen and a 360 px-wide window, Close shows and is the
 * default, and closing the window (Escape) answers Close. */
static void
test_import_failures_dialog (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) results = run_missing_files (f->library, 200, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dialog;
  GtkWidget *close;
  GtkWidget *list;
  g_autofree char *response = NULL;
  int minimum, natural;
  guint n_rows = 0;

  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (pb_import_result_get_status (g_ptr_array_index (results, i)), ==, PB_IMPORT_STATUS_FAILED);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  /* Shown first, as in the app: a dialog over a window not yet drawn is
   * sized from nothing (AdwMessageDialog follows its parent's size). */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  dialog = pb_import_failures_dialog_new (GTK_WINDOW (window), results);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), &response);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "200 Files Were Not Imported");
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("dialog for 200 files: natural height %d px, shown %d x %d px, list %d px", natural,
                  gtk_widget_get_width (dialog), gtk_widget_get_height (dialog),
                  gtk_widget_get_height (find_type (dialog, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpint (natural, <, 760);
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 760);
  /* The list scrolls at its limit, and shows more than a row or two. */
  g_assert_cmpint (gtk_widget_get_height (find_type (dialog, GTK_TYPE_SCROLLED_WINDOW)), ==,
                   PB_IMPORT_FAILURES_LIST_MAX_HEIGHT);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Every file is listed, with its reason. */
  list = find_type (dialog, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 200);
  g_assert_nonnull (find_label_text (list, "report-199.pdf"));
  /* A long name broken across lines gets no hyphens that are not in it. */
  {
    GtkWidget *name = find_label_text (list, "report-199.pdf");
    PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (name));
    PangoAttrIterator *iter;
    PangoAttribute *hyphens;

    g_assert_nonnull (attrs);
    iter = pango_attr_list_get_iterator (attrs);
    hyphens = pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
    g_assert_nonnull (hyphens);
    g_assert_false (((PangoAttrInt *)hyphens)->value);
    pango_attr_iterator_destroy (iter);
  }
  g_assert_nonnull (find_label_text (list, pb_import_result_get_error (g_ptr_array_index (results, 199))->message));

  close = find_button (dialog, "_Close");
  g_assert_nonnull (close);
  g_assert_true (gtk_widget_get_mapped (close));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == close);

  /* Tab goes from file to file and on to Close: one stop a file (as GTK's
   * lists take Tab), never the file's name or reason within it, which made
   * three stops a file. */
  {
    g_autoptr(GPtrArray) stops = g_ptr_array_new ();
    gboolean reached_close = FALSE;

    for (guint i = 0; i < 3 * n_rows && !reached_close; i++)
      {
        GtkWidget *focus;

        /* As GtkWindow moves the focus for Tab: on, or round to the start. */
        if (!gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD))
          {
            gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
            gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD);
          }
        focus = gtk_root_get_focus (GTK_ROOT (dialog));
        g_assert_nonnull (focus);
        g_assert_false (GTK_IS_LABEL (focus));
        g_assert_false (g_ptr_array_find (stops, focus, NULL));
        reached_close = focus == close;
        g_ptr_array_add (stops, focus);
      }
    g_test_message ("Tab stops in the dialog before Close: %u", stops->len);
    g_assert_true (reached_close);
    g_assert_cmpuint (stops->len, <=, n_rows + 3);
  }

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (response, ==, "close");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 px the count and the total still show; only the file name is
 * cut, and the time left has a line of its own. */
static void
test_import_progress_narrow (Fixture       *f,
                             gconstpointer  data)
{
  static const char long_name[] = "Northmoor City Council children's services focused visit report March 2026.pdf";
  GtkWidget *progress = g_object_ref_sink (pb_import_progress_new ());
  g_autoptr(GPtrArray) results = NULL;
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  gtk_window_set_child (GTK_WINDOW (window), progress);
  gtk_window_present (GTK_WINDOW (window));
  results = run_missing_files (f->library, 49, long_name, PB_IMPORT_PROGRESS (progress));
  gtk_test_widget_wait_for_draw (window);

  g_assert_true (g_str_has_prefix (pb_import_progress_get_text (PB_IMPORT_PROGRESS (progress)),
                                   "Importing 49 of 49: “Northmoor City Council"));
  g_assert_nonnull (strstr (pb_import_progress_get_text (PB_IMPORT_PROGRESS (progress)), long_name));
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  /* The count is shown whole, the name beside it. */
  g_assert_true (gtk_widget_get_mapped (find_label_text (progress, "Importing 49 of 49:")));
  g_assert_true (gtk_widget_get_mapped (find_label_text (progress, long_name)));

  pb_import_progress_set_job (PB_IMPORT_PROGRESS (progress), NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (progress);
}

/* A batch shows how many files, and the one begun last. */
static void
test_import_progress_batch (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *progress = g_object_ref_sink (pb_import_progress_new ());
  g_autoptr(GFile) a = g_file_new_for_path ("/nonexistent/a.pdf");
  g_autoptr(GFile) b = g_file_new_for_path ("/nonexistent/b.pdf");
  GFile *files[] = { a, b };
  g_autoptr(PbImportJob) job = pb_import_job_new (f->library, files, G_N_ELEMENTS (files));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  pb_import_job_set_n_workers (job, 1);
  pb_import_progress_set_job (PB_IMPORT_PROGRESS (progress), job, cancellable);
  pb_import_job_run_async (job, cancellable, job_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* Both failed at once: no time left to tell. */
  g_assert_cmpstr (pb_import_progress_get_text (PB_IMPORT_PROGRESS (progress)), ==,
                   "Importing 2 of 2: “b.pdf”…");
  pb_import_progress_set_job (PB_IMPORT_PROGRESS (progress), NULL, NULL);
  g_assert_finalize_object (progress);
}

static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *progress = g_object_ref_sink (pb_import_progress_new ());
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/a.pdf");
  g_autoptr(PbImportJob) job = pb_import_job_new (f->library, &file, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GtkWidget *window;

  pb_import_progress_set_job (PB_IMPORT_PROGRESS (progress), job, cancellable);
  g_assert_cmpstr (pb_import_progress_get_text (PB_IMPORT_PROGRESS (progress)), ==, "Preparing to import…");
  window = show_in_window (progress);
  pb_import_progress_set_job (PB_IMPORT_PROGRESS (progress), NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (progress);
}

static void
password_cb (PbPasswordDialog *dialog,
             const char       *password,
             char            **out)
{
  *out = g_strdup (password ? password : "(cancelled)");
}

static void
test_password_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/secret.pdf");
  PbPasswordDialog *dialog = g_object_ref (pb_password_dialog_new (NULL, file, TRUE));
  g_autofree char *answer = NULL;

  g_assert_true (pb_password_dialog_get_file (dialog) == file);
  g_signal_connect (dialog, "password-entered", G_CALLBACK (password_cb), &answer);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Unlock stays off until something is typed. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "unlock"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpstr (answer, ==, "(cancelled)");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
count_cb (PbPasswordDialog *dialog,
          const char       *password,
          guint            *n)
{
  (*n)++;
}

/* Enter in the password field unlocks once and closes the dialog, as the
 * Unlock button does (tester's item 3 of issue 13); with nothing typed it
 * does nothing. */
static void
test_password_dialog_enter (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/secret.pdf");
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  PbPasswordDialog *dialog = g_object_ref (pb_password_dialog_new (parent, file, FALSE));
  GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *entry = gtk_widget_get_first_child (box);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  g_autofree char *answer = NULL;
  guint n = 0;

  g_signal_connect (dialog, "password-entered", G_CALLBACK (password_cb), &answer);
  g_signal_connect (dialog, "password-entered", G_CALLBACK (count_cb), &n);
  gtk_window_present (parent);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Enter with nothing typed: nothing happens. */
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "panel");
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (answer, ==, "panel");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  gtk_window_destroy (parent);
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_reports (window)), ==, 1);
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "unselected");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PbPreferencesWindow *window = NULL;
  g_autofree char *logo_path = g_build_filename (f->dir, "logo.svg", NULL);
  g_autoptr(GFile) logo = NULL;
  g_autofree char *author = NULL;
  g_autofree char *council = NULL;
  GtkEditable *author_row;

  g_settings_set_uint (settings, "page-cache-size", 512);
  g_settings_set_string (settings, "council-name", "Worcestershire County Council");
  window = g_object_ref (pb_preferences_window_new (NULL, settings, f->library));
  g_assert_cmpuint (pb_preferences_window_get_n_cohort_rows (window), ==, 4);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The memory setting is for developers: kept, but not shown. */
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpuint (g_settings_get_uint (settings, "page-cache-size"), ==, 512);

  /* Who signs packs and for which council: the schema's, both ways, and
   * read back by the getters the exports use. */
  author_row = GTK_EDITABLE (find_descendant (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (author_row)), ==, "Default Author");
  gtk_editable_set_text (author_row, "  A. Officer ");
  author = pb_identity_dup_default_author (settings);
  g_assert_cmpstr (author, ==, "A. Officer");
  council = pb_identity_dup_council_name (settings);
  g_assert_cmpstr (council, ==, "Worcestershire County Council");
  g_assert_null (pb_identity_dup_council_logo (settings));
  g_assert_true (g_file_set_contents (logo_path, "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/>",
                                      -1, NULL));
  g_settings_set_string (settings, "council-logo", logo_path);
  logo = pb_identity_dup_council_logo (settings);
  g_assert_nonnull (logo);
  g_assert_cmpstr (g_file_peek_path (logo), ==, logo_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.clear-council-logo", NULL));
  g_clear_object (&logo);
  g_assert_null ((logo = pb_identity_dup_council_logo (settings)));

  /* Each cohort's row carries it: a colour chosen and a removal reach the
   * library for that cohort. */
  {
    PbCohortRow *row = PB_COHORT_ROW (find_descendant (GTK_WIDGET (window), PB_TYPE_COHORT_ROW));
    g_autofree char *slug = g_strdup (pb_cohort_get_slug (pb_cohort_row_get_cohort (row)));
    g_autoptr(GPtrArray) cohorts = NULL;
    PbCohort *changed = NULL;

    g_signal_emit_by_name (row, "color-chosen", "#123456");
    cohorts = pb_library_list_cohorts (f->library, NULL);
    for (guint i = 0; i < cohorts->len; i++)
      if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, i)), slug))
        changed = g_ptr_array_index (cohorts, i);
    g_assert_nonnull (changed);
    g_assert_cmpstr (pb_cohort_get_color (changed), ==, "#123456");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.remove-cohort", "s", slug));
    g_assert_cmpuint (pb_preferences_window_get_n_cohort_rows (window), ==, 3);
    g_clear_pointer (&cohorts, g_ptr_array_unref);
    cohorts = pb_library_list_cohorts (f->library, NULL);
    g_assert_cmpuint (cohorts->len, ==, 3);
  }

  g_settings_reset (settings, "page-cache-size");
  g_settings_reset (settings, "default-author");
  g_settings_reset (settings, "council-name");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The action row titled @title under @widget, or NULL. */
static GtkWidget *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A small PNG at @path; cut to half its length with @damaged. */
static void
write_logo (const char *path,
            gboolean    damaged)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 90);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *contents = NULL;
  gsize length;

  /* Noise, which does not compress: half the file is half the pixels. */
  for (int y = 0; y < 90; y += 3)
    for (int x = 0; x < 120; x += 3)
      {
        cairo_set_source_rgb (cr, g_random_double (), g_random_double (), g_random_double ());
        cairo_rectangle (cr, x, y, 3, 3);
        cairo_fill (cr);
      }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (damaged)
    {
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
    }
}

/* The message dialog the preferences window shows, or NULL. */
static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A damaged logo is refused when it is chosen, in the words the exports
 * would use and with what to do, and the logo chosen before is kept; a
 * good one is taken.  The logo's row opens the chooser from the keyboard. */
static void
test_preferences_bad_logo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *good_path = g_build_filename (f->dir, "crest.png", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "trunc.png", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *kept = NULL;
  PbPreferencesWindow *window;
  AdwMessageDialog *dialog;

  write_logo (good_path, FALSE);
  write_logo (bad_path, TRUE);
  window = g_object_ref (pb_preferences_window_new (NULL, settings, f->library));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The logo's row, focused, opens the chooser on Enter: it activates the
   * Choose… button. */
  {
    GtkWidget *row = find_action_row (GTK_WIDGET (window), "Council Logo");
    GtkWidget *choose;

    g_assert_nonnull (row);
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    choose = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
    g_assert_true (GTK_IS_BUTTON (choose));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (choose)), ==, "prefs.choose-council-logo");
  }

  g_assert_true (pb_preferences_window_use_council_logo (window, good));
  g_assert_cmpstr ((kept = g_settings_get_string (settings, "council-logo")), ==, good_path);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (window), "Council Logo"), ==, "crest.png");
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  g_assert_false (pb_preferences_window_use_council_logo (window, bad));
  g_clear_pointer (&kept, g_free);
  g_assert_cmpstr ((kept = g_settings_get_string (settings, "council-logo")), ==, good_path);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (window), "Council Logo"), ==, "crest.png");
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Logo Not Used");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "The logo “trunc.png” could not be read: the PNG file is damaged or cut short."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "keep the logo chosen before"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "save it again as a PNG file"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "council-logo");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_finding_editor (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbFindingEditor *editor;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (f->report));
  pb_finding_set_quote (finding, "Children in care.");
  editor = g_object_ref (pb_finding_editor_new (NULL, f->library, finding));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  g_assert_cmpstr (pb_finding_get_quote (pb_finding_editor_get_finding (editor)), ==, "Children in care.");
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

static void
test_findings_panel (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (pb_findings_panel_new ());
  GtkWidget *window = show_in_window (panel);

  g_assert_cmpuint (pb_findings_panel_get_n_shown (PB_FINDINGS_PANEL (panel)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* The sidebar on its own: the library's report, and a search of its text. */
static void
test_library_sidebar (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *sidebar = g_object_ref_sink (pb_library_sidebar_new ());
  GtkWidget *window = show_in_window (sidebar);
  PbLibrarySidebar *self = PB_LIBRARY_SIDEBAR (sidebar);

  g_assert_true (pb_library_sidebar_set_library (self, f->library, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pb_library_sidebar_get_reports (self)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pb_library_sidebar_get_rows (self)), ==, 1);
  g_assert_null (pb_library_sidebar_get_selected_report (self));

  g_assert_true (pb_library_sidebar_select_report (self, pb_report_get_id (f->report)));
  g_assert_cmpint (pb_report_get_id (pb_library_sidebar_get_selected_report (self)), ==, pb_report_get_id (f->report));
  g_assert_false (pb_library_sidebar_select_report (self, 9999));

  pb_library_sidebar_search (self, "children");
  g_assert_cmpuint (g_list_model_get_n_items (pb_library_sidebar_get_search_hits (self)), ==, 1);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (sidebar);
}

static void
page_chosen_cb (PbPageControls *controls,
                guint           page,
                guint          *chosen)
{
  *chosen = page;
}

/* The page controls show the model's page, from 1, and its count, and offer
 * the page typed. */
static void
test_page_controls (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *controls = g_object_ref_sink (pb_page_controls_new ());
  g_autoptr(PbViewModel) model = pb_view_model_new ();
  GtkWidget *window = show_in_window (controls);
  GtkWidget *entry = find_descendant (controls, GTK_TYPE_ENTRY);
  guint chosen = G_MAXUINT;

  /* Not while the user types in it: the window gives the keyboard to it. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  pb_view_model_set_n_pages (model, 12);
  pb_view_model_set_page (model, 2);
  pb_page_controls_set_model (PB_PAGE_CONTROLS (controls), model);
  g_assert_cmpstr (pb_page_controls_get_text (PB_PAGE_CONTROLS (controls)), ==, "3");
  g_assert_cmpstr (pb_page_controls_get_total (PB_PAGE_CONTROLS (controls)), ==, "of 12");

  /* A move shows once the frame is done. */
  pb_view_model_set_page (model, 6);
  while (!g_str_equal (pb_page_controls_get_text (PB_PAGE_CONTROLS (controls)), "7"))
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (controls, "page-chosen", G_CALLBACK (page_chosen_cb), &chosen);
  gtk_editable_set_text (GTK_EDITABLE (entry), "5");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (chosen, ==, 4);
  chosen = G_MAXUINT;
  gtk_editable_set_text (GTK_EDITABLE (entry), "five");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (chosen, ==, G_MAXUINT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (controls);
}

/* The find bar without a report: finding nothing, at once, and no match. */
static void
test_find_bar (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *bar = g_object_ref_sink (pb_find_bar_new ());
  GtkWidget *view = g_object_ref_sink (pb_document_view_new ());
  GtkWidget *window = show_in_window (bar);

  pb_find_bar_set_view (PB_FIND_BAR (bar), PB_DOCUMENT_VIEW (view));
  pb_find_bar_find (PB_FIND_BAR (bar), "care leavers", -1);
  g_assert_false (pb_find_bar_get_finding (PB_FIND_BAR (bar)));
  g_assert_cmpuint (pb_find_bar_get_n_matches (PB_FIND_BAR (bar)), ==, 0);
  g_assert_cmpint (pb_find_bar_get_current_match (PB_FIND_BAR (bar)), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (bar);
  g_assert_finalize_object (view);
}

/* A library with no graded inspection: the overview says so and holds on to
 * nothing once it is gone. */
static void
test_cohort_overview (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *overview = g_object_ref_sink (pb_cohort_overview_new ());
  GtkWidget *window = show_in_window (overview);

  pb_cohort_overview_set_library (PB_COHORT_OVERVIEW (overview), f->library);
  g_assert_cmpuint (pb_cohort_overview_get_n_inspections (PB_COHORT_OVERVIEW (overview)), ==, 0);
  g_assert_null (pb_cohort_overview_get_authority (PB_COHORT_OVERVIEW (overview)));
  g_assert_null (pb_cohort_overview_get_cell (PB_COHORT_OVERVIEW (overview), 0, PB_JUDGEMENT_OVERALL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (overview);
}

static GtkWidget *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  /* Keys are named as on a keyboard, not as X names them; every shortcut
   * on one page (GTK's page buttons measure themselves wrongly). */
  pb_key_labels_watch (overlay);
  gtk_window_present (overlay);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  g_assert_null (find_label_text (GTK_WIDGET (overlay), "Page_Down"));
  g_assert_nonnull (find_label_text (GTK_WIDGET (overlay), "Page Down"));
  g_assert_null (find_label_text (GTK_WIDGET (overlay), "_2"));
  gtk_window_destroy (overlay);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Layout settles at once: nothing is measured half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/templates/report-row", Fixture, NULL, fixture_setup, test_report_row, fixture_teardown);
  g_test_add ("/templates/report-details", Fixture, NULL, fixture_setup, test_report_details, fixture_teardown);
  g_test_add ("/templates/import-progress", Fixture, NULL, fixture_setup, test_import_progress, fixture_teardown);
  g_test_add ("/templates/import-progress-batch", Fixture, NULL, fixture_setup, test_import_progress_batch,
              fixture_teardown);
  g_test_add ("/templates/import-progress-narrow", Fixture, NULL, fixture_setup, test_import_progress_narrow,
              fixture_teardown);
  g_test_add ("/templates/import-failures-dialog", Fixture, NULL, fixture_setup, test_import_failures_dialog,
              fixture_teardown);
  g_test_add ("/templates/password-dialog", Fixture, NULL, fixture_setup, test_password_dialog, fixture_teardown);
  g_test_add ("/templates/password-dialog-enter", Fixture, NULL, fixture_setup, test_password_dialog_enter,
              fixture_teardown);
  g_test_add ("/templates/window", Fixture, NULL, fixture_setup, test_window, fixture_teardown);
  g_test_add ("/templates/preferences-window", Fixture, NULL, fixture_setup, test_preferences_window, fixture_teardown);
  g_test_add ("/templates/preferences-bad-logo", Fixture, NULL, fixture_setup, test_preferences_bad_logo,
              fixture_teardown);
  g_test_add ("/templates/finding-editor", Fixture, NULL, fixture_setup, test_finding_editor, fixture_teardown);
  g_test_add ("/templates/findings-panel", Fixture, NULL, fixture_setup, test_findings_panel, fixture_teardown);
  g_test_add ("/templates/library-sidebar", Fixture, NULL, fixture_setup, test_library_sidebar, fixture_teardown);
  g_test_add ("/templates/page-controls", Fixture, NULL, fixture_setup, test_page_controls, fixture_teardown);
  g_test_add ("/templates/find-bar", Fixture, NULL, fixture_setup, test_find_bar, fixture_teardown);
  g_test_add ("/templates/cohort-overview", Fixture, NULL, fixture_setup, test_cohort_overview, fixture_teardown);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);

  return g_test_run ();
}
