/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-document.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-pdf-open.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

/* What a password given does to reports that need one, a wrong one, or none
 * (an owner password only, which limits editing but opens without). */

typedef PbKindsFixture Fixture;

static const char * const lines[] = {
  "Panel briefing: passwords",
  "Care leavers are well supported by personal advisers.",
  NULL
};

static char *
import_stored (Fixture    *f,
               const char *path,
               const char *password)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PbReport) report = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  pb_import_file_full (f->library, file, password, PB_IMPORT_DEFAULT, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  report = pb_library_get_report (f->library, id, NULL);
  return pb_library_dup_report_path (f->library, pb_report_get_sha256 (report));
}

/* Tester's item 9: a file with an owner password only opens, is imported and
 * quoted whatever password is given with it, and none is kept for it. */
static void
test_owner_password_only (Fixture       *f,
                          gconstpointer  data)
{
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *plain = pb_test_kinds_write_pdf (f->dir, "owner.pdf", &page, 1, "Owner only");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *owner_only = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GObject) document = NULL;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed, so no encrypted PDF can be made");
      return;
    }
  owner_only = pb_test_kinds_qpdf (plain, ".owner-only.pdf", "--encrypt", "", "the-owner", "256", "--", NULL);

  stored = import_stored (f, owner_only, "anything");
  g_assert_false (pb_pdf_has_password (stored));

  document = G_OBJECT (pb_pdf_open (stored, "something else", &error));
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_false (pb_pdf_has_password (stored));

  anchors = pb_pdf_locate_quote (stored, "a third one", 1, "Care leavers are well supported", &error);
  g_assert_no_error (error);
  g_assert_nonnull (anchors);
}

/* Tester's item 9: a wrong password kept for the session (as
 * export-annotated --password keeps it) is called wrong, not missing. */
static void
test_wrong_password_kept (Fixture       *f,
                          gconstpointer  data)
{
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *plain = pb_test_kinds_write_pdf (f->dir, "locked.pdf", &page, 1, "Locked");
  g_autofree char *locked = pb_test_encrypt_pdf (plain, "panel");
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;

  if (locked == NULL)
    return;

  stored = import_stored (f, locked, "panel");
  pb_pdf_forget_passwords ();

  document = G_OBJECT (pb_pdf_open (stored, NULL, &error));
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  pb_pdf_remember_password (stored, "wrong");
  document = G_OBJECT (pb_pdf_open (stored, NULL, &error));
  g_assert_null (document);
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);
}

/* Tester's item (round 2) 1: a turned page of a file locked with AES-256 and
 * a password beyond ASCII is read, quoted and searched; poppler 22.12 must
 * never be asked to open the upright copy with a password it may retry. */
static void
test_turned_page_non_ascii_password (Fixture       *f,
                                     gconstpointer  data)
{
  const char *password = "P\u00e4ssw\u00f6rd \u0410\u0411";
  PbTestPage page = { lines, NULL, NULL, 0, 0 };
  g_autofree char *plain = pb_test_kinds_write_pdf (f->dir, "turned.pdf", &page, 1, "Turned");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *turned = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = NULL;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed, so no encrypted PDF can be made");
      return;
    }
  turned = pb_test_kinds_qpdf (plain, ".turned.pdf", "--rotate=+90", "--", NULL);
  locked = pb_test_kinds_qpdf (turned, ".locked.pdf", "--encrypt", password, password, "256", "--", NULL);

  stored = import_stored (f, locked, password);
  g_assert_true (pb_pdf_has_password (stored));

  anchors = pb_pdf_locate_quote (stored, password, 1, "Care leavers are well supported", &error);
  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  g_assert_cmpuint (anchors->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-passwords/owner-password-only", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_owner_password_only, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-passwords/wrong-password-kept", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_wrong_password_kept, pb_test_kinds_fixture_teardown);
  g_test_add ("/page-passwords/turned-page-non-ascii-password", Fixture, NULL, pb_test_kinds_fixture_setup,
              test_turned_page_non_ascii_password, pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
