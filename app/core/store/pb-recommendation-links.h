/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-text-similarity.h"

G_BEGIN_DECLS

/* The least similarity (pb-text-similarity.h, weighted by the library's
 * tracked recommendations) at which two recommendations are offered as the
 * same one made again. Measured in tests/test-recommendation-links.c. */
#define PB_RECOMMENDATION_MATCH_THRESHOLD 0.35

/* An earlier item a report's recommendation may repeat. */
typedef struct
{
  gint64    item_id;
  double    score;       /* from 0 to 1 */
  char     *text;
  char     *summary;     /* "Repeated from the 2019 inspection" */
  gboolean  linked;      /* the link is confirmed already */
} PbLinkCandidate;

/* One recommendation of a report, and the items it may repeat. */
typedef struct
{
  guint       position;    /* in the report's list, from 0 */
  char       *text;
  guint       page;        /* page number from 1 */
  guint       paragraph;   /* paragraph number from 1, or 0 */
  const char *cohort;      /* a cohort slug, or NULL */
  gint64      item_id;     /* the item tracking it, or 0 */
  GPtrArray  *candidates;  /* PbLinkCandidate, most alike first */
} PbLinkSuggestion;

void        pb_link_suggestion_free                 (PbLinkSuggestion  *suggestion);
GPtrArray  *pb_library_suggest_recommendation_links (PbLibrary         *library,
                                                     gint64             report_id,
                                                     GError           **error);
guint       pb_library_count_likely_repeats         (PbLibrary         *library,
                                                     gint64             report_id,
                                                     gint64             item_id,
                                                     GError           **error);
gint64      pb_library_confirm_recommendation_link  (PbLibrary         *library,
                                                     gint64             report_id,
                                                     guint              position,
                                                     gint64             earlier_id,
                                                     GError           **error);
gboolean    pb_library_link_recommendations         (PbLibrary         *library,
                                                     gint64             id,
                                                     gint64             other_id,
                                                     GError           **error);
gboolean    pb_library_unlink_recommendations       (PbLibrary         *library,
                                                     gint64             id,
                                                     gint64             other_id,
                                                     GError           **error);
PbTextIndex *pb_library_new_recommendation_index    (PbLibrary         *library,
                                                     GError           **error);

G_END_DECLS
