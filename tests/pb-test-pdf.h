/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* A PDF read back with poppler, and checks on its pages that hold whoever
 * wrote it: this program, or LibreOffice from its Word document. */
typedef struct
{
  PopplerDocument *document;
  guint            n_pages;
  GPtrArray       *texts;      /* each page's text, in reading order */
  GPtrArray       *elements;   /* the structure tree read by qpdf, depth first:
                                * "TH /A << /O /Table /Scope /Column >>" */
  GPtrArray       *contents;   /* each page's content stream, uncompressed (GBytes) */
  guint            n_links;    /* link annotations */
  guint            n_described_links;   /* those with a description (/Contents) */
  gboolean         tab_order;  /* every page has /Tabs /S */
} PbTestPdf;

PbTestPdf *pb_test_pdf_open              (const char  *path);
void       pb_test_pdf_free              (PbTestPdf   *pdf);
guint      pb_test_pdf_find_page         (PbTestPdf   *pdf,
                                          const char  *line,
                                          guint        from);
guint      pb_test_pdf_contents_number   (PbTestPdf   *pdf,
                                          const char  *title);
void       pb_test_pdf_check_contents    (PbTestPdf   *pdf,
                                          const char * const *titles);
void       pb_test_pdf_check_not_blank   (PbTestPdf   *pdf,
                                          double       most_blank);
void       pb_test_pdf_check_rows_whole  (PbTestPdf   *pdf);
GPtrArray *pb_test_pdf_header_cells      (PbTestPdf   *pdf);
void       pb_test_pdf_check_matrix      (PbTestPdf   *pdf,
                                          const char * const *columns,
                                          const char  *once);
void       pb_test_pdf_check_matrix_text (PbTestPdf   *pdf,
                                          const char * const *columns,
                                          const char * const *rows,
                                          const char  *once);

guint      pb_test_pdf_check_accessible  (PbTestPdf   *pdf);

guint      pb_test_count_unmarked        (GBytes      *content);
gboolean   pb_test_contains_words        (const char  *text,
                                          const char  *words);
void       pb_test_keep_export           (const char  *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbTestPdf, pb_test_pdf_free)

G_END_DECLS
