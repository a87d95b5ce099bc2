/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-file"

#include "config.h"

#include <string.h>

#include "pb-pdf-file-private.h"

/* A small reader of a PDF's objects, for the few things poppler-glib cannot
 * do and an annotated copy needs:
 *
 *  - tell whether a file's cross-reference table is sound, or whether poppler
 *    had to repair it (then poppler's incremental save points back at the
 *    broken table, and other PDF tools cannot open the copy);
 *  - tell which pages share one /Annots array (then poppler adds a highlight
 *    to every page that shares it);
 *  - find highlights without /QuadPoints, which poppler drops;
 *  - read each page's /Rotate.
 *
 * It finds the objects by scanning the file for "num gen obj", as a repair
 * does, so it reads damaged files too; a later definition replaces an earlier
 * one, as an incremental update does. Objects in object streams are read
 * when the stream is not encrypted. The writing half, pb-pdf-file-write.c,
 * makes a sound copy. */

#define MAX_DEPTH 64

static void
object_free (PbPdfObject *object)
{
  g_clear_pointer (&object->buffer, g_bytes_unref);
  _pb_pdf_value_free (object->value);
  g_free (object);
}


PbPdfObject *
_pb_pdf_file_lookup (PbPdfFile *file,
                     int        num)
{
  return g_hash_table_lookup (file->objects, GINT_TO_POINTER (num));
}

/* The object's value, parsed the first time it is asked for. */
PbPdfValue *
_pb_pdf_object_value (PbPdfFile   *file,
                      PbPdfObject *object)
{
  if (object->value == NULL && object->buffer != NULL)
    {
      gsize len;
      PbPdfParser p = { g_bytes_get_data (object->buffer, &len), 0, object->value_start };

      p.len = len;
      object->value = _pb_pdf_parse_value (&p, 0);
    }

  return object->value;
}

/**
 * _pb_pdf_file_resolve:
 * @buffer: (out) (optional) (transfer none): the bytes the value's offsets
 *   are in
 *
 * Follows a reference to the value it refers to; any other value is itself.
 */
PbPdfValue *
_pb_pdf_file_resolve (PbPdfFile   *file,
                      PbPdfValue  *value,
                      GBytes     **buffer)
{
  if (buffer != NULL)
    *buffer = file->bytes;

  for (int hops = 0; value != NULL && value->type == PB_PDF_REF && hops < 8; hops++)
    {
      PbPdfObject *object = _pb_pdf_file_lookup (file, value->ref_num);

      if (object == NULL)
        return NULL;
      value = _pb_pdf_object_value (file, object);
      if (buffer != NULL)
        *buffer = object->buffer;
    }

  return value;
}

/* A stream's data: from after "stream" and its end of line, for /Length
 * bytes when that is right, else to "endstream". */
static gboolean
find_stream_data (PbPdfFile        *file,
                  PbPdfParser           *p,
                  const PbPdfValue *dict,
                  gsize            *data_start,
                  gsize            *data_end)
{
  PbPdfValue *length = _pb_pdf_dict_get (dict, "Length");
  const char *end;

  _pb_pdf_skip_white (p);
  if (p->len - p->pos < 6 || strncmp (p->data + p->pos, "stream", 6) != 0)
    return FALSE;

  p->pos += 6;
  if (p->pos < p->len && p->data[p->pos] == '\r')
    p->pos++;
  if (p->pos < p->len && p->data[p->pos] == '\n')
    p->pos++;
  *data_start = p->pos;

  if (length != NULL && length->type == PB_PDF_NUMBER && length->number >= 0 &&
      *data_start + (gsize)length->number <= p->len)
    {
      PbPdfParser q = *p;

      q.pos = *data_start + (gsize)length->number;
      _pb_pdf_skip_white (&q);
      if (q.len - q.pos >= 9 && strncmp (q.data + q.pos, "endstream", 9) == 0)
        {
          *data_end = *data_start + (gsize)length->number;
          p->pos = q.pos + 9;
          return TRUE;
        }
    }

  end = _pb_pdf_find_bytes (p->data + *data_start, p->len - *data_start, "endstream");
  if (end == NULL)
    return FALSE;
  *data_end = end - p->data;
  p->pos = *data_end + 9;
  return TRUE;
}

/* The "num gen" before "obj" at @at, if there is one; returns where it starts. */
static gboolean
object_header (PbPdfFile *file,
               gsize      at,
               int       *num,
               int       *gen,
               gsize     *start)
{
  gsize i = at;
  gsize gen_end, num_end;

  if (at + 3 < file->len && !_pb_pdf_is_white (file->data[at + 3]) && !_pb_pdf_is_delim (file->data[at + 3]))
    return FALSE;

  while (i > 0 && _pb_pdf_is_white (file->data[i - 1]))
    i--;
  if (i == at)
    return FALSE;
  gen_end = i;
  while (i > 0 && g_ascii_isdigit (file->data[i - 1]))
    i--;
  if (i == gen_end || gen_end - i > 5)
    return FALSE;
  *gen = (int)g_ascii_strtoll (file->data + i, NULL, 10);

  num_end = i;
  while (i > 0 && _pb_pdf_is_white (file->data[i - 1]))
    i--;
  if (i == num_end)
    return FALSE;
  num_end = i;
  while (i > 0 && g_ascii_isdigit (file->data[i - 1]))
    i--;
  if (i == num_end || num_end - i > 10 || (i > 0 && !_pb_pdf_is_white (file->data[i - 1]) &&
                                             !_pb_pdf_is_delim (file->data[i - 1])))
    return FALSE;
  *num = (int)g_ascii_strtoll (file->data + i, NULL, 10);
  *start = i;
  return *num >= 0;
}

static void
define (PbPdfFile   *file,
        PbPdfObject *object)
{
  PbPdfObject *old = _pb_pdf_file_lookup (file, object->num);

  /* The later definition wins, as in an incremental update. */
  if (old != NULL && old->position > object->position)
    {
      object_free (object);
      return;
    }
  g_hash_table_replace (file->objects, GINT_TO_POINTER (object->num), object);
}

static void
scan_objects (PbPdfFile *file)
{
  PbPdfParser p = { file->data, file->len, 0 };
  gsize from = 0;

  for (;;)
    {
      const char *found = _pb_pdf_find_bytes (file->data + from, file->len - from, "obj");
      gsize at, start;
      int num, gen;
      PbPdfObject *object;
      PbPdfValue *value;

      if (found == NULL)
        break;
      at = found - file->data;
      from = at + 3;

      if (!object_header (file, at, &num, &gen, &start))
        continue;

      p.pos = at + 3;
      if (!(value = _pb_pdf_parse_value (&p, 0)))
        continue;

      object = g_new0 (PbPdfObject, 1);
      object->num = num;
      object->gen = gen;
      object->position = object->offset = start;
      object->stream_num = -1;
      object->buffer = g_bytes_ref (file->bytes);
      object->value_start = at + 3;
      object->value = value;

      if (value->type == PB_PDF_DICT &&
          find_stream_data (file, &p, value, &object->data_start, &object->data_end))
        from = p.pos;
      else
        from = value->end;

      define (file, object);
    }
}

/* Inflates a stream's data; NULL when it is encrypted or filtered otherwise. */
static GBytes *
decode_stream (PbPdfFile         *file,
               const PbPdfObject *object)
{
  PbPdfValue *filter = _pb_pdf_dict_get (object->value, "Filter");
  const guint8 *in = (const guint8 *)file->data + object->data_start;
  gsize in_len = object->data_end - object->data_start;
  g_autoptr(GConverter) zlib = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];

  if (filter == NULL)
    return g_bytes_new (in, in_len);
  if (!_pb_pdf_is_name (filter, "FlateDecode") || _pb_pdf_dict_get (object->value, "DecodeParms") != NULL)
    return NULL;

  zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  for (;;)
    {
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (zlib, in, in_len, buffer, sizeof buffer,
                                                     G_CONVERTER_INPUT_AT_END, &read, &written, NULL);

      g_byte_array_append (out, buffer, (guint)written);
      in += read;
      in_len -= read;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (result == G_CONVERTER_ERROR || (read == 0 && written == 0))
        return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Adds the objects of each object stream that can be read. */
static void
expand_object_streams (PbPdfFile *file)
{
  g_autoptr(GPtrArray) streams = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, file->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PbPdfObject *object = value;

      if (object->data_end > object->data_start &&
          _pb_pdf_is_name (_pb_pdf_dict_get (object->value, "Type"), "ObjStm"))
        g_ptr_array_add (streams, object);
    }

  for (guint s = 0; s < streams->len; s++)
    {
      PbPdfObject *stream = g_ptr_array_index (streams, s);
      PbPdfValue *n = _pb_pdf_dict_get (stream->value, "N");
      PbPdfValue *first = _pb_pdf_dict_get (stream->value, "First");
      g_autoptr(GBytes) data = NULL;
      PbPdfParser p;
      gsize len;

      if (n == NULL || first == NULL || n->type != PB_PDF_NUMBER || first->type != PB_PDF_NUMBER ||
          !(data = decode_stream (file, stream)))
        continue;

      p.data = g_bytes_get_data (data, &len);
      p.len = len;
      p.pos = 0;

      for (guint i = 0; i < (guint)n->number; i++)
        {
          gint64 num, offset;
          gsize end;
          PbPdfObject *object;

          _pb_pdf_skip_white (&p);
          if (!_pb_pdf_read_int (&p, p.pos, &num, &end))
            break;
          p.pos = end;
          _pb_pdf_skip_white (&p);
          if (!_pb_pdf_read_int (&p, p.pos, &offset, &end) || (gsize)first->number + offset >= len)
            break;
          p.pos = end;

          object = g_new0 (PbPdfObject, 1);
          object->num = (int)num;
          object->position = stream->position;
          object->stream_num = stream->num;
          object->stream_index = i;
          object->buffer = g_bytes_ref (data);
          object->value_start = (gsize)first->number + (gsize)offset;
          define (file, object);
        }
    }
}

/* The current trailer: the last "trailer" dictionary, or the last
 * cross-reference stream's, whichever comes later. */
static void
find_trailer (PbPdfFile *file)
{
  gsize trailer_at = 0;
  gboolean have_trailer = FALSE;
  PbPdfObject *xref_stream = NULL;
  GHashTableIter iter;
  gpointer value;

  for (const char *t = file->data; (t = _pb_pdf_find_bytes (t, file->len - (t - file->data), "trailer")); t += 7)
    {
      trailer_at = t - file->data;
      have_trailer = TRUE;
    }

  g_hash_table_iter_init (&iter, file->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PbPdfObject *object = value;

      if (object->offset > 0 && object->data_end > 0 &&
          _pb_pdf_is_name (_pb_pdf_dict_get (object->value, "Type"), "XRef") &&
          (xref_stream == NULL || object->offset > xref_stream->offset))
        xref_stream = object;
    }

  if (xref_stream != NULL && (!have_trailer || xref_stream->offset > trailer_at))
    {
      gsize len;
      PbPdfParser p = { g_bytes_get_data (file->bytes, &len), 0, xref_stream->value_start };

      p.len = len;
      file->trailer = _pb_pdf_parse_value (&p, 0);
      file->trailer_is_stream = TRUE;
    }
  else if (have_trailer)
    {
      PbPdfParser p = { file->data, file->len, trailer_at + 7 };
      file->trailer = _pb_pdf_parse_value (&p, 0);
    }

  if (file->trailer != NULL && file->trailer->type != PB_PDF_DICT)
    g_clear_pointer (&file->trailer, _pb_pdf_value_free);
  file->trailer_buffer = g_bytes_ref (file->bytes);

  {
    const char *s = NULL;

    for (const char *t = file->data; (t = _pb_pdf_find_bytes (t, file->len - (t - file->data), "startxref")); t += 9)
      s = t;
    file->startxref = -1;
    if (s != NULL)
      {
        PbPdfParser p = { file->data, file->len, s - file->data + 9 };
        gint64 offset;
        gsize end;

        _pb_pdf_skip_white (&p);
        if (_pb_pdf_read_int (&p, p.pos, &offset, &end))
          file->startxref = offset;
      }
  }
}

/* Whether a classic table at @p (just after "xref") points every object it
 * lists at that object; leaves @p after the table. */
static gboolean
check_table (PbPdfFile *file,
             PbPdfParser    *p)
{
  for (;;)
    {
      gint64 first, count;
      gsize end;

      _pb_pdf_skip_white (p);
      if (!_pb_pdf_read_int (p, p->pos, &first, &end))
        return p->len - p->pos >= 7 && strncmp (p->data + p->pos, "trailer", 7) == 0;
      p->pos = end;
      _pb_pdf_skip_white (p);
      if (!_pb_pdf_read_int (p, p->pos, &count, &end))
        return FALSE;
      p->pos = end;

      for (gint64 i = 0; i < count; i++)
        {
          gint64 offset, gen;
          int num, obj_gen;
          gsize start;
          const char *kind;

          _pb_pdf_skip_white (p);
          if (!_pb_pdf_read_int (p, p->pos, &offset, &end))
            return FALSE;
          p->pos = end;
          _pb_pdf_skip_white (p);
          if (!_pb_pdf_read_int (p, p->pos, &gen, &end))
            return FALSE;
          p->pos = end;
          _pb_pdf_skip_white (p);
          if (p->pos >= p->len)
            return FALSE;
          kind = p->data + p->pos++;

          if (*kind != 'n')
            continue;

          /* The entry must point at "num gen obj". */
          {
            PbPdfParser q = { file->data, file->len, (gsize)offset };
            gsize header_end;
            gint64 n;

            if ((gsize)offset >= file->len || !_pb_pdf_read_int (&q, q.pos, &n, &header_end) ||
                n != first + i)
              return FALSE;
            q.pos = header_end;
            _pb_pdf_skip_white (&q);
            if (!_pb_pdf_read_int (&q, q.pos, &gen, &header_end))
              return FALSE;
            q.pos = header_end;
            _pb_pdf_skip_white (&q);
            if (q.len - q.pos < 3 || strncmp (q.data + q.pos, "obj", 3) != 0 ||
                !object_header (file, q.pos, &num, &obj_gen, &start))
              return FALSE;
          }
        }
    }
}

/* Whether the chain of cross-reference sections from startxref is whole. */
static gboolean
check_xref (PbPdfFile *file)
{
  gint64 offset = file->startxref;

  for (int hops = 0; hops < 64; hops++)
    {
      PbPdfParser p = { file->data, file->len, 0 };
      PbPdfValue *dict = NULL;
      PbPdfValue *prev;
      gboolean ok;

      if (offset < 0 || (gsize)offset >= file->len)
        return FALSE;
      p.pos = (gsize)offset;
      _pb_pdf_skip_white (&p);

      if (p.len - p.pos >= 4 && strncmp (p.data + p.pos, "xref", 4) == 0)
        {
          p.pos += 4;
          if (!check_table (file, &p))
            return FALSE;
          p.pos += 7;
          dict = _pb_pdf_parse_value (&p, 0);
        }
      else
        {
          gint64 num;
          gsize end;

          if (!_pb_pdf_read_int (&p, p.pos, &num, &end))
            return FALSE;
          {
            PbPdfObject *object = _pb_pdf_file_lookup (file, (int)num);

            if (object == NULL || object->offset != p.pos ||
                !_pb_pdf_is_name (_pb_pdf_dict_get (object->value, "Type"), "XRef"))
              return FALSE;
            p.pos = object->value_start;
            dict = _pb_pdf_parse_value (&p, 0);
          }
        }

      prev = _pb_pdf_dict_get (dict, "Prev");
      ok = dict != NULL && dict->type == PB_PDF_DICT;
      offset = prev != NULL && prev->type == PB_PDF_NUMBER ? (gint64)prev->number : -1;
      _pb_pdf_value_free (dict);

      if (!ok)
        return FALSE;
      if (prev == NULL)
        return TRUE;
    }

  return FALSE;
}

static void
collect_pages (PbPdfFile  *file,
               PbPdfValue *node_ref,
               int         rotation,
               GHashTable *seen,
               int         depth)
{
  PbPdfValue *node;
  PbPdfValue *rotate;
  PbPdfValue *type;

  if (node_ref == NULL || node_ref->type != PB_PDF_REF || depth > MAX_DEPTH ||
      g_hash_table_contains (seen, GINT_TO_POINTER (node_ref->ref_num)))
    return;
  g_hash_table_add (seen, GINT_TO_POINTER (node_ref->ref_num));

  if (!(node = _pb_pdf_file_resolve (file, node_ref, NULL)) || node->type != PB_PDF_DICT)
    return;

  if ((rotate = _pb_pdf_file_resolve (file, _pb_pdf_dict_get (node, "Rotate"), NULL)) &&
      rotate->type == PB_PDF_NUMBER)
    rotation = (((int)rotate->number % 360) + 360) % 360;

  type = _pb_pdf_dict_get (node, "Type");
  if (_pb_pdf_is_name (type, "Pages") || (!_pb_pdf_is_name (type, "Page") && _pb_pdf_dict_get (node, "Kids")))
    {
      PbPdfValue *kids = _pb_pdf_file_resolve (file, _pb_pdf_dict_get (node, "Kids"), NULL);

      for (guint i = 0; kids != NULL && kids->type == PB_PDF_ARRAY && i < kids->items->len; i++)
        collect_pages (file, g_ptr_array_index (kids->items, i), rotation, seen, depth + 1);
    }
  else
    {
      PbPdfPage page = { node_ref->ref_num, node_ref->ref_gen, rotation };
      g_array_append_val (file->pages, page);
    }
}

/**
 * pb_pdf_file_new:
 * @path: a PDF file, read whole into memory
 *
 * Returns: (transfer full): the file's objects; or %NULL with a %G_FILE_ERROR
 */
PbPdfFile *
pb_pdf_file_new (const char  *path,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  PbPdfFile *file;

  if (mapped == NULL)
    return NULL;

  file = g_new0 (PbPdfFile, 1);
  file->bytes = g_mapped_file_get_bytes (mapped);
  file->data = g_bytes_get_data (file->bytes, &file->len);
  file->objects = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)object_free);
  file->pages = g_array_new (FALSE, FALSE, sizeof (PbPdfPage));

  if (file->data == NULL)
    file->data = "";

  scan_objects (file);
  expand_object_streams (file);
  find_trailer (file);
  file->sound = file->trailer != NULL && check_xref (file);

  if (file->trailer != NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      PbPdfValue *root = _pb_pdf_file_resolve (file, _pb_pdf_dict_get (file->trailer, "Root"), NULL);

      collect_pages (file, _pb_pdf_dict_get (root, "Pages"), 0, seen, 0);
    }

  return file;
}

/**
 * pb_pdf_file_free:
 * @file: (transfer full) (nullable): a file's objects
 */
void
pb_pdf_file_free (PbPdfFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->objects, g_hash_table_unref);
  _pb_pdf_value_free (file->trailer);
  g_clear_pointer (&file->trailer_buffer, g_bytes_unref);
  g_clear_pointer (&file->pages, g_array_unref);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

/**
 * pb_pdf_file_xref_is_sound:
 *
 * Returns: whether every cross-reference section from "startxref" on points
 *   at the objects it lists; if not, readers must repair the file to read it
 */
gboolean
pb_pdf_file_xref_is_sound (PbPdfFile *file)
{
  return file->sound;
}

/**
 * pb_pdf_file_is_encrypted:
 *
 * Returns: whether the file is encrypted (its strings and streams cannot be
 *   read here; its structure can)
 */
gboolean
pb_pdf_file_is_encrypted (PbPdfFile *file)
{
  return _pb_pdf_dict_get (file->trailer, "Encrypt") != NULL;
}

/**
 * pb_pdf_file_get_n_pages:
 *
 * Returns: how many pages the page tree has
 */
guint
pb_pdf_file_get_n_pages (PbPdfFile *file)
{
  return file->pages->len;
}

/**
 * pb_pdf_file_get_page_rotation:
 * @index: a page index, from 0
 *
 * Returns: the page's /Rotate, inherited or its own: 0, 90, 180 or 270
 *   degrees clockwise
 */
int
pb_pdf_file_get_page_rotation (PbPdfFile *file,
                               guint      index)
{
  g_return_val_if_fail (index < file->pages->len, 0);
  return g_array_index (file->pages, PbPdfPage, index).rotation;
}

static PbPdfValue *
page_dict (PbPdfFile *file,
           guint      index)
{
  PbPdfObject *object = _pb_pdf_file_lookup (file, g_array_index (file->pages, PbPdfPage, index).num);

  return object != NULL ? _pb_pdf_object_value (file, object) : NULL;
}

/**
 * pb_pdf_file_page_shares_annots:
 * @index: a page index, from 0
 *
 * Returns: whether the page's /Annots is an array object another page uses
 *   too
 */
gboolean
pb_pdf_file_page_shares_annots (PbPdfFile *file,
                                guint      index)
{
  PbPdfValue *annots;

  g_return_val_if_fail (index < file->pages->len, FALSE);

  annots = _pb_pdf_dict_get (page_dict (file, index), "Annots");
  if (annots == NULL || annots->type != PB_PDF_REF)
    return FALSE;

  for (guint i = 0; i < file->pages->len; i++)
    {
      PbPdfValue *other = i != index ? _pb_pdf_dict_get (page_dict (file, i), "Annots") : NULL;

      if (other != NULL && other->type == PB_PDF_REF && other->ref_num == annots->ref_num)
        return TRUE;
    }

  return FALSE;
}

/**
 * pb_pdf_raw_markup_free:
 * @markup: (transfer full) (nullable): a markup
 */
void
pb_pdf_raw_markup_free (PbPdfRawMarkup *markup)
{
  if (markup == NULL)
    return;
  g_free (markup->contents);
  g_free (markup);
}

/**
 * pb_pdf_file_get_raw_markups:
 * @index: a page index, from 0
 *
 * The page's highlights and underlines that have no /QuadPoints (poppler
 * drops them; PDF readers draw them over their /Rect).
 *
 * Returns: (transfer full) (element-type PbPdfRawMarkup): the markups
 */
GPtrArray *
pb_pdf_file_get_raw_markups (PbPdfFile *file,
                             guint      index)
{
  GPtrArray *markups = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_pdf_raw_markup_free);
  PbPdfValue *annots;

  g_return_val_if_fail (index < file->pages->len, markups);

  annots = _pb_pdf_file_resolve (file, _pb_pdf_dict_get (page_dict (file, index), "Annots"), NULL);
  for (guint i = 0; annots != NULL && annots->type == PB_PDF_ARRAY && i < annots->items->len; i++)
    {
      GBytes *buffer = NULL;
      PbPdfValue *annot = _pb_pdf_file_resolve (file, g_ptr_array_index (annots->items, i), &buffer);
      PbPdfValue *subtype = _pb_pdf_dict_get (annot, "Subtype");
      PbPdfValue *rect = _pb_pdf_file_resolve (file, _pb_pdf_dict_get (annot, "Rect"), NULL);
      PbPdfValue *contents = _pb_pdf_dict_get (annot, "Contents");
      PbPdfRawMarkup *markup;

      if (!(_pb_pdf_is_name (subtype, "Highlight") || _pb_pdf_is_name (subtype, "Underline")) ||
          _pb_pdf_dict_get (annot, "QuadPoints") != NULL ||
          rect == NULL || rect->type != PB_PDF_ARRAY || rect->items->len != 4)
        continue;

      markup = g_new0 (PbPdfRawMarkup, 1);
      for (guint k = 0; k < 4; k++)
        markup->rect[k] = ((PbPdfValue *)g_ptr_array_index (rect->items, k))->number;
      if (contents != NULL && !pb_pdf_file_is_encrypted (file) &&
          (contents->type == PB_PDF_STRING || contents->type == PB_PDF_HEX_STRING))
        markup->contents = _pb_pdf_string_text (buffer, contents);
      g_ptr_array_add (markups, markup);
    }

  return markups;
}
