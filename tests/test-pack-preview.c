/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <poppler.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-demo.h"
#include "pb-finding-picker.h"
#include "pb-finding-store.h"
#include "pb-finding-tile.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-packs-view.h"
#include "pb-preview-window.h"
#include "pb-print.h"
#include "pb-report-store.h"
#include "pb-save-annotated.h"
#include "pb-packs-ui-fixture.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* The pack's preview and printing: what the preview shows, how far the
 * export behind it has got, and stopping it. */

static guint
count_pages (const char *pdf)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  guint n;

  g_assert_nonnull (document);
  n = (guint)poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

static void
loaded_cb (PbPreviewWindow *window,
           gboolean        *loaded)
{
  *loaded = TRUE;
}

/* The preview shows the exported file with the reader; printing it to a
 * file gives the same pages with the same words. */
static void
test_preview_and_print (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkWidget *preview;
  gboolean loaded = FALSE;
  guint pages;

  g_assert_true (pb_library_export_pack (f->library, f->pack_id, PB_PACK_FORMAT_PDF, pdf, &error));
  g_assert_no_error (error);
  pages = count_pages (pdf);

  preview = pb_preview_window_new (GTK_WINDOW (f->window), pdf, "Pack", TRUE);
  g_signal_connect (preview, "loaded", G_CALLBACK (loaded_cb), &loaded);
  gtk_window_present (GTK_WINDOW (preview));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  /* More than one page (the sections flow on, no longer a page each). */
  g_assert_cmpuint (pb_preview_window_get_n_pages (PB_PREVIEW_WINDOW (preview)), >=, 2);
  g_assert_cmpuint (pb_preview_window_get_n_pages (PB_PREVIEW_WINDOW (preview)), ==, pages);

  operation = pb_print_operation_new_for_pdf (pdf, "Pack", &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (printed), ==, pages);
  g_assert_cmpuint (pb_test_poppler_count (printed, "Questions for officers"), >=, 1);

  /* A temporary preview leaves nothing behind. */
  gtk_window_destroy (GTK_WINDOW (preview));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static GtkWidget *
preview_window_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (PB_IS_PREVIEW_WINDOW (window))
        return window;
    }
  return NULL;
}

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             double         *highest)
{
  *highest = MAX (*highest, gtk_progress_bar_get_fraction (bar));
}

/* Preview shows how far the export has got, up to the whole; cancelled, it
 * stops without a preview. */
static void
test_preview_progress_cancel (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *bar = pb_packs_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_PROGRESS_BAR);
  GtkWidget *busy = gtk_widget_get_parent (bar);
  GtkWidget *preview;
  double highest = 0;

  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (busy));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_cb), &highest);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  g_assert_true (gtk_widget_get_visible (busy));
  while ((preview = preview_window_shown ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (busy));
  g_assert_cmpfloat (highest, ==, 1.0);
  gtk_window_destroy (GTK_WINDOW (preview));

  /* Cancelled as soon as it starts: the worker is held before it opens the
   * library until the cancel is in. */
  highest = 0;
  pb_test_hold_database_opens (TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  pb_test_wait_for_held_open ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.cancel-export", NULL));
  pb_test_hold_database_opens (FALSE);
  while (gtk_widget_get_visible (busy))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (preview_window_shown ());
  g_assert_cmpfloat (highest, <, 1.0);
  g_signal_handlers_disconnect_by_func (bar, fraction_cb, &highest);
}

/* The app's pack export names the council as Preferences say: on the
 * cover and in the running header. */
static void
test_preview_from_preferences (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pdf = NULL;
  GtkWidget *preview;

  g_settings_set_string (settings, "council-name", "Harrowdale Borough Council");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  while ((preview = preview_window_shown ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  pdf = g_strdup (pb_preview_window_get_path (PB_PREVIEW_WINDOW (preview)));
  g_assert_cmpuint (pb_test_poppler_count (pdf, "Harrowdale Borough Council"), >=, 2);
  gtk_window_destroy (GTK_WINDOW (preview));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Cleared, the pack names no council. */
  g_settings_reset (settings, "council-name");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  while ((preview = preview_window_shown ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_free (pdf);
  pdf = g_strdup (pb_preview_window_get_path (PB_PREVIEW_WINDOW (preview)));
  g_assert_cmpuint (pb_test_poppler_count (pdf, "Harrowdale Borough Council"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (preview));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/packs-ui/preview-progress-cancel", Fixture, NULL, pb_packs_fixture_setup, test_preview_progress_cancel, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/preview-from-preferences", Fixture, NULL, pb_packs_fixture_setup, test_preview_from_preferences, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/preview-and-print", Fixture, NULL, pb_packs_fixture_setup, test_preview_and_print, pb_packs_fixture_teardown);

  return g_test_run ();
}
