/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-pdf-catalog.h"

/* What cairo leaves out of the document catalogue.
 *
 * Cairo 1.16 writes a structure tree for the tags the writer sets, but no
 * /MarkInfo saying the document is tagged and no /Lang, so screen readers
 * ignore the tree and guess the language.  Both belong in the catalogue, so
 * the finished file gets an incremental update: a new version of the
 * catalogue object, an xref section holding it and a trailer pointing back
 * to cairo's.  Everything cairo wrote stays byte for byte as it was.
 *
 * Only the classic xref tables cairo writes are understood; anything else
 * is reported rather than guessed at.
 *
 * The tree's top level is the list of headings, paragraphs and tables
 * rather than a single Document element: cairo 1.16 cannot carry an
 * element across a page break, and a list of elements there is what the
 * PDF reference allows. */

typedef struct
{
  const char *data;
  gsize       length;
} Bytes;

static const char *
find_last (Bytes       bytes,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  if (bytes.length < needle_length)
    return NULL;

  for (gsize i = bytes.length - needle_length + 1; i-- > 0; )
    if (memcmp (bytes.data + i, needle, needle_length) == 0)
      return bytes.data + i;
  return NULL;
}

static const char *
find_from (Bytes       bytes,
           const char *from,
           const char *needle)
{
  gsize needle_length = strlen (needle);
  const char *end = bytes.data + bytes.length;

  for (const char *p = from; p + needle_length <= end; p++)
    if (memcmp (p, needle, needle_length) == 0)
      return p;
  return NULL;
}

static const char *
skip_space (Bytes       bytes,
            const char *p)
{
  const char *end = bytes.data + bytes.length;

  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Reads a decimal number at @p, moving @p past it. */
static gboolean
read_number (Bytes         bytes,
             const char  **p,
             guint64      *number)
{
  const char *end = bytes.data + bytes.length;
  const char *q = skip_space (bytes, *p);
  guint64 value = 0;

  if (q >= end || !g_ascii_isdigit (*q))
    return FALSE;
  while (q < end && g_ascii_isdigit (*q))
    value = value * 10 + (guint64)(*q++ - '0');
  *p = q;
  *number = value;
  return TRUE;
}

/* The text of the dictionary opening at @open ("<<"), nesting included,
 * without its outer brackets. */
static char *
dictionary_inner (Bytes       bytes,
                  const char *open)
{
  const char *end = bytes.data + bytes.length;
  int depth = 0;

  for (const char *p = open; p + 1 < end; p++)
    {
      if (p[0] == '<' && p[1] == '<')
        {
          depth++;
          p++;
        }
      else if (p[0] == '>' && p[1] == '>')
        {
          if (--depth == 0)
            return g_strndup (open + 2, p - open - 2);
          p++;
        }
    }
  return NULL;
}

/* Where the value of @key starts in a dictionary's text, or NULL. */
static const char *
dictionary_value (const char *inner,
                  const char *key)
{
  const char *found = strstr (inner, key);

  return found != NULL ? found + strlen (key) : NULL;
}

/* The number after @key in a dictionary's text, e.g. /Size 109. */
static gboolean
dictionary_number (const char *inner,
                   const char *key,
                   guint64    *number)
{
  Bytes bytes = { inner, strlen (inner) };
  const char *p = dictionary_value (inner, key);

  return p != NULL && read_number (bytes, &p, number);
}

/* Looks @object up in the xref section at @section; FALSE when that
 * section does not hold it.  Sets @trailer_at to the section's trailer. */
static gboolean
xref_lookup (Bytes         bytes,
             const char   *section,
             guint64       object,
             guint64      *offset,
             const char  **trailer_at)
{
  const char *end = bytes.data + bytes.length;
  const char *p = section + strlen ("xref");
  gboolean found = FALSE;

  for (;;)
    {
      guint64 first, count;

      p = skip_space (bytes, p);
      if (p + 7 <= end && memcmp (p, "trailer", 7) == 0)
        {
          *trailer_at = p;
          return found;
        }
      if (!read_number (bytes, &p, &first) || !read_number (bytes, &p, &count))
        return FALSE;
      p = skip_space (bytes, p);
      if (count > (guint64)(end - p) / 20)
        return FALSE;
      if (object >= first && object < first + count)
        {
          const char *entry = p + (object - first) * 20;
          const char *q = entry;

          if (entry[17] == 'n' && read_number (bytes, &q, offset))
            found = TRUE;
        }
      p += count * 20;
    }
}

/* The trailer of the xref section at @section, without its brackets. */
static char *
section_trailer (Bytes       bytes,
                 const char *section)
{
  const char *trailer_at = NULL;
  const char *open;
  guint64 unused;

  xref_lookup (bytes, section, G_MAXUINT64, &unused, &trailer_at);
  if (trailer_at == NULL || (open = find_from (bytes, trailer_at, "<<")) == NULL)
    return NULL;
  return dictionary_inner (bytes, open);
}

static const char *
section_at (Bytes   bytes,
            guint64 offset)
{
  if (offset > bytes.length || bytes.length - offset < 4 ||
      memcmp (bytes.data + offset, "xref", 4) != 0)
    return NULL;
  return bytes.data + offset;
}

/* "108 0 R" at @p, moving @p past it. */
static gboolean
read_reference (Bytes         bytes,
                const char  **p,
                guint64      *number,
                guint64      *generation)
{
  const char *q = *p;

  if (!read_number (bytes, &q, number) || !read_number (bytes, &q, generation))
    return FALSE;
  q = skip_space (bytes, q);
  if (q >= bytes.data + bytes.length || *q != 'R')
    return FALSE;
  *p = q + 1;
  return TRUE;
}

/* The reference after @key in a dictionary's text, e.g. /Root 108 0 R. */
static gboolean
dictionary_reference (const char *inner,
                      const char *key,
                      guint64    *number,
                      guint64    *generation)
{
  Bytes bytes = { inner, strlen (inner) };
  const char *p = dictionary_value (inner, key);

  return p != NULL && read_reference (bytes, &p, number, generation);
}

/* A finished PDF as its newest trailer describes it. */
typedef struct
{
  Bytes    bytes;
  guint64  xref_offset;      /* of the newest xref section */
  guint64  size;             /* objects numbered below this */
  guint64  root;             /* the catalogue */
  guint64  root_generation;
  char    *trailer;          /* newest trailer, without its brackets */
  char    *catalog;          /* catalogue dictionary, without its brackets */
} PdfFile;

static void
pdf_file_clear (PdfFile *pdf)
{
  g_clear_pointer (&pdf->trailer, g_free);
  g_clear_pointer (&pdf->catalog, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfFile, pdf_file_clear)

/* Where object @number is, searching the newest xref section first and
 * older ones through /Prev. */
static gboolean
find_object (PdfFile *pdf,
             guint64  number,
             guint64 *offset)
{
  const char *section = section_at (pdf->bytes, pdf->xref_offset);

  for (guint depth = 0; section != NULL && depth < 64; depth++)
    {
      g_autofree char *trailer = NULL;
      const char *unused;
      guint64 previous;

      if (xref_lookup (pdf->bytes, section, number, offset, &unused))
        return *offset < pdf->bytes.length;
      trailer = section_trailer (pdf->bytes, section);
      if (trailer == NULL || !dictionary_number (trailer, "/Prev", &previous))
        return FALSE;
      section = section_at (pdf->bytes, previous);
    }
  return FALSE;
}

/* The dictionary object @number holds, without its outer brackets. */
static char *
read_dictionary (PdfFile *pdf,
                 guint64  number,
                 guint64  generation)
{
  Bytes bytes = pdf->bytes;
  const char *p, *body, *endobj;
  guint64 offset, found_number, found_generation;

  if (!find_object (pdf, number, &offset))
    return NULL;
  p = bytes.data + offset;
  if (!read_number (bytes, &p, &found_number) || !read_number (bytes, &p, &found_generation) ||
      found_number != number || found_generation != generation)
    return NULL;
  p = skip_space (bytes, p);
  if (p + 3 > bytes.data + bytes.length || memcmp (p, "obj", 3) != 0)
    return NULL;
  body = skip_space (bytes, p + 3);
  endobj = find_from (bytes, body, "endobj");
  if (endobj == NULL || body + 2 > endobj || memcmp (body, "<<", 2) != 0)
    return NULL;
  return dictionary_inner (bytes, body);
}

static gboolean
read_pdf (PdfFile *pdf)
{
  const char *startxref = find_last (pdf->bytes, "startxref");
  const char *section, *p;

  if (startxref == NULL)
    return FALSE;
  p = startxref + strlen ("startxref");
  if (!read_number (pdf->bytes, &p, &pdf->xref_offset) ||
      (section = section_at (pdf->bytes, pdf->xref_offset)) == NULL ||
      (pdf->trailer = section_trailer (pdf->bytes, section)) == NULL ||
      !dictionary_number (pdf->trailer, "/Size", &pdf->size) ||
      !dictionary_reference (pdf->trailer, "/Root", &pdf->root, &pdf->root_generation))
    return FALSE;

  pdf->catalog = read_dictionary (pdf, pdf->root, pdf->root_generation);
  return pdf->catalog != NULL && strstr (pdf->catalog, "/Catalog") != NULL;
}

static gboolean
load (const char  *path,
      char       **contents,
      PdfFile     *pdf,
      GError     **error)
{
  gsize length;

  if (!g_file_get_contents (path, contents, &length, error))
    return FALSE;

  pdf->bytes.data = *contents;
  pdf->bytes.length = length;
  if (!read_pdf (pdf))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF’s document catalogue could not be found."));
      return FALSE;
    }
  return TRUE;
}

/* The catalogue dictionary as a reader of @path would take it, without its
 * outer brackets.  For checking what was written. */
char *
pb_pdf_read_catalog (const char  *path,
                     GError     **error)
{
  g_auto(PdfFile) pdf = { { NULL, 0 }, 0 };
  g_autofree char *contents = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!load (path, &contents, &pdf, error))
    return NULL;
  return g_steal_pointer (&pdf.catalog);
}

/* New versions of objects, appended after everything in the file. */
typedef struct
{
  guint64 number;
  guint64 generation;
  guint64 offset;
} UpdatedObject;

typedef struct
{
  GString *text;
  GArray  *objects;   /* UpdatedObject */
  gsize    base;      /* file length before the update */
} Update;

static void
update_add (Update     *update,
            guint64     number,
            guint64     generation,
            const char *inner)
{
  UpdatedObject object = { number, generation, update->base + update->text->len };

  g_string_append_printf (update->text,
                          "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj\n<<%s>>\nendobj\n",
                          number, generation, inner);
  g_array_append_val (update->objects, object);
}

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  const UpdatedObject *x = a, *y = b;

  return x->number < y->number ? -1 : x->number > y->number;
}

/* Drops "/Key N" from a trailer's text: the new trailer gives its own. */
static void
drop_number (GString    *trailer,
             const char *key)
{
  char *found = strstr (trailer->str, key);
  char *p;

  if (found == NULL)
    return;
  p = found + strlen (key);
  while (*p == ' ' || g_ascii_isdigit (*p))
    p++;
  g_string_erase (trailer, found - trailer->str, p - found);
}

/* The xref section and trailer that make the update the file's newest. */
static void
update_finish (Update  *update,
               PdfFile *pdf)
{
  g_autoptr(GString) trailer = g_string_new (pdf->trailer);
  guint64 size = pdf->size;
  gsize xref_offset = update->base + update->text->len;

  g_array_sort (update->objects, compare_objects);
  g_string_append (update->text, "xref\n");
  for (guint i = 0; i < update->objects->len; i++)
    {
      UpdatedObject *object = &g_array_index (update->objects, UpdatedObject, i);

      g_string_append_printf (update->text,
                              "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " %05" G_GUINT64_FORMAT " n \n",
                              object->number, object->offset, object->generation);
      size = MAX (size, object->number + 1);
    }

  drop_number (trailer, "/Size");
  drop_number (trailer, "/Prev");
  g_string_append_printf (update->text,
                          "trailer\n"
                          "<< /Size %" G_GUINT64_FORMAT "%s   /Prev %" G_GUINT64_FORMAT "\n>>\n"
                          "startxref\n"
                          "%" G_GSIZE_FORMAT "\n"
                          "%%%%EOF\n",
                          size, trailer->str, pdf->xref_offset, xref_offset);
}

typedef struct
{
  guint64 number;
  guint64 generation;
} Reference;

/* The children of the structure tree root, as Reference. */
static GArray *
root_kids (const char *inner)
{
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (Reference));
  Bytes bytes = { inner, strlen (inner) };
  const char *p = strstr (inner, "/K");
  Reference kid;

  if (p == NULL)
    return NULL;
  p = skip_space (bytes, p + 2);
  if (*p != '[')
    {
      if (!read_reference (bytes, &p, &kid.number, &kid.generation))
        return NULL;
      g_array_append_val (kids, kid);
      return g_steal_pointer (&kids);
    }

  for (p++; (p = skip_space (bytes, p)) < bytes.data + bytes.length && *p != ']'; )
    {
      if (!read_reference (bytes, &p, &kid.number, &kid.generation))
        return NULL;
      g_array_append_val (kids, kid);
    }
  return *p == ']' ? g_steal_pointer (&kids) : NULL;
}

/* Gathers the top of the structure tree under one Document element, as
 * readers of tagged PDFs expect.  Cairo 1.16 cannot keep an element open
 * across a page break, so its tree has the headings, paragraphs and tables
 * at the top level; here they become the Document's children.  Returns
 * FALSE, adding nothing, when the tree is not laid out as cairo writes it. */
static gboolean
wrap_in_document (PdfFile *pdf,
                  Update  *update)
{
  g_autofree char *tree = NULL;
  g_autofree char *new_tree = NULL;
  g_autofree char *parent_pattern = NULL;
  g_autoptr(GArray) kids = NULL;
  g_autoptr(GString) kid_list = g_string_new (NULL);
  g_autoptr(GRegex) parent = NULL;
  g_autoptr(GPtrArray) new_kids = g_ptr_array_new_with_free_func (g_free);
  guint64 tree_number, tree_generation, document = pdf->size;
  const char *k, *end;

  if (!dictionary_reference (pdf->catalog, "/StructTreeRoot", &tree_number, &tree_generation) ||
      (tree = read_dictionary (pdf, tree_number, tree_generation)) == NULL ||
      (kids = root_kids (tree)) == NULL || kids->len == 0)
    return FALSE;

  if (kids->len == 1)
    {
      Reference *only = &g_array_index (kids, Reference, 0);
      g_autofree char *element = read_dictionary (pdf, only->number, only->generation);

      if (element != NULL && strstr (element, "/S /Document") != NULL)
        return TRUE;
    }

  /* Each child's /P names the tree root; it is to name the Document. */
  parent_pattern = g_strdup_printf ("/P\\s+%" G_GUINT64_FORMAT "\\s+%" G_GUINT64_FORMAT "\\s+R",
                                    tree_number, tree_generation);
  parent = g_regex_new (parent_pattern, 0, 0, NULL);
  for (guint i = 0; i < kids->len; i++)
    {
      Reference *kid = &g_array_index (kids, Reference, i);
      g_autofree char *element = read_dictionary (pdf, kid->number, kid->generation);
      g_autofree char *replacement = g_strdup_printf ("/P %" G_GUINT64_FORMAT " 0 R", document);
      char *reparented;

      if (element == NULL || !g_regex_match (parent, element, 0, NULL))
        return FALSE;
      reparented = g_regex_replace_literal (parent, element, -1, 0, replacement, 0, NULL);
      if (reparented == NULL)
        return FALSE;
      g_ptr_array_add (new_kids, reparented);
      g_string_append_printf (kid_list, " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " R", kid->number, kid->generation);
    }

  /* The root's /K, whole, gives way to the Document. */
  k = strstr (tree, "/K");
  end = skip_space ((Bytes) { tree, strlen (tree) }, k + 2);
  if (*end == '[')
    end = strchr (end, ']') + 1;
  else
    {
      guint64 unused[2];

      read_reference ((Bytes) { tree, strlen (tree) }, &end, &unused[0], &unused[1]);
    }
  new_tree = g_strdup_printf ("%.*s/K %" G_GUINT64_FORMAT " 0 R%s", (int)(k - tree), tree, document, end);

  {
    g_autofree char *element = g_strdup_printf (" /Type /StructElem /S /Document /P %" G_GUINT64_FORMAT
                                                " %" G_GUINT64_FORMAT " R /K [%s ] ",
                                                tree_number, tree_generation, kid_list->str);
    update_add (update, document, 0, element);
  }
  update_add (update, tree_number, tree_generation, new_tree);
  for (guint i = 0; i < kids->len; i++)
    {
      Reference *kid = &g_array_index (kids, Reference, i);

      update_add (update, kid->number, kid->generation, g_ptr_array_index (new_kids, i));
    }
  return TRUE;
}

static gboolean
is_language_tag (const char *language)
{
  if (*language == '\0')
    return FALSE;
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Marks the finished PDF at @path as tagged, in @language, with its title
 * shown in place of the file name and its structure under one Document. */
gboolean
pb_pdf_mark_accessible (const char  *path,
                        const char  *language,
                        GError     **error)
{
  g_auto(PdfFile) pdf = { { NULL, 0 }, 0 };
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) catalog = NULL;
  g_autoptr(GArray) objects = g_array_new (FALSE, FALSE, sizeof (UpdatedObject));
  g_autoptr(GString) text = g_string_new (NULL);
  Update update;
  gboolean catalog_done;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language != NULL && is_language_tag (language), FALSE);

  if (!load (path, &contents, &pdf, error))
    return FALSE;

  if (pdf.bytes.length > 0 && contents[pdf.bytes.length - 1] != '\n')
    g_string_append_c (text, '\n');
  update.text = text;
  update.objects = objects;
  update.base = pdf.bytes.length;

  catalog_done = strstr (pdf.catalog, "/MarkInfo") != NULL && strstr (pdf.catalog, "/Lang") != NULL;
  if (!wrap_in_document (&pdf, &update))
    g_debug ("%s: the structure tree is left as it is", path);
  if (catalog_done && objects->len == 0)
    return TRUE;

  catalog = g_string_new (pdf.catalog);
  if (strstr (pdf.catalog, "/MarkInfo") == NULL)
    g_string_append (catalog, "   /MarkInfo << /Marked true >>\n");
  if (strstr (pdf.catalog, "/Lang") == NULL)
    g_string_append_printf (catalog, "   /Lang (%s)\n", language);
  if (strstr (pdf.catalog, "/ViewerPreferences") == NULL)
    g_string_append (catalog, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
  if (!catalog_done)
    update_add (&update, pdf.root, pdf.root_generation, catalog->str);
  update_finish (&update, &pdf);

  file = g_file_new_for_path (path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), text->str, text->len, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;

  return TRUE;
}
