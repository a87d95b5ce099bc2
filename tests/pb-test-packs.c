/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

void
pb_pack_fixture_setup (PbPackFixture *f,
                       gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  g_assert_true (pb_demo_populate (f->library, f->dir, NULL));
  f->findings = pb_library_list_findings (f->library, NULL, NULL);
  g_assert_cmpuint (f->findings->len, >=, 5);

  for (guint i = 0; i < f->findings->len; i++)
    if (pb_finding_get_exempt (g_ptr_array_index (f->findings, i)))
      f->exempt_id = pb_finding_get_id (g_ptr_array_index (f->findings, i));
  g_assert_cmpint (f->exempt_id, >, 0);
}

void
pb_pack_fixture_teardown (PbPackFixture *f,
                          gconstpointer  data)
{
  g_ptr_array_unref (f->findings);
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The findings that may go anywhere. */
GArray *
pb_pack_fixture_public_ids (PbPackFixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < f->findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (f->findings, i);
      gint64 id = pb_finding_get_id (finding);

      if (!pb_finding_get_exempt (finding))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Files an export left half-written in @dir: the private temporary files
 * exports write into are named "….part" until renamed into place. */
guint
pb_test_count_leftovers (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      n++;
  return n;
}
