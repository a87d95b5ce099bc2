/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <zip.h>

#include "pb-backup.h"
#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-citation.h"
#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-library-archive.h"
#include "pb-member-note.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-questions.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Pack bundles: written from an officer's library (the demo's), opened in
 * a member's library made fresh for each test, on the same machine as two
 * separate libraries would be on two. */

#define PASSPHRASE "harrowdale panel spring"

typedef struct
{
  PbPackFixture  officer;
  char          *member_dir;
  PbLibrary     *member;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  pb_pack_fixture_setup (&f->officer, data);
  f->member_dir = pb_test_make_dir ();
  f->member = pb_test_open_library (f->member_dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->member);
  pb_test_remove_dir (f->member_dir);
  g_free (f->member_dir);
  pb_pack_fixture_teardown (&f->officer, data);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->officer.dir, name, NULL);
}

/* Where @needle is in @data, which may hold any bytes. */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return find_bytes (data, length, needle) != NULL;
}

static guint
n_bundle_packs (PbLibrary *library)
{
  g_autoptr(GPtrArray) packs = pb_library_list_bundle_packs (library, NULL);

  g_assert_nonnull (packs);
  return packs->len;
}

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
  g_autofree char *path = out_path (f, "pack.panelpack");
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
    g_autofree char *again = out_path (f, "again.panelpack");
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
    g_assert_cmpuint (n_bundle_packs (f->member), ==, 2);
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
  g_autofree char *path = out_path (f, "public.panelpack");
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
  g_assert_false (file_contains (path, pb_finding_get_quote (secret)));
  g_assert_true (file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, 1))) ||
                 file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, 2))));

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
  g_autofree char *path = out_path (f, "exempt.panelpack");
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
  g_assert_false (file_contains (path, pb_finding_get_quote (exempt)));
  g_assert_false (file_contains (path, pb_finding_get_note (exempt)));
  for (guint i = 0; i < f->officer.findings->len; i++)
    g_assert_false (file_contains (path, pb_finding_get_quote (g_ptr_array_index (f->officer.findings, i))));
  g_assert_false (file_contains (path, "Part B: placement sufficiency"));
  g_assert_false (file_contains (path, "Harrowdale"));
  g_assert_false (file_contains (path, PASSPHRASE));
  g_assert_false (file_contains (path, "%PDF"));

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
  g_assert_cmpuint (n_bundle_packs (f->member), ==, 0);
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
  at = find_bytes (data, length, needle);
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
  g_assert_cmpuint (n_bundle_packs (f->member), ==, 0);
  g_assert_cmpuint (n_reports (f->member), ==, 0);
}

/* A bundle changed after it was made is refused whole, with a plain
 * message, and leaves the library as it was. */
static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path (f, "pack.panelpack");
  g_autofree char *edited = out_path (f, "edited.panelpack");
  g_autofree char *flipped = out_path (f, "flipped.panelpack");
  g_autofree char *added = out_path (f, "added.panelpack");
  g_autofree char *exempt_path = out_path (f, "exempt.panelpack");
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

static PbBundleEntry *
find_entry (GPtrArray         *entries,
            PbBundleEntryKind  kind,
            guint              nth)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PbBundleEntry *entry = g_ptr_array_index (entries, i);

      if (pb_bundle_entry_get_kind (entry) == kind && nth-- == 0)
        return entry;
    }
  g_assert_not_reached ();
}

/* The officer's item holding the finding with @quote. */
static gint64
item_with_quote (PbLibrary  *library,
                 gint64      pack_id,
                 const char *quote)
{
  g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (library, pack_id, NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          g_autoptr(PbFinding) finding = NULL;

          if (item->kind != PB_PACK_ITEM_FINDING)
            continue;
          finding = pb_library_get_finding (library, item->finding_id, NULL);
          if (g_str_equal (pb_finding_get_quote (finding), quote))
            return item->id;
        }
    }
  g_assert_not_reached ();
}

/* A newer bundle of the same pack brings it up to date in place, keeping
 * the member's notes, even on a finding the officer has since taken out;
 * an older bundle is refused, and the same bundle changes nothing. */
static void
test_newer_keeps_notes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = out_path (f, "march.panelpack");
  g_autofree char *second = out_path (f, "march-2.panelpack");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) backups_before = NULL;
  g_autoptr(GPtrArray) backups_after = NULL;
  g_autoptr(PbBundlePack) pack = NULL;
  g_autofree char *dropped_quote = NULL;
  PbBundleOpenResult opened = { 0 }, updated = { 0 }, same = { 0 };
  PbBundleEntry *kept, *dropped, *section;
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);
  gint64 item;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, first, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, first, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  kept = find_entry (entries, PB_BUNDLE_ENTRY_FINDING, 0);
  dropped = find_entry (entries, PB_BUNDLE_ENTRY_FINDING, 1);
  section = find_entry (entries, PB_BUNDLE_ENTRY_SECTION, 0);
  dropped_quote = g_strdup (pb_bundle_entry_get_text (dropped));
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (kept), "Who audits this?", TRUE, &error), >, 0);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (dropped), "And this one?", TRUE, &error), >, 0);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_SECTION,
                                               pb_bundle_entry_get_key (section), "Read before the meeting.", FALSE,
                                               &error), >, 0);
  g_assert_no_error (error);

  /* The officer renames the pack, adds a heading and takes a finding out. */
  item = item_with_quote (f->officer.library, pack_id, dropped_quote);
  g_assert_true (pb_library_set_pack_field (f->officer.library, pack_id, PB_PACK_FIELD_TITLE,
                                            "Corporate Parenting Panel, March 2026 (revised)", &error));
  {
    g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (f->officer.library, pack_id, NULL);
    g_autoptr(PbPackRemoval) removal = NULL;

    g_assert_cmpint (pb_library_add_pack_text (f->officer.library, ((PbPackSection *)g_ptr_array_index (sections, 0))->id,
                                               PB_PACK_ITEM_HEADING, "Since the last panel", 0, &error), >, 0);
    removal = pb_library_remove_from_pack (f->officer.library, pack_id, NULL, 0, &item, 1, &error);
    g_assert_nonnull (removal);
  }
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, second, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  backups_before = pb_library_list_backups (f->member, &error);
  g_assert_true (pb_library_open_bundle (f->member, second, NULL, &updated, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (updated.status, ==, PB_BUNDLE_OPENED_UPDATED);
  g_assert_cmpint (updated.bundle_id, ==, opened.bundle_id);
  g_assert_cmpuint (updated.n_findings, ==, opened.n_findings - 1);
  g_assert_cmpuint (n_bundle_packs (f->member), ==, 1);
  backups_after = pb_library_list_backups (f->member, &error);
  g_assert_cmpuint (backups_after->len, ==, backups_before->len + 1);

  pack = pb_library_get_bundle_pack (f->member, updated.bundle_id, &error);
  g_assert_cmpstr (pb_bundle_pack_get_title (pack), ==, "Corporate Parenting Panel, March 2026 (revised)");
  g_assert_cmpuint (pb_bundle_pack_get_n_questions (pack), ==, 2);

  notes = pb_library_list_member_notes (f->member, updated.bundle_id, FALSE, &error);
  g_assert_cmpuint (notes->len, ==, 3);
  /* The pack's order: the section's note, the kept finding's, then the one
   * whose finding is gone, still saying what it was on. */
  g_assert_cmpstr (pb_member_note_get_text (g_ptr_array_index (notes, 0)), ==, "Read before the meeting.");
  g_assert_cmpstr (pb_member_note_get_text (g_ptr_array_index (notes, 1)), ==, "Who audits this?");
  g_assert_true (pb_member_note_get_target_present (g_ptr_array_index (notes, 1)));
  g_assert_cmpstr (pb_member_note_get_text (g_ptr_array_index (notes, 2)), ==, "And this one?");
  g_assert_false (pb_member_note_get_target_present (g_ptr_array_index (notes, 2)));
  g_assert_cmpstr (pb_member_note_get_about (g_ptr_array_index (notes, 2)), ==, dropped_quote);

  {
    g_autoptr(GPtrArray) now = pb_library_list_bundle_entries (f->member, updated.bundle_id, &error);
    PbBundleEntry *heading = find_entry (now, PB_BUNDLE_ENTRY_HEADING, 0);
    PbBundleEntry *still = NULL;

    g_assert_cmpstr (pb_bundle_entry_get_text (heading), ==, "Since the last panel");
    for (guint i = 0; i < now->len; i++)
      if (g_strcmp0 (pb_bundle_entry_get_key (g_ptr_array_index (now, i)), pb_bundle_entry_get_key (kept)) == 0)
        still = g_ptr_array_index (now, i);
    g_assert_nonnull (still);
    g_assert_cmpuint (pb_bundle_entry_get_n_notes (still), ==, 1);
    g_assert_true (pb_bundle_entry_get_has_question (still));
  }

  g_assert_false (pb_library_open_bundle (f->member, first, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER);
  g_clear_error (&error);

  g_assert_true (pb_library_open_bundle (f->member, second, NULL, &same, NULL, NULL, NULL, &error));
  g_assert_cmpint (same.status, ==, PB_BUNDLE_OPENED_UNCHANGED);
  notes = (g_ptr_array_unref (notes), pb_library_list_member_notes (f->member, updated.bundle_id, FALSE, &error));
  g_assert_cmpuint (notes->len, ==, 3);

  pb_bundle_open_result_clear (&opened);
  pb_bundle_open_result_clear (&updated);
  pb_bundle_open_result_clear (&same);
}

static void
run_docx_checker (const char         *path,
                  const char * const *args)
{
  const char *checker = g_getenv ("PB_CHECK_QUESTIONS_DOCX");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (checker == NULL)
    {
      g_test_message ("PB_CHECK_QUESTIONS_DOCX is not set; run under meson test to read the document");
      return;
    }
  g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3");
  g_ptr_array_add (argv, (gpointer)checker);
  g_ptr_array_add (argv, (gpointer)path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the questions as expected:\n%s%s", out, err);
}

/* A member's questions go out as text and as Word, with their citations
 * and none of the private notes, and come back into the officer's library
 * against the pack, once. */
static void
test_questions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = out_path (f, "pack.panelpack");
  g_autofree char *text_path = out_path (f, "questions.txt");
  g_autofree char *docx_path = out_path (f, "questions.docx");
  g_autofree char *junk = out_path (f, "junk.txt");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  PbBundleOpenResult opened = { 0 };
  PbQuestionsImport imported = { 0 };
  PbBundleEntry *finding, *section;
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);
  const char *multi = "When will the audit report?\nAnd who will present it?";

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, bundle, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_TEXT, NULL,
                                               text_path, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_QUESTIONS);
  g_clear_error (&error);

  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  finding = find_entry (entries, PB_BUNDLE_ENTRY_FINDING, 0);
  section = find_entry (entries, PB_BUNDLE_ENTRY_SECTION, 1);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (finding), multi, TRUE, &error), >, 0);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_SECTION,
                                               pb_bundle_entry_get_key (section), "Is the plan funded?", TRUE,
                                               &error), >, 0);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (finding), "My own reminder", FALSE,
                                               &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_TEXT, "Cllr Test",
                                              text_path, &error));
  g_assert_true (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_DOCX, "Cllr Test",
                                              docx_path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pb_test_file_mode (text_path), ==, 0600);
  g_assert_cmpuint (pb_test_file_mode (docx_path), ==, 0600);

  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, multi));
  g_assert_nonnull (strstr (text, "Is the plan funded?"));
  g_assert_nonnull (strstr (text, pb_bundle_entry_get_citation (finding)));
  g_assert_nonnull (strstr (text, pb_bundle_entry_get_text (section)));
  g_assert_nonnull (strstr (text, "From: Cllr Test"));
  g_assert_null (strstr (text, "My own reminder"));
  g_assert_false (file_contains (docx_path, "My own reminder"));
  {
    const char * const args[] = { "2", "--line", "When will the audit report?", "--line", "And who will present it?",
                                  "--line", "Is the plan funded?", "--citation", pb_bundle_entry_get_citation (finding),
                                  NULL };

    run_docx_checker (docx_path, args);
  }

  /* Into the officer's library, beside the pack. */
  g_assert_true (pb_library_import_questions (f->officer.library, text_path, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpint (imported.pack_id, ==, pack_id);
  g_assert_cmpuint (imported.added, ==, 2);
  g_assert_cmpuint (imported.updated, ==, 0);
  g_assert_cmpstr (imported.asked_by, ==, "Cllr Test");
  pb_questions_import_clear (&imported);

  questions = pb_library_list_pack_questions (f->officer.library, pack_id, &error);
  g_assert_cmpuint (questions->len, ==, 2);
  {
    PbPackQuestion *on_finding = g_ptr_array_index (questions, 0);
    PbPackQuestion *on_section = g_ptr_array_index (questions, 1);
    g_autoptr(PbFinding) officer_finding = NULL;
    g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (f->officer.library, pack_id, NULL);
    gboolean section_found = FALSE;

    g_assert_cmpstr (pb_pack_question_get_text (on_finding), ==, multi);
    g_assert_cmpstr (pb_pack_question_get_citation (on_finding), ==, pb_bundle_entry_get_citation (finding));
    g_assert_cmpstr (pb_pack_question_get_about (on_finding), ==, pb_bundle_entry_get_text (finding));
    g_assert_cmpstr (pb_pack_question_get_asked_by (on_finding), ==, "Cllr Test");
    g_assert_cmpint (pb_pack_question_get_target (on_finding), ==, PB_NOTE_ON_FINDING);
    officer_finding = pb_library_get_finding (f->officer.library, pb_pack_question_get_finding_id (on_finding), &error);
    g_assert_nonnull (officer_finding);
    g_assert_cmpstr (pb_finding_get_quote (officer_finding), ==, pb_bundle_entry_get_text (finding));

    g_assert_cmpstr (pb_pack_question_get_text (on_section), ==, "Is the plan funded?");
    g_assert_cmpint (pb_pack_question_get_target (on_section), ==, PB_NOTE_ON_SECTION);
    for (guint s = 0; s < sections->len; s++)
      if (((PbPackSection *)g_ptr_array_index (sections, s))->id == pb_pack_question_get_section_id (on_section))
        section_found = g_str_equal (((PbPackSection *)g_ptr_array_index (sections, s))->title,
                                     pb_bundle_entry_get_text (section));
    g_assert_true (section_found);
  }

  /* The same questions as Word: nothing added twice. */
  g_assert_true (pb_library_import_questions (f->officer.library, docx_path, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported.added, ==, 0);
  g_assert_cmpuint (imported.updated, ==, 2);
  pb_questions_import_clear (&imported);
  g_ptr_array_unref (questions);
  questions = pb_library_list_pack_questions (f->officer.library, pack_id, &error);
  g_assert_cmpuint (questions->len, ==, 2);
  g_assert_cmpstr (pb_pack_question_get_text (g_ptr_array_index (questions, 0)), ==, multi);

  /* Not a questions file; questions on a pack this library lacks. */
  g_assert_true (g_file_set_contents (junk, "Dear officer,\nsee you Tuesday.\n", -1, NULL));
  g_assert_false (pb_library_import_questions (f->officer.library, junk, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_QUESTIONS);
  g_clear_error (&error);
  g_assert_false (pb_library_import_questions (f->officer.library, bundle, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_QUESTIONS);
  g_clear_error (&error);
  g_assert_false (pb_library_import_questions (f->member, text_path, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_UNKNOWN_PACK);
  g_clear_error (&error);

  pb_bundle_open_result_clear (&opened);
}

/* Files that are not bundles, and a bundle written into the library. */
static void
test_not_a_bundle (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = out_path (f, "library.pbarchive");
  g_autofree char *inside = g_build_filename (pb_library_get_path (f->officer.library), "pack.panelpack", NULL);
  g_autofree char *missing = out_path (f, "missing.panelpack");
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
  g_assert_cmpuint (n_bundle_packs (f->member), ==, 0);
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
  g_autofree char *path = out_path (f, "pack.panelpack");
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
  g_assert_cmpuint (n_bundle_packs (f->member), ==, 1);
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

  g_test_add ("/bundle/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/bundle/public-leaves-out-exempt", Fixture, NULL, fixture_setup, test_public_leaves_out_exempt,
              fixture_teardown);
  g_test_add ("/bundle/exempt-encrypted", Fixture, NULL, fixture_setup, test_exempt_encrypted, fixture_teardown);
  g_test_add ("/bundle/tampered", Fixture, NULL, fixture_setup, test_tampered, fixture_teardown);
  g_test_add ("/bundle/newer-keeps-notes", Fixture, NULL, fixture_setup, test_newer_keeps_notes, fixture_teardown);
  g_test_add ("/bundle/questions", Fixture, NULL, fixture_setup, test_questions, fixture_teardown);
  g_test_add ("/bundle/not-a-bundle", Fixture, NULL, fixture_setup, test_not_a_bundle, fixture_teardown);
  g_test_add ("/bundle/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);

  return g_test_run ();
}
