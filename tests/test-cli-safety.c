/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "pb-test-cli.h"
#include "pb-test-safety.h"
#include "pb-test-util.h"

/* The command line on a library's safety, as a fresh tester tried to break
 * it: every command that writes a file takes a name relative to where the
 * user is and refuses a folder; read commands work on a library that can
 * only be read; JSON is valid UTF-8 whatever the file names; check answers
 * in JSON even when the library cannot be opened; a second backup folder
 * that fails says so; and every failure is one plain sentence. */

typedef PbTestCliFixture Fixture;

/* The fixture's report, imported, with a finding on page 2. */
static void
make_library (Fixture *f)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };

  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);
  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
                   "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  g_assert_cmpint (add.status, ==, 0);
}

/* Flips a byte of page 2 of library.db: it opens read-only, as damaged. */
static void
damage_database (Fixture *f)
{
  g_autofree char *db = g_build_filename (f->library_dir, "library.db", NULL);
  int fd = g_open (db, O_RDWR, 0);
  guint8 byte;

  g_assert_cmpint (pread (fd, &byte, 1, 4096 + 5), ==, 1);
  byte ^= 0xff;
  g_assert_cmpint (pwrite (fd, &byte, 1, 4096 + 5), ==, 1);
  g_close (fd, NULL);
}

static guint
count_backups (Fixture *f)
{
  g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);

  return pb_test_count_files (backups);
}

/* Names relative to the current folder are written there; a folder is
 * refused in one sentence, and nothing is written into it. */
static void
test_relative_outputs (Fixture       *f,
                       gconstpointer  data)
{
  const char *written[] = { "moved.lib", "annotated.pdf", "pack.pdf", "findings.csv", NULL };
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_library (f);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  {
    g_auto(PbTestRun) create = { 0 };
    g_auto(PbTestRun) add = { 0 };

    pb_test_run_cli (&create, "pack", "create", "--library", f->library_dir, "--title", "Panel", NULL);
    pb_test_run_cli (&add, "pack", "add", "--library", f->library_dir, "1", "1", NULL);
    g_assert_cmpint (add.status, ==, 0);
  }

  {
    g_auto(PbTestRun) archive = { 0 };
    g_auto(PbTestRun) annotated = { 0 };
    g_auto(PbTestRun) pack = { 0 };
    g_auto(PbTestRun) csv = { 0 };

    pb_test_run_cli_in (&archive, f->dir, "library", "export", "--library", f->library_dir,
                        "-o", "moved.lib", NULL);
    pb_test_run_cli_in (&annotated, f->dir, "export-annotated", "1", "--library", f->library_dir,
                        "-o", "annotated.pdf", NULL);
    pb_test_run_cli_in (&pack, f->dir, "pack", "export", "1", "--library", f->library_dir,
                        "-o", "pack.pdf", NULL);
    pb_test_run_cli_in (&csv, f->dir, "findings", "list", "--library", f->library_dir,
                        "--csv", "findings.csv", NULL);
    g_assert_cmpint (archive.status, ==, 0);
    g_assert_cmpint (annotated.status, ==, 0);
    g_assert_cmpint (pack.status, ==, 0);
    g_assert_cmpint (csv.status, ==, 0);
  }
  for (guint i = 0; written[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, written[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  /* -o a folder: refused, with nothing left in it or beside it. */
  before = pb_safety_list_tree (f->dir);
  {
    const char *commands[][6] = {
      { "library", "export", NULL },
      { "export-annotated", "1", NULL },
      { "pack", "export", "1", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_auto(PbTestRun) run = { 0 };

        pb_test_run_cli_in (&run, f->dir, commands[i][0], commands[i][1],
                            commands[i][2] ? commands[i][2] : "--json",
                            "--library", f->library_dir, "-o", "sub", NULL);
        pb_test_assert_one_line_error (&run);
        g_assert_nonnull (strstr (run.err, "“sub” is a folder"));
      }
  }
  {
    g_auto(PbTestRun) csv = { 0 };

    pb_test_run_cli_in (&csv, f->dir, "findings", "list", "--library", f->library_dir, "--csv", "sub", NULL);
    pb_test_assert_one_line_error (&csv);
    g_assert_nonnull (strstr (csv.err, "is a folder"));
  }
  after = pb_safety_list_tree (f->dir);
  g_assert_cmpstr (after, ==, before);

  /* "--csv -" is standard output, not a file named "-"; and
   * export-annotated --json says what it wrote. */
  {
    g_auto(PbTestRun) csv = { 0 };
    g_auto(PbTestRun) annotated = { 0 };
    g_autofree char *dash = g_build_filename (f->dir, "-", NULL);
    g_autoptr(JsonNode) root = NULL;

    pb_test_run_cli_in (&csv, f->dir, "findings", "list", "--library", f->library_dir, "--csv", "-", NULL);
    g_assert_cmpint (csv.status, ==, 0);
    g_assert_true (g_str_has_prefix (csv.out, "\"ID\",\"Report\""));
    g_assert_null (strstr (csv.out, "Wrote"));
    g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));

    pb_test_run_cli_in (&annotated, f->dir, "export-annotated", "1", "--json", "--library", f->library_dir,
                        "-o", "annotated-again.pdf", NULL);
    g_assert_cmpint (annotated.status, ==, 0);
    root = pb_test_parse_json (annotated.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "report"), ==, 1);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (json_node_get_object (root), "path"),
                                     "annotated-again.pdf"));
  }
}

/* A library that can only be read still lists its findings (in CSV too),
 * and refuses a change in one sentence. */
static void
test_read_only_reads (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "findings.csv", NULL);
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) csv = { 0 };
  g_auto(PbTestRun) json = { 0 };
  g_auto(PbTestRun) add = { 0 };
  g_autoptr(JsonNode) root = NULL;

  make_library (f);
  damage_database (f);

  pb_test_run_cli (&list, "findings", "list", "--library", f->library_dir, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "generous local offer"));
  /* It says why the library is read-only, once. */
  g_assert_nonnull (strstr (list.err, "damaged"));

  pb_test_run_cli (&json, "findings", "list", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = pb_test_parse_json (json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);

  pb_test_run_cli (&csv, "findings", "list", "--library", f->library_dir, "--csv", csv_path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_file_test (csv_path, G_FILE_TEST_IS_REGULAR));

  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
                   "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  pb_test_assert_one_line_error (&add);
  g_assert_nonnull (strstr (add.err, "damaged"));
}

/* list, search and show on a damaged library say so and fail, whatever
 * they could still print: a script must not take it for the whole
 * library. On a sound one they succeed. */
static void
test_read_commands_damaged (Fixture       *f,
                            gconstpointer  data)
{
  const char *commands[][2] = { { "list", NULL }, { "search", "offer" }, { "show", "1" } };

  make_library (f);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PbTestRun) sound = { 0 };

      pb_test_run_cli (&sound, commands[i][0], "--library", f->library_dir, commands[i][1], NULL);
      g_assert_cmpint (sound.status, ==, 0);
      g_assert_null (strstr (sound.err, "damaged"));
    }

  damage_database (f);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PbTestRun) damaged = { 0 };
      g_auto(PbTestRun) json = { 0 };

      pb_test_run_cli (&damaged, commands[i][0], "--library", f->library_dir, commands[i][1], NULL);
      g_assert_cmpint (damaged.status, ==, 1);
      g_assert_nonnull (strstr (damaged.err, "damaged"));

      pb_test_run_cli (&json, commands[i][0], "--json", "--library", f->library_dir, commands[i][1], NULL);
      g_assert_cmpint (json.status, ==, 1);
      g_assert_nonnull (strstr (json.err, "damaged"));
    }
}

/* findings add takes the day's backup, as every command that changes the
 * library does. */
static void
test_findings_add_backs_up (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) add = { 0 };

  /* The first import finds an empty library: nothing to back up yet. */
  pb_test_run_cli (&import, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpuint (count_backups (f), ==, 0);

  pb_test_run_cli (&add, "findings", "add", "--library", f->library_dir, "--report", "1", "--page", "2",
                   "--quote", "generous local offer", "--cohort", "care_leavers", "--kind", "strength", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpuint (count_backups (f), ==, 1);
}

static void
assert_valid_json (PbTestRun *run)
{
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  json_node_unref (pb_test_parse_json (run->out));
}

/* File and folder names that are not UTF-8 are shown converted in JSON,
 * never as raw bytes. */
static void
test_json_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *odd_dir = g_build_filename (f->dir, "d\xe9", NULL);
  g_autofree char *library = g_build_filename (odd_dir, "library", NULL);
  g_autofree char *odd_pdf = g_build_filename (f->dir, "r\xe9port \xff.pdf", NULL);
  g_autofree char *archive = g_build_filename (odd_dir, "x\xe9.lib", NULL);
  g_autofree char *bytes = NULL;
  gsize length;
  g_auto(PbTestRun) import = { 0 };
  g_auto(PbTestRun) exported = { 0 };
  g_auto(PbTestRun) backup = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_auto(PbTestRun) restore = { 0 };
  g_auto(PbTestRun) show = { 0 };

  g_assert_cmpint (g_mkdir (odd_dir, 0700), ==, 0);
  bytes = pb_test_read_file (f->pdf, &length);
  g_assert_true (g_file_set_contents (odd_pdf, bytes, length, NULL));

  pb_test_run_cli (&import, "import", "--json", "--library", library, odd_pdf, NULL);
  g_assert_cmpint (import.status, ==, 0);
  assert_valid_json (&import);
  g_assert_nonnull (strstr (import.out, "r\xef\xbf\xbdport"));

  pb_test_run_cli (&exported, "library", "export", "--json", "--library", library, "-o", archive, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  assert_valid_json (&exported);
  g_assert_true (g_file_test (archive, G_FILE_TEST_IS_REGULAR));

  pb_test_run_cli (&backup, "backup", "--json", "--library", library, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  assert_valid_json (&backup);
  pb_test_run_cli (&list, "backup", "--list", "--json", "--library", library, NULL);
  assert_valid_json (&list);
  pb_test_run_cli (&restore, "restore", "--latest", "--json", "--library", library, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  assert_valid_json (&restore);
  pb_test_run_cli (&show, "show", "1", "--json", "--library", library, NULL);
  assert_valid_json (&show);
}

/* A library that cannot be opened at all is still answered in JSON. */
static void
test_check_json_unopened (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->library_dir, "library.db", NULL);
  g_auto(PbTestRun) check = { 0 };
  g_auto(PbTestRun) repair = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *problem;
  int fd;

  make_library (f);
  /* A damaged header: not even read-only. */
  g_assert_cmpint ((fd = g_open (db, O_RDWR, 0)), >=, 0);
  g_assert_cmpint (pwrite (fd, "not a database!!", 16, 0), ==, 16);
  g_close (fd, NULL);

  pb_test_run_cli (&check, "check", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (check.status, ==, 1);
  root = pb_test_parse_json (check.out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "ok"));
  problem = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                         "problems"), 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "kind"), ==, "database");
  g_assert_false (json_object_get_boolean_member (problem, "repairable"));
  g_assert_null (strchr (json_object_get_string_member (problem, "message"), '\n'));

  pb_test_run_cli (&repair, "check", "--repair", "--json", "--library", f->library_dir, NULL);
  g_assert_cmpint (repair.status, ==, 1);
  assert_valid_json (&repair);
}

/* The second backup folder: refused inside the library or when it is a
 * file; a copy that does not get there is reported, in JSON too. */
static void
test_backup_also_to (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *usb = g_build_filename (f->dir, "usb", NULL);
  g_autofree char *file = pb_test_write_file (f->dir, "notes.txt", "a file, not a folder", -1);
  g_autofree char *inside = g_build_filename (f->library_dir, "reports", NULL);
  g_autofree char *disk = g_build_filename (f->dir, "small-disk", NULL);
  g_auto(PbTestRun) good = { 0 };
  g_auto(PbTestRun) not_folder = { 0 };
  g_auto(PbTestRun) in_library = { 0 };
  g_autoptr(JsonNode) root = NULL;
  guint before;

  make_library (f);
  pb_test_run_cli (&good, "backup", "--json", "--library", f->library_dir, "--also-to", usb, NULL);
  g_assert_cmpint (good.status, ==, 0);
  root = pb_test_parse_json (good.out);
  g_assert_true (g_file_test (json_object_get_string_member (json_node_get_object (root), "second_copy"),
                              G_FILE_TEST_IS_REGULAR));

  before = count_backups (f);
  pb_test_run_cli (&not_folder, "backup", "--library", f->library_dir, "--also-to", file, NULL);
  pb_test_assert_one_line_error (&not_folder);
  g_assert_nonnull (strstr (not_folder.err, "not a folder"));
  pb_test_run_cli (&in_library, "backup", "--library", f->library_dir, "--also-to", inside, NULL);
  pb_test_assert_one_line_error (&in_library);
  g_assert_nonnull (strstr (in_library.err, "inside the library folder"));
  g_assert_cmpuint (count_backups (f), ==, before);
  g_assert_cmpuint (pb_test_count_files (inside), ==, 1);

  /* A full stick: the backup is made, the copy is not, and it says so. */
  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  if (mount ("tmpfs", disk, "tmpfs", 0, "size=16k,mode=0700") != 0)
    {
      g_test_message ("This machine cannot mount a small file system: the full folder is not tried.");
      return;
    }
  {
    g_auto(PbTestRun) full = { 0 };
    g_autoptr(JsonNode) full_root = NULL;
    g_autofree char *listing = NULL;

    pb_test_run_cli (&full, "backup", "--json", "--library", f->library_dir, "--also-to", disk, NULL);
    pb_test_assert_one_line_error (&full);
    g_assert_nonnull (strstr (full.err, "not enough room"));
    full_root = pb_test_parse_json (full.out);
    g_assert_true (json_object_get_null_member (json_node_get_object (full_root), "second_copy"));
    g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (full_root),
                                                             "second_copy_error"), "not enough room"));
    listing = pb_safety_list_tree (disk);
    g_assert_cmpstr (listing, ==, "");
  }
  umount2 (disk, MNT_DETACH);
}

/* restore given what is not a backup: one sentence each, saying what it is
 * and what to do, and the library as it was. */
static void
test_restore_wrong_files (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *archive = g_build_filename (f->dir, "moved.lib", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *text = pb_test_write_file (f->dir, "notes.db", "just some notes, not a database", -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *files[] = { missing, f->dir, archive, text };
  const char *words[] = { "does not exist", "is a folder", "use “panel-brief library import”",
                          "not a backup" };

  make_library (f);
  {
    g_auto(PbTestRun) exported = { 0 };

    pb_test_run_cli (&exported, "library", "export", "--library", f->library_dir, "-o", archive, NULL);
    g_assert_cmpint (exported.status, ==, 0);
  }
  before = pb_safety_list_tree (f->library_dir);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(PbTestRun) run = { 0 };

      pb_test_run_cli (&run, "restore", "--library", f->library_dir, files[i], NULL);
      pb_test_assert_one_line_error (&run);
      g_assert_nonnull (strstr (run.err, words[i]));
      g_assert_null (strstr (run.err, "database file"));
    }
  after = pb_safety_list_tree (f->library_dir);
  g_assert_cmpstr (after, ==, before);
}

/* Another library's backup named to restore is refused in one sentence
 * that says what to do, the library as it was; --anyway restores it. */
static void
test_restore_other_library (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other", NULL);
  g_autofree char *other_backups = g_build_filename (other, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  make_library (f);
  {
    g_auto(PbTestRun) import = { 0 };
    g_auto(PbTestRun) made = { 0 };

    pb_test_run_cli (&import, "import", "--library", other, f->pdf, NULL);
    g_assert_cmpint (import.status, ==, 0);
    pb_test_run_cli (&made, "backup", "--library", other, NULL);
    g_assert_cmpint (made.status, ==, 0);
  }
  dir = g_dir_open (other_backups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".db") && backup == NULL)
      backup = g_build_filename (other_backups, name, NULL);
  g_assert_nonnull (backup);
  before = pb_safety_list_tree (f->library_dir);

  {
    g_auto(PbTestRun) run = { 0 };

    pb_test_run_cli (&run, "restore", "--library", f->library_dir, backup, NULL);
    pb_test_assert_one_line_error (&run);
    g_assert_nonnull (strstr (run.err, "another library"));
    g_assert_nonnull (strstr (run.err, "--anyway"));
  }
  after = pb_safety_list_tree (f->library_dir);
  g_assert_cmpstr (after, ==, before);

  {
    g_auto(PbTestRun) run = { 0 };

    pb_test_run_cli (&run, "restore", "--anyway", "--library", f->library_dir, backup, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Restored the library"));
  }
}

/* Imports that fail say what to do in one sentence; a new library made from
 * an archive says what it brought; a backup that cannot be read is listed
 * as damaged, not left out. */
static void
test_messages (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "gone.pdf", NULL);
  g_autofree char *locked = pb_test_encrypt_pdf (f->pdf, "corporate-parent");
  g_autofree char *archive = g_build_filename (f->dir, "moved.lib", NULL);
  g_autofree char *laptop = g_build_filename (f->dir, "laptop", NULL);
  g_autofree char *backups = g_build_filename (f->library_dir, "backups", NULL);
  g_autofree char *bad_backup = g_build_filename (backups, "library-20200101T000000.000Z.db", NULL);
  g_auto(PbTestRun) broken = { 0 };
  g_auto(PbTestRun) exported = { 0 };
  g_auto(PbTestRun) made = { 0 };
  g_auto(PbTestRun) made_json = { 0 };
  g_auto(PbTestRun) list = { 0 };
  g_autoptr(JsonNode) root = NULL;

  make_library (f);

  g_assert_cmpint (symlink ("/nowhere/at/all.pdf", link), ==, 0);
  pb_test_run_cli (&broken, "import", "--library", f->library_dir, link, NULL);
  pb_test_assert_one_line_error (&broken);
  g_assert_nonnull (strstr (broken.err, "link to a file that is no longer there"));
  g_assert_null (strstr (broken.err, "Error opening"));

  if (locked != NULL)
    {
      g_auto(PbTestRun) protected = { 0 };

      pb_test_run_cli (&protected, "import", "--library", f->library_dir, locked, NULL);
      pb_test_assert_one_line_error (&protected);
      g_assert_nonnull (strstr (protected.err, "Use --password."));
    }

  pb_test_run_cli (&exported, "library", "export", "--library", f->library_dir, "-o", archive, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  pb_test_run_cli (&made, "library", "import", "--library", laptop, archive, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_nonnull (strstr (made.out, "1 reports, 1 findings"));
  {
    g_autofree char *other = g_build_filename (f->dir, "other", NULL);

    pb_test_run_cli (&made_json, "library", "import", "--json", "--library", other, archive, NULL);
    root = pb_test_parse_json (made_json.out);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "new_library"));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "reports_added"), ==, 1);
  }

  /* Into a library that can only be read: its own reason, in one line. */
  damage_database (f);
  {
    g_auto(PbTestRun) refused = { 0 };
    g_auto(PbTestRun) opened = { 0 };
    g_autofree char *before = NULL;

    /* Opened once, as the user would have: SQLite's side files are there. */
    pb_test_run_cli (&opened, "list", "--library", f->library_dir, NULL);
    before = pb_safety_list_tree (f->library_dir);
    g_autofree char *after = NULL;

    pb_test_run_cli (&refused, "library", "import", "--library", f->library_dir, archive, NULL);
    pb_test_assert_one_line_error (&refused);
    g_assert_nonnull (strstr (refused.err, "damaged"));
    g_assert_null (strstr (refused.err, "could not be opened"));
    after = pb_safety_list_tree (f->library_dir);
    g_assert_cmpstr (after, ==, before);
  }

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad_backup, "a damaged header, and nothing more", -1, NULL));
  pb_test_run_cli (&list, "backup", "--list", "--library", f->library_dir, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "damaged"));
  g_assert_nonnull (strstr (list.out, "library-20200101T000000.000Z.db"));
}

/* Importing the original of a report whose stored copy went puts it back
 * and says so first, not "Already in the library" as if refused. */
static void
test_reimport_mends (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(PbTestRun) again = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  gsize length;

  make_library (f);
  g_assert_true (g_file_get_contents (f->pdf, &contents, &length, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
  name = g_strconcat (sha, ".pdf", NULL);
  stored = g_build_filename (f->library_dir, "reports", name, NULL);
  g_assert_cmpint (g_unlink (stored), ==, 0);

  pb_test_run_cli (&again, "import", "--library", f->library_dir, f->pdf, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, "The library’s copy of"));
  g_assert_nonnull (strstr (again.out, "was missing"));
  g_assert_nonnull (strstr (again.out, "It is report 1."));
  g_assert_null (strstr (again.out, "Already in the library"));
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/cli-safety/" name, Fixture, NULL, \
                                  pb_test_cli_fixture_setup, fn, pb_test_cli_fixture_teardown)
  ADD ("relative-outputs", test_relative_outputs);
  ADD ("read-only-reads", test_read_only_reads);
  ADD ("read-commands-damaged", test_read_commands_damaged);
  ADD ("findings-add-backs-up", test_findings_add_backs_up);
  ADD ("json-names", test_json_names);
  ADD ("check-json-unopened", test_check_json_unopened);
  ADD ("backup-also-to", test_backup_also_to);
  ADD ("restore-wrong-files", test_restore_wrong_files);
  ADD ("restore-other-library", test_restore_other_library);
  ADD ("messages", test_messages);
  ADD ("reimport-mends", test_reimport_mends);
#undef ADD

  return g_test_run ();
}
