/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-import-progress.h"
#include "pb-library-sidebar.h"
#include "pb-report-list.h"
#include "pb-report-sort.h"

G_BEGIN_DECLS

/* Shared by pb-library-sidebar.c (the reports) and
 * pb-library-sidebar-search.c (the search of their text). */

struct _PbLibrarySidebar
{
  GtkWidget           parent_instance;

  PbLibrary          *library;
  PbReportList       *reports;
  GtkSortListModel   *sorted;          /* the reports in the order chosen */
  GtkSorter          *sorter;
  PbSorting           sorting;
  GListStore         *root_models;     /* the one list shown: reports or groups */
  GtkTreeListModel   *tree;
  GtkSliceListModel  *shown;           /* the rows the list view is given so far */
  guint               grow_tick;
  gboolean            grow_started;
  GtkSingleSelection *selection;
  PbReport           *selected_report; /* to tell a new choice from a move */
  PbGrouping          grouping;
  gboolean            regrouping;
  guint               regroup_idle;
  GListStore         *hits;            /* PbSearchHit */
  gboolean            folded;
  guint               focus_tick;      /* waiting for the chosen row to be built */
  guint               focus_tries;
  guint               move_tick;       /* waiting for a row moved to (Home, End) to be built */
  guint               move_tries;

  GtkWidget          *box;
  AdwWindowTitle     *title;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *report_view;
  GtkListView        *hit_view;
  GtkLabel           *no_hits_label;
  PbImportProgress   *import_progress;
  GtkWidget          *packs_button;
  GtkLabel           *packs_label;
};

gboolean _pb_library_sidebar_searching       (PbLibrarySidebar *self);
void     _pb_library_sidebar_update_state    (PbLibrarySidebar *self);
void     _pb_library_sidebar_init_search     (PbLibrarySidebar *self);
void     _pb_library_sidebar_init_keys       (PbLibrarySidebar *self);
void     _pb_library_sidebar_search_changed  (PbLibrarySidebar *self);
void     _pb_library_sidebar_search_activate (PbLibrarySidebar *self);
gboolean _pb_library_sidebar_press_at        (PbLibrarySidebar *self,
                                              double            x,
                                              double            y);

G_END_DECLS
