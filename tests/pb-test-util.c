/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <fcntl.h>
#include <unistd.h>
#include <poppler.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "pb-library.h"
#include "pb-test-util.h"

char *
pb_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A new library in @dir/library. Returns a PbLibrary (typed loosely so that
 * this helper needs no core header). */
gpointer
pb_test_open_library (const char *dir)
{
  g_autofree char *library_dir = g_build_filename (dir, "library", NULL);
  g_autoptr(GError) error = NULL;
  PbLibrary *library = pb_library_open (library_dir, &error);

  g_assert_no_error (error);
  return library;
}

void
pb_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL || !(dir = g_dir_open (path, 0, NULL)))
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pb_test_remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* Writes one page's text, one line per "\n", in a 12 pt font. Cells of a line
 * separated by a tab are drawn 60 points apart, as table columns. */
static void
draw_page_text (cairo_t    *cr,
                const char *text,
                double      top)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = top;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      double x = 72;

      for (guint c = 0; cells[c] != NULL; c++)
        {
          cairo_text_extents_t extents;

          cairo_move_to (cr, x, y);
          cairo_show_text (cr, cells[c]);
          cairo_text_extents (cr, cells[c], &extents);
          x += extents.x_advance + 60;
        }
      y += 18;
    }
}

char *
pb_test_write_pdf (const char              *dir,
                   const char              *name,
                   const char * const      *pages,
                   const PbTestPdfOptions  *options)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, 595, 842);
  if (options != NULL && options->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);

  cr = cairo_create (surface);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      double top = 100;

      if (options != NULL && options->no_text)
        {
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          for (int r = 0; r < 20; r++)
            cairo_rectangle (cr, 72, 100 + r * 24, 300 + (r * 37) % 150, 10);
          cairo_fill (cr);
        }
      else
        {
          if (i == 0 && options != NULL && options->heading != NULL)
            {
              cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                      CAIRO_FONT_WEIGHT_BOLD);
              cairo_set_font_size (cr, 22);
              cairo_move_to (cr, 72, 90);
              cairo_show_text (cr, options->heading);
              top = 140;
            }

          cairo_set_source_rgb (cr, 0, 0, 0);
          draw_page_text (cr, pages[i], top);
        }

      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_steal_pointer (&path);
}

/* Closes the open cell, row and table tags that @next does not continue. */
static void
end_tags (cairo_t          *cr,
          const PbTestText *open,
          const PbTestText *next)
{
  gboolean same_row = next != NULL && next->row >= 0 && next->row == open->row && next->page == open->page;

  if (open->row < 0)
    {
      cairo_tag_end (cr, "P");
      return;
    }
  if (!same_row || next->column != open->column)
    cairo_tag_end (cr, "TD");
  if (!same_row)
    cairo_tag_end (cr, "TR");
  if (next == NULL || next->row < 0 || next->page != open->page)
    cairo_tag_end (cr, "Table");
}

/**
 * pb_test_write_layout_pdf:
 * @texts: (array length=n_texts): the runs of text, in the order they are
 *   drawn (the order of the page's content, which a reader need not follow)
 * @tagged: whether to tag the runs: each run outside the table a paragraph,
 *   the runs of one row and column one cell ("TD") of a "TR" in a "Table"
 *
 * Writes an A4 PDF with each run of text where it says, in 11 pt, so that a
 * test can lay a page out as a published report does: a grade in a
 * right-hand column beside a label wrapped over lines, an indented row.
 *
 * Returns: (transfer full): the PDF's path
 */
char *
pb_test_write_layout_pdf (const char       *dir,
                          const char       *name,
                          const PbTestText *texts,
                          guint             n_texts,
                          gboolean          tagged)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  guint page = 0;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);

  for (guint i = 0; i < n_texts; i++)
    {
      const PbTestText *text = &texts[i];
      const PbTestText *previous = i > 0 ? &texts[i - 1] : NULL;

      g_assert_cmpuint (text->page, >=, page);
      while (page < text->page)
        {
          cairo_show_page (cr);
          page++;
        }

      if (tagged)
        {
          gboolean same_row = previous != NULL && previous->row >= 0 && previous->row == text->row &&
                              previous->page == text->page;

          if (text->row < 0)
            cairo_tag_begin (cr, "P", NULL);
          else
            {
              if (previous == NULL || previous->row < 0 || previous->page != text->page)
                cairo_tag_begin (cr, "Table", NULL);
              if (!same_row)
                cairo_tag_begin (cr, "TR", NULL);
              if (!same_row || previous->column != text->column)
                cairo_tag_begin (cr, "TD", NULL);
            }
        }

      cairo_move_to (cr, text->x, text->y);
      cairo_show_text (cr, text->text);

      if (tagged)
        end_tags (cr, text, i + 1 < n_texts ? &texts[i + 1] : NULL);
    }

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_steal_pointer (&path);
}

char *
pb_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* An AES-256 encrypted copy of @source, made with qpdf; NULL (and the test
 * skipped) where qpdf is not installed. */
char *
pb_test_encrypt_pdf (const char *source,
                     const char *password)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed, so no encrypted PDF can be made");
      return NULL;
    }

  out = g_strconcat (source, ".encrypted.pdf", NULL);
  {
    const char *argv[] = { qpdf, "--encrypt", password, password, "256", "--", source, out, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* A file from the shared test corpus, or NULL when the corpus is absent. */
char *
pb_test_corpus_path (const char *relative)
{
  const char *root = g_getenv ("PB_CORPUS_DIR");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return g_steal_pointer (&path);
}

guint
pb_test_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;

  while (g_dir_read_name (dir))
    n++;

  return n;
}

/* Counts rows by reading the database directly: the tests check the core's
 * promises from outside it. */
gint64
pb_test_count_rows (const char *library_dir,
                    const char *table)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  /* A table name cannot be a bound parameter; the tests pass only literals. */
  g_assert_cmpuint (strspn (table, "abcdefghijklmnopqrstuvwxyz_"), ==, strlen (table));
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Writes junk over the header of @table's first b-tree page in library.db,
 * after copying the journal into it, so that any reader that walks the
 * table meets damage. The library may be open meanwhile. */
void
pb_test_damage_table (const char *library_dir,
                      const char *table)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 junk[32];
  gint64 root;
  int fd;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  memset (junk, 0xa5, sizeof junk);
  fd = g_open (db_path, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, (root - 1) * 4096), ==, sizeof junk);
  g_close (fd, NULL);
}

/* Flips the high byte of the first cell pointer on @table's root page in
 * library.db (after copying the journal into it): the damage a tester met,
 * where SQLite then reads one row as NULLs with id 0 and loses the real
 * one. Returns whether the flip left such a row, for the tests to assert
 * that they test what they mean to. */
gboolean
pb_test_flip_cell_pointer (const char *library_dir,
                           const char *table)
{
  g_autofree char *db_path = g_build_filename (library_dir, "library.db", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE rowid = 0", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 root, phantoms = 0;
  guint8 page_type, byte;
  int fd;

  g_assert_cmpuint (strspn (table, "abcdefghijklmnopqrstuvwxyz_"), ==, strlen (table));
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  fd = g_open (db_path, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  /* A leaf table page (type 13) has an 8-byte header; the cell pointers
   * follow it, two bytes each, big-endian. */
  g_assert_cmpint (pread (fd, &page_type, 1, (root - 1) * 4096), ==, 1);
  g_assert_cmpint (page_type, ==, 13);
  g_assert_cmpint (pread (fd, &byte, 1, (root - 1) * 4096 + 8), ==, 1);
  byte ^= 0xff;
  g_assert_cmpint (pwrite (fd, &byte, 1, (root - 1) * 4096 + 8), ==, 1);
  g_close (fd, NULL);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    phantoms = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return phantoms > 0;
}

guint
pb_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Drops the caller's reference to @object and waits until every other holder
 * lets go. A GTask's worker thread keeps its reference to the task (and so to
 * the task's source object) for a moment after the callback has run on the
 * main thread, so an object used by a task is finalized "soon", not at once. */
void
pb_test_wait_for_finalize (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  if (weak != NULL)
    g_error ("%s was not finalized: something still holds a reference", G_OBJECT_TYPE_NAME (weak));
}

/* How many matches poppler's own find gives for @text in @pdf, counting a
 * match over several lines once: the reference a find is checked against. */
guint
pb_test_poppler_count (const char *pdf,
                       const char *text)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  guint n = 0;

  g_assert_nonnull (document);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *found = poppler_page_find_text_with_options (page, text, POPPLER_FIND_MULTILINE);

      for (GList *l = found; l; l = l->next)
        if (!poppler_rectangle_find_get_match_continued (l->data))
          n++;

      g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
      g_object_unref (page);
    }

  g_object_unref (document);
  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of an array of doubles (sorted in place). */
double
pb_test_median (GArray *values)
{
  g_assert_cmpuint (values->len, >, 0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* A copy of @pdf with a highlight annotation over @text on @page (from 0) and
 * @comment as its contents, as a reviewer's PDF reader would save it. */
char *
pb_test_add_highlight (const char *pdf,
                       guint       page,
                       const char *text,
                       const char *comment)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *out = g_strconcat (pdf, ".highlighted.pdf", NULL);
  g_autofree char *out_uri = g_filename_to_uri (out, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *p;
  GList *found;
  PopplerRectangle *r;
  PopplerQuadrilateral quad;
  g_autoptr(GArray) quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));
  PopplerAnnot *annot;
  PopplerColor yellow = { 65535, 65535, 0 };

  g_assert_no_error (error);
  p = poppler_document_get_page (document, (int)page);
  found = poppler_page_find_text (p, text);
  g_assert_nonnull (found);
  r = found->data;

  /* Find results and quadrilaterals share the bottom-left origin. */
  quad.p1 = (PopplerPoint) { r->x1, r->y2 };
  quad.p2 = (PopplerPoint) { r->x2, r->y2 };
  quad.p3 = (PopplerPoint) { r->x1, r->y1 };
  quad.p4 = (PopplerPoint) { r->x2, r->y1 };
  g_array_append_val (quads, quad);

  annot = poppler_annot_text_markup_new_highlight (document, r, quads);
  poppler_annot_set_contents (annot, comment);
  poppler_annot_set_color (annot, &yellow);
  poppler_page_add_annot (p, annot);
  g_assert_true (poppler_document_save (document, out_uri, &error));
  g_assert_no_error (error);

  g_object_unref (annot);
  g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
  g_object_unref (p);
  g_object_unref (document);

  return g_steal_pointer (&out);
}

/* Holding database opens: a SQLite file system, made the default, through
 * which every open goes. While the hold is on, a thread other than the one
 * that set it waits before it opens a database, so a test can stop a worker
 * at its first step, act, and then let it go on. Off, it only passes
 * through. */
static struct
{
  GMutex       lock;
  GCond        cond;
  sqlite3_vfs *real;
  sqlite3_vfs  held;
  GThread     *holder;
  gboolean     holding;
  guint        n_held;      /* opens that have waited since the hold began */
} hold;

static int
held_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  if (flags & SQLITE_OPEN_MAIN_DB)
    {
      g_mutex_lock (&hold.lock);
      if (hold.holding && g_thread_self () != hold.holder)
        {
          hold.n_held++;
          g_cond_broadcast (&hold.cond);
          while (hold.holding)
            g_cond_wait (&hold.cond, &hold.lock);
        }
      g_mutex_unlock (&hold.lock);
    }

  return hold.real->xOpen (hold.real, name, file, flags, out_flags);
}

/* Turns the hold on or off (see above). */
void
pb_test_hold_database_opens (gboolean hold_on)
{
  g_mutex_lock (&hold.lock);
  if (hold.real == NULL)
    {
      hold.real = sqlite3_vfs_find (NULL);
      g_assert_nonnull (hold.real);
      hold.held = *hold.real;
      hold.held.zName = "pb-test-held";
      hold.held.xOpen = held_open;
      g_assert_cmpint (sqlite3_vfs_register (&hold.held, 1), ==, SQLITE_OK);
    }
  hold.holder = g_thread_self ();
  hold.holding = hold_on;
  if (hold_on)
    hold.n_held = 0;
  g_cond_broadcast (&hold.cond);
  g_mutex_unlock (&hold.lock);
}

/* Waits (on the holder's thread) until some other thread is held. */
void
pb_test_wait_for_held_open (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_mutex_lock (&hold.lock);
  g_assert_true (hold.holding);
  while (hold.n_held == 0)
    if (!g_cond_wait_until (&hold.cond, &hold.lock, deadline))
      g_error ("timed out waiting for another thread to open a database");
  g_mutex_unlock (&hold.lock);
}
