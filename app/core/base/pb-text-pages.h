/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PbTextSpan:
 * @start: byte offset of the first byte
 * @end: byte offset just after the last
 *
 * A part of a page's text.
 */
typedef struct
{
  gsize start;
  gsize end;
} PbTextSpan;

gboolean  pb_text_line_is_page_number (const char         *line,
                                       gssize              length);
PbTextSpan *pb_text_find_page_bodies  (const char * const *pages,
                                       guint               n_pages);
char     *pb_text_page_break_join     (const char         *before,
                                       PbTextSpan          before_body,
                                       const char         *after,
                                       PbTextSpan          after_body);
GPtrArray *pb_text_page_break_joins   (const char * const *pages,
                                       guint               n_pages);
char     *pb_text_hyphen_joins        (const char         *page);
char     *pb_text_join_broken_words   (const char         *text);
char     *pb_text_join_lines          (const char         *text,
                                       gssize              length);
GPtrArray *pb_text_page_extras        (const char * const *pages,
                                       guint               n_pages);

G_END_DECLS
