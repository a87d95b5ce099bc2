/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <zip.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-citation.h"
#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-library-archive.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-questions.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"
#include "pb-test-bundle.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Pack bundles: written from an officer's library (the demo's), opened in
 * a member's library made fresh for each test, on the same machine as two
 * separate libraries would be on two. */

#define PASSPHRASE "harrowdale panel spring"

typedef PbBundleFixture Fixture;

static guint
n_reports (PbLibrary *library)
{
  g_autoptr(GPtrArray) reports = pb_library_list_reports (library, NULL);

  g_assert_nonnull (reports);
  return reports->len;
}

/* The pack as an export may print it, as (kind, text) pairs in order, and
 * its findings with their citations, from the officer's library. */
static void
expected_pack (PbLibrary  *library,
               gint64      pack_id,
               GPtrArray  *sequence,
               GPtrArray  *findings,
               GPtrArray  *citations)
{
  g_autoptr(PbPack) pack = pb_library_get_pack (library, pack_id, NULL);
  g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (library, pack_id, NULL);

  g_assert_nonnull (sections);
  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          g_autoptr(PbFinding) finding = NULL;
          PbStructure *structure;

          if (item->kind != PB_PACK_ITEM_FINDING)
            {
              g_ptr_array_add (items, g_strdup_printf ("%c %s", item->kind == PB_PACK_ITEM_NOTE ? 'N' : 'H',
                                                       item->text));
              continue;
            }
          finding = pb_library_get_finding (library, item->finding_id, NULL);
          if (pb_finding_get_exempt (finding) && !pb_pack_get_exempt (pack))
            continue;
          g_ptr_array_add (items, g_strdup_printf ("F %s", pb_finding_get_quote (finding)));
          structure = pb_library_get_structure (library, pb_finding_get_report_id (finding), NULL);
          g_ptr_array_add (citations, pb_citation_format (finding, structure));
          g_clear_pointer (&structure, pb_structure_free);
          g_ptr_array_add (findings, g_steal_pointer (&finding));
        }
      if (items->len == 0)
        continue;
      g_ptr_array_add (sequence, g_strdup_printf ("S %s", section->title));
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (sequence, g_strdup (g_ptr_array_index (items, i)));
    }
}

static void
assert_same_finding (PbLibrary  *member,
                     PbFinding  *expected,
                     PbFinding  *actual)
{
  GArray *a = pb_finding_get_anchors (expected);
  GArray *b = pb_finding_get_anchors (actual);
  g_autoptr(PbReport) report = NULL;

  g_assert_cmpstr (pb_finding_get_quote (actual), ==, pb_finding_get_quote (expected));
  g_assert_cmpstr (pb_finding_get_note (actual), ==, pb_finding_get_note (expected));
  g_assert_cmpuint (pb_finding_get_page (actual), ==, pb_finding_get_page (expected));
  g_assert_cmpuint (pb_finding_get_paragraph (actual), ==, pb_finding_get_paragraph (expected));
  g_assert_cmpint (pb_finding_get_kind (actual), ==, pb_finding_get_kind (expected));
  g_assert_cmpint (pb_finding_get_status (actual), ==, pb_finding_get_status (expected));
  g_assert_cmpint (pb_finding_get_exempt (actual), ==, pb_finding_get_exempt (expected));
  g_assert_true (g_strv_equal (pb_finding_get_cohorts (actual), pb_finding_get_cohorts (expected)));
  g_assert_cmpstr (pb_finding_get_report_sha256 (actual), ==, pb_finding_get_report_sha256 (expected));
  g_assert_cmpstr (pb_finding_get_report_title (actual), ==, pb_finding_get_report_title (expected));

  /* The highlight where the officer drew it, to the last bit. */
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, >, 0);
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      PbAnchor *x = &g_array_index (a, PbAnchor, i), *y = &g_array_index (b, PbAnchor, i);

      g_assert_cmpuint (y->page, ==, x->page);
      g_assert_cmpfloat (y->rect.x1, ==, x->rect.x1);
      g_assert_cmpfloat (y->rect.y1, ==, x->rect.y1);
      g_assert_cmpfloat (y->rect.x2, ==, x->rect.x2);
      g_assert_cmpfloat (y->rect.y2, ==, x->rect.y2);
    }

  /* Its report, in the member's library, the very file. */
  g_assert_cmpint (pb_finding_get_report_id (actual), >, 0);
  report = pb_library_get_report (member, pb_finding_get_report_id (actual), NULL);
  g_assert_nonnull (report);
  g_assert_cmpstr (pb_report_get_sha256 (report), ==, pb_finding_get_report_sha256 (expected));
  {
    g_autofree char *file = pb_library_locate_report_file (member, pb_report_get_sha256 (report), NULL);
    g_autofree char *data = NULL;
    g_autofree char *sha = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (file, &data, &length, NULL));
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)data, length);
    g_assert_cmpstr (sha, ==, pb_report_get_sha256 (report));
  }
}

/* Export, then open in a fresh library: every finding, quote, citation and
 * highlight position, the sections and the officer's notes in order. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "pack.panelpack");
  g_autoptr(GPtrArray) sequence = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) own_packs = NULL;
  g_autoptr(PbBundlePack) pack = NULL;
  PbBundleOpenResult result = { 0 };
  gboolean encrypted = TRUE;
  guint n_finding = 0, n_reports_cited;
  gint64 pack_id;

  g_assert_cmpint ((pack_id = pb_demo_add_pack (f->officer.library, &error)), >, 0);
  expected_pack (f->officer.library, pack_id, sequence, findings, citations);
  g_assert_cmpuint (findings->len, >=, 4);

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (pb_test_count_leftovers (f->officer.dir), ==, 0);
  g_assert_true (pb_bundle_peek (path, &encrypted, &error));
  g_assert_false (encrypted);

  g_assert_true (pb_library_open_bundle (f->member, path, NULL, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, PB_BUNDLE_OPENED_NEW);
  g_assert_cmpuint (result.n_findings, ==, findings->len);
  g_assert_cmpuint (result.reports_added, ==, result.n_reports);
  g_assert_false (result.exempt);

  pack = pb_library_get_bundle_pack (f->member, result.bundle_id, &error);
  g_assert_nonnull (pack);
  g_assert_cmpstr (pb_bundle_pack_get_title (pack), ==, result.title);
  g_assert_cmpstr (pb_bundle_pack_get_meeting_date (pack), ==, "2026-03-12");
  g_assert_cmpuint (pb_bundle_pack_get_cohorts (pack)->len, >, 0);
  g_assert_true (g_uuid_string_is_valid (pb_bundle_pack_get_uuid (pack)));

  entries = pb_library_list_bundle_entries (f->member, result.bundle_id, &error);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, sequence->len);
  for (guint i = 0; i < entries->len; i++)
    {
      PbBundleEntry *entry = g_ptr_array_index (entries, i);
      static const char kinds[] = { 'S', 'F', 'N', 'H' };
      g_autofree char *seen = g_strdup_printf ("%c %s", kinds[pb_bundle_entry_get_kind (entry)],
                                               pb_bundle_entry_get_text (entry));

      g_assert_cmpstr (seen, ==, g_ptr_array_index (sequence, i));
      if (pb_bundle_entry_get_kind (entry) != PB_BUNDLE_ENTRY_FINDING)
        continue;
      assert_same_finding (f->member, g_ptr_array_index (findings, n_finding),
                           pb_bundle_entry_get_finding (entry));
      g_assert_cmpstr (pb_bundle_entry_get_citation (entry), ==, g_ptr_array_index (citations, n_finding));
      g_assert_true (g_str_has_prefix (pb_bundle_entry_get_about (entry), pb_bundle_entry_get_citation (entry)));
      n_finding++;
    }
  g_assert_cmpuint (n_finding, ==, findings->len);

  /* The reports came with the pack: listed apart from the member's own, by
   * the pack they came with; the library holds nothing else. */
  {
    g_autoptr(GPtrArray) cited = pb_library_list_bundle_reports (f->member, result.bundle_id, &error);

    g_assert_nonnull (cited);
    n_reports_cited = cited->len;
    g_assert_cmpuint (n_reports_cited, ==, result.n_reports);
    g_assert_cmpuint (n_reports (f->member), ==, n_reports_cited);
    for (guint i = 0; i < cited->len; i++)
      {
        g_autofree char *origin = pb_library_dup_report_origin (f->member,
                                                                pb_report_get_sha256 (g_ptr_array_index (cited, i)));

        g_assert_cmpstr (origin, ==, result.title);
      }
  }
  own_packs = pb_library_list_packs (f->member, &error);
  g_assert_cmpuint (own_packs->len, ==, 0);

  /* Highlights for a reader of one report: that report's findings only. */
  {
    const char *sha = pb_finding_get_report_sha256 (g_ptr_array_index (findings, 0));
    g_autoptr(GPtrArray) on_report = pb_library_list_bundle_findings (f->member, result.bundle_id, sha, &error);
    guint expected = 0;

    for (guint i = 0; i < findings->len; i++)
      expected += g_str_equal (pb_finding_get_report_sha256 (g_ptr_array_index (findings, i)), sha);
    g_assert_cmpuint (on_report->len, ==, expected);
  }

  /* A report the member already has is shared, not stored twice. */
  {
    g_autofree char *again = pb_bundle_fixture_out_path (f, "again.panelpack");
    PbBundleOpenResult second = { 0 };
    gint64 other = pb_library_duplicate_pack (f->officer.library, pack_id, &error);

    g_assert_cmpint (other, >, 0);
    g_assert_true (pb_library_export_bundle (f->officer.library, other, again, NULL, NULL, NULL, NULL, &error));
    g_assert_true (pb_library_open_bundle (f->member, again, NULL, &second, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (second.status, ==, PB_BUNDLE_OPENED_NEW);
    g_assert_cmpint (second.bundle_id, !=, result.bundle_id);
    g_assert_cmpuint (second.reports_added, ==, 0);
    g_assert_cmpuint (n_reports (f->member), ==, n_reports_cited);
    g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 2);
    pb_bundle_open_result_clear (&second);
  }

  pb_bundle_open_result_clear (&result);
}

/* A finding made exempt after it went into a public pack stays out of the
 * pack's bundle, as it stays out of every export of the pack. */
static void
test_public_leaves_out_exempt (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "public.panelpack");
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (&f->officer);
  g_autoptr(PbFinding) secret = pb_library_get_finding (f->officer.library, g_array_index (ids, gint64, 0), NULL);
  g_autoptr(GPtrArray) entries = NULL;
  PbBundleOpenResult result = { 0 };
  gint64 pack_id = pb_library_create_pack (f->officer.library, "Public pack", FALSE, NULL, &error);

  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, (gint64 *)(gpointer)ids->data, ids->len, &error));
  pb_finding_set_exempt (secret, TRUE);
  pb_finding_set_quote (secret, "Placement stability figures for the quarter are withheld");
  g_assert_true (pb_library_update_finding (f->officer.library, secret, &error));
  g_assert_no_error (error);

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, "ignored for a public pack",
                                           NULL, NULL, NULL, &error));
  g_assert_false (pb_test_file_contains (path, pb_finding_get_quote (secret)));
  g_assert_true (pb_test_file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, 1))) ||
                 pb_test_file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, 2))));

  g_assert_true (pb_library_open_bundle (f->member, path, NULL, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_findings, ==, ids->len - 1);
  entries = pb_library_list_bundle_entries (f->member, result.bundle_id, &error);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (pb_bundle_entry_get_text (g_ptr_array_index (entries, i)), !=, pb_finding_get_quote (secret));
  pb_bundle_open_result_clear (&result);
}

/* Every entry but the clear marker is AES-256, and the bytes hold none of
 * the pack's words; without its passphrase, or with a wrong one, it opens
 * nothing. */
static void
test_exempt_encrypted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "exempt.panelpack");
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (&f->officer);
  g_autoptr(PbFinding) exempt = pb_library_get_finding (f->officer.library, f->officer.exempt_id, NULL);
  PbBundleOpenResult result = { 0 };
  gboolean encrypted = FALSE;
  zip_t *zip;
  int code;
  gint64 pack_id = pb_library_create_pack (f->officer.library, "Part B: placement sufficiency", TRUE, NULL, &error);

  g_assert_true (pb_bundle_can_encrypt ());
  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, &f->officer.exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, (gint64 *)(gpointer)ids->data, ids->len, &error));

  /* A passphrase first, and a long enough one. */
  g_assert_false (pb_library_export_bundle (f->officer.library, pack_id, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED);
  g_clear_error (&error);
  g_assert_false (pb_library_export_bundle (f->officer.library, pack_id, path, "short", NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pb_test_file_mode (path), ==, 0600);

  /* Nothing in clear: no quote, note, title, nor the passphrase. */
  g_assert_false (pb_test_file_contains (path, pb_finding_get_quote (exempt)));
  g_assert_false (pb_test_file_contains (path, pb_finding_get_note (exempt)));
  for (guint i = 0; i < f->officer.findings->len; i++)
    g_assert_false (pb_test_file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, i))));
  g_assert_false (pb_test_file_contains (path, "Part B: placement sufficiency"));
  g_assert_false (pb_test_file_contains (path, "Harrowdale"));
  g_assert_false (pb_test_file_contains (path, PASSPHRASE));
  g_assert_false (pb_test_file_contains (path, "%PDF"));

  zip = zip_open (path, ZIP_RDONLY, &code);
  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t)i, 0, &st), ==, 0);
      if (g_str_equal (st.name, "bundle.json"))
        g_assert_cmpuint (st.encryption_method, ==, ZIP_EM_NONE);
      else
        g_assert_cmpuint (st.encryption_method, ==, ZIP_EM_AES_256);
    }
  zip_discard (zip);

  g_assert_true (pb_bundle_peek (path, &encrypted, &error));
  g_assert_true (encrypted);

  g_assert_false (pb_library_open_bundle (f->member, path, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED);
  g_clear_error (&error);
  g_assert_false (pb_library_open_bundle (f->member, path, "harrowdale panel summer", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "passphrase"));
  g_clear_error (&error);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 0);
  g_assert_cmpuint (n_reports (f->member), ==, 0);

  g_assert_true (pb_library_open_bundle (f->member, path, PASSPHRASE, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (result.exempt);
  g_assert_cmpuint (result.n_findings, ==, ids->len + 1);
  {
    g_autoptr(GPtrArray) all = pb_library_list_bundle_findings (f->member, result.bundle_id, NULL, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < all->len; i++)
      if (g_str_equal (pb_finding_get_quote (g_ptr_array_index (all, i)), pb_finding_get_quote (exempt)))
        found = pb_finding_get_exempt (g_ptr_array_index (all, i));
    g_assert_true (found);
  }
  pb_bundle_open_result_clear (&result);
}

/* Whether the text of a Word file's body holds @needle (its first 24
 * bytes: enough to tell, and short of any character XML would escape). */
static gboolean
docx_contains (const char *path,
               const char *needle)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t stat;
  zip_file_t *file;
  g_autofree char *body = NULL;
  g_autofree char *start = g_strndup (needle, 24);

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, "word/document.xml", 0, &stat), ==, 0);
  body = g_malloc0 (stat.size + 1);
  file = zip_fopen (zip, "word/document.xml", 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, body, stat.size), ==, (zip_int64_t)stat.size);
  zip_fclose (file);
  zip_discard (zip);
  return strstr (body, start) != NULL;
}

/* A member's questions on an exempt pack leave its encryption (the file is
 * sent back to the officer): the findings' quotes stay out of it, and the
 * officer's library, which has the findings, shows them again. */
static void
test_exempt_questions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "exempt.panelpack");
  g_autofree char *text_path = pb_bundle_fixture_out_path (f, "questions.txt");
  g_autofree char *docx_path = pb_bundle_fixture_out_path (f, "questions.docx");
  g_autofree char *text = NULL;
  g_autoptr(PbFinding) exempt = pb_library_get_finding (f->officer.library, f->officer.exempt_id, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  PbBundleOpenResult opened = { 0 };
  PbQuestionsImport imported = { 0 };
  PbBundleEntry *on = NULL;
  gint64 pack_id = pb_library_create_pack (f->officer.library, "Part B: placement sufficiency", TRUE, NULL, &error);

  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, &f->officer.exempt_id, 1, &error));
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, path, PASSPHRASE, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  for (guint i = 0; i < entries->len; i++)
    if (pb_bundle_entry_get_kind (g_ptr_array_index (entries, i)) == PB_BUNDLE_ENTRY_FINDING &&
        g_str_equal (pb_bundle_entry_get_text (g_ptr_array_index (entries, i)), pb_finding_get_quote (exempt)))
      on = g_ptr_array_index (entries, i);
  g_assert_nonnull (on);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (on), "Who audits the placements?", TRUE,
                                               &error), >, 0);
  g_assert_true (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_TEXT, "Cllr Test",
                                              text_path, &error));
  g_assert_true (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_DOCX, "Cllr Test",
                                              docx_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "NOT FOR PUBLICATION"));
  g_assert_nonnull (strstr (text, "Who audits the placements?"));
  g_assert_null (strstr (text, pb_finding_get_quote (exempt)));
  g_assert_false (docx_contains (docx_path, pb_finding_get_quote (exempt)));
  g_assert_true (docx_contains (docx_path, "Who audits the placements?"));

  g_assert_true (pb_library_import_questions (f->officer.library, docx_path, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported.added, ==, 1);
  pb_questions_import_clear (&imported);
  questions = pb_library_list_pack_questions (f->officer.library, pack_id, &error);
  g_assert_cmpuint (questions->len, ==, 1);
  g_assert_cmpstr (pb_pack_question_get_about (g_ptr_array_index (questions, 0)), ==, pb_finding_get_quote (exempt));
  g_assert_cmpint (pb_pack_question_get_finding_id (g_ptr_array_index (questions, 0)), ==, f->officer.exempt_id);
  pb_bundle_open_result_clear (&opened);
}

static void
flip_byte (const char *path,
           gsize       offset)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (offset, <, length);
  data[offset] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, data, (gssize)length, NULL));
}

static gsize
offset_of (const char *path,
           const char *needle)
{
  g_autofree char *data = NULL;
  gsize length;
  const char *at;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  at = pb_test_find_bytes (data, length, needle);
  g_assert_nonnull (at);
  return (gsize)(at - data);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize)length, NULL));
}

static void
assert_refused (Fixture    *f,
                const char *path,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pb_library_open_bundle (f->member, path, passphrase, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED);
  g_assert_true (strstr (error->message, "changed") != NULL || strstr (error->message, "damaged") != NULL);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 0);
  g_assert_cmpuint (n_reports (f->member), ==, 0);
}

/* A bundle changed after it was made is refused whole, with a plain
 * message, and leaves the library as it was. */
static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "pack.panelpack");
  g_autofree char *edited = pb_bundle_fixture_out_path (f, "edited.panelpack");
  g_autofree char *flipped = pb_bundle_fixture_out_path (f, "flipped.panelpack");
  g_autofree char *added = pb_bundle_fixture_out_path (f, "added.panelpack");
  g_autofree char *exempt_path = pb_bundle_fixture_out_path (f, "exempt.panelpack");
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (&f->officer);
  g_autoptr(PbFinding) finding = pb_library_get_finding (f->officer.library, g_array_index (ids, gint64, 0), NULL);
  const char *quote = pb_finding_get_quote (finding);
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);
  gint64 exempt_pack = pb_library_create_pack (f->officer.library, "Part B", TRUE, NULL, &error);
  zip_t *zip;
  int code;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A quote changed in pack.json, the manifest left as it was. */
  copy_file (path, edited);
  zip = zip_open (edited, 0, &code);
  g_assert_nonnull (zip);
  {
    zip_stat_t st;
    zip_file_t *file;
    g_autofree char *text = NULL;
    g_autofree char *changed = NULL;
    GString *rewritten;
    zip_source_t *source;

    g_assert_cmpint (zip_stat (zip, "pack.json", 0, &st), ==, 0);
    text = g_malloc0 (st.size + 1);
    file = zip_fopen (zip, "pack.json", 0);
    g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t)st.size);
    zip_fclose (file);
    g_assert_nonnull (strstr (text, quote));
    rewritten = g_string_new (text);
    g_string_replace (rewritten, quote, "Everything is outstanding.", 1);
    changed = g_string_free (rewritten, FALSE);
    source = zip_source_buffer (zip, changed, strlen (changed), 0);
    g_assert_cmpint (zip_file_replace (zip, zip_name_locate (zip, "pack.json", 0), source, 0), ==, 0);
    g_assert_cmpint (zip_close (zip), ==, 0);
  }
  assert_refused (f, edited, NULL);

  /* A byte of a stored report changed. */
  copy_file (path, flipped);
  flip_byte (flipped, offset_of (flipped, "%PDF-") + 200);
  assert_refused (f, flipped, NULL);

  /* Something added that the manifest does not list. */
  copy_file (path, added);
  zip = zip_open (added, 0, &code);
  g_assert_nonnull (zip);
  g_assert_cmpint (zip_file_add (zip, "reports/9.pdf", zip_source_buffer (zip, "%PDF-1.4", 8, 0), 0), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  assert_refused (f, added, NULL);

  /* The encrypted bytes of an exempt pack's report changed: AES's own
   * check refuses them. */
  g_assert_true (pb_library_add_to_pack (f->officer.library, exempt_pack, &f->officer.exempt_id, 1, &error));
  g_assert_true (pb_library_export_bundle (f->officer.library, exempt_pack, exempt_path, PASSPHRASE,
                                           NULL, NULL, NULL, &error));
  flip_byte (exempt_path, offset_of (exempt_path, "reports/1.pdf") + 400);
  assert_refused (f, exempt_path, PASSPHRASE);

  /* The untouched bundle still opens. */
  g_assert_true (pb_library_open_bundle (f->member, path, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Files that are not bundles, and a bundle written into the library. */
static void
test_not_a_bundle (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = pb_bundle_fixture_out_path (f, "library.pbarchive");
  g_autofree char *inside = g_build_filename (pb_library_get_path (f->officer.library), "pack.panelpack", NULL);
  g_autofree char *missing = pb_bundle_fixture_out_path (f, "missing.panelpack");
  g_autoptr(GPtrArray) reports = pb_library_list_reports (f->officer.library, NULL);
  g_autofree char *pdf = pb_library_dup_report_path (f->officer.library,
                                                     pb_report_get_sha256 (g_ptr_array_index (reports, 0)));
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);

  g_assert_false (pb_library_open_bundle (f->member, pdf, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_A_BUNDLE);
  g_clear_error (&error);

  g_assert_true (pb_library_export_archive (f->officer.library, archive, NULL, NULL, NULL, NULL, &error));
  g_assert_false (pb_library_open_bundle (f->member, archive, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_A_BUNDLE);
  g_clear_error (&error);

  g_assert_false (pb_library_open_bundle (f->member, missing, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (pb_library_export_bundle (f->officer.library, pack_id, inside, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OUTPUT_INSIDE);
  g_clear_error (&error);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 0);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

/* Off the caller's thread, with progress on it, for the app. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "pack.panelpack");
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  PbBundleOpenResult result = { 0 };
  double export_progress = 0, open_progress = 0;
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);

  pb_library_export_bundle_async (f->officer.library, pack_id, path, NULL, NULL, progress_cb, &export_progress,
                                  async_done_cb, &exported);
  while (exported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pb_library_export_bundle_finish (f->officer.library, exported, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (export_progress, >, 0.5);

  pb_library_open_bundle_async (f->member, path, NULL, NULL, progress_cb, &open_progress, async_done_cb, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pb_library_open_bundle_finish (f->member, opened, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, PB_BUNDLE_OPENED_NEW);
  g_assert_nonnull (result.title);
  g_assert_cmpfloat (open_progress, >, 0.5);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 1);
  pb_bundle_open_result_clear (&result);

  /* The workers let go of their tasks, and so of the libraries, soon. */
  pb_test_wait_for_finalize (g_steal_pointer (&exported));
  pb_test_wait_for_finalize (g_steal_pointer (&opened));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/round-trip", Fixture, NULL,
              pb_bundle_fixture_setup, test_round_trip, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/exempt-questions", Fixture, NULL,
              pb_bundle_fixture_setup, test_exempt_questions, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/public-leaves-out-exempt", Fixture, NULL,
              pb_bundle_fixture_setup, test_public_leaves_out_exempt, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/exempt-encrypted", Fixture, NULL,
              pb_bundle_fixture_setup, test_exempt_encrypted, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/tampered", Fixture, NULL,
              pb_bundle_fixture_setup, test_tampered, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/not-a-bundle", Fixture, NULL,
              pb_bundle_fixture_setup, test_not_a_bundle, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/async", Fixture, NULL,
              pb_bundle_fixture_setup, test_async, pb_bundle_fixture_teardown);

  return g_test_run ();
}
