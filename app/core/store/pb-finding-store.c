/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-finding-private.h"
#include "pb-finding-store.h"
#include "pb-finding-undo-private.h"
#include "pb-library-private.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"

/* Findings in the library. Every user action is one transaction:
 * a finding and its cohort links are saved together or not at all. */

#define FINDING_COLUMNS \
  "f.id, f.report_sha256, r.id, r.title, f.page_number, f.quads, f.quote, f.paragraph," \
  " f.kind, f.note, f.classification, f.status, f.created_at, f.updated_at," \
  " (SELECT group_concat (slug, ' ') FROM (SELECT c.slug FROM finding_cohorts AS fc" \
  "   JOIN cohorts AS c ON c.id = fc.cohort_id WHERE fc.finding_id = f.id ORDER BY c.position))"

/* What a delete removed, kept on each finding it hands back for
 * pb_library_restore_findings(). */
#define SNAPSHOT_KEY "pb-finding-store-snapshot"

static void
emit_packs_changed (PbLibrary *library,
                    GArray    *packs)
{
  for (guint i = 0; packs != NULL && i < packs->len; i++)
    _pb_library_emit_pack_changed (library, g_array_index (packs, gint64, i));
}

/* Findings */

static PbFinding *
finding_from_stmt (sqlite3_stmt *stmt)
{
  PbFinding *finding = pb_finding_new ();
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_auto(GStrv) cohorts = NULL;
  const char *cohort_list = pb_db_column_text (stmt, 14);
  PbFindingKind kind = PB_FINDING_KIND_CONTEXT;
  PbFindingStatus status = PB_FINDING_STATUS_NONE;

  _pb_finding_set_id (finding, sqlite3_column_int64 (stmt, 0));
  pb_finding_set_report_sha256 (finding, pb_db_column_text (stmt, 1));
  _pb_finding_set_report (finding, sqlite3_column_int64 (stmt, 2), pb_db_column_text (stmt, 3));
  pb_finding_set_page (finding, (guint)MAX (sqlite3_column_int (stmt, 4), 1));

  if ((anchors = pb_anchors_from_json (pb_db_column_text (stmt, 5), NULL)))
    pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_page (finding, (guint)MAX (sqlite3_column_int (stmt, 4), 1));

  pb_finding_set_quote (finding, pb_db_column_text (stmt, 6));
  pb_finding_set_paragraph (finding, (guint)MAX (sqlite3_column_int (stmt, 7), 0));
  pb_finding_kind_from_slug (pb_db_column_text (stmt, 8), &kind);
  pb_finding_set_kind (finding, kind);
  pb_finding_set_note (finding, pb_db_column_text (stmt, 9));
  pb_finding_set_exempt (finding, g_strcmp0 (pb_db_column_text (stmt, 10), "exempt") == 0);
  pb_finding_status_from_slug (pb_db_column_text (stmt, 11), &status);
  pb_finding_set_status (finding, status);

  created = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 12), NULL);
  updated = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 13), NULL);
  _pb_finding_set_times (finding, created, updated);

  cohorts = g_strsplit (cohort_list ? cohort_list : "", " ", -1);
  if (cohorts[0] != NULL && *cohorts[0] == '\0')
    g_clear_pointer (&cohorts, g_strfreev);
  pb_finding_set_cohorts (finding, (const char * const *)cohorts);

  return finding;
}

static gboolean
validate (PbLibrary  *library,
          PbFinding  *finding,
          GError    **error)
{
  const char * const *cohorts = pb_finding_get_cohorts (finding);
  g_autoptr(PbReport) report = NULL;

  if (pb_finding_get_report_sha256 (finding) == NULL ||
      !(report = pb_library_find_report (library, pb_finding_get_report_sha256 (finding), NULL)))
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("The finding’s report is not in the library."));
      return FALSE;
    }

  if (pb_finding_get_page (finding) > pb_report_get_page_count (report))
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("The report has no page %u."), pb_finding_get_page (finding));
      return FALSE;
    }

  if (cohorts == NULL || cohorts[0] == NULL)
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("Choose at least one cohort for the finding."));
      return FALSE;
    }

  if (*pb_finding_get_quote (finding) == '\0')
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("A finding needs the passage it quotes."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_cohorts (sqlite3    *db,
               PbFinding  *finding,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;
  const char * const *cohorts = pb_finding_get_cohorts (finding);

  if (!(clear = pb_db_prepare (db, "DELETE FROM finding_cohorts WHERE finding_id = ?1", error)) ||
      !(add = pb_db_prepare (db, "INSERT INTO finding_cohorts (finding_id, cohort_id)"
                                 " SELECT ?1, id FROM cohorts WHERE slug = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, pb_finding_get_id (finding));
  if (!pb_db_step_done (clear, error))
    return FALSE;

  for (guint i = 0; cohorts[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      /* A cohort named twice ("--cohort a --cohort a") is tagged once. */
      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_str_equal (cohorts[j], cohorts[i]);
      if (repeated)
        continue;

      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, pb_finding_get_id (finding));
      sqlite3_bind_text (add, 2, cohorts[i], -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (add, error))
        return FALSE;

      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                       _("There is no cohort “%s”."), cohorts[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
bind_finding (sqlite3_stmt *stmt,
              PbFinding    *finding,
              const char   *now)
{
  g_autofree char *anchors = pb_anchors_to_json (pb_finding_get_anchors (finding));
  const char *status = pb_finding_status_to_slug (pb_finding_get_status (finding));

  sqlite3_bind_text (stmt, 1, pb_finding_get_report_sha256 (finding), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)pb_finding_get_page (finding));
  sqlite3_bind_text (stmt, 3, anchors, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, pb_finding_get_quote (finding), -1, SQLITE_TRANSIENT);
  if (pb_finding_get_paragraph (finding) > 0)
    sqlite3_bind_int (stmt, 5, (int)pb_finding_get_paragraph (finding));
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, pb_finding_kind_to_slug (pb_finding_get_kind (finding)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, pb_finding_get_note (finding), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, pb_finding_get_exempt (finding) ? "exempt" : "public", -1, SQLITE_STATIC);
  if (status != NULL)
    sqlite3_bind_text (stmt, 9, status, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
}

/* Inserts @finding, under its own id when @keep_id (an undone delete). */
static gboolean
insert_finding (sqlite3    *db,
                PbFinding  *finding,
                gboolean    keep_id,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pb_db_now ();
  g_autofree char *created = NULL;

  if (!(stmt = pb_db_prepare (db,
                              "INSERT INTO findings (report_sha256, page_number, quads, quote,"
                              "  paragraph, kind, note, classification, status, updated_at,"
                              "  created_at, id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                              error)))
    return FALSE;

  bind_finding (stmt, finding, now);
  created = pb_finding_get_created (finding) && keep_id
    ? g_date_time_format_iso8601 (pb_finding_get_created (finding)) : g_strdup (now);
  sqlite3_bind_text (stmt, 11, created, -1, SQLITE_TRANSIENT);
  if (keep_id)
    sqlite3_bind_int64 (stmt, 12, pb_finding_get_id (finding));
  else
    sqlite3_bind_null (stmt, 12);

  if (!pb_db_step_done (stmt, error))
    return FALSE;

  _pb_finding_set_id (finding, sqlite3_last_insert_rowid (db));
  return write_cohorts (db, finding, error);
}

/**
 * pb_library_add_finding:
 *
 * Saves a new finding with its cohorts, in one transaction, and gives
 * @finding its id.
 *
 * Returns: the new id, or 0 on error
 */
gint64
pb_library_add_finding (PbLibrary  *library,
                        PbFinding  *finding,
                        GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);
  g_return_val_if_fail (PB_IS_FINDING (finding), 0);

  if (!validate (library, finding, error))
    return 0;

  /* Cite "¶24" where the report numbers its paragraphs. */
  if (pb_finding_get_paragraph (finding) == 0)
    {
      g_auto(GStrv) pages = pb_library_dup_page_texts (library, pb_finding_get_report_sha256 (finding), NULL);

      if (pages != NULL)
        pb_finding_set_paragraph (finding,
                                  pb_structure_paragraph_for_quote ((const char * const *)pages,
                                                                    pb_finding_get_page (finding),
                                                                    pb_finding_get_quote (finding)));
    }

  if (!pb_db_begin (db, error))
    return 0;

  if (!insert_finding (db, finding, FALSE, error) || !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      _pb_finding_set_id (finding, 0);
      return 0;
    }

  _pb_library_emit_finding_added (library, pb_finding_get_id (finding));
  return pb_finding_get_id (finding);
}

/**
 * pb_library_update_finding:
 * @library: a library
 * @finding: a finding read from the library, changed
 *
 * Saves every value of @finding over the finding with its id, with its
 * cohorts, in one transaction, and emits PbLibrary::finding-changed. As
 * for a new finding, its report must be in the library and have its page,
 * and it needs a cohort and a quote.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_FINDINGS_ERROR_INVALID
 *   for a finding that breaks those rules, %PB_FINDINGS_ERROR_NOT_FOUND when
 *   it is no longer in the library, %PB_DB_ERROR), nothing then changed
 */
gboolean
pb_library_update_finding (PbLibrary  *library,
                           PbFinding  *finding,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pb_db_now ();
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);

  if (!validate (library, finding, error))
    return FALSE;

  if (!(stmt = pb_db_prepare (db,
                              "UPDATE findings SET report_sha256 = ?1, page_number = ?2,"
                              " quads = ?3, quote = ?4, paragraph = ?5, kind = ?6, note = ?7,"
                              " classification = ?8, status = ?9, updated_at = ?10"
                              " WHERE id = ?11", error)))
    return FALSE;

  bind_finding (stmt, finding, now);
  sqlite3_bind_int64 (stmt, 11, pb_finding_get_id (finding));

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!pb_db_step_done (stmt, error))
    goto failed;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_NOT_FOUND,
                   _("That finding is no longer in the library."));
      goto failed;
    }

  if (!write_cohorts (db, finding, error) || !pb_db_commit (db, error))
    goto failed;

  _pb_library_emit_finding_changed (library, pb_finding_get_id (finding));
  return TRUE;

failed:
  pb_db_rollback (db);
  return FALSE;
}

/**
 * pb_library_get_finding:
 * @library: a library
 * @id: a finding's id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the finding as it is now, with its report's id
 *   and title; or %NULL with @error set (%PB_FINDINGS_ERROR_NOT_FOUND,
 *   %PB_DB_ERROR)
 */
PbFinding *
pb_library_get_finding (PbLibrary  *library,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (db, "SELECT " FINDING_COLUMNS " FROM findings AS f"
                                  " JOIN reports AS r ON r.sha256 = f.report_sha256"
                                  " WHERE f.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return finding_from_stmt (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_NOT_FOUND,
                 _("There is no finding %" G_GINT64_FORMAT "."), id);
  else
    pb_db_set_error (db, rc, error);

  return NULL;
}

/**
 * pb_library_list_findings:
 * @filter: (nullable): which findings; %NULL for all
 *
 * Returns: (transfer container) (element-type PbFinding): newest report first,
 *   then in page order
 */
GPtrArray *
pb_library_list_findings (PbLibrary              *library,
                          const PbFindingFilter  *filter,
                          GError                **error)
{
  static const PbFindingFilter all = PB_FINDING_FILTER_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (filter == NULL)
    filter = &all;

  if (filter->text != NULL && *filter->text != '\0' &&
      !(match = pb_search_build_fts_query (filter->text, error)))
    return NULL;

  if (!(stmt = pb_db_prepare (db,
                              "SELECT " FINDING_COLUMNS " FROM findings AS f"
                              " JOIN reports AS r ON r.sha256 = f.report_sha256"
                              " WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM finding_cohorts AS fc"
                              "   JOIN cohorts AS c ON c.id = fc.cohort_id"
                              "   WHERE fc.finding_id = f.id AND c.slug = ?1))"
                              " AND (?2 IS NULL OR f.kind = ?2)"
                              " AND (?3 IS NULL OR r.id = ?3)"
                              " AND (?4 IS NULL OR f.classification = ?4)"
                              " AND (?5 IS NULL OR coalesce (f.status, '') = ?5)"
                              " AND (?6 IS NULL OR f.id IN"
                              "   (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?6))"
                              " ORDER BY r.imported_at DESC, r.id DESC, f.page_number, f.id",
                              error)))
    return NULL;

  if (filter->cohort != NULL)
    sqlite3_bind_text (stmt, 1, filter->cohort, -1, SQLITE_TRANSIENT);
  if (filter->kind >= 0)
    sqlite3_bind_text (stmt, 2, pb_finding_kind_to_slug (filter->kind), -1, SQLITE_STATIC);
  if (filter->report_id > 0)
    sqlite3_bind_int64 (stmt, 3, filter->report_id);
  if (filter->exempt >= 0)
    sqlite3_bind_text (stmt, 4, filter->exempt ? "exempt" : "public", -1, SQLITE_STATIC);
  if (filter->status >= 0)
    {
      const char *slug = pb_finding_status_to_slug (filter->status);
      sqlite3_bind_text (stmt, 5, slug ? slug : "", -1, SQLITE_STATIC);
    }
  if (match != NULL)
    sqlite3_bind_text (stmt, 6, match, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (findings, finding_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&findings);
}

/**
 * pb_library_delete_findings:
 * @library: a library
 * @ids: (array length=n_ids): the findings to delete
 * @n_ids: how many
 * @error: a #GError, or %NULL
 *
 * Deletes findings in one transaction, and with them their cohort links,
 * their places in packs and any other rows that hang on them. Emits
 * PbLibrary::finding-removed for each finding and PbLibrary::pack-changed
 * for each pack that held one.
 *
 * Returns: (transfer container) (element-type PbFinding): what was deleted, to
 *   give back to pb_library_restore_findings () for an undo, which then
 *   puts back all those rows too; %NULL on error
 *   (%PB_FINDINGS_ERROR_NOT_FOUND, %PB_DB_ERROR), nothing then deleted
 */
GPtrArray *
pb_library_delete_findings (PbLibrary     *library,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) packs = NULL;
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      PbFinding *finding = pb_library_get_finding (library, ids[i], error);

      if (finding == NULL)
        return NULL;
      g_ptr_array_add (deleted, finding);
    }

  if (!(stmt = pb_db_prepare (db, "DELETE FROM findings WHERE id = ?1", error)) ||
      !pb_db_begin (db, error))
    return NULL;

  if (!(packs = _pb_finding_packs (db, ids, n_ids, error)))
    goto failed;

  for (guint i = 0; i < n_ids; i++)
    {
      PbFindingSnapshot *snapshot = _pb_finding_snapshot_save (db, ids[i], error);

      if (snapshot == NULL)
        goto failed;
      g_object_set_data_full (g_ptr_array_index (deleted, i), SNAPSHOT_KEY, snapshot,
                              (GDestroyNotify)_pb_finding_snapshot_free);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!pb_db_step_done (stmt, error))
        goto failed;
    }

  if (!pb_db_commit (db, error))
    goto failed;

  for (guint i = 0; i < n_ids; i++)
    _pb_library_emit_finding_removed (library, ids[i]);
  emit_packs_changed (library, packs);

  return g_steal_pointer (&deleted);

failed:
  pb_db_rollback (db);
  return NULL;
}

/**
 * pb_library_retag_findings:
 * @add: %TRUE to give each finding @cohort, %FALSE to take it away
 *
 * Changes one cohort on many findings, in one transaction. A finding left
 * with no cohort at all is refused, and nothing changes.
 */
gboolean
pb_library_retag_findings (PbLibrary     *library,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *cohort,
                           gboolean       add,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) touch = NULL;
  g_autofree char *now = pb_db_now ();
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (cohort != NULL, FALSE);

  if (!(stmt = pb_db_prepare (db, add
                                    ? "INSERT OR IGNORE INTO finding_cohorts (finding_id, cohort_id)"
                                      " SELECT ?1, id FROM cohorts WHERE slug = ?2"
                                    : "DELETE FROM finding_cohorts WHERE finding_id = ?1 AND"
                                      " cohort_id = (SELECT id FROM cohorts WHERE slug = ?2)", error)) ||
      !(count = pb_db_prepare (db, "SELECT count (*) FROM finding_cohorts WHERE finding_id = ?1", error)) ||
      !(touch = pb_db_prepare (db, "UPDATE findings SET updated_at = ?2 WHERE id = ?1", error)))
    return FALSE;

  if (!pb_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_text (stmt, 2, cohort, -1, SQLITE_TRANSIENT);
      sqlite3_reset (touch);
      sqlite3_bind_int64 (touch, 1, ids[i]);
      sqlite3_bind_text (touch, 2, now, -1, SQLITE_TRANSIENT);

      if (!pb_db_step_done (stmt, error) || !pb_db_step_done (touch, error))
        goto failed;

      sqlite3_reset (count);
      sqlite3_bind_int64 (count, 1, ids[i]);
      if (sqlite3_step (count) != SQLITE_ROW || sqlite3_column_int (count, 0) == 0)
        {
          g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                       _("Every finding needs at least one cohort."));
          goto failed;
        }
    }

  if (!pb_db_commit (db, error))
    goto failed;

  for (guint i = 0; i < n_ids; i++)
    _pb_library_emit_finding_changed (library, ids[i]);

  return TRUE;

failed:
  pb_db_rollback (db);
  return FALSE;
}

/**
 * pb_library_restore_findings:
 * @library: a library
 * @findings: (element-type PbFinding): findings as they were read before
 *   they were deleted
 *
 * Puts deleted findings back as they were, with the same ids and cohort
 * links, in one transaction (for Undo), and emits PbLibrary::finding-added
 * for each. Findings that pb_library_delete_findings() handed back also
 * go back into their packs, at the same places, and each such pack gets
 * PbLibrary::pack-changed; a place in a pack section deleted since is
 * left out.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR, a constraint
 *   failing when an id is taken again or a report has gone), nothing then
 *   restored
 */
gboolean
pb_library_restore_findings (PbLibrary  *library,
                             GPtrArray  *findings,
                             GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) packs = NULL;
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (findings != NULL, FALSE);

  if (!pb_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      PbFindingSnapshot *snapshot = g_object_get_data (G_OBJECT (finding), SNAPSHOT_KEY);
      gint64 id = pb_finding_get_id (finding);

      if (snapshot != NULL ? !_pb_finding_snapshot_restore (db, snapshot, error)
                           : !insert_finding (db, finding, TRUE, error))
        goto failed;
      g_array_append_val (ids, id);
    }

  if (!(packs = _pb_finding_packs (db, (const gint64 *)(gpointer)ids->data, ids->len, error)) ||
      !pb_db_commit (db, error))
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    _pb_library_emit_finding_added (library, g_array_index (ids, gint64, i));
  emit_packs_changed (library, packs);

  return TRUE;

failed:
  pb_db_rollback (db);
  return FALSE;
}
