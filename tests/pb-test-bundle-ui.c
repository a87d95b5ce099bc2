/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-test-bundle-ui.h"

/* Waiting and typing as a user does, for the bundle widget tests. */

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

void
pb_test_iterate_until (gboolean    (*done) (gpointer data),
                       gpointer    data,
                       const char *what)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer)what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

gboolean
pb_test_task_done (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

void
pb_test_store_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* The dialog of @type shown now, other than @not. */
gpointer
pb_test_find_toplevel (GType    type,
                       gpointer not)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && l->data != not && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

typedef struct
{
  GType    type;
  gpointer not;
} Wanted;

static gboolean
toplevel_shown (gpointer data)
{
  Wanted *wanted = data;

  return pb_test_find_toplevel (wanted->type, wanted->not) != NULL;
}

gpointer
pb_test_wait_for_toplevel (GType    type,
                           gpointer not)
{
  Wanted wanted = { type, not };

  pb_test_iterate_until (toplevel_shown, &wanted, g_type_name (type));
  return pb_test_find_toplevel (type, not);
}

void
pb_test_collect_widgets (GtkWidget *widget,
                         GType      type,
                         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    pb_test_collect_widgets (child, type, found);
}

/* Enter in the dialog's (first) passphrase entry, as a keyboard user
 * answers it. */
void
pb_test_press_enter (PbPassphraseDialog *dialog)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  GtkWidget *text = NULL;

  pb_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_TEXT, texts);
  for (guint i = 0; i < texts->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (texts, i)))
      text = g_ptr_array_index (texts, i);
  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

/* Types @password into a password dialog and presses Enter. */
void
pb_test_type_password (GtkWidget  *dialog,
                       const char *password)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  pb_test_collect_widgets (dialog, GTK_TYPE_TEXT, texts);
  g_assert_cmpuint (texts->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (texts, 0), password);
  g_signal_emit_by_name (g_ptr_array_index (texts, 0), "activate");
}
