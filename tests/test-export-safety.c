/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <zip.h>

#include "pb-annotated-export.h"
#include "pb-csv.h"
#include "pb-export-file.h"
#include "pb-finding-store.h"
#include "pb-findings-csv.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pdf-catalog.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"
#include "pb-xml-text.h"

/* What exports must be safe against: PDFs written by any cairo (xref and
 * object streams), text XML forbids, cells a spreadsheet would run as
 * formulas, and other users reading a pack that may be exempt. */

typedef PbPackFixture Fixture;

static const char *
python (void)
{
  /* Debian's Python, where python3-docx is installed. */
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3";
}

/* Runs @argv, which must succeed; returns what it printed. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], out, err);
  return out;
}

/* A new public finding like the demo's first public one. */
static gint64
add_finding (Fixture    *f,
             const char *quote,
             const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(PbFinding) model = pb_library_get_finding (f->library, g_array_index (ids, gint64, 0), &error);
  g_autoptr(PbFinding) finding = NULL;
  gint64 id;

  g_assert_no_error (error);
  finding = pb_finding_copy (model);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_note (finding, note);
  id = pb_library_add_finding (f->library, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
pack_of (Fixture      *f,
         const gint64 *ids,
         guint         n_ids)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pb_library_create_pack (f->library, "Corporate parenting panel", FALSE, "2026-03-12", &error);

  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids, n_ids, &error));
  g_assert_no_error (error);
  return id;
}

/* Whether @needle is in @length bytes that may hold NULs. */
static gboolean
contains (const char *bytes,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (bytes + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* --- PDF catalogue --------------------------------------------------- */

/* A tagged PDF as cairo writes one, with no catalogue entries added: a
 * heading and paragraphs at the top of the structure tree, over two pages. */
static void
write_cairo_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const char *texts[] = { "Panel briefing", "An opening paragraph.", "A second page." };
  const char *tags[] = { "H1", "P", "P" };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Panel briefing");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (i == 2)
        cairo_show_page (cr);
      cairo_tag_begin (cr, tags[i], NULL);
      cairo_move_to (cr, 72, 100 + 40 * i);
      cairo_show_text (cr, texts[i]);
      cairo_tag_end (cr, tags[i]);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* @in rewritten by qpdf with object streams, and so an xref stream, as
 * cairo 1.17.8 and later write by default. */
static void
rewrite_with_object_streams (const char *in,
                             const char *out)
{
  const char *argv[] = { "qpdf", "--object-streams=generate", in, out, NULL };
  g_autofree char *bytes = NULL;
  gsize length;

  g_free (run (argv));
  g_assert_true (g_file_get_contents (out, &bytes, &length, NULL));
  g_assert_true (contains (bytes, length, "/ObjStm"));
  g_assert_true (contains (bytes, length, "/XRef"));
}

/* What qpdf, a reader independent of ours, says the catalogue is. */
static char *
qpdf_catalog (const char *path)
{
  const char *trailer_argv[] = { "qpdf", "--show-object=trailer", path, NULL };
  g_autofree char *trailer = run (trailer_argv);
  const char *root = strstr (trailer, "/Root ");
  g_autofree char *option = NULL;
  const char *argv[] = { "qpdf", NULL, path, NULL };

  g_assert_nonnull (root);
  option = g_strdup_printf ("--show-object=%d", atoi (root + strlen ("/Root ")));
  argv[1] = option;
  return run (argv);
}

/* Tagged, in British English, titled, and read as such by poppler's
 * pdfinfo and by qpdf; its structure under one Document. */
static void
check_accessible (const char *path,
                  const char *title)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  g_autofree char *catalog = qpdf_catalog (path);
  g_autofree char *title_line = g_strdup_printf ("Title:           %s\n", title);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerStructureElementIter *iter;
  PopplerStructureElement *top;

  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, title_line));
  g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  iter = poppler_structure_element_iter_new (document);
  g_assert_nonnull (iter);
  top = poppler_structure_element_iter_get_element (iter);
  g_assert_cmpint (poppler_structure_element_get_kind (top), ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  g_assert_false (poppler_structure_element_iter_next (iter));
  g_object_unref (top);
  poppler_structure_element_iter_free (iter);
  g_object_unref (document);
}

/* Cairo's own output, rewritten with object streams, is marked all the
 * same and keeps its object streams; so is an exported pack. */
static void
test_catalog_object_streams (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autofree char *plain = g_build_filename (f->dir, "plain.pdf", NULL);
  g_autofree char *streams = g_build_filename (f->dir, "streams.pdf", NULL);
  g_autofree char *pack = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *pack_streams = g_build_filename (f->dir, "pack-streams.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  write_cairo_pdf (plain);
  rewrite_with_object_streams (plain, streams);
  before = pb_pdf_read_catalog (streams, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (before, "/Lang"));

  g_assert_true (pb_pdf_mark_accessible (streams, "en-GB", &error));
  g_assert_no_error (error);
  check_accessible (streams, "Panel briefing");
  g_assert_true (g_file_get_contents (streams, &bytes, &length, NULL));
  g_assert_true (contains (bytes, length, "/ObjStm"));
  g_assert_cmpuint (pb_test_file_mode (streams), ==, 0600);
  g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);

  g_assert_true (pb_library_export_pack_pdf (f->library, pack_of (f, (gint64 *)(gpointer)ids->data, ids->len),
                                             pack, &error));
  g_assert_no_error (error);
  rewrite_with_object_streams (pack, pack_streams);
  g_assert_true (pb_pdf_mark_accessible (pack_streams, "en-GB", &error));
  g_assert_no_error (error);
  check_accessible (pack_streams, "Corporate parenting panel");
}

/* --- Text XML forbids ------------------------------------------------ */

static char *
read_zip_part (const char *path,
               const char *name)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t stat;
  zip_file_t *file;
  char *contents;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &stat), ==, 0);
  contents = g_malloc0 (stat.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, contents, stat.size), ==, (zip_int64_t)stat.size);
  zip_fclose (file);
  zip_close (zip);
  return contents;
}

/* No control character XML forbids, as a byte or as a reference. */
static void
assert_xml_chars (const char *xml)
{
  for (const char *p = xml; *p; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r');
  g_assert_null (strstr (xml, "&#x"));
  g_assert_null (strstr (xml, "&#1;"));
  g_assert_null (strstr (xml, "\xef\xbf\xbe"));
}

/* A note pasted with a vertical tab, a form feed, a ^A and a U+FFFE still
 * makes a DOCX python-docx (as Word) opens and an HTML page that is
 * well-formed XML; the breaks become line breaks, the rest goes. */
static void
test_control_characters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *quote = "Leaders know\vtheir services well.";
  gint64 finding = add_finding (f, quote, "First line\vsecond line\fthird\x01 end\xef\xbf\xbe.");
  gint64 pack = pack_of (f, &finding, 1);
  g_autofree char *docx = g_build_filename (f->dir, "controls.docx", NULL);
  g_autofree char *html = g_build_filename (f->dir, "controls.html", NULL);
  g_autofree char *document = NULL;
  g_autofree char *page = NULL;
  const char *checker = g_getenv ("PB_CHECK_DOCX");
  const char *xml_argv[] = { python (), "-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])",
                             html, NULL };

  g_assert_true (pb_library_export_pack_docx (f->library, pack, docx, &error));
  g_assert_no_error (error);
  g_assert_true (pb_library_export_pack_html (f->library, pack, html, &error));
  g_assert_no_error (error);

  document = read_zip_part (docx, "word/document.xml");
  assert_xml_chars (document);
  g_assert_nonnull (strstr (document, ">Note: First line\nsecond line\nthird end.<"));
  g_assert_nonnull (strstr (document, ">Leaders know\ntheir services well.<"));

  page = read_text (html);
  assert_xml_chars (page);
  g_assert_nonnull (strstr (page, "<p>Note: First line\nsecond line\nthird end.</p>"));
  g_free (run (xml_argv));

  if (checker == NULL)
    {
      g_test_skip ("PB_CHECK_DOCX is not set; run under meson test");
      return;
    }
  {
    const char *docx_argv[] = { python (), checker, docx, "Leaders know\ntheir services well.", NULL };
    g_free (run (docx_argv));
  }
}

/* --- Formulas in CSV ------------------------------------------------- */

/* The rows of a CSV file as python's csv module reads them. */
static JsonArray *
read_csv (const char *path,
          JsonParser *parser)
{
  const char *argv[] = { python (), "-c",
                         "import csv, json, sys\n"
                         "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                         "    print(json.dumps(list(csv.reader(f))))",
                         path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static guint
column (JsonArray  *rows,
        const char *name)
{
  JsonArray *header = json_array_get_array_element (rows, 0);

  for (guint i = 0; i < json_array_get_length (header); i++)
    if (g_str_equal (json_array_get_string_element (header, i), name))
      return i;
  g_assert_not_reached ();
}

/* Every dangerous quote comes back from the file with a leading
 * apostrophe and otherwise whole; no text cell starts a formula; number
 * cells stay numbers. */
static void
check_inert (const char         *path,
             const char * const *quotes,
             const char         *number_column)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows = read_csv (path, parser);
  guint quote = column (rows, "Quote"), note = column (rows, "Note"), number = column (rows, number_column);

  for (guint q = 0; quotes[q] != NULL; q++)
    {
      g_autofree char *inert = g_strconcat ("'", quotes[q], NULL);
      gboolean found = FALSE;

      for (guint r = 1; r < json_array_get_length (rows); r++)
        found |= g_str_equal (json_array_get_string_element (json_array_get_array_element (rows, r), quote), inert);
      g_assert_true (found);
    }

  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);
      const char *digits = json_array_get_string_element (row, number);

      for (guint c = 0; c < json_array_get_length (row); c++)
        {
          const char *cell = json_array_get_string_element (row, c);
          g_assert_true (*cell == '\0' || strchr ("=+-@\t\r", *cell) == NULL);
        }
      g_assert_true (*digits != '\0' && strspn (digits, "0123456789") == strlen (digits));
      if (g_str_has_prefix (json_array_get_string_element (row, quote), "'=HYPERLINK"))
        g_assert_cmpstr (json_array_get_string_element (row, note), ==, "'=1+2");
    }
}

static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const quotes[] = {
    "=HYPERLINK(\"http://example.invalid/\",\"Open\")", "+44 1632 960000", "-1+2", "@SUM(A1:A2)",
    "\t=1+1", "\r=1+1", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pack_csv = g_build_filename (f->dir, "pack.csv", NULL);
  g_autofree char *findings_csv = g_build_filename (f->dir, "findings.csv", NULL);

  for (guint q = 0; quotes[q] != NULL; q++)
    {
      gint64 id = add_finding (f, quotes[q], q == 0 ? "=1+2" : "");

      g_array_append_val (ids, id);
      g_ptr_array_add (findings, pb_library_get_finding (f->library, id, NULL));
    }

  g_assert_true (pb_library_export_pack_csv (f->library, pack_of (f, (gint64 *)(gpointer)ids->data, ids->len),
                                             pack_csv, &error));
  g_assert_no_error (error);
  check_inert (pack_csv, quotes, "Page");

  g_assert_true (pb_findings_write_csv (findings, findings_csv, &error));
  g_assert_no_error (error);
  check_inert (findings_csv, quotes, "ID");
}

/* --- Private files --------------------------------------------------- */

/* Each export, whatever the umask and whatever file it replaces, is the
 * user's alone from the start, and only the finished files are left. */
static void
test_private_files (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const names[] = {
    "pack.csv", "pack.docx", "pack.html", "pack.pdf", "annotated.pdf", "findings.csv", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 pack = pack_of (f, (gint64 *)(gpointer)ids->data, ids->len);
  mode_t mask = umask (022);

  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      PbPackFormat format;

      /* A world-readable file there already. */
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);

      if (g_str_has_prefix (names[i], "pack."))
        {
          g_assert_true (pb_pack_format_from_name (strchr (names[i], '.') + 1, &format));
          g_assert_true (pb_library_export_pack (f->library, pack, format, path, &error));
        }
      else if (g_str_equal (names[i], "annotated.pdf"))
        g_assert_true (pb_library_export_annotated (f->library,
                                                    pb_finding_get_report_id (g_ptr_array_index (findings, 0)),
                                                    path, FALSE, &error));
      else
        g_assert_true (pb_findings_write_csv (findings, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);
    }
  umask (mask);

  dir = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_strv_contains (names, name));
  g_assert_cmpuint (pb_test_count_files (out), ==, g_strv_length ((char **)names));
}

/* A preview goes in a private folder of the user's runtime folder, not
 * the shared temporary one, and stays private when exported into. */
static void
test_preview_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autofree char *path = pb_export_new_private_file ("preview-XXXXXX.pdf", &error);
  g_autofree char *folder = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  folder = g_path_get_dirname (path);
  g_assert_true (g_str_has_prefix (path, g_get_user_runtime_dir ()));
  g_assert_cmpuint (pb_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);

  g_assert_true (pb_library_export_pack_pdf (f->library, pack_of (f, (gint64 *)(gpointer)ids->data, ids->len),
                                             path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (pb_test_poppler_count (path, "Corporate parenting panel"), >=, 1);
  g_assert_cmpuint (pb_test_count_leftovers (folder), ==, 0);

  /* A folder left open to others is closed again before use. */
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  again = pb_export_new_private_file ("preview-XXXXXX.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, !=, again);
  g_assert_cmpuint (pb_test_file_mode (folder), ==, 0700);
  g_unlink (path);
  g_unlink (again);
}

/* --- The shared writers, on their own -------------------------------- */

static void
test_xml_text (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "a&b<c>\"'", "a&amp;b&lt;c&gt;&quot;&apos;" },
    { "x\x01y\vz\fw\tq\r\n", "xy\nz\nw\tq\r\n" },
    { "bad \xff byte", "bad \xef\xbf\xbd byte" },
    { "non\xef\xbf\xbe-char\xef\xbf\xbf", "non-char" },
    { "é ’ \xf0\x9f\x98\x80 \xef\xbf\xbd", "é ’ \xf0\x9f\x98\x80 \xef\xbf\xbd" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = pb_xml_escape_text (cases[i].in);
      g_assert_cmpstr (escaped, ==, cases[i].out);
    }

  /* Plain text comes out as GLib escapes it. */
  {
    g_autofree char *ours = pb_xml_escape_text ("O'Neil & Co <\"Ltd\">");
    g_autofree char *glib = g_markup_escape_text ("O'Neil & Co <\"Ltd\">", -1);
    g_assert_cmpstr (ours, ==, glib);
  }
}

static void
test_csv_field (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "=1+1", "\"'=1+1\"," }, { "+1", "\"'+1\"," }, { "-5", "\"'-5\"," }, { "@x", "\"'@x\"," },
    { "\t=x", "\"'\t=x\"," }, { "\r=x", "\"'\r=x\"," }, { "a \"b\"", "\"a \"\"b\"\"\"," },
    { "a=b", "\"a=b\"," }, { "", "\"\"," }, { NULL, "\"\"," },
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_string_truncate (out, 0);
      pb_csv_append_field (out, cases[i].in, FALSE);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }

  g_string_truncate (out, 0);
  pb_csv_append_number (out, -5, FALSE);
  pb_csv_append_field (out, "end", TRUE);
  g_assert_cmpstr (out->str, ==, "\"-5\",\"end\"\r\n");
}

/* An export's temporary file is locked while it is written: the next export
 * of that name removes what a killed one left, and nothing in use. Names are
 * taken relative to the current folder, and a folder is refused. */
static void
test_export_file_leftovers (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *target = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *dead = g_build_filename (dir, ".out.csv.Ab12Cd.part", NULL);
  g_autofree char *busy = g_build_filename (dir, ".out.csv.Qw34Er.part", NULL);
  g_autofree char *other = g_build_filename (dir, ".out.csv.notmine.part", NULL);
  g_autofree char *relative = g_build_filename (dir, "relative.csv", NULL);
  g_autoptr(GError) error = NULL;
  int busy_fd;

  g_assert_true (g_file_set_contents (dead, "half an export", -1, NULL));
  g_assert_true (g_file_set_contents (busy, "an export being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "someone else's", -1, NULL));
  g_assert_cmpint ((busy_fd = g_open (busy, O_RDONLY, 0)), >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (pb_export_write_contents (target, "a,b\n", 4, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_close (busy_fd, NULL);

  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (pb_export_write_contents ("relative.csv", "a,b\n", 4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (relative, G_FILE_TEST_IS_REGULAR));
  g_assert_false (pb_export_write_contents (".", "a,b\n", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime = g_dir_make_tmp ("pb-runtime-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the preview folder goes in here, not in the
   * user's own runtime folder. */
  g_assert_nonnull (runtime);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-safety/xml-text", test_xml_text);
  g_test_add_func ("/export-safety/csv-field", test_csv_field);
  g_test_add_func ("/export-safety/export-file-leftovers", test_export_file_leftovers);
  g_test_add ("/export-safety/catalog-object-streams", Fixture, NULL, pb_pack_fixture_setup,
              test_catalog_object_streams, pb_pack_fixture_teardown);
  g_test_add ("/export-safety/control-characters", Fixture, NULL, pb_pack_fixture_setup,
              test_control_characters, pb_pack_fixture_teardown);
  g_test_add ("/export-safety/csv-formulas", Fixture, NULL, pb_pack_fixture_setup,
              test_csv_formulas, pb_pack_fixture_teardown);
  g_test_add ("/export-safety/private-files", Fixture, NULL, pb_pack_fixture_setup,
              test_private_files, pb_pack_fixture_teardown);
  g_test_add ("/export-safety/preview-file", Fixture, NULL, pb_pack_fixture_setup,
              test_preview_file, pb_pack_fixture_teardown);

  status = g_test_run ();
  pb_test_remove_dir (runtime);
  return status;
}
