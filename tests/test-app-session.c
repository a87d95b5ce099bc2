/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-application.h"
#include "pb-import.h"
#include "pb-library-sidebar.h"
#include "pb-report-group.h"
#include "pb-report-sort.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* What the app remembers from one window (one session) to the next, run as
 * the application runs it, with its settings: the authority Grades over
 * time was showing. */

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

static gboolean
window_up (PbApplication *app)
{
  return pb_application_get_library (app) != NULL &&
         PB_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static PbWindow *
open_window (PbApplication *app)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, "the window");

  g_application_activate (G_APPLICATION (app));
  while (!window_up (app))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  return PB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
close_window (PbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Grades over time opens on the authority chosen last time. */
static void
test_overview_authority (void)
{
  static const char * const reports[] = { "ilacs/wirral-2019-jul.pdf", "ilacs/worcestershire-2019-jul.pdf" };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PbApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  PbCohortOverview *overview;
  PbWindow *window;
  char *chosen;

  {
    g_autoptr(PbLibrary) library = pb_library_open (library_dir, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      {
        g_autofree char *path = pb_test_corpus_path (reports[i]);
        g_autoptr(GFile) file = NULL;

        if (path == NULL)
          {
            g_test_skip ("no corpus");
            pb_test_wait_for_finalize (g_steal_pointer (&library));
            pb_test_remove_dir (dir);
            return;
          }
        file = g_file_new_for_path (path);
        g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
        g_assert_no_error (error);
      }
    pb_test_wait_for_finalize (g_steal_pointer (&library));
  }

  g_setenv ("PANEL_BRIEF_LIBRARY", library_dir, TRUE);
  app = pb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = open_window (app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overview", NULL));
  overview = pb_window_get_cohort_overview (window);
  g_assert_nonnull (pb_cohort_overview_get_authority (overview));
  chosen = g_str_equal (pb_cohort_overview_get_authority (overview), "Wirral") ? "Worcestershire" : "Wirral";
  pb_cohort_overview_set_authority (overview, chosen);
  g_assert_cmpstr (g_settings_get_string (settings, "overview-authority"), ==, chosen);
  close_window (window);

  window = open_window (app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overview", NULL));
  g_assert_cmpstr (pb_cohort_overview_get_authority (pb_window_get_cohort_overview (window)), ==, chosen);
  close_window (window);

  g_settings_reset (settings, "overview-authority");
  g_unsetenv ("PANEL_BRIEF_LIBRARY");
  g_application_quit (G_APPLICATION (app));
  pb_test_remove_dir (dir);
}

/* The library's order and grouping apply at once, for the session, even
 * when the settings cannot keep them (no D-Bus session: dconf refuses the
 * write and tells everyone the old value again); where they can, the next
 * window opens with them. */
static void
test_sort_without_saving (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sorting = NULL;
  g_autofree char *grouping = NULL;
  g_autofree char *sorting_after = NULL;
  GSettings *settings;
  PbWindow *window;

  g_setenv ("PANEL_BRIEF_LIBRARY", dir, TRUE);
  app = pb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = open_window (app);
  settings = pb_application_get_settings (app);
  g_assert_nonnull (settings);

  /* Saved where the settings can: the next window takes them up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "title"));
  g_assert_cmpstr ((sorting = g_settings_get_string (settings, "library-sort")), ==, "title");
  close_window (window);
  window = open_window (app);
  g_object_get (window, "sorting", &grouping, NULL);
  g_assert_cmpstr (grouping, ==, "title");
  g_clear_pointer (&grouping, g_free);

  /* Writes held back, then given up, as dconf does without a bus. */
  g_settings_delay (settings);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "date"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.group-by", "s", "authority"));
  g_settings_revert (settings);

  g_object_get (window, "sorting", &sorting_after, "grouping", &grouping, NULL);
  g_assert_cmpstr (sorting_after, ==, "date");
  g_assert_cmpstr (grouping, ==, "authority");
  g_assert_cmpint (pb_library_sidebar_get_sorting (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window))), ==,
                   PB_SORTING_DATE);
  g_assert_cmpint (pb_library_sidebar_get_grouping (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window))), ==,
                   PB_GROUPING_AUTHORITY);
  close_window (window);

  g_settings_apply (settings);
  g_settings_reset (settings, "library-sort");
  g_settings_reset (settings, "library-grouping");
  g_unsetenv ("PANEL_BRIEF_LIBRARY");
  g_application_quit (G_APPLICATION (app));
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/app-session/overview-authority", test_overview_authority);
  g_test_add_func ("/app-session/sort-without-saving", test_sort_without_saving);

  return g_test_run ();
}
