/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-findings-panel.h"

/* The findings of the report being read, beside its pages: grouped by cohort
 * (a finding about two cohorts is under both) or by page, and filtered by
 * words in the quote or note. Activating one shows it on the page. */

struct _PbFindingsPanel
{
  GtkWidget     parent_instance;

  GListModel   *findings;
  GPtrArray    *cohorts;     /* PbCohort */
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
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static PbCohort *
cohort_by_slug (PbFindingsPanel *self,
                const char      *slug)
{
  for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
    if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (self->cohorts, i)), slug))
      return g_ptr_array_index (self->cohorts, i);
  return NULL;
}

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

/* "¶24, p. 9" where the paragraph is known, else "p. 9". */
static char *
format_citation (PbFinding *finding)
{
  if (pb_finding_get_paragraph (finding) > 0)
    /* Translators: a numbered paragraph and its page, "¶24, p. 9" */
    return g_strdup_printf (_("¶%u, p. %u"), pb_finding_get_paragraph (finding), pb_finding_get_page (finding));
  /* Translators: a page reference, "p. 9" */
  return g_strdup_printf (_("p. %u"), pb_finding_get_page (finding));
}

static GtkWidget *
make_row (PbFindingsPanel *self,
          PbFinding       *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *kind;
  GtkWidget *quote;
  g_autofree char *meta_text = NULL;
  g_autofree char *citation = NULL;
  const char * const *cohorts = pb_finding_get_cohorts (finding);

  for (guint i = 0; cohorts[i] != NULL; i++)
    {
      PbCohort *cohort = cohort_by_slug (self, cohorts[i]);
      gtk_box_append (GTK_BOX (meta), pb_cohort_dot_new (cohort ? pb_cohort_get_color (cohort) : NULL));
    }

  citation = format_citation (finding);
  /* Translators: kind of finding, then where: "Strength · ¶24, p. 9" */
  meta_text = g_strdup_printf (_("%s · %s%s"), pb_finding_kind_get_label (pb_finding_get_kind (finding)),
                               citation, pb_finding_get_exempt (finding) ? _(" · exempt") : "");
  kind = gtk_label_new (meta_text);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_box_append (GTK_BOX (meta), kind);

  quote = gtk_label_new (pb_finding_get_quote (finding));
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), quote);

  if (*pb_finding_get_note (finding) != '\0')
    {
      GtkWidget *note = gtk_label_new (pb_finding_get_note (finding));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "pb-finding", g_object_ref (finding), g_object_unref);

  return row;
}

static void
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
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 8);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

static void
suggestion_button_cb (GtkButton       *button,
                      PbFindingsPanel *self)
{
  PbSuggestion *suggestion = g_object_get_data (G_OBJECT (button), "pb-suggestion");
  gboolean accept = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pb-accept"));

  g_signal_emit (self, signals [accept ? SUGGESTION_ACCEPTED : SUGGESTION_DISMISSED], 0, suggestion);
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
  g_autofree char *citation = format_citation (draft);
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

  gtk_widget_add_css_class (add, "suggested-action");
  g_object_set_data (G_OBJECT (add), "pb-accept", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (add), "pb-suggestion", g_object_ref (suggestion), g_object_unref);
  g_object_set_data_full (G_OBJECT (dismiss), "pb-suggestion", g_object_ref (suggestion), g_object_unref);
  g_signal_connect (add, "clicked", G_CALLBACK (suggestion_button_cb), self);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (suggestion_button_cb), self);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
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

  /* Highlights the PDF came with come first: they wait for a decision. */
  if (self->suggestions != NULL && self->suggestions->len > 0)
    {
      add_header (self, _("Suggested Findings"), NULL);
      for (guint i = 0; i < self->suggestions->len; i++)
        gtk_list_box_append (self->list, make_suggestion_row (self, g_ptr_array_index (self->suggestions, i)));
    }

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

          gtk_list_box_append (self->list, make_row (self, finding));
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

              gtk_list_box_append (self->list, make_row (self, finding));
              g_hash_table_add (shown, finding);
            }
        }
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
  PbFinding *finding = g_object_get_data (G_OBJECT (row), "pb-finding");

  if (finding != NULL)
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
pb_findings_panel_dispose (GObject *object)
{
  PbFindingsPanel *self = (PbFindingsPanel *)object;

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PbFindingsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, rebuild);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

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
 */
void
pb_findings_panel_set_model (PbFindingsPanel *self,
                             GListModel      *findings,
                             GPtrArray       *cohorts)
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
