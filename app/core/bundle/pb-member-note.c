/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-member-note.h"
#include "pb-pack.h"

/* A member's notes are keyed by the pack's identity and their target's
 * (a finding's or section's), never by row ids: a newer bundle of the pack
 * replaces its rows, and the notes must find their places again.  Each
 * note also keeps what it was about (the quote, or the section's title)
 * and the finding's citation as they were when it was written, so that a
 * note on a finding a later bundle dropped still says what it was on. */

struct _PbMemberNote
{
  GObject       parent_instance;

  gint64        id;
  char         *uuid;
  char         *pack_uuid;
  PbNoteTarget  target;
  char         *target_key;
  char         *text;
  gboolean      question;
  char         *about;
  char         *citation;
  gboolean      target_present;
  GDateTime    *created;
  GDateTime    *updated;
};

G_DEFINE_FINAL_TYPE (PbMemberNote, pb_member_note, G_TYPE_OBJECT)

static void
pb_member_note_finalize (GObject *object)
{
  PbMemberNote *self = (PbMemberNote *)object;

  g_free (self->uuid);
  g_free (self->pack_uuid);
  g_free (self->target_key);
  g_free (self->text);
  g_free (self->about);
  g_free (self->citation);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (pb_member_note_parent_class)->finalize (object);
}

static void
pb_member_note_class_init (PbMemberNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_member_note_finalize;
}

static void
pb_member_note_init (PbMemberNote *self)
{
}

/**
 * pb_member_note_get_id:
 *
 * Returns: the note's id in this library, for pb_library_update_member_note()
 *   and pb_library_delete_member_note()
 */
gint64
pb_member_note_get_id (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), 0);
  return self->id;
}

/**
 * pb_member_note_get_uuid:
 *
 * Returns: the note's identity, which an officer's library keeps a
 *   question by, so that importing the same questions twice adds nothing
 */
const char *
pb_member_note_get_uuid (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->uuid;
}

/**
 * pb_member_note_get_pack_uuid:
 *
 * Returns: the identity of the pack the note is on
 *   (pb_bundle_pack_get_uuid())
 */
const char *
pb_member_note_get_pack_uuid (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->pack_uuid;
}

/**
 * pb_member_note_get_target:
 *
 * Returns: whether the note is on a finding or on a section
 */
PbNoteTarget
pb_member_note_get_target (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), 0);
  return self->target;
}

/**
 * pb_member_note_get_target_key:
 *
 * Returns: the identity of the finding or section the note is on
 *   (pb_bundle_entry_get_key())
 */
const char *
pb_member_note_get_target_key (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->target_key;
}

/**
 * pb_member_note_get_text:
 *
 * Returns: what the member wrote, perhaps on several lines
 */
const char *
pb_member_note_get_text (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->text;
}

/**
 * pb_member_note_get_question:
 *
 * Returns: whether the note is a question for the meeting
 */
gboolean
pb_member_note_get_question (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), FALSE);
  return self->question;
}

/**
 * pb_member_note_get_about:
 *
 * Returns: the finding's quote, or the section's title
 */
const char *
pb_member_note_get_about (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->about;
}

/**
 * pb_member_note_get_citation:
 *
 * Returns: the finding's citation (pb_citation_format()); empty for a
 *   section
 */
const char *
pb_member_note_get_citation (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->citation;
}

/**
 * pb_member_note_get_target_present:
 *
 * Returns: whether the pack, as the library now has it, still holds the
 *   finding or section the note is on
 */
gboolean
pb_member_note_get_target_present (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), FALSE);
  return self->target_present;
}

/**
 * pb_member_note_get_created:
 *
 * Returns: (transfer none) (nullable): when it was written
 */
GDateTime *
pb_member_note_get_created (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->created;
}

/**
 * pb_member_note_get_updated:
 *
 * Returns: (transfer none) (nullable): when it was last changed
 */
GDateTime *
pb_member_note_get_updated (PbMemberNote *self)
{
  g_return_val_if_fail (PB_IS_MEMBER_NOTE (self), NULL);
  return self->updated;
}

/* ---- The store ----------------------------------------------------------- */

static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  return g_strdup (g_strstrip (valid));
}

static gboolean
empty_text (GError **error)
{
  g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A note needs some text."));
  return FALSE;
}

/* What the note is about and its citation, read from the pack as it is. */
static gboolean
read_target (sqlite3       *db,
             gint64         bundle_id,
             PbNoteTarget   target,
             const char    *key,
             char         **out_pack_uuid,
             char         **out_about,
             char         **out_citation,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pb_db_prepare (db, target == PB_NOTE_ON_FINDING
                            ? "SELECT p.uuid, f.quote, f.citation FROM bundle_findings AS f"
                              " JOIN bundle_packs AS p ON p.id = f.bundle_id WHERE f.bundle_id = ?1 AND f.uuid = ?2"
                            : "SELECT p.uuid, s.title, '' FROM bundle_sections AS s"
                              " JOIN bundle_packs AS p ON p.id = s.bundle_id WHERE s.bundle_id = ?1 AND s.uuid = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bundle_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_pack_uuid = g_strdup (pb_db_column_text (stmt, 0));
      *out_about = g_strdup (pb_db_column_text (stmt, 1));
      *out_citation = g_strdup (pb_db_column_text (stmt, 2));
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_FOUND,
                 target == PB_NOTE_ON_FINDING ? _("The pack has no such finding.")
                                              : _("The pack has no such section."));
  else
    pb_db_set_error (db, rc, error);
  return FALSE;
}

/**
 * pb_library_add_member_note:
 * @bundle_id: a pack opened from a bundle
 * @target: whether the note is on a finding or a section
 * @target_key: the finding's or section's identity (pb_bundle_entry_get_key())
 * @text: the note; blank space around it is dropped
 * @question: whether it is a question for the meeting
 *
 * Returns: the new note's id, or 0 with @error set (%PB_BUNDLE_ERROR_NOT_FOUND
 *   for no such pack, finding or section; %PB_PACKS_ERROR_INVALID for no
 *   text; the library's
 *   problem when it cannot be written; %PB_DB_ERROR)
 */
gint64
pb_library_add_member_note (PbLibrary     *library,
                            gint64         bundle_id,
                            PbNoteTarget   target,
                            const char    *target_key,
                            const char    *text,
                            gboolean       question,
                            GError       **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = clean_text (text);
  g_autofree char *pack_uuid = NULL;
  g_autofree char *about = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = pb_db_now ();

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);
  g_return_val_if_fail (target_key != NULL, 0);

  if (*clean == '\0')
    return empty_text (error);
  if (!pb_library_check_writable (library, error) ||
      !read_target (db, bundle_id, target, target_key, &pack_uuid, &about, &citation, error) ||
      !(stmt = pb_db_prepare (db, "INSERT INTO member_notes (uuid, pack_uuid, target, target_uuid, text,"
                                  "  question, about, citation, created_at, updated_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pack_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, target == PB_NOTE_ON_FINDING ? "finding" : "section", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, target_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, question ? 1 : 0);
  sqlite3_bind_text (stmt, 7, about, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, citation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (!pb_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gboolean
change_note (PbLibrary   *library,
             const char  *sql,
             gint64       note_id,
             const char  *text,
             gboolean     question,
             GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pb_db_now ();

  if (!pb_library_check_writable (library, error) || !(stmt = pb_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (text != NULL)
    {
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, question ? 1 : 0);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
    }
  if (!pb_db_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_FOUND, _("There is no such note."));
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_update_member_note:
 * @note_id: a note
 * @text: its new text
 * @question: whether it is now a question for the meeting
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_add_member_note()
 */
gboolean
pb_library_update_member_note (PbLibrary   *library,
                               gint64       note_id,
                               const char  *text,
                               gboolean     question,
                               GError     **error)
{
  g_autofree char *clean = clean_text (text);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (*clean == '\0')
    return empty_text (error);
  return change_note (library, "UPDATE member_notes SET text = ?2, question = ?3, updated_at = ?4 WHERE id = ?1",
                      note_id, clean, question, error);
}

/**
 * pb_library_delete_member_note:
 * @note_id: a note
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_add_member_note()
 */
gboolean
pb_library_delete_member_note (PbLibrary  *library,
                               gint64      note_id,
                               GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  return change_note (library, "DELETE FROM member_notes WHERE id = ?1", note_id, NULL, FALSE, error);
}

/**
 * pb_library_list_member_notes:
 * @bundle_id: a pack opened from a bundle
 * @questions_only: only the questions for the meeting
 *
 * The member's notes on the pack in the pack's order (a section's before
 * its findings', each finding's where it first appears; several on one
 * place in the order written), then those whose finding or section the
 * pack no longer holds.
 *
 * Returns: (transfer full) (element-type PbMemberNote): the notes, or
 *   %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_member_notes (PbLibrary  *library,
                              gint64      bundle_id,
                              gboolean    questions_only,
                              GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db,
                              "SELECT n.id, n.uuid, n.pack_uuid, n.target, n.target_uuid, n.text, n.question,"
                              "  coalesce (f.quote, s.title, n.about), coalesce (f.citation, n.citation),"
                              "  n.created_at, n.updated_at, (f.id IS NOT NULL OR s.id IS NOT NULL) AS present,"
                              "  coalesce (s.position * 1000000 - 1,"
                              "   (SELECT min (s2.position * 1000000 + i.position) FROM bundle_items AS i"
                              "    JOIN bundle_sections AS s2 ON s2.id = i.section_id WHERE i.finding_id = f.id))"
                              "   AS place"
                              " FROM member_notes AS n JOIN bundle_packs AS p ON p.uuid = n.pack_uuid"
                              " LEFT JOIN bundle_sections AS s"
                              "  ON n.target = 'section' AND s.bundle_id = p.id AND s.uuid = n.target_uuid"
                              " LEFT JOIN bundle_findings AS f"
                              "  ON n.target = 'finding' AND f.bundle_id = p.id AND f.uuid = n.target_uuid"
                              " WHERE p.id = ?1 AND (NOT ?2 OR n.question)"
                              " ORDER BY present DESC, place, n.created_at, n.id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, bundle_id);
  sqlite3_bind_int (stmt, 2, questions_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbMemberNote *note = g_object_new (PB_TYPE_MEMBER_NOTE, NULL);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->uuid = g_strdup (pb_db_column_text (stmt, 1));
      note->pack_uuid = g_strdup (pb_db_column_text (stmt, 2));
      note->target = g_strcmp0 (pb_db_column_text (stmt, 3), "section") == 0 ? PB_NOTE_ON_SECTION
                                                                             : PB_NOTE_ON_FINDING;
      note->target_key = g_strdup (pb_db_column_text (stmt, 4));
      note->text = g_strdup (pb_db_column_text (stmt, 5));
      note->question = sqlite3_column_int (stmt, 6) != 0;
      note->about = g_strdup (pb_db_column_text (stmt, 7));
      note->citation = g_strdup (pb_db_column_text (stmt, 8));
      note->created = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 9), NULL);
      note->updated = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 10), NULL);
      note->target_present = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}
