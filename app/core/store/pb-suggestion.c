/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-suggestion"

#include "config.h"

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-suggestion.h"

#include <string.h>

/* A passage offered as a finding: the officer accepts it (it becomes a real
 * finding, once they have chosen its cohorts) or dismisses it. Either way it
 * is not offered again; nor is a passage the officer has already made a
 * finding of by selecting it. */

struct _PbSuggestion
{
  GObject    parent_instance;
  gint64     id;
  PbFinding *draft;
  gboolean   from_pdf;
  gint64     tracked_item;
};

G_DEFINE_FINAL_TYPE (PbSuggestion, pb_suggestion, G_TYPE_OBJECT)

static void
pb_suggestion_finalize (GObject *object)
{
  g_clear_object (&PB_SUGGESTION (object)->draft);
  G_OBJECT_CLASS (pb_suggestion_parent_class)->finalize (object);
}

static void
pb_suggestion_class_init (PbSuggestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_suggestion_finalize;
}

static void
pb_suggestion_init (PbSuggestion *self)
{
}

/**
 * pb_suggestion_get_id:
 * @self: a suggested finding
 *
 * Returns: its id in the library
 */
gint64
pb_suggestion_get_id (PbSuggestion *self)
{
  g_return_val_if_fail (PB_IS_SUGGESTION (self), 0);
  return self->id;
}

/**
 * pb_suggestion_is_from_pdf:
 * @self: a suggested finding
 *
 * Returns: whether it is a highlight the PDF came with, rather than one read
 *   from the report's structure (a recommendation, a section's grade)
 */
gboolean
pb_suggestion_is_from_pdf (PbSuggestion *self)
{
  g_return_val_if_fail (PB_IS_SUGGESTION (self), FALSE);
  return self->from_pdf;
}

/**
 * pb_suggestion_get_draft:
 *
 * Returns: (transfer none): the finding it would become (no id, no cohorts
 *   unless the suggestion knows one)
 */
PbFinding *
pb_suggestion_get_draft (PbSuggestion *self)
{
  g_return_val_if_fail (PB_IS_SUGGESTION (self), NULL);
  return self->draft;
}

/* Words only, lower case, one space between: a quote as selected on the
 * page and as read from the structure compare equal. */
static char *
fold_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  GString *words = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && words->len > 0)
            g_string_append_c (words, ' ');
          g_string_append_unichar (words, c);
          space = FALSE;
        }
      else if (g_unichar_isspace (c))
        space = TRUE;
    }

  return g_string_free (words, FALSE);
}

/* The folded quotes of the report's findings. */
static GPtrArray *
finding_quotes (sqlite3  *db,
                gint64    report_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT f.quote FROM findings AS f"
                                  " JOIN reports AS r ON r.sha256 = f.report_sha256 WHERE r.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (quotes, fold_words (pb_db_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&quotes);
}

/* Whether a finding already holds the passage: the same words, or one the
 * other's part (a recommendation saved with the sentence around it, or a
 * finding of its first clause); a few common words in common are not
 * enough. */
static gboolean
already_found (GPtrArray  *quotes,
               const char *quote)
{
  g_autofree char *words = fold_words (quote);
  gsize len = strlen (words);

  if (len == 0)
    return FALSE;

  for (guint i = 0; i < quotes->len; i++)
    {
      const char *found = g_ptr_array_index (quotes, i);
      gsize found_len = strlen (found);

      if (g_str_equal (found, words) ||
          (MIN (len, found_len) >= 24 && (strstr (found, words) != NULL || strstr (words, found) != NULL)))
        return TRUE;
    }

  return FALSE;
}

/**
 * pb_suggestion_get_tracked_item:
 * @self: a suggested finding
 *
 * The tracked recommendation made of the suggestion's words, so that the
 * suggestion can say it is tracked rather than offer Track again.
 *
 * Returns: the item's id, or 0 when none tracks it
 */
gint64
pb_suggestion_get_tracked_item (PbSuggestion *self)
{
  g_return_val_if_fail (PB_IS_SUGGESTION (self), 0);
  return self->tracked_item;
}

/**
 * pb_library_list_suggestions:
 *
 * Returns: (transfer container) (element-type PbSuggestion): the report's open
 *   suggestions, in page order, less those a finding of the report already
 *   quotes: the same words, or one holding the other; each knows the
 *   tracked recommendation made of it, if any
 */
GPtrArray *
pb_library_list_suggestions (PbLibrary  *library,
                             gint64      report_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) quotes = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(quotes = finding_quotes (db, report_id, error)))
    return NULL;

  if (!(stmt = pb_db_prepare (db,
                              "SELECT s.id, s.report_sha256, s.page_number, s.quads, s.quote,"
                              "  s.note, s.kind, s.cohort, s.source,"
                              /* The item tracking it has its words, from its report. */
                              "  (SELECT rec.id FROM recommendations AS rec"
                              "    WHERE rec.report_sha256 = s.report_sha256 AND rec.text = s.quote"
                              "    ORDER BY rec.id LIMIT 1)"
                              " FROM suggestions AS s"
                              " JOIN reports AS r ON r.sha256 = s.report_sha256"
                              " WHERE r.id = ?1 AND s.state = 'open'"
                              " ORDER BY s.source = 'structure', s.page_number, s.id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, report_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbSuggestion *suggestion;
      g_autoptr(GArray) anchors = NULL;
      const char *cohort = pb_db_column_text (stmt, 7);
      PbFindingKind kind = PB_FINDING_KIND_CONTEXT;

      if (already_found (quotes, pb_db_column_text (stmt, 4)))
        continue;

      suggestion = g_object_new (PB_TYPE_SUGGESTION, NULL);
      anchors = pb_anchors_from_json (pb_db_column_text (stmt, 3), NULL);
      suggestion->id = sqlite3_column_int64 (stmt, 0);
      suggestion->from_pdf = g_strcmp0 (pb_db_column_text (stmt, 8), "pdf-annotation") == 0;
      suggestion->tracked_item = sqlite3_column_int64 (stmt, 9);
      suggestion->draft = pb_finding_new ();
      pb_finding_set_report_sha256 (suggestion->draft, pb_db_column_text (stmt, 1));
      if (anchors != NULL)
        pb_finding_set_anchors (suggestion->draft, (PbAnchor *)(gpointer)anchors->data, anchors->len);
      pb_finding_set_page (suggestion->draft, (guint)MAX (sqlite3_column_int (stmt, 2), 1));
      pb_finding_set_quote (suggestion->draft, pb_db_column_text (stmt, 4));
      pb_finding_set_note (suggestion->draft, pb_db_column_text (stmt, 5));
      pb_finding_kind_from_slug (pb_db_column_text (stmt, 6), &kind);
      pb_finding_set_kind (suggestion->draft, kind);
      if (cohort != NULL)
        pb_finding_set_cohorts (suggestion->draft, (const char * const[]) { cohort, NULL });

      g_ptr_array_add (suggestions, suggestion);
    }

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&suggestions);
}

/**
 * pb_library_close_suggestion:
 * @library: a library
 * @id: a suggestion
 * @accepted: whether a finding was made of it; otherwise it was dismissed
 * @error: a #GError, or %NULL
 *
 * Marks a suggestion accepted or dismissed, so that it is no longer
 * listed. An id no suggestion has changes nothing.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR)
 */
gboolean
pb_library_close_suggestion (PbLibrary  *library,
                             gint64      id,
                             gboolean    accepted,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "UPDATE suggestions SET state = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, accepted ? "accepted" : "dismissed", -1, SQLITE_STATIC);

  return pb_db_step_done (stmt, error);
}
