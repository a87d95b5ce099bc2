/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-cli-private.h"
#include "pb-member-note.h"
#include "pb-questions.h"

/* Pack bundles on the command line: open-bundle (also what
 * "panel-brief FILE.panelpack" runs), the member's bundle list|show|note|
 * questions, and the officer's questions import|list.  A passphrase comes
 * from a file (its first line) or is asked for on the terminal without
 * echo; it is wiped from memory once used and written nowhere. */

static void
wipe (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

typedef char *PbSecret;

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (PbSecret, wipe, NULL)

static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *end;
  char *passphrase;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  end = memchr (contents, '\n', length);
  passphrase = g_strndup (contents, end ? (gsize)(end - contents) : length);
  explicit_bzero (contents, length);
  g_strchomp (passphrase);   /* a "\r" from Windows */
  return passphrase;
}

/* Asks on the terminal, without echoing what is typed. */
static char *
prompt (const char *question)
{
  struct termios saved, quiet;
  char buffer[1024];
  char *passphrase = NULL;
  gboolean hidden;

  fprintf (stderr, "%s ", question);
  fflush (stderr);
  hidden = tcgetattr (STDIN_FILENO, &saved) == 0;
  if (hidden)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      passphrase = g_strdup (buffer);
    }
  explicit_bzero (buffer, sizeof buffer);
  if (hidden)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fprintf (stderr, "\n");
  return passphrase;
}

/**
 * _pb_cli_get_passphrase:
 * @file: (nullable): --passphrase-file
 * @confirm: ask twice, for a new bundle
 *
 * Returns: (transfer full): the passphrase, to be wiped by the caller with
 *   _pb_cli_wipe(); or %NULL with @error set
 */
char *
_pb_cli_get_passphrase (const char  *file,
                        gboolean     confirm,
                        GError     **error)
{
  g_auto(PbSecret) first = NULL;
  g_auto(PbSecret) second = NULL;

  if (file != NULL)
    return read_passphrase_file (file, error);
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
                   _("The pack is exempt and needs a passphrase: give it with --passphrase-file FILE."));
      return NULL;
    }
  if (!(first = prompt (_("Passphrase:"))))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED, _("No passphrase was given."));
      return NULL;
    }
  if (confirm && (!(second = prompt (_("The same passphrase again:"))) || !g_str_equal (first, second)))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
                   _("The two passphrases were not the same."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

/**
 * _pb_cli_wipe:
 * @secret: (nullable) (transfer full): a passphrase
 */
void
_pb_cli_wipe (char *secret)
{
  wipe (secret);
}

static const char *
status_name (PbBundleOpened status)
{
  switch (status)
    {
    case PB_BUNDLE_OPENED_NEW:
      return "new";
    case PB_BUNDLE_OPENED_UPDATED:
      return "updated";
    case PB_BUNDLE_OPENED_UNCHANGED:
    default:
      return "unchanged";
    }
}

/* open-bundle FILE [--passphrase-file F] [--anyway]: what it opened, or
 * one line saying why not. */
int
_pb_cli_run_open_bundle (CommonOptions  *common,
                         int             argc,
                         char          **argv)
{
  g_autofree char *passphrase_file = NULL;
  gboolean anyway = FALSE;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read an exempt pack’s passphrase from the first line of FILE"), N_("FILE") },
    { "anyway", 0, 0, G_OPTION_ARG_NONE, &anyway,
      N_("Open this copy even when the library has a newer one, in its place; your notes are kept"), NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PbSecret) passphrase = NULL;
  PbBundleOpenResult result = { 0 };
  gboolean encrypted = FALSE;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("open-bundle"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3)
    return _pb_cli_usage_error (_("Use “open-bundle FILE.panelpack”."));

  if (!pb_bundle_peek (argv[2], &encrypted, &error) ||
      (encrypted && !(passphrase = _pb_cli_get_passphrase (passphrase_file, FALSE, &error))) ||
      !(library = _pb_cli_open_library_to_change (common, &error)) ||
      !pb_library_open_bundle_full (library, argv[2], passphrase,
                                    anyway ? PB_BUNDLE_OPEN_REPLACE_NEWER : PB_BUNDLE_OPEN_DEFAULT,
                                    &result, NULL, NULL, NULL, &error))
    {
      if (g_error_matches (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER))
        {
          g_autofree char *message = g_strdup_printf ("%s %s", error->message,
                                                      _("To do that, give --anyway."));

          return _pb_cli_fail (message);
        }
      return _pb_cli_fail (error->message);
    }

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status_name (result.status));
      json_builder_set_member_name (builder, "bundle");
      json_builder_add_int_value (builder, result.bundle_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, result.title);
      json_builder_set_member_name (builder, "classification");
      json_builder_add_string_value (builder, result.exempt ? "exempt" : "public");
      json_builder_set_member_name (builder, "sections");
      json_builder_add_int_value (builder, result.n_sections);
      json_builder_set_member_name (builder, "findings");
      json_builder_add_int_value (builder, result.n_findings);
      json_builder_set_member_name (builder, "reports");
      json_builder_add_int_value (builder, result.n_reports);
      json_builder_set_member_name (builder, "reports_added");
      json_builder_add_int_value (builder, result.reports_added);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      const char *what = result.status == PB_BUNDLE_OPENED_NEW ? _("Opened")
                         : result.status == PB_BUNDLE_OPENED_UPDATED ? _("Updated")
                         : _("Already up to date:");

      /* Translators: "Opened “Title” (pack 3): 4 sections, 12 findings, 3 reports (2 new to this library)." */
      printf (_("%s “%s” (pack %" G_GINT64_FORMAT "): %u sections, %u findings, %u reports (%u new to this library).\n"),
              what, result.title, result.bundle_id, result.n_sections, result.n_findings, result.n_reports,
              result.reports_added);
    }
  pb_bundle_open_result_clear (&result);
  return EXIT_OK;
}

static int
run_bundle_list (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("bundle"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(packs = pb_library_list_bundle_packs (library, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < packs->len; i++)
        {
          PbBundlePack *pack = g_ptr_array_index (packs, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, pb_bundle_pack_get_id (pack));
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, pb_bundle_pack_get_uuid (pack));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, pb_bundle_pack_get_title (pack));
          json_builder_set_member_name (builder, "meeting_date");
          if (pb_bundle_pack_get_meeting_date (pack) != NULL)
            json_builder_add_string_value (builder, pb_bundle_pack_get_meeting_date (pack));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "classification");
          json_builder_add_string_value (builder, pb_bundle_pack_get_exempt (pack) ? "exempt" : "public");
          json_builder_set_member_name (builder, "findings");
          json_builder_add_int_value (builder, pb_bundle_pack_get_n_findings (pack));
          json_builder_set_member_name (builder, "questions");
          json_builder_add_int_value (builder, pb_bundle_pack_get_n_questions (pack));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  for (guint i = 0; i < packs->len; i++)
    {
      PbBundlePack *pack = g_ptr_array_index (packs, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%u\t%s\n", pb_bundle_pack_get_id (pack),
              pb_bundle_pack_get_meeting_date (pack) ? pb_bundle_pack_get_meeting_date (pack) : "-",
              pb_bundle_pack_get_exempt (pack) ? "exempt" : "public", pb_bundle_pack_get_n_findings (pack),
              pb_bundle_pack_get_n_questions (pack), pb_bundle_pack_get_title (pack));
    }
  return EXIT_OK;
}

static int
run_bundle_show (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("bundle"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || !_pb_cli_parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “bundle show PACK” with the pack’s id, as “bundle list” shows it."));
  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(entries = pb_library_list_bundle_entries (library, id, &error)))
    return _pb_cli_fail (error->message);

  /* Each section and finding with the key a note is attached by. */
  for (guint i = 0; i < entries->len; i++)
    {
      PbBundleEntry *entry = g_ptr_array_index (entries, i);
      const char *notes = pb_bundle_entry_get_has_question (entry) ? " [?]"
                          : pb_bundle_entry_get_n_notes (entry) > 0 ? " [*]" : "";

      switch (pb_bundle_entry_get_kind (entry))
        {
        case PB_BUNDLE_ENTRY_SECTION:
          printf ("\n%s%s\n  key %s\n", pb_bundle_entry_get_text (entry), notes, pb_bundle_entry_get_key (entry));
          break;
        case PB_BUNDLE_ENTRY_FINDING:
          printf ("  “%s”%s\n    %s\n    key %s\n", pb_bundle_entry_get_text (entry), notes,
                  pb_bundle_entry_get_about (entry), pb_bundle_entry_get_key (entry));
          break;
        case PB_BUNDLE_ENTRY_HEADING:
          printf ("  ## %s\n", pb_bundle_entry_get_text (entry));
          break;
        case PB_BUNDLE_ENTRY_NOTE:
        default:
          printf ("  %s\n", pb_bundle_entry_get_text (entry));
          break;
        }
    }
  return EXIT_OK;
}

static int
run_bundle_note (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  gboolean question = FALSE;
  GOptionEntry entries[] = {
    { "question", 0, 0, G_OPTION_ARG_NONE, &question, N_("Mark the note as a question for the meeting"), NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) pack_entries = NULL;
  g_autoptr(GError) error = NULL;
  PbNoteTarget target = PB_NOTE_ON_FINDING;
  gboolean found = FALSE;
  gint64 id, note;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("bundle"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 5 || !_pb_cli_parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “bundle note PACK KEY TEXT [--question]” with a key “bundle show” gives."));
  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(pack_entries = pb_library_list_bundle_entries (library, id, &error)))
    return _pb_cli_fail (error->message);

  for (guint i = 0; i < pack_entries->len && !found; i++)
    {
      PbBundleEntry *entry = g_ptr_array_index (pack_entries, i);

      if (g_strcmp0 (pb_bundle_entry_get_key (entry), argv[3]) == 0)
        {
          found = TRUE;
          target = pb_bundle_entry_get_kind (entry) == PB_BUNDLE_ENTRY_SECTION ? PB_NOTE_ON_SECTION
                                                                              : PB_NOTE_ON_FINDING;
        }
    }
  if (!found)
    return _pb_cli_fail (_("The pack has no finding or section with that key: “bundle show” lists them."));
  if (!(note = pb_library_add_member_note (library, id, target, argv[3], argv[4], question, &error)))
    return _pb_cli_fail (error->message);
  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, note);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  return EXIT_OK;
}

static int
run_bundle_questions (CommonOptions  *common,
                      int             argc,
                      char          **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (the default) or docx"), N_("FORMAT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Your name, for the officer to see"), N_("NAME") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  PbQuestionsFormat kind = PB_QUESTIONS_FORMAT_TEXT;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("bundle"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || !_pb_cli_parse_id (argv[2], &id) || output == NULL)
    return _pb_cli_usage_error (_("Use “bundle questions PACK -o FILE [--format text|docx]”."));
  if (!(path = _pb_cli_output_path (output, &error)))
    return _pb_cli_fail (error->message);
  if (g_strcmp0 (format, "docx") == 0)
    kind = PB_QUESTIONS_FORMAT_DOCX;
  else if (format != NULL && !g_str_equal (format, "text"))
    return _pb_cli_usage_error (_("Questions export as text or docx."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !pb_library_export_questions (library, id, kind, name, path, &error))
    return _pb_cli_fail (error->message);
  return EXIT_OK;
}

/* bundle list|show|note|questions: a member's packs from bundles. */
int
_pb_cli_run_bundle (CommonOptions  *common,
                    int             argc,
                    char          **argv)
{
  /* argv: panel-brief bundle ACTION …; the action becomes the command. */
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_bundle_list (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "show"))
    return run_bundle_show (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "note"))
    return run_bundle_note (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "questions"))
    return run_bundle_questions (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “bundle list”, “bundle show”, “bundle note” or “bundle questions”."));
}

static int
run_questions_import (CommonOptions  *common,
                      int             argc,
                      char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  PbQuestionsImport result = { 0 };

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("questions"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3)
    return _pb_cli_usage_error (_("Use “questions import FILE” with a file a panel member sent."));
  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !pb_library_import_questions (library, argv[2], &result, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pack");
      json_builder_add_int_value (builder, result.pack_id);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, result.added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, result.updated);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    printf (_("%u questions added and %u brought up to date, on pack %" G_GINT64_FORMAT ".\n"),
            result.added, result.updated, result.pack_id);
  pb_questions_import_clear (&result);
  return EXIT_OK;
}

static int
run_questions_list (CommonOptions  *common,
                    int             argc,
                    char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("questions"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || !_pb_cli_parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “questions list PACK” with the pack’s id."));
  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(questions = pb_library_list_pack_questions (library, id, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < questions->len; i++)
        {
          PbPackQuestion *question = g_ptr_array_index (questions, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "asked_by");
          json_builder_add_string_value (builder, pb_pack_question_get_asked_by (question));
          json_builder_set_member_name (builder, "finding");
          json_builder_add_int_value (builder, pb_pack_question_get_finding_id (question));
          json_builder_set_member_name (builder, "section");
          json_builder_add_int_value (builder, pb_pack_question_get_section_id (question));
          json_builder_set_member_name (builder, "about");
          json_builder_add_string_value (builder, pb_pack_question_get_about (question));
          json_builder_set_member_name (builder, "citation");
          json_builder_add_string_value (builder, pb_pack_question_get_citation (question));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, pb_pack_question_get_text (question));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PbPackQuestion *question = g_ptr_array_index (questions, i);
      const char *asked_by = pb_pack_question_get_asked_by (question);
      g_auto(GStrv) lines = g_strsplit (pb_pack_question_get_text (question), "\n", -1);
      g_autofree char *text = g_strjoinv ("\n  ", lines);

      printf ("%s — %s\n  %s\n", *asked_by ? asked_by : _("A member"), pb_pack_question_get_about (question), text);
      if (*pb_pack_question_get_citation (question) != '\0')
        printf ("  (%s)\n", pb_pack_question_get_citation (question));
      printf ("\n");
    }
  return EXIT_OK;
}

/* questions import|list: an officer's view of the questions members sent. */
int
_pb_cli_run_questions (CommonOptions  *common,
                       int             argc,
                       char          **argv)
{
  if (argc >= 3 && g_str_equal (argv[2], "import"))
    return run_questions_import (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_questions_list (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “questions import FILE” or “questions list PACK”."));
}
