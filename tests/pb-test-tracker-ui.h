/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-test-recommendations.h"
#include "pb-tracker-view.h"

G_BEGIN_DECLS

/* The recommendation tracker's widget tests share one library: Fernvale's
 * 2019 and 2023 inspections, each with two recommendations; the 2019
 * pathway plans item is repeated in 2023 and evidenced there, and 2023's
 * other item is overdue. The view is shown in a 1100 x 760 window. */
typedef struct
{
  PbRecFixture  rec;
  gint64        first;       /* Fernvale's 2019 inspection */
  gint64        second;      /* and 2023's */
  gint64        earlier;     /* the 2019 pathway plans item */
  gint64        repeated;    /* its 2023 repetition, linked */
  gint64        fresh;       /* 2023's new one: overdue */
  gint64        evidence;    /* a finding evidencing the repetition */
  GtkWidget    *window;
  PbTrackerView *view;
} PbTrackerUiFixture;

extern const char * const pb_test_tracker_recs_2019[];
extern const char * const pb_test_tracker_recs_2023[];

void         pb_test_tracker_setup       (PbTrackerUiFixture *f,
                                          gconstpointer       data);
void         pb_test_tracker_teardown    (PbTrackerUiFixture *f,
                                          gconstpointer       data);
gint         pb_test_tracker_position_of (GListModel         *model,
                                          gint64              id);
GtkWidget   *pb_test_find_descendant     (GtkWidget          *widget,
                                          GType               type,
                                          const char         *label);
GtkWidget   *pb_test_find_button         (GtkWidget          *widget,
                                          const char         *label);
GtkDropDown *pb_test_tracker_dropdown    (PbTrackerUiFixture *f,
                                          const char         *tooltip);
void         pb_test_check_labelled      (GtkWidget          *widget);

G_END_DECLS
