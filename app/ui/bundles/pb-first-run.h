/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PB_TYPE_FIRST_RUN (pb_first_run_get_type ())

G_DECLARE_FINAL_TYPE (PbFirstRun, pb_first_run, PB, FIRST_RUN, GtkWidget)

GtkWidget *pb_first_run_new (void);

G_END_DECLS
