/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-fold"

#include "config.h"

#include <string.h>

#include "pb-text-fold.h"

/* The one place that says which characters of a report are the same text.
 *
 * Two rules live here, and everything that reads or matches page text uses
 * them, so that search, quote matching, highlight placement and structure
 * reading can never disagree:
 *
 *  - normalising: what a page's characters become in its reading text.
 *    Ligature glyphs become their letters, soft hyphens and the invisible
 *    marks of bidirectional text go, the many kinds of space become one.
 *    The page builder applies it to every character it reads, and search
 *    applies it to what the user types.
 *
 *  - folding, into a key: what two passages must share to be the same words.
 *    Only letters and digits count, without case or accents, so that a quote
 *    typed with ' " - and spaces matches ’ “ ” – and line breaks on the page.
 *    Each character of a key remembers which character of the text it came
 *    from, so that a match can be turned back into a place on the page.
 *
 * The full-text index folds case and accents itself, and splits words at the
 * same punctuation; what it is given has been normalised by the first rule. */

struct _PbTextKey
{
  gunichar *chars;
  guint    *origin;       /* the index (in characters) of each one's source */
  guint8   *word_start;   /* whether each one begins a word */
  guint     len;
  guint     size;
};


/* Text from outside (a damaged library, a command line in another locale)
 * may not be UTF-8, and stepping through such bytes as UTF-8 could read
 * past the end: it is mended first, each bad byte becoming U+FFFD. Returns
 * @text itself when it is valid, else the mended copy, kept in @mended. */
static const char *
mend_utf8 (const char  *text,
           char       **mended)
{
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *mended = g_utf8_make_valid (text, -1);
  return *mended;
}

/**
 * pb_text_normalize_char:
 * @c: a character of a page
 * @out: (out caller-allocates) (array fixed-size=4): what it becomes
 *
 * The reading-text rule for one character: ligatures become letters, spaces
 * of every kind a plain space, control and private-use characters (symbol
 * fonts' bullets and ticks) a space, and soft hyphens, zero-width characters
 * and bidirectional marks nothing. Line breaks and every other character stay.
 *
 * Returns: how many characters @c becomes, from 0 to %PB_TEXT_MAX_EXPANSION
 */
guint
pb_text_normalize_char (gunichar  c,
                        gunichar *out)
{
  if (c < 0x80)
    {
      out[0] = (c == '\t' || (c < 0x20 && c != '\n' && c != '\r') || c == 0x7F) ? ' ' : c;
      return 1;
    }

  switch (c)
    {
    case 0x00AD:                    /* soft hyphen: a place a word may break */
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x200E: case 0x200F:       /* left-to-right and right-to-left marks */
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return 0;

    case 0xFB00: out[0] = 'f'; out[1] = 'f'; return 2;
    case 0xFB01: out[0] = 'f'; out[1] = 'i'; return 2;
    case 0xFB02: out[0] = 'f'; out[1] = 'l'; return 2;
    case 0xFB03: out[0] = 'f'; out[1] = 'f'; out[2] = 'i'; return 3;
    case 0xFB04: out[0] = 'f'; out[1] = 'f'; out[2] = 'l'; return 3;
    case 0xFB05:
    case 0xFB06: out[0] = 's'; out[1] = 't'; return 2;

    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      out[0] = ' ';
      return 1;

    default:
      break;
    }

  if ((c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
      g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_PRIVATE_USE)
    out[0] = ' ';
  else
    out[0] = c;

  return 1;
}

/**
 * pb_text_normalize:
 * @text: UTF-8 text
 *
 * Applies pb_text_normalize_char() to every character of @text.
 *
 * Returns: (transfer full): the normalised text
 */
char *
pb_text_normalize (const char *text)
{
  g_autofree char *mended = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  text = mend_utf8 (text, &mended);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar chars[PB_TEXT_MAX_EXPANSION];
      guint n;

      /* Printable ASCII stays as it is. */
      if ((guchar)*p >= 0x20 && (guchar)*p < 0x7F)
        {
          g_string_append_c (out, *p);
          continue;
        }

      n = pb_text_normalize_char (g_utf8_get_char (p), chars);
      for (guint i = 0; i < n; i++)
        g_string_append_unichar (out, chars[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * pb_text_is_hyphen:
 *
 * Whether @c is a hyphen that can break a word at the end of a line (a dash
 * cannot: "2018 –" is not a broken word).
 */
gboolean
pb_text_is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/**
 * pb_text_to_plain:
 * @text: UTF-8 text
 *
 * Normalised text with typographic punctuation made plain: curly apostrophes
 * and quotes become ' and ", dashes and hyphens -. For reading words with
 * patterns written in plain ASCII.
 *
 * Returns: (transfer full): the plain text
 */
char *
pb_text_to_plain (const char *text)
{
  g_autofree char *mended = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  text = mend_utf8 (text, &mended);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar chars[PB_TEXT_MAX_EXPANSION];
      guint n;

      if ((guchar)*p >= 0x20 && (guchar)*p < 0x7F)
        {
          g_string_append_c (out, *p);
          continue;
        }

      n = pb_text_normalize_char (g_utf8_get_char (p), chars);
      for (guint i = 0; i < n; i++)
        {
          gunichar c = chars[i];

          if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032)
            c = '\'';
          else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033)
            c = '"';
          else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
            c = '-';
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

static void
key_append (PbTextKey *key,
            gunichar   c,
            guint      origin,
            gboolean   word_start)
{
  if (key->len == key->size)
    {
      key->size = MAX (64, key->size * 2);
      key->chars = g_renew (gunichar, key->chars, key->size);
      key->origin = g_renew (guint, key->origin, key->size);
      key->word_start = g_renew (guint8, key->word_start, key->size);
    }

  key->chars[key->len] = c;
  key->origin[key->len] = origin;
  key->word_start[key->len] = word_start;
  key->len++;
}

typedef enum
{
  FOLDED_SEPARATOR,   /* anything but a letter or digit: it separates words */
  FOLDED_LETTER,
  FOLDED_NOTHING,     /* a combining mark on its own */
} Folded;

/* The key rule for one normalised character: into @out (at least
 * G_UNICHAR_MAX_DECOMPOSITION_LENGTH + 1 long) go its letters and digits,
 * lower case and without accents. */
static Folded
fold_char (gunichar  c,
           gunichar *out,
           guint    *n_out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  *n_out = 0;

  if (c < 0x80)
    {
      if (!g_ascii_isalnum (c))
        return FOLDED_SEPARATOR;
      out[(*n_out)++] = g_ascii_tolower (c);
      return FOLDED_LETTER;
    }

  /* Compatibility decomposition, without the accents: "é" and "e", "²" and
   * "2" are the same letter. */
  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_ismark (d))
        continue;
      if (!g_unichar_isalnum (d))
        return *n_out > 0 ? FOLDED_LETTER : FOLDED_SEPARATOR;

      if (d == 0x00DF || d == 0x1E9E)
        {
          out[(*n_out)++] = 's';
          out[(*n_out)++] = 's';
        }
      else
        {
          out[(*n_out)++] = g_unichar_tolower (d);
        }
    }

  return *n_out > 0 ? FOLDED_LETTER : FOLDED_NOTHING;
}

/**
 * pb_text_key_new:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Folds @text into a key for matching: its letters and digits, lower case and
 * without accents, each knowing the character of @text it came from.
 *
 * Returns: (transfer full): the key
 */
PbTextKey *
pb_text_key_new (const char *text,
                 gssize      length)
{
  PbTextKey *key = g_new0 (PbTextKey, 1);
  g_autofree char *mended = NULL;
  const char *end;
  gboolean separated = TRUE;
  guint index = 0;

  g_return_val_if_fail (text != NULL, key);

  if (length >= 0 && !g_utf8_validate_len (text, length, NULL))
    {
      mended = g_utf8_make_valid (text, length);
      text = mended;
      length = -1;
    }
  else if (length < 0)
    text = mend_utf8 (text, &mended);
  end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end && *p; p = g_utf8_next_char (p), index++)
    {
      gunichar chars[PB_TEXT_MAX_EXPANSION];
      guint n = pb_text_normalize_char (g_utf8_get_char (p), chars);

      for (guint i = 0; i < n; i++)
        {
          gunichar folded[G_UNICHAR_MAX_DECOMPOSITION_LENGTH + 1];
          guint n_folded;
          Folded kind = fold_char (chars[i], folded, &n_folded);

          for (guint k = 0; k < n_folded; k++)
            key_append (key, folded[k], index, separated && k == 0);
          if (kind != FOLDED_NOTHING)
            separated = kind == FOLDED_SEPARATOR;
        }
    }

  return key;
}

/**
 * pb_text_key_free:
 * @key: (transfer full) (nullable): a key
 */
void
pb_text_key_free (PbTextKey *key)
{
  if (key == NULL)
    return;
  g_free (key->chars);
  g_free (key->origin);
  g_free (key->word_start);
  g_free (key);
}

/**
 * pb_text_key_get_length:
 *
 * Returns: how many letters and digits the key has
 */
guint
pb_text_key_get_length (const PbTextKey *key)
{
  g_return_val_if_fail (key != NULL, 0);
  return key->len;
}

/**
 * pb_text_key_get_origin:
 * @position: a position in @key, below its length
 *
 * Returns: the index, in characters from 0, of the character of the text the
 *   key's character at @position came from
 */
guint
pb_text_key_get_origin (const PbTextKey *key,
                        guint            position)
{
  g_return_val_if_fail (key != NULL && position < key->len, 0);
  return key->origin[position];
}

/**
 * pb_text_key_is_word_start:
 * @position: a position in @key
 *
 * Returns: whether the key's character at @position begins a word of the
 *   text (the text has a space or punctuation before it, or nothing)
 */
gboolean
pb_text_key_is_word_start (const PbTextKey *key,
                           guint            position)
{
  return position < key->len && key->word_start[position];
}

/**
 * pb_text_key_is_word_end:
 * @position: a position in @key, up to its length
 *
 * Returns: whether the key's characters before @position end a word: at the
 *   end of the key, or before a character that starts one
 */
gboolean
pb_text_key_is_word_end (const PbTextKey *key,
                         guint            position)
{
  return position >= key->len || key->word_start[position];
}

/**
 * pb_text_key_has_at:
 *
 * Whether @needle's characters from @needle_start to @needle_end (exclusive)
 * are @haystack's from @position.
 */
gboolean
pb_text_key_has_at (const PbTextKey *haystack,
                    guint            position,
                    const PbTextKey *needle,
                    guint            needle_start,
                    guint            needle_end)
{
  guint n;

  g_return_val_if_fail (needle_start <= needle_end && needle_end <= needle->len, FALSE);

  n = needle_end - needle_start;
  return position + n <= haystack->len &&
         memcmp (haystack->chars + position, needle->chars + needle_start, n * sizeof (gunichar)) == 0;
}

/**
 * pb_text_key_find:
 * @from: the position in @haystack to look from
 * @out_start: (out) (optional): where the match starts in @haystack
 * @out_end: (out) (optional): where it ends (exclusive)
 *
 * Finds the first place at or after @from where @haystack has @needle.
 *
 * Returns: whether there is one; never for an empty @needle
 */
gboolean
pb_text_key_find (const PbTextKey *haystack,
                  const PbTextKey *needle,
                  guint            from,
                  PbTextFindFlags  flags,
                  guint           *out_start,
                  guint           *out_end)
{
  gboolean whole_words = (flags & PB_TEXT_FIND_WHOLE_WORDS) != 0;

  g_return_val_if_fail (haystack != NULL && needle != NULL, FALSE);

  if (needle->len == 0 || needle->len > haystack->len)
    return FALSE;

  for (guint s = from; s + needle->len <= haystack->len; s++)
    {
      if (haystack->chars[s] != needle->chars[0] ||
          (whole_words && !haystack->word_start[s]))
        continue;

      if (memcmp (haystack->chars + s, needle->chars, needle->len * sizeof (gunichar)) == 0 &&
          (!whole_words || pb_text_key_is_word_end (haystack, s + needle->len)))
        {
          if (out_start != NULL)
            *out_start = s;
          if (out_end != NULL)
            *out_end = s + needle->len;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pb_text_find:
 * @text: the text to look in
 * @quote: the words to find, typed any way (see the key rule above)
 * @out_start: (out) (optional): the byte offset in @text where the match's
 *   first letter is
 * @out_end: (out) (optional): the byte offset just after its last letter
 *
 * Returns: whether @text holds @quote's words; never for a quote with no
 *   letter or digit
 */
gboolean
pb_text_find (const char      *text,
              const char      *quote,
              PbTextFindFlags  flags,
              gsize           *out_start,
              gsize           *out_end)
{
  g_autofree char *mended = NULL;
  PbTextKey *haystack;
  PbTextKey *needle;
  guint start, end;
  gboolean found;

  g_return_val_if_fail (text != NULL && quote != NULL, FALSE);

  /* The offsets are into @text: text that is not UTF-8 has none to give. */
  if (mend_utf8 (text, &mended) != text)
    return FALSE;

  haystack = pb_text_key_new (text, -1);
  needle = pb_text_key_new (quote, -1);

  found = pb_text_key_find (haystack, needle, 0, flags, &start, &end);
  if (found && out_start != NULL)
    *out_start = g_utf8_offset_to_pointer (text, pb_text_key_get_origin (haystack, start)) - text;
  if (found && out_end != NULL)
    {
      const char *last = g_utf8_offset_to_pointer (text, pb_text_key_get_origin (haystack, end - 1));
      *out_end = g_utf8_next_char (last) - text;
    }

  pb_text_key_free (needle);
  pb_text_key_free (haystack);
  return found;
}

/**
 * pb_text_fingerprint_fold:
 * @page: (nullable): a page's text, UTF-8 or not
 *
 * What pb_text_fingerprint () hashes of a page: its letters and digits,
 * folded as search folds them. Pages can be folded on any thread, then
 * hashed in order with pb_text_fingerprint_of_folded ().
 *
 * Returns: (transfer full): the folded text, UTF-8, maybe ""
 */
char *
pb_text_fingerprint_fold (const char *page)
{
  g_autofree char *mended = NULL;
  GString *folded = g_string_new (NULL);

  page = mend_utf8 (page ? page : "", &mended);
  for (const char *p = page; *p; p = g_utf8_next_char (p))
    {
      gunichar chars[PB_TEXT_MAX_EXPANSION];
      guint n;

      /* ASCII: its letters and digits, lower case. */
      if ((guchar)*p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (folded, g_ascii_tolower (*p));
          continue;
        }

      n = pb_text_normalize_char (g_utf8_get_char (p), chars);

      for (guint k = 0; k < n; k++)
        {
          gunichar out[G_UNICHAR_MAX_DECOMPOSITION_LENGTH + 1];
          guint n_out;

          fold_char (chars[k], out, &n_out);
          for (guint j = 0; j < n_out; j++)
            g_string_append_unichar (folded, out[j]);
        }
    }

  return g_string_free (folded, FALSE);
}

/**
 * pb_text_fingerprint_of_folded:
 * @folded: (array length=n_pages): each page's pb_text_fingerprint_fold ()
 *
 * Returns: (transfer full) (nullable): pb_text_fingerprint () of the pages
 *   folded
 */
char *
pb_text_fingerprint_of_folded (const char * const *folded,
                               guint               n_pages)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize total = 0;

  for (guint i = 0; i < n_pages; i++)
    {
      gsize len = strlen (folded[i]);

      g_checksum_update (checksum, (const guchar *)folded[i], len);
      g_checksum_update (checksum, (const guchar *)"\f", 1);
      total += len;
    }

  if (total < 32)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * pb_text_fingerprint:
 * @pages: (array length=n_pages): each page's text
 *
 * A checksum of the words of @pages, the same for two files that print the
 * same words on the same pages, whatever else differs between them (the dates
 * and identifiers a PDF is saved with, its layout of objects, typography).
 *
 * Returns: (transfer full) (nullable): 64 hex digits; %NULL for pages with
 *   hardly any words (scans), which must never match each other
 */
char *
pb_text_fingerprint (const char * const *pages,
                     guint               n_pages)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (folded, pb_text_fingerprint_fold (pages[i]));

  return pb_text_fingerprint_of_folded ((const char * const *)folded->pdata, folded->len);
}
