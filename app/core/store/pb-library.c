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
#include "pb-report-store.h"
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

void
_pb_library_emit_report_removed (PbLibrary *self,
                                 gint64     id)
{
  g_signal_emit (self, signals [REPORT_REMOVED], 0, id);
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

void
_pb_library_emit_pack_changed (PbLibrary *self,
                               gint64     id)
{
  g_signal_emit (self, signals [PACK_CHANGED], 0, id);
}
