/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-application.h"
#include "pb-bundle-opener.h"
#include "pb-bundle-view.h"
#include "pb-library.h"
#include "pb-cohort-overview.h"
#include "pb-findings-view.h"
#include "pb-packs-view.h"
#include "pb-reader.h"
#include "pb-tracker-view.h"

G_BEGIN_DECLS

/**
 * PbWindowMode:
 * @PB_WINDOW_MODE_LIBRARY: the report chosen in the sidebar (read, or its
 *   details), or the library's welcome when none is chosen
 * @PB_WINDOW_MODE_FINDINGS: every finding in the library, in a table
 * @PB_WINDOW_MODE_OVERVIEW: each cohort's grades over time
 * @PB_WINDOW_MODE_PACKS: the briefing packs
 * @PB_WINDOW_MODE_BUNDLES: the packs officers sent, opened from bundles
 * @PB_WINDOW_MODE_TRACKER: recommendations followed through time, and two
 *   reports compared
 *
 * What the window's content area is given to.
 */
typedef enum
{
  PB_WINDOW_MODE_LIBRARY,
  PB_WINDOW_MODE_FINDINGS,
  PB_WINDOW_MODE_OVERVIEW,
  PB_WINDOW_MODE_PACKS,
  PB_WINDOW_MODE_BUNDLES,
  PB_WINDOW_MODE_TRACKER,
} PbWindowMode;

#define PB_TYPE_WINDOW_MODE (pb_window_mode_get_type ())

GType pb_window_mode_get_type (void) G_GNUC_CONST;

#define PB_TYPE_WINDOW (pb_window_get_type ())

G_DECLARE_FINAL_TYPE (PbWindow, pb_window, PB, WINDOW, AdwApplicationWindow)

PbWindow         *pb_window_new                 (PbApplication *application,
                                                 PbLibrary     *library);
PbWindowMode      pb_window_get_mode            (PbWindow      *self);
void              pb_window_set_mode            (PbWindow      *self,
                                                 PbWindowMode   mode);
GListModel       *pb_window_get_reports         (PbWindow      *self);
gboolean          pb_window_select_report       (PbWindow      *self,
                                                 gint64         report_id);
PbReport         *pb_window_get_selected_report (PbWindow      *self);
void              pb_window_import_files        (PbWindow      *self,
                                                 GFile        **files,
                                                 guint          n_files);
gboolean          pb_window_get_importing       (PbWindow      *self);
const char       *pb_window_get_content_page    (PbWindow      *self);
PbReader         *pb_window_get_reader          (PbWindow      *self);
GListModel       *pb_window_get_search_hits     (PbWindow      *self);
PbFindingsView   *pb_window_get_findings_view   (PbWindow      *self);
PbCohortOverview *pb_window_get_cohort_overview (PbWindow      *self);
GListModel       *pb_window_get_sidebar_rows    (PbWindow      *self);
PbPacksView      *pb_window_get_packs_view      (PbWindow      *self);
PbTrackerView    *pb_window_get_tracker_view    (PbWindow      *self);
GtkWidget        *pb_window_get_sidebar         (PbWindow      *self);
void              pb_window_add_toast           (PbWindow      *self,
                                                 const char    *message);
void              pb_window_show_library_problem (PbWindow     *self);
gboolean          pb_window_get_library_problem_shown (PbWindow *self);

/* Packs from officers: pb-window-bundles.c */
PbBundleView     *pb_window_get_bundle_view     (PbWindow      *self);
PbBundleOpener   *pb_window_get_bundle_opener   (PbWindow      *self);
void              pb_window_open_bundles        (PbWindow      *self,
                                                 GFile        **files,
                                                 guint          n_files);

G_END_DECLS
