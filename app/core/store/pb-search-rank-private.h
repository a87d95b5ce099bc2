/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* One ranked row of a page text index, see _pb_search_rank_rows (). */
typedef struct
{
  gint64  rowid;
  double  rank;         /* bm25 (), the lower the better */
  gint64  report_id;
  char   *report_title;
  guint   page_number;  /* from 1 */
  char   *highlighted;  /* its text, each match between the markers */
} PbRankedRow;

GArray *_pb_search_rank_rows (sqlite3     *db,
                              const char  *table,
                              const char  *match,
                              guint        max_ranked,
                              guint        limit,
                              GHashTable  *skip,
                              GError     **error);

G_END_DECLS
