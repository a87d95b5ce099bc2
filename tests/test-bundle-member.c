/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pb-backup.h"
#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-member-note.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-questions.h"
#include "pb-test-bundle.h"
#include "pb-test-util.h"

/* What a panel member adds to a pack opened from a bundle: notes, kept
 * when a newer bundle of the pack brings it up to date, and questions that
 * go back to the officer as text or Word. */

typedef PbBundleFixture Fixture;

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
  g_autofree char *first = pb_bundle_fixture_out_path (f, "march.panelpack");
  g_autofree char *second = pb_bundle_fixture_out_path (f, "march-2.panelpack");
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
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 1);
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
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "pack.panelpack");
  g_autofree char *text_path = pb_bundle_fixture_out_path (f, "questions.txt");
  g_autofree char *docx_path = pb_bundle_fixture_out_path (f, "questions.docx");
  g_autofree char *junk = pb_bundle_fixture_out_path (f, "junk.txt");
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
  g_assert_false (pb_test_file_contains (docx_path, "My own reminder"));
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

/* Tester's defect 4: which copy is newer goes by the officer's library's
 * count of the pack's bundles, not the clock of the machine that wrote
 * it (here the first copy's time is far ahead, as a laptop set wrong
 * would stamp it); an older copy can still be opened in place of the
 * newer one, keeping the member's notes. */
static void
test_revision_not_clock (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = pb_bundle_fixture_out_path (f, "v1.panelpack");
  g_autofree char *second = pb_bundle_fixture_out_path (f, "v2.panelpack");
  g_autofree char *db_path = g_build_filename (pb_library_get_path (f->member), "library.db", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(PbBundlePack) pack = NULL;
  PbBundleOpenResult opened = { 0 }, updated = { 0 }, back = { 0 };
  gint64 pack_id = pb_demo_add_pack (f->officer.library, &error);
  sqlite3 *db = NULL;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, first, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_set_pack_field (f->officer.library, pack_id, PB_PACK_FIELD_TITLE,
                                            "Panel, 12 March (corrected)", &error));
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, second, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pb_library_open_bundle (f->member, first, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                               pb_bundle_entry_get_key (find_entry (entries, PB_BUNDLE_ENTRY_FINDING, 0)),
                                               "Who audits this?", TRUE, &error), >, 0);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE bundle_packs SET exported_at = '2099-01-01T00:00:00Z'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (pb_library_open_bundle (f->member, second, NULL, &updated, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (updated.status, ==, PB_BUNDLE_OPENED_UPDATED);
  pack = pb_library_get_bundle_pack (f->member, updated.bundle_id, &error);
  g_assert_cmpstr (pb_bundle_pack_get_title (pack), ==, "Panel, 12 March (corrected)");
  g_clear_object (&pack);

  /* The first copy again: older, refused, unless the member chooses it. */
  g_assert_false (pb_library_open_bundle (f->member, first, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER);
  g_assert_nonnull (strstr (error->message, "anyway"));
  g_clear_error (&error);
  g_assert_true (pb_library_open_bundle_full (f->member, first, NULL, PB_BUNDLE_OPEN_REPLACE_NEWER, &back, NULL, NULL,
                                              NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back.status, ==, PB_BUNDLE_OPENED_UPDATED);
  g_assert_cmpint (back.bundle_id, ==, opened.bundle_id);
  pack = pb_library_get_bundle_pack (f->member, back.bundle_id, &error);
  g_assert_cmpstr (pb_bundle_pack_get_title (pack), !=, "Panel, 12 March (corrected)");
  notes = pb_library_list_member_notes (f->member, back.bundle_id, FALSE, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (pb_member_note_get_text (g_ptr_array_index (notes, 0)), ==, "Who audits this?");

  pb_bundle_open_result_clear (&opened);
  pb_bundle_open_result_clear (&updated);
  pb_bundle_open_result_clear (&back);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/newer-keeps-notes", Fixture, NULL,
              pb_bundle_fixture_setup, test_newer_keeps_notes, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/revision-not-clock", Fixture, NULL,
              pb_bundle_fixture_setup, test_revision_not_clock, pb_bundle_fixture_teardown);
  g_test_add ("/bundle/questions", Fixture, NULL,
              pb_bundle_fixture_setup, test_questions, pb_bundle_fixture_teardown);

  return g_test_run ();
}
