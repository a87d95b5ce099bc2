/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-dates.h"
#include "pb-structure.h"

/* What a report says about itself, on one scheme across Ofsted's frameworks:
 * the names the library stores for types, grades and judgements, and
 * questions asked of a structure once read. The reading itself is in
 * core/structure/. */

/**
 * pb_document_type_to_slug:
 * @type: a kind of document
 *
 * The kinds are Ofsted's: an inspection under the single inspection
 * framework (SIF, 2013 to 2017) or under the inspection of local authority
 * children's services (ILACS, from 2018), a focused or monitoring visit
 * (ILACS), a joint targeted area inspection (JTAI), an assurance visit
 * (autumn 2020); anything else is other.
 *
 * Returns: the kind's name in the database ("sif_inspection",
 *   "ilacs_inspection", "focused_visit", "monitoring_visit", "jtai",
 *   "assurance_visit", "other"), never translated
 */
const char *
pb_document_type_to_slug (PbDocumentType type)
{
  static const char * const slugs[] = {
    "other", "sif_inspection", "ilacs_inspection", "focused_visit", "monitoring_visit", "jtai",
    "assurance_visit",
  };

  g_return_val_if_fail (type < G_N_ELEMENTS (slugs), "other");
  return slugs[type];
}

/**
 * pb_document_type_from_slug:
 * @slug: (nullable): a name as pb_document_type_to_slug() gives it
 *
 * Returns: the kind it names; %PB_DOCUMENT_OTHER for anything unknown, or
 *   %NULL
 */
PbDocumentType
pb_document_type_from_slug (const char *slug)
{
  for (PbDocumentType type = PB_DOCUMENT_OTHER; type <= PB_DOCUMENT_ASSURANCE_VISIT; type++)
    if (g_strcmp0 (slug, pb_document_type_to_slug (type)) == 0)
      return type;
  return PB_DOCUMENT_OTHER;
}

/**
 * pb_grade_to_slug:
 * @grade: a grade on Ofsted's four-point scale, or none
 *
 * Returns: (nullable): the grade's name in the database ("outstanding",
 *   "good", "requires_improvement", "inadequate"); %NULL for
 *   %PB_GRADE_NONE
 */
const char *
pb_grade_to_slug (PbGrade grade)
{
  static const char * const slugs[] = {
    NULL, "outstanding", "good", "requires_improvement", "inadequate",
  };

  g_return_val_if_fail (grade < G_N_ELEMENTS (slugs), NULL);
  return slugs[grade];
}

/**
 * pb_judgement_to_slug:
 * @judgement: one of the judgements an inspection grades
 *
 * Returns: the judgement's name in the database ("overall_effectiveness",
 *   "impact_of_leaders", "help_and_protection", "children_in_care",
 *   "care_leavers", "adoption"), never translated
 */
const char *
pb_judgement_to_slug (PbJudgement judgement)
{
  static const char * const slugs[] = {
    "overall_effectiveness", "impact_of_leaders", "help_and_protection",
    "children_in_care", "care_leavers", "adoption",
  };

  g_return_val_if_fail (judgement < G_N_ELEMENTS (slugs), NULL);
  return slugs[judgement];
}

static void
section_clear (PbSection *section)
{
  g_free (section->heading);
}

static void
recommendation_clear (PbRecommendation *rec)
{
  g_free (rec->text);
}

/**
 * pb_structure_new:
 *
 * Returns: (transfer full): an empty structure: type "other", no dates, no
 *   grades, and empty arrays of sections, paragraphs, recommendations and
 *   reasons
 */
PbStructure *
pb_structure_new (void)
{
  PbStructure *structure = g_new0 (PbStructure, 1);

  g_date_clear (&structure->inspection_start, 1);
  g_date_clear (&structure->inspection_end, 1);
  g_date_clear (&structure->published, 1);
  g_date_clear (&structure->stated, 1);
  structure->sections = g_array_new (FALSE, TRUE, sizeof (PbSection));
  structure->paragraphs = g_array_new (FALSE, TRUE, sizeof (PbParagraph));
  structure->recommendations = g_array_new (FALSE, TRUE, sizeof (PbRecommendation));
  g_array_set_clear_func (structure->sections, (GDestroyNotify)section_clear);
  g_array_set_clear_func (structure->recommendations, (GDestroyNotify)recommendation_clear);
  structure->reasons = g_ptr_array_new_with_free_func (g_free);

  return structure;
}

/**
 * pb_structure_free:
 * @structure: (nullable) (transfer full): a structure
 */
void
pb_structure_free (PbStructure *structure)
{
  if (structure == NULL)
    return;

  g_free (structure->local_authority);
  g_free (structure->lead_inspector);
  g_free (structure->theme);
  g_clear_pointer (&structure->reasons, g_ptr_array_unref);
  g_clear_pointer (&structure->sections, g_array_unref);
  g_clear_pointer (&structure->paragraphs, g_array_unref);
  g_clear_pointer (&structure->recommendations, g_array_unref);
  g_free (structure);
}

/**
 * pb_structure_cohort_at_page:
 * @structure: a report's structure
 * @page_number: a page, from 1
 *
 * Returns: (nullable): the slug of the cohort the section holding the page
 *   is about (the last section starting on or before it); %NULL when that
 *   section is about no cohort, or the page comes before every section
 */
const char *
pb_structure_cohort_at_page (PbStructure *structure,
                             guint        page_number)
{
  const char *cohort = NULL;

  for (guint i = 0; i < structure->sections->len; i++)
    {
      const PbSection *s = &g_array_index (structure->sections, PbSection, i);

      if (s->first_page <= page_number)
        cohort = s->cohort;
    }

  return cohort;
}

/**
 * pb_structure_page_for_judgement:
 * @structure: a report's structure
 * @judgement: a judgement the report grades
 *
 * Care leavers judged with children in care (an ILACS report that combines
 * them) share that section.
 *
 * Returns: the page number (from 1) of the first page of the section the
 *   judgement is about; 1 when that is not known, and for the overall
 *   judgement
 */
guint
pb_structure_page_for_judgement (PbStructure *structure,
                                 PbJudgement  judgement)
{
  static const char * const cohorts[] = {
    NULL, "leadership", "help_and_protection", "children_in_care", "care_leavers", "children_in_care",
  };
  const char *cohort;

  g_return_val_if_fail (judgement < PB_N_JUDGEMENTS, 1);

  cohort = cohorts[judgement];
  for (guint i = 0; cohort != NULL && i < structure->sections->len; i++)
    {
      PbSection *section = &g_array_index (structure->sections, PbSection, i);

      if (g_strcmp0 (section->cohort, cohort) == 0)
        return section->first_page;
    }

  /* Care leavers judged with children in care share their section. */
  if (judgement == PB_JUDGEMENT_CARE_LEAVERS && structure->cic_and_care_leavers_combined)
    return pb_structure_page_for_judgement (structure, PB_JUDGEMENT_CHILDREN_IN_CARE);

  return 1;
}

/**
 * pb_judgement_get_label:
 * @judgement: a judgement
 *
 * Returns: the judgement's name as the app and every export write it
 */
const char *
pb_judgement_get_label (PbJudgement judgement)
{
  static const char * const labels[] = {
    N_("Overall effectiveness"), N_("Impact of leaders"), N_("Help and protection"),
    N_("Children in care"), N_("Care leavers"), N_("Adoption"),
  };

  g_return_val_if_fail (judgement < PB_N_JUDGEMENTS, "");
  return _(labels[judgement]);
}

/**
 * pb_grade_get_label:
 * @grade: a grade
 *
 * Returns: the grade in Ofsted's own words ("Requires improvement to be
 *   good"); "" for %PB_GRADE_NONE
 */
const char *
pb_grade_get_label (PbGrade grade)
{
  static const char * const labels[] = {
    "", N_("Outstanding"), N_("Good"), N_("Requires improvement to be good"), N_("Inadequate"),
  };

  g_return_val_if_fail (grade <= PB_GRADE_INADEQUATE, "");
  return grade == PB_GRADE_NONE ? "" : _(labels[grade]);
}

/**
 * pb_document_type_get_label:
 * @type: a document type
 *
 * Returns: the type in words, as the app and exports write it
 */
const char *
pb_document_type_get_label (PbDocumentType type)
{
  switch (type)
    {
    case PB_DOCUMENT_SIF_INSPECTION:
      return _("SIF inspection");
    case PB_DOCUMENT_ILACS_INSPECTION:
      return _("ILACS inspection");
    case PB_DOCUMENT_FOCUSED_VISIT:
      return _("Focused visit");
    case PB_DOCUMENT_MONITORING_VISIT:
      return _("Monitoring visit");
    case PB_DOCUMENT_JTAI:
      return _("Joint targeted area inspection");
    case PB_DOCUMENT_ASSURANCE_VISIT:
      return _("Assurance visit");
    case PB_DOCUMENT_OTHER:
    default:
      return _("Other document");
    }
}

/**
 * pb_structure_get_inspection_end:
 * @structure: a report's structure
 *
 * The last day of the inspection, when the report gives it.  A report's
 * inspection ends before it is published, so an end date no earlier than
 * the publication date is a publication date taken for the inspection's
 * and is not believed: a report published on 26 July 2019 must not be
 * cited as an "inspection ending 26 July 2019" when inspectors left in
 * June.
 *
 * Returns: (nullable): the inspection's last day, or %NULL when unknown
 */
const GDate *
pb_structure_get_inspection_end (PbStructure *structure)
{
  g_return_val_if_fail (structure != NULL, NULL);

  if (!g_date_valid (&structure->inspection_end))
    return NULL;
  if (g_date_valid (&structure->published) &&
      g_date_compare (&structure->inspection_end, &structure->published) >= 0)
    return NULL;
  return &structure->inspection_end;
}

/**
 * pb_format_inspection_dates:
 * @s: (nullable): a report's structure
 *
 * The days of the inspection, written as everywhere else (the library, the
 * findings table): see pb_date_format_span().
 *
 * Returns: (transfer full) (nullable): "9–20 Sep 2024", or the end date
 *   alone, or %NULL when the structure has no believable inspection end
 *   date (see pb_structure_get_inspection_end())
 */
char *
pb_format_inspection_dates (PbStructure *s)
{
  if (s == NULL || pb_structure_get_inspection_end (s) == NULL)
    return NULL;
  if (!g_date_valid (&s->inspection_start) ||
      g_date_compare (&s->inspection_start, &s->inspection_end) > 0)
    return pb_date_format_short (&s->inspection_end);
  return pb_date_format_span (&s->inspection_start, &s->inspection_end);
}
