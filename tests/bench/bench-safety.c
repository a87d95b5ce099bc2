/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "pb-backup.h"
#include "pb-library.h"
#include "pb-test-util.h"

/* What keeping a library safe costs at a council's scale: opening a library
 * of 500 reports (20,000 pages of text) with and without its integrity_check, and
 * backing it up. Reported against references measured in the same run:
 * opening an empty library, and copying library.db as a plain file. Nothing
 * here asserts a time. */

#define REPORTS 500
#define PAGES   40
#define RUNS    5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Realistic page text: the stress report's words when the corpus is there,
 * else sentences made up from an inspection's vocabulary. */
static GPtrArray *
page_texts (void)
{
  g_autofree char *corpus = pb_test_corpus_path ("synthetic/stress-300p.txt");
  g_autofree char *text = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  if (corpus != NULL && g_file_get_contents (corpus, &text, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GString) page = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_string_append_printf (page, "%s\n", lines[i]);
          if (page->len > 3000)
            {
              g_ptr_array_add (pages, g_strdup (page->str));
              g_string_truncate (page, 0);
            }
        }
    }

  if (pages->len == 0)
    {
      static const char * const words[] = {
        "children", "care", "leavers", "social", "workers", "plans", "placement", "stability",
        "leaders", "managers", "oversight", "supervision", "help", "protection", "risk",
        "assessment", "timely", "effective", "inconsistent", "improvement", "partners",
      };
      GRand *rand = g_rand_new_with_seed (7);

      for (guint p = 0; p < 200; p++)
        {
          g_autoptr(GString) page = g_string_new (NULL);

          while (page->len < 3000)
            g_string_append_printf (page, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_ptr_array_add (pages, g_strdup (page->str));
        }
      g_rand_free (rand);
    }

  return pages;
}

/* A library of REPORTS reports of PAGES pages, written straight into its
 * tables (the import benchmark measures import itself). */
static void
fill_library (const char *dir)
{
  g_autoptr(GPtrArray) pages = page_texts ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  sqlite3_stmt *report, *page;
  sqlite3 *db;

  {
    g_autoptr(PbLibrary) library = pb_library_open (dir, NULL);
    g_assert_nonnull (library);
  }

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO reports (sha256, title, file_name, byte_size, page_count,"
                          " imported_at) VALUES (?1, ?2, 'r.pdf', 100000, ?3, '2026-01-01T00:00:00Z')",
                      -1, &report, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO report_pages (report_id, page_number, width, height, text)"
                          " VALUES (?1, ?2, 595, 842, ?3)", -1, &page, NULL);

  for (guint r = 0; r < REPORTS; r++)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)&r, sizeof r);
      g_autofree char *title = g_strdup_printf ("Inspection of authority %u", r);
      gint64 id;

      sqlite3_reset (report);
      sqlite3_bind_text (report, 1, sha, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (report, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (report, 3, PAGES);
      g_assert_cmpint (sqlite3_step (report), ==, SQLITE_DONE);
      id = sqlite3_last_insert_rowid (db);

      for (guint p = 0; p < PAGES; p++)
        {
          sqlite3_reset (page);
          sqlite3_bind_int64 (page, 1, id);
          sqlite3_bind_int (page, 2, (int)p + 1);
          sqlite3_bind_text (page, 3, g_ptr_array_index (pages, (r * 7 + p) % pages->len), -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (page), ==, SQLITE_DONE);
        }
    }

  sqlite3_finalize (report);
  sqlite3_finalize (page);
  sqlite3_exec (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

static double
time_open (const char *dir,
           gboolean    checked)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *stamp = g_build_filename (dir, "library.db-checked", NULL);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(PbLibrary) library = NULL;
      double start, elapsed;

      /* Without its record of the last good check, the library checks. */
      if (checked)
        g_unlink (stamp);
      start = now_ms ();
      library = pb_library_open (dir, NULL);
      elapsed = now_ms () - start;
      g_assert_nonnull (library);
      g_array_append_val (times, elapsed);
    }
  return pb_test_median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = pb_test_make_dir ();
  g_autofree char *empty = g_build_filename (root, "empty", NULL);
  g_autofree char *large = g_build_filename (root, "large", NULL);
  g_autofree char *db_path = g_build_filename (large, "library.db", NULL);
  g_autoptr(GArray) backups = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (double));
  double empty_open, unchecked_open, checked_open, backup, copy;
  GStatBuf st;

  g_test_init (&argc, &argv, NULL);

  fill_library (large);
  g_stat (db_path, &st);
  {
    g_autoptr(PbLibrary) library = pb_library_open (empty, NULL);
    g_assert_nonnull (library);
  }

  empty_open = time_open (empty, FALSE);
  unchecked_open = time_open (large, FALSE);
  checked_open = time_open (large, TRUE);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(PbLibrary) library = pb_library_open (large, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (db_path);
      g_autofree char *to_path = g_build_filename (root, "copy.db", NULL);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);
      g_autofree char *made = NULL;
      double start = now_ms (), elapsed;

      made = pb_library_backup (library, PB_BACKUP_BY_HAND, NULL);
      elapsed = now_ms () - start;
      g_assert_nonnull (made);
      g_array_append_val (backups, elapsed);

      start = now_ms ();
      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      elapsed = now_ms () - start;
      g_array_append_val (copies, elapsed);
    }
  backup = pb_test_median (backups);
  copy = pb_test_median (copies);

  printf ("library of %d reports, %d pages, %.0f MB\n", REPORTS, REPORTS * PAGES,
          st.st_size / 1048576.0);
  printf ("open, empty library (reference):   %7.1f ms\n", empty_open);
  printf ("open, unchanged since last check:  %7.1f ms  (%.2f x empty)\n", unchecked_open,
          unchecked_open / empty_open);
  printf ("open, with integrity_check:        %7.1f ms  (%.2f x empty; the check is %.0f %% of it)\n",
          checked_open, checked_open / empty_open,
          100.0 * (checked_open - unchecked_open) / checked_open);
  printf ("backup (checked):                  %7.1f ms  (%.2f x a plain copy of library.db, %.1f ms)\n",
          backup, backup / copy, copy);

  pb_test_remove_dir (root);
  return 0;
}
