/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-library.h"
#include "pb-report-insert.h"
#include "pb-search-rank-private.h"
#include "pb-search-snippet-private.h"
#include "pb-search.h"
#include "pb-test-util.h"

/* Search ranks and highlights the matches itself, in one walk over them
 * (pb-search-rank.c), where it used FTS5's bm25 () and highlight (): these
 * tests hold it to what those give, on a generated library, query by
 * query: the same rows in the same order, the same ranks to the last bit,
 * the same text marked in the same places, and so the same snippets. */

#define N_REPORTS        6
#define PAGES_PER_REPORT 40

/* Words as common and as rare as they come, with what the tokenizer
 * makes something of: stems ("meeting", "meets"), accents, curly quotes,
 * digits, a word that repeats ("care care"), so that phrases overlap. */
static const char * const vocabulary[] = {
  "children", "children", "children", "care", "care", "care", "leavers", "the", "the", "the",
  "and", "and", "of", "to", "in", "meeting", "meetings", "meets", "met", "social", "workers",
  "strategy", "plans", "planning", "café", "naïve", "children’s", "“good”", "2023", "¶24",
  "leaders", "know", "their", "services", "well", "adoption", "rarely", "zygote", "care-leavers",
};

static char *
make_page (GRand *rand)
{
  GString *page = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 20, 160);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
      guint next = g_rand_int_range (rand, 0, 20);

      g_string_append (page, word);
      /* Line ends, now and then a word broken by a hyphen across one. */
      if (next == 0)
        g_string_append (page, ".\n");
      else if (next == 1)
        g_string_append (page, "-\nment ");
      else if (next == 2)
        g_string_append (page, ", ");
      else
        g_string_append_c (page, ' ');
    }

  return g_string_free (page, FALSE);
}

typedef struct
{
  char      *dir;
  PbLibrary *library;
  sqlite3   *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (50);

  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  f->db = _pb_library_get_db (f->library);

  for (guint r = 0; r < N_REPORTS; r++)
    {
      g_autoptr(PbReportContent) content = pb_report_content_new ();
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)&r, sizeof r);
      g_autofree char *title = g_strdup_printf ("Report %u", r + 1);
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", r + 1);

      for (guint p = 0; p < PAGES_PER_REPORT; p++)
        {
          PbPageContent page = { 595, 842, make_page (rand) };

          g_array_append_val (content->pages, page);
        }
      content->has_text_layer = TRUE;
      content->text_version = 1;

      g_assert_true (pb_db_begin (f->db, &error));
      g_assert_cmpint (_pb_library_insert_report (f->db, sha256, name, 1000, title, content, NULL, &error), >, 0);
      g_assert_true (pb_db_commit (f->db, &error));
      g_assert_no_error (error);
    }

  g_rand_free (rand);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
free_reference_row (gpointer data)
{
  PbRankedRow *row = data;

  g_free (row->highlighted);
  g_free (row);
}

/* What FTS5 itself gives: the newest @max_ranked rows that match, ranked by
 * bm25 () and highlighted by highlight (), the best @limit of them. */
static GPtrArray *
reference_rows (sqlite3    *db,
                const char *table,
                const char *match,
                guint       max_ranked,
                guint       limit)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (free_reference_row);
  int rc;

  sql = g_strdup_printf ("SELECT id, r, h FROM"
                         " (SELECT rowid AS id, bm25 (%s_fts) AS r, highlight (%s_fts, 0, ?2, ?3) AS h"
                         "  FROM %s_fts WHERE %s_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?4)"
                         " ORDER BY r, id LIMIT ?5",
                         table, table, table, table);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, PB_SEARCH_MATCH_START, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, PB_SEARCH_MATCH_END, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int)max_ranked);
  sqlite3_bind_int (stmt, 5, (int)limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PbRankedRow *row = g_new0 (PbRankedRow, 1);

      row->rowid = sqlite3_column_int64 (stmt, 0);
      row->rank = sqlite3_column_double (stmt, 1);
      row->highlighted = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      g_ptr_array_add (rows, row);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return rows;
}

static const char * const queries[] = {
  "\"children\"", "\"zygote\"", "\"rarely\"", "\"the\"", "\"meeting\"", "\"meet\"*", "\"plan\"*",
  "\"care leavers\"", "\"care care\"", "\"care care care\"", "\"the children\"",
  "\"children’s\"", "\"good\"", "\"café\"", "\"naive\"", "\"2023\"", "\"¶24\"",
  "\"care\" \"leavers\"", "\"care\" \"care\"", "\"social\" \"workers\" \"plans\"",
  "\"rarely\" OR \"zygote\"", "\"children\" OR \"care leavers\"", "\"meeting\" \"strategy\"*",
  "\"no such word\"",
};

static void
test_same_as_fts5 (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const tables[] = { "report_pages", "report_page_extras" };
  /* Every match ranked; the walk stopped at the bound, so that a phrase's
   * rows are counted beyond it; one row. */
  static const guint max_ranked[] = { 10000, 37, 1 };
  static const guint limits[] = { 200, 7 };
  guint n_compared = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (guint m = 0; m < G_N_ELEMENTS (max_ranked); m++)
        for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
          {
            g_autoptr(GPtrArray) expected = reference_rows (f->db, tables[t], queries[q], max_ranked[m], limits[l]);
            g_autoptr(GArray) rows = NULL;
            g_autoptr(GError) error = NULL;

            rows = _pb_search_rank_rows (f->db, tables[t], queries[q], max_ranked[m], limits[l], NULL, &error);
            g_assert_no_error (error);
            g_assert_nonnull (rows);

            g_test_message ("%s %s, %u ranked, best %u: %u rows", tables[t], queries[q],
                            max_ranked[m], limits[l], expected->len);
            g_assert_cmpuint (rows->len, ==, expected->len);
            for (guint i = 0; i < rows->len; i++)
              {
                PbRankedRow *row = &g_array_index (rows, PbRankedRow, i);
                PbRankedRow *want = g_ptr_array_index (expected, i);

                g_assert_cmpint (row->rowid, ==, want->rowid);
                /* To the last bit, not near enough. */
                g_assert_true (memcmp (&row->rank, &want->rank, sizeof (double)) == 0);
                g_assert_cmpstr (row->highlighted, ==, want->highlighted);
                g_assert_cmpuint (row->page_number, >=, 1);
                g_assert_nonnull (row->report_title);
                n_compared++;
              }
          }

  /* Most queries found something: the comparison is not of empty lists. */
  g_assert_cmpuint (n_compared, >, 2000);
}

/* The hits pb_library_search () returns for one word, when the pages fill
 * the limit: in FTS5's order, with the snippets of FTS5's highlights. */
static void
test_search_same_as_fts5 (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const words[] = { "children", "meeting", "leavers", "café" };

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *match = pb_search_build_fts_query (words[w], NULL);
      g_autoptr(GPtrArray) expected = reference_rows (f->db, "report_pages", match, 10000, 20);
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;

      hits = pb_library_search (f->library, words[w], 20, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, ==, 20);
      g_assert_cmpuint (hits->len, ==, expected->len);

      for (guint i = 0; i < hits->len; i++)
        {
          PbSearchHit *hit = g_ptr_array_index (hits, i);
          PbRankedRow *want = g_ptr_array_index (expected, i);
          g_autofree char *snippet = _pb_search_snippet_from_highlight (want->highlighted);
          g_autofree char *sql = g_strdup_printf ("SELECT page_number FROM report_pages WHERE id = %" G_GINT64_FORMAT,
                                                  want->rowid);

          g_assert_true (pb_search_hit_get_rank (hit) == want->rank);
          g_assert_cmpint (pb_search_hit_get_page (hit), ==, pb_db_query_int (f->db, sql, NULL));
          g_assert_cmpstr (pb_search_hit_get_raw_snippet (hit), ==, snippet);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-rank/same-as-fts5", Fixture, NULL, fixture_setup, test_same_as_fts5, fixture_teardown);
  g_test_add ("/search-rank/search-same-as-fts5", Fixture, NULL, fixture_setup, test_search_same_as_fts5, fixture_teardown);

  return g_test_run ();
}
