/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-view-model.h"

G_BEGIN_DECLS

#define PB_TYPE_PAGE_CONTROLS (pb_page_controls_get_type ())

G_DECLARE_FINAL_TYPE (PbPageControls, pb_page_controls, PB, PAGE_CONTROLS, GtkWidget)

GtkWidget   *pb_page_controls_new       (void);
PbViewModel *pb_page_controls_get_model (PbPageControls *self);
void         pb_page_controls_set_model (PbPageControls *self,
                                         PbViewModel    *model);
void         pb_page_controls_focus     (PbPageControls *self);
const char  *pb_page_controls_get_text  (PbPageControls *self);
const char  *pb_page_controls_get_total (PbPageControls *self);

G_END_DECLS
