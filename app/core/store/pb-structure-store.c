/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure-store"

#include "config.h"

#include <stdio.h>

#include "pb-db.h"
#include "pb-finding.h"
#include "pb-library-private.h"
#include "pb-structure-reader.h"
#include "pb-structure-store-private.h"
#include "pb-structure-store.h"

/* A report's structure in the library: stored at import (in the import's
 * transaction) or when re-read (pb-reindex.c), and read back for the reader,
 * the grades over time and packs. Its recommendations (a letter's areas for
 * improvement and for priority action among them) and section grades are
 * offered as findings. The reasons for its type are not kept: they are for
 * diagnosing a reading, which `inspect` does from the PDF. */

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           const GDate  *date)
{
  char text[16];

  if (!g_date_valid (date))
    {
      sqlite3_bind_null (stmt, column);
      return;
    }

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static void
read_date (GDate      *date,
           const char *text)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text != NULL && sscanf (text, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static gboolean
add_suggestion (sqlite3     *db,
                const char  *sha256,
                guint        page,
                const char  *quote,
                const char  *note,
                const char  *kind,
                const char  *cohort,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db,
    "INSERT INTO suggestions (report_sha256, source, page_number, quote, kind, cohort, note)"
    " VALUES (?1, 'structure', ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)MAX (page, 1));
  sqlite3_bind_text (stmt, 3, quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  if (cohort != NULL)
    sqlite3_bind_text (stmt, 5, cohort, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, note ? note : "", -1, SQLITE_TRANSIENT);

  return pb_db_step_done (stmt, error);
}

/* The numbered paragraphs, hundreds in a report, in one statement over a
 * JSON array of [number, page, cohort]: a statement run a paragraph cost
 * more than the rows themselves. A number given twice keeps its last page,
 * as rows one after another would (ORDER BY key). */
static gboolean
store_paragraphs (sqlite3     *db,
                  gint64       report_id,
                  GArray      *paragraphs,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GString) json = g_string_sized_new (paragraphs->len * 24 + 2);

  if (paragraphs->len == 0)
    return TRUE;

  g_string_append_c (json, '[');
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (paragraphs, PbParagraph, i);

      g_string_append_printf (json, "%s[%u,%u,", i > 0 ? "," : "", p->number, p->page);
      if (p->cohort != NULL)
        {
          /* A slug; escaped all the same, as a JSON string. */
          g_string_append_c (json, '"');
          for (const char *c = p->cohort; *c != '\0'; c++)
            {
              if (*c == '"' || *c == '\\')
                g_string_append_printf (json, "\\%c", *c);
              else if ((guchar)*c < 0x20)
                g_string_append_printf (json, "\\u%04x", (guint)(guchar)*c);
              else
                g_string_append_c (json, *c);
            }
          g_string_append (json, "\"]");
        }
      else
        g_string_append (json, "null]");
    }
  g_string_append_c (json, ']');

  if (!(insert = pb_db_prepare (db, "INSERT OR REPLACE INTO paragraphs (report_id, number, page, cohort)"
                                    " SELECT ?1, value ->> 0, value ->> 1, value ->> 2"
                                    " FROM json_each (?2) ORDER BY key", error)))
    return FALSE;
  sqlite3_bind_int64 (insert, 1, report_id);
  sqlite3_bind_text (insert, 2, json->str, (int)json->len, SQLITE_STATIC);
  return pb_db_step_done (insert, error);
}

/* Stores @structure for a report; runs inside the caller's transaction. */
gboolean
_pb_structure_store (sqlite3      *db,
                     gint64        report_id,
                     const char   *sha256,
                     PbStructure  *s,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) report = NULL;
  g_autoptr(sqlite3_stmt) judgement = NULL;
  g_autoptr(sqlite3_stmt) section = NULL;
  g_autoptr(sqlite3_stmt) offered = NULL;
  gboolean offer;

  /* Read again, it replaces what was read before; but what was offered and
   * accepted or dismissed stays decided, and is not offered twice. */
  {
    static const char * const clear[] = {
      "DELETE FROM judgements WHERE report_id = ?1",
      "DELETE FROM sections WHERE report_id = ?1",
      "DELETE FROM paragraphs WHERE report_id = ?1",
    };

    for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
      {
        g_autoptr(sqlite3_stmt) stmt = pb_db_prepare (db, clear[i], error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, report_id);
        if (!pb_db_step_done (stmt, error))
          return FALSE;
      }
  }

  if (!(offered = pb_db_prepare (db, "SELECT count (*) FROM suggestions"
                                     " WHERE report_sha256 = ?1 AND source = 'structure'", error)))
    return FALSE;
  sqlite3_bind_text (offered, 1, sha256, -1, SQLITE_TRANSIENT);
  offer = sqlite3_step (offered) == SQLITE_ROW && sqlite3_column_int (offered, 0) == 0;

  if (!(report = pb_db_prepare (db,
                                "UPDATE reports SET doc_type = ?2,"
                                " local_authority = coalesce (user_authority, ?3),"
                                " inspection_start = ?4, inspection_end = ?5, published = ?6,"
                                " lead_inspector = ?7, cic_and_care_leavers_combined = ?8,"
                                " reinspection = ?9, theme = ?10, stated_date = ?11 WHERE id = ?1",
                                error)) ||
      !(judgement = pb_db_prepare (db, "INSERT OR REPLACE INTO judgements (report_id, judgement, grade)"
                                       " VALUES (?1, ?2, ?3)", error)) ||
      !(section = pb_db_prepare (db, "INSERT INTO sections (report_id, position, cohort, heading, grade,"
                                     " first_page, last_page) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;

  sqlite3_bind_int64 (report, 1, report_id);
  sqlite3_bind_text (report, 2, pb_document_type_to_slug (s->type), -1, SQLITE_STATIC);
  if (s->local_authority)
    sqlite3_bind_text (report, 3, s->local_authority, -1, SQLITE_TRANSIENT);
  bind_date (report, 4, &s->inspection_start);
  bind_date (report, 5, &s->inspection_end);
  bind_date (report, 6, &s->published);
  if (s->lead_inspector)
    sqlite3_bind_text (report, 7, s->lead_inspector, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (report, 8, s->cic_and_care_leavers_combined);
  sqlite3_bind_int (report, 9, s->reinspection);
  if (s->theme)
    sqlite3_bind_text (report, 10, s->theme, -1, SQLITE_TRANSIENT);
  bind_date (report, 11, &s->stated);
  if (!pb_db_step_done (report, error))
    return FALSE;

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    {
      if (s->judgements[j] == PB_GRADE_NONE)
        continue;
      sqlite3_reset (judgement);
      sqlite3_bind_int64 (judgement, 1, report_id);
      sqlite3_bind_text (judgement, 2, pb_judgement_to_slug (j), -1, SQLITE_STATIC);
      sqlite3_bind_text (judgement, 3, pb_grade_to_slug (s->judgements[j]), -1, SQLITE_STATIC);
      if (!pb_db_step_done (judgement, error))
        return FALSE;
    }

  for (guint i = 0; i < s->sections->len; i++)
    {
      PbSection *sec = &g_array_index (s->sections, PbSection, i);
          sqlite3_reset (section);
      sqlite3_bind_int64 (section, 1, report_id);
      sqlite3_bind_int (section, 2, (int)i);
      sqlite3_bind_text (section, 3, sec->cohort, -1, SQLITE_STATIC);
      sqlite3_bind_text (section, 4, sec->heading, -1, SQLITE_TRANSIENT);
      if (sec->grade != PB_GRADE_NONE)
        sqlite3_bind_text (section, 5, pb_grade_to_slug (sec->grade), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (section, 5);
      sqlite3_bind_int (section, 6, (int)sec->first_page);
      sqlite3_bind_int (section, 7, (int)sec->last_page);
      if (!pb_db_step_done (section, error))
        return FALSE;

      /* Each cohort section's grade, offered as a finding about that cohort:
       * context for the panel, whatever the grade. A grade is no strength
       * or area for improvement in itself; the paragraphs under it say
       * what those are. */
      if (offer && sec->grade != PB_GRADE_NONE)
        {
          static const char * const words[] = {
            NULL, "outstanding", "good", "requires improvement to be good", "inadequate",
          };
          g_autofree char *note = g_strdup_printf ("Judged %s.", words[sec->grade]);

          if (!add_suggestion (db, sha256, sec->first_page, sec->heading, note, "context",
                               sec->cohort, error))
            return FALSE;
        }
    }

  if (!store_paragraphs (db, report_id, s->paragraphs, error))
    return FALSE;

  for (guint i = 0; offer && i < s->recommendations->len; i++)
    {
      PbRecommendation *rec = &g_array_index (s->recommendations, PbRecommendation, i);

      /* Areas for priority action are the ones Ofsted says cannot wait. */
      if (!add_suggestion (db, sha256, rec->page, rec->text, rec->priority ? "Area for priority action." : NULL,
                           "recommendation", rec->cohort, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * pb_library_get_structure:
 *
 * Returns: (transfer full) (nullable): the stored structure of a report;
 *   %NULL (and no error) if it was never read
 */
PbStructure *
pb_library_get_structure (PbLibrary  *library,
                          gint64      report_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) judgements = NULL;
  g_autoptr(sqlite3_stmt) sections = NULL;
  g_autoptr(sqlite3_stmt) paragraphs = NULL;
  const char * const none[] = { NULL };
  sqlite3 *db = _pb_library_get_db (library);
  PbStructure *s;
  const char *type;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(head = pb_db_prepare (db, "SELECT doc_type, local_authority, inspection_start, inspection_end,"
                                  " published, lead_inspector, cic_and_care_leavers_combined,"
                                  " reinspection, theme, stated_date"
                                  " FROM reports WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (head, 1, report_id);
  if (sqlite3_step (head) != SQLITE_ROW || (type = pb_db_column_text (head, 0)) == NULL)
    return NULL;

  /* An empty structure, then the stored parts. */
  s = pb_structure_read_text (none);
  s->type = pb_document_type_from_slug (type);
  s->local_authority = g_strdup (pb_db_column_text (head, 1));
  read_date (&s->inspection_start, pb_db_column_text (head, 2));
  read_date (&s->inspection_end, pb_db_column_text (head, 3));
  read_date (&s->published, pb_db_column_text (head, 4));
  s->lead_inspector = g_strdup (pb_db_column_text (head, 5));
  s->cic_and_care_leavers_combined = sqlite3_column_int (head, 6) != 0;
  s->reinspection = sqlite3_column_int (head, 7) != 0;
  s->theme = g_strdup (pb_db_column_text (head, 8));
  read_date (&s->stated, pb_db_column_text (head, 9));

  if ((judgements = pb_db_prepare (db, "SELECT judgement, grade FROM judgements WHERE report_id = ?1", NULL)))
    {
      sqlite3_bind_int64 (judgements, 1, report_id);
      while (sqlite3_step (judgements) == SQLITE_ROW)
        for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
          if (g_strcmp0 (pb_db_column_text (judgements, 0), pb_judgement_to_slug (j)) == 0)
            for (PbGrade g = PB_GRADE_OUTSTANDING; g <= PB_GRADE_INADEQUATE; g++)
              if (g_strcmp0 (pb_db_column_text (judgements, 1), pb_grade_to_slug (g)) == 0)
                s->judgements[j] = g;
    }

  if ((sections = pb_db_prepare (db, "SELECT cohort, heading, grade, first_page, last_page FROM sections"
                                     " WHERE report_id = ?1 ORDER BY position", NULL)))
    {
      static const char * const cohorts[] = { "help_and_protection", "children_in_care", "care_leavers", "leadership" };

      sqlite3_bind_int64 (sections, 1, report_id);
      while (sqlite3_step (sections) == SQLITE_ROW)
        {
          PbSection section = { NULL, g_strdup (pb_db_column_text (sections, 1)), PB_GRADE_NONE,
                                (guint)sqlite3_column_int (sections, 3), (guint)sqlite3_column_int (sections, 4) };

          for (guint c = 0; c < G_N_ELEMENTS (cohorts); c++)
            if (g_strcmp0 (pb_db_column_text (sections, 0), cohorts[c]) == 0)
              section.cohort = cohorts[c];
          for (PbGrade g = PB_GRADE_OUTSTANDING; g <= PB_GRADE_INADEQUATE; g++)
            if (g_strcmp0 (pb_db_column_text (sections, 2), pb_grade_to_slug (g)) == 0)
              section.grade = g;
          if (section.cohort != NULL)
            g_array_append_val (s->sections, section);
          else
            g_free (section.heading);
        }
    }

  if ((paragraphs = pb_db_prepare (db, "SELECT number, page FROM paragraphs WHERE report_id = ?1"
                                       " ORDER BY number", NULL)))
    {
      sqlite3_bind_int64 (paragraphs, 1, report_id);
      while (sqlite3_step (paragraphs) == SQLITE_ROW)
        {
          PbParagraph p = { (guint)sqlite3_column_int (paragraphs, 0), (guint)sqlite3_column_int (paragraphs, 1), NULL, 0 };
          g_array_append_val (s->paragraphs, p);
        }
    }

  return s;
}

/**
 * pb_inspection_free:
 * @inspection: (nullable) (transfer full): an inspection, with its title and
 *   structure
 */
void
pb_inspection_free (PbInspection *inspection)
{
  if (inspection == NULL)
    return;
  g_free (inspection->title);
  pb_structure_free (inspection->structure);
  g_free (inspection);
}

/**
 * pb_library_list_authorities:
 *
 * Returns: (transfer full): the authorities the library has graded
 *   inspections of, by name
 */
GStrv
pb_library_list_authorities (PbLibrary  *library,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "SELECT DISTINCT local_authority FROM reports"
                              " WHERE local_authority IS NOT NULL"
                              "  AND doc_type IN ('sif_inspection', 'ilacs_inspection')"
                              " ORDER BY local_authority COLLATE NOCASE", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, pb_db_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (library), rc, error);
      return NULL;
    }

  return g_strv_builder_end (names);
}

/**
 * pb_library_list_inspections:
 *
 * Returns: (transfer container) (element-type PbInspection): the authority's
 *   graded inspections, oldest first
 */
GPtrArray *
pb_library_list_inspections (PbLibrary   *library,
                             const char  *authority,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) inspections = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_inspection_free);
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (authority != NULL, NULL);

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "SELECT id, title FROM reports WHERE local_authority = ?1"
                              " AND doc_type IN ('sif_inspection', 'ilacs_inspection')"
                              " ORDER BY coalesce (inspection_end, imported_at), id", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, authority, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbInspection *inspection = g_new0 (PbInspection, 1);

      inspection->report_id = sqlite3_column_int64 (stmt, 0);
      inspection->title = g_strdup (pb_db_column_text (stmt, 1));
      inspection->structure = pb_library_get_structure (library, inspection->report_id, NULL);
      if (inspection->structure == NULL)
        pb_inspection_free (inspection);
      else
        g_ptr_array_add (inspections, inspection);
    }

  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (library), rc, error);
      return NULL;
    }

  return g_steal_pointer (&inspections);
}
