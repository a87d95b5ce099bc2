/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-citation.h"
#include "pb-dates.h"
#include "pb-finding-store.h"
#include "pb-pack-store.h"
#include "pb-pack-walk.h"
#include "pb-structure-store.h"
#include "pb-structure.h"

/* A pack as every export has it, in one place: loaded once, then given part
 * by part in the order the panel reads it (the cover, the contents, the
 * grades of the inspections it cites, then each section's headings, notes
 * and findings, each finding with its citation line).  The writers for PDF,
 * DOCX, HTML and CSV only render the parts; what goes in, in which order
 * and under which words is decided here.
 *
 * The exempt rule holds at this door as it does in the library: a public
 * pack never prints an exempt finding, whatever the database says. */

struct _PbPackWalk
{
  PbLibrary            *library;
  PbPack               *pack;
  GPtrArray            *sections;      /* PbPackSection */
  GHashTable           *findings;      /* id → PbFinding, those that may be printed */
  GHashTable           *structures;    /* report id → PbStructure, or NULL for none */
  GArray               *report_order;  /* report ids, as first cited */

  GCancellable         *cancellable;
  PbExportProgressFunc  progress;
  gpointer              progress_data;
  guint                 n_walked;      /* findings given so far */
};

/**
 * pb_pack_walk_free:
 * @self: (nullable): a walk
 */
void
pb_pack_walk_free (PbPackWalk *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->structures, g_hash_table_unref);
  g_clear_pointer (&self->report_order, g_array_unref);
  g_free (self);
}

/**
 * pb_pack_walk_report:
 * @fraction: from 0 to 1
 *
 * Tells the export's progress function, if it has one, how far it has got.
 * Loading is the first tenth, walking the findings the next eight, and
 * finishing the file, which the caller reports, the last.
 */
void
pb_pack_walk_report (PbPackWalk *self,
                     double      fraction)
{
  g_return_if_fail (self != NULL);

  if (self->progress != NULL)
    self->progress (fraction, self->progress_data);
}

static gboolean
load (PbPackWalk  *self,
      gint64       pack_id,
      GError     **error)
{
  if (!(self->pack = pb_library_get_pack (self->library, pack_id, error)) ||
      !(self->sections = pb_library_get_pack_sections (self->library, pack_id, error)))
    return FALSE;

  for (guint s = 0; s < self->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (self->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          gint64 report_id;

          if (item->kind != PB_PACK_ITEM_FINDING)
            continue;
          if (!(finding = pb_library_get_finding (self->library, item->finding_id, error)))
            return FALSE;

          if (pb_finding_get_exempt (finding) && !pb_pack_get_exempt (self->pack))
            {
              g_object_unref (finding);
              continue;
            }

          g_hash_table_insert (self->findings, g_memdup2 (&item->finding_id, sizeof (gint64)), finding);
          report_id = pb_finding_get_report_id (finding);
          if (!g_hash_table_contains (self->structures, &report_id))
            {
              g_hash_table_insert (self->structures, g_memdup2 (&report_id, sizeof (gint64)),
                                   pb_library_get_structure (self->library, report_id, NULL));
              g_array_append_val (self->report_order, report_id);
            }
        }
    }
  return TRUE;
}

/**
 * pb_pack_walk_new:
 * @library: the library holding the pack
 * @pack_id: the pack
 * @cancellable: (nullable): stops the walk
 * @progress: (nullable): told how far the export has got, from 0
 * @error: a #GError, or %NULL
 *
 * Loads the pack, its sections and the findings it may print, with the
 * structures of their reports.
 *
 * Returns: (transfer full): the walk, or %NULL with @error set
 *   (%PB_PACKS_ERROR_NOT_FOUND for no such pack, a database error, or
 *   %G_IO_ERROR_CANCELLED)
 */
PbPackWalk *
pb_pack_walk_new (PbLibrary             *library,
                  gint64                 pack_id,
                  GCancellable          *cancellable,
                  PbExportProgressFunc   progress,
                  gpointer               progress_data,
                  GError               **error)
{
  g_autoptr(PbPackWalk) self = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (PbPackWalk, 1);
  self->library = g_object_ref (library);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->progress = progress;
  self->progress_data = progress_data;
  self->findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->structures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)pb_structure_free);
  self->report_order = g_array_new (FALSE, FALSE, sizeof (gint64));

  pb_pack_walk_report (self, 0);
  if (!load (self, pack_id, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  pb_pack_walk_report (self, 0.1);

  return g_steal_pointer (&self);
}

/**
 * pb_pack_walk_get_pack:
 *
 * Returns: (transfer none): the pack
 */
PbPack *
pb_pack_walk_get_pack (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pack;
}

/**
 * pb_pack_walk_get_banner:
 *
 * Returns: (nullable): "NOT FOR PUBLICATION" for an exempt pack, for the
 *   top of every page; %NULL for a public one
 */
const char *
pb_pack_walk_get_banner (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: at the top of an exempt pack, and of each of its pages */
  return pb_pack_get_exempt (self->pack) ? _("NOT FOR PUBLICATION") : NULL;
}

/**
 * pb_pack_walk_get_n_findings:
 *
 * Returns: how many findings the walk gives: those the pack may print
 */
guint
pb_pack_walk_get_n_findings (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->findings);
}

/* Items that will be printed: every heading and note, and the findings the
 * pack may print. */
static guint
count_printed (PbPackWalk    *self,
               PbPackSection *section)
{
  guint n = 0;

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

static gboolean
visit_cover (PbPackWalk       *self,
             PbPackVisitFunc   visit,
             gpointer          user_data,
             GError          **error)
{
  PbPack *pack = self->pack;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *meeting = pb_date_format_iso (pb_pack_get_meeting_date (pack));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");
  PbPackPart part = { PB_PACK_PART_COVER };

  if (*pb_pack_get_committee (pack) != '\0')
    g_ptr_array_add (details, g_strdup (pb_pack_get_committee (pack)));
  if (meeting != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("Meeting: %s"), meeting));
  g_ptr_array_add (details, g_strdup_printf (_("Classification: %s"), pb_pack_get_exempt (pack)
                                             ? _("Exempt — not for publication") : _("Public")));
  if (*pb_pack_get_author (pack) != '\0')
    g_ptr_array_add (details, g_strdup_printf (_("Prepared by %s"), pb_pack_get_author (pack)));
  g_ptr_array_add (details, g_strdup_printf (_("Produced on %s"), today));
  g_ptr_array_add (details, NULL);

  part.text = pb_pack_get_title (pack);
  part.banner = pb_pack_walk_get_banner (self);
  part.details = (const char * const *)details->pdata;
  if (*pb_pack_get_introduction (pack) != '\0')
    part.introduction = pb_pack_get_introduction (pack);
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

static char *
inspection_caption (PbStructure *structure)
{
  g_autofree char *dates = pb_date_format (&structure->inspection_end);
  const char *authority = structure->local_authority ? structure->local_authority : "";

  /* Translators: the first %s is a local authority, the second a date */
  return dates ? g_strdup_printf (_("%s, inspection ending %s"), authority, dates) : g_strdup (authority);
}

static gboolean
visit_grades (PbPackWalk       *self,
              PbPackVisitFunc   visit,
              gpointer          user_data,
              GError          **error)
{
  PbPackPart heading = { PB_PACK_PART_GRADES };

  if (!cites_inspection (self))
    return TRUE;

  heading.text = _("Grades at a glance");
  heading.anchor = "grades";
  if (!visit (&heading, user_data, error))
    return FALSE;

  for (guint r = 0; r < self->report_order->len; r++)
    {
      PbStructure *structure = structure_of (self, g_array_index (self->report_order, gint64, r));
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GPtrArray) grades = g_ptr_array_new ();
      g_autofree char *caption = NULL;
      PbPackPart part = { PB_PACK_PART_INSPECTION };

      if (!is_inspection (structure))
        continue;

      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        if (structure->judgements[j] != PB_GRADE_NONE)
          {
            g_ptr_array_add (labels, (gpointer)pb_judgement_get_label (j));
            g_ptr_array_add (grades, (gpointer)pb_grade_get_label (structure->judgements[j]));
          }

      caption = inspection_caption (structure);
      part.text = caption;
      part.columns[0] = _("Judgement");
      part.columns[1] = _("Grade");
      part.labels = (const char * const *)labels->pdata;
      part.grades = (const char * const *)grades->pdata;
      part.n_rows = labels->len;
      if (!visit (&part, user_data, error))
        return FALSE;
    }
  return TRUE;
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
  PbPackPart part = { PB_PACK_PART_FINDING };
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

  about = pb_citation_format_about (finding, structure_of (self, pb_finding_get_report_id (finding)));
  if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
    /* Translators: an officer's note on a finding, in an exported pack */
    note = g_strdup_printf (_("Note: %s"), pb_finding_get_note (finding));

  part.text = pb_finding_get_quote (finding);
  part.finding = finding;
  part.about = about;
  part.note = note;
  part.section = section->title;
  return visit (&part, user_data, error);
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
 * progress with each finding and stopping when cancelled.
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
