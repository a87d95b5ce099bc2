/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-reanchor.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* Placing a finding again on the 300-page stress report, its quote on the
 * last page and its stored page the first, so every page is read: how long
 * the caller's thread is held by pb_library_reanchor_finding(), and by
 * pb_library_reanchor_finding_async() (the call, then the callback), against
 * the time the whole job takes. */

#define QUOTE "Adoption planning is actively and carefully considered for children at the earliest opportunity"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct
{
  GMainLoop *loop;
  double     callback_ms;
  gboolean   placed;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;
  double start = now_ms ();

  wait->placed = pb_library_reanchor_finding_finish (PB_LIBRARY (object), result, NULL);
  wait->callback_ms = now_ms () - start;
  g_main_loop_quit (wait->loop);
}

static gint64
add_misplaced (PbLibrary  *library,
               const char *sha256)
{
  static const char * const cohorts[] = { "children_in_care", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };

  pb_finding_set_report_sha256 (finding, sha256);
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, QUOTE);
  pb_finding_set_cohorts (finding, cohorts);
  return pb_library_add_finding (library, finding, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *corpus = g_getenv ("PB_CORPUS_DIR");
  g_autofree char *pdf = g_build_filename (corpus ? corpus : ".", "synthetic", "stress-300p.pdf", NULL);
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(PbLibrary) library = pb_library_open (library_dir, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), 0, FALSE };
  double start, sync_ms, call_ms, total_ms;
  gint64 report_id = 0;

  if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
    {
      printf ("reanchor: %s not found, skipped\n", pdf);
      return 0;
    }
  if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &report_id, &error))
    g_error ("import failed: %s", error->message);
  report = pb_library_get_report (library, report_id, NULL);

  start = now_ms ();
  if (!pb_library_reanchor_finding (library, add_misplaced (library, pb_report_get_sha256 (report)), &error))
    g_error ("reanchor failed: %s", error->message);
  sync_ms = now_ms () - start;

  /* Twice: the first also starts GLib's pool of worker threads. */
  for (guint run = 0; run < 2; run++)
    {
      gint64 id = add_misplaced (library, pb_report_get_sha256 (report));

      start = now_ms ();
      pb_library_reanchor_finding_async (library, id, NULL, done_cb, &wait);
      call_ms = now_ms () - start;
      g_main_loop_run (wait.loop);
      total_ms = now_ms () - start;
      if (!wait.placed)
        g_error ("asynchronous reanchor failed");
    }

  printf ("reanchor: 300 pages, quote on the last: blocking call holds the caller %.0f ms\n", sync_ms);
  printf ("reanchor: asynchronous: the call holds it %.2f ms and the callback %.2f ms, of %.0f ms in all\n",
          call_ms, wait.callback_ms, total_ms);

  g_main_loop_unref (wait.loop);
  g_clear_object (&library);
  pb_test_remove_dir (dir);
  return 0;
}
