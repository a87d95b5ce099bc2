/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pb-backup-private.h"
#include "pb-library-private.h"

/* Verified, rotating copies of library.db in backups/: what a backup is.
 *
 * A backup is one consistent moment of the library, made and checked by
 * pb-backup-make.c. The report PDFs are named by their checksum and never
 * change, so a backup of the database and the reports/ folder together are
 * a whole library.
 *
 * Names are "library-<UTC time to the millisecond>.db"; two backups in the
 * same millisecond get "-1", "-2"… rather than one replacing the other. This
 * file reads those names, reads and checks what a backup holds, and decides
 * which backups rotation keeps. */

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
  char      *library_uuid;   /* whose backup it is; NULL before identities */
};

G_DEFINE_FINAL_TYPE (PbBackup, pb_backup, G_TYPE_OBJECT)

static void
pb_backup_finalize (GObject *object)
{
  PbBackup *self = (PbBackup *)object;

  g_free (self->path);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->library_uuid);

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
 * pb_backup_get_library_uuid:
 * @self: a backup
 *
 * Returns: (nullable): the identity of the library it is a backup of (its
 *   library_meta uuid), or %NULL for a backup made before libraries had one
 */
const char *
pb_backup_get_library_uuid (PbBackup *self)
{
  g_return_val_if_fail (PB_IS_BACKUP (self), NULL);
  return self->library_uuid;
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
  return g_strdup_printf (PB_BACKUP_PREFIX "%s.%03dZ" PB_BACKUP_SUFFIX, stamp,
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

  if (!g_str_has_prefix (name, PB_BACKUP_PREFIX) || !g_str_has_suffix (name, PB_BACKUP_SUFFIX))
    return FALSE;

  if (sscanf (name, PB_BACKUP_PREFIX "%4d%2d%2dT%2d%2d%2d.%3dZ%15s",
              &year, &month, &day, &hour, &minute, &second, &ms, tail) != 8)
    return FALSE;

  /* What follows the time: ".db", or "-N.db". */
  if (strcmp (tail, PB_BACKUP_SUFFIX) != 0)
    {
      const char *p = tail;

      if (*p++ != '-' || !g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (strcmp (p, PB_BACKUP_SUFFIX) != 0)
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

/* The counts of @db's reports, findings, packs and cohorts, and its schema
 * version: what a backup is checked against. */
gboolean
_pb_backup_read_counts (sqlite3         *db,
                        PbBackupCounts  *counts,
                        GError         **error)
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
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  PbBackupCounts counts = { 0 };
  char head[16] = { 0 };
  GStatBuf st;
  sqlite3 *db;
  FILE *file;

  g_return_val_if_fail (path != NULL, NULL);

  /* What the user named, in words, before SQLite says anything. */
  display = g_filename_display_name (path);
  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT, _("“%s” does not exist."), display);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("“%s” is a folder, not a backup."), display);
      return NULL;
    }
  if ((file = fopen (path, "rb")) != NULL)
    {
      if (fread (head, 1, sizeof head, file) == 0)
        head[0] = '\0';
      fclose (file);
    }
  if (memcmp (head, "PK\003\004", 4) == 0)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("“%s” is a library archive, not a backup: open it with Open Library "
                     "Archive… (“panel-brief library import”)."), display);
      return NULL;
    }
  /* An empty file opens as an empty database: it is no backup. */
  if (st.st_size == 0 || memcmp (head, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("“%s” is not a Panel Brief library or backup."), display);
      return NULL;
    }

  if (!(db = open_backup (path, &local_error)) ||
      !_pb_backup_read_counts (db, &counts, &local_error) || counts.version < 1 ||
      pb_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'reports'", NULL) != 1)
    {
      sqlite3_close (db);
      g_set_error (error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT,
                   _("“%s” is not a Panel Brief library or backup, or is damaged."), display);
      return NULL;
    }

  self = g_object_new (PB_TYPE_BACKUP, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->n_reports = counts.reports;
  self->n_findings = counts.findings;
  self->n_packs = counts.packs;
  self->version = counts.version;
  self->library_uuid = _pb_library_read_uuid (db);
  sqlite3_close (db);

  name = g_path_get_basename (path);
  if (!pb_backup_parse_file_name (name, &self->created))
    self->created = g_date_time_new_from_unix_utc (st.st_mtime);

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

      if (!g_str_has_prefix (name, PB_BACKUP_PREFIX) || !g_str_has_suffix (name, PB_BACKUP_SUFFIX))
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
 * pb_backups_list_for:
 * @folder: (type filename): a backups folder
 * @library_uuid: (nullable): the identity of the library whose backups are
 *   wanted, or %NULL when it is not known
 *
 * Lists the backups in @folder that are backups of the library @library_uuid:
 * those carrying its identity, and those from before libraries had one. A
 * backup of another library, put in the folder by hand or by a copied
 * folder, is left out, so that it is neither restored in place of this
 * library nor rotated away by it. With @library_uuid %NULL (the library's
 * own database is lost), every backup is listed.
 *
 * Returns: (transfer full) (element-type PbBackup): the backups, newest
 *   first; empty when there are none or @folder does not exist
 */
GPtrArray *
pb_backups_list_for (const char *folder,
                     const char *library_uuid)
{
  GPtrArray *backups = pb_backups_list_folder (folder);

  for (guint i = backups->len; library_uuid != NULL && i > 0; i--)
    {
      PbBackup *backup = g_ptr_array_index (backups, i - 1);

      if (backup->library_uuid != NULL && g_strcmp0 (backup->library_uuid, library_uuid) != 0)
        {
          g_debug ("Not listing %s: it is a backup of another library", backup->path);
          g_ptr_array_remove_index (backups, i - 1);
        }
    }
  return backups;
}

/**
 * pb_library_folder_list_backups:
 * @library_path: (type filename): a library folder, which need not open
 *
 * Lists the backups of the library in @library_path's backups/, as
 * pb_backups_list_for () does, knowing the library by the identity its
 * library.db holds, or its session record when library.db is lost. For
 * restoring a library that cannot be opened.
 *
 * Returns: (transfer full) (element-type PbBackup): the backups, newest first
 */
GPtrArray *
pb_library_folder_list_backups (const char *library_path)
{
  g_autofree char *folder = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (library_path != NULL, NULL);

  folder = g_build_filename (library_path, "backups", NULL);
  db_path = g_build_filename (library_path, "library.db", NULL);
  uuid = _pb_library_read_identity (db_path);
  return pb_backups_list_for (folder, uuid);
}

/**
 * pb_library_list_backups:
 * @self: a library
 * @error: a #GError, or %NULL
 *
 * Lists the backups of this library in backups/, with what each holds.
 * Files there that are not libraries are left out; so are those being
 * written, and backups of other libraries (see pb_backups_list_for ()).
 *
 * Returns: (transfer full) (element-type PbBackup): the backups, newest
 *   first; an empty array when there are none
 */
GPtrArray *
pb_library_list_backups (PbLibrary  *self,
                         GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  return pb_backups_list_for (_pb_library_get_backups_dir (self), _pb_library_get_uuid (self));
}

/* Whether any database in backups/ lists the report @sha256, or might: a
 * backup that cannot be read counts as listing it. A report's file must
 * outlive every database that could be restored and point at it. */
gboolean
_pb_library_backups_may_list (PbLibrary  *self,
                              const char *sha256)
{
  g_autoptr(GDir) dir = NULL;
  const char *backups_dir;
  const char *name;

  g_return_val_if_fail (PB_IS_LIBRARY (self), TRUE);
  g_return_val_if_fail (sha256 != NULL, TRUE);

  backups_dir = _pb_library_get_backups_dir (self);
  if (!(dir = g_dir_open (backups_dir, 0, NULL)))
    return g_file_test (backups_dir, G_FILE_TEST_EXISTS);

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

      path = g_build_filename (backups_dir, name, NULL);
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
