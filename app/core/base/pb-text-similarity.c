/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-similarity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-text-similarity.h"

/* Ofsted rewords a recommendation it makes again: "Ensure that pathway plans
 * are of good quality" in 2017 becomes "The quality of pathway plans for care
 * leavers" in 2019. What survives the rewording is the set of content words,
 * give or take their endings, so two texts are compared as sets of word
 * stems, with the words every recommendation uses ("ensure", "the",
 * "improve") left out, by the cosine of the sets: the words shared over the
 * geometric mean of the two sets' sizes. Unlike Jaccard's shared-over-all,
 * that does not punish a recommendation for gaining a clause when reworded.
 *
 * A PbTextIndex weighs the words by how few of a collection's texts use
 * them (inverse document frequency), so that "supervision" shared counts
 * for more than "children" shared. */

/* Function words, and the words of Ofsted's recommendation formulas that say
 * nothing of what is to improve. */
static const char * const stop_words[] = {
  "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at",
  "be", "been", "being", "both", "but", "by", "can", "continue", "could", "do", "does",
  "each", "ensure", "ensuring", "every", "for", "from", "further", "has", "have", "how",
  "improve", "improved", "improvement", "improvements", "improves", "improving", "in", "including",
  "into", "is", "it", "its", "make", "makes", "making", "more", "most", "must", "need",
  "needs", "no", "not", "of", "on", "or", "other", "our", "out", "should", "so", "steps",
  "sure", "take", "than", "that", "the", "their", "them", "there", "these", "they", "this",
  "those", "through", "to", "up", "upon", "was", "we", "well", "were", "what", "when",
  "where", "whether", "which", "while", "who", "whom", "will", "with", "within", "would",
  "framework", "national", "outcome", "enabler",
};

static GHashTable *
stop_word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *words = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (words, (gpointer)stop_words[i]);
      g_once_init_leave (&table, words);
    }
  return table;
}

/**
 * pb_text_is_stop_word:
 * @word: a word in lower case
 *
 * Returns: whether @word says nothing of what a recommendation is about
 *   ("the", "ensure", "improve")
 */
gboolean
pb_text_is_stop_word (const char *word)
{
  g_return_val_if_fail (word != NULL, TRUE);
  return g_hash_table_contains (stop_word_table (), word);
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiou", c) != NULL;
}

static gboolean
has_vowel (const char *word,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (is_vowel (word[i]) || (i > 0 && word[i] == 'y'))
      return TRUE;
  return FALSE;
}

static gboolean
ends_with (GString    *word,
           const char *suffix)
{
  gsize n = strlen (suffix);

  return word->len >= n && memcmp (word->str + word->len - n, suffix, n) == 0;
}

/* Replaces @suffix with @by when what is left is at least @min long. */
static gboolean
replace_suffix (GString    *word,
                const char *suffix,
                const char *by,
                gsize       min)
{
  gsize n = strlen (suffix);

  if (!ends_with (word, suffix) || word->len - n < min)
    return FALSE;
  g_string_truncate (word, word->len - n);
  g_string_append (word, by);
  return TRUE;
}

/* "planned" → "plann" → "plan"; but "assessed" keeps its "ss". */
static void
undouble (GString *word)
{
  char last;

  if (word->len < 3)
    return;
  last = word->str[word->len - 1];
  if (last == word->str[word->len - 2] && !is_vowel (last) && strchr ("lsz", last) == NULL)
    g_string_truncate (word, word->len - 1);
}

/* Consonant, vowel, consonant (not w, x or y), and nothing before: a word
 * such as "car" that lost an "e" with its ending. */
static gboolean
short_syllable (GString *word)
{
  const char *w = word->str;

  return word->len == 3 && !is_vowel (w[0]) && is_vowel (w[1]) && !is_vowel (w[2]) &&
         strchr ("wxy", w[2]) == NULL;
}

/**
 * pb_text_stem:
 * @word: a word in lower case
 *
 * A light stemmer in the manner of Porter's, enough that the forms a
 * recommendation's words take when reworded meet: "assessments",
 * "assessed" and "assessing" all give "assess"; "timeliness" and "timely"
 * both give "time"; "effectiveness" and "effectively" both "effect".
 * Words with letters outside ASCII are returned as they are.
 *
 * Returns: (transfer full): the stem of @word
 */
char *
pb_text_stem (const char *word)
{
  /* Derivational endings, longest first, each with what replaces it. */
  static const struct { const char *suffix; const char *by; } endings[] = {
    { "ational", "ate" }, { "ization", "ize" }, { "isation", "ise" }, { "iveness", "ive" },
    { "fulness", "ful" }, { "ousness", "ous" }, { "iness", "y" }, { "ication", "y" },
    { "ation", "ate" },
    { "ition", "" }, { "ement", "" }, { "ment", "" }, { "ness", "" }, { "ency", "" },
    { "ence", "" }, { "ancy", "" }, { "ance", "" }, { "ity", "" }, { "ive", "" },
    { "ate", "" }, { "ful", "" }, { "ous", "" },
    { "ent", "" }, { "ant", "" }, { "ly", "" }, { "al", "" }, { "sion", "s" }, { "tion", "t" },
    { "ory", "" }, { "ic", "" },
  };
  g_autoptr(GString) stem = NULL;
  gboolean changed = TRUE;

  g_return_val_if_fail (word != NULL, NULL);

  for (const char *p = word; *p; p++)
    if ((guchar)*p >= 0x80 || !g_ascii_isalnum (*p))
      return g_strdup (word);

  stem = g_string_new (word);
  if (stem->len <= 3)
    return g_string_free (g_steal_pointer (&stem), FALSE);

  /* Plurals. */
  if (!replace_suffix (stem, "sses", "ss", 2) &&
      !replace_suffix (stem, "ies", "y", 2) &&
      ends_with (stem, "s") && !ends_with (stem, "ss") && !ends_with (stem, "us") &&
      !ends_with (stem, "is"))
    g_string_truncate (stem, stem->len - 1);

  /* Tenses and participles. */
  if ((ends_with (stem, "ing") && stem->len >= 6 && has_vowel (stem->str, stem->len - 3)) ||
      (ends_with (stem, "ed") && !ends_with (stem, "eed") && stem->len >= 5 &&
       has_vowel (stem->str, stem->len - 2)))
    {
      gsize before;

      g_string_truncate (stem, stem->len - (ends_with (stem, "ed") ? 2 : 3));
      before = stem->len;
      undouble (stem);
      /* "caring" → "car" → "care"; but "planning" → "plan" stays. */
      if (stem->len == before && short_syllable (stem))
        g_string_append_c (stem, 'e');
    }

  /* Derivational endings, until none is left to take: "effectiveness" →
   * "effective" → "effect". What remains keeps four letters at least. */
  for (guint round = 0; changed && round < 3; round++)
    {
      changed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (endings) && !changed; i++)
        changed = replace_suffix (stem, endings[i].suffix, endings[i].by, 4);
    }

  if (stem->len > 4 && ends_with (stem, "e"))
    g_string_truncate (stem, stem->len - 1);
  if (stem->len > 3 && ends_with (stem, "y"))
    stem->str[stem->len - 1] = 'i';

  return g_string_free (g_steal_pointer (&stem), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The text without the framework's references: "(outcome 3, national
 * framework)" says where a recommendation sits, not what it is about, and
 * would make any two of one report alike. */
static char *
drop_references (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *open = strchr (p, '(');
      const char *close = open ? strchr (open, ')') : NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      if (g_strstr_len (open, close - open, "framework") == NULL)
        g_string_append_len (out, open, close + 1 - open);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

/**
 * pb_text_words:
 * @text: (nullable): a text, in any case, with any punctuation
 *
 * The text's words as the matcher compares them: folded to lower case
 * without accents, split at everything but letters and digits, stemmed by
 * pb_text_stem(), without stop words or one-letter words, each once.
 *
 * Returns: (transfer full): the stems, sorted, each once; empty for %NULL
 */
GStrv
pb_text_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *plain = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return g_new0 (char *, 1);

  plain = drop_references (text);
  decomposed = g_utf8_normalize (plain, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed ? decomposed : "", -1);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      /* Accents were split off by the normalisation: drop them, so that
       * "rôle" meets "role". */
      if (c != 0 && g_unichar_ismark (c))
        continue;

      if (g_utf8_strlen (word->str, -1) > 1 && !pb_text_is_stop_word (word->str))
        g_ptr_array_add (words, pb_text_stem (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  g_ptr_array_sort (words, compare_strings);
  for (guint i = 0; i < words->len; i++)
    if (unique->len == 0 ||
        strcmp (g_ptr_array_index (words, i), g_ptr_array_index (unique, unique->len - 1)) != 0)
      g_ptr_array_add (unique, g_strdup (g_ptr_array_index (words, i)));
  g_ptr_array_add (unique, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&unique), FALSE);
}

struct _PbTextIndex
{
  GHashTable *document_frequency;   /* stem → count, as GUINT_TO_POINTER */
  guint       n_documents;
};

/**
 * pb_text_index_new:
 *
 * A collection of texts whose word frequencies weigh similarity. An empty
 * index weighs every word alike.
 *
 * Returns: (transfer full): an empty index
 */
PbTextIndex *
pb_text_index_new (void)
{
  PbTextIndex *index = g_new0 (PbTextIndex, 1);

  index->document_frequency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return index;
}

/**
 * pb_text_index_free:
 * @index: (nullable) (transfer full): an index
 */
void
pb_text_index_free (PbTextIndex *index)
{
  if (index == NULL)
    return;
  g_hash_table_unref (index->document_frequency);
  g_free (index);
}

/**
 * pb_text_index_add:
 * @index: an index
 * @text: one text of the collection
 *
 * Counts the words of @text: each word counts once per text.
 */
void
pb_text_index_add (PbTextIndex *index,
                   const char  *text)
{
  g_auto(GStrv) words = pb_text_words (text);

  g_return_if_fail (index != NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (index->document_frequency, words[i]));

      g_hash_table_insert (index->document_frequency, g_strdup (words[i]), GUINT_TO_POINTER (n + 1));
    }
  index->n_documents++;
}

/**
 * pb_text_index_get_size:
 * @index: an index
 *
 * Returns: how many texts have been added to it
 */
guint
pb_text_index_get_size (PbTextIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->n_documents;
}

/* A word's weight: 1 in an empty index, more the fewer texts use it. */
static double
weight (PbTextIndex *index,
        const char  *word)
{
  guint df;

  if (index == NULL || index->n_documents == 0)
    return 1.0;
  df = GPOINTER_TO_UINT (g_hash_table_lookup (index->document_frequency, word));
  return 1.0 + log ((index->n_documents + 1.0) / (df + 1.0));
}

static double
cosine (PbTextIndex *index,
        const char  *a,
        const char  *b)
{
  char **wa = pb_text_words (a);
  char **wb = pb_text_words (b);
  double shared = 0, na = 0, nb = 0;
  guint i = 0, j = 0;

  /* Both lists are sorted: walk them together. */
  while (wa[i] != NULL || wb[j] != NULL)
    {
      int order = wa[i] == NULL ? 1 : wb[j] == NULL ? -1 : strcmp (wa[i], wb[j]);
      double w = weight (index, order <= 0 ? wa[i] : wb[j]);

      if (order <= 0)
        na += w * w;
      if (order >= 0)
        nb += w * w;
      if (order == 0)
        shared += w * w;
      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }
  g_strfreev (wa);
  g_strfreev (wb);

  if (na == 0 || nb == 0)
    return 0;
  return shared / sqrt (na * nb);
}

/**
 * pb_text_similarity:
 * @a: a text
 * @b: another
 *
 * The cosine of the two texts' word sets (pb_text_words()), every word
 * weighing the same.
 *
 * Returns: from 0 (no content word shared) to 1 (the same content words)
 */
double
pb_text_similarity (const char *a,
                    const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return cosine (NULL, a, b);
}

/**
 * pb_text_index_similarity:
 * @index: the collection the texts belong to
 * @a: a text
 * @b: another
 *
 * As pb_text_similarity(), with each word weighing 1 + ln ((N + 1) / (n + 1))
 * for a collection of N texts of which n use the word.
 *
 * Returns: from 0 to 1
 */
double
pb_text_index_similarity (PbTextIndex *index,
                          const char  *a,
                          const char  *b)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return cosine (index, a, b);
}

static int
compare_matches_by_a (gconstpointer a,
                      gconstpointer b)
{
  const PbTextMatch *x = a, *y = b;

  return x->a < y->a ? -1 : x->a > y->a;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const PbTextMatch *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/**
 * pb_text_match_lists:
 * @index: (nullable): the collection that weighs the words, or %NULL to
 *   weigh them alike
 * @a: texts, %NULL-terminated
 * @b: other texts, %NULL-terminated
 * @threshold: the least similarity that counts as alike, from 0 to 1
 *
 * Pairs the texts of two lists one to one, the most alike pairs first: a
 * text already paired is not paired again, so that of two recommendations
 * much alike each finds its own counterpart.
 *
 * Returns: (transfer full) (element-type PbTextMatch): the pairs, by @a's
 *   order
 */
GArray *
pb_text_match_lists (PbTextIndex        *index,
                     const char * const *a,
                     const char * const *b,
                     double              threshold)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (PbTextMatch));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (PbTextMatch));
  guint n_a = a ? g_strv_length ((char **)a) : 0;
  guint n_b = b ? g_strv_length ((char **)b) : 0;
  gboolean *used_a = g_new0 (gboolean, n_a + 1);
  gboolean *used_b = g_new0 (gboolean, n_b + 1);

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        PbTextMatch match = { i, j, cosine (index, a[i], b[j]) };

        if (match.score >= threshold)
          g_array_append_val (all, match);
      }

  g_array_sort (all, compare_matches);
  for (guint k = 0; k < all->len; k++)
    {
      PbTextMatch *match = &g_array_index (all, PbTextMatch, k);

      if (used_a[match->a] || used_b[match->b])
        continue;
      used_a[match->a] = used_b[match->b] = TRUE;
      g_array_append_val (pairs, *match);
    }
  g_free (used_a);
  g_free (used_b);

  g_array_sort (pairs, compare_matches_by_a);
  return pairs;
}
