/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <unistd.h>

#include <sqlite3.h>

#include "pb-application.h"
#include "pb-backup.h"
#include "pb-check-window.h"
#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-restore-window.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Looking after the library from the app: Restore from Backup…, Check
 * Library with Repair, the bar that says a library is read-only, and a
 * restore run by the application end to end (close, restore, open again). */

typedef struct
{
  char      *dir;
  char      *library_dir;
  PbLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->library != NULL)
    pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->library_dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so. */
static void
wait_for (gboolean   (*done) (gpointer),
          gpointer     data,
          const char  *what)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer)what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gint64
import (Fixture    *f,
        const char *name,
        const char *text)
{
  const char *pages[] = { text, NULL };
  g_autofree char *path = pb_test_write_pdf (f->dir, name, pages, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gboolean
find_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *(AdwMessageDialog **)data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The backup rows' titles and subtitles, in order, "title|subtitle". */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, g_strdup_printf ("%s|%s",
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
test_restore_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  PbRestoreWindow *window;

  /* With no backups, the window says so. */
  window = g_object_ref_sink (pb_restore_window_new (NULL, f->library_dir));
  g_assert_cmpuint (pb_restore_window_get_n_backups (window), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  older = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  import (f, "b.pdf", "Children in care live in stable homes.");
  newer = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (pb_restore_window_new (NULL, f->library_dir));
  logger = gt_signal_logger_new ();
  gt_signal_logger_connect (logger, window, "restore");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (pb_restore_window_get_n_backups (window), ==, 2);

  /* Each row says when to the second (two backups may be taken in one
   * minute), and counts in words that agree with their numbers. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GRegex) second = g_regex_new (" at [0-9]{2}:[0-9]{2}:[0-9]{2}\\|", 0, 0, NULL);
    gboolean one_report = FALSE;

    collect_rows (GTK_WIDGET (window), rows);
    g_assert_cmpuint (rows->len, ==, 2);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *row = g_ptr_array_index (rows, i);

        g_assert_true (g_regex_match (second, row, 0, NULL));
        g_assert_nonnull (strstr (row, "0 findings · 0 packs"));
        one_report |= strstr (row, "|1 report · ") != NULL;
        g_assert_null (strstr (row, "|1 reports"));
      }
    g_assert_true (one_report);
  }

  /* Restore… asks first; the answer names the backup chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "restore.ask", "s", older));
  wait_for (find_dialog, &dialog, "the confirmation");
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 0);
  adw_message_dialog_response (dialog, "restore");
  gt_signal_logger_assert_emission_pop (logger, window, "restore", &chosen);
  g_assert_cmpstr (chosen, ==, older);
  gt_signal_logger_assert_no_emissions (logger);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&logger, gt_signal_logger_free);
  pb_test_wait_for_finalize (window);
}

static gboolean
library_gone (gpointer data)
{
  return pb_application_get_library (data) == NULL;
}

static gboolean
find_restore_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PB_IS_RESTORE_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(PbRestoreWindow **)data = PB_RESTORE_WINDOW (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
not_busy (gpointer data)
{
  gboolean busy;

  g_object_get (data, "busy", &busy, NULL);
  return !busy;
}

static void
test_check_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *orphan = NULL;
  PbCheckWindow *window;
  PbCheckResult *result;
  gint64 id;

  /* A report the database has lost track of. */
  id = import (f, "a.pdf", "Care leavers have a generous local offer.");
  {
    g_autoptr(PbReport) report = pb_library_get_report (f->library, id, NULL);
    g_autofree char *stored = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
    g_assert_true (pb_library_backup (f->library, PB_BACKUP_BY_HAND, NULL) != NULL);
    g_assert_true (pb_library_remove_report (f->library, id, NULL));
    /* Kept for the backup; take the backup away and the file is an orphan. */
    orphan = g_strdup (stored);
    g_assert_true (g_file_test (orphan, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;
    sqlite3 *db;

    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);
        g_unlink (path);
      }
    /* Forgotten as removed: the file is now unlisted anywhere. */
    {
      g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);

      g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM removed_reports", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  }

  window = g_object_ref_sink (pb_check_window_new (NULL, f->library));
  gtk_window_present (GTK_WINDOW (window));
  wait_for (not_busy, window, "the check");
  result = pb_check_window_get_result (window);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpint (((PbCheckProblem *)g_ptr_array_index (result->problems, 0))->kind, ==, PB_CHECK_ORPHAN);

  pb_check_window_repair (window);
  wait_for (not_busy, window, "the repair");
  result = pb_check_window_get_result (window);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static void
test_problem_bar (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  PbWindow *window;

  import (f, "a.pdf", "Care leavers have a generous local offer.");

  window = g_object_ref_sink (pb_window_new (NULL, f->library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (pb_window_get_library_problem_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
  pb_test_wait_for_finalize (g_steal_pointer (&f->library));

  /* Damaged: a flipped byte in a b-tree page. */
  {
    int fd = g_open (db_path, O_RDWR, 0);
    guint8 byte;

    g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
    byte ^= 0xff;
    g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
    g_close (fd, NULL);
  }

  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (pb_window_new (NULL, f->library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pb_window_get_library_problem_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

/* Damage found while the window is open (here by a backup, which reads
 * every page) brings up the same bar, with Restore from Backup…. */
static void
test_problem_bar_while_open (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  PbWindow *window;

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  window = g_object_ref_sink (pb_window_new (NULL, f->library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (pb_window_get_library_problem_shown (window));

  pb_test_damage_table (f->library_dir, "reports");

  g_test_expect_message ("pb-library", G_LOG_LEVEL_WARNING, "*Damage found*");
  backup = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT);
  while (!pb_window_get_library_problem_shown (window))
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();
  g_assert_true (pb_library_is_read_only (f->library));

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static gboolean
library_back (gpointer data)
{
  PbApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return pb_application_get_library (app) != NULL && PB_IS_WINDOW (window);
}

/* The application's own restore: the window closes, the backup goes back in
 * place, and the library opens again in a new window. */
static void
test_application_restore (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PbApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GList) windows = NULL;

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  backup = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  import (f, "b.pdf", "Children in care live in stable homes.");
  pb_test_wait_for_finalize (g_steal_pointer (&f->library));

  g_setenv ("PANEL_BRIEF_LIBRARY", f->library_dir, TRUE);
  app = pb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  wait_for (library_back, app, "the window");

  if (data == NULL)
    {
      pb_application_restore_backup (app, backup);
      g_assert_null (pb_application_get_library (app));
    }
  else
    {
      /* As the user does it: Restore from Backup…, a row's Restore, and
       * Restore in the confirmation. */
      PbRestoreWindow *restore = NULL;
      AdwMessageDialog *dialog = NULL;

      g_action_group_activate_action (G_ACTION_GROUP (app), "restore-backup", NULL);
      wait_for (find_restore_window, &restore, "the restore window");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restore), "restore.ask", "s", backup));
      wait_for (find_dialog, &dialog, "the confirmation");
      adw_message_dialog_response (dialog, "restore");
      wait_for (library_gone, app, "the library to close");
    }
  wait_for (library_back, app, "the library to open again");

  reports = pb_library_list_reports (pb_application_get_library (app), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  /* The report imported after the backup is still on disk. */
  {
    g_autofree char *reports_dir = g_build_filename (f->library_dir, "reports", NULL);
    g_assert_cmpuint (pb_test_count_files (reports_dir), ==, 2);
  }

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_unsetenv ("PANEL_BRIEF_LIBRARY");
}

/* The bar that says the library has a problem (style class problem-bar). */
static GtkWidget *
find_problem_bar (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "problem-bar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_problem_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
kept_aside (const char *library_dir)
{
  g_autoptr(GDir) dir = g_dir_open (library_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "library.db.damaged-"))
      return TRUE;
  return FALSE;
}

/* A damaged database (a flipped cell pointer, which makes SQLite read a
 * row of NULLs in place of a report) in the app: the window opens on no
 * phantom report, the bar saying so is in view whichever pane is shown,
 * and its Restore from Backup… puts the newest backup back, keeps the
 * damaged file aside and opens the restored library in a new window. */
static void
test_application_restore_damaged (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(PbApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GList) windows = NULL;
  PbRestoreWindow *restore = NULL;
  AdwMessageDialog *dialog = NULL;
  GtkWindow *window;
  GListModel *listed;

  import (f, "a.pdf", "Care leavers have a generous local offer.");
  import (f, "b.pdf", "Children in care live in stable homes.");
  backup = pb_library_backup (f->library, PB_BACKUP_BY_HAND, &error);
  g_assert_no_error (error);
  pb_test_wait_for_finalize (g_steal_pointer (&f->library));
  g_assert_true (pb_test_flip_cell_pointer (f->library_dir, "reports"));

  g_setenv ("PANEL_BRIEF_LIBRARY", f->library_dir, TRUE);
  app = pb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  wait_for (library_back, app, "the window");

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (pb_library_is_read_only (pb_application_get_library (app)));
  g_assert_true (pb_window_get_library_problem_shown (PB_WINDOW (window)));
  /* No report made of the damage is listed or opened. */
  listed = pb_window_get_reports (PB_WINDOW (window));
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PbReport) report = g_list_model_get_item (listed, i);

      g_assert_cmpint (pb_report_get_id (report), >, 0);
      g_assert_nonnull (pb_report_get_sha256 (report));
    }
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  if (pb_window_get_selected_report (PB_WINDOW (window)) != NULL)
    g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (PB_WINDOW (window))), >, 0);
  /* The bar is outside both panes (a narrow window shows one pane at a
   * time, the list or the report), and on screen. */
  {
    GtkWidget *leaflet = GTK_WIDGET (pb_window_get_sidebar (PB_WINDOW (window)));
    GtkWidget *bar = find_problem_bar (GTK_WIDGET (window));

    while (leaflet != NULL && !ADW_IS_LEAFLET (leaflet))
      leaflet = gtk_widget_get_parent (leaflet);
    g_assert_nonnull (leaflet);
    g_assert_nonnull (bar);
    g_assert_false (gtk_widget_is_ancestor (bar, leaflet));
    g_assert_true (gtk_widget_get_mapped (bar));
  }

  /* The bar's button, as the user presses it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.restore-backup", NULL));
  wait_for (find_restore_window, &restore, "the restore window");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restore), "restore.ask", "s", backup));
  wait_for (find_dialog, &dialog, "the confirmation");
  adw_message_dialog_response (dialog, "restore");
  wait_for (library_gone, app, "the library to close");
  wait_for (library_back, app, "the library to open again");

  g_assert_false (pb_library_is_read_only (pb_application_get_library (app)));
  g_assert_null (pb_library_get_problem (pb_application_get_library (app)));
  reports = pb_library_list_reports (pb_application_get_library (app), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_true (kept_aside (f->library_dir));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_false (pb_window_get_library_problem_shown (PB_WINDOW (window)));

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_unsetenv ("PANEL_BRIEF_LIBRARY");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, fn) g_test_add ("/library-care-ui/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add ("/library-care-ui/application-restore/through-window", Fixture, "window",
              fixture_setup, test_application_restore, fixture_teardown);
  ADD ("restore-window", test_restore_window);
  ADD ("check-window", test_check_window);
  ADD ("problem-bar", test_problem_bar);
  ADD ("problem-bar-while-open", test_problem_bar_while_open);
  ADD ("application-restore", test_application_restore);
  ADD ("application-restore-damaged", test_application_restore_damaged);
#undef ADD

  return g_test_run ();
}
