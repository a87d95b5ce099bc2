/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/statvfs.h>
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

  int       session_fd;     /* library.db-lock, see pb-library-session.c */
  gboolean  read_only;      /* nothing may be written: see problem */
  GError   *problem;        /* why the library is read-only, or NULL */
  char     *notice;         /* something set right while opening, or NULL */
  char     *uuid;           /* the library's identity, or NULL before schema 12 */
  gboolean  checked_good;   /* checked at open, or unchanged since a good check */
};

G_DEFINE_FINAL_TYPE (PbLibrary, pb_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (pb-library-error-quark, pb_library_error)

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  REPORT_ADDED,
  REPORT_REMOVED,
  REPORT_CHANGED,
  FINDING_ADDED,
  FINDING_CHANGED,
  FINDING_REMOVED,
  COHORTS_CHANGED,
  PACK_CHANGED,
  RECOMMENDATION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
set_problem (PbLibrary  *self,
             GError     *problem)
{
  g_clear_error (&self->problem);
  self->problem = problem;
  self->read_only = TRUE;
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

/* Why a library that exists cannot be written, in one sentence. SQLite
 * says only "disk I/O error" when it cannot make its -shm file on a full
 * disk, and the folder's file system says what the cause cannot. */
static GError *
unwritable_problem (const char    *library_path,
                    const GError  *cause)
{
  g_autofree char *display = g_filename_display_name (library_path);
  struct statvfs fs;
  gboolean known = statvfs (library_path, &fs) == 0;
  gboolean read_only_disk = known && (fs.f_flag & ST_RDONLY) != 0;

  if (g_error_matches (cause, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      (known && !read_only_disk && fs.f_bavail == 0))
    return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DISK_FULL,
                        _("The disk is full. Panel Brief can show the library but not "
                          "change it until some space is freed."));
  if (read_only_disk || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                        _("The library “%s” can only be read, so Panel Brief can show it but "
                          "not change it: the disk it is on cannot be written."), display);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (cause, PB_DB_ERROR, PB_DB_ERROR_READ_ONLY))
    return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                        _("The library “%s” can only be read, so Panel Brief can show it but "
                          "not change it: its files cannot be written by you."), display);
  return g_error_new (PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                      _("The library cannot be written, so Panel Brief can show it but not "
                        "change it. %s"),
                      cause->message);
}

static gboolean
pb_library_initialize (PbLibrary  *self,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean existed;
  gint version = 0;
  guint latest = pb_schema_latest_version ();

  if (!_pb_library_ensure_private_dir (self->path, &local_error) ||
      !_pb_library_ensure_private_dir (self->reports_dir, &local_error))
    {
      /* A library on read-only media can still be read. */
      if (!g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR) ||
          (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) &&
           !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_problem (self, unwritable_problem (self->path, local_error));
      g_clear_error (&local_error);
    }

  if (!_pb_library_check_missing_database (self->db_path, self->reports_dir, self->backups_dir,
                                           &self->notice, error))
    return FALSE;
  /* Another library's database dropped into this folder is refused before
   * anything (a session, a -wal check) is begun on it. */
  if (!_pb_library_check_identity (self->db_path, error))
    return FALSE;
  existed = g_file_test (self->db_path, G_FILE_TEST_EXISTS);

  /* Its lock is held here, exclusively, until that library is closed. */
  if (_pb_library_is_open_to_read_here (self->db_path))
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_BUSY,
                   _("The library is already open in this program only to read it; "
                     "close it before opening it again."));
      return FALSE;
    }

  if (!self->read_only)
    {
      g_autofree char *set_aside = NULL;

      self->session_fd = _pb_library_session_enter (self->db_path, &set_aside);
      if (set_aside != NULL && self->notice != NULL)
        {
          g_autofree char *both = g_strconcat (self->notice, " ", set_aside, NULL);

          g_free (self->notice);
          self->notice = g_steal_pointer (&both);
        }
      else if (set_aside != NULL)
        self->notice = g_steal_pointer (&set_aside);
    }

  if (existed && (version = _pb_library_peek_schema_version (self->db_path, error)) < 0)
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

  if (!self->read_only && !_pb_library_ensure_private_file (self->db_path, &local_error))
    {
      int code = local_error->code;

      if (!existed || (code != G_IO_ERROR_PERMISSION_DENIED && code != G_IO_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_problem (self, unwritable_problem (self->path, local_error));
      g_clear_error (&local_error);
    }

  if (!self->read_only)
    {
      gboolean due = _pb_library_check_is_due (self->db_path);

      if ((self->db = pb_db_open (self->db_path, FALSE, &local_error)) != NULL)
        _pb_library_make_side_files_private (self->db_path);
      if (self->db != NULL &&
          due && !_pb_library_integrity_check (self->db, &local_error))
        g_clear_pointer (&self->db, pb_db_close);
      else if (self->db != NULL && due)
        _pb_library_record_check (self->db_path);
      self->checked_good = self->db != NULL;

      if (self->db == NULL)
        {
          if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
            set_problem (self, damaged_problem ());
          else if (existed)
            set_problem (self, unwritable_problem (self->path, local_error));
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
      if (!_pb_library_open_read_only (self->db_path, TRUE, &self->db, &local_error))
        {
          g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED,
                       _("The library database cannot be read (%s). Restore the newest "
                         "good backup (“panel-brief restore --latest”)."),
                       local_error->message);
          return FALSE;
        }

      /* A damaged file found on read-only media is still damaged. */
      if (!g_error_matches (self->problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED) &&
          !_pb_library_integrity_check (self->db, &local_error))
        {
          if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_CORRUPT))
            set_problem (self, damaged_problem ());
          g_clear_error (&local_error);
        }

      self->uuid = _pb_library_read_uuid (self->db);
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

  self->uuid = _pb_library_read_uuid (self->db);
  _pb_library_session_begin (self->session_fd, self->db, self->db_path);
  return TRUE;
}

static void
pb_library_finalize (GObject *object)
{
  PbLibrary *self = (PbLibrary *)object;

  g_clear_pointer (&self->db, pb_db_close);

  /* Closing copied this session's own writes into library.db: the file as
   * it is left is the one checked at open plus what SQLite wrote, and needs
   * no new check at the next open unless something else changes it. (A
   * fault met meanwhile made the library read-only; the day's backup checks
   * every page anyway.) */
  if (self->checked_good && !self->read_only)
    _pb_library_record_check (self->db_path);
  _pb_library_session_leave (self->session_fd);
  g_clear_error (&self->problem);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->second_backup_folder, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->reports_dir, g_free);
  g_clear_pointer (&self->backups_dir, g_free);

  G_OBJECT_CLASS (pb_library_parent_class)->finalize (object);
}

static void
pb_library_dispose (GObject *object)
{
  _pb_library_unregister (PB_LIBRARY (object));

  G_OBJECT_CLASS (pb_library_parent_class)->dispose (object);
}

static void
pb_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PbLibrary *self = PB_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_boxed (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_library_class_init (PbLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_library_dispose;
  object_class->finalize = pb_library_finalize;
  object_class->get_property = pb_library_get_property;

  _pb_library_hear_of_damage ();

  /**
   * PbLibrary:problem: (type GError)
   *
   * Why the library is read-only, as pb_library_get_problem () gives it;
   * notified when damage is found while the library is open.
   */
  properties [PROP_PROBLEM] =
    g_param_spec_boxed ("problem", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  /**
   * PbLibrary::recommendation-changed:
   * @id: the tracked recommendation added, changed (its details, history or
   *   links) or deleted; 0 when several changed at once
   *
   * Emitted after the change has been committed.
   */
  signals [RECOMMENDATION_CHANGED] =
    g_signal_new ("recommendation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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

/**
 * pb_library_open:
 * @path: (type filename): the library folder; made (private to its owner)
 *   when missing, with its library.db
 * @error: a #GError, or %NULL
 *
 * Opens a library for this session: records the session (a notice tells of
 * one that did not end; pb_library_get_notice()), checks the database with
 * SQLite's integrity_check when the file changed since it was last checked,
 * takes a backup before bringing an older schema up to date, and runs the
 * schema's steps (pb_schema_migrate()). A library that is damaged, on
 * read-only media or on a full disk still opens, read-only, with its
 * problem in pb_library_get_problem().
 *
 * Returns: (transfer full): the library; or %NULL with @error set
 *   (%PB_LIBRARY_ERROR_NEWER_SCHEMA for a library made by a newer version,
 *   %PB_LIBRARY_ERROR_NOT_A_LIBRARY for a file that is no Panel Brief
 *   library, %PB_LIBRARY_ERROR_MISSING_DATABASE when library.db is missing
 *   or empty but backups/ holds backups of it, %PB_LIBRARY_ERROR_DAMAGED for a read-only library that cannot
 *   be read at all, %PB_LIBRARY_ERROR_READ_ONLY for one to bring up to date
 *   that cannot be written, %PB_LIBRARY_ERROR_BUSY when this process has
 *   it open with pb_library_open_to_read (), %G_IO_ERROR for a folder that
 *   cannot be made, %PB_DB_ERROR)
 */
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

  _pb_library_register (self);

  return g_steal_pointer (&self);
}

/**
 * pb_library_open_to_read:
 * @path: (type filename): the library folder
 * @error: a #GError, or %NULL
 *
 * Opens a library to read it, writing nothing into its folder (no session,
 * no -wal, no check stamp) when it can be read as it is: it is private and
 * writable, nobody else has it open, no journal is left to replay, the
 * database is unchanged since its last good check, and its schema is this
 * build's. The library is then read-only (pb_library_is_read_only ()) with
 * no problem, and any other process that opens it meanwhile waits until it
 * is closed: hold it for a short read (in this process, pb_library_open ()
 * of the same library fails meanwhile, %PB_LIBRARY_ERROR_BUSY). Anything
 * else, and it is opened as by pb_library_open (), which migrates, checks,
 * replays or refuses as it always does.
 *
 * Returns: (transfer full): the library; or %NULL with @error set, as
 *   pb_library_open () sets it
 */
PbLibrary *
pb_library_open_to_read (const char  *path,
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

  if (!_pb_library_open_quietly (self->path, self->db_path, self->reports_dir, &self->db,
                                 &self->session_fd, &self->uuid))
    return pb_library_open (path, error);

  /* Read-only with no problem: see pb_library_check_writable (). */
  self->read_only = TRUE;
  _pb_library_register (self);

  return g_steal_pointer (&self);
}

/**
 * pb_library_get_path:
 * @self: a library
 *
 * Returns: (type filename): the library folder, as an absolute path
 */
const char *
pb_library_get_path (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->path;
}

/**
 * pb_library_is_report_file_name:
 * @name: a file name, without its folder
 *
 * Returns: whether @name is how a library names a stored report: its
 *   SHA-256 in 64 lowercase hex digits, then ".pdf"
 */
gboolean
pb_library_is_report_file_name (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return strlen (name) == 64 + strlen (".pdf") &&
         strspn (name, "0123456789abcdef") == 64 &&
         g_str_has_suffix (name, ".pdf");
}

/**
 * pb_library_dup_report_path:
 * @self: a library
 * @sha256: a report's SHA-256, in hex
 *
 * Returns: (transfer full) (type filename): where the library keeps the
 *   report's PDF: reports/<sha256>.pdf in the library folder, whether or not
 *   the file is there (see pb_library_locate_report_file())
 */
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
  sqlite3 *db = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  if (!self->read_only)
    return pb_db_open (self->db_path, FALSE, error);
  return _pb_library_open_read_only (self->db_path, TRUE, &db, error) ? db : NULL;
}

/* A connection that only reads, whatever the library's state: for backups
 * and checks, which must work on a damaged or read-only library too. */
sqlite3 *
_pb_library_open_reader (PbLibrary  *self,
                         GError    **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);

  return _pb_library_open_read_only (self->db_path, self->read_only, &db, error) ? db : NULL;
}

const char *
_pb_library_get_uuid (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->uuid;
}

/* SQLite said SQLITE_CORRUPT while the library was open: nothing more is
 * written to it, and whoever shows the library hears of it (notify::problem)
 * and can send the user to restore. */
void
_pb_library_note_damage (PbLibrary *self)
{
  g_return_if_fail (PB_IS_LIBRARY (self));

  if (g_error_matches (self->problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED))
    return;
  g_warning ("Damage found in %s while it was open; it is now read-only", self->db_path);
  set_problem (self, damaged_problem ());
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROBLEM]);
}

const char *
_pb_library_get_db_path (PbLibrary *self)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), NULL);
  return self->db_path;
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
 *   on a full disk or cannot be written (pb_library_get_problem () says
 *   why), or only to read it (pb_library_open_to_read (), with no problem)
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
 *   @error set to a copy of pb_library_get_problem (), or for a library
 *   opened with pb_library_open_to_read () to %PB_LIBRARY_ERROR_READ_ONLY
 */
gboolean
pb_library_check_writable (PbLibrary  *self,
                           GError    **error)
{
  g_return_val_if_fail (PB_IS_LIBRARY (self), FALSE);

  if (!self->read_only)
    return TRUE;
  if (self->problem == NULL)
    g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_READ_ONLY,
                 _("The library was opened only to read it, so it cannot be changed now."));
  else if (error != NULL)
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

void
_pb_library_emit_recommendation_changed (PbLibrary *self,
                                         gint64     id)
{
  g_signal_emit (self, signals [RECOMMENDATION_CHANGED], 0, id);
}
