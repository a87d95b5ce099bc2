/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most characters one character of a page becomes in reading text
 * ("ﬃ" becomes "ffi"). */
#define PB_TEXT_MAX_EXPANSION 4

/**
 * PbTextFindFlags:
 * @PB_TEXT_FIND_WHOLE_WORDS: the match starts at the start of a word and
 *   ends at the end of one
 */
typedef enum
{
  PB_TEXT_FIND_DEFAULT     = 0,
  PB_TEXT_FIND_WHOLE_WORDS = 1 << 0,
} PbTextFindFlags;

typedef struct _PbTextKey PbTextKey;

guint      pb_text_normalize_char      (gunichar            c,
                                        gunichar           *out);
char      *pb_text_normalize           (const char         *text);
char      *pb_text_to_plain            (const char         *text);
gboolean   pb_text_is_hyphen           (gunichar            c);

PbTextKey *pb_text_key_new             (const char         *text,
                                        gssize              length);
void       pb_text_key_free            (PbTextKey          *key);
guint      pb_text_key_get_length      (const PbTextKey    *key);
guint      pb_text_key_get_origin      (const PbTextKey    *key,
                                        guint               position);
gboolean   pb_text_key_is_word_start   (const PbTextKey    *key,
                                        guint               position);
gboolean   pb_text_key_is_word_end     (const PbTextKey    *key,
                                        guint               position);
gboolean   pb_text_key_find            (const PbTextKey    *haystack,
                                        const PbTextKey    *needle,
                                        guint               from,
                                        PbTextFindFlags     flags,
                                        guint              *out_start,
                                        guint              *out_end);
gboolean   pb_text_key_has_at          (const PbTextKey    *haystack,
                                        guint               position,
                                        const PbTextKey    *needle,
                                        guint               needle_start,
                                        guint               needle_end);

gboolean   pb_text_find                (const char         *text,
                                        const char         *quote,
                                        PbTextFindFlags     flags,
                                        gsize              *out_start,
                                        gsize              *out_end);
char      *pb_text_fingerprint_fold    (const char         *page);
char      *pb_text_fingerprint_of_folded (const char * const *folded,
                                          guint               n_pages);
char      *pb_text_fingerprint         (const char * const *pages,
                                        guint               n_pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbTextKey, pb_text_key_free)

G_END_DECLS
