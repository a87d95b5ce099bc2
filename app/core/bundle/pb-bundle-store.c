/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-private.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-private.h"

/* The rows bundles read and write.
 *
 * In an officer's library, a pack, its sections and its findings are
 * given their identities (uuid columns) the first time the pack is
 * bundled; every later bundle of the pack carries the same ones, which is
 * how a member's library knows a newer bundle of a pack it has, and where
 * the member's notes belong.
 *
 * In a member's library, a bundle's pack is written whole, in one
 * transaction, into the bundle_* tables: a newer bundle of the same pack
 * replaces its sections, items, findings and report list, and keeps its
 * row (and so its id).  The member's notes are keyed by identities in
 * member_notes, which this file never touches. */

/* ---- The officer's side -------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *uuid;       /* as stored, or NULL */
  char   *assigned;   /* a new one to store, or NULL */
} Identity;

static void
identity_clear (Identity *identity)
{
  g_free (identity->uuid);
  g_free (identity->assigned);
}

static GArray *
read_identities (sqlite3     *db,
                 const char  *sql,
                 gint64       pack_id,
                 GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Identity));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify)identity_clear);
  if (!(stmt = pb_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pack_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Identity identity = { sqlite3_column_int64 (stmt, 0), g_strdup (pb_db_column_text (stmt, 1)), NULL };

      g_array_append_val (rows, identity);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Gives a new identity to each row that has none, or one another row of
 * the pack has too (as a merged library may bring); returns how many. */
static guint
assign_identities (GArray *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Identity *identity = &g_array_index (rows, Identity, i);

      if (identity->uuid == NULL || !g_uuid_string_is_valid (identity->uuid) ||
          g_hash_table_contains (seen, identity->uuid))
        {
          identity->assigned = g_uuid_string_random ();
          n++;
        }
      else
        g_hash_table_add (seen, identity->uuid);
    }
  return n;
}

static gboolean
write_identities (sqlite3     *db,
                  const char  *sql,
                  GArray      *rows,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      Identity *identity = &g_array_index (rows, Identity, i);

      if (identity->assigned == NULL)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, identity->id);
      sqlite3_bind_text (stmt, 2, identity->assigned, -1, SQLITE_STATIC);
      if (!pb_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
fill_table (GHashTable *table,
            GArray     *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Identity *identity = &g_array_index (rows, Identity, i);

      g_hash_table_insert (table, g_memdup2 (&identity->id, sizeof (gint64)),
                           g_strdup (identity->assigned ? identity->assigned : identity->uuid));
    }
}

/**
 * _pb_bundle_identify_pack:
 * @pack_id: a pack in an officer's library
 * @out_pack_uuid: (out): the pack's identity
 * @section_uuids: filled with section id (gint64 *) → identity
 * @finding_uuids: filled with finding id (gint64 *) → identity, for the
 *   findings in the pack
 *
 * Reads the identities of the pack, its sections and its findings, giving
 * one, in one transaction, to each that has none yet.  A library that can
 * only be read can bundle a pack that was bundled before.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_NOT_FOUND,
 *   the library's problem when it cannot be written, %PB_DB_ERROR)
 */
gboolean
_pb_bundle_identify_pack (PbLibrary   *library,
                          gint64       pack_id,
                          char       **out_pack_uuid,
                          GHashTable  *section_uuids,
                          GHashTable  *finding_uuids,
                          GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GArray) pack = NULL;
  g_autoptr(GArray) sections = NULL;
  g_autoptr(GArray) findings = NULL;
  guint missing;

  if (!(pack = read_identities (db, "SELECT id, uuid FROM packs WHERE id = ?1", pack_id, error)) ||
      !(sections = read_identities (db, "SELECT id, uuid FROM pack_sections WHERE pack_id = ?1"
                                        " ORDER BY position, id", pack_id, error)) ||
      !(findings = read_identities (db, "SELECT DISTINCT f.id, f.uuid FROM pack_items AS i"
                                        " JOIN pack_sections AS s ON s.id = i.section_id"
                                        " JOIN findings AS f ON f.id = i.finding_id"
                                        " WHERE s.pack_id = ?1 ORDER BY f.id", pack_id, error)))
    return FALSE;
  if (pack->len == 0)
    {
      _pb_pack_set_not_found (error, pack_id);
      return FALSE;
    }

  missing = assign_identities (pack) + assign_identities (sections) + assign_identities (findings);
  if (missing > 0)
    {
      if (!pb_library_check_writable (library, error) || !pb_db_begin (db, error))
        return FALSE;
      if (!write_identities (db, "UPDATE packs SET uuid = ?2 WHERE id = ?1", pack, error) ||
          !write_identities (db, "UPDATE pack_sections SET uuid = ?2 WHERE id = ?1", sections, error) ||
          !write_identities (db, "UPDATE findings SET uuid = ?2 WHERE id = ?1", findings, error) ||
          !pb_db_commit (db, error))
        {
          pb_db_rollback (db);
          return FALSE;
        }
    }

  {
    Identity *identity = &g_array_index (pack, Identity, 0);

    *out_pack_uuid = g_strdup (identity->assigned ? identity->assigned : identity->uuid);
  }
  fill_table (section_uuids, sections);
  fill_table (finding_uuids, findings);
  return TRUE;
}

/**
 * _pb_bundle_next_revision:
 * @pack_id: a pack being bundled
 *
 * Counts one more bundle of the pack, in the officer's library: the
 * revision members compare, which no machine's clock can put out of
 * order.  A library that can only be read gives the count it has.
 *
 * Returns: the new bundle's revision, from 1; or -1 with @error set
 *   (%PB_DB_ERROR)
 */
gint64
_pb_bundle_next_revision (PbLibrary  *library,
                          gint64      pack_id,
                          GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) bump = pb_db_prepare (db, "UPDATE packs SET bundle_revision = bundle_revision + 1"
                                                    " WHERE id = ?1", NULL);
  g_autoptr(sqlite3_stmt) read = pb_db_prepare (db, "SELECT bundle_revision FROM packs WHERE id = ?1", error);
  gint64 revision = -1;
  int rc;

  if (read == NULL)
    return -1;
  if (bump != NULL)
    {
      sqlite3_bind_int64 (bump, 1, pack_id);
      pb_db_step_done (bump, NULL);
    }
  sqlite3_bind_int64 (read, 1, pack_id);
  if ((rc = sqlite3_step (read)) == SQLITE_ROW)
    revision = MAX (sqlite3_column_int64 (read, 0), 1);
  else
    pb_db_set_error (db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  return revision;
}

/* ---- The member's side --------------------------------------------------- */

/**
 * _pb_bundle_store_lookup:
 * @uuid: a pack's identity
 * @out_id: (out): its bundle pack's id, or 0 when the library has none
 * @out_exported_at: (out) (optional): when the bundle it has was made
 * @out_revision: (out) (optional): that bundle's revision, 0 for none
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR)
 */
gboolean
_pb_bundle_store_lookup (PbLibrary   *library,
                         const char  *uuid,
                         gint64      *out_id,
                         char       **out_exported_at,
                         gint64      *out_revision,
                         GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT id, exported_at, revision FROM bundle_packs"
                                                    " WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  *out_id = 0;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      if (out_exported_at != NULL)
        *out_exported_at = g_strdup (pb_db_column_text (stmt, 1));
      if (out_revision != NULL)
        *out_revision = sqlite3_column_int64 (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _pb_bundle_store_origin:
 * @sha256: a report the bundle has just added to the library
 * @contents: the bundle's pack
 * @exempt: whether the report is exempt
 *
 * Records that the report came with the pack ("from pack Title"), unless
 * it came with another pack first, and gives it its classification.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR)
 */
gboolean
_pb_bundle_store_origin (PbLibrary       *library,
                         const char      *sha256,
                         BundleContents  *contents,
                         gboolean         exempt,
                         GError         **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) origin = NULL;
  g_autoptr(sqlite3_stmt) classify = NULL;
  g_autofree char *now = pb_db_now ();

  if (!pb_db_begin (db, error))
    return FALSE;
  if (!(origin = pb_db_prepare (db, "INSERT OR IGNORE INTO report_origins (report_sha256, pack_uuid,"
                                    "  pack_title, added_at) VALUES (?1, ?2, ?3, ?4)", error)) ||
      !(classify = pb_db_prepare (db, "UPDATE reports SET classification = 'exempt' WHERE sha256 = ?1", error)))
    goto fail;

  sqlite3_bind_text (origin, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (origin, 2, contents->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (origin, 3, contents->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (origin, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (classify, 1, sha256, -1, SQLITE_STATIC);
  if (!pb_db_step_done (origin, error) || (exempt && !pb_db_step_done (classify, error)) ||
      !pb_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  pb_db_rollback (db);
  return FALSE;
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           column,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gint64
write_pack (sqlite3         *db,
            BundleContents  *contents,
            gint64           id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cohorts = _pb_bundle_cohorts_to_json (contents->cohorts);
  g_autofree char *now = pb_db_now ();

  if (id > 0)
    stmt = pb_db_prepare (db, "UPDATE bundle_packs SET uuid = ?1, title = ?2, committee = ?3,"
                              " meeting_date = ?4, author = ?5, classification = ?6, introduction = ?7,"
                              " cohorts = ?8, exported_at = ?9, updated_at = ?10, revision = ?12 WHERE id = ?11", error);
  else
    stmt = pb_db_prepare (db, "INSERT INTO bundle_packs (uuid, title, committee, meeting_date, author,"
                              "  classification, introduction, cohorts, exported_at, updated_at, opened_at, revision)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?12)", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, contents->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, contents->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, contents->committee ? contents->committee : "", -1, SQLITE_STATIC);
  bind_optional (stmt, 4, contents->meeting_date);
  sqlite3_bind_text (stmt, 5, contents->author ? contents->author : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, contents->exempt ? "exempt" : "public", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, contents->introduction ? contents->introduction : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, cohorts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, contents->exported_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 11, id);
  sqlite3_bind_int64 (stmt, 12, contents->revision);
  if (!pb_db_step_done (stmt, error))
    return -1;
  return id > 0 ? id : sqlite3_last_insert_rowid (db);
}

static gboolean
clear_pack (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  static const char * const sql[] = {
    "DELETE FROM bundle_sections WHERE bundle_id = ?1",   /* and their items */
    "DELETE FROM bundle_findings WHERE bundle_id = ?1",
    "DELETE FROM bundle_reports WHERE bundle_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!pb_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_findings (sqlite3         *db,
                gint64           id,
                BundleContents  *contents,
                GHashTable      *rows,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db, "INSERT INTO bundle_findings (bundle_id, uuid, report_sha256, page_number,"
                                  "  quads, quote, paragraph, kind, status, note, cohorts, classification,"
                                  "  citation, about)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error)))
    return FALSE;

  for (guint i = 0; i < contents->findings->len; i++)
    {
      BundleFinding *finding = g_ptr_array_index (contents->findings, i);
      g_autofree char *quads = pb_anchors_to_json (finding->anchors);
      g_autofree char *cohorts = _pb_bundle_strv_to_json ((const char * const *)finding->cohorts);
      gint64 row;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, finding->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, finding->report_sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int)finding->page);
      sqlite3_bind_text (stmt, 5, quads, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, finding->quote, -1, SQLITE_STATIC);
      if (finding->paragraph > 0)
        sqlite3_bind_int (stmt, 7, (int)finding->paragraph);
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_text (stmt, 8, finding->kind, -1, SQLITE_STATIC);
      bind_optional (stmt, 9, finding->status);
      sqlite3_bind_text (stmt, 10, finding->note ? finding->note : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, cohorts, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, finding->exempt ? "exempt" : "public", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, finding->citation, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, finding->about, -1, SQLITE_STATIC);
      if (!pb_db_step_done (stmt, error))
        return FALSE;
      row = sqlite3_last_insert_rowid (db);
      g_hash_table_insert (rows, finding->uuid, g_memdup2 (&row, sizeof row));
    }
  return TRUE;
}

static gboolean
write_sections (sqlite3         *db,
                gint64           id,
                BundleContents  *contents,
                GHashTable      *finding_rows,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) section = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;

  if (!(section = pb_db_prepare (db, "INSERT INTO bundle_sections (bundle_id, position, uuid, title, cohort)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(item = pb_db_prepare (db, "INSERT INTO bundle_items (section_id, position, kind, finding_id, text)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  for (guint s = 0; s < contents->sections->len; s++)
    {
      BundleSection *data = g_ptr_array_index (contents->sections, s);
      gint64 section_id;

      sqlite3_reset (section);
      sqlite3_bind_int64 (section, 1, id);
      sqlite3_bind_int (section, 2, (int)s);
      sqlite3_bind_text (section, 3, data->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (section, 4, data->title, -1, SQLITE_STATIC);
      bind_optional (section, 5, data->cohort);
      if (!pb_db_step_done (section, error))
        return FALSE;
      section_id = sqlite3_last_insert_rowid (db);

      for (guint i = 0; i < data->items->len; i++)
        {
          BundleItem *entry = g_ptr_array_index (data->items, i);
          gint64 *finding_row = entry->finding ? g_hash_table_lookup (finding_rows, entry->finding) : NULL;

          sqlite3_reset (item);
          sqlite3_bind_int64 (item, 1, section_id);
          sqlite3_bind_int (item, 2, (int)i);
          sqlite3_bind_text (item, 3, entry->kind, -1, SQLITE_STATIC);
          if (finding_row != NULL)
            sqlite3_bind_int64 (item, 4, *finding_row);
          else
            sqlite3_bind_null (item, 4);
          sqlite3_bind_text (item, 5, entry->text ? entry->text : "", -1, SQLITE_STATIC);
          if (!pb_db_step_done (item, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_reports (sqlite3         *db,
               gint64           id,
               BundleContents  *contents,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = pb_db_prepare (db, "INSERT INTO bundle_reports (bundle_id, report_sha256, position, title)"
                                  " VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, report->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int)i);
      sqlite3_bind_text (stmt, 4, report->title, -1, SQLITE_STATIC);
      if (!pb_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _pb_bundle_store_contents:
 * @contents: a bundle's pack, checked
 *
 * Writes the pack into the member's library in one transaction: a new
 * bundle pack, or the one with the same identity brought up to this
 * bundle (same id; the member's notes untouched).
 *
 * Returns: the bundle pack's id, or 0 with @error set (%PB_DB_ERROR)
 */
gint64
_pb_bundle_store_contents (PbLibrary       *library,
                           BundleContents  *contents,
                           GError         **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GHashTable) finding_rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 id = 0;

  if (!pb_db_begin (db, error))
    return 0;
  if (!_pb_bundle_store_lookup (library, contents->uuid, &id, NULL, NULL, error) ||
      (id > 0 && !clear_pack (db, id, error)) ||
      (id = write_pack (db, contents, id, error)) < 0 ||
      !write_findings (db, id, contents, finding_rows, error) ||
      !write_sections (db, id, contents, finding_rows, error) ||
      !write_reports (db, id, contents, error) ||
      !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return 0;
    }
  return id;
}
