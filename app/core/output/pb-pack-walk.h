/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-finding.h"
#include "pb-library.h"
#include "pb-pack.h"
#include "pb-report.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/**
 * PbExportProgressFunc:
 * @fraction: how much of the export is done, from 0 to 1
 *
 * Called from the thread that runs the export.
 */
typedef void (*PbExportProgressFunc) (double   fraction,
                                      gpointer user_data);

/**
 * PbPackExportOptions:
 * @council: (nullable): the council's name, for the cover, the running
 *   header and the document's properties
 * @logo_path: (nullable): the council's logo, a PNG file, for the cover
 * @default_author: (nullable): who prepared the pack when the pack itself
 *   does not say
 *
 * What an export takes from the app's preferences rather than from the
 * pack.  Every field may be %NULL or empty; the export then leaves that
 * part out.
 */
typedef struct
{
  const char *council;
  const char *logo_path;
  const char *default_author;
} PbPackExportOptions;

PbPackExportOptions *pb_pack_export_options_copy (const PbPackExportOptions *options);
void                 pb_pack_export_options_free (PbPackExportOptions       *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackExportOptions, pb_pack_export_options_free)

/**
 * PbPackPartKind:
 * @PB_PACK_PART_COVER: first and once: the council, the pack's title and
 *   details, the exempt statement and the introduction
 * @PB_PACK_PART_CONTENTS: once: the parts a reader can jump to
 * @PB_PACK_PART_GRADES: once, when the pack cites an inspection: the grades
 *   of every cited inspection as one matrix
 * @PB_PACK_PART_SECTION: a section with something to print begins
 * @PB_PACK_PART_HEADING: a heading an officer put in a section
 * @PB_PACK_PART_NOTE: a paragraph an officer put in a section
 * @PB_PACK_PART_FINDING: a finding that may be printed in this pack
 * @PB_PACK_PART_SECTION_END: the section begun last is over
 * @PB_PACK_PART_TRACKER: in a recommendations section, after its headings
 *   and notes: the recommendation tracker as a table
 * @PB_PACK_PART_COMPARISON: in a comparison section, after its headings and
 *   notes: two reports of one authority compared
 *
 * The parts of a pack, in the order pb_pack_walk_run() gives them.
 */
typedef enum
{
  PB_PACK_PART_COVER,
  PB_PACK_PART_CONTENTS,
  PB_PACK_PART_GRADES,
  PB_PACK_PART_SECTION,
  PB_PACK_PART_HEADING,
  PB_PACK_PART_NOTE,
  PB_PACK_PART_FINDING,
  PB_PACK_PART_SECTION_END,
  PB_PACK_PART_TRACKER,
  PB_PACK_PART_COMPARISON,
} PbPackPartKind;

/**
 * PbPackLink:
 * @text: what the contents list says
 * @anchor: the destination's name, as in #PbPackPart's @anchor
 */
typedef struct
{
  const char *text;
  const char *anchor;
} PbPackLink;

/**
 * PbPackDetail:
 * @label: what the line is ("Date of meeting")
 * @value: its value, in words ("12 March 2026")
 *
 * One line of a cover's details, as council papers set them out.
 */
typedef struct
{
  const char *label;
  const char *value;
} PbPackDetail;

/**
 * PbPackGradeColumn:
 * @authority: the authority inspected, by its short name ("Barnsley"), or
 *   "" when the report does not say
 * @heading: when the inspection was, in words ("October 2019")
 * @framework: the framework it was judged under ("ILACS, 2018 to 2022")
 * @citation: the inspection in full, for the key under the matrix: its
 *   column's heading, then the authority, the kind of report, its dates
 *   and framework
 * @new_framework: judged under another framework than the column before,
 *   so its grades are not like for like with those to its left
 *
 * One inspection: a column of the grades matrix.
 */
typedef struct
{
  const char *authority;
  const char *heading;
  const char *framework;
  const char *citation;
  gboolean    new_framework;
} PbPackGradeColumn;

/**
 * PbPackGradeCell:
 * @grade: the grade, or %PB_GRADE_NONE when this inspection did not make
 *   this judgement
 * @text: the grade in words, or "Not judged"
 * @note: (nullable): a line under the grade ("Judged together")
 * @rows: how many rows the cell covers from its own down: 1, or 2 for a
 *   judgement of children in care and care leavers together; 0 for a cell
 *   covered by the one above it
 */
typedef struct
{
  PbGrade     grade;
  const char *text;
  const char *note;
  guint       rows;
} PbPackGradeCell;

/**
 * PbPackGrades:
 * @corner: the heading over the judgements' column ("Judgement")
 * @columns: (array length=n_columns): the cited inspections, oldest first
 * @rows: (array length=n_rows): the judgements any of them made
 * @cells: (array): @n_rows × @n_columns cells, row by row
 * @key: (array zero-terminated=1): lines to print under the matrix: what
 *   the marks mean, and each inspection in full
 *
 * The grades of every inspection a pack cites, as one table.
 */
typedef struct
{
  const char              *corner;
  const PbPackGradeColumn *columns;
  guint                    n_columns;
  const char * const      *rows;
  guint                    n_rows;
  const PbPackGradeCell   *cells;
  const char * const      *key;
} PbPackGrades;

/**
 * PbPackTrackerRow:
 * @text: the recommendation, as it was made
 * @lines: (array zero-terminated=1): lines under it: a link to an earlier
 *   recommendation it repeats ("Repeated from the 2019 inspection") first,
 *   then where it comes from, its cohorts, the latest note and each piece
 *   of evidence
 * @repeated: it repeats an earlier recommendation: print that first line
 *   so that it stands out
 * @owner: who owns it, or "Not assigned"
 * @due: its due date in words, or "None set"
 * @due_note: (nullable): "Overdue" when it is past due and not met
 * @status: its status in words ("In progress")
 * @rag_label: the status's colour in words ("Amber"), printed with the
 *   status so that colour is never the only sign
 * @rag: the colour's name: "red", "amber" or "green"
 * @fill: a light tint of the colour, for the cell, as 0xRRGGBB
 * @bar: the colour itself, for a rule beside the cell, as 0xRRGGBB
 * @updated: the date of the latest status in words, or "Not yet"
 * @evidence: how many findings evidence it, in digits
 *
 * One tracked recommendation, every value in words.
 */
typedef struct
{
  const char         *text;
  const char * const *lines;
  gboolean            repeated;
  const char         *owner;
  const char         *due;
  const char         *due_note;
  const char         *status;
  const char         *rag_label;
  const char         *rag;
  guint32             fill;
  guint32             bar;
  const char         *updated;
  const char         *evidence;
} PbPackTrackerRow;

/**
 * PbPackTracker:
 * @filter: what the table shows, in words ("Harrowdale; care leavers;
 *   overdue only")
 * @headings: (array length=n_columns): the columns' headings:
 *   recommendation, owner, due, status, last update, evidence
 * @rows: (array length=n_rows): the recommendations, oldest source first
 * @empty: what to print instead of the table when there are no rows
 * @key: what the colours mean, for under the table
 *
 * A recommendations section's table. A public pack's has nothing exempt
 * in it: no exempt item, no exempt evidence, no note given with exempt
 * evidence (pb_library_get_tracker()).
 */
typedef struct
{
  const char              *filter;
  const char * const      *headings;
  guint                    n_columns;
  const PbPackTrackerRow  *rows;
  guint                    n_rows;
  const char              *empty;
  const char              *key;
} PbPackTracker;

/**
 * PbPackComparisonRow:
 * @judgement: what was judged ("The experiences and progress of children
 *   in care")
 * @before: the earlier grade in words, or "Not judged"
 * @after: the later grade in words, or "Not judged"
 * @change: "Improved", "Declined", "No change", or "" when one is missing
 * @before_grade: the earlier grade, for its colour
 * @after_grade: the later grade
 */
typedef struct
{
  const char *judgement;
  const char *before;
  const char *after;
  const char *change;
  PbGrade     before_grade;
  PbGrade     after_grade;
} PbPackComparisonRow;

/**
 * PbPackComparisonList:
 * @heading: "Made again", "New", "No longer made"
 * @items: (array zero-terminated=1): the recommendations
 * @empty: what to print when @items is empty
 */
typedef struct
{
  const char         *heading;
  const char * const *items;
  const char         *empty;
} PbPackComparisonList;

/**
 * PbPackComparison:
 * @withheld: (nullable): when set, why the comparison is left out (a
 *   report of it is not for publication and the pack is public); nothing
 *   else is set then
 * @intro: which reports are compared, in a sentence
 * @headings: (array length=4): the table's headings: the judgement, the
 *   earlier report, the later one, the change
 * @rows: (array length=n_rows): each judgement either report made
 * @lists: (array length=n_lists): the recommendations made again, new,
 *   and no longer made
 *
 * A comparison section's content.
 */
typedef struct
{
  const char                 *withheld;
  const char                 *intro;
  const char * const         *headings;
  const PbPackComparisonRow  *rows;
  guint                       n_rows;
  const PbPackComparisonList *lists;
  guint                       n_lists;
} PbPackComparison;

/**
 * PbPackPart:
 * @kind: what this part is
 * @text: the cover's pack title; the contents' heading; the grades'
 *   heading; a section's title; a heading's or a note's text; a finding's
 *   quote
 * @anchor: (nullable): for the grades and each section, a name to link to
 *   ("grades", "section-2"), unique within the pack
 * @banner: (nullable): on the cover of an exempt pack, "NOT FOR
 *   PUBLICATION"
 * @exempt: (nullable): on the cover of an exempt pack, why it is exempt:
 *   the Schedule 12A paragraph, then its description
 * @council: (nullable): on the cover, the council's name
 * @details: (array length=n_details): on the cover, the lines under the
 *   title: committee, meeting date, agenda item, author, contact,
 *   classification, date produced
 * @notice: (nullable): on the cover, what the pack leaves out: that it
 *   has no findings, or how many findings marked exempt since they were
 *   added a public pack leaves out
 * @introduction: (nullable): on the cover, the officer's introduction
 * @introduction_heading: the heading over the introduction
 * @links: (array length=n_links): the contents
 * @grades: the grades matrix
 * @finding: a finding
 * @about: under a finding's quote: where it comes from and what it is
 *   (pb_citation_format_about())
 * @note: (nullable): the officer's note on a finding, as a line to print
 * @section: the title of the section a finding is in
 * @cohorts: a finding's cohorts, in words, separated by "; "
 * @report: (nullable): a finding's report as the library lists it (the
 *   title the app shows it under, every date it knows), or %NULL when
 *   the report is gone
 * @structure: (nullable): a finding's report as the library read it
 *   (authority, kind of report, dates), or %NULL when it has none
 * @tracker: the recommendation tracker's table
 * @comparison: two reports compared
 *
 * One part of a pack; each field belongs to the kinds it names and is
 * otherwise %NULL or 0.  Everything lives until the next part.
 */
typedef struct
{
  PbPackPartKind      kind;
  const char         *text;
  const char         *anchor;

  const char         *banner;
  const char         *exempt;
  const char         *council;
  const PbPackDetail *details;
  guint               n_details;
  const char         *notice;
  const char         *introduction;
  const char         *introduction_heading;

  const PbPackLink   *links;
  guint               n_links;

  const PbPackGrades *grades;

  PbFinding          *finding;
  const char         *about;
  const char         *note;
  const char         *section;
  const char         *cohorts;
  PbReport           *report;
  PbStructure        *structure;

  const PbPackTracker    *tracker;
  const PbPackComparison *comparison;
} PbPackPart;

/**
 * PbPackVisitFunc:
 * @part: the next part of the pack
 * @user_data: what was given to pb_pack_walk_run()
 * @error: for the visitor's own failure
 *
 * Returns: %TRUE to go on, %FALSE with @error set to stop
 */
typedef gboolean (*PbPackVisitFunc) (const PbPackPart  *part,
                                     gpointer           user_data,
                                     GError           **error);

typedef struct _PbPackWalk PbPackWalk;

PbPackWalk *pb_pack_walk_new            (PbLibrary                  *library,
                                         gint64                      pack_id,
                                         const PbPackExportOptions  *options,
                                         GCancellable               *cancellable,
                                         PbExportProgressFunc        progress,
                                         gpointer                    progress_data,
                                         GError                    **error);
gboolean    pb_pack_check_logo          (const char            *path,
                                         GError               **error);
PbPack     *pb_pack_walk_get_pack       (PbPackWalk            *self);
const char *pb_pack_walk_get_banner     (PbPackWalk            *self);
const char *pb_pack_walk_get_exempt_line (PbPackWalk           *self);
const char *pb_pack_walk_get_council    (PbPackWalk            *self);
const char *pb_pack_walk_get_author     (PbPackWalk            *self);
const char *pb_pack_walk_get_subject    (PbPackWalk            *self);
const char *pb_pack_walk_get_classification (PbPackWalk        *self);
const char *pb_pack_walk_get_footer     (PbPackWalk            *self);
GBytes     *pb_pack_walk_get_logo       (PbPackWalk            *self,
                                         guint                 *width,
                                         guint                 *height);
const char *pb_pack_walk_get_logo_description (PbPackWalk      *self);
guint       pb_pack_walk_get_n_findings (PbPackWalk            *self);
gboolean    pb_pack_walk_run            (PbPackWalk            *self,
                                         PbPackVisitFunc        visit,
                                         gpointer               user_data,
                                         GError               **error);
void        pb_pack_walk_report         (PbPackWalk            *self,
                                         double                 fraction);
void        pb_pack_walk_free           (PbPackWalk            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackWalk, pb_pack_walk_free)

G_END_DECLS
