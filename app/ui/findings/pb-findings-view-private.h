/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-finding-list.h"
#include "pb-findings-view.h"

G_BEGIN_DECLS

/* Shared by the files of the findings table: pb-findings-view.c (filters,
 * the library), pb-findings-actions.c (what is done to the findings
 * selected), pb-findings-columns.c (its columns, as many as fit) and
 * pb-findings-export.c (saving what it shows as CSV). */

struct _PbFindingsView
{
  GtkWidget          parent_instance;

  PbLibrary         *library;
  PbFindingList     *list;
  GtkSortListModel  *sorted;
  GtkMultiSelection *selection;
  GPtrArray         *cohorts;      /* PbCohort, in the dropdown's order after "All" */
  GPtrArray         *reports;      /* PbReport, likewise */
  GHashTable        *report_by_id; /* report id -> PbReport, for its title and dates */
  gboolean           stale;        /* given a library while hidden: read it when shown */
  GPtrArray         *last_deleted;
  GtkNativeDialog   *chooser;
  GCancellable      *cancellable;

  GtkWidget         *box;
  GtkEditable       *search_entry;
  GtkDropDown       *cohort_dropdown;
  GtkDropDown       *kind_dropdown;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *classification_dropdown;
  GtkDropDown       *report_dropdown;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkActionBar      *action_bar;
  GtkLabel          *selection_label;
  GtkBox            *tag_box;
  GtkMenuButton     *pack_button;
  GtkMenuButton     *pack_icon_button;  /* the narrow bar's */
  GMenu             *compact_cohorts;   /* likewise */
  GtkWidget         *filter_box;
  GtkDropDown       *sort_dropdown;
  GtkToggleButton   *sort_reverse;
  gboolean           sort_syncing;  /* the sort controls follow the headers */
  gboolean           sort_probing;  /* see pb-findings-sort.c */
  int                sort_probed;
  GtkWidget         *row_menu;     /* the selection's context menu */
  GPtrArray         *all_columns;  /* GtkColumnViewColumn, shown or not, in order */
  GPtrArray         *packs;
  GHashTable        *kept_ids;     /* the ids chosen, kept across the list's changes */
  gboolean           list_changing;
  guint              columns_idle;
  int                columns_width; /* the width the columns were chosen for */
};

/* pb-findings-columns.c */
void _pb_findings_view_add_columns       (PbFindingsView *self);
void _pb_findings_view_choose_default_columns (PbFindingsView *self);
void _pb_findings_view_size_allocate     (GtkWidget      *widget,
                                          int             width,
                                          int             height,
                                          int             baseline);
/* pb-findings-sort.c */
GtkSorter *_pb_findings_view_wrap_sorter  (PbFindingsView *self,
                                           GtkSorter      *sorter,
                                           guint           index);
void _pb_findings_view_sync_sort         (PbFindingsView *self);
void _pb_findings_view_init_sort         (PbFindingsView *self);
void _pb_findings_view_init_keys         (PbFindingsView *self);
void _pb_findings_view_class_init_sort   (GtkWidgetClass *widget_class);
/* pb-findings-actions.c */
void _pb_findings_view_show_toast        (PbFindingsView *self,
                                          AdwToast       *toast);
void _pb_findings_view_selection_changed (PbFindingsView *self);
void _pb_findings_view_list_changing     (PbFindingsView *self);
void _pb_findings_view_list_changed      (PbFindingsView *self);
void _pb_findings_view_rebuild_menus     (PbFindingsView *self);
void _pb_findings_view_popup_menu        (PbFindingsView *self,
                                          guint           position,
                                          double          x,
                                          double          y);
void _pb_findings_view_class_init_actions (GtkWidgetClass *widget_class);
void _pb_findings_view_init_actions      (PbFindingsView *self);
gboolean _pb_findings_view_query_tooltip_cb (GtkWidget  *widget,
                                             int         x,
                                             int         y,
                                             gboolean    keyboard,
                                             GtkTooltip *tooltip,
                                             gpointer    user_data);
/* pb-findings-view.c */
void _pb_findings_view_open              (PbFindingsView *self,
                                          PbFinding      *finding);

G_END_DECLS
