/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pb-library.h"

G_BEGIN_DECLS

GPtrArray *pb_demo_write_samples (const char  *dir,
                                  GError     **error);

gboolean   pb_demo_populate      (PbLibrary   *library,
                                  const char  *dir,
                                  GError     **error);

gint64     pb_demo_add_pack      (PbLibrary   *library,
                                  GError     **error);

gboolean   pb_demo_add_tracker   (PbLibrary   *library,
                                  gint64       pack_id,
                                  GError     **error);

G_END_DECLS
