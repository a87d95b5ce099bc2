/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-opener"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-opener.h"
#include "pb-passphrase-dialog.h"
#include "pb-toast.h"

/* Opening the bundles a member was sent, one after another: what the file
 * says of itself is read on a worker thread (is it a bundle; is it
 * encrypted), the passphrase asked for when it is (again, saying so, when
 * it was not right), and the bundle opened into the library on a worker
 * thread with its progress in a toast.  What was opened is told through
 * ::opened; what went wrong is said in plain words in a dialog. */

struct _PbBundleOpener
{
  GObject       parent_instance;

  PbLibrary    *library;
  GWeakRef      owner;          /* a widget of the window: dialogs, toasts */
  GQueue        files;          /* GFile, waiting */
  GFile        *current;
  GCancellable *cancellable;
  AdwToast     *progress_toast;
  GtkProgressBar *progress_bar;
  gint64        progress_shown;  /* monotonic time it was added */
  guint         progress_source; /* shows it, once opening takes a while */
  GError       *last_error;
  gboolean      encrypted;      /* the current file is */
  gboolean      replace_newer;  /* the member chose to open an older copy */
};

/* A toast dismissed while it is still sliding in makes libadwaita 1.2 use
 * freed memory (its show animation's end runs after the hide's): the
 * progress toast waits before it shows, so that a quick answer (a wrong
 * passphrase) needs none, and once shown stays at least this long. */
#define PROGRESS_DELAY_MS    400
#define PROGRESS_MINIMUM_MS  800

G_DEFINE_FINAL_TYPE (PbBundleOpener, pb_bundle_opener, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  OPENED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void open_next (PbBundleOpener *self);

static GtkWindow *
owner_window (PbBundleOpener *self)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&self->owner);
  GtkRoot *root = owner ? gtk_widget_get_root (owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (PbBundleOpener *self,
       AdwToast       *toast)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&self->owner);

  if (owner != NULL)
    pb_show_toast (owner, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

static void
set_busy (PbBundleOpener *self,
          GFile          *file)
{
  gboolean was_busy = self->current != NULL;

  g_set_object (&self->current, file);
  if (was_busy != (file != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static gboolean
dismiss_later_cb (gpointer data)
{
  adw_toast_dismiss (data);
  return G_SOURCE_REMOVE;
}

static void
dismiss_progress (PbBundleOpener *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->progress_toast != NULL)
    {
      gint64 shown_ms = (g_get_monotonic_time () - self->progress_shown) / 1000;

      if (shown_ms >= PROGRESS_MINIMUM_MS)
        adw_toast_dismiss (self->progress_toast);
      else
        g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)(PROGRESS_MINIMUM_MS - shown_ms), dismiss_later_cb,
                            g_object_ref (self->progress_toast), g_object_unref);
    }
  g_clear_object (&self->progress_toast);
  self->progress_bar = NULL;
}

/* The file is done with, one way or another: on to the next. */
static void
finish (PbBundleOpener *self)
{
  dismiss_progress (self);
  set_busy (self, NULL);
  open_next (self);
}

static void
fail (PbBundleOpener *self,
      GError         *error)
{
  g_autofree char *name = display_name (self->current);
  GtkWidget *dialog;

  g_clear_error (&self->last_error);
  self->last_error = error;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

      dialog = adw_message_dialog_new (owner_window (self), heading, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  finish (self);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  PbBundleOpener *self = data;

  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static gboolean
show_progress_cb (gpointer data)
{
  PbBundleOpener *self = data;

  self->progress_source = 0;
  self->progress_shown = g_get_monotonic_time ();
  toast (self, g_object_ref (self->progress_toast));
  return G_SOURCE_REMOVE;
}

static void
show_progress (PbBundleOpener *self)
{
  g_autofree char *name = display_name (self->current);
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);

  dismiss_progress (self);
  self->progress_toast = adw_toast_new (text);
  adw_toast_set_custom_title (self->progress_toast, box);
  adw_toast_set_timeout (self->progress_toast, 0);
  self->progress_bar = GTK_PROGRESS_BAR (bar);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
}

/* What the member is told once the pack is in the library. */
static char *
describe (const PbBundleOpenResult *result)
{
  switch (result->status)
    {
    case PB_BUNDLE_OPENED_UPDATED:
      return g_strdup_printf (_("“%s” was brought up to date from the newer copy; your notes were kept"),
                              result->title);
    case PB_BUNDLE_OPENED_UNCHANGED:
      return g_strdup_printf (_("You already had this copy of “%s”"), result->title);
    case PB_BUNDLE_OPENED_NEW:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened “%s”: %u finding from %u report",
                                           "Opened “%s”: %u findings from %u reports", result->n_findings),
                              result->title, result->n_findings, result->n_reports);
    }
}

static void ask_passphrase (PbBundleOpener *self,
                            const char     *problem);

static void start (PbBundleOpener *self,
                   const char     *passphrase);

static void
older_response_cb (PbBundleOpener *self,
                   const char     *response)
{
  if (g_strcmp0 (response, "anyway") != 0)
    {
      finish (self);
      return;
    }
  self->replace_newer = TRUE;
  if (self->encrypted)
    ask_passphrase (self, NULL);
  else
    start (self, NULL);
}

/* The library has a newer copy of the pack: say so, and let the member
 * open this one in its place (their notes are kept either way). */
static void
offer_older (PbBundleOpener *self,
             GError         *error)
{
  g_autofree char *name = display_name (self->current);
  g_autofree char *heading = g_strdup_printf (_("You Have a Newer Copy of “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (owner_window (self), heading, error->message);

  g_clear_error (&self->last_error);
  self->last_error = error;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Newer Copy"),
                                    "anyway", _("_Open This Copy Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (older_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PbBundleOpener) self = user_data;
  PbBundleOpenResult opened = { 0 };
  GError *error = NULL;

  if (!pb_library_open_bundle_finish (PB_LIBRARY (object), result, &opened, &error))
    {
      dismiss_progress (self);
      if (g_error_matches (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WRONG_PASSPHRASE) ||
          g_error_matches (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED))
        {
          g_clear_error (&self->last_error);
          self->last_error = error;
          ask_passphrase (self, error->message);
        }
      else if (g_error_matches (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER))
        offer_older (self, error);
      else
        fail (self, error);
      return;
    }

  {
    g_autofree char *message = describe (&opened);

    g_clear_error (&self->last_error);
    dismiss_progress (self);
    g_signal_emit (self, signals [OPENED], 0, opened.bundle_id, (int)opened.status, message);
    toast (self, adw_toast_new (message));
  }
  pb_bundle_open_result_clear (&opened);
  finish (self);
}

static void
start (PbBundleOpener *self,
       const char     *passphrase)
{
  g_autofree char *path = g_file_get_path (self->current);

  if (path == NULL)
    {
      fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only packs saved on this computer can be opened.")));
      return;
    }

  show_progress (self);
  pb_library_open_bundle_full_async (self->library, path, passphrase,
                                     self->replace_newer ? PB_BUNDLE_OPEN_REPLACE_NEWER : PB_BUNDLE_OPEN_DEFAULT,
                                     self->cancellable, progress_cb, self, opened_cb, g_object_ref (self));
}

static void
passphrase_entered_cb (PbBundleOpener     *self,
                       const char         *passphrase,
                       PbPassphraseDialog *dialog)
{
  /* The dialog empties its entry as this returns; the job keeps its own
   * copy, wiped when it is done. */
  if (passphrase == NULL)
    finish (self);
  else
    start (self, passphrase);
}

static void
ask_passphrase (PbBundleOpener *self,
                const char     *problem)
{
  g_autofree char *name = display_name (self->current);
  PbPassphraseDialog *dialog = pb_passphrase_dialog_new_ask (owner_window (self), name, problem);

  g_signal_connect_object (dialog, "passphrase-entered", G_CALLBACK (passphrase_entered_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
peek_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean encrypted = FALSE;

  if (!pb_bundle_peek (task_data, &encrypted, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, encrypted);
}

static void
peeked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PbBundleOpener *self = PB_BUNDLE_OPENER (object);
  GError *error = NULL;
  gssize encrypted = g_task_propagate_int (G_TASK (result), &error);

  self->encrypted = encrypted > 0;
  self->replace_newer = FALSE;
  if (error != NULL)
    fail (self, error);
  else if (encrypted)
    ask_passphrase (self, NULL);
  else
    start (self, NULL);
}

static void
open_next (PbBundleOpener *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  char *path;

  if (self->current != NULL || !(file = g_queue_pop_head (&self->files)))
    return;

  set_busy (self, file);
  if (!(path = g_file_get_path (file)))
    {
      fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only packs saved on this computer can be opened.")));
      return;
    }

  task = g_task_new (self, self->cancellable, peeked_cb, NULL);
  g_task_set_source_tag (task, open_next);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, peek_worker);
}

static void
pb_bundle_opener_dispose (GObject *object)
{
  PbBundleOpener *self = (PbBundleOpener *)object;

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->files, g_object_unref);
  dismiss_progress (self);

  G_OBJECT_CLASS (pb_bundle_opener_parent_class)->dispose (object);
}

static void
pb_bundle_opener_finalize (GObject *object)
{
  PbBundleOpener *self = (PbBundleOpener *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->current);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->last_error);
  g_weak_ref_clear (&self->owner);

  G_OBJECT_CLASS (pb_bundle_opener_parent_class)->finalize (object);
}

static void
pb_bundle_opener_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PbBundleOpener *self = PB_BUNDLE_OPENER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, pb_bundle_opener_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_bundle_opener_class_init (PbBundleOpenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_bundle_opener_dispose;
  object_class->finalize = pb_bundle_opener_finalize;
  object_class->get_property = pb_bundle_opener_get_property;

  /**
   * PbBundleOpener:busy:
   *
   * Whether a bundle is being opened (or its passphrase asked for).
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbBundleOpener::opened:
   * @bundle_id: the pack in the library (pb_library_get_bundle_pack())
   * @status: a #PbBundleOpened: new, brought up to date, or unchanged
   * @message: what the member was told
   *
   * A bundle is in the library; its reports too, opened on another
   * connection, so what lists them should read them again.
   */
  signals [OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_STRING);
}

static void
pb_bundle_opener_init (PbBundleOpener *self)
{
  g_queue_init (&self->files);
  g_weak_ref_init (&self->owner, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * pb_bundle_opener_new:
 * @library: the member's library
 * @owner: a widget in the window the dialogs and toasts belong to
 *
 * Returns: (transfer full): a new opener
 */
PbBundleOpener *
pb_bundle_opener_new (PbLibrary *library,
                      GtkWidget *owner)
{
  PbBundleOpener *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (PB_TYPE_BUNDLE_OPENER, NULL);
  self->library = g_object_ref (library);
  g_weak_ref_set (&self->owner, owner);
  return self;
}

/**
 * pb_bundle_opener_open:
 * @file: a bundle (.panelpack)
 *
 * Opens @file into the library once the bundles asked for before it have
 * been.
 */
void
pb_bundle_opener_open (PbBundleOpener *self,
                       GFile          *file)
{
  g_return_if_fail (PB_IS_BUNDLE_OPENER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_queue_push_tail (&self->files, g_object_ref (file));
  open_next (self);
}

gboolean
pb_bundle_opener_get_busy (PbBundleOpener *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_OPENER (self), FALSE);
  return self->current != NULL;
}

/**
 * pb_bundle_opener_cancel:
 *
 * Stops opening: the bundle being opened is left as the core leaves a
 * cancelled one, and those waiting are not opened.
 */
void
pb_bundle_opener_cancel (PbBundleOpener *self)
{
  g_return_if_fail (PB_IS_BUNDLE_OPENER (self));

  g_queue_clear_full (&self->files, g_object_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/**
 * pb_bundle_opener_get_last_error:
 *
 * Returns: (nullable): why the last bundle was not opened (or why its
 *   passphrase is asked for again); %NULL when the last one opened
 */
const GError *
pb_bundle_opener_get_last_error (PbBundleOpener *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_OPENER (self), NULL);
  return self->last_error;
}

/**
 * pb_bundle_is_bundle_file:
 * @file: a file the app was asked to open
 *
 * Tells a bundle from a report by its name, as the desktop does: a
 * .panelpack file is opened as a pack, anything else imported.
 *
 * Returns: whether @file is named as a bundle
 */
gboolean
pb_bundle_is_bundle_file (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name ? g_ascii_strdown (name, -1) : NULL;
  return lower != NULL && g_str_has_suffix (lower, "." PB_BUNDLE_EXTENSION);
}
