/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cohort-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-db.h"
#include "pb-finding.h"
#include "pb-library-private.h"

/* The cohorts findings are tagged with: the built-in ones Ofsted judges, and
 * the user's own. Each change is one transaction. */

/**
 * pb_library_list_cohorts:
 * @library: a library
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type PbCohort): every cohort, in the
 *   library's order (the built-in ones first, then the user's as added);
 *   or %NULL with @error set (%PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_cohorts (PbLibrary  *library,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = _pb_library_get_db (library);
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id, slug, name, color, built_in FROM cohorts"
                                  " ORDER BY position, id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cohorts, pb_cohort_new (sqlite3_column_int64 (stmt, 0),
                                             pb_db_column_text (stmt, 1),
                                             pb_db_column_text (stmt, 2),
                                             pb_db_column_text (stmt, 3),
                                             sqlite3_column_int (stmt, 4)));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&cohorts);
}

/**
 * pb_library_get_cohort_colors:
 *
 * Returns: (transfer full): each cohort's colour by its slug, for drawing
 *   the dots that match findings to cohorts; empty if they cannot be read
 */
GHashTable *
pb_library_get_cohort_colors (PbLibrary *library)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (library, NULL);
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      PbCohort *cohort = g_ptr_array_index (cohorts, i);

      g_hash_table_insert (colors, g_strdup (pb_cohort_get_slug (cohort)),
                           g_strdup (pb_cohort_get_color (cohort)));
    }
  return colors;
}

static char *
slug_from_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '_')
        g_string_append_c (slug, '_');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '_')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

static gboolean
valid_color (const char *color)
{
  return color != NULL && strlen (color) == 7 && color[0] == '#' &&
         strspn (color + 1, "0123456789abcdefABCDEF") == 6;
}

/**
 * pb_library_add_cohort:
 * @library: a library
 * @name: the new cohort's name; spaces around it are dropped, and its slug
 *   is made from its letters and digits
 * @color: its colour, "#rrggbb"
 * @error: a #GError, or %NULL
 *
 * Adds a cohort after the others and emits PbLibrary::cohorts-changed.
 *
 * Returns: (transfer full): the new cohort; or %NULL with @error set
 *   (%PB_FINDINGS_ERROR_INVALID for a name with no letter or digit, a
 *   colour not written #rrggbb, or a name whose slug another cohort has;
 *   %PB_DB_ERROR)
 */
PbCohort *
pb_library_add_cohort (PbLibrary   *library,
                       const char  *name,
                       const char  *color,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *clean_name = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean_name = g_strstrip (g_strdup (name));
  slug = slug_from_name (clean_name);

  if (*slug == '\0')
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("A cohort needs a name with at least one letter or number."));
      return NULL;
    }

  if (!valid_color (color))
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("“%s” is not a colour; use the form #rrggbb."), color ? color : "");
      return NULL;
    }

  if (!(stmt = pb_db_prepare (db,
                              "INSERT INTO cohorts (slug, name, color, built_in, position)"
                              " VALUES (?1, ?2, ?3, 0,"
                              "  (SELECT coalesce (max (position), 0) + 1 FROM cohorts))",
                              error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, color, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                     _("There is already a cohort called “%s”."), clean_name);
      else
        pb_db_set_error (db, sqlite3_errcode (db), error);
      return NULL;
    }

  id = sqlite3_last_insert_rowid (db);
  _pb_library_emit_cohorts_changed (library);
  return pb_cohort_new (id, slug, clean_name, color, FALSE);
}

/**
 * pb_library_update_cohort:
 * @library: a library
 * @slug: the cohort's slug
 * @name: (nullable): its new name; %NULL or blank to keep the name
 * @color: (nullable): its new colour, "#rrggbb"; %NULL to keep the colour
 * @error: a #GError, or %NULL
 *
 * Renames or recolours a cohort (its slug stays) and emits
 * PbLibrary::cohorts-changed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_FINDINGS_ERROR_INVALID for
 *   a colour not written #rrggbb, %PB_FINDINGS_ERROR_NOT_FOUND for no such
 *   cohort, %PB_DB_ERROR)
 */
gboolean
pb_library_update_cohort (PbLibrary   *library,
                          const char  *slug,
                          const char  *name,
                          const char  *color,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_name = name ? g_strstrip (g_strdup (name)) : NULL;
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (color != NULL && !valid_color (color))
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_INVALID,
                   _("“%s” is not a colour; use the form #rrggbb."), color);
      return FALSE;
    }

  if (!(stmt = pb_db_prepare (db,
                              "UPDATE cohorts SET name = coalesce (?2, name),"
                              " color = coalesce (?3, color) WHERE slug = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  if (clean_name != NULL && *clean_name != '\0')
    sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  if (color != NULL)
    sqlite3_bind_text (stmt, 3, color, -1, SQLITE_TRANSIENT);

  if (!pb_db_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_NOT_FOUND,
                   _("There is no cohort “%s”."), slug);
      return FALSE;
    }

  _pb_library_emit_cohorts_changed (library);
  return TRUE;
}

/**
 * pb_library_count_cohort_findings:
 * @library: a library
 * @slug: a cohort's slug
 *
 * Returns: how many findings are tagged with the cohort; 0 for no such
 *   cohort, or when the library cannot be read
 */
guint
pb_library_count_cohort_findings (PbLibrary  *library,
                                  const char *slug)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "SELECT count (*) FROM finding_cohorts AS fc"
                              " JOIN cohorts AS c ON c.id = fc.cohort_id WHERE c.slug = ?1", NULL)))
    return 0;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint)sqlite3_column_int (stmt, 0) : 0;
}

/**
 * pb_library_remove_cohort:
 * @even_if_used: remove it from the findings that have it too; otherwise a
 *   cohort in use is refused, so that the user can be asked first
 */
gboolean
pb_library_remove_cohort (PbLibrary   *library,
                          const char  *slug,
                          gboolean     even_if_used,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) unlink = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  guint in_use;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  in_use = pb_library_count_cohort_findings (library, slug);
  if (in_use > 0 && !even_if_used)
    {
      g_set_error (error, PB_FINDINGS_ERROR, PB_FINDINGS_ERROR_COHORT_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u finding is tagged with this cohort.",
                                "%u findings are tagged with this cohort.", in_use),
                   in_use);
      return FALSE;
    }

  if (!(unlink = pb_db_prepare (db, "DELETE FROM finding_cohorts WHERE cohort_id ="
                                    " (SELECT id FROM cohorts WHERE slug = ?1)", error)) ||
      !(remove = pb_db_prepare (db, "DELETE FROM cohorts WHERE slug = ?1", error)))
    return FALSE;

  sqlite3_bind_text (unlink, 1, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (remove, 1, slug, -1, SQLITE_TRANSIENT);

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!pb_db_step_done (unlink, error) || !pb_db_step_done (remove, error) ||
      !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }

  _pb_library_emit_cohorts_changed (library);
  return TRUE;
}
