/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

gboolean    pb_library_reanchor_finding       (PbLibrary              *library,
                                               gint64                  id,
                                               GError                **error);

G_END_DECLS
