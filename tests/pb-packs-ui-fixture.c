/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-demo.h"
#include "pb-packs-ui-fixture.h"
#include "pb-test-util.h"

void
pb_packs_fixture_setup (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  g_assert_true (pb_demo_populate (f->library, f->dir, &error));
  f->pack_id = pb_demo_add_pack (f->library, &error);
  g_assert_no_error (error);

  f->editor = PB_PACK_EDITOR (pb_pack_editor_new ());
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->editor));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->overlay));
  pb_pack_editor_set_pack (f->editor, f->library, f->pack_id);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

void
pb_packs_fixture_teardown (Fixture       *f,
                           gconstpointer  data)
{
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_wait_for_finalize (f->window);
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

PbPackEntry *
pb_packs_entry_at (Fixture *f,
                   guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (pb_pack_editor_get_contents (f->editor)), position);
}

GtkWidget *
pb_packs_find_widget (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pb_packs_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
