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

/* Which framework's words a judgement table's row labels use. */
typedef enum
{
  PB_LABEL_ERA_ANY,
  PB_LABEL_ERA_SIF,     /* 2013-2017: "2.1 Adoption performance" */
  PB_LABEL_ERA_ILACS,   /* 2018 on: "The experiences and progress of …" */
} PbLabelEra;

/* A judgement table, as the page layout or the tagged structure tree gives
 * it. */
typedef struct
{
  PbGrade   judgements[PB_N_JUDGEMENTS];
  gboolean  combined;         /* children in care and care leavers share a row */
  guint     n_rows;           /* rows read with both a label and a grade */
  guint     n_sif_rows;       /* … of them named in the SIF framework's words */
  guint     n_ilacs_rows;     /* … and in the ILACS framework's words */
  guint     end_line;         /* layout: the index of the line after the table */
  gboolean  in_order;         /* layout: each grade came straight after its label */
} PbTableReading;

/* Reads the tagged judgement table of the document being read into @table;
 * returns FALSE when it has none. */
typedef gboolean (*PbTaggedTableFunc) (gpointer        data,
                                       PbTableReading *table);

/* The whole reading, with the tagged table asked for only when the text
 * suggests an inspection report (pb-structure-reader.c). */
PbStructure   *_pb_structure_read                  (const char * const *pages,
                                                    PbTaggedTableFunc   tagged,
                                                    gpointer            data);

/* Plain apostrophes, quotes, dashes and spaces, for matching words. */
char          *_pb_plain_text                      (const char         *text);

/* Lines (pb-structure-lines.c): an array of Line, in page order. */
GArray        *_pb_structure_split_lines           (const char * const *pages);
void           _pb_structure_mark_running_lines    (GArray             *lines);
gboolean       _pb_structure_is_bullet             (const char         *line);
const char    *_pb_structure_line_at               (GArray             *lines,
                                                    guint               i);
char          *_pb_structure_join_lines            (GArray             *lines,
                                                    guint               from,
                                                    guint               n);
void           _pb_structure_append_line           (GString            *out,
                                                    const char         *text);
char          *_pb_structure_title_block           (GArray             *lines,
                                                    guint               n);
GRegex        *_pb_structure_regex                 (GRegex            **cache,
                                                    const char         *pattern,
                                                    GRegexCompileFlags  flags);
char          *_pb_structure_match_group           (GRegex             *regex,
                                                    const char         *text,
                                                    int                 group);
guint          _pb_structure_find_line             (GArray             *lines,
                                                    guint               from,
                                                    const char         *prefix,
                                                    guint               limit);
void           _pb_structure_add_reason            (PbStructure        *structure,
                                                    const char         *format,
                                                    ...) G_GNUC_PRINTF (2, 3);

/* What the document is (pb-structure-type.c): the title, the judgement table
 * and the lines that confirm them. Fills in the type, reasons and authority,
 * and for an inspection report the judgements and reinspection, with *@body
 * the line after its table; returns the index of the title's first line, or
 * G_MAXUINT. */
guint          _pb_structure_decide_type           (GArray             *lines,
                                                    PbTaggedTableFunc   tagged,
                                                    gpointer            data,
                                                    PbStructure        *structure,
                                                    guint              *body);

/* The first lines (pb-structure-header.c). */
char          *_pb_structure_clean_authority       (const char         *name);
int            _pb_structure_month_number          (const char         *name);
char          *_pb_structure_detect_authority      (GArray             *lines,
                                                    guint               title,
                                                    const char         *named);
gboolean       _pb_structure_read_date_span        (const char         *text,
                                                    GDate              *start,
                                                    GDate              *end);
void           _pb_structure_detect_stated_date    (GArray             *lines,
                                                    PbStructure        *structure);
void           _pb_structure_detect_dates          (GArray             *lines,
                                                    PbStructure        *structure);
char          *_pb_structure_clean_name            (const char         *raw);
char          *_pb_structure_detect_lead_inspector (GArray             *lines);

/* Letters: focused and monitoring visits, joint targeted area inspections
 * (pb-structure-letters.c). */
void           _pb_structure_read_letter           (GArray             *lines,
                                                    guint               title,
                                                    PbStructure        *structure);

/* Grades (pb-structure-grades.c). */
PbGrade        _pb_grade_from_words                (const char         *words);
PbGrade        _pb_grade_of_cell                   (const char         *cell);
guint          _pb_classify_label                  (const char         *label,
                                                    gboolean           *combined,
                                                    PbLabelEra         *era);
char          *_pb_split_label_and_grade           (const char         *cell,
                                                    PbGrade            *grade);
void           _pb_table_reading_add               (PbTableReading     *table,
                                                    guint               mask,
                                                    gboolean            combined,
                                                    PbLabelEra          era,
                                                    PbGrade             grade);
void           _pb_structure_read_table            (GArray             *lines,
                                                    PbTableReading     *table);
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
