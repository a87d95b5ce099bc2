/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-recommendation-store.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* Two reports of one authority side by side: this inspection and the last,
 * or an inspection and a later visit. */

typedef enum
{
  PB_GRADE_CHANGE_NONE,    /* a grade is missing on one side or both */
  PB_GRADE_CHANGE_SAME,
  PB_GRADE_CHANGE_BETTER,
  PB_GRADE_CHANGE_WORSE,
} PbGradeChange;

typedef struct
{
  guint  number;   /* paragraph number from 1 */
  guint  page;     /* page number from 1 */
  char  *text;     /* as the report prints it, lines joined */
} PbCompareParagraph;

/* One judgement (and the cohort section it judges) in both reports. */
typedef struct
{
  PbJudgement    judgement;
  const char    *cohort;              /* its cohort's slug; NULL for overall effectiveness and adoption */
  PbGrade        before;
  PbGrade        after;
  PbGradeChange  change;
  GArray        *before_paragraphs;   /* PbCompareParagraph, in order */
  GArray        *after_paragraphs;
} PbCompareCohort;

/* A recommendation made in both: indexes into the two lists. */
typedef struct
{
  guint     before;
  guint     after;
  double    score;
  gboolean  confirmed;   /* the two items are linked, whatever the words */
} PbCompareRepeat;

typedef struct
{
  gint64      before_id;               /* the earlier report */
  gint64      after_id;
  char       *before_name;             /* "2019 inspection" */
  char       *after_name;
  char       *before_date;             /* YYYY-MM-DD, or NULL */
  char       *after_date;
  char       *authority;
  gboolean    before_combined;         /* children in care and care leavers judged together */
  gboolean    after_combined;
  gboolean    before_exempt;           /* the report is not for publication: a public */
  gboolean    after_exempt;            /*   pack must not show the comparison */
  GPtrArray  *cohorts;                 /* PbCompareCohort */
  GPtrArray  *before_recommendations;  /* PbReportRecommendation */
  GPtrArray  *after_recommendations;
  GArray     *repeated;                /* PbCompareRepeat, by the later report's order */
  GArray     *new_recommendations;     /* guint: indexes into after_recommendations */
  GArray     *dropped;                 /* guint: indexes into before_recommendations */
} PbReportComparison;

const char         *pb_grade_change_to_slug    (PbGradeChange        change);
const char         *pb_grade_change_get_label  (PbGradeChange        change);
void                pb_report_comparison_free  (PbReportComparison  *comparison);
PbReportComparison *pb_library_compare_reports (PbLibrary           *library,
                                                gint64               report_id,
                                                gint64               other_id,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbReportComparison, pb_report_comparison_free)

G_END_DECLS
