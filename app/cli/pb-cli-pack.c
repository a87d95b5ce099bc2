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

/* panel-brief pack create|add|list|export and export-annotated: briefing
 * packs (and their bundles for panel members) and annotated reports from
 * scripts. */

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
  json_builder_set_member_name (builder, "findings");
  json_builder_add_int_value (builder, pb_pack_get_n_findings (pack));
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
  g_autofree char *title = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *meeting_date = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The pack’s title"), N_("TITLE") },
    { "classification", 0, 0, G_OPTION_ARG_STRING, &classification, N_("public (the default) or exempt"), N_("CLASS") },
    { "meeting-date", 0, 0, G_OPTION_ARG_STRING, &meeting_date, N_("The meeting’s date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (title == NULL)
    return _pb_cli_usage_error (_("“pack create” needs --title."));
  if (classification != NULL && !g_str_equal (classification, "public") && !g_str_equal (classification, "exempt"))
    return _pb_cli_usage_error (_("The classification is public or exempt."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(id = pb_library_create_pack (library, title, g_strcmp0 (classification, "exempt") == 0,
                                     meeting_date, &error)))
    return _pb_cli_fail (error->message);

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

/* A pack's bundle for panel members: an exempt pack's is encrypted, under
 * a passphrase from --passphrase-file or asked for twice on the terminal. */
static int
export_bundle (PbLibrary   *library,
               gint64       pack_id,
               const char  *output,
               const char  *passphrase_file)
{
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;
  gboolean ok;

  if (!(pack = pb_library_get_pack (library, pack_id, &error)))
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
  return ok ? EXIT_OK : _pb_cli_fail (error->message);
}

static int
run_pack_export (CommonOptions  *common,
                 int             argc,
                 char          **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *passphrase_file = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf (the default), docx, csv, html or bundle"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("For the bundle of an exempt pack: read the passphrase from the first line of FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pack_id;
  gboolean (*export) (PbLibrary *, gint64, const char *, GError **) = pb_library_export_pack_pdf;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("pack"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc != 3 || !parse_id (argv[2], &pack_id) || output == NULL)
    return _pb_cli_usage_error (_("Use “pack export PACK --format pdf|docx|csv|html|bundle -o FILE”."));
  if (g_strcmp0 (format, "bundle") == 0)
    {
      if (!(library = _pb_cli_open_library (common, &error)))
        return _pb_cli_fail (error->message);
      return export_bundle (library, pack_id, output, passphrase_file);
    }
  if (g_strcmp0 (format, "docx") == 0)
    export = pb_library_export_pack_docx;
  else if (g_strcmp0 (format, "csv") == 0)
    export = pb_library_export_pack_csv;
  else if (g_strcmp0 (format, "html") == 0)
    export = pb_library_export_pack_html;
  else if (format != NULL && !g_str_equal (format, "pdf"))
    return _pb_cli_usage_error (_("Packs export as pdf, docx, csv, html or bundle."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !export (library, pack_id, output, &error))
    return _pb_cli_fail (error->message);

  return EXIT_OK;
}

int
_pb_cli_run_pack (CommonOptions  *common,
                  int             argc,
                  char          **argv)
{
  /* argv: panel-brief pack ACTION …; the action becomes the command. */
  if (argc >= 3 && g_str_equal (argv[2], "create"))
    return run_pack_create (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "add"))
    return run_pack_add (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_pack_list (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "export"))
    return run_pack_export (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “pack create”, “pack add”, “pack list” or “pack export”."));
}

int
_pb_cli_run_export_annotated (CommonOptions  *common,
                              int             argc,
                              char          **argv)
{
  g_autofree char *output = NULL;
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

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)))
    return _pb_cli_fail (error->message);

  /* Kept for this process only, for the export to open the stored copy. */
  if (password != NULL)
    {
      g_autofree char *source = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
      pb_pdf_remember_password (source, password);
    }

  if (!pb_library_export_annotated (library, pb_report_get_id (report), output, include_exempt, &error))
    return _pb_cli_fail_with (error, pb_report_get_title (report));

  return EXIT_OK;
}
