/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-find-bar.h"
#include "pb-password-dialog.h"
#include "pb-finding-list.h"
#include "pb-findings-panel.h"
#include "pb-reader.h"
#include "pb-text-view.h"

G_BEGIN_DECLS

/* Shared by the two halves of the reader: pb-reader.c (opening a report,
 * its password, where it was left) and pb-reader-findings.c (the report's
 * findings: highlights, the panel, adding, editing, deleting, suggestions). */

struct _PbReader
{
  GtkWidget        parent_instance;

  PbLibrary       *library;
  PbReport        *report;
  PbDocument      *document;
  GCancellable    *open_cancellable;
  char            *password;         /* opens the report read; forgotten on closing */
  GHashTable      *passwords;        /* report id -> password, this session only */
  char            *pending_find;
  int              pending_find_page;
  guint            save_source;
  PbViewState      saved;            /* where the library has the report left */
  PbFindingList   *findings;
  GPtrArray       *cohorts;
  GPtrArray       *packs;            /* PbPack, for the findings' Add to Pack */
  GMenuModel      *base_menu;        /* the page's menu: Add Finding, Copy */
  GHashTable      *suggested;        /* report ids whose suggestions were told of */
  GCancellable    *accepting;        /* Add All, placing the quotes on a worker */
  GPtrArray       *last_deleted;     /* for Undo */
  PbFinding       *pending_show;     /* to show once the report is open */
  guint            pending_page;     /* likewise, from 1; 0 for none */
  gboolean         popover_wanted;   /* words chosen: the popover, once they arrive */
  gboolean         text_finding_pending; /* Add Finding from the Text view, once
                                          * the page view has the pages' text */
  gboolean         text_finding_retry;   /* ...which has come: take the range kept */
  guint            text_finding_range[4]; /* the passage then selected: start page,
                                           * index, end page, index */
  gboolean         told_caret;       /* the caret browsing toast was shown */

  GtkWidget       *box;
  AdwFlap         *flap;
  PbFindingsPanel *findings_panel;
  GtkWidget       *selection_popover;
  GtkWidget       *context_popover;
  PbFindBar       *find_bar;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkWidget       *scroller;
  PbDocumentView  *view;
  GtkStack        *mode_stack;       /* "page" or "text" */
  PbTextView      *text_view;
  GtkWidget       *page_toggle;
  GtkWidget       *text_toggle;
  AdwStatusPage   *error_page;
  GtkWidget       *password_button;
  PbPasswordDialog *password_dialog; /* the one asking, if any; cleared as it goes */
};

void _pb_reader_toast              (PbReader       *self,
                                    AdwToast       *toast);
void _pb_reader_load_findings      (PbReader       *self);
void _pb_reader_clear_findings     (PbReader       *self);
void _pb_reader_load_suggestions   (PbReader       *self);
void _pb_reader_init_suggestions   (PbReader       *self);
void _pb_reader_offer_suggestions  (PbReader       *self);
void _pb_reader_cancel_suggestions (PbReader       *self);
PbFindingEditor *_pb_reader_open_editor (PbReader  *self,
                                    PbFinding      *finding);
void _pb_reader_class_init_findings (GtkWidgetClass *widget_class);
void _pb_reader_init_findings      (PbReader       *self);
void _pb_reader_class_init_modes   (GtkWidgetClass *widget_class);
void _pb_reader_init_modes         (PbReader       *self);
gboolean _pb_reader_take_text_selection (PbReader  *self);
void _pb_reader_retry_text_finding (PbReader       *self);

G_END_DECLS
