/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-list.h"
#include "pb-finding-picker.h"
#include "pb-finding-tile.h"

/* Every finding in the library, to fill a pack from: search them or pick a
 * cohort, then drag
 * one into the pack or add it with its button or Enter.  Each says whether
 * the pack already holds it, or cannot (exempt material and a public pack),
 * and follows the pack as it changes. */

struct _PbFindingPicker
{
  GtkWidget           parent_instance;

  PbLibrary          *library;
  PbFindingList      *findings;
  GtkSingleSelection *selection;
  PbPackContents     *contents;       /* the pack being filled, or NULL */
  GHashTable         *in_pack;        /* finding ids the pack holds */
  gboolean            pack_exempt;
  GHashTable         *cohort_colors;  /* slug → colour */
  GPtrArray          *cohorts;        /* PbCohort, in the dropdown after "All cohorts" */
  GPtrArray          *tiles;          /* PbFindingTile now showing a finding */
  gboolean            stale;          /* the findings not read since the library was set */

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *cohort_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (PbFindingPicker, pb_finding_picker, GTK_TYPE_WIDGET)

enum {
  FINDING_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static PbFindingTileState
state_of (PbFindingPicker *self,
          PbFinding       *finding)
{
  gint64 id = pb_finding_get_id (finding);

  if (g_hash_table_contains (self->in_pack, &id))
    return PB_FINDING_TILE_IN_PACK;
  if (self->contents != NULL && !self->pack_exempt && pb_finding_get_exempt (finding))
    return PB_FINDING_TILE_REFUSED;
  return PB_FINDING_TILE_ADDABLE;
}

static void
update_tiles (PbFindingPicker *self)
{
  for (guint i = 0; i < self->tiles->len; i++)
    {
      PbFindingTile *tile = g_ptr_array_index (self->tiles, i);
      PbFinding *finding = pb_finding_tile_get_finding (tile);

      if (finding != NULL)
        pb_finding_tile_set_state (tile, state_of (self, finding));
    }
}

static void
contents_changed_cb (PbFindingPicker *self)
{
  GListModel *model = G_LIST_MODEL (self->contents);
  PbPack *pack = pb_pack_contents_get_pack (self->contents);
  guint n = g_list_model_get_n_items (model);

  g_hash_table_remove_all (self->in_pack);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (model, i);
      PbFinding *finding = pb_pack_entry_get_finding (entry);

      if (finding != NULL)
        {
          gint64 *id = g_new (gint64, 1);

          *id = pb_finding_get_id (finding);
          g_hash_table_add (self->in_pack, id);
        }
    }
  self->pack_exempt = pack != NULL && pb_pack_get_exempt (pack);
  update_tiles (self);
}

static void
update_empty (PbFindingPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = (text != NULL && *text != '\0') || gtk_drop_down_get_selected (self->cohort_dropdown) > 0;

  if (self->findings != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->findings)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  adw_status_page_set_title (self->empty_page, searching ? _("No Findings Match") : _("No Findings Yet"));
  adw_status_page_set_description (self->empty_page,
                                   searching ? _("Try other words or another cohort.")
                                             : _("Mark passages in a report as findings, then add them to the pack from here."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
search_changed_cb (PbFindingPicker *self)
{
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  guint cohort = gtk_drop_down_get_selected (self->cohort_dropdown);

  if (self->findings == NULL)
    return;

  self->stale = FALSE;
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (cohort != GTK_INVALID_LIST_POSITION && cohort > 0 && self->cohorts != NULL && cohort <= self->cohorts->len)
    filter.cohort = pb_cohort_get_slug (g_ptr_array_index (self->cohorts, cohort - 1));
  pb_finding_list_set_filter (self->findings, &filter);
  if (!pb_finding_list_reload (self->findings, &error))
    {
      g_warning ("Cannot search the findings: %s", error->message);
      pb_finding_list_clear (self->findings);
    }
  update_empty (self);
}

static void
stop_search_cb (PbFindingPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
choose (PbFindingPicker *self,
        PbFinding       *finding)
{
  if (state_of (self, finding) == PB_FINDING_TILE_ADDABLE)
    g_signal_emit (self, signals [FINDING_CHOSEN], 0, finding);
  else if (state_of (self, finding) == PB_FINDING_TILE_REFUSED)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
list_activate_cb (PbFindingPicker *self,
                  guint            position)
{
  g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (finding != NULL)
    choose (self, finding);
}

static void
tile_add_cb (PbFindingPicker *self,
             PbFinding       *finding)
{
  choose (self, finding);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PbFindingPicker          *self)
{
  GtkWidget *tile = pb_finding_tile_new ();

  gtk_widget_set_margin_top (tile, 4);
  gtk_widget_set_margin_bottom (tile, 4);
  g_signal_connect_object (tile, "add", G_CALLBACK (tile_add_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, tile);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PbFindingPicker          *self)
{
  PbFindingTile *tile = PB_FINDING_TILE (gtk_list_item_get_child (item));
  PbFinding *finding = gtk_list_item_get_item (item);

  pb_finding_tile_set_finding (tile, finding, self->cohort_colors);
  pb_finding_tile_set_state (tile, state_of (self, finding));
  g_ptr_array_add (self->tiles, tile);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PbFindingPicker          *self)
{
  PbFindingTile *tile = PB_FINDING_TILE (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->tiles, tile);
  pb_finding_tile_set_finding (tile, NULL, NULL);
}

/* The cohorts' colours for the dots, and their names for the filter. */
static void
load_cohorts (PbFindingPicker *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *chosen = NULL;
  guint selected = 0;
  guint old = gtk_drop_down_get_selected (self->cohort_dropdown);

  if (self->cohorts != NULL && old != GTK_INVALID_LIST_POSITION && old > 0 && old <= self->cohorts->len)
    chosen = pb_cohort_get_slug (g_ptr_array_index (self->cohorts, old - 1));

  g_clear_pointer (&self->cohort_colors, g_hash_table_unref);
  self->cohort_colors = pb_library_get_cohort_colors (self->library);

  gtk_string_list_append (names, _("All cohorts"));
  {
    g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (self->library, NULL);

    for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
      {
        gtk_string_list_append (names, pb_cohort_get_name (g_ptr_array_index (cohorts, i)));
        if (g_strcmp0 (chosen, pb_cohort_get_slug (g_ptr_array_index (cohorts, i))) == 0)
          selected = i + 1;
      }
    g_clear_pointer (&self->cohorts, g_ptr_array_unref);
    self->cohorts = cohorts ? g_ptr_array_ref (cohorts) : NULL;
  }

  /* The same cohort stays chosen, found again by its slug. */
  g_signal_handlers_block_by_func (self->cohort_dropdown, search_changed_cb, self);
  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->cohort_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->cohort_dropdown, search_changed_cb, self);
}

/* Hidden (as at start-up, in the packs view), the picker reads the library's
 * findings when first shown, not before the window's first frame. */
static void
pb_finding_picker_map (GtkWidget *widget)
{
  PbFindingPicker *self = PB_FINDING_PICKER (widget);

  GTK_WIDGET_CLASS (pb_finding_picker_parent_class)->map (widget);
  if (self->stale)
    search_changed_cb (self);
}

static void
pb_finding_picker_dispose (GObject *object)
{
  PbFindingPicker *self = (PbFindingPicker *)object;
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FINDING_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  pb_finding_picker_set_contents (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->findings);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pb_finding_picker_parent_class)->dispose (object);
}

static void
pb_finding_picker_finalize (GObject *object)
{
  PbFindingPicker *self = (PbFindingPicker *)object;

  g_clear_pointer (&self->in_pack, g_hash_table_unref);
  g_clear_pointer (&self->cohort_colors, g_hash_table_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_finding_picker_parent_class)->finalize (object);
}

static void
pb_finding_picker_class_init (PbFindingPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_finding_picker_dispose;
  object_class->finalize = pb_finding_picker_finalize;
  widget_class->map = pb_finding_picker_map;

  /**
   * PbFindingPicker::finding-chosen:
   * @finding: a finding the pack can take
   *
   * Asks for the finding to be added to the pack.
   */
  signals [FINDING_CHOSEN] =
    g_signal_new ("finding-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/panelbrief/PanelBrief/pb-finding-picker.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingpicker");
  gtk_widget_class_bind_template_child (widget_class, PbFindingPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PbFindingPicker, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PbFindingPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, PbFindingPicker, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
pb_finding_picker_init (PbFindingPicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->in_pack = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->tiles = g_ptr_array_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_empty (self);
}

GtkWidget *
pb_finding_picker_new (void)
{
  return g_object_new (PB_TYPE_FINDING_PICKER, NULL);
}

void
pb_finding_picker_set_library (PbFindingPicker *self,
                               PbLibrary       *library)
{
  g_return_if_fail (PB_IS_FINDING_PICKER (self));
  g_return_if_fail (library == NULL || PB_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->findings);
  g_set_object (&self->library, library);
  self->stale = FALSE;

  if (library != NULL)
    {
      self->findings = pb_finding_list_new (library);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_object (self->findings, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (library, "cohorts-changed", G_CALLBACK (load_cohorts), self, G_CONNECT_SWAPPED);
      load_cohorts (self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        search_changed_cb (self);
      else
        self->stale = TRUE;
    }
  update_empty (self);
}

/**
 * pb_finding_picker_set_contents:
 * @contents: (nullable): the pack being filled
 *
 * Follows @contents to show which findings the pack holds or refuses.
 */
void
pb_finding_picker_set_contents (PbFindingPicker *self,
                                PbPackContents  *contents)
{
  g_return_if_fail (PB_IS_FINDING_PICKER (self));
  g_return_if_fail (contents == NULL || PB_IS_PACK_CONTENTS (contents));

  if (self->contents == contents)
    return;

  if (self->contents != NULL)
    g_signal_handlers_disconnect_by_data (self->contents, self);
  g_set_object (&self->contents, contents);
  g_hash_table_remove_all (self->in_pack);
  self->pack_exempt = FALSE;

  if (contents != NULL)
    {
      g_signal_connect_object (contents, "items-changed", G_CALLBACK (contents_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (contents, "notify::pack", G_CALLBACK (contents_changed_cb), self, G_CONNECT_SWAPPED);
      contents_changed_cb (self);
    }
  else
    update_tiles (self);
}

/**
 * pb_finding_picker_get_findings:
 *
 * Returns: (transfer none): the findings listed, as searched; read from
 *   the library when the picker is first shown
 */
GListModel *
pb_finding_picker_get_findings (PbFindingPicker *self)
{
  g_return_val_if_fail (PB_IS_FINDING_PICKER (self), NULL);
  return self->findings ? G_LIST_MODEL (self->findings) : NULL;
}

void
pb_finding_picker_focus_search (PbFindingPicker *self)
{
  g_return_if_fail (PB_IS_FINDING_PICKER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
