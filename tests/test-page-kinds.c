/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "pb-annotated-export.h"
#include "pb-document.h"
#include "pb-finding-store.h"
#include "pb-import-job.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-pdf-annotate.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

/* Each kind of page that trips page text up, made here with cairo (and qpdf,
 * or byte by byte): what search finds, what a typed quote matches, and that
 * the highlights written cover the quoted words as pdftotext -bbox gives
 * their boxes. */

typedef PbKindsFixture Fixture;

static gint64
import_full (Fixture       *f,
             const char    *path,
             const char    *password,
             PbImportFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  pb_import_file_full (f->library, file, password, flags, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  return id;
}

static gint64
import (Fixture    *f,
        const char *path,
        const char *password)
{
  return import_full (f, path, password, PB_IMPORT_DEFAULT);
}

static void
assert_found (Fixture    *f,
              const char *query,
              gint64      report_id,
              guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pb_library_search (f->library, query, 50, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);

      if (pb_search_hit_get_report_id (hit) == report_id)
        {
          g_assert_cmpuint (pb_search_hit_get_page (hit), ==, page);
          n++;
        }
    }

  if (n != 1)
    g_error ("search for %s found report %" G_GINT64_FORMAT " %u times, not once", query, report_id, n);
}

static GArray *
locate (const char *pdf,
        const char *password,
        guint       page,
        const char *quote)
{
  g_autoptr(GError) error = NULL;
  GArray *anchors = pb_pdf_locate_quote (pdf, password, page, quote, &error);

  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  return anchors;
}

/* A copy of @pdf with one highlight over @anchors. */
static char *
highlight (const char *pdf,
           const char *password,
           GArray     *anchors)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_highlight_free);
  g_autoptr(GError) error = NULL;
  PbHighlight *h = g_new0 (PbHighlight, 1);
  char *out = g_strconcat (pdf, ".annotated.pdf", NULL);

  h->anchors = g_array_ref (anchors);
  h->contents = g_strdup ("A finding");
  g_ptr_array_add (highlights, h);

  g_assert_true (pb_pdf_write_highlights (pdf, password, highlights, out, &error));
  g_assert_no_error (error);
  return out;
}

/* The quote matches, and both the finding's rectangles and the highlight
 * written cover the words pdftotext prints it with on @page. */
static void
assert_quote_highlighted (const char *pdf,
                          guint       page,
                          int         rotation,
                          const char *quote,
                          const char *printed)
{
  g_autoptr(GArray) anchors = locate (pdf, NULL, page, quote);
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, NULL);
  g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, page, printed ? printed : quote);
  g_autofree char *copy = highlight (pdf, NULL, anchors);
  g_autoptr(GArray) written = pb_test_kinds_highlights (copy, NULL, page, rotation);

  g_assert_cmpuint (g_array_index (anchors, PbAnchor, 0).page, ==, page);
  pb_test_kinds_assert_covered (anchors, run);
  pb_test_kinds_assert_covered (written, run);
}

static char *
reading_text (const char *pdf,
              guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (pdf, NULL, &error));

  g_assert_no_error (error);
  return pb_pdf_document_get_reading_text (POPPLER_DOCUMENT (document), index);
}

static const char * const report_lines[] = {
  "Panel briefing: a turned page",
  "Care leavers are well supported by personal advisers.",
  "Children in care do not always see their social worker.",
  NULL
};

/* /Rotate 90, 180 and 270: read as the upright page is, found, quoted and
 * highlighted where the words are shown; and a highlight a turned page
 * arrives with is offered with its words. */
static void
test_rotate_entry (Fixture       *f,
                   gconstpointer  data)
{
  PbTestPage page = { report_lines, NULL, NULL, 0, 0 };
  g_autofree char *upright = pb_test_kinds_write_pdf (f->dir, "upright.pdf", &page, 1, NULL);
  g_autofree char *upright_text = reading_text (upright, 0);

  for (int rotation = 90; rotation < 360; rotation += 90)
    {
      g_autofree char *option = g_strdup_printf ("--rotate=+%d", rotation);
      g_autofree char *suffix = g_strdup_printf (".%d.pdf", rotation);
      g_autofree char *turned = pb_test_kinds_qpdf (upright, suffix, option, NULL);
      g_autofree char *text = reading_text (turned, 0);
      g_autofree char *marked = NULL;
      g_autoptr(GPtrArray) suggestions = NULL;
      gint64 id;

      g_test_message ("turned by %d degrees", rotation);
      g_assert_cmpstr (text, ==, upright_text);

      /* Turned 90 and 270 degrees, the pages are the same size with the same
       * words: the same report, as far as import can tell. */
      id = import_full (f, turned, NULL, PB_IMPORT_ANYWAY);
      assert_found (f, "leavers", id, 1);
      assert_found (f, "\"well supported by personal advisers\"", id, 1);

      assert_quote_highlighted (turned, 1, rotation, "Care leavers are well supported", NULL);
      assert_quote_highlighted (turned, 1, rotation, "their social worker", "their social worker.");

      /* A reviewer's highlight on the turned page. */
      marked = pb_test_add_highlight (turned, 0, "personal advisers", "Ask about caseloads");
      id = import_full (f, marked, NULL, PB_IMPORT_ANYWAY);
      suggestions = pb_library_list_suggestions (f->library, id, NULL);
      g_assert_cmpuint (suggestions->len, ==, 1);
      g_assert_cmpstr (pb_finding_get_quote (pb_suggestion_get_draft (g_ptr_array_index (suggestions, 0))),
                       ==, "personal advisers");
    }
}

/* Text set sideways on an upright page (a landscape table). */
static void
test_turned_content (Fixture       *f,
                     gconstpointer  data)
{
  PbTestPage page = { report_lines, NULL, NULL, 0, 90 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "sideways.pdf", &page, 1, NULL);
  g_autofree char *text = reading_text (pdf, 0);
  gint64 id;

  g_assert_cmpstr (text, ==, "Panel briefing: a turned page\n"
                             "Care leavers are well supported by personal advisers.\n"
                             "Children in care do not always see their social worker.");

  id = import (f, pdf, NULL);
  assert_found (f, "leavers", id, 1);
  assert_quote_highlighted (pdf, 1, 0, "well supported by personal advisers", "well supported by personal advisers.");
}

/* A report with a turned page, or turned throughout, reads the same. */
static void
test_turned_structure (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const page1[] = {
    "Inspection of Fernleigh local authority children's services",
    "Inspection dates: 11 to 15 September 2023",
    "1. Care leavers are well supported by personal advisers.",
    "2. Children in care do not always see their social worker.",
    NULL
  };
  static const char * const page2[] = {
    "3. Pathway plans are not consistently updated.",
    "4. Leaders know their services well.",
    NULL
  };
  static const char * const page3[] = {
    "5. Children who need help are seen quickly.",
    "6. Return home interviews are timely.",
    NULL
  };
  PbTestPage pages[] = {
    { page1, "Page 1", NULL, 0, 0 }, { page2, "Page 2", NULL, 0, 0 }, { page3, "Page 3", NULL, 0, 0 },
  };
  g_autofree char *upright = pb_test_kinds_write_pdf (f->dir, "report.pdf", pages, 3, NULL);
  g_autofree char *one = pb_test_kinds_qpdf (upright, ".one.pdf", "--rotate=+90:2", NULL);
  g_autofree char *all = pb_test_kinds_qpdf (upright, ".all.pdf", "--rotate=+270", NULL);
  g_autoptr(PbStructure) a = pb_structure_read_pdf (upright, NULL, NULL);
  g_autoptr(PbStructure) b = pb_structure_read_pdf (one, NULL, NULL);
  g_autoptr(PbStructure) c = pb_structure_read_pdf (all, NULL, NULL);

  g_assert_cmpuint (a->paragraphs->len, ==, 6);
  for (guint i = 0; i < a->paragraphs->len; i++)
    {
      PbParagraph *pa = &g_array_index (a->paragraphs, PbParagraph, i);
      PbParagraph *pb = &g_array_index (b->paragraphs, PbParagraph, i);
      PbParagraph *pc = &g_array_index (c->paragraphs, PbParagraph, i);

      g_assert_cmpuint (b->paragraphs->len, ==, a->paragraphs->len);
      g_assert_cmpuint (c->paragraphs->len, ==, a->paragraphs->len);
      g_assert_cmpuint (pa->number, ==, pb->number);
      g_assert_cmpuint (pa->page, ==, pb->page);
      g_assert_cmpuint (pa->number, ==, pc->number);
      g_assert_cmpuint (pa->page, ==, pc->page);
    }
  g_assert_cmpint (a->type, ==, c->type);
  g_assert_cmpstr (a->local_authority, ==, c->local_authority);
}

static void
test_ligatures (Fixture       *f,
                gconstpointer  data)
{
  static const char * const lines[] = {
    "The local authority has modi\xef\xac\x81" "ed the su\xef\xac\x83" "ciency strategy.",
    "Sta\xef\xac\x80 re\xef\xac\x82" "ect on the o\xef\xac\x83" "cial in\xef\xac\x82" "uence report.",
    "Ba\xef\xac\x84" "ing \xef\xac\x81" "ndings were ba\xef\xac\x84" "ed.",
    NULL
  };
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "ligatures.pdf", &page, 1, NULL);
  gint64 id = import (f, pdf, NULL);
  static const char * const words[] = { "modified", "sufficiency", "staff", "reflect", "official",
                                        "influence", "baffling", "findings" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_found (f, words[i], id, 1);

  assert_quote_highlighted (pdf, 1, 0, "has modified the sufficiency strategy", "has modified the sufficiency strategy.");
  assert_quote_highlighted (pdf, 1, 0, "Staff reflect on the official influence", NULL);
}

static void
test_line_end_hyphens (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const lines[] = {
    "Inspectors found that place\xc2\xad",
    "ment stability for children in care has im\xc2\xad",
    "proved since the last inspection.",
    "The authority's sufficiency strat-",
    "egy is not yet effective for long-",
    "term plans.",
    NULL
  };
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "hyphens.pdf", &page, 1, NULL);
  g_autofree char *text = reading_text (pdf, 0);
  gint64 id = import (f, pdf, NULL);

  /* Soft hyphens join their word; a hard hyphen at a line end is kept. */
  g_assert_nonnull (strstr (text, "found that placement stability"));
  g_assert_nonnull (strstr (text, "has improved since"));
  g_assert_nonnull (strstr (text, "strat-\negy"));

  assert_found (f, "placement", id, 1);
  assert_found (f, "improved", id, 1);
  assert_found (f, "strategy", id, 1);
  assert_found (f, "\"long-term\"", id, 1);
  assert_found (f, "\"placement stability\"", id, 1);
  assert_found (f, "\"sufficiency strategy is\"", id, 1);

  assert_quote_highlighted (pdf, 1, 0, "found that placement stability", NULL);
  assert_quote_highlighted (pdf, 1, 0, "care has improved since", NULL);
  assert_quote_highlighted (pdf, 1, 0, "sufficiency strategy is not yet effective", NULL);
}

static void
test_typography (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const lines[] = {
    "The council\xe2\x80\x99s corporate parenting board meets quarterly.",
    "Young people said \xe2\x80\x9cwe want to be listened to\xe2\x80\x9d and are heard.",
    "Outcomes for care leavers aged 18\xe2\x80\x93" "21 are improving.",
    "Children accommodated under Section\xc2\xa0" "20 are reviewed.",
    NULL
  };
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "typography.pdf", &page, 1, NULL);
  gint64 id = import (f, pdf, NULL);

  assert_found (f, "council's", id, 1);
  assert_found (f, "\"Section 20\"", id, 1);

  assert_quote_highlighted (pdf, 1, 0, "The council's corporate parenting board", NULL);
  assert_quote_highlighted (pdf, 1, 0, "said \"we want to be listened to\"", NULL);
  assert_quote_highlighted (pdf, 1, 0, "aged 18-21 are improving", "aged 18-21 are improving.");
  assert_quote_highlighted (pdf, 1, 0, "under Section 20 are reviewed", "under Section 20 are reviewed.");
}

/* A numbered paragraph from the foot of one page onto the next, with the
 * running footer and header between. */
static void
test_across_pages (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const page1[] = {
    "12. Personal advisers keep in touch with almost all care leavers.",
    "13. Pathway plans for care leavers are not consistently",
    NULL
  };
  static const char * const page2[] = {
    "updated when their circumstances change, and some plans",
    "are not written with young people.",
    NULL
  };
  PbTestPage pages[] = {
    { page1, "Page 1", "Inspection of Fernleigh", 0, 0 },
    { page2, "Page 2", "Inspection of Fernleigh", 0, 0 },
  };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "across.pdf", pages, 2, NULL);
  const char *quote = "Pathway plans for care leavers are not consistently updated when their circumstances change";
  g_autoptr(GArray) anchors = locate (pdf, NULL, 1, quote);
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, NULL);
  g_autoptr(GPtrArray) first = pb_test_kinds_words_of (words, 1, "Pathway plans for care leavers are not consistently");
  g_autoptr(GPtrArray) second = pb_test_kinds_words_of (words, 2, "updated when their circumstances change,");
  g_autofree char *copy = highlight (pdf, NULL, anchors);
  g_autoptr(GArray) on_first = pb_test_kinds_highlights (copy, NULL, 1, 0);
  g_autoptr(GArray) on_second = pb_test_kinds_highlights (copy, NULL, 2, 0);
  gint64 id = import (f, pdf, NULL);

  pb_test_kinds_assert_covered (anchors, first);
  pb_test_kinds_assert_covered (anchors, second);
  for (guint i = 0; i < anchors->len; i++)
    g_assert_cmpuint (g_array_index (anchors, PbAnchor, i).page, ==, i == 0 ? 1 : 2);

  /* One highlight on each page, and nothing over the footer. */
  g_assert_cmpuint (on_first->len, ==, 1);
  g_assert_cmpuint (on_second->len, ==, 1);
  pb_test_kinds_assert_covered (on_first, first);
  pb_test_kinds_assert_covered (on_second, second);
  g_assert_cmpfloat (g_array_index (on_first, PbAnchor, 0).rect.y2, <, 780);

  assert_found (f, "\"not consistently updated when\"", id, 1);
  assert_found (f, "consistently", id, 1);
}

/* A right-to-left line: poppler gives fewer boxes than characters, and the
 * lines after it must still be read, found and highlighted right. */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const arabic[] = {
    "Help for families is available.",
    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd9\x83\xd9\x85 \xd9\x81\xd9\x8a "
    "\xd8\xa7\xd9\x84\xd9\x85\xd8\xac\xd9\x84\xd8\xb3",
    "Care leavers are well supported by personal advisers.",
    "Children in care do not always see their social worker.",
    NULL
  };
  static const char * const hebrew[] = {
    "Help for families is available.",
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\x9c\xd7\x9b\xd7\x95\xd7\x9c\xd7\x9d "
    "\xd7\x91\xd7\xa8\xd7\x95\xd7\x9b\xd7\x99\xd7\x9d",
    "Pathway plans are not consistently updated.",
    NULL
  };
  PbTestPage pages[] = { { arabic, NULL, NULL, 2, 0 }, { hebrew, NULL, NULL, 2, 0 } };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "leaflet.pdf", pages, 2, NULL);
  g_autofree char *text = reading_text (pdf, 0);
  gint64 id;

  /* The kind: poppler's boxes do not match its characters one to one. */
  {
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
    g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
    g_autofree char *raw = poppler_page_get_text (POPPLER_PAGE (page));
    g_autofree PopplerRectangle *rects = NULL;
    guint n_rects = 0;

    poppler_page_get_text_layout (POPPLER_PAGE (page), &rects, &n_rects);
    g_assert_cmpuint (n_rects, <, (guint)g_utf8_strlen (raw, -1));
  }

  g_assert_nonnull (strstr (text, "\nCare leavers are well supported by personal advisers.\n"
                                  "Children in care do not always see their social worker."));

  id = import (f, pdf, NULL);
  assert_found (f, "\"personal advisers\"", id, 1);
  assert_found (f, "\"consistently updated\"", id, 2);

  assert_quote_highlighted (pdf, 1, 0, "well supported by personal advisers", "well supported by personal advisers.");
  assert_quote_highlighted (pdf, 1, 0, "their social worker", "their social worker.");
  assert_quote_highlighted (pdf, 2, 0, "not consistently updated", "not consistently updated.");
}

/* Two pages sharing one /Annots array: a highlight on page 1 stays there. */
static void
test_shared_annots (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *plain = pb_test_kinds_shared_annots_pdf (f->dir);
  g_autofree char *packed = pb_test_kinds_qpdf (plain, ".packed.pdf", "--object-streams=generate", NULL);
  const char *sources[] = { plain, packed };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GArray) anchors = locate (sources[s], NULL, 1, "Care leavers are well supported");
      g_autofree char *copy = highlight (sources[s], NULL, anchors);
      g_autoptr(GArray) first = pb_test_kinds_highlights (copy, NULL, 1, 0);
      g_autoptr(GArray) second = pb_test_kinds_highlights (copy, NULL, 2, 0);
      g_autoptr(GPtrArray) words = pb_test_kinds_words (sources[s], NULL);
      g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "Care leavers are well supported");

      g_test_message ("%s", sources[s]);
      g_assert_cmpuint (first->len, ==, 1);
      g_assert_cmpuint (second->len, ==, 0);
      pb_test_kinds_assert_covered (first, run);
      g_assert_true (pb_test_kinds_qpdf_is_clean (copy));
    }
}

/* A damaged file (no cross-reference table) that poppler repairs: its
 * annotated copy is a sound PDF. */
static void
test_damaged_source (Fixture       *f,
                     gconstpointer  data)
{
  PbTestPage page = { report_lines, NULL, NULL, 0, 0 };
  g_autofree char *pdf = pb_test_kinds_write_pdf (f->dir, "whole.pdf", &page, 1, "Fernleigh report");
  g_autofree char *damaged = pb_test_kinds_without_xref (pdf);
  g_autofree char *out = g_build_filename (f->dir, "annotated.pdf", NULL);
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GArray) written = NULL;
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, NULL);
  g_autoptr(GError) error = NULL;
  static const char * const cohorts[] = { "care_leavers", NULL };
  gint64 id;

  g_assert_false (pb_test_kinds_qpdf_is_clean (damaged));

  id = import (f, damaged, NULL);
  report = pb_library_get_report (f->library, id, NULL);
  {
    g_autofree char *stored = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
    anchors = locate (stored, NULL, 1, "Care leavers are well supported");
  }

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, "Care leavers are well supported");
  pb_finding_set_cohorts (finding, cohorts);
  pb_finding_set_kind (finding, PB_FINDING_KIND_STRENGTH);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, &error), >, 0);

  g_assert_true (pb_library_export_annotated (f->library, id, out, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (pb_test_kinds_qpdf_is_clean (out));

  written = pb_test_kinds_highlights (out, NULL, 1, 0);
  g_assert_cmpuint (written->len, ==, 1);
  {
    g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "Care leavers are well supported");
    pb_test_kinds_assert_covered (written, run);
  }
}

/* Highlights a PDF arrives with are offered with exactly their words: not
 * the next line's, and not dropped for lacking quadrilaterals. */
static void
test_arriving_highlights (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = pb_test_kinds_bare_highlight_pdf (f->dir);
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 id = import (f, pdf, NULL);
  PbFinding *plans, *visits;

  suggestions = pb_library_list_suggestions (f->library, id, NULL);
  g_assert_cmpuint (suggestions->len, ==, 2);
  plans = pb_suggestion_get_draft (g_ptr_array_index (suggestions, 0));
  visits = pb_suggestion_get_draft (g_ptr_array_index (suggestions, 1));
  if (g_strcmp0 (pb_finding_get_note (plans), "Plans") != 0)
    {
      PbFinding *t = plans;
      plans = visits;
      visits = t;
    }

  g_assert_cmpstr (pb_finding_get_quote (plans), ==, "Pathway plans are not consistently updated.");
  g_assert_cmpstr (pb_finding_get_note (plans), ==, "Plans");
  g_assert_cmpstr (pb_finding_get_quote (visits), ==, "Children in care do not always see their social worker.");
  g_assert_cmpstr (pb_finding_get_note (visits), ==, "Visits");
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pb_import_job_run_finish (PB_IMPORT_JOB (source), result, &error);
  g_assert_no_error (error);
}

/* The same report downloaded again: new dates and identifiers, the same
 * pages. Recognised, and imported only when asked. */
static void
test_saved_again (Fixture       *f,
                  gconstpointer  data)
{
  PbTestPage page = { report_lines, NULL, NULL, 0, 0 };
  g_autofree char *first = pb_test_kinds_write_pdf (f->dir, "first.pdf", &page, 1, "Fernleigh inspection");
  g_autofree char *again = pb_test_kinds_qpdf (first, ".again.pdf", "--object-streams=generate", "--newline-before-endstream", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (again);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_IMPORTED;
  gint64 id = import (f, first, NULL);
  gint64 same = 0;

  g_assert_false (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, &status, &same, &error));
  g_assert_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);
  g_assert_nonnull (strstr (error->message, "already in the library as “Fernleigh inspection”"));
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_FAILED);
  g_assert_cmpint (same, ==, id);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "reports"), ==, 1);
  assert_found (f, "leavers", id, 1);

  g_clear_error (&error);
  g_assert_true (pb_import_file_full (f->library, file, NULL, PB_IMPORT_ANYWAY, NULL, NULL, NULL,
                                      &status, &same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (same, !=, id);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "reports"), ==, 2);

  /* The app's import job: refused, named, and taken when asked. */
  for (int anyway = 0; anyway < 2; anyway++)
    {
      g_autofree char *suffix = g_strdup_printf (".third-%d.pdf", anyway);
      g_autofree char *third = pb_test_kinds_qpdf (first, suffix, anyway ? "--linearize" : "--qdf", NULL);
      g_autoptr(GFile) third_file = g_file_new_for_path (third);
      g_autoptr(PbImportJob) job = pb_import_job_new (f->library, &third_file, 1);
      g_autoptr(GPtrArray) results = NULL;
      PbImportResult *result;

      if (anyway)
        pb_import_job_set_flags (job, PB_IMPORT_ANYWAY);
      pb_import_job_run_async (job, NULL, job_done_cb, &results);
      while (results == NULL)
        g_main_context_iteration (NULL, TRUE);

      result = g_ptr_array_index (results, 0);
      if (anyway)
        g_assert_cmpint (pb_import_result_get_status (result), ==, PB_IMPORT_STATUS_IMPORTED);
      else
        {
          g_assert_error ((GError *)pb_import_result_get_error (result), PB_IMPORT_ERROR,
                          PB_IMPORT_ERROR_SAME_CONTENT);
          g_assert_cmpint (pb_import_result_get_report_id (result), ==, id);
        }
    }
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "reports"), ==, 3);
}

/* After import with its password, a report is used all session without it;
 * once the session forgets it, the need for it is said plainly. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  PbTestPage page = { report_lines, NULL, NULL, 0, 0 };
  g_autofree char *plain = pb_test_kinds_write_pdf (f->dir, "exempt.pdf", &page, 1, "Exempt report");
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");
  g_autofree char *stored = NULL;
  g_autofree char *out = g_build_filename (f->dir, "annotated.pdf", NULL);
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GArray) written = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const cohorts[] = { "care_leavers", NULL };
  gint64 id;

  if (locked == NULL)
    return;

  id = import (f, locked, "panel");
  report = pb_library_get_report (f->library, id, NULL);
  stored = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
  assert_found (f, "leavers", id, 1);

  anchors = locate (stored, NULL, 1, "Care leavers are well supported");
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, "Care leavers are well supported");
  pb_finding_set_cohorts (finding, cohorts);
  pb_finding_set_kind (finding, PB_FINDING_KIND_STRENGTH);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, &error), >, 0);

  g_assert_true (pb_library_export_annotated (f->library, id, out, TRUE, &error));
  g_assert_no_error (error);
  written = pb_test_kinds_highlights (out, "panel", 1, 0);
  g_assert_cmpuint (written->len, ==, 1);
  {
    g_autoptr(GPtrArray) words = pb_test_kinds_words (locked, "panel");
    g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "Care leavers are well supported");
    pb_test_kinds_assert_covered (written, run);
  }

  /* A new session: asked for, never "Document is encrypted". */
  pb_pdf_forget_passwords ();
  g_assert_null (pb_pdf_locate_quote (stored, NULL, 1, "Care leavers", &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_assert_null (strstr (error->message, "ncrypted"));
  g_clear_error (&error);

  g_assert_false (pb_library_export_annotated (f->library, id, out, TRUE, &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  g_assert_null (pb_pdf_locate_quote (stored, "wrong", 1, "Care leavers", &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* A protected report with a turned page reads as the upright one does. */
  {
    g_autofree char *turned = pb_test_kinds_qpdf (plain, ".turned.pdf", "--rotate=+90", NULL);
    g_autofree char *turned_locked = pb_test_encrypt_pdf (turned, "panel");
    g_autofree char *text = NULL;
    gint64 turned_id = import_full (f, turned_locked, "panel", PB_IMPORT_ANYWAY);

    text = pb_library_dup_page_text (f->library, turned_id, 1, NULL);
    g_assert_cmpstr (text, ==, "Panel briefing: a turned page\n"
                               "Care leavers are well supported by personal advisers.\n"
                               "Children in care do not always see their social worker.");
  }

  /* Given again, kept again. */
  g_clear_pointer (&anchors, g_array_unref);
  anchors = locate (stored, "panel", 1, "Care leavers");
  g_clear_pointer (&anchors, g_array_unref);
  anchors = locate (stored, NULL, 1, "Care leavers");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-kinds/rotate-entry", Fixture, NULL, pb_test_kinds_fixture_setup, test_rotate_entry, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/turned-content", Fixture, NULL, pb_test_kinds_fixture_setup, test_turned_content, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/turned-structure", Fixture, NULL, pb_test_kinds_fixture_setup, test_turned_structure, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/ligatures", Fixture, NULL, pb_test_kinds_fixture_setup, test_ligatures, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/line-end-hyphens", Fixture, NULL, pb_test_kinds_fixture_setup, test_line_end_hyphens, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/typography", Fixture, NULL, pb_test_kinds_fixture_setup, test_typography, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/across-pages", Fixture, NULL, pb_test_kinds_fixture_setup, test_across_pages, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/right-to-left", Fixture, NULL, pb_test_kinds_fixture_setup, test_right_to_left, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/shared-annots", Fixture, NULL, pb_test_kinds_fixture_setup, test_shared_annots, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/damaged-source", Fixture, NULL, pb_test_kinds_fixture_setup, test_damaged_source, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/arriving-highlights", Fixture, NULL, pb_test_kinds_fixture_setup, test_arriving_highlights, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/saved-again", Fixture, NULL, pb_test_kinds_fixture_setup, test_saved_again, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-kinds/password", Fixture, NULL, pb_test_kinds_fixture_setup, test_password, pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
