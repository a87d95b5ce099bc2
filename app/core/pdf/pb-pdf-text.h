/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

char *pb_pdf_text_from_layout      (const char             *text,
                                    const PopplerRectangle *rects,
                                    guint                   n_rects);
char *pb_pdf_page_get_reading_text (PopplerPage *page);
char *pb_pdf_page_guess_heading    (PopplerPage *page);
char *pb_pdf_clean_title           (const char  *title);

G_END_DECLS
