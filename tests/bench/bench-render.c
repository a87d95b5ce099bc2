/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "pb-document.h"
#include "pb-page-cache.h"
#include "pb-test-util.h"

/* Reader benchmarks on stress-300p.pdf, as ratios to pdftoppm (-r 96, raw PPM)
 * run in the same process on the same pages:
 *
 *   first page: opening the file until page 1 is rendered at 96 dpi;
 *   20 pages: rendering pages 1 to 20;
 *   memory: peak resident size after scrolling through all 300 pages with the
 *   reader's page cache, against the cache budget. */

#define RUNS 5
#define SCALE (96.0 / 72.0)
#define CACHE_BUDGET (64 * 1024 * 1024)

typedef struct
{
  GMainLoop   *loop;
  guint        n_wanted;
  guint        n_done;
  PbPageCache *cache;
} Wait;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_pdftoppm (const char *pdf,
               guint       last_page,
               const char *out_dir)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *last = g_strdup_printf ("%u", last_page);
  g_autofree char *prefix = g_build_filename (out_dir, "page", NULL);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *argv[] = { "pdftoppm", "-r", "96", "-f", "1", "-l", last, pdf, prefix, NULL };
      g_autoptr(GError) error = NULL;
      int status;
      double start = now_ms (), elapsed;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      elapsed = now_ms () - start;
      if (error != NULL)
        g_error ("pdftoppm could not run: %s", error->message);
      g_array_append_val (times, elapsed);
    }

  return pb_test_median (times);
}

static void
rendered_cb (PbDocument *document,
             guint       page,
             double      scale,
             GObject    *image,
             guint64     n_bytes,
             Wait       *wait)
{
  if (wait->cache != NULL)
    pb_page_cache_insert (wait->cache, page, scale, image, (gsize)n_bytes);
  if (++wait->n_done >= wait->n_wanted)
    g_main_loop_quit (wait->loop);
}

static void
render_pages (PbDocument *document,
              Wait       *wait,
              guint       first,
              guint       n)
{
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (PbRenderRequest));

  for (guint i = first; i < first + n; i++)
    g_array_append_val (requests, ((PbRenderRequest) { i, SCALE, PB_RENDER_PRIORITY_VISIBLE }));

  wait->n_wanted = n;
  wait->n_done = 0;
  pb_document_request_renders (document, (PbRenderRequest *)(gpointer)requests->data, requests->len);
  g_main_loop_run (wait->loop);
}

static double
time_ours (const char *pdf,
           guint       n_pages)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(PbDocument) document = NULL;
      Wait wait = { g_main_loop_new (NULL, FALSE), 0, 0, NULL };
      double start = now_ms (), elapsed;

      document = pb_document_new_from_file (pdf, NULL, NULL);
      g_signal_connect (document, "page-rendered", G_CALLBACK (rendered_cb), &wait);
      render_pages (document, &wait, 0, n_pages);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);

      g_main_loop_unref (wait.loop);
    }

  return pb_test_median (times);
}

static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return 0;

  return (gsize)g_ascii_strtoull (line + strlen (field), NULL, 10);
}

static void
bench_memory (const char *pdf)
{
  g_autoptr(PbDocument) document = pb_document_new_from_file (pdf, NULL, NULL);
  g_autoptr(PbPageCache) cache = pb_page_cache_new (CACHE_BUDGET);
  Wait wait = { g_main_loop_new (NULL, FALSE), 0, 0, cache };
  guint n = pb_document_get_n_pages (document);
  gsize before = status_kb ("VmRSS:");
  double start = now_ms ();

  g_signal_connect (document, "page-rendered", G_CALLBACK (rendered_cb), &wait);

  /* Scroll down a screen (two pages) at a time, as the view does. */
  for (guint first = 0; first < n; first += 2)
    {
      guint count = MIN (2, n - first);

      pb_page_cache_pin_range (cache, first, first + count - 1);
      render_pages (document, &wait, first, count);
    }

  printf ("memory: scrolled %u pages in %.0f ms; cache %.0f MB of a %d MB budget; "
          "peak RSS %.0f MB (%.0f MB above the start; target: budget + 100 MB)\n",
          n, now_ms () - start, pb_page_cache_get_size (cache) / 1048576.0,
          CACHE_BUDGET / 1048576, status_kb ("VmHWM:") / 1024.0,
          (status_kb ("VmHWM:") - before) / 1024.0);

  g_main_loop_unref (wait.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *stress = pb_test_corpus_path ("synthetic/stress-300p.pdf");
  g_autofree char *out_dir = NULL;
  double ref_one, ours_one, ref_twenty, ours_twenty;

  if (stress == NULL)
    {
      printf ("render: skipped, the shared corpus is not here (set PB_CORPUS_DIR)\n");
      return 0;
    }

  out_dir = pb_test_make_dir ();

  ref_one = time_pdftoppm (stress, 1, out_dir);
  ours_one = time_ours (stress, 1);
  printf ("render: open to first page, median of %d: pdftoppm %.1f ms, reader %.1f ms, ratio %.2f "
          "(target: at most 1.5)\n", RUNS, ref_one, ours_one, ours_one / ref_one);

  ref_twenty = time_pdftoppm (stress, 20, out_dir);
  ours_twenty = time_ours (stress, 20);
  printf ("render: 20 pages, median of %d: pdftoppm %.1f ms, reader %.1f ms, ratio %.2f\n",
          RUNS, ref_twenty, ours_twenty, ours_twenty / ref_twenty);

  bench_memory (stress);

  pb_test_remove_dir (out_dir);
  return 0;
}
