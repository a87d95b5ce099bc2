/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-opener.h"
#include "pb-import-outcome.h"
#include "pb-window-private.h"

/* What the window does beside showing things: imports (its queue, files
 * dropped on it) and its state kept in the app's settings (size, the
 * library's grouping and order, the authority Grades over time shows). */

/* Imports */

static void
import_finished_cb (PbWindow      *self,
                    gboolean       cancelled,
                    PbImportQueue *queue)
{
  if (!cancelled && pb_import_queue_get_last_report_id (queue) > 0)
    pb_window_select_report (self, pb_import_queue_get_last_report_id (queue));

  pb_import_outcome_announce (queue, self->library, GTK_WINDOW (self), cancelled);
}

static void
importing_changed_cb (PbWindow *self)
{
  _pb_window_update_actions (self);
  g_object_notify (G_OBJECT (self), "importing");
}

static void
report_unlocked_cb (PbWindow      *self,
                    gint64         report_id,
                    const char    *password,
                    PbImportQueue *queue)
{
  pb_reader_remember_password (self->reader, report_id, password);
}

static gboolean
drop_cb (PbWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0)
    return FALSE;

  pb_window_import_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}


/* The window's own import queue, and files dropped on it. */
void
_pb_window_setup_imports (PbWindow *self)
{
  GtkDropTarget *drop_target;

  self->imports = pb_import_queue_new (self->library);
  g_signal_connect_object (self->imports, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->imports, "notify::importing", G_CALLBACK (importing_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->imports, "unlocked", G_CALLBACK (report_unlocked_cb), self, G_CONNECT_SWAPPED);
  pb_library_sidebar_set_import_queue (self->sidebar, self->imports);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

/* Window state */

static void
restore_window_state (PbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* What is kept of the window when it closes; an import under way stops. */
void
_pb_window_save_state (PbWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);

  if (self->reader != NULL)
    pb_reader_save_state (self->reader);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  /* An import still running is finished by its own transaction or rolled back;
   * cancelling here means nothing half-done is left behind. */
  if (self->imports != NULL)
    pb_import_queue_cancel (self->imports);
}

static void
cache_size_changed_cb (PbWindow *self)
{
  guint megabytes = g_settings_get_uint (self->settings, "page-cache-size");

  pb_document_view_set_cache_budget (pb_reader_get_view (self->reader),
                                     (gsize)megabytes * 1024 * 1024);
}

/* The app's settings, once the window is the app's: GObject sets its
 * "application" after constructed (), so they are taken up when it is. */
void
_pb_window_take_settings (PbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->settings != NULL || !PB_IS_APPLICATION (app) ||
      pb_application_get_settings (PB_APPLICATION (app)) == NULL)
    return;

  self->settings = g_object_ref (pb_application_get_settings (PB_APPLICATION (app)));
  restore_window_state (self);
  g_signal_connect_object (self->settings, "changed::page-cache-size",
                           G_CALLBACK (cache_size_changed_cb), self, G_CONNECT_SWAPPED);
  cache_size_changed_cb (self);

  /* The library's grouping and order: taken up once, then the window's
   * own and only saved from it. Without a D-Bus session dconf refuses the
   * write and announces the old value again; read back, that undid the
   * user's choice at once. Grades over time opens on the authority last
   * looked at. */
  {
    g_autofree char *grouping = g_settings_get_string (self->settings, "library-grouping");
    g_autofree char *sorting = g_settings_get_string (self->settings, "library-sort");

    g_object_set (self, "grouping", grouping, "sorting", sorting, NULL);
  }
  g_settings_bind (self->settings, "library-grouping", self, "grouping", G_SETTINGS_BIND_SET);
  g_settings_bind (self->settings, "library-sort", self, "sorting", G_SETTINGS_BIND_SET);
  g_settings_bind (self->settings, "overview-authority", self->cohort_overview, "authority",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * pb_window_import_files:
 * @files: (array length=n_files): the files to import, as one batch
 *
 * Imports the files, after any imports already asked for.  Packs an
 * officer sent (.panelpack) among them are opened as packs
 * (pb_window_open_bundles()): the desktop, the command line and a drop
 * all come this way.
 */
void
pb_window_import_files (PbWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();

  g_return_if_fail (PB_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    if (pb_bundle_is_bundle_file (files[i]))
      pb_window_open_bundles (self, &files[i], 1);
    else
      g_ptr_array_add (reports, files[i]);
  if (reports->len > 0)
    pb_import_queue_add (self->imports, (GFile **)reports->pdata, reports->len, NULL);
}

gboolean
pb_window_get_importing (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), FALSE);
  return self->imports != NULL && pb_import_queue_get_importing (self->imports);
}

