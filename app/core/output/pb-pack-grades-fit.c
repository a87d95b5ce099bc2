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
 * kerning, LibreOffice's hinting): leave them room, unless the writer
 * says it lays out with pango itself. */
#define SLACK 1.04

typedef struct
{
  PangoContext *context;
  PangoLayout  *layout;
  const char   *family;
  double        slack;
  double        spacing;   /* between lines, in points */
  GHashTable   *cache;     /* "bold italic size|text" → width in points, boxed */
} Measure;

static void
measure_init (Measure               *m,
              const PbGradesFitSpec *spec)
{
  const char *family = spec->family;

  PangoFontMap *map = pango_cairo_font_map_get_default ();

  m->context = pango_font_map_create_context (map);
  /* Sizes in points, as a page is measured. */
  pango_cairo_context_set_resolution (m->context, 72);
  m->layout = pango_layout_new (m->context);
  m->family = family;
  m->slack = spec->slack > 0 ? spec->slack : SLACK;
  m->spacing = spec->line_spacing;
  pango_layout_set_spacing (m->layout, (int)(m->spacing * PANGO_SCALE));
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
  *width = (double)w / PANGO_SCALE * m->slack;
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
  pango_layout_set_width (m->layout, (int)(width / m->slack * PANGO_SCALE));
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

/* The narrowest width in which @text is set in at most @lines lines,
 * broken between words as pango breaks them (as many words on a line as
 * fit), in points.  A line is as wide as its words from one break to the
 * next, so the narrowest is found among the ways of breaking the words
 * into @lines runs; only two are ever asked for (a grade's words). */
static double
lines_width (Measure    *m,
             const char *text,
             guint       lines,
             double      size)
{
  g_auto(GStrv) words = NULL;
  guint n;
  double best;

  if (text == NULL || *text == '\0')
    return 0;
  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  best = measure (m, text, FALSE, FALSE, size);
  if (lines < 2 || n < 2)
    return best;
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *head = NULL, *tail = NULL;
      char *saved = words[i];

      words[i] = NULL;
      head = g_strjoinv (" ", words);
      words[i] = saved;
      tail = g_strjoinv (" ", words + i);
      /* Three lines or more: the rest of the words in one line each is
       * a fair bound, as only a grade's few words are asked about. */
      best = MIN (best, MAX (measure (m, head, FALSE, FALSE, size),
                             lines > 2 ? lines_width (m, tail, lines - 1, size)
                                       : measure (m, tail, FALSE, FALSE, size)));
    }
  return best;
}

/* How wide an inspection's column must be at @size for its widest word
 * (and, when @lines is not 0, for each grade in at most @lines lines),
 * and the judgements' column; and the longest judgement set on one line;
 * each with its inset.  A column's heading has no grade's rule beside it,
 * so its words have the room the judgements' do. */
static void
widest_words (Measure               *m,
              const PbPackGrades    *grades,
              const PbGradesFitSpec *spec,
              double                 size,
              guint                  lines,
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
          if (lines > 0)
            words = MAX (words, lines_width (m, cell->text, lines, size));
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

/* The height of a cell's words with the note under them, in points. */
static double
cell_height (Measure    *m,
             const char *text,
             const char *note,
             gboolean    bold,
             double      size,
             double      width)
{
  double height = measure_height (m, text, bold, FALSE, size, width);

  if (note != NULL && *note != '\0')
    height += m->spacing + measure_height (m, note, FALSE, TRUE, size * PB_GRADES_NOTE_SCALE, width);
  return height;
}

/* About how tall the matrices stand with these widths, the inspections
 * shared out @per to a matrix, in points: each row as tall as its
 * tallest cell (a cell over two rows put in the first), the gaps between
 * the matrices included.  With @by_matrix, the tallest matrix alone
 * (with its gap); otherwise them all. */
static double
matrices_height (Measure               *m,
                 const PbPackGrades    *grades,
                 const PbGradesFitSpec *spec,
                 double                 size,
                 double                 first,
                 double                 column,
                 guint                  per,
                 gboolean               by_matrix)
{
  guint n = MAX (grades->n_columns, 1);
  guint n_tables = (n + per - 1) / per;
  double total = 0, tallest = 0;

  for (guint t = 0, from = 0; t < n_tables; t++)
    {
      /* Shared out as _pb_grades_fit_new() does. */
      guint to = MIN (from + n / n_tables + (t < n % n_tables ? 1 : 0), grades->n_columns);
      double heading = 0, height;

      for (guint c = from; c < to; c++)
        {
          g_autofree char *text = _pb_grades_column_text (&grades->columns[c]);
          g_autofree char *below = _pb_grades_column_note (&grades->columns[c]);

          heading = MAX (heading, cell_height (m, text, below, TRUE, size, column - spec->first_inset));
        }
      height = heading + spec->pad_y;
      for (guint r = 0; r < grades->n_rows; r++)
        {
          double row = measure_height (m, grades->rows[r], TRUE, FALSE, size, first - spec->first_inset);

          for (guint c = from; c < to; c++)
            {
              const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];

              if (cell->rows == 0)
                continue;
              row = MAX (row, cell_height (m, cell->text, cell->note, FALSE, size, column - spec->column_inset));
            }
          height += row + spec->pad_y;
        }
      if (t > 0)
        height += spec->gap;
      total += height;
      tallest = MAX (tallest, height);
      from = to;
    }
  return by_matrix ? tallest : total;
}

/* One way of setting the matrices. */
typedef struct
{
  double size;
  double first;
  double column;
  guint  per;
  double height;
} Choice;

/* The widths at @size for @per inspections a matrix, @column being the
 * narrowest an inspection's column may be: the judgements' column as
 * narrow as its widest word allows, or as wide as its longest judgement
 * on one line, whichever makes the matrices shorter (wider columns of
 * grades take "Requires improvement to be good" on fewer lines); the rest
 * shared out between the inspections, up to the widest column wanted. */
static void
choose_widths (Measure               *m,
               const PbPackGrades    *grades,
               const PbGradesFitSpec *spec,
               double                 column,
               double                 first,
               double                 first_line,
               Choice                *choice)
{
  guint per = choice->per;
  double narrow = first;
  double wide = MAX (first, MIN (first_line, spec->width - per * column));
  double narrow_column = MAX (column, MIN (spec->max_column, (spec->width - narrow) / per));
  double wide_column = MAX (column, MIN (spec->max_column, (spec->width - wide) / per));
  double narrow_height = matrices_height (m, grades, spec, choice->size, narrow, narrow_column, per, FALSE);
  double wide_height = matrices_height (m, grades, spec, choice->size, wide, wide_column, per, FALSE);

  if (narrow_height < wide_height)
    {
      choice->first = narrow;
      choice->column = narrow_column;
    }
  else
    {
      choice->first = wide;
      choice->column = wide_column;
    }
  /* Room left over when the columns are as wide as wanted goes to the
   * judgements. */
  choice->first = MAX (choice->first, MIN (first_line, spec->width - per * choice->column));
  choice->height = matrices_height (m, grades, spec, choice->size, choice->first, choice->column, per, FALSE);
}

/* The best setting with each grade in at most @lines lines (0: in whole
 * words, as many lines as they take): as many inspections to a matrix as
 * fit at the smallest size, shared out evenly; then the largest size at
 * which that many fit, and whose matrices stand on one page (when
 * @spec->page says how tall one is) if any size's do.  Returns whether
 * they do. */
static gboolean
choose (Measure               *m,
        const PbPackGrades    *grades,
        const PbGradesFitSpec *spec,
        guint                  n_sizes,
        guint                  lines,
        Choice                *out)
{
  guint n = MAX (grades->n_columns, 1);
  guint k_max, n_tables;
  double column, first, first_line;
  gboolean have = FALSE;

  widest_words (m, grades, spec, spec->sizes[n_sizes - 1], lines, &column, &first, &first_line);
  k_max = (guint)MAX (1.0, floor ((spec->width - first) / column));
  n_tables = (n + k_max - 1) / k_max;

  for (guint s = 0; s < n_sizes; s++)
    {
      Choice choice = { spec->sizes[s], 0, 0, (n + n_tables - 1) / n_tables, 0 };

      widest_words (m, grades, spec, choice.size, lines, &column, &first, &first_line);
      if (first + choice.per * column > spec->width && s + 1 < n_sizes)
        continue;
      choose_widths (m, grades, spec, column, first, first_line, &choice);
      if (!have)
        *out = choice;
      have = TRUE;
      if (spec->page <= 0 || choice.height <= spec->page)
        {
          *out = choice;
          return TRUE;
        }
    }
  return spec->page <= 0;
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
 * When @spec limits a grade's lines, that limit is kept if the matrices
 * then stand on one page (or would not in whole words either); otherwise
 * the grades are set in whole words only, more inspections to a matrix,
 * so that the panel sees every inspection on one page rather than a few
 * on each of several.
 *
 * Returns: (transfer full): the fit
 */
PbGradesFit *
_pb_grades_fit_new (const PbPackGrades    *grades,
                    const PbGradesFitSpec *spec)
{
  PbGradesFit *fit = g_new0 (PbGradesFit, 1);
  guint n = MAX (grades->n_columns, 1);
  guint n_sizes = 0;
  Choice choice = { 0 };
  Measure m;

  g_return_val_if_fail (spec->sizes != NULL && spec->sizes[0] > 0, fit);

  while (spec->sizes[n_sizes] > 0)
    n_sizes++;
  measure_init (&m, spec);

  if (spec->grade_lines == 0 || !choose (&m, grades, spec, n_sizes, spec->grade_lines, &choice))
    {
      Choice whole = { 0 };

      if (choose (&m, grades, spec, n_sizes, 0, &whole) || spec->grade_lines == 0)
        choice = whole;
    }

  /* Nothing fits at all (a page narrower than one column at the smallest
   * size): one inspection to a matrix, the smallest size, the room shared. */
  if (choice.per == 0)
    {
      choice.per = 1;
      choice.size = spec->sizes[n_sizes - 1];
      choice.first = spec->width / 2;
      choice.column = spec->width / 2;
    }

  fit->font_size = choice.size;
  fit->first_width = choice.first;
  fit->column_width = choice.column;
  fit->n_tables = (n + choice.per - 1) / choice.per;

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
