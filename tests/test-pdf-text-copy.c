/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pb-document.h"
#include "pb-pdf-content.h"
#include "pb-pdf-open.h"
#include "pb-test-util.h"

/* Text is read from a copy of a PDF/A file with its catalog's output
 * intents out of poppler's sight (poppler would set up colour conversion
 * for every page): the copy differs from the file in that one name alone,
 * never where the same words stand elsewhere, and its text is the file's. */

/* A PDF made by hand, so that the catalog says what a PDF/A file's says:
 * the key in the catalog, and the same words in a page's text, in another
 * dictionary and in a stream. Offsets worked out as it is written. */
static GBytes *
make_pdf_a (void)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) /OutputIntents [ 4 0 R ] >>",
    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] /Contents 6 0 R"
    " /Resources << /Font << /F1 5 0 R >> >> >>",
    "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /Extra << /Type /Foo"
    " /OutputIntents [ ] >> >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    NULL,
  };
  const char *content = "BT /F1 12 Tf 72 720 Td (Care leavers /OutputIntents and the local offer) Tj ET";
  GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  for (guint i = 0; objects[i] != NULL; i++)
    {
      g_array_append_val (offsets, pdf->len);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  g_array_append_val (offsets, pdf->len);
  g_string_append_printf (pdf, "6 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
                          strlen (content), content);

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          offsets->len + 1, xref);
  return g_string_free_to_bytes (pdf);
}

static char *
write_file (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

/* Each page's text and size as import reads them, in one string. */
static char *
read_pages (PopplerDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbReportContent) content = pb_pdf_read_content (document, NULL, NULL, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < content->pages->len; i++)
    {
      const PbPageContent *page = &g_array_index (content->pages, PbPageContent, i);

      g_string_append_printf (all, "[%g×%g]%s\n", page->width, page->height, page->text);
    }
  return g_string_free (all, FALSE);
}

static void
test_catalog_key_only (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(GBytes) original = make_pdf_a ();
  g_autofree char *path = write_file (dir, "pdf-a.pdf", original);
  g_autoptr(GBytes) copy = pb_pdf_text_copy (path);
  const char *a, *b;
  gsize size, n_different = 0;
  g_autoptr(GObject) shown = NULL;
  g_autoptr(GObject) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown_text = NULL;
  g_autofree char *read_text = NULL;

  g_assert_nonnull (copy);
  a = g_bytes_get_data (original, &size);
  b = g_bytes_get_data (copy, NULL);
  g_assert_cmpuint (g_bytes_get_size (copy), ==, size);
  for (gsize i = 0; i < size; i++)
    if (a[i] != b[i])
      {
        /* The last letter of the catalog's key, and nothing else. */
        g_assert_true (g_str_has_prefix (a + i - strlen ("/OutputIntent"), "/OutputIntents [ 4 0 R ]"));
        g_assert_true (strstr (a, "/Type /Catalog") < a + i && a + i < strstr (a, "endobj"));
        g_assert_cmpint (b[i], ==, 'X');
        n_different++;
      }
  g_assert_cmpuint (n_different, ==, 1);

  /* The copy opens, and reads as the file does: the words in the page's
   * text are not touched. */
  shown = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_assert_no_error (error);
  reading = G_OBJECT (pb_pdf_open_for_text (path, NULL, &error));
  g_assert_no_error (error);
  shown_text = read_pages (POPPLER_DOCUMENT (shown));
  read_text = read_pages (POPPLER_DOCUMENT (reading));
  g_assert_nonnull (strstr (read_text, "/OutputIntents"));
  g_assert_cmpstr (read_text, ==, shown_text);
  g_assert_cmpstr (pb_pdf_document_get_path (POPPLER_DOCUMENT (reading)), ==, path);

  pb_test_remove_dir (dir);
}

/* An encrypted PDF/A file: names are not encrypted, so a copy could be
 * made; but it is read from the file, since poppler 22.12 crashes opening
 * from memory with a wrong password. Right, wrong and no password all give
 * what opening the file gives. */
static void
test_encrypted (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(GBytes) original = make_pdf_a ();
  g_autofree char *plain = write_file (dir, "pdf-a.pdf", original);
  g_autofree char *path = pb_test_encrypt_pdf (plain, "secret");
  g_autoptr(GBytes) copy = pb_pdf_text_copy (path);
  g_autoptr(GObject) shown = NULL;
  g_autoptr(GObject) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown_text = NULL;
  g_autofree char *read_text = NULL;

  g_assert_nonnull (copy);
  reading = G_OBJECT (pb_pdf_open_for_text (path, NULL, &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);
  reading = G_OBJECT (pb_pdf_open_for_text (path, "wrong", &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  reading = G_OBJECT (pb_pdf_open_for_text (path, "secret", &error));
  g_assert_no_error (error);
  shown = G_OBJECT (pb_pdf_open (path, "secret", &error));
  g_assert_no_error (error);
  shown_text = read_pages (POPPLER_DOCUMENT (shown));
  read_text = read_pages (POPPLER_DOCUMENT (reading));
  g_assert_nonnull (strstr (read_text, "Care leavers"));
  g_assert_cmpstr (read_text, ==, shown_text);

  pb_pdf_forget_passwords ();
  pb_test_remove_dir (dir);
}

/* A file that names no output intent is read as it is. */
static void
test_no_copy (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  const char *pages[] = { "Children in care.", NULL };
  g_autofree char *path = pb_test_write_pdf (dir, "plain.pdf", pages, NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);

  g_assert_null (pb_pdf_text_copy (path));
  g_assert_null (pb_pdf_text_copy (missing));
  pb_test_remove_dir (dir);
}

/* The published reports saved as PDF/A read the same either way. */
static void
test_corpus (void)
{
  g_autofree char *folder = pb_test_corpus_path ("ilacs");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_copied = 0;

  if (folder == NULL)
    {
      g_test_skip ("The shared corpus is not here (set PB_CORPUS_DIR)");
      return;
    }
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GBytes) copy = NULL;
      g_autoptr(GObject) shown = NULL;
      g_autoptr(GObject) reading = NULL;
      g_autofree char *shown_text = NULL;
      g_autofree char *read_text = NULL;

      if (!g_str_has_suffix (name, ".pdf") || !(copy = pb_pdf_text_copy (path)))
        continue;
      n_copied++;
      shown = G_OBJECT (pb_pdf_open (path, NULL, NULL));
      reading = G_OBJECT (pb_pdf_open_for_text (path, NULL, NULL));
      g_assert_nonnull (shown);
      g_assert_nonnull (reading);
      shown_text = read_pages (POPPLER_DOCUMENT (shown));
      read_text = read_pages (POPPLER_DOCUMENT (reading));
      g_assert_cmpstr (read_text, ==, shown_text);
    }
  g_test_message ("%u reports read from a copy", n_copied);
  g_assert_cmpuint (n_copied, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-text-copy/catalog-key-only", test_catalog_key_only);
  g_test_add_func ("/pdf-text-copy/encrypted", test_encrypted);
  g_test_add_func ("/pdf-text-copy/no-copy", test_no_copy);
  g_test_add_func ("/pdf-text-copy/corpus", test_corpus);

  return g_test_run ();
}
