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

/* The relationships word/document.xml refers to. */
#define PB_DOCX_REL_HEADER "rIdHeader"
#define PB_DOCX_REL_FOOTER "rIdFooter"
#define PB_DOCX_REL_LOGO   "rIdLogo"

gboolean _pb_docx_write_package (PbPackWalk  *walk,
                                 const char  *document,
                                 const char  *path,
                                 GError     **error);
guint    _pb_docx_line_twips    (double       points);
void     _pb_docx_field         (GString     *out,
                                 const char  *instruction,
                                 const char  *result);

G_END_DECLS
