/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <pango/pangocairo.h>

#include "pb-pack-tracker-fit.h"

/* A tracker table of sixty rows has to read as a table, not as a column of
 * tall boxes: the recommendation's words take most of the width, and the
 * owner, due date, status, last update and evidence count only what they
 * need. Each of those is made as wide as its widest word (heading or
 * value), so that nothing is broken inside a word, and as wide as its
 * widest value on one line ("30 Nov 2025") when that still leaves the
 * recommendation at least half the width; the recommendation takes what
 * is left. Measured with pango in the writer's own font. */

/* Words measure a little wider in some renderers than in pango (Word's
 * kerning, LibreOffice's hinting): leave them room. */
#define SLACK 1.06

/* The recommendation's least share before the narrow columns give up
 * their one-line values for their widest words. */
#define TEXT_SHARE 0.5

/* The most a narrow column takes for a value on one line, as a share of
 * the width: an owner "Head of Safeguarding and Quality Assurance" wraps. */
#define LINE_SHARE 0.15

typedef struct
{
  PangoContext *context;
  PangoLayout  *layout;
  double        size;
} Measure;

/* The width of @text set on one line, in points. */
static double
measure (Measure    *m,
         const char *text,
         gboolean    bold,
         double      scale)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int width = 0;

  pango_font_description_set_size (font, (int)(m->size * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (m->layout, font);
  pango_layout_set_text (m->layout, text, -1);
  pango_layout_get_size (m->layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* The widest word and the whole of @text (each line of it), in points. */
static void
measure_cell (Measure    *m,
              const char *text,
              gboolean    bold,
              double      scale,
              double     *word,
              double     *line)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || *text == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) words = g_strsplit (lines[l], " ", -1);

      *line = MAX (*line, measure (m, lines[l], bold, scale));
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          *word = MAX (*word, measure (m, words[w], bold, scale));
    }
}

/**
 * _pb_tracker_fit_widths:
 * @tracker: a tracker with at least one row, six columns
 * @spec: the page and type the table is set on
 * @widths: (out caller-allocates) (array fixed-size=6): each column's
 *   share of @spec's width, adding up to 1
 *
 * Shares the width out: see the comment at the head of this file.
 */
void
_pb_tracker_fit_widths (const PbPackTracker    *tracker,
                        const PbTrackerFitSpec *spec,
                        double                 *widths)
{
  /* Notes under a value ("Overdue", "Amber") are set smaller. */
  const double note_scale = 1 / 1.2;
  double word[6] = { 0 }, line[6] = { 0 };
  double narrow_words = 0, narrow_lines = 0;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  Measure m = { NULL, NULL, spec->font_size };

  g_return_if_fail (tracker->n_columns == 6);

  m.context = pango_font_map_create_context (map);
  /* Sizes in points, as a page is measured. */
  pango_cairo_context_set_resolution (m.context, 72);
  m.layout = pango_layout_new (m.context);

  for (guint c = 1; c < 6; c++)
    measure_cell (&m, tracker->headings[c], TRUE, 1, &word[c], &line[c]);
  for (guint r = 0; r < tracker->n_rows; r++)
    {
      const PbPackTrackerRow *row = &tracker->rows[r];

      measure_cell (&m, row->owner, FALSE, 1, &word[1], &line[1]);
      measure_cell (&m, row->due, FALSE, 1, &word[2], &line[2]);
      measure_cell (&m, row->due_note, FALSE, note_scale, &word[2], &line[2]);
      measure_cell (&m, row->status, spec->bold_status, 1, &word[3], &line[3]);
      measure_cell (&m, row->rag_label, FALSE, note_scale, &word[3], &line[3]);
      measure_cell (&m, row->updated, FALSE, 1, &word[4], &line[4]);
      measure_cell (&m, row->evidence, FALSE, 1, &word[5], &line[5]);
    }
  g_clear_object (&m.layout);
  g_clear_object (&m.context);

  for (guint c = 1; c < 6; c++)
    {
      double extra = spec->padding + (c == 3 ? spec->status_bar : 0);

      word[c] = word[c] * SLACK + extra;
      line[c] = MAX (word[c], MIN (line[c] * SLACK + extra, spec->width * LINE_SHARE));
      narrow_words += word[c];
      narrow_lines += line[c];
    }

  /* One-line values while the recommendation keeps half the width; its
   * widest words otherwise; and never more than the recommendation has
   * to give up to half the width (a very long word is then broken). */
  for (guint c = 1; c < 6; c++)
    {
      if (spec->width - narrow_lines >= spec->width * TEXT_SHARE)
        widths[c] = line[c];
      else if (spec->width - narrow_words >= spec->width * TEXT_SHARE * 0.8)
        widths[c] = word[c];
      else
        widths[c] = word[c] * (spec->width * (1 - TEXT_SHARE * 0.8)) / narrow_words;
    }
  widths[0] = spec->width;
  for (guint c = 1; c < 6; c++)
    widths[0] -= widths[c];
  for (guint c = 0; c < 6; c++)
    widths[c] /= spec->width;
}
