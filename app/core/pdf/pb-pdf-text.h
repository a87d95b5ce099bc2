/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-page-text.h"

G_BEGIN_DECLS

/* The version of the page-text builder. Raised whenever what it makes of a
 * page changes, so that libraries read before then are read again (see
 * pb_library_reindex ()). */
#define PB_PAGE_TEXT_VERSION 4

PbPageText *pb_pdf_text_build      (guint                   page_index,
                                    const char             *text,
                                    const PopplerRectangle *rects,
                                    guint                   n_rects);
PbPageText *pb_pdf_page_read_text  (PopplerPage            *page,
                                    guint                   index);
PbPageText *pb_pdf_document_read_page_text (PopplerDocument *document,
                                    guint                   index);
char       *pb_pdf_document_get_reading_text (PopplerDocument *document,
                                    guint                   index);
char *pb_pdf_text_from_layout      (const char             *text,
                                    const PopplerRectangle *rects,
                                    guint                   n_rects);
char *pb_pdf_page_get_reading_text (PopplerPage *page);
char *pb_pdf_page_guess_heading    (PopplerPage *page);
char *pb_pdf_clean_title           (const char  *title);

G_END_DECLS
