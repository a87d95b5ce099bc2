/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-citation"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-citation.h"
#include "pb-dates.h"

/* How a finding is cited wherever it is shown away from its report: the
 * pack editor, and every export. One place, so that they all agree. */

/**
 * pb_citation_format:
 * @finding: a finding read from the library (it knows its report's title)
 * @structure: (nullable): its report's structure, for the report's date
 *
 * Returns: (transfer full): "Inspection of Harrowdale…, 20 September 2024,
 *   ¶7 (page 3)": the date the report is known by, as everywhere else
 *   (pb_document_dates_get_date ()): the inspection's last day when
 *   believable, else "published 26 July 2019", else none; with the page
 *   number (from 1) alone when the finding has no paragraph number
 */
char *
pb_citation_format (PbFinding   *finding,
                    PbStructure *structure)
{
  g_autofree char *date = NULL;
  gboolean published = FALSE;
  g_autoptr(GString) text = NULL;
  PbDocumentDates dates;
  GDate known;

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  pb_document_dates_init (&dates);
  pb_document_dates_set_structure (&dates, structure);
  if (structure != NULL && pb_document_dates_get_date (&dates, &known))
    {
      date = pb_date_format (&known);
      published = pb_document_dates_is_published_date (&dates);
    }

  text = g_string_new (pb_finding_get_report_title (finding));
  if (date != NULL && !published)
    g_string_append_printf (text, ", %s", date);
  else if (date != NULL)
    /* Translators: a report's date in a citation, when only its publication date is known */
    g_string_append_printf (text, _(", published %s"), date);
  if (pb_finding_get_paragraph (finding) > 0)
    /* Translators: where a finding is in its report */
    g_string_append_printf (text, _(", ¶%u (page %u)"), pb_finding_get_paragraph (finding),
                            pb_finding_get_page (finding));
  else
    g_string_append_printf (text, _(", page %u"), pb_finding_get_page (finding));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pb_citation_format_about:
 * @finding: a finding read from the library
 * @structure: (nullable): its report's structure
 *
 * Returns: (transfer full): "citation · kind · status" (the status only for a
 *   finding that has one): the line under a finding's quote in every export
 */
char *
pb_citation_format_about (PbFinding   *finding,
                          PbStructure *structure)
{
  g_autofree char *citation = NULL;
  const char *kind;

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  citation = pb_citation_format (finding, structure);
  kind = pb_finding_kind_get_label (pb_finding_get_kind (finding));
  if (pb_finding_get_status (finding) != PB_FINDING_STATUS_NONE)
    return g_strdup_printf ("%s · %s · %s", citation, kind,
                            pb_finding_status_get_label (pb_finding_get_status (finding)));
  return g_strdup_printf ("%s · %s", citation, kind);
}
