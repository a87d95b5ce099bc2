/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-pack-contents.h"

G_BEGIN_DECLS

#define PB_TYPE_PACK_EDITOR (pb_pack_editor_get_type ())

G_DECLARE_FINAL_TYPE (PbPackEditor, pb_pack_editor, PB, PACK_EDITOR, GtkWidget)

GtkWidget      *pb_pack_editor_new          (void);
void            pb_pack_editor_set_pack     (PbPackEditor *self,
                                             PbLibrary    *library,
                                             gint64        pack_id);
gint64          pb_pack_editor_get_pack_id  (PbPackEditor *self);
PbPackContents *pb_pack_editor_get_contents (PbPackEditor *self);
GtkListBox     *pb_pack_editor_get_list     (PbPackEditor *self);
void            pb_pack_editor_focus_title  (PbPackEditor *self);
gboolean        pb_pack_editor_undo_remove  (PbPackEditor *self);
gboolean        pb_pack_editor_add_finding  (PbPackEditor *self,
                                             PbFinding    *finding);
gboolean        pb_pack_editor_drop_finding (PbPackEditor *self,
                                             PbFinding    *finding,
                                             guint         before_row);

/* The member bundle, and members' questions: pb-pack-editor-bundle.c */
GtkWidget      *pb_pack_editor_export_bundle  (PbPackEditor *self,
                                               const char   *path);
GtkWidget      *pb_pack_editor_show_questions (PbPackEditor *self);

G_END_DECLS
