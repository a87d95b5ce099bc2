/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "pb-test-util.h"

/* The command line's cost, as ratios to programs run in the same run:
 *
 *   `panel-brief --version`, `list` and `show` against `gio version`, a
 *     bare GLib program (the command line links the core only, never GTK);
 *   `panel-brief search` against `recollq` (Debian's recollcmd) over the
 *     same PDFs, and against a bare full-text query in the sqlite3 shell on
 *     the library's own database, when those are installed.
 *
 * The library is the corpus's published reports, imported with the
 * command line; recollindex indexes the same folder. Usage: bench-cli
 * [N_FILES] (default: the corpus once, about 30 reports). */

#define RUNS 21

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* One wall time of @argv in ms, or -1 when it cannot run or fails. */
static double
time_once (const char * const *argv)
{
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return now_ms () - start;
}

/* The median wall times of the commands in @argvs (NULL-terminated), each
 * run RUNS times in turns, so that every command meets the same load on a
 * shared machine; -1 for one that cannot run or fails. */
static void
time_commands (const char * const * const *argvs,
               double                     *medians)
{
  guint n = 0;
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  while (argvs[n] != NULL)
    {
      g_ptr_array_add (times, g_array_new (FALSE, FALSE, sizeof (double)));
      medians[n++] = 0;
    }

  for (guint run = 0; run < RUNS; run++)
    for (guint i = 0; i < n; i++)
      {
        double elapsed;

        if (medians[i] < 0)
          continue;
        if ((elapsed = time_once (argvs[i])) < 0)
          medians[i] = -1;
        else
          g_array_append_val (g_ptr_array_index (times, i), elapsed);
      }

  for (guint i = 0; i < n; i++)
    if (medians[i] >= 0)
      medians[i] = pb_test_median (g_ptr_array_index (times, i));
}

static gboolean
run (const char * const *argv)
{
  int status = 0;

  return g_spawn_sync (NULL, (char **)argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
list_pdfs (const char *folder,
           GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      /* Published reports only, as bench-import takes them. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_str_equal (name, "tricky") &&
          !g_str_equal (name, "synthetic"))
        list_pdfs (path, paths);
      else if (g_str_has_suffix (name, ".pdf"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
print_ratio (const char *what,
             double      ours,
             const char *reference_name,
             double      reference,
             const char *target)
{
  if (reference <= 0)
    printf ("cli: %-10s %6.1f ms; %s did not run, no reference\n", what, ours, reference_name);
  else
    printf ("cli: %-10s %6.1f ms, %s %6.1f ms: ratio %.2f (target: %s)\n",
            what, ours, reference_name, reference, ours / reference, target);
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("PB_BINARY");
  g_autofree char *corpus = pb_test_corpus_path ("");
  g_autofree char *work = pb_test_make_dir ();
  g_autofree char *folder = g_build_filename (work, "reports", NULL);
  g_autofree char *library = g_build_filename (work, "library", NULL);
  g_autofree char *db = g_build_filename (library, "library.db", NULL);
  g_autofree char *recoll = g_build_filename (work, "recoll", NULL);
  g_autofree char *recoll_conf = g_build_filename (recoll, "recoll.conf", NULL);
  g_autofree char *recoll_topdirs = g_strdup_printf ("topdirs = %s\n", folder);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) import = g_strv_builder_new ();
  g_auto(GStrv) import_argv = NULL;
  guint n_files;
  double gio, version, list, show, search, recollq = -1, bare = -1;
  g_autofree char *load = NULL;

  if (binary == NULL || corpus == NULL)
    {
      printf ("cli: skipped, PB_BINARY or the shared corpus (PB_CORPUS_DIR) is not set\n");
      return 0;
    }

  list_pdfs (corpus, sources);
  n_files = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : sources->len;
  g_mkdir_with_parents (folder, 0700);

  g_strv_builder_add_many (import, binary, "import", "--library", library, "--anyway", NULL);
  for (guint i = 0; i < n_files; i++)
    {
      const char *source = g_ptr_array_index (sources, i % sources->len);
      g_autofree char *name = g_strdup_printf ("report-%03u.pdf", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;
      GString *copy;

      if (!g_file_get_contents (source, &contents, &length, NULL))
        g_error ("could not read %s", source);
      /* A byte more, for a checksum of its own. */
      copy = g_string_new_len (contents, length);
      g_string_append_printf (copy, "\n%%%u\n", i);
      g_file_set_contents (path, copy->str, copy->len, NULL);
      g_string_free (copy, TRUE);
      g_strv_builder_add (import, path);
    }
  import_argv = g_strv_builder_end (import);
  if (!run ((const char * const *)import_argv))
    g_error ("the reports could not be imported");

  {
    const char *gio_argv[] = { "gio", "version", NULL };
    const char *version_argv[] = { binary, "--version", NULL };
    const char *list_argv[] = { binary, "list", "--library", library, NULL };
    const char *show_argv[] = { binary, "show", "--library", library, "1", NULL };
    const char *search_argv[] = { binary, "search", "--library", library, "children", NULL };
    const char *index_argv[] = { "recollindex", "-c", recoll, NULL };
    const char *query_argv[] = { "recollq", "-c", recoll, "-b", "children", NULL };
    /* The same search, ranked, with snippets, but no program of ours. */
    const char *sql = "SELECT p.report_id, p.page_number, snippet (report_pages_fts, 0, '[', ']', '…', 14)"
                      " FROM report_pages_fts AS f JOIN report_pages AS p ON p.id = f.rowid"
                      " WHERE report_pages_fts MATCH 'children' ORDER BY f.rank LIMIT 20";
    const char *bare_argv[] = { "sqlite3", "-readonly", db, sql, NULL };
    double medians[7];

    g_mkdir_with_parents (recoll, 0700);
    g_file_set_contents (recoll_conf, recoll_topdirs, -1, NULL);

    {
      /* recollq last: without its index it is left out of the turns. */
      const char * const *argvs[] = { gio_argv, version_argv, list_argv, show_argv, search_argv,
                                      bare_argv, run (index_argv) ? query_argv : NULL, NULL };

      time_commands (argvs, medians);
      gio = medians[0];
      version = medians[1];
      list = medians[2];
      show = medians[3];
      search = medians[4];
      bare = medians[5];
      if (argvs[6] != NULL)
        recollq = medians[6];
    }
  }

  /* The machine may be shared: the ratios hold better than the times. */
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
  printf ("cli: a library of %u reports, median of %d runs of each command; load average %.14s\n",
          n_files, RUNS, load != NULL ? load : "unknown");
  print_ratio ("--version", version, "gio version", gio, "at most 2");
  print_ratio ("list", list, "gio version", gio, "at most 2");
  print_ratio ("show", show, "gio version", gio, "at most 2");
  print_ratio ("search", search, "recollq", recollq, "at most 1");
  print_ratio ("search", search, "a bare sqlite3 query", bare, "none, for scale");

  pb_test_remove_dir (work);
  return 0;
}
