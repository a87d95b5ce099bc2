/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "pb-pdf-catalog.h"
#include "pb-pdf-writer.h"
#include "pb-test-pdf.h"
#include "pb-test-util.h"

/* The catalogue update that tells screen readers a written PDF is tagged
 * and in British English. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPdfWriter) writer = NULL;
  const char *left[] = { "Children in care", "Care leavers" };
  const char *right[] = { "Good", "Requires improvement" };

  f->dir = pb_test_make_dir ();
  f->path = g_build_filename (f->dir, "tagged.pdf", NULL);

  writer = pb_pdf_writer_new (f->path, "Panel briefing", "Officer");
  pb_pdf_writer_set_outline (writer, TRUE);
  pb_pdf_writer_heading (writer, 1, "Panel briefing");
  pb_pdf_writer_paragraph (writer, "An opening paragraph.");
  pb_pdf_writer_heading (writer, 2, "Grades");
  pb_pdf_writer_table (writer, "Judgement", "Grade", left, right, G_N_ELEMENTS (left));
  pb_pdf_writer_quote (writer, "Leaders know their services well.");
  pb_pdf_writer_page_break (writer);
  pb_pdf_writer_heading (writer, 2, "Second page");
  g_assert_true (pb_pdf_writer_finish (writer, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
collect_kinds (PopplerStructureElementIter *iter,
               GHashTable                  *kinds)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);

      if (element != NULL)
        {
          g_hash_table_add (kinds, GINT_TO_POINTER (poppler_structure_element_get_kind (element)));
          g_object_unref (element);
        }
      if (child != NULL)
        {
          collect_kinds (child, kinds);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

/* The last @needle in @length bytes of @contents, which may hold NULs. */
static const char *
find_last (const char *contents,
           gsize       length,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = length - needle_length + 1; i-- > 0; )
    if (memcmp (contents + i, needle, needle_length) == 0)
      return contents + i;
  g_assert_not_reached ();
}

static char *
read_all (const char *path,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
count_message (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        data)
{
  guint *count = data;

  (*count)++;
}

/* The writer's output says it is tagged and English, its structure tree
 * survives the update under one Document element (so poppler, reading it
 * as tagged, has nothing to complain of), and the pages read as before. */
static void
test_marked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *catalog = pb_pdf_read_catalog (f->path, &error);
  g_autofree char *uri = g_filename_to_uri (f->path, NULL, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  PopplerDocument *document;
  PopplerStructureElementIter *iter;

  guint complaints = 0;
  guint handler = g_log_set_handler ("Poppler", G_LOG_LEVEL_MASK, count_message, &complaints);
  PopplerStructureElement *root;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot"));
  g_assert_nonnull (strstr (catalog, "/Outlines"));
  {
    /* XMP metadata saying the tagged file is PDF/UA, with its title. */
    g_autofree char *xmp = pb_pdf_read_metadata (f->path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (xmp);
    g_assert_nonnull (strstr (xmp, "<pdfuaid:part>1</pdfuaid:part>"));
    g_assert_nonnull (strstr (xmp, "<rdf:li xml:lang=\"x-default\">Panel briefing</rdf:li>"));
    g_assert_nonnull (strstr (xmp, "<dc:creator><rdf:Seq><rdf:li>Officer</rdf:li>"));
  }

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);

  iter = poppler_structure_element_iter_new (document);
  g_assert_nonnull (iter);
  root = poppler_structure_element_iter_get_element (iter);
  g_assert_cmpint (poppler_structure_element_get_kind (root), ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  g_object_unref (root);
  g_assert_false (poppler_structure_element_iter_next (iter));
  poppler_structure_element_iter_free (iter);

  iter = poppler_structure_element_iter_new (document);
  collect_kinds (iter, kinds);
  poppler_structure_element_iter_free (iter);
  g_object_unref (document);
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_HEADING_1)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_HEADING_2)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_PARAGRAPH)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_TABLE)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_TABLE_ROW)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_BLOCKQUOTE)));

  g_log_remove_handler ("Poppler", handler);
  g_assert_cmpuint (complaints, ==, 0);
}

/* Marking twice adds nothing the second time. */
static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  before = read_all (f->path, &before_length);
  g_assert_true (pb_pdf_mark_accessible (f->path, "en-GB", &error));
  g_assert_no_error (error);
  after = read_all (f->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A later update that does not touch the catalogue is followed back
 * through /Prev to the version that does. */
static void
test_follows_previous (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *root = NULL;
  g_autofree char *uri = g_filename_to_uri (f->path, NULL, NULL);
  PopplerDocument *document;
  const char *startxref, *size, *root_at;
  gsize length, xref_offset;
  guint64 previous, objects;

  contents = read_all (f->path, &length);
  startxref = find_last (contents, length, "startxref");
  previous = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  size = find_last (contents, length, "/Size");
  objects = g_ascii_strtoull (size + strlen ("/Size"), NULL, 10);
  root_at = find_last (contents, length, "/Root") + strlen ("/Root");
  root = g_strndup (root_at, strchr (root_at, 'R') + 1 - root_at);   /* " 143 0 R" */

  /* One new object in a section of its own, the trailer naming the same root. */
  file = g_string_new_len (contents, length);
  g_string_append_printf (file, "%" G_GUINT64_FORMAT " 0 obj\n(added later)\nendobj\n", objects);
  xref_offset = file->len;
  g_string_append_printf (file,
                          "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n<< /Size %" G_GUINT64_FORMAT " /Root%s /Prev %" G_GUINT64_FORMAT " >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          objects, length, objects + 1, root, previous, xref_offset);
  g_assert_true (g_file_set_contents (f->path, file->str, file->len, &error));
  g_assert_no_error (error);

  catalog = pb_pdf_read_catalog (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  g_object_unref (document);
}

/* Something that is not a finished PDF is refused and left as it was. */
static void
test_refuses_unfinished (Fixture       *f,
                         gconstpointer  data)
{
  const char *cases[] = { "", "plain text, not a PDF\n", NULL };
  g_autofree char *whole = NULL;
  gsize whole_length;

  whole = read_all (f->path, &whole_length);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/case-%u.pdf", f->dir, i);
      g_autofree char *after = NULL;
      gsize length, after_length;

      /* The last case is the writer's output cut off half way. */
      length = cases[i] != NULL ? strlen (cases[i]) : whole_length / 2;
      g_assert_true (g_file_set_contents (path, cases[i] != NULL ? cases[i] : whole, length, NULL));

      g_assert_false (pb_pdf_mark_accessible (path, "en-GB", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      after = read_all (path, &after_length);
      g_assert_cmpmem (after, after_length, cases[i] != NULL ? cases[i] : whole, length);
    }
}

/* A character no installed font has (an emoji, where there is no emoji
 * font) is drawn as a plain marker, and the text layer, in the body and
 * the running header alike, holds the character itself, never the hex
 * digits of pango's missing-glyph box. */
static void
test_missing_glyphs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "emoji.pdf", NULL);
  g_autoptr(PbTestPdf) pdf = NULL;
  const char *text;

  writer = pb_pdf_writer_new (path, "Gwasanaethau Plant \U0001F9D2", NULL);
  pb_pdf_writer_set_running_header (writer, NULL, "Gwasanaethau Plant \U0001F9D2", "Cyngor \U0001F3F0");
  pb_pdf_writer_heading (writer, 1, "Gwasanaethau Plant \U0001F9D2");
  pb_pdf_writer_paragraph (writer, "A party \U0001F389 for care leavers \U0001F9D2, caf\u00E9.");
  g_assert_true (pb_pdf_writer_finish (writer, &error));
  g_assert_no_error (error);

  pdf = pb_test_pdf_open (path);
  text = g_ptr_array_index (pdf->texts, 0);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Gwasanaethau Plant \U0001F9D2\n"));
  g_assert_nonnull (strstr (text, "A party \U0001F389 for care leavers \U0001F9D2, caf\u00E9."));
  g_assert_nonnull (strstr (text, "Cyngor \U0001F3F0"));
  g_assert_null (strstr (text, "01F"));
  g_assert_null (strstr (text, "9D2"));
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-catalog/missing-glyphs", test_missing_glyphs);
  g_test_add ("/pdf-catalog/marked", Fixture, NULL, fixture_setup, test_marked, fixture_teardown);
  g_test_add ("/pdf-catalog/idempotent", Fixture, NULL, fixture_setup, test_idempotent, fixture_teardown);
  g_test_add ("/pdf-catalog/follows-previous", Fixture, NULL, fixture_setup, test_follows_previous, fixture_teardown);
  g_test_add ("/pdf-catalog/refuses-unfinished", Fixture, NULL, fixture_setup, test_refuses_unfinished, fixture_teardown);

  return g_test_run ();
}
