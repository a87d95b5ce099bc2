/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>

#include "pb-pdf-text.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"
#include "pb-test-util.h"

/* Reports of the single inspection framework (2013-2017) in each of the
 * layouts they were published in: the judgement table with its grades on
 * the label's line, wrapped, or in a right-hand column beside labels wrapped
 * over lines; the adoption and care-leaver rows indented; the overall
 * judgement in each of its sentences; re-inspections; reports without the
 * LSCB review. Each is written as a PDF with its words placed as the
 * published layout places them, and read both from the page text alone and
 * with the tagged table where the PDF is tagged. */

typedef struct
{
  const char *label;
  const char *grade[2];    /* the grade's lines: "Requires" / "improvement" */
  gboolean    indented;    /* a sub-judgement, set in under its parent */
  gboolean    wrapped;     /* the label over two lines: "… achieving" / "permanence" */
} Row;

typedef enum
{
  GRADE_ON_LINE,       /* "1. Children who need help and protection Good" */
  GRADE_IN_COLUMN,     /* a right-hand column, centred on its row */
} GradePlace;

/* The page text of every page, as import reads it. */
static GPtrArray *
page_texts (const char *pdf)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (document);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), i));

      g_ptr_array_add (pages, pb_pdf_page_get_reading_text (POPPLER_PAGE (page)));
    }
  g_ptr_array_add (pages, NULL);
  return pages;
}

static PbStructure *
read_layout (const char *pdf)
{
  g_autoptr(GPtrArray) pages = page_texts (pdf);

  return pb_structure_read_text ((const char * const *)pages->pdata);
}

static gboolean
read_tagged (const char *pdf,
             PbGrade     grades[PB_N_JUDGEMENTS])
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  gboolean combined = FALSE;

  return pb_structure_read_tagged_judgements (POPPLER_DOCUMENT (document), grades, &combined);
}

static void
add (GArray     *texts,
     guint       page,
     double      x,
     double      y,
     const char *text,
     int         row,
     int         column)
{
  PbTestText t = { page, x, y, text, row, column };

  g_array_append_val (texts, t);
}

/* A SIF report: the authority and title, the dates, the overall line, the
 * judgement table as @place sets its grades with @gap points between rows,
 * then a page of numbered paragraphs and recommendations. */
static char *
write_sif (const char        *dir,
           const char        *name,
           const char * const *head,
           const char        *overall,
           const Row         *rows,
           guint              n_rows,
           GradePlace         place,
           double             gap,
           gboolean           tagged)
{
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (PbTestText));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  double y = 60;

  for (guint i = 0; head[i] != NULL; i++, y += 16)
    add (texts, 0, 72, y, head[i], -1, 0);
  add (texts, 0, 72, y += 14, overall, -1, 0);
  add (texts, 0, 72, y += 30, "The judgements on areas of the service that contribute to overall effectiveness are:", -1, 0);
  y += 34;

  for (guint r = 0; r < n_rows; r++)
    {
      const Row *row = &rows[r];
      double x = row->indented ? 100 : 72;
      double label_height = row->wrapped ? 14 : 0;
      double grade_height = row->grade[1] ? 14 : 0;
      double middle = y + label_height / 2;

      /* An indented row has an empty cell before its label. */
      if (row->indented && tagged)
        add (texts, 0, 72, y, " ", (int)r, 0);

      if (row->wrapped)
        {
          GStrv words = g_strsplit (row->label, "|", 2);

          add (texts, 0, x, y, words[0], (int)r, 1);
          add (texts, 0, x, y + 14, words[1], (int)r, 1);
          g_ptr_array_add (keep, words);
        }
      else
        add (texts, 0, x, y, row->label, (int)r, 1);

      if (place == GRADE_ON_LINE && !row->wrapped && row->grade[1] == NULL)
        add (texts, 0, 360, y, row->grade[0], (int)r, 2);
      else
        {
          /* Centred on the row: a two-line grade beside a one-line label
           * starts above the label's line. */
          double top = middle - grade_height / 2;

          add (texts, 0, 400, top, row->grade[0], (int)r, 2);
          if (row->grade[1] != NULL)
            add (texts, 0, 400, top + 14, row->grade[1], (int)r, 2);
        }
      y += MAX (label_height, grade_height) + gap;
    }

  add (texts, 1, 72, 80, "Summary for children and young people", -1, 0);
  add (texts, 1, 72, 100, "1. Inspectors spoke to many children and young people during the inspection.", -1, 0);
  add (texts, 1, 72, 116, "2. Children are seen and seen alone by their social workers.", -1, 0);
  add (texts, 1, 72, 140, "What does the local authority need to improve?", -1, 0);
  add (texts, 1, 72, 156, "Priority and immediate action", -1, 0);
  add (texts, 1, 72, 172, "3. Ensure that children at risk of sexual exploitation are seen promptly.", -1, 0);
  add (texts, 1, 72, 188, "Areas for improvement", -1, 0);
  add (texts, 1, 72, 204, "Help and protection", -1, 0);
  add (texts, 1, 72, 220, "4. Improve the quality of assessments so that they analyse risk.", -1, 0);
  add (texts, 1, 72, 236, "Leadership, management and governance", -1, 0);
  add (texts, 1, 72, 252, "5. Ensure that managers oversee plans and challenge drift.", -1, 0);
  add (texts, 1, 72, 276, "The local authority’s strengths", -1, 0);
  add (texts, 1, 72, 292, "6. Leaders know their services well.", -1, 0);
  add (texts, 1, 72, 330, "The inspection team", -1, 0);
  add (texts, 1, 72, 346, "Lead inspector: Ann Example HMI", -1, 0);

  return pb_test_write_layout_pdf (dir, name, (PbTestText *)texts->data, texts->len, tagged);
}

static const char * const head_lscb[] = {
  "Northmoor Metropolitan Borough Council",
  "Inspection of services for children in need of help and",
  "protection, children looked after and care leavers",
  "and",
  "Review of the effectiveness of the local safeguarding children board",
  "Inspection date: 3 June 2014 – 25 June 2014",
  "Report published: 8 August 2014",
  NULL,
};

static void
assert_grades (PbStructure   *s,
               const PbGrade  expected[PB_N_JUDGEMENTS])
{
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    {
      if (s->judgements[j] != expected[j])
        g_error ("%s: read %s, expected %s", pb_judgement_to_slug (j),
                 pb_grade_to_slug (s->judgements[j]) ? pb_grade_to_slug (s->judgements[j]) : "none",
                 pb_grade_to_slug (expected[j]) ? pb_grade_to_slug (expected[j]) : "none");
    }
}

/* Reads @pdf every way: whole, from the layout's text alone, and (when
 * tagged) from the tagged table; each must give @expected. */
static PbStructure *
read_every_way (const char    *pdf,
                gboolean       tagged,
                const PbGrade  expected[PB_N_JUDGEMENTS])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbStructure) layout = read_layout (pdf);
  PbStructure *s = pb_structure_read_pdf (pdf, NULL, &error);
  PbGrade from_tags[PB_N_JUDGEMENTS] = { PB_GRADE_NONE };

  g_assert_no_error (error);
  g_assert_cmpint (s->type, ==, PB_DOCUMENT_SIF_INSPECTION);
  assert_grades (s, expected);
  assert_grades (layout, expected);

  g_assert_cmpint (read_tagged (pdf, from_tags), ==, tagged);
  for (PbJudgement j = PB_JUDGEMENT_LEADERS; tagged && j < PB_N_JUDGEMENTS; j++)
    g_assert_cmpint (from_tags[j], ==, expected[j]);

  return s;
}

/* Each table form, untagged and tagged: grades on the label's line; grades
 * wrapped over two lines in a right-hand column beside one-line labels (the
 * page text gives some after later labels, and the last split around the
 * next row: "Requires" / "3. Leadership, … Inadequate" / "Improvement");
 * the same set closer, when all the grades read after all the labels;
 * labels wrapped beside centred grades. The sub-judgements are indented,
 * tagged with an empty cell before them. */
static void
test_table_forms (void)
{
  static const Row on_line[] = {
    { "1. Children who need help and protection", { "Requires improvement", NULL }, FALSE, FALSE },
    { "2. Children looked after and achieving permanence", { "Good", NULL }, FALSE, FALSE },
    { "2.1 Adoption performance", { "Outstanding", NULL }, FALSE, FALSE },
    { "2.2 Experiences and progress of care leavers", { "Inadequate", NULL }, FALSE, FALSE },
    { "3. Leadership, management and governance", { "Good", NULL }, FALSE, FALSE },
  };
  static const Row wrapped_grades[] = {
    { "1. Children who need help and protection", { "Requires", "improvement" }, FALSE, FALSE },
    { "2. Children looked after and achieving permanence", { "Good", NULL }, FALSE, FALSE },
    { "2.1 Adoption performance", { "Outstanding", NULL }, TRUE, FALSE },
    { "2.2 Experiences and progress of care leavers", { "Requires", "Improvement" }, TRUE, FALSE },
    { "3. Leadership, management and governance", { "Inadequate", NULL }, FALSE, FALSE },
  };
  static const Row wrapped_labels[] = {
    { "1. Children who need help and protection", { "Good", NULL }, FALSE, FALSE },
    { "2. Children looked after and achieving|permanence", { "Requires", "improvement" }, FALSE, TRUE },
    { "2.1 Adoption performance", { "Inadequate", NULL }, TRUE, FALSE },
    { "2.2 Experiences and progress of care leavers", { "Good", NULL }, TRUE, FALSE },
    { "3. Leadership, management and|governance", { "Requires improvement", NULL }, FALSE, TRUE },
  };
  static const struct
  {
    const Row  *rows;
    GradePlace  place;
    double      gap;
    gboolean    in_order;   /* the page text gives each grade after its label */
    PbGrade     expected[PB_N_JUDGEMENTS];
  } forms[] = {
    { on_line, GRADE_ON_LINE, 24, TRUE,
      { PB_GRADE_GOOD, PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD, PB_GRADE_INADEQUATE, PB_GRADE_OUTSTANDING } },
    { wrapped_grades, GRADE_IN_COLUMN, 10, FALSE,
      { PB_GRADE_GOOD, PB_GRADE_INADEQUATE, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT,
        PB_GRADE_OUTSTANDING } },
    /* Closer, the grades read after all the labels. */
    { wrapped_grades, GRADE_IN_COLUMN, 8, FALSE,
      { PB_GRADE_GOOD, PB_GRADE_INADEQUATE, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT,
        PB_GRADE_OUTSTANDING } },
    { wrapped_labels, GRADE_IN_COLUMN, 24, TRUE,
      { PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD,
        PB_GRADE_INADEQUATE } },
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    for (int tagged = 0; tagged <= 1; tagged++)
      {
        g_autofree char *name = g_strdup_printf ("sif-%u-%d.pdf", f, tagged);
        g_autofree char *pdf = write_sif (dir, name, head_lscb, "The overall judgement is that children’s services are good",
                                          forms[f].rows, 5, forms[f].place, forms[f].gap, tagged);
        g_autoptr(PbStructure) s = NULL;

        g_test_message ("table form %u, %s", f, tagged ? "tagged" : "untagged");
        s = read_every_way (pdf, tagged, forms[f].expected);

        /* Out of order in the page text, the grades are the tags'. */
        g_assert_true (g_ptr_array_find_with_equal_func (s->reasons, tagged && !forms[f].in_order
                                                                     ? "judgement table (tagged): 5 rows"
                                                                     : "judgement table (layout): 5 rows",
                                                         g_str_equal, NULL));
        g_assert_false (s->reinspection);
        g_assert_false (s->cic_and_care_leavers_combined);
        g_assert_cmpstr (s->local_authority, ==, "Northmoor");
        g_assert_cmpstr (s->lead_inspector, ==, "Ann Example");
        g_assert_cmpuint (g_date_get_day (&s->inspection_start), ==, 3);
        g_assert_cmpuint (g_date_get_day (&s->inspection_end), ==, 25);
        g_assert_cmpuint (g_date_get_year (&s->published), ==, 2014);

        /* The table's numbered rows are not the report's paragraphs. */
        g_assert_cmpuint (s->paragraphs->len, ==, 6);
        g_assert_cmpuint (g_array_index (s->paragraphs, PbParagraph, 0).page, ==, 2);
      }

  pb_test_remove_dir (dir);
}

/* The overall judgement in each sentence the SIF reports used, wrapped or
 * not, with a footnote's number after it or not; "not yet good" is not a
 * grade. */
static void
test_overall_forms (void)
{
  static const struct
  {
    const char *line;
    PbGrade     grade;
  } forms[] = {
    { "The overall judgement is that children’s services are good", PB_GRADE_GOOD },
    { "The overall judgement is that children’s services require\nimprovement", PB_GRADE_REQUIRES_IMPROVEMENT },
    { "The overall judgement is that children's services\nare inadequate", PB_GRADE_INADEQUATE },
    { "The overall judgement is requires improvement", PB_GRADE_REQUIRES_IMPROVEMENT },
    { "The overall judgement is outstanding", PB_GRADE_OUTSTANDING },
    { "The overall judgement is that children’s services are inadequate2", PB_GRADE_INADEQUATE },
    { "Children’s services in Northmoor are inadequate", PB_GRADE_INADEQUATE },
    { "Children’s services in Northmoor require improvement to be good", PB_GRADE_REQUIRES_IMPROVEMENT },
    { "Children’s services in Northmoor requires improvement to be\ngood", PB_GRADE_REQUIRES_IMPROVEMENT },
    { "Children’s services in Kingston upon Thames are good", PB_GRADE_GOOD },
    { "Children’s services in Northmoor are not yet good", PB_GRADE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *page = g_strdup_printf ("Northmoor Council\n"
                                               "Inspection of services for children in need of help and\n"
                                               "protection, children looked after and care leavers\n"
                                               "Inspection date: 3 March 2015 – 26 March 2015\n%s\n"
                                               "1. Children who need help and protection Good\n"
                                               "2. Children looked after and achieving permanence Good\n"
                                               "3. Leadership, management and governance Good\n", forms[i].line);
      const char *pages[] = { page, NULL };
      g_autoptr(PbStructure) s = pb_structure_read_text (pages);

      g_test_message ("%s", forms[i].line);
      g_assert_cmpint (s->type, ==, PB_DOCUMENT_SIF_INSPECTION);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, forms[i].grade);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
    }
}

/* Re-inspections (2016-2018) have no LSCB review and name the authority
 * alone, or on the title's own line; "Re-inspection" and "Reinspection" are
 * both used. They are SIF inspections, marked as re-inspections. */
static void
test_reinspections (void)
{
  static const char * const dashed[] = {
    "Birchester",
    "Re-inspection of services for children in need of help and",
    "protection, children looked after and care leavers",
    "Inspection dates: 12 September 2016 to 6 October 2016",
    "Report published: 25 November 2016",
    NULL,
  };
  static const char * const solid[] = {
    "Westshire County Council",
    "Reinspection of services for children in need of help and",
    "protection, children looked after and care leavers",
    "Inspection date: 7 November 2017 to 30 November 2017",
    "Report published: 29 January 2018",
    NULL,
  };
  static const char * const one_line[] = {
    "Eastport City Council Re-inspection of services for children in need of help and",
    "protection, children looked after and care leavers",
    "Inspection dates: 9 October to 2 November 2017",
    "Report published: 21 December 2017",
    NULL,
  };
  static const Row rows[] = {
    { "1. Children who need help and protection", { "Inadequate", NULL }, FALSE, FALSE },
    { "2. Children looked after and achieving|permanence", { "Requires improvement", NULL }, FALSE, TRUE },
    { "2.1 Adoption performance", { "Requires improvement", NULL }, FALSE, FALSE },
    { "2.2 Experiences and progress of care leavers", { "Good", NULL }, FALSE, FALSE },
    { "3. Leadership, management and governance", { "Inadequate", NULL }, FALSE, FALSE },
  };
  static const PbGrade expected[PB_N_JUDGEMENTS] = {
    PB_GRADE_INADEQUATE, PB_GRADE_INADEQUATE, PB_GRADE_INADEQUATE, PB_GRADE_REQUIRES_IMPROVEMENT,
    PB_GRADE_GOOD, PB_GRADE_REQUIRES_IMPROVEMENT,
  };
  static const struct
  {
    const char * const *head;
    const char         *authority;
    const char         *start;
  } reports[] = {
    { dashed, "Birchester", "2016-09-12" },
    { solid, "Westshire", "2017-11-07" },
    { one_line, "Eastport", "2017-10-09" },
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strdup_printf ("reinspection-%u.pdf", i);
      g_autofree char *pdf = write_sif (dir, name, reports[i].head, "Children’s services in the area are inadequate",
                                        rows, G_N_ELEMENTS (rows), GRADE_IN_COLUMN, 24, i == 1);
      g_autoptr(PbStructure) s = read_every_way (pdf, i == 1, expected);
      char start[16];

      g_test_message ("%s", reports[i].head[0]);
      g_date_strftime (start, sizeof start, "%Y-%m-%d", &s->inspection_start);
      g_assert_true (s->reinspection);
      g_assert_cmpstr (s->local_authority, ==, reports[i].authority);
      g_assert_cmpstr (start, ==, reports[i].start);
      g_assert_true (g_ptr_array_find_with_equal_func (s->reasons, "title: re-inspection", g_str_equal, NULL));
    }

  pb_test_remove_dir (dir);
}

/* "What does the local authority need to improve?": numbered items under
 * subheadings, the first for priority action, up to the report's next
 * section. */
static void
test_recommendations (void)
{
  static const Row rows[] = {
    { "1. Children who need help and protection", { "Good", NULL }, FALSE, FALSE },
    { "2. Children looked after and achieving permanence", { "Good", NULL }, FALSE, FALSE },
    { "3. Leadership, management and governance", { "Good", NULL }, FALSE, FALSE },
  };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_sif (dir, "sif.pdf", head_lscb, "The overall judgement is good", rows,
                                    G_N_ELEMENTS (rows), GRADE_ON_LINE, 24, FALSE);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);
  PbRecommendation *recs = (PbRecommendation *)s->recommendations->data;

  g_assert_cmpuint (s->recommendations->len, ==, 3);
  g_assert_cmpstr (recs[0].text, ==, "Ensure that children at risk of sexual exploitation are seen promptly.");
  g_assert_true (recs[0].priority);
  g_assert_cmpstr (recs[1].text, ==, "Improve the quality of assessments so that they analyse risk.");
  g_assert_false (recs[1].priority);
  g_assert_cmpstr (recs[1].cohort, ==, "help_and_protection");
  g_assert_cmpstr (recs[2].text, ==, "Ensure that managers oversee plans and challenge drift.");
  g_assert_cmpuint (recs[2].page, ==, 2);

  pb_test_remove_dir (dir);
}

/* A contents page that lists the heading of the list ("What does the
 * local authority need to improve?", or "Recommendations"), its page
 * number beside it, under it or not given: the list is read under the
 * heading in the body. */
static void
test_recommendations_after_contents (void)
{
  static const char page1[] =
    "Northmoor Council\nInspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\nInspection date: 3 March 2015 – 26 March 2015\n"
    "The overall judgement is good\n1. Children who need help and protection\tGood\n"
    "2. Children looked after and achieving permanence\tGood\n3. Leadership, management and governance\tGood\n";
  /* Under the running header, above the footer. */
  static const char * const contents[] = {
    "Northmoor inspection report\nContents\nExecutive summary\t3\n%s\t3\nInformation about this inspection\t4\n"
    "Inspection of Northmoor: March 2015\n",
    "Northmoor inspection report\nContents\nExecutive summary\n%s\nInformation about this inspection\n3\n3\n4\n"
    "Inspection of Northmoor: March 2015\n",
    "Northmoor inspection report\nContents\n%s\nInspection of Northmoor: March 2015\n",
  };
  static const char * const headings[] = {
    "What does the local authority need to improve?",
    "Recommendations",
  };
  static const char body[] =
    "Northmoor inspection report\nExecutive summary\n1. Leaders know the quality of practice in their services well.\n"
    "%s\n"
    "2.\nEnsure that all children at risk of harm are seen promptly.\n"
    "3. Improve the quality of pathway plans so that they set out clear actions for care\nleavers.\n"
    "4. Ensure that management oversight is recorded on children’s files.\n"
    "Information about this inspection\nLead inspector: Janet Roe\nInspection of Northmoor: March 2015\n";
  g_autofree char *dir = pb_test_make_dir ();

  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
      {
        g_autofree char *name = g_strdup_printf ("contents-%u-%u.pdf", h, c);
        g_autoptr(GString) page2 = g_string_new (contents[c]);
        g_autoptr(GString) page3 = g_string_new (body);
        const char *pages[] = { page1, NULL, NULL, NULL };
        g_autofree char *pdf = NULL;
        g_autoptr(PbStructure) s = NULL;
        PbRecommendation *recs;

        g_string_replace (page2, "%s", headings[h], 0);
        g_string_replace (page3, "%s", headings[h], 0);
        pages[1] = page2->str;
        pages[2] = page3->str;
        pdf = pb_test_write_pdf (dir, name, pages, NULL);
        s = pb_structure_read_pdf (pdf, NULL, NULL);

        g_test_message ("%s, contents %u", headings[h], c);
        g_assert_cmpint (s->type, ==, PB_DOCUMENT_SIF_INSPECTION);
        g_assert_cmpuint (s->recommendations->len, ==, 3);
        recs = (PbRecommendation *)s->recommendations->data;
        g_assert_cmpstr (recs[0].text, ==, "Ensure that all children at risk of harm are seen promptly.");
        g_assert_cmpstr (recs[1].text, ==, "Improve the quality of pathway plans so that they set out clear actions "
                                           "for care leavers.");
        g_assert_cmpstr (recs[2].text, ==, "Ensure that management oversight is recorded on children's files.");
        g_assert_cmpuint (recs[0].page, ==, 3);
        g_assert_cmpstr (recs[1].cohort, ==, "care_leavers");
      }

  pb_test_remove_dir (dir);
}

/* The SIF body's section headings with their grades: the "Key judgement /
 * Judgement grade" box, a grade under a wrapped heading, and "The graded
 * judgement about … care leavers is that it requires improvement". */
static void
test_sections (void)
{
  const char *pages[] = {
    "Northmoor Council\nInspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\nInspection date: 3 March 2015 – 26 March 2015\n"
    "The overall judgement is good\n1. Children who need help and protection Good\n"
    "2. Children looked after and achieving permanence Good\n3. Leadership, management and governance Good\n",
    "Inspection judgements about the local authority\nKey judgement Judgement grade\n"
    "The experiences and progress of children\nwho need help and protection Good\nSummary\n"
    "1. Early help is effective.\n",
    "The experiences and progress of\nchildren looked after and achieving\npermanence\nRequires improvement\n"
    "Summary\n2. Most children live in stable homes.\n"
    "The graded judgment about the experience and progress of care leavers is\nthat it requires improvement\n"
    "3. Pathway plans are weak.\nLeadership, management and\ngovernance\nGood\n4. Leaders know their services.\n",
    NULL,
  };
  g_autoptr(PbStructure) s = pb_structure_read_text (pages);
  static const struct
  {
    const char *cohort;
    PbGrade     grade;
    guint       page;
  } expected[] = {
    { "help_and_protection", PB_GRADE_GOOD, 2 },
    { "children_in_care", PB_GRADE_REQUIRES_IMPROVEMENT, 3 },
    { "care_leavers", PB_GRADE_REQUIRES_IMPROVEMENT, 3 },
    { "leadership", PB_GRADE_GOOD, 3 },
  };

  g_assert_cmpuint (s->sections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PbSection *section = &g_array_index (s->sections, PbSection, i);

      g_assert_cmpstr (section->cohort, ==, expected[i].cohort);
      g_assert_cmpint (section->grade, ==, expected[i].grade);
      g_assert_cmpuint (section->first_page, ==, expected[i].page);
    }
  g_assert_cmpstr (g_array_index (s->sections, PbSection, 0).heading, ==,
                   "The experiences and progress of children who need help and protection");
  g_assert_cmpuint (s->paragraphs->len, ==, 4);
  g_assert_cmpstr (g_array_index (s->paragraphs, PbParagraph, 2).cohort, ==, "care_leavers");
}

/* The judgement table at the top of page 2, each grade on the line under
 * its label and the overall row first ("Children's services in the local
 * authority"), after a first page that may end with a contents list naming
 * the judgements with dot leaders and page numbers: the contents' names
 * take no grade, the grades stay with their own rows, and the overall row
 * is read though it starts the page. */
static void
test_table_after_contents (void)
{
  static const char page1[] =
    "Northmoor\nInspection of services for children in need of help and protection, children looked after\n"
    "and care leavers\nInspection date: 3 June 2014 – 25 June 2014\nLead inspector: Janet Roe\n";
  static const char * const contents[] = {
    "",
    "Contents\nSummary of key findings ........ 2\nChildren who need help and protection ........ 6\n"
    "Leadership, management and governance ........ 16\n",
    "Contents\nSummary of key findings ........ 2\nChildren who need help and protection ........ 6\n"
    "Children looked after and achieving permanence ........ 10\n"
    "Leadership, management and governance ........ 16\nReview of the LSCB ........ 20\n",
  };
  static const char * const numbers[][4] = {
    { "", "", "", "" },
    { "1. ", "2. ", "3. ", "" },
  };
  static const PbGrade expected[PB_N_JUDGEMENTS] = {
    PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_INADEQUATE, PB_GRADE_REQUIRES_IMPROVEMENT, PB_GRADE_GOOD, PB_GRADE_GOOD,
    PB_GRADE_OUTSTANDING,
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
    for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
      {
        g_autofree char *name = g_strdup_printf ("contents-table-%u-%u.pdf", c, n);
        g_autofree char *first = g_strconcat (page1, contents[c], NULL);
        g_autofree char *second = g_strdup_printf ("Children’s services in the local authority\nRequires improvement\n"
                                                   "%sChildren who need help and protection\nRequires improvement\n"
                                                   "%sChildren looked after and achieving permanence\nGood\n"
                                                   "2.1 Adoption performance\nOutstanding\n"
                                                   "2.2 Experiences and progress of care leavers\nGood\n"
                                                   "%sLeadership, management and governance\nInadequate\n"
                                                   "Summary for children and young people\n"
                                                   "Inspectors found that children are kept safe and that the "
                                                   "help they are given makes a difference to them.\n",
                                                   numbers[n][0], numbers[n][1], numbers[n][2]);
        const char *pages[] = { first, second, NULL };
        g_autofree char *pdf = pb_test_write_pdf (dir, name, pages, NULL);
        g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);
        g_autoptr(PbStructure) t = pb_structure_read_text (pages);

        g_test_message ("contents %u, numbered %u", c, n);
        g_assert_cmpint (s->type, ==, PB_DOCUMENT_SIF_INSPECTION);
        assert_grades (s, expected);
        g_assert_cmpint (t->type, ==, PB_DOCUMENT_SIF_INSPECTION);
        assert_grades (t, expected);
      }

  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/structure-sif/table-forms", test_table_forms);
  g_test_add_func ("/structure-sif/overall-forms", test_overall_forms);
  g_test_add_func ("/structure-sif/reinspections", test_reinspections);
  g_test_add_func ("/structure-sif/recommendations", test_recommendations);
  g_test_add_func ("/structure-sif/recommendations-after-contents", test_recommendations_after_contents);
  g_test_add_func ("/structure-sif/sections", test_sections);
  g_test_add_func ("/structure-sif/table-after-contents", test_table_after_contents);

  return g_test_run ();
}
