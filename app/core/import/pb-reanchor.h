/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

gboolean    pb_library_reanchor_finding        (PbLibrary              *library,
                                                gint64                  id,
                                                GError                **error);
void        pb_library_reanchor_finding_async  (PbLibrary              *library,
                                                gint64                  id,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean    pb_library_reanchor_finding_finish (PbLibrary              *library,
                                                GAsyncResult           *result,
                                                GError                **error);

G_END_DECLS
