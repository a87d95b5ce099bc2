/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pb-pack-grades-fit-private.h"

/* The grades matrix has to read as well with thirty inspections as with
 * one.  A grade is never broken inside a word ("Require-s", "Septembe r"):
 * each inspection's column is made at least as wide as the widest word it
 * holds ("improvement", "September", "Worcestershire"), measured with
 * pango in the writer's own font.  When the inspections cannot all stand
 * side by side that way, the type is first set a step smaller; when even
 * the smallest size will not do, the inspections are shared out between
 * several matrices, as evenly as can be, each repeating the judgements
 * down its side.  Every matrix of a pack has the same columns' widths, so
 * that they line up one above another. */

/* Words measure a little wider in some renderers than in pango (Word's
 * kerning, LibreOffice's hinting): leave them room. */
#define SLACK 1.04

typedef struct
{
  PangoContext *context;
  PangoLayout  *layout;
  const char   *family;
  GHashTable   *cache;     /* "bold italic size|text" → width in points, boxed */
} Measure;

static void
measure_init (Measure    *m,
              const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  m->context = pango_font_map_create_context (map);
  /* Sizes in points, as a page is measured. */
  pango_cairo_context_set_resolution (m->context, 72);
  m->layout = pango_layout_new (m->context);
  m->family = family;
  m->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
measure_clear (Measure *m)
{
  g_clear_object (&m->layout);
  g_clear_object (&m->context);
  g_clear_pointer (&m->cache, g_hash_table_unref);
}

/* The width of @text set on one line, in points. */
static double
measure (Measure    *m,
         const char *text,
         gboolean    bold,
         gboolean    italic,
         double      size)
{
  g_autofree char *key = g_strdup_printf ("%d %d %g|%s", bold, italic, size, text);
  double *known = g_hash_table_lookup (m->cache, key);
  g_autoptr(PangoFontDescription) desc = NULL;
  double *width;
  int w;

  if (known != NULL)
    return *known;

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, m->family);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (m->layout, desc);
  pango_layout_set_text (m->layout, text, -1);
  pango_layout_get_size (m->layout, &w, NULL);

  width = g_new (double, 1);
  *width = (double)w / PANGO_SCALE * SLACK;
  g_hash_table_insert (m->cache, g_steal_pointer (&key), width);
  return *width;
}

/* The height of @text set in lines @width points wide, in points. */
static double
measure_height (Measure    *m,
                const char *text,
                gboolean    bold,
                gboolean    italic,
                double      size,
                double      width)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  int h;

  if (text == NULL || *text == '\0')
    return 0;
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, m->family);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (m->layout, desc);
  pango_layout_set_width (m->layout, (int)(width / SLACK * PANGO_SCALE));
  pango_layout_set_wrap (m->layout, PANGO_WRAP_WORD);
  pango_layout_set_text (m->layout, text, -1);
  pango_layout_get_size (m->layout, NULL, &h);
  pango_layout_set_width (m->layout, -1);
  return (double)h / PANGO_SCALE;
}

/* The widest word of @text, in points. */
static double
widest_word (Measure    *m,
             const char *text,
             gboolean    bold,
             gboolean    italic,
             double      size)
{
  g_auto(GStrv) words = NULL;
  double widest = 0;

  if (text == NULL)
    return 0;
  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      widest = MAX (widest, measure (m, words[i], bold, italic, size));
  return widest;
}

/**
 * _pb_grades_column_text:
 *
 * Returns: (transfer full): what heads an inspection's column, in bold:
 *   the authority's short name, then the month and year, on lines of
 *   their own ("Barnsley \nJune 2023")
 */
char *
_pb_grades_column_text (const PbPackGradeColumn *column)
{
  if (column->authority == NULL || *column->authority == '\0')
    return g_strdup (column->heading);
  /* The space keeps the two apart for whoever reads the text rather than
   * the page (a screen reader, a search): lines are not words' gaps. */
  return g_strdup_printf ("%s \n%s", column->authority, column->heading);
}

/**
 * _pb_grades_column_note:
 *
 * Returns: (transfer full): the line under a column's heading: its
 *   framework, and "New framework" on a line of its own when it differs
 *   from the column before
 */
char *
_pb_grades_column_note (const PbPackGradeColumn *column)
{
  /* Translators: under a column of grades judged under another framework than the one before */
  return column->new_framework ? g_strdup_printf ("%s\n%s", column->framework, _("New framework"))
                               : g_strdup (column->framework);
}

/* How wide an inspection's column must be at @size for its widest word,
 * and the judgements' column; and the longest judgement set on one line;
 * each with its inset.  A column's heading has no grade's rule beside it,
 * so its words have the room the judgements' do. */
static void
widest_words (Measure               *m,
              const PbPackGrades    *grades,
              const PbGradesFitSpec *spec,
              double                 size,
              double                *column,
              double                *first,
              double                *first_line)
{
  double note = size * PB_GRADES_NOTE_SCALE;

  *column = 0;
  for (guint c = 0; c < grades->n_columns; c++)
    {
      g_autofree char *text = _pb_grades_column_text (&grades->columns[c]);
      g_autofree char *below = _pb_grades_column_note (&grades->columns[c]);
      double heading = MAX (widest_word (m, text, TRUE, FALSE, size), widest_word (m, below, FALSE, TRUE, note));

      *column = MAX (*column, heading + spec->first_inset);
      for (guint r = 0; r < grades->n_rows; r++)
        {
          const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];
          double words;

          if (cell->rows == 0)
            continue;
          words = MAX (widest_word (m, cell->text, FALSE, FALSE, size), widest_word (m, cell->note, FALSE, TRUE, note));
          *column = MAX (*column, words + spec->column_inset);
        }
    }

  *first = widest_word (m, grades->corner, TRUE, FALSE, size);
  *first_line = measure (m, grades->corner, TRUE, FALSE, size);
  for (guint r = 0; r < grades->n_rows; r++)
    {
      *first = MAX (*first, widest_word (m, grades->rows[r], TRUE, FALSE, size));
      *first_line = MAX (*first_line, measure (m, grades->rows[r], TRUE, FALSE, size));
    }
  *first += spec->first_inset;
  *first_line += spec->first_inset;
}

/* Roughly how tall the matrices stand with these widths, in points: each
 * row as tall as its tallest cell, a cell over two rows put in the first.
 * Only to compare one choice of widths with another. */
static double
matrices_height (Measure               *m,
                 const PbPackGrades    *grades,
                 const PbGradesFitSpec *spec,
                 double                 size,
                 double                 first,
                 double                 column,
                 guint                  per)
{
  double note = size * PB_GRADES_NOTE_SCALE;
  double heading = 0, height = 0;

  for (guint c = 0; c < grades->n_columns; c++)
    {
      g_autofree char *text = _pb_grades_column_text (&grades->columns[c]);
      g_autofree char *below = _pb_grades_column_note (&grades->columns[c]);

      heading = MAX (heading, measure_height (m, text, TRUE, FALSE, size, column - spec->first_inset) +
                              measure_height (m, below, FALSE, TRUE, note, column - spec->first_inset));
    }
  height += heading * ((grades->n_columns + per - 1) / per);

  for (guint r = 0; r < grades->n_rows; r++)
    {
      double row = measure_height (m, grades->rows[r], TRUE, FALSE, size, first - spec->first_inset);

      for (guint c = 0; c < grades->n_columns; c++)
        {
          const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];

          if (cell->rows == 0)
            continue;
          row = MAX (row, measure_height (m, cell->text, FALSE, FALSE, size, column - spec->column_inset) +
                          measure_height (m, cell->note, FALSE, TRUE, note, column - spec->column_inset));
        }
      height += row;
    }
  return height;
}

/**
 * _pb_grades_fit_new:
 * @grades: a matrix with at least one inspection
 * @spec: the writer's font, room and insets
 *
 * Measures every word the matrix holds in @spec's family and decides how
 * to set it (see the comment at the top of this file): how many matrices,
 * which inspections in each, the type size and the columns' widths.
 *
 * Returns: (transfer full): the fit
 */
PbGradesFit *
_pb_grades_fit_new (const PbPackGrades    *grades,
                    const PbGradesFitSpec *spec)
{
  PbGradesFit *fit = g_new0 (PbGradesFit, 1);
  guint n = MAX (grades->n_columns, 1);
  guint n_sizes = 0, chosen, per, k_max;
  double column, first, first_line;
  Measure m;

  g_return_val_if_fail (spec->sizes != NULL && spec->sizes[0] > 0, fit);

  while (spec->sizes[n_sizes] > 0)
    n_sizes++;
  measure_init (&m, spec->family);

  /* As many inspections to a matrix as fit at the smallest size... */
  widest_words (&m, grades, spec, spec->sizes[n_sizes - 1], &column, &first, &first_line);
  k_max = (guint)MAX (1.0, floor ((spec->width - first) / column));
  fit->n_tables = (n + k_max - 1) / k_max;
  per = (n + fit->n_tables - 1) / fit->n_tables;

  /* ...then the largest size at which that many fit. */
  for (chosen = 0; chosen + 1 < n_sizes; chosen++)
    {
      widest_words (&m, grades, spec, spec->sizes[chosen], &column, &first, &first_line);
      if (first + per * column <= spec->width)
        break;
    }
  widest_words (&m, grades, spec, spec->sizes[chosen], &column, &first, &first_line);

  /* The judgements' column as narrow as its widest word allows, or as
   * wide as its longest judgement on one line, whichever makes the
   * matrices shorter (wider columns of grades take "Requires improvement
   * to be good" on fewer lines); the rest shared out between the
   * inspections, up to the widest column wanted. */
  fit->font_size = spec->sizes[chosen];
  {
    double narrow = first;
    double wide = MAX (first, MIN (first_line, spec->width - per * column));
    double narrow_column = MAX (column, MIN (spec->max_column, (spec->width - narrow) / per));
    double wide_column = MAX (column, MIN (spec->max_column, (spec->width - wide) / per));

    if (matrices_height (&m, grades, spec, fit->font_size, narrow, narrow_column, per) <
        matrices_height (&m, grades, spec, fit->font_size, wide, wide_column, per))
      {
        fit->first_width = narrow;
        fit->column_width = narrow_column;
      }
    else
      {
        fit->first_width = wide;
        fit->column_width = wide_column;
      }
    /* Room left over when the columns are as wide as wanted goes to the
     * judgements. */
    fit->first_width = MAX (fit->first_width, MIN (first_line, spec->width - per * fit->column_width));
  }

  /* Evenly: 22 inspections in five matrices go 5, 5, 4, 4, 4. */
  fit->first_columns = g_new (guint, fit->n_tables + 1);
  for (guint t = 0, at = 0; t <= fit->n_tables; t++)
    {
      fit->first_columns[t] = MIN (at, grades->n_columns);
      at += n / fit->n_tables + (t < n % fit->n_tables ? 1 : 0);
    }

  measure_clear (&m);
  return fit;
}

void
_pb_grades_fit_free (PbGradesFit *fit)
{
  if (fit == NULL)
    return;
  g_free (fit->first_columns);
  g_free (fit);
}
