/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <poppler.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "pb-import.h"
#include "pb-library.h"

#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-cli.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

/* Runs the real panel-brief binary, with no display, as a script would. */

typedef struct
{
  char *dir;
  char *library_dir;
  char *pdf;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char * const pages[] = {
    "Inspection of Fernleigh children's services",
    "Care leavers receive a generous local offer.",
    NULL
  };

  if (g_getenv ("PB_BINARY") == NULL)
    g_error ("PB_BINARY must name the panel-brief binary");

  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->pdf = pb_test_write_pdf (f->dir, "fernleigh.pdf", (const char **)pages,
                              &(PbTestPdfOptions) { .title = "Fernleigh inspection" });
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->pdf);
  g_free (f->library_dir);
  g_free (f->dir);
}

static void
test_import_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *empty = pb_test_write_file (f->dir, "empty.pdf", "", 0);
  g_auto(PbTestRun) first = { 0 };
  g_auto(PbTestRun) again = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *item;

  pb_test_run_cli (&first, "import", "--library", f->library_dir, "--json", f->pdf, NULL);
  g_assert_cmpint (first.status, ==, 0);

  root = pb_test_parse_json (first.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "file"), ==, f->pdf);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_true (json_object_get_null_member (item, "error"));
  g_clear_pointer (&root, json_node_unref);

  /* Options after the files work too; a failure makes the exit non-zero. */
  pb_test_run_cli (&again, "import", f->pdf, empty, "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (again.status, ==, 1);
  root = pb_test_parse_json (again.out);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "duplicate");
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "error");
  g_assert_true (json_object_get_null_member (item, "id"));
  g_assert_nonnull (strstr (json_object_get_string_member (item, "error"), "empty"));
}

static void
test_import_text_and_errors (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *html = pb_test_write_file (f->dir, "page.pdf", "<html><body>x</body></html>", -1);
  g_auto(PbTestRun) ok = { 0 };
  g_auto(PbTestRun) bad = { 0 };
  g_auto(PbTestRun) usage = { 0 };

  pb_test_run_cli (&ok, "import", "-l", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "as report 1"));

  pb_test_run_cli (&bad, "import", "-l", f->library_dir, html, NULL);
  pb_test_assert_one_line_error (&bad);
  g_assert_nonnull (strstr (bad.err, "web page"));

  pb_test_run_cli (&usage, "import", "-l", f->library_dir, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_list_and_show (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) show = { 0 };
  g_auto(PbTestRun) show_text = { 0 };
  g_auto(PbTestRun) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonObject *item;
  const char *sha;
  g_autofree char *prefix = NULL;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&list, "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = pb_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Fernleigh inspection");
  g_assert_cmpint (json_object_get_int_member (item, "pages"), ==, 2);
  sha = json_object_get_string_member (item, "sha256");
  g_assert_cmpuint (strlen (sha), ==, 64);
  g_assert_nonnull (json_object_get_string_member (item, "imported_at"));

  prefix = g_strndup (sha, 10);
  pb_test_run_cli (&show, "show", prefix, "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (show.status, ==, 0);
  one = pb_test_parse_json (show.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (one), "sha256"), ==, sha);
  g_assert_true (g_file_test (json_object_get_string_member (json_node_get_object (one), "path"),
                              G_FILE_TEST_EXISTS));

  pb_test_run_cli (&show_text, "show", "1", "--library", f->library_dir, NULL);
  g_assert_cmpint (show_text.status, ==, 0);
  g_assert_true (g_str_has_prefix (show_text.out, "Fernleigh inspection\n"));

  pb_test_run_cli (&missing, "show", "7", "--library", f->library_dir, NULL);
  pb_test_assert_one_line_error (&missing);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) search = { 0 };
  g_auto(PbTestRun) none = { 0 };
  g_auto(PbTestRun) bad = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *hit;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);

  pb_test_run_cli (&search, "search", "--library", f->library_dir, "--json", "local", "offer", NULL);
  g_assert_cmpint (search.status, ==, 0);
  root = pb_test_parse_json (search.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  hit = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "report_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hit, "page"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "local offer"));
  g_assert_true (json_object_has_member (hit, "rank"));

  pb_test_run_cli (&none, "search", "--library", f->library_dir, "--json", "adoption", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = pb_test_parse_json (none.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  pb_test_run_cli (&bad, "search", "--library", f->library_dir, "o*", NULL);
  pb_test_assert_one_line_error (&bad);
}

static void
test_bad_library_and_usage (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) unknown = { 0 };
  g_auto(PbTestRun) help = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (f->library_dir, 0700), ==, 0);
  pb_test_write_file (f->library_dir, "library.db", "definitely not a database, just some words", -1);

  pb_test_run_cli (&list, "list", "--library", f->library_dir, NULL);
  pb_test_assert_one_line_error (&list);
  g_assert_nonnull (strstr (list.err, "not a Panel Brief library"));

  pb_test_run_cli (&unknown, "frobnicate", "--library", f->library_dir, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command"));

  pb_test_run_cli (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "import"));
  g_assert_nonnull (strstr (help.out, "search"));
}

static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_auto(PbTestRun) add_exempt = { 0 };
  g_auto(PbTestRun) missing_quote = { 0 };
  g_auto(PbTestRun) wrong_page = { 0 };
  g_auto(PbTestRun) usage = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) by_cohort = { 0 };
  g_auto(PbTestRun) csv_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "care-leavers.csv", NULL);
  g_autofree char *csv = NULL;
  JsonObject *item;
  JsonArray *cohorts;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
           "--quote", "generous local offer", "--cohort", "care_leavers", "--cohort", "leadership",
           "--kind", "strength", "--note", "Tell the panel", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==, "1\n");

  pb_test_run_cli (&add_exempt, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
           "--quote", "Fernleigh children's services", "--cohort", "help_and_protection",
           "--kind", "recommendation", "--classification", "exempt", "--status", "open", NULL);
  g_assert_cmpint (add_exempt.status, ==, 0);

  pb_test_run_cli (&missing_quote, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
           "--quote", "words that are not there", "--cohort", "leadership", "--kind", "context", NULL);
  pb_test_assert_one_line_error (&missing_quote);
  g_assert_nonnull (strstr (missing_quote.err, "not found"));

  pb_test_run_cli (&wrong_page, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
           "--quote", "generous local offer", "--cohort", "leadership", "--kind", "context", NULL);
  pb_test_assert_one_line_error (&wrong_page);
  g_assert_nonnull (strstr (wrong_page.err, "page 2"));

  pb_test_run_cli (&usage, "findings", "add", "--library", f->library_dir, "--report", "1", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  pb_test_run_cli (&list, "findings", "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = pb_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  item = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (item, "report_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (item, "page"), ==, 2);
  g_assert_true (json_object_get_null_member (item, "paragraph"));
  g_assert_cmpstr (json_object_get_string_member (item, "quote"), ==, "generous local offer");
  cohorts = json_object_get_array_member (item, "cohorts");
  g_assert_cmpuint (json_array_get_length (cohorts), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (cohorts, 0), ==, "care_leavers");
  g_assert_cmpstr (json_array_get_string_element (cohorts, 1), ==, "leadership");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "strength");
  g_assert_cmpstr (json_object_get_string_member (item, "note"), ==, "Tell the panel");
  g_assert_cmpstr (json_object_get_string_member (item, "classification"), ==, "public");
  g_assert_true (json_object_get_null_member (item, "status"));
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "classification"), ==, "exempt");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "open");

  pb_test_run_cli (&by_cohort, "findings", "list", "--library", f->library_dir, "--json",
           "--cohort", "help_and_protection", "--kind", "recommendation", "--report", "1", NULL);
  g_assert_cmpint (by_cohort.status, ==, 0);
  filtered = pb_test_parse_json (by_cohort.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (filtered)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (filtered), 0), "id"), ==, 2);

  /* The same filters, written as CSV: a header and the one matching row. */
  pb_test_run_cli (&csv_run, "findings", "list", "--library", f->library_dir, "--cohort", "care_leavers",
           "--csv", csv_path, NULL);
  g_assert_cmpint (csv_run.status, ==, 0);
  {
    g_autofree char *said = g_strdup_printf ("Wrote 1 finding to %s\n", csv_path);
    g_assert_cmpstr (csv_run.out, ==, said);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\"ID\",\"Report\",\"Page\",\"Paragraph\",\"Quote\",\"Cohorts\","));
  g_assert_nonnull (strstr (csv, "\r\n\"1\",\""));
  /* Cohorts by the library's names, kinds and classifications in words,
   * then the day it was recorded, ISO. */
  {
    const char *cells = "\"generous local offer\",\"Care leavers; Leadership\",\"Strength\",\"\",\"Public\",\"Tell the panel\",\"";
    const char *at = strstr (csv, cells);

    g_assert_nonnull (at);
    g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}\"\r\n", at + strlen (cells), 0, 0));
  }
  g_assert_null (strstr (csv, "Fernleigh children's services\",\""));   /* the exempt finding's quote */
  g_assert_cmpstr (strchr (strstr (csv, "\r\n") + 2, '\n') + 1, ==, "");     /* header and one row only */
}

/* Packs from scripts: a public pack refuses an exempt finding with a
 * non-zero exit and one line saying why; an exempt pack takes it. */
static void
test_packs (Fixture       *f,
            gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_auto(PbTestRun) add_exempt = { 0 };
  g_auto(PbTestRun) create = { 0 };
  g_auto(PbTestRun) create_exempt = { 0 };
  g_auto(PbTestRun) no_title = { 0 };
  g_auto(PbTestRun) bad_date = { 0 };
  g_auto(PbTestRun) pack_add = { 0 };
  g_auto(PbTestRun) refused = { 0 };
  g_auto(PbTestRun) exempt_add = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) export = { 0 };
  g_auto(PbTestRun) other_format = { 0 };
  g_autofree char *pdf = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *packs;
  JsonObject *pack;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);
  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
           "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  g_assert_cmpstr (add.out, ==, "1\n");
  pb_test_run_cli (&add_exempt, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
           "--quote", "Fernleigh children's services", "--cohort", "leadership", "--kind", "context",
           "--classification", "exempt", NULL);
  g_assert_cmpstr (add_exempt.out, ==, "2\n");

  pb_test_run_cli (&create, "pack", "create", "--library", f->library_dir, "--title", "Panel, 12 March",
           "--meeting-date", "2026-03-12", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpstr (create.out, ==, "1\n");

  pb_test_run_cli (&no_title, "pack", "create", "--library", f->library_dir, NULL);
  g_assert_cmpint (no_title.status, ==, 2);
  pb_test_run_cli (&bad_date, "pack", "create", "--library", f->library_dir, "--title", "T", "--meeting-date", "March", NULL);
  pb_test_assert_one_line_error (&bad_date);

  pb_test_run_cli (&pack_add, "pack", "add", "--library", f->library_dir, "1", "1", NULL);
  g_assert_cmpint (pack_add.status, ==, 0);
  pb_test_run_cli (&refused, "pack", "add", "--library", f->library_dir, "1", "2", NULL);
  pb_test_assert_one_line_error (&refused);
  g_assert_nonnull (strstr (refused.err, "not for publication"));

  pb_test_run_cli (&create_exempt, "pack", "create", "--library", f->library_dir, "--title", "Part 2",
           "--classification", "exempt", NULL);
  g_assert_cmpstr (create_exempt.out, ==, "2\n");
  pb_test_run_cli (&exempt_add, "pack", "add", "--library", f->library_dir, "2", "1", "2", NULL);
  g_assert_cmpint (exempt_add.status, ==, 0);

  pb_test_run_cli (&list, "pack", "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = pb_test_parse_json (list.out);
  packs = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (packs), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      pack = json_array_get_object_element (packs, i);
      if (json_object_get_int_member (pack, "id") == 1)
        {
          g_assert_cmpstr (json_object_get_string_member (pack, "classification"), ==, "public");
          g_assert_cmpstr (json_object_get_string_member (pack, "meeting_date"), ==, "2026-03-12");
          g_assert_cmpint (json_object_get_int_member (pack, "findings"), ==, 1);
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (pack, "classification"), ==, "exempt");
          g_assert_true (json_object_get_null_member (pack, "meeting_date"));
          g_assert_cmpint (json_object_get_int_member (pack, "findings"), ==, 2);
        }
    }

  pb_test_run_cli (&export, "pack", "export", "--library", f->library_dir, "2", "--format", "pdf", "-o", pdf, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  pb_test_run_cli (&other_format, "pack", "export", "--library", f->library_dir, "2", "--format", "odt", "-o", pdf, NULL);
  g_assert_cmpint (other_format.status, ==, 2);

  /* The report with its findings as highlights; the exempt one only on request. */
  {
    g_auto(PbTestRun) annotated = { 0 };
    g_auto(PbTestRun) no_output = { 0 };
    g_autofree char *out = g_build_filename (f->dir, "annotated.pdf", NULL);
    g_autofree char *annotated_pdf = NULL;
    gsize length = 0;
    gboolean has_highlight = FALSE;

    pb_test_run_cli (&annotated, "export-annotated", "--library", f->library_dir, "1", "-o", out, NULL);
    g_assert_cmpint (annotated.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &annotated_pdf, &length, NULL));
    g_assert_true (g_str_has_prefix (annotated_pdf, "%PDF-"));
    /* The file is binary: look through all of it, not up to a NUL. */
    for (gsize i = 0; i + 10 <= length && !has_highlight; i++)
      has_highlight = memcmp (annotated_pdf + i, "/Highlight", 10) == 0;
    g_assert_true (has_highlight);

    pb_test_run_cli (&no_output, "export-annotated", "--library", f->library_dir, "1", NULL);
    g_assert_cmpint (no_output.status, ==, 2);
  }
}

/* A pack's bundle written, then opened in a member's library by
 * "panel-brief FILE.panelpack"; an exempt pack's only with its passphrase,
 * which the command line never waits for on a standard input that is not
 * a terminal. Then a question goes back to the officer's library. */
static void
test_bundles (Fixture       *f,
              gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_auto(PbTestRun) add_exempt = { 0 };
  g_auto(PbTestRun) create = { 0 };
  g_auto(PbTestRun) create_exempt = { 0 };
  g_auto(PbTestRun) pack_add = { 0 };
  g_auto(PbTestRun) exempt_add = { 0 };
  g_auto(PbTestRun) export = { 0 };
  g_auto(PbTestRun) export_exempt = { 0 };
  g_auto(PbTestRun) no_passphrase = { 0 };
  g_auto(PbTestRun) open = { 0 };
  g_auto(PbTestRun) again = { 0 };
  g_auto(PbTestRun) locked = { 0 };
  g_auto(PbTestRun) wrong = { 0 };
  g_auto(PbTestRun) unlocked = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) show = { 0 };
  g_auto(PbTestRun) note = { 0 };
  g_auto(PbTestRun) questions = { 0 };
  g_auto(PbTestRun) back = { 0 };
  g_auto(PbTestRun) asked = { 0 };
  g_autofree char *member = g_build_filename (f->dir, "member", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "panel.panelpack", NULL);
  g_autofree char *exempt = g_build_filename (f->dir, "part-2.panelpack", NULL);
  g_autofree char *right = g_build_filename (f->dir, "passphrase", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "wrong", NULL);
  g_autofree char *sent = g_build_filename (f->dir, "questions.txt", NULL);
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) opened = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) answered = NULL;
  JsonObject *object;

  g_assert_true (g_file_set_contents (right, "fernleigh panel spring\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "fernleigh panel autumn\n", -1, NULL));

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
           "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  pb_test_run_cli (&add_exempt, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "1",
           "--quote", "Fernleigh children's services", "--cohort", "leadership", "--kind", "context",
           "--classification", "exempt", NULL);
  pb_test_run_cli (&create, "pack", "create", "--library", f->library_dir, "--title", "Panel, 12 March", NULL);
  pb_test_run_cli (&pack_add, "pack", "add", "--library", f->library_dir, "1", "1", NULL);
  pb_test_run_cli (&create_exempt, "pack", "create", "--library", f->library_dir, "--title", "Part 2",
           "--classification", "exempt", NULL);
  pb_test_run_cli (&exempt_add, "pack", "add", "--library", f->library_dir, "2", "1", "2", NULL);
  g_assert_cmpint (exempt_add.status, ==, 0);

  pb_test_run_cli (&export, "pack", "export", "--library", f->library_dir, "1", "--format", "bundle", "-o", bundle, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpuint (pb_test_file_mode (bundle), ==, 0600);
  pb_test_run_cli (&no_passphrase, "pack", "export", "--library", f->library_dir, "2", "--format", "bundle", "-o",
           exempt, NULL);
  pb_test_assert_one_line_error (&no_passphrase);
  g_assert_nonnull (strstr (no_passphrase.err, "--passphrase-file"));
  pb_test_run_cli (&export_exempt, "pack", "export", "--library", f->library_dir, "2", "--format", "bundle", "-o", exempt,
           "--passphrase-file", right, NULL);
  g_assert_cmpint (export_exempt.status, ==, 0);

  /* Opened by naming the file, as a double-click does for now. */
  pb_test_run_cli (&open, "--library", member, bundle, NULL);
  g_assert_cmpint (open.status, ==, 0);
  g_assert_nonnull (strstr (open.out, "Panel, 12 March"));
  g_assert_nonnull (strstr (open.out, "1 findings"));
  pb_test_run_cli (&again, "open-bundle", bundle, "--json", "--library", member, NULL);
  g_assert_cmpint (again.status, ==, 0);
  opened = pb_test_parse_json (again.out);
  object = json_node_get_object (opened);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "unchanged");
  g_assert_cmpint (json_object_get_int_member (object, "findings"), ==, 1);

  pb_test_run_cli (&locked, "--library", member, exempt, NULL);
  pb_test_assert_one_line_error (&locked);
  g_assert_nonnull (strstr (locked.err, "passphrase"));
  pb_test_run_cli (&wrong, "open-bundle", "--library", member, exempt, "--passphrase-file", bad, NULL);
  pb_test_assert_one_line_error (&wrong);
  g_assert_nonnull (strstr (wrong.err, "passphrase"));
  pb_test_run_cli (&unlocked, "open-bundle", "--library", member, exempt, "--passphrase-file", right, NULL);
  g_assert_cmpint (unlocked.status, ==, 0);
  g_assert_nonnull (strstr (unlocked.out, "2 findings"));

  pb_test_run_cli (&list, "bundle", "list", "--library", member, "--json", NULL);
  listed = pb_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 2);

  /* A question on the finding, sent back and read in the officer's library. */
  pb_test_run_cli (&show, "bundle", "show", "--library", member, "1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "generous local offer"));
  key = g_strndup (strstr (strstr (show.out, "generous local offer"), "key ") + 4, 36);
  pb_test_run_cli (&note, "bundle", "note", "--library", member, "1", key, "Is the offer costed?", "--question", NULL);
  g_assert_cmpint (note.status, ==, 0);
  pb_test_run_cli (&questions, "bundle", "questions", "--library", member, "1", "-o", sent, "--name", "Cllr Test", NULL);
  g_assert_cmpint (questions.status, ==, 0);
  pb_test_run_cli (&back, "questions", "import", "--library", f->library_dir, sent, NULL);
  g_assert_cmpint (back.status, ==, 0);
  pb_test_run_cli (&asked, "questions", "list", "--library", f->library_dir, "1", "--json", NULL);
  answered = pb_test_parse_json (asked.out);
  object = json_array_get_object_element (json_node_get_array (answered), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "Is the offer costed?");
  g_assert_cmpstr (json_object_get_string_member (object, "asked_by"), ==, "Cllr Test");
  g_assert_cmpint (json_object_get_int_member (object, "finding"), ==, 1);
}

static char *
write_long_pdf (const char *dir,
                guint       n_pages)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Page %u. Children in care and care leavers.\n"
                                             "Leaders know their services well.", i + 1));
  g_ptr_array_add (pages, NULL);

  return pb_test_write_pdf (dir, "long.pdf", (const char **)pages->pdata, NULL);
}

static void
assert_library_consistent (const char *library_dir,
                           guint       expected_pages)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *reports_dir = g_build_filename (library_dir, "reports", NULL);
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Opening the library recovers whatever a killed writer left in the WAL. */
  library = pb_library_open (library_dir, &error);
  g_assert_no_error (error);
  pb_import_clean_leftovers (library);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* All or nothing: no report, or the whole report with its file. */
  reports = pb_library_list_reports (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, <=, 1);
  if (reports->len == 1)
    {
      PbReport *report = g_ptr_array_index (reports, 0);
      g_autofree char *stored = pb_library_dup_report_path (library, pb_report_get_sha256 (report));

      g_assert_cmpuint (pb_report_get_page_count (report), ==, expected_pages);
      g_assert_cmpint (pb_test_count_rows (library_dir, "report_pages"), ==, expected_pages);
      g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (pb_test_count_files (reports_dir), ==, 1);
    }
  else
    {
      g_assert_cmpint (pb_test_count_rows (library_dir, "report_pages"), ==, 0);
      g_assert_cmpuint (pb_test_count_files (reports_dir), ==, 0);
    }
}

static gboolean
import_timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the import to start");
  return G_SOURCE_REMOVE;
}

static void
import_started_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   gboolean          *started)
{
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_CREATED && g_str_has_prefix (name, ".import-"))
    *started = TRUE;
}

/* Runs "panel-brief import" on @pdf into @library_dir (made first, so that
 * only the import is left to do) and returns once the import has begun: its
 * partial copy has appeared in the reports folder. */
static GPid
start_import (const char *library_dir,
              const char *pdf)
{
  const char *argv[] = { g_getenv ("PB_BINARY"), "import", "--library", library_dir, pdf, NULL };
  g_autofree char *reports_dir = g_build_filename (library_dir, "reports", NULL);
  g_autoptr(GFile) reports = g_file_new_for_path (reports_dir);
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;
  guint timeout;
  GPid pid;

  g_clear_object (&(PbLibrary *) { pb_library_open (library_dir, NULL) });
  monitor = g_file_monitor_directory (reports, G_FILE_MONITOR_NONE, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (monitor, "changed", G_CALLBACK (import_started_cb), &started);

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (60, import_timeout_cb, NULL);
  while (!started)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  return pid;
}

/* An import killed at any moment leaves a consistent library. The moment is
 * random but always after the import has begun, so no kill is spent on the
 * process starting up. */
static void
test_killed_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = write_long_pdf (f->dir, 120);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_complete = 0;
  gint64 import_us;

  /* How long an import takes here once it has begun, so the kills land
   * inside one. */
  {
    g_autofree char *library_dir = g_strdup_printf ("%s/timed", f->dir);
    GPid pid = start_import (library_dir, pdf);
    gint64 start = g_get_monotonic_time ();
    int wait_status;

    g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
    import_us = MAX (g_get_monotonic_time () - start, 1);
    g_spawn_close_pid (pid);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  }

  for (guint run = 0; run < 12; run++)
    {
      g_autofree char *library_dir = g_strdup_printf ("%s/killed-%u", f->dir, run);
      GPid pid = start_import (library_dir, pdf);
      int wait_status;

      /* Any moment of the import: a random moment, not a wait for something. */
      g_usleep (g_rand_int_range (rand, 0, (gint32)MIN (import_us, G_MAXINT32)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);

      if (WIFEXITED (wait_status))
        n_complete++;

      assert_library_consistent (library_dir, 120);
    }

  g_test_message ("%u of 12 imports finished before the kill (an import once begun: %.0f ms)",
                  n_complete, import_us / 1000.0);
  g_rand_free (rand);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  /* Writing past the limit then fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A write that fails part-way (here: a file-size limit, as a full disk would)
 * is reported in plain words and leaves nothing behind. */
static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = write_long_pdf (f->dir, 200);
  const char *argv[] = { g_getenv ("PB_BINARY"), "import", "--library", f->library_dir, pdf, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;
  GStatBuf st;

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 64 * 1024);
  g_clear_object (&(PbLibrary *) { pb_library_open (f->library_dir, NULL) });

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_true (g_str_has_prefix (err, "panel-brief: "));
  g_assert_nonnull (strstr (err, "long.pdf"));
  g_assert_nonnull (strstr (err, "could not be stored in the library"));

  assert_library_consistent (f->library_dir, 200);
  g_assert_cmpint (pb_test_count_rows (f->library_dir, "reports"), ==, 0);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* inspect says what a PDF is and why: a re-inspection, read so for its
 * title and table; a page that only names a report, read as another paper
 * for want of anything confirming it. */
static void
test_inspect (Fixture       *f,
              gconstpointer  data)
{
  static const char * const pages[] = {
    "Northmoor\nRe-inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection dates: 12 September 2016 to 6 October 2016\n"
    "Children’s services in Northmoor are inadequate\n"
    "1. Children who need help and protection\tInadequate\n"
    "2. Children looked after and achieving permanence\tGood\n"
    "2.1 Adoption performance\tGood\n"
    "2.2 Experiences and progress of care leavers\tGood\n"
    "3. Leadership, management and governance\tInadequate\n",
    NULL
  };
  g_autofree char *pdf = pb_test_write_pdf (f->dir, "reinspection.pdf", pages, NULL);
  g_auto(PbTestRun) json = { 0 };
  g_auto(PbTestRun) text = { 0 };
  g_auto(PbTestRun) other = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) other_root = NULL;
  JsonObject *object;

  pb_test_run_cli (&json, "inspect", pdf, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = pb_test_parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "sif_inspection");
  g_assert_true (json_object_get_boolean_member (object, "reinspection"));
  g_assert_cmpstr (json_object_get_string_member (object, "local_authority"), ==, "Northmoor");
  g_assert_true (json_object_get_null_member (object, "theme"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "judgements"),
                                                  "overall_effectiveness"), ==, "inadequate");
  g_assert_true (array_has_string (json_object_get_array_member (object, "reasons"), "title: re-inspection"));
  g_assert_true (array_has_string (json_object_get_array_member (object, "reasons"),
                                   "judgement table (layout): 5 rows"));

  pb_test_run_cli (&text, "inspect", pdf, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "sif_inspection (re-inspection)\n"));
  g_assert_nonnull (strstr (text.out, "title: re-inspection"));

  pb_test_run_cli (&other, "inspect", "--json", f->pdf, NULL);
  g_assert_cmpint (other.status, ==, 0);
  other_root = pb_test_parse_json (other.out);
  object = json_node_get_object (other_root);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "other");
  g_assert_false (json_object_get_boolean_member (object, "reinspection"));
  g_assert_true (array_has_string (json_object_get_array_member (object, "reasons"), "title: ILACS inspection"));
  g_assert_true (array_has_string (json_object_get_array_member (object, "reasons"),
                                   "not an inspection: nothing confirms it"));
}

/* The text of a PDF's first page, through poppler. */
static char *
first_page_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  return text;
}

/* A council paper's details from a script: the agenda item, a contact
 * and the Schedule 12A paragraph on "pack create" and "pack set", shown
 * by --json; a paragraph outside 1 to 7 refused in one line; the
 * council's name and logo given to "pack export", or taken from the
 * environment, on the cover. */
static void
test_pack_board_papers (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) create = { 0 };
  g_auto(PbTestRun) set = { 0 };
  g_auto(PbTestRun) bad_paragraph = { 0 };
  g_auto(PbTestRun) export = { 0 };
  g_auto(PbTestRun) from_env = { 0 };
  g_auto(PbTestRun) bad_logo = { 0 };
  g_autofree char *logo = pb_test_write_logo (f->dir);
  g_autofree char *pdf = g_build_filename (f->dir, "board.pdf", NULL);
  g_autofree char *env_pdf = g_build_filename (f->dir, "env.pdf", NULL);
  g_autofree char *cover = NULL;
  g_autofree char *env_cover = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) changed = NULL;
  JsonObject *pack;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&create, "pack", "create", "--library", f->library_dir, "--json", "--title", "Ofsted findings",
           "--classification", "exempt", "--exempt-paragraph", "3", "--committee", "Corporate Parenting Panel",
           "--meeting-date", "2026-03-12", "--agenda-item", "7", "--author", "Jo Marsh", "--contact", "01632 960 123",
           NULL);
  g_assert_cmpint (create.status, ==, 0);
  created = pb_test_parse_json (create.out);
  pack = json_node_get_object (created);
  g_assert_cmpint (json_object_get_int_member (pack, "exempt_paragraph"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (pack, "agenda_item"), ==, "7");
  g_assert_cmpstr (json_object_get_string_member (pack, "contact"), ==, "01632 960 123");
  g_assert_cmpstr (json_object_get_string_member (pack, "author"), ==, "Jo Marsh");
  g_assert_cmpstr (json_object_get_string_member (pack, "committee"), ==, "Corporate Parenting Panel");

  pb_test_run_cli (&set, "pack", "set", "--library", f->library_dir, "--json", "1", "--agenda-item", "8", NULL);
  g_assert_cmpint (set.status, ==, 0);
  changed = pb_test_parse_json (set.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (changed), "agenda_item"), ==, "8");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (changed), "exempt_paragraph"), ==, 3);

  pb_test_run_cli (&bad_paragraph, "pack", "set", "--library", f->library_dir, "1", "--exempt-paragraph", "8", NULL);
  pb_test_assert_one_line_error (&bad_paragraph);
  g_assert_nonnull (strstr (bad_paragraph.err, "Schedule 12A"));

  pb_test_run_cli (&export, "pack", "export", "--library", f->library_dir, "1", "-o", pdf,
           "--council", "Fernleigh Borough Council", "--logo", logo, NULL);
  g_assert_cmpint (export.status, ==, 0);
  cover = first_page_text (pdf);
  g_assert_nonnull (strstr (cover, "Fernleigh Borough Council"));
  g_assert_nonnull (strstr (cover, "Jo Marsh"));
  g_assert_nonnull (strstr (cover, "Agenda item 8"));
  g_assert_true (g_regex_match_simple ("paragraph 3 of Part 1 of\\s+Schedule 12A", cover, 0, 0));

  g_setenv ("PANEL_BRIEF_COUNCIL", "Upton Borough Council", TRUE);
  pb_test_run_cli (&from_env, "pack", "export", "--library", f->library_dir, "1", "-o", env_pdf, NULL);
  g_unsetenv ("PANEL_BRIEF_COUNCIL");
  g_assert_cmpint (from_env.status, ==, 0);
  env_cover = first_page_text (env_pdf);
  g_assert_nonnull (strstr (env_cover, "Upton Borough Council"));

  /* A logo that is not a PNG: refused, and no file. */
  pb_test_run_cli (&bad_logo, "pack", "export", "--library", f->library_dir, "1", "-o", env_pdf, "--logo", f->pdf, NULL);
  pb_test_assert_one_line_error (&bad_logo);
  g_assert_nonnull (strstr (bad_logo.err, "PNG"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import-json", Fixture, NULL, fixture_setup, test_import_json, fixture_teardown);
  g_test_add ("/cli/import-text-and-errors", Fixture, NULL, fixture_setup, test_import_text_and_errors, fixture_teardown);
  g_test_add ("/cli/list-and-show", Fixture, NULL, fixture_setup, test_list_and_show, fixture_teardown);
  g_test_add ("/cli/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/cli/findings", Fixture, NULL, fixture_setup, test_findings, fixture_teardown);
  g_test_add ("/cli/packs", Fixture, NULL, fixture_setup, test_packs, fixture_teardown);
  g_test_add ("/cli/bundles", Fixture, NULL, fixture_setup, test_bundles, fixture_teardown);
  g_test_add ("/cli/pack-board-papers", Fixture, NULL, fixture_setup, test_pack_board_papers, fixture_teardown);
  g_test_add ("/cli/killed-import", Fixture, NULL, fixture_setup, test_killed_import, fixture_teardown);
  g_test_add ("/cli/write-failure", Fixture, NULL, fixture_setup, test_write_failure, fixture_teardown);
  g_test_add ("/cli/bad-library", Fixture, NULL, fixture_setup, test_bad_library_and_usage, fixture_teardown);
  g_test_add ("/cli/inspect", Fixture, NULL, fixture_setup, test_inspect, fixture_teardown);

  return g_test_run ();
}
