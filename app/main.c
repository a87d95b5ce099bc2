/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pb-application.h"
#include "pb-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PbApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command needs no display, and must not start GTK. */
  if (pb_cli_wants_command_line (argc, argv))
    return pb_cli_run (argc, argv);

  app = pb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
