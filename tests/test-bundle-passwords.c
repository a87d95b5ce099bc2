/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-document.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pdf-open.h"
#include "pb-report-store.h"
#include "pb-test-bundle.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Tester's defect 2: a pack citing a report protected by a password.  The
 * officer gives the report's password when exporting (and is told which
 * report needs it); the exempt pack's bundle carries the report without
 * its password, inside its own encryption, so the member opens it with
 * the pack's passphrase alone. */

#define PASSPHRASE "harrowdale panel spring"
#define PASSWORD   "panel report lock"

typedef PbBundleFixture Fixture;

static void
test_exempt_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "locked.panelpack");
  g_autoptr(GPtrArray) locked = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  PbBundleOpenResult result = { 0 };
  PbFinding *model = g_ptr_array_index (f->officer.findings, 0);
  gint64 finding_id = pb_bundle_fixture_locked_finding (f, PASSWORD, &title);
  gint64 pack_id;

  if (finding_id == 0)
    return;
  pack_id = pb_library_create_pack (f->officer.library, "Exempt panel, 12 March", TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, &finding_id, 1, &error));

  /* Without the report's password: refused, naming the report, no file. */
  g_assert_false (pb_library_export_bundle (f->officer.library, pack_id, path, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED);
  g_assert_nonnull (strstr (error->message, title));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The export can ask ahead: which reports, and does this password open one. */
  locked = pb_library_list_locked_pack_reports (f->officer.library, pack_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (locked->len, ==, 1);
  g_assert_cmpstr (pb_report_get_title (g_ptr_array_index (locked, 0)), ==, title);
  g_assert_false (pb_library_unlock_report (f->officer.library, pb_report_get_sha256 (g_ptr_array_index (locked, 0)),
                                            "not the password", &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);
  g_assert_nonnull (strstr (error->message, title));
  g_clear_error (&error);
  g_assert_true (pb_library_unlock_report (f->officer.library, pb_report_get_sha256 (g_ptr_array_index (locked, 0)),
                                           PASSWORD, &error));
  g_assert_no_error (error);
  g_clear_pointer (&locked, g_ptr_array_unref);
  locked = pb_library_list_locked_pack_reports (f->officer.library, pack_id, &error);
  g_assert_cmpuint (locked->len, ==, 0);

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, path, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pb_test_file_contains (path, pb_finding_get_quote (model)));
  g_assert_false (pb_test_file_contains (path, PASSWORD));

  /* The member, in a session that never saw the password, opens it with
   * the passphrase alone, and can read the report. */
  pb_pdf_forget_passwords ();
  g_assert_true (pb_library_open_bundle (f->member, path, PASSPHRASE, &result, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_findings, ==, 1);
  g_assert_cmpuint (result.reports_added, ==, 1);
  findings = pb_library_list_bundle_findings (f->member, result.bundle_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (pb_finding_get_quote (g_ptr_array_index (findings, 0)), ==, pb_finding_get_quote (model));
  reports = pb_library_list_reports (f->member, &error);
  g_assert_cmpuint (reports->len, ==, 1);
  {
    g_autofree char *file = pb_library_locate_report_file (f->member, pb_report_get_sha256 (g_ptr_array_index (reports, 0)),
                                                          &error);
    g_autoptr(GObject) document = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (pb_report_get_sha256 (g_ptr_array_index (reports, 0)), ==,
                     pb_finding_get_report_sha256 (g_ptr_array_index (findings, 0)));
    document = G_OBJECT (pb_pdf_open (file, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (document);
  }
  pb_bundle_open_result_clear (&result);
}

/* A public pack's bundle is not encrypted: it refuses the report, by
 * name, even with its password given. */
static void
test_public_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = pb_bundle_fixture_out_path (f, "public-locked.panelpack");
  gint64 finding_id = pb_bundle_fixture_locked_finding (f, PASSWORD, &title);
  g_autoptr(GPtrArray) locked = NULL;
  gint64 pack_id;

  if (finding_id == 0)
    return;
  pack_id = pb_library_create_pack (f->officer.library, "Panel, 12 March", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, &finding_id, 1, &error));
  locked = pb_library_list_locked_pack_reports (f->officer.library, pack_id, &error);
  g_assert_cmpuint (locked->len, ==, 1);
  g_assert_true (pb_library_unlock_report (f->officer.library, pb_report_get_sha256 (g_ptr_array_index (locked, 0)),
                                           PASSWORD, &error));

  g_assert_false (pb_library_export_bundle (f->officer.library, pack_id, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED);
  g_assert_nonnull (strstr (error->message, title));
  g_assert_nonnull (strstr (error->message, "public"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-passwords/exempt-pack", Fixture, NULL,
              pb_bundle_fixture_setup, test_exempt_pack, pb_bundle_fixture_teardown);
  g_test_add ("/bundle-passwords/public-pack", Fixture, NULL,
              pb_bundle_fixture_setup, test_public_pack, pb_bundle_fixture_teardown);

  return g_test_run ();
}
