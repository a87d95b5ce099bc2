/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-pack.h"
#include "pb-report-list.h"
#include "pb-window-private.h"

/* The window's side of the packs officers send: Open Pack… and packs
 * opened from the desktop or the command line, the list of reports read
 * again once a pack has brought its reports (opened on another connection,
 * no signal tells the window), the packs shown, and a member whose library
 * holds nothing of their own taken straight to them with a word on how
 * packs work. */

/* Whether the library holds any report the member imported, rather than
 * one a pack brought. */
static gboolean
has_own_reports (PbWindow *self)
{
  GListModel *reports = pb_window_get_reports (self);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PbReport) report = g_list_model_get_item (reports, i);
      g_autofree char *origin = pb_library_dup_report_origin (self->library, pb_report_get_sha256 (report));

      if (origin == NULL)
        return TRUE;
    }
  return FALSE;
}

static void
reload_reports (PbWindow *self)
{
  PbReport *selected = pb_window_get_selected_report (self);
  gint64 keep = selected ? pb_report_get_id (selected) : 0;
  g_autoptr(GError) error = NULL;

  if (!pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (self)), &error))
    _pb_window_toast (self, error->message);
  else if (keep > 0)
    pb_window_select_report (self, keep);
}

static void
packs_changed_cb (PbWindow *self)
{
  pb_library_sidebar_set_n_packs (self->sidebar,
                                  g_list_model_get_n_items (pb_bundle_view_get_packs (self->bundle_view)));
}

static void
bundle_opened_cb (PbWindow       *self,
                  gint64          bundle_id,
                  int             status,
                  const char     *message,
                  PbBundleOpener *opener)
{
  reload_reports (self);
  pb_bundle_view_reload (self->bundle_view);
  pb_bundle_view_show_pack (self->bundle_view, bundle_id);
  pb_bundle_view_set_show_intro (self->bundle_view, !has_own_reports (self));
  pb_window_set_mode (self, PB_WINDOW_MODE_BUNDLES);
  _pb_window_update_content (self);
}

/**
 * pb_window_get_bundle_opener:
 *
 * Returns: (transfer none): what opens the bundles given to the window,
 *   one after another
 */
PbBundleOpener *
pb_window_get_bundle_opener (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);

  if (self->bundle_opener == NULL)
    {
      self->bundle_opener = pb_bundle_opener_new (self->library, GTK_WIDGET (self));
      g_signal_connect_object (self->bundle_opener, "opened", G_CALLBACK (bundle_opened_cb), self,
                               G_CONNECT_SWAPPED);
    }
  return self->bundle_opener;
}

/**
 * pb_window_get_bundle_view:
 *
 * Returns: (transfer none): the packs from officers
 */
PbBundleView *
pb_window_get_bundle_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->bundle_view;
}

/**
 * pb_window_open_bundles:
 * @files: (array length=n_files): pack bundles (.panelpack)
 *
 * Opens each bundle into the library, asking for the passphrase of an
 * encrypted one, and shows the last pack opened.
 */
void
pb_window_open_bundles (PbWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  PbBundleOpener *opener;

  g_return_if_fail (PB_IS_WINDOW (self));

  opener = pb_window_get_bundle_opener (self);
  for (guint i = 0; i < n_files; i++)
    pb_bundle_opener_open (opener, files[i]);
}

static void
open_response_cb (PbWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser))))
    for (guint i = 0; i < g_list_model_get_n_items (files); i++)
      {
        g_autoptr(GFile) file = g_list_model_get_item (files, i);

        pb_window_open_bundles (self, &file, 1);
      }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
open_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbWindow *self = PB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Pack"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Panel Brief packs"));
  gtk_file_filter_add_mime_type (filter, PB_BUNDLE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, PB_BUNDLE_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bundle_shown_cb (PbWindow *self)
{
  if (self->mode == PB_WINDOW_MODE_BUNDLES)
    _pb_window_update_content (self);
}

/* As the window opens: an empty library shows its first run, and a member
 * with packs and nothing of their own is taken to the packs, with how they
 * work. */
void
_pb_window_bundles_started (PbWindow *self)
{
  GListModel *packs = pb_bundle_view_get_packs (self->bundle_view);

  g_signal_connect_object (self->bundle_view, "notify::pack-id", G_CALLBACK (bundle_shown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (packs, "items-changed", G_CALLBACK (packs_changed_cb), self, G_CONNECT_SWAPPED);
  packs_changed_cb (self);

  /* An empty library's first run is in the content pane, which a narrow
   * (folded) window shows only when taken there: a councillor on a small
   * screen would otherwise meet an empty list. */
  if (g_list_model_get_n_items (pb_window_get_reports (self)) == 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (g_list_model_get_n_items (packs) == 0 || has_own_reports (self))
    return;

  pb_bundle_view_set_show_intro (self->bundle_view, TRUE);
  if (pb_window_get_selected_report (self) == NULL)
    pb_window_set_mode (self, PB_WINDOW_MODE_BUNDLES);
}

void
_pb_window_class_init_bundles (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-bundle", NULL, open_bundle_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-bundles", "show-bundles");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-bundles", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-bundle", NULL);
}
