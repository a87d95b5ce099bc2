/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
  g_autofree char *one_line = g_strdup (problem->message);

  g_strdelimit (one_line, "\n", ' ');
  printf ("%s: %s\n", pb_check_kind_to_string (problem->kind), one_line);
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
      /* A checksum, a table, or a path whose bytes may not be UTF-8. */
      _pb_cli_add_path (builder, "subject", problem->subject);
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

/* A library that cannot be opened at all is a problem check reports like
 * any other, in JSON too: scripts read its answer, not its stderr. */
static int
fail_check_unopened (CommonOptions *common,
                     const GError  *error)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!common->json)
    return _pb_cli_fail (error->message);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "reports");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "files_verified");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pb_check_kind_to_string (PB_CHECK_DATABASE));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, "library.db");
  json_builder_set_member_name (builder, "report_id");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "repairable");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "repaired");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  _pb_cli_print_json (builder);
  return EXIT_FAILED;
}

int
_pb_cli_run_check (CommonOptions  *common,
                   int             argc,
                   char          **argv)
{
  gboolean repair = FALSE, quick = FALSE;
  g_auto(GStrv) passwords = NULL;
  GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
      N_("Mend what can be mended without losing anything, and say what was done"), NULL },
    { "no-checksums", 0, 0, G_OPTION_ARG_NONE, &quick,
      N_("Do not read every report file to verify its checksum"), NULL },
    { "password", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &passwords,
      N_("A password for reports that need one (repeatable)"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(PbCheckResult) result = NULL;
  g_autoptr(GPtrArray) repairs = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *given;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("check"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  if (argc > 2)
    return _pb_cli_usage_error (_("check takes no arguments."));
  given = (const char * const *)passwords;

  if (!(library = _pb_cli_open_library (common, &error)) ||
      !(result = pb_library_check_full (library, !quick, given, NULL, NULL, NULL, &error)))
    return fail_check_unopened (common, error);

  if (repair && result->problems->len > 0)
    {
      if (!(repairs = pb_library_repair_full (library, result, given, NULL, &error)))
        return fail_check_unopened (common, error);
      g_clear_pointer (&result, pb_check_result_free);
      if (!(result = pb_library_check_full (library, !quick, given, NULL, NULL, NULL, &error)))
        return fail_check_unopened (common, error);
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

/* One backup, as --list and backup print it. A backup whose header cannot
 * be read is still listed, as damaged, rather than left out: the user is
 * choosing which one to restore. */
typedef struct
{
  char      *path;
  GDateTime *created;   /* from its name */
  PbBackup  *backup;    /* NULL when it cannot be read */
} ListedBackup;

static void
listed_backup_free (ListedBackup *listed)
{
  g_free (listed->path);
  g_clear_pointer (&listed->created, g_date_time_unref);
  g_clear_object (&listed->backup);
  g_free (listed);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ListedBackup *x = *(ListedBackup * const *)a;
  const ListedBackup *y = *(ListedBackup * const *)b;
  int by_time = g_date_time_compare (y->created, x->created);

  return by_time != 0 ? by_time : g_strcmp0 (y->path, x->path);
}

/* Every file in @folder named as a backup is, newest first. */
static GPtrArray *
list_backups (const char *folder)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func ((GDestroyNotify)listed_backup_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      ListedBackup *entry;
      GDateTime *created = NULL;

      if (!pb_backup_parse_file_name (name, &created))
        continue;
      entry = g_new0 (ListedBackup, 1);
      entry->path = g_build_filename (folder, name, NULL);
      entry->created = created;
      entry->backup = pb_backup_read (entry->path, NULL);
      g_ptr_array_add (listed, entry);
    }
  g_ptr_array_sort (listed, compare_newest_first);
  return g_steal_pointer (&listed);
}

static void
add_backup_members (JsonBuilder *builder,
                    const char  *path,
                    GDateTime   *created,
                    PbBackup    *backup)
{
  g_autofree char *when = g_date_time_format_iso8601 (backup ? pb_backup_get_created (backup) : created);

  _pb_cli_add_path (builder, "path", path);
  _pb_cli_add_string_or_null (builder, "created", when);
  json_builder_set_member_name (builder, "damaged");
  json_builder_add_boolean_value (builder, backup == NULL);
  _pb_cli_add_int_or_null (builder, "reports", backup ? pb_backup_get_n_reports (backup) : 0, backup != NULL);
  _pb_cli_add_int_or_null (builder, "findings", backup ? pb_backup_get_n_findings (backup) : 0, backup != NULL);
  _pb_cli_add_int_or_null (builder, "packs", backup ? pb_backup_get_n_packs (backup) : 0, backup != NULL);
}

static void
print_backup (const char *path,
              GDateTime  *created,
              PbBackup   *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (backup ? pb_backup_get_created (backup) : created);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autofree char *shown = _pb_cli_display (path);

  if (backup == NULL)
    /* Translators: a backup that cannot be read: its time, its file */
    printf (_("%s  damaged: it cannot be read  %s\n"), when, shown);
  else
    /* Translators: one backup: its time, what it holds, its file */
    printf (_("%s  %" G_GINT64_FORMAT " reports, %" G_GINT64_FORMAT " findings, %"
              G_GINT64_FORMAT " packs  %s\n"),
            when, pb_backup_get_n_reports (backup), pb_backup_get_n_findings (backup),
            pb_backup_get_n_packs (backup), shown);
}

/* backup --list: needs no library that opens, only its backups/ folder (a
 * library that cannot be opened is when they are wanted). */
static int
list_backups_command (CommonOptions *common)
{
  g_autofree char *library_path = pb_library_resolve_path (common->library_dir);
  g_autofree char *folder = g_build_filename (library_path, "backups", NULL);
  g_autoptr(GPtrArray) listed = list_backups (folder);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < listed->len; i++)
        {
          ListedBackup *entry = g_ptr_array_index (listed, i);

          json_builder_begin_object (builder);
          add_backup_members (builder, entry->path, entry->created, entry->backup);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < listed->len; i++)
        {
          ListedBackup *entry = g_ptr_array_index (listed, i);

          print_backup (entry->path, entry->created, entry->backup);
        }
    }
  return EXIT_OK;
}

/* The second backup folder, checked before the backup is made: it must be
 * a folder (or not there yet), and not inside the library. */
static gboolean
check_second_folder (PbLibrary   *library,
                     const char  *folder,
                     GError     **error)
{
  g_autofree char *shown = _pb_cli_display (folder);
  g_autofree char *probe = g_build_filename (folder, "backup", NULL);

  if (g_file_test (folder, G_FILE_TEST_EXISTS) && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder: name a folder for the second copy, such as one on a USB "
                     "stick."), shown);
      return FALSE;
    }
  if (!pb_library_check_output_path (library, probe, NULL))
    {
      g_set_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_OUTPUT_INSIDE,
                   _("“%s” is inside the library folder: a second copy there would be lost with the "
                     "library. Choose a folder elsewhere, such as one on a USB stick."), shown);
      return FALSE;
    }
  return TRUE;
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
  g_autofree char *second = NULL;
  g_autofree char *second_copy = NULL;
  g_autofree char *second_error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PbBackup) backup = NULL;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy_error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("backup"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  also_to = folder;
  if (argc > 2)
    return _pb_cli_usage_error (_("backup takes no arguments."));

  if (list)
    return list_backups_command (common);

  if (!(library = _pb_cli_open_library (common, &error)))
    return _pb_cli_fail (error->message);

  if (also_to != NULL && *also_to != '\0')
    {
      second = g_canonicalize_filename (also_to, NULL);
      if (!check_second_folder (library, second, &error))
        return _pb_cli_fail (error->message);
      pb_library_set_second_backup_folder (library, second);
    }

  path = pb_library_backup_full (library, PB_BACKUP_BY_HAND, &second_copy, &copy_error, &error);
  if (path == NULL || !(backup = pb_backup_read (path, &error)))
    return _pb_cli_fail (error->message);
  if (copy_error != NULL)
    second_error = g_strdup (copy_error->message);

  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_backup_members (builder, path, NULL, backup);
      if (second != NULL)
        {
          _pb_cli_add_path (builder, "second_copy", second_copy);
          _pb_cli_add_string_or_null (builder, "second_copy_error", second_error);
        }
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      print_backup (path, NULL, backup);
    }

  if (second_error != NULL)
    return _pb_cli_fail (second_error);
  return EXIT_OK;
}

/* A file named to restore that cannot be one is refused before the
 * library is touched, with what it is and what to do. */
static gboolean
check_backup_file (const char  *path,
                   GError     **error)
{
  g_autofree char *shown = _pb_cli_display (path);
  static const char header[16] = "SQLite format 3";
  char head[16] = { 0 };
  FILE *file;
  gboolean is_database;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not exist. “panel-brief backup --list” lists the backups."), shown);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder: name one backup file in it (“panel-brief backup --list” lists "
                     "them)."), shown);
      return FALSE;
    }
  if (pb_archive_is_library_archive (path))
    {
      g_set_error (error, PB_ARCHIVE_ERROR, PB_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("“%s” is a library archive: use “panel-brief library import”."), shown);
      return FALSE;
    }
  file = g_fopen (path, "rb");
  is_database = file != NULL && fread (head, 1, sizeof head, file) == sizeof head &&
                memcmp (head, header, sizeof header) == 0;
  if (file != NULL)
    fclose (file);
  if (!is_database)
    {
      g_set_error (error, PB_RESTORE_ERROR, PB_RESTORE_ERROR_DAMAGED_BACKUP,
                   _("“%s” is not a backup of a library, or it is damaged. Choose another "
                     "(“panel-brief backup --list” lists them)."), shown);
      return FALSE;
    }
  return TRUE;
}

int
_pb_cli_run_restore (CommonOptions  *common,
                     int             argc,
                     char          **argv)
{
  gboolean latest = FALSE;
  gboolean anyway = FALSE;
  GOptionEntry entries[] = {
    { "latest", 0, 0, G_OPTION_ARG_NONE, &latest,
      N_("Restore the newest backup that checks out"), NULL },
    { "anyway", 0, 0, G_OPTION_ARG_NONE, &anyway,
      N_("Restore a backup of another library in place of this one"), NULL },
    { NULL }
  };
  g_autofree char *library_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *shown = NULL;
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
      if (!check_backup_file (backup, &error))
        return _pb_cli_fail (error->message);
    }

  if (!pb_library_restore_full (library_path, backup, anyway ? PB_RESTORE_ANY_LIBRARY : PB_RESTORE_NONE,
                                &safety, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        return _pb_cli_fail (_("The disk is full: the backup was not restored, and the library is as "
                               "it was. Free some space and try again."));
      return _pb_cli_fail (error->message);
    }

  shown = _pb_cli_display (backup);
  if (common->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      _pb_cli_add_path (builder, "restored", backup);
      _pb_cli_add_path (builder, "safety_copy", safety);
      json_builder_end_object (builder);
      _pb_cli_print_json (builder);
    }
  else
    {
      g_autofree char *safety_shown = _pb_cli_display (safety);

      printf (_("Restored the library from %s.\n"), shown);
      if (safety != NULL)
        printf (_("The library as it was before is kept at %s.\n"), safety_shown);
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
    printf (_("Made a new library from the archive: %u reports, %u findings and %u packs.\n"),
            result->merge.reports_added, result->merge.findings_added, result->merge.packs_added);
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
  g_autofree char *output_arg = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pb_cli_parse_options (common, _pb_cli_find_command ("library"), entries, &argc, &argv, &error))
    return _pb_cli_usage_error (error->message);
  output_arg = output;

  if (argc >= 3 && g_str_equal (argv[2], "export"))
    {
      g_autoptr(PbLibrary) library = NULL;
      g_autofree char *path = NULL;
      g_autofree char *shown = NULL;

      if (argc != 3 || output_arg == NULL)
        return _pb_cli_usage_error (_("“library export” needs -o FILE."));
      if (!(path = _pb_cli_output_path (output_arg, &error)) ||
          !(library = _pb_cli_open_library (common, &error)) ||
          !pb_library_export_archive (library, path, NULL, NULL, NULL, NULL, &error))
        return _pb_cli_fail (error->message);
      if (common->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          _pb_cli_add_path (builder, "archive", path);
          json_builder_end_object (builder);
          _pb_cli_print_json (builder);
        }
      else
        {
          shown = _pb_cli_display (output_arg);
          printf (_("Wrote the library to %s.\n"), shown);
        }
      return EXIT_OK;
    }

  if (argc >= 3 && g_str_equal (argv[2], "import"))
    {
      g_autofree char *library_path = pb_library_resolve_path (common->library_dir);
      g_autofree char *archive = NULL;
      PbArchiveImport result = { 0 };

      if (argc != 4)
        return _pb_cli_usage_error (_("Name one library archive to import."));
      archive = g_canonicalize_filename (argv[3], NULL);
      if (!pb_library_import_archive (library_path, archive, &result, NULL, NULL, NULL, &error))
        return _pb_cli_fail (error->message);
      print_import (&result, common->json);
      pb_archive_import_clear (&result);
      return EXIT_OK;
    }

  return _pb_cli_usage_error (_("Use “library export -o FILE” or “library import FILE”."));
}
