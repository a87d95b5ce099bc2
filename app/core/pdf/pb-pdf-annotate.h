/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-finding.h"

G_BEGIN_DECLS

/**
 * PbHighlight:
 * @anchors: (element-type PbAnchor): the rectangles to cover, in PDF points
 *   from the page's top left, each with its page number (from 1)
 * @contents: the annotation's text: what a PDF reader shows when it is opened
 * @color: (nullable): "#rrggbb"; %NULL for a highlighter yellow
 *
 * One highlight to write into a PDF.
 */
typedef struct
{
  GArray *anchors;
  char   *contents;
  char   *color;
} PbHighlight;

void     pb_highlight_free       (PbHighlight  *highlight);
gboolean pb_pdf_write_highlights (const char   *source,
                                  const char   *password,
                                  GPtrArray    *highlights,
                                  const char   *dest,
                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbHighlight, pb_highlight_free)

G_END_DECLS
