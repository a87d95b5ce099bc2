/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-import-queue.h"

G_BEGIN_DECLS

/* The tallest the list of failed files grows before it scrolls, in pixels. */
#define PB_IMPORT_FAILURES_LIST_MAX_HEIGHT 320

GtkWidget *pb_import_failures_dialog_new (GtkWindow *window,
                                          GPtrArray *failures);

char      *pb_import_outcome_stopped_message (PbImportQueue *queue);
void pb_import_outcome_announce (PbImportQueue *queue,
                                 PbLibrary     *library,
                                 GtkWindow     *window,
                                 gboolean       cancelled);

G_END_DECLS
