/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-cli-private.h"
#include "pb-recommendation-store.h"
#include "pb-report-compare.h"
#include "pb-report-store.h"

/* panel-brief compare REPORT REPORT: two reports of one authority, cohort
 * by cohort, grades then and now, and the recommendations new, made again
 * and no longer made. */

static void
add_report_rec (JsonBuilder            *builder,
                PbReportRecommendation *rec)
{
  json_builder_begin_object (builder);
  _pb_cli_add_int_or_null (builder, "number", rec->position + 1, TRUE);
  _pb_cli_add_string_or_null (builder, "text", rec->text);
  _pb_cli_add_int_or_null (builder, "page", rec->page, TRUE);
  _pb_cli_add_int_or_null (builder, "paragraph", rec->paragraph, rec->paragraph > 0);
  _pb_cli_add_string_or_null (builder, "cohort", rec->cohort);
  _pb_cli_add_int_or_null (builder, "item_id", rec->item_id, rec->item_id > 0);
  json_builder_end_object (builder);
}

static void
add_paragraphs (JsonBuilder *builder,
                const char  *name,
                GArray      *paragraphs)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PbCompareParagraph *p = &g_array_index (paragraphs, PbCompareParagraph, i);

      json_builder_begin_object (builder);
      _pb_cli_add_int_or_null (builder, "number", p->number, TRUE);
      _pb_cli_add_int_or_null (builder, "page", p->page, TRUE);
      _pb_cli_add_string_or_null (builder, "text", p->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_side (JsonBuilder *builder,
          const char  *name,
          gint64       id,
          const char  *title,
          const char  *date,
          gboolean     combined)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  _pb_cli_add_int_or_null (builder, "report_id", id, TRUE);
  _pb_cli_add_string_or_null (builder, "name", title);
  _pb_cli_add_string_or_null (builder, "date", date);
  json_builder_set_member_name (builder, "cic_and_care_leavers_combined");
  json_builder_add_boolean_value (builder, combined);
  json_builder_end_object (builder);
}

static void
print_comparison_json (PbReportComparison *c)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _pb_cli_add_string_or_null (builder, "authority", c->authority);
  add_side (builder, "before", c->before_id, c->before_name, c->before_date, c->before_combined);
  add_side (builder, "after", c->after_id, c->after_name, c->after_date, c->after_combined);

  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->cohorts->len; i++)
    {
      PbCompareCohort *row = g_ptr_array_index (c->cohorts, i);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "judgement", pb_judgement_to_slug (row->judgement));
      _pb_cli_add_string_or_null (builder, "label", pb_judgement_get_label (row->judgement));
      _pb_cli_add_string_or_null (builder, "cohort", row->cohort);
      _pb_cli_add_string_or_null (builder, "before", pb_grade_to_slug (row->before));
      _pb_cli_add_string_or_null (builder, "after", pb_grade_to_slug (row->after));
      _pb_cli_add_string_or_null (builder, "change", pb_grade_change_to_slug (row->change));
      add_paragraphs (builder, "before_paragraphs", row->before_paragraphs);
      add_paragraphs (builder, "after_paragraphs", row->after_paragraphs);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "repeated");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->repeated->len; i++)
    {
      PbCompareRepeat *repeat = &g_array_index (c->repeated, PbCompareRepeat, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "before");
      add_report_rec (builder, g_ptr_array_index (c->before_recommendations, repeat->before));
      json_builder_set_member_name (builder, "after");
      add_report_rec (builder, g_ptr_array_index (c->after_recommendations, repeat->after));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, repeat->score);
      json_builder_set_member_name (builder, "confirmed");
      json_builder_add_boolean_value (builder, repeat->confirmed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "new");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->new_recommendations->len; i++)
    add_report_rec (builder, g_ptr_array_index (c->after_recommendations,
                                                g_array_index (c->new_recommendations, guint, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "no_longer_made");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->dropped->len; i++)
    add_report_rec (builder, g_ptr_array_index (c->before_recommendations, g_array_index (c->dropped, guint, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  _pb_cli_print_json (builder);
}

static void
print_recs (const char *heading,
            GPtrArray  *recs,
            GArray     *which)
{
  printf ("\n%s (%u)\n", heading, which->len);
  for (guint i = 0; i < which->len; i++)
    printf ("  – %s\n", ((PbReportRecommendation *)g_ptr_array_index (recs, g_array_index (which, guint, i)))->text);
}

static void
print_comparison (PbReportComparison *c)
{
  printf ("%s: %s (%s) → %s (%s)\n", c->authority ? c->authority : "", c->before_name,
          c->before_date ? c->before_date : "?", c->after_name, c->after_date ? c->after_date : "?");
  for (guint i = 0; i < c->cohorts->len; i++)
    {
      PbCompareCohort *row = g_ptr_array_index (c->cohorts, i);
      const char *before = row->before ? pb_grade_get_label (row->before) : _("not graded");
      const char *after = row->after ? pb_grade_get_label (row->after) : _("not graded");

      printf ("  %-22s %s → %s%s%s%s   (%u ¶ then, %u ¶ now)\n", pb_judgement_get_label (row->judgement),
              before, after, row->change ? " (" : "", pb_grade_change_get_label (row->change),
              row->change ? ")" : "", row->before_paragraphs->len, row->after_paragraphs->len);
    }

  printf ("\n%s (%u)\n", _("Made again"), c->repeated->len);
  for (guint i = 0; i < c->repeated->len; i++)
    {
      PbCompareRepeat *repeat = &g_array_index (c->repeated, PbCompareRepeat, i);

      PbReportRecommendation *before = g_ptr_array_index (c->before_recommendations, repeat->before);
      PbReportRecommendation *after = g_ptr_array_index (c->after_recommendations, repeat->after);

      printf ("  – %s\n    %s %s\n", after->text, _("was:"), before->text);
    }
  print_recs (_("New"), c->after_recommendations, c->new_recommendations);
  print_recs (_("No longer made"), c->before_recommendations, c->dropped);
}

int
_pb_cli_run_compare (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbReport) first = NULL;
  g_autoptr(PbReport) second = NULL;
  g_autoptr(PbReportComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("compare"), NULL, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc != 4)
    return _pb_cli_usage_error (_("Name two reports of one authority to compare."));

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(first = pb_library_find_report (library, argv[2], &error)) ||
      !(second = pb_library_find_report (library, argv[3], &error)) ||
      !(comparison = pb_library_compare_reports (library, pb_report_get_id (first), pb_report_get_id (second),
                                                 &error)))
    return _pb_cli_fail (error->message);

  if (common->json)
    print_comparison_json (comparison);
  else
    print_comparison (comparison);
  return EXIT_OK;
}
