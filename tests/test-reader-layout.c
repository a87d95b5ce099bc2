/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-import.h"
#include "pb-reader-fixture.h"
#include "pb-report-list.h"
#include "pb-test-util.h"

/* The reader laid out in the window: pages always painted, whatever is
 * switched, opened or resized around them. GTK warnings are fatal here, as
 * in every widget test: "Trying to snapshot … without a current allocation"
 * fails the test that causes it. */

static gint64 other_id;

static gboolean
other_loaded (Fixture *f)
{
  PbReport *report = pb_reader_get_report (pb_window_get_reader (f->window));

  return report != NULL && pb_report_get_id (report) == other_id && pb_reader_loaded (f);
}

static gboolean
first_loaded (Fixture *f)
{
  PbReport *report = pb_reader_get_report (pb_window_get_reader (f->window));

  return report != NULL && pb_report_get_id (report) == f->report_id && pb_reader_loaded (f);
}

static gboolean
pages_painted (Fixture *f)
{
  return pb_reader_count_textures (GTK_WIDGET (pb_reader_view_of (f))) > 0;
}

/* Waits for frames until the visible pages are rendered, then checks that
 * the window, drawn as it would be on screen, shows them. */
static void
assert_pages_painted (Fixture *f)
{
  PbDocumentView *view = pb_reader_view_of (f);
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (view));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pb_reader_iterate_until (pages_painted, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpint (gtk_widget_get_width (scroller), >, 100);
  g_assert_cmpint (gtk_widget_get_height (scroller), >, 100);
  g_assert_cmpuint (pb_document_view_get_cache_size (view), >, 0);
  g_assert_cmpuint (pb_reader_count_textures (GTK_WIDGET (f->window)), >, 0);
}

static gboolean
import_other (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  other_id = pb_reader_fixture_import (f, "second.pdf", "Second report", 12);
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);
  return other_id > 0;
}

/* Switching reports with the findings panel open, each read at a fixed
 * 100 %: the scrollbars come and go as the pages' width changes, and the
 * page stays painted. */
static void
test_switch_with_panel (Fixture       *f,
                        gconstpointer  data)
{
  import_other (f);
  g_assert_true (pb_window_select_report (f->window, f->report_id));
  pb_reader_iterate_until (first_loaded, f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  assert_pages_painted (f);

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (pb_window_select_report (f->window, other_id));
      pb_reader_iterate_until (other_loaded, f);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
      assert_pages_painted (f);

      g_assert_true (pb_window_select_report (f->window, f->report_id));
      pb_reader_iterate_until (first_loaded, f);
      assert_pages_painted (f);
    }
}

static gint64
import_corpus (Fixture    *f,
               const char *relative)
{
  g_autofree char *path = pb_test_corpus_path (relative);
  g_autoptr(GFile) file = NULL;
  gint64 id = 0;

  if (path == NULL)
    return 0;
  file = g_file_new_for_path (path);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  return id;
}

/* The same with published reports, their suggestions filling the panel. */
static void
test_switch_corpus_with_panel (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  ids[0] = import_corpus (f, "ilacs/worcestershire-2019-jul.pdf");
  ids[1] = import_corpus (f, "ilacs/wirral-2019-jul.pdf");
  ids[2] = import_corpus (f, "ilacs/walsall-2017-sep.pdf");
  if (ids[0] == 0 || ids[1] == 0 || ids[2] == 0)
    {
      g_test_skip ("the corpus is not here");
      return;
    }
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  for (guint round = 0; round < 4; round++)
    for (guint i = 0; i < 3; i++)
      {
        other_id = ids[i];
        g_assert_true (pb_window_select_report (f->window, other_id));
        pb_reader_iterate_until (other_loaded, f);
        if (round == 0)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
        assert_pages_painted (f);
      }
}

/* From a report read at 100 % (pages wider than the view: a horizontal
 * scrollbar) to one that fits the width (none), and back. */
static void
test_switch_free_to_fit (Fixture       *f,
                         gconstpointer  data)
{
  import_other (f);
  g_assert_true (pb_window_select_report (f->window, f->report_id));
  pb_reader_iterate_until (first_loaded, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  assert_pages_painted (f);

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (pb_window_select_report (f->window, other_id));
      pb_reader_iterate_until (other_loaded, f);
      g_assert_cmpint (pb_document_view_get_sizing (pb_reader_view_of (f)), ==, PB_SIZING_FIT_WIDTH);
      assert_pages_painted (f);

      g_assert_true (pb_window_select_report (f->window, f->report_id));
      pb_reader_iterate_until (first_loaded, f);
      g_assert_cmpint (pb_document_view_get_sizing (pb_reader_view_of (f)), ==, PB_SIZING_FREE);
      assert_pages_painted (f);
    }
}

static GtkMenuButton *
find_zoom_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label != NULL && g_str_has_suffix (label, "%"))
        return GTK_MENU_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_zoom_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
zoom_label_shown (Fixture *f)
{
  return find_zoom_button (GTK_WIDGET (f->window)) != NULL;
}

/* The header's zoom level follows Actual Size at once, on the next frame,
 * not at the next resize. */
static void
test_zoom_label_follows (Fixture       *f,
                         gconstpointer  data)
{
  GtkMenuButton *button;

  g_assert_true (pb_window_select_report (f->window, f->report_id));
  pb_reader_iterate_until (first_loaded, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fit-width", NULL));
  assert_pages_painted (f);
  pb_reader_iterate_until (zoom_label_shown, f);
  button = find_zoom_button (GTK_WIDGET (f->window));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (button), !=, "100%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "100%");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Animations on, as on a desktop: the toasts and the panel slide while
   * the pages are laid out again. */

  g_test_add ("/reader-layout/zoom-label-follows", Fixture, PB_READER_SIZE (1100, 760), pb_reader_fixture_setup,
              test_zoom_label_follows, pb_reader_fixture_teardown);
  g_test_add ("/reader-layout/switch-with-panel", Fixture, PB_READER_SIZE (1100, 760), pb_reader_fixture_setup,
              test_switch_with_panel, pb_reader_fixture_teardown);

  g_test_add ("/reader-layout/switch-corpus-with-panel", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_switch_corpus_with_panel, pb_reader_fixture_teardown);

  g_test_add ("/reader-layout/switch-free-to-fit", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_switch_free_to_fit, pb_reader_fixture_teardown);

  return g_test_run ();
}
