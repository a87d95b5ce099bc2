/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-grades-fit-private.h"
#include "pb-pack-tracker-fit.h"
#include "pb-pack-writers-private.h"
#include "pb-pdf-writer.h"

/* A pack as the PDF the panel receives, laid out as a council's own board
 * papers are: a cover with the council's name and logo, the meeting, the
 * agenda item, the title, who prepared it and how to reach them, and its
 * classification (with the Schedule 12A paragraph of an exempt pack, which
 * also heads every page); contents with page numbers; the grades of every
 * cited inspection as one matrix; then each section's findings, each
 * quoted passage with the line citing it.  Headings go H1 (the title), H2
 * (each part), H3 (an officer's headings), each a bookmark.  The layout
 * rules themselves (no forced page breaks, no split rows, no widows) are
 * the writer's (pb-pdf-layout.c). */

typedef struct
{
  PbPdfWriter *writer;
  PbPackWalk  *walk;
  gboolean     paginate_only;   /* for the pages alone: the logo is not read */
} Visit;

/* Ofsted's grades as tints, with a stronger rule beside each; the words
 * are always printed too, so colour is never the only sign. */
static void
grade_colors (PbGrade  grade,
              guint32 *fill,
              guint32 *bar)
{
  static const guint32 fills[] = { 0, 0xd3ecd9, 0xe3f0d2, 0xfcebc7, 0xf8d7d4 };
  static const guint32 bars[] = { 0, 0x1b7a3a, 0x5f8f2a, 0xb9770e, 0xb3261e };

  *fill = grade <= PB_GRADE_INADEQUATE ? fills[grade] : 0;
  *bar = grade <= PB_GRADE_INADEQUATE ? bars[grade] : 0;
}

static void
write_cover_details (PbPdfWriter      *writer,
                     const PbPackPart *part)
{
  static const double widths[] = { 0.28, 0.72 };
  PbPdfTable *table;

  if (part->n_details == 0)
    return;
  table = pb_pdf_table_new (2, widths);
  pb_pdf_table_set_borders (table, FALSE);
  for (guint i = 0; i < part->n_details; i++)
    {
      pb_pdf_table_add_row (table, FALSE);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_ROW_HEADER, part->details[i].label, NULL, 1, 0, 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, part->details[i].value, NULL, 1, 0, 0);
    }
  pb_pdf_writer_add_table (writer, table);
}

/* One matrix: the judgements down its side, inspections @from to @to
 * (from 0, @to not included) across, in whole words. */
static void
write_matrix (PbPdfWriter        *writer,
              const PbPackGrades *grades,
              const PbGradesFit  *fit,
              guint               from,
              guint               to)
{
  guint n = to - from;
  /* A few inspections a table: on the stack. */
  double *widths = g_newa (double, n + 1);
  PbPdfTable *table;

  widths[0] = fit->first_width / PB_PDF_BODY_WIDTH_POINTS;
  for (guint c = 0; c < n; c++)
    widths[c + 1] = fit->column_width / PB_PDF_BODY_WIDTH_POINTS;
  table = pb_pdf_table_new (n + 1, widths);
  pb_pdf_table_set_font_size (table, fit->font_size);
  pb_pdf_table_set_whole_words (table, TRUE);
  pb_pdf_table_set_compact (table, TRUE);

  pb_pdf_table_add_row (table, TRUE);
  pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, grades->corner, NULL, 1, 0, 0);
  for (guint c = from; c < to; c++)
    {
      const PbPackGradeColumn *column = &grades->columns[c];
      g_autofree char *text = _pb_grades_column_text (column);
      g_autofree char *note = _pb_grades_column_note (column);

      pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, text, note, 1, 0, 0);
      if (column->new_framework && c > from)
        pb_pdf_table_set_rule_before (table, c - from + 1);
    }

  for (guint r = 0; r < grades->n_rows; r++)
    {
      pb_pdf_table_add_row (table, FALSE);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_ROW_HEADER, grades->rows[r], NULL, 1, 0, 0);
      for (guint c = from; c < to; c++)
        {
          const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];
          guint32 fill, bar;

          if (cell->rows == 0)
            continue;
          grade_colors (cell->grade, &fill, &bar);
          pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, cell->text, cell->note, cell->rows, fill, bar);
        }
    }
  pb_pdf_writer_add_table (writer, table);
}

/* The grades as one matrix, or as several when the inspections will not
 * stand side by side (pb-pack-grades-fit.c), each after the first
 * captioned with the inspections it holds and following on the same page
 * when it fits there; then the key, its first line kept with the last
 * matrix.  The cells are compact and the type may go down to 7.5 points,
 * so that more inspections stand side by side with each grade in at most
 * two lines; a matrix too wide for that at 6 or 9 inspections and more is
 * set in whole words instead when that keeps it to one page. */
static void
write_grades (PbPdfWriter        *writer,
              const PbPackGrades *grades)
{
  static const double sizes[] = { 10, 9.5, 9, 8.5, 8, 7.5, 0 };
  const double pad = 2 * PB_PDF_TABLE_COMPACT_PAD_X;
  PbGradesFitSpec spec = {
    .family = "Sans",
    .width = PB_PDF_BODY_WIDTH_POINTS,
    .first_inset = pad,
    .column_inset = pad + PB_PDF_TABLE_BAR,
    .max_column = 130,
    .sizes = sizes,
    .grade_lines = 2,
    /* A page less the heading over the matrices and a little to spare,
     * since the height is only estimated. */
    .page = PB_PDF_BODY_HEIGHT_POINTS * 0.92 - 40,
    .pad_y = 2 * PB_PDF_TABLE_COMPACT_PAD_Y,
    .line_spacing = PB_PDF_TABLE_COMPACT_SPACING,
    /* A caption over each matrix but the first, and the space around it. */
    .gap = 32,
    /* The writer lays out with pango: a hair for rounding. */
    .slack = 1.01,
  };
  g_autoptr(PbGradesFit) fit = _pb_grades_fit_new (grades, &spec);

  for (guint t = 0; t < fit->n_tables; t++)
    {
      if (t > 0)
        {
          /* Translators: over the second and later tables of grades; the numbers count the inspections from the oldest, from 1 */
          g_autofree char *caption = g_strdup_printf (_("Grades at a glance (continued): inspections %u to %u"),
                                                      fit->first_columns[t] + 1, fit->first_columns[t + 1]);

          pb_pdf_writer_text (writer, PB_PDF_TEXT_CAPTION, caption);
          pb_pdf_writer_attach (writer);
        }
      write_matrix (writer, grades, fit, fit->first_columns[t], fit->first_columns[t + 1]);
    }

  for (guint i = 0; grades->key[i] != NULL; i++)
    {
      if (i == 0)
        pb_pdf_writer_attach (writer);
      pb_pdf_writer_text (writer, PB_PDF_TEXT_KEY, grades->key[i]);
    }
}

/* The type of a tracker's table: a step smaller than the body's, so that
 * a long tracker takes fewer pages. */
#define TRACKER_FONT_SIZE 9

/* The tracker as a table: the recommendation with where it comes from
 * and its evidence, owner, due date, status (its colour as a tint, a rule
 * and a word), last update and evidence count; the narrow columns as
 * wide as their widest words (pb-pack-tracker-fit.c), lines broken
 * between words only. */
static void
write_tracker (PbPdfWriter         *writer,
               const PbPackTracker *tracker)
{
  const PbTrackerFitSpec spec = { PB_PDF_BODY_WIDTH_POINTS, TRACKER_FONT_SIZE, 2 * 6.0, 4.0, FALSE };
  double widths[6];
  PbPdfTable *table;

  if (*tracker->filter != '\0')
    pb_pdf_writer_text (writer, PB_PDF_TEXT_SMALL, tracker->filter);
  if (tracker->n_rows == 0)
    {
      pb_pdf_writer_paragraph (writer, tracker->empty);
      return;
    }

  _pb_tracker_fit_widths (tracker, &spec, widths);
  table = pb_pdf_table_new (tracker->n_columns, widths);
  pb_pdf_table_set_font_size (table, TRACKER_FONT_SIZE);
  pb_pdf_table_set_whole_words (table, TRUE);
  pb_pdf_table_set_plain_row_headers (table, TRUE);
  pb_pdf_table_add_row (table, TRUE);
  for (guint c = 0; c < tracker->n_columns; c++)
    pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, tracker->headings[c], NULL, 1, 0, 0);

  for (guint r = 0; r < tracker->n_rows; r++)
    {
      const PbPackTrackerRow *row = &tracker->rows[r];
      g_autofree char *lines = g_strjoinv ("\n", (char **)row->lines);

      pb_pdf_table_add_row (table, FALSE);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_ROW_HEADER, row->text, *lines ? lines : NULL, 1, 0,
                             row->repeated ? 0x14213d : 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->owner, NULL, 1, 0, 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->due, row->due_note, 1, 0, 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->status, row->rag_label, 1, row->fill, row->bar);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->updated, NULL, 1, 0, 0);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->evidence, NULL, 1, 0, 0);
    }
  pb_pdf_writer_add_table (writer, table);
  pb_pdf_writer_attach (writer);
  pb_pdf_writer_text (writer, PB_PDF_TEXT_KEY, tracker->key);
}

static void
write_comparison (PbPdfWriter            *writer,
                  const PbPackComparison *comparison)
{
  static const double widths[] = { 0.40, 0.22, 0.22, 0.16 };
  PbPdfTable *table;

  if (comparison->withheld != NULL)
    {
      pb_pdf_writer_paragraph (writer, comparison->withheld);
      return;
    }

  pb_pdf_writer_paragraph (writer, comparison->intro);
  table = pb_pdf_table_new (4, widths);
  pb_pdf_table_add_row (table, TRUE);
  for (guint c = 0; c < 4; c++)
    pb_pdf_table_add_cell (table, PB_PDF_CELL_COLUMN_HEADER, comparison->headings[c], NULL, 1, 0, 0);
  for (guint r = 0; r < comparison->n_rows; r++)
    {
      const PbPackComparisonRow *row = &comparison->rows[r];
      guint32 fill, bar;

      pb_pdf_table_add_row (table, FALSE);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_ROW_HEADER, row->judgement, NULL, 1, 0, 0);
      grade_colors (row->before_grade, &fill, &bar);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->before, NULL, 1, fill, bar);
      grade_colors (row->after_grade, &fill, &bar);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->after, NULL, 1, fill, bar);
      pb_pdf_table_add_cell (table, PB_PDF_CELL_DATA, row->change, NULL, 1, 0, 0);
    }
  if (comparison->n_rows > 0)
    pb_pdf_writer_add_table (writer, table);
  else
    pb_pdf_table_free (table);

  for (guint l = 0; l < comparison->n_lists; l++)
    {
      const PbPackComparisonList *list = &comparison->lists[l];

      pb_pdf_writer_heading (writer, 3, list->heading);
      if (list->items[0] == NULL)
        pb_pdf_writer_paragraph (writer, list->empty);
      for (guint i = 0; list->items[i] != NULL; i++)
        pb_pdf_writer_bullet (writer, list->items[i]);
    }
}

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  Visit *visit = data;
  PbPdfWriter *writer = visit->writer;

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      {
        guint width, height;
        GBytes *logo = pb_pack_walk_get_logo (visit->walk, &width, &height);

        if (visit->paginate_only)
          pb_pdf_writer_masthead_space (writer, logo != NULL ? width : 0, logo != NULL ? height : 0, part->council);
        else if (!pb_pdf_writer_masthead (writer, logo, pb_pack_walk_get_logo_description (visit->walk),
                                          part->council, error))
          return FALSE;
        if (part->banner != NULL && part->exempt != NULL)
          {
            g_autofree char *warning = g_strdup_printf ("%s\n%s", part->banner, part->exempt);
            pb_pdf_writer_text (writer, PB_PDF_TEXT_WARNING, warning);
          }
        pb_pdf_writer_cover_title (writer, part->text);
        write_cover_details (writer, part);
        if (part->notice != NULL)
          pb_pdf_writer_paragraph (writer, part->notice);
        if (part->introduction != NULL)
          {
            pb_pdf_writer_heading (writer, 2, part->introduction_heading);
            pb_pdf_writer_paragraph (writer, part->introduction);
          }
      }
      break;

    case PB_PACK_PART_CONTENTS:
      if (part->n_links == 0)
        break;
      pb_pdf_writer_heading (writer, 2, part->text);
      pb_pdf_writer_begin_group (writer, "TOC");
      for (guint i = 0; i < part->n_links; i++)
        pb_pdf_writer_contents_entry (writer, part->links[i].text, part->links[i].anchor);
      pb_pdf_writer_end_group (writer);
      break;

    case PB_PACK_PART_GRADES:
      pb_pdf_writer_begin_group (writer, "Sect");
      pb_pdf_writer_heading_with_dest (writer, 2, part->text, part->anchor);
      write_grades (writer, part->grades);
      pb_pdf_writer_end_group (writer);
      break;

    case PB_PACK_PART_SECTION:
      pb_pdf_writer_begin_group (writer, "Sect");
      pb_pdf_writer_heading_with_dest (writer, 2, part->text, part->anchor);
      break;

    case PB_PACK_PART_HEADING:
      pb_pdf_writer_heading (writer, 3, part->text);
      break;

    case PB_PACK_PART_NOTE:
      pb_pdf_writer_paragraph (writer, part->text);
      break;

    case PB_PACK_PART_FINDING:
      pb_pdf_writer_quote (writer, part->text);
      pb_pdf_writer_attach (writer);
      pb_pdf_writer_text (writer, PB_PDF_TEXT_SMALL, part->about);
      if (part->note != NULL)
        {
          pb_pdf_writer_attach (writer);
          pb_pdf_writer_text (writer, PB_PDF_TEXT_NOTE, part->note);
        }
      pb_pdf_writer_space (writer, 8);
      break;

    case PB_PACK_PART_SECTION_END:
      pb_pdf_writer_end_group (writer);
      break;

    case PB_PACK_PART_TRACKER:
      write_tracker (writer, part->tracker);
      break;

    case PB_PACK_PART_COMPARISON:
      write_comparison (writer, part->comparison);
      break;

    default:
      break;
    }
  return TRUE;
}

/* A writer for @path (%NULL: only to be paginated) given the whole pack,
 * or %NULL with @error set. */
static PbPdfWriter *
write_walk (PbPackWalk  *walk,
            const char  *path,
            GError     **error)
{
  PbPack *pack = pb_pack_walk_get_pack (walk);
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autofree char *banner = NULL;
  const char *footer = pb_pack_walk_get_footer (walk);
  Visit visit;

  if (pb_pack_walk_get_banner (walk) != NULL)
    banner = g_strdup_printf ("%s\n%s", pb_pack_walk_get_banner (walk), pb_pack_walk_get_exempt_line (walk));

  writer = pb_pdf_writer_new (path, pb_pack_get_title (pack), pb_pack_walk_get_author (walk));
  pb_pdf_writer_set_subject (writer, pb_pack_walk_get_subject (walk));
  pb_pdf_writer_set_running_header (writer, banner, pb_pack_get_title (pack), pb_pack_walk_get_council (walk));
  pb_pdf_writer_set_footer (writer, *footer != '\0' ? footer : pb_pack_get_title (pack));
  pb_pdf_writer_set_outline (writer, TRUE);

  visit.writer = writer;
  visit.walk = walk;
  visit.paginate_only = path == NULL;
  if (!pb_pack_walk_run (walk, visit_cb, &visit, error))
    return NULL;
  return g_steal_pointer (&writer);
}

/**
 * _pb_pack_write_pdf:
 *
 * Writes the pack as a tagged PDF at @path.
 */
gboolean
_pb_pack_write_pdf (PbPackWalk  *walk,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(PbPdfWriter) writer = write_walk (walk, path, error);

  return writer != NULL && pb_pdf_writer_finish (writer, error);
}
