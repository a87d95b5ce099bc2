/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PB_DOCUMENT_OTHER,
  PB_DOCUMENT_SIF_INSPECTION,
  PB_DOCUMENT_ILACS_INSPECTION,
  PB_DOCUMENT_FOCUSED_VISIT,
  PB_DOCUMENT_MONITORING_VISIT,
  PB_DOCUMENT_JTAI,
  PB_DOCUMENT_ASSURANCE_VISIT,   /* autumn 2020, in the pandemic's place of inspections */
} PbDocumentType;

typedef enum
{
  PB_GRADE_NONE,
  PB_GRADE_OUTSTANDING,
  PB_GRADE_GOOD,
  PB_GRADE_REQUIRES_IMPROVEMENT,
  PB_GRADE_INADEQUATE,
} PbGrade;

/* The judgements, on one scheme across the frameworks' eras. */
typedef enum
{
  PB_JUDGEMENT_OVERALL,
  PB_JUDGEMENT_LEADERS,
  PB_JUDGEMENT_HELP_AND_PROTECTION,
  PB_JUDGEMENT_CHILDREN_IN_CARE,
  PB_JUDGEMENT_CARE_LEAVERS,
  PB_JUDGEMENT_ADOPTION,
  PB_N_JUDGEMENTS
} PbJudgement;

typedef struct
{
  const char *cohort;      /* a built-in cohort slug */
  char       *heading;
  PbGrade     grade;
  guint       first_page;  /* from 1 */
  guint       last_page;
} PbSection;

typedef struct
{
  guint       number;
  guint       page;
  const char *cohort;      /* or NULL before the first section */
  gsize       offset;      /* where it starts in its page's text */
} PbParagraph;

typedef struct
{
  char       *text;
  guint       page;
  const char *cohort;      /* or NULL when the words do not say */
  gboolean    priority;    /* listed under "Areas for priority action" */
} PbRecommendation;

typedef struct
{
  PbDocumentType  type;
  char           *local_authority;
  GDate           inspection_start;   /* invalid when not found */
  GDate           inspection_end;
  GDate           published;
  GDate           stated;             /* the date the document gives itself: a letter's, a meeting's */
  char           *lead_inspector;
  PbGrade         judgements[PB_N_JUDGEMENTS];
  gboolean        cic_and_care_leavers_combined;
  GArray         *sections;           /* PbSection */
  GArray         *paragraphs;         /* PbParagraph */
  GArray         *recommendations;    /* PbRecommendation */
  gboolean        reinspection;       /* a SIF re-inspection ("Re-inspection of services …") */
  char           *theme;              /* what a visit looked at, or NULL */
  GPtrArray      *reasons;            /* (element-type utf8): what the type was decided on */
} PbStructure;

const char  *pb_document_type_to_slug (PbDocumentType  type);
PbDocumentType pb_document_type_from_slug (const char *slug);
const char  *pb_grade_to_slug         (PbGrade         grade);
const char  *pb_judgement_to_slug     (PbJudgement     judgement);
const char  *pb_judgement_get_label   (PbJudgement     judgement);
const char  *pb_grade_get_label       (PbGrade         grade);
const char  *pb_document_type_get_label (PbDocumentType type);
char        *pb_format_inspection_dates (PbStructure   *structure);
const GDate *pb_structure_get_inspection_end (PbStructure *structure);
PbStructure *pb_structure_new         (void);
void         pb_structure_free        (PbStructure    *structure);
const char  *pb_structure_cohort_at_page (PbStructure *structure,
                                          guint        page_number);

guint        pb_structure_page_for_judgement (PbStructure *structure,
                                              PbJudgement  judgement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbStructure, pb_structure_free)

G_END_DECLS
