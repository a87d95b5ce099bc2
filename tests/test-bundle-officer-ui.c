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
#include "pb-test-bundle-ui.h"
#include "pb-test-bundle.h"
#include "pb-test-pdf.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* The officer's side of member bundles, in the app: the member bundle of
 * an exempt pack written with a passphrase chosen twice (and a locked
 * report's password asked for by name), and members' questions read
 * beside the pack. The officer's library is the demo's. */

#define PASSPHRASE "a long passphrase for the panel"

typedef PbBundleFixture Fixture;

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
  pb_test_press_enter (dialog);
  pb_test_iterate_until (file_exists, bundle, "the member bundle");
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
  pb_pack_questions_import_async (questions, text_path, pb_test_store_result_cb, &result);
  pb_test_iterate_until (pb_test_task_done, &result, "the questions to be imported");
  g_assert_true (pb_pack_questions_import_finish (questions, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  pb_test_iterate_until (questions_listed, questions, "the questions to be listed");
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
  pb_test_type_password (asked, "not the password");
  again = pb_test_wait_for_toplevel (PB_TYPE_PASSWORD_DIALOG, asked);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (again)), title));
  pb_test_type_password (GTK_WIDGET (again), "report lock 42");

  passphrase = pb_test_wait_for_toplevel (PB_TYPE_PASSPHRASE_DIALOG, NULL);
  pb_passphrase_dialog_type (passphrase, PASSPHRASE, PASSPHRASE);
  pb_test_press_enter (passphrase);
  pb_test_iterate_until (file_exists, bundle, "the member bundle");
  /* The export's worker lets go of the officer's library when it ends. */
  pb_test_iterate_until (editor_idle, editor, "the export to end");

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

  g_test_add ("/bundle-ui/officer", Fixture, NULL, pb_bundle_fixture_setup, test_officer,
              pb_bundle_fixture_teardown);
  g_test_add ("/bundle-ui/officer-locked-report", Fixture, NULL, pb_bundle_fixture_setup,
              test_officer_locked_report, pb_bundle_fixture_teardown);

  return g_test_run ();
}
