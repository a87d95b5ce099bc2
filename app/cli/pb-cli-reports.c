/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli-private.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-structure-store.h"
#include "pb-structure.h"

/* The commands about reports: import, list, search, show, and inspect (a
 * report's structure read without importing it). */

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

/* What a report says about itself, in the same members as `inspect`
 * gives: its type, re-inspection, authority, dates, lead inspector and the
 * theme of a visit. */
static void
add_structure_summary (JsonBuilder *builder,
                       PbStructure *s)
{
  GDate none;

  g_date_clear (&none, 1);
  _pb_cli_add_string_or_null (builder, "type", s ? pb_document_type_to_slug (s->type) : NULL);
  json_builder_set_member_name (builder, "reinspection");
  json_builder_add_boolean_value (builder, s && s->reinspection);
  _pb_cli_add_string_or_null (builder, "local_authority", s ? s->local_authority : NULL);
  add_date_member (builder, "inspection_start", s ? &s->inspection_start : &none);
  add_date_member (builder, "inspection_end", s ? &s->inspection_end : &none);
  add_date_member (builder, "published", s ? &s->published : &none);
  _pb_cli_add_string_or_null (builder, "lead_inspector", s ? s->lead_inspector : NULL);
  _pb_cli_add_string_or_null (builder, "theme", s ? s->theme : NULL);
}

/* The grades, by judgement, and whether children in care and care leavers
 * were judged together. */
static void
add_judgements (JsonBuilder *builder,
                PbStructure *s)
{
  json_builder_set_member_name (builder, "judgements");
  json_builder_begin_object (builder);
  for (PbJudgement j = 0; s != NULL && j < PB_N_JUDGEMENTS; j++)
    if (s->judgements[j] != PB_GRADE_NONE)
      _pb_cli_add_string_or_null (builder, pb_judgement_to_slug (j), pb_grade_to_slug (s->judgements[j]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cic_and_care_leavers_combined");
  json_builder_add_boolean_value (builder, s && s->cic_and_care_leavers_combined);
}

static void
add_report_members (JsonBuilder *builder,
                    PbLibrary   *library,
                    PbReport    *report)
{
  /* A report whose structure was never read has none to give: its members
   * are null. */
  g_autoptr(PbStructure) structure = pb_library_get_structure (library, pb_report_get_id (report), NULL);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_report_get_id (report));
  _pb_cli_add_string_or_null (builder, "title", pb_report_get_title (report));
  _pb_cli_add_string_or_null (builder, "sha256", pb_report_get_sha256 (report));
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, pb_report_get_page_count (report));
  _pb_cli_add_date_or_null (builder, "imported_at", pb_report_get_imported_at (report));
  _pb_cli_add_path (builder, "file_name", pb_report_get_file_name (report));
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, pb_report_get_byte_size (report));
  _pb_cli_add_date_or_null (builder, "created", pb_report_get_created (report));
  _pb_cli_add_string_or_null (builder, "author", pb_report_get_author (report));
  json_builder_set_member_name (builder, "has_text_layer");
  json_builder_add_boolean_value (builder, pb_report_get_has_text_layer (report));
  json_builder_set_member_name (builder, "tagged");
  json_builder_add_boolean_value (builder, pb_report_get_is_tagged (report));
  _pb_cli_add_string_or_null (builder, "classification",
                              pb_report_get_is_exempt (report) ? "exempt" : "public");
  add_structure_summary (builder, structure);
  add_judgements (builder, structure);
}

int
_pb_cli_run_import (CommonOptions  *common,
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
      g_autofree char *display = _pb_cli_display (argv[i]);
      g_autofree char *notice = NULL;
      g_autofree char *message = NULL;
      PbImportStatus status = PB_IMPORT_STATUS_FAILED;
      gint64 report_id = 0;
      gboolean same_content;

      if (!pb_import_file_with_notice (library, file, password,
                                       anyway ? PB_IMPORT_ANYWAY : PB_IMPORT_DEFAULT, NULL, NULL, NULL,
                                       &status, &report_id, &notice, &import_error))
        {
          status = PB_IMPORT_STATUS_FAILED;
          n_failed++;
        }
      same_content = g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);

      /* The sentence says what to do on the command line. */
      if (same_content)
        message = g_strdup_printf ("%s %s", import_error->message, _("Use --anyway to import it as well."));
      else if (g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED))
        message = g_strdup_printf ("%s %s", import_error->message, _("Use --password."));
      else if (g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD))
        message = g_strdup_printf ("%s %s", import_error->message, _("Give the right one with --password."));
      else if (import_error != NULL)
        message = g_strdup (import_error->message);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "file", display);
      _pb_cli_add_string_or_null (builder, "status", same_content ? "same-content"
                                             : pb_import_status_to_string (status));
      json_builder_set_member_name (builder, "id");
      if (report_id > 0)
        json_builder_add_int_value (builder, report_id);
      else
        json_builder_add_null_value (builder);
      _pb_cli_add_string_or_null (builder, "error", message);
      _pb_cli_add_string_or_null (builder, "notice", notice);
      json_builder_end_object (builder);

      if (common->json)
        continue;

      if (message != NULL)
        _pb_cli_fail (message);
      else if (status == PB_IMPORT_STATUS_DUPLICATE)
        printf (_("Already in the library: %s (report %" G_GINT64_FORMAT ")\n"), display, report_id);
      else
        printf (_("Imported %s as report %" G_GINT64_FORMAT "\n"), display, report_id);
      if (notice != NULL)
        printf ("%s\n", notice);
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

int
_pb_cli_run_list (CommonOptions  *common,
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
          add_report_members (builder, library, g_ptr_array_index (reports, i));
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

int
_pb_cli_run_search (CommonOptions  *common,
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
          _pb_cli_add_string_or_null (builder, "title", pb_search_hit_get_report_title (hit));
          json_builder_set_member_name (builder, "page");
          json_builder_add_int_value (builder, pb_search_hit_get_page (hit));
          _pb_cli_add_string_or_null (builder, "snippet", snippet);
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

int
_pb_cli_run_show (CommonOptions  *common,
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
      add_report_members (builder, library, report);
      _pb_cli_add_path (builder, "path", path);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    g_autofree char *created = format_date (pb_report_get_created (report));
    g_autofree char *imported = format_date (pb_report_get_imported_at (report));
    g_autofree char *file_name = _pb_cli_display (pb_report_get_file_name (report));

    printf ("%s\n", pb_report_get_title (report));
    printf ("  %-14s %" G_GINT64_FORMAT "\n", _("Id:"), pb_report_get_id (report));
    printf ("  %-14s %s\n", _("File:"), file_name);
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
add_structure (JsonBuilder *builder,
               PbStructure *s)
{
  json_builder_begin_object (builder);
  add_structure_summary (builder, s);

  /* What the type was decided on, so that a misread report can be told
   * from this output alone. */
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; s->reasons != NULL && i < s->reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (s->reasons, i));
  json_builder_end_array (builder);

  add_judgements (builder, s);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->sections->len; i++)
    {
      PbSection *section = &g_array_index (s->sections, PbSection, i);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "cohort", section->cohort);
      _pb_cli_add_string_or_null (builder, "heading", section->heading);
      _pb_cli_add_string_or_null (builder, "grade", pb_grade_to_slug (section->grade));
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
      _pb_cli_add_string_or_null (builder, "cohort", paragraph->cohort);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->recommendations->len; i++)
    {
      PbRecommendation *rec = &g_array_index (s->recommendations, PbRecommendation, i);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "text", rec->text);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, rec->page);
      _pb_cli_add_string_or_null (builder, "cohort", rec->cohort);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_boolean_value (builder, rec->priority);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
_pb_cli_run_inspect (CommonOptions  *common,
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
