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
#include "pb-packs-ui-fixture.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* Packs in the window: Add to Pack from the Findings table, Duplicate
 * Pack, and the list of findings beside a pack. */

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

/* The window's first frame reads no findings for the list beside the
 * packs, hidden in the packs view; shown, it lists every finding. */
static void
test_window_picker_when_shown (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = pb_library_list_findings (f->library, NULL, &error);
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbPacksView *packs_view = pb_window_get_packs_view (window);
  GtkWidget *picker = pb_packs_view_get_picker (packs_view);
  GListModel *listed = pb_finding_picker_get_findings (PB_FINDING_PICKER (picker));

  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, >, 0);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (pb_window_get_content_page (window), !=, "packs");
  g_assert_false (gtk_widget_get_mapped (picker));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-packs", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (packs_view), "packs.show-findings", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (picker));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, findings->len);

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
  guint position = 0, removed = 0, added = 0, addable_position = G_MAXUINT;

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
    GtkWidget *entry = pb_packs_find_widget (picker, GTK_TYPE_SEARCH_ENTRY);
    GtkDropDown *cohort = GTK_DROP_DOWN (pb_packs_find_widget (picker, GTK_TYPE_DROP_DOWN));
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

/* The findings table's cohort menu: each button names its cohort and
 * whether to add it, and the selected findings gain or lose it. */
static void
test_findings_retag (Fixture       *f,
                     gconstpointer  data)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbFindingsView *view = pb_window_get_findings_view (window);
  GtkSelectionModel *selection = pb_findings_view_get_selection (view);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-findings", NULL));

  /* Two findings without care leavers, chosen. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)) && ids->len < 2; i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (!pb_finding_has_cohort (finding, "care_leavers"))
        {
          gint64 id = pb_finding_get_id (finding);

          gtk_selection_model_select_item (selection, i, FALSE);
          g_array_append_val (ids, id);
        }
    }
  g_assert_cmpuint (ids->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "findings.retag", "(sb)", "care_leavers", TRUE));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PbFinding) tagged = pb_library_get_finding (f->library, g_array_index (ids, gint64, i), NULL);
      g_assert_true (pb_finding_has_cohort (tagged, "care_leavers"));
    }

  /* The table reads the findings again: choose the same two again. */
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (selection), i);

      for (guint j = 0; j < ids->len; j++)
        if (pb_finding_get_id (finding) == g_array_index (ids, gint64, j))
          gtk_selection_model_select_item (selection, i, FALSE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "findings.retag", "(sb)", "care_leavers", FALSE));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PbFinding) untagged = pb_library_get_finding (f->library, g_array_index (ids, gint64, i), NULL);
      g_assert_false (pb_finding_has_cohort (untagged, "care_leavers"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

/* Deleting a finding that a pack holds takes it out of the count in the
 * list of packs at once, and Undo puts it back. */
static void
test_window_pack_counts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->library));
  PbPacksView *packs_view = pb_window_get_packs_view (window);
  GListModel *packs = pb_packs_view_get_packs (packs_view);
  PbFindingsView *findings_view = pb_window_get_findings_view (window);
  GtkSelectionModel *selection;
  g_autoptr(PbPack) before = NULL;
  g_autoptr(PbPack) deleted = NULL;
  g_autoptr(PbPack) undone = NULL;
  gboolean chosen = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-packs", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 1);
  before = g_list_model_get_item (packs, 0);
  g_assert_cmpuint (pb_pack_get_n_findings (before), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-findings", NULL));
  selection = pb_findings_view_get_selection (findings_view);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)) && !chosen; i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (selection), i);
      gint64 id = pb_finding_get_id (finding);

      if (pb_library_count_packs_holding (f->library, &id, 1, NULL) == 1)
        chosen = gtk_selection_model_select_item (selection, i, TRUE);
    }
  g_assert_true (chosen);

  gt_signal_logger_connect (logger, packs, "items-changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (findings_view), "findings.delete-selected", NULL));
  gt_signal_logger_assert_emission_pop (logger, packs, "items-changed", NULL, NULL, NULL);
  gt_signal_logger_assert_no_emissions (logger);
  deleted = g_list_model_get_item (packs, 0);
  g_assert_cmpuint (pb_pack_get_n_findings (deleted), ==, pb_pack_get_n_findings (before) - 1);

  g_assert_true (pb_findings_view_undo_delete (findings_view));
  gt_signal_logger_assert_emission_pop (logger, packs, "items-changed", NULL, NULL, NULL);
  undone = g_list_model_get_item (packs, 0);
  g_assert_cmpuint (pb_pack_get_n_findings (undone), ==, pb_pack_get_n_findings (before));

  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/packs-ui/window-packs", Fixture, NULL, pb_packs_fixture_setup, test_window_packs, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/window-pack-counts", Fixture, NULL, pb_packs_fixture_setup, test_window_pack_counts, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/findings-retag", Fixture, NULL, pb_packs_fixture_setup, test_findings_retag, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/window-picker-when-shown", Fixture, NULL, pb_packs_fixture_setup, test_window_picker_when_shown,
              pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/picker", Fixture, NULL, pb_packs_fixture_setup, test_picker, pb_packs_fixture_teardown);

  return g_test_run ();
}
