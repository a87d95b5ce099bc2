/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

gboolean pb_library_export_annotated (PbLibrary   *library,
                                      gint64       report_id,
                                      const char  *path,
                                      gboolean     include_exempt,
                                      GError     **error);

G_END_DECLS
