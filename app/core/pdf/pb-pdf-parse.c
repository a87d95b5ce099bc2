/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-parse"

#include "config.h"

#include <string.h>

#include "pb-pdf-file-private.h"

/* Reading PDF values (numbers, names, strings, arrays, dictionaries,
 * references) from bytes, each with where it is in them, so that a value can
 * be copied or replaced as written. Nothing is decrypted. */

#define MAX_DEPTH 64

void
_pb_pdf_value_free (PbPdfValue *value)
{
  if (value == NULL)
    return;
  g_free (value->name);
  g_clear_pointer (&value->items, g_ptr_array_unref);
  g_free (value);
}

/* Like strstr, over bytes that may hold nuls (streams do). */
const char *
_pb_pdf_find_bytes (const char *haystack,
                    gsize       len,
                    const char *needle)
{
  gsize n = strlen (needle);
  const char *end = haystack + len;

  for (const char *p = haystack; p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + n > end)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }

  return NULL;
}

gboolean
_pb_pdf_is_white (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

gboolean
_pb_pdf_is_delim (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != '\0';
}

void
_pb_pdf_skip_white (PbPdfParser *p)
{
  while (p->pos < p->len)
    {
      char c = p->data[p->pos];

      if (c == '%')
        {
          while (p->pos < p->len && p->data[p->pos] != '\n' && p->data[p->pos] != '\r')
            p->pos++;
        }
      else if (_pb_pdf_is_white (c))
        p->pos++;
      else
        break;
    }
}

/* A run of regular characters: a number or keyword. */
static gsize
token_end (PbPdfParser *p,
           gsize   pos)
{
  while (pos < p->len && !_pb_pdf_is_white (p->data[pos]) && !_pb_pdf_is_delim (p->data[pos]))
    pos++;
  return pos;
}

gboolean
_pb_pdf_read_int (PbPdfParser *p,
                  gsize   pos,
                  gint64 *value,
                  gsize  *end)
{
  gsize e = token_end (p, pos);

  if (e == pos || e - pos > 18)
    return FALSE;
  for (gsize i = pos; i < e; i++)
    if (!g_ascii_isdigit (p->data[i]))
      return FALSE;
  *value = g_ascii_strtoll (p->data + pos, NULL, 10);
  *end = e;
  return TRUE;
}

static PbPdfValue *
new_value (PbPdfType type,
           gsize     start)
{
  PbPdfValue *value = g_new0 (PbPdfValue, 1);

  value->type = type;
  value->start = start;
  return value;
}


static PbPdfValue *
parse_container (PbPdfParser     *p,
                 PbPdfType   type,
                 const char *close,
                 int         depth)
{
  PbPdfValue *value = new_value (type, p->pos);

  value->items = g_ptr_array_new_with_free_func ((GDestroyNotify)_pb_pdf_value_free);
  p->pos += type == PB_PDF_DICT ? 2 : 1;

  for (;;)
    {
      PbPdfValue *item;

      _pb_pdf_skip_white (p);
      if (p->pos >= p->len)
        break;
      if (strncmp (p->data + p->pos, close, strlen (close)) == 0)
        {
          p->pos += strlen (close);
          value->end = p->pos;
          return value;
        }
      if (!(item = _pb_pdf_parse_value (p, depth + 1)))
        break;
      g_ptr_array_add (value->items, item);
    }

  _pb_pdf_value_free (value);
  return NULL;
}

PbPdfValue *
_pb_pdf_parse_value (PbPdfParser *p,
                     int     depth)
{
  gsize start;
  char c;

  if (depth > MAX_DEPTH)
    return NULL;

  _pb_pdf_skip_white (p);
  if (p->pos >= p->len)
    return NULL;

  start = p->pos;
  c = p->data[p->pos];

  if (c == '/')
    {
      PbPdfValue *value = new_value (PB_PDF_NAME, start);
      gsize e = token_end (p, p->pos + 1);
      GString *name = g_string_new (NULL);

      for (gsize i = p->pos + 1; i < e; i++)
        {
          if (p->data[i] == '#' && i + 2 < e && g_ascii_isxdigit (p->data[i + 1]) &&
              g_ascii_isxdigit (p->data[i + 2]))
            {
              g_string_append_c (name, (char)(g_ascii_xdigit_value (p->data[i + 1]) * 16 +
                                               g_ascii_xdigit_value (p->data[i + 2])));
              i += 2;
            }
          else
            g_string_append_c (name, p->data[i]);
        }
      value->name = g_string_free (name, FALSE);
      p->pos = value->end = e;
      return value;
    }

  if (c == '(')
    {
      PbPdfValue *value = new_value (PB_PDF_STRING, start);
      int nesting = 0;

      for (; p->pos < p->len; p->pos++)
        {
          char s = p->data[p->pos];

          if (s == '\\')
            p->pos++;
          else if (s == '(')
            nesting++;
          else if (s == ')' && --nesting == 0)
            break;
        }
      if (p->pos >= p->len)
        {
          _pb_pdf_value_free (value);
          return NULL;
        }
      p->pos++;
      value->end = p->pos;
      return value;
    }

  if (c == '<' && p->pos + 1 < p->len && p->data[p->pos + 1] == '<')
    return parse_container (p, PB_PDF_DICT, ">>", depth);

  if (c == '<')
    {
      PbPdfValue *value = new_value (PB_PDF_HEX_STRING, start);
      const char *close = memchr (p->data + p->pos, '>', p->len - p->pos);

      if (close == NULL)
        {
          _pb_pdf_value_free (value);
          return NULL;
        }
      p->pos = value->end = close - p->data + 1;
      return value;
    }

  if (c == '[')
    return parse_container (p, PB_PDF_ARRAY, "]", depth);

  if (g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.')
    {
      PbPdfValue *value = new_value (PB_PDF_NUMBER, start);
      gsize e = token_end (p, p->pos);
      gint64 num, gen;
      gsize after_num, after_gen;

      /* "12 0 R" is a reference. */
      if (_pb_pdf_read_int (p, p->pos, &num, &after_num))
        {
          PbPdfParser q = *p;

          q.pos = after_num;
          _pb_pdf_skip_white (&q);
          if (q.pos > after_num && _pb_pdf_read_int (&q, q.pos, &gen, &after_gen))
            {
              q.pos = after_gen;
              _pb_pdf_skip_white (&q);
              if (q.pos > after_gen && q.pos < q.len && q.data[q.pos] == 'R' &&
                  (q.pos + 1 >= q.len || _pb_pdf_is_white (q.data[q.pos + 1]) || _pb_pdf_is_delim (q.data[q.pos + 1])))
                {
                  value->type = PB_PDF_REF;
                  value->ref_num = (int)num;
                  value->ref_gen = (int)gen;
                  p->pos = value->end = q.pos + 1;
                  return value;
                }
            }
        }

      value->number = g_ascii_strtod (p->data + p->pos, NULL);
      p->pos = value->end = e;
      return value;
    }

  {
    gsize e = token_end (p, p->pos);
    gsize n = e - p->pos;
    PbPdfValue *value;

    if (n == 4 && strncmp (p->data + p->pos, "true", 4) == 0)
      (value = new_value (PB_PDF_BOOL, start))->number = 1;
    else if (n == 5 && strncmp (p->data + p->pos, "false", 5) == 0)
      value = new_value (PB_PDF_BOOL, start);
    else if (n == 4 && strncmp (p->data + p->pos, "null", 4) == 0)
      value = new_value (PB_PDF_NULL, start);
    else
      return NULL;

    p->pos = value->end = e;
    return value;
  }
}

/**
 * _pb_pdf_dict_get:
 *
 * Returns: (transfer none) (nullable): the value of @key in @dict
 */
PbPdfValue *
_pb_pdf_dict_get (const PbPdfValue *dict,
                  const char       *key)
{
  if (dict == NULL || dict->type != PB_PDF_DICT)
    return NULL;

  for (guint i = 0; i + 1 < dict->items->len; i += 2)
    {
      PbPdfValue *k = g_ptr_array_index (dict->items, i);

      if (k->type == PB_PDF_NAME && g_str_equal (k->name, key))
        return g_ptr_array_index (dict->items, i + 1);
    }

  return NULL;
}

gboolean
_pb_pdf_is_name (const PbPdfValue *value,
                 const char       *name)
{
  return value != NULL && value->type == PB_PDF_NAME && g_str_equal (value->name, name);
}

/* A literal or hex string's text, from PDFDocEncoding (taken as Latin-1) or
 * UTF-16 with its byte-order mark. */
char *
_pb_pdf_string_text (GBytes           *buffer,
                     const PbPdfValue *value)
{
  const char *data = g_bytes_get_data (buffer, NULL);
  g_autoptr(GByteArray) raw = g_byte_array_new ();

  if (value->type == PB_PDF_HEX_STRING)
    {
      int high = -1;

      for (gsize i = value->start + 1; i + 1 < value->end; i++)
        {
          if (!g_ascii_isxdigit (data[i]))
            continue;
          if (high < 0)
            high = g_ascii_xdigit_value (data[i]);
          else
            {
              guint8 byte = (guint8)(high * 16 + g_ascii_xdigit_value (data[i]));
              g_byte_array_append (raw, &byte, 1);
              high = -1;
            }
        }
    }
  else
    {
      for (gsize i = value->start + 1; i + 1 < value->end; i++)
        {
          guint8 byte = (guint8)data[i];

          if (byte == '\\' && i + 2 < value->end)
            {
              char e = data[++i];

              if (e >= '0' && e <= '7')
                {
                  int octal = 0;

                  for (int k = 0; k < 3 && i + 1 < value->end && data[i] >= '0' && data[i] <= '7'; k++, i++)
                    octal = octal * 8 + (data[i] - '0');
                  i--;
                  byte = (guint8)octal;
                }
              else if (e == '\r' || e == '\n')
                continue;
              else
                byte = (guint8)(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' :
                                e == 'b' ? '\b' : e == 'f' ? '\f' : e);
            }
          g_byte_array_append (raw, &byte, 1);
        }
    }

  if (raw->len >= 2 && raw->data[0] == 0xFE && raw->data[1] == 0xFF)
    return g_convert ((const char *)raw->data + 2, raw->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  return g_convert ((const char *)raw->data, raw->len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}
