/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pb-pack-sections.h"
#include "pb-pack-tracker-private.h"
#include "pb-recommendation-tracker.h"
#include "pb-report-compare.h"

/* A recommendations section prints the tracker as the library has it at
 * the export (pb_library_get_tracker(), which keeps everything exempt out
 * of a public pack); a comparison section prints two reports side by side
 * (pb_library_compare_reports()), or, in a public pack, says it is left
 * out when either report is not for publication. Everything is put in
 * words here, so that the writers only lay it out. */

struct _PbPackTrackerContent
{
  GPtrArray            *strings;   /* every string given out */
  GPtrArray            *arrays;    /* every string array given out */
  GArray               *rows;      /* PbPackTrackerRow or PbPackComparisonRow */
  GArray               *lists;     /* PbPackComparisonList */
  PbPackTracker         tracker;
  PbPackComparison      comparison;
};

/* Light tints of the RAG colours for a table's cells, each with the colour
 * itself for the rule beside the cell: red, amber, green. */
static const guint32 rag_fills[] = { 0xf8d7d4, 0xfcebc7, 0xd3ecd9 };
static const guint32 rag_bars[] = { 0xc01c28, 0xb9770e, 0x26a269 };

void
_pb_pack_tracker_content_free (PbPackTrackerContent *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->arrays, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->lists, g_array_unref);
  g_free (self);
}

static PbPackTrackerContent *
content_new (gsize row_size)
{
  PbPackTrackerContent *self = g_new0 (PbPackTrackerContent, 1);

  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->arrays = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  self->rows = g_array_new (FALSE, TRUE, row_size);
  self->lists = g_array_new (FALSE, TRUE, sizeof (PbPackComparisonList));
  return self;
}

/* Keeps @text (transfer full) for as long as the content lives. */
static const char *
keep (PbPackTrackerContent *self,
      char                 *text)
{
  if (text != NULL)
    g_ptr_array_add (self->strings, text);
  return text;
}

static const char * const *
keep_strv (PbPackTrackerContent *self,
           GStrvBuilder         *builder)
{
  GStrv strv = g_strv_builder_end (builder);

  g_ptr_array_add (self->arrays, strv);
  return (const char * const *)strv;
}

/* "1 Feb 2024": short enough for a narrow column of a table. */
static char *
short_date (const char *iso)
{
  static const char * const months[] = {
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (iso);
  /* Translators: a short date in a table: day, abbreviated month, year */
  return g_strdup_printf (C_("short date", "%d %s %d"), day, _(months[month - 1]), year);
}

/* g_strv_builder_take() needs GLib 2.80. */
static void
add_owned (GStrvBuilder *builder,
           char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static PbRag
rag_of (const char *slug)
{
  if (g_strcmp0 (slug, "green") == 0)
    return PB_RAG_GREEN;
  if (g_strcmp0 (slug, "amber") == 0)
    return PB_RAG_AMBER;
  return PB_RAG_RED;
}

static char *
cohort_names (const PbTrackerRow *row,
              GHashTable         *names)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  for (guint i = 0; row->cohorts[i] != NULL; i++)
    {
      const char *name = names ? g_hash_table_lookup (names, row->cohorts[i]) : NULL;
      g_ptr_array_add (words, (gpointer)(name ? name : row->cohorts[i]));
    }
  if (words->len == 0)
    return NULL;
  g_ptr_array_add (words, NULL);
  return g_strjoinv ("; ", (char **)words->pdata);
}

/* "Evidence: “…quote…” (Title, page 3, ¶12)": the words themselves, cut
 * short, so the panel sees what shows the progress. */
static char *
evidence_line (const PbTrackerEvidence *evidence)
{
  g_autofree char *quote = NULL;
  g_autofree char *where = NULL;

  if (g_utf8_strlen (evidence->quote, -1) > 160)
    {
      g_autofree char *cut = g_utf8_substring (evidence->quote, 0, 157);
      quote = g_strconcat (g_strchomp (cut), "…", NULL);
    }
  else
    quote = g_strdup (evidence->quote);

  if (evidence->paragraph > 0)
    /* Translators: where a piece of evidence is: a report's title, a page, a paragraph */
    where = g_strdup_printf (_("%s, page %u, ¶%u"), evidence->report_title, evidence->page, evidence->paragraph);
  else
    /* Translators: where a piece of evidence is: a report's title and a page */
    where = g_strdup_printf (_("%s, page %u"), evidence->report_title, evidence->page);
  /* Translators: a piece of evidence under a tracked recommendation: a quote, then where it is */
  return g_strdup_printf (_("Evidence: “%s” (%s)"), quote, where);
}

static void
add_tracker_row (PbPackTrackerContent *self,
                 const PbTrackerRow   *row,
                 GHashTable           *names)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autofree char *cohorts = cohort_names (row, names);
  PbPackTrackerRow out = { 0 };
  PbRag rag = rag_of (row->rag);

  for (guint i = 0; row->links[i] != NULL; i++)
    g_strv_builder_add (lines, row->links[i]);
  /* Made again, by a later report or of an earlier one: the strongest
   * signal a panel can get. */
  out.repeated = row->links[0] != NULL;

  /* An exempt pack prints exempt items (a public one never has them):
   * marked, so that the officer sees what a public version will drop. */
  if (row->exempt)
    g_strv_builder_add (lines, _("Exempt: not for publication"));
  if (row->location != NULL)
    /* Translators: where a tracked recommendation was made: "2019 inspection, ¶12, page 7" */
    add_owned (lines, g_strdup_printf (_("From: %s, %s"), row->source, row->location));
  else
    add_owned (lines, g_strdup_printf (_("From: %s"), row->source));
  if (cohorts != NULL)
    add_owned (lines, g_strdup_printf (_("Cohorts: %s"), cohorts));
  if (row->note != NULL && row->last_update != NULL)
    {
      g_autofree char *when = short_date (row->last_update);

      /* Translators: the latest status's note under a tracked recommendation: "Latest note (1 Feb 2024): …" */
      add_owned (lines, g_strdup_printf (_("Latest note (%s): %s"), when, row->note));
    }
  else if (row->note != NULL)
    add_owned (lines, g_strdup_printf (_("Latest note: %s"), row->note));
  for (guint i = 0; i < row->evidence->len; i++)
    add_owned (lines, evidence_line (g_ptr_array_index (row->evidence, i)));

  out.text = keep (self, g_strdup (row->text));
  out.lines = keep_strv (self, lines);
  out.owner = *row->owner != '\0' ? keep (self, g_strdup (row->owner)) : _("Not assigned");
  out.due = row->due ? keep (self, short_date (row->due)) : _("None set");
  out.due_note = row->overdue ? _("Overdue") : NULL;
  out.status = row->status_label;
  out.rag_label = row->rag_label;
  out.rag = row->rag;
  out.fill = rag_fills[rag];
  out.bar = rag_bars[rag];
  out.updated = row->last_update ? keep (self, short_date (row->last_update)) : _("Not yet");
  out.evidence = keep (self, g_strdup_printf ("%u", row->evidence->len));
  g_array_append_val (self->rows, out);
}

/**
 * _pb_pack_tracker_content_new:
 * @section: a recommendations section
 * @exempt_allowed: the pack is exempt, so may print exempt material
 * @cohort_names: (nullable): cohort slug → name
 * @error: as for pb_library_get_tracker()
 *
 * Returns: (transfer full): the section's table, or %NULL
 */
PbPackTrackerContent *
_pb_pack_tracker_content_new (PbLibrary            *library,
                              const PbPackSection  *section,
                              gboolean              exempt_allowed,
                              GHashTable           *cohort_names,
                              GError              **error)
{
  static const char *headings[6];
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  g_autoptr(PbPackTrackerContent) self = content_new (sizeof (PbPackTrackerRow));
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *described = NULL;
  const char *colon;

  filter.authority = section->spec.authority;
  filter.cohort = section->cohort;
  filter.status = section->spec.status;
  filter.overdue = section->spec.overdue;
  filter.open = section->spec.open;
  if (!(rows = pb_library_get_tracker (library, &filter, exempt_allowed, error)))
    {
      g_clear_pointer (&self, _pb_pack_tracker_content_free);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    add_tracker_row (self, g_ptr_array_index (rows, i), cohort_names);

  headings[0] = _("Recommendation");
  headings[1] = _("Owner");
  headings[2] = _("Due");
  headings[3] = _("Status");
  headings[4] = _("Updated");
  headings[5] = _("Evidence");

  /* "Recommendations: Harrowdale; overdue only" less its kind. */
  described = pb_library_describe_pack_section (library, section);
  colon = described ? strstr (described, ": ") : NULL;
  /* Translators: what a pack's table of recommendations shows: "Fernvale; care leavers; overdue only" */
  self->tracker.filter = keep (self, g_strdup_printf (_("Showing: %s"), colon ? colon + 2 : _("everything")));
  self->tracker.headings = headings;
  self->tracker.n_columns = G_N_ELEMENTS (headings);
  self->tracker.rows = (const PbPackTrackerRow *)(gpointer)self->rows->data;
  self->tracker.n_rows = self->rows->len;
  self->tracker.empty = _("No tracked recommendation matches this section.");
  self->tracker.key = _("Status colours, always written as words too: red for not started or not met; "
                        "amber for in progress; green for evidence of impact or met.");
  return g_steal_pointer (&self);
}

const PbPackTracker *
_pb_pack_tracker_content_get_tracker (PbPackTrackerContent *self)
{
  return &self->tracker;
}

static const char *
grade_words (PbGrade grade)
{
  return grade == PB_GRADE_NONE ? _("Not judged") : pb_grade_get_label (grade);
}

static void
add_list (PbPackTrackerContent *self,
          const char           *heading,
          GStrvBuilder         *items,
          const char           *empty)
{
  PbPackComparisonList list = { heading, keep_strv (self, items), empty };

  g_array_append_val (self->lists, list);
}

static const char *
rec_text (GPtrArray *recs,
          guint      index)
{
  return ((PbReportRecommendation *)g_ptr_array_index (recs, index))->text;
}

/**
 * _pb_pack_comparison_content_new:
 * @section: a comparison section
 * @exempt_allowed: the pack is exempt, so may print exempt reports
 * @error: as for pb_library_resolve_comparison() and
 *   pb_library_compare_reports()
 *
 * Returns: (transfer full): what the section prints, or %NULL
 */
PbPackTrackerContent *
_pb_pack_comparison_content_new (PbLibrary            *library,
                                 const PbPackSection  *section,
                                 gboolean              exempt_allowed,
                                 GError              **error)
{
  static const char *headings[4];
  g_autoptr(PbPackTrackerContent) self = content_new (sizeof (PbPackComparisonRow));
  g_autoptr(PbReportComparison) comparison = NULL;
  g_autoptr(GStrvBuilder) repeated = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) fresh = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) dropped = g_strv_builder_new ();
  gint64 before_id, after_id;

  if (!pb_library_resolve_comparison (library, &section->spec, &before_id, &after_id, error) ||
      !(comparison = pb_library_compare_reports (library, before_id, after_id, error)))
    {
      g_clear_pointer (&self, _pb_pack_tracker_content_free);
      return NULL;
    }

  if (!exempt_allowed && (comparison->before_exempt || comparison->after_exempt))
    {
      self->comparison.withheld = _("This comparison is left out: one of its reports is not for publication, "
                                    "and this pack is public.");
      return g_steal_pointer (&self);
    }

  headings[0] = _("Judgement");
  headings[1] = keep (self, g_strdup (comparison->before_name));
  headings[2] = keep (self, g_strdup (comparison->after_name));
  headings[3] = _("Change");

  for (guint i = 0; i < comparison->cohorts->len; i++)
    {
      PbCompareCohort *cohort = g_ptr_array_index (comparison->cohorts, i);
      PbPackComparisonRow row = { 0 };

      if (cohort->before == PB_GRADE_NONE && cohort->after == PB_GRADE_NONE)
        continue;
      row.judgement = pb_judgement_get_label (cohort->judgement);
      row.before = grade_words (cohort->before);
      row.after = grade_words (cohort->after);
      row.change = pb_grade_change_get_label (cohort->change);
      row.before_grade = cohort->before;
      row.after_grade = cohort->after;
      g_array_append_val (self->rows, row);
    }

  for (guint i = 0; i < comparison->repeated->len; i++)
    {
      PbCompareRepeat *repeat = &g_array_index (comparison->repeated, PbCompareRepeat, i);
      g_strv_builder_add (repeated, rec_text (comparison->after_recommendations, repeat->after));
    }
  for (guint i = 0; i < comparison->new_recommendations->len; i++)
    g_strv_builder_add (fresh, rec_text (comparison->after_recommendations,
                                         g_array_index (comparison->new_recommendations, guint, i)));
  for (guint i = 0; i < comparison->dropped->len; i++)
    g_strv_builder_add (dropped, rec_text (comparison->before_recommendations,
                                           g_array_index (comparison->dropped, guint, i)));

  /* Translators: a comparison section's opening: the authority, then the later and the earlier report */
  self->comparison.intro = keep (self, g_strdup_printf (_("%s: the %s compared with the %s."), comparison->authority,
                                                        comparison->after_name, comparison->before_name));
  self->comparison.headings = headings;
  self->comparison.rows = (const PbPackComparisonRow *)(gpointer)self->rows->data;
  self->comparison.n_rows = self->rows->len;
  add_list (self, _("Recommendations made again"), repeated, _("None: no recommendation was made again."));
  add_list (self, _("New recommendations"), fresh, _("None."));
  add_list (self, _("Recommendations no longer made"), dropped, _("None."));
  self->comparison.lists = (const PbPackComparisonList *)(gpointer)self->lists->data;
  self->comparison.n_lists = self->lists->len;
  return g_steal_pointer (&self);
}

const PbPackComparison *
_pb_pack_tracker_content_get_comparison (PbPackTrackerContent *self)
{
  return &self->comparison;
}
