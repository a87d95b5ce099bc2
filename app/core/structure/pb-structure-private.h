/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-structure.h"

G_BEGIN_DECLS

/* Shared by the files of the structure reader, and with the tagged-table
 * reader in the PDF adapter, so that all read labels and grades with the same
 * words. */

/* One line of a report's text in reading order. */
typedef struct
{
  char  *text;       /* apostrophes and dashes made plain, for matching */
  guint  page;       /* from 1 */
  gsize  offset;     /* of the line in its page's text */
  gboolean running;  /* a header or footer repeated on the pages */
} Line;

/* Plain apostrophes, quotes, dashes and spaces, for matching words. */
char          *_pb_plain_text                      (const char         *text);

/* Lines (pb-structure-lines.c): an array of Line, in page order. */
GArray        *_pb_structure_split_lines           (const char * const *pages);
void           _pb_structure_mark_running_lines    (GArray             *lines);
const char    *_pb_structure_line_at               (GArray             *lines,
                                                    guint               i);
char          *_pb_structure_title_block           (GArray             *lines,
                                                    guint               n);
char          *_pb_structure_match_group           (const char         *pattern,
                                                    const char         *text,
                                                    int                 group);
guint          _pb_structure_find_line             (GArray             *lines,
                                                    guint               from,
                                                    const char         *prefix,
                                                    guint               limit);

/* The first lines (pb-structure-header.c). */
PbDocumentType _pb_structure_detect_type           (GArray             *lines);
char          *_pb_structure_detect_authority      (GArray             *lines,
                                                    PbDocumentType      type);
void           _pb_structure_detect_dates          (GArray             *lines,
                                                    PbStructure        *structure);
char          *_pb_structure_detect_lead_inspector (GArray             *lines);

/* Grades (pb-structure-grades.c). */
PbGrade        _pb_grade_from_words                (const char         *words);
guint          _pb_classify_label                  (const char         *label,
                                                    gboolean           *combined);
guint          _pb_structure_read_table            (GArray             *lines,
                                                    guint               start,
                                                    PbStructure        *structure);
void           _pb_structure_read_sif_overall      (GArray             *lines,
                                                    PbStructure        *structure);

/* The body (pb-structure-body.c). */
const char    *_pb_cohort_of_heading               (const char         *heading);
void           _pb_structure_read_recommendations  (GArray             *lines,
                                                    guint               from,
                                                    PbStructure        *structure);
void           _pb_structure_read_body             (GArray             *lines,
                                                    guint               from,
                                                    PbStructure        *structure);

G_END_DECLS
