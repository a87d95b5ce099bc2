/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-file-copy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pb-file-copy.h"

/* Copying a file into a temporary file that is already open (and locked,
 * see pb-temp-file.c). g_file_copy () replaces its destination with a file
 * of its own (a new inode, under a name of GIO's own while it writes), so
 * the descriptor and its lock would be left on an empty file that nobody
 * syncs, and a killed copy would leave GIO's file behind; writing through
 * the descriptor keeps one file, one lock and one name throughout. */

/**
 * pb_file_copy_into:
 * @from: (type filename): the file to copy
 * @fd: a descriptor open for writing on an empty file
 * @error: a #GError, or %NULL
 *
 * Copies @from into @fd from its start and syncs it to disk (fsync ()).
 * @fd stays open, and is the caller's to close.
 *
 * Returns: %TRUE; or %FALSE with @error set in %G_IO_ERROR, from errno
 *   (%G_IO_ERROR_NO_SPACE for a full disk, %G_IO_ERROR_NOT_FOUND when
 *   @from is missing), its message naming what failed in a sentence
 */
gboolean
pb_file_copy_into (const char  *from,
                   int          fd,
                   GError     **error)
{
  g_autofree char *display = NULL;
  char buffer[64 * 1024];
  int source;
  ssize_t n;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);

  display = g_filename_display_name (from);
  if ((source = g_open (from, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be read: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  while ((n = read (source, buffer, sizeof buffer)) != 0)
    {
      gsize written = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed_read;

      while (written < (gsize)n)
        {
          ssize_t w = write (fd, buffer + written, n - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            goto failed_write;
          written += w;
        }
    }

  g_close (source, NULL);
  if (fsync (fd) != 0)
    {
      source = -1;
      goto failed_write;
    }
  return TRUE;

failed_read:
  {
    int saved_errno = errno;

    g_close (source, NULL);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("“%s” could not be read: %s."), display, g_strerror (saved_errno));
    return FALSE;
  }

failed_write:
  {
    int saved_errno = errno;

    if (source >= 0)
      g_close (source, NULL);
    if (saved_errno == ENOSPC)
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full: “%s” could not be copied."), display);
    else
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be copied: %s."), display, g_strerror (saved_errno));
    return FALSE;
  }
}
