/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "pb-test-cli.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* The command line on findings, packs and bundles: the real panel-brief
 * binary, with no display, as a script would run it. */

typedef PbTestCliFixture Fixture;

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
  g_auto(PbTestRun) text = { 0 };
  g_auto(PbTestRun) findings_help = { 0 };
  g_auto(PbTestRun) pack_help = { 0 };
  g_auto(PbTestRun) options_first = { 0 };
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

  /* The list for people names cohorts in words, as the exports do. */
  pb_test_run_cli (&text, "findings", "list", "--library", f->library_dir, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Care leavers, Leadership"));
  g_assert_nonnull (strstr (text.out, "Help and protection"));
  g_assert_null (strstr (text.out, "care_leavers"));
  g_assert_null (strstr (text.out, "help_and_protection"));

  /* Asking for help is not a mistake: it succeeds, and says how. */
  pb_test_run_cli (&findings_help, "findings", "--help", NULL);
  g_assert_cmpint (findings_help.status, ==, 0);
  g_assert_true (g_str_has_prefix (findings_help.out, "Usage: panel-brief findings list|add"));
  pb_test_run_cli (&pack_help, "pack", "--help", NULL);
  g_assert_cmpint (pack_help.status, ==, 0);
  g_assert_true (g_str_has_prefix (pack_help.out, "Usage: panel-brief pack create|set|add|list|export"));

  /* Options may come before the command and its action, as after. */
  pb_test_run_cli (&options_first, "--library", f->library_dir, "findings", "list", NULL);
  g_assert_cmpint (options_first.status, ==, 0);
  g_assert_cmpstr (options_first.out, ==, text.out);
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
  g_auto(PbTestRun) public_export = { 0 };
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
  /* Written, with a warning: the exempt pack records no paragraph. */
  g_assert_nonnull (strstr (export.err, "Warning: pack 2 is exempt but records no paragraph of Schedule 12A"));
  pb_test_run_cli (&public_export, "pack", "export", "--library", f->library_dir, "1", "--format", "pdf", "-o", pdf, NULL);
  g_assert_cmpint (public_export.status, ==, 0);
  g_assert_cmpstr (public_export.err, ==, "");

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
 * "panel-brief open-bundle FILE" (the file alone starts the window: see
 * test-cli.c); an exempt pack's only with its passphrase,
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

  pb_test_run_cli (&open, "open-bundle", "--library", member, bundle, NULL);
  g_assert_cmpint (open.status, ==, 0);
  g_assert_nonnull (strstr (open.out, "Panel, 12 March"));
  g_assert_nonnull (strstr (open.out, "1 findings"));
  pb_test_run_cli (&again, "open-bundle", bundle, "--json", "--library", member, NULL);
  g_assert_cmpint (again.status, ==, 0);
  opened = pb_test_parse_json (again.out);
  object = json_node_get_object (opened);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "unchanged");
  g_assert_cmpint (json_object_get_int_member (object, "findings"), ==, 1);

  pb_test_run_cli (&locked, "open-bundle", "--library", member, exempt, NULL);
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
  g_auto(PbTestRun) csv_bad_logo = { 0 };
  g_auto(PbTestRun) csv_env_logo = { 0 };
  g_autofree char *logo = pb_test_write_logo (f->dir);
  g_autofree char *pdf = g_build_filename (f->dir, "board.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "board.csv", NULL);
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

  /* A CSV has no logo: neither the option nor PANEL_BRIEF_LOGO is read. */
  pb_test_run_cli (&csv_bad_logo, "pack", "export", "--library", f->library_dir, "1", "--format", "csv", "-o", csv,
                   "--logo", f->pdf, NULL);
  g_assert_cmpint (csv_bad_logo.status, ==, 0);
  g_assert_cmpstr (csv_bad_logo.err, ==, "");
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_no_errno (g_unlink (csv));
  g_setenv ("PANEL_BRIEF_LOGO", f->pdf, TRUE);
  pb_test_run_cli (&csv_env_logo, "pack", "export", "--library", f->library_dir, "1", "--format", "csv", "-o", csv,
                   NULL);
  g_unsetenv ("PANEL_BRIEF_LOGO");
  g_assert_cmpint (csv_env_logo.status, ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
}

/* A cohort given twice tags the finding once, with no database error. */
static void
test_findings_repeated_cohort (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *cohorts;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
           "--quote", "generous local offer", "--cohort", "care_leavers", "--cohort", "care_leavers",
           "--kind", "strength", NULL);
  g_assert_cmpstr (add.err, ==, "");
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==, "1\n");

  pb_test_run_cli (&list, "findings", "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = pb_test_parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  cohorts = json_object_get_array_member (json_array_get_object_element (json_node_get_array (root), 0), "cohorts");
  g_assert_cmpuint (json_array_get_length (cohorts), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (cohorts, 0), ==, "care_leavers");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/findings", Fixture, NULL,
              pb_test_cli_fixture_setup, test_findings, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/findings-repeated-cohort", Fixture, NULL,
              pb_test_cli_fixture_setup, test_findings_repeated_cohort, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/packs", Fixture, NULL,
              pb_test_cli_fixture_setup, test_packs, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/bundles", Fixture, NULL,
              pb_test_cli_fixture_setup, test_bundles, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/pack-board-papers", Fixture, NULL,
              pb_test_cli_fixture_setup, test_pack_board_papers, pb_test_cli_fixture_teardown);

  return g_test_run ();
}
