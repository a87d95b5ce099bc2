/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-password-dialog.h"
#include "pb-reindex.h"
#include "pb-report-row.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-store.h"
#include "pb-view-state-store.h"
#include "pb-window-private.h"

G_DEFINE_FINAL_TYPE (PbWindow, pb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_IMPORTING,
  PROP_SHOW_DETAILS,
  PROP_SHOW_FINDINGS,
  PROP_SHOW_ALL_FINDINGS,
  PROP_SHOW_OVERVIEW,
  PROP_SHOW_PACKS,
  PROP_GROUPING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void start_next_job (PbWindow *self);

void
_pb_window_toast (PbWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_library_state (PbWindow *self)
{
  guint n_reports = g_list_model_get_n_items (G_LIST_MODEL (self->reports));
  g_autofree char *subtitle = NULL;

  if (n_reports > 0)
    /* Translators: the number of reports in the library, under its title */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_reports),
                                n_reports);

  adw_window_title_set_subtitle (self->sidebar_title, subtitle);

  if (self->library_search != NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->library_search)) != '\0')
    return;   /* the search results stay until the search is cleared */

  gtk_stack_set_visible_child_name (self->sidebar_stack, n_reports > 0 ? "list" : "empty");
}

static void
update_reader_controls (PbWindow *self)
{
  PbDocumentView *view;
  PbDocument *document;
  gboolean reading;
  g_autofree char *page = NULL;
  g_autofree char *total = NULL;
  g_autofree char *zoom = NULL;

  if (self->reader == NULL)
    return;   /* being destroyed */

  view = pb_reader_get_view (self->reader);
  document = pb_document_view_get_document (view);
  reading = document != NULL && !self->show_details && !self->show_all_findings && !self->show_overview &&
            !self->show_packs;

  gtk_widget_set_visible (self->page_controls, reading);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_button), reading);
  gtk_widget_set_visible (self->find_button, reading);
  gtk_widget_set_visible (self->findings_button, reading);
  gtk_widget_set_visible (self->export_findings_button, self->show_all_findings);
  gtk_widget_set_visible (self->details_button,
                          pb_window_get_selected_report (self) != NULL &&
                          !self->show_all_findings && !self->show_overview && !self->show_packs);

  if (document == NULL)
    return;

  page = g_strdup_printf ("%u", pb_document_view_get_page (view) + 1);
  /* Translators: after the page number entry: "of 12" */
  total = g_strdup_printf (_("of %u"), pb_document_get_n_pages (document));
  zoom = g_strdup_printf ("%.0f%%", pb_document_view_get_zoom (view) * 100);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry)) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->page_entry)) == NULL)
    gtk_editable_set_text (self->page_entry, page);
  gtk_label_set_label (self->page_total, total);
  gtk_menu_button_set_label (self->zoom_button, zoom);

  _pb_window_update_actions (self);
}

static void
update_content (PbWindow *self)
{
  PbReport *report = pb_window_get_selected_report (self);
  guint n_reports = g_list_model_get_n_items (G_LIST_MODEL (self->reports));

  if (self->reader == NULL)
    return;   /* being destroyed */

  pb_report_details_set_report (self->report_details, report);

  if (self->show_all_findings)
    {
      adw_window_title_set_title (self->content_title, _("Findings"));
      adw_window_title_set_subtitle (self->content_title, _("In every report"));
      gtk_stack_set_visible_child_name (self->content_stack, "findings");
      update_reader_controls (self);
      _pb_window_update_actions (self);
      return;
    }

  if (self->show_packs)
    {
      adw_window_title_set_title (self->content_title, _("Briefing Packs"));
      adw_window_title_set_subtitle (self->content_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "packs");
      update_reader_controls (self);
      _pb_window_update_actions (self);
      return;
    }

  if (self->show_overview)
    {
      adw_window_title_set_title (self->content_title, _("Grades Over Time"));
      adw_window_title_set_subtitle (self->content_title, _("Each cohort, inspection by inspection"));
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
      update_reader_controls (self);
      _pb_window_update_actions (self);
      return;
    }

  adw_window_title_set_subtitle (self->content_title, NULL);
  if (report != NULL)
    {
      g_autoptr(PbStructure) structure = pb_library_get_structure (self->library, pb_report_get_id (report), NULL);

      /* Reports imported before structure was read: read it now, once. */
      if (structure == NULL && pb_library_read_structure (self->library, pb_report_get_id (report), NULL))
        structure = pb_library_get_structure (self->library, pb_report_get_id (report), NULL);

      pb_report_details_set_structure (self->report_details, structure);
      if (structure != NULL && structure->type != PB_DOCUMENT_OTHER)
        {
          g_autofree char *dates = pb_format_inspection_dates (structure);
          g_autofree char *subtitle = dates ? g_strdup_printf ("%s · %s", pb_document_type_get_label (structure->type), dates)
                                            : g_strdup (pb_document_type_get_label (structure->type));

          adw_window_title_set_subtitle (self->content_title, subtitle);
        }
    }
  else
    pb_report_details_set_structure (self->report_details, NULL);

  pb_reader_open (self->reader, self->library, report);

  if (report != NULL)
    {
      adw_window_title_set_title (self->content_title, pb_report_get_title (report));
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->show_details ? "details" : "reader");
    }
  else
    {
      adw_window_title_set_title (self->content_title, _("Panel Brief"));
      gtk_stack_set_visible_child_name (self->content_stack,
                                        n_reports > 0 ? "unselected" : "empty");
    }

  update_reader_controls (self);
  _pb_window_update_actions (self);
}

static void
controls_idle_cb (gpointer data)
{
  PbWindow *self = data;

  self->controls_idle = 0;
  update_reader_controls (self);
}

/* The view reports page and zoom changes while it is being laid out; changing
 * the header bar then would come too late for this frame, so it waits. */
static void
queue_update_reader_controls (PbWindow *self)
{
  /* A reader still closing its report as the window goes away. */
  if (self->disposed)
    return;

  /* What can be done is known now; only the header bar waits. */
  _pb_window_update_actions (self);

  if (self->controls_idle == 0)
    self->controls_idle = g_idle_add_once (controls_idle_cb, self);
}

void
_pb_window_set_show_details (PbWindow *self,
                             gboolean  show_details)
{
  show_details = !!show_details;
  if (self->show_details == show_details)
    return;

  self->show_details = show_details;
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_DETAILS]);
}

/* The findings table, the overview and the packs take the content area
 * in turn: showing one leaves the others. */
static void
leave_other_views (PbWindow *self,
                   guint     keep)
{
  static const guint views[] = { PROP_SHOW_ALL_FINDINGS, PROP_SHOW_OVERVIEW, PROP_SHOW_PACKS };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gboolean *flag = views[i] == PROP_SHOW_ALL_FINDINGS ? &self->show_all_findings
                       : views[i] == PROP_SHOW_OVERVIEW ? &self->show_overview : &self->show_packs;

      if (views[i] == keep || !*flag)
        continue;
      *flag = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [views[i]]);
    }
}

static void
set_show_all_findings (PbWindow *self,
                       gboolean  show)
{
  show = !!show;
  if (self->show_all_findings == show)
    return;

  self->show_all_findings = show;
  if (show)
    {
      pb_findings_view_refresh (self->findings_view);
      leave_other_views (self, PROP_SHOW_ALL_FINDINGS);
    }
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_ALL_FINDINGS]);
}

static void
set_show_overview (PbWindow *self,
                   gboolean  show)
{
  show = !!show;
  if (self->show_overview == show)
    return;

  self->show_overview = show;
  if (show)
    {
      pb_cohort_overview_refresh (self->cohort_overview);
      leave_other_views (self, PROP_SHOW_OVERVIEW);
    }
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_OVERVIEW]);
}

static void
set_show_packs (PbWindow *self,
                gboolean  show)
{
  show = !!show;
  if (self->show_packs == show)
    return;

  self->show_packs = show;
  if (show)
    leave_other_views (self, PROP_SHOW_PACKS);
  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_PACKS]);
  if (show)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A grade in the overview: open its report at the section that gives it. */
static void
overview_open_page_cb (PbWindow         *self,
                       gint64            report_id,
                       guint             page,
                       PbCohortOverview *overview)
{
  set_show_overview (self, FALSE);
  _pb_window_set_show_details (self, FALSE);
  if (pb_window_select_report (self, report_id))
    pb_reader_show_page (self->reader, page - 1);
}

/* A row of the findings table or a pack: open its report at the passage. */
static void
all_findings_activated_cb (PbWindow  *self,
                           PbFinding *finding)
{
  set_show_all_findings (self, FALSE);
  set_show_packs (self, FALSE);
  _pb_window_set_show_details (self, FALSE);
  if (pb_window_select_report (self, pb_finding_get_report_id (finding)))
    pb_reader_show_finding (self->reader, finding);
}

static void
page_entry_activate_cb (PbWindow *self)
{
  const char *text = gtk_editable_get_text (self->page_entry);
  PbDocumentView *view = pb_reader_get_view (self->reader);
  guint64 page;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &page, NULL))
    pb_document_view_set_page (view, (guint)page - 1);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  update_reader_controls (self);
}

/* Library search */

static char *
find_text_for_query (const char *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *quote = strchr (query, '"');

  /* A quoted phrase is what to look for on the page; otherwise the first word. */
  if (quote != NULL)
    {
      const char *end = strchr (quote + 1, '"');
      g_string_append_len (text, quote + 1, end ? end - quote - 1 : (gssize)strlen (quote + 1));
    }
  else
    {
      g_auto(GStrv) words = g_strsplit_set (query, " \t", -1);

      for (guint i = 0; words[i]; i++)
        if (*words[i] != '\0' && !g_str_equal (words[i], "OR"))
          {
            g_string_append (text, words[i]);
            break;
          }
    }

  g_strdelimit (text->str, "*", ' ');
  g_strstrip (text->str);
  return g_strdup (text->str);
}

static void
library_search_changed_cb (PbWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->library_search));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0')
    {
      g_list_store_remove_all (self->hits);
      update_library_state (self);
      return;
    }

  hits = pb_library_search (self->library, text, 200, &error);
  if (hits == NULL)
    {
      g_list_store_remove_all (self->hits);
      gtk_label_set_label (self->no_hits_label, error->message);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-hits");
      return;
    }

  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       hits->pdata, hits->len);
  gtk_label_set_label (self->no_hits_label, _("No report mentions that."));
  gtk_stack_set_visible_child_name (self->sidebar_stack, hits->len > 0 ? "search" : "no-hits");
}

static void
open_hit (PbWindow    *self,
          PbSearchHit *hit)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->library_search));
  g_autofree char *find_text = find_text_for_query (query);

  if (!pb_window_select_report (self, pb_search_hit_get_report_id (hit)))
    return;

  _pb_window_set_show_details (self, FALSE);
  pb_document_view_set_page (pb_reader_get_view (self->reader), pb_search_hit_get_page (hit) - 1);
  if (*find_text != '\0')
    pb_reader_find (self->reader, find_text, (int)pb_search_hit_get_page (hit) - 1);
}

static void
hit_activated_cb (PbWindow    *self,
                  guint        position,
                  GtkListView *view)
{
  g_autoptr(PbSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
library_search_activate_cb (PbWindow *self)
{
  g_autoptr(PbSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
hit_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *page = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (page), 0);
  gtk_widget_add_css_class (page, "caption");
  gtk_widget_add_css_class (page, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
hit_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  PbSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *page = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (page);
  g_autofree char *page_text = NULL;
  g_autofree char *markup = pb_search_hit_dup_snippet_markup (hit);

  /* Translators: where a search hit is */
  page_text = g_strdup_printf (_("Page %u"), pb_search_hit_get_page (hit));
  gtk_label_set_label (GTK_LABEL (title), pb_search_hit_get_report_title (hit));
  gtk_label_set_label (GTK_LABEL (page), page_text);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
}

/* The sidebar, as one list or in groups */

static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  if (PB_IS_REPORT_GROUP (item))
    return g_object_ref (pb_report_group_get_reports (PB_REPORT_GROUP (item)));
  return NULL;
}

static void
setup_row_cb (PbWindow                 *self,
              GtkListItem              *list_item,
              GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, gtk_tree_expander_new ());
}

static GtkWidget *
group_heading_new (PbReportGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (pb_report_group_get_title (group));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  g_object_bind_property (group, "n-reports", count, "label", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
bind_row_cb (PbWindow                 *self,
             GtkListItem              *list_item,
             GtkSignalListItemFactory *factory)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  GtkWidget *child = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);

  if (PB_IS_REPORT_GROUP (item))
    {
      /* A heading opens and closes; only reports are chosen. */
      gtk_tree_expander_set_child (expander, group_heading_new (PB_REPORT_GROUP (item)));
      gtk_tree_expander_set_indent_for_icon (expander, TRUE);
      gtk_list_item_set_selectable (list_item, FALSE);
      return;
    }

  if (!PB_IS_REPORT_ROW (child))
    gtk_tree_expander_set_child (expander, child = pb_report_row_new (NULL));
  pb_report_row_set_report (PB_REPORT_ROW (child), PB_REPORT (item));
  gtk_tree_expander_set_indent_for_icon (expander, FALSE);
  gtk_list_item_set_selectable (list_item, TRUE);
}

static gboolean
same_groups (GListModel *a,
             GListModel *b)
{
  if (g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PbReportGroup) group_a = g_list_model_get_item (a, i);
      g_autoptr(PbReportGroup) group_b = g_list_model_get_item (b, i);

      if (g_strcmp0 (pb_report_group_get_title (group_a), pb_report_group_get_title (group_b)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Shows the reports as one list or under their groups.  Groups come and go
 * with the reports in them; the report being read stays chosen throughout. */
static void
update_groups (PbWindow *self,
               gboolean  force)
{
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GListModel) wanted = NULL;
  g_autoptr(PbReport) keep = self->selected_report ? g_object_ref (self->selected_report) : NULL;

  if (self->root_models == NULL)
    return;

  shown = g_list_model_get_item (G_LIST_MODEL (self->root_models), 0);
  if (self->grouping == PB_GROUPING_NONE)
    wanted = g_object_ref (G_LIST_MODEL (self->reports));
  else
    wanted = G_LIST_MODEL (pb_report_groups_new (G_LIST_MODEL (self->reports), self->grouping));

  /* Reports moving within the same groups need nothing: each group's list
   * follows the library by itself, as the one list does. */
  if (!force && shown != NULL &&
      (shown == wanted || (!PB_IS_REPORT_LIST (shown) && !PB_IS_REPORT_LIST (wanted) &&
                           same_groups (shown, wanted))))
    return;

  self->regrouping = TRUE;
  g_list_store_splice (self->root_models, 0, shown ? 1 : 0, (gpointer *)&wanted, 1);
  if (keep != NULL)
    pb_window_select_report (self, pb_report_get_id (keep));
  self->regrouping = FALSE;
}

static void
regroup_idle_cb (gpointer data)
{
  PbWindow *self = data;

  self->regroup_idle = 0;
  update_groups (self, FALSE);
}

static void
set_grouping (PbWindow   *self,
              PbGrouping  grouping)
{
  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  update_groups (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUPING]);
}

static void
reports_changed_cb (PbWindow   *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  /* Groups change once the list has finished changing, not in the middle
   * of telling everyone about it. */
  if (self->grouping != PB_GROUPING_NONE && self->regroup_idle == 0)
    self->regroup_idle = g_idle_add_once (regroup_idle_cb, self);
  update_library_state (self);
  update_content (self);
}

static void
selection_changed_cb (PbWindow   *self,
                      GParamSpec *pspec,
                      GtkSingleSelection *selection)
{
  PbReport *report = pb_window_get_selected_report (self);

  if (self->regrouping)
    return;

  /* Reports added or removed around the one shown move it in the list
   * without changing what the user is looking at. */
  if (report == self->selected_report)
    return;
  g_set_object (&self->selected_report, report);

  /* Choosing a report goes to it, out of the findings table. */
  if (report != NULL && self->show_all_findings)
    {
      self->show_all_findings = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_ALL_FINDINGS]);
    }
  if (report != NULL && self->show_overview)
    {
      self->show_overview = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_OVERVIEW]);
    }
  if (report != NULL && self->show_packs)
    {
      self->show_packs = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_PACKS]);
    }

  update_content (self);

  if (report != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
report_activated_cb (PbWindow    *self,
                     guint        position,
                     GtkListView *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  /* A group's heading opens or closes the group. */
  if (PB_IS_REPORT_GROUP (item))
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Import outcomes */

static const char *
result_name (PbImportResult *result)
{
  return g_object_get_data (G_OBJECT (result), "pb-display-name");
}

static void
forget_password (gpointer data)
{
  char *password = data;

  memset (password, 0, strlen (password));
  g_free (password);
}

/* A password typed to import a report also opens it for reading, until the
 * window closes. It is kept in memory only, never in the library. */
static void
remember_password (PbWindow       *self,
                   PbImportJob    *job,
                   PbImportResult *result)
{
  const char *password = g_object_get_data (G_OBJECT (job), "pb-password");

  if (password != NULL)
    pb_reader_remember_password (self->reader, pb_import_result_get_report_id (result), password);
}

static void
file_finished_cb (PbWindow       *self,
                  PbImportResult *result,
                  PbImportJob    *job)
{
  const GError *error = pb_import_result_get_error (result);

  g_object_set_data_full (G_OBJECT (result), "pb-display-name",
                          g_file_get_basename (pb_import_result_get_file (result)), g_free);

  switch (pb_import_result_get_status (result))
    {
    case PB_IMPORT_STATUS_IMPORTED:
      self->n_imported++;
      self->last_report_id = pb_import_result_get_report_id (result);
      remember_password (self, job, result);
      break;

    case PB_IMPORT_STATUS_DUPLICATE:
      self->n_duplicates++;
      self->last_report_id = pb_import_result_get_report_id (result);
      remember_password (self, job, result);
      break;

    case PB_IMPORT_STATUS_FAILED:
    default:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;
      if (g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED) ||
          g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD))
        g_ptr_array_add (self->locked, g_object_ref (result));
      else
        g_ptr_array_add (self->failures, g_object_ref (result));
      break;
    }
}

static void
show_failures (PbWindow *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->failures->len == 0)
    return;

  if (self->failures->len == 1)
    {
      PbImportResult *result = g_ptr_array_index (self->failures, 0);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” Was Not Imported"), result_name (result));
      g_string_append (body, pb_import_result_get_error (result)->message);
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u File Was Not Imported",
                                              "%u Files Were Not Imported",
                                              self->failures->len),
                                 self->failures->len);
      for (guint i = 0; i < self->failures->len; i++)
        {
          PbImportResult *result = g_ptr_array_index (self->failures, i);

          if (i > 0)
            g_string_append (body, "\n\n");
          g_string_append (body, pb_import_result_get_error (result)->message);
        }
    }

  g_string_append (body, "\n\n");
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "Nothing was added to the library for this file.",
                                      "Nothing was added to the library for these files.",
                                      self->failures->len));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
password_response_cb (PbWindow         *self,
                      const char       *password,
                      PbPasswordDialog *dialog)
{
  GFile *file = pb_password_dialog_get_file (dialog);

  if (password != NULL)
    _pb_window_import_with_password (self, file, password);
}

static void
ask_for_passwords (PbWindow *self)
{
  for (guint i = 0; i < self->locked->len; i++)
    {
      PbImportResult *result = g_ptr_array_index (self->locked, i);
      const GError *error = pb_import_result_get_error (result);
      gboolean retry = g_error_matches (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD);
      PbPasswordDialog *dialog;

      dialog = pb_password_dialog_new (GTK_WINDOW (self), pb_import_result_get_file (result), retry);
      g_signal_connect_object (dialog, "password-entered", G_CALLBACK (password_response_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
announce_outcome (PbWindow *self)
{
  g_autofree char *message = NULL;

  if (self->last_report_id > 0)
    pb_window_select_report (self, self->last_report_id);

  if (self->n_imported == 1 && self->n_duplicates == 0)
    {
      g_autoptr(PbReport) report = pb_library_get_report (self->library, self->last_report_id, NULL);

      if (report != NULL)
        message = g_strdup_printf (_("Imported “%s”"), pb_report_get_title (report));
    }
  else if (self->n_imported > 0)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u report",
                                              "Imported %u reports", self->n_imported),
                                 self->n_imported);
    }
  else if (self->n_duplicates == 1)
    {
      message = g_strdup (_("That report is already in the library"));
    }
  else if (self->n_duplicates > 1)
    {
      message = g_strdup (_("Those reports are already in the library"));
    }

  if (message != NULL)
    _pb_window_toast (self, message);

  show_failures (self);
  ask_for_passwords (self);
}

static void
job_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PbWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = pb_import_job_run_finish (PB_IMPORT_JOB (object), result, &error);

  /* The window closed while the import ran: the library has the outcome, and
   * there is no one left to tell. */
  if (self->import_progress == NULL)
    {
      g_clear_object (&self->running_job);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _pb_window_toast (self, _("Import cancelled. Reports already imported were kept."));
  else
    announce_outcome (self);

  g_clear_object (&self->running_job);
  g_clear_object (&self->import_cancellable);
  pb_import_progress_set_job (self->import_progress, NULL, NULL);

  start_next_job (self);
}

static void
start_next_job (PbWindow *self)
{
  if (self->running_job != NULL)
    return;

  if (!(self->running_job = g_queue_pop_head (&self->pending_jobs)))
    {
      _pb_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
      return;
    }

  g_ptr_array_set_size (self->failures, 0);
  g_ptr_array_set_size (self->locked, 0);
  self->n_imported = 0;
  self->n_duplicates = 0;
  self->last_report_id = 0;
  self->import_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->running_job, "file-finished",
                           G_CALLBACK (file_finished_cb), self, G_CONNECT_SWAPPED);
  pb_import_progress_set_job (self->import_progress, self->running_job, self->import_cancellable);
  pb_import_job_run_async (self->running_job, self->import_cancellable,
                           job_finished_cb, g_object_ref (self));

  _pb_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPORTING]);
}

static void
queue_job (PbWindow    *self,
           PbImportJob *job)
{
  g_queue_push_tail (&self->pending_jobs, job);
  start_next_job (self);
}

void
_pb_window_import_with_password (PbWindow   *self,
                                 GFile      *file,
                                 const char *password)
{
  PbImportJob *job = pb_import_job_new (self->library, &file, 1);

  pb_import_job_set_password (job, password);
  g_object_set_data_full (G_OBJECT (job), "pb-password", g_strdup (password), forget_password);
  queue_job (self, job);
}

/* Drag and drop */

static gboolean
drop_cb (PbWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0)
    return FALSE;

  pb_window_import_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}

/* Window state */

static void
restore_window_state (PbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
pb_window_close_request (GtkWindow *window)
{
  PbWindow *self = PB_WINDOW (window);

  if (self->reader != NULL)
    pb_reader_save_state (self->reader);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  /* An import still running is finished by its own transaction or rolled back;
   * cancelling here means nothing half-done is left behind. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  return GTK_WINDOW_CLASS (pb_window_parent_class)->close_request (window);
}

static void
cache_size_changed_cb (PbWindow *self)
{
  guint megabytes = g_settings_get_uint (self->settings, "page-cache-size");

  pb_document_view_set_cache_budget (pb_reader_get_view (self->reader),
                                     (gsize)megabytes * 1024 * 1024);
}

static void
pb_window_constructed (GObject *object)
{
  PbWindow *self = (PbWindow *)object;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (pb_window_parent_class)->constructed (object);

  g_assert (PB_IS_LIBRARY (self->library));

  if (PB_IS_APPLICATION (app) && pb_application_get_settings (PB_APPLICATION (app)))
    self->settings = g_object_ref (pb_application_get_settings (PB_APPLICATION (app)));
  restore_window_state (self);

  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::page-cache-size",
                               G_CALLBACK (cache_size_changed_cb), self, G_CONNECT_SWAPPED);
      cache_size_changed_cb (self);
    }

  self->reports = pb_report_list_new (self->library);
  self->root_models = g_list_store_new (G_TYPE_LIST_MODEL);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->root_models)))),
                                        FALSE, TRUE, create_children_cb, NULL, NULL);
  update_groups (self, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->report_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->reports, "items-changed",
                           G_CALLBACK (reports_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  if (!pb_report_list_reload (self->reports, &error))
    _pb_window_toast (self, error->message);

  /* Grouping follows the settings once the list exists to group. */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "library-grouping", self, "grouping", G_SETTINGS_BIND_DEFAULT);

  pb_findings_view_set_library (self->findings_view, self->library);
  pb_cohort_overview_set_library (self->cohort_overview, self->library);
  pb_packs_view_set_library (self->packs_view, self->library);

  /* Back where the user left off. */
  pb_window_select_report (self, pb_library_get_last_read_report (self->library));

  update_library_state (self);
  update_content (self);
}

static void
pb_window_dispose (GObject *object)
{
  PbWindow *self = (PbWindow *)object;

  self->disposed = TRUE;
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  g_queue_clear_full (&self->pending_jobs, g_object_unref);
  g_clear_handle_id (&self->controls_idle, g_source_remove);
  g_clear_handle_id (&self->regroup_idle, g_source_remove);
  g_clear_object (&self->selected_report);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_WINDOW);

  G_OBJECT_CLASS (pb_window_parent_class)->dispose (object);
}

static void
pb_window_finalize (GObject *object)
{
  PbWindow *self = (PbWindow *)object;

  g_clear_object (&self->running_job);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->root_models);
  g_clear_object (&self->reports);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->locked, g_ptr_array_unref);
  g_clear_object (&self->hits);
  g_clear_pointer (&self->passwords, g_hash_table_unref);

  G_OBJECT_CLASS (pb_window_parent_class)->finalize (object);
}

static void
pb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, pb_window_get_importing (self));
      break;

    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;

    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, self->show_findings);
      break;

    case PROP_SHOW_ALL_FINDINGS:
      g_value_set_boolean (value, self->show_all_findings);
      break;

    case PROP_SHOW_OVERVIEW:
      g_value_set_boolean (value, self->show_overview);
      break;

    case PROP_SHOW_PACKS:
      g_value_set_boolean (value, self->show_packs);
      break;

    case PROP_GROUPING:
      g_value_set_string (value, pb_grouping_to_string (self->grouping));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_SHOW_DETAILS:
      _pb_window_set_show_details (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_ALL_FINDINGS:
      set_show_all_findings (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_OVERVIEW:
      set_show_overview (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PACKS:
      set_show_packs (self, g_value_get_boolean (value));
      break;

    case PROP_GROUPING:
      set_grouping (self, pb_grouping_from_string (g_value_get_string (value)));
      break;

    case PROP_SHOW_FINDINGS:
      if (self->show_findings != g_value_get_boolean (value))
        {
          self->show_findings = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_class_init (PbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pb_window_constructed;
  object_class->dispose = pb_window_dispose;
  object_class->finalize = pb_window_finalize;
  object_class->get_property = pb_window_get_property;
  object_class->set_property = pb_window_set_property;

  window_class->close_request = pb_window_close_request;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PB_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_ALL_FINDINGS] =
    g_param_spec_boolean ("show-all-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_OVERVIEW] =
    g_param_spec_boolean ("show-overview", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_PACKS] =
    g_param_spec_boolean ("show-packs", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GROUPING] =
    g_param_spec_string ("grouping", NULL, NULL, "none",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_COHORT_OVERVIEW);
  g_type_ensure (PB_TYPE_IMPORT_PROGRESS);
  g_type_ensure (PB_TYPE_REPORT_DETAILS);
  g_type_ensure (PB_TYPE_REPORT_ROW);
  g_type_ensure (PB_TYPE_READER);
  g_type_ensure (PB_TYPE_FINDINGS_VIEW);
  g_type_ensure (PB_TYPE_PACKS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, report_details);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, library_search);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, hit_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, no_hits_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, page_controls);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, page_total);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, export_findings_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, findings_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, cohort_overview);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, packs_view);
  gtk_widget_class_bind_template_callback (widget_class, all_findings_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_open_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_search_activate_cb);

  _pb_window_class_add_actions (widget_class);
}

static void
pb_window_init (PbWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->pending_jobs);
  self->failures = g_ptr_array_new_with_free_func (g_object_unref);
  self->passwords = g_hash_table_new_full (NULL, NULL, NULL, forget_password);
  self->locked = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->report_view, "activate",
                           G_CALLBACK (report_activated_cb), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, G_CONNECT_SWAPPED);
    gtk_list_view_set_factory (self->report_view, factory);
  }

  self->hits = g_list_store_new (PB_TYPE_SEARCH_HIT);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->hits))));

    g_signal_connect (factory, "setup", G_CALLBACK (hit_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (hit_bind_cb), NULL);
    gtk_list_view_set_factory (self->hit_view, factory);
    gtk_list_view_set_model (self->hit_view, selection);
    g_object_unref (factory);
    g_object_unref (selection);
  }
  g_signal_connect_object (self->hit_view, "activate", G_CALLBACK (hit_activated_cb),
                           self, G_CONNECT_SWAPPED);

  /* Typing in the report list searches the library. */
  gtk_search_entry_set_key_capture_widget (self->library_search, GTK_WIDGET (self->report_view));

  /* The header's toggle is the window's; the panel is the reader's. */
  g_object_bind_property (self, "show-findings", self->reader, "show-findings",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  {
    PbDocumentView *view = pb_reader_get_view (self->reader);

    g_signal_connect_object (pb_document_view_get_model (view), "notify::page", G_CALLBACK (queue_update_reader_controls),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (pb_document_view_get_model (view), "notify::zoom", G_CALLBACK (queue_update_reader_controls),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (view, "notify::document", G_CALLBACK (queue_update_reader_controls),
                             self, G_CONNECT_SWAPPED);
  }

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

PbWindow *
pb_window_new (PbApplication *application,
               PbLibrary     *library)
{
  g_return_val_if_fail (!application || PB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  return g_object_new (PB_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

/**
 * pb_window_get_reports:
 *
 * Returns: (transfer none): the library's reports, as the sidebar lists them
 */
GListModel *
pb_window_get_reports (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->reports);
}

gboolean
pb_window_select_report (PbWindow *self,
                         gint64    report_id)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  g_return_val_if_fail (PB_IS_WINDOW (self), FALSE);

  if (pb_report_list_find (self->reports, report_id) < 0)
    return FALSE;

  /* Open the report's group if it was closed, then find its row. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PB_IS_REPORT_GROUP (item) && !gtk_tree_list_row_get_expanded (row))
        {
          gint position = pb_report_list_find (self->reports, report_id);
          g_autoptr(PbReport) report = g_list_model_get_item (G_LIST_MODEL (self->reports), (guint)position);

          if (pb_report_group_contains (PB_REPORT_GROUP (item), report))
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
      else if (PB_IS_REPORT (item) && pb_report_get_id (PB_REPORT (item)) == report_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pb_window_get_selected_report:
 *
 * Returns: (transfer none) (nullable): the report shown, if any
 */
PbReport *
pb_window_get_selected_report (PbWindow *self)
{
  GtkTreeListRow *row;
  gpointer item;

  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);

  /* A group's heading is never a report. */
  row = gtk_single_selection_get_selected_item (self->selection);
  item = row ? gtk_tree_list_row_get_item (row) : NULL;   /* transfer full */
  if (item != NULL)
    g_object_unref (item);   /* the row holds it */
  return PB_IS_REPORT (item) ? item : NULL;
}

void
pb_window_import_files (PbWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_return_if_fail (PB_IS_WINDOW (self));

  if (n_files == 0)
    return;

  queue_job (self, pb_import_job_new (self->library, files, n_files));
}

gboolean
pb_window_get_importing (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), FALSE);
  return self->running_job != NULL;
}

/**
 * pb_window_get_content_page:
 *
 * Returns: which page the content area shows: "empty" (no reports),
 *   "unselected", "reader", "details", "findings", "overview" or "packs"
 */
const char *
pb_window_get_content_page (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * pb_window_get_reader:
 *
 * Returns: (transfer none): the reader showing the selected report
 */
PbReader *
pb_window_get_reader (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->reader;
}

/**
 * pb_window_get_search_hits:
 *
 * Returns: (transfer none): the library search's results, best first
 */
GListModel *
pb_window_get_search_hits (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->hits);
}

PbFindingsView *
pb_window_get_findings_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->findings_view;
}

PbCohortOverview *
pb_window_get_cohort_overview (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->cohort_overview;
}

/**
 * pb_window_get_sidebar_rows:
 *
 * Returns: (transfer none): the library's rows as the sidebar shows them,
 *   each a #GtkTreeListRow of a #PbReportGroup heading or a #PbReport
 */
GListModel *
pb_window_get_sidebar_rows (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->tree);
}

PbPacksView *
pb_window_get_packs_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->packs_view;
}
