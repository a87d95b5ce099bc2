/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding.h"
#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_SUGGESTION (pb_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (PbSuggestion, pb_suggestion, PB, SUGGESTION, GObject)

gint64      pb_suggestion_get_id     (PbSuggestion  *self);
gboolean    pb_suggestion_is_from_pdf (PbSuggestion *self);
PbFinding  *pb_suggestion_get_draft  (PbSuggestion  *self);
gint64      pb_suggestion_get_tracked_item (PbSuggestion *self);
GPtrArray  *pb_library_list_suggestions  (PbLibrary     *library,
                                          gint64         report_id,
                                          GError       **error);
gboolean    pb_library_close_suggestion  (PbLibrary     *library,
                                          gint64         id,
                                          gboolean       accepted,
                                          GError       **error);

G_END_DECLS
