/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-citation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-citation.h"
#include "pb-dates.h"

/* How a finding is cited wherever it is shown away from its report: the
 * pack editor, and every export. One place, so that they all agree. */

/* What a citation calls a kind of report, in the middle of a line. */
static const char *
type_words (PbDocumentType type)
{
  switch (type)
    {
    case PB_DOCUMENT_SIF_INSPECTION:
    case PB_DOCUMENT_ILACS_INSPECTION:
      /* Translators: a kind of report, in a citation: "Barnsley, inspection, June 2023" */
      return C_("citation", "inspection");
    case PB_DOCUMENT_FOCUSED_VISIT:
      return C_("citation", "focused visit");
    case PB_DOCUMENT_MONITORING_VISIT:
      return C_("citation", "monitoring visit");
    case PB_DOCUMENT_JTAI:
      return C_("citation", "joint targeted area inspection");
    case PB_DOCUMENT_ASSURANCE_VISIT:
      return C_("citation", "assurance visit");
    case PB_DOCUMENT_OTHER:
    default:
      return NULL;
    }
}

static char *
month_year (const GDate *date)
{
  char text[64];

  /* Translators: a month and year in a citation; see strftime(3) */
  if (date == NULL || !g_date_valid (date) || g_date_strftime (text, sizeof text, _("%B %Y"), date) == 0)
    return NULL;
  return g_strdup (text);
}

/**
 * pb_citation_format_source:
 * @finding: (nullable): a finding read from the library, for its report's
 *   title when @structure does not say what the report is
 * @structure: (nullable): the report's structure
 *
 * Names a report the way people do, from what it says of itself rather
 * than from its file name or the title its PDF was given: the authority,
 * the kind of report and the month its inspection ended ("Barnsley,
 * inspection, June 2023"), or was published ("Rochdale, inspection,
 * published March 2018").  A report whose structure names no authority or
 * kind (minutes, a council's own papers) is named by its title and dated
 * to the day, as before.
 *
 * Returns: (transfer full): the report's name in a citation; "" when
 *   neither @finding nor @structure says anything
 */
char *
pb_citation_format_source (PbFinding   *finding,
                           PbStructure *structure)
{
  const char *type = structure ? type_words (structure->type) : NULL;
  g_autoptr(GString) text = NULL;
  PbDocumentDates dates;
  GDate known;
  gboolean dated = FALSE;
  gboolean published = FALSE;

  g_return_val_if_fail (finding == NULL || PB_IS_FINDING (finding), NULL);

  /* The date the report is known by, as everywhere else: the inspection's
   * last day when believable, else its publication. */
  if (structure != NULL)
    {
      pb_document_dates_init (&dates);
      pb_document_dates_set_structure (&dates, structure);
      dated = pb_document_dates_get_date (&dates, &known);
      published = dated && pb_document_dates_is_published_date (&dates);
    }

  if (type != NULL && structure->local_authority != NULL && *structure->local_authority != '\0')
    {
      g_autofree char *month = dated ? month_year (&known) : NULL;

      text = g_string_new (NULL);
      /* Translators: a report in a citation: its authority and its kind */
      g_string_append_printf (text, _("%s, %s"), structure->local_authority, type);
      if (month != NULL && !published)
        g_string_append_printf (text, ", %s", month);
      else if (month != NULL)
        /* Translators: a report's date in a citation, when only its publication date is known */
        g_string_append_printf (text, _(", published %s"), month);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  text = g_string_new (finding != NULL ? pb_finding_get_report_title (finding) : "");
  if (dated)
    {
      g_autofree char *day = pb_date_format (&known);

      /* Minutes and papers are often titled with their date already. */
      if (strstr (text->str, day) == NULL && !published)
        g_string_append_printf (text, ", %s", day);
      else if (strstr (text->str, day) == NULL)
        g_string_append_printf (text, _(", published %s"), day);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pb_citation_format:
 * @finding: a finding read from the library (it knows its report's title)
 * @structure: (nullable): its report's structure, for its authority, kind
 *   and date
 *
 * Returns: (transfer full): "Harrowdale, inspection, September 2024, ¶7
 *   (page 3)": the report as pb_citation_format_source() names it, then
 *   where the finding is, by paragraph and page number (from 1), or by
 *   page number alone when the finding has no paragraph number
 */
char *
pb_citation_format (PbFinding   *finding,
                    PbStructure *structure)
{
  g_autofree char *source = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  source = pb_citation_format_source (finding, structure);
  text = g_string_new (source);
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
