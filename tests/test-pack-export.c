/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <zip.h>

#include "pb-annotated-export.h"
#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pack.h"
#include "pb-pdf-catalog.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-packs.h"
#include "pb-test-pdf.h"
#include "pb-test-util.h"

/* A pack exported in each format, and a report as an annotated copy, read
 * back as their readers would. */

typedef PbPackFixture Fixture;

/* Text without its white space, so line breaks do not matter. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child != NULL)
        {
          collect_outline (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/* The exported PDF, read back: every finding's passage, a bookmark for each
 * part, and NOT FOR PUBLICATION on every page of an exempt pack and on none
 * of a public one. */
static void
check_export (Fixture  *f,
              gboolean  exempt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autofree char *path = g_build_filename (f->dir, exempt ? "exempt.pdf" : "public.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all_text = g_string_new (NULL);
  g_autofree char *squeezed = NULL;
  PopplerDocument *document;
  PopplerIndexIter *index;
  gint64 id;
  int n_pages;

  id = pb_library_create_pack (f->library, "Corporate parenting panel", exempt, "2026-03-12", &error);
  g_assert_no_error (error);
  if (exempt)
    g_assert_true (pb_library_add_to_pack (f->library, id, &f->exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);

  g_assert_true (pb_library_export_pack_pdf (f->library, id, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
  {
    /* Tagged and in English, for screen readers. */
    g_autofree char *catalog = pb_pdf_read_catalog (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
    g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));
  }

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 2);   /* the sections flow on, with no page of their own */
  {
    g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
    pb_test_pdf_check_not_blank (pdf, 0.8);
  }
  {
    g_autofree char *title = poppler_document_get_title (document);
    g_assert_cmpstr (title, ==, "Corporate parenting panel");
  }

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_assert_cmpint (strstr (text, "NOT FOR PUBLICATION") != NULL, ==, exempt);
      g_string_append (all_text, text);
      g_object_unref (page);
    }

  squeezed = squeeze (all_text->str);
  for (guint i = 0; i < f->findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (f->findings, i);
      g_autofree char *quote = squeeze (pb_finding_get_quote (finding));

      g_assert_cmpint (strstr (squeezed, quote) != NULL, ==, exempt || !pb_finding_get_exempt (finding));
    }

  index = poppler_index_iter_new (document);
  g_assert_nonnull (index);
  collect_outline (index, titles);
  poppler_index_iter_free (index);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Corporate parenting panel", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Grades at a glance", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Care leavers", g_str_equal, NULL));

  g_object_unref (document);
}

static void
test_export_pdf_public (Fixture       *f,
                        gconstpointer  data)
{
  check_export (f, FALSE);
}

static void
test_export_pdf_exempt (Fixture       *f,
                        gconstpointer  data)
{
  check_export (f, TRUE);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* CSV: a header and one row per finding, every field quoted; HTML: one
 * page with its language, a heading per section, each passage quoted, and
 * the exempt banner only on an exempt pack. */
static void
test_export_csv_html (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autofree char *csv_path = g_build_filename (f->dir, "pack.csv", NULL);
  g_autofree char *html_path = g_build_filename (f->dir, "pack.html", NULL);
  g_autofree char *public_html_path = g_build_filename (f->dir, "public.html", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *html = NULL;
  g_autofree char *public_html = NULL;
  gint64 exempt_pack = pb_library_create_pack (f->library, "Part 2 & more", TRUE, NULL, &error);
  gint64 public_pack = pb_library_create_pack (f->library, "Public", FALSE, NULL, &error);
  guint n_notes = 0;

  g_assert_true (pb_library_add_to_pack (f->library, exempt_pack, &f->exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, exempt_pack, (gint64 *)ids->data, ids->len, &error));
  g_assert_true (pb_library_add_to_pack (f->library, public_pack, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);

  g_assert_true (pb_library_export_pack_csv (f->library, exempt_pack, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  /* UTF-8's byte order mark first, for Excel on Windows, then the header. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"Pack classification\",\"Section\",\"Report\",\"Page\","
                                       "\"Paragraph\",\"Quote\""));
  g_assert_cmpuint (count_occurrences (csv, "\xEF\xBB\xBF"), ==, 1);
  g_assert_nonnull (strstr (csv, ",\"Recorded\",\"Authority\",\"Inspection\",\"Inspection ended\","
                                 "\"Published\"\r\n"));
  /* The pack's marking on every row: no paragraph was recorded for it. */
  g_assert_cmpuint (count_occurrences (csv, "\r\n\"Exempt: not for publication (Schedule 12A, paragraph not recorded)\","),
                    ==, ids->len + 1);
  g_assert_cmpuint (count_occurrences (csv, "\r\n"), ==, ids->len + 2);
  g_assert_cmpuint (count_occurrences (csv, "\"Exempt\""), ==, 1);
  /* Words, not the library's codes; the inspection's end as an ISO date. */
  g_assert_null (strstr (csv, "care_leavers"));
  g_assert_null (strstr (csv, "area_for_improvement"));
  g_assert_nonnull (strstr (csv, "\"Care leavers\""));
  g_assert_nonnull (strstr (csv, "\"Area for improvement\""));
  g_assert_nonnull (strstr (csv, ",\"2024-09-20\",\""));

  g_assert_true (pb_library_export_pack_html (f->library, exempt_pack, html_path, &error));
  g_assert_true (pb_library_export_pack_html (f->library, public_pack, public_html_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_file_get_contents (public_html_path, &public_html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<html lang=\"en-GB\">"));
  g_assert_nonnull (strstr (html, "<h1>Part 2 &amp; more</h1>"));
  g_assert_nonnull (strstr (html, "NOT FOR PUBLICATION"));
  g_assert_null (strstr (public_html, "NOT FOR PUBLICATION"));
  g_assert_cmpuint (count_occurrences (html, "<blockquote>"), ==, ids->len + 1);

  for (guint i = 0; i < f->findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (f->findings, i);
      g_autofree char *escaped = g_markup_escape_text (pb_finding_get_quote (finding), -1);

      g_autofree char *kind = g_strdup_printf (" · %s", pb_finding_kind_get_label (pb_finding_get_kind (finding)));

      g_assert_nonnull (strstr (csv, pb_finding_get_quote (finding)));
      g_assert_nonnull (strstr (html, escaped));
      g_assert_cmpint (strstr (public_html, escaped) != NULL, ==, !pb_finding_get_exempt (finding));
      /* Under each quote, as in the PDF: where it comes from and what it is, then the note. */
      g_assert_nonnull (strstr (html, kind));
      if (*pb_finding_get_note (finding) != '\0')
        {
          g_autofree char *note = g_markup_escape_text (pb_finding_get_note (finding), -1);
          g_autofree char *line = g_strdup_printf ("<p>Note: %s</p>", note);

          g_assert_nonnull (strstr (html, line));
          n_notes++;
        }
    }
  g_assert_cmpuint (n_notes, >, 0);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* The highlights in a PDF, as "color|contents" strings. */
static GPtrArray *
read_highlights (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *mappings = poppler_page_get_annot_mapping (page);

      for (GList *l = mappings; l != NULL; l = l->next)
        {
          PopplerAnnot *annot = ((PopplerAnnotMapping *)l->data)->annot;
          g_autofree PopplerColor *color = NULL;
          g_autofree char *contents = NULL;

          if (poppler_annot_get_annot_type (annot) != POPPLER_ANNOT_HIGHLIGHT)
            continue;
          color = poppler_annot_get_color (annot);
          contents = poppler_annot_get_contents (annot);
          g_ptr_array_add (found, g_strdup_printf ("#%02x%02x%02x|%s", color->red >> 8, color->green >> 8,
                                                   color->blue >> 8, contents ? contents : ""));
        }
      poppler_page_free_annot_mapping (mappings);
      g_object_unref (page);
    }
  g_object_unref (document);
  return found;
}

/* A report written out with its findings as highlight annotations: one per
 * finding, in its first cohort's colour, with its note; the library's copy
 * untouched, and exempt findings only when asked for. */
static void
check_annotated_report (Fixture   *f,
                        GPtrArray *cohorts,
                        gint64     report_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("annotated-%" G_GINT64_FORMAT ".pdf", report_id);
  g_autofree char *name_all = g_strdup_printf ("annotated-%" G_GINT64_FORMAT "-all.pdf", report_id);
  g_autofree char *out = g_build_filename (f->dir, name, NULL);
  g_autofree char *with_exempt = g_build_filename (f->dir, name_all, NULL);
  g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, NULL);
  g_autofree char *source = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
  g_autofree char *before = file_checksum (source);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GPtrArray) all_highlights = NULL;
  guint expected = 0, expected_all = 0;

  g_assert_true (pb_library_export_annotated (f->library, report_id, out, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (pb_library_export_annotated (f->library, report_id, with_exempt, TRUE, &error));
  g_assert_no_error (error);
  after = file_checksum (source);
  g_assert_cmpstr (before, ==, after);

  highlights = read_highlights (out);
  all_highlights = read_highlights (with_exempt);

  for (guint i = 0; i < f->findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (f->findings, i);
      const char *color = NULL;
      gboolean found = FALSE;

      if (pb_finding_get_report_id (finding) != report_id)
        continue;
      expected_all++;
      if (!pb_finding_get_exempt (finding))
        expected++;

      /* Its highlight: the first cohort's colour, with its note. */
      for (guint c = 0; c < cohorts->len; c++)
        if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, c)), pb_finding_get_cohorts (finding)[0]))
          color = pb_cohort_get_color (g_ptr_array_index (cohorts, c));
      for (guint h = 0; h < all_highlights->len && !found; h++)
        {
          const char *highlight = g_ptr_array_index (all_highlights, h);

          found = g_ascii_strncasecmp (highlight, color, 7) == 0 &&
                  (pb_finding_get_note (finding) == NULL || strstr (highlight, pb_finding_get_note (finding)) != NULL);
        }
      g_assert_true (found);
    }

  /* One each (the demo's passages are each on one page). */
  g_assert_cmpuint (highlights->len, ==, expected);
  g_assert_cmpuint (all_highlights->len, ==, expected_all);
}

/* A report written out with its findings as highlight annotations: one per
 * finding, in its first cohort's colour, with its note; the library's copy
 * untouched, and exempt findings only when asked for. */
static void
test_export_annotated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (f->library, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < f->findings->len; i++)
    {
      gint64 report_id = pb_finding_get_report_id (g_ptr_array_index (f->findings, i));

      if (g_hash_table_contains (done, &report_id))
        continue;
      check_annotated_report (f, cohorts, report_id);
      g_hash_table_add (done, g_memdup2 (&report_id, sizeof report_id));
    }
  g_assert_cmpuint (g_hash_table_size (done), >=, 2);
}

static char *
read_zip_part (const char *path,
               const char *name)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t stat;
  zip_file_t *file;
  char *contents;

  g_assert_nonnull (zip);
  if (zip_stat (zip, name, 0, &stat) != 0)
    {
      zip_close (zip);
      return NULL;
    }
  contents = g_malloc0 (stat.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, contents, stat.size), ==, (zip_int64_t)stat.size);
  zip_fclose (file);
  zip_close (zip);
  return contents;
}

/* DOCX: the package's parts, Word's heading and quote styles, a real grade
 * table, the header on an exempt pack; and python-docx (as CI installs it)
 * reads it as Word would. */
static void
test_export_docx (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autofree char *path = g_build_filename (f->dir, "pack.docx", NULL);
  g_autofree char *public_path = g_build_filename (f->dir, "public.docx", NULL);
  g_autofree char *document = NULL;
  g_autofree char *types = NULL;
  g_autofree char *header = NULL;
  g_autofree char *public_header = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *checker = g_getenv ("PB_CHECK_DOCX");
  gint64 exempt_pack = pb_library_create_pack (f->library, "Part 2", TRUE, "2026-03-12", &error);
  gint64 public_pack = pb_library_create_pack (f->library, "Public", FALSE, NULL, &error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_true (pb_library_add_to_pack (f->library, exempt_pack, &f->exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, exempt_pack, (gint64 *)ids->data, ids->len, &error));
  g_assert_true (pb_library_add_to_pack (f->library, public_pack, (gint64 *)ids->data, ids->len, &error));
  g_assert_true (pb_library_export_pack_docx (f->library, exempt_pack, path, &error));
  g_assert_true (pb_library_export_pack_docx (f->library, public_pack, public_path, &error));
  g_assert_no_error (error);

  g_assert_nonnull ((document = read_zip_part (path, "word/document.xml")));
  g_assert_nonnull ((types = read_zip_part (path, "[Content_Types].xml")));
  g_assert_nonnull (strstr (types, "wordprocessingml.document.main+xml"));
  g_assert_nonnull ((header = read_zip_part (path, "word/header1.xml")));
  g_assert_nonnull ((public_header = read_zip_part (public_path, "word/header1.xml")));
  g_assert_nonnull (strstr (header, "NOT FOR PUBLICATION"));
  g_assert_null (strstr (public_header, "NOT FOR PUBLICATION"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Heading1\"/>"));
  g_assert_nonnull (strstr (document, "<w:tbl>"));
  g_assert_nonnull (strstr (document, "<w:headerReference"));
  g_assert_cmpuint (count_occurrences (document, "<w:pStyle w:val=\"Quote\"/>"), ==, ids->len + 1);

  if (checker == NULL)
    {
      g_test_skip ("PB_CHECK_DOCX is not set; run under meson test");
      return;
    }

  /* Debian's Python, where python3-docx is installed. */
  g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3");
  g_ptr_array_add (argv, (gpointer)checker);
  g_ptr_array_add (argv, path);
  for (guint i = 0; i < f->findings->len; i++)
    g_ptr_array_add (argv, (gpointer)pb_finding_get_quote (g_ptr_array_index (f->findings, i)));
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the document as expected:\n%s%s", out, err);
}

/* A file that cannot be written leaves nothing behind and says why. */
static void
test_export_fails_cleanly (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "pack.pdf", NULL);
  gint64 id = pb_library_create_pack (f->library, "Pack", FALSE, NULL, &error);

  g_assert_false (pb_library_export_pack_pdf (f->library, id, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
}

/* @text without its markup: what is between its tags. */
static char *
strip_tags (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        {
          in_tag = FALSE;
          g_string_append_c (out, ' ');
        }
      else if (!in_tag)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The words of an exported pack: a PDF's pages as poppler reads them, a
 * Word document's body, a web page's text. */
static char *
read_export_text (const char   *path,
                  PbPackFormat  format)
{
  g_autofree char *contents = NULL;

  if (format == PB_PACK_FORMAT_PDF)
    {
      g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < pdf->n_pages; i++)
        g_string_append (text, g_ptr_array_index (pdf->texts, i));
      return g_string_free (text, FALSE);
    }
  if (format == PB_PACK_FORMAT_DOCX)
    contents = read_zip_part (path, "word/document.xml");
  else
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (contents);
  return strip_tags (contents);
}

static gboolean
contains_words (const char *text,
                const char *words)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *needle = squeeze (words);

  return strstr (haystack, needle) != NULL;
}

/* What a pack leaves out, said on its cover in every format: a public
 * pack's finding marked exempt since it was added (counted, never
 * shown), and that an empty pack has no findings. */
static void
test_export_says_what_is_left_out (Fixture       *f,
                                   gconstpointer  data)
{
  static const PbPackFormat formats[] = { PB_PACK_FORMAT_PDF, PB_PACK_FORMAT_DOCX, PB_PACK_FORMAT_HTML };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  gint64 pack = pb_library_create_pack (f->library, "Public", FALSE, NULL, &error);
  gint64 empty = pb_library_create_pack (f->library, "Empty", FALSE, NULL, &error);
  gint64 later = g_array_index (ids, gint64, 0);
  g_autoptr(PbFinding) finding = NULL;

  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->library, pack, (gint64 *)ids->data, ids->len, &error));
  finding = pb_library_get_finding (f->library, later, &error);
  g_assert_no_error (error);
  pb_finding_set_exempt (finding, TRUE);
  g_assert_true (pb_library_update_finding (f->library, finding, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *suffix = formats[i] == PB_PACK_FORMAT_PDF ? "pdf" : formats[i] == PB_PACK_FORMAT_DOCX ? "docx" : "html";
      g_autofree char *name = g_strdup_printf ("public.%s", suffix);
      g_autofree char *empty_name = g_strdup_printf ("empty.%s", suffix);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *empty_path = g_build_filename (f->dir, empty_name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *empty_text = NULL;

      g_assert_true (pb_library_export_pack_with_options (f->library, pack, formats[i], path, NULL, NULL, NULL, NULL,
                                                          &error));
      g_assert_true (pb_library_export_pack_with_options (f->library, empty, formats[i], empty_path, NULL, NULL, NULL,
                                                          NULL, &error));
      g_assert_no_error (error);
      text = read_export_text (path, formats[i]);
      empty_text = read_export_text (empty_path, formats[i]);

      g_assert_true (contains_words (text, "1 finding in this pack has since been marked exempt, and is left out of "
                                           "this public copy."));
      g_assert_null (strstr (text, pb_finding_get_quote (finding)));
      g_assert_false (contains_words (text, "no findings"));
      g_assert_true (contains_words (empty_text, "This pack has no findings yet."));
      g_assert_false (contains_words (empty_text, "marked exempt"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add ("/pack-export/pdf-public", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_pdf_public, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/pdf-exempt", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_pdf_exempt, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/csv-html", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_csv_html, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/annotated", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_annotated, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/docx", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_docx, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/says-what-is-left-out", PbPackFixture, NULL, pb_pack_fixture_setup,
              test_export_says_what_is_left_out, pb_pack_fixture_teardown);
  g_test_add ("/pack-export/fails-cleanly", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_fails_cleanly, pb_pack_fixture_teardown);

  return g_test_run ();
}
