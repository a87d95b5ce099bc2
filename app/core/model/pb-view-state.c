/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-view-state"

#include "config.h"

#include "pb-view-state.h"

static const char * const sizing_slugs[] = {
  [PB_SIZING_FREE] = "free",
  [PB_SIZING_FIT_WIDTH] = "fit-width",
  [PB_SIZING_FIT_PAGE] = "fit-page",
};

/**
 * pb_sizing_to_slug:
 * @sizing: a #PbSizing
 *
 * Returns: the name the library stores: "free", "fit-width" or "fit-page"
 */
const char *
pb_sizing_to_slug (PbSizing sizing)
{
  g_return_val_if_fail (sizing <= PB_SIZING_FIT_PAGE, "fit-width");
  return sizing_slugs[sizing];
}

/**
 * pb_sizing_from_slug:
 * @slug: (nullable): a name from pb_sizing_to_slug ()
 * @sizing: (out): where to put the sizing
 *
 * Returns: %TRUE if @slug names a sizing; otherwise @sizing is left as it was
 */
gboolean
pb_sizing_from_slug (const char *slug,
                     PbSizing   *sizing)
{
  g_return_val_if_fail (sizing != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sizing_slugs); i++)
    if (g_strcmp0 (slug, sizing_slugs[i]) == 0)
      {
        *sizing = (PbSizing)i;
        return TRUE;
      }

  return FALSE;
}

/**
 * pb_view_state_equal:
 * @a: a view state
 * @b: another
 *
 * Returns: whether the two would restore the same view: the same page and
 *   sizing, and for %PB_SIZING_FREE the same zoom (a fitted zoom follows the
 *   window, so it does not count)
 */
gboolean
pb_view_state_equal (const PbViewState *a,
                     const PbViewState *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->page_index != b->page_index || a->sizing != b->sizing)
    return FALSE;
  return a->sizing != PB_SIZING_FREE || G_APPROX_VALUE (a->zoom, b->zoom, 1e-6);
}
