/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-search.h"
#include "pb-text-fold.h"
#include "pb-text-pages.h"

/* The one rule of which characters are the same text, and the page-level
 * text around it: bodies without running headers and footers, the passages
 * across page breaks and line-end hyphens. Pure text, no PDF. */

static void
test_normalize (void)
{
  g_autofree char *a = pb_text_normalize ("modi\xef\xac\x81" "ed su\xef\xac\x83" "ciency sta\xef\xac\x80");
  g_autofree char *b = pb_text_normalize ("place\xc2\xad" "ment\xc2\xa0" "stability");
  g_autofree char *c = pb_text_normalize ("\xe2\x80\xab" "abc" "\xe2\x80\xac" " x\ty");
  g_autofree char *plain = pb_text_to_plain ("The council\xe2\x80\x99s \xe2\x80\x9cview\xe2\x80\x9d 18\xe2\x80\x93" "21");

  g_assert_cmpstr (a, ==, "modified sufficiency staff");
  g_assert_cmpstr (b, ==, "placement stability");
  g_assert_cmpstr (c, ==, "abc x y");
  g_assert_cmpstr (plain, ==, "The council's \"view\" 18-21");
}

static void
test_find_typed_quotes (void)
{
  static const char page[] =
    "The council\xe2\x80\x99s corporate parenting board meets.\n"
    "Young people said \xe2\x80\x9cwe want to be listened to\xe2\x80\x9d and\n"
    "care leavers aged 18\xe2\x80\x93" "21 are improving. The sufficiency strat-\n"
    "egy is not yet effective.";
  gsize start = 0, end = 0;

  g_assert_true (pb_text_find (page, "council's corporate", PB_TEXT_FIND_WHOLE_WORDS, &start, &end));
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, strlen ("The council\xe2\x80\x99s corporate"));
  g_assert_true (pb_text_find (page, "said \"we want to be\nlistened to\"", PB_TEXT_FIND_WHOLE_WORDS, NULL, NULL));
  g_assert_true (pb_text_find (page, "aged 18-21", PB_TEXT_FIND_WHOLE_WORDS, NULL, NULL));
  g_assert_true (pb_text_find (page, "sufficiency strategy is", PB_TEXT_FIND_WHOLE_WORDS, NULL, NULL));

  /* Whole words: "are" is not in "care"; a cut word is found without. */
  g_assert_false (pb_text_find ("care leavers", "are leavers", PB_TEXT_FIND_WHOLE_WORDS, NULL, NULL));
  g_assert_true (pb_text_find ("care leavers", "are leavers", PB_TEXT_FIND_DEFAULT, NULL, NULL));
  g_assert_false (pb_text_find (page, "...", PB_TEXT_FIND_DEFAULT, NULL, NULL));
  g_assert_false (pb_text_find (page, "not in the page", PB_TEXT_FIND_DEFAULT, NULL, NULL));
}

static void
test_fingerprint (void)
{
  const char *a[] = { "Care leavers are well supported by personal advisers.", "Page two of the report, with words." };
  const char *b[] = { "Care  leavers are well\nsupported by personal advisers.", "Page two of the report, with words." };
  const char *c[] = { "Care leavers are well supported by personal advisers.", "Page two of the report, with other words." };
  const char *d[] = { "Care leavers are well supported by personal advisers. Page two of the report, with words.", "" };
  const char *scan[] = { "", " ", "1" };
  g_autofree char *fa = pb_text_fingerprint (a, 2);
  g_autofree char *fb = pb_text_fingerprint (b, 2);
  g_autofree char *fc = pb_text_fingerprint (c, 2);
  g_autofree char *fd = pb_text_fingerprint (d, 2);

  g_assert_cmpuint (strlen (fa), ==, 64);
  g_assert_cmpstr (fa, ==, fb);           /* the same words, however laid out */
  g_assert_cmpstr (fa, !=, fc);
  g_assert_cmpstr (fa, !=, fd);           /* the same words on other pages */
  g_assert_null (pb_text_fingerprint (scan, 3));

  /* Libraries keep fingerprints from earlier versions, so what is hashed
   * stays put: each page's letters and digits in lower case, a form feed
   * after each page. */
  {
    const char *folded = "careleaversarewellsupportedbypersonaladvisers\f"
                         "pagetwoofthereportwithwords\f";
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folded, -1);
    g_autofree char *one = pb_text_fingerprint_fold (a[0]);
    g_autofree char *two = pb_text_fingerprint_fold (a[1]);
    const char *pages[] = { one, two };
    g_autofree char *of_folded = pb_text_fingerprint_of_folded (pages, 2);

    g_assert_cmpstr (fa, ==, expected);
    g_assert_cmpstr (one, ==, "careleaversarewellsupportedbypersonaladvisers");
    g_assert_cmpstr (of_folded, ==, fa);
  }
}

static void
test_page_bodies (void)
{
  const char *pages[] = {
    "Fernleigh inspection\n12. Personal advisers keep in touch.\n13. Pathway plans for care leavers are not consistently\nPage 1 of 3",
    "Fernleigh inspection\nupdated when their circumstances change, and some plans\nare not written with young people.\nPage 2 of 3",
    "Fernleigh inspection\n14. Care leavers have a generous offer.\nPage 3 of 3",
  };
  g_autofree PbTextSpan *bodies = pb_text_find_page_bodies (pages, 3);
  g_autoptr(GPtrArray) joins = pb_text_page_break_joins (pages, 3);
  g_autofree char *first = g_strndup (pages[0], bodies[0].end);

  g_assert_true (g_str_has_prefix (pages[0] + bodies[0].start, "12. Personal"));
  g_assert_true (g_str_has_suffix (first, "not consistently"));
  g_assert_true (g_str_has_prefix (pages[1] + bodies[1].start, "updated when"));

  g_assert_cmpuint (joins->len, ==, 2);
  g_assert_null (strstr (g_ptr_array_index (joins, 0), "Page"));
  g_assert_nonnull (strstr (g_ptr_array_index (joins, 0), "not consistently\nupdated when"));

  g_assert_true (pb_text_line_is_page_number ("Page 7", -1));
  g_assert_true (pb_text_line_is_page_number ("- 7 -", -1));
  g_assert_true (pb_text_line_is_page_number ("7 of 20", -1));
  g_assert_false (pb_text_line_is_page_number ("7. Children in care", -1));
}

static void
test_hyphen_joins (void)
{
  g_autofree char *joins = pb_text_hyphen_joins ("The authority's sufficiency strat-\negy is not yet effective.\n"
                                                 "Some long-\nterm plans. Page 2018 \xe2\x80\x93\n2019.\nA-\nB");

  g_assert_nonnull (strstr (joins, "sufficiency strategy is"));
  g_assert_nonnull (strstr (joins, "longterm"));
  g_assert_null (strstr (joins, "20182019"));      /* a dash breaks no word */
  g_assert_null (strstr (joins, "AB"));            /* nor a hyphen between capitals */
}

/* What is typed is normalised as page text is. */
static void
test_query_normalized (void)
{
  g_autofree char *ligature = pb_search_build_fts_query ("modi\xef\xac\x81" "ed", NULL);
  g_autofree char *soft = pb_search_build_fts_query ("place\xc2\xad" "ment", NULL);

  g_assert_cmpstr (ligature, ==, "\"modified\"");
  g_assert_cmpstr (soft, ==, "\"placement\"");
}

/* Bytes that are not UTF-8 (a damaged library, a command line in another
 * locale) are mended, never stepped over as UTF-8: a lead byte at the very
 * end would otherwise send the reader past the string. */
static void
test_not_utf8 (void)
{
  const char *bad = "Care \xff leavers\xe2";
  const char *mended = "Care \xef\xbf\xbd leavers\xef\xbf\xbd";
  g_autofree char *normalized = pb_text_normalize (bad);
  g_autofree char *plain = pb_text_to_plain (bad);
  g_autofree char *fingerprint_bad = NULL;
  g_autofree char *fingerprint_mended = NULL;
  const char *bad_pages[] = { bad, bad, bad, bad, bad, bad, bad, bad, bad, bad };
  const char *mended_pages[] = { mended, mended, mended, mended, mended, mended, mended, mended, mended, mended };
  PbTextKey *key = pb_text_key_new (bad, strlen (bad));
  PbTextKey *quote = pb_text_key_new ("leavers\xe2", -1);
  guint start, end;

  g_assert_cmpstr (normalized, ==, mended);
  g_assert_cmpstr (plain, ==, mended);
  g_assert_true (pb_text_key_find (key, quote, 0, 0, &start, &end));
  g_assert_false (pb_text_find (bad, "leavers", 0, NULL, NULL));

  fingerprint_bad = pb_text_fingerprint (bad_pages, G_N_ELEMENTS (bad_pages));
  fingerprint_mended = pb_text_fingerprint (mended_pages, G_N_ELEMENTS (mended_pages));
  g_assert_nonnull (fingerprint_mended);
  g_assert_cmpstr (fingerprint_bad, ==, fingerprint_mended);

  pb_text_key_free (quote);
  pb_text_key_free (key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-fold/normalize", test_normalize);
  g_test_add_func ("/text-fold/find-typed-quotes", test_find_typed_quotes);
  g_test_add_func ("/text-fold/fingerprint", test_fingerprint);
  g_test_add_func ("/text-fold/page-bodies", test_page_bodies);
  g_test_add_func ("/text-fold/hyphen-joins", test_hyphen_joins);
  g_test_add_func ("/text-fold/query-normalized", test_query_normalized);
  g_test_add_func ("/text-fold/not-utf8", test_not_utf8);

  return g_test_run ();
}
