/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pb-library.h"

/* Where exports may go: anywhere but the library's own folder. */

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
  real_library = realpath (pb_library_get_path (self), NULL);
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
