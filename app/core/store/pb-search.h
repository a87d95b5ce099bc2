/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

/* Around each matched term in a hit's raw snippet. */
#define PB_SEARCH_MATCH_START "\x01"
#define PB_SEARCH_MATCH_END   "\x02"

#define PB_TYPE_SEARCH_HIT (pb_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (PbSearchHit, pb_search_hit, PB, SEARCH_HIT, GObject)

gint64      pb_search_hit_get_report_id      (PbSearchHit *self);
const char *pb_search_hit_get_report_title   (PbSearchHit *self);
guint       pb_search_hit_get_page           (PbSearchHit *self);
double      pb_search_hit_get_rank           (PbSearchHit *self);
const char *pb_search_hit_get_raw_snippet    (PbSearchHit *self);
char       *pb_search_hit_dup_snippet        (PbSearchHit *self);
char       *pb_search_hit_dup_snippet_markup (PbSearchHit *self);

char       *pb_search_build_fts_query        (const char  *text,
                                              GError     **error);
GPtrArray  *pb_library_search                (PbLibrary   *library,
                                              const char  *text,
                                              guint        limit,
                                              GError     **error);

void        _pb_search_set_max_ranked_pages  (guint        n_pages);

G_END_DECLS
