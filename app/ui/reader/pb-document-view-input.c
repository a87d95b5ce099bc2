/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pb-document-view-private.h"

/* What the page view does with the pointer and keys, as a document viewer
 * does: a drag selects text, a double click a word and a triple click a
 * line (a drag after them goes on by words or lines), Shift+click moves the
 * selection's end; a click on a highlight opens its finding, a right click
 * asks for the context menu, Ctrl+scroll and pinching zoom about the
 * pointer, Ctrl+C copies, Escape lets go of the selection. The words are
 * the selection object's business. */

void
pb_document_view_clear_selection (PbDocumentView *self)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  pb_text_selection_clear (self->selection);
}

/**
 * pb_document_view_select_between:
 * @x1: where the selection starts, in widget coordinates
 * @y1: likewise
 * @x2: where it ends, in widget coordinates
 * @y2: likewise
 *
 * Selects the text between two points, as a drag between them would.
 */
void
pb_document_view_select_between (PbDocumentView *self,
                                 double          x1,
                                 double          y1,
                                 double          x2,
                                 double          y2)
{
  guint page1, page2;
  double x1_pt, y1_pt, x2_pt, y2_pt;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->document == NULL ||
      !_pb_document_view_point_at (self, x1, y1, &page1, &x1_pt, &y1_pt) ||
      !_pb_document_view_point_at (self, x2, y2, &page2, &x2_pt, &y2_pt))
    return;

  pb_text_selection_select (self->selection, page1, x1_pt, y1_pt, page2, x2_pt, y2_pt);
}

static gboolean
point_at (PbDocumentView *self,
          double          x,
          double          y,
          guint          *page,
          double         *x_pt,
          double         *y_pt)
{
  return self->document != NULL && _pb_document_view_point_at (self, x, y, page, x_pt, y_pt);
}

/**
 * pb_document_view_select_at:
 * @x: a point, in widget coordinates
 * @y: likewise
 * @unit: %PB_SELECT_WORDS to select the word there, as a double click does;
 *   %PB_SELECT_LINES for its line, as a triple click
 *
 * Selects what is at a point; a drag that follows goes on by @unit.
 */
void
pb_document_view_select_at (PbDocumentView *self,
                            double          x,
                            double          y,
                            PbSelectUnit    unit)
{
  guint page;
  double x_pt, y_pt;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (!point_at (self, x, y, &page, &x_pt, &y_pt))
    return;

  pb_text_selection_set_unit (self->selection, unit);
  pb_text_selection_select (self->selection, page, x_pt, y_pt, page, x_pt, y_pt);
}

/**
 * pb_document_view_extend_selection:
 * @x: the selection's new end, in widget coordinates
 * @y: likewise
 *
 * Moves the end of the selection there, keeping its start, as Shift+click
 * does.
 */
void
pb_document_view_extend_selection (PbDocumentView *self,
                                   double          x,
                                   double          y)
{
  guint page;
  double x_pt, y_pt;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (point_at (self, x, y, &page, &x_pt, &y_pt))
    pb_text_selection_extend (self->selection, page, x_pt, y_pt);
}

/**
 * pb_document_view_get_selection_by:
 * @unit: the least the selection's ends are grown to
 *
 * Returns: (transfer container) (element-type PbSelectionSpan): the
 *   selection grown to whole words (or lines), as a finding's quote takes
 *   it: never from the middle of a word
 */
GPtrArray *
pb_document_view_get_selection_by (PbDocumentView *self,
                                   PbSelectUnit    unit)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return pb_text_selection_get_spans_by (self->selection, unit);
}

/**
 * pb_document_view_skip_paragraph_number:
 *
 * Makes a selection that starts in a numbered paragraph's number ("12. ")
 * start after it, grown to whole words, as a finding's quote leaves the
 * number out (pb_text_selection_skip_paragraph_number ()).
 *
 * Returns: whether the selection changed
 */
gboolean
pb_document_view_skip_paragraph_number (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);
  return pb_text_selection_skip_paragraph_number (self->selection, PB_SELECT_WORDS);
}

/**
 * pb_document_view_get_selection:
 *
 * Returns: (transfer container) (element-type PbSelectionSpan): the selection,
 *   one span per page, in reading order; pages whose text is still loading
 *   are left out until it arrives
 */
GPtrArray *
pb_document_view_get_selection (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return pb_text_selection_get_spans (self->selection);
}

/**
 * pb_document_view_dup_selected_text:
 *
 * Returns: (transfer full): the words selected, each page's on a new line
 */
char *
pb_document_view_dup_selected_text (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);
  return pb_text_selection_dup_text (self->selection);
}

/**
 * pb_document_view_get_selection_area:
 * @area: (out): the part of the selection in sight, every line of it, in
 *   widget coordinates
 *
 * Where to point a popover about the selection: beside this, it covers
 * none of the words selected.
 *
 * Returns: %FALSE when nothing selected is in sight
 */
gboolean
pb_document_view_get_selection_area (PbDocumentView *self,
                                     GdkRectangle   *area)
{
  g_autoptr(GPtrArray) spans = NULL;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  graphene_rect_t seen;
  gboolean any = FALSE;
  double k;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);

  spans = pb_text_selection_get_spans (self->selection);
  k = pb_page_layout_get_scale (self->layout);

  for (guint i = 0; i < spans->len; i++)
    {
      PbSelectionSpan *span = g_ptr_array_index (spans, i);
      graphene_rect_t page = _pb_document_view_page_rect (self, span->page);

      for (guint r = 0; r < span->rects->len; r++)
        {
          const PbRect *rect = &g_array_index (span->rects, PbRect, r);
          graphene_rect_t line = GRAPHENE_RECT_INIT ((float)(page.origin.x + rect->x1 * k),
                                                     (float)(page.origin.y + rect->y1 * k),
                                                     (float)MAX ((rect->x2 - rect->x1) * k, 1),
                                                     (float)MAX ((rect->y2 - rect->y1) * k, 1));

          if (any)
            graphene_rect_union (&bounds, &line, &bounds);
          else
            bounds = line;
          any = TRUE;
        }
    }

  if (!any ||
      !graphene_rect_intersection (&bounds,
                                   &GRAPHENE_RECT_INIT (0, 0, (float)gtk_widget_get_width (GTK_WIDGET (self)),
                                                        (float)gtk_widget_get_height (GTK_WIDGET (self))),
                                   &seen))
    return FALSE;

  area->x = (int)floorf (seen.origin.x);
  area->y = (int)floorf (seen.origin.y);
  area->width = MAX ((int)ceilf (seen.origin.x + seen.size.width) - area->x, 1);
  area->height = MAX ((int)ceilf (seen.origin.y + seen.size.height) - area->y, 1);
  return TRUE;
}

/* Button 1, or no event at all (a test emitting the gesture's signal). */
static gboolean
is_primary (GtkGesture *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  return button == 0 || button == GDK_BUTTON_PRIMARY;
}

/* Where a press starts: a single click lets go of the selection (a drag
 * then selects by characters), a double click selects a word, a triple
 * click a line; with Shift, the selection's end moves there. */
static void
click_pressed_cb (PbDocumentView  *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (!is_primary (GTK_GESTURE (gesture)))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->extending = (state & GDK_SHIFT_MASK) && pb_text_selection_is_active (self->selection);
  self->press_count = n_press;

  if (self->extending)
    {
      pb_document_view_extend_selection (self, x, y);
      return;
    }

  switch ((n_press - 1) % 3)
    {
    case 0:
      pb_document_view_clear_selection (self);
      pb_text_selection_set_unit (self->selection, PB_SELECT_CHARS);
      break;

    case 1:
      pb_document_view_select_at (self, x, y, PB_SELECT_WORDS);
      break;

    default:
      pb_document_view_select_at (self, x, y, PB_SELECT_LINES);
      break;
    }
}

static void
drag_begin_cb (PbDocumentView *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_x = x;
  self->drag_y = y;
}

static void
drag_update_cb (PbDocumentView *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (fabs (dx) + fabs (dy) < 3 && self->press_count < 2 && !self->extending)
    return;

  if (self->extending)
    pb_document_view_extend_selection (self, self->drag_x + dx, self->drag_y + dy);
  else
    pb_document_view_select_between (self, self->drag_x, self->drag_y,
                                     self->drag_x + dx, self->drag_y + dy);
}

/* A drag, a double or triple click or a Shift+click has chosen text. */
static void
drag_end_cb (PbDocumentView *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gboolean chose = fabs (dx) + fabs (dy) >= 3 || self->press_count >= 2 || self->extending;

  if (chose && pb_text_selection_is_active (self->selection))
    g_signal_emit_by_name (self, "selection-finished");
}

static void
click_released_cb (PbDocumentView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  PbFinding *finding;

  if (button == GDK_BUTTON_SECONDARY)
    {
      g_signal_emit_by_name (self, "context-menu", x, y);
      return;
    }

  if (n_press == 1 && !pb_text_selection_is_active (self->selection) &&
      (finding = pb_document_view_finding_at (self, x, y)))
    g_signal_emit_by_name (self, "finding-activated", finding);
}

static gboolean
query_tooltip_cb (PbDocumentView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  PbFinding *finding = keyboard ? NULL : pb_document_view_finding_at (self, x, y);
  g_autofree char *text = NULL;

  if (finding == NULL)
    return FALSE;

  if (*pb_finding_get_note (finding) != '\0')
    text = g_strdup_printf ("%s%s\n%s", pb_finding_kind_get_label (pb_finding_get_kind (finding)),
                            pb_finding_get_exempt (finding) ? _(" · exempt") : "",
                            pb_finding_get_note (finding));
  else
    text = g_strdup_printf ("%s%s", pb_finding_kind_get_label (pb_finding_get_kind (finding)),
                            pb_finding_get_exempt (finding) ? _(" · exempt") : "");

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
scroll_cb (PbDocumentView           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->document == NULL)
    return FALSE;

  /* About the pointer, as the motion controller last saw it. */
  self->zoom_at_pointer = TRUE;
  pb_view_model_zoom_to (self->model, pb_view_model_get_zoom (self->model) * pow (PB_ZOOM_STEP, -dy));
  self->zoom_at_pointer = FALSE;
  return TRUE;
}

static void
motion_cb (PbDocumentView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
zoom_begin_cb (PbDocumentView   *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->zoom_gesture_start = pb_view_model_get_zoom (self->model);
}

static void
zoom_scale_changed_cb (PbDocumentView *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      self->pointer_x = x;
      self->pointer_y = y;
      self->zoom_at_pointer = TRUE;
    }
  pb_view_model_zoom_to (self->model, self->zoom_gesture_start * scale);
  self->zoom_at_pointer = FALSE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *text = pb_document_view_dup_selected_text (PB_DOCUMENT_VIEW (widget));

  if (text != NULL && *text != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  pb_document_view_clear_selection (PB_DOCUMENT_VIEW (widget));
}

void
_pb_document_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "view.clear-selection", NULL, clear_selection_action);
  /* The key a menu shows is the one bound last. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "view.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "view.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.clear-selection", NULL);
}

void
_pb_document_view_init_input (PbDocumentView *self)
{
  GtkGesture *drag;
  GtkGesture *click;
  GtkGesture *zoom;
  GtkEventController *scroll;
  GtkEventController *motion;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
