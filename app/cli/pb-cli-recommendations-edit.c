/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-backup.h"
#include "pb-cli-private.h"
#include "pb-finding.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"

/* panel-brief recommendations create|update|link|unlink|suggest-links|
 * confirm-link|delete: the actions that make tracked recommendations,
 * record how they stand, link one made again to the earlier one, and
 * delete them. With --json each prints the items it touched as
 * "recommendations list --json" does. */

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

int
_pb_cli_recommendations_create (CommonOptions  *common,
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
          /* Nothing added says why, rather than nothing at all. */
          if (added->len == 0 && (recs = pb_library_list_report_recommendations (library, pb_report_get_id (r),
                                                                                 NULL)) != NULL)
            {
              if (recs->len > 0)
                fprintf (stderr, "panel-brief: %s\n",
                         g_dngettext (GETTEXT_PACKAGE, "The report’s recommendation is tracked already.",
                                      "The report’s recommendations are all tracked already.", recs->len));
              else
                fprintf (stderr, "panel-brief: %s\n", _("The report’s recommendations were not found in its text: "
                                                        "enter them with --text and --authority."));
            }
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
    _pb_cli_print_recommendations_json (library, ids);
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
          if (!_pb_cli_parse_id (parts[k], &id))
            return FALSE;
          g_array_append_val (ids, id);
        }
    }
  for (int i = first_extra; i < argc; i++)
    {
      gint64 id;

      if (values == NULL || !_pb_cli_parse_id (argv[i], &id))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

int
_pb_cli_recommendations_update (CommonOptions  *common,
                                int             argc,
                                char          **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_auto(GStrv) evidence = NULL;
  g_auto(GStrv) cohorts = NULL;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Where it stands now"), N_("STATUS") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it stood so (today if not given)"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note with the status"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evidence, N_("Findings that show it"), N_("FINDING…") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who owns it"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When it is due, or “none”"), N_("YYYY-MM-DD") },
    { "cohort", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cohorts,
      N_("The cohorts it concerns, in place of those it had (repeat for more; “none” for none)"), N_("SLUG") },
    { NULL }
  };
  PbRecommendationUpdate update = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc < 3 || !_pb_cli_parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “recommendations update ID --status STATUS [--note TEXT] "
                                  "[--evidence FINDING…] [--owner TEXT] [--due YYYY-MM-DD] [--cohort SLUG…]”."));
  if (!parse_evidence (evidence, argc, argv, 3, findings))
    return _pb_cli_usage_error (_("Evidence is given by findings’ ids, as “findings list” shows them."));
  if (status != NULL)
    {
      PbRecommendationStatus s;

      if (!pb_recommendation_status_from_slug (status, &s))
        return _pb_cli_recommendation_statuses_usage ();
      update.status = s;
    }
  update.date = date;
  update.note = note;
  update.evidence = (const gint64 *)(gpointer)findings->data;
  update.n_evidence = findings->len;
  update.owner = owner;
  update.due = g_strcmp0 (due, "none") == 0 ? "" : due;

  if (!(library = _pb_cli_open_library_to_change (common, &error)))
    return _pb_cli_fail (error->message);
  if (cohorts != NULL)
    {
      const char * const none[] = { NULL };
      gboolean cleared = g_strv_length (cohorts) == 1 && g_str_equal (cohorts[0], "none");

      if (!pb_library_set_recommendation_cohorts (library, id, cleared ? none : (const char * const *)cohorts,
                                                  &error))
        return _pb_cli_fail (error->message);
    }
  /* Cohorts alone are a change of their own. */
  if ((cohorts == NULL || update.status >= 0 || update.owner != NULL || update.due != NULL ||
       update.note != NULL || update.date != NULL || update.n_evidence > 0) &&
      !pb_library_update_recommendation (library, id, &update, NULL, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, id);
      _pb_cli_print_recommendations_json (library, ids);
    }
  return EXIT_OK;
}

int
_pb_cli_recommendations_link (CommonOptions  *common,
                              int             argc,
                              char          **argv,
                              gboolean        link)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 4 || !_pb_cli_parse_id (argv[2], &id) || !_pb_cli_parse_id (argv[3], &other))
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
      _pb_cli_print_recommendations_json (library, ids);
    }
  return EXIT_OK;
}

int
_pb_cli_recommendations_suggest_links (CommonOptions  *common,
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
          _pb_cli_add_int_or_null (builder, "number", suggestion->position + 1, TRUE);
          _pb_cli_add_string_or_null (builder, "text", suggestion->text);
          _pb_cli_add_int_or_null (builder, "page", suggestion->page, TRUE);
          _pb_cli_add_int_or_null (builder, "paragraph", suggestion->paragraph, suggestion->paragraph > 0);
          _pb_cli_add_string_or_null (builder, "cohort", suggestion->cohort);
          _pb_cli_add_int_or_null (builder, "item_id", suggestion->item_id, suggestion->item_id > 0);
          json_builder_set_member_name (builder, "candidates");
          json_builder_begin_array (builder);
          for (guint k = 0; k < suggestion->candidates->len; k++)
            {
              PbLinkCandidate *candidate = g_ptr_array_index (suggestion->candidates, k);

              json_builder_begin_object (builder);
              _pb_cli_add_int_or_null (builder, "item_id", candidate->item_id, TRUE);
              json_builder_set_member_name (builder, "score");
              json_builder_add_double_value (builder, candidate->score);
              _pb_cli_add_string_or_null (builder, "text", candidate->text);
              _pb_cli_add_string_or_null (builder, "summary", candidate->summary);
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

int
_pb_cli_recommendations_confirm_link (CommonOptions  *common,
                                      int             argc,
                                      char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number, earlier, id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 5 || !_pb_cli_parse_id (argv[3], &number) || number > G_MAXUINT ||
      !_pb_cli_parse_id (argv[4], &earlier))
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
      _pb_cli_print_recommendations_json (library, ids);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

int
_pb_cli_recommendations_delete (CommonOptions  *common,
                                int             argc,
                                char          **argv)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Delete it: there is no Undo, only the backup made first"), NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbRecommendationItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  gint64 id;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("recommendations"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 3 || !_pb_cli_parse_id (argv[2], &id))
    return _pb_cli_usage_error (_("Use “recommendations delete ID --yes”."));

  if (!(library = _pb_cli_open_library_to_change (common, &error)) ||
      !(item = pb_library_get_recommendation (library, id, &error)))
    return _pb_cli_fail (error->message);

  /* An item's history and links go with it, and cannot be undone: say
   * what would go, and ask for --yes. */
  if (!yes)
    {
      g_autofree char *message = g_strdup_printf (_("This would delete item %" G_GINT64_FORMAT " (“%s”) with its "
                                                    "history and links. Run again with --yes to delete it."),
                                                  id, pb_recommendation_item_get_text (item));

      return _pb_cli_usage_error (message);
    }
  /* The way back: a verified backup, which restore puts in place. */
  if (!(backup = pb_library_backup (library, PB_BACKUP_BEFORE_CHANGE, &error)) ||
      !pb_library_delete_recommendation (library, id, &error))
    return _pb_cli_fail (error->message);
  if (!common->json)
    {
      g_autofree char *shown = _pb_cli_display (backup);

      printf (_("Deleted item %" G_GINT64_FORMAT ". The backup made first is %s "
                "(“panel-brief restore” puts it back).\n"), id, shown);
    }
  return EXIT_OK;
}
