/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "pb-cli-private.h"
#include "pb-pdf-open.h"
#include "pb-reindex.h"
#include "pb-report-store.h"
#include "pb-report.h"

/* panel-brief reindex: reads the reports' text again after an upgrade that
 * changed how page text is read, keeping every finding. */

typedef struct
{
  gboolean json;
  gboolean tty;
} Progress;

static void
progress_cb (guint       n_done,
             guint       n_total,
             const char *title,
             gpointer    user_data)
{
  Progress *progress = user_data;

  if (progress->json || title == NULL)
    return;

  /* Translators: the counts of reports done and to do, then a title */
  fprintf (stderr, progress->tty ? _("\r\033[KReading %u of %u: %s") : _("Reading %u of %u: %s\n"),
           n_done + 1, n_total, title);
  fflush (stderr);
}

int
_pb_cli_run_reindex (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  gboolean all = FALSE;
  g_autofree char *report = NULL;
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Read every report again, not only those read by an older version"), NULL },
    { "report", 0, 0, G_OPTION_ARG_STRING, &report, N_("Read only this report (id or checksum)"), N_("REPORT") },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, N_("The report’s password, if it has one"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GPtrArray) locked = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { common->json, isatty (STDERR_FILENO) };
  guint n_done = 0;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("reindex"), entries, &argc, &argv, &error))
    return _pb_cli_fail (error->message);
  if (argc > 2)
    return _pb_cli_usage_error (_("“reindex” takes no arguments."));
  if (password != NULL && report == NULL)
    return _pb_cli_usage_error (_("Name the report the password is for with --report."));

  if (!(library = _pb_cli_open_library (common, &error)))
    return _pb_cli_fail (error->message);

  locked = g_ptr_array_new_with_free_func (g_free);

  if (report != NULL)
    {
      g_autoptr(PbReport) r = NULL;

      if (!(r = pb_library_find_report (library, report, &error)))
        return _pb_cli_fail (error->message);
      if (!pb_library_reindex_report (library, pb_report_get_id (r), password, NULL, &error))
        return _pb_cli_fail_with (error, pb_report_get_title (r));
      n_done = 1;
    }
  else
    {
      g_clear_pointer (&locked, g_ptr_array_unref);
      if (!pb_library_reindex (library, all, NULL, progress_cb, &progress, &n_done, &locked, &error))
        return _pb_cli_fail (error->message);
      if (progress.tty && !common->json && n_done + locked->len > 0)
        fprintf (stderr, "\r\033[K");
    }

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reindexed");
      json_builder_add_int_value (builder, n_done);
      json_builder_set_member_name (builder, "skipped");
      json_builder_begin_array (builder);
      for (guint i = 0; i < locked->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (locked, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "Read %u report again.\n", "Read %u reports again.\n", n_done),
              n_done);
      for (guint i = 0; i < locked->len; i++)
        /* Translators: %s is a report's title */
        printf (_("Left for later: “%s” (protected by a password, or its file cannot be read; "
                  "use --report and --password).\n"), (const char *)g_ptr_array_index (locked, i));
    }

  return EXIT_OK;
}
