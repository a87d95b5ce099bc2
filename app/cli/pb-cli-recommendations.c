/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-cli-private.h"
#include "pb-csv.h"
#include "pb-export-file.h"
#include "pb-finding.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"

/* panel-brief recommendations list|show|create|update|link|unlink|
 * suggest-links|confirm-link|delete: following Ofsted's recommendations
 * from a script. (panel-brief compare is pb-cli-compare.c.) */

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

static void
add_string (JsonBuilder *builder,
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
add_int (JsonBuilder *builder,
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

static void
add_item (JsonBuilder          *builder,
          PbRecommendationItem *item)
{
  const char * const *cohorts = pb_recommendation_item_get_cohorts (item);
  PbRecommendationStatus status = pb_recommendation_item_get_status (item);
  g_autofree char *name = pb_recommendation_item_dup_source_name (item);

  json_builder_begin_object (builder);
  add_int (builder, "id", pb_recommendation_item_get_id (item), TRUE);
  add_string (builder, "authority", pb_recommendation_item_get_authority (item));
  add_string (builder, "text", pb_recommendation_item_get_text (item));

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_int (builder, "report_id", pb_recommendation_item_get_report_id (item),
           pb_recommendation_item_get_report_id (item) > 0);
  add_string (builder, "report_sha256", pb_recommendation_item_get_report_sha256 (item));
  add_string (builder, "type", pb_document_type_to_slug (pb_recommendation_item_get_document_type (item)));
  add_string (builder, "date", pb_recommendation_item_get_source_date (item));
  add_int (builder, "page", pb_recommendation_item_get_page (item), pb_recommendation_item_get_page (item) > 0);
  add_int (builder, "paragraph", pb_recommendation_item_get_paragraph (item),
           pb_recommendation_item_get_paragraph (item) > 0);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint i = 0; cohorts[i] != NULL; i++)
    json_builder_add_string_value (builder, cohorts[i]);
  json_builder_end_array (builder);

  add_string (builder, "owner", pb_recommendation_item_get_owner (item));
  add_string (builder, "due", pb_recommendation_item_get_due (item));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, pb_recommendation_item_get_overdue (item));
  add_string (builder, "classification", pb_recommendation_item_get_exempt (item) ? "exempt" : "public");
  add_string (builder, "status", pb_recommendation_status_to_slug (status));
  add_string (builder, "status_label", pb_recommendation_status_get_label (status));
  add_string (builder, "rag", pb_rag_to_slug (pb_recommendation_status_get_rag (status)));
  add_string (builder, "last_update", pb_recommendation_item_get_status_date (item));
  add_int (builder, "evidence", pb_recommendation_item_get_evidence_count (item), TRUE);
  add_int (builder, "links", pb_recommendation_item_get_link_count (item), TRUE);
  json_builder_end_object (builder);
}

static void
print_items_json (PbLibrary  *library,
                  GArray     *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PbRecommendationItem) item = pb_library_get_recommendation (library, id, NULL);

      if (item != NULL)
        add_item (builder, item);
    }
  json_builder_end_array (builder);
  _pb_cli_print_json (builder);
}

static void
print_item_line (PbRecommendationItem *item)
{
  PbRecommendationStatus status = pb_recommendation_item_get_status (item);
  g_autofree char *source = pb_recommendation_item_dup_source_name (item);
  g_autofree char *location = pb_recommendation_item_dup_location (item);
  const char *due = pb_recommendation_item_get_due (item);

  /* The colour's word, so that the status reads without colour. */
  printf ("%5" G_GINT64_FORMAT "  %s (%s)  %s%s%s  %s%s%s\n      %s\n",
          pb_recommendation_item_get_id (item), pb_recommendation_status_get_label (status),
          pb_rag_get_label (pb_recommendation_status_get_rag (status)),
          due ? _("due ") : _("no due date"), due ? due : "",
          pb_recommendation_item_get_overdue (item) ? _(" (overdue)") : "",
          source, location ? ", " : "", location ? location : "",
          pb_recommendation_item_get_text (item));
  if (*pb_recommendation_item_get_owner (item) != '\0')
    printf ("      %s %s\n", _("Owner:"), pb_recommendation_item_get_owner (item));
}

static gboolean
write_csv (GPtrArray   *items,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\"id\",\"authority\",\"text\",\"source\",\"source_date\",\"page\","
                                         "\"paragraph\",\"cohorts\",\"owner\",\"due\",\"overdue\",\"status\","
                                         "\"rag\",\"last_update\",\"evidence\",\"classification\"\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      PbRecommendationItem *item = g_ptr_array_index (items, i);
      PbRecommendationStatus status = pb_recommendation_item_get_status (item);
      g_autofree char *source = pb_recommendation_item_dup_source_name (item);
      g_autofree char *cohorts = g_strjoinv (" ", (char **)pb_recommendation_item_get_cohorts (item));

      pb_csv_append_number (out, pb_recommendation_item_get_id (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_authority (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_text (item), FALSE);
      pb_csv_append_field (out, source, FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_source_date (item), FALSE);
      if (pb_recommendation_item_get_page (item) > 0)
        pb_csv_append_number (out, pb_recommendation_item_get_page (item), FALSE);
      else
        pb_csv_append_field (out, NULL, FALSE);
      if (pb_recommendation_item_get_paragraph (item) > 0)
        pb_csv_append_number (out, pb_recommendation_item_get_paragraph (item), FALSE);
      else
        pb_csv_append_field (out, NULL, FALSE);
      pb_csv_append_field (out, cohorts, FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_owner (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_due (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_overdue (item) ? "yes" : "no", FALSE);
      pb_csv_append_field (out, pb_recommendation_status_to_slug (status), FALSE);
      pb_csv_append_field (out, pb_rag_to_slug (pb_recommendation_status_get_rag (status)), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_status_date (item), FALSE);
      pb_csv_append_number (out, pb_recommendation_item_get_evidence_count (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_exempt (item) ? "exempt" : "public", TRUE);
    }
  return pb_export_write_contents (path, out->str, out->len, error);
}

static int
usage_statuses (void)
{
  g_autofree char *slugs = pb_recommendation_status_list_slugs ();
  g_autofree char *message = g_strdup_printf (_("Statuses are %s."), slugs);

  return _pb_cli_usage_error (message);
}

static int
run_list (CommonOptions  *common,
          int             argc,
          char          **argv)
{
  g_autofree char *authority = NULL;
  g_autofree char *status = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *csv = NULL;
  gboolean overdue = FALSE, open = FALSE;
  GOptionEntry entries[] = {
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("Only this local authority’s items"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only items with this status now"), N_("STATUS") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("Only items about this cohort"), N_("SLUG") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only items past their due date and not met"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Only items not met"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write them to FILE as CSV instead"), N_("FILE") },
    { NULL }
  };
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 2)
    return _pb_cli_usage_error (_("“recommendations list” takes options only."));
  if (status != NULL)
    {
      PbRecommendationStatus s;

      if (!pb_recommendation_status_from_slug (status, &s))
        return usage_statuses ();
      filter.status = s;
    }
  filter.authority = authority;
  filter.cohort = cohort;
  filter.overdue = overdue;
  filter.open = open;

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(items = pb_library_list_recommendations (library, &filter, &error)))
    return _pb_cli_fail (error->message);

  if (csv != NULL)
    {
      if (!pb_library_check_output_path (library, csv, &error) || !write_csv (items, csv, &error))
        return _pb_cli_fail (error->message);
      if (common->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          add_string (builder, "path", csv);
          add_int (builder, "recommendations", items->len, TRUE);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u recommendation to %s\n",
                             "Wrote %u recommendations to %s\n", items->len), items->len, csv);
      return EXIT_OK;
    }

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        add_item (builder, g_ptr_array_index (items, i));
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (items->len == 0)
    printf ("%s\n", _("No tracked recommendations."));
  for (guint i = 0; i < items->len; i++)
    print_item_line (g_ptr_array_index (items, i));
  return EXIT_OK;
}

static void
add_entry (JsonBuilder           *builder,
           PbRecommendationEntry *entry)
{
  static const char * const kinds[] = { "status", "repeated_from", "raised_again" };
  PbRecommendationEntryKind kind = pb_recommendation_entry_get_kind (entry);
  GPtrArray *evidence = pb_recommendation_entry_get_evidence (entry);

  json_builder_begin_object (builder);
  add_string (builder, "kind", kinds[kind]);
  add_string (builder, "date", pb_recommendation_entry_get_date (entry));
  add_string (builder, "summary", pb_recommendation_entry_get_summary (entry));
  if (kind == PB_RECOMMENDATION_ENTRY_STATUS)
    {
      add_int (builder, "id", pb_recommendation_entry_get_id (entry), TRUE);
      add_string (builder, "status", pb_recommendation_status_to_slug (pb_recommendation_entry_get_status (entry)));
      add_string (builder, "note", pb_recommendation_entry_get_note (entry));
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint i = 0; i < evidence->len; i++)
        {
          PbFinding *finding = g_ptr_array_index (evidence, i);

          json_builder_begin_object (builder);
          add_int (builder, "finding_id", pb_finding_get_id (finding), TRUE);
          add_int (builder, "report_id", pb_finding_get_report_id (finding), TRUE);
          add_string (builder, "report_title", pb_finding_get_report_title (finding));
          add_int (builder, "page", pb_finding_get_page (finding), TRUE);
          add_int (builder, "paragraph", pb_finding_get_paragraph (finding), pb_finding_get_paragraph (finding) > 0);
          add_string (builder, "quote", pb_finding_get_quote (finding));
          add_string (builder, "classification", pb_finding_get_exempt (finding) ? "exempt" : "public");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else
    {
      add_int (builder, "linked_item", pb_recommendation_entry_get_linked_item_id (entry), TRUE);
      add_string (builder, "linked_text", pb_recommendation_entry_get_linked_text (entry));
    }
  json_builder_end_object (builder);
}

static int
run_show (CommonOptions  *common,
          int             argc,
          char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 3 || !parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “recommendations show ID”."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(item = pb_library_get_recommendation (library, id, &error)) ||
      !(history = pb_library_list_recommendation_history (library, id, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item");
      add_item (builder, item);
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < history->len; i++)
        add_entry (builder, g_ptr_array_index (history, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  print_item_line (item);
  for (guint i = 0; i < history->len; i++)
    {
      PbRecommendationEntry *entry = g_ptr_array_index (history, i);
      GPtrArray *evidence = pb_recommendation_entry_get_evidence (entry);

      printf ("  %s  %s", pb_recommendation_entry_get_date (entry), pb_recommendation_entry_get_summary (entry));
      if (*pb_recommendation_entry_get_note (entry) != '\0')
        printf (": %s", pb_recommendation_entry_get_note (entry));
      printf ("\n");
      for (guint k = 0; k < evidence->len; k++)
        {
          PbFinding *finding = g_ptr_array_index (evidence, k);

          printf ("      %s %" G_GINT64_FORMAT ", %s, p. %u: “%s”\n", _("finding"), pb_finding_get_id (finding),
                  pb_finding_get_report_title (finding), pb_finding_get_page (finding), pb_finding_get_quote (finding));
        }
    }
  return EXIT_OK;
}

static void
print_report_recommendations (GPtrArray *recs)
{
  for (guint i = 0; i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);

      printf ("%3u. %s (p. %u)%s\n", rec->position + 1, rec->text, rec->page,
              rec->item_id > 0 ? _(" – tracked") : "");
    }
}

static int
run_create (CommonOptions  *common,
            int             argc,
            char          **argv)
{
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *due = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *source = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) cohorts = NULL;
  gboolean all = FALSE, exempt = FALSE;
  int number = 0;
  gint64 finding = 0;
  GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_STRING, &report, N_("Track this report’s recommendations"), N_("REPORT") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("All of them at once"), NULL },
    { "number", 0, 0, G_OPTION_ARG_INT, &number, N_("Only the Nth of them, from 1"), N_("N") },
    { "finding", 0, 0, G_OPTION_ARG_INT64, &finding, N_("Track the passage a finding quotes"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The recommendation, entered by hand"), N_("TEXT") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("The local authority it is for"), N_("NAME") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("What it comes from (“Improvement plan 2024”)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it was made"), N_("YYYY-MM-DD") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cohorts, N_("A cohort it concerns (repeatable)"), N_("SLUG") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who owns it: a service or a person"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When it is due"), N_("YYYY-MM-DD") },
    { "exempt", 0, 0, G_OPTION_ARG_NONE, &exempt, N_("Not for publication"), NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_ways;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  n_ways = (report != NULL) + (finding != 0) + (text != NULL);
  if (argc != 2 || n_ways != 1)
    return _pb_cli_usage_error (_("Use “recommendations create --report REPORT --all” (or --number N), "
                                  "“--finding ID”, or “--text TEXT --authority NAME”."));
  if (text != NULL && authority == NULL)
    return _pb_cli_usage_error (_("A recommendation entered by hand needs --authority."));
  if (report != NULL && all && number != 0)
    return _pb_cli_usage_error (_("Give --all or --number, not both."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)))
    return _pb_cli_fail (error->message);

  if (report != NULL)
    {
      g_autoptr(PbReport) r = pb_library_find_report (library, report, &error);
      g_autoptr(GPtrArray) recs = NULL;

      if (r == NULL)
        return _pb_cli_fail (error->message);
      if (all)
        {
          g_autoptr(GArray) added = pb_library_add_report_recommendations (library, pb_report_get_id (r), &error);

          if (added == NULL)
            return _pb_cli_fail (error->message);
          g_array_append_vals (ids, added->data, added->len);
        }
      else if (number > 0)
        {
          gint64 id = pb_library_add_report_recommendation (library, pb_report_get_id (r), (guint)number - 1, &error);

          if (id == 0)
            return _pb_cli_fail (error->message);
          g_array_append_val (ids, id);
        }
      else
        {
          /* Neither: say what there is to track. */
          if (!(recs = pb_library_list_report_recommendations (library, pb_report_get_id (r), &error)))
            return _pb_cli_fail (error->message);
          if (recs->len == 0)
            return _pb_cli_fail (_("The report’s recommendations were not found in its text: "
                                   "enter them with --text and --authority."));
          print_report_recommendations (recs);
          return _pb_cli_usage_error (_("Add --all to track them all, or --number N for one."));
        }
    }
  else if (finding != 0)
    {
      gint64 id = pb_library_add_recommendation_from_finding (library, finding, &error);

      if (id == 0)
        return _pb_cli_fail (error->message);
      g_array_append_val (ids, id);
    }
  else
    {
      PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
      gint64 id;

      draft.authority = authority;
      draft.text = text;
      draft.cohorts = (const char * const *)cohorts;
      draft.owner = owner;
      draft.due = due;
      draft.source_label = source;
      draft.source_date = date;
      draft.exempt = exempt;
      if ((id = pb_library_add_recommendation (library, &draft, &error)) == 0)
        return _pb_cli_fail (error->message);
      g_array_append_val (ids, id);
    }

  /* Owner and due date for items made from a report or finding. */
  if (text == NULL && (owner != NULL || due != NULL))
    for (guint i = 0; i < ids->len; i++)
      {
        PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;

        update.owner = owner;
        update.due = due;
        if (!pb_library_update_recommendation (library, g_array_index (ids, gint64, i), &update, NULL, &error))
          return _pb_cli_fail (error->message);
      }

  if (common->json)
    print_items_json (library, ids);
  else
    for (guint i = 0; i < ids->len; i++)
      printf ("%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, i));
  return EXIT_OK;
}

/* Finding ids, from --evidence values ("3", "3,4") and the words after
 * them. */
static gboolean
parse_evidence (char   **values,
                int      argc,
                char   **argv,
                int      first_extra,
                GArray  *ids)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        {
          gint64 id;

          if (*g_strstrip (parts[k]) == '\0')
            continue;
          if (!parse_id (parts[k], &id))
            return FALSE;
          g_array_append_val (ids, id);
        }
    }
  for (int i = first_extra; i < argc; i++)
    {
      gint64 id;

      if (values == NULL || !parse_id (argv[i], &id))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static int
run_update (CommonOptions  *common,
            int             argc,
            char          **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_auto(GStrv) evidence = NULL;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Where it stands now"), N_("STATUS") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it stood so (today if not given)"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note with the status"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evidence, N_("Findings that show it"), N_("FINDING…") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who owns it"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When it is due, or “none”"), N_("YYYY-MM-DD") },
    { NULL }
  };
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc < 3 || !parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “recommendations update ID --status STATUS [--note TEXT] "
                                  "[--evidence FINDING…] [--owner TEXT] [--due YYYY-MM-DD]”."));
  if (!parse_evidence (evidence, argc, argv, 3, findings))
    return _pb_cli_usage_error (_("Evidence is given by findings’ ids, as “findings list” shows them."));
  if (status != NULL)
    {
      PbRecommendationStatus s;

      if (!pb_recommendation_status_from_slug (status, &s))
        return usage_statuses ();
      update.status = s;
    }
  update.date = date;
  update.note = note;
  update.evidence = (const gint64 *)(gpointer)findings->data;
  update.n_evidence = findings->len;
  update.owner = owner;
  update.due = g_strcmp0 (due, "none") == 0 ? "" : due;

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !pb_library_update_recommendation (library, id, &update, NULL, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, id);
      print_items_json (library, ids);
    }
  return EXIT_OK;
}

static int
run_link (CommonOptions  *common,
          int             argc,
          char          **argv,
          gboolean        link)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 4 || !parse_id (argv[2], &id) || !parse_id (argv[3], &other))
    return _pb_cli_usage_error (link ? _("Use “recommendations link ID ID”: the item, and the one it repeats or "
                                         "that repeats it.")
                                     : _("Use “recommendations unlink ID ID”."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(link ? pb_library_link_recommendations (library, id, other, &error)
             : pb_library_unlink_recommendations (library, id, other, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, id);
      g_array_append_val (ids, other);
      print_items_json (library, ids);
    }
  return EXIT_OK;
}

static int
run_suggest_links (CommonOptions  *common,
                   int             argc,
                   char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 3)
    return _pb_cli_usage_error (_("Use “recommendations suggest-links REPORT”."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)) ||
      !(suggestions = pb_library_suggest_recommendation_links (library, pb_report_get_id (report), &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < suggestions->len; i++)
        {
          PbLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);

          json_builder_begin_object (builder);
          add_int (builder, "number", suggestion->position + 1, TRUE);
          add_string (builder, "text", suggestion->text);
          add_int (builder, "page", suggestion->page, TRUE);
          add_int (builder, "paragraph", suggestion->paragraph, suggestion->paragraph > 0);
          add_string (builder, "cohort", suggestion->cohort);
          add_int (builder, "item_id", suggestion->item_id, suggestion->item_id > 0);
          json_builder_set_member_name (builder, "candidates");
          json_builder_begin_array (builder);
          for (guint k = 0; k < suggestion->candidates->len; k++)
            {
              PbLinkCandidate *candidate = g_ptr_array_index (suggestion->candidates, k);

              json_builder_begin_object (builder);
              add_int (builder, "item_id", candidate->item_id, TRUE);
              json_builder_set_member_name (builder, "score");
              json_builder_add_double_value (builder, candidate->score);
              add_string (builder, "text", candidate->text);
              add_string (builder, "summary", candidate->summary);
              json_builder_set_member_name (builder, "linked");
              json_builder_add_boolean_value (builder, candidate->linked);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  if (suggestions->len == 0)
    printf ("%s\n", _("The report has no recommendations to link."));
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      printf ("%3u. %s\n", suggestion->position + 1, suggestion->text);
      for (guint k = 0; k < suggestion->candidates->len; k++)
        {
          PbLinkCandidate *candidate = g_ptr_array_index (suggestion->candidates, k);

          printf ("     %s %s: %s %" G_GINT64_FORMAT " (%.2f)\n       “%s”\n",
                  candidate->linked ? "=" : "?", candidate->summary, _("item"), candidate->item_id,
                  candidate->score, candidate->text);
        }
    }
  return EXIT_OK;
}

static int
run_confirm_link (CommonOptions  *common,
                  int             argc,
                  char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number, earlier, id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 5 || !parse_id (argv[3], &number) || number > G_MAXUINT || !parse_id (argv[4], &earlier))
    return _pb_cli_usage_error (_("Use “recommendations confirm-link REPORT N ITEM”: the report’s Nth "
                                  "recommendation repeats ITEM."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(report = pb_library_find_report (library, argv[2], &error)) ||
      !(id = pb_library_confirm_recommendation_link (library, pb_report_get_id (report), (guint)number - 1,
                                                     earlier, &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, id);
      print_items_json (library, ids);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

static int
run_delete (CommonOptions  *common,
            int             argc,
            char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 3 || !parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “recommendations delete ID”."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !pb_library_delete_recommendation (library, id, &error))
    return _pb_cli_fail (error->message);
  return EXIT_OK;
}

int
_pb_cli_run_recommendations (CommonOptions  *common,
                             int             argc,
                             char          **argv)
{
  /* argv: panel-brief recommendations ACTION …; the action becomes the command. */
  const char *action = argc >= 3 ? argv[2] : "";

  if (g_str_equal (action, "list"))
    return run_list (common, argc - 1, argv + 1);
  if (g_str_equal (action, "show"))
    return run_show (common, argc - 1, argv + 1);
  if (g_str_equal (action, "create"))
    return run_create (common, argc - 1, argv + 1);
  if (g_str_equal (action, "update"))
    return run_update (common, argc - 1, argv + 1);
  if (g_str_equal (action, "link"))
    return run_link (common, argc - 1, argv + 1, TRUE);
  if (g_str_equal (action, "unlink"))
    return run_link (common, argc - 1, argv + 1, FALSE);
  if (g_str_equal (action, "suggest-links"))
    return run_suggest_links (common, argc - 1, argv + 1);
  if (g_str_equal (action, "confirm-link"))
    return run_confirm_link (common, argc - 1, argv + 1);
  if (g_str_equal (action, "delete"))
    return run_delete (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “recommendations” with list, show, create, update, link, unlink, "
                                "suggest-links, confirm-link or delete."));
}
