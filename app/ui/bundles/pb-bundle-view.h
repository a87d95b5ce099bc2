/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-bundle-entry-row.h"
#include "pb-library.h"
#include "pb-questions.h"

G_BEGIN_DECLS

#define PB_TYPE_BUNDLE_VIEW (pb_bundle_view_get_type ())

G_DECLARE_FINAL_TYPE (PbBundleView, pb_bundle_view, PB, BUNDLE_VIEW, GtkWidget)

void              pb_bundle_view_set_library     (PbBundleView       *self,
                                                  PbLibrary          *library);
void              pb_bundle_view_reload          (PbBundleView       *self);
gboolean          pb_bundle_view_show_pack       (PbBundleView       *self,
                                                  gint64              bundle_id);
gint64            pb_bundle_view_get_pack_id     (PbBundleView       *self);
PbBundlePack     *pb_bundle_view_get_pack        (PbBundleView       *self);
GListModel       *pb_bundle_view_get_packs       (PbBundleView       *self);
void              pb_bundle_view_set_show_intro  (PbBundleView       *self,
                                                  gboolean            show_intro);
gboolean          pb_bundle_view_get_show_intro  (PbBundleView       *self);
GtkListBox       *pb_bundle_view_get_list        (PbBundleView       *self);
PbBundleEntryRow *pb_bundle_view_find_row        (PbBundleView       *self,
                                                  const char         *key);
GtkWidget        *pb_bundle_view_add_note        (PbBundleView       *self,
                                                  PbBundleEntryRow   *row,
                                                  PbMemberNote       *note);
void              pb_bundle_view_export_questions_async  (PbBundleView        *self,
                                                          const char          *path,
                                                          PbQuestionsFormat    format,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean          pb_bundle_view_export_questions_finish (PbBundleView        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
