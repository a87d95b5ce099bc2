/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-reanchor.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* Placing a finding again off the main thread: on a worker with its own
 * connection, the caller's library saying the finding changed before the
 * callback runs. */

typedef struct
{
  char         *dir;
  PbLibrary    *library;
  PbReport     *report;
  GMainLoop    *loop;
  GAsyncResult *result;
  GString      *log;
} Fixture;

static const char * const pages[] = {
  "Children in care live in stable homes.\nThe virtual school is effective.",
  "Pathway plans for care leavers are not\nconsistently updated when things change.",
  "Leaders know their services well.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id = 0;

  f->dir = pb_test_make_dir ();
  pdf = pb_test_write_pdf (f->dir, "r.pdf", (const char **)pages, &(PbTestPdfOptions) { .title = "Report" });
  f->library = pb_test_open_library (f->dir);
  file = g_file_new_for_path (pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  f->report = pb_library_get_report (f->library, id, NULL);
  f->loop = g_main_loop_new (NULL, FALSE);
  f->log = g_string_new (NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->result);
  g_main_loop_unref (f->loop);
  g_string_free (f->log, TRUE);
  g_assert_finalize_object (f->report);
  /* The worker's task lets go of the library once its thread is done. */
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A finding whose rectangles are on page 1 while its quote is on page 2. */
static gint64
add_misplaced_finding (Fixture    *f,
                       const char *quote)
{
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (f->report));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, cohorts);
  return pb_library_add_finding (f->library, finding, NULL);
}

static void
changed_cb (PbLibrary *library,
            gint64     id,
            Fixture   *f)
{
  g_string_append_printf (f->log, "changed %" G_GINT64_FORMAT ";", id);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  g_string_append (f->log, "done;");
  f->result = g_object_ref (result);
  g_main_loop_quit (f->loop);
}

static void
test_async_moves (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_misplaced_finding (f, "care leavers are not consistently updated");
  g_autoptr(PbFinding) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GArray *anchors;

  g_signal_connect (f->library, "finding-changed", G_CALLBACK (changed_cb), f);
  pb_library_reanchor_finding_async (f->library, id, NULL, done_cb, f);
  g_assert_cmpstr (f->log->str, ==, "");   /* not done on the caller's thread */
  g_main_loop_run (f->loop);

  g_assert_true (pb_library_reanchor_finding_finish (f->library, f->result, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("changed %" G_GINT64_FORMAT ";done;", id);
  g_assert_cmpstr (f->log->str, ==, expected);

  /* The worker's connection wrote it; this one reads it. */
  moved = pb_library_get_finding (f->library, id, NULL);
  anchors = pb_finding_get_anchors (moved);
  g_assert_cmpuint (pb_finding_get_page (moved), ==, 2);
  g_assert_cmpuint (anchors->len, ==, 2);
  g_assert_cmpuint (g_array_index (anchors, PbAnchor, 1).page, ==, 2);

  g_signal_handlers_disconnect_by_func (f->library, changed_cb, f);
}

static void
test_async_not_found (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_misplaced_finding (f, "nowhere in this report");
  g_autoptr(PbFinding) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->library, "finding-changed", G_CALLBACK (changed_cb), f);
  pb_library_reanchor_finding_async (f->library, id, NULL, done_cb, f);
  g_main_loop_run (f->loop);

  g_assert_false (pb_library_reanchor_finding_finish (f->library, f->result, &error));
  g_assert_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_QUOTE_NOT_FOUND);
  g_assert_cmpstr (f->log->str, ==, "done;");

  kept = pb_library_get_finding (f->library, id, NULL);
  g_assert_cmpuint (pb_finding_get_page (kept), ==, 1);
  g_signal_handlers_disconnect_by_func (f->library, changed_cb, f);
}

static void
test_async_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_misplaced_finding (f, "care leavers are not consistently updated");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PbFinding) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->library, "finding-changed", G_CALLBACK (changed_cb), f);
  g_cancellable_cancel (cancellable);
  pb_library_reanchor_finding_async (f->library, id, cancellable, done_cb, f);
  g_main_loop_run (f->loop);

  g_assert_false (pb_library_reanchor_finding_finish (f->library, f->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (f->log->str, ==, "done;");

  kept = pb_library_get_finding (f->library, id, NULL);
  g_assert_cmpuint (pb_finding_get_page (kept), ==, 1);
  g_signal_handlers_disconnect_by_func (f->library, changed_cb, f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reanchor/async-moves", Fixture, NULL, fixture_setup, test_async_moves, fixture_teardown);
  g_test_add ("/reanchor/async-not-found", Fixture, NULL, fixture_setup, test_async_not_found, fixture_teardown);
  g_test_add ("/reanchor/async-cancelled", Fixture, NULL, fixture_setup, test_async_cancelled, fixture_teardown);

  return g_test_run ();
}
