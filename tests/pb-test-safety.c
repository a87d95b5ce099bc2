/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

void
pb_safety_fixture_setup (PbSafetyFixture *f,
                         gconstpointer    data)
{
  f->dir = pb_test_make_dir ();
  f->library_dir = g_build_filename (f->dir, "library", NULL);
  f->db_path = g_build_filename (f->library_dir, "library.db", NULL);
  f->reports_dir = g_build_filename (f->library_dir, "reports", NULL);
}

void
pb_safety_fixture_teardown (PbSafetyFixture *f,
                            gconstpointer    data)
{
  pb_test_remove_dir (f->dir);
  g_free (f->reports_dir);
  g_free (f->db_path);
  g_free (f->library_dir);
  g_free (f->dir);
}

/* A one-page report saying @text, as @name in the fixture's folder. */
char *
pb_safety_write_report (PbSafetyFixture *f,
                        const char      *name,
                        const char      *text)
{
  const char *pages[] = { text, NULL };

  return pb_test_write_pdf (f->dir, name, pages, NULL);
}

/* Imports @path, which must succeed; returns the report's id. */
gint64
pb_safety_import (PbLibrary  *library,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* A finding about care leavers on the report's first page. */
void
pb_safety_add_finding (PbLibrary *library,
                       gint64     report_id)
{
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbReport) report = pb_library_get_report (library, report_id, NULL);
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(GError) error = NULL;
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_page (finding, 1);
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "generous local offer");
  pb_finding_set_cohorts (finding, cohorts);
  g_assert_cmpint (pb_library_add_finding (library, finding, &error), >, 0);
  g_assert_no_error (error);
}

char *
pb_test_read_file (const char *path,
                   gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
list_into (GPtrArray  *lines,
           const char *root,
           const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);
      GStatBuf st;

      if (g_lstat (full, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (lines, g_strconcat (child, "/", NULL));
          list_into (lines, root, child);
        }
      else
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT, child, (gint64)st.st_size));
        }
    }
}

/* Every file and folder under @dir, with each file's size, one a line in
 * order: two listings are equal when nothing was added, removed or resized. */
char *
pb_safety_list_tree (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  list_into (lines, dir, "");
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}
