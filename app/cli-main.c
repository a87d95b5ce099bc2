/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli.h"

/* panel-brief-cli: the command line, linked with the core alone, so that a
 * command never loads GTK. The lean front, panel-brief (main.c), runs the
 * commands that only read rows itself and hands the others here, with its
 * own argv[0]. Without a command this hands over to the app,
 * panel-brief-app: beside this program in the build tree, else where it is
 * installed. */

static char *
find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = folder ? g_build_filename (folder, "panel-brief-app", NULL) : NULL;
  const char *override = g_getenv ("PANEL_BRIEF_APP");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  return g_build_filename (LIBEXECDIR, "panel-brief-app", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (pb_cli_wants_command_line (argc, argv))
    return pb_cli_run (argc, argv);

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--version"))
      {
        printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
        return 0;
      }

  app = find_app ();
  argv[0] = app;
  execv (app, argv);

  fprintf (stderr, _("panel-brief: the app could not be started (%s): %s\n"), app, g_strerror (errno));
  return 1;
}
