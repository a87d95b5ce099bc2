/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-temp-file"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>

#include "pb-temp-file.h"

/* Temporary files that may be left behind, and how they are told from ones
 * in use.
 *
 * Everything Panel Brief writes in steps (an export, a backup, a restore, a
 * library archive) goes through a temporary file made with g_mkstemp () and
 * then renamed. While it is in use, the process holds an exclusive flock ()
 * on it: a file whose lock can be taken belongs to no running process, and
 * is a leftover of one that was killed. Only names made from the writer's
 * own template count, so nothing else is ever taken for a leftover. */

/* What g_mkstemp () puts in place of XXXXXX. */
#define RANDOM_LEN 6

/**
 * pb_temp_file_lock:
 * @fd: an open temporary file or folder
 *
 * Takes the exclusive lock that says "in use" for as long as @fd is open
 * (see pb_temp_file_is_unlocked ()).
 *
 * Returns: %TRUE when the lock was taken
 */
gboolean
pb_temp_file_lock (int fd)
{
  g_return_val_if_fail (fd >= 0, FALSE);

  return flock (fd, LOCK_EX | LOCK_NB) == 0;
}

/**
 * pb_temp_file_is_unlocked:
 * @path: (type filename): a temporary file or folder
 *
 * Returns: whether @path exists and no process (this one included) holds
 *   its lock: a leftover that may be removed
 */
gboolean
pb_temp_file_is_unlocked (const char *path)
{
  gboolean unlocked;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;
  unlocked = flock (fd, LOCK_EX | LOCK_NB) == 0;
  g_close (fd, NULL);
  return unlocked;
}

/* Removes a folder's own files (one level: temporary folders hold no more),
 * then the folder. */
static gboolean
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

/**
 * pb_temp_file_remove_if_unlocked:
 * @path: (type filename): a temporary file, or a temporary folder of files
 *
 * Removes @path, holding its lock meanwhile, unless a process holds it.
 *
 * Returns: whether @path was removed
 */
gboolean
pb_temp_file_remove_if_unlocked (const char *path)
{
  gboolean removed = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    removed = g_file_test (path, G_FILE_TEST_IS_DIR) ? remove_folder (path) : g_unlink (path) == 0;
  g_close (fd, NULL);
  return removed;
}

/**
 * pb_temp_name_matches:
 * @name: a file name, without its folder
 * @prefix: the template's text before XXXXXX
 * @suffix: the template's text after XXXXXX, plus anything added to the
 *   name made (such as "-journal")
 *
 * Returns: whether @name is one g_mkstemp () makes from
 *   @prefix "XXXXXX" @suffix: @prefix, six letters or digits, @suffix
 */
gboolean
pb_temp_name_matches (const char *name,
                      const char *prefix,
                      const char *suffix)
{
  gsize prefix_len, suffix_len, len;

  g_return_val_if_fail (name != NULL && prefix != NULL && suffix != NULL, FALSE);

  prefix_len = strlen (prefix);
  suffix_len = strlen (suffix);
  len = strlen (name);

  if (len != prefix_len + RANDOM_LEN + suffix_len ||
      strncmp (name, prefix, prefix_len) != 0 ||
      strcmp (name + prefix_len + RANDOM_LEN, suffix) != 0)
    return FALSE;

  for (gsize i = prefix_len; i < prefix_len + RANDOM_LEN; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/**
 * pb_temp_files_sweep:
 * @folder: (type filename): a folder
 * @prefix: a template's text before XXXXXX
 * @suffix: its text after
 *
 * Removes the leftovers of @folder made from one template (see
 * pb_temp_name_matches ()) that no process holds: what a writer that was
 * killed left, found by the next one that writes there.
 *
 * Returns: how many were removed
 */
guint
pb_temp_files_sweep (const char *folder,
                     const char *prefix,
                     const char *suffix)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (folder != NULL && prefix != NULL && suffix != NULL, 0);

  if (!(dir = g_dir_open (folder, 0, NULL)))
    return 0;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!pb_temp_name_matches (name, prefix, suffix))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (pb_temp_file_remove_if_unlocked (path))
        {
          g_debug ("Removed %s, left by a writer that did not finish", path);
          removed++;
        }
    }
  return removed;
}
