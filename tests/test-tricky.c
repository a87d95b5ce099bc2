/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-annotated-export.h"
#include "pb-document.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

/* The files of ../shared/corpus/tricky/, each one kind of input real readers
 * trip over; its README says what a correct reader does with each. Each test
 * is skipped, saying so, where the corpus is not here. */

typedef PbKindsFixture Fixture;

static char *
tricky (const char *name)
{
  g_autofree char *relative = g_build_filename ("tricky", name, NULL);
  char *path = pb_test_corpus_path (relative);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("../shared/corpus/tricky/%s is not here; set PB_CORPUS_DIR", name);
      g_test_skip (message);
    }
  return path;
}

static gint64
import (Fixture    *f,
        const char *path,
        const char *password)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, password, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
assert_found (Fixture    *f,
              const char *query,
              gint64      report_id,
              guint       page)
{
  g_autoptr(GPtrArray) hits = pb_library_search (f->library, query, 50, NULL);
  gboolean found = FALSE;

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);

      found = found || (pb_search_hit_get_report_id (hit) == report_id && pb_search_hit_get_page (hit) == page);
    }

  if (!found)
    g_error ("search for %s does not find report %" G_GINT64_FORMAT ", page %u", query, report_id, page);
}

static void
test_rotated_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = tricky ("rotated-page.pdf");
  g_autofree char *upright = NULL;
  g_autoptr(PbStructure) turned = NULL;
  g_autoptr(PbStructure) straight = NULL;
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, NULL);
  assert_found (f, "leavers", id, 1);
  assert_found (f, "\"well supported by personal advisers\"", id, 1);
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "Care leavers are well supported", "Care leavers are well supported");

  /* Read as the same page set upright is. qpdf writes beside its source:
   * from a copy in this test's own folder, never into the shared corpus,
   * where a file appearing and being rewritten breaks every other suite
   * that reads the corpus at the same time (test-import-parallel imported
   * it half-written). */
  {
    g_autofree char *copy = g_build_filename (f->dir, "rotated-page.pdf", NULL);
    g_autoptr(GFile) from = g_file_new_for_path (pdf);
    g_autoptr(GFile) to = g_file_new_for_path (copy);
    g_autofree char *corpus = g_path_get_dirname (pdf);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
    upright = pb_test_kinds_qpdf (copy, ".upright.pdf", "--rotate=-90", NULL);
    g_assert_false (g_str_has_prefix (upright, corpus));
  }
  turned = pb_structure_read_pdf (pdf, NULL, NULL);
  straight = pb_structure_read_pdf (upright, NULL, NULL);
  g_assert_cmpint (turned->type, ==, straight->type);
  g_assert_cmpuint (turned->paragraphs->len, ==, straight->paragraphs->len);
  {
    g_autofree char *a = pb_library_dup_page_text (f->library, id, 1, NULL);

    g_assert_cmpstr (a, ==, "Panel briefing: rotated page test\n"
                            "Care leavers are well supported by personal advisers.\n"
                            "Children in care do not always see their social worker.");
  }
}

static void
assert_same_structure (PbStructure *a,
                       PbStructure *b)
{
  g_assert_cmpint (a->type, ==, b->type);
  g_assert_cmpstr (a->local_authority, ==, b->local_authority);
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    g_assert_cmpint (a->judgements[j], ==, b->judgements[j]);
  g_assert_cmpuint (a->sections->len, ==, b->sections->len);
  g_assert_cmpuint (a->paragraphs->len, ==, b->paragraphs->len);
  for (guint i = 0; i < a->paragraphs->len; i++)
    {
      g_assert_cmpuint (g_array_index (a->paragraphs, PbParagraph, i).number, ==,
                        g_array_index (b->paragraphs, PbParagraph, i).number);
      g_assert_cmpuint (g_array_index (a->paragraphs, PbParagraph, i).page, ==,
                        g_array_index (b->paragraphs, PbParagraph, i).page);
    }
  g_assert_cmpuint (a->recommendations->len, ==, b->recommendations->len);
}

/* A published inspection report, turned with /Rotate one page or every
 * page, reads as the upright report does: judgements, sections, every
 * numbered paragraph. */
static void
test_rotated_report (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *report = pb_test_corpus_path ("seeds/ilacs-2023-inspection.pdf");
  g_autofree char *copy = NULL;
  g_autoptr(PbStructure) upright = NULL;
  static const char * const turns[] = { "--rotate=+90:3", "--rotate=+90", "--rotate=+270", "--rotate=+180" };

  if (report == NULL)
    {
      g_test_skip ("../shared/corpus/seeds/ilacs-2023-inspection.pdf is not here; set PB_CORPUS_DIR");
      return;
    }

  /* qpdf writes beside its source, and the corpus is read-only. */
  copy = g_build_filename (f->dir, "report.pdf", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (report);
    g_autoptr(GFile) to = g_file_new_for_path (copy);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  }
  upright = pb_structure_read_pdf (copy, NULL, NULL);
  g_assert_cmpuint (upright->paragraphs->len, >, 40);

  for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
    {
      g_autofree char *suffix = g_strdup_printf (".%u.pdf", i);
      g_autofree char *turned = pb_test_kinds_qpdf (copy, suffix, turns[i], NULL);
      g_autoptr(PbStructure) structure = pb_structure_read_pdf (turned, NULL, NULL);

      g_test_message ("%s", turns[i]);
      assert_same_structure (upright, structure);
    }

  /* Protected and turned, imported with its password: the same text. */
  {
    g_autofree char *turned = pb_test_kinds_qpdf (copy, ".locked-turn.pdf", "--rotate=+90", NULL);
    g_autofree char *locked = pb_test_encrypt_pdf (turned, "panel");
    g_autoptr(GObject) document = NULL;
    gint64 id;

    if (locked == NULL)
      return;

    id = import (f, locked, "panel");
    document = G_OBJECT (pb_pdf_open (copy, NULL, NULL));
    for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); i++)
      {
        g_autofree char *expected = pb_pdf_document_get_reading_text (POPPLER_DOCUMENT (document), (guint)i);
        g_autofree char *stored = pb_library_dup_page_text (f->library, id, (guint)i + 1, NULL);

        g_assert_cmpstr (stored, ==, expected);
      }
  }
}

static void
test_ligatures (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = tricky ("ligatures.pdf");
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, NULL);
  assert_found (f, "modified", id, 1);
  assert_found (f, "sufficiency", id, 1);
  assert_found (f, "staff", id, 1);
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "has modified the sufficiency strategy", "has modified the sufficiency strategy");
}

static void
test_line_end_hyphens (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = tricky ("line-end-hyphens.pdf");
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, NULL);
  assert_found (f, "placement", id, 1);
  assert_found (f, "improved", id, 1);
  assert_found (f, "strategy", id, 1);
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "found that placement stability", "found that placement stability");
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "sufficiency strategy is not yet effective",
                       "sufficiency strategy is not yet effective");
}

static void
test_typography (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = tricky ("typography.pdf");

  if (pdf == NULL)
    return;

  import (f, pdf, NULL);
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "The council's corporate parenting board",
                       "The council's corporate parenting board");
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "said \"we want to be listened to\"", "said \"we want to be listened to\"");
  pb_test_kinds_assert_quote_covers (pdf, NULL, 1, "aged 18-21 are improving", "aged 18-21 are improving.");
}

static void
test_quote_across_pages (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *pdf = tricky ("quote-across-pages.pdf");
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, NULL);
  assert_found (f, "\"not consistently updated\"", id, 1);

  anchors = pb_pdf_locate_quote (pdf, NULL, 1, "Pathway plans for care leavers are not consistently updated "
                                 "when their circumstances change", &error);
  g_assert_no_error (error);
  words = pb_test_kinds_words (pdf, NULL);
  first = pb_test_kinds_words_of (words, 1, "Pathway plans for care leavers are not consistently");
  second = pb_test_kinds_words_of (words, 2, "updated when their circumstances change,");
  pb_test_kinds_assert_covered (anchors, first);
  pb_test_kinds_assert_covered (anchors, second);
}

static void
test_arrives_with_highlights (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = tricky ("arrives-with-highlights.pdf");
  g_autoptr(GPtrArray) suggestions = NULL;
  static const char * const lines[] = {
    "Care leavers are well supported by personal advisers.",
    "Pathway plans are not consistently updated.",
    "Children in care do not always see their social worker.",
  };
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, NULL);
  suggestions = pb_library_list_suggestions (f->library, id, NULL);
  g_assert_cmpuint (suggestions->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbFinding *draft = pb_suggestion_get_draft (g_ptr_array_index (suggestions, i));
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
        known = known || g_str_equal (pb_finding_get_quote (draft), lines[k]);
      if (!known)
        g_error ("offered “%s”, which is not exactly a highlighted line", pb_finding_get_quote (draft));
    }
}

static void
test_password_panel (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = tricky ("password-panel.pdf");
  g_autofree char *stored = NULL;
  g_autofree char *out = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const cohorts[] = { "care_leavers", NULL };
  gint64 id;

  if (pdf == NULL)
    return;

  id = import (f, pdf, "panel");
  report = pb_library_get_report (f->library, id, NULL);
  stored = pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
  assert_found (f, "leavers", id, 1);

  /* The same session: no need to ask again. */
  anchors = pb_pdf_locate_quote (stored, NULL, 1, "Care leavers are well supported", &error);
  g_assert_no_error (error);
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  pb_finding_set_quote (finding, "Care leavers are well supported");
  pb_finding_set_cohorts (finding, cohorts);
  pb_finding_set_kind (finding, PB_FINDING_KIND_STRENGTH);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, &error), >, 0);

  out = g_build_filename (f->dir, "annotated.pdf", NULL);
  g_assert_true (pb_library_export_annotated (f->library, id, out, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) written = pb_test_kinds_highlights (out, "panel", 1, 0);
    g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, "panel");
    g_autoptr(GPtrArray) run = pb_test_kinds_words_of (words, 1, "Care leavers are well supported");

    g_assert_cmpuint (written->len, ==, 1);
    pb_test_kinds_assert_covered (written, run);
  }

  /* Another session asks, plainly. */
  pb_pdf_forget_passwords ();
  g_clear_pointer (&anchors, g_array_unref);
  anchors = pb_pdf_locate_quote (stored, NULL, 1, "Care leavers", &error);
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tricky/rotated-page", Fixture, NULL, pb_test_kinds_fixture_setup, test_rotated_page, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/rotated-report", Fixture, NULL, pb_test_kinds_fixture_setup, test_rotated_report, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/ligatures", Fixture, NULL, pb_test_kinds_fixture_setup, test_ligatures, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/line-end-hyphens", Fixture, NULL, pb_test_kinds_fixture_setup, test_line_end_hyphens, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/typography", Fixture, NULL, pb_test_kinds_fixture_setup, test_typography, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/quote-across-pages", Fixture, NULL, pb_test_kinds_fixture_setup, test_quote_across_pages, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/arrives-with-highlights", Fixture, NULL, pb_test_kinds_fixture_setup, test_arrives_with_highlights, pb_test_kinds_fixture_teardown);
  g_test_add ("/tricky/password-panel", Fixture, NULL, pb_test_kinds_fixture_setup, test_password_panel, pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
