/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-cohort-dot.h"

/* A small disc in a cohort's colour, beside its name wherever cohorts are
 * listed, so the colours on the page can be matched to cohorts. */

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GdkRGBA *color = data;
  double r = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
pb_cohort_dot_new (const char *color)
{
  GtkWidget *dot = gtk_drawing_area_new ();
  GdkRGBA *rgba = g_new0 (GdkRGBA, 1);

  if (!gdk_rgba_parse (rgba, color ? color : ""))
    *rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1 };

  gtk_widget_set_size_request (dot, 12, 12);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, rgba, g_free);

  return dot;
}
