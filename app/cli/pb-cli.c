/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pb-backup.h"
#include "pb-bundle.h"
#include "pb-cli-private.h"
#include "pb-cli.h"
#include "pb-document.h"
#include "pb-library.h"
#include "pb-output-path.h"

/* The command line: the same binary without a display. Each command prints
 * text for people, or JSON with --json for scripts, and on failure exits
 * non-zero after one line on stderr. GTK is never initialised here. This
 * file finds the command and holds what every command shares; the commands
 * are in pb-cli-*.c by what they work on. */

static const Command * const commands[] = {
  &(const Command) { "import", N_("FILE…"), N_("Import PDF reports into the library"), _pb_cli_run_import },
  &_pb_cli_list_command,
  &_pb_cli_search_command,
  &_pb_cli_show_command,
  &(const Command) { "findings", N_("list|add"), N_("List findings, or add one"), _pb_cli_run_findings },
  &(const Command) { "inspect", N_("FILE"), N_("Read an inspection report’s structure, without importing it"), _pb_cli_run_inspect },
  &(const Command) { "pack", N_("create|set|add|list|export"), N_("Make, fill, list and export briefing packs"), _pb_cli_run_pack },
  &(const Command) { "open-bundle", N_("FILE"), N_("Open a pack bundle (.panelpack) an officer sent"), _pb_cli_run_open_bundle },
  &(const Command) { "bundle", N_("list|show|note|questions"), N_("Read packs opened from bundles, note them and export questions"),
    _pb_cli_run_bundle },
  &(const Command) { "questions", N_("import|list"), N_("Import the questions panel members sent on a pack, or list them"),
    _pb_cli_run_questions },
  &(const Command) { "check", "", N_("Check the library, and with --repair mend what can be mended"), _pb_cli_run_check },
  &(const Command) { "backup", "", N_("Back up the library now, or --list the backups"), _pb_cli_run_backup },
  &(const Command) { "restore", N_("BACKUP"), N_("Put a backup back in place of the library (or --latest)"), _pb_cli_run_restore },
  &(const Command) { "library", N_("export|import"), N_("Write the whole library to one file, or open such a file"), _pb_cli_run_library },
  &(const Command) { "export-annotated", N_("REPORT"), N_("Save a copy of a report with its findings as highlights"),
    _pb_cli_run_export_annotated },
  &(const Command) { "reindex", "", N_("Read the reports’ text again after an upgrade"), _pb_cli_run_reindex },
  &(const Command) { "recommendations", N_("list|show|create|update|link|unlink|suggest-links|confirm-link|delete"),
    N_("Follow recommendations from inspection to action"), _pb_cli_run_recommendations },
  &(const Command) { "compare", N_("REPORT REPORT"), N_("Compare two reports of one authority, cohort by cohort"),
    _pb_cli_run_compare },
};

const Command *
_pb_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i]->name, name) == 0)
      return commands[i];
  return NULL;
}

/* Fails with @error's message, saying plainly how to give a password when
 * one is what is missing. */
int
_pb_cli_fail_with (const GError *error,
                   const char   *title)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD))
    /* Translators: %s is a report's title */
    message = g_strdup_printf (_("“%s” is protected by a password: give it with --password."),
                               title ? title : _("The report"));
  else if (g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD))
    /* Translators: %s is a report's title */
    message = g_strdup_printf (_("That password does not open “%s”."), title ? title : _("the report"));

  return _pb_cli_fail (message ? message : error->message);
}

/* Where a command is to write the file the user named: absolute, and not a
 * folder (see pb_output_path_resolve ()). */
char *
_pb_cli_output_path (const char  *path,
                     GError     **error)
{
  return pb_output_path_resolve (path, error);
}

/* As _pb_cli_open_library (), for a command that changes the library: it
 * fails at once when the library can only be read, and takes the day's
 * backup first if none was taken today. */
PbLibrary *
_pb_cli_open_library_to_change (CommonOptions  *common,
                                GError        **error)
{
  g_autofree char *path = pb_library_resolve_path (common->library_dir);
  g_autoptr(PbLibrary) library = pb_library_open (path, error);
  g_autoptr(GError) backup_error = NULL;

  if (library == NULL || !pb_library_check_writable (library, error))
    return NULL;

  if (pb_library_get_notice (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_notice (library));
  if (!pb_library_backup_if_due (library, NULL, &backup_error))
    fprintf (stderr, _("panel-brief: the day’s backup could not be made: %s\n"),
             backup_error->message);

  return g_steal_pointer (&library);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: panel-brief [COMMAND] [--library DIR] [--json] …"));
  fprintf (out, "\n%s\n", _("Without a command, Panel Brief opens its window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      /* Padded by characters, not bytes: "FILE…" is wider in bytes. */
      const char *args = _(commands[i]->args);
      glong width = (glong)strlen (commands[i]->name) + 1 + g_utf8_strlen (args, -1);

      fprintf (out, "  %s %s%*s %s\n", commands[i]->name, args, (int)MAX (0, 30 - width), "",
               _(commands[i]->summary));
    }
  fprintf (out, "\n%s\n", _("Run “panel-brief COMMAND --help” for a command’s options."));
}

/**
 * pb_cli_wants_command_line:
 *
 * Whether the arguments name a command (or ask for command help), in which case
 * the command line runs instead of the window.
 */
gboolean
pb_cli_wants_command_line (int    argc,
                           char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "help"))
        return TRUE;

      /* Skip the value of an option that takes one. */
      if (g_str_equal (arg, "--library") || g_str_equal (arg, "-l"))
        {
          i++;
          continue;
        }

      if (arg[0] == '-')
        continue;

      /* A pack bundle given alone (a double-click runs "panel-brief
       * FILE.panelpack") opens in the window, which asks for an exempt
       * pack's passphrase; "open-bundle FILE" opens it here. */
      if (g_str_has_suffix (arg, "." PB_BUNDLE_EXTENSION))
        return FALSE;

      /* A word that is neither a command nor a file is a mistyped command:
       * better an "unknown command" than a window trying to import it. */
      return _pb_cli_find_command (arg) != NULL ||
             (strpbrk (arg, "./") == NULL && !g_file_test (arg, G_FILE_TEST_EXISTS));
    }

  return FALSE;
}

int
pb_cli_run (int    argc,
            char **argv)
{
  /* The arguments as _pb_cli_arrange_args () puts them, NULL-terminated. */
  g_autofree char **args = g_new0 (char *, argc + 1);
  CommonOptions common = { 0 };
  const Command *command = NULL;
  int command_index = -1;
  int status;

  /* Find the command; options may come before or after it. The command is moved
   * to argv[1] so every command sees "panel-brief COMMAND …". */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--library") || g_str_equal (argv[i], "-l"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-')
        {
          command_index = i;
          break;
        }
    }

  if (command_index < 0 || g_str_equal (argv[command_index], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (!(command = _pb_cli_find_command (argv[command_index])))
    {
      fprintf (stderr, _("panel-brief: unknown command “%s”.\n"), argv[command_index]);
      print_usage (stderr);
      return EXIT_USAGE;
    }

  _pb_cli_arrange_args (argc, argv, command_index, args);

  status = command->run (&common, argc, args);

  g_free (common.library_dir);

  return status;
}
