/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library-check.h"
#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_CHECK_WINDOW (pb_check_window_get_type ())

G_DECLARE_FINAL_TYPE (PbCheckWindow, pb_check_window, PB, CHECK_WINDOW, AdwWindow)

PbCheckWindow *pb_check_window_new        (GtkWindow     *parent,
                                           PbLibrary     *library);
PbCheckResult *pb_check_window_get_result (PbCheckWindow *self);
void           pb_check_window_repair     (PbCheckWindow *self);

G_END_DECLS
