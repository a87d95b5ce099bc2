/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the reader");
  return G_SOURCE_REMOVE;
}

void
pb_reader_iterate_until (gboolean (*done) (Fixture *f),
                         Fixture   *f)
{
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);

  while (!done (f))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

gboolean
pb_reader_loaded (Fixture *f)
{
  return pb_reader_get_loaded (pb_window_get_reader (f->window));
}

PbWindow *
pb_reader_fixture_open_window (Fixture *f)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));

  gtk_window_set_default_size (GTK_WINDOW (window), f->width > 0 ? f->width : 1000,
                               f->height > 0 ? f->height : 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* A finding on @page (a page number, from 1) of the report being read,
 * tagged care leavers, saved straight to the library; its id. */
gint64
pb_reader_fixture_add_finding (Fixture       *f,
                               guint          page,
                               const char    *quote,
                               const char    *note,
                               PbFindingKind  kind)
{
  PbReader *reader = pb_window_get_reader (f->window);
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbAnchor anchor = { page, { 72, 90, 300, 104 } };
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (pb_reader_get_report (reader)));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, quote);
  if (note != NULL)
    pb_finding_set_note (finding, note);
  pb_finding_set_kind (finding, kind);
  pb_finding_set_cohorts (finding, cohorts);
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Imports a report of @n_pages pages, each with the same three lines (and,
 * after the first report, its file's name on a fourth), behind
 * the window's back (the window hears of it as of any import). */
gint64
pb_reader_fixture_import (Fixture    *f,
                          const char *name,
                          const char *title,
                          guint       n_pages)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = NULL;
  g_autofree char *pdf = NULL;
  gint64 id = 0;

  /* Reports after the first say whose they are: the library refuses a
   * report whose pages are another's, saved again. */
  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Page %u: care leavers and the local offer.\n"
                                             "Personal advisers keep in touch with care\n"
                                             "leavers until they are 25.%s%s", i + 1,
                                             f->pdf != NULL ? "\n" : "", f->pdf != NULL ? name : ""));
  g_ptr_array_add (pages, NULL);

  pdf = pb_test_write_pdf (f->dir, name, (const char **)pages->pdata,
                           &(PbTestPdfOptions) { .title = title });
  file = g_file_new_for_path (pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  if (f->pdf == NULL)
    f->pdf = g_steal_pointer (&pdf);
  return id;
}

void
pb_reader_fixture_setup (Fixture       *f,
                         gconstpointer  data)
{
  /* The test's data, if any, is the window's size: width << 16 | height. */
  f->width = GPOINTER_TO_UINT (data) >> 16;
  f->height = GPOINTER_TO_UINT (data) & 0xffff;
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  f->report_id = pb_reader_fixture_import (f, "offer.pdf", "Local offer", 8);

  f->window = pb_reader_fixture_open_window (f);
  g_assert_true (pb_window_select_report (f->window, f->report_id));
  pb_reader_iterate_until (pb_reader_loaded, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

void
pb_reader_fixture_teardown (Fixture       *f,
                            gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_wait_for_finalize (f->window);
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

PbDocumentView *
pb_reader_view_of (Fixture *f)
{
  return pb_reader_get_view (pb_window_get_reader (f->window));
}

PbFindingEditor *
pb_reader_find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  PbFindingEditor *editor = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (PB_IS_FINDING_EDITOR (window))
        editor = PB_FINDING_EDITOR (window);
    }

  return editor;
}

GtkWidget *
pb_reader_find_widget (GtkWidget *widget,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pb_reader_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first entry row under @widget whose title starts with
 * @title_prefix ("Title", "Date of the Document"), or NULL. */
AdwEntryRow *
pb_reader_find_entry_row (GtkWidget  *widget,
                          const char *title_prefix)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title_prefix))
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = pb_reader_find_entry_row (child, title_prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_nodes (GskRenderNode     *node,
             GskRenderNodeType  type)
{
  guint n = 0;

  if (node == NULL)
    return 0;

  if (gsk_render_node_get_node_type (node) == type)
    return 1;

  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i), type);
      return n;
    case GSK_TRANSFORM_NODE:
      return count_nodes (gsk_transform_node_get_child (node), type);
    case GSK_CLIP_NODE:
      return count_nodes (gsk_clip_node_get_child (node), type);
    case GSK_ROUNDED_CLIP_NODE:
      return count_nodes (gsk_rounded_clip_node_get_child (node), type);
    case GSK_OPACITY_NODE:
      return count_nodes (gsk_opacity_node_get_child (node), type);
    case GSK_DEBUG_NODE:
      return count_nodes (gsk_debug_node_get_child (node), type);
    case GSK_SHADOW_NODE:
      return count_nodes (gsk_shadow_node_get_child (node), type);
    case GSK_COLOR_MATRIX_NODE:
      return count_nodes (gsk_color_matrix_node_get_child (node), type);
    default:
      return 0;
    }
}

/* How many render nodes of @type a snapshot of @widget holds: the picture
 * the window drew last, so wait for a frame after a change. */
guint
pb_reader_count_nodes (GtkWidget         *widget,
                       GskRenderNodeType  type)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  return count_nodes (node, type);
}

/* How many pictures (rendered pages) @widget draws now: 0 when it draws
 * nothing, as a widget waiting for an allocation that never comes does. */
guint
pb_reader_count_textures (GtkWidget *widget)
{
  return pb_reader_count_nodes (widget, GSK_TEXTURE_NODE);
}

static gboolean
has_selection (Fixture *f)
{
  gboolean selected;

  g_object_get (pb_reader_view_of (f), "has-selection", &selected, NULL);
  return selected;
}

/* Drags across page @page from one point to another, in PDF points, and
 * waits for the words to arrive. */
void
pb_reader_select_words (Fixture *f,
                        guint    page,
                        double   x1_pt,
                        double   y1_pt,
                        double   x2_pt,
                        double   y2_pt)
{
  PbDocumentView *view = pb_reader_view_of (f);
  double x1, y1, x2, y2;

  g_assert_true (pb_document_view_page_to_widget (view, page, x1_pt, y1_pt, &x1, &y1));
  g_assert_true (pb_document_view_page_to_widget (view, page, x2_pt, y2_pt, &x2, &y2));
  pb_document_view_select_between (view, x1, y1, x2, y2);
  pb_reader_iterate_until (has_selection, f);
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* What the clipboard holds now, as text; "" for nothing. */
char *
pb_reader_read_clipboard (GtkWidget *widget)
{
  char *copied = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  return copied;
}

/* Whether a shortcut of @widget's controllers in @phase acts on @trigger. */
static gboolean
run_shortcuts (GtkWidget          *widget,
               GtkShortcutTrigger *trigger,
               GtkPropagationPhase phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE) !=
            (phase == GTK_PHASE_CAPTURE))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* Dispatches a key press as GTK does for shortcuts: first down from @root
 * to the widget with the keyboard focus (in @root, or in the popover that
 * has it), asking controllers of the capture phase; then from that widget
 * up through its ancestors, asking the others; the first shortcut for the
 * keys that can act acting. No event is made: the test drives what a key
 * press would reach.
 *
 * Returns: the widget whose shortcut acted, or %NULL if none did */
GtkWidget *
pb_reader_press_keys (GtkRoot         *root,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkWidget *widget = gtk_root_get_focus (root);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (path, widget);

  for (guint i = path->len; i > 0; i--)
    if (run_shortcuts (g_ptr_array_index (path, i - 1), trigger, GTK_PHASE_CAPTURE))
      return g_ptr_array_index (path, i - 1);

  for (guint i = 0; i < path->len; i++)
    if (run_shortcuts (g_ptr_array_index (path, i), trigger, GTK_PHASE_BUBBLE))
      return g_ptr_array_index (path, i);

  return NULL;
}

/* The page view's gesture of @type (a click or a drag), to drive as the
 * pointer would. */
GtkGesture *
pb_reader_view_gesture (Fixture *f,
                        GType    type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (pb_reader_view_of (f)));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);   /* the view keeps it */
    }

  g_assert_not_reached ();
}
