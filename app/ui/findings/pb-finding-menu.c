/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort.h"
#include "pb-finding-menu.h"
#include "pb-pack.h"

/* What can be done to one finding, the same wherever it is shown (its
 * highlight on the page, its row in the reader's panel): show it, edit it,
 * tag it with a cohort or take one off, add it to a pack, delete it. The
 * menu names its actions under a prefix, each with the finding's id as
 * its target, for whoever shows the menu to act:
 *
 *   PREFIX.show-finding   x      the finding's id
 *   PREFIX.edit-finding   x
 *   PREFIX.retag-finding  (xsb)  id, cohort slug, add (or take off)
 *   PREFIX.pack-finding   (xx)   id, pack id (0 for a new pack)
 *   PREFIX.delete-finding x */

static GMenuItem *
item_for (const char *label,
          const char *prefix,
          const char *action,
          GVariant   *target)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", prefix, action);
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, name, target);
  return item;
}

static void
append (GMenu      *menu,
        const char *label,
        const char *prefix,
        const char *action,
        GVariant   *target)
{
  g_autoptr(GMenuItem) item = item_for (label, prefix, action, target);

  g_menu_append_item (menu, item);
}

/**
 * pb_finding_menu_new:
 * @finding: a finding in the library
 * @cohorts: (element-type PbCohort) (nullable): the library's cohorts, in order
 * @packs: (element-type PbPack) (nullable): the library's packs, for Add to Pack
 * @prefix: the action group the actions are in ("reader", "panel")
 * @flags: what to offer besides Edit, Cohorts and Delete
 *
 * Returns: (transfer full): the finding's menu
 */
GMenuModel *
pb_finding_menu_new (PbFinding          *finding,
                     GPtrArray          *cohorts,
                     GPtrArray          *packs,
                     const char         *prefix,
                     PbFindingMenuFlags  flags)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) tags = g_menu_new ();
  g_autoptr(GMenu) cohort_menu = g_menu_new ();
  g_autoptr(GMenu) gone = g_menu_new ();
  gint64 id;

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  id = pb_finding_get_id (finding);

  if (flags & PB_FINDING_MENU_SHOW)
    append (open, _("_Show on Page"), prefix, "show-finding", g_variant_new_int64 (id));
  append (open, _("_Edit Finding…"), prefix, "edit-finding", g_variant_new_int64 (id));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  /* "Add" for the cohorts it is not tagged with, then "Remove" for those
   * it is, in the library's order. */
  for (int add = 1; add >= 0; add--)
    for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
      {
        PbCohort *cohort = g_ptr_array_index (cohorts, i);
        gboolean has = pb_finding_has_cohort (finding, pb_cohort_get_slug (cohort));
        g_autofree char *label = NULL;

        if (has == (gboolean)add)
          continue;
        /* Translators: tagging a finding with a cohort, or taking it off */
        label = g_strdup_printf (add ? _("Add “%s”") : _("Remove “%s”"), pb_cohort_get_name (cohort));
        append (cohort_menu, label, prefix, "retag-finding",
                g_variant_new ("(xsb)", id, pb_cohort_get_slug (cohort), (gboolean)add));
      }
  g_menu_append_submenu (tags, _("_Cohorts"), G_MENU_MODEL (cohort_menu));

  if (flags & PB_FINDING_MENU_PACKS)
    {
      g_autoptr(GMenu) pack_menu = g_menu_new ();
      g_autoptr(GMenu) pack_list = g_menu_new ();
      g_autoptr(GMenu) new_pack = g_menu_new ();

      for (guint i = 0; packs != NULL && i < packs->len; i++)
        {
          PbPack *pack = g_ptr_array_index (packs, i);

          append (pack_list, pb_pack_get_title (pack), prefix, "pack-finding",
                  g_variant_new ("(xx)", id, pb_pack_get_id (pack)));
        }
      append (new_pack, _("_New Pack"), prefix, "pack-finding", g_variant_new ("(xx)", id, (gint64)0));
      g_menu_append_section (pack_menu, NULL, G_MENU_MODEL (pack_list));
      g_menu_append_section (pack_menu, NULL, G_MENU_MODEL (new_pack));
      g_menu_append_submenu (tags, _("Add to _Pack"), G_MENU_MODEL (pack_menu));
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tags));

  append (gone, _("_Delete Finding"), prefix, "delete-finding", g_variant_new_int64 (id));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (gone));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
