/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-recommendation-store.h"

G_BEGIN_DECLS

/* An authority's tracker as plain data, for a pack's Recommendations
 * section: every value already in words, status colours named as well as
 * given, nothing to look up. */

typedef struct
{
  gint64  finding_id;
  char   *report_title;
  guint   page;          /* page number from 1 */
  guint   paragraph;     /* paragraph number from 1, or 0 */
  char   *quote;
} PbTrackerEvidence;

typedef struct
{
  gint64      id;
  char       *text;
  char       *source;        /* "2019 inspection", a paper's title */
  char       *location;      /* "¶12, page 7", "page 2", or NULL */
  char      **cohorts;       /* slugs, never NULL */
  char       *owner;         /* "" when nobody is named */
  char       *due;           /* YYYY-MM-DD, or NULL */
  gboolean    overdue;
  const char *status;        /* "in_progress" */
  const char *status_label;  /* "In progress" */
  const char *rag;           /* "amber" */
  const char *rag_label;     /* "Amber" */
  const char *rag_color;     /* "#e5a50a" */
  char       *last_update;   /* YYYY-MM-DD of the latest entry, or NULL */
  char       *note;          /* the latest entry's note, or NULL */
  GPtrArray  *evidence;      /* PbTrackerEvidence, across the history, each once */
  char      **links;         /* "Repeated from the 2019 inspection", …; never NULL */
  gboolean    exempt;        /* not for publication: only ever in an exempt pack */
} PbTrackerRow;

void       pb_tracker_row_free    (PbTrackerRow                  *row);
GPtrArray *pb_library_get_tracker (PbLibrary                     *library,
                                   const PbRecommendationFilter  *filter,
                                   gboolean                       exempt_allowed,
                                   GError                       **error);

G_END_DECLS
