/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

gboolean pb_library_set_report_title     (PbLibrary   *self,
                                          gint64       report_id,
                                          const char  *title,
                                          GError     **error);
gboolean pb_library_set_report_authority (PbLibrary   *self,
                                          gint64       report_id,
                                          const char  *authority,
                                          GError     **error);
gboolean pb_library_set_report_date      (PbLibrary   *self,
                                          gint64       report_id,
                                          const GDate *date,
                                          GError     **error);

G_END_DECLS
