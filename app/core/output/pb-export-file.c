/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pb-export-file.h"
#include "pb-output-path.h"
#include "pb-temp-file.h"

/* Every export is written to a private temporary file beside its name, made
 * with mode 0600 from the start (never widened, never narrowed later, so no
 * other user can open it while it is being written), and renamed into place
 * once it is complete and on disk.  A failure or a killed process never
 * leaves half a file where the user asked for one, and a file replaced by
 * an export keeps none of the old one's permissions.  The temporary file is
 * locked while it is written (pb-temp-file.h), so the next export of that
 * name removes what a killed one left, and nothing still in use. */

struct _PbExportFile
{
  char     *path;        /* where the file is to appear */
  char     *temp_path;   /* ".name.XXXXXX.part" in the same folder */
  int       fd;
  gboolean  committed;
};

/* Long enough to say which export a leftover was; short enough that the
 * prefix and suffix still fit within a file system's 255 bytes. */
#define MAX_NAME_BYTES 200

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: %s was not saved, and any file of that name is as it "
                   "was. Free some space and try again."), display);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("The file could not be saved as %s: %s"), display, g_strerror (saved));
}

/* The temporary file's name is ".<name>.XXXXXX.part": @out_prefix gets
 * ".<name>." for finding the leftovers of earlier exports of @path. */
static char *
temp_template (const char  *path,
               char       **out_prefix)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  if (strlen (base) > MAX_NAME_BYTES)
    {
      const char *end = base + MAX_NAME_BYTES;

      /* Not half a character, where the name is text. */
      if (g_utf8_validate (base, -1, NULL))
        end = g_utf8_find_prev_char (base, end + 1);
      base[end - base] = '\0';
    }
  /* Hidden, so a file manager does not offer it while it is being written;
   * GLib fills in the last XXXXXX wherever it stands. */
  name = g_strdup_printf (".%s.XXXXXX.part", base);
  *out_prefix = g_strdup_printf (".%s.", base);
  return g_build_filename (dir, name, NULL);
}

/**
 * pb_export_file_new:
 * @path: (type filename): where the finished file is to appear, absolute
 *   or relative to the current folder
 * @error: a #GError, or %NULL
 *
 * Creates a private temporary file (mode 0600 from creation) in @path's
 * folder, locked while it is in use, for an export to write into and
 * pb_export_file_commit() to move to @path.  Freeing it uncommitted removes
 * the temporary file.  Leftovers of earlier exports of @path that were
 * killed are removed first.
 *
 * Returns: (transfer full): the file, or %NULL with @error set in
 *   %G_IO_ERROR (%G_IO_ERROR_IS_DIRECTORY when @path is a folder,
 *   %G_IO_ERROR_NOT_FOUND when its folder is missing,
 *   %G_IO_ERROR_PERMISSION_DENIED…; see pb_output_path_resolve ())
 */
PbExportFile *
pb_export_file_new (const char  *path,
                    GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *folder = NULL;
  PbExportFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(absolute = pb_output_path_resolve (path, error)))
    return NULL;

  temp_path = temp_template (absolute, &prefix);
  folder = g_path_get_dirname (absolute);
  pb_temp_files_sweep (folder, prefix, ".part");

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, PB_EXPORT_FILE_MODE);
  if (fd < 0)
    {
      set_errno_error (error, errno, absolute);
      return NULL;
    }
  pb_temp_file_lock (fd);

  self = g_new0 (PbExportFile, 1);
  self->path = g_steal_pointer (&absolute);
  self->temp_path = g_steal_pointer (&temp_path);
  self->fd = fd;
  return self;
}

/**
 * pb_export_file_get_temp_path:
 *
 * The temporary file itself, for a writer that can only be given a file
 * name: it must write into the existing file (truncating it), not replace
 * it, so that the file keeps its private mode.
 *
 * Returns: (transfer none): the temporary file's path
 */
const char *
pb_export_file_get_temp_path (PbExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

/**
 * pb_export_file_write:
 * @data: (array length=length): bytes to append
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR
 */
gboolean
pb_export_file_write (PbExportFile  *self,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize written = write (self->fd, p, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, errno, self->path);
          return FALSE;
        }
      p += written;
      length -= (gsize)written;
    }
  return TRUE;
}

/* Poppler writes some exports by name into the file made for them: an empty
 * file there means that writing failed without saying so (as on a full disk),
 * and it must not replace a good one. */
static gboolean
check_size (int fd)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    return FALSE;
  if (st.st_size == 0)
    {
      struct statvfs fs;

      errno = fstatvfs (fd, &fs) == 0 && fs.f_bavail == 0 ? ENOSPC : EIO;
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_export_file_commit:
 *
 * Puts what was written on disk and renames the temporary file to the
 * export's path, replacing any file there.  On failure the temporary file
 * is removed.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR
 */
gboolean
pb_export_file_commit (PbExportFile  *self,
                       GError       **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  /* Renamed only once on disk, or a crash could leave an empty file where
   * the old one was. */
  /* Closed (and so unlocked) only once renamed: until then another export
   * of this name could take it for a leftover. */
  fd = self->fd;
  self->fd = -1;
  if (fsync (fd) != 0 || !check_size (fd) || g_rename (self->temp_path, self->path) != 0)
    {
      int saved = errno;

      g_unlink (self->temp_path);
      close (fd);
      set_errno_error (error, saved, self->path);
      return FALSE;
    }
  self->committed = TRUE;
  close (fd);   /* on disk already: fsync said so */
  return TRUE;
}

/**
 * pb_export_file_free:
 * @self: (nullable): a file
 *
 * Closes the file; one not committed is removed, so an export that failed
 * or was cancelled leaves nothing behind.
 */
void
pb_export_file_free (PbExportFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed)
    g_unlink (self->temp_path);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}

/**
 * pb_export_file_set_error:
 * @saved_errno: what went wrong, as an errno value (%ENOSPC for a full disk)
 * @error: a #GError, or %NULL
 *
 * Sets @error to the words an export of this file uses for @saved_errno,
 * for a writer that learns of a failure its own way (poppler, writing by
 * name): a full disk says that the file was not saved and that any file of
 * that name is as it was.  The error is in %G_IO_ERROR.
 */
void
pb_export_file_set_error (PbExportFile  *self,
                          int            saved_errno,
                          GError       **error)
{
  g_return_if_fail (self != NULL);
  set_errno_error (error, saved_errno, self->path);
}

/**
 * pb_export_write_contents:
 * @path: where the file is to appear
 * @data: (array length=length): the whole file
 *
 * Like g_file_set_contents(), but the file is private (mode 0600) from the
 * moment it is created.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR, leaving
 *   nothing behind
 */
gboolean
pb_export_write_contents (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  PbExportFile *file;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = pb_export_file_new (path, error)))
    return FALSE;
  ok = pb_export_file_write (file, data, length, error) && pb_export_file_commit (file, error);
  pb_export_file_free (file);   /* removes the temporary file unless committed */
  return ok;
}

/* Makes @dir, or takes it as it is, as a folder only its owner can enter. */
static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  GStatBuf info;

  if (g_mkdir_with_parents (parent, PB_EXPORT_DIR_MODE) != 0 ||
      (g_mkdir (dir, PB_EXPORT_DIR_MODE) != 0 && errno != EEXIST) ||
      lstat (dir, &info) != 0)
    {
      set_errno_error (error, errno, dir);
      return FALSE;
    }

  /* Not a link somewhere else, nor another user's folder. */
  if (!S_ISDIR (info.st_mode) || info.st_uid != getuid ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder %s is not a private folder of yours."), dir);
      return FALSE;
    }
  if ((info.st_mode & 0777) != PB_EXPORT_DIR_MODE && g_chmod (dir, PB_EXPORT_DIR_MODE) != 0)
    {
      set_errno_error (error, errno, dir);
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_export_new_private_file:
 * @name_template: a file name holding "XXXXXX", e.g. "preview-XXXXXX.pdf"
 * @error: a #GError, or %NULL
 *
 * Makes a new, empty, private file (0600) in Panel Brief's own folder
 * (0700) under the user's runtime folder (g_get_user_runtime_dir(), which
 * falls back to the cache folder): the place for a preview or a print run,
 * which may be of an exempt pack, and which the caller removes when done.
 * An export to the returned path replaces the file, keeping it private.
 *
 * Returns: (transfer full): the file's path, or %NULL with @error set in
 *   %G_IO_ERROR
 */
char *
pb_export_new_private_file (const char  *name_template,
                            GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (name_template != NULL && strstr (name_template, "XXXXXX") != NULL, NULL);
  g_return_val_if_fail (strchr (name_template, G_DIR_SEPARATOR) == NULL, NULL);

  dir = g_build_filename (g_get_user_runtime_dir (), "panel-brief", NULL);
  if (!ensure_private_dir (dir, error))
    return NULL;

  path = g_build_filename (dir, name_template, NULL);
  if ((fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, PB_EXPORT_FILE_MODE)) < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&path);
}
