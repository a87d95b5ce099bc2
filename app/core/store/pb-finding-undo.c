/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-store"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-db.h"
#include "pb-finding-store.h"
#include "pb-finding-undo-private.h"
#include "pb-library-private.h"

/* What an undone delete needs: the finding's own row and every row that
 * its delete cascades away (cohort links, places in packs with their
 * position and text, evidence for tracked recommendations), copied value
 * by value. The tables are found from the schema's foreign keys, not
 * listed here, so a table that a later schema step adds is saved too. */

typedef struct
{
  char          *table;
  GPtrArray     *values;   /* sqlite3_value, owned */
} SavedRow;

struct _PbFindingSnapshot
{
  GPtrArray *rows;         /* SavedRow; the findings row first */
};

static void
saved_row_free (SavedRow *row)
{
  g_free (row->table);
  g_ptr_array_unref (row->values);
  g_free (row);
}

void
_pb_finding_snapshot_free (PbFindingSnapshot *snapshot)
{
  g_ptr_array_unref (snapshot->rows);
  g_free (snapshot);
}

static gboolean
save_rows (sqlite3            *db,
           PbFindingSnapshot  *snapshot,
           const char         *table,
           const char         *column,
           gint64              id,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  /* The names come from sqlite_master, quoted as identifiers. */
  sql = sqlite3_mprintf ("SELECT * FROM \"%w\" WHERE \"%w\" = ?1", table, column);
  stmt = pb_db_prepare (db, sql, error);
  sqlite3_free (g_steal_pointer (&sql));
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SavedRow *row = g_new0 (SavedRow, 1);

      row->table = g_strdup (table);
      row->values = g_ptr_array_new_with_free_func ((GDestroyNotify)sqlite3_value_free);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      g_ptr_array_add (snapshot->rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Reads everything the delete of finding @id will remove. Call it in the
 * delete's transaction, before the delete. */
PbFindingSnapshot *
_pb_finding_snapshot_save (sqlite3  *db,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) links = NULL;
  PbFindingSnapshot *snapshot = g_new0 (PbFindingSnapshot, 1);
  int rc;

  snapshot->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)saved_row_free);

  if (!save_rows (db, snapshot, "findings", "id", id, error) ||
      !(links = pb_db_prepare (db,
                               "SELECT m.name, k.\"from\" FROM sqlite_master AS m,"
                               " pragma_foreign_key_list (m.name) AS k"
                               " WHERE m.type = 'table' AND k.\"table\" = 'findings'"
                               " AND k.on_delete = 'CASCADE' ORDER BY m.name", error)))
    goto failed;

  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    if (!save_rows (db, snapshot, pb_db_column_text (links, 0), pb_db_column_text (links, 1), id, error))
      goto failed;

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      goto failed;
    }

  return snapshot;

failed:
  _pb_finding_snapshot_free (snapshot);
  return NULL;
}

/* With @fresh_id, the first column (the row's own id) is left for SQLite
 * to choose: a pack item's id may have been given to a new item since. */
static int
insert_row (sqlite3  *db,
            SavedRow *row,
            gboolean  fresh_id,
            GError  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *table = sqlite3_mprintf ("%w", row->table);
  int rc;

  g_string_append_printf (sql, "INSERT INTO \"%s\" VALUES (", table);
  sqlite3_free (table);
  for (guint i = 0; i < row->values->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  if (!(stmt = pb_db_prepare (db, sql->str, error)))
    return SQLITE_ERROR;

  for (guint i = 0; i < row->values->len; i++)
    if (i > 0 || !fresh_id)
      sqlite3_bind_value (stmt, (int)i + 1, g_ptr_array_index (row->values, i));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE &&
      sqlite3_extended_errcode (db) != SQLITE_CONSTRAINT_FOREIGNKEY &&
      (fresh_id || sqlite3_extended_errcode (db) != SQLITE_CONSTRAINT_PRIMARYKEY))
    pb_db_set_error (db, rc, error);

  return rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode (db);
}

/* Puts back what _pb_finding_snapshot_save() read, in the caller's
 * transaction. A dependent row whose other parent has gone since (a pack
 * section deleted in between) is left out; the finding itself is not. */
gboolean
_pb_finding_snapshot_restore (sqlite3            *db,
                              PbFindingSnapshot  *snapshot,
                              GError            **error)
{
  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      SavedRow *row = g_ptr_array_index (snapshot->rows, i);
      int rc = insert_row (db, row, FALSE, error);

      if (rc == SQLITE_CONSTRAINT_PRIMARYKEY && i > 0 &&
          sqlite3_value_type (g_ptr_array_index (row->values, 0)) == SQLITE_INTEGER)
        rc = insert_row (db, row, TRUE, error);

      if (rc == SQLITE_OK || (i > 0 && rc == SQLITE_CONSTRAINT_FOREIGNKEY))
        continue;

      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_NOT_FOUND,
                     rc == SQLITE_CONSTRAINT_FOREIGNKEY
                     ? _("The finding’s report is no longer in the library.")
                     : _("The finding’s number has been given to another finding."));
      return FALSE;
    }

  return TRUE;
}

/* The packs that hold any of the findings, for PbLibrary::pack-changed. */
GArray *
_pb_finding_packs (sqlite3       *db,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_autoptr(GArray) packs = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GArray) these = pb_db_query_ids (db,
                                                 "SELECT DISTINCT s.pack_id FROM pack_items AS i"
                                                 " JOIN pack_sections AS s ON s.id = i.section_id"
                                                 " WHERE i.finding_id = ?1", ids[i], error);

      if (these == NULL)
        return NULL;

      for (guint j = 0; j < these->len; j++)
        {
          gint64 pack = g_array_index (these, gint64, j);
          gboolean seen = FALSE;

          for (guint k = 0; k < packs->len && !seen; k++)
            seen = g_array_index (packs, gint64, k) == pack;
          if (!seen)
            g_array_append_val (packs, pack);
        }
    }

  return g_steal_pointer (&packs);
}

/**
 * pb_library_count_packs_holding:
 * @library: a library
 * @ids: (array length=n_ids): finding ids
 * @n_ids: how many
 * @error: a #GError, or %NULL
 *
 * Counts the packs that hold at least one of the findings, so that a
 * delete can say what it takes out of packs.
 *
 * Returns: the number of distinct packs, or -1 with @error set
 *   (%PB_DB_ERROR)
 */
int
pb_library_count_packs_holding (PbLibrary     *library,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  g_autoptr(GArray) packs = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), -1);

  if (!(packs = _pb_finding_packs (_pb_library_get_db (library), ids, n_ids, error)))
    return -1;

  return (int)packs->len;
}
