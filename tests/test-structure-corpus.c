/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>

#include "pb-pdf-text.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"
#include "pb-test-util.h"

/* Structure reading checked against real published reports: every field of
 * each corpus folder's expected.csv (hand-checked against the PDFs), read
 * whole, from the page text alone and from the tagged table; and the
 * seeds' council papers, which must stay "other". Skips, saying so, when
 * the shared corpus is not here. */

typedef struct
{
  const char *folder;
  guint       n_reports;
  const char *reinspections[4];   /* the files that are SIF re-inspections */
} Folder;

static const Folder ilacs_folder = { "ilacs", 14, { NULL } };
static const Folder variants_folder = { "variants", 7, { "birmingham-2016-nov.pdf", "somerset-2018-jan.pdf", NULL } };

static char *
iso (const GDate *date)
{
  char text[16] = "";

  if (g_date_valid (date))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static const char *
grade (PbStructure *s,
       PbJudgement  j)
{
  const char *slug = pb_grade_to_slug (s->judgements[j]);
  return slug ? slug : "";
}

/* The grades read both ways: from the layout text alone, and from the
 * tagged table when the PDF has one (returns FALSE when it has none). */
static gboolean
read_both_ways (const char  *pdf,
                PbStructure **layout,
                PbGrade      *tagged,
                gboolean     *tagged_combined,
                GArray      **tagged_sections)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  PopplerDocument *doc = POPPLER_DOCUMENT (document);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, i));
      g_ptr_array_add (pages, pb_pdf_page_get_reading_text (POPPLER_PAGE (page)));
    }
  g_ptr_array_add (pages, NULL);

  *layout = pb_structure_read_text ((const char * const *)pages->pdata);
  *tagged_sections = pb_structure_read_tagged_sections (doc);
  return pb_structure_read_tagged_judgements (doc, tagged, tagged_combined);
}

/* Every field of a folder's expected.csv, for every report in it. */
static void
test_expected (gconstpointer data)
{
  const Folder *folder = data;
  g_autofree char *csv_relative = g_build_filename (folder->folder, "expected.csv", NULL);
  g_autofree char *csv_path = pb_test_corpus_path (csv_relative);
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  guint checked = 0, tagged_tables = 0, tagged_headings = 0;

  if (csv_path == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  rows = g_strsplit (csv, "\n", -1);

  for (guint r = 1; rows[r] != NULL; r++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *relative = NULL;
      g_autofree char *pdf = NULL;
      g_autoptr(PbStructure) s = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_strchomp (rows[r]);
      if (*rows[r] == '\0')
        continue;

      f = g_strsplit (rows[r], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 13);

      relative = g_build_filename (folder->folder, f[0], NULL);
      pdf = pb_test_corpus_path (relative);
      g_assert_nonnull (pdf);
      s = pb_structure_read_pdf (pdf, NULL, &error);
      g_assert_no_error (error);

      g_test_message ("checking %s", f[0]);
      g_assert_cmpstr (pb_document_type_to_slug (s->type), ==,
                       g_str_equal (f[1], "sif") ? "sif_inspection" : "ilacs_inspection");
      g_assert_cmpstr (s->local_authority, ==, f[2]);
      start = iso (&s->inspection_start);
      end = iso (&s->inspection_end);
      g_assert_cmpstr (start, ==, f[3]);
      g_assert_cmpstr (end, ==, f[4]);
      g_assert_cmpstr (s->lead_inspector, ==, f[5]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_OVERALL), ==, f[6]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_LEADERS), ==, f[7]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_HELP_AND_PROTECTION), ==, f[8]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_CHILDREN_IN_CARE), ==, f[9]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_CARE_LEAVERS), ==, f[10]);
      g_assert_cmpstr (grade (s, PB_JUDGEMENT_ADOPTION), ==, f[11]);
      g_assert_cmpint (s->cic_and_care_leavers_combined, ==, g_str_equal (f[12], "yes"));
      g_assert_cmpint (s->reinspection, ==, g_strv_contains (folder->reinspections, f[0]));
      g_assert_cmpuint (s->reasons->len, >, 0);

      /* The layout text alone and the tagged table agree, wherever the
       * table is there to read. */
      {
        g_autoptr(PbStructure) layout = NULL;
        g_autoptr(GArray) tagged_sections = NULL;
        PbGrade tagged[PB_N_JUDGEMENTS];
        gboolean tagged_combined = FALSE;

        if (read_both_ways (pdf, &layout, tagged, &tagged_combined, &tagged_sections))
          {
            guint n_tagged = 0;

            for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
              if (tagged[j] != PB_GRADE_NONE)
                {
                  g_assert_cmpint (tagged[j], ==, layout->judgements[j]);
                  n_tagged++;
                }
            g_assert_cmpuint (n_tagged, >=, 3);
            g_assert_cmpint (tagged_combined, ==, layout->cic_and_care_leavers_combined);
            tagged_tables++;
          }

        for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
          g_assert_cmpint (layout->judgements[j], ==, s->judgements[j]);

        /* Each section its tagged heading names, the layout text finds too,
         * with the same grade. */
        for (guint k = 0; tagged_sections != NULL && k < tagged_sections->len; k++)
          {
            PbSection *heading = &g_array_index (tagged_sections, PbSection, k);
            gboolean found = FALSE;

            for (guint i = 0; i < layout->sections->len && !found; i++)
              {
                PbSection *section = &g_array_index (layout->sections, PbSection, i);

                found = g_strcmp0 (section->cohort, heading->cohort) == 0 && section->grade == heading->grade;
              }
            if (!found)
              g_error ("%s: the tagged heading \"%s\" has no matching section", f[0], heading->heading);
            tagged_headings++;
          }
      }

      /* Numbered paragraphs run from 1 without a gap. */
      g_assert_cmpuint (s->paragraphs->len, >, 20);
      for (guint i = 0; i < s->paragraphs->len; i++)
        g_assert_cmpuint (g_array_index (s->paragraphs, PbParagraph, i).number, ==, i + 1);

      checked++;
    }

  g_assert_cmpuint (checked, ==, folder->n_reports);
  g_test_message ("%u of %u reports have a tagged judgement table; %u tagged section headings",
                  tagged_tables, checked, tagged_headings);
  g_assert_cmpuint (tagged_tables, >, 0);
  g_assert_cmpuint (tagged_headings, >, 0);
}

static void
test_seeds (void)
{
  static const char * const others[] = {
    "seeds/focused-visit-cabinet-report-2023.pdf", "seeds/scrutiny-minutes-2018.pdf",
    "seeds/press-release-2023.pdf", "seeds/press-release-2024.pdf",
  };
  g_autofree char *ilacs = pb_test_corpus_path ("seeds/ilacs-2023-inspection.pdf");
  g_autoptr(PbStructure) s = NULL;
  g_autofree char *start = NULL;

  if (ilacs == NULL)
    {
      g_test_skip ("the shared corpus is not here; set PB_CORPUS_DIR");
      return;
    }

  s = pb_structure_read_pdf (ilacs, NULL, NULL);
  g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (s->local_authority, ==, "Barnsley");
  start = iso (&s->inspection_start);
  g_assert_cmpstr (start, ==, "2023-09-11");
  g_assert_cmpstr (s->lead_inspector, ==, "Anna Gravelle");
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
  g_assert_false (s->cic_and_care_leavers_combined);

  /* Council papers about inspections are not inspections. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = pb_test_corpus_path (others[i]);
      g_autoptr(PbStructure) other = pb_structure_read_pdf (path, NULL, NULL);

      g_test_message ("checking %s", others[i]);
      g_assert_cmpint (other->type, ==, PB_DOCUMENT_OTHER);
      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        g_assert_cmpint (other->judgements[j], ==, PB_GRADE_NONE);
      g_assert_cmpuint (other->paragraphs->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/structure-corpus/ilacs", &ilacs_folder, test_expected);
  g_test_add_data_func ("/structure-corpus/variants", &variants_folder, test_expected);
  g_test_add_func ("/structure-corpus/seeds", test_seeds);

  return g_test_run ();
}
