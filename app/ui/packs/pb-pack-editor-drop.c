/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-editor-private.h"
#include "pb-pack-row.h"

/* Drag and drop in the pack editor: rows moved within the contents, and
 * findings dropped from the Findings list beside the pack, where they land
 * or, dropped anywhere else, in their cohort's section. Adding a finding
 * shows where it went. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 PbPackRow     *row)
{
  return gdk_content_provider_new_typed (PB_TYPE_PACK_ENTRY, pb_pack_row_get_entry (row));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               PbPackRow     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 24, 16);
}

/* Where a drop at @y lands: before which row. */
static guint
drop_target_row (PbPackEditor *self,
                 double        y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->contents_list, (int)y);
  PbPackEntry *entry;
  graphene_rect_t bounds;
  guint index;

  if (row == NULL)
    return y < 0 ? 1 : g_list_model_get_n_items (G_LIST_MODEL (self->contents));

  index = (guint)gtk_list_box_row_get_index (row);
  entry = _pb_pack_editor_row_entry (row);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->contents_list), &bounds))
    return index;

  /* On a section's heading: the start of that section. */
  if (entry != NULL && pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_SECTION)
    return index + 1;
  return y > bounds.origin.y + bounds.size.height / 2 ? index + 1 : index;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                PbPackEditor  *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->contents_list, (int)y);

  if (row != NULL)
    gtk_list_box_drag_highlight_row (self->contents_list, row);
  else
    gtk_list_box_drag_unhighlight_row (self->contents_list);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               PbPackEditor  *self)
{
  gtk_list_box_drag_unhighlight_row (self->contents_list);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PbPackEditor  *self)
{
  g_autoptr(GError) error = NULL;
  guint to;

  gtk_list_box_drag_unhighlight_row (self->contents_list);
  if (self->contents == NULL)
    return FALSE;

  to = drop_target_row (self, y);

  if (G_VALUE_HOLDS (value, PB_TYPE_FINDING))
    return pb_pack_editor_drop_finding (self, g_value_get_object (value), to);

  if (G_VALUE_HOLDS (value, PB_TYPE_PACK_ENTRY))
    {
      PbPackEntry *entry = g_value_get_object (value);
      guint from = pb_pack_contents_find (self->contents, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));

      if (from == G_MAXUINT)
        return FALSE;   /* from another pack's editor */
      if (!pb_pack_contents_move_before (self->contents, from, to, &error))
        {
          if (error != NULL)
            _pb_pack_editor_show_error (self, error);
          return FALSE;
        }
      _pb_pack_editor_focus_entry (self, pb_pack_entry_get_kind (entry), pb_pack_entry_get_id (entry));
      return TRUE;
    }
  return FALSE;
}

/* The row holding @finding_id, or G_MAXUINT. */
static guint
finding_position (PbPackEditor *self,
                  gint64        finding_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->contents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->contents), i);
      PbFinding *held = pb_pack_entry_get_finding (entry);

      if (held != NULL && pb_finding_get_id (held) == finding_id)
        return i;
    }
  return G_MAXUINT;
}

/* Scrolls @row into sight and selects it, leaving the keyboard where it is
 * (adding from the list of findings goes on from there). */
static void
reveal_row (PbPackEditor  *self,
            GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t bounds;

  gtk_list_box_unselect_all (self->contents_list);
  gtk_list_box_select_row (self->contents_list, row);
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/**
 * pb_pack_editor_add_finding:
 *
 * Adds a finding to the section for its cohort (all of the exempt rule
 * applies) and shows where it went.
 */
gboolean
pb_pack_editor_add_finding (PbPackEditor *self,
                            PbFinding    *finding)
{
  g_autoptr(GError) error = NULL;
  gint64 finding_id;
  guint position;
  GtkListBoxRow *row;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), FALSE);
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);

  if (self->contents == NULL)
    return FALSE;

  finding_id = pb_finding_get_id (finding);
  if (!pb_library_add_to_pack (self->library, pb_pack_editor_get_pack_id (self), &finding_id, 1, &error))
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }

  position = finding_position (self, finding_id);
  if (position != G_MAXUINT && (row = gtk_list_box_get_row_at_index (self->contents_list, (int)position)) != NULL)
    reveal_row (self, row);
  return position != G_MAXUINT;
}

/**
 * pb_pack_editor_drop_finding:
 * @before_row: the row it should end up before
 *
 * Adds a finding to the pack where it was dropped (all of the exempt rule
 * applies), or moves it there when the pack already holds it.
 */
gboolean
pb_pack_editor_drop_finding (PbPackEditor *self,
                             PbFinding    *finding,
                             guint         before_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPackEntry) anchor = NULL;
  gint64 finding_id;
  guint n, from = G_MAXUINT, to;

  g_return_val_if_fail (PB_IS_PACK_EDITOR (self), FALSE);
  g_return_val_if_fail (PB_IS_FINDING (finding), FALSE);

  if (self->contents == NULL)
    return FALSE;

  /* The row to land before, found again after the list has changed. */
  anchor = g_list_model_get_item (G_LIST_MODEL (self->contents), before_row);
  finding_id = pb_finding_get_id (finding);
  if (!pb_library_add_to_pack (self->library, pb_pack_editor_get_pack_id (self), &finding_id, 1, &error))
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contents));
  if ((from = finding_position (self, finding_id)) == G_MAXUINT)
    return FALSE;

  to = anchor ? pb_pack_contents_find (self->contents, pb_pack_entry_get_kind (anchor), pb_pack_entry_get_id (anchor))
              : n;
  if (to != from && to != from + 1 && !pb_pack_contents_move_before (self->contents, from, to, &error) && error)
    {
      _pb_pack_editor_show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
drop_anywhere_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  PbPackEditor  *self)
{
  return pb_pack_editor_add_finding (self, g_value_get_object (value));
}

/* A row can be dragged to another place in the list. */
void
_pb_pack_editor_add_drag_source (PbPackEditor *self,
                                 GtkWidget    *row)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), row, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
}

void
_pb_pack_editor_init_drop (PbPackEditor *self)
{
  GtkDropTarget *target;
  GType types[] = { PB_TYPE_PACK_ENTRY, PB_TYPE_FINDING };

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->contents_list), GTK_EVENT_CONTROLLER (target));

  /* A finding dropped anywhere else in the editor goes to its cohort's section. */
  target = gtk_drop_target_new (PB_TYPE_FINDING, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_anywhere_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (target));
}
