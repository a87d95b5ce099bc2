/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-cohort-row.h"
#include "pb-identity.h"
#include "pb-pack-walk.h"
#include "pb-preferences-window.h"

/* The few things worth choosing: who signs new packs and which council they
 * are for (its name and logo), where the library is (shown, not changed:
 * --library chooses another), a second folder for backups, and the cohorts
 * findings are tagged with.  The reader's memory for pages is a setting for
 * developers (page-cache-size), kept out of sight. */

struct _PbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  PbLibrary            *library;
  GSettings            *settings;
  GPtrArray            *cohort_rows;

  AdwEntryRow          *author_row;
  AdwEntryRow          *council_name_row;
  AdwActionRow         *council_logo_row;
  GtkImage             *council_logo_image;
  AdwActionRow         *library_row;
  AdwActionRow         *second_backup_row;
  AdwPreferencesGroup  *cohorts_group;
  AdwEntryRow          *new_cohort_row;
};

G_DEFINE_FINAL_TYPE (PbPreferencesWindow, pb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Colours for new cohorts, from the GNOME palette, in turn. */
static const char * const palette[] = {
  "#c061cb", "#e5a50a", "#1c71d8", "#26a269", "#c01c28", "#865e3c", "#63452c", "#613583",
};

static void load_cohorts (PbPreferencesWindow *self);

static void
show_second_backup_folder (PbPreferencesWindow *self)
{
  g_autofree char *folder = self->settings ? g_settings_get_string (self->settings, "second-backup-folder")
                                           : g_strdup ("");
  g_autofree char *display = *folder ? g_filename_display_name (folder) : NULL;

  adw_action_row_set_subtitle (self->second_backup_row,
                               display ? display : _("None: backups stay in the library folder only"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-second-backup-folder", *folder != '\0');
}

static void
second_backup_chosen_cb (PbPreferencesWindow  *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->settings != NULL &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *path = g_file_get_path (folder);

      g_settings_set_string (self->settings, "second-backup-folder", path ? path : "");
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
choose_second_backup_folder_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Second Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (second_backup_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_second_backup_folder_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (widget);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "second-backup-folder", "");
}

static void
show_council_logo (PbPreferencesWindow *self)
{
  g_autoptr(GFile) logo = pb_identity_dup_council_logo (self->settings);
  g_autofree char *name = logo ? g_file_get_basename (logo) : NULL;
  g_autofree char *display = name ? g_filename_display_name (name) : NULL;

  adw_action_row_set_subtitle (self->council_logo_row, display ? display : _("None"));
  if (logo != NULL)
    gtk_image_set_from_file (self->council_logo_image, g_file_peek_path (logo));
  else
    gtk_image_set_from_icon_name (self->council_logo_image, "image-x-generic-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-council-logo", logo != NULL);
}

/* A logo the exports would refuse is refused here, with their words and
 * what to do, rather than at every export after a file name is chosen. */
static void
refuse_council_logo (PbPreferencesWindow *self,
                     const GError        *error)
{
  g_autoptr(GFile) kept = pb_identity_dup_council_logo (self->settings);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Logo Not Used"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  kept != NULL
                                  ? _("Packs keep the logo chosen before. Open the logo in an image editor, "
                                      "save it again as a PNG file, and choose that copy.")
                                  : _("Packs are exported without a logo. Open the logo in an image editor, "
                                      "save it again as a PNG file, and choose that copy."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pb_preferences_window_use_council_logo:
 * @file: the file chosen as the council's logo
 *
 * Keeps @file as the council's logo when the exports can print it
 * (pb_pack_check_logo()); otherwise keeps the logo there was and says,
 * in a dialog, what is wrong with @file and what to do.  The file
 * chooser calls this; so can a test.
 *
 * Returns: %TRUE when @file is now the logo
 */
gboolean
pb_preferences_window_use_council_logo (PbPreferencesWindow *self,
                                        GFile               *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The logo must be a file on this computer."));
  else
    pb_pack_check_logo (path, &error);
  if (error != NULL)
    {
      refuse_council_logo (self, error);
      return FALSE;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "council-logo", path);
  return TRUE;
}

static void
council_logo_chosen_cb (PbPreferencesWindow  *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    pb_preferences_window_use_council_logo (self, file);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
choose_council_logo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  /* PNG only: what a pack's cover can carry (pb-pack-walk.c reads it). */
  gtk_file_filter_set_name (images, _("PNG images"));
  gtk_file_filter_add_mime_type (images, "image/png");
  chooser = gtk_file_chooser_native_new (_("Council Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (council_logo_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_council_logo_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (widget);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "council-logo", "");
}

static void
report_error (PbPreferencesWindow *self,
              const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
rename_cb (PbCohortRow         *row,
           PbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_update_cohort (self->library, pb_cohort_get_slug (pb_cohort_row_get_cohort (row)),
                                 gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error))
    report_error (self, error);
}

static void
color_chosen_cb (PbCohortRow         *row,
                 const char          *color,
                 PbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_update_cohort (self->library, pb_cohort_get_slug (pb_cohort_row_get_cohort (row)),
                                 NULL, color, &error))
    report_error (self, error);
}

static void
remove_cohort (PbPreferencesWindow *self,
               const char          *slug,
               gboolean             in_use)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_remove_cohort (self->library, slug, in_use, &error))
    report_error (self, error);
  else
    load_cohorts (self);
}

/* Which cohort the dialog asks about, for when it is answered. */
typedef struct
{
  GWeakRef  window;
  char     *slug;
} RemoveRequest;

static void
remove_request_free (gpointer  data,
                     GClosure *closure)
{
  RemoveRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request->slug);
  g_free (request);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RemoveRequest    *request)
{
  g_autoptr(PbPreferencesWindow) self = g_weak_ref_get (&request->window);

  if (self != NULL && g_strcmp0 (response, "remove") == 0)
    remove_cohort (self, request->slug, TRUE);
}

static PbCohort *
shown_cohort (PbPreferencesWindow *self,
              const char          *slug)
{
  for (guint i = 0; i < self->cohort_rows->len; i++)
    {
      PbCohort *cohort = pb_cohort_row_get_cohort (g_ptr_array_index (self->cohort_rows, i));

      if (g_str_equal (pb_cohort_get_slug (cohort), slug))
        return cohort;
    }
  return NULL;
}

/* A row's remove button: the target is the cohort's slug. */
static void
remove_cohort_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (widget);
  const char *slug = g_variant_get_string (parameter, NULL);
  PbCohort *cohort = shown_cohort (self, slug);
  guint in_use;
  RemoveRequest *request;
  GtkWidget *dialog;

  if (cohort == NULL)
    return;

  if ((in_use = pb_library_count_cohort_findings (self->library, slug)) == 0)
    {
      remove_cohort (self, slug, FALSE);
      return;
    }

  /* In use: ask first, saying what happens to the findings. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Cohort?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u finding is tagged with “%s”. It keeps its "
                                               "other cohorts and loses this one.",
                                               "%u findings are tagged with “%s”. They keep "
                                               "their other cohorts and lose this one.",
                                               in_use),
                                  in_use, pb_cohort_get_name (cohort));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new0 (RemoveRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->slug = g_strdup (slug);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), request, remove_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_cohorts (PbPreferencesWindow *self)
{
  g_autoptr(GPtrArray) cohorts = NULL;

  for (guint i = 0; i < self->cohort_rows->len; i++)
    adw_preferences_group_remove (self->cohorts_group, g_ptr_array_index (self->cohort_rows, i));
  g_ptr_array_set_size (self->cohort_rows, 0);

  if (self->library == NULL || !(cohorts = pb_library_list_cohorts (self->library, NULL)))
    return;

  for (guint i = 0; i < cohorts->len; i++)
    {
      GtkWidget *row = pb_cohort_row_new (g_ptr_array_index (cohorts, i));

      g_signal_connect (row, "apply", G_CALLBACK (rename_cb), self);
      g_signal_connect (row, "color-chosen", G_CALLBACK (color_chosen_cb), self);
      adw_preferences_group_add (self->cohorts_group, row);
      g_ptr_array_add (self->cohort_rows, row);
    }
}

static void
add_cohort_cb (PbPreferencesWindow *self)
{
  g_autoptr(GPtrArray) existing = pb_library_list_cohorts (self->library, NULL);
  g_autoptr(PbCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;
  const char *color = palette[(existing ? existing->len : 0) % G_N_ELEMENTS (palette)];

  cohort = pb_library_add_cohort (self->library, gtk_editable_get_text (GTK_EDITABLE (self->new_cohort_row)),
                                  color, &error);
  if (cohort == NULL)
    {
      report_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_cohort_row), "");
  load_cohorts (self);
}

static void
pb_preferences_window_dispose (GObject *object)
{
  PbPreferencesWindow *self = PB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->cohort_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), PB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (pb_preferences_window_parent_class)->dispose (object);
}

static void
pb_preferences_window_class_init (PbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, council_name_row);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, council_logo_row);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, council_logo_image);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, second_backup_row);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, cohorts_group);
  gtk_widget_class_bind_template_child (widget_class, PbPreferencesWindow, new_cohort_row);
  gtk_widget_class_bind_template_callback (widget_class, add_cohort_cb);

  gtk_widget_class_install_action (widget_class, "prefs.remove-cohort", "s", remove_cohort_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-second-backup-folder", NULL,
                                   choose_second_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-second-backup-folder", NULL,
                                   clear_second_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-council-logo", NULL,
                                   choose_council_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-council-logo", NULL,
                                   clear_council_logo_action);
}

static void
pb_preferences_window_init (PbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cohort_rows = g_ptr_array_new ();
}

/**
 * pb_preferences_window_new:
 * @settings: (nullable): the app's settings; without them (the schema is not
 *   installed) the council's details are shown but not kept
 */
PbPreferencesWindow *
pb_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           PbLibrary  *library)
{
  PbPreferencesWindow *self;

  self = g_object_new (PB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  if (settings != NULL)
    {
      g_settings_bind (settings, "default-author", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "council-name", self->council_name_row, "text", G_SETTINGS_BIND_DEFAULT);
    }

  self->library = library ? g_object_ref (library) : NULL;
  adw_action_row_set_subtitle (self->library_row, library ? pb_library_get_path (library) : "");

  self->settings = settings ? g_object_ref (settings) : NULL;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::second-backup-folder",
                             G_CALLBACK (show_second_backup_folder), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::council-logo",
                             G_CALLBACK (show_council_logo), self, G_CONNECT_SWAPPED);
  show_second_backup_folder (self);
  show_council_logo (self);
  load_cohorts (self);

  return self;
}

guint
pb_preferences_window_get_n_cohort_rows (PbPreferencesWindow *self)
{
  g_return_val_if_fail (PB_IS_PREFERENCES_WINDOW (self), 0);
  return self->cohort_rows->len;
}
