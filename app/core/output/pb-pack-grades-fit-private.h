/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* How the grades matrix is set on a page, for the PDF and Word writers
 * alike (pb-pack-grades-fit.c): the type size, the columns' widths and how
 * the inspections are shared out between matrices that each fit the
 * page's width with every word whole. */

/* A note under a cell's words ("ILACS, 2018 to 2022") is set this much
 * smaller, as pango's "smaller" sets it. */
#define PB_GRADES_NOTE_SCALE (1.0 / 1.2)

/**
 * PbGradesFitSpec:
 * @family: the font family the writer sets the matrix in ("Sans", "Arial")
 * @width: the room across the page, in points
 * @first_inset: what the judgements' column takes besides its words
 *   (padding, rules), in points
 * @column_inset: the same for each inspection's column (with the rule a
 *   grade's colour draws beside it)
 * @max_column: the widest an inspection's column is made, in points,
 *   so that a matrix of one or two inspections is not stretched across
 *   the page
 * @sizes: (array zero-terminated=1): the type sizes to try, largest first,
 *   in points, ending with 0; the last is the smallest still read easily
 * @grade_lines: the most lines a grade's words ("Requires improvement to
 *   be good") should take, or 0 for no limit but whole words; a limit is
 *   given up only when keeping it would take the matrices past @page
 * @page: the room down a page for the matrices, in points (a page's body
 *   less the heading over them), or 0 not to weigh their height
 * @pad_y: what a cell takes above and below its words, in points
 * @line_spacing: the room between two lines of a cell, in points
 * @gap: the room between one matrix and the next (its caption and the
 *   space around it), in points
 * @slack: how much wider than pango measures them words are set by the
 *   renderer (1.04 when 0: Word's and LibreOffice's kerning); 1 for a
 *   writer that lays out with pango itself
 */
typedef struct
{
  const char   *family;
  double        width;
  double        first_inset;
  double        column_inset;
  double        max_column;
  const double *sizes;
  guint         grade_lines;
  double        page;
  double        pad_y;
  double        line_spacing;
  double        gap;
  double        slack;
} PbGradesFitSpec;

/**
 * PbGradesFit:
 * @font_size: the cells' type size, in points
 * @first_width: the judgements' column, in points, inset included
 * @column_width: each inspection's column, in points, inset included
 * @n_tables: how many matrices the inspections are shared between
 * @first_columns: (array length=n_tables + 1): the first inspection (from
 *   0) of each matrix, then the number of inspections
 */
typedef struct
{
  double  font_size;
  double  first_width;
  double  column_width;
  guint   n_tables;
  guint  *first_columns;
} PbGradesFit;

PbGradesFit *_pb_grades_fit_new  (const PbPackGrades    *grades,
                                  const PbGradesFitSpec *spec);
void         _pb_grades_fit_free (PbGradesFit           *fit);
char        *_pb_grades_column_text (const PbPackGradeColumn *column);
char        *_pb_grades_column_note (const PbPackGradeColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbGradesFit, _pb_grades_fit_free)

G_END_DECLS
