/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-db.h"
#include "pb-library-private.h"
#include "pb-report-insert.h"
#include "pb-report-store.h"
#include "pb-test-util.h"

/* A report's pages go into the library in one statement (as JSON, for the
 * full-text index's sake): what comes back must be byte for byte what went
 * in, whatever the text holds, each page's words must be found on that
 * page, and text that is not UTF-8 (which JSON cannot carry) must go in
 * all the same. */

#define SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static const char * const page_texts[] = {
  "Quotes \"inside\" and a back\\slash: alpha",
  "Tab\there, a line\nbreak, a control \001 character: bravo",
  "Accents café, naïve; a clef 𝄞 beyond the plane; charlie",
  "JSON-like [1, {\"a\": 2}] and \\u0041 as written: delta",
  "Quite plain: echo",
  "",
  "The last page: foxtrot",
};

typedef struct
{
  char      *dir;
  PbLibrary *library;
  sqlite3   *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library = pb_library_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = _pb_library_open_connection (f->library, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_db_close (f->db);
  g_clear_object (&f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Pages of odd sizes (not whole numbers of points) with @texts. */
static PbReportContent *
make_content (const char * const *texts,
              guint               n_texts)
{
  PbReportContent *content = pb_report_content_new ();

  for (guint i = 0; i < n_texts; i++)
    {
      PbPageContent page = { 595.2756 + i / 3.0, 841.8898 - i / 7.0, g_strdup (texts[i]) };

      g_array_append_val (content->pages, page);
    }
  content->has_text_layer = TRUE;
  return content;
}

static gint64
insert (Fixture         *f,
        PbReportContent *content)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (pb_db_begin (f->db, &error));
  id = _pb_library_insert_report (f->db, SHA256, "odd.pdf", 1000, "Odd", content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (pb_db_commit (f->db, &error));
  g_assert_no_error (error);
  return id;
}

/* The page numbers (from 1) whose index has @word, in order. */
static char *
pages_with (Fixture    *f,
            const char *word)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GString *found = g_string_new (NULL);

  stmt = pb_db_prepare (f->db,
                        "SELECT p.page_number FROM report_pages_fts"
                        " JOIN report_pages AS p ON p.id = report_pages_fts.rowid"
                        " WHERE report_pages_fts MATCH ?1 ORDER BY p.page_number",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (found, "%s%d", found->len ? "," : "", sqlite3_column_int (stmt, 0));
  return g_string_free (found, FALSE);
}

/* Compares, and frees what it was given. */
static void
assert_found (char       *got,
              const char *wanted)
{
  g_assert_cmpstr (got, ==, wanted);
  g_free (got);
}

static void
assert_pages (Fixture            *f,
              const char * const *texts,
              guint               n_texts,
              PbReportContent    *content)
{
  g_auto(GStrv) back = pb_library_dup_page_texts (f->library, SHA256, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id = 0;
  guint n = 0;

  g_assert_nonnull (back);
  g_assert_cmpuint (g_strv_length (back), ==, n_texts);
  /* (Text that is not UTF-8 is read back made valid.) */
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (texts[i], -1);

      g_assert_cmpstr (back[i], ==, valid);
    }

  /* Sizes exactly, and ids rising with the page numbers. */
  stmt = pb_db_prepare (f->db, "SELECT id, page_number, width, height FROM report_pages ORDER BY page_number",
                        &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const PbPageContent *page = &g_array_index (content->pages, PbPageContent, n);

      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, (int)n + 1);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), >, last_id);
      last_id = sqlite3_column_int64 (stmt, 0);
      g_assert_true (sqlite3_column_double (stmt, 2) == page->width);
      g_assert_true (sqlite3_column_double (stmt, 3) == page->height);
      n++;
    }
  g_assert_cmpuint (n, ==, n_texts);
}

static void
test_insert_exact (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PbReportContent) content = make_content (page_texts, G_N_ELEMENTS (page_texts));

  insert (f, content);
  assert_pages (f, page_texts, G_N_ELEMENTS (page_texts), content);

  assert_found (pages_with (f, "alpha"), "1");
  assert_found (pages_with (f, "bravo"), "2");
  assert_found (pages_with (f, "charlie"), "3");
  assert_found (pages_with (f, "café"), "3");
  assert_found (pages_with (f, "delta"), "4");
  assert_found (pages_with (f, "echo"), "5");
  assert_found (pages_with (f, "foxtrot"), "7");
  /* One index entry per page: the index agrees with its content table. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (pb_db_exec (f->db, "INSERT INTO report_pages_fts (report_pages_fts, rank)"
                                      " VALUES ('integrity-check', 1)", &error));
    g_assert_no_error (error);
  }
}

/* Reading a report again replaces only the pages whose text changed; the
 * index follows: the old words gone, the new ones found. */
static void
test_replace_text (Fixture       *f,
                   gconstpointer  data)
{
  const char *again[G_N_ELEMENTS (page_texts)];
  g_autoptr(PbReportContent) first = make_content (page_texts, G_N_ELEMENTS (page_texts));
  g_autoptr(PbReportContent) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = insert (f, first);

  memcpy (again, page_texts, sizeof again);
  again[1] = "Read again: \"golf\" \\ hotel";
  again[6] = "The last page, read again: india";
  second = make_content (again, G_N_ELEMENTS (again));

  g_assert_true (pb_db_begin (f->db, &error));
  g_assert_true (_pb_library_replace_report_text (f->db, id, SHA256, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pb_db_commit (f->db, &error));

  assert_pages (f, again, G_N_ELEMENTS (again), second);
  assert_found (pages_with (f, "bravo"), "");
  assert_found (pages_with (f, "golf"), "2");
  assert_found (pages_with (f, "foxtrot"), "");
  assert_found (pages_with (f, "india"), "7");
  assert_found (pages_with (f, "alpha"), "1");
  assert_found (pages_with (f, "echo"), "5");
  g_assert_true (pb_db_exec (f->db, "INSERT INTO report_pages_fts (report_pages_fts, rank)"
                                    " VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

/* A page whose text is not UTF-8: the pages go in one at a time, and are
 * found all the same. */
static void
test_insert_not_utf8 (Fixture       *f,
                      gconstpointer  data)
{
  const char *texts[G_N_ELEMENTS (page_texts)];
  g_autoptr(PbReportContent) content = NULL;

  memcpy (texts, page_texts, sizeof texts);
  texts[4] = "Not UTF-8 \xff\xfe here: echo";
  content = make_content (texts, G_N_ELEMENTS (texts));
  insert (f, content);
  assert_pages (f, texts, G_N_ELEMENTS (texts), content);
  assert_found (pages_with (f, "echo"), "5");
  assert_found (pages_with (f, "alpha"), "1");
  assert_found (pages_with (f, "foxtrot"), "7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-insert/exact", Fixture, NULL, fixture_setup, test_insert_exact, fixture_teardown);
  g_test_add ("/page-insert/not-utf8", Fixture, NULL, fixture_setup, test_insert_not_utf8, fixture_teardown);
  g_test_add ("/page-insert/replace", Fixture, NULL, fixture_setup, test_replace_text, fixture_teardown);

  return g_test_run ();
}
