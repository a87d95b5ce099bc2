/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack.h"

G_BEGIN_DECLS

void _pb_pack_set_not_found (GError **error,
                             gint64   pack_id);

G_END_DECLS
