/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-item"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pb-recommendation-item-private.h"

/* A recommendation followed through time: what Ofsted (or the council's
 * own action plan) asked for, where it was asked, who owns it, by when, and
 * where it stands now, which is the status of the latest dated entry of its
 * history (pb-recommendation-entry.c). An item is a value read from the
 * library; the store makes a new one after every change. */

G_DEFINE_QUARK (pb-recommendations-error-quark, pb_recommendations_error)

G_DEFINE_FINAL_TYPE (PbRecommendationItem, pb_recommendation_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_SOURCE_NAME,
  PROP_LOCATION,
  PROP_OWNER,
  PROP_DUE,
  PROP_OVERDUE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_RAG,
  PROP_RAG_COLOR,
  PROP_STATUS_DATE,
  PROP_EVIDENCE_COUNT,
  PROP_LINK_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pb_recommendation_item_finalize (GObject *object)
{
  PbRecommendationItem *self = (PbRecommendationItem *)object;

  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->report_sha256, g_free);
  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->source_date, g_free);
  g_clear_pointer (&self->source_label, g_free);
  g_clear_pointer (&self->cohorts, g_strfreev);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->status_date, g_free);
  g_clear_pointer (&self->status_note, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (pb_recommendation_item_parent_class)->finalize (object);
}

static void
pb_recommendation_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PbRecommendationItem *self = PB_RECOMMENDATION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SOURCE_NAME:
      g_value_take_string (value, pb_recommendation_item_dup_source_name (self));
      break;

    case PROP_LOCATION:
      g_value_take_string (value, pb_recommendation_item_dup_location (self));
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, pb_recommendation_status_get_label (self->status));
      break;

    case PROP_RAG:
      g_value_set_string (value, pb_rag_to_slug (pb_recommendation_status_get_rag (self->status)));
      break;

    case PROP_RAG_COLOR:
      g_value_set_string (value, pb_rag_get_color (pb_recommendation_status_get_rag (self->status)));
      break;

    case PROP_STATUS_DATE:
      g_value_set_string (value, self->status_date);
      break;

    case PROP_EVIDENCE_COUNT:
      g_value_set_uint (value, self->evidence_count);
      break;

    case PROP_LINK_COUNT:
      g_value_set_uint (value, self->link_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_recommendation_item_class_init (PbRecommendationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pb_recommendation_item_finalize;
  object_class->get_property = pb_recommendation_item_get_property;

  /* Read-only: a row binds to them, and a changed item is a new object. */
  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties [PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, flags);
  properties [PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties [PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties [PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties [PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties [PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, PB_N_RECOMMENDATION_STATUSES - 1,
                                                0, flags);
  properties [PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties [PROP_RAG] = g_param_spec_string ("rag", NULL, NULL, NULL, flags);
  properties [PROP_RAG_COLOR] = g_param_spec_string ("rag-color", NULL, NULL, NULL, flags);
  properties [PROP_STATUS_DATE] = g_param_spec_string ("status-date", NULL, NULL, NULL, flags);
  properties [PROP_EVIDENCE_COUNT] = g_param_spec_uint ("evidence-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_LINK_COUNT] = g_param_spec_uint ("link-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_recommendation_item_init (PbRecommendationItem *self)
{
  self->cohorts = g_new0 (char *, 1);
  self->owner = g_strdup ("");
  self->source_label = g_strdup ("");
}

PbRecommendationItem *
_pb_recommendation_item_new (void)
{
  return g_object_new (PB_TYPE_RECOMMENDATION_ITEM, NULL);
}

/**
 * pb_recommendation_item_get_id:
 * @self: a tracked recommendation
 *
 * Returns: its id in the library
 */
gint64
pb_recommendation_item_get_id (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->id;
}

/**
 * pb_recommendation_item_get_authority:
 * @self: a tracked recommendation
 *
 * Returns: (nullable): the local authority the item concerns, as its
 *   source names it
 */
const char *
pb_recommendation_item_get_authority (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->authority;
}

/**
 * pb_recommendation_item_get_text:
 * @self: a tracked recommendation
 *
 * Returns: what was recommended, in the source's words
 */
const char *
pb_recommendation_item_get_text (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->text;
}

/**
 * pb_recommendation_item_get_report_sha256:
 *
 * Returns: (nullable): the checksum of the report the item comes from;
 *   %NULL for an item entered by hand, or whose report has left the library
 */
const char *
pb_recommendation_item_get_report_sha256 (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->report_sha256;
}

/**
 * pb_recommendation_item_get_report_id:
 * @self: a tracked recommendation
 *
 * Returns: the id of its report in the library; 0 when the item has no
 *   report there
 */
gint64
pb_recommendation_item_get_report_id (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->report_id;
}

/**
 * pb_recommendation_item_get_report_title:
 * @self: a tracked recommendation
 *
 * Returns: (nullable): its report's title; %NULL for an item entered by
 *   hand, or whose report has left the library
 */
const char *
pb_recommendation_item_get_report_title (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->report_title;
}

/**
 * pb_recommendation_item_get_document_type:
 * @self: a tracked recommendation
 *
 * Returns: the kind of document it came from (its report's, kept when
 *   the report leaves the library, or the type given for an item entered
 *   by hand); %PB_DOCUMENT_OTHER for an action plan
 */
PbDocumentType
pb_recommendation_item_get_document_type (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), PB_DOCUMENT_OTHER);
  return self->document_type;
}

/**
 * pb_recommendation_item_get_source_date:
 *
 * Returns: (nullable): when the recommendation was made, "YYYY-MM-DD": the
 *   last day of the inspection or visit, else the report's publication, else
 *   the date given for an item entered by hand
 */
const char *
pb_recommendation_item_get_source_date (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->source_date;
}

/**
 * pb_recommendation_item_get_source_label:
 * @self: a tracked recommendation
 *
 * Returns: what an item entered by hand came from ("Improvement plan
 *   2024"), or the title of a report that has left the library; "" for
 *   one from a report in the library
 */
const char *
pb_recommendation_item_get_source_label (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->source_label;
}

/**
 * pb_recommendation_item_get_paragraph:
 * @self: a tracked recommendation
 *
 * Returns: the number of the report's paragraph it is in, from 1; 0 when
 *   it is in none ("What needs to improve?" comes before ¶1)
 */
guint
pb_recommendation_item_get_paragraph (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->paragraph;
}

/**
 * pb_recommendation_item_get_page:
 * @self: a tracked recommendation
 *
 * Returns: the page number it is on, from 1; 0 when it has no report
 */
guint
pb_recommendation_item_get_page (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->page;
}

/**
 * pb_recommendation_item_get_cohorts:
 *
 * Returns: (transfer none): the slugs of the cohorts it concerns, in the
 *   cohorts' order; empty when the words did not say
 */
const char * const *
pb_recommendation_item_get_cohorts (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return (const char * const *)self->cohorts;
}

/**
 * pb_recommendation_item_has_cohort:
 * @self: a tracked recommendation
 * @slug: (nullable): a cohort's slug
 *
 * Returns: whether the item concerns that cohort; %FALSE for a %NULL @slug
 */
gboolean
pb_recommendation_item_has_cohort (PbRecommendationItem *self,
                                   const char           *slug)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), FALSE);
  return slug != NULL && g_strv_contains ((const char * const *)self->cohorts, slug);
}

/**
 * pb_recommendation_item_get_owner:
 * @self: a tracked recommendation
 *
 * Returns: who owns it, a service or a person, as typed; "" when nobody is
 *   named
 */
const char *
pb_recommendation_item_get_owner (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->owner;
}

/**
 * pb_recommendation_item_get_due:
 * @self: a tracked recommendation
 *
 * Returns: (nullable): when it is due, "YYYY-MM-DD"; %NULL when no date is
 *   set
 */
const char *
pb_recommendation_item_get_due (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->due;
}

/**
 * pb_recommendation_item_get_overdue:
 * @self: a tracked recommendation
 *
 * Returns: whether, on the day the item was read from the library, its due
 *   date had passed and its status was not met
 */
gboolean
pb_recommendation_item_get_overdue (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), FALSE);
  return self->overdue;
}

/**
 * pb_recommendation_item_get_exempt:
 * @self: a tracked recommendation
 *
 * Returns: whether it is not for publication: the item or its report is
 *   exempt (Schedule 12A to the Local Government Act 1972)
 */
gboolean
pb_recommendation_item_get_exempt (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), FALSE);
  return self->exempt;
}

/**
 * pb_recommendation_item_get_status:
 * @self: a tracked recommendation
 *
 * Returns: the status of the latest entry of its history (the latest dated,
 *   and of one date the last recorded); not started when it has none
 */
PbRecommendationStatus
pb_recommendation_item_get_status (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), PB_RECOMMENDATION_STATUS_NOT_STARTED);
  return self->status;
}

/**
 * pb_recommendation_item_get_status_date:
 * @self: a tracked recommendation
 *
 * Returns: (nullable): the latest entry's date, "YYYY-MM-DD"; %NULL when
 *   there is none
 */
const char *
pb_recommendation_item_get_status_date (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->status_date;
}

/**
 * pb_recommendation_item_get_status_note:
 * @self: a tracked recommendation
 *
 * Returns: (nullable): the latest entry's note; %NULL when there is no
 *   entry or it has no note
 */
const char *
pb_recommendation_item_get_status_note (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->status_note;
}

/**
 * pb_recommendation_item_get_evidence_count:
 * @self: a tracked recommendation
 *
 * Returns: how many findings evidence it, across its whole history, each
 *   counted once
 */
guint
pb_recommendation_item_get_evidence_count (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->evidence_count;
}

/**
 * pb_recommendation_item_get_link_count:
 * @self: a tracked recommendation
 *
 * Returns: how many confirmed links it has to earlier or later items
 */
guint
pb_recommendation_item_get_link_count (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), 0);
  return self->link_count;
}

/**
 * pb_recommendation_item_get_created:
 * @self: a tracked recommendation
 *
 * Returns: (transfer none) (nullable): when it was added to the library
 */
GDateTime *
pb_recommendation_item_get_created (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->created;
}

/**
 * pb_recommendation_item_get_updated:
 * @self: a tracked recommendation
 *
 * Returns: (transfer none) (nullable): when it last changed in the
 *   library (a status recorded, a new owner or due date, …)
 */
GDateTime *
pb_recommendation_item_get_updated (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->updated;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * _pb_recommendation_phrase:
 * @type: the kind of document a recommendation came from
 * @date: (nullable): its date, "YYYY-MM-DD"
 * @title: (nullable): the document's title, or what an item by hand came from
 * @with_article: whether the phrase goes inside a sentence
 *
 * Returns: (transfer full): "the 2019 inspection", "the March 2025
 *   monitoring visit", "“Improvement plan”" (or, without the article, "2019
 *   inspection", …): how a recommendation's source is named to people
 */
char *
_pb_recommendation_phrase (PbDocumentType  type,
                           const char     *date,
                           const char     *title,
                           gboolean        with_article)
{
  GDate day;
  char month[64] = "";
  gboolean dated = parse_date (date, &day);

  if (dated)
    /* Translators: a month and year, as in "the March 2025 monitoring visit"; see strftime(3) */
    g_date_strftime (month, sizeof month, _("%B %Y"), &day);

  switch (type)
    {
    case PB_DOCUMENT_SIF_INSPECTION:
    case PB_DOCUMENT_ILACS_INSPECTION:
      if (!dated)
        return g_strdup (with_article ? _("the inspection") : _("Inspection"));
      /* Translators: %d is a year */
      return g_strdup_printf (with_article ? _("the %d inspection") : _("%d inspection"),
                              g_date_get_year (&day));

    case PB_DOCUMENT_FOCUSED_VISIT:
      if (!dated)
        return g_strdup (with_article ? _("the focused visit") : _("Focused visit"));
      /* Translators: %s is a month and year */
      return g_strdup_printf (with_article ? _("the %s focused visit") : _("%s focused visit"), month);

    case PB_DOCUMENT_MONITORING_VISIT:
      if (!dated)
        return g_strdup (with_article ? _("the monitoring visit") : _("Monitoring visit"));
      /* Translators: %s is a month and year */
      return g_strdup_printf (with_article ? _("the %s monitoring visit") : _("%s monitoring visit"), month);

    case PB_DOCUMENT_ASSURANCE_VISIT:
      if (!dated)
        return g_strdup (with_article ? _("the assurance visit") : _("Assurance visit"));
      /* Translators: %s is a month and year */
      return g_strdup_printf (with_article ? _("the %s assurance visit") : _("%s assurance visit"), month);

    case PB_DOCUMENT_JTAI:
      if (!dated)
        return g_strdup (with_article ? _("the joint targeted area inspection")
                                      : _("Joint targeted area inspection"));
      /* Translators: %s is a month and year */
      return g_strdup_printf (with_article ? _("the %s joint targeted area inspection")
                                           : _("%s joint targeted area inspection"), month);

    case PB_DOCUMENT_OTHER:
    default:
      if (title == NULL || *title == '\0')
        return g_strdup (with_article ? _("the action plan") : _("Action plan"));
      /* Translators: a document's title, quoted */
      return with_article ? g_strdup_printf (_("“%s”"), title) : g_strdup (title);
    }
}

/**
 * pb_recommendation_item_dup_source_name:
 *
 * Returns: (transfer full): what the item came from, for a column: "2019
 *   inspection", "March 2025 monitoring visit", a council paper's title, or
 *   what an item entered by hand came from
 */
char *
pb_recommendation_item_dup_source_name (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return _pb_recommendation_phrase (self->document_type, self->source_date,
                                    self->report_title ? self->report_title : self->source_label, FALSE);
}

/**
 * pb_recommendation_item_dup_source_phrase:
 *
 * Returns: (transfer full): the same, to go in a sentence: "the 2019
 *   inspection", "the March 2025 monitoring visit", "“Cabinet report”"
 */
char *
pb_recommendation_item_dup_source_phrase (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);
  return _pb_recommendation_phrase (self->document_type, self->source_date,
                                    self->report_title ? self->report_title : self->source_label, TRUE);
}

/**
 * pb_recommendation_item_dup_location:
 *
 * Returns: (transfer full) (nullable): where in its report: "¶12, page 7",
 *   "page 2", or %NULL when it has no report
 */
char *
pb_recommendation_item_dup_location (PbRecommendationItem *self)
{
  g_return_val_if_fail (PB_IS_RECOMMENDATION_ITEM (self), NULL);

  if (self->page == 0)
    return NULL;
  if (self->paragraph > 0)
    /* Translators: where a recommendation is in its report */
    return g_strdup_printf (_("¶%u, page %u"), self->paragraph, self->page);
  return g_strdup_printf (_("page %u"), self->page);
}
