/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-tracker"

#include "config.h"

#include "pb-finding.h"
#include "pb-recommendation-entry.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-recommendation-store-private.h"
#include "pb-recommendation-tracker.h"
#include "pb-report-store.h"

/* The tracker a pack prints. A public pack must never carry exempt
 * material, so unless exempt material is allowed: an exempt item is left
 * out; so is a finding not for publication (or from a report that is not)
 * given as evidence, and the note of an entry that gives one, since the
 * note may tell what the finding says; so is a link to an exempt item. The
 * statuses themselves stay: where an item stands is not exempt. */

static void
evidence_free (PbTrackerEvidence *evidence)
{
  g_free (evidence->report_title);
  g_free (evidence->quote);
  g_free (evidence);
}

/**
 * pb_tracker_row_free:
 * @row: (nullable) (transfer full): a row of the tracker, with its evidence
 */
void
pb_tracker_row_free (PbTrackerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->text);
  g_free (row->source);
  g_free (row->location);
  g_strfreev (row->cohorts);
  g_free (row->owner);
  g_free (row->due);
  g_free (row->last_update);
  g_free (row->note);
  g_clear_pointer (&row->evidence, g_ptr_array_unref);
  g_strfreev (row->links);
  g_free (row);
}

/* Whether a finding may go in a public pack: it is public, and so is its
 * report. Reports are looked up once each. */
static gboolean
publishable (PbLibrary  *library,
             GHashTable *exempt_reports,
             PbFinding  *finding)
{
  gint64 report_id = pb_finding_get_report_id (finding);
  gpointer known;

  if (pb_finding_get_exempt (finding))
    return FALSE;
  if (!g_hash_table_lookup_extended (exempt_reports, &report_id, NULL, &known))
    {
      g_autoptr(PbReport) report = pb_library_get_report (library, report_id, NULL);

      /* A report that cannot be read is taken to be exempt. */
      known = GINT_TO_POINTER (report == NULL || pb_report_get_is_exempt (report));
      g_hash_table_insert (exempt_reports, g_memdup2 (&report_id, sizeof report_id), known);
    }
  return !GPOINTER_TO_INT (known);
}

static gboolean
item_is_exempt (PbLibrary *library,
                gint64     id)
{
  g_autoptr(PbRecommendationItem) item = pb_library_get_recommendation (library, id, NULL);

  return item == NULL || pb_recommendation_item_get_exempt (item);
}

static PbTrackerRow *
row_new (PbLibrary            *library,
         PbRecommendationItem *item,
         gboolean              exempt_allowed,
         GHashTable           *exempt_reports,
         GHashTable           *finding_cache,
         GError              **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  PbRecommendationStatus status = pb_recommendation_item_get_status (item);
  PbRag rag = pb_recommendation_status_get_rag (status);
  PbTrackerRow *row;

  if (!(history = _pb_recommendation_history (library, pb_recommendation_item_get_id (item), finding_cache, error)))
    return NULL;

  row = g_new0 (PbTrackerRow, 1);
  row->id = pb_recommendation_item_get_id (item);
  row->text = g_strdup (pb_recommendation_item_get_text (item));
  row->source = pb_recommendation_item_dup_source_name (item);
  row->location = pb_recommendation_item_dup_location (item);
  row->cohorts = g_strdupv ((char **)pb_recommendation_item_get_cohorts (item));
  row->owner = g_strdup (pb_recommendation_item_get_owner (item));
  row->due = g_strdup (pb_recommendation_item_get_due (item));
  row->overdue = pb_recommendation_item_get_overdue (item);
  row->status = pb_recommendation_status_to_slug (status);
  row->status_label = pb_recommendation_status_get_label (status);
  row->rag = pb_rag_to_slug (rag);
  row->rag_label = pb_rag_get_label (rag);
  row->rag_color = pb_rag_get_color (rag);
  row->last_update = g_strdup (pb_recommendation_item_get_status_date (item));
  row->exempt = pb_recommendation_item_get_exempt (item);
  row->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify)evidence_free);

  for (guint i = 0; i < history->len; i++)
    {
      PbRecommendationEntry *entry = g_ptr_array_index (history, i);
      GPtrArray *findings = pb_recommendation_entry_get_evidence (entry);
      gboolean entry_public = TRUE;

      if (pb_recommendation_entry_get_kind (entry) != PB_RECOMMENDATION_ENTRY_STATUS)
        {
          if (exempt_allowed || !item_is_exempt (library, pb_recommendation_entry_get_linked_item_id (entry)))
            g_strv_builder_add (links, pb_recommendation_entry_get_summary (entry));
          continue;
        }

      for (guint k = 0; k < findings->len; k++)
        {
          PbFinding *finding = g_ptr_array_index (findings, k);
          gint64 finding_id = pb_finding_get_id (finding);
          PbTrackerEvidence *evidence;

          if (!exempt_allowed && !publishable (library, exempt_reports, finding))
            {
              entry_public = FALSE;
              continue;
            }
          if (g_hash_table_contains (seen, &finding_id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&finding_id, sizeof finding_id));

          evidence = g_new0 (PbTrackerEvidence, 1);
          evidence->finding_id = finding_id;
          evidence->report_title = g_strdup (pb_finding_get_report_title (finding));
          evidence->page = pb_finding_get_page (finding);
          evidence->paragraph = pb_finding_get_paragraph (finding);
          evidence->quote = g_strdup (pb_finding_get_quote (finding));
          g_ptr_array_add (row->evidence, evidence);
        }

      /* The latest status entry's note; the history is oldest first. */
      g_clear_pointer (&row->note, g_free);
      if (entry_public && *pb_recommendation_entry_get_note (entry) != '\0')
        row->note = g_strdup (pb_recommendation_entry_get_note (entry));
    }

  row->links = g_strv_builder_end (links);
  return row;
}

/**
 * pb_library_get_tracker:
 * @filter: (nullable): which items: an authority, a cohort, a status, only
 *   overdue ones…; %NULL for all
 * @exempt_allowed: %FALSE for a public pack: nothing not for publication
 *   reaches the rows (exempt items, exempt evidence and the notes that
 *   cite it, links to exempt items)
 * @error: as for pb_library_list_recommendations()
 *
 * Returns: (transfer container) (element-type PbTrackerRow): the rows, in
 *   the tracker's order (oldest source first)
 */
GPtrArray *
pb_library_get_tracker (PbLibrary                     *library,
                        const PbRecommendationFilter  *filter,
                        gboolean                       exempt_allowed,
                        GError                       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_tracker_row_free);
  g_autoptr(GHashTable) exempt_reports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(items = pb_library_list_recommendations (library, filter, error)))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      PbRecommendationItem *item = g_ptr_array_index (items, i);
      PbTrackerRow *row;

      if (!exempt_allowed && pb_recommendation_item_get_exempt (item))
        continue;
      if (!(row = row_new (library, item, exempt_allowed, exempt_reports, findings, error)))
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
