/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-task.h"
#include "pb-pack-questions.h"
#include "pb-pack-store.h"
#include "pb-questions.h"
#include "pb-toast.h"

/* The officer's side of members' questions: a window beside the pack
 * listing the questions members sent on it, each with what it is on and
 * who asked, and Import Questions… to read another member's file (Word or
 * plain text, as Export Questions… writes it) on a worker thread. */

struct _PbPackQuestions
{
  AdwWindow        parent_instance;

  PbLibrary       *library;
  gint64           pack_id;
  GListStore      *questions;      /* PbPackQuestion */
  GtkNativeDialog *chooser;

  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkLabel        *counts_label;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (PbPackQuestions, pb_pack_questions, ADW_TYPE_WINDOW)

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_new (PbPackQuestion *question)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_list_box_row_new ();
  const char *asked_by = pb_pack_question_get_asked_by (question);
  g_autofree char *from = asked_by && *asked_by ? g_strdup_printf (_("From %s"), asked_by)
                                                : g_strdup (_("From a member"));
  g_autofree char *about = g_strdup_printf (pb_pack_question_get_target (question) == PB_NOTE_ON_SECTION
                                              ? _("On the section “%s”") : _("On “%s”"),
                                            pb_pack_question_get_about (question));
  GtkWidget *about_label = label_new (about, "finding-quote", TRUE);

  gtk_box_append (GTK_BOX (box), label_new (from, "heading", TRUE));
  gtk_box_append (GTK_BOX (box), label_new (pb_pack_question_get_text (question), NULL, TRUE));
  gtk_label_set_lines (GTK_LABEL (about_label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (about_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), about_label);
  if (*pb_pack_question_get_citation (question) != '\0')
    {
      GtkWidget *citation = label_new (pb_pack_question_get_citation (question), "caption", TRUE);

      gtk_widget_add_css_class (citation, "dim-label");
      gtk_box_append (GTK_BOX (box), citation);
    }
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/**
 * pb_pack_questions_reload:
 *
 * Reads the pack's questions again.
 */
void
pb_pack_questions_reload (PbPackQuestions *self)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) askers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *counts = NULL;
  GtkWidget *child;

  g_return_if_fail (PB_IS_PACK_QUESTIONS (self));

  if ((pack = pb_library_get_pack (self->library, self->pack_id, NULL)) != NULL)
    adw_window_title_set_subtitle (self->window_title, pb_pack_get_title (pack));

  if (!(questions = pb_library_list_pack_questions (self->library, self->pack_id, &error)))
    {
      pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      questions = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_list_store_splice (self->questions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->questions)),
                       questions->pdata, questions->len);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < questions->len; i++)
    {
      PbPackQuestion *question = g_ptr_array_index (questions, i);
      const char *asked_by = pb_pack_question_get_asked_by (question);

      g_hash_table_add (askers, (gpointer)(asked_by ? asked_by : ""));
      gtk_list_box_append (self->list, row_new (question));
    }

  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", questions->len),
                            questions->len);
  if (g_hash_table_size (askers) > 1)
    {
      g_autofree char *members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u member",
                                                               "from %u members", g_hash_table_size (askers)),
                                                  g_hash_table_size (askers));
      g_autofree char *both = g_strdup_printf ("%s %s", counts, members);

      g_free (counts);
      counts = g_steal_pointer (&both);
    }
  gtk_label_set_label (self->counts_label, counts);
  gtk_stack_set_visible_child_name (self->stack, questions->len > 0 ? "list" : "empty");
}

/* Import Questions… */

typedef struct
{
  char              *path;
  PbQuestionsImport  result;
} Import;

static void
import_free (Import *import)
{
  g_free (import->path);
  pb_questions_import_clear (&import->result);
  g_free (import);
}

static gboolean
import_work (PbLibrary  *library,
             gpointer    data,
             GError    **error)
{
  Import *import = data;

  return pb_library_import_questions (library, import->path, &import->result, error);
}

static char *
describe (PbPackQuestions *self,
          Import          *import)
{
  const PbQuestionsImport *result = &import->result;
  guint n = result->added + result->updated;

  if (result->pack_id != self->pack_id)
    {
      g_autoptr(PbPack) other = pb_library_get_pack (self->library, result->pack_id, NULL);

      return g_strdup_printf (_("These questions are on another pack, “%s”, and were kept beside it"),
                              other ? pb_pack_get_title (other) : "");
    }
  if (result->asked_by != NULL && *result->asked_by != '\0')
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question from %s", "%u questions from %s", n),
                            n, result->asked_by);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question imported", "%u questions imported", n), n);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PbPackQuestions *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!pb_bundle_task_finish (PB_LIBRARY (object), result, &error))
    {
      pb_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    g_autofree char *message = describe (self, pb_bundle_task_get_data (result));

    pb_pack_questions_reload (self);
    pb_show_toast (GTK_WIDGET (self), adw_toast_new (message));
  }
  g_task_return_boolean (task, TRUE);
}

/**
 * pb_pack_questions_import_async:
 * @path: (type filename): a member's questions, as Export Questions…
 *   writes them (Word or plain text)
 * @callback: called once they are in the library, or not
 * @user_data: for @callback
 *
 * Imports the questions on a worker thread, lists them again and says
 * what was added.
 */
void
pb_pack_questions_import_async (PbPackQuestions     *self,
                                const char          *path,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (PB_IS_PACK_QUESTIONS (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, pb_pack_questions_import_async);
  import = g_new0 (Import, 1);
  import->path = g_strdup (path);
  pb_bundle_task_run (self->library, import_work, import, (GDestroyNotify)import_free, NULL,
                      import_done_cb, g_steal_pointer (&task));
}

/**
 * pb_pack_questions_import_finish:
 *
 * Returns: %TRUE once imported; else %FALSE with @error set as for
 *   pb_library_import_questions()
 */
gboolean
pb_pack_questions_import_finish (PbPackQuestions  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
chooser_response_cb (PbPackQuestions *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser))))
    for (guint i = 0; i < g_list_model_get_n_items (files); i++)
      {
        g_autoptr(GFile) file = g_list_model_get_item (files, i);
        g_autofree char *path = g_file_get_path (file);

        if (path != NULL)
          pb_pack_questions_import_async (self, path, NULL, NULL);
      }

  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbPackQuestions *self = PB_PACK_QUESTIONS (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Import Members’ Questions"), GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                  _("_Import"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Members’ questions (Word or plain text)"));
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
pb_pack_questions_dispose (GObject *object)
{
  PbPackQuestions *self = (PbPackQuestions *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PACK_QUESTIONS);

  G_OBJECT_CLASS (pb_pack_questions_parent_class)->dispose (object);
}

static void
pb_pack_questions_finalize (GObject *object)
{
  PbPackQuestions *self = (PbPackQuestions *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (pb_pack_questions_parent_class)->finalize (object);
}

static void
pb_pack_questions_class_init (PbPackQuestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_pack_questions_dispose;
  object_class->finalize = pb_pack_questions_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-pack-questions.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPackQuestions, window_title);
  gtk_widget_class_bind_template_child (widget_class, PbPackQuestions, stack);
  gtk_widget_class_bind_template_child (widget_class, PbPackQuestions, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackQuestions, list);

  gtk_widget_class_install_action (widget_class, "questions.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "questions.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_pack_questions_init (PbPackQuestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->questions = g_list_store_new (PB_TYPE_PACK_QUESTION);
}

/**
 * pb_pack_questions_new:
 * @parent: (nullable): the main window
 * @library: the officer's library
 * @pack_id: the pack whose questions to show
 *
 * Returns: (transfer none): the window, its questions read, not yet shown
 */
PbPackQuestions *
pb_pack_questions_new (GtkWindow *parent,
                       PbLibrary *library,
                       gint64     pack_id)
{
  PbPackQuestions *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_PACK_QUESTIONS, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->pack_id = pack_id;
  pb_pack_questions_reload (self);
  return self;
}

gint64
pb_pack_questions_get_pack_id (PbPackQuestions *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTIONS (self), 0);
  return self->pack_id;
}

/**
 * pb_pack_questions_get_questions:
 *
 * Returns: (transfer none): the questions listed (#PbPackQuestion)
 */
GListModel *
pb_pack_questions_get_questions (PbPackQuestions *self)
{
  g_return_val_if_fail (PB_IS_PACK_QUESTIONS (self), NULL);
  return G_LIST_MODEL (self->questions);
}
