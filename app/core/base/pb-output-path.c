/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-output-path"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-output-path.h"

/* Where a file the user asked for is to be written. Every command and every
 * export entry point takes the name as the user typed it: relative to the
 * folder they are in, and perhaps naming a folder by mistake. The writers
 * need an absolute path (poppler and SQLite are given URIs and full names),
 * and a folder must be refused in words before anything is made beside it. */

/**
 * pb_output_path_resolve:
 * @path: (type filename): where a file is to be written, absolute or
 *   relative to the current folder
 * @error: a #GError, or %NULL
 *
 * Makes @path absolute (against the current folder, without following
 * links) and checks that it can name a file: it is not a folder, and the
 * folder it is in exists.
 *
 * Returns: (transfer full) (type filename): the absolute path; or %NULL with
 *   @error set to one sentence for the user: %G_IO_ERROR_IS_DIRECTORY when
 *   @path is a folder, %G_IO_ERROR_NOT_FOUND when its folder does not exist,
 *   %G_IO_ERROR_INVALID_FILENAME when it is empty
 */
char *
pb_output_path_resolve (const char  *path,
                        GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Name the file to write."));
      return NULL;
    }

  absolute = g_canonicalize_filename (path, NULL);
  display = g_filename_display_name (path);

  if (g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder: name the file to write, such as “%s/export”."),
                   display, display);
      return NULL;
    }

  folder = g_path_get_dirname (absolute);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist: make it first, or choose another."),
                   folder_display);
      return NULL;
    }

  return g_steal_pointer (&absolute);
}
