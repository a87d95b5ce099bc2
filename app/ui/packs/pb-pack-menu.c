/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-identity.h"
#include "pb-library.h"
#include "pb-pack-items.h"
#include "pb-pack-menu.h"
#include "pb-pack-store.h"

/* "Add to Pack": the same menu of packs wherever findings are chosen (the
 * Findings table, a finding opened in the reader), and the same words
 * about what happened. */

/**
 * pb_pack_menu_new:
 * @action_name: an action taking the pack's id ("x"); 0 asks for a new pack
 *
 * Returns: (transfer full): the packs, newest meeting first, then New Pack
 */
GMenuModel *
pb_pack_menu_new (PbLibrary  *library,
                  const char *action_name)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) packs_section = g_menu_new ();
  g_autoptr(GMenu) new_section = g_menu_new ();
  g_autoptr(GPtrArray) packs = pb_library_list_packs (library, NULL);
  g_autoptr(GMenuItem) new_item = NULL;

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      PbPack *pack = g_ptr_array_index (packs, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (pb_pack_get_title (pack), NULL);

      g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_int64 (pb_pack_get_id (pack)));
      g_menu_append_item (packs_section, item);
    }

  new_item = g_menu_item_new (_("_New Pack"), NULL);
  g_menu_item_set_action_and_target_value (new_item, action_name, g_variant_new_int64 (0));
  g_menu_append_item (new_section, new_item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (packs_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (new_section));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/**
 * pb_pack_menu_create_pack:
 *
 * Creates a public pack titled "New briefing pack", prepared by the default
 * author of Preferences when there is one.
 *
 * Returns: the pack's id, or 0 with @error set
 */
gint64
pb_pack_menu_create_pack (PbLibrary  *library,
                          GError    **error)
{
  g_autofree char *author = pb_identity_dup_default_author (NULL);
  gint64 id;

  if (!(id = pb_library_create_pack (library, _("New briefing pack"), FALSE, NULL, error)))
    return 0;
  if (author != NULL && !pb_library_set_pack_field (library, id, PB_PACK_FIELD_AUTHOR, author, error))
    return 0;
  return id;
}

/**
 * pb_pack_menu_add_findings:
 * @pack_id: the pack, or 0 for a new one
 *
 * Adds the findings (all or none, as the exempt rule allows).
 *
 * Returns: (transfer full): what to tell the user, or %NULL with @error set
 */
char *
pb_pack_menu_add_findings (PbLibrary     *library,
                           gint64         pack_id,
                           const gint64  *finding_ids,
                           guint          n_findings,
                           GError       **error)
{
  g_autoptr(PbPack) pack = NULL;
  guint n_added = 0;

  if (pack_id == 0 && !(pack_id = pb_pack_menu_create_pack (library, error)))
    return NULL;
  if (!pb_library_add_to_pack_counted (library, pack_id, finding_ids, n_findings, &n_added, error) ||
      !(pack = pb_library_get_pack (library, pack_id, error)))
    return NULL;

  /* Say what changed: a finding the pack already held is not "added". */
  if (n_added == 0)
    return g_strdup_printf (n_findings == 1 ? _("Already in “%s”") : _("All already in “%s”"),
                            pb_pack_get_title (pack));
  if (n_findings == 1)
    return g_strdup_printf (_("Added to “%s”"), pb_pack_get_title (pack));
  if (n_added < n_findings)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding added to “%s”; the others were there already",
                                         "%u findings added to “%s”; the others were there already", n_added),
                            n_added, pb_pack_get_title (pack));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding added to “%s”", "%u findings added to “%s”",
                                       n_findings),
                          n_findings, pb_pack_get_title (pack));
}
