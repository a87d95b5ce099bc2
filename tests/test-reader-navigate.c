/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* Going about a report: the page number follows a find to its match at
 * once, and zooming keeps the middle of the view where it was. */

static void
settle (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
found (Fixture *f)
{
  PbReader *reader = pb_window_get_reader (f->window);

  return !pb_reader_get_finding (reader) && pb_reader_get_current_match (reader) >= 0;
}

/* At a small zoom, the next page's match is on screen already: the view
 * need not scroll, but the page number is the match's. */
static void
test_find_page_number (Fixture       *f,
                       gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  PbDocumentView *view = pb_reader_view_of (f);
  guint first, last;

  pb_document_view_set_zoom (view, 0.35);
  settle (f);
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 0);
  pb_document_view_get_visible_pages (view, &first, &last);
  g_assert_cmpuint (last, >=, 1);

  pb_reader_find (reader, "Page 2:", -1);
  pb_reader_iterate_until (found, f);
  settle (f);
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 1);
  g_assert_cmpuint (pb_view_model_get_page (pb_reader_get_model (reader)), ==, 1);

  /* Scrolled on a little, the page is the one being read again. */
  {
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 20);
    g_assert_cmpuint (pb_document_view_get_page (view), ==, 0);
  }

  /* And on to a match further on, scrolled to. */
  pb_reader_find (reader, "Page 6:", -1);
  pb_reader_iterate_until (found, f);
  settle (f);
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 5);
}

/* The page point at the middle of the view. */
static void
middle_point (PbDocumentView *view,
              guint           page,
              double         *x_pt,
              double         *y_pt)
{
  double x0, y0, x1, y1;

  g_assert_true (pb_document_view_page_to_widget (view, page, 0, 0, &x0, &y0));
  g_assert_true (pb_document_view_page_to_widget (view, page, 100, 100, &x1, &y1));
  *x_pt = (gtk_widget_get_width (GTK_WIDGET (view)) / 2.0 - x0) * 100 / (x1 - x0);
  *y_pt = (gtk_widget_get_height (GTK_WIDGET (view)) / 2.0 - y0) * 100 / (y1 - y0);
}

/* Zoom in and out from the keyboard: what was in the middle stays there. */
static void
test_zoom_keeps_centre (Fixture       *f,
                        gconstpointer  data)
{
  PbDocumentView *view = pb_reader_view_of (f);
  const char * const actions[] = { "win.zoom-in", "win.zoom-in", "win.zoom-out" };

  pb_document_view_set_page (view, 3);
  settle (f);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      guint page = pb_document_view_get_page (view);
      double x_pt, y_pt, x, y, zoom = pb_document_view_get_zoom (view);

      middle_point (view, page, &x_pt, &y_pt);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[i], NULL));
      settle (f);
      g_assert_cmpfloat (pb_document_view_get_zoom (view), !=, zoom);
      g_assert_true (pb_document_view_page_to_widget (view, page, x_pt, y_pt, &x, &y));
      g_assert_cmpfloat (fabs (y - gtk_widget_get_height (GTK_WIDGET (view)) / 2.0), <, 3);
      if (gtk_adjustment_get_upper (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view))) >
          gtk_widget_get_width (GTK_WIDGET (view)))
        g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0), <, 3);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/reader-navigate/find-page-number", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_find_page_number, pb_reader_fixture_teardown);
  g_test_add ("/reader-navigate/zoom-keeps-centre", Fixture, PB_READER_SIZE (1100, 760),
              pb_reader_fixture_setup, test_zoom_keeps_centre, pb_reader_fixture_teardown);

  return g_test_run ();
}
