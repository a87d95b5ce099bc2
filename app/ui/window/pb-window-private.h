/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-import-queue.h"
#include "pb-library-sidebar.h"
#include "pb-page-controls.h"
#include "pb-report-details.h"
#include "pb-window.h"

G_BEGIN_DECLS

/* Shared by pb-window.c (the window, its mode and its parts),
 * pb-window-content.c (what the content area shows) and
 * pb-window-actions.c (what the window does). */

struct _PbWindow
{
  AdwApplicationWindow  parent_instance;

  PbLibrary            *library;
  GSettings            *settings;
  PbImportQueue        *imports;
  PbWindowMode          mode;
  gboolean              show_details;   /* the chosen report's details, not its pages */
  gint64                shown_report_id;
  gboolean              show_findings;
  gboolean              show_library;
  gboolean              library_aside;  /* stepped aside for the findings panel */
  gboolean              disposed;
  guint                 controls_idle;
  guint                 folded_idle;
  guint                 resized_idle;
  int                   allocated_width;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *problem_revealer;
  GtkLabel             *problem_label;
  GtkWidget            *problem_button;
  AdwLeaflet           *leaflet;
  PbLibrarySidebar     *sidebar;
  GtkWidget            *sidebar_separator;
  GtkRevealer          *library_revealer;
  GtkWidget            *library_button;
  GtkWidget            *content_title;
  GtkLabel             *content_title_label;
  GtkLabel             *content_subtitle_label;
  GtkStack             *content_stack;
  PbReportDetails      *report_details;
  PbPageControls       *page_controls;
  GtkWidget            *details_button;
  GtkWidget            *report_menu_button;
  GtkWidget            *compact_button;
  GtkWidget            *find_button;
  GtkWidget            *reading_controls;  /* find and zoom, squeezed to a menu when narrow */
  GtkWidget            *findings_button;
  GtkWidget            *export_findings_button;
  GtkMenuButton        *zoom_button;
  PbReader             *reader;
  PbFindingsView       *findings_view;
  PbCohortOverview     *cohort_overview;
  PbPacksView          *packs_view;
  PbTrackerView        *tracker_view;
  PbBundleView         *bundle_view;     /* packs from officers */
  PbBundleOpener       *bundle_opener;   /* made when first needed */
};

void _pb_window_class_add_actions (GtkWidgetClass *widget_class);
void _pb_window_update_actions    (PbWindow       *self);
void _pb_window_toast             (PbWindow       *self,
                                   const char     *message);
void _pb_window_set_show_details  (PbWindow       *self,
                                   gboolean        show_details);
void _pb_window_update_library_aside (PbWindow    *self);
void _pb_window_set_show_library     (PbWindow    *self,
                                      gboolean     show);
void _pb_window_show_library_by_user (PbWindow    *self,
                                      gboolean     show);
void _pb_window_queue_library_aside  (PbWindow    *self);
void _pb_window_folded_cb            (PbWindow    *self);
void _pb_window_setup_imports     (PbWindow       *self);
void _pb_window_take_settings     (PbWindow       *self);
void _pb_window_save_state        (PbWindow       *self);

void _pb_window_update_content          (PbWindow       *self);
void _pb_window_queue_update_controls   (PbWindow       *self);
void _pb_window_zoom_changed            (PbWindow       *self);
void _pb_window_selected_report_changed (PbWindow       *self);
void _pb_window_class_init_content      (GtkWidgetClass *widget_class);

/* pb-window-tracker.c: the recommendation tracker's mode and actions. */
void _pb_window_class_init_tracker      (GtkWidgetClass *widget_class);
void _pb_window_init_tracker            (PbWindow       *self);
void _pb_window_class_init_bundles      (GtkWidgetClass *widget_class);
void _pb_window_bundles_started         (PbWindow       *self);

/* pb-window-keys.c: the view keys, before the focused widget's own. */
void _pb_window_init_view_keys          (PbWindow       *self);

G_END_DECLS
