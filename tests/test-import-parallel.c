/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pb-import-batch.h"
#include "pb-import-job.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-pdf-content.h"
#include "pb-pdf-open.h"
#include "pb-pdf-page-workers.h"
#include "pb-structure-pdf.h"
#include "pb-test-util.h"

/* Reading pages on several threads, and importing several files at once,
 * must give exactly what reading and importing one after another gives:
 * the same page texts and sizes, highlights, fingerprint and title; and in
 * the library the same rows, structure and full-text index. A bulk import
 * stopped part-way leaves whole reports only. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static PbLibrary *
open_library (const char *library_dir)
{
  g_autoptr(GError) error = NULL;
  PbLibrary *library = pb_library_open (library_dir, &error);

  g_assert_no_error (error);
  return library;
}

static const char * const words[] = {
  "children", "care", "leavers", "protection", "leaders", "social", "workers", "foster",
  "placements", "stability", "education", "assessment", "permanence", "exploitation",
  "missing", "supervision", "caseloads", "audits", "partners", "advocacy", "sufficiency",
  "apprenticeships", "pathway", "thresholds", "strategy", "inadequate", "improvement",
};

/* Pages of different text, some short and some long, for @seed. */
static char **
make_pages (guint seed,
            guint n_pages)
{
  GRand *rand = g_rand_new_with_seed (seed);
  char **pages = g_new0 (char *, n_pages + 1);

  for (guint p = 0; p < n_pages; p++)
    {
      GString *text = g_string_new (NULL);
      guint n_lines = 1 + g_rand_int_range (rand, 0, 30);

      g_string_append_printf (text, "%u. Page %u of the report", p + 1, p + 1);
      for (guint l = 0; l < n_lines; l++)
        {
          g_string_append_c (text, '\n');
          for (guint w = 0; w < 9; w++)
            {
              g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
              g_string_append_c (text, ' ');
            }
        }
      pages[p] = g_string_free (text, FALSE);
    }

  g_rand_free (rand);
  return pages;
}

static char *
write_report (const char *dir,
              const char *name,
              guint       seed,
              guint       n_pages,
              gboolean    highlight)
{
  g_auto(GStrv) pages = make_pages (seed, n_pages);
  g_autofree char *heading = g_strdup_printf ("Inspection of Authority %u", seed);
  PbTestPdfOptions options = { NULL, heading, FALSE };
  g_autofree char *path = pb_test_write_pdf (dir, name, (const char * const *)pages, &options);

  if (highlight)
    {
      /* Two highlights on pages far apart, read by different threads. */
      g_autofree char *once = pb_test_add_highlight (path, 2, "Page 3", "Said twice");
      g_autofree char *twice = pb_test_add_highlight (once, n_pages - 2, "of the report", NULL);
      g_autofree char *final = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_rename (twice, final), ==, 0);
    }

  return g_steal_pointer (&path);
}

static void
assert_same_content (PbReportContent *a,
                     PbReportContent *b)
{
  g_assert_cmpuint (a->pages->len, ==, b->pages->len);
  for (guint i = 0; i < a->pages->len; i++)
    {
      PbPageContent *x = &g_array_index (a->pages, PbPageContent, i);
      PbPageContent *y = &g_array_index (b->pages, PbPageContent, i);

      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpfloat (x->width, ==, y->width);
      g_assert_cmpfloat (x->height, ==, y->height);
    }

  g_assert_cmpuint (a->markups->len, ==, b->markups->len);
  for (guint i = 0; i < a->markups->len; i++)
    {
      PbMarkup *x = g_ptr_array_index (a->markups, i);
      PbMarkup *y = g_ptr_array_index (b->markups, i);

      g_assert_cmpuint (x->page, ==, y->page);
      g_assert_cmpstr (x->quote, ==, y->quote);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpuint (x->anchors->len, ==, y->anchors->len);
      /* Field by field: a PbAnchor has padding after its page, which
       * memcmp () would compare too, and nothing sets. */
      for (guint k = 0; k < x->anchors->len; k++)
        {
          PbAnchor *p = &g_array_index (x->anchors, PbAnchor, k);
          PbAnchor *q = &g_array_index (y->anchors, PbAnchor, k);

          g_assert_cmpuint (p->page, ==, q->page);
          g_assert_cmpfloat (p->rect.x1, ==, q->rect.x1);
          g_assert_cmpfloat (p->rect.y1, ==, q->rect.y1);
          g_assert_cmpfloat (p->rect.x2, ==, q->rect.x2);
          g_assert_cmpfloat (p->rect.y2, ==, q->rect.y2);
        }
    }

  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->fingerprint, ==, b->fingerprint);
  g_assert_cmpint (a->has_text_layer, ==, b->has_text_layer);
  g_assert_cmpint (a->is_tagged, ==, b->is_tagged);
  g_assert_cmpuint (a->text_version, ==, b->text_version);
}

/* One thread against @n_threads, on the same file. */
static void
compare_threads (const char *path,
                 guint       n_threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) serial_document = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_autoptr(GObject) parallel_document = NULL;
  g_autoptr(PbReportContent) serial = NULL;
  g_autoptr(PbReportContent) parallel = NULL;

  g_assert_no_error (error);
  parallel_document = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_assert_no_error (error);

  serial = pb_pdf_read_content_with_threads (POPPLER_DOCUMENT (serial_document), 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  parallel = pb_pdf_read_content_with_threads (POPPLER_DOCUMENT (parallel_document), n_threads,
                                               NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  assert_same_content (serial, parallel);
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  guint   *readers;      /* per page: how many times it was read */
  GThread *first_thread; /* the thread that read a page first */
  gboolean other_thread; /* whether any page was read by another thread */
} PageCount;

/* The first thread to read a page waits there until another thread has
 * read one, so the pages cannot all go to one thread however fast it is;
 * if no other thread ever reads, the wait gives up and the test fails. */
static void
count_page (PopplerDocument *document,
            guint            page_index,
            gpointer         user_data)
{
  PageCount *count = user_data;
  gint64 give_up = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  g_assert_true (POPPLER_IS_DOCUMENT (document));

  g_mutex_lock (&count->mutex);
  count->readers[page_index]++;
  if (count->first_thread == NULL)
    {
      count->first_thread = g_thread_self ();
      while (!count->other_thread && g_cond_wait_until (&count->cond, &count->mutex, give_up))
        ;
    }
  else if (count->first_thread != g_thread_self ())
    {
      count->other_thread = TRUE;
      g_cond_broadcast (&count->cond);
    }
  g_mutex_unlock (&count->mutex);
}

/* Every page is read once, by more than one thread, and progress ends at 1. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_run_pages (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = write_report (dir, "forty.pdf", 7, 40, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  PageCount count = { 0 };

  g_assert_no_error (error);
  g_mutex_init (&count.mutex);
  g_cond_init (&count.cond);
  count.readers = g_new0 (guint, 40);

  g_assert_true (pb_pdf_run_pages (POPPLER_DOCUMENT (document), 4, count_page, &count, NULL,
                                   progress_cb, fractions, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 40; i++)
    g_assert_cmpuint (count.readers[i], ==, 1);
  g_assert_true (count.other_thread);
  g_assert_cmpuint (fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));

  g_free (count.readers);
  g_mutex_clear (&count.mutex);
  g_cond_clear (&count.cond);
  pb_test_remove_dir (dir);
}

static void
test_run_pages_cancelled (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = write_report (dir, "twenty.pdf", 8, 20, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_autoptr(PbReportContent) content = NULL;

  g_cancellable_cancel (cancellable);
  content = pb_pdf_read_content_with_threads (POPPLER_DOCUMENT (document), 3, cancellable,
                                              NULL, NULL, &error);
  g_assert_null (content);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  pb_test_remove_dir (dir);
}

static void
test_pages_generated (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *marked = write_report (dir, "marked.pdf", 11, 37, TRUE);
  g_autofree char *plain = write_report (dir, "plain.pdf", 12, 5, FALSE);

  for (guint n = 2; n <= 5; n++)
    {
      compare_threads (marked, n);
      compare_threads (plain, n);
    }

  pb_test_remove_dir (dir);
}

static const char * const corpus_folders[] = { "ilacs", "variants", "seeds", "tricky", "synthetic" };

/* Every PDF of the shared corpus that opens, by path: copies in a folder of
 * this test's own (removed by clear_corpus ()). The shared folder is not
 * this test's alone: another suite writing a file there while this one
 * imports the corpus three times once made one of the imports read the
 * file half-written, and the libraries differ. Copied once, every import
 * reads the same bytes. */
static char *corpus_copy_dir;

static GPtrArray *
list_corpus (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  if (corpus_copy_dir == NULL)
    corpus_copy_dir = pb_test_make_dir ();

  for (guint f = 0; f < G_N_ELEMENTS (corpus_folders); f++)
    {
      g_autofree char *folder = pb_test_corpus_path (corpus_folders[f]);
      g_autoptr(GDir) dir = folder ? g_dir_open (folder, 0, NULL) : NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        if (g_str_has_suffix (name, ".pdf"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_strings);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *source = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
          g_autofree char *copy_name = g_strdup_printf ("%s-%s", corpus_folders[f],
                                                        (const char *)g_ptr_array_index (names, i));
          g_autofree char *path = g_build_filename (corpus_copy_dir, copy_name, NULL);
          g_autofree char *bytes = NULL;
          gsize len = 0;
          g_autoptr(GObject) document = NULL;

          if (!g_file_get_contents (source, &bytes, &len, NULL) ||
              !g_file_set_contents (path, bytes, (gssize)len, NULL))
            continue;
          document = G_OBJECT (pb_pdf_open (path, NULL, NULL));

          if (document != NULL)
            g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }

  return paths;
}

static void
test_pages_corpus (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ();

  if (paths->len == 0)
    {
      g_test_skip ("The shared corpus is not here (set PB_CORPUS_DIR)");
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    compare_threads (g_ptr_array_index (paths, i), 3);
}


/* What the structure reader makes of a document, as text: its type, its
 * judgements and its sections' grades and pages. */
static char *
describe_structure (PbStructure *structure)
{
  GString *out = g_string_new (pb_document_type_to_slug (structure->type));

  for (guint j = 0; j < PB_N_JUDGEMENTS; j++)
    g_string_append_printf (out, " %s", pb_grade_to_slug (structure->judgements[j]));
  g_string_append_printf (out, " combined=%d\n", structure->cic_and_care_leavers_combined);
  for (guint i = 0; i < structure->sections->len; i++)
    {
      PbSection *section = &g_array_index (structure->sections, PbSection, i);

      g_string_append_printf (out, "%s|%s|%s|%u|%u\n", section->cohort, section->heading,
                              pb_grade_to_slug (section->grade), section->first_page, section->last_page);
    }
  g_string_append_printf (out, "%u paragraphs, %u recommendations\n",
                          structure->paragraphs->len, structure->recommendations->len);
  return g_string_free (out, FALSE);
}

/* The content and structure of @path read on @n_threads threads, as import
 * reads them: the structure from the caller's document once its pages are
 * read. */
static char *
read_as_import (const char *path,
                guint       n_threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (path, NULL, &error));
  g_autoptr(PbReportContent) content = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_autofree char *described = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  content = pb_pdf_read_content_with_threads (POPPLER_DOCUMENT (document), n_threads, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  texts = pb_report_content_get_texts (content);
  structure = pb_structure_read_document (POPPLER_DOCUMENT (document), (const char * const *)texts->pdata);
  described = describe_structure (structure);

  for (guint i = 0; i < content->pages->len; i++)
    g_string_append_printf (out, "page %u\n%s\n", i + 1, g_array_index (content->pages, PbPageContent, i).text);
  g_string_append (out, described);
  return g_string_free (out, FALSE);
}

/* Pages and structure read on several threads are those read on one,
 * every time: PB_STRESS_REPEATS says how many times (once by default). */
static void
test_structure_corpus (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ();
  const char *repeats_env = g_getenv ("PB_STRESS_REPEATS");
  guint repeats = repeats_env != NULL ? (guint)MAX (g_ascii_strtoull (repeats_env, NULL, 10), 1) : 1;

  if (paths->len == 0)
    {
      g_test_skip ("The shared corpus is not here (set PB_CORPUS_DIR)");
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *serial = read_as_import (path, 1);

      for (guint r = 0; r < repeats; r++)
        {
          g_autofree char *parallel = read_as_import (path, 2 + r % 3);

          if (g_strcmp0 (serial, parallel) != 0)
            g_test_message ("Differs: %s (repeat %u)", path, r);
          g_assert_cmpstr (serial, ==, parallel);
        }
    }
}

/* The library, as text that does not depend on the order reports went in:
 * every row about a report, keyed by its checksum, without row ids and
 * times, and every entry of the two full-text indexes, keyed by report and
 * page. */
static char *
dump_library (const char *library_dir)
{
  static const char * const tables[] = {
    "reports", "report_pages", "report_page_extras", "judgements", "sections", "paragraphs",
    "suggestions",
  };
  static const char * const skipped[] = {
    "id", "report_id", "imported_at", "created_at", "updated_at", "uuid", "opened_at",
  };
  static const char * const indexes[][2] = {
    { "report_pages_fts", "report_pages" },
    { "report_page_extras_fts", "report_page_extras" },
  };
  g_autofree char *path = g_build_filename (library_dir, "library.db", NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);   /* as the library's own connections */

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *info_sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", tables[t]);
      g_autofree char *sql = NULL;
      gboolean by_id = FALSE;
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *)sqlite3_column_text (stmt, 0);

          if (g_str_equal (column, "report_id"))
            by_id = TRUE;
          if (g_strv_contains (skipped, column))
            continue;
          g_string_append_printf (columns, "%s quote (t.%s)", columns->len ? " || '|' ||" : "", column);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (columns->len, >, 0);

      if (g_str_equal (tables[t], "reports"))
        sql = g_strdup_printf ("SELECT 'reports|' || %s FROM reports AS t", columns->str);
      else if (by_id)
        sql = g_strdup_printf ("SELECT '%s|' || r.sha256 || '|' || %s FROM %s AS t"
                               " JOIN reports AS r ON r.id = t.report_id",
                               tables[t], columns->str, tables[t]);
      else
        sql = g_strdup_printf ("SELECT '%s|' || %s FROM %s AS t", tables[t], columns->str, tables[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }

  /* The indexes themselves, term by term, as FTS5 holds them. */
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE temp.vocab_%u USING fts5vocab"
                                                 " (main, '%s', 'instance')", i, indexes[i][0]);
      g_autofree char *sql = g_strdup_printf ("SELECT '%s|' || r.sha256 || '|' || p.page_number || '|' ||"
                                              " v.term || '|' || v.col || '|' || v.offset"
                                              " FROM temp.vocab_%u AS v JOIN %s AS p ON p.id = v.doc"
                                              " JOIN reports AS r ON r.id = p.report_id",
                                              indexes[i][0], i, indexes[i][1]);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_exec (db, create, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }

  /* And that each index agrees with its table. */
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *check = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                                indexes[i][0], indexes[i][0]);
      sqlite3 *rw = NULL;

      g_assert_cmpint (sqlite3_open (path, &rw), ==, SQLITE_OK);
      sqlite3_busy_timeout (rw, 10000);
      g_assert_cmpint (sqlite3_exec (rw, check, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (rw);
    }

  sqlite3_close (db);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint n_finished;
  guint n_imported;
  guint n_cancelled;
  guint cancel_after;        /* cancel when this many have finished; 0 never */
  guint cancel_in_file;      /* or when this file (index + 1) is a third read */
  GCancellable *cancellable;
  GHashTable *finished;      /* indexes seen finishing */
  GHashTable *ids;           /* file index + 1 → report id, when imported */
} BatchLog;

static void
batch_cb (const PbImportBatchUpdate *update,
          gpointer                   user_data)
{
  BatchLog *log = user_data;

  g_assert_cmpfloat (update->fraction, >=, 0.0);
  g_assert_cmpfloat (update->fraction, <=, 1.0);

  if (update->event == PB_IMPORT_BATCH_PROGRESS && log->cancel_in_file == update->index + 1 &&
      g_cancellable_is_cancelled (log->cancellable) == FALSE)
    g_cancellable_cancel (log->cancellable);

  if (update->event != PB_IMPORT_BATCH_FINISHED)
    return;

  /* Exactly one end for each file. */
  g_assert_false (g_hash_table_contains (log->finished, GUINT_TO_POINTER (update->index + 1)));
  g_hash_table_add (log->finished, GUINT_TO_POINTER (update->index + 1));
  log->n_finished++;
  g_assert_cmpuint (update->n_done, ==, log->n_finished);

  if (update->status == PB_IMPORT_STATUS_IMPORTED)
    log->n_imported++;
  if (update->status == PB_IMPORT_STATUS_IMPORTED && log->ids != NULL)
    g_hash_table_insert (log->ids, GUINT_TO_POINTER (update->index + 1), g_memdup2 (&update->report_id, sizeof (gint64)));
  if (g_error_matches (update->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    log->n_cancelled++;

  if (log->cancel_after != 0 && log->n_finished == log->cancel_after)
    g_cancellable_cancel (log->cancellable);
}

/* Imports @paths into a new library under @dir, @n_workers at once. */
static char *
import_all (const char *dir,
            const char *name,
            GPtrArray  *paths,
            guint       n_workers,
            guint       flags)
{
  g_autofree char *library_dir = g_build_filename (dir, name, NULL);
  g_autoptr(PbLibrary) library = open_library (library_dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  BatchLog log = { 0 };

  log.finished = g_hash_table_new (NULL, NULL);
  log.ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));

  g_assert_true (pb_import_files (library, (GFile **)files->pdata, files->len, NULL, flags,
                                  n_workers, NULL, batch_cb, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_finished, ==, paths->len);

  /* Committed in the files' order, however they were read: the report ids
   * go up with the files, as one import after another gives them. */
  {
    gint64 last_id = 0;

    for (guint i = 0; i < paths->len; i++)
      {
        gint64 *id = g_hash_table_lookup (log.ids, GUINT_TO_POINTER (i + 1));

        if (id == NULL)
          continue;
        g_assert_cmpint (*id, >, last_id);
        last_id = *id;
      }
    g_assert_cmpuint (g_hash_table_size (log.ids), >, 0);
  }
  g_hash_table_unref (log.finished);
  g_hash_table_unref (log.ids);

  g_clear_object (&library);
  return g_steal_pointer (&library_dir);
}

static void
assert_same_libraries (GPtrArray *paths)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *serial = import_all (dir, "serial", paths, 1, PB_IMPORT_ONE_THREAD);
  g_autofree char *parallel = import_all (dir, "parallel", paths, 2, PB_IMPORT_DEFAULT);
  g_autofree char *pages = import_all (dir, "pages", paths, 1, PB_IMPORT_DEFAULT);
  g_autofree char *serial_dump = dump_library (serial);
  g_autofree char *parallel_dump = dump_library (parallel);
  g_autofree char *pages_dump = dump_library (pages);

  g_assert_cmpuint (strlen (serial_dump), >, 0);
  g_assert_cmpstr (serial_dump, ==, parallel_dump);
  g_assert_cmpstr (serial_dump, ==, pages_dump);

  pb_test_remove_dir (dir);
}

static void
test_library_generated (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);

      g_ptr_array_add (paths, write_report (dir, name, 100 + i, 3 + i * 9, i == 2));
    }

  assert_same_libraries (paths);
  pb_test_remove_dir (dir);
}

static void
test_library_corpus (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ();

  if (paths->len == 0)
    {
      g_test_skip ("The shared corpus is not here (set PB_CORPUS_DIR)");
      return;
    }

  assert_same_libraries (paths);
}

/* What a stopped batch leaves: whole reports, each with all its pages and
 * its file, nothing half-copied, and every file told its end. */
static void
assert_whole_reports (const char *library_dir,
                      guint       n_imported)
{
  g_autofree char *path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *reports_dir = g_build_filename (library_dir, "reports", NULL);
  g_autoptr(GDir) dir = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db = NULL;
  const char *name;
  guint n_files = 0;
  guint n_reports = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);   /* as the library's own connections */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT r.sha256, r.page_count,"
                                       " (SELECT count (*) FROM report_pages AS p WHERE p.report_id = r.id),"
                                       " (SELECT count (*) FROM report_pages_fts AS f"
                                       "  WHERE f.rowid IN (SELECT id FROM report_pages WHERE report_id = r.id))"
                                       " FROM reports AS r", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.pdf", reports_dir, sqlite3_column_text (stmt, 0));

      g_assert_cmpint (sqlite3_column_int (stmt, 1), >, 0);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, sqlite3_column_int (stmt, 1));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, sqlite3_column_int (stmt, 1));
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      n_reports++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (n_reports, ==, n_imported);

  dir = g_dir_open (reports_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_assert_true (pb_import_is_report_file_name (name));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, n_reports);
}

static void
run_cancelled_batch (guint cancel_after,
                     guint cancel_in_file)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(PbLibrary) library = open_library (library_dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BatchLog log = { 0 };

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      g_autofree char *path = write_report (dir, name, 200 + i, 30, FALSE);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  log.cancel_after = cancel_after;
  log.cancel_in_file = cancel_in_file;
  log.cancellable = cancellable;
  log.finished = g_hash_table_new (NULL, NULL);

  g_assert_false (pb_import_files (library, (GFile **)files->pdata, files->len, NULL, PB_IMPORT_DEFAULT,
                                   2, cancellable, batch_cb, &log, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Every file heard its end; some never began; what is in is whole. */
  g_assert_cmpuint (log.n_finished, ==, files->len);
  g_assert_cmpuint (log.n_cancelled, >, 0);
  g_assert_cmpuint (log.n_imported, <, files->len);
  g_assert_cmpuint (log.n_imported + log.n_cancelled, ==, files->len);
  g_clear_object (&library);
  assert_whole_reports (library_dir, log.n_imported);

  g_hash_table_unref (log.finished);
  pb_test_remove_dir (dir);
}

static void
test_cancel_between_files (void)
{
  run_cancelled_batch (3, 0);
}

static void
test_cancel_inside_a_file (void)
{
  /* The sixth file is stopped while its pages are being read. */
  run_cancelled_batch (0, 6);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
  guint      n_finished;
} JobState;

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobState *state = user_data;

  state->results = pb_import_job_run_finish (PB_IMPORT_JOB (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
job_file_finished_cb (PbImportJob    *job,
                      PbImportResult *result,
                      JobState       *state)
{
  state->n_finished++;
  g_assert_cmpuint (pb_import_job_get_n_done (job), ==, state->n_finished);
}

/* Several files at once through the app's job: each outcome under its own
 * file, whichever finished first, and the same file twice imported once,
 * by the first of the two. */
static void
test_job_parallel (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(PbLibrary) library = open_library (library_dir);
  g_autofree char *good = write_report (dir, "good.pdf", 300, 20, FALSE);
  g_autofree char *other = write_report (dir, "other.pdf", 301, 4, FALSE);
  g_autofree char *bad = pb_test_write_file (dir, "bad.pdf", "", 0);
  g_autoptr(GFile) file_good = g_file_new_for_path (good);
  g_autoptr(GFile) file_other = g_file_new_for_path (other);
  g_autoptr(GFile) file_bad = g_file_new_for_path (bad);
  GFile *files[] = { file_good, file_bad, file_good, file_other };
  g_autoptr(PbImportJob) job = pb_import_job_new (library, files, G_N_ELEMENTS (files));
  JobState state = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };
  PbImportStatus first, third;

  g_signal_connect (job, "file-finished", G_CALLBACK (job_file_finished_cb), &state);
  pb_import_job_set_n_workers (job, 3);
  pb_import_job_run_async (job, NULL, job_done_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.results->len, ==, 4);
  g_assert_cmpuint (state.n_finished, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (pb_import_result_get_file (g_ptr_array_index (state.results, i)) == files[i]);

  /* The same file twice: as one after another, the first imports it and
   * the later one finds it, whichever was read first. */
  first = pb_import_result_get_status (g_ptr_array_index (state.results, 0));
  third = pb_import_result_get_status (g_ptr_array_index (state.results, 2));
  g_assert_cmpint (first, ==, PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (third, ==, PB_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (pb_import_result_get_report_id (g_ptr_array_index (state.results, 0)), ==,
                   pb_import_result_get_report_id (g_ptr_array_index (state.results, 2)));
  g_assert_error ((GError *)pb_import_result_get_error (g_ptr_array_index (state.results, 1)),
                  PB_IMPORT_ERROR, PB_IMPORT_ERROR_EMPTY);
  g_assert_cmpint (pb_import_result_get_status (g_ptr_array_index (state.results, 3)), ==,
                   PB_IMPORT_STATUS_IMPORTED);
  g_assert_cmpfloat (pb_import_job_get_fraction (job), ==, 1.0);
  g_assert_cmpuint (pb_import_job_get_n_done (job), ==, 4);
  g_assert_nonnull (pb_import_job_get_current_name (job));

  g_ptr_array_unref (state.results);
  g_main_loop_unref (state.loop);
  g_clear_object (&job);
  pb_test_wait_for_finalize (g_steal_pointer (&library));
  assert_whole_reports (library_dir, 2);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-parallel/run-pages", test_run_pages);
  g_test_add_func ("/import-parallel/run-pages-cancelled", test_run_pages_cancelled);
  g_test_add_func ("/import-parallel/pages/generated", test_pages_generated);
  g_test_add_func ("/import-parallel/pages/corpus", test_pages_corpus);
  g_test_add_func ("/import-parallel/structure/corpus", test_structure_corpus);
  g_test_add_func ("/import-parallel/library/generated", test_library_generated);
  g_test_add_func ("/import-parallel/library/corpus", test_library_corpus);
  g_test_add_func ("/import-parallel/cancel/between-files", test_cancel_between_files);
  g_test_add_func ("/import-parallel/cancel/inside-a-file", test_cancel_inside_a_file);
  g_test_add_func ("/import-parallel/job", test_job_parallel);

  status = g_test_run ();
  if (corpus_copy_dir != NULL)
    pb_test_remove_dir (corpus_copy_dir);
  g_free (corpus_copy_dir);
  return status;
}
