/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-report.h"

G_BEGIN_DECLS

GPtrArray  *pb_library_list_reports     (PbLibrary     *self,
                                         GError       **error);
PbReport   *pb_library_get_report       (PbLibrary     *self,
                                         gint64         id,
                                         GError       **error);
PbReport   *pb_library_find_report      (PbLibrary     *self,
                                         const char    *id_or_sha256,
                                         GError       **error);
GStrv       pb_library_dup_page_texts   (PbLibrary     *self,
                                         const char    *sha256,
                                         GError       **error);
char       *pb_library_dup_page_text    (PbLibrary     *self,
                                         gint64         report_id,
                                         guint          page_number,
                                         GError       **error);
gboolean    pb_library_remove_report    (PbLibrary     *self,
                                         gint64         id,
                                         GError       **error);

char       *pb_library_locate_report_file (PbLibrary    *self,
                                          const char   *sha256,
                                          GError      **error);

G_END_DECLS
