/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-tracker-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-pack-sections.h"
#include "pb-recommendation-store.h"
#include "pb-tracker-view-private.h"

/* The tracker's filters: which authority (those with tracked items or
 * reports to take them from), which cohort (or none), which status, and
 * only the overdue; laid on two lines where the view is narrow; and the
 * empty state, which says whether the filters or the library are why
 * nothing shows. */

void
_pb_tracker_view_update_state (PbTrackerView *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean filtered = gtk_drop_down_get_selected (self->cohort_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
                      gtk_toggle_button_get_active (self->overdue_button);

  if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, filtered ? _("No Recommendations Match")
                                                            : _("No Tracked Recommendations"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try fewer filters.")
                                                : _("Open an inspection report’s details and choose Track Its "
                                                    "Recommendations, or add one by hand from the council’s "
                                                    "action plan."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "table" : "empty");
}

void
_pb_tracker_view_filters_changed (PbTrackerView *self)
{
  PbRecommendationFilter filter = PB_RECOMMENDATION_FILTER_INIT;
  guint cohort = gtk_drop_down_get_selected (self->cohort_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->list == NULL || self->filling)
    return;

  filter.authority = pb_tracker_view_get_authority (self);
  if (cohort > 0 && cohort != GTK_INVALID_LIST_POSITION && cohort - 1 < self->cohorts->len)
    filter.cohort = pb_cohort_get_slug (g_ptr_array_index (self->cohorts, cohort - 1));
  else if (cohort != GTK_INVALID_LIST_POSITION && cohort == self->cohorts->len + 1)
    filter.cohort = PB_RECOMMENDATION_NO_COHORT;
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    filter.status = (int)status - 1;
  filter.overdue = gtk_toggle_button_get_active (self->overdue_button);

  pb_recommendation_list_set_filter (self->list, &filter);
  if (!pb_recommendation_list_reload (self->list, &error))
    g_warning ("Could not read the tracker: %s", error->message);
  _pb_tracker_view_update_state (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char **)a, *(const char **)b);
}

/* The authorities with tracked items, and those with reports to take
 * recommendations from, once each, in alphabetical order. */
static GStrv
list_authorities (PbTrackerView *self)
{
  g_auto(GStrv) tracked = pb_library_list_tracked_authorities (self->library, NULL);
  g_auto(GStrv) reported = pb_library_list_report_authorities (self->library, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; tracked && tracked[i]; i++)
    g_ptr_array_add (all, tracked[i]);
  for (guint i = 0; reported && reported[i]; i++)
    g_ptr_array_add (all, reported[i]);
  g_ptr_array_sort (all, compare_names);
  for (guint i = 0; i < all->len; i++)
    if (i == 0 || g_ascii_strcasecmp (g_ptr_array_index (all, i - 1), g_ptr_array_index (all, i)) != 0)
      g_strv_builder_add (builder, g_ptr_array_index (all, i));
  return g_strv_builder_end (builder);
}

void
_pb_tracker_view_fill_filters (PbTrackerView *self)
{
  g_autofree char *authority = g_strdup (pb_tracker_view_get_authority (self));
  g_auto(GStrv) authorities = list_authorities (self);
  guint n_cohorts = g_list_model_get_n_items (G_LIST_MODEL (self->cohort_names));
  guint chosen = 0;

  self->stale = FALSE;
  self->filling = TRUE;

  g_strfreev (self->authority_list);
  self->authority_list = g_steal_pointer (&authorities);
  gtk_string_list_splice (self->authorities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->authorities)),
                          (const char * const *)self->authority_list);
  for (guint i = 0; self->authority_list[i] != NULL; i++)
    if (authority != NULL && g_ascii_strcasecmp (self->authority_list[i], authority) == 0)
      chosen = i;
  gtk_drop_down_set_selected (self->authority_dropdown, chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->authority_dropdown), self->authority_list[0] != NULL);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = pb_library_list_cohorts (self->library, NULL);
  if (self->cohorts == NULL)
    self->cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_splice (self->cohort_names, 1, n_cohorts > 0 ? n_cohorts - 1 : 0, NULL);
  for (guint i = 0; i < self->cohorts->len; i++)
    gtk_string_list_append (self->cohort_names, pb_cohort_get_name (g_ptr_array_index (self->cohorts, i)));
  /* Last: items whose words named no cohort, to find and give them one. */
  gtk_string_list_append (self->cohort_names, _("No cohort"));

  self->filling = FALSE;
  _pb_tracker_view_filters_changed (self);
}

/* Hidden (as at start-up), the view reads the library when first shown,
 * or when asked for what it shows. */
void
_pb_tracker_view_ensure_read (PbTrackerView *self)
{
  if (self->stale)
    {
      /* Filling asks for the authority chosen: not again from here. */
      self->stale = FALSE;
      _pb_tracker_view_fill_filters (self);
    }
}

static void
relayout_cb (gpointer data)
{
  PbTrackerView *self = data;

  self->relayout = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filter_box),
                                  pb_tracker_view_get_narrow (self) ? GTK_ORIENTATION_VERTICAL
                                                                    : GTK_ORIENTATION_HORIZONTAL);
}

/* Narrow: the filters on two lines. The squeezer says so as it is laid
 * out, too late to change this frame: the next one shows it. */
void
_pb_tracker_view_squeezed (PbTrackerView *self)
{
  if (self->relayout == 0)
    self->relayout = g_idle_add_once (relayout_cb, self);
}

/* Dropdowns whose button ellipsizes, so that a long cohort's name does not
 * make the window wider than a phone; the list shows names whole. */
static void
ellipsize_dropdown (GtkDropDown *dropdown)
{
  static const char button_ui[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">0</property><property name=\"ellipsize\">end</property>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\"><lookup name=\"item\">GtkListItem"
    "</lookup></lookup></binding></object></property></template></interface>";
  static const char list_ui[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">0</property>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\"><lookup name=\"item\">GtkListItem"
    "</lookup></lookup></binding></object></property></template></interface>";
  g_autoptr(GBytes) button_bytes = g_bytes_new_static (button_ui, sizeof button_ui - 1);
  g_autoptr(GBytes) list_bytes = g_bytes_new_static (list_ui, sizeof list_ui - 1);
  g_autoptr(GtkListItemFactory) button = gtk_builder_list_item_factory_new_from_bytes (NULL, button_bytes);
  g_autoptr(GtkListItemFactory) list = gtk_builder_list_item_factory_new_from_bytes (NULL, list_bytes);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* The dropdowns' fixed entries, and buttons that ellipsize. */
void
_pb_tracker_view_init_filters (PbTrackerView *self)
{
  ellipsize_dropdown (self->authority_dropdown);
  ellipsize_dropdown (self->cohort_dropdown);
  ellipsize_dropdown (self->status_dropdown);
  gtk_string_list_append (self->cohort_names, _("All cohorts"));
  gtk_string_list_append (self->status_names, _("Any status"));
  for (guint i = 0; i < PB_N_RECOMMENDATION_STATUSES; i++)
    gtk_string_list_append (self->status_names, pb_recommendation_status_get_label (i));
  self->authority_list = g_new0 (char *, 1);
  self->cohorts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pb_tracker_view_get_authority:
 *
 * Returns: (nullable): the authority whose recommendations are shown
 */
const char *
pb_tracker_view_get_authority (PbTrackerView *self)
{
  guint selected;

  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), NULL);

  _pb_tracker_view_ensure_read (self);
  selected = gtk_drop_down_get_selected (self->authority_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (self->authority_list))
    return NULL;
  return self->authority_list[selected];
}

/**
 * pb_tracker_view_set_authority:
 * @authority: a local authority the library knows (any case)
 *
 * Shows that authority's recommendations, if it is in the list.
 */
void
pb_tracker_view_set_authority (PbTrackerView *self,
                               const char    *authority)
{
  g_return_if_fail (PB_IS_TRACKER_VIEW (self));

  _pb_tracker_view_ensure_read (self);
  for (guint i = 0; authority != NULL && self->authority_list[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->authority_list[i], authority) == 0)
      gtk_drop_down_set_selected (self->authority_dropdown, i);
}

/**
 * pb_tracker_view_get_narrow:
 *
 * Returns: whether the view is too narrow for the table, and lists its
 *   recommendations as rows
 */
gboolean
pb_tracker_view_get_narrow (PbTrackerView *self)
{
  g_return_val_if_fail (PB_IS_TRACKER_VIEW (self), FALSE);
  return adw_squeezer_get_visible_child (self->squeezer) != self->table_scroller;
}
