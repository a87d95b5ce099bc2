/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <zip.h>

#include "pb-backup.h"
#include "pb-db.h"
#include "pb-import.h"
#include "pb-library-archive-private.h"
#include "pb-library-private.h"
#include "pb-output-path.h"
#include "pb-report-store.h"
#include "pb-restore.h"
#include "pb-temp-file.h"

/* A whole library in one file, to move to a new laptop or hand to a
 * colleague: a zip (libzip) holding
 *
 *   manifest.json      what it is, when it was made, and the SHA-256 and size
 *                      of every other entry
 *   library.db         one consistent moment of the database (a snapshot made
 *                      with SQLite's backup API, checked)
 *   reports/<sha>.pdf  every report's file, stored as it is
 *
 * and the settings that matter (in the manifest) for the app to apply.
 * Opening one makes a new library from it, or merges it into an existing
 * library (pb-library-merge.c). Every file taken out is checked against the
 * manifest before it is used. The archive holds everything the library
 * does, so it is written private (0600). */

G_DEFINE_QUARK (pb-archive-error-quark, pb_archive_error)

void
_pb_archive_report (ArchiveProgress *progress,
                    double           fraction)
{
  if (progress->progress != NULL)
    progress->progress (progress->start + progress->share * CLAMP (fraction, 0, 1), progress->data);
}

static void
zip_progress_cb (zip_t  *zip,
                 double  fraction,
                 void   *data)
{
  _pb_archive_report (data, fraction);
}

static int
zip_cancel_cb (zip_t *zip,
               void  *data)
{
  ArchiveProgress *progress = data;

  return g_cancellable_is_cancelled (progress->cancellable) ? 1 : 0;
}

void
_pb_archive_set_zip_error (GError     **error,
                           int          code,
                           const char  *what,
                           zip_error_t *details)
{
  g_set_error (error, PB_ARCHIVE_ERROR, code, "%s: %s.", what, zip_error_strerror (details));
}

static char *
hash_file (const char  *path,
           gint64      *out_size,
           GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[COPY_CHUNK];
  gint64 size = 0;
  ssize_t n;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be read: %s."), display, g_strerror (saved_errno));
      return NULL;
    }
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += n;
    }
  g_close (fd, NULL);
  if (n < 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be read."), display);
      return NULL;
    }
  if (out_size != NULL)
    *out_size = size;
  return g_strdup (g_checksum_get_string (checksum));
}

static void
add_entry (JsonBuilder *files,
           const char  *name,
           const char  *sha256,
           gint64       size)
{
  json_builder_begin_object (files);
  json_builder_set_member_name (files, "name");
  json_builder_add_string_value (files, name);
  json_builder_set_member_name (files, "sha256");
  json_builder_add_string_value (files, sha256);
  json_builder_set_member_name (files, "size");
  json_builder_add_int_value (files, size);
  json_builder_end_object (files);
}

static gboolean
add_file (zip_t       *zip,
          const char  *name,
          const char  *path,
          gboolean     compress,
          GError     **error)
{
  zip_source_t *source = zip_source_file (zip, path, 0, -1);
  zip_int64_t index;

  if (source == NULL ||
      (index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)) < 0)
    {
      if (source != NULL)
        zip_source_free (source);
      _pb_archive_set_zip_error (error, PB_ARCHIVE_ERROR_DAMAGED, _("The archive could not be written"),
                     zip_get_error (zip));
      return FALSE;
    }
  /* PDFs are compressed already: storing them is as small and much quicker. */
  zip_set_file_compression (zip, (zip_uint64_t)index, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  return TRUE;
}

/* Where an export writes: a private folder beside the archive, locked while
 * in use, holding the archive being written, the database snapshot and
 * whatever SQLite and libzip make beside them; it goes as a whole. */
#define WORK_PREFIX ".panel-brief-archive-"

/* What exports that were killed left in @folder: their working folders, and
 * the loose files of versions before them. */
static void
sweep_leftovers (const char *folder)
{
  static const char * const suffixes[] = { "", ".part", ".part.db", ".part.db-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    pb_temp_files_sweep (folder, WORK_PREFIX, suffixes[i]);
}

/* Removes the working folder: every file in it, then the folder. */
static void
remove_work (const char *work)
{
  g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (work, name, NULL);

      g_unlink (child);
    }
  g_rmdir (work);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *folder)
{
  g_autofree char *display = g_filename_display_name (folder);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: the archive was not saved. Free some space and try again."));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The archive could not be saved in “%s”: %s."), display, g_strerror (saved_errno));
}

/**
 * pb_library_export_archive:
 * @library: a library
 * @path: (type filename): where to write the archive, outside the library:
 *   absolute or relative to the current folder, not a folder
 * @settings: (nullable): settings to carry (the app's own: default author,
 *   council name, second backup folder…), returned by
 *   pb_library_import_archive ()
 * @cancellable: (nullable): to stop
 * @progress_func: (nullable): called with the share done, 0 to 1
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Writes the whole library into one archive file, private (0600), which
 * appears whole or not at all. A report whose file is missing or changed is
 * left out of the archive; run Check Library first. The work is done in a
 * private folder beside @path, locked while in use and removed on every
 * failure; one left by an export that was killed is removed by the next
 * export to that folder.
 *
 * Returns: %TRUE, or %FALSE with @error set (PB_LIBRARY_ERROR_OUTPUT_INSIDE,
 *   G_IO_ERROR incl. G_IO_ERROR_IS_DIRECTORY, G_IO_ERROR_NO_SPACE and
 *   G_IO_ERROR_CANCELLED, PB_ARCHIVE_ERROR) and no file left
 */
gboolean
pb_library_export_archive (PbLibrary              *library,
                           const char             *path,
                           JsonObject             *settings,
                           GCancellable           *cancellable,
                           PbArchiveProgressFunc   progress_func,
                           gpointer                progress_data,
                           GError                **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonBuilder) manifest = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *work = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *manifest_text = NULL;
  g_autofree char *db_sha = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  ArchiveProgress progress = { progress_func, progress_data, 0, 0.1, cancellable };
  zip_t *zip = NULL;
  gint64 db_size = 0;
  gboolean ok = FALSE;
  int work_fd = -1;
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(absolute = pb_output_path_resolve (path, error)) ||
      !pb_library_check_output_path (library, absolute, error))
    return FALSE;

  folder = g_path_get_dirname (absolute);
  sweep_leftovers (folder);

  work = g_build_filename (folder, WORK_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (work, 0700) == NULL)
    {
      set_errno_error (error, errno, folder);
      return FALSE;
    }
  if ((work_fd = g_open (work, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) < 0 ||
      !pb_temp_file_lock (work_fd))
    {
      set_errno_error (error, errno, folder);
      goto out;
    }
  partial = g_build_filename (work, "archive.part", NULL);
  snapshot = g_build_filename (work, DATABASE_NAME, NULL);

  /* The database first: one moment of it, checked. */
  if (!pb_library_snapshot (library, snapshot, &local_error))
    {
      if (g_error_matches (local_error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        set_errno_error (error, ENOSPC, folder);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  if (!(db_sha = hash_file (snapshot, &db_size, error)) ||
      !(reports = pb_library_list_reports (library, error)))
    goto out;
  _pb_archive_report (&progress, 1);

  if (!(zip = zip_open (partial, ZIP_CREATE | ZIP_TRUNCATE, NULL)))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                   _("The archive could not be written."));
      goto out;
    }

  json_builder_begin_object (manifest);
  json_builder_set_member_name (manifest, "format");
  json_builder_add_string_value (manifest, ARCHIVE_FORMAT);
  json_builder_set_member_name (manifest, "version");
  json_builder_add_int_value (manifest, ARCHIVE_VERSION);
  json_builder_set_member_name (manifest, "application_version");
  json_builder_add_string_value (manifest, PACKAGE_VERSION);
  json_builder_set_member_name (manifest, "created");
  json_builder_add_string_value (manifest, now_text);
  json_builder_set_member_name (manifest, "reports");
  json_builder_add_int_value (manifest, reports->len);
  json_builder_set_member_name (manifest, "settings");
  if (settings != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, settings);
      json_builder_add_value (manifest, g_steal_pointer (&node));
    }
  else
    {
      json_builder_add_null_value (manifest);
    }
  json_builder_set_member_name (manifest, "files");
  json_builder_begin_array (manifest);

  if (!add_file (zip, DATABASE_NAME, snapshot, TRUE, error))
    goto out;
  add_entry (manifest, DATABASE_NAME, db_sha, db_size);

  progress.start = 0.1;
  progress.share = 0.3;
  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report_row = g_ptr_array_index (reports, i);
      const char *sha256 = pb_report_get_sha256 (report_row);
      g_autofree char *file = pb_library_dup_report_path (library, sha256);
      g_autofree char *name = g_strdup_printf ("reports/%s.pdf", sha256);
      g_autofree char *actual = NULL;
      gint64 size = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      /* A file that is not the one imported is not carried: Check Library
       * says which. */
      if (!(actual = hash_file (file, &size, NULL)) || !g_str_equal (actual, sha256))
        {
          g_debug ("Leaving %s out of the archive: it is missing or changed", file);
          continue;
        }
      if (!add_file (zip, name, file, FALSE, error))
        goto out;
      add_entry (manifest, name, sha256, size);
      _pb_archive_report (&progress, (double)(i + 1) / reports->len);
    }

  json_builder_end_array (manifest);
  json_builder_end_object (manifest);
  root = json_builder_get_root (manifest);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  manifest_text = json_generator_to_data (generator, NULL);
  {
    zip_source_t *source = zip_source_buffer (zip, manifest_text, strlen (manifest_text), 0);

    if (source == NULL || zip_file_add (zip, MANIFEST_NAME, source, ZIP_FL_ENC_UTF_8) < 0)
      {
        if (source != NULL)
          zip_source_free (source);
        _pb_archive_set_zip_error (error, PB_ARCHIVE_ERROR_DAMAGED, _("The archive could not be written"),
                                   zip_get_error (zip));
        goto out;
      }
  }

  progress.start = 0.4;
  progress.share = 0.6;
  zip_register_progress_callback_with_state (zip, 0.01, zip_progress_cb, NULL, &progress);
  zip_register_cancel_callback_with_state (zip, zip_cancel_cb, NULL, &progress);
  if (zip_close (zip) < 0)
    {
      zip_error_t *zip_error = zip_get_error (zip);

      if (g_cancellable_is_cancelled (cancellable))
        g_cancellable_set_error_if_cancelled (cancellable, error);
      else if (zip_error_code_system (zip_error) == ENOSPC)
        set_errno_error (error, ENOSPC, folder);
      else
        _pb_archive_set_zip_error (error, PB_ARCHIVE_ERROR_DAMAGED, _("The archive could not be written"),
                                   zip_error);
      goto out;
    }
  zip = NULL;

  /* libzip writes through a file of its own and renames it over ours: make
   * sure the result is private and on disk before it takes its name. */
  if ((fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0)) < 0 || fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      set_errno_error (error, saved_errno, folder);
      goto out;
    }
  g_close (fd, NULL);

  if (g_rename (partial, absolute) != 0)
    {
      set_errno_error (error, errno, folder);
      goto out;
    }
  if ((fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
  _pb_archive_report (&progress, 1);
  ok = TRUE;

out:
  if (zip != NULL)
    zip_discard (zip);
  remove_work (work);
  if (work_fd >= 0)
    g_close (work_fd, NULL);
  return ok;
}

/* The manifest's entries, by name: their SHA-256. */
GHashTable *
_pb_archive_read_manifest (zip_t        *zip,
                           JsonObject  **out_settings,
                           GError      **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  zip_stat_t st;
  zip_file_t *file;
  JsonObject *object;
  JsonArray *files;

  zip_stat_init (&st);
  if (zip_stat (zip, MANIFEST_NAME, 0, &st) < 0 || st.size > 64 * 1024 * 1024 ||
      !(file = zip_fopen (zip, MANIFEST_NAME, 0)))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("This is not a Panel Brief library archive."));
      return NULL;
    }
  text = g_malloc0 (st.size + 1);
  if (zip_fread (file, text, st.size) != (zip_int64_t)st.size)
    {
      zip_fclose (file);
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                   _("The archive is damaged: its list of contents cannot be read."));
      return NULL;
    }
  zip_fclose (file);

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !(object = json_node_get_object (json_parser_get_root (parser))) ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), ARCHIVE_FORMAT) != 0 ||
      !json_object_has_member (object, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "files")))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("This is not a Panel Brief library archive."));
      return NULL;
    }
  if (json_object_get_int_member_with_default (object, "version", 0) > ARCHIVE_VERSION)
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NEWER,
                   _("This archive was made by a newer version of Panel Brief. Update Panel "
                     "Brief to open it."));
      return NULL;
    }

  files = json_object_get_array_member (object, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *entry = json_array_get_object_element (files, i);
      const char *name = entry ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;
      const char *sha = entry ? json_object_get_string_member_with_default (entry, "sha256", NULL) : NULL;

      if (name != NULL && sha != NULL)
        g_hash_table_insert (entries, g_strdup (name), g_strdup (sha));
    }

  if (out_settings != NULL && json_object_has_member (object, "settings") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "settings")))
    *out_settings = json_object_ref (json_object_get_object_member (object, "settings"));

  return g_steal_pointer (&entries);
}

/* Takes @name out of the archive into @fd (@dest, created private), checking
 * its SHA-256 against the manifest's; with @fd -1, only checks. */
gboolean
_pb_archive_extract (zip_t       *zip,
                     const char  *name,
                     const char  *expected_sha,
                     int          fd,
                     const char  *dest,
                     GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[COPY_CHUNK];
  zip_file_t *file;
  zip_int64_t n;

  if (!(file = zip_fopen (zip, name, 0)))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                   _("The archive is damaged: “%s” is missing from it."), name);
      return FALSE;
    }

  while ((n = zip_fread (file, buffer, sizeof buffer)) > 0)
    {
      gssize done = 0;

      g_checksum_update (checksum, buffer, n);
      while (fd >= 0 && done < n)
        {
          gssize w = write (fd, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              int saved_errno = errno;
              g_autofree char *display = g_filename_display_name (dest);

              zip_fclose (file);
              if (saved_errno == ENOSPC || saved_errno == EDQUOT)
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _("The disk is full: the archive could not be opened. Free some "
                               "space and try again."));
              else
                g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             _("“%s” could not be written: %s."), display, g_strerror (saved_errno));
              return FALSE;
            }
          done += w;
        }
    }
  zip_fclose (file);

  if (n < 0 || g_strcmp0 (g_checksum_get_string (checksum), expected_sha) != 0)
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED,
                   _("The archive is damaged: “%s” is not as it was when the archive was made."),
                   name);
      return FALSE;
    }
  if (fd >= 0 && fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dest);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be written: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
