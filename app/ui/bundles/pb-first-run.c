/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-first-run"

#include "config.h"

#include "pb-first-run.h"

/* What an empty library shows: the two ways in.  A panel member who only
 * ever opens the packs officers send learns what a pack is and where their
 * notes go, and opens one; an officer imports reports.  The buttons are the
 * window's actions (win.open-bundle, win.import). */

struct _PbFirstRun
{
  GtkWidget  parent_instance;
  GtkWidget *status_page;
};

G_DEFINE_FINAL_TYPE (PbFirstRun, pb_first_run, GTK_TYPE_WIDGET)

static void
pb_first_run_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_FIRST_RUN);

  G_OBJECT_CLASS (pb_first_run_parent_class)->dispose (object);
}

static void
pb_first_run_class_init (PbFirstRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_first_run_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-first-run.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFirstRun, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "firstrun");
}

static void
pb_first_run_init (PbFirstRun *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pb_first_run_new (void)
{
  return g_object_new (PB_TYPE_FIRST_RUN, NULL);
}
