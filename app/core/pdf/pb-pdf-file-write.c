/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-file-write"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pb-pdf-file-private.h"

/* Making a sound copy of a PDF: the file as it is, then an update that gives
 * each page named its own /Annots array (a copy of the one it shared), and a
 * cross-reference section that lists either just what changed (after a sound
 * table) or every object (after a damaged one, so that the copy no longer
 * depends on it). Nothing before the update is changed, and an encrypted file
 * stays readable: the pages keep their object numbers, and so their keys. */

typedef struct
{
  int   num;
  int   gen;
  int   type;       /* 0 free, 1 in the file, 2 in an object stream */
  guint64 field;    /* offset, or the object stream's number */
  guint index;      /* within the object stream */
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return ((const Entry *)a)->num - ((const Entry *)b)->num;
}

static void
append_value_text (GString          *out,
                   GBytes           *buffer,
                   const PbPdfValue *value)
{
  const char *data = g_bytes_get_data (buffer, NULL);

  g_string_append_len (out, data + value->start, value->end - value->start);
}

/* The page dictionary again, with its /Annots array copied in (@unshare) or
 * with /Rotate 0 (@upright). */
static gboolean
write_page (PbPdfFile *file,
            guint      index,
            gboolean   unshare,
            gboolean   upright,
            GString   *out,
            GArray    *entries)
{
  const PbPdfPage *page = &g_array_index (file->pages, PbPdfPage, index);
  PbPdfObject *object = _pb_pdf_file_lookup (file, page->num);
  PbPdfValue *dict = object ? _pb_pdf_object_value (file, object) : NULL;
  PbPdfValue *annots = _pb_pdf_dict_get (dict, "Annots");
  PbPdfValue *rotate = _pb_pdf_dict_get (dict, "Rotate");
  GBytes *array_buffer = NULL;
  PbPdfValue *array = unshare ? _pb_pdf_file_resolve (file, annots, &array_buffer) : NULL;
  PbPdfValue *edits[2] = { NULL, NULL };
  const char *data;
  gsize at;
  Entry entry = { page->num, page->gen, 1, out->len, 0 };

  /* A page in an encrypted object stream cannot be read, nor copied. */
  if (dict == NULL || dict->type != PB_PDF_DICT ||
      (object->stream_num >= 0 && pb_pdf_file_is_encrypted (file)))
    return FALSE;
  if (unshare && (annots == NULL || annots->type != PB_PDF_REF || array == NULL ||
                  array->type != PB_PDF_ARRAY))
    return FALSE;

  /* The values to replace, in the order they come. */
  if (unshare)
    edits[0] = annots;
  if (upright && rotate != NULL)
    edits[edits[0] ? 1 : 0] = rotate;
  if (edits[0] != NULL && edits[1] != NULL && edits[1]->start < edits[0]->start)
    {
      PbPdfValue *first = edits[1];
      edits[1] = edits[0];
      edits[0] = first;
    }

  data = g_bytes_get_data (object->buffer, NULL);
  g_string_append_printf (out, "%d %d obj\n", page->num, page->gen);
  g_string_append_len (out, data + dict->start, 2);      /* "<<" */
  if (upright && rotate == NULL)
    g_string_append (out, " /Rotate 0");

  at = dict->start + 2;
  for (guint k = 0; k < 2 && edits[k] != NULL; k++)
    {
      g_string_append_len (out, data + at, edits[k]->start - at);
      if (edits[k] == rotate)
        g_string_append (out, "0");
      else
        append_value_text (out, array_buffer, array);   /* /Annots: its array checked above */
      at = edits[k]->end;
    }
  g_string_append_len (out, data + at, dict->end - at);
  g_string_append (out, "\nendobj\n");

  g_array_append_val (entries, entry);
  return TRUE;
}

/* Every object the file defines, as it now stands. */
static void
add_all_objects (PbPdfFile *file,
                 GArray    *entries)
{
  g_autoptr(GHashTable) replaced = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (replaced, GINT_TO_POINTER (g_array_index (entries, Entry, i).num));

  g_hash_table_iter_init (&iter, file->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PbPdfObject *object = value;
      Entry entry = { object->num, object->gen, 1, object->offset, 0 };

      if (object->num == 0 || g_hash_table_contains (replaced, GINT_TO_POINTER (object->num)))
        continue;

      if (object->stream_num >= 0)
        {
          entry.type = 2;
          entry.gen = 0;
          entry.field = (guint64)object->stream_num;
          entry.index = object->stream_index;
        }
      g_array_append_val (entries, entry);
    }
}

/* The trailer's entries that say what the document is. */
static void
append_trailer_keys (PbPdfFile *file,
                     GString   *out)
{
  static const char * const keys[] = { "Root", "Info", "ID", "Encrypt" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      PbPdfValue *value = _pb_pdf_dict_get (file->trailer, keys[i]);

      if (value == NULL)
        continue;
      g_string_append_printf (out, " /%s ", keys[i]);
      append_value_text (out, file->trailer_buffer, value);
    }
}

static void
write_table (PbPdfFile *file,
             GString   *out,
             GArray    *entries,
             int        size,
             gboolean   full)
{
  gsize xref_at = out->len;

  g_string_append (out, "xref\n");
  if (full)
    g_string_append (out, "0 1\n0000000000 65535 f \n");

  for (guint i = 0; i < entries->len; )
    {
      guint run = 1;

      while (i + run < entries->len &&
             g_array_index (entries, Entry, i + run).num == g_array_index (entries, Entry, i).num + (int)run)
        run++;

      g_string_append_printf (out, "%d %u\n", g_array_index (entries, Entry, i).num, run);
      for (guint k = i; k < i + run; k++)
        {
          const Entry *e = &g_array_index (entries, Entry, k);
          g_string_append_printf (out, "%010" G_GUINT64_FORMAT " %05d n \n", e->field, e->gen);
        }
      i += run;
    }

  g_string_append_printf (out, "trailer\n<< /Size %d", size);
  append_trailer_keys (file, out);
  if (!full)
    g_string_append_printf (out, " /Prev %" G_GINT64_FORMAT, file->startxref);
  g_string_append_printf (out, " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_at);
}

static void
put_be (GByteArray *data,
        guint64     value,
        guint       n_bytes)
{
  for (guint i = n_bytes; i > 0; i--)
    {
      guint8 byte = (guint8)(value >> (8 * (i - 1)));
      g_byte_array_append (data, &byte, 1);
    }
}

static void
write_stream (PbPdfFile *file,
              GString   *out,
              GArray    *entries,
              int        size,
              gboolean   full)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GString) index = g_string_new (NULL);
  gsize xref_at = out->len;
  Entry self = { size, 0, 1, xref_at, 0 };

  /* The stream lists itself, with the next free number. */
  g_array_append_val (entries, self);
  size++;

  if (full)
    {
      Entry free_head = { 0, 65535, 0, 0, 0 };
      g_array_prepend_val (entries, free_head);
    }

  for (guint i = 0; i < entries->len; )
    {
      guint run = 1;

      while (i + run < entries->len &&
             g_array_index (entries, Entry, i + run).num == g_array_index (entries, Entry, i).num + (int)run)
        run++;
      g_string_append_printf (index, "%s%d %u", index->len > 0 ? " " : "",
                              g_array_index (entries, Entry, i).num, run);
      for (guint k = i; k < i + run; k++)
        {
          const Entry *e = &g_array_index (entries, Entry, k);

          put_be (data, (guint64)e->type, 1);
          put_be (data, e->type == 0 ? 0 : e->field, 4);
          put_be (data, e->type == 2 ? e->index : (guint64)e->gen, 2);
        }
      i += run;
    }

  g_string_append_printf (out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s]",
                          self.num, size, index->str);
  append_trailer_keys (file, out);
  if (!full)
    g_string_append_printf (out, " /Prev %" G_GINT64_FORMAT, file->startxref);
  g_string_append_printf (out, " /Length %u >>\nstream\n", data->len);
  g_string_append_len (out, (const char *)data->data, data->len);
  g_string_append_printf (out, "\nendstream\nendobj\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_at);
}

/* The file, then an update with the pages named (@unshare) given their own
 * /Annots array, and, with @upright, every turned page set upright; and a
 * cross-reference section (a whole one after a damaged table). NULL when a
 * page cannot be rewritten. */
static GString *
build_copy (PbPdfFile    *file,
            const guint  *unshare,
            guint         n_unshare,
            gboolean      upright,
            GError      **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  gboolean full = !file->sound;
  int size = 0;

  if (file->trailer == NULL || _pb_pdf_dict_get (file->trailer, "Root") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The report’s structure cannot be read."));
      return NULL;
    }

  out = g_string_sized_new (file->len + 4096);
  g_string_append_len (out, file->data, file->len);
  if (file->len > 0 && file->data[file->len - 1] != '\n' && file->data[file->len - 1] != '\r')
    g_string_append_c (out, '\n');

  for (guint i = 0; i < file->pages->len; i++)
    {
      gboolean turned = upright && g_array_index (file->pages, PbPdfPage, i).rotation != 0;
      gboolean shared = FALSE;

      for (guint k = 0; k < n_unshare && !shared; k++)
        shared = unshare[k] == i && pb_pdf_file_page_shares_annots (file, i);

      if ((turned || shared) && !write_page (file, i, shared, turned, out, entries) && turned)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A page of the report cannot be read."));
          return NULL;
        }
    }

  if (full)
    add_all_objects (file, entries);

  g_array_sort (entries, compare_entries);

  {
    PbPdfValue *declared = _pb_pdf_dict_get (file->trailer, "Size");
    GHashTableIter iter;
    gpointer key;

    if (declared != NULL && declared->type == PB_PDF_NUMBER && !full)
      size = (int)declared->number;
    g_hash_table_iter_init (&iter, file->objects);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      size = MAX (size, GPOINTER_TO_INT (key) + 1);
  }

  /* A table cannot list objects in object streams, nor follow a stream. */
  {
    gboolean stream = file->trailer_is_stream;

    for (guint i = 0; i < entries->len && !stream; i++)
      stream = g_array_index (entries, Entry, i).type == 2;

    if (stream)
      write_stream (file, out, entries, size, full);
    else
      write_table (file, out, entries, size, full);
  }

  return g_steal_pointer (&out);
}

/**
 * pb_pdf_file_write_sound_copy:
 * @unshare: (array length=n_unshare): indexes (from 0) of pages to give their
 *   own /Annots array, when they share one
 * @dest: where to write the copy
 *
 * Writes a copy of the file that any PDF tool can read and update: the pages
 * named no longer share an /Annots array, and when the cross-reference table
 * was damaged, a new one lists every object.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a %G_FILE_ERROR, or a
 *   %G_IO_ERROR_NOT_SUPPORTED when the file's trailer cannot be found
 */
gboolean
pb_pdf_file_write_sound_copy (PbPdfFile    *file,
                              const guint  *unshare,
                              guint         n_unshare,
                              const char   *dest,
                              GError      **error)
{
  g_autoptr(GString) out = build_copy (file, unshare, n_unshare, FALSE, error);

  if (out == NULL)
    return FALSE;

  return g_file_set_contents_full (dest, out->str, (gssize)out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * pb_pdf_file_upright_copy:
 *
 * The file with every page turned by /Rotate set upright (/Rotate 0), in
 * memory, for reading turned pages' text the way upright pages' is read.
 *
 * Returns: (transfer full) (nullable): the copy; %NULL when no page is turned
 *   or a turned page cannot be rewritten (it is in an encrypted object stream)
 */
GBytes *
pb_pdf_file_upright_copy (PbPdfFile *file)
{
  g_autoptr(GString) out = NULL;
  gboolean turned = FALSE;

  for (guint i = 0; i < file->pages->len && !turned; i++)
    turned = g_array_index (file->pages, PbPdfPage, i).rotation != 0;

  if (!turned || !(out = build_copy (file, NULL, 0, TRUE, NULL)))
    return NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
