/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PB_TYPE_RESTORE_WINDOW (pb_restore_window_get_type ())

G_DECLARE_FINAL_TYPE (PbRestoreWindow, pb_restore_window, PB, RESTORE_WINDOW, AdwWindow)

PbRestoreWindow *pb_restore_window_new           (GtkWindow       *parent,
                                                  const char      *library_path);
guint            pb_restore_window_get_n_backups (PbRestoreWindow *self);

G_END_DECLS
