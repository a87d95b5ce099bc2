/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-library-sidebar-private.h"
#include "pb-search-hit-row.h"
#include "pb-search.h"

/* The sidebar's search of every report's text: hits best first, each
 * report's together under its title as the library lists it. */

/* What to find on the page of a hit: a quoted phrase, or the first word. */
static char *
find_text_for_query (const char *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *quote = strchr (query, '"');

  if (quote != NULL)
    {
      const char *end = strchr (quote + 1, '"');
      g_string_append_len (text, quote + 1, end ? end - quote - 1 : (gssize)strlen (quote + 1));
    }
  else
    {
      g_auto(GStrv) words = g_strsplit_set (query, " \t", -1);

      for (guint i = 0; words[i]; i++)
        if (*words[i] != '\0' && !g_str_equal (words[i], "OR"))
          {
            g_string_append (text, words[i]);
            break;
          }
    }

  g_strdelimit (text->str, "*", ' ');
  g_strstrip (text->str);
  return g_strdup (text->str);
}

/* Best first, as the index ranks them, but each report's hits together
 * under it, in page order: reports in the order of their best hit. */
typedef struct
{
  guint        report_rank;
  PbSearchHit *hit;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->report_rank != rb->report_rank)
    return ra->report_rank < rb->report_rank ? -1 : 1;
  return (int)pb_search_hit_get_page (ra->hit) - (int)pb_search_hit_get_page (rb->hit);
}

static void
group_by_report (GPtrArray *hits)
{
  g_autoptr(GHashTable) first_rank = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), hits->len);

  for (guint i = 0; i < hits->len; i++)
    {
      PbSearchHit *hit = g_ptr_array_index (hits, i);
      gpointer key = GSIZE_TO_POINTER ((gsize)pb_search_hit_get_report_id (hit));
      Ranked entry = { 0, hit };

      if (!g_hash_table_contains (first_rank, key))
        g_hash_table_insert (first_rank, key, GUINT_TO_POINTER (g_hash_table_size (first_rank)));
      entry.report_rank = GPOINTER_TO_UINT (g_hash_table_lookup (first_rank, key));
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    hits->pdata[i] = g_array_index (ranked, Ranked, i).hit;
}

void
_pb_library_sidebar_search_changed (PbLibrarySidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0' || self->library == NULL)
    {
      g_list_store_remove_all (self->hits);
      _pb_library_sidebar_update_state (self);
      return;
    }

  hits = pb_library_search (self->library, text, 200, &error);
  if (hits == NULL)
    {
      g_list_store_remove_all (self->hits);
      gtk_label_set_label (self->no_hits_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "no-hits");
      return;
    }

  group_by_report (hits);
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       hits->pdata, hits->len);
  gtk_label_set_label (self->no_hits_label, _("No report mentions that."));
  gtk_stack_set_visible_child_name (self->stack, hits->len > 0 ? "search" : "no-hits");
}

static void
open_hit (PbLibrarySidebar *self,
          PbSearchHit      *hit)
{
  g_autofree char *find_text = find_text_for_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_signal_emit_by_name (self, "hit-activated", hit, find_text);
}

static void
hit_activated_cb (PbLibrarySidebar *self,
                  guint             position,
                  GtkListView      *view)
{
  g_autoptr(PbSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  if (hit != NULL)
    open_hit (self, hit);
}

void
_pb_library_sidebar_search_activate (PbLibrarySidebar *self)
{
  g_autoptr(PbSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
hit_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, pb_search_hit_row_new ());
}

/* The first hit of a report names it, as the library lists it. */
static void
hit_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PbLibrarySidebar         *self)
{
  PbSearchHitRow *row = PB_SEARCH_HIT_ROW (gtk_list_item_get_child (item));
  PbSearchHit *hit = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(PbSearchHit) before = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->hits), position - 1) : NULL;
  gboolean first = before == NULL || pb_search_hit_get_report_id (before) != pb_search_hit_get_report_id (hit);
  gint found = self->reports ? pb_report_list_find (self->reports, pb_search_hit_get_report_id (hit)) : -1;
  g_autoptr(PbReport) report = found >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->reports), (guint)found) : NULL;

  pb_search_hit_row_set_hit (row, hit);
  pb_search_hit_row_set_heading (row, !first ? NULL
                                      : report ? pb_report_get_display_title (report)
                                      : pb_search_hit_get_report_title (hit));
}

void
_pb_library_sidebar_init_search (PbLibrarySidebar *self)
{
  g_autoptr(GtkListItemFactory) hit_rows = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) hit_selection = NULL;

  self->hits = g_list_store_new (PB_TYPE_SEARCH_HIT);
  hit_selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->hits))));
  g_signal_connect (hit_rows, "setup", G_CALLBACK (hit_setup_cb), NULL);
  g_signal_connect (hit_rows, "bind", G_CALLBACK (hit_bind_cb), self);
  gtk_list_view_set_factory (self->hit_view, hit_rows);
  gtk_list_view_set_model (self->hit_view, hit_selection);
  g_signal_connect_object (self->hit_view, "activate", G_CALLBACK (hit_activated_cb),
                           self, G_CONNECT_SWAPPED);

  /* Typing in the report list searches the library. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->report_view));
}
