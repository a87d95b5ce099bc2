/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-bundle-pack.h"
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
