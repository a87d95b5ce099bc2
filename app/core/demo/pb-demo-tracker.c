/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-pack-sections.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-report-store.h"

/* The demo library's recommendations followed through time: the 2019
 * inspection's, the 2022 focused visit's and the 2024 inspection's, the
 * later ones linked to the earlier ones they repeat, each with an owner, a
 * due date and a dated status history evidenced by the findings the demo
 * marks. Harrowdale and its officers are made up. */

static gint64
report_named (GPtrArray  *reports,
              const char *file_name)
{
  for (guint i = 0; i < reports->len; i++)
    if (g_strcmp0 (pb_report_get_file_name (g_ptr_array_index (reports, i)), file_name) == 0)
      return pb_report_get_id (g_ptr_array_index (reports, i));
  return 0;
}

/* The finding whose quote begins with @start, or 0. */
static gint64
finding_starting (PbLibrary  *library,
                  const char *start)
{
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) findings = pb_library_list_findings (library, &filter, NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_str_has_prefix (pb_finding_get_quote (g_ptr_array_index (findings, i)), start))
      return pb_finding_get_id (g_ptr_array_index (findings, i));
  return 0;
}

/* The item tracking the recommendation of @report_id whose words begin
 * with @start, or 0. */
static gint64
item_starting (PbLibrary  *library,
               gint64      report_id,
               const char *start)
{
  g_autoptr(GPtrArray) recs = pb_library_list_report_recommendations (library, report_id, NULL);

  for (guint i = 0; recs != NULL && i < recs->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (recs, i);

      if (g_str_has_prefix (rec->text, start))
        return rec->item_id;
    }
  return 0;
}

static gboolean
update (PbLibrary               *library,
        gint64                   id,
        int                      status,
        const char              *date,
        const char              *note,
        gint64                   evidence,
        const char              *owner,
        const char              *due,
        GError                 **error)
{
  PbRecommendationUpdate change = PB_RECOMMENDATION_UPDATE_INIT;

  if (id == 0)
    return TRUE;   /* the structure reader read that one differently: leave it */
  change.status = status;
  change.date = date;
  change.note = note;
  change.evidence = &evidence;
  change.n_evidence = evidence > 0 ? 1 : 0;
  change.owner = owner;
  change.due = due;
  return pb_library_update_recommendation (library, id, &change, NULL, error);
}

/* The later report's recommendations linked to the earlier ones the
 * matcher finds they repeat, then the rest tracked too. */
static gboolean
track_linked (PbLibrary  *library,
              gint64      report_id,
              GError    **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GArray) rest = NULL;

  if (!(suggestions = pb_library_suggest_recommendation_links (library, report_id, error)))
    return FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      PbLinkCandidate *best;

      if (suggestion->candidates->len == 0)
        continue;
      best = g_ptr_array_index (suggestion->candidates, 0);
      if (!pb_library_confirm_recommendation_link (library, report_id, suggestion->position, best->item_id, error))
        return FALSE;
    }
  rest = pb_library_add_report_recommendations (library, report_id, error);
  return rest != NULL;
}

/**
 * pb_demo_add_tracker:
 * @library: a library filled by pb_demo_populate()
 * @pack_id: the demo's pack (pb_demo_add_pack()), or 0
 * @error: a #GError, or %NULL
 *
 * Tracks the demo reports' recommendations, links those made again, gives
 * them owners, due dates and statuses, and adds the tracker and "Since the
 * last inspection" to the pack.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pb_demo_add_tracker (PbLibrary  *library,
                     gint64      pack_id,
                     GError    **error)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GArray) earliest = NULL;
  gint64 inspection_2019, visit, inspection_2024, minutes;
  gint64 pathway_evidence, accommodation, oversight_evidence;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(reports = pb_library_list_reports (library, error)))
    return FALSE;
  inspection_2019 = report_named (reports, "harrowdale-ilacs-2019.pdf");
  visit = report_named (reports, "harrowdale-focused-visit-2022.pdf");
  inspection_2024 = report_named (reports, "harrowdale-ilacs-2024.pdf");
  minutes = report_named (reports, "corporate-parenting-panel-2025-01.pdf");
  if (inspection_2019 == 0 || visit == 0 || inspection_2024 == 0 || minutes == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The demo’s reports are not all in the library"));
      return FALSE;
    }

  earliest = pb_library_add_report_recommendations (library, inspection_2019, error);
  if (earliest == NULL ||
      !track_linked (library, visit, error) ||
      !track_linked (library, inspection_2024, error))
    return FALSE;

  pathway_evidence = finding_starting (library, "78% of pathway plans");
  accommodation = finding_starting (library, "Accommodation has improved");
  oversight_evidence = finding_starting (library, "Most children live in stable homes");

  if (!update (library, item_starting (library, inspection_2019, "The sufficiency"), PB_RECOMMENDATION_STATUS_IN_PROGRESS,
               "2020-06-15", "Sufficiency strategy agreed by cabinet.", 0, "Director of Children’s Services",
               "2022-03-31", error) ||
      !update (library, item_starting (library, inspection_2019, "The sufficiency"), PB_RECOMMENDATION_STATUS_NOT_MET,
               "2024-11-20", "The 2024 inspection found children still living far from Harrowdale.", 0, NULL, NULL,
               error) ||
      !update (library, item_starting (library, inspection_2019, "The quality of pathway"),
               PB_RECOMMENDATION_STATUS_IN_PROGRESS, "2021-02-01", "New pathway plan template in use.", 0,
               "Head of Service, Care Leavers", "2021-12-31", error) ||
      !update (library, item_starting (library, visit, ""), PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT,
               "2023-01-10", "Supported lodgings scheme opened.", accommodation, "Head of Service, Care Leavers",
               "2023-06-30", error) ||
      !update (library, item_starting (library, inspection_2024, "The quality of pathway"),
               PB_RECOMMENDATION_STATUS_IN_PROGRESS, "2025-01-21",
               "Reviews of pathway plans up from 54% to 78%; audits of their quality due in March.",
               pathway_evidence, "Head of Service, Care Leavers", "2026-03-31", error) ||
      !update (library, item_starting (library, inspection_2024, "The sufficiency"),
               PB_RECOMMENDATION_STATUS_NOT_STARTED, "2025-01-21", "Waiting for the capital programme.", 0,
               "Director of Children’s Services", "2027-03-31", error) ||
      !update (library, item_starting (library, inspection_2024, "The consistency of management"),
               PB_RECOMMENDATION_STATUS_EVIDENCE_OF_IMPACT, "2025-06-02",
               "Supervision audit: 9 in 10 records show monthly supervision.", oversight_evidence,
               "Principal Social Worker", "2025-09-30", error) ||
      !update (library, item_starting (library, inspection_2024, "The timeliness"),
               PB_RECOMMENDATION_STATUS_MET, "2025-04-30", "Out-of-hours strategy meetings now held within the hour.",
               0, "Head of Safeguarding", "2025-03-31", error))
    return FALSE;

  if (pack_id <= 0)
    return TRUE;
  spec.authority = "Harrowdale";
  spec.open = TRUE;
  if (!pb_library_add_pack_special_section (library, pack_id, PB_PACK_SECTION_RECOMMENDATIONS,
                                            _("Recommendations still open"), NULL, &spec, error))
    return FALSE;
  spec.open = FALSE;
  return pb_library_add_pack_special_section (library, pack_id, PB_PACK_SECTION_COMPARISON,
                                              _("Since the last inspection"), NULL, &spec, error) > 0;
}
