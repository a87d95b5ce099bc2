/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "pb-pack-export.h"
#include "pb-pack-store.h"
#include "pb-report-edit.h"
#include "pb-report-store.h"
#include "pb-test-pdf.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* The council's logo, as every export takes it: a damaged or cut-short
 * PNG, or one whose header claims an absurd size, is refused by each
 * format alike with a plain message and no file left behind; a logo
 * scanned far larger than it is printed goes into the Word document at
 * its printed size, not whole. */

typedef PbPackFixture Fixture;

/* A @width × @height PNG of noise, which does not compress: a file large
 * enough to cut short in the middle of its pixels. */
static void
write_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint32 *pixels;
  int stride;

  cairo_surface_flush (surface);
  pixels = (guint32 *)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[y * stride + x] = g_random_int () & 0xffffff;
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Every format that prints the logo refuses the one at @logo with
 * G_IO_ERROR_INVALID_DATA and a message holding @words, and writes
 * nothing; a CSV, which has no logo, is written as if none were given. */
static void
assert_refused (Fixture    *f,
                const char *logo,
                const char *words)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.out", NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, logo, NULL };
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);

  for (PbPackFormat format = PB_PACK_FORMAT_PDF; format <= PB_PACK_FORMAT_HTML; format++)
    {
      g_autoptr(GError) error = NULL;

      if (format == PB_PACK_FORMAT_CSV)
        {
          g_assert_true (pb_library_export_pack_with_options (f->library, pack, format, path, &options, NULL, NULL,
                                                              NULL, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
          g_assert_no_errno (g_unlink (path));
          continue;
        }
      g_assert_false (pb_library_export_pack_with_options (f->library, pack, format, path, &options, NULL, NULL, NULL,
                                                           &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("format %d: %s", format, error->message);
      g_assert_nonnull (strstr (error->message, words));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
}

/* A PNG cut to half its length: the DOCX and HTML once carried it as it
 * was, and LibreOffice drew a black box. */
static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *logo = g_build_filename (f->dir, "trunc.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  write_png (logo, 300, 300);
  g_assert_true (g_file_get_contents (logo, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_file_set_contents (logo, contents, length / 2, NULL));
  assert_refused (f, logo, "damaged or cut short");
}

/* A header claiming 60000 × 60000 pixels in a file of a few bytes: refused
 * before anything is decoded. */
static void
test_bomb (Fixture       *f,
           gconstpointer  data)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 6, 0, 0, 0,
    0, 0, 0, 0,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *logo = g_build_filename (f->dir, "bomb.png", NULL);

  g_assert_true (g_file_set_contents (logo, (const char *)header, sizeof header, NULL));
  assert_refused (f, logo, "too large (60000 × 60000 pixels)");
}

static cairo_status_t
read_zip_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  return zip_fread (closure, data, length) == (zip_int64_t)length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* A 4000 × 3000 logo goes into the Word document at 300 dots to the inch
 * of its printed size (56 points high: about 233 pixels), and the document
 * is far smaller than the logo's file. */
static void
test_docx_scaled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "big-logo.png", NULL);
  g_autofree char *path = g_build_filename (f->dir, "big-logo.docx", NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, logo, NULL };
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autoptr(GFileInfo) logo_info = NULL;
  g_autoptr(GFileInfo) docx_info = NULL;
  g_autoptr(GFile) logo_file = NULL;
  g_autoptr(GFile) docx_file = NULL;
  cairo_surface_t *embedded;
  zip_file_t *member;
  zip_t *zip;

  write_png (logo, 4000, 3000);
  g_assert_true (pb_library_export_pack_with_options (f->library, pack, PB_PACK_FORMAT_DOCX, path, &options, NULL,
                                                      NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_nonnull ((zip = zip_open (path, ZIP_RDONLY, NULL)));
  g_assert_nonnull ((member = zip_fopen (zip, "word/media/logo.png", 0)));
  embedded = cairo_image_surface_create_from_png_stream (read_zip_cb, member);
  g_assert_cmpint (cairo_surface_status (embedded), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("logo embedded at %d × %d pixels", cairo_image_surface_get_width (embedded),
                  cairo_image_surface_get_height (embedded));
  g_assert_cmpint (cairo_image_surface_get_height (embedded), <=, 240);
  g_assert_cmpint (cairo_image_surface_get_height (embedded), >=, 200);
  g_assert_cmpint (cairo_image_surface_get_width (embedded), <=, 320);
  g_assert_cmpint (cairo_image_surface_get_width (embedded), >=, 280);
  cairo_surface_destroy (embedded);
  zip_fclose (member);
  zip_discard (zip);

  logo_file = g_file_new_for_path (logo);
  docx_file = g_file_new_for_path (path);
  logo_info = g_file_query_info (logo_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  docx_info = g_file_query_info (docx_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (docx_info), <, g_file_info_get_size (logo_info) / 10);
}

static char *
export_text (Fixture      *f,
             gint64        pack,
             PbPackFormat  format,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, NULL, NULL };
  char *text = NULL;

  g_assert_true (pb_library_export_pack_with_options (f->library, pack, format, path, &options, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static guint
count (const char *text,
       const char *words)
{
  guint n = 0;

  for (const char *at = text; (at = strstr (at, words)) != NULL; at += strlen (words))
    n++;
  return n;
}

/* The CSV names each finding's report as people do (the title the app
 * shows it under, the authority, the kind of inspection in words, the
 * inspection's last day and the day it was published, ISO), and an
 * exempt pack's marking is on every row.  Each date is the one its
 * column names or nothing: no column repeats another's date. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = pb_library_list_reports (f->library, NULL);
  gint64 exempt = pb_pack_fixture_board_pack (f, 3, TRUE);
  gint64 public = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autofree char *csv = NULL;
  g_autofree char *public_csv = NULL;
  GDate published;
  guint n_titled = 0;

  /* The officer gives the later report's day of publication, which the
   * report itself does not print (as no ILACS report does). */
  g_date_set_dmy (&published, 4, G_DATE_NOVEMBER, 2024);
  for (guint i = 0; i < reports->len; i++)
    if (g_str_has_prefix (pb_report_get_file_name (g_ptr_array_index (reports, i)), "harrowdale-ilacs-2024"))
      g_assert_true (pb_library_set_report_date (f->library, pb_report_get_id (g_ptr_array_index (reports, i)),
                                                 &published, &error));
  g_assert_no_error (error);
  csv = export_text (f, exempt, PB_PACK_FORMAT_CSV, "exempt.csv");
  public_csv = export_text (f, public, PB_PACK_FORMAT_CSV, "public.csv");

  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"Pack classification\",\"Section\",\"Report\","));
  g_assert_nonnull (strstr (csv, ",\"Recorded\",\"Authority\",\"Inspection\",\"Inspection ended\",\"Published\"\r\n"));
  g_assert_null (strstr (csv, "Report date"));
  g_assert_cmpuint (count (csv, "\r\n\"Exempt: not for publication (Schedule 12A, paragraph 3)\",\""), ==, 3);
  /* The report by its authority and kind, its dates ISO: the 2019 report
   * gives no day of publication, and that cell stays empty; a minute has
   * neither date. */
  g_assert_nonnull (strstr (csv, ",\"Harrowdale\",\"ILACS inspection\",\"2019-10-25\",\"\"\r\n"));
  g_assert_nonnull (strstr (csv, ",\"Harrowdale\",\"ILACS inspection\",\"2024-09-20\",\"2024-11-04\"\r\n"));
  g_assert_nonnull (strstr (csv, ",\"\",\"Other document\",\"\",\"\"\r\n"));
  g_assert_cmpuint (count (csv, "\r\n"), ==, 4);
  /* The report under the title the app shows, not the PDF's own. */
  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);
      g_autofree char *shown = g_strdup_printf (",\"%s\",", pb_report_get_display_title (report));
      g_autofree char *own = g_strdup_printf (",\"%s\",", pb_report_get_title (report));

      if (strstr (csv, shown) == NULL)
        continue;
      n_titled++;
      if (g_strcmp0 (pb_report_get_display_title (report), pb_report_get_title (report)) != 0)
        g_assert_null (strstr (csv, own));
    }
  g_assert_cmpuint (n_titled, ==, 3);
  g_assert_nonnull (strstr (csv, ",\"Harrowdale — ILACS inspection, October 2019\","));
  g_assert_nonnull (strstr (csv, ",\"Harrowdale — ILACS inspection, September 2024\","));

  g_assert_cmpuint (count (public_csv, "\r\n\"Public\",\""), ==, 3);
  g_assert_null (strstr (public_csv, "not for publication"));
}

/* The web page's grade matrix heads each column by the authority too, as
 * the PDF and DOCX do, and its parts read apart as plain text. */
static void
test_html_columns (Fixture       *f,
                   gconstpointer  data)
{
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autofree char *html = export_text (f, pack, PB_PACK_FORMAT_HTML, "pack.html");
  g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
  const char *th = strstr (html, "<th scope=\"col\">Harrowdale");
  g_autofree char *cell = NULL;
  g_autofree char *plain = NULL;

  g_assert_nonnull (th);
  cell = g_strndup (th, strstr (th, "</th>") - th);
  plain = g_regex_replace_literal (tags, cell, -1, 0, "", 0, NULL);
  g_test_message ("%s → %s", cell, plain);
  g_assert_true (g_str_has_prefix (plain, "Harrowdale October 2019 ILACS"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\" class=\"new-framework\">Harrowdale <br/>September 2024 "));
}

/* The text of @member of the zip at @path, its XML tags taken out. */
static char *
zip_text (const char *path,
          const char *member,
          gboolean    strip)
{
  g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
  zip_stat_t st;
  zip_file_t *file;
  zip_t *zip;
  char *text;

  g_assert_nonnull ((zip = zip_open (path, ZIP_RDONLY, NULL)));
  g_assert_cmpint (zip_stat (zip, member, 0, &st), ==, 0);
  text = g_malloc0 (st.size + 1);
  g_assert_nonnull ((file = zip_fopen (zip, member, 0)));
  g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t)st.size);
  zip_fclose (file);
  zip_discard (zip);
  if (strip)
    {
      char *plain = g_regex_replace_literal (tags, text, -1, 0, "", 0, NULL);

      g_free (text);
      text = plain;
    }
  return text;
}

/* A 700-character title and a long committee: the Word document's running
 * header and footer are shortened with "…" to stand on one line, as the
 * PDF's are, and the cover sets the title in smaller type. */
static void
test_docx_long_title (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) committee = g_string_new (NULL);
  g_autofree char *path = g_build_filename (f->dir, "long.docx", NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, NULL, NULL };
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *document = NULL;

  while (title->len < 700)
    g_string_append (title, "Ofsted’s findings on children’s services in the borough and what they mean ");
  while (committee->len < 300)
    g_string_append (committee, "Corporate Parenting Panel and Children’s Scrutiny Committee ");
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_TITLE, title->str, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_COMMITTEE, committee->str, &error));
  g_assert_no_error (error);
  g_assert_true (pb_library_export_pack_with_options (f->library, pack, PB_PACK_FORMAT_DOCX, path, &options, NULL,
                                                      NULL, NULL, &error));
  g_assert_no_error (error);

  pb_test_keep_export (path);
  header = zip_text (path, "word/header1.xml", TRUE);
  footer = zip_text (path, "word/footer1.xml", TRUE);
  g_test_message ("header: %s\nfooter: %s", header, footer);
  g_assert_nonnull (strstr (header, "…"));
  g_assert_nonnull (strstr (header, PB_TEST_BOARD_COUNCIL));
  g_assert_cmpint (g_utf8_strlen (header, -1), <=, 110);
  g_assert_nonnull (strstr (footer, "…"));
  g_assert_cmpint (g_utf8_strlen (footer, -1), <=, 100);

  document = zip_text (path, "word/document.xml", FALSE);
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"TitleLong\"/>"));
  g_assert_null (strstr (document, "<w:pStyle w:val=\"Title\"/>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pack-details/logo-truncated", Fixture, NULL, pb_pack_fixture_setup, test_truncated, pb_pack_fixture_teardown);
  g_test_add ("/pack-details/logo-bomb", Fixture, NULL, pb_pack_fixture_setup, test_bomb, pb_pack_fixture_teardown);
  g_test_add ("/pack-details/logo-docx-scaled", Fixture, NULL, pb_pack_fixture_setup, test_docx_scaled,
              pb_pack_fixture_teardown);

  g_test_add ("/pack-details/csv", Fixture, NULL, pb_pack_fixture_setup, test_csv, pb_pack_fixture_teardown);
  g_test_add ("/pack-details/html-columns", Fixture, NULL, pb_pack_fixture_setup, test_html_columns,
              pb_pack_fixture_teardown);

  g_test_add ("/pack-details/docx-long-title", Fixture, NULL, pb_pack_fixture_setup, test_docx_long_title,
              pb_pack_fixture_teardown);

  return g_test_run ();
}
