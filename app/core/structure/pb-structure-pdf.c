/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure-pdf"

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "pb-structure-private.h"
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
 * the page, so where the tree has the table its grades are the ones kept. */

static gboolean
is_cell (PopplerStructureElementKind kind)
{
  return kind == POPPLER_STRUCTURE_ELEMENT_TABLE_DATA ||
         kind == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING;
}

/* A row's cells, as plain text. */
static GPtrArray *
row_cells (PopplerStructureElementIter *row)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (row);

  if (child == NULL)
    return cells;

  do
    {
      g_autoptr(GObject) element = G_OBJECT (poppler_structure_element_iter_get_element (child));

      if (element != NULL && is_cell (poppler_structure_element_get_kind (POPPLER_STRUCTURE_ELEMENT (element))))
        {
          g_autofree char *text = poppler_structure_element_get_text (POPPLER_STRUCTURE_ELEMENT (element),
                                                                      POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
          char *cell = _pb_plain_text (text ? text : "");

          g_ptr_array_add (cells, g_strstrip (cell));
        }
    }
  while (poppler_structure_element_iter_next (child));

  poppler_structure_element_iter_free (child);
  return cells;
}

typedef struct
{
  PbGrade   judgements[PB_N_JUDGEMENTS];
  gboolean  combined;
  guint     n_rows;      /* judgement rows read */
  gboolean  done;        /* a judgement table has been read */
  GArray   *sections;    /* PbSection from the section headings, or NULL */
} TableReading;

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

static void
read_row (PopplerStructureElementIter *row,
          TableReading                *reading)
{
  g_autoptr(GPtrArray) cells = row_cells (row);
  gboolean combined = FALSE;
  PbGrade grade;
  guint mask;

  if (cells->len < 2)
    return;

  mask = _pb_classify_label (g_ptr_array_index (cells, 0), &combined);
  grade = _pb_grade_from_words (g_ptr_array_index (cells, cells->len - 1));
  if (mask == 0 || grade == PB_GRADE_NONE)
    return;

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if ((mask & (1u << j)) && reading->judgements[j] == PB_GRADE_NONE)
      reading->judgements[j] = grade;
  reading->combined = reading->combined || combined;
  reading->n_rows++;
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
          if (!reading->done)
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
          guint rows_before = reading->n_rows;

          walk (child, reading, depth + 1);
          poppler_structure_element_iter_free (child);

          /* The first table with judgements in it is the judgement table. */
          if (kind == POPPLER_STRUCTURE_ELEMENT_TABLE && reading->n_rows >= rows_before + 2)
            reading->done = TRUE;
        }
    }
  while ((!reading->done || reading->sections != NULL) && poppler_structure_element_iter_next (iter));
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
  TableReading reading = { { PB_GRADE_NONE }, FALSE, 0, TRUE, NULL };

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  /* Marked done, the table is not read again. */
  reading.sections = g_array_new (FALSE, TRUE, sizeof (PbSection));
  g_array_set_clear_func (reading.sections, (GDestroyNotify)section_clear);

  if (!read_tree (document, &reading))
    g_clear_pointer (&reading.sections, g_array_unref);
  return reading.sections;
}

/**
 * pb_structure_read_tagged_judgements:
 * @document: an open document
 * @judgements: (out caller-allocates) (array fixed-size=6): the grades read
 * @combined: (out): whether children in care and care leavers share a row
 *
 * Reads the judgement table from the document's structure tree.
 *
 * Returns: whether the tree has a judgement table
 */
gboolean
pb_structure_read_tagged_judgements (PopplerDocument *document,
                                     PbGrade          judgements[PB_N_JUDGEMENTS],
                                     gboolean        *combined)
{
  TableReading reading = { { PB_GRADE_NONE }, FALSE, 0, FALSE, NULL };

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);

  if (!read_tree (document, &reading) || !reading.done)
    return FALSE;

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    judgements[j] = reading.judgements[j];
  *combined = reading.combined;
  return TRUE;
}

/**
 * pb_structure_read_document:
 * @pages: the document's pages' reading text, %NULL-terminated
 *
 * Reads the structure from the text, then takes the judgement grades from
 * the tagged table where the document has one.
 */
PbStructure *
pb_structure_read_document (PopplerDocument    *document,
                            const char * const *pages)
{
  PbStructure *structure = pb_structure_read_text (pages);
  PbGrade tagged[PB_N_JUDGEMENTS];
  gboolean combined = FALSE;

  /* Only an inspection report has a judgement table to read. */
  if (structure->type != PB_DOCUMENT_SIF_INSPECTION && structure->type != PB_DOCUMENT_ILACS_INSPECTION)
    return structure;

  if (!pb_structure_read_tagged_judgements (document, tagged, &combined))
    return structure;

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if (tagged[j] != PB_GRADE_NONE)
      structure->judgements[j] = tagged[j];
  structure->cic_and_care_leavers_combined = structure->cic_and_care_leavers_combined || combined;

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
 *
 * Reads a PDF's pages as import does, then its structure. Touches no library.
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
  if (uri == NULL || !(document = pb_pdf_open (path, password, error)))
    return NULL;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    g_ptr_array_add (pages, pb_pdf_document_get_reading_text (document, (guint)i));
  g_ptr_array_add (pages, NULL);

  structure = pb_structure_read_document (document, (const char * const *)pages->pdata);
  g_object_unref (document);
  return structure;
}
