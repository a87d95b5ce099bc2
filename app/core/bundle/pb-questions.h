/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-library.h"
#include "pb-member-note.h"

G_BEGIN_DECLS

/* A member's questions for the meeting, written out with their citations
 * to send to the officer (plain text or Word), and read back in the
 * officer's library to be kept beside the pack they are about. */

/**
 * PbQuestionsFormat:
 * @PB_QUESTIONS_FORMAT_TEXT: plain text, UTF-8
 * @PB_QUESTIONS_FORMAT_DOCX: a Word document
 */
typedef enum
{
  PB_QUESTIONS_FORMAT_TEXT,
  PB_QUESTIONS_FORMAT_DOCX,
} PbQuestionsFormat;

gboolean pb_library_export_questions (PbLibrary          *library,
                                      gint64              bundle_id,
                                      PbQuestionsFormat   format,
                                      const char         *asked_by,
                                      const char         *path,
                                      GError            **error);

/**
 * PbQuestionsImport:
 * @pack_id: the officer's pack the questions are about
 * @asked_by: (nullable): who sent them, as the file says
 * @added: questions new to the library
 * @updated: questions it had, brought up to date
 */
typedef struct
{
  gint64  pack_id;
  char   *asked_by;
  guint   added;
  guint   updated;
} PbQuestionsImport;

gboolean pb_library_import_questions (PbLibrary          *library,
                                      const char         *path,
                                      PbQuestionsImport  *out_result,
                                      GError            **error);
void     pb_questions_import_clear   (PbQuestionsImport  *result);

#define PB_TYPE_PACK_QUESTION (pb_pack_question_get_type ())

G_DECLARE_FINAL_TYPE (PbPackQuestion, pb_pack_question, PB, PACK_QUESTION, GObject)

gint64       pb_pack_question_get_id          (PbPackQuestion *self);
const char  *pb_pack_question_get_uuid        (PbPackQuestion *self);
const char  *pb_pack_question_get_asked_by    (PbPackQuestion *self);
PbNoteTarget pb_pack_question_get_target      (PbPackQuestion *self);
gint64       pb_pack_question_get_finding_id  (PbPackQuestion *self);
gint64       pb_pack_question_get_section_id  (PbPackQuestion *self);
const char  *pb_pack_question_get_about       (PbPackQuestion *self);
const char  *pb_pack_question_get_citation    (PbPackQuestion *self);
const char  *pb_pack_question_get_text        (PbPackQuestion *self);
GDateTime   *pb_pack_question_get_imported    (PbPackQuestion *self);

GPtrArray   *pb_library_list_pack_questions   (PbLibrary      *library,
                                               gint64          pack_id,
                                               GError        **error);

G_END_DECLS
