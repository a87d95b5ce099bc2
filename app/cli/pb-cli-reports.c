/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pb-cli-private.h"
#include "pb-import-batch.h"
#include "pb-import.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-pdf.h"
#include "pb-structure.h"

/* The commands about reports: import, and inspect (a report's structure
 * read without importing it); list, search and show are in pb-cli-read.c. */

/* One file's outcome, kept until the files before it have been told. */
typedef struct
{
  gboolean        finished;
  PbImportStatus  status;
  gint64          report_id;
  char           *notice;
  GError         *error;
} Outcome;

typedef struct
{
  CommonOptions *common;
  char         **args;          /* the files as typed */
  Outcome       *outcomes;
  guint          n_files;
  guint          n_told;        /* outcomes printed, in the files' order */
  guint          n_failed;
  guint          n_imported;
  guint          n_stopped;     /* files left out because the import was stopped */
  JsonBuilder   *builder;
  gboolean       show_progress; /* standard error is a terminal */

  /* For the batch's own thread (import_thread ()). */
  PbLibrary     *library;
  GFile        **files;
  const char    *password;
  PbImportFlags  flags;
  guint          n_jobs;
  GCancellable  *cancellable;
  gboolean       stopping;      /* Ctrl+C was pressed; main thread only */
  gint           stopped;       /* the same, atomic, for the importing threads */
  guint          signal_ids[3]; /* SIGINT, SIGTERM, SIGHUP */
  GMainLoop     *loop;
} ImportRun;

/* Prints (or adds to the JSON) the outcomes that are next in order. */
static void
tell_outcomes (ImportRun *run)
{
  for (; run->n_told < run->n_files && run->outcomes[run->n_told].finished; run->n_told++)
    {
      Outcome *outcome = &run->outcomes[run->n_told];
      g_autofree char *display = _pb_cli_display (run->args[run->n_told]);
      g_autofree char *message = NULL;
      const GError *import_error = outcome->error;
      gboolean same_content = g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_SAME_CONTENT);
      /* Left out by Ctrl+C: not begun, or rolled back part-way. Counted,
       * and told once for all at the end. */
      gboolean stopped = g_error_matches (import_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      if (stopped)
        run->n_stopped++;
      else if (outcome->status == PB_IMPORT_STATUS_FAILED)
        run->n_failed++;
      else if (outcome->status == PB_IMPORT_STATUS_IMPORTED)
        run->n_imported++;

      /* The sentence says what to do on the command line. */
      if (same_content)
        message = g_strdup_printf ("%s %s", import_error->message, _("Use --anyway to import it as well."));
      else if (g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED))
        message = g_strdup_printf ("%s %s", import_error->message, _("Use --password."));
      else if (g_error_matches (import_error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD))
        message = g_strdup_printf ("%s %s", import_error->message, _("Give the right one with --password."));
      else if (stopped)
        message = g_strdup (_("Not imported: the import was stopped."));
      else if (import_error != NULL)
        message = g_strdup (import_error->message);

      json_builder_begin_object (run->builder);
      _pb_cli_add_string_or_null (run->builder, "file", display);
      _pb_cli_add_string_or_null (run->builder, "status", same_content ? "same-content"
                                                  : stopped ? "stopped"
                                                  : pb_import_status_to_string (outcome->status));
      json_builder_set_member_name (run->builder, "id");
      if (outcome->report_id > 0)
        json_builder_add_int_value (run->builder, outcome->report_id);
      else
        json_builder_add_null_value (run->builder);
      _pb_cli_add_string_or_null (run->builder, "error", message);
      _pb_cli_add_string_or_null (run->builder, "notice", outcome->notice);
      json_builder_end_object (run->builder);

      if (run->common->json || stopped)
        continue;

      if (run->show_progress)
        fprintf (stderr, "\r\033[K");
      if (message != NULL)
        _pb_cli_fail (message);
      else if (outcome->status == PB_IMPORT_STATUS_DUPLICATE && outcome->notice != NULL)
        /* The file mended the library's copy: said first, so that the line
         * does not read as a refusal. */
        printf (_("%s It is report %" G_GINT64_FORMAT ".\n"), outcome->notice, outcome->report_id);
      else if (outcome->status == PB_IMPORT_STATUS_DUPLICATE)
        printf (_("Already in the library: %s (report %" G_GINT64_FORMAT ")\n"), display, outcome->report_id);
      else
        printf (_("Imported %s as report %" G_GINT64_FORMAT "\n"), display, outcome->report_id);
      if (outcome->notice != NULL && outcome->status != PB_IMPORT_STATUS_DUPLICATE)
        printf ("%s\n", outcome->notice);
      fflush (stdout);
    }
}

/* On a terminal, one line that keeps being rewritten: how many are done,
 * the file begun last and the time left. */
static void
show_progress (ImportRun                 *run,
               const PbImportBatchUpdate *update)
{
  g_autofree char *name = g_file_get_basename (update->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *left = NULL;

  if (update->seconds_left >= 60)
    /* Translators: time left in a bulk import */
    left = g_strdup_printf (_(", about %" G_GINT64_FORMAT " min left"), (update->seconds_left + 30) / 60);
  else if (update->seconds_left >= 0)
    /* Translators: time left in a bulk import */
    left = g_strdup_printf (_(", about %" G_GINT64_FORMAT " s left"), update->seconds_left);

  fprintf (stderr, "\r\033[K");
  /* Translators: progress of a bulk import: reports done of all, the share
   * done, the file begun last and the time left */
  fprintf (stderr, _("%u of %u reports (%.0f %%), %s%s"), update->n_done, run->n_files,
           100 * update->fraction, display, left ? left : "");
}

static void
import_update_cb (const PbImportBatchUpdate *update,
                  gpointer                   user_data)
{
  ImportRun *run = user_data;

  if (update->event == PB_IMPORT_BATCH_FINISHED)
    {
      Outcome *outcome = &run->outcomes[update->index];

      outcome->finished = TRUE;
      outcome->status = update->error != NULL ? PB_IMPORT_STATUS_FAILED : update->status;
      outcome->report_id = update->report_id;
      outcome->notice = g_strdup (update->notice);
      outcome->error = update->error ? g_error_copy (update->error) : NULL;
      tell_outcomes (run);
    }

  /* Once stopped, the files left out are not counted on as if imported. */
  if (run->show_progress && run->n_files > 1 && update->event != PB_IMPORT_BATCH_PROGRESS &&
      !g_atomic_int_get (&run->stopped))
    show_progress (run, update);
}

static gboolean
import_done_cb (gpointer data)
{
  ImportRun *run = data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
import_thread (gpointer data)
{
  ImportRun *run = data;

  pb_import_files (run->library, run->files, run->n_files, run->password, run->flags,
                   run->n_jobs, run->cancellable, import_update_cb, run, NULL);
  g_idle_add (import_done_cb, run);
  return NULL;
}

/* No file is begun after this; the files under way roll back. */
static void
begin_stop (ImportRun *run)
{
  run->stopping = TRUE;
  g_atomic_int_set (&run->stopped, TRUE);
  g_cancellable_cancel (run->cancellable);
}

/* Ctrl+C, SIGTERM, or the terminal closing (SIGHUP): stops the batch. The
 * handlers go with the first, so that a second Ctrl+C ends the process at
 * once, which is safe too: each file is one transaction, and the next
 * import clears what a killed one left. */
static gboolean
stop_cb (gpointer data)
{
  ImportRun *run = data;
  GSource *current = g_main_current_source ();

  /* The others go; the one called is removed by returning. */
  for (guint i = 0; i < G_N_ELEMENTS (run->signal_ids); i++)
    {
      if (run->signal_ids[i] != 0 && g_main_context_find_source_by_id (NULL, run->signal_ids[i]) != current)
        g_source_remove (run->signal_ids[i]);
      run->signal_ids[i] = 0;
    }

  if (!run->stopping)
    {
      begin_stop (run);
      if (!run->common->json)
        {
          if (run->show_progress)
            fprintf (stderr, "\r\033[K");
          fprintf (stderr, "%s\n", _("Stopping: the files under way are left out…"));
        }
    }
  return G_SOURCE_REMOVE;
}

static void
watch_signals (ImportRun *run)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (run->signal_ids));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    run->signal_ids[i] = g_unix_signal_add (signals[i], stop_cb, run);
}

static void
unwatch_signals (ImportRun *run)
{
  for (guint i = 0; i < G_N_ELEMENTS (run->signal_ids); i++)
    if (run->signal_ids[i] != 0)
      {
        g_source_remove (run->signal_ids[i]);
        run->signal_ids[i] = 0;
      }
}

/* While the library opens, which may take the day's first backup (a few
 * seconds for a library of gigabytes), GLib cannot hear the signals: no
 * main loop runs. A handler of our own notes the first (and says so on
 * standard error, with write (), which a handler may call) and goes with
 * it (SA_RESETHAND), so that a second Ctrl+C ends the process at once. */
static volatile sig_atomic_t early_stop_asked;
static char *early_stop_note;
static size_t early_stop_note_len;

static void
early_stop_cb (int signum)
{
  ssize_t written;

  early_stop_asked = 1;
  if (early_stop_note != NULL)
    written = write (STDERR_FILENO, early_stop_note, early_stop_note_len);
  (void)written;
}

static void
hear_early_stop (gboolean quiet)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  if (!quiet && early_stop_note == NULL)
    {
      early_stop_note = g_strdup_printf ("%s\n", _("Stopping: no file will be imported once the library is open "
                                                   "(Ctrl+C again ends it at once)…"));
      early_stop_note_len = strlen (early_stop_note);
    }
  action.sa_handler = early_stop_cb;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

/* What Ctrl+C did, in one sentence: what stays and what was left out. */
static char *
stopped_message (ImportRun *run)
{
  g_autofree char *kept = NULL;
  g_autofree char *left = NULL;

  if (run->n_imported == 0)
    kept = g_strdup (_("nothing was added to the library"));
  else
    kept = g_strdup_printf (ngettext ("%u report was imported and stays in the library",
                                      "%u reports were imported and stay in the library",
                                      run->n_imported),
                            run->n_imported);
  left = g_strdup_printf (ngettext ("%u file was left out (import it again to add it)",
                                    "%u files were left out (import them again to add them)",
                                    run->n_stopped),
                          run->n_stopped);

  /* Translators: what a stopped import kept, then what it left out */
  return g_strdup_printf (_("Import stopped: %s, and %s."), kept, left);
}

int
_pb_cli_run_import (CommonOptions  *common,
                    int             argc,
                    char          **argv)
{
  g_autofree char *password = NULL;
  gboolean anyway = FALSE;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password,
      N_("Password for encrypted PDFs"), N_("PASSWORD") },
    { "anyway", 0, 0, G_OPTION_ARG_NONE, &anyway,
      N_("Import a file even if the library has the same report, saved again"), NULL },
    { "force", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &anyway, NULL, NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Import N files at once (default: one per core)"), N_("N") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ImportRun run = { 0 };

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("import"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc < 3)
    {
      fprintf (stderr, "panel-brief: %s\n", _("Name at least one PDF file to import."));
      return EXIT_USAGE;
    }

  if (jobs < 0)
    return _pb_cli_usage_error (_("--jobs takes a number of files, 1 or more."));

  /* Ctrl+C is heard from here on, opening the library included (it may
   * take the day's first backup first): it then stops the import before
   * any file is begun. */
  run.common = common;
  run.cancellable = g_cancellable_new ();
  run.loop = g_main_loop_new (NULL, FALSE);
  hear_early_stop (common->json);

  library = _pb_cli_open_library_to_change (common, &error);

  /* From here GLib hears the signals (in place of hear_early_stop ()'s
   * handler, with nothing lost between), and a stop asked for while the
   * library opened stops the import before any file is begun. */
  watch_signals (&run);
  if (early_stop_asked)
    begin_stop (&run);

  if (library == NULL)
    {
      unwatch_signals (&run);
      g_clear_object (&run.cancellable);
      g_clear_pointer (&run.loop, g_main_loop_unref);
      return _pb_cli_fail (error->message);
    }

  pb_import_clean_leftovers (library);

  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  run.args = argv + 2;
  run.n_files = files->len;
  run.outcomes = g_new0 (Outcome, files->len);
  run.builder = builder;
  run.show_progress = !common->json && isatty (STDERR_FILENO);

  run.library = library;
  run.files = (GFile **)files->pdata;
  run.password = password;
  run.flags = anyway ? PB_IMPORT_ANYWAY : PB_IMPORT_DEFAULT;
  run.n_jobs = (guint)jobs;

  /* The batch runs on a thread of its own while this one waits for it and
   * for Ctrl+C, which stops it as Stop does in the window: no file is
   * begun after it, the files under way are rolled back, and the reports
   * already imported stay. */
  json_builder_begin_array (builder);
  {
    GThread *thread = g_thread_new ("pb-cli-import", import_thread, &run);

    g_main_loop_run (run.loop);
    g_thread_join (thread);
    unwatch_signals (&run);
  }
  json_builder_end_array (builder);

  if (run.show_progress && run.n_files > 1)
    fprintf (stderr, "\r\033[K");

  for (guint i = 0; i < run.n_files; i++)
    {
      g_free (run.outcomes[i].notice);
      g_clear_error (&run.outcomes[i].error);
    }
  g_free (run.outcomes);
  g_clear_object (&run.cancellable);
  g_clear_pointer (&run.loop, g_main_loop_unref);

  if (common->json)
    _pb_cli_print_json (builder);

  /* Stopped too late to leave anything out: it ran to its end. */
  if (run.stopping && run.n_stopped > 0)
    {
      if (!common->json)
        {
          g_autofree char *message = stopped_message (&run);

          fprintf (stderr, "panel-brief: %s\n", message);
        }
      return EXIT_STOPPED;
    }

  return run.n_failed > 0 ? EXIT_FAILED : EXIT_OK;
}

static void
add_structure (JsonBuilder *builder,
               PbStructure *s)
{
  json_builder_begin_object (builder);
  _pb_cli_add_structure_summary (builder, s);

  /* What the type was decided on, so that a misread report can be told
   * from this output alone. */
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; s->reasons != NULL && i < s->reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (s->reasons, i));
  json_builder_end_array (builder);

  _pb_cli_add_judgements (builder, s);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->sections->len; i++)
    {
      PbSection *section = &g_array_index (s->sections, PbSection, i);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "cohort", section->cohort);
      _pb_cli_add_string_or_null (builder, "heading", section->heading);
      _pb_cli_add_string_or_null (builder, "grade", pb_grade_to_slug (section->grade));
      json_builder_set_member_name (builder, "first_page");
      json_builder_add_int_value (builder, section->first_page);
      json_builder_set_member_name (builder, "last_page");
      json_builder_add_int_value (builder, section->last_page);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->paragraphs->len; i++)
    {
      PbParagraph *paragraph = &g_array_index (s->paragraphs, PbParagraph, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, paragraph->number);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, paragraph->page);
      _pb_cli_add_string_or_null (builder, "cohort", paragraph->cohort);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->recommendations->len; i++)
    {
      PbRecommendation *rec = &g_array_index (s->recommendations, PbRecommendation, i);

      json_builder_begin_object (builder);
      _pb_cli_add_string_or_null (builder, "text", rec->text);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, rec->page);
      _pb_cli_add_string_or_null (builder, "cohort", rec->cohort);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_boolean_value (builder, rec->priority);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
_pb_cli_run_inspect (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, N_("Password for an encrypted PDF"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbStructure) structure = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("inspect"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);

  if (argc != 3)
    return _pb_cli_usage_error (_("Name one PDF file to inspect."));

  file = g_file_new_for_commandline_arg (argv[2]);
  path = g_file_get_path (file);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read."), argv[2]);
      return _pb_cli_fail (message);
    }

  if (!(structure = pb_structure_read_pdf (path, password, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” cannot be read as a PDF: %s"), argv[2], error->message);
      return _pb_cli_fail (message);
    }

  add_structure (builder, structure);

  if (common->json)
    {
      _pb_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    char start[16] = "", end[16] = "";

    if (g_date_valid (&structure->inspection_start))
      g_date_strftime (start, sizeof start, "%Y-%m-%d", &structure->inspection_start);
    if (g_date_valid (&structure->inspection_end))
      g_date_strftime (end, sizeof end, "%Y-%m-%d", &structure->inspection_end);

    printf ("%s%s\n", pb_document_type_to_slug (structure->type),
            structure->reinspection ? _(" (re-inspection)") : "");
    if (structure->local_authority)
      printf ("  %-20s %s\n", _("Local authority:"), structure->local_authority);
    if (*start)
      printf ("  %-20s %s to %s\n", _("Inspection:"), start, end);
    if (structure->lead_inspector)
      printf ("  %-20s %s\n", _("Lead inspector:"), structure->lead_inspector);
    if (structure->theme)
      printf ("  %-20s %s\n", _("Theme:"), structure->theme);
    for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
      if (structure->judgements[j] != PB_GRADE_NONE)
        printf ("  %-20s %s\n", pb_judgement_to_slug (j), pb_grade_to_slug (structure->judgements[j]));
    printf ("  %u sections, %u numbered paragraphs, %u recommendations\n",
            structure->sections->len, structure->paragraphs->len, structure->recommendations->len);
    for (guint i = 0; i < structure->reasons->len; i++)
      printf ("  %-20s %s\n", i == 0 ? _("Reasons:") : "",
              (const char *)g_ptr_array_index (structure->reasons, i));
  }

  return EXIT_OK;
}
