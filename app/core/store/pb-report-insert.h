/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pb-report-content.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* For import, inside the transaction it holds on @db. */
gint64 _pb_library_lookup_report (sqlite3          *db,
                                  const char       *sha256,
                                  GError          **error);
gint64 _pb_library_lookup_fingerprint (sqlite3      *db,
                                      const char   *fingerprint,
                                      char        **out_title,
                                      GError      **error);
gboolean _pb_library_store_page_extras (sqlite3            *db,
                                        gint64              report_id,
                                        const char * const *pages,
                                        guint               n_pages,
                                        GError            **error);
gint64 _pb_library_insert_report (sqlite3          *db,
                                  const char       *sha256,
                                  const char       *file_name,
                                  gint64            byte_size,
                                  const char       *title,
                                  PbReportContent  *content,
                                  PbStructure      *structure,
                                  GError          **error);
gint64 _pb_library_insert_report_pages (sqlite3          *db,
                                        const char       *sha256,
                                        const char       *file_name,
                                        gint64            byte_size,
                                        const char       *title,
                                        PbReportContent  *content,
                                        GError          **error);
gboolean _pb_library_insert_report_rest (sqlite3          *db,
                                         gint64            report_id,
                                         const char       *sha256,
                                         PbReportContent  *content,
                                         GPtrArray        *extras,
                                         PbStructure      *structure,
                                         GError          **error);

gboolean _pb_library_replace_report_text (sqlite3          *db,
                                          gint64            report_id,
                                          const char       *sha256,
                                          PbReportContent  *content,
                                          PbStructure      *structure,
                                          GError          **error);

G_END_DECLS
