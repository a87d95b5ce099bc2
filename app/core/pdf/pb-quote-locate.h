/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-finding.h"

G_BEGIN_DECLS

GArray     *pb_pdf_locate_quote_in_document   (PopplerDocument        *document,
                                               guint                   page_number,
                                               const char             *quote,
                                               GError                **error);
GArray     *pb_pdf_locate_quote               (const char             *pdf_path,
                                               const char             *password,
                                               guint                   page_number,
                                               const char             *quote,
                                               GError                **error);
GArray     *pb_pdf_locate_quote_in_document_full (PopplerDocument     *document,
                                                  guint                page_number,
                                                  const char          *quote,
                                                  char               **printed,
                                                  GError             **error);
GArray     *pb_pdf_locate_quote_full          (const char             *pdf_path,
                                               const char             *password,
                                               guint                   page_number,
                                               const char             *quote,
                                               char                  **printed,
                                               GError                **error);

G_END_DECLS
