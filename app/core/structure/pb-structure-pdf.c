/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "pb-structure-private.h"
#include "pb-document.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"

/* The structure reader's adapter to poppler: the one file of core/structure
 * that sees a PDF. It reads a PDF's pages as import does and hands their text
 * to the reader, and reads the judgement table and the section headings from
 * the PDF's structure tree where it has one.
 *
 * The judgement table as the PDF's structure tree gives it.
 *
 * Published reports are mostly tagged: the judgements are a table whose rows
 * hold a label cell and a grade cell.  Read that way, a grade belongs to its
 * row by the document's own account rather than by where the words fall on
 * the page, so where the page text does not give each grade straight after
 * its label, and the tree has the table, its grades are the ones kept. The
 * reader asks for it only then: poppler reads a cell's text by reading its
 * whole page again, a second or more for a report's table. */

/* Past the first pages, or after this many cells, the judgement table is
 * not to be found: each cell's text costs a reading of its page. */
#define MAX_TABLE_PAGE 2     /* page index from 0 */
#define MAX_CELLS      160

typedef struct
{
  PbTableReading  table;
  gboolean        found;       /* a judgement table has been read */
  gboolean        stop;        /* past where one could be */
  guint           n_cells;     /* cells whose text was asked for */
  GArray         *sections;    /* PbSection from the section headings, or NULL */
} TableReading;

static gboolean
is_cell (PopplerStructureElementKind kind)
{
  return kind == POPPLER_STRUCTURE_ELEMENT_TABLE_DATA ||
         kind == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING;
}

/* A row's cells, as plain text. */
static GPtrArray *
row_cells (PopplerStructureElementIter *row,
           TableReading                *reading)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (row);

  if (child == NULL)
    return cells;

  do
    {
      g_autoptr(GObject) element = G_OBJECT (poppler_structure_element_iter_get_element (child));
      PopplerStructureElement *cell = POPPLER_STRUCTURE_ELEMENT (element);
      g_autofree char *text = NULL;

      if (element == NULL || !is_cell (poppler_structure_element_get_kind (cell)))
        continue;

      if (poppler_structure_element_get_page (cell) > MAX_TABLE_PAGE || ++reading->n_cells > MAX_CELLS)
        {
          reading->stop = TRUE;
          break;
        }

      text = poppler_structure_element_get_text (cell, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
      g_ptr_array_add (cells, g_strstrip (_pb_plain_text (text ? text : "")));
    }
  while (poppler_structure_element_iter_next (child));

  poppler_structure_element_iter_free (child);
  return cells;
}

/* "The experiences and progress of children in care: good" as a heading. */
static void
read_heading (PopplerStructureElement *element,
              TableReading            *reading)
{
  g_autofree char *raw = poppler_structure_element_get_text (element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
  g_autofree char *text = _pb_plain_text (raw ? raw : "");
  const char *colon = strchr (text, ':');
  PbSection section = { NULL, NULL, PB_GRADE_NONE, 0, 0 };

  if (colon == NULL)
    return;

  g_strdelimit (text, "\n", ' ');
  section.heading = g_strstrip (g_strndup (text, colon - text));
  section.cohort = _pb_cohort_of_heading (section.heading);
  section.grade = _pb_grade_from_words (g_strstrip ((char *)colon + 1));
  section.first_page = (guint)MAX (0, poppler_structure_element_get_page (element)) + 1;

  if (section.cohort == NULL || section.grade == PB_GRADE_NONE)
    {
      g_free (section.heading);
      return;
    }
  g_array_append_val (reading->sections, section);
}

/* A row: a label cell naming a judgement and a cell holding only its grade.
 * An indented row has an empty cell before its label; a row may hold its
 * label and grade in one cell. */
static void
read_row (PopplerStructureElementIter *row,
          TableReading                *reading)
{
  g_autoptr(GPtrArray) cells = row_cells (row, reading);
  PbLabelEra era = PB_LABEL_ERA_ANY;
  gboolean combined = FALSE;
  PbGrade grade = PB_GRADE_NONE;
  guint mask = 0;

  for (guint i = 0; i < cells->len && mask == 0; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      g_autofree char *label = NULL;

      if ((mask = _pb_classify_label (cell, &combined, &era)) == 0)
        continue;

      /* The grade in a later cell, else at the end of the label's own. */
      for (guint k = cells->len; k-- > i + 1 && grade == PB_GRADE_NONE;)
        grade = _pb_grade_of_cell (g_ptr_array_index (cells, k));
      if (grade == PB_GRADE_NONE && (label = _pb_split_label_and_grade (cell, &grade)) &&
          _pb_classify_label (label, &combined, &era) != mask)
        grade = PB_GRADE_NONE;
    }

  if (mask != 0 && grade != PB_GRADE_NONE)
    _pb_table_reading_add (&reading->table, mask, combined, era, grade);
}

static gboolean
walking (TableReading *reading)
{
  return reading->sections != NULL || (!reading->found && !reading->stop);
}

static void
walk (PopplerStructureElementIter *iter,
      TableReading                *reading,
      guint                        depth)
{
  /* Tables sit near the top of the tree; a deep tree is not worth the walk. */
  if (depth > 12)
    return;

  do
    {
      g_autoptr(GObject) element = G_OBJECT (poppler_structure_element_iter_get_element (iter));
      PopplerStructureElementKind kind = element ? poppler_structure_element_get_kind (POPPLER_STRUCTURE_ELEMENT (element))
                                                 : POPPLER_STRUCTURE_ELEMENT_CONTENT;
      PopplerStructureElementIter *child;

      if (kind == POPPLER_STRUCTURE_ELEMENT_TABLE_ROW)
        {
          if (reading->sections == NULL)
            read_row (iter, reading);
          continue;
        }

      if (kind >= POPPLER_STRUCTURE_ELEMENT_HEADING && kind <= POPPLER_STRUCTURE_ELEMENT_HEADING_6)
        {
          if (reading->sections != NULL)
            read_heading (POPPLER_STRUCTURE_ELEMENT (element), reading);
          continue;
        }

      if (kind == POPPLER_STRUCTURE_ELEMENT_CONTENT || kind == POPPLER_STRUCTURE_ELEMENT_PARAGRAPH ||
          kind == POPPLER_STRUCTURE_ELEMENT_SPAN || kind == POPPLER_STRUCTURE_ELEMENT_LINK)
        continue;

      if ((child = poppler_structure_element_iter_get_child (iter)) != NULL)
        {
          guint rows_before = reading->table.n_rows;

          walk (child, reading, depth + 1);
          poppler_structure_element_iter_free (child);

          /* The first table with judgements in it is the judgement table. */
          if (kind == POPPLER_STRUCTURE_ELEMENT_TABLE && reading->table.n_rows >= rows_before + 2)
            reading->found = TRUE;
        }
    }
  while (walking (reading) && poppler_structure_element_iter_next (iter));
}

static gboolean
read_tree (PopplerDocument *document,
           TableReading    *reading)
{
  PopplerStructureElementIter *root = poppler_structure_element_iter_new (document);

  if (root == NULL)
    return FALSE;

  walk (root, reading, 0);
  poppler_structure_element_iter_free (root);
  return TRUE;
}

static void
section_clear (PbSection *section)
{
  g_free (section->heading);
}

/**
 * pb_structure_read_tagged_sections:
 * @document: an open document
 *
 * Reads the cohort sections from the headings in the document's structure
 * tree: "The experiences and progress of care leavers: good".
 *
 * Returns: (transfer full) (nullable) (element-type PbSection): the
 *   sections with their grade and first page, or %NULL when the document
 *   has no structure tree
 */
GArray *
pb_structure_read_tagged_sections (PopplerDocument *document)
{
  TableReading reading = { { { PB_GRADE_NONE } }, FALSE, FALSE, 0, NULL };

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  /* With sections to read, the tables' rows are not read. */
  reading.sections = g_array_new (FALSE, TRUE, sizeof (PbSection));
  g_array_set_clear_func (reading.sections, (GDestroyNotify)section_clear);

  if (!read_tree (document, &reading))
    g_clear_pointer (&reading.sections, g_array_unref);
  return reading.sections;
}

static gboolean
read_tagged_table (PopplerDocument *document,
                   PbTableReading  *table)
{
  TableReading reading = { { { PB_GRADE_NONE } }, FALSE, FALSE, 0, NULL };

  if (!read_tree (document, &reading) || !reading.found)
    return FALSE;

  *table = reading.table;
  return TRUE;
}

/**
 * pb_structure_read_tagged_judgements:
 * @document: an open document
 * @judgements: (out caller-allocates) (array fixed-size=6): the grades read
 * @combined: (out): whether children in care and care leavers share a row
 *
 * Reads the judgement table from the document's structure tree: the first
 * table on its first three pages with two rows or more that name a
 * judgement and give its grade.
 *
 * Returns: whether the tree has a judgement table
 */
gboolean
pb_structure_read_tagged_judgements (PopplerDocument *document,
                                     PbGrade          judgements[PB_N_JUDGEMENTS],
                                     gboolean        *combined)
{
  PbTableReading table;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);

  if (!read_tagged_table (document, &table))
    return FALSE;

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    judgements[j] = table.judgements[j];
  *combined = table.combined;
  return TRUE;
}

typedef struct
{
  PopplerDocument *document;
  gboolean         tagged;     /* it has a tagged judgement table */
} Reading;

static gboolean
tagged_table_cb (gpointer        data,
                 PbTableReading *table)
{
  Reading *reading = data;

  return reading->tagged = read_tagged_table (reading->document, table);
}

/**
 * pb_structure_read_document:
 * @document: the open document whose pages @pages are
 * @pages: the document's pages' reading text, %NULL-terminated
 *
 * Reads the structure from the text, taking the judgement grades from the
 * tagged table where the document has one, and the sections' grades from
 * its tagged headings.
 *
 * Returns: (transfer full): what the document says about itself
 */
PbStructure *
pb_structure_read_document (PopplerDocument    *document,
                            const char * const *pages)
{
  Reading reading = { document, FALSE };
  PbStructure *structure;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pages != NULL, NULL);

  structure = _pb_structure_read (pages, tagged_table_cb, &reading);

  /* Only an inspection report has graded sections to read, and only one
   * tagged as far as its table is worth the walk. */
  if (!reading.tagged ||
      (structure->type != PB_DOCUMENT_SIF_INSPECTION && structure->type != PB_DOCUMENT_ILACS_INSPECTION))
    return structure;

  /* A section's grade as its tagged heading gives it. */
  {
    g_autoptr(GArray) headings = pb_structure_read_tagged_sections (document);

    for (guint i = 0; headings != NULL && i < structure->sections->len; i++)
      {
        PbSection *section = &g_array_index (structure->sections, PbSection, i);

        for (guint k = 0; k < headings->len; k++)
          if (g_strcmp0 (g_array_index (headings, PbSection, k).cohort, section->cohort) == 0)
            {
              section->grade = g_array_index (headings, PbSection, k).grade;
              break;
            }
      }
  }
  return structure;
}

/**
 * pb_structure_read_pdf:
 * @path: a PDF file
 * @password: (nullable): its password, if it is encrypted
 * @error: return location for a #GError (poppler's), or %NULL
 *
 * Reads a PDF's pages as import does, then its structure. Touches no library.
 *
 * Returns: (transfer full) (nullable): the structure, or %NULL with @error
 *   set when the file does not open as a PDF (poppler's error, or
 *   %PB_DOCUMENT_ERROR_DAMAGED for a PDF of no pages, which import refuses
 *   as damaged too)
 */
PbStructure *
pb_structure_read_pdf (const char  *path,
                       const char  *password,
                       GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  PopplerDocument *document;
  PbStructure *structure;

  /* Opened and read as import reads it (pb_pdf_document_get_reading_text ()
   * reads a page turned by /Rotate upright). */
  if (uri == NULL || !(document = pb_pdf_open_for_text (path, password, error)))
    return NULL;

  /* As import refuses it: a PDF of no pages is damaged. */
  if (poppler_document_get_n_pages (document) < 1)
    {
      g_set_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_DAMAGED, _("The PDF is damaged: it has no pages."));
      g_object_unref (document);
      return NULL;
    }

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    g_ptr_array_add (pages, pb_pdf_document_get_reading_text (document, (guint)i));
  g_ptr_array_add (pages, NULL);

  structure = pb_structure_read_document (document, (const char * const *)pages->pdata);
  g_object_unref (document);
  return structure;
}
