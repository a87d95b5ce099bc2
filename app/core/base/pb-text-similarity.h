/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How alike two short texts are, on the words that carry their meaning:
 * used to find a recommendation Ofsted makes again in other words. */

typedef struct _PbTextIndex PbTextIndex;

/* Two texts of two lists found alike: their places in the lists. */
typedef struct
{
  guint  a;
  guint  b;
  double score;
} PbTextMatch;

char        *pb_text_stem             (const char   *word);
gboolean     pb_text_is_stop_word     (const char   *word);
GStrv        pb_text_words            (const char   *text);
double       pb_text_similarity       (const char   *a,
                                       const char   *b);

PbTextIndex *pb_text_index_new        (void);
void         pb_text_index_free       (PbTextIndex  *index);
void         pb_text_index_add        (PbTextIndex  *index,
                                       const char   *text);
guint        pb_text_index_get_size   (PbTextIndex  *index);
double       pb_text_index_similarity (PbTextIndex  *index,
                                       const char   *a,
                                       const char   *b);
GArray      *pb_text_match_lists      (PbTextIndex        *index,
                                       const char * const *a,
                                       const char * const *b,
                                       double              threshold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbTextIndex, pb_text_index_free)

G_END_DECLS
