/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-insert"

#include "config.h"

#include <json-glib/json-glib.h>

#include "pb-db.h"
#include "pb-report-insert.h"
#include "pb-structure-store-private.h"
#include "pb-text-fold.h"
#include "pb-text-pages.h"

/* The rows of a new report: the report, its pages (and so the full-text
 * index, by trigger), its structure and the highlights it arrived with, all in
 * the caller's transaction. */

static char *
date_to_iso8601 (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  return g_date_time_format_iso8601 (date);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/* The pages as one JSON array of [width, height, text], for one INSERT:
 * NULL if a page's text is not UTF-8, which JSON cannot carry as it is. */
static char *
pages_to_json (const PbReportContent *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < content->pages->len; i++)
    {
      const PbPageContent *data = &g_array_index (content->pages, PbPageContent, i);

      if (!g_utf8_validate (data->text, -1, NULL))
        return NULL;
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, data->width);
      json_builder_add_double_value (builder, data->height);
      json_builder_add_string_value (builder, data->text);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * _pb_library_lookup_report:
 * @db: a connection to the library
 * @sha256: a report's checksum, 64 lowercase hex digits
 * @error: a #GError, or %NULL
 *
 * Returns: the id of the report with that checksum; 0 when there is none;
 *   -1 with @error set (PB_DB_ERROR) when the library could not be read
 */
gint64
_pb_library_lookup_report (sqlite3     *db,
                           const char  *sha256,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id FROM reports WHERE sha256 = ?1", error)))
    return -1;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return -1;
    }

  return 0;
}

/**
 * _pb_library_lookup_fingerprint:
 * @db: a connection to the library
 * @fingerprint: pb_text_fingerprint () of a report's pages
 * @out_title: (out) (optional): the title of the report found
 * @error: a #GError, or %NULL
 *
 * Finds a report with the same words on the same pages: the same report,
 * perhaps saved again with other dates and identifiers.
 *
 * Returns: its id; 0 when there is none; -1 with @error set (PB_DB_ERROR)
 */
gint64
_pb_library_lookup_fingerprint (sqlite3     *db,
                                const char  *fingerprint,
                                char       **out_title,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id, title FROM reports WHERE text_fingerprint = ?1"
                                  " ORDER BY id LIMIT 1", error)))
    return -1;

  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      if (out_title != NULL)
        *out_title = g_strdup (pb_db_column_text (stmt, 1));
      return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return -1;
    }

  return 0;
}

/* Replaces the report's page extras with @extras, one text per page. */
static gboolean
store_extras (sqlite3    *db,
              gint64      report_id,
              GPtrArray  *extras,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(clear = pb_db_prepare (db, "DELETE FROM report_page_extras WHERE report_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (clear, 1, report_id);
  if (!pb_db_step_done (clear, error))
    return FALSE;

  /* In one statement, as the pages (insert_pages ()): [page number, text]
   * for each page with words outside its reading text. */
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *json = NULL;
    guint n = 0;

    json_builder_begin_array (builder);
    for (guint i = 0; i < extras->len; i++)
      {
        const char *text = g_ptr_array_index (extras, i);

        if (*text == '\0')
          continue;
        if (!g_utf8_validate (text, -1, NULL))
          continue;
        json_builder_begin_array (builder);
        json_builder_add_int_value (builder, (gint64)i + 1);
        json_builder_add_string_value (builder, text);
        json_builder_end_array (builder);
        n++;
      }
    json_builder_end_array (builder);

    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    json = json_generator_to_data (generator, NULL);
    if (n > 0)
      {
        g_autoptr(sqlite3_stmt) all = NULL;

        if (!(all = pb_db_prepare (db,
                                   "INSERT INTO report_page_extras (report_id, page_number, text)"
                                   " SELECT ?1, value ->> 0, value ->> 1 FROM json_each (?2) ORDER BY key",
                                   error)))
          return FALSE;
        sqlite3_bind_int64 (all, 1, report_id);
        sqlite3_bind_text (all, 2, json, -1, SQLITE_STATIC);
        if (!pb_db_step_done (all, error))
          return FALSE;
      }
  }

  /* Not UTF-8, which JSON cannot carry: the rest a page at a time. */
  if (!(insert = pb_db_prepare (db,
                                "INSERT INTO report_page_extras (report_id, page_number, text)"
                                " VALUES (?1, ?2, ?3)",
                                error)))
    return FALSE;

  for (guint i = 0; i < extras->len; i++)
    {
      const char *text = g_ptr_array_index (extras, i);

      if (*text == '\0' || g_utf8_validate (text, -1, NULL))
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, report_id);
      sqlite3_bind_int (insert, 2, (int)i + 1);
      sqlite3_bind_text (insert, 3, text, -1, SQLITE_STATIC);
      if (!pb_db_step_done (insert, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _pb_library_store_page_extras:
 * @db: a connection to the library, in a write transaction
 * @report_id: the report's id
 * @pages: (array length=n_pages): the report's page texts, in page order
 * @n_pages: how many
 * @error: a #GError, or %NULL
 *
 * Replaces what search indexes for the report's pages besides their text
 * (pb_text_page_extras ()).
 *
 * Returns: %TRUE, or %FALSE with @error set (PB_DB_ERROR)
 */
gboolean
_pb_library_store_page_extras (sqlite3            *db,
                               gint64              report_id,
                               const char * const *pages,
                               guint               n_pages,
                               GError            **error)
{
  g_autoptr(GPtrArray) extras = pb_text_page_extras (pages, n_pages);

  return store_extras (db, report_id, extras, error);
}

/* Whether a highlight read now is one already offered and decided: on the
 * same page, with the same words or words that hold the other's. */
static gboolean
was_decided (sqlite3         *db,
             const char      *sha256,
             const PbMarkup  *markup,
             gboolean        *decided,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *decided = FALSE;
  if (!(stmt = pb_db_prepare (db,
                              "SELECT quote FROM suggestions WHERE report_sha256 = ?1"
                              " AND source = 'pdf-annotation' AND state != 'open' AND page_number = ?2",
                              error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)markup->page);

  while (!*decided && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *quote = pb_db_column_text (stmt, 0);

      *decided = pb_text_find (quote, markup->quote, PB_TEXT_FIND_DEFAULT, NULL, NULL) ||
                 pb_text_find (markup->quote, quote, PB_TEXT_FIND_DEFAULT, NULL, NULL);
    }

  if (!*decided && rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The highlights a PDF arrived with, offered as findings; with
 * @skip_decided, not those already accepted or dismissed. */
static gboolean
insert_markups (sqlite3     *db,
                const char  *sha256,
                GPtrArray   *markups,
                gboolean     skip_decided,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) suggestion = NULL;

  if (markups->len == 0)
    return TRUE;

  if (!(suggestion = pb_db_prepare (db,
                                    "INSERT INTO suggestions (report_sha256, source, page_number,"
                                    "  quads, quote, note) VALUES (?1, 'pdf-annotation', ?2, ?3, ?4, ?5)",
                                    error)))
    return FALSE;

  for (guint i = 0; i < markups->len; i++)
    {
      PbMarkup *markup = g_ptr_array_index (markups, i);
      g_autofree char *quads = pb_anchors_to_json (markup->anchors);
      gboolean decided = FALSE;

      if (skip_decided && !was_decided (db, sha256, markup, &decided, error))
        return FALSE;
      if (decided)
        continue;

      sqlite3_reset (suggestion);
      sqlite3_bind_text (suggestion, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (suggestion, 2, (int)markup->page);
      sqlite3_bind_text (suggestion, 3, quads, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (suggestion, 4, markup->quote, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (suggestion, 5, markup->note, -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (suggestion, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _pb_library_replace_report_text:
 * @db: a connection to the library, in a write transaction
 * @report_id: a report in the library
 * @sha256: its checksum
 * @content: its pages, read again (by a newer page-text builder)
 * @structure: (nullable): what it says about itself, read again
 * @error: a #GError, or %NULL
 *
 * Replaces what was read from a report's pages: their text (and so the
 * full-text index), what else search indexes for them, its structure, the
 * highlights it arrived with that are still on offer, and its fingerprint;
 * and records the builder's version. Findings are not touched.
 *
 * Returns: %TRUE, or %FALSE with @error set (PB_DB_ERROR)
 */
gboolean
_pb_library_replace_report_text (sqlite3          *db,
                                 gint64            report_id,
                                 const char       *sha256,
                                 PbReportContent  *content,
                                 PbStructure      *structure,
                                 GError          **error)
{
  g_autoptr(sqlite3_stmt) page = NULL;
  g_autoptr(sqlite3_stmt) offered = NULL;
  g_autoptr(sqlite3_stmt) report = NULL;
  g_autoptr(GPtrArray) texts = pb_report_content_get_texts (content);
  g_autofree char *json = pages_to_json (content);

  /* Only the pages whose text changed, and in one statement where it can,
   * for the full-text index's sake (insert_pages ()). */
  if (!(page = pb_db_prepare (db,
                              json != NULL
                              ? "UPDATE report_pages SET text = j.value ->> 2, width = j.value ->> 0,"
                                "  height = j.value ->> 1"
                                " FROM json_each (?2) AS j"
                                " WHERE report_id = ?1 AND page_number = j.key + 1"
                                "  AND text IS NOT j.value ->> 2"
                              : "UPDATE report_pages SET text = ?3, width = ?4, height = ?5"
                                " WHERE report_id = ?1 AND page_number = ?2 AND text IS NOT ?3",
                              error)))
    return FALSE;

  if (json != NULL)
    {
      sqlite3_bind_int64 (page, 1, report_id);
      sqlite3_bind_text (page, 2, json, -1, SQLITE_STATIC);
      if (!pb_db_step_done (page, error))
        return FALSE;
    }

  for (guint i = 0; json == NULL && i < content->pages->len; i++)
    {
      const PbPageContent *data = &g_array_index (content->pages, PbPageContent, i);

      sqlite3_reset (page);
      sqlite3_bind_int64 (page, 1, report_id);
      sqlite3_bind_int (page, 2, (int)i + 1);
      sqlite3_bind_text (page, 3, data->text, -1, SQLITE_STATIC);
      sqlite3_bind_double (page, 4, data->width);
      sqlite3_bind_double (page, 5, data->height);
      if (!pb_db_step_done (page, error))
        return FALSE;
    }

  if (!_pb_library_store_page_extras (db, report_id, (const char * const *)texts->pdata,
                                      content->pages->len, error))
    return FALSE;

  if (structure != NULL && !_pb_structure_store (db, report_id, sha256, structure, error))
    return FALSE;

  if (!(offered = pb_db_prepare (db,
                                 "DELETE FROM suggestions WHERE report_sha256 = ?1"
                                 " AND source = 'pdf-annotation' AND state = 'open'",
                                 error)))
    return FALSE;
  sqlite3_bind_text (offered, 1, sha256, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (offered, error) ||
      !insert_markups (db, sha256, content->markups, TRUE, error))
    return FALSE;

  if (!(report = pb_db_prepare (db,
                                "UPDATE reports SET text_version = ?2, text_fingerprint = ?3,"
                                "  has_text_layer = ?4 WHERE id = ?1",
                                error)))
    return FALSE;
  sqlite3_bind_int64 (report, 1, report_id);
  sqlite3_bind_int (report, 2, (int)MAX (content->text_version, 1));
  bind_optional_text (report, 3, content->fingerprint);
  sqlite3_bind_int (report, 4, content->has_text_layer);

  return pb_db_step_done (report, error);
}

/* The report's pages, and so (by trigger) their full-text index, in as few
 * statements as SQLite's limit on bound values allows (one for any report
 * under thousands of pages): FTS5 writes what it holds in memory to disk at
 * the end of every statement that fires its trigger (its savepoint), so a
 * statement per page made a segment per page and merged them over and over;
 * one statement makes one (19 against 73 ms for 300 pages). The texts are
 * bound as they are, byte for byte, with no encoding in between. */
static gboolean
insert_pages (sqlite3                *db,
              gint64                  report_id,
              const PbReportContent  *content,
              GError                **error)
{
  /* Four values a page and the report's id. */
  guint per_statement = (guint)MAX ((sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, -1) - 1) / 4, 1);

  for (guint first = 0; first < content->pages->len; first += per_statement)
    {
      guint n = MIN (per_statement, content->pages->len - first);
      g_autoptr(GString) sql = g_string_new ("INSERT INTO report_pages"
                                             " (report_id, page_number, width, height, text) VALUES ");
      g_autoptr(sqlite3_stmt) pages = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s(?1, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                                2 + 4 * i, 3 + 4 * i, 4 + 4 * i, 5 + 4 * i);

      if (!(pages = pb_db_prepare (db, sql->str, error)))
        return FALSE;

      sqlite3_bind_int64 (pages, 1, report_id);
      for (guint i = 0; i < n; i++)
        {
          const PbPageContent *data = &g_array_index (content->pages, PbPageContent, first + i);

          sqlite3_bind_int64 (pages, (int)(2 + 4 * i), (gint64)first + i + 1);
          sqlite3_bind_double (pages, (int)(3 + 4 * i), data->width);
          sqlite3_bind_double (pages, (int)(4 + 4 * i), data->height);
          sqlite3_bind_text (pages, (int)(5 + 4 * i), data->text, -1, SQLITE_STATIC);
        }

      if (!pb_db_step_done (pages, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _pb_library_insert_report_pages:
 * @db: a connection to the library, in a write transaction
 * @sha256: the checksum of the PDF, 64 lowercase hex digits
 * @file_name: the name the file had when imported, valid UTF-8
 * @byte_size: its size in bytes
 * @title: the title to list it under
 * @content: what was read from its pages
 * @error: a #GError, or %NULL
 *
 * The first half of _pb_library_insert_report (): the report's row and its
 * pages (with their full-text index). Import reads the report's structure
 * meanwhile, and finishes with _pb_library_insert_report_rest ().
 *
 * Returns: the new report's id, or -1 with @error set (PB_DB_ERROR)
 */
gint64
_pb_library_insert_report_pages (sqlite3          *db,
                                 const char       *sha256,
                                 const char       *file_name,
                                 gint64            byte_size,
                                 const char       *title,
                                 PbReportContent  *content,
                                 GError          **error)
{
  g_autoptr(sqlite3_stmt) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *created_text = date_to_iso8601 (content->created);
  g_autofree char *modified_text = date_to_iso8601 (content->modified);
  gint64 report_id;

  if (!(report = pb_db_prepare (db,
                                "INSERT INTO reports (sha256, title, file_name, byte_size,"
                                "  page_count, pdf_title, pdf_author, pdf_subject, pdf_keywords,"
                                "  pdf_creator, pdf_producer, pdf_created, pdf_modified,"
                                "  is_tagged, has_text_layer, imported_at, text_version,"
                                "  text_fingerprint)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                "  ?13, ?14, ?15, ?16, ?17, ?18)",
                                error)))
    return -1;

  sqlite3_bind_text (report, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (report, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (report, 3, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (report, 4, byte_size);
  sqlite3_bind_int (report, 5, (int)content->pages->len);
  bind_optional_text (report, 6, content->pdf_title);
  bind_optional_text (report, 7, content->author);
  bind_optional_text (report, 8, content->subject);
  bind_optional_text (report, 9, content->keywords);
  bind_optional_text (report, 10, content->creator);
  bind_optional_text (report, 11, content->producer);
  bind_optional_text (report, 12, created_text);
  bind_optional_text (report, 13, modified_text);
  sqlite3_bind_int (report, 14, content->is_tagged);
  sqlite3_bind_int (report, 15, content->has_text_layer);
  sqlite3_bind_text (report, 16, now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (report, 17, (int)MAX (content->text_version, 1));
  bind_optional_text (report, 18, content->fingerprint);

  if (!pb_db_step_done (report, error))
    return -1;

  report_id = sqlite3_last_insert_rowid (db);

  /* A report removed earlier and imported again is no longer "kept only for a
   * backup's sake". */
  {
    g_autoptr(sqlite3_stmt) unremove = NULL;

    if (!(unremove = pb_db_prepare (db, "DELETE FROM removed_reports WHERE sha256 = ?1", error)))
      return -1;
    sqlite3_bind_text (unremove, 1, sha256, -1, SQLITE_TRANSIENT);
    if (!pb_db_step_done (unremove, error))
      return -1;
  }

  if (!insert_pages (db, report_id, content, error))
    return -1;

  return report_id;
}

/**
 * _pb_library_insert_report_rest:
 * @db: a connection to the library, in the write transaction of
 *   _pb_library_insert_report_pages ()
 * @report_id: the id it gave
 * @sha256: the checksum of the PDF, 64 lowercase hex digits
 * @content: what was read from its pages
 * @extras: (nullable) (element-type utf8): pb_text_page_extras () of
 *   @content's pages when already worked out; %NULL to work them out here
 * @structure: (nullable): what it says about itself; %NULL to store none
 * @error: a #GError, or %NULL
 *
 * The second half of _pb_library_insert_report (): what search finds
 * across page breaks, the structure and the markups.
 *
 * Returns: %TRUE, or %FALSE with @error set (PB_DB_ERROR)
 */
gboolean
_pb_library_insert_report_rest (sqlite3          *db,
                                gint64            report_id,
                                const char       *sha256,
                                PbReportContent  *content,
                                GPtrArray        *extras,
                                PbStructure      *structure,
                                GError          **error)
{
  if (extras != NULL)
    {
      if (!store_extras (db, report_id, extras, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) texts = pb_report_content_get_texts (content);

      if (!_pb_library_store_page_extras (db, report_id, (const char * const *)texts->pdata,
                                          content->pages->len, error))
        return FALSE;
    }

  /* What the report says about itself: type, dates, judgements, sections. */
  if (structure != NULL && !_pb_structure_store (db, report_id, sha256, structure, error))
    return FALSE;

  return insert_markups (db, sha256, content->markups, FALSE, error);
}

/**
 * _pb_library_insert_report:
 * @db: a connection to the library, in a write transaction
 * @sha256: the checksum of the PDF, 64 lowercase hex digits
 * @file_name: the name the file had when imported, valid UTF-8
 * @byte_size: its size in bytes
 * @title: the title to list it under
 * @content: what was read from its pages
 * @structure: (nullable): what it says about itself; %NULL to store none
 * @error: a #GError, or %NULL
 *
 * Inserts a new report's rows. Undone by rolling back the transaction.
 *
 * Returns: the new report's id, or -1 with @error set (PB_DB_ERROR)
 */
gint64
_pb_library_insert_report (sqlite3          *db,
                           const char       *sha256,
                           const char       *file_name,
                           gint64            byte_size,
                           const char       *title,
                           PbReportContent  *content,
                           PbStructure      *structure,
                           GError          **error)
{
  gint64 report_id = _pb_library_insert_report_pages (db, sha256, file_name, byte_size,
                                                      title, content, error);

  if (report_id < 0 ||
      !_pb_library_insert_report_rest (db, report_id, sha256, content, NULL, structure, error))
    return -1;

  return report_id;
}
