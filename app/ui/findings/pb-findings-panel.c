/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-finding-menu.h"
#include "pb-finding-row.h"
#include "pb-findings-panel.h"

/* The findings of the report being read, beside its pages: grouped by cohort
 * (a finding about two cohorts is under both) or by page, and filtered by
 * words in the quote or note. Activating one shows it on the page; its
 * menu edits, re-tags, packs or deletes it. Below the officer's own, the
 * passages the report's structure (or the PDF's own highlights) suggest,
 * to add or dismiss one by one or all at once.
 *
 * The panel decides nothing: what its rows ask for it says in signals, and
 * the reader does it. */

struct _PbFindingsPanel
{
  GtkWidget     parent_instance;

  GListModel   *findings;
  GPtrArray    *cohorts;     /* PbCohort */
  GPtrArray    *packs;       /* PbPack, for the rows' Add to Pack */
  GPtrArray    *suggestions; /* PbSuggestion */
  guint         n_shown;

  GtkWidget    *box;
  GtkEditable  *filter_entry;
  GtkDropDown  *group_dropdown;
  GtkStack     *stack;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (PbFindingsPanel, pb_findings_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  SUGGESTION_ACCEPTED,
  SUGGESTION_DISMISSED,
  ALL_SUGGESTIONS,
  EDIT_REQUESTED,
  DELETE_REQUESTED,
  RETAG_REQUESTED,
  PACK_REQUESTED,
  TRACK_SUGGESTION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
matches_filter (PbFinding  *finding,
                const char *folded_filter)
{
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;

  if (folded_filter == NULL || *folded_filter == '\0')
    return TRUE;

  quote = g_utf8_casefold (pb_finding_get_quote (finding), -1);
  note = g_utf8_casefold (pb_finding_get_note (finding), -1);
  return strstr (quote, folded_filter) != NULL || strstr (note, folded_filter) != NULL;
}

static GtkWidget *
add_header (PbFindingsPanel *self,
            const char      *text,
            const char      *color)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  if (color != NULL)
    gtk_box_append (GTK_BOX (box), pb_cohort_dot_new (color));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 8);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
  return box;
}

static PbSuggestion *
suggestion_by_id (PbFindingsPanel *self,
                  gint64           id)
{
  for (guint i = 0; self->suggestions && i < self->suggestions->len; i++)
    if (pb_suggestion_get_id (g_ptr_array_index (self->suggestions, i)) == id)
      return g_ptr_array_index (self->suggestions, i);
  return NULL;
}

/* The suggestion's buttons name it by id: accept, track or dismiss it. */
static void
suggestion_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PbFindingsPanel *self = PB_FINDINGS_PANEL (widget);
  PbSuggestion *found = suggestion_by_id (self, g_variant_get_int64 (parameter));
  g_autoptr(PbSuggestion) suggestion = NULL;

  if (found == NULL)
    return;

  /* Kept while told: the answer may replace the list it is in. */
  suggestion = g_object_ref (found);
  if (g_str_equal (action_name, "panel.accept-suggestion"))
    g_signal_emit (self, signals [SUGGESTION_ACCEPTED], 0, suggestion);
  else if (g_str_equal (action_name, "panel.track-suggestion"))
    g_signal_emit (self, signals [TRACK_SUGGESTION], 0, suggestion);
  else
    g_signal_emit (self, signals [SUGGESTION_DISMISSED], 0, suggestion);
}

static void
all_suggestions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PbFindingsPanel *self = PB_FINDINGS_PANEL (widget);

  if (self->suggestions != NULL && self->suggestions->len > 0)
    g_signal_emit (self, signals [ALL_SUGGESTIONS], 0,
                   g_str_equal (action_name, "panel.accept-all-suggestions"));
}

static PbFinding *
finding_by_id (PbFindingsPanel *self,
               gint64           id)
{
  for (guint i = 0; self->findings && i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);

      if (pb_finding_get_id (finding) == id)
        return g_steal_pointer (&finding);
    }
  return NULL;
}

/* A row's menu names its finding by id: tell whoever acts on it. */
static void
finding_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PbFindingsPanel *self = PB_FINDINGS_PANEL (widget);
  g_autoptr(PbFinding) finding = NULL;
  gint64 id, pack_id;
  const char *slug;
  gboolean add;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    id = g_variant_get_int64 (parameter);
  else
    g_variant_get_child (parameter, 0, "x", &id);

  if (!(finding = finding_by_id (self, id)))
    return;

  if (g_str_equal (action_name, "panel.show-finding"))
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
  else if (g_str_equal (action_name, "panel.edit-finding"))
    g_signal_emit (self, signals [EDIT_REQUESTED], 0, finding);
  else if (g_str_equal (action_name, "panel.delete-finding"))
    g_signal_emit (self, signals [DELETE_REQUESTED], 0, finding);
  else if (g_str_equal (action_name, "panel.retag-finding"))
    {
      g_variant_get (parameter, "(x&sb)", &id, &slug, &add);
      g_signal_emit (self, signals [RETAG_REQUESTED], 0, finding, slug, add);
    }
  else if (g_str_equal (action_name, "panel.pack-finding"))
    {
      g_variant_get (parameter, "(xx)", &id, &pack_id);
      g_signal_emit (self, signals [PACK_REQUESTED], 0, finding, pack_id);
    }
}

/* Delete on a finding's row deletes that finding (not the report, as Delete
 * elsewhere in the window would). */
static void
delete_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PbFindingsPanel *self = PB_FINDINGS_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, PB_TYPE_FINDING_ROW) : NULL;
  PbFinding *finding;

  if (row != NULL && gtk_widget_is_ancestor (row, GTK_WIDGET (self->list)) &&
      (finding = pb_finding_row_get_finding (PB_FINDING_ROW (row))) != NULL &&
      pb_finding_get_id (finding) > 0)
    g_signal_emit (self, signals [DELETE_REQUESTED], 0, finding);
}

static GtkWidget *
make_suggestion_row (PbFindingsPanel *self,
                     PbSuggestion    *suggestion)
{
  PbFinding *draft = pb_suggestion_get_draft (suggestion);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *quote = gtk_label_new (pb_finding_get_quote (draft));
  g_autofree char *where = NULL;
  g_autofree char *citation = pb_finding_row_format_citation (draft);
  GtkWidget *meta;
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));

  if (pb_suggestion_is_from_pdf (suggestion))
    /* Translators: where an offered finding comes from */
    where = g_strdup_printf (_("Highlighted in the PDF · %s"), citation);
  else
    /* Translators: kind of an offered finding read from the report, and where */
    where = g_strdup_printf (_("%s · %s"), pb_finding_kind_get_label (pb_finding_get_kind (draft)), citation);
  meta = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), quote);

  if (*pb_finding_get_note (draft) != '\0')
    {
      GtkWidget *note = gtk_label_new (pb_finding_get_note (draft));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
    }

  /* Quiet buttons: a dozen suggestions must not shout over the page. */
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "panel.accept-suggestion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "x", pb_suggestion_get_id (suggestion));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "panel.dismiss-suggestion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "x", pb_suggestion_get_id (suggestion));
  gtk_box_append (GTK_BOX (buttons), add);
  /* What Ofsted asks the council to improve can be followed through time
   * as well as quoted. */
  if (pb_suggestion_get_tracked_item (suggestion) != 0)
    {
      /* Tracked already: say so, with a way to it, rather than offer
       * Track again and say "tracked" a second time. */
      GtkWidget *tracked = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "object-select-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Tracked"));
      gtk_button_set_child (GTK_BUTTON (tracked), content);
      gtk_widget_add_css_class (tracked, "flat");
      gtk_widget_add_css_class (tracked, "tracked");
      gtk_widget_set_tooltip_text (tracked, _("Tracked: Open It in Recommendations"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (tracked), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Tracked: open it in Recommendations"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (tracked), "win.show-recommendation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (tracked), "x", pb_suggestion_get_tracked_item (suggestion));
      gtk_box_append (GTK_BOX (buttons), tracked);
      g_object_set_data (G_OBJECT (row), "tracked-button", tracked);
    }
  else if (pb_finding_get_kind (draft) == PB_FINDING_KIND_RECOMMENDATION ||
           pb_finding_get_kind (draft) == PB_FINDING_KIND_AREA_FOR_IMPROVEMENT)
    {
      GtkWidget *track = gtk_button_new_with_mnemonic (_("_Track"));

      gtk_widget_add_css_class (track, "flat");
      gtk_widget_set_tooltip_text (track, _("Follow this recommendation in Recommendations"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (track), "panel.track-suggestion");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (track), "x", pb_suggestion_get_id (suggestion));
      gtk_box_append (GTK_BOX (buttons), track);
    }
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "suggestion");
  g_object_set_data_full (G_OBJECT (row), "suggestion-id",
                          g_memdup2 (&(gint64) { pb_suggestion_get_id (suggestion) }, sizeof (gint64)), g_free);

  return row;
}

/* "Suggested (8)", with Add All and Dismiss All under it. */
static void
add_suggestions_header (PbFindingsPanel *self)
{
  g_autofree char *title = g_strdup_printf (_("Suggested (%u)"), self->suggestions->len);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *add_all = gtk_button_new_with_mnemonic (_("Add _All"));
  GtkWidget *dismiss_all = gtk_button_new_with_mnemonic (_("D_ismiss All"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (add_all, _("Add every suggestion whose cohort is known as a finding"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_all), "panel.accept-all-suggestions");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss_all), "panel.dismiss-all-suggestions");
  gtk_widget_add_css_class (add_all, "flat");
  gtk_widget_add_css_class (dismiss_all, "flat");
  gtk_box_append (GTK_BOX (buttons), add_all);
  gtk_box_append (GTK_BOX (buttons), dismiss_all);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

static GtkWidget *
make_finding_row (PbFindingsPanel *self,
                  PbFinding       *finding)
{
  g_autoptr(GMenuModel) menu = pb_finding_menu_new (finding, self->cohorts, self->packs, "panel",
                                                    PB_FINDING_MENU_SHOW | PB_FINDING_MENU_PACKS);

  return pb_finding_row_new (finding, self->cohorts, menu);
}

static void
rebuild (PbFindingsPanel *self)
{
  g_autofree char *filter = g_utf8_casefold (gtk_editable_get_text (self->filter_entry), -1);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  gboolean by_page = gtk_drop_down_get_selected (self->group_dropdown) == 1;
  guint n = self->findings ? g_list_model_get_n_items (self->findings) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (by_page)
    {
      guint current_page = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);

          if (!matches_filter (finding, filter))
            continue;

          if (pb_finding_get_page (finding) != current_page)
            {
              g_autofree char *title = NULL;

              current_page = pb_finding_get_page (finding);
              title = g_strdup_printf (_("Page %u"), current_page);
              add_header (self, title, NULL);
            }

          gtk_list_box_append (self->list, make_finding_row (self, finding));
          g_hash_table_add (shown, finding);
        }
    }
  else
    {
      for (guint c = 0; self->cohorts && c < self->cohorts->len; c++)
        {
          PbCohort *cohort = g_ptr_array_index (self->cohorts, c);
          gboolean header = FALSE;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);

              if (!pb_finding_has_cohort (finding, pb_cohort_get_slug (cohort)) ||
                  !matches_filter (finding, filter))
                continue;

              if (!header)
                add_header (self, pb_cohort_get_name (cohort), pb_cohort_get_color (cohort));
              header = TRUE;

              gtk_list_box_append (self->list, make_finding_row (self, finding));
              g_hash_table_add (shown, finding);
            }
        }
    }

  /* The officer's own first; what the report suggests waits below them. */
  if (self->suggestions != NULL && self->suggestions->len > 0)
    {
      add_suggestions_header (self);
      for (guint i = 0; i < self->suggestions->len; i++)
        gtk_list_box_append (self->list, make_suggestion_row (self, g_ptr_array_index (self->suggestions, i)));
    }

  self->n_shown = g_hash_table_size (shown);
  gtk_stack_set_visible_child_name (self->stack,
                                    n > 0 || (self->suggestions && self->suggestions->len > 0)
                                      ? "list" : "empty");
}

static void
row_activated_cb (PbFindingsPanel *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  if (PB_IS_FINDING_ROW (row))
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, pb_finding_row_get_finding (PB_FINDING_ROW (row)));
}

static void
pb_findings_panel_dispose (GObject *object)
{
  PbFindingsPanel *self = (PbFindingsPanel *)object;

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_FINDINGS_PANEL);

  G_OBJECT_CLASS (pb_findings_panel_parent_class)->dispose (object);
}

static void
pb_findings_panel_class_init (PbFindingsPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pb_findings_panel_dispose;

  /**
   * PbFindingsPanel::finding-activated:
   * @finding: the finding to show
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbFindingsPanel::suggestion-accepted:
   * @suggestion: the highlight to make a finding of
   */
  signals [SUGGESTION_ACCEPTED] =
    g_signal_new ("suggestion-accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_SUGGESTION);

  /**
   * PbFindingsPanel::suggestion-dismissed:
   * @suggestion: the highlight not to offer again
   */
  signals [SUGGESTION_DISMISSED] =
    g_signal_new ("suggestion-dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_SUGGESTION);

  /**
   * PbFindingsPanel::all-suggestions:
   * @accepted: %TRUE for Add All, %FALSE for Dismiss All
   */
  signals [ALL_SUGGESTIONS] =
    g_signal_new ("all-suggestions", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * PbFindingsPanel::edit-requested:
   * @finding: the finding to open in its editor
   */
  signals [EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbFindingsPanel::delete-requested:
   * @finding: the finding to delete
   */
  signals [DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  /**
   * PbFindingsPanel::retag-requested:
   * @finding: the finding
   * @slug: a cohort
   * @add: whether to tag it with the cohort, or take the cohort off
   */
  signals [RETAG_REQUESTED] =
    g_signal_new ("retag-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, PB_TYPE_FINDING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * PbFindingsPanel::pack-requested:
   * @finding: the finding
   * @pack_id: the pack to add it to, or 0 for a new one
   */
  signals [PACK_REQUESTED] =
    g_signal_new ("pack-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PB_TYPE_FINDING, G_TYPE_INT64);

  /**
   * PbFindingsPanel::track-suggestion:
   * @suggestion: a recommendation or area for improvement to track
   *
   * Offered only for those two kinds; the suggestion stays offered.
   */
  signals [TRACK_SUGGESTION] =
    g_signal_new ("track-suggestion", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_SUGGESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, rebuild);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "panel.accept-suggestion", "x", suggestion_action);
  gtk_widget_class_install_action (widget_class, "panel.dismiss-suggestion", "x", suggestion_action);
  gtk_widget_class_install_action (widget_class, "panel.accept-all-suggestions", NULL, all_suggestions_action);
  gtk_widget_class_install_action (widget_class, "panel.dismiss-all-suggestions", NULL, all_suggestions_action);
  gtk_widget_class_install_action (widget_class, "panel.show-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-finding", "x", finding_action);
  gtk_widget_class_install_action (widget_class, "panel.retag-finding", "(xsb)", finding_action);
  gtk_widget_class_install_action (widget_class, "panel.pack-finding", "(xx)", finding_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-focused", NULL, delete_focused_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "panel.delete-focused", NULL);
  gtk_widget_class_install_action (widget_class, "panel.track-suggestion", "x", suggestion_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingspanel");
}

static void
pb_findings_panel_init (PbFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
pb_findings_panel_new (void)
{
  return g_object_new (PB_TYPE_FINDINGS_PANEL, NULL);
}

/**
 * pb_findings_panel_set_model:
 * @findings: (nullable): the report's findings, followed as they change
 * @cohorts: (nullable) (element-type PbCohort): the library's cohorts, in order
 * @packs: (nullable) (element-type PbPack): the library's packs, for each
 *   finding's Add to Pack
 */
void
pb_findings_panel_set_model (PbFindingsPanel *self,
                             GListModel      *findings,
                             GPtrArray       *cohorts,
                             GPtrArray       *packs)
{
  g_return_if_fail (PB_IS_FINDINGS_PANEL (self));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_object (findings, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  if (cohorts != NULL)
    self->cohorts = g_ptr_array_ref (cohorts);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  if (packs != NULL)
    self->packs = g_ptr_array_ref (packs);

  rebuild (self);
}

/* How many different findings the panel lists now. */
guint
pb_findings_panel_get_n_shown (PbFindingsPanel *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_PANEL (self), 0);
  return self->n_shown;
}

/**
 * pb_findings_panel_set_suggestions:
 * @suggestions: (nullable) (element-type PbSuggestion): passages offered
 */
void
pb_findings_panel_set_suggestions (PbFindingsPanel *self,
                                   GPtrArray       *suggestions)
{
  g_return_if_fail (PB_IS_FINDINGS_PANEL (self));

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (suggestions != NULL)
    self->suggestions = g_ptr_array_ref (suggestions);
  rebuild (self);
}

guint
pb_findings_panel_get_n_suggestions (PbFindingsPanel *self)
{
  g_return_val_if_fail (PB_IS_FINDINGS_PANEL (self), 0);
  return self->suggestions ? self->suggestions->len : 0;
}

/**
 * pb_findings_panel_focus_tracked:
 * @suggestion_id: a suggestion the panel shows
 *
 * Puts the keyboard on the suggestion's Tracked button, where its Track
 * button was: the panel is built again when a recommendation is tracked,
 * and the focus would otherwise be lost.
 *
 * Returns: whether the suggestion is shown and tracked
 */
gboolean
pb_findings_panel_focus_tracked (PbFindingsPanel *self,
                                 gint64           suggestion_id)
{
  g_return_val_if_fail (PB_IS_FINDINGS_PANEL (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "suggestion-id");
      GtkWidget *tracked = g_object_get_data (G_OBJECT (row), "tracked-button");

      if (id != NULL && *id == suggestion_id && tracked != NULL)
        return gtk_widget_grab_focus (tracked);
    }
  return FALSE;
}
