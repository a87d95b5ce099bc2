/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-library.h"
#include "pb-report-insert.h"
#include "pb-search.h"
#include "pb-test-util.h"

/* Search at a council's real scale: a library of 100,000 pages (500
 * reports of 200 pages) and word, phrase, prefix, OR and two-word (no
 * quotes) queries with snippets, as the sidebar runs them (pb_library_search (), 200 hits).
 *
 * The pages are made of sentences from the corpus's report texts, drawn at
 * random, and written straight into the store with the import's own insert
 * (_pb_library_insert_report (): pages, full-text index, the text across
 * page breaks), without PDFs: importing 100,000 pages would take minutes.
 *
 * Figures are p50 and p95 per kind of query, and their ratio to the same
 * queries' bare full-text lookups (no ranking, no snippets) in the same
 * run, and p50 and p95 of the CPU time each query took (on a shared
 * machine wall time is mostly waiting for a core); the query plan is
 * printed so that a full scan shows. Nothing is asserted about time.
 *
 * Usage: bench-search [N_PAGES]  (default 100000); PB_BENCH_KEEP=1 keeps
 * the library, PB_BENCH_LIBRARY=DIR searches a kept one; PB_BENCH_VERBOSE=1
 * prints each query's time, PB_BENCH_DUMP=FILE writes every hit to FILE
 * (to check that a change to search finds the same); PB_BENCH_MAX_RANKED=N
 * ranks at most the N newest matches (MAX_RANKED_PAGES in pb-search.c), to
 * weigh that bound; PB_BENCH_KINDS=phrase,words runs those kinds of query
 * only (the same queries as in a full run). */

#define PAGES_PER_REPORT 200
#define PAGE_CHARS       1800
#define QUERIES_PER_KIND 40
#define LIMIT            200

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This thread's CPU time: on a machine shared with other builds, wall
 * time is mostly waiting for a core; CPU time is what search costs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static const char fallback_text[] =
  "Leaders have a good understanding of the quality of social work practice. "
  "Children in care live in stable placements that meet their needs. "
  "Care leavers are supported by personal advisers who know them well. "
  "Strategy meetings are timely and include the right partners. "
  "The front door responds quickly to concerns about children at risk of harm. "
  "Independent reviewing officers do not always challenge drift in plans. "
  "Supervision is regular but does not always reflect on the progress of plans. "
  "Caseloads are manageable and social workers value the training they receive. "
  "Too many children wait too long for a permanent home through adoption. "
  "Children who go missing are offered return home interviews that are timely. ";

/* The sentences of the corpus's report texts; the fallback's without it. */
static GPtrArray *
load_sentences (void)
{
  static const char * const sources[] = {
    "synthetic/stress-300p.txt", "seeds/ilacs-2023-inspection.txt",
    "seeds/focused-visit-cabinet-report-2023.txt", "seeds/scrutiny-minutes-2018.txt",
  };
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = pb_test_corpus_path (sources[i]);
      g_autofree char *text = NULL;

      if (path != NULL && g_file_get_contents (path, &text, NULL, NULL))
        g_string_append_printf (all, "%s\n", text);
    }
  if (all->len == 0)
    g_string_append (all, fallback_text);

  for (char *p = all->str; *p; )
    {
      char *end = p;

      while (*end && !(*end == '.' && (end[1] == ' ' || end[1] == '\n')) && *end != '\n')
        end++;
      if (end - p > 20)
        g_ptr_array_add (sentences, g_strndup (p, end - p + (*end == '.' ? 1 : 0)));
      p = *end ? end + 1 : end;
      while (*p == ' ' || *p == '\n')
        p++;
    }

  return sentences;
}

static char *
make_page (GRand     *rand,
           GPtrArray *sentences,
           guint      page_number)
{
  GString *page = g_string_new (NULL);

  g_string_append_printf (page, "%u\n", page_number);
  while (page->len < PAGE_CHARS)
    {
      g_string_append (page, g_ptr_array_index (sentences, g_rand_int_range (rand, 0, (gint32)sentences->len)));
      g_string_append_c (page, g_rand_int_range (rand, 0, 4) == 0 ? '\n' : ' ');
    }

  return g_string_free (page, FALSE);
}

static void
fill_library (PbLibrary *library,
              guint      n_pages,
              GPtrArray *sentences)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20);
  sqlite3 *db = _pb_library_open_connection (library, &error);
  guint n_reports = (n_pages + PAGES_PER_REPORT - 1) / PAGES_PER_REPORT;

  g_assert_no_error (error);
  /* A throwaway library: no need to wait for the disk. */
  sqlite3_exec (db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;", NULL, NULL, NULL);

  for (guint r = 0; r < n_reports; r++)
    {
      g_autoptr(PbReportContent) content = pb_report_content_new ();
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)&r, sizeof r);
      g_autofree char *title = g_strdup_printf ("Inspection of Authority %u children's services", r + 1);
      g_autofree char *name = g_strdup_printf ("authority-%03u.pdf", r + 1);
      guint pages = MIN (PAGES_PER_REPORT, n_pages - r * PAGES_PER_REPORT);

      for (guint p = 0; p < pages; p++)
        {
          PbPageContent page = { 595, 842, make_page (rand, sentences, p + 1) };

          g_array_append_val (content->pages, page);
        }
      content->has_text_layer = TRUE;
      content->text_version = 1;
      content->fingerprint = g_strdup (sha256);

      if (!pb_db_begin (db, &error) ||
          _pb_library_insert_report (db, sha256, name, 1000, title, content, NULL, &error) < 0 ||
          !pb_db_commit (db, &error))
        g_error ("could not store a generated report: %s", error->message);
    }

  pb_db_close (db);
  g_rand_free (rand);
}

/* Words of the text, for queries: as common and as rare as they come. */
static GPtrArray *
pick_words (GPtrArray *sentences,
            GRand     *rand,
            guint      n)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  while (words->len < n)
    {
      const char *sentence = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, (gint32)sentences->len));
      g_auto(GStrv) split = g_strsplit_set (sentence, " \t,.;:()'’", -1);
      guint n_split = g_strv_length (split);
      const char *word = split[g_rand_int_range (rand, 0, (gint32)MAX (n_split, 1))];

      if (word != NULL && strlen (word) >= 5 && g_ascii_isalpha (word[0]))
        g_ptr_array_add (words, g_ascii_strdown (word, -1));
    }

  return words;
}

/* Two words that follow each other in a sentence, as a phrase. */
static char *
pick_phrase (GPtrArray *sentences,
             GRand     *rand)
{
  for (;;)
    {
      const char *sentence = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, (gint32)sentences->len));
      g_auto(GStrv) split = g_strsplit (sentence, " ", -1);
      guint n_split = g_strv_length (split);
      guint i;

      if (n_split < 4)
        continue;
      i = g_rand_int_range (rand, 0, (gint32)n_split - 1);
      if (strlen (split[i]) < 3 || strlen (split[i + 1]) < 3 ||
          !g_ascii_isalpha (split[i][0]) || !g_ascii_isalpha (split[i + 1][0]) ||
          strpbrk (split[i], ".,;:()'\"") || strpbrk (split[i + 1], ".,;:()'\""))
        continue;
      return g_strdup_printf ("\"%s %s\"", split[i], split[i + 1]);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  share)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint i;

  g_array_sort (sorted, compare_doubles);
  i = (guint)MIN ((double)(sorted->len - 1), share * sorted->len);
  return g_array_index (sorted, double, i);
}

/* The same query's bare lookup: the matching rows, unranked, no snippets. */
static double
time_bare (sqlite3    *db,
           const char *match)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double start = now_ms ();

  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM report_pages_fts WHERE report_pages_fts MATCH ?1 LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, LIMIT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  return now_ms () - start;
}

/* Every hit of @query, to compare what two builds find (PB_BENCH_DUMP). */
static void
dump_hits (FILE       *out,
           const char *query,
           GPtrArray  *hits)
{
  fprintf (out, "query %s\n", query);
  for (guint h = 0; h < hits->len; h++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, h);

      fprintf (out, "%" G_GINT64_FORMAT " %u %.9g %s\n",
               pb_search_hit_get_report_id (hit), pb_search_hit_get_page (hit),
               pb_search_hit_get_rank (hit), pb_search_hit_get_raw_snippet (hit));
    }
}

/* The plans of search's two queries (see pb-search-rank.c): the walk over
 * the newest matches that ranks them (its ranking function, registered on
 * search's own connection, left out), then the best rows' pages and text. */
static void
print_plan (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT f.rowid, d.sz FROM report_pages_fts AS f"
    " LEFT JOIN report_pages_fts_docsize AS d ON d.id = f.rowid"
    " WHERE report_pages_fts MATCH 'children' ORDER BY f.rowid DESC LIMIT 10000",
    "SELECT p.id, p.report_id, r.title, p.page_number, p.text"
    " FROM report_pages AS p JOIN reports AS r ON r.id = p.report_id"
    " WHERE p.id IN (SELECT value FROM json_each ('[1,2]'))",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      printf ("search: query plan %u:", i + 1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        printf (" [%s]", sqlite3_column_text (stmt, 3));
      printf ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_pages = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  const char *kept = g_getenv ("PB_BENCH_LIBRARY");
  g_autofree char *dir = kept != NULL ? g_strdup (kept) : pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_library_open (dir, NULL);
  g_autoptr(GPtrArray) sentences = load_sentences ();
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GError) error = NULL;
  /* "words": two words as a user types them, without quotes (the phrase
   * is looked for first, see pb_library_search ()); last, so that the
   * other kinds' queries stay those of earlier runs. */
  static const char * const kinds[] = { "word", "phrase", "prefix", "OR", "words" };
  GRand *rand = g_rand_new_with_seed (7);
  const char *dump_path = g_getenv ("PB_BENCH_DUMP");
  FILE *dump = dump_path != NULL ? fopen (dump_path, "w") : NULL;
  g_auto(GStrv) only = NULL;
  sqlite3 *bare;
  double start;

  start = now_ms ();
  /* PB_BENCH_LIBRARY: a library kept from a run before (PB_BENCH_KEEP), to
   * try a change to search without writing 100,000 pages again. */
  if (kept == NULL)
    fill_library (library, n_pages, sentences);
  printf ("search: %u pages in %u reports, from %u sentences, written in %.1f s\n",
          n_pages, (n_pages + PAGES_PER_REPORT - 1) / PAGES_PER_REPORT, sentences->len,
          (now_ms () - start) / 1000);

  if (g_getenv ("PB_BENCH_MAX_RANKED") != NULL)
    _pb_search_set_max_ranked_pages ((guint)g_ascii_strtoull (g_getenv ("PB_BENCH_MAX_RANKED"), NULL, 10));

  bare = _pb_library_open_connection (library, &error);
  g_assert_no_error (error);
  print_plan (bare);

  words = pick_words (sentences, rand, QUERIES_PER_KIND * 3);
  if (g_getenv ("PB_BENCH_KINDS") != NULL)
    only = g_strsplit (g_getenv ("PB_BENCH_KINDS"), ",", -1);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
      double total_hits = 0;

      if (only != NULL && !g_strv_contains ((const char * const *)only, kinds[k]))
        {
          /* Its queries are drawn all the same, so that the other kinds'
           * stay those of a full run. */
          for (guint i = 0; i < QUERIES_PER_KIND; i++)
            if (k == 1 || k == 4)
              g_free (pick_phrase (sentences, rand));
          continue;
        }

      for (guint i = 0; i < QUERIES_PER_KIND; i++)
        {
          const char *a = g_ptr_array_index (words, i);
          const char *b = g_ptr_array_index (words, QUERIES_PER_KIND + i);
          g_autofree char *query = NULL;
          g_autofree char *match = NULL;
          g_autoptr(GPtrArray) hits = NULL;
          double elapsed, cpu_start, cpu;

          switch (k)
            {
            case 0: query = g_strdup (a); break;
            case 1: query = pick_phrase (sentences, rand); break;
            case 2: query = g_strdup_printf ("%.4s*", a); break;
            case 3: query = g_strdup_printf ("%s OR %s", a, b); break;
            default: query = pick_phrase (sentences, rand); g_strdelimit (query, "\"", ' '); g_strstrip (query); break;
            }

          match = pb_search_build_fts_query (query, &error);
          g_assert_no_error (error);

          cpu_start = cpu_ms ();
          start = now_ms ();
          hits = pb_library_search (library, query, LIMIT, &error);
          elapsed = now_ms () - start;
          if (hits == NULL)
            g_error ("search for %s failed: %s", query, error->message);
          /* Snippets as the sidebar shows them. */
          for (guint h = 0; h < hits->len; h++)
            g_free (pb_search_hit_dup_snippet_markup (g_ptr_array_index (hits, h)));
          elapsed = now_ms () - start;

          cpu = cpu_ms () - cpu_start;
          g_array_append_val (times, elapsed);
          g_array_append_val (cpu_times, cpu);
          if (g_getenv ("PB_BENCH_VERBOSE") != NULL)
            printf ("search: %-6s %7.1f ms (CPU %5.1f ms)  %s\n", kinds[k], elapsed, cpu, query);
          if (dump != NULL)
            dump_hits (dump, query, hits);
          elapsed = time_bare (bare, match);
          g_array_append_val (bare_times, elapsed);
          total_hits += hits->len;
        }

      printf ("search: %-6s p50 %6.1f ms, p95 %6.1f ms (%.1fx and %.1fx the bare full-text lookup), "
              "%.0f hits on average; CPU p50 %.1f ms, p95 %.1f ms (target: p50 under 20 ms, p95 under 60 ms)\n",
              kinds[k], percentile (times, 0.5), percentile (times, 0.95),
              percentile (times, 0.5) / MAX (percentile (bare_times, 0.5), 0.001),
              percentile (times, 0.95) / MAX (percentile (bare_times, 0.95), 0.001),
              total_hits / QUERIES_PER_KIND,
              percentile (cpu_times, 0.5), percentile (cpu_times, 0.95));
    }

  if (dump != NULL)
    fclose (dump);
  pb_db_close (bare);
  g_rand_free (rand);
  g_clear_object (&library);
  if (g_getenv ("PB_BENCH_KEEP") != NULL || kept != NULL)
    printf ("search: the library is kept in %s\n", dir);
  else
    pb_test_remove_dir (dir);

  return 0;
}
