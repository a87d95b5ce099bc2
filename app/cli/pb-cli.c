/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-bundle.h"
#include "pb-cli-private.h"
#include "pb-cli.h"
#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-findings-csv.h"
#include "pb-import.h"
#include "pb-document.h"
#include "pb-library.h"
#include "pb-pdf-open.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-structure.h"

/* The command line: the same binary without a display. Each command prints
 * text for people, or JSON with --json for scripts, and on failure exits
 * non-zero after one line on stderr. GTK is never initialised here. */

static int run_import (CommonOptions *common, int argc, char **argv);
static int run_list   (CommonOptions *common, int argc, char **argv);
static int run_search (CommonOptions *common, int argc, char **argv);
static int run_show   (CommonOptions *common, int argc, char **argv);
static int run_findings (CommonOptions *common, int argc, char **argv);
static int run_inspect (CommonOptions *common, int argc, char **argv);

static const Command commands[] = {
  { "import", N_("FILE…"), N_("Import PDF reports into the library"), run_import },
  { "list", "", N_("List the reports in the library"), run_list },
  { "search", N_("QUERY"), N_("Search the text of every report"), run_search },
  { "show", N_("REPORT"), N_("Show one report (by id or checksum)"), run_show },
  { "findings", N_("list|add"), N_("List findings, or add one"), run_findings },
  { "inspect", N_("FILE"), N_("Read an inspection report’s structure, without importing it"), run_inspect },
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

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date_or_null (JsonBuilder *builder,
                  const char  *name,
                  GDateTime   *value)
{
  g_autofree char *text = value ? g_date_time_format_iso8601 (value) : NULL;
  add_string_or_null (builder, name, text);
}

static void
add_report_members (JsonBuilder *builder,
                    PbReport    *report)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_report_get_id (report));
  add_string_or_null (builder, "title", pb_report_get_title (report));
  add_string_or_null (builder, "sha256", pb_report_get_sha256 (report));
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, pb_report_get_page_count (report));
  add_date_or_null (builder, "imported_at", pb_report_get_imported_at (report));
  add_string_or_null (builder, "file_name", pb_report_get_file_name (report));
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, pb_report_get_byte_size (report));
  add_date_or_null (builder, "created", pb_report_get_created (report));
  add_string_or_null (builder, "author", pb_report_get_author (report));
  json_builder_set_member_name (builder, "has_text_layer");
  json_builder_add_boolean_value (builder, pb_report_get_has_text_layer (report));
  json_builder_set_member_name (builder, "tagged");
  json_builder_add_boolean_value (builder, pb_report_get_is_tagged (report));
  add_string_or_null (builder, "classification",
                      pb_report_get_is_exempt (report) ? "exempt" : "public");
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

static int
run_import (CommonOptions  *common,
            int             argc,
            char          **argv)
{
  g_autofree char *password = NULL;
  gboolean anyway = FALSE;
  GOptionEntry entries[] = {
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password,
      N_("Password for encrypted PDFs"), N_("PASSWORD") },
    { "anyway", 0, 0, G_OPTION_ARG_NONE, &anyway,
      N_("Import a file even if the library has the same report, saved again"), NULL },
    { "force", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &anyway, NULL, NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("import"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc < 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Name at least one PDF file to import."));
      return EXIT_USAGE;
    }

  if (!(library = _pb_cli_open_library_to_change (common, &error)))
    return _pb_cli_fail (error->message);

  pb_import_clean_leftovers (library);

  json_builder_begin_array (builder);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) import_error = NULL;
      PbImportStatus status = PB_IMPORT_STATUS_FAILED;
      gint64 report_id = 0;

      gboolean same_content;

      if (!pb_import_file_full (library, file, password, anyway ? PB_IMPORT_ANYWAY : PB_IMPORT_DEFAULT,
                                NULL, NULL, NULL, &status, &report_id, &import_error))
        {
          status = PB_IMPORT_STATUS_FAILED;
          n_failed++;
        }
      same_content = g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "file", argv[i]);
      add_string_or_null (builder, "status", same_content ? "same-content"
                                             : pb_import_status_to_string (status));
      json_builder_set_member_name (builder, "id");
      if (report_id > 0)
        json_builder_add_int_value (builder, report_id);
      else
        json_builder_add_null_value (builder);
      add_string_or_null (builder, "error", import_error ? import_error->message : NULL);
      json_builder_end_object (builder);

      if (common->json)
        continue;

      if (same_content)
        fprintf (stderr, "panel-brief: %s %s\n", import_error->message,
                 _("Use --anyway to import it as well."));
      else if (import_error != NULL)
        fprintf (stderr, "panel-brief: %s\n", import_error->message);
      else if (status == PB_IMPORT_STATUS_DUPLICATE)
        printf (_("Already in the library: %s (report %" G_GINT64_FORMAT ")\n"),
                argv[i], report_id);
      else
        printf (_("Imported %s as report %" G_GINT64_FORMAT "\n"), argv[i], report_id);
    }

  json_builder_end_array (builder);

  if (common->json)
    _pb_cli_print_json (builder);

  return n_failed > 0 ? EXIT_FAILED : EXIT_OK;
}

static char *
format_date (GDateTime *date)
{
  if (date == NULL)
    return g_strdup ("");
  return g_date_time_format (date, "%Y-%m-%d");
}

static int
run_list (CommonOptions  *common,
          int             argc,
          char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("list"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc > 2)
    {
      fprintf (stderr, "panel-brief: %s\n", _("“list” takes no arguments."));
      return EXIT_USAGE;
    }

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(reports = pb_library_list_reports (library, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < reports->len; i++)
        {
          json_builder_begin_object (builder);
          add_report_members (builder, g_ptr_array_index (reports, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (reports->len == 0)
    {
      printf ("%s\n", _("The library is empty. Import reports with “panel-brief import FILE…”."));
      return EXIT_OK;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);
      g_autofree char *date = format_date (pb_report_get_imported_at (report));

      printf ("%5" G_GINT64_FORMAT "  %.12s  %4u p.  %s  %s\n",
              pb_report_get_id (report), pb_report_get_sha256 (report),
              pb_report_get_page_count (report), date, pb_report_get_title (report));
    }

  return EXIT_OK;
}

static int
run_search (CommonOptions  *common,
            int             argc,
            char          **argv)
{
  int limit = 20;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N hits"), N_("N") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  gboolean bold;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("search"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc < 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Give a query to search for."));
      return EXIT_USAGE;
    }

  query = g_strjoinv (" ", argv + 2);

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(hits = pb_library_search (library, query, MAX (limit, 1), &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          PbSearchHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = pb_search_hit_dup_snippet (hit);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "report_id");
          json_builder_add_int_value (builder, pb_search_hit_get_report_id (hit));
          add_string_or_null (builder, "title", pb_search_hit_get_report_title (hit));
          json_builder_set_member_name (builder, "page");
          json_builder_add_int_value (builder, pb_search_hit_get_page (hit));
          add_string_or_null (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, pb_search_hit_get_rank (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (hits->len == 0)
    {
      printf ("%s\n", _("No matches."));
      return EXIT_OK;
    }

  bold = isatty (STDOUT_FILENO);

  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GString) snippet = g_string_new (pb_search_hit_get_raw_snippet (hit));

      g_string_replace (snippet, PB_SEARCH_MATCH_START, bold ? "\033[1m" : "", 0);
      g_string_replace (snippet, PB_SEARCH_MATCH_END, bold ? "\033[0m" : "", 0);
      g_string_replace (snippet, "\n", " ", 0);

      printf (_("%s (report %" G_GINT64_FORMAT "), page %u\n    %s\n"),
              pb_search_hit_get_report_title (hit), pb_search_hit_get_report_id (hit),
              pb_search_hit_get_page (hit), snippet->str);
    }

  return EXIT_OK;
}

static int
run_show (CommonOptions  *common,
          int             argc,
          char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("show"), NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc != 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Name one report: its id or the start of its checksum."));
      return EXIT_USAGE;
    }

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *path = pb_library_dup_report_path (library, pb_report_get_sha256 (report));

      json_builder_begin_object (builder);
      add_report_members (builder, report);
      add_string_or_null (builder, "path", path);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    g_autofree char *created = format_date (pb_report_get_created (report));
    g_autofree char *imported = format_date (pb_report_get_imported_at (report));

    printf ("%s\n", pb_report_get_title (report));
    printf ("  %-14s %" G_GINT64_FORMAT "\n", _("Id:"), pb_report_get_id (report));
    printf ("  %-14s %s\n", _("File:"), pb_report_get_file_name (report));
    printf ("  %-14s %u\n", _("Pages:"), pb_report_get_page_count (report));
    printf ("  %-14s %s\n", _("Created:"), created);
    printf ("  %-14s %s\n", _("Imported:"), imported);
    printf ("  %-14s %s\n", _("SHA-256:"), pb_report_get_sha256 (report));
    if (!pb_report_get_has_text_layer (report))
      printf ("  %s\n", _("This report has no text layer: it cannot be searched."));
  }

  return EXIT_OK;
}

static void
add_finding_members (JsonBuilder *builder,
                     PbFinding   *finding)
{
  const char * const *cohorts = pb_finding_get_cohorts (finding);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_finding_get_id (finding));
  json_builder_set_member_name (builder, "report_id");
  json_builder_add_int_value (builder, pb_finding_get_report_id (finding));
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, pb_finding_get_page (finding));
  json_builder_set_member_name (builder, "paragraph");
  if (pb_finding_get_paragraph (finding) > 0)
    json_builder_add_int_value (builder, pb_finding_get_paragraph (finding));
  else
    json_builder_add_null_value (builder);
  add_string_or_null (builder, "quote", pb_finding_get_quote (finding));
  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint i = 0; cohorts[i] != NULL; i++)
    json_builder_add_string_value (builder, cohorts[i]);
  json_builder_end_array (builder);
  add_string_or_null (builder, "kind", pb_finding_kind_to_slug (pb_finding_get_kind (finding)));
  add_string_or_null (builder, "note", pb_finding_get_note (finding));
  add_string_or_null (builder, "classification", pb_finding_get_exempt (finding) ? "exempt" : "public");
  add_string_or_null (builder, "status", pb_finding_status_to_slug (pb_finding_get_status (finding)));

  /* Where it is: one rectangle per line, in PDF points from the displayed
   * page's top left. */
  json_builder_set_member_name (builder, "anchors");
  json_builder_begin_array (builder);
  for (guint i = 0; pb_finding_get_anchors (finding) && i < pb_finding_get_anchors (finding)->len; i++)
    {
      const PbAnchor *anchor = &g_array_index (pb_finding_get_anchors (finding), PbAnchor, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, anchor->page);
      json_builder_set_member_name (builder, "x1");
      json_builder_add_double_value (builder, anchor->rect.x1);
      json_builder_set_member_name (builder, "y1");
      json_builder_add_double_value (builder, anchor->rect.y1);
      json_builder_set_member_name (builder, "x2");
      json_builder_add_double_value (builder, anchor->rect.x2);
      json_builder_set_member_name (builder, "y2");
      json_builder_add_double_value (builder, anchor->rect.y2);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
_pb_cli_usage_error (const char *message)
{
  fprintf (stderr, "panel-brief: %s\n", message);
  return EXIT_USAGE;
}

static int
run_findings_list (CommonOptions  *common,
                   int             argc,
                   char          **argv)
{
  g_autofree char *cohort = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *report = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("Only findings for this cohort"), N_("SLUG") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only findings of this kind"), N_("KIND") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &report, N_("Only findings in this report"), N_("REPORT") },
    { "classification", 0, 0, G_OPTION_ARG_STRING, &classification, N_("public or exempt"), N_("CLASS") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only findings with this status"), N_("STATUS") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Words in the quote or note"), N_("WORDS") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write them to FILE as CSV instead"), N_("FILE") },
    { NULL }
  };
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("findings"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (kind != NULL)
    {
      PbFindingKind k;
      if (!pb_finding_kind_from_slug (kind, &k))
        return _pb_cli_usage_error (_("Kinds are strength, area_for_improvement, recommendation, commitment and context."));
      filter.kind = k;
    }

  if (status != NULL)
    {
      PbFindingStatus st;
      if (!pb_finding_status_from_slug (status, &st))
        return _pb_cli_usage_error (_("Statuses are open, in_progress, met and not_met."));
      filter.status = st;
    }

  if (classification != NULL)
    {
      if (!g_str_equal (classification, "public") && !g_str_equal (classification, "exempt"))
        return _pb_cli_usage_error (_("The classification is public or exempt."));
      filter.exempt = g_str_equal (classification, "exempt");
    }

  filter.cohort = cohort;
  filter.text = text;

  if (!(library = _pb_cli_open_library_to_change (common, &error)))
    return _pb_cli_fail (error->message);

  if (report != NULL)
    {
      g_autoptr(PbReport) r = pb_library_find_report (library, report, &error);
      if (r == NULL)
        return _pb_cli_fail (error->message);
      filter.report_id = pb_report_get_id (r);
    }

  if (!(findings = pb_library_list_findings (library, &filter, &error)))
    return _pb_cli_fail (error->message);

  if (csv != NULL)
    {
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) cohorts = NULL;

      if (!(cohorts = pb_library_list_cohorts (library, &error)))
        return _pb_cli_fail (error->message);
      for (guint i = 0; i < cohorts->len; i++)
        g_hash_table_insert (names, (gpointer)pb_cohort_get_slug (g_ptr_array_index (cohorts, i)),
                             (gpointer)pb_cohort_get_name (g_ptr_array_index (cohorts, i)));
      if (!pb_library_check_output_path (library, csv, &error) ||
          !pb_findings_write_csv_named (findings, names, csv, &error))
        return _pb_cli_fail (error->message);
      if (!common->json)
        printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u finding to %s\n", "Wrote %u findings to %s\n", findings->len),
                findings->len, csv);
      else
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, csv);
          json_builder_set_member_name (builder, "findings");
          json_builder_add_int_value (builder, findings->len);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      return EXIT_OK;
    }

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          json_builder_begin_object (builder);
          add_finding_members (builder, g_ptr_array_index (findings, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (findings->len == 0)
    printf ("%s\n", _("No findings."));

  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *cohorts = g_strjoinv (", ", (char **)pb_finding_get_cohorts (finding));

      printf ("%5" G_GINT64_FORMAT "  %s, p. %u  [%s%s]  %s\n    “%s”\n",
              pb_finding_get_id (finding), pb_finding_get_report_title (finding),
              pb_finding_get_page (finding), pb_finding_kind_get_label (pb_finding_get_kind (finding)),
              pb_finding_get_exempt (finding) ? _(", exempt") : "", cohorts,
              pb_finding_get_quote (finding));
    }

  return EXIT_OK;
}

static int
run_findings_add (CommonOptions  *common,
                  int             argc,
                  char          **argv)
{
  g_autofree char *report = NULL;
  int page = 0;
  g_autofree char *quote = NULL;
  g_auto(GStrv) cohorts = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *status = NULL;
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_STRING, &report, N_("The report (id or checksum)"), N_("REPORT") },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("The page the quote is on, from 1"), N_("N") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("The passage, as printed"), N_("TEXT") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cohorts, N_("A cohort it concerns (repeatable)"), N_("SLUG") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("strength, area_for_improvement, recommendation, commitment or context"), N_("KIND") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the panel"), N_("TEXT") },
    { "classification", 0, 0, G_OPTION_ARG_STRING, &classification, N_("public (the default) or exempt"), N_("CLASS") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("open, in_progress, met or not_met"), N_("STATUS") },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, N_("The report’s password, if it has one"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) r = NULL;
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PbFindingKind k;
  PbFindingStatus st = PB_FINDING_STATUS_NONE;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("findings"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (report == NULL || page < 1 || quote == NULL || cohorts == NULL || kind == NULL)
    return _pb_cli_usage_error (_("“findings add” needs --report, --page, --quote, --cohort and --kind."));
  if (!pb_finding_kind_from_slug (kind, &k))
    return _pb_cli_usage_error (_("Kinds are strength, area_for_improvement, recommendation, commitment and context."));
  if (status != NULL && !pb_finding_status_from_slug (status, &st))
    return _pb_cli_usage_error (_("Statuses are open, in_progress, met and not_met."));
  if (classification != NULL && !g_str_equal (classification, "public") && !g_str_equal (classification, "exempt"))
    return _pb_cli_usage_error (_("The classification is public or exempt."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(r = pb_library_find_report (library, report, &error)))
    return _pb_cli_fail (error->message);

  /* The quote must be on the page named: a finding cites what the report says. */
  if (!(path = pb_library_locate_report_file (library, pb_report_get_sha256 (r), &error)))
    return _pb_cli_fail (error->message);
  if (!(anchors = pb_pdf_locate_quote (path, password, (guint)page, quote, &error)))
    return _pb_cli_fail_with (error, pb_report_get_title (r));
  if (g_array_index (anchors, PbAnchor, 0).page != (guint)page)
    {
      g_autofree char *message =
        g_strdup_printf (_("The quote is not on page %d (it is on page %u)."), page,
                         g_array_index (anchors, PbAnchor, 0).page);
      return _pb_cli_fail (message);
    }

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (r));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_cohorts (finding, (const char * const *)cohorts);
  pb_finding_set_kind (finding, k);
  pb_finding_set_note (finding, note);
  pb_finding_set_status (finding, st);
  pb_finding_set_exempt (finding, g_strcmp0 (classification, "exempt") == 0);

  if (!(id = pb_library_add_finding (library, finding, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(PbFinding) saved = pb_library_get_finding (library, id, NULL);

      json_builder_begin_object (builder);
      add_finding_members (builder, saved);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      printf ("%" G_GINT64_FORMAT "\n", id);
    }

  return EXIT_OK;
}

static int
run_findings (CommonOptions  *common,
              int             argc,
              char          **argv)
{
  /* argv: panel-brief findings ACTION …; the action becomes the command. */
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_findings_list (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "add"))
    return run_findings_add (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “findings list” or “findings add”."));
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 const GDate *date)
{
  json_builder_set_member_name (builder, name);
  if (g_date_valid (date))
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_structure (JsonBuilder *builder,
               PbStructure *s)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "type", pb_document_type_to_slug (s->type));
  json_builder_set_member_name (builder, "reinspection");
  json_builder_add_boolean_value (builder, s->reinspection);
  add_string_or_null (builder, "local_authority", s->local_authority);
  add_date_member (builder, "inspection_start", &s->inspection_start);
  add_date_member (builder, "inspection_end", &s->inspection_end);
  add_date_member (builder, "published", &s->published);
  add_string_or_null (builder, "lead_inspector", s->lead_inspector);
  add_string_or_null (builder, "theme", s->theme);

  /* What the type was decided on, so that a misread report can be told
   * from this output alone. */
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; s->reasons != NULL && i < s->reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (s->reasons, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "judgements");
  json_builder_begin_object (builder);
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if (s->judgements[j] != PB_GRADE_NONE)
      add_string_or_null (builder, pb_judgement_to_slug (j), pb_grade_to_slug (s->judgements[j]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cic_and_care_leavers_combined");
  json_builder_add_boolean_value (builder, s->cic_and_care_leavers_combined);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->sections->len; i++)
    {
      PbSection *section = &g_array_index (s->sections, PbSection, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "cohort", section->cohort);
      add_string_or_null (builder, "heading", section->heading);
      add_string_or_null (builder, "grade", pb_grade_to_slug (section->grade));
      json_builder_set_member_name (builder, "first_page");
      json_builder_add_int_value (builder, section->first_page);
      json_builder_set_member_name (builder, "last_page");
      json_builder_add_int_value (builder, section->last_page);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->paragraphs->len; i++)
    {
      PbParagraph *paragraph = &g_array_index (s->paragraphs, PbParagraph, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, paragraph->number);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, paragraph->page);
      add_string_or_null (builder, "cohort", paragraph->cohort);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->recommendations->len; i++)
    {
      PbRecommendation *rec = &g_array_index (s->recommendations, PbRecommendation, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "text", rec->text);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, rec->page);
      add_string_or_null (builder, "cohort", rec->cohort);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_boolean_value (builder, rec->priority);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
run_inspect (CommonOptions  *common,
             int             argc,
             char          **argv)
{
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, N_("Password for an encrypted PDF"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbStructure) structure = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("inspect"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc != 3)
    return _pb_cli_usage_error (_("Name one PDF file to inspect."));

  file = g_file_new_for_commandline_arg (argv[2]);
  path = g_file_get_path (file);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read."), argv[2]);
      return _pb_cli_fail (message);
    }

  if (!(structure = pb_structure_read_pdf (path, password, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” cannot be read as a PDF: %s"), argv[2], error->message);
      return _pb_cli_fail (message);
    }

  add_structure (builder, structure);

  if (common->json)
    {
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    char start[16] = "", end[16] = "";

    if (g_date_valid (&structure->inspection_start))
      g_date_strftime (start, sizeof start, "%Y-%m-%d", &structure->inspection_start);
    if (g_date_valid (&structure->inspection_end))
      g_date_strftime (end, sizeof end, "%Y-%m-%d", &structure->inspection_end);

    printf ("%s%s\n", pb_document_type_to_slug (structure->type),
            structure->reinspection ? _(" (re-inspection)") : "");
    if (structure->local_authority)
      printf ("  %-20s %s\n", _("Local authority:"), structure->local_authority);
    if (*start)
      printf ("  %-20s %s to %s\n", _("Inspection:"), start, end);
    if (structure->lead_inspector)
      printf ("  %-20s %s\n", _("Lead inspector:"), structure->lead_inspector);
    if (structure->theme)
      printf ("  %-20s %s\n", _("Theme:"), structure->theme);
    for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
      if (structure->judgements[j] != PB_GRADE_NONE)
        printf ("  %-20s %s\n", pb_judgement_to_slug (j), pb_grade_to_slug (structure->judgements[j]));
    printf ("  %u sections, %u numbered paragraphs, %u recommendations\n",
            structure->sections->len, structure->paragraphs->len, structure->recommendations->len);
    for (guint i = 0; i < structure->reasons->len; i++)
      printf ("  %-20s %s\n", i == 0 ? _("Reasons:") : "",
              (const char *)g_ptr_array_index (structure->reasons, i));
  }

  return EXIT_OK;
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

  args = g_new0 (char *, argc + 1);
  args[0] = argv[0];
  args[1] = argv[command_index];
  for (int i = 1, j = 2; i < argc; i++)
    if (i != command_index)
      args[j++] = argv[i];

  status = command->run (&common, argc, args);

  g_free (common.library_dir);

  return status;
}
