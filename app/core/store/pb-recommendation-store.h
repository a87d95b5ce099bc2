/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-recommendation-item.h"

G_BEGIN_DECLS

/* Tracked recommendations in the library. Every call that changes one is a
 * transaction of its own, announced by PbLibrary::recommendation-changed. */

/* A recommendation entered by hand (from a council action plan, or from a
 * report whose list the structure reader missed). */
typedef struct
{
  const char         *authority;     /* required */
  const char         *text;          /* required */
  const char         *report_sha256; /* the report it is in, or NULL */
  guint               page;          /* page number from 1, or 0 */
  guint               paragraph;     /* paragraph number from 1, or 0 */
  const char * const *cohorts;       /* slugs, or NULL */
  const char         *owner;         /* or NULL */
  const char         *due;           /* YYYY-MM-DD, or NULL */
  const char         *source_label;  /* what it came from: "Improvement plan 2024" */
  const char         *source_date;   /* YYYY-MM-DD; NULL: the report's date, or today */
  gboolean            exempt;        /* not for publication */
} PbRecommendationDraft;

#define PB_RECOMMENDATION_DRAFT_INIT { NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, FALSE }

/* Which items to list: every field narrows, and the initial values match
 * all. */
typedef struct
{
  const char *authority;      /* as the reports name it (any case), or NULL */
  const char *cohort;         /* a cohort slug; PB_RECOMMENDATION_NO_COHORT
                               * for those with none; NULL for any */
  int         status;         /* the current PbRecommendationStatus, or -1 */
  gboolean    overdue;        /* only those past their due date and not met */
  gboolean    open;           /* only those not met */
  const char *report_sha256;  /* only those from this report, or NULL */
  const char *today;          /* YYYY-MM-DD "overdue" counts from; NULL: today */
} PbRecommendationFilter;

/* The filter's cohort for items that concern no cohort: they would
 * otherwise drop out of every cohort's view unseen. */
#define PB_RECOMMENDATION_NO_COHORT ""

#define PB_RECOMMENDATION_FILTER_INIT { NULL, NULL, -1, FALSE, FALSE, NULL, NULL }

/* One recommendation of a report as its text reads (the structure reader's
 * list, in the report's order). */
typedef struct
{
  guint       position;     /* in the report's list, from 0 */
  char       *text;
  guint       page;         /* page number from 1 */
  guint       paragraph;    /* paragraph number from 1, or 0 when in none */
  const char *cohort;       /* a built-in cohort slug, or NULL */
  gint64      item_id;      /* the item tracking it, or 0 */
} PbReportRecommendation;

/* Which date of an item a message about it names. */
typedef enum
{
  PB_RECOMMENDATION_DATE_STATUS,   /* the day a status was judged */
  PB_RECOMMENDATION_DATE_DUE,
  PB_RECOMMENDATION_DATE_SOURCE,   /* the day it was made */
} PbRecommendationDateField;

gboolean    pb_recommendation_check_date            (PbRecommendationDateField     field,
                                                     const char                   *text,
                                                     GError                      **error);
void        pb_report_recommendation_free           (PbReportRecommendation       *rec);

GPtrArray  *pb_library_list_report_recommendations  (PbLibrary                    *library,
                                                     gint64                        report_id,
                                                     GError                      **error);
gint64      pb_library_add_recommendation           (PbLibrary                    *library,
                                                     const PbRecommendationDraft  *draft,
                                                     GError                      **error);
GArray     *pb_library_add_report_recommendations   (PbLibrary                    *library,
                                                     gint64                        report_id,
                                                     GError                      **error);
gint64      pb_library_add_report_recommendation    (PbLibrary                    *library,
                                                     gint64                        report_id,
                                                     guint                         position,
                                                     GError                      **error);
gint64      pb_library_add_recommendation_from_suggestion (PbLibrary              *library,
                                                     gint64                        suggestion_id,
                                                     GError                      **error);
gint64      pb_library_add_recommendation_from_finding (PbLibrary                 *library,
                                                     gint64                        finding_id,
                                                     GError                      **error);
PbRecommendationItem *pb_library_get_recommendation (PbLibrary                    *library,
                                                     gint64                        id,
                                                     GError                      **error);
GPtrArray  *pb_library_list_recommendations         (PbLibrary                    *library,
                                                     const PbRecommendationFilter *filter,
                                                     GError                      **error);
GStrv       pb_library_list_tracked_authorities     (PbLibrary                    *library,
                                                     GError                      **error);
gboolean    pb_library_set_recommendation_cohorts   (PbLibrary                    *library,
                                                     gint64                        id,
                                                     const char * const           *cohorts,
                                                     GError                      **error);
gboolean    pb_library_delete_recommendation        (PbLibrary                    *library,
                                                     gint64                        id,
                                                     GError                      **error);

G_END_DECLS
