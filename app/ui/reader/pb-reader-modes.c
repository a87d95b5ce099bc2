/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-reader-private.h"

/* The reader's two ways of showing a report: its pages, or its text (the
 * Text view, which screen readers read and which reflows on a narrow
 * window). Switching keeps the place: the text opens at the page shown,
 * and the pages at the page the caret is on. A finding added from the
 * text goes through the page view's selection, so that it has the same
 * page and quadrilaterals as the same words chosen on the page. Caret
 * browsing on the pages (F7) is told of here too. */

/**
 * pb_reader_get_text_mode:
 *
 * Returns: whether the report is shown as text rather than as pages
 */
gboolean
pb_reader_get_text_mode (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "text") == 0;
}

/**
 * pb_reader_set_text_mode:
 * @text_mode: %TRUE for the Text view, %FALSE for the pages
 *
 * Switches views keeping the place, and gives the keyboard to the view
 * shown, as the Page and Text buttons and Ctrl+T do.
 */
void
pb_reader_set_text_mode (PbReader *self,
                         gboolean  text_mode)
{
  g_return_if_fail (PB_IS_READER (self));

  /* The buttons come back here. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (text_mode ? self->text_toggle : self->page_toggle), TRUE);
}

/**
 * pb_reader_get_text_view:
 *
 * Returns: (transfer none): the report as text
 */
PbTextView *
pb_reader_get_text_view (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), NULL);
  return self->text_view;
}

static void
mode_toggled_cb (PbReader        *self,
                 GtkToggleButton *button)
{
  gboolean text_mode = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->text_toggle));

  if (!gtk_toggle_button_get_active (button) || text_mode == pb_reader_get_text_mode (self))
    return;

  if (text_mode)
    {
      pb_text_view_show_page (self->text_view, pb_document_view_get_page (self->view));
      gtk_stack_set_visible_child_name (self->mode_stack, "text");
      gtk_widget_grab_focus (GTK_WIDGET (pb_text_view_get_text_view (self->text_view)));
    }
  else
    {
      guint page = pb_text_view_get_caret_page (self->text_view);

      gtk_stack_set_visible_child_name (self->mode_stack, "page");
      pb_document_view_set_page (self->view, page);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

static void
toggle_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbReader *self = PB_READER (widget);

  pb_reader_set_text_mode (self, !pb_reader_get_text_mode (self));
}

/* Whether the pages the Text view's selection covers have their text in
 * the page view, asking for it if not. */
static gboolean
text_ready (PbReader *self,
            guint     start_page,
            guint     end_page)
{
  gboolean ready = TRUE;

  for (guint page = start_page; page <= end_page; page++)
    ready = pb_document_view_has_page_text (self->view, page) && ready;
  return ready;
}

/* Add Finding in the Text view: its selection becomes the page view's,
 * then the finding is made from that as from a selection on the page. The
 * page view may have to read the pages' text first; then this says no,
 * keeps the passage (the Text view's selection can be gone by then: taken
 * by another selection, or the text laid out again) and the finding is made
 * from it when the text arrives. */
gboolean
_pb_reader_take_text_selection (PbReader *self)
{
  guint *range = self->text_finding_range;
  gboolean retry = self->text_finding_retry;

  self->text_finding_pending = self->text_finding_retry = FALSE;
  if (!pb_reader_get_text_mode (self))
    return TRUE;

  if (!retry && !pb_text_view_get_selection (self->text_view, &range[0], &range[1], &range[2], &range[3]))
    return FALSE;

  if (!text_ready (self, range[0], range[2]))
    {
      self->text_finding_pending = TRUE;
      return FALSE;
    }

  pb_document_view_select_range (self->view, range[0], range[1], range[2], range[3]);
  return TRUE;
}

/* The page view has more of the pages' text: a finding waiting for it is
 * made now if all its pages are in. */
void
_pb_reader_retry_text_finding (PbReader *self)
{
  if (!self->text_finding_pending || !pb_reader_get_text_mode (self))
    {
      self->text_finding_pending = FALSE;
      return;
    }
  if (text_ready (self, self->text_finding_range[0], self->text_finding_range[2]))
    {
      self->text_finding_retry = TRUE;
      pb_reader_add_finding (self);
    }
}

static void
caret_toggled_cb (PbReader *self,
                  gboolean  caret_browsing)
{
  AdwToast *toast;

  toast = adw_toast_new (caret_browsing ? _("Caret browsing on: Shift+arrows select text, F7 turns it off")
                                        : _("Caret browsing off"));
  adw_toast_set_timeout (toast, self->told_caret ? 2 : 5);
  self->told_caret = TRUE;
  _pb_reader_toast (self, toast);
}

void
_pb_reader_class_init_modes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_install_action (widget_class, "reader.toggle-view", NULL, toggle_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "reader.toggle-view", NULL);
}

void
_pb_reader_init_modes (PbReader *self)
{
  g_signal_connect_object (self->view, "caret-toggled", G_CALLBACK (caret_toggled_cb), self, G_CONNECT_SWAPPED);
}
