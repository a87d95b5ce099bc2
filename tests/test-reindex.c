/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-reindex.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-search.h"
#include "pb-test-util.h"

/* A library read by an older page-text builder is read again: its search
 * index, its reports' structure and fingerprints brought up to date, its
 * findings kept and placed again by their quotes. */

typedef struct
{
  char      *dir;
  char      *library_dir;
  PbLibrary *library;
  gint64     ligatures;
  gint64     turned;
  gint64     finding;
  char      *ligatures_pdf;
} Fixture;

static const char * const ligature_lines[] = {
  "The local authority has modi\xef\xac\x81" "ed the su\xef\xac\x83" "ciency strategy.",
  "Sta\xef\xac\x80 re\xef\xac\x82" "ect on the o\xef\xac\x83" "cial report.",
  NULL
};

static const char * const turned_lines[] = {
  "Panel briefing: a turned page",
  "Care leavers are well supported by personal advisers.",
  NULL
};

static gint64
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, &error);
  g_assert_no_error (error);
  return id;
}

static void
sql (Fixture    *f,
     const char *statement)
{
  g_autofree char *path = g_build_filename (f->library_dir, "library.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_hits (Fixture    *f,
            const char *query)
{
  g_autoptr(GPtrArray) hits = pb_library_search (f->library, query, 50, NULL);

  g_assert_nonnull (hits);
  return hits->len;
}

/* Two reports and a finding, then the library as an older Panel Brief left
 * it: ligatures kept in the text, a turned page read a letter a line, no
 * fingerprints, nothing indexed besides the pages, and the finding's
 * rectangles lost. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  PbTestPage ligatures = { ligature_lines, NULL, NULL, 0, 0 };
  PbTestPage turned = { turned_lines, NULL, NULL, 0, 0 };
  g_autofree char *upright = NULL;
  g_autofree char *turned_pdf = NULL;
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GArray) anchors = NULL;
  static const char * const cohorts[] = { "children_in_care", NULL };

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->library = pb_test_open_library (f->dir);

  f->ligatures_pdf = pb_test_kinds_write_pdf (f->dir, "ligatures.pdf", &ligatures, 1, "Sufficiency review");
  upright = pb_test_kinds_write_pdf (f->dir, "turned.pdf", &turned, 1, "Turned briefing");
  turned_pdf = pb_test_kinds_qpdf (upright, ".90.pdf", "--rotate=+90", NULL);
  f->ligatures = import (f, f->ligatures_pdf);
  f->turned = import (f, turned_pdf);

  report = pb_library_get_report (f->library, f->ligatures, NULL);
  anchors = pb_pdf_locate_quote (f->ligatures_pdf, NULL, 1, "modified the sufficiency strategy", NULL);
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, "modified the sufficiency strategy");
  pb_finding_set_cohorts (finding, cohorts);
  pb_finding_set_kind (finding, PB_FINDING_KIND_CONTEXT);
  f->finding = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpint (f->finding, >, 0);

  sql (f, "UPDATE reports SET text_version = 1, text_fingerprint = NULL;"
          "UPDATE report_pages SET text = 'The local authority has modi' || char (64257) || 'ed the su'"
          "  || char (64259) || 'ciency strategy.' WHERE text LIKE 'The local%';"
          "UPDATE report_pages SET text = 'P\na\nn\ne\nl' WHERE text LIKE 'Panel%';"
          "DELETE FROM report_page_extras;"
          "UPDATE findings SET quads = '[]';");

  g_assert_cmpuint (count_hits (f, "modified"), ==, 0);
  g_assert_cmpuint (count_hits (f, "leavers"), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->library_dir);
  g_free (f->ligatures_pdf);
}

static void
assert_brought_up_to_date (Fixture *f)
{
  g_autoptr(PbFinding) finding = pb_library_get_finding (f->library, f->finding, NULL);
  g_autoptr(GPtrArray) words = pb_test_kinds_words (f->ligatures_pdf, NULL);
  g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "modified the sufficiency strategy.");

  g_assert_cmpuint (pb_library_count_stale_reports (f->library, NULL), ==, 0);
  g_assert_cmpuint (count_hits (f, "modified"), ==, 1);
  g_assert_cmpuint (count_hits (f, "leavers"), ==, 1);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);

  /* The finding is kept, and placed on its words again. */
  g_assert_cmpstr (pb_finding_get_quote (finding), ==, "modified the sufficiency strategy");
  pb_test_kinds_assert_covered (pb_finding_get_anchors (finding), run);

  /* Fingerprinted: the same report saved again is recognised. */
  {
    g_autofree char *again = pb_test_kinds_qpdf (f->ligatures_pdf, ".again.pdf", "--object-streams=generate", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (again);
    g_autoptr(GError) error = NULL;

    g_assert_false (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);
  }
}

static void
test_reindex (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) locked = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;

  g_assert_cmpuint (pb_library_count_stale_reports (f->library, NULL), ==, 2);
  g_assert_true (pb_library_reindex (f->library, FALSE, NULL, NULL, NULL, &n_done, &locked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 2);
  g_assert_cmpuint (locked->len, ==, 0);

  assert_brought_up_to_date (f);

  /* Nothing left to do. */
  g_clear_pointer (&locked, g_ptr_array_unref);
  g_assert_true (pb_library_reindex (f->library, FALSE, NULL, NULL, NULL, &n_done, &locked, &error));
  g_assert_cmpuint (n_done, ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  guint      n_progress;
  guint      last_done;
  guint      last_total;
  gboolean   saw_title;
  gboolean   finished;
  guint      n_done;
  GError    *error;
} Waiting;

static void
progress_cb (guint       n_done,
             guint       n_total,
             const char *title,
             gpointer    user_data)
{
  Waiting *waiting = user_data;

  g_assert_false (waiting->finished);
  waiting->n_progress++;
  waiting->last_done = n_done;
  waiting->last_total = n_total;
  waiting->saw_title = waiting->saw_title || g_strcmp0 (title, "Turned briefing") == 0;
}

static void
reindexed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiting *waiting = user_data;
  g_autoptr(GPtrArray) locked = NULL;

  pb_library_reindex_finish (PB_LIBRARY (source), result, &waiting->n_done, &locked, &waiting->error);
  waiting->finished = TRUE;
  g_main_loop_quit (waiting->loop);
}

/* In the background, with progress delivered on the caller's thread. */
static void
test_reindex_async (Fixture       *f,
                    gconstpointer  data)
{
  Waiting waiting = { g_main_loop_new (NULL, FALSE), 0 };

  pb_library_reindex_async (f->library, NULL, progress_cb, &waiting, NULL, reindexed_cb, &waiting);
  g_main_loop_run (waiting.loop);
  g_main_loop_unref (waiting.loop);

  g_assert_no_error (waiting.error);
  g_assert_cmpuint (waiting.n_done, ==, 2);
  g_assert_cmpuint (waiting.n_progress, ==, 3);     /* before each report, and at the end */
  g_assert_cmpuint (waiting.last_done, ==, 2);
  g_assert_cmpuint (waiting.last_total, ==, 2);
  g_assert_true (waiting.saw_title);

  assert_brought_up_to_date (f);
}

/* A report protected by a password is left for later, and named. */
static void
test_reindex_locked (Fixture       *f,
                     gconstpointer  data)
{
  PbTestPage page = { turned_lines, NULL, NULL, 0, 0 };
  g_autofree char *plain = pb_test_kinds_write_pdf (f->dir, "exempt.pdf", &page, 1, "Exempt briefing");
  g_autofree char *locked_pdf = pb_test_encrypt_pdf (plain, "panel");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) locked = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;
  gint64 id = 0;

  if (locked_pdf == NULL)
    return;

  file = g_file_new_for_path (locked_pdf);
  g_assert_true (pb_import_file_full (f->library, file, "panel", PB_IMPORT_ANYWAY, NULL, NULL, NULL,
                                      NULL, &id, &error));
  sql (f, "UPDATE reports SET text_version = 1");
  pb_pdf_forget_passwords ();

  g_assert_true (pb_library_reindex (f->library, FALSE, NULL, NULL, NULL, &n_done, &locked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 2);
  g_assert_cmpuint (locked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (locked, 0), ==, "Exempt briefing");
  g_assert_cmpuint (pb_library_count_stale_reports (f->library, NULL), ==, 1);

  /* With its password, it is done too. */
  g_assert_true (pb_library_reindex_report (f->library, id, "panel", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pb_library_count_stale_reports (f->library, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reindex/sync", Fixture, NULL, fixture_setup, test_reindex, fixture_teardown);
  g_test_add ("/reindex/async", Fixture, NULL, fixture_setup, test_reindex_async, fixture_teardown);
  g_test_add ("/reindex/locked", Fixture, NULL, fixture_setup, test_reindex_locked, fixture_teardown);

  return g_test_run ();
}
