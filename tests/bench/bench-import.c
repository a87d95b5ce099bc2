/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pb-import-batch.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-test-util.h"

/* Import on every core, as ratios to references measured in the same run:
 *
 *   one long report: stress-300p.pdf into a fresh library, its pages read on
 *     every core and on one thread, against pdftotext on the same file
 *     (single-threaded, the floor for reading on one core);
 *   a folder: the corpus's PDFs copied under new names, each with a byte
 *     appended (new checksums, the same pages), up to at least 100 files,
 *     imported in one batch on every core and one after another, against
 *     recollindex (Debian's recollcmd) indexing the same folder when it is
 *     installed.
 *
 * Usage: bench-import [N_FILES]  (default 100) */

#define RUNS 7

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return now_ms () - start;
}

/* One import into a fresh library; the library's making is not counted. */
static double
time_import (const char    *pdf,
             PbImportFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_library_open (dir, NULL);
  g_autoptr(GError) error = NULL;
  double start = now_ms (), elapsed;

  if (!pb_import_file_full (library, file, NULL, flags, NULL, NULL, NULL, NULL, NULL, &error))
    g_error ("import failed: %s", error->message);
  elapsed = now_ms () - start;

  g_clear_object (&library);
  pb_test_remove_dir (dir);
  return elapsed;
}

/* Processor time the whole machine has spent busy, in ms (/proc/stat's first
 * line: every state but idle and waiting for I/O); -1 where it is not known. */
static double
machine_busy_ms (void)
{
  g_autofree char *stat = NULL;
  guint64 v[8] = { 0 };
  guint64 busy = 0;

  if (!g_file_get_contents ("/proc/stat", &stat, NULL, NULL) ||
      sscanf (stat, "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 8)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    if (i != 3 && i != 4)
      busy += v[i];
  return busy * 1000.0 / sysconf (_SC_CLK_TCK);
}

/* This process's processor time and its finished children's, in ms. */
static double
own_cpu_ms (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return (self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec +
          children.ru_stime.tv_sec) * 1000.0 +
         (self.ru_utime.tv_usec + self.ru_stime.tv_usec + children.ru_utime.tv_usec +
          children.ru_stime.tv_usec) / 1000.0;
}

/* The reference and the two imports taken in turn, run after run, so that
 * other work on the machine weighs on all three alike. Reading on every
 * core pays only when the cores are free, so the rounds during which other
 * processes kept the processor busy (more than a tenth of the round's
 * time, from /proc/stat) are taken again, up to QUIET_TRIES rounds; if too
 * few were quiet, every round counts, and the figures say so. */
#define QUIET_TRIES (RUNS * 6)

static void
bench_stress (const char *stress)
{
  const char *argv[] = { "pdftotext", stress, "/dev/null", NULL };
  GArray *references[2], *parallels[2], *serials[2];
  double reference, parallel, serial;
  guint tries = 0;
  guint kind;

  /* [0]: every round; [1]: the quiet ones. */
  for (kind = 0; kind < 2; kind++)
    {
      references[kind] = g_array_new (FALSE, FALSE, sizeof (double));
      parallels[kind] = g_array_new (FALSE, FALSE, sizeof (double));
      serials[kind] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  while (references[1]->len < RUNS && tries < QUIET_TRIES)
    {
      double busy = machine_busy_ms ();
      double own = own_cpu_ms ();
      double start = now_ms ();
      double t = time_command (argv);
      double p, o;
      gboolean quiet;

      if (t < 0)
        {
          printf ("import: pdftotext failed or is not installed (apt-get install poppler-utils), no reference\n");
          break;
        }
      p = time_import (stress, PB_IMPORT_DEFAULT);
      o = time_import (stress, PB_IMPORT_ONE_THREAD);
      quiet = busy >= 0 &&
              (machine_busy_ms () - busy) - (own_cpu_ms () - own) < (now_ms () - start) / 10;
      tries++;

      for (kind = 0; kind < (quiet ? 2u : 1u); kind++)
        {
          g_array_append_val (references[kind], t);
          g_array_append_val (parallels[kind], p);
          g_array_append_val (serials[kind], o);
        }

      /* Every round counts when they all do. */
      if (busy < 0 && tries >= RUNS)
        break;
    }

  kind = references[1]->len >= RUNS ? 1 : 0;
  if (references[kind]->len == 0)
    goto out;
  reference = pb_test_median (references[kind]);
  parallel = pb_test_median (parallels[kind]);
  serial = pb_test_median (serials[kind]);

  printf ("import: stress-300p.pdf on %u cores, median of %u runs taken in turn (%s, %u of %u rounds quiet): "
          "pdftotext %.0f ms, import on every core %.0f ms, on one thread %.0f ms\n",
          g_get_num_processors (), references[kind]->len,
          kind == 1 ? "quiet rounds only" : "every round, too few quiet: taken under load",
          references[1]->len, tries, reference, parallel, serial);
  printf ("import: ratio to pdftotext %.2f on every core, %.2f on one thread (target: at most 0.8)\n",
          parallel / reference, serial / reference);

out:
  for (kind = 0; kind < 2; kind++)
    {
      g_array_unref (references[kind]);
      g_array_unref (parallels[kind]);
      g_array_unref (serials[kind]);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
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

      /* Published reports only: the tricky ones (encrypted, broken) do not
       * import as they are, and the synthetic one is no report. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_str_equal (name, "tricky") &&
          !g_str_equal (name, "synthetic"))
        list_pdfs (path, paths);
      else if (g_str_has_suffix (name, ".pdf"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* At least @n_files copies of the corpus's PDFs, each with a byte appended
 * so that its checksum is new. */
static GPtrArray *
make_folder (const char *folder,
             guint       n_files)
{
  g_autofree char *corpus = pb_test_corpus_path ("");
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  list_pdfs (corpus, sources);
  g_ptr_array_sort (sources, compare_strings);
  g_assert_cmpuint (sources->len, >, 0);

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
      copy = g_string_new_len (contents, length);
      g_string_append_printf (copy, "\n%%%u\n", i);
      if (!g_file_set_contents (path, copy->str, copy->len, NULL))
        g_error ("could not write %s", path);
      g_string_free (copy, TRUE);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

static void
count_cb (const PbImportBatchUpdate *update,
          gpointer                   user_data)
{
  guint *n_imported = user_data;

  if (update->event == PB_IMPORT_BATCH_FINISHED && update->status == PB_IMPORT_STATUS_IMPORTED &&
      update->error == NULL)
    (*n_imported)++;
}

static double
time_batch (GPtrArray *files,
            guint      n_workers)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_library_open (dir, NULL);
  guint n_imported = 0;
  double start = now_ms (), elapsed;

  pb_import_files (library, (GFile **)files->pdata, files->len, NULL, PB_IMPORT_ANYWAY, n_workers,
                   NULL, count_cb, &n_imported, NULL);
  elapsed = now_ms () - start;
  if (n_imported != files->len)
    g_error ("a batch imported %u of %u files", n_imported, files->len);

  g_clear_object (&library);
  pb_test_remove_dir (dir);
  return elapsed;
}

/* recollindex over @folder with a configuration of its own; -1 when
 * recollindex is not installed. */
static double
time_recollindex (const char *folder,
                  const char *work)
{
  g_autofree char *config_dir = g_build_filename (work, "recoll", NULL);
  g_autofree char *config = g_build_filename (config_dir, "recoll.conf", NULL);
  g_autofree char *contents = g_strdup_printf ("topdirs = %s\nskippedNames = recoll\n", folder);
  const char *argv[] = { "recollindex", "-c", config_dir, "-z", NULL };
  g_autofree char *program = g_find_program_in_path ("recollindex");

  if (program == NULL)
    return -1;

  g_mkdir_with_parents (config_dir, 0700);
  if (!g_file_set_contents (config, contents, -1, NULL))
    return -1;
  return time_command (argv);
}

static void
bench_folder (guint n_files)
{
  g_autofree char *work = pb_test_make_dir ();
  g_autofree char *folder = g_build_filename (work, "reports", NULL);
  g_autoptr(GPtrArray) files = NULL;
  double every_core, one_by_one, recoll;

  g_mkdir_with_parents (folder, 0700);
  files = make_folder (folder, n_files);

  recoll = time_recollindex (folder, work);
  every_core = time_batch (files, 0);
  one_by_one = time_batch (files, 1);

  printf ("bulk import: %u reports on %u cores: every core %.1f s, one file at a time %.1f s (%.2fx)\n",
          files->len, g_get_num_processors (), every_core / 1000, one_by_one / 1000,
          one_by_one / every_core);
  if (recoll > 0)
    printf ("bulk import: recollindex %.1f s; ratio to recollindex %.2f (target: at most 1.0)\n",
            recoll / 1000, every_core / recoll);
  else
    printf ("bulk import: recollindex is not installed (apt-get install recollcmd), no reference\n");

  pb_test_remove_dir (work);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *stress = pb_test_corpus_path ("synthetic/stress-300p.pdf");

  if (stress == NULL)
    {
      printf ("import: skipped, the shared corpus is not here (set PB_CORPUS_DIR)\n");
      return 0;
    }

  bench_stress (stress);
  bench_folder (argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100);

  return 0;
}
