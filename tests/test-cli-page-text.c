/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pb-page-kinds.h"
#include "pb-test-cli.h"
#include "pb-test-util.h"

/* The command line on the inputs that trip page text up: a password given
 * where it is needed, a report saved again, a quote across a page break, and
 * a library read again after an upgrade. */

typedef struct
{
  char *dir;
  char *library_dir;
} Fixture;

static const char * const lines[] = {
  "12. Personal advisers keep in touch with almost all care leavers.",
  "13. Pathway plans for care leavers are not consistently",
  NULL
};

static const char * const next_lines[] = {
  "updated when their circumstances change, and some plans",
  "are not written with young people.",
  NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  if (g_getenv ("PB_BINARY") == NULL)
    g_error ("PB_BINARY must name the panel-brief binary");

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->library_dir);
  g_free (f->dir);
}

static char *
write_report (Fixture    *f,
              const char *name)
{
  PbTestPage pages[] = {
    { lines, "Page 1", "Inspection of Fernleigh", 0, 0 },
    { next_lines, "Page 2", "Inspection of Fernleigh", 0, 0 },
  };

  return pb_test_kinds_write_pdf (f->dir, name, pages, 2, "Fernleigh inspection");
}

static void
import_ok (Fixture    *f,
           const char *pdf,
           const char *password)
{
  g_auto(PbTestRun) run = { 0 };

  if (password != NULL)
    pb_test_run_cli (&run, "import", "--library", f->library_dir, "--password", password, pdf, NULL);
  else
    pb_test_run_cli (&run, "import", "--library", f->library_dir, pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* A password is asked for plainly, and then each command takes it. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *plain = write_report (f, "exempt.pdf");
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");
  g_autofree char *out = NULL;
  g_auto(PbTestRun) asked = { 0 };
  g_auto(PbTestRun) wrong = { 0 };
  g_auto(PbTestRun) added = { 0 };
  g_auto(PbTestRun) refused = { 0 };
  g_auto(PbTestRun) exported = { 0 };

  if (locked == NULL)
    return;

  import_ok (f, locked, "panel");

  pb_test_run_cli (&asked, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
                   "--quote", "Personal advisers keep in touch", "--cohort", "care_leavers",
                   "--kind", "strength", NULL);
  pb_test_assert_one_line_error (&asked);
  g_assert_nonnull (strstr (asked.err, "is protected by a password: give it with --password"));
  g_assert_null (strstr (asked.err, "ncrypted"));

  pb_test_run_cli (&wrong, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
                   "--quote", "Personal advisers keep in touch", "--cohort", "care_leavers",
                   "--kind", "strength", "--password", "wrong", NULL);
  pb_test_assert_one_line_error (&wrong);
  g_assert_nonnull (strstr (wrong.err, "That password does not open"));

  pb_test_run_cli (&added, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
                   "--quote", "Personal advisers keep in touch", "--cohort", "care_leavers",
                   "--kind", "strength", "--password", "panel", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_cmpstr (added.out, ==, "1\n");

  out = g_build_filename (f->dir, "annotated.pdf", NULL);
  pb_test_run_cli (&refused, "export-annotated", "--library", f->library_dir, "1", "-o", out, NULL);
  pb_test_assert_one_line_error (&refused);
  g_assert_nonnull (strstr (refused.err, "give it with --password"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  pb_test_run_cli (&exported, "export-annotated", "--library", f->library_dir, "1", "-o", out,
                   "--password", "panel", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  {
    g_autoptr(GArray) written = pb_test_kinds_highlights (out, "panel", 1, 0);
    g_autoptr(GPtrArray) words = pb_test_kinds_words (locked, "panel");
    g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "Personal advisers keep in touch");

    g_assert_cmpuint (written->len, ==, 1);
    pb_test_kinds_assert_covered (written, run);
  }
}

/* A report saved again is named, not imported twice, unless asked. */
static void
test_saved_again (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = write_report (f, "first.pdf");
  g_autofree char *again = pb_test_kinds_qpdf (first, ".again.pdf", "--object-streams=generate", NULL);
  g_auto(PbTestRun) refused = { 0 };
  g_auto(PbTestRun) said = { 0 };
  g_auto(PbTestRun) anyway = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *item;

  import_ok (f, first, NULL);

  pb_test_run_cli (&refused, "import", "--library", f->library_dir, "--json", again, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  root = pb_test_parse_json (refused.out);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "same-content");
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (item, "error"),
                            "already in the library as “Fernleigh inspection”"));

  pb_test_run_cli (&said, "import", "--library", f->library_dir, again, NULL);
  pb_test_assert_one_line_error (&said);
  g_assert_nonnull (strstr (said.err, "--anyway"));

  pb_test_run_cli (&anyway, "import", "--library", f->library_dir, "--anyway", again, NULL);
  g_assert_cmpint (anyway.status, ==, 0);
  g_assert_nonnull (strstr (anyway.out, "as report 2"));
}

/* A quote across a page break, typed as a user would. */
static void
test_quote_across_pages (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = write_report (f, "fernleigh.pdf");
  g_auto(PbTestRun) added = { 0 };
  g_auto(PbTestRun) search = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *anchors;

  import_ok (f, pdf, NULL);

  pb_test_run_cli (&added, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
                   "--quote", "Pathway plans for care leavers are not consistently updated when their "
                   "circumstances change", "--cohort", "care_leavers", "--kind", "area_for_improvement",
                   "--json", NULL);
  g_assert_cmpint (added.status, ==, 0);
  root = pb_test_parse_json (added.out);
  anchors = json_object_get_array_member (json_node_get_object (root), "anchors");
  g_assert_cmpuint (json_array_get_length (anchors), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (anchors, 0), "page"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (anchors, 1), "page"), ==, 2);

  pb_test_run_cli (&search, "search", "--library", f->library_dir, "\"not consistently updated\"", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "page 1"));
}

/* After an upgrade, the library is read again and its findings kept. */
static void
test_reindex (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = write_report (f, "fernleigh.pdf");
  g_autofree char *db_path = NULL;
  g_auto(PbTestRun) added = { 0 };
  g_auto(PbTestRun) reindex = { 0 };
  g_auto(PbTestRun) again = { 0 };
  g_autoptr(JsonNode) root = NULL;

  import_ok (f, pdf, NULL);
  pb_test_run_cli (&added, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
                   "--quote", "Personal advisers keep in touch", "--cohort", "care_leavers",
                   "--kind", "strength", NULL);
  g_assert_cmpint (added.status, ==, 0);

  /* As an older Panel Brief left it. */
  {
    sqlite3 *db = NULL;

    db_path = g_build_filename (f->library_dir, "library.db", NULL);
    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE reports SET text_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  pb_test_run_cli (&reindex, "reindex", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (reindex.status, ==, 0);
  root = pb_test_parse_json (reindex.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "reindexed"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "skipped")),
                    ==, 0);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "findings"), ==, 1);

  pb_test_run_cli (&again, "reindex", "--library", f->library_dir, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Read 0 reports again."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-page-text/password", Fixture, NULL, fixture_setup, test_password, fixture_teardown);
  g_test_add ("/cli-page-text/saved-again", Fixture, NULL, fixture_setup, test_saved_again, fixture_teardown);
  g_test_add ("/cli-page-text/quote-across-pages", Fixture, NULL, fixture_setup, test_quote_across_pages, fixture_teardown);
  g_test_add ("/cli-page-text/reindex", Fixture, NULL, fixture_setup, test_reindex, fixture_teardown);

  return g_test_run ();
}
