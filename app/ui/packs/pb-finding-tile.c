/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-finding-tile.h"

/* One finding offered for a pack: its cohorts, kind and page, the passage
 * and the report it comes from.  It can be dragged into a pack, or added
 * with its button; once in the pack, or when the pack cannot take it, the
 * button gives way to a word saying so. */

struct _PbFindingTile
{
  GtkWidget           parent_instance;

  PbFinding          *finding;
  PbFindingTileState  state;

  GtkWidget          *dots;
  GtkWidget          *meta;
  GtkWidget          *quote;
  GtkWidget          *source;
  GtkWidget          *exempt_tag;
  GtkWidget          *add_button;
  GtkWidget          *in_pack;
};

G_DEFINE_FINAL_TYPE (PbFindingTile, pb_finding_tile, GTK_TYPE_WIDGET)

enum {
  ADD,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
caption (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_clicked_cb (PbFindingTile *self)
{
  if (self->finding != NULL && self->state == PB_FINDING_TILE_ADDABLE)
    g_signal_emit (self, signals [ADD], 0, self->finding);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 PbFindingTile *self)
{
  if (self->finding == NULL || self->state == PB_FINDING_TILE_REFUSED)
    return NULL;
  return gdk_content_provider_new_typed (PB_TYPE_FINDING, self->finding);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               PbFindingTile *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
pb_finding_tile_dispose (GObject *object)
{
  PbFindingTile *self = (PbFindingTile *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (pb_finding_tile_parent_class)->dispose (object);
}

static void
pb_finding_tile_class_init (PbFindingTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_finding_tile_dispose;

  /**
   * PbFindingTile::add:
   * @finding: the finding shown
   *
   * The tile's Add button was pressed.
   */
  signals [ADD] =
    g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingtile");
}

static void
pb_finding_tile_init (PbFindingTile *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->dots = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  self->meta = caption ();
  gtk_widget_set_hexpand (self->meta, TRUE);
  gtk_box_append (GTK_BOX (header), self->dots);
  gtk_box_append (GTK_BOX (header), self->meta);

  self->quote = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->quote), 0);
  gtk_label_set_wrap (GTK_LABEL (self->quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (self->quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->quote), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (self->quote), 40);

  self->source = caption ();
  self->exempt_tag = gtk_label_new (_("Not for publication"));
  gtk_widget_set_halign (self->exempt_tag, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->exempt_tag, "exempt-tag");

  gtk_box_append (GTK_BOX (text), header);
  gtk_box_append (GTK_BOX (text), self->quote);
  gtk_box_append (GTK_BOX (text), self->source);
  gtk_box_append (GTK_BOX (text), self->exempt_tag);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_parent (text, GTK_WIDGET (self));

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Add to Pack"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add to Pack"), -1);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_add_css_class (self->add_button, "circular");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));

  self->in_pack = gtk_label_new (NULL);
  gtk_widget_set_valign (self->in_pack, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->in_pack, "caption");
  gtk_widget_add_css_class (self->in_pack, "dim-label");
  gtk_widget_set_parent (self->in_pack, GTK_WIDGET (self));

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pb_finding_tile_set_state (self, PB_FINDING_TILE_ADDABLE);
}

GtkWidget *
pb_finding_tile_new (void)
{
  return g_object_new (PB_TYPE_FINDING_TILE, NULL);
}

PbFinding *
pb_finding_tile_get_finding (PbFindingTile *self)
{
  g_return_val_if_fail (PB_IS_FINDING_TILE (self), NULL);
  return self->finding;
}

/**
 * pb_finding_tile_set_finding:
 * @cohort_colors: slug → colour, for the cohort dots
 */
void
pb_finding_tile_set_finding (PbFindingTile *self,
                             PbFinding     *finding,
                             GHashTable    *cohort_colors)
{
  const char * const *cohorts;
  g_autoptr(GString) meta = NULL;
  GtkWidget *dot;

  g_return_if_fail (PB_IS_FINDING_TILE (self));
  g_return_if_fail (finding == NULL || PB_IS_FINDING (finding));

  g_set_object (&self->finding, finding);
  while ((dot = gtk_widget_get_first_child (self->dots)) != NULL)
    gtk_box_remove (GTK_BOX (self->dots), dot);
  if (finding == NULL)
    return;

  cohorts = pb_finding_get_cohorts (finding);
  for (guint i = 0; cohorts != NULL && cohorts[i] != NULL; i++)
    gtk_box_append (GTK_BOX (self->dots),
                    pb_cohort_dot_new (cohort_colors ? g_hash_table_lookup (cohort_colors, cohorts[i]) : NULL));
  gtk_widget_set_visible (self->dots, gtk_widget_get_first_child (self->dots) != NULL);

  meta = g_string_new (pb_finding_kind_get_label (pb_finding_get_kind (finding)));
  if (pb_finding_get_paragraph (finding) > 0)
    g_string_append_printf (meta, " · ¶%u", pb_finding_get_paragraph (finding));
  else if (pb_finding_get_page (finding) > 0)
    /* Translators: a page number in a finding's details */
    g_string_append_printf (meta, _(" · p. %u"), pb_finding_get_page (finding));
  gtk_label_set_label (GTK_LABEL (self->meta), meta->str);

  gtk_label_set_label (GTK_LABEL (self->quote), pb_finding_get_quote (finding));
  gtk_label_set_label (GTK_LABEL (self->source), pb_finding_get_report_title (finding));
  gtk_widget_set_tooltip_text (self->source, pb_finding_get_report_title (finding));
  gtk_widget_set_visible (self->exempt_tag, pb_finding_get_exempt (finding));
}

PbFindingTileState
pb_finding_tile_get_state (PbFindingTile *self)
{
  g_return_val_if_fail (PB_IS_FINDING_TILE (self), PB_FINDING_TILE_ADDABLE);
  return self->state;
}

void
pb_finding_tile_set_state (PbFindingTile      *self,
                           PbFindingTileState  state)
{
  g_return_if_fail (PB_IS_FINDING_TILE (self));

  self->state = state;
  gtk_widget_set_visible (self->add_button, state == PB_FINDING_TILE_ADDABLE);
  gtk_widget_set_visible (self->in_pack, state != PB_FINDING_TILE_ADDABLE);
  switch (state)
    {
    case PB_FINDING_TILE_IN_PACK:
      /* Translators: beside a finding the pack already holds */
      gtk_label_set_label (GTK_LABEL (self->in_pack), _("In pack"));
      gtk_widget_set_tooltip_text (self->in_pack, _("This pack holds this finding; drag it to move it"));
      break;
    case PB_FINDING_TILE_REFUSED:
      /* Translators: beside an exempt finding when the pack is public */
      gtk_label_set_label (GTK_LABEL (self->in_pack), _("Exempt"));
      gtk_widget_set_tooltip_text (self->in_pack, _("A public pack cannot hold material not for publication"));
      break;
    case PB_FINDING_TILE_ADDABLE:
    default:
      break;
    }
  if (state == PB_FINDING_TILE_REFUSED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "refused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "refused");
}
