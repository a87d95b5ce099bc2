/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack-section-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-pack-items.h"
#include "pb-pack-section-dialog.h"
#include "pb-pack-sections.h"
#include "pb-pack-store.h"
#include "pb-recommendation-store.h"

/* A pack's Recommendations section (the tracker as a table, filtered by
 * authority, cohort, status, or to what is overdue or open) or its "Since
 * the last inspection" section (two reports of an authority compared), new
 * or changed. The export reads what the section shows when it runs. */

struct _PbPackSectionDialog
{
  AdwWindow          parent_instance;

  PbLibrary         *library;
  gint64             pack_id;
  gint64             section_id;     /* 0 until saved, for a new section */
  PbPackSectionKind  kind;
  GStrv              authority_list; /* as in the authority row, after "every authority" for the tracker */
  GPtrArray         *cohorts;        /* PbCohort, after "All cohorts" */
  GPtrArray         *reports;        /* PbAuthorityReport of the authority chosen */
  gboolean           filling;

  /* Template children */
  GtkLabel          *intro_label;
  GtkLabel          *error_label;
  AdwEntryRow       *title_row;
  AdwComboRow       *authority_row;
  GtkStringList     *authorities;
  GtkWidget         *tracker_group;
  AdwComboRow       *cohort_row;
  GtkStringList     *cohort_names;
  AdwComboRow       *status_row;
  GtkStringList     *status_names;
  GtkSwitch         *overdue_switch;
  GtkSwitch         *open_switch;
  GtkWidget         *comparison_group;
  AdwComboRow       *after_row;
  GtkStringList     *after_names;
  AdwComboRow       *before_row;
  GtkStringList     *before_names;
};

G_DEFINE_FINAL_TYPE (PbPackSectionDialog, pb_pack_section_dialog, ADW_TYPE_WINDOW)

/* The tracker may show every authority; a comparison needs one. */
static guint
authority_offset (PbPackSectionDialog *self)
{
  return self->kind == PB_PACK_SECTION_RECOMMENDATIONS ? 1 : 0;
}

static const char *
chosen_authority (PbPackSectionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->authority_row);
  guint offset = authority_offset (self);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= g_strv_length (self->authority_list))
    return NULL;
  return self->authority_list[selected - offset];
}

static gint
report_position (PbPackSectionDialog *self,
                 const char          *sha256)
{
  for (guint i = 0; sha256 != NULL && self->reports != NULL && i < self->reports->len; i++)
    if (g_strcmp0 (((PbAuthorityReport *)g_ptr_array_index (self->reports, i))->sha256, sha256) == 0)
      return (gint)i;
  return -1;
}

/* The authority's reports, after "the latest" and "the inspection before
 * it", the ones named chosen. */
static void
fill_reports (PbPackSectionDialog *self,
              const char          *after_sha256,
              const char          *before_sha256)
{
  const char *authority = chosen_authority (self);
  guint n_after = g_list_model_get_n_items (G_LIST_MODEL (self->after_names));
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->before_names));
  gint after, before;

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = authority ? pb_library_list_authority_reports (self->library, authority, NULL) : NULL;

  self->filling = TRUE;
  gtk_string_list_splice (self->after_names, 0, n_after, (const char * const[]) { _("The latest report"), NULL });
  gtk_string_list_splice (self->before_names, 0, n_before,
                          (const char * const[]) { _("The last inspection before it"), NULL });
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    {
      PbAuthorityReport *report = g_ptr_array_index (self->reports, i);

      gtk_string_list_append (self->after_names, report->name);
      gtk_string_list_append (self->before_names, report->name);
    }
  after = report_position (self, after_sha256);
  before = report_position (self, before_sha256);
  adw_combo_row_set_selected (self->after_row, after >= 0 ? (guint)after + 1 : 0);
  adw_combo_row_set_selected (self->before_row, before >= 0 ? (guint)before + 1 : 0);
  self->filling = FALSE;
}

static void
authority_changed_cb (PbPackSectionDialog *self)
{
  if (!self->filling && self->kind == PB_PACK_SECTION_COMPARISON)
    fill_reports (self, NULL, NULL);
}

static const char *
chosen_sha256 (PbPackSectionDialog *self,
               AdwComboRow         *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->reports == NULL || selected > self->reports->len)
    return NULL;
  return ((PbAuthorityReport *)g_ptr_array_index (self->reports, selected - 1))->sha256;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PbPackSectionDialog *self = PB_PACK_SECTION_DIALOG (widget);
  PbPackSectionSpec spec = PB_PACK_SECTION_SPEC_INIT;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *cohort = NULL;
  guint cohort_index = adw_combo_row_get_selected (self->cohort_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  spec.authority = (char *)chosen_authority (self);
  if (self->kind == PB_PACK_SECTION_RECOMMENDATIONS)
    {
      if (cohort_index > 0 && cohort_index != GTK_INVALID_LIST_POSITION && cohort_index - 1 < self->cohorts->len)
        cohort = pb_cohort_get_slug (g_ptr_array_index (self->cohorts, cohort_index - 1));
      spec.status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int)status - 1 : -1;
      spec.overdue = gtk_switch_get_active (self->overdue_switch);
      spec.open = gtk_switch_get_active (self->open_switch);
    }
  else
    {
      spec.after_sha256 = (char *)chosen_sha256 (self, self->after_row);
      spec.before_sha256 = (char *)chosen_sha256 (self, self->before_row);
    }

  if (self->section_id == 0)
    ok = (self->section_id = pb_library_add_pack_special_section (self->library, self->pack_id, self->kind, title,
                                                                  cohort, &spec, &error)) > 0;
  else
    ok = pb_library_rename_pack_section (self->library, self->section_id, title, &error) &&
         pb_library_set_pack_section_spec (self->library, self->section_id, cohort, &spec, &error);

  if (!ok)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
pb_pack_section_dialog_dispose (GObject *object)
{
  PbPackSectionDialog *self = (PbPackSectionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_PACK_SECTION_DIALOG);
  g_clear_object (&self->library);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->authority_list, g_strfreev);

  G_OBJECT_CLASS (pb_pack_section_dialog_parent_class)->dispose (object);
}

static void
pb_pack_section_dialog_class_init (PbPackSectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_pack_section_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-pack-section-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, authorities);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, tracker_group);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, cohort_names);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, status_names);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, open_switch);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, after_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, after_names);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, before_row);
  gtk_widget_class_bind_template_child (widget_class, PbPackSectionDialog, before_names);
  gtk_widget_class_bind_template_callback (widget_class, authority_changed_cb);

  gtk_widget_class_install_action (widget_class, "section.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pb_pack_section_dialog_init (PbPackSectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Every authority with tracked recommendations or reports, once each. */
static GStrv
list_authorities (PbLibrary *library)
{
  g_auto(GStrv) tracked = pb_library_list_tracked_authorities (library, NULL);
  g_auto(GStrv) reported = pb_library_list_report_authorities (library, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint pass = 0; pass < 2; pass++)
    for (char **each = pass == 0 ? tracked : reported; each != NULL && *each != NULL; each++)
      {
        gboolean known = FALSE;

        for (guint i = 0; i < seen->len; i++)
          known |= g_ascii_strcasecmp (g_ptr_array_index (seen, i), *each) == 0;
        if (!known)
          {
            g_ptr_array_add (seen, *each);
            g_strv_builder_add (builder, *each);
          }
      }
  return g_strv_builder_end (builder);
}

static PbPackSection *
find_section (GPtrArray *sections,
              gint64     id)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    if (((PbPackSection *)g_ptr_array_index (sections, i))->id == id)
      return g_ptr_array_index (sections, i);
  return NULL;
}

/**
 * pb_pack_section_dialog_new:
 * @parent: (nullable): the window it is over
 * @pack_id: the pack
 * @kind: %PB_PACK_SECTION_RECOMMENDATIONS or %PB_PACK_SECTION_COMPARISON
 * @section_id: the section to change, or 0 for a new one
 *
 * Returns: (transfer none): a dialog to add or change such a section
 */
GtkWidget *
pb_pack_section_dialog_new (GtkWindow         *parent,
                            PbLibrary         *library,
                            gint64             pack_id,
                            PbPackSectionKind  kind,
                            gint64             section_id)
{
  PbPackSectionDialog *self;
  g_autoptr(GPtrArray) sections = NULL;
  PbPackSection *section = NULL;
  guint offset;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (kind == PB_PACK_SECTION_RECOMMENDATIONS || kind == PB_PACK_SECTION_COMPARISON, NULL);

  self = g_object_new (PB_TYPE_PACK_SECTION_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->pack_id = pack_id;
  self->section_id = section_id;
  self->kind = kind;
  offset = authority_offset (self);

  if (section_id > 0 && (sections = pb_library_get_pack_sections (library, pack_id, NULL)) != NULL)
    section = find_section (sections, section_id);

  gtk_window_set_title (GTK_WINDOW (self), kind == PB_PACK_SECTION_RECOMMENDATIONS
                                           ? _("Recommendations Section") : _("Comparison Section"));
  gtk_label_set_label (self->intro_label,
                       kind == PB_PACK_SECTION_RECOMMENDATIONS
                       ? _("The pack prints the recommendation tracker as a table, each status in its colour and in "
                           "words, as it stands when the pack is exported. A public pack leaves out everything "
                           "exempt.")
                       : _("The pack prints two reports of one authority compared: each judgement then and now, and "
                           "the recommendations made again, new and no longer made."));
  gtk_widget_set_visible (self->tracker_group, kind == PB_PACK_SECTION_RECOMMENDATIONS);
  gtk_widget_set_visible (self->comparison_group, kind == PB_PACK_SECTION_COMPARISON);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         section ? section->title : kind == PB_PACK_SECTION_RECOMMENDATIONS
                                                    ? _("Recommendations") : _("Since the last inspection"));

  self->filling = TRUE;
  self->authority_list = list_authorities (library);
  if (offset > 0)
    gtk_string_list_append (self->authorities, _("Every authority"));
  gtk_string_list_splice (self->authorities, offset, 0, (const char * const *)self->authority_list);
  adw_combo_row_set_selected (self->authority_row, 0);
  for (guint i = 0; section != NULL && section->spec.authority && self->authority_list[i]; i++)
    if (g_ascii_strcasecmp (self->authority_list[i], section->spec.authority) == 0)
      adw_combo_row_set_selected (self->authority_row, i + offset);

  self->cohorts = pb_library_list_cohorts (library, NULL);
  if (self->cohorts == NULL)
    self->cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (self->cohort_names, _("All cohorts"));
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      gtk_string_list_append (self->cohort_names, pb_cohort_get_name (g_ptr_array_index (self->cohorts, i)));
      if (section != NULL && g_strcmp0 (section->cohort, pb_cohort_get_slug (g_ptr_array_index (self->cohorts, i))) == 0)
        adw_combo_row_set_selected (self->cohort_row, i + 1);
    }
  gtk_string_list_append (self->status_names, _("Any status"));
  for (guint i = 0; i < PB_N_RECOMMENDATION_STATUSES; i++)
    gtk_string_list_append (self->status_names, pb_recommendation_status_get_label (i));
  if (section != NULL && section->spec.status >= 0)
    adw_combo_row_set_selected (self->status_row, (guint)section->spec.status + 1);
  gtk_switch_set_active (self->overdue_switch, section != NULL && section->spec.overdue);
  gtk_switch_set_active (self->open_switch, section != NULL && section->spec.open);
  self->filling = FALSE;

  if (kind == PB_PACK_SECTION_COMPARISON)
    fill_reports (self, section ? section->spec.after_sha256 : NULL, section ? section->spec.before_sha256 : NULL);
  return GTK_WIDGET (self);
}

/**
 * pb_pack_section_dialog_get_section:
 *
 * Returns: the section changed or added, or 0 while a new one is not saved
 */
gint64
pb_pack_section_dialog_get_section (PbPackSectionDialog *self)
{
  g_return_val_if_fail (PB_IS_PACK_SECTION_DIALOG (self), 0);
  return self->section_id;
}
