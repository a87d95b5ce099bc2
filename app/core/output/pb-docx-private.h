/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* A pack as a Word document: pb-pack-docx.c writes the body,
 * pb-docx-package.c everything around it (styles, running header and
 * footer, properties) and the package itself. */

#define PB_DOCX_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " \
                   "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
                   "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " \
                   "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""

/* A4 with 22 mm margins, in twentieths of a point; the text's width. */
#define PB_DOCX_PAGE_WIDTH  11906
#define PB_DOCX_PAGE_HEIGHT 16838
#define PB_DOCX_MARGIN      1247
#define PB_DOCX_TEXT_WIDTH  (PB_DOCX_PAGE_WIDTH - 2 * PB_DOCX_MARGIN)
/* The body's margins above and below; the header and footer stand within
 * them. */
#define PB_DOCX_MARGIN_TOP  1300
/* The running header's and footer's distance from the page's edge. */
#define PB_DOCX_RUNNING_MARGIN 567

/* The relationships word/document.xml refers to. */
#define PB_DOCX_REL_HEADER "rIdHeader"
#define PB_DOCX_REL_FOOTER "rIdFooter"
#define PB_DOCX_REL_LOGO   "rIdLogo"

gboolean _pb_docx_write_package (PbPackWalk  *walk,
                                 const char  *document,
                                 guint        n_pages,
                                 const char  *path,
                                 GError     **error);
guint    _pb_docx_line_twips    (double       points);
void     _pb_docx_field         (GString     *out,
                                 const char  *instruction,
                                 const char  *result);

/* pb-docx-layout.c: where the document's pages break. */
typedef struct _PbDocxFlow PbDocxFlow;

PbDocxFlow *_pb_docx_flow_new             (void);
void        _pb_docx_flow_free            (PbDocxFlow  *flow);
void        _pb_docx_flow_running         (PbDocxFlow  *flow,
                                           const char  *banner,
                                           const char  *header,
                                           const char  *footer);
void        _pb_docx_flow_running_from_walk (PbDocxFlow *flow,
                                             PbPackWalk *walk);
void        _pb_docx_flow_paragraph       (PbDocxFlow  *flow,
                                           const char  *style,
                                           const char  *text,
                                           gboolean     keep_next,
                                           const char  *anchor);
void        _pb_docx_flow_block           (PbDocxFlow  *flow,
                                           double       height,
                                           double       after);
void        _pb_docx_flow_table_begin     (PbDocxFlow  *flow,
                                           int          cell_margins);
void        _pb_docx_flow_row_begin       (PbDocxFlow  *flow,
                                           gboolean     header);
void        _pb_docx_flow_cell_begin      (PbDocxFlow  *flow,
                                           int          width,
                                           guint        rows);
void        _pb_docx_flow_cell_paragraph  (PbDocxFlow  *flow,
                                           double       size,
                                           gboolean     bold,
                                           gboolean     italic,
                                           int          after,
                                           const char  *text);
void        _pb_docx_flow_row_end         (PbDocxFlow  *flow,
                                           double       borders,
                                           gboolean     keep);
GHashTable *_pb_docx_flow_paginate        (PbDocxFlow  *flow,
                                           guint       *n_pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbDocxFlow, _pb_docx_flow_free)

G_END_DECLS
