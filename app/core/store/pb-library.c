/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pb-backup.h"
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
  char     *second_backup_folder;
  sqlite3  *db;

  int       session_fd;     /* library.db-session, see pb-library-session.c */
  gboolean  read_only;      /* nothing may be written: see problem */
  GError   *problem;        /* why the library is read-only, or NULL */
  char     *notice;         /* something set right while opening, or NULL */
};

G_DEFINE_FINAL_TYPE (PbLibrary, pb_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (pb-library-error-quark, pb_library_error)

enum {
  REPORT_ADDED,
  REPORT_REMOVED,
  REPORT_CHANGED,
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
                   _("“%s” is not a Panel Brief library: %s If it is your library, it is "
                     "damaged: restore a backup (“panel-brief restore --latest”). The file "
                     "is kept as it is."),
                   db_path, local_error->message);
    }

  return version;
}

static void
set_problem (PbLibrary  *self,
             GError     *problem)
{
  g_clear_error (&self->problem);
  self->problem = problem;
  self->read_only = TRUE;
}

/* Opens library.db for reading only, for a library that must not (or cannot)
 * be written. A WAL database on read-only media needs its -shm; when SQLite
 * cannot make one and no -wal holds unsaved pages, the main file alone is the
 * whole library and is read as immutable. */
static sqlite3 *
open_read_only (const char  *db_path,
                GError     **error)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  if ((db = pb_db_open (db_path, TRUE, &local_error)) != NULL &&
      pb_db_query_int (db, "SELECT count(*) FROM sqlite_schema", &local_error) >= 0)
    return db;
  g_clear_pointer (&db, pb_db_close);

  if (g_stat (wal_path, &st) == 0 && st.st_size > 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  file_uri = g_filename_to_uri (db_path, NULL, NULL);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      pb_db_set_error (db, sqlite3_errcode (db), error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* SQLite's quick_check: the b-trees and their pages, without the slower
 * index-against-table comparisons of integrity_check. */
static gboolean
quick_check (sqlite3  *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "PRAGMA quick_check", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 (pb_db_column_text (stmt, 0), "ok") == 0)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                 _("The library database is damaged (%s)."), pb_db_column_text (stmt, 0));
  else
    pb_db_set_error (db, rc, error);
  return FALSE;
}

/* library.db-checked records the main file as it was at its last good
 * quick_check. In WAL mode the main file changes only when pages are copied
 * back into it (a checkpoint, which every session that wrote ends with), so a
 * file unchanged since a good check needs no new one: opening a large library
 * to read it stays quick. The day's backup checks the whole file anyway. */
static char *
stamp_of (const char *db_path)
{
  GStatBuf st;

  if (g_stat (db_path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%llu %llu %lld %ld.%09ld\n",
                          (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                          (long long)st.st_size, (long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

static gboolean
check_is_due (const char *db_path)
{
  g_autofree char *checked_path = g_strconcat (db_path, "-checked", NULL);
  g_autofree char *recorded = NULL;
  g_autofree char *now = stamp_of (db_path);

  return !g_file_get_contents (checked_path, &recorded, NULL, NULL) ||
         g_strcmp0 (recorded, now) != 0;
}

static void
record_check (const char *db_path)
{
  g_autofree char *checked_path = g_strconcat (db_path, "-checked", NULL);
  g_autofree char *now = stamp_of (db_path);
  int fd;

  if (now == NULL)
    return;
  if ((fd = g_open (checked_path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    return;
  if (write (fd, now, strlen (now)) < 0)
    g_debug ("Could not record the check of %s", db_path);
  g_close (fd, NULL);
}

static GError *
damaged_problem (void)
{
  return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED,
                      _("The library database is damaged. Panel Brief has opened it "
                        "read-only so that nothing more is written to it. Restore the "
                        "newest good backup (Restore from Backup…, or "
                        "“panel-brief restore --latest”); the damaged file is kept."));
}

static GError *
unwritable_problem (const GError *cause)
{
  if (g_error_matches (cause, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DISK_FULL,
                        _("The disk is full. Panel Brief can show the library but not "
                          "change it until some space is freed."));
  return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                      _("The library cannot be written (%s). Panel Brief can show it "
                        "but not change it."), cause->message);
}

static gboolean
pb_library_initialize (PbLibrary  *self,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean existed;
  gint version = 0;
  guint latest = pb_schema_latest_version ();

  if (!ensure_private_dir (self->path, &local_error) ||
      !ensure_private_dir (self->reports_dir, &local_error))
    {
      /* A library on read-only media can still be read. */
      if (!g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR) ||
          (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) &&
           !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_problem (self, unwritable_problem (local_error));
      g_clear_error (&local_error);
    }

  existed = g_file_test (self->db_path, G_FILE_TEST_EXISTS);

  if (!self->read_only)
    self->session_fd = _pb_library_session_enter (self->db_path, &self->notice);

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

  if (!self->read_only && !ensure_private_file (self->db_path, &local_error))
    {
      int code = local_error->code;

      if (!existed || (code != G_IO_ERROR_PERMISSION_DENIED && code != G_IO_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_problem (self, unwritable_problem (local_error));
      g_clear_error (&local_error);
    }

  if (!self->read_only)
    {
      gboolean due = check_is_due (self->db_path);

      if ((self->db = pb_db_open (self->db_path, FALSE, &local_error)) != NULL &&
          due && !quick_check (self->db, &local_error))
        g_clear_pointer (&self->db, pb_db_close);
      else if (self->db != NULL && due)
        record_check (self->db_path);

      if (self->db == NULL)
        {
          if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
            set_problem (self, damaged_problem ());
          else if (existed)
            set_problem (self, unwritable_problem (local_error));
          else
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_clear_error (&local_error);
        }
    }

  if (self->read_only)
    {
      if (!(self->db = open_read_only (self->db_path, &local_error)))
        {
          g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED,
                       _("The library database cannot be read (%s). Restore the newest "
                         "good backup (“panel-brief restore --latest”)."),
                       local_error->message);
          return FALSE;
        }

      /* A damaged file found on read-only media is still damaged. */
      if (!g_error_matches (self->problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED) &&
          !quick_check (self->db, &local_error))
        {
          if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
            set_problem (self, damaged_problem ());
          g_clear_error (&local_error);
        }

      if (version < (gint)latest)
        {
          g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                       _("This library needs to be brought up to date, but it cannot be "
                         "written: %s"), self->problem->message);
          return FALSE;
        }
      return TRUE;
    }

  if (version > 0 && version < (gint)latest)
    {
      g_autofree char *backup = pb_library_backup (self, PB_BACKUP_BEFORE_UPGRADE, error);

      if (backup == NULL)
        return FALSE;
    }

  if (!pb_schema_migrate (self->db, latest, error))
    return FALSE;

  _pb_library_session_record (self->session_fd, self->db_path);
  return TRUE;
}

static void
pb_library_finalize (GObject *object)
{
  PbLibrary *self = (PbLibrary *)object;

  g_clear_pointer (&self->db, pb_db_close);
  _pb_library_session_leave (self->session_fd, self->db_path);
  g_clear_error (&self->problem);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->second_backup_folder, g_free);
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
   * PbLibrary::report-changed:
   * @id: the report whose title, authority or date the officer changed, or
   *   whose structure was read again
   *
   * Emitted after the change has been committed: lists holding a snapshot
   * of the report read it again.
   */
  signals [REPORT_CHANGED] =
    g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  self->session_fd = -1;
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

  if (self->read_only)
    return open_read_only (self->db_path, error);
  return pb_db_open (self->db_path, FALSE, error);
}

/* A connection that only reads, whatever the library's state: for backups
 * and checks, which must work on a damaged or read-only library too. */
sqlite3 *
_pb_library_open_reader (PbLibrary  *self,
                         GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return open_read_only (self->db_path, error);
}

const char *
_pb_library_get_backups_dir (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->backups_dir;
}

gboolean
_pb_library_is_read_only (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * pb_library_is_read_only:
 * @self: a library
 *
 * Returns: whether the library was opened read-only because it is damaged,
 *   on a full disk or cannot be written; pb_library_get_problem () says why
 */
gboolean
pb_library_is_read_only (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * pb_library_get_problem:
 * @self: a library
 *
 * Returns: (nullable) (transfer none): why the library is read-only, in a
 *   sentence for the user saying what happened and what to do:
 *   PB_LIBRARY_ERROR_DAMAGED, PB_LIBRARY_ERROR_DISK_FULL or
 *   PB_LIBRARY_ERROR_READ_ONLY; %NULL when it can be written
 */
const GError *
pb_library_get_problem (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->problem;
}

/**
 * pb_library_get_notice:
 * @self: a library
 *
 * Returns: (nullable): something set right while the library was opened
 *   (a journal file that was not the library's, set aside), in a sentence
 *   for the user; %NULL when there was nothing
 */
const char *
pb_library_get_notice (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->notice;
}

/**
 * pb_library_check_writable:
 * @self: a library
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE when the library may be changed; otherwise %FALSE with
 *   @error set to a copy of pb_library_get_problem ()
 */
gboolean
pb_library_check_writable (PbLibrary  *self,
                           GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (!self->read_only)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (self->problem);
  return FALSE;
}

/**
 * pb_library_set_second_backup_folder:
 * @self: a library
 * @folder: (nullable): a folder (a USB stick, a network drive), or %NULL
 *
 * Every backup is copied to @folder too, where it is rotated by the same rule.
 */
void
pb_library_set_second_backup_folder (PbLibrary  *self,
                                     const char *folder)
{
  g_return_if_fail (PB_IS_LIBRARY (self));

  g_free (self->second_backup_folder);
  self->second_backup_folder = folder != NULL && *folder != '\0' ? g_strdup (folder) : NULL;
}

/**
 * pb_library_get_second_backup_folder:
 * @self: a library
 *
 * Returns: (nullable): the folder set by
 *   pb_library_set_second_backup_folder (), or %NULL
 */
const char *
pb_library_get_second_backup_folder (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->second_backup_folder;
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
_pb_library_emit_report_changed (PbLibrary *self,
                                 gint64     id)
{
  g_signal_emit (self, signals [REPORT_CHANGED], 0, id);
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

/**
 * pb_library_check_output_path:
 * @self: a library
 * @path: (type filename): where an export is to be written
 * @error: a #GError, or %NULL
 *
 * Exports are written outside the library folder: a file there could
 * replace library.db, a backup or a stored report.
 *
 * Returns: %TRUE when @path is outside the library folder; otherwise %FALSE
 *   with PB_LIBRARY_ERROR_OUTPUT_INSIDE
 */
gboolean
pb_library_check_output_path (PbLibrary   *self,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *real_library = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Through symbolic links too: compare the real folders. */
  absolute = g_canonicalize_filename (path, NULL);
  folder = g_path_get_dirname (absolute);
  real_folder = realpath (folder, NULL);
  real_library = realpath (self->path, NULL);
  if (real_folder == NULL || real_library == NULL)
    return TRUE;

  if (!g_str_equal (real_folder, real_library) &&
      !(g_str_has_prefix (real_folder, real_library) &&
        real_folder[strlen (real_library)] == G_DIR_SEPARATOR))
    return TRUE;

  display = g_filename_display_name (absolute);
  g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OUTPUT_INSIDE,
               _("“%s” is inside the library folder. Save exports somewhere else, such as "
                 "your Documents folder."), display);
  return FALSE;
}
