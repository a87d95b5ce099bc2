/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-application-private.h"
#include "pb-demo.h"
#include "pb-accessible-names.h"
#include "pb-import.h"
#include "pb-key-labels.h"
#include "pb-window.h"

G_DEFINE_FINAL_TYPE (PbApplication, pb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the library in DIR"), N_("DIR") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a throwaway library with a sample report"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static gboolean
remove_tree (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);

  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, cancellable, NULL) && child)
        remove_tree (child, cancellable, NULL);
    }

  return g_file_delete (file, cancellable, error);
}

/* Opens the library (once its folder is known, the same folder every time:
 * a restore closes it and opens it again). On failure the user is told, and
 * offered a backup to restore when there is one. */
gboolean
_pb_application_open_library (PbApplication *self)
{
  g_autoptr(GError) error = NULL;
  gint64 pack;

  if (self->library != NULL)
    return TRUE;

  if (self->library_path == NULL && self->demo)
    {
      if (!(self->demo_dir = g_dir_make_tmp ("panel-brief-demo-XXXXXX", &error)))
        goto failed;
      self->library_path = g_build_filename (self->demo_dir, "library", NULL);

      /* Three small sample documents: quick enough to import before the window. */
      if (!(self->library = pb_library_open (self->library_path, &error)) ||
          !pb_demo_populate (self->library, self->demo_dir, &error) ||
          !(pack = pb_demo_add_pack (self->library, &error)) ||
          !pb_demo_add_tracker (self->library, pack, &error))
        goto failed;
    }
  else
    {
      if (self->library_path == NULL)
        self->library_path = pb_library_resolve_path (self->library_dir);
      if (!(self->library = pb_library_open (self->library_path, &error)))
        goto failed;
    }

  if (!pb_library_is_read_only (self->library))
    pb_import_clean_leftovers (self->library);
  _pb_application_library_opened (self);
  return TRUE;

failed:
  g_clear_object (&self->library);
  _pb_application_library_failed (self, error);
  return FALSE;
}

static PbWindow *
ensure_window (PbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PB_IS_WINDOW (window))
    return PB_WINDOW (window);

  window = GTK_WINDOW (pb_window_new (self, self->library));
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL)
    pb_key_labels_watch (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));

  /* The demo shows what findings look like from the start. */
  if (self->demo)
    g_object_set (window, "show-findings", TRUE, NULL);


  return PB_WINDOW (window);
}

static gint
pb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PbApplication *self = PB_APPLICATION (app);
  const char *library_dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  self->demo = g_variant_dict_contains (options, "demo");
  if (g_variant_dict_lookup (options, "library", "^&ay", &library_dir))
    self->library_dir = g_strdup (library_dir);

  /* Another library, or a throwaway one, gets a window of its own rather than
   * being handed to a Panel Brief that is already running on the usual one. */
  if (self->demo || self->library_dir != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

/* Shows the window on the library, and once it is up, takes the day's
 * backup in the background. */
void
_pb_application_present (PbApplication *self)
{
  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

static void
pb_application_activate (GApplication *app)
{
  PbApplication *self = PB_APPLICATION (app);

  if (!_pb_application_open_library (self))
    return;

  _pb_application_present (self);
}

static void
pb_application_open (GApplication  *app,
                     GFile        **files,
                     gint           n_files,
                     const char    *hint)
{
  PbApplication *self = PB_APPLICATION (app);
  PbWindow *window;

  if (!_pb_application_open_library (self))
    return;

  window = ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));
  pb_window_import_files (window, files, (guint)n_files);
}

static void
pb_application_startup (GApplication *app)
{
  PbApplication *self = PB_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (pb_application_parent_class)->startup (app);

  /* Run from the build tree without its schema, the app still works; it just
   * does not remember its window size. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The settings schema %s is not installed; window state will not be saved", APP_ID);

  gtk_window_set_default_icon_name (APP_ID);
  pb_accessible_names_install ();
  pb_application_watch_second_backup_folder (self);
}

static void
pb_application_shutdown (GApplication *app)
{
  PbApplication *self = PB_APPLICATION (app);

  G_APPLICATION_CLASS (pb_application_parent_class)->shutdown (app);

  g_clear_object (&self->library);

  if (self->demo_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (self->demo_dir);
      remove_tree (dir, NULL, NULL);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PbApplication *self = user_data;
  static const char *developers[] = { "The Panel Brief developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Panel Brief"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Panel Brief developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Read inspection reports, mark findings for each "
                                       "cohort of children, and brief the corporate "
                                       "parenting panel"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window, rather than quitting outright, lets it save its state. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
pb_application_finalize (GObject *object)
{
  PbApplication *self = (PbApplication *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->library_dir, g_free);
  g_clear_pointer (&self->library_path, g_free);
  g_clear_pointer (&self->pending_archive, g_free);
  g_clear_pointer (&self->demo_dir, g_free);

  G_OBJECT_CLASS (pb_application_parent_class)->finalize (object);
}

static void
pb_application_class_init (PbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pb_application_finalize;

  app_class->handle_local_options = pb_application_handle_local_options;
  app_class->startup = pb_application_startup;
  app_class->activate = pb_application_activate;
  app_class->open = pb_application_open;
  app_class->shutdown = pb_application_shutdown;
}

static void
pb_application_init (PbApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open the window, importing any PDF files named and opening any packs (.panelpack). "
                                              "Run “panel-brief help” for the commands."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  _pb_application_add_library_actions (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

PbApplication *
pb_application_new (void)
{
  return g_object_new (PB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

PbLibrary *
pb_application_get_library (PbApplication *self)
{
  g_return_val_if_fail (PB_IS_APPLICATION (self), NULL);
  return self->library;
}

GSettings *
pb_application_get_settings (PbApplication *self)
{
  g_return_val_if_fail (PB_IS_APPLICATION (self), NULL);
  return self->settings;
}
