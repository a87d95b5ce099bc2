/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack.h"

G_BEGIN_DECLS

gboolean pb_library_export_pack_pdf (PbLibrary   *library,
                                     gint64       pack_id,
                                     const char  *path,
                                     GError     **error);

gboolean pb_library_export_pack_csv  (PbLibrary   *library,
                                     gint64       pack_id,
                                     const char  *path,
                                     GError     **error);
gboolean pb_library_export_pack_html (PbLibrary   *library,
                                      gint64       pack_id,
                                      const char  *path,
                                      GError     **error);

gboolean pb_library_export_pack_docx (PbLibrary   *library,
                                      gint64       pack_id,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
