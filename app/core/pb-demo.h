/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *pb_demo_write_samples (const char  *dir,
                                  GError     **error);

G_END_DECLS
