/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pdf-content.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-report-insert.h"
#include "pb-structure-reader.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Under callgrind, only the start profiled is counted (PB_BENCH_PROFILE). */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_START_INSTRUMENTATION do { } while (0)
#define CALLGRIND_STOP_INSTRUMENTATION do { } while (0)
#endif

/* Start-up as the officer meets it: the library opened (with its checks),
 * the main window made and shown at 1400×900, to its first frame drawn.
 * Measured for a library of 500 inspection reports (each read as import
 * reads it: its structure, authority and dates) against an empty library in
 * the same run, alternately; the target is that the large library
 * starts within the empty one's time plus 10 %. A library of one screenful
 * (25 reports) separates what grows with the library from the cost of
 * drawing the list's rows at all, which the empty library does not pay.
 * PB_BENCH_VERBOSE=1 prints each start's phases. Run under Xvfb:
 *
 *   xvfb-run -a meson test -C build --benchmark --verbose startup
 *
 * Nothing here asserts a time. PB_BENCH_KEEP=1 keeps the libraries.
 *
 * PB_BENCH_PROFILE=DIR starts the library in DIR (one kept) twice, then
 * once more with callgrind counting, and does nothing else: for
 * instructions, which other work on the machine does not change,
 *
 *   valgrind --tool=callgrind --instr-atstart=no build/tests/bench/bench-startup
 *
 * (run under Xvfb with the tests' environment). */

#define RUNS       7
#define N_REPORTS  500
/* One screenful of the library's list: rows drawn, but a library small
 * enough that nothing in it grows with its size. */
#define N_SCREEN   25

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The processor time this process has used, every thread's: on a machine
 * shared with other work, wall time waits for the others and this does
 * not. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* One generated inspection read as import reads it; the library's reports
 * are that one with the authority's name changed, so each has its own
 * structure, checksum and sidebar row. */
static void
fill_library (const char *dir,
              const char *work,
              guint       n_reports)
{
  static const char * const recs[] = {
    "The quality of pathway plans for care leavers.",
    "Managers' oversight of decisions for children in care.",
    NULL
  };
  PbTestInspection inspection = { PB_TEST_ERA_ILACS, "Fernvale", "6 to 17 March 2023", recs, { NULL }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (work, "model.pdf", &inspection);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (pdf, NULL, &error));
  g_autoptr(PbReportContent) model = NULL;
  g_autoptr(PbLibrary) library = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  model = pb_pdf_read_content (POPPLER_DOCUMENT (document), NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  library = pb_library_open (dir, &error);
  g_assert_no_error (error);
  db = _pb_library_open_connection (library, &error);
  g_assert_no_error (error);
  /* A throwaway library: no need to wait for the disk while filling it. */
  sqlite3_exec (db, "PRAGMA synchronous = OFF;", NULL, NULL, NULL);

  for (guint r = 0; r < n_reports; r++)
    {
      g_autoptr(PbReportContent) content = pb_report_content_new ();
      g_autoptr(PbStructure) structure = NULL;
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      g_autofree char *authority = g_strdup_printf ("Authority %03u", r + 1);
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)&r, sizeof r);
      g_autofree char *name = g_strdup_printf ("authority-%03u.pdf", r + 1);
      g_autofree char *title = g_strdup_printf ("Inspection of %s local authority children’s services", authority);

      for (guint p = 0; p < model->pages->len; p++)
        {
          const PbPageContent *from = &g_array_index (model->pages, PbPageContent, p);
          g_auto(GStrv) parts = g_strsplit (from->text, "Fernvale", -1);
          PbPageContent page = { from->width, from->height, g_strjoinv (authority, parts) };

          g_array_append_val (content->pages, page);
          g_ptr_array_add (texts, page.text);
        }
      g_ptr_array_add (texts, NULL);
      content->has_text_layer = TRUE;
      content->text_version = PB_PAGE_TEXT_VERSION;
      content->fingerprint = g_strdup (sha256);
      structure = pb_structure_read_text ((const char * const *)texts->pdata);

      if (!pb_db_begin (db, &error) ||
          _pb_library_insert_report (db, sha256, name, 40000, title, content, structure, &error) < 0 ||
          !pb_db_commit (db, &error))
        g_error ("could not store a generated report: %s", error->message);
    }
  pb_db_close (db);
}

/* The library opened, a window made for it and shown, to its first frame:
 * the wall time, and the processor time in @cpu; with @profiled, what
 * callgrind counts. */
static double
start_window (const char *dir,
              double     *cpu,
              gboolean    profiled)
{
  g_autoptr(GError) error = NULL;
  double cpu_start = cpu_ms ();
  double start = now_ms (), elapsed;
  g_autoptr(PbLibrary) library = NULL;
  GtkWidget *window;
  double opened, made, cpu_opened, cpu_made;

  if (profiled)
    CALLGRIND_START_INSTRUMENTATION;
  library = pb_library_open (dir, &error);
  opened = now_ms ();
  cpu_opened = cpu_ms ();
  g_assert_no_error (error);
  window = GTK_WIDGET (pb_window_new (NULL, library));
  made = now_ms ();
  cpu_made = cpu_ms ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  if (profiled)
    CALLGRIND_STOP_INSTRUMENTATION;
  elapsed = now_ms () - start;
  *cpu = cpu_ms () - cpu_start;
  if (g_getenv ("PB_BENCH_VERBOSE") != NULL)
    printf ("startup: %s: open %.1f (cpu %.1f), window %.1f (cpu %.1f), to frame %.1f (cpu %.1f)\n",
            dir, opened - start, cpu_opened - cpu_start, made - opened, cpu_made - cpu_opened,
            now_ms () - made, cpu_ms () - cpu_made);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *screen = NULL;
  g_autofree char *large = NULL;
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) screen_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) screen_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double fill_start, filled;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("PB_BENCH_PROFILE") != NULL)
    {
      double cpu;

      for (int run = 0; run < 2; run++)
        start_window (g_getenv ("PB_BENCH_PROFILE"), &cpu, FALSE);
      start_window (g_getenv ("PB_BENCH_PROFILE"), &cpu, TRUE);
      return 0;
    }

  root = pb_test_make_dir ();
  empty = g_build_filename (root, "empty", NULL);
  screen = g_build_filename (root, "screen", NULL);
  large = g_build_filename (root, "large", NULL);
  g_object_unref (pb_library_open (empty, NULL));

  fill_library (screen, root, N_SCREEN);
  fill_start = now_ms ();
  fill_library (large, root, N_REPORTS);
  filled = now_ms () - fill_start;

  /* The first run of each loads templates, styles, fonts and the page
   * cache's files: not counted. */
  for (int run = 0; run <= RUNS; run++)
    {
      double e_cpu, s_cpu, l_cpu;
      double e = start_window (empty, &e_cpu, FALSE);
      double sc = start_window (screen, &s_cpu, FALSE);
      double l = start_window (large, &l_cpu, FALSE);

      if (run == 0)
        continue;
      g_array_append_val (empty_times, e);
      g_array_append_val (screen_times, sc);
      g_array_append_val (large_times, l);
      g_array_append_val (empty_cpu, e_cpu);
      g_array_append_val (screen_cpu, s_cpu);
      g_array_append_val (large_cpu, l_cpu);
    }

  printf ("startup: library of %u reports made in %.0f ms; median of %u runs each, alternately\n",
          N_REPORTS, filled, RUNS);
  printf ("startup: empty library to first frame (reference) %.1f ms\n", median (empty_times));
  printf ("startup: %u reports to first frame %.1f ms: %.2f x the empty library (target: at most 1.10)\n",
          N_REPORTS, median (large_times), median (large_times) / median (empty_times));
  printf ("startup: processor time to first frame, empty %.1f ms, %u reports %.1f ms: %.2f x\n",
          median (empty_cpu), N_REPORTS, median (large_cpu), median (large_cpu) / median (empty_cpu));
  /* What grows with the library, apart from drawing a screenful of rows
   * at all: the large library against one whose list just fills the
   * screen. */
  printf ("startup: %u reports (one screenful) to first frame %.1f ms, processor %.1f ms; "
          "%u reports ÷ %u: %.2f x, processor %.2f x\n",
          N_SCREEN, median (screen_times), median (screen_cpu), N_REPORTS, N_SCREEN,
          median (large_times) / median (screen_times), median (large_cpu) / median (screen_cpu));

  /* PB_BENCH_KEEP=1 keeps the libraries, to look at or start the app on. */
  if (g_getenv ("PB_BENCH_KEEP") != NULL)
    printf ("startup: libraries kept in %s\n", root);
  else
    pb_test_remove_dir (root);
  return 0;
}
