/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-preview-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-document-view.h"
#include "pb-preview-window.h"
#include "pb-print.h"

/* An exported pack shown with the reader's page view before it goes out,
 * with Print at hand.  A preview of a pack not yet saved anywhere lives in
 * a private temporary file that goes when the window does. */

struct _PbPreviewWindow
{
  AdwWindow        parent_instance;

  char            *path;
  gboolean         delete_on_close;
  GCancellable    *cancellable;
  PbDocument      *document;

  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  PbDocumentView  *view;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (PbPreviewWindow, pb_preview_window, ADW_TYPE_WINDOW)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(PbPreviewWindow) self = data;
  g_autoptr(PbDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!(document = pb_document_open_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      self->document = g_steal_pointer (&document);
      pb_document_view_set_document (self->view, self->document);
      pb_document_view_set_sizing (self->view, PB_SIZING_FIT_WIDTH);
      gtk_stack_set_visible_child_name (self->stack, "document");
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
  g_signal_emit (self, signals [LOADED], 0);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PbPreviewWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      AdwMessageDialog *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Printing Failed"),
                                                           error ? error->message : NULL));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PbPreviewWindow *self = PB_PREVIEW_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(operation = pb_print_operation_new_for_pdf (self->path, adw_window_title_get_title (self->window_title), &error)))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbPreviewWindow *self = PB_PREVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    pb_document_view_zoom_in (self->view);
  else
    pb_document_view_zoom_out (self->view);
}

static void
pb_preview_window_dispose (GObject *object)
{
  PbPreviewWindow *self = (PbPreviewWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->view != NULL)
    pb_document_view_set_document (self->view, NULL);
  g_clear_object (&self->document);

  /* Not left behind in the temporary folder: it may be exempt. */
  if (self->delete_on_close && self->path != NULL)
    g_unlink (self->path);
  g_clear_pointer (&self->path, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PREVIEW_WINDOW);

  G_OBJECT_CLASS (pb_preview_window_parent_class)->dispose (object);
}

static void
pb_preview_window_class_init (PbPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_preview_window_dispose;

  /**
   * PbPreviewWindow::loaded:
   *
   * The file has been opened and shown, or its error is shown.
   */
  signals [LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PB_TYPE_DOCUMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/panelbrief/PanelBrief/pb-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PbPreviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PbPreviewWindow, view);
  gtk_widget_class_bind_template_child (widget_class, PbPreviewWindow, error_page);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_preview_window_init (PbPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * pb_preview_window_new:
 * @delete_on_close: remove the file at @path when the window goes
 */
GtkWidget *
pb_preview_window_new (GtkWindow  *parent,
                       const char *path,
                       const char *title,
                       gboolean    delete_on_close)
{
  PbPreviewWindow *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PB_TYPE_PREVIEW_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->path = g_strdup (path);
  self->delete_on_close = delete_on_close;
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, _("Preview"));

  pb_document_open_async (path, NULL, self->cancellable, opened_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

const char *
pb_preview_window_get_path (PbPreviewWindow *self)
{
  g_return_val_if_fail (PB_IS_PREVIEW_WINDOW (self), NULL);
  return self->path;
}

guint
pb_preview_window_get_n_pages (PbPreviewWindow *self)
{
  g_return_val_if_fail (PB_IS_PREVIEW_WINDOW (self), 0);
  return self->document ? pb_document_get_n_pages (self->document) : 0;
}
