/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-recommendation-list.h"
#include "pb-tracker-view.h"

G_BEGIN_DECLS

/* Shared by pb-tracker-view.c (the view and its pages),
 * pb-tracker-view-filters.c (its filters and empty state),
 * pb-tracker-view-offers.c (the ways to add recommendations) and
 * pb-tracker-columns.c (the table's columns and the narrow list's rows). */

struct _PbTrackerView
{
  GtkWidget             parent_instance;

  PbLibrary            *library;
  PbRecommendationList *list;
  GtkSliceListModel    *slice;          /* the rows the views have so far */
  GtkSingleSelection   *selection;
  guint                 growing;        /* tick callback adding rows to the slice */
  GPtrArray            *cohorts;        /* PbCohort, in the dropdown after "All cohorts" */
  GStrv                 authority_list; /* as in the authority dropdown */
  gboolean              filling;
  gboolean              stale;          /* the library not read since it was set */
  gint64                offer_report_id;
  guint                 relayout;       /* idle turning the filters for the width */

  /* Template children */
  GtkWidget            *box;
  AdwViewStack         *view_stack;
  GtkStack             *pages;
  GtkBox               *filter_box;
  GtkDropDown          *authority_dropdown;
  GtkDropDown          *cohort_dropdown;
  GtkDropDown          *status_dropdown;
  GtkStringList        *authorities;
  GtkStringList        *cohort_names;
  GtkStringList        *status_names;
  GtkToggleButton      *overdue_button;
  GtkWidget            *add_button;
  GtkRevealer          *offer_revealer;
  GtkLabel             *offer_label;
  GtkStack             *list_stack;
  AdwSqueezer          *squeezer;
  GtkWidget            *table_scroller;
  GtkColumnView        *column_view;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  PbTrackerItem        *item_page;
  PbCompareView        *compare_view;
};

void  _pb_tracker_view_add_columns (PbTrackerView *self);

/* pb-tracker-view-filters.c */
void  _pb_tracker_view_init_filters    (PbTrackerView *self);
void  _pb_tracker_view_fill_filters    (PbTrackerView *self);
void  _pb_tracker_view_ensure_read     (PbTrackerView *self);
void  _pb_tracker_view_filters_changed (PbTrackerView *self);
void  _pb_tracker_view_update_state    (PbTrackerView *self);
void  _pb_tracker_view_squeezed        (PbTrackerView *self);

/* pb-tracker-view-offers.c */
void  _pb_tracker_view_install_offer_actions (GtkWidgetClass *widget_class);
char *_pb_tracker_short_date       (const char    *iso);

G_END_DECLS
