/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-annotated-export.h"
#include "pb-bundle.h"
#include "pb-cli-private.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pdf-open.h"
#include "pb-report-store.h"
#include "pb-report.h"

/* panel-brief pack create|set|add|list|export and export-annotated:
 * briefing packs (and their bundles for panel members) and annotated
 * reports from scripts.
 *
 * An export takes the council's name and logo and a default author the way
 * the app takes them from its preferences: from --council, --logo and
 * --default-author, else from the environment (PANEL_BRIEF_COUNCIL,
 * PANEL_BRIEF_LOGO, PANEL_BRIEF_AUTHOR), so that a script sets them once. */

static void
add_pack_members (JsonBuilder *builder,
                  PbPack      *pack)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_pack_get_id (pack));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, pb_pack_get_title (pack));
  json_builder_set_member_name (builder, "meeting_date");
  if (pb_pack_get_meeting_date (pack) != NULL)
    json_builder_add_string_value (builder, pb_pack_get_meeting_date (pack));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "classification");
  json_builder_add_string_value (builder, pb_pack_get_exempt (pack) ? "exempt" : "public");
  json_builder_set_member_name (builder, "exempt_paragraph");
  if (pb_pack_get_exempt_paragraph (pack) > 0)
    json_builder_add_int_value (builder, pb_pack_get_exempt_paragraph (pack));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "committee");
  json_builder_add_string_value (builder, pb_pack_get_committee (pack));
  json_builder_set_member_name (builder, "agenda_item");
  json_builder_add_string_value (builder, pb_pack_get_agenda_item (pack));
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, pb_pack_get_author (pack));
  json_builder_set_member_name (builder, "contact");
  json_builder_add_string_value (builder, pb_pack_get_contact (pack));
  json_builder_set_member_name (builder, "findings");
  json_builder_add_int_value (builder, pb_pack_get_n_findings (pack));
}

/* The details "pack create" and "pack set" take, as options. */
typedef struct
{
  char *title;
  char *committee;
  char *meeting_date;
  char *author;
  char *agenda_item;
  char *contact;
  char *exempt_paragraph;
  char *introduction;
  char *classification;
} PackDetails;

static void
pack_details_clear (PackDetails *details)
{
  g_free (details->title);
  g_free (details->committee);
  g_free (details->meeting_date);
  g_free (details->author);
  g_free (details->agenda_item);
  g_free (details->contact);
  g_free (details->exempt_paragraph);
  g_free (details->introduction);
  g_free (details->classification);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PackDetails, pack_details_clear)

#define PACK_DETAIL_ENTRIES(d) \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(d)->title, N_("The pack’s title"), N_("TITLE") }, \
  { "classification", 0, 0, G_OPTION_ARG_STRING, &(d)->classification, N_("public (the default) or exempt"), N_("CLASS") }, \
  { "exempt-paragraph", 0, 0, G_OPTION_ARG_STRING, &(d)->exempt_paragraph, \
    N_("The paragraph of Schedule 12A (1 to 7) that makes an exempt pack exempt; empty for none"), N_("N") }, \
  { "meeting-date", 0, 0, G_OPTION_ARG_STRING, &(d)->meeting_date, N_("The meeting’s date"), N_("YYYY-MM-DD") }, \
  { "committee", 0, 0, G_OPTION_ARG_STRING, &(d)->committee, N_("The committee the pack is for"), N_("NAME") }, \
  { "agenda-item", 0, 0, G_OPTION_ARG_STRING, &(d)->agenda_item, N_("The item’s number on the agenda"), N_("ITEM") }, \
  { "author", 0, 0, G_OPTION_ARG_STRING, &(d)->author, N_("Who prepared the pack"), N_("NAME") }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(d)->contact, N_("How to reach the author"), N_("CONTACT") }, \
  { "introduction", 0, 0, G_OPTION_ARG_STRING, &(d)->introduction, N_("The pack’s introduction"), N_("TEXT") }

static gboolean
check_classification (const char *classification)
{
  return classification == NULL || g_str_equal (classification, "public") || g_str_equal (classification, "exempt");
}

/* Sets each detail given; the classification first, so that a paragraph
 * of Schedule 12A can be given with it. */
static gboolean
set_details (PbLibrary    *library,
             gint64        id,
             PackDetails  *details,
             GError      **error)
{
  const struct {
    PbPackField  field;
    const char  *value;
  } fields[] = {
    { PB_PACK_FIELD_TITLE, details->title },
    { PB_PACK_FIELD_COMMITTEE, details->committee },
    { PB_PACK_FIELD_MEETING_DATE, details->meeting_date },
    { PB_PACK_FIELD_AUTHOR, details->author },
    { PB_PACK_FIELD_AGENDA_ITEM, details->agenda_item },
    { PB_PACK_FIELD_CONTACT, details->contact },
    { PB_PACK_FIELD_EXEMPT_PARAGRAPH, details->exempt_paragraph },
    { PB_PACK_FIELD_INTRODUCTION, details->introduction },
  };

  if (details->classification != NULL &&
      !pb_library_set_pack_exempt (library, id, g_str_equal (details->classification, "exempt"), FALSE, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL && !pb_library_set_pack_field (library, id, fields[i].field, fields[i].value, error))
      return FALSE;
  return TRUE;
}

/* The pack as it now stands, for a script to read. */
static void
print_pack_json (PbLibrary *library,
                 gint64     id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(PbPack) pack = pb_library_get_pack (library, id, NULL);

  json_builder_begin_object (builder);
  if (pack != NULL)
    add_pack_members (builder, pack);
  json_builder_end_object (builder);
  _pb_cli_print_json (builder);
}

static int
run_pack_create (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  g_auto(PackDetails) details = { NULL };
  GOptionEntry entries[] = { PACK_DETAIL_ENTRIES (&details), { NULL } };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (details.title == NULL)
    return _pb_cli_usage_error (_("“pack create” needs --title."));
  if (!check_classification (details.classification))
    return _pb_cli_usage_error (_("The classification is public or exempt."));

  /* The pack and its details together: a pack left half made by a bad
   * detail is removed again. */
  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(id = pb_library_create_pack (library, details.title, g_strcmp0 (details.classification, "exempt") == 0,
                                     details.meeting_date, &error)))
    return _pb_cli_fail (error->message);
  g_clear_pointer (&details.title, g_free);
  g_clear_pointer (&details.classification, g_free);
  g_clear_pointer (&details.meeting_date, g_free);
  if (!set_details (library, id, &details, &error))
    {
      pb_library_delete_pack (library, id, NULL);
      return _pb_cli_fail (error->message);
    }

  if (common->json)
    print_pack_json (library, id);
  else
    printf ("%" G_GINT64_FORMAT "\n", id);

  return EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

static int
run_pack_set (CommonOptions  *common,
              int             argc,
              char          **argv)
{
  g_auto(PackDetails) details = { NULL };
  GOptionEntry entries[] = { PACK_DETAIL_ENTRIES (&details), { NULL } };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pack_id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  /* argv: pack-name "set" PACK */
  if (argc != 3 || !parse_id (argv[2], &pack_id))
    return _pb_cli_usage_error (_("Use “pack set PACK --title … --agenda-item … --exempt-paragraph N …”."));
  if (!check_classification (details.classification))
    return _pb_cli_usage_error (_("The classification is public or exempt."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !set_details (library, pack_id, &details, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    print_pack_json (library, pack_id);

  return EXIT_OK;
}

static int
run_pack_add (CommonOptions  *common,
              int             argc,
              char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 pack_id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  /* argv: pack-name "add" PACK FINDING… */
  if (argc < 4 || !parse_id (argv[2], &pack_id))
    return _pb_cli_usage_error (_("Use “pack add PACK FINDING…” with the pack’s and findings’ ids."));
  for (int i = 3; i < argc; i++)
    {
      gint64 id;

      if (!parse_id (argv[i], &id))
        return _pb_cli_usage_error (_("Findings are given by their ids, as “findings list” shows them."));
      g_array_append_val (findings, id);
    }

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !pb_library_add_to_pack (library, pack_id, (gint64 *)(gpointer)findings->data, findings->len, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    print_pack_json (library, pack_id);

  return EXIT_OK;
}

static int
run_pack_list (CommonOptions  *common,
               int             argc,
               char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(packs = pb_library_list_packs (library, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < packs->len; i++)
        {
          json_builder_begin_object (builder);
          add_pack_members (builder, g_ptr_array_index (packs, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  for (guint i = 0; i < packs->len; i++)
    {
      PbPack *pack = g_ptr_array_index (packs, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%s\n", pb_pack_get_id (pack),
              pb_pack_get_meeting_date (pack) ? pb_pack_get_meeting_date (pack) : "-",
              pb_pack_get_exempt (pack) ? "exempt" : "public",
              pb_pack_get_n_findings (pack), pb_pack_get_title (pack));
    }

  return EXIT_OK;
}

/* Gives each report the pack cites that needs a password one of
 * @passwords (--password, as many as there are such reports), trying each
 * in turn: the first that opens it is kept for this process only.  A
 * report none opens is named, for the officer to give the right one. */
static gboolean
unlock_reports (PbLibrary           *library,
                gint64               pack_id,
                const char * const  *passwords,
                GError             **error)
{
  g_autoptr(GPtrArray) locked = NULL;

  if (passwords == NULL || passwords[0] == NULL)
    return TRUE;
  if (!(locked = pb_library_list_locked_pack_reports (library, pack_id, error)))
    return FALSE;
  for (guint i = 0; i < locked->len; i++)
    {
      PbReport *report = g_ptr_array_index (locked, i);
      gboolean opened = FALSE;

      for (guint k = 0; passwords[k] != NULL && !opened; k++)
        opened = pb_library_unlock_report (library, pb_report_get_sha256 (report), passwords[k], NULL);
      if (!opened)
        {
          /* Translators: %s is a report's title */
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED,
                       _("No password given opens “%s”: give its password with --password."),
                       pb_report_get_title (report));
          return FALSE;
        }
    }
  return TRUE;
}

/* A pack's bundle for panel members: an exempt pack's is encrypted, under
 * a passphrase from --passphrase-file or asked for twice on the terminal. */
static int
export_bundle (PbLibrary           *library,
               gint64               pack_id,
               const char          *output,
               const char          *passphrase_file,
               const char * const  *passwords)
{
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;
  gboolean ok;

  if (!(pack = pb_library_get_pack (library, pack_id, &error)) ||
      !unlock_reports (library, pack_id, passwords, &error))
    return _pb_cli_fail (error->message);
  if (pb_pack_get_exempt (pack))
    {
      if (!pb_bundle_can_encrypt ())
        return _pb_cli_fail (_("This pack is exempt, and this copy of Panel Brief cannot encrypt (its zip "
                               "library was built without AES-256), so it cannot write the pack’s bundle."));
      if (!(passphrase = _pb_cli_get_passphrase (passphrase_file, TRUE, &error)))
        return _pb_cli_fail (error->message);
    }
  else if (passphrase_file != NULL)
    fprintf (stderr, "panel-brief: %s\n", _("The pack is public: its bundle is not encrypted, and the passphrase "
                                            "was not used."));

  ok = pb_library_export_bundle (library, pack_id, output, passphrase, NULL, NULL, NULL, &error);
  _pb_cli_wipe (passphrase);
  if (!ok && g_error_matches (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED) &&
      (passwords == NULL || passwords[0] == NULL) && pb_pack_get_exempt (pack))
    {
      g_autofree char *message = g_strdup_printf ("%s %s", error->message, _("Give it with --password."));

      return _pb_cli_fail (message);
    }
  return ok ? EXIT_OK : _pb_cli_fail (error->message);
}

/* An option's value, else the environment's. */
static const char *
option_or_env (const char *option,
               const char *variable)
{
  const char *value = option != NULL ? option : g_getenv (variable);

  return value != NULL && *value != '\0' ? value : NULL;
}

static int
run_pack_export (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *passphrase_file = NULL;
  g_auto(GStrv) passwords = NULL;
  g_autofree char *council = NULL;
  g_autofree char *logo = NULL;
  g_autofree char *default_author = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("pdf (the default), docx, csv, html or bundle"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("For the bundle of an exempt pack: read the passphrase from the first line of FILE"), N_("FILE") },
    { "password", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &passwords,
      N_("For the bundle: the password of a report the pack cites that has one (repeat for more); "
         "members will not need it"), N_("PASSWORD") },
    { "council", 0, 0, G_OPTION_ARG_STRING, &council,
      N_("The council’s name, for the cover and every page (or PANEL_BRIEF_COUNCIL)"), N_("NAME") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("The council’s logo, a PNG file (or PANEL_BRIEF_LOGO)"), N_("FILE") },
    { "default-author", 0, 0, G_OPTION_ARG_STRING, &default_author,
      N_("Who prepared the pack, when the pack does not say (or PANEL_BRIEF_AUTHOR)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  PbPackExportOptions options;
  PbPackFormat format = PB_PACK_FORMAT_PDF;
  gint64 pack_id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || !parse_id (argv[2], &pack_id) || output == NULL)
    return _pb_cli_usage_error (_("Use “pack export PACK --format pdf|docx|csv|html|bundle -o FILE”."));
  if (!(path = _pb_cli_output_path (output, &error)))
    return _pb_cli_fail (error->message);
  if (g_strcmp0 (format_name, "bundle") == 0)
    {
      if (!(library = _pb_cli_open_library (common, &error)))
        return _pb_cli_fail (error->message);
      return export_bundle (library, pack_id, path, passphrase_file, (const char * const *)passwords);
    }
  if (format_name != NULL && !pb_pack_format_from_name (format_name, &format))
    return _pb_cli_usage_error (_("Packs export as pdf, docx, csv, html or bundle."));

  options.council = option_or_env (council, "PANEL_BRIEF_COUNCIL");
  options.logo_path = option_or_env (logo, "PANEL_BRIEF_LOGO");
  options.default_author = option_or_env (default_author, "PANEL_BRIEF_AUTHOR");

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !pb_library_export_pack_with_options (library, pack_id, format, path, &options, NULL, NULL, NULL, &error))
    return _pb_cli_fail (error->message);

  /* Written, but council papers say which paragraph makes them exempt:
   * warn, so that it is recorded before the pack goes out. */
  pack = pb_library_get_pack (library, pack_id, NULL);
  if (pack != NULL && pb_pack_get_paragraph_missing (pack))
    g_printerr (_("Warning: pack %" G_GINT64_FORMAT " is exempt but records no paragraph of Schedule 12A; its cover "
                  "says so. Record one with “pack set %" G_GINT64_FORMAT " --exempt-paragraph N”.\n"),
                pack_id, pack_id);

  return EXIT_OK;
}

int
_pb_cli_run_pack (CommonOptions  *common,
                  int             argc,
                  char          **argv)
{
  /* argv: panel-brief pack ACTION …; the action becomes the command. */
  _pb_cli_action_first (argc, argv);
  if (argc >= 3 && (g_str_equal (argv[2], "--help") || g_str_equal (argv[2], "-h")))
    {
      printf ("%s\n%s\n", _("Usage: panel-brief pack create|set|add|list|export …"),
              _("Run “panel-brief pack ACTION --help” for an action’s options."));
      return EXIT_OK;
    }
  if (argc >= 3 && g_str_equal (argv[2], "create"))
    return run_pack_create (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "set"))
    return run_pack_set (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "add"))
    return run_pack_add (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_pack_list (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "export"))
    return run_pack_export (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “pack create”, “pack set”, “pack add”, “pack list” or “pack export”."));
}

int
_pb_cli_run_export_annotated (CommonOptions  *common,
                              int             argc,
                              char          **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autofree char *password = NULL;
  gboolean include_exempt = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "include-exempt", 0, 0, G_OPTION_ARG_NONE, &include_exempt,
      N_("Write in findings that are not for publication too"), NULL },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, N_("The report’s password, if it has one"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("export-annotated"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || output == NULL)
    return _pb_cli_usage_error (_("Use “export-annotated REPORT -o FILE”."));
  if (!(path = _pb_cli_output_path (output, &error)))
    return _pb_cli_fail (error->message);

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)))
    return _pb_cli_fail (error->message);

  /* Kept for this process only, for the export to open the stored copy. */
  if (password != NULL)
    {
      g_autofree char *source = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
      pb_pdf_remember_password (source, password);
    }

  if (!pb_library_export_annotated (library, pb_report_get_id (report), path, include_exempt, &error))
    return _pb_cli_fail_with (error, pb_report_get_title (report));

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "report");
      json_builder_add_int_value (builder, pb_report_get_id (report));
      _pb_cli_add_path (builder, "path", path);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  return EXIT_OK;
}
