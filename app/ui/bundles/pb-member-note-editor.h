/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-member-note.h"

G_BEGIN_DECLS

#define PB_TYPE_MEMBER_NOTE_EDITOR (pb_member_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (PbMemberNoteEditor, pb_member_note_editor, PB, MEMBER_NOTE_EDITOR, AdwWindow)

PbMemberNoteEditor *pb_member_note_editor_new          (GtkWindow          *parent,
                                                        PbLibrary          *library,
                                                        gint64              bundle_id,
                                                        PbNoteTarget        target,
                                                        const char         *target_key,
                                                        const char         *about,
                                                        PbMemberNote       *note);
PbMemberNote       *pb_member_note_editor_get_note     (PbMemberNoteEditor *self);
void                pb_member_note_editor_set_text     (PbMemberNoteEditor *self,
                                                        const char         *text);
void                pb_member_note_editor_set_question (PbMemberNoteEditor *self,
                                                        gboolean            question);

G_END_DECLS
