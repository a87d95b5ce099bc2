/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-view-state.h"

G_BEGIN_DECLS

#define PB_TYPE_SIZING (pb_sizing_get_type ())

GType pb_sizing_get_type (void) G_GNUC_CONST;

#define PB_TYPE_VIEW_MODEL (pb_view_model_get_type ())

G_DECLARE_FINAL_TYPE (PbViewModel, pb_view_model, PB, VIEW_MODEL, GObject)

PbViewModel *pb_view_model_new         (void);
guint        pb_view_model_get_page    (PbViewModel       *self);
void         pb_view_model_set_page    (PbViewModel       *self,
                                        guint              page_index);
guint        pb_view_model_get_n_pages (PbViewModel       *self);
void         pb_view_model_set_n_pages (PbViewModel       *self,
                                        guint              n_pages);
double       pb_view_model_get_zoom    (PbViewModel       *self);
void         pb_view_model_set_zoom    (PbViewModel       *self,
                                        double             zoom);
PbSizing     pb_view_model_get_sizing  (PbViewModel       *self);
void         pb_view_model_set_sizing  (PbViewModel       *self,
                                        PbSizing           sizing);
void         pb_view_model_zoom_to     (PbViewModel       *self,
                                        double             zoom);
void         pb_view_model_zoom_in     (PbViewModel       *self);
void         pb_view_model_zoom_out    (PbViewModel       *self);
void         pb_view_model_get_state   (PbViewModel       *self,
                                        PbViewState       *state);
void         pb_view_model_set_state   (PbViewModel       *self,
                                        const PbViewState *state);

G_END_DECLS
