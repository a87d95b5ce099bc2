/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli-private.h"
#include "pb-cli.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-store.h"
#include "pb-structure.h"

/* The commands that only read the library's rows: list, search and show.
 * They need the store alone, so the lean front (main.c) runs them itself,
 * without loading poppler, cairo or the rest of the core; and they open
 * the library only to read it, writing nothing into its folder when it
 * needs nothing done (_pb_cli_open_library_to_read ()). */

const Command _pb_cli_list_command =
  { "list", "", N_("List the reports in the library"), _pb_cli_run_list };
const Command _pb_cli_search_command =
  { "search", N_("QUERY"), N_("Search the text of every report"), _pb_cli_run_search };
const Command _pb_cli_show_command =
  { "show", N_("REPORT"), N_("Show one report (by id or checksum)"), _pb_cli_run_show };

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
void
_pb_cli_add_structure_summary (JsonBuilder *builder,
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
void
_pb_cli_add_judgements (JsonBuilder *builder,
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

/* A report's members in JSON, as list and show give them. */
void
_pb_cli_add_report_members (JsonBuilder *builder,
                            PbLibrary   *library,
                            PbReport    *report)
{
  /* A report whose structure was never read has none to give: its members
   * are null. */
  g_autoptr(PbStructure) structure = pb_library_get_structure (library, pb_report_get_id (report), NULL);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_report_get_id (report));
  /* "display_title" is the title the window shows (the user's own, or the
   * tidy one made from the structure); "file_title" the PDF's own, which
   * "title" has always given and still gives for scripts that read it. */
  _pb_cli_add_string_or_null (builder, "title", pb_report_get_title (report));
  _pb_cli_add_string_or_null (builder, "display_title", pb_report_get_display_title (report));
  _pb_cli_add_string_or_null (builder, "file_title", pb_report_get_title (report));
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
  _pb_cli_add_structure_summary (builder, structure);
  _pb_cli_add_judgements (builder, structure);
}

/* The reports' titles as the window shows them (pb_report_get_display_title
 * (): the user's own, or the tidy one made from the structure), for
 * _pb_cli_title_for (); NULL with @error set. */
GHashTable *
_pb_cli_display_titles (PbLibrary  *library,
                        GError    **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  GHashTable *titles;

  if (!(reports = pb_library_list_reports (library, error)))
    return NULL;

  titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);

      g_hash_table_insert (titles, g_strdup_printf ("%" G_GINT64_FORMAT, pb_report_get_id (report)),
                           g_strdup (pb_report_get_display_title (report)));
    }
  return titles;
}

/* Report @report_id's title as the window shows it, from @titles; @fallback
 * (the file's own) for a report not among them. */
const char *
_pb_cli_title_for (GHashTable *titles,
                   gint64      report_id,
                   const char *fallback)
{
  char key[32];
  const char *title;

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, report_id);
  title = g_hash_table_lookup (titles, key);
  return title != NULL ? title : fallback;
}

/* A date as the command line shows it: 2026-11-30, or "" for none. */
char *
_pb_cli_format_date (GDateTime *date)
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

  if (!_pb_cli_parse_options (common, &_pb_cli_list_command, NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc > 2)
    {
      fprintf (stderr, "panel-brief: %s\n", _("“list” takes no arguments."));
      return EXIT_USAGE;
    }

  if (!(library = _pb_cli_open_library_to_read (common, &error)) ||
      !(reports = pb_library_list_reports (library, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < reports->len; i++)
        {
          json_builder_begin_object (builder);
          _pb_cli_add_report_members (builder, library, g_ptr_array_index (reports, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return _pb_cli_read_status (library);
    }

  if (reports->len == 0)
    {
      printf ("%s\n", _("The library is empty. Import reports with “panel-brief import FILE…”."));
      return _pb_cli_read_status (library);
    }

  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);
      g_autofree char *date = _pb_cli_format_date (pb_report_get_imported_at (report));

      printf ("%5" G_GINT64_FORMAT "  %.12s  %4u p.  %s  %s\n",
              pb_report_get_id (report), pb_report_get_sha256 (report),
              pb_report_get_page_count (report), date, pb_report_get_display_title (report));
    }

  return _pb_cli_read_status (library);
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
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  gboolean bold;

  if (!_pb_cli_parse_options (common, &_pb_cli_search_command, entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc < 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Give a query to search for."));
      return EXIT_USAGE;
    }

  query = g_strjoinv (" ", argv + 2);

  if (!(library = _pb_cli_open_library_to_read (common, &error)) ||
      !(hits = pb_library_search (library, query, MAX (limit, 1), &error)) ||
      !(titles = _pb_cli_display_titles (library, &error)))
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
          /* As for reports: "display_title" as the window shows it,
           * "file_title" (and, as before, "title") the PDF's own. */
          _pb_cli_add_string_or_null (builder, "title", pb_search_hit_get_report_title (hit));
          _pb_cli_add_string_or_null (builder, "display_title",
                                      _pb_cli_title_for (titles, pb_search_hit_get_report_id (hit),
                                                         pb_search_hit_get_report_title (hit)));
          _pb_cli_add_string_or_null (builder, "file_title", pb_search_hit_get_report_title (hit));
          json_builder_set_member_name (builder, "page");
          json_builder_add_int_value (builder, pb_search_hit_get_page (hit));
          _pb_cli_add_string_or_null (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, pb_search_hit_get_rank (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return _pb_cli_read_status (library);
    }

  if (hits->len == 0)
    {
      printf ("%s\n", _("No matches."));
      return _pb_cli_read_status (library);
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
              _pb_cli_title_for (titles, pb_search_hit_get_report_id (hit), pb_search_hit_get_report_title (hit)),
              pb_search_hit_get_report_id (hit),
              pb_search_hit_get_page (hit), snippet->str);
    }

  return _pb_cli_read_status (library);
}

int
_pb_cli_run_show (CommonOptions  *common,
                  int             argc,
                  char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, &_pb_cli_show_command, NULL, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc != 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Name one report: its id or the start of its checksum."));
      return EXIT_USAGE;
    }

  if (!(library = _pb_cli_open_library_to_read (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *path = pb_library_dup_report_path (library, pb_report_get_sha256 (report));

      json_builder_begin_object (builder);
      _pb_cli_add_report_members (builder, library, report);
      _pb_cli_add_path (builder, "path", path);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
      return _pb_cli_read_status (library);
    }

  {
    g_autofree char *created = _pb_cli_format_date (pb_report_get_created (report));
    g_autofree char *imported = _pb_cli_format_date (pb_report_get_imported_at (report));
    g_autofree char *file_name = _pb_cli_display (pb_report_get_file_name (report));

    printf ("%s\n", pb_report_get_display_title (report));
    printf ("  %-14s %" G_GINT64_FORMAT "\n", _("Id:"), pb_report_get_id (report));
    /* The PDF's own title too, when the window shows another. */
    if (g_strcmp0 (pb_report_get_title (report), pb_report_get_display_title (report)) != 0)
      printf ("  %-14s %s\n", _("File title:"), pb_report_get_title (report) ? pb_report_get_title (report) : "");
    printf ("  %-14s %s\n", _("File:"), file_name);
    printf ("  %-14s %u\n", _("Pages:"), pb_report_get_page_count (report));
    printf ("  %-14s %s\n", _("Created:"), created);
    printf ("  %-14s %s\n", _("Imported:"), imported);
    printf ("  %-14s %s\n", _("SHA-256:"), pb_report_get_sha256 (report));
    if (!pb_report_get_has_text_layer (report))
      printf ("  %s\n", _("This report has no text layer: it cannot be searched."));
  }

  return _pb_cli_read_status (library);
}

/**
 * pb_cli_run_lean:
 * @argc: the program's argument count
 * @argv: its arguments
 * @out_status: (out): the exit status, when it returns %TRUE
 *
 * Runs what needs the store alone: `--version` without a command, `list`,
 * `search` and `show` (options may come before or after the command, as for
 * pb_cli_run ()).
 *
 * Returns: %TRUE when it ran it; %FALSE when the arguments are for the
 *   whole command line (or the window), and nothing was done
 */
gboolean
pb_cli_run_lean (int    argc,
                 char **argv,
                 int   *out_status)
{
  g_autofree char **args = NULL;
  CommonOptions common = { 0 };
  const Command *command = NULL;
  gboolean version = FALSE;
  int command_index = -1;

  for (int i = 1; i < argc && command_index < 0; i++)
    {
      if (g_str_equal (argv[i], "--library") || g_str_equal (argv[i], "-l"))
        i++;
      else if (g_str_equal (argv[i], "--version"))
        version = TRUE;
      else if (argv[i][0] != '-')
        command_index = i;
    }

  if (command_index < 0)
    {
      if (!version)
        return FALSE;
      printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *out_status = EXIT_OK;
      return TRUE;
    }

  if (g_str_equal (argv[command_index], _pb_cli_list_command.name))
    command = &_pb_cli_list_command;
  else if (g_str_equal (argv[command_index], _pb_cli_search_command.name))
    command = &_pb_cli_search_command;
  else if (g_str_equal (argv[command_index], _pb_cli_show_command.name))
    command = &_pb_cli_show_command;
  else
    return FALSE;

  /* Every command sees "panel-brief COMMAND …", as pb_cli_run () gives it. */
  args = g_new0 (char *, argc + 1);
  _pb_cli_arrange_args (argc, argv, command_index, args);

  *out_status = command->run (&common, argc, args);
  g_free (common.library_dir);
  return TRUE;
}
