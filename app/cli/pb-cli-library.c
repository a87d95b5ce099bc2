/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-backup.h"
#include "pb-cli-private.h"
#include "pb-library-archive.h"
#include "pb-library-check.h"
#include "pb-restore.h"

/* The commands that look after the library as a whole: check (and repair),
 * backup, restore, and library export and import (a whole library in one
 * file). */

static void
print_problem (const PbCheckProblem *problem)
{
  printf ("%s: %s\n", pb_check_kind_to_string (problem->kind), problem->message);
}

static void
add_problems (JsonBuilder   *builder,
              PbCheckResult *result)
{
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->problems->len; i++)
    {
      PbCheckProblem *problem = g_ptr_array_index (result->problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pb_check_kind_to_string (problem->kind));
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, problem->subject);
      json_builder_set_member_name (builder, "report_id");
      if (problem->report_id > 0)
        json_builder_add_int_value (builder, problem->report_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "repairable");
      json_builder_add_boolean_value (builder, problem->repairable);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
_pb_cli_run_check (CommonOptions  *common,
                   int             argc,
                   char          **argv)
{
  gboolean repair = FALSE, quick = FALSE;
  GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
      N_("Mend what can be mended without losing anything, and say what was done"), NULL },
    { "no-checksums", 0, 0, G_OPTION_ARG_NONE, &quick,
      N_("Do not read every report file to verify its checksum"), NULL },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbCheckResult) result = NULL;
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("check"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc > 2)
    return _pb_cli_usage_error (_("check takes no arguments."));

  if (!(library = _pb_cli_open_library (common, &error)))
    return _pb_cli_fail (error->message);

  if (!(result = pb_library_check (library, !quick, NULL, NULL, NULL, &error)))
    return _pb_cli_fail (error->message);

  if (repair && result->problems->len > 0)
    {
      if (!(repairs = pb_library_repair (library, result, NULL, &error)))
        return _pb_cli_fail (error->message);
      g_clear_pointer (&result, pb_check_result_free);
      if (!(result = pb_library_check (library, !quick, NULL, NULL, NULL, &error)))
        return _pb_cli_fail (error->message);
    }

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, result->problems->len == 0);
      json_builder_set_member_name (builder, "reports");
      json_builder_add_int_value (builder, result->n_reports);
      json_builder_set_member_name (builder, "files_verified");
      json_builder_add_int_value (builder, result->n_files_hashed);
      add_problems (builder, result);
      json_builder_set_member_name (builder, "repaired");
      json_builder_begin_array (builder);
      for (guint i = 0; repairs != NULL && i < repairs->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (repairs, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; repairs != NULL && i < repairs->len; i++)
        printf ("repaired: %s\n", (const char *)g_ptr_array_index (repairs, i));
      for (guint i = 0; i < result->problems->len; i++)
        print_problem (g_ptr_array_index (result->problems, i));
      if (result->problems->len == 0)
        printf (g_dngettext (GETTEXT_PACKAGE,
                             "The library is sound: %u report checked.\n",
                             "The library is sound: %u reports checked.\n", result->n_reports),
                result->n_reports);
    }

  return result->problems->len == 0 ? EXIT_OK : EXIT_FAILED;
}

static void
add_backup (JsonBuilder *builder,
            PbBackup    *backup)
{
  g_autofree char *created = g_date_time_format_iso8601 (pb_backup_get_created (backup));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, pb_backup_get_path (backup));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "reports");
  json_builder_add_int_value (builder, pb_backup_get_n_reports (backup));
  json_builder_set_member_name (builder, "findings");
  json_builder_add_int_value (builder, pb_backup_get_n_findings (backup));
  json_builder_set_member_name (builder, "packs");
  json_builder_add_int_value (builder, pb_backup_get_n_packs (backup));
  json_builder_end_object (builder);
}

static void
print_backup (PbBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (pb_backup_get_created (backup));
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

  /* Translators: one backup: its time, what it holds, its file */
  printf (_("%s  %" G_GINT64_FORMAT " reports, %" G_GINT64_FORMAT " findings, %"
            G_GINT64_FORMAT " packs  %s\n"),
          when, pb_backup_get_n_reports (backup), pb_backup_get_n_findings (backup),
          pb_backup_get_n_packs (backup), pb_backup_get_path (backup));
}

int
_pb_cli_run_backup (CommonOptions  *common,
                    int             argc,
                    char          **argv)
{
  gboolean list = FALSE;
  char *folder = NULL;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups instead"), NULL },
    { "also-to", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_("Copy the backup to this folder too (a USB stick, a network drive)"), N_("DIR") },
    { NULL }
  };
  g_autofree char *also_to = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("backup"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  also_to = folder;
  if (argc > 2)
    return _pb_cli_usage_error (_("backup takes no arguments."));

  if (!(library = _pb_cli_open_library (common, &error)))
    return _pb_cli_fail (error->message);

  if (list)
    {
      g_autoptr(GPtrArray) backups = pb_library_list_backups (library, &error);

      if (backups == NULL)
        return _pb_cli_fail (error->message);

      if (common->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_array (builder);
          for (guint i = 0; i < backups->len; i++)
            add_backup (builder, g_ptr_array_index (backups, i));
          json_builder_end_array (builder);
          _pb_cli_print_json (builder);
        }
      else
        {
          for (guint i = 0; i < backups->len; i++)
            print_backup (g_ptr_array_index (backups, i));
        }
      return EXIT_OK;
    }

  pb_library_set_second_backup_folder (library, also_to);
  {
    g_autofree char *path = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);
    g_autoptr(PbBackup) backup = NULL;

    if (path == NULL || !(backup = pb_backup_read (path, &error)))
      return _pb_cli_fail (error->message);

    if (common->json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();

        add_backup (builder, backup);
        _pb_cli_print_json (builder);
      }
    else
      {
        print_backup (backup);
      }
  }

  return EXIT_OK;
}

int
_pb_cli_run_restore (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  gboolean latest = FALSE;
  GOptionEntry entries[] = {
    { "latest", 0, 0, G_OPTION_ARG_NONE, &latest,
      N_("Restore the newest backup that checks out"), NULL },
    { NULL }
  };
  g_autofree char *library_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("restore"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if ((latest && argc != 2) || (!latest && argc != 3))
    return _pb_cli_usage_error (_("Name one backup file to restore, or use --latest."));

  library_path = pb_library_resolve_path (common->library_dir);
  if (latest)
    {
      if (!(backup = pb_library_find_latest_good_backup (library_path, &error)))
        return _pb_cli_fail (error->message);
    }
  else
    {
      backup = g_canonicalize_filename (argv[2], NULL);
    }

  if (!pb_library_restore (library_path, backup, &safety, &error))
    return _pb_cli_fail (error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "restored");
      json_builder_add_string_value (builder, backup);
      json_builder_set_member_name (builder, "safety_copy");
      if (safety != NULL)
        json_builder_add_string_value (builder, safety);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      printf (_("Restored the library from %s.\n"), backup);
      if (safety != NULL)
        printf (_("The library as it was before is kept at %s.\n"), safety);
      printf ("%s\n", _("Run “panel-brief check” to find reports imported since that backup."));
    }

  return EXIT_OK;
}

static void
print_import (const PbArchiveImport *result,
              gboolean               json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "new_library");
      json_builder_add_boolean_value (builder, result->new_library);
      json_builder_set_member_name (builder, "files_added");
      json_builder_add_int_value (builder, result->files_added);
      json_builder_set_member_name (builder, "reports_added");
      json_builder_add_int_value (builder, result->merge.reports_added);
      json_builder_set_member_name (builder, "reports_present");
      json_builder_add_int_value (builder, result->merge.reports_present);
      json_builder_set_member_name (builder, "findings_added");
      json_builder_add_int_value (builder, result->merge.findings_added);
      json_builder_set_member_name (builder, "findings_present");
      json_builder_add_int_value (builder, result->merge.findings_present);
      json_builder_set_member_name (builder, "packs_added");
      json_builder_add_int_value (builder, result->merge.packs_added);
      json_builder_set_member_name (builder, "packs_present");
      json_builder_add_int_value (builder, result->merge.packs_present);
      json_builder_set_member_name (builder, "cohorts_added");
      json_builder_add_int_value (builder, result->merge.cohorts_added);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
      return;
    }

  if (result->new_library)
    printf ("%s\n", _("Made a new library from the archive."));
  else
    printf (_("Merged the archive: %u reports, %u findings and %u packs added; %u reports, "
              "%u findings and %u packs were there already.\n"),
            result->merge.reports_added, result->merge.findings_added, result->merge.packs_added,
            result->merge.reports_present, result->merge.findings_present,
            result->merge.packs_present);
}

int
_pb_cli_run_library (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the archive to FILE"), N_("FILE") },
    { NULL }
  };
  g_autofree char *output_path = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("library"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  output_path = output;

  if (argc >= 3 && g_str_equal (argv[2], "export"))
    {
      g_autoptr(PbLibrary) library = NULL;

      if (argc != 3 || output_path == NULL)
        return _pb_cli_usage_error (_("“library export” needs -o FILE."));
      if (!(library = _pb_cli_open_library (common, &error)) ||
          !pb_library_export_archive (library, output_path, NULL, NULL, NULL, NULL, &error))
        return _pb_cli_fail (error->message);
      if (common->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "archive");
          json_builder_add_string_value (builder, output_path);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      else
        {
          printf (_("Wrote the library to %s.\n"), output_path);
        }
      return EXIT_OK;
    }

  if (argc >= 3 && g_str_equal (argv[2], "import"))
    {
      g_autofree char *library_path = pb_library_resolve_path (common->library_dir);
      PbArchiveImport result = { 0 };

      if (argc != 4)
        return _pb_cli_usage_error (_("Name one library archive to import."));
      if (!pb_library_import_archive (library_path, argv[3], &result, NULL, NULL, NULL, &error))
        return _pb_cli_fail (error->message);
      print_import (&result, common->json);
      pb_archive_import_clear (&result);
      return EXIT_OK;
    }

  return _pb_cli_usage_error (_("Use “library export -o FILE” or “library import FILE”."));
}
