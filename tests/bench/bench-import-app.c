/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "pb-library.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Importing the ILACS reports of the corpus (14 of them), in the app (a
 * window, its import queue, the sidebar following along) against the
 * command line (panel-brief import, in a fresh library each), as a ratio:
 * the app should take no longer. Run under a display (xvfb-run); where
 * GTK draws with OpenGL in software (llvmpipe, as under Xvfb) each frame
 * costs the import CPU time, so compare GSK_RENDERER=cairo too. */

#define RUNS 3

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
corpus_files (void)
{
  g_autofree char *dir = pb_test_corpus_path ("ilacs");
  g_autoptr(GDir) listing = dir ? g_dir_open (dir, 0, NULL) : NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)))
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static double
time_cli (GPtrArray *files)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library = g_build_filename (dir, "library", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;
  double start;

  g_ptr_array_add (argv, (char *)g_getenv ("PB_BINARY"));
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, library);
  g_ptr_array_add (argv, "import");
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, files->pdata[i]);
  g_ptr_array_add (argv, NULL);

  start = now_ms ();
  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("panel-brief import failed: %s", error->message);
  start = now_ms () - start;
  pb_test_remove_dir (dir);
  return start;
}

static guint n_frames;

static void
count_frame (void)
{
  n_frames++;
}

static double
time_app (GPtrArray *files)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
  PbWindow *window = g_object_ref (pb_window_new (NULL, library));
  double start;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (gfiles, g_file_new_for_path (files->pdata[i]));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint", G_CALLBACK (count_frame), NULL);
  n_frames = 0;
  start = now_ms ();
  pb_window_import_files (window, (GFile **)gfiles->pdata, gfiles->len);
  while (pb_window_get_importing (window) ||
         g_list_model_get_n_items (pb_window_get_reports (window)) < files->len)
    g_main_context_iteration (NULL, TRUE);
  start = now_ms () - start;
  printf ("# app: %.0f ms, %u frames drawn\n", start, n_frames);

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
  pb_test_wait_for_finalize (g_steal_pointer (&library));
  pb_test_remove_dir (dir);
  return start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GArray) cli = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  files = corpus_files ();
  if (files->len == 0)
    {
      printf ("# skipped: no corpus\n");
      return 0;
    }

  for (guint i = 0; i < RUNS; i++)
    {
      double c = time_cli (files), a = time_app (files);

      g_array_append_val (cli, c);
      g_array_append_val (app, a);
    }

  printf ("import of %u reports: command line %.0f ms, app %.0f ms (median of %d); app/cli = %.2f\n",
          files->len, pb_test_median (cli), pb_test_median (app), RUNS,
          pb_test_median (app) / pb_test_median (cli));
  return 0;
}
