/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pb-library.h"

G_BEGIN_DECLS

/* More kinds of page that trip page text up, drawn with cairo and Pango:
 * words placed one by one (tables without rules, columns), turned with
 * matrices a hair off square, right-to-left lines, and highlights whose
 * quadrilaterals are not where the words are. */

/**
 * PbTestPlaced:
 * @text: what to show; shaped by Pango (so right-to-left text is set right
 *   to left), in 11 pt DejaVu Sans
 * @x: where it starts, in points from the frame's left
 * @y: its baseline, in points from the frame's top
 *
 * One run of text placed on its own.
 */
typedef struct
{
  const char *text;
  double      x;
  double      y;
} PbTestPlaced;

/**
 * PbKindsFixture:
 *
 * What the page-kinds suites (test-page-kinds, test-page-order, test-tricky)
 * each start from: a fresh library in a fresh folder, no passwords kept.
 */
typedef struct
{
  char      *dir;
  PbLibrary *library;
} PbKindsFixture;

void  pb_test_kinds_fixture_setup    (PbKindsFixture     *f,
                                      gconstpointer       data);
void  pb_test_kinds_fixture_teardown (PbKindsFixture     *f,
                                      gconstpointer       data);
guint pb_test_kinds_count_hits       (PbLibrary          *library,
                                      const char         *query,
                                      gint64              report_id,
                                      guint               page);
void  pb_test_kinds_assert_quote_covers (const char      *pdf,
                                         const char      *password,
                                         guint            page,
                                         const char      *quote,
                                         const char      *printed);

GPtrArray *pb_test_kinds_words_of_rows (GPtrArray       *words,
                                        guint            page,
                                        const char      *quote);

char *pb_test_kinds_write_placed   (const char         *dir,
                                    const char         *name,
                                    const PbTestPlaced *items,
                                    guint               n_items,
                                    int                 turn,
                                    double              skew,
                                    gboolean            set_upright);
char *pb_test_kinds_add_highlight_off (const char      *pdf,
                                       guint            page,
                                       const char      *text,
                                       double           left,
                                       double           top,
                                       double           right,
                                       double           bottom);

G_END_DECLS
