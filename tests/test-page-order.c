/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-quote-locate.h"
#include "pb-page-kinds-draw.h"
#include "pb-page-kinds.h"
#include "pb-test-util.h"

/* Reading order of words placed one by one, as tables without rules are
 * set: row by row, left to right, on upright pages and on pages drawn in a
 * turned frame, whether the turning matrix is square or a hair off it. */

typedef PbKindsFixture Fixture;

/* Anyway: the variants of one page have the same text. */
static gint64
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PbImportStatus status = PB_IMPORT_STATUS_FAILED;
  gint64 id = 0;

  pb_import_file_full (f->library, file, NULL, PB_IMPORT_ANYWAY, NULL, NULL, NULL, &status, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, PB_IMPORT_STATUS_IMPORTED);
  return id;
}

/* The page's text as stored, for the log. */
static void
log_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = G_OBJECT (pb_pdf_open (pdf, NULL, &error));
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = pb_pdf_document_get_reading_text (POPPLER_DOCUMENT (document), 0);
  g_test_message ("%s:\n%s", pdf, text);
}

static void
assert_found_once (Fixture    *f,
                   const char *query,
                   gint64      report_id)
{
  guint n = pb_test_kinds_count_hits (f->library, query, report_id, 1);

  if (n != 1)
    g_error ("search for %s found report %" G_GINT64_FORMAT " page 1 %u times, not once", query, report_id, n);
}

/* The quote matches, and covers its words as pdftotext -bbox boxes them,
 * read row by row. */
static void
assert_cells_covered (const char *pdf,
                      const char *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = pb_pdf_locate_quote (pdf, NULL, 1, quote, &error);
  g_autoptr(GPtrArray) words = pb_test_kinds_words (pdf, NULL);
  g_autoptr(GPtrArray) run = pb_test_kinds_words_of_rows (words, 1, quote);

  g_assert_no_error (error);
  g_assert_nonnull (anchors);
  pb_test_kinds_assert_covered (anchors, run);
}

/* Cells of a table far apart (a wide gap between columns), with a heading
 * line and a line of prose under the table. */
static const PbTestPlaced wide_cells[] = {
  { "Care leavers in education", 60, 60 },
  { "Year", 60, 100 }, { "Leavers", 170, 100 }, { "In EET", 260, 100 }, { "Suitable accommodation", 380, 100 },
  { "2021", 60, 120 }, { "142", 170, 120 }, { "61 percent", 260, 120 }, { "88 percent", 380, 120 },
  { "2022", 60, 140 }, { "150", 170, 140 }, { "58 percent", 260, 140 }, { "90 percent", 380, 140 },
  { "The proportion in education has fallen.", 60, 180 },
};

/* Tester's item 2: in a frame turned 180° or 270° with a matrix a hair off
 * square, the cells of a row were stored right to left. */
static void
test_turned_off_square (Fixture       *f,
                        gconstpointer  data)
{
  static const int turns[] = { 0, 90, 180, 270 };
  static const double skews[] = { 0, 1e-6, 1e-8 };

  for (guint t = 0; t < G_N_ELEMENTS (turns); t++)
    for (guint s = 0; s < G_N_ELEMENTS (skews); s++)
      {
        g_autofree char *name = g_strdup_printf ("rows-%d-%g.pdf", turns[t], skews[s]);
        PbTestPlaced cells[G_N_ELEMENTS (wide_cells) + 1];
        g_autofree char *pdf = NULL;
        gint64 id;

        /* A line of its own, so that no two files are the same. */
        memcpy (cells, wide_cells, sizeof wide_cells);
        cells[G_N_ELEMENTS (wide_cells)] = (PbTestPlaced) { name, 60, 300 };
        pdf = pb_test_kinds_write_placed (f->dir, name, cells, G_N_ELEMENTS (cells), turns[t], skews[s], TRUE);
        id = import (f, pdf);

        log_text (pdf);
        assert_found_once (f, "\"2021 142 61 percent 88 percent\"", id);
        assert_found_once (f, "\"Year Leavers In EET Suitable accommodation\"", id);
        assert_found_once (f, "\"58 percent 90 percent The proportion\"", id);
        assert_cells_covered (pdf, "Year Leavers In EET Suitable accommodation");
        assert_cells_covered (pdf, "2022 150 58 percent 90 percent");
      }
}

/* Cells placed close, as a table without rules: poppler reads them column
 * by column ("Placement type Foster care Residential … 2022 312 …"). */
static const PbTestPlaced close_cells[] = {
  { "Placements at 31 March", 60, 60 },
  { "Placement type", 60, 100 }, { "2022", 190, 100 }, { "2023", 240, 100 }, { "2024", 290, 100 },
  { "Foster care", 60, 118 }, { "312", 190, 118 }, { "298", 240, 118 }, { "305", 290, 118 },
  { "Residential", 60, 136 }, { "41", 190, 136 }, { "44", 240, 136 }, { "39", 290, 136 },
  { "Kinship", 60, 154 }, { "27", 190, 154 }, { "31", 240, 154 }, { "35", 290, 154 },
  { "Foster care remains the most common placement.", 60, 190 },
};

/* Tester's item 7: a table of separately placed cells reads row by row. */
static void
test_cells_by_row (Fixture       *f,
                   gconstpointer  data)
{
  static const int turns[] = { 0, 90, 180, 270 };

  for (guint t = 0; t < G_N_ELEMENTS (turns); t++)
    {
      g_autofree char *name = g_strdup_printf ("cells-%d.pdf", turns[t]);
      g_autofree char *pdf = pb_test_kinds_write_placed (f->dir, name, close_cells, G_N_ELEMENTS (close_cells),
                                                         turns[t], 0, TRUE);
      gint64 id = import (f, pdf);

      log_text (pdf);
      assert_found_once (f, "\"Placement type 2022 2023 2024\"", id);
      assert_found_once (f, "\"Foster care 312 298 305\"", id);
      assert_found_once (f, "\"Kinship 27 31 35 Foster care remains\"", id);
      assert_cells_covered (pdf, "Residential 41 44 39");
    }
}

/* Lines of Hebrew and Arabic in an English leaflet, set right to left. */
static const PbTestPlaced leaflet[] = {
  { "Information for young people leaving care", 60, 60 },
  { "\xd7\x94\xd7\x9e\xd7\x99\xd7\x93\xd7\xa2 \xd7\x96\xd7\x9e\xd7\x99\xd7\x9f "
    "\xd7\x91\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa \xd7\x9c\xd7\xa4\xd7\x99 "
    "\xd7\x91\xd7\xa7\xd7\xa9\xd7\x94", 300, 90 },
  { "Personal advisers visit care leavers every eight weeks.", 60, 120 },
  { "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd9\x83\xd9\x85 \xd9\x81\xd9\x8a "
    "\xd9\x81\xd8\xb1\xd9\x8a\xd9\x82 \xd8\xa7\xd9\x84\xd8\xb1\xd8\xb9\xd8\xa7\xd9\x8a\xd8\xa9", 300, 150 },
  { "Pathway plans are reviewed with every young person.", 60, 180 },
};

/* Tester's item 4: right-to-left lines are stored in the order they are
 * read (poppler lists their runs left to right), so search and quotes find
 * their words and phrases. */
static void
test_right_to_left_order (Fixture       *f,
                          gconstpointer  data)
{
  /* המידע זמין בעברית; مرحبا بكم في فريق */
  const char *hebrew = "\xd7\x94\xd7\x9e\xd7\x99\xd7\x93\xd7\xa2 \xd7\x96\xd7\x9e\xd7\x99\xd7\x9f "
                       "\xd7\x91\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa";
  const char *arabic = "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd9\x83\xd9\x85 "
                       "\xd9\x81\xd9\x8a \xd9\x81\xd8\xb1\xd9\x8a\xd9\x82";
  g_autofree char *pdf = pb_test_kinds_write_placed (f->dir, "leaflet.pdf", leaflet, G_N_ELEMENTS (leaflet), 0, 0,
                                                     FALSE);
  g_autofree char *hebrew_phrase = g_strdup_printf ("\"%s\"", hebrew);
  g_autofree char *arabic_phrase = g_strdup_printf ("\"%s\"", arabic);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = NULL;
  gint64 id = import (f, pdf);

  log_text (pdf);
  assert_found_once (f, hebrew_phrase, id);
  assert_found_once (f, arabic_phrase, id);
  /* בעברית */
  assert_found_once (f, "\xd7\x91\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa", id);
  assert_found_once (f, "\"Personal advisers visit\"", id);

  anchors = pb_pdf_locate_quote (pdf, NULL, 1, hebrew, &error);
  g_assert_no_error (error);
  g_assert_nonnull (anchors);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-order/turned-off-square", Fixture, NULL, pb_test_kinds_fixture_setup, test_turned_off_square,
              pb_test_kinds_fixture_teardown);
  g_test_add ("/page-order/cells-by-row", Fixture, NULL, pb_test_kinds_fixture_setup, test_cells_by_row,
              pb_test_kinds_fixture_teardown);

  g_test_add ("/page-order/right-to-left", Fixture, NULL, pb_test_kinds_fixture_setup, test_right_to_left_order,
              pb_test_kinds_fixture_teardown);

  return g_test_run ();
}
