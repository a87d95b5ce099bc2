/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-recommendation-item.h"

G_BEGIN_DECLS

/* The store fills an item in as it reads it: items are values, read again
 * whole after every change, never changed in place. */
struct _PbRecommendationItem
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *authority;
  char                   *text;
  char                   *report_sha256;   /* NULL for an item entered by hand */
  gint64                  report_id;       /* 0 likewise */
  char                   *report_title;
  PbDocumentType          document_type;
  char                   *source_date;     /* YYYY-MM-DD, or NULL */
  char                   *source_label;    /* what an item by hand came from, or "" */
  guint                   paragraph;       /* number from 1, or 0 */
  guint                   page;            /* number from 1, or 0 */
  char                  **cohorts;         /* slugs, never NULL */
  char                   *owner;           /* "" when nobody is named */
  char                   *due;             /* YYYY-MM-DD, or NULL */
  gboolean                overdue;
  gboolean                exempt;
  PbRecommendationStatus  status;
  char                   *status_date;     /* the latest entry's date, or NULL */
  char                   *status_note;     /* the latest entry's note, or NULL */
  guint                   evidence_count;
  guint                   link_count;
  GDateTime              *created;
  GDateTime              *updated;
};

PbRecommendationItem *_pb_recommendation_item_new (void);
char                 *_pb_recommendation_phrase   (PbDocumentType  type,
                                                   const char     *date,
                                                   const char     *title,
                                                   gboolean        with_article);

G_END_DECLS
