/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-import-queue.h"

G_BEGIN_DECLS

void pb_import_outcome_announce (PbImportQueue *queue,
                                 PbLibrary     *library,
                                 GtkWindow     *window,
                                 gboolean       cancelled);

G_END_DECLS
