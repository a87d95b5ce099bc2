/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pb-finding-store.h"
#include "pb-pack-export.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pack.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Pack exports off the main thread, with progress and cancelling. */

typedef PbPackFixture Fixture;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  if (!pb_library_export_pack_finish (PB_LIBRARY (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exported off the main thread, each format, with notes and headings written in. */
static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GPtrArray) sections = NULL;
  gint64 id;

  id = pb_library_create_pack (f->library, "Panel", FALSE, NULL, &error);
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  sections = pb_library_get_pack_sections (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pb_library_add_pack_text (f->library, ((PbPackSection *)g_ptr_array_index (sections, 0))->id,
                                             PB_PACK_ITEM_NOTE, "Officers will report back in June.", 0, &error), >, 0);
  g_assert_no_error (error);

  for (PbPackFormat format = PB_PACK_FORMAT_PDF; format <= PB_PACK_FORMAT_HTML; format++)
    {
      g_autofree char *name = g_strconcat ("async.", pb_pack_format_get_extension (format), NULL);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GError) result = NULL;

      pb_library_export_pack_async (f->library, id, format, path, NULL, NULL, NULL, export_done_cb, &result);
      /* Nothing is written on this thread. */
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* "done", no failure */
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

      if (format == PB_PACK_FORMAT_PDF)
        g_assert_cmpuint (pb_test_poppler_count (path, "Officers will report back in June."), ==, 1);
      if (format == PB_PACK_FORMAT_HTML)
        {
          g_autofree char *html = NULL;

          g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
          g_assert_nonnull (strstr (html, "Officers will report back in June."));
        }
    }

  /* A pack that is not there: the error comes back, no file is left. */
  {
    g_autofree char *path = g_build_filename (f->dir, "missing.pdf", NULL);
    g_autoptr(GError) result = NULL;

    pb_library_export_pack_async (f->library, id + 1000, PB_PACK_FORMAT_PDF, path, NULL, NULL, NULL, export_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (result, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
  }

  /* A finished task lets go of the library on its worker thread, a moment
   * after the answer arrives here. */
  while (g_atomic_int_get (&G_OBJECT (f->library)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  GArray       *fractions;   /* double */
  GCancellable *cancel_at_half;
  GThread      *caller;      /* where every report must come */
  guint         n_elsewhere; /* reports that came on another thread */
} Progress;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *progress = data;

  g_array_append_val (progress->fractions, fraction);
  if (g_thread_self () != progress->caller)
    progress->n_elsewhere++;
  if (progress->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (progress->cancel_at_half);
}

static gint64
pack_of_every_public_finding (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  gint64 id = pb_library_create_pack (f->library, "Panel", FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 3);
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);
  return id;
}

/* Each format reports from 0 to 1, never going back, with a step for each
 * finding; cancelled half way it stops, says so, and leaves no file. */
static void
test_export_progress (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = pack_of_every_public_finding (f);

  for (PbPackFormat format = PB_PACK_FORMAT_PDF; format <= PB_PACK_FORMAT_HTML; format++)
    {
      g_autofree char *name = g_strconcat ("progress.", pb_pack_format_get_extension (format), NULL);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *partial = g_strconcat (path, ".part", NULL);
      g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      Progress progress = { fractions, NULL, g_thread_self (), 0 };

      g_assert_true (pb_library_export_pack_full (f->library, id, format, path, NULL, progress_cb, &progress, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (fractions->len, >=, 2 + 3);
      g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0);
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1);
      for (guint i = 1; i < fractions->len; i++)
        g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpuint (progress.n_elsewhere, ==, 0);

      g_array_set_size (fractions, 0);
      progress.cancel_at_half = cancellable;
      g_assert_false (pb_library_export_pack_full (f->library, id, format, path, cancellable,
                                                   progress_cb, &progress, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 1);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (pb_test_count_leftovers (f->dir), ==, 0);
    }
}

typedef struct
{
  const char *path;
  gboolean    written;
} Written;

static void
written_cb (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            Written           *written)
{
  written->written = g_file_test (written->path, G_FILE_TEST_EXISTS);
}

/* In the background, the reports arrive on the caller's thread, every one
 * of them, before the answer, and end at 1.
 *
 * No thread holds the caller's context until the file is written (the test
 * waits for that in a context of its own, told by a file monitor), and
 * g_main_context_invoke () would run a report at once on the worker in
 * just that case: the wrong thread would show every time, not now and then. */
static void
test_export_async_progress (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = pack_of_every_public_finding (f);
  g_autofree char *path = g_build_filename (f->dir, "async-progress.pdf", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) waiting = g_main_context_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileMonitor) monitor = NULL;
  Progress progress = { fractions, NULL, g_thread_self (), 0 };
  Written written = { path, FALSE };

  g_main_context_push_thread_default (waiting);
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (monitor, "changed", G_CALLBACK (written_cb), &written);
  g_main_context_pop_thread_default (waiting);

  pb_library_export_pack_async (f->library, id, PB_PACK_FORMAT_PDF, path, NULL, progress_cb, &progress,
                                export_done_cb, &result);
  while (!written.written)
    g_main_context_iteration (waiting, TRUE);
  g_assert_cmpuint (fractions->len, ==, 0);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* "done", no failure */
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpuint (progress.n_elsewhere, ==, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1);

  g_clear_object (&monitor);

  while (g_atomic_int_get (&G_OBJECT (f->library)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add ("/export-async/each-format", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_async, pb_pack_fixture_teardown);
  g_test_add ("/export-async/progress", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_progress, pb_pack_fixture_teardown);
  g_test_add ("/export-async/in-background-progress", PbPackFixture, NULL, pb_pack_fixture_setup, test_export_async_progress, pb_pack_fixture_teardown);

  return g_test_run ();
}
