/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <qpdf/qpdf-c.h>

#include "pb-pdf-catalog.h"

G_BEGIN_DECLS

/* The parts of a PDF's completion (pb-pdf-catalog.c), one file each: the
 * structure tree (pb-pdf-tags.c) and the pages' content (pb-pdf-marked.c).
 * Each returns whether it changed anything.
 *
 * @artifacts maps a page's object number to the marked content on it that
 * is to become an artifact: a table of MCID → #PbPdfArtifact. */

gboolean _pb_pdf_apply_notes      (qpdf_data   qpdf,
                                   GPtrArray  *notes,
                                   GHashTable *artifacts);
gboolean _pb_pdf_describe_links   (qpdf_data   qpdf,
                                   GPtrArray  *links);
gboolean _pb_pdf_set_tab_order    (qpdf_data   qpdf);
gboolean _pb_pdf_mark_artifacts   (qpdf_data   qpdf,
                                   GHashTable *artifacts);
GHashTable *_pb_pdf_artifacts_new (void);

G_END_DECLS
