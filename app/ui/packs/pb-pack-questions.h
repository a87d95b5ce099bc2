/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_PACK_QUESTIONS (pb_pack_questions_get_type ())

G_DECLARE_FINAL_TYPE (PbPackQuestions, pb_pack_questions, PB, PACK_QUESTIONS, AdwWindow)

PbPackQuestions *pb_pack_questions_new           (GtkWindow           *parent,
                                                  PbLibrary           *library,
                                                  gint64               pack_id);
gint64           pb_pack_questions_get_pack_id   (PbPackQuestions     *self);
void             pb_pack_questions_reload        (PbPackQuestions     *self);
GListModel      *pb_pack_questions_get_questions (PbPackQuestions     *self);
void             pb_pack_questions_import_async  (PbPackQuestions     *self,
                                                  const char          *path,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         pb_pack_questions_import_finish (PbPackQuestions     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
