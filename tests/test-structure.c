/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-demo.h"
#include "pb-document.h"
#include "pb-import.h"
#include "pb-pdf-text.h"
#include "pb-pdf-writer.h"
#include "pb-reindex.h"
#include "pb-report-store.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure-store.h"
#include "pb-structure.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

static char *
iso (const GDate *date)
{
  char text[16] = "";

  if (g_date_valid (date))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static PbStructure *
read_pages (const char *page1,
            const char *page2)
{
  const char *pages[] = { page1, page2, NULL };
  return pb_structure_read_text (pages);
}

static void
assert_recommendations (PbStructure        *s,
                        const char * const *expected)
{
  guint n = g_strv_length ((char **)expected);

  g_assert_cmpuint (s->recommendations->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_array_index (s->recommendations, PbRecommendation, i).text, ==, expected[i]);
}

/* The lists of recommendations each kind of report has, and where they end. */
static void
test_recommendation_lists (void)
{
  g_autoptr(PbStructure) sif = read_pages (
    "Inspection of services for children in need of help and protection, children looked after and care leavers\n"
    "Northmoor Metropolitan Borough Council\nInspection date: 3 March 2015 – 26 March 2015\n"
    "Recommendations\n1. Ensure that thresholds of need are understood\nand applied.\n"
    "2. Improve the delivery of life story work.\nSummary for children and young people\n"
    "Inspectors spoke to many children.\n", NULL);
  g_autoptr(PbStructure) letter = read_pages (
    "Focused visit to Southdale local authority children’s services\n"
    "Inspection dates: 1 and 2 May 2024\nLead inspector: Di Name, His Majesty’s Inspector\n"
    "Areas for priority action\n\u25FC Children at risk of harm are seen promptly.\n"
    "What needs to improve in this area of social work practice?\n\u25FC The quality of plans.\n"
    "Main findings\nPersonal advisers know young people well.\n", NULL);
  g_autoptr(PbStructure) framework = read_pages (
    "Inspection of Eastmoor local authority children’s services\nInspection dates: 8 to 19 June 2026\n"
    "What needs to improve?\n\u25FC The quality of supervision, including decisions for\nchildren entering care.\n"
    "(outcome 2, national framework)\n\u25FC The support to young carers.\n"
    "The experiences and progress of children who need help and protection: good\n1. Children get help.\n",
    NULL);

  g_assert_cmpint (sif->type, ==, PB_DOCUMENT_SIF_INSPECTION);
  assert_recommendations (sif, (const char * const[]) {
    "Ensure that thresholds of need are understood and applied.",
    "Improve the delivery of life story work.", NULL });

  g_assert_cmpint (letter->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
  assert_recommendations (letter, (const char * const[]) {
    "The quality of plans.", "Children at risk of harm are seen promptly.", NULL });

  assert_recommendations (framework, (const char * const[]) {
    "The quality of supervision, including decisions for children entering care. (outcome 2, national framework)",
    "The support to young carers.", NULL });
}

/* A bulleted item wrapped just before a number ("… reach the age of" /
 * "17.") goes on over it: the number is its next word, not the report's
 * first paragraph ending the list, so neither the item nor the items
 * after it are lost. A numbered list's own next item still starts one. */
static void
test_recommendation_wrapped_number (void)
{
  g_autoptr(PbStructure) bullets = read_pages (
    "Inspection of Eastmoor local authority children’s services\nInspection dates: 8 to 19 June 2019\n"
    "What needs to improve\n"
    "\u25FC The provision of personal assistants for care leavers when they reach the age of\n17.\n"
    "\u25FC The availability of suitable accommodation for care leavers aged over\n18 years.\n"
    "The experiences and progress of children who need help and protection: good\n"
    "1. Children get help.\n2. Risks are understood.\n", NULL);
  g_autoptr(PbStructure) numbered = read_pages (
    "Inspection of services for children in need of help and protection, children looked after and care leavers\n"
    "Northmoor Metropolitan Borough Council\nInspection date: 3 March 2015 – 26 March 2015\n"
    "Recommendations\n1. Ensure that care leavers have personal assistants from the age of\n17.\n"
    "2. Improve the delivery of life story work.\nSummary for children and young people\n"
    "Inspectors spoke to many children.\n", NULL);

  assert_recommendations (bullets, (const char * const[]) {
    "The provision of personal assistants for care leavers when they reach the age of 17.",
    "The availability of suitable accommodation for care leavers aged over 18 years.", NULL });
  g_assert_cmpuint (bullets->paragraphs->len, ==, 2);

  g_assert_cmpint (numbered->type, ==, PB_DOCUMENT_SIF_INSPECTION);
  assert_recommendations (numbered, (const char * const[]) {
    "Ensure that care leavers have personal assistants from the age of 17.",
    "Improve the delivery of life story work.", NULL });
}

/* One report per era, as text in reading order. */
static void
test_eras (void)
{
  g_autoptr(PbStructure) sif = read_pages (
    "Northmoor Metropolitan Borough Council\n"
    "Inspection of services for children in need of help and\nprotection, children looked after and care leavers\n"
    "Inspection date: 3 March 2015 – 26 March 2015\nReport published: 1 May 2015\n"
    "Children’s services in Northmoor are inadequate\n"
    "1. Children who need help and protection Inadequate\n"
    "2. Children looked after and achieving\npermanence\nRequires\nimprovement\n"
    "2.1 Adoption performance Good\n2.2 Experiences and progress of care leavers Inadequate\n"
    "3. Leadership, management and governance\nInadequate\n",
    "1. The local authority has not acted on findings.\n2. Thresholds are unclear.\nLead inspector: Ann Example HMI\n");
  g_autoptr(PbStructure) combined = read_pages (
    "Westvale County Council\nInspection of children’s social care services\n"
    "Inspection dates: 4 to 15 March 2019\nLead inspector: Bob Sample\nHer Majesty’s Inspector\n"
    "Judgement Grade\nThe impact of leaders on social work practice with children\nand families Good\n"
    "The experiences and progress of children who need help and\nprotection Good\n"
    "The experiences and progress of children in care and care\nleavers\nRequires improvement\nto be good\n"
    "Overall effectiveness Good\nChildren in Westvale are well served, and leaders know it well and act on what they find in their many audits of practice.\n",
    "What needs to improve?\n\u25FC Pathway plans for care leavers.\n\u25FC Management oversight of\nassessments.\n"
    "The experiences and progress of children who need help and protection: good\n1. Children get help.\n2. Risks are understood.\n"
    "The experiences and progress of children in care and care leavers: requires\nimprovement to be good\n3. Most children live in stable homes.\n");
  g_autoptr(PbStructure) recent = read_pages (
    "Inspection of Eastmoor local\nauthority children’s services\nInspection dates: 8 to 19 June 2026\n"
    "Lead inspector: Cleo Person, His Majesty’s Inspector\nJudgement Grade\n"
    "The impact of leaders on social work\npractice with children and families\nGood\n"
    "The experiences and progress of\nchildren who need help and protection\nGood\n"
    "The experiences and progress of\nchildren in care\nOutstanding\n"
    "The experiences and progress of care\nleavers\nRequires improvement to be good\n"
    "Since the last inspection leaders have improved services for children and families across the whole of the area.\n",
    NULL);
  g_autoptr(PbStructure) visit = read_pages ("Focused visit to Southdale local authority children’s services\n"
                                       "Inspection dates: 1 and 2 May 2024\nLead inspector: Di Name, His Majesty’s Inspector\n", NULL);
  g_autofree char *sif_start = iso (&sif->inspection_start);
  g_autofree char *sif_published = iso (&sif->published);

  g_assert_cmpint (sif->type, ==, PB_DOCUMENT_SIF_INSPECTION);
  g_assert_cmpstr (sif->local_authority, ==, "Northmoor");
  g_assert_cmpstr (sif_start, ==, "2015-03-03");
  g_assert_cmpstr (sif_published, ==, "2015-05-01");
  g_assert_cmpstr (sif->lead_inspector, ==, "Ann Example");
  g_assert_cmpint (sif->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_INADEQUATE);
  g_assert_cmpint (sif->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (sif->judgements[PB_JUDGEMENT_ADOPTION], ==, PB_GRADE_GOOD);
  g_assert_cmpint (sif->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_INADEQUATE);
  g_assert_cmpint (sif->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_INADEQUATE);
  /* The table's numbered rows are not paragraphs; the report's are. */
  g_assert_cmpuint (sif->paragraphs->len, ==, 2);
  g_assert_cmpuint (g_array_index (sif->paragraphs, PbParagraph, 0).page, ==, 2);

  g_assert_cmpint (combined->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (combined->local_authority, ==, "Westvale");
  g_assert_cmpstr (combined->lead_inspector, ==, "Bob Sample");
  g_assert_true (combined->cic_and_care_leavers_combined);
  g_assert_cmpint (combined->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (combined->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (combined->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_GOOD);
  g_assert_cmpint (combined->judgements[PB_JUDGEMENT_ADOPTION], ==, PB_GRADE_NONE);
  g_assert_cmpuint (combined->recommendations->len, ==, 2);
  g_assert_cmpstr (g_array_index (combined->recommendations, PbRecommendation, 0).cohort, ==, "care_leavers");
  g_assert_cmpstr (g_array_index (combined->recommendations, PbRecommendation, 1).text, ==,
                   "Management oversight of assessments.");
  g_assert_cmpuint (combined->sections->len, ==, 2);
  g_assert_cmpstr (g_array_index (combined->sections, PbSection, 1).cohort, ==, "children_in_care");
  g_assert_cmpint (g_array_index (combined->sections, PbSection, 1).grade, ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (combined->paragraphs->len, ==, 3);
  g_assert_cmpstr (g_array_index (combined->paragraphs, PbParagraph, 2).cohort, ==, "children_in_care");

  g_assert_cmpint (recent->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (recent->local_authority, ==, "Eastmoor");
  g_assert_cmpint (recent->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_NONE);
  g_assert_cmpint (recent->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_OUTSTANDING);
  g_assert_cmpint (recent->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_false (recent->cic_and_care_leavers_combined);

  g_assert_cmpint (visit->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
  g_assert_cmpstr (visit->local_authority, ==, "Southdale");
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    g_assert_cmpint (visit->judgements[j], ==, PB_GRADE_NONE);
}

/* The demo's generated report and letter, as PDFs. */
static void
test_generated_pdfs (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(GPtrArray) paths = pb_demo_write_samples (dir, NULL);
  g_autoptr(PbStructure) visit = pb_structure_read_pdf (g_ptr_array_index (paths, 0), NULL, NULL);
  g_autoptr(PbStructure) inspection = pb_structure_read_pdf (g_ptr_array_index (paths, 1), NULL, NULL);
  g_autoptr(PbStructure) minutes = pb_structure_read_pdf (g_ptr_array_index (paths, 2), NULL, NULL);
  g_autofree char *end = iso (&inspection->inspection_end);

  g_assert_cmpint (inspection->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (inspection->local_authority, ==, "Harrowdale");
  g_assert_cmpstr (end, ==, "2024-09-20");
  g_assert_cmpstr (inspection->lead_inspector, ==, "Joan Fairweather");
  g_assert_cmpint (inspection->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
  g_assert_cmpint (inspection->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (inspection->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (inspection->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_GOOD);
  g_assert_cmpuint (inspection->sections->len, ==, 4);
  g_assert_cmpuint (inspection->paragraphs->len, ==, 18);
  g_assert_cmpuint (inspection->recommendations->len, ==, 4);
  /* The letter's list ends at the next heading, not at the signature. */
  g_assert_cmpuint (visit->recommendations->len, ==, 2);
  g_assert_cmpstr (g_array_index (visit->recommendations, PbRecommendation, 1).text, ==,
                   "The range of opportunities for care leavers to enter education, employment and training.");
  /* The second runs over the page break, past the page's footer. */
  g_assert_cmpint (g_array_index (inspection->recommendations, PbRecommendation, 1).page, ==, 1);
  g_assert_cmpstr (g_array_index (inspection->recommendations, PbRecommendation, 1).text, ==,
                   "The consistency of management oversight and supervision in the assessment teams, so "
                   "that plans for children are progressed without delay.");

  {
    g_autoptr(PbStructure) earlier = pb_structure_read_pdf (g_ptr_array_index (paths, 3), NULL, NULL);

    g_assert_cmpint (earlier->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_true (earlier->cic_and_care_leavers_combined);
    g_assert_cmpint (earlier->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_INADEQUATE);
    g_assert_cmpint (earlier->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_INADEQUATE);
    g_assert_cmpint (earlier->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
    g_assert_cmpuint (earlier->sections->len, ==, 3);
  }

  g_assert_cmpint (visit->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
  g_assert_cmpstr (visit->local_authority, ==, "Harrowdale");
  g_assert_cmpint (minutes->type, ==, PB_DOCUMENT_OTHER);

  pb_test_remove_dir (dir);
}

/* A report in the 2013–2017 framework's layout, as a PDF: the numbered
 * judgement table with adoption, and the overall judgement in the summary. */
static void
test_generated_sif (void)
{
  static const char * const labels[] = {
    "1. Children who need help and protection",
    "2. Children looked after and achieving permanence",
    "2.1 Adoption performance",
    "2.2 Experiences and progress of care leavers",
    "3. Leadership, management and governance",
  };
  static const char * const grades[] = {
    "Inadequate", "Requires improvement", "Good", "Inadequate", "Inadequate",
  };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sif.pdf", NULL);
  g_autoptr(PbPdfWriter) writer = pb_pdf_writer_new (path, NULL, NULL);
  g_autoptr(PbStructure) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;

  pb_pdf_writer_heading (writer, 1, "Northmoor Metropolitan Borough Council");
  pb_pdf_writer_paragraph (writer, "Inspection of services for children in need of help and protection, "
                                   "children looked after and care leavers\n"
                                   "Inspection date: 3 March 2015 to 26 March 2015\n"
                                   "Report published: 1 May 2015");
  pb_pdf_writer_paragraph (writer, "Children’s services in Northmoor are inadequate");
  pb_pdf_writer_table (writer, "Judgement", "Grade", (const char **)labels, (const char **)grades,
                       G_N_ELEMENTS (labels));
  pb_pdf_writer_heading (writer, 2, "Recommendations");
  pb_pdf_writer_numbered (writer, 1, "Ensure that thresholds of need are understood and applied.");
  pb_pdf_writer_numbered (writer, 2, "Improve the delivery of life story work for children looked after.");
  pb_pdf_writer_heading (writer, 2, "Summary for children and young people");
  pb_pdf_writer_paragraph (writer, "Inspectors spoke to many children.\nLead inspector: Ann Example HMI");
  g_assert_true (pb_pdf_writer_finish (writer, &error));
  g_assert_no_error (error);

  s = pb_structure_read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  start = iso (&s->inspection_start);
  g_assert_cmpint (s->type, ==, PB_DOCUMENT_SIF_INSPECTION);
  g_assert_cmpstr (s->local_authority, ==, "Northmoor");
  g_assert_cmpstr (start, ==, "2015-03-03");
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_INADEQUATE);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_INADEQUATE);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_ADOPTION], ==, PB_GRADE_GOOD);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_INADEQUATE);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_INADEQUATE);
  g_assert_false (s->cic_and_care_leavers_combined);
  g_assert_cmpuint (s->recommendations->len, ==, 2);

  pb_test_remove_dir (dir);
}

/* The same, in a PDF laid out as the reports are, read through poppler:
 * an item wraps before "17." and a last item follows it. */
static void
test_generated_wrapped_number (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "wrapped-number.pdf", NULL);
  g_autoptr(PbPdfWriter) writer = pb_pdf_writer_new (path, NULL, NULL);
  g_autoptr(PbStructure) s = NULL;
  g_autoptr(GError) error = NULL;

  pb_pdf_writer_heading (writer, 1, "Inspection of Eastmoor local authority children’s services");
  pb_pdf_writer_paragraph (writer, "Inspection dates: 8 to 19 June 2019\n"
                                   "Lead inspector: Cleo Person, Her Majesty’s Inspector");
  pb_pdf_writer_heading (writer, 2, "What needs to improve");
  pb_pdf_writer_bullet (writer, "The timely availability of family support when children return home.");
  pb_pdf_writer_bullet (writer, "The provision of personal assistants for care leavers when they reach the age of\n17.");
  pb_pdf_writer_bullet (writer, "The availability of suitable accommodation so that care leavers are not homeless.");
  pb_pdf_writer_heading (writer, 2, "The experiences and progress of children who need help and protection: good");
  pb_pdf_writer_numbered (writer, 1, "Children get help.");
  g_assert_true (pb_pdf_writer_finish (writer, &error));
  g_assert_no_error (error);

  s = pb_structure_read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  assert_recommendations (s, (const char * const[]) {
    "The timely availability of family support when children return home.",
    "The provision of personal assistants for care leavers when they reach the age of 17.",
    "The availability of suitable accommodation so that care leavers are not homeless.", NULL });

  pb_test_remove_dir (dir);
}

/* A report in the layout used from April 2026: no overall effectiveness,
 * children in care and care leavers judged apart. */
static void
test_generated_2026 (void)
{
  static const char * const labels[] = {
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
  };
  static const char * const grades[] = {
    "Good", "Good", "Outstanding", "Requires improvement to be good",
  };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ilacs-2026.pdf", NULL);
  g_autoptr(PbPdfWriter) writer = pb_pdf_writer_new (path, NULL, NULL);
  g_autoptr(PbStructure) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;

  pb_pdf_writer_heading (writer, 1, "Inspection of Eastmoor local authority children’s services");
  pb_pdf_writer_paragraph (writer, "Inspection dates: 8 to 19 June 2026\n"
                                   "Lead inspector: Cleo Person, His Majesty’s Inspector");
  pb_pdf_writer_table (writer, "Judgement", "Grade", (const char **)labels, (const char **)grades,
                       G_N_ELEMENTS (labels));
  pb_pdf_writer_paragraph (writer, "Since the last inspection, leaders have improved services for children.");
  pb_pdf_writer_heading (writer, 2, "What needs to improve?");
  pb_pdf_writer_bullet (writer, "The quality of pathway plans for care leavers. (outcome 4, national framework)");
  pb_pdf_writer_heading (writer, 2, "The experiences and progress of children in care: outstanding");
  pb_pdf_writer_numbered (writer, 1, "Children live in stable homes.");
  pb_pdf_writer_heading (writer, 2, "The experiences and progress of care leavers: requires improvement to be good");
  pb_pdf_writer_numbered (writer, 2, "Personal advisers know young people well.");
  g_assert_true (pb_pdf_writer_finish (writer, &error));
  g_assert_no_error (error);

  s = pb_structure_read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  end = iso (&s->inspection_end);
  g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (s->local_authority, ==, "Eastmoor");
  g_assert_cmpstr (end, ==, "2026-06-19");
  g_assert_cmpstr (s->lead_inspector, ==, "Cleo Person");
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_NONE);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_OUTSTANDING);
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_false (s->cic_and_care_leavers_combined);
  g_assert_cmpuint (s->sections->len, ==, 2);
  g_assert_cmpuint (s->paragraphs->len, ==, 2);
  g_assert_cmpuint (s->recommendations->len, ==, 1);
  g_assert_cmpstr (g_array_index (s->recommendations, PbRecommendation, 0).cohort, ==, "care_leavers");

  pb_test_remove_dir (dir);
}

/* What any reading must hold to, whatever the text: every string is text,
 * every page is one of the document's, and nothing is claimed of a
 * document that is not a report. */
static void
assert_well_formed (PbStructure *s,
                    guint        n_pages)
{
  if (s->local_authority != NULL)
    g_assert_true (g_utf8_validate (s->local_authority, -1, NULL));
  if (s->lead_inspector != NULL)
    g_assert_true (g_utf8_validate (s->lead_inspector, -1, NULL));
  for (guint i = 0; i < s->sections->len; i++)
    {
      PbSection *section = &g_array_index (s->sections, PbSection, i);

      g_assert_true (g_utf8_validate (section->heading, -1, NULL));
      g_assert_cmpuint (section->first_page, >=, 1);
      g_assert_cmpuint (section->first_page, <=, n_pages);
    }
  for (guint i = 0; i < s->paragraphs->len; i++)
    {
      g_assert_cmpuint (g_array_index (s->paragraphs, PbParagraph, i).page, >=, 1);
      g_assert_cmpuint (g_array_index (s->paragraphs, PbParagraph, i).page, <=, n_pages);
    }
  for (guint i = 0; i < s->recommendations->len; i++)
    {
      g_assert_true (g_utf8_validate (g_array_index (s->recommendations, PbRecommendation, i).text, -1, NULL));
      g_assert_cmpuint (g_array_index (s->recommendations, PbRecommendation, i).page, >=, 1);
      g_assert_cmpuint (g_array_index (s->recommendations, PbRecommendation, i).page, <=, n_pages);
    }

  if (s->type == PB_DOCUMENT_OTHER)
    {
      g_assert_null (s->local_authority);
      g_assert_null (s->lead_inspector);
      g_assert_false (g_date_valid (&s->inspection_start));
      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        g_assert_cmpint (s->judgements[j], ==, PB_GRADE_NONE);
      g_assert_cmpuint (s->sections->len, ==, 0);
      g_assert_cmpuint (s->paragraphs->len, ==, 0);
      g_assert_cmpuint (s->recommendations->len, ==, 0);
    }
}

/* Anything at all gives a well-formed answer, and nothing is claimed of
 * non-reports. */
static void
test_garbage (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  guint n_reports = 0;

  for (guint round = 0; round < 200; round++)
    {
      GString *text = g_string_new (NULL);
      g_autoptr(PbStructure) s = NULL;
      const char *pieces[] = { "Inspection of ", "Judgement Grade\n", "Good", "Requires improvement",
                               "1. ", "2. ", "\n", "What needs to improve?\n", "\u25FC ", "Lead inspector:",
                               "The experiences and progress of ", ": ", "Inspection dates: 31 to 2 February 2020\n",
                               "local authority children's services", "\xe2\x80\x99", "x" };

      for (guint i = 0; i < 60; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      s = read_pages (text->str, round % 2 ? "" : NULL);
      assert_well_formed (s, round % 2 ? 2 : 1);
      n_reports += s->type != PB_DOCUMENT_OTHER;
      g_string_free (text, TRUE);
    }

  /* The pieces make reports often enough for the reader to go past the
   * first lines. */
  g_test_message ("%u of 200 read as reports", n_reports);
  g_assert_cmpuint (n_reports, >, 0);

  {
    g_autoptr(PbStructure) empty = read_pages ("", NULL);
    g_assert_cmpint (empty->type, ==, PB_DOCUMENT_OTHER);
    /* Why it is other: no words, as a scan without a text layer has. */
    g_assert_true (g_str_has_prefix (g_ptr_array_index (empty->reasons, 0), "no text"));
  }

  g_rand_free (rand);
}

/* A PDF of no pages is damaged to the structure reader as to import; a
 * page with no words is read as "other", saying why. */
static void
test_no_pages_no_text (void)
{
  static const char no_pages[] =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [ ] /Count 0 >>\nendobj\n"
    "trailer << /Root 1 0 R /Size 3 >>\n%%EOF\n";
  const char *blank[] = { "", NULL };
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *empty_pdf = pb_test_write_file (dir, "no-pages.pdf", no_pages, -1);
  g_autofree char *blank_pdf = pb_test_write_pdf (dir, "blank.pdf", blank, NULL);
  g_autoptr(PbStructure) none = NULL;
  g_autoptr(PbStructure) scan = NULL;
  g_autoptr(GError) error = NULL;

  none = pb_structure_read_pdf (empty_pdf, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_DAMAGED);

  scan = pb_structure_read_pdf (blank_pdf, NULL, NULL);
  g_assert_cmpint (scan->type, ==, PB_DOCUMENT_OTHER);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (scan->reasons, 0), "no text"));

  pb_test_remove_dir (dir);
}

static void
test_paragraph_for_quote (void)
{
  const char *pages[] = {
    "Inspection of Eastmoor local authority children's services\nInspection dates: 4 to 15 March 2019\n"
    "Judgement Grade\nOverall effectiveness Good\n",
    "The experiences and progress of children in care: good\n1. Children live in stable homes.\n"
    "2. The virtual school is effective, and\nteachers know the children well.\n",
    NULL
  };

  g_assert_cmpuint (pb_structure_paragraph_for_quote (pages, 2, "teachers know the children"), ==, 2);
  g_assert_cmpuint (pb_structure_paragraph_for_quote (pages, 2, "Children live in stable"), ==, 1);
  g_assert_cmpuint (pb_structure_paragraph_for_quote (pages, 1, "Overall effectiveness"), ==, 0);
  g_assert_cmpuint (pb_structure_paragraph_for_quote (pages, 2, "not on the page"), ==, 0);
}

/* Import reads and keeps the structure, and offers its recommendations and
 * section grades as findings. */
static void
test_stored_at_import (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(GPtrArray) paths = pb_demo_write_samples (dir, NULL);
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, 1));
  g_autoptr(PbStructure) s = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  guint recommendations = 0, grades = 0;
  gint64 id = 0;

  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);

  s = pb_library_get_structure (library, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
  g_assert_cmpstr (s->local_authority, ==, "Harrowdale");
  start = iso (&s->inspection_start);

  /* The report itself knows what it is and whom it is about, for grouping. */
  {
    g_autoptr(PbReport) report = pb_library_get_report (library, id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pb_report_get_document_type (report), ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_cmpstr (pb_report_get_local_authority (report), ==, "Harrowdale");
  }
  {
    g_autoptr(GFile) minutes_file = g_file_new_for_path (g_ptr_array_index (paths, 2));
    g_autoptr(PbReport) minutes = NULL;
    gint64 minutes_id = 0;

    g_assert_true (pb_import_file (library, minutes_file, NULL, NULL, NULL, NULL, NULL, &minutes_id, &error));
    minutes = pb_library_get_report (library, minutes_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pb_report_get_document_type (minutes), ==, PB_DOCUMENT_OTHER);
    g_assert_null (pb_report_get_local_authority (minutes));
  }
  g_assert_cmpstr (start, ==, "2024-09-09");
  g_assert_cmpstr (s->lead_inspector, ==, "Joan Fairweather");
  g_assert_cmpint (s->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (s->sections->len, ==, 4);
  g_assert_cmpuint (s->paragraphs->len, ==, 18);

  suggestions = pb_library_list_suggestions (library, id, NULL);
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbFinding *draft = pb_suggestion_get_draft (g_ptr_array_index (suggestions, i));

      g_assert_false (pb_suggestion_is_from_pdf (g_ptr_array_index (suggestions, i)));
      if (pb_finding_get_kind (draft) == PB_FINDING_KIND_RECOMMENDATION)
        recommendations++;
      else
        {
          grades++;
          g_assert_nonnull (pb_finding_get_cohorts (draft)[0]);
        }
    }
  g_assert_cmpuint (recommendations, ==, 4);
  g_assert_cmpuint (grades, ==, 4);

  /* A report imported before structure was read gets it on request. */
  {
    g_autoptr(PbStructure) again = NULL;

    g_assert_true (pb_library_read_structure (library, id, &error));
    g_assert_no_error (error);
    again = pb_library_get_structure (library, id, NULL);
    g_assert_cmpuint (again->sections->len, ==, 4);
    g_assert_cmpuint (again->paragraphs->len, ==, 18);

    /* Nothing is offered twice. */
    {
      g_autoptr(GPtrArray) twice = pb_library_list_suggestions (library, id, NULL);
      g_assert_cmpuint (twice->len, ==, suggestions->len);
    }
  }

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

/* Grades over time: an authority's inspections, oldest first, each with its
 * sections' pages. */
static void
test_inspections_over_time (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GPtrArray) inspections = NULL;
  g_auto(GStrv) authorities = NULL;
  const char *older[] = {
    "Westvale County Council\nInspection of children’s social care services\n"
    "Inspection dates: 4 to 15 March 2019\nLead inspector: Bob Sample\nJudgement Grade\n"
    "The impact of leaders on social work practice with children and families Good\n"
    "The experiences and progress of children who need help and protection Good\n"
    "The experiences and progress of children in care and care leavers Inadequate\n"
    "Overall effectiveness Good\n", NULL };
  const char *newer[] = {
    "Inspection of Westvale local authority children’s services\nInspection dates: 1 to 12 May 2025\n"
    "Judgement Grade\nThe impact of leaders on social work practice with children and families Good\n"
    "The experiences and progress of children who need help and protection Good\n"
    "The experiences and progress of children in care Good\n"
    "The experiences and progress of care leavers Outstanding\nOverall effectiveness Good\n",
    "The experiences and progress of care leavers: outstanding\n1. Advisers are strong.\n", NULL };
  g_autoptr(PbStructure) a = pb_structure_read_text (newer);
  g_autoptr(PbStructure) b = pb_structure_read_text (older);
  char *pdf_a = pb_test_write_pdf (dir, "newer.pdf", newer, NULL);
  char *pdf_b = pb_test_write_pdf (dir, "older.pdf", older, NULL);
  PbInspection *first, *second;

  /* Imported newest first; listed oldest first. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? pdf_a : pdf_b);
      g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
    }

  authorities = pb_library_list_authorities (library, NULL);
  g_assert_cmpuint (g_strv_length (authorities), ==, 1);
  g_assert_cmpstr (authorities[0], ==, "Westvale");

  inspections = pb_library_list_inspections (library, "Westvale", NULL);
  g_assert_cmpuint (inspections->len, ==, 2);
  first = g_ptr_array_index (inspections, 0);
  second = g_ptr_array_index (inspections, 1);
  g_assert_true (first->structure->cic_and_care_leavers_combined);
  g_assert_cmpint (first->structure->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_INADEQUATE);
  g_assert_false (second->structure->cic_and_care_leavers_combined);
  g_assert_cmpint (second->structure->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_OUTSTANDING);
  g_assert_cmpuint (pb_structure_page_for_judgement (second->structure, PB_JUDGEMENT_CARE_LEAVERS), ==, 2);
  g_assert_cmpuint (pb_structure_page_for_judgement (second->structure, PB_JUDGEMENT_OVERALL), ==, 1);

  (void)a;
  (void)b;
  g_free (pdf_a);
  g_free (pdf_b);
  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/structure/eras", test_eras);
  g_test_add_func ("/structure/recommendation-lists", test_recommendation_lists);
  g_test_add_func ("/structure/recommendation-wrapped-number", test_recommendation_wrapped_number);
  g_test_add_func ("/structure/generated-wrapped-number", test_generated_wrapped_number);
  g_test_add_func ("/structure/generated-pdfs", test_generated_pdfs);
  g_test_add_func ("/structure/generated-sif", test_generated_sif);
  g_test_add_func ("/structure/generated-2026", test_generated_2026);
  g_test_add_func ("/structure/garbage", test_garbage);
  g_test_add_func ("/structure/no-pages-no-text", test_no_pages_no_text);
  g_test_add_func ("/structure/paragraph-for-quote", test_paragraph_for_quote);
  g_test_add_func ("/structure/stored-at-import", test_stored_at_import);
  g_test_add_func ("/structure/inspections-over-time", test_inspections_over_time);

  return g_test_run ();
}
