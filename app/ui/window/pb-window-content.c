/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-reindex.h"
#include "pb-report-row.h"
#include "pb-report-store.h"
#include "pb-search.h"
#include "pb-structure-store.h"
#include "pb-text-view.h"
#include "pb-window-private.h"

/* What the window's content area and its header bar show for the mode and
 * the report chosen, and the ways into a report from elsewhere: a grade of
 * the overview, a row of the findings table or a pack, a library search
 * hit, a page number typed. */

static void
update_zoom_label (PbWindow *self)
{
  g_autofree char *zoom = g_strdup_printf ("%.0f%%", pb_view_model_get_zoom (pb_reader_get_model (self->reader)) * 100);

  gtk_menu_button_set_label (self->zoom_button, zoom);
}

static void
update_reader_controls (PbWindow *self)
{
  gboolean reading, in_library;

  if (self->reader == NULL)
    return;   /* being destroyed */

  in_library = self->mode == PB_WINDOW_MODE_LIBRARY;
  reading = pb_reader_get_loaded (self->reader) && !self->show_details && in_library;

  gtk_widget_set_visible (GTK_WIDGET (self->page_controls), reading);
  gtk_widget_set_visible (self->findings_button, reading);
  gtk_widget_set_visible (self->export_findings_button, self->mode == PB_WINDOW_MODE_FINDINGS);
  gtk_widget_set_visible (self->reading_controls, pb_window_get_selected_report (self) != NULL && in_library);
  gtk_widget_set_visible (self->find_button, reading);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_button), reading);
  gtk_widget_set_visible (self->report_menu_button, pb_window_get_selected_report (self) != NULL && in_library);

  if (!pb_reader_get_loaded (self->reader))
    return;

  update_zoom_label (self);
  _pb_window_update_actions (self);
}

static void
show_titled_page (PbWindow   *self,
                  const char *page,
                  const char *title,
                  const char *subtitle)
{
  gtk_label_set_label (self->content_title_label, title);
  gtk_label_set_label (self->content_subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->content_subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_widget_set_tooltip_text (self->content_title, title);
  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* A screen reader says which view the focus has come into. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->content_stack,
                                                                      gtk_stack_get_visible_child (self->content_stack))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/* The chosen report: read, or described, titled as the library lists it,
 * with its dates under, as the library has them. Reading it here writes
 * nothing. */
static void
show_report (PbWindow *self,
             PbReport *report)
{
  guint n_reports = g_list_model_get_n_items (pb_window_get_reports (self));
  g_autoptr(PbStructure) structure = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;

  if (report != NULL)
    {
      structure = pb_library_get_structure (self->library, pb_report_get_id (report), NULL);
      dates = pb_report_dup_dates_description (report);
      subtitle = pb_format_capitalised (dates);
    }

  pb_report_details_set_structure (self->report_details, structure);
  pb_reader_open (self->reader, self->library, report);

  if (report != NULL)
    show_titled_page (self, self->show_details ? "details" : "reader", pb_report_get_display_title (report), subtitle);
  else
    show_titled_page (self, n_reports > 0 ? "unselected" : "empty", _("Panel Brief"), NULL);
}

void
_pb_window_update_content (PbWindow *self)
{
  PbReport *report = pb_window_get_selected_report (self);

  if (self->reader == NULL)
    return;   /* being destroyed */

  pb_report_details_set_report (self->report_details, report);

  switch (self->mode)
    {
    case PB_WINDOW_MODE_FINDINGS:
      show_titled_page (self, "findings", _("Findings"), _("In every report"));
      break;

    case PB_WINDOW_MODE_PACKS:
      show_titled_page (self, "packs", _("Briefing Packs"), NULL);
      break;

    case PB_WINDOW_MODE_BUNDLES:
      {
        PbBundlePack *pack = pb_bundle_view_get_pack (self->bundle_view);

        show_titled_page (self, "bundles", _("Packs from Officers"), pack ? pb_bundle_pack_get_title (pack) : NULL);
        break;
      }

    case PB_WINDOW_MODE_OVERVIEW:
      show_titled_page (self, "overview", _("Grades Over Time"), _("Each cohort, inspection by inspection"));
      break;

    case PB_WINDOW_MODE_TRACKER:
      show_titled_page (self, "tracker", _("Recommendations"), _("Followed from inspection to action"));
      break;

    case PB_WINDOW_MODE_LIBRARY:
    default:
      show_report (self, report);
      break;
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
void
_pb_window_queue_update_controls (PbWindow *self)
{
  /* A reader still closing its report as the window goes away. */
  if (self->disposed)
    return;

  /* What can be done is known now; only the header bar waits. */
  _pb_window_update_actions (self);

  if (self->controls_idle == 0)
    self->controls_idle = g_idle_add_once (controls_idle_cb, self);
}

/* The user's own zoom (Actual Size, Ctrl++) never comes from laying the
 * pages out: the header says it at once, in the frame that draws it. A
 * zoom that fits the view is known while the view is being laid out, and
 * waits for the idle like the other controls. */
void
_pb_window_zoom_changed (PbWindow *self)
{
  PbViewModel *model;

  if (self->disposed || self->reader == NULL)
    return;

  model = pb_reader_get_model (self->reader);
  if (pb_view_model_get_sizing (model) == PB_SIZING_FREE && pb_reader_get_loaded (self->reader))
    update_zoom_label (self);
  _pb_window_queue_update_controls (self);
}

/* A grade in the overview: open its report at the section that gives it. */
static void
overview_open_page_cb (PbWindow         *self,
                       gint64            report_id,
                       guint             page,
                       PbCohortOverview *overview)
{
  pb_window_set_mode (self, PB_WINDOW_MODE_LIBRARY);
  _pb_window_set_show_details (self, FALSE);
  if (pb_window_select_report (self, report_id))
    pb_reader_show_page (self->reader, page - 1);
}

/* A row of the findings table or a pack: open its report at the passage. */
static void
all_findings_activated_cb (PbWindow  *self,
                           PbFinding *finding)
{
  pb_window_set_mode (self, PB_WINDOW_MODE_LIBRARY);
  _pb_window_set_show_details (self, FALSE);
  if (pb_window_select_report (self, pb_finding_get_report_id (finding)))
    {
      pb_reader_show_finding (self->reader, finding);
      /* The keyboard goes on in the view the report is read in, at the
       * passage: the Text view (which follows the pages) or the pages,
       * not wherever the focus falls as the table goes. */
      if (pb_reader_get_text_mode (self->reader))
        gtk_widget_grab_focus (GTK_WIDGET (pb_text_view_get_text_view (pb_reader_get_text_view (self->reader))));
      else
        gtk_widget_grab_focus (GTK_WIDGET (pb_reader_get_view (self->reader)));
    }
}

static void
page_chosen_cb (PbWindow       *self,
                guint           page,
                PbPageControls *controls)
{
  PbDocumentView *view = pb_reader_get_view (self->reader);

  pb_document_view_set_page (view, page);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* The sidebar */

/* A report's row clicked, even the one already chosen: go to it, out of the
 * table, the overview or the packs, and on a narrow window to its page. */
static void
sidebar_report_activated_cb (PbWindow         *self,
                             PbReport         *report,
                             PbLibrarySidebar *sidebar)
{
  pb_window_set_mode (self, PB_WINDOW_MODE_LIBRARY);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_hit_activated_cb (PbWindow         *self,
                          PbSearchHit      *hit,
                          const char       *find_text,
                          PbLibrarySidebar *sidebar)
{
  if (!pb_window_select_report (self, pb_search_hit_get_report_id (hit)))
    return;

  _pb_window_set_show_details (self, FALSE);
  pb_document_view_set_page (pb_reader_get_view (self->reader), pb_search_hit_get_page (hit) - 1);
  if (*find_text != '\0')
    pb_reader_find (self->reader, find_text, (int)pb_search_hit_get_page (hit) - 1);
}

/* Reports imported before Panel Brief read structure get it when first
 * chosen: once, as the user asks for the report, not as the window shows
 * it again. */
static void
ensure_structure (PbWindow *self,
                  PbReport *report)
{
  g_autoptr(PbStructure) structure = pb_library_get_structure (self->library, pb_report_get_id (report), NULL);

  if (structure == NULL)
    pb_library_read_structure (self->library, pb_report_get_id (report), NULL);
}

void
_pb_window_selected_report_changed (PbWindow *self)
{
  PbReport *report = pb_window_get_selected_report (self);
  gint64 id = report ? pb_report_get_id (report) : 0;

  if (report != NULL)
    ensure_structure (self, report);

  /* Another report is read, not described: Properties is for the one it
   * was opened on. The same report corrected stays described. */
  if (id != self->shown_report_id)
    {
      self->shown_report_id = id;
      if (report != NULL)
        _pb_window_set_show_details (self, FALSE);
    }

  /* Choosing a report goes to it, out of the table, the overview or the packs. */
  if (report != NULL && self->mode != PB_WINDOW_MODE_LIBRARY)
    pb_window_set_mode (self, PB_WINDOW_MODE_LIBRARY);
  else
    _pb_window_update_content (self);

  if (report != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_pb_window_class_init_content (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, all_findings_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_open_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_report_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_hit_activated_cb);
}
