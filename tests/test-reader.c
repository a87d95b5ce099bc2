/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-findings-panel.h"
#include "pb-import.h"
#include "pb-report-list.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"
#include "pb-suggestion.h"
#include "pb-view-state-store.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"
#include "pb-window.h"

#define fixture_setup     pb_reader_fixture_setup
#define fixture_teardown  pb_reader_fixture_teardown
#define open_window       pb_reader_fixture_open_window
#define iterate_until     pb_reader_iterate_until
#define reader_loaded     pb_reader_loaded
#define view_of           pb_reader_view_of
#define find_editor       pb_reader_find_editor

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for the reader");
  return G_SOURCE_REMOVE;
}

static gboolean
find_finished (Fixture *f)
{
  return !pb_reader_get_finding (pb_window_get_reader (f->window));
}

static void
test_go_to_page (Fixture       *f,
                 gconstpointer  data)
{
  PbDocumentView *view = view_of (f);
  guint first, last;

  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-page", "u", 6));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpuint (pb_document_view_get_page (view), ==, 5);
  pb_document_view_get_visible_pages (view, &first, &last);
  g_assert_cmpuint (first, <=, 5);
  g_assert_cmpuint (last, >=, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-page", NULL));
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.first-page", NULL));
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.last-page", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 7);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  PbDocumentView *view = view_of (f);
  double fitted = pb_document_view_get_zoom (view);

  g_assert_cmpint (pb_document_view_get_sizing (view), ==, PB_SIZING_FIT_WIDTH);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (pb_document_view_get_zoom (view), ==, 1.0);
  g_assert_cmpint (pb_document_view_get_sizing (view), ==, PB_SIZING_FREE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpfloat (pb_document_view_get_zoom (view), >, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fit-width", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat_with_epsilon (pb_document_view_get_zoom (view), fitted, 0.01);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fit-page", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (pb_document_view_get_zoom (view), <, fitted);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);

  /* Across a line break too: "care\nleavers" on each page counts. */
  pb_reader_find (reader, "care leavers", -1);
  iterate_until (find_finished, f);

  g_assert_cmpuint (pb_reader_get_n_matches (reader), ==, pb_test_poppler_count (f->pdf, "care leavers"));
  g_assert_cmpuint (pb_reader_get_n_matches (reader), ==, 16);
  g_assert_cmpint (pb_reader_get_current_match (reader), ==, 0);

  pb_reader_find_next (reader);
  g_assert_cmpint (pb_reader_get_current_match (reader), ==, 1);
  pb_reader_find_previous (reader);
  pb_reader_find_previous (reader);
  g_assert_cmpint (pb_reader_get_current_match (reader), ==, 15);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (pb_document_view_get_page (view_of (f)), ==, 7);
}

static gboolean
has_selection (Fixture *f)
{
  gboolean selected;

  g_object_get (view_of (f), "has-selection", &selected, NULL);
  return selected;
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

static void
test_select_and_copy (Fixture       *f,
                      gconstpointer  data)
{
  PbDocumentView *view = view_of (f);
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *copied = NULL;
  double x1, y1, x2, y2;

  /* Drag from the first letter of the page's first line (baseline at y = 100
   * points) to the middle of its second line. */
  g_assert_true (pb_document_view_page_to_widget (view, 0, 73, 96, &x1, &y1));
  g_assert_true (pb_document_view_page_to_widget (view, 0, 72 + 124, 114, &x2, &y2));
  pb_document_view_select_between (view, x1, y1, x2, y2);
  iterate_until (has_selection, f);

  spans = pb_document_view_get_selection (view);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpuint (((PbSelectionSpan *)g_ptr_array_index (spans, 0))->page, ==, 0);
  g_assert_cmpuint (((PbSelectionSpan *)g_ptr_array_index (spans, 0))->rects->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, clipboard_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_str_has_prefix (copied, "Page 1: care leavers and the local offer.\nPersonal advisers"));
  g_assert_null (strstr (copied, "until"));
}

static void
test_select_across_pages (Fixture       *f,
                          gconstpointer  data)
{
  PbDocumentView *view = view_of (f);
  g_autofree char *text = NULL;
  double x1, y1, x2, y2;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* From the last line of page 1 to the first word of page 2. */
  g_assert_true (pb_document_view_page_to_widget (view, 0, 73, 132, &x1, &y1));
  g_assert_true (pb_document_view_page_to_widget (view, 1, 72 + 28, 96, &x2, &y2));   /* in the "e" of "Page" */
  pb_document_view_select_between (view, x1, y1, x2, y2);

  while (TRUE)
    {
      g_autoptr(GPtrArray) spans = pb_document_view_get_selection (view);
      if (spans->len == 2)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  text = pb_document_view_dup_selected_text (view);
  g_assert_cmpstr (text, ==, "leavers until they are 25.\nPage");
}

static void
test_state_restored (Fixture       *f,
                     gconstpointer  data)
{
  PbWindow *second;
  PbDocumentView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-page", "u", 4));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Closing saves where the report was left... */
  gtk_window_close (GTK_WINDOW (f->window));

  /* ...and a new window opens that report there. */
  second = open_window (f);
  g_assert_nonnull (pb_window_get_selected_report (second));
  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (second)), ==, f->report_id);
  {
    PbWindow *first = f->window;

    f->window = second;
    iterate_until (reader_loaded, f);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
    f->window = first;
  }

  view = pb_reader_get_view (pb_window_get_reader (second));
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 3);
  g_assert_cmpfloat (pb_document_view_get_zoom (view), ==, 1.0);
  g_assert_cmpint (pb_document_view_get_sizing (view), ==, PB_SIZING_FREE);

  gtk_window_destroy (GTK_WINDOW (second));
  pb_test_wait_for_finalize (second);
}

static gboolean
state_written (Fixture *f)
{
  return !pb_reader_get_save_pending (pb_window_get_reader (f->window));
}

/* Opening a report and laying its pages out again at another size write
 * nothing to the library: only the user moving does, a moment later. */
static void
test_layout_writes_nothing (Fixture       *f,
                            gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  PbDocumentView *view = view_of (f);
  PbViewState state;
  double fitted = pb_document_view_get_zoom (view);

  g_assert_false (pb_library_get_view_state (f->library, f->report_id, &state));
  g_assert_false (pb_reader_get_save_pending (reader));

  /* A narrower window fits the width at a smaller zoom: narrow enough that
   * the library folds away and the reader still has less room. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 600);
  while (pb_document_view_get_zoom (view) >= fitted)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (pb_document_view_get_sizing (view), ==, PB_SIZING_FIT_WIDTH);
  g_assert_false (pb_reader_get_save_pending (reader));
  g_assert_false (pb_library_get_view_state (f->library, f->report_id, &state));

  /* Going to a page is a move: written once the moving stops. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-page", "u", 3));
  g_assert_true (pb_reader_get_save_pending (reader));
  g_assert_false (pb_library_get_view_state (f->library, f->report_id, &state));
  iterate_until (state_written, f);
  g_assert_true (pb_library_get_view_state (f->library, f->report_id, &state));
  g_assert_cmpuint (state.page_index, ==, 2);
  g_assert_cmpint (state.sizing, ==, PB_SIZING_FIT_WIDTH);

  /* Moving away and back before the pause is over writes nothing: the
   * library has it already. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-page", "u", 5));
  g_assert_true (pb_reader_get_save_pending (reader));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-page", "u", 3));
  g_assert_false (pb_reader_get_save_pending (reader));
}

static void
test_add_finding (Fixture       *f,
                  gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  PbDocumentView *view = view_of (f);
  GListModel *findings = pb_reader_get_findings (reader);
  PbFindingsPanel *panel = PB_FINDINGS_PANEL (pb_reader_get_findings_panel (reader));
  PbFindingEditor *editor;
  g_autoptr(PbFinding) saved = NULL;
  double x1, y1, x2, y2;

  g_assert_nonnull (findings);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpuint (pb_document_view_count_highlights (view, 0), ==, 0);

  /* Nothing selected: nothing to add. */
  g_assert_null (pb_reader_add_finding (reader));

  g_assert_true (pb_document_view_page_to_widget (view, 0, 73, 114, &x1, &y1));
  g_assert_true (pb_document_view_page_to_widget (view, 0, 72 + 130, 132, &x2, &y2));
  pb_document_view_select_between (view, x1, y1, x2, y2);
  iterate_until (has_selection, f);

  /* The action, as the popover button, the context menu and Ctrl+Enter use. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reader.add-finding", NULL));
  editor = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
        if (PB_IS_FINDING_EDITOR (window))
          editor = PB_FINDING_EDITOR (window);
      }
  }
  g_assert_nonnull (editor);

  /* "Add" needs a cohort: without one nothing is saved. */
  g_assert_false (pb_finding_editor_commit (editor));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  pb_finding_editor_set_cohort (editor, "care_leavers", TRUE);
  pb_finding_editor_set_cohort (editor, "leadership", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL));

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  saved = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (pb_finding_get_quote (saved), ==,
                   "Personal advisers keep in touch with care leavers until they are");
  g_assert_cmpuint (pb_finding_get_page (saved), ==, 1);
  g_assert_cmpuint (pb_finding_get_anchors (saved)->len, ==, 2);
  g_assert_true (pb_finding_has_cohort (saved, "care_leavers"));
  g_assert_true (pb_finding_has_cohort (saved, "leadership"));

  /* Drawn on its page and listed in the panel (under both cohorts, once). */
  g_assert_cmpuint (pb_document_view_count_highlights (view, 0), ==, 1);
  g_assert_cmpuint (pb_document_view_count_highlights (view, 1), ==, 0);
  g_assert_cmpuint (pb_findings_panel_get_n_shown (panel), ==, 1);

  /* And in the library-wide Findings view, which opens it at its passage. */
  {
    PbFindingsView *table = pb_window_get_findings_view (f->window);
    GListModel *rows = pb_findings_view_get_model (table);
    g_autoptr(PbFinding) row = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-findings", NULL));
    g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "findings");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    row = g_list_model_get_item (rows, 0);
    g_assert_cmpint (pb_finding_get_id (row), ==, pb_finding_get_id (saved));

    pb_findings_view_set_search (table, "advisers");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    pb_findings_view_set_search (table, "adoption");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    pb_findings_view_set_search (table, "ad*");    /* refused by the index: nothing, no crash */
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    pb_findings_view_set_search (table, "");

    g_signal_emit_by_name (table, "finding-activated", row);
    g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  }

  /* Clicking the highlight finds it. */
  {
    const PbAnchor *anchor = &g_array_index (pb_finding_get_anchors (saved), PbAnchor, 0);
    double x, y;

    g_assert_true (pb_document_view_page_to_widget (view, 0, (anchor->rect.x1 + anchor->rect.x2) / 2,
                                                    (anchor->rect.y1 + anchor->rect.y2) / 2, &x, &y));
    g_assert_true (pb_document_view_finding_at (view, x, y) != NULL);
    g_assert_cmpint (pb_finding_get_id (pb_document_view_finding_at (view, x, y)), ==,
                     pb_finding_get_id (saved));
  }
}

/* A PDF that arrives with a reviewer's highlight offers it as a finding. */
static void
test_pdf_highlight_accepted (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *marked = pb_test_add_highlight (f->pdf, 2, "Personal advisers keep in touch", "Good practice");
  g_autoptr(GFile) file = g_file_new_for_path (marked);
  PbReader *reader = pb_window_get_reader (f->window);
  PbFindingsPanel *panel = PB_FINDINGS_PANEL (pb_reader_get_findings_panel (reader));
  g_autoptr(GPtrArray) suggestions = NULL;
  PbFindingEditor *editor;
  gint64 id = 0;

  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &id, NULL));
  {
    g_autoptr(PbReport) report = pb_library_get_report (f->library, id, NULL);
    g_signal_emit_by_name (f->library, "report-added", report);
  }
  g_assert_true (pb_window_select_report (f->window, id));
  iterate_until (reader_loaded, f);

  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel), ==, 1);
  suggestions = pb_library_list_suggestions (f->library, id, NULL);
  /* Its Add button names the suggestion by id; an id not offered does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.accept-suggestion", "x", (gint64)-1));
  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.accept-suggestion", "x",
                                             pb_suggestion_get_id (g_ptr_array_index (suggestions, 0))));

  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (pb_finding_get_quote (pb_finding_editor_get_finding (editor)), ==,
                   "Personal advisers keep in touch");
  g_assert_cmpstr (pb_finding_get_note (pb_finding_editor_get_finding (editor)), ==, "Good practice");
  pb_finding_editor_set_cohort (editor, "care_leavers", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL));

  g_assert_cmpuint (g_list_model_get_n_items (pb_reader_get_findings (reader)), ==, 1);
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel), ==, 0);
  g_assert_cmpuint (pb_document_view_count_highlights (view_of (f), 2), ==, 1);
}

/* Placing a finding again reads the report's pages on a worker: the editor
 * asks and goes on at once, and the highlight moves when the answer comes. */
static void
test_reanchor_in_editor (Fixture       *f,
                         gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GListModel *findings = pb_reader_get_findings (reader);
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(PbFinding) shown = NULL;
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);
  PbFindingEditor *editor;

  /* Drawn on page 1, but its words are on page 5. */
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (pb_reader_get_report (reader)));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "Page 5: care leavers and the local offer.");
  pb_finding_set_cohorts (finding, cohorts);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, NULL), >, 0);
  g_assert_cmpuint (pb_document_view_count_highlights (view_of (f), 0), ==, 1);

  shown = g_list_model_get_item (findings, 0);
  editor = g_object_ref (pb_finding_editor_new (GTK_WINDOW (f->window), f->library, shown));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reanchor", NULL));
  g_assert_true (pb_finding_editor_get_reanchoring (editor));
  g_assert_cmpuint (pb_finding_get_page (pb_finding_editor_get_finding (editor)), ==, 1);

  while (pb_finding_editor_get_reanchoring (editor))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pb_finding_get_page (pb_finding_editor_get_finding (editor)), ==, 5);
  g_assert_cmpuint (pb_document_view_count_highlights (view_of (f), 0), ==, 0);
  g_assert_cmpuint (pb_document_view_count_highlights (view_of (f), 4), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  g_source_remove (timeout);
}

static void
test_edit_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GListModel *findings = pb_reader_get_findings (reader);
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbAnchor anchor = { 2, { 72, 90, 300, 104 } };
  PbFindingEditor *editor;
  g_autoptr(PbFinding) first = NULL;
  g_autoptr(PbFinding) edited = NULL;
  AdwToastOverlay *overlay;
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (pb_reader_get_report (reader)));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "Page 2: care leavers and the local offer.");
  pb_finding_set_cohorts (finding, cohorts);
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);

  /* An existing finding saves as it is edited. */
  first = g_list_model_get_item (findings, 0);
  editor = g_object_ref (pb_finding_editor_new (GTK_WINDOW (f->window), f->library, first));
  pb_finding_editor_set_cohort (editor, "children_in_care", TRUE);
  edited = pb_library_get_finding (f->library, id, NULL);
  g_assert_true (pb_finding_has_cohort (edited, "children_in_care"));

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);

  /* Delete from the editor of a clicked highlight: the reader deletes it and
   * offers Undo in a toast. */
  overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (reader), ADW_TYPE_TOAST_OVERLAY));
  g_assert_nonnull (overlay);
  g_signal_emit_by_name (pb_reader_get_view (reader), "finding-activated", first);
  editor = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
        if (PB_IS_FINDING_EDITOR (window))
          editor = PB_FINDING_EDITOR (window);
      }
  }
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_null (pb_library_get_finding (f->library, id, NULL));

  /* The toast's Undo puts it back, cohorts and all. */
  {
    g_autoptr(PbFinding) back = NULL;

    g_assert_true (pb_reader_undo_last_delete (reader));
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
    back = pb_library_get_finding (f->library, id, NULL);
    g_assert_nonnull (back);
    g_assert_true (pb_finding_has_cohort (back, "children_in_care"));
    g_assert_true (pb_finding_has_cohort (back, "care_leavers"));
  }
}

static gboolean
other_report_loaded (Fixture *f)
{
  PbReport *report = pb_window_get_selected_report (f->window);

  return report != NULL && pb_report_get_id (report) != f->report_id && reader_loaded (f);
}

/* The grades over time: one column per inspection, oldest first, the era's
 * combined judgement as one cell; a grade opens its report at the section
 * that gives it, even over the page the reader was last left at. */
static void
test_overview_opens_section (Fixture       *f,
                             gconstpointer  data)
{
  PbCohortOverview *overview = pb_window_get_cohort_overview (f->window);
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GError) error = NULL;
  PbInspection *latest;
  GtkWidget *cell;
  guint page;

  /* Imported behind the window's back, as the demo is before it opens. */
  g_assert_true (pb_demo_populate (f->library, f->dir, &error));
  g_assert_no_error (error);
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "overview");
  g_assert_cmpstr (pb_cohort_overview_get_authority (overview), ==, "Harrowdale");
  g_assert_cmpuint (pb_cohort_overview_get_n_inspections (overview), ==, 2);

  /* 2019: one cell for both cohorts; 2024: one each. */
  cell = pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_CHILDREN_IN_CARE);
  g_assert_nonnull (cell);
  g_assert_true (cell == pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_CARE_LEAVERS));
  g_assert_nonnull (pb_cohort_overview_get_cell (overview, 1, PB_JUDGEMENT_CARE_LEAVERS));
  g_assert_true (pb_cohort_overview_get_cell (overview, 1, PB_JUDGEMENT_CHILDREN_IN_CARE) !=
                 pb_cohort_overview_get_cell (overview, 1, PB_JUDGEMENT_CARE_LEAVERS));
  g_assert_null (pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_ADOPTION));

  inspections = pb_library_list_inspections (f->library, "Harrowdale", &error);
  g_assert_no_error (error);
  latest = g_ptr_array_index (inspections, 1);
  page = pb_structure_page_for_judgement (latest->structure, PB_JUDGEMENT_CARE_LEAVERS);
  g_assert_cmpuint (page, >, 1);

  g_signal_emit_by_name (pb_cohort_overview_get_cell (overview, 1, PB_JUDGEMENT_CARE_LEAVERS), "clicked");
  iterate_until (other_report_loaded, f);

  g_assert_cmpint (pb_report_get_id (pb_window_get_selected_report (f->window)), ==, latest->report_id);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "reader");
  g_assert_cmpuint (pb_document_view_get_page (pb_reader_get_view (pb_window_get_reader (f->window))), ==, page - 1);

  /* A report removed while the grid is shown leaves it at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL));
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "overview");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  g_assert_true (pb_library_remove_report (f->library,
                                           ((PbInspection *)g_ptr_array_index (inspections, 0))->report_id,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pb_window_get_content_page (f->window), ==, "overview");
  g_assert_cmpuint (pb_cohort_overview_get_n_inspections (overview), ==, 1);
  g_assert_nonnull (pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_CHILDREN_IN_CARE));
  g_assert_true (pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_CHILDREN_IN_CARE) !=
                 pb_cohort_overview_get_cell (overview, 0, PB_JUDGEMENT_CARE_LEAVERS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Layout settles at once: nothing is measured half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/reader/go-to-page", Fixture, NULL, fixture_setup, test_go_to_page, fixture_teardown);
  g_test_add ("/reader/zoom", Fixture, NULL, fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/reader/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/reader/select-and-copy", Fixture, NULL, fixture_setup, test_select_and_copy, fixture_teardown);
  g_test_add ("/reader/select-across-pages", Fixture, NULL, fixture_setup, test_select_across_pages, fixture_teardown);
  g_test_add ("/reader/add-finding", Fixture, NULL, fixture_setup, test_add_finding, fixture_teardown);
  g_test_add ("/reader/pdf-highlight-accepted", Fixture, NULL, fixture_setup, test_pdf_highlight_accepted, fixture_teardown);
  g_test_add ("/reader/edit-delete-undo", Fixture, NULL, fixture_setup, test_edit_delete_undo, fixture_teardown);
  g_test_add ("/reader/overview-opens-section", Fixture, NULL, fixture_setup, test_overview_opens_section, fixture_teardown);
  g_test_add ("/reader/state-restored", Fixture, NULL, fixture_setup, test_state_restored, fixture_teardown);
  g_test_add ("/reader/reanchor-in-editor", Fixture, NULL, fixture_setup, test_reanchor_in_editor, fixture_teardown);
  g_test_add ("/reader/layout-writes-nothing", Fixture, NULL, fixture_setup, test_layout_writes_nothing, fixture_teardown);

  return g_test_run ();
}
