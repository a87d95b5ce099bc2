/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-dates.h"
#include "pb-pack-grades-private.h"

/* "Grades at a glance": every inspection a pack cites in one table, the
 * judgements down the side and the inspections across, oldest first, as
 * the panel compares them.  A judgement of children in care and care
 * leavers together (the 2018 framework's) is one cell over both rows, and
 * a column judged under another framework than the one before it says so,
 * since its grades are not like for like.  Which rows appear, in which
 * order, follows the app's own overview (pb-cohort-overview.c): a row no
 * inspection judged is left out. */

typedef enum
{
  FRAMEWORK_SIF,
  FRAMEWORK_ILACS_2018,
  FRAMEWORK_ILACS_2023,
  FRAMEWORK_ILACS_2026,
} Framework;

struct _PbPackGradesTable
{
  PbPackGrades  grades;
  GArray       *columns;   /* PbPackGradeColumn */
  GPtrArray    *rows;      /* const char *, NULL-terminated */
  GArray       *cells;     /* PbPackGradeCell */
  GPtrArray    *key;       /* const char *, NULL-terminated */
  GStringChunk *strings;   /* every string the table points to */
};

typedef struct
{
  PbStructure *structure;
  const char  *title;
  GDate        date;        /* the inspection's end, else publication; maybe invalid */
  gboolean     published;   /* @date is the publication date */
  guint        order;       /* as first cited, to keep undated ones in place */
} Column;

static const PbJudgement row_judgements[] = {
  PB_JUDGEMENT_OVERALL,
  PB_JUDGEMENT_LEADERS,
  PB_JUDGEMENT_HELP_AND_PROTECTION,
  PB_JUDGEMENT_CHILDREN_IN_CARE,
  PB_JUDGEMENT_CARE_LEAVERS,
  PB_JUDGEMENT_ADOPTION,
};

/* The day a report is dated by: its inspection's last day when known and
 * believable, else the day it was published. */
static void
report_date (PbStructure *structure,
             GDate       *date,
             gboolean    *published)
{
  const GDate *end = pb_structure_get_inspection_end (structure);

  *published = end == NULL;
  if (end != NULL)
    *date = *end;
  else
    *date = structure->published;
}

/* ILACS judged children in care and care leavers together from 2018 to
 * 2022, apart from January 2023, and gave no overall effectiveness grade
 * from April 2026. */
static Framework
framework_of (const Column *column)
{
  const PbStructure *s = column->structure;

  if (s->type == PB_DOCUMENT_SIF_INSPECTION)
    return FRAMEWORK_SIF;
  if (s->cic_and_care_leavers_combined)
    return FRAMEWORK_ILACS_2018;
  if (g_date_valid (&column->date))
    {
      if (g_date_get_year (&column->date) < 2023)
        return FRAMEWORK_ILACS_2018;
      if (g_date_get_year (&column->date) > 2026 ||
          (g_date_get_year (&column->date) == 2026 && g_date_get_month (&column->date) >= G_DATE_APRIL))
        return FRAMEWORK_ILACS_2026;
    }
  return FRAMEWORK_ILACS_2023;
}

static const char *
framework_label (Framework framework)
{
  switch (framework)
    {
    case FRAMEWORK_SIF:
      /* Translators: an Ofsted inspection framework, under a column of grades */
      return _("SIF, 2013 to 2017");
    case FRAMEWORK_ILACS_2018:
      return _("ILACS, 2018 to 2022");
    case FRAMEWORK_ILACS_2026:
      return _("ILACS, from April 2026");
    case FRAMEWORK_ILACS_2023:
    default:
      return _("ILACS, 2023 on");
    }
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const Column *x = a, *y = b;

  if (g_date_valid (&x->date) && g_date_valid (&y->date) && g_date_compare (&x->date, &y->date) != 0)
    return g_date_compare (&x->date, &y->date);
  return x->order < y->order ? -1 : x->order > y->order;
}

static const char *
intern (PbPackGradesTable *self,
        const char        *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

static const char *
take (PbPackGradesTable *self,
      char              *text)
{
  const char *kept = g_string_chunk_insert_const (self->strings, text);

  g_free (text);
  return kept;
}

static void
add_column (PbPackGradesTable *self,
            const Column      *column,
            gboolean           new_framework)
{
  g_autofree char *dates = pb_format_inspection_dates (column->structure);
  g_autofree char *published = pb_date_format (&column->structure->published);
  const char *source;
  const char *authority = column->structure->local_authority;
  PbPackGradeColumn out = { NULL };
  char month[64];
  const char *framework = framework_label (framework_of (column));
  const char *label;

  if (!g_date_valid (&column->date))
    out.heading = intern (self, _("Date not known"));
  else
    {
      /* Translators: a month and year heading a column of grades; see strftime(3) */
      g_date_strftime (month, sizeof month, _("%B %Y"), &column->date);
      /* Translators: a column of grades dated only by the report's publication */
      out.heading = column->published ? take (self, g_strdup_printf (_("Published %s"), month)) : intern (self, month);
    }
  out.authority = intern (self, authority != NULL ? authority : "");
  out.framework = framework;
  out.new_framework = new_framework;

  /* The key names the report by its authority and kind, as citations do
   * (pb_citation_format_source()), and by its title only when it names no
   * authority: never by a file name. */
  if (*out.authority != '\0')
    {
      /* Translators: a column's heading in the key under the grades: "Barnsley, June 2023" */
      label = take (self, g_strdup_printf (_("%s, %s"), out.authority, out.heading));
      source = pb_document_type_get_label (column->structure->type);
    }
  else
    {
      label = out.heading;
      source = column->title;
    }
  if (dates != NULL)
    /* Translators: the key under the grades; a column's heading, the kind of report, the inspection's dates, its framework */
    out.citation = take (self, g_strdup_printf (_("%s: %s, inspected %s (%s)."), label, source, dates, framework));
  else if (published != NULL)
    out.citation = take (self, g_strdup_printf (_("%s: %s, published %s (%s)."), label, source, published, framework));
  else
    out.citation = take (self, g_strdup_printf (_("%s: %s (%s)."), label, source, framework));

  g_array_append_val (self->columns, out);
}

/* Children in care and care leavers judged together, as one grade. */
static gboolean
judged_together (PbStructure *structure)
{
  return structure->cic_and_care_leavers_combined &&
         structure->judgements[PB_JUDGEMENT_CARE_LEAVERS] != PB_GRADE_NONE;
}

static void
add_row (PbPackGradesTable *self,
         GArray            *columns,
         PbJudgement        judgement)
{
  g_ptr_array_add (self->rows, (gpointer)pb_judgement_get_label (judgement));

  for (guint c = 0; c < columns->len; c++)
    {
      PbStructure *s = g_array_index (columns, Column, c).structure;
      PbPackGradeCell cell = { s->judgements[judgement], NULL, NULL, 1 };
      gboolean together = judged_together (s);

      if (together && judgement == PB_JUDGEMENT_CARE_LEAVERS)
        cell.rows = 0;
      else if (together && judgement == PB_JUDGEMENT_CHILDREN_IN_CARE)
        {
          cell.rows = 2;
          /* Translators: under a grade given to children in care and care leavers together */
          cell.note = _("Children in care and care leavers judged together");
        }

      /* Translators: in the grades matrix, for a judgement an inspection did not make */
      cell.text = cell.grade != PB_GRADE_NONE ? pb_grade_get_label (cell.grade) : _("Not judged");
      g_array_append_val (self->cells, cell);
    }
}

/**
 * _pb_pack_grades_table_new:
 * @structures: (array length=n_reports): the inspections a pack cites, as
 *   first cited
 * @titles: (array length=n_reports): their reports' titles
 *
 * Returns: (transfer full): the matrix of their grades
 */
PbPackGradesTable *
_pb_pack_grades_table_new (PbStructure * const *structures,
                           const char * const  *titles,
                           guint                n_reports)
{
  PbPackGradesTable *self = g_new0 (PbPackGradesTable, 1);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  gboolean any_together = FALSE, any_change = FALSE;

  self->columns = g_array_new (FALSE, TRUE, sizeof (PbPackGradeColumn));
  self->rows = g_ptr_array_new ();
  self->cells = g_array_new (FALSE, TRUE, sizeof (PbPackGradeCell));
  self->key = g_ptr_array_new ();
  self->strings = g_string_chunk_new (512);

  for (guint i = 0; i < n_reports; i++)
    {
      Column column = { structures[i], titles[i] };

      report_date (structures[i], &column.date, &column.published);
      column.order = i;
      g_array_append_val (columns, column);
      any_together |= judged_together (structures[i]);
    }
  g_array_sort (columns, compare_columns);

  for (guint c = 0; c < columns->len; c++)
    {
      gboolean change = c > 0 && framework_of (&g_array_index (columns, Column, c)) !=
                                 framework_of (&g_array_index (columns, Column, c - 1));

      add_column (self, &g_array_index (columns, Column, c), change);
      any_change |= change;
    }

  for (guint r = 0; r < G_N_ELEMENTS (row_judgements); r++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c < columns->len && !any; c++)
        any = g_array_index (columns, Column, c).structure->judgements[row_judgements[r]] != PB_GRADE_NONE;
      if (any)
        add_row (self, columns, row_judgements[r]);
    }

  if (any_change)
    g_ptr_array_add (self->key, (gpointer)_("A thick rule and “New framework” mark a change of inspection "
                                            "framework: the grades either side of it were judged against "
                                            "different criteria."));
  if (any_together)
    g_ptr_array_add (self->key, (gpointer)_("From 2018 to 2022 Ofsted judged children in care and care leavers "
                                            "together; that one grade spans both rows."));
  for (guint c = 0; c < self->columns->len; c++)
    g_ptr_array_add (self->key, (gpointer)g_array_index (self->columns, PbPackGradeColumn, c).citation);
  g_ptr_array_add (self->key, NULL);
  g_ptr_array_add (self->rows, NULL);

  /* Translators: the heading over the judgements in the grades matrix */
  self->grades.corner = _("Judgement");
  self->grades.columns = (const PbPackGradeColumn *)(gpointer)self->columns->data;
  self->grades.n_columns = self->columns->len;
  self->grades.rows = (const char * const *)self->rows->pdata;
  self->grades.n_rows = self->rows->len - 1;
  self->grades.cells = (const PbPackGradeCell *)(gpointer)self->cells->data;
  self->grades.key = (const char * const *)self->key->pdata;
  return self;
}

/**
 * _pb_pack_grades_table_get:
 *
 * Returns: (transfer none): the matrix, living as long as @table
 */
const PbPackGrades *
_pb_pack_grades_table_get (PbPackGradesTable *table)
{
  return &table->grades;
}

void
_pb_pack_grades_table_free (PbPackGradesTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->cells);
  g_ptr_array_unref (table->key);
  g_string_chunk_free (table->strings);
  g_free (table);
}
