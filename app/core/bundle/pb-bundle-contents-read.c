/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pb-bundle-private.h"
#include "pb-cohort.h"

/* Reading pack.json in a member's library, as untrusted input: a checksum
 * only says that the file is as it was made, not that Panel Brief made it,
 * so every field is checked for its shape, and every reference between the
 * parts (a finding's report, an item's finding) for its target, before any
 * of it reaches the library.  Written by pb-bundle-contents.c. */

static gboolean
fail (GError     **error,
      const char  *what)
{
  /* Translators: %s says, in English, which part of the file is wrong */
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
               _("The pack file is damaged and cannot be opened (%s). Ask for a fresh copy."), what);
  return FALSE;
}

/* A string member: present and a string, or (when @nullable) null or
 * absent, which gives NULL. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     nullable,
            char       **out)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return nullable;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return *out >= min && *out <= max;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
get_classification (JsonObject *object,
                    gboolean   *exempt)
{
  g_autofree char *text = NULL;

  if (!get_string (object, "classification", FALSE, &text) ||
      (!g_str_equal (text, "public") && !g_str_equal (text, "exempt")))
    return FALSE;
  *exempt = g_str_equal (text, "exempt");
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* "reports/3.pdf": the prefix, a number, ".pdf", and nothing else. */
static gboolean
is_entry_name (const char *text,
               const char *prefix)
{
  const char *p;

  if (text == NULL || !g_str_has_prefix (text, prefix))
    return FALSE;
  p = text + strlen (prefix);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return g_str_equal (p, ".pdf");
}

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;

  return text == NULL ||
         (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
          g_date_valid_dmy (d, m, y));
}

/* An ISO 8601 date and time, as GLib reads one. */
static gboolean
is_timestamp (const char *text)
{
  GDateTime *time = g_date_time_new_from_iso8601 (text, NULL);

  if (time == NULL)
    return FALSE;
  g_date_time_unref (time);
  return TRUE;
}

static gboolean
read_strv (JsonArray  *array,
           GStrv      *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return array != NULL;
}

static gboolean
read_anchors (JsonArray *array,
              GArray    *anchors)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *rect = get_array (object, "rect");
      gint64 page;
      double v[4];
      PbAnchor anchor;

      if (!get_int (object, "page", 1, G_MAXINT, &page) || rect == NULL || json_array_get_length (rect) != 4)
        return FALSE;
      for (guint j = 0; j < 4; j++)
        {
          JsonNode *n = json_array_get_element (rect, j);
          GType type = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;

          if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
            return FALSE;
          v[j] = json_node_get_double (n);
          if (!isfinite (v[j]))
            return FALSE;
        }
      anchor.page = (guint)page;
      anchor.rect = (PbRect) { v[0], v[1], v[2], v[3] };
      g_array_append_val (anchors, anchor);
    }
  return array != NULL;
}

static gboolean
read_pack (JsonObject      *pack,
           BundleContents  *contents,
           GError         **error)
{
  if (pack == NULL ||
      !get_string (pack, "uuid", FALSE, &contents->uuid) || !g_uuid_string_is_valid (contents->uuid) ||
      !get_string (pack, "title", FALSE, &contents->title) ||
      !get_string (pack, "committee", TRUE, &contents->committee) ||
      !get_string (pack, "meeting_date", TRUE, &contents->meeting_date) || !is_date (contents->meeting_date) ||
      !get_string (pack, "author", TRUE, &contents->author) ||
      !get_string (pack, "introduction", TRUE, &contents->introduction) ||
      !get_classification (pack, &contents->exempt) ||
      !get_string (pack, "exported_at", FALSE, &contents->exported_at) ||
      !is_timestamp (contents->exported_at))
    return fail (error, "pack");
  /* Absent from bundles made before it was counted. */
  if (json_object_has_member (pack, "revision") &&
      !get_int (pack, "revision", 0, G_MAXINT64, &contents->revision))
    return fail (error, "pack");
  return TRUE;
}

static gboolean
read_cohorts (JsonArray       *array,
              BundleContents  *contents,
              GError         **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *slug = NULL;
      g_autofree char *name = NULL;
      g_autofree char *color = NULL;

      if (!get_string (object, "slug", FALSE, &slug) || *slug == '\0' ||
          !get_string (object, "name", FALSE, &name) ||
          !get_string (object, "color", TRUE, &color))
        return fail (error, "cohorts");
      g_ptr_array_add (contents->cohorts, _pb_bundle_cohort_new (slug, name, color));
    }
  return array != NULL || fail (error, "cohorts");
}

static gboolean
read_reports (JsonArray       *array,
              BundleContents  *contents,
              GHashTable      *seen,
              GError         **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BundleReport *report = _pb_bundle_report_new ();

      g_ptr_array_add (contents->reports, report);
      if (!get_string (object, "sha256", FALSE, &report->sha256) || !is_sha256 (report->sha256) ||
          g_hash_table_contains (seen, report->sha256) ||
          !get_string (object, "title", FALSE, &report->title) ||
          !get_string (object, "file_name", FALSE, &report->file_name) ||
          !get_string (object, "file", FALSE, &report->entry) || !is_entry_name (report->entry, "reports/") ||
          !get_string (object, "highlighted", TRUE, &report->highlighted) ||
          (report->highlighted != NULL && !is_entry_name (report->highlighted, "highlighted/")) ||
          !get_classification (object, &report->exempt))
        return fail (error, "reports");
      g_hash_table_add (seen, report->sha256);
    }
  return array != NULL || fail (error, "reports");
}

static gboolean
read_findings (JsonArray       *array,
               BundleContents  *contents,
               GHashTable      *reports,
               GHashTable      *seen,
               GError         **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BundleFinding *finding = _pb_bundle_finding_new ();
      PbFindingKind kind;
      PbFindingStatus status;
      gint64 page, paragraph;

      g_ptr_array_add (contents->findings, finding);
      if (!get_string (object, "uuid", FALSE, &finding->uuid) || !g_uuid_string_is_valid (finding->uuid) ||
          g_hash_table_contains (seen, finding->uuid) ||
          !get_string (object, "report", FALSE, &finding->report_sha256) ||
          !g_hash_table_contains (reports, finding->report_sha256) ||
          !get_int (object, "page", 1, G_MAXINT, &page) ||
          !get_int (object, "paragraph", 0, G_MAXINT, &paragraph) ||
          !read_anchors (get_array (object, "anchors"), finding->anchors) ||
          !get_string (object, "quote", FALSE, &finding->quote) ||
          !get_string (object, "kind", FALSE, &finding->kind) || !pb_finding_kind_from_slug (finding->kind, &kind) ||
          !get_string (object, "status", TRUE, &finding->status) ||
          (finding->status != NULL && !pb_finding_status_from_slug (finding->status, &status)) ||
          !get_string (object, "note", TRUE, &finding->note) ||
          !read_strv (get_array (object, "cohorts"), &finding->cohorts) ||
          !get_classification (object, &finding->exempt) ||
          !get_string (object, "citation", FALSE, &finding->citation) ||
          !get_string (object, "about", FALSE, &finding->about))
        return fail (error, "findings");
      finding->page = (guint)page;
      finding->paragraph = (guint)paragraph;
      g_hash_table_add (seen, finding->uuid);
    }
  return array != NULL || fail (error, "findings");
}

static gboolean
read_sections (JsonArray       *array,
               BundleContents  *contents,
               GHashTable      *findings,
               GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BundleSection *section = _pb_bundle_section_new ();
      JsonArray *items;

      g_ptr_array_add (contents->sections, section);
      if (!get_string (object, "uuid", FALSE, &section->uuid) || !g_uuid_string_is_valid (section->uuid) ||
          g_hash_table_contains (seen, section->uuid) ||
          !get_string (object, "title", FALSE, &section->title) ||
          !get_string (object, "cohort", TRUE, &section->cohort) ||
          !(items = get_array (object, "items")))
        return fail (error, "sections");
      g_hash_table_add (seen, section->uuid);

      for (guint j = 0; j < json_array_get_length (items); j++)
        {
          JsonNode *item_node = json_array_get_element (items, j);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (item_node) ? json_node_get_object (item_node) : NULL;
          g_autofree char *kind = NULL;
          g_autofree char *finding = NULL;
          g_autofree char *text = NULL;

          if (!get_string (item, "kind", FALSE, &kind))
            return fail (error, "items");
          if (g_str_equal (kind, "finding"))
            {
              if (!get_string (item, "finding", FALSE, &finding) || !g_hash_table_contains (findings, finding))
                return fail (error, "items");
            }
          else if (!(g_str_equal (kind, "note") || g_str_equal (kind, "heading")) ||
                   !get_string (item, "text", FALSE, &text))
            return fail (error, "items");
          g_ptr_array_add (section->items, _pb_bundle_item_new (kind, finding, text));
        }
    }
  return array != NULL || fail (error, "sections");
}

/* A public pack carries nothing exempt.  Panel Brief never writes one that
 * does; a file that claims otherwise was made or changed elsewhere. */
static gboolean
check_exempt_rule (BundleContents  *contents,
                   GError         **error)
{
  if (contents->exempt)
    return TRUE;
  for (guint i = 0; i < contents->findings->len; i++)
    if (((BundleFinding *)g_ptr_array_index (contents->findings, i))->exempt)
      return fail (error, "an exempt finding in a public pack");
  for (guint i = 0; i < contents->reports->len; i++)
    if (((BundleReport *)g_ptr_array_index (contents->reports, i))->exempt)
      return fail (error, "an exempt report in a public pack");
  return TRUE;
}

/**
 * _pb_bundle_contents_from_json:
 * @json: pack.json's bytes
 * @length: their length
 * @error: a #GError, or %NULL
 *
 * Reads and checks pack.json: every field of the shape it should have,
 * each finding's report among the reports, each item's finding among the
 * findings, identities unique, and nothing exempt in a public pack.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 *   (%PB_BUNDLE_ERROR_DAMAGED, or %PB_BUNDLE_ERROR_NEWER)
 */
BundleContents *
_pb_bundle_contents_from_json (const char  *json,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BundleContents) contents = _pb_bundle_contents_new ();
  g_autoptr(GHashTable) reports = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) findings = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonNode *pack;
  gint64 version;

  if (!json_parser_load_from_data (parser, json, (gssize)length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (error, "not JSON");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!get_string (root, "format", FALSE, &format) || !g_str_equal (format, BUNDLE_FORMAT) ||
      !get_int (root, "version", 1, G_MAXINT, &version))
    {
      fail (error, "format");
      return NULL;
    }
  if (version > BUNDLE_VERSION)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NEWER,
                   _("This pack was made by a newer version of Panel Brief. Update Panel Brief to open it."));
      return NULL;
    }

  pack = json_object_get_member (root, "pack");
  if (!read_pack (pack && JSON_NODE_HOLDS_OBJECT (pack) ? json_node_get_object (pack) : NULL, contents, error) ||
      !read_cohorts (get_array (root, "cohorts"), contents, error) ||
      !read_reports (get_array (root, "reports"), contents, reports, error) ||
      !read_findings (get_array (root, "findings"), contents, reports, findings, error) ||
      !read_sections (get_array (root, "sections"), contents, findings, error) ||
      !check_exempt_rule (contents, error))
    return NULL;

  return g_steal_pointer (&contents);
}

/**
 * _pb_bundle_cohorts_from_json:
 * @json: (nullable): bundle_packs.cohorts
 *
 * Returns: (transfer full) (element-type PbCohort): the cohorts, each with
 *   id 0; empty when @json cannot be read
 */
GPtrArray *
_pb_bundle_cohorts_from_json (const char *json)
{
  g_autoptr(BundleContents) contents = _pb_bundle_contents_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *cohorts = g_ptr_array_new_with_free_func (g_object_unref);

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ||
      !read_cohorts (json_node_get_array (json_parser_get_root (parser)), contents, NULL))
    return cohorts;
  for (guint i = 0; i < contents->cohorts->len; i++)
    {
      BundleCohort *cohort = g_ptr_array_index (contents->cohorts, i);

      g_ptr_array_add (cohorts, pb_cohort_new (0, cohort->slug, cohort->name, cohort->color, FALSE));
    }
  return cohorts;
}

/**
 * _pb_bundle_strv_from_json:
 * @json: (nullable): a JSON array of strings
 *
 * Returns: (transfer full): the strings; empty when @json cannot be read
 */
GStrv
_pb_bundle_strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GStrv strv = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ||
      !read_strv (json_node_get_array (json_parser_get_root (parser)), &strv))
    return g_new0 (char *, 1);
  return strv;
}
