/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

gboolean pb_library_export_annotated (PbLibrary   *library,
                                      gint64       report_id,
                                      const char  *path,
                                      gboolean     include_exempt,
                                      GError     **error);
void     pb_library_export_annotated_async  (PbLibrary           *library,
                                             gint64               report_id,
                                             const char          *path,
                                             gboolean             include_exempt,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean pb_library_export_annotated_finish (PbLibrary           *library,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
