/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-structure.h"

G_BEGIN_DECLS

/* Shared by the layout-text reader and the tagged-table reader, so both
 * read labels and grades with the same words. */
char    *_pb_plain_text       (const char *text);
PbGrade  _pb_grade_from_words (const char *words);
guint    _pb_classify_label   (const char *label,
                               gboolean   *combined);
const char *_pb_cohort_of_heading (const char *heading);

G_END_DECLS
