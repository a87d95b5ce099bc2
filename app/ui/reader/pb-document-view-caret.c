/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include <math.h>

#include "pb-document-view-private.h"

/* Selecting from the keyboard in the page view, as document viewers do:
 * F7 turns caret browsing on and off; with it on, Left and Right move an
 * invisible caret by characters (with Ctrl, by words) through the page's
 * text in reading order, on to the next page and back; Up and Down move it
 * to the line above or below, to the character nearest the same place
 * across (over a page's first or last line to the page before or after);
 * Home and End to its line's start and end. Shift with them moves the
 * selection's end, from the caret or from a selection made with the
 * pointer; Ctrl+A selects the whole page shown. The selection is the same
 * object the pointer's is, so Copy and Add Finding take it alike. While
 * caret browsing is on, these keys are the view's even where the caret
 * cannot go on (the first or last line of the report), so that they never
 * move the focus out of the view as a widget's arrow keys otherwise do. */

enum {
  CARET_TOGGLED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_actions (PbDocumentView *self)
{
  gboolean active = pb_text_selection_is_active (self->selection);

  /* The arrows, Home and End are left to the window unless the caret is
   * on (Home and End go to the first and last page there); with Shift
   * too, unless there is a selection to extend. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.move-caret", self->caret_browsing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.extend-caret", self->caret_browsing || active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.move-caret-line", self->caret_browsing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.extend-caret-line", self->caret_browsing || active);
}

/* The caret's place, moved one character (or word) on or back; across the
 * end of a page to the next one's start, and back. FALSE while a page's
 * text is still on its way (it has been asked for). */
static gboolean
step (PbDocumentView *self,
      guint          *page,
      guint          *index,
      gboolean        words,
      int             direction)
{
  PbPageText *text = pb_text_selection_get_page_text (self->selection, *page);
  guint n_pages = self->document ? pb_document_get_n_pages (self->document) : 0;

  if (text == NULL)
    return FALSE;

  if (direction > 0 && *index >= pb_page_text_get_n_chars (text))
    {
      if (*page + 1 >= n_pages || !pb_text_selection_get_page_text (self->selection, *page + 1))
        return FALSE;
      *page += 1;
      *index = 0;
      return TRUE;
    }

  if (direction < 0 && *index == 0)
    {
      PbPageText *previous;

      if (*page == 0 || !(previous = pb_text_selection_get_page_text (self->selection, *page - 1)))
        return FALSE;
      *page -= 1;
      *index = pb_page_text_get_n_chars (previous);
      return TRUE;
    }

  if (words)
    *index = pb_text_selection_word_edge (self->selection, text, *index, direction > 0);
  else if (direction > 0)
    *index += 1;
  else
    *index -= 1;
  return TRUE;
}

/* Where the caret is, placing it at the start of the page shown if it has
 * not been placed yet (or its page is out of sight). */
static gboolean
ensure_caret (PbDocumentView *self)
{
  guint first = 0, last = 0;

  if (self->document == NULL)
    return FALSE;

  pb_document_view_get_visible_pages (self, &first, &last);
  if (!self->caret_set || self->caret_page < first || self->caret_page > last)
    {
      self->caret_page = pb_document_view_get_page (self);
      self->caret_index = 0;
      self->caret_set = TRUE;
      self->caret_x_set = FALSE;
      /* Asked for now, so that Up and Down can go on to them at once. */
      if (self->caret_page > 0)
        pb_text_selection_get_page_text (self->selection, self->caret_page - 1);
      pb_text_selection_get_page_text (self->selection, self->caret_page + 1);
    }

  return pb_text_selection_get_page_text (self->selection, self->caret_page) != NULL;
}

/* Where the caret moves from: the selection's moving end when it is to
 * be extended, else the caret (placed if need be). FALSE while that
 * page's text is on its way. */
static gboolean
caret_start (PbDocumentView *self,
             gboolean        extend,
             guint          *anchor_page,
             guint          *anchor_index)
{
  guint focus_page, focus_index;

  if (extend && pb_text_selection_get_ends (self->selection, anchor_page, anchor_index,
                                            &focus_page, &focus_index))
    {
      if (!self->caret_set || focus_page != self->caret_page || focus_index != self->caret_index)
        self->caret_x_set = FALSE;
      self->caret_page = focus_page;
      self->caret_index = focus_index;
      self->caret_set = TRUE;
      return TRUE;
    }

  if (!ensure_caret (self))
    return FALSE;
  *anchor_page = self->caret_page;
  *anchor_index = self->caret_index;
  return TRUE;
}

/* The caret has moved: the selection to it from the anchor when
 * extending, else none; its page shown, and the pages beside it asked for
 * so that the caret can go on to them. */
static void
moved (PbDocumentView *self,
       gboolean        extend,
       guint           anchor_page,
       guint           anchor_index)
{
  if (extend)
    {
      pb_text_selection_select_range (self->selection, anchor_page, anchor_index,
                                      self->caret_page, self->caret_index);
      g_signal_emit_by_name (self, "selection-finished");
    }
  else
    pb_text_selection_clear (self->selection);

  if (self->caret_page > 0)
    pb_text_selection_get_page_text (self->selection, self->caret_page - 1);
  pb_text_selection_get_page_text (self->selection, self->caret_page + 1);

  if (self->caret_page != pb_document_view_get_page (self))
    pb_document_view_set_page (self, self->caret_page);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move (PbDocumentView *self,
      gboolean        words,
      gboolean        extend,
      int             direction)
{
  guint anchor_page, anchor_index;

  if (!caret_start (self, extend, &anchor_page, &anchor_index))
    return;

  self->caret_x_set = FALSE;
  if (!step (self, &self->caret_page, &self->caret_index, words, direction))
    return;

  moved (self, extend, anchor_page, anchor_index);
}

/* Where a caret before character @index of a line (@start to @end) is
 * across the page, in PDF points: at its character's left, or at the
 * end of the line's last character. */
static double
caret_x (PbPageText *text,
         guint       start,
         guint       end,
         guint       index)
{
  if (index < end)
    return pb_page_text_get_box (text, index)->x1;
  if (end > start)
    return pb_page_text_get_box (text, end - 1)->x2;
  return 0;
}

/* The place on the line @start to @end nearest @x across. */
static guint
nearest_on_line (PbPageText *text,
                 guint       start,
                 guint       end,
                 double      x)
{
  guint best = start;
  double best_d = G_MAXDOUBLE;

  for (guint k = start; k <= end; k++)
    {
      double d = fabs (caret_x (text, start, end, k) - x);

      if (d < best_d)
        {
          best_d = d;
          best = k;
        }
    }
  return best;
}

static gboolean
is_line_break_at (PbPageText *text,
                  guint       index)
{
  return index < pb_page_text_get_n_chars (text) &&
         pb_page_text_get_text (text)[pb_page_text_get_offset (text, index)] == '\n';
}

/* The caret's place moved to the line above (@direction -1) or below, at
 * the place nearest @x across; over the first or last line to the page
 * before or after. FALSE where there is no line to go to, or while the
 * page's text is on its way (it has been asked for). */
static gboolean
step_line (PbDocumentView *self,
           guint          *page,
           guint          *index,
           double          x,
           int             direction)
{
  PbPageText *text = pb_text_selection_get_page_text (self->selection, *page);
  guint n_pages = self->document ? pb_document_get_n_pages (self->document) : 0;
  guint start, end, target;

  if (text == NULL)
    return FALSE;

  pb_page_text_get_line_bounds (text, *index, &start, &end);
  if (direction < 0 && start > 0)
    {
      /* Before the line break that ends the line above (or, for a word
       * joined over the line end, before its last letter): on that line. */
      target = start - 1;
    }
  else if (direction > 0 && end < pb_page_text_get_n_chars (text))
    target = is_line_break_at (text, end) ? end + 1 : end;
  else if (direction < 0 && *page > 0)
    {
      if (!(text = pb_text_selection_get_page_text (self->selection, *page - 1)))
        return FALSE;
      *page -= 1;
      target = pb_page_text_get_n_chars (text);
    }
  else if (direction > 0 && *page + 1 < n_pages)
    {
      if (!(text = pb_text_selection_get_page_text (self->selection, *page + 1)))
        return FALSE;
      *page += 1;
      target = 0;
    }
  else
    return FALSE;

  pb_page_text_get_line_bounds (text, target, &start, &end);
  *index = nearest_on_line (text, start, end, x);
  return TRUE;
}

/* Up and Down (@edge FALSE), Home and End (@edge TRUE): by lines. */
static void
move_line (PbDocumentView *self,
           gboolean        edge,
           gboolean        extend,
           int             direction)
{
  guint anchor_page, anchor_index, start, end, index;
  PbPageText *text;

  if (!caret_start (self, extend, &anchor_page, &anchor_index) ||
      !(text = pb_text_selection_get_page_text (self->selection, self->caret_page)))
    return;

  index = MIN (self->caret_index, pb_page_text_get_n_chars (text));
  pb_page_text_get_line_bounds (text, index, &start, &end);
  if (edge)
    {
      self->caret_x_set = FALSE;
      self->caret_index = direction < 0 ? start : end;
    }
  else
    {
      /* Going on up or down keeps to the place across it started from,
       * past shorter lines, as text editors do. */
      if (!self->caret_x_set)
        {
          self->caret_x = caret_x (text, start, end, index);
          self->caret_x_set = TRUE;
        }
      if (!step_line (self, &self->caret_page, &index, self->caret_x, direction))
        return;
      self->caret_index = index;
    }

  moved (self, extend, anchor_page, anchor_index);
}

static void
move_caret_line_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  gboolean edge;
  int direction;

  g_variant_get (parameter, "(bi)", &edge, &direction);
  move_line (self, edge, g_str_equal (action_name, "view.extend-caret-line"), direction);
}

static void
move_caret_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  gboolean words;
  int direction;

  g_variant_get (parameter, "(bi)", &words, &direction);
  move (self, words, g_str_equal (action_name, "view.extend-caret"), direction);
}

static void
select_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);
  guint page;

  if (self->document == NULL)
    return;

  page = pb_document_view_get_page (self);
  pb_text_selection_set_unit (self->selection, PB_SELECT_CHARS);
  pb_text_selection_select_range (self->selection, page, 0, page, G_MAXUINT);
  self->caret_page = page;
  self->caret_index = G_MAXINT;
  self->caret_set = TRUE;
  self->caret_x_set = FALSE;
  g_signal_emit_by_name (self, "selection-finished");
}

static void
toggle_caret_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PbDocumentView *self = PB_DOCUMENT_VIEW (widget);

  pb_document_view_set_caret_browsing (self, !self->caret_browsing);
}

/**
 * pb_document_view_set_caret_browsing:
 * @caret_browsing: whether arrows move a caret through the text (and
 *   Shift+arrows select) rather than scroll
 *
 * As F7 does; emits PbDocumentView::caret-toggled on a change. Turned on,
 * the caret starts at the start of the page shown, once its text is read.
 */
void
pb_document_view_set_caret_browsing (PbDocumentView *self,
                                     gboolean        caret_browsing)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  caret_browsing = !!caret_browsing;
  if (self->caret_browsing == caret_browsing)
    return;

  self->caret_browsing = caret_browsing;
  self->caret_set = FALSE;
  if (caret_browsing)
    ensure_caret (self);
  update_actions (self);
  g_signal_emit (self, signals [CARET_TOGGLED], 0, caret_browsing);
}

gboolean
pb_document_view_get_caret_browsing (PbDocumentView *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);
  return self->caret_browsing;
}

/**
 * pb_document_view_get_caret:
 * @page: (out) (optional): the caret's page index, from 0
 * @index: (out) (optional): the character of that page's text it is
 *   before
 *
 * Returns: %FALSE with caret browsing off, or until the caret's page's
 *   text has been read
 */
gboolean
pb_document_view_get_caret (PbDocumentView *self,
                            guint          *page,
                            guint          *index)
{
  PbPageText *text;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);

  if (!self->caret_browsing || !self->caret_set ||
      !(text = pb_text_selection_get_page_text (self->selection, self->caret_page)))
    return FALSE;

  if (page != NULL)
    *page = self->caret_page;
  if (index != NULL)
    *index = MIN (self->caret_index, pb_page_text_get_n_chars (text));
  return TRUE;
}

void
_pb_document_view_caret_selection_changed (PbDocumentView *self)
{
  update_actions (self);
}

static void
bind_lines (GtkWidgetClass *widget_class,
            guint           keyval,
            gboolean        edge,
            int             direction)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0,
                                       "view.move-caret-line", "(bi)", edge, direction);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "view.extend-caret-line", "(bi)", edge, direction);
}

static void
bind_arrows (GtkWidgetClass *widget_class,
             guint           keyval,
             int             direction)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0,
                                       "view.move-caret", "(bi)", FALSE, direction);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK,
                                       "view.move-caret", "(bi)", TRUE, direction);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "view.extend-caret", "(bi)", FALSE, direction);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK | GDK_CONTROL_MASK,
                                       "view.extend-caret", "(bi)", TRUE, direction);
}

void
_pb_document_view_class_init_caret (GtkWidgetClass *widget_class)
{
  /**
   * PbDocumentView::caret-toggled:
   * @caret_browsing: whether caret browsing is now on
   *
   * F7 (or pb_document_view_set_caret_browsing ()) turned caret browsing
   * on or off: worth telling the user, who may have pressed it by chance.
   */
  signals [CARET_TOGGLED] =
    g_signal_new ("caret-toggled", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "view.toggle-caret", NULL, toggle_caret_action);
  gtk_widget_class_install_action (widget_class, "view.select-page", NULL, select_page_action);
  gtk_widget_class_install_action (widget_class, "view.move-caret", "(bi)", move_caret_action);
  gtk_widget_class_install_action (widget_class, "view.extend-caret", "(bi)", move_caret_action);
  gtk_widget_class_install_action (widget_class, "view.move-caret-line", "(bi)", move_caret_line_action);
  gtk_widget_class_install_action (widget_class, "view.extend-caret-line", "(bi)", move_caret_line_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "view.toggle-caret", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "view.select-page", NULL);
  bind_arrows (widget_class, GDK_KEY_Left, -1);
  bind_arrows (widget_class, GDK_KEY_KP_Left, -1);
  bind_arrows (widget_class, GDK_KEY_Right, 1);
  bind_arrows (widget_class, GDK_KEY_KP_Right, 1);
  bind_lines (widget_class, GDK_KEY_Up, FALSE, -1);
  bind_lines (widget_class, GDK_KEY_KP_Up, FALSE, -1);
  bind_lines (widget_class, GDK_KEY_Down, FALSE, 1);
  bind_lines (widget_class, GDK_KEY_KP_Down, FALSE, 1);
  bind_lines (widget_class, GDK_KEY_Home, TRUE, -1);
  bind_lines (widget_class, GDK_KEY_KP_Home, TRUE, -1);
  bind_lines (widget_class, GDK_KEY_End, TRUE, 1);
  bind_lines (widget_class, GDK_KEY_KP_End, TRUE, 1);
}

void
_pb_document_view_init_caret (PbDocumentView *self)
{
  update_actions (self);
}

/**
 * pb_document_view_select_range:
 * @start_page: the page index (from 0) the selection starts on
 * @start_index: the character index of that page's text it starts at
 * @end_page: the page index it ends on
 * @end_index: the character index after its last character there
 *
 * Selects a passage by places in the pages' text, as the Text view gives
 * them; the pages' text is read if need be (pb_document_view_has_page_text ()).
 */
void
pb_document_view_select_range (PbDocumentView *self,
                               guint           start_page,
                               guint           start_index,
                               guint           end_page,
                               guint           end_index)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  pb_text_selection_set_unit (self->selection, PB_SELECT_CHARS);
  pb_text_selection_select_range (self->selection, start_page, start_index, end_page, end_index);
}

/**
 * pb_document_view_has_page_text:
 * @page: a page index, from 0
 *
 * Whether the page's text has been read, so that a selection on it is
 * whole; if not, it is asked for, and PbDocumentView:has-selection is
 * notified again when it comes.
 */
gboolean
pb_document_view_has_page_text (PbDocumentView *self,
                                guint           page)
{
  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), FALSE);
  return pb_text_selection_get_page_text (self->selection, page) != NULL;
}
