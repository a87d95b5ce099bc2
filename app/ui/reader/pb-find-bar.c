/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-find-bar.h"

/* Find in the report being read: the words are looked for on the document's
 * worker, the matches are marked on the page view, and Enter and Shift+Enter
 * (or the arrows) go from one to the next, scrolling each into sight. Typing
 * in the page view starts a find. */

struct _PbFindBar
{
  GtkWidget       parent_instance;

  PbDocumentView *view;
  GCancellable   *cancellable;
  GPtrArray      *matches;        /* PbFindMatch, or NULL before a find */
  int             current_match;
  int             near_page;      /* start from here, from 0, or -1 for the page read */
  gboolean        finding;

  GtkSearchBar   *search_bar;
  GtkEditable    *entry;
  GtkLabel       *count;
};

G_DEFINE_FINAL_TYPE (PbFindBar, pb_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_count (PbFindBar *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (self->entry);

  if (self->finding)
    text = g_strdup (_("Finding…"));
  else if (query == NULL || *query == '\0' || self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: "3 of 12" find matches */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_label (self->count, text);
}

static void
set_finding (PbFindBar *self,
             gboolean   finding)
{
  self->finding = finding;
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINDING]);
}

static void
set_current_match (PbFindBar *self,
                   int        index)
{
  self->current_match = index;
  if (self->view != NULL)
    pb_document_view_set_current_match (self->view, index);
  update_count (self);
}

static void
find_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PbFindBar) self = user_data;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  int first = -1;
  guint near_page;

  matches = pb_document_find_finish (PB_DOCUMENT (object), result, &error);
  if (matches == NULL || self->view == NULL)
    return;   /* cancelled by a newer find, or the report was closed */

  near_page = self->near_page >= 0 ? (guint)self->near_page : pb_document_view_get_page (self->view);
  self->near_page = -1;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_ptr_array_ref (matches);

  /* Start from the first match on or after the page being read. */
  for (guint i = 0; i < matches->len && first < 0; i++)
    if (((PbFindMatch *)g_ptr_array_index (matches, i))->page >= near_page)
      first = (int)i;
  if (first < 0 && matches->len > 0)
    first = 0;

  pb_document_view_set_matches (self->view, matches);
  self->finding = FALSE;
  set_current_match (self, first);
  set_finding (self, FALSE);
}

static void
search_changed_cb (PbFindBar *self)
{
  const char *text = gtk_editable_get_text (self->entry);
  PbDocument *document = self->view ? pb_document_view_get_document (self->view) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (self->view != NULL)
    pb_document_view_set_matches (self->view, NULL);
  set_current_match (self, -1);

  if (document == NULL || text == NULL || *text == '\0')
    {
      set_finding (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  pb_document_find_async (document, text, self->cancellable, find_done_cb, g_object_ref (self));
  set_finding (self, TRUE);
}

static void
next_cb (PbFindBar *self)
{
  pb_find_bar_find_next (self);
}

static void
previous_cb (PbFindBar *self)
{
  pb_find_bar_find_previous (self);
}

static void
stop_cb (PbFindBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
key_pressed_cb (PbFindBar             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      pb_find_bar_find_previous (self);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_changed_cb (PbFindBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (self->entry, "");
}

static void
pb_find_bar_dispose (GObject *object)
{
  PbFindBar *self = (PbFindBar *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_object (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FIND_BAR);

  G_OBJECT_CLASS (pb_find_bar_parent_class)->dispose (object);
}

static void
pb_find_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PbFindBar *self = PB_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_boolean (value, self->finding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_find_bar_class_init (PbFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_find_bar_dispose;
  object_class->get_property = pb_find_bar_get_property;

  /**
   * PbFindBar:finding:
   *
   * Whether a find is under way.
   */
  properties [PROP_FINDING] =
    g_param_spec_boolean ("finding", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PbFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, PbFindBar, count);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
pb_find_bar_init (PbFindBar *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->current_match = -1;
  self->near_page = -1;

  gtk_search_bar_connect_entry (self->search_bar, self->entry);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

GtkWidget *
pb_find_bar_new (void)
{
  return g_object_new (PB_TYPE_FIND_BAR, NULL);
}

/**
 * pb_find_bar_set_view:
 * @view: (nullable): the page view whose document is searched, which marks
 *   the matches and whose typing starts a find
 */
void
pb_find_bar_set_view (PbFindBar      *self,
                      PbDocumentView *view)
{
  g_return_if_fail (PB_IS_FIND_BAR (self));
  g_return_if_fail (!view || PB_IS_DOCUMENT_VIEW (view));

  pb_find_bar_clear (self);
  g_set_object (&self->view, view);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (view));
}

/**
 * pb_find_bar_reveal:
 *
 * Shows the bar and puts the keyboard in it.
 */
void
pb_find_bar_reveal (PbFindBar *self)
{
  g_return_if_fail (PB_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/**
 * pb_find_bar_find:
 * @text: what to find
 * @near_page: start from the first match on or after this page (from 0),
 *   or -1 for the page being read
 *
 * Shows the bar with @text in it and finds it at once.
 */
void
pb_find_bar_find (PbFindBar  *self,
                  const char *text,
                  int         near_page)
{
  g_return_if_fail (PB_IS_FIND_BAR (self));
  g_return_if_fail (text != NULL);

  self->near_page = near_page;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (self->entry), text) == 0)
    search_changed_cb (self);
  else
    gtk_editable_set_text (self->entry, text);

  /* GtkSearchEntry waits a moment before "search-changed"; start at once. */
  if (!self->finding)
    search_changed_cb (self);
}

/**
 * pb_find_bar_clear:
 *
 * Stops any find, forgets the matches and empties the entry, as when the
 * report is closed.
 */
void
pb_find_bar_clear (PbFindBar *self)
{
  g_return_if_fail (PB_IS_FIND_BAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->current_match = -1;
  self->near_page = -1;
  self->finding = FALSE;
  if (self->entry != NULL)
    gtk_editable_set_text (self->entry, "");
}

void
pb_find_bar_find_next (PbFindBar *self)
{
  g_return_if_fail (PB_IS_FIND_BAR (self));

  if (self->matches != NULL && self->matches->len > 0)
    set_current_match (self, (self->current_match + 1) % (int)self->matches->len);
}

void
pb_find_bar_find_previous (PbFindBar *self)
{
  int n;

  g_return_if_fail (PB_IS_FIND_BAR (self));

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n = (int)self->matches->len;
  set_current_match (self, (self->current_match - 1 + n) % n);
}

gboolean
pb_find_bar_get_finding (PbFindBar *self)
{
  g_return_val_if_fail (PB_IS_FIND_BAR (self), FALSE);
  return self->finding;
}

/**
 * pb_find_bar_get_n_matches:
 *
 * Returns: how many matches the last find found
 */
guint
pb_find_bar_get_n_matches (PbFindBar *self)
{
  g_return_val_if_fail (PB_IS_FIND_BAR (self), 0);
  return self->matches ? self->matches->len : 0;
}

/**
 * pb_find_bar_get_current_match:
 *
 * Returns: the match shown, from 0, or -1 for none
 */
int
pb_find_bar_get_current_match (PbFindBar *self)
{
  g_return_val_if_fail (PB_IS_FIND_BAR (self), -1);
  return self->current_match;
}
