/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE            /* memmem () */
#define G_LOG_DOMAIN "pb-pdf-text-copy"

#include "config.h"

#include <string.h>

#include "pb-pdf-open.h"

/* Poppler sets up the conversion of colours to a PDF's output intent (the
 * ICC profile that a PDF/A file names in its catalog's /OutputIntents) for
 * every page it reads, text extraction included (Gfx::initDisplayProfile in
 * poppler 22.12), and lcms2 inverts the profile's tone curves each time:
 * some 10 ms a page, nine tenths of reading the text of a report that Word
 * saved as PDF/A, as most published inspection reports are. Text needs no
 * colour, so the text is read from a copy in which the catalog's key is
 * renamed: a name of the same length, so every offset in the file stays
 * right, which poppler does not know and passes over. The file itself is
 * never changed; a catalog kept in a compressed object stream is not seen,
 * and is read as it is. */

#define KEY     "/OutputIntents"
#define RENAMED "/OutputIntentX"
/* How far around the key the catalog's /Type is looked for. */
#define LOOK_BACK 4096

G_STATIC_ASSERT (sizeof KEY == sizeof RENAMED);

/* PDF's delimiters and white space end a name (ISO 32000-1, 7.2.2). */
static gboolean
ends_name (char c)
{
  return strchr ("()<>[]{}/% \t\r\n\f", c) != NULL || c == '\0';
}

/* The last place of @needle in [@from, @to), or NULL. */
static const char *
find_last (const char *from,
           const char *to,
           const char *needle)
{
  gsize n = strlen (needle);
  const char *found = NULL;

  for (const char *at = from; at != NULL && (gsize)(to - at) >= n;)
    {
      const char *hit = memmem (at, to - at, needle, n);

      if (hit == NULL)
        break;
      found = hit;
      at = hit + 1;
    }
  return found;
}

/* Whether [@from, @to) holds /Type /Catalog (with or without space). */
static gboolean
says_catalog (const char *from,
              const char *to)
{
  for (const char *type = from; (type = memmem (type, to - type, "/Type", 5)) != NULL;)
    {
      type += strlen ("/Type");
      while (type < to && g_ascii_isspace (*type))
        type++;
      if ((gsize)(to - type) > strlen ("/Catalog") && g_str_has_prefix (type, "/Catalog") &&
          ends_name (type[strlen ("/Catalog")]))
        return TRUE;
    }
  return FALSE;
}

/* Whether the key at @key is one of the catalog's own: in an object (the
 * text between the "endobj" before it and the one after) that says
 * /Type /Catalog, before any stream. Writers put the keys in any order. */
static gboolean
in_catalog (const char *data,
            gsize       size,
            const char *key)
{
  const char *from = key - MIN ((gsize)(key - data), LOOK_BACK);
  const char *to = key + MIN ((gsize)(data + size - key), LOOK_BACK);
  const char *found;

  if ((found = find_last (from, key, "endobj")) != NULL)
    from = found + strlen ("endobj");
  if (find_last (from, key, "stream") != NULL)
    return FALSE;
  if ((found = memmem (key, to - key, "endobj", strlen ("endobj"))) != NULL)
    to = found;
  if ((found = memmem (key, to - key, "stream", strlen ("stream"))) != NULL)
    to = found;
  return says_catalog (from, to);
}

/**
 * pb_pdf_text_copy:
 * @path: a PDF file
 *
 * A copy of @path for reading its text, with its catalog's output intents
 * out of poppler's sight (see above): the same length, every other byte the
 * same.
 *
 * Returns: (transfer full) (nullable): the copy; %NULL when the file names
 *   no output intent where this can see it (or cannot be read), and is best
 *   read as it is
 */
GBytes *
pb_pdf_text_copy (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  char *copy = NULL;
  gsize size;

  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);

  for (const char *at = data; data != NULL && at < data + size;)
    {
      const char *key = memmem (at, data + size - at, KEY, strlen (KEY));
      gsize offset;

      if (key == NULL)
        break;
      at = key + strlen (KEY);
      if (at < data + size && !ends_name (*at))
        continue;
      if (!in_catalog (data, size, key))
        continue;

      if (copy == NULL)
        copy = g_memdup2 (data, size);
      offset = key - data;
      memcpy (copy + offset, RENAMED, strlen (RENAMED));
    }

  return copy != NULL ? g_bytes_new_take (copy, size) : NULL;
}
