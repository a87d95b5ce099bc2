/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-import.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pack.h"
#include "pb-pdf-writer.h"
#include "pb-quote-locate.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-view-state-store.h"
#include "pb-view-state.h"

/* Sample documents for the demo library: an inspection report in the shape of
 * an ILACS report (judgement table, "What needs to improve?", one section per
 * cohort, paragraphs numbered through the whole report), an earlier focused
 * visit letter, minutes of the corporate parenting panel, and the inspection
 * before, from the years when children in care and care leavers were judged
 * together. Harrowdale and everyone in these documents are made up; the
 * text was written for Panel Brief. */

#define AUTHORITY "Harrowdale"
#define SHORT_TITLE "Inspection of Harrowdale local authority children’s services"

static const char * const judgements[] = {
  "The impact of leaders on social work practice with children and families",
  "The experiences and progress of children who need help and protection",
  "The experiences and progress of children in care",
  "The experiences and progress of care leavers",
  "Overall effectiveness",
};

static const char * const grades[] = {
  "Good",
  "Requires improvement to be good",
  "Good",
  "Requires improvement to be good",
  "Good",
};

static const char * const improvements[] = {
  "The timeliness and quality of strategy meetings when children may be at risk of "
  "significant harm out of hours.",
  "The consistency of management oversight and supervision in the assessment teams, so "
  "that plans for children are progressed without delay.",
  "The quality of pathway plans for care leavers, including how well they reflect young "
  "people’s own views and plans for education and work.",
  "The sufficiency of local homes for children in care with complex needs, so that fewer "
  "children live far from Harrowdale.",
};

typedef struct
{
  const char *heading;
  const char *paragraphs[6];
} Section;

static const Section sections[] = {
  {
    "The experiences and progress of children who need help and protection: requires "
    "improvement to be good",
    {
      "Children and families who need help receive a prompt response from the integrated "
      "front door. Partner agencies understand thresholds well, and the multi-agency "
      "safeguarding hub makes timely decisions about next steps for most children.",
      "Out of hours, the response to children at risk is less consistent. Strategy "
      "meetings are sometimes held late or without police and health partners present, "
      "and the reasons for decisions are not always recorded.",
      "Most assessments are thorough and consider children’s histories. In the assessment "
      "teams, however, the frequency and depth of supervision vary, and some plans drift "
      "when actions are not followed up.",
      "Early help services are well regarded by families. Family hubs offer a wide range of "
      "support, and step-down from statutory services is planned carefully so that "
      "progress is sustained.",
      "Children at risk of exploitation are identified quickly. The adolescent safety team "
      "builds trusting relationships with young people, and disruption activity with "
      "partners is effective.",
      NULL,
    }
  },
  {
    "The experiences and progress of children in care: good",
    {
      "Decisions for children to come into care are timely and well considered. Children "
      "are helped to understand why they are in care through life-story work that is "
      "sensitive and child-centred.",
      "Most children live in stable homes with carers who know them well. Foster carers "
      "speak highly of the training and support they receive from the fostering service.",
      "The virtual school has a strong focus on attendance and attainment. Personal "
      "education plans are of good quality and are reviewed regularly.",
      "Too many children with complex needs live in residential homes a long way from "
      "Harrowdale. Leaders have a credible sufficiency strategy, but it is at an early "
      "stage and has not yet made a difference for these children.",
      "Children’s health needs are well met. Initial and review health assessments are "
      "completed on time, and emotional well-being is assessed and supported.",
      NULL,
    }
  },
  {
    "The experiences and progress of care leavers: requires improvement to be good",
    {
      "Care leavers are supported by personal advisers who are persistent and caring. "
      "Most young people stay in touch with their adviser, and many describe the "
      "relationship as the most important one they have.",
      "Pathway plans are not consistently of good quality. Some are written for young "
      "people rather than with them, and actions are not specific enough to help them "
      "reach their goals in education, training and work.",
      "The local offer is generous and well publicised. Care leavers are exempt from "
      "council tax until they are 25 and receive help with setting up home.",
      "Too few care leavers are in education, employment or training. The council’s "
      "apprenticeship scheme is a strength but reaches a small number of young people.",
      NULL,
    }
  },
  {
    "The impact of leaders on social work practice with children and families: good",
    {
      "Senior leaders have a clear and accurate understanding of the strengths and "
      "weaknesses of services. Their self-evaluation matched inspectors’ findings.",
      "The corporate parenting panel is well attended and ambitious for children. "
      "Councillors hear directly from children in care and care leavers, and their views "
      "have shaped the local offer.",
      "Caseloads are manageable in most teams, and the workforce is increasingly stable. "
      "Social workers are positive about working in Harrowdale and value the training "
      "offered.",
      "Quality assurance is well established. Audits are moderated and lead to learning, "
      "although the learning is not yet embedded in all teams.",
      NULL,
    }
  },
};

static gboolean
write_inspection (const char  *path,
                  GError     **error)
{
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_utc (2024, 11, 4, 9, 30, 0);
  guint number = 1;

  g_return_val_if_fail (path != NULL, FALSE);

  writer = pb_pdf_writer_new (path, NULL, "Ofsted (sample report for Panel Brief)");
  pb_pdf_writer_set_footer (writer, SHORT_TITLE);
  pb_pdf_writer_set_created (writer, published);

  pb_pdf_writer_heading (writer, 1, SHORT_TITLE);
  pb_pdf_writer_paragraph (writer,
                           "Inspection dates: 9 to 20 September 2024\n"
                           "Lead inspector: Joan Fairweather, His Majesty’s Inspector");
  pb_pdf_writer_table (writer, "Judgement", "Grade",
                       (const char **)judgements, (const char **)grades,
                       G_N_ELEMENTS (judgements));

  pb_pdf_writer_paragraph (writer,
                           "Children and families in " AUTHORITY " receive good help from "
                           "services that have improved steadily since the last inspection. "
                           "Leaders know their services well and have acted on most of the "
                           "recommendations made at that time. Some children who need help and "
                           "protection, and some care leavers, do not yet receive a consistently "
                           "good service.");
  pb_pdf_writer_paragraph (writer,
                           "This is a sample report, made up for the Panel Brief demo "
                           "library. " AUTHORITY " is not a real local authority.");

  pb_pdf_writer_heading (writer, 2, "What needs to improve?");
  for (guint i = 0; i < G_N_ELEMENTS (improvements); i++)
    pb_pdf_writer_bullet (writer, improvements[i]);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      pb_pdf_writer_heading (writer, 2, sections[s].heading);
      for (guint p = 0; sections[s].paragraphs[p] != NULL; p++)
        pb_pdf_writer_numbered (writer, number++, sections[s].paragraphs[p]);
    }

  pb_pdf_writer_heading (writer, 2, "Ofsted");
  pb_pdf_writer_paragraph (writer,
                           "This report is fictional and carries no Ofsted authority. It shows "
                           "how Panel Brief reads the judgement table, the recommendations and "
                           "the numbered paragraphs of a children’s services inspection report.");

  return pb_pdf_writer_finish (writer, error);
}

/* The inspection before: in 2019 children in care and care leavers were
 * judged together, so the overview has an era's combined grade to show. */
static gboolean
write_earlier_inspection (const char  *path,
                          GError     **error)
{
  static const char * const judged[] = {
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care and care leavers",
    "Overall effectiveness",
  };
  static const char * const graded[] = {
    "Requires improvement to be good",
    "Requires improvement to be good",
    "Inadequate",
    "Requires improvement to be good",
  };
  static const Section earlier[] = {
    {
      "The experiences and progress of children who need help and protection: requires "
      "improvement to be good",
      {
        "Most children referred to the front door receive a timely response, but thresholds "
        "are not applied consistently by all partner agencies.",
        "Assessments are too variable in quality. The weakest do not take account of "
        "children’s histories or of what children say about their lives.",
        NULL,
      }
    },
    {
      "The experiences and progress of children in care and care leavers: inadequate",
      {
        "Too many children come into care in an emergency, and too many live in homes far "
        "from Harrowdale.",
        "Care leavers do not know their entitlements, and pathway plans are not written with "
        "them.",
        NULL,
      }
    },
    {
      "The impact of leaders on social work practice with children and families: requires "
      "improvement to be good",
      {
        "Leaders have an accurate picture of where practice is weakest and have begun to "
        "act, but improvements are recent.",
        NULL,
      }
    },
  };
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_utc (2019, 12, 2, 9, 30, 0);
  guint number = 1;

  writer = pb_pdf_writer_new (path, NULL, "Ofsted (sample report for Panel Brief)");
  pb_pdf_writer_set_footer (writer, SHORT_TITLE);
  pb_pdf_writer_set_created (writer, published);

  pb_pdf_writer_heading (writer, 1, SHORT_TITLE);
  pb_pdf_writer_paragraph (writer,
                           "Inspection dates: 14 to 25 October 2019\n"
                           "Lead inspector: Peter Ashdown, Her Majesty’s Inspector");
  pb_pdf_writer_table (writer, "Judgement", "Grade", (const char **)judged, (const char **)graded,
                       G_N_ELEMENTS (judged));

  pb_pdf_writer_paragraph (writer,
                           "Services for children in " AUTHORITY " have declined since the last "
                           "inspection. This is a sample report, made up for the Panel Brief demo "
                           "library. " AUTHORITY " is not a real local authority.");

  pb_pdf_writer_heading (writer, 2, "What needs to improve?");
  pb_pdf_writer_bullet (writer, "The sufficiency of homes for children in care close to Harrowdale.");
  pb_pdf_writer_bullet (writer, "The quality of pathway plans, and care leavers’ knowledge of their "
                                "entitlements.");

  for (guint s = 0; s < G_N_ELEMENTS (earlier); s++)
    {
      pb_pdf_writer_heading (writer, 2, earlier[s].heading);
      for (guint p = 0; earlier[s].paragraphs[p] != NULL; p++)
        pb_pdf_writer_numbered (writer, number++, earlier[s].paragraphs[p]);
    }

  return pb_pdf_writer_finish (writer, error);
}

static gboolean
write_focused_visit (const char  *path,
                     GError     **error)
{
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_utc (2022, 12, 14, 10, 0, 0);

  writer = pb_pdf_writer_new (path, NULL, "Ofsted (sample letter for Panel Brief)");
  pb_pdf_writer_set_footer (writer, "Focused visit to Harrowdale local authority");
  pb_pdf_writer_set_created (writer, published);

  pb_pdf_writer_heading (writer, 1, "Focused visit to Harrowdale local authority children’s services");
  pb_pdf_writer_paragraph (writer,
                           "Dear Director of Children’s Services\n\n"
                           "This letter summarises the findings of the focused visit to Harrowdale "
                           "children’s services on 8 and 9 November 2022. Inspectors looked at the "
                           "council’s arrangements for care leavers. This visit was carried out in "
                           "line with the inspection of local authority children’s services "
                           "framework. The letter is a sample written for the Panel Brief demo.");

  pb_pdf_writer_heading (writer, 2, "Headline findings");
  pb_pdf_writer_paragraph (writer,
                           "Care leavers in Harrowdale are supported by committed personal "
                           "advisers who know them well. Leaders have increased the local offer, "
                           "and more young people are living in suitable accommodation. However, "
                           "pathway plans are not consistently updated when young people’s "
                           "circumstances change, and too few care leavers are in education, "
                           "employment or training.");

  pb_pdf_writer_heading (writer, 2, "What needs to improve in this area of social work practice?");
  pb_pdf_writer_bullet (writer, "The quality and timeliness of pathway plans, so that they are "
                                "updated when young people’s circumstances change.");
  pb_pdf_writer_bullet (writer, "The range of opportunities for care leavers to enter education, "
                                "employment and training.");

  pb_pdf_writer_heading (writer, 2, "Main findings");
  pb_pdf_writer_paragraph (writer,
                           "Personal advisers are allocated before young people turn 17 and a half, "
                           "which gives time to build relationships. Young people who spoke to "
                           "inspectors valued the persistence of their advisers.");
  pb_pdf_writer_paragraph (writer,
                           "Accommodation has improved. The council has opened two supported "
                           "lodgings schemes, and no care leaver was living in bed and breakfast "
                           "accommodation at the time of the visit.");
  pb_pdf_writer_paragraph (writer,
                           "Pathway plans vary in quality. The strongest are written with young "
                           "people and record their ambitions; weaker plans are out of date and "
                           "do not say who will do what by when.");
  pb_pdf_writer_paragraph (writer,
                           "Ofsted will take the findings from this focused visit into account "
                           "when planning the next inspection or visit.\n\n"
                           "Yours sincerely\n\nJoan Fairweather\nHis Majesty’s Inspector");

  return pb_pdf_writer_finish (writer, error);
}

static gboolean
write_panel_minutes (const char  *path,
                     GError     **error)
{
  static const char * const actions[] = {
    "Officers to bring a revised pathway plan template to the March meeting.",
    "The virtual school head to report on attendance of children in care at secondary schools.",
    "Members to visit the new supported lodgings scheme before the next meeting.",
  };
  static const char * const owners[] = {
    "Head of Service, Care Leavers",
    "Virtual School Head",
    "Democratic Services",
  };
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 1, 22, 16, 30, 0);

  writer = pb_pdf_writer_new (path, "Corporate Parenting Panel minutes, 21 January 2025",
                              "Harrowdale Borough Council (sample for Panel Brief)");
  pb_pdf_writer_set_footer (writer, "Corporate Parenting Panel, 21 January 2025");
  pb_pdf_writer_set_created (writer, created);

  pb_pdf_writer_heading (writer, 1, "Corporate Parenting Panel minutes, 21 January 2025");
  pb_pdf_writer_paragraph (writer,
                           "Present: Councillor A. Okafor (Chair), Councillor R. Penhaligon, "
                           "Councillor S. Whitlock, Councillor J. Marsh. Officers: Director of "
                           "Children’s Services, Head of Service for Care Leavers, Virtual School "
                           "Head. Also present: two members of the Children in Care Council.");

  pb_pdf_writer_heading (writer, 2, "1. Voice of children in care");
  pb_pdf_writer_paragraph (writer,
                           "Members of the Children in Care Council presented their survey of "
                           "young people’s views on contact with brothers and sisters. The panel "
                           "thanked them and asked officers to respond to each recommendation.");

  pb_pdf_writer_heading (writer, 2, "2. Progress since the focused visit");
  pb_pdf_writer_paragraph (writer,
                           "The Head of Service reported that 78% of pathway plans had been "
                           "reviewed in the last six months, up from 54% at the time of the "
                           "focused visit. Members asked how the quality of the plans was being "
                           "checked, and noted that audits would be reported in March.");

  pb_pdf_writer_heading (writer, 2, "3. Education, employment and training");
  pb_pdf_writer_paragraph (writer,
                           "The panel discussed the proportion of care leavers aged 19 to 21 in "
                           "education, employment or training, which remains below the regional "
                           "average. The council’s apprenticeship scheme has eight places this "
                           "year.");

  pb_pdf_writer_heading (writer, 2, "Actions");
  pb_pdf_writer_table (writer, "Action", "Owner", (const char **)actions, (const char **)owners,
                       G_N_ELEMENTS (actions));

  pb_pdf_writer_paragraph (writer, "This document is a sample written for the Panel Brief demo.");

  return pb_pdf_writer_finish (writer, error);
}

/**
 * pb_demo_write_samples:
 * @dir: an existing folder
 *
 * Writes the sample documents into @dir.
 *
 * Returns: (transfer full): their paths: the focused visit, the 2024
 *   inspection, the panel's minutes and the 2019 inspection
 */
GPtrArray *
pb_demo_write_samples (const char  *dir,
                       GError     **error)
{
  static const struct {
    const char *name;
    gboolean (*write) (const char *, GError **);
  } samples[] = {
    { "harrowdale-focused-visit-2022.pdf", write_focused_visit },
    { "harrowdale-ilacs-2024.pdf", write_inspection },
    { "corporate-parenting-panel-2025-01.pdf", write_panel_minutes },
    { "harrowdale-ilacs-2019.pdf", write_earlier_inspection },
  };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (dir != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (dir, samples[i].name, NULL);

      if (!samples[i].write (path, error))
        return NULL;
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  return g_steal_pointer (&paths);
}

typedef struct
{
  guint            sample;     /* index into the samples written */
  guint            page;
  const char      *quote;
  const char      *cohorts[3];
  PbFindingKind    kind;
  PbFindingStatus  status;
  gboolean         exempt;
  const char      *note;
} SampleFinding;

static const SampleFinding sample_findings[] = {
  { 1, 2, "Out of hours, the response to children at risk is less consistent.",
    { "help_and_protection", NULL }, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT, PB_FINDING_STATUS_NONE, FALSE,
    "Ask for the out-of-hours audit at the next panel." },
  { 1, 2, "Most children live in stable homes with carers who know them well.",
    { "children_in_care", NULL }, PB_FINDING_KIND_STRENGTH, PB_FINDING_STATUS_NONE, FALSE, "" },
  { 1, 3, "Pathway plans are not consistently of good quality.",
    { "care_leavers", NULL }, PB_FINDING_KIND_AREA_FOR_IMPROVEMENT, PB_FINDING_STATUS_NONE, FALSE,
    "Same finding as the 2022 focused visit." },
  { 1, 1, "The sufficiency of local homes for children in care with complex needs",
    { "children_in_care", "leadership", NULL }, PB_FINDING_KIND_RECOMMENDATION, PB_FINDING_STATUS_OPEN, FALSE,
    "Sufficiency strategy due at cabinet in the spring." },
  { 0, 1, "Accommodation has improved.",
    { "care_leavers", NULL }, PB_FINDING_KIND_STRENGTH, PB_FINDING_STATUS_NONE, FALSE, "" },
  { 2, 1, "78% of pathway plans had been reviewed in the last six months",
    { "care_leavers", NULL }, PB_FINDING_KIND_COMMITMENT, PB_FINDING_STATUS_NONE, TRUE,
    "Figures not yet published: exempt until the March report." },
};

/**
 * pb_demo_populate:
 * @dir: a folder for the sample files
 *
 * Writes the sample documents, imports them into @library and marks a few
 * findings in them, as an officer would.
 */
gboolean
pb_demo_populate (PbLibrary   *library,
                  const char  *dir,
                  GError     **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);

  if (!(paths = pb_demo_write_samples (dir, error)))
    return FALSE;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(PbReport) report = NULL;
      gint64 id = 0;
      if (!pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, error) ||
          !(report = pb_library_get_report (library, id, error)))
        return FALSE;

      g_ptr_array_add (shas, g_strdup (pb_report_get_sha256 (report)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_findings); i++)
    {
      const SampleFinding *sample = &sample_findings[i];
      const char *sha = g_ptr_array_index (shas, sample->sample);
      g_autofree char *path = pb_library_dup_report_path (library, sha);
      g_autoptr(PbFinding) finding = pb_finding_new ();
      g_autoptr(GArray) anchors = NULL;

      if (!(anchors = pb_pdf_locate_quote (path, NULL, sample->page, sample->quote, error)))
        return FALSE;

      pb_finding_set_report_sha256 (finding, sha);
      pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
      pb_finding_set_quote (finding, sample->quote);
      pb_finding_set_cohorts (finding, sample->cohorts);
      pb_finding_set_kind (finding, sample->kind);
      pb_finding_set_status (finding, sample->status);
      pb_finding_set_exempt (finding, sample->exempt);
      pb_finding_set_note (finding, sample->note);

      if (!pb_library_add_finding (library, finding, error))
        return FALSE;
    }

  /* Open on the inspection report, at its first cohort section. */
  {
    g_autoptr(PbReport) inspection = pb_library_find_report (library, g_ptr_array_index (shas, 1), NULL);
    PbViewState state = { .page_index = 1, .zoom = 1.0, .sizing = PB_SIZING_FIT_WIDTH };

    if (inspection != NULL &&
        !pb_library_save_view_state (library, pb_report_get_id (inspection), &state, error))
      return FALSE;
  }

  return TRUE;
}

/**
 * pb_demo_add_pack:
 *
 * A briefing pack for the demo library: its public findings in their
 * cohorts' sections, an introduction, a note and a section of questions.
 *
 * Returns: the pack's id, or 0 with @error set
 */
gint64
pb_demo_add_pack (PbLibrary  *library,
                  GError    **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) pack_sections = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  gint64 pack, questions;

  filter.exempt = 0;
  if (!(findings = pb_library_list_findings (library, &filter, error)))
    return 0;
  for (guint i = 0; i < findings->len; i++)
    {
      gint64 id = pb_finding_get_id (g_ptr_array_index (findings, i));
      g_array_append_val (ids, id);
    }

  if (!(pack = pb_library_create_pack (library, _("Corporate Parenting Panel, March 2026"), FALSE,
                                       "2026-03-12", error)) ||
      !pb_library_set_pack_field (library, pack, PB_PACK_FIELD_COMMITTEE, _("Corporate Parenting Panel"), error) ||
      !pb_library_set_pack_field (library, pack, PB_PACK_FIELD_AUTHOR, _("Children’s Services Improvement Team"), error) ||
      !pb_library_set_pack_field (library, pack, PB_PACK_FIELD_AGENDA_ITEM, "7", error) ||
      !pb_library_set_pack_field (library, pack, PB_PACK_FIELD_CONTACT, "improvement@harrowdale.example", error) ||
      !pb_library_set_pack_field (library, pack, PB_PACK_FIELD_INTRODUCTION,
                                  _("This pack brings together what Ofsted found at its most recent inspection of "
                                    "Harrowdale’s children’s services, with the actions officers have committed to. "
                                    "Members are asked to note the findings and to agree the questions at the end."),
                                  error) ||
      !pb_library_add_to_pack (library, pack, (gint64 *)(gpointer)ids->data, ids->len, error) ||
      !(pack_sections = pb_library_get_pack_sections (library, pack, error)) ||
      pack_sections->len == 0 ||
      !pb_library_add_pack_text (library, ((PbPackSection *)g_ptr_array_index (pack_sections, 0))->id, PB_PACK_ITEM_NOTE,
                                 _("The service’s own audit in January reached the same view."), 0, error) ||
      !(questions = pb_library_add_pack_section (library, pack, _("Questions for officers"), error)) ||
      !pb_library_add_pack_text (library, questions, PB_PACK_ITEM_NOTE,
                                 _("When will every care leaver have a pathway plan written with them?"), -1, error))
    return 0;

  return pack;
}
