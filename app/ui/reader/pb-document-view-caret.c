/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include "pb-document-view-private.h"

/* Selecting from the keyboard in the page view, as document viewers do:
 * F7 turns caret browsing on and off; with it on, Left and Right move an
 * invisible caret by characters (with Ctrl, by words) through the page's
 * text in reading order, on to the next page and back. Shift with them
 * moves the selection's end, from the caret or from a selection made with
 * the pointer; Ctrl+A selects the whole page shown. The selection is the
 * same object the pointer's is, so Copy and Add Finding take it alike. */

enum {
  CARET_TOGGLED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_actions (PbDocumentView *self)
{
  gboolean active = pb_text_selection_is_active (self->selection);

  /* Arrows scroll the page unless the caret is on; Shift+arrows too,
   * unless there is a selection to extend. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.move-caret", self->caret_browsing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.extend-caret", self->caret_browsing || active);
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
    }

  return pb_text_selection_get_page_text (self->selection, self->caret_page) != NULL;
}

static void
move (PbDocumentView *self,
      gboolean        words,
      gboolean        extend,
      int             direction)
{
  guint anchor_page, anchor_index, focus_page, focus_index;

  if (extend && pb_text_selection_get_ends (self->selection, &anchor_page, &anchor_index,
                                            &focus_page, &focus_index))
    {
      self->caret_page = focus_page;
      self->caret_index = focus_index;
      self->caret_set = TRUE;
    }
  else if (ensure_caret (self))
    {
      anchor_page = self->caret_page;
      anchor_index = self->caret_index;
    }
  else
    return;

  if (!step (self, &self->caret_page, &self->caret_index, words, direction))
    return;

  if (extend)
    {
      pb_text_selection_select_range (self->selection, anchor_page, anchor_index,
                                      self->caret_page, self->caret_index);
      g_signal_emit_by_name (self, "selection-finished");
    }
  else
    pb_text_selection_clear (self->selection);

  if (self->caret_page != pb_document_view_get_page (self))
    pb_document_view_set_page (self, self->caret_page);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "view.toggle-caret", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "view.select-page", NULL);
  bind_arrows (widget_class, GDK_KEY_Left, -1);
  bind_arrows (widget_class, GDK_KEY_KP_Left, -1);
  bind_arrows (widget_class, GDK_KEY_Right, 1);
  bind_arrows (widget_class, GDK_KEY_KP_Right, 1);
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
