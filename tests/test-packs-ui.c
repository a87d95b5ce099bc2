/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <poppler.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-demo.h"
#include "pb-finding-picker.h"
#include "pb-finding-store.h"
#include "pb-finding-tile.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-packs-view.h"
#include "pb-preview-window.h"
#include "pb-print.h"
#include "pb-report-store.h"
#include "pb-save-annotated.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* The pack editor in a window: keyboard moves, removal with Undo, the
 * classification question, Add to Pack from the Findings table, drops, the
 * preview and printing. */

typedef struct
{
  char            *dir;
  PbLibrary       *library;
  gint64           pack_id;
  GtkWidget       *window;
  AdwToastOverlay *overlay;
  PbPackEditor    *editor;
} Fixture;

static void
fixture_setup (Fixture       *f,
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

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pb_test_wait_for_finalize (f->window);
  pb_test_wait_for_finalize (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PbPackEntry *
entry_at (Fixture *f,
          guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (pb_pack_editor_get_contents (f->editor)), position);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static void
focus_row (Fixture *f,
           guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (pb_pack_editor_get_list (f->editor), (int)position);

  g_assert_nonnull (row);
  gtk_list_box_select_row (pb_pack_editor_get_list (f->editor), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Alt+Down on a row moves it, only the rows touched change, and the
 * keyboard stays on the row that moved. */
static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  GtkListBox *list = pb_pack_editor_get_list (f->editor);
  g_autoptr(PbPackEntry) first = entry_at (f, 1);
  g_autoptr(PbPackEntry) second = entry_at (f, 2);
  g_autoptr(PbPackEntry) moved = NULL;
  GtkWidget *focus;
  guint position, removed, added;

  g_assert_cmpuint (n_rows (list), ==, g_list_model_get_n_items (G_LIST_MODEL (contents)));
  g_assert_cmpint (pb_pack_entry_get_kind (first), !=, PB_PACK_ENTRY_SECTION);
  g_assert_cmpint (pb_pack_entry_get_kind (second), !=, PB_PACK_ENTRY_SECTION);

  gt_signal_logger_connect (logger, contents, "items-changed");
  focus_row (f, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.move-down", NULL));

  gt_signal_logger_assert_emission_pop (logger, contents, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (added, ==, 2);
  gt_signal_logger_assert_no_emissions (logger);

  moved = entry_at (f, 2);
  g_assert_cmpint (pb_pack_entry_get_id (moved), ==, pb_pack_entry_get_id (first));
  g_assert_cmpuint (n_rows (list), ==, g_list_model_get_n_items (G_LIST_MODEL (contents)));

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW))),
                   ==, 2);

  /* And back up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.move-up", NULL));
  g_clear_object (&moved);
  moved = entry_at (f, 1);
  g_assert_cmpint (pb_pack_entry_get_id (moved), ==, pb_pack_entry_get_id (first));
}

/* Delete takes the selected rows out; Undo puts them back where they were. */
static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  GtkListBox *list = pb_pack_editor_get_list (f->editor);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (contents));
  g_autoptr(PbPackEntry) gone = entry_at (f, 2);
  g_autoptr(PbPackEntry) back = NULL;

  focus_row (f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contents)), ==, before - 1);
  g_assert_cmpuint (n_rows (list), ==, before - 1);
  g_assert_cmpuint (pb_pack_contents_find (contents, PB_PACK_ENTRY_FINDING, pb_pack_entry_get_id (gone)), ==, G_MAXUINT);

  g_assert_true (pb_pack_editor_undo_remove (f->editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contents)), ==, before);
  back = entry_at (f, 2);
  g_assert_cmpstr (pb_pack_entry_get_text (back), ==, pb_pack_entry_get_text (gone));
  /* Once only. */
  g_assert_false (pb_pack_editor_undo_remove (f->editor));
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The only combo row in the editor. */
static AdwComboRow *
classification_row (Fixture *f)
{
  GtkWidget *found = find_descendant (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW);

  g_assert_nonnull (found);
  return ADW_COMBO_ROW (found);
}

/* Making an exempt pack public lists what is not for publication and asks;
 * keeping it exempt changes nothing, going ahead takes those findings out. */
static void
test_make_public_asks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) exempt = NULL;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GArray) held = NULL;
  gint64 exempt_id;
  AdwComboRow *row = classification_row (f);
  AdwMessageDialog *dialog;

  filter.exempt = 1;
  exempt = pb_library_list_findings (f->library, &filter, &error);
  g_assert_cmpuint (exempt->len, ==, 1);
  exempt_id = pb_finding_get_id (g_ptr_array_index (exempt, 0));

  /* Exempt, holding the exempt finding. */
  adw_combo_row_set_selected (row, 1);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_true (pb_pack_get_exempt (pack));
  g_clear_object (&pack);
  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, &exempt_id, 1, &error));
  g_assert_no_error (error);
  g_assert_null (find_dialog (f));

  /* Public: asked; kept exempt. */
  adw_combo_row_set_selected (row, 0);
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not for publication"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_true (pb_pack_get_exempt (pack));
  g_clear_object (&pack);

  /* Public again: this time remove and go ahead. */
  adw_combo_row_set_selected (row, 0);
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_false (pb_pack_get_exempt (pack));
  held = pb_library_list_pack_exempt_findings (f->library, f->pack_id, &error);
  g_assert_cmpuint (held->len, ==, 0);
}

/* A finding dropped on a row lands just before it. */
static void
test_drop_finding (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  g_autoptr(PbPackEntry) finding_row = NULL;
  g_autoptr(PbPackEntry) anchor = NULL;
  g_autoptr(PbPackEntry) landed = NULL;
  g_autoptr(PbFinding) finding = NULL;
  guint last = g_list_model_get_n_items (G_LIST_MODEL (contents)) - 1;
  guint from;

  /* Take a finding out, then drop it before the last row. */
  for (guint i = 0; i <= last && finding_row == NULL; i++)
    {
      g_autoptr(PbPackEntry) entry = entry_at (f, i);

      if (pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_FINDING)
        finding_row = g_object_ref (entry);
    }
  g_assert_nonnull (finding_row);
  finding = g_object_ref (pb_pack_entry_get_finding (finding_row));
  from = pb_pack_contents_find (contents, PB_PACK_ENTRY_FINDING, pb_pack_entry_get_id (finding_row));
  {
    g_autoptr(PbPackRemoval) removal = pb_pack_contents_remove (contents, &from, 1, &error);
    g_assert_no_error (error);
  }

  last = g_list_model_get_n_items (G_LIST_MODEL (contents)) - 1;
  anchor = entry_at (f, last);
  g_assert_true (pb_pack_editor_drop_finding (f->editor, finding, last));
  landed = entry_at (f, last);
  g_assert_nonnull (pb_pack_entry_get_finding (landed));
  g_assert_cmpint (pb_finding_get_id (pb_pack_entry_get_finding (landed)), ==, pb_finding_get_id (finding));
  g_clear_object (&landed);
  landed = entry_at (f, last + 1);
  g_assert_cmpint (pb_pack_entry_get_id (landed), ==, pb_pack_entry_get_id (anchor));
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  guint n;

  g_assert_nonnull (document);
  n = (guint)poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

static void
loaded_cb (PbPreviewWindow *window,
           gboolean        *loaded)
{
  *loaded = TRUE;
}

/* The preview shows the exported file with the reader; printing it to a
 * file gives the same pages with the same words. */
static void
test_preview_and_print (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkWidget *preview;
  gboolean loaded = FALSE;
  guint pages;

  g_assert_true (pb_library_export_pack (f->library, f->pack_id, PB_PACK_FORMAT_PDF, pdf, &error));
  g_assert_no_error (error);
  pages = count_pages (pdf);

  preview = pb_preview_window_new (GTK_WINDOW (f->window), pdf, "Pack", TRUE);
  g_signal_connect (preview, "loaded", G_CALLBACK (loaded_cb), &loaded);
  gtk_window_present (GTK_WINDOW (preview));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  /* More than one page (the sections flow on, no longer a page each). */
  g_assert_cmpuint (pb_preview_window_get_n_pages (PB_PREVIEW_WINDOW (preview)), >=, 2);
  g_assert_cmpuint (pb_preview_window_get_n_pages (PB_PREVIEW_WINDOW (preview)), ==, pages);

  operation = pb_print_operation_new_for_pdf (pdf, "Pack", &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (printed), ==, pages);
  g_assert_cmpuint (pb_test_poppler_count (printed, "Questions for officers"), >=, 1);

  /* A temporary preview leaves nothing behind. */
  gtk_window_destroy (GTK_WINDOW (preview));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
preview_window_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (PB_IS_PREVIEW_WINDOW (window))
        return window;
    }
  return NULL;
}

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             double         *highest)
{
  *highest = MAX (*highest, gtk_progress_bar_get_fraction (bar));
}

/* Preview shows how far the export has got, up to the whole; cancelled, it
 * stops without a preview. */
static void
test_preview_progress_cancel (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (f->editor), GTK_TYPE_PROGRESS_BAR);
  GtkWidget *busy = gtk_widget_get_parent (bar);
  GtkWidget *preview;
  double highest = 0;

  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (busy));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_cb), &highest);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  g_assert_true (gtk_widget_get_visible (busy));
  while ((preview = preview_window_shown ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (busy));
  g_assert_cmpfloat (highest, ==, 1.0);
  gtk_window_destroy (GTK_WINDOW (preview));

  /* Cancelled as soon as it starts: the worker has not yet opened the library. */
  highest = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.preview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.cancel-export", NULL));
  while (gtk_widget_get_visible (busy))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (preview_window_shown ());
  g_assert_cmpfloat (highest, <, 1.0);
  g_signal_handlers_disconnect_by_func (bar, fraction_cb, &highest);
}

/* In the window: Ctrl+Shift+B shows the packs; Add to Pack in the Findings
 * table makes a new pack of the selected findings, and the list of packs
 * follows. */
static void
test_window_packs (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbPacksView *packs_view = pb_window_get_packs_view (window);
  GListModel *packs = pb_packs_view_get_packs (packs_view);
  PbFindingsView *findings_view = pb_window_get_findings_view (window);
  g_autoptr(PbPack) newest = NULL;
  guint n_public = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-packs", NULL));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "packs");
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 1);
  g_assert_cmpint (pb_pack_editor_get_pack_id (pb_packs_view_get_editor (packs_view)), ==, f->pack_id);

  /* The findings table, its public findings chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-findings", NULL));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "findings");
  {
    GtkSelectionModel *selection = pb_findings_view_get_selection (findings_view);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
      {
        g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (selection), i);

        if (!pb_finding_get_exempt (finding))
          {
            gtk_selection_model_select_item (selection, i, FALSE);
            n_public++;
          }
      }
  }
  g_assert_cmpuint (n_public, >=, 2);

  gt_signal_logger_connect (logger, packs, "items-changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (findings_view), "findings.add-to-pack", "x", (gint64)0));
  gt_signal_logger_assert_emission_pop (logger, packs, "items-changed", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 2);

  /* The new pack holds them all; the demo pack is as it was. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PbPack) pack = g_list_model_get_item (packs, i);

      if (pb_pack_get_id (pack) != f->pack_id)
        newest = g_object_ref (pack);
    }
  g_assert_nonnull (newest);
  g_assert_cmpuint (pb_pack_get_n_findings (newest), ==, n_public);

  /* Duplicate Pack, from the editor's menu: the copy is listed and shown. */
  {
    g_autoptr(PbPack) shown = NULL;
    gint64 from = pb_pack_editor_get_pack_id (pb_packs_view_get_editor (packs_view));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-packs", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pb_packs_view_get_editor (packs_view)),
                                               "packs.duplicate", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 3);
    g_assert_cmpint (pb_pack_editor_get_pack_id (pb_packs_view_get_editor (packs_view)), >, from);
    shown = pb_library_get_pack (f->library, pb_pack_editor_get_pack_id (pb_packs_view_get_editor (packs_view)), NULL);
    g_assert_true (g_str_has_suffix (pb_pack_get_title (shown), " (copy)"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

/* The stack below @widget that has a page called @name. */
static GtkStack *
find_stack_with_page (GtkWidget  *widget,
                      const char *name)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with_page (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_tiles (GtkWidget *widget,
               GPtrArray *tiles)
{
  if (PB_IS_FINDING_TILE (widget) && pb_finding_tile_get_finding (PB_FINDING_TILE (widget)) != NULL)
    g_ptr_array_add (tiles, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_tiles (child, tiles);
}

static PbFindingTile *
tile_for (GtkWidget *picker,
          gint64     finding_id)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();

  collect_tiles (picker, tiles);
  for (guint i = 0; i < tiles->len; i++)
    if (pb_finding_get_id (pb_finding_tile_get_finding (g_ptr_array_index (tiles, i))) == finding_id)
      return g_ptr_array_index (tiles, i);
  return NULL;
}

/* What a tile hands over when it is dragged: its finding, or nothing when
 * the pack cannot take it. */
static PbFinding *
drag_value (PbFindingTile *tile)
{
  GtkEventController *source = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (tile));
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && source == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        source = controller;
    }
  g_assert_nonnull (source);

  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  if (provider == NULL)
    return NULL;
  g_value_init (&value, PB_TYPE_FINDING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_object (&value);
}

/* The Findings list beside the packs: each finding says whether the pack
 * holds it or cannot take it, Enter adds one to its cohort's section, a
 * drag carries it, and the search narrows the list. */
static void
test_picker (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  PbPacksView *view = g_object_new (PB_TYPE_PACKS_VIEW, NULL);
  GtkWidget *picker = pb_packs_view_get_picker (view);
  GListModel *listed;
  PbPackContents *contents;
  PbFinding *exempt = NULL, *addable = NULL;
  g_autoptr(PbFinding) dragged = NULL;
  GtkListView *list_view;
  gint64 pack_id;
  guint position, removed, added, addable_position = G_MAXUINT;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  pb_packs_view_set_library (view, f->library);
  pack_id = pb_library_create_pack (f->library, "Empty pack", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_packs_view_select_pack (view, pack_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "packs.show-findings", NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  listed = pb_finding_picker_get_findings (PB_FINDING_PICKER (picker));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, findings->len);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (listed, i);
      PbFindingTile *tile = tile_for (picker, pb_finding_get_id (finding));

      g_assert_nonnull (tile);
      if (pb_finding_get_exempt (finding))
        {
          g_assert_cmpint (pb_finding_tile_get_state (tile), ==, PB_FINDING_TILE_REFUSED);
          exempt = pb_finding_tile_get_finding (tile);
        }
      else
        {
          g_assert_cmpint (pb_finding_tile_get_state (tile), ==, PB_FINDING_TILE_ADDABLE);
          if (addable == NULL)
            {
              addable = pb_finding_tile_get_finding (tile);
              addable_position = i;
            }
        }
    }
  g_assert_nonnull (exempt);
  g_assert_nonnull (addable);
  g_object_ref (exempt);
  g_object_ref (addable);

  /* A drag carries the finding; an exempt one cannot be dragged into a public pack. */
  dragged = drag_value (tile_for (picker, pb_finding_get_id (addable)));
  g_assert_true (dragged == addable);
  g_assert_null (drag_value (tile_for (picker, pb_finding_get_id (exempt))));

  /* Enter on a finding adds it to its cohort's section, and says so. */
  contents = pb_pack_editor_get_contents (pb_packs_view_get_editor (view));
  gt_signal_logger_connect (logger, contents, "items-changed");
  list_view = GTK_LIST_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (tile_for (picker, pb_finding_get_id (addable))), GTK_TYPE_LIST_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", addable_position));
  gt_signal_logger_assert_emission_pop (logger, contents, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (added, >=, 1);
  {
    guint at = pb_pack_contents_find (contents, PB_PACK_ENTRY_SECTION, pb_pack_contents_section_at (contents, position));
    g_autoptr(PbPackEntry) section = g_list_model_get_item (G_LIST_MODEL (contents), at);

    g_assert_true (pb_finding_has_cohort (addable, pb_pack_entry_get_cohort (section)));
  }
  g_assert_cmpint (pb_finding_tile_get_state (tile_for (picker, pb_finding_get_id (addable))), ==,
                   PB_FINDING_TILE_IN_PACK);

  /* Enter on the exempt one changes nothing. */
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (listed, i);

      if (pb_finding_get_id (finding) == pb_finding_get_id (exempt))
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", i));
    }
  gt_signal_logger_assert_no_emissions (logger);

  /* Made exempt, the pack can take it. */
  g_assert_true (pb_library_set_pack_exempt (f->library, pack_id, TRUE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pb_finding_tile_get_state (tile_for (picker, pb_finding_get_id (exempt))), ==,
                   PB_FINDING_TILE_ADDABLE);
  gt_signal_logger_free (g_steal_pointer (&logger));

  /* The search and the cohort narrow the list, and it says when nothing matches. */
  {
    GtkWidget *entry = find_widget (picker, GTK_TYPE_SEARCH_ENTRY);
    GtkDropDown *cohort = GTK_DROP_DOWN (find_widget (picker, GTK_TYPE_DROP_DOWN));
    GtkStack *stack = find_stack_with_page (picker, "list");
    GListModel *names = gtk_drop_down_get_model (cohort);
    g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (f->library, NULL);
    guint care_leavers = 0;

    gtk_editable_set_text (GTK_EDITABLE (entry), "stable homes");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
    gtk_editable_set_text (GTK_EDITABLE (entry), "no finding says this");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, findings->len);

    /* "All cohorts", then each cohort by name, in the library's order. */
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, cohorts->len + 1);
    for (guint i = 0; i < cohorts->len; i++)
      if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, i)), "care_leavers"))
        care_leavers = i + 1;
    g_assert_cmpuint (care_leavers, >, 0);
    gtk_drop_down_set_selected (cohort, care_leavers);
    g_assert_cmpuint (g_list_model_get_n_items (listed), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (listed), <, findings->len);
    for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
      {
        g_autoptr(PbFinding) finding = g_list_model_get_item (listed, i);

        g_assert_true (pb_finding_has_cohort (finding, "care_leavers"));
      }
  }

  g_object_unref (exempt);
  g_object_unref (addable);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

/* The Findings table saves what it shows, as filtered and sorted, as CSV,
 * from its Export button in the header bar. */
static void
test_findings_export_csv (Fixture       *f,
                          gconstpointer  data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbFindingsView *view = pb_window_get_findings_view (window);
  GListModel *shown = pb_findings_view_get_model (view);
  g_autofree char *path = g_build_filename (f->dir, "shown.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_all;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-findings", NULL));
  n_all = g_list_model_get_n_items (shown);
  pb_findings_view_set_search (view, "pathway");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_all);

  /* With exempt findings when asked for, and without them when not; in
   * the order shown either way. */
  for (int include = 1; include >= 0; include--)
    {
      g_autofree char *csv = NULL;
      g_auto(GStrv) lines = NULL;
      guint row = 1, n_exempt = 0;

      g_unlink (path);
      pb_findings_view_export_to (view, file, include);
      while (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);

      g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
      lines = g_strsplit (csv, "\r\n", -1);
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(PbFinding) finding = g_list_model_get_item (shown, i);
          g_autofree char *start = g_strdup_printf ("\"%" G_GINT64_FORMAT "\",", pb_finding_get_id (finding));

          n_exempt += pb_finding_get_exempt (finding);
          if (!include && pb_finding_get_exempt (finding))
            continue;
          g_assert_nonnull (lines[row]);
          g_assert_true (g_str_has_prefix (lines[row], start));
          row++;
        }
      g_assert_cmpuint (n_exempt, >=, 1);
      g_assert_cmpstr (lines[row], ==, "");
      g_assert_null (lines[row + 1]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static guint
count_highlights (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *mappings = poppler_page_get_annot_mapping (page);

      for (GList *l = mappings; l != NULL; l = l->next)
        n += poppler_annot_get_annot_type (((PopplerAnnotMapping *)l->data)->annot) == POPPLER_ANNOT_HIGHLIGHT;
      poppler_page_free_annot_mapping (mappings);
      g_object_unref (page);
    }
  g_object_unref (document);
  return n;
}

/* Save a Copy with Findings: a highlight for each of the report's findings,
 * off the main thread; exempt ones only when asked for. */
static void
test_save_annotated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, &error);
  PbFinding *exempt = NULL;
  g_autoptr(PbReport) report = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) in_report = NULL;
  int refs = g_atomic_int_get (&G_OBJECT (f->library)->ref_count);

  for (guint i = 0; i < findings->len && exempt == NULL; i++)
    if (pb_finding_get_exempt (g_ptr_array_index (findings, i)))
      exempt = g_ptr_array_index (findings, i);
  g_assert_nonnull (exempt);
  report = pb_library_get_report (f->library, pb_finding_get_report_id (exempt), &error);
  g_assert_no_error (error);
  filter.report_id = pb_report_get_id (report);
  in_report = pb_library_list_findings (f->library, &filter, &error);
  g_assert_no_error (error);

  for (int include = 0; include <= 1; include++)
    {
      g_autofree char *path = g_strdup_printf ("%s/copy-%d.pdf", f->dir, include);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint expected = 0;

      for (guint i = 0; i < in_report->len; i++)
        expected += include || !pb_finding_get_exempt (g_ptr_array_index (in_report, i));

      pb_save_annotated_to (GTK_WIDGET (f->editor), f->library, report, file, include);
      while (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (count_highlights (path), ==, expected);
    }

  /* Each save's task lets go of the library once its answer is in. */
  while (g_atomic_int_get (&G_OBJECT (f->library)->ref_count) > refs)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/packs-ui/keyboard-move", Fixture, NULL, fixture_setup, test_keyboard_move, fixture_teardown);
  g_test_add ("/packs-ui/remove-undo", Fixture, NULL, fixture_setup, test_remove_undo, fixture_teardown);
  g_test_add ("/packs-ui/make-public-asks", Fixture, NULL, fixture_setup, test_make_public_asks, fixture_teardown);
  g_test_add ("/packs-ui/drop-finding", Fixture, NULL, fixture_setup, test_drop_finding, fixture_teardown);
  g_test_add ("/packs-ui/window-packs", Fixture, NULL, fixture_setup, test_window_packs, fixture_teardown);
  g_test_add ("/packs-ui/picker", Fixture, NULL, fixture_setup, test_picker, fixture_teardown);
  g_test_add ("/packs-ui/preview-progress-cancel", Fixture, NULL, fixture_setup, test_preview_progress_cancel, fixture_teardown);
  g_test_add ("/packs-ui/findings-export-csv", Fixture, NULL, fixture_setup, test_findings_export_csv, fixture_teardown);
  g_test_add ("/packs-ui/save-annotated", Fixture, NULL, fixture_setup, test_save_annotated, fixture_teardown);
  g_test_add ("/packs-ui/preview-and-print", Fixture, NULL, fixture_setup, test_preview_and_print, fixture_teardown);

  return g_test_run ();
}
