/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "pb-test-cli.h"
#include "pb-test-util.h"

void
pb_test_run_clear (PbTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_cli_va (PbTestRun  *run,
            const char *cwd,
            const char *first,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_canonicalize_filename (g_getenv ("PB_BINARY"), NULL);
  const char *arg;
  int wait_status = 0;

  g_ptr_array_add (argv, binary);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "PANEL_BRIEF_LIBRARY");

  g_spawn_sync (cwd, (char **)argv->pdata, env, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Runs the binary with the arguments up to NULL, with no display at all:
 * the command line must not need one. */
void
pb_test_run_cli (PbTestRun  *run,
                 const char *first,
                 ...)
{
  va_list args;

  va_start (args, first);
  run_cli_va (run, NULL, first, args);
  va_end (args);
}

/* As pb_test_run_cli (), in the folder @cwd: for names relative to it. */
void
pb_test_run_cli_in (PbTestRun  *run,
                    const char *cwd,
                    const char *first,
                    ...)
{
  va_list args;

  va_start (args, first);
  run_cli_va (run, cwd, first, args);
  va_end (args);
}

JsonNode *
pb_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Failed, with one line on stderr. */
void
pb_test_assert_one_line_error (PbTestRun *run)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "panel-brief: "));
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

void
pb_test_cli_fixture_setup (PbTestCliFixture *f,
                           gconstpointer     data)
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

void
pb_test_cli_fixture_teardown (PbTestCliFixture *f,
                              gconstpointer     data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->pdf);
  g_free (f->library_dir);
  g_free (f->dir);
}
