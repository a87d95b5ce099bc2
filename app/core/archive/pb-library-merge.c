/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-merge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-merge.h"
#include "pb-library-private.h"
#include "pb-schema.h"

/* Bringing another library's rows into this one, for Open Library Archive…:
 * reports by checksum, cohorts by slug, findings and packs by what they are
 * (a finding's report, page, quote and creation time; a pack's title and
 * creation time), so that merging the same archive twice adds nothing the
 * second time. Ids are the other library's own, so each row's references are
 * mapped to the ids its parents get here.
 *
 * Columns are copied by name, those both libraries have, so that a column
 * added by a later schema step travels without this file knowing of it. The
 * other library is brought up to this schema first. */

/* The columns of @table in both databases, less @except. */
static GPtrArray *
shared_columns (sqlite3     *db,
                const char  *table,
                const char  *const *except,
                GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) mine = NULL;
  g_autoptr(sqlite3_stmt) src = NULL;

  if (!(mine = pb_db_prepare (db, "SELECT name FROM pragma_table_info (?1, 'main')", error)) ||
      !(src = pb_db_prepare (db, "SELECT name FROM pragma_table_info (?1, 'src')", error)))
    return NULL;

  sqlite3_bind_text (src, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (src) == SQLITE_ROW)
    g_hash_table_add (theirs, g_strdup (pb_db_column_text (src, 0)));

  sqlite3_bind_text (mine, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (mine) == SQLITE_ROW)
    {
      const char *name = pb_db_column_text (mine, 0);

      if (g_hash_table_contains (theirs, name) &&
          (except == NULL || !g_strv_contains (except, name)))
        g_ptr_array_add (columns, g_strdup (name));
    }

  return g_steal_pointer (&columns);
}

/* "a, b, c", each quoted as an identifier, optionally prefixed "t.". */
static char *
column_list (GPtrArray  *columns,
             const char *prefix)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (out, "%s%s\"%s\"", i > 0 ? ", " : "", prefix ? prefix : "",
                            (const char *)g_ptr_array_index (columns, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Copies one row of src.@table (by its id) into main.@table, with the
 * @n_remap columns @remap_names set to @remap_values (a value of 0 or less
 * is NULL); returns the new row's id. Table and column names are this
 * file's own, never the user's. */
static gint64
copy_row (sqlite3            *db,
          const char         *table,
          gint64              old_id,
          const char * const *remap_names,
          const gint64       *remap_values,
          guint               n_remap,
          GError            **error)
{
  const char *except[8] = { "id", NULL };
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (n_remap < G_N_ELEMENTS (except) - 1);
  for (guint i = 0; i < n_remap; i++)
    except[1 + i] = remap_names[i];

  if (!(columns = shared_columns (db, table, except, error)))
    return -1;

  plain = column_list (columns, NULL);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO main.\"%s\" (%s", table, plain);
  for (guint i = 0; i < n_remap; i++)
    g_string_append_printf (sql, ", \"%s\"", remap_names[i]);
  g_string_append_printf (sql, ") SELECT %s", plain);
  for (guint i = 0; i < n_remap; i++)
    g_string_append_printf (sql, ", ?%u", i + 2);
  g_string_append_printf (sql, " FROM src.\"%s\" WHERE id = ?1", table);

  if (!(stmt = pb_db_prepare (db, sql->str, error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, old_id);
  for (guint i = 0; i < n_remap; i++)
    {
      if (remap_values[i] > 0)
        sqlite3_bind_int64 (stmt, i + 2, remap_values[i]);
      else
        sqlite3_bind_null (stmt, i + 2);
    }
  if (!pb_db_step_done (stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (db);
}

/* Copies every row of src.@table whose report_id is a report just brought
 * in, with report_id set to its new id. */
static gboolean
copy_report_rows (sqlite3     *db,
                  const char  *table,
                  GError     **error)
{
  static const char * const except[] = { "id", "report_id", NULL };
  g_autoptr(GPtrArray) columns = shared_columns (db, table, except, error);
  g_autofree char *plain = NULL;
  g_autofree char *prefixed = NULL;
  g_autofree char *sql = NULL;

  if (columns == NULL)
    return FALSE;

  plain = column_list (columns, NULL);
  prefixed = column_list (columns, "t.");
  sql = g_strdup_printf ("INSERT INTO main.\"%s\" (%s%sreport_id) SELECT %s%sm.new"
                         " FROM src.\"%s\" AS t JOIN temp.map_reports AS m ON m.old = t.report_id",
                         table, plain, columns->len ? ", " : "", prefixed, columns->len ? ", " : "",
                         table);
  return pb_db_exec (db, sql, error);
}

/* The tables whose rows belong to one report by report_id. */
static GPtrArray *
report_tables (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db,
                              "SELECT m.name FROM src.sqlite_schema AS m"
                              " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
                              "  AND m.name NOT LIKE '%_fts%' AND m.name <> 'reports'"
                              "  AND EXISTS (SELECT 1 FROM pragma_table_info (m.name, 'src')"
                              "              WHERE name = 'report_id')"
                              "  AND EXISTS (SELECT 1 FROM main.sqlite_schema WHERE name = m.name)",
                              error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (pb_db_column_text (stmt, 0)));
  return g_steal_pointer (&tables);
}

static gboolean
merge_reports (sqlite3         *db,
               PbMergeSummary  *summary,
               GArray          *added,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) each = NULL;
  g_autoptr(sqlite3_stmt) map = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  if (!pb_db_exec (db, "CREATE TEMP TABLE map_reports (old INTEGER PRIMARY KEY, new INTEGER)", error) ||
      !(each = pb_db_prepare (db,
                              "SELECT id, sha256 IN (SELECT sha256 FROM main.reports)"
                              " FROM src.reports ORDER BY id", error)) ||
      !(map = pb_db_prepare (db, "INSERT INTO temp.map_reports VALUES (?1, ?2)", error)))
    return FALSE;

  while (sqlite3_step (each) == SQLITE_ROW)
    {
      gint64 old_id = sqlite3_column_int64 (each, 0);
      gint64 new_id;

      if (sqlite3_column_int (each, 1))
        {
          summary->reports_present++;
          continue;
        }
      if ((new_id = copy_row (db, "reports", old_id, NULL, NULL, 0, error)) < 0)
        return FALSE;
      g_array_append_val (added, new_id);
      sqlite3_reset (map);
      sqlite3_bind_int64 (map, 1, old_id);
      sqlite3_bind_int64 (map, 2, new_id);
      if (!pb_db_step_done (map, error))
        return FALSE;
      summary->reports_added++;
    }

  if (!(tables = report_tables (db, error)))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!copy_report_rows (db, g_ptr_array_index (tables, i), error))
      return FALSE;

  /* Offered findings are keyed by checksum: those of the reports brought in. */
  {
    static const char * const except[] = { "id", NULL };
    g_autoptr(GPtrArray) columns = shared_columns (db, "suggestions", except, error);
    g_autofree char *plain = NULL;
    g_autofree char *sql = NULL;

    if (columns == NULL)
      return FALSE;
    plain = column_list (columns, NULL);
    sql = g_strdup_printf ("INSERT INTO main.suggestions (%s) SELECT %s FROM src.suggestions"
                           " WHERE report_sha256 IN (SELECT r.sha256 FROM src.reports AS r"
                           "  JOIN temp.map_reports AS m ON m.old = r.id)", plain, plain);
    if (!pb_db_exec (db, sql, error))
      return FALSE;
  }

  return TRUE;
}

static gboolean
merge_cohorts (sqlite3         *db,
               PbMergeSummary  *summary,
               GError         **error)
{
  gint64 before = pb_db_query_int (db, "SELECT count(*) FROM main.cohorts", error);

  if (before < 0 ||
      !pb_db_exec (db,
                   "INSERT INTO main.cohorts (slug, name, color, built_in, position)"
                   " SELECT slug, name, color, built_in,"
                   "  (SELECT coalesce (max (position), -1) FROM main.cohorts) + row_number () OVER (ORDER BY position)"
                   " FROM src.cohorts WHERE slug NOT IN (SELECT slug FROM main.cohorts)",
                   error))
    return FALSE;
  summary->cohorts_added = (guint)(pb_db_query_int (db, "SELECT count(*) FROM main.cohorts", NULL) - before);
  return TRUE;
}

static gboolean
merge_findings (sqlite3         *db,
                PbMergeSummary  *summary,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) each = NULL;
  g_autoptr(sqlite3_stmt) map = NULL;

  if (!pb_db_exec (db, "CREATE TEMP TABLE map_findings (old INTEGER PRIMARY KEY, new INTEGER)", error) ||
      !(each = pb_db_prepare (db,
                              "SELECT f.id, (SELECT m.id FROM main.findings AS m"
                              "   WHERE m.report_sha256 = f.report_sha256 AND m.page_number = f.page_number"
                              "   AND m.quote = f.quote AND m.created_at = f.created_at),"
                              "  f.report_sha256 IN (SELECT sha256 FROM main.reports)"
                              " FROM src.findings AS f ORDER BY f.id", error)) ||
      !(map = pb_db_prepare (db, "INSERT INTO temp.map_findings VALUES (?1, ?2)", error)))
    return FALSE;

  while (sqlite3_step (each) == SQLITE_ROW)
    {
      gint64 old_id = sqlite3_column_int64 (each, 0);
      gint64 new_id = sqlite3_column_int64 (each, 1);

      if (new_id > 0)
        {
          summary->findings_present++;
        }
      else if (!sqlite3_column_int (each, 2))
        {
          continue;   /* its report is in neither library */
        }
      else
        {
          if ((new_id = copy_row (db, "findings", old_id, NULL, NULL, 0, error)) < 0)
            return FALSE;
          summary->findings_added++;

          {
            g_autoptr(sqlite3_stmt) cohorts = pb_db_prepare (db,
              "INSERT OR IGNORE INTO main.finding_cohorts (finding_id, cohort_id)"
              " SELECT ?2, mc.id FROM src.finding_cohorts AS fc"
              "  JOIN src.cohorts AS sc ON sc.id = fc.cohort_id"
              "  JOIN main.cohorts AS mc ON mc.slug = sc.slug WHERE fc.finding_id = ?1", error);

            if (cohorts == NULL)
              return FALSE;
            sqlite3_bind_int64 (cohorts, 1, old_id);
            sqlite3_bind_int64 (cohorts, 2, new_id);
            if (!pb_db_step_done (cohorts, error))
              return FALSE;
          }
        }

      sqlite3_reset (map);
      sqlite3_bind_int64 (map, 1, old_id);
      sqlite3_bind_int64 (map, 2, new_id);
      if (!pb_db_step_done (map, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_packs (sqlite3         *db,
             PbMergeSummary  *summary,
             GArray          *added,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) each = NULL;

  if (!(each = pb_db_prepare (db,
                              "SELECT p.id, EXISTS (SELECT 1 FROM main.packs AS m"
                              "   WHERE m.title = p.title AND m.created_at = p.created_at)"
                              " FROM src.packs AS p ORDER BY p.id", error)))
    return FALSE;

  while (sqlite3_step (each) == SQLITE_ROW)
    {
      gint64 old_pack = sqlite3_column_int64 (each, 0);
      g_autoptr(sqlite3_stmt) sections = NULL;
      gint64 new_pack;

      if (sqlite3_column_int (each, 1))
        {
          summary->packs_present++;
          continue;
        }
      if ((new_pack = copy_row (db, "packs", old_pack, NULL, NULL, 0, error)) < 0)
        return FALSE;
      g_array_append_val (added, new_pack);
      summary->packs_added++;

      if (!(sections = pb_db_prepare (db,
                                      "SELECT s.id, (SELECT mc.id FROM src.cohorts AS sc"
                                      "   JOIN main.cohorts AS mc ON mc.slug = sc.slug WHERE sc.id = s.cohort_id)"
                                      " FROM src.pack_sections AS s WHERE s.pack_id = ?1 ORDER BY s.position",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (sections, 1, old_pack);

      while (sqlite3_step (sections) == SQLITE_ROW)
        {
          static const char * const section_remap[] = { "pack_id", "cohort_id" };
          static const char * const item_remap[] = { "section_id", "finding_id" };
          gint64 old_section = sqlite3_column_int64 (sections, 0);
          gint64 section_values[] = { new_pack, sqlite3_column_int64 (sections, 1) };
          g_autoptr(sqlite3_stmt) items = NULL;
          gint64 new_section;

          if ((new_section = copy_row (db, "pack_sections", old_section, section_remap,
                                       section_values, G_N_ELEMENTS (section_values), error)) < 0)
            return FALSE;

          if (!(items = pb_db_prepare (db,
                                       "SELECT i.id, i.kind, (SELECT new FROM temp.map_findings"
                                       "   WHERE old = i.finding_id)"
                                       " FROM src.pack_items AS i WHERE i.section_id = ?1", error)))
            return FALSE;
          sqlite3_bind_int64 (items, 1, old_section);

          while (sqlite3_step (items) == SQLITE_ROW)
            {
              gint64 item_values[] = { new_section, sqlite3_column_int64 (items, 2) };

              /* A finding whose report came in neither way cannot be cited. */
              if (g_strcmp0 (pb_db_column_text (items, 1), "finding") == 0 && item_values[1] <= 0)
                continue;
              if (copy_row (db, "pack_items", sqlite3_column_int64 (items, 0), item_remap,
                            item_values, G_N_ELEMENTS (item_values), error) < 0)
                return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * pb_library_merge_database:
 * @library: the library to merge into; it must be writable
 * @other_db: (type filename): another library's library.db, which is brought
 *   up to this version's schema first (so it must be a copy that may change)
 * @summary: (out caller-allocates): what was added, and what was there already
 * @error: a #GError, or %NULL
 *
 * Adds to @library, in one transaction, the reports, cohorts, findings and
 * packs of @other_db it does not have yet. The report files themselves are
 * the caller's to place in reports/ first.
 *
 * Returns: %TRUE, or %FALSE with @error set (PB_DB_ERROR, or
 *   PB_LIBRARY_ERROR_NEWER_SCHEMA when @other_db is newer) and nothing
 *   changed
 */
gboolean
pb_library_merge_database (PbLibrary       *library,
                           const char      *other_db,
                           PbMergeSummary  *summary,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) attach = NULL;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) packs = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *other;
  sqlite3 *db;
  gint version;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (other_db != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (!pb_library_check_writable (library, error))
    return FALSE;

  /* Bring the other library up to this schema, so its columns are ours. */
  if (!(other = pb_db_open (other_db, FALSE, error)))
    return FALSE;
  version = pb_schema_get_version (other, error);
  if (version > (gint)pb_schema_latest_version ())
    {
      pb_db_close (other);
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NEWER_SCHEMA,
                   _("The archive was made by a newer version of Panel Brief. Update Panel "
                     "Brief to open it."));
      return FALSE;
    }
  ok = version >= 0 && pb_schema_migrate (other, pb_schema_latest_version (), error) &&
       pb_db_exec (other, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE", error);
  pb_db_close (other);
  if (!ok)
    return FALSE;

  db = _pb_library_get_db (library);
  if (!(attach = pb_db_prepare (db, "ATTACH DATABASE ?1 AS src", error)))
    return FALSE;
  sqlite3_bind_text (attach, 1, other_db, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (attach, error))
    return FALSE;

  ok = pb_db_begin (db, error) &&
       merge_reports (db, summary, added, error) &&
       merge_cohorts (db, summary, error) &&
       merge_findings (db, summary, error) &&
       merge_packs (db, summary, packs, error) &&
       pb_db_exec (db, "DROP TABLE temp.map_reports; DROP TABLE temp.map_findings", error) &&
       pb_db_commit (db, error);
  if (!ok)
    {
      pb_db_rollback (db);
      pb_db_exec (db, "DROP TABLE IF EXISTS temp.map_reports; DROP TABLE IF EXISTS temp.map_findings", NULL);
    }

  pb_db_exec (db, "DETACH DATABASE src", NULL);

  if (ok)
    {
      for (guint i = 0; i < added->len; i++)
        _pb_library_emit_report_added (library, g_array_index (added, gint64, i));
      if (summary->cohorts_added > 0)
        _pb_library_emit_cohorts_changed (library);
      for (guint i = 0; i < packs->len; i++)
        _pb_library_emit_pack_changed (library, g_array_index (packs, gint64, i));
    }
  return ok;
}
