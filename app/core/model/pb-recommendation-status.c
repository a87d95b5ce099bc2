/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-recommendation-status"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-recommendation-status.h"

/* The statuses of a tracked recommendation, the names the library and the
 * command line give them, and their RAG colours. "Met" is the one status
 * that closes an item: "not met" is a judgement at a review, and an item
 * not met stays open (and is what Ofsted is likeliest to repeat). */

static const struct
{
  const char *slug;
  const char *label;
  PbRag       rag;
} statuses[] = {
  { "not_started", N_("Not started"), PB_RAG_RED },
  { "in_progress", N_("In progress"), PB_RAG_AMBER },
  { "evidence_of_impact", N_("Evidence of impact"), PB_RAG_GREEN },
  { "met", N_("Met"), PB_RAG_GREEN },
  { "not_met", N_("Not met"), PB_RAG_RED },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == PB_N_RECOMMENDATION_STATUSES);

/* The GNOME palette's red 4, yellow 5 and green 5: readable with white text
 * and with each other, and each always shown with its word as well. */
static const struct
{
  const char *slug;
  const char *label;
  const char *color;
} rags[] = {
  { "red", N_("Red"), "#c01c28" },
  { "amber", N_("Amber"), "#e5a50a" },
  { "green", N_("Green"), "#26a269" },
};

/**
 * pb_recommendation_status_to_slug:
 *
 * Returns: the status as the library and the command line name it:
 *   "not_started", "in_progress", "evidence_of_impact", "met" or "not_met"
 */
const char *
pb_recommendation_status_to_slug (PbRecommendationStatus status)
{
  g_return_val_if_fail (status < PB_N_RECOMMENDATION_STATUSES, NULL);
  return statuses[status].slug;
}

/**
 * pb_recommendation_status_from_slug:
 * @slug: (nullable): a name from pb_recommendation_status_to_slug()
 * @status: (out): the status it names
 *
 * Returns: %FALSE, leaving @status alone, when @slug names no status
 */
gboolean
pb_recommendation_status_from_slug (const char             *slug,
                                    PbRecommendationStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; slug != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (slug, statuses[i].slug))
      {
        *status = (PbRecommendationStatus)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pb_recommendation_status_get_label:
 *
 * Returns: the status in words for people, translated ("Evidence of impact")
 */
const char *
pb_recommendation_status_get_label (PbRecommendationStatus status)
{
  g_return_val_if_fail (status < PB_N_RECOMMENDATION_STATUSES, NULL);
  return _(statuses[status].label);
}

/**
 * pb_recommendation_status_get_rag:
 *
 * Returns: red for not started and not met, amber for in progress, green for
 *   evidence of impact and met
 */
PbRag
pb_recommendation_status_get_rag (PbRecommendationStatus status)
{
  g_return_val_if_fail (status < PB_N_RECOMMENDATION_STATUSES, PB_RAG_RED);
  return statuses[status].rag;
}

/**
 * pb_recommendation_status_is_open:
 *
 * Returns: whether an item with this status still needs following up: every
 *   status but met
 */
gboolean
pb_recommendation_status_is_open (PbRecommendationStatus status)
{
  return status != PB_RECOMMENDATION_STATUS_MET;
}

/**
 * pb_recommendation_status_list_slugs:
 *
 * Returns: (transfer full): every status's slug, joined by ", ", for a
 *   message that says what is allowed
 */
char *
pb_recommendation_status_list_slugs (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", statuses[i].slug);
  return g_string_free (out, FALSE);
}

/**
 * pb_rag_to_slug:
 *
 * Returns: "red", "amber" or "green"
 */
const char *
pb_rag_to_slug (PbRag rag)
{
  g_return_val_if_fail (rag < G_N_ELEMENTS (rags), NULL);
  return rags[rag].slug;
}

/**
 * pb_rag_get_label:
 *
 * Returns: the colour's name for people, translated ("Amber")
 */
const char *
pb_rag_get_label (PbRag rag)
{
  g_return_val_if_fail (rag < G_N_ELEMENTS (rags), NULL);
  return _(rags[rag].label);
}

/**
 * pb_rag_get_color:
 *
 * Returns: the colour as "#rrggbb", for a badge or a table cell
 */
const char *
pb_rag_get_color (PbRag rag)
{
  g_return_val_if_fail (rag < G_N_ELEMENTS (rags), NULL);
  return rags[rag].color;
}
