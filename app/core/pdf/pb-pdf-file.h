/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PbPdfFile PbPdfFile;

/**
 * PbPdfRawMarkup:
 * @rect: its /Rect, in the page's own unturned space (bottom-left origin)
 * @contents: (nullable): its /Contents, when it can be read
 *
 * A highlight or underline annotation with no /QuadPoints, which poppler
 * drops though readers show it over its rectangle.
 */
typedef struct
{
  double  rect[4];
  char   *contents;
} PbPdfRawMarkup;

PbPdfFile *pb_pdf_file_new                 (const char     *path,
                                            GError        **error);
void       pb_pdf_file_free                (PbPdfFile      *file);
gboolean   pb_pdf_file_xref_is_sound       (PbPdfFile      *file);
gboolean   pb_pdf_file_is_encrypted        (PbPdfFile      *file);
guint      pb_pdf_file_get_n_pages         (PbPdfFile      *file);
int        pb_pdf_file_get_page_rotation   (PbPdfFile      *file,
                                            guint           index);
gboolean   pb_pdf_file_page_shares_annots  (PbPdfFile      *file,
                                            guint           index);
GPtrArray *pb_pdf_file_get_raw_markups     (PbPdfFile      *file,
                                            guint           index);
gboolean   pb_pdf_file_write_sound_copy    (PbPdfFile      *file,
                                            const guint    *unshare,
                                            guint           n_unshare,
                                            const char     *dest,
                                            GError        **error);
GBytes    *pb_pdf_file_upright_copy        (PbPdfFile      *file);
void       pb_pdf_raw_markup_free          (PbPdfRawMarkup *markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPdfFile, pb_pdf_file_free)

G_END_DECLS
