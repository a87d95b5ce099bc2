/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pb-cli-private.h"
#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-findings-csv.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"

/* The findings command: list findings (as text, JSON or CSV), or add one
 * from a quote found on a report's page. */

/* @display_title: its report's title as the window shows it */
static void
add_finding_members (JsonBuilder *builder,
                     PbFinding   *finding,
                     const char  *display_title)
{
  const char * const *cohorts = pb_finding_get_cohorts (finding);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pb_finding_get_id (finding));
  json_builder_set_member_name (builder, "report_id");
  json_builder_add_int_value (builder, pb_finding_get_report_id (finding));
  /* The report's title as the window shows it, and the PDF's own. */
  _pb_cli_add_string_or_null (builder, "report_title", display_title);
  _pb_cli_add_string_or_null (builder, "report_file_title", pb_finding_get_report_title (finding));
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, pb_finding_get_page (finding));
  json_builder_set_member_name (builder, "paragraph");
  if (pb_finding_get_paragraph (finding) > 0)
    json_builder_add_int_value (builder, pb_finding_get_paragraph (finding));
  else
    json_builder_add_null_value (builder);
  _pb_cli_add_string_or_null (builder, "quote", pb_finding_get_quote (finding));
  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint i = 0; cohorts[i] != NULL; i++)
    json_builder_add_string_value (builder, cohorts[i]);
  json_builder_end_array (builder);
  _pb_cli_add_string_or_null (builder, "kind", pb_finding_kind_to_slug (pb_finding_get_kind (finding)));
  _pb_cli_add_string_or_null (builder, "note", pb_finding_get_note (finding));
  _pb_cli_add_string_or_null (builder, "classification", pb_finding_get_exempt (finding) ? "exempt" : "public");
  _pb_cli_add_string_or_null (builder, "status", pb_finding_status_to_slug (pb_finding_get_status (finding)));

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

static int
run_findings_list (CommonOptions  *common,
                   int             argc,
                   char          **argv)
{
  g_autoptr(GHashTable) cohort_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GPtrArray) all_cohorts = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *report = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("Only findings for this cohort"), N_("SLUG") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only findings of this kind"), N_("KIND") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &report, N_("Only findings in this report"), N_("REPORT") },
    { "classification", 0, 0, G_OPTION_ARG_STRING, &classification, N_("public or exempt"), N_("CLASS") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only findings with this status"), N_("STATUS") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Words in the quote or note"), N_("WORDS") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write them to FILE as CSV instead (“-” for standard output)"), N_("FILE") },
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

  /* "-" is standard output, as for other command-line tools. */
  if (csv != NULL && !g_str_equal (csv, "-") && !(csv_path = _pb_cli_output_path (csv, &error)))
    return _pb_cli_fail (error->message);

  /* Only reads: a library that can only be read lists its findings too. */
  if (!(library = _pb_cli_open_library (common, &error)))
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
      g_autoptr(GHashTable) report_titles = NULL;
      g_autoptr(GPtrArray) cohorts = NULL;
      g_autoptr(GPtrArray) reports = NULL;
      g_autofree char *shown = _pb_cli_display (csv);

      if (!(cohorts = pb_library_list_cohorts (library, &error)) ||
          !(reports = pb_library_list_reports (library, &error)))
        return _pb_cli_fail (error->message);
      /* Reports by the titles the window shows, as the text output names them. */
      report_titles = pb_findings_csv_report_titles (reports);
      for (guint i = 0; i < cohorts->len; i++)
        g_hash_table_insert (names, (gpointer)pb_cohort_get_slug (g_ptr_array_index (cohorts, i)),
                             (gpointer)pb_cohort_get_name (g_ptr_array_index (cohorts, i)));
      if (csv_path == NULL)
        {
          g_autoptr(GString) rows = pb_findings_csv_text (findings, names, report_titles);

          if (fwrite (rows->str, 1, rows->len, stdout) != rows->len || fflush (stdout) != 0)
            return _pb_cli_fail (_("The findings could not be written to standard output."));
          return EXIT_OK;
        }
      if (!pb_library_check_output_path (library, csv_path, &error) ||
          !pb_findings_write_csv_named (findings, names, report_titles, csv_path, &error))
        return _pb_cli_fail (error->message);
      if (!common->json)
        printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u finding to %s\n", "Wrote %u findings to %s\n", findings->len),
                findings->len, shown);
      else
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          _pb_cli_add_path (builder, "path", csv_path);
          json_builder_set_member_name (builder, "findings");
          json_builder_add_int_value (builder, findings->len);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      return EXIT_OK;
    }

  if (!(titles = _pb_cli_display_titles (library, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          json_builder_begin_object (builder);
          add_finding_members (builder, g_ptr_array_index (findings, i),
                               _pb_cli_title_for (titles, pb_finding_get_report_id (g_ptr_array_index (findings, i)),
                                                  pb_finding_get_report_title (g_ptr_array_index (findings, i))));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (findings->len == 0)
    printf ("%s\n", _("No findings."));

  /* Cohorts by the library's names for them, as every export gives them,
   * not their codes ("Help and protection", not help_and_protection). */
  if (!(all_cohorts = pb_library_list_cohorts (library, &error)))
    return _pb_cli_fail (error->message);
  for (guint i = 0; i < all_cohorts->len; i++)
    g_hash_table_insert (cohort_names, (gpointer)pb_cohort_get_slug (g_ptr_array_index (all_cohorts, i)),
                         (gpointer)pb_cohort_get_name (g_ptr_array_index (all_cohorts, i)));

  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      const char * const *slugs = pb_finding_get_cohorts (finding);
      g_autoptr(GString) cohorts = g_string_new (NULL);

      for (guint c = 0; slugs[c] != NULL; c++)
        {
          const char *name = g_hash_table_lookup (cohort_names, slugs[c]);

          g_string_append_printf (cohorts, "%s%s", c > 0 ? ", " : "", name != NULL ? name : slugs[c]);
        }

      printf ("%5" G_GINT64_FORMAT "  %s, p. %u  [%s%s]  %s\n    “%s”\n",
              pb_finding_get_id (finding), _pb_cli_title_for (titles, pb_finding_get_report_id (finding),
                                                pb_finding_get_report_title (finding)),
              pb_finding_get_page (finding), pb_finding_kind_get_label (pb_finding_get_kind (finding)),
              pb_finding_get_exempt (finding) ? _(", exempt") : "", cohorts->str,
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
  g_autofree char *printed = NULL;
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

  /* A change: refused at once on a library that can only be read, and the
   * day's backup is taken first, as every command that changes it does. */
  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(r = pb_library_find_report (library, report, &error)))
    return _pb_cli_fail (error->message);

  /* The quote must be on the page named: a finding cites what the report says. */
  if (!(path = pb_library_locate_report_file (library, pb_report_get_sha256 (r), &error)))
    return _pb_cli_fail (error->message);
  if (!(anchors = pb_pdf_locate_quote_full (path, password, (guint)page, quote, &printed, &error)))
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
  /* The passage as the report prints it, not as typed: a finding cites. */
  pb_finding_set_quote (finding, printed);
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
      add_finding_members (builder, saved, pb_report_get_display_title (r));
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      printf ("%" G_GINT64_FORMAT "\n", id);
    }

  return EXIT_OK;
}

int
_pb_cli_run_findings (CommonOptions  *common,
                      int             argc,
                      char          **argv)
{
  /* argv: panel-brief findings ACTION …; the action becomes the command. */
  _pb_cli_action_first (argc, argv);
  if (argc >= 3 && (g_str_equal (argv[2], "--help") || g_str_equal (argv[2], "-h")))
    {
      printf ("%s\n%s\n", _("Usage: panel-brief findings list|add …"),
              _("Run “panel-brief findings list --help” or “panel-brief findings add --help” for their options."));
      return EXIT_OK;
    }
  if (argc >= 3 && g_str_equal (argv[2], "list"))
    return run_findings_list (common, argc - 1, argv + 1);
  if (argc >= 3 && g_str_equal (argv[2], "add"))
    return run_findings_add (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “findings list” or “findings add”."));
}
