/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_TYPE_PDF_WRITER (pb_pdf_writer_get_type ())

G_DECLARE_FINAL_TYPE (PbPdfWriter, pb_pdf_writer, PB, PDF_WRITER, GObject)

PbPdfWriter *pb_pdf_writer_new            (const char   *path,
                                           const char   *title,
                                           const char   *author);
void         pb_pdf_writer_set_footer     (PbPdfWriter  *self,
                                           const char   *footer);
void         pb_pdf_writer_set_created    (PbPdfWriter  *self,
                                           GDateTime    *created);
void         pb_pdf_writer_heading        (PbPdfWriter  *self,
                                           guint         level,
                                           const char   *text);
void         pb_pdf_writer_heading_with_dest (PbPdfWriter *self,
                                              guint        level,
                                              const char  *text,
                                              const char  *dest);
void         pb_pdf_writer_link           (PbPdfWriter  *self,
                                           const char   *text,
                                           const char   *dest);
void         pb_pdf_writer_quote          (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_set_header     (PbPdfWriter  *self,
                                           const char   *header);
void         pb_pdf_writer_set_outline    (PbPdfWriter  *self,
                                           gboolean      outline);
void         pb_pdf_writer_space          (PbPdfWriter  *self,
                                           double        points);
void         pb_pdf_writer_paragraph      (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_numbered       (PbPdfWriter  *self,
                                           guint         number,
                                           const char   *text);
void         pb_pdf_writer_bullet         (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_table          (PbPdfWriter  *self,
                                           const char   *header_left,
                                           const char   *header_right,
                                           const char  **left,
                                           const char  **right,
                                           guint         n_rows);
void         pb_pdf_writer_page_break     (PbPdfWriter  *self);
gboolean     pb_pdf_writer_finish         (PbPdfWriter  *self,
                                           GError      **error);

G_END_DECLS
