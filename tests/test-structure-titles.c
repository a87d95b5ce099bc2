/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"
#include "pb-test-util.h"

/* What makes a document an inspection report: each form of title the
 * published ILACS reports use, the judgement table with its grades wrapped
 * or split around their labels, and the lines that confirm them; and the
 * documents that quote all this without being reports, which stay
 * "other". Each report is written as a PDF. */

/* The judgement table of the 2018-2022 reports, each grade after a tab on
 * its label's last line. */
#define TABLE_2019 \
  "Judgement\tGrade\n" \
  "The impact of leaders on social work practice with\nchildren and families\tGood\n" \
  "The experiences and progress of children who need help\nand protection\tRequires improvement to be good\n" \
  "The experiences and progress of children in care and\ncare leavers\tInadequate\n" \
  "Overall effectiveness\tRequires improvement to be good\n"

#define DATES_AND_INSPECTOR \
  "Inspection dates: 4 to 15 March 2019\n" \
  "Lead inspector: Bob Sample, Her Majesty’s Inspector\n"

#define BODY \
  "What needs to improve?\n" \
  "\u25FC The quality of pathway plans for care leavers.\n" \
  "The experiences and progress of children who need help and protection:\n" \
  "requires improvement to be good\n" \
  "1. Children get help when they need it.\n"

static PbStructure *
read_written (const char *dir,
              const char *name,
              const char *page1)
{
  const char *pages[] = { page1, BODY, NULL };
  g_autofree char *pdf = pb_test_write_pdf (dir, name, pages, NULL);
  g_autoptr(GError) error = NULL;
  PbStructure *s = pb_structure_read_pdf (pdf, NULL, &error);

  g_assert_no_error (error);
  return s;
}

static gboolean
has_reason (PbStructure *s,
            const char  *prefix)
{
  for (guint i = 0; i < s->reasons->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (s->reasons, i), prefix))
      return TRUE;
  return FALSE;
}

/* Every form of title: the authority in it (as its council, with or
 * without "local authority", wrapped or not, as a trust), or above it, or
 * before it on its line; and a report whose title takes none of these
 * forms. */
static void
test_title_forms (void)
{
  static const char * const titles[] = {
    "Inspection of Northmoor local authority children’s services\n",
    "Inspection of Northmoor local\nauthority children’s services\n",
    "Inspection of Northmoor Metropolitan Borough\nCouncil children’s services\n",
    "Inspection of Northmoor children’s services\n",
    "Inspection of Northmoor Children and Families Trust\n",
    "Inspection of Northmoor Children’s Trust\n",
    "Northmoor Borough Council\nInspection of local authority children’s services\n",
    "Northmoor City Council\nInspection of local authority children’s social care services\n",
    "Northmoor County Council\nInspection of children’s social care services\n",
    "London Borough of Northmoor Inspection of local authority children’s services\n",
    "Inspection of Northmoor London Borough Council children’s services\n",
    "Inspection of Northmoor County Council’s children’s services\n",
    "Inspection dates: 4 to 15 March 2019\nNorthmoor Council\nInspection of local authority children’s services\n",
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *name = g_strdup_printf ("title-%u.pdf", i);
      g_autofree char *page = g_strconcat (titles[i], DATES_AND_INSPECTOR, TABLE_2019, NULL);
      g_autoptr(PbStructure) s = read_written (dir, name, page);

      g_test_message ("%s", titles[i]);
      g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
      g_assert_false (s->reinspection);
      g_assert_cmpstr (s->local_authority, ==, "Northmoor");
      g_assert_cmpstr (s->lead_inspector, ==, "Bob Sample");
      g_assert_cmpuint (g_date_get_day (&s->inspection_start), ==, 4);
      g_assert_cmpuint (g_date_get_day (&s->inspection_end), ==, 15);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_INADEQUATE);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_INADEQUATE);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_true (s->cic_and_care_leavers_combined);
      g_assert_true (has_reason (s, "title: ILACS inspection"));
      g_assert_true (has_reason (s, "judgement table (layout): 4 rows"));
      g_assert_true (has_reason (s, "judgements: ILACS framework"));
      g_assert_cmpuint (s->recommendations->len, ==, 1);
      g_assert_cmpuint (s->sections->len, ==, 1);
      g_assert_cmpuint (s->paragraphs->len, ==, 1);
    }

  /* A title of no known form: the table, dates and inspector make it a
   * report, and the authority is the name above its dates. */
  {
    g_autofree char *page = g_strconcat ("Northmoor\n", DATES_AND_INSPECTOR, TABLE_2019, NULL);
    g_autoptr(PbStructure) s = read_written (dir, "untitled.pdf", page);

    g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_cmpstr (s->local_authority, ==, "Northmoor");
    g_assert_false (has_reason (s, "title:"));
    g_assert_true (has_reason (s, "judgement table (layout): 4 rows"));
    g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
  }

  /* Dates that name their days ("Monday 4 March 2019") are a dates line
   * still: with the title, they make the report, whose judgement table is
   * not read. */
  {
    const char *pages[] = {
      "Inspection of Northmoor local authority children’s services\n"
      "Inspection dates: Monday 4 March 2019 to Friday 15 March 2019\n"
      "Leaders have improved services for children and families across the area.\n",
      NULL
    };
    g_autoptr(PbStructure) s = pb_structure_read_text (pages);

    g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_cmpstr (s->local_authority, ==, "Northmoor");
    g_assert_true (has_reason (s, "inspection dates line"));
    g_assert_cmpuint (g_date_get_day (&s->inspection_start), ==, 4);
    g_assert_cmpuint (g_date_get_day (&s->inspection_end), ==, 15);
    g_assert_cmpuint (g_date_get_month (&s->inspection_end), ==, 3);
  }

  pb_test_remove_dir (dir);
}

/* The judgement table as the page text gives it: labels and grades
 * wrapped, a grade split around its label, a grade before its label, a
 * label wrapped around its grade, a label worded otherwise ("children care
 * leavers"), labels without their article. */
static void
test_table_forms (void)
{
  static const char * const tables[] = {
    /* Wrapped over lines, each grade after its label. */
    "Judgement Grade\nThe impact of leaders on social work practice with\nchildren and families\n"
    "Requires improvement\nto be good\nThe experiences and progress of children who need help\n"
    "and protection\nOutstanding\nThe experiences and progress of children in care\n"
    "Good\nThe experiences and progress of\nchildren care leavers\nRequires improvement to\nbe good\n"
    "Overall effectiveness Inadequate\n",
    /* A grade split around its label, and a grade before its label. */
    "Judgement Grade\nThe impact of leaders on social work practice with children and families Requires improvement\n"
    "to be good\nThe experiences and progress of children who need help and protection Outstanding\n"
    "The experiences and progress of children in care Good\nRequires improvement to\n"
    "The experiences and progress of care leavers\nbe good\nInadequate\nOverall effectiveness\n",
    /* A label wrapped around its grade. */
    "Judgement Grade\nThe impact of leaders on social work practice Requires improvement to be good\n"
    "with children and families\nThe experiences and progress of children who need Outstanding\n"
    "help and protection\nThe experiences and progress of children in care Good\n"
    "The experiences and progress of care leavers Requires\nimprovement to be good\n"
    "Overall effectiveness Inadequate\n",
    /* Labels without their article. */
    "Judgement Grade\nImpact of leaders on social work practice with children and families\n"
    "Requires improvement to be good\nExperiences and progress of children who need help and protection\n"
    "Outstanding\nExperiences and progress of children in care Good\n"
    "Experiences and progress of care leavers Requires improvement to be good\n"
    "Overall effectiveness Inadequate\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *page = g_strconcat ("Inspection of Eastmoor local authority children’s services\n",
                                           DATES_AND_INSPECTOR, tables[i],
                                           "Since the last inspection leaders have improved services for children "
                                           "and families across the whole of the area.\n", NULL);
      const char *pages[] = { page, BODY, NULL };
      g_autoptr(PbStructure) s = pb_structure_read_text (pages);

      g_test_message ("table %u", i);
      g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
      g_assert_false (s->cic_and_care_leavers_combined);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_OUTSTANDING);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_GOOD);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_INADEQUATE);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_ADOPTION], ==, PB_GRADE_NONE);
      g_assert_cmpuint (s->paragraphs->len, ==, 1);
    }
}

/* Labels and grades wrapped in cells of a table, a grade set above or
 * beside its label's lines, as a PDF: read from the layout and from the
 * tagged table alike (whose cells' text loses the space at a line break,
 * "Requires improvementto be good"). */
static void
test_split_cell_pdf (void)
{
  static const PbTestText texts[] = {
    { 0, 72, 60, "Inspection of Eastmoor local authority children’s services", -1, 0 },
    { 0, 72, 80, "Inspection dates: 8 to 19 June 2026", -1, 0 },
    { 0, 72, 96, "Lead inspector: Cleo Person, His Majesty’s Inspector", -1, 0 },
    { 0, 72, 130, "Judgement", 0, 0 },
    { 0, 380, 130, "Grade", 0, 1 },
    { 0, 72, 160, "The impact of leaders on social work", 1, 0 },
    { 0, 72, 174, "practice with children and families", 1, 0 },
    { 0, 380, 167, "Good", 1, 1 },
    { 0, 72, 204, "The experiences and progress of", 2, 0 },
    { 0, 72, 218, "children who need help and protection", 2, 0 },
    { 0, 380, 204, "Requires improvement", 2, 1 },
    { 0, 380, 218, "to be good", 2, 1 },
    { 0, 72, 248, "The experiences and progress of", 3, 0 },
    { 0, 72, 262, "children in care", 3, 0 },
    { 0, 380, 255, "Outstanding", 3, 1 },
    { 0, 72, 292, "The experiences and progress of", 4, 0 },
    { 0, 72, 306, "care leavers", 4, 0 },
    { 0, 380, 285, "Requires improvement", 4, 1 },
    { 0, 380, 299, "to be good", 4, 1 },
    { 0, 72, 350, "Leaders have improved services for children and families across the whole area.", -1, 0 },
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (int tagged = 0; tagged <= 1; tagged++)
    {
      g_autofree char *name = g_strdup_printf ("split-%d.pdf", tagged);
      g_autofree char *pdf = pb_test_write_layout_pdf (dir, name, texts, G_N_ELEMENTS (texts), tagged);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

      g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
      g_assert_cmpstr (s->local_authority, ==, "Eastmoor");
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_OVERALL], ==, PB_GRADE_NONE);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_LEADERS], ==, PB_GRADE_GOOD);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_HELP_AND_PROTECTION], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CHILDREN_IN_CARE], ==, PB_GRADE_OUTSTANDING);
      g_assert_cmpint (s->judgements[PB_JUDGEMENT_CARE_LEAVERS], ==, PB_GRADE_REQUIRES_IMPROVEMENT);
      g_assert_false (s->cic_and_care_leavers_combined);
      /* Read in order from the layout, the tags need not be asked; they
       * give the same. */
      g_assert_true (has_reason (s, "judgement table (layout): 4 rows"));
      if (tagged)
        {
          g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
          g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
          PbGrade grades[PB_N_JUDGEMENTS] = { PB_GRADE_NONE };
          gboolean combined = TRUE;

          g_assert_true (pb_structure_read_tagged_judgements (POPPLER_DOCUMENT (document), grades, &combined));
          for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
            g_assert_cmpint (grades[j], ==, s->judgements[j]);
          g_assert_false (combined);
        }
    }

  pb_test_remove_dir (dir);
}

/* Documents about inspections are not inspections: a title quoted in
 * capitals, after a label or in a sentence; a judgement table reproduced
 * in a council paper with nothing of a report around it; a title alone; a
 * letter's title on an agenda with nothing of a letter; dates that start a
 * sentence; judgements and grades as bullets. */
static void
test_not_reports (void)
{
  static const char * const others[] = {
    "REPORT TO CABINET\nTITLE: INSPECTION OF LOCAL AUTHORITY CHILDREN’S SERVICES\n"
    "Inspection dates: 4 to 15 March 2019\nThe outcome of the inspection was good.\n",
    "Report of the Executive Director\nOfsted outcome\nThe council’s last inspection graded its services as follows.\n"
    TABLE_2019 "Members are asked to note the outcome.\n",
    "Inspection of local authority children’s services\nA briefing for members on the framework.\n",
    "Agenda item 7\nFocused visit to Northmoor children’s services\nTo note the outcome of the visit.\n",
    "Press release\nUpdate given on Ofsted’s focused visit to Northmoor care leavers\n"
    "The focused visit took place on 8 and 9 November 2022.\n",
    /* A council paper whose title quotes the report's after a label, and
     * whose paragraph starts with the dates and goes on. */
    "NORTHMOOR BOROUGH COUNCIL\nREPORT TO: CABINET\n"
    "TITLE: Outcome of the Ofsted Inspection of Northmoor local authority children’s services\n"
    "Inspection dates: 11 to 15 September 2023. The lead inspector was Anna Gravelle, His\n"
    "Majesty’s Inspector.\n",
    "NORTHMOOR BOROUGH COUNCIL\nREPORT TO: CABINET\n"
    "TITLE: Inspection of Northmoor local authority children’s services: outcome\n"
    "Inspection dates: 11 to 15 September 2023\n",
    /* A press release: the title's words wrapped into a sentence, and one
     * bullet naming a judgement and its grade. */
    "Press release\nNorthmoor Council’s children’s services have been rated good by Ofsted following a full\n"
    "Inspection of local authority children’s services in September 2023. The overall\n"
    "judgement is that children’s services are good.\n"
    "\u2022 Overall effectiveness: Good\n",
    /* The title on a line of its own, the judgements as a bulleted list. */
    "Press release: Ofsted rates Northmoor good\n"
    "Inspection of Northmoor local authority children’s services\n"
    "\u2022 Overall effectiveness: Good\n"
    "\u2022 The experiences and progress of care leavers: Good\n"
    "\u2022 The impact of leaders on social work practice with children and families: Good\n"
    "\u2022 The experiences and progress of children in care: Good\n",
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *name = g_strdup_printf ("other-%u.pdf", i);
      const char *pages[] = { others[i], NULL };
      g_autofree char *pdf = pb_test_write_pdf (dir, name, pages, NULL);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

      g_test_message ("%s", others[i]);
      g_assert_cmpint (s->type, ==, PB_DOCUMENT_OTHER);
      g_assert_null (s->local_authority);
      g_assert_false (g_date_valid (&s->inspection_end));
      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        g_assert_cmpint (s->judgements[j], ==, PB_GRADE_NONE);
      g_assert_cmpuint (s->recommendations->len, ==, 0);
      g_assert_true (has_reason (s, "not an inspection"));

      /* As text too: the page clips a line longer than its width, and the
       * papers these stand for set their lines of 90 characters in full. */
      {
        g_autoptr(PbStructure) t = pb_structure_read_text (pages);

        g_assert_cmpint (t->type, ==, PB_DOCUMENT_OTHER);
        g_assert_null (t->local_authority);
        g_assert_true (has_reason (t, "not an inspection"));
      }
    }

  /* The reproduced table was read, and said so: nothing confirmed it. */
  {
    const char *pages[] = { others[1], NULL };
    g_autoptr(PbStructure) s = pb_structure_read_text (pages);

    g_assert_true (has_reason (s, "judgement table (layout): 4 rows"));
    g_assert_true (has_reason (s, "not an inspection: nothing confirms it"));
  }

  pb_test_remove_dir (dir);
}

/* A council paper or press release that copies an inspection's judgement
 * table with its dates line, lead inspector line or title (as cabinet
 * papers and news releases about an outcome do) is not an inspection: its
 * own furniture ("Report to Cabinet", "Agenda item", "Contact officer",
 * "NEWS RELEASE", "Notes to editors") says so, and the reasons name it. The
 * same page without that furniture is read as the inspection it copies. */
static void
test_papers_copying_reports (void)
{
  static const struct
  {
    const char *furniture;
    const char *reason;
    gboolean    at_end;     /* a footer's line, after the copy */
  } papers[] = {
    { "Report to Cabinet, 14 May 2024\nAgenda item 7\n", "not an inspection: council paper (\"Report to Cabinet" },
    { "Agenda item 7\n", "not an inspection: council paper (\"Agenda item 7" },
    { "Report of the Director of Children’s Services\nPurpose of the report\n",
      "not an inspection: council paper (\"Report of the Director" },
    { "Contact officer: Alex Green, Head of Quality Assurance\n", "not an inspection: council paper (\"Contact officer",
      TRUE },
    { "NEWS RELEASE\nEmbargoed until 00.01 26 April 2024\n", "not an inspection: press release (\"NEWS RELEASE" },
    { "Notes to editors\n", "not an inspection: press release (\"Notes to editors", TRUE },
  };
  /* The copied parts: the title, a dates line, a lead inspector line, the
   * table; and each of dates and lead alone with the table. */
  static const char * const copies[] = {
    "Inspection of Northmoor local authority children’s services\n" DATES_AND_INSPECTOR TABLE_2019,
    "Inspection dates: 4 to 15 March 2019\n" TABLE_2019,
    "Lead inspector: Bob Sample, Her Majesty’s Inspector\n" TABLE_2019,
    ("Inspection of Northmoor local authority children’s services\nInspection dates: 4 to 15 March 2019\n"
     "Overall effectiveness\tGood\n"),
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      /* Without furniture, the copy reads as the report. */
      {
        const char *pages[] = { copies[c], NULL };
        g_autoptr(PbStructure) s = pb_structure_read_text (pages);

        g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
      }

      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autofree char *name = g_strdup_printf ("paper-%u-%u.pdf", c, p);
          const char *before = papers[p].at_end ? "" : papers[p].furniture;
          const char *after = papers[p].at_end ? papers[p].furniture : "";
          g_autofree char *page = g_strconcat ("Northmoor Borough Council\n", before, copies[c],
                                               "Cabinet notes the outcome of the inspection.\n", after, NULL);
          const char *pages[] = { page, NULL };
          g_autofree char *pdf = pb_test_write_pdf (dir, name, pages, NULL);
          g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

          g_test_message ("%s%s", papers[p].furniture, copies[c]);
          g_assert_cmpint (s->type, ==, PB_DOCUMENT_OTHER);
          g_assert_null (s->local_authority);
          g_assert_null (s->lead_inspector);
          g_assert_false (g_date_valid (&s->inspection_end));
          for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
            g_assert_cmpint (s->judgements[j], ==, PB_GRADE_NONE);
          g_assert_cmpuint (s->recommendations->len, ==, 0);
          g_assert_true (has_reason (s, papers[p].reason));
        }
    }

  pb_test_remove_dir (dir);
}

/* Small forms of the first page's lines: dates joined by a dash
 * ("4–15 March 2019") are a dates line and the reasons say so; "Lead
 * inspectors: A and B" names the first; "the Council of the Isles of
 * Scilly" is the authority "Isles of Scilly". */
static void
test_first_page_forms (void)
{
  g_autofree char *dir = pb_test_make_dir ();

  {
    g_autofree char *page = g_strconcat ("Inspection of Northmoor local authority children’s services\n"
                                         "Inspection dates: 4–15 March 2019\n"
                                         "Lead inspectors: Bob Sample and Ann Other\n", TABLE_2019, NULL);
    g_autoptr(PbStructure) s = read_written (dir, "dash.pdf", page);

    g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_true (has_reason (s, "inspection dates line"));
    g_assert_cmpuint (g_date_get_day (&s->inspection_start), ==, 4);
    g_assert_cmpuint (g_date_get_day (&s->inspection_end), ==, 15);
    g_assert_cmpstr (s->lead_inspector, ==, "Bob Sample");
    g_assert_true (has_reason (s, "lead inspector line"));
  }

  {
    g_autofree char *page = g_strconcat ("Inspection of the Council of the Isles of Scilly children’s services\n",
                                         DATES_AND_INSPECTOR, TABLE_2019, NULL);
    g_autoptr(PbStructure) s = read_written (dir, "isles.pdf", page);

    g_assert_cmpint (s->type, ==, PB_DOCUMENT_ILACS_INSPECTION);
    g_assert_cmpstr (s->local_authority, ==, "Isles of Scilly");
  }

  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/structure-titles/title-forms", test_title_forms);
  g_test_add_func ("/structure-titles/table-forms", test_table_forms);
  g_test_add_func ("/structure-titles/split-cell-pdf", test_split_cell_pdf);
  g_test_add_func ("/structure-titles/not-reports", test_not_reports);
  g_test_add_func ("/structure-titles/papers-copying-reports", test_papers_copying_reports);
  g_test_add_func ("/structure-titles/first-page-forms", test_first_page_forms);

  return g_test_run ();
}
