/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-report.h"

G_BEGIN_DECLS

/* The columns _pb_report_new_from_stmt () expects, in this order. It returns
 * NULL for a row missing a column the schema requires (only damage makes one). */
#define PB_REPORT_COLUMNS \
  "id, sha256, title, file_name, byte_size, page_count, pdf_author, pdf_subject, " \
  "pdf_producer, pdf_created, imported_at, has_text_layer, is_tagged, classification, " \
  "local_authority, doc_type, inspection_start, inspection_end, published, stated_date, " \
  "user_title, user_date"

PbReport *_pb_report_new_from_stmt (sqlite3_stmt *stmt);

G_END_DECLS
