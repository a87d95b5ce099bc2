/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-backup.h"
#include "pb-bundle-pack-private.h"
#include "pb-bundle-private.h"
#include "pb-db.h"
#include "pb-finding-private.h"
#include "pb-library-private.h"
#include "pb-report-store.h"

/* The packs opened from bundles, read from the member's library: the
 * packs, a pack's contents as PbBundleEntry rows, its findings as
 * PbFindings for the reader, the reports it cites and where each came
 * from; and removing a pack with the member's notes on it. */

#define PACK_COLUMNS \
  "p.id, p.uuid, p.title, p.committee, p.meeting_date, p.author, p.introduction, p.classification," \
  " p.exported_at, p.opened_at, p.updated_at, p.cohorts," \
  " (SELECT count(*) FROM bundle_findings AS f WHERE f.bundle_id = p.id)," \
  " (SELECT count(*) FROM member_notes AS n WHERE n.pack_uuid = p.uuid AND n.question)"

static GDateTime *
parse_time (const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static PbBundlePack *
pack_from_stmt (sqlite3_stmt *stmt)
{
  PbBundlePack *self = g_object_new (PB_TYPE_BUNDLE_PACK, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (pb_db_column_text (stmt, 1));
  self->title = g_strdup (pb_db_column_text (stmt, 2));
  self->committee = g_strdup (pb_db_column_text (stmt, 3));
  self->meeting_date = g_strdup (pb_db_column_text (stmt, 4));
  self->author = g_strdup (pb_db_column_text (stmt, 5));
  self->introduction = g_strdup (pb_db_column_text (stmt, 6));
  self->exempt = g_strcmp0 (pb_db_column_text (stmt, 7), "exempt") == 0;
  self->exported = parse_time (pb_db_column_text (stmt, 8));
  self->opened = parse_time (pb_db_column_text (stmt, 9));
  self->updated = parse_time (pb_db_column_text (stmt, 10));
  self->cohorts = _pb_bundle_cohorts_from_json (pb_db_column_text (stmt, 11));
  self->n_findings = (guint)sqlite3_column_int (stmt, 12);
  self->n_questions = (guint)sqlite3_column_int (stmt, 13);
  return self;
}

static void
not_found (GError **error)
{
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_FOUND,
               _("There is no such pack among the packs opened from bundles."));
}

/**
 * pb_library_list_bundle_packs:
 *
 * Returns: (transfer full) (element-type PbBundlePack): the packs opened
 *   from bundles, the next meeting's first (by meeting date, newest
 *   first, then by title), or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_bundle_packs (PbLibrary  *library,
                              GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " PACK_COLUMNS " FROM bundle_packs AS p"
                                  " ORDER BY p.meeting_date IS NULL, p.meeting_date DESC, p.title, p.id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (packs, pack_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&packs);
}

/**
 * pb_library_get_bundle_pack:
 * @bundle_id: a bundle pack's id
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 *   (%PB_BUNDLE_ERROR_NOT_FOUND, %PB_DB_ERROR)
 */
PbBundlePack *
pb_library_get_bundle_pack (PbLibrary  *library,
                            gint64      bundle_id,
                            GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " PACK_COLUMNS " FROM bundle_packs AS p WHERE p.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bundle_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return pack_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    not_found (error);
  else
    pb_db_set_error (db, rc, error);
  return NULL;
}

/* The finding columns, from column @c: uuid, report sha256, page, quads,
 * quote, paragraph, kind, status, note, cohorts, classification, the
 * member's report id and the report's title in the bundle. */
#define FINDING_COLUMNS \
  "f.uuid, f.report_sha256, f.page_number, f.quads, f.quote, f.paragraph, f.kind, f.status, f.note," \
  " f.cohorts, f.classification, r.id, br.title, f.citation, f.about"

#define FINDING_JOINS \
  " LEFT JOIN reports AS r ON r.sha256 = f.report_sha256" \
  " LEFT JOIN bundle_reports AS br ON br.bundle_id = f.bundle_id AND br.report_sha256 = f.report_sha256"

static PbFinding *
finding_from_stmt (sqlite3_stmt *stmt,
                   int           c)
{
  PbFinding *finding = pb_finding_new ();
  g_autoptr(GArray) anchors = pb_anchors_from_json (pb_db_column_text (stmt, c + 3), NULL);
  g_auto(GStrv) cohorts = _pb_bundle_strv_from_json (pb_db_column_text (stmt, c + 9));
  PbFindingKind kind = PB_FINDING_KIND_CONTEXT;
  PbFindingStatus status = PB_FINDING_STATUS_NONE;

  pb_finding_set_report_sha256 (finding, pb_db_column_text (stmt, c + 1));
  _pb_finding_set_report (finding, sqlite3_column_int64 (stmt, c + 11), pb_db_column_text (stmt, c + 12));
  if (anchors != NULL)
    pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_page (finding, (guint)MAX (sqlite3_column_int (stmt, c + 2), 1));
  pb_finding_set_quote (finding, pb_db_column_text (stmt, c + 4));
  pb_finding_set_paragraph (finding, (guint)MAX (sqlite3_column_int (stmt, c + 5), 0));
  pb_finding_kind_from_slug (pb_db_column_text (stmt, c + 6), &kind);
  pb_finding_set_kind (finding, kind);
  pb_finding_status_from_slug (pb_db_column_text (stmt, c + 7), &status);
  pb_finding_set_status (finding, status);
  pb_finding_set_note (finding, pb_db_column_text (stmt, c + 8));
  pb_finding_set_cohorts (finding, (const char * const *)cohorts);
  pb_finding_set_exempt (finding, g_strcmp0 (pb_db_column_text (stmt, c + 10), "exempt") == 0);
  return finding;
}

/* Member's notes by target identity: how many, and whether any is a question. */
static GHashTable *
count_notes (sqlite3      *db,
             gint64        bundle_id,
             GError      **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT n.target_uuid, count(*), max (n.question) FROM member_notes AS n"
                                  " JOIN bundle_packs AS p ON p.uuid = n.pack_uuid"
                                  " WHERE p.id = ?1 GROUP BY n.target_uuid", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bundle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup (pb_db_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((sqlite3_column_int (stmt, 1) << 1) | (sqlite3_column_int (stmt, 2) != 0)));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static PbBundleEntry *
entry_new (PbBundleEntryKind  kind,
           const char        *key,
           const char        *section_key,
           const char        *text,
           GHashTable        *counts)
{
  PbBundleEntry *entry = g_object_new (PB_TYPE_BUNDLE_ENTRY, NULL);
  guint packed = key ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) : 0;

  entry->kind = kind;
  entry->key = g_strdup (key);
  entry->section_key = g_strdup (section_key);
  entry->text = g_strdup (text);
  entry->n_notes = packed >> 1;
  entry->has_question = packed & 1;
  return entry;
}

/**
 * pb_library_list_bundle_entries:
 * @bundle_id: a bundle pack
 *
 * The pack as a member reads it: each section (its row), followed by its
 * officer's headings and notes and its findings, in the officer's order.
 *
 * Returns: (transfer full) (element-type PbBundleEntry): the entries, or
 *   %NULL with @error set (%PB_BUNDLE_ERROR_NOT_FOUND, %PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_bundle_entries (PbLibrary  *library,
                                gint64      bundle_id,
                                GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PbBundlePack) pack = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *last_section = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  /* Asking for the pack first gives an unknown id its own error. */
  pack = pb_library_get_bundle_pack (library, bundle_id, error);
  if (pack == NULL ||
      !(counts = count_notes (db, bundle_id, error)) ||
      !(stmt = pb_db_prepare (db, "SELECT s.uuid, s.title, s.cohort, i.kind, i.text, " FINDING_COLUMNS
                                  " FROM bundle_sections AS s"
                                  " LEFT JOIN bundle_items AS i ON i.section_id = s.id"
                                  " LEFT JOIN bundle_findings AS f ON f.id = i.finding_id"
                                  FINDING_JOINS
                                  " WHERE s.bundle_id = ?1 ORDER BY s.position, s.id, i.position, i.id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, bundle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *section = pb_db_column_text (stmt, 0);
      const char *kind = pb_db_column_text (stmt, 3);
      PbBundleEntry *entry;

      if (g_strcmp0 (section, last_section) != 0)
        {
          entry = entry_new (PB_BUNDLE_ENTRY_SECTION, section, section, pb_db_column_text (stmt, 1), counts);
          entry->cohort = g_strdup (pb_db_column_text (stmt, 2));
          g_ptr_array_add (entries, entry);
          g_free (last_section);
          last_section = g_strdup (section);
        }
      if (kind == NULL)
        continue;
      if (g_str_equal (kind, "finding"))
        {
          entry = entry_new (PB_BUNDLE_ENTRY_FINDING, pb_db_column_text (stmt, 5), section,
                             pb_db_column_text (stmt, 9), counts);
          entry->finding = finding_from_stmt (stmt, 5);
          entry->citation = g_strdup (pb_db_column_text (stmt, 5 + 13));
          entry->about = g_strdup (pb_db_column_text (stmt, 5 + 14));
        }
      else
        entry = entry_new (g_str_equal (kind, "note") ? PB_BUNDLE_ENTRY_NOTE : PB_BUNDLE_ENTRY_HEADING,
                           NULL, section, pb_db_column_text (stmt, 4), counts);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * pb_library_list_bundle_findings:
 * @bundle_id: a bundle pack
 * @report_sha256: (nullable): only those on this report
 *
 * The pack's findings as PbFindings, for a reader to draw as highlights
 * on a report opened from the pack.  They have no ids (0) and belong to
 * no finding store call.
 *
 * Returns: (transfer full) (element-type PbFinding): the findings, in
 *   their order in the bundle, or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_bundle_findings (PbLibrary   *library,
                                 gint64       bundle_id,
                                 const char  *report_sha256,
                                 GError     **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " FINDING_COLUMNS " FROM bundle_findings AS f" FINDING_JOINS
                                  " WHERE f.bundle_id = ?1 AND (?2 IS NULL OR f.report_sha256 = ?2)"
                                  " ORDER BY f.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bundle_id);
  if (report_sha256 != NULL)
    sqlite3_bind_text (stmt, 2, report_sha256, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (findings, finding_from_stmt (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&findings);
}

/**
 * pb_library_list_bundle_reports:
 * @bundle_id: a bundle pack
 *
 * Returns: (transfer full) (element-type PbReport): the reports the pack
 *   cites that the library holds, in the order first cited, or %NULL with
 *   @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_bundle_reports (PbLibrary  *library,
                                gint64      bundle_id,
                                GError    **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT r.id FROM bundle_reports AS b JOIN reports AS r"
                                  " ON r.sha256 = b.report_sha256 WHERE b.bundle_id = ?1 ORDER BY b.position",
                              error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bundle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbReport *report = pb_library_get_report (library, sqlite3_column_int64 (stmt, 0), error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (reports, report);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&reports);
}

/**
 * pb_library_dup_report_origin:
 * @sha256: a report's checksum
 *
 * For a list of reports to keep those a bundle brought apart from the
 * member's own imports ("from pack Title").
 *
 * Returns: (transfer full) (nullable): the title of the pack whose bundle
 *   added the report to the library (as it is now, if the library still
 *   has the pack); %NULL for a report the member imported
 */
char *
pb_library_dup_report_origin (PbLibrary  *library,
                              const char *sha256)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT coalesce ((SELECT p.title FROM bundle_packs AS p"
                                  "  WHERE p.uuid = o.pack_uuid), o.pack_title)"
                                  " FROM report_origins AS o WHERE o.report_sha256 = ?1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (pb_db_column_text (stmt, 0)) : NULL;
}

/**
 * pb_library_remove_bundle_pack:
 * @bundle_id: a bundle pack
 *
 * Removes the pack and the member's notes and questions on it, after a
 * backup.  The reports it brought stay in the library, still marked as
 * from the pack; removing them is the member's choice, report by report.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_BUNDLE_ERROR_NOT_FOUND,
 *   the library's problem when it cannot be written, %PB_DB_ERROR)
 */
gboolean
pb_library_remove_bundle_pack (PbLibrary  *library,
                               gint64      bundle_id,
                               GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(PbBundlePack) pack = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(pack = pb_library_get_bundle_pack (library, bundle_id, error)) ||
      !pb_library_check_writable (library, error))
    return FALSE;
  backup = pb_library_backup (library, PB_BACKUP_BEFORE_CHANGE, error);
  if (backup == NULL || !pb_db_begin (db, error))
    return FALSE;
  if (!(notes = pb_db_prepare (db, "DELETE FROM member_notes WHERE pack_uuid = ?1", error)) ||
      !(remove = pb_db_prepare (db, "DELETE FROM bundle_packs WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_text (notes, 1, pack->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (remove, 1, bundle_id);
  if (!pb_db_step_done (notes, error) || !pb_db_step_done (remove, error) || !pb_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  pb_db_rollback (db);
  return FALSE;
}
