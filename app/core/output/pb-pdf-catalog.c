/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb-export-file.h"
#include "pb-pdf-catalog-private.h"

/* What cairo leaves out of the document catalogue, put in with libqpdf.
 *
 * Cairo 1.16 writes a structure tree for the tags the writer sets, but no
 * /MarkInfo saying the document is tagged and no /Lang, so screen readers
 * ignore the tree and guess the language; nor does it ask viewers to show
 * the title rather than the file name.  The tree's top level is the list of
 * headings, paragraphs and tables, because cairo cannot carry an element
 * across a page break; readers of tagged PDFs expect one Document element
 * there, so that list is gathered under one.
 *
 * For PDF/UA (ISO 14289-1) the completion goes further, when the writer's
 * notes say how: the tree's elements get the attributes cairo cannot write
 * and headers and footers become artifacts (pb-pdf-tags.c, pb-pdf-marked.c),
 * links get descriptions, pages a tab order, and the file XMP metadata
 * that repeats its document information and, for a tagged file, says it
 * is PDF/UA (pdfuaid:part 1).
 *
 * qpdf reads whatever cairo writes, whichever its version: classic xref
 * tables (1.16) or xref and object streams (1.17.8 on, as in the Flatpak
 * runtime), and writes the file again in the same shape.  A file that is
 * not a whole PDF (cut short, or not a PDF at all) is refused, not
 * repaired: qpdf's recovery is turned off. */

typedef struct
{
  qpdf_data  qpdf;
  GBytes    *input;   /* qpdf reads from it until cleaned up */
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  if (pdf->qpdf != NULL)
    {
      /* Kept out of the way of a caller's stderr; said for whoever debugs. */
      while (qpdf_more_warnings (pdf->qpdf))
        g_debug ("qpdf: %s", qpdf_get_error_full_text (pdf->qpdf, qpdf_next_warning (pdf->qpdf)));
      qpdf_cleanup (&pdf->qpdf);
    }
  g_clear_pointer (&pdf->input, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

/* FALSE, with @error set from qpdf's, when qpdf has met an error since it
 * was last asked. */
static gboolean
pdf_ok (Pdf     *pdf,
        GError **error)
{
  g_autofree char *detail = NULL;

  if (!qpdf_has_error (pdf->qpdf))
    return TRUE;

  detail = g_strdup (qpdf_get_error_full_text (pdf->qpdf, qpdf_get_error (pdf->qpdf)));
  g_debug ("qpdf: %s", detail);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The PDF’s document catalogue could not be found."));
  return FALSE;
}

/* Opens the PDF in @input, refusing anything but a whole, readable PDF
 * with a catalogue. */
static gboolean
pdf_open (Pdf      *pdf,
          GBytes   *input,
          GError  **error)
{
  gsize length;
  const char *data = g_bytes_get_data (input, &length);

  pdf->input = g_bytes_ref (input);
  pdf->qpdf = qpdf_init ();
  qpdf_silence_errors (pdf->qpdf);
  qpdf_set_suppress_warnings (pdf->qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (pdf->qpdf, QPDF_FALSE);

  qpdf_read_memory (pdf->qpdf, "PDF", data != NULL ? data : "", length, NULL);
  if (!pdf_ok (pdf, error))
    return FALSE;
  if (!qpdf_oh_is_dictionary (pdf->qpdf, qpdf_get_root (pdf->qpdf)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF’s document catalogue could not be found."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_true (qpdf_data  qpdf,
         qpdf_oh    oh)
{
  return qpdf_oh_is_bool (qpdf, oh) && qpdf_oh_get_bool_value (qpdf, oh);
}

/* Makes @key of @dict a dictionary whose @flag is true, unless it is one
 * already.  Returns whether anything changed. */
static gboolean
ensure_flag (qpdf_data   qpdf,
             qpdf_oh     dict,
             const char *key,
             const char *flag)
{
  qpdf_oh value = qpdf_oh_get_key (qpdf, dict, key);

  if (!qpdf_oh_is_dictionary (qpdf, value))
    {
      value = qpdf_oh_new_dictionary (qpdf);
      qpdf_oh_replace_key (qpdf, dict, key, value);
    }
  else if (is_true (qpdf, qpdf_oh_get_key (qpdf, value, flag)))
    return FALSE;

  qpdf_oh_replace_key (qpdf, value, flag, qpdf_oh_new_bool (qpdf, QPDF_TRUE));
  return TRUE;
}

/* A /Lang the file already has is the author's word and stays. */
static gboolean
ensure_language (qpdf_data   qpdf,
                 qpdf_oh     root,
                 const char *language)
{
  qpdf_oh lang = qpdf_oh_get_key (qpdf, root, "/Lang");

  if (qpdf_oh_is_string (qpdf, lang) && *qpdf_oh_get_utf8_value (qpdf, lang) != '\0')
    return FALSE;
  qpdf_oh_replace_key (qpdf, root, "/Lang", qpdf_oh_new_string (qpdf, language));
  return TRUE;
}

/* Keeps the title the file has; gives it @title when it has none. */
static gboolean
ensure_title (qpdf_data   qpdf,
              const char *title)
{
  qpdf_oh trailer, info, current;

  if (title == NULL || *title == '\0')
    return FALSE;

  trailer = qpdf_get_trailer (qpdf);
  info = qpdf_oh_get_key (qpdf, trailer, "/Info");
  if (!qpdf_oh_is_dictionary (qpdf, info))
    {
      info = qpdf_make_indirect_object (qpdf, qpdf_oh_new_dictionary (qpdf));
      qpdf_oh_replace_key (qpdf, trailer, "/Info", info);
    }
  current = qpdf_oh_get_key (qpdf, info, "/Title");
  if (qpdf_oh_is_string (qpdf, current) && *qpdf_oh_get_utf8_value (qpdf, current) != '\0')
    return FALSE;

  qpdf_oh_replace_key (qpdf, info, "/Title", qpdf_oh_new_unicode_string (qpdf, title));
  return TRUE;
}

/* Gathers the top of the structure tree under one Document element.
 * Returns whether anything changed: nothing when there is no tree, when it
 * has its Document already, or when it is not laid out as cairo writes it
 * (every child an element whose parent is the root). */
static gboolean
wrap_in_document (qpdf_data qpdf,
                  qpdf_oh   root)
{
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  qpdf_oh tree, k, document, list;
  int tree_id;

  tree = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  if (!qpdf_oh_is_dictionary (qpdf, tree) || (tree_id = qpdf_oh_get_object_id (qpdf, tree)) == 0)
    return FALSE;

  k = qpdf_oh_get_key (qpdf, tree, "/K");
  if (qpdf_oh_is_array (qpdf, k))
    for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
      {
        qpdf_oh kid = qpdf_oh_get_array_item (qpdf, k, i);
        g_array_append_val (kids, kid);
      }
  else if (qpdf_oh_is_dictionary (qpdf, k))
    g_array_append_val (kids, k);
  if (kids->len == 0)
    return FALSE;

  if (kids->len == 1 &&
      qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, g_array_index (kids, qpdf_oh, 0), "/S"), "/Document"))
    return FALSE;

  for (guint i = 0; i < kids->len; i++)
    {
      qpdf_oh kid = g_array_index (kids, qpdf_oh, i);

      if (!qpdf_oh_is_dictionary (qpdf, kid) ||
          qpdf_oh_get_object_id (qpdf, qpdf_oh_get_key (qpdf, kid, "/P")) != tree_id)
        {
          g_debug ("the structure tree is not as cairo writes it; left as it is");
          return FALSE;
        }
    }

  list = qpdf_oh_new_array (qpdf);
  for (guint i = 0; i < kids->len; i++)
    qpdf_oh_append_item (qpdf, list, g_array_index (kids, qpdf_oh, i));

  document = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh_replace_key (qpdf, document, "/Type", qpdf_oh_new_name (qpdf, "/StructElem"));
  qpdf_oh_replace_key (qpdf, document, "/S", qpdf_oh_new_name (qpdf, "/Document"));
  qpdf_oh_replace_key (qpdf, document, "/P", tree);
  qpdf_oh_replace_key (qpdf, document, "/K", list);
  document = qpdf_make_indirect_object (qpdf, document);

  for (guint i = 0; i < kids->len; i++)
    qpdf_oh_replace_key (qpdf, g_array_index (kids, qpdf_oh, i), "/P", document);
  qpdf_oh_replace_key (qpdf, tree, "/K", document);
  return TRUE;
}

/* "D:20241104093000+00'00'" (or "…Z", or cut short after the year) as
 * XMP writes dates: "2024-11-04T09:30:00+00:00"; NULL when it is not one. */
static char *
pdf_date_to_xmp (const char *text)
{
  int parts[6] = { 0, 1, 1, 0, 0, 0 };
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = text;
  int n = 0;

  if (text == NULL)
    return NULL;
  if (g_str_has_prefix (p, "D:"))
    p += 2;
  for (; n < 6 && g_ascii_isdigit (*p); n++)
    {
      int value = 0;

      for (int i = 0; i < widths[n]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          value = value * 10 + (*p - '0');
        }
      parts[n] = value;
    }
  if (n == 0)
    return NULL;
  if (n < 4)
    return g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  if (*p == '+' || *p == '-')
    {
      char sign = *p;
      int hours = 0, minutes = 0;

      if (sscanf (p + 1, "%2d'%2d", &hours, &minutes) < 1)
        hours = minutes = 0;
      return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", parts[0], parts[1], parts[2],
                              parts[3], parts[4], parts[5], sign, hours, minutes);
    }
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
}

/* The document information entry @key, or NULL. */
static const char *
info_value (qpdf_data   qpdf,
            const char *key)
{
  qpdf_oh info = qpdf_oh_get_key (qpdf, qpdf_get_trailer (qpdf), "/Info");
  qpdf_oh value = qpdf_oh_get_key (qpdf, info, key);

  if (!qpdf_oh_is_string (qpdf, value))
    return NULL;
  return qpdf_oh_get_utf8_value (qpdf, value);
}

static void
append_simple (GString    *xmp,
               const char *element,
               const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (xmp, "   <%s>%s</%s>\n", element, escaped, element);
}

static void
append_list (GString    *xmp,
             const char *element,
             const char *container,
             const char *attribute,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (xmp, "   <%s><rdf:%s><rdf:li%s>%s</rdf:li></rdf:%s></%s>\n",
                          element, container, attribute, escaped, container, element);
}

/* XMP metadata repeating the document information, which PDF/UA asks to
 * agree with it, unless the file has metadata already. */
static gboolean
ensure_metadata (qpdf_data   qpdf,
                 qpdf_oh     root,
                 const char *language)
{
  g_autoptr(GString) xmp = g_string_new (NULL);
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  gboolean tagged = qpdf_oh_is_dictionary (qpdf, qpdf_oh_get_key (qpdf, root, "/StructTreeRoot"));
  qpdf_oh stream, dict;

  if (qpdf_oh_is_stream (qpdf, qpdf_oh_get_key (qpdf, root, "/Metadata")))
    return FALSE;

  created = pdf_date_to_xmp (info_value (qpdf, "/CreationDate"));
  modified = pdf_date_to_xmp (info_value (qpdf, "/ModDate"));

  g_string_append (xmp, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                        "  <rdf:Description rdf:about=\"\"\n"
                        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                        "   <dc:format>application/pdf</dc:format>\n");
  append_list (xmp, "dc:title", "Alt", " xml:lang=\"x-default\"", info_value (qpdf, "/Title"));
  append_list (xmp, "dc:creator", "Seq", "", info_value (qpdf, "/Author"));
  append_list (xmp, "dc:description", "Alt", " xml:lang=\"x-default\"", info_value (qpdf, "/Subject"));
  append_list (xmp, "dc:language", "Bag", "", language);
  append_simple (xmp, "pdf:Keywords", info_value (qpdf, "/Keywords"));
  append_simple (xmp, "pdf:Producer", info_value (qpdf, "/Producer"));
  append_simple (xmp, "xmp:CreatorTool", info_value (qpdf, "/Creator"));
  append_simple (xmp, "xmp:CreateDate", created);
  append_simple (xmp, "xmp:ModifyDate", modified);
  if (tagged)
    g_string_append (xmp, "   <pdfuaid:part>1</pdfuaid:part>\n");
  g_string_append (xmp, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");

  stream = qpdf_oh_new_stream (qpdf);
  qpdf_oh_replace_stream_data (qpdf, stream, (const unsigned char *)xmp->str, xmp->len,
                               qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
  dict = qpdf_oh_get_dict (qpdf, stream);
  qpdf_oh_replace_key (qpdf, dict, "/Type", qpdf_oh_new_name (qpdf, "/Metadata"));
  qpdf_oh_replace_key (qpdf, dict, "/Subtype", qpdf_oh_new_name (qpdf, "/XML"));
  qpdf_oh_replace_key (qpdf, root, "/Metadata", stream);
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

/**
 * pb_pdf_complete_bytes:
 * @pdf: a whole PDF file
 * @completion: what to complete it with
 * @error: a #GError, or %NULL
 *
 * Completes the PDF's catalogue for screen readers and PDF/UA: marked as
 * tagged (/MarkInfo << /Marked true >>), in the completion's language
 * (/Lang, unless it has one), its title shown in place of the file name
 * (/ViewerPreferences << /DisplayDocTitle true >>), its structure tree's top
 * level under one Document element, the completion's title as its title
 * when it has none, XMP metadata (saying PDF/UA when the file is tagged),
 * link descriptions and a tab order; and, as the completion's notes say,
 * attributes on elements and headers and footers made artifacts, with
 * whatever else is drawn outside the tree.  Object and xref streams are
 * kept as they were.
 *
 * Returns: (transfer full): the completed file, or @pdf itself (a new
 *   reference) when there was nothing to do; %NULL with @error set to
 *   %G_IO_ERROR_INVALID_DATA when @pdf is not a whole PDF
 */
GBytes *
pb_pdf_complete_bytes (GBytes                 *pdf,
                       const PbPdfCompletion  *completion,
                       GError                **error)
{
  g_auto(Pdf) file = { NULL, NULL };
  g_autoptr(GHashTable) artifacts = NULL;
  gboolean changed = FALSE;
  qpdf_oh root;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (completion != NULL, NULL);
  g_return_val_if_fail (completion->language != NULL && is_language_tag (completion->language), NULL);

  if (!pdf_open (&file, pdf, error))
    return NULL;

  root = qpdf_get_root (file.qpdf);
  artifacts = _pb_pdf_artifacts_new ();
  changed |= ensure_flag (file.qpdf, root, "/MarkInfo", "/Marked");
  changed |= ensure_language (file.qpdf, root, completion->language);
  changed |= ensure_flag (file.qpdf, root, "/ViewerPreferences", "/DisplayDocTitle");
  changed |= ensure_title (file.qpdf, completion->title);
  changed |= _pb_pdf_apply_notes (file.qpdf, completion->notes, artifacts);
  changed |= _pb_pdf_mark_artifacts (file.qpdf, artifacts);
  changed |= wrap_in_document (file.qpdf, root);
  changed |= _pb_pdf_describe_links (file.qpdf, completion->links);
  changed |= _pb_pdf_set_tab_order (file.qpdf);
  changed |= ensure_metadata (file.qpdf, root, completion->language);
  if (!pdf_ok (&file, error))
    return NULL;
  if (!changed)
    return g_bytes_ref (pdf);

  /* Written as it came: object streams where cairo made them, and its
   * compressed streams left compressed as they are. */
  qpdf_init_write_memory (file.qpdf);
  qpdf_set_object_stream_mode (file.qpdf, qpdf_o_preserve);
  qpdf_write (file.qpdf);
  if (!pdf_ok (&file, error))
    return NULL;

  return g_bytes_new (qpdf_get_buffer (file.qpdf), qpdf_get_buffer_length (file.qpdf));
}

/**
 * pb_pdf_mark_accessible_bytes:
 * @pdf: a whole PDF file
 * @language: a language tag such as "en-GB"
 * @title: (nullable): a title to give a file that has none
 * @error: a #GError, or %NULL
 *
 * pb_pdf_complete_bytes() with no notes on its elements nor descriptions
 * of its links.
 *
 * Returns: (transfer full): the marked file, or @pdf itself (a new
 *   reference) when it was marked already; %NULL with @error set to
 *   %G_IO_ERROR_INVALID_DATA when @pdf is not a whole PDF
 */
GBytes *
pb_pdf_mark_accessible_bytes (GBytes      *pdf,
                              const char  *language,
                              const char  *title,
                              GError     **error)
{
  PbPdfCompletion completion = { language, title, NULL, NULL };

  g_return_val_if_fail (language != NULL && is_language_tag (language), NULL);
  return pb_pdf_complete_bytes (pdf, &completion, error);
}

/**
 * pb_pdf_mark_accessible:
 * @path: a PDF file, rewritten in place
 * @language: a language tag such as "en-GB"
 * @error: a #GError, or %NULL
 *
 * Marks the finished PDF at @path as pb_pdf_mark_accessible_bytes() does.
 * The new file replaces the old one whole (a private file, mode 0600,
 * renamed into place); a file marked already is left untouched.
 *
 * Returns: %TRUE, or %FALSE with @error set (%G_FILE_ERROR when @path
 *   cannot be read, %G_IO_ERROR_INVALID_DATA when it is not a whole PDF,
 *   another %G_IO_ERROR when it cannot be written), the file unchanged
 */
gboolean
pb_pdf_mark_accessible (const char  *path,
                        const char  *language,
                        GError     **error)
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) output = NULL;
  char *contents;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language != NULL && is_language_tag (language), FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  input = g_bytes_new_take (contents, length);

  if (!(output = pb_pdf_mark_accessible_bytes (input, language, NULL, error)))
    return FALSE;
  if (output == input)
    return TRUE;
  return pb_export_write_contents (path, g_bytes_get_data (output, NULL), g_bytes_get_size (output), error);
}

/**
 * pb_pdf_read_catalog:
 * @path: a PDF file
 * @error: a #GError, or %NULL
 *
 * The catalogue dictionary as a reader of @path takes it, in PDF syntax
 * without its outer brackets (e.g. " /Lang (en-GB) /MarkInfo << /Marked
 * true >> … "), for checking what was written.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set as for
 *   pb_pdf_mark_accessible()
 */
char *
pb_pdf_read_catalog (const char  *path,
                     GError     **error)
{
  g_auto(Pdf) file = { NULL, NULL };
  g_autoptr(GBytes) input = NULL;
  const char *text;
  char *contents;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  input = g_bytes_new_take (contents, length);
  if (!pdf_open (&file, input, error))
    return NULL;

  text = qpdf_oh_unparse_resolved (file.qpdf, qpdf_get_root (file.qpdf));
  if (!pdf_ok (&file, error))
    return NULL;
  length = strlen (text);
  if (length < 4 || !g_str_has_prefix (text, "<<") || !g_str_has_suffix (text, ">>"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF’s document catalogue could not be found."));
      return NULL;
    }
  return g_strndup (text + 2, length - 4);
}

/**
 * pb_pdf_read_metadata:
 * @path: a PDF file
 * @error: a #GError, or %NULL
 *
 * The XMP metadata of the document (its catalogue's /Metadata stream), for
 * checking what was written.
 *
 * Returns: (transfer full) (nullable): the XMP packet; %NULL with no error
 *   when the file has none; %NULL with @error set as for
 *   pb_pdf_mark_accessible() when it cannot be read
 */
char *
pb_pdf_read_metadata (const char  *path,
                      GError     **error)
{
  g_auto(Pdf) file = { NULL, NULL };
  g_autoptr(GBytes) input = NULL;
  unsigned char *data = NULL;
  size_t length = 0;
  char *contents;
  gsize size;
  char *text;
  qpdf_oh stream;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &size, error))
    return NULL;
  input = g_bytes_new_take (contents, size);
  if (!pdf_open (&file, input, error))
    return NULL;

  stream = qpdf_oh_get_key (file.qpdf, qpdf_get_root (file.qpdf), "/Metadata");
  if (!qpdf_oh_is_stream (file.qpdf, stream))
    return NULL;
  if (qpdf_oh_get_stream_data (file.qpdf, stream, qpdf_dl_generalized, NULL, &data, &length) != 0 ||
      !pdf_ok (&file, error))
    {
      free (data);
      return NULL;
    }
  text = g_strndup ((const char *)data, length);
  free (data);
  return text;
}
