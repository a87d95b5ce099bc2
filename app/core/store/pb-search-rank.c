/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-db.h"
#include "pb-search-rank-private.h"
#include "pb-search.h"

/* Ranking and highlighting the matches of a search in one walk over them.
 *
 * FTS5's own bm25 () and highlight () cost a search at 100,000 pages most
 * of its time, not for their sums but for what they look up: bm25 () asks
 * the index for each page's length with a query of its own (a third of a
 * microsecond a page, 10,000 pages ranked), and counts every page that
 * holds a phrase before it ranks the first (for the phrase's IDF), which
 * for a phrase is a walk over the whole library; highlight () needs the
 * matches of the pages returned, which took a second walk over them.
 *
 * So the walk that ranks asks FTS5 (through an auxiliary function of ours,
 * pb_search_rank_row ()) for each page's matches only: where each phrase
 * is found, counted as bm25 () counts them, and the spans highlight ()
 * would mark, kept for the pages that rank best. Each page's length comes
 * from the index's own table of lengths, joined (%_docsize: FTS5's file
 * format, which SQLite keeps), and for a one-phrase query the pages that
 * hold it are those walked, unless the walk stopped at the bound. bm25 ()
 * is then worked out here as FTS5 works it out (the same sums in the same
 * order, so the same doubles), and the best pages highlighted from the
 * spans kept, their text split into words by the index's own tokenizer
 * (pb_search_highlight ()), with the markers where highlight () puts them
 * (tests/test-search.c compares both with FTS5's functions). */

/* bm25 ()'s constants (https://www.sqlite.org/fts5.html#the_bm25_function). */
#define BM25_K1 1.2
#define BM25_B  0.75

#define WALK_POINTER_TYPE "pb_search_walk"
#define HIGHLIGHT_POINTER_TYPE "pb_search_highlight_job"

typedef struct
{
  gint64 rowid;
  double doc_size;     /* in tokens */
  double rank;
  guint  first_span;   /* index of its first span in Walk.spans */
  guint  n_spans;
} WalkRow;

typedef struct
{
  int     n_phrases;     /* -1 until the first row */
  int    *phrase_sizes;  /* in tokens */
  double *idf;
  gint64  n_rows;        /* in the whole index */
  double  avgdl;         /* tokens a row, on average */
  GArray *rows;          /* WalkRow, newest first */
  GArray *freqs;         /* double: n_phrases for each row, in order */
  GArray *spans;         /* int: the first and last token of each span */
} Walk;

typedef struct
{
  const char *text;
  gsize       len;
  const int  *spans;
  guint       n_spans;
  char       *highlighted;
} HighlightItem;

typedef struct
{
  HighlightItem *items;
  guint          n_items;
  gboolean       done;
} HighlightJob;

/* Where one text's highlighting is while the tokenizer runs over it. */
typedef struct
{
  GString    *out;
  const char *text;
  const int  *spans;
  guint       n_spans;
  guint       next;     /* the span being looked for */
  int         position; /* of the next token */
  int         copied;   /* bytes of the text in out */
} Highlighter;

static double
idf_of (gint64 n_rows,
        gint64 n_hit)
{
  /* As bm25 () has it: a phrase on more than half the rows weighs next
   * to nothing, never less. */
  double idf = log ((n_rows - n_hit + 0.5) / (n_hit + 0.5));

  return idf <= 0.0 ? 1e-6 : idf;
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *data)
{
  (*(gint64 *)data)++;
  return SQLITE_OK;
}

/* What is known at the first row: the phrases, the index's size, and for
 * more than one phrase the rows that hold each (bm25 () counts them the
 * same way); for one phrase they are counted after the walk. */
static int
walk_start (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            Walk                   *walk)
{
  sqlite3_int64 n_tokens = 0;
  sqlite3_int64 n_rows = 0;
  int rc;

  walk->n_phrases = api->xPhraseCount (fts);
  walk->phrase_sizes = g_new0 (int, MAX (walk->n_phrases, 1));
  walk->idf = g_new0 (double, MAX (walk->n_phrases, 1));
  for (int i = 0; i < walk->n_phrases; i++)
    walk->phrase_sizes[i] = api->xPhraseSize (fts, i);

  if ((rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
      (rc = api->xColumnTotalSize (fts, -1, &n_tokens)) != SQLITE_OK)
    return rc;
  walk->n_rows = n_rows;
  walk->avgdl = (double)n_tokens / (double)n_rows;

  for (int i = 0; walk->n_phrases != 1 && i < walk->n_phrases; i++)
    {
      gint64 n_hit = 0;

      if ((rc = api->xQueryPhrase (fts, i, &n_hit, count_row)) != SQLITE_OK)
        return rc;
      walk->idf[i] = idf_of (walk->n_rows, n_hit);
    }

  return SQLITE_OK;
}

/* A row's length from its %_docsize blob: one varint (SQLite's, as FTS5
 * writes it) for the one column. FALSE for anything else. */
static gboolean
decode_doc_size (sqlite3_value *value,
                 int           *n_tokens)
{
  const guchar *blob;
  guint64 n = 0;
  int len;

  if (sqlite3_value_type (value) != SQLITE_BLOB)
    return FALSE;
  blob = sqlite3_value_blob (value);
  len = sqlite3_value_bytes (value);

  for (int i = 0; i < len && i < 9; i++)
    {
      if (i == 8)
        n = (n << 8) | blob[i];
      else
        n = (n << 7) | (blob[i] & 0x7f);
      if (i == 8 || !(blob[i] & 0x80))
        {
          if (i != len - 1 || n > G_MAXINT)
            return FALSE;
          *n_tokens = (int)n;
          return TRUE;
        }
    }
  return FALSE;
}

/* pb_search_rank_row (table, walk, docsize blob): called by FTS5 for each
 * row the walk visits, it adds the row to the walk: its length, how often
 * each phrase is on it, and its matches joined into spans as highlight ()
 * joins them (an instance that starts within the one before it is part
 * of it). Returns NULL. */
static void
rank_row (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_args,
          sqlite3_value          **args)
{
  Walk *walk = n_args == 2 ? sqlite3_value_pointer (args[0], WALK_POINTER_TYPE) : NULL;
  WalkRow row = { 0 };
  double *freq;
  int n_tokens = 0;
  int n_inst = 0;
  int start = -1, end = -1;
  int rc = SQLITE_OK;

  if (walk == NULL)
    {
      sqlite3_result_error (context, "pb_search_rank_row: not a search's walk", -1);
      return;
    }
  if (walk->n_phrases < 0 && (rc = walk_start (api, fts, walk)) != SQLITE_OK)
    goto out;

  row.rowid = api->xRowid (fts);
  if (!decode_doc_size (args[1], &n_tokens) &&
      (rc = api->xColumnSize (fts, -1, &n_tokens)) != SQLITE_OK)
    goto out;
  row.doc_size = (double)n_tokens;
  row.first_span = walk->spans->len / 2;

  g_array_set_size (walk->freqs, walk->freqs->len + walk->n_phrases);
  freq = &g_array_index (walk->freqs, double, walk->freqs->len - walk->n_phrases);

  if ((rc = api->xInstCount (fts, &n_inst)) != SQLITE_OK)
    goto out;
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset, last;

      if ((rc = api->xInst (fts, i, &phrase, &column, &offset)) != SQLITE_OK)
        goto out;
      freq[phrase] += 1.0;
      if (column != 0)
        continue;

      last = offset - 1 + walk->phrase_sizes[phrase];
      if (start < 0)
        {
          start = offset;
          end = last;
        }
      else if (offset <= end)
        end = MAX (end, last);
      else
        {
          g_array_append_val (walk->spans, start);
          g_array_append_val (walk->spans, end);
          start = offset;
          end = last;
        }
    }
  if (start >= 0)
    {
      g_array_append_val (walk->spans, start);
      g_array_append_val (walk->spans, end);
    }
  row.n_spans = walk->spans->len / 2 - row.first_span;
  g_array_append_val (walk->rows, row);

out:
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (context, rc);
  else
    sqlite3_result_null (context);
}

static int
highlight_token (void       *data,
                 int         flags,
                 const char *token,
                 int         n_token,
                 int         start,
                 int         end)
{
  Highlighter *h = data;
  const int *span;
  int position;

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  position = h->position++;

  span = &h->spans[2 * h->next];
  if (position == span[0])
    {
      g_string_append_len (h->out, h->text + h->copied, start - h->copied);
      g_string_append (h->out, PB_SEARCH_MATCH_START);
      h->copied = start;
    }
  if (position == span[1])
    {
      g_string_append_len (h->out, h->text + h->copied, end - h->copied);
      g_string_append (h->out, PB_SEARCH_MATCH_END);
      h->copied = end;
      /* After the last span the rest of the text is copied as it is. */
      if (++h->next == h->n_spans)
        return SQLITE_DONE;
    }
  return SQLITE_OK;
}

/* pb_search_highlight (table, job): the texts of the job with their spans
 * marked, split into tokens by the table's own tokenizer. Called once, on
 * any row of the table. Returns NULL. */
static void
highlight_rows (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                sqlite3_context         *context,
                int                      n_args,
                sqlite3_value          **args)
{
  HighlightJob *job = n_args == 1 ? sqlite3_value_pointer (args[0], HIGHLIGHT_POINTER_TYPE) : NULL;

  if (job == NULL)
    {
      sqlite3_result_error (context, "pb_search_highlight: not a search's rows", -1);
      return;
    }

  for (guint i = 0; i < job->n_items; i++)
    {
      HighlightItem *item = &job->items[i];
      Highlighter h = {
        .out = g_string_sized_new (item->len + 2 * item->n_spans + 1),
        .text = item->text,
        .spans = item->spans,
        .n_spans = item->n_spans,
      };

      if (item->n_spans > 0)
        {
          int rc = api->xTokenize (fts, item->text, (int)item->len, &h, highlight_token);

          if (rc != SQLITE_OK && rc != SQLITE_DONE)
            {
              g_string_free (h.out, TRUE);
              sqlite3_result_error_code (context, rc);
              return;
            }
        }
      g_string_append_len (h.out, item->text + h.copied, item->len - h.copied);
      if (g_utf8_validate (h.out->str, -1, NULL))
        item->highlighted = g_string_free (h.out, FALSE);
      else
        {
          item->highlighted = g_utf8_make_valid (h.out->str, -1);
          g_string_free (h.out, TRUE);
        }
    }

  job->done = TRUE;
  sqlite3_result_null (context);
}

static GMutex register_lock;

/* FTS5 knows an auxiliary function on the connection it is registered
 * on: a statement that names ours fails to prepare until then. */
static sqlite3_stmt *
prepare_with_functions (sqlite3     *db,
                        const char  *sql,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) get_api = NULL;
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    return stmt;
  sqlite3_finalize (stmt);
  /* Any other error is reported as it is. */
  if (strstr (sqlite3_errmsg (db), "no such function") == NULL)
    return pb_db_prepare (db, sql, error);

  if (!(get_api = pb_db_prepare (db, "SELECT fts5 (?1)", error)))
    return NULL;
  sqlite3_bind_pointer (get_api, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (get_api);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, PB_DB_ERROR, PB_DB_ERROR_FAILED, "SQLite's FTS5 has no API");
      return NULL;
    }

  g_mutex_lock (&register_lock);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      api->xCreateFunction (api, "pb_search_rank_row", NULL, rank_row, NULL);
      api->xCreateFunction (api, "pb_search_highlight", NULL, highlight_rows, NULL);
    }
  g_mutex_unlock (&register_lock);

  return stmt != NULL ? stmt : pb_db_prepare (db, sql, error);
}

static int
compare_walk_rows (gconstpointer a,
                   gconstpointer b)
{
  const WalkRow *x = a;
  const WalkRow *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

static void
swap_rows (WalkRow *rows,
           guint    a,
           guint    b)
{
  WalkRow row = rows[a];

  rows[a] = rows[b];
  rows[b] = row;
}

/* Keeps the best @limit of @rows, best first: a heap of the best so far,
 * the worst of them on top, takes each row that beats that one (sorting
 * all 10,000 took longer than ranking them). */
static void
keep_best (GArray *array,
           guint   limit)
{
  WalkRow *rows = (WalkRow *)(gpointer)array->data;
  guint n = 0;

  if (limit == 0)
    {
      g_array_set_size (array, 0);
      return;
    }
  if (array->len > limit)
    {
      for (guint i = 0; i < array->len; i++)
        {
          guint k;

          if (n < limit)
            {
              rows[n] = rows[i];
              for (k = n++; k > 0 && compare_walk_rows (&rows[k], &rows[(k - 1) / 2]) > 0; k = (k - 1) / 2)
                swap_rows (rows, k, (k - 1) / 2);
              continue;
            }
          if (compare_walk_rows (&rows[i], &rows[0]) >= 0)
            continue;

          rows[0] = rows[i];
          for (k = 0;;)
            {
              guint worst = k;

              if (2 * k + 1 < n && compare_walk_rows (&rows[2 * k + 1], &rows[worst]) > 0)
                worst = 2 * k + 1;
              if (2 * k + 2 < n && compare_walk_rows (&rows[2 * k + 2], &rows[worst]) > 0)
                worst = 2 * k + 2;
              if (worst == k)
                break;
              swap_rows (rows, k, worst);
              k = worst;
            }
        }
      g_array_set_size (array, limit);
    }

  g_array_sort (array, compare_walk_rows);
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->phrase_sizes, g_free);
  g_clear_pointer (&walk->idf, g_free);
  g_clear_pointer (&walk->rows, g_array_unref);
  g_clear_pointer (&walk->freqs, g_array_unref);
  g_clear_pointer (&walk->spans, g_array_unref);
}

/* The newest @max_ranked rows of @table_fts matching @match into @walk,
 * ranked, the best @limit of them kept, best first. */
static gboolean
walk_and_rank (sqlite3     *db,
               const char  *table,
               const char  *match,
               guint        max_ranked,
               guint        limit,
               Walk        *walk,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  /* The docsize join is a seek in the same statement, where FTS5's own
   * look-up is a statement of its own for each row. The table name is
   * one of ours, never the user's. */
  sql = g_strdup_printf ("SELECT pb_search_rank_row (%s_fts, ?2, d.sz)"
                         " FROM %s_fts AS f LEFT JOIN %s_fts_docsize AS d ON d.id = f.rowid"
                         " WHERE %s_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?3",
                         table, table, table, table);
  if (!(stmt = prepare_with_functions (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_pointer (stmt, 2, walk, WALK_POINTER_TYPE, NULL);
  sqlite3_bind_int (stmt, 3, (int)MIN (max_ranked, (guint)G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return FALSE;
    }
  if (walk->rows->len == 0)
    return TRUE;

  /* One phrase: the rows that hold it are the rows walked, and when the
   * walk stopped at the bound, those older than the last it took. */
  if (walk->n_phrases == 1)
    {
      gint64 n_hit = walk->rows->len;

      if (walk->rows->len >= max_ranked)
        {
          g_autoptr(sqlite3_stmt) count = NULL;
          g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s_fts"
                                                        " WHERE %s_fts MATCH ?1 AND rowid < ?2",
                                                        table, table);

          if (!(count = pb_db_prepare (db, count_sql, error)))
            return FALSE;
          sqlite3_bind_text (count, 1, match, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (count, 2, g_array_index (walk->rows, WalkRow, walk->rows->len - 1).rowid);
          if ((rc = sqlite3_step (count)) != SQLITE_ROW)
            {
              pb_db_set_error (db, rc, error);
              return FALSE;
            }
          n_hit += sqlite3_column_int64 (count, 0);
        }
      walk->idf[0] = idf_of (walk->n_rows, n_hit);
    }

  /* bm25 (): the same sums in the same order as FTS5's. */
  for (guint r = 0; r < walk->rows->len; r++)
    {
      WalkRow *row = &g_array_index (walk->rows, WalkRow, r);
      const double *freq = &g_array_index (walk->freqs, double, (gsize)r * walk->n_phrases);
      double score = 0.0;

      for (int i = 0; i < walk->n_phrases; i++)
        score += walk->idf[i] * ((freq[i] * (BM25_K1 + 1.0)) /
                                 (freq[i] + BM25_K1 * (1 - BM25_B + BM25_B * row->doc_size / walk->avgdl)));
      row->rank = -1.0 * score;
    }

  /* Ties to the older row, as ORDER BY rank, rowid has them. */
  keep_best (walk->rows, limit);
  return TRUE;
}

static void
clear_ranked_row (gpointer data)
{
  PbRankedRow *row = data;

  g_clear_pointer (&row->report_title, g_free);
  g_clear_pointer (&row->highlighted, g_free);
}

/* The rows of @walk's best @n_best that are still there and not in
 * @skip: their pages, reports and text, highlighted. */
static GArray *
fetch_best (sqlite3     *db,
            const char  *table,
            Walk        *walk,
            guint        n_best,
            GHashTable  *skip,
            GError     **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (PbRankedRow));
  g_autoptr(GArray) fetched = g_array_new (FALSE, TRUE, sizeof (PbRankedRow));
  g_autoptr(GHashTable) order = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) wanted = g_string_new ("[");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) highlight = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *highlight_sql = NULL;
  HighlightJob job = { 0 };
  /* Freed by hand, at the one way out: clang's analyser loses the
   * cleanup of memory it follows from g_new (). */
  HighlightItem *items = NULL;
  guint *which = NULL;
  gboolean ok = FALSE;
  int rc;

  g_array_set_clear_func (ranked, clear_ranked_row);
  g_array_set_clear_func (fetched, clear_ranked_row);

  for (guint i = 0; i < n_best; i++)
    {
      WalkRow *row = &g_array_index (walk->rows, WalkRow, i);

      if (skip != NULL && g_hash_table_contains (skip, &row->rowid))
        continue;
      g_hash_table_insert (order, &row->rowid, GUINT_TO_POINTER (i));
      g_string_append_printf (wanted, "%s%" G_GINT64_FORMAT, wanted->len > 1 ? "," : "", row->rowid);
    }
  g_string_append_c (wanted, ']');
  if (g_hash_table_size (order) == 0)
    return g_steal_pointer (&ranked);

  /* Their pages and reports, and their text, as FTS5 reads it. */
  sql = g_strdup_printf ("SELECT p.id, p.report_id, r.title, p.page_number, p.text"
                         " FROM %s AS p JOIN reports AS r ON r.id = p.report_id"
                         " WHERE p.id IN (SELECT value FROM json_each (?1))",
                         table);
  if (!(stmt = pb_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, wanted->str, (int)wanted->len, SQLITE_STATIC);

  /* In rank order, each row at its rank's place until the gaps go. */
  g_array_set_size (fetched, n_best);
  items = g_new0 (HighlightItem, n_best);
  which = g_new0 (guint, n_best);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      HighlightItem *item = &items[job.n_items];
      gpointer position;
      PbRankedRow *out;
      WalkRow *row;
      const void *blob;
      char *text;
      int n_bytes;
      guint i;

      if (!g_hash_table_lookup_extended (order, &rowid, NULL, &position))
        continue;
      i = GPOINTER_TO_UINT (position);
      row = &g_array_index (walk->rows, WalkRow, i);
      out = &g_array_index (fetched, PbRankedRow, i);
      if (out->rowid != 0 || job.n_items >= n_best)
        continue;

      out->rowid = rowid;
      out->rank = row->rank;
      out->report_id = sqlite3_column_int64 (stmt, 1);
      out->report_title = g_strdup (pb_db_column_text (stmt, 2));
      out->page_number = (guint)sqlite3_column_int (stmt, 3);

      /* The bytes FTS5 would read, mended after highlighting as
       * pb_db_column_text () mends them. */
      blob = sqlite3_column_blob (stmt, 4);
      n_bytes = MAX (sqlite3_column_bytes (stmt, 4), 0);
      text = g_new (char, (gsize)n_bytes + 1);
      if (n_bytes > 0)
        memcpy (text, blob, n_bytes);
      text[n_bytes] = '\0';
      g_ptr_array_add (texts, text);
      item->text = text;
      item->len = (gsize)n_bytes;
      item->spans = &g_array_index (walk->spans, int, 2 * row->first_span);
      item->n_spans = row->n_spans;
      which[job.n_items++] = i;
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      goto out;
    }

  /* Highlighted with FTS5's tokenizer, called on the first of them. */
  if (job.n_items > 0)
    {
      highlight_sql = g_strdup_printf ("SELECT pb_search_highlight (%s_fts, ?1)"
                                       " FROM %s_fts WHERE rowid = ?2",
                                       table, table);
      if (!(highlight = prepare_with_functions (db, highlight_sql, error)))
        goto out;

      job.items = items;
      sqlite3_bind_pointer (highlight, 1, &job, HIGHLIGHT_POINTER_TYPE, NULL);
      sqlite3_bind_int64 (highlight, 2, g_array_index (fetched, PbRankedRow, which[0]).rowid);
      while ((rc = sqlite3_step (highlight)) == SQLITE_ROW)
        ;
      /* Each made is the row's, to free with it. */
      for (guint k = 0; k < job.n_items; k++)
        {
          g_array_index (fetched, PbRankedRow, which[k]).highlighted = items[k].highlighted;
          items[k].highlighted = NULL;
        }
      if (rc != SQLITE_DONE)
        {
          pb_db_set_error (db, rc, error);
          goto out;
        }
    }

  /* A row gone meanwhile is left out; so are all, should the row the
   * tokenizer was called on have gone. */
  for (guint i = 0; job.done && i < n_best; i++)
    {
      PbRankedRow *row = &g_array_index (fetched, PbRankedRow, i);

      if (row->rowid == 0)
        continue;
      g_array_append_val (ranked, *row);
      memset (row, 0, sizeof *row);
    }
  ok = TRUE;

out:
  g_free (items);
  g_free (which);
  return ok ? g_steal_pointer (&ranked) : NULL;
}

/**
 * _pb_search_rank_rows:
 * @db: a library's connection
 * @table: "report_pages" or "report_page_extras" (with its _fts index)
 * @match: an FTS5 MATCH expression
 * @max_ranked: how many of the newest matching rows are ranked
 * @limit: the most rows returned
 * @skip: (nullable) (element-type gint64): rowids to leave out of what is
 *   returned, which still count among the best @limit (rows a caller has)
 * @error: a #GError, or %NULL
 *
 * The best @limit of the @max_ranked newest rows of @table that match
 * @match, as ORDER BY bm25 (), rowid over them would give them, each with
 * its rank (the bm25 () FTS5 gives it), its report and page, and its text
 * as highlight () would mark it with %PB_SEARCH_MATCH_START and
 * %PB_SEARCH_MATCH_END. A row deleted meanwhile is left out.
 *
 * Returns: (transfer full): #PbRankedRow, best first; or %NULL with
 *   @error set (%PB_DB_ERROR)
 */
GArray *
_pb_search_rank_rows (sqlite3     *db,
                      const char  *table,
                      const char  *match,
                      guint        max_ranked,
                      guint        limit,
                      GHashTable  *skip,
                      GError     **error)
{
  Walk walk = {
    .n_phrases = -1,
    .rows = g_array_new (FALSE, FALSE, sizeof (WalkRow)),
    .freqs = g_array_new (FALSE, TRUE, sizeof (double)),
    .spans = g_array_new (FALSE, FALSE, sizeof (int)),
  };
  GArray *ranked = NULL;

  if (walk_and_rank (db, table, match, max_ranked, limit, &walk, error))
    ranked = fetch_best (db, table, &walk, MIN (limit, walk.rows->len), skip, error);
  walk_clear (&walk);

  return ranked;
}
