/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <math.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-report-store.h"
#include "pb-report.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

void
pb_pack_fixture_setup (PbPackFixture *f,
                       gconstpointer  data)
{
  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  g_assert_true (pb_demo_populate (f->library, f->dir, NULL));
  f->findings = pb_library_list_findings (f->library, NULL, NULL);
  g_assert_cmpuint (f->findings->len, >=, 5);

  for (guint i = 0; i < f->findings->len; i++)
    if (pb_finding_get_exempt (g_ptr_array_index (f->findings, i)))
      f->exempt_id = pb_finding_get_id (g_ptr_array_index (f->findings, i));
  g_assert_cmpint (f->exempt_id, >, 0);
}

void
pb_pack_fixture_teardown (PbPackFixture *f,
                          gconstpointer  data)
{
  g_ptr_array_unref (f->findings);
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The findings that may go anywhere. */
GArray *
pb_pack_fixture_public_ids (PbPackFixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < f->findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (f->findings, i);
      gint64 id = pb_finding_get_id (finding);

      if (!pb_finding_get_exempt (finding))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Files an export left half-written in @dir: the private temporary files
 * exports write into are named "….part" until renamed into place. */
guint
pb_test_count_leftovers (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      n++;
  return n;
}

/* Passages of the lengths officers quote, from a line to a long paragraph,
 * so that some findings run over a page break. */
static const char * const board_quotes[] = {
  "Out of hours, the response to children at risk is less consistent.",
  "Most children live in stable homes with carers who know them well. Foster carers speak highly of "
  "the training and support they receive from the fostering service.",
  "Pathway plans are not consistently of good quality. Some are written for young people rather than "
  "with them, and actions are not specific enough to help them reach their goals in education, "
  "training and work.",
  "Too many children come into care in an emergency, and too many live in homes far from Harrowdale.",
  "Leaders have an accurate picture of where practice is weakest and have begun to act, but "
  "improvements are recent.",
  "Assessments are too variable in quality. The weakest do not take account of children’s histories "
  "or of what children say about their lives. Managers do not consistently record the rationale for "
  "decisions, and plans for some children drift when their circumstances change, so that help is "
  "slower to arrive. Supervision is regular in most teams but does not always challenge drift, and "
  "the actions agreed in supervision are not always followed up. Where plans are reviewed, reviews "
  "are timely, but the views of children are not consistently recorded or acted upon.",
  "Care leavers do not know their entitlements, and pathway plans are not written with them.",
  "The virtual school has a strong focus on attendance and attainment. Personal education plans are "
  "of good quality and are reviewed regularly.",
  "Children at risk of exploitation are identified quickly. The adolescent safety team builds trusting "
  "relationships with young people, and disruption activity with partners is effective.",
  "Caseloads are manageable in most teams, and the workforce is increasingly stable.",
};

static gint64
report_id_by_file (PbPackFixture *f,
                   const char    *file_name)
{
  g_autoptr(GPtrArray) reports = pb_library_list_reports (f->library, NULL);

  for (guint i = 0; i < reports->len; i++)
    if (g_str_has_prefix (pb_report_get_file_name (g_ptr_array_index (reports, i)), file_name))
      return pb_report_get_id (g_ptr_array_index (reports, i));
  g_assert_not_reached ();
}

/**
 * pb_pack_fixture_board_pack:
 * @n_findings: how many findings to put in it
 * @exempt: whether the pack is exempt, under paragraph 3 of Schedule 12A
 *
 * A pack as an officer would make for the panel: every detail of its
 * cover filled in, @n_findings findings of many lengths from both of the
 * demo's inspections (so its grades matrix has two columns, a change of
 * framework between them and the 2019 judgement of children in care and
 * care leavers together), the focused visit and the minutes, spread over
 * the cohorts' sections, with notes, an officer's heading and a note of
 * her own.
 *
 * Returns: the pack's id
 */
gint64
pb_pack_fixture_board_pack (PbPackFixture *f,
                            guint          n_findings,
                            gboolean       exempt)
{
  return pb_pack_fixture_board_pack_quoting (f, n_findings, exempt, board_quotes, G_N_ELEMENTS (board_quotes));
}

/**
 * pb_pack_fixture_board_pack_quoting:
 * @quotes: (array length=n_quotes): the passages the findings quote, in
 *   turn
 *
 * As pb_pack_fixture_board_pack(), its findings quoting @quotes.
 *
 * Returns: the pack's id
 */
gint64
pb_pack_fixture_board_pack_quoting (PbPackFixture      *f,
                                    guint               n_findings,
                                    gboolean            exempt,
                                    const char * const *quotes,
                                    guint               n_quotes)
{
  static const char * const cohorts[][2] = {
    { "help_and_protection", NULL }, { "children_in_care", NULL }, { "care_leavers", NULL }, { "leadership", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(PbReport) earlier = NULL;
  PbFinding *model = NULL;
  gint64 pack;

  for (guint i = 0; i < f->findings->len && model == NULL; i++)
    if (!pb_finding_get_exempt (g_ptr_array_index (f->findings, i)))
      model = g_ptr_array_index (f->findings, i);
  earlier = pb_library_get_report (f->library, report_id_by_file (f, "harrowdale-ilacs-2019"), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_findings; i++)
    {
      g_autoptr(PbFinding) finding = pb_finding_copy (g_ptr_array_index (f->findings, i % f->findings->len));
      gint64 id;

      /* Every third from the inspection before, judged under the old framework. */
      if (i % 3 == 1)
        {
          pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (earlier));
          pb_finding_set_page (finding, 1 + i % 2);
          pb_finding_set_paragraph (finding, 1 + i % 5);
        }
      pb_finding_set_quote (finding, quotes[i % n_quotes]);
      pb_finding_set_cohorts (finding, cohorts[i % G_N_ELEMENTS (cohorts)]);
      pb_finding_set_kind (finding, (PbFindingKind)(i % 5));
      pb_finding_set_status (finding, i % 5 == PB_FINDING_KIND_RECOMMENDATION ? PB_FINDING_STATUS_IN_PROGRESS
                                                                               : PB_FINDING_STATUS_NONE);
      pb_finding_set_note (finding, i % 2 == 0 ? "Ask the service for the audit of these cases at the next panel." : "");
      pb_finding_set_exempt (finding, exempt && i == 5);
      id = pb_library_add_finding (f->library, finding, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  g_assert_nonnull (model);

  pack = pb_library_create_pack (f->library, PB_TEST_BOARD_TITLE, exempt, "2026-03-12", &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_COMMITTEE, "Corporate Parenting Panel", &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_AGENDA_ITEM, PB_TEST_BOARD_AGENDA, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_AUTHOR, PB_TEST_BOARD_AUTHOR, &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_CONTACT, PB_TEST_BOARD_CONTACT, &error));
  if (exempt)
    g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "3", &error));
  g_assert_true (pb_library_set_pack_field (f->library, pack, PB_PACK_FIELD_INTRODUCTION,
                                            "This pack brings together what Ofsted found at its two most recent "
                                            "inspections of Harrowdale’s children’s services, with the actions "
                                            "officers have committed to. Members are asked to note the findings and "
                                            "to agree the questions in each section.", &error));
  g_assert_true (pb_library_add_to_pack (f->library, pack, (gint64 *)(gpointer)ids->data, ids->len, &error));
  g_assert_no_error (error);

  sections = pb_library_get_pack_sections (f->library, pack, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, >=, 2);
  g_assert_cmpint (pb_library_add_pack_text (f->library, ((PbPackSection *)g_ptr_array_index (sections, 1))->id,
                                             PB_PACK_ITEM_HEADING, "Questions for officers", -1, &error), >, 0);
  g_assert_cmpint (pb_library_add_pack_text (f->library, ((PbPackSection *)g_ptr_array_index (sections, 1))->id,
                                             PB_PACK_ITEM_NOTE, "When will every child in care with complex needs "
                                             "live within twenty miles of Harrowdale?", -1, &error), >, 0);
  g_assert_no_error (error);
  return pack;
}

/**
 * pb_test_write_logo:
 * @dir: a folder
 *
 * Draws a council's crest, a shield, as a PNG in @dir.
 *
 * Returns: (transfer full): its path
 */
char *
pb_test_write_logo (const char *dir)
{
  char *path = g_build_filename (dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 180);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, 150, 10);
  cairo_line_to (cr, 150, 100);
  cairo_curve_to (cr, 150, 140, 110, 165, 80, 175);
  cairo_curve_to (cr, 50, 165, 10, 140, 10, 100);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.08, 0.13, 0.24);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.68, 0.22);
  cairo_set_line_width (cr, 8);
  cairo_stroke (cr);
  cairo_rectangle (cr, 10, 70, 140, 28);
  cairo_fill (cr);
  cairo_arc (cr, 80, 40, 16, 0, 2 * G_PI);
  cairo_fill (cr);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}
