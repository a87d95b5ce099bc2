/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-document.h"
#include "pb-finding.h"
#include "pb-text-selection.h"
#include "pb-view-model.h"

G_BEGIN_DECLS

#define PB_TYPE_DOCUMENT_VIEW (pb_document_view_get_type ())

G_DECLARE_FINAL_TYPE (PbDocumentView, pb_document_view, PB, DOCUMENT_VIEW, GtkWidget)

GtkWidget  *pb_document_view_new                (void);
void        pb_document_view_set_document       (PbDocumentView *self,
                                                 PbDocument     *document);
PbDocument *pb_document_view_get_document       (PbDocumentView *self);
PbViewModel *pb_document_view_get_model         (PbDocumentView *self);
void        pb_document_view_set_model          (PbDocumentView *self,
                                                 PbViewModel    *model);
gboolean    pb_document_view_get_laying_out     (PbDocumentView *self);
guint       pb_document_view_get_page           (PbDocumentView *self);
void        pb_document_view_set_page           (PbDocumentView *self,
                                                 guint           page);
double      pb_document_view_get_zoom           (PbDocumentView *self);
void        pb_document_view_set_zoom           (PbDocumentView *self,
                                                 double          zoom);
PbSizing    pb_document_view_get_sizing         (PbDocumentView *self);
void        pb_document_view_set_sizing         (PbDocumentView *self,
                                                 PbSizing        sizing);
void        pb_document_view_zoom_in            (PbDocumentView *self);
void        pb_document_view_zoom_out           (PbDocumentView *self);
void        pb_document_view_set_cache_budget   (PbDocumentView *self,
                                                 gsize           bytes);
gsize       pb_document_view_get_cache_size     (PbDocumentView *self);
void        pb_document_view_get_visible_pages  (PbDocumentView *self,
                                                 guint          *first,
                                                 guint          *last);
void        pb_document_view_set_matches        (PbDocumentView *self,
                                                 GPtrArray      *matches);
void        pb_document_view_set_current_match  (PbDocumentView *self,
                                                 int             index);
void        pb_document_view_select_between     (PbDocumentView *self,
                                                 double          x1,
                                                 double          y1,
                                                 double          x2,
                                                 double          y2);
void        pb_document_view_select_at          (PbDocumentView *self,
                                                 double          x,
                                                 double          y,
                                                 PbSelectUnit    unit);
void        pb_document_view_extend_selection   (PbDocumentView *self,
                                                 double          x,
                                                 double          y);
void        pb_document_view_clear_selection    (PbDocumentView *self);
GPtrArray  *pb_document_view_get_selection      (PbDocumentView *self);
gboolean    pb_document_view_skip_paragraph_number (PbDocumentView *self);
GPtrArray  *pb_document_view_get_selection_by   (PbDocumentView *self,
                                                 PbSelectUnit    unit);
char       *pb_document_view_dup_selected_text  (PbDocumentView *self);
void        pb_document_view_set_findings       (PbDocumentView *self,
                                                 GListModel     *findings);
void        pb_document_view_set_cohort_colors  (PbDocumentView *self,
                                                 GHashTable     *colors);
guint       pb_document_view_count_highlights   (PbDocumentView *self,
                                                 guint           page);
PbFinding  *pb_document_view_finding_at         (PbDocumentView *self,
                                                 double          x,
                                                 double          y);
void        pb_document_view_show_finding       (PbDocumentView *self,
                                                 PbFinding      *finding);
gboolean    pb_document_view_get_selection_area (PbDocumentView *self,
                                                 GdkRectangle   *area);
gboolean    pb_document_view_page_to_widget     (PbDocumentView *self,
                                                 guint           page,
                                                 double          x_pt,
                                                 double          y_pt,
                                                 double         *x,
                                                 double         *y);
void        pb_document_view_set_caret_browsing (PbDocumentView *self,
                                                 gboolean        caret_browsing);
gboolean    pb_document_view_get_caret_browsing (PbDocumentView *self);
gboolean    pb_document_view_get_caret          (PbDocumentView *self,
                                                 guint          *page,
                                                 guint          *index);
void        pb_document_view_select_range       (PbDocumentView *self,
                                                 guint           start_page,
                                                 guint           start_index,
                                                 guint           end_page,
                                                 guint           end_index);
gboolean    pb_document_view_has_page_text      (PbDocumentView *self,
                                                 guint           page);

G_END_DECLS
