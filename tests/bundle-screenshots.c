/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-member-note-editor.h"
#include "pb-member-note.h"
#include "pb-test-bundle.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Screenshots of a panel member's side of a pack, to look at rather than
 * to assert on: the first run of an empty library, the pack as it opens,
 * with a question and a private note, and a finding followed to its page.
 * Each is taken at the desktop size (1400×900) and the phone size
 * (360×720) under Xvfb:
 *
 *   xvfb-run -a build/tests/bundle-screenshots OUT-DIR
 *
 * (with GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data
 * GTK_A11Y=none, as the widget tests have them).  The window is drawn
 * into a texture, so no window manager or compositor is needed.  A window
 * cannot be narrower than its widest page lets it (the findings table's),
 * and the file names say the size asked for, the printed sizes the size
 * got. */

typedef PbBundleFixture Fixture;

static const char *out_dir;

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  /* Page images come from a worker: let them arrive and be drawn.  This
   * is a tool to look at, not a test, so a short settle is enough. */
  while (g_get_monotonic_time () < until)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
shoot (GtkWidget  *widget,
       const char *name,
       int         width)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%d.png", name, width);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);
  int w = 0, h = 0;

  /* A window in the middle of a change of page can draw nothing for a
   * frame: take it again once the change has settled. */
  for (guint tries = 0; node == NULL; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries == 10)
        g_error ("nothing drawn for %s", name);
      gtk_test_widget_wait_for_draw (widget);
      settle ();
      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("%s (%d×%d)\n", path, w, h);
}

static gboolean
opened (gpointer data)
{
  return pb_bundle_view_get_pack (data) != NULL;
}

static gboolean
reader_loaded (gpointer data)
{
  return pb_reader_get_loaded (pb_window_get_reader (data));
}

static void
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

static PbBundleEntryRow *
nth_row (PbBundleView      *view,
         PbBundleEntryKind  kind,
         guint              nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pb_bundle_view_get_list (view))); child;
       child = gtk_widget_get_next_sibling (child))
    if (PB_IS_BUNDLE_ENTRY_ROW (child) &&
        pb_bundle_entry_get_kind (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child))) == kind &&
        nth-- == 0)
      return PB_BUNDLE_ENTRY_ROW (child);
  return NULL;
}

static void
note (PbBundleView     *view,
      PbBundleEntryRow *row,
      const char       *text,
      gboolean          question)
{
  PbMemberNoteEditor *editor = PB_MEMBER_NOTE_EDITOR (pb_bundle_view_add_note (view, row, NULL));

  pb_member_note_editor_set_text (editor, text);
  pb_member_note_editor_set_question (editor, question);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.save", NULL));
}

static void
take (Fixture *f,
      int      width,
      int      height)
{
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "march.panelpack");
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  g_autoptr(GError) error = NULL;
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 9, FALSE);
  PbWindow *window;
  PbBundleView *view;
  PbBundleEntryRow *row;
  PbMemberNoteEditor *editor;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref (pb_window_new (NULL, f->member));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The default size counts the frame's margin: make the window itself
   * the size asked for. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               width + MAX (0, width - gtk_widget_get_width (GTK_WIDGET (window))),
                               height + MAX (0, height - gtk_widget_get_height (GTK_WIDGET (window))));
  shoot (GTK_WIDGET (window), "bundle-first-run", width);

  view = pb_window_get_bundle_view (window);
  pb_window_import_files (window, &file, 1);
  iterate_until (opened, view);
  shoot (GTK_WIDGET (window), "bundle-opened", width);

  /* The fixture's third finding is on its report's second page, where its
   * highlight is: the one to follow. */
  row = nth_row (view, PB_BUNDLE_ENTRY_FINDING, 2);
  note (view, nth_row (view, PB_BUNDLE_ENTRY_FINDING, 0),
        "Who audits the out-of-hours service, and when do we see the result?", TRUE);
  note (view, nth_row (view, PB_BUNDLE_ENTRY_SECTION, 0), "Ask the chair about the visit in May.", FALSE);
  shoot (GTK_WIDGET (window), "bundle-notes", width);

  editor = PB_MEMBER_NOTE_EDITOR (pb_bundle_view_add_note (view, row, NULL));
  pb_member_note_editor_set_text (editor, "Is the new placement sufficiency plan funded?");
  pb_member_note_editor_set_question (editor, TRUE);
  shoot (GTK_WIDGET (editor), "bundle-note-editor", width);
  gtk_window_destroy (GTK_WINDOW (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "entry.open", NULL));
  iterate_until (reader_loaded, window);
  shoot (GTK_WIDGET (window), "bundle-finding-followed", width);

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  take (f, 1400, 900);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  take (f, 360, 720);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUT-DIR\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];

  /* What the application loads at start-up, as AdwApplication does from
   * its resource path: the style sheet and the app's icons. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_PREFIX "/icons");
  }
  g_mkdir_with_parents (out_dir, 0755);

  g_test_add ("/bundle-screenshots/wide", Fixture, NULL, pb_bundle_fixture_setup, test_wide,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-screenshots/narrow", Fixture, NULL, pb_bundle_fixture_setup, test_narrow,
              pb_bundle_fixture_teardown);
  return g_test_run ();
}
