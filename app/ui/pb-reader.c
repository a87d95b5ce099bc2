/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-password-dialog.h"
#include "pb-reader.h"

/* A report open for reading: the page view, its find bar, and what happens
 * while the PDF opens or when it cannot (a password, a damaged file). Where
 * each report was left is saved in the library and restored on opening. */

#define SAVE_DELAY_MS 800

struct _PbReader
{
  GtkWidget       parent_instance;

  PbLibrary      *library;
  PbReport       *report;
  PbDocument     *document;
  GCancellable   *open_cancellable;
  GCancellable   *find_cancellable;
  char           *password;
  char           *pending_find;
  int             pending_find_page;
  GPtrArray      *matches;
  int             current_match;
  guint           save_source;
  gboolean        finding;

  GtkWidget      *box;
  GtkSearchBar   *search_bar;
  GtkEditable    *find_entry;
  GtkLabel       *find_count;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkWidget      *scroller;
  PbDocumentView *view;
  AdwStatusPage  *error_page;
  GtkWidget      *password_button;
};

G_DEFINE_FINAL_TYPE (PbReader, pb_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LOADED,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void open_document (PbReader *self);

static const char *
sizing_to_string (PbSizing sizing)
{
  switch (sizing)
    {
    case PB_SIZING_FREE:
      return "free";
    case PB_SIZING_FIT_PAGE:
      return "fit-page";
    case PB_SIZING_FIT_WIDTH:
    default:
      return "fit-width";
    }
}

static PbSizing
sizing_from_string (const char *text)
{
  if (g_strcmp0 (text, "free") == 0)
    return PB_SIZING_FREE;
  if (g_strcmp0 (text, "fit-page") == 0)
    return PB_SIZING_FIT_PAGE;
  return PB_SIZING_FIT_WIDTH;
}

void
pb_reader_save_state (PbReader *self)
{
  PbViewState state = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PB_IS_READER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->library == NULL || self->report == NULL || self->document == NULL)
    return;

  state.page = pb_document_view_get_page (self->view);
  state.zoom = pb_document_view_get_zoom (self->view);
  g_strlcpy (state.sizing, sizing_to_string (pb_document_view_get_sizing (self->view)),
             sizeof state.sizing);

  if (!pb_library_save_view_state (self->library, pb_report_get_id (self->report), &state, &error))
    g_debug ("Could not remember the reading position: %s", error->message);
}

static void
save_soon_cb (gpointer data)
{
  PbReader *self = data;

  self->save_source = 0;
  pb_reader_save_state (self);
}

static void
view_moved_cb (PbReader *self)
{
  if (self->document == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_once (SAVE_DELAY_MS, save_soon_cb, self);
}

/* Find */

static void
update_find_count (PbReader *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (self->find_entry);
  int current = pb_reader_get_current_match (self);

  if (self->finding)
    text = g_strdup (_("Finding…"));
  else if (query == NULL || *query == '\0' || self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: "3 of 12" find matches */
    text = g_strdup_printf (_("%d of %u"), current + 1, self->matches->len);

  gtk_label_set_label (self->find_count, text);
}

static void
set_current_match (PbReader *self,
                   int       index)
{
  self->current_match = index;
  pb_document_view_set_current_match (self->view, index);
  update_find_count (self);
}

int
pb_reader_get_current_match (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), -1);
  return self->current_match;
}

static void
find_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PbReader) self = user_data;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  int first = -1;
  guint near_page;

  matches = pb_document_find_finish (PB_DOCUMENT (object), result, &error);
  if (matches == NULL)
    return;   /* cancelled by a newer find, or the report was closed */

  near_page = self->pending_find_page >= 0 ? (guint)self->pending_find_page
                                           : pb_document_view_get_page (self->view);
  self->pending_find_page = -1;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_ptr_array_ref (matches);
  self->finding = FALSE;

  /* Start from the first match on or after the page being read. */
  for (guint i = 0; i < matches->len && first < 0; i++)
    if (((PbFindMatch *)g_ptr_array_index (matches, i))->page >= near_page)
      first = (int)i;
  if (first < 0 && matches->len > 0)
    first = 0;

  pb_document_view_set_matches (self->view, matches);
  set_current_match (self, first);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

static void
find_changed_cb (PbReader *self)
{
  const char *text = gtk_editable_get_text (self->find_entry);

  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  pb_document_view_set_matches (self->view, NULL);
  set_current_match (self, -1);

  if (self->document == NULL || text == NULL || *text == '\0')
    {
      self->finding = FALSE;
      update_find_count (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
      return;
    }

  self->finding = TRUE;
  self->find_cancellable = g_cancellable_new ();
  pb_document_find_async (self->document, text, self->find_cancellable, find_done_cb,
                          g_object_ref (self));
  update_find_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

void
pb_reader_find_next (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));

  if (self->matches != NULL && self->matches->len > 0)
    set_current_match (self, (pb_reader_get_current_match (self) + 1) % (int)self->matches->len);
}

void
pb_reader_find_previous (PbReader *self)
{
  int n;

  g_return_if_fail (PB_IS_READER (self));

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n = (int)self->matches->len;
  set_current_match (self, (pb_reader_get_current_match (self) - 1 + n) % n);
}

static void
find_next_cb (PbReader *self)
{
  pb_reader_find_next (self);
}

static void
find_previous_cb (PbReader *self)
{
  pb_reader_find_previous (self);
}

static void
find_stop_cb (PbReader *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
find_key_pressed_cb (PbReader              *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      pb_reader_find_previous (self);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_changed_cb (PbReader *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (self->find_entry, "");
}

/* Opening */

static void
password_entered_cb (PbReader         *self,
                     const char       *password,
                     PbPasswordDialog *dialog)
{
  if (password == NULL)
    return;

  g_free (self->password);
  self->password = g_strdup (password);
  open_document (self);
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

static void
document_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PbReader) self = user_data;
  g_autoptr(PbDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PbViewState state;

  document = pb_document_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->password, g_free);
  g_set_object (&self->document, document);
  pb_document_view_set_document (self->view, document);

  if (pb_library_get_view_state (self->library, pb_report_get_id (self->report), &state))
    {
      PbSizing sizing = sizing_from_string (state.sizing);

      if (sizing == PB_SIZING_FREE)
        pb_document_view_set_zoom (self->view, state.zoom);
      else
        pb_document_view_set_sizing (self->view, sizing);
      pb_document_view_set_page (self->view, state.page);
    }
  else
    {
      pb_document_view_set_sizing (self->view, PB_SIZING_FIT_WIDTH);
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  pb_reader_save_state (self);

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
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->pending_find, g_free);
  g_clear_pointer (&self->password, g_free);

  /* The document goes first: the view reports its page as it lets go of it,
   * and that must not schedule another save. */
  g_clear_object (&self->document);
  if (self->view != NULL)
    pb_document_view_set_document (self->view, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->finding = FALSE;

  if (self->find_entry != NULL)
    gtk_editable_set_text (self->find_entry, "");
}

static void
pb_reader_dispose (GObject *object)
{
  PbReader *self = (PbReader *)object;

  close_document (self);
  g_clear_object (&self->report);
  g_clear_object (&self->library);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_READER);

  G_OBJECT_CLASS (pb_reader_parent_class)->dispose (object);
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
      g_value_set_boolean (value, self->finding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_reader_class_init (PbReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_reader_dispose;
  object_class->get_property = pb_reader_get_property;

  properties [PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINDING] =
    g_param_spec_boolean ("finding", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReader, box);
  gtk_widget_class_bind_template_child (widget_class, PbReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PbReader, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PbReader, find_count);
  gtk_widget_class_bind_template_child (widget_class, PbReader, stack);
  gtk_widget_class_bind_template_child (widget_class, PbReader, spinner);
  gtk_widget_class_bind_template_child (widget_class, PbReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbReader, view);
  gtk_widget_class_bind_template_child (widget_class, PbReader, error_page);
  gtk_widget_class_bind_template_child (widget_class, PbReader, password_button);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, ask_password_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
pb_reader_init (PbReader *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_find_page = -1;
  self->current_match = -1;

  gtk_search_bar_connect_entry (self->search_bar, self->find_entry);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->view));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (find_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  g_signal_connect_object (self->view, "notify::page", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::sizing", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
pb_reader_new (void)
{
  return g_object_new (PB_TYPE_READER, NULL);
}

/**
 * pb_reader_open:
 * @report: (nullable): the report to read, or %NULL to close
 * @password: (nullable): its password, if it has one and the user gave it
 *   earlier in this session
 */
void
pb_reader_open (PbReader   *self,
                PbLibrary  *library,
                PbReport   *report,
                const char *password)
{
  g_return_if_fail (PB_IS_READER (self));
  g_return_if_fail (!report || PB_IS_LIBRARY (library));

  if (self->report != NULL && report != NULL &&
      pb_report_get_id (self->report) == pb_report_get_id (report))
    return;

  close_document (self);
  g_set_object (&self->library, library);
  g_set_object (&self->report, report);
  self->password = g_strdup (password);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);

  open_document (self);
}

PbReport *
pb_reader_get_report (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->report;
}

gboolean
pb_reader_get_loaded (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->document != NULL;
}

PbDocumentView *
pb_reader_get_view (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->view;
}

void
pb_reader_show_find (PbReader *self)
{
  g_return_if_fail (PB_IS_READER (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
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

  self->pending_find_page = near_page;

  if (self->document == NULL)
    {
      g_free (self->pending_find);
      self->pending_find = g_strdup (text);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (self->find_entry), text) == 0)
    find_changed_cb (self);
  else
    gtk_editable_set_text (self->find_entry, text);

  /* GtkSearchEntry waits a moment before "search-changed"; start at once. */
  if (!self->finding)
    find_changed_cb (self);
}

gboolean
pb_reader_get_finding (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->finding;
}

guint
pb_reader_get_n_matches (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), 0);
  return self->matches ? self->matches->len : 0;
}
