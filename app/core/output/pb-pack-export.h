/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-pack.h"
#include "pb-pack-walk.h"

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

typedef enum
{
  PB_PACK_FORMAT_PDF,
  PB_PACK_FORMAT_DOCX,
  PB_PACK_FORMAT_CSV,
  PB_PACK_FORMAT_HTML,
} PbPackFormat;

const char *pb_pack_format_get_extension (PbPackFormat format);
gboolean    pb_pack_format_from_name     (const char   *name,
                                          PbPackFormat *format);

gboolean pb_library_export_pack      (PbLibrary     *library,
                                      gint64         pack_id,
                                      PbPackFormat   format,
                                      const char    *path,
                                      GError       **error);
gboolean pb_library_export_pack_full (PbLibrary            *library,
                                      gint64                pack_id,
                                      PbPackFormat          format,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      PbExportProgressFunc  progress,
                                      gpointer              progress_data,
                                      GError              **error);
gboolean pb_library_export_pack_with_options (PbLibrary                  *library,
                                              gint64                      pack_id,
                                              PbPackFormat                format,
                                              const char                 *path,
                                              const PbPackExportOptions  *options,
                                              GCancellable               *cancellable,
                                              PbExportProgressFunc        progress,
                                              gpointer                    progress_data,
                                              GError                    **error);
void     pb_library_export_pack_with_options_async (PbLibrary                 *library,
                                                    gint64                     pack_id,
                                                    PbPackFormat               format,
                                                    const char                *path,
                                                    const PbPackExportOptions *options,
                                                    GCancellable              *cancellable,
                                                    PbExportProgressFunc       progress,
                                                    gpointer                   progress_data,
                                                    GAsyncReadyCallback        callback,
                                                    gpointer                   user_data);
void     pb_library_export_pack_async  (PbLibrary           *library,
                                        gint64               pack_id,
                                        PbPackFormat         format,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        PbExportProgressFunc progress,
                                        gpointer             progress_data,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean pb_library_export_pack_finish (PbLibrary           *library,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
