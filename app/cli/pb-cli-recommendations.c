/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-cli-private.h"
#include "pb-cohort-store.h"
#include "pb-csv.h"
#include "pb-export-file.h"
#include "pb-finding.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"

/* panel-brief recommendations list|show|create|update|link|unlink|
 * suggest-links|confirm-link|delete: following Ofsted's recommendations
 * from a script. Listing and showing are here, the actions that make,
 * change and link items in pb-cli-recommendations-edit.c. (panel-brief
 * compare is pb-cli-compare.c.) */


static void
add_item (JsonBuilder          *builder,
          PbRecommendationItem *item)
{
  const char * const *cohorts = pb_recommendation_item_get_cohorts (item);
  PbRecommendationStatus status = pb_recommendation_item_get_status (item);
  g_autofree char *name = pb_recommendation_item_dup_source_name (item);

  json_builder_begin_object (builder);
  _pb_cli_add_int_or_null (builder, "id", pb_recommendation_item_get_id (item), TRUE);
  _pb_cli_add_string_or_null (builder, "authority", pb_recommendation_item_get_authority (item));
  _pb_cli_add_string_or_null (builder, "text", pb_recommendation_item_get_text (item));

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  _pb_cli_add_string_or_null (builder, "name", name);
  _pb_cli_add_int_or_null (builder, "report_id", pb_recommendation_item_get_report_id (item),
                           pb_recommendation_item_get_report_id (item) > 0);
  _pb_cli_add_string_or_null (builder, "report_sha256", pb_recommendation_item_get_report_sha256 (item));
  _pb_cli_add_string_or_null (builder, "type",
                              pb_document_type_to_slug (pb_recommendation_item_get_document_type (item)));
  _pb_cli_add_string_or_null (builder, "date", pb_recommendation_item_get_source_date (item));
  _pb_cli_add_int_or_null (builder, "page", pb_recommendation_item_get_page (item),
                           pb_recommendation_item_get_page (item) > 0);
  _pb_cli_add_int_or_null (builder, "paragraph", pb_recommendation_item_get_paragraph (item),
                           pb_recommendation_item_get_paragraph (item) > 0);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint i = 0; cohorts[i] != NULL; i++)
    json_builder_add_string_value (builder, cohorts[i]);
  json_builder_end_array (builder);

  _pb_cli_add_string_or_null (builder, "owner", pb_recommendation_item_get_owner (item));
  _pb_cli_add_string_or_null (builder, "due", pb_recommendation_item_get_due (item));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, pb_recommendation_item_get_overdue (item));
  _pb_cli_add_string_or_null (builder, "classification",
                              pb_recommendation_item_get_exempt (item) ? "exempt" : "public");
  _pb_cli_add_string_or_null (builder, "status", pb_recommendation_status_to_slug (status));
  _pb_cli_add_string_or_null (builder, "status_label", pb_recommendation_status_get_label (status));
  _pb_cli_add_string_or_null (builder, "rag", pb_rag_to_slug (pb_recommendation_status_get_rag (status)));
  _pb_cli_add_string_or_null (builder, "last_update", pb_recommendation_item_get_status_date (item));
  _pb_cli_add_int_or_null (builder, "evidence", pb_recommendation_item_get_evidence_count (item), TRUE);
  _pb_cli_add_int_or_null (builder, "links", pb_recommendation_item_get_link_count (item), TRUE);
  json_builder_end_object (builder);
}

/* The items with ids @ids, as a JSON array, for --json. */
void
_pb_cli_print_recommendations_json (PbLibrary  *library,
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

/* The library's cohorts' slugs, ", " between them. */
static char *
cohort_slugs (PbLibrary *library)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (library, NULL);
  g_autoptr(GString) slugs = g_string_new (NULL);

  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    g_string_append_printf (slugs, "%s%s", i > 0 ? ", " : "", pb_cohort_get_slug (g_ptr_array_index (cohorts, i)));
  return g_string_free (g_steal_pointer (&slugs), FALSE);
}

static gboolean
known_cohort (PbLibrary  *library,
              const char *slug)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (library, NULL);

  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, i)), slug))
      return TRUE;
  return FALSE;
}

static gboolean
write_csv (PbLibrary   *library,
           GPtrArray   *items,
           const char  *path,
           GError     **error)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (library, NULL);
  g_autoptr(GString) out = g_string_new ("\"id\",\"authority\",\"text\",\"source\",\"source_date\",\"page\","
                                         "\"paragraph\",\"cohorts\",\"owner\",\"due\",\"overdue\",\"status\","
                                         "\"rag\",\"last_update\",\"latest_note\",\"evidence\","
                                         "\"classification\"\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      PbRecommendationItem *item = g_ptr_array_index (items, i);
      PbRecommendationStatus status = pb_recommendation_item_get_status (item);
      g_autofree char *source = pb_recommendation_item_dup_source_name (item);
      /* "; " between names: the CSV is read by people in a spreadsheet,
       * and a cohort's own name may hold a comma. */
      g_autofree char *names = pb_cohort_join_names (cohorts, pb_recommendation_item_get_cohorts (item), "; ");

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
      pb_csv_append_field (out, names, FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_owner (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_due (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_overdue (item) ? "yes" : "no", FALSE);
      pb_csv_append_field (out, pb_recommendation_status_get_label (status), FALSE);
      pb_csv_append_field (out, pb_rag_get_label (pb_recommendation_status_get_rag (status)), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_status_date (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_status_note (item), FALSE);
      pb_csv_append_number (out, pb_recommendation_item_get_evidence_count (item), FALSE);
      pb_csv_append_field (out, pb_recommendation_item_get_exempt (item) ? "exempt" : "public", TRUE);
    }
  /* NULL: standard output ("--csv -"). */
  if (path == NULL)
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The recommendations could not be written to standard output."));
          return FALSE;
        }
      return TRUE;
    }
  return pb_export_write_contents (path, out->str, out->len, error);
}

int
_pb_cli_recommendation_statuses_usage (void)
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
  g_autofree char *csv_path = NULL;
  gboolean overdue = FALSE, open = FALSE;
  GOptionEntry entries[] = {
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("Only this local authority’s items"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only items with this status now"), N_("STATUS") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("Only items about this cohort, or “none” for those about none"), N_("SLUG") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only items past their due date and not met"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Only items not met"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write them to FILE as CSV instead (“-” for standard output)"), N_("FILE") },
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
        return _pb_cli_recommendation_statuses_usage ();
      filter.status = s;
    }
  filter.authority = authority;
  /* "none": the items that concern no cohort. */
  filter.cohort = g_strcmp0 (cohort, "none") == 0 ? PB_RECOMMENDATION_NO_COHORT : cohort;
  filter.overdue = overdue;
  filter.open = open;

  /* "-" is standard output, as for other command-line tools. */
  if (csv != NULL && !g_str_equal (csv, "-") && !(csv_path = _pb_cli_output_path (csv, &error)))
    return _pb_cli_fail (error->message);

  if (!(library = _pb_cli_open_library (common, &error)))
    return _pb_cli_fail (error->message);
  /* A cohort misspelt would list nothing, as if none were tracked. */
  if (filter.cohort != NULL && *filter.cohort != '\0' && !known_cohort (library, filter.cohort))
    {
      g_autofree char *slugs = cohort_slugs (library);
      g_autofree char *message = g_strdup_printf (_("There is no cohort “%s”. Cohorts are %s; "
                                                    "“none” lists the items about none."), filter.cohort, slugs);

      return _pb_cli_usage_error (message);
    }
  if (!(items = pb_library_list_recommendations (library, &filter, &error)))
    return _pb_cli_fail (error->message);

  if (csv != NULL)
    {
      g_autofree char *shown = _pb_cli_display (csv);

      if (csv_path == NULL)
        return write_csv (library, items, NULL, &error) ? EXIT_OK : _pb_cli_fail (error->message);
      if (!pb_library_check_output_path (library, csv_path, &error) || !write_csv (library, items, csv_path, &error))
        return _pb_cli_fail (error->message);
      if (common->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          _pb_cli_add_path (builder, "path", csv_path);
          _pb_cli_add_int_or_null (builder, "recommendations", items->len, TRUE);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u recommendation to %s\n",
                             "Wrote %u recommendations to %s\n", items->len), items->len, shown);
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
  _pb_cli_add_string_or_null (builder, "kind", kinds[kind]);
  _pb_cli_add_string_or_null (builder, "date", pb_recommendation_entry_get_date (entry));
  _pb_cli_add_string_or_null (builder, "summary", pb_recommendation_entry_get_summary (entry));
  if (kind == PB_RECOMMENDATION_ENTRY_STATUS)
    {
      _pb_cli_add_int_or_null (builder, "id", pb_recommendation_entry_get_id (entry), TRUE);
      _pb_cli_add_string_or_null (builder, "status",
                                  pb_recommendation_status_to_slug (pb_recommendation_entry_get_status (entry)));
      _pb_cli_add_string_or_null (builder, "note", pb_recommendation_entry_get_note (entry));
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint i = 0; i < evidence->len; i++)
        {
          PbFinding *finding = g_ptr_array_index (evidence, i);

          json_builder_begin_object (builder);
          _pb_cli_add_int_or_null (builder, "finding_id", pb_finding_get_id (finding), TRUE);
          _pb_cli_add_int_or_null (builder, "report_id", pb_finding_get_report_id (finding), TRUE);
          _pb_cli_add_string_or_null (builder, "report_title", pb_finding_get_report_title (finding));
          _pb_cli_add_int_or_null (builder, "page", pb_finding_get_page (finding), TRUE);
          _pb_cli_add_int_or_null (builder, "paragraph", pb_finding_get_paragraph (finding),
                                   pb_finding_get_paragraph (finding) > 0);
          _pb_cli_add_string_or_null (builder, "quote", pb_finding_get_quote (finding));
          _pb_cli_add_string_or_null (builder, "classification",
                                      pb_finding_get_exempt (finding) ? "exempt" : "public");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else
    {
      _pb_cli_add_int_or_null (builder, "linked_item", pb_recommendation_entry_get_linked_item_id (entry), TRUE);
      _pb_cli_add_string_or_null (builder, "linked_text", pb_recommendation_entry_get_linked_text (entry));
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
  if (argc != 3 || !_pb_cli_parse_id (argv[2], &id))
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
    return _pb_cli_recommendations_create (common, argc - 1, argv + 1);
  if (g_str_equal (action, "update"))
    return _pb_cli_recommendations_update (common, argc - 1, argv + 1);
  if (g_str_equal (action, "link"))
    return _pb_cli_recommendations_link (common, argc - 1, argv + 1, TRUE);
  if (g_str_equal (action, "unlink"))
    return _pb_cli_recommendations_link (common, argc - 1, argv + 1, FALSE);
  if (g_str_equal (action, "suggest-links"))
    return _pb_cli_recommendations_suggest_links (common, argc - 1, argv + 1);
  if (g_str_equal (action, "confirm-link"))
    return _pb_cli_recommendations_confirm_link (common, argc - 1, argv + 1);
  if (g_str_equal (action, "delete"))
    return _pb_cli_recommendations_delete (common, argc - 1, argv + 1);

  return _pb_cli_usage_error (_("Use “recommendations” with list, show, create, update, link, unlink, "
                                "suggest-links, confirm-link or delete."));
}
