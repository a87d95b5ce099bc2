/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PB_TYPE_PREVIEW_WINDOW (pb_preview_window_get_type ())

G_DECLARE_FINAL_TYPE (PbPreviewWindow, pb_preview_window, PB, PREVIEW_WINDOW, AdwWindow)

GtkWidget  *pb_preview_window_new      (GtkWindow   *parent,
                                        const char  *path,
                                        const char  *title,
                                        gboolean     delete_on_close);
const char *pb_preview_window_get_path (PbPreviewWindow *self);
guint       pb_preview_window_get_n_pages (PbPreviewWindow *self);

G_END_DECLS
