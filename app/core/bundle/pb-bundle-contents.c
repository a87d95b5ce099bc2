/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include "pb-bundle-private.h"

/* pack.json: the shape a bundle carries a pack in, and writing it from an
 * officer's library.  Reading it back in a member's library is in
 * pb-bundle-contents-read.c. */

static void
cohort_free (BundleCohort *cohort)
{
  g_free (cohort->slug);
  g_free (cohort->name);
  g_free (cohort->color);
  g_free (cohort);
}

static void
report_free (BundleReport *report)
{
  g_free (report->sha256);
  g_free (report->title);
  g_free (report->file_name);
  g_free (report->entry);
  g_free (report->highlighted);
  g_free (report->source_path);
  g_free (report->highlighted_path);
  g_free (report);
}

static void
finding_free (BundleFinding *finding)
{
  g_free (finding->uuid);
  g_free (finding->report_sha256);
  g_clear_pointer (&finding->anchors, g_array_unref);
  g_free (finding->quote);
  g_free (finding->kind);
  g_free (finding->status);
  g_free (finding->note);
  g_strfreev (finding->cohorts);
  g_free (finding->citation);
  g_free (finding->about);
  g_free (finding);
}

static void
item_free (BundleItem *item)
{
  g_free (item->kind);
  g_free (item->finding);
  g_free (item->text);
  g_free (item);
}

void
_pb_bundle_section_free (BundleSection *section)
{
  g_free (section->uuid);
  g_free (section->title);
  g_free (section->cohort);
  g_ptr_array_unref (section->items);
  g_free (section);
}

/* The constructors: each part empty, for the writer (pb-bundle-export.c)
 * or the reader (pb-bundle-contents-read.c) to fill in; every part is
 * freed with the contents that hold it. */

BundleContents *
_pb_bundle_contents_new (void)
{
  BundleContents *contents = g_new0 (BundleContents, 1);

  contents->cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify)cohort_free);
  contents->reports = g_ptr_array_new_with_free_func ((GDestroyNotify)report_free);
  contents->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)_pb_bundle_section_free);
  contents->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  return contents;
}

void
_pb_bundle_contents_free (BundleContents *contents)
{
  if (contents == NULL)
    return;
  g_free (contents->uuid);
  g_free (contents->title);
  g_free (contents->committee);
  g_free (contents->meeting_date);
  g_free (contents->author);
  g_free (contents->introduction);
  g_free (contents->exported_at);
  g_ptr_array_unref (contents->cohorts);
  g_ptr_array_unref (contents->reports);
  g_ptr_array_unref (contents->sections);
  g_ptr_array_unref (contents->findings);
  g_free (contents);
}

BundleReport *
_pb_bundle_report_new (void)
{
  return g_new0 (BundleReport, 1);
}

BundleFinding *
_pb_bundle_finding_new (void)
{
  BundleFinding *finding = g_new0 (BundleFinding, 1);

  finding->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  return finding;
}

BundleSection *
_pb_bundle_section_new (void)
{
  BundleSection *section = g_new0 (BundleSection, 1);

  section->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  return section;
}

BundleItem *
_pb_bundle_item_new (const char *kind,
                     const char *finding,
                     const char *text)
{
  BundleItem *item = g_new0 (BundleItem, 1);

  item->kind = g_strdup (kind);
  item->finding = g_strdup (finding);
  item->text = g_strdup (text);
  return item;
}

BundleCohort *
_pb_bundle_cohort_new (const char *slug,
                       const char *name,
                       const char *color)
{
  BundleCohort *cohort = g_new0 (BundleCohort, 1);

  cohort->slug = g_strdup (slug);
  cohort->name = g_strdup (name);
  cohort->color = g_strdup (color);
  return cohort;
}

/**
 * _pb_bundle_compare_times:
 * @a: an ISO 8601 time
 * @b: another
 *
 * Compares as times, not as text: "…:00.5Z" sorts before "…:00Z" as text.
 *
 * Returns: < 0, 0 or > 0 as @a is before, at or after @b; a time that
 *   cannot be read counts as the earliest
 */
int
_pb_bundle_compare_times (const char *a,
                          const char *b)
{
  g_autoptr(GDateTime) ta = a ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) tb = b ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (ta == NULL || tb == NULL)
    return (ta != NULL) - (tb != NULL);
  return g_date_time_compare (ta, tb);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char * const *strv)
{
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_anchors (JsonBuilder *builder,
             GArray      *anchors)
{
  /* The shape findings.quads has in a library (pb_anchors_to_json ()). */
  json_builder_begin_array (builder);
  for (guint i = 0; i < anchors->len; i++)
    {
      const PbAnchor *a = &g_array_index (anchors, PbAnchor, i);

      json_builder_begin_object (builder);
      add_int (builder, "page", a->page);
      json_builder_set_member_name (builder, "rect");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, a->rect.x1);
      json_builder_add_double_value (builder, a->rect.y1);
      json_builder_add_double_value (builder, a->rect.x2);
      json_builder_add_double_value (builder, a->rect.y2);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
builder_to_text (JsonBuilder *builder,
                 gboolean     pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

static void
add_cohorts (JsonBuilder *builder,
             GPtrArray   *cohorts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < cohorts->len; i++)
    {
      BundleCohort *cohort = g_ptr_array_index (cohorts, i);

      json_builder_begin_object (builder);
      add_string (builder, "slug", cohort->slug);
      add_string (builder, "name", cohort->name);
      add_string (builder, "color", cohort->color);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * _pb_bundle_cohorts_to_json:
 * @cohorts: (element-type BundleCohort): cohorts
 *
 * Returns: (transfer full): them as a JSON array, as bundle_packs.cohorts
 *   keeps them
 */
char *
_pb_bundle_cohorts_to_json (GPtrArray *cohorts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_cohorts (builder, cohorts);
  return builder_to_text (builder, FALSE);
}

/**
 * _pb_bundle_strv_to_json:
 *
 * Returns: (transfer full): @strv as a JSON array of strings
 */
char *
_pb_bundle_strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_strv (builder, strv);
  return builder_to_text (builder, FALSE);
}

static void
add_finding (JsonBuilder   *builder,
             BundleFinding *finding)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", finding->uuid);
  add_string (builder, "report", finding->report_sha256);
  add_int (builder, "page", finding->page);
  add_int (builder, "paragraph", finding->paragraph);
  json_builder_set_member_name (builder, "anchors");
  add_anchors (builder, finding->anchors);
  add_string (builder, "quote", finding->quote);
  add_string (builder, "kind", finding->kind);
  add_string (builder, "status", finding->status);
  add_string (builder, "note", finding->note);
  json_builder_set_member_name (builder, "cohorts");
  add_strv (builder, (const char * const *)finding->cohorts);
  add_string (builder, "classification", finding->exempt ? "exempt" : "public");
  add_string (builder, "citation", finding->citation);
  add_string (builder, "about", finding->about);
  json_builder_end_object (builder);
}

static void
add_section (JsonBuilder   *builder,
             BundleSection *section)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", section->uuid);
  add_string (builder, "title", section->title);
  add_string (builder, "cohort", section->cohort);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < section->items->len; i++)
    {
      BundleItem *item = g_ptr_array_index (section->items, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", item->kind);
      if (item->finding != NULL)
        add_string (builder, "finding", item->finding);
      else
        add_string (builder, "text", item->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * _pb_bundle_contents_to_json:
 *
 * Returns: (transfer full): pack.json's text
 */
char *
_pb_bundle_contents_to_json (BundleContents *contents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", BUNDLE_FORMAT);
  add_int (builder, "version", BUNDLE_VERSION);

  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  add_string (builder, "uuid", contents->uuid);
  add_string (builder, "title", contents->title);
  add_string (builder, "committee", contents->committee);
  add_string (builder, "meeting_date", contents->meeting_date);
  add_string (builder, "author", contents->author);
  add_string (builder, "classification", contents->exempt ? "exempt" : "public");
  add_string (builder, "introduction", contents->introduction);
  add_string (builder, "exported_at", contents->exported_at);
  add_int (builder, "revision", contents->revision);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cohorts");
  add_cohorts (builder, contents->cohorts);

  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);

      json_builder_begin_object (builder);
      add_string (builder, "sha256", report->sha256);
      add_string (builder, "title", report->title);
      add_string (builder, "file_name", report->file_name);
      add_string (builder, "file", report->entry);
      add_string (builder, "highlighted", report->highlighted);
      add_string (builder, "classification", report->exempt ? "exempt" : "public");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->sections->len; i++)
    add_section (builder, g_ptr_array_index (contents->sections, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->findings->len; i++)
    add_finding (builder, g_ptr_array_index (contents->findings, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return builder_to_text (builder, TRUE);
}
