/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-document-view.h"
#include "pb-page-cache.h"
#include "pb-page-layout.h"

G_BEGIN_DECLS

/* Shared by the files that make up the page view: pb-document-view.c (the
 * scrolling, the model, the API), pb-document-view-draw.c (rendering and
 * drawing), pb-document-view-input.c (pointer, keys and gestures) and
 * pb-document-view-marks.c (findings and find matches on the pages) and
 * pb-document-view-caret.c (caret browsing and selecting from the keys). */

struct _PbDocumentView
{
  GtkWidget        parent_instance;

  PbDocument      *document;
  PbPageCache     *cache;
  PbPageLayout    *layout;
  PbViewModel     *model;
  PbTextSelection *selection;

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  gboolean         reporting_page; /* the view tells the model: do not scroll back */
  int              pinned_page;    /* a page the reader was taken to (a match), or -1 */
  double           pinned_value;   /* ...while the view is not scrolled from here */
  gboolean         laying_out;     /* in size_allocate: what changes is no one's move */
  int              pending_page;   /* scroll there once laid out, or -1 */
  int              pending_anchor_page;  /* a finding to show once laid out: its
                                          * page index, or -1 */
  double           pending_anchor_x;     /* and where on it, in PDF points */
  double           pending_anchor_y;
  gboolean         laid_out;       /* the document shown has been laid out */

  GPtrArray       *matches;        /* PbFindMatch */
  int              current_match;

  GListModel      *findings;       /* PbFinding, drawn as highlights */
  GHashTable      *cohort_colors;  /* slug -> GdkRGBA */

  double           pointer_x;      /* where Ctrl+scroll or a pinch zooms about */
  double           pointer_y;
  gboolean         zoom_at_pointer;
  gboolean         zoomed_while_laying_out;
  double           zoomed_x;       /* the offsets that zoom keeps its point at */
  double           zoomed_y;

  int              press_count;    /* of the press that started the drag */
  gboolean         extending;      /* Shift: moving the selection's end */

  gboolean         caret_browsing; /* F7: arrows move a caret in the text */
  gboolean         caret_set;
  guint            caret_page;     /* page index, from 0 */
  guint            caret_index;    /* a character of that page's text */
  gboolean         caret_x_set;    /* moving up and down: keep to caret_x */
  double           caret_x;        /* PDF points from the page's left */

  double           drag_x;
  double           drag_y;
  double           zoom_gesture_start;
};

graphene_rect_t _pb_document_view_page_rect         (PbDocumentView *self,
                                                     guint           page);
gboolean        _pb_document_view_point_at          (PbDocumentView *self,
                                                     double          x,
                                                     double          y,
                                                     guint          *page,
                                                     double         *x_pt,
                                                     double         *y_pt);
void            _pb_document_view_update_renders    (PbDocumentView *self);
void            _pb_document_view_report_page       (PbDocumentView *self,
                                                     guint           page);
void            _pb_document_view_attach_renderer   (PbDocumentView *self,
                                                     PbDocument     *document);
void            _pb_document_view_snapshot          (GtkWidget      *widget,
                                                     GtkSnapshot    *snapshot);
void            _pb_document_view_init_input        (PbDocumentView *self);
void            _pb_document_view_class_init_input  (GtkWidgetClass *widget_class);
void            _pb_document_view_init_caret        (PbDocumentView *self);
void            _pb_document_view_class_init_caret  (GtkWidgetClass *widget_class);
void            _pb_document_view_caret_selection_changed (PbDocumentView *self);

G_END_DECLS
