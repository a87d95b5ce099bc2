/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding.h"
#include "pb-import.h"
#include "pb-library.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure-store.h"
#include "pb-structure.h"
#include "pb-suggestion.h"
#include "pb-test-util.h"

/* The letters a panel reads between inspections, each written as a PDF in
 * the structure Ofsted publishes them in: the address and salutation, the
 * title, an opening paragraph naming the visit and its days, what the
 * inspectors looked at, the headings for what must improve, numbered
 * findings, and the inspector's sign-off. */

#define ADDRESS \
  "Ofsted\nPiccadilly Gate\nStore Street\nManchester M1 2WD\nT 0300 123 1231\n" \
  "www.gov.uk/ofsted\n\n21 December 2023\n\nJo Bloggs\nDirector of Children’s Services\n" \
  "Northmoor Metropolitan Borough Council\nTown Hall\nNorthmoor NM1 1AA\n\n"

/* Wraps each paragraph (separated by "\n") at @width characters, as a
 * letter's lines are set. */
static char *
wrap (const char *text,
      guint       width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      gsize line_start = out->len;

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (out->len > line_start && g_utf8_strlen (out->str + line_start, -1) + 1 +
                                       g_utf8_strlen (words[w], -1) > width)
            {
              g_string_append_c (out, '\n');
              line_start = out->len;
            }
          else if (out->len > line_start)
            g_string_append_c (out, ' ');
          g_string_append (out, words[w]);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static char *
write_letter (const char *dir,
              const char *name,
              const char *page1,
              const char *page2)
{
  g_autofree char *one = wrap (page1, 76);
  g_autofree char *two = page2 ? wrap (page2, 76) : NULL;
  const char *pages[] = { one, two, NULL };

  return pb_test_write_pdf (dir, name, pages, NULL);
}

static char *
iso (const GDate *date)
{
  char text[16] = "";

  if (g_date_valid (date))
    g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
assert_letter (PbStructure    *s,
               PbDocumentType  type,
               const char     *authority,
               const char     *start,
               const char     *end,
               const char     *inspector,
               const char     *theme)
{
  g_autofree char *from = iso (&s->inspection_start);
  g_autofree char *to = iso (&s->inspection_end);

  g_assert_cmpint (s->type, ==, type);
  g_assert_cmpstr (s->local_authority, ==, authority);
  g_assert_cmpstr (from, ==, start);
  g_assert_cmpstr (to, ==, end);
  g_assert_cmpstr (s->lead_inspector, ==, inspector);
  g_assert_cmpstr (s->theme, ==, theme);
  g_assert_false (s->reinspection);
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    g_assert_cmpint (s->judgements[j], ==, PB_GRADE_NONE);
}

static void
assert_recommendation (PbStructure *s,
                       guint        i,
                       const char  *text,
                       gboolean     priority)
{
  PbRecommendation *rec;

  g_assert_cmpuint (i, <, s->recommendations->len);
  rec = &g_array_index (s->recommendations, PbRecommendation, i);
  g_assert_cmpstr (rec->text, ==, text);
  g_assert_cmpint (rec->priority, ==, priority);
}

static const char focused_2023[] =
  ADDRESS
  "Dear Jo\n\n"
  "Focused visit to Northmoor children’s services\n"
  "This letter summarises the findings of the focused visit to Northmoor children’s services on "
  "30 November and 1 December 2023. His Majesty’s Inspectors for this visit were Lisa Walsh and Nick Stacey.\n"
  "Inspectors looked at the local authority’s arrangements for care leavers.\n"
  "This visit was carried out in line with the inspection of local authority children’s services (ILACS) "
  "framework.\n"
  "Headline findings\n"
  "Care leavers in Northmoor are supported by committed personal advisers who know them well.\n"
  "Areas for priority action\n"
  "\u25FC The local authority must ensure that care leavers who are homeless are found suitable "
  "accommodation without delay.\n"
  "What needs to improve in this area of social work practice?\n"
  "\u25FC The quality and timeliness of pathway plans.\n"
  "\u25FC The range of opportunities for care leavers to enter education, employment and training.\n"
  "Main findings\n"
  "1. Personal advisers are allocated before young people turn 17 and a half, which gives time to "
  "build relationships.\n";

static const char focused_2023_end[] =
  "2. Accommodation has improved, and no care leaver was living in bed and breakfast accommodation.\n"
  "Ofsted will take the findings from this focused visit into account when planning your next "
  "inspection or visit.\n\n"
  "Yours sincerely\n\nLisa Walsh\nHis Majesty’s Inspector\n";

/* A focused visit since 2021: priority action, what needs to improve,
 * numbered findings. */
static void
test_focused_visit (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "focused.pdf", focused_2023, focused_2023_end);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

  assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Northmoor", "2023-11-30", "2023-12-01", "Lisa Walsh",
                 "care leavers");
  g_assert_cmpuint (s->recommendations->len, ==, 3);
  assert_recommendation (s, 0, "The quality and timeliness of pathway plans.", FALSE);
  assert_recommendation (s, 1, "The range of opportunities for care leavers to enter education, employment "
                               "and training.", FALSE);
  assert_recommendation (s, 2, "The local authority must ensure that care leavers who are homeless are "
                               "found suitable accommodation without delay.", TRUE);
  g_assert_cmpstr (g_array_index (s->recommendations, PbRecommendation, 2).cohort, ==, "care_leavers");
  g_assert_cmpuint (s->paragraphs->len, ==, 2);
  g_assert_cmpuint (g_array_index (s->paragraphs, PbParagraph, 1).page, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (s->reasons, "title: focused visit", g_str_equal, NULL));

  pb_test_remove_dir (dir);
}

/* A focused visit of 2018-2020: "Areas for improvement", the inspectors
 * named as they were then, and what they evaluated. */
static void
test_focused_visit_2018 (void)
{
  static const char letter[] =
    ADDRESS
    "Dear Mr Bloggs\n"
    "Focused visit to Southdale local authority children’s services\n"
    "This letter summarises the findings of a focused visit to Southdale local authority children’s "
    "services on 3 and 4 July 2018. The visit was carried out by Her Majesty’s Inspectors Jane Doe and "
    "John Roe.\n"
    "Inspectors evaluated the local authority’s arrangements for children in need and children subject "
    "to a child protection plan.\n"
    "Overview\n"
    "Services for children in need have improved since the last inspection.\n"
    "Areas for improvement\n"
    "\u25FC The timeliness of initial child protection conferences.\n"
    "\u25FC The quality of\nsupervision for social workers.\n"
    "Findings\n"
    "Children who need help are identified early.\n"
    "Yours sincerely\n"
    "Jane Doe\n"
    "Her Majesty’s Inspector\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "focused-2018.pdf", letter, NULL);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

  assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Southdale", "2018-07-03", "2018-07-04", "Jane Doe",
                 "children in need and children subject to a child protection plan");
  g_assert_cmpuint (s->recommendations->len, ==, 2);
  assert_recommendation (s, 0, "The timeliness of initial child protection conferences.", FALSE);
  assert_recommendation (s, 1, "The quality of supervision for social workers.", FALSE);
  g_assert_cmpstr (g_array_index (s->recommendations, PbRecommendation, 1).cohort, ==, "leadership");

  pb_test_remove_dir (dir);
}

/* A monitoring visit: no list of improvements; the focus in "Areas covered
 * by the visit"; one signed, one whose inspectors are named only in the
 * opening. */
static void
test_monitoring_visit (void)
{
  static const char signed_letter[] =
    ADDRESS
    "Dear Jo\n"
    "Monitoring visit to Eastmoor children’s services\n"
    "This letter summarises the findings of the monitoring visit to Eastmoor children’s services on 4 and 5 "
    "October 2022. This was the second monitoring visit since the local authority was judged inadequate in "
    "December 2021. His Majesty’s Inspectors for this visit were Steve Lowe and Louise Hocking.\n"
    "Areas covered by the visit\n"
    "The focus of the monitoring visit was children in need and those subject to a child protection plan.\n"
    "Headline findings\n"
    "Leaders have made steady progress since the last visit.\n"
    "Yours sincerely\n"
    "Steve Lowe\n"
    "His Majesty’s Inspector\n";
  static const char unsigned_letter[] =
    "Monitoring visit of Westvale County Council children’s services\n"
    "This letter summarises the findings of the monitoring visit to Westvale children’s services on "
    "14 March 2017. The visit was carried out by Her Majesty’s Inspectors Ann Other and Bob Ray.\n"
    "Inspectors reviewed the progress made in the response to children missing from home.\n"
    "Yours sincerely\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *signed_pdf = write_letter (dir, "monitoring.pdf", signed_letter, NULL);
  g_autofree char *unsigned_pdf = write_letter (dir, "monitoring-2017.pdf", unsigned_letter, NULL);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (signed_pdf, NULL, NULL);
  g_autoptr(PbStructure) older = pb_structure_read_pdf (unsigned_pdf, NULL, NULL);

  assert_letter (s, PB_DOCUMENT_MONITORING_VISIT, "Eastmoor", "2022-10-04", "2022-10-05", "Steve Lowe",
                 "children in need and those subject to a child protection plan");
  g_assert_cmpuint (s->recommendations->len, ==, 0);

  assert_letter (older, PB_DOCUMENT_MONITORING_VISIT, "Westvale", "2017-03-14", "2017-03-14", "Ann Other",
                 "the progress made in the response to children missing from home");

  pb_test_remove_dir (dir);
}

/* A joint targeted area inspection: its theme and area in a wrapped title,
 * no areas for priority action, and areas for improvement introduced by a
 * sentence; signed by the inspectorates, with no lead inspector named. */
static void
test_jtai (void)
{
  static const char letter[] =
    "21 December 2022\n"
    "Joint targeted area inspection of the multi-agency response to\n"
    "children at risk of exploitation in Northmoor\n"
    "This letter to the Director of Children’s Services, the chief constable and the accountable officer "
    "sets out the findings of the joint targeted area inspection (JTAI) of the multi-agency response to "
    "children at risk of exploitation in Northmoor. This inspection took place from 3 to 7 October 2022.\n"
    "Areas for priority action\n"
    "There are no areas for priority action.\n"
    "Areas for improvement\n"
    "Leaders should ensure that:\n"
    "\u25FC strategy meetings include all the agencies that know the child.\n"
    "\u25FC return home interviews are offered to every child who goes missing.\n"
    "Next steps\n"
    "The local authority should prepare a written statement of proposed action.\n"
    "Yours sincerely\n"
    "Yvette Stanley\nNational Director, Regulation and Social Care, Ofsted\n"
    "Ann Inspector\nChief Inspector of Constabulary\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "jtai.pdf", letter, NULL);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

  assert_letter (s, PB_DOCUMENT_JTAI, "Northmoor", "2022-10-03", "2022-10-07", NULL,
                 "multi-agency response to children at risk of exploitation");
  g_assert_cmpuint (s->recommendations->len, ==, 2);
  assert_recommendation (s, 0, "strategy meetings include all the agencies that know the child.", FALSE);
  assert_recommendation (s, 1, "return home interviews are offered to every child who goes missing.", FALSE);

  pb_test_remove_dir (dir);
}

/* Imported, a letter keeps its theme, and its items to improve are
 * offered as recommendation findings, the priority one saying so. */
static void
test_letter_imported (void)
{
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "focused.pdf", focused_2023, focused_2023_end);
  g_autoptr(PbLibrary) library = pb_test_open_library (dir);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(PbStructure) stored = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  guint recommendations = 0, priority = 0;
  gint64 id = 0;

  g_assert_true (pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error));
  g_assert_no_error (error);

  stored = pb_library_get_structure (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
  g_assert_cmpstr (stored->theme, ==, "care leavers");
  g_assert_cmpstr (stored->lead_inspector, ==, "Lisa Walsh");
  g_assert_false (stored->reinspection);

  suggestions = pb_library_list_suggestions (library, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      PbFinding *draft = pb_suggestion_get_draft (g_ptr_array_index (suggestions, i));

      g_assert_cmpint (pb_finding_get_kind (draft), ==, PB_FINDING_KIND_RECOMMENDATION);
      recommendations++;
      if (g_strcmp0 (pb_finding_get_note (draft), "Area for priority action.") == 0)
        priority++;
    }
  g_assert_cmpuint (recommendations, ==, 3);
  g_assert_cmpuint (priority, ==, 1);

  g_clear_object (&library);
  pb_test_remove_dir (dir);
}

/* The sign-off over a page break: the name at the foot of the first page
 * above its number, the inspector's title at the top of the next. The
 * signer is the lead inspector, though the opening names another first. */
static void
test_signature_over_page_break (void)
{
  static const char page1[] =
    ADDRESS
    "Dear Jo\n"
    "Focused visit to Northmoor children’s services\n"
    "This letter summarises the findings of the focused visit to Northmoor children’s services on "
    "24 and 25 January 2023. His Majesty’s Inspectors for this visit were Louise Hollick and Anna Gravelle.\n"
    "Inspectors evaluated the experiences and progress of care leavers.\n"
    "What needs to improve in this area of social work practice?\n"
    "\u25FC Workload capacity and management oversight of support for care leavers.\n"
    "Ofsted will take the findings from this focused visit into account when planning your next "
    "inspection or visit.\n"
    "Yours sincerely\n"
    "Anna Gravelle\n"
    "1\n";
  static const char page2[] = "His Majesty’s Inspector\n2\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "signed.pdf", page1, page2);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

  assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Northmoor", "2023-01-24", "2023-01-25", "Anna Gravelle",
                 "the experiences and progress of care leavers");
  g_assert_cmpuint (s->recommendations->len, ==, 1);
  assert_recommendation (s, 0, "Workload capacity and management oversight of support for care leavers.", FALSE);

  pb_test_remove_dir (dir);
}

/* Joint targeted area inspections titled by their area alone (what they
 * looked at in the opening, as since 2019), and the 2016-2019 opening that
 * starts with the days: "Between 6 and 10 November 2017, Ofsted, …". */
static void
test_jtai_openings (void)
{
  static const char improve[] =
    "Areas for improvement\n"
    "\u25FC The timeliness of early help assessments.\n"
    "Next steps\n"
    "The local authority should prepare a written statement of proposed action.\n"
    "Yours sincerely\n"
    "Yvette Stanley\nNational Director, Regulation and Social Care, Ofsted\n";
  static const char opening_2023[] =
    "This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency "
    "response to serious youth violence in Northmoor. This inspection took place from 5 to 9 June 2023.\n";
  static const char opening_2017[] =
    "%s 6 %s 10 November 2017, Ofsted, the Care Quality Commission (CQC), HMI Constabulary and Fire & Rescue "
    "Services (HMICFRS) and HMI Probation (HMIP) undertook a joint inspection of the multi-agency response "
    "to abuse and neglect in Northmoor.\n";
  g_autofree char *between = g_strdup_printf (opening_2017, "Between", "and");
  g_autofree char *from = g_strdup_printf (opening_2017, "From", "to");
  const struct
  {
    const char *title;
    const char *opening;
    const char *theme;
    const char *start;
    const char *end;
  } letters[] = {
    { "Joint targeted area inspection of Northmoor", opening_2023,
      "multi-agency response to serious youth violence", "2023-06-05", "2023-06-09" },
    { "Joint targeted area inspection of Northmoor Council", opening_2023,
      "multi-agency response to serious youth violence", "2023-06-05", "2023-06-09" },
    { "Joint targeted area inspection of the multi-agency response to abuse and neglect in Northmoor", between,
      "multi-agency response to abuse and neglect", "2017-11-06", "2017-11-10" },
    { "Joint targeted area inspection of Northmoor", from,
      "multi-agency response to abuse and neglect", "2017-11-06", "2017-11-10" },
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      g_autofree char *name = g_strdup_printf ("jtai-%u.pdf", i);
      g_autofree char *page = g_strconcat ("17 August 2023\nDear Jo\n", letters[i].title, "\n", letters[i].opening,
                                           improve, NULL);
      g_autofree char *pdf = write_letter (dir, name, page, NULL);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

      g_test_message ("%s", letters[i].title);
      assert_letter (s, PB_DOCUMENT_JTAI, "Northmoor", letters[i].start, letters[i].end, NULL, letters[i].theme);
      g_assert_cmpuint (s->recommendations->len, ==, 1);
      assert_recommendation (s, 0, "The timeliness of early help assessments.", FALSE);
    }

  pb_test_remove_dir (dir);
}

/* A letter whose paragraphs are numbered numbers its areas for improvement
 * too, under either heading, a number perhaps on a line of its own; each
 * item's cohort is told by its words (plans for children in need, later
 * life letters, care plans). */
static void
test_numbered_areas (void)
{
  static const char * const headings[] = {
    "Areas for improvement",
    "What needs to improve in this area of social work practice?",
  };
  static const char letter[] =
    "Dear Mrs Jones\n"
    "Focused visit to Northmoor local authority children’s services\n"
    "1. This letter summarises the findings of a focused visit to Northmoor local authority children’s "
    "services on 7 November 2018 and 8 November 2018.\n"
    "2. Inspectors evaluated the arrangements for permanence planning for children in care.\n"
    "%s\n"
    "3. The quality of child in need plans, so that they are specific and measurable.\n"
    "4.\n"
    "The timeliness of later life letters for children who are adopted.\n"
    "5. The quality of care plans.\n"
    "Findings\n"
    "6. Leaders have a clear understanding of the quality of practice and have taken action to improve it.\n"
    "Yours sincerely\n"
    "Peter McEntee\n"
    "Her Majesty’s Inspector\n";
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *name = g_strdup_printf ("numbered-%u.pdf", i);
      g_autofree char *page = g_strdup_printf (letter, headings[i]);
      g_autofree char *pdf = write_letter (dir, name, page, NULL);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);
      PbRecommendation *recs;

      g_test_message ("%s", headings[i]);
      assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Northmoor", "2018-11-07", "2018-11-08", "Peter McEntee",
                     "permanence planning for children in care");
      g_assert_cmpuint (s->recommendations->len, ==, 3);
      recs = (PbRecommendation *)s->recommendations->data;
      assert_recommendation (s, 0, "The quality of child in need plans, so that they are specific and measurable.",
                             FALSE);
      assert_recommendation (s, 1, "The timeliness of later life letters for children who are adopted.", FALSE);
      assert_recommendation (s, 2, "The quality of care plans.", FALSE);
      g_assert_cmpstr (recs[0].cohort, ==, "help_and_protection");
      g_assert_cmpstr (recs[1].cohort, ==, "children_in_care");
      g_assert_cmpstr (recs[2].cohort, ==, "children_in_care");
      g_assert_cmpuint (s->paragraphs->len, ==, 6);
    }

  pb_test_remove_dir (dir);
}

/* The last bulleted area for improvement ends at its full stop: the
 * paragraph after the list is not part of it, though no heading comes
 * between and its first line is too long to be one. Words broken at a line's end by a hyphen read whole, hyphen
 * kept ("pre-" / "proceedings", "well-" / "being", "decision-" /
 * "making"). */
static void
test_list_ends (void)
{
  static const char letter[] =
    "Dear Mr Smith\n"
    "Monitoring visit to Northmoor children’s services\n"
    "This letter summarises the findings of the monitoring visit to Northmoor children’s services on "
    "4 March 2020 and 5 March 2020. Her Majesty’s Inspectors for this visit were Shabana Abasi and Paula "
    "Thomson-Jones.\n"
    "Areas for improvement\n"
    "\u25FC The timeliness of work to secure change for children during the pre-\n"
    "proceedings stage of the Public Law Outline.\n"
    "\u25FC Services that meet the emotional health and well-\n"
    "being needs of children.\n"
    "\u25FC The engagement of partners in key decision-\n"
    "making meetings.\n"
    "\u25FC The impact of supervision on the progress of\n"
    "plans.\n"
    "Ofsted will take the findings from this monitoring visit into account when planning your next "
    "inspection or visit.\n"
    "Yours sincerely\n"
    "Shabana Abasi\n"
    "Her Majesty’s Inspector\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *pdf = write_letter (dir, "monitoring.pdf", letter, NULL);
  g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

  g_assert_cmpint (s->type, ==, PB_DOCUMENT_MONITORING_VISIT);
  g_assert_cmpstr (s->lead_inspector, ==, "Shabana Abasi");
  g_assert_cmpuint (s->recommendations->len, ==, 4);
  assert_recommendation (s, 0, "The timeliness of work to secure change for children during the "
                               "pre-proceedings stage of the Public Law Outline.", FALSE);
  assert_recommendation (s, 1, "Services that meet the emotional health and well-being needs of children.", FALSE);
  assert_recommendation (s, 2, "The engagement of partners in key decision-making meetings.", FALSE);
  assert_recommendation (s, 3, "The impact of supervision on the progress of plans.", FALSE);

  /* As the published letters set it: the last bullet on a line of its
   * own, the paragraph after it on lines too long to be a heading. */
  {
    const char *pages[] = {
      "Dear Mr Smith\n"
      "Focused visit to Northmoor children’s services\n"
      "This letter summarises the findings of the focused visit to Northmoor children’s services on\n"
      "4 March 2020 and 5 March 2020. His Majesty’s Inspectors for this visit were Shabana Abasi and\n"
      "Paula Thomson-Jones.\n"
      "Areas for improvement\n"
      "\u2022 The consistency of child protection planning.\n"
      "\u2022 The impact of supervision on the progress of plans.\n"
      "Ofsted will take the findings from this focused visit into account when planning your\n"
      "next inspection or visit.\n"
      "Yours sincerely\n"
      "Shabana Abasi\n"
      "His Majesty’s Inspector\n",
      NULL
    };
    g_autoptr(PbStructure) t = pb_structure_read_text (pages);

    g_assert_cmpint (t->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
    g_assert_cmpuint (t->recommendations->len, ==, 2);
    assert_recommendation (t, 0, "The consistency of child protection planning.", FALSE);
    assert_recommendation (t, 1, "The impact of supervision on the progress of plans.", FALSE);
  }

  /* The items as plain lines, no bullet or number: the closing paragraph
   * and the sign-off are not items. */
  {
    const char *pages[] = {
      "Dear Mr Smith\n"
      "Focused visit to Northmoor children’s services\n"
      "This letter summarises the findings of the focused visit to Northmoor children’s services on\n"
      "4 March 2020 and 5 March 2020. His Majesty’s Inspectors for this visit were Shabana Abasi and\n"
      "Paula Thomson-Jones.\n"
      "What needs to improve in this area of social work practice?\n"
      "The consistency of child protection planning.\n"
      "The impact of supervision on the progress of plans.\n"
      "Ofsted will take the findings from this focused visit into account when planning your\n"
      "next inspection or visit.\n"
      "Yours sincerely\n"
      "Shabana Abasi\n"
      "His Majesty’s Inspector\n",
      NULL
    };
    g_autoptr(PbStructure) t = pb_structure_read_text (pages);

    g_assert_cmpint (t->type, ==, PB_DOCUMENT_FOCUSED_VISIT);
    g_assert_cmpuint (t->recommendations->len, ==, 2);
    assert_recommendation (t, 0, "The consistency of child protection planning.", FALSE);
    assert_recommendation (t, 1, "The impact of supervision on the progress of plans.", FALSE);
  }

  pb_test_remove_dir (dir);
}

/* An opening that names the days of the visit ("on Tuesday 24 and
 * Wednesday 25 January 2023", "on Tuesday, 24 January 2023 and Wednesday,
 * 25 January 2023") gives its dates as one without the names does, under
 * the address block and the letter's own date. */
static void
test_day_names (void)
{
  static const char * const spans[] = {
    "on Tuesday 24 and Wednesday 25 January 2023",
    "on Tuesday, 24 January 2023 and Wednesday, 25 January 2023",
    "between Tuesday 24 January and Wednesday 25 January 2023",
    "on Tuesday 24 to Wednesday 25 January 2023",
  };
  g_autofree char *dir = pb_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *name = g_strdup_printf ("days-%u.pdf", i);
      g_autofree char *page = g_strdup_printf (ADDRESS "Dear Jo\n\n"
                                               "Focused visit to Northmoor children’s services\n"
                                               "This letter summarises the findings of the focused visit to "
                                               "Northmoor children’s services %s. His Majesty’s Inspectors for "
                                               "this visit were Lisa Walsh and Nick Stacey.\n"
                                               "Inspectors looked at the local authority’s arrangements for care "
                                               "leavers.\n"
                                               "Yours sincerely\n\nLisa Walsh\nHis Majesty’s Inspector\n",
                                               spans[i]);
      g_autofree char *pdf = write_letter (dir, name, page, NULL);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

      g_test_message ("%s", spans[i]);
      assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Northmoor", "2023-01-24", "2023-01-25", "Lisa Walsh",
                     "care leavers");
    }

  pb_test_remove_dir (dir);
}

/* A letter known by its opening alone, its subject line left out: the
 * opening names the visit and the letter is addressed and signed. The same
 * opening quoted in a paper, neither addressed nor signed, names no letter.
 * An assurance visit (autumn 2020) is a kind of its own, stored and shown
 * so. */
static void
test_letters_by_opening (void)
{
  static const char opening[] =
    "This letter summarises the findings of the %s visit to Northmoor children’s services on 24 and 25 "
    "January 2023. His Majesty’s Inspectors for this visit were Lisa Walsh and Nick Stacey.\n"
    "Inspectors looked at the local authority’s arrangements for care leavers.\n"
    "What needs to improve in this area of social work practice?\n"
    "\u25FC The quality of pathway plans.\n";
  static const char signature[] = "Yours sincerely\n\nLisa Walsh\nHis Majesty’s Inspector\n";
  g_autofree char *dir = pb_test_make_dir ();
  g_autofree char *focused = g_strdup_printf (opening, "focused");
  g_autofree char *assurance = g_strdup_printf (opening, "assurance");

  /* No subject line: the opening names the visit. */
  {
    g_autofree char *page = g_strconcat (ADDRESS, "Dear Jo\n\n", focused, signature, NULL);
    g_autofree char *pdf = write_letter (dir, "no-subject.pdf", page, NULL);
    g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

    assert_letter (s, PB_DOCUMENT_FOCUSED_VISIT, "Northmoor", "2023-01-24", "2023-01-25", "Lisa Walsh",
                   "care leavers");
    g_assert_true (g_ptr_array_find_with_equal_func (s->reasons, "opening: focused visit", g_str_equal, NULL));
    g_assert_cmpuint (s->recommendations->len, ==, 1);
    assert_recommendation (s, 0, "The quality of pathway plans.", FALSE);
  }

  /* The opening quoted in a paper, with no salutation or sign-off. */
  {
    g_autofree char *page = g_strconcat ("Corporate parenting panel, 3 March 2023\n"
                                         "The panel considered the letter from Ofsted.\n", focused, NULL);
    g_autofree char *pdf = write_letter (dir, "quoted.pdf", page, NULL);
    g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

    g_assert_cmpint (s->type, ==, PB_DOCUMENT_OTHER);
    g_assert_null (s->local_authority);
  }

  /* An assurance visit, titled or known by its opening. */
  for (guint titled = 0; titled < 2; titled++)
    {
      g_autofree char *name = g_strdup_printf ("assurance-%u.pdf", titled);
      g_autofree char *page = g_strconcat (ADDRESS, "Dear Jo\n\n",
                                           titled ? "Assurance visit to Northmoor children’s services\n" : "",
                                           assurance, signature, NULL);
      g_autofree char *pdf = write_letter (dir, name, page, NULL);
      g_autoptr(PbStructure) s = pb_structure_read_pdf (pdf, NULL, NULL);

      assert_letter (s, PB_DOCUMENT_ASSURANCE_VISIT, "Northmoor", "2023-01-24", "2023-01-25", "Lisa Walsh",
                     "care leavers");
      g_assert_true (g_ptr_array_find_with_equal_func (s->reasons,
                                                       titled ? "title: assurance visit" : "opening: assurance visit",
                                                       g_str_equal, NULL));
      g_assert_cmpuint (s->recommendations->len, ==, 1);
      g_assert_cmpstr (pb_document_type_to_slug (s->type), ==, "assurance_visit");
      g_assert_cmpint (pb_document_type_from_slug ("assurance_visit"), ==, PB_DOCUMENT_ASSURANCE_VISIT);
      g_assert_cmpstr (pb_document_type_get_label (s->type), ==, "Assurance visit");
    }

  pb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/structure-letters/focused-visit", test_focused_visit);
  g_test_add_func ("/structure-letters/focused-visit-2018", test_focused_visit_2018);
  g_test_add_func ("/structure-letters/monitoring-visit", test_monitoring_visit);
  g_test_add_func ("/structure-letters/jtai", test_jtai);
  g_test_add_func ("/structure-letters/imported", test_letter_imported);
  g_test_add_func ("/structure-letters/signature-over-page-break", test_signature_over_page_break);
  g_test_add_func ("/structure-letters/jtai-openings", test_jtai_openings);
  g_test_add_func ("/structure-letters/numbered-areas", test_numbered_areas);
  g_test_add_func ("/structure-letters/list-ends", test_list_ends);
  g_test_add_func ("/structure-letters/day-names", test_day_names);
  g_test_add_func ("/structure-letters/letters-by-opening", test_letters_by_opening);

  return g_test_run ();
}
