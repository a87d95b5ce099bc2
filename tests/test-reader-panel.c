/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pb-finding-row.h"
#include "pb-finding-store.h"
#include "pb-findings-panel.h"
#include "pb-import.h"
#include "pb-reader-fixture.h"
#include "pb-report-list.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

/* The findings panel beside the pages: the officer's findings first, each
 * with its menu (edit, cohorts, pack, delete) as on the page; below them
 * what the report suggests, without what is already a finding, to add or
 * dismiss one by one or all at once; and every finding made of a
 * suggestion drawn on its page. */

static gint64 corpus_id;

static gboolean
corpus_loaded (Fixture *f)
{
  PbReport *report = pb_reader_get_report (pb_window_get_reader (f->window));

  return report != NULL && pb_report_get_id (report) == corpus_id && pb_reader_loaded (f);
}

/* Opens a published report from the corpus, or skips the test. */
static gboolean
open_corpus (Fixture    *f,
             const char *relative)
{
  g_autofree char *path = pb_test_corpus_path (relative);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("the corpus is not here");
      return FALSE;
    }

  file = g_file_new_for_path (path);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &corpus_id, NULL));
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), &error));
  g_assert_no_error (error);
  g_assert_true (pb_window_select_report (f->window, corpus_id));
  pb_reader_iterate_until (corpus_loaded, f);
  return TRUE;
}

static PbFindingsPanel *
panel_of (Fixture *f)
{
  return PB_FINDINGS_PANEL (pb_reader_get_findings_panel (pb_window_get_reader (f->window)));
}

/* The panel's rows in order: "F" a finding, "S" a suggestion, "H" a
 * heading. */
static char *
describe_rows (Fixture *f)
{
  GtkWidget *list = pb_reader_find_widget (GTK_WIDGET (panel_of (f)), GTK_TYPE_LIST_BOX);
  GString *rows = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (PB_IS_FINDING_ROW (row))
      g_string_append_c (rows, 'F');
    else if (gtk_widget_has_css_class (row, "suggestion"))
      g_string_append_c (rows, 'S');
    else
      g_string_append_c (rows, 'H');

  return g_string_free (rows, FALSE);
}

static GPtrArray *
suggestions (Fixture *f)
{
  return pb_library_list_suggestions (f->library, corpus_id, NULL);
}

static PbSuggestion *
first_recommendation (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    if (pb_finding_get_kind (pb_suggestion_get_draft (g_ptr_array_index (list, i))) == PB_FINDING_KIND_RECOMMENDATION)
      return g_ptr_array_index (list, i);
  g_assert_not_reached ();
}

/* Each recommendation accepted becomes a finding drawn on its page; what is
 * already a finding is not offered again; grades are context. */
static void
test_accepted_drawn (Fixture       *f,
                     gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PbFinding) saved = NULL;
  PbSuggestion *recommendation;
  PbFindingEditor *editor;
  guint page;

  if (!open_corpus (f, "ilacs/worcestershire-2019-jul.pdf"))
    return;

  offered = suggestions (f);
  g_assert_cmpuint (offered->len, >, 2);
  for (guint i = 0; i < offered->len; i++)
    {
      PbFinding *draft = pb_suggestion_get_draft (g_ptr_array_index (offered, i));

      g_assert_cmpint (pb_finding_get_kind (draft), !=, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT);
      g_assert_cmpint (pb_finding_get_kind (draft), !=, PB_FINDING_KIND_STRENGTH);
    }

  recommendation = first_recommendation (offered);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel_of (f)), "panel.accept-suggestion", "x",
                                             pb_suggestion_get_id (recommendation)));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  pb_finding_editor_set_cohort (editor, "children_in_care", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL));

  g_assert_cmpuint (g_list_model_get_n_items (pb_reader_get_findings (reader)), ==, 1);
  saved = g_list_model_get_item (pb_reader_get_findings (reader), 0);
  g_assert_cmpuint (pb_finding_get_anchors (saved)->len, >, 0);
  page = g_array_index (pb_finding_get_anchors (saved), PbAnchor, 0).page;
  g_assert_cmpuint (pb_document_view_count_highlights (pb_reader_view_of (f), page - 1), ==, 1);

  after = suggestions (f);
  g_assert_cmpuint (after->len, ==, offered->len - 1);
}

/* A passage selected and saved by hand is not suggested again. */
static void
test_no_duplicates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autofree char *quote = NULL;
  PbFinding *draft;
  static const char * const cohorts[] = { "care_leavers", NULL };

  if (!open_corpus (f, "ilacs/worcestershire-2019-jul.pdf"))
    return;

  offered = suggestions (f);
  draft = pb_suggestion_get_draft (first_recommendation (offered));

  /* As a selection gives it: the words, with another line break. */
  quote = g_strdup_printf ("%s ", pb_finding_get_quote (draft));
  pb_finding_set_report_sha256 (finding, pb_finding_get_report_sha256 (draft));
  pb_finding_set_quote (finding, quote);
  pb_finding_set_page (finding, pb_finding_get_page (draft));
  pb_finding_set_cohorts (finding, cohorts);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, NULL), >, 0);

  after = suggestions (f);
  g_assert_cmpuint (after->len, ==, offered->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (pb_finding_get_quote (pb_suggestion_get_draft (g_ptr_array_index (after, i))), !=,
                     pb_finding_get_quote (draft));
}

static gboolean
not_accepting (Fixture *f)
{
  return !pb_reader_get_accepting (pb_window_get_reader (f->window));
}

/* The officer's findings come first, the suggestions after; Add All adds
 * each that knows its cohort, drawn; Dismiss All clears the rest. */
static void
test_add_all_dismiss_all (Fixture       *f,
                          gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GListModel *findings;
  g_autofree char *before = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint n_offered;

  if (!open_corpus (f, "ilacs/worcestershire-2019-jul.pdf"))
    return;

  findings = pb_reader_get_findings (reader);
  before = describe_rows (f);
  g_assert_true (before[0] == 'H' && before[1] == 'S');      /* no findings yet: suggestions only */
  n_offered = pb_findings_panel_get_n_suggestions (panel_of (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel_of (f)), "panel.accept-all-suggestions", NULL));
  pb_reader_iterate_until (not_accepting, f);
  g_assert_cmpuint (g_list_model_get_n_items (findings), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (findings) + pb_findings_panel_get_n_suggestions (panel_of (f)), ==,
                    n_offered);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpuint (pb_finding_get_anchors (finding)->len, >, 0);
    }

  /* Findings above, any suggestions left below them. */
  rows = describe_rows (f);
  g_assert_true (strchr (rows, 'F') != NULL);
  if (strchr (rows, 'S') != NULL)
    g_assert_true (strrchr (rows, 'F') < strchr (rows, 'S'));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel_of (f)), "panel.dismiss-all-suggestions", NULL) ||
                 pb_findings_panel_get_n_suggestions (panel_of (f)) == 0);
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel_of (f)), ==, 0);
  left = suggestions (f);
  g_assert_cmpuint (left->len, ==, 0);
}

/* A finding is edited, re-tagged and deleted from its row's menu in the
 * panel, and from the page's menu over its highlight. */
static void
test_row_menu (Fixture       *f,
               gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GListModel *findings = pb_reader_get_findings (reader);
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  g_autoptr(PbFinding) read = NULL;
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
  PbFindingEditor *editor;
  GtkWidget *row;
  gint64 id;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (pb_reader_get_report (reader)));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "Page 1: care leavers and the local offer.");
  pb_finding_set_cohorts (finding, cohorts);
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpint (id, >, 0);

  row = pb_reader_find_widget (GTK_WIDGET (panel_of (f)), PB_TYPE_FINDING_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (pb_finding_row_get_menu_button (PB_FINDING_ROW (row)));

  /* Edit… opens the finding's editor, from the panel and from the page. */
  g_assert_true (gtk_widget_activate_action (row, "panel.edit-finding", "x", id));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (pb_finding_get_id (pb_finding_editor_get_finding (editor)), ==, id);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.edit-finding", "x", id));
  editor = pb_reader_find_editor ();
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Cohorts change from the menu at once. */
  g_assert_true (gtk_widget_activate_action (row, "panel.retag-finding", "(xsb)", id, "leadership", TRUE));
  read = pb_library_get_finding (f->library, id, NULL);
  g_assert_true (pb_finding_has_cohort (read, "leadership"));
  g_assert_true (pb_finding_has_cohort (read, "care_leavers"));
  g_clear_object (&read);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.retag-finding", "(xsb)", id,
                                             "care_leavers", FALSE));
  read = pb_library_get_finding (f->library, id, NULL);
  g_assert_false (pb_finding_has_cohort (read, "care_leavers"));

  /* Deleted from the panel, with Undo. */
  row = pb_reader_find_widget (GTK_WIDGET (panel_of (f)), PB_TYPE_FINDING_ROW);
  g_assert_true (gtk_widget_activate_action (row, "panel.delete-finding", "x", id));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_true (pb_reader_undo_last_delete (reader));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);

  /* Delete on the finding's row deletes it, and asks nothing of the report. */
  g_object_set (f->window, "show-findings", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  row = pb_reader_find_widget (GTK_WIDGET (panel_of (f)), PB_TYPE_FINDING_ROW);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Delete, 0) == GTK_WIDGET (panel_of (f)));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_true (pb_reader_undo_last_delete (reader));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);

  /* Deleted with the keyboard, Ctrl+Z puts it back: the keyboard stayed
   * in the reader, not on the toast. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  row = pb_reader_find_widget (GTK_WIDGET (panel_of (f)), PB_TYPE_FINDING_ROW);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Delete, 0) == GTK_WIDGET (panel_of (f)));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (reader)));
  g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
  g_assert_false (pb_reader_undo_last_delete (reader));
}

/* An exempt finding is ruled round on the page; a public one is not. */
static void
test_exempt_drawn_apart (Fixture       *f,
                         gconstpointer  data)
{
  PbReader *reader = pb_window_get_reader (f->window);
  GtkWidget *view = GTK_WIDGET (pb_reader_view_of (f));
  static const char * const cohorts[] = { "care_leavers", NULL };
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
  guint borders;
  gint64 id;

  /* A widget's picture is as it was last drawn: wait for a frame each time. */
  gtk_test_widget_wait_for_draw (view);
  borders = pb_reader_count_nodes (view, GSK_BORDER_NODE);
  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (pb_reader_get_report (reader)));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "Page 1: care leavers and the local offer.");
  pb_finding_set_cohorts (finding, cohorts);
  id = pb_library_add_finding (f->library, finding, NULL);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (pb_document_view_count_highlights (PB_DOCUMENT_VIEW (view), 0), ==, 1);
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpuint (pb_reader_count_nodes (view, GSK_BORDER_NODE), ==, borders);

  g_clear_object (&finding);
  finding = pb_library_get_finding (f->library, id, NULL);
  pb_finding_set_exempt (finding, TRUE);
  g_assert_true (pb_library_update_finding (f->library, finding, NULL));
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpuint (pb_reader_count_nodes (view, GSK_BORDER_NODE), >, borders);
}

/* The label of a toast in the window that says how many passages are
 * suggested, or NULL. */
static GtkWidget *
find_suggested_toast (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), "in the findings panel (F9)"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_suggested_toast (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
no_suggested_toast (Fixture *f)
{
  return find_suggested_toast (GTK_WIDGET (f->window)) == NULL;
}

static gboolean
fixture_report_loaded (Fixture *f)
{
  PbReport *report = pb_reader_get_report (pb_window_get_reader (f->window));

  return report != NULL && pb_report_get_id (report) == f->report_id && pb_reader_loaded (f);
}

/* The toast that says a report has suggestions comes the first time it is
 * opened, not each time; and never while the panel is open. */
static void
test_suggestions_toast_once (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *toast;

  if (!open_corpus (f, "ilacs/worcestershire-2019-jul.pdf"))
    return;
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel_of (f)), >, 0);
  toast = find_suggested_toast (GTK_WIDGET (f->window));
  g_assert_nonnull (toast);
  /* Closed with its own button, as the officer would. */
  while (toast != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  g_assert_true (gtk_widget_activate (pb_reader_find_widget (toast, GTK_TYPE_BUTTON)));
  pb_reader_iterate_until (no_suggested_toast, f);

  /* Away and back: said once is enough. */
  g_assert_true (pb_window_select_report (f->window, f->report_id));
  pb_reader_iterate_until (fixture_report_loaded, f);
  g_assert_true (pb_window_select_report (f->window, corpus_id));
  pb_reader_iterate_until (corpus_loaded, f);
  g_assert_cmpuint (pb_findings_panel_get_n_suggestions (panel_of (f)), >, 0);
  g_assert_null (find_suggested_toast (GTK_WIDGET (f->window)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/reader-panel/accepted-drawn", Fixture, NULL, pb_reader_fixture_setup, test_accepted_drawn, pb_reader_fixture_teardown);
  g_test_add ("/reader-panel/suggestions-toast-once", Fixture, NULL, pb_reader_fixture_setup, test_suggestions_toast_once, pb_reader_fixture_teardown);
  g_test_add ("/reader-panel/no-duplicates", Fixture, NULL, pb_reader_fixture_setup, test_no_duplicates, pb_reader_fixture_teardown);
  g_test_add ("/reader-panel/add-all-dismiss-all", Fixture, NULL, pb_reader_fixture_setup, test_add_all_dismiss_all, pb_reader_fixture_teardown);
  g_test_add ("/reader-panel/row-menu", Fixture, NULL, pb_reader_fixture_setup, test_row_menu, pb_reader_fixture_teardown);

  g_test_add ("/reader-panel/exempt-drawn-apart", Fixture, NULL, pb_reader_fixture_setup, test_exempt_drawn_apart, pb_reader_fixture_teardown);

  return g_test_run ();
}
