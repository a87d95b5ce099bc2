/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli.h"

/* panel-brief: the lean front of the command line. It links GLib, SQLite
 * and the store only, so that `--version`, `list` and `search` start about
 * as quickly as a bare GLib program: the whole core brings poppler, cairo,
 * pango, qpdf and some seventy shared libraries, and loading them took most
 * of a command's time (tests/bench/bench-cli.c). Every other command, and
 * the window, go to panel-brief-cli with the same arguments: beside this
 * program in the build tree, else where it is installed. */

static char *
find_cli (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = folder ? g_build_filename (folder, "panel-brief-cli", NULL) : NULL;

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  return g_build_filename (LIBEXECDIR, "panel-brief-cli", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cli = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (pb_cli_run_lean (argc, argv, &status))
    return status;

  cli = find_cli ();
  execv (cli, argv);

  fprintf (stderr, _("panel-brief: the command line could not be started (%s): %s\n"), cli,
           g_strerror (errno));
  return 1;
}
