/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-check-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-check-window.h"
#include "pb-library-check.h"

/* Check Library: runs the check in a worker thread (with checksums), shows
 * what it found in words, and offers Repair when something can be mended
 * without loss; after repairing it shows what was done and what is left. */

struct _PbCheckWindow
{
  AdwWindow      parent_instance;

  PbLibrary     *library;
  GCancellable  *cancellable;
  PbCheckResult *result;
  gboolean       busy;

  GtkStack      *stack;
  GtkSpinner    *spinner;
  GtkLabel      *checking_label;
  AdwStatusPage *sound_page;
  GtkLabel      *summary_label;
  GtkListBox    *list;
  GtkWidget     *repair_button;
};

G_DEFINE_FINAL_TYPE (PbCheckWindow, pb_check_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void run (PbCheckWindow *self,
                 gboolean       repair);

static void
set_busy (PbCheckWindow *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static GtkWidget *
make_row (const char *title,
          const char *message,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  /* The icon repeats the title's meaning for sighted users only. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static const char *
title_for (PbCheckKind kind)
{
  switch (kind)
    {
    case PB_CHECK_DATABASE:
      return _("The library database is damaged");
    case PB_CHECK_FOREIGN_KEY:
      return _("Rows refer to what is not there");
    case PB_CHECK_MISSING_FILE:
      return _("A report’s file is missing");
    case PB_CHECK_WRONG_CHECKSUM:
      return _("A report’s file has changed");
    case PB_CHECK_ORPHAN:
      return _("A report file is not in the list");
    case PB_CHECK_LEFTOVER:
    default:
      return _("Left by an interrupted import");
    }
}

static void
show_result (PbCheckWindow *self,
             GPtrArray     *repairs)
{
  GtkWidget *child;
  guint repairable = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; repairs != NULL && i < repairs->len; i++)
    gtk_list_box_append (self->list, make_row (_("Repaired"), g_ptr_array_index (repairs, i),
                                               "emblem-ok-symbolic"));

  for (guint i = 0; i < self->result->problems->len; i++)
    {
      PbCheckProblem *problem = g_ptr_array_index (self->result->problems, i);

      repairable += problem->repairable;
      gtk_list_box_append (self->list, make_row (title_for (problem->kind), problem->message,
                                                 "dialog-warning-symbolic"));
    }

  gtk_widget_set_visible (self->repair_button, repairable > 0);

  if (self->result->problems->len == 0 && (repairs == NULL || repairs->len == 0))
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u report and its file were checked; nothing is wrong.",
                                      "%u reports and their files were checked; nothing is wrong.",
                                      self->result->n_reports),
                         self->result->n_reports);

      adw_status_page_set_description (self->sound_page, description);
      gtk_stack_set_visible_child_name (self->stack, "sound");
      return;
    }

  if (self->result->problems->len == 0)
    gtk_label_set_text (self->summary_label, _("Everything that needed mending was mended. "
                                               "The library is sound now."));
  else if (repairable == self->result->problems->len)
    gtk_label_set_text (self->summary_label, _("Repair can mend all of this without losing "
                                               "anything."));
  else if (repairable > 0)
    gtk_label_set_text (self->summary_label, _("Repair can mend some of this without losing "
                                               "anything; the rest says what to do."));
  else
    gtk_label_set_text (self->summary_label, _("Repair cannot mend this without losing "
                                               "something: each problem says what to do."));
  gtk_stack_set_visible_child_name (self->stack, "problems");
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PbCheckWindow) self = user_data;
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) error = NULL;
  PbCheckResult *found;

  found = pb_library_check_finish (PB_LIBRARY (object), result, &repairs, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (found == NULL)
    {
      gtk_widget_set_visible (self->repair_button, FALSE);
      gtk_label_set_text (self->summary_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "problems");
      return;
    }

  g_clear_pointer (&self->result, pb_check_result_free);
  self->result = found;
  show_result (self, repairs);
}

static void
run (PbCheckWindow *self,
     gboolean       repair)
{
  gtk_label_set_text (self->checking_label, repair ? _("Repairing the library…")
                                                   : _("Checking the library…"));
  gtk_stack_set_visible_child_name (self->stack, "checking");
  gtk_widget_set_visible (self->repair_button, FALSE);
  set_busy (self, TRUE);
  pb_library_check_async (self->library, repair, self->cancellable, check_done_cb, g_object_ref (self));
}

static void
repair_clicked_cb (PbCheckWindow *self)
{
  run (self, TRUE);
}

static void
pb_check_window_dispose (GObject *object)
{
  PbCheckWindow *self = (PbCheckWindow *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (pb_check_window_parent_class)->dispose (object);
}

static void
pb_check_window_finalize (GObject *object)
{
  PbCheckWindow *self = (PbCheckWindow *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, pb_check_result_free);

  G_OBJECT_CLASS (pb_check_window_parent_class)->finalize (object);
}

static void
pb_check_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PbCheckWindow *self = PB_CHECK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_check_window_class_init (PbCheckWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_check_window_dispose;
  object_class->finalize = pb_check_window_finalize;
  object_class->get_property = pb_check_window_get_property;

  /**
   * PbCheckWindow:busy:
   *
   * Whether a check or a repair is running.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-check-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, checking_label);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, sound_page);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, list);
  gtk_widget_class_bind_template_child (widget_class, PbCheckWindow, repair_button);
  gtk_widget_class_bind_template_callback (widget_class, repair_clicked_cb);
}

static void
pb_check_window_init (PbCheckWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pb_check_window_new:
 * @parent: (nullable): the window it belongs to
 * @library: the library to check
 *
 * Returns: (transfer floating): a new window, already checking
 */
PbCheckWindow *
pb_check_window_new (GtkWindow *parent,
                     PbLibrary *library)
{
  PbCheckWindow *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_CHECK_WINDOW, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  run (self, FALSE);
  return self;
}

/**
 * pb_check_window_get_result:
 * @self: a check window
 *
 * Returns: (nullable) (transfer none): what the last check found, or %NULL
 *   while the first is running
 */
PbCheckResult *
pb_check_window_get_result (PbCheckWindow *self)
{
  g_return_val_if_fail (PB_IS_CHECK_WINDOW (self), NULL);
  return self->result;
}

/**
 * pb_check_window_repair:
 * @self: a check window showing a result
 *
 * Does what the Repair button does.
 */
void
pb_check_window_repair (PbCheckWindow *self)
{
  g_return_if_fail (PB_IS_CHECK_WINDOW (self));
  g_return_if_fail (!self->busy);

  run (self, TRUE);
}
