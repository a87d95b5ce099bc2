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

/* The number after @key in a dictionary's text, e.g. /Size 109. */
static gboolean
dictionary_number (const char *inner,
                   const char *key,
                   guint64    *number)
{
  const char *found = strstr (inner, key);
  Bytes bytes = { inner, strlen (inner) };
  const char *p;

  if (found == NULL)
    return FALSE;
  p = found + strlen (key);
  return read_number (bytes, &p, number);
}

typedef struct
{
  guint64  root;         /* catalogue object number */
  guint64  root_generation;
  guint64  size;
  guint64  xref_offset;  /* of the newest xref section */
  guint64  catalog_offset;
  char    *trailer;      /* newest trailer, without its brackets */
  char    *catalog;      /* catalogue dictionary, without its brackets */
} Catalog;

static void
catalog_clear (Catalog *catalog)
{
  g_clear_pointer (&catalog->trailer, g_free);
  g_clear_pointer (&catalog->catalog, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Catalog, catalog_clear)

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

static gboolean
read_catalog (Bytes     bytes,
              Catalog  *catalog)
{
  const char *startxref = find_last (bytes, "startxref");
  const char *section, *p, *body, *endobj, *root;
  const char *unused_trailer;
  guint64 object, generation;
  g_autofree char *inner = NULL;
  Bytes trailer;
  guint depth;

  if (startxref == NULL)
    return FALSE;
  p = startxref + strlen ("startxref");
  if (!read_number (bytes, &p, &catalog->xref_offset) ||
      (section = section_at (bytes, catalog->xref_offset)) == NULL ||
      (catalog->trailer = section_trailer (bytes, section)) == NULL ||
      !dictionary_number (catalog->trailer, "/Size", &catalog->size) ||
      (root = strstr (catalog->trailer, "/Root")) == NULL)
    return FALSE;

  /* "/Root 108 0 R" */
  trailer.data = catalog->trailer;
  trailer.length = strlen (catalog->trailer);
  root += strlen ("/Root");
  if (!read_number (trailer, &root, &catalog->root) ||
      !read_number (trailer, &root, &catalog->root_generation))
    return FALSE;

  /* Older sections are reached through /Prev until one holds the catalogue. */
  for (depth = 0; depth < 64; depth++)
    {
      g_autofree char *older = NULL;
      guint64 previous;

      if (xref_lookup (bytes, section, catalog->root, &catalog->catalog_offset, &unused_trailer))
        break;
      older = section_trailer (bytes, section);
      if (older == NULL || !dictionary_number (older, "/Prev", &previous) ||
          (section = section_at (bytes, previous)) == NULL)
        return FALSE;
    }
  if (depth == 64 || catalog->catalog_offset >= bytes.length)
    return FALSE;

  p = bytes.data + catalog->catalog_offset;
  if (!read_number (bytes, &p, &object) || !read_number (bytes, &p, &generation) ||
      object != catalog->root || generation != catalog->root_generation)
    return FALSE;
  p = skip_space (bytes, p);
  if (p + 3 > bytes.data + bytes.length || memcmp (p, "obj", 3) != 0)
    return FALSE;
  body = skip_space (bytes, p + 3);
  endobj = find_from (bytes, body, "endobj");
  if (endobj == NULL || body + 2 > endobj || memcmp (body, "<<", 2) != 0)
    return FALSE;

  inner = dictionary_inner (bytes, body);
  if (inner == NULL || strstr (inner, "/Catalog") == NULL)
    return FALSE;
  catalog->catalog = g_steal_pointer (&inner);
  return TRUE;
}

static gboolean
load (const char  *path,
      char       **contents,
      gsize       *length,
      Catalog     *catalog,
      GError     **error)
{
  Bytes bytes;

  if (!g_file_get_contents (path, contents, length, error))
    return FALSE;

  bytes.data = *contents;
  bytes.length = *length;
  if (!read_catalog (bytes, catalog))
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
  g_auto(Catalog) catalog = { 0 };
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!load (path, &contents, &length, &catalog, error))
    return NULL;
  return g_steal_pointer (&catalog.catalog);
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

/* Strips "/Prev N" from a trailer's text: the new trailer names its own. */
static void
drop_previous (GString *trailer)
{
  char *prev = strstr (trailer->str, "/Prev");
  char *p;

  if (prev == NULL)
    return;
  p = prev + strlen ("/Prev");
  while (*p == ' ' || g_ascii_isdigit (*p))
    p++;
  g_string_erase (trailer, prev - trailer->str, p - prev);
}

/* Marks the finished PDF at @path as tagged, in @language, with its title
 * shown in place of the file name. */
gboolean
pb_pdf_mark_accessible (const char  *path,
                        const char  *language,
                        GError     **error)
{
  g_auto(Catalog) catalog = { 0 };
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) trailer = NULL;
  gsize length;
  guint64 object_offset, xref_offset;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language != NULL && is_language_tag (language), FALSE);

  if (!load (path, &contents, &length, &catalog, error))
    return FALSE;
  if (strstr (catalog.catalog, "/MarkInfo") != NULL && strstr (catalog.catalog, "/Lang") != NULL)
    return TRUE;

  if (length > 0 && contents[length - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = length + update->len;

  g_string_append_printf (update, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj\n<<%s",
                          catalog.root, catalog.root_generation, catalog.catalog);
  if (strstr (catalog.catalog, "/MarkInfo") == NULL)
    g_string_append (update, "   /MarkInfo << /Marked true >>\n");
  if (strstr (catalog.catalog, "/Lang") == NULL)
    g_string_append_printf (update, "   /Lang (%s)\n", language);
  if (strstr (catalog.catalog, "/ViewerPreferences") == NULL)
    g_string_append (update, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
  g_string_append (update, ">>\nendobj\n");

  trailer = g_string_new (catalog.trailer);
  drop_previous (trailer);
  xref_offset = length + update->len;
  g_string_append_printf (update,
                          "xref\n"
                          "%" G_GUINT64_FORMAT " 1\n"
                          "%010" G_GUINT64_FORMAT " %05" G_GUINT64_FORMAT " n \n"
                          "trailer\n"
                          "<<%s   /Prev %" G_GUINT64_FORMAT "\n>>\n"
                          "startxref\n"
                          "%" G_GUINT64_FORMAT "\n"
                          "%%%%EOF\n",
                          catalog.root,
                          object_offset, catalog.root_generation,
                          trailer->str, catalog.xref_offset,
                          xref_offset);

  file = g_file_new_for_path (path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), update->str, update->len, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;

  return TRUE;
}
