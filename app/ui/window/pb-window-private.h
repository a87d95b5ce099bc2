/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-import-job.h"
#include "pb-import-progress.h"
#include "pb-cohort-overview.h"
#include "pb-findings-view.h"
#include "pb-packs-view.h"
#include "pb-report-group.h"
#include "pb-reader.h"
#include "pb-report-details.h"
#include "pb-report-list.h"
#include "pb-window.h"

G_BEGIN_DECLS

struct _PbWindow
{
  AdwApplicationWindow  parent_instance;

  PbLibrary            *library;
  PbReportList         *reports;
  GtkSingleSelection   *selection;
  GSettings            *settings;

  /* Imports run one batch at a time; later requests wait in the queue. */
  GQueue                pending_jobs;
  PbImportJob          *running_job;
  GCancellable         *import_cancellable;
  GPtrArray            *failures;          /* PbImportResult */
  GPtrArray            *locked;            /* PbImportResult, encrypted */
  guint                 n_imported;
  guint                 n_duplicates;
  gint64                last_report_id;
  GListStore           *hits;              /* PbSearchHit */
  gboolean              show_details;
  gboolean              show_findings;
  gboolean              show_all_findings;
  gboolean              show_overview;
  gboolean              show_packs;
  PbReport             *selected_report;   /* to tell a new choice from a move */
  PbGrouping            grouping;
  GListStore           *root_models;       /* the one list the sidebar shows: reports or groups */
  GtkTreeListModel     *tree;
  gboolean              regrouping;
  guint                 regroup_idle;
  gboolean              disposed;
  guint                 controls_idle;
  GHashTable           *passwords;         /* report id -> password, this session only */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *sidebar_stack;
  GtkListView          *report_view;
  PbImportProgress       *import_progress;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  PbReportDetails      *report_details;
  GtkSearchEntry       *library_search;
  GtkListView          *hit_view;
  GtkLabel             *no_hits_label;
  GtkWidget            *page_controls;
  GtkEditable          *page_entry;
  GtkLabel             *page_total;
  GtkWidget            *details_button;
  GtkWidget            *find_button;
  GtkWidget            *findings_button;
  GtkWidget            *export_findings_button;
  GtkMenuButton        *zoom_button;
  PbReader             *reader;
  PbFindingsView       *findings_view;
  PbCohortOverview     *cohort_overview;
  PbPacksView          *packs_view;
};

void _pb_window_class_add_actions   (GtkWidgetClass *widget_class);
void _pb_window_update_actions      (PbWindow       *self);
void _pb_window_import_with_password (PbWindow      *self,
                                      GFile         *file,
                                      const char    *password);
void _pb_window_toast               (PbWindow       *self,
                                     const char     *message);
void _pb_window_set_show_details    (PbWindow       *self,
                                     gboolean        show_details);

G_END_DECLS
