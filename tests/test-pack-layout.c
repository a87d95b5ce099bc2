/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb-pack-export.h"
#include "pb-pack-store.h"
#include "pb-pdf-catalog.h"
#include "pb-test-packs.h"
#include "pb-finding-store.h"
#include "pb-pack-items.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-pdf.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"

/* A 30-finding pack laid out as a council's board papers, read back with
 * poppler as a reader's software would: contents whose page numbers are
 * the pages the parts start on, a grades matrix with one column for each
 * inspection cited, its combined judgement once and no row split across
 * pages, the Schedule 12A paragraph on the cover of an exempt pack, and no
 * page left mostly blank.
 *
 * PB_KEEP_EXPORTS=DIR keeps the files written, to look at. */

typedef PbPackFixture Fixture;

/* The parts the contents list, and the two inspections the pack cites,
 * oldest first: when they were, and how their columns are headed, by the
 * authority too, so that two inspections of one month are told apart. */
static const char * const parts[] = {
  "Grades at a glance", "Help and protection", "Children in care", "Care leavers", "Leadership", NULL,
};
static const char * const inspections[] = { "October 2019", "September 2024", NULL };
static const char * const columns[] = { "Harrowdale\nOctober 2019", "Harrowdale\nSeptember 2024", NULL };

static char *
export (Fixture      *f,
        gint64        pack,
        PbPackFormat  format,
        const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = pb_test_write_logo (f->dir);
  char *path = g_build_filename (f->dir, name, NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, logo, NULL };

  g_assert_true (pb_library_export_pack_with_options (f->library, pack, format, path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pb_test_keep_export (path);
  return path;
}

static guint
count_words (const char *text,
             const char *words)
{
  guint n = 0;

  for (const char *p = strstr (text, words); p != NULL; p = strstr (p + 1, words))
    n++;
  return n;
}

/* Every page headed and footed as a council paper is. */
static void
check_running_lines (PbTestPdf *pdf,
                     gboolean   exempt)
{
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      g_autofree char *count = g_strdup_printf ("Page %u of %u", i + 1, pdf->n_pages);
      const char *text = g_ptr_array_index (pdf->texts, i);

      g_assert_nonnull (strstr (text, count));
      g_assert_nonnull (strstr (text, "Corporate Parenting Panel · 12 March 2026 · Agenda item " PB_TEST_BOARD_AGENDA));
      g_assert_cmpint (strstr (text, "NOT FOR PUBLICATION") != NULL, ==, exempt);
      g_assert_cmpint (pb_test_contains_words (text, "Exempt information under paragraph 3 of Schedule 12A "
                                                     "to the Local Government Act 1972"), ==, exempt);
    }
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  gboolean exempt = GPOINTER_TO_INT (data);
  gint64 pack = pb_pack_fixture_board_pack (f, 30, exempt);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_PDF, exempt ? "board-exempt.pdf" : "board-public.pdf");
  g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
  const char *cover = g_ptr_array_index (pdf->texts, 0);

  g_assert_cmpuint (pdf->n_pages, >=, 4);
  check_running_lines (pdf, exempt);

  /* The cover: the council, the meeting, the item, who to ask, and why an
   * exempt pack is exempt, paragraph and description. */
  g_assert_nonnull (strstr (cover, PB_TEST_BOARD_COUNCIL));
  g_assert_nonnull (strstr (cover, "Report to"));
  g_assert_nonnull (strstr (cover, "Date of meeting"));
  g_assert_nonnull (strstr (cover, "12 March 2026"));
  g_assert_nonnull (strstr (cover, "Agenda item"));
  g_assert_nonnull (strstr (cover, "Prepared by"));
  g_assert_nonnull (strstr (cover, PB_TEST_BOARD_AUTHOR));
  g_assert_nonnull (strstr (cover, PB_TEST_BOARD_CONTACT));
  g_assert_nonnull (strstr (cover, "Classification"));
  g_assert_cmpint (pb_test_contains_words (cover, "exempt information as described in paragraph 3 of Part 1 of "
                                                  "Schedule 12A to the Local Government Act 1972"), ==, exempt);
  g_assert_cmpint (pb_test_contains_words (cover, "Information relating to the financial or business affairs of any "
                                                  "particular person (including the authority holding that "
                                                  "information)."), ==, exempt);

  pb_test_pdf_check_contents (pdf, parts);
  pb_test_pdf_check_not_blank (pdf, 0.8);
  pb_test_pdf_check_rows_whole (pdf);
  pb_test_pdf_check_matrix (pdf, columns, "Inadequate");

  /* Findings and the matrix's key name an inspection by its authority and
   * kind, as people do, not by the title its PDF was given. */
  {
    g_autofree char *all = NULL;

    g_ptr_array_add (pdf->texts, NULL);
    all = g_strjoinv ("\n", (char **)pdf->texts->pdata);
    g_ptr_array_remove_index (pdf->texts, pdf->texts->len - 1);
    g_assert_true (pb_test_contains_words (all, "Harrowdale, inspection, October 2019, ¶"));
    g_assert_true (pb_test_contains_words (all, "Harrowdale, inspection, September 2024, ¶"));
    g_assert_true (pb_test_contains_words (all, "Harrowdale, October 2019: ILACS inspection, inspected 14–25 "
                                                "Oct 2019"));
    /* A paper dated in its title is not dated twice. */
    g_assert_true (pb_test_contains_words (all, "Corporate Parenting Panel minutes, 21 January 2025, page 1"));
    g_assert_null (strstr (all, "Inspection of Harrowdale local authority"));

    /* In an exempt pack, its one exempt finding says so under its quote;
     * a public pack has none to mark. */
    g_assert_cmpuint (count_words (all, "· Exempt\n"), ==, exempt ? 1 : 0);
  }
}

static guint
heading_level (const char *element)
{
  if (element[0] == 'H' && element[1] >= '1' && element[1] <= '6' && (element[2] == '\0' || element[2] == ' '))
    return (guint)(element[1] - '0');
  return 0;
}

/* PDF/UA, as a checker reads the file: the running header and footer are
 * pagination artifacts and everything else drawn is tagged or an artifact;
 * headings never skip a level; every table header cell says what it
 * heads; the logo has a description, and so has every link; the XMP
 * metadata says PDF/UA and agrees with the document information. */
static void
test_pdf_ua (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pack = pb_pack_fixture_board_pack (f, 30, TRUE);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_PDF, "board-ua.pdf");
  g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
  g_autofree char *catalog = pb_pdf_read_catalog (path, &error);
  g_autofree char *xmp = pb_pdf_read_metadata (path, &error);
  PopplerStructureElementIter *iter;
  PopplerStructureElement *document;
  g_autofree char *tagged_text = NULL;
  guint previous = 0, n_headings = 0, n_header_cells = 0, n_figures = 0;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));
  g_assert_nonnull (strstr (catalog, "/Metadata"));

  g_assert_nonnull (xmp);
  g_assert_nonnull (strstr (xmp, "<pdfuaid:part>1</pdfuaid:part>"));
  g_assert_nonnull (strstr (xmp, "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""));
  g_assert_nonnull (strstr (xmp, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" PB_TEST_BOARD_TITLE "</rdf:li>"));
  g_assert_nonnull (strstr (xmp, "<dc:creator><rdf:Seq><rdf:li>" PB_TEST_BOARD_AUTHOR "</rdf:li>"));
  g_assert_nonnull (strstr (xmp, "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"));

  /* Headers and footers: artifacts on every page, and out of the tree. */
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      GBytes *content = g_ptr_array_index (pdf->contents, i);
      g_autofree char *text = g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));

      g_assert_nonnull (strstr (text, "/Artifact <</Type /Pagination /Subtype /Header>> BDC"));
      g_assert_nonnull (strstr (text, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
      g_assert_cmpuint (pb_test_count_unmarked (content), ==, 0);
    }
  iter = poppler_structure_element_iter_new (pdf->document);
  document = poppler_structure_element_iter_get_element (iter);
  g_assert_cmpint (poppler_structure_element_get_kind (document), ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  tagged_text = poppler_structure_element_get_text (document, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
  g_object_unref (document);
  poppler_structure_element_iter_free (iter);
  g_assert_true (pb_test_contains_words (tagged_text, "Grades at a glance"));
  g_assert_true (pb_test_contains_words (tagged_text, "Children in care and care leavers judged together"));
  g_assert_null (strstr (tagged_text, "Page 1 of"));
  g_assert_false (pb_test_contains_words (tagged_text, "Exempt information under paragraph 3 of Schedule 12A"));
  for (guint i = 0; i < pdf->n_pages; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (pdf->texts, i), "Page"));

  for (guint i = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);
      guint level = heading_level (element);

      g_assert_false (g_str_has_prefix (element, "Private"));
      if (level > 0)
        {
          /* The first is the title; none is more than one below the last. */
          g_assert_cmpuint (level, <=, previous + 1);
          previous = level;
          n_headings++;
        }
      if (g_str_has_prefix (element, "TH") && (element[2] == '\0' || element[2] == ' '))
        {
          g_assert_true (strstr (element, "/Scope /Row") != NULL || strstr (element, "/Scope /Column") != NULL);
          n_header_cells++;
        }
      if (g_str_has_prefix (element, "Figure"))
        {
          g_assert_nonnull (strstr (element, "/Alt Logo of " PB_TEST_BOARD_COUNCIL));
          n_figures++;
        }
    }
  g_assert_cmpuint (n_headings, >=, 7);
  g_assert_cmpuint (n_header_cells, >=, 3 + 5);
  g_assert_cmpuint (n_figures, ==, 1);

  g_assert_cmpuint (pdf->n_links, ==, G_N_ELEMENTS (parts) - 1);
  g_assert_cmpuint (pdf->n_described_links, ==, pdf->n_links);
  g_assert_true (pdf->tab_order);
}

/* The web page: a banner and one main landmark, the logo described, the
 * cover's details and the matrix with their headers scoped, the combined
 * judgement over two rows, and the Schedule 12A paragraph. */
static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  gint64 pack = pb_pack_fixture_board_pack (f, 30, TRUE);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_HTML, "board-exempt.html");
  g_autofree char *html = NULL;
  const char *main_start, *body_end;

  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  main_start = strstr (html, "<main>");
  body_end = strstr (html, "</main>\n</body>");
  g_assert_nonnull (main_start);
  g_assert_nonnull (body_end);
  g_assert_null (strstr (main_start + 1, "<main>"));
  g_assert_true (strstr (html, "<header>") < main_start);
  /* The banner says why, as every page of the PDF does. */
  {
    const char *why = strstr (html, "<p class=\"exempt\">Exempt information under paragraph 3 of Schedule 12A to "
                                    "the Local Government Act 1972</p>");

    g_assert_nonnull (why);
    g_assert_true (why > strstr (html, "<header>") && why < strstr (html, "</header>"));
  }
  g_assert_nonnull (strstr (html, "<img alt=\"Logo of " PB_TEST_BOARD_COUNCIL "\" src=\"data:image/png;base64,"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">Prepared by</th><td>" PB_TEST_BOARD_AUTHOR "</td>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Judgement</th>"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">Care leavers</th>"));
  g_assert_nonnull (strstr (html, "<td rowspan=\"2\" class=\"inadequate\">Inadequate"));
  g_assert_null (strstr (html, "<td>Inadequate"));
  g_assert_nonnull (strstr (html, "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972: "
                                  "Information relating to the financial or business affairs"));
  /* Headings never skip a level. */
  {
    g_autoptr(GRegex) heading = g_regex_new ("<h([1-6])[ >]", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    int previous = 0, n = 0;

    for (g_regex_match (heading, html, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        g_autofree char *level = g_match_info_fetch (match, 1);

        g_assert_cmpint (atoi (level), <=, previous + 1);
        previous = atoi (level);
        n++;
      }
    g_assert_cmpint (n, >=, 8);
  }
}

/* A logo that is not a PNG stops the export, which leaves no file; a CSV
 * has no logo, and is written. */
static void
test_bad_logo (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *not_png = g_build_filename (f->dir, "logo.svg", NULL);
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, not_png, NULL };
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);

  g_assert_true (g_file_set_contents (not_png, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  for (PbPackFormat format = PB_PACK_FORMAT_PDF; format <= PB_PACK_FORMAT_HTML; format++)
    {
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
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
}

/* --- Many inspections -------------------------------------------------- */

/* Twelve authorities with long names, two of them inspected in the same
 * month, the first six under the framework that judged children in care
 * and care leavers together: more than stand side by side on a page. */
static const PbTestInspection many[] = {
  { PB_TEST_ERA_ILACS_COMBINED, "Worcestershire", "3 to 14 June 2019", NULL,
    { "Requires improvement to be good", "Outstanding", NULL, "Inadequate" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Wirral", "10 to 21 June 2019", NULL,
    { "Inadequate", "Requires improvement to be good", NULL, "Outstanding" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Northumberland", "7 to 18 October 2019", NULL,
    { "Outstanding", "Requires improvement to be good", NULL, NULL }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Buckinghamshire", "2 to 13 March 2020", NULL,
    { "Requires improvement to be good", NULL, NULL, "Requires improvement to be good" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Gloucestershire", "6 to 17 September 2021", NULL,
    { "Inadequate", "Inadequate", NULL, "Inadequate" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Middlesbrough", "7 to 18 February 2022", NULL,
    { "Requires improvement to be good", "Outstanding", NULL, NULL }, NULL },
  { PB_TEST_ERA_ILACS, "Cambridgeshire", "6 to 17 February 2023", NULL,
    { "Outstanding", "Requires improvement to be good", "Inadequate", NULL }, NULL },
  { PB_TEST_ERA_ILACS, "Hertfordshire", "5 to 16 June 2023", NULL,
    { NULL, "Requires improvement to be good", "Outstanding", "Requires improvement to be good" }, NULL },
  { PB_TEST_ERA_ILACS, "Warrington", "11 to 22 September 2023", NULL,
    { "Requires improvement to be good", "Requires improvement to be good", "Requires improvement to be good",
      "Requires improvement to be good" }, NULL },
  { PB_TEST_ERA_ILACS, "Stockport", "4 to 15 March 2024", NULL,
    { "Outstanding", "Outstanding", "Outstanding", "Outstanding" }, NULL },
  { PB_TEST_ERA_ILACS, "Nottinghamshire", "9 to 20 September 2024", NULL,
    { "Inadequate", "Requires improvement to be good", "Good", NULL }, NULL },
  { PB_TEST_ERA_ILACS, "Leicestershire", "3 to 14 February 2025", NULL,
    { "Requires improvement to be good", "Good", "Outstanding", "Inadequate" }, NULL },
};

/* A pack citing a finding from each of @n inspections. */
static gint64
some_inspections_pack (Fixture                *f,
                       const PbTestInspection *list,
                       guint                   n)
{
  static const char * const cohorts[] = { "help_and_protection", NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 pack;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("many-%02u", i);
      g_autofree char *file = pb_test_write_inspection (f->dir, name, &list[i]);
      gint64 report_id = pb_test_import_pdf (f->library, file);
      g_autoptr(PbReport) report = pb_library_get_report (f->library, report_id, &error);
      g_autoptr(PbFinding) finding = pb_finding_copy (g_ptr_array_index (f->findings, 0));
      gint64 id;

      g_assert_no_error (error);
      pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
      pb_finding_set_page (finding, 1);
      pb_finding_set_paragraph (finding, 1);
      pb_finding_set_cohorts (finding, cohorts);
      pb_finding_set_exempt (finding, FALSE);
      id = pb_library_add_finding (f->library, finding, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }

  pack = pb_library_create_pack (f->library, "Ofsted’s findings across the region", FALSE, "2026-03-12", &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->library, pack, (gint64 *)(gpointer)ids->data, ids->len, &error));
  g_assert_no_error (error);
  return pack;
}

/* A pack citing a finding from each of many[]'s inspections. */
static gint64
many_inspections_pack (Fixture *f)
{
  return some_inspections_pack (f, many, G_N_ELEMENTS (many));
}

/* The words of the matrices, from "Grades at a glance" up to the key under
 * them, page by page ("" for a page with none). */
static GPtrArray *
matrix_texts (PbTestPdf *pdf)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  guint at = pb_test_pdf_find_page (pdf, "Grades at a glance", 0);
  gboolean in = FALSE, done = FALSE;

  g_assert_cmpuint (at, <, pdf->n_pages);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      const char *text = g_ptr_array_index (pdf->texts, i);
      const char *start = i == at ? strstr (text, "Grades at a glance") : text;
      const char *end;

      in = in || i == at;
      if (!in || done)
        {
          g_ptr_array_add (texts, g_strdup (""));
          continue;
        }
      end = strstr (start, "A thick rule");
      done = end != NULL;
      g_ptr_array_add (texts, g_strndup (start, end != NULL ? (gsize)(end - start) : strlen (start)));
    }
  g_assert_true (done);
  return texts;
}

/* Twelve inspections, more than stand side by side in whole words, as a
 * reader sees them: every authority's column there, headed by its name and
 * month, no word broken over two lines (no hyphen the layout put in),
 * nothing beyond the page's right margin, no row split across pages, and
 * each matrix whole on a page, its header row with its last row. */
static void
test_pdf_many_inspections (Fixture       *f,
                           gconstpointer  data)
{
  gint64 pack = many_inspections_pack (f);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_PDF, "many-inspections.pdf");
  g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
  g_autoptr(GPtrArray) texts = matrix_texts (pdf);
  g_autoptr(GPtrArray) headers = pb_test_pdf_header_cells (pdf);
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_tables = 0;

  for (guint i = 0; i < pdf->n_pages; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      PopplerPage *page;
      g_autofree PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      double width;

      if (*text == '\0')
        continue;
      g_string_append (all, text);
      /* Each matrix on the page shows all its rows. */
      g_assert_cmpuint (count_words (text, "Judgement"), ==, count_words (text, "Care leavers"));
      n_tables += count_words (text, "Judgement");

      page = poppler_document_get_page (pdf->document, (int)i);
      poppler_page_get_size (page, &width, NULL);
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint b = 0; b < n_boxes; b++)
        if (boxes[b].x2 > width - 60)
          g_error ("page %u: a letter at x = %.1f, beyond the right margin", i + 1, boxes[b].x2);
      g_object_unref (page);
    }

  /* More than one matrix, each with its judgements down its side. */
  g_assert_cmpuint (n_tables, >, 1);
  g_assert_null (strchr (all->str, '-'));
  g_assert_null (strstr (all->str, "\u00ad"));
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    {
      /* "14 June 2019" → "Worcestershire June 2019" */
      const char *last = strstr (many[i].dates, " to ") + strlen (" to ");
      g_autofree char *heading = g_strdup_printf ("%s %s", many[i].authority, strchr (last, ' ') + 1);

      gboolean found = FALSE;

      for (guint h = 0; h < headers->len && !found; h++)
        found = g_str_has_prefix (g_ptr_array_index (headers, h), heading);
      if (!found)
        g_error ("no column headed “%s”", heading);
      g_assert_nonnull (strstr (all->str, many[i].authority));
    }
  g_assert_nonnull (strstr (all->str, "Requires"));
  g_assert_nonnull (strstr (all->str, "improvement"));
  g_assert_nonnull (strstr (all->str, "Outstanding"));
  pb_test_pdf_check_rows_whole (pdf);
}

/* Six and nine inspections, as packs often cite: the matrices on as few
 * pages as @n_pages_most, following each other (no page but the last
 * mostly blank), shared out evenly, each after
 * the first captioned with the inspections it holds; every inspection
 * heading one column once, a combined judgement one cell over two rows
 * once for each inspection that gave one, every header cell scoped, no
 * row split, and no grade in more than two lines unless that would have
 * taken more than a page. */
static void
check_matrix_on_one_page (Fixture                *f,
                          const PbTestInspection *list,
                          guint                   n,
                          guint                   n_tables_wanted,
                          guint                   n_pages_most,
                          const char             *name)
{
  g_autoptr(GError) error = NULL;
  gint64 pack = some_inspections_pack (f, list, n);
  g_autofree char *path = NULL;
  g_autoptr(PbTestPdf) pdf = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  guint n_tables = 0, n_captions = 0, n_pages = 0, n_combined = 0, n_spanning = 0;

  /* A cover as a board paper's, which fills its page as the pack 30
   * findings do: the matrices start on the next. */
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_COMMITTEE, "Corporate Parenting Panel", &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_AGENDA_ITEM, PB_TEST_BOARD_AGENDA, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_AUTHOR, PB_TEST_BOARD_AUTHOR, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_CONTACT, PB_TEST_BOARD_CONTACT, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_INTRODUCTION,
                                            "This pack brings together what Ofsted found at the region’s recent "
                                            "inspections of children’s services, to compare them with ours. "
                                            "Members are asked to note the grades and the findings, and to "
                                            "agree the questions officers should answer at the next meeting "
                                            "of the panel.", &error));
  g_assert_no_error (error);
  path = export (f, pack, PB_PACK_FORMAT_PDF, name);
  pdf = pb_test_pdf_open (path);
  headers = pb_test_pdf_header_cells (pdf);

  pb_test_pdf_check_not_blank (pdf, 0.8);
  pb_test_pdf_check_rows_whole (pdf);
  pb_test_pdf_check_accessible (pdf);

  /* "Judgement" heads each matrix, and only a matrix. */
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      const char *text = g_ptr_array_index (pdf->texts, i);
      guint here = count_words (text, "Judgement");

      n_tables += here;
      n_pages += here > 0;
      n_captions += count_words (text, "Grades at a glance (continued): inspections ");
    }
  g_test_message ("%u inspections: %u matrices on %u pages", n, n_tables, n_pages);
  g_assert_cmpuint (n_pages, <=, n_pages_most);
  g_assert_cmpuint (n_tables, ==, n_tables_wanted);
  g_assert_cmpuint (n_captions, ==, n_tables - 1);

  /* Evenly shared out: the captions count the inspections off in runs no
   * more than one apart. */
  {
    g_autoptr(GString) all = g_string_new (NULL);
    guint from = 1, smallest = G_MAXUINT, largest = 0;
    const char *p;

    for (guint i = 0; i < pdf->n_pages; i++)
      g_string_append (all, g_ptr_array_index (pdf->texts, i));
    p = all->str;
    while ((p = strstr (p, "(continued): inspections ")) != NULL)
      {
        guint a, b;

        g_assert_cmpint (sscanf (p, "(continued): inspections %u to %u", &a, &b), ==, 2);
        smallest = MIN (smallest, a - from);
        largest = MAX (largest, a - from);
        from = a;
        p += 1;
        if (strstr (p, "(continued): inspections ") == NULL)
          {
            smallest = MIN (smallest, b - a + 1);
            largest = MAX (largest, b - a + 1);
            g_assert_cmpuint (b, ==, n);
          }
      }
    if (n_tables > 1)
      g_assert_cmpuint (largest - smallest, <=, 1);
  }

  for (guint k = 0; k < n; k++)
    {
      const PbTestInspection *inspection = &list[k];
      const char *last = strstr (inspection->dates, " to ") + strlen (" to ");
      g_autofree char *heading = g_strdup_printf ("%s %s", inspection->authority, strchr (last, ' ') + 1);
      guint found = 0;

      for (guint h = 0; h < headers->len; h++)
        found += g_str_has_prefix (g_ptr_array_index (headers, h), heading);
      if (found != 1)
        g_error ("%u columns headed “%s”", found, heading);
      n_combined += inspection->era == PB_TEST_ERA_ILACS_COMBINED;
    }

  /* A combined judgement: one cell over two rows, once each. */
  for (guint i = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);

      if (g_str_has_prefix (element, "TD") && strstr (element, "/RowSpan 2") != NULL)
        n_spanning++;
    }
  g_assert_cmpuint (n_spanning, ==, n_combined);

  /* "Requires improvement to be good" in two lines ("Requires improvement"
   * then the rest), not three ("Requires", "improvement to be", "good"):
   * poppler finds words on one line only. */
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->document, (int)i);
      GList *requires = poppler_page_find_text (page, "Requires");
      GList *two_lines = poppler_page_find_text (page, "Requires improvement");

      if (g_list_length (requires) != g_list_length (two_lines))
        g_error ("page %u: %u of %u grades set in three lines", i + 1,
                 g_list_length (requires) - g_list_length (two_lines), g_list_length (requires));
      g_list_free_full (requires, (GDestroyNotify)poppler_rectangle_free);
      g_list_free_full (two_lines, (GDestroyNotify)poppler_rectangle_free);
      g_object_unref (page);
    }
}

/* Six inspections over four frameworks, as a pack the panel was sent:
 * a SIF one with its adoption grade, two that judged children in care and
 * care leavers together, and three since. */
static const PbTestInspection six[] = {
  { PB_TEST_ERA_SIF, "Walsall", "4 to 27 July 2017", NULL,
    { "Requires improvement to be good", "Good", "Requires improvement to be good", "Good" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Wirral", "10 to 21 June 2019", NULL,
    { "Inadequate", "Requires improvement to be good", NULL, "Inadequate" }, NULL },
  { PB_TEST_ERA_ILACS_COMBINED, "Medway", "8 to 19 July 2019", NULL,
    { "Requires improvement to be good", "Requires improvement to be good", NULL, "Good" }, NULL },
  { PB_TEST_ERA_ILACS, "North Somerset", "10 to 21 July 2023", NULL,
    { "Good", "Requires improvement to be good", "Good", "Requires improvement to be good" }, NULL },
  { PB_TEST_ERA_ILACS, "Bedford", "13 to 24 January 2025", NULL,
    { "Good", "Good", "Outstanding", "Good" }, NULL },
  { PB_TEST_ERA_ILACS_2026, "Blackpool", "11 to 22 May 2026", NULL,
    { "Requires improvement to be good", "Inadequate", "Requires improvement to be good", "Inadequate" }, NULL },
};

static void
test_pdf_six_inspections (Fixture       *f,
                          gconstpointer  data)
{
  check_matrix_on_one_page (f, six, G_N_ELEMENTS (six), 2, 1, "six-inspections.pdf");
}

static void
test_pdf_nine_inspections (Fixture       *f,
                           gconstpointer  data)
{
  /* Three matrices of three, the first at the foot of the cover's page
   * (a matrix starts a new page only when it does not fit what is left),
   * the other two together on the next. */
  check_matrix_on_one_page (f, many, 9, 3, 2, "nine-inspections.pdf");
}

/* A title of a paragraph's length (738 characters) stays on its cover,
 * set smaller, with the cover's details: no page left mostly blank. */
static void
test_pdf_long_title (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autofree char *path = NULL;
  g_autoptr(PbTestPdf) pdf = NULL;
  const char *cover;

  while (title->len < 738)
    g_string_append (title, "Ofsted’s findings on children in care and care leavers across the borough, with the "
                            "actions officers have committed to; ");
  g_string_truncate (title, 738);
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_TITLE, title->str, &error));
  g_assert_no_error (error);
  path = export (f, pack, PB_PACK_FORMAT_PDF, "long-title.pdf");
  pdf = pb_test_pdf_open (path);
  cover = g_ptr_array_index (pdf->texts, 0);

  g_assert_true (pb_test_contains_words (cover, "Ofsted’s findings on children in care and care leavers across"));
  g_assert_nonnull (strstr (cover, "Report to"));
  g_assert_nonnull (strstr (cover, "Prepared by"));
  pb_test_pdf_check_not_blank (pdf, 0.8);
}

/* A title of 800 characters, with a committee's name of 400, a long
 * author and contact, and an exempt pack's statement, as someone pasting a paragraph might: the cover
 * stays one page, the title set at the smallest size and ending in "…",
 * the cover's details after it; the contents on the next page.  The
 * document's own title is whole. */
static void
test_pdf_very_long_title (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) committee = g_string_new (NULL);
  g_autofree char *whole = NULL;
  gint64 pack = pb_pack_fixture_board_pack (f, 3, TRUE);
  g_autofree char *path = NULL;
  g_autofree char *metadata = NULL;
  g_autoptr(PbTestPdf) pdf = NULL;
  const char *cover, *next;

  while (g_utf8_strlen (title->str, -1) < 800)
    g_string_append (title, "Ofsted’s findings on children in care and care leavers across the borough, with the "
                            "actions officers have committed to; ");
  /* 800 characters, ending in a word. */
  whole = g_utf8_substring (title->str, 0, 800);
  g_string_assign (title, g_strstrip (whole));
  while (committee->len < 400)
    g_string_append (committee, "Corporate Parenting Panel and Children’s Services Scrutiny Committee, ");
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_TITLE, title->str, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_COMMITTEE, committee->str, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_AUTHOR,
                                            "Priya Okonkwo-Lewis, Head of Quality Assurance and Safeguarding "
                                            "Partnerships, Children’s Services Directorate, on behalf of the "
                                            "Director of Children’s Services and the Lead Member", &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_CONTACT,
                                            "priya.okonkwo-lewis@harrowdale.example, 01632 960 123 (direct line, "
                                            "Monday to Thursday), or the Corporate Parenting Team on 01632 960 "
                                            "000", &error));
  g_assert_no_error (error);
  path = export (f, pack, PB_PACK_FORMAT_PDF, "very-long-title.pdf");
  pdf = pb_test_pdf_open (path);
  cover = g_ptr_array_index (pdf->texts, 0);
  next = g_ptr_array_index (pdf->texts, 1);

  /* (An ellipsis's text is what it stands for, so the text read back has
   * the whole title, on the cover and in each page's running header: it is
   * the cover's details that show where the title ended.) */
  g_assert_true (pb_test_contains_words (cover, "Ofsted’s findings on children in care and care leavers across"));
  g_assert_nonnull (strstr (cover, "Report to"));
  g_assert_nonnull (strstr (cover, "Prepared by"));
  g_assert_nonnull (strstr (cover, "Produced on"));
  g_assert_null (strstr (next, "Report to"));
  g_assert_null (strstr (next, "Produced on"));
  g_assert_cmpuint (pb_test_pdf_find_page (pdf, "Contents", 0), ==, 1);
  metadata = poppler_document_get_title (pdf->document);
  g_assert_cmpstr (metadata, ==, title->str);
  pb_test_pdf_check_not_blank (pdf, 0.8);
}

/* A logo scanned far larger than it is printed is embedded at no more
 * than 300 dots to the inch of its printed size (56 points high at most:
 * about 233 pixels), not whole. */
static void
test_pdf_big_logo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "big-logo.png", NULL);
  g_autofree char *path = g_build_filename (f->dir, "big-logo.pdf", NULL);
  PbPackExportOptions options = { PB_TEST_BOARD_COUNCIL, logo, NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4000, 3000);
  cairo_t *cr = cairo_create (surface);
  gint64 pack = pb_pack_fixture_board_pack (f, 3, FALSE);
  g_autoptr(PbTestPdf) pdf = NULL;
  PopplerPage *page;
  GList *images;
  cairo_surface_t *embedded;

  cairo_set_source_rgb (cr, 0.08, 0.13, 0.24);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.85, 0.68, 0.22);
  cairo_arc (cr, 2000, 1500, 1200, 0, 2 * G_PI);
  cairo_fill (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (pb_library_export_pack_with_options (f->library, pack, PB_PACK_FORMAT_PDF, path, &options, NULL, NULL,
                                                      NULL, &error));
  g_assert_no_error (error);
  pdf = pb_test_pdf_open (path);
  page = poppler_document_get_page (pdf->document, 0);
  images = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (images), ==, 1);
  embedded = poppler_page_get_image (page, ((PopplerImageMapping *)images->data)->image_id);
  g_assert_nonnull (embedded);
  g_test_message ("logo embedded at %d × %d pixels", cairo_image_surface_get_width (embedded),
                  cairo_image_surface_get_height (embedded));
  g_assert_cmpint (cairo_image_surface_get_height (embedded), <=, 240);
  g_assert_cmpint (cairo_image_surface_get_height (embedded), >=, 200);
  g_assert_cmpint (cairo_image_surface_get_width (embedded), <=, 320);
  cairo_surface_destroy (embedded);
  poppler_page_free_image_mapping (images);
  g_object_unref (page);
}

/* --- Word ------------------------------------------------------------- */

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, status, &error));
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return out;
}

/* python-docx reads the Word document as Word would (check-docx.py). */
static void
test_docx (Fixture       *f,
           gconstpointer  data)
{
  gint64 pack = pb_pack_fixture_board_pack (f, 30, TRUE);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_DOCX, "board-exempt.docx");
  const char *checker = g_getenv ("PB_CHECK_DOCX");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status;

  if (checker == NULL)
    {
      g_test_skip ("PB_CHECK_DOCX is not set; run under meson test");
      return;
    }

  g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3");
  g_ptr_array_add (argv, (gpointer)checker);
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, "--title=" PB_TEST_BOARD_TITLE);
  g_ptr_array_add (argv, "--author=" PB_TEST_BOARD_AUTHOR);
  g_ptr_array_add (argv, "--subject=Corporate Parenting Panel, 12 March 2026, Agenda item " PB_TEST_BOARD_AGENDA);
  g_ptr_array_add (argv, "--classification=Exempt: not for publication (Schedule 12A, paragraph 3)");
  g_ptr_array_add (argv, "--exempt=paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972");
  g_ptr_array_add (argv, "--columns=2");
  g_ptr_array_add (argv, "--merged=1");
  g_ptr_array_add (argv, "Out of hours, the response to children at risk is less consistent.");
  g_ptr_array_add (argv, NULL);

  out = run ((const char * const *)argv->pdata, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the document as expected:\n%s", out);
}

/* The Word document of twelve inspections: its grades shared between
 * three tables of four, each within the page's width, every word of
 * every cell whole on its line, their header rows repeated, no row
 * split (check-docx.py --whole-words). */
static void
test_docx_many_inspections (Fixture       *f,
                            gconstpointer  data)
{
  gint64 pack = many_inspections_pack (f);
  g_autofree char *path = export (f, pack, PB_PACK_FORMAT_DOCX, "many-inspections.docx");
  const char *checker = g_getenv ("PB_CHECK_DOCX");
  g_autofree char *n_columns = g_strdup_printf ("--columns=%u", (guint)G_N_ELEMENTS (many));
  const char *argv[] = {
    g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3",
    checker, path, n_columns, "--tables=3", "--merged=6", "--whole-words", NULL,
  };
  g_autofree char *out = NULL;
  int status;

  if (checker == NULL)
    {
      g_test_skip ("PB_CHECK_DOCX is not set; run under meson test");
      return;
    }
  out = run (argv, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the document as expected:\n%s", out);
}

/* A Basic macro for LibreOffice: open the document, update its contents
 * field (as a user would with Tools ▸ Update ▸ Update All, or Word does on
 * opening as the document asks), and save it as PDF. */
static const char macro[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE script:module PUBLIC \"-//OpenOffice.org//DTD OfficeDocument 1.0//EN\" \"module.dtd\">\n"
  "<script:module xmlns:script=\"http://openoffice.org/2000/script\" script:name=\"Module1\" script:language=\"StarBasic\">\n"
  "Sub Convert(sIn As String, sOut As String)\n"
  "  Dim args(0) As New com.sun.star.beans.PropertyValue\n"
  "  args(0).Name = &quot;Hidden&quot;\n"
  "  args(0).Value = True\n"
  "  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, args())\n"
  "  oIndexes = oDoc.getDocumentIndexes()\n"
  "  For i = 0 To oIndexes.getCount() - 1\n"
  "    oIndexes.getByIndex(i).update()\n"
  "  Next\n"
  "  oDoc.getTextFields().refresh()\n"
  "  Dim filter(0) As New com.sun.star.beans.PropertyValue\n"
  "  filter(0).Name = &quot;FilterName&quot;\n"
  "  filter(0).Value = &quot;writer_pdf_Export&quot;\n"
  "  oDoc.storeToURL(ConvertToURL(sOut), filter())\n"
  "  oDoc.close(True)\n"
  "  StarDesktop.terminate()\n"
  "End Sub\n"
  "</script:module>\n";

/* @docx as LibreOffice lays it out, in PDF, in a private profile. */
static char *
convert_with_libreoffice (const char *soffice,
                          const char *docx,
                          const char *dir)
{
  g_autofree char *profile = g_build_filename (dir, "libreoffice", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *install = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *module = g_build_filename (profile, "user", "basic", "Standard", "Module1.xba", NULL);
  g_autofree char *pdf = g_build_filename (dir, "board-libreoffice.pdf", NULL);
  g_autofree char *call = g_strdup_printf ("macro:///Standard.Module1.Convert(\"%s\",\"%s\")", docx, pdf);
  const char *init[] = { soffice, install, "--headless", "--norestore", "--terminate_after_init", NULL };
  const char *convert[] = { soffice, install, "--headless", "--norestore", call, NULL };
  int status;

  /* A first start makes the profile, with its own Standard library; the
   * macro replaces that library's empty module. */
  g_free (run (init, &status));
  g_assert_true (g_file_test (module, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (module, macro, -1, NULL));
  g_free (run (convert, &status));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&pdf);
}

/* @docx converted by LibreOffice as "soffice --convert-to pdf" does, and
 * as a councillor's LibreOffice opens it, without updating its fields:
 * the contents field's stored page numbers are where LibreOffice's own
 * pages start each part (its bookmarks lead there and the heading is
 * there), every part on a page after the contents. */
static PbTestPdf *
check_plain_conversion (Fixture    *f,
                        const char *soffice,
                        const char *docx)
{
  g_autofree char *plain_dir = g_build_filename (f->dir, "plain", NULL);
  g_autofree char *base = g_path_get_basename (docx);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".docx"));
  g_autofree char *plain_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *plain_path = g_build_filename (plain_dir, plain_name, NULL);
  g_autofree char *profile = g_build_filename (f->dir, "libreoffice", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *install = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *convert[] = { soffice, install, "--headless", "--norestore", "--convert-to", "pdf",
                            "--outdir", plain_dir, docx, NULL };
  PbTestPdf *plain;
  int status;

  g_free (run (convert, &status));
  g_assert_true (g_file_test (plain_path, G_FILE_TEST_EXISTS));
  pb_test_keep_export (plain_path);
  plain = pb_test_pdf_open (plain_path);
  for (guint i = 0; parts[i] != NULL; i++)
    g_assert_cmpuint (pb_test_pdf_contents_number (plain, parts[i]), >, 1);
  pb_test_pdf_check_contents (plain, parts);
  return plain;
}

/* The Word document as LibreOffice lays it out, read back as the PDF is:
 * its contents field, updated, gives the pages the parts start on; every
 * page has its header and "Page N of M"; no page is mostly blank; the
 * grades table keeps its rows and order. */
static void
test_docx_libreoffice (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const rows[] = {
    "Overall effectiveness", "Impact of leaders", "Help and protection", "Children in care", "Care leavers", NULL,
  };
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  gint64 pack;
  g_autofree char *path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(PbTestPdf) pdf = NULL;
  g_autoptr(PbTestPdf) plain = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: libreoffice-writer-nogui), so the Word document "
                   "is not laid out and checked page by page");
      return;
    }

  pack = pb_pack_fixture_board_pack (f, 30, TRUE);
  path = export (f, pack, PB_PACK_FORMAT_DOCX, "board-exempt.docx");
  pdf_path = convert_with_libreoffice (soffice, path, f->dir);
  pb_test_keep_export (pdf_path);
  pdf = pb_test_pdf_open (pdf_path);

  g_assert_cmpuint (pdf->n_pages, >=, 4);
  check_running_lines (pdf, TRUE);
  g_assert_true (pb_test_contains_words (g_ptr_array_index (pdf->texts, 0),
                                         "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"));
  pb_test_pdf_check_contents (pdf, parts);
  pb_test_pdf_check_not_blank (pdf, 0.8);
  pb_test_pdf_check_matrix_text (pdf, inspections, rows, "Inadequate");

  /* Converted as it is, without updating its fields, the contents
   * still give the pages LibreOffice starts the parts on. */
  plain = check_plain_conversion (f, soffice, path);
  g_assert_cmpuint (plain->n_pages, ==, pdf->n_pages);
}

/* A pack of 200 findings, in Word, converted by LibreOffice as it is: its
 * contents, never updated, still give the pages where LibreOffice starts
 * each part, twenty pages on (pb-docx-layout.c), as they do in the PDF. */
static void
test_docx_libreoffice_large (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  gint64 pack;
  g_autofree char *path = NULL;
  g_autoptr(PbTestPdf) plain = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: libreoffice-writer-nogui), so the Word document "
                   "is not laid out and checked page by page");
      return;
    }

  pack = pb_pack_fixture_board_pack (f, 200, TRUE);
  path = export (f, pack, PB_PACK_FORMAT_DOCX, "board-large.docx");
  plain = check_plain_conversion (f, soffice, path);
  /* The parts far apart, the last of them many pages on. */
  g_assert_cmpuint (plain->n_pages, >=, 15);
  g_assert_cmpuint (pb_test_pdf_contents_number (plain, "Leadership"), >=, 12);
  g_assert_cmpuint (pb_test_pdf_contents_number (plain, "Children in care"), <,
                    pb_test_pdf_contents_number (plain, "Care leavers"));
  check_running_lines (plain, TRUE);

  /* The footer's stored page count, for viewers that show it as it is,
   * is the count LibreOffice lays out; its fields are worked out again. */
  {
    const char *checker = g_getenv ("PB_CHECK_DOCX");
    g_autofree char *pages = g_strdup_printf ("--pages=%u", plain->n_pages);
    const char *argv[] = {
      g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3",
      checker, path, pages, NULL,
    };
    g_autofree char *out = NULL;
    int status;

    if (checker != NULL)
      {
        out = run (argv, &status);
        if (!g_spawn_check_wait_status (status, NULL))
          g_error ("python-docx did not read the document as expected:\n%s", out);
      }
  }
}

/* A quotation's line in the Word document: the Quote style's width (the
 * text's 470.6 points less its 17-point indent), in Georgia, italic, 11
 * points, as fontconfig substitutes it. */
#define QUOTE_WIDTH 453.6
#define QUOTE_FONT  "Georgia Italic 11"

static double
quote_width (PangoLayout *layout,
             const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* Passages of one line that all but fill it: wider than 99% of
 * QUOTE_WIDTH by half a point, narrower than all of it by as much, made
 * of @words from each in turn, the last word chosen to land there. */
static GPtrArray *
full_line_quotes (guint n)
{
  static const char text[] =
    "Leaders have an accurate picture of where practice is weakest and have begun to act but improvements "
    "are recent and the quality of assessments is too variable while supervision is regular in most teams "
    "although it does not always challenge drift for children whose plans change as they grow older";
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n_words = g_strv_length (words);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (QUOTE_FONT);
  GPtrArray *quotes = g_ptr_array_new_with_free_func (g_free);

  /* Measured as the layout measures (pb-docx-layout.c). */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, desc);

  for (guint start = 0; quotes->len < n && start < 50 * n_words; start++)
    {
      g_autoptr(GString) line = g_string_new (words[start % n_words]);
      gsize before_last = 0;

      for (guint w = start + 1; quote_width (layout, line->str) < QUOTE_WIDTH - 0.5; w++)
        {
          before_last = line->len;
          g_string_append_printf (line, " %s", words[w % n_words]);
        }
      /* One word too many: another in its place, to fall in the window. */
      for (guint w = 0; w < n_words; w++)
        {
          double width;

          g_string_truncate (line, before_last);
          g_string_append_printf (line, " %s.", words[(start + w) % n_words]);
          width = quote_width (layout, line->str);
          if (width > QUOTE_WIDTH * 0.99 + 0.5 && width < QUOTE_WIDTH - 0.5)
            {
              g_ptr_array_add (quotes, g_string_free (g_steal_pointer (&line), FALSE));
              break;
            }
        }
    }
  g_assert_cmpuint (quotes->len, ==, n);
  return quotes;
}

/* Findings each quoting a line that all but fills its width: LibreOffice
 * sets each on one line, and so must the layout that gives the contents
 * its pages (it took 1% off every width, and each such quotation took
 * two lines; a hundred of them put the later parts pages on). The
 * contents, never updated, give the pages LibreOffice starts the parts
 * on. */
static void
test_docx_libreoffice_full_lines (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GPtrArray) quotes = full_line_quotes (25);
  gint64 pack;
  g_autofree char *path = NULL;
  g_autoptr(PbTestPdf) plain = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: libreoffice-writer-nogui), so the Word document "
                   "is not laid out and checked page by page");
      return;
    }

  pack = pb_pack_fixture_board_pack_quoting (f, 100, TRUE, (const char * const *)quotes->pdata, quotes->len);
  path = export (f, pack, PB_PACK_FORMAT_DOCX, "board-full-lines.docx");
  plain = check_plain_conversion (f, soffice, path);
  /* The parts pages apart. */
  g_assert_cmpuint (pb_test_pdf_contents_number (plain, "Leadership"), >=, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pack-layout/pdf/public", Fixture, GINT_TO_POINTER (FALSE), pb_pack_fixture_setup, test_pdf,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/pdf/exempt", Fixture, GINT_TO_POINTER (TRUE), pb_pack_fixture_setup, test_pdf,
              pb_pack_fixture_teardown);

  g_test_add ("/pack-layout/pdf/many-inspections", Fixture, NULL, pb_pack_fixture_setup, test_pdf_many_inspections,
              pb_pack_fixture_teardown);

  g_test_add ("/pack-layout/pdf/six-inspections", Fixture, NULL, pb_pack_fixture_setup, test_pdf_six_inspections,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/pdf/nine-inspections", Fixture, NULL, pb_pack_fixture_setup, test_pdf_nine_inspections,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/pdf/long-title", Fixture, NULL, pb_pack_fixture_setup, test_pdf_long_title,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/pdf/very-long-title", Fixture, NULL, pb_pack_fixture_setup, test_pdf_very_long_title,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/pdf/big-logo", Fixture, NULL, pb_pack_fixture_setup, test_pdf_big_logo,
              pb_pack_fixture_teardown);

  g_test_add ("/pack-layout/pdf-ua", Fixture, NULL, pb_pack_fixture_setup, test_pdf_ua, pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/html", Fixture, NULL, pb_pack_fixture_setup, test_html, pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/bad-logo", Fixture, NULL, pb_pack_fixture_setup, test_bad_logo, pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/docx", Fixture, NULL, pb_pack_fixture_setup, test_docx, pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/docx/many-inspections", Fixture, NULL, pb_pack_fixture_setup, test_docx_many_inspections,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/docx-libreoffice", Fixture, NULL, pb_pack_fixture_setup, test_docx_libreoffice,
              pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/docx-libreoffice/large", Fixture, NULL, pb_pack_fixture_setup,
              test_docx_libreoffice_large, pb_pack_fixture_teardown);
  g_test_add ("/pack-layout/docx-libreoffice/full-lines", Fixture, NULL, pb_pack_fixture_setup,
              test_docx_libreoffice_full_lines, pb_pack_fixture_teardown);

  return g_test_run ();
}
