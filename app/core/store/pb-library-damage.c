/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library"

#include "config.h"

#include "pb-db.h"
#include "pb-library-private.h"

/* Damage SQLite meets while a library is open, on whichever thread and
 * connection meets it (a search, an import worker, the day's backup), is
 * brought to the library it concerns, on the main context, so that the
 * library stops writing and whoever shows it can say so at once rather than
 * at the next start. */

/* The libraries open in this process, so that damage SQLite reports on any
 * thread (pb_db_set_corrupt_func ()) reaches the library it concerns. */
G_LOCK_DEFINE_STATIC (open_libraries);
static GSList *open_libraries;

static gboolean
note_damage_idle (gpointer data)
{
  const char *filename = data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  G_LOCK (open_libraries);
  for (GSList *l = open_libraries; l != NULL; l = l->next)
    {
      PbLibrary *library = l->data;

      if (g_strcmp0 (_pb_library_get_db_path (library), filename) == 0)
        {
          /* A library being finalised has no reference left to take. */
          if (g_atomic_int_get (&G_OBJECT (library)->ref_count) > 0)
            g_ptr_array_add (found, g_object_ref (library));
        }
    }
  G_UNLOCK (open_libraries);

  for (guint i = 0; i < found->len; i++)
    _pb_library_note_damage (g_ptr_array_index (found, i));
  return G_SOURCE_REMOVE;
}

/* Called on whichever thread met the damage: the library hears of it on
 * the main context, where its signals are emitted. */
static void
corrupt_cb (const char *filename)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, note_damage_idle, g_canonicalize_filename (filename, NULL),
                   g_free);
}

/* Every library opened is listed until it is disposed. */
void
_pb_library_register (PbLibrary *self)
{
  G_LOCK (open_libraries);
  open_libraries = g_slist_prepend (open_libraries, self);
  G_UNLOCK (open_libraries);
}

void
_pb_library_unregister (PbLibrary *self)
{
  G_LOCK (open_libraries);
  open_libraries = g_slist_remove (open_libraries, self);
  G_UNLOCK (open_libraries);
}

/* Whether this process has the library at @db_path open only to read it
 * (pb_library_open_to_read ()), holding its lock exclusively: opening it
 * again here would wait for that lock for ever. */
gboolean
_pb_library_is_open_to_read_here (const char *db_path)
{
  gboolean found = FALSE;

  G_LOCK (open_libraries);
  for (GSList *l = open_libraries; l != NULL && !found; l = l->next)
    found = g_strcmp0 (_pb_library_get_db_path (l->data), db_path) == 0 &&
            _pb_library_is_read_only (l->data) && pb_library_get_problem (l->data) == NULL;
  G_UNLOCK (open_libraries);
  return found;
}

/* Asks SQLite's damage reports (pb_db_set_corrupt_func ()) to come here. */
void
_pb_library_hear_of_damage (void)
{
  pb_db_set_corrupt_func (corrupt_cb);
}
