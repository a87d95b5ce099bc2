/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-bundle-pack.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-pdf-open.h"
#include "pb-report-store.h"
#include "pb-test-bundle.h"
#include "pb-test-util.h"

void
pb_bundle_fixture_setup (PbBundleFixture *f,
                         gconstpointer    data)
{
  pb_pack_fixture_setup (&f->officer, data);
  f->member_dir = pb_test_make_dir ();
  f->member = pb_test_open_library (f->member_dir);
}

void
pb_bundle_fixture_teardown (PbBundleFixture *f,
                            gconstpointer    data)
{
  g_assert_finalize_object (f->member);
  pb_test_remove_dir (f->member_dir);
  g_free (f->member_dir);
  pb_pack_fixture_teardown (&f->officer, data);
}

/* A file @name in the officer's folder, for what a test writes. */
char *
pb_bundle_fixture_out_path (PbBundleFixture *f,
                            const char      *name)
{
  return g_build_filename (f->officer.dir, name, NULL);
}

/* Where @needle is in @data, which may hold any bytes. */
const char *
pb_test_find_bytes (const char *data,
                    gsize       length,
                    const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

gboolean
pb_test_file_contains (const char *path,
                       const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return pb_test_find_bytes (data, length, needle) != NULL;
}

guint
pb_test_count_bundle_packs (PbLibrary *library)
{
  g_autoptr(GPtrArray) packs = pb_library_list_bundle_packs (library, NULL);

  g_assert_nonnull (packs);
  return packs->len;
}

/* Imports a report protected by @password into the officer's library and
 * puts a finding on it (not exempt); forgets the password, as a new
 * session would.  Returns the finding, or 0 (the test skipped) when no
 * encrypted PDF can be made; @out_title gets the report's title. */
gint64
pb_bundle_fixture_locked_finding (PbBundleFixture  *f,
                                  const char       *password,
                                  char            **out_title)
{
  g_autoptr(GError) error = NULL;
  PbFinding *model = g_ptr_array_index (f->officer.findings, 0);
  static const char * const pages[] = {
    "Harrowdale: children in care, a locked briefing\n"
    "Care leavers in the locked report are well supported by personal advisers.",
    NULL
  };
  g_autofree char *plain = pb_test_write_pdf (f->officer.dir, "locked-source.pdf", pages, NULL);
  g_autofree char *encrypted = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbFinding) finding = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 report_id = 0, id;

  if (!(encrypted = pb_test_encrypt_pdf (plain, password)))
    return 0;
  file = g_file_new_for_path (encrypted);
  pb_import_file (f->officer.library, file, password, NULL, NULL, NULL, &status, &report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  report = pb_library_get_report (f->officer.library, report_id, &error);
  g_assert_no_error (error);

  finding = pb_finding_copy (model);
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_page (finding, 1);
  pb_finding_set_paragraph (finding, 0);
  pb_finding_set_exempt (finding, FALSE);
  id = pb_library_add_finding (f->officer.library, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  pb_pdf_forget_passwords ();
  *out_title = g_strdup (pb_report_get_title (report));
  return id;
}
