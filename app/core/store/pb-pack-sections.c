/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-sections"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-sections.h"
#include "pb-pack-store-private.h"
#include "pb-recommendation-item-private.h"
#include "pb-recommendation-status.h"

/* Sections that print what the library knows when the pack is exported
 * rather than findings an officer chose: the recommendation tracker, and
 * "Since the last inspection". The store keeps their kind and what they
 * show (pb-pack-section.c); the pack's walk (app/core/output) reads the
 * tracker and the comparison as it prints them, so a pack exported next
 * month shows next month's statuses. */

void
_pb_pack_read_section_kind (PbPackSection *section,
                            const char    *kind,
                            const char    *options)
{
  g_autoptr(GError) error = NULL;

  if (!pb_pack_section_kind_from_slug (kind, &section->kind))
    section->kind = PB_PACK_SECTION_FINDINGS;
  if (!pb_pack_section_spec_from_json (options, &section->spec, &error))
    g_debug ("Section %" G_GINT64_FORMAT ": %s", section->id, error->message);
}

/**
 * pb_authority_report_free:
 * @report: (nullable) (transfer full): a report as a comparison names it
 */
void
pb_authority_report_free (PbAuthorityReport *report)
{
  if (report == NULL)
    return;
  g_free (report->sha256);
  g_free (report->title);
  g_free (report->name);
  g_free (report->date);
  g_free (report);
}

/**
 * pb_library_list_authority_reports:
 * @authority: a local authority, as the reports name it (any case)
 * @error: %PB_DB_ERROR
 *
 * The reports a comparison can take: those the structure reader found to
 * be about @authority and of a kind it knows (inspections, visits' letters).
 *
 * Returns: (transfer container) (element-type PbAuthorityReport): oldest
 *   first, by the inspection's last day, else publication; undated last
 */
GPtrArray *
pb_library_list_authority_reports (PbLibrary   *library,
                                   const char  *authority,
                                   GError     **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_authority_report_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (authority != NULL, NULL);

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "SELECT id, sha256, title, doc_type, coalesce (inspection_end, published),"
                                  " classification = 'exempt'"
                                  " FROM reports WHERE local_authority = ?1 COLLATE NOCASE"
                                  " AND doc_type IS NOT NULL AND doc_type <> 'other'"
                                  " ORDER BY coalesce (inspection_end, published) IS NULL,"
                                  " coalesce (inspection_end, published), id", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, authority, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbAuthorityReport *report = g_new0 (PbAuthorityReport, 1);

      report->id = sqlite3_column_int64 (stmt, 0);
      report->sha256 = g_strdup (pb_db_column_text (stmt, 1));
      report->title = g_strdup (pb_db_column_text (stmt, 2));
      report->type = pb_document_type_from_slug (pb_db_column_text (stmt, 3));
      report->date = g_strdup (pb_db_column_text (stmt, 4));
      report->exempt = sqlite3_column_int (stmt, 5) != 0;
      report->name = _pb_recommendation_phrase (report->type, report->date, report->title, FALSE);
      g_ptr_array_add (reports, report);
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&reports);
}

/**
 * pb_library_list_report_authorities:
 * @error: %PB_DB_ERROR
 *
 * Returns: (transfer full): the local authorities with at least two
 *   reports a comparison can take, in alphabetical order
 */
GStrv
pb_library_list_report_authorities (PbLibrary  *library,
                                    GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  db = _pb_library_get_db (library);
  if (!(stmt = pb_db_prepare (db, "SELECT min (local_authority) FROM reports"
                                  " WHERE local_authority IS NOT NULL AND doc_type IS NOT NULL AND doc_type <> 'other'"
                                  " GROUP BY local_authority COLLATE NOCASE HAVING count (*) >= 2"
                                  " ORDER BY 1 COLLATE NOCASE", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, pb_db_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_inspection (PbDocumentType type)
{
  return type == PB_DOCUMENT_SIF_INSPECTION || type == PB_DOCUMENT_ILACS_INSPECTION;
}

static gint
find_sha256 (GPtrArray  *reports,
             const char *sha256)
{
  for (guint i = 0; i < reports->len; i++)
    if (g_strcmp0 (((PbAuthorityReport *)g_ptr_array_index (reports, i))->sha256, sha256) == 0)
      return (gint)i;
  return -1;
}

/**
 * pb_library_resolve_comparison:
 * @spec: what a comparison section shows: its authority, and the two
 *   reports or %NULL for either
 * @before_id: (out): the earlier report
 * @after_id: (out): the later report
 * @error: %PB_PACKS_ERROR_INVALID when no authority is named, or a report
 *   named is no longer in the library or is not about it;
 *   %PB_PACKS_ERROR_NOT_FOUND when the library holds nothing to compare;
 *   %PB_DB_ERROR
 *
 * Finds the two reports a comparison section compares: the later is the
 * report named, else the authority's latest report (an inspection or a
 * visit's letter); the earlier is the report named, else the last
 * inspection before the later one ("since the last inspection").
 *
 * Returns: %TRUE with both ids set, or %FALSE with @error set
 */
gboolean
pb_library_resolve_comparison (PbLibrary                *library,
                               const PbPackSectionSpec  *spec,
                               gint64                   *before_id,
                               gint64                   *after_id,
                               GError                  **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  gint after = -1, before = -1;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (before_id != NULL && after_id != NULL, FALSE);

  if (spec->authority == NULL)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A comparison needs a local authority"));
      return FALSE;
    }
  if (!(reports = pb_library_list_authority_reports (library, spec->authority, error)))
    return FALSE;

  if (spec->after_sha256 != NULL && (after = find_sha256 (reports, spec->after_sha256)) < 0)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("The later report of the comparison is no longer in the library"));
      return FALSE;
    }
  if (spec->before_sha256 != NULL && (before = find_sha256 (reports, spec->before_sha256)) < 0)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID,
                   _("The earlier report of the comparison is no longer in the library"));
      return FALSE;
    }

  /* Undated reports are listed last: the latest dated one is the later. */
  if (after < 0)
    for (gint i = (gint)reports->len - 1; i >= 0 && after < 0; i--)
      if (((PbAuthorityReport *)g_ptr_array_index (reports, i))->date != NULL && i != before)
        after = i;
  if (before < 0)
    for (gint i = after - 1; i >= 0 && before < 0; i--)
      if (is_inspection (((PbAuthorityReport *)g_ptr_array_index (reports, i))->type))
        before = i;

  if (before < 0 || after < 0 || before == after)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND,
                   _("The library holds no earlier inspection of %s to compare with"), spec->authority);
      return FALSE;
    }
  *before_id = ((PbAuthorityReport *)g_ptr_array_index (reports, before))->id;
  *after_id = ((PbAuthorityReport *)g_ptr_array_index (reports, after))->id;
  return TRUE;
}

/* Writes a section's kind, cohort and what it shows. */
static gboolean
write_spec (sqlite3                  *db,
            gint64                    section_id,
            PbPackSectionKind         kind,
            const char               *cohort,
            const PbPackSectionSpec  *spec,
            GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = pb_pack_section_spec_to_json (spec);

  if (!(stmt = pb_db_prepare (db, "UPDATE pack_sections SET kind = ?2, options = ?3,"
                                  " cohort_id = (SELECT id FROM cohorts WHERE slug = ?4) WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_text (stmt, 2, pb_pack_section_kind_to_slug (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  if (cohort != NULL)
    sqlite3_bind_text (stmt, 4, cohort, -1, SQLITE_TRANSIENT);
  return pb_db_step_done (stmt, error);
}

/* The cohort's name, or NULL when the library has no such cohort. */
static char *
cohort_name (PbLibrary  *library,
             const char *slug)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (library, NULL);

  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    if (g_strcmp0 (pb_cohort_get_slug (g_ptr_array_index (cohorts, i)), slug) == 0)
      return g_strdup (pb_cohort_get_name (g_ptr_array_index (cohorts, i)));
  return NULL;
}

static gboolean
check_cohort (PbLibrary   *library,
              const char  *cohort,
              GError     **error)
{
  g_autofree char *name = NULL;

  if (cohort == NULL)
    return TRUE;
  name = cohort_name (library, cohort);
  if (name == NULL)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("The library has no cohort “%s”"), cohort);
      return FALSE;
    }
  return TRUE;
}

/**
 * pb_library_add_pack_special_section:
 * @pack_id: a pack
 * @kind: %PB_PACK_SECTION_RECOMMENDATIONS or %PB_PACK_SECTION_COMPARISON
 * @title: the section's title; spaces around it are dropped
 * @cohort: (nullable): for the tracker, the one cohort it shows
 * @spec: what the section shows (copied)
 * @error: %PB_PACKS_ERROR_INVALID for a blank title, an unknown cohort or a
 *   comparison with no authority; %PB_PACKS_ERROR_NOT_FOUND or
 *   %PB_DB_ERROR when there is no such pack; %PB_DB_ERROR
 *
 * Adds a section of another kind than findings at the end of the pack.
 *
 * Returns: the new section's id, or 0 with @error set
 */
gint64
pb_library_add_pack_special_section (PbLibrary                *library,
                                     gint64                    pack_id,
                                     PbPackSectionKind         kind,
                                     const char               *title,
                                     const char               *cohort,
                                     const PbPackSectionSpec  *spec,
                                     GError                  **error)
{
  g_autofree char *clean = _pb_pack_clean_text (title);
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);
  g_return_val_if_fail (kind == PB_PACK_SECTION_RECOMMENDATIONS || kind == PB_PACK_SECTION_COMPARISON, 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (*clean == '\0')
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A section needs a title"));
      return 0;
    }
  if (kind == PB_PACK_SECTION_COMPARISON && spec->authority == NULL)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A comparison needs a local authority"));
      return 0;
    }
  if (!check_cohort (library, cohort, error))
    return 0;

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return 0;
  id = _pb_pack_insert_section (db, pack_id, clean, 0, G_MAXUINT, error);
  if (id > 0 && !write_spec (db, id, kind, kind == PB_PACK_SECTION_RECOMMENDATIONS ? cohort : NULL, spec, error))
    id = 0;
  return _pb_pack_finish (library, id > 0, pack_id, error) ? id : 0;
}

/**
 * pb_library_set_pack_section_spec:
 * @section_id: a section of another kind than findings
 * @cohort: (nullable): for the tracker, the one cohort it shows
 * @spec: what it shows from now on (copied)
 * @error: as for pb_library_add_pack_special_section(), and
 *   %PB_PACKS_ERROR_INVALID for a findings section,
 *   %PB_PACKS_ERROR_NOT_FOUND for no such section
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pb_library_set_pack_section_spec (PbLibrary                *library,
                                  gint64                    section_id,
                                  const char               *cohort,
                                  const PbPackSectionSpec  *spec,
                                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PbPackSectionKind kind = PB_PACK_SECTION_FINDINGS;
  gint64 pack_id = 0;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!check_cohort (library, cohort, error))
    return FALSE;

  db = _pb_library_get_db (library);
  if (!pb_db_begin (db, error))
    return FALSE;
  if (!(stmt = pb_db_prepare (db, "SELECT pack_id, kind FROM pack_sections WHERE id = ?1", error)))
    return _pb_pack_finish (library, FALSE, 0, error);
  sqlite3_bind_int64 (stmt, 1, section_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      pack_id = sqlite3_column_int64 (stmt, 0);
      pb_pack_section_kind_from_slug (pb_db_column_text (stmt, 1), &kind);
    }

  if (pack_id == 0)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND, _("The section is no longer in the pack"));
      ok = FALSE;
    }
  else if (kind == PB_PACK_SECTION_FINDINGS)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A section of findings has no filter"));
      ok = FALSE;
    }
  else if (kind == PB_PACK_SECTION_COMPARISON && spec->authority == NULL)
    {
      g_set_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID, _("A comparison needs a local authority"));
      ok = FALSE;
    }
  else
    ok = write_spec (db, section_id, kind, kind == PB_PACK_SECTION_RECOMMENDATIONS ? cohort : NULL, spec, error);
  return _pb_pack_finish (library, ok, pack_id, error);
}

static char *
report_name (PbLibrary  *library,
             const char *authority,
             const char *sha256)
{
  g_autoptr(GPtrArray) reports = authority ? pb_library_list_authority_reports (library, authority, NULL) : NULL;
  gint i = reports ? find_sha256 (reports, sha256) : -1;

  return i >= 0 ? g_strdup (((PbAuthorityReport *)g_ptr_array_index (reports, i))->name)
                : g_strdup (_("a report no longer in the library"));
}

/**
 * pb_library_describe_pack_section:
 * @section: a section of a pack
 *
 * Returns: (transfer full) (nullable): what a section of another kind
 *   shows, in words for people ("Recommendations: Harrowdale; care
 *   leavers; overdue only"); %NULL for a findings section
 */
char *
pb_library_describe_pack_section (PbLibrary           *library,
                                  const PbPackSection *section)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const PbPackSectionSpec *spec;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  spec = &section->spec;
  switch (section->kind)
    {
    case PB_PACK_SECTION_RECOMMENDATIONS:
      g_ptr_array_add (parts, g_strdup (spec->authority ? spec->authority : _("every authority")));
      if (section->cohort != NULL)
        {
          g_autofree char *name = cohort_name (library, section->cohort);
          g_ptr_array_add (parts, g_utf8_strdown (name ? name : section->cohort, -1));
        }
      if (spec->status >= 0 && spec->status < PB_N_RECOMMENDATION_STATUSES)
        /* Translators: a tracker section's filter: %s is a status, "In progress" */
        g_ptr_array_add (parts, g_strdup_printf (_("status %s"), pb_recommendation_status_get_label (spec->status)));
      if (spec->overdue)
        g_ptr_array_add (parts, g_strdup (_("overdue only")));
      if (spec->open)
        g_ptr_array_add (parts, g_strdup (_("open only")));
      break;

    case PB_PACK_SECTION_COMPARISON:
      {
        g_autofree char *after = spec->after_sha256 ? report_name (library, spec->authority, spec->after_sha256)
                                                    : g_strdup (_("the latest report"));
        g_autofree char *before = spec->before_sha256 ? report_name (library, spec->authority, spec->before_sha256)
                                                      : g_strdup (_("the inspection before it"));

        g_ptr_array_add (parts, g_strdup (spec->authority ? spec->authority : ""));
        /* Translators: what a comparison section compares: "2023 inspection with 2019 inspection" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s with %s"), after, before));
      }
      break;

    case PB_PACK_SECTION_FINDINGS:
    default:
      return NULL;
    }

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("; ", (char **)parts->pdata);
  /* Translators: a section's kind, then what it shows */
  return g_strdup_printf (_("%s: %s"), pb_pack_section_kind_get_label (section->kind), joined);
}
