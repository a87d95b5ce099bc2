/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli.h"

/* panel-brief: the lean front of the command line. It links GLib, SQLite
 * and the store only, so that `--version`, `list`, `search` and `show`
 * start about as quickly as a bare GLib program: the whole core brings poppler, cairo,
 * pango, qpdf and some seventy shared libraries, and loading them took most
 * of a command's time (tests/bench/bench-cli.c). Options alone start the
 * window (panel-brief-app) at once; every other command, or files to
 * import in the window, go to panel-brief-cli with the same arguments. */

/* The program @name: PANEL_BRIEF_APP for the app when set, else beside
 * this one in the build tree, else where it is installed. */
static char *
find_program (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = folder ? g_build_filename (folder, name, NULL) : NULL;
  const char *override = g_getenv ("PANEL_BRIEF_APP");

  if (g_str_equal (name, "panel-brief-app") && override != NULL && *override != '\0')
    return g_strdup (override);
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  return g_build_filename (LIBEXECDIR, name, NULL);
}

/* Whether the arguments are options only: the window, with no command or
 * file for panel-brief-cli to tell apart. */
static gboolean
options_only (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--library") || g_str_equal (argv[i], "-l"))
        i++;
      else if (argv[i][0] != '-')
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *program = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (pb_cli_run_lean (argc, argv, &status))
    return status;

  /* Straight to the window when there is nothing but options: the
   * command line's libraries are not worth loading on the way. */
  if (options_only (argc, argv))
    {
      program = find_program ("panel-brief-app");
      argv[0] = program;
      execv (program, argv);
      fprintf (stderr, _("panel-brief: the app could not be started (%s): %s\n"), program,
               g_strerror (errno));
      return 1;
    }

  program = find_program ("panel-brief-cli");
  execv (program, argv);

  fprintf (stderr, _("panel-brief: the command line could not be started (%s): %s\n"), program,
           g_strerror (errno));
  return 1;
}
