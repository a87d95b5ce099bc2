/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-rect.h"

G_BEGIN_DECLS

/* The direction a line of text runs in on the displayed page. */
typedef enum
{
  PB_TEXT_DIR_RIGHT,   /* upright */
  PB_TEXT_DIR_DOWN,    /* turned a quarter clockwise (/Rotate 90) */
  PB_TEXT_DIR_LEFT,    /* upside down */
  PB_TEXT_DIR_UP,      /* turned a quarter anticlockwise */
} PbTextDir;

/**
 * PbGlyph:
 * @c: the character, as poppler's text has it
 * @box: its box on the displayed page (top-left origin), when @boxed
 * @dir: the direction its line runs in
 * @boxed: whether poppler gave it a box
 * @group: for the letters of a right-to-left run, the run's number from 1
 *   (their boxes run the other way from their order); 0 otherwise
 *
 * One character of a page as poppler reads it, with its box.
 */
typedef struct
{
  gunichar  c;
  PbRect    box;
  PbTextDir dir;
  gboolean  boxed;
  guint     group;
} PbGlyph;

/* The glyph's box in its line's upright frame: turned so that the line runs
 * left to right and the next line is below. */
static inline PbRect
_pb_glyph_up (const PbGlyph *g)
{
  const PbRect *b = &g->box;

  switch (g->dir)
    {
    case PB_TEXT_DIR_DOWN:
      return (PbRect) { b->y1, -b->x2, b->y2, -b->x1 };
    case PB_TEXT_DIR_LEFT:
      return (PbRect) { -b->x2, -b->y2, -b->x1, -b->y1 };
    case PB_TEXT_DIR_UP:
      return (PbRect) { -b->y2, b->x1, -b->y1, b->x2 };
    case PB_TEXT_DIR_RIGHT:
    default:
      return *b;
    }
}

void      _pb_pdf_glyphs_align      (GArray                 *glyphs,
                                    const char             *text,
                                    const PopplerRectangle *rects,
                                    guint                   n_rects,
                                    int                     rotation,
                                    double                  width,
                                    double                  height);
gboolean  _pb_pdf_glyphs_any_turned (GArray                 *glyphs);
GArray   *_pb_pdf_glyphs_order      (GArray                 *glyphs);

G_END_DECLS
