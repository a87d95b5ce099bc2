/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-citation.h"
#include "pb-dates.h"
#include "pb-finding-store.h"
#include "pb-pack-grades-private.h"
#include "pb-pack-tracker-private.h"
#include "pb-pack-walk-private.h"
#include "pb-structure.h"

/* Walking a loaded pack: its parts in the order the panel reads them, each
 * in the words a writer prints, and only the findings the pack may print
 * (see pb-pack-walk.c). */

/* Items that will be printed: every heading and note, and the findings the
 * pack may print. */
static guint
count_printed (PbPackWalk    *self,
               PbPackSection *section)
{
  guint n = 0;

  /* A table or a comparison, or a line saying why there is none. */
  if (section->kind != PB_PACK_SECTION_FINDINGS)
    return 1;

  for (guint i = 0; i < section->items->len; i++)
    {
      PbPackItem *item = &g_array_index (section->items, PbPackItem, i);

      if (item->kind != PB_PACK_ITEM_FINDING || g_hash_table_contains (self->findings, &item->finding_id))
        n++;
    }
  return n;
}

static PbStructure *
structure_of (PbPackWalk *self,
              gint64      report_id)
{
  return g_hash_table_lookup (self->structures, &report_id);
}

static gboolean
is_inspection (PbStructure *structure)
{
  return structure != NULL && (structure->type == PB_DOCUMENT_SIF_INSPECTION ||
                               structure->type == PB_DOCUMENT_ILACS_INSPECTION);
}

static gboolean
cites_inspection (PbPackWalk *self)
{
  for (guint r = 0; r < self->report_order->len; r++)
    if (is_inspection (structure_of (self, g_array_index (self->report_order, gint64, r))))
      return TRUE;
  return FALSE;
}

static char *
section_anchor (guint index)
{
  return g_strdup_printf ("section-%u", index);
}

static void
add_detail (GArray     *details,
            const char *label,
            const char *value)
{
  PbPackDetail detail = { label, value };

  if (value != NULL && *value != '\0')
    g_array_append_val (details, detail);
}

static gboolean
visit_cover (PbPackWalk       *self,
             PbPackVisitFunc   visit,
             gpointer          user_data,
             GError          **error)
{
  PbPack *pack = self->pack;
  guint paragraph = pb_pack_get_exempt_paragraph (pack);
  g_autoptr(GArray) details = g_array_new (FALSE, FALSE, sizeof (PbPackDetail));
  g_autofree char *meeting = pb_date_format_iso (pb_pack_get_meeting_date (pack));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  g_autofree char *exempt = NULL;
  g_autofree char *notice = NULL;
  PbPackPart part = { PB_PACK_PART_COVER };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  today = pb_date_format (&date);

  /* Translators: the labels of a pack's cover, as on a council's board papers */
  add_detail (details, _("Report to"), pb_pack_get_committee (pack));
  add_detail (details, _("Date of meeting"), meeting);
  add_detail (details, _("Agenda item"), pb_pack_get_agenda_item (pack));
  add_detail (details, _("Prepared by"), pb_pack_walk_get_author (self));
  add_detail (details, _("Contact"), pb_pack_get_contact (pack));
  add_detail (details, _("Classification"), self->classification);
  add_detail (details, _("Produced on"), today);

  if (pb_pack_get_exempt (pack) && paragraph > 0)
    /* Translators: on the cover of an exempt pack; %u is 1 to 7, the last %s the paragraph's description */
    exempt = g_strdup_printf (_("This pack contains exempt information as described in paragraph %u of Part 1 "
                                "of Schedule 12A to the Local Government Act 1972: %s"),
                              paragraph, pb_exempt_paragraph_get_description (paragraph));
  else if (pb_pack_get_exempt (pack))
    exempt = g_strdup (_("This pack contains exempt information as described in Part 1 of Schedule 12A to "
                         "the Local Government Act 1972. The paragraph that applies has not been recorded."));

  /* Never silent about what a reader will not find: an exempt finding
   * that a public pack held is left out, and the cover says so (not
   * which, nor what it says). */
  if (self->n_withheld > 0)
    /* Translators: on the cover of a public pack; %u is how many findings */
    notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u finding in this pack has since been marked exempt, and is left out "
                                           "of this public copy.",
                                           "%u findings in this pack have since been marked exempt, and are left "
                                           "out of this public copy.", self->n_withheld), self->n_withheld);
  else if (g_hash_table_size (self->findings) == 0)
    /* Translators: on the cover of a pack that holds no findings */
    notice = g_strdup (_("This pack has no findings yet."));

  part.text = pb_pack_get_title (pack);
  part.notice = notice;
  part.banner = pb_pack_walk_get_banner (self);
  part.exempt = exempt;
  part.council = pb_pack_walk_get_council (self);
  part.details = (const PbPackDetail *)(gpointer)details->data;
  part.n_details = details->len;
  if (*pb_pack_get_introduction (pack) != '\0')
    part.introduction = pb_pack_get_introduction (pack);
  /* Translators: the heading over a pack's introduction */
  part.introduction_heading = _("Introduction");
  return visit (&part, user_data, error);
}

static gboolean
visit_contents (PbPackWalk       *self,
                PbPackVisitFunc   visit,
                gpointer          user_data,
                GError          **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (PbPackLink));
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_free);
  PbPackPart part = { PB_PACK_PART_CONTENTS };

  if (cites_inspection (self))
    {
      PbPackLink link = { _("Grades at a glance"), "grades" };
      g_array_append_val (links, link);
    }
  for (guint s = 0; s < self->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (self->sections, s);
      PbPackLink link = { section->title, NULL };

      if (count_printed (self, section) == 0)
        continue;
      link.anchor = section_anchor (s);
      g_ptr_array_add (anchors, (char *)link.anchor);
      g_array_append_val (links, link);
    }

  part.text = _("Contents");
  part.links = (const PbPackLink *)(gpointer)links->data;
  part.n_links = links->len;
  return visit (&part, user_data, error);
}

static gboolean
visit_grades (PbPackWalk       *self,
              PbPackVisitFunc   visit,
              gpointer          user_data,
              GError          **error)
{
  g_autoptr(GPtrArray) structures = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(PbPackGradesTable) table = NULL;
  PbPackPart part = { PB_PACK_PART_GRADES };

  for (guint r = 0; r < self->report_order->len; r++)
    {
      gint64 id = g_array_index (self->report_order, gint64, r);
      PbStructure *structure = structure_of (self, id);

      if (!is_inspection (structure))
        continue;
      g_ptr_array_add (structures, structure);
      g_ptr_array_add (titles, g_hash_table_lookup (self->titles, &id));
    }
  if (structures->len == 0)
    return TRUE;

  table = _pb_pack_grades_table_new ((PbStructure * const *)structures->pdata,
                                     (const char * const *)titles->pdata, structures->len);
  part.text = _("Grades at a glance");
  part.anchor = "grades";
  part.grades = _pb_pack_grades_table_get (table);
  return visit (&part, user_data, error);
}

/* Counts a finding given; FALSE, with @error set, once the walk is to stop. */
static gboolean
step (PbPackWalk  *self,
      GError     **error)
{
  guint total = MAX (g_hash_table_size (self->findings), 1);

  self->n_walked++;
  pb_pack_walk_report (self, 0.1 + 0.8 * MIN (self->n_walked, total) / total);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* The finding's cohorts by name, in its order; a slug the library no
 * longer knows is printed as it is rather than dropped. */
static char *
cohort_names (PbPackWalk *self,
              PbFinding  *finding)
{
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (self->cohorts, slugs[i]);
      g_ptr_array_add (names, (gpointer)(name != NULL ? name : slugs[i]));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **)names->pdata);
}

static gboolean
visit_item (PbPackWalk        *self,
            PbPackSection     *section,
            PbPackItem        *item,
            PbPackVisitFunc    visit,
            gpointer           user_data,
            GError           **error)
{
  g_autofree char *about = NULL;
  g_autofree char *note = NULL;
  g_autofree char *cohorts = NULL;
  PbPackPart part = { PB_PACK_PART_FINDING };
  PbStructure *structure;
  PbFinding *finding;

  if (item->kind == PB_PACK_ITEM_HEADING || item->kind == PB_PACK_ITEM_NOTE)
    {
      part.kind = item->kind == PB_PACK_ITEM_HEADING ? PB_PACK_PART_HEADING : PB_PACK_PART_NOTE;
      part.text = item->text;
      part.section = section->title;
      return visit (&part, user_data, error);
    }
  if (!(finding = g_hash_table_lookup (self->findings, &item->finding_id)))
    return TRUE;

  if (!step (self, error))
    return FALSE;

  structure = structure_of (self, pb_finding_get_report_id (finding));
  about = pb_citation_format_about (finding, structure);
  /* In an exempt pack, which findings are the exempt information: the
   * only ones a public copy would leave out. */
  if (pb_finding_get_exempt (finding))
    {
      /* Translators: after where a finding comes from and what it is, in an exempt pack */
      char *marked = g_strdup_printf ("%s · %s", about, _("Exempt"));

      g_free (about);
      about = marked;
    }
  cohorts = cohort_names (self, finding);
  if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
    /* Translators: an officer's note on a finding, in an exported pack */
    note = g_strdup_printf (_("Note: %s"), pb_finding_get_note (finding));

  part.text = pb_finding_get_quote (finding);
  part.finding = finding;
  part.about = about;
  part.note = note;
  part.section = section->title;
  part.cohorts = cohorts;
  part.report = g_hash_table_lookup (self->reports, &(gint64) { pb_finding_get_report_id (finding) });
  part.structure = structure;
  return visit (&part, user_data, error);
}

/* The tracker's table or the comparison, read from the library now; when
 * there is nothing to compare, or a report named is gone, a line says so
 * rather than the export failing. */
static gboolean
visit_special (PbPackWalk       *self,
               PbPackSection    *section,
               PbPackVisitFunc   visit,
               gpointer          user_data,
               GError          **error)
{
  g_autoptr(PbPackTrackerContent) content = NULL;
  g_autoptr(GError) local = NULL;
  gboolean exempt_allowed = pb_pack_get_exempt (self->pack);
  PbPackPart part = { PB_PACK_PART_TRACKER };

  if (section->kind == PB_PACK_SECTION_RECOMMENDATIONS)
    content = _pb_pack_tracker_content_new (self->library, section, exempt_allowed, self->cohorts, &local);
  else
    content = _pb_pack_comparison_content_new (self->library, section, exempt_allowed, &local);

  if (content == NULL)
    {
      if (local->domain != PB_PACKS_ERROR && local->domain != PB_LIBRARY_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      part.kind = PB_PACK_PART_NOTE;
      part.text = local->message;
      part.section = section->title;
      return visit (&part, user_data, error);
    }

  part.section = section->title;
  if (section->kind == PB_PACK_SECTION_RECOMMENDATIONS)
    part.tracker = _pb_pack_tracker_content_get_tracker (content);
  else
    {
      part.kind = PB_PACK_PART_COMPARISON;
      part.comparison = _pb_pack_tracker_content_get_comparison (content);
    }
  return visit (&part, user_data, error) && !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
visit_sections (PbPackWalk       *self,
                PbPackVisitFunc   visit,
                gpointer          user_data,
                GError          **error)
{
  for (guint s = 0; s < self->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (self->sections, s);
      g_autofree char *anchor = NULL;
      PbPackPart begin = { PB_PACK_PART_SECTION };
      PbPackPart end = { PB_PACK_PART_SECTION_END };

      if (count_printed (self, section) == 0)
        continue;

      anchor = section_anchor (s);
      begin.text = end.text = begin.section = end.section = section->title;
      begin.anchor = end.anchor = anchor;
      if (!visit (&begin, user_data, error))
        return FALSE;
      for (guint i = 0; i < section->items->len; i++)
        if (!visit_item (self, section, &g_array_index (section->items, PbPackItem, i), visit, user_data, error))
          return FALSE;
      if (section->kind != PB_PACK_SECTION_FINDINGS && !visit_special (self, section, visit, user_data, error))
        return FALSE;
      if (!visit (&end, user_data, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pb_pack_walk_run:
 * @visit: called with each part of the pack, in order
 * @user_data: for @visit
 * @error: a #GError, or %NULL
 *
 * Gives the pack part by part, as #PbPackPartKind lists them, reporting
 * progress with each finding and stopping when cancelled.  A walk may be
 * run more than once.
 *
 * Returns: %TRUE once every part is given; %FALSE with @error set when
 *   @visit failed or the walk was cancelled (%G_IO_ERROR_CANCELLED)
 */
gboolean
pb_pack_walk_run (PbPackWalk       *self,
                  PbPackVisitFunc   visit,
                  gpointer          user_data,
                  GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);

  self->n_walked = 0;
  return visit_cover (self, visit, user_data, error) &&
         visit_contents (self, visit, user_data, error) &&
         visit_grades (self, visit, user_data, error) &&
         visit_sections (self, visit, user_data, error) &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}
