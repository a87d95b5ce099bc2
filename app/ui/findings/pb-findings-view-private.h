/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-finding-list.h"
#include "pb-findings-view.h"

G_BEGIN_DECLS

/* Shared by the files of the findings table: pb-findings-view.c (filters,
 * selection, bulk actions), pb-findings-columns.c (its columns) and
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
  GHashTable        *report_dates; /* report id -> GDateTime */
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
};

void _pb_findings_view_add_columns (PbFindingsView *self);
void _pb_findings_view_show_toast  (PbFindingsView *self,
                                    AdwToast       *toast);

G_END_DECLS
