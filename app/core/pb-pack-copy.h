/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack.h"

G_BEGIN_DECLS

gint64 pb_library_duplicate_pack (PbLibrary  *library,
                                  gint64      pack_id,
                                  GError    **error);

G_END_DECLS
