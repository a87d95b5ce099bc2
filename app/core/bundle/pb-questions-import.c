/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <zip.h>

#include "pb-bundle.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-questions-private.h"
#include "pb-questions.h"

/* A member's questions, read back in the officer's library.  The file is
 * the one pb-questions-export.c writes, as plain text or as a Word
 * document (whose paragraphs are its lines), perhaps opened and saved
 * again by Word on the way: the document's paragraphs are read whatever
 * runs Word splits them into.  Each question is kept against the pack by
 * its own identity, so importing a file twice, or a later file with the
 * same questions, adds nothing twice. */

#define MAX_FILE (16 * 1024 * 1024)

struct _PbPackQuestion
{
  GObject       parent_instance;

  gint64        id;
  char         *uuid;
  char         *asked_by;
  PbNoteTarget  target;
  gint64        finding_id;
  gint64        section_id;
  char         *about;
  char         *citation;
  char         *text;
  GDateTime    *imported;
};

G_DEFINE_FINAL_TYPE (PbPackQuestion, pb_pack_question, G_TYPE_OBJECT)

static void
pb_pack_question_finalize (GObject *object)
{
  PbPackQuestion *self = (PbPackQuestion *)object;

  g_free (self->uuid);
  g_free (self->asked_by);
  g_free (self->about);
  g_free (self->citation);
  g_free (self->text);
  g_clear_pointer (&self->imported, g_date_time_unref);

  G_OBJECT_CLASS (pb_pack_question_parent_class)->finalize (object);
}

static void
pb_pack_question_class_init (PbPackQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_pack_question_finalize;
}

static void
pb_pack_question_init (PbPackQuestion *self)
{
}

/**
 * pb_pack_question_get_id:
 *
 * Returns: the question's id in the officer's library
 */
gint64
pb_pack_question_get_id (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), 0);
  return self->id;
}

/**
 * pb_pack_question_get_uuid:
 *
 * Returns: the question's identity, the same in every file the member
 *   exports it in
 */
const char *
pb_pack_question_get_uuid (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->uuid;
}

/**
 * pb_pack_question_get_asked_by:
 *
 * Returns: who asked, as their file says; empty when it does not
 */
const char *
pb_pack_question_get_asked_by (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->asked_by;
}

/**
 * pb_pack_question_get_target:
 *
 * Returns: whether the question is on a finding or on a section
 */
PbNoteTarget
pb_pack_question_get_target (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), 0);
  return self->target;
}

/**
 * pb_pack_question_get_finding_id:
 *
 * Returns: the officer's finding the question is on, or 0 (a question on
 *   a section, or on a finding no longer in the library)
 */
gint64
pb_pack_question_get_finding_id (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), 0);
  return self->finding_id;
}

/**
 * pb_pack_question_get_section_id:
 *
 * Returns: the pack's section the question is on, or 0 (a question on a
 *   finding, or on a section since removed)
 */
gint64
pb_pack_question_get_section_id (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), 0);
  return self->section_id;
}

/**
 * pb_pack_question_get_about:
 *
 * Returns: the finding's quote or the section's title, as the member's
 *   file gives it
 */
const char *
pb_pack_question_get_about (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->about;
}

/**
 * pb_pack_question_get_citation:
 *
 * Returns: the finding's citation, as the member's file gives it; empty
 *   for a question on a section
 */
const char *
pb_pack_question_get_citation (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->citation;
}

/**
 * pb_pack_question_get_text:
 *
 * Returns: the question, perhaps on several lines
 */
const char *
pb_pack_question_get_text (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->text;
}

/**
 * pb_pack_question_get_imported:
 *
 * Returns: (transfer none) (nullable): when the question was last imported
 */
GDateTime *
pb_pack_question_get_imported (PbPackQuestion *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTION (self), NULL);
  return self->imported;
}

/* ---- Reading the file ------------------------------------------------------ */

typedef struct
{
  char *uuid;
  char *target;       /* "finding" or "section" */
  char *target_uuid;
  char *about;
  char *citation;
  char *text;
} Question;

typedef struct
{
  char      *pack_uuid;
  char      *pack_title;
  char      *asked_by;
  GPtrArray *questions;   /* Question */
} Parsed;

static void
question_free (Question *question)
{
  g_free (question->uuid);
  g_free (question->target);
  g_free (question->target_uuid);
  g_free (question->about);
  g_free (question->citation);
  g_free (question->text);
  g_free (question);
}

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->pack_uuid, g_free);
  g_clear_pointer (&parsed->pack_title, g_free);
  g_clear_pointer (&parsed->asked_by, g_free);
  g_clear_pointer (&parsed->questions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static gboolean
not_questions (GError **error)
{
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_QUESTIONS,
               _("This is not a file of questions written by Panel Brief (Export Questions…)."));
  return FALSE;
}

/* "Reference: <uuid> finding|section <uuid>" */
static gboolean
read_reference (const char *line,
                Question   *question)
{
  g_auto(GStrv) words = NULL;

  if (!g_str_has_prefix (line, QUESTIONS_REFERENCE))
    return FALSE;
  words = g_strsplit (line + strlen (QUESTIONS_REFERENCE), " ", -1);
  if (g_strv_length (words) != 3 || !g_uuid_string_is_valid (words[0]) ||
      (!g_str_equal (words[1], "finding") && !g_str_equal (words[1], "section")) ||
      !g_uuid_string_is_valid (words[2]))
    return FALSE;
  if (question != NULL)
    {
      question->uuid = g_strdup (words[0]);
      question->target = g_strdup (words[1]);
      question->target_uuid = g_strdup (words[2]);
    }
  return TRUE;
}

/* A question begins at "Question N" followed, within its few lines, by a
 * Reference line: a line of a question's own text that happens to read
 * "Question 2" is not mistaken for one. */
static gboolean
begins_question (GStrv lines,
                 guint i)
{
  const char *p;

  if (!g_str_has_prefix (lines[i], QUESTIONS_QUESTION))
    return FALSE;
  p = lines[i] + strlen (QUESTIONS_QUESTION);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  for (guint j = i + 1; j <= i + 3 && lines[j] != NULL; j++)
    if (read_reference (lines[j], NULL))
      return TRUE;
  return FALSE;
}

static char *
strip_quotes (const char *text)
{
  if (g_str_has_prefix (text, "“") && g_str_has_suffix (text, "”") && strlen (text) >= strlen ("“”"))
    return g_strndup (text + strlen ("“"), strlen (text) - strlen ("“”"));
  return g_strdup (text);
}

/* Fills @parsed (empty) from the lines of a questions file. */
static gboolean
parse_lines (GStrv     lines,
             Parsed   *parsed,
             GError  **error)
{
  guint i = 0;

  parsed->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);

  /* The title, somewhere before anything else of substance. */
  while (lines[i] != NULL && *lines[i] == '\0')
    i++;
  if (lines[i] == NULL || !g_str_equal (lines[i], QUESTIONS_TITLE))
    return not_questions (error);

  for (; lines[i] != NULL && !begins_question (lines, i); i++)
    {
      if (g_str_has_prefix (lines[i], QUESTIONS_PACK_REFERENCE))
        parsed->pack_uuid = g_strdup (lines[i] + strlen (QUESTIONS_PACK_REFERENCE));
      else if (g_str_has_prefix (lines[i], QUESTIONS_PACK))
        parsed->pack_title = g_strdup (lines[i] + strlen (QUESTIONS_PACK));
      else if (g_str_has_prefix (lines[i], QUESTIONS_FROM))
        parsed->asked_by = g_strdup (lines[i] + strlen (QUESTIONS_FROM));
    }
  if (parsed->pack_uuid == NULL || !g_uuid_string_is_valid (parsed->pack_uuid))
    return not_questions (error);

  while (lines[i] != NULL)
    {
      Question *question = g_new0 (Question, 1);
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean referenced = FALSE;

      g_ptr_array_add (parsed->questions, question);
      for (i++; lines[i] != NULL && !referenced; i++)
        {
          if (g_str_has_prefix (lines[i], QUESTIONS_ON_SECTION))
            question->about = g_strdup (lines[i] + strlen (QUESTIONS_ON_SECTION));
          else if (g_str_has_prefix (lines[i], QUESTIONS_ON))
            question->about = strip_quotes (lines[i] + strlen (QUESTIONS_ON));
          else if (g_str_has_prefix (lines[i], QUESTIONS_CITATION))
            question->citation = g_strdup (lines[i] + strlen (QUESTIONS_CITATION));
          else
            referenced = read_reference (lines[i], question);
        }
      if (!referenced)
        return not_questions (error);
      for (; lines[i] != NULL && !begins_question (lines, i); i++)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", lines[i]);
      /* Blank lines between questions are the file's, not the question's. */
      question->text = g_strdup (g_strstrip (text->str));
      if (*question->text == '\0')
        return not_questions (error);
    }
  return TRUE;
}

/* ---- Word ------------------------------------------------------------------ */

typedef struct
{
  GString  *lines;       /* the paragraphs, a line each */
  gboolean  in_text;
} DocxReader;

static void
docx_start_cb (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  DocxReader *reader = data;

  if (g_str_equal (element, "w:t"))
    reader->in_text = TRUE;
  else if (g_str_equal (element, "w:tab"))
    g_string_append_c (reader->lines, '\t');
  else if (g_str_equal (element, "w:br") || g_str_equal (element, "w:cr"))
    g_string_append_c (reader->lines, '\n');
}

static void
docx_end_cb (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  DocxReader *reader = data;

  if (g_str_equal (element, "w:t"))
    reader->in_text = FALSE;
  else if (g_str_equal (element, "w:p"))
    g_string_append_c (reader->lines, '\n');
}

static void
docx_text_cb (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              data,
              GError              **error)
{
  DocxReader *reader = data;

  if (reader->in_text)
    g_string_append_len (reader->lines, text, (gssize)length);
}

/* The document's paragraphs as lines of text. */
static char *
read_docx (const char  *data,
           gsize        length,
           GError     **error)
{
  static const GMarkupParser parser = { docx_start_cb, docx_end_cb, docx_text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *xml = NULL;
  DocxReader reader = { lines, FALSE };
  zip_error_t details;
  zip_source_t *source;
  zip_file_t *file;
  zip_stat_t st;
  zip_t *zip;

  zip_error_init (&details);
  if (!(source = zip_source_buffer_create (data, length, 0, &details)) ||
      !(zip = zip_open_from_source (source, ZIP_RDONLY, &details)))
    {
      if (source != NULL)
        zip_source_free (source);
      zip_error_fini (&details);
      not_questions (error);
      return NULL;
    }
  zip_error_fini (&details);

  zip_stat_init (&st);
  if (zip_stat (zip, "word/document.xml", 0, &st) < 0 || st.size > MAX_FILE ||
      !(file = zip_fopen (zip, "word/document.xml", 0)))
    {
      zip_discard (zip);
      not_questions (error);
      return NULL;
    }
  xml = g_malloc (st.size + 1);
  if (zip_fread (file, xml, st.size) != (zip_int64_t)st.size)
    {
      zip_fclose (file);
      zip_discard (zip);
      not_questions (error);
      return NULL;
    }
  zip_fclose (file);
  zip_discard (zip);
  xml[st.size] = '\0';

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  if (!g_markup_parse_context_parse (context, xml, (gssize)st.size, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    {
      not_questions (error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static gboolean
parse_file (const char  *data,
            gsize        length,
            Parsed      *parsed,
            GError     **error)
{
  g_autofree char *docx_text = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  const char *text = data;

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      if (!(docx_text = read_docx (data, length, error)))
        return FALSE;
      text = docx_text;
      length = strlen (docx_text);
    }
  if (!g_utf8_validate_len (text, length, NULL))
    return not_questions (error);
  valid = g_strndup (text, length);
  /* A byte-order mark, and Windows' line ends, from an editor on the way. */
  lines = g_strsplit_set (g_str_has_prefix (valid, "\xEF\xBB\xBF") ? valid + 3 : valid, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);
  return parse_lines (lines, parsed, error);
}

/* ---- The officer's library -------------------------------------------------- */

/**
 * pb_questions_import_clear:
 * @result: a result filled in by pb_library_import_questions()
 */
void
pb_questions_import_clear (PbQuestionsImport *result)
{
  g_clear_pointer (&result->asked_by, g_free);
}

static gint64
find_pack (sqlite3     *db,
           Parsed      *parsed,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT id FROM packs WHERE uuid = ?1 ORDER BY id LIMIT 1",
                                                error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, parsed->pack_uuid, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return -1;
    }
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_UNKNOWN_PACK,
               _("These questions are about “%s”, a pack that is not in this library."),
               parsed->pack_title ? parsed->pack_title : "?");
  return -1;
}

static gboolean
store_questions (sqlite3            *db,
                 gint64              pack_id,
                 Parsed             *parsed,
                 PbQuestionsImport  *result,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autofree char *now = pb_db_now ();

  if (!(exists = pb_db_prepare (db, "SELECT 1 FROM pack_questions WHERE pack_id = ?1 AND uuid = ?2", error)) ||
      !(upsert = pb_db_prepare (db, "INSERT INTO pack_questions (pack_id, uuid, asked_by, target, target_uuid,"
                                    "  about, citation, text, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                    " ON CONFLICT (pack_id, uuid) DO UPDATE SET asked_by = excluded.asked_by,"
                                    "  target = excluded.target, target_uuid = excluded.target_uuid,"
                                    "  about = excluded.about, citation = excluded.citation,"
                                    "  text = excluded.text, imported_at = excluded.imported_at", error)))
    return FALSE;

  for (guint i = 0; i < parsed->questions->len; i++)
    {
      Question *question = g_ptr_array_index (parsed->questions, i);
      gboolean had;

      sqlite3_reset (exists);
      sqlite3_bind_int64 (exists, 1, pack_id);
      sqlite3_bind_text (exists, 2, question->uuid, -1, SQLITE_STATIC);
      had = sqlite3_step (exists) == SQLITE_ROW;

      sqlite3_reset (upsert);
      sqlite3_bind_int64 (upsert, 1, pack_id);
      sqlite3_bind_text (upsert, 2, question->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 3, parsed->asked_by ? parsed->asked_by : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 4, question->target, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 5, question->target_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 6, question->about ? question->about : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 7, question->citation ? question->citation : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 8, question->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 9, now, -1, SQLITE_STATIC);
      if (!pb_db_step_done (upsert, error))
        return FALSE;
      if (had)
        result->updated++;
      else
        result->added++;
    }
  return TRUE;
}

/**
 * pb_library_import_questions:
 * @library: an officer's library
 * @path: (type filename): a file written by pb_library_export_questions(),
 *   as plain text or Word
 * @out_result: (out caller-allocates) (optional): what was imported; clear
 *   it with pb_questions_import_clear()
 * @error: a #GError, or %NULL
 *
 * Keeps a member's questions against the pack they are about, in one
 * transaction.  A question imported before is brought up to date, not
 * added again.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_BUNDLE_ERROR_NOT_QUESTIONS,
 *   %PB_BUNDLE_ERROR_UNKNOWN_PACK, the library's problem when it cannot be
 *   written, %PB_DB_ERROR, %G_FILE_ERROR)
 */
gboolean
pb_library_import_questions (PbLibrary          *library,
                             const char         *path,
                             PbQuestionsImport  *out_result,
                             GError            **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autofree char *data = NULL;
  g_auto(Parsed) parsed = { 0 };
  PbQuestionsImport result = { 0 };
  gsize length = 0;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  if (length > MAX_FILE)
    return not_questions (error);
  if (!parse_file (data, length, &parsed, error) ||
      !pb_library_check_writable (library, error) ||
      (result.pack_id = find_pack (db, &parsed, error)) < 0 ||
      !pb_db_begin (db, error))
    return FALSE;
  if (!store_questions (db, result.pack_id, &parsed, &result, error) || !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }

  result.asked_by = g_strdup (parsed.asked_by);
  if (out_result != NULL)
    *out_result = result;
  else
    pb_questions_import_clear (&result);
  return TRUE;
}

/**
 * pb_library_list_pack_questions:
 * @pack_id: an officer's pack
 *
 * Returns: (transfer full) (element-type PbPackQuestion): the members'
 *   questions on the pack, by who asked them, each member's in the order
 *   of their file; or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_pack_questions (PbLibrary  *library,
                                gint64      pack_id,
                                GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT q.id, q.uuid, q.asked_by, q.target,"
                                  /* An exempt pack's questions come without
                                   * their quotes: the officer's own finding
                                   * has it. */
                                  "  COALESCE (NULLIF (q.about, ''), (SELECT f.quote FROM findings AS f"
                                  "   WHERE q.target = 'finding' AND f.uuid = q.target_uuid ORDER BY f.id LIMIT 1), ''),"
                                  "  q.citation, q.text,"
                                  "  q.imported_at,"
                                  "  (SELECT f.id FROM findings AS f WHERE q.target = 'finding'"
                                  "   AND f.uuid = q.target_uuid ORDER BY f.id LIMIT 1),"
                                  "  (SELECT s.id FROM pack_sections AS s WHERE q.target = 'section'"
                                  "   AND s.pack_id = q.pack_id AND s.uuid = q.target_uuid LIMIT 1)"
                                  " FROM pack_questions AS q WHERE q.pack_id = ?1 ORDER BY q.asked_by, q.id",
                              error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pack_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbPackQuestion *question = g_object_new (PB_TYPE_PACK_QUESTION, NULL);

      question->id = sqlite3_column_int64 (stmt, 0);
      question->uuid = g_strdup (pb_db_column_text (stmt, 1));
      question->asked_by = g_strdup (pb_db_column_text (stmt, 2));
      question->target = g_strcmp0 (pb_db_column_text (stmt, 3), "section") == 0 ? PB_NOTE_ON_SECTION
                                                                                 : PB_NOTE_ON_FINDING;
      question->about = g_strdup (pb_db_column_text (stmt, 4));
      question->citation = g_strdup (pb_db_column_text (stmt, 5));
      question->text = g_strdup (pb_db_column_text (stmt, 6));
      question->imported = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 7), NULL);
      question->finding_id = sqlite3_column_int64 (stmt, 8);
      question->section_id = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (questions, question);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&questions);
}
