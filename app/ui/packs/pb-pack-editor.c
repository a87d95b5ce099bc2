/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-date-row.h"
#include "pb-finding-store.h"
#include "pb-list-tab.h"
#include "pb-pack-editor-private.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-pack-row.h"
#include "pb-report-details.h"
#include "pb-structure-store.h"
#include "pb-toast.h"

/* One briefing pack being put together: its details, the latest grades of
 * what it cites, and its contents in order.  Rows move by drag and drop or
 * Alt+Up/Down, leave with Undo, and the pack goes out as PDF, Word, a web
 * page or a spreadsheet, previewed and printed, all written off the main
 * thread. This file holds the editor together; the details are in
 * pb-pack-editor-details.c, the contents in pb-pack-editor-contents.c, drag
 * and drop in pb-pack-editor-drop.c and exports in pb-pack-editor-export.c. */

G_DEFINE_FINAL_TYPE (PbPackEditor, pb_pack_editor, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void
_pb_pack_editor_show_toast (PbPackEditor *self,
                            AdwToast     *toast)
{
  pb_show_toast (GTK_WIDGET (self), toast);
}

void
_pb_pack_editor_show_error (PbPackEditor *self,
                            const GError *error)
{
  _pb_pack_editor_show_toast (self, adw_toast_new (error->message));
}

PbPack *
_pb_pack_editor_current_pack (PbPackEditor *self)
{
  return self->contents ? pb_pack_contents_get_pack (self->contents) : NULL;
}

static void
contents_changed_cb (PbPackEditor *self)
{
  _pb_pack_editor_fill_header (self);
  _pb_pack_editor_fill_summary (self);
}


static void
load_cohort_colors (PbPackEditor *self)
{
  g_hash_table_unref (self->cohort_colors);
  self->cohort_colors = pb_library_get_cohort_colors (self->library);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PbPackEditor     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !pb_library_delete_pack (self->library, pb_pack_editor_get_pack_id (self), &error))
    _pb_pack_editor_show_error (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (_pb_pack_editor_current_pack (self) == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), pb_pack_get_title (_pb_pack_editor_current_pack (self)));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Its sections, notes and order are lost. The findings stay in the library, "
                                     "and files already exported are not touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

void
pb_pack_editor_set_pack (PbPackEditor *self,
                         PbLibrary    *library,
                         gint64        pack_id)
{
  g_return_if_fail (PB_IS_PACK_EDITOR (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  if (self->contents != NULL && self->library == library && pb_pack_editor_get_pack_id (self) == pack_id)
    return;

  _pb_pack_editor_save_introduction (self);
  g_clear_pointer (&self->last_removal, pb_pack_removal_free);

  if (self->library != library)
    {
      if (self->library != NULL)
        g_signal_handlers_disconnect_by_data (self->library, self);
      g_set_object (&self->library, library);
      g_signal_connect_object (library, "cohorts-changed", G_CALLBACK (load_cohort_colors), self, G_CONNECT_SWAPPED);
      load_cohort_colors (self);
    }

  if (self->contents != NULL)
    g_signal_handlers_disconnect_by_data (self->contents, self);
  g_clear_object (&self->contents);
  self->contents = pb_pack_contents_new (library, pack_id);
  g_signal_connect_object (self->contents, "items-changed", G_CALLBACK (contents_changed_cb), self, G_CONNECT_SWAPPED);
  /* The details follow the pack as the contents read it, never ahead of it. */
  g_signal_connect_object (self->contents, "notify::pack", G_CALLBACK (_pb_pack_editor_fill_details), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->contents_list, G_LIST_MODEL (self->contents), _pb_pack_editor_create_row, self, NULL);

  /* A different pack: its own introduction, not what was being typed. */
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->introduction_view), "", -1);
  self->filling = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  _pb_pack_editor_fill_details (self);
  _pb_pack_editor_fill_summary (self);
}

gint64
pb_pack_editor_get_pack_id (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), 0);
  return _pb_pack_editor_current_pack (self) ? pb_pack_get_id (_pb_pack_editor_current_pack (self)) : 0;
}

/**
 * pb_pack_editor_get_contents:
 *
 * Returns: (transfer none) (nullable): the rows the editor shows
 */
PbPackContents *
pb_pack_editor_get_contents (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);
  return self->contents;
}

GtkListBox *
pb_pack_editor_get_list (PbPackEditor *self)
{
  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), NULL);
  return self->contents_list;
}

void
pb_pack_editor_focus_title (PbPackEditor *self)
{
  g_return_if_fail (PB_IS_PACK_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

GtkWidget *
pb_pack_editor_new (void)
{
  return g_object_new (PB_TYPE_PACK_EDITOR, NULL);
}

static void
pb_pack_editor_dispose (GObject *object)
{
  PbPackEditor *self = (PbPackEditor *)object;

  _pb_pack_editor_save_introduction (self);
  g_cancellable_cancel (self->cancellable);
  _pb_pack_editor_cancel_export (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->contents_list != NULL)
    gtk_list_box_bind_model (self->contents_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->contents);
  g_clear_pointer (&self->last_removal, pb_pack_removal_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PACK_EDITOR);

  G_OBJECT_CLASS (pb_pack_editor_parent_class)->dispose (object);
}

static void
pb_pack_editor_finalize (GObject *object)
{
  PbPackEditor *self = (PbPackEditor *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_hash_table_unref (self->cohort_colors);

  G_OBJECT_CLASS (pb_pack_editor_parent_class)->finalize (object);
}

/* The view follows the focus down the pack, a little beyond what has it.
 * GTK 4.8's viewport does so only while the window is the active one
 * (it asks the focus-within state), which a window under a screen
 * reader's own window, or a test's, is not. */
static void
focus_widget_cb (PbPackEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  const double margin = 12;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  /* Not in a popover on a row, which is a window of its own. */
  if (focus == NULL || content == NULL || !gtk_widget_is_ancestor (focus, content) ||
      gtk_widget_get_native (focus) != GTK_NATIVE (root) ||
      !gtk_widget_compute_bounds (focus, content, &bounds))
    return;
  /* A row taller than the view shows its top. */
  if (bounds.origin.y < value || bounds.size.height + 2 * margin > page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - margin);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + margin - page);
}

static void
pb_pack_editor_root (GtkWidget *widget)
{
  PbPackEditor *self = PB_PACK_EDITOR (widget);

  GTK_WIDGET_CLASS (pb_pack_editor_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget", G_CALLBACK (focus_widget_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pb_pack_editor_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_widget_cb, widget);
  GTK_WIDGET_CLASS (pb_pack_editor_parent_class)->unroot (widget);
}

static void
pb_pack_editor_class_init (PbPackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_pack_editor_dispose;
  object_class->finalize = pb_pack_editor_finalize;
  widget_class->root = pb_pack_editor_root;
  widget_class->unroot = pb_pack_editor_unroot;

  /**
   * PbPackEditor::finding-activated:
   * @finding: the finding chosen in the contents
   *
   * Asks for the finding to be shown in its report.
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/panelbrief/PanelBrief/pb-pack-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "packeditor");

  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_box);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, export_button);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, classification_badge);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, details_grid);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, committee_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, author_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, agenda_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, classification_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, paragraph_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, introduction_view);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, summary_list);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, contents_list);
  gtk_widget_class_bind_template_child (widget_class, PbPackEditor, scroller);
  _pb_pack_editor_class_init_details (widget_class);
  _pb_pack_editor_class_init_contents (widget_class);
  _pb_pack_editor_class_init_export (widget_class);
  _pb_pack_editor_class_init_bundle (widget_class);
  gtk_widget_class_install_action (widget_class, "pack.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "pack.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "pack.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pack.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pack.preview", NULL);
}

static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PbPackEditor          *self)
{
  /* Delete removes rows only from the list: in a text field it deletes text. */
  if (keyval == GDK_KEY_Delete && (state & GDK_MODIFIER_MASK) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "pack.remove", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
pb_pack_editor_init (PbPackEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_grid_attach (self->details_grid, pb_date_row_new_calendar_button (GTK_EDITABLE (self->date_entry)), 2, 2, 1, 1);
  /* The classification's list, which its group leaves unnamed ("GtkListBox"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->classification_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Classification"), -1);

  /* Tab goes through the editor in the order it shows: the details, the
   * classification (a stop for each of its rows), the latest grades (one
   * stop), Add, then the contents (one stop, the arrow keys within it, and
   * the Remove button of the row the keyboard is on). */
  pb_list_box_set_tab_stops (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->classification_row))), TRUE);
  pb_list_box_set_tab_stops (self->summary_list, FALSE);
  pb_list_box_set_tab_stops (self->contents_list, FALSE);

  self->cohort_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();

  _pb_pack_editor_init_details (self);
  _pb_pack_editor_init_drop (self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->contents_list), keys);

  _pb_pack_editor_set_busy (self, NULL);
}
