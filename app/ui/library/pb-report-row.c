/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-report-row.h"

/* One report in the library sidebar: its title, and its date and length;
 * for a report a pack brought, which pack, to keep it apart from the
 * member's own. */

struct _PbReportRow
{
  GtkWidget  parent_instance;
  PbReport  *report;
  GtkWidget *box;
  GtkWidget *origin_box;
  GtkLabel  *origin_label;
};

G_DEFINE_FINAL_TYPE (PbReportRow, pb_report_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * pb_format_capitalised:
 * @text: (nullable): a phrase
 *
 * Returns: (transfer full) (nullable): @text with a capital first letter,
 *   to start a line with
 */
char *
pb_format_capitalised (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/**
 * pb_format_report_summary:
 *
 * Returns: "Inspected 9–20 Sep 2024, published 4 Nov 2024 · 12 pages", for
 *   lists: the report's dates as pb_report_dup_dates_description () gives
 *   them, and its length
 */
char *
pb_format_report_summary (PbReport *report)
{
  g_autofree char *described = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *pages = NULL;

  if (report == NULL)
    return NULL;

  described = pb_report_dup_dates_description (report);
  dates = pb_format_capitalised (described);
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                        pb_report_get_page_count (report)),
                           pb_report_get_page_count (report));

  if (dates == NULL)
    return g_steal_pointer (&pages);

  return g_strdup_printf ("%s · %s", dates, pages);
}

static char *
format_summary (gpointer  unused,
                PbReport *report)
{
  return pb_format_report_summary (report);
}

static gboolean
has_no_text (gpointer  unused,
             PbReport *report)
{
  return report != NULL && !pb_report_get_has_text_layer (report);
}

static void
pb_report_row_dispose (GObject *object)
{
  PbReportRow *self = (PbReportRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_REPORT_ROW);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (pb_report_row_parent_class)->dispose (object);
}

static void
pb_report_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PbReportRow *self = PB_REPORT_ROW (object);

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
pb_report_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PbReportRow *self = PB_REPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      pb_report_row_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_row_class_init (PbReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_report_row_dispose;
  object_class->get_property = pb_report_row_get_property;
  object_class->set_property = pb_report_row_set_property;

  properties [PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PB_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PbReportRow, box);
  gtk_widget_class_bind_template_child (widget_class, PbReportRow, origin_box);
  gtk_widget_class_bind_template_child (widget_class, PbReportRow, origin_label);
  gtk_widget_class_bind_template_callback (widget_class, format_summary);
  gtk_widget_class_bind_template_callback (widget_class, has_no_text);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportrow");
}

static void
pb_report_row_init (PbReportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pb_report_row_new (PbReport *report)
{
  return g_object_new (PB_TYPE_REPORT_ROW, "report", report, NULL);
}

PbReport *
pb_report_row_get_report (PbReportRow *self)
{
  g_return_val_if_fail (PB_IS_REPORT_ROW (self), NULL);
  return self->report;
}

/* What a screen reader says of the row: its title and the line beneath,
 * not the row's type, which GTK 4.8 would say for a custom widget. */
static void
update_accessible_label (PbReportRow *self)
{
  g_autofree char *summary = pb_format_report_summary (self->report);
  g_autofree char *label = NULL;

  if (self->report == NULL)
    label = g_strdup (_("Report"));
  else if (summary != NULL)
    label = g_strdup_printf ("%s, %s", pb_report_get_display_title (self->report), summary);
  else
    label = g_strdup (pb_report_get_display_title (self->report));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
pb_report_row_set_report (PbReportRow *self,
                          PbReport    *report)
{
  g_return_if_fail (PB_IS_REPORT_ROW (self));
  g_return_if_fail (!report || PB_IS_REPORT (report));

  if (g_set_object (&self->report, report))
    {
      update_accessible_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT]);
    }
}

/**
 * pb_report_row_set_origin:
 * @pack_title: (nullable): the title of the pack the report came with, or
 *   %NULL for a report the user imported
 *
 * Marks the report as from a pack, "From pack Title".
 */
void
pb_report_row_set_origin (PbReportRow *self,
                          const char  *pack_title)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PB_IS_REPORT_ROW (self));

  /* Translators: under a report in the library that a pack brought; %s is the pack's title */
  text = pack_title ? g_strdup_printf (_("From pack “%s”"), pack_title) : NULL;
  gtk_label_set_label (self->origin_label, text ? text : "");
  gtk_widget_set_visible (self->origin_box, text != NULL);
}

/**
 * pb_report_row_get_origin:
 *
 * Returns: (nullable): what the row says of where the report came from
 */
const char *
pb_report_row_get_origin (PbReportRow *self)
{
  g_return_val_if_fail (PB_IS_REPORT_ROW (self), NULL);
  return gtk_widget_get_visible (self->origin_box) ? gtk_label_get_label (self->origin_label) : NULL;
}
