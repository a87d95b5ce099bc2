/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pb-pack-section.h"
#include "pb-recommendation-status.h"

/* A pack's section usually holds findings an officer chose. Two other
 * kinds print what the library knows at the time of the export: the
 * recommendation tracker (filtered: one authority, one cohort, a status,
 * only the overdue or only the open ones) and two reports compared ("Since
 * the last inspection"). What such a section shows is kept with it as a
 * small JSON object, so that a library merge or a duplicated pack carries
 * it whole; the cohort it shows is the section's own cohort. */

static const struct
{
  const char *slug;
  const char *label;
} kinds[] = {
  { "findings", N_("Findings") },
  /* Translators: a kind of a pack's section: the recommendation tracker as a table */
  { "recommendations", N_("Recommendations") },
  /* Translators: a kind of a pack's section: two reports of one authority compared */
  { "comparison", N_("Since the last inspection") },
};

/**
 * pb_pack_section_kind_to_slug:
 *
 * Returns: the kind as the library stores it: "findings",
 *   "recommendations" or "comparison"
 */
const char *
pb_pack_section_kind_to_slug (PbPackSectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].slug;
}

/**
 * pb_pack_section_kind_from_slug:
 * @slug: (nullable): a name from pb_pack_section_kind_to_slug()
 * @kind: (out): the kind it names
 *
 * Returns: %FALSE, leaving @kind alone, when @slug names no kind
 */
gboolean
pb_pack_section_kind_from_slug (const char        *slug,
                                PbPackSectionKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; slug != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (slug, kinds[i].slug))
      {
        *kind = (PbPackSectionKind)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pb_pack_section_kind_get_label:
 *
 * Returns: the kind in words, translated: "Findings", "Recommendations",
 *   "Since the last inspection"
 */
const char *
pb_pack_section_kind_get_label (PbPackSectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return _(kinds[kind].label);
}

/**
 * pb_pack_section_spec_clear:
 * @spec: what a section shows; its strings are freed and it is set back to
 *   its initial values
 */
void
pb_pack_section_spec_clear (PbPackSectionSpec *spec)
{
  static const PbPackSectionSpec init = PB_PACK_SECTION_SPEC_INIT;

  g_return_if_fail (spec != NULL);

  g_free (spec->authority);
  g_free (spec->before_sha256);
  g_free (spec->after_sha256);
  *spec = init;
}

/**
 * pb_pack_section_spec_copy:
 * @from: what a section shows
 * @to: (out caller-allocates): a copy with strings of its own; clear it
 *   with pb_pack_section_spec_clear()
 */
void
pb_pack_section_spec_copy (const PbPackSectionSpec *from,
                           PbPackSectionSpec       *to)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);

  *to = *from;
  to->authority = g_strdup (from->authority);
  to->before_sha256 = g_strdup (from->before_sha256);
  to->after_sha256 = g_strdup (from->after_sha256);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * pb_pack_section_spec_to_json:
 * @spec: what a section shows
 *
 * Returns: (transfer full): a JSON object naming only what narrows the
 *   section ("{}" for the initial values): "authority", "status" (a
 *   status's slug), "overdue", "open", "before" and "after" (reports'
 *   SHA-256)
 */
char *
pb_pack_section_spec_to_json (const PbPackSectionSpec *spec)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "authority", spec->authority);
  if (spec->status >= 0 && spec->status < PB_N_RECOMMENDATION_STATUSES)
    add_string (builder, "status", pb_recommendation_status_to_slug (spec->status));
  if (spec->overdue)
    {
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (spec->open)
    {
      json_builder_set_member_name (builder, "open");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_string (builder, "before", spec->before_sha256);
  add_string (builder, "after", spec->after_sha256);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * pb_pack_section_spec_from_json:
 * @json: (nullable): what pb_pack_section_spec_to_json() wrote; %NULL or
 *   "" for the initial values
 * @spec: (out caller-allocates): what the section shows; members the text
 *   does not name keep their initial values, and unknown ones are ignored
 * @error: %JSON_PARSER_ERROR, or %G_IO_ERROR_INVALID_DATA when the text is
 *   not an object
 *
 * Returns: %FALSE with @error set (and @spec at its initial values) when
 *   @json cannot be read
 */
gboolean
pb_pack_section_spec_from_json (const char         *json,
                                PbPackSectionSpec  *spec,
                                GError            **error)
{
  static const PbPackSectionSpec init = PB_PACK_SECTION_SPEC_INIT;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *status = NULL;
  JsonObject *object;
  JsonNode *root;
  PbRecommendationStatus value;

  g_return_val_if_fail (spec != NULL, FALSE);

  *spec = init;
  if (json == NULL || *json == '\0')
    return TRUE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("What the section shows cannot be read"));
      return FALSE;
    }
  object = json_node_get_object (root);

  spec->authority = dup_member (object, "authority");
  status = dup_member (object, "status");
  if (pb_recommendation_status_from_slug (status, &value))
    spec->status = (int)value;
  spec->overdue = json_object_get_boolean_member_with_default (object, "overdue", FALSE);
  spec->open = json_object_get_boolean_member_with_default (object, "open", FALSE);
  spec->before_sha256 = dup_member (object, "before");
  spec->after_sha256 = dup_member (object, "after");
  return TRUE;
}
