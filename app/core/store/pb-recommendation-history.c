/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-history"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-library-private.h"
#include "pb-recommendation-entry-private.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-store-private.h"

/* A tracked item's history: dated status entries, each with a note and the
 * findings that evidence it, and the confirmed links to the same
 * recommendation made before or after. An item's status is its latest
 * entry's. An update is one transaction and keeps what Undo needs to put
 * the item back as it was. */

struct _PbRecommendationUndo
{
  gint64    id;
  gint64    entry_id;        /* the entry the update added, or 0 */
  gboolean  owner_changed;
  char     *owner;
  gboolean  due_changed;
  char     *due;             /* NULL when there was none */
  char     *updated_at;
};

/**
 * pb_recommendation_undo_free:
 * @undo: (nullable) (transfer full): what puts an item back
 */
void
pb_recommendation_undo_free (PbRecommendationUndo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->owner);
  g_free (undo->due);
  g_free (undo->updated_at);
  g_free (undo);
}

/**
 * pb_recommendation_undo_get_id:
 * @undo: what puts an item back
 *
 * Returns: the id of the item the update changed
 */
gint64
pb_recommendation_undo_get_id (PbRecommendationUndo *undo)
{
  g_return_val_if_fail (undo != NULL, 0);
  return undo->id;
}

/**
 * pb_recommendation_undo_get_entry_id:
 * @undo: what puts an item back
 *
 * Returns: the id of the history entry the update added; 0 when it added
 *   none (it changed only the owner or due date)
 */
gint64
pb_recommendation_undo_get_entry_id (PbRecommendationUndo *undo)
{
  g_return_val_if_fail (undo != NULL, 0);
  return undo->entry_id;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_update (const PbRecommendationUpdate  *update,
              GError                       **error)
{
  gboolean has_status = update->status >= 0;

  if (update->status >= PB_N_RECOMMENDATION_STATUSES)
    return fail (error, _("That status does not exist."));
  if (!has_status && (update->note != NULL || update->n_evidence > 0 || update->date != NULL))
    return fail (error, _("A note, evidence or a date goes with a status: choose one."));
  if (!has_status && update->owner == NULL && update->due == NULL)
    return fail (error, _("Nothing to change: give a status, an owner or a due date."));
  if ((update->date != NULL && !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_STATUS, update->date, error)) ||
      (update->due != NULL && *update->due != '\0' &&
       !pb_recommendation_check_date (PB_RECOMMENDATION_DATE_DUE, update->due, error)))
    return FALSE;
  if (update->date != NULL)
    {
      g_autofree char *today = _pb_recommendation_today ();

      /* The current status is the latest by date: a status dated ahead
       * (2030 typed for 2020) would outrank every real update after it. */
      if (strcmp (update->date, today) > 0)
        {
          g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE,
                       _("The status date %s is after today: give the day it was judged."), update->date);
          return FALSE;
        }
    }
  return TRUE;
}

/* A status judged before the report that made the recommendation is a
 * slip of the keyboard (2013 for 2023): it would sit below the history's
 * start and read as if the council acted before Ofsted asked. The report's
 * first date counts (the inspection's end, before publication: councils
 * act on the feedback at the end of an inspection). */
static gboolean
check_status_after_source (sqlite3                       *db,
                           gint64                         id,
                           const PbRecommendationUpdate  *update,
                           GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *source;

  if (update->status < 0 || update->date == NULL)
    return TRUE;
  if (!(stmt = pb_db_prepare (db, "SELECT coalesce (rep.inspection_end, rep.published, r.source_date)"
                                  " FROM recommendations AS r"
                                  " LEFT JOIN reports AS rep ON rep.sha256 = r.report_sha256"
                                  " WHERE r.id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _pb_recommendation_exists (db, id, error);
  source = pb_db_column_text (stmt, 0);
  if (source != NULL && _pb_recommendation_valid_date (source) && strcmp (update->date, source) < 0)
    {
      g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_DATE,
                   _("The status date %s is before the recommendation was made (%s): "
                     "give the day it was judged."), update->date, source);
      return FALSE;
    }
  return TRUE;
}

/* Records the item's owner, due date and time of change, for Undo. */
static gboolean
record_before (sqlite3               *db,
               PbRecommendationUndo  *undo,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "SELECT owner, due, updated_at FROM recommendations"
                                                    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, undo->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _pb_recommendation_exists (db, undo->id, error);
  undo->owner = g_strdup (pb_db_column_text (stmt, 0));
  undo->due = g_strdup (pb_db_column_text (stmt, 1));
  undo->updated_at = g_strdup (pb_db_column_text (stmt, 2));
  return TRUE;
}

static gboolean
add_entry (sqlite3                       *db,
           gint64                         id,
           const PbRecommendationUpdate  *update,
           gint64                        *entry_id,
           GError                       **error)
{
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) evidence = NULL;
  g_autofree char *now = pb_db_now ();
  g_autofree char *today = _pb_recommendation_today ();
  g_autofree char *note = g_strstrip (g_strdup (update->note ? update->note : ""));

  if (!(entry = pb_db_prepare (db, "INSERT INTO recommendation_entries (recommendation_id, status, date,"
                                   " note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(evidence = pb_db_prepare (db, "INSERT OR IGNORE INTO recommendation_evidence (entry_id, finding_id)"
                                      " SELECT ?1, id FROM findings WHERE id = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (entry, 1, id);
  sqlite3_bind_text (entry, 2, pb_recommendation_status_to_slug (update->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (entry, 3, update->date ? update->date : today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (entry, 4, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (entry, 5, now, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (entry, error))
    return FALSE;
  *entry_id = sqlite3_last_insert_rowid (db);

  for (guint i = 0; i < update->n_evidence; i++)
    {
      sqlite3_reset (evidence);
      sqlite3_bind_int64 (evidence, 1, *entry_id);
      sqlite3_bind_int64 (evidence, 2, update->evidence[i]);
      if (!pb_db_step_done (evidence, error))
        return FALSE;
      /* A finding given twice is taken once; one that does not exist is
       * an error. */
      if (sqlite3_changes (db) == 0)
        {
          g_autoptr(sqlite3_stmt) known = pb_db_prepare (db, "SELECT 1 FROM findings WHERE id = ?1", error);

          if (known == NULL)
            return FALSE;
          sqlite3_bind_int64 (known, 1, update->evidence[i]);
          if (sqlite3_step (known) != SQLITE_ROW)
            {
              g_set_error (error, PB_RECOMMENDATIONS_ERROR, PB_RECOMMENDATIONS_ERROR_NOT_FOUND,
                           _("There is no finding %" G_GINT64_FORMAT " to give as evidence."),
                           update->evidence[i]);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
set_column (sqlite3     *db,
            const char  *sql,
            gint64       id,
            const char  *value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  return pb_db_step_done (stmt, error);
}

static gboolean
update_in_transaction (sqlite3                       *db,
                       const PbRecommendationUpdate  *update,
                       PbRecommendationUndo          *undo,
                       GError                       **error)
{
  g_autofree char *now = pb_db_now ();

  if (!record_before (db, undo, error))
    return FALSE;

  if (update->status >= 0 && !add_entry (db, undo->id, update, &undo->entry_id, error))
    return FALSE;

  if (update->owner != NULL)
    {
      g_autofree char *owner = g_strstrip (g_strdup (update->owner));

      undo->owner_changed = TRUE;
      if (!set_column (db, "UPDATE recommendations SET owner = ?2 WHERE id = ?1", undo->id, owner, error))
        return FALSE;
    }
  if (update->due != NULL)
    {
      undo->due_changed = TRUE;
      if (!set_column (db, "UPDATE recommendations SET due = ?2 WHERE id = ?1", undo->id,
                       *update->due != '\0' ? update->due : NULL, error))
        return FALSE;
    }
  return set_column (db, "UPDATE recommendations SET updated_at = ?2 WHERE id = ?1", undo->id, now, error);
}

/**
 * pb_library_update_recommendation:
 * @id: the item
 * @update: what changes
 * @undo: (out) (optional) (transfer full): what puts the item back, for
 *   pb_library_undo_recommendation_update()
 * @error: %PB_RECOMMENDATIONS_ERROR_INVALID for an update that changes
 *   nothing, or a note or evidence without a status;
 *   %PB_RECOMMENDATIONS_ERROR_DATE for a date not written YYYY-MM-DD or
 *   no real day, or a status dated after today or before the item's
 *   report (its inspection's end, else its publication, else the date it
 *   was made); %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for no such item or
 *   finding; or a %PB_DB_ERROR
 *
 * Records a status (a new dated entry of the history, today unless dated
 * otherwise), changes the owner or due date, or all at once: one
 * transaction, one PbLibrary::recommendation-changed.
 */
gboolean
pb_library_update_recommendation (PbLibrary                     *library,
                                  gint64                         id,
                                  const PbRecommendationUpdate  *update,
                                  PbRecommendationUndo         **undo,
                                  GError                       **error)
{
  PbRecommendationUndo *before;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (update != NULL, FALSE);
  g_return_val_if_fail (update->evidence != NULL || update->n_evidence == 0, FALSE);

  if (!check_update (update, error))
    return FALSE;

  db = _pb_library_get_db (library);
  if (!check_status_after_source (db, id, update, error))
    return FALSE;

  before = g_new0 (PbRecommendationUndo, 1);
  before->id = id;
  ok = pb_db_begin (db, error) &&
       _pb_recommendation_finish (library, update_in_transaction (db, update, before, error), id, error);

  if (ok && undo != NULL)
    *undo = before;
  else
    pb_recommendation_undo_free (before);
  return ok;
}

/**
 * pb_library_undo_recommendation_update:
 * @undo: what pb_library_update_recommendation() gave back
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND when the item has been
 *   deleted since
 *
 * Puts an item back as it was before an update: the entry the update added
 * (and its evidence) goes, and the owner and due date return. Entries added
 * since stay.
 */
gboolean
pb_library_undo_recommendation_update (PbLibrary             *library,
                                       PbRecommendationUndo  *undo,
                                       GError               **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;

  ok = _pb_recommendation_exists (db, undo->id, error);
  if (ok && undo->entry_id > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, "DELETE FROM recommendation_entries"
                                                        " WHERE id = ?1 AND recommendation_id = ?2", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, undo->entry_id);
          sqlite3_bind_int64 (stmt, 2, undo->id);
          ok = pb_db_step_done (stmt, error);
        }
    }
  if (ok && undo->owner_changed)
    ok = set_column (db, "UPDATE recommendations SET owner = ?2 WHERE id = ?1", undo->id, undo->owner, error);
  if (ok && undo->due_changed)
    ok = set_column (db, "UPDATE recommendations SET due = ?2 WHERE id = ?1", undo->id, undo->due, error);
  if (ok)
    ok = set_column (db, "UPDATE recommendations SET updated_at = ?2 WHERE id = ?1", undo->id,
                     undo->updated_at, error);

  return _pb_recommendation_finish (library, ok, undo->id, error);
}

/* Findings are read through @cache (id → PbFinding) when given: a
 * tracker's items cite the same findings again and again. */
static gboolean
load_evidence (PbLibrary              *library,
               PbRecommendationEntry  *entry,
               sqlite3_stmt           *stmt,
               GHashTable             *cache,
               GError                **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, entry->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PbFinding *finding = cache ? g_hash_table_lookup (cache, &id) : NULL;

      if (finding != NULL)
        g_object_ref (finding);
      else if ((finding = pb_library_get_finding (library, id, NULL)) && cache != NULL)
        g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), g_object_ref (finding));

      if (finding != NULL)
        g_ptr_array_add (entry->evidence, finding);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (library), rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_entries (PbLibrary  *library,
              gint64      id,
              GPtrArray  *history,
              GHashTable *cache,
              GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) evidence = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id, status, date, note, created_at FROM recommendation_entries"
                                  " WHERE recommendation_id = ?1 ORDER BY date, id", error)) ||
      !(evidence = pb_db_prepare (db, "SELECT finding_id FROM recommendation_evidence WHERE entry_id = ?1"
                                      " ORDER BY finding_id", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbRecommendationEntry *entry = _pb_recommendation_entry_new (PB_RECOMMENDATION_ENTRY_STATUS);
      PbRecommendationStatus status = PB_RECOMMENDATION_STATUS_NOT_STARTED;

      g_ptr_array_add (history, entry);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->item_id = id;
      pb_recommendation_status_from_slug (pb_db_column_text (stmt, 1), &status);
      entry->status = status;
      entry->date = g_strdup (pb_db_column_text (stmt, 2));
      g_free (entry->note);
      entry->note = g_strdup (pb_db_column_text (stmt, 3));
      entry->created = g_date_time_new_from_iso8601 (pb_db_column_text (stmt, 4), NULL);
      entry->summary = g_strdup (pb_recommendation_status_get_label (status));
      if (!load_evidence (library, entry, evidence, cache, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The item's links, each told from this item's side: "Repeated from the
 * 2019 inspection" when it is the later, "Raised again by the March 2025
 * monitoring visit" when it is the earlier; dated by the later source. */
static gboolean
load_links (PbLibrary  *library,
            gint64      id,
            GPtrArray  *history,
            GError    **error)
{
  sqlite3 *db = _pb_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db,
                              "SELECT l.earlier_id = ?1, o.id, o.text, coalesce (rep.doc_type, o.source_type),"
                              "  coalesce (rep.inspection_end, rep.published, o.source_date),"
                              "  coalesce (rep.title, o.source_label), l.linked_at,"
                              "  (SELECT coalesce (r2.inspection_end, r2.published, later.source_date)"
                              "     FROM recommendations AS later"
                              "     LEFT JOIN reports AS r2 ON r2.sha256 = later.report_sha256"
                              "    WHERE later.id = l.later_id)"
                              " FROM recommendation_links AS l"
                              " JOIN recommendations AS o"
                              "   ON o.id = CASE WHEN l.earlier_id = ?1 THEN l.later_id ELSE l.earlier_id END"
                              " LEFT JOIN reports AS rep ON rep.sha256 = o.report_sha256"
                              " WHERE l.earlier_id = ?1 OR l.later_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean earlier = sqlite3_column_int (stmt, 0) != 0;
      PbRecommendationEntry *entry =
        _pb_recommendation_entry_new (earlier ? PB_RECOMMENDATION_ENTRY_RAISED_AGAIN
                                              : PB_RECOMMENDATION_ENTRY_REPEATED_FROM);
      g_autofree char *phrase =
        _pb_recommendation_phrase (pb_document_type_from_slug (pb_db_column_text (stmt, 3)),
                                   pb_db_column_text (stmt, 4), pb_db_column_text (stmt, 5), TRUE);
      const char *later_date = pb_db_column_text (stmt, 7);
      const char *linked_at = pb_db_column_text (stmt, 6);

      g_ptr_array_add (history, entry);
      entry->item_id = id;
      entry->linked_item_id = sqlite3_column_int64 (stmt, 1);
      entry->linked_text = g_strdup (pb_db_column_text (stmt, 2));
      entry->created = g_date_time_new_from_iso8601 (linked_at, NULL);
      entry->date = later_date ? g_strdup (later_date) : g_strndup (linked_at ? linked_at : "", 10);
      /* Translators: %s is "the 2019 inspection", "the March 2025 monitoring visit" or a title */
      entry->summary = g_strdup_printf (earlier ? _("Raised again by %s") : _("Repeated from %s"), phrase);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* By date; on one date a link before the statuses recorded that day (an
 * item begins by repeating its earlier self), statuses in the order they
 * were recorded. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  PbRecommendationEntry *x = *(PbRecommendationEntry **)a;
  PbRecommendationEntry *y = *(PbRecommendationEntry **)b;
  int by_date = g_strcmp0 (x->date, y->date);

  if (by_date != 0)
    return by_date;
  if ((x->kind == PB_RECOMMENDATION_ENTRY_STATUS) != (y->kind == PB_RECOMMENDATION_ENTRY_STATUS))
    return x->kind == PB_RECOMMENDATION_ENTRY_STATUS ? 1 : -1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->linked_item_id < y->linked_item_id ? -1 : x->linked_item_id > y->linked_item_id;
}

/**
 * pb_library_list_recommendation_history:
 * @id: a tracked item
 * @error: %PB_RECOMMENDATIONS_ERROR_NOT_FOUND for no such item
 *
 * Returns: (transfer container) (element-type PbRecommendationEntry): the
 *   item's history, oldest first: its status entries, each with its
 *   evidence findings (findings deleted since are left out), and its
 *   confirmed links; the last status entry is the current status
 */
GPtrArray *
pb_library_list_recommendation_history (PbLibrary  *library,
                                        gint64      id,
                                        GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  return _pb_recommendation_history (library, id, NULL, error);
}

/**
 * _pb_recommendation_history:
 * @findings: (nullable): a cache of the evidence read so far, id (gint64 *)
 *   → PbFinding, for reading many items' histories
 *
 * As pb_library_list_recommendation_history().
 */
GPtrArray *
_pb_recommendation_history (PbLibrary   *library,
                            gint64       id,
                            GHashTable  *findings,
                            GError     **error)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_pb_recommendation_exists (_pb_library_get_db (library), id, error) ||
      !load_entries (library, id, history, findings, error) ||
      !load_links (library, id, history, error))
    return NULL;

  g_ptr_array_sort (history, compare_entries);
  return g_steal_pointer (&history);
}
