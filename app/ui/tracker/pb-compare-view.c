/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-compare-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-compare-view.h"
#include "pb-pack-sections.h"
#include "pb-report-compare.h"
#include "pb-report-details.h"
#include "pb-tracker-view-private.h"

/* Two reports of one authority compared, cohort by cohort: the grade then
 * and now with the change; the recommendations made again, new and no
 * longer made; and the cohort's section, paragraph by paragraph, side by
 * side (one above the other where the window is narrow). Every
 * recommendation and paragraph is a button that opens its report at its
 * page. The comparison is read by pb_library_compare_reports(). */

struct _PbCompareView
{
  GtkWidget           parent_instance;

  PbLibrary          *library;
  GStrv               authority_list;
  GPtrArray          *reports;        /* PbAuthorityReport, the authority's, oldest first */
  PbReportComparison *comparison;
  GPtrArray          *pairs;          /* GtkBox: the side-by-side boxes, to turn when narrow */
  char               *summary;
  gboolean            filling;
  gboolean            stale;          /* the library not read since it was set */
  guint               relayout;       /* idle turning the paragraphs for the width */

  /* Template children */
  GtkWidget          *scroller;
  AdwSqueezer        *width_sensor;
  GtkWidget          *wide_sensor;
  AdwComboRow        *authority_row;
  AdwComboRow        *before_row;
  AdwComboRow        *after_row;
  GtkStringList      *authorities;
  GtkStringList      *before_names;
  GtkStringList      *after_names;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkBox             *content_box;
};

G_DEFINE_FINAL_TYPE (PbCompareView, pb_compare_view, GTK_TYPE_WIDGET)

enum {
  OPEN_PAGE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
clear_content (PbCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))))
    gtk_box_remove (self->content_box, child);
  g_ptr_array_set_size (self->pairs, 0);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A button opening @report_id at @page. */
static void
open_clicked_cb (GtkButton     *button,
                 PbCompareView *self)
{
  gint64 report_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "report-id");
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "page"));

  g_signal_emit (self, signals [OPEN_PAGE], 0, report_id, MAX (page, 1));
}

static GtkWidget *
open_button_new (PbCompareView *self,
                 gint64         report_id,
                 guint          page,
                 const char    *where,
                 const char    *text,
                 const char    *description)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  if (where != NULL)
    gtk_box_append (GTK_BOX (box), label_new (where, "caption-heading"));
  gtk_box_append (GTK_BOX (box), label_new (text, NULL));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "evidence-button");
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  g_object_set_data_full (G_OBJECT (button), "report-id", g_memdup2 (&report_id, sizeof report_id), g_free);
  g_object_set_data (G_OBJECT (button), "page", GUINT_TO_POINTER (page));
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
recommendation_button_new (PbCompareView          *self,
                           gint64                  report_id,
                           const char             *report_name,
                           PbReportRecommendation *rec)
{
  g_autofree char *where = NULL;
  g_autofree char *description = NULL;

  if (rec->paragraph > 0)
    /* Translators: where a recommendation is: a report, a paragraph and a page */
    where = g_strdup_printf (_("%s, ¶%u, page %u"), report_name, rec->paragraph, rec->page);
  else
    where = g_strdup_printf (_("%s, page %u"), report_name, rec->page);
  /* Translators: a button that opens a recommendation in its report; %s says where */
  description = g_strdup_printf (_("Read it in the %s"), where);
  return open_button_new (self, report_id, rec->page, where, rec->text, description);
}

/* "Then, 2019 inspection: [Good]": which report, and its grade in a badge
 * that says it. */
static GtkWidget *
grade_line_new (const char *when,
                PbGrade     grade,
                const char *name)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* Translators: which report a grade is from: "Then, 2019 inspection:" */
  g_autofree char *heading = g_strdup_printf (_("%s, %s:"), when, name);
  g_autofree char *label = NULL;
  GtkWidget *text = label_new (heading, "heading");

  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD);
  gtk_box_append (GTK_BOX (line), text);
  if (grade != PB_GRADE_NONE)
    gtk_box_append (GTK_BOX (line), pb_grade_badge_new (grade));
  else
    gtk_box_append (GTK_BOX (line), label_new (_("Not judged"), NULL));
  /* Translators: a grade for screen readers: "Then, 2019 inspection: Good" */
  label = g_strdup_printf (_("%s %s"), heading, grade != PB_GRADE_NONE ? pb_grade_get_label (grade) : _("Not judged"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return line;
}

static gboolean
cohort_matches (const char *section_cohort,
                const char *rec_cohort,
                gboolean    other)
{
  return other ? rec_cohort == NULL : g_strcmp0 (section_cohort, rec_cohort) == 0;
}

/* The recommendations made again, new and no longer made that concern the
 * cohort (or, with @other, no one cohort); nothing when there are none. */
static void
add_recommendations (PbCompareView *self,
                     GtkBox        *section,
                     const char    *cohort,
                     gboolean       other)
{
  PbReportComparison *c = self->comparison;
  GtkWidget *box;
  guint n;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  n = 0;
  for (guint i = 0; i < c->repeated->len; i++)
    {
      PbCompareRepeat *repeat = &g_array_index (c->repeated, PbCompareRepeat, i);
      PbReportRecommendation *rec = g_ptr_array_index (c->after_recommendations, repeat->after);

      if (!cohort_matches (cohort, rec->cohort, other))
        continue;
      gtk_box_append (GTK_BOX (box), recommendation_button_new (self, c->after_id, c->after_name, rec));
      n++;
    }
  if (n > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Made again (%u)"), n);
      GtkWidget *label = label_new (heading, "heading");

      gtk_widget_add_css_class (box, "repeated-card");
      gtk_box_prepend (GTK_BOX (box), label);
      gtk_box_append (section, box);
    }
  else
    g_object_ref_sink (box), g_object_unref (box);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  n = 0;
  for (guint i = 0; i < c->new_recommendations->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (c->after_recommendations,
                                                       g_array_index (c->new_recommendations, guint, i));

      if (!cohort_matches (cohort, rec->cohort, other))
        continue;
      gtk_box_append (GTK_BOX (box), recommendation_button_new (self, c->after_id, c->after_name, rec));
      n++;
    }
  if (n > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("New (%u)"), n);
      gtk_box_prepend (GTK_BOX (box), label_new (heading, "heading"));
      gtk_box_append (section, box);
    }
  else
    g_object_ref_sink (box), g_object_unref (box);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  n = 0;
  for (guint i = 0; i < c->dropped->len; i++)
    {
      PbReportRecommendation *rec = g_ptr_array_index (c->before_recommendations,
                                                       g_array_index (c->dropped, guint, i));

      if (!cohort_matches (cohort, rec->cohort, other))
        continue;
      gtk_box_append (GTK_BOX (box), recommendation_button_new (self, c->before_id, c->before_name, rec));
      n++;
    }
  if (n > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("No longer made (%u)"), n);
      gtk_box_prepend (GTK_BOX (box), label_new (heading, "heading"));
      gtk_box_append (section, box);
    }
  else
    g_object_ref_sink (box), g_object_unref (box);
}

static GtkWidget *
paragraph_column_new (PbCompareView *self,
                      gint64         report_id,
                      const char    *name,
                      GArray        *paragraphs)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (column), label_new (name, "heading"));
  if (paragraphs->len == 0)
    gtk_box_append (GTK_BOX (column), label_new (_("No section for this cohort."), "dim-label"));
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PbCompareParagraph *paragraph = &g_array_index (paragraphs, PbCompareParagraph, i);
      /* Translators: a paragraph's number and page, above its words */
      g_autofree char *where = g_strdup_printf (_("¶%u · page %u"), paragraph->number, paragraph->page);
      /* Translators: a button that opens a paragraph in its report: the report, a paragraph, a page */
      g_autofree char *description = g_strdup_printf (_("Read paragraph %u on page %u of the %s"),
                                                      paragraph->number, paragraph->page, name);

      gtk_box_append (GTK_BOX (column), open_button_new (self, report_id, paragraph->page, where, paragraph->text,
                                                         description));
    }
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  return column;
}

static void
add_cohort (PbCompareView   *self,
            PbCompareCohort *cohort)
{
  PbReportComparison *c = self->comparison;
  GtkWidget *section = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 10,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *expander;
  GtkWidget *pair;
  g_autofree char *expander_label = NULL;
  const char *change = pb_grade_change_get_label (cohort->change);

  gtk_box_append (GTK_BOX (section), label_new (pb_judgement_get_label (cohort->judgement), "title-3"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (section), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pb_judgement_get_label (cohort->judgement), -1);

  gtk_box_append (GTK_BOX (section), grade_line_new (_("Then"), cohort->before, c->before_name));
  gtk_box_append (GTK_BOX (section), grade_line_new (_("Now"), cohort->after, c->after_name));
  if (*change != '\0')
    {
      /* Translators: how a grade changed from one report to the next: "Change: Improved" */
      g_autofree char *text = g_strdup_printf (_("Change: %s"), change);
      gtk_box_append (GTK_BOX (section), label_new (text, "heading"));
    }

  if (cohort->cohort != NULL)
    add_recommendations (self, GTK_BOX (section), cohort->cohort, FALSE);

  if (cohort->before_paragraphs->len > 0 || cohort->after_paragraphs->len > 0)
    {
      pair = gtk_box_new (pb_compare_view_get_narrow (self) ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 18);
      gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
      gtk_box_append (GTK_BOX (pair), paragraph_column_new (self, c->before_id, c->before_name,
                                                            cohort->before_paragraphs));
      gtk_box_append (GTK_BOX (pair), paragraph_column_new (self, c->after_id, c->after_name,
                                                            cohort->after_paragraphs));
      g_ptr_array_add (self->pairs, pair);

      /* Translators: an expander over a cohort's paragraphs; the numbers are how many in each report */
      expander_label = g_strdup_printf (_("The section side by side (%u paragraphs then, %u now)"),
                                        cohort->before_paragraphs->len, cohort->after_paragraphs->len);
      expander = gtk_expander_new (NULL);
      gtk_expander_set_label_widget (GTK_EXPANDER (expander), label_new (expander_label, NULL));
      /* GTK 4.8 names an expander by its type ("GtkExpander push button"). */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, expander_label, -1);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      gtk_expander_set_child (GTK_EXPANDER (expander), pair);
      gtk_widget_set_margin_top (pair, 8);
      gtk_box_append (GTK_BOX (section), expander);
    }

  gtk_box_append (self->content_box, section);
}

static void
fill_content (PbCompareView *self)
{
  PbReportComparison *c = self->comparison;
  GtkWidget *other = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  g_autofree char *intro = NULL;
  g_autofree char *before_dates = c->before_date ? _pb_tracker_short_date (c->before_date) : NULL;
  g_autofree char *after_dates = c->after_date ? _pb_tracker_short_date (c->after_date) : NULL;

  clear_content (self);

  /* Translators: the first line of a comparison: the authority, the later report and the earlier one */
  intro = g_strdup_printf (_("%s: the %s compared with the %s."), c->authority ? c->authority : "",
                           c->after_name, c->before_name);
  gtk_box_append (self->content_box, label_new (intro, "title-2"));

  g_free (self->summary);
  /* Translators: a comparison's summary; each %u counts recommendations */
  self->summary = g_strdup_printf (_("Recommendations made again: %u. New: %u. No longer made: %u."),
                                   c->repeated->len, c->new_recommendations->len, c->dropped->len);
  gtk_box_append (self->content_box, label_new (self->summary, c->repeated->len > 0 ? "repeated-card" : NULL));
  if (before_dates != NULL && after_dates != NULL)
    {
      /* Translators: the two reports' dates, under a comparison's title */
      g_autofree char *dates = g_strdup_printf (_("Dated %s and %s."), before_dates, after_dates);
      gtk_box_append (self->content_box, label_new (dates, "dim-label"));
    }

  /* Recommendations that name no one cohort come first. */
  add_recommendations (self, GTK_BOX (other), NULL, TRUE);
  if (gtk_widget_get_first_child (other) != NULL)
    {
      gtk_box_prepend (GTK_BOX (other), label_new (_("Across the service"), "title-3"));
      gtk_box_append (self->content_box, other);
    }
  else
    g_object_ref_sink (other), g_object_unref (other);

  for (guint i = 0; i < c->cohorts->len; i++)
    add_cohort (self, g_ptr_array_index (c->cohorts, i));

  gtk_stack_set_visible_child_name (self->stack, "comparison");
}

static void
show_empty (PbCompareView *self,
            const char    *description)
{
  clear_content (self);
  g_clear_pointer (&self->comparison, pb_report_comparison_free);
  g_clear_pointer (&self->summary, g_free);
  if (description != NULL)
    adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static PbAuthorityReport *
report_at (PbCompareView *self,
           guint          position)
{
  if (self->reports == NULL || position == GTK_INVALID_LIST_POSITION || position >= self->reports->len)
    return NULL;
  return g_ptr_array_index (self->reports, position);
}

static void
reports_changed_cb (PbCompareView *self)
{
  PbAuthorityReport *before = report_at (self, adw_combo_row_get_selected (self->before_row));
  PbAuthorityReport *after = report_at (self, adw_combo_row_get_selected (self->after_row));
  g_autoptr(GError) error = NULL;

  if (self->filling || self->library == NULL)
    return;
  if (before == NULL || after == NULL || before == after)
    {
      show_empty (self, _("Choose two different reports of the authority."));
      return;
    }

  g_clear_pointer (&self->comparison, pb_report_comparison_free);
  if (!(self->comparison = pb_library_compare_reports (self->library, before->id, after->id, &error)))
    {
      show_empty (self, error->message);
      return;
    }
  fill_content (self);
}

static gint
find_report (PbCompareView *self,
             gint64         id)
{
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    if (((PbAuthorityReport *)g_ptr_array_index (self->reports, i))->id == id)
      return (gint)i;
  return -1;
}

/* The authority's reports in both rows, the two "since the last
 * inspection" chosen, unless @before_id and @after_id name others. */
static void
fill_reports (PbCompareView *self,
              gint64         before_id,
              gint64         after_id)
{
  const char *authority = NULL;
  guint selected = adw_combo_row_get_selected (self->authority_row);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->before_names));
  gint before = -1, after = -1;

  if (selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length (self->authority_list))
    authority = self->authority_list[selected];

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = authority ? pb_library_list_authority_reports (self->library, authority, NULL) : NULL;
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    {
      PbAuthorityReport *report = g_ptr_array_index (self->reports, i);
      g_strv_builder_add (names, report->name);
    }
  strv = g_strv_builder_end (names);

  if (before_id == 0 || after_id == 0)
    {
      PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;

      spec.authority = (char *)authority;
      if (authority == NULL || !pb_library_resolve_comparison (self->library, &spec, &before_id, &after_id, NULL))
        before_id = after_id = 0;
    }
  before = find_report (self, before_id);
  after = find_report (self, after_id);

  self->filling = TRUE;
  gtk_string_list_splice (self->before_names, 0, n, (const char * const *)strv);
  gtk_string_list_splice (self->after_names, 0, n, (const char * const *)strv);
  adw_combo_row_set_selected (self->before_row, before >= 0 ? (guint)before : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->after_row, after >= 0 ? (guint)after : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;

  if (before < 0 || after < 0)
    show_empty (self, authority ? _("The library holds no earlier inspection of this authority to compare with.")
                                : _("Import two reports of one authority, such as this inspection and the last, to "
                                    "compare them cohort by cohort."));
  else
    reports_changed_cb (self);
}

static void
authority_changed_cb (PbCompareView *self)
{
  if (self->filling || self->library == NULL)
    return;
  fill_reports (self, 0, 0);
}

static void
relayout_cb (gpointer data)
{
  PbCompareView *self = data;
  GtkOrientation orientation = pb_compare_view_get_narrow (self) ? GTK_ORIENTATION_VERTICAL
                                                                 : GTK_ORIENTATION_HORIZONTAL;

  self->relayout = 0;
  for (guint i = 0; i < self->pairs->len; i++)
    gtk_orientable_set_orientation (g_ptr_array_index (self->pairs, i), orientation);
}

/* The sensor says the width changed as it is laid out, too late to change
 * this frame: the next one turns the paragraphs. */
static void
width_changed_cb (PbCompareView *self)
{
  if (self->relayout == 0)
    self->relayout = g_idle_add_once (relayout_cb, self);
}

static void
pb_compare_view_dispose (GObject *object)
{
  PbCompareView *self = (PbCompareView *)object;

  g_clear_handle_id (&self->relayout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_COMPARE_VIEW);
  g_clear_object (&self->library);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, pb_report_comparison_free);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_compare_view_parent_class)->dispose (object);
}

static void
pb_compare_view_finalize (GObject *object)
{
  PbCompareView *self = (PbCompareView *)object;

  g_strfreev (self->authority_list);
  g_free (self->summary);

  G_OBJECT_CLASS (pb_compare_view_parent_class)->finalize (object);
}

static void
pb_compare_view_map (GtkWidget *widget)
{
  PbCompareView *self = PB_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (pb_compare_view_parent_class)->map (widget);
  if (self->stale)
    pb_compare_view_refresh (self);
}

static void
pb_compare_view_class_init (PbCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_compare_view_dispose;
  object_class->finalize = pb_compare_view_finalize;
  widget_class->map = pb_compare_view_map;

  /**
   * PbCompareView::open-page:
   * @report_id: a report
   * @page: a page number, from 1
   *
   * Asks for the report to be opened at the page of a paragraph or a
   * recommendation.
   */
  signals [OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, width_sensor);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, wide_sensor);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, before_row);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, after_row);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, authorities);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, before_names);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, after_names);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PbCompareView, content_box);
  gtk_widget_class_bind_template_callback (widget_class, authority_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reports_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, width_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
}

static void
pb_compare_view_init (PbCompareView *self)
{
  self->pairs = g_ptr_array_new ();
  self->authority_list = g_new0 (char *, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pb_compare_view_new (void)
{
  return g_object_new (PB_TYPE_COMPARE_VIEW, NULL);
}

/**
 * pb_compare_view_set_library:
 * @library: the library whose reports to compare
 *
 * Hidden, the view reads the library when first shown, refreshed or asked
 * to compare.
 */
void
pb_compare_view_set_library (PbCompareView *self,
                             PbLibrary     *library)
{
  g_return_if_fail (PB_IS_COMPARE_VIEW (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;
  /* Hidden (as at start-up), it reads the library when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_compare_view_refresh (self);
  else
    self->stale = TRUE;
}

/**
 * pb_compare_view_refresh:
 *
 * Reads the authorities with two reports or more again, keeping the one
 * chosen, and compares its reports again.
 */
void
pb_compare_view_refresh (PbCompareView *self)
{
  g_autofree char *authority = NULL;
  guint selected, chosen = 0;
  g_auto(GStrv) list = NULL;

  g_return_if_fail (PB_IS_COMPARE_VIEW (self));

  if (self->library == NULL)
    return;
  self->stale = FALSE;
  selected = adw_combo_row_get_selected (self->authority_row);
  if (selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length (self->authority_list))
    authority = g_strdup (self->authority_list[selected]);

  if (!(list = pb_library_list_report_authorities (self->library, NULL)))
    list = g_new0 (char *, 1);
  for (guint i = 0; list[i] != NULL; i++)
    if (authority != NULL && g_ascii_strcasecmp (authority, list[i]) == 0)
      chosen = i;

  self->filling = TRUE;
  g_strfreev (self->authority_list);
  self->authority_list = g_steal_pointer (&list);
  gtk_string_list_splice (self->authorities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->authorities)),
                          (const char * const *)self->authority_list);
  adw_combo_row_set_selected (self->authority_row, self->authority_list[0] ? chosen : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;

  fill_reports (self, pb_compare_view_get_before (self), pb_compare_view_get_after (self));
}

/**
 * pb_compare_view_compare:
 * @before_id: a report
 * @after_id: another report of the same authority
 *
 * Compares the two reports, choosing their authority.
 *
 * Returns: %FALSE when the reports cannot be compared: not in the library,
 *   of no known authority, or of different ones
 */
gboolean
pb_compare_view_compare (PbCompareView *self,
                         gint64         before_id,
                         gint64         after_id)
{
  g_autoptr(PbReportComparison) comparison = NULL;

  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), FALSE);

  if (self->library == NULL ||
      !(comparison = pb_library_compare_reports (self->library, before_id, after_id, NULL)) ||
      comparison->authority == NULL)
    return FALSE;

  pb_compare_view_refresh (self);
  self->filling = TRUE;
  for (guint i = 0; self->authority_list[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->authority_list[i], comparison->authority) == 0)
      adw_combo_row_set_selected (self->authority_row, i);
  self->filling = FALSE;
  fill_reports (self, comparison->before_id, comparison->after_id);
  return self->comparison != NULL;
}

gint64
pb_compare_view_get_before (PbCompareView *self)
{
  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), 0);
  return self->comparison ? self->comparison->before_id : 0;
}

gint64
pb_compare_view_get_after (PbCompareView *self)
{
  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), 0);
  return self->comparison ? self->comparison->after_id : 0;
}

/**
 * pb_compare_view_get_summary:
 *
 * Returns: (nullable): how many recommendations are made again, new and
 *   no longer made, as the view says it; %NULL with nothing compared
 */
const char *
pb_compare_view_get_summary (PbCompareView *self)
{
  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), NULL);
  return self->summary;
}

/**
 * pb_compare_view_get_content:
 *
 * Returns: (transfer none): the box holding the comparison
 */
GtkWidget *
pb_compare_view_get_content (PbCompareView *self)
{
  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), NULL);
  return GTK_WIDGET (self->content_box);
}

/**
 * pb_compare_view_get_narrow:
 *
 * Returns: whether the view is too narrow for paragraphs side by side
 */
gboolean
pb_compare_view_get_narrow (PbCompareView *self)
{
  g_return_val_if_fail (PB_IS_COMPARE_VIEW (self), FALSE);
  return adw_squeezer_get_visible_child (self->width_sensor) != self->wide_sensor;
}
