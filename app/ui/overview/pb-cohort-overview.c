/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cohort-overview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-overview.h"
#include "pb-report-details.h"
#include "pb-structure-store.h"

/* One authority's grades for each cohort at each inspection, oldest first,
 * so the panel sees where things got better or worse.  Each grade opens the
 * part of the report that gives it. */

struct _PbCohortOverview
{
  GtkWidget      parent_instance;

  PbLibrary     *library;
  char          *authority;
  GPtrArray     *inspections;     /* PbInspection, oldest first */
  GPtrArray     *cells;           /* n_inspections × PB_N_JUDGEMENTS; NULL where not judged */
  gboolean       stale;           /* the library changed while hidden */
  gboolean       filling_authorities;

  GtkStack      *stack;
  GtkLabel      *authority_label;
  GtkDropDown   *authority_dropdown;
  GtkStringList *authorities;
  GtkGrid       *grid;
};

G_DEFINE_FINAL_TYPE (PbCohortOverview, pb_cohort_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AUTHORITY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  OPEN_PAGE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The rows, in the order Ofsted's reports give the judgements. */
static const PbJudgement row_judgements[] = {
  PB_JUDGEMENT_OVERALL,
  PB_JUDGEMENT_LEADERS,
  PB_JUDGEMENT_HELP_AND_PROTECTION,
  PB_JUDGEMENT_CHILDREN_IN_CARE,
  PB_JUDGEMENT_CARE_LEAVERS,
  PB_JUDGEMENT_ADOPTION,
};

static void
clear_grid (PbCohortOverview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
}

/* A grade's button names its report and the page that gives it. */
static void
open_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 report_id;
  guint page;

  g_variant_get (parameter, "(xu)", &report_id, &page);
  g_signal_emit (widget, signals [OPEN_PAGE], 0, report_id, page);
}

static GtkWidget *
open_button_new (PbCohortOverview *self,
                 PbInspection     *inspection,
                 guint             page,
                 GtkWidget        *child,
                 const char       *description)
{
  GtkWidget *button = gtk_button_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "overview.open-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xu)", inspection->report_id, page);

  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  /* The tooltip, a button's description, is its name again: Orca would
   * say it twice. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return button;
}

static char *
format_month (const GDate *date)
{
  char text[64];

  if (!g_date_valid (date))
    return g_strdup (_("Undated"));

  /* Translators: an inspection's month in the overview's column heading; see strftime(3) */
  g_date_strftime (text, sizeof text, _("%B %Y"), date);
  return g_strdup (text);
}

static GtkWidget *
column_heading_new (PbCohortOverview *self,
                    PbInspection     *inspection)
{
  PbStructure *s = inspection->structure;
  g_autofree char *month = format_month (&s->inspection_end);
  g_autofree char *dates = pb_format_inspection_dates (s);
  g_autofree char *description = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  label = gtk_label_new (month);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (pb_document_type_get_label (s->type));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: the overview's column heading, as a button: "Open the report: <title>" */
  description = g_strdup_printf (_("Open the report: %s%s%s"), inspection->title,
                                 dates ? ", " : "", dates ? dates : "");
  return open_button_new (self, inspection, 1, box, description);
}

static GtkWidget *
grade_cell_new (PbCohortOverview *self,
                PbInspection     *inspection,
                PbJudgement       judgement,
                gboolean          together)
{
  PbStructure *s = inspection->structure;
  PbGrade grade = s->judgements[judgement];
  guint page = pb_structure_page_for_judgement (s, judgement);
  g_autofree char *month = format_month (&s->inspection_end);
  g_autofree char *description = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  GtkWidget *badge = pb_grade_badge_new (grade);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge);

  if (together)
    {
      GtkWidget *label = gtk_label_new (_("Judged together"));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);

      /* Translators: "<grade> for children in care and care leavers together, <month>: open page 9" */
      description = g_strdup_printf (_("%s for children in care and care leavers together, %s: open page %u"),
                                     gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box))),
                                     month, page);
    }
  else
    {
      /* Translators: "<judgement>: <grade>, <month>: open page 9" */
      description = g_strdup_printf (_("%s: %s, %s: open page %u"),
                                     pb_judgement_get_label (judgement),
                                     gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box))),
                                     month, page);
    }

  return open_button_new (self, inspection, page, box, description);
}

static GtkWidget *
not_judged_new (void)
{
  GtkWidget *label = gtk_label_new ("—");

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, _("Not judged at this inspection"));
  return label;
}

/* Under each inspection but the first, Compare: it against the one before,
 * cohort by cohort, in the recommendation tracker's comparison. */
static void
add_compare_row (PbCohortOverview *self,
                 int               row)
{
  guint n = self->inspections ? self->inspections->len : 0;
  GtkWidget *label;

  if (n < 2)
    return;

  label = gtk_label_new (_("Since the one before"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, 0, row, 1, 1);

  for (guint i = 1; i < n; i++)
    {
      PbInspection *before = g_ptr_array_index (self->inspections, i - 1);
      PbInspection *after = g_ptr_array_index (self->inspections, i);
      g_autofree char *month = format_month (&after->structure->inspection_end);
      g_autofree char *previous = format_month (&before->structure->inspection_end);
      /* Translators: a button in the grades over time: compare one inspection with the one before */
      g_autofree char *description = g_strdup_printf (_("Compare %s with %s"), month, previous);
      GtkWidget *button = gtk_button_new_with_label (_("Compare"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare-reports");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", before->report_id, after->report_id);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_grid_attach (self->grid, button, (int)i + 1, row, 1, 1);
    }
}

static void
fill_grid (PbCohortOverview *self)
{
  guint n = self->inspections ? self->inspections->len : 0;
  int row = 1;

  clear_grid (self);
  g_ptr_array_set_size (self->cells, n * PB_N_JUDGEMENTS);

  for (guint i = 0; i < n; i++)
    gtk_grid_attach (self->grid, column_heading_new (self, g_ptr_array_index (self->inspections, i)),
                     (int)i + 1, 0, 1, 1);

  for (guint r = 0; r < G_N_ELEMENTS (row_judgements); r++)
    {
      PbJudgement judgement = row_judgements[r];
      gboolean any = FALSE;
      GtkWidget *label;

      for (guint i = 0; i < n && !any; i++)
        {
          PbInspection *inspection = g_ptr_array_index (self->inspections, i);
          any = inspection->structure->judgements[judgement] != PB_GRADE_NONE;
        }

      /* Adoption was judged only by the older framework; overall
       * effectiveness not since 2026.  A row nobody judged says nothing. */
      if (!any)
        continue;

      label = gtk_label_new (pb_judgement_get_label (judgement));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_end (label, 12);
      gtk_grid_attach (self->grid, label, 0, row, 1, 1);

      for (guint i = 0; i < n; i++)
        {
          PbInspection *inspection = g_ptr_array_index (self->inspections, i);
          PbStructure *s = inspection->structure;
          gboolean together = s->cic_and_care_leavers_combined &&
                              s->judgements[PB_JUDGEMENT_CARE_LEAVERS] != PB_GRADE_NONE;
          GtkWidget *cell;

          /* A combined judgement is one cell across both cohorts' rows. */
          if (together && judgement == PB_JUDGEMENT_CARE_LEAVERS)
            {
              g_ptr_array_index (self->cells, i * PB_N_JUDGEMENTS + judgement) =
                g_ptr_array_index (self->cells, i * PB_N_JUDGEMENTS + PB_JUDGEMENT_CHILDREN_IN_CARE);
              continue;
            }

          if (s->judgements[judgement] == PB_GRADE_NONE)
            {
              gtk_grid_attach (self->grid, not_judged_new (), (int)i + 1, row, 1, 1);
              continue;
            }

          together = together && judgement == PB_JUDGEMENT_CHILDREN_IN_CARE;
          cell = grade_cell_new (self, inspection, judgement, together);
          gtk_grid_attach (self->grid, cell, (int)i + 1, row, 1, together ? 2 : 1);
          g_ptr_array_index (self->cells, i * PB_N_JUDGEMENTS + judgement) = cell;
        }

      row++;
    }

  add_compare_row (self, row);
}

static void
load_inspections (PbCohortOverview *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->inspections, g_ptr_array_unref);

  if (self->library != NULL && self->authority != NULL)
    {
      self->inspections = pb_library_list_inspections (self->library, self->authority, &error);
      if (self->inspections == NULL)
        g_warning ("Could not list the inspections of %s: %s", self->authority, error->message);
    }

  gtk_label_set_label (self->authority_label, self->authority ? self->authority : "");
  fill_grid (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->inspections && self->inspections->len > 0 ? "grid" : "empty");
}

void
pb_cohort_overview_set_authority (PbCohortOverview *self,
                                  const char       *authority)
{
  guint n;

  g_return_if_fail (PB_IS_COHORT_OVERVIEW (self));

  if (g_strcmp0 (self->authority, authority) != 0)
    {
      g_free (self->authority);
      self->authority = g_strdup (authority);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHORITY]);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authorities));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->authorities, i), authority) == 0)
      {
        self->filling_authorities = TRUE;
        gtk_drop_down_set_selected (self->authority_dropdown, i);
        self->filling_authorities = FALSE;
      }

  load_inspections (self);
}

static void
authority_selected_cb (PbCohortOverview *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->authority_dropdown);

  if (self->filling_authorities || item == NULL)
    return;

  pb_cohort_overview_set_authority (self, gtk_string_object_get_string (item));
}

void
pb_cohort_overview_refresh (PbCohortOverview *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *keep = NULL;
  guint n_old;

  g_return_if_fail (PB_IS_COHORT_OVERVIEW (self));

  self->stale = FALSE;
  if (self->library != NULL && !(names = pb_library_list_authorities (self->library, &error)))
    g_warning ("Could not list the authorities: %s", error->message);

  self->filling_authorities = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->authorities));
  gtk_string_list_splice (self->authorities, 0, n_old, (const char * const *)names);
  self->filling_authorities = FALSE;

  /* Stay with the authority being looked at while it is still there. */
  if (names != NULL && self->authority != NULL && g_strv_contains ((const char * const *)names, self->authority))
    keep = g_strdup (self->authority);
  else if (names != NULL && names[0] != NULL)
    keep = g_strdup (names[0]);

  gtk_widget_set_visible (GTK_WIDGET (self->authority_dropdown), names != NULL && g_strv_length (names) > 1);
  pb_cohort_overview_set_authority (self, keep);
}

static void
library_changed_cb (PbCohortOverview *self)
{
  /* An import of many reports changes the library many times; only a
   * visible overview is worth rebuilding each time. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_cohort_overview_refresh (self);
  else
    self->stale = TRUE;
}

static void
pb_cohort_overview_map (GtkWidget *widget)
{
  PbCohortOverview *self = PB_COHORT_OVERVIEW (widget);

  GTK_WIDGET_CLASS (pb_cohort_overview_parent_class)->map (widget);
  if (self->stale)
    pb_cohort_overview_refresh (self);
}

void
pb_cohort_overview_set_library (PbCohortOverview *self,
                                PbLibrary        *library)
{
  g_return_if_fail (PB_IS_COHORT_OVERVIEW (self));
  g_return_if_fail (library == NULL || PB_IS_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);

  g_set_object (&self->library, library);

  if (library != NULL)
    {
      g_signal_connect_swapped (library, "report-added", G_CALLBACK (library_changed_cb), self);
      g_signal_connect_swapped (library, "report-removed", G_CALLBACK (library_changed_cb), self);
    }

  /* Hidden (as at start-up), it reads the library when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_cohort_overview_refresh (self);
  else
    self->stale = TRUE;
}

const char *
pb_cohort_overview_get_authority (PbCohortOverview *self)
{
  g_return_val_if_fail (PB_IS_COHORT_OVERVIEW (self), NULL);
  return self->authority;
}

guint
pb_cohort_overview_get_n_inspections (PbCohortOverview *self)
{
  g_return_val_if_fail (PB_IS_COHORT_OVERVIEW (self), 0);
  return self->inspections ? self->inspections->len : 0;
}

/**
 * pb_cohort_overview_get_cell:
 *
 * Returns: (transfer none) (nullable): the button that opens the judgement
 *   of the inspection (the same one for both cohorts judged together), or
 *   %NULL where it was not judged
 */
GtkWidget *
pb_cohort_overview_get_cell (PbCohortOverview *self,
                             guint             inspection,
                             PbJudgement       judgement)
{
  g_return_val_if_fail (PB_IS_COHORT_OVERVIEW (self), NULL);
  g_return_val_if_fail (judgement < PB_N_JUDGEMENTS, NULL);

  if (inspection >= pb_cohort_overview_get_n_inspections (self))
    return NULL;
  return g_ptr_array_index (self->cells, inspection * PB_N_JUDGEMENTS + judgement);
}

static void
pb_cohort_overview_dispose (GObject *object)
{
  PbCohortOverview *self = PB_COHORT_OVERVIEW (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->inspections, g_ptr_array_unref);
  g_clear_pointer (&self->authority, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_COHORT_OVERVIEW);

  G_OBJECT_CLASS (pb_cohort_overview_parent_class)->dispose (object);
}

static void
pb_cohort_overview_finalize (GObject *object)
{
  PbCohortOverview *self = PB_COHORT_OVERVIEW (object);

  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (pb_cohort_overview_parent_class)->finalize (object);
}

static void
pb_cohort_overview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PbCohortOverview *self = PB_COHORT_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority ? self->authority : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_cohort_overview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PbCohortOverview *self = PB_COHORT_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY:
      /* Empty: none chosen yet, the first with inspections will do. */
      if (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
        pb_cohort_overview_set_authority (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_cohort_overview_class_init (PbCohortOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_cohort_overview_dispose;
  object_class->finalize = pb_cohort_overview_finalize;
  object_class->get_property = pb_cohort_overview_get_property;
  object_class->set_property = pb_cohort_overview_set_property;

  /**
   * PbCohortOverview:authority:
   *
   * The authority whose grades are shown; kept across sessions by the
   * window, so that the overview opens where it was left.
   */
  properties [PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = pb_cohort_overview_map;

  /**
   * PbCohortOverview::open-page:
   * @report_id: the inspection report
   * @page: the page to open it at, from 1
   */
  signals [OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-cohort-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, PbCohortOverview, stack);
  gtk_widget_class_bind_template_child (widget_class, PbCohortOverview, authority_label);
  gtk_widget_class_bind_template_child (widget_class, PbCohortOverview, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbCohortOverview, authorities);
  gtk_widget_class_bind_template_child (widget_class, PbCohortOverview, grid);

  gtk_widget_class_install_action (widget_class, "overview.open-page", "(xu)", open_page_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pb_cohort_overview_init (PbCohortOverview *self)
{
  self->cells = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->authority_dropdown, "notify::selected",
                            G_CALLBACK (authority_selected_cb), self);
  pb_cohort_overview_refresh (self);
}

GtkWidget *
pb_cohort_overview_new (void)
{
  return g_object_new (PB_TYPE_COHORT_OVERVIEW, NULL);
}
