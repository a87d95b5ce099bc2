/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "pb-library.h"
#include "pb-report-edit.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-cli.h"
#include "pb-test-util.h"

/* The command line on reports: import, list, show, search, inspect, and
 * what it says to a bad library or a bad command. Runs the real
 * panel-brief binary, with no display, as a script would. */

typedef PbTestCliFixture Fixture;

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

/* The command line names reports as the window does: by the title the
 * user gave in Report Properties, or the tidy one made from the structure
 * ("Northmoor — …"), not the PDF's own; --json gives both. */
static void
test_display_titles (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const reinspection[] = {
    "Northmoor\nRe-inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection dates: 12 September 2016 to 6 October 2016\n"
    "Children’s services in Northmoor are inadequate\n",
    NULL
  };
  g_autofree char *sif_pdf = pb_test_write_pdf (f->dir, "reinspection.pdf", reinspection,
                                                &(PbTestPdfOptions) { .title = "Northmoor file title" });
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) list_json = { 0 };
  g_auto(PbTestRun) show = { 0 };
  g_auto(PbTestRun) show_json = { 0 };
  g_auto(PbTestRun) search = { 0 };
  g_auto(PbTestRun) findings = { 0 };
  g_auto(PbTestRun) findings_json = { 0 };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) northmoor = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tidy = NULL;
  g_autofree char *line = NULL;
  JsonObject *item;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, sif_pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);
  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
                   "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  g_assert_cmpint (add.status, ==, 0);

  /* The user's own title for the first, as Report Properties sets it. */
  library = pb_library_open (f->library_dir, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_set_report_title (library, 1, "Worcs test title", &error));
  g_assert_no_error (error);
  northmoor = pb_library_get_report (library, 2, &error);
  g_assert_no_error (error);
  tidy = g_strdup (pb_report_get_display_title (northmoor));
  g_assert_true (g_str_has_prefix (tidy, "Northmoor — "));
  g_clear_object (&library);

  pb_test_run_cli (&list, "list", "--library", f->library_dir, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "  Worcs test title\n"));
  line = g_strdup_printf ("  %s\n", tidy);
  g_assert_nonnull (strstr (list.out, line));
  g_assert_null (strstr (list.out, "Fernleigh inspection"));
  g_assert_null (strstr (list.out, "Northmoor file title"));

  pb_test_run_cli (&list_json, "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list_json.status, ==, 0);
  root = pb_test_parse_json (list_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      gboolean first;

      item = json_array_get_object_element (json_node_get_array (root), i);
      first = json_object_get_int_member (item, "id") == 1;
      g_assert_cmpstr (json_object_get_string_member (item, "display_title"), ==,
                       first ? "Worcs test title" : tidy);
      g_assert_cmpstr (json_object_get_string_member (item, "file_title"), ==,
                       first ? "Fernleigh inspection" : "Northmoor file title");
    }

  pb_test_run_cli (&show, "show", "1", "--library", f->library_dir, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_true (g_str_has_prefix (show.out, "Worcs test title\n"));
  g_assert_nonnull (strstr (show.out, "Fernleigh inspection"));   /* the file's own, labelled */

  pb_test_run_cli (&show_json, "show", "2", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (show_json.status, ==, 0);
  one = pb_test_parse_json (show_json.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (one), "display_title"), ==, tidy);

  pb_test_run_cli (&search, "search", "generous", "--library", f->library_dir, NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_true (g_str_has_prefix (search.out, "Worcs test title (report 1), page 2\n"));

  pb_test_run_cli (&findings, "findings", "list", "--library", f->library_dir, NULL);
  g_assert_cmpint (findings.status, ==, 0);
  g_assert_nonnull (strstr (findings.out, "Worcs test title, p. 2"));
  g_assert_null (strstr (findings.out, "Fernleigh inspection"));

  pb_test_run_cli (&findings_json, "findings", "list", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (findings_json.status, ==, 0);
  found = pb_test_parse_json (findings_json.out);
  item = json_array_get_object_element (json_node_get_array (found), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "report_title"), ==, "Worcs test title");
  g_assert_cmpstr (json_object_get_string_member (item, "report_file_title"), ==, "Fernleigh inspection");
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

/* The front answers --version, list and search itself without loading the
 * PDF, drawing or GUI libraries: what makes it start as a bare GLib
 * program does. */
static void
test_lean_front (Fixture       *f,
                 gconstpointer  data)
{
  const char *binary = g_getenv ("PB_BINARY");
  const char *argv[] = { "ldd", binary, NULL };
  g_autofree char *out = NULL;
  g_auto(PbTestRun) version = { 0 };
  int status = 0;

  g_assert_nonnull (binary);
  pb_test_run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, PACKAGE_NAME " "));

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("ldd could not list the front's libraries");
      return;
    }
  g_assert_nonnull (strstr (out, "libsqlite3"));
  g_assert_null (strstr (out, "libpoppler"));
  g_assert_null (strstr (out, "libcairo"));
  g_assert_null (strstr (out, "libgtk"));
  g_assert_null (strstr (out, "libqpdf"));
}

/* list and show give what each report says about itself, as inspect
 * does: a re-inspection with its grades, a focused visit with its theme,
 * another paper as "other". */
static void
test_list_and_show_structure (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const reinspection[] = {
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
  static const char * const visit[] = {
    "Dear Jo\nFocused visit to Eastmoor children’s services\n"
    "This letter summarises the findings of the focused visit to\n"
    "Eastmoor children’s services on 8 and 9 November 2022.\n"
    "Inspectors looked at the local authority’s arrangements for\n"
    "care leavers.\n"
    "Yours sincerely\nLisa Walsh\nHis Majesty’s Inspector\n",
    NULL
  };
  g_autofree char *sif_pdf = pb_test_write_pdf (f->dir, "reinspection.pdf", reinspection, NULL);
  g_autofree char *visit_pdf = pb_test_write_pdf (f->dir, "visit.pdf", visit, NULL);
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) show = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonArray *reports;
  JsonObject *item;

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, sif_pdf, visit_pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&list, "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = pb_test_parse_json (list.out);
  reports = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (reports), ==, 3);
  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      item = json_array_get_object_element (reports, i);

      switch (json_object_get_int_member (item, "id"))
        {
        case 1:
          g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "other");
          g_assert_true (json_object_get_null_member (item, "local_authority"));
          g_assert_cmpuint (json_object_get_size (json_object_get_object_member (item, "judgements")), ==, 0);
          break;
        case 2:
          g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "sif_inspection");
          g_assert_true (json_object_get_boolean_member (item, "reinspection"));
          g_assert_cmpstr (json_object_get_string_member (item, "local_authority"), ==, "Northmoor");
          g_assert_cmpstr (json_object_get_string_member (item, "inspection_start"), ==, "2016-09-12");
          g_assert_cmpstr (json_object_get_string_member (item, "inspection_end"), ==, "2016-10-06");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "judgements"),
                                                          "overall_effectiveness"), ==, "inadequate");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "judgements"),
                                                          "adoption"), ==, "good");
          break;
        case 3:
          g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "focused_visit");
          g_assert_false (json_object_get_boolean_member (item, "reinspection"));
          g_assert_cmpstr (json_object_get_string_member (item, "local_authority"), ==, "Eastmoor");
          g_assert_cmpstr (json_object_get_string_member (item, "inspection_start"), ==, "2022-11-08");
          g_assert_cmpstr (json_object_get_string_member (item, "lead_inspector"), ==, "Lisa Walsh");
          g_assert_cmpstr (json_object_get_string_member (item, "theme"), ==, "care leavers");
          break;
        default:
          g_assert_not_reached ();
        }
    }

  pb_test_run_cli (&show, "show", "3", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (show.status, ==, 0);
  one = pb_test_parse_json (show.out);
  item = json_node_get_object (one);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "focused_visit");
  g_assert_cmpstr (json_object_get_string_member (item, "theme"), ==, "care leavers");
  g_assert_cmpstr (json_object_get_string_member (item, "inspection_end"), ==, "2022-11-09");
  g_assert_true (json_object_get_null_member (item, "published"));
}

/* The options every command takes may come before the command, also
 * before one with actions ("findings list"). */
static void
test_options_before_command (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) findings = { 0 };
  g_auto(PbTestRun) findings_json = { 0 };
  g_autoptr(JsonNode) root = NULL;

  pb_test_run_cli (&import, "--library", f->library_dir, "import", f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  pb_test_run_cli (&findings, "--library", f->library_dir, "findings", "list", NULL);
  g_assert_cmpint (findings.status, ==, 0);
  g_assert_cmpstr (findings.err, ==, "");

  pb_test_run_cli (&findings_json, "-l", f->library_dir, "--json", "findings", "list", "--kind", "strength", NULL);
  g_assert_cmpint (findings_json.status, ==, 0);
  root = pb_test_parse_json (findings_json.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
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

/* A pack bundle given alone, as a double-click gives it, starts the window
 * with it (which asks an exempt pack's passphrase); "open-bundle FILE"
 * stays on the command line. */
static void
test_bundle_opens_window (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *app = g_build_filename (f->dir, "fake-app", NULL);
  g_autofree char *record = g_build_filename (f->dir, "app-args", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s'\n", record);
  g_autofree char *bundle = g_build_filename (f->dir, "march.panelpack", NULL);
  g_autofree char *args = NULL;
  g_auto(PbTestRun) opened = { 0 };
  g_auto(PbTestRun) command = { 0 };

  g_assert_true (g_file_set_contents (app, script, -1, NULL));
  g_assert_cmpint (g_chmod (app, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bundle, "not really a bundle", -1, NULL));
  g_setenv ("PANEL_BRIEF_APP", app, TRUE);

  pb_test_run_cli (&opened, bundle, NULL);
  g_assert_cmpint (opened.status, ==, 0);
  g_assert_true (g_file_get_contents (record, &args, NULL, NULL));
  g_assert_cmpstr (g_strchomp (args), ==, bundle);
  g_assert_cmpint (g_unlink (record), ==, 0);

  pb_test_run_cli (&command, "open-bundle", bundle, NULL);
  g_unsetenv ("PANEL_BRIEF_APP");
  g_assert_cmpint (command.status, !=, 0);
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));
}

/* The commands that do not change a library make none where there is
 * none: a mistyped --library is said to hold none, and nothing is left
 * behind. */
static void
test_read_no_library (Fixture       *f,
                      gconstpointer  data)
{
  const char *commands[][3] = {
    { "list", NULL }, { "search", "care" }, { "show", "1" }, { "check", NULL },
    { "findings", "list" }, { "pack", "list" }, { "recommendations", "list" }, { "reindex", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PbTestRun) run = { 0 };

      if (commands[i][1] != NULL)
        pb_test_run_cli (&run, commands[i][0], commands[i][1], "--library", f->library_dir, NULL);
      else
        pb_test_run_cli (&run, commands[i][0], "--library", f->library_dir, NULL);
      g_test_message ("%s %s: %s", commands[i][0], commands[i][1] ? commands[i][1] : "", run.err);
      g_assert_cmpint (run.status, ==, 1);
      pb_test_assert_one_line_error (&run);
      g_assert_nonnull (strstr (run.err, "There is no library in"));
      g_assert_false (g_file_test (f->library_dir, G_FILE_TEST_EXISTS));
    }

  /* A folder named "reports" of one's own PDFs, or an empty "backups", is
   * no library either: nothing is made in the folder. */
  {
    g_autofree char *reports = g_build_filename (f->library_dir, "reports", NULL);
    g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);
    g_autofree char *own = g_build_filename (reports, "minutes.pdf", NULL);
    g_autofree char *db = g_build_filename (f->library_dir, "library.db", NULL);
    g_auto(PbTestRun) run = { 0 };
    g_auto(PbTestRun) lost = { 0 };
    g_autofree char *stored = NULL;

    g_assert_cmpint (g_mkdir_with_parents (reports, 0700), ==, 0);
    g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
    g_assert_true (g_file_set_contents (own, "%PDF-1.4 minutes", -1, NULL));
    pb_test_run_cli (&run, "search", "care", "--library", f->library_dir, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "There is no library in"));
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

    /* A stored report, named by its checksum, is a library that lost its
     * database: it opens and says so. */
    stored = g_build_filename (reports, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.pdf", NULL);
    g_assert_true (g_file_set_contents (stored, "%PDF-1.4 stored", -1, NULL));
    pb_test_run_cli (&lost, "list", "--library", f->library_dir, NULL);
    g_assert_cmpint (lost.status, ==, 0);
    g_assert_nonnull (strstr (lost.err, "1 report"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/read-no-library", Fixture, NULL,
              pb_test_cli_fixture_setup, test_read_no_library, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/import-json", Fixture, NULL,
              pb_test_cli_fixture_setup, test_import_json, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/import-text-and-errors", Fixture, NULL,
              pb_test_cli_fixture_setup, test_import_text_and_errors, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/list-and-show", Fixture, NULL,
              pb_test_cli_fixture_setup, test_list_and_show, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/list-and-show-structure", Fixture, NULL,
              pb_test_cli_fixture_setup, test_list_and_show_structure, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/display-titles", Fixture, NULL,
              pb_test_cli_fixture_setup, test_display_titles, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/search", Fixture, NULL,
              pb_test_cli_fixture_setup, test_search, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/bad-library", Fixture, NULL,
              pb_test_cli_fixture_setup, test_bad_library_and_usage, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/bundle-opens-window", Fixture, NULL,
              pb_test_cli_fixture_setup, test_bundle_opens_window, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/lean-front", Fixture, NULL,
              pb_test_cli_fixture_setup, test_lean_front, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/options-before-command", Fixture, NULL,
              pb_test_cli_fixture_setup, test_options_before_command, pb_test_cli_fixture_teardown);
  g_test_add ("/cli/inspect", Fixture, NULL,
              pb_test_cli_fixture_setup, test_inspect, pb_test_cli_fixture_teardown);

  return g_test_run ();
}
