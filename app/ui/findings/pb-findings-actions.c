/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-finding-editor.h"
#include "pb-findings-view-private.h"
#include "pb-pack-menu.h"
#include "pb-pack-store.h"
#include "pb-toast.h"

/* What is done to the findings selected in the table, one or many: open the
 * one at its passage, edit it, add or take off a cohort, add them to a pack,
 * delete them (with Undo). The same from the action bar, the keyboard
 * (Enter, Delete) and a row's context menu; a right click on a row outside
 * the selection chooses that row first, as file managers do. */

void
_pb_findings_view_show_toast (PbFindingsView *self,
                              AdwToast       *toast)
{
  pb_show_toast (GTK_WIDGET (self), toast);
}

static GArray *
selected_ids (PbFindingsView *self)
{
  g_autoptr(GtkBitset) set = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return ids;   /* no library yet */

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
        gint64 id = pb_finding_get_id (finding);

        g_array_append_val (ids, id);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  return ids;
}

/* The one finding selected, or %NULL with none or several. */
static PbFinding *
selected_finding (PbFindingsView *self)
{
  g_autoptr(GtkBitset) set = NULL;

  if (self->selection == NULL)
    return NULL;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (set) != 1)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->sorted), gtk_bitset_get_nth (set, 0));
}

void
_pb_findings_view_selection_changed (PbFindingsView *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autofree char *text = NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  /* A finding edited leaves the list and comes back: it is still chosen
   * (see _pb_findings_view_list_changed ()). */
  if (self->list_changing)
    return;

  g_hash_table_remove_all (self->kept_ids);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->kept_ids, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  /* Translators: how many findings are selected */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding selected",
                                       "%u findings selected", ids->len), ids->len);
  gtk_label_set_label (self->selection_label, text);

  /* One is enough: the actions are the selection's, however many. */
  gtk_action_bar_set_revealed (self->action_bar, ids->len > 0);
  gtk_widget_action_set_enabled (widget, "findings.delete-selected", ids->len > 0);
  gtk_widget_action_set_enabled (widget, "findings.add-to-pack", ids->len > 0);
  gtk_widget_action_set_enabled (widget, "findings.retag", ids->len > 0);
  gtk_widget_action_set_enabled (widget, "findings.edit", ids->len == 1);
  gtk_widget_action_set_enabled (widget, "findings.open", ids->len == 1);
}

void
_pb_findings_view_list_changing (PbFindingsView *self)
{
  self->list_changing = TRUE;
}

/* The list has changed (a finding edited, re-tagged, added or deleted):
 * the findings chosen before that are still there are chosen again. */
void
_pb_findings_view_list_changed (PbFindingsView *self)
{
  g_autoptr(GtkBitset) chosen = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  self->list_changing = FALSE;
  if (g_hash_table_size (self->kept_ids) == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      gint64 id = pb_finding_get_id (finding);

      if (g_hash_table_contains (self->kept_ids, &id))
        gtk_bitset_add (chosen, i);
    }

  all = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), chosen, all);
  _pb_findings_view_selection_changed (self);
}

/* Adds a cohort to the selected findings, or takes it off: the target is
 * the cohort's slug and whether to add it. */
static void
retag_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;
  const char *slug;
  gboolean add;

  g_variant_get (parameter, "(&sb)", &slug, &add);
  if ((popover = gtk_widget_get_ancestor (GTK_WIDGET (self->tag_box), GTK_TYPE_POPOVER)))
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (ids->len > 0 &&
      !pb_library_retag_findings (self->library, (gint64 *)(gpointer)ids->data, ids->len, slug, add, &error))
    _pb_findings_view_show_toast (self, adw_toast_new (error->message));
}

static void
undo_clicked_cb (AdwToast       *toast,
                 PbFindingsView *self)
{
  g_autoptr(GPtrArray) deleted = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  if (deleted != NULL && !pb_library_restore_findings (self->library, deleted, &error))
    _pb_findings_view_show_toast (self, adw_toast_new (error->message));
}

static void
delete_ids (PbFindingsView *self,
            const gint64   *ids,
            guint           n_ids)
{
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  int n_packs;

  if (n_ids == 0)
    return;

  /* Counted first: after the delete no pack holds them. */
  n_packs = pb_library_count_packs_holding (self->library, ids, n_ids, NULL);
  if (!(deleted = pb_library_delete_findings (self->library, ids, n_ids, &error)))
    {
      _pb_findings_view_show_toast (self, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  self->last_deleted = g_ptr_array_ref (deleted);

  if (n_packs > 0 && n_ids == 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Finding deleted; it was in %d pack",
                                            "Finding deleted; it was in %d packs", n_packs), n_packs);
  else if (n_packs > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u findings deleted; they were in %d pack",
                                            "%u findings deleted; they were in %d packs", n_packs),
                               n_ids, n_packs);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding deleted",
                                            "%u findings deleted", n_ids), n_ids);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  /* Ctrl+Z undoes it too, from the table or the toast. */
  pb_show_undo_toast (GTK_WIDGET (self), toast);

  /* The rows that had the keyboard are gone: it stays in the table, and
   * not on the toast, which would then never time out. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  delete_ids (self, (gint64 *)(gpointer)ids->data, ids->len);
}

/**
 * pb_findings_view_undo_delete:
 *
 * Puts back the findings deleted last, as the toast's Undo does.
 *
 * Returns: whether there was something to put back and it went back
 */
gboolean
pb_findings_view_undo_delete (PbFindingsView *self)
{
  g_autoptr(GPtrArray) deleted = NULL;

  g_return_val_if_fail (PB_IS_FINDINGS_VIEW (self), FALSE);

  if (self->last_deleted == NULL)
    return FALSE;
  deleted = g_steal_pointer (&self->last_deleted);
  return pb_library_restore_findings (self->library, deleted, NULL);
}

/* Add to Pack: the selection, all or none as the exempt rule allows. */
static void
add_to_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  message = pb_pack_menu_add_findings (self->library, g_variant_get_int64 (parameter),
                                       (gint64 *)(gpointer)ids->data, ids->len, &error);
  _pb_findings_view_show_toast (self, adw_toast_new (message ? message : error->message));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(PbFinding) finding = selected_finding (self);

  if (finding != NULL)
    _pb_findings_view_open (self, finding);
}

static void
editor_delete_cb (PbFindingsView  *self,
                  PbFinding       *finding,
                  PbFindingEditor *editor)
{
  gint64 id = pb_finding_get_id (finding);

  delete_ids (self, &id, 1);
}

/* Edits the finding selected: its cohorts, kind, status (a recommendation's,
 * kept up to date from here), classification and note. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);
  g_autoptr(PbFinding) finding = selected_finding (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  PbFindingEditor *editor;

  if (finding == NULL)
    return;

  editor = pb_finding_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library, finding);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (editor_delete_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* "Add “Children in care”" for each cohort, then "Remove …" for each. */
static void
fill_cohort_menu (PbFindingsView *self,
                  GMenu          *cohorts)
{
  g_menu_remove_all (cohorts);
  for (int add = 1; add >= 0; add--)
    for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
      {
        PbCohort *cohort = g_ptr_array_index (self->cohorts, i);
        g_autofree char *label = g_strdup_printf (add ? _("Add “%s”") : _("Remove “%s”"),
                                                  pb_cohort_get_name (cohort));
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        g_menu_item_set_action_and_target (item, "findings.retag", "(sb)", pb_cohort_get_slug (cohort),
                                           (gboolean)add);
        g_menu_append_item (cohorts, item);
      }
}

/* The context menu: for the selection, as the action bar has it. */
static GMenuModel *
make_row_menu (PbFindingsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) tags = g_menu_new ();
  g_autoptr(GMenu) cohorts = g_menu_new ();
  g_autoptr(GMenu) gone = g_menu_new ();
  g_autoptr(GMenuModel) packs = pb_pack_menu_new (self->library, "findings.add-to-pack");

  g_menu_append (open, _("_Open in Report"), "findings.open");
  g_menu_append (open, _("_Edit Finding…"), "findings.edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  fill_cohort_menu (self, cohorts);
  g_menu_append_submenu (tags, _("_Cohorts"), G_MENU_MODEL (cohorts));
  g_menu_append_submenu (tags, _("Add to _Pack"), packs);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tags));

  g_menu_append (gone, _("_Delete"), "findings.delete-selected");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (gone));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
rebuild_tag_menu (PbFindingsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))))
    gtk_box_remove (self->tag_box, child);

  /* "Add" for every cohort, then "Remove" for every cohort. */
  for (int add = 1; add >= 0; add--)
    for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
      {
        PbCohort *cohort = g_ptr_array_index (self->cohorts, i);
        GtkWidget *button = gtk_button_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_autofree char *label = g_strdup_printf (add ? _("Add “%s”") : _("Remove “%s”"),
                                                  pb_cohort_get_name (cohort));

        gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (pb_cohort_get_color (cohort)));
        gtk_box_append (GTK_BOX (box), gtk_label_new (label));
        gtk_button_set_child (GTK_BUTTON (button), box);
        gtk_widget_add_css_class (button, "flat");
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.retag");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sb)", pb_cohort_get_slug (cohort), (gboolean)add);
        gtk_box_append (self->tag_box, button);
      }
}

/* The cohorts or the packs changed: the menus that list them follow. */
void
_pb_findings_view_rebuild_menus (PbFindingsView *self)
{
  g_autoptr(GMenuModel) packs = NULL;
  g_autoptr(GMenuModel) row_menu = NULL;

  if (self->library == NULL)
    return;

  packs = pb_pack_menu_new (self->library, "findings.add-to-pack");
  gtk_menu_button_set_menu_model (self->pack_button, packs);
  gtk_menu_button_set_menu_model (self->pack_icon_button, packs);
  rebuild_tag_menu (self);
  fill_cohort_menu (self, self->compact_cohorts);

  row_menu = make_row_menu (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_menu), row_menu);
}

/**
 * _pb_findings_view_popup_menu:
 * @position: the row right-clicked, or %GTK_INVALID_LIST_POSITION
 * @x: where, in the column view's coordinates
 * @y: likewise
 *
 * Chooses the row if it is not chosen already, and shows the selection's
 * context menu there.
 */
void
_pb_findings_view_popup_menu (PbFindingsView *self,
                              guint           position,
                              double          x,
                              double          y)
{
  graphene_point_t point;

  if (position != GTK_INVALID_LIST_POSITION &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float)x, (float)y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int)point.x, (int)point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbFindingsView *self = PB_FINDINGS_VIEW (widget);

  _pb_findings_view_popup_menu (self, GTK_INVALID_LIST_POSITION, 24, 24);
}

/* A menu of the table's open: the row's context menu, or Add to Pack's. */
static gboolean
menu_open (PbFindingsView *self)
{
  GtkPopover *pack = gtk_menu_button_get_popover (self->pack_button);
  GtkPopover *pack_icon = gtk_menu_button_get_popover (self->pack_icon_button);

  return (self->row_menu != NULL && gtk_widget_get_visible (self->row_menu)) ||
         (pack != NULL && gtk_widget_get_visible (GTK_WIDGET (pack))) ||
         (pack_icon != NULL && gtk_widget_get_visible (GTK_WIDGET (pack_icon)));
}

/**
 * _pb_findings_view_query_tooltip_cb:
 *
 * Connected to the table's cells and buttons: while one of its menus is
 * open, their tooltips (a row's whole quote, a button's use) stay hidden
 * rather than cover the menu's items. Stops the emission, as the tooltip
 * text's own handler would show it otherwise.
 *
 * Returns: %FALSE, no tooltip from this handler
 */
gboolean
_pb_findings_view_query_tooltip_cb (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip,
                                    gpointer    user_data)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, PB_TYPE_FINDINGS_VIEW);

  if (view != NULL && menu_open (PB_FINDINGS_VIEW (view)))
    g_signal_stop_emission_by_name (widget, "query-tooltip");
  return FALSE;
}

void
_pb_findings_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "findings.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "findings.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "findings.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "findings.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "findings.add-to-pack", "x", add_to_pack_action);
  gtk_widget_class_install_action (widget_class, "findings.retag", "(sb)", retag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "findings.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "findings.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "findings.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "findings.menu", NULL);
}

void
_pb_findings_view_init_actions (PbFindingsView *self)
{
  self->row_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));
  g_signal_connect (self->pack_button, "query-tooltip", G_CALLBACK (_pb_findings_view_query_tooltip_cb), NULL);
  g_signal_connect (self->pack_icon_button, "query-tooltip", G_CALLBACK (_pb_findings_view_query_tooltip_cb), NULL);
  self->kept_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _pb_findings_view_selection_changed (self);
}
