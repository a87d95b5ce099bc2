/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-password-dialog.h"
#include "pb-reader-private.h"
#include "pb-view-state-store.h"

/* A report open for reading: the page view, its find bar, and what happens
 * while the PDF opens or when it cannot (a password, a damaged file).
 *
 * Where each report was left is kept in the library. It is read when the
 * report opens and written only when the reader moves it somewhere else
 * (a moment after the moving stops) and when the report is left: laying
 * the pages out again, as a window is resized, writes nothing. The findings
 * half of the reader is in pb-reader-findings.c. */

#define SAVE_DELAY_MS 800

G_DEFINE_FINAL_TYPE (PbReader, pb_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LOADED,
  PROP_FINDING,
  PROP_SHOW_FINDINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void open_document (PbReader *self);

/* Passwords are wiped from memory, not just freed. */
static void
forget_password (gpointer data)
{
  char *password = data;

  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

static PbViewModel *
model (PbReader *self)
{
  return pb_document_view_get_model (self->view);
}

/**
 * pb_reader_save_state:
 *
 * Writes where the report is left to the library now, as leaving it does.
 */
void
pb_reader_save_state (PbReader *self)
{
  PbViewState state = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PB_IS_READER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->library == NULL || self->report == NULL || self->document == NULL)
    return;

  pb_view_model_get_state (model (self), &state);
  if (!pb_library_save_view_state (self->library, pb_report_get_id (self->report), &state, &error))
    {
      g_debug ("Could not remember the reading position: %s", error->message);
      return;
    }

  self->saved = state;
}

static void
save_soon_cb (gpointer data)
{
  PbReader *self = data;

  self->save_source = 0;
  pb_reader_save_state (self);
}

/* The model changed: worth a save only if the user moved the report
 * somewhere the library does not have it. The view laying pages out again
 * (a zoom that fits the window's new size, the page a third of the way down
 * at that size) is no move of the user's. */
static void
model_changed_cb (PbReader *self)
{
  PbViewState state;

  if (self->document == NULL || pb_document_view_get_laying_out (self->view))
    return;

  pb_view_model_get_state (model (self), &state);
  if (pb_view_state_equal (&state, &self->saved))
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_once (SAVE_DELAY_MS, save_soon_cb, self);
}

static void
finding_changed_cb (PbReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

/* Opening */

static void
password_entered_cb (PbReader         *self,
                     const char       *password,
                     PbPasswordDialog *dialog)
{
  if (password == NULL)
    return;

  forget_password (self->password);
  self->password = g_strdup (password);
  open_document (self);
}

static void
password_dialog_gone_cb (PbReader *self)
{
  self->password_dialog = NULL;
}

static void
ask_password_cb (PbReader *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PbPasswordDialog *dialog;

  if (self->report == NULL)
    return;

  /* One dialog at a time: asked again, the one up says the password was
   * wrong. */
  if (self->password_dialog != NULL)
    {
      pb_password_dialog_set_retry (self->password_dialog, self->password != NULL);
      gtk_window_present (GTK_WINDOW (self->password_dialog));
      return;
    }

  path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));
  file = g_file_new_for_path (path);
  dialog = pb_password_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file,
                                   self->password != NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is protected by a password. Enter it to read the "
                                    "report; the password is not stored."),
                                  pb_report_get_title (self->report));
  g_signal_connect_object (dialog, "password-entered", G_CALLBACK (password_entered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (password_dialog_gone_cb),
                           self, G_CONNECT_SWAPPED);
  self->password_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (PbReader     *self,
            const GError *error)
{
  gboolean locked = g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
                    g_error_matches (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD);

  gtk_spinner_stop (self->spinner);
  adw_status_page_set_icon_name (self->error_page, locked ? "dialog-password-symbolic"
                                                          : "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, locked ? _("Password Required")
                                                      : _("The Report Cannot Be Shown"));
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->password_button, locked);
  gtk_stack_set_visible_child_name (self->stack, "error");

  if (locked)
    ask_password_cb (self);
}

/* Back where the report was left, or at the top fitting the width. */
static void
restore_state (PbReader *self)
{
  PbViewState state;

  if (pb_library_get_view_state (self->library, pb_report_get_id (self->report), &state))
    pb_view_model_set_state (model (self), &state);
  else
    pb_view_model_set_sizing (model (self), PB_SIZING_FIT_WIDTH);

  /* As the library has it (or, never read, as good as): being here again is
   * no reason to write. */
  pb_view_model_get_state (model (self), &self->saved);
}

static void
document_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbReader) self = user_data;
  g_autoptr(PbDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = pb_document_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      show_error (self, error);
      return;
    }

  /* The reader has the document once the view shows it where it was left:
   * until then, the view moving is the reader's own doing, not the user's. */
  pb_document_view_set_document (self->view, document);
  restore_state (self);
  g_set_object (&self->document, document);
  _pb_reader_load_findings (self);

  if (self->pending_show != NULL)
    {
      g_autoptr(PbFinding) finding = g_steal_pointer (&self->pending_show);
      pb_document_view_show_finding (self->view, finding);
    }

  if (self->pending_page > 0)
    {
      pb_document_view_set_page (self->view, self->pending_page - 1);
      self->pending_page = 0;
    }

  _pb_reader_offer_suggestions (self);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);
      pb_reader_find (self, text, self->pending_find_page);
    }
}

static void
open_document (PbReader *self)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (self->report == NULL)
    return;

  self->open_cancellable = g_cancellable_new ();
  path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  pb_document_open_async (path, self->password, self->open_cancellable, document_opened_cb,
                          g_object_ref (self));
}

static void
close_document (PbReader *self)
{
  pb_reader_save_state (self);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->pending_find, g_free);
  g_clear_pointer (&self->password, forget_password);
  _pb_reader_cancel_suggestions (self);

  /* The document goes first: the view reports its page as it lets go of it,
   * and that must not schedule another save. */
  g_clear_object (&self->document);
  if (self->view != NULL)
    pb_document_view_set_document (self->view, NULL);
  _pb_reader_clear_findings (self);
  self->pending_page = 0;
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->find_bar != NULL)
    pb_find_bar_clear (self->find_bar);
}

static void
pb_reader_dispose (GObject *object)
{
  PbReader *self = (PbReader *)object;

  close_document (self);
  g_clear_object (&self->report);
  g_clear_object (&self->library);

  g_clear_object (&self->base_menu);
  if (self->password_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->password_dialog));   /* clears it */
  g_clear_pointer (&self->selection_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_READER);

  G_OBJECT_CLASS (pb_reader_parent_class)->dispose (object);
}

static void
pb_reader_finalize (GObject *object)
{
  PbReader *self = (PbReader *)object;

  g_clear_pointer (&self->passwords, g_hash_table_unref);
  g_clear_pointer (&self->suggested, g_hash_table_unref);

  G_OBJECT_CLASS (pb_reader_parent_class)->finalize (object);
}

static void
pb_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbReader *self = PB_READER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, pb_reader_get_loaded (self));
      break;

    case PROP_FINDING:
      g_value_set_boolean (value, pb_reader_get_finding (self));
      break;

    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flap_revealed_cb (PbReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_FINDINGS]);
}

static void
pb_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PbReader *self = PB_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_FINDINGS:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The reader lays out its one child, and presents its popovers, which a
 * layout manager would not do. */
static void
pb_reader_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  gtk_widget_measure (PB_READER (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
pb_reader_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  PbReader *self = PB_READER (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->selection_popover));
  gtk_popover_present (GTK_POPOVER (self->context_popover));
}

static void
pb_reader_class_init (PbReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_reader_dispose;
  object_class->finalize = pb_reader_finalize;
  object_class->get_property = pb_reader_get_property;
  object_class->set_property = pb_reader_set_property;

  widget_class->measure = pb_reader_measure;
  widget_class->size_allocate = pb_reader_size_allocate;

  properties [PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINDING] =
    g_param_spec_boolean ("finding", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_DOCUMENT_VIEW);
  g_type_ensure (PB_TYPE_TEXT_VIEW);
  g_type_ensure (PB_TYPE_FIND_BAR);
  g_type_ensure (PB_TYPE_FINDINGS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReader, box);
  gtk_widget_class_bind_template_child (widget_class, PbReader, flap);
  gtk_widget_class_bind_template_child (widget_class, PbReader, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, PbReader, selection_popover);
  gtk_widget_class_bind_template_child (widget_class, PbReader, context_popover);
  gtk_widget_class_bind_template_child (widget_class, PbReader, find_bar);
  gtk_widget_class_bind_template_child (widget_class, PbReader, stack);
  gtk_widget_class_bind_template_child (widget_class, PbReader, spinner);
  gtk_widget_class_bind_template_child (widget_class, PbReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbReader, view);
  gtk_widget_class_bind_template_child (widget_class, PbReader, error_page);
  gtk_widget_class_bind_template_child (widget_class, PbReader, password_button);
  gtk_widget_class_bind_template_child (widget_class, PbReader, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, PbReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, PbReader, page_toggle);
  gtk_widget_class_bind_template_child (widget_class, PbReader, text_toggle);
  gtk_widget_class_bind_template_callback (widget_class, ask_password_cb);
  _pb_reader_class_init_findings (widget_class);
  _pb_reader_class_init_modes (widget_class);

  gtk_widget_class_install_property_action (widget_class, "reader.show-findings", "show-findings");

  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
pb_reader_init (PbReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->passwords = g_hash_table_new_full (NULL, NULL, NULL, forget_password);
  self->pending_find_page = -1;

  /* Template objects outside the widget tree: popovers hang from the reader. */
  gtk_widget_set_parent (self->selection_popover, GTK_WIDGET (self));
  gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);

  pb_find_bar_set_view (self->find_bar, self->view);
  g_signal_connect_object (self->find_bar, "notify::finding",
                           G_CALLBACK (finding_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (model (self), "notify::page", G_CALLBACK (model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model (self), "notify::zoom", G_CALLBACK (model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model (self), "notify::sizing", G_CALLBACK (model_changed_cb),
                           self, G_CONNECT_SWAPPED);

  _pb_reader_init_findings (self);
  _pb_reader_init_modes (self);
}

GtkWidget *
pb_reader_new (void)
{
  return g_object_new (PB_TYPE_READER, NULL);
}

/**
 * pb_reader_open:
 * @library: (nullable): the library @report is in
 * @report: (nullable): the report to read, or %NULL to close
 *
 * Opens @report where it was left, with the password given for it earlier
 * in this session if there was one (see pb_reader_remember_password()).
 */
void
pb_reader_open (PbReader  *self,
                PbLibrary *library,
                PbReport  *report)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (!report || PB_IS_LIBRARY (library));

  if (self->report != NULL && report != NULL &&
      pb_report_get_id (self->report) == pb_report_get_id (report))
    return;

  close_document (self);
  /* A finding waiting for the last report's text is not made in this one. */
  self->text_finding_pending = FALSE;
  g_set_object (&self->library, library);
  g_set_object (&self->report, report);
  if (report != NULL)
    self->password = g_strdup (g_hash_table_lookup (self->passwords,
                                                    GSIZE_TO_POINTER ((gsize)pb_report_get_id (report))));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  open_document (self);
}

/**
 * pb_reader_remember_password:
 * @report_id: a report in the library
 * @password: the password that opens it
 *
 * Keeps @password in memory, never in the library, to open @report_id
 * without asking until the reader goes (a password typed to import a report
 * also opens it for reading).
 */
void
pb_reader_remember_password (PbReader   *self,
                             gint64      report_id,
                             const char *password)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (password != NULL);

  g_hash_table_replace (self->passwords, GSIZE_TO_POINTER ((gsize)report_id), g_strdup (password));
}

/**
 * pb_reader_get_save_pending:
 *
 * Returns: whether the user has moved the report and the move waits a
 *   moment (for the moving to stop) before it is written to the library
 */
gboolean
pb_reader_get_save_pending (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->save_source != 0;
}

/**
 * pb_reader_get_report:
 *
 * Returns: (transfer none) (nullable): the report open, or opening
 */
PbReport *
pb_reader_get_report (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->report;
}

/**
 * pb_reader_get_loaded:
 *
 * Returns: whether the report's pages are shown
 */
gboolean
pb_reader_get_loaded (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->document != NULL;
}

/**
 * pb_reader_get_view:
 *
 * Returns: (transfer none): the page view
 */
PbDocumentView *
pb_reader_get_view (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->view;
}

/**
 * pb_reader_get_model:
 *
 * Returns: (transfer none): the page, zoom and sizing of the report read,
 *   for controls to follow and change
 */
PbViewModel *
pb_reader_get_model (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return model (self);
}

void
pb_reader_show_find (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));
  pb_find_bar_reveal (self->find_bar);
}

/**
 * pb_reader_find:
 * @near_page: start from the first match on or after this page, or -1 for
 *   the page being read
 *
 * Finds @text, now or as soon as the report has opened.
 */
void
pb_reader_find (PbReader   *self,
                const char *text,
                int         near_page)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (text != NULL);

  if (self->document == NULL)
    {
      self->pending_find_page = near_page;
      g_free (self->pending_find);
      self->pending_find = g_strdup (text);
      return;
    }

  pb_find_bar_find (self->find_bar, text, near_page);
}

gboolean
pb_reader_get_finding (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return pb_find_bar_get_finding (self->find_bar);
}

guint
pb_reader_get_n_matches (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), 0);
  return pb_find_bar_get_n_matches (self->find_bar);
}

int
pb_reader_get_current_match (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), -1);
  return pb_find_bar_get_current_match (self->find_bar);
}

void
pb_reader_find_next (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));
  pb_find_bar_find_next (self->find_bar);
}

void
pb_reader_find_previous (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));
  pb_find_bar_find_previous (self->find_bar);
}

/* Shows @finding on its page, now or as soon as the report has opened. */
void
pb_reader_show_finding (PbReader  *self,
                        PbFinding *finding)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (PB_IS_FINDING (finding));

  if (self->document == NULL)
    g_set_object (&self->pending_show, finding);
  else
    pb_document_view_show_finding (self->view, finding);
}

/**
 * pb_reader_show_page:
 * @page: from 0
 *
 * Shows the page, now or once the report being opened is ready.
 */
void
pb_reader_show_page (PbReader *self,
                     guint     page)
{
  g_return_if_fail (PB_IS_READER (self));

  if (self->document == NULL)
    self->pending_page = page + 1;
  else
    pb_document_view_set_page (self->view, page);
}
