/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-util.h"

/* Imports every PDF of the shared corpus: real published reports (ilacs/
 * and variants/), PDFs made from council documents, and a 300-page stress
 * file (what structure reading finds in them, test-structure-corpus checks).
 * Where the corpus has the source text of a PDF, the imported text must
 * carry nearly all its words: words glued together or lost would fail
 * this. */

typedef struct
{
  char      *dir;
  PbLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static int
poppler_page_count (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);

  return n;
}

static char *
all_text (PbLibrary *library,
          gint64     id,
          guint      n_pages)
{
  GString *text = g_string_new (NULL);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pb_library_dup_page_text (library, id, page, NULL);

      g_assert_nonnull (page_text);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* Splits @text into its runs of letters. (By hand: GRegex iteration rechecks
 * the whole subject each step, which is quadratic on a 300-page text.) */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean letter = *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p));

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }

      if (*p == '\0')
        break;
    }

  return words;
}

/* The share of the source's words (five letters or more) found as words in
 * the imported text. */
static double
word_recall (const char *source,
             const char *imported)
{
  g_autoptr(GPtrArray) imported_words = split_words (imported);
  g_autoptr(GPtrArray) source_words = split_words (source);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;
  guint hits = 0;

  for (guint i = 0; i < imported_words->len; i++)
    g_hash_table_add (found, g_ptr_array_index (imported_words, i));

  for (guint i = 0; i < source_words->len; i++)
    {
      const char *w = g_ptr_array_index (source_words, i);

      if (g_utf8_strlen (w, -1) < 5)
        continue;
      total++;
      if (g_hash_table_contains (found, w))
        hits++;
    }

  return total > 0 ? (double)hits / total : 1.0;
}

static void
import_folder (Fixture    *f,
               const char *folder,
               guint       expected_at_least)
{
  g_autofree char *path = pb_test_corpus_path (folder);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_imported = 0;

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("the shared corpus (%s) is not here; set PB_CORPUS_DIR", folder);
      g_test_skip (message);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *pdf = NULL;
      g_autofree char *txt = NULL;
      g_autofree char *base = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PbReport) report = NULL;
      PbImportStatus status;
      gint64 id = 0;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;

      pdf = g_build_filename (path, name, NULL);
      file = g_file_new_for_path (pdf);

      g_test_message ("importing %s", name);
      g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, &status, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);

      report = pb_library_get_report (f->library, id, NULL);
      g_assert_cmpint (pb_report_get_page_count (report), ==, poppler_page_count (pdf));
      g_assert_true (pb_report_get_has_text_layer (report));
      g_assert_cmpuint (strlen (pb_report_get_title (report)), >, 3);

      base = g_strndup (pdf, strlen (pdf) - 4);
      txt = g_strconcat (base, ".txt", NULL);
      if (g_file_test (txt, G_FILE_TEST_EXISTS))
        {
          g_autofree char *source = NULL;
          g_autofree char *text = all_text (f->library, id, pb_report_get_page_count (report));
          double recall;

          g_assert_true (g_file_get_contents (txt, &source, NULL, NULL));
          recall = word_recall (source, text);
          g_test_message ("%s: %.1f%% of the source's words found", name, recall * 100);
          g_assert_cmpfloat (recall, >=, 0.98);
        }

      n_imported++;
    }

  g_assert_cmpuint (n_imported, >=, expected_at_least);
}

static void
test_ilacs (Fixture       *f,
            gconstpointer  data)
{
  import_folder (f, "ilacs", 14);
}

static void
test_variants (Fixture       *f,
               gconstpointer  data)
{
  import_folder (f, "variants", 7);
}

static void
test_seeds (Fixture       *f,
            gconstpointer  data)
{
  import_folder (f, "seeds", 5);
}

static void
test_synthetic (Fixture       *f,
                gconstpointer  data)
{
  import_folder (f, "synthetic", 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/corpus/ilacs", Fixture, NULL, fixture_setup, test_ilacs, fixture_teardown);
  g_test_add ("/corpus/variants", Fixture, NULL, fixture_setup, test_variants, fixture_teardown);
  g_test_add ("/corpus/seeds", Fixture, NULL, fixture_setup, test_seeds, fixture_teardown);
  g_test_add ("/corpus/synthetic", Fixture, NULL, fixture_setup, test_synthetic, fixture_teardown);

  return g_test_run ();
}
