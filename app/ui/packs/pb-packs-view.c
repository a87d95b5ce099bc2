/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-packs-view"

#include "config.h"

#include <adwaita.h>

#include <glib/gi18n.h>

#include "pb-finding-picker.h"
#include "pb-pack-menu.h"
#include "pb-packs-view.h"
#include "pb-toast.h"

/* The briefing packs: a list of them beside the one being edited.  The
 * list follows the library, so a pack renamed, filled or deleted anywhere
 * shows at once, and the pack being edited stays chosen.  In the same
 * column, the library's findings wait to be dragged or added into it. */

struct _PbPacksView
{
  GtkWidget     parent_instance;

  PbLibrary    *library;
  GListStore   *packs;          /* PbPack */
  gint64        selected_id;
  gboolean      reloading;

  /* Template children */
  GtkStack        *stack;
  AdwLeaflet      *leaflet;
  GtkStack        *column_stack;
  GtkListBox      *pack_list;
  PbFindingPicker *picker;
  PbPackEditor    *editor;
};

G_DEFINE_FINAL_TYPE (PbPacksView, pb_packs_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
create_pack_row (gpointer item,
                 gpointer data)
{
  PbPack *pack = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (pb_pack_get_title (pack));
  GtkWidget *subtitle;
  g_autoptr(GString) details = g_string_new (NULL);
  guint n = pb_pack_get_n_findings (pack);

  if (pb_pack_get_meeting_date (pack) != NULL)
    {
      GDate date;
      char text[64];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, pb_pack_get_meeting_date (pack));
      /* Translators: a meeting date in the list of packs; see strftime(3) */
      if (g_date_valid (&date) && g_date_strftime (text, sizeof text, _("%-d %b %Y"), &date) > 0)
        g_string_append_printf (details, "%s · ", text);
    }
  g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  if (pb_pack_get_exempt (pack))
    g_string_append_printf (details, " · %s", _("Exempt"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  subtitle = gtk_label_new (details->str);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
select_row_for (PbPacksView *self,
                gint64       pack_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packs));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbPack) pack = g_list_model_get_item (G_LIST_MODEL (self->packs), i);

      if (pb_pack_get_id (pack) == pack_id)
        {
          gtk_list_box_select_row (self->pack_list, gtk_list_box_get_row_at_index (self->pack_list, (int)i));
          return;
        }
    }
}

static void
show_pack (PbPacksView *self,
           gint64       pack_id)
{
  self->selected_id = pack_id;
  if (pack_id > 0)
    pb_pack_editor_set_pack (self->editor, self->library, pack_id);
  pb_finding_picker_set_contents (self->picker, pack_id > 0 ? pb_pack_editor_get_contents (self->editor) : NULL);
}

static void
reload (PbPacksView *self)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->selected_id;
  gboolean still_there = FALSE;

  if (self->library == NULL)
    return;
  if (!(packs = pb_library_list_packs (self->library, &error)))
    {
      g_warning ("Cannot list the packs: %s", error->message);
      return;
    }

  for (guint i = 0; i < packs->len; i++)
    still_there |= pb_pack_get_id (g_ptr_array_index (packs, i)) == keep;

  self->reloading = TRUE;
  g_list_store_splice (self->packs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->packs)),
                       packs->pdata, packs->len);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, packs->len > 0 ? "packs" : "empty");
  if (packs->len == 0)
    {
      show_pack (self, 0);
      return;
    }

  /* The pack being edited stays; a deleted one gives way to the first. */
  if (!still_there)
    keep = pb_pack_get_id (g_ptr_array_index (packs, 0));
  self->reloading = TRUE;
  select_row_for (self, keep);
  self->reloading = FALSE;
  show_pack (self, keep);
}

static void
pack_selected_cb (PbPacksView   *self,
                  GtkListBoxRow *row)
{
  g_autoptr(PbPack) pack = NULL;

  if (self->reloading || row == NULL)
    return;
  pack = g_list_model_get_item (G_LIST_MODEL (self->packs), (guint)gtk_list_box_row_get_index (row));
  if (pack != NULL)
    show_pack (self, pb_pack_get_id (pack));
}

/* A pack chosen by the user: on a narrow window, its editor in place of
 * the list. */
static void
pack_activated_cb (PbPacksView   *self,
                   GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * pb_packs_view_go_back:
 *
 * On a narrow window showing a pack, goes back to the list of packs.
 *
 * Returns: whether there was a list to go back to
 */
gboolean
pb_packs_view_go_back (PbPacksView *self)
{
  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), FALSE);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") != 0)
    return FALSE;
  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
pack_changed_cb (PbPacksView *self,
                 gint64       pack_id,
                 PbLibrary   *library)
{
  reload (self);
}

static void
editor_finding_activated_cb (PbPacksView  *self,
                             PbFinding    *finding,
                             PbPackEditor *editor)
{
  g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
picker_finding_chosen_cb (PbPacksView     *self,
                          PbFinding       *finding,
                          PbFindingPicker *picker)
{
  if (self->selected_id > 0)
    pb_pack_editor_add_finding (self->editor, finding);
}

static void
show_findings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PbPacksView *self = PB_PACKS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->column_stack, "findings");
  pb_finding_picker_focus_search (self->picker);
}

/* The selected pack copied, for the next meeting, and shown to be renamed. */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PbPacksView *self = PB_PACKS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->library == NULL || self->selected_id <= 0)
    return;
  if (!(id = pb_library_duplicate_pack (self->library, self->selected_id, &error)))
    {
      pb_show_toast (widget, adw_toast_new (error->message));
      return;
    }
  pb_packs_view_select_pack (self, id);
  pb_pack_editor_focus_title (self->editor);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pb_packs_view_new_pack (PB_PACKS_VIEW (widget));
}

/* Preview and print answer anywhere in the view, not only inside the editor. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbPacksView *self = PB_PACKS_VIEW (widget);

  if (self->selected_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->editor),
                                g_str_equal (action_name, "packs.print") ? "pack.print" : "pack.preview", NULL);
}

/**
 * pb_packs_view_new_pack:
 *
 * Creates a pack with a section for each cohort, shows it and puts the
 * cursor in its title.
 *
 * Returns: the new pack's id, or 0
 */
gint64
pb_packs_view_new_pack (PbPacksView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), 0);

  if (self->library == NULL)
    return 0;
  if (!(id = pb_pack_menu_create_pack (self->library, &error)))
    {
      g_warning ("Cannot create a pack: %s", error->message);
      return 0;
    }
  pb_packs_view_select_pack (self, id);
  pb_pack_editor_focus_title (self->editor);
  return id;
}

gboolean
pb_packs_view_select_pack (PbPacksView *self,
                           gint64       pack_id)
{
  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), FALSE);

  self->selected_id = pack_id;
  reload (self);
  return self->selected_id == pack_id;
}

void
pb_packs_view_set_library (PbPacksView *self,
                           PbLibrary   *library)
{
  g_return_if_fail (PB_IS_PACKS_VIEW (self));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "pack-changed", G_CALLBACK (pack_changed_cb), self, G_CONNECT_SWAPPED);
  pb_finding_picker_set_library (self->picker, library);
  reload (self);
}

PbPackEditor *
pb_packs_view_get_editor (PbPacksView *self)
{
  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), NULL);
  return self->editor;
}

/**
 * pb_packs_view_get_picker:
 *
 * Returns: (transfer none): the findings offered for the pack, a #PbFindingPicker
 */
GtkWidget *
pb_packs_view_get_picker (PbPacksView *self)
{
  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), NULL);
  return GTK_WIDGET (self->picker);
}

/**
 * pb_packs_view_get_packs:
 *
 * Returns: (transfer none): the packs listed, newest meeting first
 */
GListModel *
pb_packs_view_get_packs (PbPacksView *self)
{
  g_return_val_if_fail (PB_IS_PACKS_VIEW (self), NULL);
  return G_LIST_MODEL (self->packs);
}

static void
pb_packs_view_dispose (GObject *object)
{
  PbPacksView *self = (PbPacksView *)object;

  if (self->pack_list != NULL)
    gtk_list_box_bind_model (self->pack_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PACKS_VIEW);
  g_clear_object (&self->library);
  g_clear_object (&self->packs);

  G_OBJECT_CLASS (pb_packs_view_parent_class)->dispose (object);
}

static void
pb_packs_view_class_init (PbPacksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_packs_view_dispose;

  /**
   * PbPacksView::finding-activated:
   * @finding: a finding chosen in a pack
   *
   * Asks for the finding to be shown in its report.
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  g_type_ensure (PB_TYPE_PACK_EDITOR);
  g_type_ensure (PB_TYPE_FINDING_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/panelbrief/PanelBrief/pb-packs-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "packsview");
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, stack);
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, column_stack);
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, pack_list);
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, picker);
  gtk_widget_class_bind_template_child (widget_class, PbPacksView, editor);
  gtk_widget_class_bind_template_callback (widget_class, pack_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, pack_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_finding_chosen_cb);

  gtk_widget_class_install_action (widget_class, "packs.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "packs.new", NULL);
  gtk_widget_class_install_action (widget_class, "packs.show-findings", NULL, show_findings_action);
  gtk_widget_class_install_action (widget_class, "packs.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "packs.preview", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "packs.print", NULL, forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "packs.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "packs.print", NULL);
}

static void
pb_packs_view_init (PbPacksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->packs = g_list_store_new (PB_TYPE_PACK);
  gtk_list_box_bind_model (self->pack_list, G_LIST_MODEL (self->packs), create_pack_row, self, NULL);
}
