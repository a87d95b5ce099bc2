/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-pack-contents.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-section.h"
#include "pb-pack-sections.h"
#include "pb-pack-store.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-test-pdf.h"
#include "pb-test-recommendations.h"
#include "pb-test-util.h"

/* A pack's Recommendations section (the tracker as a table) and its
 * comparison section ("Since the last inspection"), stored, copied and
 * put back, and exported as PDF, DOCX and web page: statuses in colour and
 * in words, and nothing exempt in a public pack. */

typedef struct
{
  PbRecFixture  rec;
  gint64        first;          /* the 2019 inspection */
  gint64        second;         /* the 2023 inspection */
  gint64        repeated;       /* 2023's first recommendation, linked to 2019's first */
  gint64        fresh;          /* 2023's second: new, overdue */
  gint64        sufficiency;    /* 2019's second: met, evidenced by an exempt finding */
  gint64        by_hand;        /* exempt, entered by hand */
} Fixture;

static const char * const recs_2019[] = {
  "The quality of pathway plans for care leavers, and how well young people contribute to them.",
  "The sufficiency of local homes for children in care, so that fewer live a long way from Fernvale.",
  NULL
};

static const char * const recs_2023[] = {
  "Ensure that pathway plans for care leavers are of consistently good quality and are written with young people.",
  "The identification and response to children who live in private fostering arrangements.",
  NULL
};

#define PUBLIC_QUOTE "Pathway plans are now reviewed every month by team managers."
#define EXEMPT_QUOTE "Costings for the new children's home, shared with the panel only."
#define EXEMPT_NOTE "Confidential: the costings settle it"
#define EXEMPT_ITEM "Find a placement closer to home for the child named in the exempt report."

#define RI "Requires improvement to be good"

static gint64
import (Fixture            *f,
        const char         *name,
        PbTestEra           era,
        const char         *dates,
        const char * const *recs,
        const char         *in_care,
        const char         *care_leavers)
{
  PbTestInspection inspection = { era, "Fernvale", dates, recs, { RI, in_care, care_leavers, NULL }, NULL };
  g_autofree char *pdf = pb_test_write_inspection (f->rec.dir, name, &inspection);

  return pb_test_import_pdf (f->rec.library, pdf);
}

static void
update (Fixture                *f,
        gint64                  id,
        PbRecommendationStatus  status,
        const char             *note,
        gint64                  evidence)
{
  PbRecommendationUpdate change = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GError) error = NULL;

  change.status = status;
  change.date = "2024-02-01";
  change.note = note;
  change.evidence = &evidence;
  change.n_evidence = evidence > 0 ? 1 : 0;
  g_assert_true (pb_library_update_recommendation (f->rec.library, id, &change, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
  PbRecommendationUpdate change = PB_RECOMMENDATION_UPDATE_INIT;
  g_autoptr(GArray) earlier = NULL;
  g_autoptr(GError) error = NULL;
  gint64 public_finding, exempt_finding;

  pb_rec_fixture_setup (&f->rec, NULL);
  f->first = import (f, "2019.pdf", PB_TEST_ERA_ILACS_COMBINED, "14 to 25 October 2019", recs_2019, RI, RI);
  f->second = import (f, "2023.pdf", PB_TEST_ERA_ILACS, "6 to 17 March 2023", recs_2023, "Good", "Inadequate");

  earlier = pb_library_add_report_recommendations (f->rec.library, f->first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 2);
  f->sufficiency = g_array_index (earlier, gint64, 1);
  f->repeated = pb_library_confirm_recommendation_link (f->rec.library, f->second, 0, g_array_index (earlier, gint64, 0),
                                                        &error);
  g_assert_no_error (error);
  f->fresh = pb_library_add_report_recommendation (f->rec.library, f->second, 1, &error);
  g_assert_no_error (error);

  public_finding = pb_test_rec_add_finding (&f->rec, f->second, 2, PUBLIC_QUOTE, FALSE);
  exempt_finding = pb_test_rec_add_finding (&f->rec, f->second, 1, EXEMPT_QUOTE, TRUE);
  update (f, f->repeated, PB_RECOMMENDATION_STATUS_IN_PROGRESS, "Audit under way", public_finding);
  update (f, f->sufficiency, PB_RECOMMENDATION_STATUS_MET, EXEMPT_NOTE, exempt_finding);

  change.owner = "Head of Safeguarding";
  change.due = "2020-01-31";
  g_assert_true (pb_library_update_recommendation (f->rec.library, f->fresh, &change, NULL, &error));
  g_assert_no_error (error);

  draft.authority = "Fernvale";
  draft.text = EXEMPT_ITEM;
  draft.source_label = "Part B report";
  draft.exempt = TRUE;
  f->by_hand = pb_library_add_recommendation (f->rec.library, &draft, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_rec_fixture_teardown (&f->rec, NULL);
}

/* A pack with a Recommendations section for Fernvale and a comparison. */
static gint64
make_pack (Fixture  *f,
           gboolean  exempt)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  gint64 pack, section;

  pack = pb_library_create_pack (f->rec.library, "Corporate parenting panel", exempt, "2026-03-12", &error);
  g_assert_no_error (error);
  spec.authority = "Fernvale";
  section = pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_RECOMMENDATIONS,
                                                 "Recommendations", NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (section, >, 0);
  section = pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_COMPARISON,
                                                 "Since the last inspection", NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (section, >, 0);
  return pack;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
has (const char *squeezed,
     const char *text)
{
  g_autofree char *needle = squeeze (text);

  return strstr (squeezed, needle) != NULL;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(PbTestPdf) pdf = pb_test_pdf_open (path);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < pdf->texts->len; i++)
    g_string_append (all, g_ptr_array_index (pdf->texts, i));
  return squeeze (all->str);
}

/* What a section shows survives the trip through JSON, and its kind its
 * slug. */
static void
test_spec_round_trip (void)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  PbPackSectionSpec back = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *empty = NULL;
  PbPackSectionKind kind = PB_PACK_SECTION_FINDINGS;

  spec.authority = g_strdup ("Fernvale");
  spec.status = PB_RECOMMENDATION_STATUS_NOT_MET;
  spec.overdue = TRUE;
  spec.after_sha256 = g_strdup ("ab");
  json = pb_pack_section_spec_to_json (&spec);
  g_assert_true (pb_pack_section_spec_from_json (json, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (back.authority, ==, "Fernvale");
  g_assert_cmpint (back.status, ==, PB_RECOMMENDATION_STATUS_NOT_MET);
  g_assert_true (back.overdue);
  g_assert_false (back.open);
  g_assert_null (back.before_sha256);
  g_assert_cmpstr (back.after_sha256, ==, "ab");
  pb_pack_section_spec_clear (&spec);
  pb_pack_section_spec_clear (&back);

  empty = pb_pack_section_spec_to_json (&spec);
  g_assert_cmpstr (empty, ==, "{}");
  g_assert_false (pb_pack_section_spec_from_json ("[1]", &back, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpint (back.status, ==, -1);

  g_assert_true (pb_pack_section_kind_from_slug ("comparison", &kind));
  g_assert_cmpint (kind, ==, PB_PACK_SECTION_COMPARISON);
  g_assert_cmpstr (pb_pack_section_kind_to_slug (PB_PACK_SECTION_RECOMMENDATIONS), ==, "recommendations");
  g_assert_false (pb_pack_section_kind_from_slug ("tracker", &kind));
}

static PbPackSection *
find_section (GPtrArray  *sections,
              const char *title)
{
  for (guint i = 0; i < sections->len; i++)
    if (g_str_equal (((PbPackSection *)g_ptr_array_index (sections, i))->title, title))
      return g_ptr_array_index (sections, i);
  return NULL;
}

/* Stored with its kind and filter, shown in words in the pack's contents,
 * kept by a duplicate and by Undo of a removal; a findings section takes
 * no filter. */
static void
test_sections_stored (Fixture       *f,
                      gconstpointer  data)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(PbPackContents) contents = NULL;
  g_autoptr(PbPackRemoval) removal = NULL;
  g_autoptr(PbPackEntry) entry = NULL;
  PbPackSection *section;
  gint64 pack, copy, overdue;
  guint position;

  pack = pb_library_create_pack (f->rec.library, "Panel", FALSE, NULL, &error);
  spec.authority = "Fernvale";
  spec.overdue = TRUE;
  overdue = pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_RECOMMENDATIONS,
                                                 "Overdue", "care_leavers", &spec, &error);
  g_assert_no_error (error);

  sections = pb_library_get_pack_sections (f->rec.library, pack, &error);
  g_assert_no_error (error);
  section = find_section (sections, "Overdue");
  g_assert_nonnull (section);
  g_assert_cmpint (section->kind, ==, PB_PACK_SECTION_RECOMMENDATIONS);
  g_assert_cmpstr (section->cohort, ==, "care_leavers");
  g_assert_cmpstr (section->spec.authority, ==, "Fernvale");
  g_assert_true (section->spec.overdue);
  g_assert_cmpint (((PbPackSection *)g_ptr_array_index (sections, 0))->kind, ==, PB_PACK_SECTION_FINDINGS);

  contents = pb_pack_contents_new (f->rec.library, pack);
  g_assert_true (pb_pack_contents_reload (contents, &error));
  position = pb_pack_contents_find (contents, PB_PACK_ENTRY_SECTION, overdue);
  entry = g_list_model_get_item (G_LIST_MODEL (contents), position);
  g_assert_cmpint (pb_pack_entry_get_section_kind (entry), ==, PB_PACK_SECTION_RECOMMENDATIONS);
  g_assert_cmpstr (pb_pack_entry_get_detail (entry), ==, "Recommendations: Fernvale; care leavers; overdue only");

  /* A findings section has no filter to set; a comparison needs an authority. */
  g_assert_false (pb_library_set_pack_section_spec (f->rec.library, ((PbPackSection *)g_ptr_array_index (sections, 0))->id,
                                                    NULL, &spec, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);
  spec.authority = NULL;
  g_assert_cmpint (pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_COMPARISON, "Since",
                                                        NULL, &spec, &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pb_library_set_pack_section_spec (f->rec.library, overdue, "no_such_cohort", &spec, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  copy = pb_library_duplicate_pack (f->rec.library, pack, &error);
  g_assert_no_error (error);
  copied = pb_library_get_pack_sections (f->rec.library, copy, &error);
  section = find_section (copied, "Overdue");
  g_assert_nonnull (section);
  g_assert_cmpint (section->kind, ==, PB_PACK_SECTION_RECOMMENDATIONS);
  g_assert_true (section->spec.overdue);
  g_assert_cmpstr (section->cohort, ==, "care_leavers");

  removal = pb_library_remove_from_pack (f->rec.library, pack, &overdue, 1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_restore_to_pack (f->rec.library, removal, &error));
  g_assert_no_error (error);
  restored = pb_library_get_pack_sections (f->rec.library, pack, &error);
  section = find_section (restored, "Overdue");
  g_assert_nonnull (section);
  g_assert_cmpint (section->kind, ==, PB_PACK_SECTION_RECOMMENDATIONS);
  g_assert_true (section->spec.overdue);
  g_assert_cmpstr (section->spec.authority, ==, "Fernvale");
}

/* "Since the last inspection": the latest report against the inspection
 * before it, unless the section names the two. */
static void
test_resolve_comparison (Fixture       *f,
                         gconstpointer  data)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 before = 0, after = 0;

  spec.authority = "fernvale";
  g_assert_true (pb_library_resolve_comparison (f->rec.library, &spec, &before, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (before, ==, f->first);
  g_assert_cmpint (after, ==, f->second);

  reports = pb_library_list_authority_reports (f->rec.library, "Fernvale", &error);
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_cmpstr (((PbAuthorityReport *)g_ptr_array_index (reports, 0))->name, ==, "2019 inspection");
  spec.authority = "Fernvale";
  spec.after_sha256 = ((PbAuthorityReport *)g_ptr_array_index (reports, 0))->sha256;
  g_assert_false (pb_library_resolve_comparison (f->rec.library, &spec, &before, &after, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  spec.after_sha256 = "0000";
  g_assert_false (pb_library_resolve_comparison (f->rec.library, &spec, &before, &after, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
}

/* The PDF: the tracker's rows with their statuses in words and colours'
 * names, the link to the earlier recommendation, the comparison's grades
 * and lists; in a public pack, nothing exempt: no exempt item, no exempt
 * evidence, no note given with it. The exempt pack has them all. */
static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *public_path = g_build_filename (f->rec.dir, "public.pdf", NULL);
  g_autofree char *exempt_path = g_build_filename (f->rec.dir, "exempt.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *exempt_text = NULL;

  g_assert_true (pb_library_export_pack_pdf (f->rec.library, make_pack (f, FALSE), public_path, &error));
  g_assert_no_error (error);
  g_assert_true (pb_library_export_pack_pdf (f->rec.library, make_pack (f, TRUE), exempt_path, &error));
  g_assert_no_error (error);
  pb_test_keep_export (public_path);
  pb_test_keep_export (exempt_path);

  text = pdf_text (public_path);
  g_assert_true (has (text, "Recommendation Owner Due Status Updated Evidence"));
  g_assert_true (has (text, recs_2023[0]));
  g_assert_true (has (text, "Repeated from the 2019 inspection"));
  /* Each status in words with its colour's name (cell by cell in the
   * Word document and the web page). */
  for (guint i = 0; i < 6; i++)
    g_assert_true (has (text, (const char *[]) { "In progress", "Amber", "Met", "Green", "Not started", "Red" }[i]));
  g_assert_true (has (text, "Head of Safeguarding"));
  g_assert_true (has (text, "Overdue"));
  g_assert_true (has (text, PUBLIC_QUOTE));
  g_assert_true (has (text, "Audit under way"));
  /* The latest status's note with its date, not only the badge. */
  g_assert_true (has (text, "Latest note (1 Feb 2024): Audit under way"));
  g_assert_false (has (text, "Exempt: not for publication"));
  g_assert_false (has (text, EXEMPT_QUOTE));
  g_assert_false (has (text, EXEMPT_NOTE));
  g_assert_false (has (text, EXEMPT_ITEM));

  /* Since the last inspection. */
  g_assert_true (has (text, "Judgement 2019 inspection 2023 inspection Change"));
  g_assert_true (has (text, "Care leavers Requires improvement to be good Inadequate Declined"));
  g_assert_true (has (text, "Children in care Requires improvement to be good Good Improved"));
  g_assert_true (has (text, "Recommendations made again"));
  g_assert_true (has (text, "New recommendations"));
  g_assert_true (has (text, recs_2023[1]));
  g_assert_true (has (text, "Recommendations no longer made"));
  g_assert_true (has (text, recs_2019[1]));

  exempt_text = pdf_text (exempt_path);
  g_assert_true (has (exempt_text, EXEMPT_QUOTE));
  g_assert_true (has (exempt_text, EXEMPT_NOTE));
  g_assert_true (has (exempt_text, EXEMPT_ITEM));
  /* The exempt pack marks its exempt item, the row a public version
   * drops, in its cell: the mark follows the item's words (the cover's
   * "Classification Exempt: not for publication" comes before them). */
  {
    g_autofree char *marker = squeeze ("Exempt: not for publication");
    g_autofree char *item = squeeze (EXEMPT_ITEM);
    const char *item_at = strstr (exempt_text, item);
    const char *at;

    g_assert_nonnull (item_at);
    at = strstr (item_at, marker);
    g_assert_nonnull (at);
    g_assert_cmpint (at - item_at, <, 200);
  }
}

/* In the tagged PDF the tracker is a table whose headers are scoped, and
 * the pack is accessible as every pack must be. */
static void
test_export_pdf_tagged (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->rec.dir, "tagged.pdf", NULL);
  g_autoptr(PbTestPdf) pdf = NULL;
  guint column_headers = 0, row_headers = 0;

  g_assert_true (pb_library_export_pack_pdf (f->rec.library, make_pack (f, FALSE), path, &error));
  g_assert_no_error (error);
  pdf = pb_test_pdf_open (path);
  for (guint i = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);

      column_headers += g_str_has_prefix (element, "TH") && strstr (element, "/Column") != NULL;
      row_headers += g_str_has_prefix (element, "TH") && strstr (element, "/Row") != NULL;
    }
  /* Six for the tracker (and again where it goes over a page), four for
   * the comparison; a row header for each of the four public
   * recommendations, and for each of the five judgements compared. */
  g_assert_cmpuint (column_headers, >=, 6 + 4);
  g_assert_cmpuint (row_headers, >=, 4 + 5);
  /* As PDF/UA asks of every pack: the title, the contents, the two
   * sections and the comparison's lists are headings in order. */
  g_assert_cmpuint (pb_test_pdf_check_accessible (pdf), >=, 1 + 1 + 2 + 2);
}

/* The web page: the status cell's class gives its colour, its words say it
 * too; nothing exempt in a public page. */
static void
test_export_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->rec.dir, "pack.html", NULL);
  g_autofree char *html = NULL;

  g_assert_true (pb_library_export_pack_html (f->rec.library, make_pack (f, FALSE), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, &error));
  g_assert_nonnull (strstr (html, "<td class=\"rag-amber\">In progress<span class=\"note\">Amber</span></td>"));
  g_assert_nonnull (strstr (html, "<td class=\"rag-green\">Met<span class=\"note\">Green</span></td>"));
  g_assert_nonnull (strstr (html, "<strong class=\"repeated\">Repeated from the 2019 inspection</strong>"));
  g_assert_nonnull (strstr (html, "<span class=\"overdue\">Overdue</span>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">2023 inspection</th>"));
  g_assert_nonnull (strstr (html, PUBLIC_QUOTE));
  g_assert_nonnull (strstr (html, "Latest note (1 Feb 2024): Audit under way"));
  g_assert_null (strstr (html, "Exempt: not for publication"));
  g_assert_null (strstr (html, "Costings for the new children"));
  g_assert_null (strstr (html, EXEMPT_NOTE));
  g_assert_null (strstr (html, "child named in the exempt report"));

  /* One main landmark, and headings that never skip a level, in these
   * sections as in any. */
  g_assert_nonnull (strstr (html, "<main>"));
  g_assert_null (strstr (strstr (html, "<main>") + 1, "<main>"));
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
    g_assert_cmpint (n, >=, 1 + 2 + 2);
  }
}

static void
run_docx_checker (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *checker = g_getenv ("PB_CHECK_TRACKER_DOCX");
  int status = -1;

  if (checker == NULL)
    {
      g_test_skip ("PB_CHECK_TRACKER_DOCX is not set; run under meson test");
      return;
    }
  g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3");
  g_ptr_array_add (argv, (gpointer)checker);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the tracker as expected:\n%s%s", out, err);
}

/* The Word document, read by python-docx as Word would: one tracker table,
 * its header repeated, rows whole, each status shaded and in words; in a
 * public pack four rows and nothing exempt; a section of the overdue only
 * has the one overdue recommendation. */
static void
test_export_docx (Fixture       *f,
                  gconstpointer  data)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->rec.dir, "pack.docx", NULL);
  g_autofree char *exempt_path = g_build_filename (f->rec.dir, "exempt.docx", NULL);
  g_autofree char *overdue_path = g_build_filename (f->rec.dir, "overdue.docx", NULL);
  gint64 overdue_pack;

  g_assert_true (pb_library_export_pack_docx (f->rec.library, make_pack (f, FALSE), path, &error));
  g_assert_true (pb_library_export_pack_docx (f->rec.library, make_pack (f, TRUE), exempt_path, &error));
  g_assert_no_error (error);

  overdue_pack = pb_library_create_pack (f->rec.library, "Overdue", FALSE, NULL, &error);
  spec.authority = "Fernvale";
  spec.overdue = TRUE;
  g_assert_cmpint (pb_library_add_pack_special_section (f->rec.library, overdue_pack, PB_PACK_SECTION_RECOMMENDATIONS,
                                                        "Overdue", NULL, &spec, &error), >, 0);
  g_assert_true (pb_library_export_pack_docx (f->rec.library, overdue_pack, overdue_path, &error));
  g_assert_no_error (error);

  run_docx_checker ((const char *[]) { path, "--rows", "4",
                                       "--status", "In progress", "Amber", "FCEBC7",
                                       "--status", "Met", "Green", "D3ECD9",
                                       "--status", "Not started", "Red", "F8D7D4",
                                       "--present", "Repeated from the 2019 inspection",
                                       "--present", PUBLIC_QUOTE,
                                       "--present", "Recommendations made again",
                                       "--present", "Latest note (1 Feb 2024): Audit under way",
                                       "--absent", "Exempt: not for publication",
                                       "--absent", EXEMPT_QUOTE,
                                       "--absent", EXEMPT_NOTE,
                                       "--absent", EXEMPT_ITEM, NULL });
  run_docx_checker ((const char *[]) { exempt_path, "--rows", "5",
                                       "--present", "Exempt: not for publication",
                                       "--present", EXEMPT_QUOTE,
                                       "--present", EXEMPT_ITEM, NULL });
  run_docx_checker ((const char *[]) { overdue_path, "--rows", "1",
                                       "--present", recs_2023[1],
                                       "--absent", recs_2023[0], NULL });
}

/* Recommendations of a council's action plan, long and short, with long
 * words, for a table of many rows. */
static char *
long_text (guint i)
{
  static const char * const starts[] = {
    "Strengthen the multi-agency safeguarding arrangements so that",
    "Ensure that",
    "Improve the timeliness and quality of assessments and plans so that",
    "Review the sufficiency strategy, including semi-independent accommodation and commissioning arrangements, so that",
  };

  return g_strdup_printf ("%s recommendation %u is acted on: responsibilities understood, interdisciplinary "
                          "accountability recorded%s.", starts[i % G_N_ELEMENTS (starts)], i + 1,
                          i % 3 == 0 ? ", and the experiences of children and young people who are looked after "
                                       "improve measurably within the agreed timescales" : "");
}

/* Every word of @text whole in @page's text: a word broken over two lines
 * of a cell has the next cells' words between its pieces in poppler's
 * text. (Poppler may glue a cell's last word to the next cell's first,
 * so the words are looked for as they are, not as tokens.) */
static gboolean
words_whole (const char *page,
             const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,.:", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (page, words[i]) == NULL)
      {
        g_test_message ("“%s” is not whole on its page", words[i]);
        return FALSE;
      }
  return TRUE;
}

/* The Word document of a long tracker as LibreOffice lays it out: the
 * table starts under its heading on the first page (a row kept with the
 * next made LibreOffice keep the whole table together, and start it after
 * a page left blank), no page is mostly blank, and the header row is at
 * the top of every page after. */
static void
check_docx_laid_out (Fixture    *f,
                     const char *docx_path)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_build_filename (f->rec.dir, "libreoffice", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *install = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out_dir = g_build_filename (f->rec.dir, "laid-out", NULL);
  g_autofree char *pdf_path = g_build_filename (out_dir, "long.pdf", NULL);
  static const char * const headings[] = { "Recommendation", "Owner", "Due", "Status", "Updated", "Evidence" };
  g_autoptr(PbTestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (soffice == NULL)
    {
      g_test_message ("soffice is not installed: the Word document is not laid out");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { soffice, install, "--headless", "--norestore", "--convert-to", "pdf",
                                                  "--outdir", out_dir, (char *)docx_path, NULL },
                               NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  pb_test_keep_export (pdf_path);
  pdf = pb_test_pdf_open (pdf_path);
  g_assert_cmpuint (pdf->n_pages, >=, 3);
  /* The first row under the heading, on the first page. */
  g_assert_nonnull (strstr (g_ptr_array_index (pdf->texts, 0), "Recommendations"));
  g_assert_true (pb_test_contains_words (g_ptr_array_index (pdf->texts, 0), "recommendation 1 is acted on"));
  /* LibreOffice's text runs column by column: each heading is looked
   * for on its own. */
  for (guint p = 0; p < pdf->n_pages; p++)
    for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
      g_assert_true (pb_test_contains_words (g_ptr_array_index (pdf->texts, p), headings[c]));
  pb_test_pdf_check_not_blank (pdf, 0.5);
}

/* A tracker of 64 items over many pages: the header row again at the top
 * of every page the table goes on to, no row split over two pages, every
 * word of every cell whole (wrapped at spaces), and the recommendation's
 * column the widest, so that rows are few lines tall. */
static void
test_export_long_table (Fixture       *f,
                        gconstpointer  data)
{
  const guint n = 64;
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->rec.dir, "long.pdf", NULL);
  g_autofree char *docx_path = g_build_filename (f->rec.dir, "long.docx", NULL);
  g_autoptr(PbTestPdf) pdf = NULL;
  g_autofree char *rows_text = NULL;
  guint first_page = G_MAXUINT, last_page = 0, found = 0;
  gint64 pack;

  for (guint i = 0; i < n; i++)
    {
      PbRecommendationDraft draft = PB_RECOMMENDATION_DRAFT_INIT;
      g_autofree char *text = long_text (i);

      draft.authority = "Harrowdale";
      draft.text = text;
      draft.source_label = "Improvement plan 2024";
      draft.source_date = "2024-01-10";
      draft.owner = i % 2 ? "Head of Safeguarding and Quality Assurance" : "Virtual school";
      draft.due = i % 4 ? "2025-11-30" : NULL;
      g_assert_cmpint (pb_library_add_recommendation (f->rec.library, &draft, &error), >, 0);
      g_assert_no_error (error);
    }
  pack = pb_library_create_pack (f->rec.library, "Action plan", FALSE, "2026-03-12", &error);
  g_assert_no_error (error);
  spec.authority = "Harrowdale";
  g_assert_cmpint (pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_RECOMMENDATIONS,
                                                        "Recommendations", NULL, &spec, &error), >, 0);
  g_assert_true (pb_library_export_pack_pdf (f->rec.library, pack, path, &error));
  g_assert_no_error (error);
  pb_test_keep_export (path);

  pdf = pb_test_pdf_open (path);
  pb_test_pdf_check_rows_whole (pdf);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = long_text (i);
      g_autofree char *needle = squeeze (text);
      gboolean on_a_page = FALSE;

      for (guint p = 0; p < pdf->n_pages && !on_a_page; p++)
        {
          g_autofree char *page = squeeze (g_ptr_array_index (pdf->texts, p));

          if (strstr (page, needle) != NULL)
            {
              on_a_page = TRUE;
              first_page = MIN (first_page, p);
              last_page = MAX (last_page, p);
              g_assert_true (words_whole (g_ptr_array_index (pdf->texts, p), text));
            }
        }
      /* Whole on one page: a row is never split. */
      g_assert_true (on_a_page);
      found++;
    }
  g_assert_cmpuint (found, ==, n);
  g_assert_cmpuint (last_page, >, first_page);
  for (guint p = first_page; p <= last_page; p++)
    {
      g_autofree char *page = squeeze (g_ptr_array_index (pdf->texts, p));
      g_autofree char *header = squeeze ("Recommendation Owner Due Status Updated Evidence");

      g_assert_nonnull (strstr (page, header));
      g_assert_true (words_whole (g_ptr_array_index (pdf->texts, p),
                                  "Head of Safeguarding and Quality Assurance Not started"));
    }
  /* The recommendation's column the widest by far (it was a third of
   * the table, the rest mostly white), the others as wide as they need:
   * read from where the headings start on the page. */
  {
    static const char * const headings[] = { "Recommendation", "Owner", "Due", "Status", "Updated", "Evidence" };
    PopplerPage *page = poppler_document_get_page (pdf->document, (int)first_page);
    double left[G_N_ELEMENTS (headings) + 1];
    double page_width;

    poppler_page_get_size (page, &page_width, NULL);
    for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
      {
        GList *where = poppler_page_find_text (page, headings[c]);

        g_assert_nonnull (where);
        left[c] = ((PopplerRectangle *)where->data)->x1;
        g_list_free_full (where, (GDestroyNotify)poppler_rectangle_free);
      }
    left[G_N_ELEMENTS (headings)] = page_width - 66;   /* the right margin */
    g_test_message ("%u items over %u pages; columns from %.0f, %.0f, %.0f, %.0f, %.0f, %.0f pt", n,
                    last_page - first_page + 1, left[0], left[1], left[2], left[3], left[4], left[5]);
    g_assert_cmpfloat (left[1] - left[0], >=, 0.4 * (left[6] - left[0]));
    for (guint c = 1; c < G_N_ELEMENTS (headings); c++)
      g_assert_cmpfloat (left[c + 1] - left[c], <, 0.5 * (left[1] - left[0]));
    g_object_unref (page);
  }

  /* The Word document: the same rows, header repeated, rows not split. */
  g_assert_true (pb_library_export_pack_docx (f->rec.library, pack, docx_path, &error));
  g_assert_no_error (error);
  pb_test_keep_export (docx_path);
  rows_text = g_strdup_printf ("%u", n);
  run_docx_checker ((const char *[]) { docx_path, "--rows", rows_text, "--widest-first", NULL });
  check_docx_laid_out (f, docx_path);
}

/* A comparison with a report not for publication is left out of a public
 * pack, saying so; an exempt pack shows it. */
static void
test_comparison_exempt_report (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *public_path = g_build_filename (f->rec.dir, "public.html", NULL);
  g_autofree char *exempt_path = g_build_filename (f->rec.dir, "exempt.html", NULL);
  g_autofree char *public_html = NULL;
  g_autofree char *exempt_html = NULL;

  stmt = pb_db_prepare (_pb_library_get_db (f->rec.library), "UPDATE reports SET classification = 'exempt' WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, f->first);
  g_assert_true (pb_db_step_done (stmt, NULL));

  g_assert_true (pb_library_export_pack_html (f->rec.library, make_pack (f, FALSE), public_path, &error));
  g_assert_true (pb_library_export_pack_html (f->rec.library, make_pack (f, TRUE), exempt_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (public_path, &public_html, NULL, NULL));
  g_assert_true (g_file_get_contents (exempt_path, &exempt_html, NULL, NULL));

  g_assert_nonnull (strstr (public_html, "This comparison is left out"));
  g_assert_null (strstr (public_html, "Recommendations no longer made"));
  g_assert_null (strstr (public_html, "fewer live a long way from Fernvale"));
  g_assert_null (strstr (exempt_html, "This comparison is left out"));
  g_assert_nonnull (strstr (exempt_html, "Recommendations no longer made"));
}

/* Nothing to compare: the section says so, and the export goes on. */
static void
test_comparison_nothing (Fixture       *f,
                         gconstpointer  data)
{
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->rec.dir, "nothing.html", NULL);
  g_autofree char *html = NULL;
  gint64 pack = pb_library_create_pack (f->rec.library, "Panel", FALSE, NULL, &error);

  spec.authority = "Westbrook";
  g_assert_cmpint (pb_library_add_pack_special_section (f->rec.library, pack, PB_PACK_SECTION_COMPARISON,
                                                        "Since the last inspection", NULL, &spec, &error), >, 0);
  g_assert_true (pb_library_export_pack_html (f->rec.library, pack, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "The library holds no earlier inspection of Westbrook to compare with"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-tracker/spec-round-trip", test_spec_round_trip);
  g_test_add ("/pack-tracker/stored", Fixture, NULL, fixture_setup, test_sections_stored, fixture_teardown);
  g_test_add ("/pack-tracker/resolve-comparison", Fixture, NULL, fixture_setup, test_resolve_comparison, fixture_teardown);
  g_test_add ("/pack-tracker/pdf", Fixture, NULL, fixture_setup, test_export_pdf, fixture_teardown);
  g_test_add ("/pack-tracker/pdf-tagged", Fixture, NULL, fixture_setup, test_export_pdf_tagged, fixture_teardown);
  g_test_add ("/pack-tracker/html", Fixture, NULL, fixture_setup, test_export_html, fixture_teardown);
  g_test_add ("/pack-tracker/docx", Fixture, NULL, fixture_setup, test_export_docx, fixture_teardown);
  g_test_add ("/pack-tracker/long-table", Fixture, NULL, fixture_setup, test_export_long_table, fixture_teardown);
  g_test_add ("/pack-tracker/comparison-exempt-report", Fixture, NULL, fixture_setup, test_comparison_exempt_report,
              fixture_teardown);
  g_test_add ("/pack-tracker/comparison-nothing", Fixture, NULL, fixture_setup, test_comparison_nothing,
              fixture_teardown);

  return g_test_run ();
}
