/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-demo.h"
#include "pb-first-run.h"
#include "pb-library-sidebar.h"
#include "pb-member-note-editor.h"
#include "pb-member-note.h"
#include "pb-pack-editor-private.h"
#include "pb-pack-editor.h"
#include "pb-pack-questions.h"
#include "pb-passphrase-dialog.h"
#include "pb-password-dialog.h"
#include "pb-report-row.h"
#include "pb-test-bundle.h"
#include "pb-test-pdf.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* The packs officers send, in the app: a member opens a bundle into an
 * empty library (what a pack is, where notes go), reads it, follows a
 * finding to its page in the report, adds a question and exports the
 * questions; an encrypted bundle refuses a wrong passphrase in plain words
 * and opens with the right one; the officer writes the member bundle of an
 * exempt pack with a passphrase chosen twice and reads members' questions
 * beside the pack.  The officer's library is the demo's, built from the
 * PDFs it generates; the member's starts empty. */

#define PASSPHRASE "a long passphrase for the panel"

typedef PbBundleFixture Fixture;

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

static void
iterate_until (gboolean  (*done) (gpointer data),
               gpointer    data,
               const char *what)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer)what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
logged (gpointer data)
{
  return gt_signal_logger_get_n_emissions (data) > 0;
}

static gboolean
reader_loaded (gpointer data)
{
  return pb_reader_get_loaded (pb_window_get_reader (data));
}

static gboolean
task_done (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* The dialog of @type shown now, other than @not. */
static gpointer
find_toplevel (GType    type,
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

  return find_toplevel (wanted->type, wanted->not) != NULL;
}

static gpointer
wait_for_toplevel (GType    type,
                   gpointer not)
{
  Wanted wanted = { type, not };

  iterate_until (toplevel_shown, &wanted, g_type_name (type));
  return find_toplevel (type, not);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Enter in the dialog's (first) passphrase entry, as a keyboard user
 * answers it. */
static void
press_enter (PbPassphraseDialog *dialog)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  GtkWidget *text = NULL;

  collect (GTK_WIDGET (dialog), GTK_TYPE_TEXT, texts);
  for (guint i = 0; i < texts->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (texts, i)))
      text = g_ptr_array_index (texts, i);
  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

/* Types @password into a password dialog and presses Enter. */
static void
type_password (GtkWidget  *dialog,
               const char *password)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect (dialog, GTK_TYPE_TEXT, texts);
  g_assert_cmpuint (texts->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (texts, 0), password);
  g_signal_emit_by_name (g_ptr_array_index (texts, 0), "activate");
}

static PbWindow *
open_window (Fixture *f,
             int      width,
             int      height)
{
  PbWindow *window = g_object_ref (pb_window_new (NULL, f->member));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
close_window (PbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

/* Opens @path in @window and waits until the pack is in the library. */
static void
open_bundle (PbWindow   *window,
             const char *path)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PbBundleOpener *opener = pb_window_get_bundle_opener (window);

  gt_signal_logger_connect (logger, opener, "opened");
  /* As the desktop and the command line give it: through the window's
   * import, which tells a pack from a report. */
  pb_window_import_files (window, &file, 1);
  iterate_until (logged, logger, "the pack to open");
  gt_signal_logger_assert_emission_pop (logger, opener, "opened", NULL, NULL, NULL);
  g_assert_null (pb_bundle_opener_get_last_error (opener));
}

static PbBundleEntryRow *
finding_row (PbBundleView *view,
             guint         nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pb_bundle_view_get_list (view))); child;
       child = gtk_widget_get_next_sibling (child))
    if (PB_IS_BUNDLE_ENTRY_ROW (child) &&
        pb_bundle_entry_get_kind (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child))) == PB_BUNDLE_ENTRY_FINDING &&
        nth-- == 0)
      return PB_BUNDLE_ENTRY_ROW (child);
  g_assert_not_reached ();
}

static guint
count_rows (PbBundleView      *view,
            PbBundleEntryKind  kind)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pb_bundle_view_get_list (view))); child;
       child = gtk_widget_get_next_sibling (child))
    n += PB_IS_BUNDLE_ENTRY_ROW (child) &&
         pb_bundle_entry_get_kind (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child))) == kind;
  return n;
}

static void
run_docx_checker (const char         *path,
                  const char * const *args)
{
  const char *checker = g_getenv ("PB_CHECK_QUESTIONS_DOCX");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (checker == NULL)
    {
      g_test_message ("PB_CHECK_QUESTIONS_DOCX is not set; run under meson test to read the document");
      return;
    }
  g_ptr_array_add (argv, g_file_test ("/usr/bin/python3", G_FILE_TEST_EXISTS) ? "/usr/bin/python3" : "python3");
  g_ptr_array_add (argv, (gpointer)checker);
  g_ptr_array_add (argv, (gpointer)path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python-docx did not read the questions as expected:\n%s%s", out, err);
}

static void
export_questions (PbBundleView      *view,
                  const char        *path,
                  PbQuestionsFormat  format)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  pb_bundle_view_export_questions_async (view, path, format, store_result_cb, &result);
  iterate_until (task_done, &result, "the questions to be written");
  g_assert_true (pb_bundle_view_export_questions_finish (view, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

/* A member with nothing in their library opens a pack, follows a finding
 * to its page, adds a question to it and exports the questions. */
static void
test_open_follow_question (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "march.panelpack");
  g_autofree char *text_path = pb_bundle_fixture_out_path (f, "questions.txt");
  g_autofree char *docx_path = pb_bundle_fixture_out_path (f, "questions.docx");
  g_autofree char *contents = NULL;
  g_autofree char *origin = NULL;
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 9, FALSE);
  const char *question = "Who audits the out-of-hours service, and when do we see the result?";
  PbWindow *window;
  PbBundleView *view;
  PbBundleEntryRow *row = NULL;
  PbBundlePack *pack;
  PbFinding *finding;
  g_autoptr(GPtrArray) report_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) questions = NULL;
  PbMemberNoteEditor *editor;
  guint n_origins = 0;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pb_test_keep_export (bundle);

  /* An empty library: the first run says what a pack is, with Open Pack…. */
  window = open_window (f, 1100, 760);
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "empty");
  g_assert_false (pb_library_sidebar_get_packs_shown (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window))));
  {
    g_autoptr(GPtrArray) first = g_ptr_array_new ();

    collect (GTK_WIDGET (window), PB_TYPE_FIRST_RUN, first);
    g_assert_cmpuint (first->len, ==, 1);
    g_assert_true (gtk_widget_is_drawable (g_ptr_array_index (first, 0)));
  }

  open_bundle (window, bundle);
  view = pb_window_get_bundle_view (window);
  pack = pb_bundle_view_get_pack (view);
  g_assert_nonnull (pack);
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_BUNDLES);
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "bundles");
  g_assert_cmpstr (pb_bundle_pack_get_title (pack), ==, PB_TEST_BOARD_TITLE);
  g_assert_true (pb_bundle_view_get_show_intro (view));   /* nothing of the member's own */
  g_assert_cmpuint (count_rows (view, PB_BUNDLE_ENTRY_FINDING), ==, 9);
  g_assert_cmpuint (count_rows (view, PB_BUNDLE_ENTRY_SECTION), ==, 4);
  g_assert_true (pb_library_sidebar_get_packs_shown (PB_LIBRARY_SIDEBAR (pb_window_get_sidebar (window))));

  /* The reports came with the pack, and the sidebar says so. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (pb_window_get_reports (window)), >=, 2);
  collect (pb_window_get_sidebar (window), PB_TYPE_REPORT_ROW, report_rows);
  origin = g_strdup_printf ("From pack “%s”", PB_TEST_BOARD_TITLE);
  for (guint i = 0; i < report_rows->len; i++)
    if (pb_report_row_get_report (g_ptr_array_index (report_rows, i)) != NULL)
      {
        g_assert_cmpstr (pb_report_row_get_origin (g_ptr_array_index (report_rows, i)), ==, origin);
        n_origins++;
      }
  g_assert_cmpuint (n_origins, ==, g_list_model_get_n_items (pb_window_get_reports (window)));

  /* A finding past the first page opens its report there, the passage
   * highlighted. */
  for (guint i = 0; row == NULL; i++)
    {
      PbBundleEntryRow *candidate = finding_row (view, i);

      PbFinding *passage = pb_bundle_entry_get_finding (pb_bundle_entry_row_get_entry (candidate));
      GArray *anchors = pb_finding_get_anchors (passage);

      g_test_message ("finding %u: page %u, first anchor on page %u", i, pb_finding_get_page (passage),
                      anchors->len > 0 ? g_array_index (anchors, PbAnchor, 0).page : 0);
      /* The pack fixture moves some findings to the earlier report, where
       * their rectangles no longer fall: one that is where it says. */
      if (pb_finding_get_page (passage) > 1 && anchors->len > 0 &&
          g_array_index (anchors, PbAnchor, 0).page == pb_finding_get_page (passage))
        row = candidate;
    }
  finding = pb_bundle_entry_get_finding (pb_bundle_entry_row_get_entry (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "entry.open", NULL));
  g_assert_cmpint (pb_window_get_mode (window), ==, PB_WINDOW_MODE_LIBRARY);
  iterate_until (reader_loaded, window, "the report to open");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "reader");
  g_assert_cmpint (pb_report_get_id (pb_reader_get_report (pb_window_get_reader (window))), ==,
                   pb_finding_get_report_id (finding));
  {
    PbDocumentView *doc = pb_reader_get_view (pb_window_get_reader (window));

    g_assert_cmpuint (pb_document_view_get_page (doc), ==, pb_finding_get_page (finding) - 1);
    g_assert_cmpuint (pb_document_view_count_highlights (doc, pb_finding_get_page (finding) - 1), >=, 1);
  }

  /* Back to the pack from the sidebar's toggle; a question on the finding. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bundles", NULL));
  g_assert_cmpstr (pb_window_get_content_page (window), ==, "bundles");
  g_assert_cmpuint (pb_bundle_entry_row_get_n_notes (row), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "entry.add-note", NULL));
  editor = wait_for_toplevel (PB_TYPE_MEMBER_NOTE_EDITOR, NULL);
  g_assert_null (pb_member_note_editor_get_note (editor));
  pb_member_note_editor_set_text (editor, question);
  pb_member_note_editor_set_question (editor, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.save", NULL));
  g_assert_cmpuint (pb_bundle_entry_row_get_n_notes (row), ==, 1);
  g_assert_cmpstr (pb_member_note_get_text (pb_bundle_entry_row_get_note (row, 0)), ==, question);
  g_assert_true (pb_member_note_get_question (pb_bundle_entry_row_get_note (row, 0)));
  questions = pb_library_list_member_notes (f->member, pb_bundle_pack_get_id (pack), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 1);

  /* A private note on a section goes in the library but not in the export. */
  {
    PbBundleEntryRow *section = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pb_bundle_view_get_list (view)));
         section == NULL && child; child = gtk_widget_get_next_sibling (child))
      if (pb_bundle_entry_get_kind (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child))) == PB_BUNDLE_ENTRY_SECTION)
        section = PB_BUNDLE_ENTRY_ROW (child);
    editor = PB_MEMBER_NOTE_EDITOR (pb_bundle_view_add_note (view, section, NULL));
    pb_member_note_editor_set_text (editor, "Only a reminder for me");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.save", NULL));
    g_assert_cmpuint (pb_bundle_entry_row_get_n_notes (section), ==, 1);
  }

  /* The questions, as text and as Word. */
  export_questions (view, text_path, PB_QUESTIONS_FORMAT_TEXT);
  g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, question));
  g_assert_nonnull (strstr (contents, pb_bundle_entry_get_citation (pb_bundle_entry_row_get_entry (row))));
  g_assert_nonnull (strstr (contents, PB_TEST_BOARD_TITLE));
  g_assert_null (strstr (contents, "Only a reminder for me"));
  export_questions (view, docx_path, PB_QUESTIONS_FORMAT_DOCX);
  g_assert_false (pb_test_file_contains (docx_path, "Only a reminder for me"));
  {
    const char * const args[] = { "1", "--line", question,
                                  "--citation", pb_bundle_entry_get_citation (pb_bundle_entry_row_get_entry (row)),
                                  NULL };

    run_docx_checker (docx_path, args);
  }

  /* Editing the question, then deleting it with Undo at hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bundle.edit-note", "x",
                                             pb_member_note_get_id (pb_bundle_entry_row_get_note (row, 0))));
  editor = wait_for_toplevel (PB_TYPE_MEMBER_NOTE_EDITOR, NULL);
  g_assert_nonnull (pb_member_note_editor_get_note (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.delete", NULL));
  g_assert_cmpuint (pb_bundle_entry_row_get_n_notes (row), ==, 0);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = pb_library_list_member_notes (f->member, pb_bundle_pack_get_id (pack), TRUE, &error);
  g_assert_cmpuint (questions->len, ==, 0);

  close_window (window);
}

/* An encrypted bundle: nothing without the passphrase; a wrong one is
 * refused in plain words and asked for again; the right one opens it. */
static void
test_encrypted (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "exempt.panelpack");
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 6, TRUE);
  PbPassphraseDialog *asked, *again;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbBundleOpener *opener;
  PbWindow *window;
  g_autoptr(GFile) file = g_file_new_for_path (bundle);

  if (!pb_bundle_can_encrypt ())
    {
      g_test_skip ("libzip was built without AES");
      return;
    }
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = open_window (f, 1100, 760);
  opener = pb_window_get_bundle_opener (window);
  gt_signal_logger_connect (logger, opener, "opened");
  pb_window_open_bundles (window, &file, 1);

  asked = wait_for_toplevel (PB_TYPE_PASSPHRASE_DIALOG, NULL);
  g_object_ref (asked);
  g_assert_false (pb_passphrase_dialog_get_choosing (asked));
  g_assert_null (pb_passphrase_dialog_get_problem (asked));
  pb_passphrase_dialog_type (asked, "not the passphrase at all", NULL);
  press_enter (asked);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (asked)));

  again = wait_for_toplevel (PB_TYPE_PASSPHRASE_DIALOG, asked);
  g_assert_nonnull (pb_passphrase_dialog_get_problem (again));
  g_assert_nonnull (strstr (pb_passphrase_dialog_get_problem (again), "passphrase is not the one"));
  g_assert_error (pb_bundle_opener_get_last_error (opener), PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WRONG_PASSPHRASE);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 0);
  g_assert_true (pb_bundle_opener_get_busy (opener));
  pb_test_wait_for_finalize (asked);

  pb_passphrase_dialog_type (again, PASSPHRASE, NULL);
  press_enter (again);
  iterate_until (logged, logger, "the encrypted pack to open");
  gt_signal_logger_assert_emission_pop (logger, opener, "opened", NULL, NULL, NULL);
  g_assert_false (pb_bundle_opener_get_busy (opener));
  g_assert_true (pb_bundle_pack_get_exempt (pb_bundle_view_get_pack (pb_window_get_bundle_view (window))));
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 1);

  /* The logger lets go of the opener before the window takes it away. */
  gt_signal_logger_free (g_steal_pointer (&logger));
  close_window (window);
}

/* Tester's defect 4: an older copy of a pack the member has is not opened
 * silently, nor refused for good: the window offers "Open This Copy
 * Anyway", which puts it in place of the newer one. */
static void
test_older_anyway (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = pb_bundle_fixture_out_path (f, "v1.panelpack");
  g_autofree char *second = pb_bundle_fixture_out_path (f, "v2.panelpack");
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 4, FALSE);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GFile) file = g_file_new_for_path (first);
  PbBundleOpenResult opened = { 0 };
  AdwMessageDialog *asked;
  PbBundleOpener *opener;
  PbWindow *window;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, first, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_set_pack_field (f->officer.library, pack_id, PB_PACK_FIELD_TITLE, "Revised pack", &error));
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, second, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, second, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = open_window (f, 1100, 760);
  opener = pb_window_get_bundle_opener (window);
  gt_signal_logger_connect (logger, opener, "opened");
  pb_window_open_bundles (window, &file, 1);

  asked = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_true (adw_message_dialog_has_response (asked, "anyway"));
  g_assert_error (pb_bundle_opener_get_last_error (opener), PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER);
  gt_signal_logger_assert_no_emissions (logger);
  adw_message_dialog_response (asked, "anyway");
  gtk_window_destroy (GTK_WINDOW (asked));
  iterate_until (logged, logger, "the older copy to open");
  gt_signal_logger_assert_emission_pop (logger, opener, "opened", NULL, NULL, NULL);
  g_assert_cmpstr (pb_bundle_pack_get_title (pb_bundle_view_get_pack (pb_window_get_bundle_view (window))), ==,
                   PB_TEST_BOARD_TITLE);
  g_assert_cmpuint (pb_test_count_bundle_packs (f->member), ==, 1);

  pb_bundle_open_result_clear (&opened);
  gt_signal_logger_free (g_steal_pointer (&logger));
  close_window (window);
}

static GtkEventController *
capture_keys (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

static guint
n_notes (Fixture *f,
         gint64   bundle_id)
{
  g_autoptr(GPtrArray) notes = pb_library_list_member_notes (f->member, bundle_id, FALSE, NULL);

  g_assert_nonnull (notes);
  return notes->len;
}

/* Tester's defect 5: Ctrl+Enter saves the note from the text box (the
 * editor takes it before the text box would make it a new line), and
 * Escape, Cancel or closing asks before throwing typed text away. */
static void
test_note_keys (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "keys.panelpack");
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 3, FALSE);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbBundleOpenResult opened = { 0 };
  PbMemberNoteEditor *editor;
  GtkEventController *keys;
  AdwMessageDialog *asked;
  const char *key = NULL;
  gboolean handled = FALSE;

  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, bundle, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  for (guint i = 0; i < entries->len && key == NULL; i++)
    if (pb_bundle_entry_get_kind (g_ptr_array_index (entries, i)) == PB_BUNDLE_ENTRY_FINDING)
      key = pb_bundle_entry_get_key (g_ptr_array_index (entries, i));
  g_assert_nonnull (key);

  editor = pb_member_note_editor_new (NULL, f->member, opened.bundle_id, PB_NOTE_ON_FINDING, key, "A finding", NULL);
  g_object_ref (editor);
  gt_signal_logger_connect (logger, editor, "saved");
  gtk_window_present (GTK_WINDOW (editor));
  pb_member_note_editor_set_text (editor, "Saved with the keyboard");
  keys = capture_keys (GTK_WIDGET (editor));
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, GDK_CONTROL_MASK, &handled);
  g_assert_true (handled);
  gt_signal_logger_assert_emission_pop (logger, editor, "saved", NULL);
  g_assert_cmpuint (n_notes (f, opened.bundle_id), ==, 1);
  pb_test_wait_for_finalize (editor);

  /* Plain Enter is the text box's: a new line, not a save. */
  editor = pb_member_note_editor_new (NULL, f->member, opened.bundle_id, PB_NOTE_ON_FINDING, key, "A finding", NULL);
  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  pb_member_note_editor_set_text (editor, "Typed, then Escape");
  handled = TRUE;
  g_signal_emit_by_name (capture_keys (GTK_WIDGET (editor)), "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_false (handled);

  /* Escape (the window's close): asked, and Keep Writing keeps it. */
  gtk_window_close (GTK_WINDOW (editor));
  asked = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  adw_message_dialog_response (asked, "keep");
  gtk_window_destroy (GTK_WINDOW (asked));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_window_close (GTK_WINDOW (editor));
  asked = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  adw_message_dialog_response (asked, "discard");
  gtk_window_destroy (GTK_WINDOW (asked));
  pb_test_wait_for_finalize (editor);
  g_assert_cmpuint (n_notes (f, opened.bundle_id), ==, 1);

  /* Nothing typed: closes at once. */
  editor = pb_member_note_editor_new (NULL, f->member, opened.bundle_id, PB_NOTE_ON_FINDING, key, "A finding", NULL);
  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_window_close (GTK_WINDOW (editor));
  pb_test_wait_for_finalize (editor);

  gt_signal_logger_free (g_steal_pointer (&logger));
  pb_bundle_open_result_clear (&opened);
}

/* Cancels the file chooser a Native dialog shows under test. */
static void
cancel_chooser (void)
{
  GtkWidget *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Tester's defect 6: questions exported from the window go under the
 * member's own name, asked once and kept in the settings, never the
 * computer's account name. */
static void
test_member_name (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "named.panelpack");
  g_autofree char *text_path = pb_bundle_fixture_out_path (f, "named.txt");
  g_autofree char *contents = NULL;
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 3, FALSE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelbrief.PanelBrief");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *stored = NULL;
  PbBundleOpenResult opened = { 0 };
  AdwMessageDialog *asked;
  PbBundleView *view;
  PbWindow *window;

  g_settings_set_string (settings, "member-name", "");
  g_assert_true (pb_library_export_bundle (f->officer.library, pack_id, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_true (pb_library_open_bundle (f->member, bundle, NULL, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Tester's defect 7, in part: no questions is said before any dialog. */
  window = open_window (f, 1100, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bundles", NULL);
  view = pb_window_get_bundle_view (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bundle.export-questions", NULL));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  close_window (window);

  entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);
  for (guint i = 0; i < entries->len; i++)
    if (pb_bundle_entry_get_kind (g_ptr_array_index (entries, i)) == PB_BUNDLE_ENTRY_FINDING)
      {
        g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                                     pb_bundle_entry_get_key (g_ptr_array_index (entries, i)),
                                                     "Is this costed?", TRUE, &error), >, 0);
        break;
      }

  window = open_window (f, 1100, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bundles", NULL);
  view = pb_window_get_bundle_view (window);
  g_assert_nonnull (pb_bundle_view_get_pack (view));

  /* The sidebar's way to the packs is a place's name: plural for one. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), "Packs from Officers (1)") == 0;
    g_assert_true (found);
  }

  /* The first time: the name is asked for, and kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bundle.export-questions", NULL));
  asked = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (asked, "continue"));
  collect (GTK_WIDGET (asked), GTK_TYPE_TEXT, texts);
  g_assert_cmpuint (texts->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (texts, 0), "  Cllr Sam Ahmed ");
  g_assert_true (adw_message_dialog_get_response_enabled (asked, "continue"));
  g_signal_emit_by_name (g_ptr_array_index (texts, 0), "activate");
  stored = g_settings_get_string (settings, "member-name");
  g_assert_cmpstr (stored, ==, "Cllr Sam Ahmed");
  cancel_chooser ();

  /* Then straight to the file: not asked again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bundle.export-questions", NULL));
  cancel_chooser ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  export_questions (view, text_path, PB_QUESTIONS_FORMAT_TEXT);
  g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "From: Cllr Sam Ahmed"));
  g_assert_null (strstr (contents, g_get_user_name ()));

  g_settings_set_string (settings, "member-name", "");
  pb_bundle_open_result_clear (&opened);
  close_window (window);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
questions_listed (gpointer window)
{
  return g_list_model_get_n_items (pb_pack_questions_get_questions (window)) > 0;
}

/* The officer's side: Member Bundle… for an exempt pack asks for a
 * passphrase twice and writes an encrypted bundle; a member's questions
 * come back beside the pack. */
static void
test_officer (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "officer.panelpack");
  g_autofree char *text_path = pb_bundle_fixture_out_path (f, "from-member.txt");
  gint64 pack_id = pb_pack_fixture_board_pack (&f->officer, 6, TRUE);
  GtkWidget *window = gtk_window_new ();
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  PbPackEditor *editor = PB_PACK_EDITOR (pb_pack_editor_new ());
  PbPassphraseDialog *dialog;
  PbPackQuestions *questions;
  GAsyncResult *result = NULL;
  gboolean encrypted = FALSE;
  PbBundleOpenResult opened = { 0 };

  if (!pb_bundle_can_encrypt ())
    {
      g_test_skip ("libzip was built without AES");
      return;
    }

  adw_toast_overlay_set_child (overlay, GTK_WIDGET (editor));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  pb_pack_editor_set_pack (editor, f->officer.library, pack_id);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  dialog = PB_PASSPHRASE_DIALOG (pb_pack_editor_export_bundle (editor, bundle));
  g_assert_nonnull (dialog);
  g_assert_true (pb_passphrase_dialog_get_choosing (dialog));
  pb_passphrase_dialog_type (dialog, "too short", "too short");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  pb_passphrase_dialog_type (dialog, PASSPHRASE, "a long passphrase for the panel!");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_assert_cmpstr (pb_passphrase_dialog_get_problem (dialog), ==, "The two passphrases are not the same.");
  pb_passphrase_dialog_type (dialog, PASSPHRASE, PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_assert_null (pb_passphrase_dialog_get_problem (dialog));
  press_enter (dialog);
  iterate_until (file_exists, bundle, "the member bundle");
  g_assert_true (pb_bundle_peek (bundle, &encrypted, &error));
  g_assert_true (encrypted);
  g_assert_false (pb_test_file_contains (bundle, PB_TEST_BOARD_TITLE));

  /* A member opens it and sends a question back. */
  g_assert_true (pb_library_open_bundle (f->member, bundle, PASSPHRASE, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) entries = pb_library_list_bundle_entries (f->member, opened.bundle_id, &error);

    for (guint i = 0; i < entries->len; i++)
      if (pb_bundle_entry_get_kind (g_ptr_array_index (entries, i)) == PB_BUNDLE_ENTRY_FINDING)
        {
          g_assert_cmpint (pb_library_add_member_note (f->member, opened.bundle_id, PB_NOTE_ON_FINDING,
                                                       pb_bundle_entry_get_key (g_ptr_array_index (entries, i)),
                                                       "Is this on the improvement plan?", TRUE, &error), >, 0);
          break;
        }
  }
  g_assert_true (pb_library_export_questions (f->member, opened.bundle_id, PB_QUESTIONS_FORMAT_TEXT, "Cllr Ahmed",
                                              text_path, &error));
  g_assert_no_error (error);
  pb_bundle_open_result_clear (&opened);

  /* Beside the pack: nothing yet, then the member's question. */
  questions = PB_PACK_QUESTIONS (pb_pack_editor_show_questions (editor));
  g_object_ref (questions);
  g_assert_cmpint (pb_pack_questions_get_pack_id (questions), ==, pack_id);
  g_assert_cmpuint (g_list_model_get_n_items (pb_pack_questions_get_questions (questions)), ==, 0);
  pb_pack_questions_import_async (questions, text_path, store_result_cb, &result);
  iterate_until (task_done, &result, "the questions to be imported");
  g_assert_true (pb_pack_questions_import_finish (questions, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  iterate_until (questions_listed, questions, "the questions to be listed");
  {
    g_autoptr(PbPackQuestion) question = g_list_model_get_item (pb_pack_questions_get_questions (questions), 0);

    g_assert_cmpuint (g_list_model_get_n_items (pb_pack_questions_get_questions (questions)), ==, 1);
    g_assert_cmpstr (pb_pack_question_get_text (question), ==, "Is this on the improvement plan?");
    g_assert_cmpstr (pb_pack_question_get_asked_by (question), ==, "Cllr Ahmed");
  }

  gtk_window_destroy (GTK_WINDOW (questions));
  pb_test_wait_for_finalize (questions);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

static gboolean
editor_idle (gpointer editor)
{
  return !PB_PACK_EDITOR (editor)->busy;
}

/* Tester's defect 2: Member Bundle… for an exempt pack citing a report
 * protected by a password asks for that report's password first (again
 * when wrong), then for the passphrase; the member opens the bundle with
 * the passphrase alone. */
static void
test_officer_locked_report (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = pb_bundle_fixture_out_path (f, "locked.panelpack");
  g_autofree char *title = NULL;
  gint64 finding_id = pb_bundle_fixture_locked_finding (f, "report lock 42", &title);
  GtkWidget *window;
  AdwToastOverlay *overlay;
  PbPackEditor *editor;
  GtkWidget *asked;
  PbPasswordDialog *again;
  PbPassphraseDialog *passphrase;
  PbBundleOpenResult opened = { 0 };
  gint64 pack_id;

  if (finding_id == 0)
    return;
  if (!pb_bundle_can_encrypt ())
    {
      g_test_skip ("libzip was built without AES");
      return;
    }
  pack_id = pb_library_create_pack (f->officer.library, "Exempt panel, 12 March", TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->officer.library, pack_id, &finding_id, 1, &error));

  window = gtk_window_new ();
  overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  editor = PB_PACK_EDITOR (pb_pack_editor_new ());
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (editor));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  pb_pack_editor_set_pack (editor, f->officer.library, pack_id);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  asked = pb_pack_editor_export_bundle (editor, bundle);
  g_assert_true (PB_IS_PASSWORD_DIALOG (asked));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (asked)), title));
  type_password (asked, "not the password");
  again = wait_for_toplevel (PB_TYPE_PASSWORD_DIALOG, asked);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (again)), title));
  type_password (GTK_WIDGET (again), "report lock 42");

  passphrase = wait_for_toplevel (PB_TYPE_PASSPHRASE_DIALOG, NULL);
  pb_passphrase_dialog_type (passphrase, PASSPHRASE, PASSPHRASE);
  press_enter (passphrase);
  iterate_until (file_exists, bundle, "the member bundle");
  /* The export's worker lets go of the officer's library when it ends. */
  iterate_until (editor_idle, editor, "the export to end");

  g_assert_true (pb_library_open_bundle (f->member, bundle, PASSPHRASE, &opened, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (opened.n_findings, ==, 1);
  pb_bundle_open_result_clear (&opened);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  pb_test_wait_for_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bundle-ui/open-follow-question", Fixture, NULL, pb_bundle_fixture_setup, test_open_follow_question,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/encrypted", Fixture, NULL, pb_bundle_fixture_setup, test_encrypted,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/older-anyway", Fixture, NULL, pb_bundle_fixture_setup, test_older_anyway,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/note-keys", Fixture, NULL, pb_bundle_fixture_setup, test_note_keys,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/member-name", Fixture, NULL, pb_bundle_fixture_setup, test_member_name,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/officer", Fixture, NULL, pb_bundle_fixture_setup, test_officer,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/officer-locked-report", Fixture, NULL, pb_bundle_fixture_setup,
              test_officer_locked_report, pb_bundle_fixture_teardown);

  return g_test_run ();
}
