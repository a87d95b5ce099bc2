/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-accessible-names.h"
#include "pb-date-row.h"
#include "pb-report-details.h"
#include "pb-report-edit.h"
#include "pb-report-row.h"

/* What the library knows about one report: how it is listed (its title,
 * authority and date, which the officer may correct), what it says about
 * itself, its document properties and where it came from. */

struct _PbReportDetails
{
  GtkWidget  parent_instance;

  PbLibrary *library;
  PbReport  *report;

  AdwEntryRow *title_row;
  AdwEntryRow *authority_row;
  AdwEntryRow *date_row;
  AdwActionRow *dates_row;
  AdwActionRow *file_title_row;

  GtkWidget *scroller;
  GtkLabel  *title_label;
  GtkLabel  *summary_label;
  GtkWidget *no_text_box;
  GtkLabel  *pages_value;
  GtkLabel  *created_value;
  GtkLabel  *author_value;
  GtkWidget *author_row;
  GtkLabel  *structure_value;
  GtkLabel  *producer_value;
  GtkWidget *producer_row;
  GtkLabel  *file_value;
  GtkLabel  *size_value;
  GtkLabel  *imported_value;
  GtkLabel  *classification_value;
  GtkLabel  *checksum_value;
  AdwPreferencesGroup *inspection_group;
  GPtrArray *inspection_rows;
};

G_DEFINE_FINAL_TYPE (PbReportDetails, pb_report_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_date (GDateTime  *date,
             const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (_("Unknown"));

  local = g_date_time_to_local (date);
  return g_date_time_format (local, format);
}

/* A row that shows a value after its title is spoken with both ("Overall
 * effectiveness: Good"). libadwaita labels the row by its title alone and
 * describes it by its subtitle even when that is empty, and a screen
 * reader follows the label, so the value would go unsaid. */
static void
speak_value (GtkWidget  *row,
             const char *value)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_autofree char *label = NULL;

  if (value != NULL && *value != '\0')
    /* Translators: a row of Report Properties as a screen reader says it, "Type: ILACS inspection" */
    label = g_strdup_printf (_("%s: %s"), title, value);
  else
    label = g_strdup (title);
  pb_accessible_names_set_label (row, label);
  if (subtitle == NULL || *subtitle == '\0')
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

/* The same for a value label of the template, once it is set. */
static void
speak_label (GtkLabel *value)
{
  speak_value (gtk_widget_get_ancestor (GTK_WIDGET (value), ADW_TYPE_ACTION_ROW), gtk_label_get_text (value));
}

static void
set_optional (GtkLabel   *label,
              GtkWidget  *row,
              const char *value)
{
  gtk_label_set_label (label, value ? value : "");
  gtk_widget_set_visible (row, value != NULL && *value != '\0');
  speak_label (label);
}

/* Only a change: GTK 4.8 sets even the same text again, which shows the
 * row's apply button again just after the user applied that text. */
static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_listing (PbReportDetails *self)
{
  PbReport *report = self->report;
  g_autofree char *dates = pb_report_dup_dates_description (report);
  g_autofree char *capital = pb_format_capitalised (dates);
  GDate stated;

  set_text (self->title_row, pb_report_get_display_title (report));
  set_text (self->authority_row, pb_report_get_local_authority (report));
  /* The date the report is known by, named for what it is. */
  if (pb_document_type_dated_by_publication (pb_report_get_document_type (report)))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     _("Published by Ofsted on (such as 14/01/2027)"));
      stated = pb_report_get_dates (report)->published;
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     _("Date of the Document (such as 14/01/2027)"));
      stated = pb_report_get_dates (report)->stated;
    }
  pb_date_row_set_date (GTK_EDITABLE (self->date_row), &stated);
  adw_action_row_set_subtitle (self->dates_row, capital ? capital : _("Unknown"));
  adw_action_row_set_subtitle (self->file_title_row, pb_report_get_title (report));
}

static void
show_message (PbReportDetails *self,
              const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
show_error (PbReportDetails *self,
            const GError    *error)
{
  show_message (self, error->message);
}

/* A field applied: saved, and the library tells every list of the change
 * (this page is given the new report with it). */
static void
title_apply_cb (PbReportDetails *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autoptr(GError) error = NULL;

  if (self->report == NULL || self->library == NULL ||
      g_strcmp0 (text, pb_report_get_display_title (self->report)) == 0)
    return;

  /* Back to the title made from the report: no title of the officer's own. */
  if (!pb_library_set_report_title (self->library, pb_report_get_id (self->report), text, &error))
    show_error (self, error);
  else
    show_message (self, _("Title saved"));
}

static void
authority_apply_cb (PbReportDetails *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->authority_row));
  g_autoptr(GError) error = NULL;

  if (self->report == NULL || self->library == NULL ||
      g_strcmp0 (text, pb_report_get_local_authority (self->report)) == 0)
    return;

  if (!pb_library_set_report_authority (self->library, pb_report_get_id (self->report), text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->authority_row), "error");
      show_error (self, error);
    }
}

static void
date_apply_cb (PbReportDetails *self)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (self->report == NULL || self->library == NULL)
    return;

  if (!pb_date_row_get_date (GTK_EDITABLE (self->date_row), &date))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as 14/01/2027, or pick it from the calendar"),
                   gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
      show_error (self, error);
      return;
    }

  if (!pb_library_set_report_date (self->library, pb_report_get_id (self->report), &date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, error);
    }
  else
    show_message (self, _("Date saved"));
}

static void
update (PbReportDetails *self)
{
  PbReport *report = self->report;
  g_autofree char *summary = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *created = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *size = NULL;

  if (report == NULL)
    return;

  summary = pb_format_report_summary (report);
  pages = g_strdup_printf ("%u", pb_report_get_page_count (report));
  /* Translators: a full date; see strftime(3) */
  created = format_date (pb_report_get_created (report), _("%-d %B %Y"));
  /* Translators: a date and time; see strftime(3) */
  imported = format_date (pb_report_get_imported_at (report), _("%-d %B %Y, %H:%M"));
  size = g_format_size (pb_report_get_byte_size (report));

  gtk_label_set_label (self->title_label, pb_report_get_display_title (report));
  update_listing (self);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (self->no_text_box, !pb_report_get_has_text_layer (report));
  gtk_label_set_label (self->pages_value, pages);
  gtk_label_set_label (self->created_value, created);
  set_optional (self->author_value, self->author_row, pb_report_get_author (report));
  set_optional (self->producer_value, self->producer_row, pb_report_get_producer (report));
  gtk_label_set_label (self->structure_value,
                       pb_report_get_is_tagged (report)
                         ? _("Tagged: headings, lists and tables can be read")
                         : _("Untagged: read from the page layout"));
  gtk_label_set_label (self->file_value, pb_report_get_file_name (report));
  gtk_label_set_label (self->size_value, size);
  gtk_label_set_label (self->imported_value, imported);
  gtk_label_set_label (self->classification_value,
                       pb_report_get_is_exempt (report)
                         ? _("Exempt — not for publication")
                         : _("Public"));
  gtk_label_set_label (self->checksum_value, pb_report_get_sha256 (report));
  speak_label (self->pages_value);
  speak_label (self->created_value);
  speak_label (self->structure_value);
  speak_label (self->file_value);
  speak_label (self->size_value);
  speak_label (self->imported_value);
  speak_label (self->classification_value);
  speak_label (self->checksum_value);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

GtkWidget *
pb_grade_badge_new (PbGrade grade)
{
  g_autofree char *css = NULL;
  GtkWidget *badge;

  g_return_val_if_fail (grade > PB_GRADE_NONE && grade <= PB_GRADE_INADEQUATE, NULL);

  badge = gtk_label_new (pb_grade_get_label (grade));
  css = g_strconcat ("grade-", pb_grade_to_slug (grade), NULL);
  gtk_widget_add_css_class (badge, "grade-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

/* SPOKEN is what the row says after its title: VALUE, or what SUFFIX
 * shows (a grade). */
static GtkWidget *
add_inspection_row (PbReportDetails *self,
                    const char      *title,
                    const char      *value,
                    GtkWidget       *suffix,
                    const char      *spoken)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  if (spoken != NULL)
    speak_value (row, spoken);
  adw_preferences_group_add (self->inspection_group, row);
  g_ptr_array_add (self->inspection_rows, row);
  return row;
}

/**
 * pb_report_details_set_structure:
 * @structure: (nullable): what the report says about itself
 */
void
pb_report_details_set_structure (PbReportDetails *self,
                                 PbStructure     *s)
{
  g_autofree char *dates = NULL;

  g_return_if_fail (PB_IS_REPORT_DETAILS (self));

  for (guint i = 0; i < self->inspection_rows->len; i++)
    adw_preferences_group_remove (self->inspection_group, g_ptr_array_index (self->inspection_rows, i));
  g_ptr_array_set_size (self->inspection_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->inspection_group), s != NULL && s->type != PB_DOCUMENT_OTHER);
  if (s == NULL || s->type == PB_DOCUMENT_OTHER)
    return;

  dates = pb_format_inspection_dates (s);
  add_inspection_row (self, _("Type"), pb_document_type_get_label (s->type), NULL,
                      pb_document_type_get_label (s->type));
  if (s->local_authority)
    add_inspection_row (self, _("Local authority"), s->local_authority, NULL, s->local_authority);
  if (dates)
    add_inspection_row (self, _("Inspected"), dates, NULL, dates);
  if (s->lead_inspector)
    add_inspection_row (self, _("Lead inspector"), s->lead_inspector, NULL, s->lead_inspector);
  /* What a visit looked at is often a phrase too long for a row's end:
   * under the row's title, wrapped. */
  if (s->theme)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (add_inspection_row (self, _("Theme"), NULL, NULL, NULL)), s->theme);

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    {
      g_autofree char *title = NULL;

      if (s->judgements[j] == PB_GRADE_NONE)
        continue;

      /* Judged together in 2018-2022: said so on both rows. */
      if (s->cic_and_care_leavers_combined &&
          (j == PB_JUDGEMENT_CHILDREN_IN_CARE || j == PB_JUDGEMENT_CARE_LEAVERS))
        title = g_strdup_printf (_("%s (judged with %s)"), pb_judgement_get_label (j),
                                 pb_judgement_get_label (j == PB_JUDGEMENT_CHILDREN_IN_CARE
                                                           ? PB_JUDGEMENT_CARE_LEAVERS
                                                           : PB_JUDGEMENT_CHILDREN_IN_CARE));
      else
        title = g_strdup (pb_judgement_get_label (j));

      add_inspection_row (self, title, NULL, pb_grade_badge_new (s->judgements[j]),
                          pb_grade_get_label (s->judgements[j]));
    }
}

static void
copy_checksum_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbReportDetails *self = PB_REPORT_DETAILS (widget);
  GtkWidget *overlay;

  if (self->report == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), pb_report_get_sha256 (self->report));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Checksum copied")));
}

static void
pb_report_details_dispose (GObject *object)
{
  PbReportDetails *self = (PbReportDetails *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_REPORT_DETAILS);
  g_clear_object (&self->report);
  g_clear_object (&self->library);
  g_clear_pointer (&self->inspection_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_report_details_parent_class)->dispose (object);
}

static void
pb_report_details_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PbReportDetails *self = PB_REPORT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_details_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PbReportDetails *self = PB_REPORT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      pb_report_details_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_details_class_init (PbReportDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_report_details_dispose;
  object_class->get_property = pb_report_details_get_property;
  object_class->set_property = pb_report_details_set_property;

  properties [PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-report-details.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, no_text_box);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, pages_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, created_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, author_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, author_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, structure_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, producer_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, producer_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, file_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, size_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, imported_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, classification_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, checksum_value);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, inspection_group);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, date_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, dates_row);
  gtk_widget_class_bind_template_child (widget_class, PbReportDetails, file_title_row);
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, authority_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_apply_cb);

  gtk_widget_class_install_action (widget_class, "details.copy-checksum", NULL, copy_checksum_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportdetails");
  /* Said as the focus comes into it ("Report Properties panel"). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pb_report_details_init (PbReportDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report Properties"), -1);
  self->inspection_rows = g_ptr_array_new ();
  pb_date_row_setup (self->date_row);
}

/**
 * pb_report_details_set_library:
 * @library: the library the reports shown are in, to save corrections to
 */
void
pb_report_details_set_library (PbReportDetails *self,
                               PbLibrary       *library)
{
  g_return_if_fail (PB_IS_REPORT_DETAILS (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  g_set_object (&self->library, library);
}

GtkWidget *
pb_report_details_new (void)
{
  return g_object_new (PB_TYPE_REPORT_DETAILS, NULL);
}

PbReport *
pb_report_details_get_report (PbReportDetails *self)
{
  g_return_val_if_fail (PB_IS_REPORT_DETAILS (self), NULL);
  return self->report;
}

void
pb_report_details_set_report (PbReportDetails *self,
                              PbReport        *report)
{
  g_return_if_fail (PB_IS_REPORT_DETAILS (self));
  g_return_if_fail (!report || PB_IS_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT]);
}

/**
 * pb_report_details_focus_start:
 *
 * Gives the focus to the first row of what the report says about itself
 * (its type, then its grades), or to its dates when it is no inspection,
 * so a screen reader says the properties have opened ("Report Properties
 * panel … Type: ILACS inspection"). Not the title field: Orca 43 says a
 * libadwaita 1.2 entry row's text as selected, not that the focus came in.
 */
void
pb_report_details_focus_start (PbReportDetails *self)
{
  g_return_if_fail (PB_IS_REPORT_DETAILS (self));

  if (self->inspection_rows->len > 0 && gtk_widget_get_visible (GTK_WIDGET (self->inspection_group)))
    gtk_widget_grab_focus (g_ptr_array_index (self->inspection_rows, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->dates_row));
}
