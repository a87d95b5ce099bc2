/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pb-test-util.h"

/* Runs the real panel-brief binary, with no display, as a script would. */

typedef struct
{
  char *dir;
  char *library_dir;
  char *pdf;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("PB_BINARY"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display at all: the command line must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "PANEL_BRIEF_LIBRARY");

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_one_line_error (Run *run)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "panel-brief: "));
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

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
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *item;

  run_cli (&first, "import", "--library", f->library_dir, "--json", f->pdf, NULL);
  g_assert_cmpint (first.status, ==, 0);

  root = parse_json (first.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "file"), ==, f->pdf);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_true (json_object_get_null_member (item, "error"));
  g_clear_pointer (&root, json_node_unref);

  /* Options after the files work too; a failure makes the exit non-zero. */
  run_cli (&again, "import", f->pdf, empty, "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (again.status, ==, 1);
  root = parse_json (again.out);
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
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&ok, "import", "-l", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "as report 1"));

  run_cli (&bad, "import", "-l", f->library_dir, html, NULL);
  assert_one_line_error (&bad);
  g_assert_nonnull (strstr (bad.err, "web page"));

  run_cli (&usage, "import", "-l", f->library_dir, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_list_and_show (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_text = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonObject *item;
  const char *sha;
  g_autofree char *prefix = NULL;

  run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&list, "list", "--library", f->library_dir, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Fernleigh inspection");
  g_assert_cmpint (json_object_get_int_member (item, "pages"), ==, 2);
  sha = json_object_get_string_member (item, "sha256");
  g_assert_cmpuint (strlen (sha), ==, 64);
  g_assert_nonnull (json_object_get_string_member (item, "imported_at"));

  prefix = g_strndup (sha, 10);
  run_cli (&show, "show", prefix, "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (show.status, ==, 0);
  one = parse_json (show.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (one), "sha256"), ==, sha);
  g_assert_true (g_file_test (json_object_get_string_member (json_node_get_object (one), "path"),
                              G_FILE_TEST_EXISTS));

  run_cli (&show_text, "show", "1", "--library", f->library_dir, NULL);
  g_assert_cmpint (show_text.status, ==, 0);
  g_assert_true (g_str_has_prefix (show_text.out, "Fernleigh inspection\n"));

  run_cli (&missing, "show", "7", "--library", f->library_dir, NULL);
  assert_one_line_error (&missing);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) import = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *hit;

  run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);

  run_cli (&search, "search", "--library", f->library_dir, "--json", "local", "offer", NULL);
  g_assert_cmpint (search.status, ==, 0);
  root = parse_json (search.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  hit = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "report_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hit, "page"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "local offer"));
  g_assert_true (json_object_has_member (hit, "rank"));

  run_cli (&none, "search", "--library", f->library_dir, "--json", "adoption", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (none.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  run_cli (&bad, "search", "--library", f->library_dir, "o*", NULL);
  assert_one_line_error (&bad);
}

static void
test_bad_library_and_usage (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) help = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (f->library_dir, 0700), ==, 0);
  pb_test_write_file (f->library_dir, "library.db", "definitely not a database, just some words", -1);

  run_cli (&list, "list", "--library", f->library_dir, NULL);
  assert_one_line_error (&list);
  g_assert_nonnull (strstr (list.err, "not a Panel Brief library"));

  run_cli (&unknown, "frobnicate", "--library", f->library_dir, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command"));

  run_cli (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "import"));
  g_assert_nonnull (strstr (help.out, "search"));
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
  g_test_add ("/cli/bad-library", Fixture, NULL, fixture_setup, test_bad_library_and_usage, fixture_teardown);

  return g_test_run ();
}
