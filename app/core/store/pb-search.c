/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-search-rank-private.h"
#include "pb-search-snippet-private.h"
#include "pb-search.h"
#include "pb-text-fold.h"

/* Library-wide search over the page text index. What a user types is turned
 * into an FTS5 query here, never passed through: every word becomes a quoted
 * string, so punctuation and FTS syntax in it cannot break the query.
 *
 * What is typed is normalised as page text is (pb_text_normalize ()), so that
 * a ligature or a no-break space typed or pasted matches the page. Besides
 * each page's text, search looks in what is indexed for it besides
 * (report_page_extras: the passage across the page break after it, and its
 * words broken by a hyphen at a line end), for the passages a page breaks. */

/* A prefix shorter than this matches so much of the index that a query takes a
 * second ("c*"), so such prefixes are refused with a message instead. */
#define MIN_PREFIX_CHARS 3

/* Ranking is the cost of a search that matches much of a large library:
 * bm25 () is worked out for every matching page (a fraction of a
 * microsecond each, see pb-search-rank.c) before the best are known.
 * A word on nearly every page of a 100,000-page library took 50-90 ms of
 * CPU to rank with FTS5's own bm25 () (tests/bench/bench-search.c). So the pages ranked are at
 * most this many, the most recently imported of those that match: exact
 * for all but the commonest words, and for those, whose weight bm25 ()
 * makes next to nothing, the best of the newest reports' pages. */
#define MAX_RANKED_PAGES 10000

static guint max_ranked_pages = MAX_RANKED_PAGES;

/**
 * _pb_search_set_max_ranked_pages:
 * @n_pages: the most pages a search ranks, at least 1; 0 for the default
 *
 * For tests: sets how many of the newest matching pages a search ranks
 * (see MAX_RANKED_PAGES), for every library in this process.
 */
void
_pb_search_set_max_ranked_pages (guint n_pages)
{
  max_ranked_pages = n_pages > 0 ? MIN (n_pages, (guint)G_MAXINT) : MAX_RANKED_PAGES;
}

struct _PbSearchHit
{
  GObject  parent_instance;
  gint64   rowid;     /* in the table it was found in */
  gint64   report_id;
  char    *report_title;
  guint    page;
  double   rank;
  guint    tier;      /* see match_tier (): 0 is the best */
  char    *snippet;
  char    *highlighted; /* the text it was found in, its matches marked,
                         * until pb_library_search () makes the snippet */
};

G_DEFINE_FINAL_TYPE (PbSearchHit, pb_search_hit, G_TYPE_OBJECT)

static void
pb_search_hit_finalize (GObject *object)
{
  PbSearchHit *self = (PbSearchHit *)object;

  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->highlighted, g_free);

  G_OBJECT_CLASS (pb_search_hit_parent_class)->finalize (object);
}

static void
pb_search_hit_class_init (PbSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_search_hit_finalize;
}

static void
pb_search_hit_init (PbSearchHit *self)
{
}

/**
 * pb_search_hit_get_report_id:
 * @self: a search hit
 *
 * Returns: the id of the report it is in
 */
gint64
pb_search_hit_get_report_id (PbSearchHit *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), 0);
  return self->report_id;
}

/**
 * pb_search_hit_get_report_title:
 * @self: a search hit
 *
 * Returns: that report's title
 */
const char *
pb_search_hit_get_report_title (PbSearchHit *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), NULL);
  return self->report_title;
}

/**
 * pb_search_hit_get_page:
 * @self: a search hit
 *
 * Returns: the page number (from 1) it is on
 */
guint
pb_search_hit_get_page (PbSearchHit *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), 0);
  return self->page;
}

/**
 * pb_search_hit_get_rank:
 * @self: a search hit
 *
 * Returns: how well it matches, as SQLite's FTS5 ranks it (bm25(),
 *   https://www.sqlite.org/fts5.html#the_bm25_function): the lower, the
 *   better
 */
double
pb_search_hit_get_rank (PbSearchHit *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), 0);
  return self->rank;
}

/**
 * pb_search_hit_get_raw_snippet:
 * @self: a search hit
 *
 * Returns: the text around the first match, one line of at most 16 words
 *   taken from the line it is on (a word broken at a line end joined), "…"
 *   where it is cut, each matched term between %PB_SEARCH_MATCH_START and
 *   %PB_SEARCH_MATCH_END
 */
const char *
pb_search_hit_get_raw_snippet (PbSearchHit *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

/**
 * pb_search_hit_dup_snippet:
 * @self: a search hit
 *
 * Returns: (transfer full): the snippet as one line of plain text, without
 *   the match markers
 */
char *
pb_search_hit_dup_snippet (PbSearchHit *self)
{
  GString *out;

  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), NULL);

  out = g_string_new (NULL);
  for (const char *p = self->snippet; *p; p++)
    {
      if (*p == PB_SEARCH_MATCH_START[0] || *p == PB_SEARCH_MATCH_END[0])
        continue;
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * pb_search_hit_dup_snippet_markup:
 * @self: a search hit
 *
 * Returns: (transfer full): the snippet as one line of Pango markup, the
 *   matched terms in bold and the rest escaped
 */
char *
pb_search_hit_dup_snippet_markup (PbSearchHit *self)
{
  g_auto(GStrv) parts = NULL;
  GString *out;

  g_return_val_if_fail (PB_IS_SEARCH_HIT (self), NULL);

  out = g_string_new (NULL);
  parts = g_strsplit_set (self->snippet, PB_SEARCH_MATCH_START PB_SEARCH_MATCH_END, -1);

  /* Splitting on either marker alternates plain and matched parts. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_markup_escape_text (parts[i], -1);

      g_strdelimit (part, "\n", ' ');
      if (i % 2 == 1)
        g_string_append_printf (out, "<b>%s</b>", part);
      else
        g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

static char *word_key (const char *text);

static void
append_term (GString    *query,
             const char *term,
             gsize       len,
             gboolean    prefix)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');

  g_string_append_c (query, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (term[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, term[i]);
    }
  g_string_append_c (query, '"');

  if (prefix)
    g_string_append_c (query, '*');
}

static guint
count_word_chars (const char *text,
                  gsize       len)
{
  guint n = 0;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n++;

  return n;
}

/**
 * pb_search_build_fts_query:
 * @text: what the user typed
 *
 * Words are all required; "a phrase" in double quotes matches as a phrase; a
 * word ending in * matches as a prefix (three characters or more); OR between
 * two words matches either; words bind tighter than OR ("a b OR c" is a and
 * b, or c), as in FTS5. A word, phrase or alternative that changes nothing
 * found (typed again, or asking for all another alternative does and
 * more) is left out: FTS5 would read its pages again each time (a word
 * pasted 400 times took 0.4 s, "adoption OR care" 400 times 11 s).
 *
 * Returns: an FTS5 MATCH expression, or %NULL with @error set.
 */
char *
pb_search_build_fts_query (const char  *text,
                           GError     **error)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normalized = NULL;
  const char *p;
  gboolean pending_or = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = pb_text_normalize (text);
  p = normalized;

  while (*p)
    {
      const char *start;
      gsize len;
      gboolean prefix = FALSE;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (!*p)
        break;

      if (*p == '"')
        {
          start = ++p;
          while (*p && *p != '"')
            p++;
          len = p - start;
          if (*p == '"')
            p++;
        }
      else
        {
          start = p;
          while (*p && !g_ascii_isspace (*p))
            p++;
          len = p - start;
        }

      while (len > 0 && start[len - 1] == '*')
        {
          prefix = TRUE;
          len--;
        }

      if (count_word_chars (start, len) == 0)
        continue;

      if (len == 2 && strncmp (start, "OR", 2) == 0 && !prefix && terms->len > 0)
        {
          pending_or = TRUE;
          continue;
        }

      if (prefix && count_word_chars (start, len) < MIN_PREFIX_CHARS)
        {
          g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_INVALID_QUERY,
                       _("Type at least %d letters before “*”."), MIN_PREFIX_CHARS);
          return NULL;
        }

      {
        g_autoptr(GString) term = g_string_new (NULL);
        g_autofree char *typed = g_strndup (start, len);
        char *key = word_key (typed);

        append_term (term, start, len, prefix);
        g_ptr_array_add (terms, g_strdup (pending_or ? "OR" : ""));
        g_ptr_array_add (terms, g_string_free (g_steal_pointer (&term), FALSE));
        /* What FTS5 will look for, whatever the case and punctuation:
         * "Care," is "care". */
        g_ptr_array_add (terms, g_strconcat (key, prefix ? "*" : "", NULL));
        /* Freed by hand: clang's analyser loses the cleanup of memory it
         * follows from g_malloc (). */
        g_free (key);
        pending_or = FALSE;
      }
    }

  /* terms: triples of the operator before a term ("OR" or ""), the term,
   * and its words as FTS5 reads them. FTS5 binds words together (AND)
   * tighter than OR, so the query is alternatives, each a set of terms
   * that must all appear: "a b OR c" is (a and b) or c. A term typed again
   * within an alternative, an alternative typed again, or one that asks
   * for all another does and more (it finds nothing the other does not)
   * changes nothing found, and each costs FTS5 a reading of its pages:
   * "adoption OR care" typed 400 times took 11 s. They are left out. */
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
    g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
    gboolean *dropped;

    for (guint i = 0; i < terms->len; i += 3)
      {
        const char *op = g_ptr_array_index (terms, i);
        const char *key = g_ptr_array_index (terms, i + 2);

        if (groups->len == 0 || *op != '\0')
          {
            g_ptr_array_add (groups, g_hash_table_new (g_str_hash, g_str_equal));
            g_ptr_array_add (orders, g_ptr_array_new ());
          }
        /* Each term once in its alternative, in the order typed. */
        if (g_hash_table_add (g_ptr_array_index (groups, groups->len - 1), (gpointer)key))
          g_ptr_array_add (g_ptr_array_index (orders, orders->len - 1), GUINT_TO_POINTER (i));
      }

    /* An alternative whose terms include all of another's is left out;
     * of two alike, the later. */
    dropped = g_new0 (gboolean, groups->len);
    for (guint a = 0; a < groups->len; a++)
      for (guint b = 0; b < groups->len && !dropped[a]; b++)
        {
          GHashTable *mine = g_ptr_array_index (groups, a);
          GHashTable *other = g_ptr_array_index (groups, b);
          GHashTableIter iter;
          gpointer key;
          gboolean subset = TRUE;

          if (a == b || dropped[b] || g_hash_table_size (other) > g_hash_table_size (mine))
            continue;
          if (g_hash_table_size (other) == g_hash_table_size (mine) && b > a)
            continue;
          g_hash_table_iter_init (&iter, other);
          while (subset && g_hash_table_iter_next (&iter, &key, NULL))
            subset = g_hash_table_contains (mine, key);
          dropped[a] = subset;
        }

    for (guint a = 0; a < groups->len; a++)
      {
        GPtrArray *order = g_ptr_array_index (orders, a);

        if (dropped[a])
          continue;
        if (query->len > 0)
          g_string_append (query, " OR");
        for (guint k = 0; k < order->len; k++)
          {
            if (query->len > 0)
              g_string_append_c (query, ' ');
            g_string_append (query, g_ptr_array_index (terms, GPOINTER_TO_UINT (g_ptr_array_index (order, k)) + 1));
          }
      }
    /* Freed by hand: clang's analyser loses the cleanup of memory it
     * follows from g_malloc (). */
    g_free (dropped);
  }

  if (query->len == 0)
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_INVALID_QUERY,
                   _("Type a word to search for."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const PbSearchHit *x = *(PbSearchHit * const *)a;
  const PbSearchHit *y = *(PbSearchHit * const *)b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* How many of @hits are of @tier (see match_tier ()). */
static guint
count_tier (GPtrArray *hits,
            guint      tier)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    if (((PbSearchHit *)g_ptr_array_index (hits, i))->tier == tier)
      n++;
  return n;
}

/* A text as words for matching them as typed: lower case, each run of
 * anything but letters and digits (spaces, line ends, punctuation, the
 * match markers) one space, with a space at either end, so that " word "
 * and " two words " are found whole. */
static char *
word_key (const char *text)
{
  /* A character's lower case is at most half as long again in UTF-8
   * (U+023A, 2 bytes, to U+2C65, 3), a run of others one space. */
  char *key = g_malloc (2 * strlen (text) + 3);
  char *out = key;
  const char *p = text;

  *out++ = ' ';
  while (*p)
    {
      /* This runs over the whole text of every hit of two words or more,
       * 400 pages for some searches; ASCII, most of a page, is taken a
       * byte at a time without decoding it. */
      if ((guchar)*p < 0x80)
        {
          char c = *p++;

          if (g_ascii_isalnum (c))
            *out++ = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
          else if (out[-1] != ' ')
            *out++ = ' ';
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            out += g_unichar_to_utf8 (g_unichar_tolower (c), out);
          else if (out[-1] != ' ')
            *out++ = ' ';
          p = g_utf8_next_char (p);
        }
    }
  if (out[-1] != ' ')
    *out++ = ' ';
  *out = '\0';

  return key;
}

/* The words typed, when they are two or more plain words (a phrase in
 * quotes counts as its words) whose order can be matched: NULL for one
 * word, a prefix ("advis*") or OR. */
static GStrv
typed_words (const char *text)
{
  g_autofree char *normalized = pb_text_normalize (text);
  g_autofree char *key = NULL;
  g_auto(GStrv) tokens = NULL;
  g_auto(GStrv) words = NULL;

  if (strchr (normalized, '*') != NULL)
    return NULL;
  tokens = g_strsplit_set (normalized, " \t\n\"", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_str_equal (tokens[i], "OR"))
      return NULL;

  key = word_key (normalized);
  g_strstrip (key);
  words = g_strsplit (key, " ", -1);
  if (g_strv_length (words) < 2)
    return NULL;

  /* Each word once: a word typed 400 times is looked for in every hit's
   * text once, not 400 times. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    GStrvBuilder *builder = g_strv_builder_new ();
    GStrv unique;

    for (guint i = 0; words[i] != NULL; i++)
      if (g_hash_table_add (seen, words[i]))
        g_strv_builder_add (builder, words[i]);
    unique = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return unique;
  }
}

/* How well the text a hit was found in (@highlighted, with its match
 * markers) holds @words as typed, before bm25 () is asked: 0 when it holds
 * them as the phrase typed, 1 when it holds each of them unchanged, 2 when
 * it matches only by their stems or prefixes ("meet" and "disruptions"
 * for "disruption meetings"). Hits are ordered by this first. */
static guint
match_tier (const char *highlighted,
            const char *phrase_key,
            GStrv       words)
{
  char *key;
  guint tier = 1;

  if (words == NULL || highlighted == NULL)
    return 0;

  /* Freed by hand: clang's analyser loses the cleanup of memory it
   * follows from g_malloc (). */
  key = word_key (highlighted);
  if (strstr (key, phrase_key) != NULL)
    tier = 0;
  for (guint i = 0; tier == 1 && words[i] != NULL; i++)
    {
      g_autofree char *word = g_strconcat (" ", words[i], " ", NULL);

      if (strstr (key, word) == NULL)
        tier = 2;
    }
  g_free (key);

  return tier;
}

/* The best @limit hits of @match in @table (report_pages or
 * report_page_extras, each with its _fts index), added to @hits: of the
 * max_ranked_pages newest rows that match, in one walk over them, newest
 * first, ranked by bm25 () (see pb-search-rank.c). */
static gboolean
search_table (sqlite3     *db,
              const char  *table,
              const char  *match,
              GStrv        words,
              guint        limit,
              GHashTable  *skip,
              GPtrArray   *hits,
              GError     **error)
{
  g_autofree char *phrase_key = NULL;
  g_autoptr(GArray) rows = NULL;

  if (!(rows = _pb_search_rank_rows (db, table, match, max_ranked_pages, limit, skip, error)))
    return FALSE;

  if (words != NULL)
    {
      g_autofree char *joined = g_strjoinv (" ", words);
      phrase_key = g_strconcat (" ", joined, " ", NULL);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PbRankedRow *row = &g_array_index (rows, PbRankedRow, i);
      PbSearchHit *hit = g_object_new (PB_TYPE_SEARCH_HIT, NULL);

      hit->rowid = row->rowid;
      hit->report_id = row->report_id;
      hit->report_title = g_steal_pointer (&row->report_title);
      hit->page = row->page_number;
      hit->rank = row->rank;
      hit->highlighted = g_steal_pointer (&row->highlighted);
      hit->tier = match_tier (hit->highlighted, phrase_key, words);
      g_ptr_array_add (hits, hit);
    }

  return TRUE;
}

/* "report id:page number" of the page @offset pages after @hit's. */
static char *
page_key (PbSearchHit *hit,
          guint        offset)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%u", hit->report_id, hit->page + offset);
}

/* Adds to @hits each of @more (in its order) on a page that none of @hits
 * is on, nor one added before it; with @or_next_page, nor on the page
 * after it either (an extra passage across a page break is the hit on
 * the next page that holds the rest of it). */
static void
add_other_pages (GPtrArray *hits,
                 GPtrArray *more,
                 gboolean   or_next_page)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (seen, page_key (g_ptr_array_index (hits, i), 0));

  for (guint i = 0; i < more->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (more, i);
      g_autofree char *here = page_key (hit, 0);
      g_autofree char *next = or_next_page ? page_key (hit, 1) : NULL;

      if (g_hash_table_contains (seen, here) ||
          (next != NULL && g_hash_table_contains (seen, next)))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&here));
      g_ptr_array_add (hits, g_object_ref (hit));
    }
}

/**
 * pb_library_search:
 * @limit: the most hits to return
 *
 * Searches the text of every page in the library for @text (see
 * pb_search_build_fts_query () for what may be typed).
 *
 * Returns: (transfer container): #PbSearchHit, best first: for two words
 *   or more, the pages that hold them as the phrase typed, then those that
 *   hold each word unchanged, then those that match only by stems or
 *   prefixes; within each, by bm25 () (pb_search_hit_get_rank ()). %NULL
 *   with @error set (%PB_LIBRARY_ERROR_INVALID_QUERY, or a database error).
 */
GPtrArray *
pb_library_search (PbLibrary   *library,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *match = NULL;
  g_auto(GStrv) words = NULL;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!(match = pb_search_build_fts_query (text, error)))
    return NULL;

  db = _pb_library_get_db (library);
  hits = g_ptr_array_new_with_free_func (g_object_unref);
  words = typed_words (text);

  /* Two words or more: the pages that have them as a phrase first, found
   * by a phrase query of their own (cheap, as few pages match it), so that
   * they are among the hits however many pages match the words apart;
   * then the rest, each hit ordered by match_tier () before bm25 (). */
  if (words != NULL)
    {
      g_autofree char *joined = g_strjoinv (" ", words);
      g_autofree char *phrase = g_strdup_printf ("\"%s\"", joined);

      if (!g_str_equal (phrase, match) &&
          !search_table (db, "report_pages", phrase, words, limit, NULL, hits, error))
        return NULL;
    }

  /* As many pages with the phrase as were asked for: no other page can
   * rank above them, so the words apart need no query of their own (a
   * phrase on most pages of a large library would cost two). */
  if (count_tier (hits, 0) < limit)
    {
      g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);

      /* The pages the phrase is on are hits already: the words apart
       * find them again, to be passed over (add_other_pages ()), so
       * they are not highlighted again. */
      for (guint i = 0; i < hits->len; i++)
        g_hash_table_add (found, &((PbSearchHit *)g_ptr_array_index (hits, i))->rowid);
      if (!search_table (db, "report_pages", match, words, limit, found, rest, error))
        return NULL;
      add_other_pages (hits, rest, FALSE);

      if (words != NULL)
        g_ptr_array_sort (hits, compare_rank);
      if (hits->len > limit)
        g_ptr_array_set_size (hits, limit);
    }

  /* The passages only a page's extras hold. While the page hits are all
   * there are, an extra hit on a page (or on the page after it, for the text
   * across a page break) that has a hit of its own is the same hit. */
  if (hits->len < limit)
    {
      g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_object_unref);

      if (!search_table (db, "report_page_extras", match, words, limit, NULL, extras, error))
        return NULL;
      add_other_pages (hits, extras, TRUE);

      g_ptr_array_sort (hits, compare_rank);
      if (hits->len > limit)
        g_ptr_array_set_size (hits, limit);
    }

  /* Snippets for the hits returned only: two words or more may have
   * found twice as many. */
  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);

      hit->snippet = _pb_search_snippet_from_highlight (hit->highlighted);
      g_clear_pointer (&hit->highlighted, g_free);
    }

  return g_steal_pointer (&hits);
}
