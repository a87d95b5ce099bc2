/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <libglib-testing/signal-logger.h>

#include "pb-import-job.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-search.h"
#include "pb-test-util.h"

typedef struct
{
  char      *dir;          /* source files */
  char      *library_dir;
  char      *reports_dir;
  PbLibrary *library;
} Fixture;

static const char * const three_pages[] = {
  "Inspection of Fernleigh children's services\nThe first page talks about leadership.",
  "Children in care live in stable homes.\nPersonal education plans are strong.",
  "Care leavers receive a generous local offer.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->reports_dir = g_build_filename (f->library_dir, "reports", NULL);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->reports_dir);
  g_free (f->library_dir);
  g_free (f->dir);
}

static gint64
import_ok (Fixture        *f,
           const char     *path,
           const char     *password,
           PbImportStatus  expected_status)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, password, NULL, NULL, NULL, &status, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, expected_status);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Imports a file that must fail, and checks that it left nothing behind. */
static void
import_fails (Fixture       *f,
              const char    *path,
              const char    *password,
              PbImportError  expected,
              const char    *expected_words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_IMPORTED;
  gint64 reports_before = pb_test_count_rows (f->library_dir, "reports");
  gint64 pages_before = pb_test_count_rows (f->library_dir, "report_pages");
  guint files_before = pb_test_count_files (f->reports_dir);
  gint64 id = -1;

  g_assert_false (pb_import_file (f->library, file, password, NULL, NULL, NULL, &status, &id, &error));
  g_assert_error (error, PB_IMPORT_ERROR, (gint)expected);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_FAILED);
  g_assert_cmpint (id, ==, 0);
  if (expected_words != NULL)
    g_assert_nonnull (strstr (error->message, expected_words));

  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, reports_before);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, pages_before);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, files_before);
}

static void
test_import_text_per_page (Fixture       *f,
                           gconstpointer  data)
{
  PbTestPdfOptions options = { .title = "Fernleigh inspection" };
  g_autofree char *path = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)three_pages, &options);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  report = pb_library_get_report (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_report_get_title (report), ==, "Fernleigh inspection");
  g_assert_cmpstr (pb_report_get_file_name (report), ==, "fernleigh.pdf");
  g_assert_cmpuint (pb_report_get_page_count (report), ==, 3);
  g_assert_true (pb_report_get_has_text_layer (report));
  g_assert_nonnull (pb_report_get_imported_at (report));

  for (guint page = 1; page <= 3; page++)
    {
      g_autofree char *text = pb_library_dup_page_text (f->library, id, page, &error);
      g_auto(GStrv) lines = g_strsplit (three_pages[page - 1], "\n", -1);

      g_assert_no_error (error);
      for (guint i = 0; lines[i]; i++)
        g_assert_nonnull (strstr (text, lines[i]));
    }

  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, 3);
}

static void
test_import_stores_private_copy (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "copy.pdf", (const char **)three_pages, NULL);
  g_autofree char *original = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(PbReport) report = NULL;
  gsize original_len, stored_len;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  g_assert_true (g_file_get_contents (path, &original, &original_len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)original, original_len);

  report = pb_library_get_report (f->library, id, NULL);
  g_assert_cmpstr (pb_report_get_sha256 (report), ==, sha);

  stored_path = pb_library_dup_report_path (f->library, sha);
  g_assert_true (g_file_get_contents (stored_path, &stored, &stored_len, NULL));
  g_assert_cmpmem (original, original_len, stored, stored_len);
  g_assert_cmpuint (pb_test_file_mode (stored_path), ==, 0600);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 1);
}

static void
test_import_duplicate (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "a.pdf", (const char **)three_pages, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *renamed = NULL;
  gsize len;
  gint64 first, second, third;

  first = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);
  second = import_ok (f, path, NULL, PB_IMPORT_STATUS_DUPLICATE);

  /* The same bytes under another name are the same report. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  renamed = pb_test_write_file (f->dir, "renamed copy.pdf", contents, len);
  third = import_ok (f, renamed, NULL, PB_IMPORT_STATUS_DUPLICATE);

  g_assert_cmpint (first, ==, second);
  g_assert_cmpint (first, ==, third);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 1);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, 3);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 1);
}

static void
test_import_duplicate_restores_missing_copy (Fixture       *f,
                                             gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "a.pdf", (const char **)three_pages, NULL);
  g_autoptr(PbReport) report = NULL;
  g_autofree char *stored = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  report = pb_library_get_report (f->library, id, NULL);
  stored = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
  g_assert_cmpint (g_unlink (stored), ==, 0);

  import_ok (f, path, NULL, PB_IMPORT_STATUS_DUPLICATE);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
}

static void
test_import_search_hit (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "search.pdf", (const char **)three_pages, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  hits = pb_library_search (f->library, "education plans", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (pb_search_hit_get_report_id (g_ptr_array_index (hits, 0)), ==, id);
  g_assert_cmpuint (pb_search_hit_get_page (g_ptr_array_index (hits, 0)), ==, 2);

  snippet = pb_search_hit_dup_snippet (g_ptr_array_index (hits, 0));
  g_assert_nonnull (strstr (snippet, "education plans"));
}

static void
test_import_title_fallbacks (Fixture       *f,
                             gconstpointer  data)
{
  PbTestPdfOptions heading = { .heading = "Annual report of the fostering panel" };
  PbTestPdfOptions draft = { .title = "Barnwick - Draft Report", .heading = "Barnwick Council" };
  g_autofree char *with_heading = pb_test_write_pdf (f->dir, "h.pdf", (const char **)three_pages, &heading);
  g_autofree char *with_draft = pb_test_write_pdf (f->dir, "d.pdf", (const char **)three_pages, &draft);
  g_autofree char *plain = pb_test_write_pdf (f->dir, "Panel minutes March.pdf", (const char **)three_pages, NULL);
  g_autoptr(PbReport) a = pb_library_get_report (f->library, import_ok (f, with_heading, NULL, PB_IMPORT_STATUS_IMPORTED), NULL);
  g_autoptr(PbReport) b = pb_library_get_report (f->library, import_ok (f, with_draft, NULL, PB_IMPORT_STATUS_IMPORTED), NULL);
  g_autoptr(PbReport) c = pb_library_get_report (f->library, import_ok (f, plain, NULL, PB_IMPORT_STATUS_IMPORTED), NULL);

  g_assert_cmpstr (pb_report_get_title (a), ==, "Annual report of the fostering panel");
  /* A leftover "draft" title in the metadata gives way to the heading. */
  g_assert_cmpstr (pb_report_get_title (b), ==, "Barnwick Council");
  g_assert_cmpstr (pb_report_get_title (c), ==, "Panel minutes March");
}

static void
test_import_no_text_layer (Fixture       *f,
                           gconstpointer  data)
{
  PbTestPdfOptions scan = { .no_text = TRUE };
  static const char * const pages[] = { "", "", NULL };
  g_autofree char *path = pb_test_write_pdf (f->dir, "scan.pdf", (const char **)pages, &scan);
  g_autoptr(PbReport) report = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  report = pb_library_get_report (f->library, id, NULL);
  g_assert_false (pb_report_get_has_text_layer (report));
  g_assert_cmpuint (pb_report_get_page_count (report), ==, 2);
}

static void
test_import_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = pb_test_write_file (f->dir, "empty.pdf", "", 0);
  import_fails (f, path, NULL, PB_IMPORT_ERROR_EMPTY, "empty");
}

static void
test_import_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = pb_test_write_file (f->dir, "report.pdf",
                                              "\n<!DOCTYPE html><html><head><title>Ofsted</title></head>"
                                              "<body>Report</body></html>", -1);
  import_fails (f, path, NULL, PB_IMPORT_ERROR_NOT_PDF, "web page");
}

static void
test_import_not_pdf (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree guint8 *noise = g_malloc (4096);
  g_autofree char *path = NULL;

  for (guint i = 0; i < 4096; i++)
    noise[i] = (guint8)((i * 2654435761u) >> 13);
  path = pb_test_write_file (f->dir, "noise.pdf", (const char *)noise, 4096);

  import_fails (f, path, NULL, PB_IMPORT_ERROR_NOT_PDF, "not a PDF");
}

static void
test_import_damaged (Fixture       *f,
                     gconstpointer  data)
{
  static const char *damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                               "garbage garbage garbage\n%%EOF\n";
  g_autofree char *path = pb_test_write_file (f->dir, "damaged.pdf", damaged, -1);

  import_fails (f, path, NULL, PB_IMPORT_ERROR_DAMAGED, "damaged");
}

static void
test_import_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *whole = pb_test_write_pdf (f->dir, "whole.pdf", (const char **)three_pages, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize len;

  /* The header and a few bytes survive: no page can be recovered. */
  g_assert_true (g_file_get_contents (whole, &contents, &len, NULL));
  path = pb_test_write_file (f->dir, "truncated.pdf", contents, MIN (len, 200));

  import_fails (f, path, NULL, PB_IMPORT_ERROR_DAMAGED, "damaged");
}

static void
test_import_unreadable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.pdf", NULL);

  import_fails (f, missing, NULL, PB_IMPORT_ERROR_UNREADABLE, "could not be read");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  import_fails (f, folder, NULL, PB_IMPORT_ERROR_UNREADABLE, "folder");
}

static void
test_import_encrypted (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *plain = pb_test_write_pdf (f->dir, "secret.pdf", (const char **)three_pages, NULL);
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "corporate-parent");
  g_autoptr(PbReport) report = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (locked == NULL)
    return;

  import_fails (f, locked, NULL, PB_IMPORT_ERROR_ENCRYPTED, "password");
  import_fails (f, locked, "wrong", PB_IMPORT_ERROR_WRONG_PASSWORD, "password");

  id = import_ok (f, locked, "corporate-parent", PB_IMPORT_STATUS_IMPORTED);
  report = pb_library_get_report (f->library, id, NULL);
  g_assert_cmpuint (pb_report_get_page_count (report), ==, 3);
  text = pb_library_dup_page_text (f->library, id, 3, NULL);
  g_assert_nonnull (strstr (text, "generous local offer"));
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  guint         calls;
} CancelState;

static void
cancel_progress_cb (double   fraction,
                    gpointer user_data)
{
  CancelState *state = user_data;

  state->calls++;
  if (fraction >= state->cancel_at)
    g_cancellable_cancel (state->cancellable);
}

static void
test_import_cancel_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  const double cancel_points[] = { 0.05, 0.5, 0.94 };

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Page %u of a long report about children in care.", i + 1));
  g_ptr_array_add (pages, NULL);
  path = pb_test_write_pdf (f->dir, "long.pdf", (const char **)pages->pdata, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cancel_points); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      CancelState state = { g_cancellable_new (), cancel_points[i], 0 };

      g_assert_false (pb_import_file (f->library, file, NULL, state.cancellable,
                                      cancel_progress_cb, &state, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (state.calls, >, 0);
      g_object_unref (state.cancellable);

      g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
      g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, 0);
      g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages_fts"), ==, 0);
      g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 0);
    }

  /* The library is still fine: the same file imports afterwards. */
  import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);
}

static void
record_fraction_cb (double   fraction,
                    gpointer user_data)
{
  g_array_append_val ((GArray *)user_data, fraction);
}

static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "p.pdf", (const char **)three_pages, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (pb_import_file (f->library, file, NULL, NULL, record_fraction_cb, fractions,
                                 NULL, NULL, NULL));

  g_assert_cmpuint (fractions->len, >=, 4);   /* the copy, three pages, the end */
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
} JobState;

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobState *state = user_data;

  state->results = pb_import_job_run_finish (PB_IMPORT_JOB (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_import_job_batch (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *good = pb_test_write_pdf (f->dir, "good.pdf", (const char **)three_pages, NULL);
  g_autofree char *bad = pb_test_write_file (f->dir, "bad.pdf", "", 0);
  g_autoptr(GFile) file_good = g_file_new_for_path (good);
  g_autoptr(GFile) file_bad = g_file_new_for_path (bad);
  GFile *files[] = { file_good, file_bad, file_good };
  g_autoptr(PbImportJob) job = pb_import_job_new (f->library, files, G_N_ELEMENTS (files));
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbReport) added = NULL;
  JobState state = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  PbImportResult *result = NULL;

  gt_signal_logger_connect (logger, f->library, "report-added");
  gt_signal_logger_connect (logger, job, "file-finished");

  /* One file after another, so that the outcomes come in the files' order. */
  pb_import_job_set_n_workers (job, 1);
  pb_import_job_run_async (job, NULL, job_done_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.results->len, ==, 3);
  g_assert_cmpint (pb_import_result_get_status (g_ptr_array_index (state.results, 0)), ==, PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (pb_import_result_get_status (g_ptr_array_index (state.results, 1)), ==, PB_IMPORT_STATUS_FAILED);
  g_assert_error ((GError *)pb_import_result_get_error (g_ptr_array_index (state.results, 1)),
                  PB_IMPORT_ERROR, PB_IMPORT_ERROR_EMPTY);
  g_assert_cmpint (pb_import_result_get_status (g_ptr_array_index (state.results, 2)), ==, PB_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpuint (pb_import_job_get_n_done (job), ==, 3);
  g_assert_cmpfloat (pb_import_job_get_fraction (job), ==, 1.0);

  /* On the main thread, in order: the report, then each file's outcome. */
  gt_signal_logger_assert_emission_pop (logger, f->library, "report-added", &added);
  g_assert_cmpint (pb_report_get_id (added), ==,
                   pb_import_result_get_report_id (g_ptr_array_index (state.results, 0)));
  for (guint i = 0; i < 3; i++)
    {
      gt_signal_logger_assert_emission_pop (logger, job, "file-finished", &result);
      g_assert_true (result == g_ptr_array_index (state.results, i));
      g_clear_object (&result);
    }
  gt_signal_logger_assert_no_emissions (logger);

  g_ptr_array_unref (state.results);
  g_main_loop_unref (state.loop);
}

static void
test_import_job_cancel (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *good = pb_test_write_pdf (f->dir, "good.pdf", (const char **)three_pages, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PbImportJob) job = pb_import_job_new (f->library, &file, 1);
  JobState state = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  g_cancellable_cancel (cancellable);
  pb_import_job_run_async (job, cancellable, job_done_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_null (state.results);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 0);

  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

static void
test_remove_report (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "r.pdf", (const char **)three_pages, NULL);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);
  gint64 removed_id = 0;

  gt_signal_logger_connect (logger, f->library, "report-removed");

  g_assert_true (pb_library_remove_report (f->library, id, &error));
  g_assert_no_error (error);

  gt_signal_logger_assert_emission_pop (logger, f->library, "report-removed", &removed_id);
  g_assert_cmpint (removed_id, ==, id);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "report_pages"), ==, 0);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 0);

  hits = pb_library_search (f->library, "leavers", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* What killed imports (and the backups they take) leave behind, recognised
 * by its own marks, goes; what a live import, backup or report uses stays;
 * and so does a stored PDF that no row points at, which may be all that is
 * left of a report. */
static void
test_clean_leftovers (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "kept.pdf", (const char **)three_pages, NULL);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *orphan_sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  const char *placed_sha = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  const char *live_sha = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
  g_autofree char *orphan = g_strdup_printf ("%s/%s.pdf", f->reports_dir, orphan_sha);
  g_autofree char *placed = g_strdup_printf ("%s/%s.pdf", f->reports_dir, placed_sha);
  g_autofree char *placed_journal = g_strdup_printf ("%s/.import-%s.journal", f->reports_dir, placed_sha);
  g_autofree char *live = g_strdup_printf ("%s/%s.pdf", f->reports_dir, live_sha);
  g_autofree char *live_journal = g_strdup_printf ("%s/.import-%s.journal", f->reports_dir, live_sha);
  g_autofree char *stale_part = g_build_filename (f->reports_dir, ".import-AAAAAA.part", NULL);
  g_autofree char *live_part = g_build_filename (f->reports_dir, ".import-BBBBBB.part", NULL);
  g_autofree char *other = g_build_filename (f->reports_dir, "notes.txt", NULL);
  g_autofree char *backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  g_autofree char *stale_backup = g_build_filename (backups_dir, ".library-CCCCCC.part", NULL);
  g_autofree char *stale_backup_journal = g_build_filename (backups_dir, ".library-CCCCCC.part-journal", NULL);
  g_autofree char *live_backup = g_build_filename (backups_dir, ".library-DDDDDD.part", NULL);
  int live_backup_fd;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);
  g_autofree char *kept_journal = NULL;
  int live_fd, live_journal_fd;

  report = pb_library_get_report (f->library, id, NULL);
  kept = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
  kept_journal = g_strdup_printf ("%s/.import-%s.journal", f->reports_dir, pb_report_get_sha256 (report));

  g_assert_true (g_file_set_contents (orphan, "%PDF-1.4 orphan", -1, NULL));
  g_assert_true (g_file_set_contents (placed, "%PDF-1.4 placed, never committed", -1, NULL));
  g_assert_true (g_file_set_contents (placed_journal, placed_sha, -1, NULL));
  g_assert_true (g_file_set_contents (live, "%PDF-1.4 being placed", -1, NULL));
  g_assert_true (g_file_set_contents (live_journal, live_sha, -1, NULL));
  /* Killed after the commit, before the journal went: the report keeps its file. */
  g_assert_true (g_file_set_contents (kept_journal, "", -1, NULL));
  g_assert_true (g_file_set_contents (stale_part, "%PDF-1.4 partial", -1, NULL));
  g_assert_true (g_file_set_contents (live_part, "%PDF-1.4 partial", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  /* A backup killed part-way (the day's first, which an import takes) left
   * its partial file and that file's journal; a running one holds its own. */
  g_assert_cmpint (g_mkdir_with_parents (backups_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale_backup, "SQLite format 3", -1, NULL));
  g_assert_true (g_file_set_contents (stale_backup_journal, "", -1, NULL));
  g_assert_true (g_file_set_contents (live_backup, "SQLite format 3", -1, NULL));
  live_backup_fd = g_open (live_backup, O_RDONLY, 0);
  g_assert_cmpint (flock (live_backup_fd, LOCK_EX), ==, 0);

  /* An import in progress holds a lock on its partial copy and its journal. */
  live_fd = g_open (live_part, O_RDONLY, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);
  live_journal_fd = g_open (live_journal, O_RDONLY, 0);
  g_assert_cmpint (flock (live_journal_fd, LOCK_EX), ==, 0);

  pb_import_clean_leftovers (f->library);

  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (kept_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (placed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (placed_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_backup_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_backup, G_FILE_TEST_EXISTS));
  g_close (live_backup_fd, NULL);

  /* The orphan is listed; the file being placed is not (it has its journal). */
  orphans = pb_import_list_orphans (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (orphans, 0), ==, orphan_sha);

  g_close (live_fd, NULL);
  g_close (live_journal_fd, NULL);
  pb_import_clean_leftovers (f->library);
  g_assert_false (g_file_test (live_part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (orphan, G_FILE_TEST_EXISTS));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* The database is replaced by an older copy (a backup restored by hand), then
 * emptied: the reports imported since must still be on disk, listed as
 * orphans, and an import of something else must not delete them. */
static void
test_replaced_database_keeps_files (Fixture       *f,
                                    gconstpointer  data)
{
  static const char * const first[] = { "The first report, imported before the copy.", NULL };
  static const char * const second[] = { "The second report, imported after the copy.", NULL };
  static const char * const third[] = { "The third report, imported after the restore.", NULL };
  g_autofree char *first_pdf = pb_test_write_pdf (f->dir, "first.pdf", (const char **)first, NULL);
  g_autofree char *second_pdf = pb_test_write_pdf (f->dir, "second.pdf", (const char **)second, NULL);
  g_autofree char *third_pdf = pb_test_write_pdf (f->dir, "third.pdf", (const char **)third, NULL);
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autofree char *old_copy = g_build_filename (f->dir, "old-library.db", NULL);
  g_autoptr(PbReport) second_report = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second_sha = NULL;
  gint64 second_id;

  import_ok (f, first_pdf, NULL, PB_IMPORT_STATUS_IMPORTED);

  /* A copy as a careful user takes it: with the library closed. */
  pb_test_wait_for_finalize (g_steal_pointer (&f->library));
  copy_file (db_path, old_copy);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  second_id = import_ok (f, second_pdf, NULL, PB_IMPORT_STATUS_IMPORTED);
  second_report = pb_library_get_report (f->library, second_id, NULL);
  second_sha = g_strdup (pb_report_get_sha256 (second_report));
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 2);

  /* The older copy goes back into place. */
  pb_test_wait_for_finalize (g_steal_pointer (&f->library));
  copy_file (old_copy, db_path);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  pb_import_clean_leftovers (f->library);
  import_ok (f, third_pdf, NULL, PB_IMPORT_STATUS_IMPORTED);
  pb_import_clean_leftovers (f->library);

  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 2);
  g_assert_cmpuint (pb_test_count_files (f->reports_dir), ==, 3);

  orphans = pb_import_list_orphans (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (orphans, 0), ==, second_sha);
}

/* Removing a report deletes its file only when no backup lists it. */
static void
test_remove_keeps_file_a_backup_needs (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *path = pb_test_write_pdf (f->dir, "r.pdf", (const char **)three_pages, NULL);
  g_autofree char *backups_dir = g_build_filename (f->library_dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups_dir, "library-by-hand.db", NULL);
  g_autofree char *db_path = g_build_filename (f->library_dir, "library.db", NULL);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  gint64 id = import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);

  report = pb_library_get_report (f->library, id, NULL);
  file = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));

  pb_test_wait_for_finalize (g_steal_pointer (&f->library));
  g_assert_cmpint (g_mkdir_with_parents (backups_dir, 0700), ==, 0);
  copy_file (db_path, backup);
  f->library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);

  g_assert_true (pb_library_remove_report (f->library, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Kept for the backup, it is not an orphan to re-attach. */
  orphans = pb_import_list_orphans (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Imported again, the report is whole and no longer counted as removed. */
  import_ok (f, path, NULL, PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "removed_reports"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/import/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("text-per-page", test_import_text_per_page);
  ADD ("private-copy", test_import_stores_private_copy);
  ADD ("duplicate", test_import_duplicate);
  ADD ("duplicate-restores-copy", test_import_duplicate_restores_missing_copy);
  ADD ("search-hit", test_import_search_hit);
  ADD ("title-fallbacks", test_import_title_fallbacks);
  ADD ("no-text-layer", test_import_no_text_layer);
  ADD ("progress", test_import_progress);
  ADD ("bad/empty", test_import_empty);
  ADD ("bad/html", test_import_html);
  ADD ("bad/not-pdf", test_import_not_pdf);
  ADD ("bad/damaged", test_import_damaged);
  ADD ("bad/truncated", test_import_truncated);
  ADD ("bad/unreadable", test_import_unreadable);
  ADD ("bad/encrypted", test_import_encrypted);
  ADD ("cancel-leaves-nothing", test_import_cancel_leaves_nothing);
  ADD ("job/batch", test_import_job_batch);
  ADD ("job/cancel", test_import_job_cancel);
  ADD ("remove", test_remove_report);
  ADD ("clean-leftovers", test_clean_leftovers);
  ADD ("replaced-database-keeps-files", test_replaced_database_keeps_files);
  ADD ("remove-keeps-file-a-backup-needs", test_remove_keeps_file_a_backup_needs);
#undef ADD

  return g_test_run ();
}
