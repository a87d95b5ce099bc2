/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-view-state.h"

G_BEGIN_DECLS

gboolean    pb_library_get_view_state   (PbLibrary     *self,
                                         gint64         report_id,
                                         PbViewState   *state);
gboolean    pb_library_save_view_state  (PbLibrary     *self,
                                         gint64         report_id,
                                         const PbViewState *state,
                                         GError       **error);
gint64      pb_library_get_last_read_report (PbLibrary *self);

G_END_DECLS
