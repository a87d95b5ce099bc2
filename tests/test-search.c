/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-import.h"
#include "pb-library.h"
#include "pb-search.h"
#include "pb-test-util.h"

static void
assert_query (const char *typed,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = pb_search_build_fts_query (typed, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (query, ==, expected);
}

static void
assert_refused (const char *typed,
                const char *expected_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = pb_search_build_fts_query (typed, &error);

  g_assert_null (query);
  g_assert_error (error, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_INVALID_QUERY);
  g_assert_nonnull (strstr (error->message, expected_words));
}

static void
test_query_builder (void)
{
  assert_query ("care leavers", "\"care\" \"leavers\"");
  assert_query ("  \"care leavers\"  offer ", "\"care leavers\" \"offer\"");
  assert_query ("inspect*", "\"inspect\"*");
  assert_query ("fostering OR adoption", "\"fostering\" OR \"adoption\"");
  /* FTS syntax typed by a user is only ever searched for as words. */
  assert_query ("NEAR(care leavers) AND -x", "\"NEAR(care\" \"leavers)\" \"AND\" \"-x\"");
  assert_query ("say \"hello", "\"say\" \"hello\"");
  assert_query ("a\"b", "\"a\"\"b\"");
  assert_query ("OR care", "\"OR\" \"care\"");   /* nothing before it to join */
  assert_query ("care OR", "\"care\"");
  assert_query ("¶24 children’s", "\"¶24\" \"children’s\"");
  /* A word or phrase typed again is asked for once; a prefix is not the
   * word itself. */
  assert_query ("care care care", "\"care\"");
  assert_query ("care leavers care \"care\" leavers", "\"care\" \"leavers\"");
  assert_query ("\"care leavers\" offer \"care leavers\"", "\"care leavers\" \"offer\"");
  assert_query ("care* care care*", "\"care\"* \"care\"");
  /* Words bind tighter than OR, as in FTS5: an alternative typed again,
   * or one asking for all another does and more, finds nothing new. */
  assert_query ("care OR adoption care", "\"care\"");
  assert_query ("care OR adoption OR care", "\"care\" OR \"adoption\"");
  assert_query ("adoption OR care adoption OR care adoption OR care", "\"adoption\" OR \"care\"");
  assert_query ("care leavers OR leavers care OR fostering", "\"care\" \"leavers\" OR \"fostering\"");
  assert_query ("care leavers OR fostering OR care", "\"fostering\" OR \"care\"");
  /* Again whatever the case or punctuation, as FTS5 reads the words. */
  assert_query ("Care CARE care, (care)", "\"Care\"");
  assert_query ("\"care leavers\" care-leavers \"Care, leavers\"", "\"care leavers\"");

  assert_refused ("c*", "at least 3 letters");
  assert_refused ("ca*", "at least 3 letters");
  assert_refused ("", "Type a word");
  assert_refused ("  * \" \" ", "Type a word");
}

typedef struct
{
  char      *dir;
  PbLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char * const report_a[] = {
    "Leaders & managers <know> their services well.",
    "Care leavers are supported by personal advisers.\nThe local offer is generous.",
    NULL
  };
  static const char * const report_b[] = {
    "Children in care are visited regularly.",
    "Care leavers care leavers care leavers: pathway plans for care leavers.",
    NULL
  };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GFile) fa = NULL;
  g_autoptr(GFile) fb = NULL;

  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);

  a = pb_test_write_pdf (f->dir, "a.pdf", (const char **)report_a, &(PbTestPdfOptions) { .title = "Report A" });
  b = pb_test_write_pdf (f->dir, "b.pdf", (const char **)report_b, &(PbTestPdfOptions) { .title = "Report B" });
  fa = g_file_new_for_path (a);
  fb = g_file_new_for_path (b);
  g_assert_true (pb_import_file (f->library, fa, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  g_assert_true (pb_import_file (f->library, fb, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_ranked_hits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  PbSearchHit *best;

  hits = pb_library_search (f->library, "care leavers", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);

  /* The page that says it four times ranks first. */
  best = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (pb_search_hit_get_report_title (best), ==, "Report B");
  g_assert_cmpuint (pb_search_hit_get_page (best), ==, 2);
  g_assert_cmpfloat (pb_search_hit_get_rank (best), <=,
                     pb_search_hit_get_rank (g_ptr_array_index (hits, 1)));

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pb_library_search (f->library, "care leavers", 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* In a large library, a word on very many pages is ranked among the newest
 * pages that have it only; below that bound, every match is ranked. */
static void
test_ranked_newest (Fixture       *f,
                    gconstpointer  data)
{
  const char *query = "care OR leavers OR generous";
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GError) error = NULL;

  /* Every match ranked: A's page 2, with the rare word, is among the best
   * two, although B was imported after A. */
  all = pb_library_search (f->library, query, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (pb_search_hit_get_report_title (g_ptr_array_index (all, 0)), ==, "Report A");

  /* The two newest matching pages ranked: B's, the one that says it most
   * first. */
  _pb_search_set_max_ranked_pages (2);
  newest = pb_library_search (f->library, query, 2, &error);
  _pb_search_set_max_ranked_pages (0);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 2);
  for (guint i = 0; i < newest->len; i++)
    g_assert_cmpstr (pb_search_hit_get_report_title (g_ptr_array_index (newest, i)), ==, "Report B");
  g_assert_cmpuint (pb_search_hit_get_page (g_ptr_array_index (newest, 0)), ==, 2);
}

static void
test_stemming_and_prefix (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) visit = pb_library_search (f->library, "visit", 10, NULL);
  g_autoptr(GPtrArray) prefix = pb_library_search (f->library, "advis*", 10, NULL);
  g_autoptr(GPtrArray) phrase = pb_library_search (f->library, "\"offer is generous\"", 10, NULL);
  g_autoptr(GPtrArray) none = pb_library_search (f->library, "\"generous offer\"", 10, NULL);
  /* Prefixes of 3 and 4 characters are read from the index's own lists
   * of them (schema step 17), longer ones by merging the words'. */
  g_autoptr(GPtrArray) prefix3 = pb_library_search (f->library, "gen*", 10, NULL);
  g_autoptr(GPtrArray) prefix4 = pb_library_search (f->library, "advi*", 10, NULL);

  g_assert_cmpuint (visit->len, ==, 1);     /* "visited" */
  g_assert_cmpuint (prefix->len, ==, 1);    /* "advisers" */
  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (prefix3->len, ==, 1);   /* "generous" */
  g_assert_cmpstr (pb_search_hit_get_report_title (g_ptr_array_index (prefix3, 0)), ==, "Report A");
  g_assert_cmpuint (prefix4->len, ==, 1);   /* "advisers" */
  g_assert_cmpuint (pb_search_hit_get_page (g_ptr_array_index (prefix4, 0)), ==, 2);
}

static void
test_snippet_markup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = pb_library_search (f->library, "managers", 10, NULL);
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  markup = pb_search_hit_dup_snippet_markup (g_ptr_array_index (hits, 0));
  plain = pb_search_hit_dup_snippet (g_ptr_array_index (hits, 0));

  g_assert_nonnull (strstr (markup, "<b>managers</b>"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  g_assert_nonnull (strstr (markup, "&lt;know&gt;"));
  {
    /* Well-formed: it parses as markup. */
    g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
    GMarkupParser parser = { 0 };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
    g_autoptr(GError) error = NULL;

    g_markup_parse_context_parse (context, wrapped, -1, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (plain, "Leaders & managers <know>"));
}

/* Two words typed: a page with them as the phrase typed ranks above one
 * with each of them apart, and that above one that matches only by their
 * stems ("meet", "disruptions"), however much more often bm25 () finds
 * those; the phrase is found even when only one hit is asked for. A
 * snippet that ends a sentence has no "…" after its full stop. */
static void
test_phrase_first (void)
{
  static const char * const stems[] = {
    "Managers meet weekly to discuss disruptions and\nmeet partners about disruptions. Leaders meet.",
    NULL
  };
  static const char * const apart[] = {
    "The disruption of two placements was discussed at meetings held later in the year with the\n"
    "carers, the social workers and the independent reviewing officers for the children concerned.",
    NULL
  };
  static const char * const phrase[] = {
    "Learning from breakdowns by the holding of timely disruption meetings.\n"
    "Children in care live in stable homes that meet their needs and the plans for them are reviewed\n"
    "by independent reviewing officers who know them well and visit them at home and at school.",
    NULL
  };
  static const char * const titles[] = { "Stems", "Apart", "Phrase" };
  const char * const *pages[] = { stems, apart, phrase };
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phrase_snippet = NULL;
  g_autofree char *stems_snippet = NULL;

  /* Imported so that the best by bm25 alone is also the newest. */
  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", titles[i]);
      g_autofree char *path = pb_test_write_pdf (dir, name, (const char **)pages[i],
                                                 &(PbTestPdfOptions) { .title = titles[i] });
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
    }

  hits = pb_library_search (library, "disruption meetings", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (pb_search_hit_get_report_title (g_ptr_array_index (hits, i)), ==, titles[2 - i]);

  one = pb_library_search (library, "Disruption  Meetings", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (pb_search_hit_get_report_title (g_ptr_array_index (one, 0)), ==, "Phrase");

  phrase_snippet = pb_search_hit_dup_snippet (g_ptr_array_index (hits, 0));
  g_assert_cmpstr (phrase_snippet, ==, "Learning from breakdowns by the holding of timely disruption meetings.");
  stems_snippet = pb_search_hit_dup_snippet (g_ptr_array_index (hits, 2));
  g_assert_cmpstr (stems_snippet, ==, "Managers meet weekly to discuss disruptions and…");

  g_assert_finalize_object (g_steal_pointer (&library));
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/query-builder", test_query_builder);
  g_test_add_func ("/search/phrase-first", test_phrase_first);
  g_test_add ("/search/ranked-hits", Fixture, NULL, fixture_setup, test_ranked_hits, fixture_teardown);
  g_test_add ("/search/ranked-newest", Fixture, NULL, fixture_setup, test_ranked_newest, fixture_teardown);
  g_test_add ("/search/stemming-and-prefix", Fixture, NULL, fixture_setup, test_stemming_and_prefix, fixture_teardown);
  g_test_add ("/search/snippet-markup", Fixture, NULL, fixture_setup, test_snippet_markup, fixture_teardown);

  return g_test_run ();
}
