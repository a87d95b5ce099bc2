/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-library-private.h"

/* Verified, rotating copies of library.db in backups/.
 *
 * A backup is made with SQLite's online backup API from a read transaction,
 * so it is one consistent moment of the library even while another process
 * writes. It is written under a temporary name, opened again and checked
 * (integrity_check, and the same number of reports, findings and packs as
 * the moment it copies) before it takes its name, and only a checked backup
 * lets older ones be rotated away. The report PDFs are named by their
 * checksum and never change, so a backup of the database and the reports/
 * folder together are a whole library.
 *
 * Names are "library-<UTC time to the millisecond>.db"; two backups in the
 * same millisecond get "-1", "-2"… rather than one replacing the other. */

#define BACKUP_PREFIX      "library-"
#define BACKUP_SUFFIX      ".db"
#define KEEP_RECENT        10   /* taken in the last 24 hours */
#define KEEP_DAYS          7
#define KEEP_WEEKS         4

struct _PbBackup
{
  GObject    parent_instance;

  char      *path;
  GDateTime *created;
  gint64     n_reports;
  gint64     n_findings;
  gint64     n_packs;
  gint       version;
};

G_DEFINE_FINAL_TYPE (PbBackup, pb_backup, G_TYPE_OBJECT)

static void
pb_backup_finalize (GObject *object)
{
  PbBackup *self = (PbBackup *)object;

  g_free (self->path);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (pb_backup_parent_class)->finalize (object);
}

static void
pb_backup_class_init (PbBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_backup_finalize;
}

static void
pb_backup_init (PbBackup *self)
{
}

/**
 * pb_backup_get_path:
 * @self: a backup
 *
 * Returns: the backup file's absolute path
 */
const char *
pb_backup_get_path (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), NULL);
  return self->path;
}

/**
 * pb_backup_get_created:
 * @self: a backup
 *
 * Returns: (transfer none): when the backup was taken, in UTC: from its
 *   name, or for a file named otherwise, from its modification time
 */
GDateTime *
pb_backup_get_created (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), NULL);
  return self->created;
}

/**
 * pb_backup_get_n_reports:
 * @self: a backup
 *
 * Returns: how many reports the backup holds
 */
gint64
pb_backup_get_n_reports (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), 0);
  return self->n_reports;
}

/**
 * pb_backup_get_n_findings:
 * @self: a backup
 *
 * Returns: how many findings the backup holds
 */
gint64
pb_backup_get_n_findings (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), 0);
  return self->n_findings;
}

/**
 * pb_backup_get_n_packs:
 * @self: a backup
 *
 * Returns: how many briefing packs the backup holds
 */
gint64
pb_backup_get_n_packs (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), 0);
  return self->n_packs;
}

/**
 * pb_backup_get_version:
 * @self: a backup
 *
 * Returns: the schema version (user_version) of the library it holds
 */
gint
pb_backup_get_version (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), 0);
  return self->version;
}

/**
 * pb_backup_file_name_for:
 * @time: when the backup is taken
 *
 * Returns: (transfer full): "library-20261130T120102.345Z.db": the time in
 *   UTC to the millisecond, so that names sort by time
 */
char *
pb_backup_file_name_for (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%S");
  return g_strdup_printf (BACKUP_PREFIX "%s.%03dZ" BACKUP_SUFFIX, stamp,
                          g_date_time_get_microsecond (utc) / 1000);
}

/**
 * pb_backup_parse_file_name:
 * @name: a file name, without its folder
 * @out_time: (out) (optional) (transfer full): when the backup was taken, UTC
 *
 * Reads a name made by pb_backup_file_name_for (), with or without the "-N"
 * that tells apart two backups of one millisecond.
 *
 * Returns: whether @name is such a name
 */
gboolean
pb_backup_parse_file_name (const char  *name,
                           GDateTime  **out_time)
{
  int year, month, day, hour, minute, second, ms;
  g_autoptr(GDateTime) time = NULL;
  char tail[16] = "";

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;

  if (sscanf (name, BACKUP_PREFIX "%4d%2d%2dT%2d%2d%2d.%3dZ%15s",
              &year, &month, &day, &hour, &minute, &second, &ms, tail) != 8)
    return FALSE;

  /* What follows the time: ".db", or "-N.db". */
  if (strcmp (tail, BACKUP_SUFFIX) != 0)
    {
      const char *p = tail;

      if (*p++ != '-' || !g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (strcmp (p, BACKUP_SUFFIX) != 0)
        return FALSE;
    }

  time = g_date_time_new_utc (year, month, day, hour, minute, second + ms / 1000.0);
  if (time == NULL)
    return FALSE;

  if (out_time != NULL)
    *out_time = g_steal_pointer (&time);
  return TRUE;
}

/* The rows of @table, or 0 for a library too old to have it. */
static gint64
count_rows (sqlite3    *db,
            const char *table,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autofree char *sql = NULL;

  if (!(exists = pb_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                error)))
    return -1;
  sqlite3_bind_text (exists, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (exists) != SQLITE_ROW)
    return 0;

  /* @table is one of our own names, never the user's. */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return pb_db_query_int (db, sql, error);
}

/* The counts a backup is checked against: they must survive the copy. */
typedef struct
{
  gint64 reports;
  gint64 findings;
  gint64 packs;
  gint64 cohorts;
  gint   version;
} Counts;

static gboolean
read_counts (sqlite3  *db,
             Counts   *counts,
             GError  **error)
{
  if ((counts->reports = count_rows (db, "reports", error)) < 0 ||
      (counts->findings = count_rows (db, "findings", error)) < 0 ||
      (counts->packs = count_rows (db, "packs", error)) < 0 ||
      (counts->cohorts = count_rows (db, "cohorts", error)) < 0 ||
      (counts->version = (gint)pb_db_query_int (db, "PRAGMA user_version", error)) < 0)
    return FALSE;
  return TRUE;
}

/* A backup is a finished file that nothing writes to again: read it as such,
 * so that looking at it never makes a -wal or -shm file beside it. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, error);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (file_uri == NULL)
    return NULL;
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * pb_backup_read:
 * @path: a backup file (or any library.db)
 * @error: a #GError, or %NULL
 *
 * Reads what a backup holds, without changing it.
 *
 * Returns: (transfer full): the backup; or %NULL with @error set
 *   (PB_DB_ERROR_CORRUPT when it is not a Panel Brief library or is damaged)
 */
PbBackup *
pb_backup_read (const char  *path,
                GError     **error)
{
  g_autoptr(PbBackup) self = NULL;
  g_autofree char *name = NULL;
  Counts counts = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = open_backup (path, error)))
    return NULL;

  if (!read_counts (db, &counts, error))
    {
      sqlite3_close (db);
      if (error != NULL && !g_error_matches (*error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
        {
          g_clear_error (error);
          g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                       _("“%s” is not a Panel Brief library."), path);
        }
      return NULL;
    }
  sqlite3_close (db);

  self = g_object_new (PB_TYPE_BACKUP, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->n_reports = counts.reports;
  self->n_findings = counts.findings;
  self->n_packs = counts.packs;
  self->version = counts.version;

  name = g_path_get_basename (path);
  if (!pb_backup_parse_file_name (name, &self->created))
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        self->created = g_date_time_new_from_unix_utc (st.st_mtime);
      else
        self->created = g_date_time_new_now_utc ();
    }

  return g_steal_pointer (&self);
}

/**
 * pb_backup_verify:
 * @self: a backup
 * @error: a #GError, or %NULL
 *
 * Runs SQLite's full integrity_check over the backup.
 *
 * Returns: %TRUE when the backup is sound; otherwise %FALSE with
 *   PB_DB_ERROR_CORRUPT
 */
gboolean
pb_backup_verify (PbBackup  *self,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PB_IS_BACKUP (self), FALSE);

  if (!(db = open_backup (self->path, error)))
    return FALSE;

  ok = (stmt = pb_db_prepare (db, "PRAGMA integrity_check", error)) != NULL &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 (pb_db_column_text (stmt, 0), "ok") == 0;

  if (!ok && stmt != NULL)
    g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                 _("The backup “%s” is damaged."), self->path);

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static int
compare_times_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *)b, *(GDateTime * const *)a);
}

/**
 * pb_backup_select_expired:
 * @times: (element-type GDateTime): when each backup was taken
 * @now: the time now
 *
 * The rotation rule, on its own so that it can be tested: keep the newest
 * backups of the last 24 hours (up to 10), the newest backup of each of the
 * last 7 days that have one, and the newest of each of the last 4 weeks that
 * have one (days and ISO weeks in local time); the rest expire.
 *
 * Returns: (transfer container) (element-type GDateTime): the times of
 *   @times that expire; the elements belong to @times
 */
GPtrArray *
pb_backup_select_expired (GPtrArray *times,
                          GDateTime *now)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *expired = g_ptr_array_new ();
  guint recent = 0;

  g_return_val_if_fail (times != NULL, expired);
  g_return_val_if_fail (now != NULL, expired);

  /* A plain copy of the pointers: @times keeps them. */
  sorted = g_ptr_array_sized_new (times->len);
  for (guint i = 0; i < times->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (times, i));
  g_ptr_array_sort (sorted, compare_times_newest_first);

  for (guint i = 0; i < sorted->len; i++)
    {
      GDateTime *time = g_ptr_array_index (sorted, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (time);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *week = g_date_time_format (local, "%G-%V");
      gboolean keep = FALSE;

      if (g_date_time_difference (now, time) < G_TIME_SPAN_DAY && recent < KEEP_RECENT)
        {
          recent++;
          keep = TRUE;
        }
      if (!g_hash_table_contains (days, day) && g_hash_table_size (days) < KEEP_DAYS)
        {
          g_hash_table_add (days, g_steal_pointer (&day));
          keep = TRUE;
        }
      if (!g_hash_table_contains (weeks, week) && g_hash_table_size (weeks) < KEEP_WEEKS)
        {
          g_hash_table_add (weeks, g_steal_pointer (&week));
          keep = TRUE;
        }

      if (!keep)
        g_ptr_array_add (expired, time);
    }

  return expired;
}

/* The backups in @folder named as this file names them, with their times. */
static GPtrArray *
list_named (const char  *folder,
            GHashTable **out_paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  const char *name;

  *out_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      GDateTime *time = NULL;

      if (!pb_backup_parse_file_name (name, &time))
        continue;
      g_ptr_array_add (times, time);
      g_hash_table_insert (*out_paths, time, g_build_filename (folder, name, NULL));
    }
  return times;
}

static void
rotate (const char *folder)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) times = list_named (folder, &paths);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) expired = pb_backup_select_expired (times, now);

  for (guint i = 0; i < expired->len; i++)
    {
      const char *path = g_hash_table_lookup (paths, g_ptr_array_index (expired, i));

      g_debug ("Rotating away the backup %s", path);
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/* Reports removed from the library whose files were kept because a backup
 * listed them: once no backup does, the file goes. */
static void
purge_removed_reports (PbLibrary *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = _pb_library_get_db (self);

  if (_pb_library_is_read_only (self) ||
      !(stmt = pb_db_prepare (db, "SELECT sha256 FROM removed_reports", NULL)))
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = pb_db_column_text (stmt, 0);

      if (!_pb_library_backups_may_list (self, sha256))
        g_ptr_array_add (gone, g_strdup (sha256));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < gone->len; i++)
    {
      const char *sha256 = g_ptr_array_index (gone, i);
      g_autoptr(sqlite3_stmt) forget = NULL;
      g_autofree char *path = pb_library_dup_report_path (self, sha256);

      /* The row first: a crash between leaves an orphan, never a row whose
       * file has gone. */
      if (!(forget = pb_db_prepare (db, "DELETE FROM removed_reports WHERE sha256 = ?1", NULL)))
        return;
      sqlite3_bind_text (forget, 1, sha256, -1, SQLITE_TRANSIENT);
      if (!pb_db_step_done (forget, NULL))
        return;
      if (g_unlink (path) == 0)
        g_debug ("Removed %s: no backup lists it any more", path);
    }
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               saved_errno == ENOSPC ? _("The disk is full: the backup could not be written.")
                                     : _("The backup could not be written: %s."),
               g_strerror (saved_errno));
  return FALSE;
}

/* Gives @partial its final name in @folder without ever replacing a file. */
static char *
place (const char  *partial,
       const char  *folder,
       const char  *name,
       GError     **error)
{
  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *candidate_name = NULL;
      g_autofree char *candidate = NULL;

      if (n == 0)
        candidate_name = g_strdup (name);
      else
        candidate_name = g_strdup_printf ("%.*s-%u" BACKUP_SUFFIX,
                                          (int)(strlen (name) - strlen (BACKUP_SUFFIX)), name, n);
      candidate = g_build_filename (folder, candidate_name, NULL);

      /* link () fails rather than replace: two processes backing up in the
       * same millisecond both keep their backups. */
      if (link (partial, candidate) == 0)
        {
          g_unlink (partial);
          return g_steal_pointer (&candidate);
        }
      if (errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The backup could not be written: %s."), g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The backup could not be named."));
  return NULL;
}

/* Copies a checked backup into the second backup folder, under its own name. */
static gboolean
copy_to_folder (const char  *backup,
                const char  *folder,
                GError     **error)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *partial = NULL;
  g_autofree char *placed = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (backup);
  g_autoptr(GFile) to = NULL;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The second backup folder “%s” cannot be used: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  partial = g_build_filename (folder, ".library-XXXXXX.part", NULL);
  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The second backup folder “%s” cannot be used: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  to = g_file_new_for_path (partial);
  if (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) &&
      fsync_path (partial, FALSE, error))
    placed = place (partial, folder, name, error);
  if (placed == NULL)
    {
      g_unlink (partial);
      return FALSE;
    }

  fsync_path (folder, TRUE, NULL);
  rotate (folder);
  return TRUE;
}

/* Copies the library's database into @dest (an existing, private, empty
 * file) with the online backup API, then checks the copy: integrity_check and
 * the same numbers of reports, findings, packs and cohorts, and schema. */
static gboolean
backup_copy (PbLibrary   *self,
             const char  *dest_path,
             GError     **error)
{
  g_autoptr(PbBackup) written = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *copy;
  Counts counts = { 0 };
  int rc;

  if (!(source = _pb_library_open_reader (self, error)))
    goto failed;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      pb_db_set_error (dest, rc, error);
      goto failed;
    }

  /* One read transaction for the counts and the copy: both see one moment. */
  if (!pb_db_exec (source, "BEGIN", error) || !read_counts (source, &counts, error))
    goto failed;

  if (!(copy = sqlite3_backup_init (dest, "main", source, "main")))
    {
      pb_db_set_error (dest, sqlite3_errcode (dest), error);
      goto failed;
    }
  rc = sqlite3_backup_step (copy, -1);
  sqlite3_backup_finish (copy);
  pb_db_exec (source, "COMMIT", NULL);
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (dest, rc, error);
      goto failed;
    }

  /* The copy carries the library's WAL mode in its header; a backup is one
   * self-contained file. */
  if (!pb_db_exec (dest, "PRAGMA journal_mode=DELETE", error))
    goto failed;

  g_clear_pointer (&source, pb_db_close);
  g_clear_pointer (&dest, sqlite3_close);

  if (!fsync_path (dest_path, FALSE, error))
    goto failed;

  /* Checked before it counts as a backup. */
  if (!(written = pb_backup_read (dest_path, error)) || !pb_backup_verify (written, error))
    goto failed;
  if (written->n_reports != counts.reports || written->n_findings != counts.findings ||
      written->n_packs != counts.packs || written->version != counts.version)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("The backup did not hold what the library holds, and was not kept."));
      goto failed;
    }

  return TRUE;

failed:
  g_clear_pointer (&source, pb_db_close);
  g_clear_pointer (&dest, sqlite3_close);
  return FALSE;
}

/**
 * pb_library_snapshot:
 * @self: a library
 * @dest: (type filename): a file to write; it is replaced, and private
 *   (0600) from creation
 * @error: a #GError, or %NULL
 *
 * Writes one consistent moment of library.db to @dest as a self-contained,
 * checked file, as a backup is, but without naming or rotating anything:
 * for a library archive.
 *
 * Returns: %TRUE, or %FALSE with @error set as by pb_library_backup () and
 *   @dest removed
 */
gboolean
pb_library_snapshot (PbLibrary   *self,
                     const char  *dest,
                     GError     **error)
{
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  g_unlink (dest);
  if ((fd = g_open (dest, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The library could not be copied: %s."), g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  if (!backup_copy (self, dest, error))
    {
      g_unlink (dest);
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_backup:
 * @self: a library
 * @reason: why the backup is taken
 * @error: a #GError, or %NULL
 *
 * Takes a backup of library.db into backups/, checks it, and only then
 * rotates older backups away (see pb_backup_select_expired ()) and forgets
 * the files of removed reports that no backup lists any more. When a second
 * backup folder is set, the backup is copied there too; a folder that cannot
 * be written (a USB stick not plugged in) is reported with g_warning () but
 * does not fail the backup.
 *
 * Returns: (transfer full): the new backup's path; or %NULL with @error set:
 *   PB_DB_ERROR (the library could not be read), G_IO_ERROR (the file could
 *   not be written; G_IO_ERROR_NO_SPACE for a full disk), or
 *   PB_DB_ERROR_CORRUPT when the copy did not check out (older backups are
 *   then all kept)
 */
char *
pb_library_backup (PbLibrary       *self,
                   PbBackupReason   reason,
                   GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = pb_backup_file_name_for (now);
  g_autofree char *partial = NULL;
  g_autofree char *placed = NULL;
  const char *folder;
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  folder = _pb_library_get_backups_dir (self);
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The backups folder cannot be written: %s."), g_strerror (saved_errno));
      return NULL;
    }

  /* Private from creation: a backup holds everything the library does. */
  partial = g_build_filename (folder, ".library-XXXXXX.part", NULL);
  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The backup could not be written: %s."), g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  if (!backup_copy (self, partial, error))
    goto failed;

  if (!(placed = place (partial, folder, name, error)))
    goto failed;
  fsync_path (folder, TRUE, NULL);

  g_debug ("Backed up the library to %s (reason %d)", placed, reason);

  rotate (folder);
  purge_removed_reports (self);

  if (pb_library_get_second_backup_folder (self) != NULL)
    {
      g_autoptr(GError) copy_error = NULL;

      if (!copy_to_folder (placed, pb_library_get_second_backup_folder (self), &copy_error))
        g_warning ("%s", copy_error->message);
    }

  return g_steal_pointer (&placed);

failed:
  g_unlink (partial);
  if (error != NULL && *error != NULL && g_error_matches (*error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full: the backup could not be written."));
    }
  return NULL;
}

/**
 * pb_library_backup_if_due:
 * @self: a library
 * @out_made: (out) (optional): whether a backup was made
 * @error: a #GError, or %NULL
 *
 * Takes the day's backup unless backups/ already has one from today (local
 * time). Meant for the first start of each day.
 *
 * Returns: %FALSE with @error set as by pb_library_backup () when a backup was
 *   due and could not be made
 */
gboolean
pb_library_backup_if_due (PbLibrary  *self,
                          gboolean   *out_made,
                          GError    **error)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) times = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *made = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (out_made != NULL)
    *out_made = FALSE;

  times = list_named (_pb_library_get_backups_dir (self), &paths);
  for (guint i = 0; i < times->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (g_ptr_array_index (times, i));
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

      if (g_strcmp0 (day, today) == 0)
        return TRUE;
    }

  /* A library that holds nothing yet needs no copy of its nothing. */
  if (pb_db_query_int (_pb_library_get_db (self),
                       "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM findings)"
                       " + (SELECT count(*) FROM packs)", NULL) == 0)
    return TRUE;

  made = pb_library_backup (self, PB_BACKUP_DAILY, error);
  if (made == NULL)
    return FALSE;
  if (out_made != NULL)
    *out_made = TRUE;
  return TRUE;
}

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  PbBackup *ba = *(PbBackup * const *)a;
  PbBackup *bb = *(PbBackup * const *)b;

  return g_date_time_compare (bb->created, ba->created);
}

/**
 * pb_backups_list_folder:
 * @folder: (type filename): a backups folder
 *
 * Lists the backups in @folder, with what each holds, newest first: for
 * listing, and for finding one to restore when the library itself cannot be
 * opened. Files there that are not libraries are left out.
 *
 * Returns: (transfer full) (element-type PbBackup): the backups; empty when
 *   there are none or @folder does not exist
 */
GPtrArray *
pb_backups_list_folder (const char *folder)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!(dir = g_dir_open (folder, 0, NULL)))
    return g_steal_pointer (&backups);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) local_error = NULL;
      PbBackup *backup;

      if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
        continue;
      path = g_build_filename (folder, name, NULL);
      if ((backup = pb_backup_read (path, &local_error)))
        g_ptr_array_add (backups, backup);
      else
        g_debug ("Not listing %s: %s", name, local_error->message);
    }

  g_ptr_array_sort (backups, compare_backups_newest_first);
  return g_steal_pointer (&backups);
}

/**
 * pb_library_list_backups:
 * @self: a library
 * @error: a #GError, or %NULL
 *
 * Lists the backups in backups/, with what each holds. Files there that are
 * not libraries are left out; so are those being written.
 *
 * Returns: (transfer full) (element-type PbBackup): the backups, newest
 *   first; an empty array when there are none
 */
GPtrArray *
pb_library_list_backups (PbLibrary  *self,
                         GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  return pb_backups_list_folder (_pb_library_get_backups_dir (self));
}
