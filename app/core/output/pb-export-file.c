/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-export"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-export-file.h"

/* Exports are written beside their name and renamed into place once
 * complete, so a failure or a killed process never leaves half a file
 * where the user asked for one. */

/* "pack.pdf.part" for "pack.pdf": same folder, so the rename is atomic. */
char *
pb_export_partial_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_strconcat (path, ".part", NULL);
}

/* Renames the finished @partial to @path; on failure removes it. */
gboolean
pb_export_move_into_place (const char  *partial,
                           const char  *path,
                           GError     **error)
{
  int saved;

  g_return_val_if_fail (partial != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_rename (partial, path) == 0)
    return TRUE;

  saved = errno;
  g_unlink (partial);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("The file could not be saved as %s: %s"), path, g_strerror (saved));
  return FALSE;
}
