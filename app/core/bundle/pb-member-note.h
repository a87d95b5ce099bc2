/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-library.h"

G_BEGIN_DECLS

/* A panel member's private notes on a pack opened from a bundle, each on a
 * finding or a section, and each perhaps a question for the meeting.  They
 * live in the member's library (so in its backups), never in a bundle. */

/**
 * PbNoteTarget:
 * @PB_NOTE_ON_FINDING: the note is on a finding
 * @PB_NOTE_ON_SECTION: the note is on a section
 */
typedef enum
{
  PB_NOTE_ON_FINDING,
  PB_NOTE_ON_SECTION,
} PbNoteTarget;

#define PB_TYPE_MEMBER_NOTE (pb_member_note_get_type ())

G_DECLARE_FINAL_TYPE (PbMemberNote, pb_member_note, PB, MEMBER_NOTE, GObject)

gint64       pb_member_note_get_id             (PbMemberNote *self);
const char  *pb_member_note_get_uuid           (PbMemberNote *self);
const char  *pb_member_note_get_pack_uuid      (PbMemberNote *self);
PbNoteTarget pb_member_note_get_target         (PbMemberNote *self);
const char  *pb_member_note_get_target_key     (PbMemberNote *self);
const char  *pb_member_note_get_text           (PbMemberNote *self);
gboolean     pb_member_note_get_question       (PbMemberNote *self);
const char  *pb_member_note_get_about          (PbMemberNote *self);
const char  *pb_member_note_get_citation       (PbMemberNote *self);
gboolean     pb_member_note_get_target_present (PbMemberNote *self);
GDateTime   *pb_member_note_get_created        (PbMemberNote *self);
GDateTime   *pb_member_note_get_updated        (PbMemberNote *self);

gint64      pb_library_add_member_note    (PbLibrary     *library,
                                           gint64         bundle_id,
                                           PbNoteTarget   target,
                                           const char    *target_key,
                                           const char    *text,
                                           gboolean       question,
                                           GError       **error);
gboolean    pb_library_update_member_note (PbLibrary     *library,
                                           gint64         note_id,
                                           const char    *text,
                                           gboolean       question,
                                           GError       **error);
gboolean    pb_library_delete_member_note (PbLibrary     *library,
                                           gint64         note_id,
                                           GError       **error);
GPtrArray  *pb_library_list_member_notes  (PbLibrary     *library,
                                           gint64         bundle_id,
                                           gboolean       questions_only,
                                           GError       **error);

G_END_DECLS
