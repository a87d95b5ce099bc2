/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-highlights"

#include "config.h"

#include "pb-bundle-highlights.h"
#include "pb-bundle-pack.h"
#include "pb-cohort.h"

/* The officer's findings on a report that came with a pack, for the reader
 * to draw beside the member's own: a member opening a report from a pack
 * sees the passages the pack cites, as the officer marked them. */

/**
 * pb_bundle_highlights_new:
 * @library: a member's library
 * @report_sha256: the report read
 * @colors: (nullable) (element-type utf8 GdkRGBA): the colours the reader
 *   draws cohorts in, by slug; given the packs' colours for the cohorts it
 *   lacks
 *
 * Returns: (transfer full) (nullable): the findings of every pack opened
 *   from a bundle on the report (#PbFinding, each with id 0: none is the
 *   member's to edit), a passage cited by two packs once; %NULL when no
 *   pack cites it
 */
GListModel *
pb_bundle_highlights_new (PbLibrary  *library,
                          const char *report_sha256,
                          GHashTable *colors)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (report_sha256 != NULL, NULL);

  if (!(packs = pb_library_list_bundle_packs (library, NULL)) || packs->len == 0)
    return NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store = g_list_store_new (PB_TYPE_FINDING);
  for (guint i = 0; i < packs->len; i++)
    {
      PbBundlePack *pack = g_ptr_array_index (packs, i);
      g_autoptr(GPtrArray) findings = pb_library_list_bundle_findings (library, pb_bundle_pack_get_id (pack),
                                                                       report_sha256, NULL);
      GPtrArray *cohorts = pb_bundle_pack_get_cohorts (pack);

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        {
          PbFinding *finding = g_ptr_array_index (findings, j);
          char *key = g_strdup_printf ("%u\n%s", pb_finding_get_page (finding), pb_finding_get_quote (finding));

          if (g_hash_table_add (seen, key))
            g_list_store_append (store, finding);
        }

      for (guint j = 0; colors != NULL && cohorts != NULL && j < cohorts->len; j++)
        {
          PbCohort *cohort = g_ptr_array_index (cohorts, j);
          GdkRGBA rgba;

          if (!g_hash_table_contains (colors, pb_cohort_get_slug (cohort)) &&
              gdk_rgba_parse (&rgba, pb_cohort_get_color (cohort)))
            g_hash_table_insert (colors, g_strdup (pb_cohort_get_slug (cohort)), gdk_rgba_copy (&rgba));
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * pb_bundle_finding_is_from_pack:
 * @finding: a finding the reader shows
 *
 * Returns: whether it is an officer's finding from a pack, drawn only: it
 *   has no id in the member's library, so nothing may edit it
 */
gboolean
pb_bundle_finding_is_from_pack (PbFinding *finding)
{
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);
  return pb_finding_get_id (finding) == 0;
}
