/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-report-private.h"
#include "pb-schema.h"

/* The library folder: library.db, reports/<sha256>.pdf and backups/. Everything
 * in it may concern children, so the folder is private to the user (0700) and
 * each file is readable by the user alone (0600). */

struct _PbLibrary
{
  GObject   parent_instance;

  char     *path;
  char     *db_path;
  char     *reports_dir;
  char     *backups_dir;
  sqlite3  *db;
};

G_DEFINE_FINAL_TYPE (PbLibrary, pb_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (pb-library-error-quark, pb_library_error)

enum {
  REPORT_ADDED,
  REPORT_REMOVED,
  FINDING_ADDED,
  FINDING_CHANGED,
  FINDING_REMOVED,
  COHORTS_CHANGED,
  PACK_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
ensure_private_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir_with_parents (path, PB_LIBRARY_DIR_MODE) != 0 ||
      g_chmod (path, PB_LIBRARY_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the library folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* SQLite creates missing files with the process umask (often 0644), and gives the
 * -wal and -shm files the mode of the main file; so the main file is created by
 * hand first, private from the start. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE);

  if (fd < 0 || fchmod (fd, PB_LIBRARY_FILE_MODE) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the library database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

/* Reads the schema version without writing anything, so that a library made by
 * a newer Panel Brief is refused before it is touched: not even the -wal and
 * -shm files an ordinary connection makes. Opened "immutable", SQLite reads the
 * main file alone; that is exact unless a WAL with unsaved pages is there, and
 * then an ordinary read-only connection reads it (its files exist already). */
static gint
peek_schema_version (const char  *db_path,
                     GError     **error)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  sqlite3 *db = NULL;
  gint version;
  int rc;

  if (g_stat (wal_path, &st) == 0 && st.st_size > 0)
    {
      db = pb_db_open (db_path, TRUE, error);
    }
  else
    {
      file_uri = g_filename_to_uri (db_path, NULL, NULL);
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          pb_db_set_error (db, rc, error);
          g_clear_pointer (&db, sqlite3_close);
        }
    }

  if (db == NULL)
    return -1;

  version = pb_schema_get_version (db, error);
  pb_db_close (db);

  if (version < 0 && error != NULL && *error != NULL)
    {
      g_autoptr(GError) local_error = g_steal_pointer (error);

      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is not a Panel Brief library: %s"),
                   db_path, local_error->message);
    }

  return version;
}

static gboolean
backup_before_migration (PbLibrary  *self,
                         gint        from_version,
                         GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("library-v%d-%s.db", from_version, stamp);
  g_autofree char *backup_path = g_build_filename (self->backups_dir, name, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!ensure_private_dir (self->backups_dir, error))
    return FALSE;

  if (!(stmt = pb_db_prepare (self->db, "VACUUM INTO ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, backup_path, -1, SQLITE_TRANSIENT);
  if (!pb_db_step_done (stmt, error))
    return FALSE;

  g_chmod (backup_path, PB_LIBRARY_FILE_MODE);
  g_debug ("Backed up the library to %s before migrating", backup_path);

  return TRUE;
}

static gboolean
pb_library_initialize (PbLibrary  *self,
                       GError    **error)
{
  gboolean existed;
  gint version = 0;
  guint latest = pb_schema_latest_version ();

  if (!ensure_private_dir (self->path, error) ||
      !ensure_private_dir (self->reports_dir, error))
    return FALSE;

  existed = g_file_test (self->db_path, G_FILE_TEST_EXISTS);

  if (existed && (version = peek_schema_version (self->db_path, error)) < 0)
    return FALSE;

  if (version > (gint)latest)
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NEWER_SCHEMA,
                   _("This library was made by a newer version of Panel Brief "
                     "(library version %d; this version reads up to %u). "
                     "Update Panel Brief to open it."),
                   version, latest);
      return FALSE;
    }

  if (!ensure_private_file (self->db_path, error))
    return FALSE;

  if (!(self->db = pb_db_open (self->db_path, FALSE, error)))
    return FALSE;

  if (version > 0 && version < (gint)latest &&
      !backup_before_migration (self, version, error))
    return FALSE;

  return pb_schema_migrate (self->db, latest, error);
}

static void
pb_library_finalize (GObject *object)
{
  PbLibrary *self = (PbLibrary *)object;

  g_clear_pointer (&self->db, pb_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->reports_dir, g_free);
  g_clear_pointer (&self->backups_dir, g_free);

  G_OBJECT_CLASS (pb_library_parent_class)->finalize (object);
}

static void
pb_library_class_init (PbLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_library_finalize;

  /**
   * PbLibrary::report-added:
   * @report: the new report
   *
   * Emitted on the main thread after a report has been committed to the library.
   */
  signals [REPORT_ADDED] =
    g_signal_new ("report-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_REPORT);

  /**
   * PbLibrary::report-removed:
   * @id: the id the report had
   *
   * Emitted after a report and its file have left the library.
   */
  signals [REPORT_REMOVED] =
    g_signal_new ("report-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbLibrary::finding-added:
   * @id: the new finding
   */
  signals [FINDING_ADDED] =
    g_signal_new ("finding-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbLibrary::finding-changed:
   * @id: the finding edited
   */
  signals [FINDING_CHANGED] =
    g_signal_new ("finding-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbLibrary::finding-removed:
   * @id: the finding deleted
   */
  signals [FINDING_REMOVED] =
    g_signal_new ("finding-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PbLibrary::cohorts-changed:
   *
   * Emitted when a cohort is added, renamed, recoloured or removed.
   */
  signals [COHORTS_CHANGED] =
    g_signal_new ("cohorts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * PbLibrary::pack-changed:
   * @id: the pack created, edited or deleted
   *
   * Emitted after a change to a pack, its details or its contents has been
   * committed.
   */
  signals [PACK_CHANGED] =
    g_signal_new ("pack-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pb_library_init (PbLibrary *self)
{
}

/**
 * pb_library_resolve_path:
 * @requested: (nullable): a folder named on the command line
 *
 * Returns: the library folder to use: @requested, else $PANEL_BRIEF_LIBRARY,
 *   else $XDG_DATA_HOME/panel-brief.
 */
char *
pb_library_resolve_path (const char *requested)
{
  const char *from_env = g_getenv ("PANEL_BRIEF_LIBRARY");

  if (requested != NULL && *requested != '\0')
    return g_canonicalize_filename (requested, NULL);

  if (from_env != NULL && *from_env != '\0')
    return g_canonicalize_filename (from_env, NULL);

  return g_build_filename (g_get_user_data_dir (), "panel-brief", NULL);
}

PbLibrary *
pb_library_open (const char  *path,
                 GError     **error)
{
  g_autoptr(PbLibrary) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PB_TYPE_LIBRARY, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->db_path = g_build_filename (self->path, "library.db", NULL);
  self->reports_dir = g_build_filename (self->path, "reports", NULL);
  self->backups_dir = g_build_filename (self->path, "backups", NULL);

  if (!pb_library_initialize (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
pb_library_get_path (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->path;
}

char *
pb_library_dup_report_path (PbLibrary  *self,
                            const char *sha256)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  name = g_strconcat (sha256, ".pdf", NULL);
  return g_build_filename (self->reports_dir, name, NULL);
}

GPtrArray *
pb_library_list_reports (PbLibrary  *self,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (self->db,
                              "SELECT " PB_REPORT_COLUMNS " FROM reports "
                              "ORDER BY imported_at DESC, id DESC",
                              error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reports, _pb_report_new_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&reports);
}

static PbReport *
lookup_report (PbLibrary   *self,
               const char  *sql,
               const char  *text_key,
               gint64       int_key,
               const char  *what,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PbReport *report = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (self->db, sql, error)))
    return NULL;

  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, int_key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    report = _pb_report_new_from_stmt (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                 _("No report “%s” in the library."), what);
  else
    pb_db_set_error (self->db, rc, error);

  if (report != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_clear_object (&report);
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” matches more than one report; give more of its checksum."), what);
    }

  return report;
}

PbReport *
pb_library_get_report (PbLibrary  *self,
                       gint64      id,
                       GError    **error)
{
  g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  return lookup_report (self, "SELECT " PB_REPORT_COLUMNS " FROM reports WHERE id = ?1",
                        NULL, id, what, error);
}

/**
 * pb_library_find_report:
 * @id_or_sha256: a report id, or at least six leading characters of its SHA-256
 *
 * Finds a report the way a user names it on the command line.
 */
PbReport *
pb_library_find_report (PbLibrary   *self,
                        const char  *id_or_sha256,
                        GError     **error)
{
  g_autofree char *prefix = NULL;
  guint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id_or_sha256 != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_sha256, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      PbReport *report = pb_library_get_report (self, (gint64)id, &local_error);

      /* A checksum may start with digits only: "4018263517" is an id if
       * there is such a report, else the start of a checksum. */
      if (report != NULL || strlen (id_or_sha256) < 6 ||
          !g_error_matches (local_error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return report;
        }
    }

  if (strlen (id_or_sha256) < 6 || strspn (id_or_sha256, "0123456789abcdefABCDEF") != strlen (id_or_sha256))
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” is neither a report id nor the start of a report checksum."),
                   id_or_sha256);
      return NULL;
    }

  /* Hex digits only, so no LIKE wildcards can be in the prefix. */
  prefix = g_strconcat (id_or_sha256, "%", NULL);
  for (char *p = prefix; *p; p++)
    *p = g_ascii_tolower (*p);

  return lookup_report (self,
                        "SELECT " PB_REPORT_COLUMNS " FROM reports WHERE sha256 LIKE ?1",
                        prefix, 0, id_or_sha256, error);
}

char *
pb_library_dup_page_text (PbLibrary  *self,
                          gint64      report_id,
                          guint       page_number,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (self->db,
                              "SELECT text FROM report_pages "
                              "WHERE report_id = ?1 AND page_number = ?2",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int (stmt, 2, (int)page_number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (pb_db_column_text (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_NOT_FOUND,
                 _("The report has no page %u."), page_number);
  else
    pb_db_set_error (self->db, rc, error);

  return NULL;
}

gboolean
pb_library_remove_report (PbLibrary  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) kept = NULL;
  g_autofree char *file_path = NULL;
  const char *sha256;
  gboolean keep_file;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (!(report = pb_library_get_report (self, id, error)))
    return FALSE;

  sha256 = pb_report_get_sha256 (report);
  keep_file = _pb_library_backups_may_list (self, sha256);

  if (!(stmt = pb_db_prepare (self->db, "DELETE FROM reports WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (keep_file &&
      !(kept = pb_db_prepare (self->db,
                              "INSERT OR REPLACE INTO removed_reports (sha256, title, removed_at)"
                              " VALUES (?1, ?2, ?3)",
                              error)))
    return FALSE;

  if (!pb_db_begin (self->db, error))
    return FALSE;

  if (kept != NULL)
    {
      g_autofree char *now = pb_db_now ();

      sqlite3_bind_text (kept, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kept, 2, pb_report_get_title (report), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kept, 3, now, -1, SQLITE_TRANSIENT);
    }

  if (!pb_db_step_done (stmt, error) ||
      (kept != NULL && !pb_db_step_done (kept, error)) ||
      !pb_db_commit (self->db, error))
    {
      pb_db_rollback (self->db);
      return FALSE;
    }

  /* The row goes first: a crash here leaves the file with no row, an orphan
   * that Check Library lists and nothing deletes. The file itself goes only
   * when no backup lists the report: restoring that backup would need it. */
  file_path = pb_library_dup_report_path (self, sha256);
  if (!keep_file && g_unlink (file_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", file_path, g_strerror (errno));

  g_signal_emit (self, signals [REPORT_REMOVED], 0, id);

  return TRUE;
}

/* Whether any database in backups/ lists the report @sha256, or might: a
 * backup that cannot be read counts as listing it. A report's file must
 * outlive every database that could be restored and point at it. */
gboolean
_pb_library_backups_may_list (PbLibrary  *self,
                              const char *sha256)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (PB_IS_LIBRARY (self), TRUE);
  g_return_val_if_fail (sha256 != NULL, TRUE);

  if (!(dir = g_dir_open (self->backups_dir, 0, NULL)))
    return g_file_test (self->backups_dir, G_FILE_TEST_EXISTS);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autofree char *file_uri = NULL;
      g_autofree char *uri = NULL;
      sqlite3_stmt *stmt = NULL;
      sqlite3 *db = NULL;
      gboolean listed;

      if (!g_str_has_suffix (name, ".db"))
        continue;

      path = g_build_filename (self->backups_dir, name, NULL);
      file_uri = g_filename_to_uri (path, NULL, NULL);
      if (file_uri == NULL)
        return TRUE;
      /* Backups are complete files, never written again: read them as such. */
      uri = g_strconcat (file_uri, "?immutable=1", NULL);

      if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, "SELECT 1 FROM reports WHERE sha256 = ?1", -1, &stmt, NULL) != SQLITE_OK)
        {
          sqlite3_close (db);
          return TRUE;
        }

      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      listed = sqlite3_step (stmt) != SQLITE_DONE;
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      if (listed)
        return TRUE;
    }

  return FALSE;
}

sqlite3 *
_pb_library_get_db (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->db;
}

/* A connection of its own for a worker thread, so that a long import never holds
 * the main thread's connection. WAL lets the main thread keep reading meanwhile. */
sqlite3 *
_pb_library_open_connection (PbLibrary  *self,
                             GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return pb_db_open (self->db_path, FALSE, error);
}

const char *
_pb_library_get_reports_dir (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->reports_dir;
}

void
_pb_library_emit_report_added (PbLibrary *self,
                               gint64     id)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PB_IS_LIBRARY (self));

  if (!(report = pb_library_get_report (self, id, &error)))
    {
      g_warning ("A report just imported could not be read back: %s", error->message);
      return;
    }

  g_signal_emit (self, signals [REPORT_ADDED], 0, report);
}

/**
 * pb_library_get_view_state:
 *
 * Returns: %TRUE and fills @state if the report was read before
 */
gboolean
pb_library_get_view_state (PbLibrary   *self,
                           gint64       report_id,
                           PbViewState *state)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!(stmt = pb_db_prepare (self->db,
                              "SELECT page, zoom, sizing FROM report_view_state"
                              " WHERE report_id = ?1", NULL)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  state->page = (guint)MAX (sqlite3_column_int (stmt, 0), 0);
  state->zoom = sqlite3_column_double (stmt, 1);
  g_strlcpy (state->sizing, pb_db_column_text (stmt, 2), sizeof state->sizing);

  return TRUE;
}

gboolean
pb_library_save_view_state (PbLibrary         *self,
                            gint64             report_id,
                            const PbViewState *state,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!(stmt = pb_db_prepare (self->db,
                              "INSERT INTO report_view_state (report_id, page, zoom, sizing, opened_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (report_id) DO UPDATE SET page = excluded.page,"
                              "  zoom = excluded.zoom, sizing = excluded.sizing,"
                              "  opened_at = excluded.opened_at",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int (stmt, 2, (int)state->page);
  sqlite3_bind_double (stmt, 3, state->zoom);
  sqlite3_bind_text (stmt, 4, state->sizing, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now_text, -1, SQLITE_TRANSIENT);

  return pb_db_step_done (stmt, error);
}

/**
 * pb_library_get_last_read_report:
 *
 * Returns: the id of the report read most recently, or 0
 */
gint64
pb_library_get_last_read_report (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), 0);

  return MAX (pb_db_query_int (self->db,
                               "SELECT report_id FROM report_view_state"
                               " ORDER BY opened_at DESC LIMIT 1", NULL), 0);
}

void
_pb_library_emit_finding_added (PbLibrary *self,
                                gint64     id)
{
  g_signal_emit (self, signals [FINDING_ADDED], 0, id);
}

void
_pb_library_emit_finding_changed (PbLibrary *self,
                                  gint64     id)
{
  g_signal_emit (self, signals [FINDING_CHANGED], 0, id);
}

void
_pb_library_emit_finding_removed (PbLibrary *self,
                                  gint64     id)
{
  g_signal_emit (self, signals [FINDING_REMOVED], 0, id);
}

void
_pb_library_emit_cohorts_changed (PbLibrary *self)
{
  g_signal_emit (self, signals [COHORTS_CHANGED], 0);
}

/**
 * pb_library_dup_page_texts:
 *
 * Returns: (transfer full): every page's text of the report, in order
 */
GStrv
pb_library_dup_page_texts (PbLibrary   *self,
                           const char  *sha256,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!(stmt = pb_db_prepare (self->db,
                              "SELECT p.text FROM report_pages AS p JOIN reports AS r ON r.id = p.report_id"
                              " WHERE r.sha256 = ?1 ORDER BY p.page_number", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (pages, pb_db_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_strv_builder_end (pages);
}

void
_pb_library_emit_pack_changed (PbLibrary *self,
                               gint64     id)
{
  g_signal_emit (self, signals [PACK_CHANGED], 0, id);
}
