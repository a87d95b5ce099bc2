/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pb-backup.h"
#include "pb-cli-private.h"
#include "pb-library.h"

/* What every command shares and the store alone is enough for: failing,
 * JSON, options, opening the library. The lean front (main.c) links this
 * and pb-cli-read.c without the rest of the core, so that list and search
 * load no PDF, drawing or archive library. */

int
_pb_cli_fail (const char *message)
{
  g_autofree char *one_line = g_strdup (message);

  g_strdelimit (one_line, "\n", ' ');
  fprintf (stderr, "panel-brief: %s\n", one_line);
  return EXIT_FAILED;
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

  /* The usage line names the program, then the command: GOption takes
   * the program's name from argv[0], which is the command here
   * ("recommendations [OPTION…] recommendations list|…"). */
  if (g_strcmp0 (g_get_prgname (), "panel-brief") != 0)
    g_set_prgname ("panel-brief");
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);

  return g_option_context_parse (context, argc, argv, error);
}

/* A stored report's name: its SHA-256. */
static gboolean
is_stored_report (const char *name)
{
  return pb_library_is_report_file_name (name);
}

/* A backup's name, library-<UTC time>.db. */
static gboolean
is_backup (const char *name)
{
  return pb_backup_parse_file_name (name, NULL);
}

/* Whether @folder holds a file whose name @is_one says is one of a
 * library's: a folder of one's own PDFs named "reports" is no library. */
static gboolean
holds_file (const char *folder,
            gboolean  (*is_one) (const char *name))
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_one (name))
      return TRUE;
  return FALSE;
}

/* Whether @path holds a library: a command that does not change one makes
 * none where there is none (a mistyped --library would leave an empty one
 * behind and answer "No matches." or "The library is sound: 0 reports" as if
 * the reports were gone). A folder with stored reports or backups but no
 * database is a library that lost it: opened, it says what to do. */
static gboolean
library_is_there (const char  *path,
                  GError     **error)
{
  g_autofree char *db_path = g_build_filename (path, "library.db", NULL);
  g_autofree char *reports_path = g_build_filename (path, "reports", NULL);
  g_autofree char *backups_path = g_build_filename (path, "backups", NULL);
  g_autofree char *shown = NULL;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) || holds_file (reports_path, is_stored_report) ||
      holds_file (backups_path, is_backup))
    return TRUE;

  shown = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no library in “%s”: import a report to start one there, or give the "
                 "library’s folder with --library."), shown);
  return FALSE;
}

/* Opens the library, saying on standard error what the user should know:
 * something set right while opening, or why it can only be read; for a
 * command that does not change it, so there must be one. */
PbLibrary *
_pb_cli_open_library (CommonOptions  *common,
                      GError        **error)
{
  g_autofree char *path = pb_library_resolve_path (common->library_dir);
  PbLibrary *library;

  if (!library_is_there (path, error))
    return NULL;
  library = pb_library_open (path, error);

  if (library != NULL && pb_library_get_notice (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_notice (library));
  if (library != NULL && pb_library_get_problem (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_problem (library)->message);

  return library;
}

/* As _pb_cli_open_library (), for a command that only reads (list, search,
 * show): when the library is sound, up to date and nobody else has it open,
 * it is read as it is and nothing is written into its folder
 * (pb_library_open_to_read ()); otherwise it is opened in full, with all
 * that says. */
PbLibrary *
_pb_cli_open_library_to_read (CommonOptions  *common,
                              GError        **error)
{
  g_autofree char *path = pb_library_resolve_path (common->library_dir);
  PbLibrary *library;

  if (!library_is_there (path, error))
    return NULL;

  library = pb_library_open_to_read (path, error);

  if (library != NULL && pb_library_get_notice (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_notice (library));
  if (library != NULL && pb_library_get_problem (library) != NULL)
    fprintf (stderr, "panel-brief: %s\n", pb_library_get_problem (library)->message);

  return library;
}

/* The exit status of a command that only read @library and printed what it
 * could: a failure when the library is damaged, so that a script does not
 * take what it printed for the whole library (the problem was said on
 * stderr when the library was opened). */
int
_pb_cli_read_status (PbLibrary *library)
{
  if (g_error_matches (pb_library_get_problem (library), PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED))
    return EXIT_FAILED;
  return EXIT_OK;
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

/* Fills @args (room for @argc) with @argv as a command sees it: "panel-brief
 * COMMAND …". The options every command takes, given before the command, go
 * after its words, so that a command with actions ("findings list") finds
 * its action straight after its name: "panel-brief --library DIR findings
 * list" is "panel-brief findings list --library DIR". */
void
_pb_cli_arrange_args (int    argc,
                      char **argv,
                      int    command_index,
                      char **args)
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
