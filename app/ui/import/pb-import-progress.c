/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-import-progress.h"

/* The strip under the report list that shows an import under way: how many
 * files, the one begun last, how far, the time left, and a button to stop
 * it. */

struct _PbImportProgress
{
  GtkWidget       parent_instance;

  PbImportQueue  *queue;
  PbImportJob    *job;
  GCancellable   *cancellable;
  guint           throttle;       /* the strip changes twice a second at most */

  char           *text;           /* the whole line, as read aloud */
  char           *time_left;

  GtkWidget      *revealer;
  GtkLabel       *count_label;
  GtkLabel       *label;
  GtkLabel       *time_label;
  GtkProgressBar *progress;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (PbImportProgress, pb_import_progress, GTK_TYPE_WIDGET)

/* Each frame drawn costs the import time (much of it where the window is
 * drawn in software, as in a virtual machine): the bar follows the job
 * twice a second, not at every percent of every file. What the strip says
 * (the count, the file begun last) changes at once. */
static void show_progress (PbImportProgress *self);

static gboolean
throttle_cb (gpointer data)
{
  PbImportProgress *self = data;

  self->throttle = 0;
  show_progress (self);
  return G_SOURCE_REMOVE;
}

/* What the strip says: @count ("Importing 3 of 120:") and @name are shown
 * side by side, the name cut at its end when narrow; @time_left on its own
 * line; @text is the whole, for a screen reader and for tests. */
typedef struct
{
  char *count;
  char *name;
  char *time_left;
  char *text;
} Description;

static void
description_clear (Description *d)
{
  g_free (d->count);
  g_free (d->name);
  g_free (d->time_left);
  g_free (d->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Description, description_clear)

static char *
describe_time_left (gint64 seconds_left)
{
  guint minutes = (guint)((seconds_left + 30) / 60);

  if (seconds_left < 0)
    return NULL;
  if (seconds_left < 60)
    return g_strdup (_("Less than a minute left"));
  if (minutes < 2)
    return g_strdup (_("About a minute left"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute left", "About %u minutes left", minutes),
                          minutes);
}

static void
describe (PbImportProgress *self,
          Description      *d)
{
  const char *name = pb_import_job_get_current_name (self->job);
  guint n_files = pb_import_job_get_n_files (self->job);
  guint n_done = pb_import_job_get_n_done (self->job);
  guint n = MIN (n_done + 1, n_files);
  g_autofree char *sentence = NULL;

  if (name == NULL)
    {
      d->name = g_strdup (_("Preparing to import…"));
      d->text = g_strdup (d->name);
      return;
    }
  if (n_files == 1)
    {
      /* Translators: %s is a file name */
      d->name = g_strdup_printf (_("Importing “%s”…"), name);
      d->text = g_strdup (d->name);
      return;
    }

  /* Several files are read at once: the count is of files finished, the
   * name the one begun last. */
  /* Translators: %u of %u counts the files in an import; the name of the
   * file begun last follows */
  d->count = g_strdup_printf (_("Importing %u of %u:"), n, n_files);
  d->name = g_strdup (name);
  d->time_left = describe_time_left (pb_import_job_get_seconds_left (self->job));
  /* Translators: %u of %u counts the files in an import, %s is the file begun last */
  sentence = g_strdup_printf (_("Importing %u of %u: “%s”"), n, n_files, name);
  if (d->time_left != NULL)
    /* Translators: "Importing 3 of 120: “file.pdf”", then "About 2 minutes left" */
    d->text = g_strdup_printf (_("%s. %s"), sentence, d->time_left);
  else
    d->text = g_strdup_printf ("%s…", sentence);
}

/* Shows @d (which it empties) and tells assistive technologies. */
static void
show_description (PbImportProgress *self,
                  Description      *d)
{
  gtk_label_set_label (self->count_label, d->count ? d->count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), d->count != NULL);
  gtk_label_set_label (self->label, d->name);
  gtk_label_set_label (self->time_label, d->time_left ? d->time_left : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), d->time_left != NULL);

  g_free (self->text);
  self->text = g_steal_pointer (&d->text);
  g_free (self->time_left);
  self->time_left = g_steal_pointer (&d->time_left);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text, -1);
}

static void
update (PbImportProgress *self)
{
  g_auto(Description) d = { NULL, };

  if (self->job == NULL)
    return;

  /* Between frames, only a change of what the strip says (not of the
   * bar) is shown at once. */
  if (self->throttle != 0)
    describe (self, &d);
  if (self->throttle == 0 || g_strcmp0 (self->text, d.text) != 0)
    {
      g_clear_handle_id (&self->throttle, g_source_remove);
      show_progress (self);
    }
}

static void
show_progress (PbImportProgress *self)
{
  g_auto(Description) d = { NULL, };
  double fraction;

  if (self->job == NULL)
    return;

  describe (self, &d);
  fraction = pb_import_job_get_fraction (self->job);

  if (g_strcmp0 (self->text, d.text) == 0 &&
      gtk_progress_bar_get_fraction (self->progress) == fraction)
    return;

  show_description (self, &d);
  gtk_progress_bar_set_fraction (self->progress, fraction);
  self->throttle = g_timeout_add (500, throttle_cb, self);
}

static void
cancel_clicked_cb (PbImportProgress *self)
{
  g_auto(Description) d = { NULL, };

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  d.name = g_strdup (_("Stopping…"));
  d.text = g_strdup (d.name);
  show_description (self, &d);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

static void
queue_job_changed_cb (PbImportProgress *self)
{
  pb_import_progress_set_job (self, pb_import_queue_get_job (self->queue),
                              pb_import_queue_get_cancellable (self->queue));
}

static void
pb_import_progress_dispose (GObject *object)
{
  PbImportProgress *self = (PbImportProgress *)object;

  pb_import_progress_set_queue (self, NULL);
  g_clear_handle_id (&self->throttle, g_source_remove);

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->time_left, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_IMPORT_PROGRESS);

  G_OBJECT_CLASS (pb_import_progress_parent_class)->dispose (object);
}

static void
pb_import_progress_class_init (PbImportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_import_progress_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-import-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, revealer);
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, count_label);
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, label);
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, time_label);
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, progress);
  gtk_widget_class_bind_template_child (widget_class, PbImportProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importprogress");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
pb_import_progress_init (PbImportProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pb_import_progress_new (void)
{
  return g_object_new (PB_TYPE_IMPORT_PROGRESS, NULL);
}

/**
 * pb_import_progress_set_queue:
 * @queue: (nullable): the imports to follow: each batch is shown as it runs
 */
void
pb_import_progress_set_queue (PbImportProgress *self,
                              PbImportQueue    *queue)
{
  g_return_if_fail (PB_IS_IMPORT_PROGRESS (self));
  g_return_if_fail (!queue || PB_IS_IMPORT_QUEUE (queue));

  if (self->queue == queue)
    return;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);

  if (queue != NULL)
    {
      g_signal_connect_object (queue, "notify::job", G_CALLBACK (queue_job_changed_cb),
                               self, G_CONNECT_SWAPPED);
      queue_job_changed_cb (self);
    }
}

/**
 * pb_import_progress_set_job:
 * @job: (nullable): the batch to show, or %NULL to hide
 * @cancellable: (nullable): what the stop button cancels
 */
void
pb_import_progress_set_job (PbImportProgress *self,
                            PbImportJob      *job,
                            GCancellable     *cancellable)
{
  g_return_if_fail (PB_IS_IMPORT_PROGRESS (self));
  g_return_if_fail (!job || PB_IS_IMPORT_JOB (job));

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);

  g_set_object (&self->job, job);
  g_set_object (&self->cancellable, cancellable);

  if (job != NULL)
    {
      g_signal_connect_swapped (job, "notify", G_CALLBACK (update), self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), cancellable != NULL);
      g_clear_handle_id (&self->throttle, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress, 0);
      update (self);
    }

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), job != NULL);
}

PbImportJob *
pb_import_progress_get_job (PbImportProgress *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_PROGRESS (self), NULL);
  return self->job;
}

/**
 * pb_import_progress_get_text:
 *
 * Returns: (nullable): the whole of what the strip says, as read aloud:
 *   "Importing 3 of 120: “file.pdf”…", or with the time left "Importing 3
 *   of 120: “file.pdf”. About 2 minutes left"
 */
const char *
pb_import_progress_get_text (PbImportProgress *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_PROGRESS (self), NULL);
  return self->text;
}

/**
 * pb_import_progress_get_time_left:
 *
 * Returns: (nullable): the time left as shown on its own line ("About 2
 *   minutes left"), or %NULL when it is not known or not shown
 */
const char *
pb_import_progress_get_time_left (PbImportProgress *self)
{
  g_return_val_if_fail (PB_IS_IMPORT_PROGRESS (self), NULL);
  return self->time_left;
}
