/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "pb-export-file.h"
#include "pb-pdf-catalog.h"

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
 * pb_pdf_mark_accessible_bytes:
 * @pdf: a whole PDF file
 * @language: a language tag such as "en-GB"
 * @title: (nullable): a title to give a file that has none
 * @error: a #GError, or %NULL
 *
 * Marks the PDF as tagged (/MarkInfo << /Marked true >>), in @language
 * (/Lang, unless it has one), with its title shown in place of the file
 * name (/ViewerPreferences << /DisplayDocTitle true >>), its structure
 * tree's top level under one Document element, and @title as its title
 * when it has none.  Object and xref streams are kept as they were.
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
  g_auto(Pdf) file = { NULL, NULL };
  gboolean changed = FALSE;
  qpdf_oh root;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (language != NULL && is_language_tag (language), NULL);

  if (!pdf_open (&file, pdf, error))
    return NULL;

  root = qpdf_get_root (file.qpdf);
  changed |= ensure_flag (file.qpdf, root, "/MarkInfo", "/Marked");
  changed |= ensure_language (file.qpdf, root, language);
  changed |= ensure_flag (file.qpdf, root, "/ViewerPreferences", "/DisplayDocTitle");
  changed |= ensure_title (file.qpdf, title);
  changed |= wrap_in_document (file.qpdf, root);
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
