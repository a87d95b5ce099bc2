/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pb-finding-private.h"

/* A finding: a passage of a report that matters to the panel, what kind of
 * thing it says, which cohorts of children it concerns, and the officer's
 * note. It is kept in the library by the report's SHA-256, with the page, the
 * rectangles it covers and the quoted text, so it can be found again if the
 * rectangles ever stop matching (re-anchoring by the quote). */

static const char * const kind_slugs[] = {
  "strength", "area_for_improvement", "recommendation", "commitment", "context",
};

static const char * const kind_labels[] = {
  N_("Strength"), N_("Area for improvement"), N_("Recommendation"),
  N_("Commitment or action"), N_("Context"),
};

static const char * const status_slugs[] = {
  "", "open", "in_progress", "met", "not_met",
};

static const char * const status_labels[] = {
  N_("No status"), N_("Open"), N_("In progress"), N_("Met"), N_("Not met"),
};

/**
 * pb_finding_kind_to_slug:
 * @kind: a kind of finding
 *
 * Returns: the kind's name in the database, on the command line and in pack files
 *   ("strength", "area_for_improvement", "recommendation", "commitment",
 *   "context"), never translated
 */
const char *
pb_finding_kind_to_slug (PbFindingKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_slugs), NULL);
  return kind_slugs[kind];
}

/**
 * pb_finding_kind_from_slug:
 * @slug: (nullable): a name as pb_finding_kind_to_slug() gives it
 * @kind: (out): the kind, set only when the slug is known
 *
 * Returns: whether @slug names a kind
 */
gboolean
pb_finding_kind_from_slug (const char    *slug,
                           PbFindingKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_slugs); i++)
    if (g_strcmp0 (slug, kind_slugs[i]) == 0)
      {
        *kind = (PbFindingKind)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pb_finding_kind_get_label:
 * @kind: a kind of finding
 *
 * Returns: the kind's name for users, translated ("Area for improvement")
 */
const char *
pb_finding_kind_get_label (PbFindingKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), NULL);
  return _(kind_labels[kind]);
}

/**
 * pb_finding_status_to_slug:
 * @status: a finding's status
 *
 * Returns: (nullable): the status's name in the database ("open",
 *   "in_progress", "met", "not_met"), or %NULL for %PB_FINDING_STATUS_NONE
 */
const char *
pb_finding_status_to_slug (PbFindingStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_slugs), NULL);
  return status == PB_FINDING_STATUS_NONE ? NULL : status_slugs[status];
}

/**
 * pb_finding_status_from_slug:
 * @slug: (nullable): a name as pb_finding_status_to_slug() gives it
 * @status: (out): the status, set only when the slug is known
 *
 * A %NULL or empty @slug is %PB_FINDING_STATUS_NONE.
 *
 * Returns: whether @slug names a status
 */
gboolean
pb_finding_status_from_slug (const char      *slug,
                             PbFindingStatus *status)
{
  if (slug == NULL || *slug == '\0')
    {
      *status = PB_FINDING_STATUS_NONE;
      return TRUE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (status_slugs); i++)
    if (g_str_equal (slug, status_slugs[i]))
      {
        *status = (PbFindingStatus)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pb_finding_status_get_label:
 * @status: a finding's status
 *
 * Returns: the status's name for users, translated ("In progress", "No
 *   status")
 */
const char *
pb_finding_status_get_label (PbFindingStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return _(status_labels[status]);
}

G_DEFINE_QUARK (pb-findings-error-quark, pb_findings_error)

struct _PbFinding
{
  GObject          parent_instance;

  gint64           id;
  char            *report_sha256;
  gint64           report_id;
  char            *report_title;
  guint            page;
  char            *quote;
  char            *note;
  guint            paragraph;
  PbFindingKind    kind;
  PbFindingStatus  status;
  gboolean         exempt;
  GStrv            cohorts;
  GArray          *anchors;
  GDateTime       *created;
  GDateTime       *updated;
};

G_DEFINE_FINAL_TYPE (PbFinding, pb_finding, G_TYPE_OBJECT)

static void
pb_finding_finalize (GObject *object)
{
  PbFinding *self = (PbFinding *)object;

  g_clear_pointer (&self->report_sha256, g_free);
  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->cohorts, g_strfreev);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (pb_finding_parent_class)->finalize (object);
}

static void
pb_finding_class_init (PbFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_finding_finalize;
}

static void
pb_finding_init (PbFinding *self)
{
  self->kind = PB_FINDING_KIND_AREA_FOR_IMPROVEMENT;
  self->page = 1;
  self->quote = g_strdup ("");
  self->note = g_strdup ("");
  self->cohorts = g_new0 (char *, 1);
  self->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
}

/**
 * pb_finding_new:
 *
 * A finding not yet in a library (id 0): an area for improvement on page 1,
 * with no quote, note, cohorts or anchors.
 *
 * Returns: (transfer full): the finding
 */
PbFinding *
pb_finding_new (void)
{
  return g_object_new (PB_TYPE_FINDING, NULL);
}

/**
 * pb_finding_copy:
 * @self: a finding
 *
 * Returns: (transfer full): a finding with all of @self's values, its id,
 *   report and times included; changing one leaves the other as it was
 */
PbFinding *
pb_finding_copy (PbFinding *self)
{
  PbFinding *copy;

  g_return_val_if_fail (PB_IS_FINDING (self), NULL);

  copy = pb_finding_new ();
  copy->id = self->id;
  copy->report_sha256 = g_strdup (self->report_sha256);
  copy->report_id = self->report_id;
  copy->report_title = g_strdup (self->report_title);
  copy->page = self->page;
  g_free (copy->quote);
  copy->quote = g_strdup (self->quote);
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  copy->paragraph = self->paragraph;
  copy->kind = self->kind;
  copy->status = self->status;
  copy->exempt = self->exempt;
  g_strfreev (copy->cohorts);
  copy->cohorts = g_strdupv (self->cohorts);
  g_array_append_vals (copy->anchors, self->anchors->data, self->anchors->len);
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;
  copy->updated = self->updated ? g_date_time_ref (self->updated) : NULL;

  return copy;
}

void
_pb_finding_set_id (PbFinding *self,
                    gint64     id)
{
  self->id = id;
}

void
_pb_finding_set_report (PbFinding  *self,
                        gint64      report_id,
                        const char *title)
{
  self->report_id = report_id;
  g_free (self->report_title);
  self->report_title = g_strdup (title);
}

void
_pb_finding_set_times (PbFinding *self,
                       GDateTime *created,
                       GDateTime *updated)
{
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
  self->updated = updated ? g_date_time_ref (updated) : NULL;
}

/**
 * pb_finding_get_id:
 * @self: a finding
 *
 * Returns: its id in the library, or 0 for one not yet saved
 */
gint64
pb_finding_get_id (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->id;
}

/**
 * pb_finding_get_report_sha256:
 * @self: a finding
 *
 * Returns: (nullable): the SHA-256, in hex, of the report file it is on, or
 *   %NULL before one is set
 */
const char *
pb_finding_get_report_sha256 (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->report_sha256;
}

/**
 * pb_finding_set_report_sha256:
 * @self: a finding
 * @sha256: (nullable): the SHA-256 of the report file, in hex
 *
 * Sets the report the finding is on: the library knows reports by their
 * file's checksum.
 */
void
pb_finding_set_report_sha256 (PbFinding  *self,
                              const char *sha256)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_free (self->report_sha256);
  self->report_sha256 = g_strdup (sha256);
}

/**
 * pb_finding_get_report_id:
 * @self: a finding
 *
 * Returns: the id of its report in the library, once read from there; 0
 *   before
 */
gint64
pb_finding_get_report_id (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->report_id;
}

/**
 * pb_finding_get_report_title:
 * @self: a finding
 *
 * Returns: (nullable): its report's title, once read from the library;
 *   %NULL before
 */
const char *
pb_finding_get_report_title (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->report_title;
}

/**
 * pb_finding_get_page:
 * @self: a finding
 *
 * Returns: the page number (from 1) it starts on
 */
guint
pb_finding_get_page (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->page;
}

/**
 * pb_finding_set_page:
 * @self: a finding
 * @page_number: the page number it starts on, from 1
 *
 * Setting anchors sets the page too (see pb_finding_set_anchors()).
 */
void
pb_finding_set_page (PbFinding *self,
                     guint      page_number)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_return_if_fail (page_number >= 1);
  self->page = page_number;
}

/**
 * pb_finding_get_quote:
 * @self: a finding
 *
 * Returns: the words of the report it quotes; "" for none
 */
const char *
pb_finding_get_quote (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->quote;
}

/**
 * pb_finding_set_quote:
 * @self: a finding
 * @quote: (nullable): the words quoted; %NULL for none
 *
 * The quote is what re-anchors a finding when its rectangles no longer
 * match the page (pb_library_reanchor_finding()).
 */
void
pb_finding_set_quote (PbFinding  *self,
                      const char *quote)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_free (self->quote);
  self->quote = g_strdup (quote ? quote : "");
}

/**
 * pb_finding_get_note:
 * @self: a finding
 *
 * Returns: the officer's note; "" for none
 */
const char *
pb_finding_get_note (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->note;
}

/**
 * pb_finding_set_note:
 * @self: a finding
 * @note: (nullable): the officer's note; %NULL for none
 */
void
pb_finding_set_note (PbFinding  *self,
                     const char *note)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_free (self->note);
  self->note = g_strdup (note ? note : "");
}

/**
 * pb_finding_get_paragraph:
 * @self: a finding
 *
 * Returns: the number of the report's numbered paragraph it is in, or 0
 *   when that is not known
 */
guint
pb_finding_get_paragraph (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->paragraph;
}

/**
 * pb_finding_set_paragraph:
 * @self: a finding
 * @paragraph: the report's paragraph number, or 0 for not known
 */
void
pb_finding_set_paragraph (PbFinding *self,
                          guint      paragraph)
{
  g_return_if_fail (PB_IS_FINDING (self));
  self->paragraph = paragraph;
}

/**
 * pb_finding_get_kind:
 * @self: a finding
 *
 * Returns: what kind of thing the passage says
 */
PbFindingKind
pb_finding_get_kind (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->kind;
}

/**
 * pb_finding_set_kind:
 * @self: a finding
 * @kind: what kind of thing the passage says
 */
void
pb_finding_set_kind (PbFinding     *self,
                     PbFindingKind  kind)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_return_if_fail (kind <= PB_FINDING_KIND_CONTEXT);
  self->kind = kind;
}

/**
 * pb_finding_get_status:
 * @self: a finding
 *
 * Returns: how far the matter it raises has got; %PB_FINDING_STATUS_NONE
 *   when not tracked
 */
PbFindingStatus
pb_finding_get_status (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), 0);
  return self->status;
}

/**
 * pb_finding_set_status:
 * @self: a finding
 * @status: how far the matter it raises has got
 */
void
pb_finding_set_status (PbFinding       *self,
                       PbFindingStatus  status)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_return_if_fail (status <= PB_FINDING_STATUS_NOT_MET);
  self->status = status;
}

/**
 * pb_finding_get_exempt:
 * @self: a finding
 *
 * Returns: whether it is exempt information (Schedule 12A to the Local
 *   Government Act 1972): a public pack never prints it, only an exempt one
 */
gboolean
pb_finding_get_exempt (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), FALSE);
  return self->exempt;
}

/**
 * pb_finding_set_exempt:
 * @self: a finding
 * @exempt: whether it is exempt information (Schedule 12A to the Local
 *   Government Act 1972), which only an exempt pack may print
 */
void
pb_finding_set_exempt (PbFinding *self,
                       gboolean   exempt)
{
  g_return_if_fail (PB_IS_FINDING (self));
  self->exempt = !!exempt;
}

/**
 * pb_finding_get_cohorts:
 *
 * Returns: (transfer none): the cohorts' slugs, in the library's order
 */
const char * const *
pb_finding_get_cohorts (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return (const char * const *)self->cohorts;
}

/**
 * pb_finding_set_cohorts:
 * @self: a finding
 * @slugs: (nullable) (array zero-terminated=1): the slugs of the cohorts of
 *   children it concerns; %NULL for none
 *
 * The finding keeps a copy of @slugs, in the order given.
 */
void
pb_finding_set_cohorts (PbFinding          *self,
                        const char * const *slugs)
{
  g_return_if_fail (PB_IS_FINDING (self));
  g_strfreev (self->cohorts);
  self->cohorts = slugs ? g_strdupv ((char **)slugs) : g_new0 (char *, 1);
}

/**
 * pb_finding_has_cohort:
 * @self: a finding
 * @slug: a cohort's slug
 *
 * Returns: whether the finding concerns that cohort
 */
gboolean
pb_finding_has_cohort (PbFinding  *self,
                       const char *slug)
{
  g_return_val_if_fail (PB_IS_FINDING (self), FALSE);
  return g_strv_contains ((const char * const *)self->cohorts, slug);
}

/**
 * pb_finding_get_anchors:
 *
 * Returns: (transfer none) (element-type PbAnchor): where the finding is
 */
GArray *
pb_finding_get_anchors (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->anchors;
}

/**
 * pb_finding_set_anchors:
 * @self: a finding
 * @anchors: (array length=n_anchors): where it is: a rectangle in PDF points
 *   from the page's top left, on a page number from 1, for each line or
 *   part of it
 * @n_anchors: how many
 *
 * Replaces the finding's anchors with a copy of @anchors; when there is
 * one at least, the finding's page becomes the first anchor's.
 */
void
pb_finding_set_anchors (PbFinding      *self,
                        const PbAnchor *anchors,
                        guint           n_anchors)
{
  g_return_if_fail (PB_IS_FINDING (self));

  g_array_set_size (self->anchors, 0);
  g_array_append_vals (self->anchors, anchors, n_anchors);
  if (n_anchors > 0)
    self->page = anchors[0].page;
}

/**
 * pb_finding_get_created:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): when it was first saved, as the
 *   library gives it; %NULL for a finding not read from a library
 */
GDateTime *
pb_finding_get_created (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->created;
}

/**
 * pb_finding_get_updated:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): when it was last saved; %NULL for a
 *   finding not read from a library
 */
GDateTime *
pb_finding_get_updated (PbFinding *self)
{
  g_return_val_if_fail (PB_IS_FINDING (self), NULL);
  return self->updated;
}

/**
 * pb_anchors_to_json:
 * @anchors: (element-type PbAnchor): anchors
 *
 * Anchors are stored as JSON, [{"page": 3, "rect": [x1, y1, x2, y2]}, …]
 * (page numbers from 1, PDF points from the page's top left), so that the
 * database stays readable by other tools.
 *
 * Returns: (transfer full): the JSON text
 */
char *
pb_anchors_to_json (GArray *anchors)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < anchors->len; i++)
    {
      const PbAnchor *a = &g_array_index (anchors, PbAnchor, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, a->page);
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

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * pb_anchors_from_json:
 * @json: text written by pb_anchors_to_json()
 * @error: a #GError, or %NULL
 *
 * Reads anchors back. An item without a four-number "rect" is skipped; one
 * without a "page" is on page 1.
 *
 * Returns: (transfer full) (element-type PbAnchor): the anchors, or %NULL
 *   with @error set (%JSON_PARSER_ERROR, %JSON_PARSER_ERROR_INVALID_DATA for
 *   JSON that is not a list)
 */
GArray *
pb_anchors_from_json (const char  *json,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "anchors are not a list");
      return NULL;
    }

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      JsonArray *rect;
      PbAnchor anchor;

      if (item == NULL || !json_object_has_member (item, "rect") ||
          !(rect = json_object_get_array_member (item, "rect")) ||
          json_array_get_length (rect) != 4)
        continue;

      anchor.page = (guint)json_object_get_int_member_with_default (item, "page", 1);
      anchor.rect.x1 = json_array_get_double_element (rect, 0);
      anchor.rect.y1 = json_array_get_double_element (rect, 1);
      anchor.rect.x2 = json_array_get_double_element (rect, 2);
      anchor.rect.y2 = json_array_get_double_element (rect, 3);
      g_array_append_val (anchors, anchor);
    }

  return g_steal_pointer (&anchors);
}
