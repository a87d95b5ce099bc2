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

static const Command commands[] = {
  { "import", N_("FILE…"), N_("Import PDF reports into the library"), _pb_cli_run_import },
  { "list", "", N_("List the reports in the library"), _pb_cli_run_list },
  { "search", N_("QUERY"), N_("Search the text of every report"), _pb_cli_run_search },
  { "show", N_("REPORT"), N_("Show one report (by id or checksum)"), _pb_cli_run_show },
  { "findings", N_("list|add"), N_("List findings, or add one"), _pb_cli_run_findings },
  { "inspect", N_("FILE"), N_("Read an inspection report’s structure, without importing it"), _pb_cli_run_inspect },
  { "pack", N_("create|set|add|list|export"), N_("Make, fill, list and export briefing packs"), _pb_cli_run_pack },
  { "open-bundle", N_("FILE"), N_("Open a pack bundle (.panelpack) an officer sent"), _pb_cli_run_open_bundle },
  { "bundle", N_("list|show|note|questions"), N_("Read packs opened from bundles, note them and export questions"),
    _pb_cli_run_bundle },
  { "questions", N_("import|list"), N_("Import the questions panel members sent on a pack, or list them"),
    _pb_cli_run_questions },
  { "check", "", N_("Check the library, and with --repair mend what can be mended"), _pb_cli_run_check },
  { "backup", "", N_("Back up the library now, or --list the backups"), _pb_cli_run_backup },
  { "restore", N_("BACKUP"), N_("Put a backup back in place of the library (or --latest)"), _pb_cli_run_restore },
  { "library", N_("export|import"), N_("Write the whole library to one file, or open such a file"), _pb_cli_run_library },
  { "export-annotated", N_("REPORT"), N_("Save a copy of a report with its findings as highlights"),
    _pb_cli_run_export_annotated },
  { "reindex", "", N_("Read the reports’ text again after an upgrade"), _pb_cli_run_reindex },
  { "recommendations", N_("list|show|create|update|link|suggest-links"),
    N_("Follow recommendations from inspection to action"), _pb_cli_run_recommendations },
  { "compare", N_("REPORT REPORT"), N_("Compare two reports of one authority, cohort by cohort"),
    _pb_cli_run_compare },
};

const Command *
_pb_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int
_pb_cli_fail (const char *message)
{
  g_autofree char *one_line = g_strdup (message);

  g_strdelimit (one_line, "\n", ' ');
  fprintf (stderr, "panel-brief: %s\n", one_line);
  return EXIT_FAILED;
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

void
_pb_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* A member that is a string, or null when there is none. */
void
_pb_cli_add_string_or_null (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A path (or file name) as text: the bytes of a name that is not UTF-8
 * are shown converted, never written raw into JSON or onto the terminal. */
char *
_pb_cli_display (const char *path)
{
  return path != NULL ? g_filename_display_name (path) : NULL;
}

/* A member that is a path, shown as text (see _pb_cli_display ()), or null. */
void
_pb_cli_add_path (JsonBuilder *builder,
                  const char  *name,
                  const char  *path)
{
  g_autofree char *display = _pb_cli_display (path);

  _pb_cli_add_string_or_null (builder, name, display);
}

/* Where a command is to write the file the user named: absolute, and not a
 * folder (see pb_output_path_resolve ()). */
char *
_pb_cli_output_path (const char  *path,
                     GError     **error)
{
  return pb_output_path_resolve (path, error);
}

/* A member that is an integer, or null when it is not @present. */
void
_pb_cli_add_int_or_null (JsonBuilder *builder,
                         const char  *name,
                         gint64       value,
                         gboolean     present)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A member that is a time in ISO 8601, or null when there is none. */
void
_pb_cli_add_date_or_null (JsonBuilder *builder,
                          const char  *name,
                          GDateTime   *value)
{
  g_autofree char *text = value ? g_date_time_format_iso8601 (value) : NULL;
  _pb_cli_add_string_or_null (builder, name, text);
}

/* An id as the user types it: a whole number from 1. */
gboolean
_pb_cli_parse_id (const char *text,
                  gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

/* Parses the command's own options, plus the ones every command takes. */
gboolean
_pb_cli_parse_options (CommonOptions  *common,
               const Command  *command,
               GOptionEntry   *extra,
               int            *argc,
               char         ***argv,
               GError        **error)
{
  GOptionEntry common_entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &common->library_dir,
      N_("Use the library in DIR"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &common->json,
      N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, _(command->args));

  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);

  return g_option_context_parse (context, argc, argv, error);
}

/* Opens the library, saying on standard error what the user should know:
 * something set right while opening, or why it can only be read. */
PbLibrary *
_pb_cli_open_library (CommonOptions  *common,
                      GError        **error)
{
  g_autofree char *path = pb_library_resolve_path (common->library_dir);
  PbLibrary *library = pb_library_open (path, error);

  if (library != NULL && pb_library_get_notice (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_notice (library));
  if (library != NULL && pb_library_get_problem (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_problem (library)->message);

  return library;
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

int
_pb_cli_usage_error (const char *message)
{
  fprintf (stderr, "panel-brief: %s\n", message);
  return EXIT_USAGE;
}

/**
 * _pb_cli_action_first:
 * @argv: "panel-brief COMMAND …", as a command is given it
 *
 * Moves a command's action ("list" of "pack list") to argv[2], so that
 * options may come before it as before the command ("panel-brief
 * --library DIR pack list", which puts --library after the command).
 * The options keep their order; nothing moves when there is no action.
 */
void
_pb_cli_action_first (int    argc,
                      char **argv)
{
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--library") || g_str_equal (argv[i], "-l"))
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        continue;

      /* argv[2..i] rotated right by one: the action, then the options. */
      {
        char *action = argv[i];

        memmove (argv + 3, argv + 2, (gsize)(i - 2) * sizeof (char *));
        argv[2] = action;
      }
      return;
    }
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
      const char *args = _(commands[i].args);
      glong width = (glong)strlen (commands[i].name) + 1 + g_utf8_strlen (args, -1);

      fprintf (out, "  %s %s%*s %s\n", commands[i].name, args, (int)MAX (0, 30 - width), "",
               _(commands[i].summary));
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

      /* A pack bundle is opened here for now; the window will take it over. */
      if (g_str_has_suffix (arg, "." PB_BUNDLE_EXTENSION))
        return TRUE;

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
  /* Room for the command name put in front of a bundle's path. */
  g_autofree char **args = g_new0 (char *, argc + 2);
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

  /* "panel-brief FILE.panelpack": open-bundle FILE. */
  if (g_str_has_suffix (argv[command_index], "." PB_BUNDLE_EXTENSION))
    {
      command = _pb_cli_find_command ("open-bundle");
      args[0] = argv[0];
      args[1] = (char *)command->name;
      for (int i = 1; i < argc; i++)
        args[i + 1] = argv[i];
      status = command->run (&common, argc + 1, args);
      g_free (common.library_dir);
      return status;
    }

  if (!(command = _pb_cli_find_command (argv[command_index])))
    {
      fprintf (stderr, _("panel-brief: unknown command “%s”.\n"), argv[command_index]);
      print_usage (stderr);
      return EXIT_USAGE;
    }

  /* The options every command takes, given before the command, go after
   * its words, so that a command with actions ("findings list") finds its
   * action straight after its name: "panel-brief --library DIR findings
   * list" is "panel-brief findings list --library DIR". */
  {
    g_autoptr(GPtrArray) before = g_ptr_array_new ();
    int j = 2;

    args[0] = argv[0];
    args[1] = argv[command_index];
    for (int i = 1; i < command_index; i++)
      g_ptr_array_add (before, argv[i]);
    for (int i = command_index + 1; i < argc; i++)
      {
        /* Before "--", so that they are still read as options. */
        if (g_str_equal (argv[i], "--"))
          while (before->len > 0)
            args[j++] = g_ptr_array_steal_index (before, 0);
        args[j++] = argv[i];
      }
    for (guint k = 0; k < before->len; k++)
      args[j++] = g_ptr_array_index (before, k);
  }

  status = command->run (&common, argc, args);

  g_free (common.library_dir);

  return status;
}
