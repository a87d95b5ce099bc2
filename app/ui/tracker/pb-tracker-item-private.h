/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-finding.h"
#include "pb-library.h"
#include "pb-recommendation-history.h"
#include "pb-recommendation-item.h"
#include "pb-status-badge.h"
#include "pb-tracker-item.h"

G_BEGIN_DECLS

/* Shared by the recommendation page (pb-tracker-item.c) and its history
 * (pb-tracker-item-history.c). */

struct _PbTrackerItem
{
  GtkWidget             parent_instance;

  PbLibrary            *library;
  PbRecommendationItem *item;
  GPtrArray            *cohorts;        /* PbCohort */
  GArray               *evidence;       /* finding ids chosen for the next update */
  PbRecommendationUndo *last_undo;      /* what the latest toast's Undo takes back */

  /* Template children */
  GtkWidget            *box;
  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkWidget            *status_button;
  GtkWidget            *repeated_box;
  GtkLabel             *repeated_label;
  GtkLabel             *text_label;
  PbStatusBadge        *badge;
  GtkLabel             *status_date_label;
  GtkWidget            *overdue_label;
  AdwActionRow         *source_row;
  AdwActionRow         *cohorts_row;
  GtkWidget            *cohorts_button;
  GtkBox               *cohorts_box;    /* a check button a cohort, in self->cohorts' order */
  gboolean              filling_cohorts;
  AdwEntryRow          *owner_row;
  AdwEntryRow          *due_row;
  AdwActionRow         *classification_row;
  AdwComboRow          *update_status_row;
  GtkStringList        *update_statuses;
  AdwEntryRow          *update_date_row;
  GtkLabel             *update_error_label;
  AdwEntryRow          *update_note_row;
  AdwActionRow         *evidence_row;
  GtkSearchEntry       *evidence_search;
  GtkListBox           *evidence_list;
  GtkListBox           *history_list;
};

enum {
  BACK_REQUESTED,
  ITEM_ACTIVATED,
  FINDING_ACTIVATED,
  OPEN_PAGE,
  N_SIGNALS
};

extern guint _pb_tracker_item_signals [N_SIGNALS];

void _pb_tracker_item_show_error    (PbTrackerItem *self,
                                     const GError  *error);
void _pb_tracker_item_fill_history  (PbTrackerItem *self);
void _pb_tracker_item_fill_repeated (PbTrackerItem *self);
char *_pb_tracker_item_finding_place (PbFinding   *finding);

G_END_DECLS
