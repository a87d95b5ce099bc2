/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-check"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pb-library-check-private.h"
#include "pb-library-private.h"
#include "pb-temp-file.h"

/* What a restore, a backup or a library import that was killed leaves in the
 * library folder: its temporary files, each made from a template of its own
 * and locked while in use (pb-temp-file.h). One no process holds is a
 * leftover: a full copy of the database, taking room and holding everything
 * the library does. Check Library lists them and Repair removes them; a
 * file still in use is left alone.
 *
 * SQLite's journal beside a temporary database is not locked by anyone: it
 * is a leftover when the database it belongs to is (or is gone). */

typedef struct
{
  gboolean     in_backups;   /* in backups/, else the library folder */
  const char  *prefix;
  const char  *suffix;       /* after XXXXXX */
  const char  *side;         /* what SQLite adds to the name, or "" */
  const char  *made_by;      /* for the sentence */
} Template;

static const Template templates[] = {
  { FALSE, ".restore-", ".part", "", N_("a restore") },
  { FALSE, ".restore-", ".part", "-journal", N_("a restore") },
  { TRUE,  ".library-", ".part", "", N_("a backup") },
  { TRUE,  ".library-", ".part", "-journal", N_("a backup") },
  { FALSE, ".archive-", ".db", "", N_("a library import") },
  { FALSE, ".archive-", ".db", "-journal", N_("a library import") },
  { FALSE, ".archive-", ".db", "-wal", N_("a library import") },
  { FALSE, ".archive-", ".db", "-shm", N_("a library import") },
};

/* The template @name was made from, or NULL. */
static const Template *
match (const char *name,
       gboolean    in_backups)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      const Template *t = &templates[i];
      g_autofree char *suffix = g_strconcat (t->suffix, t->side, NULL);

      if (t->in_backups == in_backups && pb_temp_name_matches (name, t->prefix, suffix))
        return t;
    }
  return NULL;
}

/* Whether @path, made from @t, belongs to no running process. */
static gboolean
is_left_over (const char     *path,
              const Template *t)
{
  g_autofree char *main_file = NULL;

  if (*t->side == '\0')
    return pb_temp_file_is_unlocked (path);

  main_file = g_strndup (path, strlen (path) - strlen (t->side));
  return !g_file_test (main_file, G_FILE_TEST_EXISTS) || pb_temp_file_is_unlocked (main_file);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Calls @func on each leftover of both folders, in order of name. */
static void
each_leftover (PbLibrary  *library,
               void      (*func) (const char *path, const Template *t, gpointer data),
               gpointer    data)
{
  const char *folders[] = { pb_library_get_path (library), _pb_library_get_backups_dir (library) };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders[f], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        if (match (name, f == 1) != NULL)
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          const char *leaf = g_ptr_array_index (names, i);
          const Template *t = match (leaf, f == 1);
          g_autofree char *path = g_build_filename (folders[f], leaf, NULL);

          if (is_left_over (path, t))
            func (path, t, data);
        }
    }
}

static void
add_leftover (const char     *path,
              const Template *t,
              gpointer        data)
{
  g_autofree char *name = g_path_get_basename (path);

  /* Translators: the first %s is a file name, the second what made it, such
   * as "a restore" */
  _pb_check_add_problem (data, PB_CHECK_LEFTOVER, path, 0, TRUE,
                         g_strdup_printf (_("“%s” was left by %s that did not finish. Repair "
                                            "removes it."), name, _(t->made_by)));
}

/**
 * _pb_check_temporaries:
 *
 * Adds a leftover problem for each temporary file of a restore, backup or
 * library import that no process holds.
 */
void
_pb_check_temporaries (PbLibrary     *library,
                       PbCheckResult *result)
{
  each_leftover (library, add_leftover, result);
}

static void
remove_leftover (const char     *path,
                 const Template *t,
                 gpointer        data)
{
  guint *n_removed = data;
  gboolean removed;

  /* A journal goes with its database, which no one holds (or is gone). */
  if (*t->side != '\0')
    removed = g_unlink (path) == 0;
  else
    removed = pb_temp_file_remove_if_unlocked (path);
  if (removed)
    (*n_removed)++;
}

/**
 * _pb_repair_temporaries:
 *
 * Removes what _pb_check_temporaries () lists.
 *
 * Returns: (nullable): a sentence saying how many went, or %NULL for none
 */
char *
_pb_repair_temporaries (PbLibrary *library)
{
  guint n_removed = 0;

  each_leftover (library, remove_leftover, &n_removed);
  if (n_removed == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Removed %u temporary file left by a restore, backup or "
                                       "library import that did not finish.",
                                       "Removed %u temporary files left by restores, backups or "
                                       "library imports that did not finish.", n_removed),
                          n_removed);
}
