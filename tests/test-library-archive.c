/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library-archive.h"
#include "pb-library-check.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* Moving a library to a new laptop, or handing it to a colleague: one
 * archive file that makes the same library elsewhere, or merges into another
 * without adding anything twice. */

typedef struct
{
  char *dir;
  char *library_dir;
  char *archive;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "officer", NULL);
  f->archive = g_build_filename (f->dir, "library.panel-brief-library", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->archive);
  g_free (f->library_dir);
  g_free (f->dir);
}

static gint64
import (Fixture    *f,
        PbLibrary  *library,
        const char *name,
        const char *text)
{
  const char *pages[] = { text, NULL };
  g_autofree char *path = pb_test_write_pdf (f->dir, name, pages, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_finding (PbLibrary          *library,
             gint64              report_id,
             const char         *quote,
             const char * const *cohorts)
{
  g_autoptr(PbReport) report = pb_library_get_report (library, report_id, NULL);
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GError) error = NULL;
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_page (finding, 1);
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, quote);
  pb_finding_set_note (finding, "Raise at panel");
  pb_finding_set_cohorts (finding, cohorts);
  id = pb_library_add_finding (library, finding, &error);
  g_assert_no_error (error);
  return id;
}

/* A library with three reports, findings (one in a cohort of the user's
 * own), and a pack citing them with a note. */
static void
make_officer_library (Fixture *f)
{
  static const char * const leavers[] = { "care_leavers", NULL };
  g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
  g_autoptr(PbCohort) own = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  const char *own_cohorts[] = { NULL, NULL };
  gint64 a, b, pack, findings[2];

  a = import (f, library, "a.pdf", "Care leavers have a generous local offer.");
  b = import (f, library, "b.pdf", "Disabled children wait too long for short breaks.");
  import (f, library, "c.pdf", "Leaders know their services well.");

  own = pb_library_add_cohort (library, "Disabled children", "#c061cb", &error);
  g_assert_no_error (error);
  own_cohorts[0] = pb_cohort_get_slug (own);

  findings[0] = add_finding (library, a, "generous local offer", leavers);
  findings[1] = add_finding (library, b, "wait too long", own_cohorts);

  pack = pb_library_create_pack (library, "Panel, 12 March", FALSE, "2027-03-12", &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (library, pack, findings, 2, &error));
  sections = pb_library_get_pack_sections (library, pack, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_library_add_pack_text (library, ((PbPackSection *)g_ptr_array_index (sections, 0))->id,
                                             PB_PACK_ITEM_NOTE, "Ask about short breaks", -1, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
count_pack_items (const char *library_dir)
{
  return pb_test_count_rows (library_dir, "pack_items");
}

static void
test_new_library (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *laptop = g_build_filename (f->dir, "new-laptop", NULL);
  g_autoptr(GError) error = NULL;
  PbArchiveImport result = { 0 };

  make_officer_library (f);
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);
    g_autoptr(JsonObject) settings = json_object_new ();

    json_object_set_string_member (settings, "default-author", "A. Officer");
    g_assert_true (pb_library_export_archive (library, f->archive, settings, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (pb_test_file_mode (f->archive), ==, 0600);
  g_assert_cmpuint (pb_test_count_files (f->dir), >=, 1);

  g_assert_true (pb_library_import_archive (laptop, f->archive, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (result.new_library);
  g_assert_cmpuint (result.files_added, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (result.settings, "default-author"), ==, "A. Officer");
  pb_archive_import_clear (&result);

  /* The same library: every row, every file, every link. */
  for (guint i = 0; i < 6; i++)
    {
      static const char * const tables[] = {
        "reports", "report_pages", "findings", "finding_cohorts", "cohorts", "pack_items",
      };
      g_assert_cmpint (pb_test_count_rows (laptop, tables[i]), ==, pb_test_count_rows (f->library_dir, tables[i]));
    }
  {
    g_autoptr(PbLibrary) library = pb_library_open (laptop, &error);
    g_autoptr(PbCheckResult) check = pb_library_check (library, TRUE, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (check->problems->len, ==, 0);
    g_assert_cmpuint (check->n_files_hashed, ==, 3);
  }
}

static void
test_merge_twice (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const leadership[] = { "leadership", NULL };
  g_autofree char *colleague = g_build_filename (f->dir, "colleague", NULL);
  g_autoptr(GError) error = NULL;
  PbArchiveImport result = { 0 };
  gint64 findings_before, items_before;

  make_officer_library (f);
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);

    g_assert_true (pb_library_export_archive (library, f->archive, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  /* The colleague has one of the same reports, and a finding of their own. */
  {
    g_autoptr(PbLibrary) library = pb_library_open (colleague, NULL);
    g_autofree char *same = g_build_filename (f->dir, "a.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (same);
    gint64 shared = 0;

    /* The very file the officer imported. */
    g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &shared, &error));

    add_finding (library, shared, "Care leavers", leadership);
  }
  findings_before = pb_test_count_rows (colleague, "findings");
  items_before = count_pack_items (colleague);

  g_assert_true (pb_library_import_archive (colleague, f->archive, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (result.new_library);
  g_assert_cmpuint (result.merge.reports_added, ==, 2);
  g_assert_cmpuint (result.merge.reports_present, ==, 1);
  g_assert_cmpuint (result.merge.findings_added, ==, 2);
  g_assert_cmpuint (result.merge.packs_added, ==, 1);
  g_assert_cmpuint (result.merge.cohorts_added, ==, 1);
  g_assert_cmpuint (result.files_added, ==, 2);
  pb_archive_import_clear (&result);

  g_assert_cmpint (pb_test_count_rows (colleague, "reports"), ==, 3);
  g_assert_cmpint (pb_test_count_rows (colleague, "findings"), ==, findings_before + 2);
  g_assert_cmpint (count_pack_items (colleague), ==, items_before + count_pack_items (f->library_dir));

  /* The finding in the user's own cohort kept its cohort. */
  {
    g_autoptr(PbLibrary) library = pb_library_open (colleague, NULL);
    PbFindingFilter filter = PB_FINDING_FILTER_INIT;
    g_autoptr(GPtrArray) disabled = NULL;

    filter.text = "wait";
    disabled = pb_library_list_findings (library, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (disabled->len, ==, 1);
    g_assert_cmpstr (pb_finding_get_cohorts (g_ptr_array_index (disabled, 0))[0], ==, "disabled_children");
  }

  /* Merged again: nothing is added twice. */
  g_assert_true (pb_library_import_archive (colleague, f->archive, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.merge.reports_added, ==, 0);
  g_assert_cmpuint (result.merge.findings_added, ==, 0);
  g_assert_cmpuint (result.merge.packs_added, ==, 0);
  g_assert_cmpuint (result.merge.cohorts_added, ==, 0);
  g_assert_cmpuint (result.merge.findings_present, ==, 2);
  pb_archive_import_clear (&result);
  g_assert_cmpint (pb_test_count_rows (colleague, "findings"), ==, findings_before + 2);
  g_assert_cmpint (pb_test_count_rows (colleague, "packs"), ==, 1);
}

/* An archive whose stored report was changed is refused, in words, and
 * nothing of it is used. */
static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *laptop = g_build_filename (f->dir, "laptop", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *stream;

  make_officer_library (f);
  {
    g_autoptr(PbLibrary) library = pb_library_open (f->library_dir, NULL);

    g_assert_true (pb_library_export_archive (library, f->archive, NULL, NULL, NULL, NULL, &error));
  }

  /* Stored, not compressed: a byte of a report's text is there to change. */
  g_assert_true (g_file_get_contents (f->archive, &contents, &length, NULL));
  stream = NULL;
  for (gsize i = 0; i + 6 <= length && stream == NULL; i++)
    if (memcmp (contents + i, "stream", 6) == 0)
      stream = contents + i;
  g_assert_nonnull (stream);
  stream[12] ^= 0x20;
  g_assert_true (g_file_set_contents (f->archive, contents, length, NULL));

  g_assert_false (pb_library_import_archive (laptop, f->archive, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  {
    g_autofree char *db = g_build_filename (laptop, "library.db", NULL);
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  g_clear_error (&error);

  /* Not an archive at all. */
  {
    g_autofree char *text = pb_test_write_file (f->dir, "notes.zip", "just some notes", -1);

    g_assert_false (pb_library_import_archive (laptop, text, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/archive/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("new-library", test_new_library);
  ADD ("merge-twice", test_merge_twice);
  ADD ("tampered", test_tampered);
#undef ADD

  return g_test_run ();
}
