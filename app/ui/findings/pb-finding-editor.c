/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-finding-editor.h"
#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-library.h"
#include "pb-pack-menu.h"
#include "pb-reanchor.h"
#include "pb-toast.h"

/* Edits one finding. A new one (no id yet) is added, in one transaction, by
 * "Add Finding" (or Ctrl+Enter). An existing one is saved as each field
 * changes: there is nothing to remember to save. */

struct _PbFindingEditor
{
  AdwWindow       parent_instance;

  PbLibrary      *library;
  PbFinding      *finding;
  GPtrArray      *cohort_toggles;   /* GtkToggleButton */
  GPtrArray      *cohort_slugs;     /* each toggle's cohort, by slug */
  gint64          suggestion_id;
  GCancellable   *cancellable;      /* cancelled when the editor goes */
  gboolean        reanchoring;
  gboolean        loading;
  gboolean        focus_placed;     /* on the first cohort, once shown */

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *done_button;
  GtkLabel       *quote_label;
  GtkLabel       *citation_label;
  GtkFlowBox     *cohort_box;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  GtkSwitch      *exempt_switch;
  GtkTextView    *note_view;
  GtkLabel       *error_label;
  GtkWidget      *delete_button;
  GtkWidget      *existing_box;
  GtkMenuButton  *pack_button;
};

G_DEFINE_FINAL_TYPE (PbFindingEditor, pb_finding_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SUGGESTION_ID,
  PROP_REANCHORING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DELETE_REQUESTED,
  ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
is_new (PbFindingEditor *self)
{
  return pb_finding_get_id (self->finding) == 0;
}

static void
show_error (PbFindingEditor *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Copies the fields into the finding. */
static void
collect (PbFindingEditor *self)
{
  g_autoptr(GStrvBuilder) cohorts = g_strv_builder_new ();
  g_auto(GStrv) slugs = NULL;
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  for (guint i = 0; i < self->cohort_toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->cohort_toggles, i);

      if (gtk_toggle_button_get_active (toggle))
        g_strv_builder_add (cohorts, g_ptr_array_index (self->cohort_slugs, i));
    }
  slugs = g_strv_builder_end (cohorts);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  pb_finding_set_cohorts (self->finding, (const char * const *)slugs);
  pb_finding_set_kind (self->finding, adw_combo_row_get_selected (self->kind_row));
  pb_finding_set_status (self->finding,
                         pb_finding_get_kind (self->finding) == PB_FINDING_KIND_RECOMMENDATION
                           ? adw_combo_row_get_selected (self->status_row)
                           : PB_FINDING_STATUS_NONE);
  pb_finding_set_exempt (self->finding, gtk_switch_get_active (self->exempt_switch));
  pb_finding_set_note (self->finding, g_strstrip (note));
}

static void
update_sensitivity (PbFindingEditor *self)
{
  const char * const *cohorts = pb_finding_get_cohorts (self->finding);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.done",
                                 !is_new (self) || (cohorts != NULL && cohorts[0] != NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->status_row),
                          pb_finding_get_kind (self->finding) == PB_FINDING_KIND_RECOMMENDATION);
}

/* An existing finding is saved at once; a new one waits for "Add". */
static void
field_changed_cb (PbFindingEditor *self)
{
  g_autoptr(GError) error = NULL;

  /* Loading the fields, or being torn down. */
  if (self->loading || self->finding == NULL)
    return;

  collect (self);
  update_sensitivity (self);

  if (is_new (self))
    return;

  if (!pb_library_update_finding (self->library, self->finding, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

/* A combo row is spoken by its title label alone ("Kind combo box"): it is
 * named instead by its title and value ("Kind, Strength"), kept current, as
 * pb-accessible-names.c names list rows from what they show. */
static void
name_combo_row (AdwComboRow *row)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *name = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (adw_combo_row_get_model (row), selected);
  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a field and its value, as a screen reader says it */
    name = g_strdup_printf (_("%s, %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
kind_changed_cb (PbFindingEditor *self)
{
  name_combo_row (self->kind_row);
  field_changed_cb (self);
}

static void
status_changed_cb (PbFindingEditor *self)
{
  name_combo_row (self->status_row);
  field_changed_cb (self);
}

/* A cohort's toggle is spoken as a check box, checked or not: GTK 4.8 has
 * no toggle-button role, and Orca says nothing of a push button's pressed
 * state, so without this nobody hears which cohorts are chosen. */
static void
cohort_toggled_cb (PbFindingEditor *self,
                   GtkToggleButton *toggle)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (toggle), -1);
  field_changed_cb (self);
}

/**
 * pb_finding_editor_commit:
 *
 * Adds a new finding, or (for an existing one) saves it. Returns %FALSE and
 * shows why in the editor if it cannot be saved.
 */
gboolean
pb_finding_editor_commit (PbFindingEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PB_IS_FINDING_EDITOR (self), FALSE);

  collect (self);

  if (is_new (self))
    {
      if (!pb_library_add_finding (self->library, self->finding, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }

      g_signal_emit (self, signals [ADDED], 0, self->finding);
      return TRUE;
    }

  if (!pb_library_update_finding (self->library, self->finding, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (widget);

  if (pb_finding_editor_commit (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_reanchoring (PbFindingEditor *self,
                 gboolean         reanchoring)
{
  self->reanchoring = reanchoring;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reanchor", !reanchoring);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REANCHORING]);
}

static void
reanchored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PbFindingEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PbFinding) moved = NULL;
  g_autofree char *citation = NULL;

  if (!pb_library_reanchor_finding_finish (PB_LIBRARY (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error->message);
          set_reanchoring (self, FALSE);
        }
      return;
    }

  set_reanchoring (self, FALSE);
  if ((moved = pb_library_get_finding (self->library, pb_finding_get_id (self->finding), NULL)))
    {
      pb_finding_set_anchors (self->finding,
                              (PbAnchor *)(gpointer)pb_finding_get_anchors (moved)->data,
                              pb_finding_get_anchors (moved)->len);
      citation = g_strdup_printf (_("Page %u"), pb_finding_get_page (moved));
      gtk_label_set_label (self->citation_label, citation);
    }

  show_error (self, NULL);
}

/* For a highlight that no longer sits on its words: look for the quote again,
 * off the main thread (poppler reads every page), one look at a time. */
static void
reanchor_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (widget);

  set_reanchoring (self, TRUE);
  pb_library_reanchor_finding_async (self->library, pb_finding_get_id (self->finding), self->cancellable,
                                     reanchored_cb, g_object_ref (self));
}

/**
 * pb_finding_editor_get_reanchoring:
 *
 * Returns: whether the editor is looking for the quote again
 */
gboolean
pb_finding_editor_get_reanchoring (PbFindingEditor *self)
{
  g_return_val_if_fail (PB_IS_FINDING_EDITOR (self), FALSE);
  return self->reanchoring;
}

static void
add_to_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (widget);
  gint64 id = pb_finding_get_id (self->finding);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* The pack takes the finding as saved, so save what has been changed first. */
  if (!pb_finding_editor_commit (self))
    return;
  if (!(message = pb_pack_menu_add_findings (self->library, g_variant_get_int64 (parameter), &id, 1, &error)))
    {
      show_error (self, error->message);
      return;
    }
  pb_show_toast (widget, adw_toast_new (message));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (widget);

  g_signal_emit (self, signals [DELETE_REQUESTED], 0, self->finding);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load_cohorts (PbFindingEditor *self)
{
  g_autoptr(GPtrArray) cohorts = pb_library_list_cohorts (self->library, NULL);

  if (cohorts == NULL)
    return;

  for (guint i = 0; i < cohorts->len; i++)
    {
      PbCohort *cohort = g_ptr_array_index (cohorts, i);
      GtkWidget *toggle = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX,
                                        NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (pb_cohort_get_color (cohort)));
      gtk_box_append (GTK_BOX (box), gtk_label_new (pb_cohort_get_name (cohort)));
      gtk_button_set_child (GTK_BUTTON (toggle), box);
      gtk_widget_add_css_class (toggle, "cohort-toggle");
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pb_cohort_get_name (cohort), -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    pb_finding_has_cohort (self->finding, pb_cohort_get_slug (cohort)));
      gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED,
                                   gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (cohort_toggled_cb),
                               self, G_CONNECT_SWAPPED);

      gtk_flow_box_append (self->cohort_box, toggle);
      g_ptr_array_add (self->cohort_toggles, toggle);
      g_ptr_array_add (self->cohort_slugs, g_strdup (pb_cohort_get_slug (cohort)));
    }
}

static void
pb_finding_editor_dispose (GObject *object)
{
  PbFindingEditor *self = (PbFindingEditor *)object;

  self->loading = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->cohort_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_slugs, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FINDING_EDITOR);

  G_OBJECT_CLASS (pb_finding_editor_parent_class)->dispose (object);
}

/* The keyboard starts on what is filled in first, the cohorts, never on
 * Cancel (where Enter would throw the work away). Moved there once the
 * window is on screen: a focus set before is never told to a screen
 * reader, which then says nothing until the first Tab. */
static void
pb_finding_editor_map (GtkWidget *widget)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (widget);

  GTK_WIDGET_CLASS (pb_finding_editor_parent_class)->map (widget);

  if (self->focus_placed)
    return;
  self->focus_placed = TRUE;
  if (self->cohort_toggles->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->cohort_toggles, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

/* Closing, added or cancelled: the window it was opened from takes the
 * keyboard back. Without a window manager, or with one that hands it to
 * whichever window came last, it would go nowhere, and a screen reader
 * says nothing on the next key. */
static void
pb_finding_editor_unmap (GtkWidget *widget)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL && gtk_widget_get_visible (GTK_WIDGET (parent)) &&
      !gtk_widget_in_destruction (GTK_WIDGET (parent)))
    gtk_window_present (parent);

  GTK_WIDGET_CLASS (pb_finding_editor_parent_class)->unmap (widget);
}

static void
pb_finding_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SUGGESTION_ID:
      g_value_set_int64 (value, self->suggestion_id);
      break;

    case PROP_REANCHORING:
      g_value_set_boolean (value, self->reanchoring);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_finding_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PbFindingEditor *self = PB_FINDING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SUGGESTION_ID:
      pb_finding_editor_set_suggestion_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_finding_editor_class_init (PbFindingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_finding_editor_dispose;
  object_class->get_property = pb_finding_editor_get_property;
  object_class->set_property = pb_finding_editor_set_property;
  widget_class->map = pb_finding_editor_map;
  widget_class->unmap = pb_finding_editor_unmap;

  /**
   * PbFindingEditor:suggestion-id:
   *
   * The suggested finding the new finding is made from, or 0: whoever
   * offered the suggestion settles it when #PbFindingEditor::added says the
   * finding is in the library.
   */
  properties [PROP_SUGGESTION_ID] =
    g_param_spec_int64 ("suggestion-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbFindingEditor:reanchoring:
   *
   * Whether the editor is looking for the finding's quote in its report
   * again, on a worker thread.
   */
  properties [PROP_REANCHORING] =
    g_param_spec_boolean ("reanchoring", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbFindingEditor::delete-requested:
   * @finding: the finding to delete
   *
   * The owner deletes it, so that it can offer to undo.
   */
  signals [DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbFindingEditor::added:
   * @finding: the new finding, now in the library
   */
  signals [ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-finding-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, citation_label);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, cohort_box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, exempt_switch);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, existing_box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingEditor, pack_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.add-to-pack", "x", add_to_pack_action);
  gtk_widget_class_install_action (widget_class, "editor.reanchor", NULL, reanchor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_finding_editor_init (PbFindingEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cohort_toggles = g_ptr_array_new ();
  self->cohort_slugs = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  for (PbFindingKind k = PB_FINDING_KIND_STRENGTH; k <= PB_FINDING_KIND_CONTEXT; k++)
    gtk_string_list_append (kinds, pb_finding_kind_get_label (k));
  for (PbFindingStatus st = PB_FINDING_STATUS_NONE; st <= PB_FINDING_STATUS_NOT_MET; st++)
    gtk_string_list_append (statuses, pb_finding_status_get_label (st));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

/**
 * pb_finding_editor_new:
 * @finding: a finding: new (no id), to be added, or one in the library
 */
PbFindingEditor *
pb_finding_editor_new (GtkWindow *parent,
                       PbLibrary *library,
                       PbFinding *finding)
{
  PbFindingEditor *self;
  g_autofree char *quote = NULL;
  g_autofree char *citation = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  self = g_object_new (PB_TYPE_FINDING_EDITOR, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->finding = pb_finding_copy (finding);
  self->loading = TRUE;

  quote = g_strdup_printf ("“%s”", pb_finding_get_quote (finding));
  gtk_label_set_label (self->quote_label, quote);
  if (pb_finding_get_paragraph (finding) > 0)
    /* Translators: where a finding is: paragraph and page */
    citation = g_strdup_printf (_("¶%u, page %u"), pb_finding_get_paragraph (finding),
                                pb_finding_get_page (finding));
  else
    citation = g_strdup_printf (_("Page %u"), pb_finding_get_page (finding));
  gtk_label_set_label (self->citation_label, citation);

  load_cohorts (self);
  adw_combo_row_set_selected (self->kind_row, pb_finding_get_kind (finding));
  adw_combo_row_set_selected (self->status_row, pb_finding_get_status (finding));
  gtk_switch_set_active (self->exempt_switch, pb_finding_get_exempt (finding));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), pb_finding_get_note (finding), -1);

  /* Kind and Status say their values: set above while loading. */
  name_combo_row (self->kind_row);
  name_combo_row (self->status_row);

  /* The window's title is what a screen reader says when it opens. */
  gtk_window_set_title (GTK_WINDOW (self), is_new (self) ? _("New Finding") : _("Finding"));
  if (!is_new (self))
    {
      adw_window_title_set_title (self->window_title, _("Finding"));
      gtk_button_set_label (GTK_BUTTON (self->done_button), _("_Done"));
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_widget_set_visible (self->delete_button, TRUE);
      gtk_widget_set_visible (self->existing_box, TRUE);
      {
        g_autoptr(GMenuModel) menu = pb_pack_menu_new (library, "editor.add-to-pack");
        gtk_menu_button_set_menu_model (self->pack_button, menu);
      }
      g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                               G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->loading = FALSE;
  collect (self);
  update_sensitivity (self);

  return self;
}

/**
 * pb_finding_editor_get_finding:
 *
 * Returns: (transfer none): the finding as edited so far
 */
PbFinding *
pb_finding_editor_get_finding (PbFindingEditor *self)
{
  g_return_val_if_fail (PB_IS_FINDING_EDITOR (self), NULL);
  return self->finding;
}

void
pb_finding_editor_set_cohort (PbFindingEditor *self,
                              const char      *slug,
                              gboolean         active)
{
  g_return_if_fail (PB_IS_FINDING_EDITOR (self));

  for (guint i = 0; i < self->cohort_toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->cohort_toggles, i);

      if (g_strcmp0 (g_ptr_array_index (self->cohort_slugs, i), slug) == 0)
        gtk_toggle_button_set_active (toggle, active);
    }
}

/**
 * pb_finding_editor_get_suggestion_id:
 *
 * Returns: the suggestion the finding is made from, or 0
 */
gint64
pb_finding_editor_get_suggestion_id (PbFindingEditor *self)
{
  g_return_val_if_fail (PB_IS_FINDING_EDITOR (self), 0);
  return self->suggestion_id;
}

/**
 * pb_finding_editor_set_suggestion_id:
 * @suggestion_id: the suggestion the finding is made from, or 0
 */
void
pb_finding_editor_set_suggestion_id (PbFindingEditor *self,
                                     gint64           suggestion_id)
{
  g_return_if_fail (PB_IS_FINDING_EDITOR (self));

  if (self->suggestion_id == suggestion_id)
    return;

  self->suggestion_id = suggestion_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUGGESTION_ID]);
}
